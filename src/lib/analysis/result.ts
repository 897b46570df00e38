import type { Finding } from '../models/finding.ts';
import type { InputSummary, LogMetadata } from '../models/metadata.ts';
import {
	SCHEMA_VERSION,
	type AnalysisResult,
	type AnonymizationSummary
} from '../models/report.ts';
import { linkCascades } from './cascades.ts';
import { foldArcvmDenials } from './arcvm.ts';
import { foldGarbledDomains } from './garbled.ts';
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
	 * notTextAdvice): text found in it is fragments, so without findings it is no kernel log;
	 * likewise text that does not read as kernel messages (IngestSummary.notKernel)
	 */
	notText?: boolean;
	/**
	 * the input was not read to its end (the analysis was stopped, or its compressed data is cut
	 * or damaged): the headline says that the verdict is of the lines read
	 */
	partial?: boolean;
	/**
	 * the log is corrupted by flipped bits (ingestion/bitflips.ts): SELinux denials whose domain
	 * was garbled are counted with the domain (garbled.ts), and a warning says how many
	 */
	bitFlipped?: boolean;
}

/** Put the report together: cascades, summary and the fixed key order of the JSON contract. */
export function assembleResult(parts: ResultParts): AnalysisResult {
	const after = afterIngestion(parts);
	// ChromeOS's Android VM: its SELinux denials are one finding (arcvm.ts)
	const p = { ...after, findings: foldArcvmDenials(after.findings, after.metadata) };
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
		summary: summarize(
			p.findings,
			cascades,
			kernelLines,
			p.metadata.boots,
			p.partial === true ? p.input.lines_total : null
		)
	};
}

/**
 * What ingestion found only at the end of the input, applied to the findings: in a bit-flipped
 * log garbled SELinux domains are counted with the domain they were (with a warning that says
 * so). (A wrapped ring buffer's oldest part, counted in the boot before it, is renumbered by the
 * analyzer: Analyzer.finish.)
 */
function afterIngestion(p: ResultParts): ResultParts {
	if (!p.bitFlipped) return p;
	const folded = foldGarbledDomains(p.findings);
	if (folded.denials === 0) return p;
	const note = foldedNote(folded.denials, folded.spellings);
	return {
		...p,
		findings: folded.findings,
		input: { ...p.input, warnings: [...p.input.warnings, note] }
	};
}

/** What the report says of SELinux denials counted with the domain their garbled name was. */
function foldedNote(denials: number, spellings: string[]): string {
	const shown = spellings.slice(0, 5).map((d) => `"${d}"`);
	const more = spellings.length > 5 ? `, and ${spellings.length - 5} more` : '';
	return `${denials} SELinux ${denials === 1 ? 'denial' : 'denials'} whose domain name the flipped bits garbled (${shown.join(', ')}${more}) ${denials === 1 ? 'is counted with the domain it differs' : 'are counted with the domain they differ'} from by a few bits, or with domain unknown when no domain is that near and the name holds bytes that are not text.`;
}
