/**
 * Real-log corpus reports read as their owner would (sweep 20): one problem told as several
 * findings, or told with advice that does not fit. Verbatim excerpts, named by file and line.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, findingsOf } from '../support/analyze.ts';

describe('a UEFI runtime service that faulted in the firmware (arm64)', () => {
	// orion-o6-dmesg-out.log lines 495 and 560 (Radxa Orion O6, BIOS 1.0, Debian 6.12): the
	// fault, then the next call refused; the WARN between them is a crash notice (oom-reaper-probes-nvidia-vmwgfx.test.ts)
	const FAULT =
		'[    0.983881] [Firmware Bug]: Unable to handle paging request in EFI runtime service';
	const REFUSED = '[    1.048397] efi: EFI Runtime Services are disabled!';

	it('is one finding with both lines, not a second one with x86 microcode advice', async () => {
		const f = await findingsOf([FAULT, REFUSED]);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'firmware.efi-runtime-disabled',
				'EFI firmware faulted: runtime services disabled',
				'medium',
				1
			]
		]);
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 2]);
		expect(f[0].details).toEqual({
			reason: 'firmware fault',
			fault: 'paging request',
			later_call_refused: true
		});
		const advice = JSON.stringify(f[0].explanation);
		expect(advice).not.toMatch(/microcode/);
		expect(advice).toContain('efibootmgr');
	});

	it('is the fault alone when no call comes after it', async () => {
		const f = await findingsOf([FAULT]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['firmware.efi-runtime-disabled', 'EFI firmware faulted: runtime services disabled', 'medium']
		]);
		expect(f[0].details.later_call_refused ?? null).toBeNull();
	});

	it('keeps a refusal without a fault before it a boot choice', async () => {
		const f = await findingsOf([REFUSED]);
		expect(f.map((x) => [x.title, x.severity, x.details.reason])).toEqual([
			['EFI runtime services disabled', 'low', 'disabled at boot']
		]);
	});
});

describe('missing firmware files that the driver’s own summary reports', () => {
	// dfir-sample-files-syslog-1.log lines 1056-1077 (HP mt41, Debian 6.6): Debian's kernel
	// logs each request (`firmware: failed to load`), b43 and btbcm then say what it means
	const LINES = [
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
		'2024-12-18T00:43:18.755140+01:00 kpepe kernel: b43-phy0 ERROR: You must go to https://wireless.wiki.kernel.org/en/users/Drivers/b43#devicefirmware and download the correct firmware for this driver version. Please carefully read all instructions on this website.',
		'2024-12-18T00:43:18.755142+01:00 kpepe kernel: bluetooth hci0: firmware: failed to load brcm/BCM20702A1-0a5c-21f1.hcd (-2)',
		'2024-12-18T00:43:18.755154+01:00 kpepe kernel: bluetooth hci0: firmware: failed to load brcm/BCM20702A1-0a5c-21f1.hcd (-2)',
		'2024-12-18T00:43:18.755158+01:00 kpepe kernel: bluetooth hci0: firmware: failed to load brcm/BCM-0a5c-21f1.hcd (-2)',
		'2024-12-18T00:43:18.755160+01:00 kpepe kernel: bluetooth hci0: firmware: failed to load brcm/BCM-0a5c-21f1.hcd (-2)',
		'2024-12-18T00:43:18.755162+01:00 kpepe kernel: Bluetooth: hci0: BCM: firmware Patch file not found, tried:',
		"2024-12-18T00:43:18.755164+01:00 kpepe kernel: Bluetooth: hci0: BCM: 'brcm/BCM20702A1-0a5c-21f1.hcd'",
		"2024-12-18T00:43:18.755167+01:00 kpepe kernel: Bluetooth: hci0: BCM: 'brcm/BCM-0a5c-21f1.hcd'"
	];

	it('gives one finding per device, not one more per file tried', async () => {
		const f = await findingsOf(LINES);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['firmware.load-failed', 'No usable firmware found for b43-phy0', 'medium'],
			[
				'firmware.bluetooth-patch-missing',
				'Broadcom Bluetooth hci0 runs without its firmware patch (file missing)',
				'low'
			]
		]);
		expect(f[1].details.files).toEqual(['brcm/BCM20702A1-0a5c-21f1.hcd', 'brcm/BCM-0a5c-21f1.hcd']);
	});

	it('keeps a file a finding of its own when the summary does not come (a log cut after it)', async () => {
		// one request each, however many lines Debian prints of it (rules23: had been 2 and 3)
		const f = await findingsOf(LINES.slice(15, 17));
		expect(f.map((x) => [x.title, x.severity, x.count])).toEqual([
			['Firmware brcm/BCM20702A1-0a5c-21f1.hcd could not be loaded', 'low', 1]
		]);
		const b43 = await findingsOf(LINES.slice(0, 4));
		expect(b43.map((x) => [x.title, x.count])).toEqual([
			['Firmware b43/ucode30_mimo.fw could not be loaded', 1]
		]);
	});
});

describe('i915 without its display firmware (DMC)', () => {
	// intel-audio-dmesg-log.log lines 360-362 (Kaby Lake laptop, 5.18): i915 loaded from the
	// initramfs at 1.8 s without the DMC file, which turns runtime power management off
	const LINES = [
		'[    1.795662] i915 0000:00:02.0: Direct firmware load for i915/kbl_dmc_ver1_04.bin failed with error -2',
		'[    1.795665] i915 0000:00:02.0: [drm] Failed to load DMC firmware i915/kbl_dmc_ver1_04.bin. Disabling runtime power management.',
		'[    1.795666] i915 0000:00:02.0: [drm] DMC firmware homepage: https://git.kernel.org/pub/scm/linux/kernel/git/firmware/linux-firmware.git/tree/i915'
	];

	it('says what is lost (runtime power management), not that a missing file is often harmless', async () => {
		const report = await analyzeLines(LINES);
		const f = report.findings;
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'firmware.load-failed',
				'Intel display firmware (DMC) i915/kbl_dmc_ver1_04.bin not loaded: GPU runtime power management off',
				'low'
			]
		]);
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 2]);
		expect(f[0].details).toMatchObject({ driver: 'i915', file: 'i915/kbl_dmc_ver1_04.bin' });
		expect(f[0].explanation.meaning).toContain('runtime power management');
		expect(f[0].explanation.next_steps.join(' ')).toMatch(/initramfs/);
		expect(f[0].explanation.next_steps.join(' ')).not.toMatch(/ignore this/);
	});

	it('keeps the file alone a missing file (the DMC line of another device, or none)', async () => {
		const f = await findingsOf([LINES[0]]);
		expect(f.map((x) => x.title)).toEqual([
			'Firmware i915/kbl_dmc_ver1_04.bin could not be loaded'
		]);
	});
});

describe('amdgpu refusing a context lost in a GPU reset', () => {
	// amdgpu-crash-crash1-txt.log lines 4316 and 4459-4461 (Navi GPU, 6.1.2-zen1): the reset that
	// lost VRAM succeeded, then a program's next submissions were cancelled
	const LINES = [
		'Jan 06 14:37:39 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: GPU reset(2) succeeded!',
		'Jan 06 14:37:39 archdesktop kernel: [drm] Skip scheduling IBs!',
		'Jan 06 14:37:39 archdesktop kernel: [drm:amdgpu_cs_ioctl [amdgpu]] *ERROR* Failed to initialize parser -125!',
		'Jan 06 14:37:39 archdesktop kernel: [drm:amdgpu_cs_ioctl [amdgpu]] *ERROR* Failed to initialize parser -125!'
	];

	it('is told as a consequence of the reset (ECANCELED), not as a driver error to report', async () => {
		const f = (await findingsOf(LINES)).filter((x) => x.rule === 'gpu.drm-driver-error');
		expect(f.map((x) => [x.title, x.severity, x.count])).toEqual([
			['amdgpu driver errors in amdgpu_cs_ioctl', 'low', 2]
		]);
		expect(f[0].explanation.meaning).toContain('ECANCELED');
		expect(f[0].explanation.next_steps[0]).toMatch(/GPU reset/);
	});

	it('keeps the driver-error advice for the driver’s other errors', async () => {
		// amdgpu-crash-crash1-txt.log line 4479
		const f = await findingsOf([
			'Jan 06 14:37:39 archdesktop kernel: [drm:dc_remove_stream_from_ctx [amdgpu]] *ERROR* Pipe not found for stream 00000000b4ea039a !'
		]);
		expect(f[0].explanation.meaning).not.toContain('ECANCELED');
	});
});

describe('audit records lost on an Android device', () => {
	// cykeek-stuff-console-ramoops-0.log lines 710-711, 715-717 (an Oppo phone in recovery,
	// MediaTek 4.14): a burst of SELinux denials overflowed the kernel's default backlog
	const LINES = [
		'[   13.003789]  (2)[544:logd.auditd]type=1400 audit(1688459101.529:292): avc: denied { write } for comm="getprop" name="u:object_r:ctl_gsid_prop:s0" dev="tmpfs" ino=21925 scontext=u:r:recovery:s0 tcontext=u:object_r:ctl_gsid_prop:s0 tclass=file permissive=1',
		'[   13.003900]  (2)[544:logd.auditd]type=1400 audit(1688459101.529:293): avc: denied { write } for comm="getprop" name="u:object_r:ctl_interface_restart_prop:s0" dev="tmpfs" ino=21926 scontext=u:r:recovery:s0 tcontext=u:object_r:ctl_interface_restart_prop:s0 tclass=file permissive=1',
		'[   13.004228]  (1)[738:getprop]audit: audit_backlog=70 > audit_backlog_limit=64',
		'[   13.004238]  (1)[738:getprop]audit: audit_lost=26 audit_rate_limit=0 audit_backlog_limit=64',
		'[   13.004242]  (1)[738:getprop]audit: backlog limit exceeded'
	];

	it('tells the phone’s owner it is harmless there, without auditd or auditctl', async () => {
		const f = (await findingsOf(LINES)).filter((x) => x.rule === 'security.audit-lost');
		// low on a phone (rules23): its explanation says nothing needs doing
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['Audit backlog overflowed: records lost', 'low']
		]);
		const advice = f[0].explanation.next_steps.join(' ');
		expect(advice).not.toMatch(/auditctl|auditd runs/);
		expect(f[0].explanation.meaning).toContain('logd');
	});

	it('keeps auditctl for a machine that runs auditd', async () => {
		const f = await findingsOf([LINES[4]]);
		expect(f[0].explanation.next_steps.join(' ')).toContain('auditctl -s');
		expect(f[0].severity).toBe('medium');
	});
});

describe('arm64 cores whose feature registers differ', () => {
	// orion-o6-dmesg-out.log lines 133, 134 and 139 (Radxa Orion O6, CIX P1, 6.12)
	const ORION = [
		'[    0.031952] CPU features: SANITY CHECK: Unexpected variation in SYS_ID_AA64MMFR1_EL1. Boot CPU: 0x1001111010312122, CPU1: 0x1001111011312122',
		'[    0.031962] CPU features: Unsupported CPU feature variation detected.',
		'[    0.047870] CPU features: SANITY CHECK: Unexpected variation in SYS_ID_AA64MMFR1_EL1. Boot CPU: 0x1001111010312122, CPU2: 0x1001111011312122'
	];
	// iamslightlywin-dump-last-kmsg.log lines 8669-8671 (a Snapdragon tablet, 4.19): the summary only
	const TABLET = [
		'<6>[    0.055343]  [4:      swapper/4:    0] Detected PIPT I-cache on CPU4',
		'<4>[    0.055374]  [4:      swapper/4:    0] CPU features: Unsupported CPU feature variation detected.',
		'<6>[    0.055419]  [4:      swapper/4:    0] arch_timer: CPU4: Trapping CNTVCT access'
	];

	it('explains the S taint once per boot, with the registers and cores that differ', async () => {
		const f = await findingsOf(ORION);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'hardware.cpu-feature-mismatch',
				'CPU cores report different features: the kernel is tainted (S)',
				'low',
				1
			]
		]);
		expect(f[0].details).toMatchObject({
			id_registers: ['SYS_ID_AA64MMFR1_EL1'],
			cores: ['CPU1', 'CPU2']
		});
		expect(f[0].explanation.next_steps[0]).toContain('taint');
	});

	it('reads the summary line alone', async () => {
		const f = await findingsOf(TABLET);
		expect(f.map((x) => x.rule)).toEqual(['hardware.cpu-feature-mismatch']);
	});
});
