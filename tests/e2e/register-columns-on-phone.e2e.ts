import { expect, test } from '@playwright/test';
import { analyzeText, fixture, openFinding, watchForErrors } from './helpers';

/**
 * ppc64 prints its registers as rows of four bare values (`GPR00: c00000000806b258 …`). On a
 * phone such a row wraps, and its values stay in the row's columns: each value whole, the lines
 * after the first starting under the first value, each line holding as many values. At 390 px
 * `GPR00:` had been over one value, then two, then one, the columns lost. The text is still the
 * log's rows, as copied.
 */
test('a ppc64 GPR row wraps in columns on a phone', async ({ page }) => {
	const problems = watchForErrors(page);
	const log = fixture('e2e/ppc64-oops-gpr.log');
	const rows = log.split('\n').filter((l) => l.startsWith('GPR'));
	expect(rows).toHaveLength(8);
	await page.setViewportSize({ width: 390, height: 844 });
	await analyzeText(page, log);
	const card = page
		.locator('article.finding')
		.filter({ has: page.locator('.title', { hasText: /unable to handle kernel paging request/ }) });
	await openFinding(card);
	const box = card.getByRole('region', { name: /^Registers of / });
	const gpr = box.locator('.ev code').filter({ hasText: /^GPR\d\d: / });
	await expect(gpr).toHaveCount(8);
	expect(await gpr.allTextContents()).toEqual(rows);

	for (const width of [320, 360, 390, 414, 1280]) {
		await page.setViewportSize({ width, height: 844 });
		// per row: the left edge of each value, by line (values grouped by the top of their box)
		const laid = await gpr.evaluateAll((codes) =>
			codes.map((code) => {
				const lines = new Map<number, number[]>();
				let split = 0;
				for (const v of code.querySelectorAll('span')) {
					const rects = v.getClientRects();
					if (rects.length !== 1) split++;
					const top = Math.round(rects[0].top);
					lines.set(top, [...(lines.get(top) ?? []), Math.round(rects[0].left)]);
				}
				return { split, lines: [...lines.values()] };
			})
		);
		for (const { split, lines } of laid) {
			expect(split, `a value cut at ${width} px`).toBe(0);
			// every line's values stand under the first line's, as many as fit (the last may have fewer)
			for (const [i, line] of lines.entries()) {
				if (i < lines.length - 1) expect(line.length).toBe(lines[0].length);
				for (const [j, left] of line.entries())
					expect(Math.abs(left - lines[0][j]), `column ${j} at ${width} px`).toBeLessThanOrEqual(1);
			}
		}
		// on a phone the rows do wrap; on a desktop each is one line
		const wraps = laid.every((r) => r.lines.length > 1);
		expect(wraps, `rows wrapped at ${width} px`).toBe(width < 500);
	}
	expect(problems).toEqual([]);
});
