#!/usr/bin/env node
// Screenshots of the page's main states for README.md and docs/ (run `npm run build` first):
// node scripts/screenshots.mjs  ->  docs/screenshot.png, docs/screenshot-start.png, docs/screenshot-dark.png
import { openSite } from './lib/site.mjs';
import { readFileSync } from 'node:fs';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 4375);
const site = await openSite(PORT);
const browser = site.browser;
const url = site.url;
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
		// the most important finding is open from the start, and the report brought to the top
		// (the click on its <summary>, which the titles no longer are, had failed)
		await page.locator('article.finding .finding-toggle[aria-expanded="true"]').waitFor();
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
	await site.close();
}
