/**
 * Wrappers around kernel text that other tools add: pstore record headers, Android bug report
 * sections, serial console noise (login prompts glued before the kernel prefix, printk's
 * `** N printk messages dropped **` markers).
 */
import type { LogRecord } from '../../models/log-record.ts';
import { scanBracketTime, scanCaller, newScan } from './common.ts';
import { dmesgFormat } from './dmesg.ts';
import type { FormatContext, LineFormat } from './types.ts';
import { codeAt } from '../../util/text.ts';
import { MAX_BODY } from '../ramoops.ts';

const scan = newScan();
const scan2 = newScan();

export const PSTORE_HEADER =
	/^(Panic|Oops|Emergency|Restart|Halt|Poweroff|Shutdown|Unknown)#(\d{1,9}) Part(\d{1,6})$/;
/**
 * The header ramoops writes before each dmesg record in its RAM (fs/pstore/ram.c,
 * `RAMOOPS_KERNMSG_HDR "%lld.%06lu-%c"`: the wall time of the dump, `C` when the record is
 * compressed, `D` when not; before 3.19 `"%lu.%lu"`, without the letter and with the
 * microseconds unpadded). The pstore file system strips it, but a dump of the memory itself
 * (a RAM dump, `/dev/mem`, a bootloader's copy) shows it before the `Panic#1 Part1` line.
 */
export const RAMOOPS_HEADER = /^====(\d{1,12})\.(\d{1,6})(?:-[CD])?$/;
const PSTORE_FILE =
	/^(?:dmesg|console|pmsg|ftrace|mce)-(?:ramoops|efi|erst|nvram|powerpc-ofw|zone|blk)(?:-\d+)?:?$/;

/**
 * `Panic#1 Part1` before each part of a pstore dmesg record; `dmesg-efi-123:` file labels;
 * ramoops's in-memory header `====1700000000.123456-D` (RAMOOPS_HEADER), whose time is the wall
 * time of the dump (`rec.wall`, NaN when it is 0: a clock never set).
 */
export const pstoreFormat: LineFormat = {
	id: 'pstore',
	label: 'pstore / ramoops record header',
	examples: [
		{ line: 'Panic#1 Part1', text: 'Panic#1 Part1', kind: 'skipped' },
		{ line: 'Oops#2 Part3', text: 'Oops#2 Part3', kind: 'skipped' },
		{
			line: 'dmesg-efi-167646279221001:',
			text: 'dmesg-efi-167646279221001:',
			kind: 'skipped',
			wall: '2023-02-15T12:06:32.000Z'
		},
		{ line: 'console-ramoops-0', text: 'console-ramoops-0', kind: 'skipped' },
		{
			line: '==> /sys/fs/pstore/dmesg-efi-167646279221001 <==',
			text: '==> /sys/fs/pstore/dmesg-efi-167646279221001 <==',
			kind: 'skipped',
			wall: '2023-02-15T12:06:32.000Z'
		},
		{
			line: '====1700000000.123456-D',
			text: '====1700000000.123456-D',
			kind: 'skipped',
			wall: '2023-11-14T22:13:20.123Z'
		},
		{ line: '====0.000000-C', text: '====0.000000-C', kind: 'skipped' }
	],
	negatives: [
		'Panic#1 Part',
		'Oops: 0000 [#1] SMP',
		'dmesg-foo-1:',
		'==> /var/log/notes.txt <==',
		'====1700000000.123456-X',
		'=================================================================='
	],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		if (codeAt(line, 0) === 61 /* = */) {
			const name = tailLabel(line);
			if (name !== '') {
				// `tail -n +1 /sys/fs/pstore/*` or `head` names each file before its text
				rec.kind = 'skipped';
				rec.reason = SKIP_PSTORE_FILE;
				rec.format = 'pstore';
				rec.text = line;
				rec.wall = efiDumpTime(name);
				ctx.compressedLeft = 0;
				return true;
			}
			const m = codeAt(line, 4) !== 61 ? RAMOOPS_HEADER.exec(line) : null;
			if (m === null) return false;
			// a compressed record's body comes next, unless the decoder inflated it (ramoops.ts)
			ctx.compressedLeft = codeAt(line, line.length - 1) === 67 /* C */ ? MAX_BODY : 0;
			rec.kind = 'skipped';
			rec.reason = 'pstore record header';
			rec.format = 'pstore';
			rec.text = line;
			// the microseconds are an integer (unpadded before 3.19)
			const sec = Number(m[1]);
			if (sec > 0) rec.wall = sec * 1000 + Math.floor(Number(m[2]) / 1000);
			return true;
		}
		const h = line.indexOf('#');
		if (h > 3 && h < 10 && PSTORE_HEADER.test(line)) {
			rec.kind = 'skipped';
			rec.reason = 'pstore record header';
		} else if (line.indexOf('-') > 2 && line.length < 64 && PSTORE_FILE.test(line)) {
			rec.kind = 'skipped';
			rec.reason = SKIP_PSTORE_FILE;
			rec.wall = efiDumpTime(line);
		} else return false;
		ctx.compressedLeft = 0;
		rec.format = 'pstore';
		rec.text = line;
		return true;
	}
};

