import type { Explanation, Finding } from '../models/finding.ts';
import type { LogMetadata } from '../models/metadata.ts';

/** What an explanation provider is given about one finding. */
export interface ExplainInput {
	finding: Omit<Finding, 'explanation'>;
	metadata: LogMetadata;
	/** the registry's explanation for the finding's rule, if it has one */
	registry: Explanation | null;
	/**
	 * the log is an Android device's (a kernel message of Android's user space: rules/android.ts),
	 * a phone's or tablet's whose owner cannot build its kernel
	 */
	android?: boolean;
}

/**
 * Explains findings. The heuristic provider is synchronous and built in (every report has it);
 * other providers (a local LLM) are asynchronous and asked for one finding at a time.
 */
export interface ExplanationProvider {
	readonly id: string;
	explain(input: ExplainInput): Explanation;
}
