import type { BlockLine } from '../../models/error-block.ts';
import type { DetailValue } from '../../models/finding.ts';
import { hungTaskTaint, lockdepIdentTaint, parenTaint } from '../../util/taint.ts';
import { pidLine, wrappedMachine } from '../../ingestion/metadata.ts';
import { kasanTask, leakTask } from './memory-facts.ts';

/** Facts printed by dump_stack's header lines (`CPU: ... PID: ... Comm: ...`, `Hardware name:`). */
export interface CrashFacts {
	cpu: number | null;
	pid: number | null;
	comm: string | null;
	kernel_version: string | null;
	hardware: string | null;
	taint: string | null;
}

const HUNG_TASK = /^INFO: task .* blocked for more than /;
const CPU_LINE = /^CPU: (\d+) (?:UID: \d+ )?PID: (\d+) Comm: /;
const OLD_PID_LINE = /^Pid: (\d+), comm: /;
/** `CPU 0 `: x86-64's show_registers() before 3.10, the line before `Pid:` */
const OLD_CPU_LINE = /^CPU (\d+) *$/;
/** `BUG: soft lockup - CPU#0 stuck for 22s! [trinity-c0:6886]` (after a `watchdog: ` prefix) */
const SOFT_LOCKUP = /soft lockup - CPU#(\d+) stuck for \d+s! \[([^\]]+)\]/;
/** spin_dump(): `BUG: spinlock lockup suspected on CPU#0, ksdioirqd/mmc0/73` */
const SPINLOCK_TASK = /^BUG: (?:spin|rw)lock [a-z ]+ on CPU#(\d+), (\S+)\/(\d+)(?:,|$)/;
/**
 * powerpc's show_regs() before 3.x: `TASK = c000000033b12000[28081] 'scp' THREAD:
 * c000000008c70000 CPU: 1` (kerneloops-power5-with-machinecheck.log, 2.6.22), the task's pid and
 * command and the CPU
 */
const PPC_TASK = /^TASK = [0-9a-f]+\[(\d+)\] '([^']*)' THREAD: [0-9a-f]+(?: CPU: (\d+))?/;
/**
 * powerpc's `REGS: c000000008c735d0 TRAP: 0200   Not tainted  (2.6.22.9-61.fc6)` (since 2.6; 3.x
 * and later print the taint letters, `Tainted: G W --------------  (3.10.0-33.el7.ppc64)`):
 * the taint and release when no `CPU:` line named them
 */
const PPC_REGS =
	/^REGS: [0-9a-f]+ TRAP: [0-9a-f]+ +(?:Not tainted +|Tainted: ([^(]+))\((\d+\.\d[^)\s]*)\)/;
/** the first lines of a report, where lockdep prints its identity and task lines */
const HEAD_LINES = 12;
/**
 * lockdep's task line, `bash/949 is trying to acquire lock:`, `flush-254:16/2499 is trying to
 * release lock`, `squid/1603 [HC0[0]:SC0[0]:HE1:SE1] takes:`: before 3.9 (or with the log cut
 * before `stack backtrace:`) no `CPU:` line names the task
 */
