import type { ErrorBlock } from '../../models/error-block.ts';
import type { Frame, Severity } from '../../models/finding.ts';
import { faultLocation, parseCallTrace, parseFrameLine } from '../stack.ts';
import { normalizeTitle } from './normalize.ts';
import type { CrashReport } from './types.ts';

export type { CrashReport } from './types.ts';

const SKIP = new RegExp(
	[
		'^dump_stack',
		'^show_stack',
		'panic',
		'^__warn',
		'warn_slowpath',
		'report_bug',
		'fixup_bug',
		'do_error_trap',
		'do_invalid_op',
		'^invalid_op',
		'exc_invalid_op',
		'handle_bug',
		'asm_exc_',
		'kasan',
		'print_address_description',
		'print_report',
		'^__asan',
		'check_memory_region',
		'^kmalloc',
		'^kfree$',
		'^kmem_cache',
		'^memcpy',
		'^memset',
		'^str',
		'lock_acquire',
		'^_raw_spin',
		'^mutex_',
		'^__mutex_',
		'lockdep',
		'^__might_',
		'^might_',
		'^dump_backtrace',
		'^arch_stack_walk',
		'^stack_trace_'
	].join('|')
);

/** Strip syscall wrapper prefixes: the canonical frame is the shortest name left. */
export function canonicalFrame(name: string): string {
	let best = name;
	for (const p of ['__x64_sys_', '__ia32_sys_', '__arm64_sys_', '__se_sys_', '__do_sys_', '__sys_', 'ksys_', 'sys_', 'SyS_', 'SYSC_']) {
		if (name.startsWith(p)) {
			const s = p.endsWith('sys_') ? 'sys_' + name.slice(p.length) : name.slice(p.length);
			if (s.length < best.length) best = s;
		}
	}
	return best;
}

function guilty(frames: Frame[], fault: string | null): string | null {
	if (fault) {
		const f = fault.replace(/\+0x.*$/, '');
		if (!SKIP.test(f)) return f;
	}
	for (const fr of frames) if (fr.reliable && !SKIP.test(fr.function)) return fr.function;
	return null;
}

interface Family {
	rule: string;
	re: RegExp;
	title: (m: RegExpExecArray, frame: string) => string;
	type: string | null;
	severity: Severity;
	kind: string;
	alt?: (frame: string) => string;
}

const FAMILIES: Family[] = [
	{
		rule: 'crash.kasan',
		re: /BUG: KASAN: ([\w-]+) in .*\n(?:[^\n]*\n){0,4}?.*\b(Read|Write) (?:of size|at addr)/,
		title: (m, f) => `KASAN: ${m[1]} ${m[2]} in ${f}`,
		type: 'KASAN',
		severity: 'critical',
		kind: 'memory-safety bug found by KASAN',
		alt: (f) => `bad-access in ${f}`
	},
	{
		rule: 'crash.null-deref',
		re: /BUG: (?:unable to handle kernel |kernel )NULL pointer dereference/,
		title: (_m, f) => `BUG: unable to handle kernel NULL pointer dereference in ${f}`,
		type: 'NULL-POINTER-DEREFERENCE',
		severity: 'high',
		kind: 'NULL pointer dereference',
		alt: (f) => `bad-access in ${f}`
	},
	{
		rule: 'crash.paging-fault',
		re: /(?:BUG: unable to handle (?:kernel paging request|page fault for address)|Unable to handle kernel paging request)/,
		title: (_m, f) => `BUG: unable to handle kernel paging request in ${f}`,
		type: 'MEMORY_SAFETY_BUG',
		severity: 'high',
		kind: 'invalid memory access',
		alt: (f) => `bad-access in ${f}`
	},
	{
		rule: 'crash.gpf',
		re: /general protection fault/,
		title: (_m, f) => `general protection fault in ${f}`,
		type: 'DoS',
		severity: 'high',
		kind: 'general protection fault',
		alt: (f) => `bad-access in ${f}`
	},
	{
		rule: 'crash.bug',
		re: /kernel BUG at /,
		title: (_m, f) => `kernel BUG in ${f}`,
		type: 'BUG',
		severity: 'high',
		kind: 'kernel assertion (BUG_ON) failed'
	},
	{
		rule: 'crash.soft-lockup',
		re: /BUG: soft lockup/,
		title: (_m, f) => `BUG: soft lockup in ${f}`,
		type: 'HANG',
		severity: 'high',
		kind: 'soft lockup',
		alt: (f) => `stall in ${f}`
	},
	{
		rule: 'crash.hung-task',
		re: /INFO: task .* blocked for more than/,
		title: (_m, f) => `INFO: task hung in ${f}`,
		type: 'HANG',
		severity: 'high',
		kind: 'hung task',
		alt: (f) => `hang in ${f}`
	},
	{
		rule: 'crash.rcu-stall',
		re: /INFO: rcu_\w+ (?:self-)?detected (?:expedited )?stall/,
		title: (_m, f) => `INFO: rcu detected stall in ${f}`,
		type: 'HANG',
		severity: 'high',
		kind: 'RCU stall'
	},
	{
		rule: 'crash.warning',
		re: /WARNING: .*\bat\b/,
		title: (_m, f) => `WARNING in ${f}`,
		type: 'WARNING',
		severity: 'medium',
		kind: 'kernel warning (WARN_ON)'
	},
	{
		rule: 'crash.panic',
		re: /Kernel panic - not syncing: ([^\n]*)/,
		title: (m) => `kernel panic: ${m[1]}`,
		type: 'DoS',
		severity: 'critical',
		kind: 'kernel panic'
	}
];

