/**
 * A ring buffer read from the wrong place (src/lib/ingestion/ring.ts): the bit-flipped ramoops
 * console of one recovery session (fixtures/formats/real/cykeek-stuff-console-ramoops-0.log)
 * runs from 4.5 s to the reboot at 42.7 s (line 1268), then has the oldest part of the same boot,
 * 3.8 s to 4.500395 s, which the file's first line continues. Excerpts are cut from the fixture.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { ingestBytes, ingestText, readFixture, type Run } from './helpers.ts';

const NAME = 'real/cykeek-stuff-console-ramoops-0.log';
/** the fixture's lines (1-based: LINES[n - 1] is line n); the last has no newline */
const LINES = new TextDecoder().decode(readFixture(NAME)).split('\n');
const lines = (from: number, to: number) => LINES.slice(from - 1, to);

function boots(run: Run): string[] {
	return run.summary.metadata.boots.map((b) => `${b.reason}@${b.first_line}-${b.last_line}`);
}

const WRAP = 'ring buffer read from the wrong place';

describe('a ring buffer read from the wrong place', () => {
	it('its oldest part, after the last message written, is no boot of its own (cykeek console-ramoops)', async () => {
		const run = await ingestBytes(readFixture(NAME), 1 << 16);
		expect(boots(run)).toEqual(['start@1-1349']);
		expect(run.summary.wrappedBoots).toEqual([1]);
		const w = run.summary.input.warnings.filter((x) => x.includes(WRAP));
		expect(w).toEqual([
			'The log is a ring buffer read from the wrong place: its end continues at its start (its last time stamp, 4.500346 s, comes just before its first, 4.500426 s). Lines 1275-1349 are the oldest part of the buffer, printed before line 1: they are counted in boot 0, not as another boot.'
		]);
	});

	it('an excerpt: the file’s first lines, the reboot, and the oldest part up to the end', () => {
		// lines 1-20 (a fragment, damaged stamps, 4.500426 s ...), 1260-1349 (42.66 s, the reboot,
		// then 3.8 s to 4.500395 s, without a final newline)
		const text = [...lines(1, 20), ...lines(1260, 1349)].join('\n');
		const run = ingestText(text);
		expect(boots(run)).toEqual(['start@1-110']);
		expect(run.summary.input.warnings.some((x) => x.includes(WRAP))).toBe(true);
	});

	it('the report’s findings are in boot 0 too', async () => {
		// line 376 (a denial of logd at 8.139096 s), stamped 4.2 s and put in the oldest part
		const denial = LINES[375].replace('[    8.139096]', '[    4.200000]');
		const r = await analyzeText(
			[...lines(1, 20), ...lines(1260, 1300), denial, ...lines(1301, 1349)].join('\n')
		);
		expect(r.metadata.boots).toHaveLength(1);
		const f = r.findings.find((x) => x.title.endsWith('for domain logd'));
		expect(f?.first_line).toBe(62);
		expect(f?.boots).toEqual([0]);
		expect([
			f?.first_seen.boot,
			f?.last_seen.boot,
			...(f?.occurrences ?? []).map((o) => o.boot)
		]).toEqual([0, 0, 0]);
	});

	it('a real reboot stays one: the end does not continue the start', () => {
		// the file's start moved to 5 s later: its last stamp (4.500346 s) is no longer just before
		const later = [
			LINES[0],
			...lines(7, 20).map((l) => l.replace('[    4.', '[    9.')),
			...lines(1260, 1349)
		];
		const run = ingestText(later.join('\n'));
		expect(boots(run).map((b) => b.slice(0, b.indexOf('@')))).toEqual(['start', 'timestamp-reset']);
		expect(run.summary.wrappedBoots).toEqual([]);
	});

	it('a reboot seen from its start, or a file that starts with a whole record, stays one', () => {
		// the oldest part starting at 0 s with its banner, as a console shows a new boot
		const banner = [
			...lines(1, 20),
			...lines(1260, 1270),
			'[    0.000000]  (0)[0:swapper]Linux version 4.4.153 (builder@host) (gcc version 4.9.x) #1 SMP PREEMPT',
			...lines(1275, 1349)
		];
		expect(boots(ingestText(banner.join('\n')))).toHaveLength(2);
		// without the fragment the file starts with
		expect(boots(ingestText([...lines(7, 20), ...lines(1260, 1349)].join('\n')))).toHaveLength(2);
	});
});
