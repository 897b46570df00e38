import type { Explanation } from '../../models/finding.ts';
import type { LineRule, RuleOutcome } from './types.ts';
import { errnoName } from './util.ts';

/**
 * Character device numbers: fs/char_dev.c hands out majors dynamically from 254 down to 234
 * (CHRDEV_MAJOR_DYN_END); in older kernels (4.8 here) a driver asking for one when those were all taken got
 * a lower one, which Documentation/admin-guide/devices.txt assigns to some driver, with
 * `CHRDEV "hfi1" major number 224 goes below the dynamic allocation range`; newer ones go on
 * from 511 down and, with that range full too, refuse (`CHRDEV "<name>" dynamic allocation region
 * is full`). A driver whose fixed major was taken that way cannot register it: InfiniBand's user
 * interfaces (drivers/infiniband/core: uverbs_main.c `user_verbs: couldn't register device
 * number`, ucm.c `ucm:`, user_mad.c `user_mad:`; major 231) do not start. lkp-59.log: a 4.8-rc1
 * randconfig kernel in QEMU with very many drivers built in, user_verbs and ucm failing, then hfi1
 * given 224.
 */
const CHRDEV_NUMBERS: Explanation = {
	meaning:
		'A character device (most of /dev: terminals, sound, input, InfiniBand; disks are block devices) is found by its major number. The kernel hands majors to drivers that ask for any from a small range (254 down to 234); when a kernel has more such drivers than the range holds, it goes on below it, into majors that the kernel’s list of devices assigns to particular drivers (`goes below the dynamic allocation range`; newer kernels use a second range from 511 instead, and refuse a driver once both are full: `dynamic allocation region is full`). A driver that needs its own fixed major then finds it taken and does not start: `couldn’t register device number` is InfiniBand’s user-space interfaces (user_verbs, ucm, user_mad, major 231), so /dev/infiniband is missing and RDMA programs (rdma-core, MPI, storage over RDMA) cannot use the adapters. Nothing else is affected, and a machine without InfiniBand or RDMA hardware loses nothing.',
	causes: [
		{
			kind: 'configuration',
			text: 'A kernel with very many drivers built in that ask for a dynamic major (a randconfig or allyesconfig test kernel), so the dynamic range ran out during the boot.'
		},
		{
			kind: 'driver',
			text: 'An out-of-tree or older driver that registers many majors, or one major per device, and uses up the range.'
		}
	],
	next_steps: [
		'`cat /proc/devices` lists the majors in use and the drivers holding them: the one holding the failing driver’s major (231 for InfiniBand’s user interfaces) and those below 234 are the dynamic ones that ran over.',
		'If the machine uses InfiniBand or RDMA, boot a kernel without the drivers it has no hardware for, or with them built as modules (they then take numbers only when their hardware is there); a distribution kernel that prints this is worth a report to the distribution.',
		'If it does not, nothing needs doing: only the drivers named here are missing.'
	],
	references: [
		'https://docs.kernel.org/admin-guide/devices.html',
		'https://man7.org/linux/man-pages/man5/proc_devices.5.html'
	]
};

/** fs/char_dev.c and drivers/infiniband/core: the majors ran out (CHRDEV_NUMBERS). */
export const chrdevNumbersTaken: LineRule = {
	id: 'other.chrdev-numbers-taken',
	category: 'other',
	severity: 'low',
	triggers: ['dynamic allocation region is full', ": couldn't register device number"],
	pattern:
		/^(?:CHRDEV "([^"]+)" dynamic allocation region is full|([\w-]+): couldn't register device number$)/,
	title: (m) =>
		m[1] === undefined
			? 'InfiniBand user-space interfaces could not register their device numbers'
			: 'Character device numbers ran out: a driver could not register',
	details: (m) =>
		m[1] !== undefined
			? { driver: m[1], reason: 'both dynamic ranges are full' }
			: { driver: m[2], reason: 'its fixed major is taken' },
	collect: { driver: 'drivers' },
	evidenceEach: 'driver',
	examples: [
		// lkp-59.log lines 1-2
		"user_verbs: couldn't register device number",
		"ucm: couldn't register device number",
		// fs/char_dev.c of newer kernels, with the second range full
		'CHRDEV "ttyS" dynamic allocation region is full'
	],
	negatives: [
		'CHRDEV "hfi1" major number 224 goes below the dynamic allocation range',
		'hfi1: registered character device with major 224',
		"sd 0:0:0:0: couldn't register device number"
	],
	explanation: CHRDEV_NUMBERS
};

