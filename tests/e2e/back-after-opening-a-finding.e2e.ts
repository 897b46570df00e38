import { expect, test, type Page } from '@playwright/test';
import { analyzeText, fixture, openShareLink } from './helpers';

/**
 * A finding opened from the report's headline is a step in the browser's history: Back returns
 * to the report where it was, the focus on the link, and Forward opens the finding again. On a
 * phone Back after opening the crash had left the page (the finding's address replaced the
 * page's), and a pasted log's report with it.
 */

const LOG = fixture('e2e/kasan-use-after-free.log');

const headlineLink = (page: Page) => page.getByTestId('headline').getByRole('link');

/** open the headline's finding; resolves with the page's scroll before it and the finding's id */
async function openFromHeadline(page: Page): Promise<{ before: number; id: string }> {
	const link = headlineLink(page);
	await link.scrollIntoViewIfNeeded();
	const before = await page.evaluate(() => scrollY);
	const id = ((await link.getAttribute('href')) ?? '').slice(1);
	expect(id).not.toBe('');
	await link.click();
	await expect(page.locator(`[id="${id}"] .finding-toggle`)).toBeFocused();
	await expect(page).toHaveURL(new RegExp(`#${id}$`));
	await expect.poll(() => page.evaluate(() => scrollY)).not.toBe(before);
	return { before, id };
}

test.describe('on a 390×844 phone screen', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('Back after opening the crash from the headline returns to the report, Forward to the crash', async ({
		page
	}) => {
		await analyzeText(page, LOG);
		const url = page.url();
		const { before, id } = await openFromHeadline(page);

		await page.goBack();
		// still the page, with its report: the address without the finding's part
		await expect(page).toHaveURL(url);
		await expect(page.locator('#summary-h')).toBeVisible();
		await expect(headlineLink(page)).toBeFocused();
		await expect(headlineLink(page)).toBeInViewport();
		await expect.poll(() => page.evaluate(() => scrollY)).toBe(before);

		await page.goForward();
		await expect(page).toHaveURL(new RegExp(`#${id}$`));
		await expect(page.locator(`[id="${id}"] .finding-toggle`)).toBeFocused();
	});

	test('Back after opening a finding of a shared report returns to it, not opening the link again', async ({
		page,
		context,
		baseURL
	}) => {
		await analyzeText(page, LOG);
		const other = await openShareLink(page, context, baseURL as string);
		const link = other.url();
		await expect(other.getByRole('note')).toContainText('Shared report');
		await openFromHeadline(other);
		await other.goBack();
		await expect(other).toHaveURL(link);
		await expect(other.getByRole('note')).toContainText('Shared report');
		// the report is not opened again: the focus stays where Back put it, not on its heading
		await expect(headlineLink(other)).toBeFocused();
		await other.waitForTimeout(500);
		await expect(headlineLink(other)).toBeFocused();
	});
});
