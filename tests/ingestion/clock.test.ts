/**
 * Local time in line prefixes: syslog files, journalctl short output and dmesg -T print the
 * machine's local time without its zone; an audit record's epoch time, the journal's header, a
 * program's own time stamp or the RTC line tells the offset, and the report then gives UTC.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { findClockAnchor } from '../../src/lib/ingestion/clock.ts';

const HOUR = 3600 * 1000;

describe('clock anchors', () => {
	it('reads the offset from an audit record, the journal header or the RTC line', () => {
		// real lines: a machine at UTC+05:30, one at UTC-04:00, one at UTC+11:00
		expect(
			findClockAnchor(
				'Jan 16 11:42:44 host kernel: [    0.016000] audit: type=2000 audit(1547619159.680:1): state=initialized audit_enabled=0 res=1'
			)
		).toEqual({ offsetMs: 5.5 * HOUR, source: 'audit', year: 2019 });
		expect(
			findClockAnchor(
				'-- Logs begin at Thu 2019-10-31 04:57:54 EDT, end at Thu 2019-10-31 20:20:53 EDT. --'
			)
		).toEqual({ offsetMs: -4 * HOUR, source: 'journal', year: 2019 });
		expect(
			findClockAnchor(
				'Dec 10 07:21:36 x1c kernel: rtc_cmos 00:03: setting system clock to 2022-12-09T20:21:18 UTC (1670617278)'
			)
		).toEqual({ offsetMs: 11 * HOUR, source: 'rtc', year: 2022 });
	});

	it('reads the offset from a program’s own time stamp (linux-crash, logs-srv, crash-logs)', () => {
		// NetworkManager's epoch time: a machine at UTC-04:00 (linux-crash crash1.txt line 8)
		expect(
			findClockAnchor(
				'Apr 05 02:31:49 saikarch-p4 NetworkManager[578]: <info>  [1680676309.3287] device (wlp7s0): supplicant interface state: associated -> completed'
			)
		).toEqual({ offsetMs: -4 * HOUR, source: 'stamp', year: 2023 });
		// containerd's ISO time with its offset: UTC-03:00 (logs-srv messages line 790)
		expect(
			findClockAnchor(
				'Nov 21 08:35:02 openshiftrunner1 containerd: time="2021-11-21T08:35:02.186624558-03:00" level=info msg="shim containerd-shim started"'
			)
		).toEqual({ offsetMs: -3 * HOUR, source: 'stamp', year: 2021 });
		// a time in a message that is not the line's own (a certificate's date) is far from the prefix
		expect(
			findClockAnchor('Nov 21 08:35:02 host app[1]: certificate valid until 2022-01-01T00:00:00Z')
		).toBeNull();
		// a stamp without a zone says nothing
		expect(
			findClockAnchor('Nov 21 08:35:02 host app[1]: time="2021-11-21T08:35:02.186" level=info')
		).toBeNull();
	});

	it('takes no offset from a line whose prefix is far from its epoch time, or without one', () => {
		// the prefix is 3 hours and 7 minutes off: not a whole time zone, a clock being set
		expect(
			findClockAnchor(
				'Jan 16 09:19:44 host kernel: audit: type=1400 audit(1547619159.680:2): apparmor="STATUS"'
			)
		).toBeNull();
		expect(
			findClockAnchor('[    0.016000] audit: type=2000 audit(1547619159.680:1): x')
		).toBeNull();
		// around New Year: the local date is in the next year
		expect(
			findClockAnchor('Jan  1 00:30:00 h kernel: audit: type=1400 audit(1704065400.000:9): x')
		).toEqual({ offsetMs: HOUR, source: 'audit', year: 2024 });
	});
});

describe('wall times of local prefixes', () => {
	const log = (lines: string[]) => analyzeText(lines.join('\n') + '\n');
	const OOPS =
		'Jan 16 11:50:00 host kernel: [  480.000000] usb 1-1: device descriptor read/64, error -71';

	it('are given in UTC when the log tells its zone, and the report says so', async () => {
		const r = await log([
			'Jan 16 11:42:44 host kernel: [    0.016000] audit: type=2000 audit(1547619159.680:1): state=initialized audit_enabled=0 res=1',
			OOPS
		]);
		const f = r.findings.find((x) => x.rule === 'usb.enumeration-failed')!;
		expect(f.first_seen.wall).toBe('2019-01-16T06:20:00.000Z');
		expect(r.input.warnings.join(' ')).toContain(
			'UTC+05:30 (from an audit record’s time stamp at line 1)'
		);
	});

	it('are given as they are, with a note, when it does not', async () => {
		const r = await log([
			'Jan 16 11:42:44 host kernel: [    0.016000] Linux version 4.19.0 (b@h) #1 SMP Wed Jan 16 10:00:00 UTC 2019',
			OOPS
		]);
		const f = r.findings.find((x) => x.rule === 'usb.enumeration-failed')!;
		expect(f.first_seen.wall).toBe('2019-01-16T11:50:00.000Z');
		expect(r.input.warnings.join(' ')).toContain('does not say its time zone');
		// not dmesg's: no word of dmesg's options
		expect(r.input.warnings.join(' ')).not.toContain('--time-format iso');
	});

	it('of `dmesg -H` and `-T` say that dmesg prints no zone, and how to get one', async () => {
		// util-linux dmesg prints -H's `[Nov23 10:00]` and -T's dates with localtime(3) and strftime:
		// local time, no zone, and no option adds one; `--time-format iso` prints the offset
		const human = await analyzeText(
			[
				'[Nov23 10:00] Linux version 5.9.12 (builder@buildhost) (gcc (GCC) 10.2.0) #1 SMP Sat Dec 5 00:00:00 UTC 2020',
				'[  +1.863361] usb 1-1.1: new full-speed USB device number 4 using xhci_hcd',
				'[  +0.095585] usb 1-1.1: New USB device found, idVendor=1d57, idProduct=ad03, bcdDevice= 4.07'
			].join('\n') + '\n'
		);
		expect(human.input.formats).toEqual({ 'dmesg-reltime': 3 });
		const ctime = await analyzeText(
			'[Fri Feb 13 23:31:31 2009] usb 1-1.1: new full-speed USB device number 4 using xhci_hcd\n'
		);
		for (const r of [human, ctime])
			expect(r.input.warnings).toContain(
				'Times in line prefixes are the machine’s local time and the log does not say its time zone: they are given as if they were UTC. dmesg prints its -T, -H and -e times without the zone; `dmesg --time-format iso` prints each time with its offset from UTC.'
			);
	});

	// `dmesg -T` as util-linux prints it (`%a %b %e %H:%M:%S %Y`) in each locale; a message's
	// date (xhci-tegra's firmware time stamp, jetsontx2-samsung-dmesg-samsung-log.log) gives the
	// year before the audit record's line gives the zone
	for (const [locale, day] of [
		['C', 'Wed Jan 16'],
		['de_DE', 'Mi Jan 16'],
		['fr_FR', 'mer. janv. 16'],
		['es_ES', 'mié ene 16']
	]) {
		it(`are given in UTC from an audit record after a dated message in dmesg -T (${locale})`, async () => {
			const r = await log([
				`[${day} 11:42:40 2019] Linux version 4.19.0 (b@h) #1 SMP Wed Jan 16 10:00:00 UTC 2019`,
				`[${day} 11:42:41 2019] xhci-tegra 3530000.xhci: Firmware timestamp: 2017-03-31 06:21:56 UTC, Version: 55.07 release`,
				`[${day} 11:42:44 2019] audit: type=2000 audit(1547619159.680:1): state=initialized audit_enabled=0 res=1`,
				`[${day} 11:50:00 2019] usb 1-1: device descriptor read/64, error -71`
			]);
			expect(r.input.formats).toEqual({ 'dmesg-ctime': 4 });
			// another locale's weekday had not made the look-ahead wait for the zone: the dated
			// message ended it, and the times were given as if they were UTC (11:50:00Z)
			const f = r.findings.find((x) => x.rule === 'usb.enumeration-failed')!;
			expect(f.first_seen.wall).toBe('2019-01-16T06:20:00.000Z');
			expect(r.input.warnings.join(' ')).toContain(
				'UTC+05:30 (from an audit record’s time stamp at line 3)'
			);
		});
	}

	it('say nothing of zones for a log without local times', async () => {
		const r = await log(['[  480.000000] usb 1-1: device descriptor read/64, error -71']);
		expect(r.input.warnings.join(' ')).not.toContain('local time');
	});
});

describe('the year and zone a clock anchor gives', () => {
	const log = (lines: string[]) => analyzeText(lines.join('\n') + '\n');
	const USB = (prefix: string) =>
		`${prefix} host kernel: usb 1-1: device descriptor read/64, error -71`;

	it('counts the New Year passed before the anchor line', async () => {
		const r = await log([
			USB('Dec 31 23:59:50'),
			'Jan  1 00:00:10 host kernel: audit: type=1400 audit(1577833210.123:40): apparmor="STATUS"'
		]);
		// the audit time is 2019-12-31T23:00:10Z: the machine is at UTC+01:00
		const f = r.findings.find((x) => x.rule === 'usb.enumeration-failed')!;
		expect(f.first_seen.wall).toBe('2019-12-31T22:59:50.000Z');
	});

	it('beats a date printed inside a message', async () => {
		const r = await log([
			'Mar  3 10:00:00 host kernel: iwlwifi 0000:00:14.3: Attached to firmware from 2019-08-15 12:06',
			'Mar  3 10:00:01 host kernel: audit: type=1400 audit(1583229601.000:5): apparmor="STATUS"',
			USB('Mar  3 10:00:02')
		]);
		const f = r.findings.find((x) => x.rule === 'usb.enumeration-failed')!;
		expect(f.first_seen.wall).toBe('2020-03-03T10:00:02.000Z');
	});

	it('prefers an audit time to the journal header, whose CST could be China or America', async () => {
		const r = await log([
			'-- Logs begin at Mon 2020-03-02 08:00:00 CST, end at Tue 2020-03-03 20:00:00 CST. --',
			'Mar 03 18:00:01 host kernel: audit: type=1400 audit(1583229601.000:5): apparmor="STATUS"',
			USB('Mar 03 18:00:02')
		]);
		expect(r.input.warnings.join(' ')).toContain('UTC+08:00 (from an audit record');
		const f = r.findings.find((x) => x.rule === 'usb.enumeration-failed')!;
		expect(f.first_seen.wall).toBe('2020-03-03T10:00:02.000Z');
	});

	it('gives the year and zone of a journal whose only epoch times are NetworkManager’s (linux-crash)', async () => {
		const r = await analyzeText(
			[
				'Apr 05 02:31:49 saikarch-p4 wpa_supplicant[636]: wlp7s0: CTRL-EVENT-CONNECTED - Connection to a4:b2:39:5f:f4:ac completed [id=0 id_str=]',
				'Apr 05 02:31:49 saikarch-p4 kernel: IPv6: ADDRCONF(NETDEV_CHANGE): wlp7s0: link becomes ready',
				'Apr 05 02:31:49 saikarch-p4 NetworkManager[578]: <info>  [1680676309.3287] device (wlp7s0): supplicant interface state: associated -> completed'
			].join('\n')
		);
		expect(r.input.warnings.join(' ')).toContain('read as 2023');
		expect(r.input.warnings.join(' ')).toContain(
			'UTC−04:00 (from a program’s own time stamp in its message at line 3)'
		);
	});

	it('takes no zone from an ambiguous journal header alone', () => {
		expect(
			findClockAnchor(
				'-- Logs begin at Mon 2020-03-02 08:00:00 CST, end at Tue 2020-03-03 20:00:00 CST. --'
			)
		).toBeNull();
	});

	it('bounds the year by the first kernel’s build date, not a later kernel’s', async () => {
		const r = await log([
			'Dec 30 10:00:00 host kernel: [    0.000000] Linux version 5.4.0 (b@h) #1 SMP Mon Dec 2 10:00:00 UTC 2019',
			USB('Dec 30 10:00:05'),
			'Jan  6 09:00:00 host kernel: [    0.000000] Linux version 5.4.1 (b@h) #1 SMP Fri Jan 3 10:00:00 UTC 2020'
		]);
		const f = r.findings.find((x) => x.rule === 'usb.enumeration-failed')!;
		expect(f.first_seen.wall?.slice(0, 10)).toBe('2019-12-30');
	});
});
