import type { LogRecord } from './log-record.ts';

/** A kernel message kept for analysis: an immutable copy of a LogRecord. */
export interface LogEvent {
	line: number;
	boot: number;
	/** kernel monotonic seconds or null */
	ts: number | null;
	/** wall-clock epoch milliseconds from the line's prefix, or null */
	wall: number | null;
	level: number | null;
	caller: string | null;
	format: string;
	text: string;
	continuation: boolean;
}

export function toEvent(r: LogRecord): LogEvent {
	return {
		line: r.line,
		boot: r.boot,
		ts: Number.isNaN(r.ts) ? null : r.ts,
		wall: Number.isNaN(r.wall) ? null : r.wall,
		level: r.level < 0 ? null : r.level,
		caller: r.caller === '' ? null : r.caller,
		format: r.format,
		text: r.text,
		continuation: r.kind === 'continuation'
	};
}

/**
 * A line of a user-space program that the analysis reads too (LogRecord.program: a user-space
 * OOM killer, systemd's line about a systemd-oomd kill), kept: counted as skipped, no kernel
 * message. `ingest()` keeps them apart from the events; the pipeline passes them on as they come.
 */
export interface ProgramEvent {
	line: number;
	/** the boot it falls in */
	boot: number;
	/** the journal's monotonic seconds (the kernel's clock) or null */
	ts: number | null;
	/** wall-clock epoch milliseconds from the line's prefix, or null */
	wall: number | null;
	/** the program (LogRecord.program) */
	program: string;
	/** its message */
	text: string;
}

export function toProgramEvent(r: LogRecord, boot: number): ProgramEvent {
	return {
		line: r.line,
		boot,
		ts: Number.isNaN(r.ts) ? null : r.ts,
		wall: Number.isNaN(r.wall) ? null : r.wall,
		program: r.program,
		text: r.text
	};
}
