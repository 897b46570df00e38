import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';

describe('default and build accounts are no people', () => {
	it("does not learn CI build accounts nor phone and board distributions' default users", () => {
		const n = new NameCollector();
		// gopro-hero7-kmsg.log and n100dc-itx-sophos-dmesg.log build as `jenkins`,
		// iamslightlywin-dump-last-kmsg.log as GitHub Actions' `runner` (the hosts made up)
		n.line(
			'[    0.000000] Linux version 4.9.2 (jenkins@build-7) (gcc version 4.9.2 (GCC) ) #1 SMP'
		);
		n.line('[    0.000000] Linux version 4.19.157 (runner@ci-vm-12) (clang) #1 SMP PREEMPT');
		// ubtouch-dmesg-syslog.log (Ubuntu Touch), syslogs-messages-3.log (ChromeOS)
		n.line('Nov 22 22:51:25 host1 kernel: [   10.000000] init: /home/phablet/.config missing');
		n.line('2026-05-18T17:59:50.000000Z INFO session_manager[1327]: /home/chronos/user missing');
		// Arch Linux ARM's default user would have replaced `alarm` in kernel text
		n.line(
			'Mar  1 10:00:00 host1 sshd[700]: Accepted publickey for alarm from 192.0.2.5 port 52144 ssh2'
		);
		expect([...n.users]).toEqual([]);
		// a build farm's banner names no person: its host is no longer learned either
		expect([...n.hosts]).toEqual([]);
		const a = new Anonymizer(n);
		expect(a.text('rtc_cmos 00:02: alarms up to one month, y3k, 114 bytes nvram')).toBe(
			'rtc_cmos 00:02: alarms up to one month, y3k, 114 bytes nvram'
		);
		expect(a.text('WARNING: at /home/build/phablet/kernel/trace/ftrace.c:1590 and RTC alarm')).toBe(
			'WARNING: at /home/build/phablet/kernel/trace/ftrace.c:1590 and RTC alarm'
		);
	});
});
