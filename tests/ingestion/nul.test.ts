/**
 * Stretches of NUL bytes (src/lib/ingestion/nul.ts), on real logs: a Raspberry Pi's kern.log
 * with a hole before a new boot (fixtures/formats/real/izassafar-one-kern-log.log, lines 4341-4400
 * of the original), an Android last_kmsg ending in unwritten space (the fixture is the file's
 * first 43,749 bytes; the original is exactly those and 480,539 NUL bytes), and the bit-flipped
 * ramoops console, whose single NUL bytes are damaged characters, not stretches.
 */
import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../src/lib/ingestion/lines.ts';
import { bootAfter } from '../../src/lib/ingestion/nul.ts';
import type { Boot } from '../../src/lib/models/metadata.ts';
import { ingestBytes, ingestText, readFixture, type Run } from './helpers.ts';

const KERN_LOG = 'real/izassafar-one-kern-log.log';
const LAST_KMSG = 'real/dns-airtab-m973w-enginee-kernel-log-last-kmsg.log';
const FLIPPED = 'real/cykeek-stuff-console-ramoops-0.log';

function nulWarning(run: Run): string | undefined {
	return run.summary.input.warnings.find((w) => w.includes('NUL bytes'));
}

function accounted(run: Run): number {
	const i = run.summary.input;
	return Object.values(i.formats).reduce((a, b) => a + b, 0) + i.lines_skipped + i.lines_unparsed;
}

/** The original last_kmsg: the fixture's bytes, then the 480,539 NUL bytes it was cut from. */
function fullLastKmsg(): Uint8Array {
	const head = readFixture(LAST_KMSG);
	const all = new Uint8Array(head.length + 480_539);
	all.set(head);
	return all;
}

describe('NUL stretches in a syslog file (izassafar kern.log, a power cut)', () => {
	it('are reported with their line, size and meaning, and the boot after them', async () => {
		const run = await ingestBytes(readFixture(KERN_LOG), 1 << 16);
		const w = nulWarning(run);
		expect(w).toContain('83 bytes in 1 line (line 16: 83 bytes)');
		expect(w).toContain('right before the first line of a new boot (boot 1)');
		expect(w).toContain('the machine lost power or crashed');
		expect(w).toContain('the end of boot 0, which did not shut down cleanly');
	});

	it('do not hide the line the logger wrote after them: it is a syslog line, the boot’s first', async () => {
		const run = await ingestBytes(readFixture(KERN_LOG), 1 << 16);
		const input = run.summary.input;
		expect(input.lines_total).toBe(60);
		expect(accounted(run)).toBe(60);
		expect(input.formats).toEqual({ syslog: 60 });
		const first = run.records.find((r) => r.line === 16);
		expect(first?.format).toBe('syslog');
		expect(first?.text).toBe('Booting Linux on physical CPU 0x0');
		expect(first?.host).toBe('ubuntu');
		expect(Number.isNaN(first?.wall)).toBe(false);
		expect(run.summary.metadata.boots.map((b) => [b.first_line, b.last_line])).toEqual([
			[1, 15],
			[16, 60]
		]);
	});

	it('longer than a line may be (64 KiB) still leave the line after them whole', async () => {
		// the fixture's 83-byte hole made 70,000 bytes long
		const text = new TextDecoder().decode(readFixture(KERN_LOG));
		const run = ingestText(text.replace(/\0+/, '\0'.repeat(70_000)));
		const first = run.records.find((r) => r.line === 16);
		expect(first?.format).toBe('syslog');
		expect(first?.text).toBe('Booting Linux on physical CPU 0x0');
		expect(run.summary.metadata.boots.map((b) => b.first_line)).toEqual([1, 16]);
		expect(run.summary.input.warnings.some((w) => w.includes('longer than'))).toBe(false);
		expect(nulWarning(run)).toContain('70,000 bytes in 1 line (line 16: 70,000 bytes)');
	});

	it('give the same report whatever the chunks the bytes come in', async () => {
		const bytes = readFixture(KERN_LOG);
		const whole = await ingestBytes(bytes, 1 << 16);
		for (const chunk of [7, 64, 83])
			expect((await ingestBytes(bytes, chunk)).summary.input).toEqual(whole.summary.input);
	});
});