/**
 * The pstore file that `head` or `tail` names before its text (`==> /sys/fs/pstore/dmesg-efi-
 * 167646279221001 <==`, several files given), '' when the line is no such label.
 */
function tailLabel(line: string): string {
	if (codeAt(line, 2) !== 62 /* > */ || !line.startsWith('==> ') || !line.endsWith(' <=='))
		return '';
	const name = line.slice(line.lastIndexOf('/', line.length - 5) + 1, line.length - 4);
	return name.length < 64 && PSTORE_FILE.test(name) ? name : '';
}

/** `rec.reason` of a pstore file's name (`dmesg-efi-…:`, `==> /sys/fs/pstore/… <==`) */
export const SKIP_PSTORE_FILE = 'pstore file name';

/**
 * Is `line` one that names a pstore dmesg record rather than a line of one: ramoops's in-memory
 * header (`====1676462792.000000-D`), a dmesg file's name (`dmesg-efi-167646279221001:`,
 * `dmesg-ramoops-0`), or `head`'s or `tail`'s label of such a file (`==> … <==`). Not another
 * file's (`console-ramoops-0`: another log). Run only on lines held in a pstore part
 * (LineClassifier.holdPstore).
 */
export function pstoreLabel(line: string): boolean {
	if (codeAt(line, 0) === 61 /* = */)
		return RAMOOPS_HEADER.test(line) || tailLabel(line).startsWith('dmesg-');
	return line.startsWith('dmesg-') && line.length < 64 && PSTORE_FILE.test(line);
}

/**
 * The wall time (epoch ms) of the dump that an efi-pstore file is named after, NaN when none:
 * `dmesg-efi-167646279221001` is `(time * 100 + part) * 1000 + count` (fs/pstore `generic_id`),
 * here 1676462792 s, part 21, count 1.
 */
export function efiDumpTime(name: string): number {
	if (!name.startsWith('dmesg-efi-')) return NaN;
	const end = name.endsWith(':') ? name.length - 1 : name.length;
	if (end - 10 < 13 || end - 10 > 16) return NaN;
	const id = Number(name.slice(10, end));
	const sec = Math.floor(id / 100000);
	return Number.isSafeInteger(id) && sec > 0 ? sec * 1000 : NaN;
}

const KERNEL_SECTION = /KERNEL LOG|LAST KMSG|KMSG|DMESG|RAMOOPS|PSTORE/i;

