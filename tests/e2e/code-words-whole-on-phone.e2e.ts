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

/**
 * A parameter longer than 28 characters likewise, on a line of its own when it fits one: at 390 px
 * the panel had cut `BOOT_IMAGE=/boot/vmlinuz-5.13.0-28-` over `generic` and `root=UUID=` inside
 * its UUID, at a hyphen (askubuntu's dmesg/journalctl log, its Ubuntu 5.13 command line). One
 * longer than a line breaks where the line ends: its first part starts a line and fills it.
 */
test('a long command-line parameter is whole on a line when it fits one', async ({ page }) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 390, height: 844 });
	const boot = 'BOOT_IMAGE=/boot/vmlinuz-5.13.0-28-generic';
	const root = 'root=UUID=85898a04-7c7a-405c-bfa9-591bdcdeae0b';
	const long =
		'ip=192.168.100.200:192.168.100.1:192.168.100.254:255.255.255.0:host-name-of-it:eth0:off';
	await analyzeText(
		page,
		`[    0.000000] Command line: ${boot} ${root} ro intel_idle.max_cstate=1 processor.max_cstate=1 quiet splash ${long} vt.handoff=7\n`
	);
	const cmdline = page.locator('dt:text-is("Command line") + dd');
	await expect(cmdline).toContainText(root);
	let whole = 0;
	let cut = 0;
	for (let width = 320; width <= 440; width += 4) {
		await page.setViewportSize({ width, height: 844 });
		const [lines] = await laidOutLines(cmdline);
		const said = `${JSON.stringify(lines)} at ${width} px`;
		// the characters a line holds: the widest line's
		const widest = Math.max(...lines.map((l) => l.trimEnd().length));
		for (const param of [boot, root, long]) {
			if (param.length <= widest) {
				whole++;
				expect(
					lines.some((l) => l.includes(param)),
					`"${param}" whole on a line of ${said}`
				).toBe(true);
			} else {
				cut++;
				const at = lines.findIndex((l) => l.startsWith(param.slice(0, 12)));
				expect(at, `"${param}" starts a line of ${said}`).toBeGreaterThan(-1);
				expect(lines[at].trimEnd(), `"${param}" cut at the line's end: ${said}`).toBe(
					param.slice(0, widest)
				);
			}
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			width
		);
	}
	// both cases were checked: whole where a line holds the parameter, cut where none does
	expect(whole).toBeGreaterThan(0);
	expect(cut).toBeGreaterThan(0);
	expect(problems).toEqual([]);
});
