/**
 * XXH64 in 32-bit halves (util/xxh64.ts), for Zstandard's content checksum: the published vectors
 * (the empty input, "a", "abc", the quick brown fox), and inputs that go through every path
 * (under a 32-byte stripe, exactly one, the 8-byte, 4-byte and 1-byte tails, many stripes) with
 * the values xxhash-wasm 1.1.0 (the reference C code compiled to WebAssembly) gives. The same
 * bytes in any pieces, at any alignment, give the same hash.
 */
import { describe, expect, it } from 'vitest';
import { Xxh64 } from '../../src/lib/util/xxh64.ts';

const hex = ([h, l]: [number, number]) =>
	h.toString(16).padStart(8, '0') + l.toString(16).padStart(8, '0');
const xxh64 = (b: Uint8Array) => hex(new Xxh64().update(b).digest());
const text = (s: string) => new TextEncoder().encode(s);
/** bytes i * 7 + 3 (mod 256): every byte value, no run of one */
const seq = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 255);

describe('XXH64', () => {
	it('gives the published values', () => {
		expect(xxh64(text(''))).toBe('ef46db3751d8e999');
		expect(xxh64(text('a'))).toBe('d24ec4f1a98c6e5b');
		expect(xxh64(text('abc'))).toBe('44bc2cf5ad770999');
		expect(xxh64(text('The quick brown fox jumps over the lazy dog'))).toBe('0b242d361fda71bc');
	});

	it("gives the reference implementation's values on every path", () => {
		const want: Record<number, string> = {
			31: 'a2aa5f33cc4a6119',
			32: '23c3c17ef790fd97',
			33: '50a7cfc7ba588784',
			100: 'a61f8d4c170fe531',
			1000: '5f235fa033f1a3fb',
			65537: '8c846e275f1376ae'
		};
		for (const [n, h] of Object.entries(want)) expect(xxh64(seq(Number(n))), n).toBe(h);
	});

	it('gives the same hash whatever the pieces and their alignment in memory', () => {
		const bytes = seq(65537);
		const whole = xxh64(bytes);
		for (const size of [1, 3, 7, 31, 32, 33, 4096, 40000]) {
			const h = new Xxh64();
			for (let i = 0; i < bytes.length; i += size) h.update(bytes.subarray(i, i + size));
			expect(hex(h.digest()), String(size)).toBe(whole);
		}
		// a piece that starts at an odd place in its buffer (read through an aligned copy)
		const shifted = new Uint8Array(bytes.length + 1);
		shifted.set(bytes, 1);
		expect(xxh64(shifted.subarray(1))).toBe(whole);
		// a digest does not end the hash: more bytes can follow
		const h = new Xxh64().update(bytes.subarray(0, 100));
		expect(hex(h.digest())).toBe(xxh64(bytes.subarray(0, 100)));
		expect(hex(h.update(bytes.subarray(100)).digest())).toBe(whole);
	});
});
