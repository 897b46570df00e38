import type { LineRule } from './types.ts';

/**
 * VirtualBox Guest Additions: VBoxService writes its release log to the kernel log through the
 * vboxguest driver, each line starting with its own wall-clock time and thread name:
 * `06:13:15.527104 main     Error: Service 'control' failed to initialize: VERR_VERSION_MISMATCH`.
 * VERR_VERSION_MISMATCH: two VirtualBox components of different versions. In the real logs
 * (Ubuntu 18.04 guest, kernel 4.15) VBoxService 6.0.0 from /opt/VBoxGuestAdditions-6.0.0 ran
 * with the kernel's own vboxguest 5.2.8_KernelUbuntu: a VirtualBox 6.0 host's guest control
 * service refuses GUEST_MSG_MAKE_ME_MASTER from a driver that does not pass the requestor
 * (`Outdated VBoxGuest w/o requestor support`), which the kernel's vboxguest does only since
 * Linux 5.0.
 */
export const vboxVersionMismatch: LineRule = {
	id: 'other.vbox-guest-version-mismatch',
	category: 'other',
	severity: 'low',
	triggers: ['VERR_VERSION_MISMATCH'],
	pattern:
		/^\d\d:\d\d:\d\d\.\d+ [\w-]+\s+Error: (?:Service '([\w-]+)' failed to initialize|Failed to become guest (control) master|(.+?)): VERR_VERSION_MISMATCH$/,
	// one finding: VBoxService prints two lines for one failure, and again at each start
	title: () => 'VirtualBox Guest Additions do not match the vboxguest driver or the host',
	details: (m) => ({
		service: m[1] ?? m[2] ?? null,
		message: m[3] ?? null
	}),
	collect: { service: 'services' },
	/*
	 * drivers/virt/vboxguest/vboxguest_linux.c (and the Guest Additions' own module):
	 * `vboxguest: Successfully loaded version 5.2.8_KernelUbuntu (interface 0x00010004)`
	 */
	context: {
		trigger: 'vboxguest: Successfully loaded version ',
		pattern: /^vboxguest: Successfully loaded version (\S+)/,
		details: (m) => ({ vboxguest_version: m[1] }),
		within: 5000,
		examples: [
			'vboxguest: Successfully loaded version 5.2.8_KernelUbuntu (interface 0x00010004)',
			'vboxguest: Successfully loaded version 7.0.12 r159484'
		]
	},
	examples: [
		// logging-kern-log-1.log, logging-syslog.log (VBoxService 6.0.0, vboxguest 5.2.8_KernelUbuntu)
		"09:31:30.251235 main     Error: Service 'control' failed to initialize: VERR_VERSION_MISMATCH",
		'09:31:30.249133 main     Error: Failed to become guest control master: VERR_VERSION_MISMATCH'
	],
	negatives: [
		'09:31:30.242020 main     VBoxService 6.0.0 r127566 (verbosity: 0) linux.amd64 (Dec 18 2018 12:44:47) release log',
		'vboxguest: Successfully loaded version 5.2.8_KernelUbuntu (interface 0x00010004)'
	],
	explanation: {
		meaning:
			"This machine is a VirtualBox guest. VBoxService, the Guest Additions’ background service (it writes its log to the kernel log through the vboxguest driver), could not start one of its services because two VirtualBox parts have versions that do not work together: the Guest Additions programs, the vboxguest kernel driver and the VirtualBox host. The usual case is the one of the service `control`: Guest Additions 6.0 or later installed from the Guest Additions CD (under /opt/VBoxGuestAdditions-<version>) run with the older vboxguest that comes with the kernel (its version ends in `_KernelUbuntu`, or is the one of a kernel before 5.0); that driver does not tell the host which process calls, so a VirtualBox 6.0 or later host refuses to let VBoxService take over guest control. Then guest control does not work: the host cannot run programs in the guest or copy files into it (`VBoxManage guestcontrol`, the automatic Guest Additions update). Shared folders, the clipboard and display resizing are other parts; this message does not say they fail. VBoxService reports this failure on two lines each time it starts (`Failed to become guest control master`, `Service 'control' failed to initialize`), so the count is twice the number of its starts.",
		causes: [
			{
				kind: 'configuration',
				text: 'Guest Additions installed from the VirtualBox CD, but the kernel’s own vboxguest driver loaded instead of theirs (they were built for an older kernel, or not built because the kernel headers were missing).'
			},
			{
				kind: 'configuration',
				text: 'The distribution’s Guest Additions packages and the ones from the CD mixed, or Guest Additions much older or newer than the VirtualBox host.'
			}
		],
		next_steps: [
			'Compare the versions: `modinfo vboxguest` (version and file: under kernel/ it is the kernel’s own driver), `VBoxService --version`, and the host’s VirtualBox version (Help > About VirtualBox).',
			'Reinstall the Guest Additions for the running kernel: install its headers and compilers (`linux-headers-$(uname -r)`, gcc, make, perl), run the installer from the Guest Additions CD again (or `sudo rcvboxadd setup` for installed ones), reboot, and check that `vboxguest: Successfully loaded version` now shows the Additions’ version.',
			'Or use one set only: remove the CD’s Additions (`/opt/VBoxGuestAdditions-*/uninstall.sh`) and install the distribution’s guest packages (virtualbox-guest-utils, virtualbox-guest-x11), which match the kernel’s driver.'
		],
		references: ['https://www.virtualbox.org/manual/ch04.html']
	}
};

