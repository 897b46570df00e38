/**
 * Findings whose title or explanation a fifth QA reading of the real-log corpus
 * (shared/corpus/real), mostly ARM boards and small machines, found misleading for the log it was
 * about, with short verbatim excerpts: linux-surface-pro-7-dump-lastbootlog-txt.log (ACPI
 * thermal zones without trip points), bananapi-dmesg-log.log and pikernel-dmesg.log (modules
 * built for another kernel).
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

describe('modules built for another kernel', () => {
	// bananapi-dmesg-log.log lines 1-4 (gasket, the Coral Edge TPU driver, built by DKMS)
	it('names mismatched headers and counts lines, not load attempts', async () => {
		const f = await findingsOf([
			'[ 1289.155781] gasket: disagrees about version of symbol dev_warn',
			'[ 1289.155801] gasket: Unknown symbol dev_warn (err -22)',
			'[ 1289.155920] gasket: disagrees about version of symbol get_device',
			'[ 1289.155931] gasket: Unknown symbol get_device (err -22)'
		]);
		expect(f.map((x) => [x.rule, x.title, x.count])).toEqual([
			['other.module-load-failed', 'Module gasket could not be loaded', 4]
		]);
		expect(f[0].explanation.meaning).toMatch(/not of attempts to load the module/);
		expect(f[0].explanation.causes.map((c) => c.text).join(' ')).toMatch(
			/headers that do not match the running kernel/
		);
		expect(f[0].explanation.next_steps.join(' ')).toMatch(/linux-headers-\$\(uname -r\)/);
	});

	// pikernel-dmesg.log lines 240-241 (Raspberry Pi, self-built 3.6.11+ kernel)
	it('explains module_layout for modules that come with the kernel', async () => {
		const f = await findingsOf([
			'[    5.453809] led_class: disagrees about version of symbol module_layout',
			'[    5.702307] crc_ccitt: disagrees about version of symbol module_layout'
		]);
		expect(f.map((x) => x.title)).toEqual([
			'Module led_class could not be loaded',
			'Module crc_ccitt could not be loaded'
		]);
		expect(f[0].explanation.causes.map((c) => c.text).join(' ')).toMatch(
			/module_layout.*another build of a kernel with the same version/
		);
		expect(f[0].explanation.next_steps.join(' ')).toMatch(/modules_install/);
	});
});
