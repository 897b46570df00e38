/**
 * Crash facts, trace marks and explanations found wrong by a QA reading of the real-log corpus
 * and the syzkaller corpus, each with a verbatim excerpt of the log named in its comment.
 */
import { describe, expect, it } from 'vitest';
import { CRASH_RULES } from '../../src/lib/analysis/crash/kind.ts';
import { guiltyMarks } from '../../src/lib/output/common.ts';
import { CRASH_VARIANTS } from '../../src/lib/providers/crash-explanations.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { findingsOf } from '../support/analyze.ts';
import { ABRT_BG1, SATYR01_RECURSIVE_LOCKUP } from '../support/excerpts.ts';

describe('the guilty mark of a function that calls itself', () => {
	// satyr-gitlog-01.log lines 35-43 (abrt/satyr, 3.5.0-rc5, ARM): the driver takes its own lock
	// again from a nested call, and both frames of the function had been marked
	const LOCKUP = SATYR01_RECURSIVE_LOCKUP.slice(-9);

	it('marks only the innermost call, the one the title names', async () => {
		const result = await analyzeText(LOCKUP.join('\n') + '\n');
		const f = result.findings[0];
		expect(f.title).toBe('BUG: spinlock lockup suspected in mxs_mmc_enable_sdio_irq');
		const stack = f.stack!;
		const marked = stack.frames.filter((_, i) => guiltyMarks(stack)[i]);
		expect(marked.map((fr) => `${fr.function}+${fr.offset}`)).toEqual([
			'mxs_mmc_enable_sdio_irq+0x18'
		]);
		const text = formatText(result);
		// the text report marks the guilty frame's evidence line and names the frame (its trace is
		// read in the evidence, not listed again)
		const joined = text.replace(/\n {4}(?! )/g, ' ');
		expect(joined).toContain(
			"> marks the guilty frame's line: mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc]"
		);
		expect(text).not.toContain('line: mxs_mmc_enable_sdio_irq+0xc8/0xdc');
		expect(text.split('\n').filter((l) => /^ {2}> +\d+ \| /.test(l))).toHaveLength(1);
	});

	it('marks the first of several unreliable frames when no frame of it is reliable', () => {
		const frame = (fn: string, offset: string) => ({
			function: fn,
			offset,
			size: '0x40',
			module: null,
			reliable: false,
			context: 'task',
			line: 1,
			source: null
		});
		const frames = [frame('a', '0x1'), frame('f', '0x2'), frame('f', '0x3')];
		expect(guiltyMarks({ frames, guilty_frame: 'f' })).toEqual([false, true, false]);
	});
});

