/**
 * Finds whether any of many literal strings occurs in a text, in one pass over its characters:
 * an Aho-Corasick automaton turned into a dense transition table over ASCII. It replaces a large
 * regular-expression alternation (which tries every alternative at every position) as the
 * per-line prefilter of rules and report headers: about 1-2 ns per character whatever the number
 * of literals. Characters outside ASCII never occur in the literals and return to the root.
 */
const ALPHABET = 128;

export class LiteralMatcher {
	private readonly next: Int32Array;
	/** at each state's row offset: 1 where some literal ends there (directly or through a failure link) */
	private readonly accept: Uint8Array;

	constructor(literals: readonly string[]) {
		const words = [...new Set(literals)].filter((w) => w.length > 0);
		for (const w of words) {
			for (let i = 0; i < w.length; i++) {
				if (w.charCodeAt(i) >= ALPHABET) throw new Error(`LiteralMatcher: non-ASCII literal ${JSON.stringify(w)}`);
			}
		}
		// trie
		const goto: Array<Int32Array> = [new Int32Array(ALPHABET).fill(-1)];
		const out: number[] = [0];
		for (const w of words) {
			let s = 0;
			for (let i = 0; i < w.length; i++) {
				const c = w.charCodeAt(i);
				if (goto[s][c] === -1) {
					goto[s][c] = goto.length;
					goto.push(new Int32Array(ALPHABET).fill(-1));
					out.push(0);
				}
				s = goto[s][c];
			}
			out[s] = 1;
		}
		// breadth-first: failure links folded into a complete transition table
		const n = goto.length;
		const next = new Int32Array(n * ALPHABET);
		const fail = new Int32Array(n);
		const queue: number[] = [];
		for (let c = 0; c < ALPHABET; c++) {
			const t = goto[0][c];
			if (t === -1) next[c] = 0;
			else {
				next[c] = t;
				fail[t] = 0;
				queue.push(t);
			}
		}
		for (let qi = 0; qi < queue.length; qi++) {
			const s = queue[qi];
			if (out[fail[s]]) out[s] = 1;
			for (let c = 0; c < ALPHABET; c++) {
				const t = goto[s][c];
				if (t === -1) next[s * ALPHABET + c] = next[fail[s] * ALPHABET + c];
				else {
					next[s * ALPHABET + c] = t;
					fail[t] = next[fail[s] * ALPHABET + c];
					queue.push(t);
				}
			}
		}
		// store row offsets (state * ALPHABET) so the scan needs no multiplication
		for (let i = 0; i < next.length; i++) next[i] *= ALPHABET;
		const accept = new Uint8Array(n * ALPHABET);
		for (let st = 0; st < n; st++) if (out[st]) accept[st * ALPHABET] = 1;
		this.next = next;
		this.accept = accept;
	}

	/** True when at least one literal occurs in `s`. */
	test(s: string): boolean {
		const next = this.next;
		const accept = this.accept;
		let row = 0;
		for (let i = 0, n = s.length; i < n; i++) {
			const c = s.charCodeAt(i);
			row = c < ALPHABET ? next[row + c] : 0;
			if (accept[row] === 1) return true;
		}
		return false;
	}
}
