import { expect, test } from '@playwright/test';
import { analyzeText, watchForErrors } from './helpers';

/**
 * A syslog whose kernel lines carry the time they were written but not the kernel's own stamps
 * (a server's /var/log/messages, logs-srv-messages.log) is plotted against that time, not the
 * input's line numbers: its timeline had said "x axis: input line 781 – 8738", and a support
 * engineer could not read when its findings happened. A log with no time at all keeps the lines.
 */
const WAIT = (at: string) =>
	`Nov 21 ${at} srv1 kernel: unregister_netdevice: waiting for lo to become free. Usage count = 1`;
const NOISE = 'Nov 21 09:00:00 srv1 systemd[1]: Started Session 1 of user root.';

test('a syslog without kernel times has a timeline of wall-clock time; a log with no time keeps input lines', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyzeText(page, [NOISE, WAIT('11:58:33'), NOISE, WAIT('15:24:24')].join('\n'));
	const timeline = page.getByRole('region', { name: 'Timeline of findings' });
	const caption = timeline.locator('figcaption').first();
	// the log's dates carry no year: the axis does not say the one the report gave them as a fact
	// (it had said "2000-11-21 11:58:33 – 15:24:24 UTC")
	await expect(caption).toHaveText(
		/— x axis:\s+time, Nov 21 11:58:33 – 15:24:24 UTC \(3\.4 hours; year not in the log\)$/
	);
	await expect(caption).not.toContainText('line');
	await expect(caption).not.toContainText('-11-21');
	// the mark says when, as the axis does
	await expect(timeline.getByRole('button', { name: /unregister_netdevice/ })).toHaveAccessibleName(
		/ — Nov 21 11:58:33 UTC$/
	);
	// the finding's line under its title does not show the year the log does not give as a fact
	const meta = page.locator('article.finding .meta').first();
	await expect(meta).toContainText('Nov 21 11:58:33 UTC (year not in the log)');
	await expect(meta).not.toContainText('-11-21');

	// no time in the log: the line numbers remain the axis
	await page
		.getByLabel('Kernel log')
		.fill(
			[
				'unregister_netdevice: waiting for lo to become free. Usage count = 1',
				'eth0: link up',
				'unregister_netdevice: waiting for lo to become free. Usage count = 1'
			].join('\n')
		);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(caption).toHaveText(/— x axis:\s+input line 1 – 3$/);
	expect(problems).toEqual([]);
});

/**
 * A syslog into which a dmesg's lines were pasted (an ATA error without the syslog's time) keeps
 * the wall-clock time for the findings that have it, as a kernel-time row keeps the kernel's: it
 * had been plotted against its line numbers, when each finding but one says when it happened. The
 * finding without a time is listed under the row, by its line, and opens from there.
 */
test('a syslog row with a finding without the wall-clock time keeps its time, the finding listed apart', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 1280, height: 900 });
	await analyzeText(
		page,
		[
			NOISE,
			WAIT('11:58:33'),
			'Nov 21 12:10:00 srv1 kernel: nvme nvme0: I/O 12 QID 3 timeout, aborting',
			'ata1.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x6 frozen',
			'ata1.00: failed command: READ DMA EXT',
			'Nov 21 15:24:24 srv1 kernel: Out of memory: Killed process 1234 (firefox) total-vm:1234kB, anon-rss:100kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:100kB oom_score_adj:0'
		].join('\n')
	);
	const timeline = page.getByRole('region', { name: 'Timeline of findings' });
	await expect(timeline.locator('figcaption')).toHaveText(
		/— x axis:\s+time, Nov 21 11:58:33 – 15:24:24 UTC \(3\.4 hours; year not in the log\)$/
	);
	const marks = timeline.locator('svg').getByRole('button');
	await expect(marks).toHaveCount(3);
	await expect(marks.filter({ hasText: /ATA/ })).toHaveCount(0);
	const apart = timeline.locator('.apart');
	await expect(apart).toContainText('Without a wall-clock time:');
	const ata = apart.getByRole('button');
	await expect(ata).toHaveText(/ATA command errors on ata1\.00\s*line 4/);
	await ata.click();
	await expect(
		page.locator('article.finding', {
			has: page.locator('.finding-toggle[aria-expanded="true"]', { hasText: 'ATA command errors' })
		})
	).toHaveCount(1);
	expect(problems).toEqual([]);
});
