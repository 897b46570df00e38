import { severityRank, type EvidenceLine, type Finding, type Frame } from '../models/finding.ts';
import type { AnalysisResult, Cascade } from '../models/report.ts';
import { isGuiltyFunction, splitStackMarker } from '../analysis/stack.ts';
import { linesCommand } from '../providers/lines-command.ts';
import { dmiMachine, squeezeSpaces } from '../util/dmi.ts';
import { BIDI_CONTROLS } from '../util/bidi.ts';
import { groupDigits, spanText } from '../util/text.ts';

/** one section of findings in the text and Markdown reports (findingSections) */
export interface FindingSection {
	severity: string;
	/** the headline's finding alone, before findings more severe than it: `Most important: High (1)` */
	lead: boolean;
	findings: Finding[];
}

/**
 * The findings as the text and Markdown reports list them, in the page's order ("most important
 * first"): grouped by severity, most severe first, in order of appearance within a severity, the
 * finding the headline names (`summary.primary_finding`) first in its severity. When a finding is
 * more severe than it (`lkp-48.log`: the general protection fault, critical, after the KASAN
 * report the headline names, high, the first to damage the kernel), it has a section of its own
 * before them (`lead`), and its severity's section holds the others. By severity and line alone
 * the headline's finding could be second (`i225nic-pstore-panic-log-txt.log`: "Most important:
 * kernel BUG in dql_completed" under the igc transmit hang that came first). Routine notices
 * (Finding.routine) are not among them: they have their own section after them
 * (`routineFindings`). The JSON report keeps its findings in input order.
 */
export function findingSections(result: AnalysisResult): FindingSection[] {
	const primary = result.summary.primary_finding;
	const ordered = byImportance(
		result.findings.filter((f) => f.routine !== true),
		primary
	);
	const sections: FindingSection[] = [];
	for (const f of ordered) {
		const last = sections[sections.length - 1];
		if (last !== undefined && !last.lead && last.severity === f.severity) {
			last.findings.push(f);
			continue;
		}
		// the headline's finding is first; a section of its own when a finding is more severe
		const lead =
			last === undefined &&
			f.id === primary &&
			ordered.some((g) => severityRank(g.severity) < severityRank(f.severity));
		sections.push({ severity: f.severity, lead, findings: [f] });
	}
	return sections;
}

/**
 * Findings by importance, as the page's list and the text and Markdown reports have them: the
 * headline's finding (`primary`, summary.primary_finding) first, then most severe first, in the
 * log's order within a severity.
 */
export function byImportance(findings: readonly Finding[], primary: string | null): Finding[] {
	return findings
		.map((f, i) => ({ f, i, r: f.id === primary ? -1 : severityRank(f.severity) }))
		.sort((a, b) => a.r - b.r || a.i - b.i)
		.map((x) => x.f);
}

/** A section's heading in words, `High` or `Most important: High` (the text report's in capitals). */
export function sectionHeading(s: FindingSection): string {
	const sev = `${s.severity[0].toUpperCase()}${s.severity.slice(1)}`;
	return `${s.lead ? 'Most important: ' : ''}${sev} (${s.findings.length})`;
}

/** Routine notices (Finding.routine), in order of appearance: listed after the other findings. */
export function routineFindings(result: AnalysisResult): Finding[] {
	return result.findings.filter((f) => f.routine === true);
}

/** the heading of the routine notices' section (the page's group, the text and Markdown reports) */
export const ROUTINE_HEADING = 'Routine messages explained';
/** what the routine notices' section holds, said under its heading */
export const ROUTINE_INTRO =
	'Lines that look alarming but are routine: each says why it is harmless and when it would matter.';

/** details shown elsewhere (the corrupted- and cut-report warnings, related findings, the register block) */
const NOT_FACTS = new Set([
	'corrupted',
	'corrupted_reason',
	'cut_short',
	'follows_line',
	'registers'
]);

/** what a report whose log ends before its call trace does (details.cut_short) is told */
export const CUT_SHORT = 'the log ends before its call trace does';
/** characters of one fact's value shown at most */
export const MAX_FACT_CHARS = 240;

/**
 * A finding's details as label/value rows for readers, in the rule's order: absent, empty and
 * false values are left out, lists are joined, `true` reads "yes". The JSON report keeps them all.
 */
