import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { MIXED, openApp, setLogText, watchForErrors, usbEnumerationFailures } from './helpers';

/**
 * On a phone, Filter and order says "(filtered)" while a filter hides findings, under its name: on
 * the same line it had made the button 75 px wider, pushed to a row of its own under the Findings
 * heading (at 390 px, for "Findings (1 of 3)" as for "(1111 of 2000)").
 */

test.use({ viewport: { width: 390, height: 844 } });

/** the button is on the heading's row, inside the report's column, and says it filters */
async function onHeadingRow(page: Page) {
	const heading = page.locator('.findings-h');
	const toggle = page.getByRole('button', { name: 'Filter and order' });
	await expect(toggle).toHaveText('Filter and order (filtered)');
	await expect(toggle).toHaveAccessibleName('Filter and order (filtered)');
	const [h, b] = [await heading.boundingBox(), await toggle.boundingBox()];
	if (!h || !b) throw new Error('not laid out');
	expect(Math.abs(h.y + h.height / 2 - (b.y + b.height / 2))).toBeLessThan(6);
	expect(b.x).toBeGreaterThan(h.x + h.width);
	expect(b.x + b.width).toBeLessThanOrEqual(390 - 16 + 0.5);
}

test('a severity filter keeps Filter and order on the Findings heading’s row', async ({ page }) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await setLogText(page, MIXED);
	await page.getByRole('button', { name: 'Analyze' }).click();
	const toggle = page.getByRole('button', { name: 'Filter and order' });
	await toggle.click();
	await page.getByRole('combobox', { name: 'Severity' }).selectOption('high');
	await expect(page.locator('.findings-h')).toContainText('(1 of 3)');
	await onHeadingRow(page);
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
	// cleared, it is one line again
	await page.getByRole('combobox', { name: 'Severity' }).selectOption('all');
	await expect(toggle).toHaveText('Filter and order');
	expect(problems).toEqual([]);
});

test('a search of a report of 2,000 findings keeps Filter and order on the heading’s row', async ({
	page
}) => {
	await openApp(page);
	await setLogText(page, usbEnumerationFailures(2100));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('.findings-h')).toContainText('(2000 of 2000)');
	await page.getByRole('button', { name: 'Filter and order' }).click();
	// ports 1-1, 1-10…19, 1-100…199, 1-1000…1999: the widest count a filter gives
	await page.getByRole('searchbox', { name: 'Search' }).fill('usb 1-1');
	await expect(page.locator('.findings-h')).toContainText('(1111 of 2000)');
	await onHeadingRow(page);
});
