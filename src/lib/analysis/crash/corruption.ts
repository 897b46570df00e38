import type { TitleFormat } from './format-types.ts';
import { isFrameLine, isStackStart, STACK_STARTS } from './frames.ts';

/** How far after a stack start a frame must appear. */
const FRAME_WINDOW = 15;
/** frame lines that make a trace without a `Call Trace:` line count as one */
const MIN_BARE_FRAMES = 3;
const TIMESTAMP = /\[ *\d+\.\d+\]/;

/**
 * syzkaller's corruption rules that look at the finished title and report (§5 of the
 * taxonomy; rules 1-3 are decided while titling): an interleaved timestamp in the title,
 * or a format that needs a stack trace without a usable one.
 */
export function corruptionReason(
	title: string,
	lines: readonly string[],
	format: TitleFormat | null
): string | null {
	if (TIMESTAMP.test(title)) return 'the title contains a timestamp (interleaved output)';
	if (!format || format.noStackTrace) return null;
	let hasStack = false;
	for (const start of STACK_STARTS) {
		const k = lines.findIndex((l) => start.test(l));
		if (k === -1) continue;
		hasStack = true;
		if (lines.length - k - 1 < 2) return 'the call trace is cut short';
		let ok = false;
		for (let j = k + 1; j < lines.length && j <= k + FRAME_WINDOW; j++) {
			const l = lines[j];
			if (l.includes('(stack is not available)') || isFrameLine(l)) {
				ok = true;
				break;
			}
			if (isStackStart(l)) break;
		}
		if (!ok) return 'a call trace has no frames';
	}
	if (hasStack) return null;
	// NecroScope: old kernels and ARM print frames without a `Call Trace:` line
	let frames = 0;
	for (const l of lines)
		if (l.includes('+0x') && isFrameLine(l) && ++frames >= MIN_BARE_FRAMES) return null;
	return 'the report has no call trace';
}
