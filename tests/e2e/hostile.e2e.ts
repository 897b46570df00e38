import { expect, test } from '@playwright/test';
import { openApp, setLogText, watchForErrors, openFinding } from './helpers';

const HOSTILE = [
	'[    1.000000] <script>window.__pwned = 1; alert("xss")</script>',
	'[    1.100000] <img src=x onerror="window.__pwned=2">',
	'[    1.200000] <svg onload="window.__pwned=3"><script>alert(1)</script></svg>',
	'[    1.300000] [click me](javascript:window.__pwned=4) ![img](javascript:alert(1))',
	'[    1.400000] \u001b[31mred\u001b[0m \u001b]8;;javascript:alert(1)\u001b\\link\u001b]8;;\u001b\\',
	'[    2.000000] BUG: kernel NULL pointer dereference, address: <img src=x onerror=alert(1)>',
	'[    2.000001] RIP: 0010:<script>alert(2)</script>+0x1/0x2',
	'[    2.000002] Call Trace:',
	'[    2.000003]  <script>alert(3)</script>+0x1/0x2',
	'[    2.000004]  javascript_alert+0x1/0x2',
	'[    3.000000] WARNING: CPU: 0 PID: 1 at <b>bold</b>.c:1 f+0x1/0x2'
].join('\n');

test('hostile log text is shown as text and never executes', async ({ page }) => {
	const problems = watchForErrors(page);
	const startUrl = page.url();
	await openApp(page);
	const url = page.url();
	await setLogText(page, HOSTILE);
	await page.getByRole('button', { name: 'Analyze' }).click();
	const cards = page.locator('article.finding');
	await expect(cards.first()).toBeVisible();
	for (const c of await cards.all()) await openFinding(c);
	await expect(page.locator('.report')).toContainText('<img src=x onerror=alert(1)>');
	expect(
		await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
	).toBeUndefined();
	expect(await page.locator('.report img, .report script, .report svg script').count()).toBe(0);
	expect(page.url()).toBe(url);
	expect(startUrl).not.toBe('x');
	expect(problems).toEqual([]);
});
