/** Finding the year of a log from its own lines, for dates printed without one. */

import { lockdepIdentTaint } from '../util/taint.ts';
import { codeAt } from '../util/text.ts';

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

/**
 * Release dates of mainline Linux (UTC days, `YYYY-MM-DD`), in version order: 2.6.0 to 2.6.39,
 * then 3.0 on. A kernel named X.Y exists from the day its merge window opens, the release of the
 * version before it (Fedora builds `3.13.0-0.rc0.git1` then, Ubuntu names release candidates
 * `3.13.0-N`); a stable X.Y.Z with Z > 0 from X.Y's release.
 */
const RELEASES: ReadonlyArray<readonly [string, string]> = [
	['2.6.0', '2003-12-17'],
	['2.6.1', '2004-01-09'],
	['2.6.2', '2004-02-04'],
	['2.6.3', '2004-02-18'],
	['2.6.4', '2004-03-11'],
	['2.6.5', '2004-04-04'],
	['2.6.6', '2004-05-10'],
	['2.6.7', '2004-06-16'],
	['2.6.8', '2004-08-14'],
	['2.6.9', '2004-10-18'],
	['2.6.10', '2004-12-24'],
	['2.6.11', '2005-03-02'],
	['2.6.12', '2005-06-17'],
	['2.6.13', '2005-08-29'],
	['2.6.14', '2005-10-27'],
	['2.6.15', '2006-01-03'],
	['2.6.16', '2006-03-20'],
	['2.6.17', '2006-06-17'],
	['2.6.18', '2006-09-20'],
	['2.6.19', '2006-11-29'],
	['2.6.20', '2007-02-04'],
	['2.6.21', '2007-04-26'],
	['2.6.22', '2007-07-08'],
	['2.6.23', '2007-10-09'],
	['2.6.24', '2008-01-24'],
	['2.6.25', '2008-04-16'],
	['2.6.26', '2008-07-13'],
	['2.6.27', '2008-10-09'],
	['2.6.28', '2008-12-24'],
	['2.6.29', '2009-03-23'],
	['2.6.30', '2009-06-09'],
	['2.6.31', '2009-09-09'],
	['2.6.32', '2009-12-02'],
	['2.6.33', '2010-02-24'],
	['2.6.34', '2010-05-16'],
	['2.6.35', '2010-08-01'],
	['2.6.36', '2010-10-20'],
	['2.6.37', '2011-01-04'],
	['2.6.38', '2011-03-14'],
	['2.6.39', '2011-05-18'],
	['3.0', '2011-07-21'],
	['3.1', '2011-10-24'],
	['3.2', '2012-01-04'],
	['3.3', '2012-03-18'],
	['3.4', '2012-05-20'],
	['3.5', '2012-07-21'],
	['3.6', '2012-09-30'],
	['3.7', '2012-12-10'],
	['3.8', '2013-02-18'],
	['3.9', '2013-04-28'],
	['3.10', '2013-06-30'],
	['3.11', '2013-09-02'],
	['3.12', '2013-11-03'],
	['3.13', '2014-01-19'],
	['3.14', '2014-03-30'],
	['3.15', '2014-06-08'],
	['3.16', '2014-08-03'],
	['3.17', '2014-10-05'],
	['3.18', '2014-12-07'],
	['3.19', '2015-02-08'],
	['4.0', '2015-04-12'],
	['4.1', '2015-06-21'],
	['4.2', '2015-08-30'],
	['4.3', '2015-11-01'],
	['4.4', '2016-01-10'],
	['4.5', '2016-03-13'],
	['4.6', '2016-05-15'],
	['4.7', '2016-07-24'],
	['4.8', '2016-10-02'],
	['4.9', '2016-12-11'],
	['4.10', '2017-02-19'],
	['4.11', '2017-04-30'],
	['4.12', '2017-07-02'],
	['4.13', '2017-09-03'],
	['4.14', '2017-11-12'],
	['4.15', '2018-01-28'],
	['4.16', '2018-04-01'],
	['4.17', '2018-06-03'],
	['4.18', '2018-08-12'],
	['4.19', '2018-10-22'],
	['4.20', '2018-12-23'],
	['5.0', '2019-03-03'],
	['5.1', '2019-05-05'],
	['5.2', '2019-07-07'],
	['5.3', '2019-09-15'],
	['5.4', '2019-11-24'],
	['5.5', '2020-01-26'],
	['5.6', '2020-03-29'],
	['5.7', '2020-05-31'],
	['5.8', '2020-08-02'],
	['5.9', '2020-10-11'],
	['5.10', '2020-12-13'],
	['5.11', '2021-02-14'],
	['5.12', '2021-04-25'],
	['5.13', '2021-06-27'],
	['5.14', '2021-08-29'],
	['5.15', '2021-10-31'],
	['5.16', '2022-01-09'],
	['5.17', '2022-03-20'],
	['5.18', '2022-05-22'],
	['5.19', '2022-07-31'],
	['6.0', '2022-10-02'],
	['6.1', '2022-12-11'],
	['6.2', '2023-02-19'],
	['6.3', '2023-04-23'],
	['6.4', '2023-06-25'],
	['6.5', '2023-08-27'],
	['6.6', '2023-10-30'],
	['6.7', '2024-01-07'],
	['6.8', '2024-03-10'],
	['6.9', '2024-05-12'],
	['6.10', '2024-07-14'],
	['6.11', '2024-09-15'],
	['6.12', '2024-11-17'],
	['6.13', '2025-01-19'],
	['6.14', '2025-03-24'],
	['6.15', '2025-05-25'],
	['6.16', '2025-07-27'],
	['6.17', '2025-09-28']
];
const RELEASE_INDEX = new Map(RELEASES.map(([v], k) => [v, k]));

