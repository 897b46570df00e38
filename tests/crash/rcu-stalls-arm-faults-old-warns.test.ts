/**
 * Crash findings that named the wrong thing or linked what the log does not tie: RCU stalls whose
 * `CPU:` line is of another CPU than the stalled one (syzkaller reports 612, 688 and 720,
 * fixtures/syzkaller); ARM alignment traps and unhandled faults that counted as ending their boot;
 * old WARN() traces that started with their reporting path (kerneloops-i386-bug-on,
 * bacon-pmos-mainline-dev-dmesg-log, lkp-49); advice to report upstream a crash of a kernel with
 * out-of-tree or proprietary modules loaded (satyr-rhbz-865695-0, ms912x-error-log-txt); a
 * `Fatal exception` panic told to check `root=` (lkp-74); a POWER machine check's oops told to report
 * a kernel bug (kerneloops-power5-with-machinecheck); a task hung in synchronize_sched() told to
 * look for storage errors (lkp-57); a double fault said to kill only its task
 * (kerneloops-i386-oops-with-end-marker); a title `… in corrupted` to search for (lkp-80).
 */
import { describe, expect, it } from 'vitest';
import { BlockAssembler } from '../../src/lib/ingestion/blocks/assembler.ts';
import type { ErrorBlock } from '../../src/lib/models/error-block.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { crashesOf } from '../support/analyze.ts';
import {
	I386_WARN,
	KERNELOOPS_DOUBLE_FAULT,
	KERNELOOPS_POWER5,
	LKP57_HUNG,
	LKP74,
	MS912X_WARN
} from '../support/excerpts.ts';
import { fixture } from '../support/fixtures.ts';
import { ingestText } from '../ingestion/helpers.ts';

async function stallOf(name: string) {
	const r = await analyzeText(fixture(name));
	const [f] = r.findings.filter((x) => x.rule === 'crash.rcu-stall');
	return f;
}

describe('an RCU stall names what stalled, not the CPU the grace-period kthread last ran on', () => {
	it('a blocked reader: the task dumped after `Tasks blocked on`, not `Stack dump where RCU GP kthread last ran:`’s NMI backtrace (syzkaller 720: had been CPU 0, pid 9452)', async () => {
		const f = await stallOf('syzkaller/720.log');
		// `Tasks blocked on level-0 rcu_node (CPUs 0-1): P9294/1:b..l`: the CPUs are the node's range
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([null, 9294, 'syz-executor']);
		expect(f.explanation.meaning).toContain(
			'Here the rcu_preempt grace period waited for 10002 jiffies for syz-executor (pid 9294), preempted inside an RCU read-side critical section (`Tasks blocked on … rcu_node`): its trace is where the reader was.'
		);
	});

	it('the same with the reader’s dump as the trace (syzkaller 612: had been CPU 1, pid 17698)', async () => {
		const f = await stallOf('syzkaller/612.log');
		expect(f.title).toBe('INFO: rcu detected stall in ext4_file_read_iter');
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([null, 17688, 'syz-executor.0']);
	});

	it('a self-detected stall: the CPU listed, not the kthread’s last CPU dumped first (syzkaller 688: had said `CPUs 1 and 0 reported its own stall`)', async () => {
		const f = await stallOf('syzkaller/688.log');
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([1, 1429, 'syz-executor913']);
		expect(f.explanation.meaning).toContain(
			'Here CPU 1 reported its own stall for 10500 jiffies, running syz-executor913 (pid 1429): the trace of the stalled CPU is where it was stuck.'
		);
	});

	it('of an older kernel (3.10 and before) names the CPUs its header lists, `{ 2}` (syzkaller 58: had named none)', async () => {
		const f = await stallOf('syzkaller/58.log');
		expect(f.details.cpu).toBe(2);
		expect(f.explanation.meaning).toContain(
			'Here CPU 2 held up the rcu_preempt grace period for 65008 jiffies.'
		);
	});

	it('keeps an NMI backtrace’s `CPU:` line that is of the stalled CPU (syzkaller 492)', async () => {
		const f = await stallOf('syzkaller/492.log');
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([0, 28547, 'syz-executor.1']);
	});
});

const bootNotes = (lines: string[]) =>
	ingestText(lines.join('\n') + '\n').summary.input.warnings.filter((w) =>
		w.startsWith('The log of boot')
	);

