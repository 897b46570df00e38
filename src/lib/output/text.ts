import type { Finding } from '../models/finding.ts';
import type { AnalysisResult } from '../models/report.ts';
import { groupDigits } from '../util/text.ts';
import {
	anonymizationLine,
	cascadeTree,
	ROUTINE_HEADING,
	ROUTINE_INTRO,
	routineFindings,
	findingSections,
	sectionHeading,
	reportFactRows,
	findingWhere,
	frameLabel,
	CUT_SHORT,
	counted,
	guiltyLegend,
	inert,
	inputLine,
	metadataRows,
	rowText,
	explanationsSaidOnce,
	saidBeforeText,
	type SaidBefore,
	traceInEvidence,
	severityCounts,
	verdictLabel,
	stepForInput
} from './common.ts';
import { reportNotes } from './notes.ts';

const RULE = '='.repeat(72);
const MAX_FRAMES = 40;
/** column of the System section's values (after `Virtual machine`) */
const LABEL = 16;
/** the width prose is wrapped to (a plain-text mail); log lines are never wrapped nor cut */
export const TEXT_WIDTH = 80;

/** a unit of time or size after a number: `s`, `ms`, `MB`, `KiB` (with the punctuation after it) */
const UNIT = /^(?:s|ms|us|ns|[kKMGT]i?B)(?:$|[),.;:])/;

/**
 * Prose as lines of at most TEXT_WIDTH columns: the first line starts with `first`, the others
 * with `indent` spaces. Words are split at spaces only; a word longer than the width, a
 * `code span` (a command to copy), a bracketed number with its unit ("(70 days)") and a number
 * with its unit ("0.562110 s", "2.6 s") are never broken, so nothing is cut and a line may be
 * longer. A backtick that no other follows opens no code span (a command line's lone backtick
 * had made the rest of the value one unbreakable word).
 */
