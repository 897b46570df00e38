import { expect, test } from '@playwright/test';
import { fixture, MIXED, openApp, openFinding, setLogText, watchForErrors } from './helpers';

/**
 * What a report shows without a click: the most important finding open, the findings on the
 * first screen of a log of many boots, a phone's call trace that reads without scrolling
 * sideways, and a share link that stays in view after the next analysis.
 */

/**
 * izassafar-one-kern-log.log (a Raspberry Pi's kern.log, Ubuntu 5.3 raspi2) has 16 boots, 15 of
 * them with an under-voltage: its lines, one boot after another. The timeline's 10 rows had put
 * the first finding 840 px below the top of a 1280×800 window.
 */
const MANY_BOOTS = Array.from({ length: 16 }, (_, k) => {
	const day = String(6 + k).padStart(2, ' ');
	return [
		`Jul ${day} 07:13:02 ubuntu kernel: [    0.000000] Booting Linux on physical CPU 0x0`,
		`Jul ${day} 07:13:02 ubuntu kernel: [    0.000000] Linux version 5.3.0-1027-raspi2 (buildd@bos02-arm64-051) (gcc version 7.5.0 (Ubuntu/Linaro 7.5.0-3ubuntu1~18.04)) #29~18.04.1-Ubuntu SMP Wed May 27 16:06:23 UTC 2020 (Ubuntu 5.3.0-1027.29~18.04.1-raspi2 5.3.18)`,
		`Jul ${day} 07:13:18 ubuntu kernel: [   16.448134] Under-voltage detected! (0x00050000)`,
		`Jul ${day} 07:13:20 ubuntu kernel: [   18.462390] Voltage normalised (0x00000000)`
	].join('\n');
}).join('\n');

test.describe('on a 1280×800 screen', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('the most important finding is open, only it, and the focus stays on the report heading', async ({
		page
	}) => {
		const problems = watchForErrors(page);
		await openApp(page);
		await setLogText(page, MIXED);
		await page.getByRole('button', { name: 'Analyze' }).click();
		await expect(page.locator('#summary-h')).toBeFocused();
		// it had started closed, like the others: its advice was one more click away
		const open = page.locator('article.finding', {
			has: page.locator('.finding-toggle[aria-expanded="true"]')
		});
		await expect(open).toHaveCount(1);
		await expect(page.getByTestId('headline')).toContainText(
			(await open.locator('.title').textContent()) as string
		);
		await expect(open.locator('h5', { hasText: 'What to do' })).toBeVisible();
		await expect(page.locator('#summary-h')).toBeFocused();
		// opening another keeps it open
		const radeon = page.locator('article.finding', { hasText: 'WARNING in radeon_gart_unbind' });
		await radeon.locator('.finding-toggle').click();
		await expect(page.locator('article.finding .finding-toggle[aria-expanded="true"]')).toHaveCount(
			2
		);
		expect(problems).toEqual([]);
	});

	test('a log of many boots shows its findings on the first screen, and links to its timeline after them', async ({
		page
	}) => {
		const problems = watchForErrors(page);
		await openApp(page);
		await setLogText(page, MANY_BOOTS);
		await page.getByRole('button', { name: 'Analyze' }).click();
		await expect(page.locator('#summary-h')).toBeFocused();
		const first = page.locator('article.finding .finding-toggle').first();
		await expect(first).toContainText('Under-voltage');
		const box = (await first.boundingBox()) as { y: number; height: number };
		expect(box.y + box.height).toBeLessThanOrEqual(800);

		const timeline = page.getByRole('region', { name: 'Timeline of findings' });
		await expect(timeline.locator('figure').first()).toBeVisible();
		// after the findings, not between the summary and them
		expect(
			await page.evaluate(() => {
				const t = document.querySelector('section.timeline') as Element;
				const f = document.querySelector('article.finding') as Element;
				return Boolean(f.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
			})
		).toBe(true);
		const link = page.getByRole('link', { name: 'Timeline of the 16 boots with findings' });
		await link.focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('#timeline-h')).toBeFocused();
		await expect(page.locator('#timeline-h')).toBeInViewport();
		// Tab goes on to the first mark
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
			/Under-voltage/
		);
		expect(problems).toEqual([]);
	});

	test('a share link made before another analysis stays in view as the previous report’s', async ({
		page
	}) => {
		const problems = watchForErrors(page);
		await openApp(page);
		await setLogText(page, fixture('e2e/lkp-05-warning-irq-wx.log'));
		await page.getByRole('button', { name: 'Analyze' }).click();
		await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: /);
		// (no clipboard permission: the link is shown to copy by hand, and had gone with its report)
		await page.getByRole('button', { name: 'Copy share link' }).click();
		const own = page.getByRole('textbox', { name: 'Share link', exact: true });
		const url = await own.inputValue();
		expect(url).toContain('#report=');

		await setLogText(page, MIXED);
		await page.getByRole('button', { name: 'Analyze' }).click();
		// a screen reader is told it is kept
		await expect(page.getByTestId('announcement')).toHaveText(
			/I\/O error on sda.* The share link of the previous report is kept above it\.$/
		);
		const earlier = page.getByRole('textbox', {
			name: 'Share link of the previous report (pasted log)'
		});
		await expect(earlier).toHaveValue(url);
		await expect(earlier).toBeInViewport();
		await expect(own).toHaveCount(0);
		await page.getByRole('button', { name: 'Dismiss' }).click();
		await expect(earlier).toHaveCount(0);
		// the focus, on the button that went, goes to the report's heading (not to the page)
		await expect(page.locator('#summary-h')).toBeFocused();
		// the next analysis after it does not bring it back
		await page.getByRole('button', { name: 'Analyze' }).click();
		await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: .*sda\.$/);
		await expect(earlier).toHaveCount(0);
		expect(problems).toEqual([]);
	});
});

