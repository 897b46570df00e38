/**
 * A .zst or .xz followed by other bytes (a log appended to it, a download's junk) is read whole:
 * where its compressed data ends is told from its own structure (Zstandard's frame and block
 * headers, xz's stream footers), and the decoder is never handed the bytes after it. The xz
 * decoder had dropped its last output window when it met them (the fishlogs dmesg followed by a
 * plain log kept 3,956 of its 4,509 lines; a small .xz followed by text, none), and both were
 * called "Incomplete" (the CLI exiting 2) though nothing of the log had to be lost. The note says
 * where the data ends and that the bytes after it were not read, as a .gz's does.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/lib/output/json.ts';
import { analyzeStream } from '../../src/lib/pipeline.ts';
import { bundleCli } from '../support/cli-bundle.ts';
import { OUTPUT_FIXTURES, ROOT } from '../output/helpers.ts';
import { chunked } from '../support/streams.ts';

const { tmp, cli: CLI } = bundleCli('necroscope-trailing-');

const COMPRESSED = join(ROOT, 'fixtures', 'compressed');
const read = (name: string) => new Uint8Array(readFileSync(join(COMPRESSED, name)));
const PLAIN = readFileSync(join(OUTPUT_FIXTURES, 'linux-bug-dmesg-out.log'));
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const fmt = (n: number) => n.toLocaleString('en-US');

const analyse = (bytes: Uint8Array, size = 65536) => analyzeStream(chunked(bytes, size));

/** a Zstandard skippable frame (magic 0x184D2A53, then its length and its bytes) */
function skippable(text: string): Uint8Array {
	const body = Buffer.from(text);
	const head = Buffer.alloc(8);
	head.writeUInt32LE(0x184d2a53, 0);
	head.writeUInt32LE(body.length, 4);
	return cat(head, body);
}

const CASES: { file: string; what: string }[] = [
	// 4 blocks of Zstandard (461,335 bytes of text)
	{ file: 'fishlogs-dmesg-log.log.xz', what: 'xz' },
	{ file: 'warning-radeon.log.xz', what: 'xz' },
	{ file: 'warning-radeon.log.zst', what: 'Zstandard' },
	{ file: 'warning-radeon-two-frames.log.zst', what: 'Zstandard' }
];

