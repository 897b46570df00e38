/**
 * b43legacy's firmware messages. Lines not in the corpus are written from the
 * kernel's format strings (the source is named with each) in the shape of a real log.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe("b43legacy's missing firmware gets b43legacy's advice, not b43's", () => {
	// drivers/net/wireless/broadcom/b43legacy/main.c: b43legacy_do_request_fw() asks for
	// `b43legacy/ucode4.fw`, and b43legacy_print_fw_helptext() prints `You must go to … and
	// download the correct firmware (version 3).` through b43legacyerr() (`b43legacy-phy0 ERROR: `)
	const LINES = [
		'[    5.100000] b43legacy-phy0: Broadcom 4306 WLAN found (core revision 4)',
		'[    5.200000] b43legacy ssb0:0: Direct firmware load for b43legacy/ucode4.fw failed with error -2',
		'[    5.200002] b43legacy-phy0 ERROR: You must go to https://wireless.wiki.kernel.org/en/users/Drivers/b43#devicefirmware and download the correct firmware (version 3).'
	];

	it("names b43legacy's installer and module, and not Broadcom's wl (which drives none of its chips)", async () => {
		const f = await findingsOf(LINES);
		// one finding, as b43's: the file it tried is in its facts (it had been a low finding of
		// its own beside it)
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['firmware.load-failed', 'No usable firmware found for b43legacy-phy0', 'medium']
		]);
		expect(f[0].details.files).toEqual(['b43legacy/ucode4.fw']);
		expect(f[0].details.device).toBe('ssb0:0');
		for (const x of f) {
			const steps = x.explanation.next_steps.join('\n');
			// it had been told to install firmware-b43-installer, reload b43 and try wl
			expect(steps, x.title).toMatch(/firmware-b43legacy-installer/);
			expect(steps, x.title).toMatch(/modprobe b43legacy/);
			expect(steps, x.title).not.toMatch(/firmware-b43-installer|broadcom-sta|modprobe b43\b/);
		}
	});
});
