/**
 * Crash reports found wrong by a QA reading of the real-log corpus (../shared/corpus/real), each
 * with a verbatim excerpt of the log named in its comment.
 */
import { describe, expect, it } from 'vitest';
import { guiltyMarks } from '../../src/lib/output/common.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { findingsOf } from '../support/analyze.ts';
import {
	LKP71_PANIC,
	ABRT_BG1,
	KERNELOOPS_DOUBLE_FAULT,
	KERNELOOPS_SPINLOCK_LOCKUP
} from '../support/excerpts.ts';

describe('KASAN of 4.6 to 4.10: allocation and free stacks', () => {
	// lkp-kasan-01.log lines 3-59 (kernel test robot, QEMU, 4.8.0-rc1): the stacks after
	// `Allocated:` and `Freed:` are not the access's call trace
	const REPORT = [
		'[    6.358786][    T1] ==================================================================',
		'[    6.359904][    T1] BUG: KASAN: slab-out-of-bounds in inotify_read+0x271/0x350 at addr ffff88000b67a3ec',
		'[    6.361207][    T1] Read of size 5 by task init/1',
		'[    6.361819][    T1] CPU: 0 PID: 1 Comm: init Not tainted 4.8.0-rc1 #1',
		'[    6.362495][    T1] random: trinity: uninitialized urandom read (4 bytes read)',
		'[    6.363664][    T1] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
		'[    6.364983][    T1]  0000000000000000 ffff88001154fc88 ffffffff812538ce ffff8800114018c0',
		'[    6.366184][    T1]  ffff88000b67a3c0 ffff88001154fcb8 ffffffff8117aba7 0000000000000005',
		'[    6.367376][    T1]  ffff88000b67a3c0 ffff8800114018c0 ffffed00016cf47e ffff88001154fd48',
		'[    6.368570][    T1] Call Trace:',
		'[    6.368950][    T1]  [<ffffffff812538ce>] dump_stack+0x65/0x87',
		'[    6.369729][    T1]  [<ffffffff8117aba7>] kasan_object_err+0x27/0x90',
		'[    6.370586][    T1]  [<ffffffff8117af0d>] kasan_report+0x23d/0x4a0',
		'[    6.371418][    T1]  [<ffffffff810d08da>] ? preempt_count_add+0x4a/0xc0',
		'[    6.372308][    T1]  [<ffffffff811ba841>] ? inotify_read+0x271/0x350',
		'[    6.373162][    T1]  [<ffffffff811799e1>] check_memory_region+0x141/0x170',
		'[    6.374075][    T1]  [<ffffffff81179bc1>] kasan_check_read+0x11/0x20',
		'[    6.374919][    T1]  [<ffffffff811ba841>] inotify_read+0x271/0x350',
		'[    6.375825][    T1]  [<ffffffff810e4000>] ? wait_woken+0x90/0x90',
		'[    6.377517][    T1]  [<ffffffff81187fc3>] __vfs_read+0x23/0x110',
		'[    6.378310][    T1]  [<ffffffff810e896e>] ? up_read+0x1e/0x40',
		'[    6.379073][    T1]  [<ffffffff810387a7>] ? __do_page_fault+0x197/0x440',
		'[    6.379960][    T1]  [<ffffffff81188152>] vfs_read+0xa2/0x130',
		'[    6.380723][    T1]  [<ffffffff811885cd>] SyS_read+0x4d/0xb0',
		'[    6.381474][    T1]  [<ffffffff81038aab>] ? do_page_fault+0x2b/0x40',
		'[    6.382314][    T1]  [<ffffffff8159e972>] entry_SYSCALL_64_fastpath+0x1a/0xa9',
		'[    6.383285][    T1] Object at ffff88000b67a3c0, in cache kmalloc-64 size: 64',
		'[    6.384242][    T1] Allocated:',
		'[    6.384605][    T1] PID = 144',
		'[    6.384954][    T1]  [<ffffffff810245ea>] save_stack_trace+0x2a/0x50',
		'[    6.385831][    T1]  [<ffffffff81179a95>] kasan_kmalloc+0x55/0xe0',
		'[    6.386762][    T1]  [<ffffffff8117a275>] kasan_kmalloc+0x85/0xb0',
		'[    6.387638][    T1]  [<ffffffff81177b49>] __kmalloc+0xf9/0x190',
		'[    6.388477][    T1]  [<ffffffff811ba2e2>] inotify_handle_event+0x72/0x150',
		'[    6.389417][    T1]  [<ffffffff811b80f1>] fsnotify+0x251/0x3a0',
		'[    6.390228][    T1]  [<ffffffff811970c5>] vfs_link+0x1f5/0x260',
		'[    6.391050][    T1]  [<ffffffff811972c8>] SyS_linkat+0x198/0x260',
		'[    6.391868][    T1]  [<ffffffff811973a9>] SyS_link+0x19/0x20',
		'[    6.392642][    T1]  [<ffffffff8159e972>] entry_SYSCALL_64_fastpath+0x1a/0xa9',
		'[    6.393631][    T1] Freed:',
		'[    6.393944][    T1] PID = 1',
		'[    6.394278][    T1]  [<ffffffff810245ea>] save_stack_trace+0x2a/0x50',
		'[    6.395155][    T1]  [<ffffffff8117a11d>] kasan_slab_free+0xad/0x180',
		'[    6.396028][    T1]  [<ffffffff81177d84>] kfree+0xa4/0x190',
		'[    6.396767][    T1]  [<ffffffff81257185>] kobject_uevent_env+0x125/0x3d0',
		'[    6.397690][    T1]  [<ffffffff8125743b>] kobject_uevent+0xb/0x10',
		'[    6.398527][    T1]  [<ffffffff8134d6c8>] driver_register+0x88/0xe0',
		'[    6.399387][    T1]  [<ffffffff8143b3ac>] usb_serial_bus_register+0x4c/0x60',
		'[    6.400357][    T1]  [<ffffffff81439ddc>] usb_serial_register_drivers+0x1dc/0x3d0',
		'[    6.401395][    T1]  [<ffffffff81af8ba1>] usb_serial_module_init+0x1e/0x20',
		'[    6.402346][    T1]  [<ffffffff81ac6fc0>] do_one_initcall+0x88/0x123',
		'[    6.403225][    T1]  [<ffffffff81ac7215>] kernel_init_freeable+0x1ba/0x24d',
		'[    6.404173][    T1]  [<ffffffff81597a69>] kernel_init+0x9/0x100',
		'[    6.404978][    T1]  [<ffffffff8159eb7f>] ret_from_fork+0x1f/0x40',
		'[    6.405817][    T1] Memory state around the buggy address:',
		'[    6.406545][    T1]  ffff88000b67a280: fc fc fc fc fb fb fb fb fb fb fb fb fc fc fc fc',
		'[    6.407623][    T1]  ffff88000b67a300: fb fb fb fb fb fb fb fb fc fc fc fc fb fb fb fb'
	];

	it('ends the call trace at `Allocated:`', async () => {
		const f = await findingsOf(REPORT);
		expect(f.map((x) => [x.rule, x.title])).toEqual([
			['crash.kasan', 'KASAN: slab-out-of-bounds Read in inotify_read'],
			// the excerpt's early-boot urandom read: a routine notice (rules/notices.ts)
			[
				'other.urandom-early-read',
				'Programs read /dev/urandom early in the boot, before it was fully seeded'
			]
		]);
		const frames = f[0].stack?.frames.map((x) => x.function) ?? [];
		expect(frames.at(-1)).toBe('entry_SYSCALL_64_fastpath');
		expect(frames).toHaveLength(16);
		expect(frames).not.toContain('save_stack_trace');
	});
});

