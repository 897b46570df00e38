/**
 * Crash reports of the architectures neither corpus had (riscv, mips, loongarch) and of those it
 * had little of (s390, powerpc, arm 32-bit), and crash families of the real-log corpus that had
 * no title test. Real logs are quoted verbatim with their names; the reports of riscv, mips,
 * loongarch and of newer s390, powerpc and arm kernels were written from the kernel's own format
 * strings (the kernel version is named for each), as the corpus has none of them.
 */
import { describe, expect, it } from 'vitest';
import { guiltyMarks } from '../../src/lib/output/common.ts';
import { analyzeLines, crashesOf } from '../support/analyze.ts';
import { KERNELOOPS_POWER5, SATYR19_POISON } from '../support/excerpts.ts';

describe('a report the log ends inside', () => {
	// lkp-41.log (intel/lkp-tests, 4.8), lines 4-6, 10-12, 29-30, 37-46, 50-52, 57-58 and 63-66
	// (the last lines of the log): an RCU stall whose stalled CPU's trace is complete (down to
	// x86_64_start_kernel), then the starved grace-period kthread's trace, which the log ends in
	const LKP41 = [
		'[  103.985562] INFO: rcu_sched detected stalls on CPUs/tasks:',
		'[  103.986766] All QSes seen, last rcu_sched kthread activity 10002 (4294947638-4294937636), jiffies_till_next_fqs=1, root ->qsmask 0x0',
		'[  103.987881] swapper/0       R  running task    13504     0      0 0x00080000',
		'[  103.990774] Call Trace:',
		'[  103.991008]  <IRQ>  [<ffffffffbb0be4e5>] sched_show_task+0xfa/0x107',
		'[  103.991611]  [<ffffffffbb0f4419>] print_other_cpu_stall+0x369/0x3de',
		'[  104.000954]  [<ffffffffbbbeca14>] apic_timer_interrupt+0x84/0x90',
		'[  104.001515]  <EOI>  [<ffffffffbb0b85f7>] ? blocking_notifier_chain_cond_register+0x5f/0x5f',
		'[  104.005490]  [<ffffffffbb0cfc4f>] cpu_idle_loop+0xf5/0x12b',
		'[  104.005988]  [<ffffffffbb0cfce7>] cpu_startup_entry+0x62/0x69',
		'[  104.006504]  [<ffffffffbbbe5947>] rest_init+0xbe/0xc5',
		'[  104.006965]  [<ffffffffbbbe5889>] ? csum_partial_copy_generic+0x169/0x169',
		'[  104.007603]  [<ffffffffbc58f36b>] start_kernel+0x420/0x422',
		'[  104.008119]  [<ffffffffbc58ed81>] ? set_init_arg+0x5d/0x5d',
		'[  104.008622]  [<ffffffffbc58e234>] x86_64_start_reservations+0x29/0x2b',
		'[  104.009212]  [<ffffffffbc58e507>] x86_64_start_kernel+0xe2/0xf1',
		'[  104.009764] rcu_sched kthread starved for 10002 jiffies! g18446744073709551366 c18446744073709551365 f0x0 RCU_GP_DONE_GPS(2) ->state=0x2',
		'[  104.010868] rcu_sched       D ffff975b54037a08 13792     8      2 0x00080000',
		'[  104.013758] Call Trace:',
		'[  104.013985]  [<ffffffffbb0bd84f>] ? preempt_latency_start+0x25/0x5c',
		'[  104.014558]  [<ffffffffbbbe736d>] schedule+0xa2/0xba',
		'[  104.017255]  [<ffffffffbb0f1a73>] rcu_gp_slow+0x2e/0x30',
		'[  104.017741]  [<ffffffffbb0f5978>] rcu_gp_init+0x141/0x454',
		'[  104.020477]  [<ffffffffbb0f600d>] rcu_gp_kthread+0x112/0x52e',
		'[  104.021027]  [<ffffffffbb0c90e3>] ? update_curr+0xc0/0x10b',
		'[  104.021544]  [<ffffffffbb0c4d98>] ? pick_next_entity+0xd0/0xdc',
		'[  104.022076]  [<ffffffffbbbe70f2>] ? __schedule+0x32d/0x34c'
	];

	it("is cut short when the log ends inside another task's trace printed after its own (lkp-41)", async () => {
		const [f] = await crashesOf(LKP41);
		expect(f.title).toBe('INFO: rcu detected stall in cpu_idle_loop');
		// the finding's trace is the stalled CPU's, complete; the kthread's never reached `kthread`
		expect(f.stack!.frames.at(-1)!.function).toBe('x86_64_start_kernel');
		expect(f.details.cut_short).toBe(true);
	});

	it('is not cut short when that trace is complete', async () => {
		const whole = [
			...LKP41,
			'[  104.022600]  [<ffffffffbb0b1a2c>] kthread+0xd4/0xdc',
			'[  104.023100]  [<ffffffffbbbec9df>] ret_from_fork+0x1f/0x40'
		];
		const [f] = await crashesOf(whole);
		expect(f.details).not.toHaveProperty('cut_short');
	});
});

describe('powerpc', () => {
	// kerneloops-power5-with-machinecheck.log (kerneloops, 2.6.22.9-61.fc6, ppc64), lines 13-14,
	// 16-19 and 28-37: a machine check (an L2 cache parity error) in `._spin_lock`, called from
	// unix_stream_recvmsg (LR); the first frame of the trace is the stale LR save slot, marked
	// `(unreliable)`, and the log has no kernel times, so no printk context
	const POWER5 = KERNELOOPS_POWER5.slice(0, KERNELOOPS_POWER5.indexOf('Instruction dump:')).filter(
		(l) => !l.startsWith('Modules linked in:') && !l.startsWith('GPR')
	);

	it('never takes the (unreliable) frame for the guilty one, also without kernel times (power5)', async () => {
		const result = await analyzeLines(POWER5);
		const [f] = result.findings.filter((x) => x.category === 'crash');
		// `._spin_lock` is locking machinery (skipped); `.avc_has_perm` had been named
		expect(f.title).toBe('Oops: Machine check in unix_stream_recvmsg');
		expect(f.alt_titles).toEqual(['bad-access in unix_stream_recvmsg']);
		expect(f.stack!.guilty_frame).toBe('unix_stream_recvmsg');
		expect(f.stack!.fault_location).toBe('._spin_lock+0x20/0x88');
		expect(f.stack!.frames.map((fr) => fr.function)).toEqual([
			'.avc_has_perm',
			'.unix_stream_recvmsg',
			'.sock_aio_read',
			'.do_sync_read',
			'.vfs_read',
			'.sys_read',
			'syscall_exit'
		]);
		expect(f.stack!.frames[0].reliable).toBe(false);
		expect(result.metadata.arch).toBe('powerpc');
	});

	it("reads the task, CPU and kernel of 2.6's show_regs() (TASK = …[pid] 'comm' … CPU: N, REGS: …)", async () => {
		const [f] = await crashesOf(POWER5);
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([1, 28081, 'scp']);
		expect(f.details.kernel_version).toBe('2.6.22.9-61.fc6');
		expect(f.details.taint).toBeNull();
		// a REGS line with taint letters, on a report without a `CPU:` line
		const tainted = POWER5.map((l) =>
			l.startsWith('REGS: ')
				? 'REGS: c000000010ff37b0 TRAP: 0300 Tainted: G W -------------- (3.10.0-33.el7.ppc64)'
				: l
		);
		const [g] = await crashesOf(tainted);
		expect(g.details.kernel_version).toBe('3.10.0-33.el7.ppc64');
		expect(g.details.taint).toBe('G W --------------');
	});

	// abrt-oops9-ppc64.log (abrt, 3.10.0-33.el7.ppc64), lines 5-8, 10-13 and 27-37
	const OOPS9 = [
		'[ 104.669944] Unable to handle kernel paging request for data at address 0x000012e0',
		'[ 104.669951] Faulting instruction address: 0xd0000000008cb4dc',
		'[ 104.669962] Oops: Kernel access of bad area, sig: 11 [#1]',
		'[ 104.669967] SMP NR_CPUS=2048 NUMA pSeries',
		'[ 104.670013] CPU: 1 PID: 251 Comm: eehd Tainted: G W -------------- 3.10.0-33.el7.ppc64 #1',
		'[ 104.670022] task: c000000010d66a60 ti: c000000010ff0000 task.ti: c000000010ff0000',
		'[ 104.670030] NIP: d0000000008cb4dc LR: d0000000008cb4d8 CTR: c0000000084af4e0',
		'[ 104.670039] REGS: c000000010ff37b0 TRAP: 0300 Tainted: G W -------------- (3.10.0-33.el7.ppc64)',
		'[ 104.670190] NIP [d0000000008cb4dc] .ipr_pci_error_detected+0x18c/0x220 [ipr]',
		'[ 104.670204] LR [d0000000008cb4d8] .ipr_pci_error_detected+0x188/0x220 [ipr]',
		'[ 104.670211] PACATMSCRATCH [800000000280f032]',
		'[ 104.670217] Call Trace:',
		'[ 104.670222] [c000000010ff3a30] [c000000010ff3ad0] 0xc000000010ff3ad0 (unreliable)',
		'[ 104.670236] [c000000010ff3ad0] [c00000000806b258] .eeh_report_error+0x98/0x110',
		'[ 104.670246] [c000000010ff3b60] [c00000000806a19c] .eeh_pe_dev_traverse+0x9c/0x190',
		'[ 104.670256] [c000000010ff3c10] [c00000000806b670] .eeh_handle_event+0x70/0x330',
		'[ 104.670266] [c000000010ff3ca0] [c00000000806ba58] .eeh_event_handler+0x128/0x190',
		'[ 104.670277] [c000000010ff3d30] [c0000000080bcef8] .kthread+0xe8/0xf0',
		'[ 104.670287] [c000000010ff3e30] [c00000000800a1dc] .ret_from_kernel_thread+0x5c/0x80'
	];

	it('puts the faulting dot symbol on top of the trace it is missing from (abrt-oops9-ppc64)', async () => {
		const [f] = await crashesOf(OOPS9);
		expect(f.title).toBe('BUG: unable to handle kernel paging request in ipr_pci_error_detected');
		expect(f.stack!.guilty_frame).toBe('ipr_pci_error_detected');
		// the NIP function heads the trace, as on x86 (the trace starts at its caller)
		expect(f.stack!.frames.map((fr) => fr.function).slice(0, 2)).toEqual([
			'.ipr_pci_error_detected',
			'.eeh_report_error'
		]);
		expect(guiltyMarks(f.stack!).indexOf(true)).toBe(0);
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([1, 251, 'eehd']);
	});
});

