/**
 * A bootloader's log in a last_kmsg (formats/bare.ts, UNPARSED_BOOTLOADER): a Samsung phone keeps
 * the Qualcomm XBL/ABL log after the kernel's. fixtures/formats/real/iamslightlywin-dump-last-kmsg.log
 * is lines 6850-8520 of the original: the end of a boot (`sec_log_store() reboot, shell` at line
 * 30), the bootloader's log (`{383293} ** XBL(719, restored from storage) **` at line 33, to line
 * 1645), then the next boot's kernel from line 1646.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { ingestBytes, ingestText, readFixture, type Run } from './helpers.ts';

const NAME = 'real/iamslightlywin-dump-last-kmsg.log';
const BOOTLOADER = 'bootloader output';

function ranges(run: Run): number[][] {
	return run.summary.metadata.boots.map((b) => [b.first_line, b.last_line]);
}

describe('a bootloader’s log between two boots (iamslightlywin last_kmsg)', () => {
	it('is in neither boot: the first ends at its restart line, the next starts at its kernel', async () => {
		const run = await ingestBytes(readFixture(NAME), 1 << 16);
		expect(ranges(run)).toEqual([
			[1, 30],
			[1646, 1671]
		]);
		expect(run.records.find((r) => r.line === 30)?.text).toContain('sec_log_store() reboot, shell');
	});

	it('is counted as unparsed bootloader output, every line of it but the blank ones', async () => {
		const run = await ingestBytes(readFixture(NAME), 1 << 16);
		const input = run.summary.input;
		const text = new TextDecoder().decode(readFixture(NAME));
		const lines = text.split('\n').slice(0, -1);
		const between = lines.slice(30, 1645);
		// some end in `\r` (removed by the line splitter)
		const blank = between.filter((l) => l === '' || l === '\r').length;
		expect(blank).toBe(11);
		expect(input.lines_total).toBe(1671);
		expect(input.unparsed_reasons).toEqual({ [BOOTLOADER]: between.length - blank });
		expect(input.skipped_reasons).toEqual({ 'blank line': blank });
		expect(input.formats).toEqual({ 'dmesg-raw': 30 + 26 });
	});

	it('at the end of the log (a restart from the shell, then the bootloader) is in no boot', async () => {
		const lines = new TextDecoder().decode(readFixture(NAME)).split('\n').slice(0, 200);
		const run = ingestText(lines.join('\n') + '\n');
		expect(ranges(run)).toEqual([[1, 30]]);
		// lines 31, 32, 34, 35, 81, 108, 110, 112 and 114 are blank
		expect(run.summary.input.unparsed_reasons[BOOTLOADER]).toBe(200 - 30 - 9);
	});

	it('starts only at a bootloader line of that shape, and only after a kernel line', () => {
		const kernel = '<6>[    1.000000] x';
		const other = 'Shutting Down UEFI Boot Services: 4064 ms';
		// before any kernel prefix, unprefixed lines are bare kernel lines (dmesg -t)
		expect(
			ingestText(`{383293} ** XBL(719, restored from storage) **\n${kernel}\n`).summary.input
				.unparsed_reasons
		).toEqual({});
		// unprefixed text without a bootloader line before it stays what it was
		expect(ingestText(`${kernel}\n${other}\n`).summary.input.unparsed_reasons).toEqual({
			'no kernel prefix in a log whose other lines have one': 1
		});
		expect(
			ingestText(`${kernel}\n{ 4017002 }[ ABL ] [USWWP] Success\n${other}\n${kernel}\n${other}\n`)
				.summary.input.unparsed_reasons
		).toEqual({ [BOOTLOADER]: 2, 'no kernel prefix in a log whose other lines have one': 1 });
	});

	it('is not analysed: its words are the bootloader’s, not the kernel’s', async () => {
		const kernel = '<6>[    1.000000] x';
		const log = [
			kernel,
			'{383293} ** XBL(719, restored from storage) **',
			'B - 1234 - Kernel panic - not syncing: fake',
			'Error: USB timeout, device failed',
			''
		].join('\n');
		const r = await analyzeText(log);
		expect(r.input.unparsed_reasons).toEqual({ [BOOTLOADER]: 3 });
		expect(r.findings).toEqual([]);
		expect(r.metadata.boots.map((b) => [b.first_line, b.last_line])).toEqual([[1, 1]]);
	});
});

describe('U-Boot’s output in a serial capture (orangepi-rv2-notes bootlog.txt)', () => {
	// orangepi-rv2-notes-bootlog-txt.log lines 1-10, 14-22 and 118-136: the boot ROM, U-Boot SPL
	// and U-Boot with their own [s.ms] times, the hand-over, then the kernel
	const ROM = ['sys: 0x200', 'try sd...', 'bm:3', 'j...', ''];
	const UBOOT = [
		'U-Boot SPL 2022.10ky (Mar 11 2025 - 22:24:18 +0800)',
		'[   0.114] DDR type LPDDR4X',
		'[   0.126] lpddr4_silicon_init consume 12ms',
		'[   0.127] Change DDR data rate to 2400MT/s',
		'spl: partition error',
		'[   0.859] ## Checking hash(es) for Image opensbi ... OK',
		'[   0.864] ## Checking hash(es) for Image uboot ... OK',
		'[   0.870] ## Checking hash(es) for Image fdt_14 ... OK',
		'[   0.915]',
		'',
		'U-Boot 2022.10ky (Mar 11 2025 - 22:24:18 +0800)',
		'',
		'[   0.918] CPU:   rv64imafdcv',
		'[   0.920] Model: ky x1 orangepi-rv2 board',
		'[   9.386]    Data Size:    20488294 Bytes = 19.5 MiB',
		'[   9.391]    Load Address: 00000000',
		'[   9.394]    Entry Point:  00000000',
		'   Verifying Checksum ... OK',
		'[   9.492] ## Flattened Device Tree blob at 31000000',
		'[   9.494]    Booting using the fdt blob at 0x31000000',
		'[   9.599]    Loading Ramdisk to 7ca04000, end 7dd8e066 ... OK',
		'[   9.616]    Loading Device Tree to 000000007c980000, end 000000007ca03fff ... OK',
		'',
		'Starting kernel ...',
		''
	];
	const KERNEL = [
		'[    0.000000] Linux version 6.6.63-ky (root@test) (riscv64-unknown-linux-gnu-gcc (g09b62c20e09) 13.2.1 20240423, GNU ld (GNU Binutils) 2.42) #1.0.0 SMP PREEMPT Wed Mar 12 09:04:00 CST 2025',
		'[    0.000000] Machine model: ky x1 orangepi-rv2 board',
		'[    0.000000] SBI specification v1.0 detected'
	];
	const text = (lines: string[]) => lines.join('\n') + '\n';

	it('is bootloader output from its banner to its hand-over, whatever its lines’ shape', () => {
		const run = ingestText(text([...ROM, ...UBOOT, ...KERNEL]));
		const input = run.summary.input;
		const blank = [...ROM, ...UBOOT].filter((l) => l === '').length;
		// the boot ROM's lines before U-Boot's banner too
		expect(input.unparsed_reasons).toEqual({ [BOOTLOADER]: ROM.length + UBOOT.length - blank });
		expect(input.skipped_reasons).toEqual({ 'blank line': blank });
		expect(input.formats).toEqual({ dmesg: 3 });
		expect(run.records.filter((r) => r.kind === 'kernel').map((r) => r.ts)).toEqual([0, 0, 0]);
		expect(run.summary.metadata.boots.map((b) => [b.first_line, b.last_line])).toEqual([
			[ROM.length + UBOOT.length + 1, ROM.length + UBOOT.length + KERNEL.length]
		]);
	});

	it('leaves the input’s first bare lines bare when no U-Boot banner follows them', () => {
		expect(ingestText(text([...ROM, ...KERNEL])).summary.input.formats).toEqual({
			bare: 4,
			dmesg: 3
		});
		// more than a boot ROM prints: `dmesg -t` text, and a U-Boot banner later does not take it
		const bare = Array.from({ length: 17 }, (_, k) => `line ${k}`);
		const run = ingestText(text([...bare, ...UBOOT, ...KERNEL]));
		expect(run.summary.input.formats).toEqual({ bare: 17, dmesg: 3 });
		expect(run.records.slice(0, 3).map((r) => [r.line, r.kind])).toEqual([
			[1, 'kernel'],
			[2, 'kernel'],
			[3, 'kernel']
		]);
	});

	it('does not start the boot: a capture that begins with U-Boot starts it at the kernel', () => {
		const run = ingestText(text([...UBOOT, ...KERNEL]));
		expect(run.summary.metadata.boots.map((b) => [b.first_line, b.reason])).toEqual([
			[UBOOT.length + 1, 'start']
		]);
		expect(run.summary.input.formats).toEqual({ dmesg: 3 });
	});

	it('after a restart is in neither boot: the next starts at its kernel', () => {
		const before = [
			'[  120.000000] reboot: Restarting system',
			...UBOOT,
			...KERNEL,
			'[    1.000000] next'
		];
		const run = ingestText(text(before));
		expect(run.summary.metadata.boots.map((b) => [b.first_line, b.last_line])).toEqual([
			[1, 1],
			[UBOOT.length + 2, before.length]
		]);
	});

	it('ends at a kernel line when the hand-over is not printed (EFI boot)', () => {
		const run = ingestText(
			text([UBOOT[0], UBOOT[1], 'EFI stub: Booting Linux Kernel...', ...KERNEL])
		);
		expect(run.summary.input.unparsed_reasons).toEqual({ [BOOTLOADER]: 2 });
		expect(run.summary.input.formats).toEqual({ bare: 1, dmesg: 3 });
	});

	it('is not begun by the kernel naming U-Boot', () => {
		const run = ingestText(text(['[    0.000000] efi: EFI v2.80 by Das U-Boot', ...KERNEL]));
		expect(run.summary.input.unparsed_reasons).toEqual({});
	});
});
