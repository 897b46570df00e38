/**
 * The Markdown report as a real CommonMark/GFM renderer reads it (markdown-it with raw HTML,
 * tables, strikethrough and GFM-style autolinks), and the invariants its readers rely on: log text
 * never becomes a link, an image, HTML, a heading, a list, emphasis or a table cell break, and
 * never a GitHub/GitLab reference (`#123`, `@user`, `!123`, `~label`, `%milestone`: those are linked after rendering, in any text
 * outside code and links, whatever backslashes the source had).
 */
import MarkdownIt, { type Token } from 'markdown-it';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { inert, metadataRows, rowText } from '../../src/lib/output/common.ts';
import type { AnalyzeOptions } from '../../src/lib/pipeline.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { analyzeFile } from '../output/helpers.ts';

const md = new MarkdownIt({ html: true, linkify: true });
// GFM links bare addresses with a scheme or `www.` only (not `example.com`)
md.linkify.set({ fuzzyLink: false });

export function renderMarkdown(source: string): string {
	return md.render(source);
}

/** The text a reader sees in an inline token: text and code, without markup. */
function inlineText(t: Token): string {
	return (t.children ?? [])
		.map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : ''))
		.join('');
}

/**
 * our own bold labels and emphasised cause kinds; the parts of an explanation an earlier finding
 * said are one label (`What it means, likely causes and what to do:`)
 */
const STRONG =
	/^(?:Id:|Rule:|Category:|Severity:|Where:|Also known as:|Guilty frame:|Faulting location:|Report is incomplete or interleaved:|Report is cut short:|Facts:|References:|Boots:|Note:|(?:What it means|Likely causes|What to do)(?:(?:, | and )(?:likely causes|what to do))*:)$/;
const H3 =
	/^(?:Chains of related findings|System|Findings|(?:Most important: )?(?:Critical|High|Medium|Low|Info) \(\d+\)|Routine messages explained \(\d+\))$/;
const SUMMARY =
	/^<summary>(?:Call trace(?: past the evidence)?|Registers|Evidence) \([\w ]+(?:, with [\w -]+)?(?:, > marks the guilty frame)?\)<\/summary>$/;
/**
 * what GitHub and GitLab link after rendering: issues `#12`, mentions `@name` (`@all` pings
 * everyone), GitLab's merge requests `!12`, labels `~name` and milestones `%name`
 */
