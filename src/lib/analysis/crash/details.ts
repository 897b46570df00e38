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
	// `CPU:` lines after it are khungtaskd's or other CPUs' (NMI backtraces): the task is the
	// header's `<comm>:<pid>`, and a sleeping task runs on no CPU
	if (lines.length > 0 && HUNG_TASK.test(lines[0].text)) {
		const task = hungTask(lines[0].text);
		if (task) {
			facts.comm = task.comm;
			facts.pid = task.pid;
			facts.cpu = null;
		}
		const h = lines.length > 1 ? hungTaskTaint(lines[1].text) : null;
		if (h) {
			facts.kernel_version = h.version;
			facts.taint = h.taint;
		}
	}
	if (facts.pid === null && lines.length > 0) softLockupTask(lines[0].text, facts);
	if (facts.kernel_version === null || facts.pid === null) lockdepFacts(lines, facts);
	return facts;
}

const SOFT_LOCKUP = /soft lockup - CPU#(\d+) stuck for \d+s! \[(.+):(\d+)\]$/;

/**
 * `BUG: soft lockup - CPU#0 stuck for 22s! [trinity-c0:6886]` (kernel/watchdog.c): the CPU and
 * the task running on it, for a report whose `CPU:` line was lost
 */
function softLockupTask(text: string, facts: CrashFacts): void {
	if (!text.includes('soft lockup - CPU#')) return;
	const m = SOFT_LOCKUP.exec(text.trimEnd());
	if (!m) return;
	facts.cpu = Number(m[1]);
	facts.comm = m[2];
	facts.pid = Number(m[3]);
}

/** `INFO: task kworker/u8:2:123 blocked for more than ...`: the command (colons allowed) and PID */
function hungTask(text: string): { comm: string; pid: number } | null {
	const end = text.indexOf(' blocked for ');
	const colon = text.lastIndexOf(':', end);
	const pid = text.slice(colon + 1, end);
	if (colon <= 11 || !/^\d+$/.test(pid)) return null;
	return { comm: text.slice(11, colon), pid: Number(pid) };
}

/** lockdep's task line: `<comm>/<pid> is trying to acquire lock:` / `... [HC0[0]:SC0[0]:HE1:SE1] takes:` */
const LOCKDEP_TASK = [' is trying to acquire', ' is trying to release', ' [HC'];

/**
 * Lockdep reports of kernels whose stack dump prints no `CPU: ... PID:` line (arm before 3.9,
 * or a report cut before it) still name the kernel and the task: the identity line under
 * the header (`3.5.0-rc5 #2 Not tainted`, lockdep.c print_kernel_ident) and the task line
 * (`ksdioirqd/mmc0/73 is trying to acquire lock:`, the command may hold a `/`). Fills what the
 * `CPU:` line did not give; searched in the report's first lines only.
 */
function lockdepFacts(lines: readonly BlockLine[], facts: CrashFacts): void {
	const n = Math.min(lines.length, 12);
	for (let i = 1; i < n; i++) {
		const t = lines[i].text;
		const c = t.charCodeAt(0);
		if (facts.kernel_version === null && c >= 48 && c <= 57) {
			const id = lockdepIdentTaint(t);
			if (id) {
				facts.kernel_version = id.version;
				facts.taint ??= id.taint;
				continue;
			}
		}
		if (facts.pid !== null) continue;
		for (const k of LOCKDEP_TASK) {
			const at = t.indexOf(k);
			if (at <= 0) continue;
			const slash = t.lastIndexOf('/', at);
			const pid = t.slice(slash + 1, at);
			if (slash > 0 && /^\d+$/.test(pid)) {
				facts.comm = t.slice(0, slash);
				facts.pid = Number(pid);
			}
			break;
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
