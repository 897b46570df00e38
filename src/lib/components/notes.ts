/**
 * Notes that say the report itself is partial or unreliable: on a phone only the first note is
 * shown before the findings (the rest behind "Show all N notes"), so these come first. A stopped
 * analysis's note is added last by the pipeline, after the notes on dates and times.
 */
const FIRST = [/^Incomplete: /, /^No kernel messages were recognised/, /^The log is corrupted/];

/** The input notes in the order the page shows them: the report's order, those above first. */
export function orderNotes(warnings: readonly string[]): string[] {
	const lead = warnings.filter((w) => FIRST.some((re) => re.test(w)));
	return [...lead, ...warnings.filter((w) => !lead.includes(w))];
}
