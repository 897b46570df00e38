/**
 * Real excerpts that several tests read, each naming the corpus file (shared/corpus/real) it
 * comes from.
 */

/** apimnewyear-vmcore-dmesg-txt.log lines 9643-9677 (the resource list and registers shortened) */
export const NMI_PANIC = [
	'[6060232.193522] Kernel panic - not syncing: 02: An NMI occurred. Depending on your system the reason for the NMI is logged in any one of the following resources:',
	'[6060232.193523] 1. Integrated Management Log (IML)',
	'[6060232.193524] CPU: 0 PID: 0 Comm: swapper/0 Kdump: loaded Not tainted 4.18.0-193.13.2.el8_2.x86_64 #1',
	'[6060232.193524] Hardware name: HPE ProLiant DL380 Gen10/ProLiant DL380 Gen10, BIOS U30 10/26/2020',
	'[6060232.193525] Call Trace:',
	'[6060232.193525]  <NMI>',
	'[6060232.193525]  dump_stack+0x5c/0x80',
	'[6060232.193525]  panic+0xe7/0x2a9',
	'[6060232.193526]  nmi_panic.cold.9+0xc/0xc',
	'[6060232.193526]  hpwdt_pretimeout+0x7f/0xc2 [hpwdt]',
	'[6060232.193526]  nmi_handle+0x63/0x110',
	'[6060232.193526]  unknown_nmi_error+0x16/0x80',
	'[6060232.193526]  do_nmi+0x128/0x190',
	'[6060232.193527]  end_repeat_nmi+0x16/0x6a',
	'[6060232.193527] RIP: 0010:intel_idle+0x85/0x130',
	'[6060232.193527] Code: 04 25 80 5c 01 00 48 89 d1 0f 01 c8 48 8b 00 a8 08 75 17 e9 07 00 00 00 0f 00 2d 86 27 60 00 b9 01 00 00 00 48 89 d8 0f 01 c9 <65> 48 8b 04 25 80 5c 01 00 f0',
	'[6060232.193528] RSP: 0018:ffffffff89603e28 EFLAGS: 00000046',
	'[6060232.193530] R13: ffffffff8972a678 R14: 0000000000000003 R15: 000000007b0c5960',
	'[6060232.193530]  ? intel_idle+0x85/0x130',
	'[6060232.193530]  ? intel_idle+0x85/0x130',
	'[6060232.193530]  </NMI>',
	'[6060232.193531]  cpuidle_enter_state+0x73/0x420',
	'[6060232.193531]  ? menu_select+0x230/0x620',
	'[6060232.193531]  cpuidle_enter+0x2c/0x40',
	'[6060232.193531]  do_idle+0x236/0x280',
	'[6060232.193532]  cpu_startup_entry+0x6f/0x80',
	'[6060232.193532]  start_kernel+0x53b/0x55b',
	'[6060232.193532]  secondary_startup_64+0xb7/0xc0'
];

/** abrt-cut-here.log lines 1-14: the WARN_ONCE of generic_get_mtrr and the start of its trace */
export const MTRR_WARN = [
	'------------[ cut here ]------------',
	'WARNING: at arch/x86/kernel/cpu/mtrr/generic.c:467',
	'generic_get_mtrr+0x11e/0x140() (Not tainted)',
	'Hardware name: ProLiant BL460c G1',
	'mtrr: your BIOS has set up an incorrect mask, fixing it up.',
	'Modules linked in: radeon(+)(U) ttm(U) drm_kms_helper(U) drm(U) i2c_algo_bit(U)',
	'i2c_core(U) dm_mod(U)',
	'Pid: 143, comm: modprobe Not tainted 2.6.32-19.el6.x86_64 #1',
	'Call Trace:',
	'[<ffffffff81067c33>] warn_slowpath_common+0x83/0xc0',
	'[<ffffffff81067cd1>] warn_slowpath_fmt+0x41/0x50',
	'[<ffffffff81028e4e>] generic_get_mtrr+0x11e/0x140',
	'[<ffffffff8102793b>] mtrr_add_page+0xdb/0x470',
	'[<ffffffff810d0e99>] ? request_threaded_irq+0x1c9/0x2e0'
];

/** lkp-48.log lines 34-66 (kernel test robot, QEMU, 4.8.0-rc1 with KASAN): the general protection
 * fault right after KASAN's wild-memory-access report, on the same access */
export const LKP48_GPF = [
	'[  150.375503] general protection fault: 0000 [#1] SMP KASAN',
	'[  150.376803] CPU: 0 PID: 1 Comm: swapper/0 Tainted: G    B           4.8.0-rc1 #111',
	'[  150.378701] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
	'[  150.380811] task: ffff8800104a6040 task.stack: ffff8800104a8000',
	'[  150.382189] RIP: 0010:[<ffffffff83a0b6e7>]  [<ffffffff83a0b6e7>] init_real_cpu_mask+0x77/0x150',
	'[  150.385452] RSP: 0000:ffff8800104afe00  EFLAGS: 00010202',
	'[  150.387721] RAX: ffff8800104a6040 RBX: 0000ffff00013138 RCX: ffffffff845c4267',
	'[  150.391410] RDX: 1ffffffff0c8d060 RSI: 0000000000000206 RDI: 0000000000000206',
	'[  150.394084] RBP: ffff8800104afe28 R08: 0000000000000000 R09: 746e696174206c65',
	'[  150.397796] R10: ffff8800104a6040 R11: 206f742065756420 R12: 0000000000000002',
	'[  150.401466] R13: 0000000000000040 R14: 0000000000000002 R15: 0000000000000038',
	'[  150.404068] FS:  0000000000000000(0000) GS:ffff880011000000(0000) knlGS:0000000000000000',
	'[  150.408071] CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033',
	'[  150.411462] CR2: 00000000ffffffff CR3: 000000000520a000 CR4: 00000000000006b0',
	'[  150.413067] Stack:',
	'[  150.414805]  ffff880011013138 0000000000000000 ffffffff8613a7df ffffffff861d98f8',
	'[  150.419231]  0000000000000038 ffff8800104afe58 ffffffff83a0b8a6 0000000000000000',
	'[  150.424696]  0000000000000000 ffffffff8613a7df ffffffff861d98f8 ffff8800104afe78',
	'[  150.429039] Call Trace:',
	'[  150.468368]  [<ffffffff8613a7df>] ? dev_init+0x1df/0x1df',
	'[  150.470728]  [<ffffffff83a0b8a6>] node_affinity_init+0xe6/0x270',
	'[  150.473187]  [<ffffffff8613a7df>] ? dev_init+0x1df/0x1df',
	'[  150.476576]  [<ffffffff8613a80f>] hfi1_mod_init+0x30/0x3e1',
	'[  150.478955]  [<ffffffff86065c60>] do_one_initcall+0xe6/0x220',
	'[  150.482372]  [<ffffffff86065ff9>] kernel_init_freeable+0x25f/0x374',
	'[  150.484814]  [<ffffffff845b898b>] kernel_init+0x1b/0x210',
	'[  150.487106]  [<ffffffff845c4cbf>] ret_from_fork+0x1f/0x40',
	'[  150.490453]  [<ffffffff845b8970>] ? rest_init+0xf0/0xf0',
	'[  150.492714] Code: c7 c7 10 08 ae 85 e8 69 7c 51 fe 41 89 c5 4a 8d 3c ed 80 54 03 86 e8 d9 5f a5 fd 4a 03 1c ed 80 54 03 86 48 89 df e8 c9 5f a5 fd <48> 8b 3b be 40 00 00 00 48 83 05 21 66 de 03 01 e8 b4 6d 56 fe ',
	'[  150.516855] RIP  [<ffffffff83a0b6e7>] init_real_cpu_mask+0x77/0x150',
	'[  150.520538]  RSP <ffff8800104afe00>',
	'[  150.522598] ---[ end trace b130d896846ab2e6 ]---',
	'[  150.524788] Kernel panic - not syncing: Fatal exception'
];

/** abrt-koops-tainted-bg1.log lines 1-42 (Fedora 15, 2.6.38, i686), as abrt saved it */
export const ABRT_BG1 = [
	'kernel BUG at mm/filemap.c:125!',
	'invalid opcode: 0000 [#1] SMP ',
	'last sysfs file: /sys/devices/system/cpu/cpu1/cache/index1/shared_cpu_map',
	'Modules linked in: tcp_lp fuse 8021q garp p4_clockmod stp llc ip6t_REJECT',
	'nf_conntrack_ipv6 nf_defrag_ipv6 ip6table_filter ip6_tables usblp snd_intel8x0',
	'ppdev snd_ac97_codec ac97_bus snd_seq snd_seq_device snd_pcm microcode',
	'snd_timer snd parport_pc sis900 parport soundcore mii snd_page_alloc ipv6',
	'ata_generic pata_acpi sata_sis pata_sis nouveau ttm drm_kms_helper drm',
	'i2c_algo_bit i2c_core video [last unloaded: mperf]',
	'Pid: 4008, comm: rm Tainted: G    B       2.6.38.6-27.fc15.i686 #1 ECS',
	'662/1066T-M2/662/1066T-M2',
	'EIP: 0060:[<c04ac80f>] EFLAGS: 00010046 CPU: 1',
	'EIP is at __remove_from_page_cache+0x4d/0xab',
	'EAX: 00000000 EBX: f52d3d00 ECX: d6959d07 EDX: 00000009',
	'ESI: efed9228 EDI: efed9238 EBP: d6959e34 ESP: d6959e28',
	' DS: 007b ES: 007b FS: 00d8 GS: 00e0 SS: 0068',
	'Process rm (pid: 4008, ti=d6958000 task=f0f09920 task.ti=d6958000)',
	'Stack:',
	' 0000e2e2 f52d3d00 00000000 d6959e48 c04ac89c f52d3d00 efed9228 000024f8',
	' d6959e64 c04b3f0a 00001000 00000000 00000000 f52d3d00 0000000d d6959ed0',
	' c04b3fbf 0000000e 00000000 00000000 00000000 efed9228 ffffffff 0000000e',
	'Call Trace:',
	'[<c04ac89c>] remove_from_page_cache+0x2f/0x4a',
	' [<c04b3f0a>] truncate_inode_page+0x77/0x8c',
	' [<c04b3fbf>] truncate_inode_pages_range+0xa0/0x209',
	' [<c04b4147>] truncate_inode_pages+0x1f/0x21',
	' [<c054b0df>] ext4_evict_inode+0x80/0x20b',
	' [<c042e4e2>] ? __might_sleep+0x29/0xe4',
	' [<c04f5763>] evict+0x1c/0x7e',
	' [<c04f5982>] iput+0x14b/0x16c',
	' [<c04ee017>] do_unlinkat+0xc6/0x102',
	' [<c047baf5>] ? audit_syscall_entry+0x128/0x14a',
	' [<c040b8f6>] ? syscall_trace_enter+0x10f/0x121',
	' [<c04eeef2>] sys_unlinkat+0x32/0x35',
	' [<c07d66b4>] syscall_call+0x7/0xb',
	'Code: c7 43 10 00 00 00 00 ff 4e 30 e8 bc 14 01 00 8b 03 a9 00 00 08 00 74 0c',
	'ba 16 00 00 00 89 d8 e8 a7 14 01 00 8b 43 08 85 c0 78 02 <0f> 0b 8b 03 a8 10 74',
	'51 8b 46 40 f6 40 10 01 75 48 ba 0a 00 00 ',
	'EIP: [<c04ac80f>] __remove_from_page_cache+0x4d/0xab SS:ESP 0068:d6959e28',
	'[drm] nouveau 0000:01:00.0: Setting dpms mode 3 on vga encoder (output 0)',
	'[drm] nouveau 0000:01:00.0: Setting dpms mode 0 on vga encoder (output 0)',
	'[drm] nouveau 0000:01:00.0: Output VGA-1 is running on CRTC 0 using output A'
];

/**
 * crash-logs-log20221215-txt.log lines 2444-2466 (a ThinkPad's journal): nohang-desktop's report
 * of one kill, the thresholds crossed, the victim, `Sending SIGTERM to the victim`, its summary
 */
export const NOHANG_KILL = [
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]: Memory status that requires corrective actions:',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   MemAvailable [345 MiB, 4.5 %] <= soft_threshold_min_mem [384 MiB, 5.0 %]',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   SwapFree [804 MiB, 9.8 %] <= soft_threshold_min_swap [819 MiB, 10.0 %]',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]: Victim status (found in 1ms):',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   PID:       23152, name: Privileged Cont, state: S (sleeping), EUID: 1000, SID: 1122 (xfce4-session), lifetime: 1h 10min 39s',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   badness:   980, oom_score:  780, oom_score_adj:  167',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   Vm, MiB:   Size: 2443, RSS: 45 (Anon: 10, File: 35, Shmem: 1), Swap: 14',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   cgroup_v1:',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   cgroup_v2: /user.slice/user-1000.slice/session-2.scope',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   ancestry:  PID 22987 (firefox) <= PID 1231 (panel-7-whisker) <= PID 1215 (xfce4-panel)',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   exe realpath: /usr/lib/firefox/firefox',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   cwd realpath: /proc/23154/fdinfo',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]: Memory info, MiB:',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   total=7690, used=6495, free=203, available=345, shared=467, buffers=13, cache=979,',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   swap_total=8192, swap_used=7388, swap_free=804',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]: Memory pressure (system-wide):',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   some avg10=6.57 avg60=2.81 avg300=1.21',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   full avg10=5.80 avg60=2.54 avg300=1.11',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]: Implementing a corrective action:',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   Sending SIGTERM to the victim',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]: OK; total response time: 57ms',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]: What happened in the last 1h 58min 7s:',
	'Dec 15 18:21:11 peter-x1c nohang-desktop[499]:   [ OK ] Sending SIGTERM to Privileged Cont: 1'
];

/** what NOHANG_KILL's finding tells of the kill, in every shape the lines come in */
export const NOHANG_KILL_FACTS = {
	killer: 'nohang-desktop',
	signal: 'SIGTERM',
	process: 'Privileged Cont',
	pid: 23152,
	rss_mib: 45,
	limit: 'MemAvailable [345 MiB, 4.5 %] <= soft_threshold_min_mem [384 MiB, 5.0 %]'
};

/**
 * ubuntu-20-04-fips-logs-dmesg-txt.log lines 864-899 (5.4.0-1051-fips): a NULL dereference in
 * urandom_read that killed modprobe, its end marker and the first line of x86's summary after it
 */
export const FIPS_OOPS = [
	'[   29.364515] BUG: kernel NULL pointer dereference, address: 0000000000000038',
	'[   29.368305] #PF: supervisor read access in kernel mode',
	'[   29.368305] #PF: error_code(0x0000) - not-present page',
	'[   29.368305] PGD 0 P4D 0 ',
	'[   29.368305] Oops: 0000 [#1] SMP NOPTI',
	'[   29.368305] CPU: 0 PID: 114 Comm: modprobe Not tainted 5.4.0-1051-fips #57-Ubuntu',
	'[   29.368305] Hardware name: To be filled by O.E.M. To be filled by O.E.M./Inagua CRB, BIOS 4.6.5 03/08/2013',
	'[   29.368305] RIP: 0010:urandom_read+0x268/0x480',
	'[   29.368305] Code: c0 0f 85 90 01 00 00 4c 01 e3 4d 01 e5 4c 39 6d 88 0f 84 93 01 00 00 4c 8b 25 f4 e1 a7 01 44 8b bd 78 ff ff ff b8 00 10 00 00 <4d> 8b 4c 24 38 45 29 ef 41 81 ff 00 10 00 00 4c 89 cf 44 0f 47 f8',
	'[   29.368305] RSP: 0018:ffffa667c016fe48 EFLAGS: 00010246',
	'[   29.368305] RAX: 0000000000001000 RBX: 0000565192a027e0 RCX: 0000000000000001',
	'[   29.368305] RDX: 0000000000000010 RSI: 0000565192a027e0 RDI: 0000000000000000',
	'[   29.368305] RBP: ffffa667c016fed8 R08: 0000000000000000 R09: 0000000000000000',
	'[   29.368305] R10: ffff993fa4e1c848 R11: 0000000000000000 R12: 0000000000000000',
	'[   29.368305] R13: 0000000000000000 R14: ffffa667c016fe68 R15: 0000000000000010',
	'[   29.368305] FS:  00007f6fd6733500(0000) GS:ffff993fa4e00000(0000) knlGS:0000000000000000',
	'[   29.368305] CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033',
	'[   29.368305] CR2: 0000000000000038 CR3: 0000000062d7a000 CR4: 00000000000006f0',
	'[   29.368305] Call Trace:',
	'[   29.368305]  ? __schedule+0x2eb/0x740',
	'[   29.368305]  __x64_sys_getrandom+0x7f/0x130',
	'[   29.368305]  ? __wake_up_pollfree+0x40/0x40',
	'[   29.368305]  do_syscall_64+0x57/0x190',
	'[   29.368305]  entry_SYSCALL_64_after_hwframe+0x44/0xa9',
	'[   29.368305] RIP: 0033:0x7f6fd687573d',
	'[   29.368305] Code: 00 c3 66 2e 0f 1f 84 00 00 00 00 00 90 f3 0f 1e fa 48 89 f8 48 89 f7 48 89 d6 48 89 ca 4d 89 c2 4d 89 c8 4c 8b 4c 24 08 0f 05 <48> 3d 01 f0 ff ff 73 01 c3 48 8b 0d 23 37 0d 00 f7 d8 64 89 01 48',
	'[   29.368305] RSP: 002b:00007ffc94663748 EFLAGS: 00000246 ORIG_RAX: 000000000000013e',
	'[   29.368305] RAX: ffffffffffffffda RBX: ffffffffffffffff RCX: 00007f6fd687573d',
	'[   29.368305] RDX: 0000000000000000 RSI: 0000000000000010 RDI: 0000565192a027e0',
	'[   29.368305] RBP: 0000565192a02790 R08: 0000000000000000 R09: 00000000946639b0',
	'[   29.368305] R10: 1999999999999999 R11: 0000000000000246 R12: 0000000000000010',
	'[   29.368305] R13: 0000000000000002 R14: 0000000000000000 R15: 000000007fffffff',
	'[   29.368305] Modules linked in:',
	'[   29.368305] CR2: 0000000000000038',
	'[   29.368311] ---[ end trace 43ef301ad4cafb21 ]---',
	'[   29.372312] RIP: 0010:urandom_read+0x268/0x480'
];

