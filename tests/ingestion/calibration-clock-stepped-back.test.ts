/**
 * A clock stepped back inside a calibration segment widens the stated uncertainty, as a step
 * forward does (calibration-clock-steps-uncertainty.test.ts). Prefixes are receipt times, never
 * before the print, so the smallest offset (wall - kernel time) is the estimate; after a step back
 * it is the later clock's, and the lines before the step, which read a clock ahead of it, had
 * not counted unless audit records showed it. The step shows where a line's prefix is earlier
 * than the line received before it (beyond the resolution): the offset the segment had then, less
 * its smallest offset, is added to the uncertainty. A boot's lines received in one batch (the
 * same wall time for lines printed seconds apart, their offsets falling) are no step. Lines are
 * real: a ChromeOS `/var/log/messages` (syslogs-messages-3.log, the kernel lines of 1653-1699 and
 * of 1707-1795 up to 9.42 s that name no MAC address: its clock set 0.25 s back between 8.352 s
 * and 8.459 s), and a Raspberry Pi's kern.log (izassafar-one-kern-log.log lines 326-358, its
 * audit records left out: the boot's messages received at 07:13:02 up to 25 s, then as printed).
 */
import { CHROMEOS_CLOCK_BEHIND } from '../support/excerpts.ts';
import { describe, expect, it } from 'vitest';
import { ingestText } from './helpers.ts';

/** up to 8.352 s: the clock before the step */
const BEFORE = [
	'2026-05-18T17:59:52.854860Z DEBUG kernel: [    7.957891] gpio gpiochip0: Persistence not supported for GPIO 332',
	'2026-05-18T17:59:52.854886Z DEBUG kernel: [    7.957917] gpio gpiochip0: registered chardev handle for line 332',
	'2026-05-18T17:59:52.854889Z DEBUG kernel: [    7.957923] gpio gpiochip0: registered chardev handle for 1 lines',
	'2026-05-18T17:59:53.008548Z DEBUG kernel: [    8.111668] gpio gpiochip0: Persistence not supported for GPIO 332',
	'2026-05-18T17:59:53.008565Z DEBUG kernel: [    8.111694] gpio gpiochip0: registered chardev handle for line 332',
	'2026-05-18T17:59:53.008568Z DEBUG kernel: [    8.111699] gpio gpiochip0: registered chardev handle for 1 lines',
	'2026-05-18T17:59:53.110135Z INFO kernel: [    8.213943] zram: Added device: zram0',
	'2026-05-18T17:59:53.229006Z INFO kernel: [    8.332413] zram0: detected capacity change from 0 to 31622064',
	'2026-05-18T17:59:53.248062Z INFO kernel: [    8.351997] Adding 15811028k swap on /dev/zram0.  Priority:-2 extents:1 across:15811028k SS'
];
/** from 8.459 s: the clock 0.25 s behind */
const AFTER = CHROMEOS_CLOCK_BEHIND;
const BATCH = [
	'Jul  6 07:13:02 ubuntu kernel: [   13.498391] brcmfmac: brcmf_fw_alloc_request: using brcm/brcmfmac43455-sdio for chip BCM4345/6',
	'Jul  6 07:13:02 ubuntu kernel: [   13.513419] usbcore: registered new interface driver brcmfmac',
	'Jul  6 07:13:02 ubuntu kernel: [   13.558041] brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43455-sdio.raspberrypi,3-model-b-plus.txt failed with error -2',
	'Jul  6 07:13:02 ubuntu kernel: [   13.605207] Bluetooth: Core ver 2.22',
	'Jul  6 07:13:02 ubuntu kernel: [   13.605347] NET: Registered protocol family 31',
	'Jul  6 07:13:02 ubuntu kernel: [   13.605352] Bluetooth: HCI device and connection manager initialized',
	'Jul  6 07:13:02 ubuntu kernel: [   13.605375] Bluetooth: HCI socket layer initialized',
	'Jul  6 07:13:02 ubuntu kernel: [   13.605385] Bluetooth: L2CAP socket layer initialized',
	'Jul  6 07:13:02 ubuntu kernel: [   13.605495] Bluetooth: SCO socket layer initialized',
	'Jul  6 07:13:02 ubuntu kernel: [   13.725991] brcmfmac: brcmf_fw_alloc_request: using brcm/brcmfmac43455-sdio for chip BCM4345/6',
	'Jul  6 07:13:02 ubuntu kernel: [   13.789376] brcmfmac: brcmf_c_preinit_dcmds: Firmware: BCM4345/6 wl0: Mar  1 2015 07:29:38 version 7.45.18 (r538002) FWID 01-6a2c8ad4',
	'Jul  6 07:13:02 ubuntu kernel: [   13.842756] random: crng init done',
	'Jul  6 07:13:02 ubuntu kernel: [   13.842772] random: 7 urandom warning(s) missed due to ratelimiting',
	'Jul  6 07:13:02 ubuntu kernel: [   16.790251] brcmfmac: power management disabled',
	'Jul  6 07:13:02 ubuntu kernel: [   22.867629] IPv6: ADDRCONF(NETDEV_CHANGE): wlan0: link becomes ready',
	'Jul  6 07:13:02 ubuntu kernel: [   24.934239] new mount options do not match the existing superblock, will be ignored',
	'Jul  6 07:13:06 ubuntu kernel: [   29.051439] aufs 4.x-rcN-20190805',
	'Jul  6 07:13:09 ubuntu kernel: [   31.869520] bridge: filtering via arp/ip/ip6tables is no longer available by default. Update your scripts to load br_netfilter if you need this.',
	'Jul  6 07:13:09 ubuntu kernel: [   31.880267] Bridge firewalling registered',
	'Jul  6 07:13:09 ubuntu kernel: [   31.930288] bpfilter: Loaded bpfilter_umh pid 1528',
	'Jul  6 07:13:10 ubuntu kernel: [   32.376182] Initializing XFRM netlink socket'
];

function calibration(lines: string[]) {
	return ingestText(lines.join('\n') + '\n').summary.metadata.calibration;
}

describe('a clock stepped back inside a segment', () => {
	it('widens the uncertainty by the step', () => {
		const c = calibration([...BEFORE, ...AFTER]);
		expect(c).toHaveLength(1);
		// the offset is the later clock's, as after any step (its smallest offset)
		expect(c[0].offset_ms).toBe(calibration(AFTER)[0].offset_ms);
		// 44.896065 s before the step (8.351997 s received at 17:59:53.248062), 44.644697 s after
		expect(c[0].uncertainty_ms).toBeGreaterThanOrEqual(251);
		expect(c[0].uncertainty_ms).toBeLessThan(260);
	});

	it('states the later clock’s own uncertainty without the lines before the step', () => {
		expect(calibration(AFTER)[0].uncertainty_ms).toBeLessThan(10);
	});

	it('is not seen in a boot’s lines received in one batch', () => {
		const c = calibration(BATCH);
		expect(c).toHaveLength(1);
		// whole seconds: half a second, and the spread of the smallest offsets
		expect(c[0].uncertainty_ms).toBeLessThan(1000);
	});
});
