/**
 * A kernel line whose dmesg time stamp flipped bits damaged (a console-ramoops kept in RAM that
 * did not hold across the reset: `[    4.5 0444]`, `�    4.500436]`) is unparsed with a reason
 * that says so; it had been counted as a line without a kernel prefix. The log's bit-flip warning
 * is unchanged. Lines of real/cykeek-stuff-console-ramoops-0.log.
 */
import { describe, expect, it } from 'vitest';
import { UNPARSED_FLIPPED_STAMP } from '../../src/lib/ingestion/classifier.ts';
import { NO_PREFIX } from '../../src/lib/ingestion/formats/bare.ts';
import { fixtureLines, ingestBytes, ingestText, readFixture } from './helpers.ts';

const NAME = 'real/cykeek-stuff-console-ramoops-0.log';

describe('a time stamp damaged by flipped bits', () => {
	it('is said as such, not as a line without a prefix', () => {
		const lines = fixtureLines(NAME, 7, 12);
		// line 9 (the third here): its opening bracket lost to a byte that is not UTF-8
		expect(lines[2].startsWith('\uFFFD    4.500436]  (6)[422:kworker/6:3]')).toBe(true);
		expect(lines[4].startsWith('[    4.5 0444]  (6)[422:kworker/6:3]')).toBe(true);
		const run = ingestText(lines.join('\n') + '\n');
		const unparsed = run.records.filter((r) => r.kind === 'unparsed');
		expect(unparsed.map((r) => r.line)).toEqual([2, 3, 5]);
		expect(run.summary.input.unparsed_reasons).toEqual({ [UNPARSED_FLIPPED_STAMP]: 3 });
	});

	it('in the whole excerpt: most such lines, and the warning as before', async () => {
		const run = await ingestBytes(readFixture(NAME), 1 << 16);
		const reasons = run.summary.input.unparsed_reasons;
		expect(reasons[UNPARSED_FLIPPED_STAMP]).toBe(221);
		// stamps damaged in more than 3 places, and text that a flip cut from its line
		expect(reasons[NO_PREFIX]).toBe(37);
		expect(run.summary.input.warnings.some((w) => w.startsWith('The log is corrupted'))).toBe(true);
	});

	it('a line that is text, not a damaged stamp, keeps its reason', () => {
		const run = ingestText(
			['[    4.500426]  (6)[422:kworker/6:3] x', '[FACTORY] factory_adsp_command_timer'].join('\n')
		);
		expect(run.summary.input.unparsed_reasons).toEqual({ [NO_PREFIX]: 1 });
	});
});