describe('double fault of older x86 kernels', () => {
	// kerneloops-i386-oops-with-end-marker.log lines 1-43 (2.6.24-rc5, x86-64): die()'s
	// `double fault: 0000 [1]`, its end marker, then the spinlock lockup of the dying task
	const LOG = [
		'audit_log_user_command(): Connection refused',
		...KERNELOOPS_DOUBLE_FAULT,
		'',
		'',
		'Code: 55 48 89 d0 48 89 d1 48 c1 e8 20 48 89 e5 53 75 46 48 b8 00 ',
		'RIP  [<ffffffff80224f28>] search_extable+0x0/0x64',
		' RSP <ffff810008000000>',
		'---[ end trace a28726ab5968e532 ]---',
		...KERNELOOPS_SPINLOCK_LOCKUP,
		' [<ffffffff8020d0ed>] double_fault+0x7d/0x90',
		' [<ffffffff8020e66f>] do_general_protection+0x0/0x11a',
		' [<ffffffff8020e732>] do_general_protection+0xc3/0x11a',
		' [<ffffffff8020e732>] do_general_protection+0xc3/0x11a',
		' [<ffffffff80224f28>] search_extable+0x0/0x64',
		' <<EOE>> '
	];

	it('reports the double fault and the lockup after it apart', async () => {
		const f = await findingsOf(LOG);
		expect(f.map((x) => [x.rule, x.title, x.first_line, x.last_line])).toEqual([
			['crash.trap', 'PANIC: double fault in search_extable', 2, 25],
			['crash.spinlock', 'BUG: spinlock lockup in taskstats_exit', 26, 43]
		]);
		expect(f[0].details).toMatchObject({ kernel_version: '2.6.24-rc5', pid: 2847, comm: 'grub' });
	});

	it('continues a report opened by `PANIC: double fault`', async () => {
		const f = await findingsOf([
			'PANIC: double fault, error_code: 0x0',
			'double fault: 0000 [#1] PREEMPT SMP',
			...LOG.slice(2, 18)
		]);
		expect(f.map((x) => [x.title, x.first_line])).toEqual([
			['PANIC: double fault in search_extable', 1]
		]);
	});
});

