import { expect, test } from '@playwright/test';
import { cliReport, fixture, openApp, watchForErrors } from './helpers';

/**
 * An empty file dropped with others is said once, with what to do about it, above the others'
 * reports: the input area had said it too ("dmesg.txt is empty…" there, "dmesg.txt: empty…" above
 * the report). Dropped alone, the input area says it, as there is no report to say it above.
 */
const ADVICE =
	'A kernel log saved without root can be empty: save it with sudo dmesg > dmesg.txt (or sudo journalctl -k -b > kernel.txt) and open that.';

test('an empty file dropped with a good one is said once, above the report', async ({ page }) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles([
		{ name: 'dmesg.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
		{
			name: 'kern.log',
			mimeType: 'text/plain',
			buffer: Buffer.from(fixture('e2e/warning-radeon.log'))
		}
	]);
	await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: /);
	await expect(page.getByTestId('inputs-without-report')).toHaveText(
		`dmesg.txt: empty (0 bytes), nothing to analyse. ${ADVICE}`
	);
	await expect(page.getByTestId('input-note')).toHaveText('');
	// once on the whole page
	const text = (await page.locator('main').innerText()).match(/empty \(0 bytes\)/g) ?? [];
	expect(text).toHaveLength(1);
	expect(problems).toEqual([]);
});

test('an empty file dropped with one that gives no report is said with it, once', async ({
	page
}) => {
	await openApp(page);
	const saved = cliReport(fixture('e2e/kasan-use-after-free.log'));
	await page.getByLabel('Choose log files').setInputFiles([
		{ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(saved.slice(0, 2000)) },
		{ name: 'dmesg.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }
	]);
	const error = page.locator('main > .error');
	await expect(error).toContainText('cut.json: This file starts as a NecroScope report');
	await expect(error).toContainText(`dmesg.txt: empty (0 bytes), nothing to analyse. ${ADVICE}`);
	await expect(page.getByTestId('input-note')).toHaveText('');
	const text = (await page.locator('main').innerText()).match(/empty \(0 bytes\)/g) ?? [];
	expect(text).toHaveLength(1);
});

test('an empty file dropped alone is said in the input area', async ({ page }) => {
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'dmesg.txt',
		mimeType: 'text/plain',
		buffer: Buffer.alloc(0)
	});
	await expect(page.getByTestId('input-note')).toHaveText(
		`dmesg.txt is empty (0 bytes): nothing to analyse. ${ADVICE}`
	);
	await expect(page.locator('main > .error')).toHaveCount(0);
});
