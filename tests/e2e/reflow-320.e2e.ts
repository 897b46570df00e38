import { expect, test, type Page } from '@playwright/test';
import { fixture, openApp, setLogText } from './helpers';

/**
 * Reflow (WCAG 1.4.10): 320 CSS px wide, as a 1280 px window zoomed to 400%, nothing scrolls
 * sideways but the log and code blocks, each in its own box; a long token of a log or of advice
 * (a path, a hex string, a config option) wraps in its line or scrolls inside its block.
 */

test.use({ viewport: { width: 320, height: 256 } });

/** every finding, every note and every folded part of the report open */
async function openEverything(page: Page) {
	// (again until none is left closed: the cards come 20 at a time, the later ones closed)
	await expect(async () => {
		await page.evaluate(() => {
			for (const b of document.querySelectorAll<HTMLButtonElement>(
				'main button[aria-expanded="false"]'
			))
				b.click();
			for (const d of document.querySelectorAll('details')) d.open = true;
		});
		await expect(page.locator('main button[aria-expanded="false"]:visible')).toHaveCount(0, {
			timeout: 1000
		});
	}).toPass({ timeout: 30_000 });
}

/**
 * The boxes whose content goes past the screen's right edge without a scrolling box of their own
 * around it (a code or log block that scrolls is allowed its width).
 */
const overflowing = (page: Page) =>
	page.evaluate(() => {
		const scrolls = (e: Element) => {
			for (let p: Element | null = e; p; p = p.parentElement) {
				const o = getComputedStyle(p).overflowX;
				if (o === 'auto' || o === 'scroll') return true;
			}
			return false;
		};
		const out: string[] = [];
		// (the elements of an SVG drawing are in its box; a form field's text scrolls in its field;
		// a box that clips its content, such as a visually hidden text, shows none of it)
		for (const e of document.querySelectorAll('body *')) {
			if (!(e instanceof HTMLElement)) continue;
			const cs = getComputedStyle(e);
			if (cs.display === 'inline' || cs.display === 'none') continue;
			const { left, right: edge } = e.getBoundingClientRect();
			const clips =
				cs.overflowX !== 'visible' || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName);
			const right = clips ? edge : Math.max(edge, left + e.scrollWidth);
			if (right > innerWidth + 1 && !scrolls(e))
				out.push(`${e.tagName}.${String(e.className)}: ${(e.textContent ?? '').slice(0, 60)}`);
		}
		return out;
	});

async function analyse(page: Page, log: string) {
	await openApp(page);
	await setLogText(page, log);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('#summary-h')).toBeFocused();
}

test('a log with long tokens: its report needs no sideways scrolling at 320 px', async ({
	page
}) => {
	// an iwlwifi firmware request that stalled: its advice names
	// CONFIG_FW_LOADER_USER_HELPER_FALLBACK=y and `grep FW_LOADER_USER_HELPER /boot/config-…`,
	// which had made the page 457 px wide
	await analyse(page, fixture('e2e/iwlwifi-firmware-stall.log'));
	await openEverything(page);
	await expect(page.locator('article.finding .body', { hasText: 'FW_LOADER' })).toBeVisible();
	expect(await overflowing(page)).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
});

test('a report of many findings, traces and long log lines: nothing scrolls sideways but the log blocks', async ({
	page
}) => {
	test.setTimeout(120_000);
	// real logs one after another: KASAN's report and trace, a WARNING with its modules linked
	// in, the Wi-Fi firmware stall, an amdgpu ring timeout, machine checks, OOM kills with their
	// process tables, a page allocation failure, a NIC's link flaps, an i915 underrun, seccomp kills
	const log = [
		'e2e/kasan-use-after-free.log',
		'e2e/lkp-05-warning-irq-wx.log',
		'e2e/iwlwifi-firmware-stall.log',
		'health/amdgpu-ring-timeout.log',
		'health/mce-events.log',
		'health/oom-kill.log',
		'health/page-allocation-failure.log',
		'health/link-flaps-igc.log',
		'health/i915-underrun-vmcore.log',
		'health/seccomp-kills.log'
	]
		.map((f) => fixture(f))
		.join('\n');
	await analyse(page, log);
	// (the cards come 20 at a time after the first ones)
	await expect
		.poll(() => page.locator('article.finding').count(), { timeout: 30_000 })
		.toBeGreaterThanOrEqual(20);
	await openEverything(page);
	expect(await overflowing(page)).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
	// the log blocks wider than the screen scroll in their own box, within the screen
	const blocks = page.locator('article.finding .evidence, article.finding .frames');
	expect(await blocks.count()).toBeGreaterThan(3);
	for (const b of await blocks.all()) {
		const box = await b.evaluate((e) => {
			const r = e.getBoundingClientRect();
			return { right: r.right, overflowX: getComputedStyle(e).overflowX };
		});
		expect(box.right).toBeLessThanOrEqual(320);
		expect(['auto', 'scroll']).toContain(box.overflowX);
	}
});
