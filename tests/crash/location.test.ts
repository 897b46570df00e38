import { describe, expect, it } from 'vitest';
import { callerOf, fileAndLine, sourceLocation } from '../../src/lib/analysis/crash/location.ts';
import { faultLocation, parseCallTrace } from '../../src/lib/analysis/stack.ts';
import type { BlockLine } from '../../src/lib/models/error-block.ts';

const block = (texts: string[]): BlockLine[] =>
	texts.map((text, i) => ({ line: i + 1, text, ts: null, context: '' }));

/** the caller of `guilty` in a report's lines, as analyzeCrash finds it */
function caller(guilty: string | null, texts: string[]): string | null {
	const lines = block(texts);
	return callerOf(parseCallTrace(lines), guilty, faultLocation(lines));
}

describe('the source location a report names', () => {
	it('is the WARN() location of the WARNING line, in every form the kernel printed', () => {
		// fishlogs-dmesg-log.log line 587 (arm64, Android 3.18: the build directory is printed)
		expect(
			sourceLocation(
				'WARNING:',
				'WARNING: CPU: 2 PID: 1 at /home/builder/android/kernel/drivers/base/core.c:551 device_create_file+0xa0/0xb4()'
			)
		).toBe('/home/builder/android/kernel/drivers/base/core.c:551');
		expect(
			sourceLocation(
				'WARNING:',
				'WARNING: CPU: 1 PID: 123 at drivers/gpu/drm/radeon/radeon_gart.c:256 radeon_gart_unbind+0x1a/0x90 [radeon]'
			)
		).toBe('drivers/gpu/drm/radeon/radeon_gart.c:256');
		// kernels before 3.12, with and without the function
		expect(
			sourceLocation('WARNING:', 'WARNING: at drivers/pci/dmar.c:633 warn_invalid_dmar+0x7d/0x8d()')
		).toBe('drivers/pci/dmar.c:633');
		expect(sourceLocation('WARNING:', 'WARNING: at arch/x86/kernel/cpu/mtrr/generic.c:467')).toBe(
			'arch/x86/kernel/cpu/mtrr/generic.c:467'
		);
		// kernels of 2025: the location first (syzkaller corpus)
		expect(
			sourceLocation(
				'WARNING:',
				'WARNING: fs/jfs/jfs_dmap.c:2867 at dbAdjTree+0x454/0x4e0, CPU#0: jfsCommit/112'
			)
		).toBe('fs/jfs/jfs_dmap.c:2867');
		expect(
			sourceLocation('WARNING:', 'WARNING: lib/refcount.c:19 at 0x0, CPU#1: syz.3.20/6051')
		).toBe('lib/refcount.c:19');
	});

	it('is the BUG() location of a kernel BUG line', () => {
		expect(sourceLocation('kernel BUG', 'kernel BUG at mm/slub.c:3431!')).toBe('mm/slub.c:3431');
		expect(
			sourceLocation(
				'kernel BUG',
				'------------[ cut here ]------------ kernel BUG at lib/list_debug.c:56!'
			)
		).toBe('lib/list_debug.c:56');
	});

	it('is null for reports that name none', () => {
		expect(
			sourceLocation('WARNING:', 'WARNING: possible circular locking dependency detected')
		).toBeNull();
		expect(sourceLocation('WARNING:', 'WARNING: suspicious RCU usage')).toBeNull();
		expect(
			sourceLocation(
				'WARNING:',
				"WARNING: kernel stack regs at ffff8801d100fea8 in syz-executor1:16059 has bad 'bp' value ffff8801d100ff28"
			)
		).toBeNull();
		expect(sourceLocation('WARNING:', 'WARNING: CPU: 0 PID: 1 at 0xffffffff81000000')).toBeNull();
		// other headers: the location of `sleeping function called from invalid context at` is
		// where might_sleep() was called, not an assertion of the guilty function
		expect(
			sourceLocation('BUG:', 'BUG: sleeping function called from invalid context at mm/slab.h:494')
		).toBeNull();
		expect(
			sourceLocation(
				'Kernel BUG',
				'Kernel BUG at c00000000001c4b0 [verbose debug info unavailable]'
			)
		).toBeNull();
	});

	it('is told apart by file name and line, whatever the build directory', () => {
		expect(fileAndLine('/home/u/linux/drivers/base/core.c:551')).toBe('core.c:551');
		expect(fileAndLine('drivers/base/core.c:551')).toBe('core.c:551');
		expect(fileAndLine('core.c:551')).toBe('core.c:551');
	});
});

