/**
 * Ingestion behaviour users rely on: every line counted once whatever the input, boots,
 * calibration (with suspend), the assumed year, pstore ordering, continuation lines and
 * printk contexts, metadata.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_YEAR } from '../../src/lib/ingestion/ingestor.ts';
import { expectedLines, ingestBytes, ingestText, type Run } from './helpers.ts';

function accounted(run: Run): number {
	const i = run.summary.input;
	return Object.values(i.formats).reduce((a, b) => a + b, 0) + i.lines_skipped + i.lines_unparsed;
}

describe('line accounting', () => {
	const cases: Record<string, string> = {
		empty: '',
		'only newlines': '\n\n\n',
		'no final newline': '[    1.000000] a\n[    2.000000] b',
		crlf: '[    1.000000] a\r\n[    2.000000] b\r\n',
		nul: '[    1.000000] a\u0000b\n\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\n',
		'non-kernel text': 'hello\nworld\n',
		'syslog without kernel lines': 'Nov 23 10:00:00 h sshd[1]: x\nNov 23 10:00:01 h cron[2]: y\n',
		'a lone JSON brace': '{\n}\n',
		'an unterminated export entry': '__CURSOR=s=1;b=3f2a\nMESSAGE=x\n_TRANSPORT=kernel',
		'an open dmesg json': '{\n   "dmesg": [\n      {\n         "pri": 6,',
		'pstore header at the end': '[    1.000000] a\nPanic#1 Part1'
	};
	for (const [name, text] of Object.entries(cases)) {
		it(`counts every line once: ${name}`, () => {
			const run = ingestText(text);
			expect(run.summary.input.lines_total).toBe(expectedLines(text));
			expect(accounted(run)).toBe(run.summary.input.lines_total);
		});
	}

	it('binary input and invalid UTF-8 never throw and are counted', async () => {
		const bytes = new Uint8Array(4096);
		for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 255;
		const run = await ingestBytes(bytes, 100);
		expect(accounted(run)).toBe(run.summary.input.lines_total);
		expect(run.summary.input.lines_unparsed).toBeGreaterThan(0);
		const bad = new Uint8Array([0x5b, 0x20, 0x31, 0x2e, 0x30, 0x5d, 0x20, 0xff, 0xfe, 0x0a]);
		const r2 = await ingestBytes(bad, 3);
		expect(r2.records[0].text).toBe('\ufffd\ufffd');
	});

	it('a 5 MB single line is counted and cut for analysis', () => {
		const text = '[    1.000000] ' + 'x'.repeat(5 * 1024 * 1024);
		const run = ingestText(text);
		expect(run.summary.input.lines_total).toBe(1);
		expect(run.summary.input.warnings.join(' ')).toMatch(/longer than/);
		expect(run.records[0].text.length).toBeLessThan(70 * 1024);
	});

	it('holds for any text (property)', () => {
		const piece = fc.constantFrom(
			'[    1.000000] a',
			'<6>[    2.000000] b',
			'Nov 23 10:00:00 h kernel: c',
			'Nov 23 10:00:00 h app: d',
			'-- Boot 3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d --',
			'{',
			'}',
			'   "dmesg": [',
			'         "msg": "m"',
			'__CURSOR=s=1;b=3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d',
			'MESSAGE=x',
			'Sat 2024-11-23 23:15:01.123456 CET [s=1;b=2]',
			'    MESSAGE=y',
			'Panic#1 Part2',
			'Panic#1 Part1',
			'6,1,100,-;k',
			' SUBSYSTEM=pci',
			'------ KERNEL LOG (dmesg) ------',
			'------ SYSTEM LOG ------',
			'',
			'  indented'
		);
		fc.assert(
			fc.property(
				fc.array(fc.oneof(piece, fc.string({ maxLength: 30 })), { maxLength: 40 }),
				fc.boolean(),
				(parts, nl) => {
					const text = parts.join('\n') + (nl ? '\n' : '');
					const run = ingestText(text);
					expect(run.summary.input.lines_total).toBe(expectedLines(text));
					expect(accounted(run)).toBe(run.summary.input.lines_total);
					for (const r of run.records) expect(r.line).toBeLessThanOrEqual(expectedLines(text));
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('boots', () => {
	it('splits concatenated dmesg on the timestamp reset and names each boot’s kernel', () => {
		const run = ingestText(
			'[    0.000000] Linux version 6.1.0 (a@b) #1\n[  100.000000] x\n[    0.000000] Linux version 6.2.0 (a@b) #1\n[    1.000000] y\n'
		);
		const boots = run.summary.metadata.boots;
		expect(boots.map((b) => [b.first_line, b.kernel_version])).toEqual([
			[1, '6.1.0'],
			[3, '6.2.0']
		]);
		expect(run.records.map((r) => r.boot)).toEqual([0, 0, 1, 1]);
	});

	it('does not split on `Linux version` after early lines of the same boot', () => {
		const run = ingestText(
			'[    0.000000] Booting Linux on physical CPU 0x0\n[    0.000000] Linux version 4.4.15 (a@b) #1\n[    1.000000] x\n'
		);
		expect(run.summary.metadata.boots.length).toBe(1);
	});

	it('splits a journal on its boot markers, naming each boot', () => {
		const id = '3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d';
		const run = ingestText(
			`Nov 23 10:00:00 h kernel: a\n-- Boot ${id} --\nNov 23 11:00:00 h kernel: b\nNov 23 11:00:01 h kernel: c\n`
		);
		expect(
			run.summary.metadata.boots.map((b) => [b.first_line, b.reason, b.id, b.last_line])
		).toEqual([
			[1, 'start', null, 1],
			[2, 'marker', id, 4]
		]);
	});

	it('skips a boot marker with the null id without starting a boot, counting the line', () => {
		// amdgpu-crash-crash1-txt.log (a journal export posted to an issue) ends with this marker
		const text = [
			'Jan 06 14:37:54 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: ring gfx_0.0.0 timeout',
			'Jan 06 14:37:55 archdesktop bluetoothd[1179]: Endpoint registered: sender=:1.109 path=/MediaEndpoint/A2DPSink/aac',
			'-- Boot 00000000000000000000000000000000 --',
			'Jan 06 14:37:56 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: GPU reset begin!'
		].join('\n');
		const run = ingestText(text, { year: 2024 });
		const i = run.summary.input;
		expect(i.lines_total).toBe(4);
		expect(accounted(run)).toBe(4);
		expect(i.skipped_reasons['boot marker with the null id']).toBe(1);
		expect(i.skipped_reasons['boot marker']).toBeUndefined();
		expect(
			run.summary.metadata.boots.map((b) => [b.first_line, b.last_line, b.reason, b.id])
		).toEqual([[1, 4, 'start', null]]);
		expect(run.records.map((r) => r.boot)).toEqual([0, 0]);
		// a real id still starts a boot
		const real = ingestText(text.replace(/0{32}/, '3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d'), {
			year: 2024
		});
		expect(real.summary.metadata.boots.map((b) => b.reason)).toEqual(['start', 'marker']);
	});

	it('starts boot 0 at its marker or first record, not at header lines (askubuntu journalctl)', () => {
		// the journal began with the previous boot's last words, from other programs only
		const marker = ingestText(
			[
				'Feb 08 21:00:34 hpPav systemd-shutdown[1]: Syncing filesystems and block devices.',
				'Feb 08 21:00:34 hpPav systemd-journald[365]: Journal stopped',
				'-- Reboot --',
				'Feb 09 12:28:50 hpPav kernel: microcode: microcode updated early to revision 0xea, date = 2021-01-05',
				'Feb 09 12:28:50 hpPav kernel: Linux version 5.13.0-28-generic (buildd@lgw01-amd64-035) #31~20.04.1-Ubuntu SMP'
			].join('\n'),
			{ year: 2022 }
		);
		expect(marker.summary.metadata.boots.map((b) => [b.first_line, b.last_line, b.reason])).toEqual(
			[[3, 5, 'marker']]
		);
		const header = ingestText(
			'-- Journal begins at Sat 2024-11-23 10:00:00 CET, ends at Sat 2024-11-23 11:00:00 CET. --\nNov 23 10:00:00 h sshd[1]: x\nNov 23 10:00:01 h kernel: a\n',
			{ year: 2024 }
		);
		expect(header.summary.metadata.boots.map((b) => [b.first_line, b.last_line])).toEqual([[3, 3]]);
	});

	it('names the kernel the machine ran last, each boot keeping its own', () => {
		const run = ingestText(
			'[    0.000000] Linux version 6.1.0 (a@b) (gcc 12) #1 SMP\n[  100.000000] x\n[    0.000000] Linux version 6.2.0 (c@d) (gcc 13) #2 SMP\n[    1.000000] y\n'
		);
		const m = run.summary.metadata;
		// kernel_version stays the first kernel the log names (a public contract since 1.0.0)
		expect([m.kernel_version, m.kernel_build]).toEqual(['6.1.0', '(a@b) (gcc 12) #1 SMP']);
		expect(m.latest_kernel_version).toBe('6.2.0');
		expect(m.boots.map((b) => b.kernel_version)).toEqual(['6.1.0', '6.2.0']);
	});

	it('splits kern.log without kernel times on a second banner, and journals on boot ids', () => {
		const kern = ingestText(
			'Nov 23 10:00:00 h kernel: Linux version 6.1.0 (a@b)\nNov 23 10:00:01 h kernel: x\nNov 23 11:00:00 h kernel: Linux version 6.1.0 (a@b)\n',
			{ year: 2024 }
		);
		expect(kern.summary.metadata.boots.length).toBe(2);
		const id1 = '3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d';
		const id2 = '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b';
		const j = (id: string, m: string) =>
			JSON.stringify({ _BOOT_ID: id, _TRANSPORT: 'kernel', MESSAGE: m });
		const run = ingestText([j(id1, 'a'), j(id1, 'b'), j(id2, 'c')].join('\n'));
		expect(run.summary.metadata.boots.map((b) => b.id)).toEqual([id1, id2]);
		expect(run.records.map((r) => r.boot)).toEqual([0, 0, 1]);
	});
});

describe('wall-clock calibration', () => {
	it('pairs syslog prefixes with kernel times, and starts a segment after a resume', () => {
		const lines = [
			'Nov 23 10:00:10 h kernel: [   10.000000] a',
			'Nov 23 10:00:20 h kernel: [   20.000000] b',
			'Nov 23 10:00:30 h kernel: [   30.000000] PM: suspend entry (deep)',
			'Nov 23 12:00:31 h kernel: [   31.000000] PM: suspend exit',
			'Nov 23 12:00:40 h kernel: [   40.000000] c'
		];
		const cal = ingestText(lines.join('\n'), { year: 2024 }).summary.metadata.calibration;
		expect(cal.length).toBe(2);
		const boot0 = Date.UTC(2024, 10, 23, 10, 0, 0);
		expect(Math.abs(cal[0].offset_ms - boot0)).toBeLessThanOrEqual(cal[0].uncertainty_ms);
		expect(cal[0].uncertainty_ms).toBeLessThanOrEqual(1000);
		expect(Math.abs(cal[1].offset_ms - (boot0 + 2 * 3600_000))).toBeLessThanOrEqual(
			cal[1].uncertainty_ms
		);
	});

	it('uses rtc lines, and invents nothing without anchors', () => {
		const rtc = ingestText(
			'[    2.000000] rtc_cmos 00:02: setting system clock to 2014-07-03 13:10:12 UTC (1404393012)\n'
		);
		expect(rtc.summary.metadata.calibration[0].offset_ms).toBe(1404393012000 - 2000 + 500);
		expect(rtc.summary.metadata.boots[0].started_at).toMatch(/^2014-07-03T13:10:10/);
		const none = ingestText('[    2.000000] a\n[    3.000000] b\n');
		expect(none.summary.metadata.calibration).toEqual([]);
		expect(none.summary.metadata.boots[0].started_at).toBeNull();
		expect(none.records.every((r) => Number.isNaN(r.wall))).toBe(true);
	});

	it('reads the RTC line of any RTC driver, not only one whose name starts with rtc', () => {
		// logs-a5y17lte dmesg.log lines 4 and 1884 (Samsung Exynos PMIC RTC, kernel built a week before)
		const run = ingestText(
			'[    0.000000] Linux version 3.18.14-g406953af719-dirty (dzmitry@acer) (gcc version 4.9 20150123 (prerelease) (GCC) ) #1 SMP PREEMPT Sat Jul 14 20:37:01 UTC 2018\n' +
				'[    2.193160] s2m-rtc s2m-rtc: setting system clock to 2018-07-21 16:32:09 UTC (1532190729)\n'
		);
		expect(run.summary.metadata.calibration[0].offset_ms).toBe(1532190729000 - 2193 + 500);
		expect(run.summary.metadata.boots[0].started_at).toBe('2018-07-21T16:32:07.307Z');
		expect(run.summary.input.warnings).toEqual([]);
	});

	it('does not take the wall clock from an RTC that reads a time before its kernel was built', () => {
		// log-files dmesg.log lines 2 and 552 (Tegra 3 tablet: the RTC said 2011, the kernel is from 2013)
		const tegra = ingestText(
			'<5>[    0.000000] Linux version 3.1.10 (root@ubuntu-server) (gcc version 4.6.x-google 20120106 (prerelease) (GCC) ) #1 SMP PREEMPT Sun Apr 7 15:09:18 CST 2013\n' +
				'<6>[    5.841458] rtc_tps80031 rtc_tps80031.0: setting system clock to 2011-01-03 23:55:57 UTC (1294098957)\n'
		);
		expect(tegra.summary.metadata.calibration).toEqual([]);
		expect(tegra.summary.metadata.boots[0].started_at).toBeNull();
		expect(tegra.summary.input.warnings.join(' ')).toMatch(
			/real-time clock read 2011-01-03 23:55:57 UTC at line 2, before its kernel was built \(2013\)/
		);
		// debian-clearfog-gt-8k dmesg lines 14 and 248: Debian dates its build `(2020-09-26)`
		const clearfog = ingestText(
			'[    0.000000] Linux version 5.8.0-0.bpo.2-arm64 (debian-kernel@lists.debian.org) (gcc-8 (Debian 8.3.0-6) 8.3.0, GNU ld (GNU Binutils for Debian) 2.31.1) #1 SMP Debian 5.8.10-1~bpo10+1 (2020-09-26)\n' +
				'[    2.462309] armada38x-rtc f4284000.rtc: setting system clock to 1980-12-27T20:29:45 UTC (346796985)\n'
		);
		expect(clearfog.summary.metadata.calibration).toEqual([]);
		// jetsontx2-samsung dmesg lines 5 and 723: a numeric zone before the year
		const jetson = ingestText(
			'[    0.000000] Linux version 4.4.38 (root@tegra-ubuntu) (gcc version 5.4.0 20160609 (Ubuntu/Linaro 5.4.0-6ubuntu1~16.04.5) ) #1 SMP PREEMPT Thu Nov 23 14:03:01 +05 2017\n' +
				'[    6.281975] tegra_rtc c2a0000.rtc: setting system clock to 2016-02-12 01:59:24 UTC (1455242364)\n'
		);
		expect(jetson.summary.metadata.calibration).toEqual([]);
	});

	it('warns that dmesg -T times before the last resume are late', () => {
		// synthesised (no real dmesg -T log in the corpus spans a suspend): dmesg(1) computes -T times
		// from the boot time, and the kernel clock does not count the time suspended
		const run = ingestText(
			'[Mon Nov 23 10:00:00 2026] PM: suspend entry (deep)\n' +
				'[Mon Nov 23 10:00:01 2026] PM: suspend exit\n' +
				'[Mon Nov 23 10:00:05 2026] e1000e: eth0 NIC Link is Up\n'
		);
		expect(run.summary.input.warnings.join(' ')).toMatch(
			/resumed last at line 2.*every time printed before that resume is later than it really was/
		);
		// a plain dmesg's kernel times are not wall times: nothing to warn about
		const plain = ingestText(
			'[  100.000000] PM: suspend entry (deep)\n[  101.000000] PM: suspend exit\n'
		);
		expect(plain.summary.input.warnings).toEqual([]);
	});

	it('takes the wall clock from kernel audit records when nothing else gives it', () => {
		// lkp bad-rss-counter log lines 2-4: a dmesg whose only clock is the audit records' epoch times
		const run = ingestText(
			'[   77.942409] audit: type=1326 audit(1621988597.409:32): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1752 comm="trinity-c3" exe="/bin/trinity" sig=9\n' +
				'[   78.934719] audit: type=1326 audit(1621988598.402:33): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1734 comm="trinity-c0" exe="/bin/trinity" sig=9\n' +
				'[   79.022900] audit: type=1326 audit(1621988598.490:34): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1766 comm="trinity-c0" exe="/bin/trinity" sig=9\n'
		);
		const [cal] = run.summary.metadata.calibration;
		// offsets (ms) 1621988519466.591, 1621988519467.281, 1621988519467.100: the middle one,
		// plus half the coarse clock's tick
		expect(cal.offset_ms).toBe(Math.round(1621988598490 - 79022.9 + 5));
		expect(cal.uncertainty_ms).toBe(6);
		expect(cal.anchors).toBe(3);
		expect(cal.source).toMatch(/^anchors from audit;/);
		expect(run.summary.metadata.boots[0].started_at).toBe('2021-05-26T00:21:59.472Z');
	});

	it('does not take the wall clock from the audit start-up record nor from a clock never set', () => {
		// orion-o6 dmesg line 230 (the clock not set yet) and ubuntu-20-04-fips dmesg line 187: printed
		// at 9.4 s, 50 s before the time the RTC sets at 37.8 s (line 1067)
		const run = ingestText(
			'[    0.207392] audit: type=2000 audit(0.204:1): state=initialized audit_enabled=0 res=1\n' +
				'[    9.439548] audit: type=2000 audit(1659619988.952:1): state=initialized audit_enabled=0 res=1\n' +
				'[    9.500000] audit: type=1400 audit(12.345:2): apparmor="STATUS" operation="profile_load" profile="unconfined" name="x"\n'
		);
		expect(run.summary.metadata.calibration).toEqual([]);
		expect(run.summary.metadata.boots[0].started_at).toBeNull();
	});

	it('prefers an RTC line to audit records in the same stretch of a boot', () => {
		// ubuntu-20-04-fips dmesg lines 1067 and 1531
		const run = ingestText(
			'[   37.789099] rtc_cmos rtc_cmos: setting system clock to 2022-08-04T13:34:27 UTC (1659620067)\n' +
				'[   88.291803] audit: type=1400 audit(1659620117.999:2): apparmor="STATUS" operation="profile_load" profile="unconfined" name="nvidia_modprobe" pid=1\n'
		);
		const [cal] = run.summary.metadata.calibration;
		expect(cal.source).toMatch(/^anchors from rtc;/);
		expect(cal.offset_ms).toBe(1659620067000 - 37789 + 500);
	});

	it('is not thrown off by one audit record whose kernel time is damaged', () => {
		// cykeek console-ramoops lines 1140, 1141, 1163 and 1168 (bit-flipped RAM: 41.293001 reads
		// 01.293001, one record out of order, not a new boot), Android's logd.auditd relaying audit
		// records (its caller prefix left out)
		const run = ingestText(
			'[   38.592240] type=1400 audit(1688459127.119:647): avc: denied { ioctl } for comm="busybox" path="/dev/block/loop1" dev="tmpfs" ino=13517\n' +
				'[   38.772255] type=1400 audit(1688459127.299:648): avc: denied { ioctl } for comm="busybox" path="/dev/block/loop0" dev="tmpfs" ino=22204\n' +
				'[   41.292259] type=1400 audit(1688459129.819:662): avc: denied { write } for comm="recovery" name="/" dev="mmcblk0p5" ino=2\n' +
				'[   01.293001] type=1400 audit(1688459129.819:667): avc: denied { getattr } for comm="recovery" path="/persist/.foxs" dev="mmcblk0p5" ino=537\n'
		);
		const [cal] = run.summary.metadata.calibration;
		// kept largest first: 1688459128525.999 (damaged), 1688459088527, 1688459088526.745,
		// 1688459088526.741: the median of four is the second
		expect(run.summary.metadata.boots).toHaveLength(1);
		expect(cal.offset_ms).toBe(1688459088532);
		expect(cal.uncertainty_ms).toBeGreaterThan(39_000);
	});
});

describe('dates without a year', () => {
	const line = 'Nov 23 10:00:00 h kernel: x';
	it('uses a fixed default, not today, and says so', () => {
		const run = ingestText(line + '\n');
		expect(new Date(run.records[0].wall).getUTCFullYear()).toBe(DEFAULT_YEAR);
		expect(run.summary.input.warnings.join(' ')).toMatch(/no year/);
		expect(run.summary.input.assumed_year).toEqual({
			first: DEFAULT_YEAR,
			last: DEFAULT_YEAR,
			source: 'placeholder',
			exact: false
		});
	});
	it('takes the year from a dated line of the log, even a later one', () => {
		const run = ingestText(
			`${line}\n[    2.000000] rtc0: setting system clock to 2019-11-23T10:00:02 UTC (1574503202)\n`
		);
		expect(new Date(run.records[0].wall).getUTCFullYear()).toBe(2019);
		expect(run.summary.input.assumed_year).toMatchObject({ source: 'log date', exact: true });
	});
	it('falls back to the kernel build year, and rolls over at New Year', () => {
		const run = ingestText(
			'Dec 31 23:59:59 h kernel: Linux version 5.4.0 (a@b) #1 SMP Fri Sep 4 13:20:40 UTC 2020\nJan  1 00:00:01 h kernel: x\n'
		);
		expect(run.records.map((r) => new Date(r.wall).getUTCFullYear())).toEqual([2020, 2021]);
		expect(run.summary.input.assumed_year).toEqual({
			first: 2020,
			last: 2021,
			source: 'build date',
			exact: false
		});
	});
	it('takes the year option as it is, and counts its New Years too', () => {
		const run = ingestText('Dec 31 23:59:59 h kernel: x\nJan  1 00:00:01 h kernel: y\n', {
			year: 2016
		});
		expect(run.records.map((r) => new Date(r.wall).getUTCFullYear())).toEqual([2016, 2017]);
		expect(run.summary.input.assumed_year).toEqual({
			first: 2016,
			last: 2017,
			source: 'option',
			exact: true
		});
		expect(run.summary.input.warnings.join(' ')).not.toMatch(/year/);
	});
	it('assumes no year for a log whose dates all carry one', () => {
		const run = ingestText(
			'[    2.000000] rtc0: setting system clock to 2019-11-23T10:00:02 UTC (1574503202)\n'
		);
		expect(run.summary.input.assumed_year).toBeNull();
	});
	it('reads the build year of banners that end in a date or follow a numeric zone', () => {
		// the banners of debian-clearfog-gt-8k (line 14) and jetsontx2-samsung (line 5), in a kern.log
		const debian = ingestText(
			'Nov 23 10:00:00 h kernel: [    0.000000] Linux version 5.8.0-0.bpo.2-arm64 (debian-kernel@lists.debian.org) (gcc-8 (Debian 8.3.0-6) 8.3.0, GNU ld (GNU Binutils for Debian) 2.31.1) #1 SMP Debian 5.8.10-1~bpo10+1 (2020-09-26)\n'
		);
		expect(new Date(debian.records[0].wall).getUTCFullYear()).toBe(2020);
		expect(debian.summary.input.warnings.join(' ')).toMatch(
			/read as 2020 \(year the kernel was built/
		);
		const jetson = ingestText(
			'Nov 23 10:00:00 h kernel: [    0.000000] Linux version 4.4.38 (root@tegra-ubuntu) (gcc version 5.4.0 20160609 (Ubuntu/Linaro 5.4.0-6ubuntu1~16.04.5) ) #1 SMP PREEMPT Thu Nov 23 14:03:01 +05 2017\n'
		);
		expect(new Date(jetson.records[0].wall).getUTCFullYear()).toBe(2017);
	});
});

describe('records', () => {
	it('puts pstore parts back in order (newest part comes first)', () => {
		const run = ingestText(
			'Panic#1 Part1\n<4>[   20.000000] Kernel panic - not syncing: x\nPanic#1 Part2\n<6>[   10.000000] early\n'
		);
		expect(run.records.map((r) => r.ts)).toEqual([10, 20]);
		expect(run.summary.metadata.boots.length).toBe(1);
	});

	it('takes a serial capture’s bootloader lines as the start of the boot they hand over to', () => {
		// real shapes: U-Boot with its own [s.ms] times (then a bare `Starting kernel ...`), LK
		for (const handoff of [
			[
				'[   9.616]    Loading Device Tree to 000000007c980000 ... OK',
				'',
				'Starting kernel ...',
				''
			],
			[
				'[3640] Continuous splash enabled, keeping panel alive.',
				'[3640] booting linux @ 0x8000, ramdisk @ 0x2000000'
			]
		]) {
			const bootloader = Array.from(
				{ length: 40 },
				(_, k) => `[   ${(k / 10).toFixed(3)}] DRAM: step ${k}`
			);
			const run = ingestText(
				[
					...bootloader,
					...handoff,
					'[    0.000000] Linux version 6.6.63 (b@h) #1 SMP',
					'[    0.100000] Machine model: some board'
				].join('\n') + '\n'
			);
			expect(run.summary.metadata.boots.map((b) => [b.first_line, b.reason])).toEqual([
				[1, 'start']
			]);
		}
		// without a hand-over line, a banner after many lines still starts a boot of its own
		const two = ingestText(
			[
				...Array.from({ length: 40 }, (_, k) => `[   ${(k + 1).toFixed(6)}] eth0: link up ${k}`),
				'[    0.000000] Linux version 6.6.63 (b@h) #1 SMP'
			].join('\n') + '\n'
		);
		expect(two.summary.metadata.boots.length).toBe(2);
	});

	it('counts the lines a later pstore record repeats, but analyses them once (oops then panic dump)', () => {
		// real shape (efi-pstore of an igc hang): the panic's dump holds the oops's lines again
		const run = ingestText(
			[
				'Oops#1 Part1',
				'<6>[  913.489892] igc 0000:02:00.0 enp2s0: NIC Link is Down',
				'<4>[ 1330.841660] ------------[ cut here ]------------',
				'Panic#2 Part1',
				'<6>[  913.489892] igc 0000:02:00.0 enp2s0: NIC Link is Down',
				'<4>[ 1330.841660] ------------[ cut here ]------------',
				'<0>[ 1331.453599] Kernel panic - not syncing: Fatal exception'
			].join('\n') + '\n'
		);
		expect(run.records.map((r) => [r.line, r.text])).toEqual([
			[2, 'igc 0000:02:00.0 enp2s0: NIC Link is Down'],
			[3, '------------[ cut here ]------------'],
			[7, 'Kernel panic - not syncing: Fatal exception']
		]);
		const i = run.summary.input;
		expect(i.skipped_reasons['repeated from an earlier pstore record']).toBe(2);
		expect(accounted(run)).toBe(7);
	});

	it('leaves a message that is one raw record whole (a syslog line relaying `<6>[ts] msg`)', () => {
		const run = ingestText('Jan 16 07:12:55 host kernel: <6>[    1.000000] usb 1-1: new device\n');
		expect(run.records.map((r) => [r.line, r.format, r.text])).toEqual([
			[1, 'syslog', '<6>[    1.000000] usb 1-1: new device']
		]);
	});

	it('joins continuation lines to their record, with its time, caller and boot', () => {
		const run = ingestText(
			'[    5.000000][  T42] Modules linked in: a b\n                      c_d e(O)\n7,2,6000000,-;pci x\n SUBSYSTEM=pci\n'
		);
		const [, cont, , dict] = run.records;
		expect(cont.kind).toBe('continuation');
		expect(cont.ts).toBe(5);
		expect(cont.caller).toBe('T42');
		expect(dict.kind).toBe('continuation');
		expect(dict.ts).toBe(6);
		expect(run.summary.metadata.modules).toEqual(['a', 'b', 'c_d', 'e']);
	});

	it('keeps interleaved printk contexts apart by caller id', () => {
		const run = ingestText(
			[
				'[   10.000000][ T100] BUG: KASAN: use-after-free in foo+0x1/0x2',
				'[   10.000001][ T200] usb 1-1: new device',
				'[   10.000002][ T100] Call Trace:',
				'[   10.000003][ T100]  foo+0x1/0x2',
				'[   10.000004][ T100] ---[ end trace 0000000000000000 ]---'
			].join('\n')
		);
		expect(run.blocks.length).toBe(1);
		expect(run.records.map((r) => r.caller)).toEqual(['T100', 'T200', 'T100', 'T100', 'T100']);
	});

	it('reads Android bug reports only in their kernel sections', () => {
		const run = ingestText(
			'------ SYSTEM LOG (logcat) ------\nBUG: not kernel\n------ KERNEL LOG (dmesg) ------\n[    1.000000] real\n'
		);
		expect(run.records.map((r) => r.text)).toEqual(['real']);
	});
});

describe('metadata', () => {
	it('collects version, build, command line, hardware, BIOS, CPU, memory, taint', () => {
		const m = ingestText(
			[
				'[    0.000000] Linux version 6.6.4-arch1-1 (linux@archlinux) (gcc (GCC) 13.2.1) #1 SMP PREEMPT_DYNAMIC Mon, 04 Dec 2023 00:29:19 +0000',
				'[    0.000000] Command line: initrd=\\ucode.img rw root=/dev/sda2',
				'[    0.000000] DMI: LENOVO 21N2ZC5PUS/21N2ZC5PUS, BIOS N42ET57W (1.31 ) 08/08/2024',
				'[    0.000000] Memory: 16303840K/16727620K available (18432K kernel code)',
				'[    0.100000] smpboot: CPU0: AMD Ryzen 7 7840U w/ Radeon 780M Graphics (family: 0x19, model: 0x74, stepping: 0x1)',
				'[    9.000000] CPU: 3 PID: 1 Comm: init Tainted: G        W  O      6.6.4-arch1-1 #1'
			].join('\n')
		).summary.metadata;
		expect(m.kernel_version).toBe('6.6.4-arch1-1');
		expect(m.kernel_build).toMatch(/^\(linux@archlinux\)/);
		expect(m.command_line).toBe('initrd=\\ucode.img rw root=/dev/sda2');
		expect(m.hardware).toBe('LENOVO 21N2ZC5PUS/21N2ZC5PUS');
		expect(m.bios).toBe('N42ET57W (1.31 ) 08/08/2024');
		expect(m.memory).toBe('16.0 GiB');
		expect(m.cpu).toBe('AMD Ryzen 7 7840U w/ Radeon 780M Graphics');
		expect(m.arch).toBe('x86_64');
		expect(m.taint?.flags.map((f) => f.letter)).toEqual(['W', 'O']);
	});

	it('x86-64 kernels before 3.12: the RAM is max_pfn less the pages in holes (absent)', () => {
		// jetway-port dmesg.log (3.10 grml, 4 GiB of RAM with a memory hole below 4 GiB)
		const m = ingestText(
			'[    0.000000] Memory: 3637272k/5226496k available (3801k kernel code, 1445688k absent, 143536k reserved, 2973k data, 932k init)'
		).summary.metadata;
		expect(m.memory).toBe('3.6 GiB');
	});

	it('arm64: names an ARM core from the boot line MIDR when no CPU line says more', () => {
		// debian-clearfog-gt-8k dmesg (Armada 8040, kernel 5.8)
		const m = ingestText(
			'[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd081]\n[    0.000000] Linux version 5.8.0-0.bpo.2-arm64 (debian-kernel@lists.debian.org) #1 SMP Debian 5.8.10-1~bpo10+1\n'
		).summary.metadata;
		expect(m.cpu).toBe('ARM Cortex-A72 (MIDR 0x410fd081)');
		expect(m.arch).toBe('arm64');
		// a Qualcomm core (implementer 0x51) is not named; a later CPU line wins over the MIDR
		const q = ingestText('[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x51df805e]\n')
			.summary.metadata;
		expect(q.cpu).toBeNull();
		const both = ingestText(
			'[    0.000000] Booting Linux on physical CPU 0x0000000100 [0x411fd073]\n[    0.000000] Boot CPU: AArch64 Processor [411fd073]\n'
		).summary.metadata;
		expect(both.cpu).toBe('AArch64 Processor [411fd073] (ARM Cortex-A57)');
	});
});

describe('multi-line entries', () => {
	it('an unterminated journal export entry does not swallow the log after it', () => {
		const run = ingestText(
			'__CURSOR=s=1;b=3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d\n_TRANSPORT=kernel\nMESSAGE=first\n[    1.000000] second\n'
		);
		expect(run.records.map((r) => [r.line, r.format, r.text])).toEqual([
			[3, 'journal-export', 'first'],
			[4, 'dmesg', 'second']
		]);
		expect(run.summary.input.formats).toEqual({ dmesg: 1, 'journal-export': 3 });
	});
});

describe('a log that stops right after the kernel started', () => {
	/** orangepi-rv2-notes-bootlog-txt.log lines 122-136: U-Boot's hand-over and the first kernel lines */
	const SERIAL = [
		'[   9.492] ## Flattened Device Tree blob at 31000000',
		'[   9.494]    Booting using the fdt blob at 0x31000000',
		'[   9.599]    Loading Ramdisk to 7ca04000, end 7dd8e066 ... OK',
		'[   9.616]    Loading Device Tree to 000000007c980000, end 000000007ca03fff ... OK',
		'',
		'Starting kernel ...',
		'',
		'[    0.000000] Linux version 6.6.63-ky (root@test) (riscv64-unknown-linux-gnu-gcc (g09b62c20e09) 13.2.1 20240423, GNU ld (GNU Binutils) 2.42) #1.0.0 SMP PREEMPT Wed Mar 12 09:04:00 CST 2025',
		'[    0.000000] Machine model: ky x1 orangepi-rv2 board',
		'[    0.000000] SBI specification v1.0 detected',
		'[    0.000000] SBI implementation ID=0x1 Version=0x10003',
		'[    0.000000] SBI IPI extension detected',
		'[    0.000000] SBI RFENCE extension detected',
		"[    0.000000] earlycon: sbi0 at I/O port 0x0 (options '')",
		'[    0.000000] printk: bootconsole [sbi0] enabled'
	];

	it('warns that the capture ended or the kernel went quiet, with the early console hint', () => {
		const w = ingestText(SERIAL.join('\n')).summary.input.warnings;
		expect(w.filter((x) => x.startsWith("The kernel's messages stop"))).toEqual([
			"The kernel's messages stop 0.000000 s after it started, 8 lines from its banner at line 8: the capture ended there, or the kernel hung or lost its console this early. The last line enables the early boot console: a kernel that goes quiet there has often moved its output to the console that `console=` names (another port, or a display), or hung before that console started; boot with `keep_bootcon` and check `console=` to tell which."
		]);
	});

	it('says nothing of a boot that goes on', () => {
		const more = Array.from(
			{ length: 50 },
			(_, k) => `[    ${(0.01 * (k + 1)).toFixed(6)}] line ${k}`
		);
		const w = ingestText([...SERIAL, ...more].join('\n')).summary.input.warnings;
		expect(w.some((x) => x.startsWith("The kernel's messages stop"))).toBe(false);
	});
});