export function factRows(
	f: Finding,
	repeated: ReadonlySet<string> = NO_FACTS,
	plurals = false
): Array<[string, string]> {
	const rows: Array<[string, string]> = [];
	// (the crash facts: a notice's `taint` is the letter its message sets)
	const skip = f.category === 'crash' ? repeated : NO_FACTS;
	for (const [k, v] of Object.entries(f.details)) {
		if (NOT_FACTS.has(k) || skip.has(k) || v === null || v === false || v === '') continue;
		if (Array.isArray(v) && v.length === 0) continue;
		if (k === 'lines_omitted' && v === 0) continue;
		if (plurals && repeatsSingular(f.details, k, v)) continue;
		let text = Array.isArray(v) ? v.join(', ') : v === true ? 'yes' : String(v);
		if (text.length > MAX_FACT_CHARS) text = `${text.slice(0, MAX_FACT_CHARS - 1)}…`;
		rows.push([k.replace(/_/g, ' '), text]);
	}
	return rows;
}

const NO_FACTS: ReadonlySet<string> = new Set();

/** a crash's hardware fact (its `Hardware name:`, BIOS included) as the System table's Hardware and BIOS rows say it */
function machineOf(hardware: string): { machine: string; bios: string | null } {
	const at = hardware.indexOf(', BIOS ');
	const head = (at === -1 ? hardware : hardware.slice(0, at)).replace(/ \(DT\)$/, '');
	return {
		machine: dmiMachine(squeezeSpaces(head)),
		bios: at === -1 ? null : hardware.slice(at + 7).trim()
	};
}

/**
 * The crash facts (`kernel version`, `hardware`, `taint` and its `taint flags`) that in a
 * report only repeat the System table's one value, for the text and Markdown reports to leave
 * out of each finding (factRows' `repeated`): a log of one kernel had said its release, its
 * machine and its taint under every crash, as the System table did. A fact is kept, on every
 * finding, when the log names several kernels (the Kernel row's `earlier: …`) or when a
 * finding's value differs from the System table's (another machine's report, a taint that grew
 * from one crash to the next): then the finding's own value tells something. The JSON report
 * keeps every fact.
 */
export function repeatedFacts(result: AnalysisResult): ReadonlySet<string> {
	let out = repeatedOf.get(result);
	if (out === undefined) repeatedOf.set(result, (out = findRepeatedFacts(result)));
	return out;
}

const repeatedOf = new WeakMap<AnalysisResult, ReadonlySet<string>>();

function findRepeatedFacts(result: AnalysisResult): ReadonlySet<string> {
	const m = result.metadata;
	const crashes = result.findings.filter((f) => f.category === 'crash');
	const out = new Set<string>();
	/** every crash's value of `key` is the System's (`always`: every crash has one) */
	const all = (key: string, same: (v: string) => boolean, always = false) =>
		crashes.some((f) => typeof f.details[key] === 'string' && f.details[key] !== '') &&
		crashes.every((f) => {
			const v = f.details[key];
			return typeof v !== 'string' || v === '' ? !always : same(v);
		});
	const kernel = kernelLine(m);
	if (kernel !== null && kernel === (m.latest_kernel_version ?? m.kernel_version))
		if (all('kernel_version', (v) => v === kernel)) out.add('kernel_version');
	const hw = m.hardware;
	if (hw !== null)
		if (
			all('hardware', (v) => {
				const h = machineOf(v);
				return h.machine === hw.replace(/ \(DT\)$/, '') && (h.bios === null || h.bios === m.bios);
			})
		)
			out.add('hardware');
	const taint = m.taint?.raw;
	// a crash without a taint was `Not tainted` (or did not say): the taint changed in the log
	if (taint !== undefined && all('taint', (v) => v === taint, true)) {
		out.add('taint');
		out.add('taint_flags');
	}
	return out;
}

/**
 * A finding's facts as the text and Markdown reports show them: factRows without the crash
 * facts the System table already says (repeatedFacts), nor a list of one value that its singular
 * fact says (`devices: mmc3:0001:1` after `device: mmc3:0001:1`, `errors` after `error`): 120
 * facts in 50 of the 163 real logs' reports had said a value twice.
 */
export function reportFactRows(f: Finding, result: AnalysisResult): Array<[string, string]> {
	return factRows(f, repeatedFacts(result), true);
}

/** `v`, the fact `k`, is a list of one value that its singular fact (`k` without its `s`) says */
function repeatsSingular(d: Finding['details'], k: string, v: unknown): boolean {
	if (!k.endsWith('s') || !Array.isArray(v) || v.length !== 1) return false;
	const one = d[k.slice(0, -1)];
	return one !== undefined && one !== null && String(one) === String(v[0]);
}

/** The register and code lines a crash report printed (details.registers), or none. */
export function registerLines(f: Finding): string[] {
	const r = f.details.registers;
	return Array.isArray(r) ? r : [];
}

export function lineRange(f: { first_line: number; last_line: number }): string {
	return f.first_line === f.last_line
		? `line ${f.first_line}`
		: `lines ${f.first_line}-${f.last_line}`;
}

