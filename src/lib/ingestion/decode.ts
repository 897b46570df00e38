/**
 * Bytes to text, streaming: gzip, Zstandard and xz are detected from their magic bytes (never
 * from a file name); gzip is inflated with the platform's DecompressionStream, Zstandard with
 * fzstd (a small pure-JavaScript decoder), xz with xz-decompress (xz-embedded compiled to
 * WebAssembly, the module inlined in its JavaScript). Invalid UTF-8 becomes U+FFFD so every byte
 * still belongs to a line.
 */
import { Gunzip } from 'fflate';
import { Decompress as ZstdDecompress } from 'fzstd';
// before xz-decompress, which needs it as it loads (see xz-require.ts)
import { returnRequire } from './xz-require.ts';
import { binaryNote } from './binary-note.ts';
import { concatBytes } from '../util/bytes.ts';
import { groupDigits } from '../util/text.ts';
import { Xxh64 } from '../util/xxh64.ts';
import { XzReadableStream } from 'xz-decompress';
import {
	archiveKind,
	ArchiveSummary,
	walkTar,
	walkZip,
	type ArchiveEvent,
	type ArchiveKind
} from './archive.ts';
import {
	headerEnd,
	headerMayFollow,
	inflateBody,
	MAX_BODY,
	MAX_HEADER,
	nextHeader,
	NL,
	type Inflated
} from './ramoops.ts';

returnRequire();

export interface DecodeLimits {
	/** stop with an error once more than this many decompressed bytes were produced */
	maxDecompressedBytes: number;
	/**
	 * bytes decoded to text at a time (default DECODE_WINDOW, 64 KiB). A line kept by a report
	 * keeps its whole window alive, so smaller windows keep less: the CLI uses 16 KiB (the 1 GB
	 * benchmark log ran in 9.5 s instead of 10.4 s, 171 MB instead of 207 MB peak). In the page,
	 * 16 KiB windows made the main thread's tasks exceed 50 ms while a 500 MB file was analysed
	 * (3 to 4 tasks of 55-138 ms in every run, none with 64 KiB), so the worker keeps 64 KiB.
	 */
	decodeWindow?: number;
}

export class InputError extends Error {
	constructor(
		readonly code:
			| 'too-large'
			| 'decompression-bomb'
			| 'corrupt-compressed'
			| 'unsupported-compression'
			| 'binary'
			| 'read',
		message: string
	) {
		super(message);
		this.name = 'InputError';
	}
}

export const DEFAULT_LIMITS: DecodeLimits = { maxDecompressedBytes: 4 * 1024 ** 3 };

async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>) {
	yield first;
	for (;;) {
		const r = await rest.next();
		if (r.done) return;
		yield r.value;
	}
}

/** the compressions read (told by their first bytes) */
export type Compression = 'gzip' | 'zstd' | 'xz';

/** a file name's extension that names a compression read here */
const COMPRESSED_NAME = /\.(gz|tgz|xz|txz|zst|zstd|tzst)$/i;

/**
 * The note on an input whose name says it is compressed (`kern.log.1.gz`, `dmesg.xz`) but whose
 * first bytes are not (`kind` null: plain text, read as such), or are another compression; null
 * when the name says nothing or agrees. A log saved under a wrong name, or a file a browser or
 * server decompressed on download and kept the name of: the user may think the report is of
 * another file.
 */
export function compressionNameNote(name: string | null, kind: Compression | null): string | null {
	if (name === null) return null;
	const m = COMPRESSED_NAME.exec(name);
	if (m === null) return null;
	const ext = m[1].toLowerCase();
	const named: Compression = ext.endsWith('gz') ? 'gzip' : ext.endsWith('xz') ? 'xz' : 'zstd';
	if (kind === named) return null;
	const what = { gzip: 'gzip', xz: 'xz', zstd: 'Zstandard' };
	return kind === null
		? `The file is named \`${name}\` but is not ${what[named]}-compressed: it was read as it is, as plain text (compression is told by a file's first bytes, not its name; a browser or server may have decompressed it on download and kept the name).`
		: `The file is named \`${name}\` but is ${what[kind]}-compressed, not ${what[named]}: it was decompressed as ${what[kind]} (compression is told by a file's first bytes, not its name).`;
}

/** gzip member magic `1F 8B` (magic() is below, with the formats that are not read) */
const isGzip = magic([0x1f, 0x8b]);

/**
 * Zstandard: a frame's magic 0xFD2FB528, little-endian, or a skippable frame's (0x184D2A50 to
 * 0x184D2A5F), which may come first (`pzstd` starts each frame with one; a tool's metadata), and
 * which no text starts with (its last byte is a control character)
 */
const isZstd = (b: Uint8Array) => b.length >= 4 && (isZstdFrame(b) || isSkippable(b));

