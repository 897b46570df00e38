import type { LogRecord } from '../../models/log-record.ts';
import {
	clockAt,
	digitsAt,
	scanBracketTime,
	scanCaller,
	scanCtime,
	scanIsoDate,
	scanPriority,
	skipOneBlank,
	skipOneSpace,
	two,
	newScan,
	type Scan
} from './common.ts';
import { localWall, type FormatContext, type LineFormat, SKIP_OTHER_SYSLOG } from './types.ts';
import { programOf } from './syslog.ts';
import { codeAt } from '../../util/text.ts';

const scan = newScan();
const scan2 = newScan();

/** `[   12.345678 <    0.000123>]` (dmesg -d, journalctl short-delta): time and delta. */
function scanDeltaTime(s: string, i: number, out: Scan): boolean {
	const lt = s.indexOf(' <', i);
	if (lt === -1 || lt - i > 20) return false;
	const gt = s.indexOf('>]', lt);
	if (gt === -1 || gt - lt > 20) return false;
	if (!scanBracketTime(s.slice(i, lt) + ']', 0, out)) return false;
	out.end = gt + 2;
	return true;
}

/**
 * Android/vendor per-process prefix after the time: `  [0:        swapper:    0] `,
 * ` [1:android.hardwar:  971] ` (`%c[%1d:%15s:%5d]`: a flag, `I` in interrupt context or a space,
 * then `[cpu:comm:pid]`; the `I` had been left in the text, and the prefix with it). Returns
 * 'T<pid>' or ''; sets out.end (and rec.wall for a HiSilicon/Huawei date).
 */
function scanProcessPrefix(
	s: string,
	i: number,
	out: Scan,
	rec: LogRecord,
	ctx: FormatContext
): string {
	let j = i;
	while (codeAt(s, j) === 32 && j - i < 3) j++;
	if (codeAt(s, j) === 40 /* ( */) return scanMtkPrefix(s, j, out);
	if (s.startsWith('[pid:', j)) return scanHuaweiPrefix(s, j, out);
	// CONFIG_PRINTK_PROCESS's flag before the bracket: `I` in interrupt context, else a space
	if (codeAt(s, j) === 73 /* I */ && codeAt(s, j + 1) === 91 && codeAt(s, j + 3) === 58) j++;
	if (codeAt(s, j) === 91 && codeAt(s, j + 5) === 58 /* [YYYY: */)
		return scanHuaweiDatePrefix(s, j, out, rec, ctx);
	if (codeAt(s, j) !== 91 || codeAt(s, j + 2) !== 58) return '';
	const cpu = codeAt(s, j + 1);
	if (cpu < 48 || cpu > 57) return '';
	const close = s.indexOf(']', j + 3);
	if (close === -1 || close - j > 32) return '';
	const colon = s.lastIndexOf(':', close);
	if (colon <= j + 2) return '';
	let k = colon + 1;
	while (codeAt(s, k) === 32) k++;
	if (k === close) return '';
	for (let m = k; m < close; m++) {
		const c = codeAt(s, m);
		if (c < 48 || c > 57) return '';
	}
	out.end = close + 1;
	return 'T' + s.slice(k, close);
}

/** HiSilicon/Huawei kernels: `[pid:414,cpu7,init]` before the message. Returns 'T<pid>' or ''. */
function scanHuaweiPrefix(s: string, j: number, out: Scan): string {
	const p = j + 5;
	let k = p;
	while (codeAt(s, k) >= 48 && codeAt(s, k) <= 57 && k - p < 8) k++;
	if (k === p || !s.startsWith(',cpu', k)) return '';
	const close = s.indexOf(']', k);
	if (close === -1 || close - k > 40) return '';
	out.end = close + 1;
	return 'T' + s.slice(p, k);
}

/**
 * HiSilicon/Huawei kernels that also print the date: `[2019:06:11 08:36:35][pid:0,cpu0,swapper/0]`.
 * The date (local time of the device, read as UTC like dmesg -T) becomes rec.wall. Returns
 * 'T<pid>' or '' (nothing set) when the text is not that.
 */
