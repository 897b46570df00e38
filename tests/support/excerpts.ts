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
