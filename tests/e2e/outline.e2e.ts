import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	fixturePath,
	fixture,
	MIXED,
	openApp,
	setLogText,
	watchForErrors,
	usbEnumerationFailures
} from './helpers';

/** the page's headings in document order, as "level text" (the accessibility tree's names) */
async function outline(page: Page): Promise<string[]> {
	const out: string[] = [];
	for (const level of [1, 2, 3, 4, 5, 6]) {
		for (const h of await page.getByRole('heading', { level }).all()) {
			const y = await h.evaluate((el) =>
				[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].indexOf(el)
			);
			const name = (await h.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
			out[y] = `${level} ${name}`;
		}
	}
	return out.filter((x) => x !== undefined);
}

test.describe('on a 1280×800 screen', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('every finding’s title is a heading, open or closed, and holds its disclosure button', async ({
		page
	}) => {
		const problems = watchForErrors(page);
		await openApp(page);
		await setLogText(page, MIXED);
		await page.getByRole('button', { name: 'Analyze' }).click();
		await expect(page.locator('section.meta')).toBeVisible();
		// heading navigation had gone from "Findings" to the open finding's "What it means": the
		// titles were in <summary> elements, not headings
		const h = (await outline(page)).map((x) => x.replace(/ (\w+) · line.*$/, ''));
		expect(h).toEqual([
			'1 NecroScope',
			'2 Serious problems were found',
			'3 Timeline',
			'3 Findings (3 of 3)',
			'4 ▲ high I/O error on sda',
			'5 What to do',
			'5 What it means',
			'5 Likely causes',
			'5 Facts',
			'5 Evidence',
			'4 ◆ medium WARNING in radeon_gart_unbind',
			'4 ◆ medium rtw_8821ce firmware stuck in power-save state',
			'3 System and input'
		]);
		// the closed ones are headings too, with a button that says it is closed
		const closed = page.getByRole('heading', { level: 4, name: /WARNING in radeon_gart_unbind/ });
		const button = closed.getByRole('button');
		await expect(button).toHaveAttribute('aria-expanded', 'false');
		await button.focus();
		await page.keyboard.press('Enter');
		await expect(button).toHaveAttribute('aria-expanded', 'true');
		await expect(page.locator(`#${await button.getAttribute('aria-controls')}`)).toBeVisible();
		await page.keyboard.press('Space');
		await expect(button).toHaveAttribute('aria-expanded', 'false');
		await expect(page.locator(`#${await button.getAttribute('aria-controls')}`)).toBeHidden();
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		expect(problems).toEqual([]);
	});
});

