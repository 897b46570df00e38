import { expect, test } from '@playwright/test';
import { fixture, openApp, openShareLink, setLogText, watchForErrors } from './helpers';

/**
 * What an anonymization replaced is said in words: the note above a shared crash report had said
 * "anonymized by its sender (45 ptr)", the report's own key for kernel pointers, which the support
 * engineer or kernel developer sent the link has no reason to know (nor `wwn`, `kaslr`, `org`).
 */

/** a KASAN report, its registers and trace full of kernel pointers */
const LOG = fixture('e2e/kasan-use-after-free.log');

test('a shared report’s note and an anonymized report’s line say what was replaced in words', async ({
	page,
	context,
	baseURL
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await setLogText(page, LOG);
	// the user's own anonymized report: its line under the headline
	await page.getByRole('checkbox', { name: /^Anonymize the report/ }).check();
	await page.getByRole('checkbox', { name: 'also kernel pointers and the KASLR offset' }).check();
	await page.getByRole('button', { name: 'Analyze' }).click();
	const line = page.getByTestId('anonymization');
	await expect(line).toHaveText(/^Anonymized: \d+ kernel pointers\.$/);

	// the link (its copy anonymizes kernel pointers too), as the one it is sent to reads it
	const other = await openShareLink(page, context, baseURL as string);
	const note = other.getByRole('note');
	await expect(note).toContainText(
		/^Shared report, anonymized by its sender \(\d+ kernel pointers\), read-only/
	);
	await expect(note).not.toContainText(/\bptr\b/);
	// the placeholders in the report's lines keep their keys
	await expect(other.locator('article.finding').first()).toContainText('<ptr-1>');
	expect(problems).toEqual([]);
});
