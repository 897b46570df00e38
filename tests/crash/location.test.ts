import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileAndLine, sourceLocation } from '../../src/lib/analysis/crash/location.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';

/** title and `called_from` of each located crash finding of a log */
async function callers(log: string): Promise<Array<[string, unknown]>> {
	const { findings } = await analyzeText(log);
	return findings
		.filter((f) => f.category === 'crash' && f.details.source_location !== undefined)
		.map((f) => [f.title, f.details.called_from]);
}

const syzkaller = (n: number) =>
	readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'syzkaller', `${n}.log`), 'utf8');

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
	it('is the frame below it in the trace (fishlogs-dmesg-log.log lines 586-601, arm64)', async () => {
		const log = readFileSync(
			join(import.meta.dirname, '..', '..', 'fixtures', 'output', 'fishlogs-dmesg-log.log'),
			'utf8'
		);
		expect(await callers(log.split('\n').slice(585, 601).join('\n'))).toEqual([
			['WARNING in device_create_file', ['sensors_init']]
		]);
	});

	it('skips `?` frames, recursion and frames that never name a bug', async () => {
		// synthesised: no real log has all three below one guilty frame
		const report = [
			'WARNING: CPU: 0 PID: 1 at kernel/gcov/base.c:10 gcov_info_dup+0x1a/0x90',
			'Call Trace:',
			' dump_stack+0x19/0x1b',
			' ? gcov_info_dup+0x1a/0x90',
			' warn_slowpath_null+0x1d/0x20',
			' gcov_info_dup+0x1a/0x90',
			' gcov_info_dup+0x2a/0x90',
			' ? stale_frame+0x10/0x20',
			' kmemdup+0x10/0x20',
			' mutex_lock+0x10/0x20',
			' gcov_event+0x40/0x80',
			'---[ end trace 0000000000000000 ]---'
		];
		expect(await callers(report.join('\n'))).toEqual([
			['WARNING in gcov_info_dup', ['gcov_event']]
		]);
		const none = [...report.slice(0, 6), ' mutex_lock+0x10/0x20', ' kfree+0x1/0x2', report[11]];
		expect(await callers(none.join('\n'))).toEqual([['WARNING in gcov_info_dup', []]]);
	});

	it('is the first frame of the trace after the faulting-PC line when x86 names the guilty function there only', async () => {
		// fixtures/e2e/warning-radeon.log: `RIP:` before `Call Trace:`, the guilty frame not in it
		const log = readFileSync(
			join(import.meta.dirname, '..', '..', 'fixtures', 'e2e', 'warning-radeon.log'),
			'utf8'
		);
		expect(await callers(log)).toEqual([
			['WARNING in radeon_gart_unbind', ['radeon_ttm_backend_unbind']]
		]);
		// satyr-rhbz-865695-0.log lines 1-25: a faulting function with a compiler suffix
		expect(
			await callers(
				[
					'kernel BUG at include/net/cfg80211.h:2473!',
					'invalid opcode: 0000 [#1] SMP ',
					'EIP: 0060:[<f8e40765>] EFLAGS: 00210246 CPU: 1',
					'EIP is at wdev_priv.part.8+0x3/0x5 [wl]',
					'EAX: 00000000 EBX: f3cf6120 ECX: f8fc05a0 EDX: f3e16400',
					'Call Trace:',
					' [<f8e3dde1>] wl_cfg80211_scan+0x411/0x4a0 [wl]',
					' [<c09705a8>] ? mutex_lock+0x18/0x40',
					' [<f8034a38>] nl80211_trigger_scan+0x3d8/0x560 [cfg80211]'
				].join('\n')
			)
		).toEqual([['kernel BUG in wdev_priv', ['wl_cfg80211_scan']]]);
	});

	it('is the first frame after the registers when panic_on_warn printed the trap first (syzkaller 140, 346, 400)', async () => {
		// `Call Trace:` holds dump_stack, panic, __warn ... invalid_op; then `RIP:`, the
		// registers and the interrupted frames, without a header of their own
		expect(await callers(syzkaller(140))).toEqual([
			['WARNING in strp_data_ready', ['psock_data_ready']]
		]);
		// the same with another CPU's RCU stall interleaved
		expect(await callers(syzkaller(346))).toEqual([
			['WARNING in xfrm_state_fini', ['xfrm_net_exit']]
		]);
		// a `Code:` line after `RIP:`, and the WARN in a helper the title skips (__flush_work,
		// __cancel_work_timer, cancel_work_sync): the caller of the guilty blk_sync_queue
		expect(await callers(syzkaller(400))).toEqual([
			['WARNING in blk_sync_queue', ['blk_cleanup_queue']]
		]);
	});

	it('is named as the title names frames (syzkaller 408, 714)', async () => {
		// `get_device_parent.isra.27` ... `uinput_ioctl_handler.isra.9`: without the compiler suffix
		expect(await callers(syzkaller(408))).toEqual([
			['WARNING: refcount bug in input_register_device', ['uinput_ioctl_handler']]
		]);
		// arm `(a) from (b)`: `(__fortify_panic) from (ext4_fileattr_get+0x0/0x78)` then
		// `(__ext4_ioctl) from (ext4_ioctl+0x10/0x14)`: the frame below the guilty one is __ext4_ioctl
		expect(await callers(syzkaller(714))).toEqual([
			['WARNING in ext4_fileattr_get', ['__ext4_ioctl']]
		]);
	});

	it('is the first frame after the exception entry when the trace starts with the reporting plumbing (kerneloops-i386-bug-on.log lines 439-462; had been unknown)', async () => {
		// the trace of die(), without the faulting function: its own frames down to `error_code`,
		// then the code the invalid opcode interrupted
		const report = [
			'kernel BUG at /tmp/oops.c:5!',
			'invalid opcode: 0000 [#1] SMP ',
			'EIP: 0060:[<e024e003>] EFLAGS: 00210286 CPU: 0',
			'EIP is at modinit+0x3/0x7 [oops]',
			'EAX: e024e000 EBX: d434d9c8 ECX: e024e300 EDX: 00000001',
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
			' ======================='
		];
		expect(await callers(report.join('\n'))).toEqual([
			['kernel BUG in modinit', ['sys_init_module']]
		]);
	});
});
