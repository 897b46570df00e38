import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fixture, MIXED, openApp, setLogText, watchForErrors, openFinding } from './helpers';

async function analyzeFixture(page: Page, path: string) {
	await openApp(page);
	await setLogText(page, fixture(path));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('article.finding').first()).toBeVisible();
}

for (const scheme of ['light', 'dark'] as const) {
	test(`no accessibility violations (axe) on the start page and on a report, ${scheme} theme`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.emulateMedia({ colorScheme: scheme });
		await openApp(page);
		const start = await new AxeBuilder({ page }).analyze();
		expect(
			start.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
		).toEqual([]);
		await setLogText(page, fixture('e2e/warning-radeon.log'));
		await page.getByRole('button', { name: 'Analyze' }).click();
		await openFinding(page.locator('article.finding').first());
		const report = await new AxeBuilder({ page }).analyze();
		expect(
			report.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
		).toEqual([]);
	});
}

test('a screen reader finds one button to open files, not also the hidden file input', async ({
	page
}) => {
	await openApp(page);
	// the file input behind "Open files…" had been read as a second button, "Choose log files"
	await expect(page.getByRole('button', { name: 'Open files…' })).toHaveCount(1);
	await expect(page.getByRole('button', { name: 'Choose log files' })).toHaveCount(0);
	// and it still opens files
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'dmesg.log',
		mimeType: 'text/plain',
		buffer: Buffer.from(MIXED)
	});
	await expect(page.locator('article.finding')).toHaveCount(3);
});

test("shows the most severe finding first, or the log's order when asked", async ({ page }) => {
	const problems = watchForErrors(page);
	await openApp(page);
	// apimnewyear vmcore-dmesg lines 51, 9559 and 9643: an I/O error long before the panic, and an
	// audit record that tells the wall-clock time
	await setLogText(
		page,
		'[6032881.868599] blk_update_request: I/O error, dev dm-14, sector 0 op 0x0:(READ) flags 0x0 phys_seg 32 prio class 0\n' +
			'[6060091.135624] audit: type=1305 audit(1639914874.351:951398): op=set audit_pid=0 old=2331 auid=4294967295 ses=4294967295 res=1\n' +
			'[6060232.193522] Kernel panic - not syncing: 02: An NMI occurred. Depending on your system the reason for the NMI is logged in any one of the following resources:\n'
	);
	await page.getByRole('button', { name: 'Analyze' }).click();
	const titles = page.locator('article.finding .title');
	await expect(titles).toHaveCount(2);
	await expect(titles.first()).toContainText('kernel panic');
	// when it happened, in wall-clock time and kernel time, with the time since boot in words (the
	// seconds alone had been a number to divide in one's head)
	await expect(page.locator('article.finding .meta').first()).toContainText(
		'2021-12-19 11:56:55 UTC · 6060232.194 s (70 days after boot)'
	);
	// a 70-day boot whose findings are in its last days: no timeline, which had been one mark at
	// the end of an axis of "0 – 6060232.2 (70 days)", nor a link to it
	await expect(page.locator('.timeline')).toHaveCount(0);
	await expect(page.locator('.to-timeline')).toHaveCount(0);
	await page.getByRole('combobox', { name: 'Order' }).selectOption('log');
	await expect(titles.first()).toContainText('I/O error on dm-14');
	expect(problems).toEqual([]);
});

test('filters, search, timeline and deep links find findings', async ({ page }) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await setLogText(page, MIXED);
	await page.getByRole('button', { name: 'Analyze' }).click();
	const cards = page.locator('article.finding');
	await expect(cards).toHaveCount(3);
	const total = await cards.count();

	await page.getByRole('combobox', { name: 'Severity' }).selectOption('high');
	await expect(cards).toHaveCount(1);
	await page.getByRole('combobox', { name: 'Severity' }).selectOption('all');
	await expect(cards).toHaveCount(total);

	await page.getByRole('searchbox', { name: 'Search' }).fill('radeon_gart_unbind');
	await expect(cards.first()).toContainText('WARNING in radeon_gart_unbind');
	await page.getByRole('searchbox', { name: 'Search' }).fill('no such text anywhere');
	await expect(cards).toHaveCount(0);
	// filters that hide everything say so and can be cleared in one step
	await expect(page.getByText('No finding matches these filters.')).toBeVisible();
	await page.getByRole('button', { name: 'Clear filters' }).click();
	await expect(cards).toHaveCount(total);
	await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
	await expect(page.getByText('No finding matches these filters.')).toHaveCount(0);

	// the timeline is keyboard operable and opens the finding it points at
	const dot = page.getByRole('button', { name: /WARNING in radeon_gart_unbind/ }).first();
	await dot.focus();
	await page.keyboard.press('Enter');
	const radeon = cards.filter({ hasText: 'WARNING in radeon_gart_unbind' });
	const id = await radeon.getAttribute('id');
	await expect(page).toHaveURL(new RegExp(`#${id}$`));
	await expect(radeon.locator('.finding-toggle')).toHaveAttribute('aria-expanded', 'true');
	// the report's facts are listed: the task that warned
	const facts = radeon.locator('dl.facts');
	await expect(facts.locator('dt', { hasText: 'comm' })).toBeVisible();
	await expect(facts.locator('dd', { hasText: 'kworker/0:1' })).toBeVisible();
	expect(problems).toEqual([]);
});