export function when(f: Finding): string {
	const o = f.first_seen;
	const parts: string[] = [];
	if (o.wall) parts.push(o.wall);
	if (o.ts !== null) {
		const span = spanText(o.ts);
		parts.push(`${o.ts.toFixed(6)} s after boot${span ? ` (${span})` : ''}`);
	}
	return parts.join(', ');
}

/** earlier kernels named in the kernel line at most */
const EARLIER_KERNELS_SHOWN = 5;

/**
 * The kernel the machine ran last (metadata.latest_kernel_version), and the other kernels the
 * log names when there were several: `6.2.0 (latest boot; earlier boots: 6.1.0)`.
 */
export function kernelLine(m: AnalysisResult['metadata']): string | null {
	const v = m.latest_kernel_version ?? m.kernel_version;
	if (v === null) return null;
	const earlier: string[] = [];
	if (m.kernel_version !== null && m.kernel_version !== v) earlier.push(m.kernel_version);
	let latest = -1;
	for (const b of m.boots) {
		const bv = b.kernel_version;
		if (bv === null) continue;
		latest = b.index;
		if (bv !== v && !earlier.includes(bv)) earlier.push(bv);
	}
	if (earlier.length === 0) return v;
	const which =
		latest === -1 || latest === m.boots[m.boots.length - 1].index
			? 'latest boot'
			: `boot ${latest}, the latest that names its kernel`;
	const more = earlier.length - EARLIER_KERNELS_SHOWN;
	const list =
		earlier.slice(0, EARLIER_KERNELS_SHOWN).join(', ') + (more > 0 ? ` and ${more} more` : '');
	return `${v} (${which}; earlier: ${list})`;
}

/**
 * When the kernel line names a later kernel than the first the log names, the build and the
 * command line (read from the first banner and the first `Command line:`) say whose they are.
 */
export function firstKernelLabels(m: AnalysisResult['metadata']): {
	build: string;
	commandLine: string;
} {
	const v = m.latest_kernel_version ?? m.kernel_version;
	if (m.kernel_version === null || v === m.kernel_version)
		return { build: 'Build', commandLine: 'Command line' };
	return {
		build: `Build (${m.kernel_version})`,
		commandLine: 'Command line (the first boot that printed one)'
	};
}

/** modules named at most in the System section's Modules row */
const MODULES_SHOWN = 40;

/** the modules the Modules row names, as the kernel lists them: `fuse nf_nat bridge` */
function moduleList(m: AnalysisResult['metadata']): string {
	return m.modules.slice(0, MODULES_SHOWN).join(' ');
}

/**
 * One part of a System row's value: our own words, or log text that is a list of names (the
 * kernel's build banner, its command line, the module list), which the Markdown report shows as
 * one inline code span, as the log has it.
 */
export interface RowPart {
	text: string;
	names: boolean;
}

/** A row of the System section: its label and its value's parts, in order. */
export interface MetadataRow {
	label: string;
	parts: RowPart[];
}

/** a System row's value as text (its parts joined) */
export function rowText(row: MetadataRow): string {
	return row.parts.map((p) => p.text).join('');
}

/**
 * The System section's rows, each value in parts (RowPart), so that a report never has to find
 * the log's names again inside text it formatted: the Markdown report had looked for the module
 * list inside `96: fuse nf_nat …`, and found it in the count when a module's name was a number.
 */
export function metadataRows(result: AnalysisResult): MetadataRow[] {
	const m = result.metadata;
	const label = firstKernelLabels(m);
	const ours = (text: string | null): RowPart[] => (text ? [{ text, names: false }] : []);
	const names = (text: string | null): RowPart[] => (text ? [{ text, names: true }] : []);
	const rows: MetadataRow[] = [
		{ label: 'Kernel', parts: ours(kernelLine(m)) },
		{ label: label.build, parts: names(m.kernel_build) },
		{ label: 'Architecture', parts: ours(m.arch) },
		{ label: 'Hardware', parts: ours(m.hardware) },
		{ label: 'Virtual machine', parts: ours(m.hypervisor) },
		{ label: 'BIOS', parts: ours(m.bios) },
		{ label: 'CPU', parts: ours(m.cpu) },
		{ label: 'Memory', parts: ours(m.memory) },
		{ label: label.commandLine, parts: names(m.command_line) },
		{
			label: 'Taint',
			parts: m.taint
				? ours(
						`${m.taint.raw} (${m.taint.flags.map((f) => `${f.letter}: ${f.description}`).join('; ')}${m.taint.unknown.length ? `; unknown: ${m.taint.unknown.join(' ')}` : ''})`
					)
				: m.tainted === false
					? notTainted(result)
					: []
		},
		{
			label: 'Modules',
			parts: m.modules.length
				? [
						...ours(`${groupDigits(m.modules.length)}: `),
						...names(moduleList(m)),
						...ours(m.modules.length > MODULES_SHOWN ? ' …' : null)
					]
				: []
		}
	];
	return rows.filter((r) => r.parts.length > 0);
}

