/**
 * An oops record's newest part that holds an earlier oops no record holds (never dumped: pstore
 * counts its dumps, the kernel its oopses, so `[#1]` in the record `Oops#1` may be followed by
 * the record's own `[#2]`), more than 10 s of quiet, then the record's own oops: the earlier
 * oops's `---[ end trace` had read as the dump point (classifier.ts endsPstorePart), the part
 * was cut at the quiet, its dump time paired with the earlier oops's end, and the record's own
 * oops read after it as another log's, a boot of its own. Lines held more than 10 s after an
 * oops's end trace are now held on until a later oops's header (`[#k]` above the earlier one's)
 * claims them for the record; anything else that ends the wait (another shape, a reset, a
 * banner, a pstore header, the input's end) makes them the next log's, as before. Lines are
 * real: the oops record of the efi-pstore dump i225nic-pstore-panic-log-txt.log as one part, as
 * ramoops keeps a record; the second oops is that oops's report again, moved 20 s later with
 * its count raised to `[#2]` (written here: no real log holds an oops record with an undumped
 * oops before its own), then a phone's last_kmsg (fixtures/formats/real).
 */
import { describe, expect, it } from 'vitest';
import { boots, fixtureLines, i225OopsLines, i225OopsName, ingestText, later } from './helpers.ts';

const OOPS_LINES = i225OopsLines();
/** the oops record's newest file name: it dates the dump */
const NAME = i225OopsName();
const DUMPED = Math.floor(Number(NAME.slice(10, -1)) / 100000) * 1000;
/** the oops's report, from `------------[ cut here ]` (1330.842508 s) to its end trace */
const OOPS_AT = OOPS_LINES.findIndex((l) => l.includes('[ 1330.842508]'));
const OOPS = OOPS_LINES.slice(OOPS_AT);
const QUIET_S = 20;

/** the record `Oops#1` as one part: the oops `[#1]`, quiet, the oops again as `[#2]` */
const RECORD = [
	NAME,
	'Oops#1 Part1',
	...OOPS_LINES,
	...OOPS.map((l) => later(l, QUIET_S).replace('[#1]', '[#2]'))
];
/** another phone's last_kmsg from 22555 s: the dump's shape, its time going on */
const NEXT = fixtureLines('real/iamslightlywin-dump-last-kmsg.log', 2, 30);

describe('an oops record whose newest part holds an earlier oops never dumped', () => {
	it('is the fixture it claims', () => {
		expect(OOPS.at(-1)).toMatch(/\[ 1330\.842928\] ---\[ end trace 68ff55698a5d5230 \]---$/);
		expect(OOPS.filter((l) => l.includes('[#1]'))).toHaveLength(1);
		expect(RECORD.at(-1)).toMatch(/^<4>\[ 1350\.842928\] ---\[ end/);
	});

	it('is held whole, one boot, the dump time at the record’s own oops', () => {
		const run = ingestText([...RECORD, ...NEXT].join('\n') + '\n');
		const n = RECORD.length;
		// the second oops had been a boot of its own
		expect(boots(run)).toEqual([`start@3-${n}`, `shape-change@${n + 1}-${n + NEXT.length}`]);
		expect(run.summary.input.lines_total).toBe(n + NEXT.length);
		const seq = run.records.map((r) => r.line);
		expect(seq).toEqual([...seq].sort((a, b) => a - b));
		// the file name's second dates the record's own oops's end, not the earlier one's
		expect(
			Math.abs((run.summary.wallClock(0, 1350.842928) as number) - DUMPED)
		).toBeLessThanOrEqual(1000);
		// both oopses are reports of the dump's boot, in input order
		const n1 = 2 + OOPS_LINES.length;
		expect(run.blocks.filter((b) => b.startsWith('kernel BUG@'))).toEqual([
			`kernel BUG@${n1 - OOPS.length + 2}-${n1}/0`,
			`kernel BUG@${n1 + 2}-${n}/0`
		]);
	});

	it('lines past the earlier end trace without a later oops are the next log’s, as before', () => {
		// the record ends at `[#1]`'s end; the last_kmsg follows, its time going on
		const record = [NAME, 'Oops#1 Part1', ...OOPS_LINES];
		const n = record.length;
		for (const tail of [[], ['Oops#2 Part1']]) {
			const run = ingestText([...record, ...NEXT, ...tail].join('\n') + '\n');
			expect(boots(run).slice(0, 2)).toEqual([
				`start@3-${n}`,
				`shape-change@${n + 1}-${n + NEXT.length}`
			]);
			expect(run.summary.input.lines_total).toBe(n + NEXT.length + tail.length);
			expect(
				Math.abs((run.summary.wallClock(0, 1330.842928) as number) - DUMPED)
			).toBeLessThanOrEqual(1000);
		}
	});
});
