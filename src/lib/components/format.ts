/**
 * A wall-clock time of the report (ISO 8601 in UTC, `2025-09-21T03:37:21.792Z`) as the page shows
 * it: date and time to the second, `2025-09-21 03:37:21 UTC`. The report's JSON keeps the ISO form.
 */
export function utcText(iso: string): string {
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/**
 * What an anonymized report had replaced, as the page says it (`1 host, 47 ptr`), or `nothing to
 * replace` (short: the note above a shared report is on a phone's first screen with its first
 * finding). "anonymized by its sender (none)" had read as if nothing had been anonymized.
 */
export function replacedText(replaced: Record<string, number>): string {
	return (
		Object.entries(replaced)
			.map(([k, n]) => `${n} ${k}`)
			.join(', ') || 'nothing to replace'
	);
}

/**
 * The file name of a download of a report (without its extension): the input's name without its
 * compression or archive suffix and its text extension, then `-report` (`dmesg.txt` →
 * `dmesg-report`, `kern.log.2.gz` → `kern.log.2-report`, `sosreport-host.tar.xz` →
 * `sosreport-host-report`); a pasted log's is `necroscope-report`. The text report of `dmesg.txt`
 * had been `dmesg.txt`, the log's own name, and a `.gz` file's `bananapi.log.json`.
 */
export function reportFileBase(inputName: string | null): string {
	let base = inputName ?? '';
	for (;;) {
		const shorter = base.replace(/\.(?:gz|zst|xz|bz2|zip|tgz|tar)$/i, '');
		if (shorter === base) break;
		base = shorter;
	}
	base = base.replace(/\.(?:log|txt|text|out|json|md)$/i, '');
	return base ? `${base}-report` : 'necroscope-report';
}
