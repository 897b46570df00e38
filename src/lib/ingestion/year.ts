/** Finding the year of a log from its own lines, for dates printed without one. */

export interface YearHint {
	year: number;
	/** true for a date the log was written on; false for the kernel build date */
	exact: boolean;
	source: 'log date' | 'build date';
}

const ISO_DATE = /(?:^|\D)((?:19[7-9]|20\d)\d)-[01]\d-[0-3]\d[T ]\d\d:\d\d/;
const CTIME =
	/(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d ((?:19[7-9]|20\d)\d)(?:$|\D)/;
const REALTIME = /__REALTIME_TIMESTAMP"?\s*[=:]\s*"?(\d{16})/;
const UNIX = /^(1\d{9})\.\d+ /;
const BUILD_YEAR = /(?:\d\d:\d\d:\d\d (?:[A-Z]{2,5} )?|[A-Z][a-z]{2} )((?:19[7-9]|20\d)\d)(?!\d)/;

/** A year hint from one line, or null. Cheap enough for the first few thousand lines. */
export function findYearHint(line: string): YearHint | null {
	if (line.length > 4096) line = line.slice(0, 4096);
	let m = ISO_DATE.exec(line);
	const v = line.indexOf('Linux version ');
	if (m && (v === -1 || m.index < v))
		return { year: Number(m[1]), exact: true, source: 'log date' };
	if (v !== -1) {
		const b = BUILD_YEAR.exec(line) ?? BANNER_END_YEAR.exec(line.trimEnd());
		return b ? { year: Number(b[1]), exact: false, source: 'build date' } : null;
	}
	m = m ?? CTIME.exec(line);
	if (m) return { year: Number(m[1]), exact: true, source: 'log date' };
	m = REALTIME.exec(line);
	if (m) return fromEpoch(Number(m[1]) / 1000);
	m = UNIX.exec(line);
	if (m) return fromEpoch(Number(m[1]) * 1000);
	return null;
}

function fromEpoch(ms: number): YearHint | null {
	const y = new Date(ms).getUTCFullYear();
	return y >= 1970 && y < 2100 ? { year: y, exact: true, source: 'log date' } : null;
}

/**
 * The build date at the end of a banner in the forms BUILD_YEAR does not read: Debian's
 * `#1 SMP Debian 5.8.10-1~bpo10+1 (2020-09-26)`, a zone as an offset `… Thu Nov 23 14:03:01 +05 2017`
 */
const BANNER_END_YEAR = /[ (]((?:19[7-9]|20\d)\d)(?:-[01]\d-[0-3]\d\))?$/;

/** The year a `Linux version` banner says its kernel was built, 0 when it says none. */
export function bannerBuildYear(text: string): number {
	const h = findYearHint(text);
	return h !== null && h.source === 'build date' ? h.year : 0;
}
