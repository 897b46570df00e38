import type { ErrorBlock } from '../models/error-block.ts';
import type { LogEvent, ProgramEvent } from '../models/events.ts';
import type {
	Category,
	DetailValue,
	EvidenceLine,
	Explanation,
	Finding,
	Occurrence,
	Severity,
	StackTrace
} from '../models/finding.ts';
import { MAX_EVIDENCE, relate, severityRank } from '../models/finding.ts';
import type { LogRecord } from '../models/log-record.ts';
import type { LogMetadata } from '../models/metadata.ts';
import type { ExplanationProvider } from '../providers/base.ts';
import { defaultProvider } from '../providers/factory.ts';
import { fnv1a } from '../util/hash.ts';
import { LiteralMatcher } from '../util/literal-matcher.ts';
import { HEADER_PREFILTER } from '../ingestion/blocks/headers.ts';
import { HINT_HEADER } from '../ingestion/tracker.ts';
import { objectList } from '../util/arrays.ts';
import { detach, detachDeep } from '../util/text.ts';
import { isoFromMs } from '../util/time.ts';
import { analyzeCrash } from './crash/index.ts';
import { fileAndLine } from './crash/location.ts';
import { workqueueLockup } from './crash/details.ts';
import type { CrashReport } from './crash/types.ts';
import { ANDROID_MARKERS } from './rules/android.ts';
import { BENIGN_RULES, DEVICE_LINKS, LINE_RULES, type LineRule } from './rules/index.ts';
import type {
	FirmwareRequest,
	RuleContext,
	RuleExpect,
	RuleOutcome,
	RuleResolve,
	RuleStall
} from './rules/types.ts';

export { MAX_EVIDENCE };
export const MAX_OCCURRENCES = 20;
const MAX_FINDINGS = 2000;
/** lines from one printed copy of a firmware request to the next (LineRule.request) */
export const REQUEST_COPY_LINES = 3;
/** firmware requests kept per rule to recognise their copies (a driver asks for one file at a time) */
const REQUESTS_KEPT = 4;

/** a firmware request of a rule and the copies of it printed so far (LineRule.request) */
interface Request extends FirmwareRequest {
	boot: number;
	/** the line and kernel time of its latest copy */
	line: number;
	ts: number | null;
	/** Debian's lines printed of it */
	debianLines: number;
	/** upstream's line was printed: the request is complete */
	upstream: boolean;
}

interface Builder {
	rule: string;
	category: Category;
	title: string;
	/** what tells findings of the same rule and title apart (a crash report's source location), or '' */
	variant: string;
	alt: string[];
	severity: Severity;
	count: number;
	boots: Set<number>;
	first: RawOcc;
	last: RawOcc;
	occ: RawOcc[];
	stack: StackTrace | null;
	evidence: EvidenceLine[];
	details: Record<string, DetailValue>;
	registry: Explanation | null;
	/**
	 * the line of the message that resolved its first occurrence (LineRule.resolve), -1 when none:
	 * a field every builder has from the start, so that builders keep one hidden class in V8 (one
	 * added later had sent `seen` back to slower code)
	 */
	resolvedBy: number;
}

interface RawOcc {
	first_line: number;
	last_line: number;
	boot: number;
	ts: number | null;
	wall: number | null;
}

/**
 * A line's own prefix time and the calibrated time of its kernel time further apart than this
 * (ms) are not a receipt delay (at most 78 s in the real corpus, logged at boot before the logger
 * started) but two clocks: a step too small to start a calibration segment (a Raspberry Pi's clock
 * set 4 minutes forward after boot). The occurrence keeps its line's time.
 */
const RECEIPT_DELAY_MAX_MS = 120_000;

/** hint bit (see Analyzer.record): the text holds a rule trigger */
export const HINT_RULE = 2;
/** hint bit (see Analyzer.resolveHeld): the text holds the trigger of a resolving message */
export const HINT_RESOLVE = 4;
/** hint bit (see Analyzer.record): the text holds the literal of an Android marker */
export const HINT_ANDROID = 8;

/** the literals of a rule's context messages */
export function contextTriggers(c: RuleContext): readonly string[] {
	return typeof c.trigger === 'string' ? [c.trigger] : c.trigger;
}

/**
 * the rules' triggers and the triggers of their context and follow-up messages, and of the
 * messages that tell what a device is attached to (DEVICE_LINKS)
 */
const RULE_LITERALS = [
	...LINE_RULES.flatMap((r) => [
		...r.triggers,
		...(r.context ? contextTriggers(r.context) : []),
		...(r.follow ?? []).map((f) => f.trigger)
	]),
	...DEVICE_LINKS.map((d) => d.trigger)
];
const NO_RESOLUTIONS: readonly RuleResolve[] = [];

/** a rule's resolutions (LineRule.resolve), none, one or several */
export function resolutionsOf(rule: LineRule): readonly RuleResolve[] {
	return rule.resolve === undefined
		? NO_RESOLUTIONS
		: 'trigger' in rule.resolve
			? [rule.resolve]
			: rule.resolve;
}

/** the resolution a rule message waits for (the first whose `when` it passes), if any */
export function resolutionFor(rule: LineRule, m: RegExpExecArray): RuleResolve | undefined {
	return resolutionsOf(rule).find((res) => res.when?.(m) ?? true);
}

const NO_EXPECTATIONS: readonly RuleExpect[] = [];

/** the messages that end a rule's event (LineRule.expects), none, one or several */
export function expectationsOf(rule: LineRule): readonly RuleExpect[] {
	return rule.expects === undefined
		? NO_EXPECTATIONS
		: 'trigger' in rule.expects
			? [rule.expects]
			: rule.expects;
}

/** the end of its event a rule message waits for (the first whose `when` it passes), if any */
export function expectationFor(rule: LineRule, m: RegExpExecArray): RuleExpect | undefined {
	return expectationsOf(rule).find((e) => e.when?.(m) ?? true);
}

/** the triggers of the rules' resolving and expected messages (LineRule.resolve, expects) */
const RESOLVE_LITERALS = LINE_RULES.flatMap((r) => [
	...resolutionsOf(r).map((res) => res.trigger),
	...expectationsOf(r).map((e) => e.trigger)
]);
/**
 * One automaton (util/literal-matcher.ts) for the per-line prefilters: the literals that can
 * open a kernel report (HINT_HEADER), the rules' literals (HINT_RULE) and their resolving
 * messages' (HINT_RESOLVE), so that one pass over a message tells the block assembler and the
 * analyzer whether to look any further.
 */
const ANDROID_LITERALS = ANDROID_MARKERS.map((k) => k.literal);
const TRIGGERS = new LiteralMatcher(
	[...HEADER_PREFILTER.literals, ...RULE_LITERALS, ...RESOLVE_LITERALS, ...ANDROID_LITERALS],
	[
		...HEADER_PREFILTER.literals.map(() => HINT_HEADER),
		...RULE_LITERALS.map(() => HINT_RULE),
		...RESOLVE_LITERALS.map(() => HINT_RESOLVE),
		...ANDROID_LITERALS.map(() => HINT_ANDROID)
	]
);
/** the rules of routine lines that only look alarming (LineRule.routine): their findings say so */
const ROUTINE_RULES: ReadonlySet<string> = new Set(
	LINE_RULES.filter((r) => r.routine).map((r) => r.id)
);
/** the explanations a rule gives instead on an Android device (LineRule.android) */
const ANDROID_EXPLANATIONS = new Map(LINE_RULES.flatMap((r) => r.android ?? []));
/** the most severe a rule's finding is on an Android device (LineRule.androidAtMost) */
const ANDROID_AT_MOST = new Map(
	LINE_RULES.flatMap((r) => (r.androidAtMost ? [[r.id, r.androidAtMost] as const] : []))
);
/** what a rule's finding is instead on an Android device (LineRule.androidOutcome) */
const ANDROID_OUTCOMES = new Map(
	LINE_RULES.flatMap((r) => (r.androidOutcome ? [[r.id, r.androidOutcome] as const] : []))
);
/** for each literal of TRIGGERS, the indices of the rules that have it as a trigger */
const RULES_BY_LITERAL: number[][] = TRIGGERS.literals.map(() => []);
/** for each literal of TRIGGERS, the indices of the rules whose context message it starts */
const CONTEXTS_BY_LITERAL: number[][] = TRIGGERS.literals.map(() => []);
/** for each literal of TRIGGERS, the [rule, follow-up] index pairs whose follow-up it starts */
const FOLLOWS_BY_LITERAL: Array<Array<[number, number]>> = TRIGGERS.literals.map(() => []);
/** for each literal of TRIGGERS, the indices of the DEVICE_LINKS messages it starts */
const LINKS_BY_LITERAL: number[][] = TRIGGERS.literals.map(() => []);
{
	// one pass over the rules (a search of every rule for every literal took about 15 ms of each
	// run's start-up); rules in registry order, each listed once per literal
	const literalIndex = new Map(TRIGGERS.literals.map((w, k) => [w, k]));
	const add = (lists: number[][], w: string, i: number) => {
		const list = lists[literalIndex.get(w) as number];
		if (list.at(-1) !== i) list.push(i);
	};
	LINE_RULES.forEach((r, i) => {
		for (const w of r.triggers) add(RULES_BY_LITERAL, w, i);
		if (r.context) for (const w of contextTriggers(r.context)) add(CONTEXTS_BY_LITERAL, w, i);
		(r.follow ?? []).forEach((f, k) =>
			FOLLOWS_BY_LITERAL[literalIndex.get(f.trigger) as number].push([i, k])
		);
	});
	DEVICE_LINKS.forEach((d, i) => LINKS_BY_LITERAL[literalIndex.get(d.trigger) as number].push(i));
}

