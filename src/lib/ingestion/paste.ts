/**
 * Prefixes that pasting adds to every line of a log: the quote marks of an e-mail or issue reply
 * (`> `, `> > `, `>> `) and line numbers (`cat -n`'s `     1\t`, an editor's or a pastebin's
 * `12: `, `12 | `, `12 `). They hide every line's own prefix, so a quoted dmesg had been read
 * only where `[ts]` still came out as a serial console's glued text, a quoted syslog file read
 * every program's line as the kernel's, and a quoted bare oops lost its kernel version.
 *
 * The prefix is recognised once, from the input's first lines (at most HOLD non-blank lines are
 * held back, HOLD_MORE when a wrap may show further on), never per line: when nine in ten of
 * them carry it (line numbers also counting up by one), it is removed from every line that has
 * it, and the report says so. Lines are not joined or dropped: line numbers stay the input's.
 */

/** non-blank lines looked at before deciding */
const HOLD = 32;
/** lines held back at most (blank ones included) */
const HOLD_LINES = 128;
/**
 * non-blank lines looked at, and lines held back at most, when the first HOLD lines have the
 * width and prefix of a wrapped log but too few cut lines to tell (see wrapWidth)
 */
const HOLD_MORE = 128;
const HOLD_MORE_LINES = 512;

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

/** The shape of a line's start: its first 5 characters, digits as 9, letters as A or a. */
function startKey(line: string): string {
	let k = '';
	for (let i = 0; i < 5 && i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c >= 0x30 && c <= 0x39) k += '9';
		else if (c >= 0x41 && c <= 0x5a) k += 'A';
		else if (c >= 0x61 && c <= 0x7a) k += 'a';
		else k += line[i];
	}
	return k;
}

/** A start that can be a log's prefix: a time, a date, a priority (`[  `, `Jan 1`, `<6>[`). */
function prefixLike(key: string): boolean {
	return /\d/.test(key) || key.startsWith('[ ') || key.startsWith('[A');
}

