import type { BlockLine } from '../models/error-block.ts';
import type { Frame } from '../models/finding.ts';
import { codeAt } from '../util/text.ts';

/**
 * Call-trace frame lines in the shapes the kernel prints (see docs/DESIGN.md):
 *   x86:     ` ? dump_stack+0x45/0x56 [mod]`, ` [<ffffffff81662d11>] dump_stack+0x45/0x56`
 *   arm64:   ` selinux_socket_sendmsg+0x28/0x58 (P)`
 *   arm:     `[<c0012345>] (func) from [<c0023456>] (caller+0x10/0x20)`
 *   powerpc: `[c00000007a3efa20] [c00000000030a060] rebuild_sched_domains_locked+0x7b0/0x13a0 (unreliable)`
 *   s390:    ` [<000000000010014e>] do_one_initcall+0xce/0x160`
 *   symbolised: ` foo+0x1/0x2 fs/x.c:12`, ` foo fs/x.c:12 [inline]`
 */
const FRAME =
	/^\s*(?:\(?\[<?[0-9a-f]{8,16}>?\]\)?\s+){0,2}(\?\s+)?([A-Za-z_.$][\w.$]*)\+(0x[0-9a-f]+)\/(0x[0-9a-f]+)(?:\s+\[([\w-]+)(?:\s+[0-9a-f]+)?\])?(?:\s+(\S+\.[chS]:\d+))?(\s+\(unreliable\))?/;
const INLINE = /^\s*(\?\s+)?([A-Za-z_][\w.$]*) (\S+\.[chS]:\d+)(?::\d+)? \[inline\]/;
const ARM_FROM =
	/^\s*\[<[0-9a-f]+>\] \(([\w.$]+)(?:\+(0x[0-9a-f]+)\/(0x[0-9a-f]+))?(?: \[([\w-]+)\])?\) from \[<[0-9a-f]+>\] \(([\w.$]+)(?:\+(0x[0-9a-f]+)\/(0x[0-9a-f]+))?(?: \[([\w-]+)\])?\)/;

const CONTEXT_MARKERS: Record<string, string> = {
	'<IRQ>': 'irq',
	'</IRQ>': 'task',
	'<NMI>': 'nmi',
	'</NMI>': 'task',
	'<TASK>': 'task',
	'</TASK>': 'task',
	'<SOFTIRQ>': 'softirq',
	'</SOFTIRQ>': 'irq',
	'<EOI>': 'task',
	'<EOE>': 'task',
	'<<EOE>>': 'task'
};

/**
 * A stack-switch marker at the start of a line: `<IRQ>`, `</NMI>`, `<TASK>`, old kernels'
 * `<EOI>` / `<<EOE>>`, and exception stacks `<#DF>` / `</#MC>`. Old kernels print the next
 * frame on the same line (`<<EOE>>  [<ffffffff8154a9ae>] ? _write_lock_irq+0x1e/0x20`).
 */
