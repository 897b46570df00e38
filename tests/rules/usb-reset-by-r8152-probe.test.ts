/**
 * r8152 resets its USB Ethernet adapter itself as it binds to it: the reset just before its
 * interface line is the driver's setting up, not a device that stopped answering (told of cables
 * and power before); a firmware patch it did not find before naming the interface is optional. Real lines: raspberrypi3router-dmesg-txt.log (JamesWDelancey/RaspberryPi3Router
 * `dmesg.txt`, no licence stated; a Raspberry Pi 3 on 4.4.9-v7+ with an RTL8153 adapter on a hub) lines 338-346.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

const PI = [
	'[    7.079060] usbcore: registered new interface driver r8152',
	'[    7.085751] usbcore: registered new interface driver cdc_ether',
	'[    7.132971] apple 0003:05AC:021D.0004: input,hidraw3: USB HID v1.11 Keyboard [Apple Inc. Apple Keyboard] on usb-3f980000.usb-1.5.2/input0',
	'[    7.134641] input: Apple Inc. Apple Keyboard as /devices/platform/soc/3f980000.usb/usb1/1-1/1-1.5/1-1.5.2/1-1.5.2:1.1/0003:05AC:021D.0005/input/input4',
	'[    7.169257] usb 1-1.4.3: reset high-speed USB device number 7 using dwc_otg',
	'[    7.189567] apple 0003:05AC:021D.0005: input,hidraw4: USB HID v1.11 Device [Apple Inc. Apple Keyboard] on usb-3f980000.usb-1.5.2/input1',
	'[    7.209391] bcm2835-wdt 3f100000.watchdog: Broadcom BCM2835 watchdog timer',
	'[    7.210747] gpiomem-bcm2835 3f200000.gpiomem: Initialised: Registers at 0x3f200000',
	'[    7.316067] r8152 1-1.4.3:1.0 eth1: v1.08.2'
];

/**
 * intel-audio-dmesg-log.log (imtangmeng/intel-audio `dmesg.log`, no licence stated; 5.18, an RTL8153 behind a USB 3 hub)
 * lines 696-699 and 1009: the reset, the firmware patch r8152 did not find, its interface line
 */
const DOCK = [
	'[    3.618689] usb 2-3.4: reset SuperSpeed USB device number 3 using xhci_hcd',
	'[    3.629267] snd_sof_intel_hda_common:cl_dsp_init: sof-audio-pci-intel-cnl 0000:00:1f.3: FW Poll Status: reg[0x80000]=0x5000001 successful',
	'[    3.645886] r8152 2-3.4:1.0: Direct firmware load for rtl_nic/rtl8153a-4.fw failed with error -2',
	'[    3.645889] r8152 2-3.4:1.0: unable to load firmware patch rtl_nic/rtl8153a-4.fw (-2)',
	'[    3.674978] r8152 2-3.4:1.0 eth0: v1.12.13'
];

const resets = async (lines: string[]) =>
	(await findingsOf(lines)).filter((f) => f.rule === 'usb.device-reset');

describe('a USB reset just before r8152 names the adapter’s interface', () => {
	it('is the driver setting the adapter up: info, with both lines, no cable or power', async () => {
		const [f] = await resets(PI);
		expect([f.title, f.severity, f.details.port]).toEqual([
			'USB network adapter on port 1-1.4.3 reset by its driver (r8152) as it set it up',
			'info',
			'1-1.4.3'
		]);
		expect(f.evidence.map((e) => e.line)).toEqual([5, 9]);
		const words = `${f.explanation.meaning} ${f.explanation.next_steps.join(' ')}`;
		expect(words).toContain('r8152 resets the adapter itself each time it binds to it');
		expect(words).not.toMatch(/powered hub|another cable/);
	});

	it('stays a reset of the port when r8152 names another port’s adapter', async () => {
		const [f] = await resets(PI.map((l) => l.replace('r8152 1-1.4.3:1.0', 'r8152 1-1.4.2:1.0')));
		expect(f.title).toBe('USB device resets on port 1-1.4.3');
		expect(f.explanation.next_steps.join(' ')).toContain('another cable');
	});

	it('stays a reset of the port when r8152 names it more than 2 s later', async () => {
		const [f] = await resets(
			PI.map((l) => l.replace('[    7.316067] r8152', '[    9.316067] r8152'))
		);
		expect(f.title).toBe('USB device resets on port 1-1.4.3');
	});
});

describe('a firmware patch r8152 did not find before it named the adapter’s interface', () => {
	it('is optional: info, the adapter set up without it, linked to the driver’s reset', async () => {
		const f = await findingsOf(DOCK);
		const patch = f.find((x) => x.rule === 'firmware.load-failed');
		const reset = f.find((x) => x.rule === 'usb.device-reset');
		expect([patch?.title, patch?.severity, patch?.details.file]).toEqual([
			'Optional firmware patch rtl_nic/rtl8153a-4.fw of the USB Ethernet adapter not found: r8152 set it up without it',
			'info',
			'rtl_nic/rtl8153a-4.fw'
		]);
		expect(patch?.evidence.map((e) => e.line)).toEqual([3, 5]);
		expect(reset?.title).toBe(
			'USB network adapter on port 2-3.4 reset by its driver (r8152) as it set it up'
		);
		expect(patch?.explanation.next_steps[0]).toBe('Nothing is needed if the wired network works.');
	});

	it('stays a missing file when r8152 never names the interface', async () => {
		const f = await findingsOf(DOCK.slice(0, 4));
		const patch = f.find((x) => x.rule === 'firmware.load-failed');
		expect([patch?.title, patch?.severity]).toEqual([
			'Firmware rtl_nic/rtl8153a-4.fw could not be loaded',
			'low'
		]);
	});
});
