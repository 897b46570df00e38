import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	analyzeText as analyze,
	cliLines,
	expectSameOrigin,
	fixture,
	MIXED,
	openApp,
	recordRequests,
	setLogText,
	watchForErrors,
	openFinding
} from './helpers';

/**
 * loghub Linux_2k.log lines 1910-1916: the kernel lines of a healthy boot, syslog dates without a
 * year (two input notes, no finding)
 */
const HEALTHY_YEARLESS = [
	'Jul 27 14:41:57 combo kernel: klogd 1.4.1, log source = /proc/kmsg started.',
	'Jul 27 14:41:57 combo kernel: Linux version 2.6.5-1.358 (bhcompile@bugs.build.redhat.com) (gcc version 3.3.3 20040412 (Red Hat Linux 3.3.3-7)) #1 Sat May 8 09:04:50 EDT 2004',
	'Jul 27 14:41:57 combo kernel: BIOS-provided physical RAM map:',
	'Jul 27 14:41:57 combo kernel:  BIOS-e820: 0000000000000000 - 00000000000a0000 (usable)',
	'Jul 27 14:41:57 combo kernel:  BIOS-e820: 00000000000f0000 - 0000000000100000 (reserved)',
	'Jul 27 14:41:57 combo kernel:  BIOS-e820: 0000000000100000 - 0000000007eae000 (usable)',
	'Jul 27 14:41:57 combo kernel:  BIOS-e820: 0000000007eae000 - 0000000008000000 (reserved)'
].join('\n');

test('filtering findings announces "N of M" once, politely, in the page’s one live region', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyze(page, MIXED);
	const announcement = page.getByTestId('announcement');
	const cards = page.locator('article.finding');
	await expect(cards).toHaveCount(3);
	// (SvelteKit's own route announcer aside: it speaks on navigation, which this page has none of;
	// the input area's, the page's and the downloads' notes wait empty, to be announced when
	// they are filled)
	expect(
		await page
			.locator('[aria-live], [role="status"], [role="alert"]')
			.and(page.locator(':not(#svelte-announcer)'))
			.filter({ hasText: /\S/ })
			.count()
	).toBe(1);

	await page.getByRole('combobox', { name: 'Severity' }).selectOption('high');
	await expect(cards).toHaveCount(1);
	await expect(announcement).toHaveText('1 of 3 findings shown.');
	await expect(page.locator('.findings-h')).toContainText('(1 of 3)');

	// the same count after another change is announced again (the region is emptied first)
	await page.getByRole('combobox', { name: 'Severity' }).selectOption('medium');
	await expect(announcement).toHaveText('2 of 3 findings shown.');
	await page.getByRole('combobox', { name: 'Severity' }).selectOption('all');
	await expect(announcement).toHaveText('3 of 3 findings shown.');
	await page.getByRole('combobox', { name: 'Category' }).selectOption('storage');
	await expect(announcement).toHaveText('1 of 3 findings shown.');
	await page.getByRole('combobox', { name: 'Category' }).selectOption('all');
	await expect(announcement).toHaveText('3 of 3 findings shown.');

	// typing a search word is one announcement, not one per key: the count is said once the
	// search has been still for 700 ms, so only a pause that long between two keys (a stall of a
	// loaded machine: it had failed CI once, "2 of 3" said after `rt`) may say one more
	const search = page.getByRole('searchbox', { name: 'Search' });
	await announcement.evaluate((el) => {
		const w = window as unknown as { said: string[]; keys: number[] };
		w.said = [];
		w.keys = [];
		new MutationObserver(() => {
			if (el.textContent) w.said.push(el.textContent);
		}).observe(el, { childList: true, characterData: true, subtree: true });
	});
	await search.evaluate((el) =>
		el.addEventListener('input', () =>
			(window as unknown as { keys: number[] }).keys.push(performance.now())
		)
	);
	await search.pressSequentially('rtw_8821ce', { delay: 60 });
	await expect(cards).toHaveCount(1);
	await expect(announcement).toHaveText('1 of 3 findings shown.');
	await page.waitForTimeout(1000);
	const { said, keys } = await page.evaluate(() => {
		const w = window as unknown as { said: string[]; keys: number[] };
		return { said: w.said, keys: w.keys };
	});
	expect(keys).toHaveLength('rtw_8821ce'.length);
	const pauses = keys.slice(1).filter((t, i) => t - keys[i] >= 600).length;
	expect(said.at(-1)).toBe('1 of 3 findings shown.');
	expect(said.length).toBeLessThanOrEqual(1 + pauses);
	if (pauses === 0) expect(said).toEqual(['1 of 3 findings shown.']);
	expect(problems).toEqual([]);
});