/**
 * The rules of several literals (indices into TRIGGERS.literals), each once, in registry order;
 * a message with one literal uses its RULES_BY_LITERAL list as it is (ascending, each once).
 */
function rulesOf(literals: number[]): number[] {
	const all: number[] = [];
	for (const w of literals) for (const i of RULES_BY_LITERAL[w]) if (!all.includes(i)) all.push(i);
	return all.sort((a, b) => a - b);
}

/** values a follow-up list detail (failed commands, ...) keeps at most */
export const FOLLOW_LIST_MAX = 8;
/** a follow-up naming no device joins only this many lines after the latest line that joined */
const FOLLOW_ADJACENT = 2;

/** A rule message whose follow-ups may still come (see LineRule.follow). */
interface Pending {
	line: number;
	boot: number;
	/** the device the rule's message names (its `device` detail), '' when none */
	device: string;
	/** the rule message's details (a follow-up's other named groups must equal them) */
	facts: Record<string, DetailValue>;
	/** the latest line that joined it (the rule's message or a follow-up) */
	lastJoined: number;
	occ: RawOcc;
	/** the finding, when this is its first occurrence (whose details and evidence are kept) */
	builder: Builder | null;
	/**
	 * the rule's earlier messages of the same boot, latest first (at most KEYED_PENDING - 1): a
	 * follow-up keyed by a named group (the reaper line's `pid`) may belong to one of them (two
	 * OOM kills, then both reaper lines)
	 */
	older: Pending[];
	/**
	 * per follow-up of the rule, whether one naming another key may still join (RuleFollow.instead:
	 * the child an OOM kill `… or sacrifice child` killed); null when none may
	 */
	instead: boolean[] | null;
}

/** messages of a rule that a keyed follow-up may join (the latest and the ones before it) */
const KEYED_PENDING = 4;

/** Append values to a finding's list detail, each once and at most FOLLOW_LIST_MAX in all. */
function appendList(b: Builder, key: string, values: readonly string[]): void {
	const had = b.details[key];
	const list = Array.isArray(had) ? had : [];
	for (const x of values)
		if (list.length < FOLLOW_LIST_MAX && !list.includes(x)) list.push(detach(x));
	b.details[key] = list;
}

/** A later workqueue lockup of a finding: its pool joins the list, the longest time is kept. */
function moreLockup(b: Builder, block: ErrorBlock): void {
	const head = block.lines.find((l) => l.line === block.startLine);
	const w = head === undefined ? null : workqueueLockup(head.text);
	if (w === null) return;
	appendList(b, 'pool', [w.pool]);
	const had = b.details.stuck_s;
	if (typeof had !== 'number' || w.stuck_s > had) b.details.stuck_s = w.stuck_s;
}

/**
 * Whether an occurrence's detail `key` is a value the finding's list of it (LineRule.collect)
 * does not have yet and still has room for (see LineRule.evidenceEach).
 */
function newInList(
	b: Builder,
	collect: Record<string, string>,
	key: string,
	facts: Record<string, DetailValue>
): boolean {
	const v = facts[key];
	const list = b.details[collect[key] ?? ''];
	if (typeof v !== 'string') return false;
	if (!Array.isArray(list)) return true;
	return list.length < FOLLOW_LIST_MAX && !list.includes(v);
}

/** the rules with one finding per boot (LineRule.byBoot), by id */
const BY_BOOT = new Map(LINE_RULES.filter((r) => r.byBoot).map((r) => [r.id, r]));

/**
 * The findings with one finding per boot (LineRule.byBoot) as the report counts boots: a wrapped
 * ring buffer's oldest part is a boot of its own while streaming, and is counted in the boot
 * before it at the end (ring.ts, bootAfterUnwrap). Its findings of such a rule join that boot's
 * (their count, occurrences, evidence and collected lists), and the boot in their variant, which
 * their ids are made of, is the report's: a user-space OOM killer's kills in both parts had been
 * two findings of one boot, one with the id of a boot the report does not have.
 */
function byReportBoot(made: readonly Builder[], bootOf: (boot: number) => number): Builder[] {
	// a finding joins the earliest of its boot's, so the list stays in first-line order
	const out: Builder[] = [];
	const seen = new Map<string, Builder>();
	for (const b of [...made].sort((x, y) => x.first.first_line - y.first.first_line)) {
		const rule = BY_BOOT.get(b.rule);
		const m = rule === undefined ? null : /^boot (\d+)$/.exec(b.variant);
		if (rule === undefined || m === null) {
			out.push(b);
			continue;
		}
		b.variant = `boot ${bootOf(Number(m[1]))}`;
		const key = `${b.rule}\n${b.title}\n${b.variant}`;
		const into = seen.get(key);
		if (into === undefined) {
			seen.set(key, b);
			out.push(b);
			continue;
		}
		into.count += b.count;
		for (const x of b.boots) into.boots.add(x);
		if (b.last.first_line > into.last.first_line) into.last = b.last;
		const byLine = <T extends { line?: number; first_line?: number }>(x: T, y: T) =>
			(x.line ?? x.first_line ?? 0) - (y.line ?? y.first_line ?? 0);
		into.occ = [...into.occ, ...b.occ].sort(byLine).slice(0, MAX_OCCURRENCES);
		into.evidence = [...into.evidence, ...b.evidence].sort(byLine).slice(0, MAX_EVIDENCE);
		for (const listKey of Object.values(rule.collect ?? {})) {
			const more = b.details[listKey];
			if (Array.isArray(more)) appendList(into, listKey, more as string[]);
		}
	}
	return out;
}

/** Add an occurrence's details to the finding's lists (see LineRule.collect). */
function collectDetails(
	b: Builder,
	collect: Record<string, string>,
	facts: Record<string, DetailValue>
): void {
	for (const [key, listKey] of Object.entries(collect)) {
		const v = facts[key];
		if (typeof v !== 'string') continue;
		appendList(b, listKey, [v]);
		// the first occurrence named none (a journal file before the filesystem's replay): the
		// single detail names the first the list has, not null beside it
		if (b.details[key] === null) b.details[key] = detach(v);
	}
}

/**
 * The details of an accumulating context (RuleContext.accumulate) with those of its next message:
 * a string list is appended to the list it had (each value once, at most FOLLOW_LIST_MAX: the
 * firmware files b43 tried, one per line), another value replaces the one it had.
 */
function accumulated(
	had: Record<string, DetailValue>,
	next: Record<string, DetailValue>
): Record<string, DetailValue> {
	const out = { ...had, ...next };
	for (const [key, v] of Object.entries(next)) {
		const before = had[key];
		if (!Array.isArray(v) || !Array.isArray(before)) continue;
		const list = [...before];
		for (const x of v) if (list.length < FOLLOW_LIST_MAX && !list.includes(x)) list.push(x);
		out[key] = list;
	}
	return out;
}

/** context messages kept per rule (the latest ones, see Analyzer.contextOf) */
const CONTEXTS_KEPT = 8;
/** links of devices kept per boot at most (DEVICE_LINKS; a flood starts over) */
const MAX_LINKS = 4096;

/** A rule's context message (see LineRule.context). */
interface ContextMessage {
	line: number;
	boot: number;
	/** its kernel time, null when unknown (RuleContext.withinSeconds) */
	ts: number | null;
	details: Record<string, DetailValue>;
}

/**
 * The disk of a partition (sdb of sdb1, mmcblk0 of mmcblk0p1, nvme0n1 of nvme0n1p2), else the
 * device itself.
 */
export function diskOf(device: string): string {
	const m = /^((?:sd|vd|xvd|hd)[a-z]+)\d+$|^((?:mmcblk|loop|md)\d+|nvme\d+n\d+)p\d+$/.exec(device);
	return m === null ? device : (m[1] ?? m[2]);
}

/** rule messages held at once at most (see Analyzer.hold) */
const MAX_HELD = 32;
/**
 * devices whose events one group of held messages holds at most (RuleResolve.repeats): a flood of
 * devices releases the oldest event as the rule's own finding
 */
const MAX_GROUP = 4096;
/**
 * repeats of a held message that one held message gathers at most (RuleResolve.repeats): an
 * outage printed more often than that releases its oldest lines as the rule's own finding
 */
const MAX_REPEATS = 4096;
/** rule messages waiting for their device at once at most (see Analyzer.wait) */
const MAX_WAITING = 16;

/** Whether a kernel message is one of Android's user space (rules/android.ts). */
function isAndroid(text: string): boolean {
	return ANDROID_MARKERS.some((k) => text.includes(k.literal) && k.pattern.test(text));
}

