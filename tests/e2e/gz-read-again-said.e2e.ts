import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { fixture, openApp, watchForErrors } from './helpers';

/**
 * A .gz followed by other bytes makes the browser's decoder fail at its end, and the file is read
 * a second time from its first byte (decode.ts, gunzipChecked). The progress bar had gone back to
 * 0 without a word; it now says that the file is read again. Its gzip data read whole, the report
 * is complete: a note says what followed the data, and nothing is called incomplete.
 */
test('a .gz with bytes after its data: the progress says it is read again, the report is whole', async ({
	page
}) => {
	const problems = watchForErrors(page);
	// about 190,000 lines: the second reading lasts long enough to be seen
	const log = fixture('e2e/warning-radeon.log').repeat(4000);
	const gz = Buffer.concat([gzipSync(log), Buffer.from('not gzip: a line of text\n')]);
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'kern.log.gz',
		mimeType: 'application/gzip',
		buffer: gz
	});
	await expect(page.getByRole('status').filter({ hasText: 'Reading again' })).toContainText(
		'Reading again from the start (the compressed file is damaged or followed by other bytes)…',
		{ timeout: 60_000 }
	);
	await expect(page.locator('#summary-h')).toBeVisible({ timeout: 120_000 });
	const warnings = page.locator('.warnings');
	await expect(warnings).toContainText(
		`its gzip data ends at byte ${(gz.length - 25).toLocaleString('en-US')} and was read whole, and the 25 bytes after it (text) were not read`
	);
	await expect(warnings).not.toContainText('Incomplete: ');
	await expect(page.locator('#summary-h')).not.toContainText('first');
	expect(problems).toEqual([]);
});
