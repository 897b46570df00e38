/**
 * The page shows ingestion's note on NUL bytes as what they are, how many, then what they mean and
 * what was lost; where each stretch is, and which boots they come before, are behind "Why?". On a
 * phone (the first note cut to three lines) it had shown the list of lines and none of the loss.
 */
import { describe, expect, it } from 'vitest';
import { nulNote, shownNotes } from '../../src/lib/components/notes.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { fixture } from '../support/fixtures.ts';

describe('the note on NUL bytes as the page shows it', () => {
	it('leads with what they are and ends with what was lost, as ingestion words it', async () => {
		// a Raspberry Pi's kern.log: three stretches, each before a boot's first line
		const report = await analyzeText(fixture('e2e/izassafar-kern-log-boots.log'));
		const note = report.input.warnings.find((w) => w.startsWith('The log holds'));
		expect(note).toBeDefined();
		const shown = shownNotes(report.input.warnings).find((n) => n.text.includes('NUL bytes'));
		expect(shown).toEqual({
			text: 'The log holds stretches of NUL bytes (^@), which are never log text: 249 bytes in 3 lines. In a log file written to disk, NUL bytes are space the file had been given whose data never reached the disk: the machine lost power or crashed before it was written, and what was logged there is lost: the end of boots 12, 13 and 14, which did not shut down cleanly.',
			details: [
				'The stretches: line 246: 83 bytes; line 273: 83 bytes; line 327: 83 bytes.',
				'Each comes right before the first line of a new boot (boots 13, 14 and 15).'
			]
		});
		// nothing the report says is lost: its words are in the note or its details
		const said = `${shown!.text} ${shown!.details.join(' ')}`;
		const bare = (w: string) => {
			let end = w.length;
			while (end > 0 && '().,;:'.includes(w[end - 1])) end--;
			return w.slice(w.startsWith('(') ? 1 : 0, end);
		};
		for (const word of note!.split(' ')) expect(said).toContain(bare(word));
	});

	it('keeps what a buffer’s note says of its end, and one stretch’s wording', () => {
		const buffer =
			'The log holds stretches of NUL bytes (^@), which are never log text: 480,699 bytes in 3 lines (line 672: 128 bytes; line 678: 32 bytes; line 679: 480,539 bytes, the whole line). The log ends in the last of them. In a buffer kept in memory across a reset (pstore/ramoops, last_kmsg), NUL bytes at its end are the part of the buffer not used yet: nothing is missing there; a stretch before the end is space that was not written, and what the buffer should hold there is missing.';
		// said of this log: how much is the unused end, how much before it is missing text (the
		// note had said what each would mean, in four lines at 1280 px)
		expect(nulNote(buffer)).toEqual({
			text: 'The log ends in 480,539 NUL bytes (^@), the part of its buffer (pstore/ramoops, last_kmsg) not used yet: nothing is missing there. The 2 stretches before it (160 bytes) are space that was not written: what the buffer should hold there is missing.',
			details: [
				'The stretches: line 672: 128 bytes; line 678: 32 bytes; line 679: 480,539 bytes, the whole line. The log ends in the last of them.'
			]
		});
		const one =
			'The log holds a stretch of NUL bytes (^@), which are never log text: 84 bytes in 1 line (line 951: 84 bytes). It comes right before the first line of a new boot (boot 1). In a log file written to disk, NUL bytes are space the file had been given whose data never reached the disk: the machine lost power or crashed before it was written, and what was logged there is lost: the end of boot 0, which did not shut down cleanly.';
		expect(nulNote(one)?.details).toEqual([
			'The stretch: line 951: 84 bytes.',
			'It comes right before the first line of a new boot (boot 1).'
		]);
		expect(nulNote(one)?.text).toMatch(
			/^The log holds a stretch of NUL bytes .*: 84 bytes in 1 line\. In a log file .* did not shut down cleanly\.$/
		);
		// a buffer that ends in its only stretch, one stretch before the end, and a note that does
		// not list every stretch
		const endOnly =
			'The log holds a stretch of NUL bytes (^@), which are never log text: 4,096 bytes in 1 line (line 900: 4,096 bytes, the whole line). The log ends in it. In a buffer kept in memory across a reset (pstore/ramoops, last_kmsg), NUL bytes at its end are the part of the buffer not used yet: nothing is missing there.';
		expect(nulNote(endOnly)?.text).toBe(
			'The log ends in 4,096 NUL bytes (^@), the part of its buffer (pstore/ramoops, last_kmsg) not used yet: nothing is missing there.'
		);
		expect(nulNote(endOnly)?.details).toEqual([
			'The stretch: line 900: 4,096 bytes, the whole line. The log ends in it.'
		]);
		expect(
			nulNote(
				buffer
					.replace('line 672: 128 bytes; ', '')
					.replace('480,699 bytes in 3', '480,571 bytes in 2')
			)?.text
		).toMatch(
			/nothing is missing there\. The stretch before it \(32 bytes\) is space that was not written: /
		);
		const more = buffer.replace('the whole line)', 'the whole line; 4 more)');
		expect(nulNote(more)?.text).toMatch(
			/^The log holds stretches of NUL bytes .*: 480,699 bytes in 3 lines\. In a buffer /
		);
		// a buffer not ending in NUL bytes: what they mean in general
		const inside =
			'The log holds a stretch of NUL bytes (^@), which are never log text: 84 bytes in 1 line (line 12: 84 bytes). In a buffer kept in memory across a reset (pstore/ramoops, last_kmsg), NUL bytes are space that was not written: what the buffer should hold there is missing.';
		expect(nulNote(inside)?.text).toBe(
			'The log holds a stretch of NUL bytes (^@), which are never log text: 84 bytes in 1 line. In a buffer kept in memory across a reset (pstore/ramoops, last_kmsg), NUL bytes are space that was not written: what the buffer should hold there is missing.'
		);
		// another note, or another wording, is shown as it is
		expect(nulNote('Some dates carry no year.')).toBeNull();
	});
});