/** xz stream header magic `FD 37 7A 58 5A 00` */
const isXz = magic([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);

/**
 * compressed bytes handed to the Zstandard decoder at a time (each push is checked), counted
 * from the input's first byte: a damaged or cut frame, or bytes after the last, then loses the
 * same whatever the chunks the input came in (with slices of each chunk, 1-byte chunks had read
 * a frame followed by text whole, other chunks lost its last 68,119 bytes)
 */
const ZSTD_SLICE = 1024;

/**
 * compressed bytes handed to the xz decoder at a time, counted from the input's first byte: its
 * output windows, and so what a damaged end loses, are then the same whatever the chunks (they had
 * lost 0 to 54,345 bytes of text on one damaged file)
 */
const XZ_PIECE = 1 << 16;

/**
 * The input in pieces of `size` bytes from its first (the last one shorter), whatever the chunks
 * it comes in: a decoder that fails loses what it decoded of the piece, the same each time.
 */
async function* pieces(src: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
	let pending: Uint8Array[] = [];
	let pendingLength = 0;
	const it = src[Symbol.asyncIterator]();
	for (;;) {
		let r: IteratorResult<Uint8Array>;
		try {
			r = await it.next();
		} catch (e) {
			// a read error: what was read before it is decoded first
			if (pendingLength > 0) yield concatBytes(pending);
			throw e;
		}
		if (r.done) break;
		const chunk = r.value;
		let off = 0;
		if (pendingLength > 0) {
			const need = size - pendingLength;
			if (chunk.length < need) {
				pending.push(chunk);
				pendingLength += chunk.length;
				continue;
			}
			pending.push(chunk.subarray(0, need));
			yield concatBytes(pending);
			pending = [];
			pendingLength = 0;
			off = need;
		}
		for (; chunk.length - off >= size; off += size) yield chunk.subarray(off, off + size);
		if (off < chunk.length) {
			pending.push(chunk.slice(off));
			pendingLength = chunk.length - off;
		}
	}
	if (pendingLength > 0) yield concatBytes(pending);
}

class OverLimit extends Error {}

/**
 * Where a compressed input's data ends, told from its compressed bytes (see ZstdWalk, XzWalk):
 * `feed` returns the parts of a piece that are the compressed data; bytes it cannot tell yet are
 * held back for the next piece. When other bytes follow the data, `junkAt` is where they start
 * (-1 until then) and `junk` the piece's bytes from there. `finish` returns what was held at the
 * input's end, or calls it junk.
 */
interface DataWalk {
	junkAt: number;
	junk: Uint8Array;
	feed(piece: Uint8Array, from: number): Uint8Array[];
	finish(total: number): Uint8Array[];
}

/** what followed a compressed input's data, and the input's size (see dataPieces) */
interface DataEnd {
	junkAt: number;
	total: number;
	tail: Tail;
}

/**
 * The input in pieces of `size` bytes from its first, as far as `walk` finds it is compressed
 * data: a decoder handed the bytes after it fails and drops what it had decoded but not handed on
 * (xz's output window, a whole .xz with a line of text after it), so it is never handed them.
 * The rest is read to the input's end, its first bytes kept (`end`).
 */
async function* dataPieces(
	src: AsyncIterable<Uint8Array>,
	size: number,
	walk: DataWalk,
	end: DataEnd
): AsyncGenerator<Uint8Array> {
	let at = 0;
	for await (const piece of pieces(src, size)) {
		const from = at;
		at += piece.length;
		end.total = at;
		if (end.junkAt >= 0) {
			end.tail.add(piece);
			continue;
		}
		const parts = walk.feed(piece, from);
		if (walk.junkAt >= 0) {
			end.junkAt = walk.junkAt;
			end.tail.add(walk.junk);
		}
		for (const p of parts) if (p.length > 0) yield p;
	}
	if (end.junkAt >= 0) return;
	const parts = walk.finish(at);
	if (walk.junkAt >= 0) {
		end.junkAt = walk.junkAt;
		end.tail.add(walk.junk);
	}
	for (const p of parts) if (p.length > 0) yield p;
}

/** Zstandard frame magic (0xFD2FB528) and skippable frames' (0x184D2A50 to 0x184D2A5F) */
const isZstdFrame = (b: Uint8Array) =>
	b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd;
const isSkippable = (b: Uint8Array) =>
	(b[0] & 0xf0) === 0x50 && b[1] === 0x2a && b[2] === 0x4d && b[3] === 0x18;

/** where a Zstandard frame ends in the input, and the content checksum it records (null: none) */
interface FrameEnd {
	end: number;
	checksum: number | null;
}

/**
 * Zstandard frames walked from their headers, without decoding: a frame header, blocks (each
 * with a 3-byte header giving its size), an optional 4-byte checksum; skippable frames by their
 * size. Where a frame would start, 4 bytes that are no frame's magic are not Zstandard data:
 * what follows the last frame. The parts handed on end where a frame ends, and `ends` tells
 * where each frame ended and its checksum (see unzstd).
 */
class ZstdWalk implements DataWalk {
	junkAt = -1;
	junk: Uint8Array = new Uint8Array(0);
	/** the frames ended so far, not yet taken by the reader */
	ends: FrameEnd[] = [];
	/** the field being gathered, and its length */
	private field: number[] = [];
	private need = 4;
	private state: 'magic' | 'skip-size' | 'fhd' | 'block' | 'checksum' = 'magic';
	/** bytes to pass over (a header's rest, a block's body, a skippable frame) */
	private skip = 0;
	/** after the skip: the next block, the checksum, or the next frame */
	private next: 'block' | 'checksum' | 'magic' = 'magic';
	private checksum = false;
	/** inside a frame (not a skippable one), and the checksum read at its end */
	private inFrame = false;
	private sum: number | null = null;
	/** a frame's magic being read: its bytes from earlier pieces, held back */
	private held: Uint8Array[] = [];
	/** the walk lost its way (a reserved block type): the rest is handed on as it is */
	private lost = false;

	feed(piece: Uint8Array, from: number): Uint8Array[] {
		if (this.lost) return [piece];
		const out: Uint8Array[] = [];
		let i = 0;
		/** where the piece's part being handed on starts */
		let pass = 0;
		while (i < piece.length) {
			if (this.skip > 0) {
				const n = Math.min(this.skip, piece.length - i);
				i += n;
				this.skip -= n;
				if (this.skip === 0) this.start(this.next, from + i);
				continue;
			}
			if (this.state === 'magic' && this.field.length === 0 && i > pass) {
				out.push(piece.subarray(pass, i));
				pass = i;
			}
			this.field.push(piece[i++]);
			if (this.field.length < this.need) continue;
			const f = this.field;
			this.field = [];
			const u32 = (f[0] | (f[1] << 8) | (f[2] << 16) | (f[3] << 24)) >>> 0;
			if (this.state === 'magic') {
				const m = Uint8Array.from(f);
				if (isZstdFrame(m)) this.start('fhd', from + i);
				else if (isSkippable(m)) this.start('skip-size', from + i);
				else {
					this.junkAt = from + i - 4;
					this.junk = concatBytes([...this.held, piece.subarray(pass)]);
					this.held = [];
					return out;
				}
				out.push(...this.held);
				this.held = [];
			} else if (this.state === 'skip-size') {
				this.skip = u32;
				this.next = 'magic';
				if (this.skip === 0) this.start('magic', from + i);
			} else if (this.state === 'fhd') {
				const d = f[0];
				const single = (d >> 5) & 1;
				const fcs = d >> 6;
				this.inFrame = true;
				this.sum = null;
				this.checksum = ((d >> 2) & 1) === 1;
				this.skip = (single ? 0 : 1) + [0, 1, 2, 4][d & 3] + (fcs === 0 ? single : 1 << fcs);
				this.next = 'block';
				if (this.skip === 0) this.start('block', from + i);
			} else if (this.state === 'checksum') {
				this.sum = u32;
				this.start('magic', from + i);
			} else {
				const h = f[0] | (f[1] << 8) | (f[2] << 16);
				const type = (h >> 1) & 3;
				if (type === 3) {
					this.lost = true;
					out.push(...this.held, piece.subarray(pass));
					return out;
				}
				const last = (h & 1) === 1;
				this.skip = type === 1 ? 1 : h >>> 3;
				this.next = last ? (this.checksum ? 'checksum' : 'magic') : 'block';
				if (this.skip === 0) this.start(this.next, from + i);
			}
		}
		if (this.state === 'magic' && this.field.length > 0) {
			// a magic cut by the piece's end: held back until it is told
			if (i - this.field.length > pass) out.push(piece.subarray(pass, i - this.field.length));
			this.held.push(piece.subarray(Math.max(pass, i - this.field.length)).slice());
		} else if (i > pass) out.push(piece.subarray(pass, i));
		return out;
	}

	/** the next field to read, from input byte `at` (a frame ends there when it is a magic) */
	private start(state: 'magic' | 'skip-size' | 'fhd' | 'block' | 'checksum', at: number): void {
		if (state === 'magic' && this.inFrame) {
			this.ends.push({ end: at, checksum: this.sum });
			this.inFrame = false;
		}
		this.state = state;
		this.need = state === 'fhd' ? 1 : state === 'block' ? 3 : 4;
		this.field = [];
	}

	finish(total: number): Uint8Array[] {
		if (this.state !== 'magic' || this.field.length === 0 || this.lost) return [];
		// 1 to 3 bytes where a frame would start
		this.junkAt = total - this.field.length;
		this.junk = concatBytes(this.held);
		this.held = [];
		return [];
	}
}

/** xz's stream header magic, which the bytes after a stream's padding must start with */
const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

/**
 * The ends of xz streams, found by their 12-byte footers (a CRC-32 of the index size and flags,
 * which must match, then `YZ`: a chance match in compressed data is about one in 2^48 bytes),
 * without decoding. After a stream come zero bytes (stream padding, a multiple of 4) and another
 * stream's magic, or the input's end; any other bytes are not xz data, and so are 1 to 3 zero
 * bytes past the padding's last 4.
 */
class XzWalk implements DataWalk {
	junkAt = -1;
	junk: Uint8Array = new Uint8Array(0);
	/** the last 11 bytes handed on inside a stream, for a footer cut by a piece's end */
	private last: Uint8Array = new Uint8Array(0);
	/** after a stream: the bytes after its padding, held back until they are told */
	private after: Uint8Array | null = null;
	private afterAt = 0;
	/** the zero bytes after the stream (stream padding, handed on in fours) */
	private pad = 0;

	feed(piece: Uint8Array, from: number): Uint8Array[] {
		const out: Uint8Array[] = [];
		let b = piece;
		let at = from;
		for (;;) {
			if (this.after !== null) {
				// zero bytes (padding) are handed on, 4 at a time; then 6 bytes tell a stream from
				// other bytes
				let k = 0;
				if (this.after.length === 0) {
					while (k < b.length && b[k] === 0) k++;
					const before = this.pad - (this.pad % 4);
					this.pad += k;
					const now = this.pad - (this.pad % 4);
					if (now > before)
						out.push(
							now - before <= k ? b.subarray(0, now - before) : new Uint8Array(now - before)
						);
					if (k === b.length) return out;
					this.afterAt = at + k;
				}
				const head = concatBytes([this.after, b.subarray(k)]);
				// padding that is not a multiple of 4 ends the xz data where its last 4 end (xz-embedded
				// fails on it, and its bytes and those after it are other bytes)
				const odd = this.pad % 4;
				if (odd === 0 && head.length < XZ_MAGIC.length) {
					if (XZ_MAGIC.every((v, j) => j >= head.length || head[j] === v)) {
						this.after = head.slice();
						return out;
					}
				} else if (odd === 0 && XZ_MAGIC.every((v, j) => head[j] === v)) {
					this.after = null;
					b = head;
					at = this.afterAt;
					this.last = new Uint8Array(0);
					continue;
				}
				this.junkAt = this.afterAt - odd;
				this.junk = concatBytes([new Uint8Array(odd), head]);
				return out;
			}
			const buf = this.last.length > 0 ? concatBytes([this.last, b]) : b;
			const shift = this.last.length;
			const e = footerEnd(buf, Math.max(0, shift - 11));
			if (e === -1) {
				out.push(b);
				this.last = buf.slice(Math.max(0, buf.length - 11));
				return out;
			}
			// the stream ends at e (in buf): hand on its bytes, then read what follows
			out.push(b.subarray(0, e - shift));
			b = b.subarray(e - shift);
			at += e - shift;
			this.after = new Uint8Array(0);
			this.pad = 0;
			this.last = new Uint8Array(0);
		}
	}

	finish(total: number): Uint8Array[] {
		if (this.after === null) return [];
		const odd = this.pad % 4;
		if (this.after.length === 0 && odd === 0) return [];
		// the start of another stream's magic, a few other bytes, or 1 to 3 zero bytes past the
		// last 4 of padding, at the input's end
		this.junkAt = total - this.after.length - odd;
		this.junk = concatBytes([new Uint8Array(odd), this.after]);
		this.after = null;
		return [];
	}
}

/** where the first xz stream footer in `b` (starting its search at `from`) ends, or -1 */
function footerEnd(b: Uint8Array, from: number): number {
	for (let j = b.indexOf(0x59, from + 10); j !== -1; j = b.indexOf(0x59, j + 1)) {
		if (j + 1 >= b.length) return -1;
		if (b[j + 1] !== 0x5a) continue;
		const f = j - 10;
		if (f < from || b[f + 8] !== 0 || (b[f + 9] & 0xf0) !== 0) continue;
		const stored = (b[f] | (b[f + 1] << 8) | (b[f + 2] << 16) | (b[f + 3] << 24)) >>> 0;
		if (crc32(0, b.subarray(f + 4, f + 10)) === stored) return j + 2;
	}
	return -1;
}

/**
 * Zstandard frames (one or more, one after the other) to their bytes. Output past `limit` is
 * not kept: what came before it is yielded, then the decompression-bomb error is thrown. A frame
 * that records a content checksum (`zstd`'s default) is checked against it (fzstd checks none):
 * when one does not match, everything is still read, then the error says so, as a .gz's bad CRC
 * does.
 */
async function* unzstd(
	src: AsyncIterable<Uint8Array>,
	limit: number,
	onTrailing?: (note: string) => void
): AsyncGenerator<Uint8Array> {
	let out: Uint8Array[] = [];
	let produced = 0;
	/** the XXH64 of the current frame's content */
	let hash = new Xxh64();
	const d = new ZstdDecompress((data) => {
		const room = limit - produced;
		produced += data.length;
		// the decoder may reuse its buffer: keep a copy
		if (data.length > room) {
			if (room > 0) out.push(data.slice(0, room));
			throw new OverLimit();
		}
		const copy = data.slice();
		// the copy: a buffer of its own, whose words the hash reads in place (see xxh64.ts)
		hash.update(copy);
		out.push(copy);
	});
	let over = false;
	let damaged = false;
	const push = (chunk: Uint8Array, final: boolean) => {
		try {
			d.push(chunk, final);
		} catch (e) {
			if (e instanceof OverLimit) over = true;
			else damaged = true;
		}
	};
	// the bytes after the last frame are never handed to the decoder (see dataPieces)
	const end: DataEnd = { junkAt: -1, total: 0, tail: new Tail() };
	const walk = new ZstdWalk();
	const input = dataPieces(src, ZSTD_SLICE, walk, end);
	/** the input's bytes handed to the decoder, the frames ended, the first whose checksum failed */
	let pushed = 0;
	let frames = 0;
	let badFrame = 0;
	for (;;) {
		const r = await input.next();
		if (!r.done) push(r.value, false);
		else if (!damaged) push(new Uint8Array(0), true);
		if (!r.done && !damaged && !over) {
			pushed += r.value.length;
			// the parts end where frames end: a frame's whole content has been handed on
			while (walk.ends.length > 0 && walk.ends[0].end <= pushed) {
				const f = walk.ends.shift() as FrameEnd;
				frames++;
				if (f.checksum !== null && badFrame === 0 && hash.digest()[1] !== f.checksum)
					badFrame = frames;
				hash = new Xxh64();
			}
		}
		if (out.length > 0) {
			yield* out;
			out = [];
		}
		if (over) throw bomb(limit);
		if (damaged) {
			await drain(input);
			throw new InputError('corrupt-compressed', 'The compressed file is damaged or truncated.');
		}
		if (r.done) {
			if (badFrame > 0)
				throw new InputError(
					'corrupt-compressed',
					`The compressed file is damaged: ${frames > 1 ? `its frame ${badFrame} of ${frames}` : 'its data'} does not decompress to the checksum (XXH64) its Zstandard frame records, so some of what was read is wrong.`
				);
			if (end.junkAt >= 0) trailing(onTrailing, 'Zstandard', end.junkAt, end.total, end.tail);
			return;
		}
	}
}

/**
 * The rest of a compressed input whose data failed, read to its end: its size in the report is
 * then the file's, not how far the reading had got (which depends on the chunks).
 */
async function drain(it: AsyncIterator<Uint8Array>): Promise<void> {
	for (;;) if ((await it.next()).done) return;
}

/**
 * xz streams (one or more, with stream padding between them, as `cat a.xz b.xz` gives) to their
 * bytes, in windows of at most 64 KiB (the decoder's output buffer). Output past `limit` is not
 * kept: what came before it is yielded, then the decompression-bomb error is thrown. A damaged or
 * truncated file throws after what was decoded before the damage.
 */
async function* unxz(
	src: AsyncIterable<Uint8Array>,
	limit: number,
	onTrailing?: (note: string) => void
): AsyncGenerator<Uint8Array> {
	// the bytes after the last stream are never handed to the decoder (see dataPieces): it had
	// dropped its last output window, a whole small .xz, when a line of text followed
	const end: DataEnd = { junkAt: -1, total: 0, tail: new Tail() };
	const it = dataPieces(src, XZ_PIECE, new XzWalk(), end)[Symbol.asyncIterator]();
	// pulled one chunk at a time by the decoder; an empty chunk is never handed to it (xz-embedded
	// takes a call that makes no progress as the input's end)
	const input = new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				for (;;) {
					const r = await it.next();
					if (r.done) {
						controller.close();
						return;
					}
					if (r.value.length > 0) {
						controller.enqueue(r.value);
						return;
					}
				}
			},
			async cancel() {
				await it.return(undefined);
			}
		},
		{ highWaterMark: 0 }
	);
	const reader = new XzReadableStream(input).getReader();
	let produced = 0;
	try {
		for (;;) {
			let r: ReadableStreamReadResult<Uint8Array>;
			try {
				r = await reader.read();
			} catch (e) {
				await drain(it);
				throw xzError(e);
			}
			if (r.done) {
				if (end.junkAt >= 0) trailing(onTrailing, 'xz', end.junkAt, end.total, end.tail);
				return;
			}
			const data = r.value;
			if (data.length === 0) continue;
			const room = limit - produced;
			produced += data.length;
			if (data.length > room) {
				if (room > 0) yield data.subarray(0, room);
				throw bomb(limit);
			}
			yield data;
		}
	} finally {
		// always: the decoder serialises its instances, and one left open would make the next
		// .xz input wait forever (a stopped analysis, the decompression limit)
		await reader.cancel().catch(() => {});
	}
}

