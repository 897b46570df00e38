import { binaryNote } from '$lib/ingestion/binary-note';
import { groupDigits } from '$lib/util/text';

/**
 * Notes that say the report itself is partial or unreliable: on a phone only the first note is
 * shown before the findings (the rest behind "Show all N notes"), so these come first. A stopped
 * analysis's note is added last by the pipeline, after the notes on dates and times.
 */
const FIRST = [
	/^Incomplete: /,
	/^The input is empty/,
	// what the file is instead of a text log, and what to do (ingestion/decode.ts NOT_TEXT): an ELF
	// file's or a photo's had come after "No kernel messages were recognised …: is it a kernel
	// log?", behind "Show all 3 notes" on a phone, the question shown and its answer hidden
	/^This (?:is an? |file is )(?:binary systemd journal file|kdump vmcore|ELF file|7-Zip archive|bzip2-compressed|lz4-compressed|binary data)\b/,
	// dmesg's or journalctl's refusal instead of the log (ingestion/formats/refused.ts)
	/^This input is (?:dmesg|journalctl)'s /,
	/^No kernel messages were recognised/,
	/^The log is corrupted/,
	// NUL bytes where the log's text was lost (not those at the unused end of a buffer): shown
	// behind "Show all 3 notes" under the note on dates without a year (izassafar-one-kern-log.log)
	/^The log holds .*NUL bytes.*(?:is lost| there is missing)/,
	// (`message(s) were` in reports of schema 1.14 and before)
	/^The log says \d+ printk message(?:s|\(s\))? (?:were|was) dropped/
];

/** The input notes in the order the page shows them: the report's order, those above first. */
export function orderNotes(warnings: readonly string[]): string[] {
	const lead = warnings.filter((w) => FIRST.some((re) => re.test(w)));
	return [...lead, ...warnings.filter((w) => !lead.includes(w))];
}

/**
 * A note of the report that says another log starts at a line (ingestion's boot split on a change
 * of the lines' shape): its line, why it was told, and its boot.
 */
const PASTED =
	/^Line (\d+) starts another log pasted after the one before it: (.+)\. It is counted as a boot of its own \(boot (\d+)\), another machine's or another boot's; if it is the same boot, analyse each log on its own\.$/;

/** A note as the page shows it: its words, and the report's own behind "Why?" when shortened. */
export interface ShownNote {
	text: string;
	/** how the report told what the note says (its own words, cut out of the shown text) */
	details: string[];
}

/**
 * Ingestion's note on stretches of NUL bytes (`ingestion/nul.ts`): what they are, how many bytes
 * in how many lines, where each is, which boots they come before, then what they mean and what
 * was lost.
 */
const NUL_NOTE =
	/^(The log holds (?:a stretch|stretches) of NUL bytes \(\^@\), which are never log text): ([\d,]+ bytes? in [\d,]+ lines?) \((.+?)\)\.( The log ends in (?:it|the last of them)\.)? ((?:It|Each) comes right before the first line of a new boot \([^)]*\)\. |\d+ of them comes? right before the first line of a new boot \([^)]*\)\. )?(In a .+)$/;

/**
 * The note on NUL bytes as the page shows it: what they are, how many, then what they mean and
 * what was lost; where each stretch is and which boots they come before are its details ("Why?").
 * On a phone, where the first note is cut to three lines, it had shown "…: 2,405,244 bytes in 36
 * lines (line 74629: 84 bytes; line 98159: 128 bytes; …" and none of what was lost. Null for
 * another note (or another wording, shown as it is).
 */
export function nulNote(w: string): ShownNote | null {
	const m = NUL_NOTE.exec(w);
	if (m === null) return null;
	const [, what, counts, where, ends, before, meaning] = m;
	const details = [
		`${what.includes('a stretch') ? 'The stretch' : 'The stretches'}: ${where}.${ends ?? ''}`,
		...(before ? [before.trimEnd()] : [])
	];
	return { text: bufferEndNote(where, ends, meaning) ?? `${what}: ${counts}. ${meaning}`, details };
}

/** one stretch of the note's list: `line 679: 480,539 bytes, the whole line` */
const STRETCH = /^line \d+: ([\d,]+) bytes?(?:, the whole line)?$/;

/**
 * A buffer's note (last_kmsg, pstore) whose log ends in NUL bytes, said of this log: the bytes at
 * the end, where nothing is missing, and the stretches before it, where text is. It had said what
 * NUL bytes at the end of a buffer and stretches before it mean in general, in four lines at
 * 1280 px (the DNS Airtab's last_kmsg), and left the reader to tell which of them this log held.
 * Null when the note lists not every stretch (`; 3 more`) or says something else.
 */
