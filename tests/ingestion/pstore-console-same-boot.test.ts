/**
 * pstore's console record of the boot a dump holds (console-ramoops: plain `[ts] …` console
 * output of the boot that crashed), pasted after the dump. Its ring is cut inside a record: its
 * first line is the rest of one, without a prefix, and then come the records the dump holds too,
 * at the same times. That first line had started a boot of its own (`shape-change`, text after a
 * dump), and the dump's crash was then reported in two boots, as if the machine had crashed twice;
 * a console whose first line was whole stayed in the dump's boot (its time is one of the dump's).
 * The untimed lines after the dump (a blank line, `tail`'s label, the rest of the record) are now
 * held until the next timed line: when its time is one of the dump's, they and the console are
 * the dump's boot (classifier.ts afterDumpText). Lines are real: the efi-pstore dump
 * i225nic-pstore-panic-log-txt.log and its oops record's lines without their `<N>` as the console
 * (fixtures/formats/real); the cut, the label and the note are written here.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { boots, i225Dump, i225OopsLines, ingestText, later } from './helpers.ts';

const DUMP = i225Dump();
/** the console of the dump's boot: the oops record's lines as the console prints them */
const CONSOLE = i225OopsLines().map((l) => l.replace(/^<\d>/, ''));
/** the console's ring cut inside its first record: the rest of that line, then the next records */
const CUT = [CONSOLE[0].slice(40), ...CONSOLE.slice(1)];
const PASTED = 'starts another log pasted after the one before it';
const PSTORE_REPEAT = 'repeated from an earlier pstore record';

describe('a console-ramoops of the dump’s boot after the dump', () => {
	it('its ring cut inside a record: the dump’s boot, not another log', async () => {
		expect(CONSOLE[0]).toBe('[  885.943938] igc 0000:02:00.0 enp2s0: Detected Tx Unit Hang');
		expect(CUT[0]).toBe('Detected Tx Unit Hang');
		const n = DUMP.length;
		for (const between of [[], ['', '==> /sys/fs/pstore/console-ramoops-0 <==']]) {
			const text = [...DUMP, ...between, ...CUT].join('\n') + '\n';
			const run = ingestText(text);
			const end = n + between.length + CUT.length;
			expect(boots(run)).toEqual([`start@3-${end}`]);
			expect(run.summary.input.warnings.filter((w) => w.includes(PASTED))).toEqual([]);
			for (const r of run.records) if (r.line > n) expect(r.boot).toBe(0);
			expect(run.summary.input.lines_total).toBe(end);
			const r = await analyzeText(text);
			expect(r.findings.every((f) => f.boots.length === 1 && f.boots[0] === 0)).toBe(true);
			expect(r.findings.some((f) => f.title === 'kernel BUG in dql_completed')).toBe(true);
		}
	});

	it('as when its first line is whole', () => {
		const run = ingestText([...DUMP, ...CONSOLE].join('\n') + '\n');
		expect(boots(run)).toEqual([`start@3-${DUMP.length + CONSOLE.length}`]);
	});

	it('its records that repeat the dump’s (same time and text) count once, every line still in lines_total', async () => {
		// the dump holds the card's `Detected Tx Unit Hang` 18 times; with the console's copies the
		// report had counted 36 (35 with the console cut inside its first record), and the oops and
		// its WARNING twice each, as with the dump listed twice
		const dumpOnly = await analyzeText(DUMP.join('\n') + '\n');
		const hang = (r: typeof dumpOnly) =>
			r.findings.filter((f) => f.title.includes('transmit hang')).map((f) => f.count);
		expect(hang(dumpOnly)).toEqual([18]);
		// the dump's own: its panic record repeats lines of its oops record
		const own = dumpOnly.input.skipped_reasons[PSTORE_REPEAT];
		expect(own).toBe(450);
		// a second listing: all its lines but its file names and headers
		const named = dumpOnly.input.skipped_reasons;
		const again = DUMP.length - named['pstore file name'] - named['pstore record header'];
		const cases: Array<[string[], number]> = [
			[[...DUMP, ...CONSOLE], CONSOLE.length],
			[[...DUMP, ...CUT], CUT.length - 1],
			[[...DUMP, '', '==> /sys/fs/pstore/console-ramoops-0 <==', ...CUT], CUT.length - 1],
			// `cat /sys/fs/pstore/*` twice: the second listing's records again
			[[...DUMP, ...DUMP], again]
		];
		for (const [lines, copies] of cases)
			for (const text of [lines.join('\n') + '\n', lines.join('\r\n') + '\r\n']) {
				const r = await analyzeText(text);
				expect(r.input.lines_total).toBe(lines.length);
				expect(r.input.skipped_reasons[PSTORE_REPEAT]).toBe(own + copies);
				expect(hang(r)).toEqual([18]);
				const titles = (x: typeof r) => x.findings.map((f) => `${f.title}|${f.count}`);
				expect(titles(r)).toEqual(titles(dumpOnly));
				expect(r.metadata.boots.map((b) => `${b.first_line}-${b.last_line}`)).toEqual([
					`3-${lines.length}`
				]);
			}
	});

	it('a console line that is no copy (another time) is counted and analysed', async () => {
		// the console's last hang again, half a second later, in its place: the dump does not hold it
		const at = CONSOLE.findLastIndex((l) => l.endsWith('Detected Tx Unit Hang'));
		const extra = later(CONSOLE[at], 0.5);
		const r = await analyzeText(
			[...DUMP, ...CONSOLE.slice(0, at + 1), extra, ...CONSOLE.slice(at + 1)].join('\n') + '\n'
		);
		expect(r.input.skipped_reasons[PSTORE_REPEAT]).toBe(450 + CONSOLE.length);
		expect(r.findings.find((f) => f.title.includes('transmit hang'))?.count).toBe(19);
		expect(r.metadata.boots).toHaveLength(1);
	});

	it('text then lines whose time is none of the dump’s: another log, as it was', () => {
		// a note, then the console's lines an hour later (another boot's times)
		const n = DUMP.length;
		const run = ingestText(
			[...DUMP, 'the same again:', ...CONSOLE.slice(1).map((l) => later(l, 3600))].join('\n') + '\n'
		);
		expect(boots(run)).toEqual([`start@3-${n}`, `shape-change@${n + 1}-${n + CONSOLE.length}`]);
		expect(run.summary.input.warnings.filter((w) => w.includes(PASTED))).toHaveLength(1);
	});

	it('untimed lines up to the input’s end are text after the dump', () => {
		const n = DUMP.length;
		const run = ingestText([...DUMP, '', 'Detected Tx Unit Hang'].join('\n') + '\n');
		expect(boots(run)).toEqual([`start@3-${n}`, `shape-change@${n + 2}-${n + 2}`]);
		expect(run.summary.input.lines_total).toBe(n + 2);
	});
});