/**
 * kerneloops-i386-oops-with-end-marker.log: a 2.6.24 x86-64 double fault's header, registers and
 * task lines up to its empty `Call Trace:` (x86-64 before 3.10 printed `CPU 0 ` before `Pid:`)
 */
export const KERNELOOPS_DOUBLE_FAULT = [
	'double fault: 0000 [1] PREEMPT SMP ',
	'CPU 0 ',
	'Pid: 2847, comm: grub Not tainted 2.6.24-rc5 #234',
	'RIP: 0010:[<ffffffff80224f28>]  [<ffffffff80224f28>] search_extable+0x0/0x64',
	'RSP: 0000:ffff810008000000  EFLAGS: 00010046',
	'RAX: ffffffff8020e66f RBX: 080e050809993830 RCX: ffffffff8020e732',
	'RDX: ffffffff8020e732 RSI: ffffffff80870460 RDI: ffffffff8086c370',
	'RBP: ffff810008000008 R08: 0000000000000000 R09: 0000000000000000',
	'R10: 0000000000000000 R11: 0000000000000200 R12: ffff810008000048',
	'R13: 0000000000000000 R14: 0000000000000000 R15: ffff81003c913e78',
	'FS:  00007f80aed7f780(0000) GS:ffffffff80be4000(0063) knlGS:0000000009993830',
	'CS:  0010 DS: 002b ES: 002b CR0: 000000008005003b',
	'CR2: ffff810007fffff8 CR3: 000000003cddc000 CR4: 00000000000006e0',
	'DR0: 0000000000000000 DR1: 0000000000000000 DR2: 0000000000000000',
	'DR3: 0000000000000000 DR6: 00000000ffff0ff0 DR7: 0000000000000400',
	'Process grub (pid: 2847, threadinfo ffff81003c912000, task ffff81003fabade0)',
	'Stack: ',
	'Call Trace:'
];

/**
 * kerneloops-i386-oops-with-end-marker.log lines 26-37: the spinlock lockup of the task dying of
 * KERNELOOPS_DOUBLE_FAULT (spin_dump()'s header names the CPU and task, the `Pid:` line no CPU),
 * to the first frames of its trace
 */
export const KERNELOOPS_SPINLOCK_LOCKUP = [
	'BUG: spinlock lockup on CPU#0, grub/2847, ffff81003c57fd50',
	'Pid: 2847, comm: grub Tainted: G      D 2.6.24-rc5 #234',
	'',
	'Call Trace:',
	' <#DF>  [<ffffffff80460d15>] _raw_spin_lock+0xfd/0x125',
	' [<ffffffff808690c2>] _spin_lock_irqsave+0x20/0x27',
	' [<ffffffff8026ac07>] taskstats_exit+0xd2/0x2cf',
	' [<ffffffff8023dddc>] do_exit+0x24f/0x772',
	' [<ffffffff804d0409>] do_unblank_screen+0xf/0x11e',
	' [<ffffffff8020d35f>] oops_begin+0x0/0x96',
	' [<ffffffff8020dcba>] die+0x5d/0x66',
	' [<ffffffff8020df6b>] do_double_fault+0x63/0x65'
];

/** lkp-73.log lines 1-30 (kernel test robot, QEMU, 5.13.0-rc6): `BUG: Bad page cache`, no page_owner stack */
export const LKP73_BAD_PAGE = [
	'[   14.880449] BUG: Bad page cache in process systemd-journal  pfn:11ca9c',
	'[   14.880451] page:(____ptrval____) refcount:3 mapcount:1 mapping:(____ptrval____) index:0x120 pfn:0x11ca9c',
	'[   14.880453] memcg:ffff8f7b8fb82000',
	'[   14.880454] aops:shmem_aops ino:35',
	'[   14.880457] flags: 0x17ffffc0080015(locked|uptodate|lru|swapbacked|node=0|zone=2|lastcpupid=0x1fffff)',
	'[   14.880461] raw: 0017ffffc0080015 ffffcfed8472a6c8 ffffcfed8472a748 ffff8f7b8e6f0a28',
	'[   14.880462] raw: 0000000000000120 0000000000000000 0000000300000000 ffff8f7b8fb82000',
	'[   14.880463] page dumped because: still mapped when deleted',
	'[   14.880465] CPU: 0 PID: 159 Comm: systemd-journal Tainted: G    B   W         5.13.0-rc6-07147-g916efa412cbc #1',
	'[   14.880467] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.12.0-1 04/01/2014',
	'[   14.880469] Call Trace:',
	'[   14.880470]  dump_stack+0x64/0x7c',
	'[   14.880474]  unaccount_page_cache_page.cold+0x3e/0xae',
	'[   14.880479]  __delete_from_page_cache+0x39/0x1c0',
	'[   14.880482]  ? __cond_resched+0x19/0x40',
	'[   14.880486]  ? down_write+0x21/0x80',
	'[   14.880489]  ? unmap_mapping_page+0x69/0x140',
	'[   14.880492]  delete_from_page_cache+0x53/0xc0',
	'[   14.880496]  truncate_inode_page+0x1f/0x40',
	'[   14.880501]  shmem_undo_range+0x168/0x840',
	'[   14.880507]  ? __ia32_sys_newstat+0xf/0x40',
	'[   14.880512]  shmem_truncate_range+0x14/0x40',
	'[   14.880516]  shmem_evict_inode+0xce/0x240',
	'[   14.880520]  ? var_wake_function+0x40/0x40',
	'[   14.880524]  evict+0xd8/0x180',
	'[   14.880527]  do_unlinkat+0x1e4/0x300',
	'[   14.880531]  __do_fast_syscall_32+0x6b/0x100',
	'[   15.838455]  do_fast_syscall_32+0x2f/0x80',
	'[   15.838468]  entry_SYSENTER_compat_after_hwframe+0x4d/0x5f',
	'[   15.838475] RIP: 0023:0xf7f58549'
];

/**
 * iamslightlywin-dump-last-kmsg.log lines 17905-17918 (a Samsung tablet, arm64, 4.19): an
 * instruction abort, `IABT (current EL)`, `pc : 0x402288f85f8e74`, the bad address itself
 */
export const IAMSLIGHTLYWIN_IABT = [
	'<1>[   50.483162]  [4:provider@4.0-se: 1823] Unable to handle kernel paging request at virtual address 00402288f85f8e74',
	'<1>[   50.483173]  [4:provider@4.0-se: 1823] Mem abort info:',
	'<1>[   50.483180]  [4:provider@4.0-se: 1823]   ESR = 0x86000004',
	'<1>[   50.483186]  [4:provider@4.0-se: 1823]   Exception class = IABT (current EL), IL = 32 bits',
	'<1>[   50.483193]  [4:provider@4.0-se: 1823]   SET = 0, FnV = 0',
	'<1>[   50.483198]  [4:provider@4.0-se: 1823]   EA = 0, S1PTW = 0',
	'<1>[   50.483204]  [4:provider@4.0-se: 1823] [00402288f85f8e74] address between user and kernel address ranges',
	'<0>[   50.483218]  [4:provider@4.0-se: 1823] Internal error: Oops: 86000004 [#1] PREEMPT SMP',
	'<4>[   50.483224]  [4:provider@4.0-se: 1823] Modules linked in:',
	'<0>[   50.483229]  [4:provider@4.0-se: 1823] Process provider@4.0-se (pid: 1823, stack limit = 0x000000009983a02a)',
	'<4>[   50.483234]  [4:provider@4.0-se: 1823] CPU: 4 PID: 1823 Comm: provider@4.0-se FTT: 0 0 Tainted: G S      W         4.19.113~Windstation+ #1',
	'<4>[   50.483238]  [4:provider@4.0-se: 1823] Hardware name: Samsung GTS7L PROJECT - PV REV0.4 (board-id,7) (DT)',
	'<4>[   50.483241]  [4:provider@4.0-se: 1823] pstate: 60400005 (nZCv daif +PAN -UAO)',
	'<4>[   50.483244]  [4:provider@4.0-se: 1823] pc : 0x402288f85f8e74'
];

/**
 * lkp-12.log lines 4-20 (kernel test robot, QEMU, 4.8.0-rc1): a page allocation failure printed
 * into the OOM killer's report, to `__alloc_pages_nodemask` in its trace
 */
export const LKP12_ALLOC_FAILURE = [
	'[  111.628064] rb_consumer: page allocation failure: order:0, mode:0x24010c0(GFP_KERNEL|__GFP_NORETRY)',
	'[  111.629607] CPU: 0 PID: 54 Comm: rb_consumer Not tainted 4.8.0-rc1 #127',
	'[  111.630678] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
	'[  111.631825] trinity-c1 invoked oom-killer: gfp_mask=0x24200ca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=500',
	'[  111.633377]  0000000000000001 ffff880012267a88 ffffffff81ba28d9 ffff880012267a58',
	'[  111.651525]  ffffffff81bb094d ffffffff833eea80 0000000000000000 0000000000000001',
	'[  111.652676]  ffff880012267c78 0000000000000000 00000000024010c0 ffff880012267b18',
	'[  111.653828] Call Trace:',
	'[  111.654259]  [<ffffffff81ba28d9>] dump_stack+0x197/0x25e',
	'[  111.655028]  [<ffffffff81bb094d>] ? ___ratelimit+0x2bd/0x2f0',
	'[  111.655863]  [<ffffffff81342ddb>] warn_alloc_failed+0x20b/0x240',
	'[  111.656734]  [<ffffffff8262b64f>] ? _cond_resched+0x2f/0x70',
	'[  111.657541]  [<ffffffff81342bb2>] ? __perform_reclaim+0xe2/0x100',
	'[  111.658399]  [<ffffffff813504b6>] __alloc_pages_slowpath+0x1d56/0x1df0',
	'[  111.659332]  [<ffffffff81188353>] ? finish_task_switch+0x3d3/0x550',
	'[  111.660219]  [<ffffffff8134e503>] ? get_page_from_freelist+0x483/0x530',
	'[  111.661233]  [<ffffffff813509fa>] __alloc_pages_nodemask+0x4aa/0xa30'
];

/**
 * kerneloops-power5-with-machinecheck.log lines 13-61 (2.6.22, ppc64, no kernel times): a machine
 * check in `._spin_lock` kills `scp`, and die() -> do_exit() then sleeps with interrupts off
 */
export const KERNELOOPS_POWER5 = [
	'Oops: Machine check, sig: 7 [#1]',
	'SMP NR_CPUS=128 NUMA pSeries',
	'Modules linked in: oprofile autofs4 hidp rfcomm l2cap bluetooth sunrpc nf_conntrack_netbios_ns nf_conntrack_ipv4 ipt_REJECT iptable_filter ip_tables nf_conntrack_ipv6 xt_state nf_conntrack nfnetlink xt_tcpudp ip6table_filter ip6_tables x_tables ipv6 dm_multipath snd_powermac snd_seq_dummy snd_seq_oss snd_seq_midi_event snd_seq snd_seq_device snd_pcm_oss snd_mixer_oss snd_pcm snd_page_alloc snd_timer snd soundcore parport_pc lp parport sg ibmveth dm_snapshot dm_zero dm_mirror dm_mod ibmvscsic sd_mod scsi_mod ext3 jbd mbcache ehci_hcd ohci_hcd uhci_hcd',
	'NIP: c000000000441188 LR: c000000000432060 CTR: c000000000073cfc',
	'REGS: c000000008c735d0 TRAP: 0200   Not tainted  (2.6.22.9-61.fc6)',
	'MSR: 8000000000109032 <EE,ME,IR,DR>  CR: 24000448  XER: 00000010',
	"TASK = c000000033b12000[28081] 'scp' THREAD: c000000008c70000 CPU: 1",
	'GPR00: 0000000080000001 c000000008c73850 c000000000741920 c000000018561584 ',
	'GPR04: c000000033b12360 0000000000000e0c 0000000024000442 0000000000e98000 ',
	'GPR08: 0000000000000000 0000000000000000 c0000000005fc080 0000000000000000 ',
	'GPR12: 000000000000d032 c000000000625100 00000000ffafe9cb 0000000000000000 ',
	'GPR16: 0000000000000000 c000000018aa1300 0000000000000000 0000000000000000 ',
	'GPR20: 7fffffffffffffff 0000000000000000 0000000000001000 0000000000000001 ',
	'GPR24: c000000008c73ac8 ffffffffffffffa1 c000000018561584 c000000008c73a90 ',
	'GPR28: c000000018561300 c0000000185613b0 c000000000707988 c000000018561584 ',
	'NIP [c000000000441188] ._spin_lock+0x20/0x88',
	'LR [c000000000432060] .unix_stream_recvmsg+0x2b4/0x6e0',
	'Call Trace:',
	'[c000000008c73850] [c0000000001971c4] .avc_has_perm+0x6c/0x9c (unreliable)',
	'[c000000008c738d0] [c000000000432060] .unix_stream_recvmsg+0x2b4/0x6e0',
	'[c000000008c73a20] [c0000000003972e4] .sock_aio_read+0x154/0x18c',
	'[c000000008c73b50] [c00000000010e5e4] .do_sync_read+0xc4/0x124',
	'[c000000008c73cf0] [c00000000010f060] .vfs_read+0x13c/0x208',
	'[c000000008c73d90] [c00000000010f830] .sys_read+0x4c/0x8c',
	'[c000000008c73e30] [c0000000000086c8] syscall_exit+0x0/0x40',
	'Instruction dump:',
	'e8010010 ebe1fff0 7c0803a6 4e800020 7c0802a6 fbe1fff0 7c7f1b78 f8010010 ',
	'38000000 f821ff81 980d01dc 800d0010 <7d20f828> 2c090000 40820010 7c00f92d ',
	'BUG: sleeping function called from invalid context at kernel/rwsem.c:20',
	'in_atomic():0, irqs_disabled():1',
	'Call Trace:',
	'[c000000008c730b0] [c000000000010594] .show_stack+0x68/0x1b0 (unreliable)',
	'[c000000008c73150] [c000000000076ae0] .__might_sleep+0xec/0x108',
	'[c000000008c731d0] [c00000000009fc7c] .down_read+0x28/0x78',
	'[c000000008c73260] [c000000000091bf0] .__blocking_notifier_call_chain+0x4c/0xa4',
	'[c000000008c73310] [c0000000000820b0] .profile_task_exit+0x24/0x3c',
	'[c000000008c73390] [c000000000084ae4] .do_exit+0x3c/0x9bc',
	'[c000000008c73440] [c000000000027c94] .die+0x238/0x264',
	'[c000000008c734e0] [c0000000000286d0] .machine_check_exception+0x21c/0x24c',
	'[c000000008c73560] [c000000000003a24] machine_check_common+0x124/0x180',
	'--- Exception: 200 at ._spin_lock+0x20/0x88',
	'    LR = .unix_stream_recvmsg+0x2b4/0x6e0',
	'[c000000008c73850] [c0000000001971c4] .avc_has_perm+0x6c/0x9c (unreliable)',
	'[c000000008c738d0] [c000000000432060] .unix_stream_recvmsg+0x2b4/0x6e0',
	'[c000000008c73a20] [c0000000003972e4] .sock_aio_read+0x154/0x18c',
	'[c000000008c73b50] [c00000000010e5e4] .do_sync_read+0xc4/0x124',
	'[c000000008c73cf0] [c00000000010f060] .vfs_read+0x13c/0x208',
	'[c000000008c73d90] [c00000000010f830] .sys_read+0x4c/0x8c',
	'[c000000008c73e30] [c0000000000086c8] syscall_exit+0x0/0x40'
];

/**
 * abrt-nmi-oops-hash.log, the whole log (3.8, x86-64): the NMI watchdog's WARN on a hard lockup,
 * whose interrupted stack starts on the `<<EOE>>` line
 */
