import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { normalizeTitle } from '../../src/lib/analysis/crash/normalize.ts';
import { LKP72_LEAK_THEN_ATOMIC, NMI_PANIC } from '../support/excerpts.ts';

/**
 * Crash-report defects found on real logs (the real-log corpus, ../shared/corpus/real), with
 * short verbatim excerpts: satyr-rhbz-1040900-s390x-1.log and -2.log (s390x).
 */
async function crashes(lines: string[]) {
	const r = await analyzeText(lines.join('\n'));
	return r.findings.filter((f) => f.category === 'crash');
}

/** satyr-rhbz-1040900-s390x-2.log lines 1-31 (register and code lines and most frames left out) */
const S390_BUG = [
	'kernel BUG at drivers/scsi/scsi_lib.c:660!',
	'illegal operation: 0001 [#1] SMP',
	'Modules linked in: foo blah',
	'CPU: 0 PID: 10721 Comm: systemd-udevd Not tainted 3.69.69-69.0.fit.s390x #1',
	'task: 000000006d639110 ti: 000000006ef48000 task.ti: 000000006ef48000',
	'Krnl PSW : 0404c00180000000 0000000000431f8e (scsi_alloc_sgtable+0x62/0x7c)',
	'           R:0 T:1 IO:0 EX:0 Key:0 M:1 W:0 P:0 AS:3 CC:0 PM:0 EA:3',
	'Call Trace:',
	'([<00000000027f8000>] 0x27f8000)',
	' [<0000000000432114>] scsi_init_io+0xdc/0x184',
	' [<000003ff808bd352>] sd_prep_fn+0xfa/0xd1c [sd_mod]',
	' [<00000000003813e4>] blk_peek_request+0xfc/0x25c',
	' [<0000004e15e926dc>] 0x4e15e926dc',
	'Last Breaking-Event-Address:',
	' [<0000000000431f8a>] scsi_alloc_sgtable+0x5e/0x7c'
];

/** satyr-rhbz-1040900-s390x-1.log lines 4-31 (registers, code and most modules left out) */
const S390_WARNING = [
	'[16164.389575] WARNING: at /tmp/will_oops.VBwBJthHLD/will_oops.c:11',
	'[16164.389576] Modules linked in: will_oops(OF+) sg qeth_l2 vmur nfsd',
	'[16164.389606] CPU: 0 PID: 32037 Comm: insmod Tainted: GF          O--------------   3.10.0-54.0.1.el7.s390x #1',
	'[16164.389614] Krnl PSW : 0704f00180000000 000003ff8086d03a (will_oops_init+0x3a/0x1000 [will_oops])',
	'[16164.389625]            R:0 T:1 IO:1 EX:1 Key:0 M:1 W:0 P:0 AS:3 CC:3 PM:0 EA:3',
	'[16164.398666] Call Trace:',
	'[16164.398670] ([<000003ff8086d036>] will_oops_init+0x36/0x1000 [will_oops])',
	'[16164.398685]  [<000000000010014e>] do_one_initcall+0xce/0x160',
	'[16164.398692]  [<00000000001ab224>] load_module+0x1414/0x19f4',
	'[16164.398699]  [<00000000001ab9b2>] SyS_finit_module+0x8e/0xc4',
	'[16164.400545]  [<00000000005db6f4>] sysc_tracego+0x14/0x1a',
	'[16164.400552]  [<000003fffd4a1d92>] 0x3fffd4a1d92',
	'[16164.400586] Last Breaking-Event-Address:',
	'[16164.400588]  [<000003ff8086d036>] will_oops_init+0x36/0x1000 [will_oops]',
	'[16164.400600] ---[ end trace 4e37b1eb61ae9844 ]---'
];