/**
 * `snd: disagrees about version of symbol module_layout`: the module's struct module layout is
 * another kernel's (kernel/module/version.c check_modstruct_version), the first check of a load.
 * Every module of another kernel fails it the same way, so it is one problem, however many modules
 * print it (pikernel-dmesg.log: led_class, crc_ccitt and snd of a self-built Raspberry Pi kernel
 * booted with another build's /lib/modules had been three findings with three sets of steps).
 */
const OTHER_KERNEL_MODULES: Explanation = {
	meaning:
		'The kernel refused these modules at the first check of a load: `module_layout` stands for the layout of the kernel’s own module structure, and each listed module was built for a kernel whose layout differs, another version or another build of the same version with a different configuration. None of them loaded, so the drivers and features they provide (sound, LEDs, a file system…) are missing in this boot. When modules that come with the kernel fail this way (snd, led_class, crc_ccitt), the kernel image and the modules in /lib/modules/<version> are from different builds, and every module of that kernel is likely affected, not only those listed: only the modules something tried to load print the line.',
	causes: [
		{
			kind: 'configuration',
			text: 'A kernel image replaced or built by hand without installing its own modules, so /lib/modules/<version> holds another build’s modules with the same version string (a Raspberry Pi kernel.img copied over, an interrupted rpi-update, a self-built kernel booted with the distribution’s modules).'
		},
		{
			kind: 'configuration',
			text: 'A kernel package and its modules from different versions or builds (a partial upgrade, a /boot of another installation).'
		},
		{
			kind: 'configuration',
			text: 'An out-of-tree module (DKMS: NVIDIA, VirtualBox, ZFS, a vendor driver) built for the kernel before an update and not rebuilt.'
		}
	],
	next_steps: [
		'Compare what was booted with what the modules were built for: `uname -r` and `uname -v` against `modinfo -F vermagic <module>` for a module listed, and `modinfo -n <module>` for the file the kernel loads.',
		'Install the modules of the kernel that was booted, from the same build: `make modules_install` in the tree the image came from, or reinstall the kernel package so that the image and /lib/modules match (on a Raspberry Pi the package that ships kernel.img, not the image file alone); then run `depmod -a` and reboot.',
		'For an out-of-tree module, rebuild it for the running kernel once that kernel’s headers are installed (`dkms autoinstall`), or reinstall its vendor package.'
	],
	references: [
		'https://docs.kernel.org/kbuild/modules.html',
		'https://man7.org/linux/man-pages/man8/depmod.8.html'
	]
};

/**
 * kernel/module/main.c: `acpi_i2c: Unknown symbol i2c_new_device (err -2)`,
 * `nvidia: disagrees about version of symbol module_layout` — a module built for another kernel.
 */