/** Android bugreport/dumpstate section lines: `------ KERNEL LOG (dmesg) ------`. */
export const androidSectionFormat: LineFormat = {
	id: 'android-section',
	label: 'Android bug report section',
	examples: [
		{ line: '------ KERNEL LOG (dmesg) ------', text: 'KERNEL LOG (dmesg)', kind: 'skipped' },
		{ line: '== dumpstate: 2024-11-23 10:05:00', text: '', kind: 'skipped' },
		{
			line: "------ 0.010s was the duration of 'KERNEL LOG (dmesg)' ------",
			text: '',
			kind: 'skipped'
		},
		{
			line: '------ SYSTEM LOG (logcat -v threadtime -d *:v) ------',
			text: 'SYSTEM LOG (logcat -v threadtime -d *:v)',
			kind: 'skipped'
		}
	],
	negatives: ['---[ end trace 0000000000000000 ]---', '------------[ cut here ]------------'],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		if (line.startsWith('== dumpstate: ') || line.startsWith('========================')) {
			rec.kind = 'skipped';
			rec.reason = 'bug report section header';
			rec.format = 'android-section';
			rec.text = '';
			return true;
		}
		if (!line.startsWith('------ ') || !line.endsWith(' ------') || line.length < 15) return false;
		const title = line.slice(7, -7);
		rec.kind = 'skipped';
		rec.reason = 'bug report section header';
		rec.format = 'android-section';
		if (title.indexOf(' was the duration of ') !== -1) {
			ctx.foreignSection = false;
			rec.text = '';
		} else {
			ctx.foreignSection = !KERNEL_SECTION.test(title);
			rec.text = title;
		}
		return true;
	}
};

/** the reason of systemd's own console lines (see SYSTEMD_STATUS) */
export const SKIP_SYSTEMD_STATUS = 'init system status line (systemd)';
/**
 * systemd's status lines on the console: `[  OK  ] Started …`, `[FAILED] Failed to start …`,
 * `[DEPEND]`, `[ TIME ]`, `[ INFO ]`, `[ WARN ]`, the `[  *** ]` spinner of a job that waits;
 * the job lines under them, indented by the width of the status (`         Starting …`); and
 * the hint after a failure (`See 'systemctl status x.service' for details.`). `[ INFO ]` and
 * `[ WARN ]` are words a kernel line without its prefix may start with too (a driver's own
 * tag): they are systemd's only once the input showed another of these lines (systemdSeen).
 */
const SYSTEMD_STATUS =
	/^\[(?: {2}OK {2}|FAILED|DEPEND| TIME | INFO | WARN |(?=[ *]*\*)[ *]{6})\] \S/;
const SYSTEMD_JOB =
	/^ {9}(?:Starting|Stopping|Mounting|Unmounting|Activating|Deactivating|Reloading|Expecting device|Finished) \S/;
const SYSTEMD_SEE = /^See '(?:systemctl status|journalctl -x)[^']*' for details\.$/;

/** the reason of OpenWrt's procd and BusyBox init lines on the console (see OPENWRT_INIT) */
export const SKIP_BUSYBOX_INIT = 'init system status line (procd, BusyBox init)';
/**
 * OpenWrt's and BusyBox's user space on the console, which prints no kernel prefix: procd's
 * `procd: - init -`, `procd: Instance uhttpd::instance1 s in a crash loop …`, BusyBox init's
 * (and procd's) `Please press Enter to activate this console.`, and OpenWrt preinit's `Press the
 * [f] key and hit [enter] to enter failsafe mode` and `Press the [1], [2], [3] or [4] key and hit
 * [enter] to select the debug level`. No kernel message starts so.
 */
const OPENWRT_INIT =
	/^(?:procd: \S|Please press Enter to activate this console\.$|Press the \[[^\]]+\](?:, \[[^\]]+\])*(?: or \[[^\]]+\])? key and hit \[enter\] to )/;

/**
 * Serial console captures: `myhost login: [  123.456789] msg` (a prompt glued before the kernel
 * prefix), `** 12 printk messages dropped **`, `** replaying previous printk message **`, and
 * systemd's status lines, which are not kernel messages (see SYSTEMD_STATUS).
 */