function scanHuaweiDatePrefix(
	s: string,
	j: number,
	out: Scan,
	rec: LogRecord,
	ctx: FormatContext
): string {
	const y = digitsAt(s, j + 1, 4);
	const mo = two(s, j + 6);
	const d = two(s, j + 9);
	if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31) return '';
	if (codeAt(s, j + 8) !== 58 || codeAt(s, j + 11) !== 32 || codeAt(s, j + 20) !== 93) return '';
	const sec = clockAt(s, j + 12);
	if (sec < 0 || !s.startsWith('[pid:', j + 21)) return '';
	const pid = scanHuaweiPrefix(s, j + 21, out);
	if (pid !== '') rec.wall = localWall(ctx, Date.UTC(y, mo - 1, d) + sec * 1000);
	return pid;
}

/** MediaTek kernels: `(6)[422:kworker/6:3]` (cpu, then pid:comm). Returns 'T<pid>' or ''. */
function scanMtkPrefix(s: string, j: number, out: Scan): string {
	let k = j + 1;
	while (codeAt(s, k) >= 48 && codeAt(s, k) <= 57 && k - j < 5) k++;
	if (k === j + 1 || codeAt(s, k) !== 41 || codeAt(s, k + 1) !== 91) return '';
	const p = k + 2;
	let m = p;
	while (codeAt(s, m) >= 48 && codeAt(s, m) <= 57 && m - p < 8) m++;
	if (m === p || codeAt(s, m) !== 58) return '';
	const close = s.indexOf(']', m);
	if (close === -1 || close - m > 24) return '';
	out.end = close + 1;
	return 'T' + s.slice(p, m);
}

/** After `[ts]`: the other time formats dmesg prints when several are asked for at once. */
function extraTimes(line: string, i: number, rec: LogRecord, ctx: FormatContext): number {
	let j = i;
	for (let k = 0; k < 3; k++) {
		const c = codeAt(line, j);
		if (c === 91 /* [ */) {
			const c1 = codeAt(line, j + 1);
			if (c1 >= 65 && c1 <= 90) {
				const w = scanCtime(line, j + 1, scan2);
				if (Number.isNaN(w) || codeAt(line, scan2.end) !== 93) return j;
				rec.wall = localWall(ctx, w);
				j = skipOneSpace(line, scan2.end + 1);
			} else if (c1 === 32 || c1 === 43) {
				// `[  +0.000010]` (dmesg -e, reltime), never a message's own `[ 1804]` (an OOM
				// report's task list: `[ 1804]    89  1804 …` had lost its pid)
				const close = line.indexOf(']', j);
				const plus = line.indexOf('+', j);
				if (close === -1 || close - j > 16 || plus === -1 || plus > close) return j;
				j = skipOneSpace(line, close + 1);
			} else return j;
		} else if (c >= 48 && c <= 57 && codeAt(line, j + 4) === 45) {
			const w = scanIsoDate(line, j, scan2);
			if (Number.isNaN(w) || codeAt(line, scan2.end) !== 32) return j;
			rec.wall = w;
			j = scan2.end + 1;
		} else return j;
	}
	return j;
}

/**
 * LG kernels print their own prefix inside the message: `[ 6933.840641] <6>[ 6933.840641 / 02-10
 * 03:51:08.444][0] SMBCHG: ...` (priority, time and local date, CPU). Returns the message start
 * (i when the text is not that); sets the level.
 */
function lgPrefix(line: string, i: number, rec: LogRecord): number {
	const level = codeAt(line, i + 1) - 48;
	if (level < 0 || level > 7 || codeAt(line, i + 2) !== 62 || codeAt(line, i + 3) !== 91) return i;
	const slash = line.indexOf(' / ', i + 4);
	if (slash === -1 || slash - i > 24) return i;
	const close = line.indexOf('][', slash);
	if (close === -1 || close - slash > 24) return i;
	const cpuEnd = line.indexOf(']', close + 2);
	if (cpuEnd === -1 || cpuEnd - close > 6) return i;
	for (let k = close + 2; k < cpuEnd; k++) {
		const d = codeAt(line, k);
		if (d < 48 || d > 57) return i;
	}
	rec.level = level;
	return skipOneSpace(line, cpuEnd + 1);
}

