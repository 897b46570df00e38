/**
 * 1234567 -> '1,234,567'. Not toLocaleString: its first call loads the browser's locale data,
 * which kept the main thread busy for tens of milliseconds when the first analysis started.
 */
export function groupDigits(n: number): string {
	const s = String(Math.trunc(Math.abs(n)));
	let out = '';
	for (let i = s.length; i > 0; i -= 3)
		out = s.slice(Math.max(0, i - 3), i) + (out ? `,${out}` : '');
	return (n < 0 ? '-' : '') + out;
}
