import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiteralMatcher } from '../../src/lib/util/literal-matcher.ts';

describe('LiteralMatcher', () => {
	it('finds literals anywhere, including overlapping and suffix cases', () => {
		const m = new LiteralMatcher(['BUG:', 'WARNING:', 'UG: x', 'he', 'she', 'hers']);
		expect(m.test('kernel BUG: at x')).toBe(true);
		expect(m.test('a WARNING: b')).toBe(true);
		expect(m.test('ushers')).toBe(true);
		expect(m.test('sh')).toBe(false);
		expect(m.test('BUG')).toBe(false);
		expect(m.test('WARNING')).toBe(false);
		expect(m.test('')).toBe(false);
		expect(m.test('ünïcödé BUG:')).toBe(true);
	});

	it('agrees with String.includes on random inputs', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.string({ unit: fc.constantFrom('a', 'b', 'c', ':', ' '), minLength: 1, maxLength: 5 }),
					{
						minLength: 1,
						maxLength: 12
					}
				),
				fc.string({ unit: fc.constantFrom('a', 'b', 'c', ':', ' ', 'é'), maxLength: 40 }),
				(words, text) => {
					const m = new LiteralMatcher(words);
					expect(m.test(text)).toBe(words.some((w) => text.includes(w)));
					const found = m.matches(text).map((i) => m.literals[i]);
					expect(found.sort()).toEqual(m.literals.filter((w) => text.includes(w)).sort());
				}
			),
			{ numRuns: 500, seed: 7 }
		);
	});
});

describe('LiteralMatcher.scanMask', () => {
	it('reports the OR of the masks of the literals that occur, as one matcher per group would', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						word: fc.string({
							unit: fc.constantFrom('a', 'b', 'c', ':'),
							minLength: 1,
							maxLength: 4
						}),
						mask: fc.constantFrom(1, 2, 4)
					}),
					{ minLength: 1, maxLength: 10 }
				),
				fc.string({ unit: fc.constantFrom('a', 'b', 'c', ':', ' ', 'é'), maxLength: 40 }),
				(entries, text) => {
					const m = new LiteralMatcher(
						entries.map((e) => e.word),
						entries.map((e) => e.mask)
					);
					let expected = 0;
					for (const e of entries) if (text.includes(e.word)) expected |= e.mask;
					expect(m.scanMask(text)).toBe(expected);
					// stopping early once the wanted bits are found gives at least those bits
					expect(m.scanMask(text, 1) & 1).toBe(expected & 1);
				}
			),
			{ numRuns: 500, seed: 11 }
		);
	});

	it('reads characters outside ASCII as no literal character, however many bytes of UTF-8 they are, and long texts too', () => {
		// scanMask runs over the text's UTF-8 bytes (one, two, three or four bytes a character, a
		// lone surrogate three), a text longer than its reused bytes in pieces of 21,845 characters
		const m = new LiteralMatcher(['ab', 'b:c', 'BUG'], [1, 2, 4]);
		for (const sep of ['é', '中', '\ud83d', '\ude00', '😀', '\u0100'])
			expect(m.scanMask(`a${sep}b b${sep}:c B${sep}UG`)).toBe(0);
		expect(m.scanMask('中ab😀b:c\ud83dBUG')).toBe(7);
		const long = 'x'.repeat(30_000);
		expect(m.scanMask(`${long}ab`)).toBe(1);
		expect(m.scanMask(`${long}a中b`)).toBe(0);
		expect(m.scanMask(`中${long}b:c`)).toBe(2);
		// a literal across two pieces, and a surrogate pair cut in two between them
		expect(m.scanMask(`${'x'.repeat(21_844)}ab`)).toBe(1);
		expect(m.scanMask(`${'x'.repeat(21_844)}😀BUG`)).toBe(4);
		fc.assert(
			fc.property(
				fc.string({
					unit: fc.constantFrom('a', 'b', ':', 'c', 'B', 'U', 'G', 'é', '中', '\ud83d', '😀'),
					maxLength: 40
				}),
				(text) => {
					let expected = 0;
					if (text.includes('ab')) expected |= 1;
					if (text.includes('b:c')) expected |= 2;
					if (text.includes('BUG')) expected |= 4;
					expect(m.scanMask(text)).toBe(expected);
					expect(m.scanMask('y'.repeat(25_000) + text)).toBe(expected);
				}
			),
			{ numRuns: 300, seed: 12 }
		);
	});
});
