import type { Severity } from '../../models/finding.ts';

/**
 * Kernel reports that are notices, not bugs: WARN()s that vendor and older kernels print on
 * purpose to say something about the machine (a support status, broken firmware). A report whose
 * title (and, when given, one of whose lines) matches keeps its title and trace but gets the
 * notice's rule, which keys its kind and explanation, and the notice's severity.
 */
export interface CrashNotice {
	rule: string;
	severity: Severity;
	/** tested against the normalised title */
	title: RegExp;
	/** when given, a line of the report must match too (a WARN's message may come before its header) */
	line?: RegExp;
	/** a real report it covers: its title and the line `line` matches */
	example: { title: string; line?: string };
	/** why it is no bug */
	why: string;
	/** a crash asked for on purpose: its severity stands though the report ended in a panic */
	onPurpose?: true;
	/**
	 * the line rules of the finding that reports the same complaint (a firmware WARN()'s message,
	 * the fault the WARN() is about, the W+X check's finding): the warning is linked to it
	 * (cascades.ts)
	 */
	firmware?: readonly string[];
}

export const CRASH_NOTICES: readonly CrashNotice[] = [
	{
		// RHEL 7 kernel/rh_taint.c mark_hardware_unsupported(): WARN_TAINT(1,
		// TAINT_HARDWARE_UNSUPPORTED, "Your hardware is unsupported.  Please do not report bugs, …")
		rule: 'crash.unsupported-hardware',
		severity: 'low',
		title: /^WARNING in mark_hardware_unsupported$/,
		example: { title: 'WARNING in mark_hardware_unsupported' },
		why: 'Red Hat kernels warn once at boot, on purpose, that Red Hat does not support this hardware.'
	},
	{
		// Intel VT-d before 3.x printed its firmware complaints with WARN_TAINT(1,
		// TAINT_FIRMWARE_WORKAROUND, "Your BIOS is broken; …"): drivers/pci/dmar.c warn_invalid_dmar(),
		// dmar_parse_one_rhsa(), intel-iommu.c check_tylersburg_isoch(); newer kernels print the
		// same text as `DMAR: [Firmware Bug]: Your BIOS is broken; …` without a trace
		rule: 'crash.firmware-warning',
		severity: 'info',
		title: /^WARNING in /,
		line: /^Your BIOS is broken; /,
		example: {
			title: 'WARNING in warn_invalid_dmar',
			line: 'Your BIOS is broken; DMAR reported at address 0!'
		},
		why: 'The trace only carries a firmware complaint, which is reported as a firmware finding of its own.',
		firmware: ['firmware.dmar-table-broken']
	},
	{
		// drivers/firmware/efi/runtime-wrappers.c __efi_queue_work(): WARN_ON_ONCE(status ==
		// EFI_ABORTED), which the arch's fault handler sets when a UEFI runtime service (GetTime,
		// GetVariable ...) faulted inside the firmware: arm64 prints `[Firmware Bug]: Unable to
		// handle paging request in EFI runtime service` first, x86 `efi: Froze efi_rts_wq and
		// disabled EFI Runtime Services` (orion-o6-dmesg-out.log, Radxa Orion O6 BIOS 1.0)
		rule: 'crash.firmware-warning',
		severity: 'info',
		title: /^WARNING in /,
		line: /^WARNING: .* __efi_queue_work\+0x/,
		example: {
			title: 'WARNING in virt_efi_get_time',
			line: 'WARNING: CPU: 11 PID: 1 at drivers/firmware/efi/runtime-wrappers.c:341 __efi_queue_work+0xf0/0x130'
		},
		why: 'The warning only says that the UEFI firmware faulted in a runtime service; the fault and the disabled runtime services are firmware findings of their own.',
		firmware: ['firmware.efi-runtime-disabled']
	},
	{
		// arch/x86/kernel/cpu/mtrr/generic.c generic_get_mtrr() of 2.6 kernels: WARN_ONCE(1,
		// KERN_INFO "mtrr: your BIOS has set up an incorrect mask, fixing it up.\n")
		// (abrt-cut-here.log, ProLiant BL460c G1); later kernels print the line alone
		rule: 'crash.firmware-warning',
		severity: 'info',
		title: /^WARNING in /,
		line: /^mtrr: your BIOS has (?:set up|configured) an incorrect mask/,
		example: {
			title: 'WARNING in generic_get_mtrr',
			line: 'mtrr: your BIOS has set up an incorrect mask, fixing it up.'
		},
		why: 'The warning carries the BIOS’s wrong MTRR mask, which the kernel fixed; the mask is a firmware finding of its own.',
		firmware: ['firmware.mtrr-bad-mask']
	},
	{
		// drivers/iommu/intel_irq_remapping.c of 3.10 intel_irq_remapping_supported():
		// WARN_TAINT(1, TAINT_FIRMWARE_WORKAROUND, "This system BIOS has enabled interrupt
		// remapping\non a chipset that contains an erratum …") (satyr-github-113.log, HP Z600);
		// later kernels print the same text with pr_warn
		rule: 'crash.firmware-warning',
		severity: 'info',
		title: /^WARNING in /,
		line: /^This system BIOS has enabled interrupt remapping/,
		example: {
			title: 'WARNING in intel_irq_remapping_supported',
			line: 'This system BIOS has enabled interrupt remapping'
		},
		why: 'The warning only says that the BIOS enabled interrupt remapping on a chipset with an erratum, which the kernel then turned off; that is a firmware finding of its own.',
		firmware: ['firmware.irq-remapping-erratum']
	},
	{
		// the boot-time W+X check (CONFIG_DEBUG_WX): arch/x86/mm/dump_pagetables.c note_page() (4.4
		// on; note_prot_wx() since 5.x, arm64's ptdump.c the same) prints the first writable and
		// executable mapping it finds with WARN_ONCE(1, "x86/mm: Found insecure W+X mapping at
		// address %p/%pS\n", …), then `Checked W+X mappings: FAILED, N W+X pages found.`, which
		// security.wx-mappings reports (lkp-05.log: a QEMU guest's legacy BIOS area on 4.8-rc1 i386,
		// `WARNING in note_page` had led its report as a medium kernel warning beside that finding)
		rule: 'crash.wx-check-warning',
		severity: 'info',
		title: /^WARNING in /,
		line: /^(?:\w+\/mm: )?Found insecure W\+X mapping at address /,
		example: {
			title: 'WARNING in note_page',
			line: 'x86/mm: Found insecure W+X mapping at address c00a0000/0xc00a0000'
		},
		why: 'The warning only carries the first mapping the boot-time W+X check found; the check’s result is a security finding of its own, and the trace shows the checker, not the code that made the mapping.',
		firmware: ['security.wx-mappings']
	},
	{
		// arch/x86/mm/ioremap.c __ioremap_caller() (2.6.29 on): WARN_ONCE(iomem_map_sanity_check(…),
		// KERN_INFO "Info: mapping multiple BARs. Your kernel is fine."): a driver mapped a range
		// that spans more than one entry of the resource tree (a PCI BAR); the mapping is made
		// (abrt-oops-module-nouveau.log, Fedora 21 3.19, nouveau's nouveau_barobj_ctor)
		rule: 'crash.ioremap-multiple-bars',
		severity: 'low',
		title: /^WARNING in __ioremap_caller$/,
		line: /^Info: mapping multiple BARs\. Your kernel is fine\./,
		example: {
			title: 'WARNING in __ioremap_caller',
			line: 'Info: mapping multiple BARs. Your kernel is fine.'
		},
		why: 'The kernel says so itself (`Your kernel is fine`): a driver mapped device memory across more than one PCI BAR, which works; the warning is printed once, for the driver’s developers.'
	},
	{
		// drivers/base/core.c device_create_file(): WARN((mode & S_IWUGO) && !attr->store,
		// "Attribute %s: write permission without 'store'\n") and the same for S_IRUGO without
		// show(): a driver gave a sysfs file a permission it has no handler for, and the file is
		// created all the same (logs-a5y17lte-dmesg.log, a Samsung Exynos 7880 vendor kernel; the
		// message comes after the WARNING: line before 4.x, before it since)
		rule: 'crash.sysfs-attribute-mode',
		severity: 'low',
		title: /^WARNING in device_create_file$/,
		line: /^Attribute \S+: (?:write permission without 'store'|read permission without 'show')$/,
		example: {
			title: 'WARNING in device_create_file',
			line: "Attribute error_cnt: write permission without 'store'"
		},
		why: 'A driver declared a sysfs file readable or writable without the function that reads or writes it; only that file misbehaves.'
	},
	{
		// drivers/irqchip/irq-gic.c (4.16 on) and irq-gic-v3.c gic_irq_domain_translate():
		// WARN_ON(*type == IRQ_TYPE_NONE), "Make it clear that broken DTs are... broken": a device
		// tree `interrupts` entry whose trigger type (third cell) is 0, the function's only WARN
		// (bacon-pmos-mainline-dev-dmesg-log.log: a OnePlus One's msm8974 device tree on 4.17-rc1,
		// 23 at boot, one per interrupt so described)
		rule: 'crash.dt-irq-type-none',
		severity: 'low',
		title: /^WARNING in gic_irq_domain_translate$/,
		example: { title: 'WARNING in gic_irq_domain_translate' },
		why: 'The device tree describes an interrupt without its trigger type; the kernel warns once per such interrupt at boot and uses the controller’s default: a device-tree bug of the board, not a kernel bug.'
	},
	{
		// drivers/gpu/drm/drm_ioctl.c drm_copy_field() (until 6.13): WARN_ONCE(!value, "BUG: the
		// value to copy was not set!") when DRM_IOCTL_VERSION asks for a driver's name, date or
		// description and the driver left it NULL; the field is returned empty and the ioctl
		// succeeds. Drivers written for 6.14 on, which dropped `date` from struct drm_driver, leave
		// it NULL on older kernels (ms912x-error-log-txt.log: the out-of-tree ms912x USB display
		// driver on Ubuntu's 6.8, `[drm] Initialized ms912x 0.0.1 (null)`, then Xorg's ioctl)
		rule: 'crash.drm-version-field-unset',
		severity: 'low',
		title: /^WARNING in drm_copy_field$/,
		line: /^BUG: the value to copy was not set!$/,
		example: { title: 'WARNING in drm_copy_field', line: 'BUG: the value to copy was not set!' },
		why: 'A graphics driver left its name, date or description unset; a program asking for them gets an empty field, and nothing else is affected.'
	},
	{
		// a WARN() whose message asks the reader to look at the stack: WARN(1, "See the call
		// stack!") used as dump_stack(), the print a local debugging patch adds to see who calls a
		// function (pikernel-dmesg.log, a Raspberry Pi 3.6.11+ with `I am in init_cfs_rq,
		// min_vruntime = …` printed before each of 27 such WARNs in kernel/sched/fair.c, at boot and
		// on every setsid()); upstream WARN()s say what went wrong, not where to look
		rule: 'crash.debug-warning',
		severity: 'info',
		title: /^WARNING in /,
		line: /^(?:see|check|look at|print|dump) (?:the )?(?:call ?stack|stack(?: ?trace)?|call ?trace|back ?trace)\b/i,
		example: { title: 'WARNING in alloc_fair_sched_group', line: 'See the call stack!' },
		why: 'The warning’s only message asks to look at the call stack: a WARN() added by a debugging patch to show who calls that code, not a condition the kernel found wrong.'
	},
	{
		// an I2C controller driver's WARN on a transfer that failed (a timeout) while an I2C
		// device's driver probed it: the vendor i2c-tegra.c of 2.6.36 (tf201log-dmesg-txt.log, an
		// ASUS TF201: `WARNING: at …/i2c-tegra.c:623 tegra_i2c_xfer+0x37c/0x3e0()`, then `i2c
		// transfer timed out, addr 0x0020` and `pca953x: probe of 2-0020 failed with error -110`)
		// warns on every timeout; the probe of a chip the board does not have is the usual one
		rule: 'crash.i2c-probe-transfer',
		severity: 'info',
		title: /^WARNING in \w*i2c\w*_xfer$/,
		line: /\bi2c_device_probe\+0x/,
		example: {
			title: 'WARNING in tegra_i2c_xfer',
			line: '[<c02f8ca8>] (i2c_device_probe+0xbc/0xe4) from [<c0252efc>] (driver_probe_device+0x98/0x1a8)'
		},
		why: 'The I2C controller driver warns when a transfer fails; here the transfer was a device driver’s probe of its chip, whose failure (usually a chip this board variant does not have) is reported as that driver’s probe failure.'
	},
	{
		// KASAN's own false report (its stack redzones, not a bug of the code it names): jprobes
		// save and restore a raw chunk of the probed function's stack, x86's and arm64's
		// setjmp_pre_handler() with memcpy(kcb->jprobes_stack, addr, MIN_STACK_SIZE(addr)) (64
		// bytes on x86) and longjmp_break_handler() back, and KASAN's memcpy() checks the chunk,
		// which holds the redzones of the frames it spans; the upstream fix (`kprobes: Avoid false
		// KASAN reports during stack copy`) copies with __memcpy(), which KASAN does not check, and
		// jprobes were removed later (lkp-kasan-02.log: the kprobes smoke test at boot on 4.8-rc1,
		// `Read of size 64` in setjmp_pre_handler, its trace `memcpy` under it)
		rule: 'crash.kasan-false-report',
		severity: 'low',
		title:
			/^KASAN: stack-out-of-bounds (?:Read|Write) in (?:setjmp_pre_handler|longjmp_break_handler)$/,
		line: /(?:^|[\s>(])memcpy\+0x/,
		example: {
			title: 'KASAN: stack-out-of-bounds Read in setjmp_pre_handler',
			line: '[<ffffffff8149b8c3>] memcpy+0x23/0x50'
		},
		why: 'A jprobe copies a raw chunk of the stack with memcpy(), which KASAN checks against the redzones between the stack’s variables: a known false report of KASAN, not a memory bug of the probed code.'
	},
	{
		// net/wireless/nl80211.c nl80211_get_reg_do(): `/* a self-managed-reg device must have a
		// private regdom */ if (WARN_ON(!regdom && self_managed))`, the function's only WARN, which
		// then answers NL80211_CMD_GET_REG with -EINVAL. A self-managed device (iwlwifi with its
		// firmware's LAR) gets its domain from the firmware when it is first brought up, so a Wi-Fi
		// daemon that asks as soon as the wiphy appears meets it without one (linux-bug-dmesg-out.log:
		// iwd on 5.9.12, 15 ms after iwlwifi's `base HW address` of an AX200)
		rule: 'crash.wifi-regdomain-early',
		severity: 'low',
		title: /^WARNING in nl80211_get_reg_do$/,
		example: { title: 'WARNING in nl80211_get_reg_do' },
		why: 'A Wi-Fi daemon asked for the regulatory domain of a Wi-Fi device whose driver sets it only once the device is started; the kernel warns and refuses that one request, and the device gets its domain when it comes up.'
	},
	{
		// a module written to make the kernel report a problem, to test a crash-reporting tool:
		// ABRT's will_oops (satyr-rhbz-1040900-s390x-1.log: built in a temporary directory, loaded
		// with insmod on RHEL 7's 3.10 s390x, `This kernel oops is brought to you by will_oops.` and
		// a WARN at will_oops.c:11 in its init) and kerneloops' test module `oops`
		// (kerneloops-i386-bug-on.log: `/tmp/oops.c`, whose 7-byte `modinit` is a WARN_ON, then on
		// a second load a BUG_ON, `<0f> 0b`); its frames are the module's, so the line is one of
		// them, whatever the report's header (WARN, BUG, oops)
		rule: 'crash.test-module',
		severity: 'low',
		title: /^.+ in \S+$/,
		line: /\b\w+\+0x[0-9a-f]+\/0x[0-9a-f]+ \[(?:will_oops|oops)\]/,
		example: {
			title: 'WARNING in will_oops_init',
			line: 'Krnl PSW : 0704f00180000000 000003ff8086d03a (will_oops_init+0x3a/0x1000 [will_oops])'
		},
		why: 'A test module made the kernel report a problem on purpose, to check that crash reporting works: the kernel did what the test asked.',
		onPurpose: true
	},
	{
		// kernel/exit.c do_exit(): panic("Attempted to kill init! exitcode=0x%08x\n", …) when PID 1
		// exits or dies of a signal; the code is a wait status (a signal number, or the exit status
		// shifted left by 8). lkp-09.log: init segfaults on the vsyscall page (vsyscall=none), 0xb
		rule: 'crash.init-died',
		severity: 'critical',
		title: /^kernel panic: Attempted to kill init!$/,
		example: { title: 'kernel panic: Attempted to kill init!' },
		why: 'The init process (PID 1) exited or was killed, and the kernel cannot run without it: most often a user-space crash or a broken initramfs, not a kernel bug.'
	},
	{
		// mm/oom_kill.c check_panic_on_oom(): with the vm.panic_on_oom sysctl set, the kernel panics
		// instead of killing a task: "Out of memory: %s panic_on_oom is enabled" with
		// "system-wide" (1 or 2) or "compulsory" (2, for a cpuset or memory policy constraint)
		// (abrt-kernel-panic-oom.log, RHEL 7 in VMware)
		rule: 'crash.oom-panic',
		severity: 'critical',
		title: /^kernel panic: Out of memory: (?:system-wide|compulsory) panic_on_oom is enabled$/,
		example: { title: 'kernel panic: Out of memory: system-wide panic_on_oom is enabled' },
		why: 'The machine ran out of memory and the vm.panic_on_oom setting asked for a panic instead of killing a process: a configuration, not a kernel bug.'
	},
	{
		// drivers/tty/sysrq.c sysrq_handle_crash(): `echo c > /proc/sysrq-trigger` or Alt+SysRq+C
		// prints `sysrq: Trigger a crash` (`SysRq : Trigger a crash` on older kernels), then
		// panic("sysrq triggered crash\n") (abrt-oops-without-addrs.log: a Fedora 5.4 QEMU guest with
		// `Kdump: loaded`, the write done by bash); older kernels wrote through a NULL pointer with
		// panic_on_oops set, an oops in sysrq_handle_crash (the 2.6.32 form RHEL 6's kdump guide shows)
		rule: 'crash.sysrq-crash',
		severity: 'low',
		title: /^(?:kernel panic: sysrq triggered crash|.+ in sysrq_handle_crash)$/,
		example: { title: 'kernel panic: sysrq triggered crash' },
		why: 'Someone or something with root rights asked the kernel to crash (SysRq c), most often to test kdump or to fence a cluster node: the kernel did what it was told.',
		onPurpose: true
	}
];

/** The notice a report is, from its final title and its lines (with a WARN's message lines), or null. */
export function crashNotice(title: string, lines: readonly { text: string }[]): CrashNotice | null {
	for (const n of CRASH_NOTICES) {
		if (!n.title.test(title)) continue;
		if (n.line === undefined) return n;
		const line = n.line;
		if (lines.some((l) => line.test(l.text))) return n;
	}
	return null;
}

/** the severity of each notice rule */
export const NOTICE_SEVERITY: ReadonlyMap<string, Severity> = new Map(
	CRASH_NOTICES.map((n) => [n.rule, n.severity])
);

/** the notice rules of crashes asked for on purpose */
export const ON_PURPOSE: ReadonlySet<string> = new Set(
	CRASH_NOTICES.filter((n) => n.onPurpose).map((n) => n.rule)
);
