/**
 * An I2C controller's WARN() during a device probe (crash.i2c-probe-transfer) is linked to the
 * probe failure that follows it: the trace names the probe function (`pca953x_probe` under
 * `i2c_device_probe`), the failure names the driver, and it comes right after the trace.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../support/analyze.ts';

// tf201log-dmesg-txt.log lines 134-172 (ASUS TF201, vendor 2.6.36 kernel): pca953x probed at two
// addresses no chip answers on, the second time through a WARN on the transfer timeout
const TF201_PROBE = [
	'<4>[    6.544292] tegra-i2c tegra-i2c.4: I2c error status 0x00000008\r',
	'<4>[    6.544436] tegra-i2c tegra-i2c.4: no acknowledge from address 0x20\r',
	'<4>[    6.544579] tegra-i2c tegra-i2c.4: Packet status 0x00010009\r',
	'<3>[    6.545687] pca953x 4-0020: failed reading register\r',
	'<4>[    6.545772] pca953x: probe of 4-0020 failed with error -121\r',
	'<4>[    7.543653] ------------[ cut here ]------------\r',
	'<4>[    7.543755] WARNING: at /home/android/Project/AutoSync/Honeycomb-mr2-t30-r3/kernel/drivers/i2c/busses/i2c-tegra.c:623 tegra_i2c_xfer+0x37c/0x3e0()\r',
	'<4>[    7.543961] Modules linked in:\r',
	'<4>[    7.544137] [<c00409d8>] (unwind_backtrace+0x0/0xfc) from [<c008eb00>] (warn_slowpath_common+0x4c/0x64)\r',
	'<4>[    7.544289] [<c008eb00>] (warn_slowpath_common+0x4c/0x64) from [<c008eb34>] (warn_slowpath_null+0x1c/0x24)\r',
	'<4>[    7.544378] [<c008eb34>] (warn_slowpath_null+0x1c/0x24) from [<c02fc164>] (tegra_i2c_xfer+0x37c/0x3e0)\r',
	'<4>[    7.544468] [<c02fc164>] (tegra_i2c_xfer+0x37c/0x3e0) from [<c02f9d84>] (i2c_transfer+0xbc/0x170)\r',
	'<4>[    7.544618] [<c02f9d84>] (i2c_transfer+0xbc/0x170) from [<c02fa190>] (i2c_smbus_xfer+0x2bc/0x52c)\r',
	'<4>[    7.544769] [<c02fa190>] (i2c_smbus_xfer+0x2bc/0x52c) from [<c02fa63c>] (i2c_smbus_read_word_data+0x34/0x44)\r',
	'<4>[    7.544926] [<c02fa63c>] (i2c_smbus_read_word_data+0x34/0x44) from [<c0208398>] (pca953x_read_reg+0x50/0x70)\r',
	'<4>[    7.545081] [<c0208398>] (pca953x_read_reg+0x50/0x70) from [<c04a6cd0>] (pca953x_probe+0xb0/0x19c)\r',
	'<4>[    7.545168] [<c04a6cd0>] (pca953x_probe+0xb0/0x19c) from [<c02f8ca8>] (i2c_device_probe+0xbc/0xe4)\r',
	'<4>[    7.545327] [<c02f8ca8>] (i2c_device_probe+0xbc/0xe4) from [<c0252efc>] (driver_probe_device+0x98/0x1a8)\r',
	'<4>[    7.545477] [<c0252efc>] (driver_probe_device+0x98/0x1a8) from [<c0252468>] (bus_for_each_drv+0x60/0x8c)\r',
	'<4>[    7.545625] [<c0252468>] (bus_for_each_drv+0x60/0x8c) from [<c0253170>] (device_attach+0x70/0x94)\r',
	'<4>[    7.545773] [<c0253170>] (device_attach+0x70/0x94) from [<c025227c>] (bus_probe_device+0x24/0x40)\r',
	'<4>[    7.545919] [<c025227c>] (bus_probe_device+0x24/0x40) from [<c0250cd8>] (device_add+0x32c/0x4e4)\r',
	'<4>[    7.546005] [<c0250cd8>] (device_add+0x32c/0x4e4) from [<c02f95b0>] (i2c_new_device+0x10c/0x144)\r',
	'<4>[    7.546155] [<c02f95b0>] (i2c_new_device+0x10c/0x144) from [<c02f997c>] (i2c_register_adapter+0x158/0x1f4)\r',
	'<4>[    7.546305] [<c02f997c>] (i2c_register_adapter+0x158/0x1f4) from [<c02f9ac8>] (i2c_add_numbered_adapter+0xb0/0xc8)\r',
	'<4>[    7.546455] [<c02f9ac8>] (i2c_add_numbered_adapter+0xb0/0xc8) from [<c02fc4e8>] (tegra_i2c_probe+0x320/0x4b8)\r',
	'<4>[    7.546608] [<c02fc4e8>] (tegra_i2c_probe+0x320/0x4b8) from [<c0253e74>] (platform_drv_probe+0x18/0x1c)\r',
	'<4>[    7.546758] [<c0253e74>] (platform_drv_probe+0x18/0x1c) from [<c0252efc>] (driver_probe_device+0x98/0x1a8)\r',
	'<4>[    7.546844] [<c0252efc>] (driver_probe_device+0x98/0x1a8) from [<c0253098>] (__driver_attach+0x8c/0x90)\r',
	'<4>[    7.546992] [<c0253098>] (__driver_attach+0x8c/0x90) from [<c0252738>] (bus_for_each_dev+0x60/0x8c)\r',
	'<4>[    7.547141] [<c0252738>] (bus_for_each_dev+0x60/0x8c) from [<c0252008>] (bus_add_driver+0xa0/0x234)\r',
	'<4>[    7.547289] [<c0252008>] (bus_add_driver+0xa0/0x234) from [<c0253348>] (driver_register+0x78/0x144)\r',
	'<4>[    7.547441] [<c0253348>] (driver_register+0x78/0x144) from [<c003a4f4>] (do_one_initcall+0x30/0x1a0)\r',
	'<4>[    7.547527] [<c003a4f4>] (do_one_initcall+0x30/0x1a0) from [<c00085a4>] (kernel_init+0x14c/0x210)\r',
	'<4>[    7.547612] [<c00085a4>] (kernel_init+0x14c/0x210) from [<c003bcf4>] (kernel_thread_exit+0x0/0x8)\r',
	'<4>[    7.547763] ---[ end trace 1b75b31a2719ed1c ]---\r',
	'<3>[    7.547842] tegra-i2c tegra-i2c.2: i2c transfer timed out, addr 0x0020, data 0x02\r',
	'<3>[    7.549003] pca953x 2-0020: failed reading register\r',
	'<4>[    7.549150] pca953x: probe of 2-0020 failed with error -110\r'
];

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
