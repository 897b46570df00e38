/**
 * A pstore console record (console-ramoops: plain `[ts] …` console output of the boot before the
 * one it is read in) pasted after a pstore dump: its time starts again, and it had started a boot
 * by the reset (reason `timestamp-reset`), as if the machine had restarted after the dump. A
 * dump holds the end of a boot before the one it is read in, and so does the console: the log
 * after the dump is another log, a boot of its own with reason `shape-change` and a note, as a
 * log whose time goes on after a dump is (tracker.ts dumpReplayed, dumpEnd). After `tail`'s label
 * of the console's file, the console's first lines (the rest of a record its ring cut, time
 * stamps its flipped bits damaged) had been counted in the dump's boot: the label keeps the text
 * after the dump another log's. Lines are real: the efi-pstore dump
 * i225nic-pstore-panic-log-txt.log and the console-ramoops cykeek-stuff-console-ramoops-0.log
 * (its lines up to its wrap), in fixtures/formats/real; the label is `tail`'s, written here.
 */
import { describe, expect, it } from 'vitest';
import { boots, fixtureLines, i225Dump, ingestText } from './helpers.ts';

const DUMP = i225Dump();
const CONSOLE = 'real/cykeek-stuff-console-ramoops-0.log';
const PASTED = 'starts another log pasted after the one before it';

describe('a console-ramoops after a pstore dump', () => {
	it('from its first timed line: a boot of its own, another log, not a restart', () => {
		// lines 7-1274: from its first intact time stamp (4.500426 s) to its restart at 42.7 s
		const con = fixtureLines(CONSOLE, 7, 1274);
		expect(con[0]).toMatch(/^\[ {4}4\.500426\] /);
		const n = DUMP.length;
		const run = ingestText([...DUMP, ...con].join('\n') + '\n');
		expect(boots(run).map((b) => b.split('@')[0])).toEqual(['start', 'shape-change']);
		expect(boots(run)[1]).toMatch(new RegExp(`^shape-change@${n + 1}-`));
		const notes = run.summary.input.warnings.filter((w) => w.includes(PASTED));
		expect(notes).toEqual([
			`Line ${n + 1} starts another log pasted after the one before it: its kernel time starts again (from the pstore dump's last, 1331.453698 s, to 4.500426 s) without a \`Linux version\` banner: not a restart after the dump, whose records are of a boot before the one they are read in, but another log, such as pstore's console record (console-ramoops, that boot's console). It is counted as a boot of its own (boot 1), another machine's or another boot's; if it is the same boot, analyse each log on its own.`
		]);
		for (const r of run.records) if (r.boot >= 0) expect(r.boot).toBe(r.line <= n ? 0 : 1);
		expect(run.summary.input.lines_total).toBe(n + con.length);
	});

	it('after tail’s label of its file: its first lines are the console’s, not the dump’s', () => {
		const con = fixtureLines(CONSOLE, 1, 1274);
		const n = DUMP.length;
		const run = ingestText(
			[...DUMP, '', '==> /sys/fs/pstore/console-ramoops-0 <==', ...con].join('\n') + '\n'
		);
		// the dump's boot had run to the console's sixth line, its first intact time the reset
		expect(boots(run)).toEqual([`start@3-${n}`, `shape-change@${n + 3}-${n + 2 + con.length}`]);
		expect(run.summary.input.lines_total).toBe(n + 2 + con.length);
		for (const r of run.records) if (r.line > n + 2 && r.boot >= 0) expect(r.boot).toBe(1);
	});

	it('the dump alone, and the console alone, are one boot each', () => {
		expect(boots(ingestText(DUMP.join('\n') + '\n'))).toEqual([`start@3-${DUMP.length}`]);
		const con = fixtureLines(CONSOLE, 7, 1274);
		expect(boots(ingestText(con.join('\n') + '\n'))).toEqual([`start@1-${con.length}`]);
	});
});
