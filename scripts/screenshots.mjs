#!/usr/bin/env node
// Screenshots of the page's main states for README.md and docs/ (run `npm run build` first):
// node scripts/screenshots.mjs  ->  docs/screenshot.png, docs/screenshot-start.png, docs/screenshot-dark.png
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const PORT = 4375;
const server = spawn(
	process.execPath,
	['scripts/serve.mjs', 'build', String(PORT), '/necroscope/'],
	{ stdio: 'pipe' }
);
await new Promise((r) => server.stdout.once('data', r));
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'
	]
});
const url = `http://127.0.0.1:${PORT}/necroscope/`;
async function shoot(scheme, withReport, file) {
	const page = await browser.newPage({
		viewport: { width: 1200, height: 900 },
		colorScheme: scheme
	});
	await page.goto(url);
	await page.waitForFunction(
		() => !document.querySelector('button.primary')?.hasAttribute('disabled')
	);
	if (withReport) {
		const log = readFileSync('fixtures/e2e/kasan-use-after-free.log', 'utf8');
		await page.getByLabel('Kernel log').evaluate((el, v) => {
			el.value = v;
			el.dispatchEvent(new Event('input', { bubbles: true }));
		}, log);
		await page.getByRole('button', { name: 'Analyze' }).click();
		await page.locator('article.finding summary').first().click();
		await page.locator('.report').scrollIntoViewIfNeeded();
		await page.evaluate(() => document.querySelector('.report')?.scrollIntoView());
	}
	await page.screenshot({ path: file });
	await page.close();
}
try {
	await shoot('light', false, 'docs/screenshot-start.png');
	await shoot('light', true, 'docs/screenshot.png');
	await shoot('dark', true, 'docs/screenshot-dark.png');
} finally {
	await browser.close();
	server.kill();
}
