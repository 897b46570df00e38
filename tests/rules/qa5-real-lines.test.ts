/**
 * Findings whose title or explanation a fifth QA reading of the real-log corpus
 * (shared/corpus/real), mostly ARM boards and small machines, found misleading for the log it was
 * about, with short verbatim excerpts: linux-surface-pro-7-dump-lastbootlog-txt.log (ACPI
 * thermal zones without trip points).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('ACPI thermal zone without trip points', () => {
	// linux-surface-pro-7-dump-lastbootlog-txt.log lines 522-524 (Surface Pro 7, kernel 5.3; 9 such lines)
	const lines = [
		'Oct 31 20:09:54 BlackLightSpeed kernel: Monitor-Mwait will be used to enter C-3 state',
		'Oct 31 20:09:54 BlackLightSpeed kernel: [Firmware Bug]: No valid trip found',
		'Oct 31 20:09:54 BlackLightSpeed kernel: [Firmware Bug]: No valid trip found'
	];

	it('says which zone is not used, not that microcode or the BIOS needs an update', async () => {
		const f = await findingsOf(lines);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'firmware.thermal-zone-no-trip',
				'ACPI thermal zone without valid trip points not used',
				'low',
				2
			]
		]);
		expect(f[0].explanation.meaning).toMatch(/does not register it/);
		expect(f[0].explanation.meaning).toMatch(/usually harmless/);
		expect(f[0].explanation.next_steps.join(' ')).not.toMatch(/microcode/);
	});

	it('leaves other firmware bugs to the generic rule', async () => {
		const f = await findingsOf([
			'[    0.000000] [Firmware Bug]: TSC_DEADLINE disabled due to Errata; please update microcode to version: 0x3a (or later)'
		]);
		expect(f.map((x) => x.rule)).toEqual(['firmware.firmware-bug']);
	});
});
