import type { ErrorBlock } from '../models/error-block.ts';
import { toEvent, toProgramEvent, type LogEvent, type ProgramEvent } from '../models/events.ts';
import type { InputSummary, LogMetadata } from '../models/metadata.ts';
import { Ingestor, type IngestOptions } from './ingestor.ts';

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
 * The boot of a record or report, with a wrapped ring buffer's oldest part counted in the boot
 * before it (see ring.ts; later boots, if any, move down by one).
 */
function unwrapped(boot: number, wrapped: number): number {
	return boot >= wrapped ? boot - 1 : boot;
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
	const { metadata, input, bitFlipped, wrappedBoot } = ing.finish();
	if (wrappedBoot >= 0) {
		for (const e of events) e.boot = unwrapped(e.boot, wrappedBoot);
		for (const b of errorBlocks) b.boot = unwrapped(b.boot, wrappedBoot);
		for (const p of programs) p.boot = unwrapped(p.boot, wrappedBoot);
	}
	return { metadata, input, events, errorBlocks, programs, bitFlipped };
}

export { Ingestor, DEFAULT_YEAR } from './ingestor.ts';
export { FORMATS, FORMAT_BY_ID, FORMAT_VARIANTS } from './formats/index.ts';
export type { IngestSink, IngestOptions, IngestSummary } from './ingestor.ts';
export { LineSplitter, splitLines } from './lines.ts';
export { decodeBytes, textSource, InputError } from './decode.ts';
