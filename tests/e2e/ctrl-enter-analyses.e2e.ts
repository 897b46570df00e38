import { expect, test } from '@playwright/test';
import { fixture, openApp, setLogText, watchForErrors } from './helpers';

test('Ctrl+Enter in the text field analyses the pasted log, as the Analyze button does', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await expect(page.locator('#log-hint')).toContainText(
		'Ctrl+Enter in the text field analyses it.'
	);
	await setLogText(page, fixture('e2e/warning-radeon.log'));
	const field = page.getByLabel('Kernel log');
	await field.focus();
	await page.keyboard.press('Control+Enter');
	await expect(page.locator('article.finding').first()).toContainText(
		'WARNING in radeon_gart_unbind'
	);
	// the key did not also type a line end into the log
	expect(await field.inputValue()).toBe(fixture('e2e/warning-radeon.log'));
	expect(problems).toEqual([]);
});

test('Ctrl+Enter in an empty text field says what to paste instead of analysing nothing', async ({
	page
}) => {
	await openApp(page);
	await page.getByLabel('Kernel log').focus();
	await page.keyboard.press('Control+Enter');
	await expect(page.getByText('Nothing to analyse yet: paste a kernel log above')).toBeVisible();
	await expect(page.locator('article.finding')).toHaveCount(0);
});

test.describe('on a phone (touch, no mouse)', () => {
	test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
	test('the hint does not speak of Ctrl+Enter', async ({ page }) => {
		await openApp(page);
		expect(await page.locator('#log-hint').innerText()).not.toContain('Ctrl+Enter');
	});
});