test('a report with no finding and no note keeps its buttons clear of the verdict and its focus ring', async ({
	page
}) => {
	await analyze(
		page,
		[
			'[    0.000000] Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)',
			'[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-18-amd64 root=/dev/sda1 ro quiet',
			'[    1.234567] EXT4-fs (sda1): mounted filesystem with ordered data mode. Quota mode: none.'
		].join('\n')
	);
	const heading = page.locator('#summary-h');
	await expect(heading).toHaveText('No problems were found');
	await expect(heading).toBeFocused();
	await expect(page.locator('.warnings')).toHaveCount(0);
	await expect(page.getByTestId('headline')).toHaveCount(0);
	// the focus ring is 3 px drawn 2 px outside the heading: the buttons had started 1 px under it
	const h = await heading.boundingBox();
	const b = await page.getByRole('button', { name: 'Download JSON' }).boundingBox();
	if (!h || !b) throw new Error('not laid out');
	expect(b.y - (h.y + h.height)).toBeGreaterThanOrEqual(8);
});

test('a report without findings shows no filters and says the log is healthy', async ({ page }) => {
	const problems = watchForErrors(page);
	await analyze(page, HEALTHY_YEARLESS);
	await expect(page.locator('#summary-h')).toBeVisible();
	await expect(
		page.getByText('No findings: nothing in this log matched a known problem.')
	).toBeVisible();
	await expect(page.getByRole('search')).toHaveCount(0);
	await expect(page.getByRole('combobox', { name: 'Severity' })).toHaveCount(0);
	await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveCount(0);
	await expect(page.locator('.findings-h')).toHaveText('Findings');
	// no empty "Findings by severity" list (a screen reader had said "list, 0 items")
	await expect(page.getByRole('list', { name: 'Findings by severity' })).toHaveCount(0);

	// one finding: nothing to filter either
	await setLogText(page, fixture('e2e/warning-radeon.log'));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('article.finding')).toHaveCount(1);
	await expect(page.getByRole('search')).toHaveCount(0);

	// several findings of one category: Severity and Search are offered, Category (one choice) not
	await setLogText(page, MIXED);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('article.finding')).toHaveCount(3);
	await expect(page.getByRole('search')).toBeVisible();
	const severity = page.getByRole('combobox', { name: 'Severity' });
	// only the severities some finding has
	expect(await severity.locator('option').allTextContents()).toEqual(['all', 'high', 'medium']);
	expect(problems).toEqual([]);
});

