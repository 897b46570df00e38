import type { Finding } from '../models/finding.ts';
import { MAX_EVIDENCE, MAX_OCCURRENCES } from './engine.ts';

/**
 * Count `g`'s occurrences with `f`, whose finding `g`'s is folded into: count, boots, first and
 * last occurrence, the first occurrences in input order, and `g`'s evidence with `f`'s (the first
 * MAX_EVIDENCE lines in input order). `f` keeps its title, id, severity, details and explanation.
 * A garbled SELinux domain's denials (garbled.ts), ChromeOS's Android VM's denials (arcvm.ts).
 */
export function countWith(f: Finding, g: Finding): void {
	f.count += g.count;
	f.boots = [...new Set([...f.boots, ...g.boots])].sort((a, b) => a - b);
	if (g.first_line < f.first_line) {
		f.first_line = g.first_line;
		f.last_line = g.last_line;
		f.first_seen = g.first_seen;
	}
	if (g.last_seen.first_line > f.last_seen.first_line) f.last_seen = g.last_seen;
	f.occurrences = [...f.occurrences, ...g.occurrences]
		.sort((a, b) => a.first_line - b.first_line)
		.slice(0, MAX_OCCURRENCES);
	f.evidence = [...f.evidence, ...g.evidence]
		.sort((a, b) => a.line - b.line)
		.slice(0, MAX_EVIDENCE);
}