/** What a rule's finding is instead after its context message (RuleContext.outcome), if anything. */
export function contextOutcome(
	rule: LineRule,
	context: Record<string, DetailValue>
): RuleOutcome | undefined {
	const o = rule.context?.outcome;
	return typeof o === 'function' ? o(context) : o;
}

/** A rule message kept as an event, its time and wall time null when unknown. */
type KeptEvent = Pick<LogEvent, 'line' | 'boot' | 'ts' | 'wall' | 'text'>;

/**
 * A rule's match of a message, with the rule's details of it (LineRule.details) once something
 * needs them: a held message's device, its context's device and its finding would otherwise
 * each compute them again. Nothing changes them (a finding copies them, see detachKept).
 */
interface RuleMatch {
	m: RegExpExecArray;
	facts: Record<string, DetailValue> | null;
}

/** The rule's details of its match, computed on the first call only. */
function detailsOf(rule: LineRule, x: RuleMatch): Record<string, DetailValue> {
	return (x.facts ??= rule.details ? rule.details(x.m) : {});
}

/** A rule message kept until later lines decide what it is (LineRule.resolve and stall). */
interface Kept {
	index: number;
	match: RuleMatch;
	event: KeptEvent;
	/** the device the rule's message names (its `device` detail), '' when none */
	device: string;
}

/**
 * The key of a finding's builder among its rule's (Analyzer.builders): its title, and its variant
 * when it has one (a title has no line break)
 */
function builderKey(title: string, variant: string): string {
	return variant === '' ? title : `${title}\n${variant}`;
}

/** A rule message held until what follows it tells what it means (see LineRule.resolve). */
interface Held extends Kept {
	context: Record<string, DetailValue> | null;
	/** the resolution it waits for, or the message that ends its event (LineRule.expects) */
	res: RuleResolve | RuleExpect;
	/**
	 * the same device's later messages of the rule that it gathered (RuleResolve.repeats), oldest
	 * first: one event, resolved or released with it; its window runs from the latest. For a
	 * one-per-boot rule (LineRule.perBoot) the held message is the latest and these the earlier
	 * ones of its device and boot.
	 */
	repeats: Held[];
}

/**
 * The held messages of a resolution with `repeats` (RuleResolve.repeats) in one boot: one entry
 * whatever the number of devices (a thermal episode prints a line per CPU: 64 on a 64-thread
 * machine), each device's event waiting, resolved or released on its own. Only the event whose
 * window ends first is tested against each line (the first of `members`); a resolving line finds
 * its device's event by name.
 */
interface HeldGroup {
	index: number;
	res: RuleResolve;
	boot: number;
	/** each device's event, by device, in the order of their latest lines */
	members: Map<string, Held>;
	/** the first of `members` (its window ends first), null when not known yet */
	head: Held | null;
}

/** The latest message of a held event (RuleResolve.repeats): its window runs from it. */
function latestOf(h: Held): KeptEvent {
	return h.repeats.length === 0 ? h.event : h.repeats[h.repeats.length - 1].event;
}

/** A rule message waiting for the device it names to speak again (see LineRule.stall). */
interface Waiting extends Kept {
	/** seconds: the message's kernel time, or its wall time when it has none (see wallClock) */
	at: number;
	/** `at` is a wall time; of `dmesg -H` (reltime): its minute's start, in seconds, else NaN */
	wall: boolean;
	minute: number;
}

/**
 * The wall time of a message without a kernel time, in seconds (`dmesg -T`, `-H`, journalctl's
 * and syslog's short output without `[ts]`), or null. `dmesg -H` gives the minute of a record only
 * when the minute changes (`[Dec 3 16:12]`, without the delta from the record before), then
 * exact deltas: its wall times are exact within one minute's lines, and from one minute's to
 * another's known only to within that minute.
 */
function wallClock(r: LogRecord | LogEvent | KeptEvent): number | null {
	const w = known(r.wall);
	return w === null ? null : w / 1000;
}

/**
 * Seconds from a held message to `r` by their wall times (a syslog's or journal's, to the
 * second), for a resolution measured by the wall clock when a kernel time is missing
 * (RuleResolve.wallClock); null when either has none.
 */
function wallApart(e: KeptEvent, r: LogRecord | LogEvent): number | null {
	const w = wallClock(r);
	return e.wall === null || w === null ? null : w - e.wall / 1000;
}

/** The start of the minute of a `dmesg -H` record, in seconds (see wallClock), else NaN. */
function reltimeMinute(r: LogRecord | LogEvent | KeptEvent, at: number): number {
	return 'format' in r && r.format === 'dmesg-reltime' ? Math.floor(at / 60) * 60 : NaN;
}

/** A time of a record (NaN when none) or of an event (null when none), null when none. */
function known(v: number | null): number | null {
	return v === null || Number.isNaN(v) ? null : v;
}

/** A message as an event that outlives the reused record, its text detached. */
function keptEvent(r: LogRecord | KeptEvent): KeptEvent {
	return {
		line: r.line,
		boot: r.boot,
		ts: known(r.ts),
		wall: known(r.wall),
		text: detach(r.text)
	};
}

/** A `device` detail as a string, '' when there is none. */
function deviceName(v: DetailValue | undefined): string {
	return typeof v === 'string' ? v : '';
}

/**
 * The device a held message waits for its resolution of: its `device` detail, or the detail the
 * resolution names instead (RuleResolve.key), a number as its digits.
 */
function heldDevice(facts: Record<string, DetailValue>, res: RuleResolve | RuleExpect): string {
	if (!('key' in res) || res.key === undefined) return deviceName(facts.device);
	const v = facts[res.key];
	return typeof v === 'number' ? String(v) : deviceName(v);
}

/** The prefilter hint of a message: HINT_HEADER, HINT_RULE and HINT_RESOLVE bits (see TRIGGERS). */
export function scanTriggers(text: string): number {
	return TRIGGERS.scanMask(text, HINT_HEADER | HINT_RULE | HINT_RESOLVE | HINT_ANDROID);
}

/** characters of title keys kept at most (the cache starts over when full) */
const TITLE_CACHE_CHARS = 8 << 20;
/** reports longer than this are not cached */
const TITLE_KEY_MAX = 256 << 10;

interface CrashTitle {
	rule: string;
	title: string;
	alt: string[];
	severity: Severity;
	/** the WARN()/BUG() location the header line names (CrashReport.source_location) */
	location: string | null;
	/** the function that called the guilty frame (CrashReport.caller) */
	caller: string | null;
}

/**
 * Everything a report's title, alternative titles, rule, severity, source location and caller
 * depend on (see analyzeCrash): the header, whether the report has a printk context and whether it is a
 * per-task/per-CPU one, and the text of every line. Null for reports too long to cache.
 */
function titleKey(b: ErrorBlock): string | null {
	const ctx = b.context;
	let key = `${b.header}\u0000${ctx === '' ? '' : ctx.startsWith('T') || ctx.startsWith('C') ? 'T' : 'c'}`;
	for (const l of b.lines) {
		key += `\u0000${l.text.length}:${l.text}`;
		if (key.length > TITLE_KEY_MAX) return null;
	}
	return key;
}

/**
 * What a finding keeps from its first occurrence, with its strings detached from the input's
 * decoded text (see util/text.ts detach); the registry entry is static and kept as it is.
 */
function detachKept(
	k: Pick<Builder, 'stack' | 'evidence' | 'details' | 'registry'>
): Pick<Builder, 'stack' | 'evidence' | 'details' | 'registry'> {
	return {
		stack: detachDeep(k.stack),
		evidence: detachDeep(k.evidence),
		details: detachDeep(k.details),
		registry: k.registry
	};
}

/** What a crash report's finding keeps from its first occurrence (see Analyzer.block). */
function crashKept(
	crash: CrashReport | null,
	b: ErrorBlock,
	location: string | null
): Pick<Builder, 'stack' | 'evidence' | 'details' | 'registry'> {
	const c = crash ?? analyzeCrash(b);
	const evidence: EvidenceLine[] = [];
	for (const l of b.lines) {
		if (evidence.length >= MAX_EVIDENCE) break;
		evidence.push({ line: l.line, text: l.text });
	}
	return {
		stack: {
			frames: c.frames,
			guilty_frame: c.guilty_frame,
			fault_location: c.fault_location
		},
		evidence,
		details: {
			type: c.type,
			kind: c.kind,
			...c.report_facts,
			...(location === null ? {} : { source_location: location, called_from: [] }),
			corrupted: c.corrupted,
			corrupted_reason: c.corrupted_reason,
			...(c.cut_short ? { cut_short: true } : {}),
			panicked: c.panicked,
			cpu: c.cpu,
			pid: c.pid,
			comm: c.comm,
			kernel_version: c.kernel_version,
			hardware: c.hardware,
			taint: c.taint,
			taint_flags: c.taint_flags,
			follows_line: c.follows_line,
			registers: c.registers,
			lines_omitted: b.omitted + Math.max(0, b.lines.length - MAX_EVIDENCE)
		},
		registry: null
	};
}

