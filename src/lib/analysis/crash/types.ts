import type { DetailValue, Frame, Severity } from '../../models/finding.ts';

/** What crash analysis derives from one kernel report (an ErrorBlock). */
export interface CrashReport {
	/** rule id of the family, e.g. 'crash.kasan', 'crash.warning', 'crash.hung-task' (public: never rename) */
	rule: string;
	/** syzbot-style title, e.g. `KASAN: slab-use-after-free Read in tcp_v4_rcv` */
	title: string;
	alt_titles: string[];
	/** syzkaller crash type (KASAN-USE-AFTER-FREE-READ, WARNING, HANG, ...) or null when unknown */
	type: string | null;
	corrupted: boolean;
	corrupted_reason: string | null;
	frames: Frame[];
	guilty_frame: string | null;
	fault_location: string | null;
	severity: Severity;
	/** the report (or what follows it) contains `Kernel panic - not syncing` */
	panicked: boolean;
	cpu: number | null;
	pid: number | null;
	comm: string | null;
	kernel_version: string | null;
	hardware: string | null;
	/** raw taint string from the CPU/Tainted line */
	taint: string | null;
	/** the taint flags decoded, e.g. `W (WARN): the kernel issued a warning`; unknown letters included */
	taint_flags: string[];
	/** registers and `Code:` lines, kept as evidence */
	registers: string[];
	/** first line of the report this one directly continues (same context, no pause), or null */
	follows_line: number | null;
	/** a short plain-language kind, e.g. 'use-after-free read', 'NULL pointer dereference' */
	kind: string;
	/** `path:line` of the WARN()/BUG() that fired, from the header line, or null (see location.ts) */
	source_location: string | null;
	/** the function that called the guilty frame (frames.ts, callerOf), or null */
	caller: string | null;
	/**
	 * the log ends inside the report's call trace (index.ts, cutInTrace); apart from `corrupted`,
	 * which follows syzkaller's rules, so that titles keep their syzkaller meaning
	 */
	cut_short: boolean;
	/** facts only some reports print (details.ts, reportFacts): a WARN()'s message, a lockup's pool */
	report_facts: Record<string, DetailValue>;
}