test('works offline after the first visit', async ({ page, context }) => {
	await openApp(page);
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
	await page.reload();
	await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
	await setLogText(page, fixture('e2e/warning-radeon.log'));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
	await context.setOffline(false);
});

test('usable on a phone-sized screen', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await analyzeFixture(page, 'e2e/kasan-use-after-free.log');
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(375);
	// an opened crash: its call trace fits the screen (each frame's offset, context and line under
	// its function), and stays a region reachable by keyboard
	await openFinding(page.locator('article.finding').first());
	const trace = page.getByRole('region', { name: /^Call trace of / }).first();
	await expect(trace).toBeVisible();
	expect(await trace.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
	const report = await new AxeBuilder({ page }).analyze();
	expect(
		report.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
	).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('a log of many boots keeps the timeline, the boot list and the boot filter short', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	// 120 boots, each with an I/O error on one of 26 disks
	const boots = Array.from({ length: 120 }, (_, k) =>
		[
			'[    0.000000] Linux version 6.6.4 (builder@host) (gcc 13.2.0) #1 SMP',
			'[    1.000000] sd 0:0:0:0: [sda] Attached SCSI disk',
			`[    5.000000] blk_update_request: I/O error, dev sd${String.fromCharCode(97 + (k % 26))}, sector ${1000 + k} op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0`
		].join('\n')
	);
	await setLogText(page, boots.join('\n'));
	await page.getByRole('button', { name: 'Analyze' }).click();
	const cards = page.locator('article.finding');
	await expect(cards.first()).toBeVisible();

	const timeline = page.getByRole('region', { name: 'Timeline of findings' });
	await expect(timeline.locator('figure')).toHaveCount(10);
	await expect(timeline).toContainText('10 of 120 boots with findings shown');
	// a row is a caption and a thin plot: ten boots do not push the findings screens down
	for (const box of await timeline
		.locator('figure')
		.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height)))
		expect(box).toBeLessThan(64);
	await timeline.getByRole('button', { name: 'Show 50 more' }).click();
	await expect(timeline.locator('figure')).toHaveCount(60);
	// the keyboard goes on at the first new row's mark (boot 10's), not at the button below them
	await expect(timeline.locator('figure').nth(10).locator('[data-mark="10-0"]')).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(timeline.locator('[data-mark="11-0"]')).toBeFocused();

	const meta = page.locator('section.meta');
	await expect(meta.locator('li', { hasText: /^Boot \d+:/ })).toHaveCount(10);
	await meta.getByRole('button', { name: 'Show 50 more boots' }).click();
	await expect(meta.locator('li', { hasText: /^Boot \d+:/ })).toHaveCount(60);
	// and at the first new boot of the list
	await expect(meta.locator('li', { hasText: /^Boot \d+:/ }).nth(10)).toBeFocused();

	// more than 100 boots with findings: the boot filter is a number field, not a list
	const total = await cards.count();
	const bootField = page.getByRole('spinbutton', { name: 'Boot' });
	await bootField.fill('7');
	await expect(cards).toHaveCount(1);
	await expect(cards.first()).toContainText('sdh');
	await bootField.fill('');
	await expect(cards).toHaveCount(total);
	expect(problems).toEqual([]);
});

