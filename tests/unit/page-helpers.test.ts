import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../src/lib/util/text.ts';
import {
	kernelTimed,
	onAxis,
	timelineAxis,
	timelineRows,
	wallAxisText,
	wallFine,
	wallRange,
	wallText,
	wallTimed,
	yearNote
} from '../../src/lib/components/timeline.ts';
import { orderNotes } from '../../src/lib/components/notes.ts';
import { hyphenWhole } from '../../src/lib/components/words.ts';
import { notTextAdvice } from '../../src/lib/ingestion/decode.ts';
import { worstSeverity } from '../../src/lib/components/severity.ts';
import {
	bootsText,
	crashKernel,
	registerPieces,
	replacedText,
	reportFileBase,
	spanText
} from '../../src/lib/components/format.ts';
import { withAdvice } from '../../src/lib/components/errors.ts';
import { ANON_KINDS } from '../../src/lib/util/anonymize.ts';
import type { Finding, Severity } from '../../src/lib/models/finding.ts';
import type { Boot } from '../../src/lib/models/metadata.ts';

describe('groupDigits', () => {
	it('groups thousands like en-US toLocaleString', () => {
		for (const n of [0, 7, 999, 1000, 12345, 999999, 1000000, 1234567890, -4321]) {
			expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
		}
	});
});

describe('timelineRows', () => {
	const occ = (boot: number, line: number) => ({
		first_line: line,
		last_line: line,
		boot,
		ts: line / 10,
		wall: null
	});
	const finding = (id: string, occurrences: ReturnType<typeof occ>[]) =>
		({ id, occurrences }) as unknown as Finding;
	const boot = (index: number) =>
		({ index, first_line: index * 100 + 1, last_line: index * 100 + 100 }) as Boot;

	it('gives each boot with findings its marks, first and last occurrence per finding', () => {
		const a = finding('a', [occ(0, 5), occ(2, 210), occ(2, 250), occ(2, 230)]);
		const b = finding('b', [occ(2, 205)]);
		const rows = timelineRows([a, b], [boot(0), boot(1), boot(2)]);
		expect(rows.map((r) => r.boot.index)).toEqual([0, 2]);
		expect(rows[0].marks.map((m) => [m.f.id, m.first.first_line, m.last.first_line])).toEqual([
			['a', 5, 5]
		]);
		// report order within a boot; the last kept occurrence, not the largest line
		expect(rows[1].marks.map((m) => [m.f.id, m.first.first_line, m.last.first_line])).toEqual([
			['a', 210, 230],
			['b', 205, 205]
		]);
	});
});