/**
 * The decoder's error (`get_next_output failed with error code N`, N being xz-embedded's
 * xz_ret) told plainly; an error of the input itself (a read error) is kept as it is.
 */
function xzError(e: unknown): unknown {
	if (e instanceof InputError) return e;
	const code = Number(/error code (\d+)/.exec(String((e as Error)?.message ?? e))?.[1] ?? NaN);
	switch (code) {
		case 8: // XZ_BUF_ERROR: the input ended inside a stream
			return new InputError(
				'corrupt-compressed',
				'The compressed file is truncated: it ends in the middle of its data.'
			);
		case 2: // XZ_UNSUPPORTED_CHECK
		case 6: // XZ_OPTIONS_ERROR: a SHA-256 check, a filter other than LZMA2 (delta, x86...)
			return new InputError(
				'corrupt-compressed',
				'This xz file uses options that are not read here (a SHA-256 check, or a filter other than LZMA2 such as delta or x86): decompress it with `xz -dk FILE` and analyse the result.'
			);
		case 3: // XZ_MEM_ERROR
		case 4: // XZ_MEMLIMIT_ERROR: a dictionary over 64 MiB (`xz -9` uses 64 MiB)
			return new InputError(
				'corrupt-compressed',
				'This xz file was compressed with a dictionary larger than 64 MiB, more than is read here: decompress it with `xz -dk FILE` and analyse the result.'
			);
		default: // XZ_FORMAT_ERROR, XZ_DATA_ERROR (a bad checksum too)
			return new InputError('corrupt-compressed', 'The compressed file is damaged or truncated.');
	}
}

