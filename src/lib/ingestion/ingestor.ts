import { LineClassifier, type ClassifierOptions, type ClassifierSummary } from './classifier.ts';
import { RecordTracker, type IngestSink, type IngestSummary } from './tracker.ts';

export type IngestOptions = ClassifierOptions;
export type { IngestSink, IngestSummary };
export { DEFAULT_YEAR } from './classifier.ts';

/**
 * Turns input lines into records, boots, metadata and error blocks, one line at a time: a
 * LineClassifier (shapes, prefixes, multi-line entries) feeding a RecordTracker (counts, boots,
 * metadata, calibration, error blocks) on the same thread. The CLI runs the two halves on two
 * threads instead (see docs/ARCHITECTURE.md); the records between them are the same.
 */
export class Ingestor {
	private readonly classifier: LineClassifier;
	private readonly tracker: RecordTracker;

	constructor(sink: IngestSink, options: IngestOptions = {}) {
		const tracker = new RecordTracker(sink);
		this.tracker = tracker;
		this.classifier = new LineClassifier(
			(rec, lines, bootId, hint) => tracker.dispatch(rec, lines, bootId, hint),
			options
		);
	}

	get linesDone(): number {
		return this.classifier.linesDone;
	}

	/** Feed one line (without its newline). */
	pushLine(raw: string): void {
		this.classifier.pushLine(raw);
	}

	/** End of input: close open reports and return the summary. */
	finish(): IngestSummary {
		const c: ClassifierSummary = this.classifier.finish();
		return this.tracker.finish(c);
	}
}
