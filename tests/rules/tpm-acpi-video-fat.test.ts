/**
 * Findings of a QA reading of whole-machine x86 logs of the real-log corpus, with verbatim
 * excerpts: ideapad320-15ikb-defconf-genkernel-dmesg.log (a TPM firmware notice the driver works
 * around, reported as a low firmware bug), m11x-hwinfo-i1545-dmesg-log.log (a duplicate ACPI
 * video bus device, ignored by the video driver, reported as a low firmware bug).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('tpm_crb notice about the ACPI memory layout', () => {
	// ideapad320-15ikb-defconf-genkernel-dmesg.log lines 612-614 (LENOVO 80XL, kernel 5.15.75)
	const LINES = [
		'[    0.578084] Serial: 8250/16550 driver, 32 ports, IRQ sharing enabled',
		'[    0.580567] Linux agpgart interface v0.103',
		'[    0.580810] tpm_crb MSFT0101:00: [Firmware Bug]: Bad ACPI memory layout'
	];

	it('is an info finding of its own, not a low firmware bug', async () => {
		const f = await findingsOf(LINES);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'firmware.tpm-crb-acpi-layout',
				'TPM’s ACPI description lays out its registers unusually: worked around',
				'info'
			]
		]);
		expect(f[0].details).toMatchObject({ device: 'MSFT0101:00' });
		expect(f[0].explanation.next_steps.join(' ')).toContain('/sys/class/tpm/');
	});

	it('leaves other TPM firmware bugs to the generic rule', async () => {
		const f = await findingsOf([
			'[    1.234567] tpm_crb MSFT0101:00: [Firmware Bug]: ACPI region does not cover the entire command/response buffer. [mem 0xfed40000-0xfed4087f flags 0x200] vs fed40080 f80'
		]);
		expect(f.map((x) => [x.rule, x.severity])).toEqual([['firmware.firmware-bug', 'low']]);
	});
});

describe('duplicate ACPI video bus device', () => {
	// m11x-hwinfo-i1545-dmesg-log.log lines 898-900 (Dell Inspiron 1545, kernel 3.16)
	const LINES = [
		'[    1.405848] ACPI: Video Device [VID1] (multi-head: yes  rom: no  post: no)',
		'[    1.406784] input: Video Bus as /devices/LNXSYSTM:00/LNXSYBUS:00/PNP0A03:00/LNXVIDEO:01/input/input8',
		'[    1.407258] [Firmware Bug]: Duplicate ACPI video bus devices for the same VGA controller, please try module parameter "video.allow_duplicates=1"if the current driver doesn\'t work.'
	];

	it('is an info finding with the kernel’s own advice, not a low firmware bug', async () => {
		const f = await findingsOf(LINES);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'firmware.acpi-video-duplicate',
				'Duplicate ACPI video bus device of the graphics controller ignored',
				'info'
			]
		]);
		expect(f[0].explanation.next_steps.join(' ')).toContain('video.allow_duplicates=1');
		expect(f[0].evidence.map((e) => e.line)).toEqual([3]);
	});
});

describe('FAT volume not properly unmounted', () => {
	// ideapad320-15ikb-defconf-genkernel-dmesg.log lines 880-881 (sda4, a FAT volume next to ext4 and ntfs3 ones)
	const LINES = [
		'[    8.885234] Adding 8388604k swap on /dev/sdb1.  Priority:-2 extents:1 across:8388604k FS',
		'[    8.962941] FAT-fs (sda4): Volume was not properly unmounted. Some data may be corrupt. Please run fsck.'
	];

	it('gives FAT advice (fsck.fat), not the ext4 steps', async () => {
		const f = await findingsOf(LINES);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['filesystem.fsck-needed', 'FAT volume sda4 was not properly unmounted', 'low']
		]);
		const steps = f[0].explanation.next_steps.join(' ');
		expect(steps).toContain('fsck.fat');
		expect(steps).not.toContain('e2fsck');
		expect(steps).not.toContain('dumpe2fs');
		expect(f[0].explanation.references.join(' ')).not.toContain('ext4');
	});

	it('keeps the ext4 steps for ext4', async () => {
		// the rule's own example line
		const f = await findingsOf([
			'[    5.000000] EXT4-fs (sda1): warning: mounting unchecked fs, running e2fsck is recommended'
		]);
		expect(f[0].explanation.next_steps.join(' ')).toContain('e2fsck');
	});
});
