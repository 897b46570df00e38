import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { FIPS_OOPS, LKP48_GPF, LKP72_LEAK_THEN_ATOMIC } from '../support/excerpts.ts';

// lkp-48.log (lines 3-66): KASAN catches a wild access, then the access faults (CONFIG_KASAN_INLINE)
const KASAN_THEN_GPF = [
	'[  150.328867] ==================================================================',
	'[  150.330704] BUG: KASAN: wild-memory-access on address 0000ffff00013138',
	'[  150.332222] Read of size 8 by task swapper/0/1',
	'[  150.333361] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 4.8.0-rc1 #111',
	'[  150.334828] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
	'[  150.336954]  0000000000000008 ffff8800104afd08 ffffffff81ef3b9d ffff8800104afd90',
	'[  150.339437]  ffffffff83a0b6e7 ffff8800104afd80 ffffffff814622aa ffff8800104afd40',
	'[  150.341732]  ffff88000910725c 0000000000000206 ffffffff8555f030 ffff880009106a58',
	'[  150.344038] Call Trace:',
	'[  150.344815]  [<ffffffff81ef3b9d>] dump_stack+0xa9/0xec',
	'[  150.346068]  [<ffffffff83a0b6e7>] ? init_real_cpu_mask+0x77/0x150',
	'[  150.347507]  [<ffffffff814622aa>] kasan_report_error+0x6ba/0x6d0',
	'[  150.348910]  [<ffffffff83a0b6e7>] ? init_real_cpu_mask+0x77/0x150',
	'[  150.350360]  [<ffffffff814623ee>] kasan_report+0x8e/0xb0',
	'[  150.351637]  [<ffffffff81ef8900>] ? kobject_put+0x40/0xf0',
	'[  150.352927]  [<ffffffff83a0b6e7>] ? init_real_cpu_mask+0x77/0x150',
	'[  150.354373]  [<ffffffff8146175e>] __asan_load8+0xae/0xd0',
	'[  150.355637]  [<ffffffff83a0b6e7>] init_real_cpu_mask+0x77/0x150',
	'[  150.357044]  [<ffffffff8613a7df>] ? dev_init+0x1df/0x1df',
	'[  150.358406]  [<ffffffff83a0b8a6>] node_affinity_init+0xe6/0x270',
	'[  150.359847]  [<ffffffff8613a7df>] ? dev_init+0x1df/0x1df',
	'[  150.361179]  [<ffffffff8613a80f>] hfi1_mod_init+0x30/0x3e1',
	'[  150.362582]  [<ffffffff86065c60>] do_one_initcall+0xe6/0x220',
	'[  150.363974]  [<ffffffff86065ff9>] kernel_init_freeable+0x25f/0x374',
	'[  150.365497]  [<ffffffff845b898b>] kernel_init+0x1b/0x210',
	'[  150.366776]  [<ffffffff845c4cbf>] ret_from_fork+0x1f/0x40',
	'[  150.367996]  [<ffffffff845b8970>] ? rest_init+0xf0/0xf0',
	'[  150.369260] ==================================================================',
	'[  150.371075] Disabling lock debugging due to kernel taint',
	'[  150.372432] kasan: CONFIG_KASAN_INLINE enabled',
	'[  150.373634] kasan: GPF could be caused by NULL-ptr deref or user memory access',
	...LKP48_GPF
].join('\n');

