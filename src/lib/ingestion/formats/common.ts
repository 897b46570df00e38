/** Shared scanners for the prefixes kernel logs put before messages. Hand-written for speed. */

const SPACE = 32;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LBRACKET = 91;
const RBRACKET = 93;

export interface Scan {
	/** index just past what was scanned */
	end: number;
	value: number;
}

/**
 * Scan a bracketed printk time `[   12.345678]` starting at `i` (which must be '[').
 * Returns false when the text there is not one.
 */
export function scanBracketTime(s: string, i: number, out: Scan): boolean {
	if (s.charCodeAt(i) !== LBRACKET) return false;
	let j = i + 1;
	const n = s.length;
	while (j < n && s.charCodeAt(j) === SPACE) j++;
	let intPart = 0;
	let digits = 0;
	let c = s.charCodeAt(j);
	while (c >= ZERO && c <= NINE) {
		intPart = intPart * 10 + (c - ZERO);
		digits++;
		c = s.charCodeAt(++j);
	}
	if (digits === 0 || digits > 12 || c !== DOT) return false;
	c = s.charCodeAt(++j);
	let frac = 0;
	let scale = 1;
	let fd = 0;
	while (c >= ZERO && c <= NINE) {
		frac = frac * 10 + (c - ZERO);
		scale *= 10;
		fd++;
		c = s.charCodeAt(++j);
	}
	if (fd === 0 || fd > 9 || c !== RBRACKET) return false;
	out.end = j + 1;
	out.value = intPart + frac / scale;
	return true;
}

/**
 * Scan a printk caller id right after the time: `[T123]`, `[   T31]`, ` [    T1]`, `[C1]`.
 * Returns the id ('T123') or '' when there is none; `out.end` is set past it.
 */
export function scanCaller(s: string, i: number, out: Scan): string {
	let j = i;
	if (s.charCodeAt(j) === SPACE && s.charCodeAt(j + 1) === LBRACKET) j++;
	if (s.charCodeAt(j) !== LBRACKET) return '';
	let k = j + 1;
	while (s.charCodeAt(k) === SPACE) k++;
	const kind = s.charCodeAt(k);
	if (kind !== 84 /* T */ && kind !== 67 /* C */) return '';
	let m = k + 1;
	let c = s.charCodeAt(m);
	if (!(c >= ZERO && c <= NINE)) return '';
	while (c >= ZERO && c <= NINE) c = s.charCodeAt(++m);
	if (c !== RBRACKET || m - k > 12) return '';
	out.end = m + 1;
	return s.slice(k, m);
}

/** Skip the single space that separates a prefix from the message. */
export function skipOneSpace(s: string, i: number): number {
	return s.charCodeAt(i) === SPACE ? i + 1 : i;
}

/** Parse `<N>` syslog priority at `i`; returns the level (0-7) or -1. Sets out.end. */
export function scanPriority(s: string, i: number, out: Scan): number {
	if (s.charCodeAt(i) !== 60 /* < */) return -1;
	let j = i + 1;
	let v = 0;
	let d = 0;
	let c = s.charCodeAt(j);
	while (c >= ZERO && c <= NINE && d < 4) {
		v = v * 10 + (c - ZERO);
		d++;
		c = s.charCodeAt(++j);
	}
	if (d === 0 || c !== 62 /* > */) return -1;
	out.end = j + 1;
	out.value = v;
	return v & 7;
}

export const MONTHS: Record<string, number> = {
	jan: 0,
	feb: 1,
	mar: 2,
	apr: 3,
	may: 4,
	jun: 5,
	jul: 6,
	aug: 7,
	sep: 8,
	oct: 9,
	nov: 10,
	dec: 11,
	// common localised abbreviations (de, fr, es, it, nl, pt)
	mär: 2,
	mrz: 2,
	okt: 9,
	dez: 11,
	mai: 4,
	ene: 0,
	abr: 3,
	ago: 7,
	dic: 11,
	janv: 0,
	févr: 1,
	mars: 2,
	avr: 3,
	juin: 5,
	juil: 6,
	août: 7,
	sept: 8,
	déc: 11,
	gen: 0,
	mag: 4,
	giu: 5,
	lug: 6,
	set: 8,
	ott: 9,
	mei: 4,
	fev: 1,
	out: 9,
	dez_: 11
};

export function monthIndex(name: string): number {
	const m = MONTHS[name.toLowerCase().replace(/\.$/, '')];
	return m === undefined ? -1 : m;
}

/** True when the line holds bytes no text log has: NUL, most C0 controls, or many U+FFFD. */
export function looksBinary(s: string): boolean {
	let bad = 0;
	const n = Math.min(s.length, 4096);
	for (let i = 0; i < n; i++) {
		const c = s.charCodeAt(i);
		if ((c < 32 && c !== 9 && c !== 27) || c === 0xfffd || c === 127) bad++;
	}
	return n > 0 && (bad > 8 || bad / n > 0.1);
}