export const moduleLoadFailed: LineRule = {
	id: 'other.module-load-failed',
	category: 'other',
	severity: 'low',
	triggers: [': Unknown symbol ', ': disagrees about version of symbol '],
	pattern:
		/^([\w-]+): (?:Unknown symbol (\S+) \(err (-?\d+)\)|disagrees about version of symbol (\S+))/,
	// one finding per module: it usually lists every symbol it misses, often each twice (version
	// mismatch, then unknown); modules of another kernel (module_layout) are one finding for all
	title: (m) =>
		m[4] === 'module_layout'
			? 'Modules built for another kernel could not be loaded'
			: `Module ${m[1]} could not be loaded`,
	collect: { symbol: 'symbols', module: 'modules' },
	// the modules of another kernel are one finding: each one's refusal is evidence, as it is
	// what the user checks against the kernel (pikernel-dmesg.log: led_class, crc_ccitt, snd)
	evidenceEach: 'module',
	explanationOf: (m) => (m[4] === 'module_layout' ? OTHER_KERNEL_MODULES : undefined),
	details: (m) => ({
		module: m[1],
		symbol: m[2] ?? m[4],
		reason: m[2] ? 'unknown symbols' : 'symbol versions do not match the kernel',
		error: m[3] !== undefined && m[3] !== '0' ? errnoName(m[3]) : null
	}),
	// kernel/module: a module whose licence is not GPL-compatible is marked proprietary (taint P)
	// and may not use symbols exported with EXPORT_SYMBOL_GPL, which then are `Unknown symbol`
	// (jetway-port-dmesg-log.log: a port's own acpi_i2c without MODULE_LICENSE)
	context: {
		trigger: "module license '",
		pattern: /^([\w-]+): module license '([^']*)' taints kernel/,
		details: (m) => ({
			module: m[1],
			license: m[2],
			reason: 'GPL-only symbols refused to a module without a GPL-compatible licence'
		}),
		within: 20,
		sameDetail: 'module',
		when: (m) => m[2] !== undefined,
		examples: ["acpi_i2c: module license 'unspecified' taints kernel."],
		outcome: {
			title: (m) =>
				`Module ${m[1]} could not be loaded: its licence keeps it from GPL-only symbols`,
			severity: 'low',
			explanation: {
				meaning:
					'The module declares a licence the kernel does not take as GPL-compatible (`unspecified` means it has no MODULE_LICENSE line at all), so the kernel marked it proprietary (taint P) and refused it the kernel functions exported only to GPL modules (EXPORT_SYMBOL_GPL). Each of those is reported as an unknown symbol and the module does not load: the feature it provides is missing in this boot. Symbols missing for this reason are there in the kernel; a module built for another kernel prints the same line, so check both.',
				causes: [
					{
						kind: 'driver',
						text: 'A self-written or ported module without `MODULE_LICENSE("GPL")` (or another GPL-compatible licence string) in its source.'
					},
					{
						kind: 'driver',
						text: 'A proprietary module that uses functions the kernel reserves for GPL modules.'
					}
				],
				next_steps: [
					'If the module is yours or open source, add `MODULE_LICENSE("GPL");` (or `"GPL v2"`, `"Dual MIT/GPL"`, `"Dual BSD/GPL"`) to its source, rebuild it for the running kernel and load it again.',
					'Check that the symbols exist in this kernel (`grep -w <symbol> /proc/kallsyms` or the kernel’s Module.symvers): a symbol that is not there at all means the module also needs porting to this kernel version.',
					'A proprietary module cannot use these functions; ask its vendor for a build for this kernel.'
				],
				references: [
					'https://docs.kernel.org/process/license-rules.html',
					'https://docs.kernel.org/admin-guide/tainted-kernels.html'
				]
			}
		}
	},
	examples: [
		'acpi_i2c: Unknown symbol i2c_new_device (err 0)',
		'vboxdrv: Unknown symbol __get_user_pages (err -2)',
		'nvidia: disagrees about version of symbol module_layout',
		// bananapi dmesg.log (gasket, the Coral Edge TPU driver, built by DKMS), pikernel dmesg
		'gasket: disagrees about version of symbol dev_warn',
		'gasket: Unknown symbol dev_warn (err -22)',
		'snd: disagrees about version of symbol module_layout'
	],
	negatives: [
		'Unknown symbol in the kallsyms table',
		'module: x86/modules: Skipping invalid relocation'
	],
	explanation: {
		meaning:
			'A kernel module refused to load because it needs kernel functions this kernel does not have, or was built against another kernel version. The feature it provides (the driver of a device, a file system, sound…) is missing in this boot. The kernel prints a line for each function it cannot resolve, often two (the version mismatch, then the unknown symbol), so the count is of those lines, not of attempts to load the module.',
		causes: [
			{
				kind: 'configuration',
				text: 'An out-of-tree module (DKMS: VirtualBox, NVIDIA, ZFS, vendor drivers) left over from an older kernel and not rebuilt after a kernel update.'
			},
			{
				kind: 'configuration',
				text: 'A module built against kernel headers that do not match the running kernel exactly (`disagrees about version of symbol` for ordinary kernel functions such as dev_err): common on single-board computers whose vendor kernel has no matching headers package.'
			},
			{
				kind: 'configuration',
				text: 'Modules that come with the kernel failing: the files in /lib/modules/<version> belong to another build of a kernel with the same version string, as when a self-built or replaced kernel image (a Raspberry Pi kernel.img) is booted without installing its own modules.'
			},
			{
				kind: 'driver',
				text: 'A module whose source uses an interface the kernel removed (it needs an update for this kernel).'
			}
		],
		next_steps: [
			'Compare the module with the running kernel: `uname -r` and `uname -v` against `modinfo -F vermagic <module>` and the path of `modinfo -n <module>`.',
			'Rebuild an out-of-tree module for the running kernel after installing the headers of exactly that kernel (`linux-headers-$(uname -r)`, the board vendor’s headers package): `dkms autoinstall`, or reinstall the vendor package.',
			'For modules that come with the kernel, install the modules of the kernel that was booted (`make modules_install` from the same build, or the kernel and modules packages together) and run `depmod -a`.',
			'If the module is not needed, blacklist it or remove its package.'
		],
		references: ['https://docs.kernel.org/kbuild/modules.html']
	}
};

/** include/linux/interrupt.h, in bit order */
const SOFTIRQS = [
	'HI',
	'TIMER',
	'NET_TX',
	'NET_RX',
	'BLOCK',
	'IRQ_POLL',
	'TASKLET',
	'SCHED',
	'HRTIMER',
	'RCU'
];

function softirqNames(mask: number): string[] {
	return SOFTIRQS.filter((_, bit) => (mask & (1 << bit)) !== 0);
}

