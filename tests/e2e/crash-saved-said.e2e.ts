import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { longWarning } from '../support/long-warning';
import { analyzeText, fixture, openFinding, watchForErrors } from './helpers';

/**
 * Save crash report says what it saved, next to the button, in a live region that is there
 * before its words: the button had said nothing, and with the browser's download shown away from
 * the page (or not at all to a screen reader) a press looked like one that did nothing.
 */

const KASAN = fixture('e2e/kasan-use-after-free.log');

test('Save crash report says which file it saved, next to it, and again for a second press', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyzeText(page, KASAN);
	const card = page.locator('article.finding').first();
	const id = (await card.getAttribute('id')) as string;
	await openFinding(card);
	// the button's status (the card has Copy call trace's too)
	const status = card.getByRole('status').and(card.getByTestId('crash-saved'));
	await expect(status).toHaveCount(1);
	await expect(status).toHaveText('');
	const button = card.getByRole('button', { name: 'Save crash report' });
	await button.focus();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.keyboard.press('Enter')
	]);
	expect(download.suggestedFilename()).toBe(`${id}.txt`);
	await expect(status).toHaveText(
		`Saved ${id}.txt: the crash's lines as the kernel printed them, for decode_stacktrace.sh. Nothing was uploaded.`
	);
	await expect(status).toBeInViewport();
	await expect(button).toBeFocused();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

	// anonymized, it says so
	await page.getByRole('checkbox', { name: /^Anonymize the report/ }).check();
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.getByTestId('anonymization')).toContainText('Anonymized:');
	const again = page.locator('article.finding').first();
	await openFinding(again);
	await Promise.all([
		page.waitForEvent('download'),
		again.getByRole('button', { name: 'Save crash report' }).click()
	]);
	await expect(again.getByRole('status').and(again.getByTestId('crash-saved'))).toHaveText(
		/^Saved crash-[0-9a-f]+\.txt: .*, anonymized, /
	);
	expect(problems).toEqual([]);
});

test('Save crash report of a report longer than the lines kept says the file holds its first lines and where the rest is', async ({
	page
}) => {
	const problems = watchForErrors(page);
	// the WARNING (line 4, after the cut-here line) to its end trace (line 211): 208 lines
	await analyzeText(page, longWarning(200));
	const card = page.locator('article.finding').first();
	await openFinding(card);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		card.getByRole('button', { name: 'Save crash report' }).click()
	]);
	const saved = readFileSync(await download.path(), 'utf8')
		.trimEnd()
		.split('\n');
	expect(saved).toHaveLength(161);
	expect(saved[160]).toMatch(/^# NecroScope kept the first 160 lines of this report/);
	await expect(card.getByRole('status').and(card.getByTestId('crash-saved'))).toHaveText(
		`Saved ${download.suggestedFilename()}: the first 160 of the crash's 208 lines as the kernel printed them, for decode_stacktrace.sh; its last line says where the whole report is (lines 4-211 of the log). Nothing was uploaded.`
	);
	expect(problems).toEqual([]);
});
