import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import {
	allowClipboard,
	cliReport,
	expectSameOrigin,
	fixture,
	openApp,
	recordRequests,
	watchForErrors
} from './helpers';
import { storedXz, storedZstd } from '../support/stored';

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
		'Report file, not anonymized: from-a-user.json, a NecroScope report as saved, not analysed again.'
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

/**
 * A report mailed on compressed (`report.json.xz`, `.zst`, `.gz`) opens as the report, as in the
 * CLI: the page decompresses it in the analysis worker. An `.xz` one had been analysed as a log
 * (a report of its JSON's text): xz's decoder is WebAssembly, which the page's
 * Content-Security-Policy refuses in its main thread, where report files had been decompressed.
 */
test('a compressed report file (xz, Zstandard, gzip) is opened as the report, not analysed as a log', async ({
	page,
	context,
	baseURL
}) => {
	const urls = recordRequests(context);
	const problems = watchForErrors(page);
	const saved = cliReport(fixture('e2e/warning-radeon.log'));
	const report = JSON.parse(saved);
	await openApp(page);
	// one cut short says so, as the CLI does
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'cut.json.xz',
		mimeType: 'application/octet-stream',
		buffer: Buffer.from(storedXz(saved).subarray(0, 400))
	});
	await expect(page.getByRole('alert')).toContainText(
		'This file is a compressed NecroScope report whose compressed data is damaged or cut short.'
	);
	await expect(page.locator('section.report')).toHaveCount(0);
	for (const [name, data] of [
		['report.json.xz', storedXz(saved)],
		['report.json.zst', storedZstd(saved)],
		['report.json.gz', gzipSync(saved)]
	] as const) {
		await page.getByLabel('Choose log files').setInputFiles({
			name,
			mimeType: 'application/octet-stream',
			buffer: Buffer.from(data)
		});
		await expect(page.getByRole('note')).toContainText(
			`Report file, not anonymized: ${name}, a NecroScope report as saved, not analysed again.`
		);
		// shown as it was saved, not a report of its text
		await expect(page.locator('[data-in-worker="false"]')).toHaveCount(1);
		await expect(page.getByTestId('input-summary')).toContainText(
			`${report.input.lines_total} lines`
		);
		await expect(page.locator('.finding')).toHaveCount(report.findings.length);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download JSON' }).click()
		]);
		expect(readFileSync(await download.path(), 'utf8'), name).toBe(saved);
	}
	// and an .xz log is still analysed, in the worker
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'dmesg.log.xz',
		mimeType: 'application/x-xz',
		buffer: Buffer.from(storedXz(fixture('e2e/warning-radeon.log')))
	});
	await expect(page.locator('[data-in-worker="true"]')).toHaveCount(1);
	await expect(page.getByTestId('input-summary')).toContainText(
		`${report.input.lines_total} lines`
	);
	expect(problems).toEqual([]);
	expectSameOrigin(urls, baseURL as string);
});

test('a compressed report file followed by other bytes is shown, its note saying they were not read', async ({
	page
}) => {
	const problems = watchForErrors(page);
	const saved = cliReport(fixture('e2e/warning-radeon.log'));
	const report = JSON.parse(saved);
	const junk = Buffer.from('appended text\n');
	await openApp(page);
	// gzip: Chromium's decoder fails on them, and the bytes are read again; Zstandard and xz: told
	// from their frames and streams (in the worker, as a log's)
	for (const [name, what, data] of [
		['report.json.gz', 'gzip', gzipSync(saved)],
		['report.json.zst', 'Zstandard', storedZstd(saved)],
		['report.json.xz', 'xz', storedXz(saved)]
	] as const) {
		await page.getByLabel('Choose log files').setInputFiles({
			name,
			mimeType: 'application/octet-stream',
			buffer: Buffer.concat([data, junk])
		});
		await expect(page.getByRole('note')).toContainText(
			`Report file, not anonymized: ${name}, a NecroScope report as saved, not analysed again.`
		);
		await expect(page.getByRole('note')).toContainText(
			`The compressed file is followed by bytes that are not ${what} data ("trailing garbage"): its ${what} data ends at byte ${data.length.toLocaleString('en-US')} and was read whole, and the ${junk.length} bytes after it (text) were not read`
		);
		await expect(page.locator('[data-in-worker="false"]')).toHaveCount(1);
		await expect(page.locator('.finding')).toHaveCount(report.findings.length);
	}
	expect(problems).toEqual([]);
});