describe('crash reports of lkp and satyr logs', () => {
	it('s390: the guilty frame is the function of the Krnl PSW line', async () => {
		const c = await crashes(S390_BUG);
		expect(c).toHaveLength(1);
		expect(c[0].title).toBe('kernel BUG in scsi_alloc_sgtable');
		expect(c[0].stack?.guilty_frame).toBe('scsi_alloc_sgtable');
		expect(c[0].stack?.fault_location).toBe('scsi_alloc_sgtable+0x62/0x7c');
		const w = await crashes(S390_WARNING);
		expect(w).toHaveLength(1);
		expect(w[0].title).toBe('WARNING in will_oops_init');
		expect(w[0].details.called_from).toEqual(['do_one_initcall']);
	});

	it('s390: the call trace ends at Last Breaking-Event-Address', async () => {
		const c = await crashes(S390_BUG);
		const names = c[0].stack?.frames.map((f) => f.function);
		// the guilty function of `Krnl PSW` on top (stack.ts withFaultFrame), then the trace
		expect(names).toEqual(['scsi_alloc_sgtable', 'scsi_init_io', 'sd_prep_fn', 'blk_peek_request']);
		const w = await crashes(S390_WARNING);
		expect(w[0].stack?.frames.map((f) => f.function)).toEqual([
			'will_oops_init',
			'do_one_initcall',
			'load_module',
			'SyS_finit_module',
			'sysc_tracego'
		]);
	});
});

/** lkp-13.log lines 3-15 (modules and stack words shortened) */
const OOPS_AFTER_END = [
	'[   17.708265] ------------[ cut here ]------------',
	'[   17.709231] WARNING: CPU: 1 PID: 356 at kernel/sched/core.c:7497 __might_sleep+0x75/0x80()',
	'[   17.709231] do not call blocking ops when !TASK_RUNNING; state=f8aa4800 set at [<ffffffff810b7cb5>] finish_wait+0x5/0x70',
	'[   17.709231] Modules linked in: test_firmware rpcsec_gss_krb5 auth_rpcgss nfsv4',
	'[   17.709231] CPU: 1 PID: 356 Comm: cat-kmsg Not tainted 4.3.0 #1',
	'[   17.709231] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
	'[   17.709231]  ffffffff81b94a88 ffff88000cffea30 ffffffff81404043 ffff88000cffea78',
	'[   17.709231] Call Trace:',
	'[   17.709231]  <UNK> ',
	'[   17.709231] ---[ end trace 322af61ac3977ce8 ]---',
	'[   17.709231] invalid opcode: 0000 [#1] SMP '
];

describe('reports after an end marker', () => {
	it('an invalid opcode after a WARNING’s end marker is an oops of its own', async () => {
		const r = await analyzeText(OOPS_AFTER_END.join('\n'));
		const c = r.findings.filter((f) => f.category === 'crash');
		expect(c.map((f) => [f.rule, f.first_line, f.last_line])).toEqual([
			['crash.warning', 2, 10],
			['crash.trap', 11, 11]
		]);
		expect(c[1].title).toBe('invalid opcode in corrupted');
		expect(r.summary.verdict).toBe('kernel-crash');
	});
});

/** lkp-57.log lines 33-35 and crash-dmesg-vmcore-dmesg-txt.log lines 3281-3283 */
const HUNG_NOT_TAINTED = [
	'[  246.602311] INFO: task rcu_perf_writer:48 blocked for more than 120 seconds.',
	'[  246.603656]       Not tainted 4.8.0-rc1 #1',
	'[  246.604354] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.'
];
const HUNG_TAINTED = [
	'<3>INFO: task CPU 0/KVM:8543 blocked for more than 120 seconds.',
	'<3>      Tainted: G           --L------------    2.6.32-642.el6.x86_64 #1',
	'<3>"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.'
];