/** a crash report's `CPU: 0 PID: 0 Comm: swapper Not tainted 3.10.0-41.el7.x86_64 #1` line */
const NOT_TAINTED = /\bNot tainted\b/;

/**
 * The Taint row of a log that says `Not tainted` and never prints a taint: a crash report prints
 * the taint the kernel had before it, and a report can taint the kernel as it ends (a WARN()
 * `W`, an oops `D`, Red Hat's unsupported-hardware warning its own flag), so the row names the
 * last report that said it, `not tainted before WARNING in mark_hardware_unsupported (line 5)`:
 * a bare `not tainted` had stood above that warning's explanation, "The kernel is marked tainted
 * (unsupported hardware)" (abrt-oops-unsupported-hw.log). The title is log text (a code span in
 * the Markdown report).
 */
function notTainted(result: AnalysisResult): RowPart[] {
	let last: { title: string; line: number } | null = null;
	for (const f of result.findings) {
		if (f.category !== 'crash') continue;
		const e = f.evidence.find((l) => NOT_TAINTED.test(l.text));
		if (e !== undefined && (last === null || e.line > last.line))
			last = { title: f.title, line: e.line };
	}
	if (last === null) return [{ text: 'not tainted', names: false }];
	return [
		{ text: 'not tainted before ', names: false },
		{ text: last.title, names: true },
		{ text: ` (line ${last.line})`, names: false }
	];
}

/**
 * The Lines row: `1,022,872 lines (dmesg 348,935, syslog 222,379; 224,383 skipped, 30,914 not
 * understood)`, its counts grouped as every count of the reports is (counted), and as the page's
 * System panel has them; line numbers, which a reader looks up, are not.
 */
export function inputLine(result: AnalysisResult): string {
	const i = result.input;
	const formats = Object.entries(i.formats)
		.map(([k, v]) => `${k} ${groupDigits(v)}`)
		.join(', ');
	return `${counted(i.lines_total, 'line')} (${formats || 'no kernel lines'}; ${groupDigits(i.lines_skipped)} skipped, ${groupDigits(i.lines_unparsed)} not understood)`;
}

// C0/C1 controls (tab kept), DEL, line/paragraph separators and Unicode's bidirectional controls
// (Bidi_Control: the embeddings, overrides and isolates, and the marks LRM, RLM and ALM, which
// reorder the punctuation and numbers around them): anything that could move the cursor, recolour
// a terminal or reorder what a reader sees.
// (util/bidi.ts's set, which the page shows as these escapes too)
const UNSAFE_CLASS = `[\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f\\u2028\\u2029${BIDI_CONTROLS}]`;
const UNSAFE = new RegExp(UNSAFE_CLASS);
const UNSAFE_G = new RegExp(UNSAFE_CLASS, 'g');

/**
 * Make log-derived text inert for a terminal or a rendered page: control characters (ESC of ANSI
 * sequences included), C1 controls, line separators and bidi controls (overrides, isolates, and
 * the marks LRM, RLM and ALM) become visible escapes (`\x1b`, `\u202e`, `\u061c`). Tabs are kept.
 * The result is always one line.
 */
export function inert(s: string): string {
	if (!UNSAFE.test(s)) return s;
	return s.replace(UNSAFE_G, (c) => {
		const n = c.charCodeAt(0);
		return n < 0x100
			? '\\x' + n.toString(16).padStart(2, '0')
			: '\\u' + n.toString(16).padStart(4, '0');
	});
}

export const VERDICT_LABELS: Record<string, string> = {
	'kernel-crash': 'Kernel crash',
	'serious-problems': 'Serious problems',
	problems: 'Problems',
	'minor-issues': 'Minor issues',
	healthy: 'Healthy',
	'no-kernel-log': 'No kernel log'
};

/**
 * The verdict's label as the text report's `Verdict:` line and the Markdown report's title say it:
 * of an input not read to its end (its `Incomplete:` note, pipeline.ts INCOMPLETE_NOTE), a verdict
 * of what was not found is said of the lines read, as the headline says it (`Healthy in the first
 * 1,458 lines`): "## NecroScope report: Healthy" had titled a cut `.gz`'s report.
 */
