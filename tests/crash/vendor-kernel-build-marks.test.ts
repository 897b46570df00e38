/**
 * A kernel's vendor from the rest of its `Linux version` banner, where the release does not name
 * it: Kali (Debian's release form, its own tracker), postmarketOS (a mainline or linux-next
 * release), an Android device's build (Google's and device makers' build hosts, AOSP's
 * compilers); Deepin's and UOS's kernels and a custom kernel named in their release
 * (`-amd64-desktop-hwe`, `-Amnesty11`); and each boot's own banner in a
 * log of several boots (ChromeOS had been recognised from the log's first banner only).
 * Banners and oops lines from the real corpus, with their build hosts and users renamed.
 */
import { describe, expect, it } from 'vitest';
import { kernelVendor } from '../../src/lib/providers/vendor-kernel.ts';
import { analyzeLines, crashesOf } from '../support/analyze.ts';

/** words of the generic steps that send a crash to kernel.org's kernels and maintainers */
const MAINLINE = /newest stable kernel of your series|get_maintainer/;

/** dfir-sample-files-syslog-1.log */
const KALI_BUILD =
	'(devel@kali.org) (gcc-13 (Debian 13.2.0-9) 13.2.0, GNU ld (GNU Binutils for Debian) 2.41.50.20231227) #1 SMP PREEMPT_DYNAMIC Kali 6.6.9-1kali1 (2024-01-08)';
/** clamor-s-files-grate-19062020-dmesg-txt.log */
const PMOS_BUILD =
	'(pmos@host1) (armv7-alpine-linux-musleabihf-gcc (Alpine 10.3.1_git20210424) 10.3.1 20210424, GNU ld (GNU Binutils) 2.35.2) #1-postmarketos-grate SMP PREEMPT Sat Jun 19 06:09:16 UTC 2021';

/** a WARN() report of `release`, after its boot's banner `Linux version <release> <build>` */
const warning = (release: string, build: string, t = 0): string[] => [
	`[    ${t}.000000] Linux version ${release} ${build}`,
	`[   ${t + 12}.000001] ------------[ cut here ]------------`,
	`[   ${t + 12}.000002] WARNING: CPU: 0 PID: 48 at drivers/mmc/core/block.c:2580 mmc_add_disk+0x2c/0x100`,
	`[   ${t + 12}.000003] Modules linked in:`,
	`[   ${t + 12}.000004] CPU: 0 PID: 48 Comm: kworker/0:2 Not tainted ${release} #1`,
	`[   ${t + 12}.000005] Call trace:`,
	`[   ${t + 12}.000006]  mmc_add_disk+0x2c/0x100`,
	`[   ${t + 12}.000007]  mmc_blk_probe+0x1f0/0x2c0`,
	`[   ${t + 12}.000008]  process_one_work+0x1d8/0x4c0`,
	`[   ${t + 12}.000009]  worker_thread+0x48/0x460`,
	`[   ${t + 12}.000010]  kthread+0x118/0x150`,
	`[   ${t + 12}.000011] ---[ end trace 0000000000000002 ]---`
];

async function warningSteps(lines: string[]): Promise<string[][]> {
	const crashes = (await crashesOf(lines)).filter((f) => f.rule === 'crash.warning');
	expect(crashes.length).toBeGreaterThan(0);
	return crashes.map((f) => f.explanation.next_steps);
}

