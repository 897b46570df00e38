/**
 * The year given to dates printed without one, from lines of real logs (each naming the corpus
 * file, shared/corpus/real, it comes from) that earlier builds dated in a year made up.
 */
import { describe, expect, it } from 'vitest';
import { releaseFloorMs, namedRelease } from '../../src/lib/ingestion/year.ts';
import { ingestText } from './helpers.ts';

const run = (lines: string[]) => ingestText(lines.join('\n') + '\n');
const year = (iso: string | null) => (iso === null ? null : new Date(iso).getUTCFullYear());

/** serverlog-kern-log-1.log lines 1-4: an OOM kill 112 days after boot, its kernel named by the CPU line */
const SERVERLOG = [
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.563978] python invoked oom-killer: gfp_mask=0x280da, order=0, oom_score_adj=0',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564118] python cpuset=/ mems_allowed=0',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564166] CPU: 0 PID: 2512 Comm: python Not tainted 3.13.0-57-generic #95-Ubuntu',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564175] Hardware name: Bochs Bochs, BIOS Bochs 01/01/2011'
];

/** bard-linux-logs-bone-kern-log.log lines 1-3: no banner, no kernel release, no dated line */
const BARD = [
	'Jul 30 19:47:20 beaglebone kernel: [  526.109543] usb 1-1: Product: Nexus 10',
	'Jul 30 19:47:20 beaglebone kernel: [  526.109580] usb 1-1: Manufacturer: samsung',
	'Jul 30 19:47:20 beaglebone kernel: [  526.109616] usb 1-1: SerialNumber: R32CB06YPMH'
];

describe('a yearless syslog whose lines name the kernel release', () => {
	it('does not start a boot before its kernel existed (it had been 1999 with the default 2000)', () => {
		const r = run(SERVERLOG);
		const boot = r.summary.metadata.boots[0];
		// 3.13's merge window opened with 3.12's release, 2013-11-03; the boot began 112 days before Mar 15
		expect(boot.started_at?.slice(0, 16)).toBe('2013-11-23T14:21');
		expect(year(r.summary.metadata.boots[0].started_at)).toBe(2013);
		const note = r.summary.input.warnings.join(' ');
		expect(note).toMatch(/read as 2014, the earliest possible/);
		expect(note).toMatch(/line 3 names the kernel 3\.13\.0-57-generic/);
		expect(note).toMatch(/112 days/);
		expect(note).toMatch(/real year may be later/);
		expect(r.summary.input.assumed_year).toEqual({
			first: 2014,
			last: 2014,
			source: 'kernel release',
			exact: false
		});
	});

	it('lets a date of the log itself win over the bound', () => {
		const r = run([
			...SERVERLOG,
			'Mar 15 17:01:56 capstonealzheimer kernel: [9686415.000000] rtc0: setting system clock to 2016-03-15T17:01:56 UTC (1458061316)'
		]);
		expect(year(r.summary.metadata.boots[0].started_at)).toBe(2015);
		expect(r.summary.input.warnings.join(' ')).not.toMatch(/earliest possible/);
		expect(r.summary.input.assumed_year).toEqual({
			first: 2016,
			last: 2016,
			source: 'log date',
			exact: true
		});
	});

	it('reads when each release could first run', () => {
		const day = (s: string) => Date.parse(s + 'T00:00:00Z');
		expect(releaseFloorMs('3.13.0-57-generic')).toBe(day('2013-11-03'));
		expect(releaseFloorMs('3.13.5')).toBe(day('2014-01-19'));
		expect(releaseFloorMs('2.6.32-642.el6.x86_64')).toBe(day('2009-09-09'));
		expect(releaseFloorMs('2.6.32.60')).toBe(day('2009-12-02'));
		expect(releaseFloorMs('4.0.0-rc1')).toBe(day('2015-02-08'));
		// past the table: at least its last release; before 2.6.0 or unknown: nothing
		expect(releaseFloorMs('9.1.0')).toBe(day('2025-09-28'));
		expect(releaseFloorMs('2.4.20')).toBe(0);
		expect(releaseFloorMs('3.99')).toBe(0);
		expect(namedRelease(SERVERLOG[2])).toBe('3.13.0-57-generic');
		expect(namedRelease('CPU: 3    Tainted: G        W     (3.4.0-gff5ac3e #8)')).toBe(
			'3.4.0-gff5ac3e'
		);
		expect(
			namedRelease(
				'[    0.000000] Linux version 4.4.38 (root@tegra-ubuntu) (gcc version 5.4.0 20160609) #1 SMP'
			)
		).toBe('4.4.38');
		expect(namedRelease('usb 1-1: Product: Nexus 10')).toBeNull();
	});
});

