import type { LogRecord } from '../../models/log-record.ts';

/** What an example line must parse to (fields left out are not checked). */
export interface FormatExample {
	line: string;
	text: string;
	ts?: number;
	wall?: string;
	level?: number;
	caller?: string;
	host?: string;
	kind?: LogRecord['kind'];
	/** lines fed before `line` (multi-line formats: JSON documents, journal export entries) */
	before?: string[];
}

/**
 * A kernel record whose fields are spread over several lines (dmesg --json, journalctl -o
 * export / verbose / json-pretty). Its lines are counted together when it ends.
 */
export interface Entry {
	/** id of the format collecting it */
	format: string;
	/** input lines it spans so far */
	lines: number;
	/** line number of the message field (the record's line) */
	msgLine: number;
	hasText: boolean;
	text: string;
	ts: number;
	/** receipt monotonic time (journal), used when the kernel's own time is missing */
	recvTs: number;
	wall: number;
	level: number;
	caller: string;
	host: string;
	/** false once a field says it is not a kernel message */
	kernel: boolean;
	/** the SYSLOG_IDENTIFIER and _COMM fields ('' when absent): the program of another's entry */
	ident: string;
	comm: string;
	/** set by the format on the line that ends the entry */
	done: boolean;
	/** netconsole fragments: the record's sequence number, and the message bytes received */
	seq: number;
	bytes: number;
}

export function newEntry(format: string, line: number): Entry {
	return {
		format,
		lines: 0,
		msgLine: line,
		hasText: false,
		text: '',
		ts: NaN,
		recvTs: NaN,
		wall: NaN,
		level: -1,
		caller: '',
		host: '',
		kernel: true,
		ident: '',
		comm: '',
		done: false,
		seq: -1,
		bytes: 0
	};
}

/** The entry's monotonic time: the kernel's own, else the journal's receipt time. */
export function entryTs(e: Entry): number {
	return Number.isNaN(e.ts) ? e.recvTs : e.ts;
}

/** `rec.reason` of a line that belongs to an open multi-line entry (counted when it ends). */
export const ENTRY_LINE = 'part of a multi-line entry';
/** `rec.reason` of an empty line */
export const SKIP_BLANK = 'blank line';
/** `rec.reason` of another program's line in a syslog file */
export const SKIP_OTHER_SYSLOG = 'not a kernel message (other program in a syslog file)';
/** `rec.reason` of another program's entry in a journal */
export const SKIP_OTHER_JOURNAL = 'not a kernel message (other program in a journal)';
/**
 * `rec.reason` of a line of a pstore record that an earlier record already held: a later dmesg
 * record (a panic dumped after an oops) repeating the earlier one, or a record of the dump's boot
 * again after the dump, the same kernel time and text (its console record, `console-ramoops`, or
 * the dump listed twice): counted once (classifier.ts, tracker.ts copyOfDump)
 */
export const SKIP_PSTORE_REPEAT = 'repeated from an earlier pstore record';
/**
 * `rec.reason` of a bootloader's log in a log whose other lines have a kernel prefix: a Qualcomm
 * XBL/ABL log in an Android last_kmsg, from its `{348676} ** XBL(720, warm reset, valid magic) **`
 * up to the next kernel record (formats/bare.ts); U-Boot's output from its banner to its hand-over
 * (LineClassifier). Such lines are in no boot's range and not analysed (tracker.ts).
 */
export const UNPARSED_BOOTLOADER = 'bootloader output';
/**
 * `rec.reason` of unprefixed text right after a pstore dump, up to the next kernel record: a
 * report copied without its times, a user's notes, pasted after `cat /sys/fs/pstore/*` (a shell's
 * prompt stays SKIP_SHELL). The dump's records all have a kernel prefix: the text is none of
 * them, but another log, a boot of its own from its first line (tracker.ts), still analysed as
 * unprefixed text is.
 */
export const UNPARSED_AFTER_DUMP = 'text after a pstore dump (not its records)';

/**
 * U-Boot's banner, `U-Boot SPL 2022.10ky (Mar 11 2025 - 22:24:18 +0800)`, `U-Boot 2022.10ky (…)`
 * (also TPL, VPL): its output follows, up to its hand-over to the kernel (LineClassifier).
 */
export const UBOOT_BANNER = /^U-Boot (?:[STV]PL )?\d{4}\.\d{2}/;

/**
 * A line of U-Boot's own shape, which no kernel prints (its board init `DRAM:  2 GiB`, `MMC:
 * sdhci@780000: 0`, `In:    serial`; its autoboot prompt; `## Loading kernel from FIT Image at …`;
 * its disk and file reads `Scanning disk sdhci@780000.blk...`, `Found 3 disks`, `No EFI system
 * partition`, `** Unrecognized filesystem type **`, `Card did not respond to voltage select!`,
 * `12345 bytes read in 12 ms (1 MiB/s)`; `bootefi`'s `Booting /path`): before the kernel's first
 * prefixed line, near the input's start, it starts U-Boot's output as its banner does, when the
 * capture began after the banner (LineClassifier.uboot).
 */