describe('a guilty function printed only in RIP:', () => {
	// syzkaller report 744 (pkg/report/testdata/linux/report/744, 6.16): the WARN()'s function is
	// in `RIP:` only, the trace starts at its caller; the trace had no mark at all
	const WARN = [
		'[  237.726449][  T112] WARNING: fs/jfs/jfs_dmap.c:2867 at dbAdjTree+0x454/0x4e0, CPU#0: jfsCommit/112',
		'[  237.736143][  T112] Modules linked in:',
		'[  237.755269][  T112] CPU: 0 UID: 0 PID: 112 Comm: jfsCommit Not tainted 6.16.0-rc2-next-20250617-syzkaller #0 PREEMPT(full) ',
		'[  237.797266][  T112] RIP: 0010:dbAdjTree+0x454/0x4e0',
		'[  237.846577][  T112] DR3: 0000000000000000 DR6: 00000000fffe0ff0 DR7: 0000000000000400',
		'[  237.919598][  T112] Call Trace:',
		'[  237.926755][  T112]  <TASK>',
		'[  237.929740][  T112]  ? __pfx_lock_metapage+0x10/0x10',
		'[  237.935025][  T112]  dbJoin+0x238/0x300',
		'[  237.939067][  T112]  ? do_read_cache_folio+0x4c6/0x590',
		'[  237.944500][  T112]  dbFreeBits+0x4e1/0xdb0',
		'[  237.948895][  T112]  dbFree+0x336/0x650',
		'[  238.034228][  T112]  </TASK>'
	];

	it('puts the faulting function on top of the trace, marked', async () => {
		const result = await analyzeText(WARN.join('\n') + '\n');
		const f = result.findings[0];
		expect(f.title).toBe('WARNING in dbAdjTree');
		const stack = f.stack!;
		expect(stack.frames[0]).toMatchObject({
			function: 'dbAdjTree',
			offset: '0x454',
			size: '0x4e0',
			reliable: true,
			line: 4
		});
		expect(stack.frames.map((fr) => fr.function).slice(1, 3)).toEqual([
			'__pfx_lock_metapage',
			'dbJoin'
		]);
		expect(guiltyMarks(stack)).toEqual([true, false, false, false, false, false]);
		expect(formatText(result).replace(/\n {4}(?! )/g, ' ')).toContain(
			"> marks the guilty frame's line: dbAdjTree+0x454/0x4e0\n"
		);
	});

	it('adds no frame when the trace names the guilty function', async () => {
		// the same report with the function in its trace (as 4.x printed it)
		const lines = [...WARN];
		lines.splice(7, 0, '[  237.929000][  T112]  dbAdjTree+0x454/0x4e0');
		const f = (await findingsOf(lines))[0];
		expect(f.stack!.frames.filter((fr) => fr.function === 'dbAdjTree')).toHaveLength(1);
		expect(f.stack!.frames[0].line).toBe(8);
	});
});

