import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { analyzeText, fixture, watchForErrors } from './helpers';

/**
 * The summary's chains of related findings are one tab stop: the arrow keys move between their
 * links (left and right along them, up and down from chain to chain), Enter opens a finding. Each
 * link had been a tab stop of its own, dozens between the summary and the findings on a phone (a
 * 200 MB kern.log's chains). Three logs joined: their chains are an igc transmit hang's (4
 * findings), a KASAN report's (2) and an amdgpu ring timeout's (3).
 */
const LOG =
	fixture('health/amdgpu-ring-timeout.log') +
	fixture('health/link-flaps-igc.log') +
	fixture('e2e/lkp-48-kasan-then-gpf.log');

const chains = (page: Page) => page.getByRole('toolbar', { name: 'Findings in the chains' });
/** the chains' links that Tab stops at */
const stops = (page: Page) =>
	chains(page)
		.locator('a')
		.evaluateAll((as) => as.filter((a) => (a as HTMLElement).tabIndex >= 0).length);
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

test.describe('on a 390×844 phone screen', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('the chains are one tab stop, the arrow keys move between their findings', async ({
		page
	}) => {
		const problems = watchForErrors(page);
		await analyzeText(page, LOG);
		const links = chains(page).getByRole('link');
		// every link is there, for a screen reader's list of links too; one is a tab stop
		await expect(links).toHaveCount(9);
		expect(await stops(page)).toBe(1);
		const first = page.locator('#chains-list > li').nth(0).getByRole('link').first();
		const second = page.locator('#chains-list > li').nth(1).getByRole('link').first();
		await expect(page.locator('#chains-list > li')).toHaveCount(3);

		// Tab reaches the first link, and Tab again leaves the chains
		await first.focus();
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Tab');
		await expect(first).toBeFocused();
		// the keys are said while the keyboard is there
		const keys = chains(page).locator('.chains-keys');
		expect((await keys.boundingBox())!.width).toBeGreaterThan(100);
		await page.keyboard.press('ArrowRight');
		await expect(links.nth(1)).toBeFocused();
		expect(await stops(page)).toBe(1);
		await page.keyboard.press('ArrowDown');
		await expect(second).toBeFocused();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowUp');
		// up from inside a chain: to its first link, then to the chain before
		await expect(second).toBeFocused();
		await page.keyboard.press('ArrowUp');
		await expect(first).toBeFocused();
		await page.keyboard.press('End');
		await expect(links.last()).toBeFocused();
		await page.keyboard.press('Home');
		await expect(first).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		const third = page.locator('#chains-list > li').nth(2).getByRole('link').first();
		await expect(third).toBeFocused();
		// Tab leaves the chains: the next control is not one of their links
		await page.keyboard.press('Tab');
		expect(await chains(page).evaluate((t) => t.contains(document.activeElement))).toBe(false);
		await expect(keys).toHaveCSS('position', 'absolute');
		// and Shift+Tab comes back to the link last moved to
		await page.keyboard.press('Shift+Tab');
		await expect(third).toBeFocused();

		// Enter opens its finding; Back returns to the link, still the tab stop
		const title = (await focused(page)).trim();
		await page.keyboard.press('Enter');
		const card = page.locator('article.finding', {
			has: page.locator('.finding-toggle[aria-expanded="true"]:focus')
		});
		await expect(card).toContainText(title);
		await page.goBack();
		await expect(third).toBeFocused();
		expect(await third.evaluate((a) => (a as HTMLElement).tabIndex)).toBe(0);
		expect(await stops(page)).toBe(1);

		const axe = await new AxeBuilder({ page }).include('.cascades').analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		expect(problems).toEqual([]);
	});
});
