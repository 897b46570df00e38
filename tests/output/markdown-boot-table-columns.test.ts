/**
 * The Markdown report's boot table leaves out a column no boot fills: a dmesg has no start time
 * nor boot id, and its table had two empty columns; a journal's boots have both.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';

const LOG = [
	'[    0.000000] Linux version 6.1.0-13-amd64 (debian-kernel@lists.debian.org) (gcc-12) #1 SMP',
	'[    1.000000] usb 1-1: new high-speed USB device number 2 using xhci_hcd'
].join('\n');

/** the boot table: its header and rows */
function bootTable(md: string): string[] {
	const lines = md.split('\n');
	const at = lines.findIndex((l) => l.startsWith('| Boot |'));
	const end = lines.indexOf('', at);
	return lines.slice(at, end).filter((l) => !/^\|(?:---\|)+$/.test(l));
}

describe('the boot table of the Markdown report', () => {
	it('has no Started nor Id column when no boot has them (a dmesg)', async () => {
		const r = await analyzeText(LOG + '\n');
		expect(bootTable(formatMarkdown(r))).toEqual([
			'| Boot | Lines | Kernel |',
			'| 0 | 1-2 | 6.1.0-13-amd64 |'
		]);
	});

	it('has a column that one boot fills, empty for the others', async () => {
		const r = await analyzeText(LOG + '\n' + LOG.replace('6.1.0-13', '6.1.0-14') + '\n');
		expect(r.metadata.boots).toHaveLength(2);
		r.metadata.boots[1].started_at = '2024-03-01T10:00:00.000Z';
		r.metadata.boots[1].id = '0123456789abcdef0123456789abcdef';
		const md = formatMarkdown(r);
		expect(bootTable(md)).toEqual([
			'| Boot | Lines | Kernel | Started | Id |',
			'| 0 | 1-2 | 6.1.0-13-amd64 |  |  |',
			'| 1 | 3-4 | 6.1.0-14-amd64 | 2024-03-01T10:00:00.000Z | 0123456789abcdef0123456789abcdef |'
		]);
		// the separator row has as many cells as the header
		expect(md).toContain('| Boot | Lines | Kernel | Started | Id |\n|---|---|---|---|---|\n');
	});
});
