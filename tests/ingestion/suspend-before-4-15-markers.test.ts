/**
 * Kernels before 4.15 print no `PM: suspend entry` / `PM: suspend exit`: a suspend starts with
 * `PM: Syncing filesystems ... done.` and ends with `PM: Finishing wakeup.` (the tracker's
 * suspendMarker). The kernel's clock stops while suspended, so a wall time after the resume
 * cannot come from the boot's RTC line: the findings after it had been dated as if the machine
 * never slept. Lines are a real laptop's dmesg (m11x-hwinfo-m11x-dmesg-log.log in the real
 * corpus, lines 539, 1313, 1317, 1340, 1347, 1355, 1371, 1380-1382).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { ingestText } from './helpers.ts';

const RTC =
	'[    1.011102] rtc_cmos 00:02: setting system clock to 2015-08-13 14:49:05 UTC (1439477345)';
const SUSPEND = [
	'[ 2663.668355] PM: Syncing filesystems ... done.',
	'[ 2664.629096] PM: Entering mem sleep',
	'[ 2667.468578] ACPI: Low-level resume complete',
	'[ 2667.483882] ACPI: Waking up from system sleep state S3',
	'[ 2667.504181] usb usb2: root hub lost power or was reset',
	'[ 2667.864126] usb 1-2: reset high-speed USB device number 2 using ehci-pci',
	'[ 2668.151761] PM: resume of devices complete after 649.415 msecs',
	'[ 2668.156574] PM: Finishing wakeup.',
	'[ 2668.156577] Restarting tasks ... '
];

describe('a suspend of a kernel before 4.15', () => {
	it('ends the RTC’s segment where it starts', () => {
		const cal = ingestText([RTC, ...SUSPEND].join('\n') + '\n').summary.metadata.calibration;
		expect(cal.map((c) => [c.offset_ms, c.source])).toEqual([
			[1439477345000 - 1011 + 500, 'anchors from rtc; segment 0 from boot to 2663.668 s (suspend)']
		]);
	});

	it('leaves the findings after the resume without a wall time', async () => {
		const r = await analyzeText([RTC, ...SUSPEND].join('\n') + '\n');
		const after = r.findings.flatMap((f) => f.occurrences).filter((o) => o.first_line > 2);
		expect(after.length).toBeGreaterThan(0);
		expect(after.map((o) => o.wall)).toEqual(after.map(() => null));
		// a line before the suspend keeps the RTC's time
		const before = await analyzeText(
			[RTC, '[   10.000000] usb usb2: root hub lost power or was reset'].join('\n') + '\n'
		);
		expect(before.findings.flatMap((f) => f.occurrences).map((o) => o.wall)).toEqual([
			'2015-08-13T14:49:14.489Z'
		]);
	});
});