test('a chain of related findings reads as a sentence with links to each finding', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await setLogText(
		page,
		[
			'[    0.000000] Linux version 6.6.4 (builder@host) (gcc 13.2.0) #1 SMP',
			'[  100.000000] ata1.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x6 frozen',
			'[  100.100000] ata1.00: failed command: READ DMA',
			'[  101.000000] blk_update_request: I/O error, dev sda, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0',
			'[  102.000000] EXT4-fs error (device sda1): ext4_find_entry:1455: inode #2: comm ls: reading directory lblock 0'
		].join('\n')
	);
	await page.getByRole('button', { name: 'Analyze' }).click();
	const chain = page.locator('.cascades li');
	await expect(chain).toHaveCount(1);
	// the spaces around the arrows survive Svelte's trimming of whitespace at block edges
	await expect(chain).toHaveText(
		'ATA command errors on ata1.00 → I/O error on sda → EXT4 filesystem error on sda1'
	);
	await chain.getByRole('link', { name: 'EXT4 filesystem error on sda1' }).click();
	const open = page.locator('article.finding', {
		has: page.locator('.finding-toggle[aria-expanded="true"]:focus')
	});
	await expect(open).toContainText('EXT4 filesystem error on sda1');
	// two references are two links with a comma and a space between them
	await expect(open.locator('p', { hasText: 'References:' })).toHaveText(
		'References: https://docs.kernel.org/admin-guide/ext4.html, https://man7.org/linux/man-pages/man8/e2fsck.8.html'
	);
	await expect(open.locator('p', { hasText: 'References:' }).getByRole('link')).toHaveCount(2);

	// a possible link says so, and gives its reason after the effect
	await setLogText(
		page,
		[
			'[    0.000000] Linux version 5.3.0-1028-raspi2 (buildd@host) (gcc version 7.5.0) #30 SMP',
			'[   10.000000] Under-voltage detected! (0x00050005)',
			'[    0.000000] Linux version 5.3.0-1028-raspi2 (buildd@host) (gcc version 7.5.0) #30 SMP',
			'[    5.000000] EXT4-fs (mmcblk0p2): recovery complete'
		].join('\n')
	);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(chain).toHaveText(
		'Under-voltage: the power supply is too weak → possibly → Previous shutdown was not clean (under-voltage in boot 0, which ended without a clean shutdown)'
	);
	expect(problems).toEqual([]);
});

test('a closed finding shows that it opens, and the mark turns when it is open', async ({
	page
}) => {
	const problems = watchForErrors(page);
	// (MIXED: the most important finding starts open, the other two closed)
	await openApp(page);
	await setLogText(page, MIXED);
	await page.getByRole('button', { name: 'Analyze' }).click();
	const summary = page
		.locator('article.finding', { hasText: 'WARNING in radeon_gart_unbind' })
		.locator('.finding-toggle');
	await expect(summary).toHaveAttribute('aria-expanded', 'false');
	const mark = () =>
		summary.evaluate((el) => {
			const s = getComputedStyle(el, '::before');
			return { content: s.content, transform: s.transform };
		});
	const closed = await mark();
	expect(closed.content).toContain('▸');
	expect(closed.transform).toBe('none');
	await summary.click();
	await expect(summary).toHaveAttribute('aria-expanded', 'true');
	await expect.poll(async () => (await mark()).transform).not.toBe('none');
	expect(problems).toEqual([]);
});

test('commands and quoted log text in explanations and input notes are shown as code, without backticks', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	// askubuntu-dmesg-journalctl-lastdayorso line 4383: the explanation quotes the message
	await setLogText(
		page,
		'[ 5000.000000] rtw_8821ce 0000:02:00.0: firmware failed to leave lps state\n'
	);
	await page.getByRole('button', { name: 'Analyze' }).click();
	const card = page.locator('article.finding').first();
	await openFinding(card);
	const meaning = card.locator('h5', { hasText: 'What it means' }).locator('+ p');
	await expect(
		meaning.locator('code', { hasText: 'firmware failed to leave lps state' })
	).toBeVisible();
	expect(await meaning.textContent()).not.toContain('`');

	// an ELF file's note names the command that extracts a vmcore's log
	await setLogText(page, '\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000\u0000\n'.repeat(20));
	await page.getByRole('button', { name: 'Analyze' }).click();
	const notes = page.locator('.warnings');
	await expect(notes.locator('code', { hasText: 'makedumpfile' })).toBeVisible();
	expect(await notes.textContent()).not.toContain('`');
	expect(problems).toEqual([]);
});

test('the end of an analysis is announced and the keyboard focus goes to the report', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await setLogText(page, fixture('e2e/warning-radeon.log'));
	// a keyboard user: Analyze is disabled while it runs, which drops the focus to the page
	await page.getByRole('button', { name: 'Analyze' }).focus();
	await page.keyboard.press('Enter');
	const heading = page.locator('#summary-h');
	await expect(heading).toBeFocused();
	const announcement = page.getByTestId('announcement');
	await expect(announcement).toHaveAttribute('aria-live', 'polite');
	await expect(announcement).toHaveText(/^Analysis done: .+/);
	expect(await announcement.textContent()).toContain((await heading.textContent())?.trim() ?? '?');
	// the most important finding, below the verdict
	await expect(page.getByTestId('headline')).toBeVisible();
	// a new analysis starts with a clear announcement, so the same headline is announced again
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(announcement).toHaveText(/^Analysis done: .+/);
	expect(problems).toEqual([]);
});
