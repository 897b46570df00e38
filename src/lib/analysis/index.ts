import type { ErrorBlock } from '../models/error-block.ts';
import type { LogEvent, ProgramEvent } from '../models/events.ts';
import type { InputSummary, LogMetadata } from '../models/metadata.ts';
import type { AnalysisResult } from '../models/report.ts';
import { Analyzer } from './engine.ts';
import { assembleResult } from './result.ts';

/**
 * Analyse ingested events and error blocks held in arrays (the streaming pipeline feeds an
 * Analyzer directly instead). `input` is ingestion's line accounting, `bitFlipped` what
 * ingestion found of flipped bits (`IngestResult.bitFlipped`), `programs` the lines of user-space
 * programs it passed on (`IngestResult.programs`), read among the events in line order as the
 * pipeline reads them.
 */
export function analyze(
	metadata: LogMetadata,
	events: LogEvent[],
	errorBlocks: ErrorBlock[],
	input?: InputSummary,
	bitFlipped = false,
	programs: ProgramEvent[] = []
): AnalysisResult {
	const a = new Analyzer();
	let p = 0;
	for (const e of events) {
		for (; p < programs.length && programs[p].line < e.line; p++)
			a.program(programs[p], programs[p].boot);
		a.record(e);
	}
	for (; p < programs.length; p++) a.program(programs[p], programs[p].boot);
	for (const b of errorBlocks) a.block(b);
	const findings = a.finish(metadata);
	const acc: InputSummary = input ?? {
		format: 'unknown',
		formats: { unknown: events.length },
		lines_total: events.length,
		lines_unparsed: 0,
		unparsed_reasons: {},
		lines_skipped: 0,
		skipped_reasons: {},
		bytes: 0,
		warnings: [],
		assumed_year: null
	};
	return assembleResult({ input: acc, metadata, findings, bitFlipped });
}

export { Analyzer, findingId } from './engine.ts';
export { summarize } from './summary.ts';
export { assembleResult, GENERATOR } from './result.ts';
export { analyzeCrash } from './crash/index.ts';