/**
 * Hardware virtualization (Intel VT-x, AMD-V/SVM) switched off in the firmware setup, so KVM
 * cannot start. The kernel says it in several ways:
 * - arch/x86/kvm/x86.c kvm_arch_init() (2.6.x-6.1), once per attempt to load kvm_intel or
 *   kvm_amd (udev tries on every CPU's device, so a boot prints it again and again):
 *   `kvm: disabled by bios`, 5.19-6.1 `kvm: support for 'kvm_amd' disabled by bios`;
 * - since 6.3 the vendor modules: `kvm_intel: VMX not enabled (by BIOS) in MSR_IA32_FEAT_CTL on
 *   CPU 0`, `kvm_amd: SVM disabled (by BIOS) in MSR_VM_CR on CPU 0`;
 * - arch/x86/kernel/cpu/feat_ctl.c (5.6+) at boot, when the firmware locked
 *   MSR_IA32_FEAT_CTL without VMX: `x86/cpu: VMX (outside TXT) disabled by BIOS`.
 * Real logs: zictes dmesg (ASUS PRIME B550-PLUS, Ryzen, ten `kvm: disabled by bios` in 1 s of
 * one boot), ideapad320-15ikb genkernel_dmesg (LENOVO 80XL, the feat_ctl line).
 */
export const virtualizationDisabled: LineRule = {
	id: 'firmware.virtualization-disabled',
	category: 'firmware',
	// the factory setting of many machines, and udev tries to load kvm on every one whose
	// processor has the feature: a fact for whoever wants virtual machines, not a fault
	severity: 'info',
	triggers: ['disabled by bios', 'disabled by BIOS', ' (by BIOS) in MSR_'],
	pattern:
		/^(?:kvm: (?:support for '(kvm_\w+)' )?disabled by bios|(kvm_\w+): (SVM|VMX) (?:disabled|not enabled) \(by BIOS\) in MSR_\w+ on CPU \d+|x86\/cpu: (VMX) \(outside TXT\) disabled by BIOS)/,
	title: () => 'Hardware virtualization disabled in the firmware: KVM cannot run virtual machines',
	details: (m) => {
		const module = m[1] ?? m[2] ?? null;
		const tech = m[3] ?? m[4] ?? null;
		const vendor =
			tech === 'VMX' || module === 'kvm_intel'
				? 'Intel VT-x'
				: tech === 'SVM' || module === 'kvm_amd'
					? 'AMD-V (SVM)'
					: null;
		return { module, technology: vendor };
	},
	// signs of one setting: the boot's first line is the finding, the others are not counted
	perBoot: true,
	examples: [
		// zictes dmesg.log line 1254 (ASUS PRIME B550-PLUS, Ryzen, kernel 5.x)
		'kvm: disabled by bios',
		// ideapad320-15ikb-defconf genkernel_dmesg (LENOVO 80XL, kernel 5.15.75)
		'x86/cpu: VMX (outside TXT) disabled by BIOS',
		// kernel formats (not in the real corpus)
		"kvm: support for 'kvm_amd' disabled by bios",
		'kvm_intel: VMX not enabled (by BIOS) in MSR_IA32_FEAT_CTL on CPU 0',
		'kvm_amd: SVM disabled (by BIOS) in MSR_VM_CR on CPU 3'
	],
	negatives: [
		'x86/cpu: SGX disabled by BIOS.',
		'MTRRs disabled by BIOS',
		'kvm: Nested Virtualization enabled',
		'kvm: no hardware support'
	],
	explanation: {
		meaning:
			'The processor can run virtual machines with hardware help (Intel VT-x, AMD-V/SVM), but the BIOS/UEFI setup has that switched off, so the kernel cannot use it: the KVM module does not load and /dev/kvm does not exist. QEMU/KVM, libvirt, virt-manager, GNOME Boxes, the Android emulator and VirtualBox then cannot run virtual machines, or run them only very slowly in software. Nothing else is affected: a machine that runs no virtual machines can ignore it. The message is printed each time something tries to load kvm_intel or kvm_amd (udev tries once per CPU at boot), so a boot often shows it many times; it counts once per boot here. In a virtual machine it means the host does not offer nested virtualization to this guest.',
		causes: [
			{
				kind: 'configuration',
				text: 'Virtualization switched off in the firmware setup (the default on many desktop boards and some laptops): "Intel Virtualization Technology", "VT-x", "SVM Mode" or "AMD-V".'
			},
			{
				kind: 'firmware',
				text: 'A BIOS update or a reset to defaults (CMOS cleared, a dead battery) that turned it off again.'
			}
		],
		next_steps: [
			'If you want to run virtual machines: enable it in the BIOS/UEFI setup (often under Advanced > CPU Configuration: "Intel Virtualization Technology", or "SVM Mode" on AMD boards), save, and power the machine off completely before starting it again.',
			'Check afterwards: `lscpu | grep -i virtualization` names VT-x or AMD-V, `ls /dev/kvm` exists, and the kernel log no longer has this line.',
			'If you do not run virtual machines, nothing is needed.'
		],
		references: [
			'https://docs.kernel.org/virt/kvm/index.html',
			'https://docs.kernel.org/arch/x86/cpuinfo.html'
		]
	}
};

