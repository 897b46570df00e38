import type { Finding } from '../models/finding.ts';
import type { AnalysisResult } from '../models/report.ts';
import {
	anonymizationLine,
	bySeverity,
	findingWhere,
	frameLabel,
	inert,
	inputLine,
	metadataRows,
	severityCounts,
	VERDICT_LABELS
} from './common.ts';

/**
 * Escape text that came from a log (or may contain log text) for Markdown prose, table cells and
 * headings (CommonMark/GFM): links, images, raw HTML, emphasis, tables and autolinks are shown as
 * text, never rendered. Control characters are made visible first.
 */
export function escapeMarkdown(s: string): string {
	return (
		inert(s)
			// ASCII punctuation that opens links/images/HTML/code/emphasis/tables/headings
			.replace(/[\\`*_[\]<>&|~#!]/g, (c) => '\\' + c)
			// GFM extended autolinks: `https://x`, `www.x`, `a@b.c`
			.replace(/:\/\//g, '\\://')
			.replace(/www\./gi, (m) => m.slice(0, 3) + '\\.')
			.replace(/@/g, '\\@')
	);
}

/**
 * Our own prose (explanations) marks commands with backticks; it may still carry log-derived
 * values, so code spans become inline code and the rest is escaped.
 */
export function proseMarkdown(s: string): string {
	const parts = s.split('`');
	if (parts.length % 2 === 0) return escapeMarkdown(s);
	return parts.map((p, i) => (i % 2 ? inlineCode(p) : escapeMarkdown(p))).join('');
}

/** Inline code for an identifier that may contain backticks (delimiter longer than any run). */
export function inlineCode(s: string): string {
	const text = inert(s);
	const fence = '`'.repeat(longestBacktickRun(text) + 1);
	const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
	return `${fence}${pad}${text}${pad}${fence}`;
}

function longestBacktickRun(s: string): number {
	let best = 0;
	let run = 0;
	for (let i = 0; i < s.length; i++) {
		if (s.charCodeAt(i) === 96) {
			run++;
			if (run > best) best = run;
		} else run = 0;
	}
	return best;
}

/** A fenced code block whose fence is longer than any backtick run in the content. */
export function codeBlock(lines: string[], info = 'text'): string[] {
	const safe = lines.map(inert);
	const fence = '`'.repeat(Math.max(3, ...safe.map(longestBacktickRun).map((n) => n + 1)));
	return [fence + info, ...safe, fence];
}

function details(summary: string, body: string[]): string[] {
	// summary is our own text only (never log text): it sits in raw HTML
	return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>', ''];
}

function findingSection(f: Finding, result: AnalysisResult): string[] {
	const out: string[] = [];
	out.push(`#### ${inlineCode(f.title)}`, '');
	out.push(
		`- **Id:** ${inlineCode(f.id)} · **Rule:** ${inlineCode(f.rule)} · **Category:** ${f.category} · **Severity:** ${f.severity}`
	);
	out.push(`- **Where:** ${escapeMarkdown(findingWhere(f, result))}`);
	if (f.alt_titles.length)
		out.push(`- **Also known as:** ${f.alt_titles.map((t) => inlineCode(t)).join(', ')}`);
	if (f.stack?.guilty_frame) out.push(`- **Guilty frame:** ${inlineCode(f.stack.guilty_frame)}`);
	if (f.stack?.fault_location)
		out.push(`- **Faulting location:** ${inlineCode(f.stack.fault_location)}`);
	if (f.details.corrupted)
		out.push(
			`- **Report is incomplete or interleaved:** ${escapeMarkdown(String(f.details.corrupted_reason ?? ''))}`
		);
	out.push('');
	out.push(`**What it means:** ${proseMarkdown(f.explanation.meaning)}`, '');
	if (f.explanation.causes.length) {
		out.push('**Likely causes:**', '');
		for (const c of f.explanation.causes) out.push(`- *${c.kind}:* ${proseMarkdown(c.text)}`);
		out.push('');
	}
	if (f.explanation.next_steps.length) {
		out.push('**What to do:**', '');
		for (const n of f.explanation.next_steps) out.push(`- ${proseMarkdown(n)}`);
		out.push('');
	}
	if (f.explanation.references.length) {
		out.push(
			`**References:** ${f.explanation.references.map((r) => (/^https:\/\/[^\s<>()[\]`]+$/.test(r) ? `<${r}>` : inlineCode(r))).join(' · ')}`,
			''
		);
	}
	if (f.stack && f.stack.frames.length) {
		const frames = f.stack.frames.map(
			(fr) => `${fr.function === f.stack?.guilty_frame ? '>' : ' '} ${frameLabel(fr)}`
		);
		out.push(...details(`Call trace (${f.stack.frames.length} frames)`, codeBlock(frames)));
	}
	if (f.evidence.length) {
		const width = String(f.evidence[f.evidence.length - 1].line).length;
		const lines = f.evidence.map((e) => `${String(e.line).padStart(width)} | ${e.text}`);
		out.push(
			...details(
				`Evidence (${f.evidence.length} ${f.evidence.length === 1 ? 'line' : 'lines'})`,
				codeBlock(lines)
			)
		);
	}
	return out;
}

/**
 * The Markdown report, to paste into a GitHub/GitLab issue or a mailing-list post. Log text is
 * inert: evidence and traces sit in fenced code blocks (fence longer than any backtick run),
 * titles in inline code, anything else escaped. No clock: same input, same bytes.
 */
export function formatMarkdown(result: AnalysisResult): string {
	const out: string[] = [];
	const s = result.summary;
	out.push(`## NecroScope report: ${VERDICT_LABELS[s.verdict] ?? escapeMarkdown(s.verdict)}`, '');
	out.push(escapeMarkdown(s.headline), '');
	const counts = severityCounts(result);
	out.push('| | |', '|---|---|');
	out.push(`| Verdict | ${inlineCode(s.verdict)} |`);
	out.push(`| Findings | ${result.findings.length}${counts ? ` (${counts})` : ''} |`);
	if (result.input.name) out.push(`| Input | ${escapeMarkdown(result.input.name)} |`);
	out.push(`| Lines | ${escapeMarkdown(inputLine(result))} |`);
	const anon = anonymizationLine(result);
	if (anon) out.push(`| Privacy | ${escapeMarkdown(anon)} |`);
	if (result.metadata.kernel_version)
		out.push(`| Kernel | ${escapeMarkdown(result.metadata.kernel_version)} |`);
	if (result.metadata.hardware)
		out.push(`| Hardware | ${escapeMarkdown(result.metadata.hardware)} |`);
	out.push('');
	for (const w of result.input.warnings) out.push(`> **Note:** ${escapeMarkdown(w)}`, '');

	if (result.cascades.length) {
		out.push('### Chains of related findings', '');
		out.push('Earliest cause first.', '');
		for (const c of result.cascades) out.push(`- ${escapeMarkdown(c.description)}`);
		out.push('');
	}

	if (result.findings.length === 0) out.push('### Findings', '', 'No findings.', '');
	for (const [sev, fs] of bySeverity(result)) {
		out.push(`### ${sev[0].toUpperCase()}${sev.slice(1)} (${fs.length})`, '');
		for (const f of fs) out.push(...findingSection(f, result));
	}

	out.push('### System', '');
	const rows = metadataRows(result);
	if (rows.length) {
		out.push('| | |', '|---|---|');
		for (const [k, v] of rows) out.push(`| ${k} | ${escapeMarkdown(v)} |`);
		out.push('');
	}
	const boots = result.metadata.boots;
	out.push(`**Boots:** ${boots.length}`, '');
	if (boots.length) {
		out.push('| Boot | Lines | Kernel | Started | Id |', '|---|---|---|---|---|');
		for (const b of boots) {
			out.push(
				`| ${b.index} | ${b.first_line}-${b.last_line} | ${escapeMarkdown(b.kernel_version ?? '')} | ${escapeMarkdown(b.started_at ?? '')} | ${escapeMarkdown(b.id ?? '')} |`
			);
		}
		out.push('');
	}
	out.push(
		`<sub>${escapeMarkdown(`${result.generator.name} ${result.generator.version}, report schema ${result.schema_version}`)}</sub>`
	);
	return out.join('\n') + '\n';
}
