/**
 * journalctl output modes other than the syslog-like `short`, `short-iso` and
 * `short-precise` (syslog.ts) and `short-monotonic` (dmesg.ts): `short-full`, `short-unix`,
 * `verbose`, `export`, `json` / `json-seq` (one object per line) and `json-pretty`.
 * See systemd src/shared/logs-show.c and docs/JOURNAL_EXPORT_FORMATS.md.
 */
import type { LogRecord } from '../../models/log-record.ts';
import {
	clockAt,
	digitsAt,
	isWeekday,
	scanFraction,
	TZ_ABBREV,
	two,
	newScan,
	type Scan
} from './common.ts';
import { programOf, syslogBody } from './syslog.ts';
import {
	ENTRY_LINE,
	entryTs,
	newEntry,
	SKIP_OTHER_JOURNAL,
	type Entry,
	type FormatContext,
	type LineFormat
} from './types.ts';
import { codeAt } from '../../util/text.ts';

const scan = newScan();

/** Apply one journal field to an entry (shared by verbose, export, json and json-pretty). */
function journalField(e: Entry, key: string, value: string, ctx: FormatContext): void {
	switch (key) {
		case 'MESSAGE':
			e.text = value;
			e.hasText = true;
			return;
		case 'PRIORITY': {
			const n = Number(value);
			if (n >= 0 && n <= 7) e.level = n;
			return;
		}
		case '_SOURCE_MONOTONIC_TIMESTAMP': {
			const n = Number(value);
			if (Number.isFinite(n)) e.ts = n / 1e6;
			return;
		}
		case '__MONOTONIC_TIMESTAMP': {
			// receipt time; only used when the kernel's own time is missing
			const n = Number(value);
			if (Number.isFinite(n)) e.recvTs = n / 1e6;
			return;
		}
		case '__REALTIME_TIMESTAMP': {
			const n = Number(value);
			if (Number.isFinite(n)) e.wall = n / 1000;
			return;
		}
		case '_TRANSPORT':
			if (value !== 'kernel') e.kernel = false;
			return;
		case 'SYSLOG_IDENTIFIER':
			if (value !== 'kernel') e.kernel = false;
			e.ident = value;
			return;
		case '_COMM':
			e.comm = value;
			return;
		case '_HOSTNAME':
			e.host = value;
			return;
		case '_BOOT_ID':
			ctx.bootId = value;
			return;
		case '__CURSOR': {
			const b = value.indexOf(';b=');
			if (b !== -1) ctx.bootId = value.slice(b + 3, b + 35);
			return;
		}
		default:
			return;
	}
}

/**
 * The program of another program's entry whose message is analysed too (see programOf: a
 * user-space OOM killer, systemd's line about an oomd kill), '' for any other: its name is the
 * SYSLOG_IDENTIFIER field, else _COMM, as journalctl shows it.
 */
export function entryProgram(e: Entry): string {
	return programOf(e.ident !== '' ? e.ident : e.comm, e.text, 0);
}

/**
 * `Sat 2024-11-23 23:15:01[.123456] CET ` at the start of a line: epoch ms (zone from a small
 * table of abbreviations, UTC when unknown); sets out.end past the zone. NaN when not one.
 */
function scanFullDate(s: string, out: Scan): number {
	if (!isWeekday(s, 0) || codeAt(s, 3) !== 32) return NaN;
	const y = digitsAt(s, 4, 4);
	if (y < 0 || codeAt(s, 8) !== 45 || codeAt(s, 11) !== 45 || codeAt(s, 14) !== 32) return NaN;
	const mo = two(s, 9);
	const d = two(s, 12);
	const sec = clockAt(s, 15);
	if (mo < 1 || mo > 12 || d < 1 || sec < 0) return NaN;
	const frac = scanFraction(s, 23, out);
	const sp = out.end;
	if (codeAt(s, sp) !== 32) return NaN;
	const zEnd = s.indexOf(' ', sp + 1);
	if (zEnd === -1 || zEnd - sp > 7) return NaN;
	const zone = s.slice(sp + 1, zEnd);
	const off = TZ_ABBREV[zone] ?? 0;
	out.end = zEnd;
	return Date.UTC(y, mo - 1, d) + sec * 1000 + Math.round(frac * 1e6) / 1e3 - off * 60000;
}

