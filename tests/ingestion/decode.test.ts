/** decode.ts: chunked decoding equals decoding the whole input, for any bytes and any chunking. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	decodeBytes,
	DEFAULT_LIMITS,
	InputError,
	notTextAdvice,
	utf16Order
} from '../../src/lib/ingestion/decode.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { decodeChunks, gzip } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const fixture = (p: string) => readFileSync(join(FIXTURES, p), 'utf8');
const fixtureBytes = (p: string) => new Uint8Array(readFileSync(join(FIXTURES, p)));

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
	const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
	const out: Uint8Array[] = [];
	let prev = 0;
	for (const p of [...points, bytes.length]) {
		out.push(bytes.slice(prev, p));
		prev = p;
	}
	return out;
}

describe('decodeBytes', () => {
	const utf8ish = fc.array(
		fc.oneof(
			fc.integer({ min: 0, max: 255 }),
			fc.constantFrom(0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0x0a)
		),
		{ maxLength: 200 }
	);
	it('equals one-shot decoding for any bytes split anywhere (property)', async () => {
		await fc.assert(
			fc.asyncProperty(utf8ish, fc.array(fc.nat(), { maxLength: 12 }), async (arr, cuts) => {
				const bytes = new Uint8Array(arr);
				// the first bytes may be those of UTF-16 text (a byte order mark, 0 bytes between)
				const whole = new TextDecoder(utf16Order(bytes.subarray(0, 512)) ?? 'utf-8').decode(bytes);
				expect(await decodeChunks(split(bytes, cuts))).toBe(whole);
			}),
			{ numRuns: 400 }
		);
	});

	it('decodes large chunks in windows of any size without breaking characters', async () => {
		const bytes = new Uint8Array(300_000);
		for (let i = 0; i < bytes.length; i++)
			bytes[i] = [0x41, 0xe2, 0x82, 0xac, 0xc3, 0xa9, 0xff, 0x0a][i % 8];
		const whole = new TextDecoder().decode(bytes);
		expect(await decodeChunks([bytes])).toBe(whole);
		for (const decodeWindow of [16, 17, 1 << 14]) {
			async function* src() {
				yield bytes;
			}
			let out = '';
			for await (const t of decodeBytes(src(), { ...DEFAULT_LIMITS, decodeWindow })) out += t;
			expect(out, `window ${decodeWindow}`).toBe(whole);
		}
	});

	it('drops a leading byte order mark only, even split over chunks', async () => {
		const text = '\ufeff[    1.000000] é\ufeff€\n';
		const bytes = new TextEncoder().encode(text);
		for (let cut = 0; cut <= bytes.length; cut++)
			expect(await decodeChunks([bytes.slice(0, cut), bytes.slice(cut)])).toBe(text.slice(1));
	});

	it('reads UTF-16 text by its byte order mark, or by the 0 bytes of ASCII text in it', async () => {
		const text = '[    1.000000] é€ BUG: unable to handle page fault\r\n'.repeat(40);
		const le = new Uint8Array(text.length * 2);
		for (let i = 0; i < text.length; i++) {
			le[2 * i] = text.charCodeAt(i) & 0xff;
			le[2 * i + 1] = text.charCodeAt(i) >> 8;
		}
		const be = le.map((_, i) => le[i ^ 1]);
		const bomLE = new Uint8Array([0xff, 0xfe, ...le]);
		const bomBE = new Uint8Array([0xfe, 0xff, ...be]);
		for (const bytes of [bomLE, bomBE, le, be])
			for (const cuts of [[], [1], [1, 2, 3, 513], [511, 512, 1001]])
				expect(await decodeChunks(split(bytes, cuts))).toBe(text);
		expect(utf16Order(le)).toBe('utf-16le');
		expect(utf16Order(be)).toBe('utf-16be');
		// too short to tell without a byte order mark; UTF-8, Latin-1 and NUL padding are not UTF-16
		expect(utf16Order(le.subarray(0, 30))).toBeNull();
		expect(utf16Order(new TextEncoder().encode(text))).toBeNull();
		expect(utf16Order(new Uint8Array(512))).toBeNull();
		expect(
			utf16Order(new Uint8Array([...new Uint8Array(64), ...new TextEncoder().encode(text)]))
		).toBeNull();
	});

	it('decompresses Zstandard recognised by its magic bytes, in any chunking, frame after frame', async () => {
		const plain = fixture('e2e/warning-radeon.log');
		const zst = fixtureBytes('compressed/warning-radeon.log.zst');
		expect(await decodeChunks([zst])).toBe(plain);
		expect(await decodeChunks(split(zst, [1, 3, 4, 5, 700, 701, 1500]))).toBe(plain);
		const two = fixtureBytes('compressed/warning-radeon-two-frames.log.zst');
		expect(await decodeChunks(split(two, [64, 128, 2000]))).toBe(plain + plain);
	});

	it('stops a Zstandard decompression bomb at the limit', async () => {
		const bomb = fixtureBytes('compressed/warning-radeon-20mb.log.zst');
		let out = 0;
		const read = async () => {
			for await (const t of decodeBytes(
				(async function* () {
					yield bomb;
				})(),
				{ maxDecompressedBytes: 1 << 20 }
			))
				out += t.length;
		};
		await expect(read()).rejects.toMatchObject({ code: 'decompression-bomb' });
		// what was decoded before the limit came out, and not much more than the limit
		expect(out).toBeGreaterThan(0);
		expect(out).toBeLessThanOrEqual(1 << 20);
	});

	it('reports a truncated Zstandard file as damaged', async () => {
		const zst = fixtureBytes('compressed/warning-radeon.log.zst');
		await expect(decodeChunks([zst.slice(0, zst.length - 200)])).rejects.toMatchObject({
			code: 'corrupt-compressed'
		});
	});

	/** the bytes in chunks of 1 to 7 bytes, over and over */
	const tiny = (bytes: Uint8Array) => {
		const out: Uint8Array[] = [];
		for (let i = 0, k = 0; i < bytes.length; i += 1 + (k++ % 7))
			out.push(bytes.slice(i, i + 1 + (k % 7)));
		return out;
	};
	const join = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
	/** what comes out before the decoder throws, and what it throws */
	async function decodeUntilError(
		chunks: Uint8Array[],
		maxDecompressedBytes = DEFAULT_LIMITS.maxDecompressedBytes
	): Promise<{ out: string; error: unknown }> {
		let out = '';
		try {
			for await (const t of decodeBytes(
				(async function* () {
					yield* chunks;
				})(),
				{ maxDecompressedBytes }
			))
				out += t;
		} catch (e) {
			return { out, error: e };
		}
		return { out, error: null };
	}

	it('decompresses xz recognised by its magic bytes, in any chunking, across output windows', async () => {
		for (const [xz, plain] of [
			['compressed/warning-radeon.log.xz', 'e2e/warning-radeon.log'],
			['compressed/fishlogs-dmesg-log.log.xz', 'output/fishlogs-dmesg-log.log']
		]) {
			const bytes = fixtureBytes(xz);
			const text = fixture(plain);
			expect(await decodeChunks([bytes]), xz).toBe(text);
			expect(await decodeChunks(split(bytes, [1, 3, 5, 6, 7, 700, 701, 1500])), xz).toBe(text);
			expect(await decodeChunks(tiny(bytes)), xz).toBe(text);
			// empty chunks between (xz-embedded takes a call without input as the input's end)
			expect(
				await decodeChunks(
					split(bytes, [0, 0, 6, 6, 900, 900]).flatMap((c) => [c, new Uint8Array(0)])
				),
				xz
			).toBe(text);
		}
	});

	it('reads concatenated xz streams and the stream padding between and after them', async () => {
		const xz = fixtureBytes('compressed/warning-radeon.log.xz');
		const plain = fixture('e2e/warning-radeon.log');
		const two = join(xz, xz);
		expect(await decodeChunks([two])).toBe(plain + plain);
		expect(await decodeChunks(tiny(two))).toBe(plain + plain);
		const padded = join(xz, new Uint8Array(8), xz, new Uint8Array(4));
		expect(await decodeChunks(split(padded, [1810, 1812, 1819]))).toBe(plain + plain);
		// padding that is not a multiple of 4 bytes is not xz data (xz itself calls the file
		// corrupt): the stream before it is read whole, without an error, and the note says so
		// (see xz-odd-padding.test.ts)
		const { out, error } = await decodeUntilError([join(xz, new Uint8Array(3))]);
		expect(out).toBe(plain);
		expect(error).toBeNull();
	});

	it('stops an xz decompression bomb at the limit', async () => {
		const bomb = fixtureBytes('compressed/warning-radeon-20mb.log.xz');
		const { out, error } = await decodeUntilError([bomb], 1 << 20);
		expect(error).toMatchObject({
			code: 'decompression-bomb',
			message: expect.stringContaining('expands to more than 1 MB')
		});
		// what was decoded before the limit came out, and no more than the limit
		expect(out.length).toBeGreaterThan(0);
		expect(out.length).toBeLessThanOrEqual(1 << 20);
		expect(fixture('e2e/warning-radeon.log').repeat(300).startsWith(out)).toBe(true);
	});

	it('reports a truncated or damaged xz file clearly, after what was decoded before the damage', async () => {
		const xz = fixtureBytes('compressed/fishlogs-dmesg-log.log.xz');
		const plain = fixture('output/fishlogs-dmesg-log.log');
		const cut = await decodeUntilError(tiny(xz.slice(0, 40_000)));
		expect(cut.error).toMatchObject({
			code: 'corrupt-compressed',
			message: 'The compressed file is truncated: it ends in the middle of its data.'
		});
		expect(cut.out.length).toBeGreaterThan(100_000);
		expect(plain.startsWith(cut.out)).toBe(true);
		// cut inside the stream's index or footer: every byte of text came out, the end is missing
		const end = await decodeUntilError([xz.slice(0, xz.length - 6)]);
		expect(end.out).toBe(plain);
		expect(end.error).toMatchObject({ code: 'corrupt-compressed' });
		// a byte changed: the block's check fails or the data stops making sense
		const bad = xz.slice();
		bad[50_000] ^= 0x55;
		const damaged = await decodeUntilError([bad]);
		expect(damaged.error).toMatchObject({
			code: 'corrupt-compressed',
			message: 'The compressed file is damaged or truncated.'
		});
		expect(damaged.out.length).toBeGreaterThan(0);
		expect(damaged.out.slice(0, 10_000)).toBe(plain.slice(0, 10_000));
	});

	it('says what to do with an xz file whose options are not read (a SHA-256 check)', async () => {
		// stream flags byte 7 names the check (0x0a SHA-256), bytes 8-11 are their CRC32
		const xz = fixtureBytes('compressed/warning-radeon.log.xz');
		const sha = xz.slice();
		sha[7] = 0x0a;
		new DataView(sha.buffer).setUint32(8, crc32(sha.subarray(6, 8)), true);
		const { out, error } = await decodeUntilError([sha]);
		expect(out).toBe('');
		expect(error).toMatchObject({
			code: 'corrupt-compressed',
			message: expect.stringContaining('SHA-256 check')
		});
		expect((error as Error).message).toContain('xz -dk FILE');
	});

	it('passes an error reading an .xz file on as it is, after the text decoded before it', async () => {
		const xz = fixtureBytes('compressed/fishlogs-dmesg-log.log.xz');
		const failure = new InputError('read', 'The file could not be read: gone');
		let out = '';
		const read = async () => {
			for await (const t of decodeBytes(
				(async function* () {
					yield xz.slice(0, 30_000);
					throw failure;
				})()
			))
				out += t;
		};
		await expect(read()).rejects.toBe(failure);
		expect(out.length).toBeGreaterThan(0);
		expect(fixture('output/fishlogs-dmesg-log.log').startsWith(out)).toBe(true);
	});

	it('releases the xz decoder when reading stops early, so the next xz input is read', async () => {
		const bomb = fixtureBytes('compressed/warning-radeon-20mb.log.xz');
		for await (const t of decodeBytes(
			(async function* () {
				yield bomb;
			})()
		)) {
			expect(t.length).toBeGreaterThan(0);
			break;
		}
		await decodeUntilError([bomb], 1 << 16);
		// xz-decompress lets one decoder run at a time: one left open would make this wait forever
		expect(await decodeChunks([fixtureBytes('compressed/warning-radeon.log.xz')])).toBe(
			fixture('e2e/warning-radeon.log')
		);
	}, 10_000);

	it('inflates gzip recognised by its magic bytes', async () => {
		const bytes = new TextEncoder().encode('[    1.000000] héllo\n'.repeat(100));
		expect(await decodeChunks(split(gzip(bytes), [7, 100, 101]))).toBe(
			'[    1.000000] héllo\n'.repeat(100)
		);
	});
});