function bomb(limit: number): InputError {
	return new InputError(
		'decompression-bomb',
		`The compressed file expands to more than ${Math.round(limit / 1024 ** 2)} MB; analysis stopped there. Decompress it yourself and analyse a part of it.`
	);
}

/**
 * Thrown by gunzip when the platform's decoder fails and the input can be read a second time:
 * decodeBytes then reads it again with gunzipChecked, from the start.
 */
class PlatformGzipFailure extends Error {}

/**
 * gzip through the platform's DecompressionStream (the fast path). When it fails (damaged data,
 * a cut file, bytes after the gzip data, a second member in Chromium, which reads only one), what
 * it had decoded but not yet handed on is dropped, and how much that is depends on the chunks the
 * input came in and on how fast the reader reads (0 to 49,421 of 49,421 bytes on one file): the
 * failure is then PlatformGzipFailure when `again()` is true, for a second reading (gunzipChecked).
 * Node's decoder ends without an error at zero bytes after the data, whatever follows them (a log
 * appended after a block's padding had been dropped without a word): when the input's last 4
 * bytes are not the size its text has (a gzip trailer's ISIZE, modulo 2^32), the input is read a
 * second time too, by gunzipChecked, which tells what follows the data. A file of several members
 * (`cat a.gz b.gz`), whose last trailer counts its own member only, is read twice for it.
 */
async function* gunzip(
	src: AsyncIterable<Uint8Array>,
	again: () => boolean
): AsyncGenerator<Uint8Array> {
	const ds = new DecompressionStream('gzip');
	const writer = ds.writable.getWriter();
	/** the input's last 4 bytes (a gzip trailer's ISIZE when the data ends the input) */
	let last = new Uint8Array(0);
	const pump = (async () => {
		try {
			for await (const chunk of src) {
				// a copy (a Node Buffer's slice is a view of memory a reader may use again)
				last = new Uint8Array(
					chunk.length >= 4
						? chunk.subarray(chunk.length - 4)
						: concatBytes([last, chunk]).slice(-4)
				);
				await writer.write(chunk as Uint8Array<ArrayBuffer>);
			}
			await writer.close();
		} catch (e) {
			await writer.abort(e).catch(() => {});
		}
	})();
	const reader = ds.readable.getReader();
	/** the text's size */
	let size = 0;
	try {
		for (;;) {
			const r = await reader.read();
			if (r.done) break;
			size += r.value.length;
			yield r.value;
		}
	} catch (e) {
		if (e instanceof InputError) throw e;
		if (again()) throw new PlatformGzipFailure();
		throw new InputError('corrupt-compressed', 'The compressed file is damaged or truncated.');
	} finally {
		// cancel (not just release) so that a writer blocked on backpressure is released too,
		// e.g. when the consumer stops at the decompression limit
		await reader.cancel().catch(() => {});
		await pump;
	}
	const isize =
		last.length === 4 ? (last[0] | (last[1] << 8) | (last[2] << 16) | (last[3] << 24)) >>> 0 : -1;
	// (reached only when the decoder ended: not when the consumer stopped, nor after an error)
	if (isize !== size >>> 0 && again()) throw new PlatformGzipFailure();
}

/**
 * What follows a compressed input's data, to tell whether it is text: a log appended to a
 * compressed one (`cat kern.log.1.gz kern.log`), or a download's junk. Zero bytes first (xz's
 * stream padding that is not a multiple of 4, a block's padding) are counted, all of them; the
 * first bytes after them (at most PROBE_BYTES) are kept.
 */
class Tail {
	/** the zero bytes before any other */
	zeros = 0;
	private parts: Uint8Array[] = [];
	private length = 0;
	add(b: Uint8Array): void {
		if (this.length === 0) {
			let k = 0;
			while (k < b.length && b[k] === 0) k++;
			this.zeros += k;
			b = b.subarray(k);
		}
		if (this.length >= PROBE_BYTES || b.length === 0) return;
		const take = b.subarray(0, PROBE_BYTES - this.length);
		this.parts.push(take.slice());
		this.length += take.length;
	}
	/** nothing was added */
	empty(): boolean {
		return this.zeros === 0 && this.length === 0;
	}
	/** the first bytes after the zero bytes */
	bytes(): Uint8Array {
		return concatBytes(this.parts);
	}
}

/**
 * What a compressed input whose data was read whole, and which other bytes follow, says: its
 * report is complete (nothing of the compressed data was lost), and the note says where the data
 * ends, that the bytes after it were not read, and what they are when that is known: text (with
 * the command that prints it), zero bytes, or zero bytes then text (the text starts after them).
 * Without `onTrailing` (the CLI's look at a compressed file's first bytes) it is an error, as any
 * damage is.
 */
function trailing(
	onTrailing: ((note: string) => void) | undefined,
	what: string,
	end: number,
	total: number,
	tail: Tail
): void {
	const n = total - end;
	const z = tail.zeros;
	const text = z < n && looksLikeText(tail.bytes());
	const zeros = z === 1 ? 'a zero byte' : `${groupDigits(z)} zero bytes`;
	const them = n === 1 ? 'it' : 'them';
	const kind =
		z === n
			? ` (${n === 1 ? 'a zero byte' : 'zero bytes'})`
			: text
				? z > 0
					? ` (${zeros}, then text)`
					: ' (text)'
				: '';
	const prints = text
		? `: \`tail -c +${end + z + 1} FILE\` prints ${z > 0 ? 'the text' : them}, to analyse apart`
		: '';
	const note = `The compressed file is followed by bytes that are not ${what} data ("trailing garbage"): its ${what} data ends at byte ${groupDigits(end)} and was read whole, and the ${groupDigits(n)} ${n === 1 ? 'byte' : 'bytes'} after it${kind} ${n === 1 ? 'was' : 'were'} not read${prints}.`;
	if (onTrailing === undefined) throw new InputError('corrupt-compressed', note);
	onTrailing(note);
}

/** compressed bytes handed to fflate at a time in gunzipChecked, whatever the input's chunks */
const GZIP_PIECE = 1 << 14;

/** CRC-32 (gzip's) table */
let crcTable: Uint32Array | null = null;

/** CRC-32 of `b` continued from `crc` (0 to start) */
function crc32(crc: number, b: Uint8Array): number {
	if (crcTable === null) {
		crcTable = new Uint32Array(256);
		for (let n = 0; n < 256; n++) {
			let c = n;
			for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
			crcTable[n] = c >>> 0;
		}
	}
	const t = crcTable;
	let c = ~crc;
	for (let i = 0; i < b.length; i++) c = t[(c ^ b[i]) & 0xff] ^ (c >>> 8);
	return ~c >>> 0;
}

/**
 * gzip read the same whatever the chunks the input comes in: fflate's decoder, handed the
 * compressed bytes in pieces of GZIP_PIECE, each member's CRC-32 and length checked here (fflate
 * checks neither). Members follow one another (`cat a.gz b.gz`); a zero byte where a member
 * would start ends the gzip data without a word, the rest unread, as Node's zlib (which the CLI
 * uses) does. Any other bytes there are trailing garbage: the members before them are read
 * whole, then the error says where the gzip data ends and how many bytes follow. Damaged
 * compressed data loses what its piece decoded to (a few hundred KB of text at most). The whole
 * input is read, so that its size is known.
 */
