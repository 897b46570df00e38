import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createGzip } from 'node:zlib';
import { allowClipboard, fixture, openApp, setLogText, watchForErrors } from './helpers';

/**
 * What the page says after a download, a share link or a bad input: said in live regions that
 * are there (empty) before the words arrive, so that a screen reader announces them, and with
 * what to do next. Each test here failed before the fix it guards.
 */

const RADEON = fixture('e2e/warning-radeon.log');

async function axeViolations(page: Page): Promise<string[]> {
	const r = await new AxeBuilder({ page }).analyze();
	return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/**
 * Mark an element, to tell later that the words arrived in this same element (a status element
 * inserted already filled is not announced by some screen readers: the region must be there,
 * empty, before its text changes).
 */
async function mark(region: Locator): Promise<void> {
	await expect(region).toHaveCount(1);
	await expect(region).toHaveAttribute('role', 'status');
	await expect(region).toHaveText('');
	await region.evaluate((el) => el.setAttribute('data-marked', 'yes'));
}

test('the download and share notes, and the input area’s, are live regions there before their words', async ({
	page,
	context,
	baseURL
}) => {
	const problems = watchForErrors(page);
	await allowClipboard(context, baseURL as string);
	await openApp(page);

	// Analyze with nothing pasted
	const input = page.getByTestId('input-note');
	await mark(input);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(input).toHaveText(
		'Nothing to analyse yet: paste a kernel log above, or open a file.'
	);
	await expect(input).toHaveAttribute('data-marked', 'yes');
	// the same words again are said again: the region is emptied first, then filled
	await input.evaluate((el) => {
		const w = window as unknown as { __said: string[] };
		w.__said = [];
		new MutationObserver(() => w.__said.push(el.textContent ?? '')).observe(el, {
			childList: true,
			characterData: true,
			subtree: true
		});
	});
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { __said: string[] }).__said))
		.toEqual(['', 'Nothing to analyse yet: paste a kernel log above, or open a file.']);

	await setLogText(page, RADEON);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('#summary-h')).toBeFocused();
	await expect(input).toHaveText('');

	// Download: the note comes in the region that was waiting for it
	const note = page.getByTestId('share-note');
	await mark(note);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download JSON' }).click()
	]);
	expect(download.suggestedFilename()).toBe('necroscope-report.json');
	await expect(note).toHaveText(
		'Saved necroscope-report.json: the report and the log lines it quotes, not anonymized. Nothing was uploaded.'
	);
	await expect(note).toHaveAttribute('data-marked', 'yes');

	// Copy share link: the same region
	await page.getByRole('button', { name: 'Copy share link (anonymized)' }).click();
	await expect(note).toContainText('Link copied.', { timeout: 60_000 });
	await expect(note).toHaveAttribute('data-marked', 'yes');

	// the page's own note (a Cancel with nothing to show) waits empty too
	await expect(page.locator('p.notice')).toHaveAttribute('role', 'status');
	await expect(page.locator('p.notice')).toHaveText('');
	// the empty regions take no room, and break no rule
	expect(await axeViolations(page)).toEqual([]);
	expect(problems).toEqual([]);
});

/** a gzip of `bytes` zero bytes, made in steps (1 GiB of zeros is about 1 MB compressed) */
function zerosGz(bytes: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const gz = createGzip({ level: 9 });
		const parts: Buffer[] = [];
		gz.on('data', (d: Buffer) => parts.push(d));
		gz.on('end', () => resolve(Buffer.concat(parts)));
		gz.on('error', reject);
		const chunk = Buffer.alloc(1 << 20);
		let left = bytes;
		const write = () => {
			while (left > 0) {
				left -= chunk.length;
				if (!gz.write(chunk)) return void gz.once('drain', write);
			}
			gz.end();
		};
		write();
	});
}

