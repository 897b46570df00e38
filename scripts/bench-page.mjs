#!/usr/bin/env node
// The page under load: serves build/ (run `npm run build` first), opens it in Chromium, drops a
// large log into the file picker and measures, in the page, the main thread's long tasks (a
// PerformanceObserver for 'longtask' entries) and the time until the findings appear.
// usage: node scripts/bench-page.mjs FILE [FILE...]
import { openSite } from './lib/site.mjs';
import { statSync } from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
	console.error('usage: bench-page.mjs FILE [FILE...]');
	process.exit(2);
}
const PORT = 4373;
const site = await openSite(PORT);
const browser = site.browser;
try {
	for (const file of files) {
		const page = await browser.newPage();
		await page.addInitScript(() => {
			window.__longTasks = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries())
					window.__longTasks.push({ start: e.startTime, duration: e.duration });
			}).observe({ type: 'longtask', buffered: true });
		});
		await page.goto(site.url);
		await page.getByRole('button', { name: 'Analyze' }).waitFor();
		await page.waitForFunction(
			() => !document.querySelector('button.primary')?.hasAttribute('disabled')
		);
		const pageT0 = await page.evaluate(() => ((window.__longTasks = []), performance.now()));
		let progressUpdates = 0;
		const t0 = Date.now();
		await page.getByLabel('Choose log files').setInputFiles(file);
		const poll = setInterval(() => {
			void page
				.locator('[aria-label="Analysis progress"] .status')
				.count()
				.then((n) => (progressUpdates += n))
				.catch(() => {});
		}, 200);
		await page.locator('article.finding').first().waitFor({ timeout: 600_000 });
		clearInterval(poll);
		const seconds = (Date.now() - t0) / 1000;
		const entries = await page.evaluate(() => window.__longTasks);
		const tasks = entries.map((e) => e.duration);
		const mb = statSync(file).size / 1048576;
		console.log(
			`${file}: ${mb.toFixed(0)} MB in ${seconds.toFixed(1)} s (${(mb / seconds).toFixed(1)} MB/s); ` +
				`main-thread long tasks: ${tasks.length}, longest ${tasks.length ? Math.max(...tasks).toFixed(0) : 0} ms; ` +
				`progress bar seen in ${progressUpdates} of ${Math.round(seconds * 5)} polls`
		);
		if (process.env.BENCH_PAGE_TASKS) {
			for (const e of entries)
				console.log(
					`  long task at ${((e.start - pageT0) / 1000).toFixed(2)} s: ${e.duration.toFixed(0)} ms`
				);
		}
		await page.close();
	}
} finally {
	await site.close();
}
