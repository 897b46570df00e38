import { tick } from 'svelte';

/**
 * The text of a live region that is always in the page, empty until it has something to say: a
 * status element inserted already filled is not announced by some screen readers (a live region
 * must exist, empty, before its text changes). `say` empties it first and fills it a tick later,
 * so that the same words again (Analyze pressed twice with nothing pasted, a second download of
 * the same file, the same count after another filter) are announced again.
 */
export class LiveText {
	text = $state('');

	/** Say `message` (the empty string empties the region and says nothing). */
	async say(message: string): Promise<void> {
		this.text = '';
		if (message === '') return;
		await tick();
		this.text = message;
		// rendered when it resolves: a caller can scroll the words into view
		await tick();
	}

	/** Empty the region (nothing to say any more). */
	clear(): void {
		this.text = '';
	}
}
