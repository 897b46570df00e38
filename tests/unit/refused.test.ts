import { describe, expect, it } from 'vitest';
import { refusedAdvice, refusedBy } from '../../src/lib/components/refused.ts';

/**
 * What `dmesg` and `journalctl -k` print to a user who may not read the kernel log, pasted or saved
 * for the log: said to be that, with what to do, instead of analysed ("No problems were found").
 */
describe('refusedBy', () => {
	it('knows dmesg’s refusal, alone or after the prompt that ran it', () => {
		// util-linux's dmesg where kernel.dmesg_restrict = 1 (Debian's and Ubuntu's default)
		const denied = 'dmesg: read kernel buffer failed: Operation not permitted';
		expect(refusedBy(denied)).toBe('dmesg');
		expect(refusedBy(`${denied}\n`)).toBe('dmesg');
		expect(refusedBy(`alice@pc:~$ dmesg\n${denied}\nalice@pc:~$ `)).toBe('dmesg');
		expect(refusedBy(`$ dmesg -T\r\n${denied}\r\n`)).toBe('dmesg');
		// BusyBox's
		expect(refusedBy('dmesg: klogctl: Operation not permitted')).toBe('dmesg');
	});

	it('knows journalctl’s notice to a user outside the adm and systemd-journal groups', () => {
		expect(
			refusedBy(
				[
					'$ journalctl -k -b',
					'Hint: You are currently not seeing messages from other users and the system.',
					"      Users in groups 'adm', 'systemd-journal' can see all messages.",
					'      Pass -q to turn off this notice.',
					'-- No entries --'
				].join('\n')
			)
		).toBe('journalctl');
		expect(refusedBy('No journal files were opened due to insufficient permissions.')).toBe(
			'journalctl'
		);
	});

	it('leaves a log alone, with such a line in it or not', () => {
		expect(refusedBy('')).toBeNull();
		expect(refusedBy('-- No entries --')).toBeNull();
		expect(refusedBy('$ dmesg')).toBeNull();
		expect(
			refusedBy(
				'[    0.000000] Linux version 6.6.4 (builder@host) (gcc 13.2.0) #1 SMP\ndmesg: read kernel buffer failed: Operation not permitted'
			)
		).toBeNull();
		expect(
			refusedBy(`dmesg: read kernel buffer failed: Operation not permitted\n${'x'.repeat(5000)}`)
		).toBeNull();
	});
});

describe('refusedAdvice', () => {
	it('says what the input is and how to save the log with sudo', () => {
		expect(
			refusedAdvice('The pasted text', 'dmesg: read kernel buffer failed: Operation not permitted')
		).toBe(
			"The pasted text is dmesg's error message, not a kernel log: this system lets only root read the kernel log, so nothing was read. Save it with sudo dmesg > dmesg.txt and open that file here (or paste what sudo dmesg prints)."
		);
		expect(
			refusedAdvice('This file', 'No journal files were opened due to insufficient permissions.')
		).toMatch(
			/^This file is journalctl's notice, not a kernel log: .* sudo journalctl -k -b > kernel\.txt/
		);
		expect(
			refusedAdvice('This file', '[    1.000000] usb 1-1: new high-speed USB device')
		).toBeNull();
	});
});