test.describe('on a phone (390×844)', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('input notes are one note and a button: the first finding starts on the first screen', async ({
		page
	}) => {
		const problems = watchForErrors(page);
		await openApp(page);
		// (serverlog-kern-log-1.log: two long notes, on the year and the time zone; the first
		// finding had been 1,005 px below the report's heading, under the notes and the timeline)
		await setLogText(page, fixture('output/serverlog-kern-log-1.log'));
		await page.getByRole('button', { name: 'Analyze' }).click();
		await expect(page.locator('#summary-h')).toBeFocused();
		const notes = page.locator('.warnings li');
		await expect(notes).toHaveCount(2);
		await expect(notes.nth(0)).toBeVisible();
		await expect(notes.nth(1)).toBeHidden();
		const first = page.locator('article.finding').first();
		await expect(first.locator('.finding-toggle')).toBeInViewport();
		const top = await first.evaluate((el) => el.getBoundingClientRect().top);
		expect(top).toBeLessThan(844 - 100);
		// no timeline, nor a link to it: its one mark at the end of a boot of 112 days told nothing
		// the finding's own time does not ("112 days after boot")
		await expect(page.getByRole('link', { name: 'Timeline of the findings' })).toHaveCount(0);
		await expect(first.locator('.meta')).toContainText('(112 days after boot)');
		const more = page.locator('.more-notes');
		await expect(more).toHaveText('Show all 2 notes');
		await expect(more).toHaveAttribute('aria-expanded', 'false');
		await more.click();
		await expect(notes.nth(1)).toBeVisible();
		await expect(more).toHaveAttribute('aria-expanded', 'true');
		await expect(more).toHaveText('Show less');
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		expect(problems).toEqual([]);
	});

	test('a ramoops log of three notes and six findings: the filters are behind a button, the first finding on the first screen', async ({
		page
	}) => {
		const problems = watchForErrors(page);
		await openApp(page);
		// (cykeek-stuff-console-ramoops-0.log: three long notes, on flipped bits, the ring buffer's
		// wrap and garbled SELinux domains; the first finding had been 1,203 px below the heading)
		await page
			.getByLabel('Choose log files')
			.setInputFiles(fixturePath('formats/real/cykeek-stuff-console-ramoops-0.log'));
		await expect(page.locator('#summary-h')).toBeFocused();
		await expect(page.locator('.warnings li')).toHaveCount(3);
		await expect(page.locator('.warnings li').first()).toContainText('The log is corrupted');
		await expect(page.locator('.warnings li').nth(1)).toBeHidden();
		const first = page.locator('article.finding').first();
		await expect(first.locator('.finding-toggle')).toBeInViewport();
		expect(await first.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(844 - 100);
		// the filters: one button, which shows them
		const severity = page.getByRole('combobox', { name: 'Severity' });
		await expect(severity).toBeHidden();
		const toggle = page.getByRole('button', { name: 'Filter and order' });
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		await toggle.click();
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
		await severity.selectOption('low');
		// the seventh finding is a routine notice (dummy regulators), counted in its own group, not
		// in the heading's "N of M" (which had said "(3 of 7)")
		await expect(page.locator('.findings-h')).toContainText('(3 of 6)');
		await expect(toggle).toHaveText('Filter and order (filtered)');
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		expect(problems).toEqual([]);
	});

	test('a Raspberry Pi’s kern.log of 16 boots: the verdict, the headline and the first finding’s title on the first screen', async ({
		page
	}) => {
		const problems = watchForErrors(page);
		await openApp(page);
		// (izassafar-one-kern-log.log's boot banners, under-voltages, audit time stamp and NUL bytes:
		// three notes, a chain, 15 boots with findings. The first finding had been 833 px below the
		// report's heading: the notes' button and the Filter and order button on rows of their own,
		// a heading of two lines, the empty margin above the report at the top of the screen.)
		await page
			.getByLabel('Choose log files')
			.setInputFiles(fixturePath('e2e/izassafar-kern-log-boots.log'));
		const heading = page.locator('#summary-h');
		await expect(heading).toBeFocused();
		await expect(heading).toHaveText('Serious problems were found');
		await expect(page.locator('.warnings li')).toHaveCount(3);
		await expect(page.locator('.cascades li')).toHaveCount(1);
		const first = page.locator('article.finding').first();
		await expect(first.locator('.title')).toHaveText('Under-voltage: the power supply is too weak');
		// all of them on the first screen, whole: the verdict, the headline, the first finding's title
		const bottom = (l: Locator) => l.evaluate((el) => el.getBoundingClientRect().bottom);
		const top = (l: Locator) => l.evaluate((el) => el.getBoundingClientRect().top);
		await expect.poll(() => top(heading)).toBeGreaterThanOrEqual(0);
		await expect.poll(() => bottom(first.locator('.title'))).toBeLessThanOrEqual(844);
		await expect(page.getByTestId('headline')).toBeInViewport({ ratio: 1 });
		// the verdict is one line (it had wrapped at 1.25rem)
		expect(await heading.evaluate((h) => h.getClientRects().length && h.clientHeight)).toBeLessThan(
			40
		);
		// the notes' button is on their title's row, the filters' on the Findings heading's
		const row = async (a: Locator, b: Locator) =>
			Math.abs((await top(a)) + (await bottom(a)) - (await top(b)) - (await bottom(b))) / 2;
		expect(await row(page.locator('#notes-h'), page.locator('.more-notes'))).toBeLessThan(6);
		expect(
			await row(page.locator('.findings-h'), page.getByRole('button', { name: 'Filter and order' }))
		).toBeLessThan(6);
		// the note that says some of the log was lost (NUL bytes) is the one shown, not the year's
		await expect(page.locator('.warnings li').first()).toContainText('NUL bytes');
		await expect(page.locator('.warnings li').first()).toBeVisible();
		await expect(page.locator('.warnings li').nth(1)).toBeHidden();
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		expect(problems).toEqual([]);
	});

	test('a report of a dozen findings keeps Filter and order on the Findings heading’s row', async ({
		page
	}) => {
		await openApp(page);
		// I/O errors on 12 disks: "Findings (12 of 12)" and the button had been 2 px too wide for
		// the row (iamslightlywin-dump-last-kmsg.log's 17 findings too)
		await setLogText(
			page,
			[...'abcdefghijkl']
				.map(
					(d) =>
						`[ 5001.000000] blk_update_request: I/O error, dev sd${d}, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0`
				)
				.join('\n')
		);
		await page.getByRole('button', { name: 'Analyze' }).click();
		const heading = page.locator('.findings-h');
		await expect(heading).toContainText('(12 of 12)');
		const toggle = page.getByRole('button', { name: 'Filter and order' });
		const [h, b] = [await heading.boundingBox(), await toggle.boundingBox()];
		if (!h || !b) throw new Error('not laid out');
		expect(Math.abs(h.y + h.height / 2 - (b.y + b.height / 2))).toBeLessThan(6);
	});

	test('a report of hundreds of findings keeps Filter and order on the Findings heading’s row', async ({
		page
	}) => {
		await openApp(page);
		// 120 USB ports whose device failed to enumerate: "Findings (120 of 120)" had pushed the
		// button to a row of its own, as a 200 MB kern.log's "(376 of 376)" did
		await setLogText(page, usbEnumerationFailures(120));
		await page.getByRole('button', { name: 'Analyze' }).click();
		const heading = page.locator('.findings-h');
		await expect(heading).toContainText('(120 of 120)');
		const toggle = page.getByRole('button', { name: 'Filter and order' });
		const [h, b] = [await heading.boundingBox(), await toggle.boundingBox()];
		if (!h || !b) throw new Error('not laid out');
		expect(Math.abs(h.y + h.height / 2 - (b.y + b.height / 2))).toBeLessThan(6);
	});

	test('a report of the most findings a report has keeps Filter and order on the Findings heading’s row', async ({
		page
	}) => {
		await openApp(page);
		// 2,100 USB ports that failed to enumerate: a report keeps 2,000 findings, and
		// "Findings (2000 of 2000)" had pushed the button to a row of its own by 9 px
		await setLogText(page, usbEnumerationFailures(2100));
		await page.getByRole('button', { name: 'Analyze' }).click();
		const heading = page.locator('.findings-h');
		await expect(heading).toContainText('(2000 of 2000)');
		const toggle = page.getByRole('button', { name: 'Filter and order' });
		const [h, b] = [await heading.boundingBox(), await toggle.boundingBox()];
		if (!h || !b) throw new Error('not laid out');
		expect(Math.abs(h.y + h.height / 2 - (b.y + b.height / 2))).toBeLessThan(6);
		// and neither is cut: the button ends inside the report's column
		expect(b.x + b.width).toBeLessThanOrEqual(390 - 16 + 0.5);
	});

	test('text that is no kernel log: its one note can be read whole, and no advice for a healthy log', async ({
		page
	}) => {
		const problems = watchForErrors(page);
		await openApp(page);
		await setLogText(page, 'hello world\nthis is not a log');
		await page.getByRole('button', { name: 'Analyze' }).click();
		await expect(page.locator('#summary-h')).toHaveText('No kernel messages were recognised');
		const text = page.locator('.warnings .note-text');
		await expect(text).toContainText('is it a kernel log (dmesg, journalctl -k, kern.log)?');
		const cut = () => text.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
		// cut to 3 lines with no button to read the rest: it was shorter than the 160 characters
		// that had made a note "long"
		expect(await cut()).toBe(true);
		const more = page.getByRole('button', { name: 'Show the rest' });
		await more.click();
		expect(await cut()).toBe(false);
		await expect(page.getByRole('button', { name: 'Show less' })).toHaveAttribute(
			'aria-expanded',
			'true'
		);
		// it had said "nothing in this log matched a known problem", and where a crash before this
		// boot would be, as for a healthy kernel log
		await expect(page.locator('.healthy')).toHaveText(
			'No findings: no kernel message was recognised in this input, so nothing could be checked.'
		);
		await expect(page.getByTestId('previous-boot')).toHaveCount(0);
		expect(problems).toEqual([]);
	});

	test('on a wide screen the same notes are all shown, without the button', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await openApp(page);
		await setLogText(page, fixture('output/serverlog-kern-log-1.log'));
		await page.getByRole('button', { name: 'Analyze' }).click();
		await expect(page.locator('.warnings li').nth(1)).toBeVisible();
		await expect(page.getByRole('button', { name: 'Show all 2 notes' })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Filter and order' })).toHaveCount(0);
	});
});