export function verdictLabel(result: AnalysisResult): string {
	const v = result.summary.verdict;
	const label = VERDICT_LABELS[v] ?? v;
	const partial = result.input.warnings.some((w) => w.startsWith('Incomplete: '));
	if (!partial || !['healthy', 'minor-issues', 'no-kernel-log'].includes(v)) return label;
	const n = result.input.lines_total;
	return n === 0
		? `${label}: no line was read`
		: `${label} in the first ${n === 1 ? 'line' : `${groupDigits(n)} lines`}`;
}

/** `12 critical, 3 high` (non-zero severities, most severe first). */
export function severityCounts(result: AnalysisResult): string {
	return Object.entries(result.summary.counts_by_severity)
		.filter(([, n]) => n > 0)
		.map(([k, n]) => `${groupDigits(n)} ${k}`)
		.join(', ');
}

/**
 * Which frame of a finding's call trace is its guilty frame: the first of its function or a
 * compiler clone of it (isGuiltyFunction), and when one of them is reliable the first reliable
 * one: the `?` entries of the same function are stale return addresses, and a function that
 * calls itself (satyr-gitlog-01.log: `mxs_mmc_enable_sdio_irq` from `mxs_mmc_enable_sdio_irq`)
 * is guilty in its innermost call, the one the title was taken from.
 */
export function guiltyMarks(stack: {
	frames: readonly Frame[];
	guilty_frame: string | null;
}): boolean[] {
	const g = stack.guilty_frame;
	const named = stack.frames.map((fr) => g !== null && isGuiltyFunction(fr.function, g));
	let at = stack.frames.findIndex((fr, i) => named[i] && fr.reliable);
	if (at === -1) at = named.indexOf(true);
	return named.map((_, i) => i === at);
}

/**
 * `n`, its digits grouped, and the word, plural unless one: `1 frame`, `3 frames`,
 * `1,022,872 lines` (English words taking `s`).
 */
export function counted(n: number, word: string): string {
	return `${groupDigits(n)} ${n === 1 ? word : `${word}s`}`;
}

/** After a call trace's count, when a frame shown carries the `>` mark of the guilty frame. */
export function guiltyLegend(marked: boolean): string {
	return marked ? ', > marks the guilty frame' : '';
}

/**
 * One call-trace frame as the kernel prints it (`? func+0x1/0x2 [module]`, with its source
 * location when the trace was symbolised): the line a kernel developer pastes into
 * decode_stacktrace.sh or a mail (the page's Copy call trace gives one per frame).
 */
export function kernelFrame(fr: Frame): string {
	return `${fr.reliable ? '' : '? '}${fr.function}${fr.offset ? `+${fr.offset}${fr.size ? `/${fr.size}` : ''}` : ''}${fr.module ? ` [${fr.module}]` : ''}${fr.source ? ` ${fr.source}` : ''}`;
}

/**
 * Call-trace frames as the kernel printed them, one `kernelFrame` a line, with the stack-switch
 * markers it printed among them (`<IRQ>`, `</IRQ>`, `<TASK>`, `</TASK>`, `<NMI>`, old kernels'
 * `<EOI>` and `<<EOE>>`, exception stacks' `<#DF>`) where they are in the report's lines
 * (`lines`, its evidence): right before the first frame, between two frames (also at the start
 * of a frame's own line: `<EOI>  [<ffffffff81250fde>] ? avtab_search_node+0x7e/0x90`) and right
 * after the last. The page's Copy call trace and a copy of the trace's rows give this: a
 * developer pastes it into a bug report, where the frames of an interrupt had read as the task's.
 * A frame whose line is not among `lines` has no marker around it.
 */
export function kernelTrace(frames: readonly Frame[], lines: readonly EvidenceLine[]): string {
	const at = new Map(lines.map((l, i) => [l.line, i]));
	const marker = (i: number) => splitStackMarker(lines[i].text).marker;
	const out: string[] = [];
	const opening = ripOpening(frames, lines, at, marker);
	/** the index in `lines` of the previous frame's line (undefined when unknown) */
	let prev: number | undefined;
	frames.forEach((fr, k) => {
		const i = at.get(fr.line);
		if (i !== undefined && i !== prev) {
			if (k === 0) {
				let j = i;
				while (j > 0 && marker(j - 1) !== null) j--;
				for (; j < i; j++) out.push(marker(j) as string);
				for (const j of opening) out.push(marker(j) as string);
			} else if (prev !== undefined && prev < i) {
				for (let j = prev + 1; j < i; j++) {
					const m = marker(j);
					if (m !== null && !opening.includes(j)) out.push(m);
				}
			}
			const own = marker(i);
			if (own !== null) out.push(own);
		}
		out.push(kernelFrame(fr));
		prev = i;
	});
	if (prev !== undefined)
		for (let j = prev + 1; j < lines.length && marker(j) !== null; j++)
			out.push(marker(j) as string);
	return out.join('\n') + '\n';
}