const OFFLINE_NOHZ: RuleOutcome = {
	title: () => 'CPU went idle with softirq work pending while CPUs were taken offline',
	severity: 'info',
	explanation: {
		meaning:
			'A CPU stopped its timer tick with deferred interrupt work (a softirq) still waiting, just after the kernel began taking the other CPUs offline (`Disabling non-boot CPUs`, at suspend, hibernation or kexec). A CPU on its way down can leave such work behind; the kernel moves it to a CPU that stays online, so nothing is lost. It is harmless.',
		causes: [
			{
				kind: 'kernel',
				text: 'CPU hot-unplug at suspend racing with a softirq raised on a CPU about to go down (timer or network work).'
			}
		],
		next_steps: [
			'Nothing is needed. Look further only if the message also appears outside suspend, or if resume then fails.'
		],
		references: ['https://docs.kernel.org/core-api/cpu_hotplug.html']
	}
};

const EARLY_BOOT_NOHZ: RuleOutcome = {
	title: () => 'CPU went idle with softirq work pending in early boot (harmless)',
	severity: 'info',
	explanation: {
		meaning:
			'In the first hundredths of a second of the boot, while only the boot CPU runs and before the kernel has started its softirq threads (ksoftirqd), that CPU went idle with deferred timer work (a softirq) still queued, and the idle code printed this warning. The work runs as soon as the CPU wakes again, a moment later; nothing is lost or late in any way that matters. Older and vendor kernels (Android phones and tablets) print it at nearly every boot.',
		causes: [
			{
				kind: 'kernel',
				text: 'The boot CPU idling while the kernel waits for its first threads, with a timer softirq raised before ksoftirqd exists to run it: an early-boot artefact of the NOHZ idle code.'
			}
		],
		next_steps: [
			'Nothing is needed. Only the same message later in the boot, with all CPUs up, is worth a look.'
		],
		references: ['https://docs.kernel.org/timers/no_hz.html']
	}
};

