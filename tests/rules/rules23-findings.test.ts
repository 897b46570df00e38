/**
 * Line-rule findings as the person who pasted the log reads them (rules23). Excerpts name their
 * corpus file (shared/corpus/real) and lines; lines not in the corpus are built from the real
 * lines of the same message (named with each) in the shape of the log they come from.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];

const summary = (f: F[]) => f.map((x) => [x.rule, x.title, x.severity, x.count]);

describe("one firmware request Debian prints two or three times counts once", () => {
	it('b43: each file it asked for is one request (dfir-sample-files-syslog-1)', async () => {
		// dfir-sample-files-syslog-1.log lines 1056-1070 (Debian 6.6, BCM43228): each file twice in
		// Debian's form, then upstream's line; one request per file, then b43's summary line
		const f = await findingsOf([
			'2024-12-18T00:43:18.755087+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
			'2024-12-18T00:43:18.755089+01:00 kpepe kernel: firmware_class: See https://wiki.debian.org/Firmware for information about missing firmware',
			'2024-12-18T00:43:18.755091+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
			'2024-12-18T00:43:18.755103+01:00 kpepe kernel: b43 bcma0:1: Direct firmware load for b43/ucode30_mimo.fw failed with error -2',
			'2024-12-18T00:43:18.755109+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
			'2024-12-18T00:43:18.755111+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
			'2024-12-18T00:43:18.755113+01:00 kpepe kernel: b43 bcma0:1: Direct firmware load for b43/ucode30_mimo.fw failed with error -2'
		]);
		// the driver asked twice (b43 tries the file again): two requests, not six lines
		expect(summary(f)).toEqual([
			['firmware.load-failed', 'Firmware b43/ucode30_mimo.fw could not be loaded', 'low', 2]
		]);
	});

	it("brcmfmac's board file, asked for once, is one occurrence", async () => {
		// built from dfir-sample-files-syslog-1.log lines 1056-1059 (Debian's three lines of one
		// request, with firmware_class's hint between) and archlinux-for-z83's brcmfmac line
		// (BCM43340 on SDIO): the only real log with Debian's copies has no brcmfmac
		const f = await findingsOf([
			'2024-12-18T00:43:18.755087+01:00 kpepe kernel: brcmfmac mmc1:0001:1: firmware: failed to load brcm/brcmfmac43340-sdio.txt (-2)',
			'2024-12-18T00:43:18.755089+01:00 kpepe kernel: firmware_class: See https://wiki.debian.org/Firmware for information about missing firmware',
			'2024-12-18T00:43:18.755091+01:00 kpepe kernel: brcmfmac mmc1:0001:1: firmware: failed to load brcm/brcmfmac43340-sdio.txt (-2)',
			'2024-12-18T00:43:18.755103+01:00 kpepe kernel: brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43340-sdio.txt failed with error -2'
		]);
		expect(summary(f)).toEqual([
			[
				'firmware.brcmfmac-nvram-missing',
				'Wi-Fi board file (NVRAM) brcm/brcmfmac43340-sdio.txt missing: brcmfmac probably cannot start the chip',
				'medium',
				1
			]
		]);
	});

	it("Tegra's USB firmware loaded at a second try is one request in Debian's three lines", async () => {
		// built from jetsontx2-samsung-dmesg-samsung-log.log lines 703 and 832 (Jetson TX2, 4.4)
		// with Debian's two lines of the request before upstream's (dfir-sample-files-syslog-1's
		// shape)
		const f = await findingsOf([
			'[    6.216901] xhci-tegra 3530000.xhci: firmware: failed to load tegra18x_xusb_firmware (-2)',
			'[    6.216920] firmware_class: See https://wiki.debian.org/Firmware for information about missing firmware',
			'[    6.216930] xhci-tegra 3530000.xhci: firmware: failed to load tegra18x_xusb_firmware (-2)',
			'[    6.216944] xhci-tegra 3530000.xhci: Direct firmware load for tegra18x_xusb_firmware failed with error -2',
			'[    8.430555] xhci-tegra 3530000.xhci: Firmware timestamp: 2017-03-31 06:21:56 UTC, Version: 55.07 release'
		]);
		expect(summary(f)).toEqual([
			['firmware.load-failed', 'Firmware tegra18x_xusb_firmware loaded at a second try', 'info', 1]
		]);
	});

	it('upstream lines alone are each a request: a driver that asks again counts again', async () => {
		// i915's DMC file as upstream prints it (RULES.md's example), asked for twice
		const f = await findingsOf([
			'[    2.901112] i915 0000:00:02.0: Direct firmware load for i915/kbl_dmc_ver1_04.bin failed with error -2',
			'[    2.901190] i915 0000:00:02.0: Direct firmware load for i915/kbl_dmc_ver1_04.bin failed with error -2'
		]);
		expect(f.map((x) => [x.rule, x.count])).toEqual([['firmware.load-failed', 2]]);
	});
});