async function* gunzipChecked(
	src: AsyncIterable<Uint8Array>,
	onTrailing?: (note: string) => void
): AsyncGenerator<Uint8Array> {
	let out: Uint8Array[] = [];
	let crc = 0;
	let size = 0;
	let members = 0;
	let badMember = 0;
	/** the input's last pieces (the trailer of a member ends where the next one starts) */
	const recent: { at: number; bytes: Uint8Array }[] = [];
	const trailerOk = (end: number): boolean => {
		const t = new Uint8Array(8);
		for (let k = 0; k < 8; k++) {
			const at = end - 8 + k;
			const p = recent.find((r) => r.at <= at && at < r.at + r.bytes.length);
			if (p === undefined) return false;
			t[k] = p.bytes[at - p.at];
		}
		const v = new DataView(t.buffer);
		return v.getUint32(0, true) === crc && v.getUint32(4, true) === size >>> 0;
	};
	const endMember = (end: number) => {
		members++;
		if (badMember === 0 && !trailerOk(end)) badMember = members;
		crc = 0;
		size = 0;
	};
	const g = new Gunzip((d) => {
		if (d.length === 0) return;
		out.push(d);
		crc = crc32(crc, d);
		size += d.length;
	});
	g.onmember = endMember;
	/** what stopped the decoder: the error, and where its piece starts */
	let failure: { code: number; at: number; junkAt: number; zero: boolean } | null = null;
	/** fflate's state: after a member, its next member's header would start at junkAt below */
	const state = g as unknown as { r: number; p: Uint8Array; v: number };
	/** the first bytes from where the gzip data ends, when other bytes follow it */
	const junk = new Tail();
	const ended = (junkAt: number, code: number, at: number) => {
		for (const r of recent)
			if (r.at + r.bytes.length > junkAt) junk.add(r.bytes.subarray(Math.max(0, junkAt - r.at)));
		// fflate's own bytes when the pieces kept do not reach back so far
		if (junk.empty()) junk.add(state.p.subarray(state.v - 1));
		failure = { code, at, junkAt, zero: junk.zeros > 0 };
	};
	const push = (piece: Uint8Array, at: number, final: boolean) => {
		if (failure !== null) return;
		recent.push({ at, bytes: piece });
		while (recent.length > 4) recent.shift();
		try {
			g.push(piece, final);
		} catch (e) {
			const code = (e as { code?: number }).code ?? -1;
			const s = state;
			if (code === 6 && s.v > 1) ended(s.r - s.p.length + (s.v - 1), code, at);
			else failure = { code, at, junkAt: -1, zero: false };
		}
	};
	/** the input's bytes read so far (all of them after the loop) */
	let at = 0;
	for await (const piece of pieces(src, GZIP_PIECE)) {
		const from = at;
		at += piece.length;
		// the rest is read, not decoded: the note says how many bytes there are
		if (failure !== null) {
			junk.add(piece);
			continue;
		}
		push(piece, from, false);
		if (out.length > 0) {
			yield* out;
			out = [];
		}
	}
	const total = at;
	// 1 to 3 bytes after a member, or a next member cut inside its header: fflate waits for the
	// rest of a header and drops them at the end without an error; the member's trailer ends where
	// they start (it had been looked for at the input's end, and the note said the checksum did
	// not match)
	const waiting = failure === null && state.v > 1 ? state.r - state.p.length + (state.v - 1) : -1;
	push(new Uint8Array(0), total, true);
	if (failure === null && waiting >= 0 && waiting < total) {
		if (total - waiting < 4) ended(waiting, 6, waiting);
		else {
			// a next member cut inside its header: the one before ends where it starts
			endMember(waiting);
			failure = { code: 0, at: waiting, junkAt: -1, zero: false };
		}
	}
	if (out.length > 0) yield* out;
	const f = failure as { code: number; at: number; junkAt: number; zero: boolean } | null;
	if (f === null || f.junkAt >= 0) endMember(f === null ? total : f.junkAt);
	if (badMember > 0)
		throw new InputError(
			'corrupt-compressed',
			`The compressed file is damaged: ${members > 1 ? `its member ${badMember} of ${members}` : 'its data'} does not decompress to the size and checksum (CRC) its gzip trailer records, so some of what was read is wrong.`
		);
	if (f === null) return;
	// zero bytes alone end the gzip data without a word, as `gzip -d` ignores them; what follows
	// them is told as other bytes after the data are (it had been dropped without a word)
	if (f.zero && junk.bytes().length === 0) return;
	if (f.junkAt > 0) return trailing(onTrailing, 'gzip', f.junkAt, total, junk);
	if (f.code === 0)
		throw new InputError(
			'corrupt-compressed',
			'The compressed file is truncated: it ends in the middle of its data.'
		);
	throw new InputError(
		'corrupt-compressed',
		`The compressed file is damaged or truncated: its data cannot be decompressed from about byte ${groupDigits(f.at)} of ${groupDigits(total)} on.`
	);
}

/**
 * The decompressed bytes of a compressed input (its compressed bytes from the first), as
 * decodeBytes reads them (gzip as its second reading does, by gunzipChecked), output past `limit`
 * not kept (the error comes after what came before it); for a report compressed so
 * (output/report-file.ts: the CLI, and the page's worker, where xz's WebAssembly may run; a .gz
 * only when the platform's decoder failed on it). Other bytes after the compressed data are not read:
 * `onTrailing` gets the note that says so (without it, they are an error).
 */
export function decompressed(
	src: AsyncIterable<Uint8Array>,
	kind: Compression,
	limit: number,
	onTrailing?: (note: string) => void
): AsyncGenerator<Uint8Array> {
	if (kind === 'gzip') return limited(gunzipChecked(src, onTrailing), limit);
	return kind === 'zstd' ? unzstd(src, limit, onTrailing) : unxz(src, limit, onTrailing);
}

/** A test for `magic` (a string of byte values, or characters) at offset `at` of the first bytes. */
function magic(bytes: readonly number[] | string, at = 0): (b: Uint8Array) => boolean {
	const m = typeof bytes === 'string' ? Array.from(bytes, (c) => c.charCodeAt(0)) : bytes;
	return (b) => b.length >= at + m.length && m.every((v, i) => b[at + i] === v);
}

/**
 * Files people drop instead of a text log, recognised by their first bytes, with what to do
 * instead. Their bytes are still read and counted like any other input.
 */
const NOT_TEXT: ReadonlyArray<{
	is: (b: Uint8Array) => boolean;
	advice: string;
	/**
	 * a compression not read here (bzip2, lz4): its bytes hold no text to find, so the input is
	 * refused (InputError, the CLI's exit status 2), not read as lines of binary bytes
	 */
	refused?: true;
}> = [
	{
		is: magic('LPKSHHRH'),
		advice:
			'This is a binary systemd journal file, not text. Export its kernel messages with `journalctl -k --file FILE > kernel.txt` (`-b` for one boot) and analyse that.'
	},
	{
		// makedumpfile's compressed dump (the default kdump format), its flattened form, diskdump
		is: (b) => magic('KDUMP   ')(b) || magic('makedumpfile')(b) || magic('DISKDUMP')(b),
		advice:
			'This is a kdump vmcore (a memory dump), not a text log. Extract its kernel log with `makedumpfile --dump-dmesg VMCORE dmesg.txt` (or `log` in the crash tool) and analyse that.'
	},
	{
		is: magic([0x7f, 0x45, 0x4c, 0x46]),
		advice:
			'This is an ELF file (a kdump vmcore or a program), not a text log. For a vmcore, extract its kernel log with `makedumpfile --dump-dmesg VMCORE dmesg.txt` (or `log` in the crash tool) and analyse that.'
	},
	{
		// `BZh` and the block size, 1 to 9
		is: (b) => magic('BZh')(b) && b[3] >= 0x31 && b[3] <= 0x39,
		advice:
			'This file is bzip2-compressed, which is not read here: decompress it with `bunzip2 -k FILE` (or `bzcat FILE > kernel.txt`) and analyse the result (gzip, Zstandard and xz files are read directly).',
		refused: true
	},
	{
		is: magic([0x04, 0x22, 0x4d, 0x18]),
		advice:
			'This file is lz4-compressed, which is not read here: decompress it with `lz4 -d FILE` (or `lz4cat FILE > kernel.txt`) and analyse the result (gzip, Zstandard and xz files are read directly).',
		refused: true
	},
	{
		is: magic([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]),
		advice: 'This is a 7-Zip archive: extract the log file from it and analyse that.'
	},
	{
		// last: any other binary data (random bytes, an image, a disk or memory image)
		is: (b) => binaryShare(b) >= BINARY_SHARE,
		advice: binaryNote()
	}
];

/** share of binaryShare at which the first bytes are binary data, not text */
const BINARY_SHARE = 0.25;

/**
 * The share of the first bytes (NUL bytes aside) that no text has: C0 controls other than tab,
 * line and page ends and escape (ANSI colours), DEL, and bytes that do not form UTF-8. Random
 * bytes give about 0.5; a text log in Latin-1 or with flipped bits a few hundredths. NUL bytes
 * are left out: a stretch of them is space never written before a log's text (see nul.ts).
 * 0 when fewer than 32 bytes are not NUL.
 */
