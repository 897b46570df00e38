import { describe, expect, it } from 'vitest';
import { CRASH_RULES } from '../../src/lib/analysis/crash/kind.ts';
import { FORMATS, RAW_RULE } from '../../src/lib/analysis/crash/formats.ts';
import { CRASH_NOTICES, crashNotice } from '../../src/lib/analysis/crash/notices.ts';
import { CRASH_EXPLANATIONS } from '../../src/lib/providers/crash-explanations.ts';

describe('crash explanations', () => {
	const produced = new Set([
		...Object.values(FORMATS).flatMap((fs) => fs.map((f) => f.rule)),
		...Object.values(RAW_RULE),
		...CRASH_NOTICES.map((n) => n.rule),
		'crash.other'
	]);
	it('every rule id a format can produce is known and explained', () => {
		for (const rule of produced) {
			expect(CRASH_RULES, rule).toContain(rule);
			const e = CRASH_EXPLANATIONS[rule];
			expect(e, rule).toBeDefined();
			expect(e.meaning.length, rule).toBeGreaterThan(40);
			expect(e.causes.length, rule).toBeGreaterThan(0);
			expect(e.next_steps.length, rule).toBeGreaterThan(0);
			expect(e.references.length, rule).toBeGreaterThan(0);
		}
	});

	it('every notice covers its example and tells why it is no bug', () => {
		for (const n of CRASH_NOTICES) {
			const lines = n.example.line === undefined ? [] : [{ text: n.example.line }];
			expect(crashNotice(n.example.title, lines), n.rule).toBe(n);
			expect(n.why.length, n.rule).toBeGreaterThan(20);
			expect(CRASH_EXPLANATIONS[n.rule].notice, n.rule).toBe(true);
			// a notice that needs a line is not taken on its title alone
			if (n.line !== undefined) expect(crashNotice(n.example.title, [])).not.toBe(n);
		}
	});
});
