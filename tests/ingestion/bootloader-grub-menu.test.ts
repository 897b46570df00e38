/**
 * A serial capture that starts with GRUB's menu, then the kernel: an excerpt of the corpus's
 * n100dc-itx-sophos-dmesg.log (frankol/N100DC-ITX-Sophos, `dmesg`, no license stated; the
 * banner's builder replaced by an invented one, the menu's empty rows shortened).
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from './helpers.ts';

const ROW = ` |${' '.repeat(76)}|`;
const MENU = [
	'',
	'                             GNU GRUB  version 2.02',
	'',
	' +----------------------------------------------------------------------------+',
	' | SFLoader                                                                   |',
	' |*21_0_0_169                                                                 |',
	ROW,
	ROW,
	' +----------------------------------------------------------------------------+',
	'',
	'      Use the ^ and v keys to select which entry is highlighted.',
	"      Press enter to boot the selected OS, `e' to edit the commands",
	"      before booting or `c' for a command-line.",
	'   The highlighted entry will be executed automatically in 0s.',
	"  Booting `21_0_0_169'",
	''
];
const KERNEL = [
	'[    0.000000] Linux version 4.14.302 (builder@host1) (gcc version 7.3.0 (OpenWrt GCC 7.3.0 16456-g83db033ba)) #2 SMP Tue Jan 10 12:09:40 2023',
	"[    0.000000] x86/fpu: Supporting XSAVE feature 0x001: 'x87 floating point registers'"
];

describe('GRUB’s menu at the start of a serial capture', () => {
	it('is bootloader output, and the boot starts at the kernel’s first line', () => {
		const run = ingestText([...MENU, ...KERNEL].join('\n') + '\n');
		const input = run.summary.input;
		// the menu's 12 lines of text had been bare kernel lines, and the boot had started at line 2
		expect(input.unparsed_reasons).toEqual({ 'bootloader output': 12 });
		expect(input.skipped_reasons).toEqual({ 'blank line': 4 });
		expect(input.formats).toEqual({ dmesg: 2 });
		expect(
			run.summary.metadata.boots.map((b) => `${b.reason}@${b.first_line}-${b.last_line}`)
		).toEqual(['start@17-18']);
	});

	it('the words alone, indented after a kernel line, continue it as before', () => {
		const run = ingestText([...KERNEL, MENU[1]].join('\n') + '\n');
		// an indented line after a kernel record continues it, as before
		expect(run.summary.input.formats).toEqual({ continuation: 1, dmesg: 2 });
		expect(run.summary.input.unparsed_reasons).toEqual({});
	});
});
