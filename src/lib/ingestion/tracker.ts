import type { ErrorBlock } from '../models/error-block.ts';
import { copyRecord, type LogRecord } from '../models/log-record.ts';
import type {
	AssumedYear,
	Boot,
	Calibration,
	InputSummary,
	LogMetadata
} from '../models/metadata.ts';
import { isoFromMs } from '../util/time.ts';
import { BlockAssembler } from './blocks/assembler.ts';
import type { ClassifierSummary } from './classifier.ts';
import { bannerBuilder, identityRelease, MetadataCollector } from './metadata.ts';
import { UNPARSED_NUL } from './nul.ts';
import { UNPARSED_COMPRESSED } from './ramoops.ts';
import { BOOTLOADER_HANDOFF, UNPARSED_AFTER_DUMP, UNPARSED_BOOTLOADER } from './formats/index.ts';
import { NO_PREFIX } from './formats/bare.ts';
import { refusalNote, SKIP_DMESG_REFUSED, SKIP_JOURNAL_REFUSED } from './formats/refused.ts';
import { bannerBuildYear, namedRelease, releaseFloorMs } from './year.ts';
import { startupMonotonic } from './clock.ts';
import {
	SKIP_BLANK,
	SKIP_OTHER_JOURNAL,
	SKIP_OTHER_SYSLOG,
	SKIP_PSTORE_REPEAT
} from './formats/types.ts';
import { bootEndNote, endedOnPurpose, type BootEndFacts } from './boot-end.ts';
import { codeAt, detach } from '../util/text.ts';

/**
 * Receives the ingestor's output as it streams. `record` gets a reused object: copy what you
 * keep. `hint` is the pipeline's trigger scan of the record's text, or -1 when none was made.
 */
export interface IngestSink {
	record(rec: LogRecord, hint: number): void;
	block(block: ErrorBlock): void;
	/**
	 * A skipped line of a user-space program whose messages are analysed too (`rec.program`, a
	 * user-space OOM killer, systemd's line about a systemd-oomd kill), with the boot it falls in.
	 * It is counted as skipped, as any other program's line, and is not a kernel record: no boot,
	 * metadata, calibration or report.
	 */
	program?(rec: LogRecord, boot: number): void;
}

export interface IngestSummary {
	input: InputSummary;
	metadata: LogMetadata;
	/**
	 * Wall-clock time (epoch ms) of a kernel time in a boot, from the calibration segment that
	 * covers it (suspends split a boot into segments with their own offsets); null when no
	 * anchor covers that time. Not part of the report: the analyzer uses it for occurrences.
	 */
	wallClock: (boot: number, ts: number) => number | null;
	/**
	 * the input is text but none of it reads as kernel messages: only unprefixed lines, none shaped
	 * like one (see KERNELISH), no banner. Without findings the report says no kernel log was found.
	 */
	notKernel: boolean;
}

/**
 * An unprefixed line shaped like a kernel message: a subsystem or device prefix within its first
 * six words (`usb 1-1: new device`, `EXT4-fs (sda1): mounted`, `Memory: 16 GiB`), whose device
 * name may hold colons (`iwlwifi 0000:00:14.3: `, `rtw_8821cs mmc3:0001:1: `, `usb 1-1:1.0: `:
 * an excerpt of such lines had been no kernel log), or a bracketed tag (`[drm] Initialized`). A
 * web server's or a program's log pasted by mistake has none.
 */
const KERNELISH = /^(?:\[[^\]\s]{1,40}\] |[^\s:]{1,60}(?: \S{1,60}){0,5}: )/;
/**
 * An unprefixed input reads as kernel messages when at least this share of its lines is shaped
 * like one (KERNELISH; 0.57 in the median of the corpus's dmesg logs without their timestamps),
 * or when a kernel report opens in it (a crash excerpt is mostly trace lines). Prose has a few
 * such lines (`Note: …`, a list of `name: value`): 1% of a Markdown list of log sources, 10-13%
 * of this project's own docs, which had been read as a healthy kernel log.
 */
const KERNELISH_SHARE = 0.2;
/** bare lines tested against KERNELISH at most: the share is that of the input's first lines */
const KERNELISH_SAMPLE = 5000;

/** hint bit: the text holds a literal that can open a kernel report (blocks/headers.ts) */
export const HINT_HEADER = 1;

/**
 * Timestamp reset (concatenated dmesg): the monotonic time drops by more than RESET_SLACK_S to
 * below RESET_MAX_S, and lands near the start of a boot (below RESET_NEAR_ZERO_S) or below
 * RESET_FRACTION of the time before. A smaller step back (31.2 s then 29.6 s inside an oops) is
 * out-of-order printing, as is one record whose time is off (the time then goes back to where it
 * was before it) or whose time is the one before with one digit of its seconds lowered (a
 * bit-flipped ramoops console: `[   08.292019]` right after `[   28.291777]`, see digitLowered);
 * an empty record (`[    0.000000] `) never resets.
 *
 * A drop to RESET_MAX_S or later is a reset too when it is larger than RESET_MAX_S and the record
 * comes from the same source as the one before (the same host, or none: dmesg shapes carry
 * none): two `dmesg | tail` excerpts of different boots pasted one after the other, the second
 * starting at 500 s after the first ended at 9000 s. The same guards hold (one record off, a
 * lowered digit, an empty record). A log server's file interleaves the kernel lines of several
 * machines, each with its own time: a late drop to another host's line is not a reboot. Consoles
 * of several machines interleaved without a host look the same (syzkaller's report 346: 560.713 s,
 * then 3481.239 s four lines, 438.400 s, 560.714 s, 3481.240 s, 560.719 s...): their time jumps
 * forward by more than RESET_MAX_S where another machine's lines break in, and back where they
 * end. A late drop is no reset within LATE_JUMP_RECORDS records of such a jump, nor when it
 * resumes the time the jump left (within RESET_SLACK_S of where that time would be now, had it
 * run on as the lines since the jump did). Nor is a drop to the exact time of one of the boot's
 * last RECENT_TS timed records: the same records again, an excerpt of the same boot pasted twice
 * (`dmesg`, then `dmesg | tail`).
 */
const RESET_SLACK_S = 1;
/**
 * SHAPE_CHANGE: two logs pasted one after the other (`journalctl -k` of one machine, then another's
 * `dmesg`, which has no banner when its ring buffer wrapped or the paste is an excerpt) are two
 * boots although nothing resets. Where the lines' format changes (never per line of a run, see
 * countFormat), a record with a kernel time starts a boot (reason `shape-change`) when the boot's
 * kernel lines so far had a prefix time and no kernel time and the record repeats none of the last
 * RECENT_TEXTS of them (a dmesg excerpt of the same boot pasted after its journal repeats its
 * records), or when both have kernel times, one shape names a host and the other none, and the
 * time goes back without being a reset or the time of one of the boot's recent records. The
 * reverse, a dmesg then a journal without kernel times, is another log when the journal's first
 * kernel record is none of the dmesg's last lines, or its second none of those after the first's
 * (see journalAfterDmesg); so is a kern.log with
 * kernel times after a dmesg whose time it goes on from, unless its host built the dmesg's kernel,
 * its time goes on closely or its prefix agrees with the dmesg's wall clock (see
 * syslogAfterDmesg). When the dmesg names its machine (systemd's `Set hostname`), the host decides
 * for both, when the lines name one (namedHostDiffers).
 */
const RECENT_TEXTS = 4096;
/** otherLog's answer when the next record decides (see journalAfterDmesg) */
const HOLD = 'hold';
/**
 * A journal's first two kernel records after a dmesg are the dmesg's boot when the second is one
 * of the JOIN_AFTER dmesg messages after one of the (last JOIN_PLACES) places of the first
 */
const JOIN_AFTER = 8;
const JOIN_PLACES = 64;
/**
 * OTHER_KERNEL: two dmesg excerpts pasted one after the other, the second of another machine or
 * boot whose time lies more than RESET_MAX_S past the first's (lkp's `dmesg-007`: a QEMU guest's
 * oops at 41 s, a blank line, then a DX58SO board's WARNING at 1457 s), had been one boot, named
 * after the first's kernel and machine. Nothing resets and the shape is the same; only the second's
 * oops says so, naming another kernel release, which one boot cannot run. Where a dmesg's time
 * jumps forward by more than RESET_MAX_S in a boot whose kernel is known (its banner, an oops
 * line), the records from the jump on are held (heldJump, not passed on) until one names a
 * kernel: another release starts a boot at the jump (reason `shape-change`, with a note), the same
 * release, HELD_MAX records without one, or any other line (unparsed, skipped but blank, another
 * format, another program's line or a boot marker, the input's end) pass them on in the boot as
 * before. Nothing is added per line but one
 * comparison of the time, which track makes anyway.
 */
const HELD_MAX = 64;

/**
 * A message's fingerprint: its length and nine of its characters spread over it (the first and
 * the last among them), in one 32-bit number; nine reads a record, where a hash of every character
 * would cost a pass over each message. Two messages of one fingerprint are the same message but
 * for the characters between those read: for a journal of another machine, that its first record
 * is one of the dmesg's recent messages is as likely as it is with the texts themselves (common
 * messages are the same on every machine).
 */
function textPrint(s: string): number {
	const n = s.length;
	let h = n;
	for (let k = 0; k < 8; k++) h = (Math.imul(h, 31) + codeAt(s, (k * n) >> 3)) | 0;
	return (Math.imul(h, 31) + codeAt(s, n - 1)) | 0;
}
/**
 * The host in a `Linux version` banner's builder, `Linux version 6.7.0-rc2+ (alice@host1) (gcc …`:
 * `host1`, lower case ('' when the banner names none).
 */
function builderHost(banner: string): string {
	const b = bannerBuilder(banner);
	return b === null ? '' : banner.slice(b.at + 1, b.close).toLowerCase();
}

/** Whether two host names name one machine (`host1.lan`, `host1`); `builder` is lower case. */
function sameHost(builder: string, host: string): boolean {
	const h = host.toLowerCase();
	if (builder === h) return true;
	const b = builder.indexOf('.') === -1 ? builder : builder.slice(0, builder.indexOf('.'));
	const s = h.indexOf('.') === -1 ? h : h.slice(0, h.indexOf('.'));
	return b !== '' && b === s;
}

/**
 * A kern.log after a dmesg (see syslogAfterDmesg) is the same boot's when its first kernel time is
 * at most this much (s) after the dmesg's last: another machine's log lands there by chance about
 * once in its uptime's seconds.
 */
const CONTINUE_S = 1;
/**
 * ...or when its prefix time less its kernel time lies within this far (ms) before or after the
 * offset the dmesg's own anchors give (an RTC line's, to the second; audit records'): a syslog
 * prefix is the receipt time (late by a second or two; an NTP correction of an RTC's drift moves
 * it by a second or two either way). With quarter hours for the time zone, another machine's
 * kern.log agrees by chance about once in 70.
 */
const SAME_CLOCK_BEFORE_MS = 3000;
const SAME_CLOCK_AFTER_MS = 10_000;
/** notes on such boots kept at most */
const MAX_SHAPE_NOTES = 5;
export const RESET_MAX_S = 60;
const LATE_JUMP_RECORDS = 10;
const RECENT_TS = 4096;
export const RESET_NEAR_ZERO_S = 2;
const RESET_FRACTION = 0.5;
/**
 * A time that, with one digit of its whole seconds raised, lands this close after the time before
 * (s: from a little before it, for records of other CPUs, to just after it) is that time with a
 * corrupted digit. A real reset lands there by chance about once in a few hundred.
 */
const DIGIT_BEFORE_S = 0.002;
const DIGIT_AFTER_S = 0.01;
/** a last boot that stops within this many seconds and records of its banner ends early */
const EARLY_END_S = 1;
const EARLY_END_RECORDS = 40;
/** records a boot may print before its `Linux version` banner (`Booting Linux on physical CPU`...) */
const PRE_BANNER_LINES = 30;
/**
 * ...and, in a log without kernel times, how far apart their prefix times may be (ms, either
 * way): they are printed in the same instant and read together, so a kernel line logged longer
 * before the banner is a boot before it (a syslog file: `PM: suspend entry (deep)`, then 17 days
 * later the next boot's banner). With kernel times the reset of the time tells.
 */
