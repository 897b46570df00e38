import { describe, expect, it } from 'vitest';
import { NMI_PANIC } from '../support/excerpts.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';

/**
 * Defects QA found on real logs (the real-log corpus, ../shared/corpus/real), with short verbatim excerpts:
 * crash-dmesg-vmcore-dmesg-txt.log (RHEL 6, no timestamps, every frame `?`),
 * apimnewyear-vmcore-dmesg-txt.log (RHEL 8 NMI panic), iamslightlywin-dump-last-kmsg.log
 * (Samsung arm64), ms912x-dmesg-log.log and debian-clearfog-gt-8k-dmesg.log (WARN messages).
 */
async function crashes(lines: string[]) {
	const r = await analyzeText(lines.join('\n'));
	return r.findings.filter((f) => f.category === 'crash');
}

/** crash-dmesg-vmcore-dmesg-txt.log lines 1209-1228 (Modules linked in shortened) */
const HARD_LOCKUP = [
	'<0>Watchdog detected hard LOCKUP on cpu 5',
	'<4>Modules linked in: ebtable_nat ebtable_filter ebt_ip ebt_arp ebtables [last unloaded: ebtables]',
	'<4>Pid: 118823, comm: worker Tainted: G           --L------------    2.6.32-642.el6.x86_64 #1',
	'<4>Call Trace:',
	'<4> <NMI>  [<ffffffff810f2c41>] ? watchdog_overflow_callback+0xf1/0x110',
	'<4> [<ffffffff8112ba27>] ? __perf_event_overflow+0xa7/0x240',
	'<4> [<ffffffff8101dee6>] ? x86_perf_event_set_period+0xf6/0x180',
	'<4> [<ffffffff8112c084>] ? perf_event_overflow+0x14/0x20',
	'<4> [<ffffffff810252bc>] ? intel_pmu_handle_irq+0x21c/0x480',
	'<4> [<ffffffff8154c189>] ? perf_event_nmi_handler+0x39/0xb0',
	'<4> [<ffffffff8154dc85>] ? notifier_call_chain+0x55/0x80',
	'<4> [<ffffffff8154dcea>] ? atomic_notifier_call_chain+0x1a/0x20',
	'<4> [<ffffffff810aceae>] ? notify_die+0x2e/0x30',
	'<4> [<ffffffff8154b903>] ? do_nmi+0x1c3/0x350',
	'<4> [<ffffffff8154b1c3>] ? nmi+0x83/0x90',
	'<4> [<ffffffff812a6f2f>] ? __write_lock_failed+0xf/0x20',
	'<4> <<EOE>>  [<ffffffff8154a9ae>] ? _write_lock_irq+0x1e/0x20',
	'<4> [<ffffffff81081b58>] ? do_exit+0x208/0x870',
	'<4> [<ffffffff810822c7>] ? sys_exit+0x17/0x20',
	'<4> [<ffffffff8100b0d2>] ? system_call_fastpath+0x16/0x1b'
];