/** kernel/time/tick-sched.c report_idle_softirq(): a CPU went idle with softirq work still queued. */
export const nohzSoftirqPending: LineRule = {
	id: 'other.nohz-softirq-pending',
	category: 'other',
	severity: 'low',
	// 5.x and later, and the older `NOHZ: local_softirq_pending 08`
	triggers: ['NOHZ tick-stop error', 'NOHZ: local_softirq_pending'],
	pattern:
		/^NOHZ(?: tick-stop error: (?:Non-RCU )?local softirq work is pending, handler #|: local_softirq_pending )([0-9a-f]+)/,
	title: () => 'CPU went idle with softirq work pending (NOHZ tick-stop error)',
	details: (m) => ({ softirq_mask: `0x${m[1]}`, softirqs: softirqNames(parseInt(m[1], 16)) }),
	/*
	 * kernel/cpu.c (freeze_secondary_cpus): the other CPUs are taken offline at suspend (and
	 * hibernation, kexec); a CPU on its way down may still stop its tick with softirq work that
	 * the CPU-dead handler then moves to a live CPU (nothing is lost). Real log, an LG phone
	 * (MSM8992, 3.10): `NOHZ: local_softirq_pending 02` one line after `Disabling non-boot CPUs ...`.
	 * And the boot CPU idling in early boot, before the secondary CPUs and the initcalls that
	 * start ksoftirqd: fs/namespace.c mnt_init()'s `Mountpoint-cache hash table entries: …`, printed
	 * by start_kernel just before, then `NOHZ: local_softirq_pending 02` (TIMER) 1 to 9 lines later
	 * at 0.007-0.015 s (fishlogs, a Samsung S7 on 3.18; iamslightlywin, a Samsung tablet on 4.19,
	 * twice): the pending timer work runs as soon as the CPU is woken, nothing is late.
	 */
	context: {
		trigger: ['Disabling non-boot CPUs', 'Mountpoint-cache hash table entries'],
		pattern: /^(?:(Disabling non-boot CPUs)|Mountpoint-cache hash table entries)/,
		details: (m) =>
			m[1] ? { during: 'CPUs taken offline (suspend)' } : { during: 'early boot (one CPU up)' },
		within: 40,
		examples: [
			'Disabling non-boot CPUs ...',
			'Mountpoint-cache hash table entries: 16384 (order: 5, 131072 bytes)'
		],
		outcome: (c) => (c.during === 'early boot (one CPU up)' ? EARLY_BOOT_NOHZ : OFFLINE_NOHZ)
	},
	examples: [
		'NOHZ tick-stop error: Non-RCU local softirq work is pending, handler #80!!!',
		'NOHZ tick-stop error: local softirq work is pending, handler #08!!!',
		'NOHZ: local_softirq_pending 08'
	],
	negatives: ['tick: NO_HZ_FULL will not be used', 'NOHZ: local_softirq_pending'],
	explanation: {
		meaning:
			'A CPU stopped its timer tick to go idle while deferred interrupt work (a softirq: networking, timers, block I/O) was still waiting. The kernel prints it at most 10 times. That work may run late, which can show as network or timer delays; it points to a kernel or driver bug rather than a hardware fault.',
		causes: [
			{
				kind: 'kernel',
				text: 'A kernel or driver bug raising a softirq from a context that does not run it (often in virtual machines and with PREEMPT_RT or nohz_full).'
			}
		],
		next_steps: [
			'The facts name the pending softirqs (NET_RX: network receive, TIMER, SCHED...): the subsystem that left work behind.',
			'Update the kernel; if it repeats with one driver, report it to that driver’s maintainers.'
		],
		references: ['https://docs.kernel.org/timers/no_hz.html']
	}
};

/**
 * init/initramfs.c: the initramfs archive the boot loader passed could not be (fully) unpacked:
 * `Initramfs unpacking failed: invalid magic at start of compressed archive`. Unpacking stops at
 * the error; what was unpacked before it stays.
 */
export const initramfsUnpackFailed: LineRule = {
	id: 'other.initramfs-unpack-failed',
	category: 'other',
	severity: 'medium',
	triggers: ['Initramfs unpacking failed: '],
	pattern: /^Initramfs unpacking failed: (.+)/,
	title: () => 'Initramfs could not be unpacked',
	details: (m) => ({ error: m[1] }),
	// `Run /init as init process` (5.x+): the archive's own /init started, so its contents were
	// unpacked before the error (junk after the archive: a boot loader passing a larger size)
	resolve: {
		trigger: 'Run /init as init process',
		pattern: /^Run \/init as init process/,
		within: 1000,
		title: () => 'Initramfs unpacked with an error at its end (its /init ran)',
		severity: 'low',
		examples: ['Run /init as init process'],
		explanation: {
			meaning:
				'Unpacking the initramfs stopped with an error, but only after the archive itself: its /init program started, so the boot went on normally. The data after the archive was not another archive, most often because the boot loader passed a size larger than the file (the "Freeing initrd memory" line shows the size it passed). Harmless while the machine boots; it costs the memory of that size until the kernel frees it.',
			causes: [
				{
					kind: 'configuration',
					text: 'A boot loader script (U-Boot `booti`/`bootz`, a fixed initrd size) that passes more bytes than the initramfs file holds, or padding that is not zeros.'
				}
			],
			next_steps: [
				'Nothing is needed if the system boots fine.',
				'To silence it, pass the real file size to the boot loader (U-Boot: `${filesize}` after loading the file) or use a uInitrd/image made for it.'
			],
			references: ['https://docs.kernel.org/filesystems/ramfs-rootfs-initramfs.html']
		}
	},
	examples: [
		// debian-clearfog-gt-8k dmesg (SolidRun ClearFog GT 8K, arm64, Debian 4.19)
		'Initramfs unpacking failed: invalid magic at start of compressed archive',
		'Initramfs unpacking failed: junk in compressed archive'
	],
	negatives: [
		'Trying to unpack rootfs image as initramfs...',
		'rootfs image is not initramfs (no cpio magic); looks like an initrd'
	],
	explanation: {
		meaning:
			'The kernel could not unpack the initramfs the boot loader gave it: the early boot environment (the drivers and scripts that find and mount the root file system: storage and RAID drivers, LVM, encryption, firmware) is missing or incomplete. The kernel then tries to mount the root file system by itself, which fails ("VFS: Unable to mount root fs") when that needs a module or a step the initramfs holds.',
		causes: [
			{
				kind: 'configuration',
				text: 'A corrupt or truncated initramfs file (a full /boot, an interrupted update), one compressed with a method this kernel was built without (zstd, lz4), or a boot loader passing a wrong size or address.'
			}
		],
		next_steps: [
			'Rebuild the initramfs (`update-initramfs -u -k all`, `dracut -f`, `mkinitcpio -P`) after checking that /boot has free space, then reboot.',
			'Check that the kernel supports the compression used (`CONFIG_RD_ZSTD`, `CONFIG_RD_LZ4`...) and that the boot loader loads the right file with its real size.'
		],
		references: ['https://docs.kernel.org/filesystems/ramfs-rootfs-initramfs.html']
	}
};

/**
 * arch/x86/mm/extable.c (ex_handler_msr, v6.12): `unchecked MSR access error: RDMSR from 0x492
 * at rIP: 0xffffffff8b47892a (native_read_msr+0xa/0x30)`, `... WRMSR to 0x48 (tried to write
 * 0x0000000000000004) at rIP: ...`. pr_warn_once since 4.10, with the call trace under it (4.6-4.9
 * printed it as a WARN_ONCE, which the crash analysis reads).
 */
export const uncheckedMsrAccess: LineRule = {
	id: 'other.unchecked-msr-access',
	category: 'other',
	severity: 'low',
	triggers: ['unchecked MSR access error: '],
	pattern:
		/^unchecked MSR access error: (RDMSR|WRMSR) (?:from|to) (0x[0-9a-fA-F]+)(?: \(tried to write (0x[0-9a-fA-F]+)\))? at rIP: (0x[0-9a-f]+)(?: \(([^)\s]+)\))?/,
	title: (m) =>
		`${m[1] === 'RDMSR' ? 'Read of' : 'Write to'} model-specific register ${m[2].toLowerCase()} refused by the CPU`,
	details: (m) => ({
		access: m[1] === 'RDMSR' ? 'read' : 'write',
		msr: m[2].toLowerCase(),
		value: m[3] ?? null,
		rip: m[4],
		function: m[5] ?? null
	}),
	examples: [
		// cmpe283-assignment1-dmesg-log.log (a module probing VMX features in a cloud VM)
		'unchecked MSR access error: RDMSR from 0x492 at rIP: 0xffffffff8b47892a (native_read_msr+0xa/0x30)',
		'unchecked MSR access error: WRMSR to 0x48 (tried to write 0x0000000000000004) at rIP: 0xffffffff8106b1a4 (native_write_msr+0x4/0x20)'
	],
	negatives: [
		'msr: Write to unrecognized MSR 0x1a4 by x86_energy_perf (pid: 884).',
		'kvm: vcpu0, guest rIP: 0xffffffff8106b1a4 unhandled rdmsr: 0x492'
	],
	explanation: {
		meaning:
			'A driver or the kernel read (RDMSR) or wrote (WRMSR) a model-specific register, a numbered CPU control or status register, that this processor, or the hypervisor presenting it to a virtual machine, does not implement. The processor refused; the kernel caught the fault and carried on (a read gives 0, a write is dropped), so the machine is fine, but the feature that wanted the register (a capability probe, power or performance monitoring) may not work. Recent kernels print this only for the first such access of a boot, with a call trace under it naming the function that made it. In a virtual machine it is common and usually harmless: hypervisors implement only some registers.',
		causes: [
			{
				kind: 'environment',
				text: 'A virtual machine whose hypervisor does not emulate the register (VMX capability registers under nested virtualization, power, thermal and performance registers).'
			},
			{
				kind: 'driver',
				text: 'A driver or out-of-tree module that assumes every processor of a family has the register.'
			},
			{
				kind: 'kernel',
				text: 'On bare metal, a kernel that believes this processor model has a register it does not (a wrong CPU model table).'
			},
			{
				kind: 'firmware',
				text: 'Firmware that hides or locks a processor feature the kernel expects.'
			}
		],
		next_steps: [
			'Find the function that made the access: the `Call Trace:` lines right after the message (the first frame after native_read_msr or native_write_msr; a name in brackets is the module).',
			'In a virtual machine nothing needs doing unless a feature is missing; then check the CPU model and features the hypervisor exposes (QEMU/KVM `-cpu host`, nested virtualization settings).',
			'On bare metal, with a kernel function named, report it to the kernel developers (or to the vendor of the module named in brackets) with this line, its call trace and the processor (`grep -m1 "model name" /proc/cpuinfo`); update the BIOS first.',
			'Look the register number up (Intel SDM volume 4, AMD APM volume 2) to see which feature it belongs to.'
		],
		references: [
			'https://elixir.bootlin.com/linux/v6.12/source/arch/x86/mm/extable.c',
			'https://www.intel.com/content/www/us/en/developer/articles/technical/intel-sdm.html'
		]
	}
};

