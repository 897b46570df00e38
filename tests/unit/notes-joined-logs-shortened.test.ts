/**
 * The page shows the notes on other logs pasted after the first (a kern.log of several logs
 * joined) as one short note, where each starts and what that means, with how each was told behind
 * "Why?": two joins had been two notes of about 310 characters, mostly how the join was told. The
 * report's own notes are unchanged.
 */
import { describe, expect, it } from 'vitest';
import { nulNote, shownNotes } from '../../src/lib/components/notes.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { fixture } from '../support/fixtures.ts';

const year = 'Some dates carry no year; they were read as 2023 (year of a dated line in the log).';
const lost =
	'The log holds stretches of NUL bytes (^@), which are never log text: 249 bytes in 3 lines. In a log file written to disk, NUL bytes are space the file had been given whose data never reached the disk: the machine lost power or crashed before it was written, and what was logged there is lost.';
const join = (line: number, why: string, boot: number) =>
	`Line ${line} starts another log pasted after the one before it: ${why}. It is counted as a boot of its own (boot ${boot}), another machine's or another boot's; if it is the same boot, analyse each log on its own.`;
const KERNEL_TIMES =
	'its lines have kernel times where the lines before had dates and none, and it repeats none of their messages';
const HOST =
	'its lines name a host where the lines before named none, and its first line (2113.735995 s) is none of their last ones';

describe('shownNotes', () => {
	it('leaves notes of another kind as they are, in orderNotes’s order', () => {
		expect(shownNotes([year, lost])).toEqual([
			{ text: lost, details: [] },
			{ text: year, details: [] }
		]);
		expect(shownNotes([])).toEqual([]);
	});

	it('says one join shortly, how it was told in its details', () => {
		const notes = shownNotes([join(134, KERNEL_TIMES, 1), year]);
		expect(notes).toEqual([
			{
				text: "Another log starts at line 134 (boot 1): it was pasted after the one before it and is counted as a boot of its own, another machine's or another boot's. If it is the same boot, analyse each log on its own.",
				details: [`Line 134: ${KERNEL_TIMES}.`]
			},
			{ text: year, details: [] }
		]);
	});

	it('says several joins in one note, where the first was, each join’s reason in the details', () => {
		const notes = shownNotes([join(134, KERNEL_TIMES, 1), join(1194, HOST, 2), year, lost]);
		expect(notes.map((n) => n.text)).toEqual([
			lost,
			"Other logs start at line 134 (boot 1) and line 1194 (boot 2): each was pasted after the one before it and is counted as a boot of its own, another machine's or another boot's. If one is the same boot as the log before it, analyse each log on its own.",
			year
		]);
		expect(notes[1].details).toEqual([`Line 134: ${KERNEL_TIMES}.`, `Line 1194: ${HOST}.`]);
		const three = shownNotes([join(1, 'a', 1), join(2, 'b', 2), join(3, 'c', 3)]);
		expect(three[0].text).toMatch(
			/^Other logs start at line 1 \(boot 1\), line 2 \(boot 2\) and line 3 \(boot 3\): /
		);
	});

	it('shortens the notes the pipeline writes for a kern.log of three logs joined', async () => {
		// the joins as ingestion words them: a note the page no longer matched would be shown whole
		const joined =
			fixture('health/amdgpu-ring-timeout.log') +
			fixture('formats/real/i225nic-pstore-panic-log-txt.log') +
			fixture('e2e/izassafar-kern-log-boots.log');
		const report = await analyzeText(joined);
		const warnings = report.input.warnings;
		expect(warnings.filter((w) => w.includes('starts another log pasted'))).toHaveLength(2);
		const notes = shownNotes(warnings);
		expect(notes).toHaveLength(warnings.length - 1);
		// (the note on NUL bytes has details of its own)
		const joins = notes.filter((n) => n.details.length > 0 && !n.text.includes('NUL bytes'));
		expect(joins).toHaveLength(1);
		expect(joins[0].text).toMatch(
			/^Other logs start at line \d+ \(boot \d+\) and line \d+ \(boot \d+\): /
		);
		expect(joins[0].details).toHaveLength(2);
		// nothing else said is lost: every other note is shown as the report has it (but the one on
		// NUL bytes, shortened on its own: notes-nul-bytes-shortened.test.ts)
		for (const w of warnings.filter(
			(w) => !w.includes('starts another log pasted') && nulNote(w) === null
		))
			expect(notes.map((n) => n.text)).toContain(w);
	});
});
