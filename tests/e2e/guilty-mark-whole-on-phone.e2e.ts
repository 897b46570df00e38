import { expect, test } from '@playwright/test';
import { analyzeText, fixture, laidOutLines, openFinding, watchForErrors } from './helpers';

/**
 * On a phone the guilty frame's mark stays whole on a line, after the function's name or under
 * it: it had been broken as "guilty" at the end of the name's line and "frame" on the next, its
 * box cut in two (an Android last_kmsg's `cam_smmu_unmap_stage2_iova` at 390 px). Checked at
 * every phone width from 320 to 440 px on `set_sched_clock_stable`, where the mark does not fit
 * after the name at the narrowest widths.
 */
test('the guilty frame’s mark is whole on a line on a phone', async ({ page }) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 390, height: 844 });
	await analyzeText(page, fixture('formats/real/lkp-calltrace-dmesg-007.log'));
	const card = page
		.locator('article.finding')
		.filter({ has: page.locator('.title', { hasText: /^WARNING in set_sched_clock_stable$/ }) });
	await openFinding(card);
	const mark = card.locator('.guilty-mark');
	await expect(mark).toHaveText('guilty frame');
	const name = card.locator('tr.guilty td.fn code');
	let under = 0;
	for (let width = 320; width <= 440; width += 4) {
		await page.setViewportSize({ width, height: 844 });
		expect((await laidOutLines(mark))[0], `at ${width} px`).toEqual(['guilty frame']);
		expect((await laidOutLines(name))[0], `at ${width} px`).toEqual(['set_sched_clock_stable']);
		if ((await mark.boundingBox())!.y > (await name.boundingBox())!.y + 8) under++;
	}
	// at some widths the mark did not fit after the name: the check above checked a line break
	expect(under).toBeGreaterThan(0);
	expect(problems).toEqual([]);
});
