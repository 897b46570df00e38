import type { DetailValue } from '../../models/finding.ts';
import type { BlockLine, ErrorBlock } from '../../models/error-block.ts';
import type { Frame } from '../../models/finding.ts';
import {
	faultFrame,
	faultLocation,
	lastCallTrace,
	parseCallTrace,
	parseFrameLine,
	withFaultFrame
} from '../stack.ts';
import { notStalledLines, rcuStall, type RcuStall } from '../../util/rcu-stall.ts';
import { decodeTaint } from '../../util/taint.ts';
import { corruptionReason } from './corruption.ts';
import { crashFacts, registerLines, reportFacts, sysfsSelfRemoval } from './details.ts';
import { addressAsText, memoryFacts, registerAsText } from './memory-facts.ts';
import { I386_EXCEPTION_ENTRY } from './frames.ts';
import { kindOf } from './kind.ts';
import { sourceLocation } from './location.ts';
import { normalizeTitle, shownTitle } from './normalize.ts';
import { crashNotice } from './notices.ts';
import { reportText } from './report-text.ts';
import { frameSkip } from './skip.ts';
import { buildTitle } from './title.ts';
import { crashSeverity, crashType } from './type.ts';
import type { CrashReport } from './types.ts';
import type { TitleFormat } from './format-types.ts';
import { armUserFault, userFaultSeverity, userFaultTitle, type UserFault } from './user-fault.ts';

export type { CrashReport } from './types.ts';

const PANIC_LINE = 'Kernel panic - not syncing';
const GCE_DROP = 'serialport: VM disconnected.';

/**
 * Functions a call trace ends with: the entry code of system calls, exceptions and interrupts,
 * kernel threads' start and the boot or idle path of a CPU. A trace whose last reliable frame is
 * none of them goes on past the frame.
 */
export const TRACE_BOTTOM =
	/^(?:ret_from_|ret_fast_syscall|kernel_thread|kthread$|entry_|system_call|sysenter_|syscall_call|tracesys|int_ret_from_sys_call|stub_|ia32_|el0_|el0t_|el1h_|(?:i386_|x86_64_)?start_kernel|x86_64_start_|secondary_startup|start_secondary|cpu_startup_entry|cpu_bringup|rest_init|cpu_idle|do_idle|__primary_switched|handle_exception|common_interrupt|page_fault$|async_page_fault$|do_syscall_64$|do_fast_syscall_32$|do_int80_syscall_32$|worker_thread$|smpboot_thread_fn$)/;

/**
 * The report was still open when the input ended (BlockAssembler: `eof`) and its last line is a
 * frame of the last call trace it holds, and no frame from the last reliable one on is a trace's
 * bottom (the `?` entries after it may be: `? start_kernel` of an i386 idle task,
 * satyr-gitlog-13.log): the log was cut in the middle of the trace (lkp-kasan-08.log ends at
 * `? __lock_is_held+0x64/0x80` of a KASAN report whose allocation and free stacks never came).
 * The last trace, not the report's own: lkp-41.log ends inside the stack of the RCU stall's
 * starved kthread (`? __schedule+0x32d/0x34c` after `rcu_gp_kthread`), printed after the
 * stalled CPU's complete one, and had not been marked.
 */
function cutInTrace(frames: readonly Frame[], endLine: number): boolean {
	if (frames.length === 0 || frames[frames.length - 1].line !== endLine) return false;
	for (let i = frames.length - 1; i >= 0; i--) {
		if (TRACE_BOTTOM.test(frames[i].function)) return false;
		if (frames[i].reliable) return true;
	}
	return true;
}

/**
 * The report was still open when the input ended, its format needs a call trace, and it is
 * corrupted for want of one: the log ends before the trace (lkp-80.log is the one line `watchdog:
 * BUG: soft lockup - CPU#0 stuck for 22s!`; lkp-42.log, lkp-72.log end on the header line of a
 * second report; lkp-75.log ends in lockdep's list of held locks, before `stack backtrace:`).
 */
function endsBeforeTrace(
	format: TitleFormat | null,
	corrupted: string | null,
	own: BlockLine[]
): boolean {
	return (
		format !== null &&
		!format.noStackTrace &&
		// a damaged form (`Kernel panic - not syncing: Fatal exception` without its oops,
		// lkp-74.log) lost its start, not its end
		!format.corrupted &&
		corrupted !== null &&
		lastCallTrace(own).length === 0
	);
}

