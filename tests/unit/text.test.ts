/**
 * util/text.ts: the copies the report keeps of strings cut from the input are equal to them and
 * are new values (that they share no memory is V8's representation, measured with heap
 * snapshots, see docs/ARCHITECTURE.md, not something a test can see).
 */
import { describe, expect, it } from 'vitest';
import { detach, detachDeep } from '../../src/lib/util/text.ts';

describe('detach', () => {
	it('returns an equal string for short, long, empty and non-ASCII text', () => {
		const window = `${'x'.repeat(5000)}[  12.5] Linux version 6.8.0-31-generic (buildd@lcy02) \u00e9t\u00e9`;
		for (const s of ['', 'a', window.slice(5000, 5012), window.slice(5000), window])
			expect(detach(s)).toBe(s);
	});

	it('copies strings through arrays and plain objects and keeps other values', () => {
		const kept = {
			frames: [{ function: 'dump_stack', offset: 0x1c, inline: false }],
			details: { comm: 'kworker/0:1', pid: 12, taint: null, modules: ['ext4', 'nvme'] }
		};
		const copy = detachDeep(kept);
		expect(copy).toEqual(kept);
		expect(copy).not.toBe(kept);
		expect(copy.frames[0]).not.toBe(kept.frames[0]);
		expect(copy.details.modules).not.toBe(kept.details.modules);
		expect(detachDeep(null)).toBe(null);
		expect(detachDeep(3)).toBe(3);
	});
});
