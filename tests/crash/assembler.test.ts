import { describe, expect, it } from 'vitest';
import { BlockAssembler } from '../../src/lib/ingestion/blocks/assembler.ts';
import { matchHeader } from '../../src/lib/ingestion/blocks/headers.ts';
import type { ErrorBlock } from '../../src/lib/models/error-block.ts';

function assemble(lines: Array<[string, string]>): ErrorBlock[] {
	const out: ErrorBlock[] = [];
	const a = new BlockAssembler((b) => out.push(b));
	lines.forEach(([ctx, text], i) => a.push(i + 1, text, 10 + i * 0.001, ctx, 0));
	a.closeAll('eof');
	return out.sort((x, y) => x.startLine - y.startLine);
}

describe('oops headers', () => {
	it('opens reports on syzkaller’s substrings and skips their exclusions', () => {
		expect(matchHeader('BUG: KASAN: use-after-free in foo+0x1/0x2')?.key).toBe('BUG:');
		expect(matchHeader('ODEBUG: BUG: free active object')).toBeNull();
		expect(matchHeader('INFO: lockdep is turned off.')).toBeNull();
		expect(matchHeader('EXT4-fs (sda1): WARNING: mounting fs with errors')).toBeNull();
		expect(
			matchHeader(
				'traps: a.out[12] general protection fault ip:4005d6 sp:7ffd error:0 in a.out[400000+1000]'
			)
		).toBeNull();
		expect(matchHeader('kernel BUG at mm/slub.c:123!')?.key).toBe('kernel BUG');
		expect(matchHeader('Kernel panic - not syncing: Fatal exception')?.splits).toBe(false);
		expect(matchHeader('BUG dentry (Not tainted): Poison overwritten')?.extra).toBe(true);
		expect(matchHeader('eth0: link up, 1000 Mbps, full duplex')).toBeNull();
	});
});

