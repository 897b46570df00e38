import { gzipSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fixture, MIXED, openApp, openFinding, setLogText } from './helpers';

/**
 * Windows High Contrast (forced colours: the page's own colours replaced by the system's few) and
 * reduced motion: a severity is still told by its symbol and word, the keyboard focus still
 * shows, the progress bar still shows how far the analysis is.
 */

/** lkp-05's interrupt conflict and WARNING, then MIXED's three findings: four severities */
const LOG = fixture('e2e/lkp-05-warning-irq-wx.log') + '\n' + MIXED;
const SEVERITIES = /^(critical|high|medium|low|info)$/;

/** the focus ring of the focused element: its outline as drawn, in forced colours */
const ring = (l: Locator) =>
	l.evaluate((e) => {
		const cs = getComputedStyle(e);
		return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor };
	});

async function analyse(page: Page) {
	await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
	await openApp(page);
	expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
	await setLogText(page, LOG);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('#summary-h')).toBeFocused();
}

test('in forced colours every finding says its severity in a word, not by colour alone', async ({
	page
}) => {
	await analyse(page);
	const badges = page.locator('article.finding .badge');
	// every finding's card (the list is drawn after the summary takes the focus: counted at once,
	// under load, it had held the high and medium findings only)
	await expect(badges).toHaveCount(6);
	const words = new Set<string>();
	for (const b of await badges.all()) {
		await expect(b).toBeVisible();
		// the word, visible, beside its symbol (which a screen reader skips)
		const word = (await b.evaluate((e) => (e as HTMLElement).innerText)).replace(/^\S+\s+/, '');
		expect(word.toLowerCase()).toMatch(SEVERITIES);
		words.add(word.toLowerCase());
	}
	expect(words.size).toBeGreaterThanOrEqual(3);
	// the summary's counts too ("▲ 2 high")
	const counts = await page
		.locator('section.report')
		.first()
		.evaluate((s) => (s as HTMLElement).innerText);
	for (const w of words) expect(counts).toContain(w);
});

test('in forced colours the keyboard focus is drawn on every control it reaches', async ({
	page
}) => {
	await analyse(page);
	// from the report's heading (focused when the analysis ends), Tab through the report: each
	// control it lands on has an outline of 2 px or more
	let seen = 0;
	for (let i = 0; i < 25; i++) {
		await page.keyboard.press('Tab');
		const focused = page.locator(':focus');
		if ((await focused.count()) === 0) continue;
		const r = await ring(focused);
		const what = await focused.evaluate((e) => `${e.tagName} ${e.textContent?.slice(0, 40)}`);
		expect(r.style, what).not.toBe('none');
		expect(r.width, what).toBeGreaterThanOrEqual(2);
		seen++;
	}
	expect(seen).toBeGreaterThan(10);
	// a finding's title, the control that opens it
	const toggle = page.locator('article.finding .finding-toggle').nth(1);
	await toggle.focus();
	const t = await ring(toggle);
	expect(t.style).not.toBe('none');
	expect(t.width).toBeGreaterThanOrEqual(2);
});

test('with reduced motion, opening a finding moves nothing', async ({ page }) => {
	await analyse(page);
	const card = page.locator('article.finding').nth(1);
	await openFinding(card);
	// no transition left running on the disclosure's triangle, nor any animation on the page
	const duration = await card
		.locator('.finding-toggle')
		.evaluate((b) => getComputedStyle(b, '::before').transitionDuration);
	expect(duration).toBe('0s');
	expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
});

test('in forced colours the progress bar still shows how far the analysis is', async ({ page }) => {
	test.setTimeout(120_000);
	await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles({
		// 28 MB of radeon WARNINGs, in a .gz of a few hundred KB (quick to hand to the page)
		name: 'big.log.gz',
		mimeType: 'application/gzip',
		buffer: gzipSync(Buffer.from(fixture('e2e/warning-radeon.log').repeat(6000)))
	});
	const bar = page.locator('section.progress progress');
	await expect(bar).toBeVisible();
	// the browser's own progress bar (drawn in the system's colours), with its value, and the
	// percentage said in words beside it
	await expect(page.locator('section.progress .status')).toContainText(/\(\d+%\)/, {
		timeout: 30_000
	});
	const shown = await bar.evaluate((p) => ({
		value: (p as HTMLProgressElement).position,
		appearance: getComputedStyle(p).appearance,
		height: p.getBoundingClientRect().height
	}));
	expect(shown.value).toBeGreaterThan(0);
	expect(shown.appearance).not.toBe('none');
	expect(shown.height).toBeGreaterThanOrEqual(8);
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('button', { name: /Cancel|Stopping/ })).toHaveCount(0);
});
