/**
 * A Zstandard frame that records a content checksum (the low 32 bits of the XXH64 of its text,
 * `zstd`'s default) is checked against it, as a .gz's CRC is: fzstd checks none, and a flipped
 * byte in a .zst had given other text without a word (`zstd -t`: "Restored data doesn't match
 * checksum"). Everything is still read; the report says the data is damaged, the CLI exits 2, the
 * same in any chunking and in the page's path.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/lib/output/json.ts';
import { analyzeStream } from '../../src/lib/pipeline.ts';
import { bundleCli } from '../support/cli-bundle.ts';
import { ROOT } from '../output/helpers.ts';
import { chunked, fileStream } from '../support/streams.ts';

const { tmp, cli: CLI } = bundleCli('necroscope-zstd-checksum-');

const read = (name: string) =>
	new Uint8Array(readFileSync(join(ROOT, 'fixtures', 'compressed', name)));
/** `zstd -19` of warning-radeon.log: one frame of 1,749 bytes, its checksum in the last 4 */
const ZST = read('warning-radeon.log.zst');
const LINES = 53;
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

function flipped(bytes: Uint8Array, at: number, bit = 0x04): Uint8Array {
	const b = Uint8Array.from(bytes);
	b[at] ^= bit;
	return b;
}

/** the frame without its checksum: the flag cleared in its header, the last 4 bytes dropped */
function unchecked(frame: Uint8Array): Uint8Array {
	const b = Uint8Array.from(frame.subarray(0, frame.length - 4));
	b[4] &= ~0x04;
	return b;
}

const analyse = (bytes: Uint8Array, size = 4096) => analyzeStream(chunked(bytes, size));
const DAMAGED = (which: string) =>
	`Incomplete: The compressed file is damaged: ${which} does not decompress to the checksum (XXH64) its Zstandard frame records, so some of what was read is wrong. This report covers only the first ${LINES} lines.`;

describe('a .zst whose content checksum does not match', () => {
	it('sound frames, checked or not, are read without a note', async () => {
		for (const bytes of [ZST, unchecked(ZST), read('warning-radeon-two-frames.log.zst')]) {
			const r = await analyse(bytes, 61);
			expect(r.input.warnings).toEqual([]);
		}
		// 20 MiB of text in one frame of many blocks
		const big = await analyse(read('warning-radeon-20mb.log.zst'), 65536);
		expect(big.input.warnings).toEqual([]);
	});

	it('a flipped byte that still decompresses, to other text: every line read, the report says its data is damaged', async () => {
		// a byte of a compressed block `zstd -t` finds only by the checksum
		const bad = flipped(ZST, 69);
		const r = await analyse(bad);
		expect(r.input.lines_total).toBe(LINES);
		expect(r.input.warnings).toEqual([DAMAGED('its data')]);
		// the checksum's own bytes
		expect((await analyse(flipped(ZST, ZST.length - 1))).input.warnings).toEqual([
			DAMAGED('its data')
		]);
		// without a checksum the same flip goes unseen: nothing to check it against
		expect((await analyse(flipped(unchecked(ZST), 69))).input.warnings).toEqual([]);
	});

	it('of two frames, the one that fails is named', async () => {
		const r = await analyse(cat(ZST, flipped(ZST, ZST.length - 2)), 61);
		expect(r.input.warnings[0]).toBe(
			DAMAGED('its frame 2 of 2').replace(`first ${LINES} `, `first ${2 * LINES} `)
		);
		// a skippable frame between them is no frame of the count
		const skip = Uint8Array.of(0x50, 0x2a, 0x4d, 0x18, 1, 0, 0, 0, 0x21);
		const r2 = await analyse(cat(flipped(ZST, 69), skip, ZST), 61);
		expect(r2.input.warnings[0]).toContain('its frame 1 of 2 does not decompress');
	});

	it('the CLI (exit 2), the page path and every chunking give the same report', async () => {
		const bad = flipped(ZST, 69);
		const file = join(tmp, 'dmesg.log.zst');
		writeFileSync(file, bad);
		const cli = spawnSync(process.execPath, [CLI, '--format', 'json', file], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		expect(cli.status).toBe(2);
		expect(cli.stderr).toContain(
			'dmesg.log.zst: The compressed file is damaged: its data does not decompress to the checksum (XXH64)'
		);
		const json = JSON.parse(cli.stdout);
		expect(json.input.warnings).toEqual([DAMAGED('its data')]);
		const page = formatJson(
			await analyzeStream(fileStream(bad), {
				name: 'dmesg.log.zst',
				pause: () => new Promise<void>((r) => setTimeout(r, 1))
			})
		);
		expect(page).toBe(cli.stdout);
		for (const size of [1, 61, 1024, 4096, bad.length])
			expect(
				formatJson(await analyzeStream(chunked(bad, size), { name: 'dmesg.log.zst' })),
				String(size)
			).toBe(cli.stdout);
	});
});
