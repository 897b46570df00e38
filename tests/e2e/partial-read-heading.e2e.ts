import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { fixture, openApp, watchForErrors } from './helpers';

/**
 * A .gz cut part-way is analysed as far as it goes: the report's heading says what was not found
 * of the lines read. It had been "No problems were found", only the line under it saying that
 * just the first lines were read.
 */
test('a cut .gz of a healthy log is headed by what was found in the lines read', async ({
	page
}) => {
	const problems = watchForErrors(page);
	// the healthy start of a boot: the radeon log without its WARNING
	const healthy = fixture('e2e/warning-radeon.log')
		.split('\n')
		.filter(
			(l) => !/WARNING|cut here|Call Trace|\bradeon_|end trace|\[<|Modules linked|RIP|Code:/.test(l)
		)
		.join('\n');
	const gz = gzipSync(healthy.repeat(200));
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'kern.log.1.gz',
		mimeType: 'application/gzip',
		buffer: gz.subarray(0, Math.floor(gz.length / 2))
	});
	const heading = page.locator('#summary-h');
	await expect(heading).toHaveText(
		/^No problems were found in the first [\d,]+ lines; the rest of the input was not analysed$/
	);
	await expect(page.locator('.warnings')).toContainText('Incomplete: ');
	// the line under the findings' heading says it of the lines read too, not of "this log"
	await expect(page.locator('main')).not.toContainText('nothing in this log matched');
	await expect(page.locator('main')).not.toContainText(/No problems were found(?! in the )/);
	expect(problems).toEqual([]);
});
