import { expect, test } from '@playwright/test';
import { analyzeText, openApp, openFinding, watchForErrors } from './helpers';

/**
 * What the page says of log text in an attribute (a timeline mark's tooltip and name, a region's
 * name, a report tab's name) shows a bidirectional control by its escape, as the text around it
 * in the page does (`bidi-controls-shown.e2e.ts`): the timeline's marks had carried a process
 * name's right-to-left override into their `<title>`, the tooltip reading `killed exe.png`, and a
 * screen reader was given the control itself.
 */
const RLO = '\u202e';
const PDF = '\u202c';
const LOG = [
	'[    0.000000] Linux version 6.1.0 (b@h) (gcc 12) #1 SMP',
	`[   50.000000] Out of memory: Killed process 1234 (${RLO}gnp.exe${PDF}) total-vm:1000kB, anon-rss:100kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:100kB oom_score_adj:0`,
	'[   60.000000] usb 1-1: device descriptor read/64, error -71'
].join('\n');
const ESCAPED = 'killed \\u202egnp.exe\\u202c';

test('a timeline mark, a region and a report tab name log text with its controls escaped', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 1280, height: 900 });
	await analyzeText(page, LOG);
	const mark = page
		.getByRole('toolbar', { name: 'Findings on the timeline' })
		.getByRole('button', { name: /Out of memory/ });
	await expect(mark).toHaveAttribute(
		'aria-label',
		new RegExp(`: Out of memory: ${ESCAPED.replaceAll('\\', '\\\\')} — 50\\.000 s$`)
	);
	const title = await mark.locator('title').textContent();
	expect(title).toContain(ESCAPED);
	expect(title).not.toContain(RLO);

	const card = page.locator('article.finding').filter({ hasText: 'Out of memory' });
	await openFinding(card);
	const region = card.getByRole('region', { name: /^Evidence lines of / });
	expect(await region.getAttribute('aria-label')).toContain(ESCAPED);
	// the title itself is shown as the rest of the page shows log text: the control in an isolate
	await expect(card.locator('h4 .bidi').first()).toHaveAttribute('data-esc', '\\u202e');

	// two files, one named with an override: its tab reads in the name's own order
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles([
		{ name: `dmesg-${RLO}gol.txt${PDF}`, mimeType: 'text/plain', buffer: Buffer.from(LOG) },
		{ name: 'kern.log', mimeType: 'text/plain', buffer: Buffer.from(LOG) }
	]);
	const tab = page.getByRole('tab').first();
	await expect(tab).toHaveAttribute(
		'aria-label',
		/^dmesg-\\u202egol\.txt\\u202c \(2\), most severe: /
	);
	await expect(tab.locator('.bidi')).toHaveCount(2);
	expect(problems).toEqual([]);
});
