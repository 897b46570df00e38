import { LineClassifier, type ClassifierOptions, type ClassifierSummary } from './classifier.ts';
import type { LogRecord } from '../models/log-record.ts';
import { BitFlipSigns } from './bitflips.ts';
import { holeInside, NulStretches } from './nul.ts';
import { PastePrefix } from './paste.ts';
import { bootAfterUnwrap, RingWrap } from './ring.ts';
import { RecordTracker, type IngestSink, type IngestSummary as TrackerSummary } from './tracker.ts';

export interface IngestOptions extends ClassifierOptions {
	/**
	 * computed once over the text of every kernel or continuation record and handed to the
	 * tracker and the sink as `hint` (the pipeline's combined trigger scan, so that the block
	 * assembler and the analyzer need not each scan every line)
	 */
	scan?: (text: string) => number;
	/** sees every classified record, kernel or not (anonymization learns host names from it) */
	observe?: (rec: LogRecord) => void;
}
export type { IngestSink };

export interface IngestSummary extends TrackerSummary {
	/**
	 * the log is damaged by flipped bits (see bitflips.ts; input.warnings says so). Not a field of
	 * the report: the analysis counts garbled SELinux domains with theirs (analysis/garbled.ts).
	 */
	bitFlipped: boolean;
	/**
	 * the boots that were the oldest part of a ring buffer read from the wrong place (see ring.ts),
	 * in order, each now counted in the boot before it (boot 0, or the log pasted after another
	 * that the buffer is; the boots after it moved down by one); empty when none. Records and
	 * reports passed on before the end carry the boots as they were: the report's findings are
	 * renumbered (Analyzer.finish, with ring.ts bootAfterUnwrap).
	 */
	wrappedBoots: number[];
}
export { DEFAULT_YEAR } from './classifier.ts';

/**
 * Turns input lines into records, boots, metadata and error blocks, one line at a time: a
 * LineClassifier (shapes, prefixes, multi-line entries) feeding a RecordTracker (counts, boots,
 * metadata, calibration, error blocks), with the optional trigger scan in between.
 */
export class Ingestor {
	private readonly classifier: LineClassifier;
	private readonly tracker: RecordTracker;
	private readonly flips = new BitFlipSigns();
	private readonly ring = new RingWrap();
	private readonly nuls = new NulStretches();
	/** quote marks or line numbers that a paste put before every line (see paste.ts) */
	private readonly paste = new PastePrefix((raw, mayHaveNul) => this.classify(raw, mayHaveNul));

	constructor(sink: IngestSink, options: IngestOptions = {}) {
		const tracker = new RecordTracker(sink);
		this.tracker = tracker;
		const scan = options.scan;
		const observe = options.observe;
		const flips = this.flips;
		const ring = this.ring;
		this.classifier = new LineClassifier(
			(rec, lines, bootId) => {
				observe?.(rec);
				flips.observe(rec);
				tracker.dispatch(
					rec,
					lines,
					bootId,
					scan && (rec.kind === 'kernel' || rec.kind === 'continuation') ? scan(rec.text) : -1
				);
				ring.observe(rec);
			},
			{
				...options,
				onDumpTime: (wallMs) => tracker.dumpAnchor(wallMs),
				onDumpStart: (line, times) => tracker.dumpStart(line, times),
				onDumpEnd: (line, ts, text) => tracker.dumpEnd(line, ts, text),
				onDumpReplayed: () => tracker.dumpReplayed(),
				dumpHad: (ts) => tracker.dumpHad(ts)
			}
		);
	}

	get linesDone(): number {
		return this.classifier.linesDone + this.paste.holding;
	}

	/**
	 * Feed one line (without its newline). `mayHaveNul` false: the caller knows that the line holds
	 * no NUL character (LineSplitter tells so from its chunk), and it is not searched for one.
	 */
	pushLine(raw: string, mayHaveNul = true): void {
		this.paste.push(raw, mayHaveNul);
	}

	private classify(raw: string, mayHaveNul: boolean): void {
		if (mayHaveNul && raw.indexOf('\0') !== -1) {
			const lineNo = this.classifier.linesDone + 1;
			this.nuls.line(raw, lineNo);
			// a stretch inside the line, with text after it: that text is read as a line of its own
			const at = holeInside(raw);
			if (at > 0) this.classifier.markHole(lineNo, at);
		}
		this.classifier.pushLine(raw);
	}

	/** End of input: close open reports and return the summary. */
	finish(): IngestSummary {
		this.paste.finish();
		const c: ClassifierSummary = this.classifier.finish();
		const summary = this.tracker.finish(c);
		const wrappedLines = this.paste.wrapWarning();
		if (wrappedLines !== null) summary.input.warnings.unshift(wrappedLines);
		const pasted = this.paste.warning();
		if (pasted !== null) summary.input.warnings.unshift(pasted);
		const flipped = this.flips.warning();
		if (flipped !== null) summary.input.warnings.push(flipped);
		const wrapped = this.ring.unwrap(summary.metadata, (b) => this.tracker.hasBanner(b));
		if (wrapped !== null) {
			const notes = summary.input.warnings;
			this.tracker.renumberNotes(notes, bootAfterUnwrap(wrapped.boots));
			notes.push(...wrapped.warnings);
		} else {
			const reversed = this.ring.reversedNote(
				summary.metadata,
				(b) => this.tracker.hasBanner(b),
				this.tracker.firstBootEnded
			);
			if (reversed !== null) summary.input.warnings.push(reversed);
		}
		const nul = this.nuls.warning(
			summary.metadata.boots,
			summary.input.formats,
			summary.input.lines_total
		);
		if (nul !== null) summary.input.warnings.push(nul);
		return { ...summary, bitFlipped: flipped !== null, wrappedBoots: wrapped?.boots ?? [] };
	}
}
