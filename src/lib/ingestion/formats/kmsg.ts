/**
 * `/dev/kmsg` records (Documentation/ABI/testing/dev-kmsg) and netconsole's extended mode:
 * `prio,seq,usec,flag[,more];text`, followed by ` KEY=value` dictionary lines.
 * Non-printable bytes and `\` are escaped as `\xNN` in the text.
 */
import type { LogRecord } from '../../models/log-record.ts';
import { unescapeHex } from './common.ts';
import type { FormatContext, LineFormat } from './types.ts';
import { codeAt } from '../../util/text.ts';

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
			line: '6,416,1758426,-,ncfrag=0/31;the first chunk,',
			text: 'the first chunk,'
		},
		{
			before: ['7,160,424069,-;pci_root PNP0A03:00: host bridge window'],
			line: ' SUBSYSTEM=acpi',
			text: 'SUBSYSTEM=acpi',
			kind: 'continuation'
		}
	],
	negatives: ['6,339;x', '1,2,3,4', '[    1.0] x', '2024-01-01 x', '12,34 text'],
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
		if (prio < 0 || codeAt(line, pos.i) !== 44) return false;
		if (num(line, pos.i + 1, 20) < 0 || codeAt(line, pos.i) !== 44) return false;
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
		rec.text = unescapeHex(line.slice(semi + 1));
		rec.kind = 'kernel';
		rec.format = 'kmsg';
		return true;
	}
};
