/**
 * Crash advice on a distribution's, board vendor's or device maker's kernel: every step that sends
 * its user to kernel.org's stable kernels or to the upstream maintainers is said for the vendor
 * instead, the variants' own steps too (the memblock panic, the allocator's size warning, ftrace
 * and a leaked network device had still sent such kernels upstream); and board-vendor, custom and
 * ChromeOS kernels are recognised (from the release string, ChromeOS's from its banner).
 */
import { describe, expect, it } from 'vitest';
import {
	CRASH_EXPLANATIONS,
	CRASH_VARIANTS,
	forVendor
} from '../../src/lib/providers/crash-explanations.ts';
import { kernelVendor } from '../../src/lib/providers/vendor-kernel.ts';
import { crashesOf } from '../support/analyze.ts';
import { LKP71_PANIC } from '../support/excerpts.ts';

/** words of a step that sends its user upstream or to kernel.org's kernels */
const UPSTREAM =
	/get_maintainer|newest stable kernel|netdev@|whoever built the kernel|\bupstream\b/;

const DEBIAN = kernelVendor('5.10.0-20-amd64')!;

async function stepsOf(lines: string[], rule: string): Promise<string[]> {
	const f = (await crashesOf(lines)).find((x) => x.rule === rule);
	expect(f, rule).toBeDefined();
	return f!.explanation.next_steps;
}

describe('every crash explanation’s upstream steps have their vendor words', () => {
	const all = [
		...Object.entries(CRASH_EXPLANATIONS).map(([rule, e]) => [rule, e.next_steps] as const),
		...CRASH_VARIANTS.map((v) => [`${v.rule}: ${v.name}`, v.explanation.next_steps] as const)
	];

	it.each(all)('%s', (_, steps) => {
		// the others are the same on every kernel
		for (const s of steps.filter((x) => !UPSTREAM.test(x)))
			expect(forVendor(s, DEBIAN, '5.10.0-20-amd64')).toBe(s);
		for (const s of steps.filter((x) => UPSTREAM.test(x))) {
			const said = forVendor(s, DEBIAN, '5.10.0-20-amd64');
			expect(said, s).not.toBe(s);
			expect(said).not.toMatch(UPSTREAM);
			expect(said).toContain('Debian');
		}
	});
});

