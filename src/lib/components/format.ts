import { findingKernel, type Finding } from '$lib/models/finding';
import type { AssumedYear, Boot } from '$lib/models/metadata';
import { BIDI_CONTROLS } from '$lib/util/bidi';
import { WHOLE_WORD, words } from './words';

/**
 * A wall-clock time of the report (ISO 8601 in UTC, `2025-09-21T03:37:21.792Z`) as the page shows
 * it: date and time to the second, `2025-09-21 03:37:21 UTC`. The report's JSON keeps the ISO form.
 */
export function utcText(iso: string): string {
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * A wall-clock time of a log whose dates carry no year (`input.assumed_year`), as the page shows
 * it: the time, then what is known of its year, in two parts (the second may go to the next line).
 * A known year (`exact`, or no year assumed) is shown as `utcText` shows it; a lower bound (the
 * build date, the kernel release) as `2022-02-09 10:42:36 UTC` and `(year not in the log: 2022 or
 * later)`; the placeholder without its year, `Feb 9 10:42:36 UTC` and `(year not in the log)`. The
 * line under a finding's title had shown a guessed year as fact, which the report's warning
 * (and the text and Markdown reports) say is not.
 */
export function wallParts(iso: string, year: AssumedYear | null): [string] | [string, string] {
	if (year === null || year.exact) return [utcText(iso)];
	if (year.source === 'placeholder') {
		const month = MONTHS[Number(iso.slice(5, 7)) - 1];
		return [
			`${month} ${Number(iso.slice(8, 10))} ${iso.slice(11, 19)} UTC`,
			'(year not in the log)'
		];
	}
	return [utcText(iso), `(year not in the log: ${iso.slice(0, 4)} or later)`];
}

/** A span of kernel time in words (see util/text.ts); the page's timeline axis and findings use it. */
export { spanText } from '../util/text.ts';

/**
 * What each anonymization kind replaced, in words (singular, plural): the note above a shared
 * report had said "(45 ptr)", the report's own key, which a support engineer sent the link has no
 * reason to know (nor `wwn`, `nqn`, `kaslr`, `org`, `id`). The placeholders in the report's lines
 * keep the keys (`<ptr-1>`).
 */
const KIND_WORDS: Readonly<Record<string, readonly [string, string]>> = {
	host: ['host name', 'host names'],
	user: ['user name', 'user names'],
	email: ['e-mail address', 'e-mail addresses'],
	mac: ['MAC address', 'MAC addresses'],
	ipv4: ['IPv4 address', 'IPv4 addresses'],
	ipv6: ['IPv6 address', 'IPv6 addresses'],
	uuid: ['UUID', 'UUIDs'],
	id: ['machine or instance id', 'machine or instance ids'],
	serial: ['serial number', 'serial numbers'],
	wwn: ['WWN', 'WWNs'],
	nqn: ['NVMe name', 'NVMe names'],
	iqn: ['iSCSI name', 'iSCSI names'],
	label: ['file-system label', 'file-system labels'],
	ssid: ['Wi-Fi network name', 'Wi-Fi network names'],
	share: ['file share', 'file shares'],
	domain: ['domain', 'domains'],
	org: ['organisation', 'organisations'],
	place: ['place', 'places'],
	ptr: ['kernel pointer', 'kernel pointers'],
	kaslr: ['KASLR offset', 'KASLR offsets']
};

/**
 * What an anonymized report had replaced, as the page says it (`1 host name, 47 kernel pointers`;
 * a kind this page does not know, from a newer report, by its key), or `nothing to replace`
 * (short: the note above a shared report is on a phone's first screen with its first finding).
 * "anonymized by its sender (none)" had read as if nothing had been anonymized.
 */
export function replacedText(replaced: Record<string, number>): string {
	return (
		Object.entries(replaced)
			.map(([k, n]) => {
				const words = Object.hasOwn(KIND_WORDS, k) ? KIND_WORDS[k] : null;
				return `${n} ${words === null ? k : words[n === 1 ? 0 : 1]}`;
			})
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

/**
 * A line of a crash's registers cut so the page keeps each register with its value: on a phone the
 * Registers box had wrapped an arm64 line of three pairs at its spaces, "x29: … x28:" over the
 * value of x28, each value then read under the wrong name. Each register's name, its separator
 * and the first character of its value are one piece that must not break (`keep`: `x29: f`,
 * `x9 : f`, `FS:  0`); the line may still wrap between pairs, or inside a value too long for the
 * line (`pc : <a long function name>`). Each other word (what spaces separate) of up to
 * `WHOLE_WORD` characters is kept whole too: on a phone an arm64 `pstate: 60400009 (nZCv daif
 * +PAN -UAO -TCO -DIT -SSBS BTYPE=--)` had wrapped at a flag's hyphen, `-` over `UAO`, read as
 * two flags. The pieces joined are the line.
 */
export function registerPieces(line: string): Array<{ text: string; keep: boolean }> {
	const out: Array<{ text: string; keep: boolean }> = [];
	const rest = (text: string) => {
		for (const { w, whole } of words(text, (w) => w.length <= WHOLE_WORD))
			out.push({ text: w, keep: whole });
	};
	let at = 0;
	// s390's two-word names too: `Krnl PSW :`, `Krnl GPRS:`, `Krnl Code:` (`Krnl` had ended a line)
	for (const m of line.matchAll(/(?:(?:Krnl|User) )?[a-z]\w{0,15} ?:\s*[^\s:]/gi)) {
		if (m.index > at) rest(line.slice(at, m.index));
		out.push({ text: m[0], keep: true });
		at = m.index + m[0].length;
	}
	if (at < line.length) rest(line.slice(at));
	return out;
}

/** a row of a register file: a name (or the row's indent) and two or more values of one width */
const COLUMNS =
	/^((?:(?:Krnl |User )?[a-z]\w{0,15} ?:)? *)([0-9a-f]{8,16}(?: [0-9a-f]{8,16})+) *$/i;

/**
 * A register row of bare values, in columns: `GPR00: c00000000806b258 c000000010ff3a30 …`
 * (ppc64's four a row, ppc32's eight), s390's `Krnl GPRS:` and its rows under it. The page shows
 * its values each whole, the lines after the first indented by the name's width (`name`, in
 * characters), so a row that wraps on a phone keeps its values in the row's columns: at 390 px
 * `GPR00:` had been over one value, then two, then one, the columns lost. Null for another line
 * (a name and value pairs' row is `registerPieces`'s).
 */
export function registerColumns(line: string): { name: string; values: string[] } | null {
	const m = COLUMNS.exec(line);
	if (!m) return null;
	const values = m[2].split(' ');
	return values.every((v) => v.length === values[0].length) ? { name: m[1], values } : null;
}

/**
 * The kernel a crash finding ran on, shown under its title: the release its own report printed
 * (`details.kernel_version`, from its `CPU: … Not tainted 6.1.0 #1` line), else its boot's
 * (the banner's), as `findingKernel` reads it; null for other findings. A kernel developer reading a crash's title and trace
 * had found the kernel only in its Facts and the System panel, far below.
 */
export function crashKernel(f: Finding, boots: readonly Boot[]): string | null {
	return f.category === 'crash' ? findingKernel(f, boots) : null;
}

/**
 * The boots a finding occurs in, said under its title when the log holds several boots: the
 * reports' words for them (output/common.ts bootsText), with at most 4 runs.
 */
export { bootsText } from '$lib/output/common';

/**
 * Log text in an attribute (an `aria-label`, an SVG mark's `<title>`), where no element can hold a
 * control in an isolate of its own: each control is its escape (`\u202e`), as the text and
 * Markdown reports write it (`inert`). The timeline's marks had carried a right-to-left override
 * from a finding's title into their tooltip and name, `Out of memory: killed exe.png`.
 */
export { inert as attrText } from '$lib/output/common';

/** Unicode's bidirectional controls (Bidi_Control): the set the reports' `inert` makes inert */
const BIDI = new RegExp(`[${BIDI_CONTROLS}]`);
const BIDI_SPLIT = new RegExp(`([${BIDI_CONTROLS}])`);

/** whether log text has a bidirectional control in it (shown through `bidiPieces`) */
export function hasBidi(text: string): boolean {
	return BIDI.test(text);
}

const BIDI_NAMES: Readonly<Record<string, string>> = {
	'\u061c': 'arabic letter mark',
	'\u200e': 'left-to-right mark',
	'\u200f': 'right-to-left mark',
	'\u202a': 'left-to-right embedding',
	'\u202b': 'right-to-left embedding',
	'\u202c': 'pop directional formatting',
	'\u202d': 'left-to-right override',
	'\u202e': 'right-to-left override',
	'\u2066': 'left-to-right isolate',
	'\u2067': 'right-to-left isolate',
	'\u2068': 'first strong isolate',
	'\u2069': 'pop directional isolate'
};

/**
 * Log text in pieces, each bidirectional control a piece of its own with its escape (`\u202e`,
 * as the text and Markdown reports write it) and its name, the others as they are: the page
 * shows a control by its escape and keeps the control itself in an isolate of its own
 * (`LogText.svelte`), where it reorders nothing. A right-to-left override in a line had shown
 * `gnp.exe` as `exe.png`: what a reader saw was not the log's order.
 */
export function bidiPieces(text: string): Array<{ text: string; esc?: string; name?: string }> {
	return text
		.split(BIDI_SPLIT)
		.filter((t) => t !== '')
		.map((t) =>
			t.length === 1 && BIDI_NAMES[t] !== undefined
				? {
						text: t,
						esc: '\\u' + t.charCodeAt(0).toString(16).padStart(4, '0'),
						name: BIDI_NAMES[t]
					}
				: { text: t }
		);
}
