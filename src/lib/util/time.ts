/** Time helpers. Wall-clock values are epoch milliseconds, rendered as ISO 8601 UTC. */

export function isoFromMs(ms: number | null): string | null {
	if (ms === null || !Number.isFinite(ms)) return null;
	const d = new Date(ms);
	return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
