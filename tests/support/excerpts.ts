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
