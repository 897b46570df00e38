/**
 * A report of schema 1.12 or older was written before findings said that they are routine
 * notices (`Finding.routine`, since 1.13.0): read back, its notices would stand among the
 * findings. Shown (the page, the CLI's text and Markdown), its info findings of rules that are
 * routine now (LineRule.routine, the engine's own flag: no second list) are marked so. The rules
 * are loaded only for such a report: the page's main bundle does not carry them.
 */
import type { Finding } from '../models/finding.ts';
import type { AnalysisResult } from '../models/report.ts';

/** the schema's minor version (of major 1) that added `Finding.routine` */
const ROUTINE_SINCE_MINOR = 13;

/** True when a report's schema version is older than the `routine` key. */
export function predatesRoutine(report: Pick<AnalysisResult, 'schema_version'>): boolean {
	const [major, minor] = report.schema_version.split('.').map(Number);
	return major === 1 && minor < ROUTINE_SINCE_MINOR;
}

/** the finding with `routine: true` after its severity, where the engine writes it */
function withRoutine(f: Finding): Finding {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(f)) {
		out[k] = v;
		if (k === 'severity') out.routine = true;
	}
	return out as unknown as Finding;
}

/**
 * The report with its routine notices marked when it predates the `routine` key: an info finding
 * without the key whose rule is routine now. Other reports, and reports with no such finding, are
 * returned as they are. A finding of a rule that was low then (and is a routine notice now) stays
 * as the report says: its severity, summary and verdict were the report's.
 */
export async function markRoutineOfOldReport(report: AnalysisResult): Promise<AnalysisResult> {
	if (!predatesRoutine(report)) return report;
	if (!report.findings.some((f) => f.severity === 'info' && f.routine === undefined)) return report;
	const { LINE_RULES } = await import('../analysis/rules/index.ts');
	const routine = new Set(LINE_RULES.filter((r) => r.routine).map((r) => r.id));
	if (!report.findings.some((f) => f.severity === 'info' && routine.has(f.rule))) return report;
	return {
		...report,
		findings: report.findings.map((f) =>
			f.severity === 'info' && f.routine === undefined && routine.has(f.rule) ? withRoutine(f) : f
		)
	};
}

/**
 * The report as its file had it: what leaves the page (the JSON download, a share link) is the
 * report that was opened, as the CLI's `--format json` prints it, not the marks made for showing
 * it. A report that predates the `routine` key had none, so every one is a mark.
 */
export function asSaved(report: AnalysisResult): AnalysisResult {
	if (!predatesRoutine(report) || !report.findings.some((f) => f.routine !== undefined))
		return report;
	return {
		...report,
		findings: report.findings.map((f) => {
			if (f.routine === undefined) return f;
			const { routine: _mark, ...rest } = f;
			return rest as Finding;
		})
	};
}
