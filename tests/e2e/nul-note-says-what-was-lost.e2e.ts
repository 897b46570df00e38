import { expect, test } from '@playwright/test';
import { fixture, openApp, setLogText } from './helpers';

/**
 * On a phone the first note is cut to three lines, and the note on NUL bytes comes first (some of
 * the log was lost). It leads with what they are and ends with what was lost; where each stretch
 * is, is behind Why?. It had shown "…: 249 bytes in 3 lines (line 246: 83 bytes; line 273: 8…"
 * and nothing of what was lost.
 */
test.use({ viewport: { width: 390, height: 844 } });

test('the note on NUL bytes says what they are, then what was lost; where they are behind Why?', async ({
	page
}) => {
	await openApp(page);
	await setLogText(page, fixture('e2e/izassafar-kern-log-boots.log'));
	await page.getByRole('button', { name: 'Analyze' }).click();
	const note = page.locator('.warnings li').first();
	await expect(note.locator('.note-text')).toHaveText(
		/^The log holds stretches of NUL bytes \(\^@\), which are never log text: 249 bytes in 3 lines\. In a log file written to disk, .* what was logged there is lost: the end of boots 12, 13 and 14, which did not shut down cleanly\.$/
	);
	await page
		.getByRole('button', { name: 'Show the rest' })
		.or(page.getByRole('button', { name: /^Show all \d+ notes$/ }))
		.click();
	const why = note.getByRole('button', { name: 'Why?' });
	await why.click();
	await expect(note.locator('.note-why p')).toHaveText([
		'The stretches: line 246: 83 bytes; line 273: 83 bytes; line 327: 83 bytes.',
		'Each comes right before the first line of a new boot (boots 13, 14 and 15).'
	]);
	await expect(note.locator('.note-why')).toBeVisible();
});
