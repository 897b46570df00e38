/**
 * Findings of a QA reading of the real-log corpus (../shared/corpus/real) as a kernel developer
 * would judge them, with verbatim excerpts: jetsontx2-samsung-dmesg-samsung-log.log (the Tegra
 * USB controller’s firmware reported missing although a retry loaded it),
 * logcat-reports-panel-dark-dmesg-txt.log (a NOHZ softirq warning printed as CPUs went offline
 * for suspend).
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

describe('NOHZ softirq warning while CPUs go offline for suspend', () => {
	// logcat-reports-panel-dark-dmesg-txt.log lines 392-394 (MSM8992 phone, kernel 3.10)
	const LINES = [
		'[ 6982.493140] <4>[ 6982.493140 / 02-10 03:52:26.945][0] Disabling non-boot CPUs ...',
		'[ 6982.495227] <4>[ 6982.495227 / 02-10 03:52:26.949][1] NOHZ: local_softirq_pending 02',
		'[ 6982.499707] <5>[ 6982.499707 / 02-10 03:52:26.953][3] CPU1: shutdown'
	];

	it('is info when the kernel has just begun taking CPUs offline', async () => {
		const f = await findingsOf(LINES);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'other.nohz-softirq-pending',
				'CPU went idle with softirq work pending while CPUs were taken offline',
				'info'
			]
		]);
		expect(f[0].details).toMatchObject({
			softirq_mask: '0x02',
			during: 'CPUs taken offline (suspend)'
		});
	});

	it('stays low without it', async () => {
		const f = await findingsOf([LINES[1]]);
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['CPU went idle with softirq work pending (NOHZ tick-stop error)', 'low']
		]);
	});
});
