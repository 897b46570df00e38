/**
 * Splits streamed text into lines without ever holding the whole input as one string.
 * A line ends at '\n'; '\r' characters are removed (CRLF files, serial captures with '\r\r\n').
 * The last line counts even without a final newline; an empty input has no lines.
 */
export class LineSplitter {
	private carry = '';
	/** the current chunk (or the carried part of a line) may hold a '\r' */
	private mayHaveCR = true;
	private carryCR = false;
	constructor(private readonly onLine: (line: string) => void) {}

	push(text: string): void {
		// most inputs have no '\r' at all: then no line needs to be searched for one
		const textCR = text.indexOf('\r') !== -1;
		this.mayHaveCR = textCR || this.carryCR;
		let start = 0;
		let nl = text.indexOf('\n');
		if (nl === -1) {
			this.carry += text;
			this.carryCR = this.mayHaveCR;
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
	}

	/** Flush the last line if the input did not end with a newline. */
	end(): void {
		this.mayHaveCR = true;
		if (this.carry !== '') this.emit(this.carry);
		this.carry = '';
		this.carryCR = false;
	}

	private emit(line: string): void {
		this.onLine(!this.mayHaveCR || line.indexOf('\r') === -1 ? line : line.replace(/\r/g, ''));
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
