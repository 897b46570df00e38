import { SEVERITIES, type Finding } from '../models/finding.ts';
import type { AnalysisResult } from '../models/report.ts';

/** Findings grouped by severity, most severe first, in order of appearance within a severity. */
export function bySeverity(result: AnalysisResult): Array<[string, Finding[]]> {
	return SEVERITIES.map((s) => [s, result.findings.filter((f) => f.severity === s)] as [string, Finding[]]).filter(
		([, fs]) => fs.length > 0
	);
}

export function lineRange(f: { first_line: number; last_line: number }): string {
	return f.first_line === f.last_line ? `line ${f.first_line}` : `lines ${f.first_line}-${f.last_line}`;
}

export function when(f: Finding): string {
	const o = f.first_seen;
	const parts: string[] = [];
	if (o.wall) parts.push(o.wall);
	if (o.ts !== null) parts.push(`${o.ts.toFixed(6)} s after boot`);
	return parts.join(', ');
}

export function metadataRows(result: AnalysisResult): Array<[string, string]> {
	const m = result.metadata;
	const rows: Array<[string, string | null]> = [
		['Kernel', m.kernel_version],
		['Build', m.kernel_build],
		['Architecture', m.arch],
		['Hardware', m.hardware],
		['BIOS', m.bios],
		['CPU', m.cpu],
		['Memory', m.memory],
		['Command line', m.command_line],
		['Taint', m.taint ? `${m.taint.raw} (${m.taint.flags.map((f) => `${f.letter}: ${f.description}`).join('; ')}${m.taint.unknown.length ? `; unknown: ${m.taint.unknown.join(' ')}` : ''})` : null],
		['Modules', m.modules.length ? `${m.modules.length}: ${m.modules.slice(0, 40).join(' ')}${m.modules.length > 40 ? ' …' : ''}` : null]
	];
	return rows.filter((r): r is [string, string] => r[1] !== null && r[1] !== '');
}

export function inputLine(result: AnalysisResult): string {
	const i = result.input;
	const formats = Object.entries(i.formats)
		.map(([k, v]) => `${k} ${v}`)
		.join(', ');
	return `${i.lines_total} lines (${formats || 'no kernel lines'}; ${i.lines_skipped} skipped, ${i.lines_unparsed} not understood)`;
}