describe('the variants’ own steps on a vendor kernel', () => {
	it('a memblock panic on a Debian kernel is reported to Debian (lkp-71 lines, had said the function’s maintainers)', async () => {
		const lines = LKP71_PANIC.map((l) =>
			l.replace('Not tainted 5.12.0-rc7 #1', 'Not tainted 5.10.0-20-686 #1 Debian 5.10.158-2')
		);
		const s = await stepsOf(lines, 'crash.panic');
		expect(s.some((x) => x.includes('get_maintainer'))).toBe(false);
		expect(s).toContainEqual(
			expect.stringMatching(
				/^If the memory is there and no option takes it, and the newest update does the same, report it to Debian’s bug tracker .* with the whole boot log: /
			)
		);
	});

	it('the same panic on a mainline kernel keeps the maintainers', async () => {
		const s = await stepsOf(LKP71_PANIC, 'crash.panic');
		expect(s).toContainEqual(expect.stringContaining('`scripts/get_maintainer.pl -f <file>`'));
	});

	it('an allocator’s size warning on an Ubuntu kernel: Launchpad, and Ubuntu’s update', async () => {
		const s = await stepsOf(
			[
				'[  201.110001] ------------[ cut here ]------------',
				'[  201.110002] WARNING: CPU: 1 PID: 2345 at mm/page_alloc.c:4374 __alloc_pages_slowpath+0xd2e/0xe10',
				'[  201.110003] Modules linked in: snd_hda_intel',
				'[  201.110004] CPU: 1 PID: 2345 Comm: prog1 Not tainted 4.15.0-29-generic #31-Ubuntu',
				'[  201.110005] RIP: 0010:__alloc_pages_slowpath+0xd2e/0xe10',
				'[  201.110006] Call Trace:',
				'[  201.110007]  __alloc_pages_nodemask+0x29a/0x2c0',
				'[  201.110008]  kmalloc_order+0x18/0x40',
				'[  201.110009]  kmalloc_order_trace+0x24/0xb0',
				'[  201.110010]  __kmalloc+0x1f7/0x210',
				'[  201.110011]  snd_seq_create_port+0x3a/0x250',
				'[  201.110012]  do_syscall_64+0x73/0x130',
				'[  201.110013]  entry_SYSCALL_64_after_hwframe+0x3d/0xa2',
				'[  201.110014] ---[ end trace 0000000000000001 ]---'
			],
			'crash.warning'
		);
		expect(s.some((x) => UPSTREAM.test(x))).toBe(false);
		expect(s).toContainEqual(
			expect.stringMatching(
				/^If user space chooses the size .*: if it persists on the newest update, report it to Launchpad \(`ubuntu-bug linux`\) with the whole report/
			)
		);
		expect(s).toContainEqual(expect.stringContaining('is built by Ubuntu'));
	});

	it('ftrace_bug at boot on a device maker’s kernel goes to the device maker', async () => {
		const s = await stepsOf(
			[
				'[    0.000000] Linux version 3.4.0-cyanogenmod (builder@host1) (gcc version 4.8 (GCC) ) #1 SMP PREEMPT Mon Feb 12 00:32:01 CST 2018',
				'[    0.047653] ------------[ cut here ]------------',
				'[    0.047718] WARNING: at kernel/trace/ftrace.c:1590 ftrace_bug+0xec/0x174()',
				'[    0.047796] Modules linked in:',
				'[    0.048385] [<c0215bd0>] (ftrace_bug+0x0/0x174) from [<c02160f4>] (ftrace_process_locs+0x3b0/0x500)',
				'[    0.048512] [<c0215d44>] (ftrace_process_locs+0x0/0x500) from [<c0e122f8>] (ftrace_init+0x98/0x18c)',
				'[    0.048592] [<c0e12260>] (ftrace_init+0x0/0x18c) from [<c0e00ab4>] (start_kernel+0x308/0x368)',
				'[    0.048898] ---[ end trace da227214a82491b7 ]---'
			],
			'crash.warning'
		);
		expect(s.some((x) => UPSTREAM.test(x))).toBe(false);
		expect(s).toContainEqual(
			expect.stringMatching(
				/^It happened while the kernel set ftrace up at boot \(`ftrace_init` or `ftrace_process_locs` in the trace, no module loading\), so the kernel build is at fault: report it to the device maker’s support or the custom ROM’s developers/
			)
		);
	});

	it('a leaked network device on an Ubuntu kernel is reported to Launchpad, not netdev', async () => {
		const s = await stepsOf(
			[
				'[    0.000000] Linux version 5.4.0-1092-gcp (buildd@host1) (gcc version 7.5.0 (Ubuntu 7.5.0-3ubuntu1~18.04)) #101~18.04.1-Ubuntu SMP Mon Oct 17 18:29:06 UTC 2022',
				'[ 3000.000001] unregister_netdevice: waiting for lo to become free. Usage count = 1',
				'[ 3010.000001] unregister_netdevice: waiting for lo to become free. Usage count = 1',
				'[ 3011.000001] IPv6: ADDRCONF(NETDEV_UP): eth0: link is not ready'
			],
			'crash.netdev-refcount'
		);
		expect(s.some((x) => UPSTREAM.test(x))).toBe(false);
		expect(s).toContainEqual(
			expect.stringMatching(
				/^If it persists on the newest update, report it to Launchpad .* with the device, the kernel version and what was being removed/
			)
		);
	});
});