test('bad files say what to do, the last report stays labelled as the earlier one, and the page recovers', async ({
	page
}) => {
	test.setTimeout(180_000);
	const problems = watchForErrors(page);
	/** the analysis workers the page started, and whether each was terminated since */
	const workers: { closed: boolean }[] = [];
	page.on('worker', (w) => {
		const entry = { closed: false };
		workers.push(entry);
		w.on('close', () => (entry.closed = true));
	});
	await openApp(page);
	const choose = page.getByLabel('Choose log files');
	await setLogText(page, RADEON);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('#summary-h')).toHaveText('Problems were found');

	// a .gz whose data is damaged: what to do, and that the report below is not this file's
	await choose.setInputFiles({
		name: 'kern.log.1.gz',
		mimeType: 'application/gzip',
		buffer: Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.from('garbage'.repeat(4))])
	});
	const alert = page.getByRole('alert');
	await expect(alert).toContainText(
		'The compressed file is damaged or truncated: its data cannot be decompressed from about byte 0 of 32 on.'
	);
	await expect(alert).toContainText('Copy the file from the machine again');
	await expect(alert).toContainText('The report below is the earlier one (pasted log).');
	expect(await axeViolations(page)).toEqual([]);

	// an empty file: the last file's error goes (it had stayed above this file's note)
	await choose.setInputFiles({ name: 'kern.log', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
	await expect(page.getByTestId('input-note')).toContainText(
		'kern.log is empty (0 bytes): nothing to analyse. A kernel log saved without root can be empty: save it with sudo dmesg > dmesg.txt'
	);
	await expect(alert).toHaveCount(0);

	// a decompression bomb of one endless line: a report that says what it read of it and that
	// it is no kernel log (it had been "Analysis failed: Invalid string length")
	await choose.setInputFiles({
		name: 'bomb.gz',
		mimeType: 'application/gzip',
		buffer: await zerosGz(1 << 30)
	});
	await expect(page.locator('#summary-h')).toHaveText('No kernel messages were recognised', {
		timeout: 150_000
	});
	await expect(page.locator('.warnings')).toContainText(
		'1 line is longer than 33,554,432 characters: only its first 33,554,432 were read, 1,040,187,392 characters after them were passed over'
	);
	await expect(alert).toHaveCount(0);
	await expect(page.getByTestId('input-note')).toHaveText('');
	// the worker that read the gigabyte is replaced by a fresh one: it held about 1.2 GB it no
	// longer used, and the next analysis had paid 5 to 7.5 s to collect it
	await expect.poll(() => workers.map((w) => w.closed)).toEqual([true, false]);

	// Analyze with only blank space: said, and the bomb's error goes
	await setLogText(page, '  \n\t\n');
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.getByTestId('input-note')).toHaveText(
		'The text above is only blank space: paste a kernel log there, or open a file.'
	);
	await expect(alert).toHaveCount(0);

	// and a log after all that: its report, no error, no note, as soon as on a fresh page (it had
	// taken longer than 5 s once on a loaded CI machine)
	await setLogText(page, RADEON);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('#summary-h')).toHaveText('Problems were found');
	await expect(page.locator('#summary-h')).toBeFocused();
	await expect(alert).toHaveCount(0);
	await expect(page.getByTestId('input-note')).toHaveText('');
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
	expect(problems).toEqual([]);
});

test('a share link the browser would not copy is selected for the user to copy, with the keyboard', async ({
	page
}) => {
	const problems = watchForErrors(page);
	// as on a page served over plain http from another machine: no clipboard for the page
	await page.addInitScript(() => {
		Object.defineProperty(navigator, 'clipboard', {
			value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }
		});
	});
	await openApp(page);
	await setLogText(page, RADEON);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('#summary-h')).toBeFocused();
	await page.getByRole('button', { name: 'Copy share link (anonymized)' }).focus();
	await page.keyboard.press('Enter');
	const note = page.getByTestId('share-note');
	await expect(note).toContainText(
		'The browser did not let the page copy the link: it is selected below, copy it',
		{ timeout: 60_000 }
	);
	// the focus is on the link, all of it selected (it had stayed on the button)
	const field = page.getByRole('textbox', { name: 'Share link', exact: true });
	await expect(field).toBeFocused();
	const link = await field.inputValue();
	expect(link).toMatch(/\/necroscope\/#report=/);
	expect(
		await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])
	).toEqual([0, link.length]);
	expect(await axeViolations(page)).toEqual([]);
	expect(problems).toEqual([]);
});

test.describe('on a phone (390 × 844, touch)', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	/** the whole element is on the screen */
	async function onScreen(page: Page, el: Locator) {
		const box = await el.boundingBox();
		const height = page.viewportSize()?.height ?? 0;
		expect(box).not.toBeNull();
		expect(box!.y).toBeGreaterThanOrEqual(0);
		// (a fraction of a pixel over: the layout rounds)
		expect(box!.y + box!.height).toBeLessThanOrEqual(height + 1);
	}

	test('a bad file’s error and an empty file’s note are shown whole, next to Open files…', async ({
		page
	}) => {
		const problems = watchForErrors(page);
		await page.emulateMedia({ colorScheme: 'dark' });
		await openApp(page);
		const open = page.getByRole('button', { name: 'Open files…' });
		const choose = page.getByLabel('Choose log files');
		await open.focus();
		await choose.setInputFiles({
			name: 'kern.log.1.gz',
			mimeType: 'application/gzip',
			buffer: Buffer.concat([
				Buffer.from([0x1f, 0x8b, 0x08, 0x00]),
				Buffer.from('garbage'.repeat(4))
			])
		});
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('Copy the file from the machine again');
		// it had been at the foot of the screen, cut after its first two lines
		await onScreen(page, alert);
		await expect(open).toBeFocused();
		await onScreen(page, open);
		expect(await axeViolations(page)).toEqual([]);

		await page.evaluate(() => scrollTo(0, 0));
		await choose.setInputFiles({
			name: 'dmesg.txt',
			mimeType: 'text/plain',
			buffer: Buffer.alloc(0)
		});
		const note = page.getByTestId('input-note');
		await expect(note).toContainText('dmesg.txt is empty (0 bytes)');
		await onScreen(page, note);
		expect(await axeViolations(page)).toEqual([]);
		expect(problems).toEqual([]);
	});
});