describe('timelineAxis', () => {
	const at = (line: number, ts: number | null, wall: string | null) => ({
		first_line: line,
		last_line: line,
		boot: 0,
		ts,
		wall
	});
	const mark = (first: ReturnType<typeof at>, last = first) =>
		({ f: {} as Finding, first, last }) as Parameters<typeof timelineAxis>[0][number];
	const boot = (started_at: string | null) =>
		({ index: 0, first_line: 781, last_line: 8738, started_at }) as Boot;

	it('plots against the kernel’s time when every mark has it, else the wall clock, else lines', () => {
		const w = '2021-11-21T11:58:33.000Z';
		expect(timelineAxis([mark(at(5, 1.5, w)), mark(at(9, 2, null))])).toBe('kernel');
		// logs-srv-messages.log: a syslog whose lines say when, the kernel's own stamps not kept
		expect(
			timelineAxis([mark(at(2152, null, w), at(3568, null, '2021-11-21T15:24:24.000Z'))])
		).toBe('wall');
		expect(timelineAxis([mark(at(5, null, w)), mark(at(9, null, null))])).toBe('line');
		expect(timelineAxis([mark(at(5, 1, w), at(9, null, null))])).toBe('line');
	});

	it('keeps the kernel’s time when most marks have it, the others apart (kernelTimed)', () => {
		// a pasted dmesg whose ATA error lost its stamps: three marks of four have the kernel's time
		const untimed = mark(at(4, null, null), at(5, null, null));
		const timed = [mark(at(2, 1.2, null)), mark(at(6, 120.5, null)), mark(at(7, 300, null))];
		expect(timelineAxis([...timed, untimed])).toBe('kernel');
		expect([...timed, untimed].map(kernelTimed)).toEqual([true, true, true, false]);
		// a mark whose last occurrence has no time is not placed either
		expect(kernelTimed(mark(at(5, 1, null), at(9, null, null)))).toBe(false);
		// half or fewer: the line numbers, every finding on them
		expect(timelineAxis([timed[0], untimed])).toBe('line');
		expect(timelineAxis([timed[0], untimed, mark(at(8, null, null))])).toBe('line');
	});

	it('keeps the wall-clock time when most marks have it, the others apart (onAxis)', () => {
		// a syslog with a dmesg's ATA error pasted in: three marks of four say when they were written
		const w = (hm: string) => `2021-11-21T${hm}:00.000Z`;
		const timed = [
			mark(at(2, null, w('11:58'))),
			mark(at(3, null, w('12:10'))),
			mark(at(6, null, w('15:24')))
		];
		const untimed = mark(at(4, null, null), at(5, null, null));
		expect(timelineAxis([...timed, untimed])).toBe('wall');
		expect([...timed, untimed].map(wallTimed)).toEqual([true, true, true, false]);
		expect([...timed, untimed].map((m) => onAxis('wall', m))).toEqual([true, true, true, false]);
		expect(wallTimed(mark(at(5, null, w('11:58')), at(9, null, null)))).toBe(false);
		// half or fewer: the line numbers, every finding on them
		expect(timelineAxis([timed[0], untimed])).toBe('line');
		expect(onAxis('line', untimed)).toBe(true);
		// most with the kernel's time still come first
		expect(
			timelineAxis([
				mark(at(2, 1, null)),
				mark(at(3, 2, w('12:10'))),
				mark(at(4, null, w('12:11')))
			])
		).toBe('kernel');
	});

	it('runs a wall-clock axis from the boot’s start when known, else the first mark, to the last mark', () => {
		const marks = [
			mark(at(2152, null, '2021-11-21T11:58:33.000Z'), at(3568, null, '2021-11-21T15:24:24.000Z')),
			mark(at(3000, null, '2021-11-21T12:00:00.000Z'))
		];
		expect(wallRange(boot(null), marks)).toEqual({
			min: Date.parse('2021-11-21T11:58:33.000Z'),
			max: Date.parse('2021-11-21T15:24:24.000Z')
		});
		expect(wallRange(boot('2021-11-21T08:00:00.000Z'), marks).min).toBe(
			Date.parse('2021-11-21T08:00:00.000Z')
		);
		// a start after the first mark (another clock) is not the axis's start
		expect(wallRange(boot('2021-11-21T13:00:00.000Z'), marks).min).toBe(
			Date.parse('2021-11-21T11:58:33.000Z')
		);
	});

	it('says a wall-clock axis in UTC, the end’s date only when it is another day', () => {
		const t = (iso: string) => Date.parse(iso);
		expect(wallAxisText(t('2021-11-21T11:58:33.000Z'), t('2021-11-21T15:24:24.000Z'), false)).toBe(
			'2021-11-21 11:58:33 – 15:24:24 UTC'
		);
		expect(wallAxisText(t('2021-11-21T23:10:00.000Z'), t('2021-11-22T01:02:03.000Z'), false)).toBe(
			'2021-11-21 23:10:00 – 2021-11-22 01:02:03 UTC'
		);
		// all marks at one time: that time
		expect(wallAxisText(t('2023-04-05T06:34:16.000Z'), t('2023-04-05T06:34:16.000Z'), false)).toBe(
			'2023-04-05 06:34:16 UTC'
		);
	});

	it('says the milliseconds of an axis under a minute whose log wrote them', () => {
		const t = (iso: string) => Date.parse(iso);
		// dfir-sample-files-syslog-1.log: a boot's findings within 4 ms
		const ms = ['2024-12-17T23:43:18.751Z', '2024-12-17T23:43:18.752Z', '2024-12-17T23:43:18.755Z'];
		expect(wallFine(ms.map(t))).toBe(true);
		expect(wallAxisText(t(ms[0]), t(ms[2]), true)).toBe(
			'2024-12-17 23:43:18.751 – 23:43:18.755 UTC'
		);
		expect(wallText(t(ms[1]), true)).toBe('2024-12-17 23:43:18.752 UTC');
		// whole seconds (a syslog's): no ".000"; an axis of a minute or more: seconds; one time: seconds
		expect(wallFine([t('2024-06-08T01:41:05.000Z'), t('2024-06-08T01:41:12.000Z')])).toBe(false);
		expect(wallFine([t('2024-06-08T01:41:05.500Z'), t('2024-06-08T01:42:05.500Z')])).toBe(false);
		expect(wallFine([t(ms[0]), t(ms[0])])).toBe(false);
		expect(wallText(t('2021-11-21T12:00:00.250Z'), false)).toBe('2021-11-21 12:00:00 UTC');
	});

	it('does not say a year the log does not give as a fact', () => {
		const t = (iso: string) => Date.parse(iso);
		const placeholder = { first: 2000, last: 2000, source: 'placeholder', exact: false } as const;
		const bound = { first: 2014, last: 2014, source: 'kernel release', exact: false } as const;
		const exact = { first: 2021, last: 2021, source: 'log date', exact: true } as const;
		const a = t('2000-11-21T11:58:33.000Z');
		const z = t('2000-11-22T01:02:03.000Z');
		expect(wallText(a, false, placeholder)).toBe('Nov 21 11:58:33 UTC');
		expect(wallAxisText(a, t('2000-11-21T15:24:24.000Z'), false, placeholder)).toBe(
			'Nov 21 11:58:33 – 15:24:24 UTC'
		);
		expect(wallAxisText(a, z, false, placeholder)).toBe('Nov 21 11:58:33 – Nov 22 01:02:03 UTC');
		expect(yearNote(placeholder, a)).toBe('year not in the log');
		const b = t('2014-02-09T10:42:36.000Z');
		expect(wallText(b, false, bound)).toBe('2014-02-09 10:42:36 UTC (year 2014 or later)');
		expect(wallAxisText(b, b, false, bound)).toBe('2014-02-09 10:42:36 UTC');
		expect(yearNote(bound, b)).toBe('year not in the log: 2014 or later');
		// the log's own year, or no date without one: said as it is
		expect(wallText(b, false, exact)).toBe('2014-02-09 10:42:36 UTC');
		expect(yearNote(exact, b)).toBeNull();
		expect(yearNote(null, b)).toBeNull();
	});
});

