/**
 * A compressed ramoops record in a dump of its memory. ramoops writes `====<sec>.<usec>-C` before
 * a dmesg record whose body pstore compressed (fs/pstore/ram.c; `-D` when it did not), and the
 * compressed bytes right after its newline. The pstore file system decompresses such a record
 * for /sys/fs/pstore, but a dump of the memory itself (a RAM dump, `/dev/mem`, a bootloader's
 * copy) holds the compressed bytes, which decoded as UTF-8 are only binary lines. pstore
 * compresses with deflate: zlib-wrapped with a 4 KiB window in its own code (3.11 to 4.9), raw
 * through the crypto API's `deflate` (4.10 on, the default of `pstore.compress=`, which may also
 * name lzo, lz4, lz4hc, 842 or zstd) and through the zlib library again from 6.6. This stream
 * decoder (decode.ts utf8Text) inflates such a body (fflate), raw or wrapped, and passes its text
 * on in place of the compressed bytes; a body that does not inflate to text is passed on as it is
 * (the classifier then names its lines, see UNPARSED_COMPRESSED). Only a decoded window of text
 * that holds `====` is looked at byte by byte (one string search a window, none a line).
 *
 * Where the compressed stream ends is not known (fflate does not say how much it read): the body
 * runs to the next ramoops header at a line start, or to the end of the input, at most
 * MAX_BODY bytes; what follows the stream in it is the rest of the record's memory, not text.
 */
import { inflateSync, unzlibSync } from 'fflate';

/** the unparsed reason of a compressed ramoops record's lines that were not inflated */
export const UNPARSED_COMPRESSED =
	'compressed pstore record not inflated (not deflate: lz4, lzo, 842 or zstd; /sys/fs/pstore holds its text, decompressed by the kernel)';

/** a record's body is at most this long (ramoops records are a few to a few hundred KiB) */
export const MAX_BODY = 1 << 20;
/** the longest header, `====` + 12 digits + `.` + 6 digits + `-C` + CR LF */
export const MAX_HEADER = 4 + 12 + 1 + 6 + 2 + 2;

/** What was inflated: the header's text, the compressed and the text bytes. */
export interface Inflated {
	header: string;
	compressed: number;
	text: number;
}

const EQ = 0x3d;
export const NL = 0x0a;

/**
 * The end (index after its newline) of a compressed record's header `====<sec>.<usec>-C` at `at`
 * (any record's, `-D` or without the letter as before 3.19, when `any`), -1 when there is none
 * there, -2 when the bytes end before it could.
 */
export function headerEnd(b: Uint8Array, at: number, any = false): number {
	let i = at + 4;
	for (let k = at + 1; k < i; k++) {
		if (k >= b.length) return -2;
		if (b[k] !== EQ) return -1;
	}
	const digits = (max: number): boolean => {
		const from = i;
		while (i < b.length && i - from < max && b[i] >= 0x30 && b[i] <= 0x39) i++;
		return i > from;
	};
	if (!digits(12)) return i >= b.length ? -2 : -1;
	if (i >= b.length) return -2;
	if (b[i++] !== 0x2e /* . */) return -1;
	if (!digits(6)) return i >= b.length ? -2 : -1;
	if (i >= b.length) return -2;
	if (any && (b[i] === NL || b[i] === 0x0d)) return i + 1;
	if (i + 2 > b.length) return -2;
	const letter = b[i + 1];
	if (b[i] !== 0x2d /* - */ || (letter !== 0x43 /* C */ && !(any && letter === 0x44)) /* D */)
		return -1;
	i += 2;
	if (i < b.length && b[i] === 0x0d) i++;
	if (i >= b.length) return -2;
	return b[i] === NL ? i + 1 : -1;
}

/** A header may follow this byte: a newline, or a byte that is not text (a NUL, a control, not ASCII). */
export function headerMayFollow(c: number): boolean {
	return c === NL || c < 9 || (c > 13 && c < 32) || c > 126;
}

/** Inflate a record's body, zlib-wrapped or raw; null when it does not inflate to text. */
export function inflateBody(body: Uint8Array): Uint8Array | null {
	// a zlib header: deflate (CM 8), a window of at most 32 KiB, a check that divides by 31
	const wrapped =
		body.length > 2 &&
		(body[0] & 0x0f) === 8 &&
		body[0] >> 4 <= 7 &&
		((body[0] << 8) | body[1]) % 31 === 0;
	let out: Uint8Array;
	try {
		out = wrapped ? unzlibSync(body) : inflateSync(body);
	} catch {
		return null;
	}
	if (out.length === 0) return null;
	// text: no NUL and few control bytes in its first KiB (pstore's text is the kernel's log)
	let bad = 0;
	const n = Math.min(out.length, 1024);
	for (let i = 0; i < n; i++) {
		const c = out[i];
		if (c === 0) return null;
		if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 27) bad++;
	}
	return bad * 20 > n ? null : out;
}

/**
 * Index of the next `====` from `from` at a line start or after a byte that is not text (in a
 * memory dump a record's header follows the end of the record before it, or the ram buffer's
 * binary header; `atStart`: index 0 is at such a place), -1 when none. A `====` cut by the end
 * counts (the caller waits for the rest).
 */
export function nextHeader(b: Uint8Array, from: number, atStart: boolean): number {
	for (let k = b.indexOf(EQ, from); k !== -1; k = b.indexOf(EQ, k + 1)) {
		if (k === 0 ? !atStart : !headerMayFollow(b[k - 1])) continue;
		let j = 1;
		while (j < 4 && k + j < b.length && b[k + j] === EQ) j++;
		if (j === 4 || k + j === b.length) return k;
	}
	return -1;
}
