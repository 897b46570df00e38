import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	cliReport,
	expectSameOrigin,
	fixture,
	openApp,
	recordRequests,
	watchForErrors
} from './helpers';

/**
 * A support engineer sent a user's downloaded JSON report (or the CLI's) opens it in the page: it
 * had been analysed as a log, which gave nothing useful.
 */
test('a NecroScope JSON report file is shown as it was saved, not analysed as a log', async ({
	page,
	context,
	baseURL
}) => {
	const urls = recordRequests(context);
	const problems = watchForErrors(page);
	const saved = cliReport(fixture('e2e/warning-radeon.log'));
	const report = JSON.parse(saved);
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'from-a-user.json',
		mimeType: 'application/json',
		buffer: Buffer.from(saved)
	});
	await expect(page.getByRole('note')).toContainText(
		'You are viewing a NecroScope report file (from-a-user.json)'
	);
	// shown as it is: the report's own input, not this file's
	await expect(page.locator('[data-in-worker="false"]')).toHaveCount(1);
	await expect(page.getByTestId('input-summary')).toContainText(
		`${report.input.lines_total} lines`
	);
	await expect(page.locator('.finding')).toHaveCount(report.findings.length);
	// and saved again byte for byte
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download JSON' }).click()
	]);
	expect(readFileSync(await download.path(), 'utf8')).toBe(saved);
	// a log analysed next replaces it, without the note
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'dmesg.log',
		mimeType: 'text/plain',
		buffer: Buffer.from(fixture('e2e/warning-radeon.log'))
	});
	await expect(page.locator('[data-in-worker="true"]')).toHaveCount(1);
	await expect(page.getByRole('note')).toHaveCount(0);
	expect(problems).toEqual([]);
	expectSameOrigin(urls, baseURL as string);
});

test('a report file cut short says so and shows no report', async ({ page }) => {
	const saved = cliReport(fixture('e2e/warning-radeon.log'));
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'cut.json',
		mimeType: 'application/json',
		buffer: Buffer.from(saved.slice(0, saved.length / 2))
	});
	await expect(page.getByRole('alert')).toContainText(
		'This file starts as a NecroScope report but is damaged or incomplete'
	);
	await expect(page.locator('section.report')).toHaveCount(0);
});
