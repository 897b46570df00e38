/**
 * The text report's `Lines:` row is prose like the rows around it: wrapped at 80 columns under
 * its value (two formats in one input, as a journal with a dmesg pasted in, had made it 81).
 */
import { describe, expect, it } from 'vitest';
import { formatText, TEXT_WIDTH } from '../../src/lib/output/text.ts';
import { analyzeLines } from '../support/analyze.ts';

describe('the Lines row of the text report', () => {
	it('wraps under its value when it is longer than 80 columns', async () => {
		const r = await analyzeLines(['[    1.000000] Linux version 6.1.0 (builder@host1) #1 SMP']);
		r.input.lines_total = 1379;
		r.input.formats = { dmesg: 73, 'journal-monotonic': 1306 } as typeof r.input.formats;
		r.input.lines_skipped = 10000;
		r.input.lines_unparsed = 1000;
		const lines = formatText(r).split('\n');
		const at = lines.findIndex((l) => l.startsWith('Lines: '));
		const row = [
			lines[at],
			...lines
				.slice(at + 1)
				.filter((_, i, a) => a.slice(0, i + 1).every((l) => l.startsWith('       ')))
		];
		expect(row.length).toBeGreaterThan(1);
		for (const l of row) expect(l.length).toBeLessThanOrEqual(TEXT_WIDTH);
		expect(row.join(' ').replace(/ +/g, ' ')).toContain(
			'1,379 lines (dmesg 73, journal-monotonic 1,306; 10,000 skipped, 1,000 not understood)'
		);
	});
});
