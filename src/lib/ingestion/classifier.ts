import { newRecord, resetRecord, type LogRecord } from '../models/log-record.ts';
import type { YearSource } from '../models/metadata.ts';
import { codeAt, stripAnsi } from '../util/text.ts';
import {
	efiDumpTime,
	PSTORE_HEADER,
	pstoreLabel,
	RAMOOPS_HEADER,
	SKIP_PSTORE_FILE
} from './formats/capture.ts';
import {
	monthAt,
	scanBracketTime,
	scanSyslogDate,
	newScan,
	type SyslogDate
} from './formats/common.ts';
import { isShellLine, isTrinityLine, NO_PREFIX, SKIP_SHELL } from './formats/bare.ts';
import { refusalReason } from './formats/refused.ts';
import { WRAPPED_REST } from './paste.ts';
import { CUT_STAMP, dmesgFormat } from './formats/dmesg.ts';
import { entryProgram } from './formats/journal.ts';
import {
	BOOTLOADER_HANDOFF,
	ENTRY_LINE,
	entryTs,
	FORMAT_BY_ID,
	FORMATS,
	newContext,
	SKIP_BLANK,
	SKIP_OTHER_JOURNAL,
	SKIP_OTHER_SYSLOG,
	SKIP_PSTORE_REPEAT,
	UBOOT_BANNER,
	UBOOT_LINE,
	BOOT_MENU_LOG,
	UNPARSED_AFTER_DUMP,
	UNPARSED_BOOTLOADER,
	type Entry,
	type FormatContext,
	type LineFormat
} from './formats/index.ts';
import {
	finalAnchor,
	findClockAnchor,
	localTimePrefix,
	outranks,
	type ClockAnchor
} from './clock.ts';
import { findYearHint, namedRelease, releaseFloorMs, type YearHint } from './year.ts';
import { MIN_RUN, nulRunEnd, UNPARSED_NUL } from './nul.ts';
import { flippedStamp } from './bitflips.ts';
import { MAX_BODY, UNPARSED_COMPRESSED } from './ramoops.ts';

/** a character that text has not: a C0 control but tab and line ends, or U+FFFD (bytes not UTF-8) */
// eslint-disable-next-line no-control-regex
const BINARY_CHAR = /[\u0000-\u0008\u000e-\u001f\ufffd]/;

/**
 * Receives classified records in input order. `rec` is a reused object: copy what you keep.
 * `lines` is how many input lines the record stands for (a multi-line entry counts all of its
 * lines at once); `bootId` is the journal boot id in force ('' when none).
 */
export type ClassifiedSink = (rec: LogRecord, lines: number, bootId: string) => void;

export interface ClassifierOptions {
	/**
	 * year assumed for dates that have none (syslog RFC 3164, dmesg --reltime). When absent it
	 * is inferred from the log (a dated line, else the kernel build date) or DEFAULT_YEAR.
	 */
	year?: number;
	/** lines longer than this are analysed only up to it (the rest is still counted) */
	maxLineLength?: number;
	/**
	 * A pstore dmesg record's newest part (`Part1`) was passed on, and its ramoops in-memory header
	 * (`====<sec>.<usec>-D`) or efi-pstore file name (`dmesg-efi-167646279201002:`) gave the wall
	 * time of the dump (epoch ms), taken right after the part's last message was printed.
	 */
	onDumpTime?: (wallMs: number) => void;
	/**
	 * The held parts of a pstore dump are about to be replayed: `line` is the first one's input
	 * line, `times` the kernel times of the dump's timed lines (see LineClassifier.flushPstore).
	 */
	onDumpStart?: (line: number, times: number[]) => void;
	/** The held parts of a pstore dump were replayed (after onDumpStart and their records). */
	onDumpReplayed?: () => void;
	/**
	 * The held parts of a pstore dump were replayed because a timed line of another log, input
	 * line `line` with kernel time `ts` and message `text`, ended the wait (see endsPstorePart);
	 * it is processed right after.
	 */
	onDumpEnd?: (line: number, ts: number, text: string) => void;
	/**
	 * Whether kernel time `ts` is one of the dump's just replayed (the tracker's recent times):
	 * asked of the line after an unprefixed one that ended the wait (see afterDumpText).
	 */
	dumpHad?: (ts: number) => boolean;
}

/** What the classifier knows at the end of the input that the report needs. */
export interface ClassifierSummary {
	lines: number;
	bytes: number;
	truncatedLines: number;
	maxLine: number;
	/** a date without a year was read */
	usedYear: boolean;
	yearSource: YearSource;
	/** year of the first date without one, and of the last (later when they pass New Year) */
	startYear: number;
	endYear: number;
	/** a line with a kernel prefix was seen */
	seenPrefixed: boolean;
	/** the machine's UTC offset, read in the look-ahead (see clock.ts), and its line */
	localOffset: (ClockAnchor & { line: number }) | null;
	/** a wall time was read from a prefix in local time */
	usedLocalTime: boolean;
	/** when the year is the earliest the kernel release a line names allows (source 'kernel release') */
	yearFloor: YearFloor | null;
}

/**
 * A kernel release named on a line with a yearless date: its boot began (the line's date less
 * its kernel time) no earlier than the release existed, a lower bound of the log's year.
 */
export interface YearFloor {
	line: number;
	release: string;
	/** the first day a kernel of that release can have run (UTC ms) */
	floorMs: number;
	/** seconds the boot had been running at that line (0 without a kernel time) */
	uptime: number;
	date: SyslogDate;
	/** New Years the look-ahead's yearless prefixes passed before the line */
	rollovers: number;
}

/** Year assumed for yearless dates when the log names none: fixed, so reports are reproducible. */
export const DEFAULT_YEAR = 2000;
const DEFAULT_MAX_LINE = 64 * 1024;
/** lines read ahead (at most) to find the year before the first line is analysed */
const YEAR_LOOKAHEAD_LINES = 2000;
const YEAR_LOOKAHEAD_CHARS = 1 << 20;
/** pstore parts are held back to be put in order, up to this many characters in all */
const PSTORE_BUDGET_CHARS = 8 << 20;
/** a pstore part has at most this many lines (records are at most a few hundred KiB) */
const PSTORE_PART_LINES = 4000;
/**
 * untimed lines held after a dump's parts before a timed line tells whose they are (see
 * LineClassifier.afterDumpText): a blank line, `tail`'s label, the rest of a record, one more
 */
const AFTER_DUMP_HELD = 4;
/**
 * what a held part's header costs of PSTORE_BUDGET_CHARS besides its text (the part's object and
 * arrays): a paste of headers alone reaches the budget too
 */
const PSTORE_PART_COST = 128;
/**
 * seconds after the message the kernel prints just before it dumps a record (PstorePart.marker)
 * within which the record's newest part may still hold lines: the panic's stack and its notifiers'
 * lines (`Kernel Offset: …`, `SMP: stopping secondary CPUs`, which waits up to 1 s)
 */
const PSTORE_DUMP_GAP_S = 10;

const SKIP_FOREIGN_SECTION = 'not a kernel section of an Android bug report';
/** `rec.reason` of an input line joined to the line before it (a wrapped log, see paste.ts) */
const SKIP_WRAPPED = 'rest of a wrapped line (joined to the line before)';

const floorDate: SyslogDate = { month: 0, day: 0, sec: 0 };
const aheadDate: SyslogDate = { month: 0, day: 0, sec: 0 };

/** The month of a syslog date whose month name is not three letters (`déc. 04 10:00:01`), or -1. */
function scanLocalMonth(raw: string): number {
	return scanSyslogDate(raw, aheadDate) ? aheadDate.month : -1;
}
const floorScan = newScan();