/**
 * The opening stack markers (`<IRQ>`, `<TASK>`, `<NMI>`, ...) the kernel printed first in a call
 * trace whose top frame is its register dump's (`RIP: 0010:dql_completed+0x140/0x150`, printed
 * before `Call Trace:`): the indexes in `lines` of the markers right before the second frame,
 * after a line that is not a marker (the trace's header); none when the first frame is one of the
 * trace's own lines. The RIP ran on the stack the trace starts on, so Copy call trace gives
 * `<IRQ>` before it, as the trace begins: the RIP of a BUG in an interrupt had been copied above
 * `<IRQ>`, read as the task's.
 */
function ripOpening(
	frames: readonly Frame[],
	lines: readonly EvidenceLine[],
	at: ReadonlyMap<number, number>,
	marker: (i: number) => string | null
): number[] {
	if (frames.length < 2) return [];
	const i0 = at.get(frames[0].line);
	const i1 = at.get(frames[1].line);
	if (i0 === undefined || i1 === undefined || i0 >= i1) return [];
	const opens = (m: string | null) => m !== null && !m.startsWith('</') && !/EO[IE]/.test(m);
	const run: number[] = [];
	let j = i1 - 1;
	for (; j > i0 && opens(marker(j)); j--) run.unshift(j);
	return run.length && j > i0 && marker(j) === null ? run : [];
}

/** One call-trace frame as the reports list it: `kernelFrame`, then its context when not a task's (`  (irq)`). */
export function frameLabel(fr: Frame): string {
	return `${kernelFrame(fr)}${fr.context !== 'task' ? `  (${fr.context})` : ''}`;
}

/** Where a finding is: `lines 2-89, seen 3 times (last at line 120); 744.59 s after boot; boots 1–3`. */
export function findingWhere(f: Finding, result: AnalysisResult): string {
	const boots = bootsText(f.boots, result.metadata.boots.length, REPORT_BOOT_RUNS);
	return `${lineRange(f)}${f.count > 1 ? `, seen ${groupDigits(f.count)} times (last at line ${f.last_seen.first_line})` : ''}${when(f) ? `; ${when(f)}` : ''}${boots ? `; ${boots}` : ''}`;
}

/** runs of boots named under a finding's title in the page at most */
const BOOT_RUNS = 4;
/** runs of boots named in a finding's place in the reports at most (a finding of every boot of a year stays one line) */
const REPORT_BOOT_RUNS = 20;

/**
 * The boots a finding occurs in, as the page (under its title) and the text and Markdown reports
 * (its place, `Where:`) say them when the log holds several boots (`count`): `boot 3`, `boots
 * 1–6, 8–15`, after `runs` runs `boots 0, 2, 4, 10–15, … (12 boots)`; null for a log of one boot.
 * Runs keep what a list cut short loses: the reports had said `boot 0, 1, 2, …, 19, … (40
 * boots)` of a finding of boots 0-39, where the page said `boots 0–39`. A support engineer
 * reading a journal of 16 boots had been told "16.452 s" without the boot it was after.
 */
export function bootsText(
	boots: readonly number[],
	count: number,
	runs = BOOT_RUNS
): string | null {
	if (count < 2 || boots.length === 0) return null;
	const b = [...boots].sort((x, y) => x - y);
	const all: string[] = [];
	for (let i = 0; i < b.length; i++) {
		const from = b[i];
		while (i + 1 < b.length && b[i + 1] === b[i] + 1) i++;
		all.push(b[i] > from ? `${from}–${b[i]}` : `${from}`);
	}
	const list =
		all.length > runs
			? `${all.slice(0, runs).join(', ')}, … (${groupDigits(b.length)} boots)`
			: all.join(', ');
	return `${b.length > 1 ? 'boots' : 'boot'} ${list}`;
}

/** `mac 2, ipv4 1` */
export function anonymizationLine(result: AnalysisResult): string | null {
	const a = result.input.anonymization;
	if (!a.enabled) return null;
	const parts = Object.entries(a.replaced).map(([k, n]) => `${k} ${n}`);
	return `anonymized (${parts.length ? parts.join(', ') : 'nothing to replace'})`;
}

/** one finding of a branching cascade as the reports indent it (cascadeTree) */
export interface CascadeTreeRow {
	/** 0 for the earliest cause, its effects 1, theirs 2 ... */
	depth: number;
	/** `→ ` before an effect, `→ possibly → ` before a possibly caused one; '' for the cause */
	arrow: string;
	/** the finding's title, and the reason of a possible link in parentheses */
	text: string;
}