describe('i386 call traces: `<IRQ>` after the interrupt stack', () => {
	// satyr-gitlog-13.log lines 73-113 (3.4.1, i386): the lockdep splat's stack backtrace, whose
	// softirq frames come first and the idle task's after `<IRQ>`
	const TRACE = [
		'[ 8683.928121] stack backtrace:',
		'[ 8683.928121] Pid: 0, comm: swapper/0 Not tainted 3.4.1-build-0061 #14',
		'[ 8683.928121] Call Trace:',
		'[ 8683.928121]  [<c034bdd2>] ? printk+0x18/0x1a',
		'[ 8683.928121]  [<c0158904>] print_circular_bug+0x1ac/0x1b6',
		'[ 8683.928121]  [<c0159f1b>] __lock_acquire+0x9a3/0xc27',
		'[ 8683.928121]  [<c015a561>] lock_acquire+0x71/0x85',
		'[ 8683.928121]  [<e0fc73ec>] ? l2tp_xmit_skb+0x173/0x47e [l2tp_core]',
		'[ 8683.928121]  [<c034da2d>] _raw_spin_lock+0x33/0x40',
		'[ 8683.928121]  [<e0fc73ec>] ? l2tp_xmit_skb+0x173/0x47e [l2tp_core]',
		'[ 8683.928121]  [<e0fc73ec>] l2tp_xmit_skb+0x173/0x47e [l2tp_core]',
		'[ 8683.928121]  [<e0fe31fb>] l2tp_eth_dev_xmit+0x1a/0x2f [l2tp_eth]',
		'[ 8683.928121]  [<c02e01e7>] dev_hard_start_xmit+0x333/0x3f2',
		'[ 8683.928121]  [<c02f064c>] sch_direct_xmit+0x55/0x119',
		'[ 8683.928121]  [<c02e0528>] dev_queue_xmit+0x282/0x418',
		'[ 8683.928121]  [<c02e02a6>] ? dev_hard_start_xmit+0x3f2/0x3f2',
		'[ 8683.928121]  [<c031f4fb>] NF_HOOK.clone.19+0x45/0x4c',
		'[ 8683.928121]  [<c031f524>] arp_xmit+0x22/0x24',
		'[ 8683.928121]  [<c02e02a6>] ? dev_hard_start_xmit+0x3f2/0x3f2',
		'[ 8683.928121]  [<c031f567>] arp_send+0x41/0x48',
		'[ 8683.928121]  [<c031fa7d>] arp_process+0x289/0x491',
		'[ 8683.928121]  [<c031f7f4>] ? __neigh_lookup.clone.20+0x42/0x42',
		'[ 8683.928121]  [<c031f4fb>] NF_HOOK.clone.19+0x45/0x4c',
		'[ 8683.928121]  [<c031f7a0>] arp_rcv+0xb1/0xc3',
		'[ 8683.928121]  [<c031f7f4>] ? __neigh_lookup.clone.20+0x42/0x42',
		'[ 8683.928121]  [<c02de91b>] __netif_receive_skb+0x329/0x378',
		'[ 8683.928121]  [<c02de9d3>] process_backlog+0x69/0x130',
		'[ 8683.928121]  [<c02df103>] net_rx_action+0x90/0x15d',
		'[ 8683.928121]  [<c012b2b5>] __do_softirq+0x7b/0x118',
		'[ 8683.928121]  [<c012b23a>] ? local_bh_enable+0xd/0xd',
		'[ 8683.928121]  <IRQ>  [<c012b4d0>] ? irq_exit+0x41/0x91',
		'[ 8683.928121]  [<c0103c6f>] ? do_IRQ+0x79/0x8d',
		'[ 8683.928121]  [<c0157ea1>] ? trace_hardirqs_off_caller+0x2e/0x86',
		'[ 8683.928121]  [<c034ef6e>] ? common_interrupt+0x2e/0x34',
		'[ 8683.928121]  [<c0108a33>] ? default_idle+0x23/0x38',
		'[ 8683.928121]  [<c01091a8>] ? cpu_idle+0x55/0x6f',
		'[ 8683.928121]  [<c033df25>] ? rest_init+0xa1/0xa7',
		'[ 8683.928121]  [<c033de84>] ? __read_lock_failed+0x14/0x14',
		'[ 8683.928121]  [<c0498745>] ? start_kernel+0x303/0x30a',
		'[ 8683.928121]  [<c0498209>] ? repair_env_string+0x51/0x51',
		'[ 8683.928121]  [<c04980a8>] ? i386_start_kernel+0xa8/0xaf'
	];

	it('puts the frames before `<IRQ>` in irq context and those after it in the task', async () => {
		const f = await findingsOf([
			'[ 8683.927555] [ INFO: possible circular locking dependency detected ]',
			'[ 8683.927782] -------------------------------------------------------',
			'[ 8683.927895] swapper/0/0 is trying to acquire lock:',
			'[ 8683.928007]  (slock-AF_INET){+.-...}, at: [<e0fc73ec>] l2tp_xmit_skb+0x173/0x47e [l2tp_core]',
			...TRACE
		]);
		const frames = f[0].stack?.frames ?? [];
		const at = (name: string) => frames.find((x) => x.function === name)?.context;
		expect(at('l2tp_xmit_skb')).toBe('irq');
		expect(at('__do_softirq')).toBe('irq');
		expect(at('irq_exit')).toBe('task');
		expect(at('cpu_idle')).toBe('task');
		expect(at('i386_start_kernel')).toBe('task');
	});

	it('leaves x86-64 `<IRQ>` ... `<EOI>` sections as they are', async () => {
		// satyr-gitlog-18.log lines 14-16 and 33-36 (3.1.0, x86-64)
		const f = await findingsOf([
			'[ INFO: suspicious rcu_dereference_check() usage. ]',
			'net/mac80211/agg-rx.c:148 invoked rcu_dereference_check() without protection!',
			'Call Trace:',
			' <IRQ>  [<ffffffff81093454>] lockdep_rcu_dereference+0xa4/0xc0',
			' [<ffffffffa02778c9>] sta_rx_agg_session_timer_expired+0xc9/0x110 [mac80211]',
			' [<ffffffff81479ab3>] apic_timer_interrupt+0x73/0x80',
			' <EOI>  [<ffffffff8146aac6>] ? free_debug_processing+0x1a1/0x1d5',
			' [<ffffffff81153b15>] ? putname+0x35/0x50',
			' [<ffffffff8146ab2b>] __slab_free+0x31/0x2ca'
		]);
		const ctx = (f[0].stack?.frames ?? []).map((x) => x.context);
		expect(ctx).toEqual(['irq', 'irq', 'irq', 'task', 'task', 'task']);
	});
});

