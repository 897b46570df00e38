import { expect, test, type Locator } from '@playwright/test';
import { analyzeText, fixture, laidOutLines, watchForErrors } from './helpers';

/**
 * On a phone, a command or file name in a finding's advice breaks between its words, never
 * inside one: the browser had broken words at a hyphen, as `crash-` over `69620c0b.txt` (the file
 * to save, named in the first step) and `5.13.0-` over `30-generic` (the kernel's version in the
 * decode_stacktrace.sh command), which a reader copies or types as two; in the prose around them
 * a name with a hyphen and a digit likewise (`kmalloc-128`, the saved file in an Android crash's
 * advice). Checked at every phone width from 320 to 440 px, in the open crash's "What to do" and
 * "What it means".
 */
test('the advice’s commands and names are each whole on a line on a phone', async ({ page }) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 390, height: 844 });
	await analyzeText(page, fixture('e2e/kasan-use-after-free.log'));
	const card = page.locator('article.finding').first();
	const id = (await card.getAttribute('id')) as string;
	const steps = card.locator('h5:text-is("What to do") + ul');
	const meaning = card.locator('h5:text-is("What it means") + p');
	// the file's name is code in the step (as in the button's hint), with a hyphen to break at
	await expect(steps.locator('code', { hasText: `${id}.txt` }).first()).toHaveText(`${id}.txt`);
	await expect(meaning).toContainText('kmalloc-128');
	expect(await steps.locator('code').count()).toBeGreaterThan(2);
	let broken = 0;
	for (let width = 320; width <= 440; width += 4) {
		await page.setViewportSize({ width, height: 844 });
		for (const el of [steps, meaning]) {
			const { lines, words } = await laidOut(el);
			if (lines.length > 1) broken++;
			for (const word of words)
				expect(
					lines.some((l) => l.includes(word)),
					`"${word}" whole on a line of ${JSON.stringify(lines)} at ${width} px`
				).toBe(true);
		}
	}
	// the texts do take several lines: the check above checked line breaks
	expect(broken).toBeGreaterThan(0);
	expect(problems).toEqual([]);
});

/** an element's text line by line as laid out, and the words to keep whole: every word of its
 * code, and the words of its prose with a hyphen and a digit */
async function laidOut(el: Locator): Promise<{ lines: string[]; words: string[] }> {
	const [lines] = await laidOutLines(el);
	const words = await el.evaluate((root) => {
		const split = (t: string) => t.split(/\s+/).filter((w) => w !== '' && w.length <= 24);
		return [
			...[...root.querySelectorAll('code')].flatMap((c) => split(c.textContent ?? '')),
			...split(root.textContent ?? '').filter((w) => w.includes('-') && /\d/.test(w))
		];
	});
	return { lines, words };
}

/**
 * The System panel's command line likewise: at 390 px it had been cut as `BOOT_IMAGE=/vmlinuz-3.10.0-`
 * over `49.el7.x86_64` and `root=/dev/mapper/rhel-` over `root` (abrt's mce2 log, its line 5).
 */
test('the command line’s parameters are each whole on a line on a phone', async ({ page }) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 390, height: 844 });
	await analyzeText(
		page,
		'[    0.000000] Command line: BOOT_IMAGE=/vmlinuz-3.10.0-49.el7.x86_64 root=/dev/mapper/rhel-root ro rd.lvm.lv=rhel/root vconsole.font=latarcyrheb-sun16 rd.lvm.lv=rhel/swap vconsole.keymap=us crashkernel=auto rhgb quiet LANG=en_US.UTF-8\n'
	);
	const cmdline = page.locator('dt:text-is("Command line") + dd');
	await expect(cmdline).toContainText('BOOT_IMAGE=/vmlinuz-3.10.0-49.el7.x86_64');
	for (let width = 320; width <= 440; width += 4) {
		await page.setViewportSize({ width, height: 844 });
		const { lines } = await laidOut(cmdline);
		expect(lines.length).toBeGreaterThan(2);
		const words = (await cmdline.innerText()).split(/\s+/).filter((w) => w.length <= 28);
		expect(words).toContain('root=/dev/mapper/rhel-root');
		// the panel is no wider than the screen
		expect(
			await page.evaluate(() => document.documentElement.scrollWidth),
			`the page's width at ${width} px`
		).toBeLessThanOrEqual(width);
		for (const word of words)
			expect(
				lines.some((l) => l.includes(word)),
				`"${word}" whole on a line of ${JSON.stringify(lines)} at ${width} px`
			).toBe(true);
	}
	expect(problems).toEqual([]);
});
