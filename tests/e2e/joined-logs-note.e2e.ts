import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { analyzeText, cliReport, fixture, watchForErrors } from './helpers';

/**
 * A kern.log of several logs joined: the page says where the other logs start in one short note,
 * with how each join was told behind "Why?" (two notes of about 310 characters each had said it,
 * mostly how). The report's own notes (JSON, text, Markdown) are the CLI's, unchanged.
 */
const JOINED =
	fixture('health/amdgpu-ring-timeout.log') +
	fixture('formats/real/i225nic-pstore-panic-log-txt.log') +
	fixture('e2e/izassafar-kern-log-boots.log');

for (const [w, h] of [
	[1280, 900],
	[390, 844]
] as const) {
	test(`at ${w} px the joins are one short note, their reasons behind Why?`, async ({ page }) => {
		await page.setViewportSize({ width: w, height: h });
		const problems = watchForErrors(page);
		await analyzeText(page, JOINED);
		const report = JSON.parse(cliReport(JOINED)) as { input: { warnings: string[] } };
		const joins = report.input.warnings
			.filter((x) => x.startsWith('Line '))
			.map((x) =>
				/^Line (\d+) starts another log pasted after the one before it: (.+)\. It is counted as a boot of its own \(boot (\d+)\)/.exec(
					x
				)
			);
		expect(joins).toHaveLength(2);
		const [a, b] = joins.map((m) => m!);
		await page.getByRole('button', { name: /^Show all \d+ notes$/ }).click();
		const note = page.locator('.warnings li').filter({ hasText: 'Other logs start at' });
		await expect(note).toHaveCount(1);
		await expect(note.locator('.note-text')).toHaveText(
			`Other logs start at line ${a[1]} (boot ${a[3]}) and line ${b[1]} (boot ${b[3]}): each was pasted after the one before it and is counted as a boot of its own, another machine's or another boot's. If one is the same boot as the log before it, analyse each log on its own.`
		);
		// the report's words on how each was told, behind the button
		const why = note.getByRole('button', { name: 'Why?' });
		const details = note.locator('.note-why');
		await expect(why).toHaveAttribute('aria-expanded', 'false');
		await expect(details).toBeHidden();
		await why.click();
		await expect(why).toHaveAttribute('aria-expanded', 'true');
		await expect(details.locator('p')).toHaveText([
			`Line ${a[1]}: ${a[2]}.`,
			`Line ${b[1]}: ${b[2]}.`
		]);
		expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
		await why.click();
		await expect(details).toBeHidden();
		// printed: the reasons too, without the button
		await page.emulateMedia({ media: 'print' });
		await expect(details).toBeVisible();
		await expect(why).toBeHidden();
		// the report downloaded keeps the report's own notes
		await page.emulateMedia({ media: 'screen' });
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'JSON' }).click();
		const saved = JSON.parse(
			await (await download).createReadStream().then(async (s) => {
				let t = '';
				for await (const c of s) t += c;
				return t;
			})
		) as { input: { warnings: string[] } };
		expect(saved.input.warnings).toEqual(report.input.warnings);
		expect(problems).toEqual([]);
	});
}
