import type { Finding } from '../models/finding.ts';
import type { InputSummary, LogMetadata } from '../models/metadata.ts';
import {
	SCHEMA_VERSION,
	type AnalysisResult,
	type AnonymizationSummary
} from '../models/report.ts';
import { linkCascades } from './cascades.ts';
import { summarize } from './summary.ts';

export const GENERATOR = { name: 'NecroScope', version: '0.1.0' };

export interface ResultParts {
	input: InputSummary;
	metadata: LogMetadata;
	findings: Finding[];
	name?: string | null;
	anonymization?: AnonymizationSummary;
	/**
	 * the input is a known binary format (a journal file, a vmcore, an archive: see
	 * notTextAdvice): text found in it is fragments, so without findings it is no kernel log
	 */
	notText?: boolean;
}

/** Put the report together: cascades, summary and the fixed key order of the JSON contract. */
export function assembleResult(p: ResultParts): AnalysisResult {
	const cascades = linkCascades(p.findings);
	const kernelLines = p.notText
		? 0
		: Object.entries(p.input.formats)
				.filter(([k]) => k !== 'continuation')
				.reduce((n, [, v]) => n + v, 0);
	return {
		schema_version: SCHEMA_VERSION,
		generator: GENERATOR,
		input: {
			name: p.name ?? null,
			...p.input,
			anonymization: p.anonymization ?? { enabled: false, replaced: {} }
		},
		metadata: p.metadata,
		findings: p.findings,
		cascades,
		summary: summarize(p.findings, cascades, kernelLines, p.metadata.boots)
	};
}