/** The YearFloor of a line with a yearless date that names a kernel release, or null. */
function yearFloor(raw: string, line: number, rollovers: number): YearFloor | null {
	// the message after the prefix, and the kernel time in it (`host kernel: [9686414.563978] …`)
	const k = raw.indexOf(': ');
	let uptime = 0;
	let at = k === -1 ? 0 : k + 2;
	if (scanBracketTime(raw, at, floorScan)) {
		uptime = floorScan.value;
		at = floorScan.end + (codeAt(raw, floorScan.end) === 32 ? 1 : 0);
	}
	const release = namedRelease(raw.slice(at));
	if (release === null || !scanSyslogDate(raw, floorDate)) return null;
	const floorMs = releaseFloorMs(release);
	if (floorMs === 0) return null;
	return { line, release, floorMs, uptime, date: { ...floorDate }, rollovers };
}

/** The earliest year of the log's first date that lets the floor's boot start after its release. */
export function floorYear(f: YearFloor): number {
	const d = f.date;
	let y = new Date(f.floorMs).getUTCFullYear();
	while (Date.UTC(y, d.month, d.day) + d.sec * 1000 - f.uptime * 1000 < f.floorMs) y++;
	return y - f.rollovers;
}

/** `[  913.489892] ...` or `<6>[  913.489892] ...`: a line that a time stamp makes unique */
function timedLine(raw: string): boolean {
	const c = codeAt(raw, 0);
	return (c === 91 || c === 60) && raw.indexOf('.') !== -1 && raw.indexOf(']') !== -1;
}

/**
 * A record printed by util-linux dmesg (`dmesg`, `-r`, `-d`, `-T`, `-e`, `--time-format iso`,
 * `-x`; not `journal-monotonic`, `console` or `bare`): the shapes in which a multi-line record's
 * later lines come without a prefix.
 */
function dmesgShaped(format: string): boolean {
	return (
		codeAt(format, 0) === 100 /* d */ &&
		codeAt(format, 1) === 109 /* m */ &&
		format !== 'dmesg-json'
	);
}

const glueScan = newScan();

/**
 * Index of the first record glued into a message of a dmesg line, `[   ts.tttttt]` with its six
 * digits of microseconds after text (a console's line that did not end, `ADSPRPC: Secure VMID =
 * 22[    4.726743]  (6)[1:swapper/0]ADSPRPC: …`, or a log whose last line had no newline followed
 * by another, `cat a.log b.log`); when none, 0 if the message holds `>[` (perhaps a raw record
 * glued into it, see gluedRecordAt), else -1. A bracket at the message's start, or after a space,
 * is not glued. One pass over the message's brackets for both: the `>[` had been searched for
 * again in every dmesg line.
 */
export function gluedTimeAt(text: string): number {
	let gt = -1;
	for (let k = text.indexOf('[', 1); k !== -1; k = text.indexOf('[', k + 1)) {
		const before = codeAt(text, k - 1);
		if (before === 62 /* > */) gt = 0;
		const c = codeAt(text, k + 1);
		// right after the text: after a space it may be a record printed inside the line, whose
		// text goes on after it (syzkaller's report 356, `trusty: panic (caller [  331.008787]
		// trusty: 0xffffffffe000fbb8): ASSERT FAILED …`), which is read as one message
		if ((c !== 32 && (c < 48 || c > 57)) || before === 32) continue;
		if (
			scanBracketTime(text, k, glueScan) &&
			codeAt(text, glueScan.end - 8) === 46 /* . */ &&
			glueScan.end - k >= 14
		)
			return k;
	}
	return gt;
}

/** Index of the first embedded raw record `<N>[   ts.tttttt]` in a message, -1 when none. */
export function gluedRecordAt(text: string): number {
	for (let k = text.indexOf('>['); k !== -1; k = text.indexOf('>[', k + 2)) {
		let j = k - 1;
		while (j >= 0 && k - j <= 3) {
			const c = codeAt(text, j);
			if (c < 48 || c > 57) break;
			j--;
		}
		// at 0 the whole message is one record whose `<N>` is part of the text: nothing glued
		if (j <= 0 || j === k - 1 || codeAt(text, j) !== 60 /* < */) continue;
		if (scanBracketTime(text, k + 1, glueScan)) return j;
	}
	return -1;
}

/** A record of a syslog file's or a journal's shape: a kernel line, another program's, a marker. */
function syslogOrJournal(rec: LogRecord): boolean {
	if (rec.kind === 'kernel')
		return rec.format.startsWith('syslog') || rec.format.startsWith('journal');
	return (
		rec.kind === 'skipped' &&
		(rec.reason === SKIP_OTHER_SYSLOG ||
			rec.reason === SKIP_OTHER_JOURNAL ||
			rec.reason === 'boot marker' ||
			rec.reason === 'journal marker')
	);
}

/** records held at the start of the input before U-Boot's banner may come (LineClassifier.head) */
const HEAD_HOLD = 16;

/** `rec.reason` of such a line */
export const UNPARSED_CUT_STAMP =
	'time stamp cut by a line break (its record goes on on the next line)';
/** `rec.reason` of a line's text before a NUL hole that is only the start of a time stamp */
export const UNPARSED_HOLE_STAMP = 'time stamp cut by NUL bytes (space never written)';
/** `rec.reason` of a kernel line whose time stamp is damaged by flipped bits (see cutStamp) */
export const UNPARSED_FLIPPED_STAMP = 'kernel time stamp damaged by flipped bits';
/**
 * input lines in which a line of U-Boot's own shape (UBOOT_LINE) is looked for, before the first
 * prefixed kernel line: a bound on the cost, whatever the input (U-Boot's output is tens of lines)
 */
const UBOOT_LOOK_LINES = 400;
/** a dmesg time with microseconds (`[    0.000000]`, `<6>[    1.234567]`), which U-Boot's lines have not */
const KERNEL_TIME = /^(?:<\d{1,3}>)?\[ *\d+\.\d{6}\]/;

/** what a held bare or blank record needs to be emitted later */
interface HeldRecord {
	line: number;
	kind: LogRecord['kind'];
	format: string;
	reason: string;
	text: string;
	lines: number;
}

interface PstorePart {
	counter: number;
	part: number;
	/** the wall time of its ramoops header `====…` or efi-pstore file name (epoch ms), NaN when none */
	wall: number;
	seq: number;
	lines: number[];
	texts: string[];
	/** the first character of its first timed line (`<` or `[`: its shape), 0 before it */
	form: number;
	/** the kernel time of its latest timed line, NaN before it */
	lastTs: number;
	/**
	 * the latest kernel time its lines can have, NaN when unknown: the latest kernel time of the
	 * newest part of a record of a higher counter held before it (dumped after this record), or
	 * the first kernel time of its own record's next newer part held before it (`Part2` after
	 * `Part1`: each part ends where the newer one begins)
	 */
	bound: number;
	/** the kernel time of its first timed line, NaN before it */
	firstTs: number;
	/**
	 * the message the kernel prints just before it dumps a record of this reason, for a newest part
	 * (`Part1`, which ends where the dump was taken): `---[ end trace` for an oops (oops_exit),
	 * `Kernel panic - not syncing` for a panic; '' for other parts and reasons
	 */
	marker: string;
	/** the kernel time of its latest `marker` line, NaN before it */
	dumpTs: number;
	/** the kernel's count `[#k]` of the oops whose end trace set dumpTs, 0 when not held */
	dumpOops: number;
	/**
	 * the index in `lines` of its first line held more than PSTORE_DUMP_GAP_S after dumpTs, -1
	 * when none: the next log's, unless a later oops than dumpOops's follows in the part (an
	 * earlier oops that no record holds, whose end trace was not the dump point)
	 */
	after: number;
	/** its record's next older part, held just before it (`Part2` before `Part1`), or null */
	older: PstorePart | null;
}

