/**
 * A Wi-Fi chip on SDIO that stopped answering is one occurrence per boot however many registers the
 * driver failed to reach: rtw88 prints a line per register, and rg353v's one failure (18 lines in
 * 30 ms, during the firmware download) had been counted 18 times, `×18` in the headline.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../support/analyze.ts';

// rg353v-linux-rtw-8821cs-log.log lines 2-26 (Anbernic RG353V, rtw_8821cs on SDIO)
const RTW_SILENT = [
	'[    4.748703] rtw_8821cs mmc3:0001:1: sdio read32 failed (0x11080): -110',
	'[    4.751042] rtw_8821cs mmc3:0001:1: sdio write32 failed (0x11080): -110',
	'[    4.752724] rtw_8821cs mmc3:0001:1: sdio read32 failed (0x10080): -110',
	'[    4.754177] rtw_8821cs mmc3:0001:1: sdio write32 failed (0x10080): -110',
	'[    4.755671] rtw_8821cs mmc3:0001:1: sdio read32 failed (0x10040): -110',
	'[    4.757080] rtw_8821cs mmc3:0001:1: sdio write32 failed (0x10040): -110',
	'[    4.758594] rtw_8821cs mmc3:0001:1: sdio read32 failed (0x11700): -110',
	'[    4.760014] rtw_8821cs mmc3:0001:1: sdio write32 failed (0x11700): -110',
	'[    4.761480] rtw_8821cs mmc3:0001:1: sdio read32 failed (0x11708): -110',
	'[    4.763024] rtw_8821cs mmc3:0001:1: sdio write32 failed (0x11330): -110',
	'[    4.764426] rtw_8821cs mmc3:0001:1: sdio read32 failed (0x1022c): -110',
	'[    4.765845] rtw_8821cs mmc3:0001:1: sdio write32 failed (0x1022c): -110',
	'[    4.768086] rtw_8821cs mmc3:0001:1: sdio read32 failed (0x20): -110',
	'[    4.769727] rtw_8821cs mmc3:0001:1: sdio read32 failed (0x11208): -110',
	'[    4.770996] rtw_8821cs mmc3:0001:1: sdio write32 failed (0x11208): -110',
	'[    4.772455] rtw_8821cs mmc3:0001:1: sdio read32 failed (0x20): -110',
	'[    4.773740] rtw_8821cs mmc3:0001:1: sdio read32 failed (0x24): -110',
	'[    4.775027] rtw_8821cs mmc3:0001:1: sdio read32 failed (0x28): -110',
	'[    4.776299] rtw_8821cs mmc3:0001:1: Failed to write 4608 byte(s) to SDIO port 0x0000840c',
	'[    4.778221] rtw_8821cs mmc3:0001:1: failed to write data to rsvd page',
	'[    4.779578] rtw_8821cs mmc3:0001:1: failed to download rsvd page',
	'[    4.780885] rtw_8821cs mmc3:0001:1: failed to download firmware',
	'[    4.782172] rtw_8821cs mmc3:0001:1: failed to setup chip efuse info',
	'[    4.783347] rtw_8821cs mmc3:0001:1: failed to setup chip information',
	'[    4.785688] rtw_8821cs: probe of mmc3:0001:1 failed with error -110'
];

const silent = async (lines: string[]) => {
	const r = await analyzeLines(lines);
	return { r, f: r.findings.find((f) => f.rule === 'network.wifi-chip-not-answering')! };
};

describe('an SDIO Wi-Fi chip that does not answer', () => {
	it('is one occurrence for one burst of failed register accesses, with its lines as evidence', async () => {
		const { r, f } = await silent(RTW_SILENT);
		expect([f.count, f.severity, f.evidence.length]).toEqual([1, 'medium', 18]);
		expect(r.summary.headline).toBe(
			'Problems were found. Most important: Wi-Fi chip on the SDIO bus does not answer (rtw_8821cs).'
		);
		// still the cause of the probe failure after it
		expect(r.cascades.map((c) => c.description)).toEqual([
			'Wi-Fi chip on the SDIO bus does not answer (rtw_8821cs) → Driver rtw_8821cs could not start its device: no answer'
		]);
	});

	it('counts each boot it happens in', async () => {
		const { f } = await silent([
			...RTW_SILENT,
			'[    0.000000] Linux version 6.1.0 (builder@host1) (gcc 12.2.0) #1 SMP PREEMPT',
			...RTW_SILENT
		]);
		expect([f.count, f.boots]).toEqual([2, [0, 1]]);
	});
});
