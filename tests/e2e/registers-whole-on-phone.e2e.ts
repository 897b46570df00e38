import { expect, test } from '@playwright/test';
import { analyzeText, laidOutLines, openFinding, watchForErrors } from './helpers';

/**
 * On a phone each register stays on a line with its value: the Registers box had wrapped an arm64
 * line of three pairs at its spaces, "x29: ffff80008288bac0 x28:" over the value of x28, each value
 * then read under the wrong name (orion-o6-dmesg-out.log at 390 px). The box's text is still the
 * log's lines, as copied. An arm64 pstate line wraps between its flags, never at a flag's
 * hyphen: it had been cut as "+PAN -" over "UAO", two flags to its reader.
 */
const REGS = [
	'x29: ffff80008288bac0 x28: ffff800081a90118 x27: ffff8000814704a0',
	'x26: ffff800081537250 x25: 0000000000000062 x24: ffff00008e11c7e8',
	'x11: 000000003aa51f42 x10: b4ea8d82961ddf69 x9 : ffff800080ecc9f8',
	'x2 : 0000000000000000 x1 : 8000000000000015 x0 : 8000000000000015'
];
const LOG = [
	'[    0.983914] ------------[ cut here ]------------',
	'[    0.983918] WARNING: CPU: 11 PID: 1 at drivers/firmware/efi/runtime-wrappers.c:341 __efi_queue_work+0xf0/0x130',
	'[    0.983930] Modules linked in:',
	'[    0.983935] CPU: 11 UID: 0 PID: 1 Comm: swapper/0 Not tainted 6.12.9-arm64 #1',
	'[    0.983946] pstate: 61400009 (nZCv daif +PAN -UAO -TCO +DIT -SSBS BTYPE=--)',
	'[    0.983949] pc : __efi_queue_work+0xf0/0x130',
	'[    0.983951] lr : __efi_queue_work+0xdc/0x130',
	'[    0.983953] sp : ffff80008288bac0',
	...REGS.map((r) => `[    0.983955] ${r}`),
	'[    0.983993] Call trace:',
	'[    0.983994]  __efi_queue_work+0xf0/0x130',
	'[    0.983997]  virt_efi_get_time+0x60/0xb8',
	'[    0.983999]  efi_rtc_probe+0x54/0x190',
	'[    0.984006]  platform_probe+0x70/0xd0',
	'[    0.984100] ---[ end trace 0000000000000000 ]---'
].join('\n');

test('each register stays with its value on a phone', async ({ page }) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 390, height: 844 });
	await analyzeText(page, LOG);
	const card = page
		.locator('article.finding')
		.filter({ has: page.locator('.title', { hasText: /^WARNING in virt_efi_get_time$/ }) });
	await openFinding(card);
	const box = card.getByRole('region', { name: /^Registers of / });
	const lines = box.locator('.ev code');
	await expect(lines.filter({ hasText: REGS[0] })).toHaveCount(1);
	let wrapped = 0;
	let pstateWrapped = 0;
	for (const width of [320, 360, 390, 414]) {
		await page.setViewportSize({ width, height: 844 });
		for (const [i, laid] of (await laidOutLines(lines)).entries()) {
			const text = (await lines.nth(i).textContent()) as string;
			// the laid-out lines are the log's line
			expect(laid.join(''), `at ${width} px`).toBe(text);
			if (laid.length > 1) wrapped++;
			for (const l of laid) {
				const part = l.trim();
				// no line ends with a register's name, none starts with a value without its name
				expect(part, `at ${width} px`).not.toMatch(/(?:^|\s)[a-z]\w* ?:$/);
				expect(part, `at ${width} px`).not.toMatch(/^[0-9a-f]{16}\b/);
			}
			// pstate's flags wrap between them, never at a flag's hyphen (`+PAN -` over `UAO`)
			if (text.startsWith('pstate:')) {
				if (laid.length > 1) pstateWrapped++;
				const flags = new Set(text.split(' '));
				for (const l of laid)
					for (const w of l.trim().split(' '))
						expect(flags.has(w), `"${w}" of "${l}" at ${width} px`).toBe(true);
			}
		}
	}
	// the lines did wrap at these widths: the checks above checked a wrapped box
	expect(wrapped).toBeGreaterThan(0);
	expect(pstateWrapped).toBeGreaterThan(0);
	expect(problems).toEqual([]);
});
