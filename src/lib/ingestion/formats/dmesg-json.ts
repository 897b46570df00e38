/**
 * Structured dmesg output: `dmesg -x` (decoded facility and level) and `dmesg --json`
 * (pretty-printed, one field per line; the record is complete at its `msg` field).
 */
import type { LogRecord } from '../../models/log-record.ts';
import { dmesgFormat } from './dmesg.ts';
import { ENTRY_LINE, newEntry, type FormatContext, type LineFormat } from './types.ts';
import { codeAt } from '../../util/text.ts';

export const LEVEL_NAMES: Record<string, number> = {
	emerg: 0,
	alert: 1,
	crit: 2,
	err: 3,
	warn: 4,
	notice: 5,
	info: 6,
	debug: 7
};

const FACILITIES = new Set([
	'kern',
	'user',
	'mail',
	'daemon',
	'auth',
	'syslog',
	'lpr',
	'news',
	'uucp',
	'cron',
	'authpriv',
	'ftp',
	'res0',
	'res1',
	'res2',
	'res3',
	'local0',
	'local1',
	'local2',
	'local3',
	'local4',
	'local5',
	'local6',
	'local7'
]);

/** `kern  :info  : [  216.000000] msg` (facility and level each padded to 6, then ': '). */
export const dmesgDecodedFormat: LineFormat = {
	id: 'dmesg-decoded',
	label: 'dmesg -x (decoded facility and level)',
	examples: [
		{ line: 'kern  :info  : [  216.000000] example[6]', text: 'example[6]', ts: 216, level: 6 },
		{
			line: 'daemon:info  : [   10.441520] [T31] systemd[1]: systemd 254.7-1.fc39 running',
			text: 'systemd[1]: systemd 254.7-1.fc39 running',
			caller: 'T31',
			level: 6
		},
		{ line: 'kern  :err   : ata1: failed', text: 'ata1: failed', level: 3 }
	],
	negatives: ['kernel: x', 'kern  :bogus : [ 1.0] x', '[    1.000000] x'],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		if (codeAt(line, 6) !== 58 || codeAt(line, 13) !== 58 || codeAt(line, 14) !== 32) return false;
		const fac = line.slice(0, 6).trimEnd();
		const lvl = LEVEL_NAMES[line.slice(7, 13).trimEnd()];
		if (lvl === undefined || !FACILITIES.has(fac)) return false;
		const body = line.slice(15);
		if (!(codeAt(body, 0) === 91 && dmesgFormat.parse(body, rec, ctx))) {
			rec.text = body;
			rec.kind = 'kernel';
		}
		rec.level = lvl;
		rec.format = 'dmesg-decoded';
		return true;
	}
};

function jsonString(v: string): string | null {
	try {
		const x: unknown = JSON.parse(v);
		return typeof x === 'string' ? x : null;
	} catch {
		return null;
	}
}

/** `   "key": value,` -> [key, raw value without the trailing comma] */
function field(line: string): [string, string] | null {
	let i = 0;
	while (codeAt(line, i) === 32 || codeAt(line, i) === 9) i++;
	if (codeAt(line, i) !== 34) return null;
	const q = line.indexOf('"', i + 1);
	if (q === -1 || codeAt(line, q + 1) !== 58) return null;
	let v = line.slice(q + 2).trim();
	if (v.endsWith(',')) v = v.slice(0, -1);
	return [line.slice(i + 1, q), v];
}

export const dmesgJsonFormat: LineFormat = {
	id: 'dmesg-json',
	label: 'dmesg --json',
	examples: [
		{
			before: [
				'{',
				'   "dmesg": [',
				'      {',
				'         "pri": 6,',
				'         "time":     0.000008,',
				'         "caller": "T9",'
			],
			line: '         "msg": "BIOS-e820: [mem 0x0000000009f00000-0x0000000009f3bfff] ACPI NVS"',
			text: 'BIOS-e820: [mem 0x0000000009f00000-0x0000000009f3bfff] ACPI NVS',
			ts: 0.000008,
			level: 6,
			caller: 'T9'
		},
		{
			before: [
				'{',
				'   "dmesg": [',
				'      {',
				'         "fac": "kern",',
				'         "pri": "err",',
				'         "time": 119412.667460,'
			],
			line: '         "msg": "ata1: \\"quoted\\" \\u00e9"',
			text: 'ata1: "quoted" é',
			ts: 119412.66746,
			level: 3
		}
	],
	negatives: ['   "dmesg": 1', '"msg": "x"', '[    1.0] x'],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		let i = 0;
		while (codeAt(line, i) === 32) i++;
		const c = codeAt(line, i);
		if (!ctx.inDmesgJson) {
			if ((line === '{' || line === '}') && ctx.entry === null) {
				// first/last line of a JSON document (dmesg --json, journalctl -o json-pretty)
				rec.kind = 'skipped';
				rec.reason = 'JSON structure';
				rec.format = 'dmesg-json';
				return true;
			}
			if (c === 34 && line.endsWith('"dmesg": [') && i + 10 === line.length) {
				ctx.inDmesgJson = true;
				rec.kind = 'skipped';
				rec.reason = 'JSON structure';
				rec.format = 'dmesg-json';
				return true;
			}
			return false;
		}
		const e = ctx.entry;
		if (c === 123 /* { */ && i === line.length - 1) {
			if (e !== null) return false;
			ctx.entry = newEntry('dmesg-json', 0);
			ctx.entry.lines++;
			rec.kind = 'skipped';
			rec.reason = ENTRY_LINE;
			return true;
		}
		if (c === 125 /* } */) {
			const rest = line.slice(i);
			if (e === null || (rest !== '}' && rest !== '},{' && rest !== '},')) return false;
			e.lines++;
			e.done = true;
			rec.kind = 'skipped';
			rec.reason = ENTRY_LINE;
			return true;
		}
		if (c === 93 /* ] */ && e === null) {
			ctx.inDmesgJson = false;
			rec.kind = 'skipped';
			rec.reason = 'JSON structure';
			rec.format = 'dmesg-json';
			return true;
		}
		const f = c === 34 ? field(line) : null;
		if (f === null) return false;
		const entry = e ?? (ctx.entry = newEntry('dmesg-json', 0));
		entry.lines++;
		const [k, v] = f;
		if (k === 'msg') {
			entry.text = jsonString(v) ?? v;
			entry.hasText = true;
			entry.msgLine = rec.line;
		} else if (k === 'time') entry.ts = Number(v);
		else if (k === 'caller') entry.caller = jsonString(v) ?? '';
		else if (k === 'pri') {
			const n = Number(v);
			entry.level = Number.isNaN(n) ? (LEVEL_NAMES[jsonString(v) ?? ''] ?? -1) : n & 7;
		}
		rec.kind = 'skipped';
		rec.reason = ENTRY_LINE;
		return true;
	}
};
