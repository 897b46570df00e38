import {
	SEVERITIES,
	severityRank,
	type Category,
	type Finding,
	type Occurrence,
	type Severity
} from '../models/finding.ts';
import type { Boot } from '../models/metadata.ts';
import type { Cascade, Summary, Verdict } from '../models/report.ts';
import { groupDigits } from '../util/text.ts';

const HEADLINES: Record<Verdict, string> = {
	'kernel-crash': 'The kernel crashed or reported a serious internal error.',
	'serious-problems': 'Serious problems were found.',
	problems: 'Problems were found.',
	'minor-issues': 'Only minor issues were found.',
	healthy: 'No problems were found.',
	'no-kernel-log': 'No kernel messages were recognised.'
};

/**
 * The verdicts that say what was not found ("No problems were found", "Only minor issues were
 * found", "No kernel messages were recognised"): of an input not read to its end, they are said
 * of the lines read ("No problems were found in the first 1,458 lines; the rest of the input was
 * not analysed."), the others (what was found) keep their words.
 */
const QUALIFIED: ReadonlySet<Verdict> = new Set<Verdict>([
	'healthy',
	'minor-issues',
	'no-kernel-log'
]);

/**
 * Reports of the kernel's oops path (die(), oops_end()): a fault or BUG that kills the task, and
 * the machine when panic_on_oops is set or kdump is loaded (crash_kexec runs before the panic
 * message, so a kdump capture ends in the oops itself). A Rust panic ends in BUG().
 */
export const OOPS_RULES: ReadonlySet<string> = new Set([
	'crash.oops',
	'crash.null-deref',
	'crash.paging-fault',
	'crash.gpf',
	'crash.trap',
	'crash.arm-fault',
	'crash.bug',
	'crash.list-corruption',
	'crash.stack-overflow',
	'crash.rust-panic'
]);

/**
 * Reports of the trusted OS beside the kernel halting (Trusty's `panic`, a failed `ASSERT`, then
 * `trusty: HALT`): every later call into it fails, so the report the kernel prints right after
 * (the Trusty driver's WARNING, which panic_on_warn makes the boot's panic) is that halt reaching
 * Linux, of whatever kind it is (see haltReached).
 */
const HALT_RULES: ReadonlySet<string> = new Set(['crash.trusty']);
/** seconds after a halt within which a report is taken for the halt reaching Linux */
const HALT_REACH_S = 5;

/**
 * Reports after which the kernel itself is damaged: an oops (taint D: it killed a task, maybe
 * holding locks) or memory found corrupted (taint B: KASAN, KFENCE, SLUB, bad page state). Every
 * later report of the boot may be their consequence.
 */
export const DAMAGE_RULES: ReadonlySet<string> = new Set([
	...OOPS_RULES,
	'crash.kasan',
	'crash.kfence',
	'crash.slab',
	'crash.bad-page'
]);

/**
 * Is `report` the trusted OS's halt reaching Linux: after it, and in the trusted OS's driver
 * (its WARN()'s location under `drivers/trusty/`) or within HALT_REACH_S of it? An unrelated
 * crash later in the boot (an ext4 oops minutes after) is not.
 */
function haltReached(halt: CrashOcc, report: CrashOcc): boolean {
	if (report === halt || earlier(report.o, halt.o)) return false;
	const loc = report.f.details.source_location;
	if (typeof loc === 'string' && loc.includes('drivers/trusty/')) return true;
	return halt.o.ts !== null && report.o.ts !== null && report.o.ts - halt.o.ts <= HALT_REACH_S;
}

/** kernel lines a boot may go on for after the oops it ends in (another CPU's last words) */
export const FATAL_TAIL = 5;

interface CrashOcc {
	f: Finding;
	o: Occurrence;
}

/** kernel time when both have one, else input line: pstore dumps put parts out of line order */
function earlier(a: Occurrence, b: Occurrence): boolean {
	if (a.ts !== null && b.ts !== null && a.ts !== b.ts) return a.ts < b.ts;
	return a.first_line < b.first_line;
}

