import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { allowClipboard, analyzeText, openFinding, watchForErrors } from './helpers';

/**
 * Log text in the places the page learned lately stays text: the System panel (hardware, command
 * line, the boots' kernels), a crash's kernel under its title, the timeline of a
 * syslog's wall-clock time, the call trace Copy call trace gives with its stack-switch markers,
 * and the same report saved and opened again. No script runs, no element is made of the log, no
 * dialog opens, the page does not navigate, and the console has no error.
 */
const TAG = '<img src=x onerror="window.__pwned=1">';
/** a release is one word: HTML without spaces, backticks and a pipe */
const RELEASE = '6.1.0-<svg/onload=window.__pwned=2>`|`';
const LOG = [
	`[    0.000000] Linux version ${RELEASE} (b@h) (gcc 12) #1 SMP`,
	`[    0.000000] Command line: BOOT_IMAGE=/vmlinuz ${TAG} [l](javascript:window.__pwned=3) root=/dev/sda`,
	`[    0.000000] DMI: Vendor ${TAG} Board/\`|\`, BIOS 1 01/01/2020`,
	'[    5.000000] WARNING: CPU: 0 PID: 1 at drivers/x.c:1 f+0x1/0x2',
	'[    5.000001] Modules linked in: a<b>c</b> d',
	`[    5.000002] CPU: 0 PID: 1 Comm: sh Not tainted ${RELEASE} #1`,
	'[    5.000002] <script>window.__pwned=4</script>',
	'[    5.000003] Call Trace:',
	'[    5.000004]  <IRQ>',
	'[    5.000005]  g+0x1/0x2',
	'[    5.000006]  </IRQ>',
	'[    5.000007]  h+0x1/0x2 [m]',
	'[    5.000008] ---[ end trace 0000000000000000 ]---',
	'-- Boot 8d2c1f0e9b7a4c3d2e1f0a9b8c7d6e5f --',
	`[    0.000000] Linux version 6.2.0-${TAG.replace(/ /g, '/')} (b@h) #2`
].join('\n');
/** a server's syslog: wall-clock time and no kernel time, a hostile host name */
const SYSLOG = [
	'Nov 21 11:58:33 <img/src=x/onerror=window.__pwned=5> kernel: unregister_netdevice: waiting for <b>lo</b> to become free. Usage count = 1',
	'Nov 21 15:24:24 <img/src=x/onerror=window.__pwned=5> kernel: unregister_netdevice: waiting for <b>lo</b> to become free. Usage count = 1'
].join('\n');

async function expectInert(page: Page, url: string): Promise<void> {
	expect(
		await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
	).toBeUndefined();
	expect(
		await page.locator('.report img, .report script, .report svg script, .report b').count()
	).toBe(0);
	expect(page.url()).toBe(url);
}

test('hostile values in the System panel, a crash kernel line, a copied trace and a report opened again are text', async ({
	page,
	context,
	baseURL
}) => {
	const problems = watchForErrors(page);
	await allowClipboard(context, baseURL as string);
	await analyzeText(page, LOG);
	const url = page.url();
	const meta = page.locator('section.meta');
	await expect(meta).toContainText(`Vendor ${TAG} Board/\`|\``);
	await expect(meta).toContainText('[l](javascript:window.__pwned=3)');
	await expect(meta).toContainText(`Boot 0: lines 1–13, ${RELEASE}`);
	await expect(meta).toContainText(`Boot 1: lines 14–15, 6.2.0-${TAG.replace(/ /g, '/')}`);

	const crash = page.locator('article.finding').filter({ hasText: 'WARNING' }).first();
	await expect(crash.locator('.meta')).toContainText(`kernel ${RELEASE}`);
	await openFinding(crash);
	await crash.getByRole('button', { name: 'Copy call trace' }).click();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toBe('<IRQ>\ng+0x1/0x2\n</IRQ>\nh+0x1/0x2 [m]\n');
	await expect(crash).toContainText('<script>window.__pwned=4</script>');
	await expectInert(page, url);

	// saved and opened again: the same text, still inert
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download JSON' }).click()
	]);
	const saved = readFileSync(await download.path());
	await page.getByLabel('Choose log files').setInputFiles({
		name: `${TAG}.json`,
		mimeType: 'application/json',
		buffer: saved
	});
	await expect(page.getByRole('note')).toContainText(`${TAG}.json, a NecroScope report as saved`);
	await expect(meta).toContainText(`Vendor ${TAG} Board/\`|\``);
	await expect(meta).toContainText(`Boot 0: lines 1–13, ${RELEASE}`);
	await expectInert(page, url);

	// a timeline of wall-clock time, its mark named by a title of log text
	await page.getByLabel('Kernel log').fill(SYSLOG);
	await page.getByRole('button', { name: 'Analyze' }).click();
	const timeline = page.getByRole('region', { name: 'Timeline of findings' });
	await expect(timeline.locator('figcaption').first()).toHaveText(
		/— x axis:\s+time, Nov 21 11:58:33 – 15:24:24 UTC \(3\.4 hours; year not in the log\)$/
	);
	await expect(timeline.getByRole('button', { name: /unregister_netdevice/ })).toHaveAccessibleName(
		/ — Nov 21 11:58:33 UTC$/
	);
	const wait = page.locator('article.finding').first();
	await openFinding(wait);
	await expect(wait).toContainText('waiting for <b>lo</b> to become free');
	await expectInert(page, url);
	expect(problems).toEqual([]);
});
