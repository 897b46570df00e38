/**
 * The machine's time zone, from a line that carries both a local-time prefix and an epoch time:
 * syslog files, `journalctl` short output and `dmesg -T` print local time without saying which
 * zone, while the kernel's audit records (`audit(1547619175.492:40)`) and the RTC line
 * (`setting system clock to ... (1547619001)`) give UTC, and so do some programs' own time stamps
 * in their messages (NetworkManager's `<info>  [1680676309.3287]`, an ISO 8601 time with its
 * offset such as containerd's `time="2021-11-21T08:35:02.186624558-03:00"`). Read in the year
 * look-ahead.
 */
import {
	isWeekday,
	monthAt,
	scanCtime,
	scanIsoDate,
	scanSyslogDate,
	TZ_ABBREV,
	type Scan,
	type SyslogDate
} from './formats/common.ts';
import { codeAt } from '../util/text.ts';

export interface ClockAnchor {
	/** local time minus UTC, in ms (a whole number of quarter hours) */
	offsetMs: number;
	/**
	 * 'audit' (exact event time), 'journal' (the zone journalctl names in its `-- Logs begin at`
	 * header), 'stamp' (a program's own epoch or ISO time in its message, exact too) or 'rtc'
	 * (weaker: the prefix is when syslog received the line)
	 */
	source: 'audit' | 'journal' | 'stamp' | 'rtc';
	/** the year of the line's local date (an exact year for dates printed without one) */
	year: number;
}

const QUARTER_HOUR = 15 * 60 * 1000;
/** abbreviations several zones use (China/America, India/Ireland/Israel, Britain/Bangladesh, ...) */
const AMBIGUOUS_ZONES = new Set(['CST', 'IST', 'BST', 'AST', 'ADT', 'GST', 'SST']);
/** the largest offset in use (UTC+14) */
const MAX_OFFSET = 14 * 3600 * 1000;
/** how far the prefix may lag behind the epoch time it carries (syslog starts after the kernel) */
const MAX_LAG = { audit: 60 * 1000, journal: 0, stamp: 60 * 1000, rtc: 5 * 60 * 1000 };

const AUDIT = /audit\((\d{10})\.(\d{3}):\d+\)/;
const JOURNAL_HEADER =
	/^-- (?:Logs begin at|Journal begins at) \w+ (\d{4})-\d\d-\d\d \d\d:\d\d:\d\d ([A-Z]{2,5})\b/;
const RTC = /setting system clock to .*\((\d{9,11})\)\s*$/;
/** NetworkManager (and ModemManager): `NetworkManager[578]: <info>  [1680676309.3287] device ...` */
const NM_STAMP = /\]: <(?:trace|debug|info|warn|error)> +\[(1\d{9})\.(\d{1,6})\] /;
/** an ISO 8601 time with its offset in a message: `time="2021-11-21T08:35:02.18-03:00"` */
const ISO_STAMP =
	/(?:^|[^\d-])((?:19[7-9]|20\d)\d)-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-6]\d(?:[.,]\d{1,9})?(?:Z|[+-][01]\d:?[0-5]\d)(?![\d:])/;
const scan: Scan = { end: 0, value: 0 };
const date: SyslogDate = { month: 0, day: 0, sec: 0 };

