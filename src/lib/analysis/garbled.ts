import type { Finding } from '../models/finding.ts';
import { oneBit, popcount } from '../util/bits.ts';
import { countWith } from './fold.ts';
import { selinuxDenied, selinuxTitleParts } from './rules/security.ts';

/**
 * In a log corrupted by flipped bits (ingestion/bitflips.ts), SELinux denials of one domain come
 * apart into findings for `recgvery`, `regovezy`, `r\uFFFDcovery` ... next to the one for
 * `recovery`: the domain is part of the title. A domain that differs from the domain of a finding
 * with more denials (in the same mode, permissive or not) by a few flipped bits is that domain:
 * its finding is counted with that one (`foldGarbledDomains`, fold.ts `countWith`). Every denial of a finding has the
 * same domain, as printed, so the decision holds for each of them. A domain that is near none and
 * holds bytes that are not text (`obje\uFFFDt_r`, a field next to the domain after a garbled
 * `:`) could not be read: it is counted with the mode's domain `unknown` (no `scontext=` left),
 * when there is one. Other domains stay apart (`u:rzrecovery:s0`'s `s0` is already `unknown`,
 * see selinuxDomain). Only for logs that show flipped bits: elsewhere two real domains a bit
 * apart stay two.
 */
export interface Folded {
	findings: Finding[];
	/** denials counted with another domain */
	denials: number;
	/** the garbled domains, as printed */
	spellings: string[];
}

export function foldGarbledDomains(findings: Finding[]): Folded {
	const kept: Array<{ f: Finding; mode: string; domain: string }> = [];
	const gone = new Set<Finding>();
	let denials = 0;
	const spellings: string[] = [];
	// the most frequent domain first: a garbled spelling is rarer than the domain it garbles
	const denialFindings = findings
		.filter((f) => f.rule === selinuxDenied.id)
		.sort((a, b) => b.count - a.count || a.first_line - b.first_line);
	for (const f of denialFindings) {
		const parts = selinuxTitleParts(f.title);
		if (parts === null) continue;
		const larger = kept.filter((k) => k.mode === parts.mode && k.f.count > f.count);
		const into =
			larger.find((k) => garbledFrom(parts.domain, k.domain)) ??
			(unreadable(parts.domain) ? larger.find((k) => k.domain === 'unknown') : undefined);
		if (into === undefined) {
			kept.push({ f, ...parts });
			continue;
		}
		countWith(into.f, f);
		gone.add(f);
		denials += f.count;
		spellings.push(parts.domain);
	}
	if (gone.size === 0) return { findings, denials: 0, spellings: [] };
	const rest = findings.filter((f) => !gone.has(f));
	// a garbled denial may come before the domain's first: findings stay in input order
	rest.sort((a, b) => a.first_line - b.first_line);
	return { findings: rest, denials, spellings };
}

/**
 * Is `s` the domain `d` with a few flipped bits? Same length (4 or more), at most a quarter of
 * the characters off (at least one), by 3 bits in 8 characters at most; a character that is
 * not UTF-8 (U+FFFD) counts as one bit. Or `d` (or such a spelling of it) run into its level
 * through a garbled `:`: `recoveryzs0` for `recovery` in `u:r:recoveryzs0`.
 */
export function garbledFrom(s: string, d: string): boolean {
	const n = d.length;
	if (n < 4) return false;
	if (s.length > n + 1 && /^s\d+$/.test(s.slice(n + 1)) && flipped(s.charCodeAt(n), 58 /* : */))
		return s.startsWith(d) || garbledFrom(s.slice(0, n), d);
	if (s.length !== n) return false;
	let chars = 0;
	let bits = 0;
	for (let i = 0; i < n; i++) {
		const a = s.charCodeAt(i);
		const b = d.charCodeAt(i);
		if (a === b) continue;
		if (a !== 0xfffd && (a > 127 || b > 127)) return false;
		chars++;
		bits += a === 0xfffd ? 1 : popcount(a ^ b);
	}
	return chars >= 1 && chars <= Math.max(1, n >> 2) && bits <= Math.max(1, (3 * n) >> 3);
}

/** the domain holds a byte that is not UTF-8 or a control character */
function unreadable(d: string): boolean {
	for (let i = 0; i < d.length; i++) {
		const c = d.charCodeAt(i);
		if (c === 0xfffd || c < 32 || c === 127) return true;
	}
	return false;
}

/** `c` is `expected` with one bit flipped (U+FFFD: its top bit) */
function flipped(c: number, expected: number): boolean {
	return c === 0xfffd || oneBit(c, expected);
}
