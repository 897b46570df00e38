import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import {
	allowClipboard,
	FIRST_PROGRESS,
	fixture,
	openApp,
	pasteLog,
	setLogText,
	watchForErrors,
	usbEnumerationFailures
} from './helpers';

/**
 * The page walked through as three users would: with the keyboard only, on a phone, and with a
 * big or odd input. Each test here failed before the fix it guards.
 */

const RADEON = fixture('e2e/warning-radeon.log');
/** about 14 MB: long enough to be seen running and to be stopped */
const BIG = RADEON.repeat(3000);
/** a .gz whose header is right and whose body is not: the analysis fails with a message */
const BAD_GZ = Buffer.concat([
	Buffer.from([0x1f, 0x8b, 0x08, 0x00]),
	Buffer.from('garbage'.repeat(4))
]);

const zone = (page: Page) => page.getByRole('region', { name: 'Log input' });
const status = (page: Page) => page.locator('[aria-label="Analysis progress"] .status');

async function axeViolations(page: Page): Promise<string[]> {
	const r = await new AxeBuilder({ page }).analyze();
	return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

test('the keyboard focus goes to Cancel while an analysis runs, then to the report or back to the control that started it', async ({
	page
}) => {
	test.setTimeout(180_000);
	const problems = watchForErrors(page);
	await openApp(page);
	// Open files… is disabled while it runs, which dropped the focus to the page; Cancel takes
	// it, and it is the next stop after the text field (the sample list and the privacy options
	// were in between, three stops after Analyze)
	const open = page.getByRole('button', { name: 'Open files…' });
	await open.focus();
	await page
		.getByLabel('Choose log files')
		.setInputFiles({ name: 'big.log', mimeType: 'text/plain', buffer: Buffer.from(BIG) });
	const cancel = page.getByRole('button', { name: 'Cancel' });
	await expect(cancel).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(page.getByLabel('Kernel log')).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(cancel).toBeFocused();
	await expect(status(page)).toContainText(/Analysing… [1-9][\d,]* lines/, FIRST_PROGRESS);
	await page.keyboard.press('Enter');
	// the stopped analysis's report takes the focus
	await expect(page.locator('#summary-h')).toBeFocused();
	await expect(page.locator('.warnings')).toContainText('Incomplete: the analysis was stopped');

	// Analyze by keyboard: Cancel, then the report
	await setLogText(page, RADEON);
	await page.getByRole('button', { name: 'Analyze' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('#summary-h')).toBeFocused();
	await expect(page.locator('.warnings')).toHaveCount(0);

	// no report (a damaged .gz): the focus goes back to the control that started it
	await open.focus();
	await page
		.getByLabel('Choose log files')
		.setInputFiles({ name: 'dmesg.log.gz', mimeType: 'application/gzip', buffer: BAD_GZ });
	await expect(page.getByRole('alert')).toContainText('damaged or truncated');
	await expect(open).toBeFocused();
	// the report shown before stays
	await expect(page.locator('#summary-h')).toHaveText('Problems were found');
	// an error shown: no axe violation
	expect(await axeViolations(page)).toEqual([]);
	expect(problems).toEqual([]);
});

test.describe('before the first progress', () => {
	// (no service worker: it would fetch the worker's script past the route below)
	test.use({ serviceWorkers: 'block' });

	test('a file’s analysis says that it starts, and the file’s size, until the worker’s first progress', async ({
		page
	}) => {
		const problems = watchForErrors(page);
		// the worker's script is slow to come, as on a busy machine or a slow connection
		let release = () => {};
		const held = new Promise<void>((r) => (release = r));
		await page.route(/analysis\.worker-[^/]*\.js$/, async (route) => {
			await held;
			await route.continue();
		});
		await openApp(page);
		await page
			.getByLabel('Choose log files')
			.setInputFiles({ name: 'big.log', mimeType: 'text/plain', buffer: Buffer.from(BIG) });
		// it had said "Analysing… 0 lines, 0.0 KB", with no size, for seconds, as if it were stuck
		await expect(status(page)).toHaveText('Starting the analysis of 13.3 MB…');
		await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
		release();
		await expect(status(page)).toContainText(
			/Analysing… [1-9][\d,]* lines, [\d.]+ MB of 13\.3 MB/,
			FIRST_PROGRESS
		);
		await page.getByRole('button', { name: 'Cancel' }).click();
		await expect(page.locator('#summary-h')).toBeVisible({ timeout: 30_000 });
		expect(problems).toEqual([]);
	});
});

test('a long analysis shows its progress without a page error, and a file dropped meanwhile does not start a second one', async ({
	page
}) => {
	test.setTimeout(180_000);
	const problems = watchForErrors(page);
	await openApp(page);
	// made before the analysis starts, so that the drop comes while it certainly runs (made after
	// the first progress, on a busy machine the analysis had ended before the drop)
	const dataTransfer = await page.evaluateHandle((text) => {
		const dt = new DataTransfer();
		dt.items.add(new File([text], 'dropped.log', { type: 'text/plain' }));
		return dt;
	}, RADEON);
	await page
		.getByLabel('Choose log files')
		.setInputFiles({ name: 'big.log', mimeType: 'text/plain', buffer: Buffer.from(BIG) });
	await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
	// a drop while it runs: said, not analysed (it had started a second analysis in the same
	// worker, and the report shown was the dropped file's)
	await zone(page).dispatchEvent('dragenter', { dataTransfer });
	await expect(zone(page)).not.toHaveClass(/dragging/);
	await zone(page).dispatchEvent('dragover', { dataTransfer });
	await zone(page).dispatchEvent('drop', { dataTransfer });
	await expect(zone(page).locator('.note')).toHaveText(
		'An analysis is running: wait for it or cancel it, then drop the files again.'
	);
	await expect(status(page)).toContainText(
		/Analysing… [1-9][\d,]* lines, [\d.]+ MB of 13\.3 MB/,
		FIRST_PROGRESS
	);
	await expect(page.locator('progress')).toHaveAttribute('value', /^\d+$/);
	await expect(page.getByTestId('input-summary')).toContainText(/^\s*big\.log:/, {
		timeout: 30_000
	});
	await expect(page.locator('.warnings')).toHaveCount(0);
	// the progress callback had returned the page's state proxy to the worker, which Comlink
	// cannot send back: "Unserializable return value" at every progress step
	expect(problems).toEqual([]);
});

test('the drop highlight stays while a file is dragged over the fields inside the area', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	// with a mouse, the hint says files can be dropped (on a touch screen it does not, below)
	expect(await page.locator('#log-hint').innerText()).toContain(
		'or open files or drop them here (.log,'
	);
	const dataTransfer = await page.evaluateHandle((text) => {
		const dt = new DataTransfer();
		dt.items.add(new File([text], 'dropped.log', { type: 'text/plain' }));
		return dt;
	}, RADEON);
	const area = zone(page);
	const field = page.getByLabel('Kernel log');
	// what the browser sends as the pointer enters the area, then its text field: the field's
	// dragenter, then the area's dragleave (then a dragover every 50 ms or so)
	await area.dispatchEvent('dragenter', { dataTransfer });
	await area.dispatchEvent('dragover', { dataTransfer });
	await expect(area).toHaveClass(/dragging/);
	await field.dispatchEvent('dragenter', { dataTransfer });
	await area.dispatchEvent('dragleave', { dataTransfer });
	await expect(area).toHaveClass(/dragging/);
	// back out of the field onto the area, and out of the area
	await area.dispatchEvent('dragenter', { dataTransfer });
	await field.dispatchEvent('dragleave', { dataTransfer });
	await expect(area).toHaveClass(/dragging/);
	await area.dispatchEvent('dragleave', { dataTransfer });
	await expect(area).not.toHaveClass(/dragging/);
	// in again, dropped on the field: analysed, and no highlight left
	await area.dispatchEvent('dragenter', { dataTransfer });
	await field.dispatchEvent('dragenter', { dataTransfer });
	await area.dispatchEvent('dragleave', { dataTransfer });
	await field.dispatchEvent('drop', { dataTransfer });
	await expect(area).not.toHaveClass(/dragging/);
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');

	// a link dropped outside the area is not opened by the browser in place of the page (a file
	// dropped there is analysed: drop-anywhere.e2e.ts)
	const taken = await page.evaluate(() => {
		const footer = document.querySelector('footer') as HTMLElement;
		const dt = new DataTransfer();
		dt.setData('text/uri-list', 'https://example.invalid/outside.log');
		return ['dragover', 'drop'].map((type) => {
			const e = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt });
			footer.dispatchEvent(e);
			return `${type}: ${e.defaultPrevented} ${type === 'dragover' ? dt.dropEffect : ''}`.trim();
		});
	});
	expect(taken).toEqual(['dragover: true none', 'drop: true']);
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
	expect(problems).toEqual([]);
});