export const consoleFormat: LineFormat = {
	id: 'console',
	label: 'serial console (text glued before the kernel prefix)',
	examples: [
		{
			line: 'syzkaller login: [  123.456789] BUG: KASAN: use-after-free in foo',
			text: 'BUG: KASAN: use-after-free in foo',
			ts: 123.456789
		},
		{
			line: '** 12 printk messages dropped **',
			text: '** 12 printk messages dropped **',
			kind: 'skipped'
		},
		{
			line: '** replaying previous printk message **',
			text: '** replaying previous printk message **',
			kind: 'skipped'
		},
		{
			line: '[  OK  ] Started Journal Service.',
			text: '[  OK  ] Started Journal Service.',
			kind: 'skipped'
		},
		{
			line: '[FAILED] Failed to start Load Kernel Modules.',
			text: '[FAILED] Failed to start Load Kernel Modules.',
			kind: 'skipped'
		},
		{
			line: '[  *** ] A start job is running for /dev/sda2 (10s / 1min 30s)',
			text: '[  *** ] A start job is running for /dev/sda2 (10s / 1min 30s)',
			kind: 'skipped'
		},
		{
			line: '         Starting Network Manager...',
			text: '         Starting Network Manager...',
			kind: 'skipped'
		},
		{
			line: "See 'systemctl status systemd-modules-load.service' for details.",
			text: "See 'systemctl status systemd-modules-load.service' for details.",
			kind: 'skipped'
		},
		{
			line: '[ INFO ] Data will be saved in /var/log.',
			text: '[ INFO ] Data will be saved in /var/log.',
			kind: 'skipped',
			before: ['[  OK  ] Started Journal Service.']
		},
		{ line: 'procd: - init -', text: 'procd: - init -', kind: 'skipped' },
		{
			line: 'Please press Enter to activate this console.',
			text: 'Please press Enter to activate this console.',
			kind: 'skipped'
		},
		{
			line: 'Press the [f] key and hit [enter] to enter failsafe mode',
			text: 'Press the [f] key and hit [enter] to enter failsafe mode',
			kind: 'skipped'
		}
	],
	negatives: [
		'plain text',
		'text with [brackets] only',
		'** not a marker',
		'[      ] no star',
		'[  OK  ]',
		'        Starting with eight spaces',
		'[    5.123456] EXT4-fs (sda1): mounted filesystem',
		'[ WARN ] not after a status line of systemd',
		'procd:',
		'Please press Enter',
		'Press the button'
	],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		const c = codeAt(line, 0);
		if (
			(c === 91 /* [ */ && codeAt(line, 7) === 93 /* ] */ && SYSTEMD_STATUS.test(line)) ||
			(c === 32 && codeAt(line, 9) !== 32 && SYSTEMD_JOB.test(line)) ||
			(c === 83 /* S */ && line.startsWith("See '") && SYSTEMD_SEE.test(line))
		) {
			const c2 = codeAt(line, 2);
			const infoOrWarn = c === 91 && (c2 === 73 /* I */ || c2 === 87); /* W */
			if (!infoOrWarn) ctx.systemdSeen = true;
			else if (!ctx.systemdSeen) return false;
			rec.kind = 'skipped';
			rec.reason = SKIP_SYSTEMD_STATUS;
			rec.format = 'console';
			rec.text = line;
			return true;
		}
		if ((c === 112 /* p */ || c === 80) /* P */ && OPENWRT_INIT.test(line)) {
			rec.kind = 'skipped';
			rec.reason = SKIP_BUSYBOX_INIT;
			rec.format = 'console';
			rec.text = line;
			return true;
		}
		if (c === 42 /* * */) {
			if (
				line.endsWith(' printk messages dropped **') ||
				line === '** replaying previous printk message **'
			) {
				rec.kind = 'skipped';
				rec.reason = 'printk marker';
				rec.format = 'console';
				rec.text = line;
				return true;
			}
			return false;
		}
		const at = line.indexOf('[');
		if (at <= 0 || at > 200) return false;
		if (!scanBracketTime(line, at, scan)) return false;
		// a prompt, a log that has prefixes, or a printk caller id make the glued text noise
		const glued =
			line.startsWith('login: ', at - 7) ||
			ctx.seenPrefixed ||
			scanCaller(line, scan.end, scan2) !== '';
		if (!glued) return false;
		if (!dmesgFormat.parse(line.slice(at), rec, ctx)) return false;
		rec.format = 'console';
		return true;
	}
};