function binaryShare(b: Uint8Array, least = 32): number {
	let n = 0;
	let bad = 0;
	for (let i = 0; i < b.length; i++) {
		const c = b[i];
		if (c === 0) continue;
		n++;
		if (c < 0x80) {
			if ((c < 32 && (c < 9 || c > 13) && c !== 27) || c === 127) bad++;
			continue;
		}
		// a UTF-8 sequence: its lead byte, then 1 to 3 continuation bytes (a sequence cut by
		// the end of the probe counts as text)
		const len =
			c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
		let k = 1;
		while (k < len && i + k < b.length && (b[i + k] & 0xc0) === 0x80) k++;
		if (len === 0 || (k < len && i + k < b.length)) {
			bad++;
			continue;
		}
		n += k - 1;
		i += k - 1;
	}
	return n < least ? 0 : bad / n;
}

/**
 * Bytes that read as text (see binaryShare): none of them binary when they are fewer than 32,
 * less than a quarter otherwise; NUL bytes make them binary here.
 */
function looksLikeText(b: Uint8Array): boolean {
	if (b.length === 0 || b.includes(0)) return false;
	const share = binaryShare(b, 1);
	return b.length < 32 ? share === 0 : share < BINARY_SHARE;
}

/** What to do with input whose first bytes name a known non-text format, or null. */
export function notTextAdvice(head: Uint8Array): string | null {
	return notTextKind(head)?.advice ?? null;
}

function notTextKind(head: Uint8Array): (typeof NOT_TEXT)[number] | null {
	return NOT_TEXT.find((k) => k.is(head)) ?? null;
}

/**
 * Decode a byte stream (plain, gzip, Zstandard or xz) into text chunks.
 * `onBytes` is told how many input bytes were consumed (for progress); `onNote` gets advice when
 * the (decompressed) input starts like a known binary format (see notTextAdvice), or what was
 * read of an archive (tar, zip: see archiveText), and whether a log's text was read from it
 * (false: what is found is fragments). `onMember` is told when an archive member's text starts,
 * and whose text it replaces (see archiveText). `onCompression` is told once, before any text,
 * which compression the first bytes show (null: none).
 */
export async function* decodeBytes(
	src: AsyncIterable<Uint8Array>,
	limits: DecodeLimits = DEFAULT_LIMITS,
	onBytes?: (n: number) => void,
	onNote?: (message: string, readable: boolean) => void,
	onMember?: (name: string, replaces: string | null) => void,
	onCompression?: (kind: Compression | null) => void,
	again?: SecondReading
): AsyncGenerator<string> {
	const it = src[Symbol.asyncIterator]();
	/** the gzip bytes read, for a second reading when there is no `again.source` */
	let recorded: Uint8Array[] | null = again !== undefined && again.source === undefined ? [] : null;
	let recordedBytes = 0;
	const gzip: GzipReading = {
		checked: false,
		again: () => again !== undefined && (again.source !== undefined || recorded !== null),
		record: (c) => {
			if (recorded === null) return;
			recordedBytes += c.length;
			if (recordedBytes <= RECORD_LIMIT) recorded.push(c);
			else recorded = null;
		}
	};
	try {
		yield* decodeOnce(it, limits, onBytes, onNote, onMember, onCompression, gzip);
	} catch (e) {
		if (!(e instanceof PlatformGzipFailure) || again === undefined) throw e;
		// read again, from the first byte, the same way whatever the chunks (see gunzipChecked)
		const kept = recorded;
		let source: AsyncIterator<Uint8Array>;
		if (again.source !== undefined) {
			await it.return?.();
			source = again.source()[Symbol.asyncIterator]();
		} else
			source = (async function* () {
				yield* kept ?? [];
				for (;;) {
					const r = await it.next();
					if (r.done) return;
					yield r.value;
				}
			})();
		again.restart();
		yield* decodeOnce(source, limits, onBytes, onNote, onMember, onCompression, {
			checked: true,
			again: () => false,
			record: () => {}
		});
	}
}

/**
 * A second reading of a gzip input the platform's decoder failed on (see gunzip): the caller
 * starts its analysis again (`restart`, called before the first text of the second reading), and
 * the input is read again from `source` (a file, read again) or, without one, from the bytes kept
 * as they were read (at most RECORD_LIMIT of them: past it, the platform's result stands).
 */
export interface SecondReading {
	restart: () => void;
	source?: () => AsyncIterable<Uint8Array>;
}

/** compressed bytes kept for a second reading of an input that cannot be read again */
const RECORD_LIMIT = 64 * 1024 ** 2;

/** how decodeOnce reads gzip: the platform's decoder first, gunzipChecked the second time */
interface GzipReading {
	checked: boolean;
	again: () => boolean;
	record: (c: Uint8Array) => void;
}

async function* decodeOnce(
	it: AsyncIterator<Uint8Array>,
	limits: DecodeLimits,
	onBytes: ((n: number) => void) | undefined,
	onNote: ((message: string, readable: boolean) => void) | undefined,
	onMember: ((name: string, replaces: string | null) => void) | undefined,
	onCompression: ((kind: Compression | null) => void) | undefined,
	gzip: GzipReading
): AsyncGenerator<string> {
	let first = await it.next();
	while (!first.done && first.value.length === 0) first = await it.next();
	if (first.done) return;
	// the magic bytes may arrive in more than one chunk
	let head: Uint8Array = first.value;
	while (head.length < 6) {
		const more = await it.next();
		if (more.done) break;
		head = concatBytes([head, more.value]);
	}
	const recording = isGzip(head) && !gzip.checked;
	const counted = (async function* () {
		for await (const c of prepend(head, it)) {
			onBytes?.(c.length);
			if (recording) gzip.record(c);
			yield c;
		}
	})();
	let stream: AsyncIterable<Uint8Array> = counted;
	const kind: Compression | null = isGzip(head)
		? 'gzip'
		: isZstd(head)
			? 'zstd'
			: isXz(head)
				? 'xz'
				: null;
	onCompression?.(kind);
	/** bytes after the compressed data, which was read whole: a note, not an error */
	const trailingNote = (note: string) => onNote?.(note, true);
	if (kind === 'gzip')
		stream = limited(
			gzip.checked ? gunzipChecked(counted, trailingNote) : gunzip(counted, gzip.again),
			limits.maxDecompressedBytes
		);
	else if (kind === 'zstd') stream = unzstd(counted, limits.maxDecompressedBytes, trailingNote);
	else if (kind === 'xz') stream = unxz(counted, limits.maxDecompressedBytes, trailingNote);
	// UTF-16 text (Windows PowerShell's `>` and Notepad's "Unicode") is told by its first bytes,
	// after decompression: gather them (a decompression error comes after what was read)
	const inner = stream[Symbol.asyncIterator]();
	let lead: Uint8Array = new Uint8Array(0);
	let failure: unknown = null;
	try {
		while (lead.length < PROBE_BYTES) {
			const r = await inner.next();
			if (r.done) break;
			lead = lead.length === 0 ? r.value : concatBytes([lead, r.value]);
		}
	} catch (e) {
		failure = e;
	}
	// a reader that stops early (a Stop request) ends the decompressor too: xz-decompress runs one
	// decoder at a time, and one left open would keep the next .xz input waiting forever
	try {
		const rest = (async function* () {
			if (lead.length > 0) yield lead;
			if (failure !== null) throw failure;
			for (;;) {
				const r = await inner.next();
				if (r.done) return;
				yield r.value;
			}
		})();
		// an archive (tar, zip): its kernel log is read, by its member's path (see archive.ts)
		const archive = archiveKind(lead);
		if (archive !== null) {
			yield* archiveText(rest, archive, limits, onNote, onMember);
			return;
		}
		const order = utf16Order(lead);
		if (order !== null) {
			yield* decodeUtf16(lead, failure === null ? inner : null, order, limits);
			if (failure !== null) throw failure;
			return;
		}
		// the same first bytes tell a known binary format (see notTextAdvice); a short input is told at
		// its end, and one whose decompression failed before PROBE_BYTES is not told
		if (lead.length >= PROBE_BYTES || failure === null) {
			const kind = notTextKind(lead.subarray(0, PROBE_BYTES));
			// a memory dump's compressed ramoops record is inflated (see ramoops.ts), not binary data
			const inflated =
				kind === NOT_TEXT[NOT_TEXT.length - 1] &&
				compressedHeader(lead, 0, Math.min(lead.length, PROBE_BYTES), true) !== null;
			// a compression not read: nothing of it is text (it had been read as lines of its bytes)
			if (kind?.refused === true) throw new InputError('unsupported-compression', kind.advice);
			if (kind !== null && !inflated) onNote?.(kind.advice, false);
		}
		yield* utf8Text(rest, limits, (r) => onNote?.(inflatedNote(r), true));
	} finally {
		await inner.return?.(undefined);
	}
}