describe('binary formats people drop instead of a text log', () => {
	const bytes = (...parts: Array<string | number[]>) =>
		new Uint8Array(
			parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p))
		);
	const cases: Array<[string, Uint8Array, RegExp]> = [
		['systemd journal', bytes('LPKSHHRH', [0, 0, 0, 0, 1, 0, 0, 0]), /journalctl -k --file/],
		['ELF vmcore', bytes([0x7f], 'ELF', [2, 1, 1, 0]), /makedumpfile --dump-dmesg/],
		['kdump compressed vmcore', bytes('KDUMP   ', [6, 0, 0, 0]), /kdump vmcore/],
		['flattened vmcore', bytes('makedumpfile', [0, 0, 0, 0]), /kdump vmcore/],
		['diskdump', bytes('DISKDUMP', [1, 0, 0, 0]), /kdump vmcore/],
		['bzip2', bytes('BZh91AY&SY'), /bunzip2/],
		['lz4', bytes([0x04, 0x22, 0x4d, 0x18, 0x64, 0x40]), /lz4 -d/],
		['7-Zip', bytes('7z', [0xbc, 0xaf, 0x27, 0x1c, 0, 4]), /7-Zip archive/]
	];

	it('names each one and says what to do', () => {
		for (const [name, head, advice] of cases) expect(notTextAdvice(head), name).toMatch(advice);
	});

	it('leaves text alone, including text that starts like a magic number', () => {
		for (const text of [
			'[    0.000000] Linux version 6.8.0\n',
			'BZh is not a block size\n',
			'PK lines\n',
			'LPKSHHR\n',
			''
		])
			expect(notTextAdvice(new TextEncoder().encode(text)), text).toBeNull();
	});

	// a file of random bytes (a disk image, a memory dump, an encrypted file) had no such note: it
	// was read as 76 lines of `binary or control characters` and only asked whether it was a log
	const random = (n: number, seed: number) => {
		const out = new Uint8Array(n);
		let x = seed;
		for (let i = 0; i < n; i++) {
			x = (Math.imul(x, 1103515245) + 12345) >>> 0;
			out[i] = x >>> 24;
		}
		return out;
	};

	it('says that any other binary data is not text', () => {
		for (let seed = 1; seed <= 50; seed++)
			expect(notTextAdvice(random(512, seed)), `seed ${seed}`).toMatch(/binary data, not text/);
		// a PNG image: its signature, then compressed data
		const png = random(512, 7);
		png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(notTextAdvice(png)).toMatch(/binary data, not text/);
	});

	it('leaves real logs with a few odd bytes alone', () => {
		const real = join(FIXTURES, 'formats', 'real');
		// the bit-flipped console-ramoops (bytes that are not UTF-8 on most lines), a last_kmsg
		// with NUL stretches, a syslog file, a dmesg
		for (const f of [
			'cykeek-stuff-console-ramoops-0.log',
			'dns-airtab-m973w-enginee-kernel-log-last-kmsg.log',
			'izassafar-one-kern-log.log',
			'linux-bug-dmesg-out.log'
		]) {
			const b = new Uint8Array(readFileSync(join(real, f)));
			for (let at = 0; at + 512 <= b.length; at += 4096)
				expect(notTextAdvice(b.subarray(at, at + 512)), `${f} at ${at}`).toBeNull();
		}
		// a German kern.log in Latin-1 (`Mär` is M, 0xE4, r), and a log after a NUL stretch
		const latin1 = Uint8Array.from(
			'M\u00e4r  4 10:00:01 host kernel: [    1.000000] \u00e4\u00f6\u00fc\u00df\n'.repeat(8),
			(c) => c.charCodeAt(0)
		);
		expect(notTextAdvice(latin1)).toBeNull();
		const holed = new Uint8Array(512);
		holed.set(
			new TextEncoder().encode('Jul 16 08:47:03 ubuntu kernel: [    0.000000] Booting'),
			300
		);
		expect(notTextAdvice(holed)).toBeNull();
	});

	it('is told for random bytes through the decoder, short or long', async () => {
		for (const n of [40, 511, 20000]) {
			const notes: string[] = [];
			async function* src() {
				yield random(n, n);
			}
			for await (const t of decodeBytes(src(), undefined, undefined, (m) => notes.push(m)))
				expect(typeof t).toBe('string');
			expect(notes, `${n} bytes`).toEqual([expect.stringMatching(/binary data, not text/)]);
		}
	});

	it('is told through the decoder, also when the first bytes come one at a time or gzip-compressed', async () => {
		for (const [name, head, advice] of cases) {
			for (const chunks of [[head], Array.from(head, (b) => new Uint8Array([b])), [gzip(head)]]) {
				const notes: string[] = [];
				async function* src() {
					yield* chunks;
				}
				const read = async () => {
					for await (const t of decodeBytes(src(), undefined, undefined, (n) => notes.push(n)))
						expect(typeof t).toBe('string');
				};
				// a compression not read is refused, its advice the error's message (bzip2-refused.test.ts)
				if (name === 'bzip2' || name === 'lz4') {
					await expect(read(), name).rejects.toThrow(advice);
					expect(notes, name).toEqual([]);
					continue;
				}
				await read();
				expect(notes.length, name).toBe(1);
				expect(notes[0], name).toMatch(advice);
			}
		}
	});
});
