/**
 * Crash findings that said more than the log does: an RCU stall's fault location taken from the
 * CPU its grace-period kthread last ran on (syzkaller report 720).
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';
import { fixture } from '../support/fixtures.ts';

describe('an RCU stall’s fault location is of what stalled', () => {
	it('none for a preempted reader, not the `RIP:` of the CPU the grace-period kthread last ran on (syzkaller 720: had been common_interrupt_return+0x1a/0xcc)', async () => {
		const [f] = (await crashesOf(fixture('syzkaller/720.log').split('\n'))).filter(
			(x) => x.rule === 'crash.rcu-stall'
		);
		expect(f.title).toBe('INFO: rcu detected stall in corrupted');
		expect(f.stack?.fault_location).toBeNull();
	});
});