/**
 * arch/x86/kernel/cpu/bus_lock.c (intel.c before 6.7) split_lock_warn(): `x86/split lock
 * detection: #AC: Steam/12345 took a split_lock trap at address: 0x7f1234567890`, and
 * handle_bus_lock()'s `#DB: … took a bus_lock trap at address: …` (pr_warn_ratelimited). The
 * boot notice `x86/split lock detection: #AC: crashing the kernel on kernel split_locks and
 * warning on user-space split_locks` (corpus: four logs) says how the kernel is set: an info
 * finding of other.split-lock-detection (notices.ts). Written from the kernel's format strings.
 */
export const splitLock: LineRule = {
	id: 'other.split-lock',
	category: 'other',
	severity: 'low',
	triggers: ['_lock trap at address'],
	pattern:
		/^x86\/split lock detection: #(?:AC|DB): (.+)\/(\d+) took a (split_lock|bus_lock) trap at address: (0x[0-9a-f]+)/,
	title: (m) =>
		`Program ${m[1]} used ${m[3] === 'bus_lock' ? 'bus locks' : 'split locks'}: slowed down by the kernel`,
	details: (m) => ({ process: m[1], pid: Number(m[2]), kind: m[3], address: m[4] }),
	examples: [
		'x86/split lock detection: #AC: Steam/12345 took a split_lock trap at address: 0x7f1234567890',
		'x86/split lock detection: #DB: game.exe/4321 took a bus_lock trap at address: 0x140012345'
	],
	negatives: [
		// the boot notice (ms912x dmesg.log, intel-audio sof-dyndbg.conf-log, syslogs messages.3, syslog)
		'x86/split lock detection: #AC: crashing the kernel on kernel split_locks and warning on user-space split_locks'
	],
	explanation: {
		meaning:
			'A program made an atomic memory access to data that straddles two cache lines (a "split lock"; a "bus lock" on CPUs that report them after the fact). The processor can only do this by locking the whole memory bus, which stalls every other core for a moment (and other virtual machines on the same host). The kernel warns and, since 6.2 by default (`kernel.split_lock_mitigate=1`), makes the program sleep for about 10 ms each time, so that program (often a game under Wine/Proton or an old binary) can stutter or run slowly. Nothing is broken; it is a performance matter.',
		causes: [
			{
				kind: 'userspace',
				text: 'Code doing locked operations on misaligned data: some Windows games and anti-cheat under Wine/Proton, old or hand-optimised software.'
			}
		],
		next_steps: [
			'Nothing to do if the program runs well.',
			'If it stutters, turn the penalty off: `sysctl kernel.split_lock_mitigate=0` (kernel 6.2 and later; the kernel still warns) or boot with `split_lock_detect=off`.',
			'Report it to the program’s developers: the fix is aligning the data.'
		],
		references: [
			'https://docs.kernel.org/arch/x86/buslock.html',
			'https://docs.kernel.org/admin-guide/sysctl/kernel.html'
		]
	}
};

