/**
 * One input line after its shape (format) has been recognised.
 *
 * The ingestor reuses a single LogRecord for every line so that lines nobody keeps cost no
 * allocation; a consumer that keeps a record must copy what it needs (see `toEvent`).
 * Absent values are NaN / -1 / '' rather than null to keep the object monomorphic.
 */
export type LineKind =
	/** a kernel message with its own prefix (or a bare message in an unprefixed log) */
	| 'kernel'
	/** a line that continues the previous kernel record (indented dmesg text, KEY=value dictionaries) */
	| 'continuation'
	/** a line that is understood but is not a kernel message (other programs in syslog, journal markers, blank lines) */
	| 'skipped'
	/** a line whose shape was not understood; `reason` says why */
	| 'unparsed';

export interface LogRecord {
	/** 1-based line number in the input */
	line: number;
	kind: LineKind;
	/** id of the format that recognised the line ('' when unparsed) */
	format: string;
	/** why a line was skipped or not parsed ('' otherwise) */
	reason: string;
	/** message text with every prefix removed */
	text: string;
	/** kernel monotonic time in seconds, NaN when the line has none */
	ts: number;
	/** wall-clock time from the line's own prefix, epoch milliseconds, NaN when none */
	wall: number;
	/** syslog severity 0 (emerg) .. 7 (debug), -1 when unknown */
	level: number;
	/** printk caller id: 'T123' (task) or 'C1' (CPU), '' when absent */
	caller: string;
	/** host name from a syslog/journal prefix, '' when absent */
	host: string;
	/**
	 * the syslog/journal program of a skipped line whose messages are analysed too (a user-space
	 * OOM killer: USERSPACE_PROGRAMS in formats/syslog.ts; `systemd` for its line about a
	 * systemd-oomd kill: programOf there), '' for every other line
	 */
	program: string;
	/** 0-based index of the boot the line belongs to (set by the ingestor) */
	boot: number;
}

export function newRecord(): LogRecord {
	return {
		line: 0,
		kind: 'kernel',
		format: '',
		reason: '',
		text: '',
		ts: NaN,
		wall: NaN,
		level: -1,
		caller: '',
		host: '',
		program: '',
		boot: 0
	};
}

/**
 * A copy of `r` of the same hidden class as newRecord's. A spread copy (`{ ...r }`) has another in
 * V8: the tracker's record held for a journal after a dmesg (joinHeld), passed on where the reused
 * records go, had thrown away the optimised code of `kernelRecord`, `track` and `pass` ("wrong
 * map"), which then checked two classes on every record to the end of the input.
 */
export function copyRecord(r: LogRecord): LogRecord {
	const c = newRecord();
	c.line = r.line;
	c.kind = r.kind;
	c.format = r.format;
	c.reason = r.reason;
	c.text = r.text;
	c.ts = r.ts;
	c.wall = r.wall;
	c.level = r.level;
	c.caller = r.caller;
	c.host = r.host;
	c.program = r.program;
	c.boot = r.boot;
	return c;
}

export function resetRecord(r: LogRecord, line: number): void {
	r.line = line;
	r.kind = 'kernel';
	r.format = '';
	r.reason = '';
	r.text = '';
	r.ts = NaN;
	r.wall = NaN;
	r.level = -1;
	r.caller = '';
	r.host = '';
	r.program = '';
}
