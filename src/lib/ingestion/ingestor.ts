import type { ErrorBlock } from '../models/error-block.ts';
import { newRecord, resetRecord, type LogRecord } from '../models/log-record.ts';
import type { Boot, Calibration, InputSummary, LogMetadata } from '../models/metadata.ts';
import { stripAnsi } from '../util/text.ts';
import { isoFromMs } from '../util/time.ts';
import { BlockAssembler } from './blocks/assembler.ts';
import { PSTORE_HEADER } from './formats/capture.ts';
import {
	ENTRY_LINE,
	entryTs,
	FORMAT_BY_ID,
	FORMATS,
	newContext,
	type Entry,
	type FormatContext,
	type LineFormat
} from './formats/index.ts';
import { MetadataCollector } from './metadata.ts';
import { findYearHint, type YearHint } from './year.ts';

/** Receives the ingestor's output as it streams. `record` gets a reused object: copy what you keep. */
export interface IngestSink {
	record(rec: LogRecord): void;
	block(block: ErrorBlock): void;
}

export interface IngestOptions {
	/**
	 * year assumed for dates that have none (syslog RFC 3164, dmesg --reltime). When absent it
	 * is inferred from the log (a dated line, else the kernel build date) or DEFAULT_YEAR.
	 */
	year?: number;
	/** lines longer than this are analysed only up to it (the rest is still counted) */
	maxLineLength?: number;
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
}

/** Year assumed for yearless dates when the log names none: fixed, so reports are reproducible. */
export const DEFAULT_YEAR = 2000;
const DEFAULT_MAX_LINE = 64 * 1024;
/** a drop of the monotonic time by more than this starts a new boot */
const RESET_SLACK_S = 1;
/** records a boot may print before its `Linux version` banner (`Booting Linux on physical CPU`...) */
const PRE_BANNER_LINES = 30;
/** lines read ahead (at most) to find the year before the first line is analysed */
const YEAR_LOOKAHEAD_LINES = 2000;
const YEAR_LOOKAHEAD_CHARS = 1 << 20;
/** pstore parts are held back to be put in order, up to this many characters in all */
const PSTORE_BUDGET_CHARS = 8 << 20;
/** a pstore part has at most this many lines (records are at most a few hundred KiB) */
const PSTORE_PART_LINES = 4000;
/** anchors kept per calibration segment (the smallest offsets) */
const ANCHOR_KEEP = 5;

const SKIP_FOREIGN_SECTION = 'not a kernel section of an Android bug report';

/** One stretch of monotonic time with a constant wall-clock offset (a boot, split by suspends). */
interface Segment {
	boot: number;
	index: number;
	fromTs: number;
	toTs: number;
	/** smallest offsets seen (ms), ascending; half the anchor's resolution already added */
	best: number[];
	/** resolution/2 of the anchor that gave best[0] */
	halfRes: number;
	n: number;
	sources: Set<string>;
}

interface PstorePart {
	counter: number;
	part: number;
	seq: number;
	lines: number[];
	texts: string[];
}

/**
 * Turns input lines into records, boots, metadata and error blocks, one line at a time.
 * Memory does not grow with the input: only counters, metadata, open blocks, a bounded year
 * look-ahead and bounded pstore parts are kept.
 */