/** The commonest of the keys that look like a log prefix (prefixLike), and how many lines have it. */
function commonestPrefix(keys: string[]): { main: string; most: number } {
	const counts = new Map<string, number>();
	for (const k of keys) if (prefixLike(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
	let main = '';
	let most = 0;
	for (const [k, n] of counts)
		if (n > most) {
			main = k;
			most = n;
		}
	return { main, most };
}

/**
 * A log wrapped at a width (mail programs at 72 to 78 columns, word by word; a terminal at its
 * width, mid-word): none of the first lines is longer than 100 characters, one in five or more
 * starts with the log's prefix (the most common start that can be one, see prefixLike), and at
 * least 3 of them, one in ten, start otherwise right after a line that reached within 12
 * characters of the longest (the rest of that line: `fragments`, see enoughFragments). Null when
 * the lines have not the width and prefix of one. A log whose lines share no start (most bare
 * oops excerpts) is not judged.
 */
function wrapWidth(lines: string[]): Wrapped | null {
	if (lines.length < 10) return null;
	let width = 0;
	for (const l of lines) if (l.length > width) width = l.length;
	if (width > 100 || width < 40) return null;
	const keys = lines.map(startKey);
	const { main, most } = commonestPrefix(keys);
	if (most * 5 < lines.length) return null;
	let fragments = 0;
	let exact = 0;
	for (let i = 1; i < lines.length; i++)
		if (keys[i] !== main && lines[i - 1].length >= width - 12) {
			fragments++;
			if (lines[i - 1].length === width) exact++;
		}
	return { width, fragments, exact, lines: lines.length };
}

interface Wrapped {
	width: number;
	/** lines that start otherwise than the log's prefix right after a line near the width */
	fragments: number;
	/** those of them right after a line of exactly the width (a cut mid-word: `fold -w`) */
	exact: number;
	lines: number;
}

/**
 * enough cut lines among the first lines to call the log wrapped (see wrapWidth): 3, or 2 when
 * both follow a line of exactly the width (a short excerpt cut by `fold -w 80`: lkp-72.log, 17
 * lines that make 19, has 2), and one in ten of the lines
 */
function enoughFragments(w: Wrapped | null): w is Wrapped {
	return (
		w !== null &&
		(w.fragments >= 3 || (w.fragments === 2 && w.exact === 2)) &&
		w.fragments * 10 >= w.lines
	);
}

/** What stands for an input line joined to the line before it (see Unwrap): skipped, counted. */
export const WRAPPED_REST = '\u0001rest of a wrapped line';

/** startKey with spaces as digits: `[    0.0` and `[   12.3`, `Dec  3` and `Dec 13` alike */
function shapeKey(line: string): string {
	return startKey(line).replaceAll(' ', '9');
}

/**
 * How to join a wrapped log back, when its wrap is certain: among its first lines (wrapWidth
 * found it wrapped), one in five or more start like the log's prefix (by
 * shapeKey), and 9 in 10 of those that do not (at least 3, or 2 that both come right after a
 * line of exactly the width) come right after a line cut at the width: one that the line's first
 * word would have made longer than the width (a mail program's wrap at a space, see wordCut), or,
 * when 9 in 10 of them have exactly the width and fewer than 9 in 10 end with a space (`fold -s`
 * keeps it), that width (a terminal's or `fold`'s cut mid-word). Null when not certain: the
 * lines are then read as they are, with the warning.
 */
interface Unwrap {
	width: number;
	hard: boolean;
	/**
	 * cut at spaces by a program that drops the space it cut at (a mail program; `fold -s` keeps
	 * it at the end of the line): lines so cut end without one (at least 3, one in ten)
	 */
	drops: boolean;
	main: string;
}

/**
 * A line of `n` characters was cut at a space by a wrap at `width` before `next`: the first word
 * of `next` would not have fitted after it (a mail program drops the space, `fold -s` keeps it).
 */
function wordCut(n: number, next: string, width: number): boolean {
	let w = 0;
	while (w < next.length && next.charCodeAt(w) !== 32) w++;
	return n + w >= width;
}

function unwrapPlan(lines: string[], width: number): Unwrap | null {
	const keys = lines.map(shapeKey);
	const { main, most } = commonestPrefix(keys);
	if (most * 5 < lines.length) return null;
	let other = 0;
	let cut = 0;
	let exact = 0;
	// log lines cut at a space that end without it: a mail program's (`fold -s` keeps the space
	// on every one; a mail program too leaves one of two at the end, `]  0000…` cut after `] `:
	// serverlog-kern-log-1.log's stack lines)
	let dropped = 0;
	// cut lines that end with a space: `fold -s` keeps it, a cut mid-word only now and then ends
	// so (one in six or so)
	let spaced = 0;
	for (let i = 1; i < lines.length; i++) {
		if (keys[i] === main) continue;
		other++;
		const prev = lines[i - 1];
		const n = prev.length;
		if (wordCut(n, lines[i], width)) {
			cut++;
			// the first piece of a log line (other text may hold lines of any kind)
			if (keys[i - 1] === main && !prev.endsWith(' ')) dropped++;
			if (prev.endsWith(' ')) spaced++;
		}
		if (n === width) exact++;
	}
	// 2 are enough when both come after a line of exactly the width (see enoughFragments)
	if (other < (other === 2 && exact === 2 ? 2 : 3) || cut * 10 < other * 9) return null;
	// the same message cut at the same space every time gives lines of one length: of the width
	// but cut at spaces (logcat-reports-panel-dark-dmesg-txt.log by `fold -s -w 80`, whose first
	// lines are all `[ … ][0] SMBCHG: ` of 65 characters; read as cut mid-word at 65, its longer
	// cut lines further on, its `Linux version` among them, were not joined)
	const hard = exact * 10 >= cut * 9 && spaced * 10 < cut * 9;
	const drops = dropped >= 3 && dropped * 10 >= cut;
	return { width, hard, drops, main };
}

export class PastePrefix {
	private mode: Mode = { kind: 'undecided' };
	private held: string[] = [];
	private heldNul: boolean[] = [];
	private nonBlank = 0;
	private wrapped: Wrapped | null = null;
	/** non-blank lines and lines to hold before deciding (more when a wrap may show further on) */
	private hold = HOLD;
	private holdLines = HOLD_LINES;
	/** a certain wrap, joined back (see unwrapPlan), and the lines so joined */
	private unwrap: Unwrap | null = null;
	private joined = 0;
	/** the line being joined: its text, NUL flag, the length of its last piece, pieces added */
	private pending: string | null = null;
	private pendingNul = false;
	private pendingLast = 0;
	/** the last piece holds a space (else, of the width, it is a word cut mid-way) */
	private pendingSpace = false;
	/**
	 * the line starts like a log's prefix (prefixLike): only such a line is joined with what
	 * follows (a wrap cuts log lines; a tool's output among them, `[child1:446] finit_module
	 * (313) returned ENOSYS, marking as inactive.` in trinity's lkp-12.log, is no line of the log)
	 */
	private pendingPrefixed = false;
	private pendingRest = 0;

	constructor(private readonly emit: (line: string, mayHaveNul: boolean) => void) {}

	/** lines held back while the prefix is not decided yet */
	get holding(): number {
		return this.held.length + (this.pending === null ? 0 : 1 + this.pendingRest);
	}

	push(raw: string, mayHaveNul: boolean): void {
		const m = this.mode;
		if (m.kind === 'none') this.out(raw, mayHaveNul);
		else if (m.kind === 'quote') this.out(unquote(raw, m.depth), mayHaveNul);
		else if (m.kind === 'numbers') this.out(this.unnumber(raw, m.sep), mayHaveNul);
		else {
			this.held.push(raw);
			this.heldNul.push(mayHaveNul);
			if (raw.trim() !== '') this.nonBlank++;
			if (this.nonBlank >= this.hold || this.held.length >= this.holdLines) this.decide(false);
		}
	}

	/** End of input: decide on what was held and pass it on. */
	finish(): void {
		if (this.mode.kind === 'undecided') this.decide(true);
		this.flush();
	}

	/**
	 * A line after its paste prefix is removed: passed on, or, in a log whose wrap is certain,
	 * joined to the line before when that line was cut and this one does not start like the
	 * log's prefix. A joined line is passed on as the whole line, on the first piece's line
	 * number, then a WRAPPED_REST for each other piece (so that every input line is counted).
	 */
	private out(line: string, mayHaveNul: boolean): void {
		const u = this.unwrap;
		if (u === null) {
			this.emit(line, mayHaveNul);
			return;
		}
		const p = this.pending;
		const start = startKey(line);
		const key = start.replaceAll(' ', '9');
		if (
			p !== null &&
			this.pendingPrefixed &&
			line.length > 0 &&
			(u.hard ? this.pendingLast === u.width : wordCut(this.pendingLast, line, u.width)) &&
			key !== u.main
		) {
			// a mail program's wrap drops the space it broke the line at (`fold -s` keeps it), also
			// one of two (`a  b` is `a ` then `b`, or `a` then ` b`); when the log does not tell
			// which, a space is put back only where neither piece has one. A word longer than the
			// width was cut where it reached the width, without a space.
			const space =
				!u.hard &&
				!(this.pendingLast >= u.width && !this.pendingSpace) &&
				(u.drops || (!p.endsWith(' ') && line.charCodeAt(0) !== 32));
			this.pending = p + (space ? ' ' : '') + line;
			this.pendingNul ||= mayHaveNul;
			this.pendingLast = line.length;
			this.pendingSpace = line.indexOf(' ') !== -1;
			this.pendingRest++;
			this.joined++;
			return;
		}
		this.flush();
		this.pending = line;
		this.pendingNul = mayHaveNul;
		this.pendingLast = line.length;
		this.pendingSpace = line.indexOf(' ') !== -1;
		// (`Jul  1` as `Jul 10`; or a stretch of NUL bytes, space never written, before the log's text)
		this.pendingPrefixed = key === u.main || prefixLike(start) || line.charCodeAt(0) === 0;
	}

	private flush(): void {
		if (this.pending === null) return;
		this.emit(this.pending, this.pendingNul);
		for (let k = 0; k < this.pendingRest; k++) this.emit(WRAPPED_REST, false);
		this.pending = null;
		this.pendingRest = 0;
	}

	/** What the report says about a log wrapped at a width (see wrapWidth), or null. */
	wrapWarning(): string | null {
		const w = this.wrapped;
		if (w === null) return null;
		if (this.unwrap !== null)
			return `This log was wrapped at ${w.width} columns (by ${this.unwrap.hard ? 'a terminal or an editor, mid-word' : 'a mail program or an editor, at spaces'}): ${this.joined} lines that continued the line before them without the log's prefix were joined back to it before reading (line numbers stay the input's). Analyse the log file itself, or copy it without wrapping, to be sure nothing was joined wrongly.`;
		return `This log looks wrapped at about ${w.width} columns (by a mail program, an editor or a terminal copy): ${w.fragments} of its first ${w.lines} lines continue the line before them without the log's prefix. Such a line is read as text of its own, so messages are cut in two and findings can be missed or misnamed. Analyse the log file itself, or copy it without wrapping.`;
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

	/** Decide on the held lines; `end` at the end of the input (no more lines to look at). */
	private decide(end: boolean): void {
		const lines = this.held.filter((l) => l.trim() !== '');
		const w = wrapWidth(lines);
		// the first lines have a wrapped log's width and prefix and one cut line or two, too few
		// to tell (a log whose first lines are mostly short): look at more of them
		if (!end && this.hold === HOLD && w !== null && w.fragments > 0 && !enoughFragments(w)) {
			this.hold = HOLD_MORE;
			this.holdLines = HOLD_MORE_LINES;
			return;
		}
		this.wrapped = enoughFragments(w) ? w : null;
		this.mode = { kind: 'none' };
		const wrapped = this.wrapped;
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
		// judged on the lines as they will be read (after their paste prefix)
		if (wrapped !== null) {
			const m = this.mode;
			const seen =
				m.kind === 'quote'
					? lines.map((l) => unquote(l, m.depth))
					: m.kind === 'numbers'
						? lines.map((l) => this.unnumber(l, m.sep))
						: lines;
			this.unwrap = unwrapPlan(seen, wrapped.width);
		}
		const held = this.held;
		const nul = this.heldNul;
		this.held = [];
		this.heldNul = [];
		for (let i = 0; i < held.length; i++) this.push(held[i], nul[i]);
	}
}
