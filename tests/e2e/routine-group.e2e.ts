import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { analyzeText, watchForErrors } from './helpers';

/**
 * Routine notices (lines that look alarming but are routine) are shown after the other findings
 * as one group, closed until opened: they never crowd the findings, and the filters, search,
 * counts, keyboard and print still reach them.
 */
const ROUTINE = [
	'[    0.100000] ACPI: [Firmware Bug]: BIOS _OSI(Linux) query ignored',
	'[    0.200000] PCI: Using host bridge windows from ACPI; if necessary, use "pci=nocrs" and report a bug',
	'[    4.000000] platform regulatory.0: Direct firmware load for regulatory.db failed with error -2'
];
const PROBLEM =
	'[    9.000000] EXT4-fs error (device sda1): ext4_lookup:1601: inode #2: comm ls: deleted inode referenced: 12';

const analyze = (page: Page, lines: string[]) => analyzeText(page, lines.join('\n') + '\n');

const toggle = (page: Page) => page.getByRole('button', { name: /^Routine messages explained/ });

test('routine notices come after the findings, as one closed group that opens by mouse and keyboard', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyze(page, [...ROUTINE, PROBLEM]);
	const cards = page.locator('article.finding');
	// the real finding alone is shown; the group says how many it holds
	await expect(cards).toHaveCount(1);
	await expect(cards.first()).toContainText('EXT4');
	await expect(toggle(page)).toHaveText(/Routine messages explained \(3\)/);
	await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
	await expect(page.getByText(/look alarming but are routine/)).toBeVisible();
	// the heading counts the findings, the group its notices (it had said "(4 of 4)")
	await expect(page.locator('.findings-h')).toContainText('(1 of 1)');
	// axe, closed
	expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

	// opened with the keyboard: Enter on the focused button
	await toggle(page).focus();
	await page.keyboard.press('Enter');
	await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
	await expect(cards).toHaveCount(4);
	const group = page.getByTestId('routine-group');
	await expect(group.locator('article.finding')).toHaveCount(3);
	await expect(group).toContainText('Firmware asked whether it runs on Linux');
	await expect(group).toContainText('Wireless regulatory database');
	// after the real finding in the page
	const order = await cards.evaluateAll((els) => els.map((e) => e.textContent ?? ''));
	expect(order[0]).toContain('EXT4');
	// a notice opens and shows why it is harmless
	await group.locator('.finding-toggle', { hasText: 'regulatory' }).click();
	await expect(group.getByText(/wireless-regdb/).first()).toBeVisible();
	// axe, open
	expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
	// closed again by a click
	await toggle(page).click();
	await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
	await expect(cards).toHaveCount(1);
	expect(problems).toEqual([]);
});

test('a search that finds routine notices opens the group; the filters apply to it', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyze(page, [...ROUTINE, PROBLEM]);
	await page.getByRole('searchbox', { name: 'Search' }).fill('regulatory');
	await expect(page.locator('.findings-h')).toContainText('(0 of 1)');
	await expect(toggle(page)).toHaveText(/\(1\)/);
	await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
	await expect(page.locator('article.finding')).toHaveCount(1);
	await expect(page.getByText('Only routine messages match these filters (below).')).toBeVisible();
	// a severity filter that leaves no routine notice hides the group
	await page.getByRole('searchbox', { name: 'Search' }).fill('');
	await page.getByRole('combobox', { name: 'Severity' }).selectOption('high');
	await expect(page.getByTestId('routine-group')).toHaveCount(0);
	await expect(page.locator('article.finding')).toHaveCount(1);
	expect(problems).toEqual([]);
});

test('a report of routine notices alone says no problems were found and still lists them', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyze(page, ROUTINE);
	await expect(page.locator('#summary-h')).toHaveText('No problems were found');
	await expect(page.getByTestId('only-routine')).toContainText('No problems were found');
	await expect(toggle(page)).toHaveText(/\(3\)/);
	await expect(page.locator('article.finding')).toHaveCount(0);
	await toggle(page).click();
	await expect(page.locator('article.finding')).toHaveCount(3);
	expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
	expect(problems).toEqual([]);
});

test('printed, the group is open with its notices’ bodies and no button', async ({ page }) => {
	const problems = watchForErrors(page);
	await analyze(page, [...ROUTINE, PROBLEM]);
	await page.emulateMedia({ media: 'print' });
	const group = page.getByTestId('routine-group');
	await expect(group.locator('article.finding')).toHaveCount(3);
	for (const card of await group.locator('article.finding').all())
		await expect(card.getByRole('heading', { name: 'What it means' })).toBeVisible();
	await expect(
		group.getByRole('heading', { name: /Routine messages explained \(3\)/ })
	).toBeVisible();
	await expect(group.getByRole('button', { name: /^Routine messages/ })).toHaveCount(0);
	await page.emulateMedia({ media: 'screen' });
	await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
	expect(problems).toEqual([]);
});
