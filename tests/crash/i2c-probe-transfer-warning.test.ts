/**
 * An I2C controller driver's WARN() on a transfer that failed while a device driver probed its chip
 * is a notice (info) beside that driver's probe failure, not a medium kernel warning that leads the
 * report; the bus's own `I2c error status` lines stay silent, the probe failure reporting them.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../support/analyze.ts';
import { TF201_PROBE } from '../support/excerpts.ts';

describe('a WARN of the I2C controller driver during a device probe', () => {
	it('is an info notice; the probe failure leads the report (had been crash.warning, medium, the lead)', async () => {
		const r = await analyzeLines(TF201_PROBE);
		expect(r.findings.map((f) => [f.rule, f.severity, f.title])).toEqual([
			[
				'hardware.driver-probe-failed',
				'low',
				'Driver pca953x could not start its device: no answer'
			],
			['crash.i2c-probe-transfer', 'info', 'WARNING in tegra_i2c_xfer']
		]);
		expect(r.summary.primary_finding).toBe(r.findings[0].id);
		expect(r.summary.verdict).toBe('minor-issues');
		const e = r.findings[1].explanation;
		expect(e.meaning).toMatch(/^Not a kernel bug: an I2C transfer failed/);
		expect(e.next_steps.join(' ')).not.toMatch(/decode_stacktrace|syzbot|lore\.kernel\.org/);
	});

	it('stays a kernel warning when no device probe made the transfer', async () => {
		// the same WARN from a transfer user space asked for through /dev/i2c (made up from the above)
		const lines = TF201_PROBE.slice(5, 13).concat(
			'<4>[    7.544468] [<c02fc164>] (tegra_i2c_xfer+0x37c/0x3e0) from [<c02f9d84>] (i2c_transfer+0xbc/0x170)',
			'<4>[    7.544618] [<c02f9d84>] (i2c_transfer+0xbc/0x170) from [<c02fa190>] (i2cdev_ioctl_rdrw+0x2bc/0x52c)',
			'<4>[    7.547763] ---[ end trace 1b75b31a2719ed1c ]---'
		);
		const r = await analyzeLines(lines);
		expect(
			r.findings.filter((f) => f.category === 'crash').map((f) => [f.rule, f.severity])
		).toEqual([['crash.warning', 'medium']]);
	});
});
