/**
 * An analysis' error as the page says it: with what to do where the message (shared with the
 * CLI) says only what went wrong. "The compressed file is damaged or truncated." had left the
 * user with a file and no next step.
 */
export function withAdvice(error: { code: string; message: string }): string {
	const m = error.message;
	// a .gz, .zst or .xz file's own data (an archive's messages name its member)
	if (error.code === 'corrupt-compressed' && m.startsWith('The compressed file '))
		return `${m} Copy the file from the machine again; or decompress what can be read yourself (zcat, zstdcat and xzcat write out what comes before the damage) and open that.`;
	return m;
}

/** said with an empty file: a kernel log saved without root is often one */
export const EMPTY_ADVICE =
	'A kernel log saved without root can be empty: save it with sudo dmesg > dmesg.txt (or sudo journalctl -k -b > kernel.txt) and open that.';
