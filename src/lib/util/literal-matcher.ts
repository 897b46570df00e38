/**
 * Finds which of many literal strings occur in a text, in one pass over its characters: an
 * Aho-Corasick automaton turned into a dense transition table over ASCII. It replaces a large
 * regular-expression alternation (which tries every alternative at every position) as the
 * per-line prefilter of rules and report headers: a table lookup per character, whatever the
 * number of literals. Characters outside ASCII never occur in the literals and return to the root.
 */
const ALPHABET = 128;
/** the bytes scanMask reads (a UTF-16 code unit is at most 3 bytes of UTF-8) */
const BYTES = new Uint8Array(1 << 16);
const MAX_ENCODED_CHARS = BYTES.length / 3;
const ENCODER = new TextEncoder();

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
		// The automaton is built at every start (the CLI's and the page's worker's), in code that
		// runs once and so is not optimised: it does one step per character and allocates no object
		// per state (it had searched each state's list of children for every character, made an
		// array of children and one of literals per state, and taken 104 million instructions of
		// each start for the 481 trigger literals; now about half of that, most of it copying rows).
		//
		// The trie: words in sorted order, so a word shares the path of the one before it for their
		// common prefix (`path[d]`: the state after its first d characters) and adds the rest; a
		// state's children (first child, next sibling) come in the order they were added.
		let chars = 0;
		for (const w of words) chars += w.length;
		const order = words.map((_, i) => i).sort((a, b) => (words[a] < words[b] ? -1 : 1));
		const cap = chars + 1;
		const firstChild = new Int32Array(cap).fill(-1);
		const lastChild = new Int32Array(cap).fill(-1);
		const sibling = new Int32Array(cap).fill(-1);
		const charOf = new Int32Array(cap);
		/** the literal ending in each state, -1 when none (the words are distinct) */
		const ownWord = new Int32Array(cap).fill(-1);
		const path = new Int32Array(cap);
		let n = 1;
		let prev = '';
		for (const index of order) {
			const w = words[index];
			let d = 0;
			const common = Math.min(prev.length, w.length);
			while (d < common && w.charCodeAt(d) === prev.charCodeAt(d)) d++;
			let s = path[d];
			for (let i = d; i < w.length; i++) {
				const c = w.charCodeAt(i);
				if (c >= ALPHABET) {
					throw new Error(`LiteralMatcher: non-ASCII literal ${JSON.stringify(w)}`);
				}
				const t = n++;
				charOf[t] = c;
				if (lastChild[s] < 0) firstChild[s] = t;
				else sibling[lastChild[s]] = t;
				lastChild[s] = t;
				path[i + 1] = t;
				s = t;
			}
			ownWord[s] = index;
			prev = w;
		}
		// breadth-first, so a state's failure state (shallower) is complete before it: its row
		// starts as a copy of the failure state's row (the failure links folded into a complete
		// table), then its own edges replace entries. Entries are already encoded (see `next`).
		// A state's outputs and mask are its own literal's and its failure state's.
		const next = new Int32Array(n * ALPHABET);
		const fail = new Int32Array(n);
		const none: number[] = [];
		const out: number[][] = new Array<number[]>(n).fill(none);
		const stateMask = new Int32Array(n);
		const queue = new Int32Array(n);
		let tail = 1;
		for (let qi = 0; qi < tail; qi++) {
			const s = queue[qi];
			const row = s * ALPHABET;
			const failRow = fail[s] * ALPHABET;
			if (s !== 0) next.copyWithin(row, failRow, failRow + ALPHABET);
			for (let t = firstChild[s]; t >= 0; t = sibling[t]) {
				const c = charOf[t];
				if (s !== 0) {
					const via = next[failRow + c];
					fail[t] = (via < 0 ? ~via : via) / ALPHABET;
				}
				const own = ownWord[t];
				out[t] = own >= 0 ? [own, ...out[fail[t]]] : out[fail[t]];
				stateMask[t] = (own >= 0 ? (maskOf.get(words[own]) ?? 0) : 0) | stateMask[fail[t]];
				next[row + c] = out[t].length > 0 ? ~(t * ALPHABET) : t * ALPHABET;
				queue[tail++] = t;
			}
		}
		this.next = next;
		this.outputs = out;
		this.stateMask = stateMask;
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
		// over the text's UTF-8 bytes, copied into one reused array: a character outside ASCII is
		// bytes outside ASCII, each of which returns to the root as the character did, so the
		// result is the same. A string's characters cost about 60 instructions each read with
		// charCodeAt in V8's optimised code (a line is a slice of a decoded window, and every read
		// finds the window first), the copy and a byte about 30 (ARCHITECTURE.md, Memory and speed).
		// A text longer than the array is copied in pieces, the automaton's state carried over (a
		// surrogate pair cut in two is two characters outside ASCII, which return to the root too)
		const bytes = BYTES;
		const next = this.next;
		const stateMask = this.stateMask;
		let row = 0;
		let m = 0;
		let from = 0;
		do {
			const piece =
				from === 0 && s.length <= MAX_ENCODED_CHARS
					? s
					: s.substring(from, from + MAX_ENCODED_CHARS);
			const n = ENCODER.encodeInto(piece, bytes).written;
			for (let i = 0; i < n; i++) {
				const c = bytes[i];
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
			from += MAX_ENCODED_CHARS;
		} while (from < s.length);
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