describe('real crash families that had no title test', () => {
	// satyr-gitlog-24.log (abrt/satyr, 3.3.4, i386), lines 1-12, 33-35, 52-60, 67-76 and 85-87:
	// lockdep's old bracketed header; squid takes a counter's lock in process context with
	// softirqs on, which the softirq path (the `{IN-SOFTIRQ-W} state was registered at:` stack)
	// takes too
	const GITLOG24 = [
		'[  762.903880] =================================',
		'[  762.903890] [ INFO: inconsistent lock state ]',
		'[  762.903903] 3.3.4-build-0061 #8 Not tainted',
		'[  762.904133] ---------------------------------',
		'[  762.904344] inconsistent {IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W} usage.',
		'[  762.904542] squid/1603 [HC0[0]:SC0[0]:HE1:SE1] takes:',
		'[  762.904542]  (key#3){+.?...}, at: [<c0232cc4>] __percpu_counter_sum+0xd/0x58',
		'[  762.904542] {IN-SOFTIRQ-W} state was registered at:',
		'[  762.904542]   [<c0158b84>] __lock_acquire+0x284/0xc26',
		'[  762.904542]   [<c01598e8>] lock_acquire+0x71/0x85',
		'[  762.904542]   [<c0349765>] _raw_spin_lock+0x33/0x40',
		'[  762.904542]   [<c0232c93>] __percpu_counter_add+0x58/0x7c',
		'[  762.904542]   [<c02db228>] net_rx_action+0x90/0x160',
		'[  762.904542]   [<c012a445>] __do_softirq+0x7b/0x118',
		'[  762.904542] irq event stamp: 156915469',
		'[  762.904542] 1 lock held by squid/1603:',
		'[  762.904542]  #0:  (sk_lock-AF_INET){+.+.+.}, at: [<c03055c0>] lock_sock+0xa/0xc',
		'[  762.904542]',
		'[  762.904542] stack backtrace:',
		'[  762.904542] Pid: 1603, comm: squid Not tainted 3.3.4-build-0061 #8',
		'[  762.904542] Call Trace:',
		'[  762.904542]  [<c0347b73>] ? printk+0x18/0x1d',
		'[  762.904542]  [<c015873a>] valid_state+0x1f6/0x201',
		'[  762.904542]  [<c0158816>] mark_lock+0xd1/0x1bb',
		'[  762.904542]  [<c01598e8>] lock_acquire+0x71/0x85',
		'[  762.904542]  [<c0232cc4>] ? __percpu_counter_sum+0xd/0x58',
		'[  762.904542]  [<c0349765>] _raw_spin_lock+0x33/0x40',
		'[  762.904542]  [<c0232cc4>] ? __percpu_counter_sum+0xd/0x58',
		'[  762.904542]  [<c0232cc4>] __percpu_counter_sum+0xd/0x58',
		'[  762.904542]  [<c02cebc4>] __sk_mem_schedule+0xdd/0x1c7',
		'[  762.904542]  [<c02d178d>] ? __alloc_skb+0x76/0x100',
		'[  762.904542]  [<c0305e8e>] sk_wmem_schedule+0x21/0x2d',
		'[  762.904542]  [<c0306370>] sk_stream_alloc_skb+0x42/0xaa',
		'[  762.904542]  [<c0306567>] tcp_sendmsg+0x18f/0x68b',
		'[  762.904542]  [<c01a1900>] sys_write+0x3d/0x5e',
		'[  762.904542]  [<c0349ec9>] syscall_call+0x7/0xb',
		'[  762.904542]  [<c0340000>] ? rp_sidt+0x41/0x83'
	];

	it("titles lockdep's old inconsistent lock state by the `at:` function after `takes:` (satyr-gitlog-24)", async () => {
		const [f] = await crashesOf(GITLOG24);
		expect([f.rule, f.title, f.severity, f.details.type]).toEqual([
			'crash.lockdep',
			'inconsistent lock state in __percpu_counter_sum',
			'medium',
			'LOCKDEP'
		]);
		expect(f.first_line).toBe(2);
		expect(f.stack!.guilty_frame).toBe('__percpu_counter_sum');
		// the trace is the current task's (after `stack backtrace:`), not the registered state's
		expect(f.stack!.frames[0].function).toBe('printk');
		expect(f.stack!.frames.at(-2)!.function).toBe('syscall_call');
		expect(guiltyMarks(f.stack!).indexOf(true)).toBe(7);
		expect([f.details.pid, f.details.comm, f.details.kernel_version]).toEqual([
			1603,
			'squid',
			'3.3.4-build-0061'
		]);
		expect(f.details).not.toHaveProperty('cut_short');
	});

	// satyr-gitlog-19.log (abrt/satyr, x86-64), lines 2-25: SLUB found a freed mempolicy written to
	// (0x6a instead of its poison 0x6b); the report is cut before the checker's stack
	const GITLOG19 = SATYR19_POISON.slice(1);

	it('names a poison overwrite by the function that freed the object (satyr-gitlog-19)', async () => {
		const [f] = await crashesOf(GITLOG19);
		// it had been `SLUB: Poison overwritten in numa_policy`: a cache in the frame's place
		expect([f.rule, f.title, f.severity, f.details.corrupted]).toEqual([
			'crash.slab',
			'SLUB: Poison overwritten in __mpol_put',
			'high',
			false
		]);
		expect(f.stack!.guilty_frame).toBe('__mpol_put');
		// the trace is the free track, not the allocation and free tracks read as one
		expect(f.stack!.frames.map((fr) => fr.function)).toEqual([
			'__slab_free',
			'kmem_cache_free',
			'__mpol_put',
			'remove_vma',
			'exit_mmap',
			'mmput',
			'exit_mm',
			'do_exit',
			'do_group_exit',
			'sys_exit_group',
			'system_call_fastpath'
		]);
	});

	// satyr-gitlog-30.log (abrt/satyr, x86-64), lines 1-12, 22-30 and 35-40: the same check on a
	// kmalloc cache of a tainted kernel, with the tracks' own lines wrapped by the capture
	const GITLOG30 = [
		'[  299.281565] =============================================================================',
		'[  299.281634] BUG kmalloc-4096 (Tainted: G          I ): Poison overwritten',
		'[  299.281682] -----------------------------------------------------------------------------',
		'[  299.281684]',
		'[  299.281752] INFO: 0xffff880056c305d0-0xffff880056c305d0. First byte',
		'0x6a instead of 0x6b',
		'[  299.281816] INFO: Allocated in scsi_host_alloc+0x4a/0x490 age=1688',
		'cpu=1 pid=2004',
		'[  299.281870] \t__slab_alloc+0x617/0x6c1',
		'[  299.281901] \t__kmalloc+0x28c/0x2e0',
		'[  299.281931] \tscsi_host_alloc+0x4a/0x490',
		'[  299.281966] \tusb_stor_probe1+0x5b/0xc40 [usb_storage]',
		'[  299.282337] \t0xffffffffa04ab03d',
		'[  299.282364] \tdo_one_initcall+0x47/0x230',
		'[  299.282396] \tsys_init_module+0xa0f/0x1fe0',
		'[  299.282429] INFO: Freed in scsi_host_dev_release+0x18a/0x1d0 age=85',
		'cpu=0 pid=2008',
		'[  299.282482] \t__slab_free+0x3c/0x2a1',
		'[  299.282510] \tkfree+0x296/0x310',
		'[  299.282536] \tscsi_host_dev_release+0x18a/0x1d0',
		'[  299.282574] \tdevice_release+0x74/0x100',
		'[  299.282723] \tdo_scan_async+0x1fc/0x2b0',
		'[  299.282753] \tkthread+0xdf/0xf0',
		'[  299.282782] \tkernel_thread_helper+0x4/0x10',
		'[  299.282817] INFO: Slab 0xffffea00015b0c00 objects=7 used=7 fp=0x',
		'      (null) flags=0x100000000004080',
		'[  299.282882] INFO: Object 0xffff880056c30000 @offset=0 fp=0x          (null)'
	];

	it("names it so on a kmalloc cache and reads the header's taint (satyr-gitlog-30)", async () => {
		const [f] = await crashesOf(GITLOG30);
		expect(f.title).toBe('SLUB: Poison overwritten in scsi_host_dev_release');
		expect(f.first_line).toBe(2);
		expect(f.stack!.frames[0].function).toBe('__slab_free');
		expect(f.stack!.frames.at(-1)!.function).toBe('kernel_thread_helper');
		// the taint was only in the header's parentheses
		expect(f.details.taint).toBe('G          I');
		expect(f.details.taint_flags).toEqual([
			'I (FIRMWARE_WORKAROUND): working around a severe firmware bug'
		]);
	});

	it('names a report without tracks by its check, never by its cache', async () => {
		const bare = GITLOG19.filter((l) => l.startsWith('BUG ') || l.startsWith('INFO: 0x'));
		const [f] = await crashesOf(bare);
		expect([f.title, f.details.corrupted]).toEqual(['SLUB: Poison overwritten', false]);
	});

	// written from the format strings of mm/slub.c of 6.1 (slab_bug(), check_bytes_and_report(),
	// print_track() without the `INFO: ` of older kernels, stack_depot_print()): a write past the
	// end of a live object is named by the function that allocated it
	it('names a red zone overwrite by the function that allocated the object (6.1 form)', async () => {
		const [f] = await crashesOf([
			'[   41.392140] =============================================================================',
			'[   41.392901] BUG kmalloc-16 (Tainted: G           O      ): Right Redzone overwritten',
			'[   41.393620] -----------------------------------------------------------------------------',
			'[   41.393620] ',
			'[   41.394556] 0xffff888003e3e9d0-0xffff888003e3e9d3 @offset=2512. First byte 0x0 instead of 0xcc',
			'[   41.395388] Allocated in ring_alloc+0x2c/0x80 [ringbuf] age=3 cpu=1 pid=283',
			'[   41.396117]  __kmem_cache_alloc_node+0x1b7/0x2e0',
			'[   41.396640]  kmalloc_trace+0x26/0x90',
			'[   41.397070]  ring_alloc+0x2c/0x80 [ringbuf]',
			'[   41.397553]  ring_init+0x17/0x1000 [ringbuf]',
			'[   41.398036]  do_one_initcall+0x56/0x230',
			'[   41.398488]  do_init_module+0x4a/0x200',
			'[   41.398931]  __do_sys_finit_module+0x9e/0xf0',
			'[   41.399413]  do_syscall_64+0x3b/0x90',
			'[   41.399844]  entry_SYSCALL_64_after_hwframe+0x6e/0xd8',
			'[   41.400380] Slab 0xffffea00000f8f80 objects=21 used=21 fp=0x0000000000000000 flags=0x100000000000200(slab|node=0|zone=1)',
			'[   41.401455] Object 0xffff888003e3e9c0 @offset=2496 fp=0x0000000000000000'
		]);
		expect(f.title).toBe('SLUB: Right Redzone overwritten in ring_alloc');
		expect(f.stack!.guilty_frame).toBe('ring_alloc');
	});
});

