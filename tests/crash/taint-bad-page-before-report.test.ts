/**
 * A crash report of a kernel that had found memory in a bad state before it (taint `B` in its
 * `Tainted:` line) may be that corruption's consequence: its explanation says so and points at
 * the first such report, before the steps for a bug of its own.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';
import { ABRT_BG1, LKP73_BAD_PAGE } from '../support/excerpts.ts';

// abrt koops-tainted-bg1 (Fedora 15, 2.6.38, i686), lines 1-36: `kernel BUG at mm/filemap.c:125!`
// in `rm`'s unlink, `Tainted: G    B`
const TAINTED_B = ABRT_BG1.slice(0, 36);

describe('a crash report after memory was found in a bad state (taint B)', () => {
	it('says it may be the consequence, and to read the first bad-page report first', async () => {
		const [bug] = await findingsOf(TAINTED_B);
		expect([bug.rule, bug.title, bug.details.taint]).toEqual([
			'crash.bug',
			'kernel BUG in __remove_from_page_cache',
			'G    B'
		]);
		expect(bug.explanation.meaning).toMatch(/already found memory in a bad state .*taint `B`/);
		const step = bug.explanation.next_steps.find((s) => s.startsWith('Find the first report'));
		expect(step).toMatch(
			/`BUG: Bad page state`.*keep coming at random places, test the RAM \(memtest86\+\)\.$/
		);
	});

	it('names the memory test once when the report’s own steps name it (lkp-73: a bad page cache in a QEMU guest)', async () => {
		const [bad] = (await findingsOf(LKP73_BAD_PAGE)).filter((f) => f.category === 'crash');
		expect(bad.details.taint).toMatch(/B/);
		const steps = bad.explanation.next_steps;
		expect(steps.filter((s) => s.includes('memtest86+'))).toHaveLength(1);
		expect(steps.at(-1)).toMatch(/^Find the first report of this boot .* and read it first\.$/);
	});

	it('says nothing of it without the taint', async () => {
		const clean = TAINTED_B.map((l) => l.replace('Tainted: G    B      ', 'Not tainted '));
		expect(clean).not.toEqual(TAINTED_B);
		const [bug] = await findingsOf(clean);
		expect(bug.details.taint_flags).toEqual([]);
		expect(bug.explanation.meaning).not.toMatch(/taint `B`/);
		expect(bug.explanation.next_steps.some((s) => s.startsWith('Find the first report'))).toBe(
			false
		);
	});
});