/** a dmesg of two boots (kernel/printk's `[ts]` times): the first stops 3 s in */
const boot = (lastLines: string[]) => [
	'[    0.000000] Linux version 6.6.63 (builder@host) (gcc 13.2.1) #1 SMP PREEMPT Wed Mar 12 09:04:00 CST 2025',
	'[    0.000000] Machine model: example board',
	'[    1.204512] mmc0: new high speed SDHC card at address aaaa',
	...lastLines
];
const NEXT = boot([
	'[    2.500000] Run /sbin/init as init process',
	'[   45.000000] eth0: link up'
]);
const STOPPED = /^The log of boot 0 \(lines 1-\d+\) stops 3\.2 s after the kernel started/;

/**
 * syzkaller report 242 lines 1-4 (fixtures/syzkaller, ARM, 4.17-rc1): the kernel's alignment trap
 * and the `Unhandled fault:` after it, before their `Internal error:` oops, times added
 */
const KERNEL_ALIGNMENT = [
	'[    3.100000] Alignment trap: not handling instruction e1932f9f at [<8028bd58>]',
	'[    3.100100] Unhandled fault: alignment exception (0x001) at 0x000008ad',
	'[    3.100200] pgd = 522df9df',
	'[    3.215007] [000008ad] *pgd=8c7d2835, *pte=00000000, *ppte=00000000'
];

describe('ARM alignment traps and unhandled faults end a boot only when the log shows they may have', () => {
	/**
	 * A user-space alignment trap in the form arch/arm/mm/alignment.c prints it (`ai_usermode`
	 * warn): `Alignment trap: %s (%d) PC=0x%08lx Instr=0x%0*lx Address=0x%08lx FSR 0x%03x`. No corpus
	 * log holds one; the line is built from that format.
	 */
	const USER_TRAP =
		'[    2.800000] Alignment trap: gst-launch-1.0 (812) PC=0x76e1a2b4 Instr=0xe5913000 Address=0x0002a1c3 FSR 0x001';

	it('a user-space alignment trap is no kernel report: no crash finding (had been `Alignment trap in corrupted`, high), and the boot that stopped after it is said to (had said nothing)', async () => {
		const lines = [
			...boot([USER_TRAP, '[    3.215007] mmcblk0: mmc0:aaaa SC16G 14.8 GiB']),
			...NEXT
		];
		expect(await crashesOf(lines)).toEqual([]);
		expect(bootNotes(lines)).toEqual([expect.stringMatching(STOPPED)]);
	});

	it('an `Unhandled fault:` the machine went on after does not count (had said nothing of the stopped boot)', () => {
		// syzkaller report 548 lines 2-4 (ARM, its times moved into the boot), then the boot going on
		const lines = [
			...boot([
				'[    3.000000] Unhandled fault: page domain fault (0x01b) at 0x00000e30',
				'[    3.000100] pgd = e852c1e3',
				'[    3.000200] [00000e30] *pgd=e8c3e835',
				'[    3.215007] mmcblk0: mmc0:aaaa SC16G 14.8 GiB'
			]),
			...NEXT
		];
		expect(bootNotes(lines)).toEqual([expect.stringMatching(STOPPED)]);
	});

	it('a kernel alignment trap the boot ends in may have ended it: no note', () => {
		expect(bootNotes([...boot(KERNEL_ALIGNMENT), ...NEXT])).toEqual([]);
	});

	it('keeps the kernel alignment trap’s report (syzkaller 242, titled as syzkaller does)', async () => {
		const [f] = await crashesOf(fixture('syzkaller/242.log').split('\n'));
		expect(f.title).toBe('Alignment trap in corrupted');
	});
});

const names = (f: { stack: { frames: { function: string; reliable: boolean }[] } | null }) =>
	f.stack!.frames.map((x) => (x.reliable ? '' : '? ') + x.function);

/**
 * bacon-pmos-mainline-dev-dmesg-log.log lines 94-101 (arm, 4.17-rc1, pmOS on a OnePlus One): a
 * WARN_ON() through warn_slowpath_null(), its trace from unwind_backtrace()
 */