describe('registerPieces', () => {
	it('keeps each register’s name with its value’s start, the line whole when joined', () => {
		const lines = [
			'x11: 000000003aa51f42 x10: b4ea8d82961ddf69 x9 : ffff800080ecc9f8',
			'pstate: 61400009 (nZCv daif +PAN -UAO -TCO +DIT -SSBS BTYPE=--)',
			'pc : __efi_queue_work+0xf0/0x130',
			'RIP: 0010:__efi_queue_work+0xf0/0x130',
			'FS:  00007f0a12345678(0000) GS:ffff88807ec00000(0000) knlGS:0000000000000000',
			'Call trace:'
		];
		for (const l of lines)
			expect(
				registerPieces(l)
					.map((p) => p.text)
					.join('')
			).toBe(l);
		const kept = (l: string) =>
			registerPieces(l)
				.filter((p) => p.keep && /:\s*[^\s:]$/.test(p.text))
				.map((p) => p.text);
		expect(kept(lines[0])).toEqual(['x11: 0', 'x10: b', 'x9 : f']);
		expect(kept(lines[1])).toEqual(['pstate: 6']);
		expect(kept(lines[3])).toEqual(['RIP: 0']);
		expect(kept(lines[4])).toEqual(['FS:  0', 'GS:f', 'knlGS:0']);
		// a name without a value on its line is left as it is
		expect(kept(lines[5])).toEqual([]);
		// s390's two-word names are one piece with the value's start (`Krnl` had ended a line)
		expect(kept('Krnl PSW : 0704f00180000000 000003ff8086d03a')).toEqual(['Krnl PSW : 0']);
		expect(kept('Krnl Code: 000003ff8086d02a: c020ffffe006 larl')[0]).toBe('Krnl Code: 0');
	});
	it('keeps each of pstate’s flags whole, the line breaking only at its spaces', () => {
		const pieces = registerPieces(
			'pstate: 60400009 (nZCv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)'
		);
		// every piece but a space is kept whole: no break at a flag's hyphen (`-` over `UAO`)
		expect(pieces.filter((p) => !p.keep).map((p) => p.text)).toEqual(Array(8).fill(' '));
		expect(pieces.filter((p) => p.keep).map((p) => p.text)).toEqual([
			'pstate: 6',
			'0400009',
			'(nZCv',
			'daif',
			'+PAN',
			'-UAO',
			'-TCO',
			'-DIT',
			'-SSBS',
			'BTYPE=--)'
		]);
		// a word longer than a phone's line may still break inside (a long function's offset)
		expect(
			registerPieces('pc : __efi_queue_work_longer+0xf0/0x130').find((p) => !p.keep)?.text
		).toBe('_efi_queue_work_longer+0xf0/0x130');
	});
});

