/**
 * A paste or a small file that holds only what `dmesg` or `journalctl -k` print when the user may
 * not read the kernel log (and the shell prompt that ran them): where the kernel
 * restricts its log (`kernel.dmesg_restrict = 1`, Debian's and Ubuntu's default) `dmesg` without root prints `dmesg: read kernel buffer failed: Operation not permitted`, which a
 * user asked on a forum for their `dmesg` pastes. The page had analysed it as a log: "No problems
 * were found", a healthy verdict for a machine of which nothing was read.
 */
import { isShellLine } from '$lib/ingestion/formats/shell';
import { refusalNote, refusalOf } from '$lib/ingestion/formats/refused';

/** the largest input looked at: the messages and a few prompts are a few hundred bytes */
export const REFUSED_MAX_BYTES = 4096;

/** journalctl's empty result, printed after its notice */
const NO_ENTRIES = '-- No entries --';

/** whose refusal the input is, or null for any other text (a log, to be analysed) */
export function refusedBy(text: string): 'dmesg' | 'journalctl' | null {
	if (text.length > REFUSED_MAX_BYTES) return null;
	let who: 'dmesg' | 'journalctl' | null = null;
	for (const raw of text.split(/\r?\n/)) {
		const line = raw.trim();
		if (line === '' || isShellLine(line)) continue;
		const refusal = refusalOf(line);
		if (refusal === 'dmesg') who = 'dmesg';
		else if (refusal === 'journalctl') who ??= 'journalctl';
		else if (refusal === null && line !== NO_ENTRIES) return null;
	}
	return who;
}

/**
 * What the page says of such an input (`what`: "This file", "The pasted text"), with what to do;
 * null for any other text.
 */
export function refusedAdvice(what: string, text: string): string | null {
	const who = refusedBy(text);
	return who === null ? null : refusalNote(who, what, true);
}