describe("a WARN()'s message in the facts", () => {
	const messageOf = async (lines: string[]) =>
		(await findingsOf(lines)).find((x) => x.category === 'crash')!.details.warn_message;

	it('reads the message printed after the header (4.8)', async () => {
		// lkp-21.log lines 3-6 and 13-16 (kernel test robot, 4.8.0-rc1, Lenovo IdeaPad U410)
		const lines = [
			'[   24.925272] ------------[ cut here ]------------',
			'[   24.925604] WARNING: CPU: 0 PID: 173 at drivers/gpu/drm/i915/intel_display.c:15572 intel_modeset_init+0xce0/0xe50 [i915]',
			'[   24.925607] Could not determine valid watermarks for inherited state',
			'[   24.925636] Modules linked in: x86_pkg_temp_thermal intel_powerclamp coretemp kvm_intel kvm irqbypass',
			'[   24.925639] CPU: 0 PID: 173 Comm: systemd-udevd Not tainted 4.8.0-rc1 #1',
			'[   24.925648] Call Trace:',
			'[   24.925654]  [<ffffffff814466a9>] dump_stack+0x63/0x8a',
			'[   24.925657]  [<ffffffff8107e2bb>] __warn+0xcb/0xf0',
			'[   24.925659]  [<ffffffff8107e32f>] warn_slowpath_fmt+0x4f/0x60',
			'[   24.925711]  [<ffffffffa032a3e0>] intel_modeset_init+0xce0/0xe50 [i915]',
			'[   24.925753]  [<ffffffffa02a1d64>] i915_driver_load+0x814/0x13e0 [i915]'
		];
		expect(await messageOf(lines)).toBe('Could not determine valid watermarks for inherited state');
		const text = formatText(await analyzeText(lines.join('\n') + '\n'));
		expect(text).toContain(
			'    warn message: Could not determine valid watermarks for inherited state\n'
		);
	});

	it('reads the message printed before the header, without lines of other programs', async () => {
		// debian-clearfog-gt-8k-dmesg.log lines 567-571 (Debian 5.8 arm64, SolidRun Clearfog GT 8K)
		const lines = [
			'[   14.495001] ------------[ cut here ]------------',
			'[   14.495594] systemd[1]: Created slice system-systemd\\x2dfsck.slice.',
			'[   14.499642] Pool does not have so many bufs pool(0) bufs(2064)',
			'[   14.499688] WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449 mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
			'[   14.523512] Modules linked in: efivarfs ip_tables x_tables autofs4 tag_edsa f2fs crc32_generic ext4'
		];
		expect(await messageOf(lines)).toBe('Pool does not have so many bufs pool(0) bufs(2064)');
	});

	it('skips what 2.6 printed between the header and the message, joins a message of several lines', async () => {
		// abrt-cut-here.log lines 1-6 (RHEL 6, 2.6.32, ProLiant BL460c G1)
		expect(
			await messageOf([
				'------------[ cut here ]------------',
				'WARNING: at arch/x86/kernel/cpu/mtrr/generic.c:467',
				'generic_get_mtrr+0x11e/0x140() (Not tainted)',
				'Hardware name: ProLiant BL460c G1',
				'mtrr: your BIOS has set up an incorrect mask, fixing it up.',
				'Modules linked in: radeon(+)(U) ttm(U) drm_kms_helper(U) drm(U) i2c_algo_bit(U)'
			])
		).toBe('mtrr: your BIOS has set up an incorrect mask, fixing it up.');
		// satyr-github-113.log lines 1-8 (Fedora 18, 3.10.12, HP Z600)
		expect(
			await messageOf([
				'WARNING: at drivers/iommu/intel_irq_remapping.c:533 intel_irq_remapping_supported+0x37/0x7a()',
				'This system BIOS has enabled interrupt remapping',
				'on a chipset that contains an erratum making that',
				'feature unstable.  To maintain system stability',
				'interrupt remapping is being disabled.  Please',
				'contact your BIOS vendor for an update',
				'Modules linked in:',
				'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 3.10.12-100.fc18.x86_64 #1'
			])
		).toBe(
			'This system BIOS has enabled interrupt remapping on a chipset that contains an erratum making that feature unstable.  To maintain system stability interrupt remapping is being disabled.  Please contact your BIOS vendor for an update'
		);
	});

	it('takes a message that starts like a header, and makes no finding of it', async () => {
		// ms912x-error-log-txt.log lines 43-45 and 48-51 (Ubuntu 6.8, Acer Predator PH315-51):
		// WARN(…, "BUG: the value to copy was not set!") had been a crash finding of its own
		const f = await findingsOf([
			'[339920.733796] ------------[ cut here ]------------',
			'[339920.733799] BUG: the value to copy was not set!',
			'[339920.733810] WARNING: CPU: 3 PID: 6539 at drivers/gpu/drm/drm_ioctl.c:489 drm_copy_field+0xb8/0xc0',
			'[339920.733952] CPU: 3 PID: 6539 Comm: Xorg Tainted: P           OE      6.8.0-85-generic #85-Ubuntu',
			'[339920.733954] Hardware name: Acer Predator PH315-51/Sienta_CFS, BIOS V1.15 06/12/2018',
			'[339920.733955] RIP: 0010:drm_copy_field+0xb8/0xc0'
		]);
		expect(f.map((x) => x.title)).toEqual(['WARNING in drm_copy_field']);
		expect(f[0].details.warn_message).toBe('BUG: the value to copy was not set!');
		// without the marker, a BUG: line before a WARNING stays a report of its own
		const apart = await findingsOf([
			'[339920.733799] BUG: the value to copy was not set!',
			'[339920.733810] WARNING: CPU: 3 PID: 6539 at drivers/gpu/drm/drm_ioctl.c:489 drm_copy_field+0xb8/0xc0'
		]);
		expect(apart).toHaveLength(2);
	});

	it('is null for a WARN() without a message, and absent from other reports', async () => {
		// lkp-39.log lines 3-6 (kernel test robot, 4.8.0-rc1)
		const f = await findingsOf([
			'[  220.866855] ------------[ cut here ]------------',
			'[  220.866913] WARNING: CPU: 0 PID: 860 at drivers/block/floppy.c:975 schedule_bh+0x29/0x4b',
			'[  220.866918] Modules linked in:',
			'[  220.866946] CPU: 0 PID: 860 Comm: mount Not tainted 4.8.0-rc1 #1'
		]);
		expect(f[0].details).toHaveProperty('warn_message', null);
		const bug = await findingsOf([
			'[  193.358264] BUG: KASAN: slab-out-of-bounds in of_device_uevent+0x210/0x420 at addr ffff880012230f89'
		]);
		expect(bug[0].details).not.toHaveProperty('warn_message');
		// lkp-75.log lines 1-6 (5.10, lockdep): a WARNING: header of lockdep is no WARN()
		const lockdep = await findingsOf([
			'[    0.368007][    T1] ============================================',
			'[    0.368302][    T1] WARNING: possible recursive locking detected',
			'[    0.368598][    T1] 5.10.110-00159-g58823a9b097c #1 Not tainted',
			'[    0.368633][    T1] --------------------------------------------',
			'[    0.368633][    T1] swapper/1 is trying to acquire lock:',
			'[    0.368633][    T1] c39f57d0 (gcov_lock){+.+.}-{3:3}, at: llvm_gcov_init+0x3d/0xc2'
		]);
		expect(lockdep[0].title).toBe('possible deadlock in llvm_gcov_init');
		expect(lockdep[0].details).not.toHaveProperty('warn_message');
	});
});

