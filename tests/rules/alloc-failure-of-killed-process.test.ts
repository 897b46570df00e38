/**
 * A page allocation failure of an Android app's binder thread whose process the oom_reaper reaps
 * right after: the failure belongs to the kill (info), not a memory problem of its own (medium).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

// androiddmesg-dmesg-txt.log lines 60-64 and 112-113 (a 5.4 GKI phone, dmesg -T): lmkd's kills,
// reaped at once; the failing thread's process, 31804, is reaped 50 lines after its failure
const FAILED_THEN_REAPED = [
	'[Sat Jun  8 01:41:08 2024] binder: 2693:2706 ioctl c0306201 74886dba78 returned -14',
	'[Sat Jun  8 01:41:08 2024] oom_reaper: reaped process 2693 (hj.zwh), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB',
	'[Sat Jun  8 01:41:08 2024] warn_alloc: 1 callbacks suppressed',
	'[Sat Jun  8 01:41:08 2024] binder:31804_2: page allocation failure: order:0, mode:0x3100cca(GFP_HIGHUSER_MOVABLE|0x3000000), nodemask=(null),cpuset=background,mems_allowed=0',
	'[Sat Jun  8 01:41:08 2024] CPU: 5 PID: 31817 Comm: binder:31804_2 Tainted: G S      WC        5.4.259-qgki-gbb5b3f695614 #1',
	'[Sat Jun  8 01:41:08 2024] binder: 31804:31817 ioctl c0306201 74886d0a78 returned -14',
	'[Sat Jun  8 01:41:08 2024] oom_reaper: reaped process 31804 (e.process.gapps), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB'
];

describe('a page allocation failure of a process being killed', () => {
	it('is info, with the reaping as evidence (had been medium, the report’s lead)', async () => {
		const f = await findingsOf(FAILED_THEN_REAPED);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			['memory.process-reaped', 'Processes killed to free memory (oom_reaper)', 'low', 2],
			[
				'memory.page-allocation-failure',
				'Page allocation failure in a process being killed (order 0)',
				'info',
				1
			]
		]);
		const alloc = f[1];
		// the process the facts name is the thread's, by its pid and the name the reaper gives
		// (a `device` detail had read `process 31804`)
		expect(alloc.details).toEqual({
			process: 'binder:31804_2',
			order: 0,
			gfp_mask: '0x3100cca',
			gfp_flags: 'GFP_HIGHUSER_MOVABLE|0x3000000',
			process_pid: 31804,
			killed_process: 'e.process.gapps'
		});
		expect(alloc.evidence.map((e) => e.text)).toEqual(
			[FAILED_THEN_REAPED[3], FAILED_THEN_REAPED[6]].map((l) => l.slice(27))
		);
		expect(alloc.explanation.next_steps[0]).toMatch(/^Nothing is needed for this failure itself/);
	});

	it('stays medium when another process is reaped', async () => {
		const f = await findingsOf([FAILED_THEN_REAPED[3], FAILED_THEN_REAPED[1]]);
		expect(f.find((x) => x.rule === 'memory.page-allocation-failure')).toMatchObject({
			title: 'Page allocation failure (order 0)',
			severity: 'medium'
		});
	});
});
