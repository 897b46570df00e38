/**
 * A dmesg, then another machine's journal pasted after it (the reverse of
 * boot-split-pasted-logs.test.ts; SHAPE_CHANGE in src/lib/ingestion/tracker.ts): the journal's
 * lines have dates and no kernel time, so nothing resets, and they had been counted in the dmesg's
 * boot. Where the format changes, the journal's first kernel record starts a boot unless it is one
 * of the dmesg's last lines (a journal excerpt of the same boot). Excerpts are cut from real logs
 * in fixtures/formats/real/.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { boots, fixtureLines, ingestText } from './helpers.ts';

/** a dmesg from 62.56 s, without its banner (real/linux-bug-dmesg-out.log) */
const DMESG = fixtureLines('real/linux-bug-dmesg-out.log', 51, 100);
/** `journalctl -k` of a Surface Pro 7 (short output: dates, a host, no kernel time), its banner first */
const JOURNAL_WHOLE = fixtureLines(
	'real/linux-surface-pro-7-dump-lastbootlog-txt.log',
	1,
	635
).filter((l) => l.includes(' kernel: '));
/** ...and from the line after its banner, as an excerpt or a journal whose start was rotated away */
const JOURNAL = JOURNAL_WHOLE.slice(1);
/** kern.log lines with kernel times (real/izassafar-one-kern-log.log) */
const KERNLOG = fixtureLines('real/izassafar-one-kern-log.log', 1, 15);
/** the same lines as `dmesg` prints them, and as `journalctl -k` prints them */
const KERNLOG_DMESG = KERNLOG.map((l) => l.slice(l.indexOf('kernel: ') + 8));
const KERNLOG_JOURNAL = KERNLOG.map((l) => l.replace(/kernel: \[ *\d+\.\d+\] /, 'kernel: '));

const PASTED = 'starts another log pasted after the one before it';

describe('a dmesg, then another machine’s journal', () => {
	it('are two boots, each with its kernel, and the report says where the journal starts', async () => {
		const text = [...DMESG, ...JOURNAL].join('\n') + '\n';
		const n = DMESG.length;
		const run = ingestText(text);
		// they had been one boot, the Surface's kernel lines in the other machine's
		expect(boots(run)).toEqual([`start@1-${n}`, `shape-change@${n + 1}-${n + JOURNAL.length}`]);
		const r = await analyzeText(text);
		// without its banner, the journal's kernel is the one its USB root hubs name
		expect(r.metadata.boots.map((b) => b.kernel_version)).toEqual([
			'5.9.12',
			'5.3.8-2-surface-ipts-test'
		]);
		const warn = r.findings.find((f) => f.title === 'WARNING in nl80211_get_reg_do');
		expect(warn?.boots).toEqual([0]);
		expect(r.input.warnings.filter((w) => w.includes(PASTED))).toEqual([
			`Line ${n + 1} starts another log pasted after the one before it: its lines have dates and no kernel times where the lines before had kernel times and no dates, and its first line is none of their last ones. It is counted as a boot of its own (boot 1), another machine's or another boot's; if it is the same boot, analyse each log on its own.`
		]);
	});

	it('a journal excerpt of the dmesg’s own boot, repeating its last records, stays in that boot', () => {
		const run = ingestText([...KERNLOG_DMESG, ...KERNLOG_JOURNAL.slice(7)].join('\n') + '\n');
		expect(boots(run)).toEqual(['start@1-23']);
		expect(run.summary.input.warnings.some((w) => w.includes(PASTED))).toBe(false);
		// the same journal after another machine's dmesg is a boot of its own
		const other = ingestText([...DMESG, ...KERNLOG_JOURNAL.slice(7)].join('\n') + '\n');
		expect(boots(other)).toEqual(['start@1-50', 'shape-change@51-58']);
	});

	it('a journal that starts with its banner starts a boot by its banner, as before', () => {
		const withBanner = [
			'[    0.000000] Linux version 5.9.12 (builder@host1) (gcc (GCC) 10.2.0) #1 SMP',
			...DMESG
		];
		const run = ingestText([...withBanner, ...JOURNAL_WHOLE].join('\n') + '\n');
		expect(boots(run).map((b) => b.split('@')[0])).toEqual(['start', 'banner']);
		expect(run.summary.input.warnings.some((w) => w.includes(PASTED))).toBe(false);
	});
});
