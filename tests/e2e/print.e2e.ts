import { expect, test, type Page } from '@playwright/test';
import { fixture, MIXED, openApp, setLogText, watchForErrors } from './helpers';

/**
 * A support engineer prints the report, or saves it as PDF (Ctrl+P): the printed page is the
 * report, as the text report reads (summary, findings with their bodies, system), not the page's
 * input area and controls.
 */

/** lkp-05's interrupt conflict and WARNING (with its trace), then the three findings of MIXED */
const LOG = fixture('e2e/lkp-05-warning-irq-wx.log') + '\n' + MIXED;

async function analyse(page: Page, text: string): Promise<void> {
	await openApp(page);
	await setLogText(page, text);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('#summary-h')).toBeFocused();
}

test('printed, every finding shows its body and the page none of its controls', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyse(page, LOG);
	const cards = page.locator('article.finding');
	const n = await cards.count();
	expect(n).toBeGreaterThanOrEqual(5);
	// on the screen the most important finding alone is open
	await expect(page.locator('article.finding .body:visible')).toHaveCount(1);

	await page.emulateMedia({ media: 'print' });
	// every finding with its explanation, advice and evidence; the crashes with their traces
	for (let i = 0; i < n; i++) {
		const card = cards.nth(i);
		await expect(card.locator('.body')).toBeVisible();
		await expect(card.getByRole('heading', { name: 'What it means' })).toBeVisible();
		await expect(card.getByRole('heading', { name: 'What to do' })).toBeVisible();
		await expect(card.getByRole('heading', { name: 'Evidence' })).toBeVisible();
	}
	const crashes = page.locator('article.finding', { hasText: 'WARNING in' });
	await expect(crashes).toHaveCount(2);
	for (const c of await crashes.all())
		await expect(c.getByRole('heading', { name: 'Call trace' })).toBeVisible();
	// the log text whole: no box cut at its height or its width
	for (const box of await page.locator('.evidence, .frames').all()) {
		const cut = await box.evaluate(
			(el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1
		);
		expect(cut, 'a log excerpt cut off in print').toBe(false);
	}
	// the summary and the system are printed
	await expect(page.locator('#summary-h')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'System and input' })).toBeVisible();
	await expect(page.getByTestId('kernel-version')).toBeVisible();
	// no input area, downloads, share link, filters, Save crash report or local model; the only
	// buttons printed are the findings' titles
	await expect(page.getByLabel('Kernel log')).toBeHidden();
	await expect(page.locator('section.input')).toBeHidden();
	await expect(page.locator('footer')).toBeHidden();
	await expect(page.locator('#filters')).toBeHidden();
	const buttons = await page
		.locator('button:visible')
		.evaluateAll((bs) =>
			bs.filter((b) => !b.classList.contains('finding-toggle')).map((b) => b.textContent?.trim())
		);
	expect(buttons).toEqual([]);
	// nor how to use the timeline
	await expect(page.locator('#timeline-hint')).toBeHidden();

	// back on the screen: as it was
	await page.emulateMedia({ media: 'screen' });
	await expect(page.locator('article.finding .body:visible')).toHaveCount(1);
	await expect(page.getByRole('button', { name: 'Analyze' })).toBeVisible();
	expect(problems).toEqual([]);
});

test('Ctrl+P or Save as PDF: the findings are printed with their bodies, in light colours', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await page.emulateMedia({ colorScheme: 'dark' });
	await analyse(page, LOG);
	const n = await page.locator('article.finding').count();
	// what the print is laid out from: the page as it is once the page's own beforeprint
	// handler has run (this one is added after it, so runs after it)
	await page.evaluate(() => {
		addEventListener('beforeprint', () => {
			const w = window as unknown as { printed: object };
			w.printed = {
				bodies: document.querySelectorAll('article.finding .body h5').length,
				meanings: [...document.querySelectorAll('article.finding .body h5')].filter(
					(h) => h.textContent === 'What it means'
				).length
			};
		});
	});
	const pdf = await page.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
	expect(pages.length).toBeGreaterThan(1);
	const printed = await page.evaluate(
		() => (window as unknown as { printed: { bodies: number; meanings: number } }).printed
	);
	expect(printed.meanings).toBe(n);

	// a dark screen prints dark text on white paper, not its pale text
	await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
	const colours = await page.evaluate(() => {
		const s = (el: Element) => getComputedStyle(el);
		return {
			bg: s(document.body).backgroundColor,
			fg: s(document.body).color,
			card: s(document.querySelector('article.finding')!).backgroundColor
		};
	});
	expect(colours).toEqual({
		bg: 'rgb(255, 255, 255)',
		fg: 'rgb(15, 23, 42)',
		card: 'rgb(255, 255, 255)'
	});
	expect(problems).toEqual([]);
});

test('a filtered report prints the findings shown, says its filters, and every one past “Show more”', async ({
	page
}) => {
	const problems = watchForErrors(page);
	// 120 findings: a USB device on each of 120 ports that failed to enumerate, and the I/O error
	const log =
		Array.from(
			{ length: 120 },
			(_, i) =>
				`[${(i + 1).toFixed(6).padStart(12)}] usb 1-${i}: device descriptor read/64, error -71`
		).join('\n') +
		'\n[  200.000000] blk_update_request: I/O error, dev sda, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0';
	await analyse(page, log);
	const cards = page.locator('article.finding');
	await expect(cards).toHaveCount(100);
	await page.emulateMedia({ media: 'print' });
	// all of them, with their bodies (the screen shows 100 and "Show more")
	await expect(cards).toHaveCount(121);
	await expect(page.locator('article.finding .body h5', { hasText: 'What it means' })).toHaveCount(
		121
	);
	await expect(page.getByTestId('print-filters')).toHaveCount(0);

	await page.emulateMedia({ media: 'screen' });
	await expect(cards).toHaveCount(100);
	await page.getByLabel('Search').fill('usb 1-7');
	await expect(page.locator('.findings-h')).toContainText('(11 of 121)');
	await page.emulateMedia({ media: 'print' });
	await expect(cards).toHaveCount(11);
	await expect(page.getByTestId('print-filters')).toBeVisible();
	await expect(page.getByTestId('print-filters')).toHaveText(
		'Filtered (search “usb 1-7”): 11 of 121 findings.'
	);
	// on the screen the filters say it themselves
	await page.emulateMedia({ media: 'screen' });
	await expect(page.getByTestId('print-filters')).toBeHidden();
	expect(problems).toEqual([]);
});
