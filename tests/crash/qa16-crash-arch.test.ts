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
