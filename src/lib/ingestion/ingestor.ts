import type { ErrorBlock } from '../models/error-block.ts';
import { newRecord, resetRecord, type LogRecord } from '../models/log-record.ts';
import type { Boot, Calibration, InputSummary, LogMetadata } from '../models/metadata.ts';
import { stripAnsi } from '../util/text.ts';
import { isoFromMs } from '../util/time.ts';
import { BlockAssembler } from './blocks/assembler.ts';
import { FORMATS, type FormatContext, type LineFormat } from './formats/index.ts';
import { MetadataCollector } from './metadata.ts';

/** Receives the ingestor's output as it streams. `record` gets a reused object: copy what you keep. */
export interface IngestSink {
	record(rec: LogRecord): void;
	block(block: ErrorBlock): void;
}

export interface IngestOptions {
	/** year assumed for syslog dates that have none (default: the current year, UTC) */
	year?: number;
	/** lines longer than this are analysed only up to it (the rest is still counted) */
	maxLineLength?: number;
}

export interface IngestSummary {
	input: InputSummary;
	metadata: LogMetadata;
}

const DEFAULT_MAX_LINE = 64 * 1024;
/** a drop of the monotonic time by more than this starts a new boot */
const RESET_SLACK_S = 1;

interface Anchor {
	sum: number;
	n: number;
	min: number;
	max: number;
}

/**
 * Turns input lines into records, boots, metadata and error blocks, one line at a time.
 * Memory does not grow with the input: only counters, metadata and open blocks are kept.
 */
export class Ingestor {
	private readonly rec: LogRecord = newRecord();
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
	private lastTs = NaN;
	private prevTs = NaN;
	private prevCaller = '';
	private anchors = new Map<number, Anchor>();
	private truncatedLines = 0;
	private kernelLines = 0;

