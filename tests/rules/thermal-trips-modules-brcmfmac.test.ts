/**
 * Findings whose title or explanation a fifth QA reading of the real-log corpus
 * (shared/corpus/real), mostly ARM boards and small machines, found misleading for the log it was
 * about, with short verbatim excerpts: linux-surface-pro-7-dump-lastbootlog-txt.log (ACPI
 * thermal zones without trip points), bananapi-dmesg-log.log and pikernel-dmesg.log (modules
 * built for another kernel), archlinux-for-z83-dmesg.log (a brcmfmac Wi-Fi chip without its board
 * file).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('ACPI thermal zone without trip points', () => {
	// linux-surface-pro-7-dump-lastbootlog-txt.log lines 522-524 (Surface Pro 7, kernel 5.3; 9 such lines)
	const lines = [
		'Oct 31 20:09:54 BlackLightSpeed kernel: Monitor-Mwait will be used to enter C-3 state',
		'Oct 31 20:09:54 BlackLightSpeed kernel: [Firmware Bug]: No valid trip found',
		'Oct 31 20:09:54 BlackLightSpeed kernel: [Firmware Bug]: No valid trip found'
	];

	it('says which zone is not used, not that microcode or the BIOS needs an update', async () => {
		const f = await findingsOf(lines);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'firmware.thermal-zone-no-trip',
				'ACPI thermal zone without valid trip points not used',
				'info',
				2
			]
		]);
		expect(f[0].explanation.meaning).toMatch(/before 6.6 do not register the zone/);
		expect(f[0].explanation.meaning).toMatch(/usually harmless/);
		expect(f[0].explanation.next_steps.join(' ')).not.toMatch(/microcode/);
	});

	it('leaves other firmware bugs to the generic rule', async () => {
		const f = await findingsOf([
			'[    0.000000] [Firmware Bug]: TSC_DEADLINE disabled due to Errata; please update microcode to version: 0x3a (or later)'
		]);
		expect(f.map((x) => x.rule)).toEqual(['firmware.firmware-bug']);
	});
});

describe('modules built for another kernel', () => {
	// bananapi-dmesg-log.log lines 1-4 (gasket, the Coral Edge TPU driver, built by DKMS)
	it('names mismatched headers and counts lines, not load attempts', async () => {
		const f = await findingsOf([
			'[ 1289.155781] gasket: disagrees about version of symbol dev_warn',
			'[ 1289.155801] gasket: Unknown symbol dev_warn (err -22)',
			'[ 1289.155920] gasket: disagrees about version of symbol get_device',
			'[ 1289.155931] gasket: Unknown symbol get_device (err -22)'
		]);
		expect(f.map((x) => [x.rule, x.title, x.count])).toEqual([
			['other.module-load-failed', 'Module gasket could not be loaded', 4]
		]);
		expect(f[0].explanation.meaning).toMatch(/not of attempts to load the module/);
		expect(f[0].explanation.causes.map((c) => c.text).join(' ')).toMatch(
			/headers that do not match the running kernel/
		);
		expect(f[0].explanation.next_steps.join(' ')).toMatch(/linux-headers-\$\(uname -r\)/);
	});

	// pikernel-dmesg.log lines 240-241 (Raspberry Pi, self-built 3.6.11+ kernel)
	it('explains module_layout for modules that come with the kernel', async () => {
		const f = await findingsOf([
			'[    5.453809] led_class: disagrees about version of symbol module_layout',
			'[    5.702307] crc_ccitt: disagrees about version of symbol module_layout'
		]);
		// one finding for both (tests/rules/module-layout-usb-unplug-lockdown.test.ts)
		expect(f.map((x) => x.title)).toEqual(['Modules built for another kernel could not be loaded']);
		expect(f[0].explanation.causes.map((c) => c.text).join(' ')).toMatch(
			/another build’s modules with the same version string/
		);
		expect(f[0].explanation.next_steps.join(' ')).toMatch(/modules_install/);
	});
});

describe('brcmfmac SDIO board file (NVRAM) missing', () => {
	// archlinux-for-z83-dmesg.log lines 1, 46-47 (Z83 mini PC, BCM43340; its user fixed Wi-Fi by
	// installing the board file)
	const z83 = [
		'[    3.301149] brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43340-sdio.txt failed with error -2',
		'[    6.307197] brcmfmac: brcmf_sdio_htclk: HT Avail timeout (1000000): clkctl 0x50',
		'[    7.322608] brcmfmac: brcmf_sdio_htclk: HT Avail timeout (1000000): clkctl 0x50'
	];

	it('is the likely cause, not an often harmless missing file', async () => {
		const f = await findingsOf(z83);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'firmware.brcmfmac-nvram-missing',
				'Wi-Fi board file (NVRAM) brcm/brcmfmac43340-sdio.txt missing: brcmfmac probably cannot start the chip',
				'medium'
			],
			[
				'network.wifi-chip-not-answering',
				'Wi-Fi chip on the SDIO bus does not answer (brcmfmac)',
				'medium'
			]
		]);
		expect(f[0].explanation.meaning).toMatch(/board file \(NVRAM\)/);
		expect(f[0].explanation.meaning).not.toMatch(/often harmless/);
	});

	// line 1 of archlinux-for-z83-dmesg.log, then the firmware version line of
	// raspberrypi3router-dmesg-txt.log line 351 (a chip that started: NVRAM from elsewhere)
	it('is low when the chip reports its firmware version soon after', async () => {
		const f = await findingsOf([
			z83[0],
			'[    7.644522] brcmfmac: brcmf_c_preinit_dcmds: Firmware version = wl0: Dec 15 2015 18:10:45 version 7.45.41.23 (r606571) FWID 01-cc4eda9c'
		]);
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['Wi-Fi board file (NVRAM) brcm/brcmfmac43340-sdio.txt missing, but the chip started', 'low']
		]);
	});

	// izassafar-one-kern-log.log line 328 (Raspberry Pi 3 B+): the board-specific name, tried first
	// intended change: it had been dropped silently (benign.ts); now a routine notice
	it('gives the board-specific name a routine notice, not the missing-NVRAM finding', async () => {
		const f = await findingsOf([
			'Jul  6 07:13:02 ubuntu kernel: [   13.558041] brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43455-sdio.raspberrypi,3-model-b-plus.txt failed with error -2'
		]);
		expect(f.map((x) => [x.rule, x.severity])).toEqual([
			['network.brcmfmac-board-nvram-probe', 'info']
		]);
	});
});