export class Ingestor {
	private readonly rec: LogRecord = newRecord();
	private readonly erec: LogRecord = newRecord();
	private readonly ctx: FormatContext;
	private readonly maxLine: number;
	private readonly blocks: BlockAssembler;
	private readonly metaCollector = new MetadataCollector();
	private last: LineFormat = FORMATS[0];
	private lineNo = 0;
	private bytes = 0;
	private formats: Record<string, number> = {};
	private unparsed: Record<string, number> = {};
	private skipped: Record<string, number> = {};
	private linesUnparsed = 0;
	private linesSkipped = 0;
	private boots: Boot[] = [];
	private boot = 0;
	private bootRecords = 0;
	/** a `Linux version` banner was seen in the current boot */
	private bannerSeen = false;
	private bootId = '';
	private lastTs = NaN;
	private prevTs = NaN;
	private prevCaller = '';
	private segments: Segment[] = [];
	private seg: Segment | null = null;
	private suspended = false;
	private truncatedLines = 0;
	private kernelLines = 0;
	private droppedMessages = 0;
	/** year look-ahead: lines held until the year is known (null once it is) */
	private ahead: string[] | null = null;
	private aheadChars = 0;
	private yearHint: YearHint | null = null;
	private yearSource = 'option';
	private startYear = 0;
	/** pstore parts held back to be replayed oldest first (null when none is open) */
	private pstore: PstorePart[] | null = null;
	private pstoreChars = 0;
	private pstoreSeq = 0;
	private replaying = false;

	constructor(
		private readonly sink: IngestSink,
		options: IngestOptions = {}
	) {
		this.ctx = newContext(options.year ?? DEFAULT_YEAR);
		if (options.year === undefined) {
			this.ahead = [];
			this.yearSource = 'default';
		}
		this.maxLine = options.maxLineLength ?? DEFAULT_MAX_LINE;
		this.blocks = new BlockAssembler((b) => sink.block(b));
		this.boots.push(this.newBoot(0, 1, 'start', null));
	}

	get linesDone(): number {
		return this.lineNo;
	}

	/** Feed one line (without its newline). */
	pushLine(raw: string): void {
		const lineNo = ++this.lineNo;
		this.bytes += raw.length + 1;
		if (this.ahead !== null) {
			this.ahead.push(raw);
			this.aheadChars += raw.length;
			const h = findYearHint(raw);
			if (h !== null && (this.yearHint === null || h.exact)) this.yearHint = h;
			if (
				(h !== null && h.exact) ||
				this.ahead.length >= YEAR_LOOKAHEAD_LINES ||
				this.aheadChars >= YEAR_LOOKAHEAD_CHARS
			)
				this.releaseAhead();
			return;
		}
		this.process(raw, lineNo);
	}

