import type { Finding } from '../models/finding.ts';
import type { AnalysisResult } from '../models/report.ts';
import {
	anonymizationLine,
	bySeverity,
	factRows,
	findingWhere,
	frameLabel,
	CUT_SHORT,
	guiltyMarks,
	inert,
	inputLine,
	metadataRows,
	registerLines,
	severityCounts,
	VERDICT_LABELS
} from './common.ts';

const RULE = '='.repeat(72);
const MAX_FRAMES = 40;

function frameText(f: Finding): string[] {
	if (!f.stack || f.stack.frames.length === 0) return [];
	const shown = f.stack.frames.slice(0, MAX_FRAMES);
	const marks = guiltyMarks(f.stack);
	// the legend only when a shown frame carries the mark
	const marked = marks.slice(0, MAX_FRAMES).includes(true);
	const out = [
		`  Call trace (${f.stack.frames.length} frames${marked ? ', > marks the guilty frame' : ''}):`
	];
	shown.forEach((fr, i) => {
		out.push(`   ${marks[i] ? '>' : ' '} ${inert(frameLabel(fr))}`);
	});
	if (f.stack.frames.length > MAX_FRAMES)
		out.push(`     … ${f.stack.frames.length - MAX_FRAMES} more frames`);
	return out;
}

function findingText(f: Finding, result: AnalysisResult): string[] {
	const out: string[] = [];
	out.push(`* ${inert(f.title)}`);
	out.push(`  id ${f.id}, ${f.category}, rule ${f.rule}`);
	out.push(`  ${inert(findingWhere(f, result))}`);
	if (f.alt_titles.length) out.push(`  Also known as: ${f.alt_titles.map(inert).join('; ')}`);
	if (f.stack?.fault_location) out.push(`  Faulting location: ${inert(f.stack.fault_location)}`);
	if (f.details.corrupted)
		out.push(
			`  Report is incomplete or interleaved: ${inert(String(f.details.corrupted_reason ?? ''))}`
		);
	if (f.details.cut_short === true) out.push(`  Report is cut short: ${CUT_SHORT}`);
	out.push(`  What it means: ${inert(f.explanation.meaning)}`);
	if (f.explanation.causes.length) {
		out.push('  Likely causes:');
		for (const c of f.explanation.causes) out.push(`    - (${c.kind}) ${inert(c.text)}`);
	}
	if (f.explanation.next_steps.length) {
		out.push('  What to do:');
		for (const n of f.explanation.next_steps) out.push(`    - ${inert(n)}`);
	}
	const facts = factRows(f);
	if (facts.length) {
		out.push('  Facts:');
		for (const [k, v] of facts) out.push(`    ${k}: ${inert(v)}`);
	}
	out.push(...frameText(f));
	const regs = registerLines(f);
	if (regs.length) {
		out.push('  Registers:');
		for (const r of regs) out.push(`    ${inert(r)}`);
	}
	if (f.evidence.length) {
		out.push('  Evidence:');
		for (const e of f.evidence) out.push(`    ${String(e.line).padStart(7)} | ${inert(e.text)}`);
	}
	if (f.explanation.references.length)
		out.push(`  References: ${f.explanation.references.map(inert).join(' ')}`);
	out.push('');
	return out;
}

/**
 * One finding as the text report gives it (from its `* title` line to the blank line after it),
 * for the page's "Save crash report" button: the file its crash advice names.
 */
export function formatFindingText(f: Finding, result: AnalysisResult): string {
	return findingText(f, result).join('\n');
}

/**
 * The plain-text report: summary and verdict, findings by severity (title, where, explanation,
 * call trace, evidence), then the system and its boots. Log text is made inert (control and ANSI
 * characters shown as escapes) so the report is safe to print in a terminal. No clock.
 */
export function formatText(result: AnalysisResult): string {
	const out: string[] = [];
	const s = result.summary;
	out.push(
		`NecroScope report (schema ${result.schema_version}, ${result.generator.name} ${result.generator.version})`
	);
	out.push(RULE);
	out.push(`Verdict: ${VERDICT_LABELS[s.verdict] ?? s.verdict} (${s.verdict})`);
	out.push(inert(s.headline));
	const counts = severityCounts(result);
	out.push(`Findings: ${result.findings.length}${counts ? ` (${counts})` : ''}`);
	if (result.input.name) out.push(`Input: ${inert(result.input.name)}`);
	out.push(`Lines: ${inert(inputLine(result))}`);
	const anon = anonymizationLine(result);
	if (anon) out.push(`Privacy: ${anon}`);
	for (const w of result.input.warnings) out.push(`Note: ${inert(w)}`);
	if (result.cascades.length) {
		out.push('');
		out.push('Chains of related findings (earliest cause first):');
		for (const c of result.cascades) out.push(`  - ${inert(c.description)}`);
	}
	const blank = () => {
		if (out[out.length - 1] !== '') out.push('');
	};
	for (const [sev, fs] of bySeverity(result)) {
		blank();
		out.push(`${sev.toUpperCase()} (${fs.length})`);
		out.push('-'.repeat(72));
		for (const f of fs) out.push(...findingText(f, result));
	}
	if (result.findings.length === 0) {
		blank();
		out.push('No findings.');
	}
	blank();
	out.push('System');
	out.push('-'.repeat(72));
	for (const [k, v] of metadataRows(result)) out.push(`${k.padEnd(13)} ${inert(v)}`);
	out.push(`Boots         ${result.metadata.boots.length}`);
	for (const b of result.metadata.boots) {
		out.push(
			inert(
				`  boot ${b.index}: lines ${b.first_line}-${b.last_line}${b.kernel_version ? `, kernel ${b.kernel_version}` : ''}${b.started_at ? `, started ${b.started_at}` : ''}${b.id ? `, id ${b.id}` : ''}`
			)
		);
	}
	return out.join('\n') + '\n';
}
