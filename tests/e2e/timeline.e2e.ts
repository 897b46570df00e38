import { expect, test, type Page } from '@playwright/test';
import {
	analyzeText as analyze,
	fixture,
	MIXED,
	setLogText,
	watchForErrors,
	openFinding
} from './helpers';

/**
 * lkp-tests' dmesg 05: within 25 ms at 29.1 s of a 29 s boot, an interrupt conflict (medium), the
 * W+X check's WARNING (info, a crash report with a call trace that carries the check's first
 * mapping) and the W+X mappings it found (low). Their three marks were drawn on one spot: the
 * mouse reached only the top one.
 */
const LKP05 = fixture('e2e/lkp-05-warning-irq-wx.log');

const timeline = (page: Page) => page.getByRole('toolbar', { name: 'Findings on the timeline' });
/** the finding a mark opened (and focused): the most important one is open from the start too */
const openCard = (page: Page) =>
	page.locator('article.finding', {
		has: page.locator('.finding-toggle[aria-expanded="true"]:focus')
	});

test('findings at one spot are one mark with their count, which lists them for the mouse and the keyboard', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyze(page, LKP05);
	const marks = timeline(page).getByRole('button');
	await expect(marks).toHaveCount(1);
	const mark = marks.first();
	await expect(mark).toHaveAttribute(
		'aria-label',
		'3 findings at 29.096 s – 29.104 s, the most severe medium'
	);
	await expect(mark).toHaveAttribute('aria-expanded', 'false');
	await expect(mark.locator('text.count')).toHaveText('3');

	// the mouse: a click lists the three, a click on one opens it
	await mark.locator('text').first().click();
	await expect(mark).toHaveAttribute('aria-expanded', 'true');
	const list = timeline(page).locator('.cluster').getByRole('button');
	await expect(list).toHaveText([
		/Interrupt 4 refused to serial: goldfish_pdev_bus holds it\s*29\.096 s/,
		/WARNING in note_page\s*29\.102 s/,
		/Kernel memory both writable and executable \(W\+X\)\s*29\.104 s/
	]);
	// each entry is reachable by the pointer: nothing covers it
	for (const b of await list.all()) await b.click({ trial: true, timeout: 2000 });
	await list.nth(2).click();
	await expect(openCard(page)).toHaveCount(1);
	await expect(openCard(page)).toContainText('Kernel memory both writable and executable');

	// the keyboard: Enter on the mark (list closed again) takes the focus into the list, the
	// arrow keys move in it, Enter opens a finding, Escape goes back to the mark
	await mark.locator('text').first().click();
	await expect(mark).toHaveAttribute('aria-expanded', 'false');
	await mark.focus();
	await page.keyboard.press('Enter');
	await expect(list.first()).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(list.nth(1)).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(mark).toBeFocused();
	await expect(timeline(page).locator('.cluster')).toHaveCount(0);
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	await expect(openCard(page).filter({ hasText: 'WARNING in note_page' })).toBeVisible();
	await expect(page.locator('.finding-toggle:focus')).toContainText('WARNING in note_page');
	expect(problems).toEqual([]);
});

test('the timeline hint is shown until the timeline is first used in this page load', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyze(page, LKP05);
	const hint = page.locator('#timeline-hint');
	const seen = () => hint.evaluate((el) => el.getBoundingClientRect().height > 2);
	await expect(hint).toContainText('Each mark is a finding where it first occurred');
	expect(await seen()).toBe(true);
	// reaching the marks alone is not using them
	await timeline(page).getByRole('button').first().focus();
	expect(await seen()).toBe(true);
	await page.keyboard.press('Enter');
	await expect.poll(seen).toBe(false);
	// still the marks' description for a screen reader
	await expect(timeline(page)).toHaveAttribute('aria-describedby', 'timeline-hint');
	await expect(hint).toHaveCount(1);
	// and not shown again for the next report of this page load
	await setLogText(page, `${LKP05}\n`);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: /);
	await expect(timeline(page)).toBeVisible();
	expect(await seen()).toBe(false);
	expect(problems).toEqual([]);
});

