/**
 * A wall-clock time of the report (ISO 8601 in UTC, `2025-09-21T03:37:21.792Z`) as the page shows
 * it: date and time to the second, `2025-09-21 03:37:21 UTC`. The report's JSON keeps the ISO form.
 */
export function utcText(iso: string): string {
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/**
 * What an anonymized report had replaced, as the page says it (`1 host, 47 ptr`), or that
 * nothing personal was found.
 */
export function replacedText(replaced: Record<string, number>): string {
	return (
		Object.entries(replaced)
			.map(([k, n]) => `${n} ${k}`)
			.join(', ') || 'nothing personal was found'
	);
}
