/**
 * Findings whose title or explanation a sixth QA reading of the real-log corpus
 * (shared/corpus/real) found unclear or misleading for the log it was about, with short verbatim
 * excerpts: ms912x-dmesg-log.log and intel-audio-dmesg-log.log (an ACPI thermal zone whose
 * critical temperature is 0), orion-o6-dmesg-out.log (ACPI devices enabled but not present).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('ACPI thermal zone with an invalid critical temperature', () => {
	// ms912x-dmesg-log.log lines 774-777 (kernel 6.15, Intel laptop)
	const lines = [
		'[    0.484740] ACPI: button: Power Button [PWRF]',
		'[    0.488695] ACPI: thermal: [Firmware Bug]: Invalid critical threshold (-274000)',
		'[    0.490106] thermal LNXTHERM:00: registered as thermal_zone0',
		'[    0.490107] ACPI: thermal: Thermal Zone [TZ01] (35 C)'
	];

	it('says the zone stays in use without its critical temperature, not that microcode is missing', async () => {
		const f = await findingsOf(lines);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'firmware.thermal-critical-invalid',
				'ACPI thermal zone with an invalid critical temperature: ignored',
				'info'
			]
		]);
		expect(f[0].details.critical_threshold).toBe(-274000);
		expect(f[0].explanation.meaning).toMatch(/still used with its other trip points/);
		expect(f[0].explanation.next_steps.join(' ')).not.toMatch(/microcode/);
	});

	it('takes the older wording with the raw value', async () => {
		// intel-audio-dmesg-log.log lines 178-179
		const f = await findingsOf([
			'[    1.051144] ACPI: thermal: Thermal Zone [TZ01] (40 C)',
			'[    1.051265] ACPI: thermal: [Firmware Bug]: Invalid critical threshold (0)'
		]);
		expect(f.map((x) => [x.rule, x.details.critical_threshold])).toEqual([
			['firmware.thermal-critical-invalid', 0]
		]);
	});
});

describe('ACPI devices enabled but not present', () => {
	// orion-o6-dmesg-out.log lines 277-280 and 388-391 (Radxa Orion O6, kernel 6.12; 16 such lines)
	const lines = [
		'[    0.263625] ACPI: [Firmware Bug]: Device [CRE0] status [0000000e]: not present and enabled',
		'[    0.263630] ACPI: [Firmware Bug]: Device [CRE1] status [0000000e]: not present and enabled',
		'[    0.263634] ACPI: [Firmware Bug]: Device [CRE2] status [0000000e]: not present and enabled',
		'[    0.263638] ACPI: [Firmware Bug]: Device [CRE3] status [0000000e]: not present and enabled',
		'[    0.320875] acpi CIXH2020:04: platform device creation failed: -16',
		'[    0.321091] ACPI: [Firmware Bug]: Device [CRE0] status [0000000e]: not present and enabled',
		'[    0.321101] ACPI: [Firmware Bug]: Device [CRE1] status [0000000e]: not present and enabled',
		'[    0.321110] ACPI: [Firmware Bug]: Device [CRE2] status [0000000e]: not present and enabled',
		'[    0.321118] ACPI: [Firmware Bug]: Device [CRE3] status [0000000e]: not present and enabled'
	];

	it('is one finding naming the devices, not a title with blanked names', async () => {
		const f = await findingsOf(lines);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'firmware.acpi-device-not-present',
				'ACPI devices marked enabled but not present: treated as absent',
				'info',
				8
			]
		]);
		expect(f[0].details.devices).toEqual(['CRE0', 'CRE1', 'CRE2', 'CRE3']);
		expect(f[0].explanation.meaning).toMatch(/takes them as absent/);
		expect(f[0].explanation.next_steps.join(' ')).not.toMatch(/microcode/);
	});
});