function bufferEndNote(where: string, ends: string | undefined, meaning: string): string | null {
	if (ends === undefined || !meaning.startsWith('In a buffer kept in memory')) return null;
	const bytes = where.split('; ').map((s) => STRETCH.exec(s)?.[1]);
	if (bytes.some((b) => b === undefined)) return null;
	const counts = bytes.map((b) => Number(b!.replaceAll(',', '')));
	const end = `The log ends in ${bytes[bytes.length - 1]} NUL ${counts[counts.length - 1] === 1 ? 'byte' : 'bytes'} (^@), the part of its buffer (pstore/ramoops, last_kmsg) not used yet: nothing is missing there.`;
	const k = counts.length - 1;
	if (k === 0) return end;
	const rest = groupDigits(counts.slice(0, k).reduce((a, b) => a + b, 0));
	return `${end} ${k === 1 ? 'The stretch' : `The ${k} stretches`} before it (${rest} bytes) ${k === 1 ? 'is' : 'are'} space that was not written: what the buffer should hold there is missing.`;
}

/**
 * A note of the report on what a file is (ingestion/decode.ts NOT_TEXT), said of a pasted text:
 * binary data pasted (a binary file's bytes copied from a terminal or an editor) had been told
 * "This file is binary data" and to save the log as a file. Other notes are returned as they are.
 */
export function pastedNote(w: string): string {
	if (w === binaryNote()) return binaryNote(true);
	return w.startsWith('This file is ')
		? `The pasted text is ${w.slice('This file is '.length)}`
		: w;
}

/** the reports' grouping of notes that differ only in their boot and line numbers (reportNotes) */
export type NoteGrouping = (warnings: readonly string[]) => string[];

/**
 * `output/notes.ts`'s reportNotes, loaded when a report has notes to group (two or more besides
 * the joined logs'): in the page's first JavaScript it had added 0.6 KB gzipped for the few
 * reports that need it. Null when there is nothing to load for these notes.
 */
export function noteGrouping(warnings: readonly string[]): Promise<NoteGrouping> | null {
	if (warnings.filter((w) => !PASTED.test(w)).length < 2) return null;
	return (loading ??= import('$lib/output/notes').then((m) => m.reportNotes));
}
let loading: Promise<NoteGrouping> | undefined;

/**
 * The input notes as the page shows them, in `orderNotes`'s order. The notes on other logs pasted
 * after the first (a kern.log of several logs joined: up to five, about 310 characters each, each
 * mostly how the join was told) are one note, where the first of them was, which says where each
 * starts and what that means; how each was told is its details. The report itself keeps them.
 * `pasted`: the input was pasted text, not a file (a report with no input name), whose notes on
 * what a file is speak of the pasted text (see pastedNote). `group`: the reports' grouping of the
 * other notes (noteGrouping), each note as it is until it is loaded.
 */
export function shownNotes(
	warnings: readonly string[],
	pasted = false,
	group: NoteGrouping = (w) => [...w]
): ShownNote[] {
	const ordered = orderNotes(warnings);
	const joins: Array<{ line: string; boot: string; why: string }> = [];
	const others: string[] = [];
	/** the joined logs' note goes where the first of them was: after the notes before it */
	let before = -1;
	for (const w of ordered) {
		const m = PASTED.exec(w);
		if (m === null) {
			others.push(w);
			continue;
		}
		if (before === -1) before = others.length;
		joins.push({ line: m[1], boot: m[3], why: m[2] });
	}
	// the other notes as the text and Markdown reports group them (`group`: the early stops of
	// several boots are one note, where the first was); a log of hundreds of boots had listed a
	// note of some 560 characters for each boot that stopped early, as many as 12 before the
	// findings of the 100 MB benchmark log
	const out: ShownNote[] = group(others).map(
		(w) => nulNote(w) ?? { text: pasted ? pastedNote(w) : w, details: [] }
	);
	if (joins.length === 0) return out;
	// a group is said where its first note was, so the notes before the join are as many as
	// `group` makes of them
	const at = group(others.slice(0, before)).length;
	const where = joins.map((j) => `line ${j.line} (boot ${j.boot})`);
	const list =
		where.length === 1
			? where[0]
			: `${where.slice(0, -1).join(', ')} and ${where[where.length - 1]}`;
	const text =
		joins.length === 1
			? `Another log starts at ${list}: it was pasted after the one before it and is counted as a boot of its own, another machine's or another boot's. If it is the same boot, analyse each log on its own.`
			: `Other logs start at ${list}: each was pasted after the one before it and is counted as a boot of its own, another machine's or another boot's. If one is the same boot as the log before it, analyse each log on its own.`;
	out.splice(at, 0, {
		text,
		details: joins.map((j) => `Line ${j.line}: ${j.why}.`)
	});
	return out;
}