/**
 * `host kernel: ` after the time: journalctl -o short-monotonic / short-delta; `kernel: ` alone
 * with --no-hostname (Ubuntu's /var/log/dmesg). A method of its own, as `withoutBracketTime`, so
 * that the first such line, met far into a log, does not throw away the dmesg parser's optimised code.
 */
function journalHost(line: string, i: number, rec: LogRecord, ctx: FormatContext): boolean {
	if (line.startsWith('kernel: ', i)) {
		rec.text = line.slice(i + 8);
		rec.format = 'journal-monotonic';
		return true;
	}
	const sp = line.indexOf(' ', i);
	if (sp <= i || sp - i > 64) return false;
	if (line.startsWith('kernel: ', sp + 1)) {
		const host = line.slice(i, sp);
		if (host.indexOf(':') !== -1 || host.indexOf('[') !== -1) return false;
		ctx.journalMonotonic = true;
		rec.host = host;
		rec.text = line.slice(sp + 9);
		rec.format = 'journal-monotonic';
		return true;
	}
	if (!ctx.journalMonotonic) return false;
	const m = /^([^\s:[]+)(?:\[\d+\])?: ?/.exec(line.slice(sp + 1, sp + 80));
	if (!m) return false;
	rec.host = line.slice(i, sp);
	rec.kind = 'skipped';
	rec.reason = SKIP_OTHER_SYSLOG;
	rec.text = line.slice(sp + 1 + m[0].length);
	rec.format = 'journal-monotonic';
	// a user-space OOM killer's line, and systemd's about an oomd kill, are analysed too (programOf)
	rec.program = programOf(m[1], line, sp + 1 + m[0].length);
	return true;
}

/**
 * A line that is only the start of a dmesg time stamp: `[    1.4700`, `[    7.`, and the raw
 * form's `<6>[    1.47` (a record cut inside its time: LineClassifier.cutStamp)
 */
export const CUT_STAMP = /^(?:<\d{1,3}>)?\[ *\d+(?:\.\d*)?$/;

/**
 * The dmesg parser's lines without a `[ts]` where one was looked for, at `i` (0, or after a raw
 * `<6>`): 1 when read (`rec` set), -1 when not dmesg, 0 when a delta time `[ts <delta>]` was read
 * into `scan`. A function of its own: such lines are rare and come far into a log, and each
 * operation the optimised parser had never run (a call, an addition) threw its code away the first
 * time one came; now only this call does, once.
 */
function withoutBracketTime(line: string, i: number, rec: LogRecord): number {
	if (codeAt(line, i) === 91 && scanDeltaTime(line, i, scan)) return 0;
	if (i === 0) {
		// `[<    7.000000>] msg`: delta only (dmesg -d -t)
		if (codeAt(line, 1) === 60) {
			const gt = line.indexOf('>]', 2);
			if (gt === -1 || gt > 24) return -1;
			for (let k = 2; k < gt; k++) {
				const d = codeAt(line, k);
				if (d !== 32 && d !== 46 && (d < 48 || d > 57)) return -1;
			}
			rec.text = line.slice(skipOneSpace(line, gt + 2));
			rec.format = 'dmesg-delta';
			rec.kind = 'kernel';
			return 1;
		}
		return -1;
	}
	// `<6>[    1.47`: a raw record cut inside its time, read with the next line (cutStamp)
	if (codeAt(line, i) === 91 && CUT_STAMP.test(line)) return -1;
	// `<6>msg`: a raw priority with no time (vmcore-dmesg of old kernels, dmesg -r -t)
	rec.text = line.slice(i);
	rec.format = 'dmesg-raw';
	rec.kind = 'kernel';
	return 1;
}

/**
 * Plain `dmesg` / console output: `[    1.234567] msg`, optionally preceded by a raw `<6>`
 * priority (dmesg -r, pstore, last_kmsg) and followed by a printk caller id in either spacing
 * (`[  584.319520][   T31] msg`, `[    0.862842] [    T1] msg`), an Android `[cpu:comm:pid]`
 * prefix, a delta (`-d`) and further times when several `--time-format`s were asked for.
 * `[ts] host kernel: msg` is journalctl -o short-monotonic, `[ts] kernel: msg` the same with
 * --no-hostname (Ubuntu's /var/log/dmesg).
 * See kernel/printk/printk.c (print_time, print_caller) and util-linux sys-utils/dmesg.c.
 */
export const dmesgFormat: LineFormat = {
	id: 'dmesg',
	label: 'dmesg',
	examples: [
		{
			line: '[    0.000000] Linux version 6.6.4-arch1-1',
			text: 'Linux version 6.6.4-arch1-1',
			ts: 0
		},
		{ line: '[110592.000000] example[48]', text: 'example[48]', ts: 110592 },
		// the separator turned into a tab by a copy (gopro-hero7-kmsg.log's banner so); the
		// kernel's own tab after the space stays in the message (clamor-s-files-grate-txt.log)
		{
			line: '[    0.000000]\tLinux version 4.4.15 (jenkins@abfb73072b4e) (gcc version 4.9.2 (GCC) ) #1 SMP PREEMPT Thu Jun 7 13:54:08 PDT 2018',
			text: 'Linux version 4.4.15 (jenkins@abfb73072b4e) (gcc version 4.9.2 (GCC) ) #1 SMP PREEMPT Thu Jun 7 13:54:08 PDT 2018',
			ts: 0
		},
		{
			line: '[    0.000000] \tTrampoline variant of Tasks RCU enabled.',
			text: '\tTrampoline variant of Tasks RCU enabled.',
			ts: 0
		},
		{
			line: '[  584.319520][   T31] INFO: task udevd:5612 blocked',
			text: 'INFO: task udevd:5612 blocked',
			ts: 584.31952,
			caller: 'T31'
		},
		{
			line: '[    0.862842] [    T1] hv_vmbus: Vmbus version:5.3',
			text: 'hv_vmbus: Vmbus version:5.3',
			caller: 'T1'
		},
		{ line: '[  175.967267][T13309] UBSAN: x', text: 'UBSAN: x', caller: 'T13309' },
		{
			line: '[    0.043841 ][    T0 ] EIP: string_nocheck+0x59/0xb0',
			text: 'EIP: string_nocheck+0x59/0xb0',
			ts: 0.043841,
			caller: 'T0'
		},
		{ line: '<6>[    0.000000] Command line: ro', text: 'Command line: ro', level: 6 },
		{ line: '<30>[   10.441520] systemd[1]: x', text: 'systemd[1]: x', level: 6 },
		{ line: '<0>[    0.000000] [    T0] example[0]', text: 'example[0]', level: 0, caller: 'T0' },
		{ line: '[ 1418.060540][ C1] vhci_hcd: x', text: 'vhci_hcd: x', caller: 'C1' },
		{ line: '[    2.000000]', text: '', ts: 2 },
		{ line: '[    8.000000 <    7.000000>] example[2]', text: 'example[2]', ts: 8 },
		{
			line: '[    0.000000]  [0:        swapper:    0] Initializing cgroup subsys cpuset',
			text: 'Initializing cgroup subsys cpuset',
			caller: 'T0'
		},
		{
			line: '<7>[22555.365633]  [1:android.hardwar:  971] max77705_fg_read_current: current=-1321mA',
			text: 'max77705_fg_read_current: current=-1321mA',
			ts: 22555.365633,
			level: 7,
			caller: 'T971'
		},
		{
			line: '[   21.734215] [pid:414,cpu7,init]F2FS-fs (sdd61): Invalid checksum crc(0x6fb880c4)',
			text: 'F2FS-fs (sdd61): Invalid checksum crc(0x6fb880c4)',
			caller: 'T414'
		},
		{
			line: '[  137.968353] [2019:06:11 08:36:35][pid:0,cpu0,swapper/0]CPU0: shutdown',
			text: 'CPU0: shutdown',
			ts: 137.968353,
			wall: '2019-06-11T08:36:35.000Z',
			caller: 'T0'
		},
		{
			line: '[    4.500426]  (6)[422:kworker/6:3][OPLUS_CHG][oplus_chg_parse_charger_dt] normal',
			text: '[OPLUS_CHG][oplus_chg_parse_charger_dt] normal',
			caller: 'T422'
		},
		{
			// an OOM report's task list (abrt-kernel-panic-oom.log): the pid is the message's
			line: '[890563.635398] [ 1804]    89  1804    25638        3      50      276             0 qmgr',
			text: '[ 1804]    89  1804    25638        3      50      276             0 qmgr',
			ts: 890563.635398
		},
		{
			line: '[    1.000000] [Fri Feb 13 23:31:31 2009] 2009-02-13T23:31:31,123456+00:00 example[1]',
			text: 'example[1]',
			ts: 1,
			wall: '2009-02-13T23:31:31.123Z'
		},
		{
			line: '[17159596.699613 <    0.000000>] [Fri Dec 22 12:26:24 2023] [  +0.000000] 2023-12-22T12:26:24,559613-08:00 device vethab20cf5 entered promiscuous mode',
			text: 'device vethab20cf5 entered promiscuous mode',
			ts: 17159596.699613,
			wall: '2023-12-22T20:26:24.559Z'
		},
		{
			line: '[    7.636966] LibreELEC kernel: Booting Linux on physical CPU 0x0',
			text: 'Booting Linux on physical CPU 0x0',
			ts: 7.636966,
			host: 'LibreELEC'
		},
		{
			line: '[    1.234567 <    0.000123>] myhost kernel: usb 1-1: new high-speed USB device',
			text: 'usb 1-1: new high-speed USB device',
			ts: 1.234567,
			host: 'myhost'
		},
		{ line: '<6>msg without time', text: 'msg without time', level: 6 },
		{
			line: '[ 6933.861215] <6>[ 6933.861215 / 02-10 03:51:08.464][1] SMBCHG: power_ok_handler: triggered: 0x01',
			text: 'SMBCHG: power_ok_handler: triggered: 0x01',
			ts: 6933.861215,
			level: 6
		},
		{
			line: '[   27.987973] kernel: r8169 0000:07:00.0 enp7s0: Link is Down',
			text: 'r8169 0000:07:00.0 enp7s0: Link is Down',
			ts: 27.987973
		}
	],
	negatives: [
		'Nov 23 10:00:00 host kernel: x',
		'[Fri Feb 13 23:31:31 2009] example[1]',
		'[Feb13 23:31] new',
		'[  +1.000000] two',
		'[    0.043841  ] two spaces',
		'<30>1 2017-04-27T07:59:12+02:00 nextcloud dhclient - - -  DHCPREQUEST',
		'plain text'
	],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		let i = 0;
		const c0 = codeAt(line, 0);
		if (c0 === 60 /* < */) {
			const level = scanPriority(line, 0, scan);
			if (level < 0) return false;
			i = scan.end;
			// `<30>1 2017-...` is RFC 5424 syslog
			const c = codeAt(line, i);
			if (c >= 49 && c <= 57 && codeAt(line, i + 1) === 32) return false;
			rec.level = level;
		} else if (c0 !== 91 /* [ */) return false;
		if (!scanBracketTime(line, i, scan)) {
			const untimed = withoutBracketTime(line, i, rec);
			if (untimed !== 0) return untimed > 0;
			// fall through with the time read
		}
		rec.ts = scan.value;
		i = scan.end;
		const caller = scanCaller(line, i, scan);
		if (caller !== '') {
			rec.caller = caller;
			i = scan.end;
		} else {
			const c = codeAt(line, i + 1);
			// `[`, ` `, `(`, or CONFIG_PRINTK_PROCESS's `I[` (in interrupt context)
			if (c === 91 || c === 32 || c === 40 || (c === 73 && codeAt(line, i + 2) === 91)) {
				const pid = scanProcessPrefix(line, i, scan, rec, ctx);
				if (pid !== '') {
					rec.caller = pid;
					i = scan.end;
				}
			}
		}
		i = skipOneBlank(line, i);
		rec.kind = 'kernel';
		const c = codeAt(line, i);
		if (c === 91 || (c >= 48 && c <= 57)) i = extraTimes(line, i, rec, ctx);
		else if (c === 60 /* < */ && c0 === 91) i = lgPrefix(line, i, rec);
		else if (i > 0 && c0 === 91 && caller === '' && journalHost(line, i, rec, ctx)) return true;
		rec.text = line.slice(i);
		rec.format = c0 === 60 ? 'dmesg-raw' : 'dmesg';
		return true;
	}
};
