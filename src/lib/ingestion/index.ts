import type { ErrorBlock } from '../models/error-block.ts';
import { toEvent, toProgramEvent, type LogEvent, type ProgramEvent } from '../models/events.ts';
import type { InputSummary, LogMetadata } from '../models/metadata.ts';
import { Ingestor, type IngestOptions } from './ingestor.ts';
import { bootAfterUnwrap } from './ring.ts';

export interface IngestResult {
	metadata: LogMetadata;
	input: InputSummary;
	events: LogEvent[];
	errorBlocks: ErrorBlock[];
	/**
	 * the lines of user-space programs that the analysis reads too (a user-space OOM killer's,
	 * systemd's about an oomd kill: LogRecord.program), counted as skipped; pass them on to
	 * `analyze` (the streaming pipeline hands them to the Analyzer as they come)
	 */
	programs: ProgramEvent[];
	/** the log is corrupted by flipped bits (see bitflips.ts); pass it on to `analyze` */
	bitFlipped: boolean;
}

/**
 * Ingest a whole log given as lines (tests and small inputs). Every kernel record becomes an
 * event, every line of a program the analysis reads too a ProgramEvent; the streaming pipeline
 * (pipeline.ts) uses the Ingestor directly and keeps none.
 */
export function ingest(lines: Iterable<string>, options: IngestOptions = {}): IngestResult {
	const events: LogEvent[] = [];
	const errorBlocks: ErrorBlock[] = [];
	const programs: ProgramEvent[] = [];
	const ing = new Ingestor(
		{
			record: (r) => {
				events.push(toEvent(r));
			},
			block: (b) => {
				errorBlocks.push(b);
			},
			program: (r, boot) => {
				programs.push(toProgramEvent(r, boot));
			}
		},
		options
	);
	for (const l of lines) ing.pushLine(l);
	const { metadata, input, bitFlipped, wrappedBoots } = ing.finish();
	if (wrappedBoots.length > 0) {
		// a wrapped ring buffer's oldest part is counted in the boot before it (ring.ts)
		const to = bootAfterUnwrap(wrappedBoots);
		for (const e of events) e.boot = to(e.boot);
		for (const b of errorBlocks) b.boot = to(b.boot);
		for (const p of programs) p.boot = to(p.boot);
	}
	return { metadata, input, events, errorBlocks, programs, bitFlipped };
}

export { Ingestor, DEFAULT_YEAR } from './ingestor.ts';
export { FORMATS, FORMAT_BY_ID, FORMAT_VARIANTS } from './formats/index.ts';
export type { IngestSink, IngestOptions, IngestSummary } from './ingestor.ts';
export { LineSplitter, splitLines } from './lines.ts';
export { decodeBytes, textSource, InputError } from './decode.ts';
