/** Severity of crash-class reports as users read them (syzkaller's ranking, with its exceptions). */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { SATYR01_RECURSIVE_LOCKUP } from '../support/excerpts.ts';

describe('crash severity', () => {
	it('takes a netdev reference wait that clears as a problem, not a kernel crash (real server log)', async () => {
		const lines = [
			'Mar  4 10:00:01 srv kernel: [86401.000000] docker0: port 3(veth1a2b3c4) entered disabled state',
			'Mar  4 10:00:11 srv kernel: [86411.000000] unregister_netdevice: waiting for lo to become free. Usage count = 1',
			'Mar  4 10:00:21 srv kernel: [86421.000000] unregister_netdevice: waiting for lo to become free. Usage count = 1',
			'Mar  4 10:00:25 srv kernel: [86425.000000] docker0: port 4(veth9f8e7d6) entered blocking state'
		];
		const r = await analyzeText(lines.join('\n') + '\n');
		const f = r.findings.find((x) => x.category === 'crash')!;
		expect(f.title).toBe('unregister_netdevice: waiting for DEV to become free');
		expect(f.severity).toBe('medium');
		expect(r.summary.verdict).toBe('problems');
	});

	it('takes a spinlock lockup on a lock its own task holds as a hang, the lockdep warning before it as medium (real arm log)', async () => {
		const r = await analyzeText(SATYR01_RECURSIVE_LOCKUP.join('\n') + '\n');
		const lockup = r.findings.find((f) => f.title.startsWith('BUG: spinlock lockup'))!;
		expect(lockup.title).toBe('BUG: spinlock lockup suspected in mxs_mmc_enable_sdio_irq');
		expect(lockup.severity).toBe('high');
		expect(lockup.details.kind).toBe('spinlock lockup (a CPU stuck waiting for a lock)');
		const lockdep = r.findings.find((f) => f.title.startsWith('possible deadlock'))!;
		expect(lockdep.severity).toBe('medium');
		expect(r.summary.verdict).toBe('kernel-crash');
	});

	it('keeps spinlock misuse that does not hang (bad magic, already unlocked) medium (syzkaller report)', async () => {
		const r = await analyzeText(
			[
				'[  100.000000] BUG: spinlock bad magic on CPU#1, syz-executor3/12345',
				'[  100.000000]  lock: 0xffff88806a5c8e10, .magic: 00000000, .owner: <none>/-1, .owner_cpu: 0',
				'[  100.000000] CPU: 1 PID: 12345 Comm: syz-executor3 Not tainted 4.19.0 #1',
				'[  100.000000] Call Trace:',
				'[  100.000000]  dump_stack+0x1c4/0x2b4',
				'[  100.000000]  spin_bug+0x1b6/0x1d0',
				'[  100.000000]  do_raw_spin_lock+0x2ad/0x320',
				'[  100.000000]  _raw_spin_lock_irqsave+0x9e/0xc0',
				'[  100.000000]  tty_port_close_start+0x3f/0x5c0',
				'[  100.000000]  tty_port_close+0x29/0x150',
				'[  100.000000]  do_syscall_64+0x1b9/0x820'
			].join('\n') + '\n'
		);
		const f = r.findings.find((x) => x.category === 'crash')!;
		expect(f.title).toBe('BUG: spinlock bad magic in tty_port_close_start');
		expect(f.severity).toBe('medium');
		expect(f.details.kind).toBe('spinlock misuse');
	});
	it('tells a spinlock cpu recursion (another task holds the lock on this CPU) from a task taking its own lock again', async () => {
		// spin_dump()'s format (kernel/locking/spinlock_debug.c), a lock left held by a task that slept
		const report = (what: string) =>
			[
				`[  100.000000] BUG: spinlock ${what} on CPU#1, kworker/1:2/345`,
				'[  100.000000]  lock: 0xffff88806a5c8e10, .magic: dead4ead, .owner: kworker/1:1/123, .owner_cpu: 1',
				'[  100.000000] CPU: 1 PID: 345 Comm: kworker/1:2 Not tainted 4.19.0 #1',
				'[  100.000000] Call Trace:',
				'[  100.000000]  dump_stack+0x1c4/0x2b4',
				'[  100.000000]  spin_dump+0x8e/0xa0',
				'[  100.000000]  do_raw_spin_lock+0x2ad/0x320',
				'[  100.000000]  _raw_spin_lock_irqsave+0x9e/0xc0',
				'[  100.000000]  foo_work_fn+0x3f/0x5c0',
				'[  100.000000]  process_one_work+0x29/0x150',
				'[  100.000000]  worker_thread+0x1b9/0x820'
			].join('\n') + '\n';
		const kind = async (what: string) =>
			(await analyzeText(report(what))).findings.find((x) => x.category === 'crash')!;
		const cpu = await kind('cpu recursion');
		expect(cpu.title).toBe('BUG: spinlock cpu recursion in foo_work_fn');
		expect(cpu.severity).toBe('high');
		expect(cpu.details.kind).toBe('lock taken again on the CPU that holds it (deadlock)');
		const own = await kind('recursion');
		expect(own.details.kind).toBe('lock taken again by its holder (deadlock)');
	});
});

