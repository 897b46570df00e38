/** One line of a multi-line kernel report, prefix removed. */
export interface BlockLine {
	line: number;
	text: string;
	ts: number | null;
	/** printk context of the line: '' (no timestamp), 'console' (timestamp, no caller id) or the caller id */
	context: string;
}

/**
 * The largest task, by resident memory, of the task list an OOM report printed just before a
 * `panic_on_oom` panic (mm/oom_kill.c dump_tasks(): `[  pid  ]   uid  tgid total_vm      rss …
 * name`, one line a process), as the BlockAssembler read it.
 */
export interface OomTasks {
	/** tasks the log holds of the list */
	tasks: number;
	/** the list's header line was in the log (else the log starts within the list) */
	header: boolean;
	/** the largest task by `rss`: its pid, name, rss (pages) and swap entries (null when unknown) */
	pid: number;
	name: string;
	rss: number;
	swapents: number | null;
	/** its line */
	line: number;
}

/**
 * A multi-line kernel report (oops, WARNING, KASAN, lockdep, hung task, RCU stall, ...) as
 * assembled by ingestion: the header line that opened it and every following line of the same
 * printk context up to its end.
 */
export interface ErrorBlock {
	/** id of the oops header that opened the block (e.g. 'BUG:', 'WARNING:') */
	header: string;
	boot: number;
	context: string;
	/** 1-based input lines of the header line and of the last line kept */
	startLine: number;
	endLine: number;
	/** up to 5 (50 for task contexts) lines of the same context printed just before the header */
	before: BlockLine[];
	/** the header line and what follows it */
	lines: BlockLine[];
	/** lines of the report that were not kept because the block hit its size limit */
	omitted: number;
	/** why the block ended: 'end-marker', 'next-report', 'gap', 'limit', 'boot', 'eof' */
	endReason: string;
	/**
	 * first line of the report this one directly follows in the same printk context (e.g. the
	 * KASAN report whose lockdep splat this is), when it started inside that report
	 */
	follows?: number;
	/**
	 * wall-clock time (epoch ms) of the header line when its prefix gave one (a syslog or journal
	 * line); the analysis uses it for a report without a kernel time, which calibration cannot place
	 */
	wall?: number;
	/** a panic_on_oom panic: the largest task of the OOM report's task list before it */
	oomTasks?: OomTasks;
}