describe('crashKernel', () => {
	const boots = [
		{ index: 0, kernel_version: '6.1.0' },
		{ index: 1, kernel_version: null }
	] as Boot[];
	const finding = (category: string, boot: number, kernel_version?: string | null) =>
		({ category, first_seen: { boot }, details: { kernel_version } }) as unknown as Finding;
	it('names the crash’s own kernel, else its boot’s, and none for other findings', () => {
		expect(crashKernel(finding('crash', 0, '6.2.0-rc1'), boots)).toBe('6.2.0-rc1');
		expect(crashKernel(finding('crash', 0, null), boots)).toBe('6.1.0');
		expect(crashKernel(finding('crash', 1), boots)).toBeNull();
		expect(crashKernel(finding('storage', 0, '6.2.0'), boots)).toBeNull();
	});
});

describe('orderNotes', () => {
	it('puts the notes that say the report is partial first, the others in the report’s order', () => {
		// a stopped analysis's note is the pipeline's last: on a phone only the first note is shown
		const year =
			'Some dates carry no year; they were read as 2020 (year of a dated line in the log).';
		const zone = 'Times in line prefixes are the machine’s local time, UTC+00:00.';
		const stopped =
			'Incomplete: the analysis was stopped. This report covers only the first 20,000 lines.';
		expect(orderNotes([year, zone, stopped])).toEqual([stopped, year, zone]);
		expect(orderNotes([year, zone])).toEqual([year, zone]);
		expect(orderNotes([])).toEqual([]);
	});

	it('puts the notes that say some of the log was lost before those on its dates', () => {
		// izassafar-one-kern-log.log: the NUL bytes of three power cuts had been behind the year's
		// note, and a phone shows only the first
		const year =
			'Some dates carry no year; they were read as 2020 (year of a dated line in the log).';
		const lost =
			'The log holds stretches of NUL bytes (^@), which are never log text: 249 bytes in 3 lines (line 4356: 83 bytes). In a log file written to disk, NUL bytes are space the file had been given whose data never reached the disk: the machine lost power or crashed before it was written, and what was logged there is lost.';
		const buffer =
			'The log holds stretches of NUL bytes (^@), which are never log text: 2 bytes in 2 lines. In a buffer kept in memory across a reset (pstore/ramoops, last_kmsg), NUL bytes are space that was not written: what the buffer should hold there is missing.';
		const unused =
			'The log holds a stretch of NUL bytes (^@), which are never log text: 90 bytes in 1 line (line 9: 90 bytes). The log ends in it. In a buffer kept in memory across a reset (pstore/ramoops, last_kmsg), NUL bytes at its end are the part of the buffer not used yet: nothing is missing there.';
		const dropped = 'The log says 12 printk messages were dropped: reports may be incomplete.';
		expect(orderNotes([year, lost])).toEqual([lost, year]);
		expect(orderNotes([year, buffer])).toEqual([buffer, year]);
		expect(orderNotes([year, dropped])).toEqual([dropped, year]);
		// as reports of schema 1.14 and before say it, and of one message
		const droppedOld = 'The log says 12 printk message(s) were dropped: reports may be incomplete.';
		const droppedOne = 'The log says 1 printk message was dropped: reports may be incomplete.';
		expect(orderNotes([year, droppedOld])).toEqual([droppedOld, year]);
		expect(orderNotes([year, droppedOne])).toEqual([droppedOne, year]);
		// the unused end of a buffer loses nothing: it keeps its place
		expect(orderNotes([year, unused])).toEqual([year, unused]);
	});

	it('puts what a file is instead of a text log, and what to do, before "No kernel messages were recognised"', () => {
		// an ELF file's, a photo's: the question had been shown on a phone and its answer hidden
		const noKernel =
			'No kernel messages were recognised in this input: is it a kernel log (dmesg, journalctl -k, kern.log)?';
		const nul =
			'The log holds stretches of NUL bytes (^@), which are never log text: 9,538 bytes in 13 lines (line 1: 2,204 bytes). In a log file written to disk they are space whose data never reached the disk (the machine lost power or crashed before it was written, and what was logged there is lost); in a buffer kept in memory across a reset (pstore/ramoops, last_kmsg), space not written or not used yet.';
		const bytes = (s: string | number[]) =>
			Uint8Array.from([
				...(typeof s === 'string' ? Array.from(s, (c) => c.charCodeAt(0)) : s),
				...new Array(64).fill(0x41)
			]);
		// random bytes (an image, a disk image): a fixed sequence, not valid UTF-8
		const random = Uint8Array.from({ length: 256 }, (_, i) => ((i * 167 + 13) & 0xff) | 0x80);
		const heads = [
			bytes('LPKSHHRH'),
			bytes('KDUMP   '),
			bytes([0x7f, 0x45, 0x4c, 0x46]),
			bytes('BZh9'),
			bytes([0x04, 0x22, 0x4d, 0x18]),
			bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]),
			random
		];
		const advices = heads.map((h) => notTextAdvice(h));
		expect(advices.every((a) => a !== null)).toBe(true);
		expect(new Set(advices).size).toBe(heads.length);
		for (const advice of advices as string[]) {
			// the report's order: the advice, the question, the NUL bytes of an ELF file
			expect(orderNotes([advice, noKernel, nul])).toEqual([advice, noKernel, nul]);
		}
	});
});