describe('a workqueue lockup names its pool and how long it was stuck', () => {
	// lkp-50.log lines 4-8 (kernel test robot, 4.8.0-rc1): two pools, one finding
	const LOCKUP = [
		'[   91.718045] BUG: workqueue lockup - pool cpus=1 node=0 flags=0x0 nice=0 stuck for 45s!',
		'[   91.730295] BUG: workqueue lockup - pool cpus=0-1 flags=0x4 nice=0 stuck for 43s!',
		'[   91.731336] Showing busy workqueues and worker pools:',
		'[   91.731987] workqueue events: flags=0x0',
		'[   91.732514]   pwq 2: cpus=1 node=0 flags=0x0 nice=0 active=3/256'
	];

	it('lists each pool and keeps the longest time', async () => {
		const f = await findingsOf(LOCKUP);
		expect(f).toHaveLength(1);
		expect(f[0].count).toBe(2);
		expect(f[0].details.pool).toEqual([
			'cpus=1 node=0 flags=0x0 nice=0',
			'cpus=0-1 flags=0x4 nice=0'
		]);
		expect(f[0].details.stuck_s).toBe(45);
		// a longer time in a later occurrence replaces the first one's
		const g = await findingsOf([LOCKUP[0], LOCKUP[1].replace('43s', '50s')]);
		expect(g[0].details.stuck_s).toBe(50);
	});

	it('has no pool when the header was cut (lkp-64.log line 4)', async () => {
		const f = await findingsOf(['[  134.526853] BUG: workqueue lockup - pool']);
		expect(f[0].title).toBe('BUG: workqueue lockup');
		expect(f[0].details).not.toHaveProperty('pool');
	});
});

