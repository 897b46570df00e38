/** NecroScope's public API, used by the worker, the CLI and tests. */
export {
	analyzeStream,
	analyzeText,
	InputError,
	type AnalyzeOptions,
	type Progress
} from './pipeline.ts';
export { ingest } from './ingestion/index.ts';
export { DEFAULT_LIMITS, type DecodeLimits } from './ingestion/decode.ts';
export { analyze } from './analysis/index.ts';
export {
	formatJson,
	formatText,
	formatMarkdown,
	OUTPUT_FORMATS,
	REPORT_SCHEMA,
	type OutputFormat
} from './output/index.ts';
export { anonymizeReport, type AnonymizeOptions } from './util/anonymize.ts';
export type { AnalysisResult } from './models/report.ts';
