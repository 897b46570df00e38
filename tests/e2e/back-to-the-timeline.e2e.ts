import { expect, test, type Page } from '@playwright/test';
import { analyzeText, fixture, MIXED, watchForErrors } from './helpers';

/**
 * Back after opening a finding from the timeline lands on the timeline again, the focus on where
 * the finding was opened from, as Back does for the headline's and a chain's links. A mark is an
 * SVG element, which had not been taken for the control the finding was opened from (the focus
 * was left on the page's body); and a cluster's list closed since the finding was opened (its mark
 * pressed again, Escape) had nothing to take the focus back to.
 */

/** three findings within 25 ms: one mark with their count, which lists them */
const LKP05 = fixture('e2e/lkp-05-warning-irq-wx.log');

const timeline = (page: Page) => page.getByRole('toolbar', { name: 'Findings on the timeline' });
const list = (page: Page) => timeline(page).locator('.cluster').getByRole('button');
const focusedToggle = (page: Page) => page.locator('.finding-toggle:focus');

test('Back after opening a finding from a single mark focuses the mark', async ({ page }) => {
	const problems = watchForErrors(page);
	await analyzeText(page, MIXED);
	const url = page.url();
	const radeon = timeline(page).getByRole('button', { name: /WARNING in radeon_gart_unbind/ });
	await radeon.locator('text').first().click();
	await expect(focusedToggle(page)).toContainText('WARNING in radeon_gart_unbind');
	await expect(page).not.toHaveURL(url);

	await page.goBack();
	await expect(page).toHaveURL(url);
	await expect(radeon).toBeFocused();
	await expect(radeon).toBeInViewport();
	expect(problems).toEqual([]);
});

test('Back after opening a finding from a cluster list closed since opens the list again, the focus on that finding', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyzeText(page, LKP05);
	const url = page.url();
	const mark = timeline(page).getByRole('button').first();

	// the mouse: the third finding of the list, then the mark pressed again (the list closes)
	await mark.locator('text').first().click();
	await list(page).nth(2).click();
	await expect(focusedToggle(page)).toContainText('Kernel memory both writable and executable');
	await mark.locator('text').first().click();
	await expect(mark).toHaveAttribute('aria-expanded', 'false');
	await expect(list(page)).toHaveCount(0);

	await page.goBack();
	await expect(page).toHaveURL(url);
	await expect(mark).toHaveAttribute('aria-expanded', 'true');
	await expect(list(page).nth(2)).toBeFocused();
	await expect(list(page).nth(2)).toContainText('Kernel memory both writable and executable');
	await expect(list(page).nth(2)).toBeInViewport();

	// the keyboard: Enter lists them, the second is opened; back on the mark, Escape closes the list
	await page.keyboard.press('Escape');
	await expect(mark).toBeFocused();
	await expect(list(page)).toHaveCount(0);
	await page.keyboard.press('Enter');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	await expect(focusedToggle(page)).toContainText('WARNING in note_page');
	await mark.focus();
	await page.keyboard.press('Escape');
	await expect(list(page)).toHaveCount(0);

	await page.goBack();
	await expect(page).toHaveURL(url);
	await expect(list(page).nth(1)).toBeFocused();
	await expect(list(page).nth(1)).toContainText('WARNING in note_page');
	// Forward opens the finding again
	await page.goForward();
	await expect(focusedToggle(page)).toContainText('WARNING in note_page');
	expect(problems).toEqual([]);
});