/**
 * Whether a line held in pstore part `p` starts another log pasted after the dump instead (see
 * holdPstore): a line of another shape than the part's (no `<N>[ts]` or `[ts]`, or the other of
 * the two), a kernel time more than a second before the part's latest (a reset) or later than
 * every line of a record dumped after the part's (PstorePart.bound), or a `Linux version` banner
 * after the part's first line. Blank lines are held. Updates the part's shape and
 * time otherwise. Runs only on held lines.
 */
function endsPstorePart(raw: string, p: PstorePart): boolean {
	const c = codeAt(raw, 0);
	if (raw.length === 0 || c === 13 /* \r */) return false;
	if (c !== 60 /* < */ && c !== 91 /* [ */) return raw.trim() !== '';
	if (p.form !== 0 && c !== p.form) return true;
	const ts = heldTs(raw);
	if (Number.isNaN(ts)) return true;
	if (ts < p.lastTs - 1 || ts > p.bound) return true;
	const text = heldTextAt(raw);
	if (!Number.isNaN(p.lastTs) && raw.startsWith('Linux version ', text)) return true;
	if (p.after === -1 && ts > p.dumpTs + PSTORE_DUMP_GAP_S) {
		// past the dump point: another log's, unless the end trace was an earlier oops's that no
		// record holds (never dumped), whose count is known: held until a later oops's header
		if (!(p.dumpOops > 0)) return true;
		p.after = p.lines.length;
	}
	if (p.after !== -1) {
		const n = OOPS_COUNT.exec(raw);
		if (n !== null && Number(n[1]) > p.dumpOops) {
			// the record's own oops: the lines held since the earlier one's end are the record's
			p.after = -1;
			p.dumpTs = NaN;
			p.dumpOops = 0;
		}
	}
	p.form = c;
	p.lastTs = ts;
	if (Number.isNaN(p.firstTs)) p.firstTs = ts;
	if (p.after === -1 && p.marker !== '' && raw.startsWith(p.marker, text)) {
		const k = reportCount(p);
		if (k >= 0) {
			p.dumpTs = ts;
			p.dumpOops = k;
		}
	}
	return false;
}

/**
 * The report that the `---[ end trace` line about to be held in an oops record's newest part `p`
 * ends: -1 when it is not the oops the record was dumped for, a WARNING's (__warn prints the same
 * marker and dumps nothing) or an earlier oops's (`[#k]` below the record's counter: pstore counts
 * its dumps, the kernel its oopses, and that oops had a record of its own); else the oops's count
 * `k`, or 0 when its header is not held (the part listed first, or cut: the dump's, as any was
 * before). Read back from the marker to the report's header, through the record's older part
 * held before it. Runs on a held oops part's `---[ end trace` lines only.
 */
function reportCount(p: PstorePart): number {
	for (let q: PstorePart | null = p; q !== null; q = q.older)
		for (let k = q.texts.length - 1; k >= 0; k--) {
			const raw = q.texts[k];
			const text = heldTextAt(raw);
			if (raw.startsWith('WARNING: ', text)) return -1;
			if (raw.startsWith('---[ end trace', text)) return 0;
			const n = OOPS_COUNT.exec(raw);
			if (n !== null) return Number(n[1]) < p.counter ? -1 : Number(n[1]);
		}
	return 0;
}

