import type { Finding, Occurrence } from '$lib/models/finding';
import type { Boot } from '$lib/models/metadata';

export interface Mark {
	f: Finding;
	/** the finding's first and last kept occurrence in the boot */
	first: Occurrence;
	last: Occurrence;
}

/**
 * The timeline's rows: each boot some finding occurs in, in boot order, with one mark per finding
 * (in report order). Occurrences are grouped in one pass, so a log of hundreds of boots costs no
 * more than one of a few.
 */
export function timelineRows(
	findings: readonly Finding[],
	boots: readonly Boot[]
): Array<{ boot: Boot; marks: Mark[] }> {
	const byBoot = new Map<number, Mark[]>();
	for (const f of findings) {
		const span = new Map<number, { first: Occurrence; last: Occurrence }>();
		for (const o of f.occurrences) {
			const s = span.get(o.boot);
			if (s) s.last = o;
			else span.set(o.boot, { first: o, last: o });
		}
		for (const [b, s] of span) {
			let marks = byBoot.get(b);
			if (!marks) byBoot.set(b, (marks = []));
			marks.push({ f, first: s.first, last: s.last });
		}
	}
	return boots
		.filter((b) => byBoot.has(b.index))
		.map((boot) => ({ boot, marks: byBoot.get(boot.index) as Mark[] }));
}
