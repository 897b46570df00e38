/** Small text helpers shared by the layers. */

// CSI (ESC [ params final), OSC (ESC ] ... BEL or ESC \) and two-character escapes.
const ANSI =
	// eslint-disable-next-line no-control-regex
	/\x1b(?:\[[\d;?]*[\x20-\x2f]*[\x40-\x7e]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[\x40-\x5a\x5c-\x5f])/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f]/;
// eslint-disable-next-line no-control-regex
const CONTROLS_G = /[\x00-\x08\x0b-\x1f\x7f]/g;

/** Remove ANSI/terminal escape sequences (serial console captures, hostile input). */
export function stripAnsi(s: string): string {
	return s.indexOf('\x1b') === -1 ? s : s.replace(ANSI, '');
}

/** Show control characters other than tab as visible escapes (\xNN), so text stays inert in a terminal. */
export function escapeControls(s: string): string {
	return CONTROLS.test(s)
		? s.replace(CONTROLS_G, (c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0'))
		: s;
}

/** Cut a string to `max` characters, marking the cut. */
export function clip(s: string, max: number): string {
	return s.length <= max ? s : s.slice(0, max) + `… [${s.length - max} more characters]`;
}

export function plural(n: number, one: string, many = one + 's'): string {
	return `${n} ${n === 1 ? one : many}`;
}
