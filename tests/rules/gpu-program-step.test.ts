/**
 * A GPU finding's first step says where the log names the program whose GPU work failed. It had
 * said "named in the line or details" for every GPU rule, and an AMD GPU reset's facts name no
 * program: the ring timeout before it does (amdgpu-crash-crash1-txt.log, lines 4270-4273, an
 * Arch desktop on 6.x whose `physics` process sent an illegal register write).
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../support/analyze.ts';

const CRASH = [
	'Jan 06 14:37:38 host1 kernel: [drm:gfx_v10_0_priv_reg_irq [amdgpu]] *ERROR* Illegal register access in command stream',
	'Jan 06 14:37:38 host1 kernel: [drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx_0.0.0 timeout, signaled seq=516877, emitted seq=516879',
	'Jan 06 14:37:38 host1 kernel: [drm:amdgpu_job_timedout [amdgpu]] *ERROR* Process information: process physics pid 37602 thread physics pid 37602',
	'Jan 06 14:37:38 host1 kernel: amdgpu 0000:0b:00.0: amdgpu: GPU reset begin!'
];

describe('the step naming the program of a GPU fault', () => {
	it('points a ring timeout at its process fact and a reset at the timeout before it', async () => {
		const r = await analyzeLines(CRASH);
		const step = (rule: string) =>
			r.findings.find((f) => f.rule === rule)?.explanation.next_steps[0];
		const timeout = r.findings.find((f) => f.rule === 'gpu.amdgpu-ring-timeout');
		expect(timeout?.details.process).toBe('physics');
		expect(step('gpu.amdgpu-ring-timeout')).toMatch(/^The program whose job hung is `process`/);
		expect(step('gpu.amdgpu-reset')).toMatch(
			/^The ring timeout or page fault before the reset names the program/
		);
	});

	it('says of a display timeout, which names no program, what to note instead', async () => {
		const r = await analyzeLines([
			'[  402.114213] [drm:drm_atomic_helper_wait_for_flip_done [drm_kms_helper]] *ERROR* [CRTC:51:pipe A] flip_done timed out'
		]);
		const steps = r.findings[0].explanation.next_steps;
		expect(steps[0]).toMatch(/^Note what was running when it happened/);
		expect(steps.join(' ')).not.toContain('named in the line or details');
	});
});