// lkp-57.log (lines 4-70): CPU 0 stalls in mark_rodata_ro(), then rcu_perf_writer hangs in
// synchronize_sched()
const STALL_THEN_HUNG = [
	'[  135.072505] INFO: rcu_sched self-detected stall on CPU',
	'[  135.075862] Task dump for CPU 0:',
	'[  135.076437] swapper/0       R  running task    25256     1      0 0x00000008',
	'[  135.077728]  0000000000000000 ffff880019607d88 ffffffff811c8972 ffffffff811c8613',
	'[  135.079114]  ffff880019607d48 ffffffff00000010 0000000041b58ab3 ffffffff826f09be',
	'[  135.080495]  ffffffff811c83c0 ffff880000000000 0000000000000002 ffffffff82c1d898',
	'[  135.102924] Call Trace:',
	'[  135.103360]  <IRQ>  [<ffffffff811c8972>] sched_show_task+0x5b2/0x5f0',
	'[  135.104582]  [<ffffffff811c8613>] ? sched_show_task+0x253/0x5f0',
	'[  135.105645]  [<ffffffff811c83c0>] ? SyS_sched_rr_get_interval+0x470/0x470',
	'[  135.106805]  [<ffffffff8142d30f>] ? rcu_dump_cpu_stacks+0x85/0x353',
	'[  135.107856]  [<ffffffff811d07f0>] dump_cpu_task+0x90/0xa0',
	'[  135.108803]  [<ffffffff8142d4d5>] rcu_dump_cpu_stacks+0x24b/0x353',
	'[  135.109876]  [<ffffffff8180fd63>] ? _find_next_bit+0x153/0x170',
	'[  135.110922]  [<ffffffff812a40b3>] rcu_check_callbacks+0xd53/0x2500',
	'[  135.111986]  [<ffffffff8138c4d2>] ? time_hardirqs_off+0x332/0x360',
	'[  135.113031]  [<ffffffff812b9c6d>] update_process_times+0x4d/0xb0',
	'[  135.135106]  [<ffffffff812ea3d2>] tick_nohz_handler+0x212/0x310',
	'[  135.136141]  [<ffffffff810a40d6>] local_apic_timer_interrupt+0xb6/0xd0',
	'[  135.146284]  [<ffffffff820a8635>] smp_apic_timer_interrupt+0xa5/0xd0',
	'[  135.147421]  [<ffffffff820a70a9>] apic_timer_interrupt+0x89/0x90',
	'[  135.148484]  <EOI>  [<ffffffff810e4299>] ? note_page+0x249/0xe90',
	'[  135.149577]  [<ffffffff810e5425>] ptdump_walk_pgd_level_core+0x545/0x830',
	'[  135.150788]  [<ffffffff810e4ee0>] ? note_page+0xe90/0xe90',
	'[  135.151739]  [<ffffffff810e5774>] ptdump_walk_pgd_level_checkwx+0x24/0x30',
	'[  135.152894]  [<ffffffff810ca4c4>] mark_rodata_ro+0x1a4/0x1c0',
	'[  135.153887]  [<ffffffff8209217d>] kernel_init+0x5d/0x250',
	'[  135.154810]  [<ffffffff820a66ef>] ret_from_fork+0x1f/0x40',
	'[  135.155755]  [<ffffffff82092120>] ? rest_init+0x250/0x250',
	'[  246.602311] INFO: task rcu_perf_writer:48 blocked for more than 120 seconds.',
	'[  246.603656]       Not tainted 4.8.0-rc1 #1',
	'[  246.604354] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
	'[  246.605689] rcu_perf_writer D ffff8800120c7908 29544    48      2 0x00000000',
	'[  246.606974]  ffff8800120c7908 ffff88001f1db057 ffffed0003e3b60b 00000000022309c9',
	'[  246.608307]  ffffffff8404b800 ffff8800199e0370 ffff8800199e0398 ffff8800199dfa98',
	'[  246.609725]  ffff8800123dd190 ffff8800123de540 ffff8800123dcc00 ffff8800120c0000',
	'[  246.611034] Call Trace:',
	'[  246.611489]  [<ffffffff8209802f>] schedule+0x7f/0xc0',
	'[  246.612352]  [<ffffffff820a31f7>] schedule_timeout+0x97/0xd00',
	'[  246.613303]  [<ffffffff810c4245>] ? kvm_sched_clock_read+0x35/0x60',
	'[  246.614353]  [<ffffffff8106c481>] ? sched_clock+0x11/0x20',
	'[  246.615263]  [<ffffffff820a3160>] ? usleep_range+0x140/0x140',
	'[  246.616249]  [<ffffffff81221f40>] ? __lock_acquired+0x580/0xcc0',
	'[  246.617260]  [<ffffffff8138c0d0>] ? time_hardirqs_on+0x2c0/0x390',
	'[  246.618305]  [<ffffffff820a576c>] ? _raw_spin_unlock_irq+0x4c/0x80',
	'[  246.619407]  [<ffffffff82099847>] wait_for_common+0x307/0x410',
	'[  246.620391]  [<ffffffff82099540>] ? out_of_line_wait_on_atomic_t+0x210/0x210',
	'[  246.621549]  [<ffffffff811bd800>] ? try_to_wake_up+0x13b0/0x13b0',
	'[  246.622615]  [<ffffffff8121e92d>] ? lockdep_init_map+0x53d/0x6d0',
	'[  246.623630]  [<ffffffff82099aa5>] wait_for_completion+0x25/0x30',
	'[  246.624635]  [<ffffffff81283ce9>] __wait_rcu_gp+0x1c9/0x1f0',
	'[  246.644657]  [<ffffffff812975ca>] synchronize_sched+0x21a/0x260',
	'[  246.645734]  [<ffffffff812973b0>] ? synchronize_rcu_bh+0x260/0x260',
	'[  246.646806]  [<ffffffff8129b2d0>] ? __call_rcu+0x12a0/0x12a0',
	'[  246.647945]  [<ffffffff81283af0>] ? rcu_read_lock_sched_held+0x200/0x200',
	'[  246.649091]  [<ffffffff820995ec>] ? wait_for_common+0xac/0x410',
	'[  246.650094]  [<ffffffff812cde7b>] ? ktime_get_mono_fast_ns+0x1db/0x210',
	'[  246.651171]  [<ffffffff81288361>] synchronize_rcu+0x11/0x20',
	'[  246.652117]  [<ffffffff81288921>] rcu_perf_writer+0x381/0x700',
	'[  246.653113]  [<ffffffff812885a0>] ? rcu_perf_wait_shutdown+0x130/0x130',
	'[  246.654183]  [<ffffffff81192a31>] ? __kthread_parkme+0xd1/0x250',
	'[  246.655155]  [<ffffffff811940c9>] kthread+0x2d9/0x300',
	'[  246.668138]  [<ffffffff812885a0>] ? rcu_perf_wait_shutdown+0x130/0x130',
	'[  246.669218]  [<ffffffff81193df0>] ? kthread_stop+0x970/0x970',
	'[  246.670163]  [<ffffffff811b0a29>] ? finish_task_switch+0x499/0x5e0',
	'[  246.671180]  [<ffffffff820a66ef>] ret_from_fork+0x1f/0x40',
	'[  246.672077]  [<ffffffff81193df0>] ? kthread_stop+0x970/0x970'
].join('\n');

