/**
 * Crash facts (task, CPU, kernel version, taint) found wrong or missing by a QA reading of the
 * real-log corpus, each with a verbatim excerpt of the log named in its comment.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';
import {
	LKP48_GPF,
	SATYR01_RECURSIVE_LOCKUP,
	SATYR08_SYSFS_SELF_REMOVAL
} from '../support/excerpts.ts';

async function crash(lines: string[]) {
	const c = (await findingsOf(lines)).filter((f) => f.category === 'crash');
	expect(c.length).toBeGreaterThan(0);
	return c[0];
}

describe('lockdep report without a CPU: line', () => {
	// satyr-gitlog-01.log lines 1-34 (arm, 3.5.0-rc5): the stack dump prints no `CPU:` line
	const RECURSIVE = SATYR01_RECURSIVE_LOCKUP.slice(0, 34);
	// satyr-gitlog-08.log lines 1-40 (arm, 3.4.0, no timestamps): a tainted kernel
	const TAINTED = SATYR08_SYSFS_SELF_REMOVAL;
	// satyr-gitlog-16.log (3.5.0-rc1): a release, the command holds a colon
	const UNLOCK = [
		'[   45.153294] =====================================',
		'[   45.154784] [ BUG: bad unlock balance detected! ]',
		'[   45.155591] 3.5.0-rc1-00002-gb22b1f1 #124 Not tainted',
		'[   45.155591] -------------------------------------',
		'[   45.155591] flush-254:16/2499 is trying to release lock (&(&wb->list_lock)->rlock) at:',
		'[   45.155591] [<c022c3da>] writeback_sb_inodes+0x160/0x327',
		'[   45.155591] but there are no more locks to release!'
	];

	it('reads the release from the identity line and the task from the task line', async () => {
		const f = await crash(RECURSIVE);
		expect(f.title).toBe('possible deadlock in mxs_mmc_enable_sdio_irq');
		expect(f.details.kernel_version).toBe('3.5.0-rc5');
		expect(f.details.comm).toBe('ksdioirqd/mmc0');
		expect(f.details.pid).toBe(73);
		expect(f.details.cpu).toBeNull();
		expect(f.explanation.next_steps.join('\n')).toContain('decode_stacktrace.sh -r 3.5.0-rc5 ');
	});

	it('reads the taint letters of the identity line', async () => {
		const f = await crash(TAINTED);
		expect(f.details.kernel_version).toBe('3.4.0');
		expect(f.details.taint).toBe('G        W');
		expect(f.details.comm).toBe('filemonkey');
		expect(f.details.pid).toBe(122);
	});

	it('reads the task of a bad unlock', async () => {
		const f = await crash(UNLOCK);
		expect(f.details.kernel_version).toBe('3.5.0-rc1-00002-gb22b1f1');
		expect(f.details.comm).toBe('flush-254:16');
		expect(f.details.pid).toBe(2499);
	});
});

describe('workqueue lockup: where to look', () => {
	// lkp-50.log lines 4-8 (kernel test robot, QEMU, 4.8.0-rc1): the busy-workqueue dump names the
	// stuck work, and the advice said only to search for the title
	const REPORT = [
		'[   91.718045] BUG: workqueue lockup - pool cpus=1 node=0 flags=0x0 nice=0 stuck for 45s!',
		'[   91.730295] BUG: workqueue lockup - pool cpus=0-1 flags=0x4 nice=0 stuck for 43s!',
		'[   91.731336] Showing busy workqueues and worker pools:',
		'[   91.731987] workqueue events: flags=0x0',
		'[   91.732514]   pwq 2: cpus=1 node=0 flags=0x0 nice=0 active=3/256'
	];

	it('points at the busy-workqueue dump and at a CPU kept busy', async () => {
		const f = await crash(REPORT);
		expect(f.title).toBe('BUG: workqueue lockup');
		expect(f.explanation.next_steps[0]).toContain('Showing busy workqueues and worker pools:');
		expect(f.explanation.causes.map((c) => c.text).join('\n')).toContain('cond_resched()');
	});
	it('rates it high, as a hang: no work ran on the pool for 45 s', async () => {
		const f = await crash(REPORT);
		expect(f.severity).toBe('high');
	});
});

describe('taint B after a KASAN report', () => {
	// lkp-48.log: the KASAN report just before the fault set B, which was explained as a bad page only
	it('says a memory-error detector sets B too', async () => {
		const f = await crash(LKP48_GPF);
		expect(f.title).toBe('general protection fault in init_real_cpu_mask');
		expect(f.details.taint).toBe('G    B');
		expect(String((f.details.taint_flags as string[])[0])).toContain('KASAN');
	});
});
