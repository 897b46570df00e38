/**
 * Finds which of many literal strings occur in a text, in one pass over its characters: an
 * Aho-Corasick automaton turned into a dense transition table over ASCII. It replaces a large
 * regular-expression alternation (which tries every alternative at every position) as the
 * per-line prefilter of rules and report headers: a table lookup per character, whatever the
 * number of literals. Characters outside ASCII never occur in the literals and return to the root.
 */
const ALPHABET = 128;

export class LiteralMatcher {
	/**
	 * next[row + c] is the row offset (state * ALPHABET) of the next state, bit-inverted (negative)
	 * when a literal ends in that state, so the scan tests one number per character.
	 */
	private readonly next: Int32Array;
	/** literal indices ending in each state (through failure links too), by row offset / ALPHABET */
	private readonly outputs: number[][];
	readonly literals: readonly string[];
	/** OR of the masks of the literals ending in each state (by row offset / ALPHABET) */
	private readonly stateMask: Int32Array;

	/**
	 * `masks[i]` (optional) tags `literals[i]` with bits that `scanMask` reports; a literal given
	 * twice gets the OR of its masks.
	 */
	constructor(literals: readonly string[], masks?: readonly number[]) {
		const words = [...new Set(literals)].filter((w) => w.length > 0);
		this.literals = words;
		const maskOf = new Map<string, number>();
		literals.forEach((w, i) => maskOf.set(w, (maskOf.get(w) ?? 0) | (masks?.[i] ?? 0)));
		for (const w of words) {
			for (let i = 0; i < w.length; i++) {
				if (w.charCodeAt(i) >= ALPHABET) {
					throw new Error(`LiteralMatcher: non-ASCII literal ${JSON.stringify(w)}`);
				}
			}
		}
		// the trie: children of each state as (character, state) pairs; literals ending in it
		const children: number[][] = [[]];
		const own: number[][] = [[]];
		words.forEach((w, index) => {
			let s = 0;
			for (let i = 0; i < w.length; i++) {
				const c = w.charCodeAt(i);
				const kids = children[s];
				let t = -1;
				for (let k = 0; k < kids.length; k += 2) if (kids[k] === c) t = kids[k + 1];
				if (t === -1) {
					t = children.length;
					kids.push(c, t);
					children.push([]);
					own.push([]);
				}
				s = t;
			}
			own[s].push(index);
		});
		// breadth-first, so a state's failure state (shallower) is complete before it: its row
		// starts as a copy of the failure state's row (the failure links folded into a complete
		// table), then its own edges replace entries. Entries are already encoded (see `next`).
		const n = children.length;
		const next = new Int32Array(n * ALPHABET);
		const fail = new Int32Array(n);
		const out: number[][] = new Array<number[]>(n);
		out[0] = [];
		const queue = [0];
		for (let qi = 0; qi < queue.length; qi++) {
			const s = queue[qi];
			const row = s * ALPHABET;
			const failRow = fail[s] * ALPHABET;
			if (s !== 0) next.copyWithin(row, failRow, failRow + ALPHABET);
			const kids = children[s];
			for (let k = 0; k < kids.length; k += 2) {
				const c = kids[k];
				const t = kids[k + 1];
				if (s !== 0) {
					const via = next[failRow + c];
					fail[t] = (via < 0 ? ~via : via) / ALPHABET;
				}
				const inherited = out[fail[t]];
				out[t] = own[t].length > 0 ? [...own[t], ...inherited] : inherited;
				next[row + c] = out[t].length > 0 ? ~(t * ALPHABET) : t * ALPHABET;
				queue.push(t);
			}
		}
		this.next = next;
		this.outputs = out;
		this.stateMask = Int32Array.from(out, (o) =>
			o.reduce((m, w) => m | (maskOf.get(words[w]) ?? 0), 0)
		);
	}

	/** True when at least one literal occurs in `s`. */
	test(s: string): boolean {
		const next = this.next;
		let row = 0;
		for (let i = 0, n = s.length; i < n; i++) {
			const c = s.charCodeAt(i);
			if (c >= ALPHABET) {
				row = 0;
				continue;
			}
			row = next[row + c];
			if (row < 0) return true;
		}
		return false;
	}

	/**
	 * OR of the masks of every literal that occurs in `s` (0 when none does), in one pass; it
	 * stops early once `all` bits are set.
	 */
	scanMask(s: string, all = -1): number {
		const next = this.next;
		const stateMask = this.stateMask;
		let row = 0;
		let m = 0;
		for (let i = 0, n = s.length; i < n; i++) {
			const c = s.charCodeAt(i);
			if (c >= ALPHABET) {
				row = 0;
				continue;
			}
			row = next[row + c];
			if (row < 0) {
				row = ~row;
				m |= stateMask[row / ALPHABET];
				if ((m & all) === all) return m;
			}
		}
		return m;
	}

	/** Indices (into `literals`) of every literal that occurs in `s`, each once, ascending. */
	matches(s: string): number[] {
		const next = this.next;
		const seen = new Set<number>();
		let row = 0;
		for (let i = 0, n = s.length; i < n; i++) {
			const c = s.charCodeAt(i);
			if (c >= ALPHABET) {
				row = 0;
				continue;
			}
			row = next[row + c];
			if (row < 0) {
				row = ~row;
				for (const w of this.outputs[row / ALPHABET]) seen.add(w);
			}
		}
		return [...seen].sort((a, b) => a - b);
	}
}
