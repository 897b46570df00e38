import { expect, test, type Page } from '@playwright/test';
import { ANON_KINDS } from '../../src/lib/util/anonymize.ts';
import { replacedText } from '../../src/lib/components/format.ts';
import { cliReport, fixture, openApp, openShareLink } from './helpers';

/**
 * The note above a shared or opened report says what it is, the file's name and what the
 * anonymization replaced: on a phone it is one line and a More button, whatever its length, so
 * that the report's first finding stays on the first screen; wider, and printed, it is whole.
 */

/** A Raspberry Pi's kern.log (16 boots, a chain), its first finding the under-voltage. */
const LOG = fixture('e2e/izassafar-kern-log-boots.log');
const TITLE = 'Under-voltage: the power supply is too weak';
/** Every anonymization kind (the report's own list), each counted in two digits: the longest note. */
const KINDS = ANON_KINDS;
/** a sosreport's name, as a user's download of its report is named */
const NAME = 'sosreport-host1-2026-12-06-0f3c9a7b2d41e8c5fa09.tar.xz-report.json';

/** The CLI's anonymized report of LOG, as if every kind had been replaced in it. */
function longestReport(): string {
	const report = JSON.parse(cliReport(LOG, 'json', ['--anonymize']));
	report.input.anonymization.replaced = Object.fromEntries(KINDS.map((k, i) => [k, 10 + i]));
	return JSON.stringify(report, null, 2);
}
/** what the note says was replaced: every kind in words (`10 host names, …, 29 KASLR offsets`) */
const REPLACED = replacedText(Object.fromEntries(KINDS.map((k, i) => [k, 10 + i])));

async function openLongest(page: Page) {
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles({
		name: NAME,
		mimeType: 'application/json',
		buffer: Buffer.from(longestReport())
	});
	await expect(page.getByRole('note')).toContainText(`anonymized (${REPLACED})`);
}

/** the number of lines of the note's text, as laid out */
const noteLines = (page: Page) =>
	page.locator('#report-note-text').evaluate((p) => {
		const r = document.createRange();
		r.selectNodeContents(p);
		return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
	});

/** the first finding's title whole on the first screen, the note and the report's heading above it */
async function firstFindingOnScreen(page: Page, height: number) {
	const first = page.locator('article.finding').first();
	await expect(first.locator('.title')).toHaveText(TITLE);
	await expect(page.getByRole('note')).toBeInViewport({ ratio: 1 });
	await expect(page.locator('#summary-h')).toBeInViewport({ ratio: 1 });
	await expect
		.poll(() => first.locator('.title').evaluate((t) => t.getBoundingClientRect().bottom))
		.toBeLessThanOrEqual(height);
}

for (const [width, height] of [
	[390, 844],
	// 1280 px zoomed to 400%
	[320, 256]
]) {
	test.describe(`on a ${width}×${height} screen`, () => {
		test.use({ viewport: { width, height } });

		test('the longest note of a report file is one line, whole behind More', async ({ page }) => {
			await openLongest(page);
			const note = page.getByRole('note');
			// all of it is there for a screen reader, one line on the screen
			await expect(note).toContainText(`Report file, anonymized (${REPLACED}): ${NAME},`);
			expect(await noteLines(page)).toBe(1);
			if (width === 390) await firstFindingOnScreen(page, height);
			// nothing wider than the screen: the file's name had been one word of 66 characters
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);

			const more = note.getByRole('button', { name: 'More' });
			await expect(more).toHaveAttribute('aria-expanded', 'false');
			await expect(more).toHaveAttribute('aria-controls', 'report-note-text');
			await more.click();
			const less = note.getByRole('button', { name: 'Less' });
			await expect(less).toHaveAttribute('aria-expanded', 'true');
			expect(await noteLines(page)).toBeGreaterThan(3);
			// the whole text inside the note's box, none of it cut
			const cut = await page
				.locator('#report-note-text')
				.evaluate((p) => p.scrollWidth > p.clientWidth + 1 || p.scrollHeight > p.clientHeight + 1);
			expect(cut).toBe(false);
			await expect(page.locator('#report-note-text')).toContainText(
				`29 KASLR offsets): ${NAME}, a NecroScope report as saved`
			);
			await less.click();
			expect(await noteLines(page)).toBe(1);
		});
	});
}

test.describe('on a 390×844 phone screen', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('the longest note of a shared report is one line too', async ({
		page,
		context,
		baseURL
	}) => {
		// a report file opened in the page is shared as it is: its anonymization with it
		await openLongest(page);
		const other = await openShareLink(page, context, baseURL as string);
		await expect(other.getByRole('note')).toContainText(
			`Shared report, anonymized by its sender (${REPLACED}), read-only: the log was not shared.`
		);
		expect(await noteLines(other)).toBe(1);
		await firstFindingOnScreen(other, 844);
	});
});

/** the three notes about the longest report's input, each shown whole (not folded, not clamped) */
async function expectInputNotesWhole(page: Page): Promise<void> {
	const notes = page.locator('#notes-list li');
	await expect(notes).toHaveCount(3);
	for (const li of await notes.all()) {
		await expect(li).toBeVisible();
		const text = li.locator('.note-text');
		expect(await text.evaluate((t) => getComputedStyle(t).overflow)).toBe('visible');
		expect(await text.evaluate((t) => getComputedStyle(t).webkitLineClamp)).toBe('none');
	}
}

test.describe('on a 1280×800 screen', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('the note is whole, without More', async ({ page }) => {
		await openLongest(page);
		await expect(page.getByRole('note').getByRole('button')).toBeHidden();
		expect(await noteLines(page)).toBeGreaterThan(1);
		await expect(page.locator('#report-note-text')).toBeVisible();
		const cut = await page
			.locator('#report-note-text')
			.evaluate((p) => p.scrollWidth > p.clientWidth + 1);
		expect(cut).toBe(false);
		// and every note about the input whole: the phone's fold of them (the first note's first
		// three lines) had been printed
		await expectInputNotesWhole(page);
	});
});

test.describe('printed on a page as narrow as a phone (an A5 sheet is 560 px)', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('the note and the notes about the input are printed whole, without buttons', async ({
		page
	}) => {
		await openLongest(page);
		expect(await noteLines(page)).toBe(1);
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('note').getByRole('button')).toBeHidden();
		expect(await noteLines(page)).toBeGreaterThan(3);
		const cut = await page
			.locator('#report-note-text')
			.evaluate((p) => p.scrollWidth > p.clientWidth + 1 || p.scrollHeight > p.clientHeight + 1);
		expect(cut).toBe(false);
		// and every note about the input whole: the phone's fold of them (the first note's first
		// three lines) had been printed
		await expectInputNotesWhole(page);
	});
});
