/**
 * Splits streamed text into lines without ever holding the whole input as one string.
 * A line ends at '\n'; '\r' characters are removed (CRLF files, serial captures with '\r\r\n').
 * The last line counts even without a final newline; an empty input has no lines.
 * `onLine` is also told whether the line may hold a NUL character: false when the chunk it came
 * from has none (one search a chunk), so that nobody needs to search every line for one.
 */
export class LineSplitter {
	private carry = '';
	/** the current chunk (or the carried part of a line) may hold a '\r' */
	private mayHaveCR = true;
	private carryCR = false;
	/** the same for NUL characters (see the class comment) */
	private mayHaveNul = true;
	private carryNul = false;
	constructor(private readonly onLine: (line: string, mayHaveNul: boolean) => void) {}

	push(text: string): void {
		// most inputs have no '\r' at all: then no line needs to be searched for one
		const textCR = text.indexOf('\r') !== -1;
		this.mayHaveCR = textCR || this.carryCR;
		const textNul = text.indexOf('\0') !== -1;
		this.mayHaveNul = textNul || this.carryNul;
		let start = 0;
		let nl = text.indexOf('\n');
		if (nl === -1) {
			this.carry += text;
			this.carryCR = this.mayHaveCR;
			this.carryNul = this.mayHaveNul;
			return;
		}
		if (this.carry !== '') {
			this.emit(this.carry + text.slice(0, nl));
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

	/** Flush the last line if the input did not end with a newline. */
	end(): void {
		this.mayHaveCR = true;
		this.mayHaveNul = true;
		if (this.carry !== '') this.emit(this.carry);
		this.carry = '';
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

/** Split a whole string into lines the same way LineSplitter does (for tests and small inputs). */
export function splitLines(text: string): string[] {
	const out: string[] = [];
	const s = new LineSplitter((l) => out.push(l));
	s.push(text);
	s.end();
	return out;
}