/**
 * The first day (UTC ms) a kernel of this release string (`3.13.0-57-generic`, `2.6.32-642.el6`)
 * can have run, or 0 when the table does not know its series. A version past the table's last
 * is at least as late as that release.
 */
export function releaseFloorMs(release: string): number {
	const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(release);
	if (m === null) return 0;
	const major = Number(m[1]);
	const minor = Number(m[2]);
	// 2.6.x counts its third number as the series, its fourth as the stable release
	const series = major === 2 && minor === 6 ? `2.6.${m[3] ?? ''}` : `${major}.${minor}`;
	const stable = Number((major === 2 && minor === 6 ? m[4] : m[3]) ?? 0);
	let k = RELEASE_INDEX.get(series);
	if (k === undefined) {
		if (major < 2 || (major === 2 && minor <= 6)) return 0;
		const [lastMajor, lastMinor] = RELEASES[RELEASES.length - 1][0].split('.').map(Number);
		if (major < lastMajor || (major === lastMajor && minor <= lastMinor)) return 0;
		k = RELEASES.length;
	}
	// a stable release comes after its series' release; X.Y.0 or a candidate after the window opened
	const at = stable > 0 && k < RELEASES.length ? k : k - 1;
	return at < 0 ? 0 : Date.parse(RELEASES[at][1] + 'T00:00:00Z');
}

/** `Linux version 3.13.0-57-generic (…`, `… Not tainted 3.13.0-57-generic #95-Ubuntu`, `Tainted: G W 4.4.0 #1` */
const RELEASE_NAMED =
	/(?:Linux version |[ :]Not tainted +\(?|[ :]Tainted: [A-Z ]*\(?)(\d+\.\d[^\s#()]*)(?: |\)|$)/;

/** `usb usb1: Manufacturer: Linux 6.5.13-1-pve xhci-hcd` (drivers/usb/core/hcd.c) */
const ROOT_HUB_KERNEL = /^usb usb\d+: Manufacturer: Linux (\d+\.\d\S*) \S/;

/**
 * The running kernel's release that a USB root hub's manufacturer string names, `usb usb1:
 * Manufacturer: Linux 6.5.13-1-pve xhci-hcd`, or null. A device's own string (`usb 1-1:
 * Manufacturer: Linux 4.14 with dwc3-gadget`, a phone) is another machine's kernel: null.
 */
export function rootHubRelease(text: string): string | null {
	if (!text.startsWith('usb usb')) return null;
	const m = ROOT_HUB_KERNEL.exec(text);
	return m === null ? null : m[1];
}

/**
 * The kernel release a message (its prefix removed) names, or null: its banner, an oops's `CPU:`
 * or `Pid:` line, the line after a hung-task header, lockdep's identity line (`5.10.110-00159-g58823a9b097c
 * #1 Not tainted`, read by lockdepIdentTaint as the metadata collector reads it) or a USB root
 * hub's manufacturer string (rootHubRelease, the collector's too). Literal and first-character
 * tests come first: it runs on every kernel line of a boot until one names its kernel.
 */
export function namedRelease(text: string): string | null {
	const c = codeAt(text, 0);
	if (c === 117 /* u */) {
		const r = rootHubRelease(text);
		if (r !== null) return r;
	}
	if (text.indexOf('ersion ') === -1 && text.indexOf('ainted') === -1) return null;
	if (c >= 48 && c <= 57) {
		const l = lockdepIdentTaint(text);
		if (l !== null) return l.version;
	}
	const m = RELEASE_NAMED.exec(text);
	return m === null ? null : m[1];
}
