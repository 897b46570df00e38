import { expect, test } from '@playwright/test';
import { analyzeText, cliReport, watchForErrors } from './helpers';

/**
 * Boots that stopped early (each followed by the next, during start-up) are one note in the page,
 * as in the text and Markdown reports: the page had listed a note of some 560 characters for each,
 * the same words but for the boot and its lines (the 100 MB benchmark log: twelve before its
 * findings, behind "Show all 13 notes" on a phone).
 */
const BOOT = [
	'[    0.000000] Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)',
	'[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-18-amd64 root=/dev/sda1 ro quiet',
	'[    1.200000] usb 1-1: new high-speed USB device number 2 using xhci_hcd',
	'[    2.600000] ata1: SATA link up 6.0 Gbps (SStatus 133 SControl 300)'
];
const LOG = [...BOOT, ...BOOT, ...BOOT].join('\n') + '\n';

test('boots that stopped early are one note, as the text report says them', async ({ page }) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 1280, height: 900 });
	await analyzeText(page, LOG);
	const report = JSON.parse(cliReport(LOG)) as { input: { warnings: string[] } };
	// the JSON keeps each boot's note
	expect(report.input.warnings).toHaveLength(2);
	const notes = page.locator('.warnings li');
	await expect(notes).toHaveCount(1);
	const text = (await notes.locator('.note-text').textContent())!.replace(/\s+/g, ' ').trim();
	expect(text).toMatch(/^The logs of 2 boots stop early/);
	// the words of the text report's note
	const said = /^Note: ([\s\S]*?)\n\n/m
		.exec(cliReport(LOG, 'text'))![1]
		.replace(/\s+/g, ' ')
		// (its code spans are shown as code)
		.replaceAll('`', '');
	expect(text).toBe(said);
	// no "Show all N notes" for one note
	await expect(page.getByRole('button', { name: /^Show all \d+ notes$/ })).toHaveCount(0);
	expect(problems).toEqual([]);
});
