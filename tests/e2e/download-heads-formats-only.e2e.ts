import { expect, test, type Page } from '@playwright/test';
import { analyzeText, MIXED, watchForErrors } from './helpers';

/**
 * "Download" heads the three formats alone: Copy share link, which downloads nothing, had stood in
 * the same row after them as if a fourth format ("Download JSON text Markdown Copy share link").
 * It is outside the group, set apart from it by more than the formats' own gap.
 */
async function formatsApart(page: Page) {
	const group = page.getByRole('group', { name: 'Download' });
	await expect(group.getByRole('button')).toHaveText(['JSON', 'text', 'Markdown']);
	await expect(group.getByRole('button', { name: /share link/i })).toHaveCount(0);
	const share = page.getByRole('button', { name: 'Copy share link (anonymized)' });
	await expect(share).toBeVisible();
	const [md, link] = [
		await group.getByRole('button', { name: 'Download Markdown' }).boundingBox(),
		await share.boundingBox()
	];
	if (!md || !link) throw new Error('not laid out');
	// on the formats' row, apart from them (their own gap is 8 px); or on a row of its own below
	if (Math.abs(link.y - md.y) < 4) expect(link.x - (md.x + md.width)).toBeGreaterThanOrEqual(20);
	else expect(link.y).toBeGreaterThanOrEqual(md.y + md.height);
}

test('Download heads JSON, text and Markdown, not Copy share link (desktop and phone)', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyzeText(page, MIXED);
	await formatsApart(page);
	await page.setViewportSize({ width: 390, height: 844 });
	await formatsApart(page);
	expect(problems).toEqual([]);
});