describe('the banner names the vendor the release does not', () => {
	it('Kali’s `6.6.9-amd64` (Debian’s form) is Kali’s, reported to its own tracker', () => {
		const v = kernelVendor('6.6.9-amd64', KALI_BUILD);
		expect(v?.name).toMatch(/^Kali Linux/);
		expect(v?.report).toContain('bugs.kali.org');
		expect(v?.report).not.toContain('reportbug');
		// without the banner it is read as Debian's, as before
		expect(kernelVendor('6.6.9-amd64')?.name).toMatch(/^Debian/);
		// Kali's releases before 2024 named it
		expect(kernelVendor('6.3.0-kali1-amd64')?.name).toMatch(/^Kali Linux/);
		expect(kernelVendor('5.10.0-kali7-amd64')?.name).toMatch(/^Kali Linux/);
		expect(kernelVendor('5.15.44-Re4son-v8l+')?.name).toMatch(/^Kali Linux/);
	});

	it('a Debian banner stays Debian’s', () => {
		const debian =
			'(debian-kernel@lists.debian.org) (aarch64-linux-gnu-gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP Debian 6.12.9-1~bpo12+1 (2025-01-19)';
		expect(kernelVendor('6.12.9+bpo-arm64', debian)?.name).toMatch(/^Debian/);
	});

	it('postmarketOS’s package of a linux-next kernel is postmarketOS’s, updated with apk', async () => {
		expect(kernelVendor('5.13.0-rc6-next-20210618', PMOS_BUILD)?.name).toMatch(/^postmarketOS/);
		// the same release without its banner is a self-built kernel.org one
		expect(kernelVendor('5.13.0-rc6-next-20210618')).toBeNull();
		const [s] = await warningSteps(warning('5.13.0-rc6-next-20210618', PMOS_BUILD));
		expect(s.some((x) => MAINLINE.test(x))).toBe(false);
		expect(s).toContainEqual(expect.stringContaining('`sudo apk upgrade -a`'));
		expect(s).toContainEqual(expect.stringMatching(/report it to postmarketOS’s issue tracker/));
	});

	it('an Android device’s build: its build host or AOSP’s compiler', () => {
		for (const build of [
			// tf201log-dmesg-txt.log
			'(android@host1) (gcc version 4.4.3 (GCC) ) #1 SMP PREEMPT Sat Dec 24 01:57:20 CST 2011',
			// logs-a5y17lte-dmesg.log
			'(alice@host1) (gcc version 4.9 20150123 (prerelease) (GCC) ) #1 SMP PREEMPT Sat Jul 14 20:37:01 UTC 2018',
			'(android-build@host1) (Android (7284624, based on r416183b) clang version 12.0.5, LLD 12.0.5) #1 SMP PREEMPT'
		])
			expect(kernelVendor('3.18.14-g406953af719-dirty', build)?.name, build).toMatch(
				/^the device maker/
			);
		// a self-built kernel.org kernel's banner names no vendor
		expect(
			kernelVendor(
				'4.17.0-rc1-00062-g00bf5d83b483-dirty',
				'(alice@host1) (gcc version 7.3.0 (Arch Repository)) #26 SMP Sun Apr 29 10:31:35 EDT 2018'
			)
		).toBeNull();
	});
});

describe('Deepin’s and UOS’s kernels are named in their release', () => {
	it('`5.18.17-amd64-desktop-hwe` (intel-audio-dmesg-log.log, a UOS machine) is theirs, not mainline', () => {
		for (const v of [
			'5.18.17-amd64-desktop-hwe',
			'5.15.77-amd64-desktop-rolling',
			'4.19.0-arm64-desktop'
		])
			expect(kernelVendor(v)?.name, v).toMatch(/^Deepin or UOS/);
		// Debian's own flavours stay Debian's
		expect(kernelVendor('6.1.0-13-amd64')?.name).toMatch(/^Debian/);
	});
});