describe('interrupt remapping erratum (WARN_TAINT of 3.10)', () => {
	// satyr-github-113.log lines 1-29 (Fedora 18, 3.10.12, HP Z600): a firmware complaint printed
	// as a WARNING, not a kernel bug
	const REPORT = [
		'WARNING: at drivers/iommu/intel_irq_remapping.c:533 intel_irq_remapping_supported+0x37/0x7a()',
		'This system BIOS has enabled interrupt remapping',
		'on a chipset that contains an erratum making that',
		'feature unstable.  To maintain system stability',
		'interrupt remapping is being disabled.  Please',
		'contact your BIOS vendor for an update',
		'Modules linked in:',
		'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 3.10.12-100.fc18.x86_64 #1',
		'Hardware name: Hewlett-Packard HP Z600 Workstation/0B54h, BIOS 786G4 v03.19 03/11/2011',
		' 000000000000000b ffff88030ec8fd48 ffffffff81656b45 ffff88030ec8fd88',
		' ffffffff8105d670 ffffffff81529d1f 0000000000000000 0000000000000246',
		' 00000000ffffffff 000000000000b020 000000000000001f ffff88030ec8fde8',
		'Call Trace:',
		' [<ffffffff81656b45>] dump_stack+0x19/0x1b',
		' [<ffffffff8105d670>] warn_slowpath_common+0x70/0xa0',
		' [<ffffffff81529d1f>] ? kzalloc+0xf/0x20',
		' [<ffffffff8105d6ff>] warn_slowpath_fmt_taint+0x3f/0x50',
		' [<ffffffff8103883b>] ? ioapic_read_entry+0x4b/0x60',
		' [<ffffffff81d59a57>] intel_irq_remapping_supported+0x37/0x7a',
		' [<ffffffff8152cfbd>] irq_remapping_supported+0x2d/0x30',
		' [<ffffffff81d1c318>] enable_IR+0xb/0x62',
		' [<ffffffff81d1c654>] enable_IR_x2apic+0x8f/0x14b',
		' [<ffffffff81d1e35c>] default_setup_apic_routing+0x12/0x6b',
		' [<ffffffff81d1a319>] native_smp_prepare_cpus+0x2fc/0x336',
		' [<ffffffff81d09f9c>] kernel_init_freeable+0x9f/0x1df',
		' [<ffffffff81640df0>] ? rest_init+0x80/0x80',
		' [<ffffffff81640dfe>] kernel_init+0xe/0xf0',
		' [<ffffffff816650ec>] ret_from_fork+0x7c/0xb0',
		' [<ffffffff81640df0>] ? rest_init+0x80/0x80'
	];

	it('is a firmware notice with the message as a firmware finding', async () => {
		const f = await findingsOf(REPORT);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['crash.firmware-warning', 'WARNING in intel_irq_remapping_supported', 'info'],
			[
				'firmware.irq-remapping-erratum',
				'Interrupt remapping disabled: the chipset has an erratum the BIOS did not work around',
				'low'
			]
		]);
	});
});