/**
 * A cascade in which a cause has several effects, as an indented tree made from its `links` (each
 * effect under its cause, in chain order), for the text and Markdown reports: `A → B; A → C`
 * of the description read as if B and the second A were one. Null for a chain without branches
 * (`A → B → C` reads as it is) and for a report older than `links`: the description is shown.
 */
export function cascadeTree(c: Cascade, result: AnalysisResult): CascadeTreeRow[] | null {
	const links = (c.links as Cascade['links'] | undefined) ?? [];
	if (c.chain.length < 3 || links.length === 0) return null;
	const causeOf = new Map(links.map((l) => [l.effect, l]));
	const titles = new Map(result.findings.map((f) => [f.id, f.title]));
	const depth = new Map<string, number>([[c.chain[0], 0]]);
	const rows: CascadeTreeRow[] = [
		{ depth: 0, arrow: '', text: titles.get(c.chain[0]) ?? c.chain[0] }
	];
	let branches = false;
	for (let i = 1; i < c.chain.length; i++) {
		const id = c.chain[i];
		const link = causeOf.get(id);
		const cause = link?.cause ?? c.chain[i - 1];
		const d = depth.get(cause);
		// a link to a finding outside the chain: the tree cannot be drawn, the description can
		if (d === undefined) return null;
		if (cause !== c.chain[i - 1]) branches = true;
		depth.set(id, d + 1);
		const title = titles.get(id) ?? id;
		rows.push({
			depth: d + 1,
			arrow: link?.certainty === 'possible' ? '→ possibly → ' : '→ ',
			text: link?.reason ? `${title} (${link.reason})` : title
		});
	}
	return branches ? rows : null;
}

/**
 * How a crash's call trace and register block meet its evidence (the log lines quoted, shown
 * from `shown`): the frames and register lines printed on an evidence line are read there, once
 * (the text and Markdown reports had printed them again as a trace and a block of their own,
 * some 25 lines more per crash); only the others are listed apart.
 */
export interface TraceInEvidence {
	/** frames on a shown evidence line */
	inEvidence: number;
	/** the first and last such lines */
	firstLine: number;
	lastLine: number;
	/** the evidence line of the guilty frame when it is one of them, else null */
	guiltyLine: number | null;
	/** that frame (an arm line `(a) from (b)` names two functions: the line alone is ambiguous) */
	guilty: Frame | null;
	/** the frames on no shown evidence line (the evidence was cut), with their guilty marks */
	rest: Frame[];
	restMarks: boolean[];
	/** the register and `Code:` lines that are no shown evidence line's text */
	registers: string[];
}

export function traceInEvidence(
	f: Finding,
	shown: readonly { line: number; text: string }[]
): TraceInEvidence {
	const lines = new Set(shown.map((e) => e.line));
	const frames = f.stack?.frames ?? [];
	const marks = f.stack ? guiltyMarks(f.stack) : [];
	const out: TraceInEvidence = {
		inEvidence: 0,
		firstLine: 0,
		lastLine: 0,
		guiltyLine: null,
		guilty: null,
		rest: [],
		restMarks: [],
		registers: []
	};
	frames.forEach((fr, i) => {
		if (!lines.has(fr.line)) {
			out.rest.push(fr);
			out.restMarks.push(marks[i]);
			return;
		}
		if (out.inEvidence === 0 || fr.line < out.firstLine) out.firstLine = fr.line;
		out.inEvidence++;
		out.lastLine = Math.max(out.lastLine, fr.line);
		if (marks[i]) {
			out.guiltyLine = fr.line;
			out.guilty = fr;
		}
	});
	const texts = new Set(shown.map((e) => e.text));
	out.registers = registerLines(f).filter((r) => !texts.has(r));
	return out;
}

