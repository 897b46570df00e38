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
});
