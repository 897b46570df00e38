import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

/**
 * At 390 px (a phone) the list of samples is about 250 px wide beside its label: the chosen
 * sample's name is read whole there. "KASAN use-after-free (syzbot console log)" had been cut
 * after "(syzb", the two others earlier still.
 */
test.use({ viewport: { width: 390, height: 844 } });

test('each sample’s name is read whole in the list on a phone', async ({ page }) => {
	await openApp(page);
	const select = page.locator('#sample-select');
	const values = await select
		.locator('option')
		.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
	expect(values.length).toBeGreaterThan(1);
	for (const value of values) {
		await select.selectOption(value);
		// the chosen name's width in the list's font, against the room the list gives it (its
		// width less its padding, border and the arrow)
		const fit = await select.evaluate((s: HTMLSelectElement) => {
			const cs = getComputedStyle(s);
			const probe = document.createElement('span');
			probe.style.font = cs.font;
			probe.style.whiteSpace = 'pre';
			probe.style.position = 'absolute';
			probe.textContent = s.options[s.selectedIndex].text;
			document.body.append(probe);
			const text = probe.getBoundingClientRect().width;
			probe.remove();
			const ARROW = 20;
			const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - ARROW;
			return { text, room, name: s.options[s.selectedIndex].text };
		});
		expect(fit.text, fit.name).toBeLessThanOrEqual(fit.room);
	}
});
