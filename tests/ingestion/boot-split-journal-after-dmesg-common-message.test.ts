/**
 * A dmesg, then another machine's `journalctl -k` excerpt whose first kernel message is one the
 * dmesg printed too (`random: crng init done` is the same on every machine): its first record was
 * all that was looked at, and the journal had stayed in the dmesg's boot. One such line is no
 * longer enough (tracker.ts journalAfterDmesg, releaseJoin): the journal's first kernel record is
 * held until its next one, which must be one of the dmesg's messages that follow the first's
 * there (a journal of the dmesg's own boot repeats its records in their order). Lines are real:
 * linux-bug-dmesg-out.log, the Surface Pro 7's journal (linux-surface-pro-7-dump-lastbootlog-txt.log,
 * with its other programs' lines) and izassafar-one-kern-log.log's lines as dmesg and
 * `journalctl -k` print them, all in fixtures/formats/real.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { boots, fixtureLines, ingestText } from './helpers.ts';

/** a dmesg from 1.86 s, without its banner; its line 34 is `random: crng init done` */
const DMESG = fixtureLines('real/linux-bug-dmesg-out.log', 1, 100);
/** the Surface's journal from its `random: crng init done` on (its next: `usb 3-8: new full-speed …`) */
const JOURNAL = fixtureLines('real/linux-surface-pro-7-dump-lastbootlog-txt.log', 616, 635);
/** kern.log lines with kernel times (the same machine's boot), and as dmesg and the journal print them */
const KERNLOG = fixtureLines('real/izassafar-one-kern-log.log', 1, 15);
const KERNLOG_DMESG = KERNLOG.map((l) => l.slice(l.indexOf('kernel: ') + 8));
const KERNLOG_JOURNAL = KERNLOG.map((l) => l.replace(/kernel: \[ *\d+\.\d+\] /, 'kernel: '));

const PASTED = 'starts another log pasted after the one before it';

describe('a dmesg, then another machine’s journal that starts with a message the dmesg has too', () => {
	it('are two boots: the journal’s next kernel line is none of the dmesg’s after that message', async () => {
		expect(DMESG[33]).toBe('[    2.572330] random: crng init done');
		expect(JOURNAL[0]).toMatch(/ kernel: random: crng init done$/);
		const text = [...DMESG, ...JOURNAL].join('\n') + '\n';
		const n = DMESG.length;
		const run = ingestText(text);
		// they had been one boot
		expect(boots(run)).toEqual([`start@1-${n}`, `shape-change@${n + 1}-${n + JOURNAL.length}`]);
		// every line counted, the held record passed on once, in its place
		expect(run.summary.input.lines_total).toBe(n + JOURNAL.length);
		const lines = run.records.map((r) => r.line);
		expect(new Set(lines).size).toBe(lines.length);
		expect(lines).toEqual([...lines].sort((a, b) => a - b));
		expect(run.records.find((r) => r.line === n + 1)?.boot).toBe(1);
		const r = await analyzeText(text);
		expect(r.input.warnings.filter((w) => w.includes(PASTED))).toEqual([
			`Line ${n + 1} starts another log pasted after the one before it: its lines have dates and no kernel times where the lines before had kernel times and no dates, and its first line is one of their last ones but its next kernel line is none of those that follow it there (another machine prints the same messages). It is counted as a boot of its own (boot 1), another machine's or another boot's; if it is the same boot, analyse each log on its own.`
		]);
	});

	it('a journal excerpt of the dmesg’s own boot stays in that boot, from any of its lines', () => {
		for (let from = 0; from < KERNLOG_JOURNAL.length - 1; from++) {
			const run = ingestText([...KERNLOG_DMESG, ...KERNLOG_JOURNAL.slice(from)].join('\n') + '\n');
			expect(boots(run)).toEqual([`start@1-${2 * KERNLOG.length - from}`]);
			expect(run.summary.input.warnings.some((w) => w.includes(PASTED))).toBe(false);
		}
	});

	it('a journal of one kernel line that the dmesg has stays in its boot, as before', () => {
		const run = ingestText([...KERNLOG_DMESG, ...KERNLOG_JOURNAL.slice(-1)].join('\n') + '\n');
		expect(boots(run)).toEqual([`start@1-${KERNLOG.length + 1}`]);
		expect(run.records.at(-1)?.line).toBe(KERNLOG.length + 1);
	});
});
