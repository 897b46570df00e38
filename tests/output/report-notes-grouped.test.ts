/**
 * The notes at the top of the text and Markdown reports: notes that differ only in their boot and
 * line numbers are one note, so that a log of hundreds of boots has a head read in seconds (the
 * 100 MB benchmark log's had held twelve notes of boots that stopped early, 6,700 characters).
 */
import { describe, expect, it } from 'vitest';
import { earlyStopNote } from '../support/early-stop.ts';
import { reportNotes } from '../../src/lib/output/notes.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { analyzeText } from '../../src/lib/index.ts';

const pasted = (line: number, boot: number, why: string) =>
	`Line ${line} starts another log pasted after the one before it: ${why}. It is counted as a boot of its own (boot ${boot}), another machine's or another boot's; if it is the same boot, analyse each log on its own.`;
const DATES =
	'its lines have dates and no kernel times where the lines before had kernel times and no dates, and its first line is none of their last ones';

describe('notes that differ only in their boot and line numbers', () => {
	it('are one note of the boots that stopped early, by how far start-up got, where the first was', () => {
		const other =
			'Some dates carry no year; they were read as 2023 (year of a dated line in the log).';
		const notes = [
			earlyStopNote(3, 100, 2.6, true),
			other,
			earlyStopNote(17, 900, 0, false),
			earlyStopNote(30, 2000, 7.25, true)
		];
		const out = reportNotes(notes);
		expect(out).toHaveLength(2);
		expect(out[1]).toBe(other);
		expect(out[0]).toBe(
			'The logs of 3 boots stop early, each followed by the next boot (the time is counted from the start of its kernel): ' +
				'boots 3 (lines 100-199, 2.6 s) and 30 (lines 2000-2099, 7.3 s) just after the kernel started user space; ' +
				'boot 17 (lines 900-999, 0.0 s) before the kernel started user space: ' +
				notes[0].slice(notes[0].indexOf('the machine most likely'))
		);
		// one such note is said as it is
		expect(reportNotes([notes[2], other])).toEqual([notes[2], other]);
	});

	it('are one note of the logs pasted after another, told the same way', () => {
		const time =
			"its lines name a host where the lines before named none, and the kernel's time goes back from 890563.636988 s to 150208.303622 s without repeating their messages";
		const out = reportNotes([
			pasted(8532, 6, DATES),
			pasted(24796, 11, time),
			pasted(37341, 19, DATES)
		]);
		expect(out).toEqual([
			`Lines 8532 (boot 6) and 37341 (boot 19) start other logs pasted after the one before each: ${DATES}. Each is counted as a boot of its own, another machine's or another boot's; if one is the same boot as the log before it, analyse each log on its own.`,
			// told otherwise (its numbers are no boot nor line): its own note
			pasted(24796, 11, time)
		]);
	});

	it('are one note in the text and Markdown reports, each note once in the JSON', async () => {
		const r = await analyzeText('[    0.000000] Linux version 6.1.0 (b@h) #1 SMP\n', {
			name: 'x.log'
		});
		r.input.warnings = [earlyStopNote(3, 100, 2.6, true), earlyStopNote(30, 2000, 7.25, true)];
		const txt = formatText(r);
		expect(txt).toContain('Note: The logs of 2 boots stop early,');
		expect(txt).not.toContain('The log of boot');
		expect(txt.match(/^Note:/gm)).toHaveLength(1);
		const md = formatMarkdown(r);
		expect(md.match(/^> \*\*Note:\*\*/gm)).toHaveLength(1);
		expect(md).toContain(
			'boots 3 (lines 100-199, 2.6 s) and 30 (lines 2000-2099, 7.3 s) just after'
		);
		expect(r.input.warnings).toHaveLength(2);
	});
});