/**
 * kernel/sched/rt.c sched_rt_runtime_exceeded(): `sched: RT throttling activated`, printed once
 * per boot (printk_deferred_once) the first time real-time tasks use up their share of a CPU.
 * Written from the kernel's format string: no corpus log has it.
 */
export const rtThrottling: LineRule = {
	id: 'other.rt-throttling',
	category: 'other',
	severity: 'low',
	triggers: ['RT throttling activated'],
	pattern: /^sched: RT throttling activated/,
	title: () => 'Real-time tasks throttled: they used up the CPU time allowed to them',
	details: () => ({}),
	examples: ['sched: RT throttling activated'],
	negatives: ['sched_clock: Marking stable (1234, 5678)->(9012, -3456)'],
	explanation: {
		meaning:
			'Real-time tasks (SCHED_FIFO/SCHED_RR: audio servers, realtime threads, some drivers’ interrupt threads) ran for the whole time the kernel allows them on a CPU (by default 0.95 s of every second, `kernel.sched_rt_runtime_us`), so the kernel paused them for the rest of the period to let normal tasks run. It is printed only once per boot. A real-time task that hits the limit is busy-looping or overloaded: expect audio drop-outs or latency in it; in a virtual machine, time stolen by the host can make a task look busier than it is.',
		causes: [
			{
				kind: 'userspace',
				text: 'A real-time program spinning or overloaded (an audio server or plug-in, a realtime control loop, a program started with `chrt`).'
			},
			{
				kind: 'environment',
				text: 'A virtual machine on an overcommitted host (steal time counts against the real-time budget).'
			}
		],
		next_steps: [
			'Find the real-time tasks and their CPU use: `ps -eLo pid,cls,rtprio,pcpu,comm | awk \'$2 != "TS"\'` (or `top`, sorted by CPU).',
			'If one of them is spinning, fix or restart it; do not turn the limit off (`sched_rt_runtime_us=-1`) unless the realtime setup needs it, since a runaway task can then freeze the machine.'
		],
		references: ['https://docs.kernel.org/scheduler/sched-rt-group.html']
	}
};

const REMOVE_IGNORED_OPTION =
	'Remove the option from the kernel command line, or replace it with one the kernel’s documentation lists (GRUB: `GRUB_CMDLINE_LINUX` in /etc/default/grub, then `update-grub` or `grub2-mkconfig`; Proxmox with systemd-boot: /etc/kernel/cmdline, then `proxmox-boot-tool refresh`).';

