/**
 * Crash findings that named the wrong thing or linked what the log does not tie: RCU stalls whose
 * `CPU:` line is of another CPU than the stalled one (syzkaller reports 612, 688 and 720,
 * fixtures/syzkaller).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { fixture } from '../support/fixtures.ts';

async function stallOf(name: string) {
	const r = await analyzeText(fixture(name));
	const [f] = r.findings.filter((x) => x.rule === 'crash.rcu-stall');
	return f;
}

describe('an RCU stall names what stalled, not the CPU the grace-period kthread last ran on', () => {
	it('a blocked reader: the task dumped after `Tasks blocked on`, not `Stack dump where RCU GP kthread last ran:`’s NMI backtrace (syzkaller 720: had been CPU 0, pid 9452)', async () => {
		const f = await stallOf('syzkaller/720.log');
		// `Tasks blocked on level-0 rcu_node (CPUs 0-1): P9294/1:b..l`: the CPUs are the node's range
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([null, 9294, 'syz-executor']);
		expect(f.explanation.meaning).toContain(
			'Here the rcu_preempt grace period waited for 10002 jiffies for syz-executor (pid 9294), preempted inside an RCU read-side critical section (`Tasks blocked on … rcu_node`): its trace is where the reader was.'
		);
	});

	it('the same with the reader’s dump as the trace (syzkaller 612: had been CPU 1, pid 17698)', async () => {
		const f = await stallOf('syzkaller/612.log');
		expect(f.title).toBe('INFO: rcu detected stall in ext4_file_read_iter');
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([null, 17688, 'syz-executor.0']);
	});

	it('a self-detected stall: the CPU listed, not the kthread’s last CPU dumped first (syzkaller 688: had said `CPUs 1 and 0 reported its own stall`)', async () => {
		const f = await stallOf('syzkaller/688.log');
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([1, 1429, 'syz-executor913']);
		expect(f.explanation.meaning).toContain(
			'Here CPU 1 reported its own stall for 10500 jiffies, running syz-executor913 (pid 1429): the trace of the stalled CPU is where it was stuck.'
		);
	});

	it('keeps an NMI backtrace’s `CPU:` line that is of the stalled CPU (syzkaller 492)', async () => {
		const f = await stallOf('syzkaller/492.log');
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([0, 28547, 'syz-executor.1']);
	});
});