describe('worstSeverity', () => {
	const counts = (c: Partial<Record<Severity, number>>) => ({
		critical: 0,
		high: 0,
		medium: 0,
		low: 0,
		info: 0,
		...c
	});
	it('is the most severe severity some finding has, for a report tab', () => {
		expect(worstSeverity(counts({ low: 3, critical: 1, medium: 2 }))).toBe('critical');
		expect(worstSeverity(counts({ info: 4, medium: 1 }))).toBe('medium');
		expect(worstSeverity(counts({ info: 1 }))).toBe('info');
		expect(worstSeverity(counts({}))).toBeNull();
	});
});

describe('replacedText', () => {
	it('says what an anonymization replaced, in the report’s order, or that nothing was', () => {
		// in words, not the report's keys: "(45 ptr)" had been the note above a shared crash report
		expect(replacedText({ host: 1, user: 2, ptr: 47 })).toBe(
			'1 host name, 2 user names, 47 kernel pointers'
		);
		expect(replacedText({ mac: 2, ssid: 1, kaslr: 1 })).toBe(
			'2 MAC addresses, 1 Wi-Fi network name, 1 KASLR offset'
		);
		// every kind the anonymization has is said in words of its own
		const all = replacedText(Object.fromEntries(ANON_KINDS.map((k) => [k, 2])));
		const keys = ANON_KINDS.map((k) => `2 ${k}`);
		for (const part of all.split(', ')) expect(keys).not.toContain(part);
		expect(new Set(all.split(', ')).size).toBe(ANON_KINDS.length);
		// a kind of a newer report's: its key
		expect(replacedText({ host: 1, tpm: 3 })).toBe('1 host name, 3 tpm');
		expect(replacedText({})).toBe('nothing to replace');
	});
});