const IDENT = /^ ([^\s:[]+)(?:\[\d+\])?: ?/;

/** `short-full` lines and `verbose` entries (both start with a weekday and a full date). */
export const journalFullFormat: LineFormat = {
	id: 'journal-full',
	label: 'journalctl -o short-full / verbose',
	examples: [
		{
			line: 'Sat 2024-11-23 23:15:01 CET myhost kernel: usb 1-1: new high-speed USB device number 2 using xhci_hcd',
			text: 'usb 1-1: new high-speed USB device number 2 using xhci_hcd',
			host: 'myhost',
			wall: '2024-11-23T22:15:01.000Z'
		},
		{
			line: 'Sat 2024-11-23 23:15:02 CET myhost systemd[1]: Started foo.',
			text: 'Started foo.',
			kind: 'skipped'
		},
		{
			before: [
				'Sat 2024-11-23 23:15:01.123456 CET [s=6d1c;i=1a2;b=3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d;m=2e6b3c;t=6279a;x=9f1]',
				'    _TRANSPORT=kernel',
				'    PRIORITY=4',
				'    SYSLOG_IDENTIFIER=kernel'
			],
			line: '    MESSAGE=usb 1-1: device descriptor read/64, error -71',
			text: 'usb 1-1: device descriptor read/64, error -71',
			level: 4,
			wall: '2024-11-23T22:15:01.123Z'
		}
	],
	negatives: ['Sat Nov  2 14:07:32 2019 kern.info kernel: x', 'Nov 23 10:00:00 host kernel: x'],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		const e = ctx.entry;
		if (e !== null) {
			// verbose field line: 4 spaces, FIELD=value
			if (e.format !== 'journal-full' || codeAt(line, 0) !== 32) return false;
			e.lines++;
			rec.kind = 'skipped';
			rec.reason = ENTRY_LINE;
			const t = line.trimStart();
			const eq = t.indexOf('=');
			if (eq > 0) {
				journalField(e, t.slice(0, eq), t.slice(eq + 1), ctx);
				if (t.startsWith('MESSAGE=')) e.msgLine = rec.line;
			}
			return true;
		}
		const w = scanFullDate(line, scan);
		if (Number.isNaN(w)) return false;
		const i = scan.end;
		if (line.startsWith(' [s=', i)) {
			const entry = (ctx.entry = newEntry('journal-full', rec.line));
			entry.lines = 1;
			entry.wall = w;
			const b = line.indexOf(';b=', i);
			if (b !== -1) ctx.bootId = line.slice(b + 3, b + 35);
			rec.kind = 'skipped';
			rec.reason = ENTRY_LINE;
			return true;
		}
		const sp = line.indexOf(' ', i + 1);
		if (sp === -1) return false;
		const m = IDENT.exec(line.slice(sp, sp + 80));
		if (!m) return false;
		rec.wall = w;
		return syslogBody(line, sp + m[0].length, m[1], line.slice(i + 1, sp), rec, 'journal-full');
	}
};

/** `short-unix`: `1732400101.123456 myhost kernel: msg`. */
export const journalUnixFormat: LineFormat = {
	id: 'journal-unix',
	label: 'journalctl -o short-unix',
	examples: [
		{
			line: '1732400101.123456 myhost kernel: usb 1-1: new high-speed USB device',
			text: 'usb 1-1: new high-speed USB device',
			host: 'myhost',
			wall: '2024-11-23T22:15:01.123Z'
		}
	],
	negatives: ['6,339,5140900,-;x', '2024-11-23T23:15:01 host kernel: x', '12345 text'],
	parse(line: string, rec: LogRecord): boolean {
		const c0 = codeAt(line, 0);
		if (c0 < 49 || c0 > 57) return false;
		const dot = line.indexOf('.');
		if (dot < 9 || dot > 11 || digitsAt(line, 0, dot) < 0) return false;
		const frac = scanFraction(line, dot, scan);
		const sp = scan.end;
		if (sp === dot || codeAt(line, sp) !== 32) return false;
		const hostEnd = line.indexOf(' ', sp + 1);
		if (hostEnd === -1) return false;
		const m = IDENT.exec(line.slice(hostEnd, hostEnd + 80));
		if (!m) return false;
		rec.wall = (Number(line.slice(0, dot)) + frac) * 1000;
		return syslogBody(
			line,
			hostEnd + m[0].length,
			m[1],
			line.slice(sp + 1, hostEnd),
			rec,
			'journal-unix'
		);
	}
};

function valueString(v: unknown): string | null {
	if (typeof v === 'string') return v;
	if (Array.isArray(v)) {
		// non-UTF-8 values are byte arrays; duplicated fields are arrays of values
		if (v.every((x) => typeof x === 'number'))
			return new TextDecoder().decode(new Uint8Array(v as number[]));
		const first = v.find((x) => typeof x === 'string');
		return typeof first === 'string' ? first : null;
	}
	if (typeof v === 'number') return String(v);
	return null;
}

/**
 * `json` / `json-seq` / `json-sse`: one object per line (json-seq prefixes each with 0x1E,
 * json-sse, for server-sent events, with `data: ` and a blank line after each).
 */
