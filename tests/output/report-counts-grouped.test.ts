/**
 * The text and Markdown reports group the digits of their counts as the page's System panel and
 * the headline do (`1,458 lines`): the Lines row had said `1022872 lines (dmesg 348935; 224383
 * skipped …)` under a headline of `1,022,872`. Line numbers, which a reader looks up, are not
 * grouped.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';

describe('counts in the text and Markdown reports', () => {
	it('have their digits grouped, line numbers not', async () => {
		const lines = Array.from(
			{ length: 1200 },
			(_, k) =>
				`[${(k / 100).toFixed(6).padStart(12)}] usb 1-1: device descriptor read/64, error -71`
		);
		lines.push('not a kernel line', '[   12.000000] Modules linked in: fuse');
		const r = await analyzeText(lines.join('\n') + '\n');
		expect(r.input.lines_total).toBe(1202);
		const text = formatText(r);
		expect(text).toMatch(/^Lines: 1,202 lines \(dmesg 1,201; 0 skipped, 1 not understood\)$/m);
		const md = formatMarkdown(r);
		expect(md).toContain('| Lines | 1,202 lines (dmesg 1,201; 0 skipped, 1 not understood) |');
		// a finding seen 1,200 times says so grouped; where it was last stays a line number
		const usb = r.findings.find((f) => f.count >= 1000);
		expect(usb).toBeDefined();
		expect(text).toContain(`seen 1,200 times (last at line 1200)`);
		expect(md).toContain(`seen 1,200 times (last at line 1200)`);
	});
});
