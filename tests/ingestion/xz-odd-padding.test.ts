/**
 * xz's stream padding is zero bytes in a multiple of 4. Zero bytes after a stream that are not
 * (1 to 3 past the last 4), alone or followed by other bytes (text, another stream), had been
 * handed to xz-embedded, which failed: "Incomplete", the CLI exiting 2, though the stream before
 * them was read whole (`xz -d` calls the file corrupt, after giving all its text). They are told
 * apart as other bytes after a .xz are: the xz data ends where the padding's last 4 end, and the
 * note says how many bytes after it were not read. Padding in fours is still read without a word.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/lib/output/json.ts';
import { analyzeStream } from '../../src/lib/pipeline.ts';
import { bundleCli } from '../support/cli-bundle.ts';
import { ROOT } from '../output/helpers.ts';
import { chunked } from '../support/streams.ts';

const { tmp, cli: CLI } = bundleCli('necroscope-xz-padding-');

const XZ = new Uint8Array(readFileSync(join(ROOT, 'fixtures/compressed/warning-radeon.log.xz')));
const LINES = 53;
const TEXT = Buffer.from('[    1.000000] a line appended after the file\n');
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const zeros = (n: number) => new Uint8Array(n);
const fmt = (n: number) => n.toLocaleString('en-US');

const analyse = (bytes: Uint8Array, size = 4096) => analyzeStream(chunked(bytes, size));

/**
 * the note on `after` bytes after xz data that ends at byte `end`; `what` says what they are and
 * `rest` what follows "not read" (the command that prints text)
 */
const note = (end: number, after: number, what = '', rest = '') =>
	`The compressed file is followed by bytes that are not xz data ("trailing garbage"): its xz data ends at byte ${fmt(end)} and was read whole, and the ${fmt(after)} ${after === 1 ? 'byte' : 'bytes'} after it${what} ${after === 1 ? 'was' : 'were'} not read${rest}.`;
/** the note's words on `odd` zero bytes: alone, and then text starting at byte `at` (from 1) */
const zerosAlone = (odd: number) => (odd === 1 ? ' (a zero byte)' : ' (zero bytes)');
const zerosThenText = (odd: number, at: number) => [
	` (${odd === 1 ? 'a zero byte' : `${odd} zero bytes`}, then text)`,
	`: \`tail -c +${at} FILE\` prints the text, to analyse apart`
];

describe('xz stream padding that is not a multiple of 4', () => {
	it('at the end of the file: the stream read whole, the report complete, the odd zero bytes named', async () => {
		for (const n of [1, 2, 3, 5, 7, 4097]) {
			const bytes = cat(XZ, zeros(n));
			const r = await analyse(bytes);
			expect(r.input.lines_total, String(n)).toBe(LINES);
			// what they are is said, as text after a .xz is (`(text)`)
			expect(r.input.warnings, String(n)).toEqual([
				note(XZ.length + n - (n % 4), n % 4, zerosAlone(n % 4))
			]);
			const json = formatJson(r);
			for (const size of [1, 3, 61, bytes.length])
				expect(formatJson(await analyse(bytes, size)), `${n} in ${size}`).toBe(json);
		}
	});

	it('followed by text or another stream: the same, the bytes from the odd zeros on not read', async () => {
		for (const [what, after] of [
			['text', TEXT],
			['another stream', XZ]
		] as const)
			for (const n of [3, 6]) {
				const bytes = cat(XZ, zeros(n), after);
				const end = XZ.length + n - (n % 4);
				const r = await analyse(bytes, 61);
				expect(r.input.lines_total, `${what} ${n}`).toBe(LINES);
				// text after the odd zero bytes is said to be, with where it starts (the note had
				// lacked "text", which it says of text right after the xz data); another stream's
				// bytes are not text
				const words = what === 'text' ? zerosThenText(n % 4, bytes.length - after.length + 1) : [];
				expect(r.input.warnings, `${what} ${n}`).toEqual([note(end, bytes.length - end, ...words)]);
			}
	});

	it('padding in fours is still read without a note, between streams and at the end', async () => {
		const r = await analyse(cat(XZ, zeros(4), XZ, zeros(12)), 5);
		expect(r.input.warnings).toEqual([]);
		expect(r.input.lines_total).toBe(2 * LINES);
	});

	it('the CLI: complete, exit 0 (it had exited 2, "Incomplete")', () => {
		const file = join(tmp, 'dmesg.log.xz');
		writeFileSync(file, cat(XZ, zeros(3), TEXT));
		const r = spawnSync(process.execPath, [CLI, '--format', 'json', file], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		expect(r.status).toBe(0);
		expect(r.stderr).toBe('');
		expect(JSON.parse(r.stdout).input.warnings).toEqual([
			note(XZ.length, 3 + TEXT.length, ...zerosThenText(3, XZ.length + 4))
		]);
	});
});