test('an empty file is said to be empty; the other files are analysed', async ({ page }) => {
	const problems = watchForErrors(page);
	await openApp(page);
	const input = page.getByLabel('Choose log files');
	await input.setInputFiles({ name: 'empty.log', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
	await expect(zone(page).locator('.note')).toHaveText(
		'empty.log is empty (0 bytes): nothing to analyse. A kernel log saved without root can be empty: save it with sudo dmesg > dmesg.txt (or sudo journalctl -k -b > kernel.txt) and open that.'
	);
	// not a report of "No kernel messages were recognised"
	await expect(page.locator('#summary-h')).toHaveCount(0);
	await input.setInputFiles([
		{ name: 'empty.log', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
		{ name: 'dmesg.log', mimeType: 'text/plain', buffer: Buffer.from(RADEON) }
	]);
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
	// said once, above the report (the input area had said it too)
	await expect(page.getByTestId('inputs-without-report')).toHaveText(
		'empty.log: empty (0 bytes), nothing to analyse. A kernel log saved without root can be empty: save it with sudo dmesg > dmesg.txt (or sudo journalctl -k -b > kernel.txt) and open that.'
	);
	await expect(zone(page).locator('.note')).toHaveText('');
	expect(problems).toEqual([]);
});

/** controls smaller than 24 × 24 px (WCAG 2.5.8), but links inside a sentence */
async function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		const controls = document.querySelectorAll<HTMLElement>(
			'button, a[href], input, select, textarea, summary, [role="button"], [tabindex="0"]'
		);
		for (const el of controls) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || el.classList.contains('visually-hidden')) continue;
			// a link in a sentence is exempt (its text around it is not a target)
			const around = el.parentElement?.textContent?.trim() ?? '';
			if (el.tagName === 'A' && around !== el.textContent?.trim()) continue;
			if (r.width < 24 || r.height < 24)
				out.push(
					`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(r.width)}x${Math.round(r.height)}`
				);
		}
		return out;
	});
}

