import { expect, test } from '@playwright/test';
import { analyzeText, fixture } from './helpers';

/**
 * A related finding's title wrapped in two lines keeps its list bullet on its first line: the
 * link is an inline block (for its 24 px target), whose baseline is its last line's, and the
 * bullet had stood before the second line (a 390 px phone: "Illegal register access in a GPU" on
 * a line of its own, then "• command stream (amdgpu)").
 */
test('a wrapped related finding’s bullet is on its first line', async ({ page }) => {
	test.setTimeout(90_000);
	await page.setViewportSize({ width: 390, height: 844 });
	// a Raspberry Pi's kern.log: the under-voltage finding (open) links to the unclean shutdowns
	await analyzeText(page, fixture('e2e/izassafar-kern-log-boots.log'));
	const item = page.locator('article.finding ul.related li').first();
	await expect(item).toBeVisible();
	const { lines, baseline, firstLine } = await item.evaluate((li) => {
		// narrow enough for the title to wrap, whatever the fonts
		(li.parentElement as HTMLElement).style.width = '9em';
		const a = li.querySelector('a') as HTMLElement;
		const range = document.createRange();
		range.selectNodeContents(a);
		const rects = [...range.getClientRects()];
		// the bullet sits on the baseline of the item's first line: an empty inline block put
		// first in the item has its bottom on that baseline
		const probe = document.createElement('span');
		probe.style.cssText = 'display:inline-block;width:0;height:0';
		li.prepend(probe);
		const baseline = probe.getBoundingClientRect().bottom;
		probe.remove();
		return {
			lines: new Set(rects.map((r) => Math.round(r.top))).size,
			baseline,
			firstLine: { top: rects[0].top, bottom: rects[0].bottom }
		};
	});
	expect(lines).toBeGreaterThan(1);
	expect(baseline).toBeGreaterThan(firstLine.top);
	expect(baseline).toBeLessThanOrEqual(firstLine.bottom + 1);
});
