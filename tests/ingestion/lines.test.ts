/** lines.ts: line ends, whatever chunks the text comes in. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, MAX_CARRY, splitLines } from '../../src/lib/ingestion/lines.ts';
import { analyzeStream } from '../../src/lib/pipeline.ts';

function chunked(text: string, cuts: number[]): string[] {
	const out: string[] = [];
	const s = new LineSplitter((l) => out.push(l));
	let prev = 0;
	for (const c of [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)) {
		s.push(text.slice(prev, c));
		prev = c;
	}
	s.push(text.slice(prev));
	s.end();
	return out;
}

describe('LineSplitter', () => {
	it('keeps the first MAX_CARRY characters of a line with no end in sight, and says what it passed over', async () => {
		// a gigabyte of zeros (a .gz bomb, a disk image) had grown one string past V8's limit
		const lines: string[] = [];
		const s = new LineSplitter((l) => lines.push(l));
		const mib = 'x'.repeat(1 << 20);
		const chunks = (MAX_CARRY >> 20) + 3;
		for (let i = 0; i < chunks; i++) s.push(mib);
		s.push('yy\n[    1.000000] next\n');
		s.end();
		expect(lines.length).toBe(2);
		expect(lines[0].length).toBe(MAX_CARRY);
		expect(lines[1]).toBe('[    1.000000] next');
		expect(s.cutLines).toBe(1);
		expect(s.cutChars).toBe(chunks * (1 << 20) + 2 - MAX_CARRY);

		// the report counts the line and says it was cut
		async function* source(): AsyncGenerator<Uint8Array> {
			const bytes = new TextEncoder().encode(mib);
			for (let i = 0; i < chunks; i++) yield bytes;
			yield new TextEncoder().encode('\n[    2.000000] Linux version 6.1.0 (b@h) #1 SMP\n');
		}
		const r = await analyzeStream(source());
		expect(r.input.lines_total).toBe(2);
		expect(r.input.warnings.join(' ')).toContain(
			'1 line is longer than 33,554,432 characters: only its first 33,554,432 were read, 3,145,728 characters'
		);
	});

	it('splits at LF and drops CR (CRLF files, serial captures with CR CR LF)', () => {
		expect(splitLines('a\r\nb\r\r\nc')).toEqual(['a', 'b', 'c']);
		expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
		expect(splitLines('')).toEqual([]);
	});

	it('splits at a lone CR when the input starts with lines ending so (classic Mac OS)', () => {
		expect(splitLines('[    1.0] a\r[    2.0] b\r[    3.0] c\r')).toEqual([
			'[    1.0] a',
			'[    2.0] b',
			'[    3.0] c'
		]);
		// one line end is enough when the input has no LF at all
		expect(splitLines('a\rb')).toEqual(['a', 'b']);
		// a CR LF after the input's start told CR line ends is one line end too
		const long = 'x'.repeat(1 << 16);
		const lines = splitLines(`a\r${long}\rc\r\nd`);
		expect(lines.map((l) => l.length)).toEqual([1, long.length, 1, 1]);
		expect(lines[3]).toBe('d');
	});

	it('keeps a lone CR within a line when the input ends its lines with LF', () => {
		// a serial console: a progress counter overwritten with CR on a line ended by LF
		expect(splitLines('Hit any key: 3\r2\r1\r0\nStarting kernel ...\n')).toEqual([
			'Hit any key: 3210',
			'Starting kernel ...'
		]);
		expect(splitLines('first\nthen\ra\rb\rc\n')).toEqual(['first', 'thenabc']);
	});

	it('gives the same lines in any chunking (property)', () => {
		const piece = fc.constantFrom('ab', '\r', '\n', '\r\n', 'x y', '\0');
		fc.assert(
			fc.property(
				fc.array(piece, { maxLength: 40 }),
				fc.array(fc.nat(), { maxLength: 8 }),
				(pieces, cuts) => {
					const text = pieces.join('');
					expect(chunked(text, cuts)).toEqual(splitLines(text));
				}
			),
			{ numRuns: 500 }
		);
	});
});
