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
	await expect(caption).toHaveText(
		/— x axis:\s+time, \d{4}-11-21 11:58:33 – 15:24:24 UTC \(3\.4 hours\)$/
	);
	await expect(caption).not.toContainText('line');
	// the mark says when, as the axis does
	await expect(timeline.getByRole('button', { name: /unregister_netdevice/ })).toHaveAccessibleName(
		/ — \d{4}-11-21 11:58:33 UTC$/
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