/** Title, frames and facts of one kernel report. */
export function analyzeCrash(block: ErrorBlock): CrashReport {
	const text = block.lines.map((l) => l.text).join('\n');
	const frames = parseCallTrace(block.lines);
	const fault = faultLocation(block.lines);
	const g = guilty(frames, fault);
	const frame = g ? canonicalFrame(g) : 'corrupted';
	let title = block.lines[0].text;
	let alt: string[] = [];
	let type: string | null = null;
	let severity: Severity = 'medium';
	let kind = 'kernel report';
	let rule = 'crash.other';
	for (const fam of FAMILIES) {
		const m = fam.re.exec(text);
		if (!m) continue;
		title = fam.title(m, frame);
		alt = fam.alt ? [fam.alt(frame)] : [];
		type = fam.type;
		severity = fam.severity;
		kind = fam.kind;
		rule = fam.rule;
		break;
	}
	const cpuLine = block.lines.find((l) => /^CPU: \d+ (?:UID: \d+ )?PID: \d+ Comm: /.test(l.text))?.text ?? '';
	const cm = /^CPU: (\d+) (?:UID: \d+ )?PID: (\d+) Comm: (.*?) +(?:Not tainted|Tainted: )/.exec(cpuLine);
	const hw = block.lines.find((l) => l.text.startsWith('Hardware name: '))?.text.slice(15) ?? null;
	const panicked = /Kernel panic - not syncing/.test(text);
	const registers = block.lines
		.filter((l) => /^(?:RIP|RSP|RAX|RDX|RBP|R1[0-5]|R[89]|FS|CS|CR2|Code|pc|lr|sp|x\d+|NIP|MSR|GPR\d+|pstate|Krnl)\b/.test(l.text))
		.slice(0, 40)
		.map((l) => l.text);
	const corrupted = frame === 'corrupted';
	return {
		rule,
		title: normalizeTitle(title),
		alt_titles: alt.map(normalizeTitle),
		type,
		corrupted,
		corrupted_reason: corrupted ? 'no usable stack frame was found' : null,
		frames,
		guilty_frame: g,
		fault_location: fault,
		severity: panicked ? 'critical' : severity,
		panicked,
		cpu: cm ? Number(cm[1]) : null,
		pid: cm ? Number(cm[2]) : null,
		comm: cm ? cm[3] : null,
		kernel_version: /(?:Not tainted|Tainted: [A-Z ]*?) +(\d+\.\d+\S*)/.exec(cpuLine)?.[1] ?? null,
		hardware: hw,
		taint: null,
		registers,
		kind
	};
}

export { parseFrameLine };
