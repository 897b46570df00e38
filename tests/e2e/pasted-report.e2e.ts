import { expect, test } from '@playwright/test';
import {
	cliReport,
	expectSameOrigin,
	fixture,
	openApp,
	recordRequests,
	setLogText,
	watchForErrors
} from './helpers';

/**
 * A NecroScope JSON report pasted in the log field (the CLI's `--format json` output copied from a
 * terminal or a mail) is shown as it was saved, as a report file is: it had been analysed as a
 * log, its evidence lines read as kernel messages, and the page had shown a report of the report
 * (a KASAN report's JSON gave "Problems were found" with other findings).
 */
test('a pasted JSON report is shown as it was saved, not analysed as a log', async ({
	page,
	context,
	baseURL
}) => {
	const urls = recordRequests(context);
	const problems = watchForErrors(page);
	const saved = cliReport(fixture('e2e/kasan-use-after-free.log'));
	const report = JSON.parse(saved);
	await openApp(page);
	await setLogText(page, saved);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.getByRole('note')).toContainText(
		'Pasted report, not anonymized: a NecroScope report as saved, not analysed again.'
	);
	await expect(page.getByTestId('announcement')).toHaveText(
		`Analysis done: ${report.summary.headline}`
	);
	await expect(page.locator('#summary-h')).toBeFocused();
	// the report's own findings and input, not those of an analysis of its text
	await expect(page.locator('[data-in-worker="false"]')).toHaveCount(1);
	await expect(page.locator('article.finding')).toHaveCount(report.findings.length);
	await expect(page.locator('article.finding .title').first()).toHaveText(report.findings[0].title);
	await expect(page.getByTestId('input-summary')).toContainText(
		`${report.input.lines_total} lines`
	);
	// a log pasted next is analysed, without the note
	await setLogText(page, fixture('e2e/warning-radeon.log'));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('[data-in-worker="true"]')).toHaveCount(1);
	await expect(page.getByRole('note')).toHaveCount(0);
	expect(problems).toEqual([]);
	expectSameOrigin(urls, baseURL as string);
});

test('a pasted report cut short says so and keeps the report shown before', async ({ page }) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await setLogText(page, fixture('e2e/warning-radeon.log'));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('[data-in-worker="true"]')).toHaveCount(1);
	const saved = cliReport(fixture('e2e/kasan-use-after-free.log'));
	await setLogText(page, saved.slice(0, Math.floor(saved.length / 2)));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		/^The pasted text starts as a NecroScope report but is damaged or incomplete \(was it cut\?\)\. The report below is the earlier one \(pasted log\)\.$/
	);
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
	expect(problems).toEqual([]);
});
