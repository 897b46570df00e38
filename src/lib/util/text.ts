/** Small text helpers shared by the layers. */

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;

/** Remove ANSI/terminal escape sequences (serial console captures, hostile input). */
export function stripAnsi(s: string): string {
	return s.indexOf('\x1b') === -1 ? s : s.replace(ANSI, '');
}

/** Replace control characters other than tab with U+FFFD-free visible escapes (\xNN). */
export function escapeControls(s: string): string {
	// eslint-disable-next-line no-control-regex
	return /[\x00-\x08\x0b-\x1f\x7f]/.test(s)
		? // eslint-disable-next-line no-control-regex
			s.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0'))
		: s;
}

/** Cut a string to `max` characters, marking the cut. */
export function clip(s: string, max: number): string {
	return s.length <= max ? s : s.slice(0, max) + `… [${s.length - max} more characters]`;
}

export function plural(n: number, one: string, many = one + 's'): string {
	return `${n} ${n === 1 ? one : many}`;
}
