/**
 * 4.x's KASAN report of an access to an address no object owns (`BUG: KASAN: wild-memory-access on
 * address 0000ffff00013138`) names no function: its title is syzkaller's `KASAN:
 * wild-memory-access Read`, but its trace does name where the bug is, below KASAN's own frames.
 * That function is its guilty frame (it had none), while the title and corruption stay
 * syzkaller's (report 18, whose log lost the trace, keeps none and stays corrupted).
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';
import { LKP48_KASAN } from '../support/excerpts.ts';

describe('a KASAN report `on address` names its guilty frame from its trace', () => {
	it('lkp-48: init_real_cpu_mask, under dump_stack, kasan_report and __asan_load8', async () => {
		const [f] = await crashesOf(LKP48_KASAN);
		expect(f.title).toBe('KASAN: wild-memory-access Read');
		expect(f.stack?.guilty_frame).toBe('init_real_cpu_mask');
		expect(f.details.corrupted).toBe(false);
		expect(f.alt_titles).toEqual([]);
	});

	it('only `?` frames name no guilty frame', async () => {
		const [f] = await crashesOf(
			LKP48_KASAN.filter(
				(l) =>
					!/\] {2}\[<[\da-f]+>\] (?:init_real_cpu_mask|node_affinity_init|hfi1_mod_init|do_one_initcall|kernel_init|ret_from_fork)/.test(
						l
					)
			)
		);
		expect(f.title).toBe('KASAN: wild-memory-access Read');
		expect(f.stack?.guilty_frame).toBeNull();
	});

	it('syzkaller report 18 (3.18, the trace lost): no guilty frame, still corrupted', async () => {
		// syzkaller pkg/report/testdata/linux/report/18 (Apache-2.0), its first five lines
		const [f] = await crashesOf([
			'[23818.431954] BUG: KASAN: null-ptr-deref on address           (null)',
			'',
			'[23818.438140] Read of size 4 by task syz-executor/22534',
			'',
			'[23818.443211] CPU: 3 PID: 22534 Comm: syz-executor Tainted: G     U         3.18.0 #78'
		]);
		expect(f.title).toBe('KASAN: null-ptr-deref Read');
		expect(f.stack?.guilty_frame).toBeNull();
		expect(f.details.corrupted).toBe(true);
	});
});
