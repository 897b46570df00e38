/**
 * A damaged .gz gives one report however its bytes arrive: through the CLI (a file read in 1 MiB
 * chunks), through the page's path (a File's stream, the worker pausing between windows) and in
 * chunks of 1, 61, 4096 and 65536 bytes or whole. The platform's DecompressionStream drops what
 * it had decoded but not handed on when it fails, an amount that depends on the chunks and on how
 * fast the reader reads: a dmesg member followed by a plain log had lost 59 of its 978 lines read
 * whole and none in 61-byte chunks. Chromium's decoder also stops at a second gzip member, which
 * Node's reads. Such an input is read a second time, from its first byte, by fflate in pieces of
 * one size, each member's checksum checked (decode.ts, gunzipChecked).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/lib/output/json.ts';
import { decompressed } from '../../src/lib/ingestion/decode.ts';
import { analyzeStream, type AnalyzeOptions, type Progress } from '../../src/lib/pipeline.ts';
import { bundleCli } from '../support/cli-bundle.ts';
import { OUTPUT_FIXTURES, ROOT } from '../output/helpers.ts';
import { chunked, fileStream } from '../support/streams.ts';

const { tmp, cli: CLI } = bundleCli('necroscope-gzip-damaged-');

const DMESG = readFileSync(join(OUTPUT_FIXTURES, 'raspberrypi3router-dmesg-txt.log'));
const PLAIN = readFileSync(join(OUTPUT_FIXTURES, 'linux-bug-dmesg-out.log'));
const member = gzipSync(DMESG);
const lines = (b: Uint8Array) => new TextDecoder().decode(b).split('\n').length - 1;

const flipped = (() => {
	// one byte of the compressed data flipped: here the data still inflates, to other text
	const b = Uint8Array.from(member);
	b[Math.floor(b.length / 2)] ^= 0xff;
	return b;
})();

const INPUTS: Record<string, Uint8Array> = {
	// `gzip -t`: "decompression OK, trailing garbage ignored"
	'a dmesg member then a plain log': new Uint8Array(Buffer.concat([member, PLAIN])),
	// `gzip -t`: "invalid compressed data--crc error"
	'one byte of its compressed data flipped': flipped,
	'cut 100 bytes before its end': member.subarray(0, member.length - 100),
	// `cat a.gz b.gz`: Chromium's DecompressionStream reads the first member only
	'two members': new Uint8Array(Buffer.concat([member, gzipSync(PLAIN)])),
	// zero bytes after the data (a block device's padding): ignored, as Node's zlib ignores them
	'zero bytes after its data': new Uint8Array(Buffer.concat([member, Buffer.alloc(5000)])),
	// ...and a log appended after them, which Node's zlib dropped without a word
	'zero bytes after its data, then a plain log': new Uint8Array(
		Buffer.concat([member, Buffer.alloc(512), PLAIN])
	)
};

const pause = () => new Promise<void>((r) => setTimeout(r, 1));

async function report(
	source: () => AsyncIterable<Uint8Array>,
	name: string,
	extra: AnalyzeOptions = {}
): Promise<string> {
	return formatJson(await analyzeStream(source(), { name, reread: source, ...extra }));
}

function cliJson(file: string): string {
	const r = spawnSync(process.execPath, [CLI, '--format', 'json', file], {
		cwd: ROOT,
		encoding: 'utf8'
	});
	return r.stdout;
}

describe('a damaged .gz: one report whatever the chunks', () => {
	for (const [what, bytes] of Object.entries(INPUTS)) {
		it(`${what}: the CLI, the page's path and every chunking give byte-identical JSON`, async () => {
			const name = 'dmesg.txt.gz';
			const file = join(tmp, name);
			writeFileSync(file, bytes);
			const cli = cliJson(file);
			expect(cli).not.toBe('');
			const page = await report(() => fileStream(bytes), name, { pause });
			expect(page).toBe(cli);
			for (const size of [1, 61, 4096, 65536, bytes.length])
				expect(await report(() => chunked(bytes, size), name)).toBe(cli);
			// without a second source (standard input): the bytes kept as they were read
			expect(formatJson(await analyzeStream(chunked(bytes, 61), { name }))).toBe(cli);
		});
	}

	const warnings = async (bytes: Uint8Array) => {
		const r = await analyzeStream(chunked(bytes, 4096), { reread: () => chunked(bytes, 4096) });
		return { r, text: r.input.warnings.join('\n') };
	};

	it('trailing garbage: the member is read whole, the report is complete, the note says where the gzip data ends and that the text after it was not read', async () => {
		const { r, text } = await warnings(INPUTS['a dmesg member then a plain log']);
		expect(r.input.lines_total).toBe(lines(DMESG));
		expect(text).toContain(
			`its gzip data ends at byte ${member.length.toLocaleString('en-US')} and was read whole, and the ${PLAIN.length.toLocaleString('en-US')} bytes after it (text) were not read: \`tail -c +${member.length + 1} FILE\` prints them`
		);
		// nothing of the gzip data was lost: not "Incomplete", and the headline is of the whole log
		expect(text).not.toContain('Incomplete');
		expect(r.summary.headline).not.toMatch(/first [\d,]+ lines/);
		// bytes that are not text are not called text
		const binary = await warnings(
			new Uint8Array(Buffer.concat([member, Buffer.from([0x80, 0x01, 0xfe, 0x02, 0x99, 0x7f])]))
		);
		expect(binary.text).toContain('and the 6 bytes after it were not read.');
	});

	it('the second reading is told in the progress: from 0 again, marked `again`, never a silent jump back', async () => {
		const bytes = INPUTS['a dmesg member then a plain log'];
		const seen: Progress[] = [];
		await analyzeStream(chunked(bytes, 4096), {
			reread: () => chunked(bytes, 4096),
			progressEvery: 100,
			onProgress: (p) => seen.push({ ...p })
		});
		const first = seen.findIndex((p) => p.again === true);
		expect(first).toBeGreaterThan(0);
		// told at once, before any of the second reading's bytes
		expect(seen[first]).toMatchObject({ bytes: 0, lines: 0, done: false });
		expect(seen.slice(0, first).every((p) => p.again === undefined)).toBe(true);
		expect(seen.slice(first).every((p) => p.again === true)).toBe(true);
		// a sound .gz is read once: never `again`
		const sound: Progress[] = [];
		await analyzeStream(chunked(member, 4096), {
			reread: () => chunked(member, 4096),
			progressEvery: 100,
			onProgress: (p) => sound.push(p)
		});
		expect(sound.some((p) => p.again !== undefined)).toBe(false);
	});

	it("1 to 3 bytes after the data: the trailer is found where the member ends, not at the input's end", async () => {
		for (const junk of ['x', 'ab', '\r\n!', 'abcd']) {
			const bytes = new Uint8Array(Buffer.concat([member, Buffer.from(junk, 'latin1')]));
			for (const size of [1, 4096, bytes.length]) {
				const r = await analyzeStream(chunked(bytes, size), {
					reread: () => chunked(bytes, size)
				});
				const text = r.input.warnings.join('\n');
				expect(r.input.lines_total).toBe(lines(DMESG));
				// it had said that the data did not decompress to its checksum
				expect(text).not.toContain('checksum');
				expect(text).toContain(
					`its gzip data ends at byte ${member.length.toLocaleString('en-US')} and was read whole, and the ${junk.length} ${junk.length === 1 ? 'byte' : 'bytes'} after it`
				);
			}
		}
		// a next member cut inside its header: truncated, the first member's checksum right
		const cutHeader = await warnings(
			new Uint8Array(Buffer.concat([member, Buffer.from([0x1f, 0x8b, 8, 8, 0x61, 0x62])]))
		);
		expect(cutHeader.r.input.lines_total).toBe(lines(DMESG));
		expect(cutHeader.text).toContain('The compressed file is truncated');
		expect(cutHeader.text).not.toContain('checksum');
		// a damaged member followed by 2 bytes is still damaged
		const bad = await warnings(new Uint8Array(Buffer.concat([flipped, Buffer.from('ab')])));
		expect(bad.text).toContain('does not decompress to the size and checksum (CRC)');
	});

	it('two members and zero padding read as Node reads them, without a note', async () => {
		const two = await warnings(INPUTS['two members']);
		expect(two.r.input.lines_total).toBe(lines(DMESG) + lines(PLAIN));
		expect(two.text).not.toContain('compressed file');
		const zeros = await warnings(INPUTS['zero bytes after its data']);
		expect(zeros.r.input.lines_total).toBe(lines(DMESG));
		expect(zeros.text).not.toContain('compressed file');
	});

	it('zero bytes, then text: the member is read whole, and the note says what followed it, in the CLI (exit 0) and the page’s paths', async () => {
		const bytes = INPUTS['zero bytes after its data, then a plain log'];
		const note = `The compressed file is followed by bytes that are not gzip data ("trailing garbage"): its gzip data ends at byte ${member.length.toLocaleString('en-US')} and was read whole, and the ${(512 + PLAIN.length).toLocaleString('en-US')} bytes after it (512 zero bytes, then text) were not read: \`tail -c +${member.length + 512 + 1} FILE\` prints the text, to analyse apart.`;
		// Node's decoder (the CLI's, and the page's where its browser reads zero bytes as Node does)
		const { r } = await warnings(bytes);
		expect(r.input.lines_total).toBe(lines(DMESG));
		expect(r.input.warnings).toContain(note);
		expect(r.input.warnings.join('\n')).not.toContain('Incomplete');
		// the second reading alone, as in Chromium, whose decoder stops at the zero bytes
		const notes: string[] = [];
		let text = 0;
		for await (const b of decompressed(chunked(bytes, 61), 'gzip', 2 ** 32, (n) => notes.push(n)))
			text += b.length;
		expect(text).toBe(DMESG.length);
		expect(notes).toEqual([note]);
		// the CLI: the same note, a complete report
		const file = join(tmp, 'zeros-then-text.log.gz');
		writeFileSync(file, bytes);
		const cli = spawnSync(process.execPath, [CLI, '--format', 'json', file], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		expect(cli.status).toBe(0);
		expect(JSON.parse(cli.stdout).input.warnings).toContain(note);
		// zero bytes, then bytes that are not text: not called text
		const binary = await warnings(
			new Uint8Array(Buffer.concat([member, Buffer.alloc(3), Buffer.from([0x80, 0x01, 0xfe])]))
		);
		expect(binary.text).toContain('and the 6 bytes after it were not read.');
	});

	it('a flipped byte: everything is read, and the note says the checksum does not match', async () => {
		const { r, text } = await warnings(INPUTS['one byte of its compressed data flipped']);
		expect(r.input.lines_total).toBeGreaterThan(lines(DMESG) - 5);
		expect(text).toContain('does not decompress to the size and checksum (CRC)');
	});

	it('a cut file: what its bytes hold is read, and the note says it is truncated', async () => {
		const { r, text } = await warnings(INPUTS['cut 100 bytes before its end']);
		expect(r.input.lines_total).toBeGreaterThan(lines(DMESG) - 10);
		expect(text).toContain('The compressed file is truncated');
	});
});

describe('a damaged .zst or .xz: one report whatever the chunks', () => {
	const COMPRESSED = join(ROOT, 'fixtures', 'compressed');
	for (const file of ['warning-radeon.log.zst', 'fishlogs-dmesg-log.log.xz']) {
		const whole = new Uint8Array(readFileSync(join(COMPRESSED, file)));
		const flippedCopy = Uint8Array.from(whole);
		flippedCopy[Math.floor(whole.length / 2)] ^= 0xff;
		const damaged: Record<string, Uint8Array> = {
			cut: whole.subarray(0, Math.floor(whole.length * 0.6)),
			flipped: flippedCopy,
			'followed by text': new Uint8Array(Buffer.concat([whole, PLAIN]))
		};
		for (const [what, bytes] of Object.entries(damaged)) {
			it(`${file} ${what}: chunks of 1, 61, 4096, 65536 bytes or whole give byte-identical JSON`, async () => {
				// the JSON, or the error when not a line was read before the damage
				const outcome = (size: number) =>
					analyzeStream(chunked(bytes, size)).then(formatJson, (e: Error) => e.message);
				const first = await outcome(bytes.length);
				for (const size of [1, 61, 4096, 65536]) expect(await outcome(size)).toBe(first);
			});
		}
	}
});
