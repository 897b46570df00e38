import { expect, test } from '@playwright/test';
import { analyzeText, fixture, watchForErrors } from './helpers';

/**
 * On a phone, a command or file name in a finding's advice breaks between its words, never
 * inside one: the browser had broken words at a hyphen, as `crash-` over `69620c0b.txt` (the file
 * to save, named in the first step) and `5.13.0-` over `30-generic` (the kernel's version in the
 * decode_stacktrace.sh command), which a reader copies or types as two. Checked at every phone
 * width from 320 to 440 px, in the open crash's "What to do".
 */
test('the words of the advice’s code are each whole on a line on a phone', async ({ page }) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 390, height: 844 });
	await analyzeText(page, fixture('e2e/kasan-use-after-free.log'));
	const card = page.locator('article.finding').first();
	const id = (await card.getAttribute('id')) as string;
	const steps = card.locator('h5:text-is("What to do") + ul');
	// the file's name is code in the step (as in the button's hint), with a hyphen to break at
	await expect(steps.locator('code', { hasText: `${id}.txt` }).first()).toHaveText(`${id}.txt`);
	const codes = steps.locator('code');
	expect(await codes.count()).toBeGreaterThan(2);
	let broken = 0;
	for (let width = 320; width <= 440; width += 4) {
		await page.setViewportSize({ width, height: 844 });
		// each code element's text, line by line as laid out
		const laid = await codes.evaluateAll((els) =>
			els.map((c) => {
				const r = document.createRange();
				const lines: string[] = [];
				let cur = '';
				let top: number | null = null;
				const walk = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
				for (let n = walk.nextNode() as Text | null; n; n = walk.nextNode() as Text | null)
					for (let i = 0; i < n.length; i++) {
						r.setStart(n, i);
						r.setEnd(n, i + 1);
						const box = r.getClientRects()[0];
						if (!box) continue;
						if (top !== null && Math.abs(box.top - top) > 4) {
							lines.push(cur);
							cur = '';
						}
						top = box.top;
						cur += n.data[i];
					}
				lines.push(cur);
				return { text: c.textContent ?? '', lines: lines.map((l) => l.trim()) };
			})
		);
		for (const { text, lines } of laid) {
			if (lines.length > 1) broken++;
			for (const word of text.split(/\s+/).filter((w) => w !== '' && w.length <= 24))
				expect(
					lines.some((l) => l.split(/\s+/).includes(word)),
					`"${word}" whole on a line of ${JSON.stringify(lines)} at ${width} px`
				).toBe(true);
		}
	}
	// the code does take more than one line somewhere: the check above checked line breaks
	expect(broken).toBeGreaterThan(0);
	expect(problems).toEqual([]);
});