const PRE_BANNER_WALL_MS = 60_000;
/**
 * What a kernel prints first, before its banner, at its boot's start only (arm64's and arm's CPU
 * line, old kernels' first early cgroup): after an excerpt (see AFTER_BANNER) it starts the next
 * boot, whose banner follows. (x86's `microcode: … updated early` is not: a CPU brought up later
 * prints it too.)
 */
function bootOpener(text: string, c0: number): boolean {
	if (c0 === 66 /* B */) return text.startsWith('Booting Linux on physical CPU');
	return c0 === 73 /* I */ && text === 'Initializing cgroup subsys cpuset';
}
/**
 * Kernel messages printed only after the kernel's `Linux version` banner (its command line, the
 * machine's firmware tables, memory and CPU setup): a boot that printed one before a banner is
 * another boot's excerpt, not the lines some architectures print before it (arm64's `Booting
 * Linux on physical CPU`, old kernels' `Initializing cgroup subsys`, x86's early `microcode:`,
 * EFI's stub, powerpc's `dt-cpu-ftrs:` and MMU lines), none of which is here. Also what start_kernel
 * prints after setting the architecture up (the IOMMU's `DMAR:`, `x2apic enabled`, `smpboot:`,
 * `rcu:`, `clocksource:`, ftrace's, the console's) and a driver's line about its device by bus
 * address (`pci 0000:00:02.0: `, `usb 1-1.2: `, `sd 0:0:0:0: `): an untimed excerpt of such lines,
 * then a dmesg's start, had been counted in that dmesg's boot, named after its kernel.
 */
const AFTER_BANNER =
	/^(?:(?:Kernel )?[Cc]ommand line: |Machine model: |DMI: |BIOS-e820: |BIOS-provided physical RAM map|e820: |x86\/fpu: |Hypervisor detected: |Zone ranges:|Memory: |OF: fdt: |ACPI: |efi: |Calibrating delay loop|pid_max: |Dentry cache hash table|Mount-cache hash table|NR_IRQS|DMAR(?:-IR)?: |x2apic enabled|Switched APIC routing|ftrace: allocating|Freeing SMP alternatives|smpboot: |rcu: |clocksource: |Console: colour|NET: Registered|PCI: |pci_bus |[a-z][\w-]* (?:[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]|\d+-\d+(?:\.\d+)*|\d+:\d+:\d+:\d+): )/;
/**
 * a segment's last anchors (from this many to twice as many) whose smallest offset is its clock
 * at its end (see Segment.tailMin)
 */
const TAIL_ANCHORS = 16;
/** anchors kept per calibration segment (the smallest offsets) */
const ANCHOR_KEEP = 5;
/**
 * An anchor whose offset (wall - ts) is this far from its segment's (ms, either way) is a step of
 * the wall clock (NTP setting a Raspberry Pi's saved clock 3 days forward), not a reading delay:
 * it starts a new segment. Receipt delays of syslog/journal prefixes are seconds.
 */
const CLOCK_STEP_MS = 5 * 60_000;
/**
 * A step by a whole number of quarter hours (within this, ms; at most 14 h) is a change of the
 * time zone of the prefix, not of the clock (HiSilicon `[2019:06:11 05:34:42]` prefixes turn from
 * UTC to local time when Android sets the zone): it stays in the segment, whose smallest offset
 * is kept as before.
 */
const ZONE_STEP_SLACK_MS = 3000;
const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_ZONE_MS = 14 * 3600_000 + ZONE_STEP_SLACK_MS;

/**
 * An open segment's offset so far (ms) from its best anchor, NaN without one: Android's suspend
 * markers (to the nanosecond), else the smallest prefix offset, else the largest audit record's
 * (cut to the millisecond: half of it added).
 */
function openOffset(s: Segment): number {
	if (s.markN > 0) return s.markBest[0];
	if (s.n > 0) return s.best[0];
	return s.auditN > 0 ? s.auditBest[0] + AUDIT_HALF_RES_MS : NaN;
}

/**
 * Keeps offset `v` among a segment's ANCHOR_KEEP best, `best` sorted best first (the smallest
 * first, or the largest when `largest`: audit records and suspend markers read the clock before
 * the print); returns its place there, -1 when it is not among them.
 */
function keepBest(best: number[], v: number, largest: boolean): number {
	const n = best.length;
	if (n === ANCHOR_KEEP && (largest ? v <= best[n - 1] : v >= best[n - 1])) return -1;
	let k = n < ANCHOR_KEEP ? n : ANCHOR_KEEP - 1;
	best[k] = v;
	while (k > 0 && (largest ? best[k - 1] < best[k] : best[k - 1] > best[k])) {
		const t = best[k - 1];
		best[k - 1] = best[k];
		best[k] = t;
		k--;
	}
	return k;
}

/** Is a step of the wall-clock offset by `d` ms a step of the clock (not a reading delay or zone)? */
function clockStep(d: number): boolean {
	// every operation runs on every call: one first run at the input's first clock step had
	// thrown away the optimised code of `track`, which inlines this. `r` is `a % QUARTER_HOUR_MS`
	// wherever it counts (a step of at most MAX_ZONE_MS: 56 quarter hours at most, and a quotient
	// rounded up to a whole number leaves a remainder of about 0 or a quarter hour, outside the
	// zone's either way), without the remainder's library call; the quotient is capped so that
	// its product stays a small integer
	const a = Math.abs(d);
	const r = a - Math.min(Math.trunc(a / QUARTER_HOUR_MS), 64) * QUARTER_HOUR_MS;
	const zone = +(r > ZONE_STEP_SLACK_MS) & +(r < QUARTER_HOUR_MS - ZONE_STEP_SLACK_MS);
	return (+(a > CLOCK_STEP_MS) & (+(a > MAX_ZONE_MS) | zone)) === 1;
}

/** `audit: type=1400 audit(1659620117.999:2):`, `type=1400 audit(…)`: type, seconds, milliseconds */
const AUDIT_RECORD = /^(?:audit: )?type=(\d{4}) audit\((\d{9,11})\.(\d{3}):\d+\)/;
/** Android's `PM: suspend entry|exit 2018-02-10 01:51:45.756292225 UTC` (see pmAnchor) */
const PM_MARKER_TIME =
	/^PM: suspend (?:entry|exit) (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{9}) UTC$/;
/** audit times before this year are a clock never set (the kernel's build year, when known, is later) */
const MIN_AUDIT_YEAR = 2000;
/**
 * half the resolution of an audit time: it is the coarse real-time clock, which advances once a
 * scheduler tick (1-10 ms)
 */
const AUDIT_HALF_RES_MS = 5;

/**
 * formats whose wall times util-linux dmesg computed from the boot time and the kernel time
 * (dmesg -T, -e, --time-format iso): right after the last resume only (dmesg(1) on -T)
 */
const DMESG_CLOCK_TIMES = new Set(['dmesg-ctime', 'dmesg-reltime', 'dmesg-iso']);

/** Why a calibration segment starts or ends. */
type SegmentEdge = 'boot' | 'resume' | 'suspend' | 'clock step' | 'end';

/**
 * One stretch of monotonic time with a constant wall-clock offset (a boot, split by suspends and
 * steps of the wall clock).
 */
interface Segment {
	boot: number;
	index: number;
	fromTs: number;
	toTs: number;
	from: SegmentEdge;
	to: SegmentEdge;
	/** smallest offsets seen (ms), ascending; half the anchor's resolution already added */
	best: number[];
	/** resolution/2 of the anchor that gave best[0] */
	halfRes: number;
	n: number;
	sources: Set<string>;
	/** audit records' offsets (ms), largest first, and their count: used when n is 0 */
	auditBest: number[];
	auditN: number;
	/**
	 * the smallest offset of the segment's last TAIL_ANCHORS to 2 * TAIL_ANCHORS - 1 anchors: the
	 * current run's (tailN anchors so far) and the run's before it (Infinity when none). Above
	 * best[0] by more than the resolution, the clock was stepped forward since (see finish).
	 */
	tailMin: number;
	tailPrevMin: number;
	tailN: number;
	/**
	 * the latest prefix anchor's wall time (epoch ms, NaN before one), and the smallest offset the
	 * segment had when a prefix's wall time went back from it (-Infinity when none): the clock was
	 * stepped back there, and the smallest offset since, the later clock's, below it (see finish)
	 */
	lastWall: number;
	backFrom: number;
	/**
	 * offsets (ms), largest first, of Android's `PM: suspend entry/exit … UTC` lines and their
	 * count (see pmAnchor): when present they give the segment's offset
	 */
	markBest: number[];
	markN: number;
	/**
	 * the boot's start (epoch ms, half the prefix's resolution added) from systemd's `Startup
	 * finished` line, NaN when none: used when there is no other anchor (see startupAnchor)
	 */
	startup: number;
	startupHalfRes: number;
}

/**
 * The second half of ingestion: takes the LineClassifier's records in input order and counts
 * them, splits boots, collects metadata and calibration anchors, and assembles error blocks.
 * Memory does not grow with the input: only counters, metadata and open blocks are kept.
 */
export class RecordTracker {
	private readonly blocks: BlockAssembler;
	private readonly metaCollector = new MetadataCollector();
	private formats: Record<string, number> = {};
	private unparsed: Record<string, number> = {};
	private skipped: Record<string, number> = {};
	private linesUnparsed = 0;
	private linesSkipped = 0;
	private boots: Boot[] = [];
	private boot = 0;
	private bootRecords = 0;
	/**
	 * the current boot, in its first records and before any banner, printed what a kernel prints
	 * only after its banner (AFTER_BANNER): an excerpt that a banner after it is not the start of
	 */
	private pastBannerStart = false;
	/** the host that built the current boot's kernel (its banner's `(user@host)`), '' if none */
	private bannerHost = '';
	/** a `Linux version` banner was seen in the current boot */
	private bannerSeen = false;
	/** kernel records of the boot from its banner on, its line, and the last record's text */
	private sinceBanner = 0;
	private bannerLine = 0;
	private lastText = '';
	/** the year the current boot's kernel was built (from its banner), 0 when unknown */
	private buildYear = 0;
	/** the first RTC time not used because it is before its kernel's build year */
	private rtcRejected: {
		line: number;
		time: string;
		buildYear: number;
		release: { name: string; floorMs: number } | null;
	} | null = null;
	/** the first kernel release the current boot names (banner or oops line) and when it could first run */
	private release: { name: string; floorMs: number } | null = null;
	/** the current boot, without a banner yet, printed a bootloader's hand-over to the kernel */
	private handoff = false;
	private bootId = '';
	/**
	 * boot 0 has no line yet: its first line is that of its first record or of the marker that
	 * names it (header lines before, such as another program's lines in a journal, are in no boot)
	 */
	private firstPending = true;
	/** time of the latest timed, non-empty kernel record of the boot, and of the one before it */
	private lastTs = NaN;
	private beforeLastTs = NaN;
	/** host of the record that gave lastTs ('' for shapes without one) */
	private lastTsHost = '';
	/**
	 * the latest jump of the time forward by more than RESET_MAX_S: bootRecords there (-1: none),
	 * the time it left and the time it landed on (see RESET_MAX_S)
	 */
	private jumpAt = -1;
	private jumpFrom = NaN;
	private jumpTo = NaN;
	/** the times of the boot's last RECENT_TS timed records (a ring), and how many it holds */
	private readonly recentTs = new Float64Array(RECENT_TS);
	private recentN = 0;
	/**
	 * the texts of the boot's last RECENT_TEXTS records with a prefix time and no kernel time (a
	 * ring), and a spare slot past it that the timed ones are written to (see track)
	 */
	private readonly recentText: string[] = new Array<string>(RECENT_TEXTS + 1).fill('');
	private recentTextN = 0;
	/**
	 * the fingerprints (textPrint) of the boot's last RECENT_TEXTS records with a kernel time and
	 * no prefix time (a dmesg): a ring of numbers, not of texts. Keeping a dmesg's texts (each a
	 * view that keeps its decoded window alive) had cost 15-20 MB of peak memory and 10% of the
	 * time on logs of short repeated lines (100,000 watchdog messages: 93 -> 109 MB, 0.65 ->
	 * 0.73 s)
	 */
	private readonly recentPrint = new Int32Array(RECENT_TEXTS);
	private recentPrintN = 0;
	/** prefix time (epoch ms) of the boot's latest kernel record that had one */
	private lastWall = NaN;
	/** prefix time (epoch ms) of the boot's first kernel record that had one */
	private bootWall = NaN;
	/** kernel time of the boot's first timed record (see boot-end.ts) */
	private firstTs = NaN;
	/** prefix times of the boot's first and latest lines of any program, and whether other programs' lines were in it */
	private firstAnyWall = NaN;
	private lastAnyWall = NaN;
	private programsInBoot = false;
	/** the kernel started user space in the boot (`Run /init as init process`, `Freeing unused kernel …`) */
	private initSeen = false;
	/** the end (epoch ms) the journal's header names (`-- Logs begin at …, end at …. --`), NaN if none */
	private journalEnd = NaN;
	/** notes on boots that stopped early while the log goes on (boot-end.ts) */
	private bootEndNotes: string[] = [];
	/**
	 * boot 0's last kernel line announced its end (a reboot, power-off, kexec or panic), or it
	 * printed a crash report that ends a boot: the next boot is a reboot's (see ring.ts)
	 */
	firstBootEnded = false;
	/** notes on boots started by another log pasted after the one before (SHAPE_CHANGE) */
	private shapeNotes: string[] = [];
	/**
	 * the notes that name boots (bootEndNotes, shapeNotes, the last boot's end), each with what
	 * writes it again with the boots renumbered (see renumberNotes)
	 */
	private readonly bootNotes = new Map<string, (to: (boot: number) => number) => string>();
	/**
	 * a journal's first kernel record after a dmesg whose message is one of the dmesg's recent
	 * ones, held until the journal's next kernel record tells whether the journal is the dmesg's
	 * boot (see journalAfterDmesg); null when none is held
	 */
	private joinHeld: { rec: LogRecord; hint: number; bootId: string; at: number[] } | null = null;
	/**
	 * the records held from a forward jump of a dmesg's time (see OTHER_KERNEL), the kernel the
	 * boot ran and the time before the jump; null when none are held
	 */
	private held: { recs: LogRecord[]; hints: number[]; kernel: string; from: number } | null = null;
	/** the last input line held so (its records are passed on again, not held twice) */
	private heldUpTo = 0;
	/** host name of the latest kernel record with a prefix time (the initrd's may differ) */
	private kernelHost = '';
	private prevTs = NaN;
	private prevCaller = '';
	private segments: Segment[] = [];
	private seg: Segment | null = null;
	private suspended = false;
	private kernelLines = 0;
	/** an unprefixed kernel line shaped like a kernel message was seen (see KERNELISH) */
	/** non-blank bare lines tested against KERNELISH, and how many matched (see KERNELISH_SHARE) */
	private bareTested = 0;
	private bareKernelish = 0;
	/** kernel reports (error blocks) found */
	private reports = 0;
	private droppedMessages = 0;
	/** line of the last resume printed with a time dmesg computed (DMESG_CLOCK_TIMES), 0 if none */
	private humanResume = 0;

