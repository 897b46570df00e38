/**
 * Line rules that earlier stops left open (rules21). Excerpts name their corpus file
 * (shared/corpus/real) and lines; lines not in the corpus are written from the kernel's format
 * strings (the source is named with each) in the shape of a real log of the same kind.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];

const summary = (f: F[]) => f.map((x) => [x.rule, x.title, x.severity, x.count]);
const steps = (f: F) => f.explanation.next_steps.join('\n');

describe("Debian's `firmware: failed to load X (-2)` is judged as `Direct firmware load` is", () => {
	// Debian's kernels print `firmware: failed to load X (-2)` (twice) besides upstream's `Direct
	// firmware load for X failed with error -2` for each request, with `firmware_class: See
	// https://wiki.debian.org/Firmware …` after the first (the shape of
	// dfir-sample-files-syslog-1.log lines 1056-1069, Debian 6.6); the optional files below are
	// the benign list's (net/wireless/reg.c, iwlwifi's walk down its API versions)
	// intended change: no finding since the benign list took both forms; now a routine notice per
	// driver, one occurrence per boot, whatever the number of copies
	it('an optional file missing is a routine notice in either form (had been a low finding)', async () => {
		const f = await findingsOf([
			'[    4.120340] cfg80211: Loading compiled-in X.509 certificates for regulatory database',
			'[    4.121205] platform regulatory.0: firmware: failed to load regulatory.db (-2)',
			'[    4.121210] firmware_class: See https://wiki.debian.org/Firmware for information about missing firmware',
			'[    4.121213] platform regulatory.0: firmware: failed to load regulatory.db (-2)',
			'[    4.121215] platform regulatory.0: Direct firmware load for regulatory.db failed with error -2',
			'[    4.130112] iwlwifi 0000:02:00.0: firmware: failed to load iwlwifi-7265D-29.ucode (-2)',
			'[    4.130120] iwlwifi 0000:02:00.0: firmware: failed to load iwlwifi-7265D-29.ucode (-2)',
			'[    4.130125] iwlwifi 0000:02:00.0: Direct firmware load for iwlwifi-7265D-29.ucode failed with error -2',
			'[    4.131877] iwlwifi 0000:02:00.0: loaded firmware version 22.391740.0 op_mode iwlmvm'
		]);
		expect(summary(f)).toEqual([
			[
				'network.regulatory-db-missing',
				'Wireless regulatory database (regulatory.db) not found: built-in rules used',
				'info',
				1
			],
			[
				'network.iwlwifi-firmware-probe',
				'Intel Wi-Fi (iwlwifi) looked for firmware versions that are not installed',
				'info',
				1
			]
		]);
	});

	it('a file that is not optional is still a finding, and an error other than -2 too', async () => {
		const f = await findingsOf([
			'[    4.130112] iwlwifi 0000:02:00.0: firmware: failed to load iwlwifi-7265D-29.ucode (-110)',
			'[    5.210001] r8169 0000:02:00.0: firmware: failed to load rtl_nic/rtl8168h-2.fw (-2)'
		]);
		expect(summary(f)).toEqual([
			[
				'firmware.load-failed',
				'Firmware iwlwifi-7265D-29.ucode could not be loaded: ETIMEDOUT (timed out: no answer)',
				'medium',
				1
			],
			['firmware.load-failed', 'Firmware rtl_nic/rtl8168h-2.fw could not be loaded', 'low', 1]
		]);
	});

	it("Tegra's USB firmware loaded at a second try is told so in both forms", async () => {
		// jetsontx2-samsung-dmesg-samsung-log.log lines 703 and 832 (Jetson TX2, 4.4), the request
		// also in Debian's form before it
		const f = await findingsOf([
			'[    6.216940] xhci-tegra 3530000.xhci: firmware: failed to load tegra18x_xusb_firmware (-2)',
			'[    6.216944] xhci-tegra 3530000.xhci: Direct firmware load for tegra18x_xusb_firmware failed with error -2',
			'[    8.430555] xhci-tegra 3530000.xhci: Firmware timestamp: 2017-03-31 06:21:56 UTC, Version: 55.07 release'
		]);
		// one request, however many times Debian prints it
		expect(summary(f)).toEqual([
			['firmware.load-failed', 'Firmware tegra18x_xusb_firmware loaded at a second try', 'info', 1]
		]);
	});

	it("brcmfmac's generic board file is one finding in both forms, not a second one", async () => {
		// archlinux-for-z83 dmesg (BCM43340 on SDIO), as a Debian kernel prints the request
		const f = await findingsOf([
			'[    7.381734] brcmfmac mmc1:0001:1: firmware: failed to load brcm/brcmfmac43340-sdio.txt (-2)',
			'[    7.381740] brcmfmac mmc1:0001:1: firmware: failed to load brcm/brcmfmac43340-sdio.txt (-2)',
			'[    7.381744] brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43340-sdio.txt failed with error -2'
		]);
		expect(f.map((x) => [x.rule, x.severity])).toEqual([
			['firmware.brcmfmac-nvram-missing', 'medium']
		]);
	});
});

describe('b43 lists the firmware files it tried', () => {
	// dfir-sample-files-syslog-1.log lines 1053-1070 (Debian 6.6, BCM43228)
	const DFIR = [
		'2024-12-18T00:43:18.755079+01:00 kpepe kernel: b43-phy0: Broadcom 43228 WLAN found (core revision 30)',
		'2024-12-18T00:43:18.755083+01:00 kpepe kernel: b43-phy0: Found PHY: Analog 9, Type 4 (N), Revision 16',
		'2024-12-18T00:43:18.755085+01:00 kpepe kernel: b43-phy0: Found Radio: Manuf 0x17F, ID 0x2057, Revision 9, Version 1',
		'2024-12-18T00:43:18.755087+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755089+01:00 kpepe kernel: firmware_class: See https://wiki.debian.org/Firmware for information about missing firmware',
		'2024-12-18T00:43:18.755091+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755103+01:00 kpepe kernel: b43 bcma0:1: Direct firmware load for b43/ucode30_mimo.fw failed with error -2',
		'2024-12-18T00:43:18.755107+01:00 kpepe kernel: Broadcom 43xx driver loaded [ Features: PNLS ]',
		'2024-12-18T00:43:18.755109+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755111+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755113+01:00 kpepe kernel: b43 bcma0:1: Direct firmware load for b43/ucode30_mimo.fw failed with error -2',
		'2024-12-18T00:43:18.755115+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43-open/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755117+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43-open/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755129+01:00 kpepe kernel: b43 bcma0:1: Direct firmware load for b43-open/ucode30_mimo.fw failed with error -2',
		'2024-12-18T00:43:18.755133+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43-open/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755135+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43-open/ucode30_mimo.fw (-2)',
		'2024-12-18T00:43:18.755137+01:00 kpepe kernel: b43 bcma0:1: Direct firmware load for b43-open/ucode30_mimo.fw failed with error -2',
		'2024-12-18T00:43:18.755140+01:00 kpepe kernel: b43-phy0 ERROR: You must go to https://wireless.wiki.kernel.org/en/users/Drivers/b43#devicefirmware and download the correct firmware for this driver version. Please carefully read all instructions on this website.'
	];

	it('the files before its `download the correct firmware` line are in the facts', async () => {
		const f = await findingsOf(DFIR);
		expect(summary(f)).toEqual([
			['firmware.load-failed', 'No usable firmware found for b43-phy0', 'medium', 1]
		]);
		expect(f[0].details.files).toEqual(['b43/ucode30_mimo.fw', 'b43-open/ucode30_mimo.fw']);
		expect(f[0].details.device).toBe('bcma0:1');
	});

	it("has b43's advice: its installer, not linux-firmware's or iwlwifi's", async () => {
		const [f] = await findingsOf(DFIR);
		expect(f.explanation.meaning).toContain('b43-fwcutter');
		expect(steps(f)).toContain('firmware-b43-installer');
		expect(steps(f)).toContain('broadcom-sta-dkms');
		expect(steps(f)).not.toMatch(/iwlwifi|minimum_version/);
	});

	it('files of another driver just before it are not listed', async () => {
		const f = await findingsOf([
			'[    4.121205] r8169 0000:02:00.0: Direct firmware load for rtl_nic/rtl8168h-2.fw failed with error -2',
			DFIR.at(-1)!
		]);
		expect(f.find((x) => x.title === 'No usable firmware found for b43-phy0')?.details.files).toBe(
			undefined
		);
	});
});

describe('the firmware advice fits the driver', () => {
	it("iwlwifi's names its range of versions", async () => {
		// intel-audio-dmesg-log.log lines 553-555 (Comet Lake laptop, QuZ card)
		const [f] = await findingsOf([
			'[    3.298135] iwlwifi 0000:00:14.3: no suitable firmware found!',
			'[    3.298137] iwlwifi 0000:00:14.3: minimum version required: iwlwifi-QuZ-a0-jf-b0-39',
			'[    3.298140] iwlwifi 0000:00:14.3: maximum version supported: iwlwifi-QuZ-a0-jf-b0-72'
		]);
		expect(f.title).toBe('No usable firmware found for iwlwifi');
		expect(steps(f)).toMatch(/from `minimum_version` to `maximum_version`/);
		expect(steps(f)).toContain('firmware-iwlwifi');
		expect(steps(f)).not.toContain('b43');
	});

	it("another driver's gets neither iwlwifi's range nor b43's installer", async () => {
		// intel-audio-dmesg-log.log lines 595 and 698 (Intel Bluetooth, a Realtek USB NIC)
		const f = await findingsOf([
			'[    3.420134] Bluetooth: hci0: Failed to load Intel firmware file intel/ibt-19-0-1.sfi (-2)',
			'[    3.645886] r8152 2-3.4:1.0: Direct firmware load for rtl_nic/rtl8153a-4.fw failed with error -2'
		]);
		expect(f.map((x) => x.title)).toEqual([
			'No usable firmware found for Bluetooth hci0',
			'Firmware rtl_nic/rtl8153a-4.fw could not be loaded'
		]);
		for (const x of f) {
			expect(steps(x)).not.toMatch(/iwlwifi|QuZ|b43/);
			expect(x.explanation.meaning).not.toMatch(/iwlwifi|b43/);
			expect(steps(x)).toContain('linux-firmware');
		}
		// Intel Bluetooth's title names no file: the step points at the facts
		expect(f[0].details.file).toBe('intel/ibt-19-0-1.sfi');
		expect(steps(f[0])).toContain('`file` in the facts');
	});
});

describe('modules built for another kernel show each refusal', () => {
	// pikernel-dmesg.log lines 240, 241 and 257
	it('every module refused is evidence, not only the first', async () => {
		const f = await findingsOf([
			'[    5.453809] led_class: disagrees about version of symbol module_layout',
			'[    5.702307] crc_ccitt: disagrees about version of symbol module_layout',
			'[    9.175394] EXT4-fs (mmcblk0p2): re-mounted. Opts: (null)',
			'[   10.392010] snd: disagrees about version of symbol module_layout'
		]);
		expect(f).toHaveLength(1);
		expect(f[0].evidence.map((x) => [x.line, x.text])).toEqual([
			[1, 'led_class: disagrees about version of symbol module_layout'],
			[2, 'crc_ccitt: disagrees about version of symbol module_layout'],
			[4, 'snd: disagrees about version of symbol module_layout']
		]);
	});

	it("one module's lines stay one line of evidence", async () => {
		// bananapi-dmesg-log.log lines 1-2 (gasket, built by DKMS against other headers)
		const f = await findingsOf([
			'[ 1289.155781] gasket: disagrees about version of symbol dev_warn',
			'[ 1289.155801] gasket: Unknown symbol dev_warn (err -22)'
		]);
		expect(f.map((x) => [x.title, x.evidence.length])).toEqual([
			['Module gasket could not be loaded', 1]
		]);
	});
});

describe("msm's display errors before a DRM WARNING", () => {
	// iamslightlywin-dump-last-kmsg.log lines 6302-6342 (Samsung tablet, 4.19, shutting down)
	const SDE = [
		'<14>[22921.933372]  [3:           init:    1] libprocessgroup: Successfully killed process cgroup uid 1001 pid 1219 in 0ms',
		"<14>[22921.934667]  [1:           init:    1] init: Service 'vendor.cnss_diag' (pid 1221) exited with status 0 oneshot service took 48925.273438 seconds in background",
		"<14>[22921.934690]  [1:           init:    1] init: Sending signal 9 to service 'vendor.cnss_diag' (pid 1221) process group...",
		'<3>[22921.938331]  [3:    kworker/3:0:14402] [drm:_sde_crtc_check_get_pstates:4731] [sde error]r1 only virt plane:129 not supported',
		'<3>[22921.938347]  [3:    kworker/3:0:14402] [drm:sde_crtc_atomic_check:4940] [sde error]crtc135 failed pstate check -22',
		'<3>[22921.938371]  [3:    kworker/3:0:14402] [drm:_sde_crtc_check_get_pstates:4731] [sde error]r1 only virt plane:129 not supported',
		'<3>[22921.938381]  [3:    kworker/3:0:14402] [drm:sde_crtc_atomic_check:4940] [sde error]crtc135 failed pstate check -22',
		'<4>[22921.938392]  [3:    kworker/3:0:14402] ------------[ cut here ]------------',
		'<4>[22921.938397]  [3:    kworker/3:0:14402] atomic remove_fb failed with -22',
		'<4>[22921.938436]  [3:    kworker/3:0:14402] WARNING: CPU: 3 PID: 14402 at drivers/gpu/drm/drm_framebuffer.c:950 drm_framebuffer_remove+0x268/0x36c',
		'<4>[22921.938441]  [3:    kworker/3:0:14402] Modules linked in:',
		'<4>[22921.938451]  [3:    kworker/3:0:14402] CPU: 3 PID: 14402 Comm: kworker/3:0 FTT: 0 0 Tainted: G S      W         4.19.113-Amnesty11 #1',
		'<4>[22921.938456]  [3:    kworker/3:0:14402] Hardware name: Samsung GTS7L PROJECT - PV REV0.4 (board-id,7) (DT)',
		'<4>[22921.938465]  [3:    kworker/3:0:14402] Workqueue: events drm_mode_rmfb_work_fn',
		'<4>[22921.938472]  [3:    kworker/3:0:14402] pstate: 60c00005 (nZCv daif +PAN +UAO)',
		'<4>[22921.938478]  [3:    kworker/3:0:14402] pc : drm_framebuffer_remove+0x268/0x36c',
		'<4>[22921.938484]  [3:    kworker/3:0:14402] lr : drm_framebuffer_remove+0x268/0x36c',
		'<4>[22921.938488]  [3:    kworker/3:0:14402] sp : ffffff80232abcc0',
		'<4>[22921.938493]  [3:    kworker/3:0:14402] x29: ffffff80232abd00 x28: 0000000000000001 ',
		'<4>[22921.938499]  [3:    kworker/3:0:14402] x27: ffffffc15f5e34e0 x26: ffffffc15f5e34e0 ',
		'<4>[22921.938504]  [3:    kworker/3:0:14402] x25: 0000000000000004 x24: 0000000000000001 ',
		'<4>[22921.938511]  [3:    kworker/3:0:14402] x23: ffffffc15f779000 x22: 00000000ffffffea ',
		'<4>[22921.938517]  [3:    kworker/3:0:14402] x21: ffffffc15a87d680 x20: ffffffc15f5e3000 ',
		'<4>[22921.938523]  [3:    kworker/3:0:14402] x19: ffffffc0fdba7f00 x18: 00000000ffff0a01 ',
		'<4>[22921.938528]  [3:    kworker/3:0:14402] x17: ffffff800b21a000 x16: 0000000000000010 ',
		'<4>[22921.938534]  [3:    kworker/3:0:14402] x15: ffffff8009bd2e0c x14: 0000000000000082 ',
		'<4>[22921.938540]  [3:    kworker/3:0:14402] x13: 0000000000000050 x12: 0000000000000000 ',
		'<4>[22921.938546]  [3:    kworker/3:0:14402] x11: 0000000000000000 x10: ffffffffffffffff ',
		'<4>[22921.938552]  [3:    kworker/3:0:14402] x9 : 1aafd64b3f94b900 x8 : 1aafd64b3f94b900 ',
		'<4>[22921.938557]  [3:    kworker/3:0:14402] x7 : 6961662062665f65 x6 : ffffff800b21ab8e ',
		'<4>[22921.938563]  [3:    kworker/3:0:14402] x5 : 0000000000003842 x4 : 000000000000000c ',
		'<4>[22921.938569]  [3:    kworker/3:0:14402] x3 : 0000000032322d20 x2 : ffffffffffffddf4 ',
		'<4>[22921.938575]  [3:    kworker/3:0:14402] x1 : 0000000000000000 x0 : 0000000000000020 ',
		'<4>[22921.938581]  [3:    kworker/3:0:14402] Call trace:',
		'<4>[22921.938587]  [3:    kworker/3:0:14402]  drm_framebuffer_remove+0x268/0x36c',
		'<4>[22921.938593]  [3:    kworker/3:0:14402]  drm_mode_rmfb_work_fn+0x38/0x50',
		'<4>[22921.938601]  [3:    kworker/3:0:14402]  process_one_work+0x228/0x550',
		'<4>[22921.938606]  [3:    kworker/3:0:14402]  worker_thread+0x2ec/0x590',
		'<4>[22921.938612]  [3:    kworker/3:0:14402]  kthread+0x16c/0x17c',
		'<4>[22921.938619]  [3:    kworker/3:0:14402]  ret_from_fork+0x10/0x18',
		'<4>[22921.938624]  [3:    kworker/3:0:14402] ---[ end trace 9eecff6f68cc3217 ]---'
	];

	it('are a low GPU finding linked as the cause of the WARNING', async () => {
		const r = await analyzeLines(SDE);
		const gpu = r.findings.filter((x) => x.category === 'gpu');
		expect(summary(gpu)).toEqual([
			['gpu.drm-driver-error', 'msm display driver (SDE) errors', 'low', 4]
		]);
		expect(gpu[0].details).toMatchObject({
			module: 'msm',
			function: '_sde_crtc_check_get_pstates',
			message: 'r1 only virt plane:129 not supported'
		});
		const warn = r.findings.find((x) => x.title === 'WARNING in drm_framebuffer_remove')!;
		expect(warn.related).toEqual([gpu[0].id]);
		expect(r.cascades.map((c) => c.chain)).toEqual([[gpu[0].id, warn.id]]);
		const e = gpu[0].explanation;
		expect(e.meaning).toContain('atomic remove_fb failed');
		expect(e.meaning).toMatch(/shutdown or reboot, that is harmless/);
		expect(e.next_steps.join('\n')).toContain('not part of the mainline kernel');
	});

	it("Samsung's 3 s wait markers at the display's last close are no finding", async () => {
		// the same log, lines 6432 and 6595
		expect(
			summary(
				await findingsOf([
					'<3>[22922.124052]  [2:    kworker/2:3:18033] [drm:sde_kms_lastclose:2438] [sde error]wait 3s start',
					'<3>[22925.240544]  [2:    kworker/2:3:18033] [drm:sde_kms_lastclose:2440] [sde error]wait 3s end'
				])
			)
		).toEqual([]);
	});
});

describe('lockdown refusing systemd the raw memory files at boot', () => {
	// askubuntu-dmesg-journalctl-lastdayorso.log lines 975-979 (Ubuntu 20.04, Secure Boot)
	it('is info, like the hibernation line, with an explanation of its own', async () => {
		const f = await findingsOf([
			'Feb 09 12:28:50 hpPav systemd[1]: systemd 245.4-4ubuntu3.15 running in system mode. (+PAM +AUDIT +SELINUX +IMA +APPARMOR +SMACK +SYSVINIT +UTMP +LIBCRYPTSETUP +GCRYPT +GNUTLS +ACL +XZ +LZ4 +SECCOMP +BLKID +ELFUTILS +KMOD +IDN2 -IDN +PCRE2 default-hierarchy=hybrid)',
			'Feb 09 12:28:50 hpPav systemd[1]: Detected architecture x86-64.',
			'Feb 09 12:28:50 hpPav systemd[1]: Set hostname to <hpPav>.',
			'Feb 09 12:28:50 hpPav kernel: Lockdown: systemd: /dev/mem,kmem,port is restricted; see man kernel_lockdown.7',
			'Feb 09 12:28:50 hpPav systemd[1]: /etc/systemd/system/vpnagentd.service:10: PIDFile= references a path below legacy directory /var/run/, updating /var/run/vpnagentd.pid → /run/vpnagentd.pid; please update the unit file accordingly.'
		]);
		expect(summary(f)).toEqual([
			[
				'security.lockdown',
				'Kernel lockdown kept systemd from /dev/mem, /dev/kmem and /dev/port at boot',
				'info',
				1
			]
		]);
		expect(f[0].explanation.meaning).toContain('harmless');
		expect(f[0].explanation.next_steps).toHaveLength(1);
	});

	it('another program refused them stays low', async () => {
		const f = await findingsOf([
			'Feb 09 12:40:02 hpPav kernel: Lockdown: flashrom: /dev/mem,kmem,port is restricted; see man kernel_lockdown.7'
		]);
		expect(summary(f)).toEqual([
			['security.lockdown', 'Kernel lockdown blocked /dev/mem,kmem,port', 'low', 1]
		]);
	});
});
