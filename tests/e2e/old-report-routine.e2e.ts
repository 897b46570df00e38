import { expect, test } from '@playwright/test';
import { cliReport, openApp, watchForErrors } from './helpers';

/**
 * A report saved before findings said they are routine notices (schema 1.12) opened in the page
 * lists its notices in the closed group, as a report made now does: they had stood among the
 * findings.
 */
test('a report of schema 1.12 shows its routine notices in the closed group', async ({ page }) => {
	const problems = watchForErrors(page);
	const report = JSON.parse(
		cliReport(
			[
				'[    0.200000] PCI: Using host bridge windows from ACPI; if necessary, use "pci=nocrs" and report a bug',
				'[    1.659397] nvme nvme0: missing or invalid SUBNQN field.',
				'[    9.000000] EXT4-fs error (device sda1): ext4_lookup:1601: inode #2: comm ls: deleted inode referenced: 12'
			].join('\n') + '\n'
		)
	);
	report.schema_version = '1.12.0';
	for (const f of report.findings) delete f.routine;
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'old-report.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(report, null, 2) + '\n')
	});
	await expect(page.getByRole('note')).toContainText(
		'Report file, not anonymized: old-report.json,'
	);
	const toggle = page.getByRole('button', { name: /^Routine messages explained/ });
	await expect(toggle).toHaveText(/Routine messages explained \(2\)/);
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await expect(page.locator('article.finding')).toHaveCount(1);
	await expect(page.locator('article.finding').first()).toContainText('EXT4');
	expect(problems).toEqual([]);
});