export const journalJsonFormat: LineFormat = {
	id: 'journal-json',
	label: 'journalctl -o json',
	examples: [
		{
			line: '{"__CURSOR":"s=1;i=2;b=3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d;m=1;t=2;x=3","__REALTIME_TIMESTAMP":"1732400101123456","__MONOTONIC_TIMESTAMP":"12600000","_BOOT_ID":"3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d","_TRANSPORT":"kernel","PRIORITY":"3","SYSLOG_IDENTIFIER":"kernel","_SOURCE_MONOTONIC_TIMESTAMP":"12500000","_HOSTNAME":"myhost","MESSAGE":"ata1.00: failed command: READ DMA"}',
			text: 'ata1.00: failed command: READ DMA',
			ts: 12.5,
			level: 3,
			host: 'myhost',
			wall: '2024-11-23T22:15:01.123Z'
		},
		{
			line: '\u001e{"_TRANSPORT":"kernel","PRIORITY":"6","MESSAGE":[104,105]}',
			text: 'hi',
			level: 6
		},
		{
			line: 'data: {"_TRANSPORT":"kernel","PRIORITY":"4","MESSAGE":"usb 1-1: reset"}',
			text: 'usb 1-1: reset',
			level: 4
		},
		{
			line: '{ "_TRANSPORT" : "journal", "SYSLOG_IDENTIFIER" : "sshd", "MESSAGE" : "Accepted" }',
			text: 'Accepted',
			kind: 'skipped'
		}
	],
	negatives: ['{', '{"a": 1}', '{not json MESSAGE', '[    1.0] x'],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		let i = 0;
		const c0 = codeAt(line, 0);
		if (c0 === 0x1e) i = 1;
		else if (c0 === 100 && line.startsWith('data: ')) i = 6;
		if (codeAt(line, i) !== 123 || codeAt(line, line.length - 1) !== 125) return false;
		if (line.indexOf('"MESSAGE"') === -1 && line.indexOf('"__CURSOR"') === -1) return false;
		let obj: unknown;
		try {
			obj = JSON.parse(i === 0 ? line : line.slice(i));
		} catch {
			return false;
		}
		if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return false;
		const e = newEntry('journal-json', rec.line);
		for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
			const s = valueString(v);
			if (s !== null) journalField(e, k, s, ctx);
		}
		rec.format = 'journal-json';
		rec.text = e.text;
		rec.level = e.level;
		rec.ts = entryTs(e);
		rec.wall = e.wall;
		rec.host = e.host;
		if (!e.kernel) {
			rec.kind = 'skipped';
			rec.reason = SKIP_OTHER_JOURNAL;
			rec.program = entryProgram(e);
		} else if (!e.hasText) {
			rec.kind = 'skipped';
			rec.reason = 'journal entry without a message';
		} else rec.kind = 'kernel';
		return true;
	}
};

/** `KEY` before `=` at `eq` is a journal field name: upper-case letters, digits, `_`. */
function isFieldName(line: string, eq: number): boolean {
	if (eq <= 0 || eq > 64) return false;
	for (let i = 0; i < eq; i++) {
		const c = codeAt(line, i);
		if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95)) return false;
	}
	return true;
}

/** `export`: `FIELD=value` lines, a blank line after each entry. */
export const journalExportFormat: LineFormat = {
	id: 'journal-export',
	label: 'journalctl -o export',
	examples: [
		{
			before: [
				'__CURSOR=s=6d1c;i=1a2;b=3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d;m=2e6b3c;t=6279a;x=9f1',
				'__REALTIME_TIMESTAMP=1732400101123456',
				'__MONOTONIC_TIMESTAMP=12600000',
				'_BOOT_ID=3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d',
				'_SOURCE_MONOTONIC_TIMESTAMP=12500000',
				'_TRANSPORT=kernel',
				'PRIORITY=2',
				'SYSLOG_FACILITY=0',
				'SYSLOG_IDENTIFIER=kernel'
			],
			line: 'MESSAGE=Kernel panic - not syncing: Fatal exception',
			text: 'Kernel panic - not syncing: Fatal exception',
			ts: 12.5,
			level: 2,
			wall: '2024-11-23T22:15:01.123Z'
		}
	],
	negatives: ['FOO=bar', 'MESSAGE=x', '__CURSOR', '[    1.0] x'],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		const e = ctx.entry;
		if (e === null) {
			if (!line.startsWith('__CURSOR=')) return false;
			const entry = (ctx.entry = newEntry('journal-export', rec.line));
			entry.lines = 1;
			journalField(entry, '__CURSOR', line.slice(9), ctx);
			rec.kind = 'skipped';
			rec.reason = ENTRY_LINE;
			return true;
		}
		if (e.format !== 'journal-export') return false;
		const eq = line.indexOf('=');
		const binaryValue = e.text === '\u0000';
		// only field lines (or the value of a binary field) belong to the entry
		if (line.length > 0 && !binaryValue && line !== 'MESSAGE' && !isFieldName(line, eq))
			return false;
		e.lines++;
		rec.kind = 'skipped';
		rec.reason = ENTRY_LINE;
		if (line.length === 0) {
			e.done = true;
			return true;
		}
		if (binaryValue) e.text = line.slice(8);
		else if (eq > 0) {
			const key = line.slice(0, eq);
			journalField(e, key, line.slice(eq + 1), ctx);
			if (key === 'MESSAGE') e.msgLine = rec.line;
		} else if (line === 'MESSAGE') {
			// binary field: the value follows on the next line after a 64-bit length
			e.msgLine = rec.line;
			e.hasText = true;
			e.text = '\u0000';
		}
		return true;
	}
};