/**
 * Stable id: the same rule and title give the same id in any log. `variant` tells apart findings
 * of one rule and title in the same report (see Analyzer.finish): their ids hash it too.
 */
export function findingId(category: Category, rule: string, title: string, variant = ''): string {
	return `${category}-${fnv1a(variant === '' ? `${rule}\n${title}` : `${rule}\n${title}\n${variant}`)}`;
}

/**
 * Streaming analysis: line events and error blocks go in as ingestion produces them; findings
 * are grouped on the fly (same rule + title = one finding with a count; crash reports that name
 * the source location of their WARN()/BUG() also by that location), so memory grows with the
 * number of distinct findings, not with the input.
 */
export class Analyzer {
	/**
	 * the findings' builders by rule, then by builderKey (no string built from the rule for each
	 * occurrence), and in the order they were made
	 */
	private builders = new Map<string, Map<string, Builder>>();
	private made: Builder[] = [];
	private dropped = 0;
	/** titles of reports already seen, by titleKey */
	private titles = new Map<string, CrashTitle>();
	private titleChars = 0;
	/**
	 * the latest context messages of each rule that has one, oldest first, at most CONTEXTS_KEPT
	 * (see LineRule.context): the latest that counts for a rule message is its context
	 */
	private contexts = new Map<number, ContextMessage[]>();
	/** the evidence lines of a context's details (RuleContext.evidence), by its details object */
	private contextLines = new WeakMap<Record<string, DetailValue>, EvidenceLine[]>();
	/**
	 * what devices are attached to (DEVICE_LINKS), in boot `linksBoot`: '' when to nothing a
	 * context names
	 */
	private links = new Map<string, string>();
	private linksBoot = -1;
	/** the latest message of each rule that has follow-ups (see LineRule.follow) */
	private pending = new Map<number, Pending>();
	/** rule messages waiting for a message that resolves them, oldest first */
	private held: Held[] = objectList();
	/** the held events of resolutions with `repeats`, by rule, resolution and boot */
	private groups: HeldGroup[] = objectList();
	/** rule messages waiting for their device's next message, oldest first */
	private waiting: Waiting[] = objectList();
	/** a line of Android's user space was seen (rules/android.ts): the log is an Android device's */
	private android = false;
	/** the latest firmware requests of each rule that has `request`, latest first */
	private requests = new Map<number, Request[]>();

	constructor(private readonly provider: ExplanationProvider = defaultProvider()) {}

	/**
	 * A kernel message (a reused LogRecord or a kept LogEvent). `hint` is the pipeline's trigger
	 * scan of its text (scanTriggers), -1 when not made.
	 */
	record(r: LogRecord | LogEvent, hint = -1): void {
		const text = r.text;
		if (this.held.length !== 0 || this.groups.length !== 0 || this.waiting.length !== 0)
			this.settle(r, hint);
		const h = hint < 0 ? TRIGGERS.scanMask(text, HINT_RULE | HINT_ANDROID) : hint;
		if ((h & HINT_ANDROID) !== 0 && !this.android) this.android = isAndroid(text);
		if ((h & HINT_RULE) === 0) return;
		this.matchRules(r, text);
	}

	/**
	 * The held and waiting messages that `r` resolves, ends or is too far from (resolveHeld,
	 * resolveGroups, endWaits). One call from `record` for the three: a rare call that V8 does not
	 * inline, so that the first message held or waiting sends `record` (and the tracker's `pass`,
	 * which inlines it) back to slower code once, not once per kind.
	 */
	private settle(r: LogRecord | LogEvent, hint: number): void {
		if (this.held.length !== 0) this.resolveHeld(r, hint);
		if (this.groups.length !== 0) this.resolveGroups(r, hint);
		if (this.waiting.length !== 0) this.endWaits(r);
	}

	/**
	 * A line of a user-space program that ingestion passes on (LogRecord.program: a user-space
	 * OOM killer in a syslog file or journal, systemd's line about a systemd-oomd kill), in boot
	 * `boot`; a reused record or a kept ProgramEvent. Only rules marked `userspace` read it, as
	 * the text `program: message`; it resolves, ends or joins no kernel message.
	 */
	program(
		rec: Pick<LogRecord | ProgramEvent, 'line' | 'ts' | 'wall' | 'program' | 'text'>,
		boot: number
	): void {
		const text = `${rec.program}: ${rec.text}`;
		if ((TRIGGERS.scanMask(text, HINT_RULE) & HINT_RULE) === 0) return;
		// a journal's monotonic time (short-monotonic) is the kernel's clock: calibrated as one
		const e: KeptEvent = { line: rec.line, boot, ts: known(rec.ts), wall: known(rec.wall), text };
		this.matchRules(e, text, true);
	}

	/**
	 * The rules whose triggers occur in a message (about 1 message in 70): kept apart from
	 * `record`, which runs for every message, so that this rarer and larger code is compiled on
	 * its own and a branch of it met for the first time does not send `record` back to slower code.
	 * `userspace`: the message is a user-space program's (see `program`), for `userspace` rules only.
	 */
	private matchRules(r: LogRecord | KeptEvent, text: string, userspace = false): void {
		const literals = TRIGGERS.matches(text);
		let claimed = false;
		for (const w of literals) {
			if (!userspace) for (const i of LINKS_BY_LITERAL[w]) this.link(i, r, text);
			for (const i of CONTEXTS_BY_LITERAL[w]) {
				if (userspace && !LINE_RULES[i].userspace) continue;
				const c = LINE_RULES[i].context as RuleContext;
				const m = c.pattern.exec(text);
				if (m) this.setContext(i, c, r, c.details(m));
			}
			for (const [i, k] of FOLLOWS_BY_LITERAL[w])
				if (
					(!userspace || LINE_RULES[i].userspace) &&
					this.followUp(i, k, r) &&
					LINE_RULES[i].follow?.[k].claims
				)
					claimed = true;
		}
		// a follow-up that belongs to its finding alone is no finding of its own
		if (claimed) return;
		// the rules one of whose triggers occurs, in registry order (specific -> generic)
		const candidates = literals.length === 1 ? RULES_BY_LITERAL[literals[0]] : rulesOf(literals);
		for (const i of candidates) {
			const rule = LINE_RULES[i];
			if (userspace && !rule.userspace) continue;
			const m = rule.pattern.exec(text);
			if (!m) continue;
			if (BENIGN_RULES.some((b) => b.pattern.test(text))) return;
			// a copy of a firmware request Debian prints again is no message of its own
			if (rule.request && this.requestCopy(i, rule.request(m), r)) return;
			const x: RuleMatch = { m, facts: null };
			// a resolution first, else the end of its event (LineRule.resolve, expects)
			const res = resolutionFor(rule, m) ?? expectationFor(rule, m);
			if (rule.stall) this.wait(i, rule, x, r);
			else if (res) this.hold(i, rule, x, r, res);
			else this.lineFinding(i, rule, x, r, this.contextOf(i, r, x));
			return;
		}
	}

	/**
	 * Is `q`, a firmware request of rule `i` in message `r`, a copy of the rule's latest request of
	 * the same device and file (LineRule.request)? Records it as that request's copy, or as a new
	 * request.
	 */
	private requestCopy(i: number, q: FirmwareRequest | null, r: LogRecord | KeptEvent): boolean {
		if (q === null) return false;
		const ts = known(r.ts);
		const list = this.requests.get(i) ?? [];
		const k = list.findIndex((p) => p.device === q.device && p.file === q.file);
		const p = k < 0 ? undefined : list[k];
		if (
			p !== undefined &&
			p.boot === r.boot &&
			r.line > p.line &&
			r.line - p.line <= REQUEST_COPY_LINES &&
			(p.ts === null || ts === null || Math.abs(ts - p.ts) <= 1) &&
			!p.upstream &&
			(q.debian ? p.debianLines < 2 : p.debianLines > 0)
		) {
			if (q.debian) p.debianLines++;
			else p.upstream = true;
			p.line = r.line;
			p.ts = ts;
			return true;
		}
		const fresh: Request = {
			...q,
			boot: r.boot,
			line: r.line,
			ts,
			debianLines: q.debian ? 1 : 0,
			upstream: !q.debian
		};
		this.requests.set(i, [fresh, ...list.filter((o) => o !== p)].slice(0, REQUESTS_KEPT));
		return false;
	}

	/** A context message of rule `i` (see LineRule.context and RuleContext.accumulate). */
	private setContext(
		i: number,
		c: RuleContext,
		r: LogRecord | KeptEvent,
		details: Record<string, DetailValue>
	): void {
		let list = this.contexts.get(i);
		if (list === undefined) this.contexts.set(i, (list = []));
		// with sameDevice, the latest of the same device (two remote processors' requests
		// interleaved are two contexts), else the latest
		const k =
			c.sameDevice === true
				? list.findLastIndex((o) => o.details.device === details.device)
				: list.length - 1;
		const had = k < 0 ? undefined : list[k];
		const own = c.evidence ? [{ line: r.line, text: detach(r.text) }] : null;
		if (
			c.accumulate &&
			had !== undefined &&
			had.boot === r.boot &&
			r.line >= had.line &&
			r.line - had.line <= c.within
		) {
			const lines =
				own === null
					? null
					: [...(this.contextLines.get(had.details) ?? []), ...own].slice(-FOLLOW_LIST_MAX);
			list.splice(k, 1);
			list.push({
				line: r.line,
				boot: r.boot,
				ts: r.ts,
				details: this.withLines(accumulated(had.details, details), lines)
			});
			return;
		}
		if (list.length >= CONTEXTS_KEPT) list.shift();
		list.push({ line: r.line, boot: r.boot, ts: r.ts, details: this.withLines(details, own) });
	}

