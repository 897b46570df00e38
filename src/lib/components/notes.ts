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
 * The input notes as the page shows them, in `orderNotes`'s order. The notes on other logs pasted
 * after the first (a kern.log of several logs joined: up to five, about 310 characters each, each
 * mostly how the join was told) are one note, where the first of them was, which says where each
 * starts and what that means; how each was told is its details. The report itself keeps them.
 */
export function shownNotes(warnings: readonly string[]): ShownNote[] {
	const out: ShownNote[] = [];
	const joins: Array<{ line: string; boot: string; why: string }> = [];
	let at = -1;
	for (const w of orderNotes(warnings)) {
		const m = PASTED.exec(w);
		if (m === null) {
			out.push({ text: w, details: [] });
			continue;
		}
		if (at === -1) at = out.length;
		joins.push({ line: m[1], boot: m[3], why: m[2] });
	}
	if (joins.length === 0) return out;
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
