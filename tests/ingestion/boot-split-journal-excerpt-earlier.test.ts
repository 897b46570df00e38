/**
 * A dmesg, then a `journalctl -k` excerpt of the same boot pasted after it that starts earlier than
 * the dmesg's last lines (SHAPE_CHANGE in src/lib/ingestion/tracker.ts). The journal's lines have
 * dates and no kernel time; only their messages tell that they are the dmesg's. Its first record
 * had been looked for among the dmesg's last 64 lines only (the block assembler's look-back), and
 * an excerpt that started earlier became a boot of its own. The lines are a real kern.log with
 * kernel times (real/serverlog-kern-log-1.log, 77 lines of one boot), printed as `dmesg` and as
 * `journalctl -k` print them.
 */
import { describe, expect, it } from 'vitest';
import { boots, fixtureLines, ingestText } from './helpers.ts';

const KERNLOG = fixtureLines('real/serverlog-kern-log-1.log', 1, 77);
const AS_DMESG = KERNLOG.map((l) => l.slice(l.indexOf('kernel: ') + 8));
const AS_JOURNAL = KERNLOG.map((l) => l.replace(/kernel: \[ *\d+\.\d+\] /, 'kernel: '));
/** another machine's dmesg, without its banner (real/linux-bug-dmesg-out.log) */
const OTHER_DMESG = fixtureLines('real/linux-bug-dmesg-out.log', 51, 100);

const PASTED = 'starts another log pasted after the one before it';

describe('a journal excerpt of the dmesg’s own boot that starts before its last 64 lines', () => {
	it('stays in the dmesg’s boot, with no note', () => {
		expect(AS_DMESG).toHaveLength(77);
		// the journal from the dmesg's line 4: 74 lines, more than the 64 kept for look-back
		const journal = AS_JOURNAL.slice(3);
		expect(journal[0]).toMatch(/^Mar 15 17:01:55 \S+ kernel: Hardware name: Bochs/);
		const run = ingestText([...AS_DMESG, ...journal].join('\n') + '\n');
		expect(boots(run)).toEqual([`start@1-${77 + journal.length}`]);
		expect(run.summary.input.warnings.some((w) => w.includes(PASTED))).toBe(false);
		expect(run.summary.input.formats).toEqual({ dmesg: 77, syslog: journal.length });
	});

	it('the same journal after another machine’s dmesg still starts a boot', () => {
		const journal = AS_JOURNAL.slice(3);
		const n = OTHER_DMESG.length;
		const run = ingestText([...OTHER_DMESG, ...journal].join('\n') + '\n');
		expect(boots(run)).toEqual([`start@1-${n}`, `shape-change@${n + 1}-${n + journal.length}`]);
		expect(run.summary.input.warnings.filter((w) => w.includes(PASTED))).toHaveLength(1);
	});

	it('`journalctl -o short-monotonic` that starts earlier stays in the boot: its times are the dmesg’s', () => {
		const mono = KERNLOG.map((l) => {
			const m = /^\S+ +\d+ [\d:]+ (\S+) kernel: (\[ *[\d.]+\]) (.*)$/.exec(l);
			return m === null ? l : `${m[2]} ${m[1]} kernel: ${m[3]}`;
		});
		expect(mono[3]).toMatch(/^\[9686414\.564175\] \S+ kernel: Hardware name: Bochs/);
		const run = ingestText([...AS_DMESG, ...mono.slice(3)].join('\n') + '\n');
		expect(boots(run)).toEqual([`start@1-${77 + 74}`]);
		expect(run.summary.input.formats).toEqual({ dmesg: 77, 'journal-monotonic': 74 });
	});

	it('a journal with kernel times (kern.log) that starts earlier stays in the boot too', () => {
		// its kernel times are the dmesg's: the drop lands on the time of one of its records
		const run = ingestText([...AS_DMESG, ...KERNLOG.slice(3)].join('\n') + '\n');
		expect(boots(run)).toEqual([`start@1-${77 + 74}`]);
		expect(run.summary.input.warnings.some((w) => w.includes(PASTED))).toBe(false);
	});
});