/**
 * What is left of an oops whose header the log lost, before its `Kernel panic - not syncing:
 * Fatal exception` (the damaged form, titled `kernel panic: Fatal exception` and corrupted): the
 * register dump from its faulting-PC line (`EIP: string_nocheck+0x59/0xb0`, `RIP:
 * 0010:f+0x1/0x2`) to the panic, which BlockAssembler puts before the panic's header line
 * (registerLead). lkp-74.log starts there, in an i386 oops 0.04 s into a boot. None when the
 * panic's own lines name a faulting PC.
 */
function lostOopsTail(
	block: ErrorBlock,
	format: TitleFormat | null,
	h: number,
	own: BlockLine[]
): BlockLine[] {
	if (block.header !== 'Kernel panic' || format === null || !format.corrupted || h <= 0) return [];
	const tail = block.lines.slice(0, h);
	return faultLocation(own) === null && faultLocation(tail) !== null ? tail : [];
}

/**
 * The faulting function of a lost oops (lostOopsTail) as a frame, and as the guilty frame unless
 * it is generic (the taxonomy's skipped frames: `string_nocheck` is string formatting, which
 * faults on the bad pointer a caller gave it; without the trace the caller is unknown).
 */
function lostOopsFrame(tail: BlockLine[]): { frame: Frame | null; guilty: string | null } {
	const at = faultFrame(tail);
	const frame = at === null ? null : parseFrameLine(at.text, at.line, 'task');
	if (frame === null) return { frame: null, guilty: null };
	return { frame, guilty: frameSkip().test(frame.function) ? null : frame.function };
}

/**
 * The frames of an old i386 report without die()'s own: the trace such a kernel prints for an
 * oops or `BUG()` is of die()'s stack, from `show_trace_log_lvl` down through `die`, `do_trap`
 * and the exception entry (`error_code`) to the code the exception interrupted. With the faulting
 * function from `EIP is at` on top (withFaultFrame), the frames between it and that code are the
 * reporting path, not callers (`kerneloops-i386-bug-on.log`: `modinit`, then seven frames of it,
 * then `sys_init_module`).
 */
function withoutDiePath(frames: Frame[], guilty: string | null): Frame[] {
	if (frames.length < 3 || frames[0].function !== guilty) return frames;
	if (frames[1].function !== 'show_trace_log_lvl') return frames;
	const entry = frames.findIndex((f) => I386_EXCEPTION_ENTRY.test(f.function));
	return entry === -1 ? frames : [frames[0], ...frames.slice(entry + 1)];
}

/** the functions that print a trace, and an old WARN()'s own (warn_slowpath_*() called dump_stack()) */
const WARN_PATH =
	/^(?:show_trace(?:_log_lvl)?|show_stack(?:_log_lvl)?|_{0,2}dump_stack(?:_lvl)?|dump_backtrace|unwind_backtrace|walk_stack|__warn|warn_slowpath\w*)$/;

/**
 * The frames of a WARN() printed through warn_slowpath_fmt() (x86 before 4.11, where later ones
 * trap and print from the warning function, ARM still), without its reporting path: its trace is
 * dump_stack()'s, called from warn_slowpath_common() (4.8 and later: __warn()), so it starts with
 * the printing functions (`dump_stack`, `show_trace_log_lvl` on i386, `unwind_backtrace` and
 * `show_stack` on ARM) and `warn_slowpath_common`/`__warn`, `warn_slowpath_fmt`; 2.6.24's
 * WARN_ON() called dump_stack() itself (`WARNING: at …/oops.c:5 modinit()`, then
 * `show_trace_log_lvl`, `show_trace`, `dump_stack`, `modinit`). As the taxonomy skips them for
 * the guilty frame, the trace starts at the function that warned; unreliable (`?`) frames among
 * them go too. A trace that shows neither form (a WARN() of 4.11 and later, whose `?` frames may
 * name `__warn`) keeps its frames.
 */
