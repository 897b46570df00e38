/**
 * util-linux dmesg's human time formats: `-T`/ctime, `-e`/reltime and `--time-format iso`.
 * They carry wall-clock times computed by dmesg from the boot time (wrong for messages before
 * a suspend, see util-linux #4066) and no monotonic time.
 */
import type { LogRecord } from '../../models/log-record.ts';
import {
	monthWordAt,
	scanBracketTime,
	scanCaller,
	scanCtime,
	scanIsoDate,
	skipOneBlank,
	two,
	newScan
} from './common.ts';
import { localWall, yearFor, type FormatContext, type LineFormat } from './types.ts';
import { codeAt } from '../../util/text.ts';

const scan = newScan();

function callerAndText(line: string, i: number, rec: LogRecord): void {
	let j = i;
	const caller = scanCaller(line, j, scan);
	if (caller !== '') {
		rec.caller = caller;
		j = scan.end;
	}
	rec.text = line.slice(skipOneBlank(line, j));
}

export const dmesgCtimeFormat: LineFormat = {
	id: 'dmesg-ctime',
	label: 'dmesg -T (ctime)',
	examples: [
		{
			line: '[Fri Feb 13 23:31:31 2009] example[1]',
			text: 'example[1]',
			wall: '2009-02-13T23:31:31.000Z'
		},
		{
			line: '[Sat Jun  8 01:41:03 2024] wlan: [5719:I:SME] vdev-0: Connecting',
			text: 'wlan: [5719:I:SME] vdev-0: Connecting',
			wall: '2024-06-08T01:41:03.000Z'
		},
		{ line: '[Mon Nov 23 10:00:00 2026] [T42] msg', text: 'msg', caller: 'T42' },
		{
			// util-linux 2.38 in de_DE.UTF-8 and fr_FR.ISO-8859-1 (read as UTF-8)
			line: '[Do Dez  3 16:10:51 2026] usb 1-1.1: new full-speed USB device',
			text: 'usb 1-1.1: new full-speed USB device',
			wall: '2026-12-03T16:10:51.000Z'
		},
		{
			line: '[jeu. d\ufffdc.  3 16:10:51 2026] usb 1-1.1: new',
			text: 'usb 1-1.1: new',
			wall: '2026-12-03T16:10:51.000Z'
		}
	],
	negatives: ['[    1.000000] x', '[Feb13 23:31] new', '[Foo Feb 13 23:31:31 2009] x'],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		if (codeAt(line, 0) !== 91) return false;
		const w = scanCtime(line, 1, scan);
		if (Number.isNaN(w) || codeAt(line, scan.end) !== 93) return false;
		rec.wall = localWall(ctx, w);
		rec.kind = 'kernel';
		rec.format = 'dmesg-ctime';
		callerAndText(line, scan.end + 1, rec);
		return true;
	}
};

export const dmesgReltimeFormat: LineFormat = {
	id: 'dmesg-reltime',
	label: 'dmesg -e / -H (reltime)',
	examples: [
		{ line: '[Feb13 23:31] new', text: 'new' },
		{ line: '[Dec 4 10:00] new', text: 'new', wall: '2000-12-04T10:00:00.000Z' },
		{ line: '[Dez 4 10:00] neu', text: 'neu', wall: '2000-12-04T10:00:00.000Z' },
		{ line: '[déc. 3 16:10] usb 1-1.1: new', text: 'usb 1-1.1: new' },
		{ line: '[  +1.000000] two', text: 'two' },
		{ line: '[  +0,095585] zwei', text: 'zwei' },
		{ line: '[ +19.000000] example[3]', text: 'example[3]' }
	],
	negatives: ['[    1.000000] x', '[Fri Feb 13 23:31:31 2009] x', '[+] x'],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		if (codeAt(line, 0) !== 91) return false;
		const c1 = codeAt(line, 1);
		if (c1 === 32 || c1 === 43) {
			let j = 1;
			while (codeAt(line, j) === 32) j++;
			if (codeAt(line, j) !== 43) return false;
			// `[  +1.000000]`: reuse the bracket scanner on the number after '+' (a decimal comma
			// in a German or French locale: `[  +0,095585]`)
			let num = line.slice(j + 1, j + 20);
			if (codeAt(num, num.indexOf(',') + 7) === 93) num = num.replace(',', '.');
			if (!scanBracketTime('[' + num, 0, scan)) return false;
			const end = j + scan.end;
			if (codeAt(line, end - 1) !== 93) return false;
			if (!Number.isNaN(ctx.relWall)) {
				ctx.relWall += scan.value * 1000;
				rec.wall = ctx.relWall;
			}
			rec.kind = 'kernel';
			rec.format = 'dmesg-reltime';
			callerAndText(line, end, rec);
			return true;
		}
		// `[Feb13 23:31]`; util-linux pads a day below 10 with a space (`[Dec 4 10:00]`, strftime's
		// `%b%e`), and the month is the locale's (`[Dez 4 10:00]`, `[déc. 4 10:00]`)
		const mo = monthWordAt(line, 1, scan, false);
		if (mo < 0) return false;
		const p = scan.end;
		const day = codeAt(line, p) === 32 ? codeAt(line, p + 1) - 48 : two(line, p);
		if (!(day >= 1 && day <= 31) || codeAt(line, p + 2) !== 32) return false;
		const h = two(line, p + 3);
		const m = two(line, p + 6);
		if (h < 0 || h > 23 || m < 0 || m > 59 || codeAt(line, p + 5) !== 58) return false;
		if (codeAt(line, p + 8) !== 93) return false;
		const sec = h * 3600 + m * 60;
		ctx.relWall = localWall(ctx, Date.UTC(yearFor(ctx, mo), mo, day) + sec * 1000);
		rec.wall = ctx.relWall;
		rec.kind = 'kernel';
		rec.format = 'dmesg-reltime';
		callerAndText(line, p + 9, rec);
		return true;
	}
};

export const dmesgIsoFormat: LineFormat = {
	id: 'dmesg-iso',
	label: 'dmesg --time-format iso',
	examples: [
		{
			line: '2009-02-13T23:31:31,123456+00:00 example[1]',
			text: 'example[1]',
			wall: '2009-02-13T23:31:31.123Z'
		},
		{
			line: '2023-12-22T12:26:24,559615-08:00 device vethab20cf5 entered promiscuous mode',
			text: 'device vethab20cf5 entered promiscuous mode',
			wall: '2023-12-22T20:26:24.559Z'
		}
	],
	negatives: [
		'2024-11-23T23:15:01.123456+01:00 myhost kernel: usb 1-1: new',
		'2009-02-13 x',
		'[    1.0] x'
	],
	parse(line: string, rec: LogRecord): boolean {
		const c0 = codeAt(line, 0);
		if (c0 < 48 || c0 > 57 || codeAt(line, 19) !== 44 /* , */) return false;
		const w = scanIsoDate(line, 0, scan);
		if (Number.isNaN(w)) return false;
		rec.wall = w;
		rec.kind = 'kernel';
		rec.format = 'dmesg-iso';
		callerAndText(line, scan.end, rec);
		return true;
	}
};