describe('board-vendor, custom and ChromeOS kernels are recognised', () => {
	it('from their release strings', () => {
		const names = [
			'6.6.63-ky',
			'4.19.113~Windstation+',
			'6.1.63-current-rockchip64',
			'6.6.16-edge-sunxi64',
			'4.4.213-rockchip64',
			'5.15.93-sunxi',
			'5.10.60-meson64',
			'4.9.253-tegra',
			'5.15.36-xilinx-v2022.2',
			'5.10.168-ti-r72',
			'6.1.83-ti-arm64-r63',
			'6.4.6-76060406-generic',
			'5.3.8-2-surface-ipts-test'
		].map((v) => kernelVendor(v)?.name ?? null);
		expect(names.map((n) => n?.split(' (')[0])).toEqual([
			'a board vendor',
			'the developers of Windstation, a custom kernel',
			'Armbian',
			'Armbian',
			'a board vendor or board distribution',
			'a board vendor or board distribution',
			'a board vendor or board distribution',
			'NVIDIA',
			'AMD Xilinx',
			'BeagleBoard.org',
			'BeagleBoard.org',
			'System76 for Pop!_OS',
			'the linux-surface project'
		]);
		expect(kernelVendor('5.15.0-76-generic')?.name).toMatch(/^Ubuntu/);
	});

	it('a board’s BSP kernel is told to compare with a kernel close to mainline, not that its vendor backports fixes', async () => {
		const s = await stepsOf(
			[
				'[    0.000000] Linux version 5.10.160-rockchip64 (builder@host1) (gcc version 11.2.0) #1 SMP PREEMPT Mon Jan 1 00:00:00 UTC 2024',
				'[   12.000001] ------------[ cut here ]------------',
				'[   12.000002] WARNING: CPU: 1 PID: 210 at drivers/gpu/drm/rockchip/rockchip_drm_vop2.c:2210 vop2_crtc_atomic_enable+0x5c/0x7e0',
				'[   12.000003] Modules linked in:',
				'[   12.000004] CPU: 1 PID: 210 Comm: kworker/1:2 Not tainted 5.10.160-rockchip64 #1',
				'[   12.000005] Call trace:',
				'[   12.000006]  vop2_crtc_atomic_enable+0x5c/0x7e0',
				'[   12.000007]  drm_atomic_helper_commit_modeset_enables+0xa8/0x260',
				'[   12.000008]  process_one_work+0x1d8/0x4c0',
				'[   12.000009]  worker_thread+0x48/0x460',
				'[   12.000010]  kthread+0x118/0x150',
				'[   12.000011]  ret_from_fork+0x10/0x30',
				'[   12.000012] ---[ end trace 0000000000000002 ]---'
			],
			'crash.warning'
		);
		const update = s.find((x) => x.startsWith('This kernel (`5.10.160-rockchip64`)'));
		expect(update).toContain('a BSP kernel gets few fixes');
		expect(update).not.toContain('backports');
		expect(s).toContainEqual(
			expect.stringContaining('the board vendor’s or the distribution’s forum')
		);
	});

	it('not from what a mainline or self-built kernel’s release also looks like', () => {
		for (const v of [
			'6.6.119-09226-gd21866c9e0f4',
			'3.10.107',
			'4.4.38',
			'3.4.0-g42902df',
			'5.12.0-next-20210429',
			'6.1.0-rc4'
		])
			expect(kernelVendor(v), v).toBeNull();
	});

	it('ChromeOS from its banner’s builder or compiler (syslogs: a Chromebook’s `6.6.119-09226-gd21866c9e0f4`)', () => {
		const build =
			'(cros-kernel@chromium.org) (Chromium OS 21.0_pre574158 clang version 21.0.0git, LLD 21.0.0) #1 SMP PREEMPT';
		expect(kernelVendor('6.6.119-09226-gd21866c9e0f4', build)?.name).toBe('Google (ChromeOS)');
		expect(kernelVendor('6.6.119-09226-gd21866c9e0f4', build)?.report).toContain('crbug');
		expect(
			kernelVendor('6.6.119-09226-gd21866c9e0f4', '(builder@host1) (gcc (GCC) 12.2.0) #1 SMP')
		).toBeNull();
	});

	it('a crash on a Chromebook is reported through ChromeOS’s feedback', async () => {
		const s = await stepsOf(
			[
				'[    0.000000] Linux version 6.6.119-09226-gd21866c9e0f4 (cros-kernel@chromium.org) (Chromium OS 21.0_pre574158 clang version 21.0.0git, LLD 21.0.0) #1 SMP PREEMPT Mon, 2 Mar 2026 05:24:56 -0800',
				'[ 1200.000001] BUG: unable to handle page fault for address: ffffffffffffffe8',
				'[ 1200.000002] #PF: supervisor read access in kernel mode',
				'[ 1200.000003] #PF: error_code(0x0000) - not-present page',
				'[ 1200.000004] Oops: 0000 [#1] PREEMPT SMP NOPTI',
				'[ 1200.000005] CPU: 2 PID: 812 Comm: kworker/2:1 Not tainted 6.6.119-09226-gd21866c9e0f4 #1',
				'[ 1200.000006] RIP: 0010:drm_atomic_helper_commit_tail+0x2a/0x90',
				'[ 1200.000007] Call Trace:',
				'[ 1200.000008]  <TASK>',
				'[ 1200.000009]  commit_work+0x12/0x20',
				'[ 1200.000010]  process_one_work+0x1d2/0x3c0',
				'[ 1200.000011]  worker_thread+0x4d/0x3e0',
				'[ 1200.000012]  kthread+0xe6/0x110',
				'[ 1200.000013]  ret_from_fork+0x34/0x50',
				'[ 1200.000014]  </TASK>',
				'[ 1200.000015] ---[ end trace 0000000000000000 ]---'
			],
			'crash.paging-fault'
		);
		expect(s.some((x) => UPSTREAM.test(x))).toBe(false);
		expect(s).toContainEqual(expect.stringContaining('is built by Google (ChromeOS)'));
		expect(s).toContainEqual(expect.stringContaining('ChromeOS’s feedback tool'));
	});
});