const noSideways = (page: Page) =>
	page.evaluate(() => [document.body.scrollWidth, document.body.clientWidth]);

test.describe('on a phone (360 × 740, touch)', () => {
	test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

	test('the input’s hint says to open files, not to drop them, where nothing can be dropped', async ({
		page
	}) => {
		await openApp(page);
		const hint = await page.locator('#log-hint').innerText();
		expect(hint).toContain('or open files (.log,');
		expect(hint).not.toContain('drop');
	});

	test('no control is smaller than 24 px and nothing overflows sideways, on real logs with every finding open', async ({
		page
	}) => {
		test.setTimeout(120_000);
		const problems = watchForErrors(page);
		await openApp(page);
		// the privacy checkboxes were the browser's 13 px
		expect(await smallTargets(page)).toEqual([]);
		for (const log of [
			'e2e/kasan-use-after-free.log',
			'e2e/lkp-05-warning-irq-wx.log',
			'headline/lkp-42.log',
			'headline/proxmox-amd-5700u-excerpt.log',
			'formats/real/serverlog-kern-log-1.log',
			'formats/real/androiddmesg-dmesg-txt.log',
			'formats/real/dfir-sample-files-syslog-1.log',
			'formats/real/syzkaller-706.log',
			'health/link-flaps-igc.log'
		]) {
			await setLogText(page, fixture(log));
			await page.getByRole('button', { name: 'Analyze' }).click();
			await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: /);
			await expect(page.locator('section.meta')).toBeVisible();
			await page.evaluate(() => {
				for (const b of document.querySelectorAll<HTMLButtonElement>(
					'article.finding .finding-toggle[aria-expanded="false"]'
				))
					b.click();
			});
			if ((await page.locator('article.finding').count()) > 0)
				await expect(page.locator('article.finding .body').first()).toBeVisible();
			const [scroll, client] = await noSideways(page);
			expect(scroll, log).toBeLessThanOrEqual(client);
			expect(await smallTargets(page), log).toEqual([]);
		}
		expect(problems).toEqual([]);
	});

	test('while a file is analysed, Cancel is on the progress bar’s row and on the screen', async ({
		page
	}) => {
		test.setTimeout(120_000);
		const problems = watchForErrors(page);
		await openApp(page);
		await page
			.getByLabel('Choose log files')
			.setInputFiles({ name: 'big.log', mimeType: 'text/plain', buffer: Buffer.from(BIG + BIG) });
		await expect(status(page)).toContainText(/Analysing… [1-9][\d,]* lines/, FIRST_PROGRESS);
		const cancel = page.getByRole('button', { name: 'Cancel' });
		await expect(cancel).toBeFocused();
		// under the status, two lines once lines are counted, it had been pushed off the screen's
		// foot with the keyboard focus on it
		await expect(cancel).toBeInViewport({ ratio: 1 });
		const [bar, button] = [
			await page.locator('progress').boundingBox(),
			await cancel.boundingBox()
		];
		if (!bar || !button) throw new Error('not laid out');
		expect(Math.abs(bar.y + bar.height / 2 - (button.y + button.height / 2))).toBeLessThan(6);
		await cancel.click();
		await expect(page.getByRole('button', { name: /Cancel|Stopping/ })).toHaveCount(0);
		expect(problems).toEqual([]);
	});

	test('the timeline works by touch: a tap lists findings at one spot, a tap on one opens it', async ({
		page
	}) => {
		const problems = watchForErrors(page);
		await openApp(page);
		await setLogText(page, fixture('e2e/lkp-05-warning-irq-wx.log'));
		await page.getByRole('button', { name: 'Analyze' }).click();
		const toolbar = page.getByRole('toolbar', { name: 'Findings on the timeline' });
		const mark = toolbar.getByRole('button').first();
		await mark.tap();
		await expect(mark).toHaveAttribute('aria-expanded', 'true');
		const entry = toolbar.locator('.cluster').getByRole('button', { name: /WARNING in note_page/ });
		await entry.tap();
		const open = page.locator('article.finding', {
			has: page.locator('.finding-toggle[aria-expanded="true"]:focus')
		});
		await expect(open).toContainText('WARNING in note_page');
		const [scroll, client] = await noSideways(page);
		expect(scroll).toBeLessThanOrEqual(client);
		expect(problems).toEqual([]);
	});
});

