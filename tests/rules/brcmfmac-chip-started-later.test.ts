/**
 * brcmfmac's SDIO chip that did not start at boot (its board file missing, its clock never up)
 * and started later in the same boot, once its user had installed the file and loaded the driver
 * again: the report says it recovered, at low severity, instead of a Wi-Fi that does not work.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

// archlinux-for-z83 dmesg lines 1, 2, 46, 47 and 51-53 (a Z83 mini PC, BCM43340 on SDIO, 4.x):
// the board file copied and the driver loaded again 4.8 hours into the boot
const BOOT = [
	'[    3.301149] brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43340-sdio.txt failed with error -2',
	'[    3.303306] r8169 0000:01:00.0 enp1s0: renamed from eth0',
	'[    6.307197] brcmfmac: brcmf_sdio_htclk: HT Avail timeout (1000000): clkctl 0x50',
	'[    7.322608] brcmfmac: brcmf_sdio_htclk: HT Avail timeout (1000000): clkctl 0x50'
];
const RELOAD = [
	'[17274.337632] usbcore: deregistering interface driver brcmfmac',
	'[17285.080525] usbcore: registered new interface driver brcmfmac',
	'[17285.264188] brcmfmac: brcmf_c_preinit_dcmds: Firmware version = wl0: Jun 17 2014 11:48:43 version 6.10.190.49 (r485840) FWID 01-8744bcd2'
];

const wifi = async (lines: string[]) =>
	(await findingsOf(lines)).filter(
		(f) =>
			f.rule === 'firmware.brcmfmac-nvram-missing' || f.rule === 'network.wifi-chip-not-answering'
	);

describe('a brcmfmac chip that started later in the boot', () => {
	it('says the board file was missing at first and the chip started later (low)', async () => {
		const [nvram, chip, ...rest] = await wifi([...BOOT, ...RELOAD]);
		expect(rest).toEqual([]);
		expect(nvram).toMatchObject({
			rule: 'firmware.brcmfmac-nvram-missing',
			title:
				'Wi-Fi board file (NVRAM) brcm/brcmfmac43340-sdio.txt missing at first: the chip started later',
			severity: 'low',
			first_line: 1,
			last_line: 7
		});
		expect(nvram.explanation.next_steps[0]).toMatch(/^Nothing is needed if Wi-Fi works now/);
		expect(nvram.explanation.next_steps[1]).toMatch(/initramfs/);
		expect(chip).toMatchObject({
			rule: 'network.wifi-chip-not-answering',
			title: 'Wi-Fi chip on the SDIO bus did not answer at first, then started (brcmfmac)',
			severity: 'low',
			count: 1
		});
		// the boot's two timeouts and the firmware line that ended them, in line order
		expect(chip.evidence.map((e) => e.line)).toEqual([3, 4, 7]);
	});

	it('stays a chip that does not start without the firmware line', async () => {
		const found = await wifi(BOOT);
		expect(found.map((f) => [f.title, f.severity])).toEqual([
			[
				'Wi-Fi board file (NVRAM) brcm/brcmfmac43340-sdio.txt missing: brcmfmac probably cannot start the chip',
				'medium'
			],
			['Wi-Fi chip on the SDIO bus does not answer (brcmfmac)', 'medium']
		]);
	});

	it('is a chip that started without the file when its firmware answers within two minutes', async () => {
		const soon = RELOAD[2].replace('[17285.264188]', '[    9.500000]');
		const [nvram] = await wifi([BOOT[0], BOOT[1], soon]);
		expect(nvram).toMatchObject({
			title: 'Wi-Fi board file (NVRAM) brcm/brcmfmac43340-sdio.txt missing, but the chip started',
			severity: 'low'
		});
	});

	it('does not count a later boot’s firmware line', async () => {
		const next = [
			'[    0.000000] Linux version 4.14.0-arch1-1 (builduser@heftig) (gcc version 7.2.0) #1 SMP PREEMPT',
			RELOAD[2].replace('[17285.264188]', '[    9.500000]')
		];
		const found = await wifi([...BOOT, ...next]);
		expect(found.map((f) => f.severity)).toEqual(['medium', 'medium']);
	});
});
