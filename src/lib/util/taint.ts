import type { Taint, TaintFlag } from '../models/metadata.ts';
import { codeAt } from './text.ts';

/** Documentation/admin-guide/tainted-kernels.rst (v6.15), bit order. */
const TAINTS: Array<[string, string, string]> = [
	['P', 'PROPRIETARY_MODULE', 'a proprietary (non-GPL) module was loaded'],
	['F', 'FORCED_MODULE', 'a module was force-loaded'],
	['S', 'CPU_OUT_OF_SPEC', 'running on out-of-specification hardware or configuration'],
	['R', 'FORCED_RMMOD', 'a module was force-unloaded'],
	['M', 'MACHINE_CHECK', 'a CPU reported a machine check exception'],
	// mm/kasan/report.c, mm/kfence/report.c and mm/slub.c set it too, on every report
	[
		'B',
		'BAD_PAGE',
		'a bad page reference or unexpected page flags were seen, or a memory-error detector (KASAN, KFENCE, SLUB debug) reported'
	],
	['U', 'USER', 'taint requested by user space'],
	['D', 'DIE', 'the kernel died recently (an oops or BUG)'],
	['A', 'OVERRIDDEN_ACPI_TABLE', 'an ACPI table was overridden'],
	['W', 'WARN', 'the kernel issued a warning'],
	['C', 'CRAP', 'a staging driver was loaded'],
	['I', 'FIRMWARE_WORKAROUND', 'working around a severe firmware bug'],
	['O', 'OOT_MODULE', 'an out-of-tree module was loaded'],
	['E', 'UNSIGNED_MODULE', 'an unsigned module was loaded'],
	['L', 'SOFTLOCKUP', 'a soft lockup occurred earlier'],
	['K', 'LIVEPATCH', 'the kernel has been live-patched'],
	['X', 'AUX', 'auxiliary taint, reserved for distributions'],
	['T', 'RANDSTRUCT', 'built with the structure-randomisation plugin'],
	['N', 'TEST', 'an in-kernel test has run'],
	['J', 'FWCTL', 'user space used a mutating fwctl debug operation']
];

const BY_LETTER = new Map(TAINTS.map(([l, n, d]) => [l, { letter: l, name: n, description: d }]));
const BY_NAME = new Map(TAINTS.map(([l, n, d]) => [n, { letter: l, name: n, description: d }]));

/**
 * Kernels 3.7 to 3.14 also set F for a module that failed signature verification (`module
 * verification failed: signature and/or required key missing - tainting kernel`); 3.15 gave that
 * its own letter, E. RHEL 7 (3.10) prints `GF` so.
 */
const OLD_F: TaintFlag = {
	letter: 'F',
	name: 'FORCED_MODULE',
	description:
		'a module was force-loaded or failed signature verification (kernels 3.7 to 3.14 set F for both)'
};

function signedAsForced(version: string | null | undefined): boolean {
	const m = version ? /^3\.(\d+)\./.exec(version) : null;
	return m !== null && Number(m[1]) >= 7 && Number(m[1]) <= 14;
}

/**
 * Decode a taint string in either form the kernel prints:
 * the letter string `P        W  O` / `G        W  OE` (G = no proprietary module, blanks = unset;
 * RHEL: `G           --L------------`, dashes = unset)
 * or the list `[W]=WARN, [O]=OOT_MODULE`. Unknown letters are reported, never dropped.
 * The kernel version, when known, words F as the kernel meant it (see OLD_F).
 */
export function decodeTaint(raw: string, version?: string | null): Taint {
	const flags: TaintFlag[] = [];
	const unknown: string[] = [];
	const seen = new Set<string>();
	const add = (letter: string, name?: string) => {
		if (seen.has(letter)) return;
		seen.add(letter);
		const f =
			letter === 'F' && signedAsForced(version)
				? OLD_F
				: (BY_LETTER.get(letter) ?? (name ? BY_NAME.get(name) : undefined));
		if (f) flags.push(f);
		else unknown.push(name ? `${letter}=${name}` : letter);
	};
	const list = raw.match(/\[([A-Z])\]=([A-Z_]+)/g);
	if (list) {
		for (const item of list) {
			const m = /\[([A-Z])\]=([A-Z_]+)/.exec(item);
			if (m) add(m[1], m[2]);
		}
	} else {
		for (const ch of raw.trim()) {
			// RHEL kernels print '-' for each unset flag of their longer list
			if (ch === ' ' || ch === 'G' || ch === '-') continue;
			add(ch);
		}
	}
	flags.sort(
		(a, b) =>
			TAINTS.findIndex((t) => t[0] === a.letter) - TAINTS.findIndex((t) => t[0] === b.letter)
	);
	return { raw: raw.trim(), flags, unknown };
}

/**
 * Where the letters of a `Tainted: ` field that starts at `start` end: letters and spaces, and with
 * `dashes` also RHEL's `-` placeholders (`G           --L------------`).
 */
