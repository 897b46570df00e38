import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Every request the page makes, to check none leaves the page's own origin. */
export function recordRequests(context: BrowserContext): string[] {
	const urls: string[] = [];
	context.on('request', (r) => urls.push(r.url()));
	return urls;
}

export function expectSameOrigin(urls: string[], baseURL: string): void {
	const origin = new URL(baseURL).origin;
	const foreign = urls.filter(
		(u) => !u.startsWith(origin + '/') && !u.startsWith('blob:' + origin) && !u.startsWith('data:')
	);
	expect(foreign, 'requests that left the page origin').toEqual([]);
}

/** Fail the test on any console error, page error or dialog. */
export function watchForErrors(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	page.on('dialog', (d) => {
		problems.push(`dialog: ${d.message()}`);
		void d.dismiss();
	});
	return problems;
}

export async function openApp(page: Page): Promise<void> {
	await page.goto('./');
	await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
}

/** Put text into the log field the way a paste would (fill() is very slow for big texts). */
export async function setLogText(page: Page, text: string): Promise<void> {
	await page.getByLabel('Kernel log').evaluate((el, value) => {
		const ta = el as HTMLTextAreaElement;
		ta.value = value;
		ta.dispatchEvent(new Event('input', { bubbles: true }));
	}, text);
}

/** Open the page, paste `text` and analyse it: resolves once the analysis is announced done. */
export async function analyzeText(page: Page, text: string): Promise<void> {
	await openApp(page);
	await setLogText(page, text);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: /);
}

/** Let the page read and write the clipboard (Copy share link, a paste through it). */
export async function allowClipboard(context: BrowserContext, baseURL: string): Promise<void> {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
		origin: new URL(baseURL).origin
	});
}

/**
 * Press Copy share link on the report shown and open the link in a new tab of the same browser
 * context; the new tab's page is returned (as a user sent the link would see it).
 */
export async function openShareLink(
	page: Page,
	context: BrowserContext,
	baseURL: string
): Promise<Page> {
	await allowClipboard(context, baseURL);
	await page.getByRole('button', { name: 'Copy share link' }).click();
	const link = await page.getByRole('textbox', { name: 'Share link', exact: true }).inputValue();
	const other = await context.newPage();
	await other.goto(link);
	return other;
}

/** Paste through the real clipboard. */
export async function pasteLog(
	page: Page,
	context: BrowserContext,
	baseURL: string,
	text: string
): Promise<void> {
	await allowClipboard(context, baseURL);
	await page.evaluate((t) => navigator.clipboard.writeText(t), text);
	await page.getByLabel('Kernel log').focus();
	await page.keyboard.press('ControlOrMeta+V');
}

export function fixture(path: string): string {
	return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
}

/** The file path of a fixture, to choose it in the page's file input. */
export function fixturePath(path: string): string {
	return new URL(`../../fixtures/${path}`, import.meta.url).pathname;
}

/**
 * Three findings of two severities and three categories: the radeon WARNING, then
 * askubuntu-dmesg-journalctl-lastdayorso's rtw_8821ce line (twice) and an I/O error.
 */
export const MIXED =
	fixture('e2e/warning-radeon.log') +
	[
		'[ 5000.000000] rtw_8821ce 0000:02:00.0: firmware failed to leave lps state',
		'[ 5001.000000] blk_update_request: I/O error, dev sda, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0',
		'[ 5002.000000] rtw_8821ce 0000:02:00.0: firmware failed to leave lps state'
	].join('\n');

/** The CLI's report for the same input (stdin, so no file name, like a paste). */
export function cliReport(
	input: string | Buffer,
	format: 'json' | 'text' | 'markdown' = 'json',
	extra: string[] = []
): string {
	const r = spawnSync(process.execPath, ['scripts/cli.mjs', '--format', format, ...extra, '-'], {
		input,
		encoding: 'utf8',
		maxBuffer: 1 << 28
	});
	if (r.status !== 0) throw new Error(`cli failed (${r.status}): ${r.stderr}`);
	return r.stdout;
}

/**
 * What the CLI's `--lines ID` writes for `input` (read from standard input): a finding's log
 * lines, the file its crash advice feeds to decode_stacktrace.sh.
 */
export function cliLines(input: string | Buffer, id: string, extra: string[] = []): string {
	const r = spawnSync(process.execPath, ['scripts/cli.mjs', '--lines', id, ...extra, '-'], {
		input,
		encoding: 'utf8',
		maxBuffer: 1 << 28
	});
	if (r.status !== 0) throw new Error(`cli failed (${r.status}): ${r.stderr}`);
	return r.stdout;
}

/**
 * The wait for an analysis' first progress: it comes after 20,000 lines from a worker just
 * started, which takes seconds on a busy machine (CI runs saw "Analysing… 0 lines" for the
 * default 5 s); the assertions themselves are unchanged.
 */
export const FIRST_PROGRESS = { timeout: 30_000 };

/**
 * Open `file` (a log of radeon WARNINGs), Cancel once some lines were analysed, and see the
 * report of what was read.
 */
export async function cancelPartWay(page: Page, file: Parameters<Page['setInputFiles']>[1]) {
	await page.getByLabel('Choose log files').setInputFiles(file);
	// stop once some lines were analysed (a Cancel before the first chunk keeps nothing)
	await expect(page.locator('[aria-label="Analysis progress"] .status')).toContainText(
		/Analysing… [1-9][\d,]* lines/,
		FIRST_PROGRESS
	);
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('button', { name: /Cancel|Stopping/ })).toHaveCount(0);
	await expect(page.locator('.warnings')).toContainText('Incomplete: the analysis was stopped');
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
}

/**
 * Open a finding's card (a click on its title's button) unless it is open already: the most important
 * finding of a report starts open, and a click would close it. The report opens that finding in a
 * render step of its own, after the first findings are shown: a click read as needed just before
 * that step closes it again, so a card found closed after the click is clicked again.
 */
export async function openFinding(card: Locator): Promise<void> {
	const toggle = card.locator('.finding-toggle').first();
	await expect(async () => {
		if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
		await expect(toggle).toHaveAttribute('aria-expanded', 'true', { timeout: 1000 });
	}).toPass();
}

/**
 * `n` dmesg lines of USB devices that failed to enumerate, one on each of `n` ports: a report of
 * `n` findings (at most the 2,000 a report keeps).
 */
export function usbEnumerationFailures(n: number): string {
	return Array.from(
		{ length: n },
		(_, i) =>
			`[${(i + 1).toFixed(6).padStart(12)}] usb 1-${i}: device descriptor read/64, error -71`
	).join('\n');
}

/**
 * The text of each line the browser laid out, of each element `els` matches: its characters
 * grouped by the top of their boxes (a line break is where the top moves by more than 4 px).
 */
export async function laidOutLines(els: Locator): Promise<string[][]> {
	return els.evaluateAll((nodes) =>
		nodes.map((root) => {
			const r = document.createRange();
			const lines: string[] = [];
			let cur = '';
			let top: number | null = null;
			const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let n = walk.nextNode() as Text | null; n; n = walk.nextNode() as Text | null)
				for (let i = 0; i < n.length; i++) {
					r.setStart(n, i);
					r.setEnd(n, i + 1);
					const box = r.getClientRects()[0];
					if (!box) continue;
					if (top !== null && Math.abs(box.top - top) > 4) {
						lines.push(cur);
						cur = '';
					}
					top = box.top;
					cur += n.data[i];
				}
			lines.push(cur);
			return lines;
		})
	);
}