// lkp-bad-rss-counter-02.log lines 2-9: check_mm()'s line among seccomp audit lines
const RSS = [
	'[   77.942409] audit: type=1326 audit(1621988597.409:32): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1752 comm="trinity-c3" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0',
	'[   78.934719] audit: type=1326 audit(1621988598.402:33): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1734 comm="trinity-c0" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0',
	'[   79.022900] audit: type=1326 audit(1621988598.490:34): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1766 comm="trinity-c0" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0',
	'[   80.051123] BUG: Bad rss-counter state mm:0000000002d98df7 type:MM_ANONPAGES val:512',
	'[   80.071356] audit: type=1326 audit(1621988599.539:35): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1776 comm="trinity-c5" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0',
	'[   80.204813] audit: type=1326 audit(1621988599.669:36): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1758 comm="trinity-c3" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0',
	'[   80.220148] audit: type=1326 audit(1621988599.687:37): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1779 comm="trinity-c3" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0',
	'[   80.320925] audit: type=1326 audit(1621988599.788:38): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1780 comm="trinity-c3" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0'
];

/** the lines with their kernel times moved by `dt` seconds */
function shifted(lines: string[], dt: number): string[] {
	return lines.map((l) =>
		l.replace(
			/^\[ *(\d+\.\d+)\]/,
			(_m, t: string) => `[${(Number(t) + dt).toFixed(6).padStart(12)}]`
		)
	);
}

function rules(r: AnalysisResult): string[][] {
	const byId = new Map(r.findings.map((f) => [f.id, f.rule]));
	return r.cascades.map((c) => c.chain.map((id) => byId.get(id)!));
}