describe('Bad rss-counter state', () => {
	it('explains the address-space teardown check, not a bad page', async () => {
		// lkp-bad-rss-counter-02.log line 5 (kernel test robot, trinity)
		const f = await findingsOf([
			'[   80.051123] BUG: Bad rss-counter state mm:0000000002d98df7 type:MM_ANONPAGES val:512'
		]);
		expect(f.map((x) => [x.rule, x.title])).toEqual([
			['crash.bad-page', 'BUG: Bad rss-counter state']
		]);
		expect(f[0].explanation.meaning).toMatch(/`Bad rss-counter state` .* teardown of a process/);
		expect(f[0].explanation.causes.map((c) => c.text).join(' ')).toMatch(
			/without updating its counters/
		);
	});
});

describe('a module list wrapped at 80 columns', () => {
	it('reads the unindented lines of the list', async () => {
		// abrt-koops-tainted-bg1.log lines 1-12, as abrt saved it
		const r = await analyzeText(ABRT_BG1.slice(0, 12).join('\n') + '\n');
		expect(r.metadata.modules).toHaveLength(41);
		expect(r.metadata.modules.slice(-4)).toEqual(['drm', 'i2c_algo_bit', 'i2c_core', 'video']);
		expect(r.metadata.modules).not.toContain('mperf');
	});

	it('does not join a list cut mid-word at the kernel line limit', async () => {
		// abrt-oops-with-jiffies.log lines 3-5 (3.2.5): the kernel cut the list after `i2`
		const r = await analyzeText(
			[
				'[178856.137438] Modules linked in: usb_storage tcp_lp ppdev parport_pc lp parport fuse ipt_MASQUERADE iptable_nat nf_nat xt_CHECKSUM be2iscsi iscsi_boot_sysfs bnx2i iptable_mangle cnic uio cxgb4i cxgb4 cxgb3i bridge stp llc libcxgbi cxgb3 mdio ib_iser rdma_cm ib_cm iw_cm ib_sa ib_mad ib_core ib_addr iscsi_tcp libiscsi_tcp libiscsi scsi_transport_iscsi ip6t_REJECT nf_conntrack_ipv4 nf_conntrack_ipv6 nf_defrag_ipv6 nf_defrag_ipv4 xt_state ip6table_filter nf_conntrack ip6_tables sha256_generic dm_crypt snd_hda_codec_hdmi snd_hda_codec_conexant snd_hda_intel snd_hda_codec snd_hwdep arc4 vhost_net macvtap macvlan tun snd_seq snd_seq_device virtio_net snd_pcm kvm_intel snd_timer kvm thinkpad_acpi iwlwifi snd mac80211 e1000e tpm_tis tpm tpm_bios nfsd lockd snd_page_alloc soundcore cfg80211 rfkill nfs_acl auth_rpcgss i2c_i801 sunrpc uinput joydev iTCO_wdt iTCO_vendor_support microcode firewire_ohci firewire_core crc_itu_t sdhci_pci sdhci mmc_core wmi i915 drm_kms_helper drm i2c_algo_bit i2',
				'c_core video [last unloaded: scsi_wait_scan]',
				'[178856.137482] Pid: 22695, comm: ksoftirqd/2 Not tainted 3.2.5-3.fc16.x86_64 #1'
			].join('\n') + '\n'
		);
		expect(r.metadata.modules).toContain('i2');
		expect(r.metadata.modules).not.toContain('c_core');
	});
});