// Reports written from the kernel's format strings (no log of these kernels is in either corpus):
// riscv 6.6 (arch/riscv/mm/fault.c die_kernel_fault(), kernel/traps.c die(), kernel/process.c
// __show_regs(), kernel/stacktrace.c: no `Call Trace:` line in die()'s dump, the frames follow
// `status: … badaddr: … cause: …`), mips 5.15 (arch/mips/mm/fault.c no_context, kernel/traps.c
// die(), __show_regs(), show_stacktrace(), show_backtrace()), loongarch 6.6 (arch/loongarch/mm/
// fault.c no_context(), kernel/traps.c die(), __show_regs(), show_backtrace()), s390 6.6
// (arch/s390/mm/fault.c do_no_context(), dump_fault_info(), kernel/dumpstack.c die(),
// show_registers(), show_stack(), show_last_breaking_event()), powerpc 6.6 and 5.14
// (arch/powerpc/mm/fault.c __bad_page_fault(), kernel/traps.c die(), kernel/process.c
// show_regs(), show_stack()), arm 5.10 and 6.1 (arch/arm/mm/fault.c __do_kernel_fault(),
// kernel/traps.c __die(), dump_backtrace_entry(), kernel/process.c __show_regs()).
const RISCV = [
	'[   42.117203] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000010',
	'[   42.118420] Oops [#1]',
	'[   42.118627] Modules linked in: vfat fat virtio_net net_failover failover',
	'[   42.119811] CPU: 2 PID: 311 Comm: cat Not tainted 6.6.8 #1',
	'[   42.120498] Hardware name: riscv-virtio,qemu (DT)',
	'[   42.121109] epc : sysfs_kf_seq_show+0x6c/0x134',
	'[   42.121744]  ra : seq_read_iter+0x12a/0x3aa',
	'[   42.122316] epc : ffffffff802d8c2e ra : ffffffff8027e6a2 sp : ff20000000c6bc60',
	'[   42.123104]  gp : ffffffff81a1a4b8 tp : ff6000000216b840 t0 : 0000000000000000',
	'[   42.123901]  t1 : 0000000000000000 t2 : 0000000000000000 s0 : ff20000000c6bca0',
	'[   42.124686]  s1 : ff60000002397a80 a0 : 0000000000000000 a1 : ff600000023a2000',
	'[   42.125474]  a2 : 0000000000000000 a3 : 0000000000000000 a4 : 0000000000000000',
	'[   42.126262]  a5 : 0000000000000000 a6 : 0000000000000000 a7 : 0000000000000000',
	'[   42.127051]  s2 : ff600000023a2000 s3 : 0000000000001000 s4 : ff60000002397aa8',
	'[   42.127838]  s5 : ff20000000c6bdd8 s6 : 0000000000000000 s7 : ff6000000246c000',
	'[   42.128626]  s8 : 0000000000000000 s9 : 0000000000020000 s10: 0000000000000000',
	'[   42.129416]  s11: 0000000000000000 t3 : 0000000000000000 t4 : 0000000000000000',
	'[   42.130204]  t5 : 0000000000000000 t6 : 0000000000000000',
	'[   42.130781] status: 0000000200000120 badaddr: 0000000000000010 cause: 000000000000000d',
	'[   42.131655] [<ffffffff802d8c2e>] sysfs_kf_seq_show+0x6c/0x134',
	'[   42.132330] [<ffffffff8027e6a2>] seq_read_iter+0x12a/0x3aa',
	'[   42.132991] [<ffffffff802d962e>] kernfs_fop_read_iter+0x13c/0x1a0',
	'[   42.133702] [<ffffffff80250f52>] vfs_read+0x1b2/0x23a',
	'[   42.134313] [<ffffffff8025171e>] ksys_read+0x5e/0xc6',
	'[   42.134912] [<ffffffff802517a2>] __riscv_sys_read+0x1c/0x24',
	'[   42.135577] [<ffffffff80a36ca6>] do_trap_ecall_u+0xe2/0xf6',
	'[   42.136236] [<ffffffff80a41c0a>] ret_from_exception+0x0/0x64',
	'[   42.136905] Code: 6782 0813 0a09 7179 f406 f022 e84a 1800 8932 6b9c (6b9c) 8a3e',
	'[   42.137712] ---[ end trace 0000000000000000 ]---',
	'[   42.138318] Kernel panic - not syncing: Fatal exception',
	'[   42.138929] SMP: stopping secondary CPUs',
	'[   42.139436] ---[ end Kernel panic - not syncing: Fatal exception ]---'
];

