/**
 * Crash titles where NecroScope had left syzkaller's on purpose: a stack overflow whose stack
 * shows no dispatcher (syzkaller report 344, fixtures/syzkaller) is `… in corrupted`, as
 * syzkaller titles it, while a stall or lockup without one keeps its top frame as a hint
 * (crash-dmesg).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { crashesOf } from '../support/analyze.ts';
import { fixture } from '../support/fixtures.ts';

describe('a report without a dispatcher on its stack', () => {
	it('is a stack overflow in corrupted: its top frame is only where the stack ran out (syzkaller 344)', async () => {
		// ksoftirqd/0 recursing through __udp6_lib_err → udplitev6_err → gue6_err … until the
		// guard page, in __udp6_lib_lookup; every frame of the trace is `?`
		const r = await analyzeText(fixture('syzkaller/344.log'));
		const [c] = r.findings.filter((f) => f.category === 'crash');
		expect(c.rule).toBe('crash.stack-overflow');
		// it had been `… in __udp6_lib_lookup`, the one title of the corpus unlike syzkaller's
		expect(c.title).toBe('BUG: stack guard page was hit in corrupted');
		expect(c.alt_titles).toEqual(['stack-overflow in corrupted']);
		expect(c.stack?.guilty_frame).toBeNull();
		expect(c.details.corrupted).toBe(true);
		expect(c.details.corrupted_reason).toBe(
			"no dispatcher on the stack (a stack overflow's top frame is only where the stack ran out)"
		);
		// the faulting location is kept
		expect(c.stack?.fault_location).toBe('__udp6_lib_lookup+0x1d/0x3f0');
	});

	it('is a soft lockup named by its top frame: where the CPU spins (crash-dmesg)', async () => {
		// fixtures/headline/crash-dmesg-vmcore-excerpt.log lines 1-124 (the log's 39-162)
		const soft = fixture('headline/crash-dmesg-vmcore-excerpt.log').split('\n').slice(0, 124);
		const [c] = await crashesOf(soft);
		expect(c.title).toBe('BUG: soft lockup in ebt_arp_mt');
		expect(c.details.corrupted_reason).toBe(
			'no dispatcher on the stack: the top frame names the stall'
		);
	});
});
