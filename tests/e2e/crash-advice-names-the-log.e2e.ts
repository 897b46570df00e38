import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, openApp, watchForErrors } from './helpers';

/**
 * The text and Markdown reports' crash advice names the log it came from in its save step
 * (`necroscope --lines ID 'dmesg (1).txt' > ID.txt`, quoted for the shell), the same in the
 * page's downloads as in the CLI's reports of a file of that name; the JSON keeps `LOG`.
 */
function cliOf(file: string, format: string): string {
	const r = spawnSync(process.execPath, ['scripts/cli.mjs', '--format', format, file], {
		encoding: 'utf8',
		maxBuffer: 1 << 28
	});
	if (r.status !== 0) throw new Error(`cli failed (${r.status}): ${r.stderr}`);
	return r.stdout;
}

test('a file’s text and Markdown downloads name it in the crash advice, as the CLI’s reports do', async ({
	page
}) => {
	const problems = watchForErrors(page);
	const name = 'dmesg (1).txt';
	const log = fixture('e2e/kasan-use-after-free.log');
	const file = join(mkdtempSync(join(tmpdir(), 'necroscope-named-')), name);
	writeFileSync(file, log);

	await openApp(page);
	await page
		.getByLabel('Choose log files')
		.setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(log) });
	const card = page.locator('article.finding').first();
	await expect(card).toContainText('KASAN: use-after-free Read in aead_recvmsg');
	const id = (await card.getAttribute('id')) as string;

	for (const [format, button] of [
		['text', 'Download text'],
		['markdown', 'Download Markdown']
	] as const) {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: button }).click()
		]);
		const body = readFileSync(await download.path(), 'utf8');
		expect(body).toBe(cliOf(file, format));
		expect(body.replace(/\n +/g, ' ')).toContain(
			`\`necroscope --lines ${id} 'dmesg (1).txt' > ${id}.txt\``
		);
	}
	const [json] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download JSON' }).click()
	]);
	const report = JSON.parse(readFileSync(await json.path(), 'utf8'));
	expect(report.input.name).toBe(name);
	expect(JSON.stringify(report.findings)).toContain(`necroscope --lines ${id} LOG > ${id}.txt`);
	expect(problems).toEqual([]);
});
