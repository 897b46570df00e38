/**
 * Findings of a QA reading of the real-log corpus (../shared/corpus/real) as a kernel developer
 * would judge them, with verbatim excerpts: ubuntu-20-04-fips-logs-dmesg-txt.log (the clocksource
 * watchdog's report read as two findings), askubuntu-dmesg-journalctl-lastdayorso.log (an audit
 * record's hex-encoded comm shown as hex).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('clocksource watchdog report', () => {
	// ubuntu-20-04-fips-logs-dmesg-txt.log lines 194-197 (acpi=off: no HPET or ACPI PM timer)
	const REPORT = [
		"[    9.579420] clocksource: timekeeping watchdog on CPU1: Marking clocksource 'tsc-early' as unstable because the skew is too large:",
		"[    9.579424] clocksource:                       'refined-jiffies' wd_now: fffedc19 wd_last: fffedb90 mask: ffffffff",
		"[    9.579426] clocksource:                       'tsc-early' cs_now: b788b38be cs_last: b22e8809f mask: ffffffffffffffff",
		'[    9.579428] tsc: Marking TSC unstable due to clocksource watchdog'
	];

	it('is one finding with all four lines and names the watchdog clock', async () => {
		const f = await findingsOf(REPORT);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['hardware.clocksource-unstable', 'Clock source tsc-early marked unstable', 'low']
		]);
		expect(f[0].details).toMatchObject({
			clocksource: 'tsc-early',
			watchdog: 'refined-jiffies',
			tsc_marked_unstable: true
		});
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 2, 3, 4]);
	});

	it('keeps a TSC line of its own when no watchdog report comes before it', async () => {
		// m11x-hwinfo-m11x-dmesg-log.log line 708
		const f = await findingsOf([
			'[   11.776846] tsc: Marking TSC unstable due to TSC halts in idle'
		]);
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['TSC marked unstable: TSC halts in idle', 'info']
		]);
		const alone = await findingsOf([REPORT[3]]);
		expect(alone.map((x) => x.title)).toEqual(['TSC marked unstable: clocksource watchdog']);
	});
});

describe('audit records with hex-encoded strings', () => {
	it('decodes a comm the kernel printed as hex (a thread name with a space)', async () => {
		// askubuntu-dmesg-journalctl-lastdayorso.log line 7042
		const f = await findingsOf([
			'Feb 09 16:46:26 hpPav kernel: audit: type=1400 audit(1644421586.083:74): apparmor="DENIED" operation="open" profile="snap.spotify.spotify" name="/sys/devices/virtual/dmi/id/sys_vendor" pid=1894077 comm=436F726520546872656164 requested_mask="r" denied_mask="r" fsuid=1000 ouid=0'
		]);
		expect(f.map((x) => x.title)).toEqual(['AppArmor denied open for snap.spotify.spotify']);
		expect(f[0].details).toMatchObject({
			comm: 'Core Thread',
			name: '/sys/devices/virtual/dmi/id/sys_vendor'
		});
	});

	it('leaves quoted values as they are', async () => {
		// askubuntu-dmesg-journalctl-lastdayorso.log line 1847
		const f = await findingsOf([
			'Feb 09 12:29:25 hpPav kernel: audit: type=1400 audit(1644406165.077:60): apparmor="DENIED" operation="capable" profile="/usr/sbin/cups-browsed" pid=1056 comm="cups-browsed" capability=23  capname="sys_nice"'
		]);
		expect(f[0].details).toMatchObject({ comm: 'cups-browsed', requested: 'sys_nice' });
	});
});
