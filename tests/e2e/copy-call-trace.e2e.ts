import { expect, test, type Page } from '@playwright/test';
import { allowClipboard, analyzeText, fixture, openFinding, watchForErrors } from './helpers';

/**
 * A call trace copied from a finding is the trace as the kernel printed it, one frame a line
 * (`? func+0x1/0x2 [module]`), which decode_stacktrace.sh and a mail to a maintainer take: Copy
 * call trace gives the whole trace, and a selection of the table's rows gives those frames. A
 * copy of the table had given its cells ("dump_stack  0xa9/0xec  task  15"), and on a phone each
 * function over a line of its offset, context and log line.
 */
const LOG = fixture('e2e/lkp-48-kasan-then-gpf.log');
/** the KASAN report's frames as the log has them, without the time stamp and the address */
const LINES = LOG.split('\n');
const FRAMES = LINES.slice(LINES.findIndex((l) => l.endsWith('Call Trace:')) + 1)
	.slice(0, 18)
	.map((l) => l.replace(/^\[ *[\d.]+\] +\[<[0-9a-f]+>\] /, ''));

async function clipboard(page: Page): Promise<string> {
	return page.evaluate(() => navigator.clipboard.readText());
}

for (const width of [1280, 390])
	test(`Copy call trace and a copy of the trace's rows give the kernel's lines (${width} px)`, async ({
		page,
		context,
		baseURL
	}) => {
		const problems = watchForErrors(page);
		await page.setViewportSize({ width, height: 900 });
		await allowClipboard(context, baseURL as string);
		await analyzeText(page, LOG);
		expect(FRAMES[0]).toBe('dump_stack+0xa9/0xec');
		expect(FRAMES[1]).toBe('? init_real_cpu_mask+0x77/0x150');
		expect(FRAMES[17]).toBe('? rest_init+0xf0/0xf0');
		const card = page.locator('article.finding').first();
		await expect(card.locator('.title')).toHaveText('KASAN: wild-memory-access Read');

		await card.getByRole('button', { name: 'Copy call trace' }).click();
		await expect(card.getByTestId('trace-copied')).toHaveText(
			'Copied the 18 frames as the kernel printed them.'
		);
		expect(await clipboard(page)).toBe(FRAMES.join('\n') + '\n');

		// a selection from the second row's function to the fourth row's, copied with the keyboard
		const table = card.getByRole('region', { name: /^Call trace of / });
		await table.evaluate((el) => {
			const rows = el.querySelectorAll('tbody tr');
			const range = document.createRange();
			range.setStart(rows[1].querySelector('td')!, 0);
			range.setEnd(rows[3].querySelector('td code')!.firstChild!, 5);
			getSelection()!.removeAllRanges();
			getSelection()!.addRange(range);
		});
		await table.focus();
		await page.keyboard.press('Control+C');
		await expect.poll(() => clipboard(page)).toBe(FRAMES.slice(1, 4).join('\n') + '\n');

		// part of one function's name is copied as it is (to search for it)
		await table.evaluate((el) => {
			const name = el.querySelectorAll('tbody tr')[2].querySelector('td code')!.firstChild!;
			const range = document.createRange();
			range.setStart(name, 0);
			range.setEnd(name, 'kasan_report'.length);
			getSelection()!.removeAllRanges();
			getSelection()!.addRange(range);
		});
		await page.keyboard.press('Control+C');
		await expect.poll(() => clipboard(page)).toBe('kasan_report');
		expect(problems).toEqual([]);
	});

/**
 * The stack-switch markers the kernel printed among the frames (`<IRQ>`, `</IRQ>`, `<TASK>`,
 * `</TASK>`) are copied where it printed them, by the button and with a selection of rows: they
 * had been left out, and the frames of the interrupt read as the idle task's. The trace is the
 * refcount WARNING of i225nic's pstore log (5.13), frames in an interrupt over the idle task.
 */
test('Copy call trace gives the <IRQ> and <TASK> lines the kernel printed between the frames', async ({
	page,
	context,
	baseURL
}) => {
	const problems = watchForErrors(page);
	await allowClipboard(context, baseURL as string);
	await analyzeText(page, fixture('formats/real/i225nic-pstore-panic-log-txt.log'));
	const card = page
		.locator('article.finding')
		.filter({ has: page.locator('.title', { hasText: /^WARNING: refcount bug in tcp_wfree$/ }) });
	await openFinding(card);
	await card.getByRole('button', { name: 'Copy call trace' }).click();
	await expect(card.getByTestId('trace-copied')).toHaveText(
		'Copied the 20 frames as the kernel printed them.'
	);
	const copied = (await clipboard(page)).split('\n');
	expect(copied.slice(0, 2)).toEqual(['<IRQ>', 'tcp_wfree+0x134/0x150']);
	expect(copied.slice(12, 17)).toEqual([
		'common_interrupt+0x8a/0xa0',
		'</IRQ>',
		'<TASK>',
		'asm_common_interrupt+0x1e/0x40',
		'? cpuidle_enter_state+0xbb/0x360'
	]);
	expect(copied.slice(-3)).toEqual(['secondary_startup_64_no_verify+0xc2/0xcb', '</TASK>', '']);
	expect(copied.filter((l) => l.startsWith('<') || l.startsWith('</'))).toHaveLength(4);

	// the two rows on either side of the interrupt's end, selected and copied with the keyboard
	const table = card.getByRole('region', { name: /^Call trace of / });
	await table.evaluate((el) => {
		const rows = [...el.querySelectorAll('tbody tr')];
		const at = rows.findIndex(
			(tr) => tr.querySelector('td code')!.textContent === 'common_interrupt'
		);
		const range = document.createRange();
		range.setStart(rows[at].querySelector('td')!, 0);
		range.setEnd(rows[at + 1].querySelector('td code')!.firstChild!, 3);
		getSelection()!.removeAllRanges();
		getSelection()!.addRange(range);
	});
	await table.focus();
	await page.keyboard.press('Control+C');
	await expect
		.poll(() => clipboard(page))
		.toBe('common_interrupt+0x8a/0xa0\n</IRQ>\n<TASK>\nasm_common_interrupt+0x1e/0x40\n');
	expect(problems).toEqual([]);
});
