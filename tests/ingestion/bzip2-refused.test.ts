/**
 * bzip2 (and lz4) is not read (INGESTION.md, Compressed input). A `.bz2` had been read as lines of
 * its compressed bytes, "6 lines not understood" beside the note that said so, the verdict "No
 * kernel log" and the CLI's exit status 0, as if a log had been looked at. It is now refused as an
 * input that cannot be read is (a compressed file whose data cannot be decompressed): the message
 * says that bzip2 is not read and how to decompress it, nothing is analysed, the CLI exits 2 with
 * the message on stderr, and the page shows the same message.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { withAdvice } from '../../src/lib/components/errors.ts';
import { InputError } from '../../src/lib/ingestion/decode.ts';
import { analyzeStream } from '../../src/lib/pipeline.ts';
import { bundleCli } from '../support/cli-bundle.ts';
import { ROOT } from '../output/helpers.ts';
import { chunked, fileStream } from '../support/streams.ts';

const { tmp, cli: CLI } = bundleCli('necroscope-bzip2-');

/** `bzip2 -9` of fixtures/e2e/warning-radeon.log (fixtures/compressed/README.md) */
const BZ2 = new Uint8Array(
	readFileSync(join(ROOT, 'fixtures', 'compressed', 'warning-radeon.log.bz2'))
);
const BZIP2_MESSAGE =
	'This file is bzip2-compressed, which is not read here: decompress it with `bunzip2 -k FILE` (or `bzcat FILE > kernel.txt`) and analyse the result (gzip, Zstandard and xz files are read directly).';
/** an lz4 frame's magic and descriptor, then compressed bytes */
const LZ4 = new Uint8Array([0x04, 0x22, 0x4d, 0x18, 0x64, 0x40, 0xa7, ...BZ2.subarray(10, 200)]);

async function refusal(source: () => AsyncIterable<Uint8Array>): Promise<InputError> {
	const e = await analyzeStream(source(), { name: 'kern.log.bz2', reread: source }).then(
		() => null,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(InputError);
	return e as InputError;
}

describe('a bzip2-compressed file', () => {
	it('is refused with a message that says how to decompress it, whatever the chunks', async () => {
		for (const size of [1, 61, BZ2.length]) {
			const e = await refusal(() => chunked(BZ2, size));
			expect(e.code).toBe('unsupported-compression');
			expect(e.message).toBe(BZIP2_MESSAGE);
		}
		// the page: a File's stream, and the message it shows (no advice of a damaged file added)
		const page = await refusal(() => fileStream(BZ2));
		expect(withAdvice(page)).toBe(BZIP2_MESSAGE);
	});

	it('the CLI exits 2 with the message on stderr and no report, as for a file it cannot read', () => {
		const file = join(tmp, 'kern.log.bz2');
		writeFileSync(file, BZ2);
		const r = spawnSync(process.execPath, [CLI, '--format', 'json', file], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		// it had been a report of 6 lines not understood, exit 0
		expect(r.stderr).toBe(`necroscope: ${file}: ${BZIP2_MESSAGE}\n`);
		// standard input the same
		const stdin = spawnSync(process.execPath, [CLI, '-'], { cwd: ROOT, input: BZ2 });
		expect(stdin.status).toBe(2);
		expect(stdin.stderr.toString()).toContain('bunzip2 -k');
	});

	it('a gzip of it and an lz4 file are refused too; text that starts with `BZh` is read', async () => {
		expect((await refusal(() => chunked(new Uint8Array(gzipSync(BZ2)), 4096))).message).toBe(
			BZIP2_MESSAGE
		);
		const lz4 = await refusal(() => chunked(LZ4, 61));
		expect(lz4.message).toMatch(
			/^This file is lz4-compressed, which is not read here: .*`lz4 -d FILE`/
		);
		const text = new TextEncoder().encode(
			'BZh is not a block size\n[    1.000000] usb 1-1: new device\n'
		);
		const r = await analyzeStream(chunked(text, 7));
		expect(r.input.lines_total).toBe(2);
	});
});