describe('QA defects on real logs', () => {
	it('1, 3: reads frames after <NMI>/<<EOE>> and titles an all-? hard lockup by a real frame', async () => {
		const c = await crashes(HARD_LOCKUP);
		expect(c).toHaveLength(1);
		const names = c[0].stack?.frames.map((f) => f.function);
		expect(names?.[0]).toBe('watchdog_overflow_callback');
		expect(names).toContain('_write_lock_irq');
		expect(c[0].stack?.frames.find((f) => f.function === '__write_lock_failed')?.context).toBe(
			'nmi'
		);
		expect(c[0].stack?.frames.find((f) => f.function === '_write_lock_irq')?.context).toBe('task');
		// watchdog/perf/NMI plumbing and the lock helpers are skipped: the caller took the lock
		expect(c[0].title).toBe('watchdog: hard LOCKUP in do_exit');
		expect(c[0].details.corrupted_reason).toMatch(/unreliable/);
	});

	it('3: titles an all-? soft lockup whose RIP function is skipped (skb_header_pointer)', async () => {
		// crash-dmesg-vmcore-dmesg-txt.log lines 1489-1533, registers and stack words left out
		const c = await crashes([
			'<0>BUG: soft lockup - CPU#4 stuck for 65s! [CPU 0/KVM:117874]',
			'<4>Pid: 117874, comm: CPU 0/KVM Tainted: G           --L------------    2.6.32-642.el6.x86_64 #1 Dell Inc. PowerEdge R730xd/0WCJNT',
			'<4>RIP: 0010:[<ffffffffa002305e>]  [<ffffffffa002305e>] skb_header_pointer+0x1e/0x60 [ebt_arp]',
			'<4>RSP: 0018:ffff880158243940  EFLAGS: 00000206',
			'<4>Call Trace:',
			'<4> <IRQ> ',
			'<4> [<ffffffffa0023263>] ? ebt_arp_mt+0x1c3/0x2d4 [ebt_arp]',
			'<4> [<ffffffffa019193e>] ? ebt_do_table+0x4be/0x730 [ebtables]',
			'<4> [<ffffffff8146b087>] ? __kfree_skb+0x47/0xa0',
			'<4> [<ffffffffa00780bc>] ? ebt_in_hook+0x1c/0x20 [ebtable_filter]',
			'<4> [<ffffffff814a8c89>] ? nf_iterate+0x69/0xb0',
			'<4> [<ffffffffa041e9c0>] ? br_forward_finish+0x0/0x60 [bridge]',
			'<4> [<ffffffff814a8e46>] ? nf_hook_slow+0x76/0x120',
			'<4> [<ffffffffa041f9de>] ? br_handle_frame_finish+0x2ce/0x330 [bridge]',
			'<4> [<ffffffffa041fc00>] ? br_handle_frame+0x1c0/0x270 [bridge]',
			'<4> [<ffffffffa041fa40>] ? br_handle_frame+0x0/0x270 [bridge]',
			'<4> [<ffffffff814783bd>] ? __netif_receive_skb+0x1bd/0x590',
			'<4> [<ffffffff8147c268>] ? netif_receive_skb+0x58/0x60',
			'<4> [<ffffffff8147de93>] ? net_rx_action+0x103/0x300',
			'<4> [<ffffffff81085495>] ? __do_softirq+0xe5/0x230',
			'<4> <EOI> ',
			'<4> [<ffffffff810bf1a0>] ? generic_exec_single+0x90/0xc0'
		]);
		// the stall extractor: the function the packet dispatcher (__netif_receive_skb) called
		expect(c[0].title).toBe('BUG: soft lockup in br_handle_frame');
		expect(c[0].details.corrupted).toBe(true);
	});

	it('2: the call trace goes on after the registers of the <NMI> section and </NMI>', async () => {
		const c = await crashes(NMI_PANIC);
		const frames = c[0].stack?.frames ?? [];
		expect(frames.map((f) => f.function).slice(-7)).toEqual([
			'cpuidle_enter_state',
			'menu_select',
			'cpuidle_enter',
			'do_idle',
			'cpu_startup_entry',
			'start_kernel',
			'secondary_startup_64'
		]);
		expect(frames.find((f) => f.function === 'do_idle')?.context).toBe('task');
		expect(frames.find((f) => f.function === 'end_repeat_nmi')?.context).toBe('nmi');
	});

	it('4: comm stops before vendor fields (RHEL Kdump: loaded, Samsung FTT:)', async () => {
		expect((await crashes(NMI_PANIC))[0].details.comm).toBe('swapper/0');
		// iamslightlywin-dump-last-kmsg.log lines 6309-6342, shortened
		const c = await crashes([
			'<4>[22921.938424]  [3:    kworker/3:0:14402] ------------[ cut here ]------------',
			'<4>[22921.938430]  [3:    kworker/3:0:14402] atomic remove_fb failed with -22',
			'<4>[22921.938442]  [3:    kworker/3:0:14402] WARNING: CPU: 3 PID: 14402 at drivers/gpu/drm/drm_framebuffer.c:950 drm_framebuffer_remove+0x3c8/0x3e0',
			'<4>[22921.938451]  [3:    kworker/3:0:14402] CPU: 3 PID: 14402 Comm: kworker/3:0 FTT: 0 0 Tainted: G S      W         4.19.113-Amnesty11 #1',
			'<4>[22921.938460]  [3:    kworker/3:0:14402] pc : drm_framebuffer_remove+0x3c8/0x3e0',
			'<4>[22921.938470]  [3:    kworker/3:0:14402] Call trace:',
			'<4>[22921.938475]  [3:    kworker/3:0:14402]  drm_framebuffer_remove+0x3c8/0x3e0',
			'<4>[22921.938480]  [3:    kworker/3:0:14402]  drm_mode_rmfb_work_fn+0x4c/0x68',
			'<4>[22921.938485]  [3:    kworker/3:0:14402]  process_one_work+0x278/0x440',
			'<4>[22921.938490]  [3:    kworker/3:0:14402]  worker_thread+0x258/0x4e8',
			'<4>[22921.938495]  [3:    kworker/3:0:14402]  kthread+0x140/0x150',
			'<4>[22921.938500]  [3:    kworker/3:0:14402]  ret_from_fork+0x10/0x18'
		]);
		expect(c[0].details.comm).toBe('kworker/3:0');
		expect(c[0].details.taint).toBe('G S      W');
		expect(c[0].details.kernel_version).toBe('4.19.113-Amnesty11');
	});

	it('5: the WARN message between cut here and WARNING: is evidence, the title is unchanged', async () => {
		// ms912x-dmesg-log.log lines 994-1003, shortened
		const c = await crashes([
			'[    6.589725] input: Video Bus as /devices/LNXSYSTM:00/LNXSYBUS:00/PNP0A08:00/LNXVIDEO:01/input/input24',
			'[    6.589958] ------------[ cut here ]------------',
			'[    6.589959] i915 0000:00:02.0: [drm] drm_WARN_ON(intel_dp->pps.vdd_wakeref)',
			'[    6.589978] WARNING: CPU: 4 PID: 217 at drivers/gpu/drm/i915/display/intel_pps.c:758 intel_pps_vdd_on_unlocked+0x4bc/0x4d0 [i915]',
			'[    6.590108] CPU: 4 UID: 0 PID: 217 Comm: systemd-udevd Not tainted 6.15.8-1-liquorix-amd64 #1 PREEMPT(full)  liquorix 6.15-8ubuntu1~jammy ',
			'[    6.590111] RIP: 0010:intel_pps_vdd_on_unlocked+0x4bc/0x4d0 [i915]',
			'[    6.590136] Call Trace:',
			'[    6.590138]  <TASK>',
			'[    6.590140]  intel_pps_vdd_on+0x3f/0x150 [i915]',
			'[    6.590250]  intel_dp_detect+0x10e/0x8a0 [i915]',
			'[    6.590380]  </TASK>',
			'[    6.590381] ---[ end trace 0000000000000000 ]---'
		]);
		expect(c).toHaveLength(1);
		expect(c[0].title).toBe('WARNING in intel_pps_vdd_on_unlocked');
		expect(c[0].first_line).toBe(2);
		expect(c[0].evidence.map((e) => e.line).slice(0, 3)).toEqual([2, 3, 4]);
		expect(c[0].evidence[1].text).toBe(
			'i915 0000:00:02.0: [drm] drm_WARN_ON(intel_dp->pps.vdd_wakeref)'
		);
		expect(c[0].details.comm).toBe('systemd-udevd');
		// the WARN()'s function from `RIP:` on top (stack.ts withFaultFrame), then the trace
		expect(c[0].stack?.frames.map((f) => f.function)).toEqual([
			'intel_pps_vdd_on_unlocked',
			'intel_pps_vdd_on',
			'intel_dp_detect'
		]);
	});

	it('5: a WARN message right after another report moves to the WARNING', async () => {
		// debian-clearfog-gt-8k-dmesg.log lines 567-570 and 618-621, shortened
		const c = await crashes([
			'[   14.495001] ------------[ cut here ]------------',
			'[   14.499642] Pool does not have so many bufs pool(0) bufs(2064)',
			'[   14.499688] WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449 mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
			'[   14.561752] CPU: 2 PID: 35 Comm: kworker/2:1 Not tainted 5.8.0-0.bpo.2-arm64 #1 Debian 5.8.10-1~bpo10+1',
			'[   14.600000] pc : mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
			'[   14.610000] Call trace:',
			'[   14.610001]  mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
			'[   14.610002]  mvpp2_bm_pool_destroy+0x30/0x140 [mvpp2]',
			'[   14.830000] ------------[ cut here ]------------',
			'[   14.830001] cannot free all buffers in pool 0, buf_num left 0',
			'[   14.830002] WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:1144 mvpp2_bm_pool_destroy+0x134/0x140 [mvpp2]',
			'[   14.830003] CPU: 2 PID: 35 Comm: kworker/2:1 Tainted: G        W         5.8.0-0.bpo.2-arm64 #1 Debian 5.8.10-1~bpo10+1',
			'[   14.830004] pc : mvpp2_bm_pool_destroy+0x134/0x140 [mvpp2]',
			'[   14.830005] Call trace:',
			'[   14.830006]  mvpp2_bm_pool_destroy+0x134/0x140 [mvpp2]',
			'[   14.830007]  mvpp2_bm_switch_buffers+0x58/0x100 [mvpp2]'
		]);
		expect(c.map((f) => [f.title, f.first_line, f.last_line])).toEqual([
			['WARNING in mvpp2_bm_bufs_free', 1, 8],
			['WARNING in mvpp2_bm_pool_destroy', 9, 16]
		]);
		expect(c[1].evidence[1].text).toBe('cannot free all buffers in pool 0, buf_num left 0');
	});

	it('6: a call trace printed twice word for word is kept once', async () => {
		// iamslightlywin-dump-last-kmsg.log lines 17905-18147: the arm64 oops dumps its trace twice
		const p = '<4>[   50.483811]  [4:provider@4.0-se: 1823] ';
		const trace = [
			'Call trace:',
			' 0x402288f85f8e74',
			' cam_smmu_unmap_stage2_iova+0xf8/0x160',
			' cam_mem_util_unmap+0x19c/0x2d0',
			' cam_mem_mgr_release+0x64/0x80',
			' cam_private_ioctl+0x728/0xaa0',
			' __video_do_ioctl+0x2d4/0x560'
		];
		const c = await crashes(
			[
				'Unable to handle kernel paging request at virtual address 00402288f85f8e74',
				'Internal error: Oops: 86000004 [#1] PREEMPT SMP',
				'CPU: 4 PID: 1823 Comm: provider@4.0-se FTT: 0 0 Tainted: G S      W         4.19.113~Windstation+ #1',
				'pc : 0x402288f85f8e74',
				'lr : dma_buf_unmap_attachment+0x24/0x50',
				...trace,
				'Stack: (0xffffff80203ab8b0 to 0xffffff80203ac000)',
				'b8a0:                                   ffffff80203ab8c0 ffffff800970a5b8',
				...trace,
				'Code: bad PC value',
				'---[ end trace 28d57cdaa36082bf ]---'
			].map((l) => p + l)
		);
		expect(c[0].title).toBe(
			'BUG: unable to handle kernel paging request in cam_smmu_unmap_stage2_iova'
		);
		expect(c[0].stack?.frames.map((f) => f.function)).toEqual([
			'cam_smmu_unmap_stage2_iova',
			'cam_mem_util_unmap',
			'cam_mem_mgr_release',
			'cam_private_ioctl',
			'__video_do_ioctl'
		]);
		expect(c[0].details.comm).toBe('provider@4.0-se');
	});
	it('7: RHEL 6 hard lockups of several CPUs in a row are one report each', async () => {
		// crash-dmesg-vmcore-dmesg-txt.log lines 1209-1248: cpu 5 then cpu 21, each printed alone
		// (no WARNING around it); they were one report, and the second group of seven was
		// swallowed by the soft lockup report before it
		const second = HARD_LOCKUP.map((l, i) =>
			i === 0
				? '<0>Watchdog detected hard LOCKUP on cpu 21'
				: i === 2
					? '<4>Pid: 118626, comm: worker Tainted: G           --L------------    2.6.32-642.el6.x86_64 #1'
					: l
		);
		const c = await crashes([...HARD_LOCKUP, ...second]);
		expect(c).toHaveLength(1);
		expect(c[0].title).toBe('watchdog: hard LOCKUP in do_exit');
		expect(c[0].count).toBe(2);
		expect(c[0].occurrences.map((o) => [o.first_line, o.last_line])).toEqual([
			[1, 20],
			[21, 40]
		]);
	});

	it('7: a hard lockup after a soft lockup report starts its own report', async () => {
		// crash-dmesg-vmcore-dmesg-txt.log lines 3049-3055, then 3114 on (shortened)
		const c = await crashes([
			'<0>BUG: soft lockup - CPU#39 stuck for 67s! [CPU 0/KVM:30983]',
			'<4>Pid: 30983, comm: CPU 0/KVM Tainted: G           --L------------    2.6.32-642.el6.x86_64 #1 Dell Inc. PowerEdge R730xd/0WCJNT',
			'<4>RIP: 0010:[<ffffffff810bf1a0>]  [<ffffffff810bf1a0>] generic_exec_single+0x90/0xc0',
			'<4>Call Trace:',
			'<4> [<ffffffffa0273ab7>] ? kvm_arch_vcpu_ioctl_run+0x5c7/0x1060 [kvm]',
			'<4> [<ffffffffa025a034>] ? kvm_vcpu_ioctl+0x434/0x580 [kvm]',
			'<4> [<ffffffff811af742>] ? vfs_ioctl+0x22/0xa0',
			'<4> [<ffffffff811afe61>] ? sys_ioctl+0x81/0xa0',
			'<4> [<ffffffff8100b0d2>] ? system_call_fastpath+0x16/0x1b',
			'<0>Watchdog detected hard LOCKUP on cpu 34',
			'<4>Pid: 108078, comm: zabbix_agentd Tainted: G           --L------------    2.6.32-642.el6.x86_64 #1',
			'<4>Call Trace:',
			'<4> <NMI>  [<ffffffff810f2c41>] ? watchdog_overflow_callback+0xf1/0x110',
			'<4> [<ffffffff8154b1c3>] ? nmi+0x83/0x90',
			'<4> [<ffffffff812a6f29>] ? __write_lock_failed+0x9/0x20',
			'<4> <<EOE>>  [<ffffffff8154a9ae>] ? _write_lock_irq+0x1e/0x20',
			'<4> [<ffffffff8107ae63>] ? copy_process+0xb93/0x1520',
			'<4> [<ffffffff8107b946>] ? do_fork+0x96/0x4c0',
			'<4> [<ffffffff81009598>] ? sys_clone+0x28/0x30'
		]);
		expect(c.map((f) => f.rule)).toEqual(['crash.soft-lockup', 'crash.hard-lockup']);
		expect(c[0].last_line).toBe(9);
		expect(c[1].title).toBe('watchdog: hard LOCKUP in copy_process');
	});
});

