/**
 * A Qualcomm phone's serial capture that starts with its bootloaders' output: SBL1's boot log
 * (`Format: Log Type - Time(microsec) - Message`), then LK (`[0] welcome to lk`) up to its
 * hand-over `[3640] booting linux @ …`, then the kernel. An excerpt of the corpus's
 * bacon-pmos-mainline-dev-logs-dmesg.log (julian-goldsmith/bacon-pmOS-mainline-dev, `logs/dmesg`,
 * GPL-3.0; the banner's builder replaced by an invented one).
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from './helpers.ts';

const BOOTLOADERS = [
	'Format: Log Type - Time(microsec) - Message',
	'Log type: B - since boot(excluding boot rom).  D - delta',
	'B -     83204 - SBL1, Start',
	'B -     88480 - scatterload_region && ram_init, Start',
	'D -         0 - scatterload_region && ram_init, Delta',
	'B -    470225 - RPM sync cookie updated',
	'B -    475525 - SBL1, End',
	'Android Bootloader - UART_DM Initialized!!!',
	'[0] welcome to lk',
	'',
	'[3640] Turn off MIPI_CMD_PANEL.',
	'[3640] Continuous splash enabled, keeping panel alive.',
	'[3640] booting linux @ 0x8000, ramdisk @ 0x2000000 (1262421), tags/device tree @ 0x1e00000'
];
const KERNEL = [
	'[    0.000000] Booting Linux on physical CPU 0x0',
	'[    0.000000] Linux version 4.15.0-rc2-00001-gc7b552b817e6 (builder@host1) (gcc version 7.2.0 (Arch Repository)) #18 SMP PREEMPT Thu Jan 4 03:23:04 EST 2018',
	'[    0.000000] CPU: ARMv7 Processor [512f06f1] revision 1 (ARMv7), cr=10c5787d'
];

describe('a Qualcomm boot log at the start of a serial capture', () => {
	it('is bootloader output up to LK’s hand-over, and the boot starts at the kernel', () => {
		const run = ingestText([...BOOTLOADERS, ...KERNEL].join('\n') + '\n');
		const input = run.summary.input;
		// its 12 lines had been bare kernel lines, and the boot had started at line 1
		expect(input.unparsed_reasons).toEqual({ 'bootloader output': 12 });
		expect(input.skipped_reasons).toEqual({ 'blank line': 1 });
		expect(input.formats).toEqual({ dmesg: 3 });
		expect(
			run.summary.metadata.boots.map((b) => `${b.reason}@${b.first_line}-${b.last_line}`)
		).toEqual(['start@14-16']);
		expect(run.records.filter((r) => r.kind === 'kernel').map((r) => r.line)).toEqual([14, 15, 16]);
	});

	it('only at the input’s start: after a kernel line the header is the text it was', () => {
		const run = ingestText([...KERNEL, BOOTLOADERS[0], BOOTLOADERS[2]].join('\n') + '\n');
		expect(run.summary.input.unparsed_reasons).toEqual({
			'no kernel prefix in a log whose other lines have one': 2
		});
	});
});