/**
 * A journal field's name as json-pretty quotes it: upper-case letters, digits and `_`, not starting
 * with a digit (systemd's journal_field_valid; `__` for the journal's own, `__CURSOR`). Runs only
 * on a `\t"…" : ` line outside an entry.
 */
function isJournalFieldKey(key: string): boolean {
	if (key.length === 0 || key.length > 64) return false;
	for (let i = 0; i < key.length; i++) {
		const c = codeAt(key, i);
		if (!((c >= 65 && c <= 90) || c === 95 || (i > 0 && c >= 48 && c <= 57))) return false;
	}
	return true;
}

/** `json-pretty`: `{`, then `\t"FIELD" : "value",` lines, then `}`. */
export const journalJsonPrettyFormat: LineFormat = {
	id: 'journal-json-pretty',
	label: 'journalctl -o json-pretty',
	examples: [
		{
			before: [
				'{',
				'\t"__CURSOR" : "s=6d1c;i=1a2;b=3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d;m=2e6b3c;t=6279a;x=9f1",',
				'\t"__REALTIME_TIMESTAMP" : "1732400101123456",',
				'\t"_TRANSPORT" : "kernel",',
				'\t"PRIORITY" : "4",'
			],
			line: '\t"MESSAGE" : "usb 1-1: reset high-speed USB device number 2 using ehci-pci",',
			text: 'usb 1-1: reset high-speed USB device number 2 using ehci-pci',
			level: 4,
			wall: '2024-11-23T22:15:01.123Z'
		},
		{
			// an excerpt without `__CURSOR`: the entry starts at its first field
			before: ['{', '\t"__REALTIME_TIMESTAMP" : "1732400101123456",', '\t"PRIORITY" : "3",'],
			line: '\t"MESSAGE" : "ata1.00: failed command: READ DMA"',
			text: 'ata1.00: failed command: READ DMA',
			level: 3,
			wall: '2024-11-23T22:15:01.123Z'
		}
	],
	negatives: ['\t"foo" : 1', '\t"name" : "x"', '   "dmesg": [', '"MESSAGE" : "x"'],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		const e = ctx.entry;
		if (e !== null && e.format !== 'journal-json-pretty') return false;
		if (line === '{' && e === null) {
			rec.kind = 'skipped';
			rec.reason = 'JSON structure';
			rec.format = 'journal-json-pretty';
			return true;
		}
		if (codeAt(line, 0) === 125 /* } */) {
			if (e === null || line !== '}') return false;
			e.lines++;
			e.done = true;
			rec.kind = 'skipped';
			rec.reason = ENTRY_LINE;
			return true;
		}
		if (codeAt(line, 0) !== 9 || codeAt(line, 1) !== 34) return false;
		const q = line.indexOf('" : ', 2);
		if (q === -1) return false;
		const key = line.slice(2, q);
		// an entry starts at its first field: `__CURSOR` as journalctl prints it, or any journal
		// field name (an excerpt of a record, or fields cut out by hand), which had been bare text
		if (e === null && key !== '__CURSOR' && !isJournalFieldKey(key)) return false;
		const entry = e ?? (ctx.entry = newEntry('journal-json-pretty', rec.line));
		entry.lines++;
		let v = line.slice(q + 4);
		if (v.endsWith(',')) v = v.slice(0, -1);
		let val: unknown;
		try {
			val = JSON.parse(v);
		} catch {
			val = null;
		}
		const s = valueString(val);
		if (s !== null) journalField(entry, key, s, ctx);
		if (key === 'MESSAGE') entry.msgLine = rec.line;
		rec.kind = 'skipped';
		rec.reason = ENTRY_LINE;
		return true;
	}
};
