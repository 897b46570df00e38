import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { analyzeText, fixture, watchForErrors } from './helpers';

/**
 * On a wide screen the notes about the input are shown up to 3, the rest behind "Show all N
 * notes", as the chains are: a kern.log made of several logs had nine notes, the report's whole
 * first screen at 1280×900 (the first finding 1,100 px below the report's heading).
 */

/**
 * three logs one after the other: two joins (one note on the page), dates without a year, their
 * time zone, NUL bytes
 */
const JOINED =
	fixture('health/amdgpu-ring-timeout.log') +
	fixture('formats/real/i225nic-pstore-panic-log-txt.log') +
	fixture('e2e/izassafar-kern-log-boots.log');

test.use({ viewport: { width: 1280, height: 900 } });

test('past 3 notes about the input, a wide screen shows the first 3 and a button for all', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyzeText(page, JOINED);
	const notes = page.locator('.warnings li');
	await expect(notes).toHaveCount(4);
	for (const i of [0, 1, 2]) await expect(notes.nth(i)).toBeVisible();
	await expect(notes.nth(3)).toBeHidden();
	const more = page.getByRole('button', { name: 'Show all 4 notes' });
	await expect(more).toBeVisible();
	await expect(more).toHaveAttribute('aria-expanded', 'false');
	await expect(more).toHaveAttribute('aria-controls', 'notes-list');

	await more.click();
	for (const i of [0, 1, 2, 3]) await expect(notes.nth(i)).toBeVisible();
	const less = page.getByRole('button', { name: 'Show less' });
	await expect(less).toHaveAttribute('aria-expanded', 'true');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await less.click();
	await expect(notes.nth(3)).toBeHidden();

	// printed, every note, and no button
	await page.emulateMedia({ media: 'print' });
	for (const i of [0, 1, 2, 3]) await expect(notes.nth(i)).toBeVisible();
	await expect(page.locator('.more-notes')).toBeHidden();
	expect(problems).toEqual([]);
});