describe('NUL stretches in a pstore buffer (airtab last_kmsg)', () => {
	it('are reported as space not written inside the buffer and not used yet at its end', async () => {
		const run = await ingestBytes(fullLastKmsg(), 1 << 16);
		const input = run.summary.input;
		const w = nulWarning(run);
		expect(w).toContain('480,699 bytes in 3 lines');
		expect(w).toContain(
			'line 672: 128 bytes; line 678: 32 bytes; line 679: 480,539 bytes, the whole line'
		);
		expect(w).toContain('The log ends in the last of them.');
		// a last_kmsg read at its full size (512 KiB) ends in the part of the buffer not used yet
		expect(w).toContain('NUL bytes at its end are the part of the buffer not used yet');
		expect(w).toContain('nothing is missing there');
		expect(w).toContain('a stretch before the end is space that was not written');
		// a hole longer than a line may be (64 KiB) is not a long line cut
		expect(input.warnings.some((x) => x.includes('longer than'))).toBe(false);
		expect(w).not.toContain('new boot');
		// every line counted: the last one, NUL bytes only, as unparsed with a reason that says so
		expect(input.lines_total).toBe(679);
		expect(accounted(run)).toBe(679);
		// line 672's text before its hole, `<4>[    7.`, is no record (it had been a raw record
		// whose text was `[    7.`)
		expect(input.unparsed_reasons).toEqual({
			'NUL bytes only (space never written)': 1,
			'time stamp cut by NUL bytes (space never written)': 1
		});
		// it is in no boot and not analysed
		expect(run.summary.metadata.boots.map((b) => [b.first_line, b.last_line])).toEqual([[1, 678]]);
		expect(run.records.some((r) => r.line === 679)).toBe(false);
	});

	it('are found within a line too (the fixture cut before the last line)', async () => {
		const run = await ingestBytes(readFixture(LAST_KMSG), 64);
		expect(nulWarning(run)).toContain(
			'160 bytes in 2 lines (line 672: 128 bytes; line 678: 32 bytes)'
		);
		expect(nulWarning(run)).not.toContain('ends in');
		expect(nulWarning(run)).toContain('what the buffer should hold there is missing');
	});
});

describe('what is not a NUL stretch', () => {
	it('single NUL bytes of a bit-flipped ramoops console (40 lines hold one or two)', async () => {
		const bytes = readFixture(FLIPPED);
		const text = new TextDecoder().decode(bytes);
		expect(text.split('\n').filter((l) => l.includes('\0')).length).toBe(40);
		expect(nulWarning(await ingestBytes(bytes, 1 << 16))).toBeUndefined();
	});

	it('a few NUL bytes alone on a line: not text, but not space never written either', () => {
		const run = ingestText('[    1.000000] a\n\0\0\0\n[    2.000000] b\n');
		expect(nulWarning(run)).toBeUndefined();
		expect(run.summary.input.unparsed_reasons).toEqual({ 'binary or control characters': 1 });
	});

	it('the length of a binary field in a journal export entry, which may start with a 0 byte', () => {
		// journalctl -o export: a binary MESSAGE is its length in 8 little-endian bytes, then the
		// bytes; a length of 256 starts with a 0 byte, which is the message's, not a stretch
		const msg = 'Out of memory: Killed process 1234 (java) total-vm:2048kB, anon-rss:1024kB'.padEnd(
			256,
			'.'
		);
		const entry = [
			'__CURSOR=s=6d1c;i=1a2;b=3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d;m=2e6b3c;t=6279a;x=9f1',
			'__REALTIME_TIMESTAMP=1700000000000000',
			'__MONOTONIC_TIMESTAMP=5000000',
			'_TRANSPORT=kernel',
			'PRIORITY=3',
			'MESSAGE',
			'\0\u0001\0\0\0\0\0\0' + msg,
			''
		].join('\n');
		const run = ingestText(entry + '\n');
		expect(run.records.filter((r) => r.kind === 'kernel').map((r) => r.text)).toEqual([msg]);
	});

	it('a log without NUL bytes', () => {
		expect(nulWarning(ingestText('[    1.000000] a\n[    2.000000] b\n'))).toBeUndefined();
	});
});

describe('the line splitter', () => {
	it('says which lines may hold a NUL: those of a chunk that has one, never a line that has one as clean', () => {
		const seen: Array<[string, boolean]> = [];
		const s = new LineSplitter((l, nul) => seen.push([l.replace(/\0/g, '@'), nul]));
		s.push('a\nb\n');
		s.push('c\0\nd');
		s.push('e\nf\n');
		s.push('h\ni\n');
		s.push('g');
		s.end();
		expect(seen).toEqual([
			['a', false],
			['b', false],
			['c@', true],
			['d' + 'e', true],
			// the chunk's first line came from a chunk with a NUL: its other lines are searched too
			['f', true],
			['h', false],
			['i', false],
			['g', true]
		]);
	});
});

describe('bootAfter', () => {
	const boot = (index: number, first: number, last: number): Boot => ({
		index,
		id: null,
		first_line: first,
		last_line: last,
		reason: 'timestamp-reset',
		kernel_version: null,
		kernel_build: null,
		started_at: null,
		hypervisor: null,
		physical: false
	});
	const boots = [boot(0, 1, 10), boot(1, 12, 20), boot(2, 30, 40)];
	it('is the boot that starts at the line, or after it with no kernel line before in between', () => {
		expect(bootAfter(boots, 12)).toBe(1);
		expect(bootAfter(boots, 11)).toBe(1);
		expect(bootAfter(boots, 25)).toBe(2);
	});
	it('is none inside a boot or after the last one', () => {
		expect(bootAfter(boots, 5)).toBe(-1);
		expect(bootAfter(boots, 35)).toBe(-1);
		expect(bootAfter(boots, 50)).toBe(-1);
	});
});
