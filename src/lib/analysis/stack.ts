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

/**
 * arm since 5.14 without CONFIG_BACKTRACE_VERBOSE (arch/arm/kernel/traps.c dump_backtrace_entry,
 * `"%s %ps from %pS\n"`): ` brcmf_fweh_event_worker [brcmfmac] from process_one_work+0x250/0x57c`,
 * the caller with its offset
 */
const ARM_FROM_SHORT =
	/^\s*([A-Za-z_][\w.$]*)(?: \[([\w-]+)\])? from ([A-Za-z_][\w.$]*)\+(0x[0-9a-f]+)\/(0x[0-9a-f]+)(?: \[([\w-]+)\])?\s*$/;

/** Parse an ARM `(a) from (b)` line (or 5.14's ` a from b+..`) into its two frames. */
export function parseArmFromLine(text: string, line: number, context: string): Frame[] {
	const s = text.includes(' from ') && !text.includes(') from ') ? ARM_FROM_SHORT.exec(text) : null;
	if (s) {
		const frame = (
			fn: string,
			mod: string | undefined,
			off: string | null,
			size: string | null
		) => ({
			function: fn,
			offset: off,
			size,
			module: mod ?? null,
			reliable: true,
			context,
			line,
			source: null
		});
		return [frame(s[1], s[2], null, null), frame(s[3], s[6], s[4], s[5])];
	}
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

/** a dump's `CPU: 1 PID: 5189 Comm: X …` line (`CPU: 0 UID: 0 PID: 112 …` on recent kernels): its pid */
const CPU_PID = /^CPU: \d+ (?:UID: \d+ )?PID: (\d+)/;
/** the task a WARNING's header names: `WARNING: CPU: 1 PID: 1798 at lib/debugobjects.c:287 …` */
const HEADER_PID = /CPU: \d+ PID: (\d+) at /;
/**
 * The start of another task's or CPU's stack after the report's own: an RCU stall's starved
 * grace-period kthread (`rcu_sched kthread starved for 10002 jiffies!`, then its stack), the NMI
 * backtraces of other CPUs (`Sending NMI from CPU 0 to CPUs 1:`, `NMI backtrace for cpu 1`), a
 * new dump's `CPU: 1 PID: 0 Comm: …` line, the other access of a KCSAN data race (`read to
 * 0xffff8fee4c40700c of 4 bytes by task 166 on cpu 6:`), and sched_show_task()'s task line
 * (`task:rcu_preempt state:I …` since 5.10, before it the name padded to 15 characters and the
 * state letter: `rcu_sched       D ffff975b54037a08 13792     8      2 0x00080000`), and SLUB's
 * tracks of an object's last allocation and free (`INFO: Allocated in f+0x4a/0x490 age=1688 …`,
 * `INFO: Freed in …`, each with its stack, printed without a `Call Trace:` line: the two had been
 * read as one trace in satyr-gitlog-19.log and satyr-gitlog-30.log).
 */
const OTHER_STACK =
	/^(?:(?:rcu: )?\S+ kthread starved for |(?:read|write|read-write)(?: \(marked\))? to 0x|Sending NMI from CPU |NMI backtrace for cpu |CPU: \d+ (?:UID: \d+ )?PID: |task:\S|(?:INFO: )?(?:Allocated|Freed) in [\w.]+\+0x)|^.{15} [A-Z] +(?:running task|[0-9a-f]+) +\d+ +\d+ +\d+ 0x/;

/**
 * The frames of the call trace of a report (up to the next stack start such as `Allocated by
 * task`, or `Allocated:` before 4.11), with stack-switch markers turned into each frame's
 * context. Old kernels and ARM print frames without a `Call Trace:` line: then every frame line
 * counts. When the stacks of other tasks or CPUs follow (OTHER_STACK), each is a trace of its
 * own, and the report's is the first that holds its guilty frame (`guilty`, a function name as
 * the title names it), else the first: an RCU stall of 4.19 and later prints the starved
 * grace-period kthread's stack before the stalled CPU's. A later trace whose `CPU:` line names the
 * first one's pid is that task again (6.x prints a WARNING's trace, then panic_on_warn's), never
 * chosen for its guilty frame: the first is the report's own. Without the guilty frame, the trace
 * of the task the header names (`WARNING: CPU: 1 PID: 1798 at …`) is chosen, else the first.
 */
export function parseCallTrace(lines: BlockLine[], guilty: string | null = null): Frame[] {
	return chooseTrace(lines, callTraces(lines), guilty);
}

/** The call traces of a report and the pid of each trace's `CPU: N PID: P` line (see parseCallTrace). */
interface Traces {
	traces: Frame[][];
	pids: Array<string | null>;
}

/**
 * The trace a report's lines end in: the last of its traces (another task's or CPU's stack
 * printed after the report's own, such as an RCU stall's starved grace-period kthread), or
 * none. Whether the log was cut inside the report is read from it (crash/index.ts, cutInTrace).
 */
export function lastCallTrace(lines: BlockLine[]): Frame[] {
	const { traces } = callTraces(lines);
	return traces[traces.length - 1] ?? [];
}

function callTraces(lines: BlockLine[]): Traces {
	const headed = lines.some((l) => STACK_START.test(l.text));
	const traces: Frame[][] = [];
	let frames: Frame[] = [];
	// the pid of each trace's `CPU: N PID: P` line (null when it has none): a later trace of the
	// first one's pid is the same task printed again (a panic after a WARNING of 6.x)
	const pids: Array<string | null> = [];
	let pid: string | null = null;
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
		if (frames.length === 0 && t.startsWith('CPU: ')) pid = CPU_PID.exec(t)?.[1] ?? pid;
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
		// another task's or CPU's stack is another trace (lkp-41.log: an RCU stall's starved
		// kthread printed after the stalled CPU's stack had been read as more of its frames)
		if (frames.length > 0 && OTHER_STACK.test(t)) {
			if (frames.length > segment) endSegment();
			if (pc32 && lastIrq > 0 && !irqClosed) i386IrqStacks(frames, lastIrq);
			traces.push(frames);
			pids.push(pid);
			pid = CPU_PID.exec(t)?.[1] ?? null;
			frames = [];
			started = !headed;
			context = 'task';
			inRegs = false;
			segment = previous = 0;
			lastIrq = -1;
			irqClosed = pc32 = false;
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
		const f = parseFrameLine(t, l.line, context) ?? (headed ? bareFrame(t, l.line, context) : null);
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
	if (frames.length > 0 || traces.length === 0) {
		traces.push(frames);
		pids.push(pid);
	}
	return { traces, pids };
}

function chooseTrace(lines: BlockLine[], { traces, pids }: Traces, guilty: string | null): Frame[] {
	if (traces.length === 1) return traces[0];
	const names = (fr: Frame) => guilty !== null && isGuiltyFunction(fr.function, guilty);
	const own = traces.filter((_, i) => i === 0 || pids[i] === null || pids[i] !== pids[0]);
	// the task the header names (`WARNING: CPU: 1 PID: 1798 at …`) when another task's report
	// was printed into it first
	const named = lines.length > 0 ? HEADER_PID.exec(lines[0].text)?.[1] : undefined;
	return (
		own.find((tr) => tr.some((fr) => names(fr) && fr.reliable)) ??
		own.find((tr) => tr.some(names)) ??
		traces.find((_, i) => named !== undefined && pids[i] === named) ??
		traces[0]
	);
}

/**
 * A frame's function is the guilty function a title names: the function itself or a compiler
 * clone of it (`wdev_priv.part.8` for `wdev_priv`, `.isra.0`, `.constprop.0`), also as the
 * dot symbol of 64-bit powerpc's ELFv1 kernels (`.ipr_pci_error_detected` for
 * `ipr_pci_error_detected`; abrt-oops9-ppc64.log's trace had not shown its guilty frame).
 */
export function isGuiltyFunction(fn: string, guilty: string): boolean {
	const f = codeAt(fn, 0) === 46 /* . */ && codeAt(guilty, 0) !== 46 ? fn.slice(1) : fn;
	return f === guilty || f.startsWith(`${guilty}.`);
}

/**
 * A kernel frame the kernel could not symbolise, printed as its 64-bit kernel address
 * (`[<ffffffffa00000d5>] 0xffffffffa00000d5`: an ftrace trampoline in lkp-kasan-02.log, the init
 * code of a module already freed, arm64's bad PC `0xffffffffdeadbeef`); kmemleak's end marker
 * (`0xffffffffffffffff`) is none, nor is an s390 user-space return address (`0x4e15e926dc`).
 */
const BARE_FRAME = /^\s*\[<[0-9a-f]{8,16}>\]\s+(\?\s+)?(0xffff[0-9a-f]{12})\s*$/;

function bareFrame(text: string, line: number, context: string): Frame | null {
	const m = BARE_FRAME.exec(text);
	if (m === null || m[2] === '0xffffffffffffffff') return null;
	return {
		function: m[2],
		offset: null,
		size: null,
		module: null,
		reliable: !m[1],
		context,
		line,
		source: null
	};
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
/** lines naming the faulting PC: x86 RIP/EIP/IP, powerpc NIP, arm64/riscv/mips pc/epc, arm PC is at, s390 Krnl PSW, loongarch ERA */
const FAULT_LINE =
	/^\s*(?:RIP: |EIP: |EIP is at |IP: |NIP:? |pc : |epc +: |PC is at |Krnl PSW : |ERA: [0-9a-f]+ )/;

/** The faulting location from `RIP: 0010:f+0x1/0x2`, `pc : f+..`, `PC is at f+..`, `NIP [..] f+..`, `epc : f+..`, `EIP: f+..`, `Krnl PSW : .. (f+..)`. */
export function faultLocation(lines: BlockLine[]): string | null {
	return faultFrame(lines)?.text ?? null;
}

/** The faulting location (faultLocation) and the line it is on, or null. */
export function faultFrame(lines: BlockLine[]): { text: string; line: number } | null {
	for (const l of lines) {
		if (!FAULT_LINE.test(l.text)) continue;
		const m = symbolIn(l.text);
		if (m) return { text: m, line: l.line };
	}
	return null;
}

/**
 * The frames of a report with its faulting function on top when the guilty function is that
 * function and no frame of the trace names it: x86 prints the function that hit a WARN() or
 * faulted only in `RIP:`, and the trace starts at its caller (syzkaller report 744, `WARNING in
 * dbAdjTree`: `RIP: 0010:dbAdjTree+0x454/0x4e0`, a trace from `dbJoin` on). The frame added is
 * the `RIP:` line's, reliable, in the context of the trace's first frame.
 */
export function withFaultFrame(
	frames: Frame[],
	lines: BlockLine[],
	guilty: string | null
): Frame[] {
	if (guilty === null || frames.some((fr) => isGuiltyFunction(fr.function, guilty))) return frames;
	const at = faultFrame(lines);
	if (at === null) return frames;
	const top = parseFrameLine(at.text, at.line, frames[0]?.context ?? 'task');
	if (top === null || !isGuiltyFunction(top.function, guilty)) return frames;
	return [top, ...frames];
}
