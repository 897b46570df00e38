/**
 * How input lines are classified and split into boots, from lines of real logs (each naming the
 * corpus file, shared/corpus/real, it comes from) that earlier builds read wrongly.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from './helpers.ts';

const run = (lines: string[]) => ingestText(lines.join('\n') + '\n');

/**
 * dfir-sample-files-syslog-1.log lines 11-19: the last kernel line before a suspend, then 17 days
 * later the next boot's banner, in a syslog file whose kernel lines carry no kernel time
 */
const DFIR = [
	"2024-12-01T00:01:29.656452+01:00 kpepe systemd-sleep[190977]: Failed to lock home directories: Unknown object '/org/freedesktop/home1'.",
	'2024-12-01T00:01:29.657390+01:00 kpepe kernel: PM: suspend entry (deep)',
	"2024-12-01T00:01:29.656920+01:00 kpepe systemd-sleep[190977]: Performing sleep operation 'suspend'...",
	'2024-12-18T00:43:18.747257+01:00 kpepe systemd[1]: Starting systemd-journal-flush.service - Flush Journal to Persistent Storage...',
	'2024-12-18T00:43:18.749393+01:00 kpepe systemd[1]: Finished systemd-sysctl.service - Apply Kernel Variables.',
	'2024-12-18T00:43:18.747920+01:00 kpepe kernel: Linux version 6.6.9-amd64 (devel@kali.org) (gcc-13 (Debian 13.2.0-9) 13.2.0, GNU ld (GNU Binutils for Debian) 2.41.50.20231227) #1 SMP PREEMPT_DYNAMIC Kali 6.6.9-1kali1 (2024-01-08)',
	'2024-12-18T00:43:18.749522+01:00 kpepe kernel: Command line: BOOT_IMAGE=/boot/vmlinuz-6.6.9-amd64 root=UUID=09b6bb7f-893c-408c-a5c0-d5a97a6e9296 ro quiet splash'
];

describe('boots of a syslog file without kernel times', () => {
	it('a banner logged days after the kernel line before it starts a new boot (dfir syslog)', () => {
		const boots = run(DFIR).summary.metadata.boots;
		expect(boots.map((b) => [b.first_line, b.last_line, b.reason, b.kernel_version])).toEqual([
			[2, 2, 'start', null],
			[6, 7, 'banner', '6.6.9-amd64']
		]);
	});

	it('lines printed before the banner in the same instant stay in its boot (askubuntu journal)', () => {
		// askubuntu-dmesg-journalctl-lastdayorso.log lines 83-84
		const boots = run([
			'Feb 09 12:28:50 hpPav kernel: microcode: microcode updated early to revision 0xea, date = 2021-01-05',
			'Feb 09 12:28:50 hpPav kernel: Linux version 5.13.0-28-generic (buildd@lgw01-amd64-035) (gcc (Ubuntu 9.3.0-17ubuntu1~20.04) 9.3.0, GNU ld (GNU Binutils for Ubuntu) 2.34) #31~20.04.1-Ubuntu SMP Wed Jan 19 14:08:10 UTC 2022 (Ubuntu 5.13.0-28.31~20.04.1-generic 5.13.19)'
		]).summary.metadata.boots;
		expect(boots.map((b) => [b.first_line, b.reason, b.kernel_version])).toEqual([
			[1, 'start', '5.13.0-28-generic']
		]);
	});
});

describe('dmesg stamps with a space before the bracket', () => {
	it('reads `[    0.043841 ][    T0 ]` as a time and a caller, not as bare text (lkp-74)', () => {
		// lkp-74.log lines 1 and 7: an i386 0-day test boot
		const r = run([
			'[    0.043841 ][    T0 ] EIP: string_nocheck+0x59/0xb0',
			'[    0.048509 ][    T0 ] Kernel panic - not syncing: Fatal exception'
		]);
		expect(r.records.map((x) => [x.format, x.ts, x.caller, x.text])).toEqual([
			['dmesg', 0.043841, 'T0', 'EIP: string_nocheck+0x59/0xb0'],
			['dmesg', 0.048509, 'T0', 'Kernel panic - not syncing: Fatal exception']
		]);
		expect(r.summary.input.warnings).toEqual([]);
	});
});