const BACON_WARN = [
	'[    0.049563] WARNING: CPU: 0 PID: 1 at drivers/irqchip/irq-gic.c:1016 gic_irq_domain_translate+0xdc/0xe4',
	'[    0.049582] Modules linked in:',
	'[    0.049604] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 4.17.0-rc1-00062-g00bf5d83b483-dirty #26',
	'[    0.049622] Hardware name: Generic DT based system',
	'[    0.049654] [<c010e15c>] (unwind_backtrace) from [<c010b6e0>] (show_stack+0x10/0x14)',
	'[    0.049688] [<c010b6e0>] (show_stack) from [<c06f54ec>] (dump_stack+0x88/0x9c)',
	'[    0.049723] [<c06f54ec>] (dump_stack) from [<c011a554>] (__warn+0xdc/0xf4)',
	'[    0.049750] [<c011a554>] (__warn) from [<c011a63c>] (warn_slowpath_null+0x40/0x48)',
	'[    0.049778] [<c011a63c>] (warn_slowpath_null) from [<c0339f78>] (gic_irq_domain_translate+0xdc/0xe4)',
	'[    0.049813] [<c0339f78>] (gic_irq_domain_translate) from [<c016e744>] (irq_create_fwspec_mapping+0x54/0x318)'
];

/**
 * lkp-49.log lines 25-36 (kernel test robot, QEMU, 4.8.0-rc1): an x86-64 WARN through __warn(),
 * a `?` frame before dump_stack
 */
const LKP49_WARN = [
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
	'[  834.934194]  [<ffffffff827942fe>] cn_netlink_send_mult+0x1de/0x340'
];

describe('an old WARN()’s trace starts at the function that warned, without its reporting path', () => {
	it('i386 2.6.24, whose WARN_ON() called dump_stack() (kerneloops-i386-bug-on: had started with show_trace_log_lvl, show_trace, dump_stack)', async () => {
		const [w] = await crashesOf(I386_WARN);
		expect(names(w)).toEqual(['modinit', 'sys_init_module', 'syscall_call']);
	});

	it('arm through warn_slowpath_null() (bacon-pmos: had started with unwind_backtrace … warn_slowpath_null)', async () => {
		const [w] = await crashesOf(BACON_WARN);
		expect(w.title).toBe('WARNING in gic_irq_domain_translate');
		expect(names(w)).toEqual(['gic_irq_domain_translate', 'irq_create_fwspec_mapping']);
	});

	it('x86-64 4.8 through __warn(), a `?` frame among them (lkp-49: had started with ? __local_bh_enable_ip, dump_stack)', async () => {
		const [w] = await crashesOf(LKP49_WARN);
		expect(names(w)).toEqual([
			'__local_bh_enable_ip',
			'_raw_spin_unlock_bh',
			'cn_netlink_send_mult'
		]);
	});

	it('leaves a WARN() of 4.11 and later alone: its `?` frames are stack leftovers, not its reporting path (ms912x-error-log-txt)', async () => {
		// ms912x-error-log-txt.log lines 45, 49 and 62-66 (6.8): the trace after the registers
		const [w] = await crashesOf([
			'[339920.733810] WARNING: CPU: 3 PID: 6539 at drivers/gpu/drm/drm_ioctl.c:489 drm_copy_field+0xb8/0xc0',
			'[339920.733952] CPU: 3 PID: 6539 Comm: Xorg Tainted: P           OE      6.8.0-85-generic #85-Ubuntu',
			'[339920.733973] Call Trace:',
			'[339920.733974]  <TASK>',
			'[339920.733977]  ? show_regs+0x6d/0x80',
			'[339920.733980]  ? __warn+0x89/0x160',
			'[339920.733983]  ? drm_copy_field+0xb8/0xc0'
		]);
		expect(names(w).slice(0, 2)).toEqual(['? show_regs', '? __warn']);
	});
});

/** a fixture's lines `from`-`to` (1-based) as message text, their `[ts][ctx]` prefixes cut */
const textOf = (name: string, from: number, to: number) =>
	fixture(name)
		.split('\n')
		.slice(from - 1, to)
		.map((l) => l.replace(/^(?:syzkaller login: )?(?:\[[^\]]*\])+ ?/, ''));

function assemble(texts: string[]): ErrorBlock[] {
	const out: ErrorBlock[] = [];
	const a = new BlockAssembler((b) => out.push(b));
	texts.forEach((text, i) => a.push(i + 1, text, 10 + i * 0.001, '', 0));
	a.closeAll('eof');
	return out.sort((x, y) => x.startLine - y.startLine);
}