describe('the caller of the guilty frame', () => {
	it('is the frame below it in the trace (fishlogs-dmesg-log.log lines 592-602)', () => {
		const trace = [
			'Call trace:',
			'[<ffffffc000155c28>] dump_backtrace+0x0/0x144',
			'[<ffffffc000155df4>] show_stack+0x14/0x20',
			'[<ffffffc000f85830>] dump_stack+0xa8/0xe8',
			'[<ffffffc00016dab4>] warn_slowpath_common+0x8c/0xb4',
			'[<ffffffc00016db2c>] warn_slowpath_fmt+0x50/0x5c',
			'[<ffffffc0006949f0>] device_create_file+0xa0/0xb4',
			'[<ffffffc00183d49c>] sensors_init+0xcc/0x1c4',
			'[<ffffffc00014eaf8>] do_one_initcall+0x1a4/0x1c4'
		];
		expect(caller('device_create_file', trace)).toBe('sensors_init');
		expect(caller(null, trace)).toBeNull();
	});

	it('skips `?` frames, recursion and frames that never name a bug', () => {
		expect(
			caller('gcov_info_dup', [
				'Call Trace:',
				' dump_stack+0x19/0x1b',
				' ? gcov_info_dup+0x1a/0x90',
				' warn_slowpath_null+0x1d/0x20',
				' gcov_info_dup+0x1a/0x90',
				' gcov_info_dup+0x2a/0x90',
				' ? stale_frame+0x10/0x20',
				' kmemdup+0x10/0x20',
				' mutex_lock+0x10/0x20',
				' gcov_event+0x40/0x80'
			])
		).toBe('gcov_event');
		expect(
			caller('foo', ['Call Trace:', ' foo+0x1/0x2', ' mutex_lock+0x10/0x20', ' kfree+0x1/0x2'])
		).toBeNull();
	});

	it('is the first frame when x86 prints the guilty frame on the RIP line only', () => {
		const report = [
			'WARNING: CPU: 1 PID: 123 at drivers/gpu/drm/radeon/radeon_gart.c:256 radeon_gart_unbind+0x1a/0x90 [radeon]',
			'RIP: 0010:radeon_gart_unbind+0x1a/0x90 [radeon]',
			'Call Trace:',
			' <TASK>',
			' ? __warn+0x81/0x130',
			' ? radeon_gart_unbind+0x1a/0x90 [radeon]',
			' ? report_bug+0x171/0x1a0',
			' radeon_ttm_backend_unbind+0x20/0x40 [radeon]',
			' </TASK>'
		];
		expect(caller('radeon_gart_unbind', report)).toBe('radeon_ttm_backend_unbind');
		// the faulting function with a compiler suffix (satyr-rhbz-865695-0.log lines 6, 18-19)
		expect(
			caller('wdev_priv', [
				'EIP is at wdev_priv.part.8+0x3/0x5 [wl]',
				'Call Trace:',
				' [<f8e3dde1>] wl_cfg80211_scan+0x411/0x4a0 [wl]'
			])
		).toBe('wl_cfg80211_scan');
		// another faulting function: the trace's first frame is not known to call the guilty one
		expect(
			caller('blk_sync_queue', [
				'RIP: 0010:__flush_work+0x740/0x880',
				'Call Trace:',
				' blk_cleanup_queue+0x20/0x40'
			])
		).toBeNull();
	});

	it('is unknown when the trace starts with the reporting plumbing (i386 BUG(), panic_on_warn)', () => {
		// kerneloops-i386-bug-on.log lines 445, 453-462: the trace of die(), without the faulting
		// function
		expect(
			caller('modinit', [
				'EIP is at modinit+0x3/0x7 [oops]',
				'Call Trace:',
				' [<c040649a>] show_trace_log_lvl+0x1a/0x2f',
				' [<c040654a>] show_stack_log_lvl+0x9b/0xa3',
				' [<c04065f9>] show_registers+0xa7/0x178',
				' [<c04067eb>] die+0x121/0x20c',
				' [<c06422a8>] do_trap+0x8a/0xa3',
				' [<c0406b95>] do_invalid_op+0x88/0x92',
				' [<c0642072>] error_code+0x72/0x78',
				' [<c0455445>] sys_init_module+0x1430/0x155c',
				' [<c0405252>] syscall_call+0x7/0xb'
			])
		).toBeNull();
	});
});
