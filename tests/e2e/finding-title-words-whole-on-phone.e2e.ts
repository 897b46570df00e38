import { expect, test } from '@playwright/test';
import { analyzeText, laidOutLines, watchForErrors } from './helpers';

/**
 * A finding's title keeps a word with a hyphen whole on a line, as its evidence does: on a phone
 * the title of abrt's oops9-ppc64 log (its lines 3-4, below) had been cut as "PowerPC PHB#1-" over
 * "PE#10000 (EEH)", the PE's name read as two. Checked at every phone width from 320 to 440 px.
 */
const LOG =
	'[ 104.669918] EEH: Detected PCI bus error on PHB#1-PE#10000\n' +
	'[ 104.669926] EEH: This PCI device has failed 1 times in the last hour\n';

test('a finding title’s hyphenated identifier is whole on a line on a phone', async ({ page }) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 390, height: 844 });
	await analyzeText(page, LOG);
	const title = page.locator('article.finding .title').first();
	await expect(title).toHaveText('PCI error froze PowerPC PHB#1-PE#10000 (EEH)');
	let broken = 0;
	for (let width = 320; width <= 440; width += 4) {
		await page.setViewportSize({ width, height: 844 });
		const [lines] = await laidOutLines(title);
		if (lines.length > 1) broken++;
		expect(
			lines.some((l) => l.includes('PHB#1-PE#10000')),
			`"PHB#1-PE#10000" whole on a line of ${JSON.stringify(lines)} at ${width} px`
		).toBe(true);
	}
	// the title does take two lines: the check above checked line breaks
	expect(broken).toBeGreaterThan(0);
	expect(problems).toEqual([]);
});
