import { expect, test, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { fixture, openApp, watchForErrors } from './helpers';

/** `gz` dropped as kern.log.gz: the progress says it is read again (with `said`), then the report */
async function readAgain(page: Page, gz: Buffer, said: string): Promise<void> {
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'kern.log.gz',
		mimeType: 'application/gzip',
		buffer: gz
	});
	await expect(page.getByRole('status').filter({ hasText: 'Reading again' })).toContainText(said, {
		timeout: 60_000
	});
	await expect(page.locator('#summary-h')).toBeVisible({ timeout: 120_000 });
}

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
	await readAgain(
		page,
		gz,
		"Reading again from the start (the browser's gzip decoder stopped at a second member, damage, or other bytes after the data)…"
	);
	const warnings = page.locator('.warnings');
	await expect(warnings).toContainText(
		`its gzip data ends at byte ${(gz.length - 25).toLocaleString('en-US')} and was read whole, and the 25 bytes after it (text) were not read`
	);
	await expect(warnings).not.toContainText('Incomplete: ');
	await expect(page.locator('#summary-h')).not.toContainText('first');
	expect(problems).toEqual([]);
});

/**
 * A sound .gz of two members (`cat kern.log.1.gz kern.log.gz`): the browser's decoder stops at
 * the second, and the file is read again. The progress had said the file was "damaged or followed
 * by other bytes", which it is not; it names a second member among the reasons, and the report
 * holds both members' lines, with no note.
 */
test('a .gz of two members: read again, the progress not calling it damaged, every line read', async ({
	page
}) => {
	const problems = watchForErrors(page);
	const log = fixture('e2e/warning-radeon.log').repeat(2000);
	const gz = Buffer.concat([gzipSync(log), gzipSync(log)]);
	await readAgain(page, gz, 'a second member');
	const lines = 2 * log.split('\n').length - 2;
	await expect(page.getByTestId('input-summary')).toContainText(
		`${lines.toLocaleString('en-US')} lines`
	);
	await expect(page.locator('.warnings')).toHaveCount(0);
	expect(problems).toEqual([]);
});
