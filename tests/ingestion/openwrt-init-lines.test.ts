/**
 * OpenWrt's procd and BusyBox init print to the console without a kernel prefix (consoleFormat,
 * OPENWRT_INIT in src/lib/ingestion/formats/capture.ts). Before the first prefixed kernel line
 * they had been bare kernel lines, the start of a boot of their own; after it, unparsed text
 * without a prefix. They are user space and skipped with their own reason. The lines are real:
 * lkp-tests' `dmesg-010` and `dmesg-006` calltrace fixtures (lkp-calltrace-dmesg-010.log,
 * lkp-calltrace-dmesg-006.log in the real corpus), a trinity run on an OpenWrt image.
 */
import { describe, expect, it } from 'vitest';
import { SKIP_BUSYBOX_INIT } from '../../src/lib/ingestion/formats/capture.ts';
import { boots, ingestText } from './helpers.ts';

/** lkp-calltrace-dmesg-010.log lines 1-5 */
const START = [
	'procd: Instance uhttpd::instance1 s in a crash loop 6 crashes, 0 seconds since last crash',
	'procd: Instance dnsmasq::instance1 s in a crash loop 6 crashes, 0 seconds since last crash',
	'[    8.458154] 01-cpu-hotplug invoked oom-killer: gfp_mask=0x27080c0(GFP_KERNEL_ACCOUNT|__GFP_ZERO|__GFP_NOTRACK), order=0, oom_score_adj=0',
	'[    8.460408] CPU: 0 PID: 1067 Comm: 01-cpu-hotplug Not tainted 4.8.0-rc1 #28',
	'[    8.461318] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014'
];

/** lkp-calltrace-dmesg-006.log lines 349-368 */
const MIDDLE = [
	'[    6.380341] Write protecting the kernel read-only data: 2476k',
	'procd: Console is alive',
	'procd: - watchdog -',
	'procd: - preinit -',
	'[    6.396214] kmodloader (110) used greatest stack depth: 6276 bytes left',
	'[    6.406277] random: mktemp urandom read with 3 bits of entropy available',
	'Press the [f] key and hit [enter] to enter failsafe mode',
	'Press the [1], [2], [3] or [4] key and hit [enter] to select the debug level',
	'[    7.417797] sleep (121) used greatest stack depth: 6036 bytes left',
	'mounting /dev/root',
	'mount: mounting 1 on /mnt failed: No such device',
	"mv: can't rename '/mnt/sysupgrade.tgz': No such file or directory",
	"umount: can't umount /mnt: Invalid argument",
	'procd: - early -',
	'procd: - watchdog -',
	'[    9.494664] hotplug-call (142) used greatest stack depth: 6020 bytes left',
	'procd: - ubus -',
	'procd: - init -',
	'Please press Enter to activate this console.',
	"[   21.922329] sock: process `trinity-main' is using obsolete setsockopt SO_BSDCOMPAT"
];

describe('OpenWrt procd and BusyBox init lines on the console', () => {
	it('at the input’s start are skipped, not a boot of bare kernel lines', () => {
		const run = ingestText(START.join('\n') + '\n');
		expect(run.summary.input.skipped_reasons).toEqual({ [SKIP_BUSYBOX_INIT]: 2 });
		expect(run.summary.input.formats).toEqual({ dmesg: 3 });
		// they had been boot 0 (`start@1-2`) and the kernel's lines a second boot
		expect(boots(run)).toEqual(['start@3-5']);
	});

	it('between kernel lines are skipped too, other programs’ output stays unparsed', () => {
		const run = ingestText(MIDDLE.join('\n') + '\n');
		expect(run.summary.input.skipped_reasons).toEqual({ [SKIP_BUSYBOX_INIT]: 10 });
		expect(run.summary.input.unparsed_reasons).toEqual({
			'no kernel prefix in a log whose other lines have one': 4
		});
		expect(run.summary.input.formats).toEqual({ dmesg: 6 });
		expect(boots(run)).toEqual(['start@1-20']);
	});

	it('a kernel line without its prefix that starts with the same letters stays a kernel line', () => {
		const run = ingestText(
			[
				'Please press the power button',
				'procfs: mounted',
				'pcieport 0000:00:1c.0: AER: enabled'
			].join('\n') + '\n'
		);
		expect(run.summary.input.formats).toEqual({ bare: 3 });
		expect(run.summary.input.lines_skipped).toBe(0);
	});
});
