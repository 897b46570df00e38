/**
 * An I2C controller's WARN() during a device probe (crash.i2c-probe-transfer) is linked to the
 * probe failure that follows it: the trace names the probe function (`pca953x_probe` under
 * `i2c_device_probe`), the failure names the driver, and it comes right after the trace.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../support/analyze.ts';
import { TF201_PROBE } from '../support/excerpts.ts';

describe('the I2C controller’s WARN and the probe failure after it', () => {
	it('are one chain: the WARN, then the driver’s failed probe (had been two unrelated findings)', async () => {
		const r = await analyzeLines(TF201_PROBE);
		const [probe, warn] = r.findings;
		expect([probe.rule, warn.rule]).toEqual([
			'hardware.driver-probe-failed',
			'crash.i2c-probe-transfer'
		]);
		expect(r.cascades.map((c) => [c.chain, c.description])).toEqual([
			[
				[warn.id, probe.id],
				'WARNING in tegra_i2c_xfer → Driver pca953x could not start its device: no answer'
			]
		]);
		expect(probe.related).toEqual([warn.id]);
		// the lead stays the probe failure
		expect(r.summary.primary_finding).toBe(probe.id);
	});

	it('is not linked to another driver’s probe failure after it', async () => {
		const lines = [
			...TF201_PROBE.slice(0, -3),
			'<4>[    7.549150] max77663: probe of 2-0020 failed with error -110\r'
		];
		const r = await analyzeLines(lines);
		expect(r.cascades).toEqual([]);
	});

	it('is not linked to a failure of the same driver long after it', async () => {
		const lines = [
			...TF201_PROBE.slice(5, -3),
			'<4>[    9.549150] pca953x: probe of 2-0020 failed with error -110\r'
		];
		const r = await analyzeLines(lines);
		expect(r.findings.map((f) => f.rule)).toContain('hardware.driver-probe-failed');
		expect(r.cascades).toEqual([]);
	});
});
