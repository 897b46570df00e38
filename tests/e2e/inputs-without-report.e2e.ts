import { expect, test } from '@playwright/test';
import { cliReport, fixture, openApp, watchForErrors } from './helpers';

/**
 * Files dropped together that give no report (a damaged report file, an empty file) are said
 * right above the reports of the others, which are brought to the top of the screen: the error
 * and the input area's note had stayed above the input area, off the screen, and a phone showed
 * one report for three files with nothing said of the other two.
 */
test.use({ viewport: { width: 390, height: 844 } });

test('files that gave no report are said above the reports of the others, on the first screen', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	const saved = cliReport(fixture('e2e/kasan-use-after-free.log'));
	await page.getByLabel('Choose log files').setInputFiles([
		{
			name: 'kern.log',
			mimeType: 'text/plain',
			buffer: Buffer.from(fixture('e2e/warning-radeon.log'))
		},
		{ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(saved.slice(0, 2000)) },
		{ name: 'dmesg.txt', mimeType: 'text/plain', buffer: Buffer.from('') }
	]);
	await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: /);
	const said = page.getByTestId('inputs-without-report');
	await expect(said).toHaveText(
		'cut.json: This file starts as a NecroScope report but is damaged or incomplete (was it cut?). dmesg.txt: empty (0 bytes), nothing to analyse. A kernel log saved without root can be empty: save it with sudo dmesg > dmesg.txt (or sudo journalctl -k -b > kernel.txt) and open that.'
	);
	await expect(said).toHaveAttribute('role', 'alert');
	await expect(said).toBeInViewport({ ratio: 1 });
	await expect(page.locator('#summary-h')).toBeInViewport();
	await expect(page.locator('#summary-h')).toBeFocused();
	// said once
	await expect(page.getByRole('alert')).toHaveCount(1);
	// a next analysis that gives its report takes it away
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'kern.log',
		mimeType: 'text/plain',
		buffer: Buffer.from(fixture('e2e/warning-radeon.log'))
	});
	await expect(page.getByTestId('inputs-without-report')).toHaveCount(0);
	await expect(page.getByRole('alert')).toHaveCount(0);
	expect(problems).toEqual([]);
});

test('a failure with no new report is still said above the input area, with the earlier report below', async ({
	page
}) => {
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'kern.log',
		mimeType: 'text/plain',
		buffer: Buffer.from(fixture('e2e/warning-radeon.log'))
	});
	await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: /);
	const saved = cliReport(fixture('e2e/kasan-use-after-free.log'));
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'cut.json',
		mimeType: 'application/json',
		buffer: Buffer.from(saved.slice(0, 2000))
	});
	await expect(page.locator('main > .error')).toContainText(
		'The report below is the earlier one (kern.log).'
	);
	await expect(page.getByTestId('inputs-without-report')).toHaveCount(0);
});