function taintFieldEnd(text: string, start: number, dashes: boolean): number {
	const chars = dashes ? /[A-Z -]/ : /[A-Z ]/;
	let end = start;
	while (end < text.length && chars.test(text[end])) end++;
	return end;
}

/** Pull the taint letters out of a `CPU: ... Tainted: P        W  O      6.1.0 #1` line, if any. */
export function taintFromCpuLine(text: string): string | null {
	const at = text.indexOf('Tainted: ');
	if (at === -1) return null;
	const letters = text.slice(at + 9, taintFieldEnd(text, at + 9, false)).trim();
	return letters === '' ? null : letters;
}

/**
 * The taint and release of the line a hung-task report prints after its header
 * (kernel/hung_task.c: `"      %s %s %.*s\n", print_tainted(), init_utsname()->release, …`):
 * `      Not tainted 4.8.0-rc1 #1`, `      Tainted: G        W  OE      6.1.0 #1`, RHEL
 * `      Tainted: G           --L------------    2.6.32-642.el6.x86_64 #1`.
 */
export function hungTaskTaint(text: string): { taint: string | null; version: string } | null {
	const t = text.trimStart();
	if (t.length === text.length) return null;
	let taint: string | null = null;
	let rest: string;
	if (t.startsWith('Not tainted ')) rest = t.slice(12);
	else if (t.startsWith('Tainted: ')) {
		const end = taintFieldEnd(t, 9, true);
		taint = t.slice(9, end).trim() || null;
		rest = t.slice(end);
	} else return null;
	const m = /^ *(\d+\.\d\S*)/.exec(rest);
	return m ? { taint, version: m[1] } : null;
}

/**
 * The identity line lockdep (and RCU's lockdep checks) print under their header
 * (kernel/locking/lockdep.c print_kernel_ident: `"%s %.*s %s\n"`, the release, the build
 * version up to its first space and print_tainted()): `6.1.0-rc1-syzkaller #0 Not tainted`,
 * `3.4.0 #3257 Tainted: G        W`. The taint letters (null for `Not tainted`) and the release;
 * null for any other line. The caller tests that the line starts with a digit.
 */
export function lockdepIdentTaint(text: string): { taint: string | null; version: string } | null {
	const sp = text.indexOf(' ');
	// `<release> #<n> `: the build version starts with `#` and holds no space
	if (sp < 3 || codeAt(text, sp + 1) !== 35 /* # */) return null;
	const sp2 = text.indexOf(' ', sp + 2);
	if (sp2 === -1) return null;
	const version = text.slice(0, sp);
	if (!/^\d+\.\d/.test(version)) return null;
	const rest = text.slice(sp2 + 1).trimEnd();
	if (rest === 'Not tainted') return { taint: null, version };
	if (!rest.startsWith('Tainted: ')) return null;
	const end = taintFieldEnd(rest, 9, true);
	const taint = rest.slice(9, end).trim();
	// nothing after the letters: print_tainted() ends the line
	return taint !== '' && end === rest.length ? { taint, version } : null;
}

/**
 * The taint old-style reports print in parentheses (print_tainted()): SLUB's
 * `BUG <cache> (Not tainted): <message>` / `BUG kmalloc-64 (Tainted: G    B      ): Poison
 * overwritten` (mm/slub.c slab_bug) and, before 3.11, `WARNING: at <file>:<line> <func>() (Not
 * tainted)` (kernel/panic.c warn_slowpath_common). `{ taint }` with the letters, null for `Not
 * tainted`; null for any other line.
 */
export function parenTaint(text: string): { taint: string | null } | null {
	let open: number;
	const slub = text.startsWith('BUG ');
	if (slub) {
		// one word, the cache's name, then the parentheses and a colon
		open = text.indexOf(' ', 4) + 1;
		if (open < 6) return null;
	} else if (text.startsWith('WARNING: at ')) {
		const t = text.trimEnd();
		if (codeAt(t, t.length - 1) !== 41 /* ) */) return null;
		// the parentheses end the line: the last ` (` opens them (a function's `()` has no space)
		open = t.lastIndexOf(' (') + 1;
		if (open < 13) return null;
		text = t;
	} else return null;
	if (codeAt(text, open) !== 40 /* ( */) return null;
	let close: number;
	let taint: string | null = null;
	if (text.startsWith('(Not tainted)', open)) close = open + 12;
	else if (text.startsWith('(Tainted: ', open)) {
		close = taintFieldEnd(text, open + 10, true);
		taint = text.slice(open + 10, close).trim() || null;
		if (taint === null) return null;
	} else return null;
	if (codeAt(text, close) !== 41 /* ) */) return null;
	// SLUB's message follows `): `; the warning's parentheses end its line
	if (slub ? !text.startsWith(': ', close + 1) : close !== text.length - 1) return null;
	return { taint };
}