describe('a custom kernel named in its release', () => {
	it('`4.19.113-Amnesty11` (iamslightlywin-dump-last-kmsg.log’s oops lines) is a custom kernel’s', async () => {
		expect(kernelVendor('4.19.113-Amnesty11')?.name).toBe(
			'the developers of Amnesty, a custom kernel (a third-party build of a device’s kernel)'
		);
		const crashes = await crashesOf([
			'<4>[22921.938392]  [3:    kworker/3:0:14402] ------------[ cut here ]------------',
			'<4>[22921.938412]  [3:    kworker/3:0:14402] WARNING: CPU: 3 PID: 14402 at drivers/gpu/drm/drm_framebuffer.c:1012 drm_framebuffer_remove+0x3b4/0x3c0',
			'<4>[22921.938451]  [3:    kworker/3:0:14402] CPU: 3 PID: 14402 Comm: kworker/3:0 FTT: 0 0 Tainted: G S      W         4.19.113-Amnesty11 #1',
			'<4>[22921.938460]  [3:    kworker/3:0:14402] Call trace:',
			'<4>[22921.938470]  [3:    kworker/3:0:14402]  drm_framebuffer_remove+0x3b4/0x3c0',
			'<4>[22921.938480]  [3:    kworker/3:0:14402]  drm_mode_rmfb_work_fn+0x48/0x68',
			'<4>[22921.938490]  [3:    kworker/3:0:14402]  process_one_work+0x1f8/0x400',
			'<4>[22921.938500]  [3:    kworker/3:0:14402]  worker_thread+0x2a8/0x4a0',
			'<4>[22921.938510]  [3:    kworker/3:0:14402]  kthread+0x138/0x148',
			'<4>[22921.938520]  [3:    kworker/3:0:14402] ---[ end trace 5b3c8c2a3fde0e31 ]---'
		]);
		const s = crashes.find((f) => f.rule === 'crash.warning')!.explanation.next_steps;
		expect(s.some((x) => MAINLINE.test(x))).toBe(false);
		// a tablet's custom kernel: its owner flashes the newest build and reports to its developers
		expect(s[0]).toMatch(
			/^What the owner of this phone or tablet can do: this kernel \(`[^`]+`\) is built by the developers of \w+, a custom kernel \(a third-party build of a device’s kernel\): flash its newest build, .* report it with them and the whole log to the custom kernel’s developers \(where you downloaded it\)\./
		);
	});
});

describe('each boot’s own banner names its kernel’s vendor', () => {
	const CROS_BUILD =
		'(cros-kernel@chromium.org) (Chromium OS 21.0_pre574158 clang version 21.0.0git, LLD 21.0.0) #1 SMP PREEMPT_DYNAMIC Sun, 12 Apr 2026 20:53:50 -0700';

	it('a crash in a Chromebook’s second boot, after an update to another kernel', async () => {
		const lines = [
			...warning('6.6.112-08800-g1f2e3d4c5b6a', CROS_BUILD, 0).slice(0, 1),
			'[    5.000000] systemd-journald[200]: Received SIGTERM',
			...warning('6.6.119-09226-gd21866c9e0f4', CROS_BUILD, 0)
		];
		const r = await analyzeLines(lines);
		expect(r.metadata.boots.map((b) => [b.kernel_version, b.kernel_build])).toEqual([
			['6.6.112-08800-g1f2e3d4c5b6a', CROS_BUILD],
			['6.6.119-09226-gd21866c9e0f4', CROS_BUILD]
		]);
		const [s] = await warningSteps(lines);
		expect(s.some((x) => MAINLINE.test(x))).toBe(false);
		expect(s).toContainEqual(expect.stringContaining('is built by Google (ChromeOS)'));
	});

	it('a boot’s banner of a self-built kernel does not lend the first boot’s vendor', async () => {
		const lines = [
			...warning('6.6.119-09226-gd21866c9e0f4', CROS_BUILD, 0).slice(0, 1),
			'[    5.000000] systemd-journald[200]: Received SIGTERM',
			...warning(
				'6.8.0-rc1-00001-g0123456789ab',
				'(alice@host1) (gcc (GCC) 13.2.1 20230801) #3 SMP PREEMPT_DYNAMIC'
			)
		];
		const [s] = await warningSteps(lines);
		expect(s).toContainEqual(expect.stringMatching(MAINLINE));
	});
});
