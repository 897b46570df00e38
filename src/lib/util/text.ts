/** Small text helpers shared by the layers. */

// CSI (ESC [ params final), OSC (ESC ] ... BEL or ESC \) and two-character escapes.
const ANSI =
	// eslint-disable-next-line no-control-regex
	/\x1b(?:\[[\d;?]*[\x20-\x2f]*[\x40-\x7e]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[\x40-\x5a\x5c-\x5f])/g;

/** Remove ANSI/terminal escape sequences (serial console captures, hostile input). */
export function stripAnsi(s: string): string {
	return s.indexOf('\x1b') === -1 ? s : s.replace(ANSI, '');
}

/**
 * A span of kernel time in words (`112 days`, `2.5 hours`, `40 minutes`), or '' under two minutes,
 * which seconds say well: for the page's timeline axis, and a finding's time after boot in the page
 * and the text and Markdown reports. A server's boot of 112 days had been an axis of "seconds since
 * boot, 0 – 9686414.6", and its finding "9686414.565 s" after boot, a number to divide in one's
 * head.
 */
export function spanText(seconds: number): string {
	if (!(seconds >= 120)) return '';
	if (seconds < 7200) return `${Math.round(seconds / 60)} minutes`;
	if (seconds < 172800) return `${(seconds / 3600).toFixed(1).replace(/\.0$/, '')} hours`;
	return `${Math.round(seconds / 86400)} days`;
}

/** A size in KiB in words: `15.5 GiB` from 1 GiB, else `512 MiB` (the system panel, crash notes). */
export function kibText(kib: number): string {
	const gib = kib / 1024 / 1024;
	return gib >= 1 ? `${gib.toFixed(1)} GiB` : `${(kib / 1024).toFixed(0)} MiB`;
}

/**
 * 1234567 -> '1,234,567'. Not toLocaleString: its first call loads the browser's locale data,
 * which kept the page's main thread busy for tens of milliseconds when the first analysis
 * started; and reports must not depend on the runtime's locale data.
 */
export function groupDigits(n: number): string {
	const s = String(Math.trunc(Math.abs(n)));
	let out = '';
	for (let i = s.length; i > 0; i -= 3)
		out = s.slice(Math.max(0, i - 3), i) + (out ? `,${out}` : '');
	return (n < 0 ? '-' : '') + out;
}

/**
 * A copy of `s` that shares no memory with the string it was cut from. V8 represents a
 * substring as a view into its parent, so keeping a 100-character line cut from a decoded window
 * would keep the whole window alive (and copied by every garbage collection) for the life of
 * the report; what the report keeps is detached.
 */
export function detach(s: string): string {
	return (' ' + s).slice(1);
}

/** `v` with every string in it detached, through arrays and plain objects (a new value). */
export function detachDeep<T>(v: T): T {
	if (typeof v === 'string') return detach(v) as T;
	if (Array.isArray(v)) return v.map(detachDeep) as T;
	if (v !== null && typeof v === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, x] of Object.entries(v)) out[k] = detachDeep(x);
		return out as T;
	}
	return v;
}

/**
 * `s.charCodeAt(i)`, or -1 when `i` is outside `s` (where `charCodeAt` returns NaN). Optimised
 * code assumes that a `charCodeAt` it has only seen inside its string stays inside, and is thrown
 * away (deoptimised, then compiled again) the first time it reads past the end; a NaN where it had
 * only seen small integers does the same. The per-line scanners read past the end of short lines
 * at many places, which made V8 compile them again for each (about 30 deoptimisations over the
 * benchmark log). -1 is no character: every test for one fails, and a test for a range of
 * characters (`c < 48 || c > 57`: not a digit) says it is outside, which NaN did not.
 */
export function codeAt(s: string, i: number): number {
	return i >= 0 && i < s.length ? s.charCodeAt(i) : -1;
}
