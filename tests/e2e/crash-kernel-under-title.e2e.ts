import { expect, test } from '@playwright/test';
import { analyzeText, watchForErrors } from './helpers';

/**
 * A crash finding says the kernel it ran on under its title, next to its trace: a kernel developer
 * had found it only in the crash's Facts and in the System panel, far below. It is the release the
 * crash's own report printed (`Not tainted 6.12.9-arm64 #1`), else its boot's banner's; other
 * findings say no kernel.
 */
const BANNER = '[    0.000000] Linux version 6.6.4-banner (builder@host) (gcc 13.2.0) #1 SMP';
const WARNING = [
	'[    0.983914] ------------[ cut here ]------------',
	'[    0.983918] WARNING: CPU: 11 PID: 1 at drivers/firmware/efi/runtime-wrappers.c:341 __efi_queue_work+0xf0/0x130',
	'[    0.983930] Modules linked in:',
	'[    0.983935] CPU: 11 UID: 0 PID: 1 Comm: swapper/0 Not tainted 6.12.9-arm64 #1',
	'[    0.983949] pc : __efi_queue_work+0xf0/0x130',
	'[    0.983993] Call trace:',
	'[    0.983994]  __efi_queue_work+0xf0/0x130',
	'[    0.983997]  virt_efi_get_time+0x60/0xb8',
	'[    0.984100] ---[ end trace 0000000000000000 ]---'
];
const IO_ERROR =
	'[    5.000000] blk_update_request: I/O error, dev sda, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0';

test('a crash finding says its kernel under its title; other findings do not', async ({ page }) => {
	const problems = watchForErrors(page);
	await analyzeText(page, [BANNER, ...WARNING, IO_ERROR].join('\n'));
	const card = (title: RegExp) =>
		page.locator('article.finding').filter({ has: page.locator('.title', { hasText: title }) });
	const crash = card(/^WARNING in virt_efi_get_time$/);
	// the crash's own report's release, not the banner's
	await expect(crash.locator('.meta')).toHaveText(/^crash · kernel 6\.12\.9-arm64 · lines /);
	await expect(crash.locator('.finding-toggle')).toHaveAccessibleName(/kernel 6\.12\.9-arm64/);
	const io = card(/I\/O error/);
	await expect(io.locator('.meta')).toHaveText(/^\S+ · line /);
	await expect(io.locator('.meta')).not.toContainText('kernel');

	// a crash whose report names no kernel: its boot's, from the banner
	await page
		.getByLabel('Kernel log')
		.fill(
			[
				BANNER,
				...WARNING.map((l) =>
					l.includes('Not tainted') ? '[    0.983935] Modules linked in: x' : l
				)
			].join('\n')
		);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(crash.locator('.meta')).toHaveText(/^crash · kernel 6\.6\.4-banner · lines /);
	expect(problems).toEqual([]);
});