	/**
	 * `details` of a context message, remembered with its evidence lines (RuleContext.evidence) for
	 * the finding it becomes the context of
	 */
	private withLines(
		details: Record<string, DetailValue>,
		lines: EvidenceLine[] | null
	): Record<string, DetailValue> {
		if (lines !== null) this.contextLines.set(details, lines);
		return details;
	}

	/** A message that tells what a device is attached to (DEVICE_LINKS[i]). */
	private link(i: number, r: LogRecord | KeptEvent, text: string): void {
		const d = DEVICE_LINKS[i];
		const m = d.pattern.exec(text);
		const l = m === null ? null : d.link(m);
		if (l === null) return;
		if (r.boot !== this.linksBoot || this.links.size >= MAX_LINKS) {
			this.links.clear();
			this.linksBoot = r.boot;
		}
		this.links.set(detach(l.device), detach(l.to));
		if (l.end && l.to !== '' && !this.links.has(l.to)) this.links.set(detach(l.to), '');
	}

	/**
	 * Is `device` attached to `to` or to something below it (a hub's port 1-2.3 below 1-2), as far
	 * as the DEVICE_LINKS messages of boot `boot` tell: true, false, or null when they do not tell
	 * (see RuleContext.attachedVia).
	 */
	private attached(device: string, to: string, boot: number): boolean | null {
		if (boot !== this.linksBoot) return null;
		let node = diskOf(device);
		// a chain is a few links long (a disk, its SCSI host, a USB port): more is a loop
		for (let k = 0; k < 8; k++) {
			if (node === to || node.startsWith(`${to}.`)) return true;
			const up = this.links.get(node);
			if (up === undefined) return null;
			if (up === '') return false;
			node = up;
		}
		return null;
	}

	/**
	 * The rule's `attachedAs` detail: what its message's device is attached to, as the
	 * DEVICE_LINKS messages of boot `boot` tell (a Wi-Fi interface's chip); none when they do not.
	 */
	private attachment(
		rule: LineRule,
		facts: Record<string, DetailValue>,
		boot: number
	): Record<string, DetailValue> {
		if (rule.attachedAs === undefined || boot !== this.linksBoot) return {};
		const to = this.links.get(deviceName(facts.device));
		return to === undefined || to === '' ? {} : { [rule.attachedAs]: to };
	}

	/** Hold a rule message until a message resolves it or too many lines have passed. */
	private hold(
		index: number,
		rule: LineRule,
		x: RuleMatch,
		r: LogRecord | KeptEvent,
		res: RuleResolve | RuleExpect
	): void {
		const h: Held = {
			index,
			match: x,
			event: keptEvent(r),
			context: this.contextOf(index, r, x),
			device: heldDevice(detailsOf(rule, x), res),
			res,
			repeats: []
		};
		// held with the other devices' events of the resolution (RuleResolve.repeats)
		if ('repeats' in res && res.repeats && h.device !== '') {
			this.holdInGroup(h, res, r.boot);
			return;
		}
		// a one-per-boot rule's message of a device that already waits in this boot is part of
		// that event (LineRule.perBoot: iwlwifi's 34 firmware versions tried before `no suitable
		// firmware found!`): held with it, released or ended with it, its window from the latest
		if (rule.perBoot && h.device !== '') {
			const k = this.held.findIndex(
				(o) =>
					o.index === index && o.res === res && o.device === h.device && o.event.boot === r.boot
			);
			if (k >= 0) {
				const first = this.held[k];
				this.held.splice(k, 1);
				h.repeats = [...first.repeats, first];
				first.repeats = [];
			}
		}
		// every held message is tested against each following line: a flood of them (hostile
		// input) releases the oldest as it is, so that the cost per line stays bounded
		if (this.held.length >= MAX_HELD) this.release(this.held.shift() as Held, null);
		this.held.push(h);
	}

	/**
	 * Hold `h`, of a resolution with `repeats`, in its group (HeldGroup): another line of its
	 * device's event waiting (a CPU's package line after its core line, an NFS server still not
	 * answering) joins that event, which one resolution ends; another device's is an event of the
	 * group.
	 */
	private holdInGroup(h: Held, res: RuleResolve, boot: number): void {
		let g = this.groups.find((o) => o.index === h.index && o.res === res && o.boot === boot);
		if (g === undefined) {
			g = { index: h.index, res, boot, members: new Map(), head: null };
			this.groups.push(g);
		}
		const first = g.members.get(h.device);
		if (first !== undefined) {
			// bounded: a flood releases the event's oldest line as it is
			if (first.repeats.length >= MAX_REPEATS) {
				const oldest = { ...first, repeats: [] };
				const next = first.repeats.shift() as Held;
				this.release(oldest, null);
				Object.assign(first, { match: next.match, event: next.event, context: next.context });
			}
			first.repeats.push(h);
			// its window now runs from this line: the last to end
			g.members.delete(h.device);
			g.members.set(h.device, first);
			g.head = null;
			return;
		}
		// bounded: a flood of devices releases the oldest event as it is
		if (g.members.size >= MAX_GROUP) {
			const [device, oldest] = g.members.entries().next().value as [string, Held];
			g.members.delete(device);
			g.head = null;
			this.release(oldest, null);
		}
		g.members.set(h.device, h);
	}

	/**
	 * Release the held events of the groups (HeldGroup) that `r` resolves (its device's), and
	 * those it is too far from (another boot, more than `within` lines or `withinSeconds` after
	 * their latest line), as the findings they then are.
	 */
	private resolveGroups(r: LogRecord | LogEvent, hint: number): void {
		const resolving = hint < 0 || (hint & HINT_RESOLVE) !== 0;
		for (let k = 0; k < this.groups.length;) {
			const g = this.groups[k];
			const res = g.res;
			// the events whose window has passed, the one that ends first first
			for (;;) {
				const h = (g.head ??= g.members.values().next().value ?? null);
				if (h === null) break;
				const e = latestOf(h);
				const late =
					res.withinSeconds !== undefined &&
					e.ts !== null &&
					r.ts !== null &&
					r.ts - e.ts > res.withinSeconds;
				if (r.boot === g.boot && r.line - e.line <= res.within && !late) break;
				g.members.delete(h.device);
				g.head = null;
				this.release(h, null);
			}
			if (resolving && g.members.size !== 0 && r.text.indexOf(res.trigger) !== -1) {
				const by = res.pattern.exec(r.text);
				const device = by?.groups?.device;
				const h = device === undefined ? undefined : g.members.get(device);
				if (by !== null && h !== undefined && r.line > latestOf(h).line) {
					g.members.delete(h.device);
					if (g.head === h) g.head = null;
					this.release(h, r, by);
				}
			}
			if (g.members.size === 0) this.groups.splice(k, 1);
			else k++;
		}
	}

	/**
	 * Release the held messages that `r` resolves (same device), and those it is too far from
	 * (another boot, or more than `within` lines after), as the findings they then are.
	 */
	private resolveHeld(r: LogRecord | LogEvent, hint: number): void {
		// no resolving trigger in the text (most lines): only the held messages' windows to check
		const resolving = hint < 0 || (hint & HINT_RESOLVE) !== 0;
		for (let k = 0; k < this.held.length;) {
			const h = this.held[k];
			const e = h.event;
			const res = h.res;
			let by: RegExpExecArray | null = null;
			// a resolution that may come later has that window instead (RuleResolve.later)
			const seconds = 'later' in res && res.later ? res.later.withinSeconds : res.withinSeconds;
			const apart =
				e.ts !== null && r.ts !== null
					? r.ts - e.ts
					: 'wallClock' in res && res.wallClock === true
						? wallApart(e, r)
						: null;
			const late = seconds !== undefined && apart !== null && apart > seconds;
			if (r.boot === e.boot && r.line - e.line <= res.within && !late) {
				if (!resolving || r.line <= e.line || r.text.indexOf(res.trigger) === -1) {
					k++;
					continue;
				}
				by = res.pattern.exec(r.text);
				const device = by?.groups?.device;
				if (by === null || (device !== undefined && h.device !== '' && device !== h.device)) {
					by = null;
					// one of its follow-ups that does not resolve it (the SCSI sense's `Add. Sense:`
					// of another condition): it is the rule's own finding, released before the line
					// is offered to the rules so that the line joins it
					if (!this.followsHeld(h, r)) {
						k++;
						continue;
					}
				}
			}
			this.held.splice(k, 1);
			this.release(h, by === null ? null : r, by);
		}
	}

