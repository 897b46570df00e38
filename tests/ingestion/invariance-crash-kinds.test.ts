/**
 * The invariance test (invariance.test.ts) rewrites two real boots into every shape. This one
 * rewrites five more real logs, each with a crash of another kind, into every shape too (the
 * same renderers, tests/ingestion/shapes.ts), and checks that each shape gives the plain dmesg's
 * crash findings, kernel version and boots: a KASAN use-after-free (syzkaller's report 130), a
 * general protection fault whose log is cut in a second one (lkp-tests' dmesg 42), a WARNING
 * (abrt's radeon oops), a hung task (syzkaller's report 444) and an RCU stall (syzkaller's
 * report 612, its caller ids left out: most shapes have no field for them). Lines without a
 * kernel time in those logs are left out of every shape alike.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { outcome, parseBase, render, SHAPES, type Boots } from './shapes.ts';

const LOGS: Record<string, string> = {
	'KASAN use-after-free': 'e2e/kasan-use-after-free.log',
	'general protection fault': 'headline/lkp-42.log',
	WARNING: 'e2e/warning-radeon.log',
	'hung task': 'syzkaller/444.log',
	'RCU stall': 'syzkaller/612.log'
};

function base(path: string): Boots {
	const text = readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
	// `[ts][    C1] msg`: the caller id left out
	return [parseBase(text.replace(/^(\[ *\d+\.\d+\])\[ *[TC]\d+\]/gm, '$1'))];
}

describe('five crash kinds, each in every shape', () => {
	for (const [kind, path] of Object.entries(LOGS)) {
		const boots = base(path);
		describe(kind, () => {
			it('the plain dmesg finds the crash', async () => {
				const ref = await outcome(render(boots, 'dmesg'));
				expect(ref.crashes.length).toBeGreaterThanOrEqual(1);
				expect(ref.boots).toHaveLength(1);
			});
			for (const shape of SHAPES) {
				it(shape, async () => {
					const ref = await outcome(render(boots, 'dmesg'));
					const text = render(boots, shape);
					const got = await outcome(text);
					const why = JSON.stringify(got.formats);
					expect(got.crashes, why).toEqual(ref.crashes);
					expect(got.kernel_version, why).toBe(ref.kernel_version);
					expect(got.boots, why).toEqual(ref.boots);
					expect(got.lines_total).toBe(text.split('\n').length - 1);
					expect(got.unparsed, why).toBe(0);
					expect(got.findings, why).toEqual(ref.findings);
					if (shape !== 'journal-cat') expect(got.reports, why).toEqual(ref.reports);
				});
			}
		});
	}
});
