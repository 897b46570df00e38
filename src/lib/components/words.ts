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