const REFERENCE = /(?:^|\W)(?:[#!]\d|[@~%][a-z\d])/i;

/**
 * Everything wrong with a Markdown report of `result`, as sentences (empty when it is right).
 */
export function markdownProblems(source: string, result: AnalysisResult): string[] {
	const problems: string[] = [];
	const tokens = md.parse(source, {});
	const references = new Set(result.findings.flatMap((f) => f.explanation.references));
	const titles = new Set(result.findings.map((f) => inert(f.title)));
	const cells = new Map<string, string>();
	let details = 0;
	const fences: string[] = [];
	const shown = new Set<string>();
	let h2 = 0;

	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		switch (t.type) {
			case 'heading_open': {
				const text = inlineText(tokens[i + 1]);
				const kids = tokens[i + 1].children ?? [];
				if (t.tag === 'h2') {
					h2++;
					if (i !== 0 || !text.startsWith('NecroScope report: '))
						problems.push(`h2 not the report's first line: ${text}`);
				} else if (t.tag === 'h3') {
					if (!H3.test(text)) problems.push(`unexpected h3: ${text}`);
				} else if (t.tag === 'h4') {
					if (kids.length !== 1 || kids[0].type !== 'code_inline' || !titles.has(text))
						problems.push(`h4 that is not one finding title in code: ${text}`);
					shown.add(text);
				} else problems.push(`unexpected ${t.tag}: ${text}`);
				break;
			}
			case 'html_block':
				for (const l of t.content.split('\n').filter((x) => x !== '')) {
					if (l === '<details>') details++;
					else if (l !== '</details>' && !SUMMARY.test(l)) problems.push(`HTML block: ${l}`);
				}
				break;
			case 'fence':
				if (t.info !== 'text') problems.push(`fence with info ${t.info}`);
				fences.push(t.content);
				break;
			case 'code_block':
				problems.push(`indented code block: ${t.content.slice(0, 80)}`);
				break;
			case 'ordered_list_open':
				problems.push(`ordered list at line ${(t.map?.[0] ?? 0) + 1}`);
				break;
			case 'bullet_list_open':
				if (t.markup !== '-') problems.push(`list marked ${t.markup}`);
				break;
			case 'hr':
				problems.push(`thematic break at line ${(t.map?.[0] ?? 0) + 1}`);
				break;
			case 'tr_open': {
				// a two-column row: label, value
				const row: string[] = [];
				for (let j = i + 1; tokens[j].type !== 'tr_close'; j++)
					if (tokens[j].type === 'inline') row.push(inlineText(tokens[j]));
				if (row.length === 2 && row[0] !== '') cells.set(row[0], row[1]);
				break;
			}
			case 'inline':
				problems.push(...inlineProblems(t, references));
				break;
		}
	}
	if (h2 !== 1) problems.push(`${h2} h2 headings`);
	if (fences.length !== details)
		problems.push(`${fences.length} code blocks for ${details} <details> sections`);
	// the headline is one paragraph, word for word
	if (
		tokens[3]?.type !== 'paragraph_open' ||
		inlineText(tokens[4]) !== shownAs(result.summary.headline)
	)
		problems.push('the headline is not the paragraph under the title');
	// table cells hold the value, whole (no `|` split it, no escape shows)
	for (const row of metadataRows(result)) {
		// (a label may hold log text: `Build (6.1.0-…)`)
		const [k, v] = [shownAs(row.label), rowText(row)];
		if (cells.get(k) !== shownAs(v))
			problems.push(`System row ${k}: ${JSON.stringify(cells.get(k))} for ${JSON.stringify(v)}`);
	}
	if (result.input.name !== null && cells.get('Input') !== shownAs(result.input.name))
		problems.push(`Input row: ${JSON.stringify(cells.get('Input'))}`);
	// evidence survives, line for line, in a code block
	const code = fences.join('\n');
	for (const f of result.findings) {
		if (!shown.has(inert(f.title))) continue;
		for (const e of f.evidence.slice(0, 20)) {
			if (!code.includes(` | ${inert(e.text)}\n`)) {
				problems.push(`evidence line ${e.line} of ${f.id} is not in a code block`);
				break;
			}
		}
	}
	return problems;
}

/** log text as the report shows it: control characters escaped, leading blanks dropped */
function shownAs(s: string): string {
	return inert(s).replace(/^[ \t]+/, '');
}

function inlineProblems(t: Token, references: Set<string>): string[] {
	const problems: string[] = [];
	const kids = t.children ?? [];
	let inLink = 0;
	for (let i = 0; i < kids.length; i++) {
		const c = kids[i];
		switch (c.type) {
			case 'link_open': {
				inLink++;
				const href = String(c.attrGet('href') ?? '');
				if (c.markup === 'linkify' || !references.has(href))
					problems.push(`link to ${href} (${c.markup || 'inline'})`);
				break;
			}
			case 'link_close':
				inLink--;
				break;
			case 'image':
				problems.push(`image ${c.attrGet('src')}`);
				break;
			case 'html_inline':
				if (c.content !== '<sub>' && c.content !== '</sub>')
					problems.push(`inline HTML ${c.content}`);
				break;
			case 's_open':
				problems.push('strikethrough');
				break;
			case 'strong_open':
				if (!STRONG.test(kids[i + 1]?.content ?? '') || kids[i + 2]?.type !== 'strong_close')
					problems.push(`bold text ${kids[i + 1]?.content}`);
				break;
			case 'em_open':
				if (!/^\w+:$/.test(kids[i + 1]?.content ?? '') || kids[i + 2]?.type !== 'em_close')
					problems.push(`emphasis ${kids[i + 1]?.content}`);
				break;
			case 'text':
				if (!inLink && REFERENCE.test(c.content))
					problems.push(`GitHub/GitLab reference in ${JSON.stringify(c.content)}`);
				break;
		}
	}
	return problems;
}

/**
 * The renderer's problems (markdownProblems) with the Markdown report of each log, analysed as
 * the CLI does (analyzeFile) with `opts`, each as `<label>: <problem>`: [] when every report
 * keeps its invariants.
 */
export async function markdownProblemsOfLogs(
	paths: readonly string[],
	opts: AnalyzeOptions = {},
	label: (path: string) => string = (p) => p
): Promise<string[]> {
	const bad: string[] = [];
	for (const path of paths) {
		const r = await analyzeFile(path, opts);
		for (const p of markdownProblems(formatMarkdown(r), r)) bad.push(`${label(path)}: ${p}`);
	}
	return bad;
}