// lkp-09.log lines 1-26 (kernel test robot, QEMU, 4.8.0-rc1): init segfaults on the vsyscall
// page under vsyscall=none and the kernel panics
const LKP09 = [
	'[    7.485149] init[1]: segfault at ffffffffff600400 ip ffffffffff600400 sp 00007fffc5ff7228 error 15',
	'[    7.487168] init[1] vsyscall attempted with vsyscall=none ip:ffffffffff600400 cs:33 sp:7fffc5ff6838 ax:ffffffffff600400 si:7f0c80ab5a4c di:7fffc5ff68f8',
	'[    7.489245] init[1]: segfault at ffffffffff600400 ip ffffffffff600400 sp 00007fffc5ff6838 error 15',
	'[    7.493303] Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b',
	'[    7.493303] ',
	'[    7.494301] CPU: 1 PID: 1 Comm: init Not tainted 4.8.0-rc1 #140',
	'[    7.495077] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
	'[    7.495077]  0000000000000000 ffff88000006fc80 ffffffff81259308 ffff88000006a000',
	'[    7.495077]  ffffffff8217b011 ffff88000006fd00 ffffffff81151d6b ffffffff00000010',
	'[    7.495077]  ffff88000006fd10 ffff88000006fca8 ffff88000006fcb8 000000000000000b',
	'[    7.495077] Call Trace:',
	'[    7.495077]  [<ffffffff81259308>] dump_stack+0x82/0xb8',
	'[    7.495077]  [<ffffffff81151d6b>] panic+0xd8/0x20d',
	'[    7.495077]  [<ffffffff810c48d2>] do_exit+0x4a9/0x935',
	'[    7.495077]  [<ffffffff810c4dfd>] do_group_exit+0x73/0xb8',
	'[    7.495077]  [<ffffffff810cdaaa>] get_signal+0x4a0/0x4cc',
	'[    7.495077]  [<ffffffff81032957>] do_signal+0x23/0x58c',
	'[    7.495077]  [<ffffffff8104e5b3>] ? __bad_area_nosemaphore+0x172/0x1a0',
	'[    7.495077]  [<ffffffff81100000>] ? freeze_processes+0x38/0xd9',
	'[    7.495077]  [<ffffffff81152277>] ? printk+0x49/0x51',
	'[    7.495077]  [<ffffffff8104e5f0>] ? bad_area_nosemaphore+0xf/0x11',
	'[    7.495077]  [<ffffffff81000d1f>] ? prepare_exit_to_usermode+0x76/0xdb',
	'[    7.495077]  [<ffffffff8126eacf>] ? __this_cpu_preempt_check+0x13/0x15',
	'[    7.495077]  [<ffffffff81000d3b>] prepare_exit_to_usermode+0x92/0xdb',
	'[    7.495077]  [<ffffffff81af6fb1>] retint_user+0x8/0x20',
	'[    7.495077] Kernel Offset: disabled'
];