export const ABRT_NMI_HARD_LOCKUP = [
	'WARNING: at kernel/watchdog.c:245 watchdog_overflow_callback+0x9c/0xd0()',
	'Hardware name: Bochs',
	'Watchdog detected hard LOCKUP on cpu 0',
	'Modules linked in: tcp_lp fuse ebtable_nat xt_CHECKSUM bridge stp llc nf_conntrack_netbios_ns nf_conntrack_broadcast ipt_MASQUERADE ip6table_nat nf_nat_ipv6 ip6table_mangle ip6t_REJECT nf_conntrack_ipv6 nf_defrag_ipv6 iptable_nat nf_nat_ipv4 nf_nat iptable_mangle nf_conntrack_ipv4 nf_defrag_ipv4 xt_conntrack bnep nf_conntrack bluetooth rfkill ebtable_filter ebtables ip6table_filter ip6_tables joydev snd_intel8x0 snd_ac97_codec crc32_pclmul ac97_bus crc32c_intel snd_seq snd_seq_device ghash_clmulni_intel snd_pcm snd_page_alloc snd_timer snd microcode virtio_balloon 8139too i2c_piix4 soundcore 8139cp mii binfmt_misc qxl drm_kms_helper ttm drm i2c_core uinput',
	'Pid: 0, comm: swapper/0 Not tainted 3.8.9-200.fc18.x86_64 #1',
	'Call Trace:',
	'  <NMI>  [<ffffffff810eb800>] ? watchdog_overflow_callback+0x60/0xd0',
	'  [<ffffffff8105cd86>] warn_slowpath_common+0x66/0x80',
	'  [<ffffffff8105cdec>] warn_slowpath_fmt+0x4c/0x50',
	'  [<ffffffff810eb7a0>] ? watchdog_enable+0x1e0/0x1e0',
	'  [<ffffffff810eb83c>] watchdog_overflow_callback+0x9c/0xd0',
	'  [<ffffffff811261ce>] __perf_event_overflow+0x8e/0x220',
	'  [<ffffffff81125059>] ? perf_event_update_userpage+0x19/0x100',
	'  [<ffffffff81126da4>] perf_event_overflow+0x14/0x20',
	'  [<ffffffff81028b02>] intel_pmu_handle_irq+0x1b2/0x370',
	'  [<ffffffff81646e1d>] perf_event_nmi_handler+0x1d/0x20',
	'  [<ffffffff816465e9>] nmi_handle.isra.0+0x59/0x90',
	'  [<ffffffff816466f0>] do_nmi+0xd0/0x310',
	'  [<ffffffff81645c41>] end_repeat_nmi+0x1e/0x2e',
	'  [<ffffffff81093e44>] ? irqtime_account_process_tick.isra.2+0x94/0x3c0',
	'  [<ffffffff81093e44>] ? irqtime_account_process_tick.isra.2+0x94/0x3c0',
	'  [<ffffffff81093e44>] ? irqtime_account_process_tick.isra.2+0x94/0x3c0',
	'  <<EOE>>  [<ffffffff810944f0>] account_idle_ticks+0x90/0xa0',
	'  [<ffffffff810b6ae5>] tick_nohz_idle_exit+0x165/0x1a0',
	'  [<ffffffff8101c06b>] cpu_idle+0x11b/0x140',
	'  [<ffffffff81629902>] rest_init+0x72/0x80',
	'  [<ffffffff81d04eca>] start_kernel+0x3f2/0x3fe',
	'  [<ffffffff81d048e1>] ? repair_env_string+0x5c/0x5c',
	'  [<ffffffff81d04120>] ? early_idt_handlers+0x120/0x120',
	'  [<ffffffff81d045e0>] x86_64_start_reservations+0x2a/0x2c',
	'  [<ffffffff81d046d5>] x86_64_start_kernel+0xf3/0x100'
];

/**
 * satyr-gitlog-08.log lines 1-40 (3.4.0 on ARM, no timestamps, a tainted kernel): filemonkey's
 * write to a cpufreq attribute, whose store dropped the policy's last reference, removing the
 * policy's sysfs directory (s_active#13, the class of the file being written, on both lines); the
 * log ends there
 */
export const SATYR08_SYSFS_SELF_REMOVAL = [
	'=============================================',
	'[ INFO: possible recursive locking detected ]',
	'3.4.0 #37 Tainted: G        W',
	'---------------------------------------------',
	'filemonkey/122 is trying to acquire lock:',
	' (s_active#13){++++.+}, at: [<c01a3d28>] sysfs_remove_dir+0x9c/0xb4',
	'',
	'but task is already holding lock:',
	' (s_active#13){++++.+}, at: [<c01a22f0>] sysfs_write_file+0xe8/0x140',
	'',
	'other info that might help us debug this:',
	' Possible unsafe locking scenario:',
	'',
	'       CPU0',
	'       ----',
	'  lock(s_active#13);',
	'  lock(s_active#13);',
	'',
	' *** DEADLOCK ***',
	'',
	' May be due to missing lock nesting notation',
	'',
	'2 locks held by filemonkey/122:',
	' #0:  (&buffer->mutex){+.+.+.}, at: [<c01a2230>] sysfs_write_file+0x28/0x140',
	' #1:  (s_active#13){++++.+}, at: [<c01a22f0>] sysfs_write_file+0xe8/0x140',
	'',
	'stack backtrace:',
	'[<c0014fcc>] (unwind_backtrace+0x0/0x120) from [<c00ca600>] (validate_chain+0x6f8/0x1054)',
	'[<c00ca600>] (validate_chain+0x6f8/0x1054) from [<c00cb778>] (__lock_acquire+0x81c/0x8d8)',
	'[<c00cb778>] (__lock_acquire+0x81c/0x8d8) from [<c00cb9c0>] (lock_acquire+0x18c/0x1e8)',
	'[<c00cb9c0>] (lock_acquire+0x18c/0x1e8) from [<c01a3ba8>] (sysfs_addrm_finish+0xd0/0x180)',
	'[<c01a3ba8>] (sysfs_addrm_finish+0xd0/0x180) from [<c01a3d28>] (sysfs_remove_dir+0x9c/0xb4)',
	'[<c01a3d28>] (sysfs_remove_dir+0x9c/0xb4) from [<c02d0e5c>] (kobject_del+0x10/0x38)',
	'[<c02d0e5c>] (kobject_del+0x10/0x38) from [<c02d0f74>] (kobject_release+0xf0/0x194)',
	'[<c02d0f74>] (kobject_release+0xf0/0x194) from [<c0565a98>] (cpufreq_cpu_put+0xc/0x24)',
	'[<c0565a98>] (cpufreq_cpu_put+0xc/0x24) from [<c05683f0>] (store+0x6c/0x74)',
	'[<c05683f0>] (store+0x6c/0x74) from [<c01a2314>] (sysfs_write_file+0x10c/0x140)',
	'[<c01a2314>] (sysfs_write_file+0x10c/0x140) from [<c014af44>] (vfs_write+0xb0/0x128)',
	'[<c014af44>] (vfs_write+0xb0/0x128) from [<c014b06c>] (sys_write+0x3c/0x68)',
	'[<c014b06c>] (sys_write+0x3c/0x68) from [<c000e0e0>] (ret_fast_syscall+0x0/0x3c)'
];

/**
 * satyr-gitlog-01.log, the whole log (3.5, arm): lockdep's `possible recursive locking detected`
 * (lines 1-34; the stack dump prints no `CPU:` line), ksdioirqd/mmc0/73 taking host->lock again
 * in mxs_mmc_enable_sdio_irq, then the task spinning on the lock it holds itself
 */
export const SATYR01_RECURSIVE_LOCKUP = [
	'[   65.470000] =============================================',
	'[   65.470000] [ INFO: possible recursive locking detected ]',
	'[   65.470000] 3.5.0-rc5 #2 Not tainted',
	'[   65.470000] ---------------------------------------------',
	'[   65.470000] ksdioirqd/mmc0/73 is trying to acquire lock:',
	'[   65.470000]  (&(&host->lock)->rlock#2){-.-...}, at: [<bf054120>] mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc]',
	'[   65.470000]',
	'[   65.470000] but task is already holding lock:',
	'[   65.470000]  (&(&host->lock)->rlock#2){-.-...}, at: [<bf054120>] mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc]',
	'[   65.470000]',
	'[   65.470000] other info that might help us debug this:',
	'[   65.470000]  Possible unsafe locking scenario:',
	'[   65.470000]',
	'[   65.470000]        CPU0',
	'[   65.470000]        ----',
	'[   65.470000]   lock(&(&host->lock)->rlock#2);',
	'[   65.470000]   lock(&(&host->lock)->rlock#2);',
	'[   65.470000]',
	'[   65.470000]  *** DEADLOCK ***',
	'[   65.470000]',
	'[   65.470000]  May be due to missing lock nesting notation',
	'[   65.470000]',
	'[   65.470000] 1 lock held by ksdioirqd/mmc0/73:',
	'[   65.470000]  #0:  (&(&host->lock)->rlock#2){-.-...}, at: [<bf054120>] mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc]',
	'[   65.470000]',
	'[   65.470000] stack backtrace:',
	'[   65.470000] [<c0014990>] (unwind_backtrace+0x0/0xf4) from [<c005ccb8>] (__lock_acquire+0x14f8/0x1b98)',
	'[   65.470000] [<c005ccb8>] (__lock_acquire+0x14f8/0x1b98) from [<c005d3f8>] (lock_acquire+0xa0/0x108)',
	'[   65.470000] [<c005d3f8>] (lock_acquire+0xa0/0x108) from [<c02f671c>] (_raw_spin_lock_irqsave+0x48/0x5c)',
	'[   65.470000] [<c02f671c>] (_raw_spin_lock_irqsave+0x48/0x5c) from [<bf054120>] (mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc])',
	'[   65.470000] [<bf054120>] (mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc]) from [<bf0541d0>] (mxs_mmc_enable_sdio_irq+0xc8/0xdc [mxs_mmc])',
	'[   65.470000] [<bf0541d0>] (mxs_mmc_enable_sdio_irq+0xc8/0xdc [mxs_mmc]) from [<c0219b38>] (sdio_irq_thread+0x1bc/0x274)',
	'[   65.470000] [<c0219b38>] (sdio_irq_thread+0x1bc/0x274) from [<c003c324>] (kthread+0x8c/0x98)',
	'[   65.470000] [<c003c324>] (kthread+0x8c/0x98) from [<c00101ac>] (kernel_thread_exit+0x0/0x8)',
	'[   65.470000] BUG: spinlock lockup suspected on CPU#0, ksdioirqd/mmc0/73',
	'[   65.470000]  lock: 0xc3358724, .magic: dead4ead, .owner: ksdioirqd/mmc0/73, .owner_cpu: 0',
	'[   65.470000] [<c0014990>] (unwind_backtrace+0x0/0xf4) from [<c01b46b0>] (do_raw_spin_lock+0x100/0x144)',
	'[   65.470000] [<c01b46b0>] (do_raw_spin_lock+0x100/0x144) from [<c02f6724>] (_raw_spin_lock_irqsave+0x50/0x5c)',
	'[   65.470000] [<c02f6724>] (_raw_spin_lock_irqsave+0x50/0x5c) from [<bf054120>] (mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc])',
	'[   65.470000] [<bf054120>] (mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc]) from [<bf0541d0>] (mxs_mmc_enable_sdio_irq+0xc8/0xdc [mxs_mmc])',
	'[   65.470000] [<bf0541d0>] (mxs_mmc_enable_sdio_irq+0xc8/0xdc [mxs_mmc]) from [<c0219b38>] (sdio_irq_thread+0x1bc/0x274)',
	'[   65.470000] [<c0219b38>] (sdio_irq_thread+0x1bc/0x274) from [<c003c324>] (kthread+0x8c/0x98)',
	'[   65.470000] [<c003c324>] (kthread+0x8c/0x98) from [<c00101ac>] (kernel_thread_exit+0x0/0x8)'
];

/**
 * lkp-72.log, all 17 lines: the ww_mutex stress test's work item returns with its preempt count
 * raised, then its worker schedules (the log ends with the scheduler's header)
 */
export const LKP72_LEAK_THEN_ATOMIC = [
	'[  179.857058] BUG: workqueue leaked lock or atomic: kworker/u2:2/0x00000001/127',
	'[  179.857058]      last function: stress_inorder_work',
	'[  179.857984] INFO: lockdep is turned off.',
	'[  179.857984] CPU: 0 PID: 127 Comm: kworker/u2:2 Tainted: G        W         5.12.0-rc4-02460-gd43013c83210 #3',
	'[  179.857984] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.12.0-1 04/01/2014',
	'[  179.857984] Workqueue: test-ww_mutex stress_inorder_work',
	'[  179.857984] Call Trace:',
	'[  179.857984]  dump_stack+0x45/0x63',
	'[  179.857984]  process_one_work+0xa6c/0xce0',
	'[  179.857984]  ? ww_acquire_init+0x100/0x100',
	'[  179.857984]  worker_thread+0x44d/0xbc0',
	'[  179.857984]  ? rescuer_thread+0x740/0x740',
	'[  179.857984]  kthread+0x242/0x290',
	'[  179.857984]  ? rescuer_thread+0x740/0x740',
	'[  179.857984]  ? kthread_create_worker+0x40/0x40',
	'[  179.857984]  ret_from_fork+0x1c/0x28',
	'[  179.867914] BUG: scheduling while atomic: kworker/u2:2/127/0x00000002'
];

/**
 * i225nic-pstore-panic-log-txt.log lines 3-13 (5.13, an Intel I225 NIC, igc): the first transmit
 * hang of enp2s0 the dump holds, at 885.9 s, with igc's dump of the transmit ring
 */
export const I225NIC_FIRST_TX_HANG = [
	'<3>[  885.943938] igc 0000:02:00.0 enp2s0: Detected Tx Unit Hang',
	'<3>[  885.943938]   Tx Queue             <0>',
	'<3>[  885.943938]   TDH                  <21>',
	'<3>[  885.943938]   TDT                  <21>',
	'<3>[  885.943938]   next_to_use          <21>',
	'<3>[  885.943938]   next_to_clean        <21>',
	'<3>[  885.943938] buffer_info[next_to_clean]',
	'<3>[  885.943938]   time_stamp           <10000ac9d>',
	'<3>[  885.943938]   next_to_watch        <0000000070b20166>',
	'<3>[  885.943938]   jiffies              <100023c08>',
	'<3>[  885.943938]   desc.status          <0>'
];

/**
 * i225nic-pstore-panic-log-txt.log lines 536-546: the last transmit hang of enp2s0 the dump holds,
 * at 1078.9 s, 252 s before the crash of I225NIC_WARN_THEN_BUG
 */
export const I225NIC_LAST_TX_HANG = [
	'<3>[ 1078.935331] igc 0000:02:00.0 enp2s0: Detected Tx Unit Hang',
	'<3>[ 1078.935331]   Tx Queue             <0>',
	'<3>[ 1078.935331]   TDH                  <21>',
	'<3>[ 1078.935331]   TDT                  <21>',
	'<3>[ 1078.935331]   next_to_use          <21>',
	'<3>[ 1078.935331]   next_to_clean        <21>',
	'<3>[ 1078.935331] buffer_info[next_to_clean]',
	'<3>[ 1078.935331]   time_stamp           <10000ac9d>',
	'<3>[ 1078.935331]   next_to_watch        <0000000070b20166>',
	'<3>[ 1078.935331]   jiffies              <10002f880>',
	'<3>[ 1078.935331]   desc.status          <0>'
];

/**
 * i225nic-pstore-panic-log-txt.log (5.13, an Intel I225 NIC, igc), the panic record's parts 6 to 1
 * from the WARNING's `cut here` on (lines 798-804, 831-859, 874-897, 900-925, 928-941 and 944-959;
 * the record headers and the oops record's copies between them left out): a refcount underflow in
 * tcp_wfree from igc_clean_tx_irq, then 1 ms later on the same CPU `kernel BUG at
 * lib/dynamic_queue_limits.c:27!` from the same igc_poll call, and the panic
 */
