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