describe('the hung-task taint line', () => {
	it('gives the kernel version (and no taint) when it says Not tainted', async () => {
		const r = await analyzeText(HUNG_NOT_TAINTED.join('\n'));
		expect(r.metadata.kernel_version).toBe('4.8.0-rc1');
		expect(r.metadata.taint).toBeNull();
		const c = r.findings.filter((f) => f.category === 'crash');
		expect(c[0].details.kernel_version).toBe('4.8.0-rc1');
		expect(c[0].details.taint).toBeNull();
	});

	it('gives the kernel version and taint when it says Tainted', async () => {
		const r = await analyzeText(HUNG_TAINTED.join('\n'));
		expect(r.metadata.kernel_version).toBe('2.6.32-642.el6.x86_64');
		expect(r.metadata.taint?.raw).toBe('G           --L------------');
		expect(r.metadata.taint?.flags.map((f) => f.letter)).toEqual(['L']);
		const c = r.findings.filter((f) => f.category === 'crash');
		expect(c[0].details.kernel_version).toBe('2.6.32-642.el6.x86_64');
		expect(c[0].details.taint_flags).toEqual(['L (SOFTLOCKUP): a soft lockup occurred earlier']);
	});
});

/** lkp-72.log lines 1-9 */
const WORKQUEUE_LEAK = LKP72_LEAK_THEN_ATOMIC.slice(0, 9);
/** abrt-oops-recursive-locking1.log lines 1-9 */
const RECURSIVE_LOCKING = [
	'[   28.557007] =============================================',
	'[   28.557007] [ INFO: possible recursive locking detected ]',
	'[   28.557007] 3.1.0-0.rc0.git19.1.fc17.x86_64 #1',
	'[   28.557007] ---------------------------------------------',
	'[   28.557007] modprobe/684 is trying to acquire lock:',
	'[   28.557007]  (&hdl->lock){+.+...}, at: [<ffffffffa02919ba>] find_ref_lock+0x24/0x46 [videodev]',
	'[   28.557007]',
	'[   28.557007] but task is already holding lock:',
	'[   28.557007]  (&hdl->lock){+.+...}, at: [<ffffffffa029380f>] v4l2_ctrl_add_handler+0x49/0x97 [videodev]'
];
/** satyr-gitlog-23.log lines 1-7 */
const LOCK_HELD_RETURNING = [
	'[  130.891594] ================================================',
	'[  130.894569] [ BUG: lock held when returning to user space! ]',
	'[  130.897257] 3.4.0-rc5-next-20120501-sasha #104 Tainted: G        W',
	'[  130.900336] ------------------------------------------------',
	'[  130.902996] trinity/8384 is leaving the kernel with locks still held!',
	'[  130.906106] 1 lock held by trinity/8384:',
	'[  130.907924]  #0:  (sk_lock-AF_INET){+.+.+.}, at: [<ffffffff82b9503f>] l2tp_ip_sendmsg+0x2f/0x550'
];

describe('titles that name their function', () => {
	it('give that function as the guilty frame (lockdep, workqueue)', async () => {
		const cases: Array<[string[], string, string]> = [
			[
				WORKQUEUE_LEAK,
				'BUG: workqueue leaked lock or atomic in stress_inorder_work',
				'stress_inorder_work'
			],
			[RECURSIVE_LOCKING, 'possible deadlock in find_ref_lock', 'find_ref_lock'],
			[
				LOCK_HELD_RETURNING,
				'BUG: lock held when returning to user space in l2tp_ip_sendmsg',
				'l2tp_ip_sendmsg'
			]
		];
		for (const [lines, title, frame] of cases) {
			const c = await crashes(lines);
			expect(c[0].title).toBe(title);
			expect(c[0].stack?.guilty_frame).toBe(frame);
		}
	});

	// no real log of the corpus has a stack-protector panic: a made-up line of that shape
	it('gives the function of a stack-protector panic as the guilty frame', async () => {
		const c = await crashes([
			'Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: foo_ioctl+0x1a2/0x1b0'
		]);
		expect(c[0].title).toBe('kernel panic: stack is corrupted in foo_ioctl');
		expect(c[0].stack?.guilty_frame).toBe('foo_ioctl');
	});
});