/** a file name a POSIX shell reads as one word as it is */
const SHELL_WORD = /^[\w.+@%,:=-]+$/;
/** one it reads as one word in single quotes (blanks and brackets of `dmesg (1).txt`) */
const SHELL_QUOTED = /^[\w.+@%,:=~#()[\]{} -]+$/;

/**
 * The input's file name as a shell word, or null when it is none the CLI would take as it is
 * (no name: standard input or pasted text; a leading `-`, read as an option; a quote, a control
 * character, a letter outside ASCII, an anonymized `<host-1>.log`, or a name of spaces alone).
 */
export function shellFileName(name: string | null): string | null {
	if (name === null || name.startsWith('-') || name.trim() === '') return null;
	if (SHELL_WORD.test(name)) return name;
	return SHELL_QUOTED.test(name) ? `'${name}'` : null;
}

/**
 * A finding's advice step as the text and Markdown reports give it: the crash advice's
 * `necroscope --lines ID LOG > ID.txt` names the input's file (`kern.log`), when the report has
 * a name that the shell takes as it is (shellFileName), so that it runs as written where the log
 * is. The JSON's advice keeps `LOG`: it is the same in the CLI and the page, whatever the name;
 * the text and Markdown reports are too, for the same input name.
 */
export function stepForInput(step: string, f: Finding, name: string | null): string {
	if (f.category !== 'crash') return step;
	const file = shellFileName(name);
	return file === null ? step : step.replace(linesCommand(f.id), linesCommand(f.id, file));
}

/** the parts of a finding's explanation that the text and Markdown reports say once */
export type ExplanationPart = 'meaning' | 'causes' | 'next_steps';

const EXPLANATION_PARTS: readonly ExplanationPart[] = ['meaning', 'causes', 'next_steps'];

/** each part's label, as the text and Markdown reports head it */
export const PART_LABELS: Record<ExplanationPart, string> = {
	meaning: 'What it means',
	causes: 'Likely causes',
	next_steps: 'What to do'
};

/** parts of a finding's explanation that an earlier finding (`as`) of the report said in full */
export interface SaidBefore {
	as: Finding;
	parts: ExplanationPart[];
	/** the finding's own id, when its steps name it where those of `as` name theirs */
	id: string | null;
	/** `What it means, likely causes and what to do` */
	label: string;
}

/**
 * The text and Markdown reports say each part of an explanation once (what it means, the likely
 * causes, what to do): fed the findings in the order a report prints them, this tells which
 * parts of each an earlier finding printed word for word, and which (the first finding that
 * printed them in full), so that the report refers to it (`What it means, likely causes and what
 * to do: the same as for security-856b833e above`). Five AppArmor denials of
 * `askubuntu-dmesg-journalctl-lastdayorso.log` had printed the same 20 lines five times. A crash's
 * steps name its own id (`--lines crash-…`): steps that differ only there are the same, and the
 * reference gives the id to put in. `shown` false (a
 * shortened Markdown report's finding without its explanation) records nothing. The references
 * (a line or two) are always printed; the JSON and the page keep every explanation.
 */
export function explanationsSaidOnce(
	result: AnalysisResult
): (f: Finding, shown?: boolean) => SaidBefore[] {
	const first = new Map<string, Finding>();
	return (f, shown = true) => {
		const before = new Map<Finding, ExplanationPart[]>();
		for (const part of EXPLANATION_PARTS) {
			const key = partKey(f, part, result);
			if (key === null) continue;
			const g = first.get(key);
			if (g === undefined) {
				if (shown) first.set(key, f);
				continue;
			}
			const parts = before.get(g);
			if (parts === undefined) before.set(g, [part]);
			else parts.push(part);
		}
		return [...before].map(([as, parts]) => ({
			as,
			parts,
			id: parts.includes('next_steps') && stepsOf(f, result).includes(f.id) ? f.id : null,
			label: parts
				.map((p, i) => (i === 0 ? PART_LABELS[p] : PART_LABELS[p].toLowerCase()))
				.join(', ')
				.replace(/, (?=[^,]*$)/, ' and ')
		}));
	};
}

/** a part of a finding's explanation as the reports print it, keyed by the part; null when empty */
function partKey(f: Finding, part: ExplanationPart, result: AnalysisResult): string | null {
	const e = f.explanation;
	if (part === 'meaning') return e.meaning === '' ? null : `m\n${e.meaning}`;
	if (part === 'causes')
		return e.causes.length === 0
			? null
			: `c\n${e.causes.map((c) => `${c.kind}\t${c.text}`).join('\n')}`;
	// a crash's steps name its own id (`necroscope --lines crash-… LOG > crash-….txt`): steps
	// that differ only there are the same, said with the id to put in (SaidBefore.id)
	return e.next_steps.length === 0 ? null : `s\n${stepsOf(f, result).split(f.id).join('\u0000')}`;
}

/** a finding's steps as the reports print them, one per line */
function stepsOf(f: Finding, result: AnalysisResult): string {
	return f.explanation.next_steps.map((n) => stepForInput(n, f, result.input.name)).join('\n');
}

/**
 * `the same as for security-856b833e above (AppArmor denied …).`, where a part was said
 * (SaidBefore); a crash's steps add `, with crash-… in place of its id`
 */
export function saidBeforeText(s: SaidBefore): string {
	return `the same as for ${s.as.id} above (${s.as.title})${s.id === null ? '' : `, with ${s.id} in place of its id`}.`;
}