describe('RCU stalls printed back to back', () => {
	// syzkaller 688 lines 9-44: CPU 1's own stall, running syz-executor913 (pid 1429)
	const CPU1 = textOf('syzkaller/688.log', 9, 44);
	// syzkaller 492 lines 1-30: CPU 0 held the grace period up, running syz-executor.1 (pid 28547)
	const CPU0 = textOf('syzkaller/492.log', 1, 30);

	it('of different CPUs and tasks are separate events (had `follows` the first for being adjacent)', () => {
		const blocks = assemble([...CPU1, ...CPU0]);
		expect(blocks.map((b) => b.header)).toEqual(['INFO:', 'INFO:']);
		expect(blocks[1].follows).toBeUndefined();
	});

	it('of the same CPU are still one after the other', () => {
		const blocks = assemble([...CPU1, ...CPU1]);
		expect(blocks).toHaveLength(2);
		expect(blocks[1].follows).toBe(1);
	});

	it('a soft lockup of another CPU after an RCU stall is separate too', () => {
		// syzkaller 688's stall, then a soft lockup header of another CPU and task
		const blocks = assemble([
			...CPU1,
			'watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [syz-executor913:1432]'
		]);
		expect(blocks[1].follows).toBeUndefined();
	});
});

const reportSteps = (f: { explanation: { next_steps: string[] } }) =>
	f.explanation.next_steps.filter((s) => /report(?:ing)? it/.test(s));

/** satyr-rhbz-865695-0.log lines 1-25 (Fedora 17, 3.6 i686): Broadcom's `wl(PO)` in the trace */
const WL_BUG = [
	'kernel BUG at include/net/cfg80211.h:2473!',
	'invalid opcode: 0000 [#1] SMP ',
	'Modules linked in: lockd sunrpc rfcomm bnep ip6t_REJECT nf_conntrack_ipv6 nf_defrag_ipv6 ip6table_filter ip6_tables nf_conntrack_ipv4 nf_defrag_ipv4 xt_state nf_conntrack iTCO_wdt iTCO_vendor_support hp_wmi sparse_keymap btusb uvcvideo videobuf2_vmalloc videobuf2_memops videobuf2_core bluetooth videodev media snd_hda_codec_idt snd_hda_intel snd_hda_codec snd_hwdep snd_seq coretemp microcode snd_seq_device serio_raw lib80211_crypt_tkip snd_pcm lpc_ich mfd_core wl(PO) crystalhd(C) snd_page_alloc atl1c cfg80211 snd_timer snd rfkill soundcore lib80211 uinput wmi i915 video i2c_algo_bit drm_kms_helper drm i2c_core',
	'Pid: 598, comm: wpa_supplicant Tainted: P         C O 3.6.1-1.fc17.i686.PAE #1 Hewlett-Packard HP Mini 110-1100/308F',
	'EIP: 0060:[<f8e40765>] EFLAGS: 00210246 CPU: 1',
	'EIP is at wdev_priv.part.8+0x3/0x5 [wl]',
	'EAX: 00000000 EBX: f3cf6120 ECX: f8fc05a0 EDX: f3e16400',
	'ESI: f3e16400 EDI: f3cf6120 EBP: f180dbf8 ESP: f180dbf8',
	' DS: 007b ES: 007b FS: 00d8 GS: 00e0 SS: 0068',
	'CR0: 80050033 CR2: 099db264 CR3: 322aa000 CR4: 000007f0',
	'DR0: 00000000 DR1: 00000000 DR2: 00000000 DR3: 00000000',
	'DR6: ffff0ff0 DR7: 00000400',
	'Process wpa_supplicant (pid: 598, ti=f180c000 task=f2388000 task.ti=f180c000)',
	'Stack:',
	' f180dc28 f8e3dde1 f180dc10 c09705a8 f8034728 00000119 f8034728 000080d0',
	' f3e16400 f47c1600 00000000 f3cf6120 f180dc5c f8034a38 ffffffff 00000033',
	' 00000003 f47c1600 f3cf6120 f3cf6000 f180dc88 f3e16400 f8043220 f8043640',
	'Call Trace:',
	' [<f8e3dde1>] wl_cfg80211_scan+0x411/0x4a0 [wl]',
	' [<c09705a8>] ? mutex_lock+0x18/0x40',
	' [<f8034728>] ? nl80211_trigger_scan+0xc8/0x560 [cfg80211]',
	' [<f8034728>] ? nl80211_trigger_scan+0xc8/0x560 [cfg80211]',
	' [<f8034a38>] nl80211_trigger_scan+0x3d8/0x560 [cfg80211]',
	' [<f802c210>] ? __cfg80211_rdev_from_attrs+0x170/0x170 [cfg80211]',
	' [<c08a5595>] genl_rcv_msg+0x225/0x280'
];