test.describe('on a phone (390×844)', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('the headline names the most important finding as a link to it, on the first screen', async ({
		page
	}) => {
		const problems = watchForErrors(page);
		await openApp(page);
		await setLogText(page, MANY_BOOTS);
		await page.getByRole('button', { name: 'Analyze' }).click();
		await expect(page.locator('#summary-h')).toBeFocused();
		// (with the real log's input notes the summary fills a phone's first screen: the findings
		// had been a screen and more down)
		const first = page.locator('article.finding').first();
		const link = page
			.getByTestId('headline')
			.getByRole('link', { name: 'Under-voltage: the power supply is too weak' });
		await expect(link).toBeInViewport();
		await page.keyboard.press('Tab');
		await expect(link).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(first.locator('.finding-toggle')).toBeFocused();
		await expect(first.locator('.finding-toggle')).toBeInViewport();
		await expect(first.locator('.finding-toggle')).toHaveAttribute('aria-expanded', 'true');
		expect(problems).toEqual([]);
	});

	test('a call trace reads without scrolling sideways: each frame’s function whole on its line', async ({
		page
	}) => {
		const problems = watchForErrors(page);
		await openApp(page);
		await setLogText(page, fixture('e2e/kasan-use-after-free.log'));
		await page.getByRole('button', { name: 'Analyze' }).click();
		const card = page.locator('article.finding').first();
		await openFinding(card);
		const trace = card.getByRole('region', { name: /^Call trace of / });
		await expect(trace).toBeVisible();
		// the Context and Line columns had been out of view, the region to be scrolled row by row
		expect(await trace.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
		const fns = trace.locator('td.fn code');
		expect(await fns.count()).toBeGreaterThan(5);
		for (const line of await fns.evaluateAll((els) =>
			els.map((e) => ({ text: e.textContent, lines: e.getClientRects().length }))
		))
			expect(line.lines, line.text ?? '').toBe(1);
		// what the other columns said is under the function
		await expect(trace.locator('tbody tr').first()).toContainText(/0x\w+\/0x\w+ · \w+ · line \d+/);
		await expect(trace.locator('tbody tr').first()).toBeVisible();
		// the evidence lines wrap too: none to be scrolled to sideways
		const evidence = card.getByRole('region', { name: /^Evidence lines of / });
		expect(await evidence.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
		expect(problems).toEqual([]);
	});
});