const MIPS = [
	'[  118.503318] CPU 0 Unable to handle kernel paging request at virtual address 00000004, epc == 8f0b2a1c, ra == 8f0b29f8',
	'[  118.514220] Oops[#1]:',
	'[  118.516508] CPU: 0 PID: 1742 Comm: hostapd Not tainted 5.15.134 #0',
	'[  118.522774] $ 0   : 00000000 00000001 00000000 81f4c000',
	'[  118.528061] $ 4   : 81f4c000 00000000 00000004 00000000',
	'[  118.533349] $ 8   : 00000001 00000000 00000000 00000000',
	'[  118.538638] $12   : 00000000 00000000 00000000 00000000',
	'[  118.543925] $16   : 81d2e000 81e0c800 00000000 81d2e8a0',
	'[  118.549214] $20   : 00000000 00000000 00000001 81e0c800',
	'[  118.554502] $24   : 00000000 801a3b40                  ',
	'[  118.559791] $28   : 81c28000 81c29d40 00000000 8f0b29f8',
	'[  118.565080] Hi    : 00000000',
	'[  118.567984] Lo    : 00000000',
	'[  118.570896] epc   : 8f0b2a1c ath9k_hw_reset+0x44/0x1cb8 [ath9k_hw]',
	'[  118.577217] ra    : 8f0b29f8 ath9k_hw_reset+0x20/0x1cb8 [ath9k_hw]',
	'[  118.583519] Status: 1100fc03\tKERNEL EXL IE ',
	'[  118.587738] Cause : 00800008 (ExcCode 02)',
	'[  118.591766] BadVA : 00000004',
	'[  118.594657] PrId  : 00019750 (MIPS 74Kc)',
	'[  118.598606] Modules linked in: ath9k ath9k_common ath9k_hw ath mac80211 cfg80211 compat',
	'[  118.697150] Process hostapd (pid: 1742, threadinfo=c8c0cf3e, task=2bb0d4d4, tls=77e91ed4)',
	'[  118.705426] Stack : 81d2e000 81e0c800 81f4c000 00000000 81d2e8a0 8f12a4c4 00000000 00000000',
	'[  118.713856]         81d2e000 00000001 81e0c800 8f12a8e0 00000000 81c29e00 81d2e000 8f13b10c',
	'[  118.722286]         ...',
	'[  118.724843] Call Trace:',
	'[  118.727367] [<8f0b2a1c>] ath9k_hw_reset+0x44/0x1cb8 [ath9k_hw]',
	'[  118.733373] [<8f12a4c4>] ath_reset_internal+0xf0/0x1f8 [ath9k]',
	'[  118.739350] [<8f12a8e0>] ath_reset+0x2c/0x58 [ath9k]',
	'[  118.744428] [<8f13b10c>] ath_hw_check_work+0x8c/0xc8 [ath9k]',
	'[  118.750234] [<80060a20>] process_one_work+0x228/0x4a0',
	'[  118.755398] [<80061308>] worker_thread+0x2b4/0x57c',
	'[  118.760293] [<800683d4>] kthread+0x130/0x15c',
	'[  118.764667] [<80013578>] ret_from_kernel_thread+0x14/0x1c',
	'[  118.770187] ',
	'[  118.771728] Code: 8c820000  24040004  8e030060 <8c620004> 10400006  00000000  8e040060  0c3c2a6e  00000000 ',
	'[  118.781645] ',
	'[  118.783155] ---[ end trace 2c2d8f6a6b1f3e9d ]---',
	'[  118.787796] Kernel panic - not syncing: Fatal exception',
	'[  118.793062] Rebooting in 3 seconds..'
];

const LOONGARCH = [
	'[   73.486301] CPU 3 Unable to handle kernel paging request at virtual address 0000000000000008, era == 9000000000d5d3ac, ra == 9000000000d5d388',
	'[   73.487937] Oops[#1]:',
	'[   73.488197] CPU: 3 PID: 1027 Comm: modprobe Not tainted 6.6.0 #1',
	'[   73.488899] Hardware name: Loongson Loongson-3A5000-7A1000-1w-CRB/Loongson-LS3A5000-7A1000-1w-CRB, BIOS vUDK2018-LoongArch-V2.0.0-prebeta9 10/21/2022',
	'[   73.490515] pc 9000000000d5d3ac ra 9000000000d5d388 tp 90000001043f4000 sp 90000001043f7a80',
	'[   73.491462] a0 0000000000000000 a1 0000000000000001 a2 0000000000000000 a3 90000001043f7a58',
	'[   73.492409] a4 0000000000000000 a5 0000000000000000 a6 0000000000000000 a7 0000000000000001',
	'[   73.493355] t0 0000000000000000 t1 0000000000000000 t2 0000000000000000 t3 0000000000000000',
	'[   73.494302] t4 0000000000000000 t5 0000000000000000 t6 0000000000000000 t7 0000000000000000',
	'[   73.495249] t8 0000000000000000 u0 0000000000000000 s9 0000000000000000 s0 9000000100c4e000',
	'[   73.496195] s1 9000000100c4e0a0 s2 0000000000000000 s3 0000000000000001 s4 900000000195e000',
	'[   73.497142] s5 0000000000000000 s6 9000000100c4e000 s7 0000000000000000 s8 0000000000000000',
	'[   73.498087]    ra: 9000000000d5d388 pci_enable_device_flags+0x48/0x1a0',
	'[   73.498818]   ERA: 9000000000d5d3ac pci_enable_device_flags+0x6c/0x1a0',
	'[   73.499549]  CRMD: 000000b0 (PLV0 -IE -DA +PG DACF=CC DACM=CC -WE)',
	'[   73.500247]  PRMD: 00000004 (PPLV0 +PIE -PWE)',
	'[   73.500706]  EUEN: 00000000 (-FPE -SXE -ASXE -BTE)',
	'[   73.501215]  ECFG: 00071c1c (LIE=2-4,10-12 VS=7)',
	'[   73.501706] ESTAT: 00010000 [PIL] (IS= ECode=1 EsubCode=0)',
	'[   73.502293]  BADV: 0000000000000008',
	'[   73.502650]  PRID: 0014c012 (Loongson-64bit, Loongson-3A5000)',
	'[   73.503255] Modules linked in: snd_hda_intel(+) snd_intel_dspcfg snd_hda_codec snd_hwdep snd_hda_core snd_pcm snd_timer snd soundcore',
	'[   73.504683] Process modprobe (pid: 1027, threadinfo=000000008f1e2a4c, task=00000000c8d3b1a7)',
	'[   73.505634] Stack : 9000000100c4e000 9000000100c4e0a0 0000000000000000 9000000000d5d550',
	'[   73.506547]         90000001043f7b48 9000000100c4e000 ffff800002a4b3c8 ffff800002a40250',
	'[   73.507460]         ...',
	'[   73.507731] Call Trace:',
	'[   73.507744] [<9000000000d5d3ac>] pci_enable_device_flags+0x6c/0x1a0',
	'[   73.508548] [<ffff800002a40250>] azx_probe+0x1b0/0x6b8 [snd_hda_intel]',
	'[   73.509282] [<9000000000d6a9c4>] local_pci_probe+0x44/0xc0',
	'[   73.509911] [<9000000000d6bce0>] pci_device_probe+0xe0/0x220',
	'[   73.510561] [<9000000000ef4aa8>] really_probe+0x190/0x3d8',
	'[   73.511179] [<9000000000ef4d58>] __driver_probe_device+0x68/0x190',
	'[   73.511875] [<9000000000ef4ec4>] driver_probe_device+0x44/0x140',
	'[   73.512550] [<9000000000ef51b4>] __driver_attach+0xd4/0x218',
	'[   73.513190] [<9000000000ef1c3c>] bus_for_each_dev+0x7c/0xe0',
	'[   73.513828] [<9000000000ef3a38>] bus_add_driver+0x118/0x268',
	'[   73.514466] [<9000000000ef65b8>] driver_register+0x98/0x160',
	'[   73.515103] [<90000000002200d8>] do_one_initcall+0x78/0x1e0',
	'[   73.515741] [<90000000002f0a6c>] do_init_module+0x5c/0x268',
	'[   73.516378] [<90000000002f3520>] __do_sys_finit_module+0x100/0x1c0',
	'[   73.517084] [<900000000121e7f4>] do_syscall+0x94/0x1a0',
	'[   73.517672] [<9000000000221998>] handle_syscall+0xb8/0x158',
	'[   73.518288] ',
	'[   73.518437] Code: 0015008d  2880218c  0040818c <2880218c> 0280040c  5c00198d  00150004  57ff4c00  02c0c3ff',
	'[   73.519471] ',
	'[   73.519602] ---[ end trace 0000000000000000 ]---',
	'[   73.520075] Kernel panic - not syncing: Fatal exception'
];

