/**
 * A crash title found wrong by a QA reading of the real-log corpus (../shared/corpus/real), with
 * a verbatim excerpt: lkp-73.log, a `Bad page cache` report titled `Bad page state in corrupted`.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';
import { LKP73_BAD_PAGE } from '../support/excerpts.ts';

describe('Bad page cache', () => {
	const REPORT = LKP73_BAD_PAGE;

	it("keeps the kernel's word and takes the frame from the call trace of the check", async () => {
		const f = await findingsOf(REPORT);
		expect(f.map((x) => [x.rule, x.title])).toEqual([
			['crash.bad-page', 'BUG: Bad page cache in shmem_undo_range']
		]);
		expect(f[0].details).toMatchObject({ corrupted: false });
		expect(f[0].explanation.meaning).toMatch(/removing it from the page cache/);
	});
});
