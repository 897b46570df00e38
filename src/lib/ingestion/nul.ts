import type { Boot } from '../models/metadata.ts';
import { codeAt, groupDigits } from '../util/text.ts';

/**
 * Stretches of NUL bytes where log text should be. NUL is never log text: a run of them is space
 * that was never written.
 *
 * - A log file on disk (kern.log, syslog, messages): the file had been extended (its new size
 *   recorded) but its data never reached the disk, because the machine lost power or crashed
 *   first: the classic "kern.log full of ^@ after a power cut". After the reboot the logger
 *   appends behind the hole, so the stretch is followed by the next boot's first lines, often on
 *   the same line (the hole has no newline). The end of the previous boot is lost.
 * - A buffer kept in memory across a reset (pstore/ramoops, Android last_kmsg): the part of the
 *   buffer that was never written (or was cleared and not written again) reads as NUL bytes.
 *
 * Runs shorter than MIN_RUN are not counted: a single NUL is a character damaged by a flipped
 * bit (` ` or `@` with its one bit lost, as in the bit-flipped ramoops console of the corpus), or
 * a byte a driver printed.
 *
 * The ingestor looks at a line only when it holds a NUL (the line splitter tells which chunks
 * have none), so ordinary logs pay one search a chunk.
 */
export class NulStretches {
	/** lines holding a run of at least MIN_RUN NUL bytes */
	lines = 0;
	/** NUL bytes in those runs */
	bytes = 0;
	/** the first such lines */
	readonly examples: Array<{ line: number; bytes: number; whole: boolean }> = [];
	/** the last line of the input seen so far, and whether it was all NUL bytes */
	private lastLine = 0;
	private lastWhole = false;

	/** Look at one input line that holds a NUL character (`lineNo`: its number in the input). */
	line(raw: string, lineNo: number): void {
		let n = 0;
		const len = raw.length;
		for (let i = raw.indexOf('\0'); i !== -1;) {
			const j = nulRunEnd(raw, i);
			if (j - i >= MIN_RUN) n += j - i;
			i = j < len ? raw.indexOf('\0', j) : -1;
		}
		if (n === 0) return;
		this.lines++;
		this.bytes += n;
		this.lastLine = lineNo;
		this.lastWhole = n === len;
		if (this.examples.length < EXAMPLES)
			this.examples.push({ line: lineNo, bytes: n, whole: n === len });
	}

	/**
	 * The report's warning, null when no stretch was found. `boots` (final numbering) tells which
	 * stretches come right before a new boot; `formats` (lines per format) the kind of log.
	 */
	warning(boots: readonly Boot[], formats: Record<string, number>, lines: number): string | null {
		if (this.lines === 0) return null;
		const where = this.examples
			.map((e) => `line ${e.line}: ${count(e.bytes, 'byte')}${e.whole ? ', the whole line' : ''}`)
			.join('; ');
		const more =
			this.lines > this.examples.length ? `; ${this.lines - this.examples.length} more` : '';
		const next = this.examples.map((e) => bootAfter(boots, e.line)).filter((b) => b > 0);
		// two stretches may come before the same boot
		const before = next.filter((b, k) => k === 0 || b !== next[k - 1]);
		const shown = this.examples.length;
		const one = this.lines === 1;
		const beforeText =
			next.length === 0
				? ''
				: next.length === shown && shown === this.lines
					? `${one ? 'It comes' : 'Each comes'} right before the first line of a new boot (${bootNames(before)}). `
					: `${next.length} of them ${next.length === 1 ? 'comes' : 'come'} right before the first line of a new boot (${bootNames(before)}). `;
		const atEnd = this.lastLine === lines && this.lastWhole;
		const head =
			`The log holds ${one ? 'a stretch' : 'stretches'} of NUL bytes (^@), which are never log text: ` +
			`${count(this.bytes, 'byte')} in ${count(this.lines, 'line')} (${where}${more}).` +
			`${atEnd ? ` The log ends in ${one ? 'it' : 'the last of them'}.` : ''} ${beforeText}`;
		switch (logKind(formats)) {
			case 'file':
				return (
					head +
					'In a log file written to disk, NUL bytes are space the file had been given whose data never reached the disk: the machine lost power or crashed before it was written, and what was logged there is lost' +
					(before.length > 0
						? `: the end of ${bootNames(before.map((b) => b - 1))}, which did not shut down cleanly.`
						: '.')
				);
			case 'buffer':
				// a buffer read whole (a last_kmsg of its full size) ends in the part not used yet
				return (
					head +
					(atEnd
						? `In a buffer kept in memory across a reset (pstore/ramoops, last_kmsg), NUL bytes at its end are the part of the buffer not used yet: nothing is missing there${one ? '.' : '; a stretch before the end is space that was not written, and what the buffer should hold there is missing.'}`
						: 'In a buffer kept in memory across a reset (pstore/ramoops, last_kmsg), NUL bytes are space that was not written: what the buffer should hold there is missing.')
				);
			default:
				return (
					head +
					'In a log file written to disk they are space whose data never reached the disk (the machine lost power or crashed before it was written, and what was logged there is lost); in a buffer kept in memory across a reset (pstore/ramoops, last_kmsg), space not written or not used yet.'
				);
		}
	}
}