const S390 = [
	'[  351.207410] Unable to handle kernel pointer dereference in virtual kernel address space',
	'[  351.207418] Failing address: 0000000000000000 TEID: 0000000000000483',
	'[  351.207421] Fault in home space mode while using kernel ASCE.',
	'[  351.207425] AS:00000001d9a64007 R3:00000001ffff0007 S:00000001ffff6000 P:000000000000013d ',
	'[  351.207452] Oops: 0004 ilc:3 [#1] SMP ',
	'[  351.207456] Modules linked in: qeth_l2 qeth qdio ccwgroup dasd_eckd_mod dasd_mod',
	'[  351.207475] CPU: 1 PID: 2317 Comm: ip Not tainted 6.6.0 #1',
	'[  351.207479] Hardware name: IBM 8561 T01 701 (z/VM 7.2.0)',
	'[  351.207482] Krnl PSW : 0704c00180000000 000003ff800a4b7e (qeth_l2_set_rx_mode+0x3e/0x1c8 [qeth_l2])',
	'[  351.207512]            R:0 T:1 IO:1 EX:1 Key:0 M:1 W:0 P:0 AS:3 CC:0 PM:0 RI:0 EA:3',
	'[  351.207517] Krnl GPRS: 0000000000000000 0000000000000000 00000000a7b6d000 0000000000000000',
	'[  351.207521]            000003ff800a4b40 0000000000000000 00000000a7b6d000 00000000a7b6d8c0',
	'[  351.207524]            0000000000000000 0000000000000000 0000000000000000 00000000a7b6d000',
	'[  351.207528]            00000000834d0000 000003ff800b5f48 000003ff800a4b62 0000038000e7f6f8',
	'[  351.207536] Krnl Code: 000003ff800a4b72: e310b0080004\tlg\t%r1,8(%r11)',
	'[  351.207536]            000003ff800a4b78: a7190000\t\tlghi\t%r1,0',
	'[  351.207536]           #000003ff800a4b7c: e31010000004\tlg\t%r1,0(%r1)',
	'[  351.207536]           >000003ff800a4b82: b9040021\t\tlgr\t%r2,%r1',
	'[  351.207552] Call Trace:',
	'[  351.207555]  [<000003ff800a4b7e>] qeth_l2_set_rx_mode+0x3e/0x1c8 [qeth_l2] ',
	'[  351.207562]  [<0000000000c3b7a4>] __dev_set_rx_mode+0x6c/0xb8 ',
	'[  351.207568]  [<0000000000c3b830>] dev_set_rx_mode+0x40/0x58 ',
	'[  351.207572]  [<0000000000c40d1e>] __dev_open+0x10e/0x1a0 ',
	'[  351.207577]  [<0000000000c4135a>] __dev_change_flags+0x1ca/0x238 ',
	'[  351.207582]  [<0000000000c41402>] dev_change_flags+0x3a/0x78 ',
	'[  351.207586]  [<0000000000c5a3be>] do_setlink+0x35e/0xf90 ',
	'[  351.207591]  [<0000000000c5f4da>] rtnl_newlink+0x5a2/0x8f8 ',
	'[  351.207596]  [<0000000000c5c6a0>] rtnetlink_rcv_msg+0x168/0x3f0 ',
	'[  351.207600]  [<0000000000cbc20c>] netlink_rcv_skb+0x5c/0x108 ',
	'[  351.207606]  [<0000000000cbb92c>] netlink_unicast+0x1dc/0x2d8 ',
	'[  351.207610]  [<0000000000cbbd9e>] netlink_sendmsg+0x2fe/0x458 ',
	'[  351.207614]  ([<0000000000c0e6f4>] ____sys_sendmsg+0x2bc/0x2d8)',
	'[  351.207619]  [<0000000000c10cb6>] ___sys_sendmsg+0x7e/0xb8 ',
	'[  351.207623]  [<0000000000c10dd8>] __sys_sendmsg+0x60/0xa8 ',
	'[  351.207627]  [<0000000000de95a2>] __do_syscall+0x1ea/0x210 ',
	'[  351.207633]  [<0000000000df9c30>] system_call+0x70/0x98 ',
	'[  351.207638] Last Breaking-Event-Address:',
	'[  351.207640]  [<000003ff800a4b60>] qeth_l2_set_rx_mode+0x20/0x1c8 [qeth_l2]',
	'[  351.207646] ---[ end trace 0000000000000000 ]---',
	'[  351.207650] Kernel panic - not syncing: Fatal exception: panic_on_oops'
];

const PPC_NULL = [
	'[   31.449370] BUG: Kernel NULL pointer dereference on read at 0x00000010',
	'[   31.449386] Faulting instruction address: 0xc000000000a1c3b4',
	'[   31.449393] Oops: Kernel access of bad area, sig: 11 [#1]',
	'[   31.449398] LE PAGE_SIZE=64K MMU=Radix SMP NR_CPUS=2048 NUMA pSeries',
	'[   31.449406] Modules linked in: ibmvnic(+) bonding rfkill sunrpc pseries_rng xfs libcrc32c sd_mod sg ibmvscsi',
	'[   31.449435] CPU: 4 PID: 1311 Comm: NetworkManager Not tainted 6.6.0-28.el9.ppc64le #1',
	'[   31.449443] Hardware name: IBM,9080-HEX POWER10 (raw) 0x800200 0xf000006 of:IBM,FW1030.20 (NH1030_058) hv:phyp pSeries',
	'[   31.449450] NIP:  c000000000a1c3b4 LR: c008000001a4e4c8 CTR: c000000000a1c390',
	'[   31.449455] REGS: c000000012f1f5a0 TRAP: 0300   Not tainted  (6.6.0-28.el9.ppc64le)',
	'[   31.449461] MSR:  800000000280b033 <SF,VEC,VSX,EE,FP,ME,IR,DR,RI,LE>  CR: 28002822  XER: 20040000',
	'[   31.449478] CFAR: c000000000a1c3a8 DAR: 0000000000000010 DSISR: 40000000 IRQMASK: 0 ',
	'[   31.449478] GPR00: c008000001a4e4c8 c000000012f1f840 c000000002a4e400 0000000000000000 ',
	'[   31.449478] GPR04: 0000000000000000 0000000000000000 0000000000000000 0000000000000000 ',
	'[   31.449478] GPR08: 0000000000000000 0000000000000000 0000000000000000 c008000001a6a2e8 ',
	'[   31.449478] GPR12: c000000000a1c390 c000000fff7fa300 0000000000000000 0000000000000000 ',
	'[   31.449478] GPR16: 0000000000000000 0000000000000000 0000000000000000 0000000000000000 ',
	'[   31.449478] GPR20: 0000000000000000 0000000000000000 0000000000000000 0000000000000000 ',
	'[   31.449478] GPR24: c00000000f6e5000 0000000000000000 c00000000f6e5a00 0000000000000000 ',
	'[   31.449478] GPR28: c00000000f6e5000 c00000000f6e5a00 0000000000000000 c00000000f6e5a00 ',
	'[   31.449551] NIP [c000000000a1c3b4] netif_carrier_on+0x24/0xa0',
	'[   31.449561] LR [c008000001a4e4c8] ibmvnic_open+0x1e0/0x330 [ibmvnic]',
	'[   31.449570] Call Trace:',
	'[   31.449573] [c000000012f1f840] [c000000012f1f8e0] 0xc000000012f1f8e0 (unreliable)',
	'[   31.449581] [c000000012f1f870] [c008000001a4e4c8] ibmvnic_open+0x1e0/0x330 [ibmvnic]',
	'[   31.449590] [c000000012f1f8f0] [c000000000d0b4f8] __dev_open+0x158/0x260',
	'[   31.449598] [c000000012f1f960] [c000000000d0bbe4] __dev_change_flags+0x234/0x2d0',
	'[   31.449606] [c000000012f1fa10] [c000000000d0bcc8] dev_change_flags+0x48/0xb0',
	'[   31.449613] [c000000012f1fa50] [c000000000d28f30] do_setlink+0x3a0/0x1220',
	'[   31.449621] [c000000012f1fbd0] [c000000000d2f3a8] rtnl_newlink+0x6f8/0x9d0',
	'[   31.449628] [c000000012f1fd00] [c000000000d2a4f0] rtnetlink_rcv_msg+0x1b0/0x5e0',
	'[   31.449636] [c000000012f1fd90] [c000000000dbc1b4] netlink_rcv_skb+0x84/0x1a0',
	'[   31.449644] [c000000012f1fdf0] [c000000000dbb6d8] netlink_unicast+0x2e8/0x3f0',
	'[   31.449652] [c000000012f1fe40] [c000000000dbbc0c] netlink_sendmsg+0x42c/0x500',
	'[   31.449659] [c000000012f1fed0] [c000000000c98a44] ____sys_sendmsg+0x3a4/0x3d0',
	'[   31.449667] [c000000012f1ff10] [c00000000002f8a0] system_call_exception+0x140/0x250',
	'[   31.449675] [c000000012f1ff50] [c00000000000d05c] system_call_vectored_common+0x15c/0x2ec',
	'[   31.449683] --- interrupt: 3000 at 0x7fff8a3d6b48',
	'[   31.449688] Code: 60000000 3c4c0203 38422070 7c0802a6 60000000 fbe1fff8 7c7f1b78 f821ffd1 e9230000 71290001 41820034 e9230010 <81290010> ',
	'[   31.449712] ---[ end trace 0000000000000000 ]---',
	'[   31.449720] Kernel panic - not syncing: Fatal exception'
];

