/** Small text helpers shared by the layers. */

// CSI (ESC [ params final), OSC (ESC ] ... BEL or ESC \) and two-character escapes.
const ANSI =
	// eslint-disable-next-line no-control-regex
	/\x1b(?:\[[\d;?]*[\x20-\x2f]*[\x40-\x7e]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[\x40-\x5a\x5c-\x5f])/g;

/** Remove ANSI/terminal escape sequences (serial console captures, hostile input). */
export function stripAnsi(s: string): string {
	return s.indexOf('\x1b') === -1 ? s : s.replace(ANSI, '');
}
