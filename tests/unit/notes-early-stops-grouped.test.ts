/**
 * The page groups the notes on boots that stopped early as the text and Markdown reports do
 * (`reportNotes`): one note, where the first was. It had listed each, some 560 characters apiece of
 * which the last 390 were the same words; the 100 MB benchmark log's report had twelve of them
 * before its findings.
 */
import { describe, expect, it } from 'vitest';
import { earlyStopNote } from '../support/early-stop.ts';
import { noteGrouping, shownNotes } from '../../src/lib/components/notes.ts';
import { reportNotes } from '../../src/lib/output/notes.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';

const year = 'Some dates carry no year; they were read as 2023 (year of a dated line in the log).';
const join = (line: number, boot: number) =>
	`Line ${line} starts another log pasted after the one before it: its lines name a host where the lines before named none, and its first line (2113.735995 s) is none of their last ones. It is counted as a boot of its own (boot ${boot}), another machine's or another boot's; if it is the same boot, analyse each log on its own.`;

describe('shownNotes on boots that stopped early', () => {
	it('says several in one note, in the reports’ words, where the first was', () => {
		const stops = [earlyStopNote(3, 100, 2.6, true), earlyStopNote(17, 900, 0, false)];
		const notes = shownNotes([stops[0], year, stops[1]], false, reportNotes);
		expect(notes.map((n) => n.text)).toEqual(reportNotes([stops[0], year, stops[1]]));
		expect(notes).toHaveLength(2);
		expect(notes[0].text).toMatch(/^The logs of 2 boots stop early/);
		expect(notes[1]).toEqual({ text: year, details: [] });
		// without the grouping (not loaded yet), each as it is
		expect(shownNotes([stops[0], year, stops[1]]).map((n) => n.text)).toEqual([
			stops[0],
			year,
			stops[1]
		]);
		// one is said as it is
		expect(shownNotes([stops[1], year], false, reportNotes).map((n) => n.text)).toEqual([
			stops[1],
			year
		]);
	});

	it('keeps the joined logs’ note where the first join was, among the grouped notes', () => {
		const a = earlyStopNote(3, 100, 2.6, true);
		const b = earlyStopNote(30, 2000, 7.25, true);
		const notes = shownNotes([a, join(1500, 9), b, year, join(2500, 31)], false, reportNotes);
		expect(notes.map((n) => n.text.slice(0, 24))).toEqual([
			'The logs of 2 boots stop',
			'Other logs start at line',
			year.slice(0, 24)
		]);
		// a join before every stop: first
		expect(
			shownNotes([join(50, 1), a, b], false, reportNotes).map((n) => n.text.slice(0, 13))
		).toEqual(['Another log s', 'The logs of 2']);
	});

	it('groups the notes the pipeline writes for a log of boots that stop during start-up', async () => {
		const boot = [
			'[    0.000000] Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)',
			'[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-18-amd64 root=/dev/sda1 ro quiet',
			'[    1.200000] usb 1-1: new high-speed USB device number 2 using xhci_hcd',
			'[    2.600000] ata1: SATA link up 6.0 Gbps (SStatus 133 SControl 300)'
		];
		const report = await analyzeText([...boot, ...boot, ...boot].join('\n') + '\n');
		expect(report.input.warnings).toHaveLength(2);
		const notes = shownNotes(report.input.warnings, false, reportNotes);
		expect(notes).toHaveLength(1);
		expect(notes[0].text).toBe(reportNotes(report.input.warnings)[0]);
		expect(notes[0].text).toMatch(/^The logs of 2 boots stop early.*boots 0 .* and 1 /);
	});

	it('loads the grouping only for notes it may group: two or more besides the joins', async () => {
		expect(noteGrouping([])).toBeNull();
		expect(noteGrouping([year, join(1500, 9), join(2500, 31)])).toBeNull();
		const load = noteGrouping([year, earlyStopNote(3, 100, 2.6, true)]);
		expect(await load).toBe(reportNotes);
	});
});
