import type { Finding } from '../models/finding.ts';
import type { AnalysisResult } from '../models/report.ts';
import { escapeControls } from '../util/text.ts';
import { bySeverity, inputLine, lineRange, metadataRows, when } from './common.ts';

const RULE = '='.repeat(72);

function frameText(f: Finding): string[] {
	if (!f.stack || f.stack.frames.length === 0) return [];
	const out = ['  Call trace:'];
	for (const fr of f.stack.frames.slice(0, 40)) {
		const mark = fr.function === f.stack.guilty_frame ? '>' : ' ';
		out.push(
			`   ${mark} ${fr.reliable ? '' : '? '}${fr.function}${fr.offset ? `+${fr.offset}/${fr.size}` : ''}${fr.module ? ` [${fr.module}]` : ''}${fr.context !== 'task' ? `  (${fr.context})` : ''}`
		);
	}
	if (f.stack.frames.length > 40) out.push(`     … ${f.stack.frames.length - 40} more frames`);
	return out;
}

/** The plain-text report. Log text is escaped so control sequences stay inert in a terminal. */
export function formatText(result: AnalysisResult): string {
	const out: string[] = [];
	const s = result.summary;
	out.push(`NecroScope report (schema ${result.schema_version}, ${result.generator.name} ${result.generator.version})`);
	out.push(RULE);
	out.push(`Verdict: ${s.verdict}`);
	out.push(s.headline);
	const counts = Object.entries(s.counts_by_severity)
		.filter(([, n]) => n > 0)
		.map(([k, n]) => `${n} ${k}`)
		.join(', ');
	out.push(`Findings: ${result.findings.length}${counts ? ` (${counts})` : ''}`);
	if (result.input.name) out.push(`Input: ${escapeControls(result.input.name)}`);
	out.push(`Lines: ${inputLine(result)}`);
	for (const w of result.input.warnings) out.push(`Note: ${w}`);
	if (result.cascades.length) {
		out.push('');
		out.push('Chains of related findings (earliest cause first):');
		for (const c of result.cascades) out.push(`  - ${escapeControls(c.description)}`);
	}
	for (const [sev, fs] of bySeverity(result)) {
		out.push('');
		out.push(`${sev.toUpperCase()} (${fs.length})`);
		out.push('-'.repeat(72));
		for (const f of fs) {
			out.push(`* ${escapeControls(f.title)}  [${f.category}, ${f.rule}, id ${f.id}]`);
			out.push(`  ${lineRange(f)}${f.count > 1 ? `, seen ${f.count} times (last at line ${f.last_seen.first_line})` : ''}${when(f) ? `; ${when(f)}` : ''}${f.boots.length > 1 || result.metadata.boots.length > 1 ? `; boot ${f.boots.join(', ')}` : ''}`);
			if (f.alt_titles.length) out.push(`  Also known as: ${f.alt_titles.map(escapeControls).join('; ')}`);
			if (f.details.corrupted) out.push(`  Report is incomplete or interleaved: ${f.details.corrupted_reason}`);
			out.push(`  What it means: ${f.explanation.meaning}`);
			if (f.explanation.causes.length) {
				out.push('  Likely causes:');
				for (const c of f.explanation.causes) out.push(`    - (${c.kind}) ${c.text}`);
			}
			if (f.explanation.next_steps.length) {
				out.push('  What to do:');
				for (const n of f.explanation.next_steps) out.push(`    - ${n}`);
			}
			out.push(...frameText(f));
			out.push('  Evidence:');
			for (const e of f.evidence) out.push(`    ${String(e.line).padStart(7)} | ${escapeControls(e.text)}`);
			if (f.explanation.references.length) out.push(`  References: ${f.explanation.references.join(' ')}`);
			out.push('');
		}
	}
	if (result.findings.length === 0) {
		out.push('');
		out.push('No findings.');
	}
	out.push('');
	out.push('System');
	out.push('-'.repeat(72));
	for (const [k, v] of metadataRows(result)) out.push(`${k.padEnd(13)} ${escapeControls(v)}`);
	out.push(`Boots         ${result.metadata.boots.length}`);
	for (const b of result.metadata.boots) {
		out.push(`  boot ${b.index}: lines ${b.first_line}-${b.last_line}${b.kernel_version ? `, kernel ${b.kernel_version}` : ''}${b.started_at ? `, started ${b.started_at}` : ''}${b.id ? `, id ${b.id}` : ''}`);
	}
	return out.join('\n') + '\n';
}
