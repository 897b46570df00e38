import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';

/**
 * syzkaller's expected titles for a subset of its report corpus (fixtures/syzkaller/README.md),
 * checked through the public pipeline: the first crash finding of each log.
 */
const DIR = join(__dirname, '../../fixtures/syzkaller');
const ids = readdirSync(DIR)
	.filter((f) => f.endsWith('.expect.json'))
	.map((f) => f.slice(0, -'.expect.json'.length))
	.sort((a, b) => Number(a) - Number(b));

interface Expect {
	title: string | null;
	alt_titles: string[];
	corrupted: boolean;
	type?: string | null;
}

describe('syzkaller golden crash titles', () => {
	it('has a representative subset', () => {
		expect(ids.length).toBeGreaterThanOrEqual(60);
	});

	for (const id of ids) {
		const exp = JSON.parse(readFileSync(join(DIR, `${id}.expect.json`), 'utf8')) as Expect;
		it(`report ${id}: ${exp.title ?? 'no crash'}`, async () => {
			const log = readFileSync(join(DIR, `${id}.log`), 'utf8');
			const result = await analyzeText(log);
			const crash = result.findings.find((f) => f.category === 'crash') ?? null;
			if (exp.title === null) {
				expect(crash?.title ?? null).toBeNull();
				return;
			}
			expect(crash?.title).toBe(exp.title);
			expect([...(crash?.alt_titles ?? [])].sort()).toEqual([...exp.alt_titles].sort());
			expect(crash?.details.corrupted).toBe(exp.corrupted);
			if (exp.type) expect(crash?.details.type).toBe(exp.type);
		});
	}
});
