/**
 * Notes that say the report itself is partial or unreliable: on a phone only the first note is
 * shown before the findings (the rest behind "Show all N notes"), so these come first. A stopped
 * analysis's note is added last by the pipeline, after the notes on dates and times.
 */
const FIRST = [
	/^Incomplete: /,
	/^The input is empty/,
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