test('a timeline mark keeps the filters: a finding they hide is said to be hidden, and shown on request', async ({
	page
}) => {
	const problems = watchForErrors(page);
	// the radeon WARNING (medium, 71 s) is a mark of its own
	await analyze(page, MIXED);
	const severity = page.getByRole('combobox', { name: 'Severity' });
	const search = page.getByRole('searchbox', { name: 'Search' });
	const radeon = timeline(page).getByRole('button', { name: /WARNING in radeon_gart_unbind/ });
	await severity.selectOption('high');
	await expect(page.locator('article.finding')).toHaveCount(1);
	await radeon.locator('text').first().click();
	const note = page.locator('#hidden-note');
	await expect(note).toHaveText(/“WARNING in radeon_gart_unbind” is hidden by the filters\./);
	await expect(note).toBeFocused();
	await expect(severity).toHaveValue('high');
	await expect(page.locator('article.finding')).toHaveCount(1);

	await page.getByRole('button', { name: 'Clear filters and show it' }).click();
	await expect(severity).toHaveValue('all');
	const card = page.locator('article.finding', { hasText: 'WARNING in radeon_gart_unbind' });
	await expect(card.locator('.finding-toggle')).toHaveAttribute('aria-expanded', 'true');
	await expect(card.locator('.finding-toggle')).toBeFocused();

	// a search that shows it is kept (the keyboard path too); the finding, closed by the user
	// since, opens again (it had stayed closed: the page thought it was still open)
	await card.locator('.finding-toggle').click();
	await expect(card.locator('.finding-toggle')).toHaveAttribute('aria-expanded', 'false');
	await search.fill('radeon');
	await radeon.focus();
	await page.keyboard.press('Enter');
	await expect(card.locator('.finding-toggle')).toHaveAttribute('aria-expanded', 'true');
	await expect(search).toHaveValue('radeon');
	await expect(note).toHaveCount(0);
	expect(problems).toEqual([]);
});

test('a finding listed under a cluster mark keeps the filters too; the note goes once a filter shows it', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyze(page, LKP05);
	const severity = page.getByRole('combobox', { name: 'Severity' });
	const mark = timeline(page).getByRole('button').first();
	const list = timeline(page).locator('.cluster').getByRole('button');

	// a finding the filters show: opened, the filter kept
	await severity.selectOption('info');
	await page.getByRole('searchbox', { name: 'Search' }).fill('note_page');
	await mark.locator('text').first().click();
	await list.filter({ hasText: 'WARNING in note_page' }).click();
	await expect(openCard(page)).toContainText('WARNING in note_page');
	await expect(severity).toHaveValue('info');
	await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('note_page');

	// one they hide: said, focused, and shown on request
	await list.filter({ hasText: 'Kernel memory both writable' }).click();
	const note = page.locator('#hidden-note');
	await expect(note).toHaveText(
		/“Kernel memory both writable and executable \(W\+X\)” is hidden by the filters\./
	);
	await expect(note).toBeFocused();
	await expect(severity).toHaveValue('info');
	await expect(page.locator('article.finding')).toHaveCount(1);
	await page.getByRole('button', { name: 'Clear filters and show it' }).click();
	await expect(severity).toHaveValue('all');
	await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
	await expect(note).toHaveCount(0);
	// (by its title: the WARNING's chain names it too)
	const wx = page.locator('article.finding', {
		has: page.locator('.finding-toggle', { hasText: 'Kernel memory both writable' })
	});
	await expect(wx.locator('.finding-toggle')).toHaveAttribute('aria-expanded', 'true');
	await expect(wx.locator('.finding-toggle')).toBeFocused();

	// a filter change that shows the finding asked for takes the note away
	await severity.selectOption('medium');
	await list.filter({ hasText: 'Kernel memory both writable' }).click();
	await expect(note).toBeVisible();
	await severity.selectOption('low');
	await expect(note).toHaveCount(0);
	await expect(wx.locator('.finding-toggle')).toHaveAttribute('aria-expanded', 'true');
	expect(problems).toEqual([]);
});

