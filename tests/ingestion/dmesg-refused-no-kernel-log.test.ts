import { describe, expect, it } from 'vitest';
import { analyzeText, formatText } from '../../src/lib/index.ts';
import {
	SKIP_DMESG_REFUSED,
	SKIP_JOURNAL_REFUSED
} from '../../src/lib/ingestion/formats/refused.ts';

/**
 * What `dmesg` prints without root where the kernel restricts its log (kernel.dmesg_restrict = 1,
 * Debian's and Ubuntu's default), and `journalctl -k`'s notice to a user outside its groups, given
 * to the CLI (`dmesg 2>&1 | necroscope`, a saved file) for the log: not a kernel message. Read as
 * one, the refusal had made a healthy report ("No problems were found") of a machine of which
 * nothing was read; the page says so before analysing (components/refused.ts), the report now too.
 */
const DENIED = 'dmesg: read kernel buffer failed: Operation not permitted';

describe('dmesg’s and journalctl’s refusal to read the log', () => {
	it('is no kernel log, with the command that saves the log, whether or not the prompt came with it', async () => {
		for (const text of [
			`${DENIED}\n`,
			`alice@pc:~$ dmesg\n${DENIED}\nalice@pc:~$ \n`,
			`$ dmesg -T\r\n${DENIED}\r\n`
		]) {
			const r = await analyzeText(text);
			expect(r.summary.verdict).toBe('no-kernel-log');
			expect(r.findings).toEqual([]);
			expect(r.input.lines_total).toBe(text.split('\n').length - 1);
			expect(r.input.skipped_reasons[SKIP_DMESG_REFUSED]).toBe(1);
			expect(r.input.warnings[0]).toMatch(/^This input is dmesg's error message, not a kernel log/);
			expect(r.input.warnings[0]).toContain('`sudo dmesg > dmesg.txt`');
			// the question the note answers is not asked as well
			expect(r.input.warnings.join('\n')).not.toContain('is it a kernel log');
			expect(formatText(r)).toContain("Note: This input is dmesg's error message");
		}
	});

	it('is no kernel log for journalctl’s notice and its empty result', async () => {
		const text = [
			'$ journalctl -k -b',
			'Hint: You are currently not seeing messages from other users and the system.',
			"      Users in groups 'adm', 'systemd-journal' can see all messages.",
			'      Pass -q to turn off this notice.',
			'-- No entries --',
			''
		].join('\n');
		const r = await analyzeText(text);
		expect(r.summary.verdict).toBe('no-kernel-log');
		expect(r.input.lines_total).toBe(5);
		expect(r.input.skipped_reasons[SKIP_JOURNAL_REFUSED]).toBe(3);
		expect(r.input.warnings[0]).toMatch(/^This input is journalctl's notice, not a kernel log/);
		expect(r.input.warnings[0]).toContain('`sudo journalctl -k -b > kernel.txt`');
	});

	it('is passed over, without a note, before the log that sudo then printed', async () => {
		const text = [
			'alice@pc:~$ dmesg',
			DENIED,
			'alice@pc:~$ sudo dmesg',
			'[    0.000000] Linux version 6.1.0-13-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29)',
			'[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-13-amd64 root=/dev/sda1 ro quiet',
			'[  100.000000] EXT4-fs error (device sda1): ext4_find_entry:1683: inode #2: comm ls: reading directory lblock 0',
			''
		].join('\n');
		const r = await analyzeText(text);
		expect(r.input.lines_total).toBe(6);
		expect(r.input.skipped_reasons[SKIP_DMESG_REFUSED]).toBe(1);
		expect(r.metadata.kernel_version).toBe('6.1.0-13-amd64');
		expect(r.summary.verdict).not.toBe('no-kernel-log');
		expect(r.findings.length).toBeGreaterThan(0);
		expect(r.input.warnings.join('\n')).not.toContain("dmesg's error message");
	});

	it('is a kernel line only in the words of a kernel message that merely names dmesg', async () => {
		// not the refusal: a bare log's kernel message that starts with dmesg's name stays one
		const r = await analyzeText(
			'dmesg: something the kernel log says\nusb 1-1: new high-speed USB device number 2 using xhci_hcd\n'
		);
		expect(r.input.skipped_reasons[SKIP_DMESG_REFUSED]).toBeUndefined();
		expect(r.summary.verdict).not.toBe('no-kernel-log');
	});
});
