/**
 * A dmesg, then another machine's `journalctl -k` excerpt whose first two kernel messages the
 * dmesg printed too, but in the other order: the journal's first kernel record is held until its
 * second (tracker.ts journalAfterDmesg, releaseJoin), which joins the journal to the dmesg's boot
 * only when it follows the first there, as a journal of the same boot repeats its records. The
 * second had been looked for by fingerprint after the first's places, or by its text among any of
 * the block assembler's 64 look-back lines, in any order: a common message printed before the
 * first (another kernel prints them in another order) joined another machine's journal. It is
 * now looked for by the same fingerprint, after the first's, in the look-back lines too
 * (joinsAfter). Lines are real: skomra-logs-vmcore-dmesg-txt.log's first 297 lines (its
 * `PCI: Using configuration type 1 for base access` at line 295, its `ENERGY_PERF_BIAS: Set to
 * 'normal', was 'performance'` 59 lines before, among the 64 look-back lines), then the Surface Pro 7's journal from its `PCI: Using
 * configuration type 1 …` (its next kernel line that ENERGY_PERF_BIAS message), both in
 * fixtures/formats/real; and izassafar-one-kern-log.log as dmesg and `journalctl -k` print it.
 */
import { describe, expect, it } from 'vitest';
import { boots, fixtureLines, ingestText } from './helpers.ts';

const DMESG = fixtureLines('real/skomra-logs-vmcore-dmesg-txt.log', 1, 297);
const JOURNAL = fixtureLines('real/linux-surface-pro-7-dump-lastbootlog-txt.log', 270, 289);
/** a kern.log's lines of one boot, and as dmesg and the journal print them */
const KERNLOG = fixtureLines('real/izassafar-one-kern-log.log', 1, 15);
const KERNLOG_DMESG = KERNLOG.map((l) => l.slice(l.indexOf('kernel: ') + 8));
const KERNLOG_JOURNAL = KERNLOG.map((l) => l.replace(/kernel: \[ *\d+\.\d+\] /, 'kernel: '));

const PASTED = 'starts another log pasted after the one before it';

describe('a dmesg, then another machine’s journal whose first two messages the dmesg has in the other order', () => {
	it('is the excerpt it claims', () => {
		expect(DMESG[294]).toBe('[    0.082532] PCI: Using configuration type 1 for base access');
		expect(DMESG[235]).toBe("[    0.009960] ENERGY_PERF_BIAS: Set to 'normal', was 'performance'");
		expect(JOURNAL[0]).toMatch(/ kernel: PCI: Using configuration type 1 for base access$/);
		expect(JOURNAL[1]).toMatch(/ kernel: ENERGY_PERF_BIAS: Set to 'normal', was 'performance'$/);
	});

	it('are two boots: the second message is the dmesg’s, but before the first, not after it', () => {
		const n = DMESG.length;
		const run = ingestText([...DMESG, ...JOURNAL].join('\n') + '\n');
		// they had been one boot
		expect(boots(run)).toEqual([`start@1-${n}`, `shape-change@${n + 1}-${n + JOURNAL.length}`]);
		expect(run.summary.input.lines_total).toBe(n + JOURNAL.length);
		const lines = run.records.map((r) => r.line);
		expect(new Set(lines).size).toBe(lines.length);
		expect(run.summary.input.warnings.filter((w) => w.includes(PASTED))).toHaveLength(1);
	});

	it('a journal excerpt of the dmesg’s own boot stays in that boot, from any of its lines', () => {
		for (let from = 0; from < KERNLOG_JOURNAL.length - 1; from++) {
			const run = ingestText([...KERNLOG_DMESG, ...KERNLOG_JOURNAL.slice(from)].join('\n') + '\n');
			expect(boots(run)).toEqual([`start@1-${2 * KERNLOG.length - from}`]);
			expect(run.summary.input.warnings.some((w) => w.includes(PASTED))).toBe(false);
		}
	});
});
