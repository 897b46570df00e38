import { expect, test, type Page } from '@playwright/test';
import { cliReport, fixture, openApp, openShareLink } from './helpers';

/**
 * On a phone the note above an opened or shared report is one line and a More button: that line
 * says whether the report is anonymized, whatever the file's name. A sosreport's name had come
 * first and left "NecroScope report file (sosreport-h…" with "anonymized" behind More.
 */

const LOG = fixture('e2e/izassafar-kern-log-boots.log');
const NAME = 'sosreport-host1-2026-12-06-0f3c9a7b2d41e8c5fa09.tar.xz-report.json';

/** whether `word` in the note's text ends inside the note's box as laid out (not under the "…") */
function wordShown(page: Page, word: string): Promise<boolean> {
	return page.locator('#report-note-text').evaluate((p, word) => {
		const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const at = (n.textContent ?? '').indexOf(word);
			if (at < 0) continue;
			const range = document.createRange();
			range.setStart(n, at);
			range.setEnd(n, at + word.length);
			return range.getBoundingClientRect().right <= p.getBoundingClientRect().right;
		}
		return false;
	}, word);
}

async function openFile(page: Page, anonymize: boolean) {
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles({
		name: NAME,
		mimeType: 'application/json',
		buffer: Buffer.from(cliReport(LOG, 'json', anonymize ? ['--anonymize'] : []))
	});
	await expect(page.getByRole('note').getByRole('button', { name: 'More' })).toBeVisible();
}

for (const [width, height] of [
	[390, 844],
	// 1280 px zoomed to 400%
	[320, 256]
]) {
	test.describe(`on a ${width}×${height} screen`, () => {
		test.use({ viewport: { width, height } });

		test('an anonymized report file with a long name says "anonymized" on its one line', async ({
			page,
			context,
			baseURL
		}) => {
			await openFile(page, true);
			await expect(page.getByRole('note')).toContainText(/^Report file, anonymized \(/);
			expect(await wordShown(page, 'anonymized')).toBe(true);
			// the file's name is still there, after it
			await expect(page.getByRole('note')).toContainText(`: ${NAME}, a NecroScope report`);
			expect(await wordShown(page, NAME)).toBe(false);
			// and a shared link of it says so on its one line too
			const other = await openShareLink(page, context, baseURL as string);
			await expect(other.getByRole('note')).toContainText(
				/^Shared report, anonymized by its sender \(/
			);
			await expect(other.getByRole('note').getByRole('button', { name: 'More' })).toBeVisible();
			expect(await wordShown(other, 'anonymized')).toBe(true);
		});

		test('one that is not anonymized says "not anonymized" on its one line', async ({ page }) => {
			await openFile(page, false);
			await expect(page.getByRole('note')).toContainText(
				`Report file, not anonymized: ${NAME}, a NecroScope report as saved`
			);
			expect(await wordShown(page, 'not anonymized')).toBe(true);
		});
	});
}
