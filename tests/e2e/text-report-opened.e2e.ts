import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { storedXz } from '../support/stored';
import { cliReport, fixture, openApp, watchForErrors } from './helpers';

/**
 * A user's text report sent to a support engineer and opened in the page is said to be a report:
 * it had been analysed as a log, "No kernel messages were recognised" (with a taint read from the
 * report's own words). The report shown before it stays, said to be the earlier one.
 */
test('a text report opened in the page is said to be one, not analysed as a log', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	const choose = page.getByLabel('Choose log files');
	await choose.setInputFiles({
		name: 'kern.log',
		mimeType: 'text/plain',
		buffer: Buffer.from(fixture('e2e/warning-radeon.log'))
	});
	await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: /);
	await choose.setInputFiles({
		name: 'from-a-user-report.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from(cliReport(fixture('e2e/kasan-use-after-free.log'), 'text'))
	});
	await expect(page.locator('main > .error')).toHaveText(
		"This file is a NecroScope text report, not a kernel log: read it as it is (in a text editor), or open the report's JSON download, or the log itself, here. The report below is the earlier one (kern.log)."
	);
	await expect(page.locator('#summary-h')).not.toHaveText('No kernel messages were recognised');
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
	expect(problems).toEqual([]);
});

/**
 * The same report mailed on compressed (`report.txt.gz`, `.xz`): decompressed in the worker, said
 * to be a report; it had been analysed as a log (a finding read from the report's own words).
 */
test('a compressed text or Markdown report is said to be one too', async ({ page }) => {
	const problems = watchForErrors(page);
	await openApp(page);
	const choose = page.getByLabel('Choose log files');
	for (const [name, kind, bytes] of [
		['report.txt.gz', 'text', gzipSync(cliReport(fixture('e2e/kasan-use-after-free.log'), 'text'))],
		[
			'report.md.xz',
			'Markdown',
			storedXz(cliReport(fixture('e2e/kasan-use-after-free.log'), 'markdown'))
		]
	] as const) {
		await choose.setInputFiles({
			name,
			mimeType: 'application/octet-stream',
			buffer: Buffer.from(bytes)
		});
		await expect(page.getByRole('alert')).toContainText(
			`This file is a compressed NecroScope ${kind} report, not a kernel log: decompress it to read it as it is, or give the log, or the report's JSON, instead.`
		);
		await expect(page.locator('section.report')).toHaveCount(0);
	}
	expect(problems).toEqual([]);
});
