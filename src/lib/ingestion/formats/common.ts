/** Shared scanners for the prefixes kernel logs put before messages. Hand-written for speed. */
import { codeAt } from '../../util/text.ts';

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
 * A Scan for a scanner to reuse. `value` starts as a decimal: every Scan shares one hidden class
 * in V8, and one that started with a whole number changed it the first time a time's fraction was
 * stored, which threw away the optimised code of the scanners compiled before (a "wrong map").
 */
export function newScan(): Scan {
	return { end: 0, value: 0.5 };
}

/**
 * Scan a bracketed printk time `[   12.345678]` starting at `i` (which must be '[').
 * Returns false when the text there is not one. One space before the `]` is taken too: an i386
 * 0-day test boot in lkp-tests' fixtures prints `[    0.043841 ][    T0 ] EIP: ...` (lkp-74.log).
 */
export function scanBracketTime(s: string, i: number, out: Scan): boolean {
	if (codeAt(s, i) !== LBRACKET) return false;
	let j = i + 1;
	const n = s.length;
	while (j < n && codeAt(s, j) === SPACE) j++;
	let intPart = 0;
	let digits = 0;
	let c = codeAt(s, j);
	while (c >= ZERO && c <= NINE) {
		intPart = intPart * 10 + (c - ZERO);
		digits++;
		c = codeAt(s, ++j);
	}
	if (digits === 0 || digits > 12 || c !== DOT) return false;
	c = codeAt(s, ++j);
	let frac = 0;
	let scale = 1;
	let fd = 0;
	while (c >= ZERO && c <= NINE) {
		frac = frac * 10 + (c - ZERO);
		scale *= 10;
		fd++;
		c = codeAt(s, ++j);
	}
	// one space before the `]` (see above), tested with operations every line runs: the first
	// padded time, far into a log, threw away the optimised code of the parsers that inline this
	const next = codeAt(s, j + 1);
	const padded = +(c === SPACE) & +(next === RBRACKET);
	j += padded;
	if (padded === 1) c = next;
	if (fd === 0 || fd > 9 || c !== RBRACKET) return false;
	out.end = j + 1;
	out.value = intPart + frac / scale;
	return true;
}

/**
 * Scan a printk caller id right after the time: `[T123]`, `[   T31]`, ` [    T1]`, `[C1]`,
 * `[    T0 ]` (after `[    0.043841 ]`, see scanBracketTime).
 * Returns the id ('T123') or '' when there is none; `out.end` is set past it.
 */
export function scanCaller(s: string, i: number, out: Scan): string {
	let j = i;
	if (codeAt(s, j) === SPACE && codeAt(s, j + 1) === LBRACKET) j++;
	if (codeAt(s, j) !== LBRACKET) return '';
	let k = j + 1;
	while (codeAt(s, k) === SPACE) k++;
	const kind = codeAt(s, k);
	if (kind !== 84 /* T */ && kind !== 67 /* C */) return '';
	let m = k + 1;
	let c = codeAt(s, m);
	if (!(c >= ZERO && c <= NINE)) return '';
	while (c >= ZERO && c <= NINE) c = codeAt(s, ++m);
	const id = m;
	// `[    T0 ]`, tested as scanBracketTime tests its `[    0.043841 ]`
	const next = codeAt(s, m + 1);
	const padded = +(c === SPACE) & +(next === RBRACKET);
	m += padded;
	if (padded === 1) c = next;
	if (c !== RBRACKET || m - k > 12) return '';
	out.end = m + 1;
	return s.slice(k, id);
}

/** Skip the single space that separates a prefix from the message. */
export function skipOneSpace(s: string, i: number): number {
	return codeAt(s, i) === SPACE ? i + 1 : i;
}

/**
 * Skip the one space, or tab, that separates a dmesg prefix from its message: a copy from a web
 * page or a terminal may have turned the space into a tab (`[    0.000000]\tLinux version ...`),
 * never the message's own first character (the kernel's tab after the space stays: `[    0.000000]
 * \tTrampoline variant of Tasks RCU enabled.`).
 */