describe('crash reports that follow from an earlier one', () => {
	it('links a KASAN report to the fault of the same access (lkp-48)', async () => {
		const r = await analyzeText(KASAN_THEN_GPF);
		expect(rules(r)).toEqual([['crash.kasan', 'crash.gpf']]);
		expect(r.cascades[0].description).toBe(
			'KASAN: wild-memory-access Read → general protection fault in init_real_cpu_mask'
		);
		expect(r.cascades[0].links[0].certainty).toBe('probable');
		expect(r.summary.root_cause).toBe(r.cascades[0].chain[0]);
		// titles are those syzkaller gives
		expect(r.findings.map((f) => f.title).sort()).toEqual([
			'KASAN: wild-memory-access Read',
			'general protection fault in init_real_cpu_mask'
		]);
	});

	it('does not link a fault elsewhere or by another task', async () => {
		const elsewhere = KASAN_THEN_GPF.replace(
			'RIP: 0010:[<ffffffff83a0b6e7>]  [<ffffffff83a0b6e7>] init_real_cpu_mask+0x77/0x150',
			'RIP: 0010:[<ffffffff83a0b6e7>]  [<ffffffff83a0b6e7>] init_real_cpu_mask+0x80/0x150'
		);
		expect(rules(await analyzeText(elsewhere))).toEqual([]);
		const other = KASAN_THEN_GPF.replace(
			'CPU: 0 PID: 1 Comm: swapper/0 Tainted: G    B           4.8.0-rc1 #111',
			'CPU: 0 PID: 77 Comm: modprobe Tainted: G    B           4.8.0-rc1 #111'
		);
		expect(rules(await analyzeText(other))).toEqual([]);
	});

	it('links an RCU stall to a task hung waiting for a grace period (lkp-57)', async () => {
		const r = await analyzeText(STALL_THEN_HUNG);
		expect(rules(r)).toEqual([['crash.rcu-stall', 'crash.hung-task']]);
		expect(r.cascades[0].description).toBe(
			'INFO: rcu detected stall in kernel_init → INFO: task hung in synchronize_rcu'
		);
	});

	it('does not link a task hung for another reason after a stall', async () => {
		const io = STALL_THEN_HUNG.split('\n')
			.filter((l) => !/synchronize_|__wait_rcu_gp/.test(l))
			.join('\n');
		expect(rules(await analyzeText(io))).toEqual([]);
	});

	it('links a workqueue leaked lock or atomic to its worker scheduling while atomic (lkp-72)', async () => {
		const r = await analyzeText(LKP72_LEAK_THEN_ATOMIC.join('\n'));
		expect(rules(r)).toEqual([['crash.workqueue', 'crash.atomic-sleep']]);
		expect(r.cascades[0].description).toBe(
			'BUG: workqueue leaked lock or atomic in stress_inorder_work → BUG: scheduling while atomic in corrupted'
		);
		expect(r.summary.root_cause).toBe(r.cascades[0].chain[0]);
		// the scheduler's report was cut after its header, which names the task: kworker/u2:2, pid 127
		const atomic = r.findings.find((f) => f.rule === 'crash.atomic-sleep')!;
		expect([atomic.details.comm, atomic.details.pid]).toEqual(['kworker/u2:2', 127]);
		// another worker's scheduling while atomic is not this leak's consequence
		const other = LKP72_LEAK_THEN_ATOMIC.map((l) =>
			l.replace('kworker/u2:2/127/0x00000002', 'kworker/u2:3/131/0x00000002')
		);
		expect(rules(await analyzeText(other.join('\n')))).toEqual([]);
		// nor one long after it (30 s later)
		const later = [
			...LKP72_LEAK_THEN_ATOMIC.slice(0, -1),
			...shifted(LKP72_LEAK_THEN_ATOMIC.slice(-1), 30)
		];
		expect(rules(await analyzeText(later.join('\n')))).toEqual([]);
	});

	it('makes a Bad rss-counter state that follows a crash its consequence, and leaves it high alone', async () => {
		const alone = await analyzeText(RSS.join('\n'));
		const lone = alone.findings.find((f) => f.title === 'BUG: Bad rss-counter state')!;
		expect(lone.severity).toBe('high');
		expect(lone.explanation.meaning).not.toContain('Here it follows');
		expect(alone.cascades).toEqual([]);
		// the oops 20 s before the rss-counter line (29.36 s moved to 60.36 s; the line is at 80.05 s)
		const after = await analyzeText([...shifted(FIPS_OOPS, 31), ...RSS].join('\n'));
		expect(rules(after)).toEqual([['crash.null-deref', 'crash.bad-page']]);
		const rss = after.findings.find((f) => f.title === 'BUG: Bad rss-counter state')!;
		expect(rss.severity).toBe('medium');
		expect(rss.explanation.meaning).toContain(
			'Here it follows `BUG: unable to handle kernel NULL pointer dereference in urandom_read` in the same boot'
		);
		// 70 s after the oops (the rss-counter line moved to 100.05 s): too long after it for its task's
		// teardown
		const later = await analyzeText([...FIPS_OOPS, ...shifted(RSS, 20)].join('\n'));
		expect(rules(later)).toEqual([]);
		expect(later.findings.find((f) => f.title === 'BUG: Bad rss-counter state')!.severity).toBe(
			'high'
		);
	});
});
