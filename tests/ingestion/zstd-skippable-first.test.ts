/**
 * A .zst that starts with a skippable frame (magic 0x184D2A50 to 0x184D2A5F: `pzstd` starts each
 * of its frames with one, a tool may put its metadata there) is Zstandard, as `zstd -d` reads it:
 * it had not been recognised, and was read as text (no kernel log found, in a report of its
 * compressed bytes). The same for a report saved so (report.json.zst), in the CLI and the page.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReportFile } from '../../src/lib/components/share.ts';
import { formatJson } from '../../src/lib/output/json.ts';
import { compressionOf } from '../../src/lib/output/report-file.ts';
import { analyzeStream } from '../../src/lib/pipeline.ts';
import { bundleCli } from '../support/cli-bundle.ts';
import { storedZstd } from '../support/stored.ts';
import { ROOT } from '../output/helpers.ts';
import { chunked } from '../support/streams.ts';

const { tmp, cli: CLI } = bundleCli('necroscope-zstd-skippable-');

const ZST = new Uint8Array(readFileSync(join(ROOT, 'fixtures/compressed/warning-radeon.log.zst')));
const REPORT = readFileSync(join(ROOT, 'fixtures/output/golden/syzkaller-424.json'), 'utf8');
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** a skippable frame of magic 0x184D2A5`nibble` holding `body` */
function skippable(nibble: number, body: Uint8Array): Uint8Array {
	const head = Buffer.alloc(8);
	head.writeUInt32LE(0x184d2a50 + nibble, 0);
	head.writeUInt32LE(body.length, 4);
	return cat(head, body);
}

/** as `pzstd` writes it: a skippable frame holding the size of the frame that follows */
const pzstdLike = (frame: Uint8Array) => {
	const size = Buffer.alloc(4);
	size.writeUInt32LE(frame.length, 0);
	return cat(skippable(0, size), frame);
};

const report = async (bytes: Uint8Array, size = 4096) =>
	formatJson(await analyzeStream(chunked(bytes, size), { name: 'dmesg.log.zst' }));

describe('a .zst that starts with a skippable frame', () => {
	it('is read as Zstandard: the report of its frame, whatever the chunks and the magic', async () => {
		const plain = JSON.parse(await report(ZST));
		for (const bytes of [
			pzstdLike(ZST),
			cat(skippable(0xf, Buffer.from('metadata of a tool')), ZST),
			cat(skippable(0x7, new Uint8Array(0)), skippable(0x3, new Uint8Array(70_000)), ZST)
		]) {
			const json = await report(bytes);
			const r = JSON.parse(json);
			expect(r.input.format).toBe('dmesg');
			expect(r.input.warnings).toEqual([]);
			expect(r.findings).toEqual(plain.findings);
			expect(r.input.bytes).toBe(bytes.length);
			for (const size of [1, 61, bytes.length]) expect(await report(bytes, size)).toBe(json);
		}
	});

	it('the CLI reads it as the page does, with no note on its name', async () => {
		const bytes = pzstdLike(ZST);
		const file = join(tmp, 'dmesg.log.zst');
		writeFileSync(file, bytes);
		const r = spawnSync(process.execPath, [CLI, '--format', 'json', file], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		expect(r.status).toBe(0);
		expect(r.stdout).toBe(await report(bytes));
	});

	it('a report saved so opens as a report, in the CLI and the page', async () => {
		const bytes = pzstdLike(storedZstd(REPORT));
		expect(compressionOf(bytes)).toBe('zstd');
		const opened = await openReportFile(new Blob([bytes]));
		expect(opened).toMatchObject({ ok: true });
		expect(opened?.ok && JSON.stringify(opened.report)).toBe(JSON.stringify(JSON.parse(REPORT)));
		const file = join(tmp, 'report.json.zst');
		writeFileSync(file, bytes);
		const r = spawnSync(process.execPath, [CLI, '--format', 'json', file], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		expect(r.status).toBe(0);
		expect(JSON.parse(r.stdout)).toEqual(JSON.parse(REPORT));
	});
});
