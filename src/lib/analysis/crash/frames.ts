import type { StackPart, StackRecipe } from './format-types.ts';
import { splitStackMarker } from '../stack.ts';
import { demangle } from './demangle.ts';
import { re } from './formats.ts';
import { frameSkip, hangFrame, mergedFrame, stallFrame, type FrameSkip } from './skip.ts';

/**
 * Guilty-frame extraction (syzkaller's extractStackFrame, pkg/report, Apache-2.0): a recipe
 * walks the report lines, capturing frames from the lines its regexes land on and from call
 * traces; skipped names are dropped and the extractor picks one of the rest.
 */

/**
 * frame lines: up to two `[<pc>]` tokens, then a name followed by `.` or `+`; arm `(a) from
 * (b+..)`, and NecroScope: arm since 5.14 without CONFIG_BACKTRACE_VERBOSE (the default), ` a
 * [mod] from b+0x54/0x214 [mod]` (arch/arm/kernel/traps.c dump_backtrace_entry)
 */
const FRAME_RES = [
	re('^ *(?:{{PC}} ){0,2}\\.?{{FUNC}}'),
	re(
		'^ *{{PC}} \\(([a-zA-Z0-9_.]+)(?:\\+0x[0-9a-f]+/0x[0-9a-f]+)?(?: \\[[\\w]+\\])?\\) from {{PC}} \\({{FUNC}}'
	),
	/^ *([a-zA-Z_][\w.]*)(?: \[[\w-]+\])? from (\w+)(?:\.[\w.]*)?\+0x/
];

/** lines where a (new) stack trace starts; parsing a stack stops at the next one */
export const STACK_STARTS = [
	/Call [Tt]race:/,
	/Allocated:/,
	/Allocated by task \d+:/,
	/Freed:/,
	/Freed by task \d+:/,
	/[^k] backtrace(?: \(crc [0-9a-f]*\))?:/,
	/Backtrace:/,
	/Uninit was stored to memory at/,
	/status: [0-9a-f]+ badaddr: [0-9a-f]+ cause: /
];

/**
 * lines that end a stack trace without starting another: s390 prints the last branch taken
 * (`Last Breaking-Event-Address:` and one frame) after the trace, which is not a caller
 */
const STACK_ENDS = [/^\s*Last Breaking-Event-Address:/];

export function isStackEnd(line: string): boolean {
	return STACK_ENDS.some((r) => r.test(line));
}

/** a frame line of a trace printed without a header: a symbol with an offset */
const BARE_FRAME =
	/^\s*(?:\[<?[\da-f]+>?\]\s*){0,2}\(?[A-Za-z_][\w.]*(?:\+0x|\) from | (?:\[[\w-]+\] )?from [A-Za-z_][\w.]*\+0x)/;

/** the `?` the kernel puts before a frame it is unsure of, after the `[<pc>]` tokens */
const UNSURE = /^(\s*(?:\[<?(?:0x)?[\da-f]+>?\]\s+){0,2})\?\s+/;
/** `f+0x0/..` is a function address left on the stack, not a return address */
const FUNC_START = /\+0x0\//;

/**
 * A line as the lenient fallback reads it: the frame after a leading stack marker, `?` frames
 * as plain frames, except function addresses (`+0x0`).
 */
function lenientLine(line: string): string {
	const t = splitStackMarker(line).rest;
	if (FUNC_START.test(t) && UNSURE.test(t)) return '';
	return t.replace(UNSURE, '$1');
}

/**
 * A line with the frame after a leading stack marker (`<<EOE>>  [<pc>] f+..`, abrt-nmi-oops-hash.log:
 * `account_idle_ticks+0x90/0xa0`, where a hard lockup's NMI interrupted the CPU), for recipes
 * that read it (StackRecipe.afterMarker); a marker line without a frame stays as it is.
 */
function afterMarker(line: string): string {
	const s = splitStackMarker(line);
	return s.marker !== null && s.rest.trim() !== '' ? s.rest : line;
}

/** fault-injection frames mixed into a report make it unreliable */
const POISON = /should_fail[\w.]*\+0x/;

export function isStackStart(line: string): boolean {
	return STACK_STARTS.some((r) => r.test(line));
}

export function isFrameLine(line: string): boolean {
	return FRAME_RES.some((r) => r.test(line));
}

interface Walk {
	/** surviving frames with the index of the recipe part that collected them and their line */
	frames: Array<{ name: string; part: number; line: number }>;
	poisoned: boolean;
}

/**
 * Walk a recipe over the lines. A fault-injection frame ends the part being walked, as in
 * syzkaller: the walk goes on with the next part from the line after it, and the report is
 * poisoned (syzkaller report 200: `should_fail` in the middle of the RIP part, then
 * `should_failslab` in the middle of the Call Trace part, so the frames after it, down to the
 * next `Call Trace:`, name the bug: `general protection fault in __alloc_skb`).
 */