	constructor(private readonly sink: IngestSink) {
		this.blocks = new BlockAssembler((b) => {
			this.reports++;
			sink.block(b);
		});
		this.boots.push(this.newBoot(0, 1, 'start', null));
	}

	/**
	 * Count `lines` input lines for a classified record and pass kernel records on (the
	 * LineClassifier's output, see ClassifiedSink).
	 */
	dispatch(rec: LogRecord, lines: number, bootId: string, hint: number): void {
		// skipped and unparsed records are methods of their own: a call met by few of the lines
		// is not inlined, so this per-line function stays small when V8 compiles it again (see
		// ARCHITECTURE.md, Memory and speed)
		switch (rec.kind) {
			case 'skipped':
				this.skippedRecord(rec, lines);
				return;
			case 'unparsed':
				if (this.unparsedRecord(rec, lines, hint)) break;
				return;
			case 'continuation':
				this.countFormat(rec.format, lines);
				rec.ts = this.prevTs;
				rec.caller = this.prevCaller;
				break;
			default:
				// a pstore dump's record again (its boot's console after it): counted once, its
				// time and line its boot's still, not analysed again
				if (this.dumpCopy !== null && this.copyOfDump(rec, lines)) {
					this.track(rec);
					return;
				}
				// lines per format, counted in runs (see countFormat): the same format line after
				// line costs no map update; a record held there (joinHeld) is passed on later
				if (lines !== 0 && rec.format === this.runFormat) this.runLines += lines;
				else if (this.countFormat(rec.format, lines, rec, hint, bootId)) return;
				this.kernelRecord(rec, bootId);
		}
		this.pass(rec, hint);
	}

	/** Count a skipped record (see dispatch): another program's line, a blank line, a marker. */
	private skippedRecord(rec: LogRecord, lines: number): void {
		// records held at a dmesg's jump go on before another program's line or a boot's marker
		if (this.held !== null && (rec.program !== '' || rec.reason === 'boot marker'))
			this.releaseHeld(null);
		this.linesSkipped += lines;
		this.count(this.skipped, rec.reason, lines);
		if (rec.program !== '') this.sink.program?.(rec, this.boot);
		if (rec.reason === SKIP_OTHER_SYSLOG || rec.reason === SKIP_OTHER_JOURNAL) {
			// another program's line: the boot went on as long as they do (boot-end.ts)
			if (!Number.isNaN(rec.wall) && !this.firstPending) {
				if (Number.isNaN(this.firstAnyWall)) this.firstAnyWall = rec.wall;
				this.lastAnyWall = rec.wall;
				this.programsInBoot = true;
			}
			// systemd's `Startup finished in …` (a cheap first-character test before the rest)
			if (codeAt(rec.text, 0) === 83 /* S */) this.startupAnchor(rec);
		} else if (rec.reason !== SKIP_BLANK) this.skippedMarker(rec);
	}

	/** A journal's or a boot's marker, or printk's count of dropped messages (see skippedRecord). */
	private skippedMarker(rec: LogRecord): void {
		if (rec.reason === 'journal marker') {
			if (!Number.isNaN(rec.wall)) this.journalEnd = rec.wall;
		} else if (rec.reason === 'boot marker') {
			if (this.joinHeld !== null) this.releaseJoin(null);
			this.startBoot('marker', rec.line, rec.text || null);
			if (rec.text !== '') this.bootId = rec.text;
		} else if (rec.reason === 'printk marker') {
			const n = /^\*\* (\d+) printk messages dropped/.exec(rec.text);
			if (n) this.droppedMessages += Number(n[1]);
		}
	}

	/**
	 * Count an unparsed record (see dispatch); true when it is passed on as a kernel record is
	 * (text after a pstore dump, a line without a prefix).
	 */
	private unparsedRecord(rec: LogRecord, lines: number, hint: number): boolean {
		if (this.joinHeld !== null) this.releaseJoin(null);
		if (this.held !== null) this.releaseHeld(null);
		this.linesUnparsed += lines;
		this.count(this.unparsed, rec.reason, lines);
		// not kernel text: in no boot, not analysed (a bootloader's log after a restart has
		// its own messages, whose words would read as the kernel's)
		if (rec.reason === UNPARSED_BOOTLOADER) {
			// U-Boot's last words before the kernel of the same boot (see handoff), when the
			// boot had no kernel yet (no banner, no time: at most a boot ROM's bare lines)
			if (!this.bannerSeen && Number.isNaN(this.lastTs) && BOOTLOADER_HANDOFF.test(rec.text))
				this.handoff = true;
			return false;
		}
		if (
			rec.reason === UNPARSED_NUL ||
			rec.reason.startsWith('binary') ||
			rec.reason === UNPARSED_COMPRESSED
		)
			return false;
		if (rec.reason === UNPARSED_AFTER_DUMP) {
			// unprefixed text after a pstore dump: another log (a report copied without its
			// times, a user's notes), a boot of its own from its first line, still analysed
			if (this.bootRecords > 0) {
				this.pastedLog(
					rec.line,
					'text without kernel prefixes after a pstore dump, whose records all have one'
				);
			}
			return true;
		}
		// perhaps the rest of the timed record just before it, inside an open report: the
		// report takes it when its next timed line follows (blocks/assembler.ts restOf); it
		// had been read in a context of its own and left out of the report. It keeps no time.
		if (
			rec.reason === NO_PREFIX &&
			!Number.isNaN(this.prevTs) &&
			this.blocks.restOf(this.prevCaller === '' ? 'console' : this.prevCaller, rec.line, rec.text)
		) {
			this.track(rec);
			this.sink.record(rec, hint);
			return false;
		}
		return true;
	}

	/** What a kernel record counts for, before it is tracked and passed on (see dispatch). */
	private kernelRecord(rec: LogRecord, bootId: string): void {
		this.kernelLines++;
		if (rec.format === 'bare' && this.bareTested < KERNELISH_SAMPLE && rec.text !== '') {
			this.bareTested++;
			if (KERNELISH.test(rec.text)) this.bareKernelish++;
		}
		if (bootId !== '' && bootId !== this.bootId) {
			this.startBoot('boot-id', rec.line, bootId);
			this.bootId = bootId;
		}
	}

	/** Track a record in its boot and pass it on to the sink and the block assembler. */
	private pass(rec: LogRecord, hint: number): void {
		// a dmesg's time jumped forward: perhaps another log (see OTHER_KERNEL)
		if ((this.held !== null || rec.ts > this.lastTs + RESET_MAX_S) && this.heldJump(rec, hint))
			return;
		this.track(rec);
		this.sink.record(rec, hint);
		const ctxId = Number.isNaN(rec.ts) ? '' : rec.caller === '' ? 'console' : rec.caller;
		this.blocks.push(
			rec.line,
			rec.text,
			rec.ts,
			ctxId,
			rec.boot,
			hint < 0 || (hint & HINT_HEADER) !== 0,
			rec.wall
		);
	}