test('no accessibility violations (axe) with the timeline list open and with a finding opened from it', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await setLogText(page, fixture('e2e/lkp-05-warning-irq-wx.log'));
	await page.getByRole('button', { name: 'Analyze' }).click();
	const mark = page.getByRole('toolbar', { name: 'Findings on the timeline' }).getByRole('button');
	await mark.first().focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('.cluster button').first()).toBeFocused();
	expect(await axeViolations(page)).toEqual([]);
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	await expect(page.locator('.finding-toggle:focus')).toContainText('WARNING in note_page');
	expect(await axeViolations(page)).toEqual([]);
	expect(problems).toEqual([]);
});

/** Tab until `target` has the focus; the names of what was passed, to check the order */
async function tabTo(page: Page, target: Locator, max = 40): Promise<string[]> {
	const seen: string[] = [];
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((el) => el === document.activeElement)) return seen;
		seen.push(
			await page.evaluate(() => {
				const a = document.activeElement as HTMLElement | null;
				return (a?.getAttribute('aria-label') ?? a?.textContent ?? '').trim().slice(0, 30);
			})
		);
	}
	throw new Error(`not reached by Tab; passed ${seen.join(' | ')}`);
}

test('keyboard only: analyse, every download, the share link, the filters, the timeline, a finding, and again', async ({
	page,
	context,
	baseURL
}) => {
	const problems = watchForErrors(page);
	await allowClipboard(context, baseURL as string);
	await openApp(page);
	await setLogText(page, fixture('e2e/kasan-use-after-free.log'));
	await page.getByLabel('Kernel log').focus();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Analyze' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('#summary-h')).toBeFocused();
	for (const [name, file] of [
		['Download JSON', 'necroscope-report.json'],
		['Download text', 'necroscope-report.txt'],
		['Download Markdown', 'necroscope-report.md']
	]) {
		await tabTo(page, page.getByRole('button', { name }), 3);
		const download = page.waitForEvent('download');
		await page.keyboard.press('Enter');
		expect((await download).suggestedFilename()).toBe(file);
	}
	await tabTo(page, page.getByRole('button', { name: 'Copy share link' }), 1);
	await page.keyboard.press('Enter');
	await expect(page.locator('.share-note')).toContainText('Link copied');
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toContain('#report=');
	// the share link's field, then the finding, open from the start: a lone finding at the end of
	// its boot has no timeline (its one mark at the end of the ruler told nothing)
	await tabTo(page, page.getByRole('textbox', { name: 'Share link' }), 1);
	await expect(page.getByRole('toolbar', { name: 'Findings on the timeline' })).toHaveCount(0);
	const summary = page.locator('article.finding .finding-toggle').first();
	await tabTo(page, summary, 1);
	await expect(summary).toBeFocused();
	await expect(page.locator('article.finding .finding-toggle').first()).toHaveAttribute(
		'aria-expanded',
		'true'
	);
	// inside the finding: the save button, Copy call trace, the scrolling regions, the local
	// model, a reference
	const passed = await tabTo(page, page.getByRole('link', { name: /kasan\.html$/ }), 9);
	expect(passed.map((name) => name.split(' of ')[0])).toEqual([
		'Save crash report',
		'Copy call trace',
		'Call trace',
		'Registers',
		'Evidence lines',
		'Ask a local model…'
	]);
	// Enter on the summary closes the finding again, and the focus stays there
	await summary.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('article.finding .finding-toggle').first()).toHaveAttribute(
		'aria-expanded',
		'false'
	);
	await expect(summary).toBeFocused();
	// start again: back to the text field, clear it, analyse another log
	await page.keyboard.press('Shift+Tab');
	const back = page.getByRole('button', { name: 'Clear' });
	for (let i = 0; i < 12 && !(await back.evaluate((el) => el === document.activeElement)); i++)
		await page.keyboard.press('Shift+Tab');
	await expect(back).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Kernel log')).toHaveValue('');
	await setLogText(page, RADEON);
	await page.getByLabel('Kernel log').focus();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.locator('#summary-h')).toBeFocused();
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
	expect(problems).toEqual([]);
});

