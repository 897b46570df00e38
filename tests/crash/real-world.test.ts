import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';

/**
 * Reports of real machines beyond syzkaller's corpus. The snippets are synthesised in the
 * kernel's own print formats (arch/x86/kernel/dumpstack.c, arch/arm64/kernel/traps.c,
 * kernel/watchdog*.c, kernel/panic.c), shortened to the lines the titling needs.
 */
async function crashes(log: string) {
	const r = await analyzeText(log);
	return r.findings.filter((f) => f.category === 'crash');
}

const ts = (lines: string[]) =>
	lines.map((l, i) => `[  100.${String(i).padStart(6, '0')}] ${l}`).join('\n');

describe('real-world crash reports', () => {
	it('titles a hard lockup by the spinning function, not the NMI plumbing', async () => {
		const c = await crashes(
			ts([
				'watchdog: Watchdog detected hard LOCKUP on cpu 2',
				'CPU: 2 PID: 0 Comm: swapper/2 Tainted: G        W  O      5.15.0-91-generic #101-Ubuntu',
				'Hardware name: Dell Inc. OptiPlex 7050/0NW6H5, BIOS 1.8.3 03/23/2018',
				'RIP: 0010:native_queued_spin_lock_slowpath+0x1a3/0x1e0',
				'Call Trace:',
				' <IRQ>',
				' _raw_spin_lock+0x22/0x30',
				' e1000e_update_stats+0x20/0x60 [e1000e]',
				' call_timer_fn+0x2c/0x120',
				' </IRQ>'
			])
		);
		expect(c).toHaveLength(1);
		expect(c[0].rule).toBe('crash.hard-lockup');
		expect(c[0].title).toBe('watchdog: hard LOCKUP in e1000e_update_stats');
		expect(c[0].severity).toBe('high');
		expect(c[0].details.cpu).toBe(2);
		expect(c[0].details.comm).toBe('swapper/2');
		expect(c[0].details.kernel_version).toBe('5.15.0-91-generic');
		expect(c[0].details.taint).toBe('G        W  O');
		expect(c[0].details.hardware).toContain('OptiPlex 7050');
		const module = c[0].stack?.frames.find((f) => f.function === 'e1000e_update_stats');
		expect(module?.module).toBe('e1000e');
		expect(module?.context).toBe('irq');
	});

	it('titles an NMI-watchdog soft lockup like syzbot', async () => {
		const c = await crashes(
			ts([
				'NMI watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [kworker/1:2:345]',
				'CPU: 1 PID: 345 Comm: kworker/1:2 Not tainted 4.15.0-20-generic #21-Ubuntu',
				'RIP: 0010:mydrv_poll+0x40/0x90 [mydrv]',
				'Call Trace:',
				' mydrv_work+0x20/0x50 [mydrv]',
				' process_one_work+0x1de/0x410',
				' worker_thread+0x32/0x410',
				' kthread+0x121/0x140'
			])
		);
		expect(c[0].title).toBe('BUG: soft lockup in mydrv_work');
		expect(c[0].alt_titles).toContain('stall in mydrv_work');
	});

	it('keeps boot panics readable', async () => {
		const root = await crashes(
			ts([
				'VFS: Cannot open root device "sda1" or unknown-block(0,0): error -6',
				'Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)',
				'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.0 #1',
				'Call Trace:',
				' <TASK>',
				' dump_stack_lvl+0x44/0x5c',
				' panic+0x10c/0x2d8',
				' mount_block_root+0x1d0/0x1e2',
				' prepare_namespace+0x136/0x165',
				' kernel_init_freeable+0x25c/0x286'
			])
		);
		expect(root[0].title).toBe(
			'kernel panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM)'
		);
		expect(root[0].severity).toBe('critical');
		const init = await crashes(
			ts(['Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b'])
		);
		expect(init[0].title).toBe('kernel panic: Attempted to kill init!');
	});

	it('titles an arm64 oops from its pc line and keeps the registers', async () => {
		const c = await crashes(
			ts([
				'Unable to handle kernel NULL pointer dereference at virtual address 0000000000000010',
				'Mem abort info:',
				'Internal error: Oops: 96000005 [#1] PREEMPT SMP',
				'CPU: 3 PID: 812 Comm: kworker/3:1 Not tainted 6.6.0 #1',
				'Hardware name: Raspberry Pi 4 Model B Rev 1.4 (DT)',
				'pc : brcmf_rx_frame+0x24/0x1a0 [brcmfmac]',
				'lr : brcmf_sdio_readframes+0x5c/0x7a0 [brcmfmac]',
				'sp : ffffffc0097b3c90',
				'x29: ffffffc0097b3c90 x28: 0000000000000000',
				'Call trace:',
				' brcmf_rx_frame+0x24/0x1a0 [brcmfmac]',
				' brcmf_sdio_readframes+0x5c/0x7a0 [brcmfmac]',
				' process_one_work+0x1f4/0x490'
			])
		);
		expect(c).toHaveLength(1);
		expect(c[0].title).toBe(
			'BUG: unable to handle kernel NULL pointer dereference in brcmf_rx_frame'
		);
		expect(c[0].stack?.fault_location).toBe('brcmf_rx_frame+0x24/0x1a0 [brcmfmac]');
		expect(c[0].details.registers).toContain('pc : brcmf_rx_frame+0x24/0x1a0 [brcmfmac]');
	});

	it('titles an old klogd oops without timestamps', async () => {
		const c = await crashes(
			[
				'Unable to handle kernel paging request at virtual address f8a4c000',
				' printing eip:',
				'c01f3b12',
				'*pde = 3748e067',
				'Oops: 0002 [#1]',
				'SMP',
				'Modules linked in: ext3 jbd',
				'CPU:    0',
				'EIP:    0060:[<c01f3b12>]    Not tainted VLI',
				'EIP is at ext3_new_block+0x82/0x6e0 [ext3]',
				'Call Trace:',
				' [<c01f4c0e>] ext3_alloc_block+0x1e/0x30 [ext3]',
				' [<c01e9a33>] ext3_get_block_handle+0x1c3/0x2f0 [ext3]'
			].join('\n')
		);
		expect(c[0].title).toBe('BUG: unable to handle kernel paging request in ext3_new_block');
		expect(c[0].stack?.fault_location).toBe('ext3_new_block+0x82/0x6e0 [ext3]');
	});

	it('joins an oops and the panic printed after its end marker', async () => {
		const c = await crashes(
			ts([
				'general protection fault: 0000 [#1] SMP PTI',
				'CPU: 0 PID: 77 Comm: modprobe Not tainted 5.4.0 #1',
				'RIP: 0010:foo_probe+0x10/0x40 [foo]',
				'Call Trace:',
				' really_probe+0x1c/0x60',
				' driver_probe_device+0x30/0x60',
				'---[ end trace 1234567890abcdef ]---',
				'Kernel panic - not syncing: Fatal exception'
			])
		);
		expect(c).toHaveLength(1);
		expect(c[0].title).toBe('general protection fault in foo_probe');
		expect(c[0].details.panicked).toBe(true);
		expect(c[0].severity).toBe('critical');
		expect(c[0].last_line).toBe(8);
	});

	it('does not report user-space faults or benign lines as crashes', async () => {
		const c = await crashes(
			ts([
				'traps: chrome[1234] general protection fault ip:55d0c1a2b3c4 sp:7ffd1234 error:0 in chrome[55d0c0000000+8000000]',
				'myapp[999]: segfault at 0 ip 00007f00 sp 00007ffe error 4 in libc.so.6[7f00+1000]',
				'EXT4-fs warning (device sda1): ext4_dx_add_entry:2516: Directory index full!',
				'WARNING: Unprivileged eBPF is enabled with eIBRS on, data leaks possible via Spectre v2 BHB attacks!',
				'INFO: lockdep is turned off.',
				'ODEBUG: object is on stack, but not annotated',
				'xhci_hcd 0000:00:14.0: WARNING: Host System Error',
				'wlan: [E :VOS] INFO: NV version = 2 is loaded, driver supports NV version = 3',
				'[pid:657,cpu5,CameraDaemon][klaser]INFO: open laser device success',
				'INFO:Version = 2,Date = 20180101',
				'apanic: No panic data available',
				'init: mount options: data=ordered,errors=panic: No such file or directory',
				'WiFi@WARN.FW,UniCmdResultRsp() 69: BUG::UniCmdResult.u4Status = 0xc0000001'
			])
		);
		expect(c.map((f) => f.title)).toEqual([]);
	});

	it('reads the separate taint line of new kernels and decodes every flag', async () => {
		const c = await crashes(
			ts([
				'WARNING: CPU: 1 PID: 9 at drivers/gpu/drm/drm_vblank.c:1234 drm_wait_one_vblank+0x1a/0x20 [drm]',
				'CPU: 1 UID: 0 PID: 9 Comm: kworker/1:0 Tainted: G        W  OE      6.15.2-arch1-1 #1 PREEMPT(full)',
				'Tainted: [W]=WARN, [O]=OOT_MODULE, [E]=UNSIGNED_MODULE',
				'RIP: 0010:drm_wait_one_vblank+0x1a/0x20 [drm]',
				'Call Trace:',
				' <TASK>',
				' i915_modeset+0x40/0x90 [i915]',
				' </TASK>'
			])
		);
		expect(c[0].title).toBe('WARNING in drm_wait_one_vblank');
		expect(c[0].details.pid).toBe(9);
		expect(c[0].details.kernel_version).toBe('6.15.2-arch1-1');
		expect(c[0].details.taint).toBe('[W]=WARN, [O]=OOT_MODULE, [E]=UNSIGNED_MODULE');
		expect(c[0].severity).toBe('medium');
	});
});

describe('the time of a report in a syslog file without kernel times', () => {
	it('is its header line’s prefix, in UTC once the log’s zone is known', async () => {
		// logs-srv-messages.log (CentOS 7 /var/log/messages): its audit-less kernel lines carry no
		// printk time, so no calibration can place them; line 788's ISO time with offset tells
		// the zone (-03:00), and the report's own prefix gives its time
		const log = [
			'Nov 21 08:35:02 openshiftrunner1 containerd: time="2021-11-21T08:35:02.180817412-03:00" level=info msg="starting containerd"',
			'Nov 21 08:58:33 openshiftrunner1 kernel: unregister_netdevice: waiting for lo to become free. Usage count = 1'
		].join('\n');
		const [f] = await crashes(log);
		expect(f.title).toBe('unregister_netdevice: waiting for DEV to become free');
		expect(f.first_seen.ts).toBeNull();
		expect(f.first_seen.wall).toBe('2021-11-21T11:58:33.000Z');
	});
});
