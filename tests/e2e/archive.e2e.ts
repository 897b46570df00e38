import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { streamedZip, tar } from '../support/archives';
import { cancelPartWay, cliReport, fixture, MIXED, openApp, watchForErrors } from './helpers';

const SOS = 'sosreport-host1-2026-12-04-abcdefg';

/** drop `bytes` as a file named `name` on the input area */
async function drop(page: Page, name: string, bytes: Uint8Array) {
	const dataTransfer = await page.evaluateHandle(
		([name, data]) => {
			const dt = new DataTransfer();
			dt.items.add(new File([new Uint8Array(data)], name));
			return dt;
		},
		[name, Array.from(bytes)] as const
	);
	const zone = page.getByRole('region', { name: 'Log input' });
	await zone.dispatchEvent('dragover', { dataTransfer });
	await zone.dispatchEvent('drop', { dataTransfer });
}

test('a sosreport .tar.gz dropped on the page is read by its kernel log: the CLI’s report', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	const tgz = gzipSync(
		tar([
			{ name: `${SOS}/etc/hostname`, data: 'host1\n' },
			{ name: `${SOS}/sos_commands/kernel/dmesg`, data: MIXED },
			{ name: `${SOS}/sos_commands/kernel/sysctl_-a`, data: 'kernel.panic = 0\n' }
		])
	);
	await drop(page, `${SOS}.tar.gz`, tgz);
	await expect(page.locator('article.finding')).toHaveCount(3);
	await expect(page.locator('.warnings')).toContainText(
		`the kernel log analysed is its member ${SOS}/sos_commands/kernel/dmesg`
	);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download JSON' }).click()
	]);
	const fromPage = JSON.parse(readFileSync(await download.path(), 'utf8'));
	expect(fromPage.input.bytes).toBe(tgz.length);
	const fromCli = JSON.parse(cliReport(tgz));
	expect({ ...fromPage, input: { ...fromPage.input, name: null } }).toEqual(fromCli);
	// the log alone gives the same findings
	const plain = JSON.parse(cliReport(MIXED));
	expect(fromCli.findings).toEqual(plain.findings);
	expect(problems).toEqual([]);
});

test('an Android bug report .zip dropped on the page shows its kernel log’s findings', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	const name = 'bugreport-sdk_gphone64_x86_64-UE1A.230829.036-2026-12-04-10-00-00';
	const zip = streamedZip({
		'version.txt': '2.0',
		[`${name}.txt`]: `== dumpstate: 2026-12-04 10:00:00\n------ KERNEL LOG (dmesg) ------\n${MIXED}\n------ 0.011s was the duration of 'KERNEL LOG (dmesg)' ------\n`,
		'main_entry.txt': `${name}.txt`
	});
	await drop(page, `${name}.zip`, zip);
	await expect(page.locator('article.finding')).toHaveCount(3);
	await expect(
		page.locator('article.finding').filter({ hasText: 'WARNING in radeon_gart_unbind' })
	).toHaveCount(1);
	await expect(page.locator('.warnings')).toContainText(`its member ${name}.txt`);
	expect(problems).toEqual([]);
});

/**
 * A user who saved the kernel log as a report's advice says (`journalctl -k > kernel.txt`) and
 * packed it with what else they had: the page had said the archive held no kernel log.
 */
test('a .tar.gz of a user’s kernel.txt is read by it, as in the CLI', async ({ page }) => {
	const problems = watchForErrors(page);
	await openApp(page);
	const tgz = gzipSync(
		tar([
			{ name: 'logs/notes.txt', data: 'after the update\n' },
			{ name: 'logs/kernel.txt', data: MIXED }
		])
	);
	await drop(page, 'logs.tar.gz', tgz);
	await expect(page.locator('article.finding')).toHaveCount(3);
	await expect(page.locator('.warnings')).toContainText(
		'the kernel log analysed is its member logs/kernel.txt (a saved kernel log)'
	);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download JSON' }).click()
	]);
	const fromPage = JSON.parse(readFileSync(await download.path(), 'utf8'));
	const fromCli = JSON.parse(cliReport(tgz));
	expect({ ...fromPage, input: { ...fromPage.input, name: null } }).toEqual(fromCli);
	expect(problems).toEqual([]);
});

test('Cancel stops a .tar.gz analysis part way', async ({ page }) => {
	const problems = watchForErrors(page);
	await openApp(page);
	const log = fixture('e2e/warning-radeon.log').repeat(4500);
	await cancelPartWay(page, {
		name: 'logs.tar.gz',
		mimeType: 'application/gzip',
		buffer: gzipSync(tar([{ name: 'var/log/kern.log', data: log }]))
	});
	expect(problems).toEqual([]);
});
