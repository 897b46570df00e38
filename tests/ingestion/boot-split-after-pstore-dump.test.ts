/**
 * A log pasted after a pstore dump, of the dump's own shape (`<N>[ts]`, an Android last_kmsg) or
 * a dmesg's (`[ts]`), whose kernel time goes on past the dump's: it ended the wait for more of
 * the dump's parts (classifier.ts endsPstorePart) and then stayed in the dump's boot, as nothing
 * resets. A dump holds the end of a boot before the one it is read in (pstore's records are read
 * after a restart), so such a log is another boot's or another machine's: it now starts a boot
 * of its own (reason `shape-change`, with a note; tracker.ts dumpEnd), unless its time is one of
 * the dump's (the dump's records again). Another dump after the dump (a part held already, with
 * lines, or a record's counter held with another reason) had been held with it and its parts
 * interleaved with the first's by counter: the parts held are now replayed first, and the next
 * dump is read on its own, a boot of its own unless it shares the first's times
 * (tracker.ts dumpStart). Lines are real: the efi-pstore dump i225nic-pstore-panic-log-txt.log
 * and a phone's last_kmsg (iamslightlywin-dump-last-kmsg.log, its 29 lines from 22928 s), in
 * fixtures/formats/real; the last_kmsg also as dmesg prints it (without its `<N>`).
 */
import { describe, expect, it } from 'vitest';
import { boots, fixtureLines, i225Dump, ingestText } from './helpers.ts';

const DUMP = i225Dump();
const NEXT = fixtureLines('real/iamslightlywin-dump-last-kmsg.log', 2, 30);
const NEXT_DMESG = NEXT.map((l) => l.replace(/^<\d+>/, ''));
const PASTED = 'starts another log pasted after the one before it';

describe('a log after a pstore dump, its time going on past the dump’s', () => {
	it('is the log it claims', () => {
		expect(NEXT[0]).toMatch(/^<\d>\[22928\.\d{6}\] /);
		expect(NEXT_DMESG[0]).toMatch(/^\[22928\.\d{6}\] /);
	});

	for (const [name, next] of [
		['of the dump’s shape (a last_kmsg)', NEXT],
		['a dmesg', NEXT_DMESG]
	] as const) {
		it(`${name}: a boot of its own, with a note`, () => {
			const n = DUMP.length;
			const run = ingestText([...DUMP, ...next].join('\n') + '\n');
			// it had been the dump's boot
			expect(boots(run)).toEqual([`start@3-${n}`, `shape-change@${n + 1}-${n + next.length}`]);
			expect(run.summary.input.lines_total).toBe(n + next.length);
			const notes = run.summary.input.warnings.filter((w) => w.includes(PASTED));
			expect(notes).toEqual([
				`Line ${n + 1} starts another log pasted after the one before it: its kernel time goes on from the pstore dump's last (1331.453698 s) to ${next[0].match(/\[(\d+\.\d+)\]/)?.[1]} s, and a dump holds the end of a boot before the one it is read in. It is counted as a boot of its own (boot 1), another machine's or another boot's; if it is the same boot, analyse each log on its own.`
			]);
			// the dump's lines are all in its boot, the next log's in the next
			for (const r of run.records) expect(r.boot).toBe(r.line <= n ? 0 : 1);
		});
	}

	it('the dump alone, or its lines again after it, stay one boot', () => {
		expect(boots(ingestText(DUMP.join('\n') + '\n'))).toEqual([`start@3-${DUMP.length}`]);
		// `cat /sys/fs/pstore/*` twice: the second listing's parts are held already, so it is read
		// as another dump, whose times are the first's
		const twice = [...DUMP, ...DUMP];
		const run = ingestText(twice.join('\n') + '\n');
		expect(boots(run)).toEqual([`start@3-${twice.length}`]);
		expect(run.summary.input.lines_total).toBe(twice.length);
		expect(run.summary.input.warnings.some((w) => w.includes(PASTED))).toBe(false);
	});

	it('another dump after it, of a later crash: a boot of its own, its parts in its own order', () => {
		// the same machine's oops record again, 5000 s later (its next boot's crash): its parts
		// had been held with the first dump's and interleaved with them by counter and part
		const later = DUMP.map((l) =>
			l.replace(
				/^<(\d)>\[ *(\d+\.\d+)\]/,
				(_, p: string, t: string) => `<${p}>[${(Number(t) + 5000).toFixed(6).padStart(12)}]`
			)
		);
		const n = DUMP.length;
		const run = ingestText([...DUMP, ...later].join('\n') + '\n');
		expect(boots(run)).toEqual([`start@3-${n}`, `shape-change@${n + 3}-${2 * n}`]);
		const kernel = run.records.filter((r) => r.kind === 'kernel');
		for (const r of kernel) expect(r.boot).toBe(r.line <= n ? 0 : 1);
		expect(run.summary.input.lines_total).toBe(2 * n);
	});
});
