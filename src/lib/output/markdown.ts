import type { Finding } from '../models/finding.ts';
import { groupDigits } from '../util/text.ts';
import type { AnalysisResult } from '../models/report.ts';
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
	kernelLine,
	metadataRows,
	type MetadataRow,
	traceInEvidence,
	severityCounts,
	verdictLabel,
	stepForInput,
	explanationsSaidOnce,
	type SaidBefore
} from './common.ts';
import { reportNotes } from './notes.ts';

/**
 * What GitHub and GitLab link after rendering, in any text outside code and links, whatever
 * backslashes the source had: `#12` (an issue) and `@name` (a person, who is notified; `@all` on
 * GitLab is everyone), and GitLab's `!12` (a merge request), `~name` (a label) and `%name` (a
 * milestone), since its reference filters read the rendered text. A kernel banner's `#1 SMP` and
 * a build host's `(@name` are such text, and so is an Ubuntu banner's `#1~18.04.2-Ubuntu`
 * (`~18` would be label 18). These become inline code, which neither links; and so
 * do identifiers with underscores (`inotify_read`, `x86_64`, `BOOT_IMAGE`), which escaped read
 * `inotify\_read` wherever the Markdown is pasted as plain text (a mail).
 */
const REFERENCE =
	/\B(?:[#!]\d+(?:~[\w.-]+)*|@[a-z\d][\w-]*|[~%][a-z\d][\w.-]*)|(?<![\w./+-])_*[a-z][a-z\d]*(?:_+[a-z\d]+)+(?![\w/+-]|\.\w)/gi;

/**
 * Escape text that came from a log (or may contain log text) for Markdown prose, table cells and
 * headings (CommonMark/GFM): links, images, raw HTML, emphasis, tables and autolinks are shown as
 * text, never rendered, and references, mentions and identifiers (REFERENCE) are inline code,
 * which neither GitHub nor GitLab links. Control characters are made visible first.
 */
export function escapeMarkdown(s: string): string {
	// leading blanks would make an indented code block, and a leading `-`, `+` or `1.` a list,
	// where the text starts a line (the headline, a list item's text)
	const text = inert(s).replace(/^[ \t]+/, '');
	const lead = /^(?:[-+]|\d{1,9}[.)](?=[ \t]|$))/.exec(text)?.[0] ?? '';
	if (lead === '') return escapeInline(text);
	return `${lead.slice(0, -1)}\\${lead.slice(-1)}${escapeInline(text.slice(lead.length))}`;
}

/** escapeMarkdown for text in the middle of a line */
function escapeInline(s: string): string {
	if (!/[#@!~%_]/.test(s)) return escapeProse(s);
	let out = '';
	let at = 0;
	for (const m of s.matchAll(REFERENCE)) {
		out += escapeProse(s.slice(at, m.index)) + inlineCode(m[0]);
		at = m.index + m[0].length;
	}
	return out + escapeProse(s.slice(at));
}

/** an ASCII letter or digit: an underscore between two opens or closes no emphasis */
const ALNUM = /^[a-z0-9]$/i;

function escapeProse(s: string): string {
	return (
		s
			// ASCII punctuation that opens links/images/HTML/code/emphasis/tables/headings; not the
			// underscores inside a word (`x86_64` of a kernel release, `old_scheme_first=1`), which
			// CommonMark never takes for emphasis and which escaped read `x86\_64` in a mail
			.replace(/[\\`*[\]<>&|~#!]|_+/g, (c, at: number) =>
				c[0] !== '_'
					? '\\' + c
					: ALNUM.test(s[at - 1] ?? '') && ALNUM.test(s[at + c.length] ?? '')
						? c
						: c.replace(/_/g, '\\_')
			)
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
	// (the first part starts the line)
	return parts
		.map((p, i) => (i % 2 ? inlineCode(p) : i === 0 ? escapeMarkdown(p) : escapeInline(inert(p))))
		.join('');
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

/** what a finding's section shows (a shortened report shows less: see MARKDOWN_MAX_CHARS) */
interface SectionLimits {
	evidence: number;
	frames: number;
	/** the explanation (what it means, causes, what to do, references) and the register block */
	prose: boolean;
}
const FULL: SectionLimits = { evidence: Infinity, frames: Infinity, prose: true };
/** a shortened report's finding with its explanation */
const SHORT: SectionLimits = { evidence: 20, frames: 30, prose: true };
/** a shortened report's finding with its facts and evidence alone */
const FACTS: SectionLimits = { evidence: 12, frames: 10, prose: false };

/** a finding's explanation: what it means, likely causes, what to do, references */
function explanation(f: Finding, result: AnalysisResult, said: SaidBefore[]): string[] {
	const out: string[] = [];
	// the parts an earlier finding said word for word: one line that names it, where the first was
	const same = new Set(said.flatMap((x) => x.parts));
	let referred = false;
	const refer = () => {
		if (referred) return;
		referred = true;
		for (const x of said)
			out.push(
				`**${x.label}:** the same as for ${inlineCode(x.as.id)} above (${inlineCode(x.as.title)})${x.id === null ? '' : `, with ${inlineCode(x.id)} in place of its id`}.`,
				''
			);
	};
	if (same.has('meaning')) refer();
	else out.push(`**What it means:** ${proseMarkdown(f.explanation.meaning)}`, '');
	if (same.has('causes')) refer();
	else if (f.explanation.causes.length) {
		out.push('**Likely causes:**', '');
		for (const c of f.explanation.causes) out.push(`- *${c.kind}:* ${proseMarkdown(c.text)}`);
		out.push('');
	}
	if (same.has('next_steps')) refer();
	else if (f.explanation.next_steps.length) {
		out.push('**What to do:**', '');
		for (const n of f.explanation.next_steps)
			out.push(`- ${proseMarkdown(stepForInput(n, f, result.input.name))}`);
		out.push('');
	}
	if (f.explanation.references.length) {
		out.push(
			`**References:** ${f.explanation.references.map((r) => (/^https:\/\/[^\s<>()[\]`]+$/.test(r) ? `<${r}>` : inlineCode(r))).join(' · ')}`,
			''
		);
	}
	return out;
}

function findingSection(
	f: Finding,
	result: AnalysisResult,
	limits = FULL,
	said: SaidBefore[] = []
): string[] {
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
	if (f.details.cut_short === true) out.push(`- **Report is cut short:** ${CUT_SHORT}`);
	const facts = reportFactRows(f, result);
	if (facts.length)
		out.push(`- **Facts:** ${facts.map(([k, v]) => `${k} ${inlineCode(v)}`).join(' · ')}`);
	out.push('');
	if (limits.prose) out.push(...explanation(f, result, said));
	// the frames and register lines the evidence shown quotes are read there, once (`>` in its
	// margin marks the guilty frame's line); only those past it are blocks of their own
	const shown = f.evidence.slice(0, limits.evidence);
	const t = traceInEvidence(f, shown);
	// frames and registers past the evidence follow it, where the trace goes on; a trace the
	// evidence does not quote comes first, as it was
	const apart: string[] = [];
	if (t.rest.length) {
		const frames = t.rest
			.slice(0, limits.frames)
			.map((fr, i) => `${t.restMarks[i] ? '>' : ' '} ${frameLabel(fr)}`);
		// as in the text report, the legend when a shown frame carries the mark (a bare `>` is
		// text in HTML, and reads as itself in a plain-text mail)
		const marked = guiltyLegend(t.restMarks.slice(0, frames.length).includes(true));
		const what = t.inEvidence > 0 ? 'Call trace past the evidence' : 'Call trace';
		const label =
			frames.length < t.rest.length
				? `${what} (first ${frames.length} of ${t.rest.length} frames${marked})`
				: `${what} (${counted(t.rest.length, 'frame')}${marked})`;
		apart.push(...details(label, codeBlock(frames)));
	}
	if (t.registers.length && limits.prose)
		apart.push(
			...details(`Registers (${counted(t.registers.length, 'line')})`, codeBlock(t.registers))
		);
	if (t.inEvidence === 0) out.push(...apart);
	if (shown.length) {
		// line numbers as wide as the largest shown: a pstore dump's records are out of order
		// (i225nic's evidence goes from line 1062 to 946), and the last line had set the width
		const width = String(Math.max(...shown.map((e) => e.line))).length;
		const gutter = t.guiltyLine !== null;
		const lines = shown.map(
			(e) =>
				`${gutter ? (e.line === t.guiltyLine ? '> ' : '  ') : ''}${String(e.line).padStart(width)} | ${e.text}`
		);
		const total = f.stack?.frames.length ?? 0;
		const trace =
			t.inEvidence > 0
				? `, with ${t.rest.length ? `${t.inEvidence} of ${total} call-trace frames` : total === 1 ? 'the 1-frame call trace' : `the ${total}-frame call trace`}${guiltyLegend(gutter)}`
				: '';
		const label =
			shown.length < f.evidence.length
				? `Evidence (first ${shown.length} of ${f.evidence.length} lines${trace})`
				: `Evidence (${counted(f.evidence.length, 'line')}${trace})`;
		out.push(...details(label, codeBlock(lines)));
	}
	if (t.inEvidence > 0) out.push(...apart);
	return out;
}

/**
 * Longest Markdown report: GitHub refuses issue and comment bodies over 65,536 characters
 * (characters, not bytes: `body is too long (maximum is 65536 characters)`), and a report that
 * is cut anywhere else loses its end. It is measured as issueLength does. A report that would be
 * longer is shortened, the least important findings first (CUTS), and shows the boot table up to
 * MAX_BOOT_ROWS rows; the JSON report always has everything.
 */
export const MARKDOWN_MAX_CHARS = 65_536;

/**
 * A Markdown report's length as an issue's limit counts it, or more: its UTF-16 code units
 * (never fewer than its characters: an emoji of a log line is 2), and each line end twice, as a
 * browser sends a text area's lines (CR LF). Not its UTF-8 bytes: `’` and `…` are 3 bytes and
 * one character.
 */
export function issueLength(md: string): number {
	let ends = 0;
	for (let at = md.indexOf('\n'); at !== -1; at = md.indexOf('\n', at + 1)) ends++;
	return md.length + ends;
}
const MAX_BOOT_ROWS = 50;

/**
 * The Markdown report, to paste into a GitHub/GitLab issue or a mailing-list post. Log text is
 * inert: evidence and traces sit in fenced code blocks (fence longer than any backtick run),
 * titles in inline code, anything else escaped. No clock: same input, same bytes. At most
 * MARKDOWN_MAX_CHARS characters.
 */
export function formatMarkdown(result: AnalysisResult): string {
	const head: string[] = [];
	const s = result.summary;
	head.push(`## NecroScope report: ${escapeMarkdown(verdictLabel(result))}`, '');
	head.push(escapeMarkdown(s.headline), '');
	const counts = severityCounts(result);
	head.push('| | |', '|---|---|');
	head.push(`| Verdict | ${inlineCode(s.verdict)} |`);
	head.push(`| Findings | ${groupDigits(result.findings.length)}${counts ? ` (${counts})` : ''} |`);
	if (result.input.name) head.push(`| Input | ${escapeMarkdown(result.input.name)} |`);
	head.push(`| Lines | ${escapeMarkdown(inputLine(result))} |`);
	const anon = anonymizationLine(result);
	if (anon) head.push(`| Privacy | ${escapeMarkdown(anon)} |`);
	const kernel = kernelLine(result.metadata);
	if (kernel) head.push(`| Kernel | ${escapeMarkdown(kernel)} |`);
	if (result.metadata.hardware)
		head.push(`| Hardware | ${escapeMarkdown(result.metadata.hardware)} |`);
	head.push('');
	for (const w of reportNotes(result.input.warnings))
		head.push(`> **Note:** ${proseMarkdown(w)}`, '');

	if (result.cascades.length) {
		head.push('### Chains of related findings', '');
		head.push('Earliest cause first.', '');
		for (const c of result.cascades) {
			const tree = cascadeTree(c, result);
			if (tree === null) head.push(`- ${escapeMarkdown(c.description)}`);
			// a cause with several effects: a nested list, each effect an item under its cause
			else
				for (const r of tree)
					head.push(`${'  '.repeat(r.depth)}- ${escapeMarkdown(r.arrow + r.text)}`);
		}
		head.push('');
	}

	// the headline's finding first, as the page lists them (findingSections); each part of an
	// explanation said once (explanationsSaidOnce), in the order the findings are printed
	const saidBefore = explanationsSaidOnce(result);
	const full = (f: Finding) => findingSection(f, result, FULL, saidBefore(f)).join('\n');
	const groups = findingSections(result).map((g) => ({
		heading: [`### ${sectionHeading(g)}`, ''],
		sections: g.findings.map((f) => ({ f, full: full(f) }))
	}));
	// routine notices after the findings, in a section of their own: they never crowd them (and
	// are the first to be shortened to one line when the report is too long)
	const routine = routineFindings(result);
	const problems = groups.length;
	if (routine.length)
		groups.push({
			heading: [
				`### ${ROUTINE_HEADING} (${routine.length})`,
				'',
				...(problems === 0 ? ['No problems were found: only routine messages.', ''] : []),
				ROUTINE_INTRO,
				''
			],
			sections: routine.map((f) => ({ f, full: full(f) }))
		});
	const tail = systemSection(result, Infinity);
	const size = (lines: string[]) => lines.reduce((n, l) => n + issueLength(l) + 2, 0);
	const whole =
		size(head) +
		size(tail) +
		groups.reduce(
			(n, g) => n + size(g.heading) + g.sections.reduce((m, x) => m + issueLength(x.full) + 2, 0),
			0
		);

	const out = [...head];
	if (result.findings.length === 0) out.push('### Findings', '', 'No findings.', '');
	if (whole <= MARKDOWN_MAX_CHARS) {
		for (const g of groups) {
			out.push(...g.heading);
			for (const x of g.sections) out.push(x.full);
		}
		out.push(...tail);
		return out.join('\n') + '\n';
	}

	return shortened(result, out, groups);
}

/**
 * How much of a finding a shortened Markdown report shows: counted only (`… and 12 more`), its
 * one line, its facts and evidence (FACTS), or that with its explanation (SHORT).
 */
const COUNTED = 0;
const ONE_LINE = 1;
const WITH_FACTS = 2;
const EXPLAINED = 3;

/**
 * A finding's place in the order of cuts: routine notices 0, info 1, low 2, medium 3, high 4,
 * critical 5, the finding the headline names and its root cause 6.
 */
const TIERS: Record<string, number> = { info: 1, low: 2, medium: 3, high: 4, critical: 5 };
const LEAD = 6;

/**
 * The steps by which a report too long for an issue is shortened, in order, each taken finding
 * by finding from the least important up (routine notices, then info, low … in the reports'
 * order) until the report fits: the explanations go first (but the headline's finding's); then
 * the facts and evidence of the findings below high, which become one line; then the lines of
 * routine notices, info and low findings, which are counted; then the facts and evidence of
 * the high findings; the lines of the medium ones; the facts and evidence of the critical ones;
 * those of the headline's finding and its root cause; and last the lines of any. A high or
 * critical finding had been one line while findings below it kept their details (the 100 MB
 * log's report detailed 1 finding of 438, and listed 78 routine notices).
 */
const CUTS: ReadonlyArray<{ tiers: readonly number[]; to: number }> = [
	{ tiers: [0, 1, 2, 3, 4, 5], to: WITH_FACTS },
	{ tiers: [0, 1, 2, 3], to: ONE_LINE },
	{ tiers: [0, 1, 2], to: COUNTED },
	{ tiers: [4], to: ONE_LINE },
	{ tiers: [3], to: COUNTED },
	{ tiers: [5], to: ONE_LINE },
	{ tiers: [LEAD], to: WITH_FACTS },
	{ tiers: [LEAD], to: ONE_LINE },
	{ tiers: [0, 1, 2, 3, 4, 5, LEAD], to: COUNTED }
];

/** room kept for the note that says what was shortened, and for each section's `… and N more` */
const NOTE_RESERVE = 600;
const COUNT_RESERVE = 80;

function shortened(
	result: AnalysisResult,
	head: string[],
	groups: Array<{ heading: string[]; sections: Array<{ f: Finding; full: string }> }>
): string {
	const s = result.summary;
	const short = (f: Finding) =>
		`- ${inlineCode(f.title)} · ${f.severity} · ×${groupDigits(f.count)} · line ${f.first_line}${f.boots.length > 1 ? ` · ${groupDigits(f.boots.length)} boots` : ''}`;
	// every finding in the reports' order (the most important first), with its group
	const all = groups.flatMap((g, gi) => g.sections.map((x) => ({ f: x.f, g: gi })));
	const lead = new Set([s.primary_finding, s.root_cause].filter((id): id is string => id !== null));
	const tier = (f: Finding) =>
		lead.has(f.id) ? LEAD : f.routine === true ? 0 : (TIERS[f.severity] ?? 0);
	/** the finding's text at each level, made when first needed */
	const texts = all.map(() => new Map<number, string>());
	// each shown with its explanation refers to the first that said a part of it (a finding
	// before it: the cuts below take findings from the last up, so it keeps its explanation as
	// long as this one does), but the headline's finding and its root cause, cut last, which
	// say theirs whole
	const said = explanationsSaidOnce(result);
	const saidBefore = all.map((x) => said(x.f)).map((b, i) => (tier(all[i].f) === LEAD ? [] : b));
	const text = (i: number, level: number): string => {
		let t = texts[i].get(level);
		if (t === undefined) {
			const f = all[i].f;
			t =
				level === ONE_LINE
					? short(f)
					: level === COUNTED
						? ''
						: level === EXPLAINED
							? findingSection(f, result, SHORT, saidBefore[i]).join('\n')
							: findingSection(f, result, FACTS).join('\n');
			texts[i].set(level, t);
		}
		return t;
	};
	const cost = (i: number, level: number) =>
		level === COUNTED ? 0 : issueLength(text(i, level)) + 2;
	const levels = all.map(() => EXPLAINED);
	const tail = systemSection(result, MAX_BOOT_ROWS);
	const size = (lines: string[]) => lines.reduce((n, l) => n + issueLength(l) + 2, 0);
	let total =
		size(head) +
		NOTE_RESERVE +
		size(tail) +
		groups.reduce((n, g) => n + size(g.heading) + 1 + COUNT_RESERVE, 0) +
		all.reduce((n, _, i) => n + cost(i, EXPLAINED), 0);
	for (const cut of CUTS) {
		for (let i = all.length - 1; i >= 0 && total > MARKDOWN_MAX_CHARS; i--) {
			if (levels[i] <= cut.to || !cut.tiers.includes(tier(all[i].f))) continue;
			total += cost(i, cut.to) - cost(i, levels[i]);
			levels[i] = cut.to;
		}
	}

	const body: string[] = [];
	const at = [0, 0, 0, 0];
	// each part of an explanation said once, by the findings shown with theirs: the headline's
	// finding and its root cause too, when a finding before them shows it
	const shownSaid = explanationsSaidOnce(result);
	for (const [gi, g] of groups.entries()) {
		body.push(...g.heading);
		let hidden = 0;
		all.forEach((x, i) => {
			if (x.g !== gi) return;
			at[levels[i]]++;
			if (levels[i] === COUNTED) hidden++;
			else if (levels[i] !== EXPLAINED) body.push(text(i, levels[i]));
			else {
				const b = shownSaid(x.f);
				body.push(
					sameSaid(b, saidBefore[i])
						? text(i, EXPLAINED)
						: findingSection(x.f, result, SHORT, b).join('\n')
				);
			}
		});
		if (hidden > 0)
			body.push(
				hidden === g.sections.length
					? `- ${counted(hidden, g.sections[0].f.routine === true ? 'routine message' : 'finding')}, not listed here: the JSON report has them`
					: `- … and ${groupDigits(hidden)} more, not listed here: the JSON report has them`
			);
		body.push('');
	}
	const parts: string[] = [];
	const n = (k: number) => groupDigits(at[k]);
	if (at[EXPLAINED])
		parts.push(
			`${n(EXPLAINED)} ${at[EXPLAINED] === 1 ? 'is shown with its' : 'are shown with their'} explanation (at most ${SHORT.evidence} evidence lines and ${SHORT.frames} frames)`
		);
	if (at[WITH_FACTS])
		parts.push(
			`${n(WITH_FACTS)} with ${at[WITH_FACTS] === 1 ? 'its' : 'their'} facts and evidence alone (at most ${FACTS.evidence} evidence lines and ${FACTS.frames} frames)`
		);
	if (at[ONE_LINE]) parts.push(`${n(ONE_LINE)} on one line`);
	if (at[COUNTED]) parts.push(`${n(COUNTED)} only counted`);
	const cuts = [
		at[EXPLAINED] === all.length
			? `${all.length === 1 ? 'its finding shows' : `its ${groupDigits(all.length)} findings show`} at most ${SHORT.evidence} evidence lines and ${SHORT.frames} frames each`
			: `of ${counted(all.length, 'finding')}, ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]}`
	];
	if (result.metadata.boots.length > MAX_BOOT_ROWS)
		cuts.push(
			`the boot table shows ${MAX_BOOT_ROWS} of ${groupDigits(result.metadata.boots.length)} boots`
		);
	const out = [
		...head,
		`> **Note:** This report is shortened to fit in an issue (${groupDigits(MARKDOWN_MAX_CHARS)} characters), the least important findings first: ${cuts.join('; ')}. The JSON report has everything.`,
		'',
		...body,
		...tail
	];
	const md = out.join('\n') + '\n';
	if (issueLength(md) <= MARKDOWN_MAX_CHARS) return md;
	// a report whose head alone is too long (thousands of notes) can still be: end it at a line
	const end = ['', '_… cut here: the JSON report has the rest._'];
	let room = MARKDOWN_MAX_CHARS - size(end);
	const kept: string[] = [];
	for (const l of md.split('\n')) {
		room -= issueLength(l) + 2;
		if (room < 0) break;
		kept.push(l);
	}
	return [...kept, ...end].join('\n') + '\n';
}

/** two findings' references to the explanations said before them are the same */
function sameSaid(a: readonly SaidBefore[], b: readonly SaidBefore[]): boolean {
	const key = (l: readonly SaidBefore[]) => l.map((x) => `${x.as.id} ${x.parts.join()}`).join(';');
	return key(a) === key(b);
}

/**
 * Inline code in a table cell: a `|` of the log would end the cell, in code too, unless escaped;
 * leading blanks are dropped, as escapeMarkdown drops them.
 */
function cellCode(s: string): string {
	return inlineCode(s.replace(/^[ \t]+/, '')).replace(/\|/g, '\\|');
}

/**
 * A System row's value: the kernel's build banner, its command line and the module list are log
 * text of words that are names (`BOOT_IMAGE=/vmlinuz`, `(root@host) … #1 SMP`, `nf_conntrack`),
 * one inline code span each (RowPart.names), read as the log has them; escaped, with the names
 * in code and the rest not, `console=ttyS0 \`ddr_manufacture_info\`=Samsung` and
 * `fuse \`nf_nat\` bridge` had read as fragments, the code spans scattered. The other values
 * (the CPU, the memory, the taint's flags in words) and our own words around the module list
 * (`96: `, a last ` …`) are escaped prose.
 */
function systemValue(row: MetadataRow): string {
	return row.parts
		.map((p, i) =>
			p.names ? cellCode(p.text) : i === 0 ? escapeMarkdown(p.text) : escapeInline(inert(p.text))
		)
		.join('');
}

function systemSection(result: AnalysisResult, maxBootRows: number): string[] {
	const out: string[] = [];
	const rows = metadataRows(result);
	// an empty input has no system to describe (its one boot of lines 1-1 is the schema's
	// placeholder, not something the input holds)
	const boots = result.input.lines_total === 0 ? [] : result.metadata.boots;
	if (rows.length || boots.length) out.push('### System', '');
	if (rows.length) {
		out.push('| | |', '|---|---|');
		// a label may hold log text: the first kernel's release (`Build (6.1.0-…)`)
		for (const row of rows) out.push(`| ${escapeMarkdown(row.label)} | ${systemValue(row)} |`);
		out.push('');
	}
	if (boots.length) {
		out.push(`**Boots:** ${groupDigits(boots.length)}`, '');
		// a column no boot shown fills is left out (a dmesg has no start time nor boot id: the
		// table had two empty columns), as the text report leaves out a boot's absent parts
		const shown = boots.slice(0, maxBootRows);
		const columns: Array<[string, (b: (typeof boots)[number]) => string]> = [
			['Boot', (b) => String(b.index)],
			['Lines', (b) => `${b.first_line}-${b.last_line}`],
			['Kernel', (b) => escapeMarkdown(b.kernel_version ?? '')],
			['Started', (b) => escapeMarkdown(b.started_at ?? '')],
			['Id', (b) => escapeMarkdown(b.id ?? '')]
		];
		const used = columns.filter(([, cell], i) => i < 2 || shown.some((b) => cell(b) !== ''));
		out.push(`| ${used.map(([h]) => h).join(' | ')} |`, `|${used.map(() => '---|').join('')}`);
		for (const b of shown) out.push(`| ${used.map(([, cell]) => cell(b)).join(' | ')} |`);
		if (boots.length > maxBootRows)
			out.push('', `${boots.length - maxBootRows} more boots are in the JSON report.`);
		out.push('');
	}
	out.push(
		`<sub>${escapeMarkdown(`${result.generator.name} ${result.generator.version}, report schema ${result.schema_version}`)}</sub>`
	);
	return out;
}