	/**
	 * Is `r` a follow-up of held message `h` of the kind that would have resolved it (LineRule.follow
	 * of a rule whose resolving message is one of its follow-ups' lines: the same trigger)?
	 */
	private followsHeld(h: Held, r: LogRecord | LogEvent): boolean {
		for (const f of LINE_RULES[h.index].follow ?? []) {
			if (f.trigger !== h.res.trigger || r.text.indexOf(f.trigger) === -1) continue;
			const m = f.pattern.exec(r.text);
			const device = m?.groups?.device;
			if (m !== null && (device === undefined || h.device === '' || device === h.device))
				return true;
		}
		return false;
	}

	/** Wait for the next message of the device a stall rule's message names (LineRule.stall). */
	private wait(index: number, rule: LineRule, x: RuleMatch, r: LogRecord | KeptEvent): void {
		const device = deviceName(detailsOf(rule, x).device);
		if (device === '') return;
		const ts = known(r.ts);
		// without a kernel time, the wall time of the line's prefix
		const at = ts ?? wallClock(r);
		if (at === null) return;
		const minute = ts === null ? reltimeMinute(r, at) : NaN;
		// each wait is tested against every following line: a flood of waits (hostile input, many
		// devices) drops the oldest, so that the cost per line stays bounded
		if (this.waiting.length >= MAX_WAITING) this.waiting.shift();
		this.waiting.push({
			index,
			match: x,
			event: keptEvent(r),
			device,
			at,
			wall: ts === null,
			minute
		});
	}

	/**
	 * End the waits that `r` ends: a message naming the device (a finding when it came after the
	 * rule's `min` seconds), another boot, or a time past `max` (no finding).
	 */
	private endWaits(r: LogRecord | LogEvent): void {
		const ts = known(r.ts);
		const wall = wallClock(r);
		for (let k = 0; k < this.waiting.length;) {
			const w = this.waiting[k];
			const e = w.event;
			const stall = LINE_RULES[w.index].stall as RuleStall;
			const at = w.wall ? wall : ts;
			let gap = at === null ? null : at - w.at;
			// the silence is known to lie between gap and most
			let most = gap;
			if (at !== null && !Number.isNaN(w.minute)) {
				// dmesg -H: from one minute's lines to another's, the time of each is known only
				// to lie within its minute (see wallClock)
				const minute = reltimeMinute(r, at);
				if (minute !== w.minute) {
					gap = Number.isNaN(minute) ? null : at - (w.minute + 60);
					most = Number.isNaN(minute) ? null : minute + 60 - w.at;
				}
			}
			const names = r.line > e.line && r.text.indexOf(w.device) !== -1;
			// a time far back (a reset not seen as a new boot, a corrupted time) ends the wait too
			if (
				r.boot === e.boot &&
				(gap === null || most === null || (gap <= stall.max && most >= -1)) &&
				!names
			) {
				k++;
				continue;
			}
			this.waiting.splice(k, 1);
			if (!names || r.boot !== e.boot || gap === null || most === null) continue;
			if (gap < stall.min || most > stall.max) continue;
			const rule = LINE_RULES[w.index];
			this.lineFinding(w.index, rule, w.match, e, { waited_s: Math.round(gap) }, undefined, r);
		}
	}

	/**
	 * A held message becomes a finding: the resolution's when `by` (matched as `byMatch`) resolved
	 * it, with the facts the resolving message adds, else the rule's; none when `by` is the
	 * message that ends its event (LineRule.expects).
	 */
	private release(
		h: Held,
		by: LogRecord | LogEvent | null,
		byMatch: RegExpExecArray | null = null
	): void {
		const rule = LINE_RULES[h.index];
		// in input order: a one-per-boot rule's later message holds the earlier ones (hold)
		const all =
			h.repeats.length === 0 ? [h] : [h, ...h.repeats].sort((a, b) => a.event.line - b.event.line);
		for (const one of all) {
			if (by === null) {
				this.lineFinding(
					one.index,
					rule,
					one.match,
					one.event,
					one.context,
					undefined,
					undefined,
					one.res
				);
				continue;
			}
			const res = one.res;
			// the message that ends its event came: another rule reports that event
			if (!('title' in res)) return;
			// resolved after the resolution's own window: the later outcome (RuleResolve.later)
			const e = one.event;
			// after the rule's context message: the context's outcome of it (RuleResolve.afterContext)
			const ac = res.afterContext;
			const outcome =
				res.later !== undefined &&
				res.withinSeconds !== undefined &&
				e.ts !== null &&
				by.ts !== null &&
				by.ts - e.ts > res.withinSeconds
					? res.later
					: (one.context !== null && (typeof ac === 'function' ? ac(one.context) : ac)) || res;
			const facts =
				byMatch && res.details
					? this.withLines(
							{ ...one.context, ...res.details(byMatch) },
							(one.context && this.contextLines.get(one.context)) ?? null
						)
					: one.context;
			this.lineFinding(one.index, rule, one.match, one.event, facts, outcome, by, res);
		}
	}

	/** Details of the rule's context message when it was printed just before `r` (same boot). */
	private contextOf(
		rule: number,
		r: LogRecord | KeptEvent,
		x: RuleMatch
	): Record<string, DetailValue> | null {
		const list = this.contexts.get(rule);
		const lr = LINE_RULES[rule];
		const ctx = lr.context;
		if (list === undefined || ctx === undefined) return null;
		if (ctx.when && !ctx.when(x.m)) return null;
		// the latest context message that is about this one's device, else the latest that counts
		// for it without naming it (a USB disconnect, when the log does not tell what the disk is on)
		let fallback: Record<string, DetailValue> | null = null;
		for (let k = list.length - 1; k >= 0; k--) {
			const c = list[k];
			if (c.boot !== r.boot || r.line < c.line) continue;
			// the earlier ones are farther still
			if (r.line - c.line > ctx.within) break;
			if (
				ctx.withinSeconds !== undefined &&
				c.ts !== null &&
				r.ts !== null &&
				r.ts - c.ts > ctx.withinSeconds
			)
				break;
			const counts = this.counts(lr, ctx, c, x, r.boot);
			if (counts === 'named') return c.details;
			if (counts === 'any') fallback ??= c.details;
		}
		return fallback;
	}

	/**
	 * Whether context message `c` counts for rule `lr`'s match `x`: 'named' when it is about the
	 * same device (sameDevice, sameDetail, a device attached to what it names: attachedVia) or
	 * has no such condition, 'any' when it counts without naming it (a context message that names
	 * no device, with sameDevice 'if-named'; one the log does not tell the device is attached to),
	 * else null.
	 */
	private counts(
		lr: LineRule,
		ctx: RuleContext,
		c: ContextMessage,
		x: RuleMatch,
		boot: number
	): 'named' | 'any' | null {
		let known = true;
		const via = ctx.attachedVia === undefined ? undefined : c.details[ctx.attachedVia];
		if (typeof via === 'string') {
			const device = deviceName(detailsOf(lr, x).device);
			const on = device === '' ? null : this.attached(device, via, boot);
			if (on === false) return null;
			known = on === true;
		}
		const same = ctx.sameDevice ? 'device' : ctx.sameDetail;
		if (same !== undefined) {
			const named = c.details[same] ?? null;
			// a context message that names no device counts for any, with sameDevice 'if-named'
			if (named === null && ctx.sameDevice === 'if-named')
				return known && via !== undefined ? 'named' : 'any';
			const own = detailsOf(lr, x)[same] ?? null;
			// a partition's message counts the disk's (sdb1 on sdb)
			if (own !== named && !(same === 'device' && typeof own === 'string' && diskOf(own) === named))
				return null;
		}
		return known ? 'named' : 'any';
	}

