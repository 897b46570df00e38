/**
 * A finding's boots, as the page says them under its title and the text and Markdown reports in
 * its place: runs (`boots 1–6, 8–15`), made by one helper, so that a finding of many boots keeps
 * them all where a list cut at 20 lost the rest.
 */
import { describe, expect, it } from 'vitest';
import { bootsText, findingWhere } from '../../src/lib/output/common.ts';
import { bootsText as pageBootsText } from '../../src/lib/components/format.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { analyzeText } from '../../src/lib/index.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';

/** a report of `n` boots whose first finding occurs in `boots` */
async function report(n: number, boots: number[]): Promise<AnalysisResult> {
	const r = await analyzeText('[    5.000000] usb 1-1: device descriptor read/64, error -71\n', {
		name: 'x.log'
	});
	r.metadata.boots = Array.from({ length: n }, (_, i) => ({
		...r.metadata.boots[0],
		index: i,
		first_line: i + 1,
		last_line: i + 1
	}));
	r.findings[0].boots = boots;
	return r;
}

describe("a finding's boots", () => {
	it('are runs in the reports, as in the page, by the same helper', async () => {
		const r = await report(40, [...Array.from({ length: 30 }, (_, i) => i), 32, 35]);
		const where = findingWhere(r.findings[0], r);
		expect(where).toMatch(/; boots 0–29, 32, 35$/);
		expect(formatText(r)).toContain('; boots 0–29, 32, 35\n');
		expect(formatMarkdown(r)).toContain('; boots 0–29, 32, 35\n');
		// the page's words are the helper's (at most 4 runs under a title)
		expect(pageBootsText).toBe(bootsText);
		expect(pageBootsText([0, 2, 4, 6, 8, 9], 16)).toBe('boots 0, 2, 4, 6, … (6 boots)');
	});

	it('name 20 runs at most in the reports, then count the boots', async () => {
		const every = Array.from({ length: 60 }, (_, i) => 2 * i);
		const r = await report(120, every);
		expect(findingWhere(r.findings[0], r)).toMatch(
			/; boots 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, … \(60 boots\)$/
		);
		// one boot: `boot 3`; a log of one boot says none
		expect(findingWhere((await report(8, [3])).findings[0], await report(8, [3]))).toMatch(
			/; boot 3$/
		);
		const one = await report(1, [0]);
		expect(findingWhere(one.findings[0], one)).not.toMatch(/; boots? /);
	});
});
