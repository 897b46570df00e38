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
