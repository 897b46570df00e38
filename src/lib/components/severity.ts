import { SEVERITIES, type Severity } from '$lib/models/finding';

/** A severity is shown with a symbol and a word as well as a colour (colour is never the only signal). */
export const SEVERITY_ICON: Record<Severity, string> = {
	critical: '✖',
	high: '▲',
	medium: '◆',
	low: '●',
	info: 'ℹ'
};

/** The most severe severity that some finding has (a report's counts by severity), or null. */
export function worstSeverity(counts: Record<Severity, number>): Severity | null {
	return SEVERITIES.find((s) => counts[s] > 0) ?? null;
}