	constructor(
		private readonly sink: IngestSink,
		options: IngestOptions = {}
	) {
		this.ctx = { year: options.year ?? new Date().getUTCFullYear(), seenPrefixed: false };
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
		const rec = this.rec;
		resetRecord(rec, lineNo);
		if (raw.length === 0) {
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
		if (!this.classify(line, rec)) return;

		switch (rec.kind) {
			case 'skipped':
				this.linesSkipped++;
				this.count(this.skipped, rec.reason);
				if (rec.reason === 'boot marker') this.startBoot('marker', rec.line, rec.text || null);
				return;
			case 'unparsed':
				this.linesUnparsed++;
				this.count(this.unparsed, rec.reason);
				if (rec.reason.startsWith('binary')) return;
				break;
			case 'continuation':
				this.count(this.formats, rec.format);
				rec.ts = this.prevTs;
				rec.caller = this.prevCaller;
				break;
			default:
				this.count(this.formats, rec.format);
				if (rec.format !== 'bare') this.ctx.seenPrefixed = true;
				this.kernelLines++;
		}
		this.track(rec);
		this.sink.record(rec);
		const ctxId = Number.isNaN(rec.ts) ? '' : rec.caller === '' ? 'console' : rec.caller;
		this.blocks.push(rec.line, rec.text, rec.ts, ctxId, rec.boot);
	}

	private classify(line: string, rec: LogRecord): boolean {
		if (this.last.parse(line, rec, this.ctx)) return true;
		for (const f of FORMATS) {
			if (f === this.last) continue;
			resetRecord(rec, rec.line);
			if (f.parse(line, rec, this.ctx)) {
				if (rec.kind === 'kernel' && f.id !== 'bare') this.last = f;
				return true;
			}
		}
		// bare claims every line, so this is unreachable; keep accounting honest anyway
		rec.kind = 'unparsed';
		rec.reason = 'unknown shape';
		this.linesUnparsed++;
		this.count(this.unparsed, rec.reason);
		return false;
	}

	/** Boots, timestamps, metadata and calibration anchors for a kernel record. */
	private track(rec: LogRecord): void {
		const ts = rec.ts;
		if (rec.kind === 'kernel') {
			const banner = rec.text.startsWith('Linux version ');
			if (banner && this.bootRecords > 0 && !(ts > 5)) this.startBoot('banner', rec.line, null);
			else if (!Number.isNaN(ts) && !Number.isNaN(this.lastTs) && ts < this.lastTs - RESET_SLACK_S && ts < 60) {
				this.startBoot('timestamp-reset', rec.line, null);
			}
			if (!Number.isNaN(ts)) this.lastTs = ts;
			this.prevTs = ts;
			this.prevCaller = rec.caller;
			this.bootRecords++;
			if (!Number.isNaN(ts) && !Number.isNaN(rec.wall)) this.anchor(rec.wall - ts * 1000);
			else if (rec.text.charCodeAt(0) === 114 /* r */ && rec.text.startsWith('rtc')) this.rtcAnchor(rec);
		}
		rec.boot = this.boot;
		const b = this.boots[this.boot];
		b.last_line = rec.line;
		this.metaCollector.observe(rec.text, this.boot);
	}

	/** `rtc_cmos 00:02: setting system clock to 2014-07-03 13:10:12 UTC (1404393012)` */
	private rtcAnchor(rec: LogRecord): void {
		const m = /setting system clock to .* \((\d{9,11})\)$/.exec(rec.text);
		if (m && !Number.isNaN(rec.ts)) this.anchor(Number(m[1]) * 1000 - rec.ts * 1000, 1000);
	}

	private anchor(offset: number, slack = 0): void {
		let a = this.anchors.get(this.boot);
		if (!a) {
			a = { sum: 0, n: 0, min: Infinity, max: -Infinity };
			this.anchors.set(this.boot, a);
		}
		a.sum += offset;
		a.n++;
		a.min = Math.min(a.min, offset - slack);
		a.max = Math.max(a.max, offset + slack);
	}

	private newBoot(index: number, line: number, reason: string, id: string | null): Boot {
		return { index, id, first_line: line, last_line: line, reason, kernel_version: null, started_at: null };
	}

	private startBoot(reason: string, line: number, id: string | null): void {
		this.blocks.closeAll('boot');
		if (this.bootRecords === 0) {
			// nothing was seen in the current boot: this marker/banner just names it
			const cur = this.boots[this.boot];
			cur.first_line = Math.min(cur.first_line, line);
			if (cur.index === 0 && cur.reason === 'start') cur.first_line = 1;
			if (id) cur.id = id;
			if (reason !== 'banner') cur.reason = reason;
			return;
		}
		this.boot++;
		this.boots.push(this.newBoot(this.boot, line, reason, id));
		this.bootRecords = 0;
		this.lastTs = NaN;
	}

	private count(map: Record<string, number>, key: string): void {
		map[key] = (map[key] ?? 0) + 1;
	}

	/** End of input: close open reports and return the summary. */
	finish(): IngestSummary {
		this.blocks.closeAll('eof');
		const meta = this.metaCollector.meta;
		const calibration: Calibration[] = [];
		for (const b of this.boots) {
			b.kernel_version = this.metaCollector.bootVersions.get(b.index) ?? null;
			const a = this.anchors.get(b.index);
			if (a && a.n > 0) {
				const offset = Math.round(a.sum / a.n);
				calibration.push({
					boot: b.index,
					offset_ms: offset,
					uncertainty_ms: Math.max(1000, Math.round((a.max - a.min) / 2)),
					anchors: a.n,
					source: 'line prefixes and rtc'
				});
				b.started_at = isoFromMs(offset);
			}
		}
		meta.boots = this.boots;
		meta.calibration = calibration;
		const warnings: string[] = [];
		if (this.truncatedLines > 0) {
			warnings.push(
				`${this.truncatedLines} line(s) longer than ${this.maxLine} characters were analysed only up to that length.`
			);
		}
		if (this.lineNo > 0 && this.kernelLines === 0) {
			warnings.push('No kernel messages were recognised in this input: is it a kernel log (dmesg, journalctl -k, kern.log)?');
		} else if (this.lineNo > 0 && !this.ctx.seenPrefixed && meta.kernel_version === null && !looksKernelish(this.formats)) {
			warnings.push('No line has a kernel timestamp or syslog kernel tag; lines were read as bare kernel messages.');
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
			metadata: meta
		};
	}
}

function looksKernelish(formats: Record<string, number>): boolean {
	return Object.keys(formats).some((k) => k !== 'bare' && k !== 'continuation');
}

function sortKeys(o: Record<string, number>): Record<string, number> {
	const out: Record<string, number> = {};
	for (const k of Object.keys(o).sort()) out[k] = o[k];
	return out;
}