/** the unparsed reason of a line of NUL bytes only */
export const UNPARSED_NUL = 'NUL bytes only (space never written)';

/**
 * The index just past the run of NUL characters that starts at `i` (`i` when there is none). A
 * run is passed over by a regular expression, not a character at a time: a line of a memory dump
 * can be hundreds of thousands of NUL bytes, read three times (NulStretches.line, holeInside and
 * the classifier), and such a line is a string joined from many decoded windows, whose
 * characters cost about 50 instructions each read one at a time (the 100 MB benchmark log has
 * five lines of 480,539 NUL bytes).
 */
export function nulRunEnd(s: string, i: number): number {
	if (codeAt(s, i) !== 0) return i;
	NOT_NUL.lastIndex = i + 1;
	return NOT_NUL.test(s) ? NOT_NUL.lastIndex - 1 : s.length;
}

/** the first character that is not NUL, from `lastIndex` on (see nulRunEnd) */
const NOT_NUL = /[^\0]/g;

/**
 * The index of the first stretch of NUL bytes (at least MIN_RUN) that starts after the line's
 * first character and has text after it, -1 when there is none (a stretch at the start is
 * dropped where the line is read, one at the end has nothing after it).
 */
export function holeInside(s: string): number {
	const len = s.length;
	for (let i = s.indexOf('\0', 1); i !== -1;) {
		const j = nulRunEnd(s, i);
		if (j >= len) return -1;
		if (j - i >= MIN_RUN && i > 0 && codeAt(s, i - 1) !== 0) return i;
		i = s.indexOf('\0', j);
	}
	return -1;
}

/** a run of NUL bytes shorter than this is not a stretch (see the class comment) */
export const MIN_RUN = 16;
const EXAMPLES = 5;

function count(n: number, unit: string): string {
	return `${groupDigits(n)} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * The boot that starts right after `line` (at it, or after it with no kernel line of the boot
 * before in between; the boot before may end on the line itself, before a stretch inside it),
 * or -1.
 */
export function bootAfter(boots: readonly Boot[], line: number): number {
	for (let b = 1; b < boots.length; b++)
		if (boots[b].first_line >= line) return boots[b - 1].last_line <= line ? b : -1;
	return -1;
}

function bootNames(boots: number[]): string {
	if (boots.length === 1) return `boot ${boots[0]}`;
	return `boots ${boots.slice(0, -1).join(', ')} and ${boots[boots.length - 1]}`;
}

/**
 * What the log's kernel lines were mostly: a log file written by a logger (syslog or journal
 * shapes), a buffer kept in memory (raw `<N>[ts]` records: pstore, last_kmsg), or either.
 */
function logKind(formats: Record<string, number>): 'file' | 'buffer' | 'either' {
	let all = 0;
	let file = 0;
	for (const [id, n] of Object.entries(formats)) {
		all += n;
		if (id.startsWith('syslog') || id.startsWith('journal')) file += n;
	}
	if (file * 2 > all) return 'file';
	return (formats['dmesg-raw'] ?? 0) * 2 > all ? 'buffer' : 'either';
}
