/**
 * A serial capture that starts after U-Boot's banner: U-Boot's own lines (its EFI loader's disk
 * scan, `DRAM:`, `MMC:`, the autoboot prompt, `## Loading kernel from FIT Image`, `Starting kernel
 * ...`) before the kernel's first line are bootloader output, as from its banner (UBOOT_LINE,
 * LineClassifier.uboot). fixtures/formats/real/debian-clearfog-gt-8k-dmesg-excerpt.log is lines
 * 1-40 of a ClearFog GT 8K's capture (jimdigriz/debian-clearfog-gt-8k, `dmesg`, the corpus's
 * debian-clearfog-gt-8k-dmesg.log): 8 lines of U-Boot's `bootefi`, 4 of the kernel's EFI stub,
 * then the kernel's dmesg.
 */
import { describe, expect, it } from 'vitest';
import { boots, fixtureLines, ingestText } from './helpers.ts';

const CAPTURE = fixtureLines('real/debian-clearfog-gt-8k-dmesg-excerpt.log', 1, 40);
const BOOTLOADER = 'bootloader output';
const KERNEL = [
	'[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd081]',
	'[    0.000000] Linux version 5.8.0-0.bpo.2-arm64 (builder@host1) (gcc-8 (Debian 8.3.0-6) 8.3.0) #1 SMP Debian 5.8.10-1~bpo10+1 (2020-09-26)'
];

function run(lines: string[]) {
	return ingestText(lines.join('\n') + '\n');
}

describe('U-Boot’s own lines at the start of a capture, without its banner', () => {
	it('are bootloader output; the EFI stub’s lines stay the kernel’s, and the boot starts there', () => {
		const r = run(CAPTURE);
		const input = r.summary.input;
		// the 8 lines had been bare kernel lines, and the boot had started at line 1
		expect(input.unparsed_reasons).toEqual({ [BOOTLOADER]: 8 });
		expect(input.formats).toEqual({ bare: 4, dmesg: 28 });
		expect(boots(r)).toEqual(['start@9-40']);
		expect(r.records.filter((x) => x.kind === 'kernel')[0].text).toBe(
			'EFI stub: Booting Linux Kernel...'
		);
	});

	it('from a U-Boot board init, autoboot and FIT image to `Starting kernel ...`', () => {
		const uboot = [
			'DRAM:  2 GiB',
			'Core:  96 devices, 22 uclasses, devicetree: separate',
			'MMC:   mmc@fe2b0000: 1, mmc@fe2c0000: 2, mmc@fe310000: 0',
			'Loading Environment from MMC... *** Warning - bad CRC, using default environment',
			'',
			'In:    serial@fe660000',
			'Out:   serial@fe660000',
			'Err:   serial@fe660000',
			'Model: Radxa ROCK 3 Model A',
			'Net:   eth0: ethernet@fe010000',
			'Hit any key to stop autoboot:  0 ',
			'switch to partitions #0, OK',
			'mmc0 is current device',
			'Scanning mmc 0:1...',
			'Found U-Boot script /boot.scr',
			'5142 bytes read in 4 ms (1.2 MiB/s)',
			'## Executing script at 00c00000',
			'## Loading kernel from FIT Image at 02080000 ...',
			"   Using 'conf-1' configuration",
			'   Verifying Hash Integrity ... OK',
			'Starting kernel ...',
			''
		];
		const r = run([...uboot, ...KERNEL]);
		expect(r.summary.input.unparsed_reasons).toEqual({ [BOOTLOADER]: 20 });
		expect(r.summary.input.skipped_reasons).toEqual({ 'blank line': 2 });
		expect(boots(r)).toEqual([`start@${uboot.length + 1}-${uboot.length + 2}`]);
	});

	it('after the input’s first 16 lines too, before the kernel’s first prefixed line', () => {
		const text = Array.from({ length: 20 }, (_, k) => `usb 1-1: note ${k}`);
		const r = run([...text, 'DRAM:  1 GiB', 'Hit any key to stop autoboot:  0', ...KERNEL]);
		// the unprefixed lines before it stay what they were
		expect(r.summary.input.formats).toEqual({ bare: 20, dmesg: 2 });
		expect(r.summary.input.unparsed_reasons).toEqual({ [BOOTLOADER]: 2 });
	});

	it('leaves the lines held before it as they were (no boot ROM before U-Boot’s own lines)', () => {
		const r = run([
			'usb 1-1: note',
			'eth0: link up',
			'DRAM:  1 GiB',
			'Starting kernel ...',
			...KERNEL
		]);
		expect(r.summary.input.formats).toEqual({ bare: 2, dmesg: 2 });
		expect(r.summary.input.unparsed_reasons).toEqual({ [BOOTLOADER]: 2 });
		// U-Boot's `Starting kernel ...` hands over to the kernel of the same boot
		expect(boots(r)).toEqual(['start@1-6']);
		// its banner makes them a boot ROM's
		const rom = run([
			'sys: 0x200',
			'try sd...',
			'U-Boot 2022.10 (Mar 11 2025 - 22:24:18 +0800)',
			'DRAM:  1 GiB',
			'Starting kernel ...',
			...KERNEL
		]);
		expect(rom.summary.input.unparsed_reasons).toEqual({ [BOOTLOADER]: 5 });
	});

	it('ends at the kernel’s first prefixed line, even without a hand-over', () => {
		const r = run(['Found 3 disks', 'No EFI system partition', 'mystery line', ...KERNEL.slice(1)]);
		expect(r.summary.input.unparsed_reasons).toEqual({ [BOOTLOADER]: 3 });
		expect(r.summary.input.formats).toEqual({ dmesg: 1 });
	});

	it('does not eat kernel lines that share words, nor start after the kernel’s first prefixed line', () => {
		// the kernel's own lines with U-Boot's words: not U-Boot's shapes
		const kernelish = [
			'mmc0: new high speed SDHC card at address aaaa',
			'Booting Linux on physical CPU 0x0',
			'Hit the key',
			'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 5.8.0 #1',
			'Starting kernel thread',
			'DRAM: ECC enabled'
		];
		expect(run(kernelish).summary.input.formats).toEqual({ bare: kernelish.length });
		// after a prefixed kernel line, a line of U-Boot's shape is text in a prefixed log
		const after = run([...KERNEL, 'DRAM:  2 GiB', '[    0.000001] x']);
		expect(after.summary.input.unparsed_reasons).toEqual({
			'no kernel prefix in a log whose other lines have one': 1
		});
		expect(boots(after)).toEqual(['start@1-4']);
	});
});