function panics(c: CrashOcc): boolean {
	return (
		c.f.rule === 'crash.panic' ||
		(c.f.details.panicked === true && c.o.first_line === c.f.first_line)
	);
}

/** A boot that ended in a crash: the report to name for it, with the crash's severity. */
interface FatalCrash {
	boot: number;
	finding: Finding;
	severity: Severity;
}

/**
 * The crash each boot ended in, if it ended in one (see docs/OUTPUT.md, "The headline"): a
 * kernel panic, or an oops its log ends in (within FATAL_TAIL lines: what a kdump capture
 * holds). The report named is the panic's own, or for a panic printed apart from the report
 * it ended (a damaged title: `kernel panic: Fatal exception`) the report printed just before
 * it, or the oops the log ends in; and then the first report of the boot that damaged the
 * kernel (DAMAGE_RULES) when there is one at or before it and the report named is of that kind
 * or the panic is a damaged one; and then a trusted OS's halt (HALT_RULES) when the report named
 * is that halt reaching Linux (haltReached). Only the occurrences a finding keeps are seen (its
 * first 20 and its last).
 */
function fatalCrashes(findings: readonly Finding[], boots: readonly Boot[]): FatalCrash[] {
	const byBoot = new Map<number, CrashOcc[]>();
	for (const f of findings) {
		if (f.category !== 'crash') continue;
		const occs = f.occurrences.some((o) => o.first_line === f.last_seen.first_line)
			? f.occurrences
			: [...f.occurrences, f.last_seen];
		for (const o of occs) {
			const list = byBoot.get(o.boot);
			if (list) list.push({ f, o });
			else byBoot.set(o.boot, [{ f, o }]);
		}
	}
	const ends = new Map(boots.map((b) => [b.index, b.last_line]));
	const out: FatalCrash[] = [];
	for (const boot of [...byBoot.keys()].sort((a, b) => a - b)) {
		const list = byBoot.get(boot)!;
		let last = list[0];
		let panic: CrashOcc | null = null;
		let damage: CrashOcc | null = null;
		let halt: CrashOcc | null = null;
		for (const c of list) {
			if (c.o.last_line > last.o.last_line) last = c;
			if (panics(c) && (panic === null || earlier(c.o, panic.o))) panic = c;
			if (DAMAGE_RULES.has(c.f.rule) && (damage === null || earlier(c.o, damage.o))) damage = c;
			if (HALT_RULES.has(c.f.rule) && (halt === null || earlier(c.o, halt.o))) halt = c;
		}
		const end = ends.get(boot);
		const endsInOops =
			OOPS_RULES.has(last.f.rule) && end !== undefined && end - last.o.last_line <= FATAL_TAIL;
		if (panic === null && !endsInOops) continue;
		let report = panic ?? last;
		// a panic printed apart from the oops, WARNING (panic_on_warn) or hung task it ended in
		const apart =
			panic !== null && panic.f.rule === 'crash.panic' && panic.f.details.corrupted === true
				? panic
				: null;
		if (apart !== null)
			for (const c of list)
				if (c !== apart && earlier(c.o, apart.o) && (report === apart || earlier(report.o, c.o)))
					report = c;
		if (
			damage !== null &&
			(apart !== null || DAMAGE_RULES.has(report.f.rule)) &&
			!earlier(report.o, damage.o)
		)
			report = damage;
		if (halt !== null && haltReached(halt, report)) report = halt;
		const severity =
			panic !== null && severityRank(panic.f.severity) < severityRank(report.f.severity)
				? panic.f.severity
				: report.f.severity;
		out.push({ boot, finding: report.f, severity });
	}
	return out;
}

/**
 * The likely root cause of the primary finding (the one the headline names): the first finding
 * of its chain, reached from it through probable links only, or the primary finding itself when
 * no probable link leads to it. A cause a cascade links only as possible (its timing fits,
 * nothing more) is shown in the cascade but never named: the walk stops below it. A chain that
 * does not hold the primary finding does not name its root cause: in i225nic's pstore dump the
 * `kernel BUG in dql_completed` that panicked the machine had been given the igc transmit hangs'
 * chain (hangs, then link down), to which nothing linked it (now the hangs are a possible cause
 * of its WARNING, and the walk stops at that WARNING).
 */
