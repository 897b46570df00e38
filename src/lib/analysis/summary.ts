import {
	SEVERITIES,
	severityRank,
	type Category,
	type Finding,
	type Severity
} from '../models/finding.ts';
import type { Cascade, Summary, Verdict } from '../models/report.ts';

const HEADLINES: Record<Verdict, string> = {
	'kernel-crash': 'The kernel crashed or reported a serious internal error.',
	'serious-problems': 'Serious problems were found.',
	problems: 'Problems were found.',
	'minor-issues': 'Only minor issues were found.',
	healthy: 'No problems were found.',
	'no-kernel-log': 'No kernel messages were recognised.'
};

export function summarize(findings: Finding[], cascades: Cascade[], kernelLines: number): Summary {
	const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
	const byCat: Partial<Record<Category, number>> = {};
	for (const f of findings) {
		counts[f.severity]++;
		byCat[f.category] = (byCat[f.category] ?? 0) + 1;
	}
	const sortedCats: Partial<Record<Category, number>> = {};
	for (const k of Object.keys(byCat).sort() as Category[]) sortedCats[k] = byCat[k];
	let primary: Finding | null = null;
	for (const f of findings) {
		if (!primary || severityRank(f.severity) < severityRank(primary.severity)) primary = f;
	}
	const worstCrash = findings
		.filter((f) => f.category === 'crash')
		.reduce((w, f) => Math.min(w, severityRank(f.severity)), 9);
	const worst = primary ? severityRank(primary.severity) : 9;
	let verdict: Verdict;
	if (kernelLines === 0 && findings.length === 0) verdict = 'no-kernel-log';
	else if (worstCrash <= severityRank('high')) verdict = 'kernel-crash';
	else if (worst <= severityRank('high')) verdict = 'serious-problems';
	else if (worst === severityRank('medium')) verdict = 'problems';
	else if (worst === severityRank('low')) verdict = 'minor-issues';
	else verdict = 'healthy';
	const root = cascades.length > 0 ? cascades[0].chain[0] : (primary?.id ?? null);
	let headline = HEADLINES[verdict];
	if (primary)
		headline += ` Most important: ${primary.title}${primary.count > 1 ? ` (×${primary.count})` : ''}.`;
	return {
		verdict,
		headline,
		counts_by_severity: counts,
		counts_by_category: sortedCats,
		primary_finding: primary?.id ?? null,
		root_cause: root
	};
}