describe('a .zst or .xz followed by other bytes', () => {
	for (const { file, what } of CASES) {
		it(`${file} then a plain log: every line of its data read, the report complete, the note says what follows`, async () => {
			const whole = read(file);
			const sound = await analyse(whole);
			const bytes = cat(whole, PLAIN);
			const r = await analyse(bytes);
			expect(r.input.lines_total).toBe(sound.input.lines_total);
			expect(r.input.bytes).toBe(bytes.length);
			expect(r.input.warnings).toEqual([
				`The compressed file is followed by bytes that are not ${what} data ("trailing garbage"): its ${what} data ends at byte ${fmt(whole.length)} and was read whole, and the ${fmt(PLAIN.length)} bytes after it (text) were not read: \`tail -c +${whole.length + 1} FILE\` prints them, to analyse apart.`,
				...sound.input.warnings
			]);
			expect(r.summary.headline).toBe(sound.summary.headline);
			// the same report whatever the chunks
			const json = formatJson(r);
			for (const size of [1, 61, 4096, bytes.length])
				expect(formatJson(await analyse(bytes, size))).toBe(json);
		});

		it(`${file} then 1, 2, 3 or 5 other bytes: the same`, async () => {
			const whole = read(file);
			const lines = (await analyse(whole)).input.lines_total;
			for (const junk of ['x', '\r\n', '\x01\x02\x03', '\xfd7zXY']) {
				const r = await analyse(cat(whole, Buffer.from(junk, 'latin1')), 61);
				expect(r.input.lines_total).toBe(lines);
				expect(r.input.warnings.join('\n')).toContain(
					`its ${what} data ends at byte ${fmt(whole.length)} and was read whole, and the ${junk.length} ${junk.length === 1 ? 'byte' : 'bytes'} after it`
				);
			}
		});
	}

	it('zero bytes after the data, then text: the note says so, and where the text starts; zero bytes alone are said to be', async () => {
		// a .zst's zero bytes are no frame; an .xz's past the last 4 of its padding (6: 2 past)
		for (const [file, what, zeros, odd] of [
			['warning-radeon.log.zst', 'Zstandard', 4, 4],
			['warning-radeon.log.zst', 'Zstandard', 1, 1],
			['warning-radeon.log.xz', 'xz', 6, 2]
		] as const) {
			const whole = read(file);
			const end = whole.length + zeros - odd;
			const text = Buffer.from('[    1.000000] a line appended after the zero bytes\n');
			const bytes = cat(whole, new Uint8Array(zeros), text);
			const r = await analyse(bytes, 61);
			// it had said neither that they were zero bytes nor that text followed (looked at with
			// the zero bytes, it was not text)
			expect(r.input.warnings, `${file} ${zeros}`).toEqual([
				`The compressed file is followed by bytes that are not ${what} data ("trailing garbage"): its ${what} data ends at byte ${fmt(end)} and was read whole, and the ${fmt(bytes.length - end)} bytes after it (${odd === 1 ? 'a zero byte' : `${odd} zero bytes`}, then text) were not read: \`tail -c +${bytes.length - text.length + 1} FILE\` prints the text, to analyse apart.`
			]);
			const alone = await analyse(cat(whole, new Uint8Array(odd)), 61);
			expect(alone.input.warnings, `${file} ${odd}`).toEqual([
				`The compressed file is followed by bytes that are not ${what} data ("trailing garbage"): its ${what} data ends at byte ${fmt(whole.length)} and was read whole, and the ${odd} ${odd === 1 ? 'byte' : 'bytes'} after it (${odd === 1 ? 'a zero byte' : 'zero bytes'}) ${odd === 1 ? 'was' : 'were'} not read.`
			]);
		}
	});

	it('what the formats allow after their data is still read without a note: zstd skippable frames, xz stream padding and a second stream', async () => {
		const zst = read('warning-radeon.log.zst');
		const one = (await analyse(zst)).input.lines_total;
		for (const bytes of [
			cat(zst, skippable('a note'), zst),
			cat(zst, skippable('')),
			cat(zst, zst)
		]) {
			const r = await analyse(bytes, 7);
			expect(r.input.warnings).toEqual([]);
			expect(r.input.lines_total % one).toBe(0);
		}
		const skipThenText = await analyse(cat(zst, skippable('a note'), PLAIN));
		expect(skipThenText.input.warnings[0]).toContain(
			`its Zstandard data ends at byte ${fmt(zst.length + 14)} and was read whole`
		);
		const xz = read('warning-radeon.log.xz');
		const xzOne = (await analyse(xz)).input.lines_total;
		const padded = await analyse(cat(xz, new Uint8Array(8), xz, new Uint8Array(4)), 5);
		expect(padded.input.warnings).toEqual([]);
		expect(padded.input.lines_total).toBe(2 * xzOne);
		// zero padding, then text: the text starts where the padding ends
		const padThenText = await analyse(cat(xz, new Uint8Array(4), PLAIN));
		expect(padThenText.input.warnings[0]).toContain(
			`its xz data ends at byte ${fmt(xz.length + 4)} and was read whole`
		);
	});

	it('damage inside the data is still told as before: a cut or flipped .xz is incomplete', async () => {
		const xz = read('fishlogs-dmesg-log.log.xz');
		const cut = await analyse(cat(xz.subarray(0, 40_000), PLAIN));
		expect(cut.input.warnings.join('\n')).toMatch(/^Incomplete: The compressed file is/m);
	});

	it('the CLI: a .xz with text after it is a complete report, exit 0', () => {
		const f = join(tmp, 'fishlogs-then-text.log.xz');
		writeFileSync(f, cat(read('fishlogs-dmesg-log.log.xz'), PLAIN));
		const r = spawnSync(process.execPath, [CLI, '--format', 'json', f], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		expect(r.status).toBe(0);
		expect(r.stderr).toBe('');
		const report = JSON.parse(r.stdout);
		expect(report.input.lines_total).toBe(4509);
		expect(report.input.warnings[0]).toMatch(
			/^The compressed file is followed by bytes that are not xz data/
		);
	});
});
