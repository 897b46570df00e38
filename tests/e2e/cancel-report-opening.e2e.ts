import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { analyzeText, cliReport, fixture, watchForErrors } from './helpers';

/**
 * A Cancel while a report file is opening stops the opening and leaves the worker as it was:
 * nothing ran in the worker, yet it had been ended 2 s later (the end meant for an analysis stuck
 * in a long chunk), and with it an analysis started in those 2 s.
 */
test('Cancel while a report file opens stops the opening and does not end the worker', async ({
	page
}) => {
	const problems = watchForErrors(page);
	// the file's bytes are held until the test lets them go (an opening that takes its time), and
	// the worker's ends are counted
	await page.addInitScript(() => {
		const w = window as unknown as { __ended: number; __hold: boolean };
		w.__ended = 0;
		w.__hold = false;
		const terminate = Worker.prototype.terminate;
		Worker.prototype.terminate = function (this: Worker) {
			w.__ended++;
			terminate.call(this);
		};
		const arrayBuffer = Blob.prototype.arrayBuffer;
		Blob.prototype.arrayBuffer = async function (this: Blob) {
			while (w.__hold) await new Promise((r) => setTimeout(r, 50));
			return arrayBuffer.call(this);
		};
	});
	const log = fixture('e2e/warning-radeon.log');
	// a first analysis: the worker is there
	await analyzeText(page, 'usb 1-1: device descriptor read/64, error -71');
	await expect(page.getByTestId('input-summary')).toContainText('1 line');
	await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = true));
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'report.json.gz',
		mimeType: 'application/gzip',
		buffer: gzipSync(cliReport(log))
	});
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Cancelled' })).toHaveText(
		'Cancelled before a report was ready: there is nothing new to show.'
	);
	await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
	// the file's bytes come now: the opening was given up, the earlier report stays
	await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = false));
	await page.waitForTimeout(2500);
	await expect(page.getByTestId('input-summary')).toContainText('1 line');
	expect(await page.evaluate(() => (window as unknown as { __ended: number }).__ended)).toBe(0);

	// the worker is ready: the next log is analysed, and nothing ends it
	await page.getByLabel('Kernel log').fill(log);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: /);
	await expect(page.getByTestId('input-summary')).toContainText('53 lines');
	expect(await page.evaluate(() => (window as unknown as { __ended: number }).__ended)).toBe(0);
	expect(problems).toEqual([]);
});