/** lkp-24.log lines 4-20 (stack words left out) */
const INVALID_SUBCLASS = [
	'[   22.740146] BUG: looking up invalid subclass: 4294967295',
	'[   22.740885] turning off the locking correctness validator.',
	'[   22.741645] CPU: 1 PID: 411 Comm: trinity-main Not tainted 4.8.0-rc1 #117',
	'[   22.745847] Call Trace:',
	'[   22.746255]  [<cadec3f0>] dump_stack+0x58/0x72',
	'[   22.746983]  [<caca41e8>] register_lock_class+0x7b/0x3d2',
	'[   22.747885]  [<cb2cb70a>] ? sock_destroy_inode+0x23/0x26',
	'[   22.748800]  [<caca531f>] __lock_acquire+0x84/0x6c4',
	'[   22.749433]  [<caca5c36>] lock_acquire+0x57/0x75',
	'[   22.749893]  [<cb3be762>] ? hashbin_delete+0x6e/0xca',
	'[   22.750582]  [<cb49e42c>] _raw_spin_lock_irqsave_nested+0x34/0x45',
	'[   22.751362]  [<cb3be762>] ? hashbin_delete+0x6e/0xca',
	'[   22.751984]  [<cb3c0d1e>] ? irias_delete_value+0x4b/0x4b',
	'[   22.752671]  [<cb3be762>] hashbin_delete+0x6e/0xca',
	'[   22.753214]  [<cb3c0a44>] __irias_delete_object+0x51/0x64'
];

describe('BUG: looking up invalid subclass', () => {
	it('is a lockdep report of medium severity, titled by the caller', async () => {
		const c = await crashes(INVALID_SUBCLASS);
		expect(c).toHaveLength(1);
		expect(c[0].rule).toBe('crash.lockdep');
		expect(c[0].severity).toBe('medium');
		expect(c[0].title).toBe('BUG: looking up invalid subclass in hashbin_delete');
		expect(c[0].details.type).toBe('LOCKDEP');
	});
});

describe('panic titles', () => {
	it('keep the panic message, normalised, cut after a whole sentence', async () => {
		const c = await crashes(NMI_PANIC);
		// hpwdt's NMI status stays in the title a user reads; syzkaller's form is the alt title
		expect(c[0].title).toBe('kernel panic: 02: An NMI occurred');
		expect(c[0].alt_titles).toEqual(['kernel panic: NUM: An NMI occurred']);
		expect(c[0].title.length).toBeLessThanOrEqual(120);
	});

	it('cut a long panic message without a sentence end after its last whole word', () => {
		// a made-up message: no real log has one
		const t = normalizeTitle(`kernel panic: ${'overlong '.repeat(14)}`);
		expect(t).toBe(`kernel panic: ${'overlong '.repeat(11).trim()}`);
		expect(normalizeTitle(`WARNING in ${'x'.repeat(130)}`)).toHaveLength(120);
	});
});

describe('taint F before 3.15', () => {
	it('says a module may have failed signature verification on a 3.10 kernel', async () => {
		const r = await analyzeText(S390_WARNING.join('\n'));
		const f = r.metadata.taint?.flags.find((x) => x.letter === 'F');
		expect(f?.description).toBe(
			'a module was force-loaded or failed signature verification (kernels 3.7 to 3.14 set F for both)'
		);
		const c = r.findings.filter((x) => x.category === 'crash');
		expect(String(c[0].details.taint_flags)).toMatch(/^F \(FORCED_MODULE\): .*signature/);
	});

	it('keeps the plain meaning on other kernels', async () => {
		const r = await analyzeText(
			'[   10.000000] CPU: 0 PID: 1 Comm: insmod Tainted: GF          O    3.15.0 #1'
		);
		expect(r.metadata.taint?.flags[0].description).toBe('a module was force-loaded');
	});
});
