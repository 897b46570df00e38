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
	newScan,
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
const scan = newScan();
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
 * -T, also in another locale: `[Do Dez  3 16:10:51 2026]`, `[jeu. déc.  3 16:10:51 2026]`), or
 * is the header of journalctl's short output, whose lines have one.
 */
export function localTimePrefix(line: string): boolean {
	if (codeAt(line, 0) === 91) return isWeekday(line, 1) || !Number.isNaN(scanCtime(line, 1, scan));
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

/** seconds in each unit of systemd's format_timespan() (`1min 12.251s`, `464ms`, `2h 3min`) */
const SPAN_UNITS: Readonly<Record<string, number>> = {
	y: 31557600,
	month: 2629800,
	w: 604800,
	d: 86400,
	h: 3600,
	min: 60,
	s: 1,
	ms: 0.001,
	us: 0.000001
};
const SPAN_WORD = /^(\d+(?:\.\d+)?)(month|min|ms|us|[ywdhs])$/;

/** seconds of a systemd time span (`1min 12.251s`), NaN when it is not one */
function timespan(text: string): number {
	let sum = 0;
	for (const w of text.split(' ')) {
		const m = SPAN_WORD.exec(w);
		if (m === null) return NaN;
		sum += Number(m[1]) * SPAN_UNITS[m[2]];
	}
	return sum;
}

const STARTUP = 'Startup finished in ';
/** the parts of the boot systemd counts from the kernel's start (monotonic time 0) */
const SINCE_KERNEL = new Set(['kernel', 'initrd', 'userspace']);

/**
 * The monotonic time (s) at which systemd, as the machine's init, printed `Startup finished in
 * 21.504s (firmware) + 6.225s (loader) + 1.164s (kernel) + 9.675s (userspace) = 38.570s.`: the
 * sum of its kernel, initrd and userspace parts (the kernel part counts from monotonic time 0,
 * firmware and loader come before it; src/core/manager.c manager_check_finished). NaN when the
 * text is not that message, names no kernel part (a user's or a container's manager: `Startup
 * finished in 166ms.`) or its parts do not add up to its total.
 */
export function startupMonotonic(text: string): number {
	if (!text.startsWith(STARTUP)) return NaN;
	const eq = text.indexOf(' = ', STARTUP.length);
	if (eq === -1) return NaN;
	let mono = 0;
	let all = 0;
	let kernel = false;
	for (const part of text.slice(STARTUP.length, eq).split(' + ')) {
		const open = part.lastIndexOf(' (');
		if (open === -1 || !part.endsWith(')')) return NaN;
		const what = part.slice(open + 2, -1);
		const v = timespan(part.slice(0, open));
		if (Number.isNaN(v)) return NaN;
		all += v;
		if (what === 'kernel') kernel = true;
		if (SINCE_KERNEL.has(what)) mono += v;
		else if (what !== 'firmware' && what !== 'loader') return NaN;
	}
	const rest = text.slice(eq + 3);
	const dot = rest.indexOf('. ');
	const total = timespan(dot === -1 ? rest.replace(/\.$/, '') : rest.slice(0, dot));
	// each part is rounded to the millisecond
	if (!kernel || !(Math.abs(total - all) < 0.01)) return NaN;
	return mono;
}