describe('a crash of a kernel with out-of-tree or proprietary modules loaded', () => {
	it('whose trace runs through one goes to that module’s maintainers (satyr-rhbz-865695-0: had said to report it to the guilty function’s subsystem)', async () => {
		const [f] = await crashesOf(WL_BUG);
		expect(f.title).toBe('kernel BUG in wdev_priv');
		expect(reportSteps(f)).toEqual([
			'The trace runs through `wl(PO)`, a module from outside the kernel tree or proprietary (so marked in `Modules linked in:`): report it to that module’s vendor or maintainers; the kernel’s maintainers look at it only if it also happens without it. The report stopped in `wl`’s own code: first update or rebuild it for this kernel (its DKMS or akmod package, or its vendor’s newest release), since a module whose source predates the kernel’s interfaces fails this way after a kernel update.'
		]);
	});

	it('is not told to update the module when the report stopped outside it', async () => {
		const [f] = await crashesOf(
			WL_BUG.map((l) => l.replace('wdev_priv.part.8+0x3/0x5 [wl]', 'wdev_priv+0x3/0x5 [cfg80211]'))
		);
		const [step] = reportSteps(f);
		expect(step).toMatch(/^The trace runs through `wl\(PO\)`/);
		expect(step).not.toContain('update or rebuild');
	});

	it('is reproduced without them before it is reported upstream (ms912x-error-log-txt)', async () => {
		// without its message: with it, the WARN is a driver notice with steps of its own
		// (crash.drm-version-field-unset); the reporting steps of any WARN are what this checks
		const [f] = await crashesOf(MS912X_WARN.filter((l) => !l.includes('value to copy')));
		expect(f.title).toBe('WARNING in drm_copy_field');
		expect(reportSteps(f)).toEqual([
			expect.stringMatching(
				/^If it persists, reproduce it without the out-of-tree or proprietary modules this kernel had loaded \(`ms912x\(OE\)`, .*`nvidia\(POE\)` in `Modules linked in:`\) before reporting it/
			)
		]);
	});

	it('goes to the module whose source file is outside the kernel tree, though the kernel is untainted (kerneloops-i386-bug-on: had been told to report to Fedora; out-of-tree-source-steps.test.ts)', async () => {
		// its module renamed: kerneloops' own test module `oops` is a report made on purpose
		// (crash.test-module), whose steps are its own
		const [f] = await crashesOf(
			I386_WARN.map((l) => l.replace('/tmp/oops.c', '/tmp/mydrv.c').replace('[oops]', '[mydrv]'))
		);
		expect(reportSteps(f)).toEqual([
			expect.stringMatching(
				/^The check that fired is in `\/tmp\/mydrv\.c` \(module `mydrv`\), a source file outside the kernel tree/
			)
		]);
	});
});

describe('a `Fatal exception` panic alone, its oops lost (lkp-74)', () => {
	it('is explained as the end of an oops, without the root file system advice (had said to check `root=` and the initramfs)', async () => {
		const [f] = await crashesOf(LKP74);
		expect(f.title).toBe('kernel panic: Fatal exception');
		expect(f.explanation.meaning).toMatch(
			/^The kernel panicked at the end of an oops: `Fatal exception`/
		);
		expect(f.explanation.causes.map((c) => c.text).join(' ')).not.toContain('root');
		expect(f.explanation.next_steps.join(' ')).not.toContain('root=');
		expect(f.explanation.next_steps).toContain(
			'Search the kernel mailing lists (lore.kernel.org) for the oops’s faulting function and first line, not for this panic’s title: every oops that panics ends with it.'
		);
	});
});

/**
 * kerneloops-power5-with-machinecheck.log lines 13-40 (Fedora Core 6, 2.6.22 on a POWER5 pSeries
 * LPAR, after an xmon session): die()'s oops of the machine check
 */
const POWER5_MC = KERNELOOPS_POWER5.slice(0, 28);

