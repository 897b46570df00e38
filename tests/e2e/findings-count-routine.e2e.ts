import { expect, test, type Page } from '@playwright/test';
import { analyzeText, openApp, watchForErrors } from './helpers';

/**
 * "Findings (N of M)" counts the findings above the routine group, which says its own number:
 * "Findings (4 of 4)" above one finding and "Routine messages explained (3)" had counted the
 * routine notices twice, and as findings (a laptop's journal: "Findings (20 of 20)", 10 of them
 * routine).
 */
const ROUTINE = [
	'[    0.100000] ACPI: [Firmware Bug]: BIOS _OSI(Linux) query ignored',
	'[    0.200000] PCI: Using host bridge windows from ACPI; if necessary, use "pci=nocrs" and report a bug',
	'[    4.000000] platform regulatory.0: Direct firmware load for regulatory.db failed with error -2'
];
const PROBLEMS = [
	'[    9.000000] EXT4-fs error (device sda1): ext4_lookup:1601: inode #2: comm ls: deleted inode referenced: 12',
	'[   10.000000] blk_update_request: I/O error, dev sda, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0'
];

const analyze = (page: Page, lines: string[]) => analyzeText(page, lines.join('\n') + '\n');

test('the findings heading counts the findings, the routine group its notices', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyze(page, [...ROUTINE, ...PROBLEMS]);
	const heading = page.locator('.findings-h');
	await expect(heading).toHaveText(/^Findings\s*\(2 of 2\)$/);
	await expect(page.getByRole('button', { name: /^Routine messages explained/ })).toHaveText(
		/\(3\)/
	);
	// the counts under the headline too: the 3 routine notices (info) had been "3 info" there,
	// above "Findings (2 of 2)"
	await expect(page.getByRole('list', { name: 'Findings by severity' })).toHaveText(
		/^\W*2\s+high\s+3 routine$/
	);
	// filtered: the heading, what a screen reader hears and the printed line say both counts
	await page.getByRole('searchbox', { name: 'Search' }).fill('sda');
	await expect(heading).toHaveText(/^Findings\s*\(2 of 2\)$/);
	await page.getByRole('searchbox', { name: 'Search' }).fill('regulatory');
	await expect(heading).toHaveText(/^Findings\s*\(0 of 2\)$/);
	await expect(page.getByTestId('announcement')).toHaveText(
		'0 of 2 findings, 1 of 3 routine messages shown.'
	);
	await expect(page.getByTestId('print-filters')).toHaveText(
		'Filtered (search “regulatory”): 0 of 2 findings, 1 of 3 routine messages.'
	);
	expect(problems).toEqual([]);
});

test('a report of routine notices alone gives its count once, on the group', async ({ page }) => {
	const problems = watchForErrors(page);
	await analyze(page, ROUTINE);
	await expect(page.locator('.findings-h')).toHaveText(/^Findings\s*$/);
	await expect(page.getByRole('list', { name: 'Findings by severity' })).toHaveText(
		/^\s*3 routine$/
	);
	await expect(page.getByRole('button', { name: /^Routine messages explained/ })).toHaveText(
		/\(3\)/
	);
	expect(problems).toEqual([]);
});

test('an input of one line says “1 line”', async ({ page }) => {
	await analyze(page, [PROBLEMS[0]]);
	await expect(page.getByTestId('input-summary')).toContainText('1 line (');
	await expect(page.getByTestId('input-summary')).not.toContainText('1 lines');
});

test('a report’s tab counts its findings as its heading does, without the routine notices', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles([
		{
			name: 'mixed.log',
			mimeType: 'text/plain',
			buffer: Buffer.from([...ROUTINE, ...PROBLEMS].join('\n') + '\n')
		},
		{ name: 'healthy.log', mimeType: 'text/plain', buffer: Buffer.from(ROUTINE.join('\n') + '\n') }
	]);
	const tabs = page.getByRole('tab');
	await expect(tabs).toHaveCount(2, { timeout: 30_000 });
	// they had said "mixed.log (5)" above "Findings (2 of 2)", and "healthy.log (3), most severe:
	// info" of a log with no problem
	await expect(tabs.nth(0)).toHaveAccessibleName(/^mixed\.log \(2\), most severe: [a-z]+$/);
	await expect(tabs.nth(0)).not.toHaveAccessibleName(/info$/);
	await expect(tabs.nth(1)).toHaveAccessibleName('healthy.log (0)');
	await expect(tabs.nth(1)).toHaveText('healthy.log (0)');
	expect(problems).toEqual([]);
});