test('keyboard only: “Show more” takes the focus to the first finding it shows', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	// 120 findings: a USB device on each of 120 ports that failed to enumerate
	const log = usbEnumerationFailures(120);
	await setLogText(page, log);
	await page.getByRole('button', { name: 'Analyze' }).click();
	const cards = page.locator('article.finding');
	await expect(cards).toHaveCount(100);
	const more = page.getByRole('button', { name: 'Show 20 more of 20 remaining findings' });
	await more.focus();
	await page.keyboard.press('Enter');
	await expect(cards).toHaveCount(120);
	// the focus had stayed on the button, gone below the findings it added: Tab went on to the
	// timeline, and the first new finding was a hundred Shift+Tabs back
	await expect(cards.nth(100).locator('.finding-toggle')).toBeFocused();
	await expect(cards.nth(100).locator('.finding-toggle')).toBeInViewport();
	await page.keyboard.press('Tab');
	await expect(cards.nth(101).locator('.finding-toggle')).toBeFocused();
	expect(problems).toEqual([]);
});

test('a kern.log of many troubles: the chains after the first three are behind a button', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	// three machines' logs one after the other (an amdgpu ring timeout, an igc NIC's pstore panic,
	// a Raspberry Pi's under-voltages) and the rules' example of a PCIe port's containment event
	// with the NVMe timeout and I/O error after it: four chains of related findings
	await setLogText(
		page,
		fixture('health/amdgpu-ring-timeout.log') +
			fixture('formats/real/i225nic-pstore-panic-log-txt.log') +
			fixture('e2e/izassafar-kern-log-boots.log') +
			[
				'[   10.000000] pcieport 0000:00:1d.0: DPC: containment event, status:0x1f01 source:0x0000',
				'[   40.000000] nvme nvme0: I/O 407 QID 1 timeout, aborting',
				'[   42.000000] blk_update_request: I/O error, dev nvme0n1, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0'
			].join('\n')
	);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('#summary-h')).toBeFocused();
	const chains = page.locator('#chains-list > li');
	// a 200 MB kern.log's 16 chains had been a screen and a half of a phone, 41 links to Tab through
	await expect(chains).toHaveCount(3);
	const more = page.locator('.cascades button');
	await expect(more).toHaveAccessibleName('Show all 4 chains');
	await expect(more).toHaveAttribute('aria-expanded', 'false');
	await more.click();
	await expect(chains).toHaveCount(4);
	await expect(more).toHaveText('Show less');
	await expect(more).toHaveAttribute('aria-expanded', 'true');
	expect(await axeViolations(page)).toEqual([]);
	await more.click();
	await expect(chains).toHaveCount(3);
	expect(problems).toEqual([]);
});

