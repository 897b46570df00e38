import type { Finding } from '../models/finding.ts';
import { inert } from './common.ts';

/**
 * A finding's log lines as a file: its evidence texts, one per line, without line numbers or
 * prefixes, inert as in the text report (control and ANSI characters as escapes). For a crash
 * that is its first occurrence's whole report block as the kernel printed it, up to the lines
 * kept (MAX_EVIDENCE): the `<id>.txt` its advice feeds to `decode_stacktrace.sh`. The CLI's
 * `--lines ID` writes it, and the page's Save crash report saves it, byte for byte the same.
 */
export function findingLines(f: Finding): string {
	return f.evidence.map((e) => inert(e.text) + '\n').join('');
}

/** the name of the file findingLines is saved as: the one the crash advice names */
export function findingLinesFile(f: Finding): string {
	return `${f.id}.txt`;
}