describe('explanations that fit the report, not only its rule', () => {
	const crashOf = async (lines: string[]) =>
		(await findingsOf(lines)).find((x) => x.category === 'crash')!;

	it('a general protection fault on a CR4 write is no bad pointer', async () => {
		// lkp-30.log lines 4-12 and 37-40 (kernel test robot, 4.8.0-rc1, i386 QEMU): `<0f> 22 e2` is
		// `mov %edx,%cr4` in native_flush_tlb_global
		const f = await crashOf([
			'[   40.594570] general protection fault: 0000 [#1] PREEMPT DEBUG_PAGEALLOC',
			'[   40.596017] Modules linked in:',
			'[   40.596782] CPU: 0 PID: 3482 Comm: seq Not tainted 4.8.0-rc1 #128',
			'[   40.598402] task: cc3f1040 task.stack: ca6c2000',
			'[   40.599519] EIP: 0060:[<cc62405c>] EFLAGS: 00010006 CPU: 0',
			'[   40.600933] EIP is at native_flush_tlb_global+0x52/0x62',
			'[   40.602463] EAX: 000006b0 EBX: 00000001 ECX: 00000046 EDX: 00000630',
			'[   40.615349] ESI: 00000000 EDI: ca6c3e80 EBP: ca6c3e3c ESP: ca6c3e2c',
			'[   40.618288] CR0: 80050033 CR2: 08093680 CR3: 09dac020 CR4: 000006b0',
			'[   40.638876] Call Trace:',
			'[   40.639489]  [<cc6264ca>] __flush_tlb_all+0x12/0x1d',
			'[   40.640651]  [<cc6283ec>] __kernel_map_pages+0x95/0xe5',
			'[   40.689121] Code: 45 f8 00 00 00 00 c7 45 fc 00 00 00 00 66 0f 38 82 01 eb 25 e8 a8 fc ff ff 89 c1 fa 90 8d 74 26 00 a1 58 bb c5 cc 89 c2 80 e2 7f <0f> 22 e2 0f 22 e1 eb 06 0f 20 d8 0f 22 d8 c9 c3 55 89 e5 e8 88 ff ff ff c9 c3 55',
			'[   40.696619] EIP: [<cc62405c>] native_flush_tlb_global+0x52/0x62 SS:ESP 0068:ca6c3e2c',
			'[   40.698776] ---[ end trace ab8661148f1a8c9e ]---',
			'[   40.711101] Kernel panic - not syncing: Fatal exception'
		]);
		expect(f.rule).toBe('crash.gpf');
		expect(f.explanation.meaning).toContain('control register CR4');
		expect(f.explanation.meaning).not.toContain('poisoned pointer');
		expect(f.explanation.causes.map((c) => c.text).join('\n')).not.toContain('corrupted list');
		expect(f.explanation.next_steps.join('\n')).toContain('`CR4:` value');
	});

	it('an ordinary general protection fault keeps the bad-pointer explanation', async () => {
		// lkp-48.log-like: the fault location is no CR4 write
		const f = await crashOf([
			'[  150.400000] general protection fault: 0000 [#1] SMP',
			'[  150.400001] RIP: 0010:[<ffffffff8110e4ee>]  [<ffffffff8110e4ee>] init_real_cpu_mask+0x9c/0x143',
			'[  150.400002] Call Trace:',
			'[  150.400003]  [<ffffffff8110e4ee>] init_real_cpu_mask+0x9c/0x143',
			'[  150.400004]  [<ffffffff8110e5ee>] kernel_init_freeable+0x100/0x200',
			'[  150.400005] Code: 48 8b 07 48 85 c0 <48> 8b 10 0f 0b'
		]);
		expect(f.rule).toBe('crash.gpf');
		expect(f.explanation.meaning).toContain('poisoned pointer');
	});

	it('an allocation size warning blames the caller, not firmware', async () => {
		// lkp-51.log lines 3-4, 6 and 10-22 (kernel test robot, 4.8.0-rc1): an order >= MAX_ORDER
		const f = await crashOf([
			'[   24.032492] ------------[ cut here ]------------',
			'[   24.054463] WARNING: CPU: 0 PID: 199 at mm/page_alloc.c:3470 __alloc_pages_slowpath+0x5a/0xd4e',
			'[   24.069369] CPU: 0 PID: 199 Comm: systemd-udevd Not tainted 4.8.0-rc1 #146',
			'[   24.073595] Call Trace:',
			'[   24.073950]  [<ffffffff814f21e3>] dump_stack+0x14c/0x1ba',
			'[   24.074683]  [<ffffffff810e4f1c>] __warn+0x11b/0x14b',
			'[   24.075364]  [<ffffffff810e4f72>] warn_slowpath_null+0x26/0x2f',
			'[   24.076190]  [<ffffffff811c5663>] __alloc_pages_slowpath+0x5a/0xd4e',
			'[   24.077238]  [<ffffffff811c46c9>] ? get_page_from_freelist+0x13b/0xad1',
			'[   24.078135]  [<ffffffff81136bf7>] ? lock_is_held+0x7e/0x92',
			'[   24.078893]  [<ffffffff811c64a6>] __alloc_pages_nodemask+0x14f/0x16e',
			'[   24.079768]  [<ffffffff8120d829>] alloc_pages_current+0xc7/0xd5',
			'[   24.080575]  [<ffffffff811dd627>] kmalloc_order+0x1a/0x8f',
			'[   24.081320]  [<ffffffff8121963a>] __kmalloc_track_caller+0x37/0x189',
			'[   24.082182]  [<ffffffff811d6674>] kmemdup+0x29/0x4c',
			'[   24.082861]  [<ffffffff8119605e>] gcov_info_dup+0xbf/0x154'
		]);
		expect(f.title).toBe('WARNING in gcov_info_dup');
		expect(f.rule).toBe('crash.warning');
		expect(f.explanation.causes.map((c) => c.kind)).not.toContain('firmware');
		expect(f.explanation.meaning).toContain('MAX_ORDER');
		expect(f.explanation.next_steps.join('\n')).toContain('report it upstream');
		// lkp-56.log lines 3-4 and 11-20: KMALLOC_MAX_SIZE, syzkaller's `kmalloc bug`
		const k = await crashOf([
			'------------[ cut here ]------------',
			'[   30.277063] WARNING: CPU: 0 PID: 151 at mm/slab_common.c:861 kmalloc_slab+0xe4/0x260',
			'[   30.425678] Call Trace:',
			'[   30.426977]  [<ffffffffa5a2427a>] dump_stack+0x118/0x17e',
			'[   30.428816]  [<ffffffffa5582774>] ? kmalloc_slab+0xe4/0x260',
			'[   30.442797]  [<ffffffffa5310655>] __warn+0x255/0x270',
			'[   30.444704]  [<ffffffffa547ab77>] ? gcov_info_dup+0x187/0x2c0',
			'[   30.446605]  [<ffffffffa53106b1>] warn_slowpath_null+0x41/0x50',
			'[   30.448504]  [<ffffffffa5582774>] kmalloc_slab+0xe4/0x260',
			'[   30.450354]  [<ffffffffa55ff6ef>] __kmalloc_track_caller+0x2f/0x6b0',
			'[   30.452379]  [<ffffffffa556eb69>] kmemdup+0x39/0xa0',
			'[   30.465167]  [<ffffffffa547ab77>] gcov_info_dup+0x187/0x2c0'
		]);
		expect(k.title).toBe('WARNING: kmalloc bug in gcov_info_dup');
		expect(k.explanation.causes.map((c) => c.kind)).not.toContain('firmware');
		expect(k.explanation.meaning).toContain('KMALLOC_MAX_SIZE');
	});

	it('ftrace_bug says what failed and what to look at', async () => {
		// ubtouch-dmesg-dmesg.log lines 83-86, 93-94 and 102 (Ubuntu Touch, Xiaomi armani, 3.4 ARM)
		const f = await crashOf([
			'[    0.047653] ------------[ cut here ]------------',
			'[    0.047718] WARNING: at /home/builder/phablet/kernel/xiaomi/armani/kernel/trace/ftrace.c:1590 ftrace_bug+0xec/0x174()',
			'[    0.047804] Modules linked in:',
			'[    0.047836] Backtrace: ',
			'[    0.048307] [<c019c6d0>] (warn_slowpath_null+0x0/0x34) from [<c0215cbc>] (ftrace_bug+0xec/0x174)',
			'[    0.048385] [<c0215bd0>] (ftrace_bug+0x0/0x174) from [<c02160f4>] (ftrace_process_locs+0x3b0/0x500)',
			'[    0.048898] ---[ end trace da227214a82491b7 ]---',
			'[    0.048938] ftrace faulted on writing [<c01003a0>] asm_do_IRQ+0x10/0x1c'
		]);
		expect(f.title).toBe('WARNING in ftrace_bug');
		const steps = f.explanation.next_steps.join('\n');
		expect(steps).toContain('ftrace faulted on writing');
		expect(steps).not.toContain('syzbot dashboard');
		expect(f.explanation.meaning).toContain('function tracer');
	});

	it('other WARNINGs keep the rule’s explanation', async () => {
		// lkp-39.log lines 3-6
		const f = await crashOf([
			'[  220.866855] ------------[ cut here ]------------',
			'[  220.866913] WARNING: CPU: 0 PID: 860 at drivers/block/floppy.c:975 schedule_bh+0x29/0x4b',
			'[  220.866918] Modules linked in:',
			'[  220.866946] CPU: 0 PID: 860 Comm: mount Not tainted 4.8.0-rc1 #1'
		]);
		expect(f.explanation.meaning).toContain('The kernel printed a WARNING');
	});

	it('every variant is of a known crash rule and fully written', () => {
		for (const v of CRASH_VARIANTS) {
			expect(CRASH_RULES, v.name).toContain(v.rule);
			expect(v.explanation.meaning.length, v.name).toBeGreaterThan(40);
			expect(v.explanation.causes.length, v.name).toBeGreaterThan(0);
			expect(v.explanation.next_steps.length, v.name).toBeGreaterThan(0);
			expect(v.explanation.references.length, v.name).toBeGreaterThan(0);
		}
	});
});

