/**
 * Findings of a QA reading of the real-log corpus (shared/corpus/real) whose counts or details
 * were wrong, with verbatim excerpts: linuxerrors-dmesg-txt.log and izassafar-one-syslog-1.log
 * (one unclean shutdown counted once per line that showed it).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('an unclean shutdown shown by several lines of one boot', () => {
	// linuxerrors-dmesg-txt.log lines 1, 1002, 1154 and 1161 (Ubuntu 5.3, one boot): two journal
	// files left open and the md0 filesystem's journal replayed, all after one unclean shutdown
	const LINES = [
		'[    0.000000] Linux version 5.3.0-29-generic (buildd@lcy01-amd64-024) (gcc version 9.2.1 20191008 (Ubuntu 9.2.1-9ubuntu2)) #31-Ubuntu SMP Fri Jan 17 17:27:26 UTC 2020 (Ubuntu 5.3.0-29.31-generic 5.3.13)',
		'[    4.039978] systemd-journald[472]: File /var/log/journal/82460a1f6c584c21bc21ad8251e48b91/system.journal corrupted or uncleanly shut down, renaming and replacing.',
		'[    6.160035] systemd-journald[472]: File /var/log/journal/82460a1f6c584c21bc21ad8251e48b91/user-1000.journal corrupted or uncleanly shut down, renaming and replacing.',
		'[    8.912078] EXT4-fs (md0): recovery complete'
	];

	it('is one occurrence, with every line as evidence', async () => {
		const [f] = (await findingsOf(LINES)).filter((x) => x.rule === 'power.unclean-shutdown');
		expect([f.count, f.boots, f.occurrences.length]).toEqual([1, [0], 1]);
		expect(f.evidence.map((e) => e.line)).toEqual([2, 3, 4]);
	});

	it('names the device its list names, not null beside it', async () => {
		const [f] = (await findingsOf(LINES)).filter((x) => x.rule === 'power.unclean-shutdown');
		expect([f.details.device, f.details.devices]).toEqual(['md0', ['md0']]);
	});

	it('names no device when no line names one', async () => {
		const [f] = (await findingsOf(LINES.slice(0, 3))).filter(
			(x) => x.rule === 'power.unclean-shutdown'
		);
		expect(f.details.device).toBeNull();
		expect(f.details).not.toHaveProperty('devices');
	});

	it('counts each boot that recovered (izassafar-one-syslog-1)', async () => {
		// izassafar-one-syslog-1.log lines 784-785, 1092, 1108, then 1346 and 1686 (a Raspberry Pi
		// that lost power again and again): boot 1 replays the root filesystem's journal and finds
		// the journal file open, boot 2 finds the journal file open
		const boot = (at: string) => [
			`${at} ubuntu kernel: [    0.000000] Booting Linux on physical CPU 0x0`,
			`${at} ubuntu kernel: [    0.000000] Linux version 5.3.0-1017-raspi2 (buildd@bos02-arm64-053) (gcc version 7.4.0 (Ubuntu/Linaro 7.4.0-1ubuntu1~18.04.1)) #19~18.04.1-Ubuntu SMP Fri Jan 17 11:16:28 UTC 2020 (Ubuntu 5.3.0-1017.19~18.04.1-raspi2 5.3.13)`
		];
		const f = await findingsOf([
			...boot('Feb  3 18:34:23'),
			'Feb  3 18:34:23 ubuntu kernel: [   11.081724] EXT4-fs (mmcblk0p2): recovery complete',
			'Feb  3 18:34:23 ubuntu kernel: [   13.654553] systemd-journald[760]: File /var/log/journal/9a5201de999949f0b47eefb7ff48a4d5/system.journal corrupted or uncleanly shut down, renaming and replacing',
			...boot('Jun 29 11:47:03'),
			'Jun 29 11:47:03 ubuntu kernel: [   13.566327] systemd-journald[757]: File /var/log/journal/9a5201de999949f0b47eefb7ff48a4d5/system.journal corrupted or uncleanly shut down, renaming and replacing'
		]);
		const u = f.find((x) => x.rule === 'power.unclean-shutdown')!;
		expect([u.count, u.boots, u.occurrences.map((o) => o.first_line)]).toEqual([2, [0, 1], [3, 7]]);
		expect(u.evidence.map((e) => e.line)).toEqual([3, 4]);
	});
});