const PPC_DATA = [
	'[  212.583412] BUG: Unable to handle kernel data access on read at 0xc00a000004002008',
	'[  212.583430] Faulting instruction address: 0xc0000000004f3e0c',
	'[  212.583438] Oops: Kernel access of bad area, sig: 11 [#1]',
	'[  212.583443] LE PAGE_SIZE=64K MMU=Hash SMP NR_CPUS=2048 NUMA PowerNV',
	'[  212.583452] Modules linked in: xfs libcrc32c',
	'[  212.583470] CPU: 12 PID: 4471 Comm: kworker/12:1 Tainted: G        W          5.14.0-70.el9.ppc64le #1',
	'[  212.583480] Workqueue: events_freezable_power_ disk_events_workfn',
	'[  212.583490] NIP:  c0000000004f3e0c LR: c0000000004f3db4 CTR: 0000000000000000',
	'[  212.583496] REGS: c000000094a3f7d0 TRAP: 0300   Tainted: G        W           (5.14.0-70.el9.ppc64le)',
	'[  212.583503] MSR:  9000000000009033 <SF,HV,EE,ME,IR,DR,RI,LE>  CR: 24002284  XER: 00000000',
	'[  212.583520] CFAR: c0000000004f3dbc DAR: c00a000004002008 DSISR: 40000000 IRQMASK: 0 ',
	'[  212.583520] GPR00: c0000000004f3db4 c000000094a3fa70 c000000002a4e400 c00a000004002000 ',
	'[  212.583600] NIP [c0000000004f3e0c] kmem_cache_alloc+0x10c/0x3f0',
	'[  212.583610] LR [c0000000004f3db4] kmem_cache_alloc+0xb4/0x3f0',
	'[  212.583617] Call Trace:',
	'[  212.583620] [c000000094a3fa70] [c0000000004f3db4] kmem_cache_alloc+0xb4/0x3f0 (unreliable)',
	'[  212.583630] [c000000094a3fae0] [c00000000079f6a8] scsi_execute_cmd+0x58/0x3a0',
	'[  212.583640] [c000000094a3fb60] [c0000000007a6e34] sr_check_events+0xd4/0x3f0',
	'[  212.583650] [c000000094a3fc40] [c0000000007f2e68] cdrom_check_events+0x38/0x70',
	'[  212.583660] [c000000094a3fc70] [c00000000061c250] disk_check_events+0x60/0x1b0',
	'[  212.583670] [c000000094a3fcf0] [c000000000188f5c] process_one_work+0x29c/0x5a0',
	'[  212.583680] [c000000094a3fd90] [c0000000001892e8] worker_thread+0x88/0x610',
	'[  212.583690] [c000000094a3fe10] [c000000000194a3c] kthread+0x12c/0x140',
	'[  212.583700] [c000000094a3fe50] [c00000000000cd64] ret_from_kernel_thread+0x5c/0x64',
	'[  212.583710] Instruction dump:',
	'[  212.583715] 7d29182e 2c090000 41820150 7d3f4a14 7fe9182a 2c3f0000 41820140 e93f0008 ',
	'[  212.583735] ---[ end trace 41b7b1f61e3f2a8c ]---'
];

const ARM_510 = [
	'[  605.310942] 8<--- cut here ---',
	'[  605.314104] Unable to handle kernel NULL pointer dereference at virtual address 00000004',
	'[  605.322228] pgd = 3a3fd1f2',
	'[  605.324945] [00000004] *pgd=00000000',
	'[  605.328550] Internal error: Oops: 805 [#1] SMP ARM',
	'[  605.333361] Modules linked in: brcmfmac brcmutil cfg80211 rfkill',
	'[  605.339413] CPU: 1 PID: 77 Comm: kworker/1:2 Tainted: G        W         5.10.110 #1',
	'[  605.347261] Hardware name: BCM2835',
	'[  605.350696] Workqueue: events brcmf_fweh_event_worker [brcmfmac]',
	'[  605.356773] PC is at brcmf_notify_connect_status+0x1a4/0x4e8 [brcmfmac]',
	'[  605.363453] LR is at brcmf_notify_connect_status+0x18c/0x4e8 [brcmfmac]',
	'[  605.370133] pc : [<bf35f93c>]    lr : [<bf35f924>]    psr: 60000013',
	'[  605.376467] sp : c25cfe38  ip : 00000000  fp : c25cfe74',
	'[  605.381748] r10: c3f9c800  r9 : c25ce000  r8 : c3ac0000',
	'[  605.387026] r7 : c3f9c9c0  r6 : c3ac0000  r5 : c1e24010  r4 : 00000000',
	'[  605.393621] r3 : 00000000  r2 : 00000001  r1 : 00000000  r0 : 00000000',
	'[  605.400216] Flags: nZCv  IRQs on  FIQs on  Mode SVC_32  ISA ARM  Segment none',
	'[  605.407431] Control: 10c5383d  Table: 0289806a  DAC: 00000051',
	'[  605.413240] Process kworker/1:2 (pid: 77, stack limit = 0xbfc6b49d)',
	'[  605.419571] Stack: (0xc25cfe38 to 0xc25d0000)',
	'[  605.423961] fe20:                                                       c3ac0000 c3f9c9c0',
	'[  605.432233] fe40: c25cfe5c c25cfe50 c08a3d3c 00000000 c3f9c800 c3f9c9c0 c3ac0000 00000000',
	'[  605.440505] [<bf35f93c>] (brcmf_notify_connect_status [brcmfmac]) from [<bf36d0a8>] (brcmf_fweh_event_worker+0x1d4/0x30c [brcmfmac])',
	'[  605.452548] [<bf36d0a8>] (brcmf_fweh_event_worker [brcmfmac]) from [<c014b8d4>] (process_one_work+0x250/0x57c)',
	'[  605.462712] [<c014b8d4>] (process_one_work) from [<c014bc5c>] (worker_thread+0x5c/0x5fc)',
	'[  605.470894] [<c014bc5c>] (worker_thread) from [<c01534d0>] (kthread+0x170/0x174)',
	'[  605.478379] [<c01534d0>] (kthread) from [<c0100148>] (ret_from_fork+0x14/0x2c)',
	'[  605.485692] Exception stack(0xc25cffb0 to 0xc25cfff8)',
	'[  605.490823] ffa0:                                     00000000 00000000 00000000 00000000',
	'[  605.499101] Code: e5943000 e3a02001 e5843018 e5940008 (e5804004) ',
	'[  605.505312] ---[ end trace 6a3e7f8b1c2d4e50 ]---',
	'[  605.510017] Kernel panic - not syncing: Fatal exception'
];

