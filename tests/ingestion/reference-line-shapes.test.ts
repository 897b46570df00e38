/**
 * Every line shape of the project's reference catalogue of kernel log shapes (util-linux dmesg's
 * output modes, the kernel's console, syslog(2) and /dev/kmsg shapes, journalctl's output modes and
 * markers, syslog files, pstore, Android bug reports, serial consoles, netconsole), fed with its
 * exact example line, and what it must give: the format, the kernel time, the message and, where
 * the shape has them, the wall time, level, caller and host. Host and user names of the examples
 * are replaced by invented ones (`host1`, `alice`). A shape that is misread here is a bug.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from './helpers.ts';

interface Want {
	line?: number;
	format: string;
	text: string;
	ts?: number;
	wall?: string;
	level?: number;
	caller?: string;
	host?: string;
	kind?: 'kernel' | 'continuation';
}

function check(
	lines: string[],
	want: Want[],
	skipped: Record<string, number> = {},
	year?: number
): void {
	const run = ingestText(lines.join('\n') + '\n', year === undefined ? {} : { year });
	const got = run.records.map((r, k) => {
		const w = want[k] ?? { format: '?', text: '?' };
		return {
			...(w.line === undefined ? {} : { line: r.line }),
			kind: r.kind,
			format: r.format,
			text: r.text,
			ts: Number.isNaN(r.ts) ? undefined : r.ts,
			...(w.wall === undefined ? {} : { wall: new Date(r.wall).toISOString() }),
			...(w.level === undefined ? {} : { level: r.level }),
			caller: r.caller === '' ? undefined : r.caller,
			...(w.host === undefined ? {} : { host: r.host })
		};
	});
	expect(got).toEqual(
		want.map((w) => ({
			...w,
			kind: w.kind ?? 'kernel',
			ts: w.ts,
			caller: w.caller
		}))
	);
	expect(run.summary.input.skipped_reasons).toEqual(skipped);
	expect(run.summary.input.lines_unparsed).toBe(0);
}

const BANNER =
	'Linux version 6.6.4-arch1-1 (alice@host1) (gcc (GCC) 13.2.1 20230801, GNU ld (GNU Binutils) 2.41.0) #1 SMP PREEMPT_DYNAMIC Mon, 04 Dec 2023 00:29:19 +0000';

describe('util-linux dmesg output modes', () => {
	it('default, the time widening past 99999 s', () => {
		check(
			[
				`[    0.000000] ${BANNER}`,
				'[110592.000000] example[48]',
				'[17159596.699613] device vethab20cf5 entered promiscuous mode'
			],
			[
				{ format: 'dmesg', text: BANNER, ts: 0 },
				{ format: 'dmesg', text: 'example[48]', ts: 110592 },
				{
					format: 'dmesg',
					text: 'device vethab20cf5 entered promiscuous mode',
					ts: 17159596.699613
				}
			]
		);
	});

	it('-T (ctime): the wall time, no kernel time', () => {
		check(
			['[Fri Feb 13 23:31:31 2009] example[1]'],
			[{ format: 'dmesg-ctime', text: 'example[1]', wall: '2009-02-13T23:31:31.000Z' }]
		);
	});

	it('-e / -H (reltime): a minute line, then deltas', () => {
		check(
			['[Feb13 23:31] new', '[  +1.000000] two', '[ +19.000000] example[3]'],
			[
				{ format: 'dmesg-reltime', text: 'new' },
				{ format: 'dmesg-reltime', text: 'two' },
				{ format: 'dmesg-reltime', text: 'example[3]' }
			]
		);
	});

	it('-d (show-delta), and -d -t', () => {
		check(
			['[    8.000000 <    7.000000>] example[2]'],
			[{ format: 'dmesg', text: 'example[2]', ts: 8 }]
		);
		check(['[<    7.000000>] example[2]'], [{ format: 'dmesg-delta', text: 'example[2]' }]);
	});

	it('--time-format iso, with a comma and an offset', () => {
		check(
			[
				'2009-02-13T23:31:31,123456+00:00 example[1]',
				'2023-12-22T12:26:24,559615-08:00 device vethab20cf5 entered promiscuous mode'
			],
			[
				{ format: 'dmesg-iso', text: 'example[1]', wall: '2009-02-13T23:31:31.123Z' },
				{
					format: 'dmesg-iso',
					text: 'device vethab20cf5 entered promiscuous mode',
					wall: '2023-12-22T20:26:24.559Z'
				}
			]
		);
	});

	it('several --time-formats at once', () => {
		check(
			[
				'[    1.000000] [Fri Feb 13 23:31:31 2009] 2009-02-13T23:31:31,123456+00:00 example[1]',
				'[17159596.699613 <    0.000000>] [Fri Dec 22 12:26:24 2023] [  +0.000000] 2023-12-22T12:26:24,559613-08:00 device vethab20cf5 entered promiscuous mode'
			],
			[
				{ format: 'dmesg', text: 'example[1]', ts: 1, wall: '2009-02-13T23:31:31.123Z' },
				{
					format: 'dmesg',
					text: 'device vethab20cf5 entered promiscuous mode',
					ts: 17159596.699613,
					wall: '2023-12-22T20:26:24.559Z'
				}
			]
		);
	});

	it('-r (raw): the level from `<fac*8+level>`', () => {
		check(
			[
				'<6>[    0.000000] Command line: auto BOOT_IMAGE=pld4.9.84-1 ro root=902 console=tty0 console=ttyS0,115200n81',
				'<30>[   10.441520] systemd[1]: systemd 254.7-1.fc39 running in system mode'
			],
			[
				{
					format: 'dmesg-raw',
					text: 'Command line: auto BOOT_IMAGE=pld4.9.84-1 ro root=902 console=tty0 console=ttyS0,115200n81',
					ts: 0,
					level: 6
				},
				{
					format: 'dmesg-raw',
					text: 'systemd[1]: systemd 254.7-1.fc39 running in system mode',
					ts: 10.44152,
					level: 6
				}
			]
		);
	});

	it('-x (decode): facility and level words, a caller id', () => {
		check(
			[
				'kern  :info  : [  216.000000] example[6]',
				'daemon:info  : [   10.441520] [T31] systemd[1]: systemd 254.7-1.fc39 running in system mode',
				'syslog:warn  : [   20.740000] systemd-journald[723]: File /var/log/journal/a124ea923b144109a12d557d5ac53179/system.journal corrupted or uncleanly shut down, renaming and replacing.',
				`kern  :emerg : [    0.000000] [T1] ${BANNER}`
			],
			[
				{ format: 'dmesg-decoded', text: 'example[6]', ts: 216, level: 6 },
				{
					format: 'dmesg-decoded',
					text: 'systemd[1]: systemd 254.7-1.fc39 running in system mode',
					ts: 10.44152,
					level: 6,
					caller: 'T31'
				},
				{
					format: 'dmesg-decoded',
					text: 'systemd-journald[723]: File /var/log/journal/a124ea923b144109a12d557d5ac53179/system.journal corrupted or uncleanly shut down, renaming and replacing.',
					ts: 20.74,
					level: 4
				},
				{ format: 'dmesg-decoded', text: BANNER, ts: 0, level: 0, caller: 'T1' }
			]
		);
	});

	it('a multi-line record: the later lines indented to the message', () => {
		check(
			['[    2.000000] two', '               new', '               lines'],
			[
				{ format: 'dmesg', text: 'two', ts: 2 },
				{ kind: 'continuation', format: 'continuation', text: '               new', ts: 2 },
				{ kind: 'continuation', format: 'continuation', text: '               lines', ts: 2 }
			]
		);
	});

	it('-J (json): one record per entry, `pri` a number or a word', () => {
		check(
			[
				'{',
				'   "dmesg": [',
				'      {',
				'         "pri": 6,',
				'         "time":     0.000008,',
				'         "caller": "T9",',
				'         "msg": "BIOS-e820: [mem 0x0000000009f00000-0x0000000009f3bfff] ACPI NVS"',
				'      },{',
				'         "fac": "kern",',
				'         "pri": "err",',
				'         "time": 119412.667460,',
				'         "msg": "..."',
				'      }',
				'   ]',
				'}'
			],
			[
				{
					line: 7,
					format: 'dmesg-json',
					text: 'BIOS-e820: [mem 0x0000000009f00000-0x0000000009f3bfff] ACPI NVS',
					ts: 0.000008,
					level: 6,
					caller: 'T9'
				},
				{ line: 12, format: 'dmesg-json', text: '...', ts: 119412.66746, level: 3 }
			],
			{ 'JSON structure': 4 }
		);
	});
});

describe('the kernel’s own shapes', () => {
	it('console and syslog(2): caller ids in every spacing', () => {
		check(
			[
				'[  584.319520][   T31] INFO: task udevd:5612 blocked in I/O wait for more than 143 seconds.',
				'[  175.967267][T13309] UBSAN: array-index-out-of-bounds in ...',
				'[   42.193111] [     T70] nvme nvme1: NVME-FC{0}: reset: Reconnect attempt failed (-6)',
				'<0>[    0.000000] [    T0] example[0]',
				'[    0.862842] [    T1] hv_vmbus: Vmbus version:5.3'
			],
			[
				{
					format: 'dmesg',
					text: 'INFO: task udevd:5612 blocked in I/O wait for more than 143 seconds.',
					ts: 584.31952,
					caller: 'T31'
				},
				{
					format: 'dmesg',
					text: 'UBSAN: array-index-out-of-bounds in ...',
					ts: 175.967267,
					caller: 'T13309'
				},
				{
					format: 'dmesg',
					text: 'nvme nvme1: NVME-FC{0}: reset: Reconnect attempt failed (-6)',
					ts: 42.193111,
					caller: 'T70'
				},
				{ format: 'dmesg-raw', text: 'example[0]', ts: 0, level: 0, caller: 'T0' },
				{ format: 'dmesg', text: 'hv_vmbus: Vmbus version:5.3', ts: 0.862842, caller: 'T1' }
			]
		);
	});

	it('CONFIG_PRINTK_PROCESS’s `%c[%1d:%15s:%5d]`, its flag a space or `I` in interrupt context', () => {
		// fishlogs-dmesg-log.log and iamslightlywin-dump-last-kmsg.log print the `I`: it had been
		// left in the message, and the whole prefix with it
		check(
			[
				'[    4.400040]  [3:      swapper/0:    1] [FACTORY] factory_adsp_command_timer: value=0',
				'[    4.400057] I[3:      swapper/0:    1] [FACTORY] factory_adsp_command_timer: value=0',
				'<6>[    4.400104] I[3:      swapper/0:    1] [FACTORY] factory_adsp_command_timer: value=1'
			],
			[
				{
					format: 'dmesg',
					text: '[FACTORY] factory_adsp_command_timer: value=0',
					ts: 4.40004,
					caller: 'T1'
				},
				{
					format: 'dmesg',
					text: '[FACTORY] factory_adsp_command_timer: value=0',
					ts: 4.400057,
					caller: 'T1'
				},
				{
					format: 'dmesg-raw',
					text: '[FACTORY] factory_adsp_command_timer: value=1',
					ts: 4.400104,
					level: 6,
					caller: 'T1'
				}
			]
		);
		// a message that starts with `I` is no such flag
		check(
			['[    1.000000] IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready'],
			[{ format: 'dmesg', text: 'IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready', ts: 1 }]
		);
	});

	it('/dev/kmsg records, dictionary lines, caller ids, fragments and escapes', () => {
		check(
			[
				'7,160,424069,-;pci_root PNP0A03:00: host bridge window [io  0x0000-0x0cf7] (ignored)',
				' SUBSYSTEM=acpi',
				' DEVICE=+acpi:PNP0A03:00',
				'6,339,5140900,-;NET: Registered protocol family 10',
				'30,340,5690716,-;udevd[80]: starting version 181',
				'0,0,0,-,caller=T1;Linux version 6.6.4-arch1-1 ...',
				'4,311,209670,c,caller=T14;  #1  #3  #5  #7',
				'1,1,1,-;Command line: initrd=\\x5cucode.img ...'
			],
			[
				{
					format: 'kmsg',
					text: 'pci_root PNP0A03:00: host bridge window [io  0x0000-0x0cf7] (ignored)',
					ts: 0.424069,
					level: 7
				},
				{ kind: 'continuation', format: 'kmsg', text: 'SUBSYSTEM=acpi', ts: 0.424069 },
				{ kind: 'continuation', format: 'kmsg', text: 'DEVICE=+acpi:PNP0A03:00', ts: 0.424069 },
				{ format: 'kmsg', text: 'NET: Registered protocol family 10', ts: 5.1409, level: 6 },
				{ format: 'kmsg', text: 'udevd[80]: starting version 181', ts: 5.690716, level: 6 },
				{ format: 'kmsg', text: 'Linux version 6.6.4-arch1-1 ...', ts: 0, level: 0, caller: 'T1' },
				{ format: 'kmsg', text: '  #1  #3  #5  #7', ts: 0.20967, level: 4, caller: 'T14' },
				{ format: 'kmsg', text: 'Command line: initrd=\\ucode.img ...', ts: 0.000001, level: 1 }
			]
		);
	});

	it('printk’s in-band markers are skipped and counted', () => {
		check(
			[
				'[    1.000000] a',
				'** 12 printk messages dropped **',
				'** replaying previous printk message **',
				'[    2.000000] b'
			],
			[
				{ format: 'dmesg', text: 'a', ts: 1 },
				{ format: 'dmesg', text: 'b', ts: 2 }
			],
			{ 'printk marker': 2 }
		);
	});
});

describe('journalctl output modes and markers', () => {
	it('short, short-precise', () => {
		check(
			[
				'Nov 21 16:56:27 host1 kernel: Linux version 6.7.0-rc2+ (alice@host1) ...',
				'Nov 23 23:15:01.123456 myhost kernel: usb 1-1: reset'
			],
			[
				{
					format: 'syslog',
					text: 'Linux version 6.7.0-rc2+ (alice@host1) ...',
					wall: '2023-11-21T16:56:27.000Z',
					host: 'host1'
				},
				{
					format: 'syslog',
					text: 'usb 1-1: reset',
					wall: '2023-11-23T23:15:01.123Z',
					host: 'myhost'
				}
			]
		);
	});

	it('localised and lower-case months (the year given, as --year does)', () => {
		check(
			[
				'jun 20 03:23:46 myhost kernel: usb 1-1: reset',
				'Okt 06 17:59:27 host2 kernel: NVRM: Xid (PCI:0000:01:00): 79, GPU has fallen off the bus.'
			],
			[
				{
					format: 'syslog',
					text: 'usb 1-1: reset',
					wall: '2024-06-20T03:23:46.000Z',
					host: 'myhost'
				},
				{
					format: 'syslog',
					text: 'NVRM: Xid (PCI:0000:01:00): 79, GPU has fallen off the bus.',
					wall: '2024-10-06T17:59:27.000Z',
					host: 'host2'
				}
			],
			{},
			2024
		);
	});

	it('short-full, short-iso (both offsets), short-iso-precise, short-unix', () => {
		check(
			[
				'Sat 2024-11-23 23:15:01 CET myhost kernel: usb 1-1: new high-speed USB device number 2 using xhci_hcd',
				'2024-11-23T23:15:01+01:00 myhost kernel: usb 1-1: reset',
				'2026-09-20T14:03:11+0000 host1 kernel: EXT4-fs error (device sda1): bad block',
				'2024-11-23T23:15:01.123456+01:00 myhost kernel: usb 1-1: reset',
				'1732400101.123456 myhost kernel: usb 1-1: reset'
			],
			[
				{
					format: 'journal-full',
					text: 'usb 1-1: new high-speed USB device number 2 using xhci_hcd',
					wall: '2024-11-23T22:15:01.000Z',
					host: 'myhost'
				},
				{ format: 'syslog-iso', text: 'usb 1-1: reset', wall: '2024-11-23T22:15:01.000Z' },
				{
					format: 'syslog-iso',
					text: 'EXT4-fs error (device sda1): bad block',
					wall: '2026-09-20T14:03:11.000Z',
					host: 'host1'
				},
				{ format: 'syslog-iso', text: 'usb 1-1: reset', wall: '2024-11-23T22:15:01.123Z' },
				{ format: 'journal-unix', text: 'usb 1-1: reset', wall: '2024-11-23T22:15:01.123Z' }
			]
		);
	});

	it('short-monotonic and short-delta: the kernel’s time', () => {
		check(
			[
				'[    7.636966] LibreELEC kernel: Booting Linux on physical CPU 0x0',
				'[    8.234567 <    0.000123>] myhost kernel: usb 1-1: reset'
			],
			[
				{
					format: 'journal-monotonic',
					text: 'Booting Linux on physical CPU 0x0',
					ts: 7.636966,
					host: 'LibreELEC'
				},
				{ format: 'journal-monotonic', text: 'usb 1-1: reset', ts: 8.234567, host: 'myhost' }
			]
		);
	});

	it('verbose: a header, then indented fields', () => {
		check(
			[
				'Sat 2024-11-23 23:15:01.123456 CET [s=0639a;i=1;b=3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d;m=4a1;t=6279;x=1]',
				'    _TRANSPORT=kernel',
				'    PRIORITY=6',
				'    SYSLOG_IDENTIFIER=kernel',
				'    MESSAGE=usb 1-1: reset'
			],
			[
				{
					line: 5,
					format: 'journal-full',
					text: 'usb 1-1: reset',
					wall: '2024-11-23T22:15:01.123Z',
					level: 6
				}
			]
		);
	});

	it('its informational lines are skipped', () => {
		check(
			[
				'-- Journal begins at Mon 2023-08-28 17:12:05 EDT, ends at Tue 2023-11-21 17:00:31 EST. --',
				'-- Logs begin at Mon 2023-08-28 17:12:05 EDT, end at Tue 2023-11-21 17:00:31 EST. --',
				'-- Boot 3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d --',
				'Nov 21 16:56:27 host1 kernel: usb 1-1: reset',
				'-- Reboot --',
				'-- No entries --',
				'-- cursor: s=0639a;i=1;b=3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d;m=4a1;t=6279;x=1'
			],
			[{ format: 'syslog', text: 'usb 1-1: reset', wall: '2023-11-21T20:56:27.000Z' }],
			{ 'boot marker': 2, 'journal marker': 4 }
		);
	});
});

describe('syslog files', () => {
	it('kern.log and messages, a facility.level word, other programs skipped', () => {
		check(
			[
				'Apr 24 22:03:41 host1 kernel: [  233.386309] sd 0:0:0:0: [sda] Sense Key : Medium Error [current] [descriptor]',
				'Sep 25 14:42:07 ip-10-0-0-1 kernel: Out of memory: Killed process 44321 (python) total-vm:2162580kB, anon-rss:80708kB, file-rss:2816kB, shmem-rss:0kB, UID:1000 pgtables:3908kB oom_score_adj:0',
				'2025-08-31T09:36:55.418891-07:00 host2 rsyslogd: [origin software="rsyslogd" swVersion="8.2312.0" x-pid="1"] rsyslogd was HUPed',
				'<30>1 2017-04-27T07:59:12+02:00 nextcloud dhclient - - -  DHCPREQUEST on eth0 to 192.168.1.1 port 67',
				'Mar  2 23:24:28 UDM-Pro user.warn kernel: [1293979.679369] IN=br46 OUT= MAC=24:5a:4c:00:00:01 SRC=192.168.46.5 DST=8.8.8.8',
				'Aug 29 09:51:01 host1 kernel: Oops: 0002'
			],
			[
				{
					format: 'syslog',
					text: 'sd 0:0:0:0: [sda] Sense Key : Medium Error [current] [descriptor]',
					ts: 233.386309,
					host: 'host1'
				},
				{
					format: 'syslog',
					text: 'Out of memory: Killed process 44321 (python) total-vm:2162580kB, anon-rss:80708kB, file-rss:2816kB, shmem-rss:0kB, UID:1000 pgtables:3908kB oom_score_adj:0',
					host: 'ip-10-0-0-1'
				},
				{
					format: 'syslog',
					text: 'IN=br46 OUT= MAC=24:5a:4c:00:00:01 SRC=192.168.46.5 DST=8.8.8.8',
					ts: 1293979.679369,
					level: 4,
					host: 'UDM-Pro'
				},
				{ format: 'syslog', text: 'Oops: 0002', host: 'host1' }
			],
			{ 'not a kernel message (other program in a syslog file)': 2 }
		);
	});

	it('RFC 5424 and OpenWrt’s logread', () => {
		check(
			[
				'<4>1 2024-11-23T23:15:01+01:00 host1 kernel - - - usb 1-1: reset',
				'Sat Nov  2 14:07:32 2019 kern.info kernel: [ 1363.021778] do_page_fault(): sending SIGSEGV to rpcd for invalid read'
			],
			[
				{
					format: 'syslog-5424',
					text: 'usb 1-1: reset',
					wall: '2024-11-23T22:15:01.000Z',
					level: 4
				},
				{
					format: 'syslog-logread',
					text: 'do_page_fault(): sending SIGSEGV to rpcd for invalid read',
					ts: 1363.021778,
					wall: '2019-11-02T14:07:32.000Z',
					level: 6
				}
			]
		);
	});
});

describe('other captures', () => {
	it('pstore: headers skipped, parts replayed oldest first', () => {
		check(
			[
				'Panic#1 Part1',
				'<4>[  123.456789] Call Trace:',
				'Oops#2 Part3',
				'<4>[  120.000000] example'
			],
			[
				{ line: 2, format: 'dmesg-raw', text: 'Call Trace:', ts: 123.456789, level: 4 },
				{ line: 4, format: 'dmesg-raw', text: 'example', ts: 120, level: 4 }
			],
			{ 'pstore record header': 2 }
		);
	});

	it('an Android bug report’s kernel section', () => {
		const audit =
			'type=1400 audit(1760367482.114:812): avc: denied { read } for comm="vehicle_hal" name="hvac_calib" dev="sda13" ino=1042 scontext=u:r:hal_vehicle_default:s0 tcontext=u:object_r:sysfs:s0 tclass=file permissive=0';
		check(
			[
				'------ KERNEL LOG (dmesg) ------',
				`[ 6142.201332] ${audit}`,
				"------ 0.010s was the duration of 'KERNEL LOG (dmesg)' ------"
			],
			[{ format: 'dmesg', text: audit, ts: 6142.201332 }],
			{ 'bug report section header': 2 }
		);
	});

	it('a serial console: a login prompt glued before the prefix, `\\r\\r\\n` ends', () => {
		check(
			[
				'myhost login: [  123.456789] BUG: KASAN: slab-use-after-free in f+0x1/0x2\r\r',
				'[  124.000000] next\r'
			],
			[
				{ format: 'console', text: 'BUG: KASAN: slab-use-after-free in f+0x1/0x2', ts: 123.456789 },
				{ format: 'dmesg', text: 'next', ts: 124 }
			]
		);
	});

	it('netconsole’s extended fragments are one record', () => {
		check(
			[
				'6,416,1758426,-,ncfrag=0/31;the first chunk,',
				'6,416,1758426,-,ncfrag=16/31; the 2nd chunk.'
			],
			[{ format: 'kmsg', text: 'the first chunk, the 2nd chunk.', ts: 1.758426, level: 6 }]
		);
	});

	it('a syzkaller console’s panic lines', () => {
		check(
			[
				'[  100.000000][ T100] Kernel panic - not syncing: panic_on_warn set ...',
				'[  100.000001][ T100] Rebooting in 86400 seconds..'
			],
			[
				{
					format: 'dmesg',
					text: 'Kernel panic - not syncing: panic_on_warn set ...',
					ts: 100,
					caller: 'T100'
				},
				{ format: 'dmesg', text: 'Rebooting in 86400 seconds..', ts: 100.000001, caller: 'T100' }
			]
		);
	});
});