export const I225NIC_WARN_THEN_BUG = [
	'<4>[ 1330.841660] ------------[ cut here ]------------',
	'<4>[ 1330.841686] refcount_t: underflow; use-after-free.',
	'<4>[ 1330.841702] WARNING: CPU: 11 PID: 0 at lib/refcount.c:28 refcount_warn_saturate+0xae/0xf0',
	'<4>[ 1330.841720] Modules linked in: uas usb_storage input_leds hid_generic usbhid hid snd_hda_codec_hdmi snd_hda_codec_realtek x86_pkg_temp_thermal intel_powerclamp snd_hda_codec_generic coretemp ledtrig_audio nls_iso8859_1 snd_hda_intel kvm_intel snd_intel_dspcfg snd_intel_sdw_acpi snd_hda_codec kvm snd_hda_core snd_hwdep snd_pcm crct10dif_pclmul ghash_clmulni_intel aesni_intel crypto_simd snd_seq_midi cryptd snd_seq_midi_event intel_rapl_msr i915 snd_rawmidi rapl intel_cstate snd_seq drm_kms_helper snd_seq_device snd_timer wmi_bmof cec efi_pstore rc_core snd i2c_algo_bit fb_sys_fops soundcore syscopyarea processor_thermal_device sysfillrect processor_thermal_rfim processor_thermal_mbox sysimgblt processor_thermal_rapl intel_pmt_telemetry mei_me intel_pmt_class intel_rapl_common mei int340x_thermal_zone intel_soc_dts_iosf int3400_thermal acpi_thermal_rel acpi_tad acpi_pad mac_hid sch_fq_codel msr parport_pc ppdev lp parport drm ip_tables x_tables autofs4 r8169 nvme ahci xhci_pci',
	'<4>[ 1330.842041]  crc32_pclmul nvme_core igc realtek libahci xhci_pci_renesas intel_pmt wmi video',
	'<4>[ 1330.842082] CPU: 11 PID: 0 Comm: swapper/11 Not tainted 5.13.0-30-generic #33~20.04.1-Ubuntu',
	'<4>[ 1330.842093] Hardware name: MEDION B760/BM6M74, BIOS BL760W0X.101 01/13/2023',
	'<4>[ 1330.842098] RIP: 0010:refcount_warn_saturate+0xae/0xf0',
	'<4>[ 1330.842107] Code: 07 15 b7 01 01 e8 3d 65 5f 00 0f 0b 5d c3 80 3d f4 14 b7 01 00 75 91 48 c7 c7 f8 89 21 a2 c6 05 e4 14 b7 01 01 e8 1d 65 5f 00 <0f> 0b 5d c3 80 3d d2 14 b7 01 00 0f 85 6d ff ff ff 48 c7 c7 50 8a',
	'<4>[ 1330.842117] RSP: 0000:ffffbd7b00448dc0 EFLAGS: 00010282',
	'<4>[ 1330.842127] RAX: 0000000000000000 RBX: ffff9b4fcb19e4e0 RCX: 000000000000083f',
	'<4>[ 1330.842134] RDX: 0000000000000000 RSI: 00000000000000f6 RDI: 000000000000083f',
	'<4>[ 1330.842140] RBP: ffffbd7b00448dc0 R08: ffff9b534f7a09c0 R09: ffffbd7b00448b98',
	'<4>[ 1330.842145] R10: 0000000000000001 R11: 0000000000000001 R12: ffff9b4fcd279180',
	'<4>[ 1330.842151] R13: ffff9b4fc83aab80 R14: ffff9b4fc840b350 R15: 00000000ffffff31',
	'<4>[ 1330.842156] FS:  0000000000000000(0000) GS:ffff9b534f780000(0000) knlGS:0000000000000000',
	'<4>[ 1330.842164] CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033',
	'<4>[ 1330.842171] CR2: 0000556c64d872a0 CR3: 0000000488810003 CR4: 0000000000770ee0',
	'<4>[ 1330.842178] PKRU: 55555554',
	'<4>[ 1330.842183] Call Trace:',
	'<4>[ 1330.842188]  <IRQ>',
	'<4>[ 1330.842196]  tcp_wfree+0x134/0x150',
	'<4>[ 1330.842209]  skb_release_head_state+0x41/0x90',
	'<4>[ 1330.842218]  skb_release_all+0x13/0x30',
	'<4>[ 1330.842226]  napi_consume_skb+0x7e/0xd0',
	'<4>[ 1330.842236]  igc_clean_tx_irq+0x1fa/0x3a0 [igc]',
	'<4>[ 1330.842260]  igc_poll+0x32/0x320 [igc]',
	'<4>[ 1330.842278]  ? wake_up_process+0x15/0x20',
	'<4>[ 1330.842288]  __napi_poll+0x2e/0x140',
	'<4>[ 1330.842300]  net_rx_action+0x23f/0x290',
	'<4>[ 1330.842311]  __do_softirq+0xdd/0x29b',
	'<4>[ 1330.842326]  irq_exit_rcu+0xa4/0xb0',
	'<4>[ 1330.842335]  common_interrupt+0x8a/0xa0',
	'<4>[ 1330.842345]  </IRQ>',
	'<4>[ 1330.842349]  <TASK>',
	'<4>[ 1330.842355]  asm_common_interrupt+0x1e/0x40',
	'<4>[ 1330.842364] RIP: 0010:cpuidle_enter_state+0xcc/0x360',
	'<4>[ 1330.842376] Code: 3d 01 a3 ab 5e e8 f4 85 78 ff 49 89 c6 0f 1f 44 00 00 31 ff e8 c5 90 78 ff 80 7d d7 00 0f 85 01 01 00 00 fb 66 0f 1f 44 00 00 <45> 85 ff 0f 88 0d 01 00 00 49 63 c7 4c 2b 75 c8 48 8d 14 40 48 8d',
	'<4>[ 1330.842384] RSP: 0000:ffffbd7b001c3e48 EFLAGS: 00000246',
	'<4>[ 1330.842392] RAX: ffff9b534f7b4e80 RBX: 0000000000000002 RCX: 000000000000001f',
	'<4>[ 1330.842397] RDX: 0000000000000000 RSI: 000000003c9b26c9 RDI: 0000000000000000',
	'<4>[ 1330.842402] RBP: ffffbd7b001c3e80 R08: 00000135dc581c1f R09: 00000135d5c51b35',
	'<4>[ 1330.842406] R10: ffff9b534f7b38a4 R11: ffff9b534f7b3884 R12: ffffdd7aff980c00',
	'<4>[ 1330.842412] R13: ffffffffa2c50e40 R14: 00000135dc581c1f R15: 0000000000000002',
	'<4>[ 1330.842421]  ? cpuidle_enter_state+0xbb/0x360',
	'<4>[ 1330.842430]  cpuidle_enter+0x2e/0x40',
	'<4>[ 1330.842437]  call_cpuidle+0x23/0x40',
	'<4>[ 1330.842446]  do_idle+0x1e6/0x260',
	'<4>[ 1330.842456]  cpu_startup_entry+0x20/0x30',
	'<4>[ 1330.842466]  start_secondary+0x11f/0x160',
	'<4>[ 1330.842477]  secondary_startup_64_no_verify+0xc2/0xcb',
	'<4>[ 1330.842489]  </TASK>',
	'<4>[ 1330.842494] ---[ end trace 68ff55698a5d522f ]---',
	'<4>[ 1330.842508] ------------[ cut here ]------------',
	'<2>[ 1330.842515] kernel BUG at lib/dynamic_queue_limits.c:27!',
	'<4>[ 1330.842531] invalid opcode: 0000 [#1] SMP NOPTI',
	'<4>[ 1330.842539] CPU: 11 PID: 0 Comm: swapper/11 Tainted: G        W         5.13.0-30-generic #33~20.04.1-Ubuntu',
	'<4>[ 1330.842546] Hardware name: MEDION B760/BM6M74, BIOS BL760W0X.101 01/13/2023',
	'<4>[ 1330.842550] RIP: 0010:dql_completed+0x140/0x150',
	'<4>[ 1330.842561] Code: 86 83 01 48 89 77 58 e9 4d ff ff ff 45 85 e4 41 0f 95 c4 41 39 db 0f 95 c0 41 84 c4 74 05 45 85 ed 78 09 89 c8 e9 2f ff ff ff <0f> 0b 01 f6 89 c8 29 f0 41 0f 48 c2 eb 8d cc cc 55 48 89 e5 41 57',
	'<4>[ 1330.842566] RSP: 0000:ffffbd7b00448e30 EFLAGS: 00010297',
	'<4>[ 1330.842571] RAX: ffff9b535fb03000 RBX: ffffbd7b012f9a20 RCX: ffff9b4fc0f8a000',
	'<4>[ 1330.842575] RDX: 000000000000b16c RSI: 000000000001bb8e RDI: ffff9b4fd00af200',
	'<4>[ 1330.842579] RBP: ffffbd7b00448e90 R08: ffff9b4fd00af140 R09: 000000000007fe60',
	'<4>[ 1330.842582] R10: ffff9b4fcb19e400 R11: 0000000000074cf4 R12: 00000000ffffff36',
	'<4>[ 1330.842586] R13: ffff9b4fc83aab80 R14: 0000000000000000 R15: ffff9b4fc83aab80',
	'<4>[ 1330.842590] FS:  0000000000000000(0000) GS:ffff9b534f780000(0000) knlGS:0000000000000000',
	'<4>[ 1330.842594] CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033',
	'<4>[ 1330.842598] CR2: 0000556c64d872a0 CR3: 0000000488810003 CR4: 0000000000770ee0',
	'<4>[ 1330.842602] PKRU: 55555554',
	'<4>[ 1330.842604] Call Trace:',
	'<4>[ 1330.842607]  <IRQ>',
	'<4>[ 1330.842610]  ? igc_clean_tx_irq+0x151/0x3a0 [igc]',
	'<4>[ 1330.842625]  igc_poll+0x32/0x320 [igc]',
	'<4>[ 1330.842639]  ? wake_up_process+0x15/0x20',
	'<4>[ 1330.842645]  __napi_poll+0x2e/0x140',
	'<4>[ 1330.842655]  net_rx_action+0x23f/0x290',
	'<4>[ 1330.842664]  __do_softirq+0xdd/0x29b',
	'<4>[ 1330.842674]  irq_exit_rcu+0xa4/0xb0',
	'<4>[ 1330.842680]  common_interrupt+0x8a/0xa0',
	'<4>[ 1330.842685]  </IRQ>',
	'<4>[ 1330.842687]  <TASK>',
	'<4>[ 1330.842690]  asm_common_interrupt+0x1e/0x40',
	'<4>[ 1330.842697] RIP: 0010:cpuidle_enter_state+0xcc/0x360',
	'<4>[ 1330.842703] Code: 3d 01 a3 ab 5e e8 f4 85 78 ff 49 89 c6 0f 1f 44 00 00 31 ff e8 c5 90 78 ff 80 7d d7 00 0f 85 01 01 00 00 fb 66 0f 1f 44 00 00 <45> 85 ff 0f 88 0d 01 00 00 49 63 c7 4c 2b 75 c8 48 8d 14 40 48 8d',
	'<4>[ 1330.842708] RSP: 0000:ffffbd7b001c3e48 EFLAGS: 00000246',
	'<4>[ 1330.842712] RAX: ffff9b534f7b4e80 RBX: 0000000000000002 RCX: 000000000000001f',
	'<4>[ 1330.842716] RDX: 0000000000000000 RSI: 000000003c9b26c9 RDI: 0000000000000000',
	'<4>[ 1330.842719] RBP: ffffbd7b001c3e80 R08: 00000135dc581c1f R09: 00000135d5c51b35',
	'<4>[ 1330.842723] R10: ffff9b534f7b38a4 R11: ffff9b534f7b3884 R12: ffffdd7aff980c00',
	'<4>[ 1330.842726] R13: ffffffffa2c50e40 R14: 00000135dc581c1f R15: 0000000000000002',
	'<4>[ 1330.842733]  ? cpuidle_enter_state+0xbb/0x360',
	'<4>[ 1330.842740]  cpuidle_enter+0x2e/0x40',
	'<4>[ 1330.842746]  call_cpuidle+0x23/0x40',
	'<4>[ 1330.842753]  do_idle+0x1e6/0x260',
	'<4>[ 1330.842761]  cpu_startup_entry+0x20/0x30',
	'<4>[ 1330.842768]  start_secondary+0x11f/0x160',
	'<4>[ 1330.842777]  secondary_startup_64_no_verify+0xc2/0xcb',
	'<4>[ 1330.842786]  </TASK>',
	'<4>[ 1330.842788] Modules linked in: uas usb_storage input_leds hid_generic usbhid hid snd_hda_codec_hdmi snd_hda_codec_realtek x86_pkg_temp_thermal intel_powerclamp snd_hda_codec_generic coretemp ledtrig_audio nls_iso8859_1 snd_hda_intel kvm_intel snd_intel_dspcfg snd_intel_sdw_acpi snd_hda_codec kvm snd_hda_core snd_hwdep snd_pcm crct10dif_pclmul ghash_clmulni_intel aesni_intel crypto_simd snd_seq_midi cryptd snd_seq_midi_event intel_rapl_msr i915 snd_rawmidi rapl intel_cstate snd_seq drm_kms_helper snd_seq_device snd_timer wmi_bmof cec efi_pstore rc_core snd i2c_algo_bit fb_sys_fops soundcore syscopyarea processor_thermal_device sysfillrect processor_thermal_rfim processor_thermal_mbox sysimgblt processor_thermal_rapl intel_pmt_telemetry mei_me intel_pmt_class intel_rapl_common mei int340x_thermal_zone intel_soc_dts_iosf int3400_thermal acpi_thermal_rel acpi_tad acpi_pad mac_hid sch_fq_codel msr parport_pc ppdev lp parport drm ip_tables x_tables autofs4 r8169 nvme ahci xhci_pci',
	'<4>[ 1330.842896]  crc32_pclmul nvme_core igc realtek libahci xhci_pci_renesas intel_pmt wmi video',
	'<4>[ 1330.842928] ---[ end trace 68ff55698a5d5230 ]---',
	'<4>[ 1331.453574] RIP: 0010:dql_completed+0x140/0x150',
	'<4>[ 1331.453583] Code: 86 83 01 48 89 77 58 e9 4d ff ff ff 45 85 e4 41 0f 95 c4 41 39 db 0f 95 c0 41 84 c4 74 05 45 85 ed 78 09 89 c8 e9 2f ff ff ff <0f> 0b 01 f6 89 c8 29 f0 41 0f 48 c2 eb 8d cc cc 55 48 89 e5 41 57',
	'<4>[ 1331.453585] RSP: 0000:ffffbd7b00448e30 EFLAGS: 00010297',
	'<4>[ 1331.453588] RAX: ffff9b535fb03000 RBX: ffffbd7b012f9a20 RCX: ffff9b4fc0f8a000',
	'<4>[ 1331.453589] RDX: 000000000000b16c RSI: 000000000001bb8e RDI: ffff9b4fd00af200',
	'<4>[ 1331.453590] RBP: ffffbd7b00448e90 R08: ffff9b4fd00af140 R09: 000000000007fe60',
	'<4>[ 1331.453591] R10: ffff9b4fcb19e400 R11: 0000000000074cf4 R12: 00000000ffffff36',
	'<4>[ 1331.453593] R13: ffff9b4fc83aab80 R14: 0000000000000000 R15: ffff9b4fc83aab80',
	'<4>[ 1331.453594] FS:  0000000000000000(0000) GS:ffff9b534f780000(0000) knlGS:0000000000000000',
	'<4>[ 1331.453595] CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033',
	'<4>[ 1331.453597] CR2: 0000556c64d872a0 CR3: 000000010a438005 CR4: 0000000000770ee0',
	'<4>[ 1331.453598] PKRU: 55555554',
	'<0>[ 1331.453599] Kernel panic - not syncing: Fatal exception in interrupt',
	'<0>[ 1331.453698] Kernel Offset: 0x1fc00000 from 0xffffffff81000000 (relocation range: 0xffffffff80000000-0xffffffffbfffffff)'
];

/**
 * crash-dmesg-vmcore-dmesg-txt.log lines 3255-3279 (RHEL 6, a KVM host, no kernel times): the last
 * hard lockup before the hung vCPU thread of CRASH_DMESG_HUNG_KVM (line 3281), CPU 37 spinning with
 * interrupts off in write_lock_irq() from do_exit() (every frame `?`)
 */
export const CRASH_DMESG_HARD_LOCKUP = [
	'<0>Watchdog detected hard LOCKUP on cpu 37',
	'<4>Modules linked in: ebtable_nat ebtable_filter ebt_ip ebt_arp ebtables iptable_filter iptable_nat nf_nat nf_conntrack_ipv4 nf_defrag_ipv4 xt_NOTRACK iptable_raw ip_tables fuse act_police cls_u32 sch_ingress cls_fw sch_sfq sch_htb xt_CHECKSUM ipt_REJECT ip_queue autofs4 bridge stp llc bonding ip6t_REJECT nf_conntrack_ipv6 nf_defrag_ipv6 xt_state nf_conntrack ip6table_filter ip6_tables ipv6 nbd(U) vhost_net macvtap macvlan tun kvm_intel kvm ipmi_devintf power_meter acpi_ipmi ipmi_si ipmi_msghandler microcode iTCO_wdt iTCO_vendor_support dcdbas joydev bnxt_en sb_edac edac_core lpc_ich mfd_core shpchp igb dca i2c_algo_bit i2c_core ptp pps_core sg ext4 jbd2 mbcache sd_mod crc_t10dif ahci megaraid_sas wmi dm_mirror dm_region_hash dm_log dm_mod [last unloaded: ebtables]',
	'<4>Pid: 118813, comm: domfilts Tainted: G           --L------------    2.6.32-642.el6.x86_64 #1',
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
	'<4> [<ffffffff81082218>] ? do_group_exit+0x58/0xd0',
	'<4> [<ffffffff81098026>] ? get_signal_to_deliver+0x1f6/0x460',
	'<4> [<ffffffff8100a285>] ? do_signal+0x75/0x870',
	'<4> [<ffffffff811b1740>] ? poll_select_copy_remaining+0x120/0x150',
	'<4> [<ffffffff811b2fae>] ? sys_pselect6+0x6e/0x210',
	'<4> [<ffffffff8100ab10>] ? do_notify_resume+0x90/0xc0',
	'<4> [<ffffffff8100b3a1>] ? int_signal+0x12/0x17'
];

/**
 * crash-dmesg-vmcore-dmesg-txt.log lines 3281-3308 (RHEL 6, a KVM host, no kernel times): a vCPU
 * thread hung in synchronize_sched() from kvm_set_irq_routing(), after soft lockups on most CPUs
 * (its taint `L`)
 */
export const CRASH_DMESG_HUNG_KVM = [
	'<3>INFO: task CPU 0/KVM:8543 blocked for more than 120 seconds.',
	'<3>      Tainted: G           --L------------    2.6.32-642.el6.x86_64 #1',
	'<3>"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
	'<6>CPU 0/KVM     D 0000000000000008     0  8543      1 0x00000080',
	'<4> ffff885e8f097a58 0000000000000086 ffff8830371f55d0 000200d200000000',
	'<4> 0000000000000282 0000000000000010 000000007d01b008 ffff88000001af40',
	'<4> 0000000000000001 0000000000000000 ffff8860313db068 ffff885e8f097fd8',
	'<4>Call Trace:',
	'<4> [<ffffffff81548425>] schedule_timeout+0x215/0x2e0',
	'<4> [<ffffffff813e960c>] ? usbdev_ioctl+0x44c/0x1510',
	'<4> [<ffffffff81166c79>] ? vmap_page_range_noflush+0x279/0x370',
	'<4> [<ffffffff81548083>] wait_for_common+0x123/0x180',
	'<4> [<ffffffff8106c720>] ? default_wake_function+0x0/0x20',
	'<4> [<ffffffff815481bd>] wait_for_completion+0x1d/0x20',
	'<4> [<ffffffff810a2338>] synchronize_sched+0x58/0x60',
	'<4> [<ffffffff810a22c0>] ? wakeme_after_rcu+0x0/0x20',
	'<4> [<ffffffffa0260cd3>] kvm_set_irq_routing+0x2a3/0x2d0 [kvm]',
	'<4> [<ffffffffa025d5e5>] kvm_vm_ioctl+0x945/0x1050 [kvm]',
	'<4> [<ffffffffa025e1b8>] ? vcpu_put+0x28/0x30 [kvm]',
	'<4> [<ffffffffa0273a83>] ? kvm_arch_vcpu_ioctl_run+0x593/0x1060 [kvm]',
	'<4> [<ffffffff81242461>] ? avc_has_perm+0x71/0x90',
	'<4> [<ffffffff81244254>] ? inode_has_perm+0x54/0xa0',
	'<4> [<ffffffffa0259de7>] ? kvm_vcpu_ioctl+0x1e7/0x580 [kvm]',
	'<4> [<ffffffff811af742>] vfs_ioctl+0x22/0xa0',
	'<4> [<ffffffff811afc0a>] do_vfs_ioctl+0x3aa/0x580',
	'<4> [<ffffffff811afe61>] sys_ioctl+0x81/0xa0',
	'<4> [<ffffffff8154b25e>] ? do_device_not_available+0xe/0x10',
	'<4> [<ffffffff8100b0d2>] system_call_fastpath+0x16/0x1b'
];

