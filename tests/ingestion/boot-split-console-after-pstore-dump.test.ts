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
import { ingest } from '../../src/lib/ingestion/index.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';
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

	it('the whole console, its ring wrapped: its oldest part is the console’s boot, not a third', async () => {
		// the file read from the wrong place: its lines from 4.5 s to the restart at 42.7 s, then
		// its oldest part (3.8 s to 4.500395 s) which its first line continues (ring.ts). After the
		// dump it had been a third boot (timestamp-reset), the wrap no longer seen in 3 boots.
		const con = fixtureLines(CONSOLE, 1, 1349);
		const n = DUMP.length;
		for (const label of [[], ['', '==> /sys/fs/pstore/console-ramoops-0 <==']]) {
			const text = [...DUMP, ...label, ...con].join('\n');
			const run = ingestText(text);
			const at = n + label.length + 1;
			const end = n + label.length + con.length;
			expect(boots(run)).toEqual([`start@3-${n}`, `shape-change@${at}-${end}`]);
			expect(run.summary.wrappedBoots).toEqual([2]);
			expect(run.summary.input.warnings.filter((w) => w.includes('wrong place'))).toEqual([
				`The log pasted from line ${at} on is a ring buffer read from the wrong place: its end continues at its start (its last time stamp, 4.500346 s, comes just before its first, 4.500426 s). Lines ${at + 1274}-${end} are the oldest part of the buffer, printed before line ${at}: they are counted in boot 1, not as another boot.`
			]);
			// ingest(): its events and error blocks are renumbered as the report's findings are
			const ing = ingest(text.split('\n'));
			expect([...new Set(ing.events.map((e) => e.boot))].sort()).toEqual([0, 1]);
			expect(ing.errorBlocks.every((e) => e.boot <= 1)).toBe(true);
			// the report: the console's findings are boot 1's, as the console alone gives them in boot 0
			const r = await analyzeText(text);
			const alone = await analyzeText(con.join('\n'));
			expect(r.metadata.boots).toHaveLength(2);
			const mine = r.findings.filter((f) => f.boots.includes(1));
			expect(mine.every((f) => f.boots.length === 1)).toBe(true);
			const digest = (fs: typeof mine) =>
				fs.map((f) => `${f.title}|${f.occurrences.length}`).sort();
			expect(digest(mine)).toEqual(digest(alone.findings));
			for (const f of mine)
				for (const o of [f.first_seen, f.last_seen, ...f.occurrences]) expect(o.boot).toBe(1);
			expect(r.findings.some((f) => f.boots.includes(0))).toBe(true);
		}
	});

	it('the whole console listed before the dump (cat /sys/fs/pstore/*): two boots, the console’s and the dump’s', async () => {
		// `console-ramoops-0` sorts before `dmesg-…`: the console, its oldest part after its restart
		// (a timestamp-reset), then the dump (shape-change) had been three boots
		const con = fixtureLines(CONSOLE, 1, 1349);
		const c = con.length;
		const cases: Array<[string[], string[]]> = [
			[[], ['']],
			[['==> /sys/fs/pstore/console-ramoops-0 <=='], ['', '==> /sys/fs/pstore/dmesg-efi <==']]
		];
		for (const [head, between] of cases) {
			const text = [...head, ...con, ...between, ...DUMP].join('\n') + '\n';
			const run = ingestText(text);
			const h = head.length;
			const dumpAt = h + c + between.length + 3;
			expect(boots(run)).toEqual([
				`start@${h + 1}-${h + c}`,
				`shape-change@${dumpAt}-${h + c + between.length + DUMP.length}`
			]);
			expect(run.summary.wrappedBoots).toEqual([1]);
			const notes = run.summary.input.warnings;
			expect(notes.filter((w) => w.includes('wrong place'))).toEqual([
				`The log from its start up to line ${h + c} is a ring buffer read from the wrong place: its end continues at its start (its last time stamp, 4.500346 s, comes just before its first, 4.500426 s). Lines ${h + 1275}-${h + c} are the oldest part of the buffer, printed before line ${h + 1}: they are counted in boot 0, not as another boot.`
			]);
			// the dump's note names the boot it is now
			expect(notes.filter((w) => w.includes(PASTED))).toEqual([
				`Line ${dumpAt} starts another log pasted after the one before it: a pstore dump, whose records are of an earlier boot than the one it is read in, and none of its kernel times is one of the last ones before it. It is counted as a boot of its own (boot 1), another machine's or another boot's; if it is the same boot, analyse each log on its own.`
			]);
			expect(run.summary.metadata.boots.map((b) => b.index)).toEqual([0, 1]);
			expect(run.summary.metadata.calibration.map((x) => x.boot)).toEqual([0, 1]);
			expect(run.summary.metadata.boots[1].started_at).toMatch(/^2023-02-15T/);
			const ing = ingest(text.split('\n'));
			expect([...new Set(ing.events.map((e) => e.boot))].sort()).toEqual([0, 1]);
			// the report: the console's findings in boot 0, the dump's in boot 1 at their own dates
			const r = await analyzeText(text);
			const bug = r.findings.find((f) => f.title === 'kernel BUG in dql_completed');
			expect(bug?.boots).toEqual([1]);
			expect(bug?.first_seen.wall).toMatch(/^2023-02-15T12:06:31/);
			const denials = r.findings.filter((f) => f.title.startsWith('SELinux denials'));
			expect(denials.length).toBeGreaterThan(0);
			for (const f of denials) expect(f.boots).toEqual([0]);
		}
	});

	it('the dump alone, and the console alone, are one boot each', () => {
		expect(boots(ingestText(DUMP.join('\n') + '\n'))).toEqual([`start@3-${DUMP.length}`]);
		const con = fixtureLines(CONSOLE, 7, 1274);
		expect(boots(ingestText(con.join('\n') + '\n'))).toEqual([`start@1-${con.length}`]);
	});
});