	/**
	 * The input's last boot printed its banner and then stops within its first second: a capture
	 * cut short, or a kernel that hung or lost its console early (a serial log of a board that
	 * does not come up). Null otherwise, and when the boot printed a panic or an oops: its report
	 * says why the messages stop.
	 */
	private earlyEnd(): string | null {
		if (
			!this.bannerSeen ||
			this.sinceBanner > EARLY_END_RECORDS ||
			!(this.lastTs < EARLY_END_S) ||
			this.blocks.crashPrinted
		)
			return null;
		const bootcon = /^printk: (?:bootconsole|legacy bootconsole) \[[^\]]*\] enabled/.test(
			this.lastText
		);
		return (
			`The kernel's messages stop ${this.lastTs.toFixed(6)} s after it started, ${this.sinceBanner} line${this.sinceBanner === 1 ? '' : 's'} from its banner at line ${this.bannerLine}: the capture ended there, or the kernel hung or lost its console this early.` +
			(bootcon
				? ' The last line enables the early boot console: a kernel that goes quiet there has often moved its output to the console that `console=` names (another port, or a display), or hung before that console started; boot with `keep_bootcon` and check `console=` to tell which.'
				: ' If the machine did not come up, boot with `earlycon` and `keep_bootcon` to see how far it gets.')
		);
	}

	/**
	 * The note on the current boot when it stopped early while the log goes on past it
	 * (boot-end.ts): `next` is the boot that follows it, null for the log's last boot.
	 */
	private bootEnd(next: number | null): string | null {
		const b = this.boots[this.boot];
		const facts: BootEndFacts = {
			index: b.index,
			firstLine: b.first_line,
			lastLine: b.last_line,
			banner: this.bannerSeen,
			firstTs: this.firstTs,
			lastTs: this.lastTs,
			firstWall: this.firstAnyWall,
			lastWall: this.lastAnyWall,
			programs: this.programsInBoot,
			init: this.initSeen,
			lastText: this.lastText,
			crash: this.blocks.crashPrinted
		};
		const journalEnd = this.journalEnd;
		const note = bootEndNote(facts, next, journalEnd);
		if (note !== null)
			this.bootNotes.set(
				note,
				(to) =>
					bootEndNote(
						{ ...facts, index: to(facts.index) },
						next === null ? null : to(next),
						journalEnd
					) as string
			);
		return note;
	}

	/**
	 * Write again, in `warnings`, the notes of the tracker that name boots (a boot that stops
	 * early, another log pasted), with each boot `b` they name now `to(b)`: a wrapped ring buffer's
	 * oldest part, found only at the end (ring.ts), is counted in the boot before it and the boots
	 * after it move down by one. The notes are found by their text as the tracker wrote them, not
	 * by their words, and come out in the same words.
	 */
	renumberNotes(warnings: string[], to: (boot: number) => number): void {
		for (let i = 0; i < warnings.length; i++) {
			const again = this.bootNotes.get(warnings[i]);
			if (again !== undefined) warnings[i] = again(to);
		}
	}

	/** Boots, timestamps, metadata and calibration anchors for a kernel record. */
	private track(rec: LogRecord): void {
		const ts = rec.ts;
		if (rec.kind === 'kernel') {
			const text = rec.text;
			// a banner or a time gone back: a method of its own, called, not inlined (see dispatch)
			const c0 = codeAt(text, 0);
			if (
				ts < this.lastTs - RESET_SLACK_S ||
				(c0 === 76 /* L */ && text.startsWith('Linux version ')) ||
				((c0 === 66 || c0 === 73) /* B, I */ && bootOpener(text, c0))
			)
				this.bannerOrReset(rec);
			this.sinceBanner++;
			if (text.length > 0) this.lastText = text;
			// user space started: `Run /sbin/init as init process`, `Freeing unused kernel memory`
			// (the tests and the store run for every line starting with R or F: a call or store that
			// only the first such line reached had thrown the optimised code of `track` away)
			if (!this.initSeen) {
				if (c0 === 82 /* R */)
					this.initSeen = (+text.startsWith('Run /') & +text.endsWith(' as init process')) === 1;
				else if (c0 === 70 /* F */) this.initSeen = text.startsWith('Freeing unused kernel');
			}
			if (this.release === null) {
				const r = namedRelease(text);
				const floorMs = r === null ? 0 : releaseFloorMs(r);
				if (r !== null && floorMs > 0) this.release = { name: r, floorMs };
			}
			if (!Number.isNaN(rec.wall)) {
				// an untimed journal's texts, for a dmesg pasted after it (see SHAPE_CHANGE)
				// (stored by every such record, the others in a spare slot past the ring: a store only
				// an untimed record reached had thrown the optimised code of `track` away)
				const untimed = +Number.isNaN(ts);
				const n = this.recentTextN;
				const slot = n & (RECENT_TEXTS - 1);
				this.recentText[untimed === 1 ? slot : RECENT_TEXTS] = text;
				this.recentTextN = n + untimed;
				this.lastWall = rec.wall;
				this.kernelHost = rec.host;
				if (Number.isNaN(this.bootWall)) this.bootWall = rec.wall;
				if (Number.isNaN(this.firstAnyWall)) this.firstAnyWall = rec.wall;
				this.lastAnyWall = rec.wall;
			}
			if (!Number.isNaN(ts) && text.length > 0) {
				const lastTs = this.lastTs;
				if (Number.isNaN(lastTs)) this.firstTs = ts;
				// (stored by every timed record, the same values unless the time jumped: stores only
				// the input's first jump reached had thrown the optimised code of `track` away; so had
				// reads only a jump reached, so the values it stores are read by every timed record)
				const records = this.bootRecords;
				const jump = ts > lastTs + RESET_MAX_S;
				this.jumpAt = jump ? records : this.jumpAt;
				this.jumpFrom = jump ? lastTs : this.jumpFrom;
				this.jumpTo = jump ? ts : this.jumpTo;
				this.beforeLastTs = lastTs;
				this.lastTs = ts;
				this.lastTsHost = rec.host;
				this.recentTs[this.recentN++ & (RECENT_TS - 1)] = ts;
				// a dmesg's texts, for a journal excerpt of its boot pasted after it (see SHAPE_CHANGE)
				if (Number.isNaN(rec.wall))
					this.recentPrint[this.recentPrintN++ & (RECENT_TEXTS - 1)] = textPrint(text);
			}
			this.prevTs = ts;
			this.prevCaller = rec.caller;
			this.bootRecords++;
			// what came before a banner (see bannerOrReset): only while one may still come
			if (this.bootRecords <= PRE_BANNER_LINES && !this.bannerSeen && !this.pastBannerStart)
				this.pastBannerStart = AFTER_BANNER.test(text);
			if (c0 === 80 /* P */ && text.startsWith('PM: ')) this.suspendMarker(text, ts, rec);
			if (!Number.isNaN(ts) && !Number.isNaN(rec.wall)) {
				if (!this.suspended) {
					// prefixes from ctime/iso dmesg are exact to the second; syslog/journal ones are
					// receipt times (late by the reading delay)
					const res = rec.wall % 1000 === 0 ? 1000 : 1;
					this.anchor(rec.wall - ts * 1000, res, rec.format, ts, rec.wall);
				}
			} else if (
				// `rtc_cmos 00:02: setting system clock to …`, but the device may be any RTC's
				// (`s2m-rtc s2m-rtc:`, `qcom,qpnp-rtc qpnp-rtc-8:`): by the `)` that ends the line
				codeAt(text, text.length - 1) === 41 /* ) */ &&
				text.indexOf('setting system clock to ') !== -1
			)
				this.rtcAnchor(rec);
			if (
				// `audit: type=1400 audit(…)`, `type=1400 audit(…)`: a cheap test before the pattern;
				// with a prefix time too, where they check the prefixes' clock (see finish)
				(c0 === 97 || c0 === 116) /* a, t */ &&
				!Number.isNaN(ts) &&
				(text.startsWith('audit: type=') || text.startsWith('type='))
			)
				this.auditAnchor(text, ts);
		}
		if (!this.bannerSeen && !this.handoff) {
			// a bootloader's last words before the kernel of the same boot (serial captures)
			const c = codeAt(rec.text, 0);
			// (stored whenever tested: a store only the hand-off reached had thrown the optimised
			// code of `track` away)
			if (c === 83 || c === 98 || c === 74 || c === 91)
				this.handoff = BOOTLOADER_HANDOFF.test(rec.text);
		}
		rec.boot = this.boot;
		const b = this.boots[this.boot];
		if (this.firstPending) {
			this.firstPending = false;
			b.first_line = rec.line;
		} else if (rec.line < b.first_line) b.first_line = rec.line;
		if (rec.line > b.last_line) b.last_line = rec.line;
		this.metaCollector.observe(rec.text, this.boot);
	}

	/** A kernel record that is a banner or whose time went back (see track): a new boot? */
	private bannerOrReset(rec: LogRecord): void {
		const ts = rec.ts;
		const text = rec.text;
		const banner = text.startsWith('Linux version ');
		// what came before it in the boot is no kernel's start before its banner: another boot's
		// lines (a banner of its own, more than 30 records, a message printed only after a banner,
		// a time past this one's, a prefix time more than a minute off), a cut excerpt among them
		const before =
			this.bootRecords > 0 &&
			!(ts > 5) &&
			(this.bannerSeen ||
				this.bootRecords > PRE_BANNER_LINES ||
				this.pastBannerStart ||
				this.lastTs > ts ||
				(Number.isNaN(ts) && Math.abs(rec.wall - this.lastWall) > PRE_BANNER_WALL_MS));
		// (a kernel's first line after a drop of the time is a reset's, as it had been)
		if (
			before &&
			(banner || (!(ts < this.lastTs - RESET_SLACK_S) && bootOpener(text, codeAt(text, 0))))
		)
			this.startBoot('banner', rec.line, null);
		else if (ts < this.lastTs - RESET_SLACK_S && this.timestampReset(ts, text, rec.host)) {
			if (this.boot === this.dumpBoot && this.lastTs === this.dumpLastTs)
				// the first kernel time after a pstore dump (see dumpReplayed)
				this.pastedLog(
					rec.line,
					`its kernel time starts again (from the pstore dump's last, ${this.lastTs.toFixed(6)} s, to ${ts.toFixed(6)} s) without a \`Linux version\` banner: not a restart after the dump, whose records are of a boot before the one they are read in, but another log, such as pstore's console record (console-ramoops, that boot's console)`
				);
			else this.startBoot('timestamp-reset', rec.line, null);
		}
		if (banner) {
			this.bannerSeen = true;
			this.bannerHost = builderHost(text);
			this.buildYear = bannerBuildYear(text);
			this.sinceBanner = 0;
			this.bannerLine = rec.line;
		}
	}

	/**
	 * The time went back by more than RESET_SLACK_S (NaN times never get here): is it a new boot
	 * or out-of-order printing? See RESET_SLACK_S.
	 */
	private timestampReset(ts: number, text: string, host: string): boolean {
		if (text.trim() === '') return false;
		if (!(ts < RESET_MAX_S)) {
			// a late drop (see RESET_MAX_S): a reboot only by more than RESET_MAX_S in one source
			if (!(ts < this.lastTs - RESET_MAX_S) || host !== this.lastTsHost) return false;
			if (this.jumpAt >= 0) {
				// interleaved sources: just after another's lines broke in, or back to the time left
				if (this.bootRecords - this.jumpAt <= LATE_JUMP_RECORDS) return false;
				const resumed = this.jumpFrom + (this.lastTs - this.jumpTo);
				if (ts > this.jumpFrom - RESET_SLACK_S && ts < resumed + RESET_SLACK_S) return false;
			}
			// the same records again (an excerpt of this boot pasted twice)
			if (this.hadTime(ts)) return false;
		} else if (!(ts < RESET_NEAR_ZERO_S || ts < this.lastTs * RESET_FRACTION)) return false;
		// one record out of order: the time is back where it was before that record
		if (ts > 0 && ts >= this.beforeLastTs) return false;
		return !(ts > 0 && digitLowered(ts, this.lastTs));
	}

	/**
	 * `PM: suspend entry (deep)` / `PM: suspend exit`: the monotonic clock stops in between. Kernels
	 * before 4.15 print neither: their suspend starts with `PM: Syncing filesystems ... done.`
	 * (printed after `PM: suspend entry` by later ones, which is harmless) and ends with `PM:
	 * Finishing wakeup.`.
	 */
	private suspendMarker(text: string, ts: number, rec: LogRecord): void {
		if (
			text.startsWith('PM: suspend entry') ||
			text.startsWith('PM: hibernation entry') ||
			text.startsWith('PM: Syncing filesystems')
		) {
			// Android's `PM: suspend entry 2018-02-10 01:51:45.756292225 UTC`: the clock before it
			if (codeAt(text, text.length - 1) === 67 /* C */) this.pmAnchor(text, ts);
			if (this.seg !== null) {
				this.seg.toTs = ts;
				this.seg.to = 'suspend';
			}
			this.suspended = true;
			this.seg = null;
		} else if (
			text.startsWith('PM: suspend exit') ||
			text.startsWith('PM: hibernation exit') ||
			text.startsWith('PM: Finishing wakeup')
		) {
			if (DMESG_CLOCK_TIMES.has(rec.format)) this.humanResume = rec.line;
			this.suspended = false;
			this.seg = null;
			this.nextSegmentFrom = ts;
			this.nextSegmentCause = 'resume';
			// Android's `PM: suspend exit … UTC`: the clock after it, the next segment's first anchor
			if (codeAt(text, text.length - 1) === 67 /* C */) this.pmAnchor(text, ts);
		}
	}

	/**
	 * Android kernels (pm_suspend_marker) print `PM: suspend entry 2018-02-10 01:51:45.756292225
	 * UTC` and `PM: suspend exit … UTC`: the wall clock (getnstimeofday, UTC, to the nanosecond)
	 * read right before the line is printed, so its offset is at most the true one, late by the
	 * microseconds between the reading and the print's time: the largest is the least delayed (as
	 * for audit records). Not a clock that had not been set (unsetClock).
	 */
	private pmAnchor(text: string, ts: number): void {
		// an entry while suspended already (a second one without its exit) ends no segment
		if (Number.isNaN(ts) || this.suspended) return;
		const m = PM_MARKER_TIME.exec(text);
		if (m === null) return;
		const epochMs = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) + Number(m[7]) / 1e6;
		if (Number.isNaN(epochMs) || this.unsetClock(epochMs) !== null) return;
		const s = this.segment();
		const v = epochMs - ts * 1000;
		s.markN++;
		keepBest(s.markBest, v, true);
	}

	private nextSegmentFrom = NaN;
	private nextSegmentCause: SegmentEdge = 'boot';
	private segIndex = 0;

	/** `rtc_cmos 00:02: setting system clock to 2014-07-03 13:10:12 UTC (1404393012)` */
	private rtcAnchor(rec: LogRecord): void {
		const m = /setting system clock to (.*) \((\d{9,11})\)$/.exec(rec.text);
		if (!m || Number.isNaN(rec.ts) || this.suspended) return;
		const epochMs = Number(m[2]) * 1000;
		const unset = this.unsetClock(epochMs);
		if (unset !== null) {
			this.rtcRejected ??= {
				line: rec.line,
				time: detach(m[1]),
				buildYear: unset === 'build' ? this.buildYear : 0,
				release: unset === 'release' ? this.release : null
			};
			return;
		}
		this.anchor(epochMs - rec.ts * 1000, 1000, 'rtc', rec.ts);
	}

	/**
	 * Why a wall time a clock gave cannot be the wall clock's, or null when it can: a clock that
	 * was never set (an RTC without a battery, or one a phone's kernel may not write) starts from
	 * some old date, before the kernel was even built (`build`), or before a kernel of the release
	 * the boot names (so far) existed (`release`).
	 */
	private unsetClock(epochMs: number): 'build' | 'release' | null {
		if (this.buildYear > 0 && new Date(epochMs).getUTCFullYear() < this.buildYear) return 'build';
		if (this.release !== null && epochMs < this.release.floorMs) return 'release';
		return null;
	}

	/**
	 * The held parts of a pstore dump are about to be replayed from input line `line` (see
	 * LineClassifier.flushPstore): a dump is read after the boot it records, so after kernel lines
	 * with kernel times (a dmesg, a kern.log) it is another log pasted after them, a boot of its
	 * own (reason `shape-change`), unless it holds one of their recent times (`cat
	 * /sys/fs/pstore/*`: the console of the boot that crashed, then that boot's dump). Its lines had
	 * stayed in the boot before it: a drop of the time right after a forward jump is no reset (see
	 * RESET_MAX_S), and `<N>[ts]` after `[ts]` is no change of host; the next log's first line was
	 * then compared with the messages of both (a journal of another machine, whose first kernel
	 * line's fingerprint was that of one of the dmesg's, stayed in the boot).
	 */
	dumpStart(line: number, times: number[]): void {
		if (this.held !== null) this.releaseHeld(null);
		if (this.joinHeld !== null) this.releaseJoin(null);
		// the dump's records are kept (see copyOfDump); another dump of the boot the last one was
		// (the same files listed twice) adds to them
		this.dumpCollecting = true;
		if (this.dumpCopy === null || this.boot !== this.dumpBoot) this.dumpCopy = new Set();
		if (this.bootRecords === 0 || Number.isNaN(this.lastTs)) return;
		const n = Math.min(this.recentN, RECENT_TS);
		const recent = new Set<number>();
		for (let k = 0; k < n; k++) recent.add(this.recentTs[k]);
		for (const t of times) if (recent.has(t)) return;
		this.pastedLog(
			line,
			'a pstore dump, whose records are of an earlier boot than the one it is read in, and none of its kernel times is one of the last ones before it'
		);
		this.dumpCopy = new Set();
	}

	/** the boot, and its latest kernel time, when a pstore dump's records were replayed (dumpReplayed) */
	private dumpBoot = -1;
	private dumpLastTs = NaN;
	/**
	 * the time and text of each timed record of the pstore dumps of boot `dumpBoot` (see
	 * copyOfDump), null before a dump and once another boot starts after it
	 */
	private dumpCopy: Set<string> | null = null;
	/** a dump's records are being replayed (dumpStart to dumpReplayed) */
	private dumpCollecting = false;

	/**
	 * Whether kernel record `rec` repeats a record of the pstore dump of its boot verbatim (the same
	 * kernel time and text): the console of the boot the dump holds (console-ramoops, pasted after
	 * the dump and counted in its boot) holds that boot's last messages too, at the same times, and
	 * so does the dump listed twice. Such a record is counted once, with the dump's: the copy is
	 * counted as skipped (SKIP_PSTORE_REPEAT) and not passed on (not analysed again, no event), so that
	 * a message the dump holds 18 times is not reported 24 times when its console follows; its time
	 * and line are still its boot's (track), as they were, so that the console's next record is
	 * read after it. While a dump is replayed its records are kept instead (a record the dump holds
	 * twice is counted once too); a record of another boot ends the keeping.
	 */
	private copyOfDump(rec: LogRecord, lines: number): boolean {
		const ts = rec.ts;
		if (Number.isNaN(ts)) return false;
		const copy = this.dumpCopy as Set<string>;
		const key = `${ts}\n${rec.text}`;
		if (this.dumpCollecting) {
			if (!copy.has(key)) {
				copy.add(key);
				return false;
			}
		} else if (this.boot !== this.dumpBoot) {
			this.dumpCopy = null;
			return false;
		} else if (!copy.has(key)) return false;
		this.linesSkipped += lines;
		this.count(this.skipped, SKIP_PSTORE_REPEAT, lines);
		return true;
	}

	/**
	 * The held parts of a pstore dump were just replayed. A time reset right after them, before any
	 * other kernel time (bannerOrReset), is no restart after the dump: the dump holds the end of a
	 * boot before the one it is read in, and a log whose time starts again after it is of its own
	 * (pstore's console record, `console-ramoops`, is that earlier boot's console): a boot of its
	 * own, reason `shape-change`, with a note, as a log whose time goes on (dumpEnd), not
	 * `timestamp-reset`. Whether the line comes right after the dump or after a file's label
	 * (`==> /sys/fs/pstore/console-ramoops-0 <==`).
	 */
	dumpReplayed(): void {
		this.dumpCollecting = false;
		this.dumpBoot = this.boot;
		this.dumpLastTs = this.lastTs;
	}

	/**
	 * Whether kernel time `ts` is one of the boot's recent ones, asked right after a pstore dump's
	 * parts were replayed (their times): the line with that time, after an unprefixed line that
	 * ended the wait, is the dump's boot's console, and that line the rest of a record its ring cut
	 * (LineClassifier.afterDumpText).
	 */
	dumpHad(ts: number): boolean {
		return this.boot === this.dumpBoot && this.lastTs === this.dumpLastTs && this.hadTime(ts);
	}

	/**
	 * The held parts of a pstore dump were just replayed, and input line `line`, with kernel time
	 * `ts` and message `text`, ended the wait for more (LineClassifier.holdPstore): a line of a log
	 * pasted after the dump, of its shape or a dmesg's. A dump holds the last messages of a boot
	 * that ended before the one it is read in (pstore's records are read after a restart), so the
	 * log is another boot's, or another machine's: a boot of its own (reason `shape-change`) when
	 * its time goes on past the dump's (the reading boot's `dmesg | tail`, another phone's
	 * last_kmsg) or back without resetting, unless its time is one of the dump's (the dump's
	 * records again); a banner starts a boot as it does anywhere, and a time that resets starts
	 * one as another log's (see dumpReplayed).
	 */
	dumpEnd(line: number, ts: number, text: string): void {
		if (this.held !== null) this.releaseHeld(null);
		if (this.joinHeld !== null) this.releaseJoin(null);
		if (this.bootRecords === 0 || Number.isNaN(this.lastTs) || this.noOtherLogStart(text)) return;
		if (ts < this.lastTs - RESET_SLACK_S && this.timestampReset(ts, text, '')) return;
		if (this.hadTime(ts)) return;
		this.pastedLog(
			line,
			`its kernel time goes ${ts > this.lastTs ? 'on' : 'back'} from the pstore dump's last (${this.lastTs.toFixed(6)} s) to ${ts.toFixed(6)} s, and a dump holds the end of a boot before the one it is read in`
		);
	}

	/**
	 * A pstore dmesg record's newest part was just passed on, and its ramoops header or efi-pstore
	 * file name gave the wall time of the dump (see LineClassifier's onDumpTime): the dump was
	 * taken right after the part's last message, so the two times pair up as an anchor (within the
	 * dump's few milliseconds). Not for a clock that had not been set (unsetClock), as for an RTC's
	 * line.
	 */
	dumpAnchor(wallMs: number): void {
		const ts = this.lastTs;
		if (Number.isNaN(ts) || this.suspended || this.unsetClock(wallMs) !== null) return;
		// efi-pstore names the dump's second; ramoops's header has its microseconds
		this.anchor(wallMs - ts * 1000, wallMs % 1000 === 0 ? 1000 : 1, 'pstore', ts);
	}

	/**
	 * `audit: type=1400 audit(1659620117.999:2): …` (older kernels: `type=1400 audit(…)`): the
	 * event's UTC time, taken before the record is printed. A fallback for segments without other
	 * anchors, and a check of the clock that prefix anchors read (see finish); not `type=2000`,
	 * printed when audit starts, often before the clock is set (ubuntu-20-04-fips: 50 s before the
	 * RTC line sets it), nor a time before the kernel's build year (`audit(0.204:1)`).
	 */
	private auditAnchor(text: string, ts: number): void {
		if (this.suspended) return;
		const m = AUDIT_RECORD.exec(text);
		if (m === null || m[1] === '2000') return;
		const epochMs = Number(m[2]) * 1000 + Number(m[3]);
		if (new Date(epochMs).getUTCFullYear() < Math.max(this.buildYear, MIN_AUDIT_YEAR)) return;
		const s = this.segment();
		const v = epochMs - ts * 1000;
		// the print comes after the event: the largest offset is the least delayed
		s.auditN++;
		keepBest(s.auditBest, v, true);
	}

	/**
	 * systemd's `Startup finished in … (kernel) + … (userspace) = ….` in a syslog file or journal
	 * whose kernel lines carry no kernel time (`journalctl` short output): the line's prefix less
	 * the monotonic time the message gives (see startupMonotonic) is when the boot began, late by
	 * at most the journal's delay in receiving it, within the prefix's resolution. Used only when
	 * the segment has no other anchor (finish). Only the boot's first segment (before any suspend),
	 * only the machine's own line (the host of its latest kernel line: a log server's file holds
	 * other machines' too; not the first, as the initrd's host name may be another), and not when
	 * the start would be after the boot's first kernel line was received (the line is then a later
	 * boot's, printed before that boot's banner).
	 */
	private startupAnchor(rec: LogRecord): void {
		const wall = rec.wall;
		if (Number.isNaN(wall) || Number.isNaN(this.bootWall) || this.suspended) return;
		if (rec.host !== '' && this.kernelHost !== '' && rec.host !== this.kernelHost) return;
		const mono = startupMonotonic(rec.text);
		if (Number.isNaN(mono)) return;
		const res = wall % 1000 === 0 ? 1000 : 1;
		const start = wall - mono * 1000;
		if (start > this.bootWall + res) return;
		const s = this.seg ?? (this.nextSegmentCause === 'boot' ? this.segment() : null);
		if (s === null || s.from !== 'boot') return;
		const v = start + res / 2;
		if (Number.isNaN(s.startup) || v < s.startup) {
			s.startup = v;
			s.startupHalfRes = res / 2;
		}
	}

	/** The open calibration segment, a new one when none is open. */
	private segment(): Segment {
		let s = this.seg;
		if (s === null) {
			s = {
				boot: this.boot,
				index: this.segIndex++,
				fromTs: this.nextSegmentFrom,
				toTs: NaN,
				from: this.nextSegmentCause,
				to: 'end',
				best: [],
				halfRes: 0,
				n: 0,
				sources: new Set(),
				auditBest: [],
				auditN: 0,
				tailMin: Infinity,
				tailPrevMin: Infinity,
				tailN: 0,
				lastWall: NaN,
				backFrom: -Infinity,
				markBest: [],
				markN: 0,
				startup: NaN,
				startupHalfRes: 0
			};
			this.seg = s;
			this.segments.push(s);
		}
		return s;
	}

	/** `wall`: a prefix anchor's wall time (epoch ms), NaN for other anchors */
	private anchor(offset: number, res: number, source: string, ts: number, wall = NaN): void {
		let s = this.seg;
		// `* 0.5`, not `/ 2`: the same value, but a decimal from the first call (1000 / 2 is a small
		// integer, and the first 1 / 2 had thrown the optimised code of `track` away: lost precision)
		const v = offset + res * 0.5;
		if (s !== null && s.n > 0) {
			// the wall clock was stepped (see CLOCK_STEP_MS): a new segment from this anchor on.
			// Stored by every anchor, the same values unless the clock was stepped: stores that
			// only the input's first clock step reached had thrown the optimised code of `track`,
			// which inlines this, away
			const step = clockStep(v - s.best[0]);
			s.toTs = step ? ts : s.toTs;
			s.to = step ? 'clock step' : s.to;
			this.nextSegmentFrom = step ? ts : this.nextSegmentFrom;
			this.nextSegmentCause = step ? 'clock step' : this.nextSegmentCause;
			this.seg = step ? null : s;
			if (step) s = null;
		}
		if (s === null) s = this.segment();
		// a prefix received before the one before it: the clock was stepped back (see finish).
		// (Both comparisons made and the value stored by every anchor after the first, as above)
		if (s.n > 0) {
			const lowest = s.best[0];
			const from = s.backFrom;
			s.backFrom = (+(wall < s.lastWall - res) & +(lowest > from)) === 1 ? lowest : from;
		}
		if (!Number.isNaN(wall)) s.lastWall = wall;
		s.n++;
		if (s.sources.size < 8) s.sources.add(source);
		if (v < s.tailMin) s.tailMin = v;
		if (++s.tailN === TAIL_ANCHORS) {
			s.tailPrevMin = s.tailMin;
			s.tailMin = Infinity;
			s.tailN = 0;
		}
		// the smallest offset is the least delayed receipt, and gives the resolution
		if (keepBest(s.best, v, false) === 0) s.halfRes = res * 0.5;
	}

	private newBoot(index: number, line: number, reason: string, id: string | null): Boot {
		return {
			index,
			id,
			first_line: line,
			last_line: line,
			reason,
			kernel_version: null,
			kernel_build: null,
			started_at: null,
			hypervisor: null,
			physical: false
		};
	}

	private startBoot(reason: string, line: number, id: string | null): void {
		if (this.handoff && !this.bannerSeen && (reason === 'banner' || reason === 'timestamp-reset')) {
			// the boot so far was the bootloader (U-Boot, LK) handing over to this kernel: one boot
			// (what came before the hand-over says nothing of this kernel's banner to come)
			this.handoff = false;
			this.pastBannerStart = false;
			this.lastTs = NaN;
			this.beforeLastTs = NaN;
			return;
		}
		this.handoff = false;
		this.blocks.closeAll('boot');
		this.seg = null;
		this.suspended = false;
		this.nextSegmentFrom = NaN;
		this.nextSegmentCause = 'boot';
		this.segIndex = 0;
		if (this.bootRecords === 0) {
			// nothing was seen in the current boot: this marker/banner just names it
			const cur = this.boots[this.boot];
			cur.first_line = this.firstPending ? line : Math.min(cur.first_line, line);
			if (line > cur.last_line) cur.last_line = line;
			this.firstPending = false;
			if (id) cur.id = id;
			if (reason !== 'banner' && !(cur.index === 0 && reason === 'boot-id')) cur.reason = reason;
			return;
		}
		// boot 0 ended with a reboot, power-off or panic: the time that drops after it is a reboot's
		if (this.boot === 0)
			this.firstBootEnded = this.blocks.crashPrinted || endedOnPurpose(this.lastText);
		// another log pasted after this one says nothing of how this boot ended
		const ended = reason === 'shape-change' ? null : this.bootEnd(this.boot + 1);
		if (ended !== null) this.bootEndNotes.push(ended);
		this.blocks.crashPrinted = false;
		this.boot++;
		this.boots.push(this.newBoot(this.boot, line, reason, id));
		this.bootRecords = 0;
		this.bootWall = NaN;
		this.firstTs = NaN;
		this.firstAnyWall = NaN;
		this.lastAnyWall = NaN;
		this.programsInBoot = false;
		this.initSeen = false;
		this.pastBannerStart = false;
		this.bannerSeen = false;
		this.bannerHost = '';
		this.buildYear = 0;
		this.release = null;
		this.lastTs = NaN;
		this.beforeLastTs = NaN;
		this.jumpAt = -1;
		this.recentN = 0;
		this.recentTextN = 0;
		this.recentPrintN = 0;
		this.lastWall = NaN;
	}

	/** lines per format, counted in runs: the same format line after line costs no map update */
	private runFormat: string | null = null;
	private runLines = 0;

	/**
	 * `rec`: the kernel record counted (a continuation passes none), looked at when the format
	 * changes, with its trigger scan `hint` and journal `bootId`. True when `rec` is held
	 * (joinHeld): the caller passes it on no further.
	 */
	private countFormat(
		format: string,
		n: number,
		rec: LogRecord | null = null,
		hint = -1,
		bootId = ''
	): boolean {
		// a record glued to the previous one on its line (see LineClassifier.emitGlued)
		if (n === 0) return false;
		if (format === this.runFormat) {
			this.runLines += n;
			return false;
		}
		this.flushFormatRun();
		this.runFormat = format;
		this.runLines = n;
		// records held at a dmesg's jump (see OTHER_KERNEL) go on before another shape is looked at
		if (this.held !== null && format !== 'continuation' && format !== this.held.recs[0].format)
			this.releaseHeld(null);
		// a record is held: this is the next one (the run was ended to come here); a record of yet
		// another format is looked at as any first record of a format is
		if (this.joinHeld !== null) {
			const held = this.joinHeld.rec.format;
			this.releaseJoin(rec);
			if (rec === null || rec.format === held) return false;
		}
		if (rec === null || this.bootRecords === 0) return false;
		const other = this.otherLog(rec);
		if (other === HOLD) {
			// the journal's next kernel record decides (releaseJoin); it comes here too, as the
			// run is ended now
			this.joinHeld = {
				rec: copyRecord(rec),
				hint,
				bootId,
				at: this.printedAt(textPrint(rec.text))
			};
			this.flushFormatRun();
			return true;
		}
		if (other) {
			this.pastedLog(
				rec.line,
				Number.isNaN(this.lastTs)
					? 'its lines have kernel times where the lines before had dates and none, and it repeats none of their messages'
					: Number.isNaN(rec.ts)
						? 'its lines have dates and no kernel times where the lines before had kernel times and no dates, and its first line is none of their last ones'
						: rec.ts < this.lastTs - RESET_SLACK_S
							? `its lines ${this.lastTsHost === '' ? 'name a host where the lines before named none' : 'name no host where the lines before named one'}, and the kernel's time goes back from ${this.lastTs.toFixed(6)} s to ${rec.ts.toFixed(6)} s without repeating their messages`
							: `its lines name a host where the lines before named none, and its first line (${rec.ts.toFixed(6)} s) is none of their last ones`
			);
		}
		return false;
	}

	/**
	 * Input line `line` starts another log pasted after this boot's (`why`: how that was told): a
	 * boot of its own (reason `shape-change`), with a note that says so (the page shortens these
	 * notes by their words, components/notes.ts).
	 */
	private pastedLog(line: number, why: string): void {
		if (this.shapeNotes.length < MAX_SHAPE_NOTES) {
			const note = (boot: number) =>
				`Line ${line} starts another log pasted after the one before it: ${why}. It is counted as a boot of its own (boot ${boot}), another machine's or another boot's; if it is the same boot, analyse each log on its own.`;
			const boot = this.boot + 1;
			const text = note(boot);
			this.shapeNotes.push(text);
			this.bootNotes.set(text, (to) => note(to(boot)));
		}
		this.startBoot('shape-change', line, null);
	}

	/**
	 * A record whose dmesg time jumped forward by more than RESET_MAX_S, or one after it while
	 * records are held (see OTHER_KERNEL): true when it is held, to be passed on by releaseHeld.
	 */
	private heldJump(rec: LogRecord, hint: number): boolean {
		let h = this.held;
		if (h === null) {
			if (
				rec.line <= this.heldUpTo ||
				rec.kind !== 'kernel' ||
				!Number.isNaN(rec.wall) ||
				rec.host !== '' ||
				this.dumpCopy !== null
			)
				return false;
			const m = this.metaCollector;
			const kernel = m.bootVersions.get(this.boot) ?? m.oopsVersions.get(this.boot);
			if (kernel === undefined) return false;
			h = this.held = { recs: [], hints: [], kernel, from: this.lastTs };
		}
		h.recs.push(copyRecord(rec));
		h.hints.push(hint);
		this.heldUpTo = rec.line;
		const c0 = codeAt(rec.text, 0);
		const named = c0 === 67 /* C */ || c0 === 80 /* P */ ? identityRelease(rec.text) : null;
		if (named !== null) this.releaseHeld(named);
		else if (h.recs.length >= HELD_MAX) this.releaseHeld(null);
		return true;
	}

	/**
	 * Pass on the records held at a dmesg's jump (see OTHER_KERNEL): in a boot of their own when
	 * `named`, the release one of them names, is not the boot's kernel; in the boot as before
	 * otherwise (null: none named, or another line came first).
	 */
	private releaseHeld(named: string | null): void {
		const h = this.held as NonNullable<typeof this.held>;
		this.held = null;
		const first = h.recs[0];
		if (named !== null && named !== h.kernel) {
			this.pastedLog(
				first.line,
				`its kernel time jumps forward (from ${h.from.toFixed(6)} s to ${first.ts.toFixed(6)} s) and its oops names kernel ${named}, where the lines before ran ${h.kernel}: one boot runs one kernel`
			);
		}
		for (let i = 0; i < h.recs.length; i++) {
			const rec = h.recs[i];
			if (rec.kind === 'continuation') {
				rec.ts = this.prevTs;
				rec.caller = this.prevCaller;
			}
			this.pass(rec, h.hints[i]);
		}
	}

	/**
	 * Pass on the record held (joinHeld) now that `next`, the journal's next kernel record, came:
	 * the journal is the dmesg's boot when that record's message is one of the dmesg's recent ones
	 * too, another log (a boot of its own from the held record) when it is not. Without a next
	 * record to look at (null: a continuation of the held one, a boot marker, the input's end),
	 * the held record's own collision decides, as it did alone.
	 */
	private releaseJoin(next: LogRecord | null): void {
		const h = this.joinHeld as NonNullable<typeof this.joinHeld>;
		this.joinHeld = null;
		if (
			next !== null &&
			!(
				Number.isNaN(next.ts) &&
				!Number.isNaN(next.wall) &&
				this.joinsAfter(h.rec.text, next.text, h.at)
			)
		) {
			this.pastedLog(
				h.rec.line,
				'its lines have dates and no kernel times where the lines before had kernel times and no dates, and its first line is one of their last ones but its next kernel line is none of those that follow it there (another machine prints the same messages)'
			);
		}
		this.kernelRecord(h.rec, h.bootId);
		this.pass(h.rec, h.hint);
	}

	/**
	 * At a change of the lines' format: is `rec` the first record of another log pasted after
	 * this boot's (see SHAPE_CHANGE)? HOLD when its next record decides (journalAfterDmesg). Runs
	 * only when the format changes, never per line of a run.
	 */
	private otherLog(rec: LogRecord): boolean | typeof HOLD {
		const ts = rec.ts;
		if (Number.isNaN(ts)) return this.journalAfterDmesg(rec);
		const untimed = Number.isNaN(this.lastTs);
		if (untimed) {
			// kernel lines with a prefix time and no kernel time (`journalctl -k`), then a dmesg
			if (Number.isNaN(this.lastWall) || !Number.isNaN(rec.wall)) return false;
		} else if ((rec.host === '') === (this.lastTsHost === '')) return false;
		else if (!(ts < this.lastTs - RESET_SLACK_S)) {
			// both timed, a shape with a host (kern.log) after one without (a dmesg), and the time
			// does not go back
			return rec.host !== '' && this.syslogAfterDmesg(rec);
		}
		// both timed, one shape with a host (kern.log, short-monotonic) and the other without (a
		// dmesg), and the time goes back
		const text = rec.text;
		if (this.noOtherLogStart(text)) return false;
		if (untimed) {
			// another log unless it repeats one of the journal's recent records
			return !this.recentlyHad(text);
		}
		// not when the drop is a reset anyway (left to it), or the records are the same again
		if (this.timestampReset(ts, text, rec.host)) return false;
		if (this.hadTime(ts)) return false;
		return true;
	}

	/**
	 * The reverse (see SHAPE_CHANGE): the boot's kernel lines so far had kernel times and no prefix
	 * time (a dmesg), and `rec` has a prefix time and no kernel time (`journalctl -k`, a syslog file
	 * without kernel times): another machine's journal, unless its record is one of the dmesg's
	 * last RECENT_TEXTS messages (recentPrint, by fingerprint) or look-back lines (the block assembler's, which
	 * hold its continuation lines too), or a banner that starts a boot anyway. A journal excerpt of
	 * the dmesg's own boot that starts earlier than its last 64 lines had been split (the look-back
	 * ring alone). When its record is one of those, HOLD: one common message is no proof (another
	 * machine prints `random: crng init done` too), and the journal's next kernel record decides
	 * (releaseJoin).
	 */
	private journalAfterDmesg(rec: LogRecord): boolean | typeof HOLD {
		if (Number.isNaN(rec.wall) || Number.isNaN(this.lastTs) || !Number.isNaN(this.lastWall))
			return false;
		const text = rec.text;
		if (this.noOtherLogStart(text)) return false;
		// the dmesg names its machine: the journal is of it or not, as a kern.log is (syslogAfterDmesg)
		const named = this.namedHostDiffers(rec.host);
		if (named !== null) return named;
		// the block assembler's look-back lines hold the dmesg's continuation lines too; one such
		// line is no proof (another machine prints the same messages): the next one decides
		return !this.recentlyPrinted(textPrint(text)) && !this.blocks.recentlyHad(text) ? true : HOLD;
	}

	/**
	 * A kern.log (lines with a host and kernel times) after a dmesg (kernel times, no host), its
	 * time going on from the dmesg's (see SHAPE_CHANGE). When the dmesg names its machine
	 * (systemd's `Set hostname to <host1>.`, namedHostDiffers), the kern.log is another log when
	 * its host is another. Otherwise it is another machine's, unless the host is the
	 * one that built the dmesg's kernel (its banner's `(user@host)`: a kernel built on the machine
	 * that runs it), or its first record is one of the dmesg's recent records (its exact time, or
	 * its message by fingerprint, or one of the block assembler's look-back lines: the same boot's
	 * kern.log from where the dmesg was), or a banner that starts a boot anyway, or it starts after
	 * the dmesg's last line with the evidence of the same boot that line has: its kernel time goes
	 * on from the dmesg's within CONTINUE_S, or its prefix time agrees with the wall clock the
	 * dmesg's own anchors give (sameClock: an RTC line, audit records). A kern.log of the same
	 * boot from later, of a dmesg without anchors, is still split (the note says to analyse the
	 * logs apart then): the decision is taken on its first line, and no later one undoes it; nor
	 * could one safely (the device names and addresses its lines repeat are those of every machine
	 * of the model: see INGESTION.md).
	 */
	private syslogAfterDmesg(rec: LogRecord): boolean {
		const text = rec.text;
		if (this.noOtherLogStart(text)) return false;
		// the dmesg names its machine: the kern.log is of it or not
		const named = this.namedHostDiffers(rec.host);
		if (named !== null) return named;
		if (this.bannerHost !== '' && sameHost(this.bannerHost, rec.host)) return false;
		const ts = rec.ts;
		if (this.hadTime(ts)) return false;
		if (this.recentlyPrinted(textPrint(text)) || this.blocks.recentlyHad(text)) return false;
		// the same boot's kern.log from after the dmesg's last line: its kernel time goes on from
		// the dmesg's within CONTINUE_S, or its prefix agrees with the dmesg's wall-clock anchors
		return !(ts - this.lastTs <= CONTINUE_S) && !this.sameClock(rec);
	}

	/**
	 * When the boot's dmesg names its machine (systemd's `Set hostname to <host1>.`,
	 * MetadataCollector.bootHosts), whether `host`, the host of a log pasted after it, is another
	 * machine; null when the dmesg names none, or `host` is empty (`journalctl -k --no-hostname`:
	 * a line that names no machine is not another's, and the other evidence decides). The one host
	 * check of journalAfterDmesg and syslogAfterDmesg.
	 */
	private namedHostDiffers(host: string): boolean | null {
		if (host === '') return null;
		const named = this.metaCollector.bootHosts.get(this.boot);
		return named === undefined ? null : !sameHost(named, host);
	}

	/**
	 * Whether `rec`'s prefix time, less its kernel time, agrees with the open calibration
	 * segment's offset (an RTC line's, a pstore dump's or audit records': the dmesg's own
	 * anchors) within SAME_CLOCK_BEFORE_MS/SAME_CLOCK_AFTER_MS, give or take a whole number of
	 * quarter hours up to 14 h (a kern.log prefix in local time, an RTC's time in UTC). False when
	 * the segment has no anchor or `rec` no prefix time.
	 */
	private sameClock(rec: LogRecord): boolean {
		const s = this.seg;
		if (s === null || Number.isNaN(rec.wall)) return false;
		const off = openOffset(s);
		if (Number.isNaN(off)) return false;
		let d = rec.wall - rec.ts * 1000 - off;
		if (Math.abs(d) <= MAX_ZONE_MS) d -= Math.round(d / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
		return d >= -SAME_CLOCK_BEFORE_MS && d <= SAME_CLOCK_AFTER_MS;
	}

	/** Whether `print` is the fingerprint of one of the boot's last RECENT_TEXTS dmesg texts. */
	private recentlyPrinted(print: number): boolean {
		const n = Math.min(this.recentPrintN, RECENT_TEXTS);
		for (let k = 0; k < n; k++) if (this.recentPrint[k] === print) return true;
		return false;
	}

	/**
	 * Where (the last JOIN_PLACES indices in recentPrint's sequence) `print` is the fingerprint of
	 * one of the boot's last RECENT_TEXTS dmesg texts, oldest first.
	 */
	private printedAt(print: number): number[] {
		const at: number[] = [];
		for (let k = Math.max(0, this.recentPrintN - RECENT_TEXTS); k < this.recentPrintN; k++)
			if (this.recentPrint[k & (RECENT_TEXTS - 1)] === print) {
				if (at.length === JOIN_PLACES) at.shift();
				at.push(k);
			}
		return at;
	}

	/**
	 * Whether `print` is the fingerprint of one of the JOIN_AFTER dmesg texts right after one of
	 * the places `at` (printedAt): the next message of a journal of the dmesg's boot, in its order.
	 */
	private printedAfter(at: number[], print: number): boolean {
		for (const p of at)
			for (let k = p + 1; k <= p + JOIN_AFTER && k < this.recentPrintN; k++)
				if (this.recentPrint[k & (RECENT_TEXTS - 1)] === print) return true;
		return false;
	}

	/**
	 * Whether `next`, a journal's second kernel message, follows `first`, its first (one of the
	 * dmesg's messages at the places `at`, printedAt), as a journal of the dmesg's boot does: the
	 * fingerprint of one of the JOIN_AFTER dmesg messages after one of those places, or of one of
	 * the JOIN_AFTER look-back lines after one whose fingerprint is the first's (the look-back
	 * holds the dmesg's continuation lines, which a journal prints as kernel lines of their own).
	 * Both by fingerprint and in order: a second message that the dmesg printed elsewhere (a
	 * common message, before the first in another kernel's order) had joined another machine's
	 * journal by its text alone. When the first is the dmesg's last line, the journal goes on past
	 * the dmesg and nothing follows there to compare with: its second message must be one the
	 * dmesg printed (by fingerprint, anywhere), as the look-back's texts had been looked at.
	 */
	private joinsAfter(first: string, next: string, at: number[]): boolean {
		const p = textPrint(next);
		if (this.printedAfter(at, p)) return true;
		const f = textPrint(first);
		const lines = this.blocks.recentTexts();
		const prints = lines.map(textPrint);
		let atEnd = at.length > 0 && at[at.length - 1] === this.recentPrintN - 1;
		for (let k = 0; k < prints.length; k++) {
			if (prints[k] !== f) continue;
			if (k === prints.length - 1) atEnd = true;
			for (let j = k + 1; j <= k + JOIN_AFTER && j < prints.length; j++)
				if (prints[j] === p) return true;
		}
		return atEnd && (this.recentlyPrinted(p) || prints.includes(p));
	}

	/** Whether kernel time `ts` is one of the boot's last RECENT_TS times (the same records again). */
	private hadTime(ts: number): boolean {
		const n = Math.min(this.recentN, RECENT_TS);
		for (let k = 0; k < n; k++) if (this.recentTs[k] === ts) return true;
		return false;
	}

	/** Whether `text` is one of the boot's last RECENT_TEXTS texts kept (see recentText). */
	private recentlyHad(text: string): boolean {
		const n = Math.min(this.recentTextN, RECENT_TEXTS);
		for (let k = 0; k < n; k++) if (this.recentText[k] === text) return true;
		return false;
	}

	/**
	 * What never starts a `shape-change` boot: a blank record, or a banner that starts a boot
	 * anyway (see track) and keeps its own reason.
	 */
	private noOtherLogStart(text: string): boolean {
		return (
			text.trim() === '' ||
			(text.startsWith('Linux version ') &&
				(this.bannerSeen || this.bootRecords > PRE_BANNER_LINES))
		);
	}

	private flushFormatRun(): void {
		if (this.runFormat !== null) this.count(this.formats, this.runFormat, this.runLines);
		this.runFormat = null;
		this.runLines = 0;
	}

	private count(map: Record<string, number>, key: string, n = 1): void {
		// the text after a NUL hole, read on the line counted with the text before it
		if (n === 0) return;
		map[key] = (map[key] ?? 0) + n;
	}

	/** whether boot `boot` printed a `Linux version` banner */
	hasBanner(boot: number): boolean {
		return this.metaCollector.bootVersions.has(boot);
	}

	/** End of input (after the classifier's finish): close open reports and return the summary. */
	finish(c: ClassifierSummary): IngestSummary {
		if (this.held !== null) this.releaseHeld(null);
		if (this.joinHeld !== null) this.releaseJoin(null);
		this.flushFormatRun();
		this.blocks.closeAll('eof');
		const meta = this.metaCollector.meta;
		const calibration: Calibration[] = [];
		/** the boot whose start the segments so far still give (no suspend since the boot) */
		let startBoot = -1;
		for (const s of this.segments) {
			/** how much later than best[0] the clock read elsewhere in the segment (ms, see below) */
			let clockRange = 0;
			/** the segment's offset comes from Android's suspend markers alone (see pmAnchor) */
			let marksOnly = false;
			if (s.n > 0) {
				// prefixes are receipt times, never before the print: a later prefix whose offset
				// is above the smallest by more than the resolution, and audit records (the event's
				// time, before the print) above it at all, read a clock stepped forward by that
				// much (ChromeOS: 2.4 s after the smallest offsets, 0.25 s before them), which the
				// smallest offset alone does not show
				const h = s.halfRes;
				const tail = Math.min(s.tailMin, s.tailPrevMin) - s.best[0];
				if (tail > 2 * h && tail < CLOCK_STEP_MS) clockRange = tail;
				// ...and the other way: a prefix's wall time went back from the one before it (in
				// the order received, beyond the resolution: the clock was stepped back there), and
				// the smallest offset since, the later clock's, lies below the one before that step
				const back = s.backFrom - s.best[0];
				if (back > 2 * h && back < CLOCK_STEP_MS && back > clockRange) clockRange = back;
				if (s.auditN > 0) {
					// an audit time is cut to the millisecond: the event may be up to 1 ms later
					const a = s.auditBest[0] + 1 - (s.best[0] + h);
					if (a > clockRange && a < CLOCK_STEP_MS) clockRange = a;
				}
			}
			if (s.markN > 0) {
				// Android's suspend markers read the clock to the nanosecond: they give the offset,
				// their spread the uncertainty, with how far prefixes read the clock earlier
				const m = s.markBest;
				const lowest = s.n > 0 ? s.best[0] + s.halfRes : Infinity;
				marksOnly = s.n === 0;
				clockRange = m[0] > lowest && m[0] - lowest < CLOCK_STEP_MS ? m[0] - lowest : 0;
				s.best = [m[0], m[0] + (m[0] - m[m.length - 1])];
				s.halfRes = 0;
				s.n += s.markN;
				s.sources.add('suspend marker');
			}
			if (s.n === 0 && s.auditN > 0) {
				// only audit records: the median of the largest offsets kept (one record with a
				// damaged time, or a clock set forward once, does not decide), their spread as the
				// uncertainty
				const a = s.auditBest;
				const v = a[(a.length - 1) >> 1] + AUDIT_HALF_RES_MS;
				s.best = [v, v + (a[0] - a[a.length - 1])];
				s.halfRes = AUDIT_HALF_RES_MS;
				s.n = s.auditN;
				s.sources.add('audit');
			}
			if (s.n === 0 && !Number.isNaN(s.startup)) {
				// only systemd's startup line: the boot's start it gives (see startupAnchor)
				s.best = [s.startup];
				s.halfRes = s.startupHalfRes;
				s.n = 1;
				s.sources.add('systemd');
			}
			if (s.n === 0) continue;
			const k = s.best.length - 1;
			const offset = Math.round(s.best[0]);
			const spread = s.best[k] - s.best[0];
			// a suspend in a log whose lines have no kernel time: no time to name
			const range =
				(s.from === 'boot'
					? 'boot'
					: `${s.fromTs.toFixed(3)} s (${s.from === 'resume' ? 'after a resume' : 'after a clock step'})`) +
				(s.to === 'end'
					? ''
					: Number.isNaN(s.toTs)
						? ` to a ${s.to}`
						: ` to ${s.toTs.toFixed(3)} s (${s.to})`);
			calibration.push({
				boot: s.boot,
				offset_ms: offset,
				uncertainty_ms: Math.max(1, Math.round(s.halfRes + spread + clockRange)),
				anchors: s.n,
				source: `anchors from ${[...s.sources].sort().join(', ')}; segment ${s.index} from ${range}`
			});
			const b = this.boots[s.boot];
			// the boot's start is known only from anchors taken before any suspend; when the wall
			// clock was stepped before that, the clock it was set to gives it (see INGESTION.md)
			// ...and from a boot whose log shows its start (its banner) when only Android's suspend
			// markers anchor it: their kernels suspend often, and a suspend before an excerpt's
			// first line goes unseen
			if (s.from === 'boot' && (!marksOnly || this.hasBanner(s.boot))) startBoot = s.boot;
			else if (s.from === 'resume' || s.boot !== startBoot) startBoot = -1;
			if (startBoot === s.boot) b.started_at = isoFromMs(offset);
		}
		// each boot's kernel is its banner's, else the one its oops lines name; the latest of them
		// is the kernel the machine ran last (kernel_version stays the first one the log names, as
		// it always was)
		let latest: string | null = null;
		const mc = this.metaCollector;
		for (const b of this.boots) {
			b.kernel_version = mc.bootVersions.get(b.index) ?? mc.oopsVersions.get(b.index) ?? null;
			b.kernel_build = mc.bootBuilds.get(b.index) ?? null;
			b.hypervisor = mc.bootHypervisors.get(b.index)?.name ?? null;
			b.physical = mc.bootPhysical.has(b.index);
			if (b.kernel_version !== null) latest = b.kernel_version;
		}
		meta.latest_kernel_version = latest ?? meta.kernel_version;
		this.metaCollector.archFromReleases();
		meta.boots = this.boots;
		meta.calibration = calibration;
		const warnings: string[] = [];
		const early = this.earlyEnd();
		if (early !== null) warnings.push(early);
		warnings.push(...this.bootEndNotes, ...this.shapeNotes);
		const last = early === null && this.bootRecords > 0 ? this.bootEnd(null) : null;
		if (last !== null) warnings.push(last);
		if (c.truncatedLines > 0) {
			warnings.push(
				`${c.truncatedLines} ${c.truncatedLines === 1 ? 'line' : 'lines'} longer than ${c.maxLine} characters ${c.truncatedLines === 1 ? 'was' : 'were'} analysed only up to that length.`
			);
		}
		if (this.droppedMessages > 0) {
			warnings.push(
				`The log says ${this.droppedMessages} printk ${this.droppedMessages === 1 ? 'message was' : 'messages were'} dropped: reports may be incomplete.`
			);
		}
		if (c.usedYear && c.yearSource !== 'option') warnings.push(yearNote(c));
		if (c.usedLocalTime)
			warnings.push(
				localTimeNote(c, 'dmesg-ctime' in this.formats || 'dmesg-reltime' in this.formats)
			);
		if (this.humanResume > 0) {
			warnings.push(
				`The machine was suspended (it resumed last at line ${this.humanResume}), and the times in this log were computed by dmesg (-T, --time-format) from the time it booted: the kernel's clock stops while suspended, so every time printed before that resume is later than it really was, by the time the machine then spent suspended. Times after the last resume are right.`
			);
		}
		const r = this.rtcRejected;
		if (r !== null) {
			warnings.push(
				`The real-time clock read ${r.time} at line ${r.line}, ` +
					(r.release !== null
						? `before its kernel ${r.release.name} existed (${new Date(r.release.floorMs).toISOString().slice(0, 10)}): `
						: `before its kernel was built (${r.buildYear}): `) +
					'it had not been set (a flat or missing RTC battery, or an RTC that Linux does not set), so no wall-clock time was taken from it.'
			);
		}
		// no kernel prefix and no banner: the lines were read as bare kernel messages
		const onlyBare =
			c.lines > 0 &&
			!c.seenPrefixed &&
			meta.kernel_version === null &&
			!looksKernelish(this.formats);
		const kernelish =
			this.reports > 0 ||
			(this.bareKernelish > 0 && this.bareKernelish >= KERNELISH_SHARE * this.bareTested);
		const notKernel = onlyBare && this.kernelLines > 0 && !kernelish;
		// dmesg's or journalctl's refusal instead of the log (formats/refused.ts): said with what to
		// do, first (the page shows the first note), instead of asking whether it is a kernel log
		const refused =
			this.kernelLines === 0 || notKernel
				? SKIP_DMESG_REFUSED in this.skipped
					? 'dmesg'
					: SKIP_JOURNAL_REFUSED in this.skipped
						? 'journalctl'
						: null
				: null;
		if (refused !== null) warnings.unshift(refusalNote(refused));
		if (c.lines > 0 && (this.kernelLines === 0 || notKernel) && refused === null) {
			warnings.push(
				'No kernel messages were recognised in this input: is it a kernel log (dmesg, journalctl -k, kern.log)?'
			);
		} else if (onlyBare) {
			warnings.push(
				'No line has a kernel timestamp or syslog kernel tag; lines were read as bare kernel messages.'
			);
		}
		let dominant = 'none';
		let best = 0;
		for (const [k, v] of Object.entries(this.formats)) {
			if (k !== 'continuation' && v > best) {
				best = v;
				dominant = k;
			}
		}
		return {
			input: {
				format: dominant,
				formats: sortKeys(this.formats),
				lines_total: c.lines,
				lines_unparsed: this.linesUnparsed,
				unparsed_reasons: sortKeys(this.unparsed),
				lines_skipped: this.linesSkipped,
				skipped_reasons: sortKeys(this.skipped),
				bytes: c.bytes,
				warnings,
				assumed_year: assumedYear(c)
			},
			metadata: meta,
			notKernel,
			wallClock: (boot, ts) => {
				for (const seg of this.segments) {
					if (seg.boot !== boot || seg.n === 0) continue;
					if (!Number.isNaN(seg.fromTs) && ts < seg.fromTs) continue;
					// the anchor after a clock step is the next segment's first
					if (
						!Number.isNaN(seg.toTs) &&
						(ts > seg.toTs || (ts === seg.toTs && seg.to === 'clock step'))
					)
						continue;
					return ts * 1000 + Math.round(seg.best[0]);
				}
				return null;
			}
		};
	}
}