test('the timeline is one tab stop; the arrow keys move between its marks', async ({ page }) => {
	const problems = watchForErrors(page);
	// three boots with an I/O error on each of 8 disks (the line of the 120-boot test above)
	const log = Array.from({ length: 3 }, () =>
		[
			'[    0.000000] Linux version 6.6.4 (builder@host) (gcc 13.2.0) #1 SMP',
			...Array.from(
				{ length: 8 },
				(_, d) =>
					`[    ${5 + d}.000000] blk_update_request: I/O error, dev sd${String.fromCharCode(97 + d)}, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0`
			)
		].join('\n')
	).join('\n');
	// a fourth boot where sdh fails before sda: its marks go left to right, not in report order
	const fourth = [
		'[    0.000000] Linux version 6.6.4 (builder@host) (gcc 13.2.0) #1 SMP',
		'[    1.000000] blk_update_request: I/O error, dev sdh, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0',
		'[    9.000000] blk_update_request: I/O error, dev sda, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0'
	].join('\n');
	await analyze(page, `${log}\n${fourth}`);
	const timeline = page.getByRole('toolbar', { name: 'Findings on the timeline' });
	const marks = timeline.getByRole('button');
	await expect(marks).toHaveCount(26);
	await expect(timeline.locator('[tabindex="0"]')).toHaveCount(1);

	// Tab reaches the first mark, and the next Tab leaves the timeline
	// (a timeline of four boots comes after the findings: from its heading)
	await page.locator('#timeline-h').focus();
	await page.keyboard.press('Tab');
	const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
	expect(await focused()).toMatch(/^high: I\/O error on sda .* — 5\.000 s$/);
	await page.keyboard.press('ArrowRight');
	expect(await focused()).toMatch(/^high: I\/O error on sdb /);
	await page.keyboard.press('ArrowDown');
	expect(await focused()).toMatch(/^high: I\/O error on sdb /);
	expect(
		await page.evaluate(() => document.activeElement?.closest('svg')?.getAttribute('aria-label'))
	).toBe('Findings of boot 1');
	await page.keyboard.press('End');
	expect(await focused()).toMatch(/^high: I\/O error on sda .* — 9\.000 s$/);
	await page.keyboard.press('ArrowLeft');
	expect(await focused()).toMatch(/^high: I\/O error on sdh .* — 1\.000 s$/);
	await page.keyboard.press('Home');
	await page.keyboard.press('ArrowLeft');
	expect(await focused()).toMatch(/^high: I\/O error on sda /);
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	// the mark reached last is the one Tab comes back to
	await expect(timeline.locator('[tabindex="0"]')).toHaveAttribute('aria-label', /sdc/);
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.closest('[role="toolbar"]'))).toBeNull();
	await page.keyboard.press('Shift+Tab');
	expect(await focused()).toMatch(/^high: I\/O error on sdc /);

	await page.keyboard.press('Enter');
	// (the one opened, and focused: the most important finding is open too)
	const open = page.locator('article.finding', {
		has: page.locator('.finding-toggle[aria-expanded="true"]:focus')
	});
	await expect(open).toContainText('I/O error on sdc');
	expect(problems).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
	test(`input notes are shown as notes, not errors, and pass axe (${scheme}, desktop and phone)`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		const problems = watchForErrors(page);
		await page.emulateMedia({ colorScheme: scheme });
		await analyze(page, HEALTHY_YEARLESS);
		const note = page.locator('.report li', { hasText: 'Some dates carry no year' });
		await expect(note).toBeVisible();
		const colours = await note.evaluate((li) => {
			const box = (li.closest('.notes') ?? li.parentElement) as HTMLElement;
			const root = getComputedStyle(document.documentElement);
			const probe = document.createElement('span');
			document.body.append(probe);
			const resolve = (v: string) => {
				probe.style.color = root.getPropertyValue(v);
				return getComputedStyle(probe).color;
			};
			const out = {
				text: getComputedStyle(li).color,
				body: getComputedStyle(document.body).color,
				error: [resolve('--sev-high'), resolve('--sev-critical')],
				border: getComputedStyle(box).borderLeftColor,
				noteBorder: resolve('--note-border')
			};
			probe.remove();
			return out;
		});
		// the text in the page's text colour, marked by a warning-coloured box, not the error colour
		expect(colours.text).toBe(colours.body);
		expect(colours.error).not.toContain(colours.text);
		expect(colours.border).toBe(colours.noteBorder);
		expect(colours.error).not.toContain(colours.border);
		await expect(page.locator('.notes')).toContainText('About this input');

		for (const width of [1280, 375]) {
			await page.setViewportSize({ width, height: 800 });
			const axe = await new AxeBuilder({ page }).analyze();
			expect(
				axe.violations.map((v) => `${width}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
			).toEqual([]);
		}
		expect(problems).toEqual([]);
	});
}

test('a crash has a "Save crash report" button that saves, as the file its advice names, what the CLI\'s --lines writes, made in the page', async ({
	page,
	context,
	baseURL
}) => {
	const problems = watchForErrors(page);
	const log = fixture('e2e/kasan-use-after-free.log');
	await analyze(page, log);
	const card = page.locator('article.finding').first();
	const id = (await card.getAttribute('id')) as string;
	expect(id).toMatch(/^crash-/);
	await openFinding(card);
	// the advice names the file
	await expect(card).toContainText(`Save this finding’s lines as ${id}.txt`);

	// what the object URL is made from, and that it is revoked
	await page.evaluate(() => {
		const w = window as unknown as { blobs: Blob[]; revoked: string[]; made: string[] };
		w.blobs = [];
		w.revoked = [];
		w.made = [];
		const create = URL.createObjectURL.bind(URL);
		const revoke = URL.revokeObjectURL.bind(URL);
		URL.createObjectURL = (b: Blob | MediaSource) => {
			w.blobs.push(b as Blob);
			const u = create(b);
			w.made.push(u);
			return u;
		};
		URL.revokeObjectURL = (u: string) => {
			w.revoked.push(u);
			revoke(u);
		};
	});
	const urls = recordRequests(context);
	const button = card.getByRole('button', { name: 'Save crash report' });
	await expect(button).toBeVisible();
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	expect(download.suggestedFilename()).toBe(`${id}.txt`);
	const body = readFileSync(await download.path(), 'utf8');

	// byte for byte what the CLI's `--lines ID` writes for the same log: the crash's report block
	// as the kernel printed it, for decode_stacktrace.sh (it had saved the finding's part of the
	// text report, line numbers, advice and all)
	const expected = cliLines(log, id);
	expect(expected.split('\n')[0]).toMatch(/BUG: KASAN: use-after-free in aead_recvmsg/);
	expect(expected).toContain('\nCall Trace:\n');
	expect(expected).not.toContain('Evidence:');
	expect(body).toBe(expected);

	const blob = await page.evaluate(async () => {
		const w = window as unknown as { blobs: Blob[] };
		return { n: w.blobs.length, type: w.blobs[0].type, text: await w.blobs[0].text() };
	});
	expect(blob).toEqual({ n: 1, type: 'text/plain;charset=utf-8', text: expected });
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { revoked: string[] }).revoked), {
			timeout: 15_000
		})
		.toEqual(await page.evaluate(() => (window as unknown as { made: string[] }).made));
	// nothing but the blob: no request went anywhere
	expect(urls.filter((u) => !u.startsWith('blob:'))).toEqual([]);
	expectSameOrigin(urls, baseURL as string);

	// a finding that is not a crash has no such button
	await setLogText(page, MIXED);
	await page.getByRole('button', { name: 'Analyze' }).click();
	const io = page.locator('article.finding', { hasText: 'I/O error on sda' });
	await openFinding(io);
	await expect(io.locator('.body')).toBeVisible();
	await expect(io.getByRole('button', { name: 'Save crash report' })).toHaveCount(0);
	expect(problems).toEqual([]);
});

test('boot start times read as date, time and UTC in the timeline and the system panel, not as ISO text', async ({
	page
}) => {
	const problems = watchForErrors(page);
	// two boots of a syslog file with full dates: each boot's start is known to the second
	const boot = (day: string) =>
		[
			`2024-03-${day}T10:00:01.000000+00:00 host kernel: [    0.000000] Linux version 6.6.4 (builder@host) (gcc 13.2.0) #1 SMP`,
			`2024-03-${day}T10:00:06.000000+00:00 host kernel: [    5.000000] blk_update_request: I/O error, dev sda, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0`
		].join('\n');
	await analyze(page, `${boot('05')}\n${boot('06')}`);
	const captions = page.locator('figure figcaption');
	await expect(captions.first()).toContainText('started 2024-03-05 10:00:01 UTC');
	await expect(
		page.getByText(/Boot 1: lines 3–4, 6\.6\.4, started 2024-03-06 10:00:01 UTC/)
	).toBeVisible();
	await expect(page.locator('main')).not.toContainText(/\d{4}-\d\d-\d\dT\d\d:/);
	expect(problems).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
	test(`every severity shows in its colour, ${scheme}: a finding’s edge and badge, the counts, the timeline’s marks, a report’s tab`, async ({
		page
	}) => {
		// the five severity classes are defined once for the page (they had been in four components)
		await page.emulateMedia({ colorScheme: scheme });
		const problems = watchForErrors(page);
		await openApp(page);
		await page.getByLabel('Choose log files').setInputFiles([
			{ name: 'mixed.log', mimeType: 'text/plain', buffer: Buffer.from(MIXED) },
			{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello world\n') }
		]);
		await expect(page.getByRole('tab')).toHaveCount(2);
		await expect(page.locator('article.finding')).toHaveCount(3);
		const colours = await page.evaluate(() => {
			const probe = document.createElement('span');
			document.body.append(probe);
			const colour = (v: string) => {
				probe.style.color = `var(${v})`;
				return getComputedStyle(probe).color;
			};
			const out = {
				high: colour('--sev-high'),
				medium: colour('--sev-medium'),
				muted: colour('--muted')
			};
			probe.remove();
			return out;
		});
		expect(colours.high).not.toEqual(colours.medium);
		const css = (selector: string, property: string) =>
			page
				.locator(selector)
				.first()
				.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
		expect(await css('article.finding.sev-high', 'border-left-color')).toBe(colours.high);
		expect(await css('article.finding.sev-high .badge', 'color')).toBe(colours.high);
		expect(await css('article.finding.sev-medium', 'border-left-color')).toBe(colours.medium);
		expect(await css('article.finding.sev-medium .badge', 'color')).toBe(colours.medium);
		expect(await css('.counts li.sev-high', 'color')).toBe(colours.high);
		expect(await css('.counts li.sev-medium', 'color')).toBe(colours.medium);
		expect(await css('g.dot.sev-high', 'fill')).toBe(colours.high);
		expect(await css('g.dot.sev-medium', 'fill')).toBe(colours.medium);
		// the tab says the most severe finding in its colour; "no kernel log" is muted
		expect(await css('.tab-sev.sev-high', 'color')).toBe(colours.high);
		expect(await css('.tab-sev:not([class*="sev-"])', 'color')).toBe(colours.muted);
		expect(problems).toEqual([]);
	});
}

test('two findings of one title, opened, have log regions of their own names (axe landmark-unique)', async ({
	page
}) => {
	test.setTimeout(120_000);
	const problems = watchForErrors(page);
	// fishlogs' two `WARNING in device_create_file` (lines 587-603 and 1854-1879): one title, two
	// findings, each with its evidence and call trace; the regions had both been named "Evidence
	// lines of WARNING in device_create_file"
	await analyze(page, fixture('output/fishlogs-dmesg-log.log'));
	const cards = page.locator('article.finding', { hasText: 'WARNING in device_create_file' });
	await expect(cards).toHaveCount(2);
	for (const card of await cards.all()) {
		const toggle = card.locator('.finding-toggle');
		if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	}
	await expect(
		page.getByRole('region', {
			name: 'Evidence lines of WARNING in device_create_file, lines 587–603'
		})
	).toBeVisible();
	await expect(
		page.getByRole('region', {
			name: 'Call trace of WARNING in device_create_file, lines 1854–1879'
		})
	).toBeVisible();
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
		[]
	);
	expect(problems).toEqual([]);
});