	/**
	 * A possible follow-up `k` of rule `rule`'s latest message (see LineRule.follow); true when it
	 * joined that message.
	 */
	private followUp(rule: number, k: number, r: LogRecord | KeptEvent): boolean {
		const latest = this.pending.get(rule);
		const f = LINE_RULES[rule].follow?.[k];
		if (!latest || !f) return false;
		// the earlier messages a keyed follow-up may join are of the same boot and before the
		// latest: outside the latest's window, none can be joined (no pattern to run)
		if (latest.boot !== r.boot || r.line - latest.line > f.within) return false;
		const m = f.pattern.exec(r.text);
		if (!m) return false;
		const { device, ...keys } = m.groups ?? {};
		const keyNames = Object.keys(keys).filter((key) => keys[key] !== undefined);
		// a follow-up keyed by a named group joins the message that named the same value, the
		// latest or one before it; any other joins the latest only
		let p: Pending | null = null;
		let keyed = false;
		for (const c of keyNames.length > 0 ? [latest, ...latest.older] : [latest]) {
			if (c.boot !== r.boot || r.line <= c.line || r.line - c.line > f.within) continue;
			let match = true;
			let named = false;
			for (const key of keyNames) {
				const own = c.facts[key];
				if (own === undefined || own === null) continue;
				named = true;
				if (String(own) !== keys[key]) match = false;
			}
			if (!match) continue;
			p = c;
			keyed = named;
			break;
		}
		// a follow-up naming another key (the child killed instead of the process chosen) joins
		// the latest message, once, when that message allows it
		let substitute = false;
		if (
			p === null &&
			keyNames.length > 0 &&
			f.instead &&
			latest.instead?.[k] &&
			r.line > latest.line
		) {
			p = latest;
			keyed = true;
			substitute = true;
		}
		if (p === null) return false;
		if (device === undefined) {
			// a follow-up that names nothing (libata's `res` line) continues the lines just before
			// it: another port's report may have started in between
			if (!keyed && !f.anywhere && r.line - p.lastJoined > FOLLOW_ADJACENT) return false;
		} else if (p.device !== '' && device !== p.device && !device.startsWith(`${p.device}.`))
			return false;
		p.lastJoined = r.line;
		if (r.line > p.occ.last_line) p.occ.last_line = r.line;
		if (p.instead !== null && f.instead) {
			// one victim line per kill: once one joined, none naming another key may
			p.instead[k] = false;
			// the keys of the process killed instead are the message's now (for the reaper line)
			if (substitute) {
				const rekeyed: Record<string, DetailValue> = { ...p.facts };
				for (const key of keyNames) rekeyed[key] = detach(keys[key]);
				p.facts = rekeyed;
			}
		}
		const b = p.builder;
		if (b === null) return true;
		// the line may already be its evidence: the message that resolved it (LineRule.resolve)
		if (b.evidence.length < MAX_EVIDENCE && b.evidence[b.evidence.length - 1].line !== r.line)
			b.evidence.push({ line: r.line, text: detach(r.text) });
		const added = substitute && f.instead ? f.instead.details(m) : f.details(m);
		for (const [key, v] of Object.entries(added)) {
			const had = b.details[key];
			if (Array.isArray(v)) appendList(b, key, v);
			else if (had === undefined || had === null)
				b.details[key] = typeof v === 'string' ? detach(v) : v;
		}
		return true;
	}

	/**
	 * A multi-line report. Its title is derived from its text alone (header, printk context kind
	 * and line texts), so a report printed again word for word (a WARNING repeated all year)
	 * reuses the title found the first time instead of running the title rules again; the trace
	 * and details are built only for the first occurrence of a finding, which is all that is kept.
	 */
	block(b: ErrorBlock): void {
		const key = titleKey(b);
		let t = key === null ? undefined : this.titles.get(key);
		let crash: CrashReport | null = null;
		if (t === undefined) {
			crash = analyzeCrash(b);
			t = {
				rule: crash.rule,
				title: crash.title,
				alt: crash.alt_titles,
				severity: crash.severity,
				// kept as long as the cache: cut from a line, they would keep its decoded window
				location: crash.source_location === null ? null : detach(crash.source_location),
				caller: crash.caller === null ? null : detach(crash.caller)
			};
			if (key !== null) {
				if (this.titleChars + key.length > TITLE_CACHE_CHARS) {
					this.titles.clear();
					this.titleChars = 0;
				}
				this.titles.set(key, t);
				this.titleChars += key.length;
			}
		}
		const first = b.lines[0];
		// pstore parts are put back in order, so a report's lines need not ascend in the input:
		// the range is the lowest and highest input line it covers
		let lo = b.startLine;
		let hi = b.endLine;
		for (const l of b.lines) {
			if (l.line < lo) lo = l.line;
			if (l.line > hi) hi = l.line;
		}
		const occ: RawOcc = {
			first_line: lo,
			last_line: hi,
			boot: b.boot,
			ts: first.ts,
			// its header line's own prefix (a kern.log without printk times); one with a kernel
			// time is placed by the calibration where it covers it (finish)
			wall: b.wall ?? null
		};
		// the same title raised by another WARN()/BUG() (another source location) is another bug
		const location = t.location;
		const variant = location === null ? '' : fileAndLine(location);
		const built =
			this.seen(t.rule, t.title, variant, occ) ??
			(this.room()
				? this.create(
						t.rule,
						'crash',
						t.title,
						t.alt,
						t.severity,
						occ,
						variant,
						crashKept(crash, b, location)
					)
				: null);
		// the functions that called the guilty frame, each once: the same WARN() reached from
		// several drivers is one finding that names them all
		if (built !== null && location !== null && t.caller !== null)
			appendList(built, 'called_from', [t.caller]);
		// each workqueue lockup names its pool (lkp-50.log: two pools, 45 s and 43 s)
		if (built !== null && built.count > 1 && t.rule === 'crash.workqueue') moreLockup(built, b);
	}

	private lineFinding(
		index: number,
		rule: LineRule,
		x: RuleMatch,
		r: KeptEvent | LogRecord,
		context: Record<string, DetailValue> | null = null,
		resolution?: RuleOutcome,
		/** the message that resolved it (LineRule.resolve): it ends the occurrence and is evidence */
		by?: Pick<LogEvent, 'line' | 'text'>,
		/** the resolution or end of its event the message was held for (Analyzer.hold), if any */
		waited?: RuleResolve | RuleExpect
	): void {
		const m = x.m;
		const ts = known(r.ts);
		const wall = known(r.wall);
		const occ: RawOcc = {
			first_line: r.line,
			last_line: by ? by.line : r.line,
			boot: r.boot,
			ts,
			wall
		};
		// a message after or before it may change what the finding is (resolve, context.outcome)
		const outcome = resolution ?? (context !== null ? contextOutcome(rule, context) : undefined);
		// details are built for a finding's first occurrence, and for the device of follow-ups
		// (detailsOf)
		const title = outcome ? outcome.title(m) : rule.title(m);
		if (rule.perBoot) {
			// another sign of the event its boot already has (LineRule.perBoot): not counted again
			const seen = this.builders.get(rule.id)?.get(title);
			if (seen !== undefined && seen.boots.has(r.boot)) {
				if (seen.first.boot === r.boot && seen.evidence.length < MAX_EVIDENCE) {
					// in line order: the message that resolved the first may be its evidence already
					const ev = seen.evidence;
					let k = ev.length;
					while (k > 0 && ev[k - 1].line > r.line) k--;
					ev.splice(k, 0, { line: r.line, text: detach(r.text) });
				}
				if (rule.collect) collectDetails(seen, rule.collect, detailsOf(rule, x));
				return;
			}
		}
		// one finding per boot (LineRule.byBoot): the boot tells them apart
		const variant = rule.byBoot ? `boot ${r.boot}` : '';
		const b =
			this.seen(rule.id, title, variant, occ) ??
			(this.room()
				? this.create(
						rule.id,
						rule.category,
						title,
						[],
						outcome ? outcome.severity : rule.severityOf ? rule.severityOf(m) : rule.severity,
						occ,
						variant,
						this.lineKept(rule, x, r, context, outcome, by)
					)
				: null);
		// a user-space rule's collected facts may come from its context (nohang's victim)
		if (b !== null && rule.collect) {
			const facts =
				rule.userspace && context !== null
					? { ...detailsOf(rule, x), ...context }
					: detailsOf(rule, x);
			// a later occurrence that names a new value of `evidenceEach` is evidence too
			const each = rule.evidenceEach;
			const fresh =
				each !== undefined && b.first !== occ && newInList(b, rule.collect, each, facts);
			collectDetails(b, rule.collect, facts);
			if (fresh && b.evidence.length < MAX_EVIDENCE)
				b.evidence.push({ line: r.line, text: detach(r.text) });
		}
		if (b !== null && by && b.first === occ) b.resolvedBy = by.line;
		if (!rule.follow) return;
		// a message that waited for its resolution or the end of its event is recorded after its
		// follow-ups went by: they joined nothing, and later lines must not join it
		// (LineRule.follow); unless the message it waited for is one of its follow-ups' lines, at
		// the first of which it was recorded (followsHeld)
		if (waited !== undefined && !rule.follow.some((f) => f.trigger === waited.trigger)) return;
		if (b === null) {
			// not kept (the limit of findings): its follow-ups must not join an earlier message
			this.pending.delete(index);
			return;
		}
		const own = detailsOf(rule, x);
		const prev = this.pending.get(index);
		let older: Pending[] = [];
		if (prev !== undefined && prev.boot === r.boot) {
			older = [prev, ...prev.older].slice(0, KEYED_PENDING - 1);
			for (const o of older) o.older = [];
		}
		this.pending.set(index, {
			line: r.line,
			boot: r.boot,
			device: deviceName(own.device),
			facts: own,
			lastJoined: r.line,
			occ,
			builder: b.first === occ ? b : null,
			older,
			instead: rule.follow.some((f) => f.instead)
				? rule.follow.map((f) => f.instead?.when(m) ?? false)
				: null
		});
	}