/**
 * Is `ts` the time `last` (or one just after it) with one decimal digit of its whole seconds
 * lowered, such as a flipped bit turns `[   28.292019]` into `[   08.292019]` (or 41 s into 01 s)?
 * Called only on a drop that would otherwise be a timestamp reset.
 */
function digitLowered(ts: number, last: number): boolean {
	for (let p = 1; p <= last; p *= 10) {
		const k = Math.round((last - ts) / p);
		if (k < 1 || k > 9 || (Math.floor(ts / p) % 10) + k > 9) continue;
		const t = ts + k * p;
		if (t >= last - DIGIT_BEFORE_S && t <= last + DIGIT_AFTER_S) return true;
	}
	return false;
}

const YEAR_SOURCE_WORDS: Record<string, string> = {
	'log date': 'year of a dated line in the log',
	'build date': 'year the kernel was built; the log may be later'
};

/** The year given to dates printed without one, for programs (input.assumed_year). */
function assumedYear(c: ClassifierSummary): AssumedYear | null {
	if (!c.usedYear) return null;
	const exact = c.yearSource === 'option' || c.yearSource === 'log date';
	return { first: c.startYear, last: c.endYear, source: c.yearSource, exact };
}

/** What the report says of the year given to dates printed without one (for people). */
function yearNote(c: ClassifierSummary): string {
	const rolls = c.endYear !== c.startYear;
	if (c.yearSource === 'placeholder')
		return (
			'The dates in this log carry no year and nothing in it tells which: they are shown in the year ' +
			`${c.startYear}${rolls ? ` (${c.endYear} after New Year)` : ''}, a placeholder that is the same for every such log so that reports are reproducible. ` +
			'Their month, day and time are the log’s; their year is not.'
		);
	const years = `${c.startYear}${rolls ? ` to ${c.endYear} (the year rolls over)` : ''}`;
	const f = c.yearFloor;
	if (c.yearSource === 'kernel release' && f !== null) {
		const days = Math.floor(f.uptime / 86400);
		return (
			`Some dates carry no year and the log does not say it: they were read as ${years}, the earliest possible, ` +
			`as line ${f.line} names the kernel ${f.release}, which did not exist before ${new Date(f.floorMs).toISOString().slice(0, 10)}` +
			(days > 0
				? `, and its boot had been running for ${days} day${days === 1 ? '' : 's'} there`
				: '') +
			'. The real year may be later.'
		);
	}
	return `Some dates carry no year; they were read as ${years} (${YEAR_SOURCE_WORDS[c.yearSource] ?? c.yearSource}).`;
}

