import { expect, test, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { analyzeText, openFinding, watchForErrors } from './helpers';

/**
 * Unicode's bidirectional controls in a log (a right-to-left override, isolates, the marks) are
 * shown, not applied: a line with U+202E before `gnp.exe` had shown `exe.png`, and a System value
 * `Board 1.2` as `2.1 draoB`, what a reader saw not being the log's order. Each control is shown by
 * its escape (`\u202e`, as the text and Markdown reports write it), the text around it in the log's
 * order, and a copy gives the log's own characters. So too in a saved report opened again.
 */
const RLO = '\u202e';
const PDF = '\u202c';
const LOG = [
	'[    0.000000] Linux version 6.1.0-18-amd64 (b@h) (gcc 12) #1 SMP',
	`[    0.000000] DMI: Vendor ${RLO}Board 1.2${PDF}, BIOS 1 01/01/2020`,
	'[    5.000000] WARNING: CPU: 0 PID: 1 at drivers/x.c:1 f+0x1/0x2',
	'[    5.000001] Modules linked in: a b',
	'[    5.000002] CPU: 0 PID: 1 Comm: sh Not tainted 6.1.0-18-amd64 #1',
	`[    5.000002] note: user said ${RLO}gnp.exe${PDF} here \u2066abc\u2069 x\u200f1`,
	'[    5.000003] Call Trace:',
	'[    5.000005]  g+0x1/0x2',
	'[    5.000008] ---[ end trace 0000000000000000 ]---'
].join('\n');

/** whether `word`'s first character is laid out left of its last (the log's order, left to right) */
async function inOrder(el: Locator, word: string): Promise<boolean | null> {
	return el.evaluate((root, w) => {
		const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode() as Text | null; n; n = walk.nextNode() as Text | null) {
			const at = n.data.indexOf(w);
			if (at === -1) continue;
			const x = (i: number) => {
				const r = document.createRange();
				r.setStart(n, i);
				r.setEnd(n, i + 1);
				return r.getBoundingClientRect().left;
			};
			return x(at) < x(at + w.length - 1);
		}
		return null;
	}, word);
}

/** the escapes drawn for the controls in `el`, in order */
async function shown(el: Locator): Promise<string[]> {
	return el
		.locator('.bidi')
		.evaluateAll((spans) =>
			spans.map((s) => JSON.parse(getComputedStyle(s, '::before').content) as string)
		);
}

async function expectInert(page: import('@playwright/test').Page): Promise<void> {
	const card = page.locator('article.finding').filter({ hasText: 'WARNING' }).first();
	await openFinding(card);
	const line = card
		.getByRole('region', { name: /^Evidence lines of / })
		.locator('.ev code')
		.filter({ hasText: 'note: user said' });
	expect(await inOrder(line, 'gnp.exe')).toBe(true);
	expect(await shown(line)).toEqual(['\\u202e', '\\u202c', '\\u2066', '\\u2069', '\\u200f']);
	// a copy gives the log's characters, not the escapes drawn for them
	const copied = await line.evaluate((el) => {
		const sel = window.getSelection() as Selection;
		sel.selectAllChildren(el);
		return sel.toString();
	});
	expect(copied).toBe(`note: user said ${RLO}gnp.exe${PDF} here \u2066abc\u2069 x\u200f1`);

	const hardware = page.locator('section.meta dd').filter({ hasText: 'Board' });
	expect(await inOrder(hardware, 'Board 1.2')).toBe(true);
	expect(await shown(hardware)).toEqual(['\\u202e', '\\u202c']);
}

test('bidirectional controls in evidence and System values are shown, not applied', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 1280, height: 900 });
	await analyzeText(page, LOG);
	await expectInert(page);

	// the report saved and opened again, on a phone
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download JSON' }).click()
	]);
	const saved = readFileSync(await download.path());
	await page.setViewportSize({ width: 390, height: 844 });
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'report.json',
		mimeType: 'application/json',
		buffer: saved
	});
	await expect(page.getByRole('note')).toContainText('report.json, a NecroScope report as saved');
	await expectInert(page);
	expect(problems).toEqual([]);
});
