/**
 * Crash facts, trace marks and explanations found wrong by a QA reading of the real-log corpus
 * and the syzkaller corpus, each with a verbatim excerpt of the log named in its comment.
 */
import { describe, expect, it } from 'vitest';
import { guiltyMarks } from '../../src/lib/output/common.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { findingsOf } from '../support/analyze.ts';

describe('the guilty mark of a function that calls itself', () => {
	// satyr-gitlog-01.log lines 35-43 (abrt/satyr, 3.5.0-rc5, ARM): the driver takes its own lock
	// again from a nested call, and both frames of the function had been marked
	const LOCKUP = [
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
		expect(text).toContain('   > mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc]');
		expect(text).toContain('     mxs_mmc_enable_sdio_irq+0xc8/0xdc [mxs_mmc]');
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
		expect(formatText(result)).toContain('   > dbAdjTree+0x454/0x4e0\n');
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