/**
 * arch/arm/kvm/arm.c, later virt/kvm/arm/arm.c, kvm_arch_init() (kvm_err, whose prefix names the
 * pid: `kvm [1]: `): a CPU for which kvm_target_cpu() knows no target. 32-bit ARM's KVM (removed
 * in 5.7) knew only the Cortex-A7 and Cortex-A15; arm64's takes any ARMv8 core (its generic
 * target, since its early releases). So a 32-bit kernel on another core (a Raspberry Pi 2 v1.2
 * or 3, Cortex-A53) has no KVM. Corpus:
 * izassafar-one kern.log and syslog (Raspberry Pi 3 Model B+, Ubuntu's `5.3.0-1027-raspi2`).
 */
export const kvmCpuUnsupported: LineRule = {
	id: 'other.kvm-cpu-unsupported',
	category: 'other',
	// a fact for whoever wants virtual machines, like hardware virtualization disabled
	severity: 'info',
	perBoot: true,
	triggers: ['Error, CPU '],
	pattern: /^kvm \[\d+\]: Error, CPU (\d+) not supported!/,
	title: () =>
		'KVM does not support this CPU with this kernel: no hardware-assisted virtual machines',
	details: (m) => ({ cpu: Number(m[1]) }),
	examples: [
		// izassafar-one kern.log line 124 (Raspberry Pi 3 Model B+, 32-bit 5.3 kernel)
		'kvm [1]: Error, CPU 0 not supported!'
	],
	negatives: ['kvm [1]: HYP mode not available', 'kvm [1]: Hyp mode initialized successfully'],
	explanation: {
		meaning:
			'KVM, the kernel’s hypervisor, checked the processor at boot and found a core it cannot run virtual machines on, so it did not start: /dev/kvm does not exist, and QEMU, libvirt or other virtual machine programs run guests only in slow software emulation. The 32-bit ARM kernel’s KVM (until 5.6) supports only the Cortex-A7 and Cortex-A15 cores; a 32-bit kernel on another core, such as the Cortex-A53 of a Raspberry Pi 3, prints this line. Nothing else is affected.',
		causes: [
			{
				kind: 'configuration',
				text: 'A 32-bit (armhf) kernel on a 64-bit ARM processor whose cores its KVM does not know (the Raspberry Pi 3 and 4 run such kernels in many 32-bit images).'
			},
			{
				kind: 'kernel',
				text: 'An old kernel whose KVM knew only the first ARMv8 cores (the first arm64 releases).'
			}
		],
		next_steps: [
			'If you do not run virtual machines on this machine, nothing is needed.',
			'To run them with hardware help, boot a 64-bit (arm64) kernel and system, whose KVM supports every ARMv8 core (`uname -m` shows `aarch64`), and check that /dev/kvm exists afterwards.'
		],
		references: ['https://docs.kernel.org/virt/kvm/index.html']
	}
};