describe('a report the log ends inside', () => {
	// lkp-kasan-08.log lines 4-6 and 11-25 (kernel test robot, 4.8.0-rc1, QEMU): the log ends in
	// the access's call trace, before the allocation and free stacks
	const KASAN = [
		'[  193.358264] BUG: KASAN: slab-out-of-bounds in of_device_uevent+0x210/0x420 at addr ffff880012230f89',
		'[  193.359848] Read of size 1 by task swapper/1',
		'[  193.360633] CPU: 0 PID: 1 Comm: swapper Not tainted 4.8.0-rc1 #135',
		'[  193.367375] Call Trace:',
		'[  193.367874]  [<ffffffff81a7b858>] dump_stack+0x1e/0x26',
		'[  193.368826]  [<ffffffff8137614c>] kasan_object_err+0x1c/0x90',
		'[  193.369778]  [<ffffffff81376650>] kasan_report+0x3e0/0x5f0',
		'[  193.370663]  [<ffffffff82c575f0>] ? of_device_uevent+0x210/0x420',
		'[  193.371696]  [<ffffffff82c50b58>] ? of_find_property+0x48/0x60',
		'[  193.372706]  [<ffffffff81375cc5>] __asan_load1+0x45/0x50',
		'[  193.373636]  [<ffffffff82c575f0>] of_device_uevent+0x210/0x420',
		'[  193.374636]  [<ffffffff81a95aff>] ? string+0x14f/0x160',
		'[  193.375535]  [<ffffffff82c573e0>] ? of_device_get_modalias+0x480/0x480',
		'[  193.376651]  [<ffffffff81a9a434>] ? vsnprintf+0xe54/0xe90',
		'[  193.377600]  [<ffffffff825ece2b>] dev_uevent+0x3bb/0x6e0',
		'[  193.378519]  [<ffffffff81a995e0>] ? num_to_str+0x1a0/0x1a0',
		'[  193.379457]  [<ffffffff825eca70>] ? device_get_devnode+0x3f0/0x3f0',
		'[  193.380681]  [<ffffffff8116a5f4>] ? __lock_is_held+0x64/0x80'
	];

	it('is marked cut short in the details and the reports, not corrupted', async () => {
		const result = await analyzeText(KASAN.join('\n') + '\n');
		const f = result.findings[0];
		expect(f.title).toBe('KASAN: slab-out-of-bounds Read in of_device_uevent');
		expect(f.details.cut_short).toBe(true);
		// corrupted keeps syzkaller's meaning
		expect(f.details.corrupted).toBe(false);
		expect(formatText(result)).toContain(
			'  Report is cut short: the log ends before its call trace does\n'
		);
		expect(formatMarkdown(result)).toContain(
			'- **Report is cut short:** the log ends before its call trace does\n'
		);
	});

	it('is not cut when the trace reached its bottom or more of the report followed', async () => {
		// satyr-gitlog-13.log lines 1-6, 73-83 and 107-113 (3.4.1, i386): an idle task's trace ends
		// in `?` frames down to `? i386_start_kernel`
		const idle = await findingsOf([
			'[ 8683.927442] ======================================================',
			'[ 8683.927555] [ INFO: possible circular locking dependency detected ]',
			'[ 8683.927672] 3.4.1-build-0061 #14 Not tainted',
			'[ 8683.927782] -------------------------------------------------------',
			'[ 8683.927895] swapper/0/0 is trying to acquire lock:',
			'[ 8683.928007]  (slock-AF_INET){+.-...}, at: [<e0fc73ec>] l2tp_xmit_skb+0x173/0x47e [l2tp_core]',
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
			'[ 8683.928121]  [<c0108a33>] ? default_idle+0x23/0x38',
			'[ 8683.928121]  [<c01091a8>] ? cpu_idle+0x55/0x6f',
			'[ 8683.928121]  [<c033df25>] ? rest_init+0xa1/0xa7',
			'[ 8683.928121]  [<c033de84>] ? __read_lock_failed+0x14/0x14',
			'[ 8683.928121]  [<c0498745>] ? start_kernel+0x303/0x30a',
			'[ 8683.928121]  [<c0498209>] ? repair_env_string+0x51/0x51',
			'[ 8683.928121]  [<c04980a8>] ? i386_start_kernel+0xa8/0xaf'
		]);
		expect(idle[0].title).toBe('possible deadlock in l2tp_xmit_skb');
		expect(idle[0].details).not.toHaveProperty('cut_short');
		// the same KASAN report with a line of its own after the trace
		const more = await findingsOf([
			...KASAN,
			'[  193.381000] Object at ffff880012230f80, in cache kmalloc-16 size: 16'
		]);
		expect(more[0].details).not.toHaveProperty('cut_short');
	});
});

