/**
 * lockdep's `possible recursive locking detected` names the lock the task tries to take and the
 * one it holds; from 4.15 on each line starts with the lock's address. The same address in both is
 * the very same lock: a task that takes the mutex it holds waits for itself, a real deadlock (high),
 * not a possible one of two locks of one class (medium, "May be due to missing lock nesting
 * notation"). Without the addresses (3.x) nothing tells the two apart.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';
import { SATYR08_SYSFS_SELF_REMOVAL } from '../support/excerpts.ts';

// lkp-75.log lines 1-23 (kernel test robot, 5.10.110 with clang's gcov, i386): the boot's init
// takes gcov_lock in llvm_gcov_init while holding it; the log ends there
const GCOV = [
	'[    0.368007][    T1] ============================================',
	'[    0.368302][    T1] WARNING: possible recursive locking detected',
	'[    0.368598][    T1] 5.10.110-00159-g58823a9b097c #1 Not tainted',
	'[    0.368633][    T1] --------------------------------------------',
	'[    0.368633][    T1] swapper/1 is trying to acquire lock:',
	'[    0.368633][    T1] c39f57d0 (gcov_lock){+.+.}-{3:3}, at: llvm_gcov_init+0x3d/0xc2',
	'[    0.368633][    T1] ',
	'[    0.368633][    T1] but task is already holding lock:',
	'[    0.368633][    T1] c39f57d0 (gcov_lock){+.+.}-{3:3}, at: llvm_gcov_init+0x3d/0xc2',
	'[    0.368633][    T1] ',
	'[    0.368633][    T1] other info that might help us debug this:',
	'[    0.368633][    T1]  Possible unsafe locking scenario:',
	'[    0.368633][    T1] ',
	'[    0.368633][    T1]        CPU0',
	'[    0.368633][    T1]        ----',
	'[    0.368633][    T1]   lock(gcov_lock);',
	'[    0.368633][    T1] ',
	'[    0.368633][    T1]  *** DEADLOCK ***',
	'[    0.368633][    T1] ',
	'[    0.368633][    T1]  May be due to missing lock nesting notation',
	'[    0.368633][    T1] ',
	'[    0.368633][    T1] 1 lock held by swapper/1:',
	'[    0.368633][    T1]  #0: c39f57d0 (gcov_lock){+.+.}-{3:3}, at: llvm_gcov_init+0x3d/0xc2'
];

// syzkaller pkg/report/testdata/linux/report/234 (Apache-2.0), its report's lines: rtnl_mutex
// taken twice by one task
const RTNL = [
	'[  577.935684] ============================================',
	'[  577.936463] WARNING: possible recursive locking detected',
	'[  577.937224] 4.16.0+ #174 Not tainted',
	'[  577.937772] --------------------------------------------',
	'[  577.938510] syz-executor0/14230 is trying to acquire lock:',
	'[  577.939264] 0000000097f06d5d (rtnl_mutex){+.+.}, at: rtnl_lock+0x17/0x20',
	'[  577.940235] ',
	'[  577.940235] but task is already holding lock:',
	'[  577.941088] 0000000097f06d5d (rtnl_mutex){+.+.}, at: rtnl_lock+0x17/0x20',
	'[  577.942073] ',
	'[  577.942073] other info that might help us debug this:',
	'[  577.942994]  Possible unsafe locking scenario:',
	'[  577.942994] ',
	'[  577.943874]        CPU0',
	'[  577.944295]        ----',
	'[  577.944644]   lock(rtnl_mutex);',
	'[  577.945098]   lock(rtnl_mutex);',
	'[  577.945597] ',
	'[  577.945597]  *** DEADLOCK ***',
	'[  577.945597] ',
	'[  577.946394]  May be due to missing lock nesting notation',
	'[  577.946394] ',
	'[  577.947342] 2 locks held by syz-executor0/14230:',
	'[  577.947997]  #0: 0000000097f06d5d (rtnl_mutex){+.+.}, at: rtnl_lock+0x17/0x20',
	'[  577.950288]  #1: 000000000e50f4d1 (ipvs->sync_mutex){+.+.}, at: do_ip_vs_set_ctl+0x5a5/0x1d70'
];

// satyr-gitlog-12.log lines 1-22 (3.4, ARM): the same class, no addresses
const REGULATOR = [
	'=============================================',
	'[ INFO: possible recursive locking detected ]',
	'3.4.0 #3257 Tainted: G        W',
	'---------------------------------------------',
	'swapper/0/1 is trying to acquire lock:',
	' (&rdev->mutex){+.+.+.}, at: [<c036e9e0>] regulator_get_voltage+0x18/0x38',
	'',
	'but task is already holding lock:',
	' (&rdev->mutex){+.+.+.}, at: [<c036ef38>] regulator_set_optimum_mode+0x24/0x224',
	'',
	'other info that might help us debug this:',
	' Possible unsafe locking scenario:',
	'',
	'       CPU0',
	'       ----',
	'  lock(&rdev->mutex);',
	'  lock(&rdev->mutex);',
	'',
	' *** DEADLOCK ***',
	'',
	' May be due to missing lock nesting notation',
	''
];

// lkp-75's report with its lock lines made a percpu rw_semaphore's, read twice (synthesised: the
// corpus has no 4.15+ report of a read lock; the lock line as 5.x prints cpu_hotplug_lock, whose
// marks `{++++}` show its class taken for reading)
const READ_TWICE = GCOV.map((l) =>
	l.replace(
		'c39f57d0 (gcov_lock){+.+.}-{3:3}, at: llvm_gcov_init+0x3d/0xc2',
		'ffffffff82a4c1b0 (cpu_hotplug_lock.rw_sem){++++}-{0:0}, at: static_key_slow_inc+0x12/0x30'
	)
);

const lockdepOf = async (lines: string[]) =>
	(await findingsOf(lines)).filter((f) => f.rule === 'crash.lockdep');

describe('recursive locking of the very lock the task holds', () => {
	it('is a real deadlock: high, with the lock named and an explanation of its own', async () => {
		const [f] = await lockdepOf(GCOV);
		expect(f.title).toBe('possible deadlock in llvm_gcov_init');
		expect(f.severity).toBe('high');
		expect(f.details).toMatchObject({
			kind: 'deadlock (a task taking the lock it holds)',
			lock: 'gcov_lock',
			same_lock: true
		});
		expect(f.explanation.meaning).toMatch(/this is no possible deadlock but a real one/);
		expect(f.explanation.next_steps[0]).toMatch(/^Read the two `at:` lines/);
	});

	it('keeps syzkaller’s title for a fuzzer’s report (rtnl_mutex)', async () => {
		const [f] = await lockdepOf(RTNL);
		expect(f).toMatchObject({ title: 'possible deadlock in rtnl_lock', severity: 'high' });
		expect(f.details).toMatchObject({ lock: 'rtnl_mutex', same_lock: true });
	});

	it('stays a possible deadlock when the lock is read too: two reads hang only with a writer between them', async () => {
		const [f] = await lockdepOf(READ_TWICE);
		expect(f).toMatchObject({
			title: 'possible deadlock in static_key_slow_inc',
			severity: 'medium'
		});
		expect(f.details).toMatchObject({ kind: 'possible deadlock', lock: 'cpu_hotplug_lock.rw_sem' });
		expect(f.details).not.toHaveProperty('same_lock');
		expect(f.explanation.meaning).toMatch(
			/^Lockdep, the kernel’s locking checker, found locks taken/
		);
	});

	it('stays a possible deadlock when the report prints no addresses', async () => {
		const [f] = await lockdepOf(REGULATOR);
		expect(f).toMatchObject({
			title: 'possible deadlock in regulator_get_voltage',
			severity: 'medium'
		});
		expect(f.details).not.toHaveProperty('same_lock');
		expect(f.explanation.meaning).toMatch(
			/^Lockdep, the kernel’s locking checker, found locks taken/
		);
	});
});

describe('recursive locking of a sysfs file’s active reference by a write that removes its own directory', () => {
	it('is a hang of the writing task (high), the bug named in the store’s code, not in sysfs', async () => {
		const [f] = await lockdepOf(SATYR08_SYSFS_SELF_REMOVAL);
		// syzkaller's title stays
		expect(f.title).toBe('possible deadlock in sysfs_remove_dir');
		expect(f.severity).toBe('high');
		expect(f.details).toMatchObject({
			kind: 'deadlock (a sysfs write removing its own file)',
			lock: 's_active#13',
			sysfs_store: 'store',
			sysfs_removal_by: 'cpufreq_cpu_put'
		});
		expect(f.details).not.toHaveProperty('same_lock');
		const e = f.explanation;
		expect(e.meaning).toContain('it waits for itself');
		expect(e.meaning).toContain(
			'Here `filemonkey`’s write went to an attribute whose store function `store` called `cpufreq_cpu_put`, which dropped the last reference of its object'
		);
		expect(e.meaning).toContain('The bug is in `store` and `cpufreq_cpu_put`, not in sysfs.');
		expect(e.next_steps.join(' ')).toContain('Reboot to clear the hung task');
		expect(e.next_steps.join(' ')).toContain('not to sysfs’s');
	});

	it('stays a possible deadlock without the sysfs write in its trace', async () => {
		// the same report with its trace cut before the store and the write
		const [f] = await lockdepOf(SATYR08_SYSFS_SELF_REMOVAL.slice(0, 35));
		expect(f).toMatchObject({ title: 'possible deadlock in sysfs_remove_dir', severity: 'medium' });
		expect(f.details).not.toHaveProperty('sysfs_store');
		expect(f.details.kind).toBe('possible deadlock');
	});
});
