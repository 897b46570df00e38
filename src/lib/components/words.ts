/** the longest word kept whole on a line: about two thirds of a line of code in a card at 320 px */
export const WHOLE_WORD = 24;

/**
 * A text's words and the spaces between them, in order (joined, they are the text), each word
 * marked `whole` when `keep` says so (a space never is).
 */
export function words(
	text: string,
	keep: (word: string) => boolean
): { w: string; whole: boolean }[] {
	return text
		.split(/(\s+)/)
		.filter((w) => w !== '')
		.map((w) => ({ w, whole: !/\s/.test(w) && keep(w) }));
}

/**
 * The words of a log line kept whole on a phone: those of up to `WHOLE_WORD` characters with a
 * hyphen, where the browser breaks a word of code (`3.10.0-` over `54.0.1.el7.s390x` in a crash's
 * `CPU: … Tainted:` line, `O--------` over `------` in its taint). The line's other words have no
 * place to break but their spaces, and are left as text (a report's evidence can be thousands of
 * lines).
 */
export function hyphenWhole(word: string): boolean {
	return word.length <= WHOLE_WORD && word.includes('-');
}
