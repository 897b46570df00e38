/**
 * Crash reports of the architectures neither corpus had (riscv, mips, loongarch) and of those it
 * had little of (s390, powerpc, arm 32-bit), and crash families of the real-log corpus that had
 * no title test. Real logs are quoted verbatim with their names; the reports of riscv, mips,
 * loongarch and of newer s390, powerpc and arm kernels were written from the kernel's own format
 * strings (the kernel version is named for each), as the corpus has none of them.
 */
import { describe, expect, it } from 'vitest';
import { guiltyMarks } from '../../src/lib/output/common.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';

const analyze = (lines: string[]) => analyzeText(lines.join('\n') + '\n');
const crashes = async (lines: string[]) =>
	(await analyze(lines)).findings.filter((f) => f.category === 'crash');

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
		const [f] = await crashes(LKP41);
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
		const [f] = await crashes(whole);
		expect(f.details).not.toHaveProperty('cut_short');
	});
});

describe('powerpc', () => {
	// kerneloops-power5-with-machinecheck.log (kerneloops, 2.6.22.9-61.fc6, ppc64), lines 13-14,
	// 16-19 and 28-37: a machine check (an L2 cache parity error) in `._spin_lock`, called from
	// unix_stream_recvmsg (LR); the first frame of the trace is the stale LR save slot, marked
	// `(unreliable)`, and the log has no kernel times, so no printk context
	const POWER5 = [
		'Oops: Machine check, sig: 7 [#1]',
		'SMP NR_CPUS=128 NUMA pSeries',
		'NIP: c000000000441188 LR: c000000000432060 CTR: c000000000073cfc',
		'REGS: c000000008c735d0 TRAP: 0200   Not tainted  (2.6.22.9-61.fc6)',
		'MSR: 8000000000109032 <EE,ME,IR,DR>  CR: 24000448  XER: 00000010',
		"TASK = c000000033b12000[28081] 'scp' THREAD: c000000008c70000 CPU: 1",
		'NIP [c000000000441188] ._spin_lock+0x20/0x88',
		'LR [c000000000432060] .unix_stream_recvmsg+0x2b4/0x6e0',
		'Call Trace:',
		'[c000000008c73850] [c0000000001971c4] .avc_has_perm+0x6c/0x9c (unreliable)',
		'[c000000008c738d0] [c000000000432060] .unix_stream_recvmsg+0x2b4/0x6e0',
		'[c000000008c73a20] [c0000000003972e4] .sock_aio_read+0x154/0x18c',
		'[c000000008c73b50] [c00000000010e5e4] .do_sync_read+0xc4/0x124',
		'[c000000008c73cf0] [c00000000010f060] .vfs_read+0x13c/0x208',
		'[c000000008c73d90] [c00000000010f830] .sys_read+0x4c/0x8c',
		'[c000000008c73e30] [c0000000000086c8] syscall_exit+0x0/0x40'
	];

	it('never takes the (unreliable) frame for the guilty one, also without kernel times (power5)', async () => {
		const result = await analyze(POWER5);
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
		const [f] = await crashes(POWER5);
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([1, 28081, 'scp']);
		expect(f.details.kernel_version).toBe('2.6.22.9-61.fc6');
		expect(f.details.taint).toBeNull();
		// a REGS line with taint letters, on a report without a `CPU:` line
		const tainted = POWER5.map((l) =>
			l.startsWith('REGS: ')
				? 'REGS: c000000010ff37b0 TRAP: 0300 Tainted: G W -------------- (3.10.0-33.el7.ppc64)'
				: l
		);
		const [g] = await crashes(tainted);
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
		const [f] = await crashes(OOPS9);
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
		const [f] = await crashes(GITLOG24);
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
	const GITLOG19 = [
		'BUG numa_policy (Not tainted): Poison overwritten',
		'-----------------------------------------------------------------------------',
		'',
		'INFO: 0xffff880146498250-0xffff880146498250. First byte 0x6a instead of 0x6b',
		'INFO: Allocated in mpol_new+0xa3/0x140 age=46310 cpu=6 pid=32154',
		' __slab_alloc+0x3d3/0x445',
		' kmem_cache_alloc+0x29d/0x2b0',
		' mpol_new+0xa3/0x140',
		' sys_mbind+0x142/0x620',
		' system_call_fastpath+0x16/0x1b',
		'INFO: Freed in __mpol_put+0x27/0x30 age=46268 cpu=6 pid=32154',
		' __slab_free+0x2e/0x1de',
		' kmem_cache_free+0x25a/0x260',
		' __mpol_put+0x27/0x30',
		' remove_vma+0x68/0x90',
		' exit_mmap+0x118/0x140',
		' mmput+0x73/0x110',
		' exit_mm+0x108/0x130',
		' do_exit+0x162/0xb90',
		' do_group_exit+0x4f/0xc0',
		' sys_exit_group+0x17/0x20',
		' system_call_fastpath+0x16/0x1b',
		'INFO: Slab 0xffffea0005192600 objects=27 used=27 fp=0x          (null) flags=0x20000000004080',
		'INFO: Object 0xffff880146498250 @offset=592 fp=0xffff88014649b9d0'
	];

	it('names a poison overwrite by the function that freed the object (satyr-gitlog-19)', async () => {
		const [f] = await crashes(GITLOG19);
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
		const [f] = await crashes(GITLOG30);
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

	it('names a report without tracks by its cache, and other checks too', async () => {
		const bare = GITLOG19.filter((l) => l.startsWith('BUG ') || l.startsWith('INFO: 0x'));
		const [f] = await crashes(bare);
		expect([f.title, f.details.corrupted]).toEqual([
			'SLUB: Poison overwritten in numa_policy',
			false
		]);
		const [g] = await crashes([
			'BUG kmalloc-64 (Not tainted): Freepointer corrupt',
			...GITLOG19.slice(1)
		]);
		expect(g.title).toBe('SLUB: Freepointer corrupt in kmalloc-NUM');
	});

	// written from the format strings of mm/slub.c of 6.1 (slab_bug(), check_bytes_and_report(),
	// print_track() without the `INFO: ` of older kernels, stack_depot_print()): a write past the
	// end of a live object is named by the function that allocated it
	it('names a red zone overwrite by the function that allocated the object (6.1 form)', async () => {
		const [f] = await crashes([
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