describe('an oops on a POWER machine check', () => {
	it('is explained as the hardware’s error, with no kernel bug to report (had said a bug in unix_stream_recvmsg, report it to its maintainers)', async () => {
		const [f] = await crashesOf(POWER5_MC);
		expect(f.title).toBe('Oops: Machine check in unix_stream_recvmsg');
		expect(f.explanation.meaning).toMatch(/^The CPU took a machine check while it ran kernel code/);
		expect(f.explanation.causes[0].kind).toBe('hardware');
		expect(f.explanation.next_steps.join(' ')).not.toContain('get_maintainer');
		expect(f.explanation.next_steps[0]).toMatch(/^Read the `Machine check in kernel mode.`/);
	});
});

describe('a task hung waiting for an RCU grace period', () => {
	it('is explained by the CPU that holds the grace period up, not by storage (lkp-57: had said to look for storage, NFS or network errors)', async () => {
		const [f] = await crashesOf(LKP57_HUNG);
		expect(f.title).toBe('INFO: task hung in synchronize_rcu');
		expect(f.explanation.meaning).toContain('what it waited for is an RCU grace period');
		const steps = f.explanation.next_steps.join(' ');
		expect(steps).not.toMatch(/storage|NFS|decode_stacktrace/);
		expect(f.explanation.next_steps[0]).toMatch(/^Look for the RCU stall/);
	});
});

/**
 * kerneloops-i386-oops-with-end-marker.log lines 2-25 (2.6.24-rc5 x86-64): a double fault with RSP
 * at the stack's lower end and CR2 just below it, a stack overflow
 */
const DOUBLE_FAULT = [
	...KERNELOOPS_DOUBLE_FAULT,
	'',
	'',
	'Code: 55 48 89 d0 48 89 d1 48 c1 e8 20 48 89 e5 53 75 46 48 b8 00 ',
	'RIP  [<ffffffff80224f28>] search_extable+0x0/0x64',
	' RSP <ffff810008000000>',
	'---[ end trace a28726ab5968e532 ]---'
];

describe('a double fault', () => {
	it('is explained as fatal and, on x86, most likely a stack overflow (had said the kernel killed the task)', async () => {
		const [f] = await crashesOf(DOUBLE_FAULT);
		expect(f.title).toBe('PANIC: double fault in search_extable');
		expect(f.explanation.meaning).toContain('it halts the machine');
		expect(f.explanation.meaning).toContain('almost always a kernel stack overflow');
		expect(f.explanation.meaning).not.toContain('killed the task');
		expect(
			f.explanation.next_steps.some((x) => x.startsWith('Compare `CR2` with `RSP`/`ESP`'))
		).toBe(true);
	});
});

describe('a crash report of a kernel that had oopsed already (taint D)', () => {
	it('says the first oops is the one to look at (kerneloops-i386-oops-with-end-marker: a spinlock lockup after the double fault)', async () => {
		// the same log's lines 26-33: the lockup, `Tainted: G      D`, on the double fault's stack
		const [f] = await crashesOf([
			'BUG: spinlock lockup on CPU#0, grub/2847, ffff81003c57fd50',
			'Pid: 2847, comm: grub Tainted: G      D 2.6.24-rc5 #234',
			'',
			'Call Trace:',
			' <#DF>  [<ffffffff80460d15>] _raw_spin_lock+0xfd/0x125',
			' [<ffffffff808690c2>] _spin_lock_irqsave+0x20/0x27',
			' [<ffffffff8026ac07>] taskstats_exit+0xd2/0x2cf',
			' [<ffffffff8023dddc>] do_exit+0x24f/0x772'
		]);
		expect(f.rule).toBe('crash.spinlock');
		expect(f.explanation.meaning).toContain(
			'The kernel had already oopsed before this report (taint `D`)'
		);
		const [df] = await crashesOf(DOUBLE_FAULT);
		expect(df.explanation.meaning).not.toContain('taint `D`');
	});
});

describe('a crash titled `… in corrupted`', () => {
	it('is not to be searched for by its title nor reported by a guilty function it lacks (lkp-80: had said both)', async () => {
		// lkp-80.log, its one line
		const [f] = await crashesOf([
			'[  185.681694] watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [trinity-c0:6886]'
		]);
		expect(f.title).toBe('BUG: soft lockup in corrupted');
		const steps = f.explanation.next_steps.join(' ');
		expect(steps).not.toContain('Search for the exact title');
		expect(steps).not.toContain('guilty function');
		expect(steps).toContain(
			'search the kernel mailing lists (lore.kernel.org) for the report’s first line'
		);
	});
});