describe('spanText', () => {
	it('says a long span of kernel time in minutes, hours or days, a short one not at all', () => {
		// serverlog-kern-log-1.log: a boot of 112 days
		expect(spanText(9686414.6)).toBe('112 days');
		expect(spanText(172800)).toBe('2 days');
		expect(spanText(172799)).toBe('48 hours');
		expect(spanText(9000)).toBe('2.5 hours');
		expect(spanText(7200)).toBe('2 hours');
		expect(spanText(2661.2)).toBe('44 minutes');
		expect(spanText(120)).toBe('2 minutes');
		expect(spanText(119.9)).toBe('');
		expect(spanText(6.4)).toBe('');
		expect(spanText(Number.NaN)).toBe('');
	});
});

describe('reportFileBase', () => {
	it('names a download as its input’s report, never as the input itself', () => {
		// dmesg.txt's text report had been dmesg.txt, and bananapi.log.gz's bananapi.log.json
		expect(reportFileBase('dmesg.txt')).toBe('dmesg-report');
		expect(reportFileBase('bananapi.log.gz')).toBe('bananapi-report');
		expect(reportFileBase('kern.log')).toBe('kern-report');
		expect(reportFileBase('kern.log.2.gz')).toBe('kern.log.2-report');
		expect(reportFileBase('sosreport-host-2026.tar.xz')).toBe('sosreport-host-2026-report');
		expect(reportFileBase('last_kmsg')).toBe('last_kmsg-report');
		expect(reportFileBase(null)).toBe('necroscope-report');
		expect(reportFileBase('.log')).toBe('necroscope-report');
	});
});

describe('withAdvice', () => {
	it('adds what to do to a damaged compressed file, and leaves other messages as they are', () => {
		expect(
			withAdvice({
				code: 'corrupt-compressed',
				message: 'The compressed file is damaged or truncated.'
			})
		).toBe(
			'The compressed file is damaged or truncated. Copy the file from the machine again; or decompress what can be read yourself (zcat, zstdcat and xzcat write out what comes before the damage) and open that.'
		);
		// an archive's message names its member, and an xz file's says what to do already
		for (const message of [
			'The archive is damaged or truncated.',
			'This xz file was compressed with a dictionary larger than 64 MiB, more than is read here: decompress it with `xz -dk FILE` and analyse the result.'
		])
			expect(withAdvice({ code: 'corrupt-compressed', message })).toBe(message);
		expect(withAdvice({ code: 'read', message: 'The file could not be read: x' })).toBe(
			'The file could not be read: x'
		);
	});
});

describe('hyphenWhole', () => {
	it('keeps a word of code with a hyphen whole, up to a phone line’s two thirds', () => {
		expect(hyphenWhole('3.10.0-54.0.1.el7.s390x')).toBe(true);
		expect(hyphenWhole('O--------------')).toBe(true);
		// no hyphen: nowhere to break but its spaces, left as text
		expect(hyphenWhole('ffff80008288bac0')).toBe(false);
		// a path longer than that may break inside, as it must at 320 px
		expect(hyphenWhole('/tmp/will_oops.VBwBJthHLD/will-oops.c:11')).toBe(false);
	});
});

describe('bootsText', () => {
	it('names a finding’s boots in runs, only in a log of several boots', () => {
		expect(bootsText([3], 16)).toBe('boot 3');
		expect(bootsText([1, 2, 3, 4, 5, 6, 8, 9, 10], 16)).toBe('boots 1–6, 8–10');
		expect(bootsText([0, 2, 4, 10, 11, 12], 16)).toBe('boots 0, 2, 4, 10–12');
		expect(bootsText([0, 2, 4, 6, 8, 9], 16)).toBe('boots 0, 2, 4, 6, … (6 boots)');
		expect(bootsText([0], 1)).toBeNull();
		expect(bootsText([], 3)).toBeNull();
	});
});