test('a report file that breaks the schema says where, and one of a newer major version says which', async ({
	page
}) => {
	const problems = watchForErrors(page);
	const report = JSON.parse(cliReport(fixture('e2e/warning-radeon.log')));
	delete report.findings[0].title;
	await openApp(page);
	// validated in the page under its Content-Security-Policy (no eval: the generated validator)
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'edited.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(report, null, 2))
	});
	await expect(page.getByRole('alert')).toContainText(
		"This file is a NecroScope report that does not follow its schema (/findings/0 must have required property 'title')"
	);
	await expect(page.locator('section.report')).toHaveCount(0);
	report.schema_version = '2.0.0';
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'newer.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(report, null, 2))
	});
	await expect(page.getByRole('alert')).toContainText(
		'This file is a NecroScope report of schema 2.0.0, which this version'
	);
	await expect(page.locator('section.report')).toHaveCount(0);
	expect(problems).toEqual([]);
});

/**
 * A support engineer sent a report file may pass it on: it had no share link (a link carries an
 * anonymized copy, made by analysing the log again, and an opened report has no log). The link
 * offered carries the report as it was opened, and says that it is not anonymized; one that was
 * anonymized when it was made is passed on as it is, as an anonymized one.
 */
test('an opened report file can be passed on as a link: as it was opened, said not to be anonymized', async ({
	page,
	context,
	baseURL
}) => {
	const problems = watchForErrors(page);
	await allowClipboard(context, baseURL as string);
	const saved = cliReport(fixture('e2e/warning-radeon.log'));
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'from-a-user.json',
		mimeType: 'application/json',
		buffer: Buffer.from(saved)
	});
	await expect(page.getByRole('button', { name: 'Copy share link' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Copy link (not anonymized)' }).click();
	await expect(page.getByTestId('share-note')).toContainText(
		'Link copied. It holds this report as it was opened, not anonymized'
	);
	const link = await page.getByRole('textbox', { name: 'Share link', exact: true }).inputValue();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

	const other = await context.newPage();
	const otherProblems = watchForErrors(other);
	await other.goto(link);
	// the receiver is told it is not anonymized (the note had said every shared report was)
	await expect(other.getByRole('note')).toContainText('Shared report, not anonymized, read-only:');
	const [download] = await Promise.all([
		other.waitForEvent('download'),
		other.getByRole('button', { name: 'Download JSON' }).click()
	]);
	expect(readFileSync(await download.path(), 'utf8')).toBe(saved);
	// and can pass it on the same way
	await expect(other.getByRole('button', { name: 'Copy link (not anonymized)' })).toHaveCount(1);

	// an anonymized report file: its link is an anonymized report's, as it is
	const anon = cliReport(fixture('e2e/warning-radeon.log'), 'json', ['--anonymize']);
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'anonymized.json',
		mimeType: 'application/json',
		buffer: Buffer.from(anon)
	});
	await page.getByRole('button', { name: 'Copy share link' }).click();
	await expect(page.getByTestId('share-note')).toContainText(
		'Link copied. It holds the anonymized report, with the log lines it quotes (not the whole log)'
	);
	// opened in the same tab (only the part after # changes: it had gone on showing the first)
	await other.goto(
		await page.getByRole('textbox', { name: 'Share link', exact: true }).inputValue()
	);
	await expect(other.getByRole('note')).toContainText('Shared report, anonymized by its sender (');
	const [again] = await Promise.all([
		other.waitForEvent('download'),
		other.getByRole('button', { name: 'Download JSON' }).click()
	]);
	expect(readFileSync(await again.path(), 'utf8')).toBe(anon);
	expect(problems).toEqual([]);
	expect(otherProblems).toEqual([]);
});
