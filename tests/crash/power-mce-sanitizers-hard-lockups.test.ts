/**
 * Crash reports of the real-log corpus that belong together: a POWER machine check's cause line
 * and its oops. Real logs are quoted verbatim with their names.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { analyzeLines } from '../support/analyze.ts';
import {
	ABRT_NMI_HARD_LOCKUP,
	KERNELOOPS_POWER5,
	SATYR01_RECURSIVE_LOCKUP
} from '../support/excerpts.ts';

// kerneloops-power5-with-machinecheck.log lines 62-73: the dying task's second machine check, in
// `.sync_buffer` (oprofile's exit notifier), with the firmware's error log, the cause line and
// what xmon prints on entry
const POWER5_SECOND_MACHINE_CHECK = [
	'RTAS: event: 5, Type: Unknown, Severity: 3',
	'Machine check in kernel mode.',
	'Caused by (from SRR1=8000000000101032): L2 data cache parity error',
	'cpu 0x1: Vector: 200 (Machine Check) at [c000000008c72df0]',
	'    pc: d0000000002dee68: .sync_buffer+0x19c/0x4c0 [oprofile]',
	'    lr: d0000000002dee4c: .sync_buffer+0x180/0x4c0 [oprofile]',
	'    sp: c000000008c73070',
	'   msr: 8000000000101032',
	'  current = 0xc000000033b12000',
	'  paca    = 0xc000000000625100',
	'    pid   = 28081, comm = scp',
	'enter ? for help'
];

function chains(r: AnalysisResult): string[][] {
	const rule = new Map(r.findings.map((f) => [f.id, f.rule]));
	return r.cascades.map((c) => c.chain.map((id) => rule.get(id)!));
}

describe("a POWER machine check's cause line", () => {
	it('is the cause of the machine-check oops, and no part of the report before it (kerneloops-power5-with-machinecheck)', async () => {
		const r = await analyzeLines([...KERNELOOPS_POWER5, ...POWER5_SECOND_MACHINE_CHECK]);
		expect(chains(r)).toEqual([
			['hardware.machine-check-powerpc', 'crash.oops', 'crash.atomic-sleep']
		]);
		expect(r.cascades[0].description).toBe(
			'CPU machine check: L2 data cache parity error → Oops: Machine check in unix_stream_recvmsg → BUG: sleeping function called from invalid context in __blocking_notifier_call_chain'
		);
		const mc = r.findings.find((f) => f.rule === 'hardware.machine-check-powerpc')!;
		expect(r.summary.root_cause).toBe(mc.id);
		expect(mc.details).toMatchObject({ error: 'L2 data cache parity error' });
		// the second machine check's lines had been read as the end of the atomic sleep's report,
		// and xmon's `pc:`/`lr:`/`sp:` as its registers
		const sleep = r.findings.find((f) => f.rule === 'crash.atomic-sleep')!;
		expect(sleep.last_seen.last_line).toBe(KERNELOOPS_POWER5.length);
		expect(sleep.evidence.map((e) => e.text).join('\n')).not.toContain('RTAS');
		expect(String(sleep.details.registers)).not.toContain('sync_buffer');
	});

	it('is the cause when printed right before the oops, as without a debugger', async () => {
		const r = await analyzeLines([
			...POWER5_SECOND_MACHINE_CHECK.slice(0, 3),
			...KERNELOOPS_POWER5
		]);
		expect(chains(r)).toEqual([
			['hardware.machine-check-powerpc', 'crash.oops', 'crash.atomic-sleep']
		]);
	});

	it('is not the cause of an oops that is no machine check', async () => {
		const r = await analyzeLines([
			...KERNELOOPS_POWER5.map((l) =>
				l.replace(
					'Oops: Machine check, sig: 7 [#1]',
					'Oops: Kernel access of bad area, sig: 11 [#1]'
				)
			),
			...POWER5_SECOND_MACHINE_CHECK
		]);
		expect(chains(r)).toEqual([['crash.oops', 'crash.atomic-sleep']]);
	});
});

// lkp-calltrace-dmesg-006.log lines 1-57 (4.7, i386): UBSAN's report between its two lines of `=`,
// then the boot goes on
const UBSAN_THEN_BOOT = [
	'[    0.540085] ================================================================================',
	'[    0.541051] UBSAN: Undefined behaviour in drivers/acpi/acpica/dsutils.c:641:16',
	"[    0.542040] index -1 is out of range for type 'acpi_operand_object *[9]'",
	'[    0.542780] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 4.7.0-rc2-00316-g0451490 #1',
	'[    0.543593] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
	'[    0.544556]  00000000 00200086 8ac6dc28 814015e0 00000001 8ac6dc4c ffffffff 8ac6dc38',
	'[    0.545522]  81453fce 8ac6dc38 81c38fcc 8ac6dc88 814544fb 8196e248 8ac6dc50 81c38fe4',
	'[    0.546493]  00200282 8100312d 81262f13 810ef937 8149d52f 00000002 d8415601 d8415605',
	'[    0.547455] Call Trace:',
	'[    0.547737]  [<814015e0>] dump_stack+0x78/0xb8',
	'[    0.548226]  [<81453fce>] ubsan_epilogue+0xe/0x40',
	'[    0.548746]  [<814544fb>] __ubsan_handle_out_of_bounds+0x6b/0x90',
	'[    0.549401]  [<8100312d>] ? update_vsyscall+0x24d/0x290',
	'[    0.549978]  [<81262f13>] ? cache_alloc_debugcheck_after+0x73/0x2d0',
	'[    0.550733]  [<810ef937>] ? debug_check_no_locks_freed+0x167/0x1d0',
	'[    0.551402]  [<8149d52f>] ? acpi_os_release_object+0x8/0xc',
	'[    0.552005]  [<810ef937>] ? debug_check_no_locks_freed+0x167/0x1d0',
	'[    0.552675]  [<8149d52f>] ? acpi_os_release_object+0x8/0xc',
	'[    0.553273]  [<814b002c>] acpi_ds_create_operand+0x20b/0x298',
	'[    0.553897]  [<814b01ad>] acpi_ds_create_operands+0xf4/0x139',
	'[    0.554514]  [<8149d52f>] ? acpi_os_release_object+0x8/0xc',
	'[    0.555113]  [<814d15c8>] ? acpi_ut_delete_generic_state+0x13/0x15',
	'[    0.555793]  [<814c7d16>] ? acpi_ps_pop_scope+0xb4/0x109',
	'[    0.556365]  [<814b077b>] acpi_ds_exec_end_op+0xe3/0x4b6',
	'[    0.557024]  [<814c6adf>] acpi_ps_parse_loop+0x618/0x68a',
	'[    0.557609]  [<814ce34d>] ? acpi_ut_remove_reference+0x25/0x28',
	'[    0.558247]  [<814ae2b3>] ? acpi_ds_call_control_method+0x12a/0x198',
	'[    0.558937]  [<814c7935>] acpi_ps_parse_aml+0x92/0x285',
	'[    0.559503]  [<814c835e>] acpi_ps_execute_method+0x1aa/0x1da',
	'[    0.560123]  [<814c154b>] acpi_ns_evaluate+0x1ee/0x269',
	'[    0.560687]  [<814c4cfb>] acpi_evaluate_object+0x105/0x1fb',
	'[    0.561283]  [<814a4cf8>] acpi_get_phys_id+0x32/0x195',
	'[    0.561844]  [<814a4f88>] acpi_get_cpuid+0xb/0x15',
	'[    0.562358]  [<81dd6b73>] early_init_pdc+0x81/0x95',
	'[    0.562892]  [<814c4932>] acpi_ns_walk_namespace+0xd9/0x1b5',
	'[    0.563505]  [<814c4b12>] acpi_walk_namespace+0x76/0xa0',
	'[    0.564075]  [<81dd6af2>] ? set_no_mwait+0x34/0x34',
	'[    0.564607]  [<81dd623e>] ? acpi_sleep_init+0x121/0x121',
	'[    0.565180]  [<81dd6baf>] acpi_early_processor_set_pdc+0x28/0x40',
	'[    0.565842]  [<81dd6af2>] ? set_no_mwait+0x34/0x34',
	'[    0.566364]  [<81dd6384>] acpi_init+0x146/0x273',
	'[    0.566876]  [<81dd623e>] ? acpi_sleep_init+0x121/0x121',
	'[    0.567453]  [<810005c5>] do_one_initcall+0x135/0x1f0',
	'[    0.568007]  [<81416380>] ? strchr+0x20/0x20',
	'[    0.568482]  [<81d96543>] ? repair_env_string+0x16/0x83',
	'[    0.569053]  [<81dd623e>] ? acpi_sleep_init+0x121/0x121',
	'[    0.569629]  [<810ad261>] ? parse_args+0x321/0x500',
	'[    0.570156]  [<81d97079>] kernel_init_freeable+0x1aa/0x261',
	'[    0.570766]  [<8177dedc>] kernel_init+0xc/0x120',
	'[    0.571264]  [<810c0eed>] ? schedule_tail+0xd/0xd0',
	'[    0.571802]  [<817892a2>] ret_from_kernel_thread+0xe/0x24',
	'[    0.572388]  [<8177ded0>] ? rest_init+0xb0/0xb0',
	'[    0.572895] ================================================================================',
	'[    0.574675] ACPI: Interpreter enabled',
	'[    0.575127] ACPI: (supports S0 S5)',
	'[    0.575519] ACPI: Using IOAPIC for interrupt routing',
	'[    0.576154] PCI: Using host bridge windows from ACPI; if necessary, use "pci=nocrs" and report a bug'
];

describe("a sanitizer's report", () => {
	it('ends at its closing line of = (lkp-calltrace-dmesg-006)', async () => {
		const r = await analyzeLines(UBSAN_THEN_BOOT);
		const [f] = r.findings.filter((x) => x.category === 'crash');
		expect(f.title).toBe('UBSAN: undefined-behaviour in acpi_ds_create_operand');
		// the header is line 2, the closing line 53; the boot messages after it had been its lines
		expect([f.first_line, f.last_seen.last_line]).toEqual([2, 53]);
		expect(f.evidence.map((e) => e.text).join('\n')).not.toContain('ACPI: Interpreter enabled');
	});

	it('still takes the panic right after its closing line (panic_on_warn)', async () => {
		const r = await analyzeLines([
			...UBSAN_THEN_BOOT.slice(0, 53),
			'[    0.572901] Disabling lock debugging due to kernel taint',
			'[    0.573012] Kernel panic - not syncing: panic_on_warn set ...',
			...UBSAN_THEN_BOOT.slice(53)
		]);
		const crashes = r.findings.filter((x) => x.category === 'crash');
		expect(crashes.map((c) => [c.title, c.details.panicked])).toEqual([
			['UBSAN: undefined-behaviour in acpi_ds_create_operand', true]
		]);
	});
});

describe('a hard lockup', () => {
	it('is titled by the frame the NMI interrupted, printed after <<EOE>> (abrt-nmi-oops-hash)', async () => {
		const r = await analyzeLines(ABRT_NMI_HARD_LOCKUP);
		const [f] = r.findings.filter((x) => x.category === 'crash');
		// `tick_nohz_idle_exit` had been named: the caller of the function the CPU was spinning in
		expect(f.title).toBe('watchdog: hard LOCKUP in account_idle_ticks');
		expect(f.details.corrupted).toBe(false);
		expect(f.details.called_from).toEqual(['tick_nohz_idle_exit']);
	});

	it('still does not read an unsure (?) frame after <<EOE>> unless nothing else names it', async () => {
		const r = await analyzeLines(
			ABRT_NMI_HARD_LOCKUP.map((l) =>
				l.replace('<<EOE>>  [<ffffffff810944f0>] ', '<<EOE>>  [<ffffffff810944f0>] ? ')
			)
		);
		const [f] = r.findings.filter((x) => x.category === 'crash');
		expect(f.title).toBe('watchdog: hard LOCKUP in tick_nohz_idle_exit');
	});
});

// lkp-49.log lines 1-62 (4.8): init dies of a segfault, the kernel panics, and panic()'s
// bust_spinlocks() unblanks the console, whose framebuffer driver (uvesafb) WARNs
const PANIC_THEN_WARN = [
	'[  834.411251] init[1]: segfault at ffffffffff600400 ip ffffffffff600400 sp 00007fff59f7caa8 error 15',
	'[  834.441532] init[1] vsyscall attempted with vsyscall=none ip:ffffffffff600400 cs:33 sp:7fff59f7c0b8 ax:ffffffffff600400 si:7f8ed260aa4c di:7fff59f7c178',
	'[  834.461448] init[1]: segfault at ffffffffff600400 ip ffffffffff600400 sp 00007fff59f7c0b8 error 15',
	'[  834.521552] Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b',
	'[  834.521552] ',
	'[  834.542675] CPU: 0 PID: 1 Comm: init Not tainted 4.8.0-rc1 #111',
	'[  834.547258] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
	'[  834.565462]  ffff88000c3f6078 ffff88000c3efbc0 ffffffff81ef3b9d 0000000000000000',
	'[  834.584636]  ffffffff84e46dd8 ffff88000c3efc40 ffffffff813ba116 ffff880000000010',
	'[  834.603550]  ffff88000c3efc50 ffff88000c3efbe8 ffff88000c3e5330 000000000000000b',
	'[  834.623817] Call Trace:',
	'[  834.628315]  [<ffffffff81ef3b9d>] dump_stack+0xa9/0xec',
	'[  834.643456]  [<ffffffff813ba116>] panic+0x142/0x35c',
	'[  834.648594]  [<ffffffff811e318f>] ? do_exit+0x1cbf/0x1d00',
	'[  834.664160]  [<ffffffff811e31c6>] do_exit+0x1cf6/0x1d00',
	'[  834.669418]  [<ffffffff811e32f3>] do_group_exit+0xb3/0x200',
	'[  834.684625]  [<ffffffff811f9506>] get_signal+0xb66/0xfa0',
	'[  834.690038]  [<ffffffff810e9340>] do_signal+0x30/0x570',
	'[  834.705082]  [<ffffffff8135483e>] ? ftrace_likely_update+0x2e/0x40',
	'[  834.710135]  [<ffffffff81002c7f>] exit_to_usermode_loop+0x10f/0x1e0',
	'[  834.725132]  [<ffffffff81003896>] prepare_exit_to_usermode+0xc6/0xd0',
	'[  834.730191]  [<ffffffff845c542f>] retint_user+0x8/0x10',
	'[  834.744804] Kernel Offset: disabled',
	'[  834.749190] ------------[ cut here ]------------',
	'[  834.763284] WARNING: CPU: 0 PID: 1 at kernel/softirq.c:150 __local_bh_enable_ip+0x180/0x1c0',
	'[  834.783198] CPU: 0 PID: 1 Comm: init Not tainted 4.8.0-rc1 #111',
	'[  834.796540] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
	'[  834.812814]  ffffffff811e4bc0 ffff88000c3ef888 ffffffff81ef3b9d 0000000000000000',
	'[  834.825212]  0000000000000000 ffff88000c3ef8d0 ffffffff811d951a ffff88000c3e4c80',
	'[  834.852035]  00000096088e8cc0 0000000000000201 0000000000000001 ffff88000c30fda8',
	'[  834.870696] Call Trace:',
	'[  834.874652]  [<ffffffff811e4bc0>] ? __local_bh_enable_ip+0x180/0x1c0',
	'[  834.880695]  [<ffffffff81ef3b9d>] dump_stack+0xa9/0xec',
	'[  834.885655]  [<ffffffff811d951a>] __warn+0x17a/0x1b0',
	'[  834.890078]  [<ffffffff811d965d>] warn_slowpath_null+0x2d/0x40',
	'[  834.905248]  [<ffffffff811e4bc0>] __local_bh_enable_ip+0x180/0x1c0',
	'[  834.910096]  [<ffffffff845c42db>] _raw_spin_unlock_bh+0x3b/0x50',
	'[  834.934194]  [<ffffffff827942fe>] cn_netlink_send_mult+0x1de/0x340',
	'[  834.939293]  [<ffffffff827944a2>] cn_netlink_send+0x42/0x60',
	'[  834.946362]  [<ffffffff820ebe89>] uvesafb_exec+0x279/0x4b0',
	'[  834.961618]  [<ffffffff820ebbc0>] ? uvesafb_prep+0x70/0xc0',
	'[  834.973313]  [<ffffffff820ec2f3>] uvesafb_blank+0x233/0x2c0',
	'[  834.978474]  [<ffffffff8201cb54>] fb_blank+0x94/0x120',
	'[  834.987476]  [<ffffffff81ffeb38>] fbcon_blank+0x4f8/0x660',
	'[  835.002109]  [<ffffffff812b1866>] ? internal_add_timer+0x106/0x120',
	'[  835.006902]  [<ffffffff812b2a8a>] ? mod_timer+0x31a/0x680',
	'[  835.021713]  [<ffffffff82253bc0>] do_unblank_screen+0x1e0/0x410',
	'[  835.026296]  [<ffffffff82253e08>] unblank_screen+0x18/0x30',
	'[  835.030520]  [<ffffffff81f156e2>] bust_spinlocks+0x32/0x80',
	'[  835.044804]  [<ffffffff813ba1b8>] panic+0x1e4/0x35c',
	'[  835.048661]  [<ffffffff811e318f>] ? do_exit+0x1cbf/0x1d00',
	'[  835.062527]  [<ffffffff811e31c6>] do_exit+0x1cf6/0x1d00',
	'[  835.066238]  [<ffffffff811e32f3>] do_group_exit+0xb3/0x200',
	'[  835.070008]  [<ffffffff811f9506>] get_signal+0xb66/0xfa0',
	'[  835.083750]  [<ffffffff810e9340>] do_signal+0x30/0x570',
	'[  835.087274]  [<ffffffff8135483e>] ? ftrace_likely_update+0x2e/0x40',
	'[  835.100826]  [<ffffffff81002c7f>] exit_to_usermode_loop+0x10f/0x1e0',
	'[  835.104733]  [<ffffffff81003896>] prepare_exit_to_usermode+0xc6/0xd0',
	'[  835.108696]  [<ffffffff845c542f>] retint_user+0x8/0x10',
	'[  835.122328] ---[ end trace 9bd52e0b10ddc482 ]---',
	'[  836.278657] udevd invoked oom-killer: gfp_mask=0x24200ca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=-1000',
	''
];

describe('a report printed by panic() itself', () => {
	it('is the consequence of the panic (lkp-49)', async () => {
		const r = await analyzeLines(PANIC_THEN_WARN);
		expect(chains(r)).toEqual([['userspace.segfault', 'crash.init-died', 'crash.warning']]);
		expect(r.cascades[0].description).toBe(
			'Segfault in init, the init process (PID 1) → kernel panic: Attempted to kill init! → WARNING in cn_netlink_send_mult'
		);
		// a side effect of going down: low, and its meaning says so
		const warn = r.findings.find((f) => f.rule === 'crash.warning')!;
		expect(warn.severity).toBe('low');
		expect(warn.explanation.meaning).toContain(
			'Here it was printed by the panic itself (its trace runs through `panic`'
		);
	});

	it('is not linked when its trace does not run through panic()', async () => {
		const r = await analyzeLines(PANIC_THEN_WARN.filter((l) => !l.includes('] panic+0x')));
		expect(chains(r)).toEqual([['userspace.segfault', 'crash.init-died']]);
		const warn = r.findings.find((f) => f.rule === 'crash.warning')!;
		expect(warn.severity).toBe('medium');
		expect(warn.explanation.meaning).not.toContain('printed by the panic itself');
	});
});

describe("lockdep's possible deadlock, then the deadlock", () => {
	it('links the spinlock lockup of the same task and function to it (satyr-gitlog-01)', async () => {
		const r = await analyzeLines(SATYR01_RECURSIVE_LOCKUP);
		expect(chains(r)).toEqual([['crash.lockdep', 'crash.spinlock']]);
		expect(r.cascades[0].description).toBe(
			'possible deadlock in mxs_mmc_enable_sdio_irq → BUG: spinlock lockup suspected in mxs_mmc_enable_sdio_irq'
		);
	});

	it("does not link another task's lockup", async () => {
		const other = SATYR01_RECURSIVE_LOCKUP.map((l) =>
			l.replace(
				'spinlock lockup suspected on CPU#0, ksdioirqd/mmc0/73',
				'spinlock lockup suspected on CPU#0, ksdioirqd/mmc1/74'
			)
		);
		expect(chains(await analyzeLines(other))).toEqual([]);
	});
});
