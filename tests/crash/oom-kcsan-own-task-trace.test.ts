/**
 * Reports found wrong by a QA reading of the real-log corpus (../shared/corpus/real), each with a
 * verbatim excerpt of the log named in its comment.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { findingsOf } from '../support/analyze.ts';
import {
	LKP12_ALLOC_FAILURE,
	LKP28_HUNG_AT_BOOT,
	LKP41_STALL,
	LKP_KASAN02_JPROBE
} from '../support/excerpts.ts';

/** The functions of the call trace of the log's first crash finding. */
async function traceOf(lines: string[]): Promise<string[]> {
	const r = await analyzeText(lines.join('\n') + '\n');
	const f = r.findings.find((x) => x.category === 'crash');
	return (f?.stack?.frames ?? []).map((fr) => fr.function);
}

describe('an OOM report whose kill line is missing', () => {
	// lkp-12.log lines 4-31 (kernel test robot, QEMU, 4.8.0-rc1): the OOM killer's report (with
	// the page allocation failure of another task printed into it) stops after `Mem-Info:`; the
	// `Killed process` line never came
	const REPORT = [
		...LKP12_ALLOC_FAILURE,
		'[  111.662156]  [<ffffffff8129b4b5>] ring_buffer_alloc_read_page+0x45/0xd0',
		'[  111.663100]  [<ffffffff812a3589>] read_page+0x29/0x640',
		'[  111.663843]  [<ffffffff8262baea>] ? schedule+0x1da/0x200',
		'[  111.677643]  [<ffffffff812a3c83>] ring_buffer_consumer+0xe3/0x3c0',
		'[  111.678520]  [<ffffffff812a3f60>] ? ring_buffer_consumer+0x3c0/0x3c0',
		'[  111.679427]  [<ffffffff812a3fa9>] ring_buffer_consumer_thread+0x49/0x130',
		'[  111.680383]  [<ffffffff81175dd1>] kthread+0x181/0x1a0',
		'[  111.681110]  [<ffffffff81188d7d>] ? schedule_tail+0x4d/0x180',
		'[  111.681921]  [<ffffffff8263a5cf>] ret_from_fork+0x1f/0x40',
		'[  111.682697]  [<ffffffff81175c50>] ? __init_kthread_worker+0x90/0x90',
		'[  111.683752] Mem-Info:'
	];

	it('is an OOM finding naming the task that invoked it and saying the kill is not logged', async () => {
		const oom = (await findingsOf(REPORT)).filter((f) => f.rule.startsWith('memory.oom'));
		expect(oom.map((f) => [f.rule, f.title, f.severity, f.category, f.first_line])).toEqual([
			[
				'memory.oom-kill-not-logged',
				'Out of memory: OOM killer invoked by trinity-c1, no kill in the log',
				'high',
				'memory',
				4
			]
		]);
		expect(oom[0].details).toMatchObject({
			process: 'trinity-c1',
			gfp_mask: '0x24200ca',
			gfp_flags: 'GFP_HIGHUSER_MOVABLE',
			order: 0
		});
		expect(oom[0].explanation.meaning).toContain('not its end');
	});

	it('is no finding of its own when the kill follows (serverlog-kern-log-1.log, 3.13)', async () => {
		// lkp-12's lines at 111 s moved to this log's time: a drop from 9686414 s to 111 s is a
		// reboot (two excerpts of different boots, see INGESTION.md), which would split the report
		const lines = [
			'[9686414.563978] python invoked oom-killer: gfp_mask=0x280da, order=0, oom_score_adj=0',
			...REPORT.slice(4, 27).map((l) => l.replace(/^\[\s*111\./, '[9686414.')),
			'[9686414.565021] Out of memory: Kill process 2512 (python) score 496 or sacrifice child',
			'[9686414.565186] Killed process 2512 (python) total-vm:632332kB, anon-rss:255836kB, file-rss:80kB'
		];
		const oom = (await findingsOf(lines)).filter((f) => f.rule.startsWith('memory.oom'));
		expect(oom.map((f) => [f.rule, f.title])).toEqual([
			['memory.oom-kill', 'Out of memory: killed python']
		]);
	});
});

describe('the call trace of a report is its own task’s, not the next stack printed after it', () => {
	it('an RCU stall ends before the starved rcu_sched kthread’s stack (lkp-41.log, 4.8)', async () => {
		// lkp-41.log lines 4-66: the stalled CPU's stack (swapper/0, idle), then `rcu_sched kthread
		// starved` and the kthread's own task line and stack
		const trace = await traceOf(LKP41_STALL);
		expect(trace).toHaveLength(34);
		expect(trace.slice(-3)).toEqual([
			'set_init_arg',
			'x86_64_start_reservations',
			'x86_64_start_kernel'
		]);
		expect(trace).toContain('cpu_idle_loop');
		expect(trace).not.toContain('rcu_gp_kthread');
	});

	it('an RCU stall of 4.19 is the stalled CPU’s stack printed after the kthread’s (syzkaller report 268)', async () => {
		// syzkaller pkg/report/testdata/linux/report/268 lines 1-50 (4.19-rc2): the starved
		// kthread's stack first, then the NMI backtrace of the stalled CPU 1
		const trace = await traceOf([
			'[  328.823841] rcu: INFO: rcu_preempt self-detected stall on CPU',
			'[  328.830097] rcu: 	1-...!: (3 GPs behind) idle=19a/1/0x4000000000000002 softirq=12356/12357 fqs=2 ',
			'[  328.839607] rcu: 	 (t=10500 jiffies g=12045 q=155)',
			'[  328.844567] rcu: rcu_preempt kthread starved for 10492 jiffies! g12045 f0x0 RCU_GP_WAIT_FQS(5) ->state=0x0 ->cpu=0',
			'[  328.855046] rcu: RCU grace-period kthread stack dump:',
			'[  328.860235] rcu_preempt     R  running task    22872    10      2 0x80000000',
			'[  328.867450] Call Trace:',
			'[  328.870074]  __schedule+0x86c/0x1ed0',
			'[  328.919601]  schedule+0xfe/0x460',
			'[  328.950461]  schedule_timeout+0x140/0x260',
			'[  328.969038]  rcu_gp_kthread+0x9d9/0x2310',
			'[  329.236894]  kthread+0x35a/0x420',
			'[  329.248156]  ret_from_fork+0x3a/0x50',
			'[  329.251894] NMI backtrace for cpu 1',
			'[  329.255529] CPU: 1 PID: 8314 Comm: syz-executor2 Not tainted 4.19.0-rc2+ #6',
			'[  329.262634] Hardware name: Google Google Compute Engine/Google Compute Engine, BIOS Google 01/01/2011',
			'[  329.271989] Call Trace:',
			'[  329.274578]  <IRQ>',
			'[  329.276738]  dump_stack+0x1c4/0x2b4',
			'[  329.295554]  nmi_cpu_backtrace.cold.3+0x63/0xa2',
			'[  329.305441]  nmi_trigger_cpumask_backtrace+0x1b3/0x1ed',
			'[  329.310726]  arch_trigger_cpumask_backtrace+0x14/0x20',
			'[  329.315961]  rcu_dump_cpu_stacks+0x175/0x1c2',
			'[  329.325408]  print_cpu_stall.cold.78+0x2d3/0x524',
			'[  329.374647]  rcu_check_callbacks+0xfd9/0x1990',
			'[  329.512616]  update_process_times+0x2d/0x70',
			'[  329.516985]  tick_sched_handle+0x9f/0x180',
			'[  329.521146]  tick_sched_timer+0x45/0x130',
			'[  329.525216]  __hrtimer_run_queues+0x41c/0x10d0',
			'[  329.584253]  hrtimer_interrupt+0x313/0x780',
			'[  329.588515]  smp_apic_timer_interrupt+0x1a1/0x760',
			'[  329.655276]  apic_timer_interrupt+0xf/0x20',
			'[  329.659508]  </IRQ>',
			'[  329.661757] RIP: 0010:kvm_mmu_page_fault+0x2a3/0x1ad0',
			'[  329.685879] RSP: 0018:ffff880191beeed0 EFLAGS: 00000246 ORIG_RAX: ffffffffffffff13',
			'[  329.693625] RAX: 0000000000000000 RBX: ffff880191b70480 RCX: ffffc900022ce000',
			'[  329.700898] RDX: 0000000000000007 RSI: ffffffff8112ec74 RDI: 0000000000000005',
			'[  329.708171] RBP: ffff880191bef2b0 R08: ffff8801c44f83c0 R09: ffff880191beed98',
			'[  329.715444] R10: ffff880191beeae8 R11: ffff88018d7cf38b R12: 0000000000000001',
			'[  329.722721] R13: 0000000000000001 R14: 0000000000000001 R15: 0000000000000f7e',
			'[  329.842590]  handle_ept_violation+0x29e/0x6a0',
			'[  329.859146]  vmx_handle_exit+0x2f7/0x17f0',
			'[  329.884567]  vcpu_enter_guest+0x14a9/0x62e0',
			'[  329.992063]  kvm_arch_vcpu_ioctl_run+0x375/0x16e0',
			'[  330.001951]  kvm_vcpu_ioctl+0x72b/0x1150',
			'[  330.061445]  do_vfs_ioctl+0x1de/0x1720',
			'[  330.102388]  ksys_ioctl+0xa9/0xd0',
			'[  330.105859]  __x64_sys_ioctl+0x73/0xb0',
			'[  330.109814]  do_syscall_64+0x1b9/0x820',
			'[  330.148822]  entry_SYSCALL_64_after_hwframe+0x49/0xbe'
		]);
		expect(trace[0]).toBe('dump_stack');
		expect(trace).toContain('kvm_vcpu_ioctl');
		expect(trace).not.toContain('rcu_gp_kthread');
	});

	it('a hung task’s trace ends at the panic of khungtaskd (lkp-28.log, 4.8)', async () => {
		// lkp-28.log lines 4-42: swapper:1 blocked, then `Kernel panic - not syncing: hung_task:
		// blocked tasks` and the stack of khungtaskd (PID 13), another task
		const trace = await traceOf(LKP28_HUNG_AT_BOOT.slice(0, 39));
		expect(trace.at(-1)).toBe('rest_init');
		expect(trace).toContain('test_rht_init');
		expect(trace).not.toContain('panic');
	});

	it('a WARNING of 6.x keeps its own trace, not panic_on_warn’s of the same task (syzkaller report 744)', async () => {
		// syzkaller pkg/report/testdata/linux/report/744 lines 1-60 (6.16-rc2, interleaved usb
		// lines left out): the WARNING's trace from dbJoin on, then the panic's own dump of
		// jfsCommit/112
		const trace = await traceOf([
			'[  237.726449][  T112] WARNING: fs/jfs/jfs_dmap.c:2867 at dbAdjTree+0x454/0x4e0, CPU#0: jfsCommit/112',
			'[  237.736143][  T112] Modules linked in:',
			'[  237.755269][  T112] CPU: 0 UID: 0 PID: 112 Comm: jfsCommit Not tainted 6.16.0-rc2-next-20250617-syzkaller #0 PREEMPT(full) ',
			'[  237.778028][  T112] Hardware name: Google Google Compute Engine/Google Compute Engine, BIOS Google 05/07/2025',
			'[  237.797266][  T112] RIP: 0010:dbAdjTree+0x454/0x4e0',
			'[  237.802653][  T112] Code: 5a ff ff ff e8 6d ea 81 fe eb 05 e8 66 ea 81 fe 48 83 c4 28 5b 41 5c 41 5d 41 5e 41 5f 5d e9 83 f7 2d 08 cc e8 4d ea 81 fe 90 <0f> 0b 90 eb e1 44 89 e1 80 e1 07 80 c1 03 38 c1 0f 8c e1 fb ff ff',
			'[  237.823544][  T112] RSP: 0018:ffffc900026c7988 EFLAGS: 00010293',
			'[  237.829670][  T112] RAX: ffffffff833e8123 RBX: ffff8880701db010 RCX: ffff88801e3e5a00',
			'[  237.838375][  T112] RDX: 0000000000000000 RSI: 0000000000000155 RDI: 0000000000020056',
			'[  237.846448][  T112] RBP: 0000000000020056 R08: ffffea0001c076c7 R09: 1ffffd4000380ed8',
			'[  237.846473][  T112] R10: dffffc0000000000 R11: fffff94000380ed9 R12: ffff8880701db018',
			'[  237.846490][  T112] R13: dffffc0000000000 R14: 0000000000000004 R15: 0000000000000155',
			'[  237.846507][  T112] FS:  0000000000000000(0000) GS:ffff888125c40000(0000) knlGS:0000000000000000',
			'[  237.846526][  T112] CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033',
			'[  237.846543][  T112] CR2: 00007fcb789f3178 CR3: 00000000731e8000 CR4: 00000000003526f0',
			'[  237.846563][  T112] DR0: 0000000000000000 DR1: 0000000000000000 DR2: 0000000000000000',
			'[  237.846577][  T112] DR3: 0000000000000000 DR6: 00000000fffe0ff0 DR7: 0000000000000400',
			'[  237.919598][  T112] Call Trace:',
			'[  237.926755][  T112]  <TASK>',
			'[  237.929740][  T112]  ? __pfx_lock_metapage+0x10/0x10',
			'[  237.935025][  T112]  dbJoin+0x238/0x300',
			'[  237.939067][  T112]  ? do_read_cache_folio+0x4c6/0x590',
			'[  237.944500][  T112]  dbFreeBits+0x4e1/0xdb0',
			'[  237.948895][  T112]  dbFree+0x336/0x650',
			'[  237.952968][  T112]  txFreeMap+0x7ff/0xde0',
			'[  237.957257][  T112]  txUpdateMap+0x308/0x9c0',
			'[  237.961816][  T112]  jfs_lazycommit+0x43f/0xa90',
			'[  237.966542][  T112]  ? __pfx_jfs_lazycommit+0x10/0x10',
			'[  237.976446][  T112]  ? __pfx_default_wake_function+0x10/0x10',
			'[  237.982383][  T112]  ? __kthread_parkme+0x7b/0x200',
			'[  237.982414][  T112]  ? __kthread_parkme+0x1a1/0x200',
			'[  237.982443][  T112]  kthread+0x711/0x8a0',
			'[  238.002759][  T112]  ? __pfx_jfs_lazycommit+0x10/0x10',
			'[  238.008047][  T112]  ? __pfx_kthread+0x10/0x10',
			'[  238.008087][  T112]  ? _raw_spin_unlock_irq+0x23/0x50',
			'[  238.018823][  T112]  ? lockdep_hardirqs_on+0x9c/0x150',
			'[  238.018861][  T112]  ? __pfx_kthread+0x10/0x10',
			'[  238.018899][  T112]  ret_from_fork+0x3fc/0x770',
			'[  238.034089][  T112]  ? __pfx_ret_from_fork+0x10/0x10',
			'[  238.034134][  T112]  ? __switch_to_asm+0x39/0x70',
			'[  238.034154][  T112]  ? __switch_to_asm+0x33/0x70',
			'[  238.034172][  T112]  ? __pfx_kthread+0x10/0x10',
			'[  238.034195][  T112]  ret_from_fork_asm+0x1a/0x30',
			'[  238.034228][  T112]  </TASK>',
			'[  238.034250][  T112] Kernel panic - not syncing: kernel: panic_on_warn set ...',
			'[  238.034264][  T112] CPU: 0 UID: 0 PID: 112 Comm: jfsCommit Not tainted 6.16.0-rc2-next-20250617-syzkaller #0 PREEMPT(full) ',
			'[  238.034287][  T112] Hardware name: Google Google Compute Engine/Google Compute Engine, BIOS Google 05/07/2025',
			'[  238.034299][  T112] Call Trace:',
			'[  238.034309][  T112]  <TASK>',
			'[  238.034317][  T112]  dump_stack_lvl+0x99/0x250',
			'[  238.034350][  T112]  ? __asan_memcpy+0x40/0x70',
			'[  238.034385][  T112]  ? __pfx_dump_stack_lvl+0x10/0x10',
			'[  238.034425][  T112]  ? __pfx__printk+0x10/0x10'
		]);
		// the WARN()'s function from `RIP:` first (stack.ts withFaultFrame), then the trace
		expect(trace.slice(0, 3)).toEqual(['dbAdjTree', '__pfx_lock_metapage', 'dbJoin']);
		expect(trace.at(-1)).toBe('ret_from_fork_asm');
		expect(trace).not.toContain('panic');
	});

	it('the trace of the task the WARNING names, not of the fault injection printed into it (syzkaller report 336)', async () => {
		// syzkaller pkg/report/testdata/linux/report/336 lines 1-59 (4.14): the header names PID 1798;
		// a fault injection of PID 26531 printed its stack first
		const trace = await traceOf([
			'[  438.329938] ------------[ cut here ]------------',
			'[  438.335655] ODEBUG: free active (active state 0) object type: timer_list hint: delayed_work_timer_fn+0x0/0xa0',
			'[  438.340968] FAULT_INJECTION: forcing a failure.',
			'[  438.340968] name failslab, interval 1, probability 0, space 0, times 0',
			'[  438.345758] WARNING: CPU: 1 PID: 1798 at lib/debugobjects.c:287 debug_print_object+0x16a/0x250',
			'[  438.356954] CPU: 0 PID: 26531 Comm: syz-executor1 Not tainted 4.14.90+ #1',
			'[  438.365668] Kernel panic - not syncing: panic_on_warn set ...',
			'[  438.365668] ',
			'[  438.372870] Hardware name: Google Google Compute Engine/Google Compute Engine, BIOS Google 01/01/2011',
			'[  438.372879] Call Trace:',
			'[  438.392137]  dump_stack+0x101/0x1b4',
			'[  438.400447]  should_fail.cold+0xa/0x10',
			'[  438.427757]  should_failslab+0xde/0x140',
			'[  438.431738]  __kmalloc_node_track_caller+0x190/0x410',
			'[  438.440733]  __kmalloc_reserve.isra.0+0x45/0xd0',
			'[  438.445408]  __alloc_skb+0x17d/0x760',
			'[  438.465984]  alloc_skb_with_frags+0xf9/0x6e0',
			'[  438.484227]  sock_alloc_send_pskb+0x76e/0x980',
			'[  438.505268]  unix_dgram_sendmsg+0x401/0x1570',
			'[  438.527934]  sock_sendmsg+0xd5/0x110',
			'[  438.531639]  ___sys_sendmsg+0x39a/0x890',
			'[  438.570907]  __sys_sendmmsg+0x1fc/0x670',
			'[  438.619640]  SyS_sendmmsg+0x3a/0x60',
			'[  438.627439]  do_syscall_64+0x242/0x740',
			'[  438.654247]  entry_SYSCALL_64_after_hwframe+0x42/0xb7',
			'[  438.659431] RIP: 0033:0x457ec9',
			'[  438.662614] RSP: 002b:00007fd309fc0c78 EFLAGS: 00000246 ORIG_RAX: 0000000000000133',
			'[  438.670316] RAX: ffffffffffffffda RBX: 00007fd309fc0c90 RCX: 0000000000457ec9',
			'[  438.677578] RDX: 0000000000000318 RSI: 00000000200bd000 RDI: 0000000000000004',
			'[  438.684837] RBP: 000000000073bf00 R08: 0000000000000000 R09: 0000000000000000',
			'[  438.692098] R10: 0000000000000000 R11: 0000000000000246 R12: 00007fd309fc16d4',
			'[  438.699358] R13: 00000000004c4baf R14: 00000000004d82f0 R15: 0000000000000006',
			'[  438.706637] CPU: 1 PID: 1798 Comm: kworker/1:2 Not tainted 4.14.90+ #1',
			'[  438.713307] Hardware name: Google Google Compute Engine/Google Compute Engine, BIOS Google 01/01/2011',
			'[  438.722656] Workqueue: events kobject_delayed_cleanup',
			'[  438.727830] Call Trace:',
			'[  438.730406]  dump_stack+0x101/0x1b4',
			'[  438.743142]  panic+0x1c2/0x3ad',
			'[  438.759339]  __warn.cold+0x20/0x4a',
			'[  438.767345]  report_bug+0x216/0x254',
			'[  438.770952]  do_error_trap+0x1c0/0x440',
			'[  438.794964]  do_invalid_op+0x20/0x30',
			'[  438.798657]  invalid_op+0x1b/0x40',
			'[  438.802107] RIP: 0010:debug_print_object+0x16a/0x250',
			'[  438.807194] RSP: 0018:ffff8881cb8ff6c0 EFLAGS: 00010086',
			'[  438.812542] RAX: 0000000000000061 RBX: 0000000000000003 RCX: 0000000000000006',
			'[  438.819800] RDX: 0000000000000000 RSI: 1ffffffff085f188 RDI: ffff8881db91e540',
			'[  438.827049] RBP: ffff8881cb8ff700 R08: ffff8881cb8ff240 R09: 0000000000000001',
			'[  438.834297] R10: 0000000000000001 R11: 0000000000000000 R12: 0000000000000001',
			'[  438.841544] R13: ffffffff8410a140 R14: ffffffff8130f810 R15: ffff8881d2a2db10',
			'[  438.853476]  debug_check_no_obj_freed+0x529/0xaa2',
			'[  438.881909]  kfree+0x187/0x2f0',
			'[  438.885092]  disk_release+0x1cb/0x230',
			'[  438.893351]  device_release+0x82/0x220',
			'[  438.897215]  kobject_delayed_cleanup+0x28b/0x2c1',
			'[  438.901960]  process_one_work+0xc05/0x1ac0',
			'[  438.940048]  worker_thread+0x82a/0x1840',
			'[  438.993489]  kthread+0x321/0x430',
			'[  439.005988]  ret_from_fork+0x3a/0x50'
		]);
		expect(trace.slice(0, 3)).toEqual(['dump_stack', 'panic', '__warn.cold']);
		expect(trace).toContain('kobject_delayed_cleanup');
		expect(trace).not.toContain('should_failslab');
	});
});

describe('KCSAN: the guilty frame is the first function of the title', () => {
	async function kcsan(lines: string[]) {
		const r = await analyzeText(lines.join('\n') + '\n');
		return r.findings.find((x) => x.rule === 'crash.kcsan')!;
	}

	it('a data race between two tasks: the trace of the title’s first function only (lkp-kcsan-02.log, 5.3)', async () => {
		// lkp-kcsan-02.log lines 1-34: the write of task 175, then the read of task 166
		const f = await kcsan([
			'[   62.168598] ==================================================================',
			'[   62.168598] BUG: KCSAN: data-race in generic_permission / kernfs_refresh_inode',
			'[   62.168598] ',
			'[   62.168598] write to 0xffff8fee4c40700c of 4 bytes by task 175 on cpu 4:',
			'[   62.168598]  kernfs_refresh_inode+0x70/0x170',
			'[   62.168598]  kernfs_iop_permission+0x4f/0x90',
			'[   62.168598]  inode_permission+0x190/0x200',
			'[   62.168598]  link_path_walk+0x503/0x8e0',
			'[   62.168598]  path_lookupat+0x69/0x4d0',
			'[   62.168598]  filename_lookup+0x136/0x280',
			'[   62.168598]  user_path_at_empty+0x47/0x60',
			'[   62.168598]  vfs_statx+0x9b/0x130',
			'[   62.168598]  __do_sys_newlstat+0x50/0xb0',
			'[   62.168598]  __x64_sys_newlstat+0x37/0x50',
			'[   62.168598]  do_syscall_64+0x85/0x260',
			'[   62.168598]  entry_SYSCALL_64_after_hwframe+0x44/0xa9',
			'[   62.168598] ',
			'[   62.168598] read to 0xffff8fee4c40700c of 4 bytes by task 166 on cpu 6:',
			'[   62.168598]  generic_permission+0x5b/0x2a0',
			'[   62.168598]  kernfs_iop_permission+0x66/0x90',
			'[   62.168598]  inode_permission+0x190/0x200',
			'[   62.168598]  link_path_walk+0x503/0x8e0',
			'[   62.168598]  path_lookupat+0x69/0x4d0',
			'[   62.168598]  filename_lookup+0x136/0x280',
			'[   62.168598]  user_path_at_empty+0x47/0x60',
			'[   62.168598]  do_faccessat+0x11a/0x390',
			'[   62.168598]  __x64_sys_access+0x3c/0x50',
			'[   62.168598]  do_syscall_64+0x85/0x260',
			'[   62.168598]  entry_SYSCALL_64_after_hwframe+0x44/0xa9',
			'',
			'[   62.168598] Reported by Kernel Concurrency Sanitizer on:',
			'[   62.168598] CPU: 6 PID: 166 Comm: systemd-journal Not tainted 5.3.0-rc7+ #1',
			'[   62.168598] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.12.0-1 04/01/2014',
			'[   62.168598] =================================================================='
		]);
		expect(f.title).toBe('KCSAN: data-race in generic_permission / kernfs_refresh_inode');
		expect(f.stack?.guilty_frame).toBe('generic_permission');
		const trace = f.stack!.frames.map((fr) => fr.function);
		expect(trace).toHaveLength(11);
		expect(trace[0]).toBe('generic_permission');
		expect(trace).not.toContain('kernfs_refresh_inode');
	});

	it('a race at unknown origin (lkp-kcsan-01.log, kernel test robot)', async () => {
		// lkp-kcsan-01.log lines 1-13
		const f = await kcsan([
			'[   14.009362][  T161] BUG: KCSAN: data-race in mutex_spin_on_owner+0x14e/0x2c0',
			'[   14.010544][  T161] ',
			'[   14.010939][  T161] race at unknown origin, with read to 0xffff888100608034 of 4 bytes by task 161 on cpu 0:',
			'[   14.011132][  T161]  mutex_spin_on_owner+0x14e/0x2c0',
			'[   14.011132][  T161]  mutex_optimistic_spin+0x40/0x2c0',
			'[   14.011132][  T161]  __mutex_lock_common+0x954/0x1240',
			'[   14.011132][  T161]  ww_mutex_lock+0x52/0x200',
			'[   14.011132][  T161]  stress_inorder_work+0x36f/0x600',
			'[   14.011132][  T161]  process_one_work+0x3e2/0x600',
			'[   14.011132][  T161]  worker_thread+0x543/0xa80',
			'[   14.011132][  T161]  kthread+0x23a/0x280',
			'[   14.011132][  T161]  ret_from_fork+0x1f/0x30',
			''
		]);
		expect(f.title).toBe('KCSAN: data-race in mutex_spin_on_owner');
		expect(f.stack?.guilty_frame).toBe('mutex_spin_on_owner');
		// one access only: the explanation must not speak of two functions caught
		expect(f.explanation.meaning).toContain('race at unknown origin');
		// no `CPU:` line: the task's pid and CPU come from KCSAN's access line (had been null)
		expect(f.details).toMatchObject({ pid: 161, cpu: 0, comm: null });
	});

	it('a KCSAN header that names no function keeps its title, with no guilty frame', async () => {
		// lkp-kcsan-01.log lines 1-4, the header's function left out
		const f = await kcsan([
			'[   14.009362][  T161] BUG: KCSAN: data-race',
			'[   14.010544][  T161] ',
			'[   14.010939][  T161] race at unknown origin, with read to 0xffff888100608034 of 4 bytes by task 161 on cpu 0:',
			'[   14.011132][  T161]  mutex_spin_on_owner+0x14e/0x2c0'
		]);
		expect(f.title).toBe('KCSAN: data-race');
		expect(f.stack?.guilty_frame ?? null).toBeNull();
	});
});

describe('user-space messages in the kernel log', () => {
	it('the LKP harness’s own WARNING is no kernel WARNING (lkp-lkp.log)', async () => {
		// lkp-lkp.log lines 5-8: written to /dev/kmsg by the test harness, then echoed on the console
		const findings = await findingsOf([
			'[  452.733269][  T447] WARNING: lkp next download broken!',
			'WARNING: lkp next download broken!',
			'[  452.733289][  T447]',
			'LKP: kexec loading'
		]);
		expect(findings).toEqual([]);
	});
});

describe('a frame the kernel could not symbolise', () => {
	it('stays in the trace as its address (lkp-kasan-02.log, 4.8: an ftrace trampoline)', async () => {
		// lkp-kasan-02.log lines 3-30
		const trace = await traceOf(LKP_KASAN02_JPROBE.slice(1, 29));
		const at = trace.indexOf('0xffffffffa00000d5');
		expect(trace.slice(at - 1, at + 3)).toEqual([
			'ftrace_ops_assist_func',
			'0xffffffffa00000d5',
			'kprobe_target',
			'kprobe_target'
		]);
	});
});

describe('the machine of a DMI string that names only its board', () => {
	it('is the board, not `/DX58SO` (lkp-calltrace-dmesg-002.log, an Intel desktop board)', async () => {
		// lkp-calltrace-dmesg-002.log lines 6-7
		const r = await analyzeText(
			[
				'[ 1457.701544] CPU: 1 PID: 0 Comm: swapper/1 Tainted: G        W I     4.10.0-rc3-00259-g9881b02 #1',
				'[ 1457.701544] Hardware name:                  /DX58SO, BIOS SOX5810J.86A.4934.2010.0129.1220 01/29/2010'
			].join('\n') + '\n'
		);
		expect(r.metadata.hardware).toBe('DX58SO');
		expect(r.metadata.bios).toBe('SOX5810J.86A.4934.2010.0129.1220 01/29/2010');
	});
});

describe('an oops that ended in a panic', () => {
	it('says the machine went down, not only that the task was killed (lkp-calltrace-dmesg-004.log, 4.8)', async () => {
		// lkp-calltrace-dmesg-004.log lines 2-38: a BUG_ON in __phys_addr at boot, then `Kernel
		// panic - not syncing: Fatal exception`
		const r = await analyzeText(
			[
				'[    0.000000] ------------[ cut here ]------------',
				'[    0.000000] kernel BUG at arch/x86/mm/physaddr.c:26!',
				'[    0.000000] invalid opcode: 0000 [#1] SMP DEBUG_PAGEALLOC',
				'[    0.000000] Modules linked in:',
				'[    0.000000] CPU: 0 PID: 0 Comm: swapper/0 Not tainted 4.8.0-rc1-00007-g20067c4 #1',
				'[    0.000000] task: ffffffffa3815540 task.stack: ffffffffa3800000',
				'[    0.000000] RIP: 0010:[<ffffffffa2e36d74>]  [<ffffffffa2e36d74>] __phys_addr+0x49/0x4d',
				'[    0.000000] RSP: 0000:ffffffffa3803e50  EFLAGS: 00010287',
				'[    0.000000] RAX: fffffcef170dffff RBX: 00000000fed00000 RCX: ffffffff024000c0',
				'[    0.000000] RDX: 0000000000000002 RSI: 0000000000001000 RDI: ffff8800970dffff',
				'[    0.000000] RBP: ffffffffa3803e50 R08: 0000000000000000 R09: 0000000000000000',
				'[    0.000000] R10: 0000000000000000 R11: ffffffffa3816050 R12: 0000000000000002',
				'[    0.000000] R13: 0000000000001000 R14: ffffba7180000000 R15: 0000000000000002',
				'[    0.000000] FS:  0000000000000000(0000) GS:ffff8b1115400000(0000) knlGS:0000000000000000',
				'[    0.000000] CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033',
				'[    0.000000] CR2: 00000000ffffffff CR3: 0000000007a10000 CR4: 00000000000006b0',
				'[    0.000000] Stack:',
				'[    0.000000]  ffffffffa3803e80 ffffffffa2e35f8b ffff8b11150098c0 00000000fed00000',
				'[    0.000000]  0000000000001000 ffffba7180000000 ffffffffa3803ef0 ffffffffa2e32b0a',
				'[    0.000000]  8000000000000173 0000000000000400 ffffffffa3c2fdb2 00000000fed00000',
				'[    0.000000] Call Trace:',
				'[    0.000000]  [<ffffffffa2e35f8b>] kernel_map_sync_memtype+0x24/0xd0',
				'[    0.000000]  [<ffffffffa2e32b0a>] __ioremap_caller+0x222/0x2b5',
				'[    0.000000]  [<ffffffffa3c2fdb2>] ? hpet_enable+0x2b/0x280',
				'[    0.000000]  [<ffffffffa2e32baf>] ioremap_nocache+0x12/0x14',
				'[    0.000000]  [<ffffffffa3c2fdb2>] hpet_enable+0x2b/0x280',
				'[    0.000000]  [<ffffffffa3c256bb>] hpet_time_init+0x9/0x19',
				'[    0.000000]  [<ffffffffa3c2568b>] x86_late_time_init+0xa/0x11',
				'[    0.000000]  [<ffffffffa3c20e38>] start_kernel+0x37a/0x3f0',
				'[    0.000000]  [<ffffffffa3c20120>] ? early_idt_handler_array+0x120/0x120',
				'[    0.000000]  [<ffffffffa3c2029e>] x86_64_start_reservations+0x29/0x2b',
				'[    0.000000]  [<ffffffffa3c203a7>] x86_64_start_kernel+0x107/0x114',
				'[    0.000000] Code: 48 39 c7 73 14 eb 24 48 03 05 b9 e2 9d 00 48 81 ff ff ff ff 3f 76 16 0f 0b 0f b6 0d 80 bb da 00 48 89 c2 48 d3 ea 48 85 d2 74 02 <0f> 0b 5d c3 b8 00 00 00 80 55 48 01 f8 48 3d ff ff ff 3f 48 89 ',
				'[    0.000000] RIP  [<ffffffffa2e36d74>] __phys_addr+0x49/0x4d',
				'[    0.000000]  RSP <ffffffffa3803e50>',
				'[    0.000000] ---[ end trace 0000000000000000 ]---',
				'[    0.000000] Kernel panic - not syncing: Fatal exception'
			].join('\n') + '\n'
		);
		const [f] = r.findings;
		expect([f.rule, f.title, f.severity]).toEqual([
			'crash.bug',
			'kernel BUG in kernel_map_sync_memtype',
			'critical'
		]);
		expect(f.explanation.meaning).toContain('the kernel then panicked');
	});
});
