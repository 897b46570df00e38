/**
 * The shape of one title format (syzkaller's `oopsFormat`, pkg/report/linux.go, Apache-2.0).
 * Regular expressions here are matched against single report lines (never against a joined
 * text), so a multi-line pattern is a sequence of line patterns.
 */
export type StackPart = RegExp | 'stack';

export interface StackRecipe {
	/** steps: jump to the first line matching a regex (capturing its frame), or parse a stack */
	parts: StackPart[];
	/** a second recipe, tried when the first finds no frame */
	parts2?: StackPart[];
	/** extra skip patterns (unanchored) on top of the global list */
	skip?: string[];
	/** how the frame is chosen from the surviving frames (default: the first) */
	extractor?: 'stall' | 'hang';
	/**
	 * NecroScope: read a frame printed after a stack marker on the same line (`<<EOE>>  [<pc>]
	 * f+..`), which syzkaller's frame syntax does not: for a report made in an NMI (a hard
	 * lockup) it is the interrupted code's top frame, where the CPU was spinning
	 */
	afterMarker?: boolean;
	/**
	 * NecroScope: with the stall extractor and no dispatcher on the stack, name the top frame
	 * (the report marked corrupted) instead of syzkaller's `corrupted`: where a stalled CPU spins.
	 * False for stack overflows, whose top frame is only where the stack ran out (any function of
	 * a recursion), so they keep syzkaller's `corrupted`
	 */
	guessTop?: boolean;
}

export interface TitleFormat {
	/** rule id of the finding (public, stable) */
	rule: string;
	/** matched against each line; capture groups become {1}, {2}, ... */
	title: RegExp;
	/** further lines the title needs, in order, after the title line (captures appended) */
	titleNext?: RegExp[];
	/** report pattern: lines that must follow in order (captures appended after the title's) */
	report?: RegExp[];
	/** the title: {1}.. are captures, {F} the guilty frame */
	fmt: string;
	/**
	 * the capture ({N}) that names the function the title blames, for formats without a stack
	 * recipe (`possible deadlock in {1}` from a lockdep `at:` line): it is the guilty frame
	 */
	frameArg?: number;
	/**
	 * the title when the stack recipe finds no frame, for reports that name no function in every
	 * form the kernel prints (the report is not corrupted for it): SLUB's tracks are optional
	 */
	fallback?: string;
	/** alternative titles, same placeholders */
	alt?: string[];
	stack?: StackRecipe;
	/**
	 * NecroScope: for a format whose title names no function (syzkaller's `KASAN: {1} {2}` of a
	 * `wild-memory-access on address`), the recipe of its guilty frame: it fills no title and no
	 * alternative, and a report where it finds none (or only `?` frames) is not corrupted for it
	 */
	guiltyStack?: StackRecipe;
	/** no stack trace is required (corruption rule 5 does not apply) */
	noStackTrace?: boolean;
	/** the format itself means the report is damaged */
	corrupted?: boolean;
}