function rootOf(primary: string, cascades: readonly Cascade[]): string {
	const cause = new Map<string, string>();
	for (const c of cascades)
		for (const l of c.links) if (l.certainty === 'probable') cause.set(l.effect, l.cause);
	let root = primary;
	// a cascade is a tree, so the walk ends; the bound only guards against a malformed one
	for (let n = 0; n <= cause.size && cause.has(root); n++) root = cause.get(root)!;
	return root;
}

/**
 * The headline names the most severe finding. Among equally severe ones, the crash a boot ended
 * in comes first (the earliest such boot); otherwise the earliest finding in the log. When the
 * input was not read to its end (`linesRead`, the lines read: the analysis was stopped, or the
 * compressed input is cut), it says so: a truncated `.gz` whose first lines hold nothing had read
 * "No problems were found." as if of the whole log.
 */
export function summarize(
	findings: Finding[],
	cascades: Cascade[],
	kernelLines: number,
	boots: readonly Boot[] = [],
	linesRead: number | null = null
): Summary {
	const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
	const byCat: Partial<Record<Category, number>> = {};
	for (const f of findings) {
		counts[f.severity]++;
		byCat[f.category] = (byCat[f.category] ?? 0) + 1;
	}
	const sortedCats: Partial<Record<Category, number>> = {};
	for (const k of Object.keys(byCat).sort() as Category[]) sortedCats[k] = byCat[k];
	let first: Finding | null = null;
	for (const f of findings) {
		// a routine notice (`PCI: Using host bridge windows from ACPI`, Finding.routine) would lead
		// a healthy report
		if (f.routine === true) continue;
		if (!first || severityRank(f.severity) < severityRank(first.severity)) first = f;
	}
	const worst = first ? severityRank(first.severity) : 9;
	const fatal = fatalCrashes(findings, boots).find((c) => severityRank(c.severity) === worst);
	const primary = fatal?.finding ?? first;
	const worstCrash = findings
		.filter((f) => f.category === 'crash')
		.reduce((w, f) => Math.min(w, severityRank(f.severity)), 9);
	let verdict: Verdict;
	if (kernelLines === 0 && findings.length === 0) verdict = 'no-kernel-log';
	else if (worstCrash <= severityRank('high')) verdict = 'kernel-crash';
	else if (worst <= severityRank('high')) verdict = 'serious-problems';
	else if (worst === severityRank('medium')) verdict = 'problems';
	else if (worst === severityRank('low')) verdict = 'minor-issues';
	else verdict = 'healthy';
	const root = primary ? rootOf(primary.id, cascades) : null;
	let headline = HEADLINES[verdict];
	if (linesRead !== null && QUALIFIED.has(verdict)) {
		// what was not found is said of what was read: the page's heading is this first sentence,
		// and "No problems were found" above a cut .gz's first lines had claimed the whole file
		const read =
			linesRead === 0
				? ': no line of the input was read'
				: ` in the first ${linesRead === 1 ? 'line' : `${groupDigits(linesRead)} lines`}; the rest of the input was not analysed`;
		headline = `${headline.slice(0, -1)}${read}.`;
	}
	if (primary) {
		// with only informational findings, none of them is a problem: "most important" would say so
		const lead = verdict === 'healthy' ? 'For information' : 'Most important';
		headline += ` ${lead}: ${primary.title}${primary.count > 1 ? ` (×${primary.count})` : ''}.`;
	}
	if (linesRead !== null && !QUALIFIED.has(verdict))
		headline += ` Only the first ${groupDigits(linesRead)} ${linesRead === 1 ? 'line was' : 'lines were'} read: the rest of the input was not analysed.`;
	return {
		verdict,
		headline,
		counts_by_severity: counts,
		counts_by_category: sortedCats,
		primary_finding: primary?.id ?? null,
		root_cause: root
	};
}
