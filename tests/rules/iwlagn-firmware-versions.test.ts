/**
 * Before the firmware loader printed `Direct firmware load for …` (3.14), Intel's Wi-Fi driver
 * said itself which firmware versions it did not find: `request for firmware file '…' failed.`
 * (iwl-agn.c iwl_ucode_callback(), 2.6.30-3.3, under the names iwlagn, iwl3945 and iwl4965;
 * iwl-drv.c, 3.4-3.13, as iwlwifi). These lines had matched no rule, so a 2.6-era laptop whose
 * card found no firmware at all got the generic firmware advice without the files it tried.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../support/analyze.ts';

// a 6000-series card as iwl-agn.c walks down from API 6 (kernel 2.6.38)
const BANNER =
	'[    0.000000] Linux version 2.6.38-8-generic (buildd@host1) (gcc version 4.5.2) #42-Ubuntu SMP';
const TRIED = [
	"[   12.412012] iwlagn 0000:03:00.0: request for firmware file 'iwlwifi-6000-6.ucode' failed.",
	"[   12.412571] iwlagn 0000:03:00.0: request for firmware file 'iwlwifi-6000-5.ucode' failed."
];

describe('iwlagn and its siblings asking for firmware versions (2.6-3.13 kernels)', () => {
	it('is routine when a version then loads, with the files tried', async () => {
		const r = await analyzeLines([
			BANNER,
			...TRIED,
			'[   12.420144] iwlagn 0000:03:00.0: loaded firmware version 9.221.4.1 build 25532'
		]);
		expect(r.findings.map((f) => [f.rule, f.severity, f.title])).toEqual([
			[
				'network.iwlwifi-firmware-probe',
				'info',
				'Intel Wi-Fi (iwlagn) looked for firmware versions that are not installed'
			]
		]);
		expect(r.findings[0].details).toMatchObject({
			driver: 'iwlagn',
			device: '0000:03:00.0',
			files: ['iwlwifi-6000-6.ucode', 'iwlwifi-6000-5.ucode']
		});
		expect(r.summary.verdict).toBe('healthy');
	});

	it('is the failure’s when none loads: Intel’s advice, not the generic one', async () => {
		const r = await analyzeLines([
			BANNER,
			...TRIED,
			"[   12.413020] iwlagn 0000:03:00.0: request for firmware file 'iwlwifi-6000-4.ucode' failed.",
			'[   12.413024] iwlagn 0000:03:00.0: no suitable firmware found!'
		]);
		expect(r.findings.map((f) => [f.rule, f.severity, f.title])).toEqual([
			['firmware.load-failed', 'medium', 'No usable firmware found for iwlagn']
		]);
		const steps = r.findings[0].explanation.next_steps.join(' ');
		expect(steps).toContain('firmware-iwlwifi');
		expect(steps).toContain("request for firmware file '…' failed");
	});

	it('keeps the other Intel drivers of the time apart by name', async () => {
		const r = await analyzeLines([
			"[    9.101000] iwl3945 0000:0b:00.0: request for firmware file 'iwlwifi-3945-2.ucode' failed.",
			'[    9.180000] iwl3945 0000:0b:00.0: loaded firmware version 15.32.2.9'
		]);
		expect(r.findings.map((f) => f.title)).toEqual([
			'Intel Wi-Fi (iwl3945) looked for firmware versions that are not installed'
		]);
	});
});
