import { expect, test } from '@playwright/test';
import { MIXED, analyzeText, fixture, watchForErrors } from './helpers';

/**
 * In a log of several boots a finding says under its title which boots it occurs in, before its
 * time since boot: a support engineer sent a Raspberry Pi's kern.log of 16 boots had read
 * "Under-voltage … 16.452 s" without the boot it was after (the text report says `boot 0, 2, 4`).
 * A log of one boot says no boot.
 */
test('a finding of a log of several boots names its boots under its title', async ({ page }) => {
	const problems = watchForErrors(page);
	await analyzeText(page, fixture('e2e/izassafar-kern-log-boots.log'));
	const meta = (title: string) =>
		page
			.locator('article.finding')
			.filter({ has: page.locator('.title', { hasText: title }) })
			.locator('.meta');
	await expect(meta('Under-voltage')).toContainText(
		' · boots 0, 2, 4, 10–15 · 2020-07-06 06:47:47 UTC · 2113.736 s'
	);
	await expect(meta('Previous shutdown was not clean')).toContainText(' · boots 1–6, 8–15 · ');

	await analyzeText(page, MIXED);
	await expect(page.locator('article.finding .meta').first()).toBeVisible();
	for (const m of await page.locator('article.finding .meta').all())
		await expect(m).not.toHaveText(/\bboots? \d/);
	expect(problems).toEqual([]);
});
