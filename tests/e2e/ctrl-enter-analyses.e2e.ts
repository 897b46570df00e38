import { expect, test } from '@playwright/test';
import { fixture, openApp, pasteLog, setLogText, watchForErrors } from './helpers';

test('Ctrl+Enter in the text field analyses the pasted log, as the Analyze button does', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await expect(page.locator('#log-hint')).toContainText(
		'shown as it is). Ctrl+Enter in the text field analyses it.'
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
	// as after Analyze, the report's heading has the focus, at the top of the screen (the focus had
	// stayed in the text field, the report under the input area)
	await expect(page.locator('#summary-h')).toBeFocused();
	await expect
		.poll(() =>
			page.locator('section.report').evaluate((el) => Math.round(el.getBoundingClientRect().top))
		)
		.toBeLessThan(50);
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

/**
 * A paste too large to show is held out of the text field and the focus goes to Analyze: there
 * Ctrl+Enter (the key the hint names) had done nothing. It analyses the paste once, and the hint
 * no longer speaks of a text field that is not there.
 */
test('Ctrl+Enter analyses a paste too large to show, from the Analyze button that has the focus', async ({
	page,
	context,
	baseURL
}) => {
	test.setTimeout(120_000);
	const problems = watchForErrors(page);
	await openApp(page);
	const log = fixture('e2e/warning-radeon.log').repeat(300);
	expect(log.length).toBeGreaterThan(1_000_000);
	await pasteLog(page, context, baseURL as string, log);
	await expect(page.locator('.held')).toContainText('It is too large to show here');
	await expect(page.locator('#log-hint')).toContainText('shown as it is). Ctrl+Enter analyses it.');
	await expect(page.locator('#log-hint')).not.toContainText('in the text field');
	const analyze = page.getByRole('button', { name: 'Analyze' });
	await expect(analyze).toBeFocused();
	await expect(analyze).toHaveAttribute('aria-keyshortcuts', 'Control+Enter Meta+Enter');
	await page.keyboard.press('Control+Enter');
	await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: /);
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
	await expect(page.getByTestId('input-summary')).toContainText(/^\s*15,900 lines/);
	expect(problems).toEqual([]);
});

test.describe('on a phone (touch, no mouse)', () => {
	test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
	test('the hint does not speak of Ctrl+Enter', async ({ page }) => {
		await openApp(page);
		expect(await page.locator('#log-hint').innerText()).not.toContain('Ctrl+Enter');
	});
});
