/**
 * A USB device reset after the USB core's `root hub lost power or was reset` (printed as a
 * controller that lost power in sleep is resumed) is a reset of the resume, as after the PM
 * core's resume lines: a log that starts during a resume has only that line before it.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

// from novo7elf-dmesg-log.log lines 18-38 (an Allwinner A10 tablet, 3.0): the log starts in a resume
const RESUME_START = [
	'<7>[26742.241958] [sw-ehci2]: lost power, restarting',
	'<4>[26742.246402] usb usb2: root hub lost power or was reset',
	'<7>[26742.251603] [sw-ohci2]: sw_ohci_hcd_resume',
	'<7>[26742.255698] [sw-ohci2]: open clock',
	'<7>[26742.270042] ehci_irq: port change detect',
	'<4>[26742.344042] usb usb3: root hub lost power or was reset',
	'<6>[26742.349330] sunxi-rtc sunxi-rtc: sunxi_rtc_gettime',
	'<7>[26742.384945] [mmc]: mmc 0 power on !!',
	'<7>[26742.483844] [audio codec]:resume start',
	'<7>[26742.494994] [mmc_pm]: No sdio card, please check your config !!',
	'<6>[26742.610211] [CSI]csi_resume',
	'<6>[26742.630067] usb 2-1: reset high speed USB device number 2 using sw-ehci',
	'<6>[26742.781407] PM: resume of devices complete after 587.236 msecs'
];

describe('a USB reset after a root hub lost power', () => {
	it('is a reset after resume (had been a reset of its own)', async () => {
		const f = await findingsOf(RESUME_START);
		expect(
			f.filter((x) => x.rule === 'usb.device-reset').map((x) => [x.title, x.severity])
		).toEqual([['USB device resets after resume on port 2-1', 'info']]);
	});

	it('leaves a reset without a resume line before it a reset', async () => {
		const f = await findingsOf(RESUME_START.slice(11, 12));
		expect(f.map((x) => x.title)).toEqual(['USB device resets on port 2-1']);
	});
});