describe('block assembly', () => {
	it('ends a one-line report (unregister_netdevice) at the first line that is not its trace', () => {
		for (const ctx of ['', 'console']) {
			const b = assemble([
				[ctx, 'unregister_netdevice: waiting for lo to become free. Usage count = 1'],
				[ctx, 'IPv6: ADDRCONF(NETDEV_UP): veth1: link is not ready'],
				[ctx, 'docker0: port 1(veth1) entered blocking state'],
				[ctx, 'unregister_netdevice: waiting for lo to become free. Usage count = 1'],
				[ctx, 'ref_tracker: lo@ffff888012345678 has 1/1 users at'],
				[ctx, '     __netdev_tracker_alloc include/linux/netdevice.h:4000 [inline]'],
				[ctx, '     dst_init+0x10/0x20'],
				[ctx, 'IPv6: ADDRCONF(NETDEV_CHANGE): veth1: link becomes ready']
			]);
			expect(
				b.map((x) => [x.startLine, x.endLine]),
				`context '${ctx}'`
			).toEqual([
				[1, 1],
				[4, 7]
			]);
		}
	});

	it('ends a workqueue lockup at the end of its dump and an rss-counter BUG at its line', () => {
		// lkp-64.log: the lockup's header was cut; the raid6 self-test's lines are not its report
		const lockup = assemble([
			['console', 'raid6test: test_disks(24, 38): faila= 24(D)  failb= 38(D)  OK'],
			['console', 'BUG: workqueue lockup - pool'],
			['console', 'raid6test: test_disks(24, 39): faila= 24(D)  failb= 39(D)  OK'],
			['console', 'raid6test: test_disks(24, 40): faila= 24(D)  failb= 40(D)  OK']
		]);
		expect(lockup.map((x) => [x.startLine, x.endLine])).toEqual([[2, 2]]);
		// lkp-50.log: show_all_workqueues()'s dump is the report's
		const dump = assemble([
			['console', 'BUG: workqueue lockup - pool cpus=0-1 flags=0x4 nice=0 stuck for 43s!'],
			['console', 'Showing busy workqueues and worker pools:'],
			['console', 'workqueue events: flags=0x0'],
			['console', '  pwq 2: cpus=1 node=0 flags=0x0 nice=0 active=3/256'],
			['console', '    pending: vmstat_shepherd, check_corruption'],
			['console', 'pool 2: cpus=1 node=0 flags=0x0 nice=0 hung=45s workers=2 idle: 17'],
			['console', 'raid6test: test_disks(24, 39): faila= 24(D)  failb= 39(D)  OK']
		]);
		expect(dump.map((x) => [x.startLine, x.endLine])).toEqual([[1, 6]]);
		// lkp-bad-rss-counter-02.log: check_mm() prints one line; the audit lines after it are not its
		const rss = assemble([
			['console', 'BUG: Bad rss-counter state mm:0000000002d98df7 type:MM_ANONPAGES val:512'],
			[
				'console',
				'audit: type=1326 audit(1621988599.539:35): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1776 comm="trinity-c5" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0'
			]
		]);
		expect(rss.map((x) => [x.startLine, x.endLine])).toEqual([[1, 1]]);
	});

	it('keeps a panic printed after the end marker in the same report', () => {
		const b = assemble([
			['console', 'general protection fault: 0000 [#1] SMP'],
			['console', 'RIP: 0010:foo+0x1/0x2'],
			['console', '---[ end trace 0123456789abcdef ]---'],
			['console', 'Kernel panic - not syncing: Fatal exception'],
			['console', 'random later line']
		]);
		expect(b).toHaveLength(1);
		expect(b[0].lines.map((l) => l.line)).toContain(4);
	});

	it('links a report to the one it interrupts in the same context', () => {
		const b = assemble([
			['T10', 'BUG: KASAN: use-after-free in foo+0x1/0x2'],
			['T10', 'Read of size 8 at addr ffff888012345678 by task a/10'],
			['T10', 'WARNING: possible circular locking dependency detected'],
			['T20', 'BUG: soft lockup - CPU#1 stuck for 22s! [b:20]'],
			['T10', 'is trying to acquire lock:']
		]);
		expect(b.map((x) => [x.startLine, x.follows ?? null])).toEqual([
			[1, null],
			[3, 1],
			[4, null]
		]);
		// the interrupted per-task report still sees what followed (syzkaller does not cut it)
		expect(b[0].lines.map((l) => l.line)).toEqual([1, 2, 5]);
		expect(b[1].lines.map((l) => l.line)).toEqual([3, 5]);
	});

	it('drops a truncated header that is printed again in full', () => {
		const b = assemble([
			['T31', 'INFO: t'],
			['T31', 'INFO: task udevd:5612 blocked for more than 143 seconds.']
		]);
		expect(b).toHaveLength(1);
		expect(b[0].lines[0].text).toContain('udevd');
	});

	it('keeps contexts apart', () => {
		const b = assemble([
			['C0', 'BUG: soft lockup - CPU#0 stuck for 22s! [a:1]'],
			['C1', 'INFO: rcu_sched self-detected stall on CPU'],
			['C0', 'RIP: 0010:foo+0x1/0x2'],
			['C1', 'RIP: 0010:bar+0x1/0x2']
		]);
		expect(b.map((x) => x.lines.map((l) => l.line))).toEqual([
			[1, 3],
			[2, 4]
		]);
	});
});

describe('reboots', () => {
	it('reports an unannounced reboot but not a requested one', () => {
		const crash = assemble([
			['console', 'eth0: link up'],
			['', 'Booting the kernel.']
		]);
		expect(crash.map((b) => b.header)).toEqual(['Booting the kernel.']);
		const requested = assemble([
			['console', 'reboot: Restarting system'],
			['', 'Decompressing Linux... Parsing ELF... done.'],
			['', 'Booting the kernel.']
		]);
		expect(requested).toEqual([]);
	});
});