/** kernelOptionIgnored's explanation of an option other than amd_iommu= (pci=, intel_iommu=) */
const OTHER_IGNORED_OPTION: Explanation = {
	meaning:
		'An option on the kernel command line has a value this kernel does not know, so the kernel ignored it: it has no effect (the other values of the same option, before or after it, still apply). Such options are usually copied from a guide written for another architecture or kernel version, or mistyped. `pci=biosirq` (use the PCI BIOS to route interrupts) exists only on 32-bit x86: a 64-bit kernel never calls the PCI BIOS and ignores it.',
	causes: [
		{
			kind: 'configuration',
			text: 'A kernel parameter copied from a guide for another architecture (32-bit x86’s `pci=biosirq` on a 64-bit kernel) or another kernel version, or mistyped.'
		}
	],
	next_steps: [
		REMOVE_IGNORED_OPTION,
		'Check which values the option takes in this kernel’s documentation (kernel-parameters, the `pci=` and `intel_iommu=` entries); whatever the machine needed the option for is not done by the ignored value.'
	],
	references: ['https://docs.kernel.org/admin-guide/kernel-parameters.html']
};

const IGNORED_OPTION_PARAM: Record<string, string> = {
	'AMD-Vi': 'amd_iommu',
	DMAR: 'intel_iommu',
	PCI: 'pci'
};

/**
 * A kernel command-line option whose value the kernel does not know, so it ignored it:
 * drivers/iommu/amd/init.c parse_amd_iommu_options() `AMD-Vi: Unknown option - 'on'` (the
 * `amd_iommu=on` that passthrough guides copy from Intel's `intel_iommu=on`), its Intel twin in
 * drivers/iommu/intel/iommu.c intel_iommu_setup() (`DMAR: Unknown option - '…'`) and
 * drivers/pci/pci.c pci_setup() `PCI: Unknown option `biosirq'` (an option of 32-bit x86 only).
 * Each prints the rest of the option from the unknown value on; the title keeps the value up to
 * its comma.
 */
export const kernelOptionIgnored: LineRule = {
	id: 'other.kernel-option-ignored',
	category: 'other',
	severity: 'info',
	triggers: ['Unknown option '],
	pattern: /^(?:(AMD-Vi|DMAR): Unknown option - '([^',]+)|(PCI): Unknown option `([^`',]+))/,
	title: (m) =>
		`Kernel option ${IGNORED_OPTION_PARAM[m[1] ?? m[3]]}=${m[2] ?? m[4]} not understood: ignored`,
	details: (m) => ({ parameter: IGNORED_OPTION_PARAM[m[1] ?? m[3]], value: m[2] ?? m[4] }),
	examples: [
		// proxmox-amd-5700u-gpu-passthrough dmesg.txt (Ryzen 7 5700U, `amd_iommu=on iommu=pt`)
		"AMD-Vi: Unknown option - 'on'",
		// Ubuntu-20.04-FIPS-logs dmesg.txt (x86_64, `pci=noacpi,nocrs,biosirq`)
		"PCI: Unknown option `biosirq'",
		// written from the kernel's format string
		"DMAR: Unknown option - 'of'"
	],
	negatives: [
		'AMD-Vi: Interrupt remapping enabled',
		'Unknown kernel command line parameters "BOOT_IMAGE=/boot/vmlinuz-6.5.13-1-pve", will be passed to user space.'
	],
	// only amd_iommu= is about AMD passthrough: the others keep the removal step alone
	explanationOf: (m) => (m[1] === 'AMD-Vi' ? undefined : OTHER_IGNORED_OPTION),
	explanation: {
		meaning:
			'An option on the kernel command line has a value this kernel does not know, so the kernel ignored it: it has no effect. Such options are usually copied from a guide written for another processor or kernel. `amd_iommu=on` is the common one: `on` exists only for Intel’s `intel_iommu=`; on AMD the IOMMU is used whenever the firmware turns it on, with or without the option (the `AMD-Vi:` lines and `Adding to iommu group` show it working). `pci=biosirq` exists only on 32-bit x86.',
		causes: [
			{
				kind: 'configuration',
				text: 'A kernel parameter copied from a guide for another processor vendor (Intel’s `intel_iommu=on` turned into `amd_iommu=on`), another architecture or another kernel version, or mistyped.'
			}
		],
		next_steps: [
			REMOVE_IGNORED_OPTION,
			'For PCI passthrough on AMD, turn on the IOMMU (AMD-Vi, “IOMMU” or “SVM”) in the firmware setup and check `dmesg | grep -e AMD-Vi -e "iommu group"`; `iommu=pt` is a separate option and is understood.'
		],
		references: ['https://docs.kernel.org/admin-guide/kernel-parameters.html']
	}
};
