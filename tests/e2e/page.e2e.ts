import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fixture, openApp, setLogText, watchForErrors } from './helpers';

async function analyzeFixture(page: Page, path: string) {
	await openApp(page);
	await setLogText(page, fixture(path));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('article.finding').first()).toBeVisible();
}

for (const scheme of ['light', 'dark'] as const) {
	test(`no accessibility violations (axe) on the start page and on a report, ${scheme} theme`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.emulateMedia({ colorScheme: scheme });
		await openApp(page);
		const start = await new AxeBuilder({ page }).analyze();
		expect(
			start.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
		).toEqual([]);
		await setLogText(page, fixture('e2e/warning-radeon.log'));
		await page.getByRole('button', { name: 'Analyze' }).click();
		await page.locator('article.finding summary').first().click();
		const report = await new AxeBuilder({ page }).analyze();
		expect(
			report.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
		).toEqual([]);
	});
}

test('filters, search, timeline and deep links find findings', async ({ page }) => {
	const problems = watchForErrors(page);
	await analyzeFixture(page, 'e2e/warning-radeon.log');
	const cards = page.locator('article.finding');
	const total = await cards.count();
	expect(total).toBeGreaterThan(0);

	await page.getByRole('combobox', { name: 'Severity' }).selectOption('critical');
	await expect(cards).toHaveCount(0);
	await page.getByRole('combobox', { name: 'Severity' }).selectOption('all');
	await expect(cards).toHaveCount(total);

	await page.getByRole('searchbox', { name: 'Search' }).fill('radeon_gart_unbind');
	await expect(cards.first()).toContainText('WARNING in radeon_gart_unbind');
	await page.getByRole('searchbox', { name: 'Search' }).fill('no such text anywhere');
	await expect(cards).toHaveCount(0);
	await page.getByRole('searchbox', { name: 'Search' }).fill('');

	// the timeline is keyboard operable and opens the finding it points at
	const dot = page.getByRole('button', { name: /WARNING in radeon_gart_unbind/ }).first();
	await dot.focus();
	await page.keyboard.press('Enter');
	const id = await cards.first().getAttribute('id');
	await expect(page).toHaveURL(new RegExp(`#${id}$`));
	await expect(cards.first().locator('details')).toHaveAttribute('open', '');
	expect(problems).toEqual([]);
});

test('works offline after the first visit', async ({ page, context }) => {
	await openApp(page);
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
	await page.reload();
	await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
	await setLogText(page, fixture('e2e/warning-radeon.log'));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
	await context.setOffline(false);
});

test('usable on a phone-sized screen', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await analyzeFixture(page, 'e2e/kasan-use-after-free.log');
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(375);
});
