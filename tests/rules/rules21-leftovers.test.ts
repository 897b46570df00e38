/**
 * Line rules that earlier stops left open (rules21). Excerpts name their corpus file
 * (shared/corpus/real) and lines; lines not in the corpus are written from the kernel's format
 * strings (the source is named with each) in the shape of a real log of the same kind.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];

const summary = (f: F[]) => f.map((x) => [x.rule, x.title, x.severity, x.count]);

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