const LOCKDEP_TASK = /^(\S+)\/(\d+) (?:is trying to (?:acquire|release) lock|\[HC\d)/;

/** `swapper:1` of `INFO: task swapper:1 blocked for more than 120 seconds.` (the name may hold `:`) */
function hungTask(header: string): { comm: string; pid: number } | null {
	const end = header.indexOf(' blocked for more than ');
	const task = header.slice(11, end);
	const colon = task.lastIndexOf(':');
	if (end === -1 || colon < 1 || !/^\d+$/.test(task.slice(colon + 1))) return null;
	return { comm: task.slice(0, colon), pid: Number(task.slice(colon + 1)) };
}

/** headers that name the task as `comm/pid/preempt_count` or `comm/preempt_count/pid` */
const ATOMIC_HEADERS = ['BUG: scheduling while atomic: ', 'BUG: workqueue leaked lock or atomic: '];

/**
 * The task of a report whose header names it with the preempt count: the scheduler's
 * `BUG: scheduling while atomic: kworker/u2:2/127/0x00000002` (`comm/pid/count`; 2.6.20 and
 * before `comm/count/pid`) and process_one_work()'s `BUG: workqueue leaked lock or atomic:
 * kworker/u2:2/0x00000001/127` (`comm/count/pid`). The command may hold `/` (`kworker/u2:2`), so
 * the last two fields are read; the pid is the decimal one. lkp-72.log: the scheduler's report
 * cut after its header, whose task was then unknown.
 */
function atomicTask(header: string): { comm: string; pid: number } | null {
	const h = ATOMIC_HEADERS.find((p) => header.startsWith(p));
	if (h === undefined) return null;
	const task = header.slice(h.length).trimEnd();
	const last = task.lastIndexOf('/');
	const mid = task.lastIndexOf('/', last - 1);
	if (mid < 1) return null;
	const [x, y] = [task.slice(mid + 1, last), task.slice(last + 1)];
	const hex = /^0x[0-9a-f]+$/;
	const dec = /^\d+$/;
	const pid = dec.test(x) && hex.test(y) ? x : hex.test(x) && dec.test(y) ? y : null;
	return pid === null ? null : { comm: task.slice(0, mid), pid: Number(pid) };
}

/**
 * `Not tainted 6.1.0 #1` / `Tainted: G    W  O  6.1.0 #1` / `Tainted: [W]=WARN 6.15.0 #1`, and
 * i386's show_registers() of 2.6.2x, which puts the release in parentheses: `Not tainted
 * (2.6.24-0.77.rc4.git4.fc9 #1)` (kerneloops-i386-bug-on.log)
 */
function afterComm(rest: string): { comm: string; taint: string | null; version: string | null } {
	let at = rest.indexOf(' Not tainted ');
	let tail: string;
	let taint: string | null = null;
	let comm: string;
	if (at !== -1) {
		comm = rest.slice(0, at);
		tail = rest.slice(at + 13);
	} else {
		at = rest.indexOf(' Tainted: ');
		if (at === -1) return { comm: rest.split(' ')[0] ?? rest, taint: null, version: null };
		comm = rest.slice(0, at);
		const words = rest.slice(at + 10).split(' ');
		const taintWords: string[] = [];
		let k = 0;
		for (; k < words.length; k++) {
			const w = words[k];
			if (w === '') {
				taintWords.push('');
				continue;
			}
			if (/^\(?\d/.test(w)) break;
			taintWords.push(w);
		}
		taint = taintWords.join(' ').trim() || null;
		tail = words.slice(k).join(' ');
	}
	const version = /^\(?(\d+\.\d[^\s)]*)/.exec(tail.trim())?.[1] ?? null;
	return { comm: commName(comm), taint, version };
}

/**
 * Distributions print fields between the command and the taint: RHEL `Kdump: loaded`,
 * Samsung `FTT: 0 0`. A command name may hold spaces (`CPU 0/KVM`), so only a
 * capitalised `Word: ` ends it.
 */
const AFTER_COMM = / [A-Z]\w*: /;

function commName(text: string): string {
	const m = AFTER_COMM.exec(text);
	return (m ? text.slice(0, m.index) : text).trim();
}

/**
 * The machine at the end of x86's `Pid:` line before 3.x, after the release and build number
 * (`Pid: 598, comm: wpa_supplicant Tainted: P         C O 3.6.1-1.fc17.i686.PAE #1
 * Hewlett-Packard HP Mini 110-1100/308F`), with its last word when a capture wrapped it onto the
 * next line (`next`; abrt-koops-tainted-bg1.log: `… #1 ECS`, then `662/1066T-M2/662/1066T-M2`),
 * or null when the line names none.
 */
function pidMachine(t: string, next: string | undefined): string | null {
	const machine = pidLine(t)?.machine ?? '';
	if (machine === '') return null;
	return next !== undefined && wrappedMachine(t.length, next) ? `${machine} ${next}` : machine;
}

/** Read CPU, PID, command, kernel version, taint and hardware from a report's lines. */
export function crashFacts(
	lines: readonly BlockLine[],
	before: readonly BlockLine[] = []
): CrashFacts {
	const facts: CrashFacts = {
		cpu: null,
		pid: null,
		comm: null,
		kernel_version: null,
		hardware: null,
		taint: null
	};
	let taintLine: string | null = null;
	const all = [...lines, ...before];
	for (let i = 0; i < all.length; i++) {
		const t = all[i].text;
		if (facts.pid === null) {
			// trimmed: a KCSAN report's lines may come indented by one space (syzkaller report 428)
			const u = t.trimStart();
			const m = CPU_LINE.exec(u);
			if (m) {
				facts.cpu = Number(m[1]);
				facts.pid = Number(m[2]);
				const r = afterComm(u.slice(m[0].length));
				facts.comm = r.comm;
				facts.taint = r.taint;
				facts.kernel_version = r.version;
				continue;
			}
			const o = OLD_PID_LINE.exec(t);
			if (o) {
				facts.pid = Number(o[1]);
				// x86-64 before 3.10 printed the CPU on the line before (`CPU 0 `, then `Pid:`)
				const c = i > 0 ? OLD_CPU_LINE.exec(all[i - 1].text) : null;
				if (c) facts.cpu = Number(c[1]);
				const r = afterComm(t.slice(o[0].length));
				facts.comm = r.comm;
				facts.taint = r.taint;
				facts.kernel_version = r.version;
				facts.hardware ??= pidMachine(t, all[i + 1]?.text);
				continue;
			}
		}
		if (facts.pid === null && t.startsWith('TASK = ')) {
			const p = PPC_TASK.exec(t);
			if (p) {
				facts.pid = Number(p[1]);
				facts.comm = p[2];
				if (p[3] !== undefined) facts.cpu = Number(p[3]);
			}
		}
		if (facts.kernel_version === null && t.startsWith('REGS: ')) {
			const r = PPC_REGS.exec(t);
			if (r) {
				facts.kernel_version = r[2];
				facts.taint ??= r[1]?.trim() || null;
			}
		}
		if (facts.hardware === null && t.trimStart().startsWith('Hardware name: '))
			facts.hardware = t.trimStart().slice(15).trim();
		if (taintLine === null && t.startsWith('Tainted: [')) taintLine = t.slice(9).trim();
	}
	if (taintLine) facts.taint = taintLine;
	// SLUB's header holds the taint in parentheses, `BUG kmalloc-4096 (Tainted: G          I ):
	// Poison overwritten`, and its report no `CPU:` line (satyr-gitlog-30.log); so does 2.6's
	// `WARNING: at f.c:12 f() (Tainted: …)`
	if (facts.taint === null && lines.length > 0)
		facts.taint = parenTaint(lines[0].text)?.taint ?? null;
	// a hung-task report prints the taint and release on the line after its header, and the
	// `CPU:` lines after it are khungtaskd's or other CPUs' (NMI backtraces): the blocked task is
	// the header's, on no CPU (lkp-28.log: `CPU: 0 PID: 13 Comm: khungtaskd` of the panic that
	// followed had been given as the task's)
	if (lines.length > 0 && HUNG_TASK.test(lines[0].text)) {
		const task = hungTask(lines[0].text);
		if (task) {
			facts.cpu = null;
			facts.pid = task.pid;
			facts.comm = task.comm;
		}
		const h = lines.length > 1 ? hungTaskTaint(lines[1].text) : null;
		if (h) {
			facts.kernel_version = h.version;
			facts.taint = h.taint;
		}
	}
	if (facts.pid === null && lines.length > 0) taskOfHeader(lines, facts);
	else if (facts.cpu === null && lines.length > 0) {
		// an old `Pid:` line names no CPU; spin_dump()'s header does, for the same task
		const b = SPINLOCK_TASK.exec(lines[0].text);
		if (b && Number(b[3]) === facts.pid) facts.cpu = Number(b[1]);
	}
	if (facts.kernel_version === null) lockdepIdent(lines, facts);
	return facts;
}

/**
 * Lockdep reports of kernels whose stack dump prints no `CPU: ... PID:` line (arm before 3.9,
 * or a report cut before it) still name the kernel: the identity line under the header
 * (`3.5.0-rc5 #2 Not tainted`, lockdep.c print_kernel_ident), searched in the report's first
 * lines only. Fills the release, and the taint when no other line gave it.
 */
function lockdepIdent(lines: readonly BlockLine[], facts: CrashFacts): void {
	const n = Math.min(lines.length, HEAD_LINES);
	for (let i = 1; i < n; i++) {
		const t = lines[i].text;
		const c = t.charCodeAt(0);
		if (c < 48 || c > 57) continue;
		const id = lockdepIdentTaint(t);
		if (id) {
			facts.kernel_version = id.version;
			facts.taint ??= id.taint;
			return;
		}
	}
}

/**
 * The task that reports without a `CPU:` line name in their own words: a soft lockup's header
 * cut before its dump (lkp-80.log), spin_dump()'s header and lockdep's task line of kernels
 * before 3.9 (satyr-gitlog-01.log, satyr-gitlog-31.log).
 */
function taskOfHeader(lines: readonly BlockLine[], facts: CrashFacts): void {
	const s = SOFT_LOCKUP.exec(lines[0].text);
	if (s) {
		const colon = s[2].lastIndexOf(':');
		if (colon < 1) return;
		facts.cpu = Number(s[1]);
		facts.pid = Number(s[2].slice(colon + 1)) || null;
		facts.comm = facts.pid === null ? null : s[2].slice(0, colon);
		return;
	}
	const b = SPINLOCK_TASK.exec(lines[0].text);
	if (b) {
		facts.cpu = Number(b[1]);
		facts.comm = b[2];
		facts.pid = Number(b[3]);
		return;
	}
	const a = atomicTask(lines[0].text);
	if (a) {
		facts.comm = a.comm;
		facts.pid = a.pid;
		return;
	}
	for (const l of lines.slice(0, HEAD_LINES)) {
		const m = LOCKDEP_TASK.exec(l.text);
		if (m) {
			facts.comm = m[1];
			facts.pid = Number(m[2]);
			return;
		}
		// KASAN's access line (`Read of size 4 by task syz-executor2/4676`, a 4.10 report cut
		// before its dump: syzkaller report 106) and kmemleak's `comm "…", pid N` (the allocating
		// task; a leak report prints no `CPU:` line)
		const k = kasanTask(l.text) ?? leakTask(l.text);
		if (k) {
			facts.comm = k.comm;
			facts.pid = k.pid;
			return;
		}
		// KCSAN's first access, which names the task's pid and CPU but not its name (lkp-kcsan-01,
		// a report cut before its `CPU:` line: `race at unknown origin, with read to
		// 0xffff888100608034 of 4 bytes by task 161 on cpu 0:`)
		const c = KCSAN_TASK.exec(l.text.trim());
		if (c) {
			facts.pid = Number(c[1]);
			facts.cpu = Number(c[2]);
			return;
		}
	}
}

/** KCSAN's access line of a task (mm/kcsan/report.c; `by interrupt on cpu N` names no task) */
const KCSAN_TASK =
	/^(?:race at unknown origin, with )?(?:read|write|read-write)(?: \(marked\))? to 0x[0-9a-f]+ of \d+ bytes by task (\d+) on cpu (\d+):$/;

const REGISTER =
	/^\s*(?:\$ ?\d{1,2}|Hi|Lo|Status|Cause|BadVA|PrId|ERA|CRMD|PRMD|EUEN|ECFG|ESTAT|BADV|PRID|RIP|RSP|RAX|RBX|RCX|RDX|RSI|RDI|RBP|R\d{1,2}|FS|GS|CS|DS|ES|SS|CR[0-4]|DR[0-7]|EIP|EAX|EBX|ECX|EDX|ESI|EDI|EBP|ESP|EFLAGS|Code|pc|lr|sp|x\d{1,2}|pstate|ra|gp|tp|t\d|s\d{1,2}|a\d|epc|status|badaddr|cause|NIP|LR|CTR|MSR|XER|CFAR|DAR|DSISR|IRQMASK|GPR\d\d|Krnl PSW|Krnl GPRS|Krnl Code|r\d{1,2}|fp|ip|Flags|Control|PC|CR)\s*[:=]/;

/**
 * the rest of a `Code:` dump that a bug-reporting tool wrapped at 80 columns (abrt): instruction
 * bytes only, the faulting one in `<..>` (x86) or `(..)` (arm)
 */
const CODE_REST = /^\s*(?:[<(]?[\da-f]{2,8}[>)]? +)*[<(]?[\da-f]{2,8}[>)]? *$/;

/**
 * The registers that 32-bit arm's frame-pointer unwinder (arch/arm/lib/backtrace.S, after
 * `Backtrace:`) prints under a frame, those the function saved on entry: ` r6:c0215cbc
 * r5:00000009 r4:00000000`. They are the callers' values, not the CPU's state at the fault, which
 * __show_regs() prints as `r10: e89fa198  r9 : 00000001` (a space after the colon).
 */
const ARM_FRAME_SAVES = /^\s*r\d{1,2}:[\da-f]{8}(?: +r\d{1,2}:[\da-f]{8})* *$/;

/**
 * Register dumps and `Code:` lines (with their wrapped rest), kept as evidence (at most 40 lines),
 * up to the end marker: x86's summary after it repeats the registers of the boot's first oops
 * (isExecSummary), which a later oops's report must not show as its own. The registers arm's
 * unwinder prints under its frames (ARM_FRAME_SAVES) are no register dump.
 */
export function registerLines(lines: readonly BlockLine[]): string[] {
	const out: string[] = [];
	let inCode = false;
	for (const l of lines) {
		if (l.text.startsWith('---[ end trace')) break;
		if (REGISTER.test(l.text) && !ARM_FRAME_SAVES.test(l.text)) {
			out.push(l.text);
			inCode = /^\s*Code\s*:/.test(l.text);
		} else if (inCode && CODE_REST.test(l.text)) out.push(l.text);
		else inCode = false;
		if (out.length >= 40) break;
	}
	return out;
}

/** characters of a WARN()'s message kept at most */
const MAX_MESSAGE = 500;
/** lines after a WARNING: header read for its message at most */
const MESSAGE_WINDOW = 8;
/**
 * What ends a WARN()'s message printed after its header: the stack dump's own lines (modules,
 * task, registers, trace, raw stack words), the end marker, and the panic of `panic_on_warn`
 * (`Kernel panic - not syncing: panic_on_warn set ...` right after the header: syzkaller reports
 * 140, 158 had it as the WARN()'s message)
 */
const AFTER_MESSAGE =
	/^(?:Kernel panic - not syncing|Modules linked in:|CPU: \d|Pid: \d|Call [Tt]race:|Backtrace:|RIP: |EIP: |Code: |task: |Krnl PSW|pstate: |pc : |PC is at |Tainted: |---\[ end trace|\s*\[<|\s*(?:[\da-f]{8,16} ){3})/;
/**
 * Lines inside a WARN()'s message that are not part of it: old kernels' `Hardware name:` before
 * the message, the function of a header printed on two lines (`generic_get_mtrr+0x11e/0x140()
 * (Not tainted)`, abrt-cut-here.log) and another program's line printed into it (`systemd[1]:
 * Created slice …`, debian-clearfog-gt-8k-dmesg.log)
 */
const NOT_MESSAGE = /^(?:Hardware name: |[\w.$]+\+0x[\da-f]+\/0x[\da-f]+\(\)|[\w.@-]+\[\d+\]: )/;

/**
 * A WARN()'s own message (`WARN(cond, fmt, ...)`), its lines joined by spaces, or null:
 * kernels since 4.x print it between `[ cut here ]` and the `WARNING:` header (lkp-21.log's
 * `Could not determine valid watermarks for inherited state` of 4.8 came after the header, as in
 * older kernels, before `Modules linked in:`). `lines` are the report's lines with the ones
 * before its header (BlockAssembler), `h` the header's index among them.
 */
export function warnMessage(lines: readonly BlockLine[], h: number): string | null {
	const parts: string[] = [];
	if (h > 0) {
		// the lines from the `cut here` marker (lines[0]) to the header
		for (let i = 1; i < h; i++) keepMessageLine(lines[i].text, parts);
	} else {
		const end = Math.min(lines.length, h + 1 + MESSAGE_WINDOW);
		for (let i = h + 1; i < end; i++) {
			const t = lines[i].text;
			if (AFTER_MESSAGE.test(t)) break;
			keepMessageLine(t, parts);
		}
	}
	if (parts.length === 0) return null;
	const text = parts.join(' ');
	return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

function keepMessageLine(text: string, parts: string[]): void {
	const t = text.trim();
	if (t !== '' && !NOT_MESSAGE.test(t)) parts.push(t);
}

/** `BUG: workqueue lockup - pool cpus=0-1 flags=0x4 nice=0 stuck for 43s!` (kernel/workqueue.c wq_watchdog_timer_fn) */
const WQ_LOCKUP = /^BUG: workqueue lockup - pool (\S.*) stuck for (\d+)s!/;

/** The pool a workqueue lockup names and how long it was stuck, or null (a header cut short, lkp-64.log). */
export function workqueueLockup(text: string): { pool: string; stuck_s: number } | null {
	const m = WQ_LOCKUP.exec(text);
	return m ? { pool: m[1], stuck_s: Number(m[2]) } : null;
}

/**
 * A `WARNING:` header of a WARN() (`WARNING: CPU: 0 PID: 1 at f.c:1 f+0x1/0x2`, 2.6's `WARNING:
 * at f.c:1 f()`, 6.16's `WARNING: f.c:1 at f+0x1/0x2, CPU#0: …`), not one of lockdep's
 * (`WARNING: possible recursive locking detected`, lkp-75.log), whose next lines are no message
 */
const WARN_HEADER = /^WARNING: (?:CPU: \d+ (?:UID: \d+ )?PID: \d+ at |at |[\w./-]+:\d+ at )/;

/** lockdep's report of a lock taken again by the task that holds its class (kernel/locking/lockdep.c print_deadlock_bug) */
const RECURSIVE_LOCKING = /^(?:WARNING|INFO): possible recursive locking detected/;

/**
 * a lock line of lockdep's report as 4.15 and later print it, the lock's address first (hashed
 * by `%p` since 4.15's pointer hashing, the same hash for the same address in a boot): `c39f57d0
 * (gcov_lock){+.+.}-{3:3}, at: llvm_gcov_init+0x3d/0xc2`; before, the line starts at the name
 */
const ADDRESSED_LOCK = /^\s*([0-9a-f]{8,16}) \((.+?)\)\{([-+.?]*)\}/;

/**
 * Whether a lock line's usage marks (`{++++}`) show its class taken for reading: lockdep prints
 * two marks per interrupt state, the exclusive use's and then the read use's, so every second
 * mark is a read's (`{+.+.}`: never read; `{++++}`: a rw_semaphore's or rwlock's readers)
 */
function readUsage(usage: string): boolean {
	for (let i = 1; i < usage.length; i += 2) if (usage[i] !== '.') return true;
	return false;
}

/** lines of a recursive-locking report its two lock lines come within */
const RECURSIVE_LOCK_LINES = 12;

/**
 * The lock of a recursive-locking report and whether the lock the task tries to take is the very
 * one it holds, taken exclusively (`same_lock`): the same address in both lines, not another of
 * its class, and a class never taken for reading (lkp-75.log, syzkaller's rtnl_mutex taken
 * twice). Two reads of one rw_semaphore (`{++++}`, `cpu_hotplug_lock.rw_sem`) are the same address
 * too, and hang only when a writer comes to wait between them: a possible deadlock still, with
 * the lock named. {} when the report prints no addresses (before 4.15).
 */
function recursiveLock(lines: readonly BlockLine[], h: number): Record<string, DetailValue> {
	let wanted: RegExpExecArray | null = null;
	let held: RegExpExecArray | null = null;
	const end = Math.min(lines.length - 1, h + RECURSIVE_LOCK_LINES);
	for (let i = h + 1; i < end; i++) {
		const t = lines[i].text;
		if (t.endsWith(' is trying to acquire lock:')) wanted = ADDRESSED_LOCK.exec(lines[i + 1].text);
		else if (t.endsWith('but task is already holding lock:'))
			held = ADDRESSED_LOCK.exec(lines[i + 1].text);
		if (held !== null) break;
	}
	if (wanted === null || held === null) return {};
	if (readUsage(wanted[3]) || readUsage(held[3])) return { lock: wanted[2] };
	return { lock: wanted[2], same_lock: wanted[1] === held[1] };
}

/** lockdep's recursive-locking header in every version: 3.x's `[ INFO: possible recursive locking detected ]` too */
const RECURSIVE_LOCKING_ANY = /^(?:\[ )?(?:WARNING|INFO): possible recursive locking detected/;

/** a lock line of lockdep's report: the lock's name, after the address 4.15 and later print */
const LOCK_NAME = /^\s*(?:[0-9a-f]{8,16} )?\((.+?)\)\{/;

/**
 * the lockdep class of a sysfs file's active reference: `s_active#13` (sysfs before 3.14),
 * `kn->active#4` or `kn->count#4` (kernfs since 3.14): one class per attribute
 */
const ACTIVE_REFERENCE = /^(?:s_active|kn->active|kn->count)(?:#\d+)?$/;

/** a write to a sysfs file: the functions that call its attribute's `store` (sysfs, kernfs) */
const SYSFS_WRITE = new Set([
	'sysfs_write_file',
	'flush_write_buffer',
	'sysfs_kf_write',
	'kernfs_fop_write',
	'kernfs_fop_write_iter'
]);

/** the generic `store` dispatchers between a sysfs write and an attribute's own store */
const STORE_DISPATCH = new Set([
	'dev_attr_store',
	'kobj_attr_store',
	'drv_attr_store',
	'bus_attr_store',
	'class_attr_store',
	'module_attr_store'
]);

/**
 * the removal of sysfs files and directories, and the driver core and kobject functions that
 * call it: the removal waits there (sysfs_deactivate, kernfs_drain) for the files' active
 * references to be dropped
 */
const SYSFS_REMOVAL =
	/^(?:sysfs_(?:addrm_finish|deactivate|remove_\w+|hash_and_remove)|__?kernfs_(?:remove\w*|drain\w*|deactivate)|remove_files|kobject_(?:del|release|cleanup|put)|kref_put|device_(?:del|unregister|remove_\w+)|put_device)$/;

/**
 * A recursive-locking report of a sysfs file's active reference (`s_active#13`) whose task, in
 * a write to a sysfs file (`sysfs_write_file`), removes a sysfs directory or file: the attribute's
 * store (`sysfs_store`) called, directly or by dropping an object's last reference
 * (`sysfs_removal_by`: cpufreq's `cpufreq_cpu_put` in satyr-gitlog-08.log), the removal of the
 * object's directory, which waits for every file's active reference to go, its own too: the task
 * waits for itself. lockdep's report is the first the log shows of it; 3.4's prints no lock
 * address (`same_lock` cannot tell), the same class says the removed files include the
 * attribute being written. Facts `lock`, `sysfs_store`, `sysfs_removal_by`, or {}.
 */
export function sysfsSelfRemoval(
	lines: readonly BlockLine[],
	h: number,
	frames: readonly { function: string }[]
): Record<string, DetailValue> {
	if (lines.length <= h || !RECURSIVE_LOCKING_ANY.test(lines[h].text)) return {};
	let wanted: string | null = null;
	let held: string | null = null;
	const end = Math.min(lines.length - 1, h + RECURSIVE_LOCK_LINES);
	for (let i = h + 1; i < end && held === null; i++) {
		const t = lines[i].text;
		if (t.endsWith(' is trying to acquire lock:'))
			wanted = LOCK_NAME.exec(lines[i + 1].text)?.[1] ?? null;
		else if (t.endsWith('but task is already holding lock:'))
			held = LOCK_NAME.exec(lines[i + 1].text)?.[1] ?? null;
	}
	if (wanted === null || wanted !== held || !ACTIVE_REFERENCE.test(wanted)) return {};
	// the trace, innermost first: the removal, then the functions out to the sysfs write
	const names = frames.map((f) => f.function.replace(/\.(?:cold|isra|constprop|part)\.?\d*$/, ''));
	const write = names.findIndex((n) => SYSFS_WRITE.has(n));
	const removal = names.findIndex((n) => SYSFS_REMOVAL.test(n));
	if (write === -1 || removal === -1 || removal > write) return {};
	let store = write - 1;
	while (store > removal && STORE_DISPATCH.has(names[store])) store--;
	let by = removal;
	while (by < store && SYSFS_REMOVAL.test(names[by])) by++;
	if (store <= removal) return {};
	return { lock: wanted, sysfs_store: names[store], sysfs_removal_by: names[by] };
}

const NETDEV_WAIT = 'unregister_netdevice: waiting for';
/** net/core/dev.c netdev_wait_allrefs(): `unregister_netdevice: waiting for lo to become free. Usage count = 1` */
const NETDEV_WAIT_LINE =
	/^unregister_netdevice: waiting for (\S+) to become free\. Usage count = (-?\d+)/;

/**
 * The device a `waiting for DEV to become free` line names and the references it still has
 * (`device`, `usage_count`): syzkaller's title keeps `DEV`, so the facts name it.
 */
function netdevWait(text: string): Record<string, DetailValue> {
	const m = NETDEV_WAIT_LINE.exec(text);
	return m ? { device: m[1], usage_count: Number(m[2]) } : {};
}

/**
 * The facts only some reports print, in their own words: a WARN()'s message (`warn_message`,
 * for every WARN() report, null when it printed none), a workqueue lockup's pool and time
 * (`pool`, a list over the finding's occurrences, and `stuck_s`, the longest; lkp-50.log) and
 * a recursive-locking report's lock (`lock`, `same_lock`: see recursiveLock) and a network
 * device still referenced (`device`, `usage_count`: see netdevWait).
 */
export function reportFacts(
	header: string,
	lines: readonly BlockLine[],
	h: number
): Record<string, DetailValue> {
	if (header === 'WARNING:' && lines.length > h && WARN_HEADER.test(lines[h].text))
		return { warn_message: warnMessage(lines, h) };
	if (lines.length > h && RECURSIVE_LOCKING.test(lines[h].text)) return recursiveLock(lines, h);
	if (header === NETDEV_WAIT && lines.length > h) return netdevWait(lines[h].text);
	const w = lines.length > h ? workqueueLockup(lines[h].text) : null;
	return w ? { pool: [w.pool], stuck_s: w.stuck_s } : {};
}