	private releaseAhead(): void {
		const lines = this.ahead;
		if (lines === null) return;
		this.ahead = null;
		if (this.yearHint !== null) {
			this.ctx.year = this.yearHint.year;
			this.yearSource = this.yearHint.source;
		}
		this.startYear = this.ctx.year;
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
		if (raw.length === 0) {
			if (ctx.entry !== null && this.classifyEntry(raw, rec)) return;
			this.count(this.skipped, 'blank line');
			this.linesSkipped++;
			return;
		}
		let line = raw;
		if (line.length > this.maxLine) {
			line = line.slice(0, this.maxLine);
			this.truncatedLines++;
		}
		if (line.indexOf('\x1b') !== -1) line = stripAnsi(line);
		if (ctx.foreignSection && !line.startsWith('------ ')) {
			this.count(this.skipped, SKIP_FOREIGN_SECTION);
			this.linesSkipped++;
			return;
		}
		if (ctx.entry !== null && this.classifyEntry(line, rec)) return;
		this.classify(line, rec);
		if (rec.reason === ENTRY_LINE) {
			if (ctx.entry !== null && ctx.entry.done) this.finishEntry();
			return;
		}
		if (rec.format === 'pstore' && rec.reason === 'pstore record header' && !this.replaying) {
			this.dispatch(rec, 1);
			this.startPstore(rec.text);
			return;
		}
		this.dispatch(rec, 1);
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
			r.reason = 'not a kernel message (other program in a journal)';
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
		this.dispatch(r, e.lines);
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

	/** Count `lines` input lines for a classified record and pass kernel records on. */
	private dispatch(rec: LogRecord, lines: number): void {
		switch (rec.kind) {
			case 'skipped':
				this.linesSkipped += lines;
				this.count(this.skipped, rec.reason, lines);
				if (rec.reason === 'boot marker') {
					this.startBoot('marker', rec.line, rec.text || null);
					if (rec.text !== '') this.bootId = rec.text;
				} else if (rec.reason === 'printk marker') {
					const n = /^\*\* (\d+) printk messages dropped/.exec(rec.text);
					if (n) this.droppedMessages += Number(n[1]);
				}
				return;
			case 'unparsed':
				this.linesUnparsed += lines;
				this.count(this.unparsed, rec.reason, lines);
				if (rec.reason.startsWith('binary')) return;
				break;
			case 'continuation':
				this.count(this.formats, rec.format, lines);
				rec.ts = this.prevTs;
				rec.caller = this.prevCaller;
				break;
			default:
				this.count(this.formats, rec.format, lines);
				if (rec.format !== 'bare') this.ctx.seenPrefixed = true;
				this.kernelLines++;
				if (this.ctx.bootId !== '' && this.ctx.bootId !== this.bootId) {
					this.startBoot('boot-id', rec.line, this.ctx.bootId);
					this.bootId = this.ctx.bootId;
				}
		}
		this.track(rec);
		this.sink.record(rec);
		const ctxId = Number.isNaN(rec.ts) ? '' : rec.caller === '' ? 'console' : rec.caller;
		this.blocks.push(rec.line, rec.text, rec.ts, ctxId, rec.boot);
	}

	/** Boots, timestamps, metadata and calibration anchors for a kernel record. */
	private track(rec: LogRecord): void {
		const ts = rec.ts;
		if (rec.kind === 'kernel') {
			const text = rec.text;
			const banner = text.startsWith('Linux version ');
			if (
				banner &&
				this.bootRecords > 0 &&
				!(ts > 5) &&
				(this.bannerSeen || this.bootRecords > PRE_BANNER_LINES)
			)
				this.startBoot('banner', rec.line, null);
			else if (
				!Number.isNaN(ts) &&
				!Number.isNaN(this.lastTs) &&
				ts < this.lastTs - RESET_SLACK_S &&
				ts < 60
			) {
				this.startBoot('timestamp-reset', rec.line, null);
			}
			if (banner) this.bannerSeen = true;
			if (!Number.isNaN(ts)) this.lastTs = ts;
			this.prevTs = ts;
			this.prevCaller = rec.caller;
			this.bootRecords++;
			const c = text.charCodeAt(0);
			if (c === 80 /* P */ && text.startsWith('PM: ')) this.suspendMarker(text, ts);
			if (!Number.isNaN(ts) && !Number.isNaN(rec.wall)) {
				if (!this.suspended) {
					// prefixes from ctime/iso dmesg are exact to the second; syslog/journal ones are
					// receipt times (late by the reading delay)
					const res = rec.wall % 1000 === 0 ? 1000 : 1;
					this.anchor(rec.wall - ts * 1000, res, rec.format);
				}
			} else if (c === 114 /* r */ && text.startsWith('rtc')) this.rtcAnchor(rec);
		}
		rec.boot = this.boot;
		const b = this.boots[this.boot];
		if (rec.line > b.last_line) b.last_line = rec.line;
		this.metaCollector.observe(rec.text, this.boot);
	}

	/** `PM: suspend entry (deep)` / `PM: suspend exit`: the monotonic clock stops in between. */
	private suspendMarker(text: string, ts: number): void {
		if (text.startsWith('PM: suspend entry') || text.startsWith('PM: hibernation entry')) {
			if (this.seg !== null) this.seg.toTs = ts;
			this.suspended = true;
			this.seg = null;
		} else if (text.startsWith('PM: suspend exit') || text.startsWith('PM: hibernation exit')) {
			this.suspended = false;
			this.seg = null;
			this.nextSegmentFrom = ts;
		}
	}

	private nextSegmentFrom = NaN;
	private segIndex = 0;

	/** `rtc_cmos 00:02: setting system clock to 2014-07-03 13:10:12 UTC (1404393012)` */
	private rtcAnchor(rec: LogRecord): void {
		const m = /setting system clock to .* \((\d{9,11})\)$/.exec(rec.text);
		if (m && !Number.isNaN(rec.ts) && !this.suspended)
			this.anchor(Number(m[1]) * 1000 - rec.ts * 1000, 1000, 'rtc');
	}

	private anchor(offset: number, res: number, source: string): void {
		let s = this.seg;
		if (s === null) {
			s = {
				boot: this.boot,
				index: this.segIndex++,
				fromTs: this.nextSegmentFrom,
				toTs: NaN,
				best: [],
				halfRes: 0,
				n: 0,
				sources: new Set()
			};
			this.seg = s;
			this.segments.push(s);
		}
		const v = offset + res / 2;
		s.n++;
		if (s.sources.size < 8) s.sources.add(source);
		const best = s.best;
		if (best.length === ANCHOR_KEEP && v >= best[ANCHOR_KEEP - 1]) return;
		let k = best.length < ANCHOR_KEEP ? best.length : ANCHOR_KEEP - 1;
		best[k] = v;
		while (k > 0 && best[k - 1] > best[k]) {
			const t = best[k - 1];
			best[k - 1] = best[k];
			best[k] = t;
			k--;
		}
		if (k === 0) s.halfRes = res / 2;
	}

	private newBoot(index: number, line: number, reason: string, id: string | null): Boot {
		return {
			index,
			id,
			first_line: line,
			last_line: line,
			reason,
			kernel_version: null,
			started_at: null
		};
	}

	private startBoot(reason: string, line: number, id: string | null): void {
		this.blocks.closeAll('boot');
		this.seg = null;
		this.suspended = false;
		this.nextSegmentFrom = NaN;
		this.segIndex = 0;
		if (this.bootRecords === 0) {
			// nothing was seen in the current boot: this marker/banner just names it
			const cur = this.boots[this.boot];
			cur.first_line = Math.min(cur.first_line, line);
			if (cur.index === 0 && cur.reason === 'start') cur.first_line = 1;
			if (id) cur.id = id;
			if (reason !== 'banner' && !(cur.index === 0 && reason === 'boot-id')) cur.reason = reason;
			return;
		}
		this.boot++;
		this.boots.push(this.newBoot(this.boot, line, reason, id));
		this.bootRecords = 0;
		this.bannerSeen = false;
		this.lastTs = NaN;
	}

	// --- pstore: parts of a record come newest first; hold them and replay oldest first ---

	private startPstore(header: string): void {
		if (this.pstore === null) this.pstore = [];
		const m = PSTORE_HEADER.exec(header);
		this.pstore.push({
			counter: m ? Number(m[2]) : 0,
			part: m ? Number(m[3]) : 0,
			seq: this.pstoreSeq++,
			lines: [],
			texts: []
		});
	}

	private holdPstore(raw: string, lineNo: number): void {
		const parts = this.pstore as PstorePart[];
		const h = raw.indexOf('#');
		if (h > 3 && h < 10 && PSTORE_HEADER.test(raw)) {
			// count the header now, then open its part
			this.replaying = true;
			this.process(raw, lineNo);
			this.replaying = false;
			this.startPstore(raw);
			return;
		}
		const p = parts[parts.length - 1];
		if (p.lines.length >= PSTORE_PART_LINES || this.pstoreChars > PSTORE_BUDGET_CHARS) {
			// longer than any pstore part: the record is over, the rest of the input is not in it
			this.flushPstore();
			this.process(raw, lineNo);
			return;
		}
		p.lines.push(lineNo);
		p.texts.push(raw);
		this.pstoreChars += raw.length + 16;
	}

	private flushPstore(): void {
		const parts = this.pstore;
		if (parts === null) return;
		this.pstore = null;
		this.pstoreChars = 0;
		// oldest first: records by counter, each record's parts from the highest number down
		parts.sort((a, b) => a.counter - b.counter || b.part - a.part || a.seq - b.seq);
		this.replaying = true;
		for (const p of parts) {
			for (let k = 0; k < p.lines.length; k++) this.process(p.texts[k], p.lines[k]);
		}
		this.replaying = false;
	}

	private count(map: Record<string, number>, key: string, n = 1): void {
		map[key] = (map[key] ?? 0) + n;
	}

	/** End of input: close open reports and return the summary. */
	finish(): IngestSummary {
		this.releaseAhead();
		this.flushPstore();
		this.finishEntry();
		this.blocks.closeAll('eof');
		const meta = this.metaCollector.meta;
		const calibration: Calibration[] = [];
		for (const s of this.segments) {
			if (s.n === 0) continue;
			const k = s.best.length - 1;
			const offset = Math.round(s.best[0]);
			const spread = s.best[k] - s.best[0];
			const range =
				(Number.isNaN(s.fromTs) ? 'boot' : `${s.fromTs.toFixed(3)} s (after a resume)`) +
				(Number.isNaN(s.toTs) ? '' : ` to ${s.toTs.toFixed(3)} s (suspend)`);
			calibration.push({
				boot: s.boot,
				offset_ms: offset,
				uncertainty_ms: Math.max(1, Math.round(s.halfRes + spread)),
				anchors: s.n,
				source: `anchors from ${[...s.sources].sort().join(', ')}; segment ${s.index} from ${range}`
			});
			const b = this.boots[s.boot];
			// the boot's start is known only from anchors taken before any suspend
			if (Number.isNaN(s.fromTs) && b.started_at === null) b.started_at = isoFromMs(offset);
		}
		for (const b of this.boots)
			b.kernel_version = this.metaCollector.bootVersions.get(b.index) ?? null;
		meta.boots = this.boots;
		meta.calibration = calibration;
		const warnings: string[] = [];
		if (this.truncatedLines > 0) {
			warnings.push(
				`${this.truncatedLines} line(s) longer than ${this.maxLine} characters were analysed only up to that length.`
			);
		}
		if (this.droppedMessages > 0) {
			warnings.push(
				`The log says ${this.droppedMessages} printk message(s) were dropped: reports may be incomplete.`
			);
		}
		if (this.ctx.usedYear && this.yearSource !== 'option') {
			warnings.push(
				`Some dates carry no year; they were read as ${this.startYear}` +
					(this.ctx.year !== this.startYear ? ` to ${this.ctx.year} (the year rolls over)` : '') +
					` (${YEAR_SOURCES[this.yearSource] ?? this.yearSource}).`
			);
		}
		if (this.lineNo > 0 && this.kernelLines === 0) {
			warnings.push(
				'No kernel messages were recognised in this input: is it a kernel log (dmesg, journalctl -k, kern.log)?'
			);
		} else if (
			this.lineNo > 0 &&
			!this.ctx.seenPrefixed &&
			meta.kernel_version === null &&
			!looksKernelish(this.formats)
		) {
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
				lines_total: this.lineNo,
				lines_unparsed: this.linesUnparsed,
				unparsed_reasons: sortKeys(this.unparsed),
				lines_skipped: this.linesSkipped,
				skipped_reasons: sortKeys(this.skipped),
				bytes: this.bytes,
				warnings
			},
			metadata: meta,
			wallClock: (boot, ts) => {
				for (const seg of this.segments) {
					if (seg.boot !== boot || seg.n === 0) continue;
					if (!Number.isNaN(seg.fromTs) && ts < seg.fromTs) continue;
					if (!Number.isNaN(seg.toTs) && ts > seg.toTs) continue;
					return ts * 1000 + Math.round(seg.best[0]);
				}
				return null;
			}
		};
	}
}

const YEAR_SOURCES: Record<string, string> = {
	default: 'no year found in the log; a fixed default is used so reports are reproducible',
	'log date': 'year of a dated line in the log',
	'build date': 'year the kernel was built; the log may be later'
};

function looksKernelish(formats: Record<string, number>): boolean {
	return Object.keys(formats).some((k) => k !== 'bare' && k !== 'continuation');
}

function sortKeys(o: Record<string, number>): Record<string, number> {
	const out: Record<string, number> = {};
	for (const k of Object.keys(o).sort()) out[k] = o[k];
	return out;
}
