/**
 * SLUB's other checks, s390 NULL dereferences, and findings of the real-log corpus whose title,
 * guilty frame or trace was wrong. Real logs are quoted verbatim with their names; reports no log
 * of either corpus holds were written from the kernel's own format strings (the kernel version is
 * named for each).
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, crashesOf } from '../support/analyze.ts';
import {
	KERNELOOPS_DOUBLE_FAULT,
	KERNELOOPS_POWER5,
	KERNELOOPS_SPINLOCK_LOCKUP
} from '../support/excerpts.ts';

// written from mm/slub.c of 4.19 (slab_bug(), slab_err(), object_err(), print_trailer() and
// print_track() with `INFO: `, dump_stack()): the checks other than poison and red zone name no
// track of their own, so the function whose allocation or free ran the check names the report
describe('SLUB checks other than poison and red zone', () => {
	const TRAILER = [
		'[  112.530411] INFO: Slab 0x00000000a2c3e1f7 objects=21 used=21 fp=0x          (null) flags=0x4000000000010200',
		'[  112.531120] INFO: Object 0x00000000d9f0c2a1 @offset=1152 fp=0x00000000000000c3',
		'[  112.531802] CPU: 1 PID: 2211 Comm: modprobe Tainted: G    B      O      4.19.0 #1',
		'[  112.532367] Call Trace:',
		'[  112.532581]  dump_stack+0x5c/0x7b',
		'[  112.532877]  print_trailer+0x16a/0x180',
		'[  112.533201]  check_object+0x1c6/0x2a0',
		'[  112.533520]  free_debug_processing+0x11b/0x2a0',
		'[  112.533891]  __slab_free+0x1f1/0x3b0',
		'[  112.534197]  kfree+0x1b6/0x1d0',
		'[  112.534470]  ring_release+0x21/0x40 [ringbuf]',
		'[  112.534840]  __x64_sys_delete_module+0x16c/0x260',
		'[  112.535215]  do_syscall_64+0x5b/0x160',
		'[  112.535533]  entry_SYSCALL_64_after_hwframe+0x44/0xa9'
	];
	const report = (what: string) => [
		'[  112.528321] =============================================================================',
		`[  112.529012] BUG kmalloc-64 (Tainted: G    B      O     ): ${what}`,
		'[  112.529680] -----------------------------------------------------------------------------',
		'[  112.529680] ',
		...TRAILER
	];

	it('names a corrupt free pointer by the function that freed the object, not by its cache', async () => {
		const [f] = await crashesOf(report('Freepointer corrupt'));
		expect([f.rule, f.title, f.stack!.guilty_frame]).toEqual([
			'crash.slab',
			'SLUB: Freepointer corrupt in ring_release',
			'ring_release'
		]);
	});

	it("leaves the check's addresses and counts out of the title", async () => {
		const titles = await Promise.all(
			[
				'Padding overwritten. 0x00000000b0f1a6d2-0x00000000b7c8e0e4 @offset=3968',
				'Invalid object pointer 0x00000000d9f0c2a1',
				'Wrong object count. Counter is 20 but counted were 21'
			].map(async (w) => (await crashesOf(report(w)))[0].title)
		);
		expect(titles).toEqual([
			'SLUB: Padding overwritten in ring_release',
			'SLUB: Invalid object pointer in ring_release',
			'SLUB: Wrong object count in ring_release'
		]);
	});

	it('names a check without a call trace by the check alone', async () => {
		const [f] = await crashesOf(report('Freepointer corrupt').slice(0, 6));
		expect(f.title).toBe('SLUB: Freepointer corrupt');
	});

	it("is syzkaller's `BUG: Object already free` in any cache", async () => {
		const [f] = await crashesOf(
			report('Object already free').map((l) => l.replace('kmalloc-64', 'dentry'))
		);
		expect([f.title, f.details.type]).toEqual(['BUG: Object already free', 'DoS']);
	});
});

// written from arch/s390/mm/fault.c of 6.6 (do_no_context(), dump_fault_info(): the failing page,
// then the TEID) and of 2.6.32 (the address printed with %p, `(null)` for 0), die() and
// show_registers(): a fault in the first page is a NULL pointer dereference, as on x86 and arm64
describe('s390 faults at address 0', () => {
	const oops = (fault: string[]) => [
		...fault,
		'[  351.207452] Oops: 0004 ilc:3 [#1] SMP ',
		'[  351.207475] CPU: 1 PID: 2317 Comm: ip Not tainted 6.6.0 #1',
		'[  351.207482] Krnl PSW : 0704c00180000000 000003ff800a4b7e (qeth_l2_set_rx_mode+0x3e/0x1c8 [qeth_l2])',
		'[  351.207512]            R:0 T:1 IO:1 EX:1 Key:0 M:1 W:0 P:0 AS:3 CC:0 PM:0 RI:0 EA:3',
		'[  351.207552] Call Trace:',
		'[  351.207555]  [<000003ff800a4b7e>] qeth_l2_set_rx_mode+0x3e/0x1c8 [qeth_l2] ',
		'[  351.207562]  [<0000000000c3b7a4>] __dev_set_rx_mode+0x6c/0xb8 ',
		'[  351.207568]  [<0000000000c3b830>] dev_set_rx_mode+0x40/0x58 ',
		'[  351.207572]  [<0000000000c40d1e>] __dev_open+0x10e/0x1a0 ',
		'[  351.207577]  [<0000000000c4135a>] __dev_change_flags+0x1ca/0x238 ',
		'[  351.207582]  [<0000000000c41402>] dev_change_flags+0x3a/0x78 ',
		'[  351.207633]  [<0000000000df9c30>] system_call+0x70/0x98 '
	];
	const failing = (addr: string, space = 'kernel pointer dereference in virtual kernel') => [
		`[  351.207410] Unable to handle ${space} address space`,
		`[  351.207418] Failing address: ${addr} TEID: ${addr.slice(0, 13)}483`,
		'[  351.207421] Fault in home space mode while using kernel ASCE.'
	];
	const title = async (lines: string[]) => {
		const [f] = await crashesOf(oops(lines));
		return [f.rule, f.title, f.details.type];
	};

	it('names a fault in the first page a NULL pointer dereference', async () => {
		expect(await title(failing('0000000000000000'))).toEqual([
			'crash.null-deref',
			'BUG: unable to handle kernel NULL pointer dereference in qeth_l2_set_rx_mode',
			'NULL-POINTER-DEREFERENCE'
		]);
		expect(
			await title(failing('0000000000000000', 'kernel paging request in virtual user'))
		).toEqual([
			'crash.null-deref',
			'BUG: unable to handle kernel NULL pointer dereference in qeth_l2_set_rx_mode',
			'NULL-POINTER-DEREFERENCE'
		]);
	});

	it('keeps any other failing address a paging request', async () => {
		expect(await title(failing('000003ff800a4000'))).toEqual([
			'crash.paging-fault',
			'BUG: unable to handle kernel paging request in qeth_l2_set_rx_mode',
			'MEMORY_SAFETY_BUG'
		]);
	});

	it('reads the address of kernels before 3.x from the line itself', async () => {
		const old = (addr: string) => [
			`[  351.207410] Unable to handle kernel pointer dereference at virtual kernel address ${addr}`
		];
		expect(await title(old('(null)'))).toEqual([
			'crash.null-deref',
			'BUG: unable to handle kernel NULL pointer dereference in qeth_l2_set_rx_mode',
			'NULL-POINTER-DEREFERENCE'
		]);
		expect(await title(old('0000000080001000'))).toEqual([
			'crash.paging-fault',
			'BUG: unable to handle kernel paging request in qeth_l2_set_rx_mode',
			'MEMORY_SAFETY_BUG'
		]);
	});
});

// kerneloops-i386-oops-with-end-marker.log lines 2-43 (2.6.24-rc5, x86-64): a double fault, then
// the dying task spins on a lock in taskstats_exit() from do_exit() and die()
const DOUBLE_FAULT = [
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

describe('an oops, then the sleep of its task on its way out', () => {
	it('links a spinlock lockup on the way out to the oops (kerneloops-i386-oops-with-end-marker)', async () => {
		const r = await analyzeLines(DOUBLE_FAULT);
		expect(r.cascades.map((c) => c.description)).toEqual([
			'PANIC: double fault in search_extable → BUG: spinlock lockup in taskstats_exit'
		]);
	});

	it('links the atomic sleep to the oops as its consequence (kerneloops-power5-with-machinecheck)', async () => {
		const r = await analyzeLines(KERNELOOPS_POWER5);
		const rule = new Map(r.findings.map((f) => [f.id, f.rule]));
		expect(r.cascades.map((c) => c.chain.map((id) => rule.get(id)))).toEqual([
			['crash.oops', 'crash.atomic-sleep']
		]);
		expect(r.cascades[0].description).toBe(
			'Oops: Machine check in unix_stream_recvmsg → BUG: sleeping function called from invalid context in __blocking_notifier_call_chain'
		);
		expect(r.summary.root_cause).toBe(r.cascades[0].chain[0]);
	});

	it('does not link an atomic sleep whose trace is not the oops path', async () => {
		const r = await analyzeLines(
			KERNELOOPS_POWER5.filter((l) => !/\.die\+|machine_check_(?:exception|common)/.test(l))
		);
		expect(r.cascades).toEqual([]);
	});
});

describe('a report the log ends before its call trace', () => {
	it('is cut short when the log ends on its header line (lkp-80, lkp-42)', async () => {
		// lkp-80.log, the whole log
		const [f] = await crashesOf([
			'[  185.681694] watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [trinity-c0:6886]'
		]);
		expect([f.title, f.details.corrupted, f.details.cut_short]).toEqual([
			'BUG: soft lockup in corrupted',
			true,
			true
		]);
		// lkp-42.log lines 68-71 (the log's end): the first oops ended, a second one begins
		const g = await crashesOf([
			'[    0.545141] RIP  [<ffffffff810af776>] find_busiest_group+0xc6/0x8a0',
			'[    0.545710]  RSP <ffff880073d174e8>',
			'[    0.546021] ---[ end trace 9e67a5c067482902 ]---',
			'[    0.546024] general protection fault: 0000 [#2] SMP DEBUG_PAGEALLOC'
		]);
		expect(g.at(-1)!.details.cut_short).toBe(true);
	});

	it('is not when the report needs no trace, or lost its start instead (lkp-74)', async () => {
		// lkp-74.log lines 6-8: the panic of an oops whose header the log lost
		const [f] = await crashesOf([
			'[    0.047867 ][    T0 ] CR0: 80050033 CR2: 20534847 CR3: 039b7000 CR4: 00040690',
			'[    0.048509 ][    T0 ] Kernel panic - not syncing: Fatal exception',
			'[    0.049111 ][    T0 ] ---[ end Kernel panic - not syncing: Fatal exception ]---'
		]);
		expect([f.title, f.details.corrupted, f.details.cut_short]).toEqual([
			'kernel panic: Fatal exception',
			true,
			undefined
		]);
		// satyr-gitlog-23.log lines 1-7, a lockdep report without a trace of its own
		const [g] = await crashesOf([
			'[  130.891594] ================================================',
			'[  130.894569] [ BUG: lock held when returning to user space! ]',
			'[  130.897257] 3.4.0-rc5-next-20120501-sasha #104 Tainted: G        W',
			'[  130.900336] ------------------------------------------------',
			'[  130.902996] trinity/8384 is leaving the kernel with locks still held!',
			'[  130.906106] 1 lock held by trinity/8384:',
			'[  130.907924]  #0:  (sk_lock-AF_INET){+.+.+.}, at: [<ffffffff82b9503f>] l2tp_ip_sendmsg+0x2f/0x550'
		]);
		expect(g.details.cut_short).toBeUndefined();
	});
});
