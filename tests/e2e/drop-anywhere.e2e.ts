import { expect, test, type JSHandle, type Page } from '@playwright/test';
import {
	expectSameOrigin,
	fixture,
	MIXED,
	openApp,
	recordRequests,
	watchForErrors
} from './helpers';

/**
 * Files dropped anywhere on the page are analysed as on the input area: a drop outside it had done
 * nothing, and users drop files where the pointer is (the report shown, the page's heading).
 */

const RADEON = fixture('e2e/warning-radeon.log');

/** a DataTransfer holding `files` (name, text), as the browser's drop of files from a desktop */
function files(page: Page, list: Array<[string, string]>): Promise<JSHandle<DataTransfer>> {
	return page.evaluateHandle((l) => {
		const dt = new DataTransfer();
		for (const [name, text] of l) dt.items.add(new File([text], name, { type: 'text/plain' }));
		return dt;
	}, list);
}

const cue = (page: Page) => page.getByTestId('drop-cue');
const zone = (page: Page) => page.getByRole('region', { name: 'Log input' });

test('files dropped outside the input area are analysed, with a cue while they are dragged over the page', async ({
	page,
	context,
	baseURL
}) => {
	const requests = recordRequests(context);
	const problems = watchForErrors(page);
	await openApp(page);
	const url = page.url();
	const one = await files(page, [['first.log', RADEON]]);
	// over the page's heading, then its tagline: the cue covers the page while the drag is on it
	const heading = page.getByRole('heading', { name: 'NecroScope', level: 1 });
	const tagline = page.locator('.tagline');
	await expect(cue(page)).toHaveCount(0);
	await heading.dispatchEvent('dragenter', { dataTransfer: one });
	await heading.dispatchEvent('dragover', { dataTransfer: one });
	await expect(cue(page)).toBeVisible();
	await expect(cue(page)).toHaveText('Drop the files to analyse them');
	// and the input area is highlighted with it
	await expect(zone(page)).toHaveClass(/dragging/);
	// from the heading to the tagline (the enter comes before the leave): still shown
	await tagline.dispatchEvent('dragenter', { dataTransfer: one });
	await heading.dispatchEvent('dragleave', { dataTransfer: one });
	await expect(cue(page)).toBeVisible();
	// out of the window: gone
	await tagline.dispatchEvent('dragleave', { dataTransfer: one });
	await expect(cue(page)).toHaveCount(0);
	await expect(zone(page)).not.toHaveClass(/dragging/);
	// back in, and dropped on the tagline: analysed, the cue gone, the page not navigated
	await tagline.dispatchEvent('dragenter', { dataTransfer: one });
	await tagline.dispatchEvent('dragover', { dataTransfer: one });
	await tagline.dispatchEvent('drop', { dataTransfer: one });
	await expect(cue(page)).toHaveCount(0);
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
	await expect(page.getByTestId('input-summary')).toContainText(/^\s*first\.log:\s\S+ lines/);
	expect(page.url()).toBe(url);

	// two files dropped on the report shown (its first finding): one report each, as on the area
	const two = await files(page, [
		['a.log', MIXED],
		['b.log', RADEON]
	]);
	const finding = page.locator('article.finding').first();
	await finding.dispatchEvent('dragenter', { dataTransfer: two });
	await expect(cue(page)).toBeVisible();
	await finding.dispatchEvent('dragover', { dataTransfer: two });
	await finding.dispatchEvent('drop', { dataTransfer: two });
	await expect(page.getByRole('tab')).toHaveCount(2);
	await expect(page.getByRole('tab').first()).toContainText('a.log');
	await expect(page.getByRole('tab').nth(1)).toContainText('b.log');
	await expect(cue(page)).toHaveCount(0);
	expect(page.url()).toBe(url);

	// an empty file dropped on the footer alone: said by the input area, as there
	const empty = await files(page, [['dmesg.txt', '']]);
	await page.locator('footer').dispatchEvent('drop', { dataTransfer: empty });
	await expect(page.getByTestId('input-note')).toContainText(
		'dmesg.txt is empty (0 bytes): nothing to analyse.'
	);
	await expect(page.getByRole('tab')).toHaveCount(2);
	expectSameOrigin(requests, baseURL!);
	expect(problems).toEqual([]);
});

test('a file dropped outside the input area while an analysis runs is refused as on the area', async ({
	page
}) => {
	test.setTimeout(180_000);
	const problems = watchForErrors(page);
	await openApp(page);
	// made before the analysis starts, so that the drop comes while it certainly runs
	const one = await files(page, [['dropped.log', MIXED]]);
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'big.log',
		mimeType: 'text/plain',
		buffer: Buffer.from(RADEON.repeat(3000))
	});
	await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
	const footer = page.locator('footer');
	// no cue: a drop is refused now
	await footer.dispatchEvent('dragenter', { dataTransfer: one });
	await footer.dispatchEvent('dragover', { dataTransfer: one });
	await expect(cue(page)).toHaveCount(0);
	await footer.dispatchEvent('drop', { dataTransfer: one });
	await expect(page.getByTestId('input-note')).toHaveText(
		'An analysis is running: wait for it or cancel it, then drop the files again.'
	);
	// the running analysis gives its report, of big.log (not of the dropped file)
	await expect(page.getByTestId('input-summary')).toContainText(/^\s*big\.log:/, {
		timeout: 60_000
	});
	await expect(page.getByRole('tab')).toHaveCount(0);
	expect(problems).toEqual([]);
});

test('text or a link dragged onto the page is not taken, nor opened in place of the page', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	const taken = await page.evaluate(() => {
		const footer = document.querySelector('footer') as HTMLElement;
		const dt = new DataTransfer();
		dt.setData('text/uri-list', 'https://example.invalid/kern.log');
		return ['dragenter', 'dragover', 'drop'].map((type) => {
			const e = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt });
			footer.dispatchEvent(e);
			return `${type}: ${e.defaultPrevented} ${type === 'dragover' ? dt.dropEffect : ''}`.trim();
		});
	});
	// dragenter is left alone (no cue); dragover says nothing may be dropped; the drop is stopped
	expect(taken).toEqual(['dragenter: false', 'dragover: true none', 'drop: true']);
	await expect(cue(page)).toHaveCount(0);
	await expect(page.locator('#summary-h')).toHaveCount(0);
	// text dragged into the log's field is the browser's to put there
	const field = await page.evaluate(() => {
		const ta = document.getElementById('log-text') as HTMLElement;
		const dt = new DataTransfer();
		dt.setData('text/plain', '[    1.000000] a line');
		const e = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt });
		ta.dispatchEvent(e);
		return e.defaultPrevented;
	});
	expect(field).toBe(false);
	expect(problems).toEqual([]);
});
