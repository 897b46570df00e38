/**
 * "Did you mean" for the CLI's usage errors: the closest of the accepted spellings to a mistyped
 * option or value, when one is obviously meant (a case slip, a prefix, a letter or two off).
 */

/** Edit distance with adjacent transpositions (optimal string alignment), for short words. */
export function editDistance(a: string, b: string): number {
	const d: number[][] = [];
	for (let i = 0; i <= a.length; i++) {
		d.push([i]);
		for (let j = 1; j <= b.length; j++) {
			if (i === 0) {
				d[0].push(j);
				continue;
			}
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				v = Math.min(v, d[i - 2][j - 2] + 1);
			d[i].push(v);
		}
	}
	return d[a.length][b.length];
}

/**
 * The one of `choices` that `typed` most likely means, or null: the same word in another case,
 * the only choice it is a prefix of (3 characters at least), or the only closest choice at most
 * 2 edits away (1 for words of 4 characters or fewer).
 */
export function closest(typed: string, choices: readonly string[]): string | null {
	const t = typed.toLowerCase();
	const same = choices.find((c) => c.toLowerCase() === t);
	if (same !== undefined) return same;
	const bare = t.replace(/^-+/, '');
	if (bare.length >= 3) {
		const prefixed = choices.filter((c) => c.toLowerCase().startsWith(t));
		if (prefixed.length === 1) return prefixed[0];
	}
	let best: string | null = null;
	let bestDistance = Infinity;
	let tie = false;
	for (const c of choices) {
		const dist = editDistance(t, c.toLowerCase());
		if (dist < bestDistance) {
			best = c;
			bestDistance = dist;
			tie = false;
		} else if (dist === bestDistance) tie = true;
	}
	const allowed = bare.length <= 4 ? 1 : 2;
	return best !== null && !tie && bestDistance <= allowed ? best : null;
}