describe('a yearless syslog that never tells its year', () => {
	it('says the year shown is a placeholder, not the log’s', () => {
		const r = run(BARD);
		expect(r.summary.metadata.boots[0].started_at?.slice(0, 16)).toBe('2000-07-30T19:38');
		const note = r.summary.input.warnings.join(' ');
		expect(note).toMatch(/nothing in it tells which/);
		expect(note).toMatch(/year 2000, a placeholder/);
		expect(note).toMatch(/their year is not/);
		expect(r.summary.input.assumed_year).toEqual({
			first: 2000,
			last: 2000,
			source: 'placeholder',
			exact: false
		});
	});
});

describe('an RTC time before the kernel the boot names existed', () => {
	/** lkp-calltrace-dmesg-006.log lines 1, 4 and 345: a 4.7-rc2 kernel whose test RTC reads 2003 */
	const LKP = [
		'[    0.540085] ================================================================================',
		'[    0.543593] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 4.7.0-rc2-00316-g0451490 #1',
		'[    6.373955] rtc-test rtc-test.0: setting system clock to 2003-03-25 16:16:33 UTC (1048608993)'
	];

	it('is no anchor, and the report says why (the boot had started in 2003)', () => {
		const r = run(LKP);
		expect(r.summary.metadata.boots[0].started_at).toBeNull();
		expect(r.summary.metadata.calibration).toEqual([]);
		expect(r.summary.input.warnings.join(' ')).toMatch(
			/read 2003-03-25 16:16:33 UTC at line 3, before its kernel 4\.7\.0-rc2-00316-g0451490 existed \(2016-05-15\)/
		);
	});
});

describe('the kernel release lockdep’s identity line and a USB root hub name', () => {
	/** lkp-75.log line 3 and satyr-gitlog-01.log line 3: lockdep's identity line under its header */
	const LOCKDEP = [
		'[    0.368598][    T1] 5.10.110-00159-g58823a9b097c #1 Not tainted',
		'[   65.470000] 3.5.0-rc5 #2 Not tainted'
	];
	/** izassafar-one-kern-log.log line 183 (a Raspberry Pi's kern.log of 2020, Ubuntu 5.3 raspi2) */
	const ROOT_HUB =
		'Jul  6 07:13:02 ubuntu kernel: [    3.320569] usb usb1: Manufacturer: Linux 5.3.0-1027-raspi2 dwc_otg_hcd';
	const message = (line: string) => line.slice(line.lastIndexOf('] ') + 2);

	it('are read by the year’s reader as the metadata collector reads them', () => {
		expect(LOCKDEP.map((l) => namedRelease(message(l)))).toEqual([
			'5.10.110-00159-g58823a9b097c',
			'3.5.0-rc5'
		]);
		expect(namedRelease(message(ROOT_HUB))).toBe('5.3.0-1027-raspi2');
		// a device's own string is another machine's kernel (bard-linux-logs-bone-kern-log.log)
		expect(namedRelease(message(BARD[1]))).toBeNull();
		for (const l of [...LOCKDEP, ROOT_HUB])
			expect(run([l]).summary.metadata.kernel_version).toBe(namedRelease(message(l)));
	});

	it('bound the year of a yearless syslog that names its kernel only there', () => {
		// 5.3's merge window opened with 5.2's release, 2019-07-07: a boot 3 s old on Jul 6 is 2020's
		const r = run([ROOT_HUB]);
		expect(r.summary.input.assumed_year).toEqual({
			first: 2020,
			last: 2020,
			source: 'kernel release',
			exact: false
		});
		expect(r.summary.input.warnings.join(' ')).toMatch(
			/line 1 names the kernel 5\.3\.0-1027-raspi2/
		);
	});

	it('bound the time an RTC may set (lockdep’s identity line before the 2003 test RTC)', () => {
		// lkp-75.log line 3, then lkp-calltrace-dmesg-006.log line 345's test RTC
		const r = run([
			LOCKDEP[0],
			'[    6.373955][    T1] rtc-test rtc-test.0: setting system clock to 2003-03-25 16:16:33 UTC (1048608993)'
		]);
		expect(r.summary.metadata.calibration).toEqual([]);
		expect(r.summary.input.warnings.join(' ')).toMatch(
			/before its kernel 5\.10\.110-00159-g58823a9b097c existed/
		);
	});
});
