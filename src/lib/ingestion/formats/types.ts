import type { LogRecord } from '../../models/log-record.ts';

/** What an example line must parse to (fields left out are not checked). */
export interface FormatExample {
	line: string;
	text: string;
	ts?: number;
	wall?: string;
	level?: number;
	caller?: string;
	host?: string;
	kind?: LogRecord['kind'];
}

/** Per-input state shared by the formats (e.g. the year syslog lines lack). */
export interface FormatContext {
	/** year to assume for syslog dates without one */
	year: number;
	/** true once a line with a kernel prefix was seen: later unprefixed lines are foreign text */
	seenPrefixed: boolean;
}

/**
 * One input shape. `parse` fills the record and returns true when the line has this shape;
 * it returns false, leaving the record to be reset, when the line is not its format.
 */
export interface LineFormat {
	id: string;
	/** human name shown in reports */
	label: string;
	examples: FormatExample[];
	/** lines this format must not claim */
	negatives: string[];
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean;
}
