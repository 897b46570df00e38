/**
 * Substrings that open a kernel report, with the lines that must not trigger them.
 * Follows syzkaller's Linux oops table (pkg/report/linux.go, Apache-2.0), see
 * docs/DESIGN.md; NecroScope adds a few headers syzkaller does not need (marked `extra`).
 */
import { LiteralMatcher } from '../../util/literal-matcher.ts';
import { RCU_STALL_START, rcuStall } from '../../util/rcu-stall.ts';

export interface OopsHeader {
	/** the case-sensitive substring that opens a report */
	key: string;
	/** lines containing the key that are not reports */
	exclude: RegExp[];
	/** false for headers that never start a second report inside an open one */
	splits: boolean;
	/** NecroScope addition, not in syzkaller's table */
	extra?: boolean;
	/** the line must also match this (for keys that are too common alone) */
	require?: RegExp;
	/**
	 * the report is this one line plus its own trace, if any (indented lines, `+0x` frames,
	 * `ref_tracker` lines): it ends at the first other line, even one that looks report-like
	 */
	oneLine?: boolean;
}

/**
 * A header of the table. Every header has every field, in one order: headers of several shapes
 * (hidden classes in V8) had sent the block assembler's per-line code that reads a header's key
 * back to slower code at the first header of a shape it had not met.
 */
const h = (
	key: string,
	exclude: RegExp[] = [],
	splits = true,
	extra = false,
	more: Pick<OopsHeader, 'require' | 'oneLine'> = {}
): OopsHeader => ({
	key,
	exclude,
	splits,
	extra,
	require: more.require,
	oneLine: more.oneLine ?? false
});

const SLUB_BUG = /^BUG [\w-]+ \((?:Not tainted|Tainted: [^)]*)\): \w/;