export function wrap(text: string, first: string, indent: number): string[] {
	const words: string[] = [];
	let code = false;
	/** the last word opened a bracketed number ("(70" of "(70 days)") */
	let number = false;
	/** the last word was a number ("0.562110" of "0.562110 s after boot") */
	let figure = false;
	/** backticks not read yet */
	let ticks = 0;
	for (const c of text) if (c === '`') ticks++;
	for (const w of text.split(' ')) {
		// a code span's words stay together, a bracketed number with its unit ("(70" had ended a
		// line and "days)" started the next), and a number with its unit of time or size
		// ("0.562110" had ended a line and "s after boot" started the next)
		if (code || (number && /\)[,.;:]?$/.test(w)) || (figure && UNIT.test(w)))
			words[words.length - 1] += ' ' + w;
		else words.push(w);
		number = !code && /^\(\d[\d,.]*$/.test(w);
		figure = !code && /^\(?\d[\d,.]*$/.test(w);
		for (const c of w)
			if (c === '`') {
				ticks--;
				// a span opens only when a backtick after it closes it
				if (code || ticks > 0) code = !code;
			}
	}
	return wrapWords(words, first, indent);
}

/**
 * Words as lines of at most TEXT_WIDTH columns, as `wrap` makes them: a word (which may hold
 * spaces: a label and its value, `started 2023-01-06T13:17:14.279Z`) is never broken.
 */
export function wrapWords(words: readonly string[], first: string, indent: number): string[] {
	const lines: string[] = [];
	let line = first;
	// the first word follows `first` after a space, unless it ends in one (an indent, a label
	// padded to a column)
	let empty = first === '' || first.endsWith(' ');
	// a label (`References:`, `source location:`) whose first word does not fit after it: the
	// word (a URL, a path) starts the next line under the indent, whole, where it has more room
	const label = first.endsWith(':');
	let fresh = true;
	for (const w of words) {
		if ((!fresh || (label && indent < line.length)) && line.length + 1 + w.length > TEXT_WIDTH) {
			lines.push(line.trimEnd());
			line = ' '.repeat(indent) + w;
		} else line += (empty ? '' : ' ') + w;
		empty = false;
		fresh = false;
	}
	lines.push(line.trimEnd());
	return lines;
}

/**
 * A crash's call trace and registers, and the evidence: the frames and register lines the
 * evidence quotes are read there (`>` in its margin marks the guilty frame's line), and a line
 * before it says where; only frames and registers past the evidence kept are listed apart.
 */
function traceAndEvidence(f: Finding): string[] {
	const out: string[] = [];
	const t = traceInEvidence(f, f.evidence);
	const total = f.stack?.frames.length ?? 0;
	if (t.inEvidence > 0) {
		// wrapped at 80 columns as prose, the guilty frame (log text) never broken
		const lines = wrap(
			`${counted(total, 'frame')}${t.rest.length ? `, ${t.inEvidence} of them` : ''} on ${t.firstLine === t.lastLine ? `line ${t.firstLine}` : `lines ${t.firstLine}-${t.lastLine}`} of the evidence${t.guilty ? "; > marks the guilty frame's line:" : ''}`,
			'  Call trace:',
			4
		);
		if (t.guilty) {
			const label = inert(frameLabel(t.guilty));
			const last = lines[lines.length - 1];
			if (last.length + 1 + label.length <= TEXT_WIDTH) lines[lines.length - 1] += ` ${label}`;
			else lines.push(`    ${label}`);
		}
		out.push(...lines);
	}
	// frames and registers past the evidence follow it, where the trace goes on (they had come
	// before it, frames 8-13 above an evidence ending on frames 1-7); a trace the evidence does
	// not quote comes first, as it was
	const apart: string[] = [];
	if (t.rest.length) {
		const shown = t.rest.slice(0, MAX_FRAMES);
		const marked = t.restMarks.slice(0, MAX_FRAMES).includes(true);
		apart.push(
			t.inEvidence > 0
				? `  Call trace past the evidence (${counted(t.rest.length, 'frame')}${guiltyLegend(marked)}):`
				: `  Call trace (${counted(total, 'frame')}${guiltyLegend(marked)}):`
		);
		shown.forEach((fr, i) =>
			apart.push(`   ${t.restMarks[i] ? '>' : ' '} ${inert(frameLabel(fr))}`)
		);
		if (t.rest.length > MAX_FRAMES) apart.push(`     … ${t.rest.length - MAX_FRAMES} more frames`);
	}
	if (t.registers.length) {
		apart.push('  Registers:');
		for (const r of t.registers) apart.push(`    ${inert(r)}`);
	}
	if (t.inEvidence === 0) out.push(...apart);
	if (f.evidence.length) {
		// line numbers as wide as the largest: the log line keeps as many columns as it can
		const width = String(Math.max(...f.evidence.map((e) => e.line))).length;
		out.push('  Evidence:');
		for (const e of f.evidence)
			out.push(
				`  ${e.line === t.guiltyLine ? '>' : ' '} ${String(e.line).padStart(width)} | ${inert(e.text)}`
			);
	}
	if (t.inEvidence > 0) out.push(...apart);
	return out;
}

function findingText(f: Finding, result: AnalysisResult, said: SaidBefore[] = []): string[] {
	const out: string[] = [];
	// a crash's title is the kernel's own words (searched for as they are, as syzbot's titles
	// are): whole on its line; the other titles are the rules' prose, wrapped
	if (f.category === 'crash') out.push(`* ${inert(f.title)}`);
	else out.push(...wrap(inert(f.title), '*', 2));
	out.push(`  id ${f.id}, ${f.category}, rule ${f.rule}`);
	out.push(...wrap(inert(findingWhere(f, result)), '  ', 4));
	if (f.alt_titles.length)
		out.push(...wrap(f.alt_titles.map(inert).join('; '), '  Also known as:', 4));
	if (f.stack?.fault_location) out.push(`  Faulting location: ${inert(f.stack.fault_location)}`);
	if (f.details.corrupted)
		out.push(
			...wrap(
				inert(String(f.details.corrupted_reason ?? '')),
				'  Report is incomplete or interleaved:',
				4
			)
		);
	if (f.details.cut_short === true) out.push(`  Report is cut short: ${CUT_SHORT}`);
	// the parts an earlier finding said word for word: one line that names it, where the first was
	const same = new Set(said.flatMap((x) => x.parts));
	let referred = false;
	const refer = () => {
		if (referred) return;
		referred = true;
		for (const x of said) out.push(...wrap(inert(saidBeforeText(x)), `  ${x.label}:`, 4));
	};
	if (same.has('meaning')) refer();
	else out.push(...wrap(inert(f.explanation.meaning), '  What it means:', 4));
	if (same.has('causes')) refer();
	else if (f.explanation.causes.length) {
		out.push('  Likely causes:');
		for (const c of f.explanation.causes) out.push(...wrap(inert(c.text), `    - (${c.kind})`, 6));
	}
	if (same.has('next_steps')) refer();
	else if (f.explanation.next_steps.length) {
		out.push('  What to do:');
		for (const n of f.explanation.next_steps)
			out.push(...wrap(inert(stepForInput(n, f, result.input.name)), '    -', 6));
	}
	const facts = reportFactRows(f, result);
	if (facts.length) {
		out.push('  Facts:');
		for (const [k, v] of facts) out.push(...wrap(inert(v), `    ${k}:`, 6));
	}
	out.push(...traceAndEvidence(f));
	if (f.explanation.references.length)
		out.push(...wrap(f.explanation.references.map(inert).join(' '), '  References:', 4));
	out.push('');
	return out;
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
	out.push(`Verdict: ${verdictLabel(result)} (${s.verdict})`);
	out.push(...wrap(inert(s.headline), '', 0));
	const counts = severityCounts(result);
	out.push(`Findings: ${groupDigits(result.findings.length)}${counts ? ` (${counts})` : ''}`);
	if (result.input.name) out.push(`Input: ${inert(result.input.name)}`);
	out.push(...wrap(inert(inputLine(result)), 'Lines:', 7));
	const anon = anonymizationLine(result);
	if (anon) out.push(`Privacy: ${anon}`);
	for (const w of reportNotes(result.input.warnings)) out.push(...wrap(inert(w), 'Note:', 6));
	if (result.cascades.length) {
		out.push('');
		out.push('Chains of related findings (earliest cause first):');
		for (const c of result.cascades) {
			const tree = cascadeTree(c, result);
			if (tree === null) out.push(...wrap(inert(c.description), '  -', 4));
			// a cause with several effects: each effect under its cause, its text wrapped under it
			else
				for (const r of tree) {
					const at = 2 + 2 * r.depth;
					const first = r.depth === 0 ? '  -' : ' '.repeat(at) + r.arrow;
					out.push(...wrap(inert(r.text), first, r.depth === 0 ? 4 : at + 2));
				}
		}
	}
	const blank = () => {
		if (out[out.length - 1] !== '') out.push('');
	};
	// the headline's finding first, as the page lists them (findingSections)
	const groups = findingSections(result);
	const saidBefore = explanationsSaidOnce(result);
	for (const g of groups) {
		blank();
		out.push(sectionHeading(g).toUpperCase());
		out.push('-'.repeat(72));
		for (const f of g.findings) out.push(...findingText(f, result, saidBefore(f)));
	}
	if (result.findings.length === 0) {
		blank();
		out.push('No findings.');
	}
	// routine notices after the findings, in a section of their own: they never crowd them
	const routine = routineFindings(result);
	if (routine.length) {
		blank();
		if (groups.length === 0) {
			out.push('No problems were found: only routine messages, explained below.');
			out.push('');
		}
		out.push(`${ROUTINE_HEADING.toUpperCase()} (${routine.length})`);
		out.push('-'.repeat(72));
		out.push(...wrap(ROUTINE_INTRO, '', 0));
		out.push('');
		for (const f of routine) out.push(...findingText(f, result, saidBefore(f)));
	}
	// an empty input has no system to describe (its one boot of lines 1-1 is the schema's
	// placeholder, not something the input holds)
	const boots = result.input.lines_total === 0 ? [] : result.metadata.boots;
	const rows: Array<[string, string]> = metadataRows(result).map((r) => [r.label, rowText(r)]);
	if (boots.length) rows.push(['Boots', groupDigits(boots.length)]);
	if (rows.length === 0) return out.join('\n') + '\n';
	blank();
	out.push('System');
	out.push('-'.repeat(72));
	// values start in one column (a longer label, such as the first boot's command line, gets
	// its own line) and wrap under it
	// (a label may hold log text: the first kernel's release, `Build (6.1.0-…)`)
	for (const [label, v] of rows) {
		const k = inert(label);
		if (k.length < LABEL) out.push(...wrap(inert(v), k.padEnd(LABEL), LABEL));
		else out.push(k, ...wrap(inert(v), ' '.repeat(LABEL), LABEL));
	}
	// each part whole on its line: `started` had ended a line and its time begun the next
	for (const b of boots) {
		const parts = [`lines ${b.first_line}-${b.last_line}`];
		if (b.kernel_version) parts.push(`kernel ${inert(b.kernel_version)}`);
		if (b.started_at) parts.push(`started ${inert(b.started_at)}`);
		if (b.id) parts.push(`id ${inert(b.id)}`);
		out.push(
			...wrapWords(
				parts.map((p, i) => (i < parts.length - 1 ? `${p},` : p)),
				`  boot ${b.index}:`,
				4
			)
		);
	}
	return out.join('\n') + '\n';
}