function withoutWarnPath(frames: Frame[], header: string, text: string): Frame[] {
	if (header !== 'WARNING:') return frames;
	let cut = -1;
	let slowpath = false;
	for (let i = 0; i < frames.length; i++) {
		const f = frames[i];
		if (WARN_PATH.test(f.function)) {
			cut = i;
			if (f.function.startsWith('warn_slowpath')) slowpath = true;
		} else if (f.reliable) break;
	}
	if (cut === -1 || cut === frames.length - 1) return frames;
	return slowpath || /^WARNING: at /.test(text) ? frames.slice(cut + 1) : frames;
}

/**
 * An RCU stall names what stalled itself: its CPUs (`\t1-...!: (…)`, `Task dump for CPU 1:`) and
 * tasks (a stalled CPU's, a blocked reader's). A `CPU:` line is of the stall only when it is of one
 * of those CPUs (an NMI backtrace of a stalled CPU); one of another CPU (where the starved
 * grace-period kthread last ran, the CPU that noticed) does not name what stalled, and the stall's
 * own list wins. A stall that names nothing (`All QSes seen`) keeps the `CPU:` line it has.
 */
function stalledSubject(facts: ReturnType<typeof crashFacts>, stall: RcuStall | null): void {
	if (stall === null || (stall.cpus.length === 0 && stall.tasks.length === 0)) return;
	if (facts.pid !== null && facts.cpu !== null && stall.cpus.includes(facts.cpu)) return;
	facts.cpu = stall.cpus.length === 1 ? stall.cpus[0] : null;
	const task = stall.tasks.length === 1 ? stall.tasks[0] : null;
	facts.pid = task?.pid ?? null;
	facts.comm = task?.comm ?? null;
}

/**
 * An RCU stall's lines without the grace-period kthread's stack and the dump of the CPU it last
 * ran on (notStalledLines): where the fault location is looked for. A stall that names no CPU or
 * task (`All QSes seen`, only the kthread starved: syzkaller report 718) keeps them: the CPU the
 * kthread last ran on, busy with something else, is all it shows.
 */
function stalledLines(own: BlockLine[], texts: readonly string[], stall: RcuStall): BlockLine[] {
	if (stall.cpus.length === 0 && stall.tasks.length === 0) return own;
	const skip = notStalledLines(texts, stall);
	return own.filter((_, i) => !skip[i]);
}

/**
 * An ARM `Unhandled fault:` of a user-space process (armUserFault): the process got a signal and
 * the kernel went on. No kernel trace, so no frames, guilty function or fault location; the facts
 * are those the lines give (a printk caller id's task).
 */
function userFaultReport(block: ErrorBlock, user: UserFault): CrashReport {
	const rule = 'crash.arm-user-fault';
	const title = userFaultTitle(user);
	const facts = crashFacts(block.lines);
	return {
		rule,
		title,
		alt_titles: [],
		type: null,
		corrupted: false,
		corrupted_reason: null,
		frames: [],
		guilty_frame: null,
		fault_location: null,
		severity: userFaultSeverity(user),
		panicked: false,
		...facts,
		taint_flags: [],
		registers: [],
		follows_line: block.follows ?? null,
		kind: kindOf(rule, title),
		source_location: null,
		caller: null,
		cut_short: false,
		report_facts: {}
	};
}

/**
 * The largest task of the OOM report's task list before a panic_on_oom panic (ErrorBlock.oomTasks),
 * as facts: its name, pid, resident pages and swap entries, how many tasks the log holds of the
 * list and whether it holds the whole list (its header line).
 */
function oomTaskFacts(block: ErrorBlock): Record<string, DetailValue> {
	const t = block.oomTasks;
	if (t === undefined) return {};
	return {
		largest_task: t.name,
		largest_task_pid: t.pid,
		largest_task_rss_pages: t.rss,
		largest_task_swap_entries: t.swapents,
		tasks_listed: t.tasks,
		task_list_whole: t.header
	};
}

/**
 * Title, type, severity, frames and facts of one kernel report (see docs/DESIGN.md):
 * syzkaller's titling over the report text, then corruption checks, type from the title and
 * severity from the type.
 */
