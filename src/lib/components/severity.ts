import type { Severity } from '$lib/models/finding';

/** A severity is shown with a symbol and a word as well as a colour (colour is never the only signal). */
export const SEVERITY_ICON: Record<Severity, string> = {
	critical: '✖',
	high: '▲',
	medium: '◆',
	low: '●',
	info: 'ℹ'
};