describe('a crash asked for with SysRq c', () => {
	it('is a low notice with kdump advice, not a critical kernel bug (real Fedora 5.4 kdump test)', async () => {
		// abrt-oops-without-addrs.log lines 699-716 (abrt's test data): bash wrote c to
		// /proc/sysrq-trigger with a kdump kernel loaded
		const log = [
			'[ 1156.703451] sysrq: Trigger a crash',
			'[ 1156.703559] Kernel panic - not syncing: sysrq triggered crash',
			'[ 1156.703618] CPU: 0 PID: 4952 Comm: bash Kdump: loaded Not tainted 5.4.0-0.rc6.git0.1.fc32.x86_64 #1',
			'[ 1156.703697] Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.12.0-2.fc30 04/01/2014',
			'[ 1156.703809] Call Trace:',
			'[ 1156.703883]   dump_stack+0x5c/0x80',
			'[ 1156.703920]   panic+0x101/0x2e3',
			'[ 1156.703955]   ? printk+0x58/0x6f',
			'[ 1156.703990]   sysrq_handle_crash+0x11/0x20',
			'[ 1156.704041]   __handle_sysrq.cold+0xcc/0x115',
			'[ 1156.704089]   write_sysrq_trigger+0x27/0x40',
			'[ 1156.704154]   proc_reg_write+0x3c/0x60',
			'[ 1156.704194]   vfs_write+0xb6/0x1a0',
			'[ 1156.704229]   ksys_write+0x5f/0xe0',
			'[ 1156.704267]   do_syscall_64+0x5b/0x180',
			'[ 1156.704306]   entry_SYSCALL_64_after_hwframe+0x44/0xa9',
			'[ 1156.704357] RIP: 0033:0x7f4584447447'
		];
		const r = await analyzeText(log.join('\n') + '\n');
		const f = r.findings.find((x) => x.category === 'crash')!;
		expect(f.title).toBe('kernel panic: sysrq triggered crash');
		expect(f.rule).toBe('crash.sysrq-crash');
		expect(f.severity).toBe('low');
		expect(f.details.panicked).toBe(true);
		const steps = f.explanation.next_steps.join('\n');
		expect(steps).toContain('/var/crash/');
		expect(steps).not.toContain('decode_stacktrace');
		expect(r.summary.verdict).toBe('minor-issues');
	});

	it('takes the oops older kernels printed for SysRq c (a NULL write in sysrq_handle_crash) the same way', async () => {
		// the 2.6/3.x form, as RHEL 6 kdump documentation shows it
		const log = [
			'SysRq : Trigger a crash',
			'BUG: unable to handle kernel NULL pointer dereference at (null)',
			'IP: [<ffffffff8132f9b6>] sysrq_handle_crash+0x16/0x20',
			'PGD 7a4ef067 PUD 7a4ee067 PMD 0 ',
			'Oops: 0002 [#1] SMP ',
			'Pid: 2716, comm: bash Not tainted 2.6.32-431.el6.x86_64 #1 Red Hat KVM',
			'Call Trace:',
			' [<ffffffff8132fc72>] __handle_sysrq+0x132/0x1a0',
			' [<ffffffff8132fd2e>] write_sysrq_trigger+0x4e/0x50',
			' [<ffffffff811f03ee>] proc_reg_write+0x7e/0xc0',
			' [<ffffffff81188c38>] vfs_write+0xb8/0x1a0',
			' [<ffffffff81189531>] sys_write+0x51/0x90',
			' [<ffffffff8100b072>] system_call_fastpath+0x16/0x1b'
		];
		const r = await analyzeText(log.join('\n') + '\n');
		const f = r.findings.find((x) => x.category === 'crash')!;
		expect(f.title).toBe(
			'BUG: unable to handle kernel NULL pointer dereference in sysrq_handle_crash'
		);
		expect(f.rule).toBe('crash.sysrq-crash');
		expect(f.severity).toBe('low');
	});
});
