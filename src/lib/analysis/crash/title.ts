import type { TitleFormat } from './format-types.ts';
import { FORMATS, RAW_RULE } from './formats.ts';
import { frameNames, guiltyFrame, type FrameResult } from './frames.ts';

/** What titling found for one report (before normalisation). */
export interface TitleResult {
	format: TitleFormat | null;
	rule: string;
	title: string;
	alts: string[];
	/** index of the line the title matched */
	at: number;
	frame: FrameResult | null;
	/** why the report is corrupted, as far as titling can tell */
	corrupted: string | null;
}

interface Hit {
	format: TitleFormat;
	line: number;
	col: number;
	captures: string[];
}

function groups(m: RegExpExecArray): string[] {
	return m.slice(1).map((g) => g ?? '');
}

/** the title regex (and its follow-up lines) against the report, earliest line first */
function matchTitle(f: TitleFormat, lines: readonly string[]): Hit | null {
	for (let i = 0; i < lines.length; i++) {
		const m = f.title.exec(lines[i]);
		if (!m) continue;
		const captures = groups(m);
		let j = i;
		for (const next of f.titleNext ?? []) {
			let found: RegExpExecArray | null = null;
			while (!found && ++j < lines.length) found = next.exec(lines[j]);
			if (!found) return null;
			captures.push(...groups(found));
		}
		return { format: f, line: i, col: m.index, captures };
	}
	return null;
}

/** the report regex: its line patterns must match in order, each on a later line */
function matchReport(steps: readonly RegExp[], lines: readonly string[]): string[] | null {
	const captures: string[] = [];
	let j = -1;
	for (const step of steps) {
		let found: RegExpExecArray | null = null;
		while (!found && ++j < lines.length) found = step.exec(lines[j]);
		if (!found) return null;
		captures.push(...groups(found));
	}
	return captures;
}

function fill(fmt: string, args: readonly string[], frame: string, second: string): string {
	return fmt.replace(/\{(F2|F|\d+)\}/g, (_k, key: string) =>
		key === 'F' ? frame : key === 'F2' ? second : (args[Number(key) - 1] ?? '')
	);
}

/**
 * Title a report the way syzkaller does: among the header's formats, the one whose title
 * matches earliest (first listed on ties) and whose report pattern holds; its guilty frame
 * fills FUNC. Without a usable format, the header line itself (from the header on) is the title.
 */
export function buildTitle(header: string, lines: readonly string[]): TitleResult {
	let best: Hit | null = null;
	let reportCaptures: string[] = [];
	let matchedTitle = false;
	for (const f of FORMATS[header] ?? []) {
		const hit = matchTitle(f, lines);
		if (!hit) continue;
		if (best && (hit.line > best.line || (hit.line === best.line && hit.col >= best.col))) continue;
		let rc: string[] = [];
		if (f.report) {
			const r = matchReport(f.report, lines);
			if (!r) {
				matchedTitle = true;
				continue;
			}
			rc = r;
		}
		best = hit;
		reportCaptures = rc;
	}
	if (!best) {
		const head = lines[0] ?? '';
		const at = head.indexOf(header);
		return {
			format: null,
			rule: RAW_RULE[header] ?? 'crash.other',
			title: at >= 0 ? head.slice(at) : head,
			alts: [],
			at: 0,
			frame: null,
			corrupted: matchedTitle ? 'the title matched but the rest of the report did not' : null
		};
	}
	const f = best.format;
	const args = [...best.captures, ...reportCaptures];
	let corrupted: string | null = f.corrupted
		? 'the report is cut short (known damaged form)'
		: null;
	let frame: FrameResult | null = null;
	let names = { canonical: 'corrupted', all: ['corrupted'] };
	let second = 'corrupted';
	if (f.stack) {
		frame = guiltyFrame(lines.slice(best.line), f.stack);
		if (!frame.raw && !frame.poisoned && f.fallback !== undefined)
			return {
				format: f,
				rule: f.rule,
				title: fill(f.fallback, args, '', ''),
				alts: [],
				at: best.line,
				frame: null,
				corrupted
			};
		if (frame.poisoned) corrupted ??= 'a fault-injection stack is mixed into the report';
		if (frame.guessed) corrupted ??= 'no dispatcher on the stack: the top frame names the stall';
		if (frame.noAnchor)
			corrupted ??=
				"no dispatcher on the stack (a stack overflow's top frame is only where the stack ran out)";
		if (frame.unsure) corrupted ??= 'only frames the kernel marked unreliable (?) name the bug';
		if (frame.raw && frame.merged) {
			names =
				frame.merged !== frame.raw
					? { canonical: frame.merged, all: [frame.merged, frame.raw] }
					: frameNames(frame.raw);
		} else {
			corrupted ??= 'no usable stack frame was found';
		}
		if (frame.second) second = frame.second;
	} else if (f.guiltyStack) {
		// the title is the kernel's words alone; the trace still names where the bug is
		const g = guiltyFrame(lines.slice(best.line), f.guiltyStack);
		if (g.raw && !g.poisoned && !g.unsure) frame = g;
	} else if (f.frameArg && args[f.frameArg - 1]) {
		// the title names the function itself (a lockdep `at:` line, `last function:`)
		const raw = args[f.frameArg - 1];
		frame = { raw, merged: raw, second: null, caller: null, poisoned: false };
	}
	const title = fill(f.fmt, args, names.canonical, second);
	const alts = new Set<string>();
	for (const n of names.all) {
		if (f.stack) alts.add(fill(f.fmt, args, n, second));
		for (const a of f.alt ?? []) alts.add(fill(a, args, n, second));
	}
	alts.delete(title);
	return {
		format: f,
		rule: f.rule,
		title,
		alts: [...alts],
		at: best.line,
		frame,
		corrupted
	};
}