/**
 * lkp-48.log lines 3-33 (4.8.0-rc1 with CONFIG_KASAN_INLINE): KASAN's wild-memory-access report in
 * init_real_cpu_mask, the taint line after it and the two lines KASAN's die notifier prints
 * before the general protection fault of the same access (LKP48_GPF, lines 34-66)
 */
export const LKP48_KASAN = [
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
	'[  150.373634] kasan: GPF could be caused by NULL-ptr deref or user memory access'
];

/** lkp-57.log lines 4-32 (4.8.0-rc1): CPU 0 stalls in mark_rodata_ro(), an RCU stall at 135 s */
export const LKP57_STALL = [
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
	'[  135.155755]  [<ffffffff82092120>] ? rest_init+0x250/0x250'
];

/**
 * lkp-57.log lines 33-70: rcu_perf_writer hung in synchronize_sched() at 246 s, `blocked for
 * more than 120 seconds`
 */
export const LKP57_HUNG = [
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
];

/**
 * amdgpu-crash-crash1-txt.log lines 4270-4273 (journalctl, Arch, 6.1.2-zen, an amdgpu gfx10 GPU):
 * a game's illegal register access, the gfx ring's timeout and the GPU reset that begins
 */
export const AMDGPU_CRASH_RESET = [
	'Jan 06 14:37:38 archdesktop kernel: [drm:gfx_v10_0_priv_reg_irq [amdgpu]] *ERROR* Illegal register access in command stream',
	'Jan 06 14:37:38 archdesktop kernel: [drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx_0.0.0 timeout, signaled seq=516877, emitted seq=516879',
	'Jan 06 14:37:38 archdesktop kernel: [drm:amdgpu_job_timedout [amdgpu]] *ERROR* Process information: process physics pid 37602 thread physics pid 37602',
	'Jan 06 14:37:38 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: GPU reset begin!'
];

/**
 * amdgpu-crash-crash1-txt.log lines 4460-4461, 4472 and 4479-4510, a second after
 * AMDGPU_CRASH_RESET (the reset's progress, the `Skip scheduling IBs!` lines and the user-space
 * lines between them left out): the compositor's command submissions refused (-125, its context
 * lost its video memory), the display core's errors as its display state is torn down, and the
 * DRM core's WARNING `atomic remove_fb failed with -22` right after `Pipe not found for stream`
 */
export const AMDGPU_CRASH_AFTER_RESET = [
	'Jan 06 14:37:39 archdesktop kernel: [drm:amdgpu_cs_ioctl [amdgpu]] *ERROR* Failed to initialize parser -125!',
	'Jan 06 14:37:39 archdesktop kernel: [drm:amdgpu_cs_ioctl [amdgpu]] *ERROR* Failed to initialize parser -125!',
	'Jan 06 14:37:39 archdesktop kernel: [drm:dc_add_plane_to_context [amdgpu]] *ERROR* Head pipe not found for stream_state 00000000b4ea039a !',
	'Jan 06 14:37:39 archdesktop kernel: [drm:dc_remove_stream_from_ctx [amdgpu]] *ERROR* Pipe not found for stream 00000000b4ea039a !',
	'Jan 06 14:37:39 archdesktop kernel: ------------[ cut here ]------------',
	'Jan 06 14:37:39 archdesktop kernel: atomic remove_fb failed with -22',
	'Jan 06 14:37:39 archdesktop kernel: WARNING: CPU: 15 PID: 263 at drivers/gpu/drm/drm_framebuffer.c:1130 drm_framebuffer_remove+0x3b5/0x660',
	'Jan 06 14:37:39 archdesktop kernel: Modules linked in: tun iptable_filter cfg80211 rfcomm snd_seq_dummy snd_hrtimer snd_seq veth xt_nat xt_conntrack xt_MASQUERADE nf_conntrack_netlink xt_addrtype br_netfilter nft_masq bridge stp llc nft_chain_nat nf_nat nf_conntrack nf_defrag_ipv6 nf_defrag_ipv4 ip6t_REJECT nf_reject_ipv6 ipt_REJECT nf_reject_ipv4 xt_multiport xt_cgroup xt_mark xt_owner xt_tcpudp nft_compat nf_tables nfnetlink cmac algif_hash algif_skcipher af_alg bnep ext4 eeepc_wmi snd_usb_audio asus_wmi snd_usbmidi_lib mbcache sparse_keymap snd_rawmidi jbd2 intel_rapl_msr wmi_bmof platform_profile mxm_wmi snd_seq_device snd_hda_codec_realtek mc snd_hda_codec_generic intel_rapl_common amdgpu ledtrig_audio snd_hda_codec_hdmi btusb snd_hda_intel btrtl snd_intel_dspcfg btbcm snd_intel_sdw_acpi btintel snd_hda_codec btmtk vfat gpu_sched edac_mce_amd mousedev snd_hda_core fat drm_buddy bluetooth joydev kvm_amd video snd_hwdep ecdh_generic snd_pcm drm_ttm_helper asus_wmi_sensors rfkill snd_timer asus_ec_sensors',
	'Jan 06 14:37:39 archdesktop kernel:  crc16 kvm ttm lzo_rle drm_display_helper irqbypass snd sp5100_tco igb rapl pcspkr cec k10temp i2c_piix4 soundcore dca wmi gpio_amdpt gpio_generic acpi_cpufreq mac_hid vboxnetflt(OE) vboxnetadp(OE) vboxdrv(OE) dm_multipath sg crypto_user fuse zram ip_tables x_tables btrfs blake2b_generic libcrc32c crc32c_generic xor raid6_pq dm_crypt cbc encrypted_keys trusted asn1_encoder tee hid_logitech_hidpp hid_logitech_dj hid_uclogic usbhid dm_mod crct10dif_pclmul crc32_pclmul crc32c_intel polyval_clmulni polyval_generic gf128mul ghash_clmulni_intel sha512_ssse3 nvme aesni_intel crypto_simd nvme_core ccp cryptd xhci_pci nvme_common xhci_pci_renesas',
	'Jan 06 14:37:39 archdesktop kernel: CPU: 15 PID: 263 Comm: kworker/15:1 Tainted: G           OE      6.1.2-zen1-1-zen #1 ebd30fdca46506e3691fb11aed133ac3be9bd236',
	'Jan 06 14:37:39 archdesktop kernel: Hardware name: System manufacturer System Product Name/PRIME X470-PRO, BIOS 6024 02/25/2022',
	'Jan 06 14:37:39 archdesktop kernel: Workqueue: events drm_mode_rmfb_work_fn',
	'Jan 06 14:37:39 archdesktop kernel: RIP: 0010:drm_framebuffer_remove+0x3b5/0x660',
	'Jan 06 14:37:39 archdesktop kernel: Code: fd ff ff 48 8d 7c 24 18 e8 d8 a2 ff ff 48 8d 7c 24 18 e8 9e a1 ff ff ba f4 ff ff ff 89 d6 48 c7 c7 08 2a b2 b3 e8 13 65 40 00 <0f> 0b e9 94 fe ff ff be 03 00 00 00 48 89 df e8 77 d4 ca ff e9 57',
	'Jan 06 14:37:39 archdesktop kernel: RSP: 0018:ffffbe8d00bb7dc8 EFLAGS: 00010282',
	'Jan 06 14:37:39 archdesktop kernel: RAX: 0000000000000000 RBX: ffff97ce20cdae00 RCX: 0000000000000027',
	'Jan 06 14:37:39 archdesktop kernel: RDX: ffff97daaede1668 RSI: 0000000000000001 RDI: ffff97daaede1660',
	'Jan 06 14:37:39 archdesktop kernel: RBP: ffff97cbc5e76d00 R08: 0000000000000001 R09: 00000000ffffffea',
	'Jan 06 14:37:39 archdesktop kernel: R10: ffff97daae950000 R11: 00000000ffffe000 R12: ffff97cc0ffe02d0',
	'Jan 06 14:37:39 archdesktop kernel: R13: 0000000000000020 R14: 00000000ffffffea R15: 0000000000000000',
	'Jan 06 14:37:39 archdesktop kernel: FS:  0000000000000000(0000) GS:ffff97daaedc0000(0000) knlGS:0000000000000000',
	'Jan 06 14:37:39 archdesktop kernel: CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033',
	'Jan 06 14:37:39 archdesktop kernel: CR2: 000033526ba59ea8 CR3: 0000000106e56000 CR4: 0000000000750ee0',
	'Jan 06 14:37:39 archdesktop kernel: PKRU: 55555554',
	'Jan 06 14:37:39 archdesktop kernel: Call Trace:',
	'Jan 06 14:37:39 archdesktop kernel:  <TASK>',
	'Jan 06 14:37:39 archdesktop kernel:  drm_mode_rmfb_work_fn+0x55/0xa0',
	'Jan 06 14:37:39 archdesktop kernel:  process_one_work+0x258/0x410',
	'Jan 06 14:37:39 archdesktop kernel:  worker_thread+0x244/0x4d0',
	'Jan 06 14:37:39 archdesktop kernel:  ? process_one_work+0x410/0x410',
	'Jan 06 14:37:39 archdesktop kernel:  kthread+0xde/0x110',
	'Jan 06 14:37:39 archdesktop kernel:  ? kthread_complete_and_exit+0x20/0x20',
	'Jan 06 14:37:39 archdesktop kernel:  ret_from_fork+0x22/0x30',
	'Jan 06 14:37:39 archdesktop kernel:  </TASK>',
	'Jan 06 14:37:39 archdesktop kernel: ---[ end trace 0000000000000000 ]---'
];

/**
 * debian-clearfog-gt-8k-dmesg.log lines 566-667 (5.8, arm64, a ClearFog GT 8K board's Marvell
 * mvpp2 Ethernet): switching the ports to per-CPU buffer pools, mvpp2_bm_pool_destroy() frees a
 * pool's buffers (its WARN in mvpp2_bm_bufs_free: `Pool does not have so many bufs`), then WARNs
 * itself that it could not free them all, 0.3 s later in the same call (the same worker, the
 * same trace below it)
 */
export const CLEARFOG_TWO_WARNINGS = [
	'[   14.486606] mvpp2 f4000000.ethernet: all ports have a low MTU, switching to per-cpu buffers',
	'[   14.495001] ------------[ cut here ]------------',
	'[   14.495594] systemd[1]: Created slice system-systemd\\x2dfsck.slice.',
	'[   14.499642] Pool does not have so many bufs pool(0) bufs(2064)',
	'[   14.499688] WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449 mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
	'[   14.523512] Modules linked in: efivarfs ip_tables x_tables autofs4 tag_edsa f2fs crc32_generic ext4 crc16 mbcache jbd2 crc32c_generic mv88e6xxx dsa_core bridge stp llc ahci_platform libahci_platform xhci_plat_hcd libahci xhci_hcd marvell sdhci_xenon_driver libata sfp mdio_i2c sdhci_pltfm usbcore fixed mvmdio mvpp2 phylink i2c_mv64xxx of_mdio fixed_phy scsi_mod gpio_keys sdhci usb_common libphy phy_mvebu_cp110_comphy rtc_armada38x',
	'[   14.561752] CPU: 2 PID: 35 Comm: kworker/2:1 Not tainted 5.8.0-0.bpo.2-arm64 #1 Debian 5.8.10-1~bpo10+1',
	'[   14.571185] Hardware name: Unknown Unknown/Unknown, BIOS 2020.10 10/11/2020',
	'[   14.578184] Workqueue: events deferred_probe_work_func',
	'[   14.584815] pstate: 60000005 (nZCv daif -PAN -UAO BTYPE=--)',
	'[   14.591804] pc : mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
	'[   14.598442] lr : mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
	'[   14.605079] sp : ffff8000118eb810',
	'[   14.609538] x29: ffff8000118eb810 x28: ffff000133646e80 ',
	'[   14.609715] systemd[1]: Listening on initctl Compatibility Named Pipe.',
	'[   14.614872] x27: ffff000133647000 x26: ffff000133f2a510 ',
	'[   14.614874] x25: 0000000000000810 x24: ffff00013a51a810 ',
	'[   14.614876] x23: 0000000000000008 x22: ffff8000114d9988 ',
	'[   14.614878] x21: ffff000133f48c80 x20: ffff000133f2a480 ',
	'[   14.614880] x19: ffff000133f48c80 x18: 0000000000000001 ',
	'[   14.614881] x17: 0000000000000001 x16: 0000000000000019 ',
	'[   14.614883] x15: ffffffffffffffff x14: ffff8000114d9988 ',
	'[   14.614886] x13: 0000000000000000 x12: ffff8000116b4000 ',
	'[   14.664092] x11: ffff800011501000 x10: ffff8000116b4008 ',
	'[   14.664094] x9 : ffff800010279d18 x8 : ffff8000116c29a4 ',
	'[   14.664096] x7 : 0000000000000000 x6 : 00000000a64c544f ',
	'[   14.664100] x5 : 00ffffffffffffff x4 : 0000000000000000 ',
	'[   14.685428] x3 : 0000000000000000 x2 : 00000000ffffffff ',
	'[   14.690847] x1 : 3eeb9895f3c26e00 x0 : 0000000000000000 ',
	'[   14.696181] Call trace:',
	'[   14.700033]  mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
	'[   14.705188]  mvpp2_bm_pool_destroy+0x48/0xe8 [mvpp2]',
	'[   14.711566]  mvpp2_bm_switch_buffers+0xc4/0x150 [mvpp2]',
	'[   14.718204]  mvpp2_change_mtu+0xfc/0x4f8 [mvpp2]',
	'[   14.724233]  dev_set_mtu_ext+0xdc/0x1b0',
	'[   14.729213]  dev_set_mtu+0x48/0xa8',
	'[   14.732631]  dsa_master_setup+0x3c/0x1b0 [dsa_core]',
	'[   14.732634]  dsa_register_switch+0x894/0xc38 [dsa_core]',
	'[   14.732641]  mv88e6xxx_probe+0x714/0x730 [mv88e6xxx]',
	'[   14.747767]  mdio_probe+0x3c/0x90 [libphy]',
	'[   14.751967]  really_probe+0xe4/0x448',
	'[   14.756947]  driver_probe_device+0xfc/0x168',
	'[   14.761231]  __device_attach_driver+0x94/0x120',
	'[   14.765863]  bus_for_each_drv+0x84/0xd8',
	'[   14.771107]  __device_attach+0xf0/0x170',
	'[   14.776349]  device_initial_probe+0x1c/0x28',
	'[   14.781941]  bus_probe_device+0xa4/0xb0',
	'[   14.786313]  deferred_probe_work_func+0xa0/0xf0',
	'[   14.790868]  process_one_work+0x1bc/0x458',
	'[   14.790872]  worker_thread+0x150/0x4f0',
	'[   14.798662]  kthread+0x12c/0x130',
	'[   14.801904]  ret_from_fork+0x10/0x30',
	'[   14.805493] ---[ end trace a61544ae2700bfa9 ]---',
	'[   14.812601] ------------[ cut here ]------------',
	'[   14.817645] cannot free all buffers in pool 0, buf_num left 0',
	'[   14.824830] WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:506 mvpp2_bm_pool_destroy+0xcc/0xe8 [mvpp2]',
	'[   14.837982] Modules linked in: efivarfs ip_tables x_tables autofs4 tag_edsa f2fs crc32_generic ext4 crc16 mbcache jbd2 crc32c_generic mv88e6xxx dsa_core bridge stp llc ahci_platform libahci_platform xhci_plat_hcd libahci xhci_hcd marvell sdhci_xenon_driver libata sfp mdio_i2c sdhci_pltfm usbcore fixed mvmdio mvpp2 phylink i2c_mv64xxx of_mdio fixed_phy scsi_mod gpio_keys sdhci usb_common libphy phy_mvebu_cp110_comphy rtc_armada38x',
	'[   14.876456] CPU: 2 PID: 35 Comm: kworker/2:1 Tainted: G        W         5.8.0-0.bpo.2-arm64 #1 Debian 5.8.10-1~bpo10+1',
	'[   14.887285] Hardware name: Unknown Unknown/Unknown, BIOS 2020.10 10/11/2020',
	'[   14.887290] Workqueue: events deferred_probe_work_func',
	'[   14.887295] pstate: 60000005 (nZCv daif -PAN -UAO BTYPE=--)',
	'[   14.905038] pc : mvpp2_bm_pool_destroy+0xcc/0xe8 [mvpp2]',
	'[   14.910373] lr : mvpp2_bm_pool_destroy+0xcc/0xe8 [mvpp2]',
	'[   14.915788] sp : ffff8000118eb870',
	'[   14.920507] x29: ffff8000118eb870 x28: ffff000133646e80 ',
	'[   14.926099] x27: ffff000133647000 x26: ffff000133f2a510 ',
	'[   14.931433] x25: 0000000000000038 x24: 0000000000000001 ',
	'[   14.938158] x23: 0000000000000008 x22: ffff8000114d9988 ',
	'[   14.944883] x21: ffff00013a51a810 x20: ffff000133f2a480 ',
	'[   14.950476] x19: ffff000133f48c80 x18: 0000000000000010 ',
	'[   14.955980] x17: 0000000000000001 x16: 0000000000000019 ',
	'[   14.961315] x15: ffffffffffffffff x14: 0720072007200720 ',
	'[   14.961317] x13: 0720072007200720 x12: 0720072007200720 ',
	'[   14.961318] x11: 0720072007200720 x10: 0730072007740766 ',
	'[   14.961322] x9 : ffff800010279d18 x8 : 0775076e075f0766 ',
	'[   14.982650] x7 : 0000000000000260 x6 : ffff00013ac39f00 ',
	'[   14.988070] x5 : ffff800010760ab8 x4 : 0000000000000000 ',
	'[   14.993403] x3 : 0000000000000000 x2 : 00000000ffffffff ',
	'[   15.000128] x1 : 3eeb9895f3c26e00 x0 : 0000000000000000 ',
	'[   15.005722] Call trace:',
	'[   15.008179]  mvpp2_bm_pool_destroy+0xcc/0xe8 [mvpp2]',
	'[   15.014556]  mvpp2_bm_switch_buffers+0xc4/0x150 [mvpp2]',
	'[   15.021196]  mvpp2_change_mtu+0xfc/0x4f8 [mvpp2]',
	'[   15.027224]  dev_set_mtu_ext+0xdc/0x1b0',
	'[   15.032466]  dev_set_mtu+0x48/0xa8',
	'[   15.036752]  dsa_master_setup+0x3c/0x1b0 [dsa_core]',
	'[   15.041652]  dsa_register_switch+0x894/0xc38 [dsa_core]',
	'[   15.041657]  mv88e6xxx_probe+0x714/0x730 [mv88e6xxx]',
	'[   15.041663]  mdio_probe+0x3c/0x90 [libphy]',
	'[   15.056001]  really_probe+0xe4/0x448',
	'[   15.059590]  driver_probe_device+0xfc/0x168',
	'[   15.063875]  __device_attach_driver+0x94/0x120',
	'[   15.068338]  bus_for_each_drv+0x84/0xd8',
	'[   15.073580]  __device_attach+0xf0/0x170',
	'[   15.077690]  device_initial_probe+0x1c/0x28',
	'[   15.081890]  bus_probe_device+0xa4/0xb0',
	'[   15.087134]  deferred_probe_work_func+0xa0/0xf0',
	'[   15.093076]  process_one_work+0x1bc/0x458',
	'[   15.097359]  worker_thread+0x150/0x4f0',
	'[   15.101122]  kthread+0x12c/0x130',
	'[   15.104363]  ret_from_fork+0x10/0x30',
	'[   15.104364] ---[ end trace a61544ae2700bfaa ]---'
];

