/**
 * Splits streamed text into lines without ever holding the whole input as one string.
 * A line ends at '\n'; '\r' characters are removed (CRLF files, serial captures with '\r\r\n').
 * Text whose lines end in a lone '\r' (classic Mac OS line ends, which some editors, clipboards
 * and web forms still write) is told from its start, once: a '\r' followed by another character
 * and no '\n' at all in the first 64 Ki characters (a serial capture's lines end in '\n', even
 * where a '\r' rewrote a line, as a boot counter does). Then every '\r' ends a line, and '\r\n'
 * too.
 * The last line counts even without a final newline; an empty input has no lines.
 * `onLine` is also told whether the line may hold a NUL character: false when the chunk it came
 * from has none (one search a chunk), so that nobody needs to search every line for one.
 * A line longer than MAX_CARRY characters keeps only its first MAX_CARRY (the classifier reads
 * at most 64 Ki of them, after a leading NUL hole): a file of a gigabyte with no line end (a
 * `.gz` of zeros, a disk image) had grown one string past V8's limit of about 512 Mi characters
 * and failed with "Invalid string length".
 */
export class LineSplitter {
	private carry = '';
	/** the current chunk (or the carried part of a line) may hold a '\r' */
	private mayHaveCR = true;
	private carryCR = false;
	/** the same for NUL characters (see the class comment) */
	private mayHaveNul = true;
	private carryNul = false;
	/** lines end in a lone '\r' (see the class comment); null until the input's start told */
	private crLines: boolean | null = null;
	/** the input's start, held until it tells (at most CR_PROBE characters) */
	private probe = '';
	/** a '\r' that ended a chunk: a line end, unless the next chunk starts with its '\n' */
	private crCarry = false;
	/** lines cut at MAX_CARRY characters, and the characters passed over (for the report's note) */
	cutLines = 0;
	/** non-breaking spaces (U+00A0) read as spaces (see split) */
	nbsp = 0;
	cutChars = 0;
	/** the carried line is cut (counted once in cutLines) */
	private carryCut = false;
	constructor(private readonly onLine: (line: string, mayHaveNul: boolean) => void) {}

	push(text: string): void {
		if (this.crLines !== false) {
			const t = this.crLines === true ? this.fromCR(text) : this.decideCR(text, false);
			if (t !== '') this.split(t);
			return;
		}
		this.split(text);
	}

	/** Decide from the input's start whether lines end in a lone '\r'; the text to split so far. */
	private decideCR(text: string, atEnd: boolean): string {
		const t = this.probe + text;
		if (t.indexOf('\n') === -1 && !atEnd && t.length < CR_PROBE) {
			this.probe = t;
			return '';
		}
		this.probe = '';
		const head = t.length > CR_PROBE ? t.slice(0, CR_PROBE) : t;
		this.crLines = head.indexOf('\n') === -1 && loneCRs(head) > 0;
		return this.crLines ? this.fromCR(t) : t;
	}

	/** '\r' and '\r\n' line ends to '\n' (a '\r' ending the text waits for the next chunk). */
	private fromCR(text: string): string {
		let t = this.crCarry ? '\r' + text : text;
		this.crCarry = t.endsWith('\r');
		if (this.crCarry) t = t.slice(0, -1);
		return t.indexOf('\r') === -1 ? t : t.replace(/\r\n?/g, '\n');
	}

	private split(text: string): void {
		// non-breaking spaces where a log has spaces: a copy from a web page, a mail or a word
		// processor (`[\u00a0\u00a0124.3]` is no dmesg time). One search of each chunk of text.
		let k = text.indexOf('\u00a0');
		if (k !== -1) {
			for (; k !== -1; k = text.indexOf('\u00a0', k + 1)) this.nbsp++;
			text = text.replaceAll('\u00a0', ' ');
		}
		// most inputs have no '\r' at all: then no line needs to be searched for one
		const textCR = text.indexOf('\r') !== -1;
		this.mayHaveCR = textCR || this.carryCR;
		const textNul = text.indexOf('\0') !== -1;
		this.mayHaveNul = textNul || this.carryNul;
		let start = 0;
		let nl = text.indexOf('\n');
		if (nl === -1) {
			if (this.carry.length >= MAX_CARRY) {
				this.cut(text.length);
				return;
			}
			if (text.length > MAX_CARRY) {
				this.cut(text.length - MAX_CARRY);
				this.carry += text.slice(0, MAX_CARRY);
			} else this.carry += text;
			this.carryCR = this.mayHaveCR;
			this.carryNul = this.mayHaveNul;
			return;
		}
		if (this.carry !== '') {
			if (this.carry.length >= MAX_CARRY) {
				this.cut(nl);
				this.emit(this.carry);
			} else this.emit(this.carry + text.slice(0, nl));
			this.carryCut = false;
			this.carry = '';
			start = nl + 1;
			nl = text.indexOf('\n', start);
		}
		while (nl !== -1) {
			this.emit(text.slice(start, nl));
			start = nl + 1;
			nl = text.indexOf('\n', start);
		}
		this.carry = text.slice(start);
		this.carryCR = textCR;
		this.carryNul = textNul;
	}

	private cut(chars: number): void {
		if (!this.carryCut) this.cutLines++;
		this.carryCut = true;
		this.cutChars += chars;
	}

	/** Flush the last line if the input did not end with a newline. */
	end(): void {
		if (this.crLines === null) {
			const t = this.decideCR('', true);
			if (t !== '') this.split(t);
		}
		if (this.crCarry) {
			this.crCarry = false;
			this.split('\n');
		}
		this.mayHaveCR = true;
		this.mayHaveNul = true;
		if (this.carry !== '') this.emit(this.carry);
		this.carry = '';
		this.carryCut = false;
		this.carryCR = false;
		this.carryNul = false;
	}

	private emit(line: string): void {
		this.onLine(
			!this.mayHaveCR || line.indexOf('\r') === -1 ? line : line.replace(/\r/g, ''),
			this.mayHaveNul
		);
	}
}

/** the characters of a line kept (see the class comment): 32 Mi, a NUL hole of up to 32 MiB and the text after it */
export const MAX_CARRY = 1 << 25;

/** characters of the input's start looked at for lone '\r' line ends */
const CR_PROBE = 1 << 16;

/** The number of '\r' followed by a character other than '\r' or '\n'. */
function loneCRs(text: string): number {
	let n = 0;
	for (let i = text.indexOf('\r'); i !== -1 && i + 1 < text.length; i = text.indexOf('\r', i + 1)) {
		const next = text.charCodeAt(i + 1);
		if (next !== 0x0a && next !== 0x0d) n++;
	}
	return n;
}

/** Split a whole string into lines the same way LineSplitter does (for tests and small inputs). */
export function splitLines(text: string): string[] {
	const out: string[] = [];
	const s = new LineSplitter((l) => out.push(l));
	s.push(text);
	s.end();
	return out;
}