const ARM_61 = [
	'[  605.310942] 8<--- cut here ---',
	'[  605.314104] Unable to handle kernel NULL pointer dereference at virtual address 00000004 when write',
	'[  605.322228] [00000004] *pgd=00000000',
	'[  605.328550] Internal error: Oops: 805 [#1] SMP ARM',
	'[  605.333361] Modules linked in: brcmfmac brcmutil cfg80211 rfkill',
	'[  605.339413] CPU: 1 PID: 77 Comm: kworker/1:2 Tainted: G        W          6.1.21 #1',
	'[  605.347261] Hardware name: BCM2835',
	'[  605.350696] Workqueue: events brcmf_fweh_event_worker [brcmfmac]',
	'[  605.356773] PC is at brcmf_notify_connect_status+0x1a4/0x4e8 [brcmfmac]',
	'[  605.363453] LR is at brcmf_notify_connect_status+0x18c/0x4e8 [brcmfmac]',
	'[  605.370133] pc : [<bf35f93c>]    lr : [<bf35f924>]    psr: 60000013',
	'[  605.376467] sp : c25cfe38  ip : 00000000  fp : c25cfe74',
	'[  605.381748] r10: c3f9c800  r9 : c25ce000  r8 : c3ac0000',
	'[  605.387026] r7 : c3f9c9c0  r6 : c3ac0000  r5 : c1e24010  r4 : 00000000',
	'[  605.393621] r3 : 00000000  r2 : 00000001  r1 : 00000000  r0 : 00000000',
	'[  605.400216] Flags: nZCv  IRQs on  FIQs on  Mode SVC_32  ISA ARM  Segment none',
	'[  605.407431] Control: 10c5383d  Table: 0289806a  DAC: 00000051',
	'[  605.413240] Register r0 information: NULL pointer',
	'[  605.418046] Register r1 information: NULL pointer',
	'[  605.413240] Process kworker/1:2 (pid: 77, stack limit = 0xbfc6b49d)',
	'[  605.419571] Stack: (0xc25cfe38 to 0xc25d0000)',
	'[  605.423961] fe20:                                                       c3ac0000 c3f9c9c0',
	'[  605.432233] fe40: c25cfe5c c25cfe50 c08a3d3c 00000000 c3f9c800 c3f9c9c0 c3ac0000 00000000',
	'[  605.440505]  brcmf_notify_connect_status [brcmfmac] from brcmf_fweh_event_worker+0x1d4/0x30c [brcmfmac]',
	'[  605.452548]  brcmf_fweh_event_worker [brcmfmac] from process_one_work+0x250/0x57c',
	'[  605.462712]  process_one_work from worker_thread+0x5c/0x5fc',
	'[  605.470894]  worker_thread from kthread+0x170/0x174',
	'[  605.478379]  kthread from ret_from_fork+0x14/0x2c',
	'[  605.485692] Exception stack(0xc25cffb0 to 0xc25cfff8)',
	'[  605.490823] ffa0:                                     00000000 00000000 00000000 00000000',
	'[  605.499101] Code: e5943000 e3a02001 e5843018 e5940008 (e5804004) ',
	'[  605.505312] ---[ end trace 0000000000000000 ]---',
	'[  605.510017] Kernel panic - not syncing: Fatal exception'
];
// satyr-arm-hung-task-oops-2.log (abrt/satyr, 3.17.8-300.fc21.armv7hl, no kernel times), lines
// 1-17 and 37-44 (the stack words between them left out; the modules line cut at 400 characters)
const ARM_317 = [
	'Unable to handle kernel NULL pointer dereference at virtual address 00000009',
	'pgd = e8a60000',
	'[00000009] *pgd=00000000',
	'Internal error: Oops: 805 [#1] SMP ARM',
	'Modules linked in: smsc95xx usbnet mii ses enclosure snd_soc_omap_mcbsp omapdrm drm_kms_helper snd_soc_omap_abe_twl6040 snd_soc_twl6040 snd_soc_omap_mcpdm snd_soc_omap drm omap_aes snd_soc_core fb_sys_fops omap_wdt omap4_keypad omap_ocp2scp encoder_tfp410 encoder_tpd12s015 snd_compress connector_hdmi connector_dvi omap_des pwm_twl_led pwm_twl snd_pcm_dmaengine ac97_bus snd_pcm leds_gpio omapdss sn',
	'CPU: 1 PID: 431 Comm: systemd-logind Not tainted 3.17.8-300.fc21.armv7hl #1',
	'task: ed16dd80 ti: e8a58000 task.ti: e8a58000',
	'PC is at shmem_getpage_gfp+0x584/0x72c',
	'LR is at shmem_getpage_gfp+0x454/0x72c',
	'pc : [<c0333330>]    lr : [<c0333200>]    psr: 80070113',
	'sp : e8a59dd8  ip : 2d2f9000  fp : 00000000',
	'r10: e89fa198  r9 : 00000001  r8 : 000200da',
	'r7 : 00000000  r6 : 00000003  r5 : 00000000  r4 : e89fa1c0',
	'r3 : ee1a44a0  r2 : 00000009  r1 : 00000000  r0 : 00000000',
	'Flags: Nzcv  IRQs on  FIQs on  Mode SVC_32  ISA ARM  Segment user',
	'Control: 10c5387d  Table: a8a6004a  DAC: 00000015',
	'Process systemd-logind (pid: 431, stack limit = 0xe8a58248)',
	'[<c0333330>] (shmem_getpage_gfp) from [<c031c7a0>] (generic_perform_write+0xa8/0x1c0)',
	'[<c031c7a0>] (generic_perform_write) from [<c031e698>] (__generic_file_write_iter+0x31c/0x38c)',
	'[<c031e698>] (__generic_file_write_iter) from [<c031e744>] (generic_file_write_iter+0x3c/0xc8)',
	'[<c031e744>] (generic_file_write_iter) from [<c036e4e4>] (new_sync_write+0x84/0xa8)',
	'[<c036e4e4>] (new_sync_write) from [<c036ec10>] (vfs_write+0xc0/0x1b0)',
	'[<c036ec10>] (vfs_write) from [<c036f270>] (SyS_write+0x48/0x88)',
	'[<c036f270>] (SyS_write) from [<c020ea40>] (ret_fast_syscall+0x0/0x30)',
	'Code: ea000005 e59d302c e59d2024 e3a00000 (e5823000)'
];

interface ArchCase {
	name: string;
	lines: string[];
	arch: string;
	title: string;
	guilty: string;
	fault: string;
	frames: string[];
	frameCount: number;
	task: [number | null, number, string];
	kernel: string;
	panicked: boolean;
	/** the index of the guilty frame in the trace (default 0) */
	marked?: number;
}

