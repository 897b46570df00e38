/**
 * Findings of a QA reading of the real-log corpus (../shared/corpus/real) as a kernel developer
 * would judge them, with verbatim excerpts: jetsontx2-samsung-dmesg-samsung-log.log (the Tegra
 * USB controller's firmware reported missing although a retry loaded it).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('firmware loaded at a second try', () => {
	// jetsontx2-samsung-dmesg-samsung-log.log lines 703, 705, 799 and 832 (L4T 4.4.38)
	const LINES = [
		'[    6.216944] xhci-tegra 3530000.xhci: Direct firmware load for tegra18x_xusb_firmware failed with error -2',
		'[    6.234750] xhci-tegra 3530000.xhci: Falling back to user helper',
		'[    7.420595] xhci-tegra 3530000.xhci: cannot find firmware....retry after 1 second',
		'[    8.430555] xhci-tegra 3530000.xhci: Firmware timestamp: 2017-03-31 06:21:56 UTC, Version: 55.07 release'
	];

	it('is an info finding with both lines when the controller then prints its firmware', async () => {
		const f = await findingsOf(LINES);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['firmware.load-failed', 'Firmware tegra18x_xusb_firmware loaded at a second try', 'info']
		]);
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 4]);
		expect(f[0].details).toMatchObject({ driver: 'xhci-tegra', device: '3530000.xhci' });
	});

	it('stays a missing firmware when the controller never starts', async () => {
		const f = await findingsOf(LINES.slice(0, 3));
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['Firmware tegra18x_xusb_firmware could not be loaded', 'low']
		]);
	});

	it('does not take another controller’s firmware line', async () => {
		const f = await findingsOf([
			LINES[0],
			'[    8.430555] xhci-tegra 3610000.xhci: Firmware timestamp: 2017-03-31 06:21:56 UTC, Version: 55.07 release'
		]);
		expect(f.map((x) => x.severity)).toEqual(['low']);
	});
});
