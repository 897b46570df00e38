/** Bit tests for characters damaged by flipped bits (ingestion/bitflips.ts, analysis/garbled.ts). */

/** `c` is `expected` with exactly one bit changed */
export function oneBit(c: number, expected: number): boolean {
	const x = c ^ expected;
	return x !== 0 && (x & (x - 1)) === 0;
}

/** the number of bits set in `x` */
export function popcount(x: number): number {
	let n = 0;
	for (; x !== 0; x &= x - 1) n++;
	return n;
}
