import type { BlockLine } from '../../models/error-block.ts';
import { hungTaskTaint, lockdepIdentTaint } from '../../util/taint.ts';

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
/** `BUG: soft lockup - CPU#0 stuck for 22s! [trinity-c0:6886]` (after a `watchdog: ` prefix) */
const SOFT_LOCKUP = /soft lockup - CPU#(\d+) stuck for \d+s! \[([^\]]+)\]/;
/** spin_dump(): `BUG: spinlock lockup suspected on CPU#0, ksdioirqd/mmc0/73` */
const SPINLOCK_TASK = /^BUG: (?:spin|rw)lock [a-z ]+ on CPU#(\d+), (\S+)\/(\d+)$/;
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

/** `Not tainted 6.1.0 #1` / `Tainted: G    W  O  6.1.0 #1` / `Tainted: [W]=WARN 6.15.0 #1` */
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
			if (/^\d/.test(w)) break;
			taintWords.push(w);
		}
		taint = taintWords.join(' ').trim() || null;
		tail = words.slice(k).join(' ');
	}
	const version = /^(\d+\.\d\S*)/.exec(tail.trim())?.[1] ?? null;
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
	for (const l of [...lines, ...before]) {
		const t = l.text;
		if (facts.pid === null) {
			const m = CPU_LINE.exec(t);
			if (m) {
				facts.cpu = Number(m[1]);
				facts.pid = Number(m[2]);
				const r = afterComm(t.slice(m[0].length));
				facts.comm = r.comm;
				facts.taint = r.taint;
				facts.kernel_version = r.version;
				continue;
			}
			const o = OLD_PID_LINE.exec(t);
			if (o) {
				facts.pid = Number(o[1]);
				const r = afterComm(t.slice(o[0].length));
				facts.comm = r.comm;
				facts.taint = r.taint;
				facts.kernel_version = r.version;
				continue;
			}
		}
		if (facts.hardware === null && t.startsWith('Hardware name: '))
			facts.hardware = t.slice(15).trim();
		if (taintLine === null && t.startsWith('Tainted: [')) taintLine = t.slice(9).trim();
	}
	if (taintLine) facts.taint = taintLine;
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
	for (const l of lines.slice(0, HEAD_LINES)) {
		const m = LOCKDEP_TASK.exec(l.text);
		if (m) {
			facts.comm = m[1];
			facts.pid = Number(m[2]);
			return;
		}
	}
}

const REGISTER =
	/^\s*(?:RIP|RSP|RAX|RBX|RCX|RDX|RSI|RDI|RBP|R\d{1,2}|FS|GS|CS|DS|ES|SS|CR[0-4]|DR[0-7]|EIP|EAX|EBX|ECX|EDX|ESI|EDI|EBP|ESP|EFLAGS|Code|pc|lr|sp|x\d{1,2}|pstate|ra|gp|tp|t\d|s\d{1,2}|a\d|epc|status|badaddr|cause|NIP|LR|CTR|MSR|XER|CFAR|DAR|DSISR|IRQMASK|GPR\d\d|Krnl PSW|Krnl GPRS|Krnl Code|r\d{1,2}|fp|ip|Flags|Control|PC|CR)\s*[:=]/;

/**
 * the rest of a `Code:` dump that a bug-reporting tool wrapped at 80 columns (abrt): instruction
 * bytes only, the faulting one in `<..>` (x86) or `(..)` (arm)
 */
const CODE_REST = /^\s*(?:[<(]?[\da-f]{2,8}[>)]? +)*[<(]?[\da-f]{2,8}[>)]? *$/;

/** Register dumps and `Code:` lines (with their wrapped rest), kept as evidence (at most 40 lines). */
export function registerLines(lines: readonly BlockLine[]): string[] {
	const out: string[] = [];
	let inCode = false;
	for (const l of lines) {
		if (REGISTER.test(l.text)) {
			out.push(l.text);
			inCode = /^\s*Code\s*:/.test(l.text);
		} else if (inCode && CODE_REST.test(l.text)) out.push(l.text);
		else inCode = false;
		if (out.length >= 40) break;
	}
	return out;
}