/**
 * UTF-8 bytes to text. Whole characters are decoded without `stream: true` (several times
 * faster); the bytes of a character cut by the chunk end wait for the next chunk. Before a lead
 * byte the decoder is in its initial state, so this gives exactly what streaming decoding gives.
 * A UTF-8 byte order mark is dropped.
 */
async function* utf8Text(
	stream: AsyncIterable<Uint8Array>,
	limits: DecodeLimits,
	onInflated?: (r: Inflated) => void
): AsyncGenerator<string> {
	const dec = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
	const windowBytes = Math.max(16, limits.decodeWindow ?? DECODE_WINDOW);
	let carry: Uint8Array | null = null;
	let start = true;
	/** the byte before the chunk's first, -1 when there is none */
	let prev = -1;
	const atStart = (chunk: Uint8Array, at: number): boolean => {
		const c = at > 0 ? chunk[at - 1] : prev;
		return c < 0 || headerMayFollow(c);
	};
	/** a compressed ramoops record's body being gathered (see ramoops.ts), its length and header */
	let body: Uint8Array[] | null = null;
	let bodyLength = 0;
	let header = '';
	function* endBody(): Generator<string> {
		const b = concatBytes(body as Uint8Array[]);
		body = null;
		const out = inflateBody(b);
		if (out === null) {
			// not deflate: its bytes as they are (the classifier names them, UNPARSED_COMPRESSED)
			const t = dec.decode(b);
			if (t !== '') yield t;
			return;
		}
		onInflated?.({ header, compressed: b.length, text: out.length });
		const t = dec.decode(out);
		yield t.endsWith('\n') ? t : t + '\n';
	}
	for await (const c of stream) {
		let chunk = c;
		if (carry !== null) {
			chunk = concatBytes([carry, chunk]);
			carry = null;
		}
		if (start) {
			if (chunk.length < 3 && isBomPrefix(chunk)) {
				carry = chunk;
				continue;
			}
			start = false;
			if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
		}
		// in windows (see DecodeLimits.decodeWindow): decoding cost grows faster than the size on
		// some inputs, and a line kept by a report keeps its whole window alive
		const n = chunk.length;
		let off = 0;
		while (off < n) {
			if (body !== null) {
				// a compressed record's body runs to the next record's header (see ramoops.ts)
				let k = nextHeader(chunk, bodyLength === 0 ? off + 1 : off, atStart(chunk, 0));
				let e = -1;
				while (k !== -1 && (e = headerEnd(chunk, k, true)) === -1)
					k = nextHeader(chunk, k + 1, false);
				let end = k === -1 ? n : k;
				if (bodyLength + end - off > MAX_BODY) end = off + MAX_BODY - bodyLength;
				if (end > off) body.push(chunk.subarray(off, end));
				bodyLength += end - off;
				off = end;
				if (bodyLength < MAX_BODY && (k === -1 || e === -2)) {
					// not ended yet, or maybe by a header the chunk cuts: wait for the next chunk
					if (k !== -1) carry = chunk.slice(k);
					break;
				}
				yield* endBody();
				continue;
			}
			const end = Math.min(off + windowBytes, n);
			const cut = off + completeLength(chunk.subarray(off, end));
			if (end === n && cut < n) carry = chunk.slice(cut);
			if (cut > off) {
				const text = dec.decode(chunk.subarray(off, cut));
				// a compressed ramoops record's header, whole or cut by the window (one search a window)
				const nl = text.lastIndexOf('\n');
				if (
					text.indexOf('====') !== -1 ||
					text.charCodeAt(text.length - 1) === 61 /* = */ ||
					(text.charCodeAt(nl + 1) === 61 && text.length - nl - 1 < MAX_HEADER)
				) {
					const h = compressedHeader(chunk, off, cut, atStart(chunk, off));
					if (h !== null) {
						if (h.end < 0) {
							// the input's chunk ends inside it: read it with the next chunk
							if (h.at > off) yield dec.decode(chunk.subarray(off, h.at));
							carry = chunk.slice(h.at);
							break;
						}
						// the text up to the header's line end (the header on a line of its own: in a
						// memory dump it follows binary bytes); the compressed body follows it
						const c = h.at > 0 ? chunk[h.at - 1] : prev;
						yield (
							dec.decode(chunk.subarray(off, h.at)) +
							(c >= 0 && c !== NL ? '\n' : '') +
							dec.decode(chunk.subarray(h.at, h.end))
						);
						header = dec.decode(chunk.subarray(h.at, h.end)).trimEnd();
						body = [];
						bodyLength = 0;
						off = h.end;
						continue;
					}
				}
				if (text !== '') yield text;
			}
			off = end === n ? n : cut;
		}
		const last = carry !== null ? n - carry.length - 1 : n - 1;
		if (last >= 0) prev = chunk[last];
	}
	if (body !== null) yield* endBody();
	if (carry !== null) {
		if (start && carry[0] === 0xef && carry[1] === 0xbb && carry[2] === 0xbf)
			carry = carry.subarray(3);
		const tail = dec.decode(carry);
		if (tail !== '') yield tail;
	}
}

/** What the report says of a compressed ramoops record that was inflated (see ramoops.ts). */
function inflatedNote(r: Inflated): string {
	return `A compressed pstore record (ramoops header \`${r.header}\`) was inflated: its ${groupDigits(r.compressed)} bytes of deflate hold ${groupDigits(r.text)} bytes of text, read in their place. Line numbers after its header count the lines of that text, not the file's.`;
}

/**
 * The first compressed ramoops record header (`====<sec>.<usec>-C`, see ramoops.ts) at a line
 * start from `from` to `to` (it may end after `to`): where it starts, and where its line ends
 * (-2 when the chunk ends inside it); null when there is none.
 */
function compressedHeader(
	b: Uint8Array,
	from: number,
	to: number,
	atStart: boolean
): { at: number; end: number } | null {
	for (let k = nextHeader(b, from, atStart); k !== -1 && k < to; k = nextHeader(b, k + 1, false)) {
		const e = headerEnd(b, k);
		if (e !== -1) return { at: k, end: e };
	}
	return null;
}

/**
 * An archive's kernel log as text: the member chosen by its path (see archive.ts), decompressed
 * when it is gzip or Zstandard (a rotated `kern.log.2.gz`). An empty string is yielded while
 * other members are passed over, so that the reader can stop and tell progress. `onMember` is
 * told when a member's text starts (and which one's text it replaces: the caller starts again);
 * `onNote` gets, at the end (also a stopped or failed one), which member was analysed and which
 * other kernel logs were not, or what the archive holds when none is read.
 */
