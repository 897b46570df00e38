import type { LogRecord } from '../models/log-record.ts';
import { oneBit, popcount } from '../util/bits.ts';
import { codeAt } from '../util/text.ts';

/**
 * Signs that a log was damaged by flipped bits: a pstore/ramoops buffer (`console-ramoops`) is
 * kept in RAM across a reset, and RAM that was not refreshed long enough loses bits, so that
 * characters here and there are off by one bit (`recovery` printed as `recgvery`, `(6)` as
 * `*6+`), or become bytes that are not UTF-8 (an ASCII character with its top bit set).
 *
 * Bytes that are not text alone prove nothing: a log in another encoding, a driver printing a
 * raw byte or binary noise in a serial capture have them too. What flipped bits do and nothing
 * else does is damage the kernel's time stamp in a way no printer makes: `[    4/500400]`,
 * `[    4.5004p7]`, `[ $  4.508421]`, each character off being the expected one with one bit
 * changed, and in a different place on different lines. That is what decides; the lines with
 * bytes that are not UTF-8 are the figure that says how much of the log is affected.
 *
 * A log without a damaged stamp costs a few comparisons per line: the stamp is looked at only on
 * lines without a prefix, and the lines holding U+FFFD are counted (one `indexOf` a line) only
 * from the first damaged stamp on, which in a bit-flipped log comes early.
 */
export class BitFlipSigns {
	/** unparsed (or bare) lines that start with a dmesg time stamp damaged by flipped bits */
	damagedStamps = 0;
	/** the first damaged time stamps: line numbers and the stamps as printed */
	readonly examples: Array<{ line: number; stamp: string }> = [];
	/** kernel, continuation and unparsed lines from the first damaged stamp on */
	linesSince = 0;
	/** those of them holding U+FFFD (bytes that are not UTF-8) */
	invalidLines = 0;
	/** positions (bit i = character i of the stamp) where damaged stamps differ from the template */
	private positions = 0;
	/** the latest line counted in linesSince, and in invalidLines (glued records share a line) */
	private lastLine = 0;
	private lastInvalid = 0;

	/** Look at one classified record (any kind; other programs' lines are ignored). */
	observe(rec: LogRecord): void {
		const kind = rec.kind;
		if (kind === 'skipped') return;
		// a damaged stamp is no prefix: the line is unparsed, or bare text before the first prefix
		if (kind === 'unparsed' || rec.format === 'bare') {
			const stamp = flippedStamp(rec.text);
			if (stamp !== null) {
				this.damagedStamps++;
				this.positions |= stamp.positions;
				if (this.examples.length < EXAMPLES)
					this.examples.push({ line: rec.line, stamp: stamp.text });
			}
		}
		if (this.damagedStamps === 0) return;
		const line = rec.line;
		if (line !== this.lastLine) {
			this.lastLine = line;
			this.linesSince++;
		}
		if (line !== this.lastInvalid && rec.text.indexOf('\uFFFD') !== -1) {
			this.lastInvalid = line;
			this.invalidLines++;
		}
	}

	/**
	 * The log shows flipped bits: at least MIN_STAMPS damaged time stamps, damaged in at least
	 * MIN_POSITIONS different places (one printer's own way of writing a stamp, a comma for the
	 * dot on every line, would be one place).
	 */
	get found(): boolean {
		return this.damagedStamps >= MIN_STAMPS && popcount(this.positions) >= MIN_POSITIONS;
	}

	/** The report's warning, null when the log shows no flipped bits. */
	warning(): string | null {
		if (!this.found) return null;
		const [a] = this.examples;
		const bytes =
			this.invalidLines > 0
				? `, and from that line on ${this.invalidLines} of ${this.linesSince} lines hold bytes that are not text (not UTF-8)`
				: '';
		return (
			'The log is corrupted: characters are off by one flipped bit here and there, as in a pstore/ramoops buffer whose RAM did not hold its content across the reset. ' +
			`${this.damagedStamps} lines have a kernel time stamp damaged this way (line ${a.line}: "${a.stamp}")${bytes}. ` +
			'Names, numbers and words quoted in this report may be garbled too, and garbled lines may be missing from it.'
		);
	}
}

const EXAMPLES = 3;
const MIN_STAMPS = 3;
const MIN_POSITIONS = 3;
/** characters of a stamp that may be off: more is text that only looks a little like one */
const MAX_OFF = 3;
/** widths of the whole seconds tried (`%5lu`: 5 up to 99999 s, more after that) */
const MIN_WIDTH = 5;
const MAX_WIDTH = 8;

/**
 * `[    4/500400]` (or after a `<N>` level): a dmesg time stamp `[SSSSS.UUUUUU]` with one to
 * MAX_OFF characters that are not what the stamp has there but are it with one bit flipped
 * (U+FFFD: any character with its top bit set). Null for anything else, a stamp without a
 * fault included. Called on lines without a prefix only.
 */
export function flippedStamp(s: string): { text: string; positions: number } | null {
	let at = 0;
	if (codeAt(s, 0) === 60 /* < */ && codeAt(s, 2) === 62 /* > */ && isDigit(codeAt(s, 1))) at = 3;
	// the opening bracket is the same character in every width: most lines stop here
	const open = codeAt(s, at);
	if (open !== 91 /* [ */ && open !== 0xfffd && !oneBit(open, 91)) return null;
	let best: { text: string; positions: number } | null = null;
	let bestOff = MAX_OFF + 1;
	for (let w = MIN_WIDTH; w <= MAX_WIDTH; w++) {
		const len = w + 9;
		if (s.length < at + len) break;
		let off = 0;
		let positions = 0;
		for (let i = 0; i < len && off <= MAX_OFF; i++) {
			const c = s.charCodeAt(at + i);
			const ok =
				i === 0
					? c === 91 /* [ */
					: i === len - 1
						? c === 93 /* ] */
						: i === w + 1
							? c === 46 /* . */
							: i <= w
								? c === 32 || isDigit(c)
								: isDigit(c);
			if (ok) continue;
			const flip =
				c === 0xfffd ||
				(i === 0
					? oneBit(c, 91)
					: i === len - 1
						? oneBit(c, 93)
						: i === w + 1
							? oneBit(c, 46)
							: (i <= w && oneBit(c, 32)) || flippedDigit(c));
			if (!flip) {
				off = MAX_OFF + 1;
				break;
			}
			off++;
			positions |= 1 << i;
		}
		// a stamp as printed, in any width, is no damaged one
		if (off === 0) return null;
		if (off < bestOff) {
			bestOff = off;
			best = { text: s.slice(at, at + len), positions };
		}
	}
	return best;
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** `c` is a digit with exactly one bit changed (and not a digit itself) */
function flippedDigit(c: number): boolean {
	if (c > 127) return false;
	for (let d = 48; d <= 57; d++) if (oneBit(c, d)) return true;
	return false;
}