/** The anchor a raw input line gives, or null (cheap: two substring tests first). */
export function findClockAnchor(line: string): ClockAnchor | null {
	if (line.startsWith('-- ')) {
		const z = JOURNAL_HEADER.exec(line);
		// CST is China's +08:00 as often as America's -06:00: names used by several zones tell nothing
		const minutes = z && !AMBIGUOUS_ZONES.has(z[2]) ? TZ_ABBREV[z[2]] : undefined;
		return z === null || minutes === undefined
			? null
			: { offsetMs: minutes * 60000, source: 'journal', year: Number(z[1]) };
	}
	let source: ClockAnchor['source'];
	let epochMs: number;
	if (line.indexOf('audit(') !== -1) {
		const m = AUDIT.exec(line);
		if (!m) return null;
		source = 'audit';
		epochMs = Number(m[1]) * 1000 + Number(m[2]);
	} else if (line.indexOf('setting system clock to') !== -1) {
		const m = RTC.exec(line);
		if (!m) return null;
		source = 'rtc';
		epochMs = Number(m[1]) * 1000;
	} else {
		epochMs = programStamp(line);
		if (Number.isNaN(epochMs)) return null;
		source = 'stamp';
	}
	const local = localPrefix(line, epochMs);
	if (Number.isNaN(local)) return null;
	const offsetMs = Math.round((local - epochMs) / QUARTER_HOUR) * QUARTER_HOUR;
	const lag = local - epochMs - offsetMs;
	if (Math.abs(offsetMs) > MAX_OFFSET || lag < -1000 || lag > MAX_LAG[source]) return null;
	return { offsetMs, source, year: new Date(local).getUTCFullYear() };
}

/**
 * The UTC time (epoch ms) of a program's own time stamp in the line (NM_STAMP, ISO_STAMP), NaN
 * when there is none. Only in the look-ahead: a few substring tests, a regex when one passes.
 */
function programStamp(line: string): number {
	if (line.indexOf(']: <') !== -1) {
		const m = NM_STAMP.exec(line);
		if (m) return Number(m[1]) * 1000 + Math.round(Number('0.' + m[2]) * 1000);
	}
	const t = line.indexOf('T', 20);
	if (t === -1 || line.indexOf('-', 16) === -1) return NaN;
	const m = ISO_STAMP.exec(line);
	if (!m) return NaN;
	// the regex finds it (with its offset, which makes it a UTC time); scanIsoDate reads it
	return scanIsoDate(line, m[0].startsWith(m[1]) ? m.index : m.index + 1, scan);
}

/**
 * The local time of a `Nov 23 10:00:00` (syslog, journal short) or `[Mon Nov 23 10:00:00 2026]`
 * (dmesg -T) prefix, read as UTC; a date without a year gets the year that puts it nearest to
 * the epoch time `near` (around New Year's Eve the local date may be in another year). NaN when
 * the line has neither.
 */
function localPrefix(line: string, near: number): number {
	if (codeAt(line, 0) === 91) {
		const w = scanCtime(line, 1, scan);
		return Number.isNaN(w) || codeAt(line, scan.end) !== 93 ? NaN : w;
	}
	if (!scanSyslogDate(line, date)) return NaN;
	const year = new Date(near).getUTCFullYear();
	let best = NaN;
	for (const y of [year - 1, year, year + 1]) {
		const t = Date.UTC(y, date.month, date.day) + date.sec * 1000;
		if (Number.isNaN(best) || Math.abs(t - near) < Math.abs(best - near)) best = t;
	}
	return best;
}

/**
 * The line starts like a local-time prefix: `Nov 23 ` (syslog, journal short) or `[Mon ` (dmesg
 * -T), or is the header of journalctl's short output, whose lines have one.
 */
export function localTimePrefix(line: string): boolean {
	if (codeAt(line, 0) === 91) return isWeekday(line, 1);
	if (line.startsWith('-- '))
		return line.startsWith('-- Logs begin at') || line.startsWith('-- Journal begins at');
	return codeAt(line, 3) === 32 && monthAt(line, 0) >= 0;
}

/**
 * which anchor wins: an audit record's exact time, then a journal header, then a program's time
 * stamp, then the RTC line
 */
const RANK: Record<ClockAnchor['source'], number> = { rtc: 1, stamp: 2, journal: 3, audit: 4 };

/** `a` should replace the anchor found so far (`than`, null when none). */
export function outranks(a: ClockAnchor, than: ClockAnchor | null): boolean {
	return than === null || RANK[a.source] > RANK[than.source];
}

/** No better anchor can come after this one. */
export function finalAnchor(a: ClockAnchor | null): boolean {
	return a !== null && a.source === 'audit';
}
