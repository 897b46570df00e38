import { groupDigits } from '../util/text.ts';

/**
 * ingestion/boot-end.ts bootEndNote's note on a boot whose log stops early and which another boot
 * follows: the boot, its lines, where it stops, how far start-up got, the next boot, and what it
 * means (the same words for every boot).
 */
const EARLY_STOP =
	/^The log of boot (\d+) \(lines (\d+-\d+)\) stops ([^,]+), ((?:before|just after) the kernel started user space), and boot \d+ follows: (the machine most likely stopped there .+)$/;

/**
 * ingestion/tracker.ts's note on a line that starts another log pasted after the one before it:
 * the line, how that was told, and its boot.
 */
const PASTED =
	/^Line (\d+) starts another log pasted after the one before it: (.+)\. It is counted as a boot of its own \(boot (\d+)\), another machine's or another boot's; if it is the same boot, analyse each log on its own\.$/;

/** boots named at most in a note of several early stops, for each stage */
const STOPS_NAMED = 20;

/** `a, b and c` */
function listed(items: readonly string[]): string {
	return items.length === 1
		? items[0]
		: `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The input's notes as the text and Markdown reports say them: notes that differ only in their
 * boot and line numbers are one note, where the first of them was. The early stops of several
 * boots (`The log of boot 17 (lines 34242-34537) stops 2.6 s after the kernel started, …`, some
 * 560 characters each, of which the last 390 are the same words) become `The logs of 12 boots
 * stop early, each followed by the next boot: boots 17 (lines 34242-34537, 2.6 s after the kernel
 * started), 30 (…) … just after the kernel started user space; boots 174 (…) … before …: the
 * machine most likely stopped there …`: the 100 MB benchmark log's head had held twelve of them,
 * 6,700 characters. Other logs pasted after the one before them, told the same way, are one note
 * too (`Lines 8532 (boot 6) and 37341 (boot 19) start other logs …: its lines have dates …`). The
 * JSON report keeps each note (input.warnings).
 */
export function reportNotes(warnings: readonly string[]): string[] {
	type Stop = { boot: string; lines: string; stop: string; stage: string; why: string };
	type Paste = { line: string; why: string; boot: string };
	/** the notes of each kind, by the words they share (their explanation, how a log was told) */
	const stops = new Map<string, Stop[]>();
	const pastes = new Map<string, Paste[]>();
	const kind: Array<Stop | Paste | null> = warnings.map((w) => {
		const s = EARLY_STOP.exec(w);
		if (s !== null) {
			const stop = { boot: s[1], lines: s[2], stop: s[3], stage: s[4], why: s[5] };
			const same = stops.get(stop.why);
			if (same === undefined) stops.set(stop.why, [stop]);
			else same.push(stop);
			return stop;
		}
		const p = PASTED.exec(w);
		if (p === null) return null;
		const paste = { line: p[1], why: p[2], boot: p[3] };
		const same = pastes.get(paste.why);
		if (same === undefined) pastes.set(paste.why, [paste]);
		else same.push(paste);
		return paste;
	});
	const out: string[] = [];
	warnings.forEach((w, i) => {
		const k = kind[i];
		if (k === null) {
			out.push(w);
			return;
		}
		const group = 'stage' in k ? stops.get(k.why)! : pastes.get(k.why)!;
		// a note of several is said where the first of them was
		if (group.length === 1) out.push(w);
		else if (group[0] !== k) return;
		else if ('stage' in k) out.push(earlyStops(group as Stop[]));
		else
			out.push(
				`Lines ${listed((group as Paste[]).map((p) => `${p.line} (boot ${p.boot})`))} start other logs pasted after the one before each: ${k.why}. Each is counted as a boot of its own, another machine's or another boot's; if one is the same boot as the log before it, analyse each log on its own.`
			);
	});
	return out;
}

/** several boots' early stops as one note: their boots by how far start-up got, then what it means */
function earlyStops(
	group: ReadonlyArray<{ boot: string; lines: string; stop: string; stage: string; why: string }>
): string {
	// `2.6 s after the kernel started` said once for all (a journal's boot can stop `12 s after its
	// first line`: then each says its own)
	const since = ' after the kernel started';
	const short = group.every((s) => s.stop.endsWith(since));
	const stages: string[] = [];
	for (const s of group) if (!stages.includes(s.stage)) stages.push(s.stage);
	const parts = stages.map((stage) => {
		const these = group.filter((s) => s.stage === stage);
		const named = these
			.slice(0, STOPS_NAMED)
			.map(
				(s) => `${s.boot} (lines ${s.lines}, ${short ? s.stop.slice(0, -since.length) : s.stop})`
			);
		if (these.length > STOPS_NAMED) named.push(`${groupDigits(these.length - STOPS_NAMED)} more`);
		return `${these.length === 1 ? 'boot' : 'boots'} ${listed(named)} ${stage}`;
	});
	return `The logs of ${groupDigits(group.length)} boots stop early, each followed by the next boot${short ? ' (the time is counted from the start of its kernel)' : ''}: ${parts.join('; ')}: ${group[0].why}`;
}
