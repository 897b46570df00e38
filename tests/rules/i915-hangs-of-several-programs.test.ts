/**
 * i915's GPU hangs of one boot are one finding: its facts had named the first hang's program
 * only, and its first step sent the reader to them for every hang. The programs of all of them
 * are listed (`processes`), each one's first line in the evidence.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

// the two GPU HANG wordings of the reference log shapes (log-shapes.md: 5.x on, and older),
// given times; a second hang of the first program adds no line of its own
const HANGS = [
	'[  100.000001] i915 0000:00:02.0: [drm] GPU HANG: ecode 12:1:8ed9fff2, in python3 [6414]',
	'[  160.000001] [drm] GPU HANG: ecode 5:0:0xb5cefffc, in compiz [2650], reason: Ring hung, action: reset',
	'[  220.000001] i915 0000:00:02.0: [drm] GPU HANG: ecode 12:1:8ed9fff2, in python3 [6414]'
];

describe('GPU hangs of several programs', () => {
	it('lists each program, and the first step says where to read them', async () => {
		const f = (await findingsOf(HANGS)).filter((x) => x.rule === 'gpu.i915-hang');
		expect(f).toHaveLength(1);
		expect(f[0].count).toBe(3);
		expect(f[0].details).toMatchObject({
			process: 'python3',
			pid: 6414,
			processes: ['python3', 'compiz']
		});
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 2]);
		expect(f[0].explanation.next_steps[0]).toMatch(
			/`process` and `pid` in the facts are the first hang’s; `processes` lists the programs of all of them/
		);
	});
});
