import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { analyzeText, watchForErrors } from './helpers';

/**
 * A report with no kernel log in it (a pasted chat, a binary file) shows the notes that say what
 * the input is and what to do, and offers nothing to share: it had offered the text and Markdown
 * downloads, "Copy share link" and a System panel of "Boots 1", all of an empty report. Its JSON
 * stays, for a bug report about a log NecroScope should have read.
 */
test('a report of no kernel log offers its JSON only, under its notes', async ({ page }) => {
	const problems = watchForErrors(page);
	await analyzeText(
		page,
		'hi, my laptop froze again last night\nany idea what to look at?\nthanks!\n'
	);
	await expect(page.locator('#summary-h')).toHaveText('No kernel messages were recognised');
	await expect(page.locator('.warnings')).toContainText('No kernel messages were recognised');
	const report = page.locator('.report');
	await expect(report.getByRole('button', { name: /share link|Copy link/ })).toHaveCount(0);
	await expect(report.getByRole('button', { name: 'Download text' })).toHaveCount(0);
	await expect(report.getByRole('button', { name: 'Download Markdown' })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'System and input' })).toHaveCount(0);
	await expect(report).not.toContainText('Boots');
	await expect(page.getByTestId('no-log-json')).toContainText('for a bug report');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		report.getByRole('button', { name: 'Download JSON' }).click()
	]);
	const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
	expect(saved.summary.verdict).toBe('no-kernel-log');
	expect(problems).toEqual([]);
});
