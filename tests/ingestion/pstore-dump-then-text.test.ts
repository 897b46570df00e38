/**
 * Unprefixed text pasted after a pstore dump (a user's notes, a report copied without its times,
 * a shell's prompt and command, then perhaps another log): every line of the dump's records has a
 * kernel prefix, so the text is none of that boot's kernel messages. It had been counted as
 * unparsed text of the dump's boot (its boot's range ran to it, and a report in it was that
 * boot's); it is now unparsed `text after a pstore dump (not its records)` up to the next kernel
 * record, another log: a boot of its own from its first line, still analysed (a prompt stays a
 * skipped prompt). `head`'s and `tail`'s labels of the dump's files
 * (`==> /sys/fs/pstore/dmesg-efi-… <==`) are the dump's file names, not text after it.
 * Lines are real: the efi-pstore dump i225nic-pstore-panic-log-txt.log and a plain dmesg
 * (linux-bug-dmesg-out.log), in fixtures/formats/real; the notes and prompt are invented.
 */
import { describe, expect, it } from 'vitest';
import { UNPARSED_AFTER_DUMP } from '../../src/lib/ingestion/formats/types.ts';
import { SKIP_SHELL } from '../../src/lib/ingestion/formats/bare.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { boots, fixtureLines, i225Dump, ingestText } from './helpers.ts';

const DUMP = i225Dump();
const DMESG = fixtureLines('real/linux-bug-dmesg-out.log', 1, 20);
const NOTES = [
	'',
	'alice@host1:~$ uname -r',
	'5.13.0-30-generic',
	'After the reboot it froze again: BUG: kernel NULL pointer dereference, address: 0000000000000008',
	'  (nothing else was printed)'
];

describe('text pasted after a pstore dump', () => {
	it('is another log, a boot of its own that is analysed, every line counted', async () => {
		const text = [...DUMP, ...NOTES, ...DMESG].join('\n') + '\n';
		const run = ingestText(text);
		const input = run.summary.input;
		expect(input.lines_total).toBe(DUMP.length + NOTES.length + DMESG.length);
		// the notes (not the blank line held with the dump, nor the prompt)
		expect(input.unparsed_reasons).toEqual({ [UNPARSED_AFTER_DUMP]: 3 });
		expect(input.lines_unparsed).toBe(3);
		expect(input.skipped_reasons[SKIP_SHELL]).toBe(1);
		// the dump's boot ends with its last line (it had run to the notes' last); the notes start
		// a boot (after the prompt), and the dmesg after them, whose time starts there, is in it
		const end = DUMP.length;
		const notes = end + 3;
		expect(boots(run)).toEqual([
			`start@3-${end}`,
			`shape-change@${notes}-${end + NOTES.length + DMESG.length}`
		]);
		expect(run.records.filter((r) => r.line >= notes && r.line <= end + NOTES.length)).toEqual(
			NOTES.slice(2).map((t, k) => expect.objectContaining({ line: notes + k, text: t, boot: 1 }))
		);
		expect(input.warnings).toContain(
			`Line ${notes} starts another log pasted after the one before it: text without kernel prefixes after a pstore dump, whose records all have one. It is counted as a boot of its own (boot 1), another machine's or another boot's; if it is the same boot, analyse each log on its own.`
		);
		// the BUG quoted in the notes is reported in their boot, not in the dump's
		const r = await analyzeText(text);
		const quoted = r.findings.filter((f) => f.occurrences.some((o) => o.first_line === notes + 1));
		expect(quoted.map((f) => f.boots)).toEqual([[1]]);
	});

	it('a log of another shape after the dump is read as it was', () => {
		// the dmesg right after the dump (its first line ends the wait), in a boot of its own
		const run = ingestText([...DUMP, ...DMESG].join('\n') + '\n');
		expect(run.summary.input.lines_unparsed).toBe(0);
		expect(run.records.filter((r) => r.line > DUMP.length).every((r) => r.kind === 'kernel')).toBe(
			true
		);
	});

	it('head’s or tail’s labels of the dump’s files keep it one dump', () => {
		// `tail -n +1 /sys/fs/pstore/*`: a blank line and `==> file <==` before each file's text
		const tailed = DUMP.flatMap((l) =>
			l.startsWith('dmesg-efi-') ? ['', `==> /sys/fs/pstore/${l.slice(0, -1)} <==`] : [l]
		);
		const plain = ingestText(DUMP.join('\n') + '\n');
		const run = ingestText([...tailed, ...NOTES].join('\n') + '\n');
		// the same records in the same order (each label adds a blank line before it)
		const lineOf = new Map<number, number>();
		let n = 0;
		DUMP.forEach((l, k) => {
			n += l.startsWith('dmesg-efi-') ? 2 : 1;
			lineOf.set(k + 1, n);
		});
		expect(run.records.map((r) => r.line).filter((l) => l <= tailed.length)).toEqual(
			plain.records.map((r) => lineOf.get(r.line) as number)
		);
		expect(run.summary.input.skipped_reasons['pstore file name']).toBe(
			plain.summary.input.skipped_reasons['pstore file name']
		);
		expect(run.summary.input.unparsed_reasons).toEqual({ [UNPARSED_AFTER_DUMP]: 3 });
		// the labels date the dump as the names do
		expect(run.summary.wallClock(0, 1330.842928)).toBe(plain.summary.wallClock(0, 1330.842928));
	});
});