export const UBOOT_LINE =
	/^(?:DRAM: {1,2}\d|MMC: {2,3}\S|(?:In|Out|Err): {3,4}\S|Net: {3}\S|Hit any key to stop autoboot|Autoboot in \d+ seconds?|## (?:Loading (?:kernel|fdt|ramdisk)|Flattened Device Tree|Booting kernel|Executing script|Checking Image)|Scanning disk \S+\.\.\.$|Found \d+ disks?$|No EFI system partition$|\*\* Unrecognized filesystem type \*\*$|Card did not respond to voltage select!|\d+ bytes read in \d+ ms|Booting \/\S|switch to partitions #\d+, OK$|mmc\d+(?:\(part \d+\))? is current device$|Loading Environment from |starting USB\.\.\.$)/;

/**
 * the start of a bootloader's output at the start of a serial capture: the header of a Qualcomm
 * bootloader's boot log (SBL1, XBL), GRUB's menu (`      GNU GRUB  version 2.02`)
 */
export const BOOT_MENU_LOG =
	/^(?:Format: Log Type - Time\(microsec\) - Message| +GNU GRUB {1,2}version \d)/;

/** U-Boot `Starting kernel ...`, LK `[3640] booting linux @ 0x8000, ...`, others `Jumping to kernel` */
export const BOOTLOADER_HANDOFF =
	/^(?:\[\d+\] )?(?:Starting kernel \.\.\.|booting linux @|Jumping to kernel)/;

/** Per-input state shared by the formats (e.g. the year syslog lines lack). */
export interface FormatContext {
	/** year to assume for syslog dates without one */
	year: number;
	/** set once a date without a year was read (the report then states the assumption) */
	usedYear: boolean;
	/** month of the previous date without a year, to notice the year rolling over */
	lastMonth: number;
	/** true once a line with a kernel prefix was seen: later unprefixed lines are foreign text */
	seenPrefixed: boolean;
	/** kind and reason of the previous line's record ('' before the first line) */
	prevKind: string;
	prevReason: string;
	/**
	 * text (its prefix removed) of the util-linux dmesg record that the previous lines belong to,
	 * which an unprefixed line may continue (a multi-line record); null after any other line
	 */
	openRecord: string | null;
	/** the previous line was an unprefixed line taken as the rest of `openRecord` */
	unprefixedRun: boolean;
	/**
	 * the reason of the unprefixed lines since the latest kernel record, '' when none: a
	 * bootloader's log (UNPARSED_BOOTLOADER) or text after a pstore dump (UNPARSED_AFTER_DUMP)
	 */
	foreign: string;
	/** journal boot id of the latest entry that named one ('' when none) */
	bootId: string;
	/** the multi-line entry being read, or null */
	entry: Entry | null;
	/** inside a `dmesg --json` document */
	inDmesgJson: boolean;
	/** a journalctl -o short-monotonic line was seen: `[ts] host ident[pid]:` is a journal line */
	journalMonotonic: boolean;
	/** wall time of the latest `dmesg --reltime` line (epoch ms, NaN when none) */
	relWall: number;
	/**
	 * after ramoops's header of a compressed record (`====<sec>.<usec>-C`) whose body the decoder
	 * did not inflate (see ramoops.ts), the characters of its body still to come at most: the
	 * lines up to the next pstore line are its compressed bytes (UNPARSED_COMPRESSED); 0 when not
	 * in such a body
	 */
	compressedLeft: number;
	/** inside a section of an Android bug report that is not a kernel log */
	foreignSection: boolean;
	/** a /dev/kmsg record was seen (then ` KEY=value` lines are its dictionary) */
	seenKmsg: boolean;
	/**
	 * one of systemd's console status lines of a shape no kernel line has (`[  OK  ]`, `[FAILED]`,
	 * a job line) was seen: then `[ INFO ]` and `[ WARN ]` lines are systemd's too
	 */
	systemdSeen: boolean;
	/**
	 * the machine's UTC offset (ms) when the log tells it (see clock.ts), subtracted from local
	 * times in line prefixes; 0 when unknown
	 */
	localOffsetMs: number;
	/** a wall time was read from a prefix in local time (syslog, journal short, dmesg -T) */
	usedLocalTime: boolean;
}

/** A wall time read from a prefix printed in the machine's local time, in UTC when known. */
export function localWall(ctx: FormatContext, ms: number): number {
	ctx.usedLocalTime = true;
	return ms - ctx.localOffsetMs;
}

export function newContext(year: number): FormatContext {
	return {
		year,
		usedYear: false,
		lastMonth: -1,
		seenPrefixed: false,
		prevKind: '',
		prevReason: '',
		openRecord: null,
		unprefixedRun: false,
		foreign: '',
		bootId: '',
		entry: null,
		inDmesgJson: false,
		journalMonotonic: false,
		relWall: NaN,
		compressedLeft: 0,
		foreignSection: false,
		seenKmsg: false,
		systemdSeen: false,
		localOffsetMs: 0,
		usedLocalTime: false
	};
}

/** Advance the assumed year when yearless dates go from late in a year to early in the next. */
export function yearFor(ctx: FormatContext, month: number): number {
	if (ctx.lastMonth >= 0 && month < ctx.lastMonth - 5) ctx.year++;
	ctx.lastMonth = month;
	ctx.usedYear = true;
	return ctx.year;
}

/**
 * One input shape. `parse` fills the record and returns true when the line has this shape;
 * it returns false, leaving the record to be reset, when the line is not its format.
 */
export interface LineFormat {
	id: string;
	/** human name shown in reports */
	label: string;
	examples: FormatExample[];
	/** lines this format must not claim */
	negatives: string[];
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean;
}
