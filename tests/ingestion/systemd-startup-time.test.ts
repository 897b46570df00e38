/**
 * The boot's start from systemd's `Startup finished in … (kernel) + … (userspace) = ….` in a
 * journal whose kernel lines carry no kernel time (`journalctl` short output): crash-logs
 * log12-11.txt (a ThinkPad, kernel 6.0.11), askubuntu-dmesg-journalctl-lastdayorso.log and
 * amdgpu-crash-crash1-txt.log in ../shared/corpus/real. Their RTC line (`setting system clock to
 * …`) has no kernel time either, and had left every boot without a start.
 */
import { describe, expect, it } from 'vitest';
import { startupMonotonic } from '../../src/lib/ingestion/clock.ts';
import { ingestText } from './helpers.ts';

// crash-logs log12-11.txt lines 1, 632, 1343 and 1372
const BANNER =
	'Dec 10 18:38:47 peter-x1c kernel: Linux version 6.0.11-arch1-1 (linux@archlinux) (gcc (GCC) 12.2.0, GNU ld (GNU Binutils) 2.39.0) #1 SMP PREEMPT_DYNAMIC Fri, 02 Dec 2022 17:25:31 +0000';
const RTC =
	'Dec 10 18:38:47 peter-x1c kernel: rtc_cmos 00:04: setting system clock to 2022-12-10T07:38:46 UTC (1670657926)';
const USER_MANAGER = 'Dec 10 18:38:53 peter-x1c systemd[883]: Startup finished in 166ms.';
const STARTUP =
	'Dec 10 18:38:56 peter-x1c systemd[1]: Startup finished in 21.504s (firmware) + 6.225s (loader) + 1.164s (kernel) + 9.675s (userspace) = 38.570s.';

/** the message of a syslog line (after `ident[pid]: `) */
const message = (line: string) => line.slice(line.indexOf(']: ') + 3);

describe('systemd startup time', () => {
	it('reads the monotonic time at which systemd printed it', () => {
		expect(startupMonotonic(message(STARTUP))).toBeCloseTo(1.164 + 9.675, 6);
		// askubuntu-dmesg-journalctl-lastdayorso.log line 2970: minutes
		expect(
			startupMonotonic(
				'Startup finished in 4.081s (kernel) + 1min 12.251s (userspace) = 1min 16.332s.'
			)
		).toBeCloseTo(76.332, 6);
		// amdgpu-crash-crash1-txt.log line 3584: an initrd
		expect(
			startupMonotonic(
				'Startup finished in 10.072s (firmware) + 9.713s (loader) + 4.275s (kernel) + 10.341s (initrd) + 6.605s (userspace) = 41.009s.'
			)
		).toBeCloseTo(21.221, 6);
		// a user's manager (no kernel part), parts that do not add up, another message
		expect(startupMonotonic(message(USER_MANAGER))).toBeNaN();
		expect(
			startupMonotonic('Startup finished in 1.164s (kernel) + 9.675s (userspace) = 20.839s.')
		).toBeNaN();
		expect(
			startupMonotonic('Startup finished in 1.1s (kernel) + soon (userspace) = 1.1s.')
		).toBeNaN();
	});

	it('gives the boot its start when no kernel line has a kernel time', () => {
		const run = ingestText([BANNER, RTC, USER_MANAGER, STARTUP].join('\n') + '\n');
		const m = run.summary.metadata;
		// the RTC line tells the zone (UTC+11): 10.839 s before 18:38:56 local, plus half the
		// prefix's second; the RTC set 07:38:46 UTC within the kernel's first 1.164 s
		const start = Date.UTC(2022, 11, 10, 7, 38, 56) - 10839 + 500;
		expect(m.calibration).toEqual([
			{
				boot: 0,
				offset_ms: start,
				uncertainty_ms: 500,
				anchors: 1,
				source: 'anchors from systemd; segment 0 from boot'
			}
		]);
		expect(m.boots[0].started_at).toBe(new Date(start).toISOString());
	});

	it('names a later suspend without a kernel time to give', () => {
		// crash-logs log12-11.txt line 2387: the laptop suspended 3.5 hours later
		const run = ingestText(
			[BANNER, RTC, STARTUP, 'Dec 10 22:10:59 peter-x1c kernel: PM: suspend entry (deep)'].join(
				'\n'
			) + '\n'
		);
		expect(run.summary.metadata.calibration.map((c) => c.source)).toEqual([
			'anchors from systemd; segment 0 from boot to a suspend'
		]);
	});

	it('is not taken from another machine, a later boot or a line after a suspend', () => {
		const other = ingestText(
			[BANNER, RTC, STARTUP.replace('peter-x1c', 'logserver')].join('\n') + '\n'
		);
		expect(other.summary.metadata.boots[0].started_at).toBeNull();
		// the next boot's line written before that boot's banner: it would start after this boot's
		// first line was received
		const later = ingestText(
			[BANNER, RTC, STARTUP.replace('Dec 10 18:38:56', 'Dec 10 20:00:00')].join('\n') + '\n'
		);
		expect(later.summary.metadata.boots[0].started_at).toBeNull();
		const resumed = ingestText(
			[
				BANNER,
				'Dec 10 18:38:50 peter-x1c kernel: PM: suspend entry (deep)',
				'Dec 10 18:38:55 peter-x1c kernel: PM: suspend exit',
				STARTUP
			].join('\n') + '\n'
		);
		expect(resumed.summary.metadata.calibration).toEqual([]);
	});

	it('does not replace the anchors of kernel lines with a kernel time', () => {
		// izassafar-one-syslog-1.log lines 1-2 and 700 (boot 0): kern.log lines keep deciding
		const run = ingestText(
			[
				'Feb  3 18:33:30 ubuntu kernel: [    0.000000] Booting Linux on physical CPU 0x0',
				'Feb  3 18:33:30 ubuntu kernel: [    3.320569] usb usb1: Manufacturer: Linux 5.3.0-1017-raspi2 dwc_otg_hcd',
				'Feb  3 18:34:02 ubuntu systemd[1]: Startup finished in 10.589s (kernel) + 53.120s (userspace) = 1min 3.709s.'
			].join('\n') + '\n'
		);
		const [cal] = run.summary.metadata.calibration;
		expect(cal.source).toBe('anchors from syslog; segment 0 from boot');
	});
});