export function skipOneBlank(s: string, i: number): number {
	const c = codeAt(s, i);
	// both tests on every call: with `||` the tab's ran first on the first message that does not
	// start with a space, far into a log, and threw away the optimised code of the dmesg parser,
	// which inlines this (V8 had no type feedback for that comparison)
	return +(c === SPACE) | +(c === 9) ? i + 1 : i;
}

/** Parse `<N>` syslog priority at `i`; returns the level (0-7) or -1. Sets out.end. */
export function scanPriority(s: string, i: number, out: Scan): number {
	if (codeAt(s, i) !== 60 /* < */) return -1;
	let j = i + 1;
	let v = 0;
	let d = 0;
	let c = codeAt(s, j);
	while (c >= ZERO && c <= NINE && d < 4) {
		v = v * 10 + (c - ZERO);
		d++;
		c = codeAt(s, ++j);
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
	dez_: 11,
	avril: 3,
	// the same names in Latin-1 (de_DE, fr_FR), read as UTF-8: the accented letter is U+FFFD
	'm\ufffdr': 2,
	'f\ufffdvr': 1,
	'ao\ufffdt': 7,
	'd\ufffdc': 11
};

/** first letters of MONTHS' names (lower case) */
const MONTH_INITIALS = new Set(Object.keys(MONTHS).map((k) => k.charCodeAt(0)));

/** A letter of a month or weekday name: ASCII, Latin, or U+FFFD (a Latin-1 letter read as UTF-8). */
function nameLetter(c: number): boolean {
	return (
		(c >= 97 && c <= 122) ||
		(c >= 65 && c <= 90) ||
		(c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
		c === 0xfffd
	);
}

/**
 * The month named at `i` by a word of 3 to 5 letters, English or localised (MONTHS: `Dez`,
 * `déc.`, `févr.`, `avril`, also in Latin-1), with the dot of an abbreviation, followed by a
 * space (or, when `space` is false, by anything but a letter): the month, and in `out.end` the
 * index after the word (and dot); -1 when not one. English
 * months cost what monthAt costs; other words a few comparisons unless they are 3 to 5 letters
 * starting like a month.
 */
export function monthWordAt(s: string, i: number, out: Scan, space = true): number {
	const m = monthAt(s, i);
	if (m >= 0 && codeAt(s, i + 3) === SPACE) {
		out.end = i + 3;
		return m;
	}
	if (m >= 0 && !space && !nameLetter(codeAt(s, i + 3))) {
		out.end = codeAt(s, i + 3) === 46 ? i + 4 : i + 3;
		return m;
	}
	if (!MONTH_INITIALS.has(codeAt(s, i) | 32)) return -1;
	let j = i + 1;
	while (j - i < 6 && nameLetter(codeAt(s, j))) j++;
	const n = j - i;
	const c = codeAt(s, j);
	if (n < 3 || n > 5 || (space && c !== SPACE && c !== 46) || nameLetter(c)) return -1;
	const mo = MONTHS[s.slice(i, j).toLowerCase()];
	if (mo === undefined) return -1;
	const end = c === 46 ? j + 1 : j;
	if (space && codeAt(s, end) !== SPACE) return -1;
	out.end = end;
	return mo;
}

/**
 * A weekday word at `i` as strftime's `%a` prints it in any locale (`Fri`, `Do`, `jeu.`, `mié`):
 * 2 to 4 letters and an optional dot, then a space. The index of the space, or -1.
 */
function weekdayWordEnd(s: string, i: number): number {
	let j = i;
	while (j - i < 5 && nameLetter(codeAt(s, j))) j++;
	if (j - i < 2 || j - i > 4 || !WEEKDAY_NAMES.has(s.slice(i, j).toLowerCase())) return -1;
	if (codeAt(s, j) === 46) j++;
	return codeAt(s, j) === SPACE ? j : -1;
}

/** `%a` in the locales of MONTHS (de, fr, es, it, nl, pt; U+FFFD for a Latin-1 letter) */
const WEEKDAY_NAMES = new Set(
	(
		'mo di mi do fr sa so lun mar mer jeu ven sam dim mié jue vie sáb dom gio sab ' +
		'ma wo vr za zo seg ter qua qui sex mi\ufffd s\ufffdb'
	).split(' ')
);

const wordScan = newScan();

const EN_MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

export function monthIndex(name: string): number {
	if (name.length === 3) {
		const k = EN_MONTHS.indexOf(name);
		if (k >= 0 && k % 3 === 0) return k / 3;
	}
	const key = name.toLowerCase();
	const m = MONTHS[key.endsWith('.') ? key.slice(0, -1) : key];
	return m === undefined ? -1 : m;
}

/** True when the line holds bytes no text log has: NUL, most C0 controls, or many U+FFFD. */
export function looksBinary(s: string): boolean {
	let bad = 0;
	const n = Math.min(s.length, 4096);
	for (let i = 0; i < n; i++) {
		const c = codeAt(s, i);
		if ((c < 32 && c !== 9 && c !== 27) || c === 0xfffd || c === 127) bad++;
	}
	return n > 0 && (bad > 8 || bad / n > 0.1);
}

/** Parse two ASCII digits at `i`, -1 when they are not digits. */
export function two(s: string, i: number): number {
	const a = codeAt(s, i) - ZERO;
	const b = codeAt(s, i + 1) - ZERO;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Parse `n` ASCII digits at `i`, -1 when any is not a digit. */
export function digitsAt(s: string, i: number, n: number): number {
	let v = 0;
	for (let k = 0; k < n; k++) {
		const d = codeAt(s, i + k) - ZERO;
		if (d < 0 || d > 9) return -1;
		v = v * 10 + d;
	}
	return v;
}

/** Parse `HH:MM:SS` at `i` into seconds of the day, -1 when it is not one. */
export function clockAt(s: string, i: number): number {
	const h = two(s, i);
	const m = two(s, i + 3);
	const sec = two(s, i + 6);
	if (h < 0 || m < 0 || sec < 0 || codeAt(s, i + 2) !== 58 || codeAt(s, i + 5) !== 58) return -1;
	if (h > 23 || m > 59 || sec > 60) return -1;
	return h * 3600 + m * 60 + sec;
}

/** Parse a fraction `.123456` / `,123456` at `i` (which must be the separator). Sets out.end. */
export function scanFraction(s: string, i: number, out: Scan): number {
	const c = codeAt(s, i);
	if (c !== DOT && c !== 44 /* , */) {
		out.end = i;
		return 0;
	}
	let j = i + 1;
	let frac = 0;
	let scale = 1;
	let d = codeAt(s, j);
	while (d >= ZERO && d <= NINE && scale < 1e9) {
		frac = frac * 10 + (d - ZERO);
		scale *= 10;
		d = codeAt(s, ++j);
	}
	if (scale === 1) {
		out.end = i;
		return 0;
	}
	out.end = j;
	return frac / scale;
}

/** Parse a numeric UTC offset `+01:00`, `+0100`, `Z` at `i`; NaN when none. Sets out.end. */
export function scanOffset(s: string, i: number, out: Scan): number {
	const c = codeAt(s, i);
	if (c === 90 /* Z */) {
		out.end = i + 1;
		return 0;
	}
	if (c !== 43 && c !== 45) return NaN;
	const h = two(s, i + 1);
	if (h < 0) return NaN;
	let j = i + 3;
	if (codeAt(s, j) === 58) j++;
	const m = two(s, j);
	if (m < 0) return NaN;
	out.end = j + 2;
	return (c === 45 ? -1 : 1) * (h * 60 + m) * 60000;
}

/**
 * `YYYY-MM-DD[T ]HH:MM:SS[.frac][offset]` at `i` as epoch ms (offset taken as UTC when absent);
 * NaN when the text there is not one. Sets out.end past it.
 */
export function scanIsoDate(s: string, i: number, out: Scan): number {
	const y = digitsAt(s, i, 4);
	if (y < 0 || codeAt(s, i + 4) !== 45 || codeAt(s, i + 7) !== 45) return NaN;
	const mo = two(s, i + 5);
	const d = two(s, i + 8);
	const sep = codeAt(s, i + 10);
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || (sep !== 84 && sep !== 32)) return NaN;
	const sec = clockAt(s, i + 11);
	if (sec < 0) return NaN;
	const frac = scanFraction(s, i + 19, out);
	let ms = Date.UTC(y, mo - 1, d) + sec * 1000 + Math.round(frac * 1e6) / 1e3;
	const end = out.end;
	const off = scanOffset(s, end, out);
	if (Number.isNaN(off)) out.end = end;
	else ms -= off;
	return ms;
}

const WEEKDAYS = 'SunMonTueWedThuFriSat';

/** True when three letters at `i` are an English weekday abbreviation. */
export function isWeekday(s: string, i: number): boolean {
	const c = codeAt(s, i);
	if (c !== 83 && c !== 77 && c !== 84 && c !== 87 && c !== 70) return false;
	const w = s.slice(i, i + 3);
	return w.length === 3 && WEEKDAYS.indexOf(w) % 3 === 0;
}

/** Month index of the three English letters at `i` (also lower case), -1 otherwise. */
export function monthAt(s: string, i: number): number {
	const c = codeAt(s, i) | 32;
	// first letters of the English months (either case): j f m a s o n d
	if (
		c !== 106 &&
		c !== 102 &&
		c !== 109 &&
		c !== 97 &&
		c !== 115 &&
		c !== 111 &&
		c !== 110 &&
		c !== 100
	)
		return -1;
	const c1 = codeAt(s, i + 1) | 32;
	const c2 = codeAt(s, i + 2) | 32;
	// ASCII letters: a table indexed by the three letters (no substring, no hashing per line)
	if (c1 >= 97 && c1 <= 122 && c2 >= 97 && c2 <= 122)
		return MONTH3_ASCII[((c & 31) << 10) | ((c1 & 31) << 5) | (c2 & 31)];
	if (c1 < 128 && c2 < 128) return -1;
	const m = MONTH3.get(c * 0x100000000 + c1 * 0x10000 + c2);
	return m === undefined ? -1 : m;
}

/**
 * MONTHS' three-character names with a non-ASCII letter (`mär`), keyed by their lowercased
 * character codes (see monthAt); ASCII names are in MONTH3_ASCII.
 */
const MONTH3 = new Map<number, number>(
	Object.entries(MONTHS)
		.filter(([name]) => name.length === 3 && !/^[a-z]{3}$/.test(name))
		.map(([name, m]) => [
			codeAt(name, 0) * 0x100000000 + codeAt(name, 1) * 0x10000 + codeAt(name, 2),
			m
		])
);

/** MONTHS' three-letter ASCII names: the month at the index made of their letters' low 5 bits, else -1 */
const MONTH3_ASCII = (() => {
	const t = new Int8Array(1 << 15).fill(-1);
	for (const [name, m] of Object.entries(MONTHS)) {
		if (name.length !== 3 || !/^[a-z]{3}$/.test(name)) continue;
		t[((codeAt(name, 0) & 31) << 10) | ((codeAt(name, 1) & 31) << 5) | (codeAt(name, 2) & 31)] = m;
	}
	return t;
})();

/** The date of a syslog (RFC 3164) or journalctl short prefix, without its year. */
export interface SyslogDate {
	month: number;
	day: number;
	/** seconds since midnight */
	sec: number;
}

/**
 * `Nov 23 10:00:00` (`Mar  2` space-padded, or `Mar 02`) at the start of `s`, into `out`; the
 * month also localised (journalctl in a German or French locale: `Dez 04`, `déc. 04`, see
 * monthWordAt). `end` gets the index after the time (15 with a three-letter month).
 */
export function scanSyslogDate(s: string, out: SyslogDate, end?: Scan): boolean {
	const month = monthWordAt(s, 0, wordScan);
	if (month < 0) return false;
	const p = wordScan.end + 1;
	// a day padded with a space (`Aug  9`) is the second character's digit; that case runs no
	// operation of its own, so optimised code that had met two-digit days only is not thrown away
	// at the first such day (as it was when it computed `codeAt(s, p + 1) - ZERO` there)
	const tens = codeAt(s, p) - ZERO;
	const ones = codeAt(s, p + 1) - ZERO;
	const day =
		tens === SPACE - ZERO
			? ones
			: tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9
				? tens * 10 + ones
				: -1;
	if (!(day >= 1 && day <= 31) || codeAt(s, p + 2) !== SPACE) return false;
	const sec = clockAt(s, p + 3);
	if (sec < 0) return false;
	out.month = month;
	out.day = day;
	out.sec = sec;
	if (end !== undefined) end.end = p + 11;
	return true;
}

/**
 * ctime text `Fri Feb 13 23:31:31 2009` (day padded with a space or not) at `i`, as epoch ms
 * read as UTC (dmesg -T prints local time without saying which zone). NaN when not one. The
 * weekday and month may be another locale's (`Do Dez  3`, `jeu. déc.  3`: see monthWordAt).
 */
export function scanCtime(s: string, i: number, out: Scan): number {
	let mo = -1;
	let j = -1;
	if (isWeekday(s, i) && codeAt(s, i + 3) === SPACE) {
		mo = monthAt(s, i + 4);
		if (mo >= 0 && codeAt(s, i + 7) === SPACE) j = i + 8;
	}
	if (j < 0) {
		// another locale's names: `Do Dez  3 16:10:51 2026`, `jeu. déc.  3 16:10:51 2026`
		const w = weekdayWordEnd(s, i);
		if (w < 0) return NaN;
		mo = monthWordAt(s, w + 1, wordScan);
		if (mo < 0) return NaN;
		j = wordScan.end + 1;
	}
	if (codeAt(s, j) === SPACE) j++;
	let d = codeAt(s, j) - ZERO;
	if (d < 0 || d > 9) return NaN;
	j++;
	const d2 = codeAt(s, j) - ZERO;
	if (d2 >= 0 && d2 <= 9) {
		d = d * 10 + d2;
		j++;
	}
	if (codeAt(s, j) !== SPACE) return NaN;
	const sec = clockAt(s, j + 1);
	if (sec < 0 || codeAt(s, j + 9) !== SPACE) return NaN;
	const y = digitsAt(s, j + 10, 4);
	if (y < 0) return NaN;
	out.end = j + 14;
	return Date.UTC(y, mo, d) + sec * 1000;
}

/** Offsets of the time-zone abbreviations journalctl short-full prints most often, in minutes. */
export const TZ_ABBREV: Record<string, number> = {
	UTC: 0,
	GMT: 0,
	WET: 0,
	WEST: 60,
	BST: 60,
	CET: 60,
	CEST: 120,
	MET: 60,
	MEST: 120,
	EET: 120,
	EEST: 180,
	MSK: 180,
	IST: 330,
	CST: -360,
	CDT: -300,
	EST: -300,
	EDT: -240,
	MST: -420,
	MDT: -360,
	PST: -480,
	PDT: -420,
	AKST: -540,
	AKDT: -480,
	HST: -600,
	JST: 540,
	KST: 540,
	AEST: 600,
	AEDT: 660,
	ACST: 570,
	AWST: 480,
	NZST: 720,
	NZDT: 780,
	WIB: 420
};

/**
 * Decode `\xNN` escapes (kmsg, dmesg) as UTF-8 bytes; other text is kept. Control characters
 * become spaces, but a tab stays a tab, as dmesg and a console print it (`rcu: \tTasks blocked`).
 */
export function unescapeHex(s: string): string {
	if (s.indexOf('\\x') === -1) return s;
	const bytes: number[] = [];
	let out = '';
	const flush = () => {
		if (bytes.length > 0) {
			out += new TextDecoder().decode(new Uint8Array(bytes));
			bytes.length = 0;
		}
	};
	for (let i = 0; i < s.length; i++) {
		if (codeAt(s, i) === 92 && codeAt(s, i + 1) === 120) {
			const h = parseInt(s.slice(i + 2, i + 4), 16);
			if (!Number.isNaN(h) && /^[0-9a-f]{2}$/i.test(s.slice(i + 2, i + 4))) {
				bytes.push((h < 32 && h !== 9) || h === 127 ? 32 : h);
				i += 3;
				continue;
			}
		}
		flush();
		out += s[i];
	}
	flush();
	return out;
}
