/**
 * Binary data pasted (a binary file's bytes copied from a terminal or an editor) is said to be
 * the pasted text in the page, with what to paste instead: its note had said "This file is binary
 * data" and to save the log as a file, of a text pasted into the page. A file's note is unchanged,
 * and so is the report's own (its JSON, the CLI's words).
 */
import { describe, expect, it } from 'vitest';
import { pastedNote, shownNotes } from '../../src/lib/components/notes.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';

const BINARY = '\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f binary\n'.repeat(
	50
);

describe('the note on binary data pasted', () => {
	it('speaks of the pasted text and says what to paste, first of the notes', async () => {
		const report = await analyzeText(BINARY);
		const own = report.input.warnings.find((w) => w.includes('binary data'));
		expect(own).toMatch(/^This file is binary data, not text: /);
		const shown = shownNotes(report.input.warnings, true);
		expect(shown[0].text).toBe(
			"The pasted text is binary data, not text: a quarter or more of its first bytes are control characters or not UTF-8, which no kernel log has. Paste the kernel log's own text (the output of `dmesg` or `journalctl -k`), or open the log file itself."
		);
		expect(shown.some((n) => /This file/.test(n.text))).toBe(false);
		// a file's note is the report's own
		expect(shownNotes(report.input.warnings)[0].text).toBe(own);
	});

	it('says "the pasted text" for the other kinds a file can be, and leaves other notes alone', () => {
		expect(pastedNote('This file is lz4-compressed, which is not read here.')).toBe(
			'The pasted text is lz4-compressed, which is not read here.'
		);
		const year = 'Some dates carry no year; they were read as 2023.';
		expect(pastedNote(year)).toBe(year);
	});
});