export function analyzeCrash(block: ErrorBlock): CrashReport {
	const user = block.header === 'Unhandled fault:' ? armUserFault(block.lines) : null;
	if (user !== null) return userFaultReport(block, user);
	// a WARN()'s message lines may come before the header line (see BlockAssembler): they are
	// evidence, but titles, facts and frames start at the header as in syzkaller
	const h = block.lines.findIndex((l) => l.line === block.startLine);
	const own = h > 0 ? block.lines.slice(h) : block.lines;
	const lines = reportText(own, block.context, block.header);
	const t = buildTitle(block.header, lines);
	// the title a user reads may keep what syzkaller's form blanks: that form is then an alt title
	const syzTitle = normalizeTitle(t.title);
	const title = shownTitle(t.title) ?? syzTitle;
	const alts = [...new Set([syzTitle, ...t.alts.map(normalizeTitle)])]
		.filter((a) => a !== title)
		.sort();
	const tail = lostOopsTail(block, t.format, h, own);
	const texts = own.map((l) => l.text);
	const stall = rcuStall(texts);
	const fault = faultLocation(
		tail.length > 0 ? tail : stall ? stalledLines(own, texts, stall) : own
	);
	let corrupted =
		tail.length > 0
			? `the oops this panic ends lost its header and trace: the log holds only its registers (from line ${tail[0].line}), whose faulting PC is ${fault}`
			: (t.corrupted ?? corruptionReason(t.title, lines, t.format));
	if (!corrupted && block.lines.some((l) => l.text.includes(GCE_DROP)))
		corrupted = 'the console connection dropped (serialport: VM disconnected)';
	const type = crashType(title);
	// a WARN printed on purpose (a support status, broken firmware) is a notice, not a bug; its
	// message may be one of the lines before the header
	const rule = crashNotice(title, block.lines)?.rule ?? t.rule;
	const panicked = block.lines.some((l) => l.text.includes(PANIC_LINE));
	const facts = crashFacts(own, block.before);
	stalledSubject(facts, stall);
	const lost = tail.length > 0 ? lostOopsFrame(tail) : null;
	const guilty = t.frame?.raw ?? lost?.guilty ?? null;
	const frames = lost?.frame
		? [lost.frame]
		: withoutWarnPath(
				withoutDiePath(withFaultFrame(parseCallTrace(own, guilty), own, guilty), guilty),
				block.header,
				own[0]?.text ?? ''
			);
	const taint = facts.taint ? decodeTaint(facts.taint, facts.kernel_version) : null;
	const registers = registerLines([...tail, ...own]);
	const text = addressAsText(own, registers, tail.length > 0);
	// a general protection fault prints no address: the register its faulting instruction addresses
	// memory through, when it holds text
	const inRegister =
		text === null && block.header === 'general protection fault' ? registerAsText(registers) : null;
	const reported: Record<string, DetailValue> = {
		...reportFacts(block.header, block.lines, Math.max(h, 0)),
		...memoryFacts(block.lines, Math.max(h, 0)),
		...(text === null ? {} : { address_as_text: text }),
		...(inRegister === null
			? {}
			: { register_as_text: inRegister.text, text_register: inRegister.register }),
		...oomTaskFacts(block),
		...sysfsSelfRemoval(own, 0, frames)
	};
	// a task that waits for its own lock, or for its own sysfs file's active reference to go
	const ownWait = (reported.same_lock === true || 'sysfs_store' in reported) && !panicked;
	return {
		rule,
		title,
		alt_titles: alts,
		type,
		corrupted: corrupted !== null,
		corrupted_reason: corrupted,
		frames,
		guilty_frame: guilty,
		fault_location: fault,
		// a task that took the very lock it holds waits for itself: a hang, not a possible deadlock
		severity: ownWait ? 'high' : crashSeverity(type, rule, panicked, title),
		panicked,
		...facts,
		taint_flags: taint
			? [
					...taint.flags.map((f) => `${f.letter} (${f.name}): ${f.description}`),
					...taint.unknown.map((u) => `${u}: unknown taint flag`)
				]
			: [],
		registers,
		follows_line: block.follows ?? null,
		kind:
			reported.same_lock === true
				? 'deadlock (a task taking the lock it holds)'
				: 'sysfs_store' in reported
					? 'deadlock (a sysfs write removing its own file)'
					: kindOf(rule, title),
		source_location: own.length > 0 ? sourceLocation(block.header, own[0].text) : null,
		caller: t.frame?.caller ?? null,
		cut_short:
			block.endReason === 'eof' &&
			(cutInTrace(lastCallTrace(own), block.endLine) || endsBeforeTrace(t.format, corrupted, own)),
		report_facts: reported
	};
}

export { parseFrameLine };