test('a worker that does not answer Cancel is ended: the page says so, and the next analysis works', async ({
	page
}) => {
	test.setTimeout(120_000);
	const problems = watchForErrors(page);
	await openApp(page);
	// a first analysis starts the worker
	await setLogText(page, RADEON);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
	// a worker stuck in one long step (one large compressed chunk, say) does not answer: its
	// replies are lost here; the progress still comes (through its own channel)
	const worker = page.workers().find((w) => w.url().includes('analysis.worker'));
	expect(worker).toBeDefined();
	await worker?.evaluate(() => {
		self.postMessage = () => {};
	});
	const open = page.getByRole('button', { name: 'Open files…' });
	await open.focus();
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'big.log.gz',
		mimeType: 'application/gzip',
		buffer: gzipSync(Buffer.from(BIG))
	});
	// a small compressed file's progress is in KB (it read "0.0 MB of 0.0 MB")
	await expect(status(page)).toContainText(
		/Analysing… [1-9][\d,]* lines, [\d.]+ KB of [\d.]+ KB/,
		FIRST_PROGRESS
	);
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('button', { name: 'Stopping…' })).toBeVisible();
	// after 2 s it is ended; nothing had said what became of the analysis
	await expect(page.getByRole('status').filter({ hasText: 'Cancelled' })).toHaveText(
		'Cancelled before a report was ready: there is nothing new to show.'
	);
	await expect(page.getByRole('button', { name: /Cancel|Stopping/ })).toHaveCount(0);
	await expect(open).toBeFocused();
	// the report shown before stays, and a new worker does the next analysis
	await expect(page.getByTestId('input-summary')).toContainText(/^\s*53 lines/);
	await setLogText(page, fixture('e2e/lkp-05-warning-irq-wx.log'));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('article.finding')).toHaveCount(3);
	await expect(page.getByRole('status').filter({ hasText: 'Cancelled' })).toHaveCount(0);
	expect(problems).toEqual([]);
});

test('a paste too large to show is kept out of the text field, and analysed', async ({
	page,
	context,
	baseURL
}) => {
	test.setTimeout(120_000);
	const problems = watchForErrors(page);
	await openApp(page);
	// 1.4 MB: the browser lays out a text field's whole value (4.6 MB froze the page for 4 s)
	const log = RADEON.repeat(300);
	await pasteLog(page, context, baseURL as string, log);
	const held = zone(page).locator('.held');
	await expect(held).toHaveText(
		/Pasted log: 15,900 lines, 1\.4\s+million characters\.\s+It is too large to show here/
	);
	await expect(page.locator('textarea')).toHaveCount(0);
	const analyze = page.getByRole('button', { name: 'Analyze' });
	await expect(analyze).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('input-summary')).toContainText(/^\s*15,900 lines/);
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
	// Clear drops it and gives the text field back, with the focus
	await page.getByRole('button', { name: 'Clear' }).click();
	await expect(held).toHaveCount(0);
	await expect(page.getByLabel('Kernel log')).toBeFocused();
	await expect(page.getByLabel('Kernel log')).toHaveValue('');
	// a paste of ordinary size still goes into the field
	await pasteLog(page, context, baseURL as string, RADEON);
	await expect(page.getByLabel('Kernel log')).toHaveValue(RADEON);
	expect(problems).toEqual([]);
});
