/**
 * Line rules that earlier stops left open (rules21). Excerpts name their corpus file
 * (shared/corpus/real) and lines; lines not in the corpus are written from the kernel's format
 * strings (the source is named with each) in the shape of a real log of the same kind.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];

const summary = (f: F[]) => f.map((x) => [x.rule, x.title, x.severity, x.count]);
const steps = (f: F) => f.explanation.next_steps.join('\n');

describe("Debian's `firmware: failed to load X (-2)` is judged as `Direct firmware load` is", () => {
	// Debian's kernels print `firmware: failed to load X (-2)` (twice) besides upstream's `Direct
	// firmware load for X failed with error -2` for each request, with `firmware_class: See
	// https://wiki.debian.org/Firmware …` after the first (the shape of
	// dfir-sample-files-syslog-1.log lines 1056-1069, Debian 6.6); the optional files below are
	// the benign list's (net/wireless/reg.c, iwlwifi's walk down its API versions)
	it('an optional file missing is no finding in either form (had been a low finding)', async () => {
		const f = await findingsOf([
			'[    4.120340] cfg80211: Loading compiled-in X.509 certificates for regulatory database',
			'[    4.121205] platform regulatory.0: firmware: failed to load regulatory.db (-2)',
			'[    4.121210] firmware_class: See https://wiki.debian.org/Firmware for information about missing firmware',
			'[    4.121213] platform regulatory.0: firmware: failed to load regulatory.db (-2)',
			'[    4.121215] platform regulatory.0: Direct firmware load for regulatory.db failed with error -2',
			'[    4.130112] iwlwifi 0000:02:00.0: firmware: failed to load iwlwifi-7265D-29.ucode (-2)',
			'[    4.130120] iwlwifi 0000:02:00.0: firmware: failed to load iwlwifi-7265D-29.ucode (-2)',
			'[    4.130125] iwlwifi 0000:02:00.0: Direct firmware load for iwlwifi-7265D-29.ucode failed with error -2',
			'[    4.131877] iwlwifi 0000:02:00.0: loaded firmware version 22.391740.0 op_mode iwlmvm'
		]);
		expect(summary(f)).toEqual([]);
	});

	it('a file that is not optional is still a finding, and an error other than -2 too', async () => {
		const f = await findingsOf([
			'[    4.130112] iwlwifi 0000:02:00.0: firmware: failed to load iwlwifi-7265D-29.ucode (-110)',
			'[    5.210001] r8169 0000:02:00.0: firmware: failed to load rtl_nic/rtl8168h-2.fw (-2)'
		]);
		expect(summary(f)).toEqual([
			[
				'firmware.load-failed',
				'Firmware iwlwifi-7265D-29.ucode could not be loaded: ETIMEDOUT (timed out: no answer)',
				'medium',
				1
			],
			['firmware.load-failed', 'Firmware rtl_nic/rtl8168h-2.fw could not be loaded', 'low', 1]
		]);
	});

	it("brcmfmac's generic board file is one finding in both forms, not a second one", async () => {
		// archlinux-for-z83 dmesg (BCM43340 on SDIO), as a Debian kernel prints the request
		const f = await findingsOf([
			'[    7.381734] brcmfmac mmc1:0001:1: firmware: failed to load brcm/brcmfmac43340-sdio.txt (-2)',
			'[    7.381740] brcmfmac mmc1:0001:1: firmware: failed to load brcm/brcmfmac43340-sdio.txt (-2)',
			'[    7.381744] brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43340-sdio.txt failed with error -2'
		]);
		expect(f.map((x) => [x.rule, x.severity])).toEqual([
			['firmware.brcmfmac-nvram-missing', 'medium']
		]);
	});
});

describe('b43 lists the firmware files it tried', () => {
	// dfir-sample-files-syslog-1.log lines 1053-1070 (Debian 6.6, BCM43228)
	const DFIR = [
		'2024-12-18T00:43:18.755079+01:00 kpepe kernel: b43-phy0: Broadcom 43228 WLAN found (core revision 30)',
		'2024-12-18T00:43:18.755083+01:00 kpepe kernel: b43-phy0: Found PHY: Analog 9, Type 4 (N), Revision 16',
		'2024-12-18T00:43:18.755085+01:00 kpepe kernel: b43-phy0: Found Radio: Manuf 0x17F, ID 0x2057, Revision 9, Version 1',
		'2024-12-18T00:43:18.755087+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755089+01:00 kpepe kernel: firmware_class: See https://wiki.debian.org/Firmware for information about missing firmware',
		'2024-12-18T00:43:18.755091+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755103+01:00 kpepe kernel: b43 bcma0:1: Direct firmware load for b43/ucode30_mimo.fw failed with error -2',
		'2024-12-18T00:43:18.755107+01:00 kpepe kernel: Broadcom 43xx driver loaded [ Features: PNLS ]',
		'2024-12-18T00:43:18.755109+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755111+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755113+01:00 kpepe kernel: b43 bcma0:1: Direct firmware load for b43/ucode30_mimo.fw failed with error -2',
		'2024-12-18T00:43:18.755115+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43-open/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755117+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43-open/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755129+01:00 kpepe kernel: b43 bcma0:1: Direct firmware load for b43-open/ucode30_mimo.fw failed with error -2',
		'2024-12-18T00:43:18.755133+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43-open/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755135+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43-open/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755137+01:00 kpepe kernel: b43 bcma0:1: Direct firmware load for b43-open/ucode30_mimo.fw failed with error -2',
		'2024-12-18T00:43:18.755140+01:00 kpepe kernel: b43-phy0 ERROR: You must go to https://wireless.wiki.kernel.org/en/users/Drivers/b43#devicefirmware and download the correct firmware for this driver version. Please carefully read all instructions on this website.'
	];

	it('the files before its `download the correct firmware` line are in the facts', async () => {
		const f = await findingsOf(DFIR);
		expect(summary(f)).toEqual([
			['firmware.load-failed', 'No usable firmware found for b43-phy0', 'medium', 1]
		]);
		expect(f[0].details.files).toEqual(['b43/ucode30_mimo.fw', 'b43-open/ucode30_mimo.fw']);
		expect(f[0].details.device).toBe('bcma0:1');
	});

	it("has b43's advice: its installer, not linux-firmware's or iwlwifi's", async () => {
		const [f] = await findingsOf(DFIR);
		expect(f.explanation.meaning).toContain('b43-fwcutter');
		expect(steps(f)).toContain('firmware-b43-installer');
		expect(steps(f)).toContain('broadcom-sta-dkms');
		expect(steps(f)).not.toMatch(/iwlwifi|minimum_version/);
	});

	it('files of another driver just before it are not listed', async () => {
		const f = await findingsOf([
			'[    4.121205] r8169 0000:02:00.0: Direct firmware load for rtl_nic/rtl8168h-2.fw failed with error -2',
			DFIR.at(-1)!
		]);
		expect(f.find((x) => x.title === 'No usable firmware found for b43-phy0')?.details.files).toBe(
			undefined
		);
	});
});

describe('the firmware advice fits the driver', () => {
	it("iwlwifi's names its range of versions", async () => {
		// intel-audio-dmesg-log.log lines 553-555 (Comet Lake laptop, QuZ card)
		const [f] = await findingsOf([
			'[    3.298135] iwlwifi 0000:00:14.3: no suitable firmware found!',
			'[    3.298137] iwlwifi 0000:00:14.3: minimum version required: iwlwifi-QuZ-a0-jf-b0-39',
			'[    3.298140] iwlwifi 0000:00:14.3: maximum version supported: iwlwifi-QuZ-a0-jf-b0-72'
		]);
		expect(f.title).toBe('No usable firmware found for iwlwifi');
		expect(steps(f)).toMatch(/from `minimum_version` to `maximum_version`/);
		expect(steps(f)).toContain('firmware-iwlwifi');
		expect(steps(f)).not.toContain('b43');
	});

	it("another driver's gets neither iwlwifi's range nor b43's installer", async () => {
		// intel-audio-dmesg-log.log lines 595 and 698 (Intel Bluetooth, a Realtek USB NIC)
		const f = await findingsOf([
			'[    3.420134] Bluetooth: hci0: Failed to load Intel firmware file intel/ibt-19-0-1.sfi (-2)',
			'[    3.645886] r8152 2-3.4:1.0: Direct firmware load for rtl_nic/rtl8153a-4.fw failed with error -2'
		]);
		expect(f.map((x) => x.title)).toEqual([
			'No usable firmware found for Bluetooth hci0',
			'Firmware rtl_nic/rtl8153a-4.fw could not be loaded'
		]);
		for (const x of f) {
			expect(steps(x)).not.toMatch(/iwlwifi|QuZ|b43/);
			expect(x.explanation.meaning).not.toMatch(/iwlwifi|b43/);
			expect(steps(x)).toContain('linux-firmware');
		}
		// Intel Bluetooth's title names no file: the step points at the facts
		expect(f[0].details.file).toBe('intel/ibt-19-0-1.sfi');
		expect(steps(f[0])).toContain('`file` in the facts');
	});
});

describe('modules built for another kernel show each refusal', () => {
	// pikernel-dmesg.log lines 240, 241 and 257
	it('every module refused is evidence, not only the first', async () => {
		const f = await findingsOf([
			'[    5.453809] led_class: disagrees about version of symbol module_layout',
			'[    5.702307] crc_ccitt: disagrees about version of symbol module_layout',
			'[    9.175394] EXT4-fs (mmcblk0p2): re-mounted. Opts: (null)',
			'[   10.392010] snd: disagrees about version of symbol module_layout'
		]);
		expect(f).toHaveLength(1);
		expect(f[0].evidence.map((x) => [x.line, x.text])).toEqual([
			[1, 'led_class: disagrees about version of symbol module_layout'],
			[2, 'crc_ccitt: disagrees about version of symbol module_layout'],
			[4, 'snd: disagrees about version of symbol module_layout']
		]);
	});

	it("one module's lines stay one line of evidence", async () => {
		// bananapi-dmesg-log.log lines 1-2 (gasket, built by DKMS against other headers)
		const f = await findingsOf([
			'[ 1289.155781] gasket: disagrees about version of symbol dev_warn',
			'[ 1289.155801] gasket: Unknown symbol dev_warn (err -22)'
		]);
		expect(f.map((x) => [x.title, x.evidence.length])).toEqual([
			['Module gasket could not be loaded', 1]
		]);
	});
});