function walk(lines: readonly string[], parts: readonly StackPart[], skip: FrameSkip): Walk {
	const frames: Walk['frames'] = [];
	let poisoned = false;
	const add = (raw: string | undefined, part: number, line: number) => {
		const name = raw && demangle(raw);
		if (name && !skip.test(name)) frames.push({ name, part, line });
	};
	let i = 0;
	for (let p = 0; p < parts.length; p++) {
		const part = parts[p];
		if (part === 'stack') {
			for (; i < lines.length; i++) {
				const ln = lines[i];
				if (POISON.test(ln)) {
					poisoned = true;
					i++;
					break;
				}
				if (isStackStart(ln) || isStackEnd(ln)) break;
				for (const fr of FRAME_RES) {
					const m = fr.exec(ln);
					if (!m) continue;
					for (let g = 1; g < m.length; g++) add(m[g], p, i);
					break;
				}
			}
			continue;
		}
		for (; i < lines.length;) {
			const ln = lines[i++];
			if (POISON.test(ln)) {
				poisoned = true;
				break;
			}
			const m = part.exec(ln);
			if (!m) continue;
			add(
				m.slice(1).find((g) => g !== undefined),
				p,
				i - 1
			);
			break;
		}
	}
	return { frames, poisoned };
}

export interface FrameResult {
	/** the raw guilty frame name, or null */
	raw: string | null;
	/** the name the title uses (an extractor may merge a family, e.g. smp_call_function*) */
	merged: string | null;
	/** first frame of the second stack of the recipe (KMSAN origin), or null */
	second: string | null;
	/** the function that called the guilty frame (see callerOf), or null */
	caller: string | null;
	/** a fault-injection frame was met */
	poisoned: boolean;
	/** the extractor found no anchor and fell back to the top frame */
	guessed?: boolean;
	/** the extractor found no anchor, and the recipe names no top frame instead (guessTop) */
	noAnchor?: boolean;
	/** only frames the kernel marked unreliable (`?`) or printed after a stack marker named it */
	unsure?: boolean;
}

/** The names of a frame line (two for arm's `(a) from (b)`), demangled; none for other lines. */
function frameNamesOf(line: string): string[] {
	for (const fr of FRAME_RES) {
		const m = fr.exec(line);
		if (m) return m.slice(1).flatMap((g) => (g ? [demangle(g)] : []));
	}
	return [];
}

/**
 * The function that called the guilty frame, from the walk that chose it, named as the title
 * names frames (so skipped frames are never callers):
 * - guilty frame taken from a trace: the next frame of that trace with another name;
 * - guilty frame taken from the faulting-PC line (`RIP:`, `pc :`, `EIP is at`): the trace printed
 *   after that line, which the recipe may not read (modern x86 and arm64 print the PC line
 *   before `Call Trace:`; panic_on_warn prints it after the trap's own trace, then the
 *   interrupted frames without a header): the frame after the guilty one if that trace holds
 *   it, else that trace's first frame, unless it is reporting plumbing (a skipped frame: the
 *   trace old i386 kernels print after `EIP is at` for a `BUG()` is die()'s, starting with
 *   `show_trace_log_lvl`; then the first frame after its exception entry, I386_EXCEPTION_ENTRY,
 *   if it holds one).
 */
function callerOf(
	w: Walk,
	parts: readonly StackPart[],
	raw: string | null,
	lines: readonly string[],
	skip: FrameSkip
): string | null {
	if (raw === null) return null;
	const at = w.frames.findIndex((f) => f.name === raw);
	if (at === -1) return null;
	const g = w.frames[at];
	if (parts[g.part] === 'stack') {
		for (let k = at + 1; k < w.frames.length && w.frames[k].part === g.part; k++)
			if (w.frames[k].name !== raw) return w.frames[k].name;
		return null;
	}
	const names: string[] = [];
	for (let i = g.line + 1; i < lines.length; i++) {
		if (isStackEnd(lines[i])) break;
		// the trace after the PC line: a stack start before its first frame begins it
		if (isStackStart(lines[i])) {
			if (names.length > 0) break;
			continue;
		}
		names.push(...frameNamesOf(lines[i]));
	}
	const own = names.indexOf(raw);
	if (own !== -1) return names.slice(own + 1).find((n) => n !== raw && !skip.test(n)) ?? null;
	if (names.length === 0) return null;
	if (!skip.test(names[0])) return names[0];
	// old i386: die()'s own frames down to the exception entry, then the interrupted code's
	const entry = names.findIndex((n) => I386_EXCEPTION_ENTRY.test(n));
	return entry === -1
		? null
		: (names.slice(entry + 1).find((n) => n !== raw && !skip.test(n)) ?? null);
}

