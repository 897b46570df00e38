import { expect, test } from '@playwright/test';
import { fixture, openApp, watchForErrors } from './helpers';

/**
 * A report tab's count and most severe finding stay together on a line: at 390 px the tab of a
 * file with a long name (`logcat-reports-panel-dark-dmesg-txt.log`) had ended a line with
 * "(1) ℹ" over "INFO", the severity's symbol apart from its word.
 */
test('on a phone a report tab keeps its count, symbol and severity on one line', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 390, height: 844 });
	await openApp(page);
	const log = Buffer.from(fixture('e2e/warning-radeon.log'));
	await page.getByLabel('Choose log files').setInputFiles([
		{
			name: 'dns-airtab-m973w-enginee-kernel-log-last-kmsg.log',
			mimeType: 'text/plain',
			buffer: log
		},
		{ name: 'logcat-reports-panel-dark-dmesg-txt.log', mimeType: 'text/plain', buffer: log },
		{ name: 'linux-surface-pro-7-dump-lastbootlog.txt', mimeType: 'text/plain', buffer: log }
	]);
	await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: /);
	const tabs = page.getByRole('tab');
	await expect(tabs).toHaveCount(3);
	for (const tab of await tabs.all()) {
		await expect(tab).toHaveText(/\(\d+\) ?[✖▲◆●ℹ] (critical|high|medium|low|info)$/i);
		// the count, the symbol and the word on one line: the lines their boxes are on
		const lines = await tab.evaluate((b) => {
			const walk = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
			let count: Text | null = null;
			for (let n = walk.nextNode(); n; n = walk.nextNode())
				if (/^\s*\(\d+\)/.test(n.textContent ?? '')) count = n as Text;
			const r = document.createRange();
			r.setStart(count!, count!.data.indexOf('('));
			r.setEnd(b, b.childNodes.length);
			// a box whose middle is more than 8 px below the last line's starts a line
			const middles = [...r.getClientRects()]
				.filter((x) => x.width > 0)
				.map((x) => (x.top + x.bottom) / 2)
				.sort((a, c) => a - c);
			return middles.filter((m, i) => i === 0 || m - middles[i - 1] > 8).length;
		});
		expect(lines).toBe(1);
	}
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
	expect(problems).toEqual([]);
});
