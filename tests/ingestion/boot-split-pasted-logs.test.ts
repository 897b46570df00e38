/**
 * Two logs pasted into the box one after the other, the second of another shape (SHAPE_CHANGE in
 * src/lib/ingestion/tracker.ts): `journalctl -k` of one machine, then another machine's dmesg
 * without its `Linux version` banner, had been one boot; a journal followed by a dmesg excerpt of
 * its own boot stays one. Excerpts are cut from real logs in fixtures/formats/real/.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { boots, fixtureLines, ingestText } from './helpers.ts';

/** `journalctl -k` of a Surface Pro 7 (its kernel lines, short output: dates, no kernel time) */
const JOURNAL = fixtureLines('real/linux-surface-pro-7-dump-lastbootlog-txt.log', 1, 635).filter(
	(l) => l.includes(' kernel: ')
);
/** another machine's dmesg, from 62.56 s, without its banner (real/linux-bug-dmesg-out.log) */
const DMESG = fixtureLines('real/linux-bug-dmesg-out.log', 51, 100);
/** kern.log lines with kernel times, 2435 s to 6765 s (real/izassafar-one-kern-log.log) */
const KERNLOG = fixtureLines('real/izassafar-one-kern-log.log', 1, 15);
/** the same lines as `journalctl -k` prints them: no kernel time */
const KERNLOG_JOURNAL = KERNLOG.map((l) => l.replace(/kernel: \[ *\d+\.\d+\] /, 'kernel: '));
/** and as `dmesg` prints them: no date or host */
const KERNLOG_DMESG = KERNLOG.map((l) => l.slice(l.indexOf('kernel: ') + 8));

const PASTED = 'starts another log pasted after the one before it';

describe('a journal, then another machine’s dmesg without its banner', () => {
	it('are two boots, each with its kernel, and the report says where the second log starts', async () => {
		const text = [...JOURNAL, ...DMESG].join('\n') + '\n';
		const n = JOURNAL.length;
		const run = ingestText(text);
		// they had been one boot, the dmesg's WARNING in the Surface's boot
		expect(boots(run)).toEqual([`start@1-${n}`, `shape-change@${n + 1}-${n + 50}`]);
		const r = await analyzeText(text);
		expect(r.metadata.boots.map((b) => b.kernel_version)).toEqual([
			'5.3.8-2-surface-ipts-test',
			'5.9.12'
		]);
		const warn = r.findings.find((f) => f.title === 'WARNING in nl80211_get_reg_do');
		expect(warn?.boots).toEqual([1]);
		const notes = r.input.warnings.filter((w) => w.includes(PASTED));
		expect(notes).toEqual([
			`Line ${n + 1} starts another log pasted after the one before it: its lines have kernel times where the lines before had dates and none, and it repeats none of their messages. It is counted as a boot of its own (boot 1), another machine's or another boot's; if it is the same boot, analyse each log on its own.`
		]);
		// the journal's boot did not stop there: another log follows, not its next boot
		expect(r.input.warnings.some((w) => w.includes('most likely stopped there'))).toBe(false);
	});

	it('a dmesg excerpt of the journal’s own boot pasted after it stays in that boot', () => {
		// the journal's last 8 records again, as dmesg prints them
		const run = ingestText([...KERNLOG_JOURNAL, ...KERNLOG_DMESG.slice(7)].join('\n') + '\n');
		expect(boots(run)).toEqual(['start@1-23']);
		expect(run.summary.input.warnings.some((w) => w.includes(PASTED))).toBe(false);
		// another machine's dmesg after the same journal is a boot of its own
		const other = ingestText([...KERNLOG_JOURNAL, ...DMESG].join('\n') + '\n');
		expect(boots(other)).toEqual(['start@1-15', 'shape-change@16-65']);
	});

	it('another machine’s dmesg with its banner starts a boot by its banner, as before', () => {
		const banner =
			'[    0.000000] Linux version 5.9.12 (builder@host1) (gcc (GCC) 10.2.0) #1 SMP PREEMPT';
		const n = JOURNAL.length;
		const run = ingestText([...JOURNAL, banner, ...DMESG].join('\n') + '\n');
		expect(boots(run)).toEqual([`start@1-${n}`, `banner@${n + 1}-${n + 51}`]);
		expect(run.summary.input.warnings.some((w) => w.includes(PASTED))).toBe(false);
	});

	it('the journal’s own lines, whatever programs’ lines are among them, stay one boot', () => {
		const run = ingestText(
			fixtureLines('real/linux-surface-pro-7-dump-lastbootlog-txt.log', 1, 635).join('\n')
		);
		expect(boots(run)).toEqual(['start@2-635']);
	});
});

describe('a kern.log with kernel times, then a dmesg', () => {
	it('of another machine, whose time goes back to later than 60 s, is a boot of its own', () => {
		// the time drops from 6765.8 s to 62.56 s: a late drop, which a change of host (a log
		// server's file) does not make a reboot; here the shape changed too (no host at all)
		const run = ingestText([...KERNLOG, ...DMESG].join('\n') + '\n');
		expect(boots(run)).toEqual(['start@1-15', 'shape-change@16-65']);
		expect(run.summary.input.warnings.filter((w) => w.includes(PASTED))).toEqual([
			"Line 16 starts another log pasted after the one before it: its lines name no host where the lines before named one, and the kernel's time goes back from 6765.819927 s to 62.561725 s without repeating their messages. It is counted as a boot of its own (boot 1), another machine's or another boot's; if it is the same boot, analyse each log on its own."
		]);
	});

	it('of the same boot, repeating its records, stays in that boot', () => {
		const run = ingestText([...KERNLOG, ...KERNLOG_DMESG.slice(7)].join('\n') + '\n');
		expect(boots(run)).toEqual(['start@1-23']);
	});

	it('of the same boot, later than the kern.log’s end, stays in that boot', () => {
		const later = DMESG.map((l) =>
			l.replace(/^\[ *(\d+)\./, (_m, s: string) => `[${Number(s) + 7000}.`)
		);
		const run = ingestText([...KERNLOG, ...later].join('\n') + '\n');
		expect(boots(run)).toEqual(['start@1-65']);
	});
});
