/**
 * `/dev/kmsg` records (Documentation/ABI/testing/dev-kmsg) and netconsole's extended mode:
 * `prio,seq,usec,flag[,more];text`, followed by ` KEY=value` dictionary lines.
 * Non-printable bytes and `\` are escaped as `\xNN` in the text.
 */
import type { LogRecord } from '../../models/log-record.ts';
import { unescapeHex } from './common.ts';
import { ENTRY_LINE, newEntry, type FormatContext, type LineFormat } from './types.ts';
import { codeAt } from '../../util/text.ts';

/** for the byte offsets of netconsole fragments (rare lines: an encoded copy is fine) */
const UTF8 = new TextEncoder();

/** Reads `digits,` at i; returns the number and the index after the comma via `pos`. */
const pos = { i: 0 };
function num(s: string, i: number, max: number): number {
	let v = 0;
	let j = i;
	let c = codeAt(s, j);
	while (c >= 48 && c <= 57 && j - i < max) {
		v = v * 10 + (c - 48);
		c = codeAt(s, ++j);
	}
	if (j === i) return -1;
	pos.i = j;
	return v;
}

export const kmsgFormat: LineFormat = {
	id: 'kmsg',
	label: '/dev/kmsg records',
	examples: [
		{
			line: '6,339,5140900,-;NET: Registered protocol family 10',
			text: 'NET: Registered protocol family 10',
			ts: 5.1409,
			level: 6
		},
		{
			line: '0,0,0,-,caller=T1;Linux version 6.6.4-arch1-1',
			text: 'Linux version 6.6.4-arch1-1',
			level: 0,
			caller: 'T1'
		},
		{
			line: '30,340,5690716,-;udevd[80]: starting version 181',
			text: 'udevd[80]: starting version 181',
			level: 6
		},
		{
			line: '1,1,1,-;Command line: initrd=\\x5cucode.img ro',
			text: 'Command line: initrd=\\ucode.img ro'
		},
		{
			// a fragment opens a multi-line entry (see fragment): alone, it is read at the end
			before: [],
			line: '6,416,1758426,-,ncfrag=0/31;the first chunk,',
			text: 'the first chunk,'
		},
		{
			line: '6.4.0,6,444,501151268,-;netconsole: network logging started',
			text: 'netconsole: network logging started',
			ts: 501.151268,
			level: 6
		},
		{
			before: ['7,160,424069,-;pci_root PNP0A03:00: host bridge window'],
			line: ' SUBSYSTEM=acpi',
			text: 'SUBSYSTEM=acpi',
			kind: 'continuation'
		}
	],
	negatives: [
		'6,339;x',
		'1,2,3,4',
		'[    1.0] x',
		'2024-01-01 x',
		'12,34 text',
		'6.4.0,6.4.0,6,444,501151268,-;x',
		'1.5 GB free, 3,4,5,-;x'
	],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		const c0 = codeAt(line, 0);
		if (c0 === 32) {
			// dictionary line of the previous record: ` SUBSYSTEM=acpi`
			if (!ctx.seenKmsg) return false;
			let j = 1;
			let c = codeAt(line, j);
			while ((c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57)) c = codeAt(line, ++j);
			if (j === 1 || c !== 61 /* = */) return false;
			rec.kind = 'continuation';
			rec.format = 'kmsg';
			rec.text = line.slice(1);
			return true;
		}
		if (c0 < 48 || c0 > 57) return false;
		const prio = num(line, 0, 4);
		if (prio < 0) return false;
		if (codeAt(line, pos.i) === 46 /* . */) return released(line, rec, ctx);
		if (codeAt(line, pos.i) !== 44) return false;
		const seq = num(line, pos.i + 1, 20);
		if (seq < 0 || codeAt(line, pos.i) !== 44) return false;
		const usec = num(line, pos.i + 1, 20);
		if (usec < 0 || codeAt(line, pos.i) !== 44) return false;
		const flag = codeAt(line, pos.i + 1);
		if (flag !== 45 && flag !== 99 && flag !== 43) return false;
		const semi = line.indexOf(';', pos.i + 2);
		if (semi === -1) return false;
		const more = line.slice(pos.i + 2, semi);
		if (more !== '' && codeAt(more, 0) !== 44) return false;
		if (more !== '') {
			const at = more.indexOf(',caller=');
			if (at !== -1) {
				const end = more.indexOf(',', at + 1);
				rec.caller = more.slice(at + 8, end === -1 ? more.length : end);
			}
		}
		ctx.seenKmsg = true;
		rec.level = prio & 7;
		rec.ts = usec / 1e6;
		const frag = more === '' ? -1 : more.indexOf(',ncfrag=');
		if (frag !== -1) return fragment(line.slice(semi + 1), more, frag + 8, seq, rec, ctx);
		rec.text = unescapeHex(line.slice(semi + 1));
		rec.kind = 'kernel';
		rec.format = 'kmsg';
		return true;
	}
};

/**
 * netconsole's extended mode with the release prepended (`netconsole=+r…`): `6.4.0,6,444,501151268,-;
 * netconsole: network logging started`. The release (no blank, `;` or `,` in it, at most 64
 * characters) is dropped and the rest read as a record.
 */
function released(line: string, rec: LogRecord, ctx: FormatContext): boolean {
	const comma = line.indexOf(',');
	if (comma < 3 || comma > 64) return false;
	for (let i = 0; i < comma; i++) {
		const c = codeAt(line, i);
		if (c <= 32 || c === 59 /* ; */) return false;
	}
	const c = codeAt(line, comma + 1);
	if (c < 48 || c > 57) return false;
	const rest = line.slice(comma + 1);
	// a second release is not one
	if (codeAt(rest, num(rest, 0, 4) < 0 ? 0 : pos.i) !== 44) return false;
	return kmsgFormat.parse(rest, rec, ctx);
}

/**
 * A fragment of a message netconsole split (more than 1000 bytes, its extended mode:
 * Documentation/networking/netconsole.rst): `6,416,1758426,-,ncfrag=0/31;the first chunk,` then
 * `6,416,1758426,-,ncfrag=16/31; the 2nd chunk.`, each with the record's header and the byte offset
 * of its text in the message. The fragments of one record are joined into one multi-line entry,
 * which ends with the fragment that reaches the message's length (or with a line that is not the
 * next fragment: what came is read).
 */
function fragment(
	body: string,
	more: string,
	at: number,
	seq: number,
	rec: LogRecord,
	ctx: FormatContext
): boolean {
	const off = num(more, at, 10);
	if (off < 0 || codeAt(more, pos.i) !== 47 /* / */) return false;
	const total = num(more, pos.i + 1, 10);
	if (total < 0) return false;
	let e = ctx.entry;
	if (e !== null && (e.format !== 'kmsg' || e.seq !== seq || off !== e.bytes)) return false;
	if (e === null) {
		e = ctx.entry = newEntry('kmsg', rec.line);
		e.seq = seq;
		e.bytes = off;
		e.hasText = true;
		e.level = rec.level;
		e.ts = rec.ts;
		e.caller = rec.caller;
	}
	e.lines++;
	e.text += unescapeHex(body);
	// the offsets count the message's UTF-8 bytes (a decoded text: no lone surrogate)
	e.bytes += UTF8.encode(body).length;
	if (e.bytes >= total) e.done = true;
	rec.kind = 'skipped';
	rec.reason = ENTRY_LINE;
	return true;
}