	/**
	 * What a rule message's finding keeps from its first occurrence (see lineFinding): the
	 * context messages that are evidence first (RuleContext.evidence), then the message, then the
	 * one that resolved it.
	 */
	private lineKept(
		rule: LineRule,
		x: RuleMatch,
		r: KeptEvent | LogRecord,
		context: Record<string, DetailValue> | null,
		outcome: RuleOutcome | undefined,
		by: Pick<LogEvent, 'line' | 'text'> | undefined
	): Pick<Builder, 'stack' | 'evidence' | 'details' | 'registry'> {
		const facts = detailsOf(rule, x);
		const before = (context !== null && this.contextLines.get(context)) || [];
		return {
			stack: null,
			evidence: by
				? [...before, { line: r.line, text: r.text }, { line: by.line, text: by.text }]
				: [...before, { line: r.line, text: r.text }],
			details: { ...facts, ...context, ...this.attachment(rule, facts, r.boot) },
			registry: outcome ? outcome.explanation : (rule.explanationOf?.(x.m) ?? rule.explanation)
		};
	}

	/**
	 * The finding of rule `rule`, title `title` and variant `variant` if there is one, with
	 * occurrence `occ` counted; undefined when it is new (see create).
	 */
	private seen(rule: string, title: string, variant: string, occ: RawOcc): Builder | undefined {
		const b = this.builders.get(rule)?.get(builderKey(title, variant));
		if (b !== undefined) {
			b.count++;
			b.boots.add(occ.boot);
			b.last = occ;
			if (b.occ.length < MAX_OCCURRENCES) b.occ.push(occ);
		}
		return b;
	}

	/** Is there room for a new finding? A finding there is none for is counted as dropped. */
	private room(): boolean {
		if (this.made.length < MAX_FINDINGS) return true;
		this.dropped++;
		return false;
	}

	/** A new finding (see seen), keeping `kept` from its first occurrence `occ`. */
	private create(
		rule: string,
		category: Category,
		title: string,
		alt: string[],
		severity: Severity,
		occ: RawOcc,
		variant: string,
		kept: Pick<Builder, 'stack' | 'evidence' | 'details' | 'registry'>
	): Builder {
		const created: Builder = {
			rule,
			category,
			title: detach(title),
			variant: detach(variant),
			alt: alt.map(detach),
			severity,
			count: 1,
			boots: new Set([occ.boot]),
			first: occ,
			last: occ,
			occ: [occ],
			...detachKept(kept),
			resolvedBy: -1
		};
		let byTitle = this.builders.get(rule);
		if (byTitle === undefined) this.builders.set(rule, (byTitle = new Map()));
		byTitle.set(builderKey(title, variant), created);
		this.made.push(created);
		return created;
	}

	/**
	 * Build the findings, in order of first appearance, with their explanations. `bootOf`: the
	 * boot, as `metadata.boots` number them, of a boot the records carried (ingestion found only at
	 * the end that a boot was the oldest part of a ring buffer read from the wrong place, and
	 * counted it in the boot before it, the boots after it one lower: ring.ts bootAfterUnwrap).
	 * The findings are renumbered before anything looks up their boot in `metadata` (the kernel
	 * that a crash report naming none ran, providers/heuristic.ts); `wallClock` is the ingestor's,
	 * which knows the boots as the records carried them.
	 */
	finish(
		metadata: LogMetadata,
		wallClock: (boot: number, ts: number) => number | null = singleSegmentClock(metadata),
		bootOf: (boot: number) => number = (b) => b
	): Finding[] {
		for (const h of this.held.splice(0)) this.release(h, null);
		for (const g of this.groups.splice(0))
			for (const h of g.members.values()) this.release(h, null);
		// a device silent until the end: nothing tells how long it waited
		this.waiting.length = 0;
		const toOcc = (o: RawOcc): Occurrence => {
			// a kernel time in a calibrated stretch: when the kernel printed it (a syslog or journal
			// prefix on the line is when the logger received it, up to a minute later at boot), but
			// not after that prefix (received after it was printed: the calibration's half second
			// for a prefix's resolution can land after it); else the line's own prefix, if any, and
			// also when the two lie further apart than a receipt delay (a step of the clock too
			// small to start a segment)
			const at = o.ts === null ? null : wallClock(o.boot, o.ts);
			const wall =
				at !== null && (o.wall === null || (o.wall >= at && o.wall - at <= RECEIPT_DELAY_MAX_MS))
					? at
					: o.wall;
			return {
				first_line: o.first_line,
				last_line: o.last_line,
				boot: bootOf(o.boot),
				ts: o.ts,
				wall: isoFromMs(wall)
			};
		};
		// in the order of their first lines (byReportBoot's)
		const list = byReportBoot(this.made, bootOf);
		// on an Android device, what a finding is there when its facts say so (LineRule.androidOutcome)
		const outcomes = list.map((b) => {
			const o = this.android ? ANDROID_OUTCOMES.get(b.rule) : undefined;
			return o !== undefined && o.when(b.details, b.count) ? o : null;
		});
		const titles = list.map((b, i) => outcomes[i]?.title ?? b.title);
		// a rule and title that several findings share: their variants go into their ids
		const shared = new Map<string, number>();
		list.forEach((b, i) => {
			const k = `${b.rule}\n${titles[i]}`;
			shared.set(k, (shared.get(k) ?? 0) + 1);
		});
		const findings = list.map((b, i) => {
			const there = outcomes[i];
			const title = titles[i];
			const variant = (shared.get(`${b.rule}\n${title}`) ?? 0) > 1 ? b.variant : '';
			const partial: Omit<Finding, 'explanation'> = {
				id: findingId(b.category, b.rule, title, variant),
				rule: b.rule,
				category: b.category,
				title,
				alt_titles: b.alt,
				severity: there
					? there.severity
					: this.android
						? androidSeverity(b.rule, b.severity)
						: b.severity,
				...(ROUTINE_RULES.has(b.rule) ? { routine: true as const } : {}),
				first_line: b.first.first_line,
				last_line: b.first.last_line,
				count: b.count,
				boots: [...new Set([...b.boots].map(bootOf))].sort((x, y) => x - y),
				first_seen: toOcc(b.first),
				last_seen: toOcc(b.last),
				occurrences: b.occ.map(toOcc),
				stack: b.stack,
				evidence: b.evidence,
				details: b.details,
				related: []
			};
			// on an Android device, the phone's explanation where the rule has one
			const registry = there
				? there.explanation
				: this.android && b.registry !== null
					? (ANDROID_EXPLANATIONS.get(b.registry) ?? b.registry)
					: b.registry;
			const explanation = this.provider.explain({
				finding: partial,
				metadata,
				registry,
				android: this.android
			});
			return { ...partial, explanation };
		});
		linkContinuations(findings);
		linkResolutions(findings, list);
		return findings;
	}

	/** findings not kept because the report hit its limit of distinct findings */
	get droppedFindings(): number {
		return this.dropped;
	}
}

/** A finding's severity on an Android device: at most its rule's `androidAtMost`. */
function androidSeverity(rule: string, severity: Severity): Severity {
	const most = ANDROID_AT_MOST.get(rule);
	return most !== undefined && severityRank(severity) < severityRank(most) ? most : severity;
}

/**
 * Link `f` both ways through `related` to the first other finding that has `line` in one of its
 * kept occurrences or, when `own`, as its own line (an occurrence's first or last, or an evidence
 * line): a resolving line inside another finding's range that is not its own (a USB device found again between the lines of a Wi-Fi driver's
 * missing file and its module that failed to load, log-files-dmesg-log.log) links nothing.
 */
function linkToFindingAt(findings: Finding[], f: Finding, line: number, own = false): void {
	// own: the line starts or ends one of its occurrences, or is one of its evidence lines
	const has = (g: Finding) =>
		own
			? g.occurrences.some((o) => o.first_line === line || o.last_line === line) ||
				g.evidence.some((e) => e.line === line)
			: g.occurrences.some((o) => o.first_line <= line && line <= o.last_line);
	const other = findings.find((g) => g !== f && has(g));
	if (other) relate(f, other);
}

/**
 * A report that starts inside another one (a lockdep splat printed in the middle of a KASAN
 * report, a second WARNING inside an oops) is linked to it both ways through `related`.
 */
function linkContinuations(findings: Finding[]): void {
	for (const f of findings) {
		const at = f.details.follows_line;
		if (typeof at === 'number') linkToFindingAt(findings, f, at);
	}
}

/**
 * A finding whose meaning another finding's message resolved (a missing Wi-Fi calibration file,
 * then the driver's module that fails to load) is linked to that finding both ways through
 * `related`. `builders` are the findings' builders, in the same order.
 */
function linkResolutions(findings: Finding[], builders: Builder[]): void {
	findings.forEach((f, k) => {
		const at = builders[k].resolvedBy;
		if (at !== -1) linkToFindingAt(findings, f, at, true);
	});
}

/**
 * Without the ingestor's segment ranges (the array API), a boot's calibration is used only when
 * it has a single segment: after a suspend, one offset would give wrong times.
 */
function singleSegmentClock(metadata: LogMetadata): (boot: number, ts: number) => number | null {
	const perBoot = new Map<number, number[]>();
	for (const c of metadata.calibration)
		perBoot.set(c.boot, [...(perBoot.get(c.boot) ?? []), c.offset_ms]);
	return (boot, ts) => {
		const offsets = perBoot.get(boot);
		return offsets && offsets.length === 1 ? ts * 1000 + offsets[0] : null;
	};
}
