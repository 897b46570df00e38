import { flushSync } from 'svelte';

/**
 * Whether the page is being printed (Ctrl+P, saved as PDF). A printed report is the whole report:
 * every finding the filters show with its body (explanation, advice, evidence, trace), every note,
 * chain and boot, none of the page's controls. The parts the page renders only on demand (a
 * finding's body once opened, findings past "Show more") are rendered while this is true; the
 * print styles do the rest.
 */
export const printing = $state({ active: false });

/**
 * Follow the print media: `beforeprint` is the browser's print dialog (its handler runs before
 * the page is laid out for print, so the bodies are rendered synchronously, `flushSync`), and the
 * `print` media query also turns on when print media is emulated (a PDF made by a headless
 * browser, the developer tools). Returns the function that stops following it.
 */
export function followPrint(): () => void {
	const mq = matchMedia('print');
	const set = (active: boolean) => {
		if (printing.active === active) return;
		flushSync(() => (printing.active = active));
	};
	const before = () => set(true);
	const after = () => set(mq.matches);
	const change = () => set(mq.matches);
	set(mq.matches);
	addEventListener('beforeprint', before);
	addEventListener('afterprint', after);
	mq.addEventListener('change', change);
	return () => {
		removeEventListener('beforeprint', before);
		removeEventListener('afterprint', after);
		mq.removeEventListener('change', change);
	};
}