/**
 * The exception entry of i386 kernels (arch/x86/kernel/entry_32.S: `error_code` before 4.x,
 * `common_exception` after) in a trace that die() printed of its own stack: the frames above it
 * are the reporting (`show_trace_log_lvl`, `show_registers`, `die`, `do_trap`,
 * `do_invalid_op`), those below it the code the exception interrupted, whose first frame called
 * the faulting function (`kerneloops-i386-bug-on.log`, 2.6.24: `EIP is at modinit+0x3/0x7`, then
 * `show_trace_log_lvl` ... `error_code`, `sys_init_module`).
 */
export const I386_EXCEPTION_ENTRY = /^(?:error_code|common_exception)$/;

function pick(
	w: Walk,
	recipe: StackRecipe,
	parts: readonly StackPart[],
	lines: readonly string[],
	skip: FrameSkip
): FrameResult {
	const names = w.frames.map((f) => f.name);
	let raw: string | null = names[0] ?? null;
	let guessed = false;
	let noAnchor = false;
	if (recipe.extractor === 'stall' && names.length > 0) {
		// NecroScope: without a dispatcher syzkaller says `corrupted`; the top frame is a better
		// hint of a stall (not of a stack overflow: guessTop)
		raw = stallFrame(names);
		if (raw === null && recipe.guessTop !== false) {
			raw = names[0];
			guessed = true;
		} else if (raw === null) noAnchor = true;
	} else if (recipe.extractor === 'hang') raw = names.length ? hangFrame(names) : null;
	const merged = raw && recipe.extractor ? mergedFrame(raw) : raw;
	const lastPart = recipe.parts.length - 1;
	const second = w.frames.find((f) => f.part === lastPart && lastPart > 0)?.name ?? null;
	const caller = callerOf(w, parts, raw, lines, skip);
	return { raw, merged, second, caller, poisoned: w.poisoned, guessed, noAnchor };
}

/** The recipe, its fallback recipe, then (no stack start at all) the bare `+0x` frame lines. */
function attempt(lines: readonly string[], recipe: StackRecipe, skip: FrameSkip): FrameResult {
	const first = pick(walk(lines, recipe.parts, skip), recipe, recipe.parts, lines, skip);
	if (first.raw || first.poisoned) return first;
	if (recipe.parts2) {
		const second = pick(walk(lines, recipe.parts2, skip), recipe, recipe.parts2, lines, skip);
		if (second.raw || second.poisoned) return second;
	}
	// NecroScope: old kernels and ARM print the trace without a `Call Trace:` line
	if (lines.some(isStackStart)) return first;
	const bare = lines.slice(1).filter((l) => BARE_FRAME.test(l));
	return pick(walk(bare, ['stack'], skip), recipe, ['stack'], bare, skip);
}

/** Run a format's recipe (and its fallback recipe) over report lines starting at the title line. */
export function guiltyFrame(lines: readonly string[], recipe: StackRecipe): FrameResult {
	const skip = frameSkip(recipe.skip);
	const strict = attempt(recipe.afterMarker ? lines.map(afterMarker) : lines, recipe, skip);
	if (strict.raw || strict.poisoned) return strict;
	// NecroScope: syzkaller reads neither `?` frames nor a frame printed after a stack marker
	// (`<EOI>  [<pc>] f+..`). Old enterprise kernels print whole traces that way; when nothing
	// else names the bug they are the best hint left (logs without a printk context keep
	// their `?` lines, see reportText).
	const lenient = attempt(lines.map(lenientLine), recipe, skip);
	return lenient.raw ? { ...lenient, unsure: true } : strict;
}

const SYSCALL_PREFIXES = [
	'SYSC_',
	'SyS_',
	'sys_',
	'__x64_',
	'__ia32_',
	'__arm64_',
	'____sys_',
	'___sys_',
	'__sys_',
	'__se_',
	'__se_sys_',
	'__do_sys_',
	'compat_SYSC_',
	'compat_SyS_',
	'ksys_'
];

/**
 * The names a frame is known by: itself and each name left after removing one syscall-wrapper
 * prefix. The canonical name (used in the title) is the shortest.
 */
export function frameNames(raw: string): { canonical: string; all: string[] } {
	const all = [raw];
	for (const p of SYSCALL_PREFIXES) {
		if (raw.startsWith(p) && raw.length > p.length) {
			const s = raw.slice(p.length);
			if (!all.includes(s)) all.push(s);
		}
	}
	let canonical = raw;
	for (const n of all) if (n.length < canonical.length) canonical = n;
	return { canonical, all };
}
