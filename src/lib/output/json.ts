import type { AnalysisResult } from '../models/report.ts';

/**
 * The JSON report: two-space indented, keys in the fixed order the report is built in, a final
 * newline. No clock or random value goes in, so the same input always gives the same bytes.
 */
export function formatJson(result: AnalysisResult): string {
	return (
		JSON.stringify(
			result,
			(_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
			2
		) + '\n'
	);
}