/** lkp-71.log lines 1-16 (kernel test robot, 5.12.0-rc7, i386): an early boot allocation that failed */
export const LKP71_PANIC = [
	'[    0.317424] Kernel panic - not syncing: __populate_section_memmap: Failed to allocate 5242880 bytes align=0x1000 nid=0 from=0x0000000001000000',
	'[    0.318712] CPU: 0 PID: 0 Comm: swapper Not tainted 5.12.0-rc7 #1',
	'[    0.319274] Call Trace:',
	'[    0.319516]  dump_stack+0x95/0xe0',
	'[    0.319844]  panic+0xb2/0x269',
	'[    0.320123]  __populate_section_memmap+0x6d/0x76',
	'[    0.320562]  sparse_init_nid+0x166/0x22d',
	'[    0.320943]  sparse_init+0x190/0x19e',
	'[    0.321267]  paging_init+0x82/0x8a',
	'[    0.321585]  native_pagetable_init+0x106/0x10e',
	'[    0.321988]  setup_arch+0xa65/0xb22',
	'[    0.322336]  ? vprintk_default+0x10/0x20',
	'[    0.322726]  start_kernel+0x5d/0x59f',
	'[    0.323061]  i386_start_kernel+0x43/0x45',
	'[    0.323418]  startup_32_smp+0x164/0x168',
	'[    0.323802] ---[ end Kernel panic - not syncing: __populate_section_memmap: Failed to allocate 5242880 bytes align=0x1000 nid=0 from=0x0000000001000000 ]---'
];

/**
 * lkp-41.log lines 4-66 (kernel test robot, QEMU, 4.8): an RCU stall in which every CPU had passed
 * its quiescent state (`All QSes seen`), the trace of the idle CPU that noticed, and the
 * grace-period kthread rcu_sched, starved for 10002 jiffies, with its stack
 */
export const LKP41_STALL = [
	'[  103.985562] INFO: rcu_sched detected stalls on CPUs/tasks:',
	'[  103.986766] All QSes seen, last rcu_sched kthread activity 10002 (4294947638-4294937636), jiffies_till_next_fqs=1, root ->qsmask 0x0',
	'[  103.987881] swapper/0       R  running task    13504     0      0 0x00080000',
	'[  103.988548]  0000000000000000 ffff975b54803bf8 ffffffffbb0be4e5 ffffffffbc20b4c0',
	'[  103.989312]  0000000000000046 ffffffffbc243540 ffffffffbbfccc49 ffffffffbc243540',
	'[  103.990046]  0000000000000000 ffffffffffffff06 0000000000002712 ffff975b54803cd8',
	'[  103.990774] Call Trace:',
	'[  103.991008]  <IRQ>  [<ffffffffbb0be4e5>] sched_show_task+0xfa/0x107',
	'[  103.991611]  [<ffffffffbb0f4419>] print_other_cpu_stall+0x369/0x3de',
	'[  103.992182]  [<ffffffffbb02dd33>] ? kvm_clock_read+0x23/0x38',
	'[  103.992700]  [<ffffffffbb02dd5c>] ? kvm_sched_clock_read+0x9/0x12',
	'[  103.993253]  [<ffffffffbb10610a>] ? tick_nohz_handler+0xa8/0xa8',
	'[  103.993793]  [<ffffffffbb0f458f>] check_cpu_stall+0x101/0x10d',
	'[  103.994312]  [<ffffffffbb0d68e5>] ? __lock_acquire+0x347/0x3da',
	'[  103.994877]  [<ffffffffbb0d4aa2>] ? check_chain_key+0x98/0x103',
	'[  103.995443]  [<ffffffffbb0f45c0>] __rcu_pending+0x25/0x118',
	'[  103.995971]  [<ffffffffbb10610a>] ? tick_nohz_handler+0xa8/0xa8',
	'[  103.996505]  [<ffffffffbb0f49a7>] rcu_check_callbacks+0xf3/0x14a',
	'[  103.997080]  [<ffffffffbb0f8dc3>] update_process_times+0x2a/0x4f',
	'[  103.997624]  [<ffffffffbb106166>] tick_sched_timer+0x5c/0x84',
	'[  103.998137]  [<ffffffffbb0f9678>] __run_hrtimer+0x6a/0xed',
	'[  103.998647]  [<ffffffffbb0f9751>] __hrtimer_run_queues+0x56/0x7a',
	'[  103.999221]  [<ffffffffbb0f98f6>] hrtimer_interrupt+0xaf/0x1a3',
	'[  103.999764]  [<ffffffffbb0287e7>] local_apic_timer_interrupt+0x4c/0x50',
	'[  104.000372]  [<ffffffffbb028b4f>] smp_apic_timer_interrupt+0x23/0x34',
	'[  104.000954]  [<ffffffffbbbeca14>] apic_timer_interrupt+0x84/0x90',
	'[  104.001515]  <EOI>  [<ffffffffbb0b85f7>] ? blocking_notifier_chain_cond_register+0x5f/0x5f',
	'[  104.002272]  [<ffffffffbb02e040>] ? native_safe_halt+0x6/0x8',
	'[  104.002814]  [<ffffffffbb5286d6>] ? debug_smp_processor_id+0x17/0x19',
	'[  104.003417]  [<ffffffffbb01b890>] default_idle+0xe/0x17',
	'[  104.003894]  [<ffffffffbb01b72d>] arch_cpu_idle+0xa/0xc',
	'[  104.004393]  [<ffffffffbb0cfa01>] default_idle_call+0x32/0x34',
	'[  104.004940]  [<ffffffffbb0cfab3>] cpuidle_idle_call+0x6a/0x111',
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
	'[  104.011545]  ffff975b54037a08 ffff975b540379c8 0000000000000296 ffff975b5404c300',
	'[  104.012289]  ffff975b54032200 ffff975b00000000 00000000ffff8c27 ffff975b00000000',
	'[  104.013012]  ffffffffbb0bd84f ffff975b540379e8 ffff975b54034008 00000000ffff8c27',
	'[  104.013758] Call Trace:',
	'[  104.013985]  [<ffffffffbb0bd84f>] ? preempt_latency_start+0x25/0x5c',
	'[  104.014558]  [<ffffffffbbbe736d>] schedule+0xa2/0xba',
	'[  104.015047]  [<ffffffffbb0d4e19>] ? get_lock_stats+0x19/0x4c',
	'[  104.015563]  [<ffffffffbbbea8de>] schedule_timeout+0xa1/0xc5',
	'[  104.016121]  [<ffffffffbb0f8d2c>] ? add_timer_on+0xb1/0xb1',
	'[  104.016601]  [<ffffffffbbbea94c>] schedule_timeout_uninterruptible+0x24/0x26',
	'[  104.017255]  [<ffffffffbb0f1a73>] rcu_gp_slow+0x2e/0x30',
	'[  104.017741]  [<ffffffffbb0f5978>] rcu_gp_init+0x141/0x454',
	'[  104.018223]  [<ffffffffbbbebd39>] ? _raw_spin_unlock_irq+0x37/0x4b',
	'[  104.018802]  [<ffffffffbb0f5ee9>] ? rcu_gp_cleanup+0x25e/0x270',
	'[  104.019327]  [<ffffffffbbbebd88>] ? _raw_spin_unlock_irqrestore+0x3b/0x50',
	'[  104.019980]  [<ffffffffbb0cf596>] ? finish_swait+0x74/0x7f',
	'[  104.020477]  [<ffffffffbb0f600d>] rcu_gp_kthread+0x112/0x52e',
	'[  104.021027]  [<ffffffffbb0c90e3>] ? update_curr+0xc0/0x10b',
	'[  104.021544]  [<ffffffffbb0c4d98>] ? pick_next_entity+0xd0/0xdc',
	'[  104.022076]  [<ffffffffbbbe70f2>] ? __schedule+0x32d/0x34c'
];

/**
 * kerneloops-i386-bug-on.log lines 439-440, 443-449 and 453-465 (Fedora 9, 2.6.24 i386; the module
 * list and raw stack words left out): a BUG() in a test module; the trace is die()'s, from
 * `show_trace_log_lvl` down to the exception entry `error_code`, then the interrupted
 * sys_init_module(); its `Pid:` line puts the release in parentheses
 */
export const I386_BUG = [
	'kernel BUG at /tmp/oops.c:5!',
	'invalid opcode: 0000 [#1] SMP ',
	'Pid: 8369, comm: insmod Not tainted (2.6.24-0.77.rc4.git4.fc9 #1)',
	'EIP: 0060:[<e024e003>] EFLAGS: 00210286 CPU: 0',
	'EIP is at modinit+0x3/0x7 [oops]',
	'EAX: e024e000 EBX: d434d9c8 ECX: e024e300 EDX: 00000001',
	'ESI: e024e300 EDI: e024e300 EBP: d4347eb0 ESP: d4347eb0',
	' DS: 007b ES: 007b FS: 00d8 GS: 0033 SS: 0068',
	'Process insmod (pid: 8369, ti=d4347000 task=d4222e10 task.ti=d4347000)',
	'Call Trace:',
	' [<c040649a>] show_trace_log_lvl+0x1a/0x2f',
	' [<c040654a>] show_stack_log_lvl+0x9b/0xa3',
	' [<c04065f9>] show_registers+0xa7/0x178',
	' [<c04067eb>] die+0x121/0x20c',
	' [<c06422a8>] do_trap+0x8a/0xa3',
	' [<c0406b95>] do_invalid_op+0x88/0x92',
	' [<c0642072>] error_code+0x72/0x78',
	' [<c0455445>] sys_init_module+0x1430/0x155c',
	' [<c0405252>] syscall_call+0x7/0xb',
	' =======================',
	'Code: <0f> 0b eb fe 55 89 e5 5d c3 04 00 00 00 14 00 00 00 03 00 00 00 47 ',
	'EIP: [<e024e003>] modinit+0x3/0x7 [oops] SS:ESP 0068:d4347eb0'
];

/** kerneloops-i386-bug-on.log lines 429-438: the WARN_ON() of an earlier insmod, before the BUG (I386_BUG) */
export const I386_WARN = [
	'WARNING: at /tmp/oops.c:5 modinit() (Not tainted)',
	'Pid: 8190, comm: insmod Not tainted 2.6.24-0.77.rc4.git4.fc9 #1',
	' [<c040649a>] show_trace_log_lvl+0x1a/0x2f',
	' [<c0406d41>] show_trace+0x12/0x14',
	' [<c0407061>] dump_stack+0x6c/0x72',
	' [<e024e03d>] modinit+0x38/0x3f [oops]',
	' [<c0455445>] sys_init_module+0x1430/0x155c',
	' [<c0405252>] syscall_call+0x7/0xb',
	' =======================',
	'------------[ cut here ]------------'
];

/**
 * lkp-74.log, all 8 lines (kernel test robot, an i386 boot, `[ts][caller]` prefixes): the end of an
 * oops whose header and trace the log lost, its registers, then the panic
 */
export const LKP74 = [
	'[    0.043841 ][    T0 ] EIP: string_nocheck+0x59/0xb0',
	'[    0.044282 ][    T0 ] Code: 90 83 05 38 83 15 3c ff 83 15 3c ff c2 01 83 05 c2 01 83 05 01 83 15 4c 01 83 15 4c 39 d7 74 24 39 d7 74 24 5d 08 0f b6 5d 08 <0f> b6 74 1c 39 c1 74 1c 39 c1 30 ff a0 44 30 ff a0 44 ff a0 44 00',
	'[    0.046143 ][    T0 ] EAX: 441e8b7c EBX: 20534847 ECX: 441e87da EDX: 00000000',
	'[    0.046808 ][    T0 ] ESI: 441e87da EDI: ffffffff EBP: 432b5d0c ESP: 432b5d00',
	'[    0.047282 ][    T0 ] DS: 007b ES: 007b FS: 00d8 GS: 00e0 SS: 0068 EFLAGS: 00210086',
	'[    0.047867 ][    T0 ] CR0: 80050033 CR2: 20534847 CR3: 039b7000 CR4: 00040690',
	'[    0.048509 ][    T0 ] Kernel panic - not syncing: Fatal exception',
	'[    0.049111 ][    T0 ] ---[ end Kernel panic - not syncing: Fatal exception ]---'
];

/**
 * ms912x-error-log-txt.log lines 43-51 (Ubuntu 6.8): a WARN in the DRM core, with an out-of-tree
 * display driver and NVIDIA's modules loaded
 */
export const MS912X_WARN = [
	'[339920.733796] ------------[ cut here ]------------',
	'[339920.733799] BUG: the value to copy was not set!',
	'[339920.733810] WARNING: CPU: 3 PID: 6539 at drivers/gpu/drm/drm_ioctl.c:489 drm_copy_field+0xb8/0xc0',
	'[339920.733816] Modules linked in: hid_generic snd_usb_audio usbhid snd_usbmidi_lib snd_ump hid ms912x(OE) cpuid vhost_net vhost vhost_iotlb tap tls xt_nat vxlan ip6_udp_tunnel udp_tunnel xt_policy xt_mark xt_bpf veth nf_conntrack_netlink br_netfilter xfrm_user xfrm_algo xt_addrtype rfcomm snd_seq_dummy snd_hrtimer ccm xt_CHECKSUM xt_MASQUERADE xt_conntrack ipt_REJECT nf_reject_ipv4 xt_tcpudp nft_compat nft_chain_nat nf_nat nf_conntrack nf_defrag_ipv6 nf_defrag_ipv4 nf_tables libcrc32c bridge stp llc overlay qrtr cmac algif_hash algif_skcipher af_alg bnep sunrpc binfmt_misc zfs(PO) spl(O) snd_ctl_led ledtrig_audio snd_hda_codec_realtek snd_hda_codec_generic nvidia_uvm(POE) nvidia_drm(POE) nvidia_modeset(POE) intel_rapl_msr intel_rapl_common intel_uncore_frequency intel_uncore_frequency_common x86_pkg_temp_thermal snd_sof_pci_intel_cnl snd_sof_intel_hda_common soundwire_intel snd_sof_intel_hda_mlink soundwire_cadence snd_sof_intel_hda snd_sof_pci snd_sof_xtensa_dsp snd_sof snd_sof_utils snd_soc_hdac_hda snd_hda_ext_core',
	'[339920.733870]  snd_soc_acpi_intel_match snd_soc_acpi soundwire_generic_allocation soundwire_bus snd_soc_core snd_hda_codec_hdmi snd_compress ac97_bus snd_pcm_dmaengine nls_iso8859_1 snd_hda_intel intel_powerclamp coretemp snd_intel_dspcfg snd_intel_sdw_acpi iwlmvm snd_hda_codec kvm_intel uvcvideo snd_hda_core videobuf2_vmalloc nvidia(POE) snd_hwdep kvm uvc videobuf2_memops videobuf2_v4l2 snd_pcm mac80211 btusb videodev i915 irqbypass btrtl snd_seq_midi crct10dif_pclmul btintel cmdlinepart polyval_clmulni polyval_generic videobuf2_common snd_seq_midi_event ghash_clmulni_intel spi_nor btbcm btmtk sha256_ssse3 libarc4 mc mei_hdcp ee1004 mei_pxp snd_rawmidi mtd sha1_ssse3 bluetooth aesni_intel drm_buddy crypto_simd snd_seq ttm ecdh_generic iwlwifi ecc cryptd snd_seq_device drm_display_helper snd_timer acer_wmi rapl cec rc_core i2c_i801 sparse_keymap spi_intel_pci intel_cstate platform_profile intel_wmi_thunderbolt i2c_algo_bit wmi_bmof intel_pmc_core mei_me snd i2c_smbus spi_intel cfg80211 soundcore intel_pch_thermal mei',
	'[339920.733927]  intel_vsec pmt_telemetry input_leds joydev pmt_class acer_wireless acpi_pad mac_hid serio_raw sch_fq_codel msr parport_pc ppdev lp parport efi_pstore nfnetlink dmi_sysfs ip_tables x_tables autofs4 8250_dw rtsx_pci_sdmmc crc32_pclmul psmouse r8169 intel_lpss_pci ahci rtsx_pci intel_lpss xhci_pci realtek libahci idma64 xhci_pci_renesas video wmi pinctrl_cannonlake',
	'[339920.733952] CPU: 3 PID: 6539 Comm: Xorg Tainted: P           OE      6.8.0-85-generic #85-Ubuntu',
	'[339920.733954] Hardware name: Acer Predator PH315-51/Sienta_CFS, BIOS V1.15 06/12/2018',
	'[339920.733955] RIP: 0010:drm_copy_field+0xb8/0xc0'
];

