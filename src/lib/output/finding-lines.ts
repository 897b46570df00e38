import { MAX_EVIDENCE, type Finding } from '../models/finding.ts';
import { inert } from './common.ts';

/**
 * A finding's log lines as a file: its evidence texts, one per line, without line numbers or
 * prefixes, inert as in the text report (control and ANSI characters as escapes). For a crash
 * that is its first occurrence's whole report block as the kernel printed it, up to the lines
 * kept (MAX_EVIDENCE): the `<id>.txt` its advice feeds to `decode_stacktrace.sh`. The CLI's
 * `--lines ID` writes it, and the page's Save crash report saves it, byte for byte the same.
 * A report longer than the lines kept ends with a line that says so and where the whole report
 * is in the input (linesCutNote): decode_stacktrace.sh copies such a line as it is (it rewrites
 * only lines with a `[<address>]` or `function+0x…/0x…`, and `Code:` lines).
 */
export function findingLines(f: Finding): string {
	const cut = linesCutNote(f);
	return f.evidence.map((e) => inert(e.text) + '\n').join('') + (cut === null ? '' : cut + '\n');
}

/** the name of the file findingLines is saved as: the one the crash advice names */
export function findingLinesFile(f: Finding): string {
	return `${f.id}.txt`;
}

/**
 * Where a finding's lines stop short of its report (its first occurrence, lines first-last of
 * the input), or null when they are whole: `kept` lines were kept (MAX_EVIDENCE), to input line
 * `lastKept`; `more` lines of the report follow it (a crash's `details.lines_omitted`), null when
 * not counted.
 */
export interface LinesCut {
	kept: number;
	lastKept: number;
	more: number | null;
	first: number;
	last: number;
}

export function linesCut(f: Finding): LinesCut | null {
	const lastKept = f.evidence[f.evidence.length - 1]?.line ?? 0;
	const omitted = f.details.lines_omitted;
	const more = typeof omitted === 'number' && omitted > 0 ? omitted : null;
	if (more === null && !(f.evidence.length >= MAX_EVIDENCE && lastKept < f.last_line)) return null;
	return { kept: f.evidence.length, lastKept, more, first: f.first_line, last: f.last_line };
}

/**
 * The last line of findingLines for a report longer than the lines kept (null for one kept
 * whole): `# NecroScope kept the first 160 lines of this report, to line 1240 of the input: 207
 * more, to line 1600, are left out (the whole report is lines 1075-1600 of the input)`. It holds
 * nothing decode_stacktrace.sh rewrites (no `[<`, `+0x`, `Code:` nor `PID: N Comm:`).
 */
export function linesCutNote(f: Finding): string | null {
	const c = linesCut(f);
	if (c === null) return null;
	const rest = c.more === null ? 'the lines after it' : `${c.more} more`;
	return `# NecroScope kept the first ${c.kept} lines of this report, to line ${c.lastKept} of the input: ${rest}, to line ${c.last}, are left out (the whole report is lines ${c.first}-${c.last} of the input)`;
}
