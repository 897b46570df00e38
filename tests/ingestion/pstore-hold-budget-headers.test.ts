/**
 * The parts of a pstore dump are held back to be put in order, within a budget of 8 MiB of text
 * (classifier.ts holdPstore). A line that is only a part's header (`Oops#1 Part3`) opens a part
 * and had cost nothing of it: a paste of headers alone (hostile, or a dump's headers whose text
 * was lost) held a part per line without bound. A header now counts as a held line does, and its
 * part's own cost besides: once the budget is spent, the parts held so far are replayed, and
 * holding starts again. Every line is counted.
 * The two kernel lines are the real dump's (i225nic-pstore-panic-log-txt.log).
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from './helpers.ts';

const NEWEST = '<4>[ 1330.842928] ---[ end trace 68ff55698a5d5230 ]---';
const OLDER = '<4>[ 1330.842098] RIP: 0010:refcount_warn_saturate+0xae/0xf0';

/** `Oops#1 Part1` and its line, `n` empty parts, then `Oops#1 Part2` and its line */
function paste(n: number, header: (k: number) => string): string[] {
	const out = ['Oops#1 Part1', NEWEST];
	for (let k = 0; k < n; k++) out.push(header(k));
	out.push('Oops#1 Part2', OLDER);
	return out;
}

function run(lines: string[]) {
	const r = ingestText(lines.join('\n') + '\n');
	const seq = r.records.map((x) => x.line);
	return { r, newest: seq.indexOf(2), older: seq.indexOf(lines.length) };
}

describe('lines that only name a pstore part or record, held with the dump', () => {
	it('a few are held with the dump, whose parts are put in order', () => {
		const lines = paste(1000, () => 'Oops#1 Part3');
		const { r, newest, older } = run(lines);
		expect(older).toBeLessThan(newest);
		expect(r.summary.input.lines_total).toBe(lines.length);
		expect(r.summary.input.skipped_reasons['pstore record header']).toBe(1002);
	});

	for (const [name, header] of [
		['part headers', () => 'Oops#1 Part3'],
		['headers of parts of ever new records', (k: number) => `Panic#${k + 2} Part1`]
	] as const) {
		it(`count against the hold’s budget: ${name}`, () => {
			// 60,000 of them: past the 8 MiB (about 54,000); the part held first was replayed when it was
			// spent, before the part after them (it had been held to the end, and read after it)
			const lines = paste(60_000, header);
			const { r, newest, older } = run(lines);
			expect(newest).toBeGreaterThanOrEqual(0);
			expect(newest).toBeLessThan(older);
			const input = r.summary.input;
			expect(input.lines_total).toBe(lines.length);
			expect(input.lines_skipped + input.lines_unparsed + r.records.length).toBe(lines.length);
			expect(r.records.map((x) => x.line)).toEqual([2, lines.length]);
		});
	}
});
