/**
 * The only list of input formats, tried in this order (the format that matched the previous
 * line is tried first, and an open multi-line entry's format before that). Every format rejects
 * a line on its first characters before doing any real work. `bare` must stay last: it claims
 * every line that is text.
 */
import { bareFormat } from './bare.ts';
import { androidSectionFormat, consoleFormat, pstoreFormat } from './capture.ts';
import { dmesgCtimeFormat, dmesgIsoFormat, dmesgReltimeFormat } from './dmesg-human.ts';
import { dmesgDecodedFormat, dmesgJsonFormat } from './dmesg-json.ts';
import { dmesgFormat } from './dmesg.ts';
import {
	journalExportFormat,
	journalFullFormat,
	journalJsonFormat,
	journalJsonPrettyFormat,
	journalUnixFormat
} from './journal.ts';
import { journalMarkerFormat } from './journal-markers.ts';
import { kmsgFormat } from './kmsg.ts';
import { isoSyslogFormat, logreadFormat, rfc5424Format, syslogFormat } from './syslog.ts';
import type { LineFormat } from './types.ts';

export const FORMATS: readonly LineFormat[] = [
	dmesgFormat,
	dmesgCtimeFormat,
	dmesgReltimeFormat,
	kmsgFormat,
	rfc5424Format,
	dmesgIsoFormat,
	isoSyslogFormat,
	journalUnixFormat,
	syslogFormat,
	journalFullFormat,
	logreadFormat,
	dmesgDecodedFormat,
	journalJsonFormat,
	dmesgJsonFormat,
	journalJsonPrettyFormat,
	journalExportFormat,
	journalMarkerFormat,
	pstoreFormat,
	androidSectionFormat,
	consoleFormat,
	bareFormat
];

/** Formats by id (also the ids records carry that differ from their format's: dmesg-raw etc.). */
export const FORMAT_BY_ID: ReadonlyMap<string, LineFormat> = new Map(FORMATS.map((f) => [f.id, f]));

/**
 * Record `format` values a format may produce besides its own id (a line's variant), so that
 * reports can label every id.
 */
export const FORMAT_VARIANTS: Readonly<Record<string, string>> = {
	'dmesg-raw': 'dmesg',
	'dmesg-delta': 'dmesg',
	'journal-monotonic': 'dmesg',
	'syslog-chromeos': 'syslog-iso',
	continuation: 'bare'
};

export type { LineFormat, FormatContext, FormatExample, Entry } from './types.ts';
export {
	newContext,
	ENTRY_LINE,
	entryTs,
	SKIP_BLANK,
	SKIP_OTHER_JOURNAL,
	SKIP_OTHER_SYSLOG,
	SKIP_PSTORE_REPEAT,
	UNPARSED_AFTER_DUMP,
	UNPARSED_BOOTLOADER,
	UBOOT_BANNER,
	UBOOT_LINE,
	BOOT_MENU_LOG,
	BOOTLOADER_HANDOFF
} from './types.ts';