test('the Save crash report button sits right under the advice step that names its file', async ({
	page
}) => {
	const problems = watchForErrors(page);
	// the radeon WARNING of a laptop's dmesg (the W+X check's WARNING is a notice without the step)
	await analyze(page, MIXED);
	const card = page.locator('article.finding', { hasText: 'WARNING in radeon' });
	const id = (await card.getAttribute('id')) as string;
	await openFinding(card);
	const step = card.locator('li', { hasText: `Save this finding’s lines as ${id}.txt` });
	await expect(step).toHaveCount(1);
	await expect(step.getByRole('button', { name: 'Save crash report' })).toBeVisible();
	await expect(card.getByRole('button', { name: 'Save crash report' })).toHaveCount(1);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		step.getByRole('button', { name: 'Save crash report' }).click()
	]);
	expect(download.suggestedFilename()).toBe(`${id}.txt`);
	expect(problems).toEqual([]);
});

test('a new analysis starts a fresh report view: no filters, share link or anonymized copy of the last one', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyze(page, LKP05);
	await page.getByRole('combobox', { name: 'Severity' }).selectOption('low');
	await page.getByRole('searchbox', { name: 'Search' }).fill('W+X');
	await expect(page.locator('article.finding')).toHaveCount(1);
	// (no clipboard permission: the link is shown to copy by hand)
	await page.getByRole('button', { name: 'Copy share link' }).click();
	const link = page.getByRole('textbox', { name: 'Share link', exact: true });
	const first = await link.inputValue();
	expect(first).toContain('#report=');

	await setLogText(page, MIXED);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.getByTestId('announcement')).toHaveText(/I\/O error on sda/);
	// the last report's filters had hidden all three findings (a blank Severity list, no 'low')
	await expect(page.getByRole('combobox', { name: 'Severity' })).toHaveValue('all');
	await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
	await expect(page.locator('article.finding')).toHaveCount(3);
	// the last report's link is no longer the report's own (it is kept above it as the previous
	// report's), and a new one is of this report
	await expect(link).toHaveCount(0);
	await page.getByRole('button', { name: 'Copy share link' }).click();
	await expect(link).not.toHaveValue(first);
	expect(problems).toEqual([]);
});

test('a finding closed by the user opens again from its timeline mark', async ({ page }) => {
	const problems = watchForErrors(page);
	await analyze(page, MIXED);
	const radeon = timeline(page).getByRole('button', { name: /WARNING in radeon_gart_unbind/ });
	const toggle = page
		.locator('article.finding', { hasText: 'WARNING in radeon_gart_unbind' })
		.locator('.finding-toggle');
	await radeon.locator('text').first().click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	// it had stayed closed: the page still took it for open
	await radeon.locator('text').first().click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	expect(problems).toEqual([]);
});

test.describe('on a touch screen without a mouse (390 × 844)', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('the timeline hint says to tap a mark, not which keys to press', async ({ page }) => {
		const problems = watchForErrors(page);
		await analyze(page, LKP05);
		// it had said "Tab to the marks ... open one with Enter" on a phone
		const hint = page.locator('#timeline-hint');
		await expect(hint).toHaveText(
			'Each mark is a finding where it first occurred; a mark with a number holds findings close together and lists them. Tap a mark to open its finding or its list.',
			{ useInnerText: true }
		);
		// and a screen reader reads the same words as the marks' description
		await expect(timeline(page)).toHaveAccessibleDescription(/Tap a mark/);
		await expect(timeline(page)).not.toHaveAccessibleDescription(/Tab|Enter|arrow keys/);
		expect(problems).toEqual([]);
	});
});

test('with a mouse and keyboard, the timeline hint says which keys reach and open the marks', async ({
	page
}) => {
	await analyze(page, LKP05);
	await expect(page.locator('#timeline-hint')).toHaveText(
		'Each mark is a finding where it first occurred; a mark with a number holds findings close together and lists them. Tab to the marks, move between them with the arrow keys, open one with Enter.',
		{ useInnerText: true }
	);
	await expect(timeline(page)).toHaveAccessibleDescription(/Tab to the marks/);
	await expect(timeline(page)).not.toHaveAccessibleDescription(/Tap/);
});