describe('the machine named by an old x86 `Pid:` line', () => {
	// abrt-koops-tainted-bg1.log lines 1-13 (2.6.38, i686): the crash's hardware fact had been
	// null, though the `Pid:` line names the machine and a capture wrapped its last word
	it('is the crash’s hardware fact, with a wrapped last word', async () => {
		const [f] = await findingsOf(ABRT_BG1.slice(0, 13));
		expect(f.details).toMatchObject({
			pid: 4008,
			comm: 'rm',
			hardware: 'ECS 662/1066T-M2/662/1066T-M2'
		});
	});

	// satyr-rhbz-865695-0.log and crash-dmesg-vmcore-dmesg-txt.log: the name on the line itself;
	// 2.6.24's `Not tainted (2.6.24-0.77.rc4.git4.fc9 #1)` and a line ending at `#1` name none
	it('is read on the line itself, and only after the release and build number', async () => {
		const hw = async (pid: string) =>
			(
				await findingsOf([
					'BUG: unable to handle kernel NULL pointer dereference at 0000000000000008',
					pid,
					'RIP: 0010:[<ffffffff8104a1b2>]  [<ffffffff8104a1b2>] f+0x12/0x40'
				])
			)[0].details.hardware;
		expect(
			await hw(
				'Pid: 598, comm: wpa_supplicant Tainted: P         C O 3.6.1-1.fc17.i686.PAE #1 Hewlett-Packard HP Mini 110-1100/308F'
			)
		).toBe('Hewlett-Packard HP Mini 110-1100/308F');
		expect(
			await hw('Pid: 8369, comm: insmod Not tainted (2.6.24-0.77.rc4.git4.fc9 #1)')
		).toBeNull();
		expect(await hw('Pid: 143, comm: modprobe Not tainted 2.6.32-19.el6.x86_64 #1')).toBeNull();
	});
});
