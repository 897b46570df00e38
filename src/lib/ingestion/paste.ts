/**
 * Prefixes that pasting adds to every line of a log: the quote marks of an e-mail or issue reply
 * (`> `, `> > `, `>> `) and line numbers (`cat -n`'s `     1\t`, an editor's or a pastebin's
 * `12: `, `12 | `, `12 `). They hide every line's own prefix, so a quoted dmesg had been read
 * only where `[ts]` still came out as a serial console's glued text, a quoted syslog file read
 * every program's line as the kernel's, and a quoted bare oops lost its kernel version.
 *
 * The prefix is recognised once, from the input's first lines (at most HOLD non-blank lines are
 * held back), never per line: when nine in ten of them carry it (line numbers also counting up by
 * one), it is removed from every line that has it, and the report says so. Lines are not joined
 * or dropped: line numbers stay the input's.
 */

/** non-blank lines looked at before deciding */
const HOLD = 32;
/** lines held back at most (blank ones included) */
const HOLD_LINES = 128;

type Mode =
	| { kind: 'undecided' }
	| { kind: 'none' }
	| { kind: 'quote'; depth: number }
	| { kind: 'numbers'; sep: string };

/** The number of quote levels (`>` with an optional space after each) at the start of a line. */
function quoteDepth(line: string): number {
	let i = 0;
	let depth = 0;
	while (i < line.length && line.charCodeAt(i) === 0x3e /* > */) {
		depth++;
		i++;
		if (line.charCodeAt(i) === 0x20) i++;
	}
	return depth;
}

/** The text after `depth` quote levels (and the one space after each). */
function unquote(line: string, depth: number): string {
	let i = 0;
	for (let d = 0; d < depth && line.charCodeAt(i) === 0x3e; d++) {
		i++;
		if (line.charCodeAt(i) === 0x20) i++;
	}
	return i === 0 ? line : line.slice(i);
}

/** Separators that follow a line number: tab (`cat -n`, `nl`), `: `, `:`, ` | `, `| `, ` `. */
const SEPARATORS = ['\t', ': ', ':', ' | ', '| ', ' '];

/** A leading line number (after optional spaces) and its separator, or null. */
function lineNumber(line: string): { n: number; sep: string; end: number } | null {
	let i = 0;
	while (line.charCodeAt(i) === 0x20) i++;
	const start = i;
	while (i < line.length && i - start < 8) {
		const c = line.charCodeAt(i);
		if (c < 0x30 || c > 0x39) break;
		i++;
	}
	if (i === start) return null;
	for (const sep of SEPARATORS)
		if (line.startsWith(sep, i))
			return { n: Number(line.slice(start, i)), sep, end: i + sep.length };
	// a numbered blank line: the number ends the line
	if (i === line.length) return { n: Number(line.slice(start, i)), sep: '', end: i };
	return null;
}

export class PastePrefix {
	private mode: Mode = { kind: 'undecided' };
	private held: string[] = [];
	private heldNul: boolean[] = [];
	private nonBlank = 0;

	constructor(private readonly emit: (line: string, mayHaveNul: boolean) => void) {}

	/** lines held back while the prefix is not decided yet */
	get holding(): number {
		return this.held.length;
	}

	push(raw: string, mayHaveNul: boolean): void {
		const m = this.mode;
		if (m.kind === 'none') this.emit(raw, mayHaveNul);
		else if (m.kind === 'quote') this.emit(unquote(raw, m.depth), mayHaveNul);
		else if (m.kind === 'numbers') this.emit(this.unnumber(raw, m.sep), mayHaveNul);
		else {
			this.held.push(raw);
			this.heldNul.push(mayHaveNul);
			if (raw.trim() !== '') this.nonBlank++;
			if (this.nonBlank >= HOLD || this.held.length >= HOLD_LINES) this.decide();
		}
	}

	/** End of input: decide on what was held and pass it on. */
	finish(): void {
		if (this.mode.kind === 'undecided') this.decide();
	}

	/** What the report says about a prefix that was removed, or null. */
	warning(): string | null {
		const m = this.mode;
		if (m.kind === 'quote')
			return `Every line of this paste starts with ${m.depth === 1 ? 'the quote mark `>`' : `${m.depth} quote marks \`>\``} of an e-mail or issue reply; ${m.depth === 1 ? 'it was' : 'they were'} removed before reading.`;
		if (m.kind === 'numbers')
			return 'Every line of this paste starts with its line number (`cat -n`, an editor or a pastebin); the numbers were removed before reading.';
		return null;
	}

	private unnumber(raw: string, sep: string): string {
		const n = lineNumber(raw);
		return n !== null && (n.sep === sep || n.sep === '') ? raw.slice(n.end) : raw;
	}

	private decide(): void {
		const lines = this.held.filter((l) => l.trim() !== '');
		this.mode = { kind: 'none' };
		if (lines.length >= 3) {
			const depths = lines.map(quoteDepth);
			const quoted = depths.filter((d) => d > 0);
			if (quoted.length * 10 >= lines.length * 9)
				this.mode = { kind: 'quote', depth: Math.min(...quoted) };
			else {
				const nums = lines.map(lineNumber);
				const seps = new Map<string, number>();
				let counting = 0;
				for (let i = 0; i < nums.length; i++) {
					const n = nums[i];
					if (n === null) continue;
					if (n.sep !== '') seps.set(n.sep, (seps.get(n.sep) ?? 0) + 1);
					const prev = i > 0 ? nums[i - 1] : null;
					// blank lines between may have been numbered too (cat -n) or not (nl)
					if (prev !== null && n.n > prev.n && n.n - prev.n <= 3) counting++;
				}
				const sep = [...seps].sort((a, b) => b[1] - a[1])[0];
				if (
					sep !== undefined &&
					sep[1] * 10 >= lines.length * 9 &&
					counting * 10 >= (lines.length - 1) * 9
				)
					this.mode = { kind: 'numbers', sep: sep[0] };
			}
		}
		const held = this.held;
		const nul = this.heldNul;
		this.held = [];
		this.heldNul = [];
		for (let i = 0; i < held.length; i++) this.push(held[i], nul[i]);
	}
}
