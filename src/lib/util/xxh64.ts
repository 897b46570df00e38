/**
 * XXH64 (xxHash, 64 bits, seed 0), streaming, in 32-bit halves: a Zstandard frame's content
 * checksum is the low 32 bits of the XXH64 of its content (RFC 8878, 3.1.1). Plain JavaScript:
 * the page opens a gzip or Zstandard report in its main thread (only an `.xz` one in its worker),
 * whose Content-Security-Policy (`script-src 'self'`) refuses to compile WebAssembly, so a
 * WebAssembly XXH64 (xxhash-wasm) could not check a `.zst` there; BigInt arithmetic allocates at every step and is many times
 * slower. A 64-bit product is made of 16-bit partial products (exact in a double) and
 * `Math.imul`.
 */

const P1H = 0x9e3779b1;
const P1L = 0x85ebca87;
const P2H = 0xc2b2ae3d;
const P2L = 0x27d4eb4f;
const P3H = 0x165667b1;
const P3L = 0x9e3779f9;
const P4H = 0x85ebca77;
const P4L = 0xc2b2ae63;
const P5H = 0x27d4eb2f;
const P5L = 0x165667c5;
/** the low halves' 16-bit parts, for the stripes' inline products */
const P1B0 = P1L & 0xffff;
const P1B1 = P1L >>> 16;
const P2B0 = P2L & 0xffff;
const P2B1 = P2L >>> 16;

/** the result of mul, round (high and low 32 bits, unsigned), to spare an allocation a step */
let rh = 0;
let rl = 0;

/** (ah:al) * (bh:bl) mod 2^64 into rh:rl */
function mul(ah: number, al: number, bh: number, bl: number): void {
	const a0 = al & 0xffff;
	const a1 = al >>> 16;
	const b0 = bl & 0xffff;
	const b1 = bl >>> 16;
	const p00 = a0 * b0;
	const p01 = a0 * b1;
	const p10 = a1 * b0;
	const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
	const hi = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
	rl = Math.imul(al, bl) >>> 0;
	rh = (hi + Math.imul(al, bh) + Math.imul(ah, bl)) >>> 0;
}

/** XXH64's round: acc += input * PRIME64_2; acc = rotl(acc, 31); acc *= PRIME64_1 (into rh:rl) */
function round(accH: number, accL: number, inH: number, inL: number): void {
	mul(inH, inL, P2H, P2L);
	const l = accL + rl;
	const h = (accH + rh + (l > 0xffffffff ? 1 : 0)) >>> 0;
	const lo = l >>> 0;
	// rotate left by 31
	mul(((h << 31) | (lo >>> 1)) >>> 0, ((lo << 31) | (h >>> 1)) >>> 0, P1H, P1L);
}