const STACK_MARKER = /^\s*(<<EOE>>|<\/?(?:IRQ|NMI|TASK|SOFTIRQ|EOI|EOE|#[A-Z]{2}\d?)>)/;

/** The line's leading stack marker (null if none) and the text after it. */
export function splitStackMarker(text: string): { marker: string | null; rest: string } {
	const m = STACK_MARKER.exec(text);
	return m ? { marker: m[1], rest: text.slice(m[0].length) } : { marker: null, rest: text };
}

function markerContext(marker: string): string {
	return CONTEXT_MARKERS[marker] ?? (marker.startsWith('</') ? 'task' : 'exception');
}

/** Parse one frame line; null when the line is not a frame. */
export function parseFrameLine(text: string, line: number, context = 'task'): Frame | null {
	const m = FRAME.exec(text);
	if (m) {
		return {
			function: m[2],
			offset: m[3],
			size: m[4],
			module: m[5] ?? null,
			reliable: !m[1] && !m[7],
			context,
			line,
			source: m[6] ?? null
		};
	}
	const i = INLINE.exec(text);
	if (i) {
		return {
			function: i[2],
			offset: null,
			size: null,
			module: null,
			reliable: !i[1],
			context,
			line,
			source: i[3]
		};
	}
	return null;
}

/** Parse an ARM `(a) from (b)` line into its two frames. */
export function parseArmFromLine(text: string, line: number, context: string): Frame[] {
	const m = ARM_FROM.exec(text);
	if (!m) return [];
	return [
		{
			function: m[1],
			offset: m[2] ?? null,
			size: m[3] ?? null,
			module: m[4] ?? null,
			reliable: true,
			context,
			line,
			source: null
		},
		{
			function: m[5],
			offset: m[6] ?? null,
			size: m[7] ?? null,
			module: m[8] ?? null,
			reliable: true,
			context,
			line,
			source: null
		}
	];
}

const STACK_START = /^(?:Call [Tt]race:|Backtrace:|stack backtrace:|\s*backtrace)/;
// KASAN of 4.6 to 4.10 heads its allocation and free stacks `Allocated:` and `Freed:`
const STACK_END =
	/^(?:Allocated by task|Freed by task|Allocated:\s*$|Freed:\s*$|Last potentially related|The buggy address|Memory state around|Code: |---\[ end|Modules linked in|Uninit was|Exception stack\(|\s*Last Breaking-Event-Address:)/;

/**
 * The frames of the first call trace in a report (up to the next stack start such as
 * `Allocated by task`, or `Allocated:` before 4.11), with stack-switch markers turned into each
 * frame's context. Old kernels and ARM print frames without a `Call Trace:` line: then every
 * frame line counts.
 */
export function parseCallTrace(lines: BlockLine[]): Frame[] {
	const headed = lines.some((l) => STACK_START.test(l.text));
	const frames: Frame[] = [];
	let started = !headed;
	let context = 'task';
	/** between an exception frame's `RIP:` line and the next frame (see below) */
	let inRegs = false;
	// a trace printed again word for word (some vendor kernels dump it twice) is kept once
	let segment = 0;
	let previous = 0;
	// i386 before 4.9 prints `<IRQ>` after the frames of an interrupt stack (see i386IrqStacks)
	let lastIrq = -1;
	let irqClosed = false;
	let pc32 = false;
	const endSegment = () => {
		if (previous < segment && sameFrames(frames, previous, segment, frames.length))
			frames.length = segment;
		else previous = segment;
		segment = frames.length;
	};
	for (let k = headed ? 0 : 1; k < lines.length; k++) {
		const l = lines[k];
		let t = l.text;
		if (!started) {
			if (STACK_START.test(t)) started = true;
			continue;
		}
		if (STACK_START.test(t)) {
			if (frames.length > segment) endSegment();
			continue;
		}
		// lockdep's dependency chain (`-> #1 (&sig->cred_guard_mutex){+.+.+.}:`) prints the stack
		// that took each lock, the current task's last (`-> #0`): when the log ends before the
		// report's `stack backtrace:` only that one is the task's (satyr-gitlog-20.log)
		if (!headed && t.startsWith('-> #')) {
			frames.length = 0;
			segment = previous = 0;
			continue;
		}
		// the unwinder prints the registers of an exception or interrupt frame it crosses (`RIP:`,
		// `Code:`, the registers) inside the trace, and goes on with the frames of the code that was
		// interrupted: inside a <NMI>/<IRQ> section on modern kernels, or with no marker after a
		// trap's own frames (`invalid_op` of a WARN with panic_on_warn, 4.x x86). Only kernel code
		// (segment 0010): a system call's user registers (`RIP: 0033:`) end the trace; before 4.9 the
		// line (`RIP: 0010:[<ffffffff81f014b0>] ...`) starts another CPU's registers, then its trace
		if (frames.length > 0 && t.startsWith('RIP: 0010:') && codeAt(t, 10) !== 91 /* [ */) {
			inRegs = true;
			continue;
		}
		if (STACK_END.test(t) && !((context !== 'task' || inRegs) && t.startsWith('Code: '))) {
			if (frames.length > 0) break;
			continue;
		}
		const { marker, rest } = splitStackMarker(t);
		if (marker !== null) {
			if (marker === '<IRQ>') lastIrq = frames.length;
			else if (marker === '<EOI>' || marker === '</IRQ>') irqClosed = true;
			context = markerContext(marker);
			if (rest.trim() === '') continue;
			t = rest;
		}
		if (/^\s*(?:--- interrupt|Exception stack|---\[ end)/.test(t)) {
			context = 'exception';
			continue;
		}
		const arm = parseArmFromLine(t, l.line, context);
		if (arm.length > 0) {
			if (frames.length === 0) frames.push(arm[0]);
			frames.push(arm[1]);
			continue;
		}
		const f = parseFrameLine(t, l.line, context);
		// the first frame after an exception frame's registers ends them
		if (f !== null) {
			inRegs = false;
			if (PC32.test(t)) pc32 = true;
		}
		if (f && (headed || f.offset !== null)) frames.push(f);
		if (frames.length >= 200) break;
	}
	if (frames.length > segment) endSegment();
	if (pc32 && lastIrq > 0 && !irqClosed) i386IrqStacks(frames, lastIrq);
	return frames;
}

/** a 32-bit `[<c012b4d0>]` program counter */
const PC32 = /^\s*\[<[0-9a-f]{8}>\]/;

/**
 * i386 kernels before 4.9 (dumpstack_32.c) walk an interrupt stack, then print `<IRQ>` and go on
 * with the stack that was interrupted, and print no `<EOI>`: the frames before the last `<IRQ>`
 * ran on an interrupt stack (hard or soft), those after it are the task's. x86-64 and later i386
 * kernels print `<IRQ>` before the interrupt frames and close them with `<EOI>` or `</IRQ>`.
 */
function i386IrqStacks(frames: Frame[], lastIrq: number): void {
	for (let i = 0; i < frames.length; i++) {
		const c = frames[i].context;
		if (i < lastIrq && c === 'task') frames[i].context = 'irq';
		else if (i >= lastIrq && c === 'irq') frames[i].context = 'task';
	}
}

/** frames [a, b) and [b, end) name the same functions at the same offsets */
function sameFrames(frames: Frame[], a: number, b: number, end: number): boolean {
	if (b - a !== end - b) return false;
	for (let i = 0; i < b - a; i++) {
		const x = frames[a + i];
		const y = frames[b + i];
		if (x.function !== y.function || x.offset !== y.offset || x.module !== y.module) return false;
	}
	return true;
}

/** `name+0x1/0x2` with an optional ` [module]` */
const SYMBOL = /^[A-Za-z_.$][\w.$]*\+0x[\da-f]+\/0x[\da-f]+(?: \[[\w-]+\])?/;

function symbolIn(text: string): string | null {
	const at = text.indexOf('+0x');
	if (at === -1) return null;
	let start = at;
	while (start > 0 && /[\w.$]/.test(text[start - 1])) start--;
	return SYMBOL.exec(text.slice(start))?.[0] ?? null;
}
/** lines naming the faulting PC: x86 RIP/EIP/IP, powerpc NIP, arm64/riscv pc/epc, arm PC is at, s390 Krnl PSW */
const FAULT_LINE = /^\s*(?:RIP: |EIP: |EIP is at |IP: |NIP:? |pc : |epc : |PC is at |Krnl PSW : )/;

/** The faulting location from `RIP: 0010:f+0x1/0x2`, `pc : f+..`, `PC is at f+..`, `NIP [..] f+..`, `epc : f+..`, `EIP: f+..`, `Krnl PSW : .. (f+..)`. */
export function faultLocation(lines: BlockLine[]): string | null {
	for (const l of lines) {
		if (!FAULT_LINE.test(l.text)) continue;
		const m = symbolIn(l.text);
		if (m) return m;
	}
	return null;
}
