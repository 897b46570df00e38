/**
 * The text report's wrapping of prose: a lone backtick (a command line's, a quoted value's)
 * opens no code span, and a number stays with its unit of time or size.
 */
import { describe, expect, it } from 'vitest';
import { formatText, TEXT_WIDTH, wrap } from '../../src/lib/output/text.ts';
import { analyzeText } from '../../src/lib/index.ts';

describe('the text report wraps', () => {
	it('a value with a lone backtick at its spaces, as any other', () => {
		const value =
			'BOOT_IMAGE=/vmlinuz-6.1.0 root=UUID=0b1c quiet splash init=/bin/sh` console=ttyS0,115200 console=tty0 loglevel=7 rd.driver.blacklist=nouveau';
		const lines = wrap(value, ' '.repeat(16), 16);
		expect(lines.length).toBeGreaterThan(1);
		for (const l of lines) expect(l.length).toBeLessThanOrEqual(TEXT_WIDTH);
		expect(lines.map((l) => l.trim()).join(' ')).toBe(value);
		// a closed span stays whole, and a lone backtick after it opens none
		const cmd =
			'run `dmesg --time-format iso > dmesg.txt` then keep the file ` safe and send it to the list of the maintainers';
		const wrapped = wrap(cmd, '', 2);
		expect(wrapped[0]).toBe(
			'run `dmesg --time-format iso > dmesg.txt` then keep the file ` safe and send it'
		);
		expect(wrapped[1]).toBe('  to the list of the maintainers');
	});

	it("the System table's command line with a lone backtick in 80 columns", async () => {
		const log = [
			'[    0.000000] Linux version 6.1.0 (b@h) #1 SMP',
			'[    0.000000] Command line: BOOT_IMAGE=/vmlinuz-6.1.0 root=/dev/sda1 ro quiet init=/bin/sh` console=ttyS0,115200 console=tty0 loglevel=7 rd.driver.blacklist=nouveau'
		].join('\n');
		const txt = formatText(await analyzeText(log, { name: 'x.log' }));
		const rows = txt.split('\n');
		const at = rows.findIndex((l) => l.startsWith('Command line'));
		expect(rows[at]).toMatch(/^Command line {4}BOOT_IMAGE=/);
		expect(rows[at].length).toBeLessThanOrEqual(TEXT_WIDTH);
		expect(rows[at + 1]).toMatch(/^ {16}\S/);
		expect(rows[at + 1].length).toBeLessThanOrEqual(TEXT_WIDTH);
	});

	it('a number with its unit on one line ("0.562110 s after boot")', () => {
		// a finding's place: "0.562110" had ended the line and "s after boot" begun the next
		const where =
			'line 222, seen 3 times (last at line 224); 2022-11-07T08:03:56.297Z, 0.562110 s after boot';
		expect(wrap(where, '  ', 4)).toEqual([
			'  line 222, seen 3 times (last at line 224); 2022-11-07T08:03:56.297Z,',
			'    0.562110 s after boot'
		]);
		expect(wrap(`${'x'.repeat(75)} 12.5 MB), and more`, '', 0)).toEqual([
			'x'.repeat(75),
			'12.5 MB), and more'
		]);
		// a number before another word is split as any words
		expect(wrap(`${'x'.repeat(74)} 12 boots and more`, '', 0)[0]).toBe(`${'x'.repeat(74)} 12`);
	});
});