/** the little-endian 32-bit word of `b` at `i` */
const u32 = (b: Uint8Array, i: number) =>
	(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** 2^-16: a product's high bits (exact: a power of two) */
const TO_16 = 1 / 65536;

/** whether a Uint32Array reads bytes as little-endian words (every platform a browser runs on) */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** bytes copied at a time to be read as words when a piece does not start at a multiple of 4 */
const SCRATCH = 1 << 14;
const scratch = new Uint32Array(SCRATCH >> 2);
const scratchBytes = new Uint8Array(scratch.buffer);

/** the little-endian words of `b` (at most SCRATCH bytes, a multiple of 4), in an aligned copy */
function words(b: Uint8Array): Uint32Array {
	if (LITTLE_ENDIAN) scratchBytes.set(b);
	else for (let q = 0; q < b.length; q += 4) scratch[q >> 2] = u32(b, q);
	return scratch;
}

/** XXH64 (seed 0) of bytes handed in any pieces: `update` each, then `digest` */
export class Xxh64 {
	/** the four accumulators, high and low halves */
	private a = new Uint32Array([
		// PRIME64_1 + PRIME64_2, PRIME64_2, 0, -PRIME64_1 (mod 2^64)
		0x60ea27ee,
		0xadc0b5d6,
		P2H,
		P2L,
		0,
		0,
		0x61c8864e,
		0x7a143579
	]);
	/** bytes not yet in a 32-byte stripe, and its words */
	private heldWords = new Uint32Array(8);
	private buf = new Uint8Array(this.heldWords.buffer);
	private held = 0;
	/** the length so far (exact in a double up to 2^53 bytes) */
	private length = 0;

	update(b: Uint8Array): this {
		this.length += b.length;
		let i = 0;
		if (this.held > 0) {
			const n = Math.min(32 - this.held, b.length);
			this.buf.set(b.subarray(0, n), this.held);
			this.held += n;
			i = n;
			if (this.held < 32) return this;
			this.stripes(LITTLE_ENDIAN ? this.heldWords : words(this.buf), 0, 8);
			this.held = 0;
		}
		const end = i + ((b.length - i) & ~31);
		if (end > i) {
			if (LITTLE_ENDIAN && ((b.byteOffset + i) & 3) === 0)
				this.stripes(
					new Uint32Array(b.buffer, b.byteOffset + i, (end - i) >> 2),
					0,
					(end - i) >> 2
				);
			else
				for (let k = i; k < end; k += SCRATCH) {
					const n = Math.min(SCRATCH, end - k);
					this.stripes(words(b.subarray(k, k + n)), 0, n >> 2);
				}
		}
		if (end < b.length) {
			this.buf.set(b.subarray(end), 0);
			this.held = b.length - end;
		}
		return this;
	}

	/** the 32-byte stripes of the little-endian words u from `from` to `to` (a multiple of 8 apart) */
	private stripes(u: Uint32Array, from: number, to: number): void {
		const a = this.a;
		// each lane's round inline, with local variables (through functions, 100 MiB took a
		// second); the high half of a 32-bit product from two partial products exact in a double
		let h1 = a[0],
			l1 = a[1],
			h2 = a[2],
			l2 = a[3],
			h3 = a[4],
			l3 = a[5],
			h4 = a[6],
			l4 = a[7];
		let w: number, x: number, mh: number, sl: number, sh: number;
		for (let j = from; j < to; j += 8) {
			// lane 1: acc += input * PRIME64_2; acc = rotl(acc, 31) * PRIME64_1
			w = u[j + 0];
			x = w * P2B0;
			mh =
				Math.floor((w * P2B1 + Math.floor(x * TO_16)) * TO_16) +
				Math.imul(w, P2H) +
				Math.imul(u[j + 1], P2L);
			sl = l1 + (Math.imul(w, P2L) >>> 0);
			sh = (h1 + mh + (sl > 0xffffffff ? 1 : 0)) >>> 0;
			sl = sl >>> 0;
			w = ((sl << 31) | (sh >>> 1)) >>> 0;
			x = w * P1B0;
			l1 = Math.imul(w, P1L) >>> 0;
			h1 =
				(Math.floor((w * P1B1 + Math.floor(x * TO_16)) * TO_16) +
					Math.imul(w, P1H) +
					Math.imul((sh << 31) | (sl >>> 1), P1L)) >>>
				0;
			// lane 2: acc += input * PRIME64_2; acc = rotl(acc, 31) * PRIME64_1
			w = u[j + 2];
			x = w * P2B0;
			mh =
				Math.floor((w * P2B1 + Math.floor(x * TO_16)) * TO_16) +
				Math.imul(w, P2H) +
				Math.imul(u[j + 3], P2L);
			sl = l2 + (Math.imul(w, P2L) >>> 0);
			sh = (h2 + mh + (sl > 0xffffffff ? 1 : 0)) >>> 0;
			sl = sl >>> 0;
			w = ((sl << 31) | (sh >>> 1)) >>> 0;
			x = w * P1B0;
			l2 = Math.imul(w, P1L) >>> 0;
			h2 =
				(Math.floor((w * P1B1 + Math.floor(x * TO_16)) * TO_16) +
					Math.imul(w, P1H) +
					Math.imul((sh << 31) | (sl >>> 1), P1L)) >>>
				0;
			// lane 3: acc += input * PRIME64_2; acc = rotl(acc, 31) * PRIME64_1
			w = u[j + 4];
			x = w * P2B0;
			mh =
				Math.floor((w * P2B1 + Math.floor(x * TO_16)) * TO_16) +
				Math.imul(w, P2H) +
				Math.imul(u[j + 5], P2L);
			sl = l3 + (Math.imul(w, P2L) >>> 0);
			sh = (h3 + mh + (sl > 0xffffffff ? 1 : 0)) >>> 0;
			sl = sl >>> 0;
			w = ((sl << 31) | (sh >>> 1)) >>> 0;
			x = w * P1B0;
			l3 = Math.imul(w, P1L) >>> 0;
			h3 =
				(Math.floor((w * P1B1 + Math.floor(x * TO_16)) * TO_16) +
					Math.imul(w, P1H) +
					Math.imul((sh << 31) | (sl >>> 1), P1L)) >>>
				0;
			// lane 4: acc += input * PRIME64_2; acc = rotl(acc, 31) * PRIME64_1
			w = u[j + 6];
			x = w * P2B0;
			mh =
				Math.floor((w * P2B1 + Math.floor(x * TO_16)) * TO_16) +
				Math.imul(w, P2H) +
				Math.imul(u[j + 7], P2L);
			sl = l4 + (Math.imul(w, P2L) >>> 0);
			sh = (h4 + mh + (sl > 0xffffffff ? 1 : 0)) >>> 0;
			sl = sl >>> 0;
			w = ((sl << 31) | (sh >>> 1)) >>> 0;
			x = w * P1B0;
			l4 = Math.imul(w, P1L) >>> 0;
			h4 =
				(Math.floor((w * P1B1 + Math.floor(x * TO_16)) * TO_16) +
					Math.imul(w, P1H) +
					Math.imul((sh << 31) | (sl >>> 1), P1L)) >>>
				0;
		}
		a[0] = h1;
		a[1] = l1;
		a[2] = h2;
		a[3] = l2;
		a[4] = h3;
		a[5] = l3;
		a[6] = h4;
		a[7] = l4;
	}

	/** the hash of the bytes so far, as its high and low 32 bits (unsigned) */
	digest(): [number, number] {
		const a = this.a;
		let h: number;
		let l: number;
		if (this.length >= 32) {
			// rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)
			h = 0;
			l = 0;
			for (let k = 0; k < 4; k++) {
				const r = [1, 7, 12, 18][k];
				const vh = a[2 * k];
				const vl = a[2 * k + 1];
				const s = l + (((vl << r) | (vh >>> (32 - r))) >>> 0);
				h = (h + (((vh << r) | (vl >>> (32 - r))) >>> 0) + (s > 0xffffffff ? 1 : 0)) >>> 0;
				l = s >>> 0;
			}
			for (let k = 0; k < 4; k++) {
				// h ^= round(0, v); h = h * PRIME64_1 + PRIME64_4
				round(0, 0, a[2 * k], a[2 * k + 1]);
				mul((h ^ rh) >>> 0, (l ^ rl) >>> 0, P1H, P1L);
				const s = rl + P4L;
				h = (rh + P4H + (s > 0xffffffff ? 1 : 0)) >>> 0;
				l = s >>> 0;
			}
		} else {
			h = P5H;
			l = P5L;
		}
		// + the length
		const lenL = this.length >>> 0;
		const lenH = Math.floor(this.length / 0x100000000) >>> 0;
		const s = l + lenL;
		h = (h + lenH + (s > 0xffffffff ? 1 : 0)) >>> 0;
		l = s >>> 0;
		const b = this.buf;
		const n = this.held;
		let i = 0;
		for (; i + 8 <= n; i += 8) {
			// h ^= round(0, lane); h = rotl(h, 27) * PRIME64_1 + PRIME64_4
			round(0, 0, u32(b, i + 4), u32(b, i));
			h = (h ^ rh) >>> 0;
			l = (l ^ rl) >>> 0;
			mul(((h << 27) | (l >>> 5)) >>> 0, ((l << 27) | (h >>> 5)) >>> 0, P1H, P1L);
			const t = rl + P4L;
			h = (rh + P4H + (t > 0xffffffff ? 1 : 0)) >>> 0;
			l = t >>> 0;
		}
		if (i + 4 <= n) {
			// h ^= word * PRIME64_1; h = rotl(h, 23) * PRIME64_2 + PRIME64_3
			mul(0, u32(b, i), P1H, P1L);
			h = (h ^ rh) >>> 0;
			l = (l ^ rl) >>> 0;
			mul(((h << 23) | (l >>> 9)) >>> 0, ((l << 23) | (h >>> 9)) >>> 0, P2H, P2L);
			const t = rl + P3L;
			h = (rh + P3H + (t > 0xffffffff ? 1 : 0)) >>> 0;
			l = t >>> 0;
			i += 4;
		}
		for (; i < n; i++) {
			// h ^= byte * PRIME64_5; h = rotl(h, 11) * PRIME64_1
			mul(0, b[i], P5H, P5L);
			h = (h ^ rh) >>> 0;
			l = (l ^ rl) >>> 0;
			mul(((h << 11) | (l >>> 21)) >>> 0, ((l << 11) | (h >>> 21)) >>> 0, P1H, P1L);
			h = rh;
			l = rl;
		}
		// avalanche: h ^= h >> 33; h *= PRIME64_2; h ^= h >> 29; h *= PRIME64_3; h ^= h >> 32
		l = (l ^ (h >>> 1)) >>> 0;
		mul(h, l, P2H, P2L);
		h = rh;
		l = (rl ^ ((rl >>> 29) | (rh << 3))) >>> 0;
		h = (h ^ (h >>> 29)) >>> 0;
		mul(h, l, P3H, P3L);
		return [rh, (rl ^ rh) >>> 0];
	}
}
