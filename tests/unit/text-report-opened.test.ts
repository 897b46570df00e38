import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	openPastedReport,
	openReportFile,
	readableReportKind
} from '../../src/lib/components/share.ts';
import { ROOT } from '../output/helpers.ts';
import { storedXz, storedZstd } from '../support/stored.ts';

/**
 * A NecroScope text or Markdown report given to the page (a user's download sent to a support
 * engineer) is said to be one: it had been analysed as a log, "No kernel messages were
 * recognised", with a taint read from the report's own text.
 */
const golden = (name: string) => readFileSync(join(ROOT, 'fixtures/output/golden', name), 'utf8');
const TEXT = golden('serverlog-kern-log-1.txt');
const MARKDOWN = golden('serverlog-kern-log-1.md');
const LOG = readFileSync(join(ROOT, 'fixtures/e2e/warning-radeon.log'), 'utf8');

describe('a text or Markdown report opened in the page', () => {
	it('is told from its first line', () => {
		expect(readableReportKind(TEXT)).toBe('text');
		expect(readableReportKind(MARKDOWN)).toBe('Markdown');
		expect(readableReportKind('\uFEFF' + TEXT)).toBe('text');
		for (const other of [LOG, golden('serverlog-kern-log-1.json'), '', 'NecroScope report'])
			expect(readableReportKind(other)).toBeNull();
	});

	it('as a file: said to be a report, not analysed as a log', async () => {
		expect(await openReportFile(new Blob([TEXT]))).toEqual({
			ok: false,
			error:
				"This file is a NecroScope text report, not a kernel log: read it as it is (in a text editor), or open the report's JSON download, or the log itself, here."
		});
		const md = await openReportFile(new Blob([MARKDOWN]));
		expect(md?.ok === false && md.error).toMatch(/^This file is a NecroScope Markdown report/);
		// a log, and the JSON report, as before
		expect(await openReportFile(new Blob([LOG]))).toBeNull();
		expect((await openReportFile(new Blob([golden('serverlog-kern-log-1.json')])))?.ok).toBe(true);
	});

	it('compressed (report.txt.gz, .zst, .xz): said to be one too, where it had been analysed as a log', async () => {
		for (const [what, bytes] of [
			['gzip', gzipSync(TEXT)],
			['Zstandard', storedZstd(TEXT)],
			['xz', storedXz(MARKDOWN)]
		] as const) {
			const kind = what === 'xz' ? 'Markdown' : 'text';
			expect(await openReportFile(new Blob([bytes])), what).toEqual({
				ok: false,
				error: `This file is a compressed NecroScope ${kind} report, not a kernel log: decompress it to read it as it is, or give the log, or the report's JSON, instead.`
			});
		}
		// a compressed log, and the compressed JSON report, as before
		expect(await openReportFile(new Blob([gzipSync(LOG)]))).toBeNull();
		expect(
			(await openReportFile(new Blob([gzipSync(golden('serverlog-kern-log-1.json'))])))?.ok
		).toBe(true);
	});

	it('pasted: the same', async () => {
		const r = await openPastedReport(TEXT);
		expect(r?.ok === false && r.error).toMatch(/^The pasted text is a NecroScope text report/);
		expect(await openPastedReport(LOG)).toBeNull();
	});
});