function looksKernelish(formats: Record<string, number>): boolean {
	return Object.keys(formats).some((k) => k !== 'bare' && k !== 'continuation');
}

function sortKeys(o: Record<string, number>): Record<string, number> {
	const out: Record<string, number> = {};
	for (const k of Object.keys(o).sort()) out[k] = o[k];
	return out;
}

/**
 * What the report says about times read from prefixes in the machine's local time. `dmesg`: some
 * are util-linux dmesg's `-T` or `-H`/`-e` times, which it prints in local time (localtime(3),
 * strftime) with no zone and no option to add one; `--time-format iso` prints the offset.
 */
function localTimeNote(c: ClassifierSummary, dmesg: boolean): string {
	const o = c.localOffset;
	if (o === null)
		return (
			'Times in line prefixes are the machine’s local time and the log does not say its time zone: they are given as if they were UTC.' +
			(dmesg
				? ' dmesg prints its -T, -H and -e times without the zone; `dmesg --time-format iso` prints each time with its offset from UTC.'
				: '')
		);
	const m = Math.abs(o.offsetMs) / 60000;
	const zone = `UTC${o.offsetMs < 0 ? '−' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
	const from =
		o.source === 'audit'
			? 'an audit record’s time stamp'
			: o.source === 'journal'
				? 'the journal’s header'
				: o.source === 'stamp'
					? 'a program’s own time stamp in its message'
					: 'the RTC time set at boot';
	return `Times in line prefixes are the machine’s local time, ${zone} (from ${from} at line ${o.line}): they are given in UTC.`;
}