describe('Attempted to kill init', () => {
	it('is init dying, explained from its exit code, not a generic panic', async () => {
		const f = await findingsOf(LKP09);
		const panic = f.find((x) => x.category === 'crash');
		expect([panic?.rule, panic?.title, panic?.severity]).toEqual([
			'crash.init-died',
			'kernel panic: Attempted to kill init!',
			'critical'
		]);
		expect(panic?.details.kind).toBe('init (PID 1) died');
		expect(panic?.explanation.meaning).toMatch(/0x0000000b: 11, SIGSEGV/);
		expect(panic?.explanation.next_steps.join(' ')).not.toMatch(/root=/);
	});
});

describe('architecture from the entry functions of a call trace', () => {
	it('names x86-64 from retint_user', async () => {
		// lkp-09.log lines 4-26 (4.8.0-rc1): the panic and its trace, no registers or banner
		const r = await analyzeText(LKP09.slice(3).join('\n') + '\n');
		expect(r.metadata.arch).toBe('x86_64');
	});

	it('names i386 from i386_start_kernel', async () => {
		// lkp-71.log lines 1-16 (5.12.0-rc7): a boot panic of a 32-bit kernel
		const r = await analyzeText(LKP71_PANIC.join('\n') + '\n');
		expect(r.metadata.arch).toBe('i386');
	});
});

describe('a Code: line wrapped at 80 columns', () => {
	it('keeps the wrapped instruction bytes with the registers', async () => {
		const f = await findingsOf(ABRT_BG1);
		expect(f[0].title).toBe('kernel BUG in __remove_from_page_cache');
		const regs = f[0].details.registers as string[];
		const code = regs.findIndex((x) => x.startsWith('Code: '));
		expect(regs.slice(code + 1, code + 3)).toEqual([ABRT_BG1[36], ABRT_BG1[37]]);
		expect(regs.at(-1)).toBe(ABRT_BG1[38]);
	});
});

describe('the guilty frame in a call trace', () => {
	it('marks the reliable frames of the guilty function only', () => {
		// satyr-gitlog-13.log lines 79-83 (3.4.1, i386): `l2tp_xmit_skb` thrice, twice with `?`
		const frame = (fn: string, reliable: boolean, line: number) => ({
			function: fn,
			offset: '0x173',
			size: '0x47e',
			module: fn === 'l2tp_xmit_skb' ? 'l2tp_core' : null,
			reliable,
			context: 'irq',
			line,
			source: null
		});
		const frames = [
			frame('lock_acquire', true, 79),
			frame('l2tp_xmit_skb', false, 80),
			frame('_raw_spin_lock', true, 81),
			frame('l2tp_xmit_skb', false, 82),
			frame('l2tp_xmit_skb', true, 83)
		];
		expect(guiltyMarks({ frames, guilty_frame: 'l2tp_xmit_skb' })).toEqual([
			false,
			false,
			false,
			false,
			true
		]);
		// satyr-rhbz-865695-2.log line 6: a compiler clone names the guilty function
		expect(
			guiltyMarks({ frames: [frame('wdev_priv.part.8', true, 6)], guilty_frame: 'wdev_priv' })
		).toEqual([true]);
		// only unreliable frames name it: they keep the mark
		expect(guiltyMarks({ frames: [frame('f', false, 1)], guilty_frame: 'f' })).toEqual([true]);
	});
});
