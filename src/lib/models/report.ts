import type { Category, Finding, Severity } from './finding.ts';
import type { InputSummary, LogMetadata } from './metadata.ts';

/** Follows semver: a new optional field is a minor bump, a renamed or removed field a major one. */
export const SCHEMA_VERSION = '1.23.0';

export type Verdict =
	'kernel-crash' | 'serious-problems' | 'problems' | 'minor-issues' | 'healthy' | 'no-kernel-log';

/**
 * How sure a link is: `probable` for one problem seen at several layers (an I/O error after the
 * disk's timeout), `possible` where only the timing fits (under-voltage in a boot that ended
 * without a clean shutdown).
 */
export type Certainty = 'probable' | 'possible';

/** One link of a cascade: `cause` may have led to `effect` (finding ids). */
export interface CascadeLink {
	cause: string;
	effect: string;
	certainty: Certainty;
	/** what in the log supports a possible link, in words; null for probable links */
	reason: string | null;
}

export interface Cascade {
	id: string;
	/** finding ids, earliest cause first */
	chain: string[];
	description: string;
	/** the links between the chain's findings, one per finding after the first, in chain order */
	links: CascadeLink[];
}

export interface Summary {
	verdict: Verdict;
	headline: string;
	counts_by_severity: Record<Severity, number>;
	counts_by_category: Partial<Record<Category, number>>;
	/** the most important finding (highest severity, earliest) */
	primary_finding: string | null;
	/**
	 * the primary finding's likely root cause: the first finding of the cascade chain that holds
	 * it, reached through probable links, else the primary finding itself
	 */
	root_cause: string | null;
}

export interface AnonymizationSummary {
	enabled: boolean;
	/** number of distinct values replaced, per kind */
	replaced: Record<string, number>;
}

/** The report: what the CLI prints, the worker returns and the page downloads. */
export interface AnalysisResult {
	schema_version: string;
	generator: { name: string; version: string };
	input: InputSummary & { name: string | null; anonymization: AnonymizationSummary };
	metadata: LogMetadata;
	findings: Finding[];
	cascades: Cascade[];
	summary: Summary;
}
