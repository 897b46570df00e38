/** why the first bytes of an input are binary data (see decode.ts, binaryShare) */
const BINARY_REASON =
	'a quarter or more of its first bytes are control characters or not UTF-8, which no kernel log has';

/**
 * The note on an input of binary data (decode.ts NOT_TEXT's last kind), in the report's words; the
 * page's, for binary data pasted (a binary file's bytes copied from a terminal or an editor),
 * with `pasted`: it speaks of the pasted text and says what to paste. A module of its own, so the
 * page takes the note's words without the decoders.
 */
export function binaryNote(pasted = false): string {
	return pasted
		? `The pasted text is binary data, not text: ${BINARY_REASON}. Paste the kernel log's own text (the output of \`dmesg\` or \`journalctl -k\`), or open the log file itself.`
		: `This file is binary data, not text: ${BINARY_REASON}. Analyse the kernel log as text (\`dmesg > dmesg.txt\`, \`journalctl -k > kernel.txt\`, or the log file itself).`;
}
