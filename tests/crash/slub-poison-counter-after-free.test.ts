/**
 * SLUB's `Poison overwritten` over one single byte that is the poison (0x6b) minus or plus one is a
 * counter of the freed object decremented or incremented after the free: a reference count put on
 * a freed object. Its explanation says so, and how to find the field; every SLUB report is SLUB
 * debugging's own, so none is told to boot with `slub_debug` as though it were off.
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';
import { SATYR19_POISON } from '../support/excerpts.ts';

/** satyr-gitlog-19.log lines 1-25 (3.x x86-64): numa_policy's refcount (offset 0) put after its free */
const MPOL = SATYR19_POISON;

async function slab(lines: string[]) {
	const [f] = (await crashesOf(lines)).filter((x) => x.rule === 'crash.slab');
	expect(f).toBeDefined();
	return f;
}

describe('a freed object’s poison byte off by one is a counter put after the free', () => {
	it('0x6a instead of 0x6b over one byte: a decrement, the reference count put on a freed object', async () => {
		const f = await slab(MPOL);
		expect(f.title).toBe('SLUB: Poison overwritten in __mpol_put');
		expect(f.explanation.meaning).toMatch(
			/became 0x6a \(or 0x6c\), the poison minus \(or plus\) one/
		);
		expect(f.explanation.next_steps).toContainEqual(expect.stringMatching(/^Find the field: /));
		expect(f.explanation.next_steps.some((s) => s.includes('slub_debug'))).toBe(false);
	});

	it('an increment (0x6c) too', async () => {
		const f = await slab(MPOL.map((l) => l.replace('0x6a instead', '0x6c instead')));
		expect(f.explanation.meaning).toContain('the poison minus (or plus) one');
	});

	it('a write over several bytes, or of another value, keeps the generic explanation', async () => {
		for (const lines of [
			MPOL.map((l) => l.replace('-0xffff880146498250.', '-0xffff880146498257.')),
			MPOL.map((l) => l.replace('0x6a instead', '0x00 instead'))
		]) {
			const f = await slab(lines);
			expect(f.explanation.meaning).toMatch(/^The slab allocator’s debugging checks found/);
			expect(f.explanation.next_steps).toContainEqual(
				expect.stringMatching(/^SLUB debugging is already on for this cache/)
			);
		}
	});
});