describe('a panic on an NMI from an HPE iLO (hpwdt)', () => {
	it('says where the reason is logged and what sends such an NMI, with no trace to decode', async () => {
		const r = await analyzeText(NMI_PANIC.join('\n') + '\n');
		const f = r.findings.find((x) => x.rule === 'crash.panic')!;
		expect(f.severity).toBe('critical');
		expect(f.explanation.meaning).toMatch(/HPE iLO.*hpwdt/);
		const steps = f.explanation.next_steps.join(' ');
		expect(steps).toMatch(/Integrated Management Log|IML/);
		expect(steps).toMatch(/watchdog did not stop!/);
		expect(steps).not.toMatch(/decode_stacktrace|root= parameter/);
		expect(f.explanation.causes.map((c) => c.kind)).toEqual([
			'configuration',
			'userspace',
			'hardware'
		]);
	});

	it('leaves other panics their own explanation', async () => {
		const r = await analyzeText(
			[
				'[    2.000000] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)',
				'[    2.000001] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 5.10.0 #1',
				'[    2.000002] Call Trace:',
				'[    2.000003]  dump_stack+0x6d/0x88',
				'[    2.000004]  panic+0x101/0x2e3',
				'[    2.000005]  mount_block_root+0x1e3/0x271'
			].join('\n') + '\n'
		);
		const f = r.findings.find((x) => x.rule === 'crash.panic')!;
		expect(f.explanation.meaning).not.toMatch(/iLO/);
		expect(f.explanation.next_steps.join(' ')).toMatch(/root= parameter/);
	});
});
