import type { LogRecord } from '../../models/log-record.ts';
import {
	monthIndex,
	scanFraction,
	scanBracketTime,
	scanCaller,
	scanCtime,
	scanIsoDate,
	scanSyslogDate,
	skipOneSpace,
	newScan,
	type SyslogDate
} from './common.ts';
import {
	localWall,
	yearFor,
	type FormatContext,
	type LineFormat,
	SKIP_OTHER_SYSLOG
} from './types.ts';
import { codeAt } from '../../util/text.ts';

const scan = newScan();

// `Nov 23 10:00:00 host ident[pid]: msg` (RFC 3164, journalctl short/short-precise), with an
// optional `facility.level` word after the host (UniFi, OpenWrt) and localised month names.
const RFC3164 =
	/^([\p{L}\uFFFD]{3,5})\.? {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(\.\d{1,9})? (\S+) (?:[a-z]+\.([a-z]+) )?([^\s:[]+)(?:\[\d+\])?: ?/u;
// after an ISO date (scanIsoDate): ` host ident[pid]: msg` (RFC 3339 / journalctl short-iso[-precise])
const HOST_IDENT = / (\S+) ([^\s:[]+)(?:\[\d+\])?: ?/y;

function fracMs(f: string | undefined): number {
	return f ? Number('0.' + f.slice(1)) * 1000 : 0;
}

/** After `kernel:` the message may still carry the kernel's own `[ 1.234]` time and caller id. */
function kernelBody(line: string, start: number, rec: LogRecord): void {
	let i = start;
	if (scanBracketTime(line, i, scan)) {
		rec.ts = scan.value;
		i = scan.end;
		const caller = scanCaller(line, i, scan);
		if (caller !== '') {
			rec.caller = caller;
			i = scan.end;
		}
		i = skipOneSpace(line, i);
	}
	rec.text = line.slice(i);
}

/** Fill the record from what follows `ident[pid]:` in a syslog/journal line. */
export function syslogBody(
	line: string,
	end: number,
	ident: string,
	host: string,
	rec: LogRecord,
	format: string
): true {
	rec.host = host;
	rec.format = format;
	if (KERNEL_IDENTS.includes(ident)) {
		rec.kind = 'kernel';
		kernelBody(line, end, rec);
	} else {
		rec.kind = 'skipped';
		rec.reason = SKIP_OTHER_SYSLOG;
		rec.text = line.slice(end);
		rec.program = programOf(ident, line, end);
	}
	return true;
}

/**
 * User-space programs whose lines in a syslog file or journal are analysed as well as counted as
 * skipped (another program's line): the user-space OOM killers, whose kills the kernel does not
 * log (rules/memory-userspace-oom.ts). A short fixed list, compared by first character and
 * length first.
 */
export const USERSPACE_PROGRAMS = [
	'systemd-oomd',
	'earlyoom',
	'nohang',
	'nohang-desktop',
	'lmkd',
	'lowmemorykiller'
] as const;

/**
 * systemd's syslog/journal name: of its lines only the one it prints when systemd-oomd killed
 * processes of one of its units is analysed (see programOf).
 */
const SYSTEMD = 'systemd';

/** The names userspaceIdentAt recognises: USERSPACE_PROGRAMS, then systemd (see programOf). */
const PROGRAM_IDENTS: readonly string[] = [...USERSPACE_PROGRAMS, SYSTEMD];

/** syslog idents of kernel messages (see syslogBody) */
const KERNEL_IDENTS = ['kernel', 'vmunix', 'klogd', 'kern'];

/**
 * 1 for an ASCII character that some name of `names` starts with: the one test that most
 * programs' idents (`dbus-daemon`, `NetworkManager`) take before the names are compared.
 */
function firstChars(names: readonly string[]): Uint8Array {
	const first = new Uint8Array(128);
	for (const w of names) first[w.charCodeAt(0)] = 1;
	return first;
}
const KERNEL_FIRST = firstChars(KERNEL_IDENTS);
const PROGRAM_FIRST = firstChars(PROGRAM_IDENTS);

/** line[from] is an ASCII character that `first` (see firstChars) marks. */
function startsOne(first: Uint8Array, line: string, from: number): boolean {
	const c = codeAt(line, from);
	return c >= 0 && c < 128 && first[c] === 1;
}

/**
 * The program of another program's line whose message is analysed too, '' for every other line:
 * an entry of USERSPACE_PROGRAMS, or `systemd` for the line that systemd (PID 1 or a user's
 * manager) prints when systemd-oomd killed processes of one of its units (src/core/unit.c,
 * unit_check_oomd_kill: `user@1000.service: systemd-oomd killed 12 process(es) in this unit.`,
 * `… killed some process(es) …`); `line` from `from` on is the message. A name is compared by
 * first character and length first, and a systemd line is tested by its end only, then by one
 * literal.
 */
export function programOf(ident: string, line: string, from: number): string {
	const p = userspaceIdentAt(ident, 0, ident.length);
	if (p !== SYSTEMD) return p;
	return line.endsWith(' process(es) in this unit.') &&
		line.indexOf(': systemd-oomd killed ', from) !== -1
		? p
		: '';
}

const fast = newScan();
const date: SyslogDate = { month: 0, day: 0, sec: 0 };
const dateEnd = newScan();
/** the last date's year, month and day and its midnight (epoch ms); the last host name */
let cacheYear = 0;
let cacheMonth = -1;
let cacheDay = 0;
let cacheDayMs = 0;
let cacheHost = '';

/**
 * The common case without a regular expression: English month, `host ident[pid]: ` with no
 * `facility.level` word. Returns false to let the general pattern decide.
 */
function fastRfc3164(line: string, rec: LogRecord, ctx: FormatContext): boolean {
	if (!scanSyslogDate(line, date, dateEnd) || dateEnd.end !== 15) return false;
	const month = date.month;
	const dayN = date.day;
	const sec = date.sec;
	const frac = scanFraction(line, 15, fast);
	let i = fast.end;
	if (codeAt(line, i) !== 32) return false;
	let hostEnd = line.indexOf(' ', i + 1);
	if (hostEnd <= i + 1) return false;
	// `journalctl --no-hostname`: the word after the date is the tag (`kernel:`, `systemd[1]:`);
	// no host name ends with a colon
	if (codeAt(line, hostEnd - 1) === 58) hostEnd = i;
	// ident: up to ':' or '[', no space; a '.' means a facility.level word: leave it to the regex
	let j = hostEnd + 1;
	let c = codeAt(line, j);
	while (j < line.length && c !== 58 && c !== 91 && c !== 32 && c !== 46) c = codeAt(line, ++j);
	if (j === hostEnd + 1 || (c !== 58 && c !== 91)) return false;
	// a kernel ident, else one of USERSPACE_PROGRAMS or systemd (see programOf), else '' (another
	// program), without a substring
	const ident = kernelIdentAt(line, hostEnd + 1, j) || userspaceIdentAt(line, hostEnd + 1, j);
	if (c === 91) {
		let k = j + 1;
		while (codeAt(line, k) >= 48 && codeAt(line, k) <= 57) k++;
		if (k === j + 1 || codeAt(line, k) !== 93 || codeAt(line, k + 1) !== 58) return false;
		j = k + 1;
	}
	i = j + 1;
	if (codeAt(line, i) === 32) i++;
	const year = yearFor(ctx, month);
	// a new day: a function of its own, called, not inlined (see ARCHITECTURE.md, Memory and speed)
	if (dayN !== cacheDay || month !== cacheMonth || year !== cacheYear) newDay(year, month, dayN);
	rec.wall = localWall(ctx, cacheDayMs + sec * 1000 + Math.round(frac * 1e6) / 1e3);
	const h = fast.end + 1;
	if (hostEnd < h) cacheHost = '';
	else if (hostEnd - h !== cacheHost.length || !line.startsWith(cacheHost, h))
		cacheHost = line.slice(h, hostEnd);
	syslogBody(line, i, ident, cacheHost, rec, 'syslog');
	return true;
}

/** Remember a date's year, month and day and its midnight (see fastRfc3164). */
function newDay(year: number, month: number, day: number): void {
	cacheYear = year;
	cacheMonth = month;
	cacheDay = day;
	cacheDayMs = Date.UTC(year, month, day);
}

/** The kernel ident that line[from, to) is, or '' (another program), without a substring. */
function kernelIdentAt(line: string, from: number, to: number): string {
	if (!startsOne(KERNEL_FIRST, line, from)) return '';
	for (const w of KERNEL_IDENTS) if (w.length === to - from && line.startsWith(w, from)) return w;
	return '';
}

/** The entry of PROGRAM_IDENTS that line[from, to) is, or '', without a substring. */
function userspaceIdentAt(line: string, from: number, to: number): string {
	if (!startsOne(PROGRAM_FIRST, line, from)) return '';
	const n = to - from;
	for (const w of PROGRAM_IDENTS) if (w.length === n && line.startsWith(w, from)) return w;
	return '';
}

/** `Nov 23 10:00:00 host last message repeated 3 times` (classic syslogd). */
function repeatedMarker(line: string, rec: LogRecord): boolean {
	const at = line.indexOf(' last message repeated ');
	if (at < 16 || at > 100 || monthIndex(line.slice(0, 3)) < 0) return false;
	rec.kind = 'skipped';
	rec.reason = SKIP_OTHER_SYSLOG;
	rec.format = 'syslog';
	rec.text = line.slice(at + 1);
	return true;
}

/**
 * `Jun 19 04:09:11 combo syslogd 1.4.1: restart.`, `Jul  7 08:06:15 combo  -- root[2421]: ROOT
 * LOGIN ON tty2`: a dated line with a host whose program tag is not `ident[pid]:` (sysklogd's own
 * restart line, login's) is another program's line of the file, not kernel text. Lines naming a
 * kernel ident, or with a `[` after the host (a kernel time), are left to the other formats.
 */
function otherProgram(line: string, rec: LogRecord): boolean {
	if (!scanSyslogDate(line, date, dateEnd) || dateEnd.end !== 15) return false;
	if (codeAt(line, 15) !== 32 || codeAt(line, 16) === 91) return false;
	const hostEnd = line.indexOf(' ', 16);
	if (hostEnd <= 16) return false;
	let i = hostEnd + 1;
	while (codeAt(line, i) === 32) i++;
	if (i >= line.length || codeAt(line, i) === 91 || line.indexOf('kern', 16) !== -1) return false;
	if (line.indexOf('vmunix', 16) !== -1) return false;
	rec.kind = 'skipped';
	rec.reason = SKIP_OTHER_SYSLOG;
	rec.format = 'syslog';
	rec.host = line.slice(16, hostEnd);
	rec.text = line.slice(i);
	return true;
}

export const syslogFormat: LineFormat = {
	id: 'syslog',
	label: 'syslog / journalctl (short)',
	examples: [
		{
			line: 'Apr 24 22:03:41 pine-laptop kernel: [  233.386309] sd 0:0:0:0: [sda] Sense Key : Medium Error [current]',
			text: 'sd 0:0:0:0: [sda] Sense Key : Medium Error [current]',
			ts: 233.386309,
			host: 'pine-laptop'
		},
		{
			line: 'Sep 25 14:42:07 ip-172-26-7-213 kernel: Out of memory: Killed process 44321 (python)',
			text: 'Out of memory: Killed process 44321 (python)',
			host: 'ip-172-26-7-213'
		},
		{
			line: 'Mar  2 23:24:28 UDM-Pro user.warn kernel: [1293979.679369] IN=br46 OUT=',
			text: 'IN=br46 OUT=',
			ts: 1293979.679369,
			level: 4,
			host: 'UDM-Pro'
		},
		{
			line: 'Nov 21 16:56:27 wrenfield systemd[1]: Started foo.service.',
			text: 'Started foo.service.',
			kind: 'skipped'
		},
		{ line: 'Okt 06 17:59:27 fernhill kernel: NVRM: Xid 79', text: 'NVRM: Xid 79' },
		{
			line: 'Nov 23 23:15:01.123456 myhost kernel: usb 1-1: new device',
			text: 'usb 1-1: new device',
			wall: '2000-11-23T23:15:01.123Z',
			host: 'myhost'
		},
		{
			line: 'Aug  9 09:51:01 ashgrove kernel: Oops: 0002',
			text: 'Oops: 0002',
			wall: '2000-08-09T09:51:01.000Z'
		},
		{
			line: 'Aug  9 09:51:02 ashgrove last message repeated 3 times',
			text: 'last message repeated 3 times',
			kind: 'skipped'
		},
		{
			line: 'Jun 19 04:09:11 combo syslogd 1.4.1: restart.',
			text: 'syslogd 1.4.1: restart.',
			kind: 'skipped'
		},
		{
			line: 'Nov 23 10:00:01 kernel: usb 1-1.1: new full-speed USB device number 4 using xhci_hcd',
			text: 'usb 1-1.1: new full-speed USB device number 4 using xhci_hcd',
			host: ''
		},
		{
			line: 'Nov 23 10:00:01 systemd[1]: Started foo.service.',
			text: 'Started foo.service.',
			kind: 'skipped'
		},
		{
			line: 'Jul  7 08:06:15 combo  -- root[2421]: ROOT LOGIN ON tty2',
			text: '-- root[2421]: ROOT LOGIN ON tty2',
			kind: 'skipped'
		}
	],
	negatives: [
		'[    0.000000] Linux version',
		'Linux version 6.1',
		'Oops: 0002 [#1] SMP',
		'Jul 27 14:41:57 [   12.345678] usb 1-1: reset',
		'Jul 27 14:41:57 host [   12.345678] usb 1-1: reset',
		'Jul 27 14:41:57 host kernel [   12.345678] usb 1-1: reset'
	],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		const c0 = codeAt(line, 0);
		if (c0 >= 48 && c0 <= 57) return false;
		if (fastRfc3164(line, rec, ctx)) return true;
		// prefilter: a month word of 3-5 letters, then spaces and a digit
		const sp = line.indexOf(' ');
		if (sp < 3 || sp > 6) return false;
		const d = codeAt(line, codeAt(line, sp + 1) === 32 ? sp + 2 : sp + 1);
		if (d < 48 || d > 57) return false;
		const m = RFC3164.exec(line);
		if (!m) return repeatedMarker(line, rec) || otherProgram(line, rec);
		const month = monthIndex(m[1]);
		if (month < 0) return false;
		rec.wall = localWall(
			ctx,
			Date.UTC(yearFor(ctx, month), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) +
				fracMs(m[6])
		);
		syslogBody(line, m[0].length, m[9], m[7], rec, 'syslog');
		// the level of the `facility.level` word (`user.warn`), as logread's
		if (m[8] !== undefined) rec.level = levelOf(m[8]);
		return true;
	}
};

export const isoSyslogFormat: LineFormat = {
	id: 'syslog-iso',
	label: 'syslog / journalctl (ISO 8601 time)',
	examples: [
		{
			line: '2024-11-23T23:15:01.123456+01:00 myhost kernel: usb 1-1: new high-speed USB device',
			text: 'usb 1-1: new high-speed USB device',
			wall: '2024-11-23T22:15:01.123Z',
			host: 'myhost'
		},
		{
			line: '2026-09-20T14:03:11+0000 tundra kernel: EXT4-fs error (device sda1): bad block',
			text: 'EXT4-fs error (device sda1): bad block',
			host: 'tundra'
		},
		{
			line: '2025-08-31T09:36:55.418891-07:00 stack-pc2 rsyslogd: [origin software="rsyslogd"] rsyslogd was HUPed',
			text: '[origin software="rsyslogd"] rsyslogd was HUPed',
			kind: 'skipped'
		},
		{
			line: '2026-05-16T17:40:16.038882Z WARNING kernel: [86124.834039] device-mapper: ioctl: remove_all left 34 open device(s)',
			text: 'device-mapper: ioctl: remove_all left 34 open device(s)',
			ts: 86124.834039,
			level: 4,
			host: '',
			wall: '2026-05-16T17:40:16.038Z'
		},
		{
			line: '2026-05-16T17:40:08.938495Z INFO periodic_scheduler[2082]: cleanup_logs: job completed',
			text: 'cleanup_logs: job completed',
			kind: 'skipped'
		}
	],
	negatives: ['2009-02-13T23:31:31,123456+00:00 example[1]', '[    1.0] x'],
	parse(line: string, rec: LogRecord): boolean {
		const c0 = codeAt(line, 0);
		if (c0 < 48 || c0 > 57) return false;
		const w = scanIsoDate(line, 0, scan);
		if (Number.isNaN(w)) return false;
		HOST_IDENT.lastIndex = scan.end;
		const m = HOST_IDENT.exec(line);
		if (!m) return false;
		rec.wall = w;
		// ChromeOS's rsyslog writes the severity where the host would be (tested by its first
		// letter, an upper-case one, before the list)
		const h = codeAt(m[1], 0);
		const sev = h >= 65 && h <= 90 ? SEVERITIES.indexOf(m[1]) : -1;
		if (sev < 0) return syslogBody(line, HOST_IDENT.lastIndex, m[2], m[1], rec, 'syslog-iso');
		syslogBody(line, HOST_IDENT.lastIndex, m[2], '', rec, 'syslog-chromeos');
		rec.level = sev;
		return true;
	}
};

/**
 * The syslog severities by number, as ChromeOS's rsyslog writes them after the time in place of
 * a host name (`%syslogseverity-text:::uppercase%`): `2024-01-02T03:04:05.678901Z WARNING kernel:
 * [ 12.3] msg`. A host named so is not told apart.
 */
const SEVERITIES = ['EMERG', 'ALERT', 'CRIT', 'ERR', 'WARNING', 'NOTICE', 'INFO', 'DEBUG'];

/** RFC 5424: `<30>1 2017-04-27T07:59:12+02:00 host app procid msgid [sd] msg`. */
export const rfc5424Format: LineFormat = {
	id: 'syslog-5424',
	label: 'syslog RFC 5424',
	examples: [
		{
			line: '<30>1 2017-04-27T07:59:12+02:00 nextcloud dhclient - - -  DHCPREQUEST on eth0',
			text: ' DHCPREQUEST on eth0',
			kind: 'skipped'
		},
		{
			line: '<4>1 2024-11-23T23:15:01.123456+01:00 myhost kernel - - - [  12.500000] usb 1-1: reset',
			text: 'usb 1-1: reset',
			ts: 12.5,
			level: 4,
			host: 'myhost',
			wall: '2024-11-23T22:15:01.123Z'
		},
		{
			line: '<6>1 2024-11-23T23:15:01Z myhost kernel - - [meta sequenceId="1"] EXT4-fs (sda1): mounted',
			text: 'EXT4-fs (sda1): mounted'
		}
	],
	negatives: ['<6>[    1.000000] x', '<6>1x', 'Nov 23 10:00:00 host kernel: x'],
	parse(line: string, rec: LogRecord): boolean {
		if (codeAt(line, 0) !== 60) return false;
		const gt = line.indexOf('>');
		if (gt < 2 || gt > 4 || codeAt(line, gt + 2) !== 32) return false;
		const v = codeAt(line, gt + 1);
		if (v < 49 || v > 57) return false;
		const pri = Number(line.slice(1, gt));
		if (!(pri >= 0 && pri < 192)) return false;
		let i = gt + 3;
		if (codeAt(line, i) === 45) i++;
		else {
			const w = scanIsoDate(line, i, scan);
			if (Number.isNaN(w)) return false;
			rec.wall = w;
			i = scan.end;
		}
		// host, app, procid, msgid
		const parts: string[] = [];
		for (let k = 0; k < 4; k++) {
			if (codeAt(line, i) !== 32) return false;
			const sp = line.indexOf(' ', i + 1);
			if (sp === -1) return false;
			parts.push(line.slice(i + 1, sp));
			i = sp;
		}
		i++;
		if (codeAt(line, i) === 45) i++;
		else {
			while (codeAt(line, i) === 91) {
				// structured data element; `]` inside values is escaped as `\]`
				let j = i + 1;
				for (; j < line.length; j++) {
					const c = codeAt(line, j);
					if (c === 92) j++;
					else if (c === 93) break;
				}
				if (j >= line.length) return false;
				i = j + 1;
			}
		}
		if (i < line.length && codeAt(line, i) !== 32) return false;
		const host = parts[0] === '-' ? '' : parts[0];
		const app = parts[1];
		rec.level = pri & 7;
		const kernel = app === 'kernel' || (app === '-' && pri >> 3 === 0);
		syslogBody(
			line,
			Math.min(i + 1, line.length),
			kernel ? 'kernel' : app,
			host,
			rec,
			'syslog-5424'
		);
		if (codeAt(line, i + 1) === 0xfeff) rec.text = rec.text.slice(1);
		return true;
	}
};

/** OpenWrt `logread`: `Sat Nov  2 14:07:32 2019 kern.info kernel: [ 1363.021778] msg`. */
export const logreadFormat: LineFormat = {
	id: 'syslog-logread',
	label: 'OpenWrt logread',
	examples: [
		{
			line: 'Sat Nov  2 14:07:32 2019 kern.info kernel: [ 1363.021778] do_page_fault(): sending SIGSEGV to rpcd',
			text: 'do_page_fault(): sending SIGSEGV to rpcd',
			ts: 1363.021778,
			level: 6,
			wall: '2019-11-02T14:07:32.000Z'
		},
		{
			line: 'Sat Nov  2 14:07:33 2019 daemon.notice netifd: Interface up',
			text: 'Interface up',
			kind: 'skipped'
		}
	],
	negatives: ['Sat 2024-11-23 23:15:01 CET myhost kernel: x', 'Nov 23 10:00:00 host kernel: x'],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		const w = scanCtime(line, 0, scan);
		if (Number.isNaN(w) || codeAt(line, scan.end) !== 32) return false;
		const m = /^[a-z0-9]+\.([a-z]+) ([^\s:[]+)(?:\[\d+\])?: ?/.exec(line.slice(scan.end + 1));
		if (!m) return false;
		const lvl = levelOf(m[1]);
		if (lvl >= 0) rec.level = lvl;
		rec.wall = localWall(ctx, w);
		return syslogBody(line, scan.end + 1 + m[0].length, m[2], '', rec, 'syslog-logread');
	}
};

const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];

/**
 * A syslog level's number from its name (LEVELS, and syslog.conf's other spellings `panic`,
 * `error`, `warning`), -1 when it is none.
 */
function levelOf(name: string): number {
	const k = LEVELS.indexOf(name);
	if (k >= 0) return k;
	return name === 'warning' ? 4 : name === 'error' ? 3 : name === 'panic' ? 0 : -1;
}
