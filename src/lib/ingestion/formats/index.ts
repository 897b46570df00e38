/**
 * The only list of input formats, tried in this order (the format that matched the previous
 * line is tried first). `bare` must stay last: it claims every line that is text.
 */
import { bareFormat } from './bare.ts';
import { dmesgFormat } from './dmesg.ts';
import { journalMarkerFormat } from './journal-markers.ts';
import { isoSyslogFormat, syslogFormat } from './syslog.ts';
import type { LineFormat } from './types.ts';

export const FORMATS: readonly LineFormat[] = [
	dmesgFormat,
	syslogFormat,
	isoSyslogFormat,
	journalMarkerFormat,
	bareFormat
];

export type { LineFormat, FormatContext, FormatExample } from './types.ts';