/**
 * satyr-gitlog-19.log lines 1-25 (abrt/satyr, 3.x x86-64): SLUB found a freed mempolicy written to
 * (one byte 0x6a instead of its poison 0x6b, its reference count put after the free); the report
 * is cut before the checker's stack
 */
export const SATYR19_POISON = [
	'=============================================================================',
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

/**
 * tf201log-dmesg-txt.log lines 134-172 (ASUS TF201, vendor 2.6.36 kernel): pca953x probed at two
 * addresses no chip answers on, the second time through a WARN on the transfer timeout
 */
export const TF201_PROBE = [
	'<4>[    6.544292] tegra-i2c tegra-i2c.4: I2c error status 0x00000008\r',
	'<4>[    6.544436] tegra-i2c tegra-i2c.4: no acknowledge from address 0x20\r',
	'<4>[    6.544579] tegra-i2c tegra-i2c.4: Packet status 0x00010009\r',
	'<3>[    6.545687] pca953x 4-0020: failed reading register\r',
	'<4>[    6.545772] pca953x: probe of 4-0020 failed with error -121\r',
	'<4>[    7.543653] ------------[ cut here ]------------\r',
	'<4>[    7.543755] WARNING: at /home/android/Project/AutoSync/Honeycomb-mr2-t30-r3/kernel/drivers/i2c/busses/i2c-tegra.c:623 tegra_i2c_xfer+0x37c/0x3e0()\r',
	'<4>[    7.543961] Modules linked in:\r',
	'<4>[    7.544137] [<c00409d8>] (unwind_backtrace+0x0/0xfc) from [<c008eb00>] (warn_slowpath_common+0x4c/0x64)\r',
	'<4>[    7.544289] [<c008eb00>] (warn_slowpath_common+0x4c/0x64) from [<c008eb34>] (warn_slowpath_null+0x1c/0x24)\r',
	'<4>[    7.544378] [<c008eb34>] (warn_slowpath_null+0x1c/0x24) from [<c02fc164>] (tegra_i2c_xfer+0x37c/0x3e0)\r',
	'<4>[    7.544468] [<c02fc164>] (tegra_i2c_xfer+0x37c/0x3e0) from [<c02f9d84>] (i2c_transfer+0xbc/0x170)\r',
	'<4>[    7.544618] [<c02f9d84>] (i2c_transfer+0xbc/0x170) from [<c02fa190>] (i2c_smbus_xfer+0x2bc/0x52c)\r',
	'<4>[    7.544769] [<c02fa190>] (i2c_smbus_xfer+0x2bc/0x52c) from [<c02fa63c>] (i2c_smbus_read_word_data+0x34/0x44)\r',
	'<4>[    7.544926] [<c02fa63c>] (i2c_smbus_read_word_data+0x34/0x44) from [<c0208398>] (pca953x_read_reg+0x50/0x70)\r',
	'<4>[    7.545081] [<c0208398>] (pca953x_read_reg+0x50/0x70) from [<c04a6cd0>] (pca953x_probe+0xb0/0x19c)\r',
	'<4>[    7.545168] [<c04a6cd0>] (pca953x_probe+0xb0/0x19c) from [<c02f8ca8>] (i2c_device_probe+0xbc/0xe4)\r',
	'<4>[    7.545327] [<c02f8ca8>] (i2c_device_probe+0xbc/0xe4) from [<c0252efc>] (driver_probe_device+0x98/0x1a8)\r',
	'<4>[    7.545477] [<c0252efc>] (driver_probe_device+0x98/0x1a8) from [<c0252468>] (bus_for_each_drv+0x60/0x8c)\r',
	'<4>[    7.545625] [<c0252468>] (bus_for_each_drv+0x60/0x8c) from [<c0253170>] (device_attach+0x70/0x94)\r',
	'<4>[    7.545773] [<c0253170>] (device_attach+0x70/0x94) from [<c025227c>] (bus_probe_device+0x24/0x40)\r',
	'<4>[    7.545919] [<c025227c>] (bus_probe_device+0x24/0x40) from [<c0250cd8>] (device_add+0x32c/0x4e4)\r',
	'<4>[    7.546005] [<c0250cd8>] (device_add+0x32c/0x4e4) from [<c02f95b0>] (i2c_new_device+0x10c/0x144)\r',
	'<4>[    7.546155] [<c02f95b0>] (i2c_new_device+0x10c/0x144) from [<c02f997c>] (i2c_register_adapter+0x158/0x1f4)\r',
	'<4>[    7.546305] [<c02f997c>] (i2c_register_adapter+0x158/0x1f4) from [<c02f9ac8>] (i2c_add_numbered_adapter+0xb0/0xc8)\r',
	'<4>[    7.546455] [<c02f9ac8>] (i2c_add_numbered_adapter+0xb0/0xc8) from [<c02fc4e8>] (tegra_i2c_probe+0x320/0x4b8)\r',
	'<4>[    7.546608] [<c02fc4e8>] (tegra_i2c_probe+0x320/0x4b8) from [<c0253e74>] (platform_drv_probe+0x18/0x1c)\r',
	'<4>[    7.546758] [<c0253e74>] (platform_drv_probe+0x18/0x1c) from [<c0252efc>] (driver_probe_device+0x98/0x1a8)\r',
	'<4>[    7.546844] [<c0252efc>] (driver_probe_device+0x98/0x1a8) from [<c0253098>] (__driver_attach+0x8c/0x90)\r',
	'<4>[    7.546992] [<c0253098>] (__driver_attach+0x8c/0x90) from [<c0252738>] (bus_for_each_dev+0x60/0x8c)\r',
	'<4>[    7.547141] [<c0252738>] (bus_for_each_dev+0x60/0x8c) from [<c0252008>] (bus_add_driver+0xa0/0x234)\r',
	'<4>[    7.547289] [<c0252008>] (bus_add_driver+0xa0/0x234) from [<c0253348>] (driver_register+0x78/0x144)\r',
	'<4>[    7.547441] [<c0253348>] (driver_register+0x78/0x144) from [<c003a4f4>] (do_one_initcall+0x30/0x1a0)\r',
	'<4>[    7.547527] [<c003a4f4>] (do_one_initcall+0x30/0x1a0) from [<c00085a4>] (kernel_init+0x14c/0x210)\r',
	'<4>[    7.547612] [<c00085a4>] (kernel_init+0x14c/0x210) from [<c003bcf4>] (kernel_thread_exit+0x0/0x8)\r',
	'<4>[    7.547763] ---[ end trace 1b75b31a2719ed1c ]---\r',
	'<3>[    7.547842] tegra-i2c tegra-i2c.2: i2c transfer timed out, addr 0x0020, data 0x02\r',
	'<3>[    7.549003] pca953x 2-0020: failed reading register\r',
	'<4>[    7.549150] pca953x: probe of 2-0020 failed with error -110\r'
];

// syslogs-messages-3.log lines 2236-2250, kernel lines only (a Chromebook, 6.6): three tries to
// 02:e4:ce:e6:2e:b1, two answered by nobody (iwlwifi gives each up), the third cancelled by the
// connection manager before iwlwifi did, then the same router's other BSSID
export const WIFI_UNANSWERED_TRIES = [
	'2026-05-18T18:01:35.524672Z INFO kernel: [  108.458712] wlan0: authenticate with 02:e4:ce:e6:2e:b1 (local address=dc:45:46:28:9b:c3)',
	'2026-05-18T18:01:35.527238Z INFO kernel: [  108.459911] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 1/3)',
	'2026-05-18T18:01:36.426691Z ERR kernel: [  109.360795] iwlwifi 0000:00:14.3: Not associated and the session protection is over already...',
	'2026-05-18T18:01:36.426709Z INFO kernel: [  109.360807] wlan0: Connection to AP 02:e4:ce:e6:2e:b1 lost',
	'2026-05-18T18:01:37.603669Z INFO kernel: [  110.537961] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 2/3)',
	'2026-05-18T18:01:38.502699Z ERR kernel: [  111.436753] iwlwifi 0000:00:14.3: Not associated and the session protection is over already...',
	'2026-05-18T18:01:38.502722Z INFO kernel: [  111.436773] wlan0: Connection to AP 02:e4:ce:e6:2e:b1 lost',
	'2026-05-18T18:01:39.651673Z INFO kernel: [  112.585959] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 3/3)',
	'2026-05-18T18:01:40.525676Z INFO kernel: [  113.460109] wlan0: aborting authentication with 02:e4:ce:e6:2e:b1 by local choice (Reason: 3=DEAUTH_LEAVING)',
	'2026-05-18T18:01:42.326666Z INFO kernel: [  115.261217] wlan0: authenticate with 06:e4:ce:e6:2e:b2 (local address=dc:45:46:28:9b:c3)',
	'2026-05-18T18:01:42.329310Z INFO kernel: [  115.262591] wlan0: send auth to 06:e4:ce:e6:2e:b2 (try 1/3)',
	'2026-05-18T18:01:42.382704Z INFO kernel: [  115.316785] wlan0: authenticated'
];

// syslogs-messages-3.log (a Chromebook, 6.6), kernel lines from 8.459 s: the clock 0.25 s behind
// what the smallest offsets before them give (ChromeOS steps it a little later in the boot)
export const CHROMEOS_CLOCK_BEHIND = [
	'2026-05-18T17:59:53.103777Z INFO kernel: [    8.459080] loop6: detected capacity change from 0 to 2097152',
	'2026-05-18T17:59:53.156913Z INFO kernel: [    8.510478] loop7: detected capacity change from 0 to 14336',
	'2026-05-18T17:59:53.181842Z INFO kernel: [    8.537165] async_tx: api initialized (async)',
	'2026-05-18T17:59:53.189316Z INFO kernel: [    8.544431] xor: automatically using best checksumming function   avx       ',
	'2026-05-18T17:59:53.318201Z WARNING kernel: [    8.611813] crash-reporter: Saved OS version',
	'2026-05-18T17:59:53.471247Z INFO kernel: [    8.824177] zram: setup backing device /dev/mapper/zram-writeback',
	'2026-05-18T17:59:53.818675Z INFO kernel: [    9.173765] loop8: detected capacity change from 0 to 24576',
	'2026-05-18T17:59:53.833350Z INFO kernel: [    9.188684] device-mapper: verity: sha256 using implementation "sha256-ni"',
	'2026-05-18T17:59:54.064207Z ERR kernel: [    9.420099] iwlwifi 0000:00:14.3: Not associated and the session protection is over already...'
];

/**
 * lkp-28.log lines 4-44 (kernel test robot, 4.8.0-rc1 i386): swapper:1 hung in
 * lib/test_rhashtable.c's init, waiting in kthread_stop() for 120 s, then hung_task_panic and
 * khungtaskd's stack
 */
export const LKP28_HUNG_AT_BOOT = [
	'[  251.950215] INFO: task swapper:1 blocked for more than 120 seconds.',
	'[  252.156188]       Not tainted 4.8.0-rc1 #3',
	'[  252.323174] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
	'[  252.414164] swapper         D cf03c000     0     1      0 0x00000000',
	'[  252.794158]  cf03be6c 0000ec97 cf02f000 cf03c000 cdbdff6c cf02f000 cf03be78 c147ea46',
	'[  253.099199]  7fffffff cf03beac c14810e7 00200046 c147f090 00000000 00000001 00000001',
	'[  253.460141]  cdbdff70 cdbdff6c cdbdff70 cf03beac c1481752 7fffffff cf03bee0 c147f097',
	'[  253.952228] Call Trace:',
	'[  253.998180]  [<c147ea46>] schedule+0x1e/0x31',
	'[  254.012364]  [<c14810e7>] schedule_timeout+0x15/0xa2',
	'[  254.033363]  [<c147f090>] ? __wait_for_common+0xd1/0xfe',
	'[  254.040307]  [<c1481752>] ? _raw_spin_unlock_irq+0x22/0x32',
	'[  254.064254]  [<c147f097>] __wait_for_common+0xd8/0xfe',
	'[  254.070995]  [<c14810d2>] ? console_conditional_schedule+0x24/0x24',
	'[  254.095358]  [<c1047344>] ? scheduler_tick+0x50/0x50',
	'[  254.115350]  [<c147f0d1>] wait_for_completion+0x14/0x17',
	'[  254.138526]  [<c1043a5e>] kthread_stop+0x32/0x4a',
	'[  254.165391]  [<c17c5191>] test_rht_init+0x544/0x595',
	'[  254.187328]  [<c17c4c4d>] ? test_hash_init+0x2b5/0x2b5',
	'[  254.201327]  [<c17aac26>] do_one_initcall+0x7c/0xf6',
	'[  254.223553]  [<c104340f>] ? parse_args+0x19a/0x26d',
	'[  254.243517]  [<c17aad5a>] ? kernel_init_freeable+0xba/0x159',
	'[  254.264524]  [<c17aad76>] kernel_init_freeable+0xd6/0x159',
	'[  254.272295]  [<c147d30c>] kernel_init+0x8/0xd0',
	'[  254.290380]  [<c1481ba2>] ret_from_kernel_thread+0xe/0x24',
	'[  254.309242]  [<c147d304>] ? rest_init+0xa0/0xa0',
	'[  257.500197] no locks held by swapper/1.',
	'[  257.618158] Kernel panic - not syncing: hung_task: blocked tasks',
	'[  257.636464] CPU: 0 PID: 13 Comm: khungtaskd Not tainted 4.8.0-rc1 #3',
	'[  257.655774]  00000000 cf02f000 cf121ee8 c11896fd cf121f00 c108b2d0 cf02f138 cf02f000',
	'[  257.677556]  cf02f138 00000002 cf121f28 c1079335 c165379e 000003ff 00008000 00000078',
	'[  257.699197]  cf02f000 cf117cb0 00000000 c107910e cf121fa4 c10436ef cf121f6c 00000000',
	'[  257.721696] Call Trace:',
	'[  257.725229]  [<c11896fd>] dump_stack+0x16/0x18',
	'[  257.741233]  [<c108b2d0>] panic+0x8b/0x1b1',
	'[  257.746675]  [<c1079335>] watchdog+0x227/0x287',
	'[  257.762685]  [<c107910e>] ? rcu_lock_acquire+0x21/0x21',
	'[  257.770464]  [<c10436ef>] kthread+0x8b/0x90',
	'[  257.787056]  [<c1481ba2>] ret_from_kernel_thread+0xe/0x24',
	'[  257.805198]  [<c1043664>] ? init_completion+0x1e/0x1e',
	'[  257.812078] Kernel Offset: disabled'
];

/** ubtouch-dmesg-dmesg.log lines 83-101 (Xiaomi armani, 3.4 arm): a WARN() whose trace arm's frame-pointer unwinder printed with each frame's saved registers */
export const UBTOUCH_FTRACE = [
	'[    0.047653] ------------[ cut here ]------------',
	'[    0.047718] WARNING: at /home/builder/phablet/kernel/xiaomi/armani/kernel/trace/ftrace.c:1590 ftrace_bug+0xec/0x174()',
	'[    0.047796] Modules linked in:',
	'[    0.047832] Backtrace: ',
	'[    0.047879] [<c010a95c>] (dump_backtrace+0x0/0x114) from [<c09d7e0c>] (dump_stack+0x20/0x24)',
	'[    0.047943]  r6:c0215cbc r5:00000009 r4:00000000 r3:271ae91c',
	'[    0.048030] [<c09d7dec>] (dump_stack+0x0/0x24) from [<c019c6b8>] (warn_slowpath_common+0x5c/0x74)',
	'[    0.048109] [<c019c65c>] (warn_slowpath_common+0x0/0x74) from [<c019c6fc>] (warn_slowpath_null+0x2c/0x34)',
	'[    0.048179]  r8:60000153 r7:00000000 r6:00000000 r5:c01003a0 r4:c0fe8a09',
	'[    0.048256] r3:00000009',
	'[    0.048307] [<c019c6d0>] (warn_slowpath_null+0x0/0x34) from [<c0215cbc>] (ftrace_bug+0xec/0x174)',
	'[    0.048385] [<c0215bd0>] (ftrace_bug+0x0/0x174) from [<c02160f4>] (ftrace_process_locs+0x3b0/0x500)',
	'[    0.048452]  r5:f1c21e40 r4:00000000',
	'[    0.048512] [<c0215d44>] (ftrace_process_locs+0x0/0x500) from [<c0e122f8>] (ftrace_init+0x98/0x18c)',
	'[    0.048592] [<c0e12260>] (ftrace_init+0x0/0x18c) from [<c0e00ab4>] (start_kernel+0x308/0x368)',
	'[    0.048656]  r7:c2d79240 r6:00000000 r5:00000000 r4:c0f3dfe8',
	'[    0.048740] [<c0e007ac>] (start_kernel+0x0/0x368) from [<0000803c>] (0x803c)',
	'[    0.048793]  r7:c0f42ac4 r6:c0f00f00 r5:c0f3c4dc r4:10c5387d',
	'[    0.048898] ---[ end trace da227214a82491b7 ]---'
];

/** logs-a5y17lte-dmesg.log lines 523-550 (a Samsung Galaxy A5 2017, Exynos 7880, Samsung's 3.18 kernel): a WARN in kref.h, a kref taken at 0 */
export const A5Y17LTE_KREF_WARN = [
	'[    0.715048] ------------[ cut here ]------------',
	'[    0.715071] WARNING: CPU: 0 PID: 1 at /halium/kernel/samsung/universal7880/include/linux/kref.h:47 set_current_rng+0x60/0x7c()',
	'[    0.715085] Modules linked in:',
	'[    0.715103] CPU: 0 PID: 1 Comm: swapper/0 Tainted: G        W      3.18.14-g406953af719-dirty #1',
	'[    0.715118] Hardware name: Samsung A5Y17 LTE EUR HWID08 board based on Exynos 7880 (DT)',
	'[    0.715132] Call trace:',
	'[    0.715150] [<ffffffc000009404>] dump_backtrace+0x0/0x10c',
	'[    0.715167] [<ffffffc000009520>] show_stack+0x10/0x1c',
	'[    0.715186] [<ffffffc0002aed74>] _dump_stack+0x80/0xc4',
	'[    0.715203] [<ffffffc0008b0bd4>] dump_stack+0xc/0x18',
	'[    0.715221] [<ffffffc00001bdd4>] warn_slowpath_common+0x88/0xb0',
	'[    0.715238] [<ffffffc00001bec0>] warn_slowpath_null+0x14/0x20',
	'[    0.715256] [<ffffffc000353f1c>] set_current_rng+0x5c/0x7c',
	'[    0.715273] [<ffffffc0003544d0>] hwrng_register+0x1c0/0x23c',
	'[    0.715290] [<ffffffc000354a3c>] exyswd_rng_probe+0x48/0x70',
	'[    0.715309] [<ffffffc00039e6b4>] platform_drv_probe+0x4c/0x9c',
	'[    0.715326] [<ffffffc00039cc3c>] driver_probe_device+0xd4/0x238',
	'[    0.715342] [<ffffffc00039ce4c>] __driver_attach+0x60/0x90',
	'[    0.715359] [<ffffffc00039bdc0>] bus_for_each_dev+0x70/0x90',
	'[    0.715375] [<ffffffc00039c74c>] driver_attach+0x1c/0x28',
	'[    0.715391] [<ffffffc00039c418>] bus_add_driver+0xf8/0x1cc',
	'[    0.715408] [<ffffffc00039d748>] driver_register+0x90/0xe0',
	'[    0.715425] [<ffffffc00039e5e4>] __platform_driver_register+0x5c/0x68',
	'[    0.715444] [<ffffffc000d48a38>] exyswd_rng_init+0x34/0x70',
	'[    0.715460] [<ffffffc0000026bc>] do_one_initcall+0xf4/0x188',
	'[    0.715476] [<ffffffc000d1eb7c>] kernel_init_freeable+0x1bc/0x26c',
	'[    0.715493] [<ffffffc0008ad914>] kernel_init+0x10/0xd0',
	'[    0.715507] ---[ end trace 4a37eeceef4d0a13 ]---'
];

/**
 * abrt-oops1-module-nouveau.log (abrt/abrt `tests/examples/oops1-module-nouveau.test`, GPL-2.0), whole:
 * nouveau's soft lockup in `ioread32` (`EAX: ffffffff`) under `nouveau_timer_wait_eq`, a Fedora 20
 * i686 kernel on a Lenovo laptop with Intel and NVIDIA graphics
 */
export const NOUVEAU_IOREAD_LOCKUP = [
	'BUG: soft lockup - CPU#1 stuck for 22s! [X:5189]',
	'Modules linked in: cdc_acm ccm ip6t_rpfilter ip6t_REJECT xt_conntrack ebtable_nat ebtable_broute bridge stp llc ebtable_filter ebtables ip6table_nat nf_conntrack_ipv6 nf_defrag_ipv6 nf_nat_ipv6 ip6table_mangle ip6table_security ip6table_raw ip6table_filter ip6_tables iptable_nat nf_conntrack_ipv4 nf_defrag_ipv4 nf_nat_ipv4 nf_nat nf_conntrack iptable_mangle iptable_security iptable_raw bnep arc4 x86_pkg_temp_thermal iwldvm coretemp mac80211 kvm crc32_pclmul crc32c_intel snd_hda_codec_hdmi snd_hda_codec_realtek snd_hda_codec_generic snd_hda_intel uvcvideo snd_hda_controller videobuf2_vmalloc snd_hda_codec videobuf2_memops videobuf2_core snd_hwdep videodev snd_seq snd_seq_device media snd_pcm acer_wmi iTCO_wdt iTCO_vendor_support iwlwifi snd_timer btusb microcode snd serio_raw bluetooth soundcore cfg80211 lpc_ich mfd_core i2c_i801 ideapad_laptop sparse_keymap rfkill mei_me mei nfsd auth_rpcgss nfs_acl lockd sunrpc binfmt_misc nouveau mxm_wmi i915 ttm i2c_algo_bit r8169 drm_kms_helper mii drm wmi i2c_core video',
	'CPU: 1 PID: 5189 Comm: X Not tainted 3.15.10-201.fc20.i686+PAE #1',
	'Hardware name: LENOVO HuronRiver Platform/Emerald Lake, BIOS 45CN47WW 02/15/2012',
	'task: ebb99a40 ti: ebc92000 task.ti: ebc92000',
	'EIP: 0060:[<c06ca742>] EFLAGS: 00003296 CPU: 1',
	'EIP is at ioread32+0x32/0x40',
	'EAX: ffffffff EBX: f2042780 ECX: 00000000 EDX: 00000000',
	'ESI: f6c423c0 EDI: 0061a804 EBP: ebc93c9c ESP: ebc93c74',
	' DS: 007b ES: 007b FS: 00d8 GS: 00e0 SS: 0068',
	'CR0: 80050033 CR2: 0920d0c4 CR3: 2dfd2000 CR4: 000407f0',
	'Stack:',
	' f8779b2d 77359400 0061a804 00000000 00000000 ffffffff ffffffff 00000800',
	' f6c423c0 0061a804 ebc93cd0 f8788f80 0061a804 80000000 00000000 f7e961ff',
	' 00000004 00000154 00000001 c0a0e6a0 f6c423c0 ebc93cec 00000001 ebc93ce0',
	'Call Trace:',
	' [<f8779b2d>] ? nouveau_timer_wait_eq+0x5d/0xc0 [nouveau]',
	' [<f8788f80>] nv50_dac_sense+0x60/0x140 [nouveau]',
	' [<f7e961ff>] ? __i2c_transfer+0x5f/0x210 [i2c_core]',
	' [<c0a0e6a0>] ? mutex_lock+0x10/0x28',
	' [<f878909a>] nv50_dac_mthd+0x3a/0x70 [nouveau]',
	' [<f8789060>] ? nv50_dac_sense+0x140/0x140 [nouveau]',
	' [<f87dc63c>] nv50_dac_detect+0x8c/0xb0 [nouveau]',
	' [<f87c8f92>] nouveau_connector_detect+0x332/0x3b0 [nouveau]',
	' [<f80664c2>] ? intel_display_power_put+0xe2/0x140 [i915]',
	' [<f80b0001>] ? vlv_get_colorkey+0x51/0x90 [i915]',
	' [<f7f0b740>] drm_helper_probe_single_connector_modes_merge_bits+0x260/0x380 [drm_kms_helper]',
	' [<f7f0b877>] drm_helper_probe_single_connector_modes+0x17/0x20 [drm_kms_helper]',
	' [<f7f4c3ad>] drm_mode_getconnector+0x2fd/0x380 [drm]',
	' [<f7f0b877>] ? drm_helper_probe_single_connector_modes+0x17/0x20 [drm_kms_helper]',
	' [<f7f4c344>] ? drm_mode_getconnector+0x294/0x380 [drm]',
	' [<f7f4c0b0>] ? drm_mode_getcrtc+0xc0/0xc0 [drm]',
	' [<f7f3f52f>] drm_ioctl+0x1cf/0x530 [drm]',
	' [<c06c3a16>] ? _copy_to_user+0x26/0x30',
	' [<f7f3f6f3>] ? drm_ioctl+0x393/0x530 [drm]',
	' [<c05b585d>] ? fsnotify_destroy_event+0x1d/0x20',
	' [<f7f4c0b0>] ? drm_mode_getcrtc+0xc0/0xc0 [drm]',
	' [<c05064a7>] ? blk_add_trace_bio.isra.10+0x37/0x70',
	' [<c07c5201>] ? __pm_runtime_resume+0x51/0x70',
	' [<c04c64a7>] ? each_symbol_section.part.7+0xd7/0x160',
	' [<f87b6ae1>] nouveau_drm_ioctl+0x51/0x80 [nouveau]',
	' [<f87b6a90>] ? nouveau_pmops_thaw+0x60/0x60 [nouveau]',
	' [<c058c62a>] do_vfs_ioctl+0x2ea/0x4b0',
	' [<c057d741>] ? __sb_end_write+0x31/0x70',
	' [<c057bc05>] ? vfs_write+0x155/0x1b0',
	' [<c058c850>] SyS_ioctl+0x60/0x90',
	' [<c04c64a7>] ? each_symbol_section.part.7+0xd7/0x160',
	' [<c04c64a7>] ? each_symbol_section.part.7+0xd7/0x160',
	' [<c0a1819f>] sysenter_do_call+0x12/0x12',
	' [<c04c64a7>] ? each_symbol_section.part.7+0xd7/0x160',
	' [<c04c64a7>] ? each_symbol_section.part.7+0xd7/0x160',
	'Code: 3d 00 00 01 00 76 0a 0f b7 d0 ed c3 90 8d 74 26 00 55 ba b3 eb be c0 89 e5 e8 0b ff ff ff b8 ff ff ff ff 5d c3 8d 74 26 00 8b 00 <c3> 8d b6 00 00 00 00 8d bc 27 00 00 00 00 81 fa ff ff 03 00 89'
];

/**
 * abrt-kernel-panic-oom.log lines 1-26: the end of an OOM report's task list (its header line
 * not in the log), the panic_on_oom panic and its trace
 */
export const ABRT_OOM_PANIC = [
	'[890563.635398] [ 1804]    89  1804    25638        3      50      276             0 qmgr',
	'[890563.635400] [ 2079]     0  2079    27509        1      10       32             0 agetty',
	'[890563.635402] [38910]   950 38910    28321        0      14       53             0 respawn.sh',
	'[890563.635404] [39971]   950 39971  1983637   542742    3389  1015908             0 webservice',
	'[890563.635407] [32384]    89 32384    25592       14      49      248             0 pickup',
	'[890563.635409] Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled',
	'',
	'[890563.635617] CPU: 0 PID: 35943 Comm: webservice Not tainted 3.10.0-327.28.2.el7.x86_64 #1',
	'[890563.635735] Hardware name: VMware, Inc. VMware Virtual Platform/440BX Desktop Reference Platform, BIOS 6.00 09/17/2015',
	'[890563.636662]  ffffffff81875018 0000000079c9dd5c ffff88008015ba80 ffffffff8163654b',
	'[890563.636690]  ffff88008015bb00 ffffffff8162fdda ffffffff00000010 ffff88008015bb10',
	'[890563.636717]  ffff88008015bab0 0000000079c9dd5c 000000000000000e ffffffff81878cf5',
	'[890563.636743] Call Trace:',
	'[890563.636754]  [<ffffffff8163654b>] dump_stack+0x19/0x1b',
	'[890563.636772]  [<ffffffff8162fdda>] panic+0xd8/0x1e7',
	'[890563.636789]  [<ffffffff8116d3b5>] check_panic_on_oom+0x55/0x60',
	'[890563.636808]  [<ffffffff8116d7ab>] out_of_memory+0x23b/0x4f0',
	'[890563.636828]  [<ffffffff81173c16>] __alloc_pages_nodemask+0xaa6/0xba0',
	'[890563.636850]  [<ffffffff811b7e8a>] alloc_pages_vma+0x9a/0x150',
	'[890563.636869]  [<ffffffff811a9c7b>] read_swap_cache_async+0xeb/0x160',
	'[890563.636891]  [<ffffffff811d4226>] ? mem_cgroup_update_page_stat+0x16/0x50',
	'[890563.636913]  [<ffffffff811a9d98>] swapin_readahead+0xa8/0x110',
	'[890563.636933]  [<ffffffff81197912>] handle_mm_fault+0xa42/0xf50',
	'[890563.636952]  [<ffffffff81642130>] __do_page_fault+0x150/0x450',
	'[890563.636971]  [<ffffffff81642453>] do_page_fault+0x23/0x80',
	'[890563.636988]  [<ffffffff8163e748>] page_fault+0x28/0x30'
];

/**
 * lkp-kasan-02.log lines 2-47 (intel/lkp-tests spec/fixtures/stats/dmesg/kasan-02: the kprobes
 * smoke test at boot of a 4.8.0-rc1 QEMU guest with KASAN): KASAN's `stack-out-of-bounds` in
 * setjmp_pre_handler through memcpy(), a jprobe's copy of the stack, with an ftrace trampoline's
 * unsymbolised frame in its trace
 */
export const LKP_KASAN02_JPROBE = [
	'[   14.658653] Kprobe smoke test: started',
	'[   14.930140] ==================================================================',
	'[   14.931149] BUG: KASAN: stack-out-of-bounds in setjmp_pre_handler+0x165/0x200 at addr ffff880012057cb8',
	'[   14.932396] Read of size 64 by task swapper/0/1',
	'[   14.933007] page:ffffea00004815c0 count:0 mapcount:0 mapping:          (null) index:0x0',
	'[   14.934089] flags: 0x0()',
	'[   14.934438] page dumped because: kasan: bad access detected',
	'[   14.935185] CPU: 1 PID: 1 Comm: swapper/0 Not tainted 4.8.0-rc1 #1',
	'[   14.936013] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
	'[   14.937186]  ffff880012057cb8 ffff8800120579f8 ffffffff81bd55c0 ffff880012057a88',
	'[   14.938311]  ffff880012057cb8 ffff880012057a78 ffffffff8149c571 ffff880012057ac0',
	'[   14.939370]  0000000000000046 ffff88001204c040 0000000000000086 1ffff1000240af51',
	'[   14.940426] Call Trace:',
	'[   14.940781]  [<ffffffff81bd55c0>] dump_stack+0x86/0xc6',
	'[   14.941472]  [<ffffffff8149c571>] kasan_report_error+0x2e1/0x490',
	'[   14.942277]  [<ffffffff8149cb58>] kasan_report+0x38/0x40',
	'[   14.943000]  [<ffffffff810a2e35>] ? setjmp_pre_handler+0x165/0x200',
	'[   14.943828]  [<ffffffff8149b473>] check_memory_region+0x183/0x190',
	'[   14.944645]  [<ffffffff8149b8c3>] memcpy+0x23/0x50',
	'[   14.945285]  [<ffffffff810a2e35>] setjmp_pre_handler+0x165/0x200',
	'[   14.946086]  [<ffffffff812dc2c1>] ? kprobe_target+0x1/0x20',
	'[   14.946826]  [<ffffffff810a3cc6>] kprobe_ftrace_handler+0x1e6/0x290',
	'[   14.947665]  [<ffffffff812dc2c5>] ? kprobe_target+0x5/0x20',
	'[   14.948401]  [<ffffffff8130dc96>] ftrace_ops_assist_func+0x286/0x310',
	'[   14.949252]  [<ffffffffa00000d5>] 0xffffffffa00000d5',
	'[   14.949921]  [<ffffffff812dc2c1>] ? kprobe_target+0x1/0x20',
	'[   14.950657]  [<ffffffff812dc2c5>] kprobe_target+0x5/0x20',
	'[   14.951367]  [<ffffffff812dc807>] init_test_probes+0x267/0x510',
	'[   14.952195]  [<ffffffff812dc2c5>] ? kprobe_target+0x5/0x20',
	'[   14.953009]  [<ffffffff812dc807>] ? init_test_probes+0x267/0x510',
	'[   14.953912]  [<ffffffff812dc5a0>] ? j_kprobe_target+0x40/0x40',
	'[   14.954703]  [<ffffffff83d33eb3>] init_kprobes+0x3b3/0x408',
	'[   14.955434]  [<ffffffff83d33b00>] ? debugfs_kprobe_init+0x10b/0x10b',
	'[   14.956283]  [<ffffffff811ff95d>] ? debug_mutex_init+0x2d/0x60',
	'[   14.957065]  [<ffffffff811fd822>] ? __mutex_init+0xe2/0xf0',
	'[   14.957805]  [<ffffffff81575a50>] ? fsnotify_alloc_group+0x1a0/0x220',
	'[   14.958654]  [<ffffffff83d33967>] ? audit_fsnotify_init+0x3a/0x3a',
	'[   14.959461]  [<ffffffff83d33b00>] ? debugfs_kprobe_init+0x10b/0x10b',
	'[   14.960301]  [<ffffffff81000589>] do_one_initcall+0x119/0x1e0',
	'[   14.961070]  [<ffffffff81000470>] ? initcall_blacklisted+0x140/0x140',
	'[   14.961942]  [<ffffffff83cf3a14>] kernel_init_freeable+0x417/0x4c5',
	'[   14.962927]  [<ffffffff82bb1953>] kernel_init+0x13/0x110',
	'[   14.963712]  [<ffffffff82bc570f>] ret_from_fork+0x1f/0x40',
	'[   14.964496]  [<ffffffff82bb1940>] ? rest_init+0x160/0x160',
	'[   14.965300] Memory state around the buggy address:',
	'[   14.966015]  ffff880012057b80: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00'
];
