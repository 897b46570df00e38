import { expect, test } from '@playwright/test';
import { analyzeText, watchForErrors } from './helpers';

/**
 * The timeline's axis of a long boot says its length in days (or hours, minutes): a server's
 * kern.log of a boot of 112 days (serverlog-kern-log-1.log) had said "x axis: seconds since boot,
 * 0 – 9686414.6", a number to divide in one's head. A short boot's axis is seconds alone. A
 * timeline whose one mark is at its end, of a long boot or a short one, is left out.
 */
const LINUX = '[    0.000000] Linux version 6.6.4 (builder@host) (gcc 13.2.0) #1 SMP';
const IO_ERROR = (ts: string) =>
	`[${ts}] blk_update_request: I/O error, dev sda, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0`;

test('a boot of days has its length in days on the timeline’s axis, a short one seconds alone; a lone mark at the end has no timeline', async ({
	page
}) => {
	const problems = watchForErrors(page);
	// an error early in the boot and again at its end: a timeline of days
	await analyzeText(
		page,
		[LINUX, IO_ERROR('  1000.000000'), IO_ERROR('9686414.565432')].join('\n')
	);
	const timeline = page.getByRole('region', { name: 'Timeline of findings' });
	const caption = timeline.locator('figcaption').first();
	await expect(caption).toHaveText(/— x axis:\s+seconds since boot, 0 – 9686414\.6 \(112 days\)$/);

	// an error only at its end: no timeline (one mark at the end of a ruler of 112 days), the
	// finding says when ("(112 days after boot)")
	await page.getByLabel('Kernel log').fill([LINUX, IO_ERROR('9686414.565432')].join('\n'));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('article.finding .meta').first()).toContainText(
		'9686414.565 s (112 days after boot)'
	);
	await expect(timeline).toHaveCount(0);

	// a short boot's lone finding: no timeline either (its one mark is at the end of the ruler, as
	// a board's 20 lines of one module at 1289 s had shown: a ruler of 21 minutes, a dot at its end)
	await page.getByLabel('Kernel log').fill([LINUX, IO_ERROR('   12.500000')].join('\n'));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('article.finding .meta').first()).toContainText('12.500 s');
	await expect(page.locator('article.finding .meta').first()).not.toContainText('after boot');
	await expect(timeline).toHaveCount(0);
	await expect(page.getByRole('link', { name: /^Timeline of/ })).toHaveCount(0);

	// the same error early and at the end of a short boot: a timeline, its axis in seconds alone
	await page
		.getByLabel('Kernel log')
		.fill([LINUX, IO_ERROR('    3.000000'), IO_ERROR('   12.500000')].join('\n'));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(caption).toHaveText(/— x axis:\s+seconds since boot, 0 – 12\.5$/);
	expect(problems).toEqual([]);
});