const ARCH_CASES: ArchCase[] = [
	{
		name: 'riscv 6.6, frames after the status line',
		lines: RISCV,
		arch: 'riscv64',
		title: 'BUG: unable to handle kernel NULL pointer dereference in sysfs_kf_seq_show',
		guilty: 'sysfs_kf_seq_show',
		fault: 'sysfs_kf_seq_show+0x6c/0x134',
		frames: ['sysfs_kf_seq_show', 'seq_read_iter', 'kernfs_fop_read_iter'],
		frameCount: 8,
		task: [2, 311, 'cat'],
		kernel: '6.6.8',
		panicked: true
	},
	{
		name: 'mips 5.15, the address before the symbol in epc',
		lines: MIPS,
		arch: 'mips',
		title: 'BUG: unable to handle kernel paging request in ath9k_hw_reset',
		guilty: 'ath9k_hw_reset',
		fault: 'ath9k_hw_reset+0x44/0x1cb8 [ath9k_hw]',
		frames: ['ath9k_hw_reset', 'ath_reset_internal', 'ath_reset'],
		frameCount: 8,
		task: [0, 1742, 'hostapd'],
		kernel: '5.15.134',
		panicked: true
	},
	{
		name: 'loongarch 6.6, the address before the symbol in ERA',
		lines: LOONGARCH,
		arch: 'loongarch64',
		title: 'BUG: unable to handle kernel paging request in pci_enable_device_flags',
		guilty: 'pci_enable_device_flags',
		fault: 'pci_enable_device_flags+0x6c/0x1a0',
		frames: ['pci_enable_device_flags', 'azx_probe', 'local_pci_probe'],
		frameCount: 16,
		task: [3, 1027, 'modprobe'],
		kernel: '6.6.0',
		panicked: true
	},
	{
		name: "s390 6.6, a kernel pointer dereference at address 0, the trace's `(…)` frame and the last break",
		lines: S390,
		arch: 's390x',
		title: 'BUG: unable to handle kernel NULL pointer dereference in qeth_l2_set_rx_mode',
		guilty: 'qeth_l2_set_rx_mode',
		fault: 'qeth_l2_set_rx_mode+0x3e/0x1c8 [qeth_l2]',
		frames: ['qeth_l2_set_rx_mode', '__dev_set_rx_mode', 'dev_set_rx_mode'],
		frameCount: 17,
		task: [1, 2317, 'ip'],
		kernel: '6.6.0',
		panicked: true
	},
	{
		name: 'powerpc 6.6, a NULL read, an unnamed (unreliable) first frame',
		lines: PPC_NULL,
		arch: 'powerpc',
		title: 'BUG: unable to handle kernel NULL pointer dereference in netif_carrier_on',
		guilty: 'netif_carrier_on',
		fault: 'netif_carrier_on+0x24/0xa0',
		frames: ['netif_carrier_on', 'ibmvnic_open', '__dev_open'],
		frameCount: 14,
		task: [4, 1311, 'NetworkManager'],
		kernel: '6.6.0-28.el9.ppc64le',
		panicked: true
	},
	{
		name: 'powerpc 5.14, a data access in an allocator (skipped), no panic',
		lines: PPC_DATA,
		arch: 'powerpc',
		title: 'BUG: unable to handle kernel paging request in scsi_execute_cmd',
		guilty: 'scsi_execute_cmd',
		fault: 'kmem_cache_alloc+0x10c/0x3f0',
		frames: ['kmem_cache_alloc', 'scsi_execute_cmd', 'sr_check_events'],
		frameCount: 9,
		marked: 1,
		task: [12, 4471, 'kworker/12:1'],
		kernel: '5.14.0-70.el9.ppc64le',
		panicked: false
	},
	{
		name: 'arm 5.10, `[<pc>] (a) from [<pc>] (b+..)` frames',
		lines: ARM_510,
		arch: 'arm',
		title: 'BUG: unable to handle kernel NULL pointer dereference in brcmf_notify_connect_status',
		guilty: 'brcmf_notify_connect_status',
		fault: 'brcmf_notify_connect_status+0x1a4/0x4e8 [brcmfmac]',
		frames: ['brcmf_notify_connect_status', 'brcmf_fweh_event_worker', 'process_one_work'],
		frameCount: 6,
		task: [1, 77, 'kworker/1:2'],
		kernel: '5.10.110',
		panicked: true
	},
	{
		name: 'arm 6.1, ` a [mod] from b+..` frames',
		lines: ARM_61,
		arch: 'arm',
		title: 'BUG: unable to handle kernel NULL pointer dereference in brcmf_notify_connect_status',
		guilty: 'brcmf_notify_connect_status',
		fault: 'brcmf_notify_connect_status+0x1a4/0x4e8 [brcmfmac]',
		frames: ['brcmf_notify_connect_status', 'brcmf_fweh_event_worker', 'process_one_work'],
		frameCount: 6,
		task: [1, 77, 'kworker/1:2'],
		kernel: '6.1.21',
		panicked: true
	},
	{
		name: 'arm 3.17 (satyr-arm-hung-task-oops-2.log), no kernel times',
		lines: ARM_317,
		arch: 'arm',
		title: 'BUG: unable to handle kernel NULL pointer dereference in shmem_getpage_gfp',
		guilty: 'shmem_getpage_gfp',
		fault: 'shmem_getpage_gfp+0x584/0x72c',
		frames: ['shmem_getpage_gfp', 'generic_perform_write', '__generic_file_write_iter'],
		frameCount: 8,
		task: [1, 431, 'systemd-logind'],
		kernel: '3.17.8-300.fc21.armv7hl',
		panicked: false
	}
];

describe('oopses of each architecture', () => {
	it.each(ARCH_CASES)('$name', async (c) => {
		const result = await analyzeLines(c.lines);
		expect(result.metadata.arch).toBe(c.arch);
		const found = result.findings.filter((f) => f.category === 'crash');
		// the oops and the panic after it are one finding
		expect(found).toHaveLength(1);
		const [f] = found;
		expect(f.title).toBe(c.title);
		expect(f.alt_titles).toEqual([`bad-access in ${c.guilty}`]);
		expect(f.details.corrupted).toBe(false);
		expect(f.details.panicked).toBe(c.panicked);
		expect(f.severity).toBe(c.panicked ? 'critical' : 'high');
		expect(f.stack!.guilty_frame).toBe(c.guilty);
		expect(f.stack!.fault_location).toBe(c.fault);
		expect(f.stack!.frames.map((fr) => fr.function).slice(0, 3)).toEqual(c.frames);
		expect(f.stack!.frames).toHaveLength(c.frameCount);
		expect(guiltyMarks(f.stack!).indexOf(true)).toBe(c.marked ?? 0);
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual(c.task);
		expect(f.details.kernel_version).toBe(c.kernel);
		expect((f.details.registers as string[]).length).toBeGreaterThan(2);
		expect(f.details).not.toHaveProperty('cut_short');
	});

	it("ends the s390 trace at the last breaking event, and keeps the unwinder's `(…)` frame", async () => {
		const [f] = await crashesOf(S390);
		const fns = f.stack!.frames.map((fr) => fr.function);
		expect(fns.at(-1)).toBe('system_call');
		expect(fns).toContain('____sys_sendmsg');
	});

	it("reads mips's and loongarch's register dumps", async () => {
		const [m] = await crashesOf(MIPS);
		expect(m.details.registers).toEqual(
			expect.arrayContaining([
				'$ 0   : 00000000 00000001 00000000 81f4c000',
				'epc   : 8f0b2a1c ath9k_hw_reset+0x44/0x1cb8 [ath9k_hw]',
				'BadVA : 00000004'
			])
		);
		const [l] = await crashesOf(LOONGARCH);
		expect(l.details.registers).toEqual(
			expect.arrayContaining([
				'  ERA: 9000000000d5d3ac pci_enable_device_flags+0x6c/0x1a0',
				' BADV: 0000000000000008'
			])
		);
	});

	it('reads the 64-bit mips epc as mips64', async () => {
		const wide = MIPS.map((l) =>
			l.includes('] epc   : ')
				? '[  118.570896] epc   : ffffffffc0e2aa1c ath9k_hw_reset+0x44/0x1cb8 [ath9k_hw]'
				: l
		);
		const result = await analyzeLines(wide);
		expect(result.metadata.arch).toBe('mips64');
	});
	// written from the format strings of riscv 6.6 (kernel/panic.c __warn(), arch/riscv
	// kernel/process.c show_regs(), which dumps the trace after the registers with no header)
	it('titles a riscv WARN() by its epc and reads its header line', async () => {
		const [f] = await crashesOf([
			'[    3.402117] ------------[ cut here ]------------',
			'[    3.402694] WARNING: CPU: 1 PID: 1 at drivers/clk/clk.c:1022 clk_core_disable+0xb6/0xc0',
			'[    3.403586] Modules linked in:',
			'[    3.403949] CPU: 1 PID: 1 Comm: swapper/0 Not tainted 6.6.8 #1',
			'[    3.404614] Hardware name: StarFive VisionFive 2 v1.3B (DT)',
			'[    3.405243] epc : clk_core_disable+0xb6/0xc0',
			'[    3.405771]  ra : clk_core_disable+0xb6/0xc0',
			'[    3.406296] epc : ffffffff805a6b9e ra : ffffffff805a6b9e sp : ff2000000002bb40',
			'[    3.407101]  gp : ffffffff81a1a4b8 tp : ff6000000208d880 t0 : ffffffff81a3a3a8',
			'[    3.407897]  t5 : ffffffff81a4d0e7 t6 : ff2000000002b8f8',
			'[    3.408480] status: 0000000200000100 badaddr: 0000000000000000 cause: 0000000000000003',
			'[    3.409336] [<ffffffff805a6b9e>] clk_core_disable+0xb6/0xc0',
			'[    3.409978] [<ffffffff805a6bc8>] clk_disable+0x20/0x36',
			'[    3.410580] [<ffffffff806c3a52>] dw_mci_probe+0x4ea/0x7a4',
			'[    3.411204] [<ffffffff80621b86>] platform_probe+0x4e/0xa6',
			'[    3.411828] [<ffffffff8061f2b2>] really_probe+0x82/0x21e',
			'[    3.412440] [<ffffffff80002b7c>] kernel_init+0x1e/0x10a',
			'[    3.413042] [<ffffffff80003c0e>] ret_from_fork+0xe/0x1c',
			'[    3.413646] ---[ end trace 0000000000000000 ]---'
		]);
		expect(f.title).toBe('WARNING in clk_core_disable');
		expect(f.details.source_location).toBe('drivers/clk/clk.c:1022');
		expect(f.details.called_from).toEqual(['clk_disable']);
		expect(f.stack!.frames.map((fr) => fr.function)).toEqual([
			'clk_core_disable',
			'clk_disable',
			'dw_mci_probe',
			'platform_probe',
			'really_probe',
			'kernel_init',
			'ret_from_fork'
		]);
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([1, 1, 'swapper/0']);
	});
});