async function* archiveText(
	src: AsyncIterable<Uint8Array>,
	kind: ArchiveKind,
	limits: DecodeLimits,
	onNote?: (message: string, readable: boolean) => void,
	onMember?: (name: string, replaces: string | null) => void
): AsyncGenerator<string> {
	const summary = new ArchiveSummary(kind);
	/** the member being read, for where a .tar.gz's compressed data ends (see outer) */
	let reading: string | null = null;
	// a compressed archive (.tar.gz) whose compression fails says where in the archive: it had
	// said only `The compressed file is damaged or truncated.`, and a .tar.gz cut in its first
	// bytes read as much as that
	const outer = (async function* () {
		try {
			yield* src;
		} catch (e) {
			if (!(e instanceof InputError) || !e.message.startsWith('The compressed file is')) throw e;
			const where =
				reading !== null
					? `ends in the middle of \`${reading}\``
					: summary.chosen !== null && summary.tentative === null
						? `ends after \`${summary.chosen.name}\``
						: 'ends before any kernel log in it';
			throw new InputError(
				e.code,
				`The archive is damaged or truncated: its compressed data ${where}.`
			);
		}
	})();
	const walk =
		kind === 'tar'
			? walkTar(outer, summary)
			: walkZip(outer, summary, limits.maxDecompressedBytes, bomb);
	/** events read ahead of the loop (after the archive's only file, to tell whether it is) */
	const ahead: ArchiveEvent[] = [];
	const next = async (): Promise<IteratorResult<ArchiveEvent, void>> =>
		ahead.length > 0 ? { done: false, value: ahead.shift() as ArchiveEvent } : walk.next();
	try {
		for (;;) {
			const r = await next();
			if (r.done) return;
			const ev = r.value;
			if (ev.type === 'tick') yield '';
			// the first file, held as the archive's only one, is not: nothing of it was analysed (the
			// analysis starts again all the same, with nothing, until a kernel log comes)
			if (ev.type === 'drop') onMember?.('', ev.name);
			if (ev.type !== 'start') continue;
			onMember?.(ev.name, ev.replaces);
			let body: AsyncIterable<Uint8Array> = (async function* () {
				for (;;) {
					const m = await next();
					if (m.done || m.value.type === 'end') return;
					if (m.value.type === 'data') yield m.value.bytes;
				}
			})();
			if (summary.tentative === ev.name) {
				// the archive's first file, of a name no kernel log has: held until the archive ends or
				// another file comes (up to ONLY_FILE_HOLD: past it, read as it comes, and dropped if
				// another file follows), and not read at all when it is binary data
				const it = body[Symbol.asyncIterator]();
				const held: Uint8Array[] = [];
				let heldBytes = 0;
				let whole = false;
				for (;;) {
					const c = await it.next();
					if (c.done) {
						whole = true;
						break;
					}
					held.push(c.value);
					heldBytes += c.value.length;
					yield '';
					if (heldBytes > ONLY_FILE_HOLD) break;
				}
				if (binaryMember(concatBytes(held).subarray(0, PROBE_BYTES))) {
					summary.binaryOnly(ev.name);
					if (!whole) while (!(await it.next()).done) yield '';
					continue;
				}
				if (whole) {
					// another file after it (a drop, or a kernel log that replaces it): it is not read
					let alone = true;
					for (;;) {
						const p = await walk.next();
						if (p.done) break;
						ahead.push(p.value);
						if (p.value.type === 'drop' || p.value.type === 'start') {
							alone = false;
							break;
						}
					}
					if (!alone) continue;
				}
				const kept = concatBytes(held);
				body = whole
					? (async function* () {
							yield kept;
						})()
					: prepend(kept, it);
			}
			reading = ev.name;
			yield* memberText(body, limits, onNote);
			reading = null;
		}
	} finally {
		onNote?.(summary.note(), summary.chosen !== null);
		await walk.return(undefined);
	}
}

/** the archive's only file is held (not analysed) up to this many bytes (see archiveText) */
const ONLY_FILE_HOLD = 16 * 1024 ** 2;

/**
 * The first bytes of an archive's only file are binary data (see notTextKind; half of them NUL
 * bytes too, which notTextKind leaves aside: space never written before a log's text), unless
 * compressed (gzip, Zstandard: read as such) or UTF-16.
 */
function binaryMember(head: Uint8Array): boolean {
	if (head.length === 0 || isGzip(head) || isZstd(head) || utf16Order(head) !== null) return false;
	let nul = 0;
	for (let i = 0; i < head.length; i++) if (head[i] === 0) nul++;
	return nul * 2 > head.length || notTextKind(head) !== null;
}

/**
 * A member's bytes as text: gzip and Zstandard are decompressed (xz is not: see archive.ts);
 * UTF-8, or UTF-16 when its first bytes say so (see utf16Order).
 */
async function* memberText(
	body: AsyncIterable<Uint8Array>,
	limits: DecodeLimits,
	onNote?: (message: string, readable: boolean) => void
): AsyncGenerator<string> {
	const it = body[Symbol.asyncIterator]();
	let head: Uint8Array = new Uint8Array(0);
	while (head.length < 4) {
		const r = await it.next();
		if (r.done) break;
		head = concatBytes([head, r.value]);
	}
	let stream: AsyncIterable<Uint8Array> = prepend(head, it);
	// fflate's reading, the same whatever the chunks: the archive's bytes are not read twice
	const trailingNote = (note: string) => onNote?.(note, true);
	if (isGzip(head))
		stream = limited(gunzipChecked(stream, trailingNote), limits.maxDecompressedBytes);
	else if (isZstd(head)) stream = unzstd(stream, limits.maxDecompressedBytes, trailingNote);
	// UTF-16 (a `dmesg.txt` saved by Notepad or PowerShell's `>`), told as a whole file's is
	const inner = stream[Symbol.asyncIterator]();
	let lead: Uint8Array = new Uint8Array(0);
	while (lead.length < PROBE_BYTES) {
		const r = await inner.next();
		if (r.done) break;
		lead = concatBytes([lead, r.value]);
	}
	const order = utf16Order(lead);
	if (order !== null) yield* decodeUtf16(lead, inner, order, limits);
	else yield* utf8Text(prepend(lead, inner), limits, (r) => onNote?.(inflatedNote(r), true));
}

/** gzip output checked against the decompression limit */
async function* limited(src: AsyncIterable<Uint8Array>, limit: number): AsyncGenerator<Uint8Array> {
	let produced = 0;
	for await (const c of src) {
		produced += c.length;
		if (produced > limit) throw bomb(limit);
		yield c;
	}
}

const DECODE_WINDOW = 1 << 16;

/**
 * The byte order of UTF-16 text, from its byte order mark (`FF FE` little-endian, as Windows
 * PowerShell 5's `>` and Notepad's "Unicode" save, `FE FF` big-endian) or, without one, from
 * text whose first bytes (at least 32, at most PROBE_BYTES) alternate a character byte and a 0
 * byte in 9 pairs of 10 (ASCII text in UTF-16); null for anything else (UTF-8 and Latin-1 text
 * never has 0 bytes). Only the first PROBE_BYTES are read: the bytes given are the input's first
 * chunk, a megabyte in the CLI, whose every pair had been counted (21 million instructions).
 */
export function utf16Order(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
	if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
	const pairs = Math.min(b.length, PROBE_BYTES) >> 1;
	if (pairs < 16) return null;
	let le = 0;
	let be = 0;
	for (let i = 0; i < pairs; i++) {
		const lo = b[2 * i];
		const hi = b[2 * i + 1];
		if (hi === 0 && lo !== 0) le++;
		else if (lo === 0 && hi !== 0) be++;
	}
	if (le * 10 >= pairs * 9) return 'utf-16le';
	if (be * 10 >= pairs * 9) return 'utf-16be';
	return null;
}

/**
 * UTF-16 text to text chunks: the decoder drops the byte order mark and keeps a character cut
 * by a chunk's end (or an odd byte) for the next chunk; at most a window of bytes at a time.
 */
async function* decodeUtf16(
	lead: Uint8Array,
	rest: AsyncIterator<Uint8Array> | null,
	order: 'utf-16le' | 'utf-16be',
	limits: DecodeLimits
): AsyncGenerator<string> {
	const dec = new TextDecoder(order, { fatal: false });
	const windowBytes = Math.max(16, limits.decodeWindow ?? DECODE_WINDOW);
	let chunk: Uint8Array | null = lead;
	while (chunk !== null) {
		for (let off = 0; off < chunk.length; off += windowBytes) {
			const text = dec.decode(chunk.subarray(off, off + windowBytes), { stream: true });
			if (text !== '') yield text;
		}
		chunk = null;
		if (rest !== null) {
			const r = await rest.next();
			if (!r.done) chunk = r.value;
		}
	}
	const tail = dec.decode();
	if (tail !== '') yield tail;
}
/** bytes looked at to recognise a binary format (a tar header's magic is at 257) */
const PROBE_BYTES = 512;

function isBomPrefix(b: Uint8Array): boolean {
	return (b.length < 1 || b[0] === 0xef) && (b.length < 2 || b[1] === 0xbb);
}

/** Length of the prefix of `b` that ends on a character boundary (at most 3 bytes are left). */
function completeLength(b: Uint8Array): number {
	const n = b.length;
	const lim = n < 3 ? n : 3;
	for (let k = 1; k <= lim; k++) {
		const c = b[n - k];
		if (c < 0x80) return n;
		if (c >= 0xc0) {
			const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
			return need > k ? n - k : n;
		}
	}
	return n;
}

/** Wrap a string (or several) as a byte stream. */
export async function* textSource(text: string, chunkSize = 1 << 20): AsyncGenerator<Uint8Array> {
	const enc = new TextEncoder();
	for (let i = 0; i < text.length; i += chunkSize) yield enc.encode(text.slice(i, i + chunkSize));
}
