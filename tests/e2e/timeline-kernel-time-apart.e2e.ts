import { expect, test } from '@playwright/test';
import { analyzeText, watchForErrors } from './helpers';

/**
 * A dmesg pasted with a few lines that lost their stamps (an ATA error copied from elsewhere)
 * keeps the kernel's time for the findings that have it: every finding of its boot had been
 * plotted against the input's line numbers ("x axis: input line 1 – 7"), and a forum helper could
 * not read when the NVMe timeout and the OOM kill happened. The finding without a time is listed
 * under the row, by its line, and opens from there; none is placed at a time the log does not give.
 */
const LOG = [
	'[    0.000000] Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)',
	'[    1.234567] usb 1-1: device descriptor read/64, error -71',
	'[    5.000000] EXT4-fs (sda1): mounted filesystem with ordered data mode.',
	'ata1.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x6 frozen',
	'ata1.00: failed command: READ DMA EXT',
	'[  120.500000] nvme nvme0: I/O 12 QID 3 timeout, aborting',
	'[  300.000000] Out of memory: Killed process 1234 (firefox) total-vm:1234kB, anon-rss:100kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:100kB oom_score_adj:0'
].join('\n');

test('findings without the kernel time are listed under a kernel-time row, not plotted by line', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 1280, height: 900 });
	await analyzeText(page, LOG);
	const timeline = page.getByRole('region', { name: 'Timeline of findings' });
	await expect(timeline.locator('figcaption')).toHaveText(
		/— x axis:\s+seconds since boot, 0 – 300\.0 \(5 minutes\)$/
	);
	const marks = timeline.locator('svg').getByRole('button');
	await expect(marks).toHaveCount(3);
	await expect(marks.nth(1)).toHaveAccessibleName(
		/NVMe command timeouts on nvme0 — 120\.500 s \(2 minutes\)$/
	);
	// the ATA errors: not a mark, listed apart with their line
	await expect(marks.filter({ hasText: /ATA/ })).toHaveCount(0);
	const apart = timeline.locator('.apart');
	await expect(apart).toContainText('Without a kernel time:');
	const ata = apart.getByRole('button');
	await expect(ata).toHaveCount(1);
	await expect(ata).toHaveText(/ATA command errors on ata1\.00\s*line 4/);

	// it opens its finding, and Back returns to it
	const url = page.url();
	await ata.focus();
	await page.keyboard.press('Enter');
	const card = page.locator('article.finding', {
		has: page.locator('.finding-toggle[aria-expanded="true"]:focus')
	});
	await expect(card).toContainText('ATA command errors on ata1.00');
	await page.goBack();
	await expect(page).toHaveURL(url);
	await expect(ata).toBeFocused();

	// with most findings untimed, the line numbers remain the axis, and nothing is apart
	await page
		.getByLabel('Kernel log')
		.fill(LOG.replace('[  120.500000] ', '').replace('[    1.234567] ', ''));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(timeline.locator('figcaption')).toHaveText(/— x axis:\s+input line 1 – 7$/);
	await expect(timeline.locator('.apart')).toHaveCount(0);
	await expect(timeline.locator('svg').getByRole('button')).toHaveCount(4);
	expect(problems).toEqual([]);
});