export const OOPS_HEADERS: readonly OopsHeader[] = [
	h('BUG:', [
		/ODEBUG:/,
		/Boot_DEBUG:/,
		/xlog_status:/,
		/DEBUG:/,
		/BUG: no syscalls can create resource/,
		// NecroScope: driver debug output (`WiFi@WARN.FW,... BUG::UniCmdResult`)
		/BUG::/
	]),
	h('WARNING:', [
		/WARNING: \/etc\/ssh\/moduli does not exist/,
		/WARNING: workqueue cpumask: online intersect > possible intersect/,
		/WARNING: [Tt]he mand mount option/,
		/WARNING: Unsupported flag value\(s\) of 0x%x in DT_FLAGS_1/,
		/WARNING: Unprivileged eBPF is enabled with eIBRS/,
		/WARNING: fbcon: Driver '.*' missed to adjust virtual screen size/,
		/WARNING: See https.* for mitigation options/,
		/WARNING: kernel not compiled with CPU_SRSO/,
		// NecroScope: the LKP test harness writes its own complaints to /dev/kmsg (`WARNING: lkp
		// next download broken!`, lkp-lkp.log): user space, no WARN()
		/WARNING: lkp /,
		/EXT4-[Ff][Ss](?: \(.*\))?:/,
		/uses deprecated v2 capabilities/i,
		/uses wireless extensions/i,
		/XFS \(\w+\): WARNING/,
		// NecroScope: device messages (`xhci_hcd 0000:00:14.0: WARNING: Host System Error`) are not WARN()
		/^[\w-]+ [\d:.a-f-]+: WARNING: /
	]),
	h('INFO:', [
		/INFO: lockdep is turned off/,
		/INFO: Stall ended before state dump start/,
		/INFO: NMI handler .* took too long to run/,
		/_INFO:/,
		/INFO: recovery required on readonly filesystem/,
		/(?:handler|interrupt).*took too long/,
		/INFO: sys_.* is not present in the kernel/,
		/rmt_storage:INFO:/,
		// NecroScope: driver messages with their own tag (`wlan: [E :VOS] INFO: NV version ...`)
		/^[\w-]+: \[[^\]]*\] INFO: /,
		/\]INFO:/,
		/\[ ?[A-Z]+ ?\] INFO:/,
		/INFO:\S/
	]),
	h('Unable to handle kernel'),
	h('general protection fault', [
		/general protection fault .* error:\d+ in /,
		/traps: .*general protection fault/
	]),
	h('stack segment: '),
	h('Kernel panic', [], false),
	h('PANIC: double fault', [], false),
	h('rust_kernel: panicked'),
	h('kernel BUG'),
	h('Kernel BUG'),
	h('BUG kmalloc-'),
	h('divide error:'),
	h('divide_error:'),
	h('invalid opcode:', [], false),
	h('int3:'),
	h('UBSAN:'),
	h('Booting the kernel.', [/Parsing ELF/, /Decompressing Linux/, /Unknown parameter '/]),
	// NecroScope: report-like lines of other subsystems (`IPv6: ADDRCONF(...)`) had kept it open
	// for hours of a server log
	h('unregister_netdevice: waiting for', [], false, false, { oneLine: true }),
	h('VFS: Close: file count is 0'),
	h('VFS: Busy inodes after unmount'),
	h('Internal error:', [], false),
	h('Unhandled fault:'),
	// NecroScope: a user-space alignment trap (`Alignment trap: comm (pid) PC=0x… Instr=…
	// Address=… FSR 0x…`, arch/arm/mm/alignment.c with `ai_usermode` warn) is fixed up or
	// signalled: no kernel report. The kernel's own is `Alignment trap: not handling instruction`
	h('Alignment trap:', [/Alignment trap: .* \(\d+\) PC=0x[\da-f]+ Instr=/]),
	h('trusty: panic'),
	h('fatal error:', [/ALSA/, /fatal error: cannot create timer/]),
	h('SYZFAIL:'),
	h('SYZFATAL:'),
	h('panic:', [/[\w=]panic:/, /xlog_status:/, /ddb\.onpanic:/, /evtlog_status:/]),
	// NecroScope additions: reports real machines print that fuzzing VMs rarely do.
	// old kernels print it inside a WARNING from watchdog_overflow_callback: then it continues that
	// report (continuesWith); RHEL 6 prints it alone, one report per CPU, often several in a row
	h('Watchdog detected hard LOCKUP', [], true, true),
	// SLUB debugging for any cache: `BUG dentry (Not tainted): Poison overwritten`
	h(' (Not tainted): ', [], true, true, { require: SLUB_BUG }),
	h(' (Tainted: ', [], true, true, { require: SLUB_BUG }),
	h('Oops:', [], false, true),
	// x86 do_double_fault() calls die("double fault", ...): `double fault: 0000 [1] PREEMPT SMP`
	// (2.6.24). Later kernels print `PANIC: double fault, error_code: 0x0` before it, whose report
	// it must not split
	h('double fault: ', [], false, true, {
		require: /(?:^|\s)double fault: [\da-f]{4} \[#?\d+\]/
	})
];

/**
 * Headers of reports that may tell why a machine stopped: everything but a WARN(), the stall,
 * sanitizer and refcount notes a kernel goes on after (`INFO:`, `UBSAN:`,
 * `unregister_netdevice:`, `VFS:`), the decompressor's `Booting the kernel.` and user space's
 * (`fatal error:`, `panic:`, syzkaller's own). A boot that printed one of these did not stop
 * without a report (boot-end.ts).
 */
const NOT_CRASH_KEYS: ReadonlySet<string> = new Set([
	'WARNING:',
	'INFO:',
	'UBSAN:',
	'Booting the kernel.',
	'unregister_netdevice: waiting for',
	'VFS: Close: file count is 0',
	'VFS: Busy inodes after unmount',
	'fatal error:',
	'SYZFAIL:',
	'SYZFATAL:',
	'panic:'
]);

/**
 * Headers (besides NOT_CRASH_KEYS) of reports a machine runs on after: a soft lockup or another
 * `BUG:` check that only prints (BOOT_ENDING_BUG tells the faults apart), a hard lockup (RHEL 6
 * prints one per CPU and goes on: `crash-dmesg-vmcore-dmesg-txt.log`), SLUB's debugging
 * reports. With `softlockup_panic`, `hardlockup_panic` or `panic_on_warn` the panic that follows
 * is a report of its own (`Kernel panic - not syncing: softlockup: hung tasks`), which counts.
 */
const SURVIVED_KEYS: ReadonlySet<string> = new Set([
	'Watchdog detected hard LOCKUP',
	'BUG kmalloc-',
	' (Not tainted): ',
	' (Tainted: '
]);
/**
 * The `BUG:` reports that end or may end a boot: a fault the kernel oopses on (`BUG: unable to
 * handle kernel paging request`, `BUG: kernel NULL pointer dereference`, `BUG: unable to handle
 * page fault`, a stack guard page hit), and BUG() of architectures that print `BUG: failure at`.
 * The other `BUG:` checks (soft lockup, scheduling while atomic, sleeping function called from
 * invalid context, KASAN, spinlock lockup, bad page state ...) print and go on.
 */
const BOOT_ENDING_BUG =
	/BUG: (?:unable to handle|Unable to handle|kernel NULL pointer dereference|kernel paging request|(?:TASK )?stack guard page|failure at )/;

/**
 * ARM faults that end a boot only through the oops after them: `Unhandled fault:` (do_DataAbort)
 * calls arm_notify_die(), which sends a user-mode fault's task a signal and oopses on a kernel one
 * (`Internal error: : 1b [#1]`, a report of its own); the kernel's `Alignment trap: not handling
 * instruction` is followed by that `Unhandled fault:`. Such a report counts as ending its boot
 * only while nothing but its own lines follows it (BlockAssembler.crashPrinted).
 */
const MAY_END_KEYS: ReadonlySet<string> = new Set(['Unhandled fault:', 'Alignment trap:']);

/** Is this header one of MAY_END_KEYS's? */
export function mayEndBoot(header: OopsHeader): boolean {
	return MAY_END_KEYS.has(header.key);
}

/**
 * Does a report of this header, opened by line `text`, end or may it end its boot: an oops, a
 * panic, a `BUG:` fault, a `Fatal exception`? Soft and hard lockups and the other checks a
 * machine survives do not (NOT_CRASH_KEYS, SURVIVED_KEYS, BOOT_ENDING_BUG).
 */
export function isCrashHeader(header: OopsHeader, text: string): boolean {
	if (NOT_CRASH_KEYS.has(header.key) || SURVIVED_KEYS.has(header.key)) return false;
	if (MAY_END_KEYS.has(header.key)) return false;
	return header.key !== 'BUG:' || BOOT_ENDING_BUG.test(text);
}

/** Cheap prefilter: a line can only open a report if it contains one of these. */
export const HEADER_PREFILTER = new LiteralMatcher([
	'BUG',
	'WARNING:',
	'INFO:',
	'Unable to handle kernel',
	'general protection fault',
	'stack segment: ',
	'Kernel panic',
	'PANIC: double fault',
	'rust_kernel: panicked',
	'divide error:',
	'divide_error:',
	'invalid opcode:',
	'int3:',
	'UBSAN:',
	'Booting the kernel.',
	'unregister_netdevice: waiting for',
	'VFS: ',
	'Internal error:',
	'Unhandled fault:',
	'Alignment trap:',
	'trusty: panic',
	'fatal error:',
	'SYZFA',
	'panic:',
	'Watchdog detected hard LOCKUP',
	'Oops:',
	'double fault: '
]);

/** The header a line opens, or null. Headers are tried in table order. */
export function matchHeader(text: string): OopsHeader | null {
	if (!HEADER_PREFILTER.test(text)) return null;
	for (const hd of OOPS_HEADERS) {
		if (text.indexOf(hd.key) === -1) continue;
		if (hd.exclude.some((re) => re.test(text))) continue;
		if (hd.require && !hd.require.test(text)) continue;
		return hd;
	}
	return null;
}

/**
 * SLUB debugging reports go on with `INFO:` detail lines that are part of them, and the
 * `WARN()` of kernels before 4.x (`WARNING: at kernel/watchdog.c:245
 * watchdog_overflow_callback+0x9c/0xd0()`) with its own `Watchdog detected hard LOCKUP` message.
 */
export function continuesWith(open: string, next: OopsHeader): boolean {
	if (next.key === 'Watchdog detected hard LOCKUP') return open === 'WARNING:';
	return next.key === 'INFO:' && SLUB_KEYS.has(open);
}
const SLUB_KEYS = new Set(['BUG kmalloc-', ' (Not tainted): ', ' (Tainted: ']);

/**
 * Whether a report that printed its end marker takes this header's report: only the panic
 * it causes (`Kernel panic - not syncing: Fatal exception`). Another oops after the marker
 * (`invalid opcode:`, `Oops:`, `Internal error:`) is a report of its own.
 */
export function joinsEnded(next: OopsHeader): boolean {
	return next.key === 'Kernel panic';
}

/**
 * The "executive summary" x86 prints after an oops's end marker (oops_end() in
 * arch/x86/kernel/dumpstack.c, since 4.17: `__show_regs(&exec_summary_regs, SHOW_REGS_ALL)`, the
 * registers of the first oops "in case the oops scrolled away"): `RIP:`, `Code:`, the register
 * lines, then `panic("Fatal exception")` if panic_on_oops is set. An ended report takes these
 * lines and stays ended, so the panic after them still joins it (joinsEnded): in syzkaller report
 * 738 (`Oops: general protection fault, probably for non-canonical address`, 6.14) and
 * `i225nic-pstore-panic-log-txt.log` (5.13) the oops and its panic had been two findings, the
 * oops `panicked: no`.
 */
export function isExecSummary(open: string, text: string): boolean {
	return DIE_HEADERS.has(open) && EXEC_SUMMARY.test(text);
}
/**
 * the headers of x86 die() reports, the only ones oops_end() ends: a lockdep splat printed
 * inside an oops (syzkaller report 352, `WARNING: possible circular locking dependency
 * detected`) takes the oops's end marker, but the panic that follows is the oops's, not the splat's
 */
const DIE_HEADERS = new Set([
	'BUG:',
	'general protection fault',
	'stack segment: ',
	'PANIC: double fault',
	'double fault: ',
	'kernel BUG',
	'divide error:',
	'divide_error:',
	'invalid opcode:',
	'int3:',
	'Oops:'
]);
const EXEC_SUMMARY =
	/^(?:RIP|EIP|Code|RSP|RAX|RDX|RBP|R10|R13|FS|CS|CR0|CR2|DR0|DR3|DR6|PKRU|EAX|ESI|DS): /;

/**
 * Reports of the `BUG:` header whose lines the kernel prints in a known shape, so that they end
 * at the first line of another shape, even within the 5 s a timestamped report may go on for:
 * - `BUG: Bad rss-counter state mm:… type:MM_ANONPAGES val:512` and `BUG: non-zero
 *   pgtables_bytes on freeing mm: …` (check_mm() in kernel/fork.c, at the teardown of an address
 *   space) are one `pr_alert` line each, with no trace;
 * - `BUG: workqueue lockup - pool cpus=1 node=0 flags=0x0 nice=0 stuck for 45s!` (the workqueue
 *   watchdog, wq_watchdog_timer_fn() in kernel/workqueue.c) is followed only by
 *   show_all_workqueues()'s dump (`Showing busy workqueues and worker pools:`, `workqueue events:
 *   flags=0x0`, indented `pwq`/`in-flight:`/`pending:` lines, `pool 2: cpus=1 …`) and, since 6.3,
 *   the stacks of the workers hogging a CPU (`Showing backtraces of running workers …`).
 * The predicate says whether a line after the header is still the report's; null for every
 * other report. In `lkp-64.log` the lockup's header was cut (`BUG: workqueue lockup - pool`) and
 * the report had taken the next three lines of the raid6 self-test; in
 * `lkp-bad-rss-counter-02.log` the rss-counter line had taken four seccomp audit lines.
 */
export function shapedReport(text: string): ((line: string) => boolean) | null {
	const at = text.indexOf('BUG: ');
	if (at === -1) return null;
	if (text.startsWith('workqueue lockup', at + 5)) return workqueueDumpLine;
	if (
		text.startsWith('Bad rss-counter state', at + 5) ||
		text.startsWith('non-zero pgtables_bytes on freeing mm', at + 5) ||
		text.startsWith('non-zero nr_p', at + 5)
	)
		return noMoreLines;
	return null;
}

const noMoreLines = (): boolean => false;

/** a line of show_all_workqueues() or of the stack dump of a worker (see shapedReport) */
function workqueueDumpLine(text: string): boolean {
	const c = text.charCodeAt(0);
	if (c === 32 || c === 9 || c === 60 /* < */) return true;
	return (
		text.startsWith('Showing ') ||
		text.startsWith('workqueue ') ||
		text.startsWith('pool ') ||
		text.startsWith('task:') ||
		text.startsWith('Call Trace:') ||
		text.startsWith('Sending NMI') ||
		text.startsWith('NMI backtrace') ||
		text.indexOf('+0x') !== -1 ||
		/^(?:CPU: \d|Hardware name:|Workqueue:|[A-Z][A-Z\d]{1,3}: )/.test(text)
	);
}

/**
 * Lines that no report goes on with, and that are no report header either: POWER's machine-check
 * handler (machine_check_exception() in arch/powerpc/kernel/traps.c) starts what it prints about
 * a new machine check with the firmware's error log (`RTAS: event: 5, Type: Unknown, Severity:
 * 3`, pSeries) and `Machine check in kernel mode.` (before 4.x). In
 * `kerneloops-power5-with-machinecheck.log` a second machine check of the dying task, in xmon,
 * had been read as twelve more lines of the `BUG: sleeping function called from invalid context`
 * before it, whose registers then were xmon's `pc:`/`lr:`/`sp:` of the second machine check.
 */
export function endsOpenReport(text: string): boolean {
	return text.startsWith('Machine check in kernel mode.') || text.startsWith('RTAS: event: ');
}

/**
 * The sanitizers (KASAN, KCSAN, KMSAN, KFENCE, UBSAN) frame their reports between two lines of
 * `=` (66 of them; UBSAN 80): the one before the header, and the one that ends the report
 * (end_report() in mm/kasan/report.c, ubsan_epilogue() in lib/ubsan.c). The closing line ends
 * the report as the end marker ends an oops: only a panic (panic_on_warn) still joins it. In
 * `lkp-calltrace-dmesg-006.log` (4.7) a `UBSAN: Undefined behaviour in
 * drivers/acpi/acpica/dsutils.c:641:16` at 0.54 s had taken the 310 boot messages after its
 * closing line, up to the first gap of 5 s in the kernel times.
 */
export function isSanitizerReport(header: string): boolean {
	return /(?:KASAN|KCSAN|KMSAN|KFENCE|UBSAN): /.test(header);
}

/** the closing line of a sanitizer's report (see isSanitizerReport) */
export function isSanitizerEnd(text: string): boolean {
	return text.startsWith('=====') && /^={40,}\s*$/.test(text);
}

/** Lines that end a report. */
export function isEndMarker(text: string): boolean {
	return text.startsWith('---[ end ') || text.startsWith('---[ end trace');
}

/** The CPU and the task (its pid) a watchdog's report names, see separateStalls. */
interface StallSubject {
	cpu: string | null;
	pid: string | null;
}

/**
 * The CPU and task a watchdog's report header names, or null for another header: a soft lockup
 * (`BUG: soft lockup - CPU#20 stuck for 67s! [libvirtd:21321]`), a hard lockup (`Watchdog
 * detected hard LOCKUP on cpu 5`, `watchdog: CPU5: Watchdog detected hard LOCKUP on cpu 5`) or a
 * hung task (`INFO: task khungtaskd:52 blocked for more than 120 seconds.`).
 */
function stallSubject(text: string): StallSubject | null {
	let m = /BUG: soft lockup - CPU#(\d+) stuck for \d+s! \[.*:(\d+)\]/.exec(text);
	if (m) return { cpu: m[1], pid: m[2] };
	m = /Watchdog detected hard LOCKUP on cpu (\d+)/.exec(text);
	if (m) return { cpu: m[1], pid: null };
	m = /INFO: task .*:(\d+) blocked for more than/.exec(text);
	if (m) return { cpu: null, pid: m[1] };
	return null;
}

/** the task line of a report (`Pid: 118823, comm: worker`, `CPU: 5 PID: 118823 Comm: worker`) */
const TASK_LINE = /(?:^|\s)(?:Pid: (\d+), comm:|CPU: (\d+) (?:UID: \d+ )?PID: (\d+) Comm:)/;

/** The CPUs and tasks (pids) a stall report names, see separateStalls. */
interface StallIds {
	cpus: Set<string>;
	pids: Set<string>;
}

/**
 * What a stall report (its header line first) names as stuck, or null for another report: a
 * watchdog's CPU and task (stallSubject) and the task lines of its first 20 lines; an RCU stall's
 * stalled CPUs and tasks (util/rcu-stall.ts), and the `CPU:` line of a stalled CPU's NMI
 * backtrace (not that of the CPU its grace-period kthread last ran on, or of the one that
 * noticed).
 */
function stallIds(lines: readonly { text: string }[]): StallIds | null {
	if (lines.length === 0) return null;
	const ids: StallIds = { cpus: new Set(), pids: new Set() };
	const a = stallSubject(lines[0].text);
	if (a !== null) {
		if (a.cpu !== null) ids.cpus.add(a.cpu);
		if (a.pid !== null) ids.pids.add(a.pid);
		for (const l of lines.slice(1, 20)) {
			const m = TASK_LINE.exec(l.text);
			if (!m) continue;
			if (m[1] !== undefined) ids.pids.add(m[1]);
			if (m[2] !== undefined) ids.cpus.add(m[2]);
			if (m[3] !== undefined) ids.pids.add(m[3]);
		}
		return ids;
	}
	const texts = lines.map((l) => l.text);
	const stall = rcuStall(texts);
	if (stall === null) return null;
	for (const c of stall.cpus) ids.cpus.add(String(c));
	for (const t of stall.tasks) ids.pids.add(String(t.pid));
	for (const t of texts) {
		const m = TASK_LINE.exec(t);
		if (m && m[2] !== undefined && ids.cpus.has(m[2])) ids.pids.add(m[3]);
	}
	return ids;
}

/**
 * Is the stall report that `next` opens a report of its own, not one printed inside the open
 * report of `lines` (its header line first)? Both watchdog reports (stallSubject), of different
 * CPUs and tasks: the watchdogs print a report per stuck CPU or blocked task, back to back and
 * without a gap (`crash-dmesg-vmcore-dmesg-txt.log`, RHEL 6: seven hard lockups, then 29 soft
 * lockups, then a hung task, each of another CPU and task), and that they follow each other
 * says nothing of a cause. What ties two reports is in the reports themselves (the same CPU or
 * task; an NMI backtrace one report asks for is read as part of it, BlockAssembler's nmiCtx).
 * An RCU stall as the open report names its CPUs and tasks in its lines (stallIds); an RCU stall
 * as `next` only in the lines after its header, so the assembler asks separateRcuStall when it
 * has them (isRcuStallHeader).
 */
export function separateStalls(lines: readonly { text: string }[], next: string): boolean {
	const b = stallSubject(next);
	const a = b === null ? null : stallIds(lines);
	if (a === null || b === null) return false;
	return !(b.cpu !== null && a.cpus.has(b.cpu)) && !(b.pid !== null && a.pids.has(b.pid));
}

/** Does this line open an RCU stall's report (`INFO: rcu_sched self-detected stall on CPU`)? */
export function isRcuStallHeader(text: string): boolean {
	return RCU_STALL_START.test(text);
}

/**
 * Is the RCU stall of `next` (its lines, header first) a report of its own after the stall report
 * of `prev` (a watchdog's or another RCU stall's) printed just before it? As separateStalls: when
 * neither names a CPU or task the other does. A stall that names none (`All QSes seen`: no CPU
 * or task held the grace period up) is tied to nothing.
 */
export function separateRcuStall(
	prev: readonly { text: string }[],
	next: readonly { text: string }[]
): boolean {
	const a = stallIds(prev);
	const b = stallIds(next);
	if (a === null || b === null) return false;
	for (const c of b.cpus) if (a.cpus.has(c)) return false;
	for (const p of b.pids) if (a.pids.has(p)) return false;
	return true;
}

/**
 * A `Kernel panic - not syncing: Fatal exception` (also `… in interrupt`): the panic that ends an
 * oops. With no report of its context open, the oops's header is not in the log (BlockAssembler's
 * registerLead).
 */
export function isLostOopsPanic(header: OopsHeader, text: string): boolean {
	return header.key === 'Kernel panic' && text.includes('not syncing: Fatal exception');
}

/**
 * A line of an x86 oops's register dump (`EAX: 441e8b7c EBX: …`, `RSP: 0018:…`, `R13: …`, `CR0:
 * …`, ` DS: 007b ES: …`, `FS:  0000…`, `PKRU: 55555554`), its faulting-PC line or `Code:`.
 */
export function isRegisterDumpLine(text: string): boolean {
	return REGISTER_DUMP.test(text);
}
const REGISTER_DUMP = /^\s*(?:[A-Z][A-Z\d]{1,5}|Code): /;

/** An x86 oops's faulting-PC line: `RIP: 0010:f+0x1/0x2`, `EIP: f+0x1/0x2`, `EIP: 0060:[<…>]`, old `IP: [<…>] f+…` */
export function isFaultPcLine(text: string): boolean {
	return FAULT_PC.test(text);
}
const FAULT_PC = /^\s*(?:RIP|EIP|IP): \S/;
