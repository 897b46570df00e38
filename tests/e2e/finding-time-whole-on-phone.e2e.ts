import { expect, test, type Locator } from '@playwright/test';
import { analyzeText, laidOutLines, watchForErrors } from './helpers';

/**
 * A finding's line under its title keeps its date with its time, a number with its unit and the
 * time since boot in brackets each on one line: on a phone it had been cut as "2021-12-19" over
 * "11:25:14 UTC" and "(70 days after" over "boot)" (apimnewyear's vmcore dmesg, 390 px), and,
 * its spaces made no-break, still at a hyphen ("2023-02-" over "15 12:06:31 UTC", i225nic's
 * pstore log at 390 px): checked at every phone width from 320 to 440 px.
 */
test.use({ viewport: { width: 360, height: 800 } });

const LOG =
	'[6032881.868599] blk_update_request: I/O error, dev dm-14, sector 0 op 0x0:(READ) flags 0x0 phys_seg 32 prio class 0\n' +
	'[6060091.135624] audit: type=1305 audit(1639914874.351:951398): op=set audit_pid=0 old=2331 auid=4294967295 ses=4294967295 res=1\n' +
	'[6058331.613347] nfs: server filer01 not responding, still trying\n' +
	'[6060232.193522] Kernel panic - not syncing: 02: An NMI occurred. Depending on your system the reason for the NMI is logged in any one of the following resources:\n';

test('a finding’s date and time, and its time since boot, are each whole on a line on a phone', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyzeText(page, LOG);
	const metas = page.locator('article.finding .meta');
	await expect(metas).toHaveCount(3);
	for (let width = 320; width <= 440; width += 4) {
		await page.setViewportSize({ width, height: 800 });
		await checkLines(metas, width);
	}
	expect(problems).toEqual([]);
});

async function checkLines(metas: Locator, width: number): Promise<void> {
	// the text of each line the browser laid out, of every finding's meta
	const lines = (await laidOutLines(metas)).map((meta) =>
		meta.map((l) => l.trim().replace(/\u00a0/g, ' '))
	);
	// the metas are long enough to take two lines or more on a phone
	expect(lines.every((l) => l.length >= 2)).toBe(true);
	for (const meta of lines) {
		const text = meta.join(' ');
		expect(text).toMatch(/\(70 days after boot\)/);
		// its line, date and time, kernel time and time since boot
		const parts =
			text.match(
				/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC|\d{7}\.\d{3} s|\(70 days after boot\)|lines? \d{1,5}(?:–\d{1,5})?/g
			) ?? [];
		expect(parts).toHaveLength(4);
		for (const whole of parts)
			expect(
				meta.some((l) => l.includes(whole)),
				`"${whole}" on one line of ${JSON.stringify(meta)} at ${width} px`
			).toBe(true);
	}
}