/** the kernel's count of an oops in its header (`Oops: 0002 [#1] SMP`, `Internal error: Oops: 96000004 [#2]`) */
const OOPS_COUNT = /\[#(\d+)\]/;

/** PstorePart.marker of a record's part: `reason` and `part` are its header's */
function dumpMarker(reason: string, part: number): string {
	if (part !== 1) return '';
	return reason === 'Oops'
		? '---[ end trace'
		: reason === 'Panic'
			? 'Kernel panic - not syncing'
			: '';
}

/** The kernel time of a held pstore line, `<N>[ts] …` or `[ts] …`; NaN when it has none. */
function heldTs(raw: string): number {
	const c = codeAt(raw, 0);
	const open = c === 91 /* [ */ ? 0 : c === 60 /* < */ ? raw.indexOf('[') : -1;
	const close = open === -1 || open > 5 ? -1 : raw.indexOf(']', open);
	return close === -1 ? NaN : Number(raw.slice(open + 1, close));
}

function skipSpaceAt(s: string, i: number): number {
	return codeAt(s, i) === 32 ? i + 1 : i;
}

/** Where a held line's message starts: after its `[ts]` (or `<N>[ts]`) and one space. */
function heldTextAt(raw: string): number {
	return skipSpaceAt(raw, raw.indexOf(']') + 1);
}

/**
 * The first half of ingestion: recognises each line's shape (format), strips its prefix and
 * joins multi-line entries, in input order. It keeps no per-line state beyond a bounded year
 * look-ahead and bounded pstore parts, and knows nothing of boots, reports or findings: the
 * RecordTracker does that with its records (see Ingestor).
 */
export class LineClassifier {
	private readonly rec: LogRecord = newRecord();
	private readonly erec: LogRecord = newRecord();
	private readonly ctx: FormatContext;
	private readonly maxLine: number;
	private last: LineFormat = FORMATS[0];
	private lineNo = 0;
	private bytes = 0;
	private truncatedLines = 0;
	/** year look-ahead: lines held until the year is known (null once it is) */
	private ahead: string[] | null = null;
	private aheadChars = 0;
	private yearHint: YearHint | null = null;
	/** the machine's UTC offset found in the look-ahead (an audit time or journal header beats an RTC line) */
	private clock: (ClockAnchor & { line: number }) | null = null;
	/** a line of the look-ahead starts with a local-time prefix (syslog, dmesg -T) */
	private localSeen = false;
	/** month of the latest yearless prefix in the look-ahead, and the New Years passed so far */
	private aheadMonth = -1;
	private aheadRollovers = 0;
	/** latest kernel build year seen in the look-ahead (a lower bound of the log's year), 0 if none */
	private buildYear = 0;
	/** the first kernel release named on a line with a yearless date, in the look-ahead */
	private floor: YearFloor | null = null;
	private yearSource: YearSource = 'option';
	private startYear: number;
	/** pstore parts held back to be replayed oldest first (null when none is open) */
	private pstore: PstorePart[] | null = null;
	private pstoreChars = 0;
	/**
	 * the highest counter of a record whose newest part (`Part1`) is held whole (the latest dump),
	 * and that part's latest kernel time (NaN when none): no line of an earlier record is later
	 * (PstorePart.bound)
	 */
	private pstoreTopCounter = -1;
	private pstoreTopTs = NaN;
	private pstoreSeq = 0;
	/** the latest part held of each record (by counter), to bound the next one (PstorePart.bound) */
	private pstoreLast: Map<number, PstorePart> | null = null;
	private replaying = false;
	/**
	 * the wall time of the latest ramoops header `====…` or efi-pstore file name, for the part it
	 * comes before (NaN: none)
	 */
	private dumpWall = NaN;
	private readonly onDumpTime: ((wallMs: number) => void) | undefined;
	private readonly onDumpStart: ((line: number, times: number[]) => void) | undefined;
	private readonly onDumpEnd: ((line: number, ts: number, text: string) => void) | undefined;
	private readonly onDumpReplayed: (() => void) | undefined;
	private readonly dumpHad: ((ts: number) => boolean) | undefined;
	/**
	 * a line without a kernel time that ended the wait for a dump's parts, and the untimed lines
	 * after it (a blank line, `tail`'s label, the rest of a record), at most AFTER_DUMP_HELD, held
	 * until a timed line tells whose they are (afterDumpText); `this.pstore` is then an empty
	 * list, so that the next lines come to holdPstore, and no other line does
	 */
	private afterDump: { raws: string[]; lines: number[] } | null = null;
	/**
	 * the headers (`Oops#1 Part2`) of the parts held, and each held record's reason by counter:
	 * a header held already, or a counter held with another reason, is another dump's
	 */
	private pstoreHeaders: Map<string, PstorePart> | null = null;
	private pstoreReasons: Map<number, string> | null = null;
	/**
	 * input lines with a stretch of NUL bytes inside them and text after it, and where the stretch
	 * starts (see markHole), null until the first: what comes after it is read as a line of its own
	 */
	private holes: Map<number, number> | null = null;
	/** input lines the record being processed stands for: 0 for the text after a NUL hole */
	private one = 1;
	/** inside U-Boot's output: from its banner to its hand-over to the kernel (see uboot) */
	private inUBoot = false;
	/** ...which started at a line of U-Boot's own shape, without its banner (see uboot) */
	private ubootNoBanner = false;
	/**
	 * the input's first records while they are bare text or blank lines, held back (at most
	 * HEAD_HOLD) in case U-Boot's banner follows: then they were a boot ROM's (see uboot). Null
	 * once any other record came.
	 */
	private head: HeldRecord[] | null = [];
	private readonly hrec: LogRecord = newRecord();
	/** the latest line that was only the start of a dmesg time stamp (see cutStamp) */
	private cutAt = '';
	/** the text being processed is a line's before a NUL hole (see cutStamp) */
	private beforeHole = false;

	constructor(
		private readonly out: ClassifiedSink,
		options: ClassifierOptions = {}
	) {
		this.startYear = options.year ?? DEFAULT_YEAR;
		this.ctx = newContext(this.startYear);
		if (options.year === undefined) {
			this.ahead = [];
			this.yearSource = 'placeholder';
		}
		this.maxLine = options.maxLineLength ?? DEFAULT_MAX_LINE;
		this.onDumpTime = options.onDumpTime;
		this.onDumpStart = options.onDumpStart;
		this.onDumpEnd = options.onDumpEnd;
		this.onDumpReplayed = options.onDumpReplayed;
		this.dumpHad = options.dumpHad;
	}

	get linesDone(): number {
		return this.lineNo;
	}

	/**
	 * Input line `lineNo` (not yet pushed) has a stretch of NUL bytes inside it, from index `at`,
	 * with text after it (nul.ts `holeInside`): a hole in a log file that the logger wrote on
	 * after, or space in a buffer not written. The text after the stretch was written at another
	 * time than the text before it (a crashed machine's unflushed kern.log, then the next boot's
	 * first line) and is read as a line of its own (with the same line number, counted once).
	 */
	markHole(lineNo: number, at: number): void {
		(this.holes ??= new Map()).set(lineNo, at);
	}

	/** Feed one line (without its newline). */
	pushLine(raw: string): void {
		const lineNo = ++this.lineNo;
		this.bytes += raw.length + 1;
		if (this.ahead !== null) {
			this.ahead.push(raw);
			this.aheadChars += raw.length;
			// months of yearless prefixes: a date found later in the look-ahead may lie past New Year
			const mo = codeAt(raw, 3) === 32 ? monthAt(raw, 0) : scanLocalMonth(raw);
			if (mo >= 0) {
				if (this.aheadMonth >= 0 && mo < this.aheadMonth - 5) this.aheadRollovers++;
				this.aheadMonth = mo;
			}
			if (!finalAnchor(this.clock)) {
				const a = findClockAnchor(raw);
				if (a !== null && outranks(a, this.clock)) {
					this.clock = { ...a, line: lineNo };
					// its date is the log's own: an exact year, before any message's date
					this.yearHint = { year: a.year - this.aheadRollovers, exact: true, source: 'log date' };
				}
			}
			if (!this.localSeen && (mo >= 0 || localTimePrefix(raw))) this.localSeen = true;
			let yearKnown = this.yearHint !== null && this.yearHint.exact;
			if (!yearKnown) {
				const h = findYearHint(raw);
				if (h !== null) {
					if (h.exact) this.yearHint = { ...h, year: h.year - this.aheadRollovers };
					else {
						if (this.yearHint === null) this.yearHint = h;
						// the first kernel's: a later one may run after New Year
						if (this.buildYear === 0) this.buildYear = h.year;
					}
					yearKnown = h.exact;
				}
				if (this.floor === null && mo >= 0)
					this.floor = yearFloor(raw, lineNo, this.aheadRollovers);
			}
			// local times wait for the time zone too (an audit record's time), within the same bounds
			const clockKnown = !this.localSeen || finalAnchor(this.clock);
			if (
				(yearKnown && clockKnown) ||
				this.ahead.length >= YEAR_LOOKAHEAD_LINES ||
				this.aheadChars >= YEAR_LOOKAHEAD_CHARS
			)
				this.releaseAhead();
			return;
		}
		this.process(raw, lineNo);
	}

	/** End of input: release held lines and the open entry. */
	finish(): ClassifierSummary {
		this.releaseAhead();
		this.endPstore();
		this.finishEntry();
		this.releaseHead(false);
		return {
			lines: this.lineNo,
			bytes: this.bytes,
			truncatedLines: this.truncatedLines,
			maxLine: this.maxLine,
			usedYear: this.ctx.usedYear,
			yearSource: this.yearSource,
			startYear: this.startYear,
			endYear: this.ctx.year,
			seenPrefixed: this.ctx.seenPrefixed,
			localOffset: this.clock,
			usedLocalTime: this.ctx.usedLocalTime,
			yearFloor: this.yearSource === 'kernel release' ? this.floor : null
		};
	}

	private releaseAhead(): void {
		const lines = this.ahead;
		if (lines === null) return;
		this.ahead = null;
		const hint = this.yearHint;
		if (hint !== null) {
			// the first kernel of the log was built that year: the log's dates cannot be earlier (a
			// date in a message, such as a firmware's, is not always the log's; a clock anchor is)
			const late = this.clock === null && this.buildYear > hint.year;
			this.ctx.year = late ? this.buildYear : hint.year;
			this.yearSource = late ? 'build date' : hint.source;
		}
		// without a date of the log's own, the year is at least the one in which the kernel that a
		// line names can have been running since that line's boot began
		const f = this.floor;
		if (f !== null && (hint === null || !hint.exact)) {
			const y = floorYear(f);
			if (y > this.ctx.year) {
				this.ctx.year = y;
				this.yearSource = 'kernel release';
			}
		}
		this.startYear = this.ctx.year;
		if (this.clock !== null) this.ctx.localOffsetMs = this.clock.offsetMs;
		const first = this.lineNo - lines.length + 1;
		for (let k = 0; k < lines.length; k++) this.process(lines[k], first + k);
	}

	private process(raw: string, lineNo: number): void {
		if (this.pstore !== null && !this.replaying) {
			this.holdPstore(raw, lineNo);
			return;
		}
		const rec = this.rec;
		resetRecord(rec, lineNo);
		const ctx = this.ctx;
		if (raw === WRAPPED_REST) {
			// joined to the line before (a wrapped log, see paste.ts): counted here
			rec.kind = 'skipped';
			rec.reason = SKIP_WRAPPED;
			this.emit(rec, this.one);
			return;
		}
		if (raw.length === 0) {
			if (ctx.entry !== null && this.classifyEntry(raw, rec)) return;
			rec.kind = 'skipped';
			rec.reason = SKIP_BLANK;
			this.emit(rec, this.one);
			return;
		}
		const at = this.holes !== null && ctx.entry === null ? this.holes.get(lineNo) : undefined;
		if (at !== undefined) {
			(this.holes as Map<number, number>).delete(lineNo);
			this.beforeHole = true;
			this.process(raw.slice(0, at), lineNo);
			this.beforeHole = false;
			// a multi-line entry cut by the hole ends there: what it held after it is lost
			this.finishEntry();
			// the text after the hole (it starts with the stretch, which is dropped below)
			const one = this.one;
			this.one = 0;
			this.process(raw.slice(at), lineNo);
			this.one = one;
			// a multi-line entry opened after the hole counts its lines itself: not this one again
			const opened = ctx.entry as Entry | null;
			if (opened !== null && opened.lines > 0) opened.lines--;
			return;
		}
		let line = raw;
		// a line that starts with NUL or holds an escape: one call for both, so that the first of
		// them makes this function's optimised code be thrown away, not each (a call or property
		// read first met far into a log throws it away; a call few lines reach is not inlined)
		if ((codeAt(raw, 0) === 0 && ctx.entry === null) || raw.indexOf('\x1b') !== -1) {
			const cut = this.unusualLine(raw, rec);
			if (cut === null) return;
			line = cut;
		} else if (line.length > this.maxLine) {
			line = line.slice(0, this.maxLine);
			this.truncatedLines++;
		}
		if (ctx.foreignSection && !line.startsWith('------ ')) {
			rec.kind = 'skipped';
			rec.reason = SKIP_FOREIGN_SECTION;
			this.emit(rec, this.one);
			return;
		}
		if (ctx.entry !== null && this.classifyEntry(line, rec)) return;
		if (ctx.compressedLeft > 0 && this.compressedBody(line, rec)) return;
		const c0 = codeAt(line, 0);
		// U-Boot's banner, or a Qualcomm boot log's header or GRUB's menu at the input's start
		// (uboot). `head` is read first: read only for lines starting with F or a space, it had
		// been a read that optimised code met for the first time (and was thrown away for)
		if (
			(this.inUBoot ||
				c0 === 85 /* U */ ||
				(this.head !== null && (c0 === 70 /* F */ || c0 === 32)) /* space */ ||
				(lineNo <= UBOOT_LOOK_LINES && !ctx.seenPrefixed)) &&
			this.uboot(line, rec, lineNo)
		)
			return;
		this.classify(line, rec);
		if (rec.reason === ENTRY_LINE) {
			if (ctx.entry !== null && ctx.entry.done) this.finishEntry();
			return;
		}
		// a kernel record with another glued to it, or a line without a prefix: one call for both
		// (see unusualLine)
		let plain = -1;
		let odd: boolean;
		if (rec.kind === 'kernel') {
			// a dmesg time glued after the text is found once, here, and split from in emitGlued
			// (gluedTimeAt tells of a `>[` too)
			if (rec.format === 'dmesg') {
				plain = gluedTimeAt(rec.text);
				odd = plain >= 0;
			} else odd = rec.text.indexOf('>[') !== -1;
		} else odd = rec.reason === NO_PREFIX;
		if (odd) this.emitUnusual(line, rec, plain);
		else this.emit(rec, this.one);
		if (rec.format === 'pstore') {
			if (rec.reason === SKIP_PSTORE_FILE) {
				// an efi-pstore file's name holds its dump's time, before its `Panic#1 Part1` line
				if (!Number.isNaN(rec.wall)) this.dumpWall = rec.wall;
			} else if (rec.reason === 'pstore record header') {
				// ramoops's in-memory header comes before its record's `Panic#1 Part1` line
				if (codeAt(rec.text, 0) === 61 /* = */) this.dumpWall = rec.wall;
				else if (!this.replaying) this.startPstore(rec.text);
			}
		}
	}

	/**
	 * The start of `process` for a line that starts with NUL (outside a journal export entry) or
	 * holds an escape: the line to classify, cut to the longest line kept, or null when it was
	 * emitted here.
	 */
	private unusualLine(raw: string, rec: LogRecord): string | null {
		let line = raw;
		if (codeAt(raw, 0) === 0 && this.ctx.entry === null) {
			// a stretch of NUL bytes never written (see nul.ts), then what the logger wrote after
			// it: the stretch is counted by the ingestor, the text is read as if it were alone on
			// its line (before the length cut: a hole may be longer than a line may be). Not inside
			// a journal export entry, whose binary fields start with their length in 8 bytes.
			const k = nulRunEnd(raw, 0);
			if (k >= MIN_RUN) {
				if (k === raw.length) {
					rec.kind = 'unparsed';
					rec.reason = UNPARSED_NUL;
					this.emit(rec, this.one);
					return null;
				}
				line = raw.slice(k);
			}
		}
		if (line.length > this.maxLine) {
			line = line.slice(0, this.maxLine);
			this.truncatedLines++;
		}
		if (line.indexOf('\x1b') !== -1) line = stripAnsi(line);
		return line;
	}

	/** The end of `process` for a kernel record with another glued to it or a line without a prefix. */
	private emitUnusual(line: string, rec: LogRecord, plain: number): void {
		if (rec.kind === 'kernel') this.emitGlued(rec, plain);
		else {
			if (rec.reason === NO_PREFIX) this.cutStamp(line, rec);
			this.emit(rec, this.one);
		}
	}

	/**
	 * A dmesg record broken inside its time stamp (`[    1.4700`, then `85] exFAT: Core Version
	 * 1.2.4` on the next line: a capture or a copy that cut the line there; also the raw form,
	 * `<6>[    1.47` then `0085] …`, whose two parts had stayed unparsed), in a log whose other
	 * lines have a prefix: the first part is unparsed UNPARSED_CUT_STAMP, and the line after it,
	 * when the two read as one dmesg record, is that record (its time whole). Both parts had been
	 * unparsed NO_PREFIX text. A line whose dmesg time stamp is damaged by flipped bits
	 * (bitflips.ts `flippedStamp`: `[    4/500400]`, `[    8.319615}`) is unparsed
	 * UNPARSED_FLIPPED_STAMP: it had been counted as a line without a prefix. Such a start of a
	 * time before a NUL hole (`<4>[    7.`, then NUL bytes: the hole took the record's rest) is
	 * unparsed UNPARSED_HOLE_STAMP and not joined. Runs only for such
	 * unparsed lines (`rec`, changed in place).
	 */
	private cutStamp(line: string, rec: LogRecord): void {
		const c0 = codeAt(line, 0);
		if ((c0 === 91 /* [ */ || c0 === 60) /* < */ && CUT_STAMP.test(line)) {
			// before a NUL hole the record does not go on on the next line: the hole took its rest
			if (this.beforeHole) {
				rec.reason = UNPARSED_HOLE_STAMP;
				return;
			}
			rec.reason = UNPARSED_CUT_STAMP;
			this.cutAt = line;
			return;
		}
		// a kernel line whose time stamp flipped bits damaged (`[    4/500400]`): it has a prefix
		if (flippedStamp(line) !== null) {
			rec.reason = UNPARSED_FLIPPED_STAMP;
			return;
		}
		const ctx = this.ctx;
		if (
			ctx.prevReason !== UNPARSED_CUT_STAMP ||
			!((c0 >= 48 && c0 <= 57) || c0 === 46 || c0 === 93)
		)
			return;
		const joined = this.cutAt + line;
		resetRecord(rec, rec.line);
		if (dmesgFormat.parse(joined, rec, ctx) && rec.kind === 'kernel' && !Number.isNaN(rec.ts))
			return;
		resetRecord(rec, rec.line);
		rec.kind = 'unparsed';
		rec.reason = NO_PREFIX;
		rec.text = line;
	}

	/**
	 * A line of a compressed ramoops record's body that the decoder did not inflate (lz4, lzo, 842,
	 * zstd: see ramoops.ts), up to the next pstore line or as many characters as a body may have:
	 * unparsed UNPARSED_COMPRESSED, in no boot, not analysed (lz4 keeps much of the text as it
	 * was, whose fragments would read as kernel lines). True when the line was emitted.
	 */
	private compressedBody(line: string, rec: LogRecord): boolean {
		const ctx = this.ctx;
		if (
			(codeAt(line, 0) === 61 /* = */ && RAMOOPS_HEADER.test(line)) ||
			PSTORE_HEADER.test(line) ||
			!Number.isNaN(efiDumpTime(line))
		) {
			ctx.compressedLeft = 0;
			return false;
		}
		// the body's first line is binary (lz4's first token, zstd's magic...): text there is no
		// compressed body but a record's text after a header that kept its `C`
		if (ctx.compressedLeft === MAX_BODY && !BINARY_CHAR.test(line)) {
			ctx.compressedLeft = 0;
			return false;
		}
		ctx.compressedLeft = Math.max(0, ctx.compressedLeft - line.length - 1);
		rec.kind = 'unparsed';
		rec.reason = UNPARSED_COMPRESSED;
		rec.text = line;
		this.emit(rec, this.one);
		return true;
	}

	/**
	 * U-Boot's output, from its banner (`U-Boot SPL 2022.10ky (…)`) to its hand-over (`Starting
	 * kernel ...`), is the bootloader's whatever its shape: unparsed `bootloader output`, in no
	 * boot and not analysed. So is a Qualcomm phone's serial capture from the header of its boot
	 * log (SBL1's `Format: Log Type - Time(microsec) - Message`, then LK's `[0] welcome to lk`) to
	 * LK's `[3640] booting linux @ 0x8000, …`, when the header starts the input (before any
	 * prefixed line: later, in a last_kmsg, the XBL/ABL lines are recognised one by one), and a
	 * capture that starts with GRUB's menu (`    GNU GRUB  version 2.02`, its box, `Booting
	 * \`21_0_0_169'`) up to the kernel's first line. Its lines may carry times of its own (`[   0.918] CPU:   rv64imafdcv`),
	 * which would otherwise read as the kernel's. A kernel line ends it too, should the hand-over
	 * not be printed (`EFI stub: Booting Linux Kernel...`, a `Linux version` banner). Blank lines
	 * stay blank. A capture that starts after U-Boot's banner is known by U-Boot's own lines
	 * (UBOOT_LINE: `Scanning disk sdhci@780000.blk...`, `DRAM:  2 GiB`), looked for in the input's
	 * first UBOOT_LOOK_LINES lines before the kernel's first prefixed line; its output then ends
	 * at the kernel's first line, also one with a dmesg time (`[    0.000000] …`, the kernel's, not
	 * U-Boot's `[   0.918]`), or any `EFI stub: ` line. True when the line was emitted.
	 */
	private uboot(line: string, rec: LogRecord, lineNo: number): boolean {
		if (!this.inUBoot) {
			const banner =
				(codeAt(line, 0) === 85 /* U */ && UBOOT_BANNER.test(line)) ||
				(this.head !== null && BOOT_MENU_LOG.test(line));
			if (
				!banner &&
				!(lineNo <= UBOOT_LOOK_LINES && !this.ctx.seenPrefixed && UBOOT_LINE.test(line))
			)
				return false;
			this.inUBoot = true;
			this.ubootNoBanner = !banner;
			// what came before the banner at the start of the input was a boot ROM's (`sys: 0x200`);
			// before a line of U-Boot's own, the capture began after the banner and the boot ROM:
			// the held lines stay what they were
			if (this.head !== null && !this.ctx.seenPrefixed) this.releaseHead(banner);
		} else if (
			line.indexOf('Linux version ') !== -1 ||
			line.indexOf('Booting Linux') !== -1 ||
			line.startsWith('EFI stub: ') ||
			(this.ubootNoBanner && KERNEL_TIME.test(line))
		) {
			this.inUBoot = false;
			return false;
		}
		if (BOOTLOADER_HANDOFF.test(line)) this.inUBoot = false;
		rec.kind = 'unparsed';
		rec.reason = UNPARSED_BOOTLOADER;
		rec.text = line;
		this.emit(rec, this.one);
		return true;
	}

	/**
	 * A kernel record whose text holds another raw record, `<N>[    2.678117] msg` (a KERN_CONT
	 * line or a line without its newline, and the next record glued to it): each embedded record
	 * is emitted as a record of its own with the same line number (the line is counted with the
	 * first). Only a `<N>` right before a dmesg time counts; other text is emitted as it is. In a
	 * dmesg line (`[ts] msg`) a time glued after the text counts without its `<N>` too
	 * (gluedTimeAt).
	 */
	private emitGlued(rec: LogRecord, firstPlain: number): void {
		let lines = this.one;
		// the first text's glued time is the caller's (found once per line); later texts' are searched
		let plain = firstPlain;
		for (;;) {
			const text = rec.text;
			const raw = gluedRecordAt(text);
			const at = plain > 0 && (raw < 0 || plain < raw) ? plain : raw;
			if (at < 0) break;
			rec.text = text.slice(0, at);
			this.emit(rec, lines);
			lines = 0;
			resetRecord(rec, rec.line);
			// dmesg claims every `<N>[ts]` line as a kernel record
			dmesgFormat.parse(text.slice(at), rec, this.ctx);
			plain = rec.format === 'dmesg' ? gluedTimeAt(rec.text) : -1;
		}
		this.emit(rec, lines);
	}

	/** Offer a line to the open multi-line entry; false (entry flushed) when it is not part of it. */
	private classifyEntry(line: string, rec: LogRecord): boolean {
		const e = this.ctx.entry as Entry;
		const f = FORMAT_BY_ID.get(e.format);
		if (f !== undefined && f.parse(line, rec, this.ctx) && rec.reason === ENTRY_LINE) {
			if (e.done) this.finishEntry();
			return true;
		}
		this.finishEntry();
		resetRecord(rec, rec.line);
		return false;
	}

	/** A multi-line entry ended: count its lines and emit its record. */
	private finishEntry(): void {
		const e = this.ctx.entry;
		if (e === null) return;
		this.ctx.entry = null;
		const r = this.erec;
		resetRecord(r, e.msgLine > 0 ? e.msgLine : this.lineNo);
		r.format = e.format;
		if (!e.kernel) {
			r.kind = 'skipped';
			r.reason = SKIP_OTHER_JOURNAL;
			// a user-space OOM killer's entry (or systemd's about an oomd kill) is analysed too
			r.program = entryProgram(e);
			if (r.program !== '') {
				r.text = e.text;
				r.ts = entryTs(e);
				r.wall = e.wall;
				r.host = e.host;
			}
		} else if (!e.hasText) {
			r.kind = 'skipped';
			r.reason = 'entry without a message';
		} else {
			r.kind = 'kernel';
			r.text = e.text;
			r.ts = entryTs(e);
			r.wall = e.wall;
			r.level = e.level;
			r.caller = e.caller;
			r.host = e.host;
		}
		this.emit(r, e.lines);
	}

	private classify(line: string, rec: LogRecord): void {
		if (this.last.parse(line, rec, this.ctx)) return;
		for (const f of FORMATS) {
			if (f === this.last) continue;
			resetRecord(rec, rec.line);
			if (f.parse(line, rec, this.ctx)) {
				if (rec.kind === 'kernel' && f.id !== 'bare' && f.id !== 'console') this.last = f;
				return;
			}
		}
		// bare claims every line, so this is unreachable; keep accounting honest anyway
		rec.kind = 'unparsed';
		rec.reason = 'unknown shape';
	}

	private emit(rec: LogRecord, lines: number): void {
		const ctx = this.ctx;
		const kind = rec.kind;
		if (kind === 'kernel') {
			if (rec.format !== 'bare') ctx.seenPrefixed = true;
			// older util-linux dmesg prints the rest of a record unprefixed; it never prints caller
			// ids, which only consoles show, where unprefixed lines are other programs' output
			ctx.openRecord = dmesgShaped(rec.format) && rec.caller === '' ? rec.text : null;
			ctx.unprefixedRun = false;
			ctx.foreign = '';
		} else if (kind !== 'continuation') ctx.openRecord = null;
		ctx.prevKind = kind;
		ctx.prevReason = rec.reason;
		if (this.head !== null && this.holdHead(rec, lines)) return;
		this.out(rec, lines, ctx.bootId);
	}

	/**
	 * Hold the input's first bare or blank records (see head); false, after emitting those held,
	 * for the first other record or once HEAD_HOLD are held.
	 */
	private holdHead(rec: LogRecord, lines: number): boolean {
		const head = this.head as HeldRecord[];
		const bare = rec.kind === 'kernel' && rec.format === 'bare';
		if ((bare || rec.reason === SKIP_BLANK) && head.length < HEAD_HOLD) {
			const { line, kind, format, reason, text } = rec;
			head.push({ line, kind, format, reason, text, lines });
			return true;
		}
		this.releaseHead(false, syslogOrJournal(rec), rec.kind === 'kernel' && rec.format !== 'bare');
		return false;
	}

	/**
	 * Emit the held records (see head) as they were, or as bootloader output (blank lines stay
	 * blank). Before a syslog file's or a journal's first line (`foreign`), they are unprefixed
	 * text in a prefixed log, not kernel lines: the rest of a line the copy cut (`0:33 hpPav
	 * systemd[1]: Unmounted …`), a `...` that the user typed. Read as bare kernel lines, they had
	 * opened a boot 0 of their own before the journal's `-- Boot … --` marker or banner. Outside a
	 * bootloader's output, a shell's prompt and the command typed after it (`$ dmesg`, `[alice@host1
	 * ~]$ dmesg`: isShellLine) is skipped SKIP_SHELL. Before a kernel line with a prefix
	 * (`prefixed`), trinity's output (`[child1:446] …`, `[watchdog] …`: isTrinityLine) and the
	 * unprefixed lines after it are another program's, unparsed NO_PREFIX as they are after the
	 * kernel's first line (a line before it may be the rest of a record the copy cut and stays).
	 */
	private releaseHead(bootloader: boolean, foreign = false, prefixed = false): void {
		const head = this.head;
		if (head === null) return;
		this.head = null;
		const r = this.hrec;
		let program = false;
		for (const h of head) {
			resetRecord(r, h.line);
			const blank = h.kind !== 'kernel';
			const shell = !blank && !bootloader && isShellLine(h.text);
			// dmesg's or journalctl's refusal to read the log, pasted for it (formats/refused.ts)
			const refused = blank || bootloader || shell ? null : refusalReason(h.text);
			if (!blank && prefixed && !program && isTrinityLine(h.text)) program = true;
			const other = (bootloader || foreign || program) && !blank && !shell && refused === null;
			r.kind = shell || refused !== null ? 'skipped' : other ? 'unparsed' : h.kind;
			r.format = shell || refused !== null || other ? '' : h.format;
			r.reason = shell
				? SKIP_SHELL
				: refused !== null
					? refused
					: other
						? bootloader
							? UNPARSED_BOOTLOADER
							: NO_PREFIX
						: h.reason;
			r.text = h.text;
			this.out(r, h.lines, this.ctx.bootId);
		}
	}

	// --- pstore: parts of a record come newest first; hold them and replay oldest first ---

	private startPstore(header: string): void {
		if (this.pstore === null) this.pstore = [];
		const m = PSTORE_HEADER.exec(header);
		const counter = m ? Number(m[2]) : 0;
		const q = this.pstore.length > 0 ? this.pstore[this.pstore.length - 1] : null;
		// the part before is whole now: a record's newest part (Part1) ends where it was dumped
		if (
			q !== null &&
			q.part === 1 &&
			q.counter > this.pstoreTopCounter &&
			!Number.isNaN(q.lastTs)
		) {
			this.pstoreTopCounter = q.counter;
			this.pstoreTopTs = q.lastTs;
		}
		let bound = counter < this.pstoreTopCounter ? this.pstoreTopTs : NaN;
		const part = m ? Number(m[3]) : 0;
		// parts of a record in ascending order (`Part1`, `Part2`…, as `/sys/fs/pstore/dmesg-efi-*`
		// lists them): this part's text ends where the newer part held before it begins
		const last = (this.pstoreLast ??= new Map()).get(counter);
		if (
			last !== undefined &&
			last.part === part - 1 &&
			!Number.isNaN(last.firstTs) &&
			!(bound <= last.firstTs)
		)
			bound = last.firstTs;
		const p: PstorePart = {
			counter,
			part,
			wall: this.dumpWall,
			seq: this.pstoreSeq++,
			lines: [],
			texts: [],
			form: 0,
			lastTs: NaN,
			bound,
			firstTs: NaN,
			marker: m ? dumpMarker(m[1], part) : '',
			dumpTs: NaN,
			dumpOops: 0,
			after: -1,
			older: last !== undefined && last.part === part + 1 ? last : null
		};
		this.pstore.push(p);
		this.pstoreLast.set(counter, p);
		if (m !== null) {
			(this.pstoreHeaders ??= new Map()).set(header, p);
			(this.pstoreReasons ??= new Map()).set(counter, m[1]);
		}
		this.pstoreChars += PSTORE_PART_COST;
		this.dumpWall = NaN;
	}

	/**
	 * Whether part header `header` (`Oops#1 Part2`) opens another dump than the one held: its part
	 * is held already, with lines (the same record's part again: a second dump's, another
	 * machine's or the same files listed twice; a header without text repeated is not), or its
	 * counter is held with another reason (`Oops#1` held, then
	 * `Panic#1`). A dump's own records have counters of their own, each part once (startPstore
	 * notes them). Runs on held part headers only.
	 */
	private anotherDump(header: string): boolean {
		if ((this.pstoreHeaders?.get(header)?.lines.length ?? 0) > 0) return true;
		const m = PSTORE_HEADER.exec(header);
		const held = m === null ? undefined : this.pstoreReasons?.get(Number(m[2]));
		return held !== undefined && held !== m?.[1];
	}

	private holdPstore(raw: string, lineNo: number): void {
		const held = this.afterDump;
		if (held !== null) {
			if (held.raws.length < AFTER_DUMP_HELD && Number.isNaN(heldTs(raw))) {
				held.raws.push(raw);
				held.lines.push(lineNo);
			} else this.afterDumpText(raw, lineNo);
			return;
		}
		const parts = this.pstore as PstorePart[];
		const h = raw.indexOf('#');
		const header = h > 3 && h < 10 && PSTORE_HEADER.test(raw);
		if (header || pstoreLabel(raw)) {
			// a part's header, ramoops's header or a pstore file's name (`dmesg-efi-…:`, `==> … <==`),
			// of the next record's part: not a line of the part before. It counts against the
			// budget as a held line does (a paste of headers alone would open parts without end)
			if (parts[parts.length - 1].after !== -1) {
				// after lines past the dump point: they were another log's, and this header too
				this.endPstore();
				this.process(raw, lineNo);
				return;
			}
			this.pstoreChars += raw.length + 16;
			if (this.pstoreChars > PSTORE_BUDGET_CHARS || (header && this.anotherDump(raw))) {
				// the parts held so far are replayed; the header is read as if none were held (the
				// first of another dump's, which is held and replayed on its own)
				this.flushPstore();
				this.process(raw, lineNo);
				return;
			}
			// count the header now, then open its part
			this.replaying = true;
			this.process(raw, lineNo);
			this.replaying = false;
			if (header) this.startPstore(raw);
			return;
		}
		const p = parts[parts.length - 1];
		const full = p.lines.length >= PSTORE_PART_LINES || this.pstoreChars > PSTORE_BUDGET_CHARS;
		if (full || endsPstorePart(raw, p)) {
			// longer than any pstore part, or another log's first line (a paste of several logs):
			// the record is over, the rest of the input is not in it
			const pending = p.after !== -1;
			this.endPstore();
			const ts = heldTs(raw);
			if (pending || full || !Number.isNaN(ts)) {
				if (!pending && !full) this.dumpEnded(lineNo, raw, ts);
				this.process(raw, lineNo);
				return;
			}
			// a line without a kernel time, held until the next line tells whose it is
			if (this.pstore === null && this.dumpHad !== undefined) {
				this.afterDump = { raws: [raw], lines: [lineNo] };
				this.pstore = [];
			} else this.textAfterDump(raw, lineNo);
			return;
		}
		p.lines.push(lineNo);
		p.texts.push(raw);
		this.pstoreChars += raw.length + 16;
	}

	/**
	 * Replay the held parts (flushPstore). The lines held after the last part's dump point that no
	 * later oops of the record claimed (PstorePart.after) are then read as the next log's, the
	 * first of them as the line that ended the wait.
	 */
	private endPstore(): void {
		// the input ended after untimed lines that ended the wait: read now, they may open another
		// dump's parts, which are then replayed here (and its untimed lines after it held again)
		while (this.afterDump !== null) this.afterDumpText(null, 0);
		const parts = this.pstore;
		const p = parts === null ? undefined : parts[parts.length - 1];
		if (p === undefined || p.after === -1) {
			this.flushPstore();
			return;
		}
		const lines = p.lines.splice(p.after);
		const texts = p.texts.splice(p.after);
		this.flushPstore();
		this.dumpEnded(lines[0], texts[0], heldTs(texts[0]));
		for (let k = 0; k < lines.length; k++) this.process(texts[k], lines[k]);
	}

	/**
	 * A line without a kernel time that ended the wait for a dump's parts: unprefixed text after
	 * the dump (a user's notes, a prompt) is none of its records' (formats/bare.ts), up to the next
	 * kernel record; another log's line (a syslog's, a journal's) is read as it is.
	 */
	private textAfterDump(raw: string, lineNo: number): void {
		const ctx = this.ctx;
		ctx.foreign = UNPARSED_AFTER_DUMP;
		this.process(raw, lineNo);
		if (
			ctx.foreign === UNPARSED_AFTER_DUMP &&
			ctx.prevReason !== UNPARSED_AFTER_DUMP &&
			ctx.prevReason !== SKIP_SHELL &&
			ctx.prevReason !== SKIP_PSTORE_FILE
		)
			ctx.foreign = '';
	}

	/**
	 * The line after the untimed ones that ended the wait for a dump's parts (held in afterDump):
	 * a timed line, a line past AFTER_DUMP_HELD, or null at the input's end. When its kernel time
	 * is one of the dump's, they are the console of the boot the dump holds (pstore's
	 * console-ramoops, its ring cut inside a record, then the records the dump holds too, at the
	 * same times; after a blank line and `tail`'s label of its file or not): the untimed lines are
	 * the rest of that cut record, text of the dump's boot, and the console goes on in that boot,
	 * as one whose first line is whole does (the tracker keeps a time of the dump's in its boot).
	 * Otherwise the first is text after the dump, another log's, as it was.
	 */
	private afterDumpText(raw: string | null, lineNo: number): void {
		const held = this.afterDump as { raws: string[]; lines: number[] };
		this.afterDump = null;
		this.pstore = null;
		const ts = raw === null ? NaN : heldTs(raw);
		let k = 0;
		if (Number.isNaN(ts) || !(this.dumpHad as (ts: number) => boolean)(ts)) {
			this.textAfterDump(held.raws[0], held.lines[0]);
			k = 1;
		}
		for (; k < held.raws.length; k++) this.process(held.raws[k], held.lines[k]);
		if (raw !== null) this.process(raw, lineNo);
	}

	/** Input line `line`, held line `raw` with kernel time `ts`, ended the wait for a dump's parts. */
	private dumpEnded(line: number, raw: string, ts: number): void {
		if (this.onDumpEnd !== undefined) this.onDumpEnd(line, ts, raw.slice(heldTextAt(raw)));
	}

	private flushPstore(): void {
		const parts = this.pstore;
		if (parts === null) return;
		this.pstore = null;
		this.pstoreChars = 0;
		this.pstoreTopCounter = -1;
		this.pstoreTopTs = NaN;
		this.pstoreLast = null;
		this.pstoreHeaders = null;
		this.pstoreReasons = null;
		// oldest first: records by counter, each record's parts from the highest number down
		parts.sort((a, b) => a.counter - b.counter || b.part - a.part || a.seq - b.seq);
		const first = parts.find((p) => p.lines.length > 0);
		if (first !== undefined && this.onDumpStart !== undefined) {
			// the dump's kernel times, for the tracker to tell whether it is the boot before it
			const times: number[] = [];
			for (const p of parts)
				for (const raw of p.texts) {
					const ts = heldTs(raw);
					if (!Number.isNaN(ts)) times.push(ts);
				}
			this.onDumpStart(first.lines[0], times);
		}
		this.replaying = true;
		// a later record (a panic dumped after an oops) repeats much of the earlier one: its timed
		// lines already replayed are counted but not analysed again
		const earlier = new Set<string>();
		let current: string[] = [];
		let counter = parts.length > 0 ? parts[0].counter : 0;
		for (const p of parts) {
			if (p.counter !== counter) {
				for (const t of current) earlier.add(t);
				current = [];
				counter = p.counter;
			}
			for (let k = 0; k < p.lines.length; k++) {
				const raw = p.texts[k];
				if (!timedLine(raw)) this.process(raw, p.lines[k]);
				else if (earlier.has(raw)) this.skipRepeat(p.lines[k]);
				else {
					current.push(raw);
					this.process(raw, p.lines[k]);
				}
			}
			// the newest part ends where the dump was taken: its header's time pairs with the
			// kernel time of its last message
			if (p.part === 1 && !Number.isNaN(p.wall) && this.onDumpTime !== undefined)
				this.onDumpTime(p.wall);
		}
		this.replaying = false;
		if (first !== undefined && this.onDumpReplayed !== undefined) this.onDumpReplayed();
	}

	/** A line of a pstore record that an earlier record already held. */
	private skipRepeat(lineNo: number): void {
		const rec = this.rec;
		resetRecord(rec, lineNo);
		rec.kind = 'skipped';
		rec.format = 'pstore';
		rec.reason = SKIP_PSTORE_REPEAT;
		this.emit(rec, 1);
	}
}
