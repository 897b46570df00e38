export const CATEGORIES = [
	'crash',
	'hardware',
	'storage',
	'filesystem',
	'memory',
	'gpu',
	'usb',
	'network',
	'power',
	'firmware',
	'security',
	'userspace',
	'other'
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
	return SEVERITIES.indexOf(s);
}

/** How many of `findings` have each severity. */
export function countBySeverity(
	findings: readonly { severity: Severity }[]
): Record<Severity, number> {
	const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
	for (const f of findings) counts[f.severity]++;
	return counts;
}

export type CauseKind =
	'hardware' | 'firmware' | 'driver' | 'kernel' | 'userspace' | 'configuration' | 'environment';

export interface Cause {
	kind: CauseKind;
	text: string;
}

export interface Explanation {
	meaning: string;
	causes: Cause[];
	next_steps: string[];
	references: string[];
}

/** One frame of a call trace. */
export interface Frame {
	function: string;
	offset: string | null;
	size: string | null;
	module: string | null;
	/** false for frames printed with '?' (or '(unreliable)') */
	reliable: boolean;
	/** 'task', 'irq', 'softirq', 'nmi', 'exception' ... */
	context: string;
	/** 1-based input line */
	line: number;
	/** source location when the trace is symbolised (file.c:123) */
	source: string | null;
}

export interface StackTrace {
	frames: Frame[];
	/** the frame syzbot-style titling blames (function name), or null */
	guilty_frame: string | null;
	/** faulting location from RIP:/pc :/NIP/PC is at, e.g. 'do_raw_spin_lock+0x8b/0x370' */
	fault_location: string | null;
}

/** evidence lines kept per finding (the first occurrence's report is kept whole up to this) */
export const MAX_EVIDENCE = 160;

export interface EvidenceLine {
	line: number;
	text: string;
}

export interface Occurrence {
	first_line: number;
	last_line: number;
	boot: number;
	/** kernel monotonic seconds */
	ts: number | null;
	/** ISO 8601 wall-clock time when known */
	wall: string | null;
}

export type DetailValue = string | number | boolean | null | string[];

export interface Finding {
	/**
	 * stable id: the same rule and title give the same id in any log (findings of a shared rule and
	 * title that name a source location hash it too, see docs/OUTPUT.md)
	 */
	id: string;
	rule: string;
	category: Category;
	title: string;
	alt_titles: string[];
	severity: Severity;
	/**
	 * since 1.13.0, present (true) only on a routine notice: a line that looks alarming but is
	 * routine, its finding info and explained (LineRule.routine); reports list these apart, after
	 * the other findings
	 */
	routine?: true;
	/** 1-based input lines of the first occurrence */
	first_line: number;
	last_line: number;
	count: number;
	boots: number[];
	first_seen: Occurrence;
	last_seen: Occurrence;
	/** the occurrences kept (the first few), in input order */
	occurrences: Occurrence[];
	stack: StackTrace | null;
	evidence: EvidenceLine[];
	/** rule-specific facts (crash type, process, device, error code, ...) */
	details: Record<string, DetailValue>;
	explanation: Explanation;
	/** ids of findings this one is linked to: cascade causes and effects, a report inside it or around it, the finding whose message resolved it */
	related: string[];
}

/** Link two findings both ways through `related` (each id once). */
export function relate(a: Finding, b: Finding): void {
	if (!a.related.includes(b.id)) a.related.push(b.id);
	if (!b.related.includes(a.id)) b.related.push(a.id);
}

/**
 * The kernel a finding's report ran on: the release its own report printed (`details.kernel_version`,
 * from its `CPU: … Not tainted 6.1.0 #1` line), else its boot's banner's; null when neither says.
 * The crash advice's kernel (providers/heuristic.ts) and the page's line under a crash's title.
 */
export function findingKernel(
	f: Pick<Finding, 'details' | 'first_seen'>,
	boots: readonly { index: number; kernel_version: string | null }[]
): string | null {
	const own = f.details.kernel_version;
	if (typeof own === 'string' && own !== '') return own;
	return boots.find((b) => b.index === f.first_seen.boot)?.kernel_version ?? null;
}
