import type { DetailValue } from '../../models/finding.ts';
import type { LineRule, RuleOutcome } from './types.ts';
import { errnoName } from './util.ts';

/**
 * Lines that look alarming (error, failed, bug, tainting, corruption, warning) but are routine:
 * people paste a log because of them. Each is an info finding that names the line, says plainly
 * that it is harmless and why, and when it would matter; info findings do not raise the verdict
 * and enter no cascade. Chosen from the lines of the real-log corpus that no finding took, by the
 * number of logs that show them (docs/RULES.md, "Alarming lines that are routine").
 */

const KERNEL_SOURCE = 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/';

/**
 * kernel/module/signing.c module_sig_check() (kernel/module.c before 5.19): a module without a
 * valid signature on a kernel built with CONFIG_MODULE_SIG but not enforcing it is loaded, and
 * the first such module of the boot prints this line (pr_notice_once) and taints the kernel `E`.
 * Real logs: 16 (wl, vboxvideo, vc_sm_cma on Raspberry Pi OS, wacom, nvidia …).
 */
export const moduleUnsigned: LineRule = {
	id: 'other.module-unsigned',
	category: 'other',
	severity: 'info',
	routine: true,
	triggers: ['module verification failed: signature'],
	pattern:
		/^(\S+): module verification failed: signature and\/or\s+required key missing - tainting kernel/,
	title: (m) => `Unsigned module ${m[1]} loaded: the kernel is tainted (E)`,
	details: (m) => ({ module: m[1], taint: 'E' }),
	examples: [
		// crash-logs log12-04.txt (a ThinkPad with Broadcom's wl driver, Arch)
		'wl: module verification failed: signature and/or required key missing - tainting kernel',
		// logging kern.log.1 (VirtualBox guest additions)
		'vboxvideo: module verification failed: signature and/or required key missing - tainting kernel',
		'wl: module verification failed: signature and/or  required key missing - tainting kernel'
	],
	negatives: [
		'Lockdown: modprobe: unsigned module loading is restricted; see man kernel_lockdown.7',
		"wl: module license 'MIXED/Proprietary' taints kernel."
	],
	explanation: {
		meaning:
			'A kernel module that is not signed with a key the kernel trusts was loaded: most often a driver built outside the kernel (DKMS, a vendor’s package: Broadcom `wl`, NVIDIA, VirtualBox, ZFS, v4l2loopback) or one built by hand. The kernel checks signatures but does not require them, so it loads the module, marks itself tainted `E` (unsigned module) and prints this line once per boot, for the first such module only; others may be loaded unsigned after it. It is not an error: the module works. Despite the words “verification failed”, nothing is corrupt.',
		causes: [
			{
				kind: 'configuration',
				text: 'An out-of-tree module (DKMS or a vendor package) that was not signed with a key enrolled for this kernel, on a distribution kernel that checks module signatures without enforcing them (Secure Boot off, or not enforcing).'
			}
		],
		next_steps: [
			'Nothing is needed if the module is one you installed on purpose (it is named in the title).',
			'It matters in two cases: with Secure Boot on, the kernel refuses unsigned modules (`Lockdown: … unsigned module loading is restricted`, or `Key was rejected by service`), and the driver must then be signed with a Machine Owner Key (`mokutil --import`; DKMS can sign with it); and upstream kernel developers treat crash reports of a kernel tainted `E` (or `O`, `P`) with caution: reproduce a crash without the module before reporting it upstream.',
			'If you do not know the module: `modinfo <module>` shows its file and origin; remove it if nothing you installed needs it.'
		],
		references: [
			'https://docs.kernel.org/admin-guide/module-signing.html',
			'https://docs.kernel.org/admin-guide/tainted-kernels.html'
		]
	}
};

/**
 * drivers/thermal/thermal_core.c update_temperature() (thermal_sys.c before 3.18: `failed to
 * read out thermal zone %d`, the zone's id): a zone's sensor returned an error when it was read,
 * dev_warn once per failed read. Corpus: 12 logs, all at registration; in nine the zone is Intel
 * Wi-Fi's (iwlwifi's `Detected …` just before: its sensor reads -ENODATA until the firmware
 * runs), a Samsung tablet's virtual GPU zone (-22) and Ubuntu Touch's VADC channel.
 */
export const thermalZoneUnreadable: LineRule = {
	id: 'hardware.thermal-zone-unreadable',
	category: 'hardware',
	severity: 'info',
	routine: true,
	triggers: ['failed to read out thermal zone'],
	pattern:
		/^(?:thermal (thermal_zone\d+)|thermal_sys): failed to read out thermal zone (?:\((-\d+)\)|(\d+))/,
	title: (m) =>
		`Thermal zone ${m[1] ?? `thermal_zone${m[3]}`} could not be read${m[2] === '-61' ? ' (no data yet)' : ''}`,
	details: (m) => ({
		device: m[1] ?? `thermal_zone${m[3]}`,
		error: m[2] === undefined ? null : errnoName(m[2])
	}),
	examples: [
		// crash-logs log12-04.txt, after `iwlwifi 0000:02:00.0: Detected Intel(R) Dual Band Wireless AC 8265`
		'thermal thermal_zone5: failed to read out thermal zone (-61)',
		// iamslightlywin dump-last-kmsg (Samsung tablet, `virt zone: sensor[gpuss-1-usr] read error:-22`)
		'thermal thermal_zone25: failed to read out thermal zone (-22)',
		// ubtouch dmesg (Ubuntu Touch, 3.4)
		'thermal_sys: failed to read out thermal zone 7'
	],
	negatives: ['thermal thermal_zone2: acpitz: critical temperature reached'],
	explanation: {
		meaning:
			'A temperature sensor registered with the kernel’s thermal framework (a thermal zone, under /sys/class/thermal) returned an error the first time it was read. Most often (error -61, ENODATA, right after `iwlwifi … Detected …`) the zone is the Intel Wi-Fi card’s: the driver registers its sensor while the card’s firmware is not running yet, and the sensor has no reading until then (and again whenever the Wi-Fi interface is down). Other drivers register zones before their sensor is ready in the same way. Once at boot it is harmless: the zone is read again later and temperatures are not affected.',
		causes: [
			{
				kind: 'driver',
				text: 'A driver (Intel Wi-Fi, a GPU, a phone’s ADC) registers its thermal zone before its sensor can be read.'
			}
		],
		next_steps: [
			'Nothing is needed if the line appears once or twice at boot.',
			'It matters if it repeats every few seconds: that zone then has no temperature, and the cooling or throttling tied to it does not work. See which it is with `cat /sys/class/thermal/thermal_zoneN/type` and `cat /sys/class/thermal/thermal_zoneN/temp` (N from the title), and look at that driver’s messages.'
		],
		references: [
			'https://docs.kernel.org/driver-api/thermal/sysfs-api.html',
			`${KERNEL_SOURCE}drivers/thermal/thermal_core.c`
		]
	}
};

/**
 * arch/x86/kernel/pci-calgary_64.c detect_calgary() (removed in 5.7): IBM's Calgary IOMMU, found
 * in some IBM xSeries servers only, is looked for on every x86-64 kernel built with
 * CONFIG_CALGARY_IOMMU; without its "Rio Grande" table in the EBDA the probe stops. Corpus: 11
 * logs (Ubuntu and Fedora kernels 3.x-5.4).
 */
export const calgaryAbsent: LineRule = {
	id: 'hardware.calgary-probe',
	category: 'hardware',
	severity: 'info',
	routine: true,
	triggers: ['Unable to locate Rio Grande table'],
	pattern: /^Calgary: Unable to locate Rio Grande table in EBDA - bailing!/,
	title: () => 'IBM Calgary IOMMU not present (a routine probe)',
	examples: ['Calgary: Unable to locate Rio Grande table in EBDA - bailing!'],
	negatives: ['Calgary: detecting Calgary via BIOS EBDA area'],
	explanation: {
		meaning:
			'The kernel looked for the Calgary IOMMU, a chip found only in some IBM xSeries servers of the mid-2000s, by searching the BIOS data area for its “Rio Grande” table. The table is not there because the machine has no such chip, so the probe stops (“bailing”). Every x86-64 kernel built with Calgary support did this at boot until the driver was removed in 5.7; it is not an error.',
		causes: [
			{
				kind: 'kernel',
				text: 'A distribution kernel with the Calgary driver built in probes for it on every machine.'
			}
		],
		next_steps: ['Nothing to do: every machine without that chip prints this line.'],
		references: [`${KERNEL_SOURCE}arch/x86/kernel/pci-calgary_64.c?h=v5.6`]
	}
};

/**
 * drivers/eisa/eisa-bus.c: the virtual root (`platform eisa.0`, CONFIG_EISA_VIRTUAL_ROOT) probes
 * the EISA mainboard and slots 1-8 at I/O ports 0xN000 and reports each port range it cannot
 * request, then `EISA: Detected 0 cards`. Corpus: 10 logs (Debian, Ubuntu, Proxmox kernels), nine
 * lines a boot.
 */
export const eisaProbe: LineRule = {
	id: 'hardware.eisa-probe',
	category: 'hardware',
	severity: 'info',
	routine: true,
	triggers: ['Cannot allocate resource for'],
	pattern:
		/^platform (eisa\.\d+): (?:EISA: )?Cannot allocate resource for (?:EISA slot (\d+)|mainboard)/,
	title: () => 'EISA bus probe found no EISA slots (a routine probe)',
	details: (m) => ({ device: m[1] }),
	// the lines of one probe: one occurrence per boot
	perBoot: true,
	examples: [
		// askubuntu dmesg-journalctl (Ubuntu), one line for the mainboard and one per slot 1-8
		'platform eisa.0: EISA: Cannot allocate resource for mainboard',
		'platform eisa.0: Cannot allocate resource for EISA slot 1'
	],
	negatives: ['platform eisa.0: EISA: Detected 0 cards', 'platform eisa.0: Probing EISA bus 0'],
	explanation: {
		meaning:
			'EISA is a PC expansion bus of the early 1990s. Distribution kernels include its driver, which at boot checks the mainboard and each of the eight possible slots for an EISA card by asking for the I/O ports such a card would use. On a modern PC those ports belong to other devices or do not exist, so each check reports that it “cannot allocate” them, and the driver ends with `EISA: Detected 0 cards`. Nothing failed: the machine has no EISA bus.',
		causes: [
			{
				kind: 'kernel',
				text: 'A distribution kernel built with EISA support (CONFIG_EISA_VIRTUAL_ROOT) probes for EISA slots on every machine.'
			}
		],
		next_steps: ['Nothing to do: every machine without an EISA bus prints these lines.'],
		references: [`${KERNEL_SOURCE}drivers/eisa/eisa-bus.c`]
	}
};

/**
 * arch/x86/pci/acpi.c pci_acpi_root_prepare_resources(): with `pci_use_crs` (the default for BIOS
 * dates from 2008 on), the kernel takes the host bridge's address windows from ACPI _CRS and says
 * how to opt out. Corpus: 34 logs, every x86 kernel from 2.6.3x on.
 */
export const pciHostBridgeWindows: LineRule = {
	id: 'firmware.pci-host-bridge-windows',
	category: 'firmware',
	severity: 'info',
	routine: true,
	triggers: ['Using host bridge windows from ACPI'],
	pattern:
		/^PCI: Using host bridge windows from ACPI; if necessary, use "pci=nocrs" and report a bug/,
	title: () => 'PCI address windows taken from ACPI (a routine boot message)',
	examples: [
		'PCI: Using host bridge windows from ACPI; if necessary, use "pci=nocrs" and report a bug'
	],
	negatives: [
		'PCI: Ignoring host bridge windows from ACPI; if necessary, use "pci=use_crs" and report a bug'
	],
	explanation: {
		meaning:
			'At boot the kernel asks the firmware (ACPI `_CRS` of the PCI host bridge) which address ranges PCI devices may use, and uses them. This is the normal way on every x86 PC since about 2008 and is printed on every boot. The sentence “if necessary, use pci=nocrs and report a bug” is the kernel’s standing advice for the rare firmware whose ranges are wrong; it does not mean that a bug happened.',
		causes: [
			{
				kind: 'kernel',
				text: 'A routine line of PCI initialisation on ACPI machines.'
			}
		],
		next_steps: [
			'Nothing to do: the line is routine.',
			'It would matter only if PCI devices fail to get their addresses (`BAR … failed to assign [mem …]`, `no compatible bridge window`) and do not work: then try `pci=nocrs` once and report the firmware’s ranges to the kernel’s PCI maintainers.'
		],
		references: ['https://docs.kernel.org/admin-guide/kernel-parameters.html']
	}
};

/**
 * drivers/ras/cec.c cec_init(): the Correctable Errors Collector (CONFIG_RAS_CEC, on in most
 * distribution kernels) starts and says so. Corpus: 24 logs.
 */
export const rasCollectorStarted: LineRule = {
	id: 'hardware.ras-collector-started',
	category: 'hardware',
	severity: 'info',
	routine: true,
	triggers: ['Correctable Errors collector initialized'],
	pattern: /^RAS: Correctable Errors collector initialized/,
	title: () => 'Correctable memory errors collector started (no error was reported)',
	examples: ['RAS: Correctable Errors collector initialized.'],
	negatives: ['RAS: Soft-offlining pfn: 0x12345'],
	explanation: {
		meaning:
			'The kernel started its Correctable Errors Collector, a service that counts the corrected memory errors the machine-check code reports per memory page and takes a page out of use when it keeps having them. The line says the service is running; it does not report any error. It is printed at every boot of kernels built with it (most distributions), on machines with and without ECC memory.',
		causes: [
			{
				kind: 'kernel',
				text: 'A routine start-up line of distribution kernels (CONFIG_RAS_CEC).'
			}
		],
		next_steps: [
			'Nothing to do: the line is routine.',
			'Memory errors would show as other lines: `mce: [Hardware Error]: …`, `EDAC MC0: … CE memory read error`, or `RAS: Soft-offlining pfn: …` when the collector takes a page away (each a finding of its own).'
		],
		references: [
			'https://docs.kernel.org/admin-guide/ras.html',
			`${KERNEL_SOURCE}drivers/ras/cec.c`
		]
	}
};

/**
 * arch/x86/kernel/check.c (mm/ before 2.6.3x; the message moved under the `check: ` pr_fmt): with
 * CONFIG_X86_CHECK_BIOS_CORRUPTION and `memory_corruption_check=1` (default on some
 * distributions) the kernel reserves the low 64 KB and checks it every 60 s for writes by a buggy
 * BIOS. Corpus: 14 logs, two lines a boot.
 */
export const lowMemoryCheck: LineRule = {
	id: 'memory.low-memory-check',
	category: 'memory',
	severity: 'info',
	routine: true,
	triggers: ['for low memory corruption'],
	pattern:
		/^(?:check: )?Scanning (?:\d+ areas for low memory corruption|for low memory corruption every \d+ seconds)/,
	title: () => 'Low-memory corruption check running (a safeguard, nothing was found)',
	perBoot: true,
	examples: [
		'check: Scanning 1 areas for low memory corruption',
		'check: Scanning for low memory corruption every 60 seconds',
		'Scanning for low memory corruption every 60 seconds'
	],
	negatives: ['Corrupted low memory at ffff880000001000 (1000 phys) = 00000001'],
	explanation: {
		meaning:
			'Some PC BIOSes write into the first 64 KB of memory while the operating system runs (after a suspend, when a USB device or the HDMI cable is plugged). The kernel keeps that memory unused and checks it every 60 seconds to catch such writes. These lines say that the check is set up; they do not say that corruption was found.',
		causes: [
			{
				kind: 'kernel',
				text: 'A safeguard of x86 kernels built with CONFIG_X86_CHECK_BIOS_CORRUPTION (on by default in some distributions, `memory_corruption_check=`).'
			}
		],
		next_steps: [
			'Nothing to do: the line is routine.',
			'Found corruption would be reported as `Corrupted low memory at …` followed by a kernel warning: that is a BIOS bug, worked around by keeping more low memory unused (`reservelow=`, `memory_corruption_check_size=`) and by a BIOS update.'
		],
		references: ['https://docs.kernel.org/admin-guide/kernel-parameters.html']
	}
};

/**
 * drivers/char/random.c (3.x-5.17): a read of /dev/urandom before the pool was initialised
 * prints `random: <comm>: uninitialized urandom read (N bytes read)` (ratelimited, then `random: N
 * urandom warning(s) missed due to ratelimiting`). 5.18+ no longer warns. Corpus: the early-boot
 * reads of systemd, systemd-udevd and udevadm in 7 logs.
 */
export const urandomEarlyRead: LineRule = {
	id: 'other.urandom-early-read',
	category: 'other',
	severity: 'info',
	routine: true,
	triggers: ['uninitialized urandom read', 'urandom warning(s) missed'],
	pattern:
		/^random: (?:(\S+): uninitialized urandom read \(\d+ bytes read|\d+ urandom warning\(s\) missed due to ratelimiting)/,
	title: () => 'Programs read /dev/urandom early in the boot, before it was fully seeded',
	details: (m) => ({ process: m[1] ?? null }),
	collect: { process: 'processes' },
	// the reads of one boot's start-up: one occurrence per boot
	perBoot: true,
	examples: [
		'random: systemd: uninitialized urandom read (16 bytes read)',
		'random: systemd-gpt-aut: uninitialized urandom read (16 bytes read, 11 bits of entropy available)',
		'random: 7 urandom warning(s) missed due to ratelimiting'
	],
	negatives: ['random: crng init done', 'random: fast init done'],
	explanation: {
		meaning:
			'Early in the boot, before the kernel had gathered enough randomness to seed its random number generator fully, programs (listed in `processes`: usually systemd and udev, which want random ids) read /dev/urandom, which does not wait. Kernels 3.x to 5.17 warn about each such read (and then count the warnings they skipped). The programs got usable random numbers for their purpose; `random: crng init done` later says the generator is fully seeded. Newer kernels (5.18+) seed it early enough and no longer print this.',
		causes: [
			{
				kind: 'kernel',
				text: 'Start-up programs read random numbers before the entropy pool was seeded; common on virtual machines and boards without a hardware random number generator.'
			}
		],
		next_steps: [
			'Nothing to do: the line is routine.',
			'It would matter for long-lived secrets made at that moment (SSH host keys or certificates generated on the very first boot of a VM image or a board): generate those after `crng init done`. If the boot waits a long time for randomness, give the VM a virtio-rng device or install haveged/rng-tools on an old kernel.'
		],
		references: ['https://man7.org/linux/man-pages/man4/random.4.html']
	}
};

/**
 * arch/x86/kernel/cpu/bugs.c: with a CPU affected by MDS, TAA, MMIO Stale Data (4.19+/5.19+) and
 * SMT enabled, the mitigation code says that data can leak between the two threads of a core
 * (pr_warn_once); kvm_intel says the same of L1TF. Corpus: 7 logs (Intel desktops and laptops);
 * the kernel's default keeps SMT on.
 */
export const cpuVulnerabilitySmt: LineRule = {
	id: 'security.cpu-vulnerability-smt',
	category: 'security',
	severity: 'info',
	routine: true,
	triggers: ['CPU bug present and SMT on'],
	pattern:
		/^(?:kvm_intel: )?(MDS|TAA|MMIO Stale Data|L1TF) CPU bug present and SMT on, data leak possible/,
	title: () =>
		'CPU has speculative-execution flaws that hyper-threading exposes (the kernel’s default trade-off)',
	details: (m) => ({ vulnerability: m[1] }),
	// one finding of the CPU's flaws, each one's line as evidence
	collect: { vulnerability: 'vulnerabilities' },
	evidenceEach: 'vulnerability',
	examples: [
		'MDS CPU bug present and SMT on, data leak possible. See https://www.kernel.org/doc/html/latest/admin-guide/hw-vuln/mds.html for more details.',
		'MMIO Stale Data CPU bug present and SMT on, data leak possible. See https://www.kernel.org/doc/html/latest/admin-guide/hw-vuln/processor_mmio_stale_data.html for more details.',
		'TAA CPU bug present and SMT on, data leak possible. See https://www.kernel.org/doc/html/latest/admin-guide/hw-vuln/tsx_async_abort.html for more details.',
		'kvm_intel: L1TF CPU bug present and SMT on, data leak possible. See CVE-2018-3646 and https://www.kernel.org/doc/html/latest/admin-guide/hw-vuln/l1tf.html for details.'
	],
	negatives: ['MDS: Mitigation: Clear CPU buffers'],
	explanation: {
		meaning:
			'The processor has one of the known Intel speculative-execution flaws (MDS, TAA, MMIO Stale Data, L1TF: those of this CPU are listed in `vulnerabilities`). The kernel mitigates it, but it cannot stop two programs that run at the same moment on the two hardware threads of one core (hyper-threading, SMT) from possibly reading bits of each other’s data, so it warns. Keeping SMT on is the kernel’s default: turning it off costs much performance, and on a personal computer running its owner’s programs the risk is small. Nothing is broken.',
		causes: [
			{
				kind: 'hardware',
				text: 'An Intel CPU generation affected by the flaw, with hyper-threading enabled.'
			}
		],
		next_steps: [
			'Nothing is needed on a desktop, laptop or server that runs only trusted programs.',
			'It matters on a host that runs untrusted code side by side (virtual machines of other people, shared servers): there, consider `mitigations=auto,nosmt` on the kernel command line or turning hyper-threading off in the BIOS, and keep the CPU microcode updated. `grep . /sys/devices/system/cpu/vulnerabilities/*` shows the state of every flaw.'
		],
		references: [
			'https://docs.kernel.org/admin-guide/hw-vuln/index.html',
			'https://docs.kernel.org/admin-guide/hw-vuln/mds.html'
		]
	}
};

/**
 * kernel/power/hibernate.c software_resume(): with a `resume=` device set, the kernel looks for a
 * hibernation image on it at boot; when the swap holds none (swsusp_check() fails, -EINVAL: no
 * image signature) it says so and boots normally. Corpus: 6 logs (Fedora, Debian).
 */
export const hibernationImageAbsent: LineRule = {
	id: 'power.hibernation-image-absent',
	category: 'power',
	severity: 'info',
	routine: true,
	triggers: ['PM: Image not found'],
	pattern: /^PM: Image not found \((?:code )?(-\d+)\)/,
	title: () => 'No hibernation image to resume from: a normal boot',
	details: (m) => ({ error: errnoName(m[1]) }),
	examples: ['PM: Image not found (code -22)'],
	negatives: [
		'PM: Image signature found, resuming',
		'PM: Checking hibernation image partition /dev/sda2'
	],
	explanation: {
		meaning:
			'The system is set up for hibernation (a `resume=` swap device). At every boot the kernel first checks that swap space for a saved hibernation image; there was none, because the machine was shut down or rebooted rather than hibernated, so it started normally. Error -22 (EINVAL) is how the check says “no image signature here”; nothing is wrong.',
		causes: [
			{
				kind: 'configuration',
				text: 'A routine check at every boot of a system configured for hibernation.'
			}
		],
		next_steps: [
			'Nothing to do after a normal shutdown or reboot.',
			'It matters only if you had hibernated and the machine started afresh (the open programs were lost): then `resume=` does not point at the swap that holds the image (check `cat /proc/cmdline` against `swapon --show` or the UUID of the swap, and the initramfs’s resume setting), or the swap is encrypted with a key that changes every boot.'
		],
		references: ['https://docs.kernel.org/power/swsusp.html']
	}
};

/**
 * init/main.c console_on_rootfs() (kernel_init_freeable before 5.8): the kernel cannot open
 * /dev/console in the initial root filesystem for init's stdin, stdout and stderr. Corpus: 6
 * logs (Android phones and tablets, ARM boards), where init sets up its own console.
 */
export const noInitialConsole: LineRule = {
	id: 'other.no-initial-console',
	category: 'other',
	severity: 'info',
	routine: true,
	triggers: ['unable to open an initial console'],
	pattern: /^Warning: unable to open an initial console\./,
	title: () => 'No /dev/console in the initial root filesystem: init started without a console',
	examples: ['Warning: unable to open an initial console.'],
	negatives: ['Console: switching to colour frame buffer device 128x48'],
	explanation: {
		meaning:
			'Just before it starts the first program (init), the kernel opens /dev/console in the initial root filesystem (the initramfs, or the root filesystem) to give init somewhere to write. That file was not there, so init starts without it. On Android, Ubuntu Touch and many boards this is normal: their init creates /dev itself and opens its own console or logs elsewhere; the system boots as usual.',
		causes: [
			{
				kind: 'configuration',
				text: 'An initramfs or root filesystem without the device node /dev/console (common in Android boot images and minimal initramfs images; devtmpfs not mounted yet).'
			}
		],
		next_steps: [
			'Nothing to do if the system boots.',
			'It matters when you build the image and miss init’s messages or an early shell on the console: add the node (`mknod -m 600 dev/console c 5 1` in the initramfs tree, or `nod /dev/console 0600 0 0 c 5 1` in an initramfs list) or enable CONFIG_DEVTMPFS_MOUNT.'
		],
		references: ['https://docs.kernel.org/filesystems/ramfs-rootfs-initramfs.html']
	}
};

/**
 * drivers/acpi/pci_root.c (3.x-4.x): the host bridge's extended configuration space (MMCONFIG,
 * ECAM) is not set up for this bridge's buses, so only the first 256 bytes of each device's
 * configuration space can be reached. Corpus: 5 logs (QEMU's i440fx machine, older desktops).
 */
export const pciMmconfigUnavailable: LineRule = {
	id: 'hardware.pci-mmconfig-unavailable',
	category: 'hardware',
	severity: 'info',
	routine: true,
	triggers: ['fail to add MMCONFIG information'],
	pattern:
		/^acpi (\S+): fail to add MMCONFIG information, can't access extended PCI configuration space under this bridge/,
	title: (m) => `Extended PCI configuration space unavailable under ${m[1]}`,
	details: (m) => ({ device: m[1] }),
	examples: [
		// cmpe283 assignment1 dmesg (a QEMU virtual machine)
		"acpi PNP0A03:00: fail to add MMCONFIG information, can't access extended PCI configuration space under this bridge."
	],
	negatives: ['acpi PNP0A08:00: _OSC: OS supports [ExtendedConfig ASPM ClockPM Segments MSI]'],
	explanation: {
		meaning:
			'The firmware did not describe the memory-mapped way (MMCONFIG/ECAM) of reaching PCI configuration space for this host bridge, so the kernel uses the old I/O-port way, which reaches only the first 256 bytes of each device’s configuration. Conventional PCI devices (and the emulated ones of QEMU’s default i440fx machine, where this line is routine) need no more. It is not a failure of a device.',
		causes: [
			{
				kind: 'firmware',
				text: 'A host bridge without MMCONFIG in the firmware’s tables: older chipsets, QEMU’s i440fx machine type, or a BIOS that leaves it out.'
			}
		],
		next_steps: [
			'Nothing to do in a virtual machine of the i440fx type or on a machine whose devices all work.',
			'It matters for PCI Express features that live in the extended space (AER error reporting, some GPUs, device passthrough): in a VM use the q35 machine type; on hardware update the BIOS.'
		],
		references: ['https://docs.kernel.org/PCI/pci.html']
	}
};

/**
 * drivers/pci/setup-bus.c and setup-res.c: an I/O-port range of a bridge window (BAR 13, before
 * 6.7; `bridge window [io  size …]` since) or of a device (BAR 0-5) gets no address: `BAR 13: no
 * space for [io  size 0x1000]`, `BAR 13: failed to assign [io  size 0x1000]`, 6.7+ `… [io  size
 * 0x1000]: can't assign; no space` and `…: failed to assign`. hardware.pci-bar-unassigned takes
 * memory BARs. Corpus: 5 logs, 122 lines (a VMware virtual machine's PCIe root ports, a
 * Thunderbolt dock, an AMD board, ChromeOS's ARCVM, orion-o6's network card).
 */
export const pciIoUnassigned: LineRule = {
	id: 'hardware.pci-io-unassigned',
	category: 'hardware',
	severity: 'info',
	routine: true,
	triggers: [
		'no space for [io ',
		'failed to assign [io ',
		']: failed to assign',
		"]: can't assign; no space"
	],
	pattern:
		/^pci ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): (?:BAR \d+: (?:no space for|failed to assign) \[io {1,2}size|(?:BAR \d+|bridge window) \[io {1,2}size 0x[0-9a-f]+\]: (?:failed to assign|can't assign; no space))/,
	title: () => 'PCI I/O port ranges left unassigned (I/O port space is scarce)',
	details: (m) => ({ device: m[1] }),
	collect: { device: 'devices' },
	perBoot: true,
	examples: [
		// crash-logs log12-11.txt (a laptop with a Thunderbolt dock)
		'pci 0000:06:01.0: BAR 13: no space for [io  size 0x1000]',
		'pci 0000:06:01.0: BAR 13: failed to assign [io  size 0x1000]',
		"pci 0000:00:1c.0: bridge window [io  size 0x1000]: can't assign; no space",
		'pci 0000:01:00.0: BAR 0 [io  size 0x0100]: failed to assign'
	],
	negatives: [
		'pci 0000:01:00.0: BAR 0: failed to assign [mem size 0x10000000 64bit pref]',
		'pci 0000:00:1c.0: BAR 13: assigned [io  0x2000-0x2fff]'
	],
	explanation: {
		meaning:
			'PCI I/O port space is small. On x86 it has 64 KB in all and a PCI bridge window for it takes at least 4 KB: with many bridges (PCIe root ports of a virtual machine, Thunderbolt and hot-plug ports, docks) there is not enough for all of them. On ARM and other machines it is only the I/O window the firmware gives each PCI host bridge, often small or none at all (the `root bus resource` lines then list memory windows only). Either way the kernel leaves some bridges, or a device’s I/O ports, without I/O space (the devices are in `devices`). Almost all PCIe devices work through memory-mapped registers and never use I/O ports (network cards such as Realtek’s keep an I/O BAR their driver does not use), so nothing stops working.',
		causes: [
			{
				kind: 'firmware',
				text: 'More bridges that could take I/O ports than fit into the I/O port space (VMware’s 32 virtual PCIe root ports, Thunderbolt and hot-plug bridges reserving space for devices not yet plugged in).'
			},
			{
				kind: 'firmware',
				text: 'On ARM boards and servers, a PCI host bridge to which the firmware (ACPI `_CRS`, or the device tree’s `ranges`) gives no I/O window, or a small one.'
			}
		],
		next_steps: [
			'Nothing to do if the devices work.',
			'It matters only for an old device that needs I/O ports (a legacy serial or parallel card, some old network or sound cards) behind one of these bridges: it then fails to work; move it to another slot, or give fewer bridges I/O space in the BIOS (or the VM’s settings); on an ARM machine only a firmware or device tree that gives its host bridge an I/O window helps.'
		],
		references: ['https://docs.kernel.org/PCI/pci.html']
	}
};

/**
 * fs/ext2/super.c, fs/ext3/super.c (before 4.3) and fs/ext4/super.c: a mount that tries the ext2
 * or ext3 driver first (mount without `-t`, Android's and Ubuntu Touch's fstab probing, the ext4
 * driver serving ext2/ext3 since 4.3) refuses an ext4 filesystem by its feature bits, then ext4
 * mounts it. Corpus: 6 logs (Android phones, Ubuntu Touch, a GoPro), 20 lines.
 */
export const extMountProbe: LineRule = {
	id: 'filesystem.ext-mount-probe',
	category: 'filesystem',
	severity: 'info',
	routine: true,
	triggers: [
		"couldn't mount because of unsupported optional features",
		'due to feature incompatibilities'
	],
	pattern:
		/^EXT([234])-fs \(([^)\s]+)\): (?:error: couldn't mount because of unsupported optional features \((\w+)\)|couldn't mount as ext([23]) due to feature incompatibilities)/,
	title: () => 'Filesystems probed with the ext2/ext3 driver before ext4 (a routine mount probe)',
	details: (m) => ({ device: m[2], tried_as: `ext${m[4] ?? m[1]}` }),
	collect: { device: 'devices' },
	// the probes of one boot's mounts: one occurrence per boot
	perBoot: true,
	examples: [
		// logs_a5y17lte dmesg (a Samsung phone): then `EXT4-fs (mmcblk0p25): mounted filesystem …`
		"EXT3-fs (mmcblk0p25): error: couldn't mount because of unsupported optional features (40)",
		"EXT2-fs (mmcblk0p25): error: couldn't mount because of unsupported optional features (40)",
		"EXT4-fs (sda1): couldn't mount as ext3 due to feature incompatibilities"
	],
	negatives: [
		"EXT4-fs (sda1): couldn't mount RDWR because of unsupported optional features (400)",
		'EXT4-fs (mmcblk0p25): mounted filesystem with ordered data mode. Opts: (null)'
	],
	explanation: {
		meaning:
			'A filesystem was mounted without saying its type, or by a list of types to try, so the kernel first offered it to the ext2 or ext3 driver. Those refuse it because it uses ext4 features (extents, flexible block groups), which is what “unsupported optional features” and “feature incompatibilities” mean here, and the ext4 driver then mounts it (look for `EXT4-fs (<device>): mounted filesystem` right after). Phones and some distributions probe every mount this way. Nothing is wrong with the filesystem.',
		causes: [
			{
				kind: 'configuration',
				text: 'An fstab, init script or `mount` without `-t ext4`, which tries the filesystem drivers in turn.'
			}
		],
		next_steps: [
			'Nothing to do when the ext4 driver mounts the device right after (the devices probed are in `devices`).',
			'It matters only when no `EXT4-fs (<device>): mounted filesystem` line follows: the filesystem was then not mounted; run `blkid <device>` and mount it with `-t ext4` to see the real error. Writing `ext4` as the type in fstab stops the probe lines.'
		],
		references: ['https://docs.kernel.org/admin-guide/ext4.html']
	}
};

/**
 * arch/x86/kernel/cpu/bus_lock.c (intel.c before 6.7) sld_state_show(): how split-lock detection
 * is set at boot (`split_lock_detect=`), once. The events are other.split-lock's. Corpus: 4 logs
 * (Intel laptops and a Chromebook, 5.15-6.x kernels).
 */
export const splitLockMode: LineRule = {
	id: 'other.split-lock-detection',
	category: 'other',
	severity: 'info',
	routine: true,
	triggers: ['split lock detection: #'],
	pattern:
		/^x86\/split lock detection: #(?:AC|DB): (?:crashing the kernel on kernel split_locks and )?(warning|sending SIGBUS|setting \w+ ratelimit to \d+)/,
	title: () => 'Split-lock detection is on (a setting, not an event)',
	details: (m) => ({ user_space: m[1] }),
	examples: [
		// intel-audio sof-dyndbg.conf log (an Intel laptop)
		'x86/split lock detection: #AC: crashing the kernel on kernel split_locks and warning on user-space split_locks',
		'x86/split lock detection: #AC: crashing the kernel on kernel split_locks and sending SIGBUS on user-space split_locks',
		'x86/split lock detection: #DB: warning on user-space bus_locks'
	],
	negatives: [
		'x86/split lock detection: #AC: Steam/12345 took a split_lock trap at address: 0x7f1234567890'
	],
	explanation: {
		meaning:
			'A split lock is an atomic memory operation on data that straddles two cache lines; the CPU then locks the whole memory bus, slowing every core. Recent Intel (and some AMD) CPUs can trap it, and the kernel says at boot how it will react: a split lock in kernel code is a bug and crashes the kernel (the kernel has none), and one in a program is warned about (`took a split_lock trap`, a finding of its own) and the program slowed down. The line reports this setting; no split lock has happened.',
		causes: [
			{
				kind: 'kernel',
				text: 'The default of `split_lock_detect=warn` on CPUs that support detection (kernels 5.7+).'
			}
		],
		next_steps: [
			'Nothing to do: the line is a setting printed at every boot.',
			'It matters only if a program (often an older game under Wine or Proton) triggers split locks and runs slowly: the kernel then prints `took a split_lock trap`; `sysctl kernel.split_lock_mitigate=0` (6.2+) stops the slowing, `split_lock_detect=off` on the kernel command line the detection.'
		],
		references: ['https://docs.kernel.org/arch/x86/buslock.html']
	}
};

/**
 * drivers/regulator/core.c _regulator_get(): a consumer asks for a supply that the device tree or
 * ACPI does not describe, and gets the always-on dummy regulator (`%s supply %s not found, using
 * dummy regulator`, with the device prefix since 3.x). Corpus: 13 logs (Raspberry Pi's
 * usb_phy_generic, Chromebook audio codecs, Qualcomm phones, an Armada SATA port, elan_i2c).
 */
export const dummyRegulator: LineRule = {
	id: 'hardware.dummy-regulator',
	category: 'hardware',
	severity: 'info',
	routine: true,
	triggers: ['not found, using dummy regulator'],
	pattern: /^(?:\S+ (\S+): )?(?:\S+ )?supply (\S+) not found, using dummy regulator/,
	title: () => 'Power supplies the firmware does not describe: dummy regulators used',
	details: (m) => ({ device: m[1] ?? null, supply: m[2] }),
	collect: { device: 'devices', supply: 'supplies' },
	// the probes of one boot: one occurrence per boot
	perBoot: true,
	examples: [
		// izassafar-one kern.log (a Raspberry Pi)
		'usb_phy_generic phy: phy supply vcc not found, using dummy regulator',
		// ideapad320-15ikb dmesg (the touchpad)
		'elan_i2c i2c-ELAN0608:00: supply vcc not found, using dummy regulator',
		'qusb supply USB3_GDSC not found, using dummy regulator'
	],
	negatives: ['reg-dummy: no parameters', 'vcc-3v3: supplied by regulator-dummy'],
	explanation: {
		meaning:
			'A driver asked for the regulator (power supply) of one of its device’s supply pins (`vcc`, `AVDD` …), as drivers do on boards where the operating system switches supplies on and off. The firmware (device tree or ACPI) does not describe such a regulator, usually because the supply is simply always on, so the kernel hands the driver a “dummy” regulator that does nothing and the device runs from its fixed supply. On PCs (touchpads, audio codecs) and many boards this is normal and the device works.',
		causes: [
			{
				kind: 'firmware',
				text: 'The device tree or ACPI tables leave out supplies that are hard-wired on; the driver asks for them anyway.'
			}
		],
		next_steps: [
			'Nothing to do if the devices named in `devices` work.',
			'It matters only when one of them does not work on a board whose supply really is switchable (a camera, a display or an SD card that stays dark): the device tree then misses its regulator, which is for the board’s maintainer to add.'
		],
		references: ['https://docs.kernel.org/power/regulator/consumer.html']
	}
};

/**
 * drivers/acpi/osl.c acpi_check_resource_conflict() via acpi/acpica/utaddress.c: a native driver
 * (i2c-i801/i2c-piix4 SMBus, lpc_ich GPIO, sensor drivers) asks for I/O ports that an ACPI
 * OpRegion also uses; with the default `acpi_enforce_resources=strict` the driver is refused
 * (some drivers go on anyway). The kernel's `ACPI: If an ACPI driver is available for this device,
 * you should use it instead of the native driver` (4.x) or `ACPI: OSL: Resource conflict; ACPI
 * support missing from driver?` (5.x+) follows. Corpus: 4 logs.
 */
export const acpiOpRegionConflict: LineRule = {
	id: 'firmware.acpi-opregion-conflict',
	category: 'firmware',
	severity: 'info',
	routine: true,
	triggers: ['conflicts with OpRegion'],
	pattern:
		/^ACPI Warning: SystemIO range 0x[0-9a-fA-F]+-0x[0-9a-fA-F]+ conflicts with OpRegion 0x[0-9a-fA-F]+-0x[0-9a-fA-F]+ \(([^)\s]+)\)/,
	title: () => 'A driver and the ACPI firmware claim the same I/O ports (a common warning)',
	details: (m) => ({ region: m[1] }),
	collect: { region: 'regions' },
	follow: [
		{
			trigger: 'ACPI: If an ACPI driver is available for this device',
			pattern: /^ACPI: If an ACPI driver is available for this device, you should use it instead/,
			// printed when the driver was refused the ports (acpi_enforce_resources=strict)
			details: () => ({ driver_refused: true }),
			within: 3,
			claims: true,
			examples: [
				'ACPI: If an ACPI driver is available for this device, you should use it instead of the native driver'
			]
		},
		{
			trigger: 'Resource conflict; ACPI support missing from driver?',
			pattern: /^ACPI: OSL: Resource conflict; ACPI support missing from driver\?/,
			// printed when the driver was refused the ports (acpi_enforce_resources=strict)
			details: () => ({ driver_refused: true }),
			within: 3,
			claims: true,
			examples: ['ACPI: OSL: Resource conflict; ACPI support missing from driver?']
		}
	],
	examples: [
		// dfir-sample-files syslog.1 (a Debian laptop)
		'ACPI Warning: SystemIO range 0x0000000000000B00-0x0000000000000B08 conflicts with OpRegion 0x0000000000000B00-0x0000000000000B06 (\\_SB.PCI0.SMBS.SMBO) (20230628/utaddress-204)',
		'ACPI Warning: SystemIO range 0x00000000000011b0-0x00000000000011bf conflicts with OpRegion 0x0000000000001180-0x00000000000011bb (\\GPIO) (20140424/utaddress-258)'
	],
	negatives: [
		'ACPI Warning: \\_SB.PCI0.GFX0._DSM: Argument #4 type mismatch - Found [Buffer], ACPI requires [Package]'
	],
	explanation: {
		meaning:
			'A hardware driver (most often the SMBus driver i2c_i801 or i2c_piix4, or lpc_ich’s GPIO, named by the ACPI region in `regions`: `SMBS`, `SMBI`, `GPIO`) wanted I/O ports that the firmware’s ACPI code also uses, for example to read the battery or the temperature through the SMBus. To keep the two from disturbing each other the kernel warns and, by default, does not give the ports to the driver. The line after it (`driver_refused`) says the driver was refused. The machine works as before; at most the driver’s device (usually the SMBus, used by sensor and memory-information tools) is not available.',
		causes: [
			{
				kind: 'firmware',
				text: 'The firmware’s ACPI tables use the SMBus or GPIO registers themselves, which is common on laptops and desktop boards.'
			}
		],
		next_steps: [
			'Nothing to do: this is one of the most common boot warnings and is harmless.',
			'It matters only if you need that device (sensors through the SMBus for `sensors-detect`, RGB or memory tools): `acpi_enforce_resources=lax` on the kernel command line lets the driver in, at the risk of clashing with the firmware’s own accesses; prefer leaving it as it is.'
		],
		references: ['https://docs.kernel.org/admin-guide/kernel-parameters.html']
	}
};

/**
 * drivers/base/driver.c driver_register(): the PC speaker's platform driver registered twice
 * (`pcspkr` and the sound driver `snd-pcsp` both use the name pcspkr), the second is refused.
 * Corpus: 2 logs.
 */
export const pcspkrRegistered: LineRule = {
	id: 'other.pcspkr-registered-twice',
	category: 'other',
	severity: 'info',
	routine: true,
	triggers: ["Driver 'pcspkr' is already registered"],
	pattern: /^Error: Driver 'pcspkr' is already registered, aborting/,
	title: () => 'PC speaker driver loaded twice; the second copy was refused (harmless)',
	examples: ["Error: Driver 'pcspkr' is already registered, aborting..."],
	negatives: ["Error: Driver 'qcom,ois' is already registered, aborting..."],
	explanation: {
		meaning:
			'Two drivers for the PC speaker (the beeper) register under the same name: `pcspkr` (the input driver that beeps) and `snd-pcsp` (the sound driver that plays through it). Whichever loads second is refused with this message. The first one works; nothing else is affected. Many distributions blacklist one of them, and some machines do not even have a speaker.',
		causes: [
			{
				kind: 'configuration',
				text: 'Both PC-speaker modules are loaded at boot (udev loads both for the same platform device).'
			}
		],
		next_steps: [
			'Nothing to do: the message is cosmetic.',
			'To silence it, blacklist the one you do not want (`blacklist snd_pcsp` in a file under /etc/modprobe.d/), or both to stop the beeps.'
		],
		references: ['https://wiki.archlinux.org/title/PC_speaker']
	}
};

/**
 * drivers/input/serio/i8042.c i8042_pnp_init(): the firmware's PNP (ACPI) list has the keyboard
 * controller but no PS/2 mouse port, so the driver leaves the AUX port off. Corpus: 6 logs.
 */
export const i8042AuxDisabled: LineRule = {
	id: 'hardware.i8042-aux-not-listed',
	category: 'hardware',
	severity: 'info',
	routine: true,
	triggers: ['PS/2 appears to have AUX port disabled'],
	pattern: /^i8042: PNP: PS\/2 appears to have AUX port disabled/,
	title: () => 'No PS/2 mouse port listed by the firmware (a routine notice)',
	examples: [
		'i8042: PNP: PS/2 appears to have AUX port disabled, if this is incorrect please boot with i8042.nopnp'
	],
	negatives: ['i8042: PNP: PS/2 Controller [PNP0303:PS2K] at 0x60,0x64 irq 1'],
	explanation: {
		meaning:
			'The firmware lists a PS/2 keyboard port but no PS/2 mouse (AUX) port, so the kernel does not look for a mouse or touchpad on it. Most laptops connect their touchpad over I2C or USB and most desktops have no PS/2 mouse, so this is what is expected; the keyboard works.',
		causes: [
			{
				kind: 'firmware',
				text: 'A machine without a PS/2 mouse port, or whose touchpad is on I2C/USB.'
			}
		],
		next_steps: [
			'Nothing to do if the touchpad and mouse work.',
			'It matters only if the touchpad does not work at all and the machine has a PS/2 touchpad (older laptops): boot once with `i8042.nopnp` as the message says, and if that helps keep it on the kernel command line.'
		],
		references: ['https://docs.kernel.org/admin-guide/kernel-parameters.html']
	}
};

/**
 * kernel/watchdog_hld.c (later watchdog_perf.c) hardlockup_detector_event_create(): the hard
 * lockup detector needs a hardware performance counter; without one (a virtual machine without a
 * virtual PMU, some ARM boards) it is off. Corpus: 2 logs (VirtualBox, QEMU).
 */
export const nmiWatchdogNoPmu: LineRule = {
	id: 'other.nmi-watchdog-unavailable',
	category: 'other',
	severity: 'info',
	routine: true,
	triggers: ['Perf event create on CPU'],
	pattern: /^NMI watchdog: Perf event create on CPU (\d+) failed with (-\d+)/,
	title: () => 'Hard lockup detector off: no performance counter (common in virtual machines)',
	details: (m) => ({ error: errnoName(m[2]) }),
	examples: ['NMI watchdog: Perf event create on CPU 0 failed with -2'],
	negatives: ['NMI watchdog: Enabled. Permanently consumes one hw-PMU counter.'],
	explanation: {
		meaning:
			'The kernel’s hard lockup detector (the “NMI watchdog”) uses a CPU performance counter to notice a CPU stuck with interrupts off. This machine offers no such counter, typically a virtual machine whose hypervisor does not pass the PMU through (VirtualBox, many cloud and QEMU setups), so the detector stays off. Everything else works, including the soft lockup detector.',
		causes: [
			{
				kind: 'environment',
				text: 'A virtual machine without a virtual PMU, or hardware whose counters the kernel does not support.'
			}
		],
		next_steps: [
			'Nothing to do: the rest of the system is not affected.',
			'It matters only if you debug hard lockups in this VM: enable the virtual PMU (QEMU `-cpu host` with KVM, VMware “virtualize CPU performance counters”), or silence the line with `nmi_watchdog=0`.'
		],
		references: ['https://docs.kernel.org/admin-guide/lockup-watchdogs.html']
	}
};

/**
 * drivers/rtc/hctosys.c (later class.c) rtc_hctosys(): the kernel sets the system clock from
 * the RTC named by CONFIG_RTC_HCTOSYS_DEVICE at boot; a board without one (Raspberry Pi) has none.
 * Corpus: 2 logs (a Raspberry Pi, 25 boots).
 */
export const noRtc: LineRule = {
	id: 'other.no-rtc-at-boot',
	category: 'other',
	severity: 'info',
	routine: true,
	triggers: ['unable to open rtc device'],
	pattern: /^(?:hctosys|drivers\/rtc\/hctosys\.c): unable to open rtc device \((rtc\d+)\)/,
	title: () => 'No hardware clock to set the time from at boot (boards without an RTC)',
	details: (m) => ({ device: m[1] }),
	examples: [
		'hctosys: unable to open rtc device (rtc0)',
		'drivers/rtc/hctosys.c: unable to open rtc device (rtc0)'
	],
	negatives: ['rtc_cmos 00:02: setting system clock to 2024-01-01T10:00:00 UTC (1704103200)'],
	explanation: {
		meaning:
			'At boot the kernel sets the system clock from the battery-backed hardware clock (RTC). This machine has none (the Raspberry Pi and many boards do not), or its driver was not loaded yet, so the clock starts at a default time until the network time service (or fake-hwclock) sets it. Nothing is broken.',
		causes: [
			{
				kind: 'hardware',
				text: 'A board without a battery-backed real-time clock, or one whose RTC driver is a module loaded later.'
			}
		],
		next_steps: [
			'Nothing to do if the time is right once the network is up.',
			'It matters for a board that runs offline (wrong dates in logs, certificates rejected): add an RTC module (and its device-tree overlay), or keep fake-hwclock so the time at least moves forward.'
		],
		references: ['https://docs.kernel.org/admin-guide/rtc.html']
	}
};

/**
 * fs/pstore/ram_core.c persistent_ram_init_ecc(): with ECC on, pstore's RAM buffer header that
 * does not decode (random memory after a cold start) is reported and the buffer started afresh.
 * Corpus: 2 logs (Tegra tablets, 20 boots).
 */
export const ramoopsHeader: LineRule = {
	id: 'other.ramoops-header-uncorrectable',
	category: 'other',
	severity: 'info',
	routine: true,
	triggers: ['ramoops: uncorrectable error in header'],
	pattern: /^ramoops: uncorrectable error in header/,
	title: () => 'Crash-log memory (ramoops) held no valid data: started afresh',
	examples: ['ramoops: uncorrectable error in header'],
	negatives: ['ramoops: found existing buffer, size 1234, start 0'],
	explanation: {
		meaning:
			'pstore’s ramoops keeps kernel messages and crash reports in a piece of RAM that survives a reboot, protected by error-correcting codes. After the machine was powered off, that RAM holds random data, so its header cannot be decoded (“uncorrectable error”) and ramoops starts a new buffer. This is expected at every cold start; it does not mean that memory is faulty.',
		causes: [
			{
				kind: 'hardware',
				text: 'RAM loses its contents when powered off; only a warm reboot keeps the previous boot’s log there.'
			}
		],
		next_steps: [
			'Nothing to do after a power-on.',
			'It matters only if it also appears after warm reboots (a crash you wanted to read back is lost): then the bootloader or firmware clears or uses that RAM region; check the ramoops reservation in the device tree.'
		],
		references: ['https://docs.kernel.org/admin-guide/ramoops.html']
	}
};

/** what taints the kernel `U` and why, for the three explanations of dangerousOption */
const TAINT_U =
	'The kernel does what it was told and marks itself tainted `U` (user-requested), so that crash reports of this boot show that a non-default setting was in use.';

/**
 * ChromeOS's kernel command line (`cros_secure`, which its verified boot writes there): it is
 * part of the signed kernel partition, set by Google for the model, not by the owner
 * (syslogs-syslog.log and syslogs-messages-3.log, a Chromebook: `i915.enable_guc=3` beside
 * `cros_secure`, tainting the kernel at every boot).
 */
const CHROMEOS_COMMAND_LINE = /(?:^|\s)cros_(?:secure|legacy|efi)(?:\s|$)/;

const UNSAFE_OPTION_REFS = ['https://docs.kernel.org/admin-guide/tainted-kernels.html'];

/** the option set on the kernel command line (dangerousOption's context) */
const UNSAFE_OPTION_COMMAND_LINE: RuleOutcome = {
	title: (m) => `Option ${m[1]} set on the kernel command line: the kernel is tainted (U)`,
	severity: 'info',
	explanation: {
		meaning: `A driver option that its developers mark as unsafe (for testing, or for hardware not yet supported) was set on the kernel command line (the \`Kernel command line:\` just before it names it), by whoever set up the boot loader: the owner, a tuning guide or the distribution’s defaults. ${TAINT_U} Setting i915.enable_guc is common and works on most Intel GPUs.`,
		causes: [
			{
				kind: 'configuration',
				text: 'An option in the boot loader’s kernel command line (GRUB’s `GRUB_CMDLINE_LINUX` in /etc/default/grub, systemd-boot’s entry, a board’s cmdline.txt), added by hand, from a tuning guide or by the distribution.'
			}
		],
		next_steps: [
			'Nothing to do if the option does what you wanted.',
			'If the graphics (or the driver named) misbehave, remove the option from the boot loader’s command line first (`cat /proc/cmdline` shows it); report a crash upstream only after reproducing it without the option.'
		],
		references: UNSAFE_OPTION_REFS
	}
};

/**
 * the option set on ChromeOS's own kernel command line (dangerousOption's context with
 * `cros_secure`): Google's setting for the model, signed with the kernel
 */
const UNSAFE_OPTION_CHROMEOS: RuleOutcome = {
	title: (m) =>
		`Option ${m[1]} set by ChromeOS’s own kernel command line: the kernel is tainted (U)`,
	severity: 'info',
	explanation: {
		meaning: `ChromeOS’s own kernel command line (the \`Kernel command line:\` just before it, with \`cros_secure\`) sets a driver option that its developers mark as unsafe (for testing, or for hardware not yet supported by default). That command line is part of ChromeOS’s signed kernel, chosen by Google for this model and checked by verified boot: the owner did not set it and cannot change it outside developer mode. ${TAINT_U} It does so at every boot of this Chromebook: nothing is wrong.`,
		causes: [
			{
				kind: 'configuration',
				text: 'Google’s setting for the model, in the command line signed with ChromeOS’s kernel (for i915.enable_guc, the Intel GPU’s GuC and HuC firmware, which ChromeOS uses for scheduling and video).'
			}
		],
		next_steps: [
			'Nothing to do: ChromeOS sets the option itself and keeps it across updates.',
			'If the graphics misbehave, update ChromeOS (Settings, About ChromeOS, Check for updates) and send feedback right after it happens (Alt+Shift+I): the option is Google’s to change, and ChromeOS’s developers know it is set.'
		],
		references: [
			...UNSAFE_OPTION_REFS,
			'https://www.chromium.org/chromium-os/chromiumos-design-docs/verified-boot/'
		]
	}
};

/**
 * kernel/params.c param_check_unsafe(): a module parameter marked unsafe (i915's enable_guc,
 * force_probe …) set on the command line or by modprobe taints the kernel `U`. Set on the command
 * line, for a driver built into the kernel, it comes right after `Kernel command line:` (start_kernel
 * parses the command line's parameters just after printing it); set by modprobe (a module's options
 * in /etc/modprobe.d, or the command line's for a module), when the module loads. Corpus: 2 logs (a
 * Chromebook, whose own command line sets it: not the owner's doing, which the title had said).
 */
export const dangerousOption: LineRule = {
	id: 'other.unsafe-module-option',
	category: 'other',
	severity: 'info',
	routine: true,
	triggers: ['Setting dangerous option'],
	pattern: /^Setting dangerous option (\S+) - tainting kernel/,
	title: (m) => `Unsafe option ${m[1]} set: the kernel is tainted (U)`,
	details: (m) => ({ option: m[1], taint: 'U' }),
	context: {
		trigger: 'Kernel command line: ',
		pattern: /^Kernel command line: (.*)$/,
		details: (m): Record<string, DetailValue> =>
			CHROMEOS_COMMAND_LINE.test(m[1])
				? { set_on: 'kernel command line', set_by: 'ChromeOS' }
				: { set_on: 'kernel command line' },
		within: 20,
		examples: [
			// syslogs messages.3 line 454 (a Chromebook), shortened
			'Kernel command line: cros_secure console= loglevel=7 console_msg_format=syslog init=/sbin/init cros_secure drm.trace=0x106 root=/dev/dm-0 rootwait ro noinitrd i915.modeset=1 i915.enable_guc=3 intel_iommu=on'
		],
		outcome: (c) => (c.set_by === 'ChromeOS' ? UNSAFE_OPTION_CHROMEOS : UNSAFE_OPTION_COMMAND_LINE)
	},
	examples: ['Setting dangerous option i915.enable_guc - tainting kernel'],
	negatives: ['i915 0000:00:02.0: [drm] GuC firmware i915/adlp_guc_70.bin version 70.20.0'],
	explanation: {
		meaning: `A driver option that its developers mark as unsafe (for testing, or for hardware not yet supported) was set: in a modprobe configuration file (/etc/modprobe.d) or by a program that loaded the driver’s module with it, or on the kernel command line (a \`Kernel command line:\` just before this line would say so; the log does not show it here). ${TAINT_U} Setting i915.enable_guc is common and works on most Intel GPUs.`,
		causes: [
			{
				kind: 'configuration',
				text: 'An option in a modprobe configuration file or on the kernel command line (by hand, from a tuning guide or a distribution default).'
			}
		],
		next_steps: [
			'Nothing to do if the option does what you wanted.',
			'If the graphics (or the driver named) misbehave, remove the option first (`grep -r <option> /etc/modprobe.d /usr/lib/modprobe.d` and `cat /proc/cmdline` find it); report a crash upstream only after reproducing it without the option.'
		],
		references: UNSAFE_OPTION_REFS
	}
};

/**
 * drivers/scsi/ses.c ses_intf_add(): an enclosure services device (a SES LUN of a USB disk case, a
 * backplane) that does not answer the configuration page is not bound: `Failed to get diagnostic
 * page 0x1` (after `Wrong diagnostic page; asked for 1 got 8`), then `Failed to bind enclosure
 * -19`. Corpus: 3 logs of one machine (three USB disk enclosures).
 */
export const sesEnclosure: LineRule = {
	id: 'storage.ses-enclosure-unbound',
	category: 'storage',
	severity: 'info',
	routine: true,
	triggers: ['Wrong diagnostic page', 'Failed to get diagnostic page', 'Failed to bind enclosure'],
	pattern:
		/^(?:scsi|ses) (\d+:\d+:\d+:\d+): (?:Failed to (?:get diagnostic page 0x[0-9a-f]+|bind enclosure -\d+)|Wrong diagnostic page; asked for \d+ got \d+)/,
	title: (m) => `Disk enclosure ${m[1]} offers no enclosure services (LEDs, fans): not used`,
	details: (m) => ({ device: m[1] }),
	examples: [
		// zictes-log dmesg (three USB disk enclosures, the same lines for each)
		'scsi 6:0:0:1: Wrong diagnostic page; asked for 1 got 8',
		'scsi 6:0:0:1: Failed to get diagnostic page 0x1',
		'ses 8:0:0:1: Failed to bind enclosure -19'
	],
	negatives: ['scsi 6:0:0:1: Enclosure         ASMT     2105             0    PQ: 0 ANSI: 6'],
	explanation: {
		meaning:
			'A disk enclosure (often a USB disk case or dock, or a server backplane) presents an extra “enclosure services” device next to the disk, for its fan, temperature and slot LEDs. It did not answer the kernel’s request for its configuration, so the ses driver does not use it. The disks themselves are not affected.',
		causes: [
			{
				kind: 'hardware',
				text: 'A USB-SATA bridge or enclosure that announces enclosure services without really implementing them.'
			}
		],
		next_steps: [
			'Nothing to do: the disk in the enclosure works as usual.',
			'It matters only on a server whose backplane LEDs should light for failed disks (`ledctl`, `sg_ses`): then check the backplane’s firmware and cabling.'
		],
		references: ['https://docs.kernel.org/driver-api/scsi.html']
	}
};

/**
 * drivers/acpi/pci_root.c negotiate_os_control() (before 5.x's `_OSC: platform retains control of
 * PCIe features`): the host bridge's `_OSC` could not be evaluated, so the kernel takes no control
 * of PCIe features from the firmware and leaves ASPM as the firmware set it (pcie_no_aspm());
 * 2.6.3x-3.x printed `ACPI _OSC support notification failed, disabling PCIe ASPM` for the same.
 * Corpus: 4 logs (a QEMU guest, a Dell Inspiron 1545 and an Alienware M11x of 2009-2010, a
 * server), all AE_NOT_FOUND: firmware older than `_OSC`, or a virtual machine's.
 * Routine rather than a low finding: nothing fails, the firmware keeps what it configured, and
 * what is lost (the OS's own link power saving, native hotplug and AER) matters only on a laptop
 * that drains its battery, or to someone chasing PCIe errors.
 */
export const pciOscFailedAspm: LineRule = {
	id: 'firmware.pci-osc-aspm-firmware',
	category: 'firmware',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['); disabling ASPM', 'notification failed, disabling PCIe ASPM'],
	pattern:
		/^acpi (PNP0A0[38]:\d+): (?:_OSC failed \((AE_\w+)\); disabling ASPM|ACPI _OSC support notification failed, disabling PCIe ASPM)/,
	title: () =>
		'PCIe power saving (ASPM) left to the firmware: the PCI host bridge’s _OSC could not be used',
	details: (m) => ({ device: m[1], status: m[2] ?? null }),
	examples: [
		// lkp-calltrace dmesg-006 (QEMU), m11x-hwinfo i1545 dmesg (Dell Inspiron 1545, 3.16)
		'acpi PNP0A03:00: _OSC failed (AE_NOT_FOUND); disabling ASPM',
		'acpi PNP0A08:00: _OSC failed (AE_NOT_FOUND); disabling ASPM',
		'acpi PNP0A08:00: ACPI _OSC support notification failed, disabling PCIe ASPM'
	],
	negatives: [
		'acpi PNP0A08:00: _OSC: OS supports [ExtendedConfig ASPM ClockPM Segments MSI HPX-Type3]',
		'acpi PNP0A08:00: FADT indicates ASPM is unsupported, using BIOS configuration'
	],
	explanation: {
		meaning:
			'At boot the kernel asks the firmware, through the PCI host bridge’s ACPI `_OSC` method, for control of PCI Express features: link power saving (ASPM), native hotplug, error reporting (AER). Here `_OSC` could not be used (`AE_NOT_FOUND`: the firmware has none, as in virtual machines and PCs made before about 2010), so the kernel takes none of them and leaves ASPM as the firmware set it up; “disabling ASPM” means the kernel does not manage it, not that a device failed. Devices work as they did before Linux booted.',
		causes: [
			{
				kind: 'firmware',
				text: 'Firmware without a host-bridge `_OSC` method (older PCs, QEMU/KVM and other virtual machines’ firmware), or one that refuses the kernel’s request.'
			}
		],
		next_steps: [
			'Nothing to do on a desktop, a server or a virtual machine.',
			'It matters only on a laptop whose battery drains faster than it should (PCIe links that could sleep stay awake: `lspci -vv | grep ASPM` shows their state), or when PCIe errors should be reported to Linux (AER stays with the firmware). A BIOS update may add `_OSC`; `pcie_aspm=force` makes the kernel manage ASPM anyway, at the risk of devices that hang with it.'
		],
		references: [
			'https://docs.kernel.org/PCI/pcieaer-howto.html',
			`${KERNEL_SOURCE}drivers/acpi/pci_root.c`
		]
	}
};

/**
 * drivers/pci/pcie/aspm.c __pci_disable_link_state(): a driver asks to turn ASPM off on its
 * device's link, and the kernel cannot (pci_warn, with the driver's name as the prefix) because
 * the firmware kept ASPM control (FADT `ACPI_FADT_NO_ASPM`, or `_OSC` not granting it). r8169 asks
 * for every Realtek card, since ASPM makes some of them stop or hang the machine; when it is
 * refused, r8169 (5.9 on: `aspm_manageable`) leaves the chip's own ASPM entry off as well.
 * Corpus: 3 logs, all r8169 after `ACPI FADT declares the system doesn't support PCIe ASPM`, the
 * network up afterwards. Routine rather than a low finding: the card works, and the risk it guards
 * against shows as findings of their own (transmit timeouts, `rtl_rxtx_empty_cond`, link drops).
 */
export const aspmDisableRefused: LineRule = {
	id: 'hardware.aspm-disable-refused',
	category: 'hardware',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ["can't disable ASPM; OS doesn't have ASPM control"],
	pattern: /^(\S+) (\S+): can't disable ASPM; OS doesn't have ASPM control/,
	title: (m) => `${m[1]} could not turn off PCIe power saving (ASPM): the firmware keeps control`,
	details: (m) => ({ driver: m[1], device: m[2] }),
	collect: { device: 'devices' },
	examples: [
		// dfir-sample-files syslog.1 (RTL8168g, Debian 6.6), ms912x dmesg (RTL8168h)
		"r8169 0000:01:00.0: can't disable ASPM; OS doesn't have ASPM control"
	],
	negatives: ['r8169 0000:01:00.0: enabling device (0000 -> 0003)'],
	explanation: {
		meaning:
			'The network driver (most often r8169, for Realtek Ethernet) asked the kernel to turn off PCIe link power saving (ASPM) for its card, because on some of these cards ASPM makes the card stop answering. The kernel could not: the firmware said at boot that it keeps control of ASPM (`ACPI FADT declares the system doesn’t support PCIe ASPM`, or `_OSC` did not grant it), so the link stays as the firmware set it. r8169 then also leaves the card’s own ASPM entry off. On these machines the firmware usually leaves ASPM off for the card anyway, and the card works.',
		causes: [
			{
				kind: 'firmware',
				text: 'Firmware that keeps ASPM control to itself (common on desktop boards and some laptops), with a driver that always asks to turn ASPM off.'
			}
		],
		next_steps: [
			'Nothing to do if the network works.',
			'It matters only if the card drops its link, stops sending (`NETDEV WATCHDOG … transmit queue timed out`, r8169’s `rtl_rxtx_empty_cond == 1`), or the machine freezes under network load: then turn PCIe ASPM off in the BIOS/UEFI setup (often “ASPM”, “PCIe power management” or “Native ASPM”), or boot with `pcie_aspm=off`, and see whether it stops.'
		],
		references: [
			'https://docs.kernel.org/admin-guide/kernel-parameters.html',
			`${KERNEL_SOURCE}drivers/pci/pcie/aspm.c`
		]
	}
};

/**
 * drivers/nvme/host/core.c nvme_init_subnqn(): the controller's Identify data has no NVMe
 * Qualified Name (SUBNQN) or one not in its format (NVMe 1.2.1 and later require it), so the
 * kernel makes one from the PCI vendor id, serial number and model
 * (`nqn.2014.08.org.nvmexpress:…`); dev_warn at each controller start. Corpus: 6 logs of 5
 * machines (consumer SSDs: a Ryzen desktop, Intel laptops, a Surface Pro 7, an ARM board).
 */
export const nvmeSubnqnMissing: LineRule = {
	id: 'storage.nvme-subnqn-missing',
	category: 'storage',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['missing or invalid SUBNQN field'],
	pattern: /^nvme (nvme\d+): missing or invalid SUBNQN field/,
	title: () => 'NVMe drive reports no subsystem name (NQN): the kernel made one',
	details: (m) => ({ device: m[1] }),
	collect: { device: 'devices' },
	examples: [
		// amdgpu-crash crash1.txt, intel-audio sof-dyndbg.conf log, orion-o6 dmesg.out
		'nvme nvme0: missing or invalid SUBNQN field.',
		'nvme nvme1: missing or invalid SUBNQN field.'
	],
	negatives: [
		'nvme nvme0: 8/0/0 default/read/poll queues',
		'nvme nvme0: pci function 0000:01:00.0'
	],
	explanation: {
		meaning:
			'An NVMe drive should report a name that identifies it as a storage subsystem (the NVMe Qualified Name, SUBNQN), by which the kernel recognises the same drive reached over two paths (NVMe multipath) or over a network (NVMe over Fabrics). This drive’s firmware reports none, or one not in the required form, so the kernel builds one from the drive’s vendor, serial number and model and carries on. The drive works normally; many consumer SSDs do this, and the line comes again each time the controller is started (at boot, after a reset).',
		causes: [
			{
				kind: 'firmware',
				text: 'SSD firmware written before the NVMe 1.2.1 specification made the name mandatory, or that leaves it empty.'
			}
		],
		next_steps: [
			'Nothing to do: the drive works. `cat /sys/class/nvme/nvme0/subsysnqn` shows the name the kernel made.',
			'If two drives report the same model and serial number too (some cheap SSDs), the kernel can take them for one subsystem and show only one: then update the drives’ firmware (`fwupdmgr`, the vendor’s tool). The same matters only for NVMe multipath or NVMe over Fabrics setups.'
		],
		references: [`${KERNEL_SOURCE}drivers/nvme/host/core.c`]
	}
};

/**
 * block/partitions/efi.c find_valid_gpt(): the primary GPT is valid and the alternate (backup)
 * one is not, `pr_warn("Alternate GPT is invalid, using primary GPT.\n")` (no device named; the
 * `sda: sda1 sda2` line after it names the disk). Corpus: 10 lines in 7 logs of 4 machines (the
 * eMMC of phones flashed by vendor tools, a server's disk). `Primary GPT is invalid, using
 * alternate GPT.` is not routine: storage.gpt-primary-invalid (storage-io-error.ts).
 */
export const gptBackupInvalid: LineRule = {
	id: 'storage.gpt-backup-invalid',
	category: 'storage',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['Alternate GPT is invalid'],
	pattern: /^Alternate GPT is invalid, using primary GPT\./,
	title: () => 'Backup copy of a GPT partition table invalid: the primary copy is used',
	examples: [
		// bacon-pmos-mainline-dev dmesg.log (OnePlus One), ubuntu-20-04-fips-logs dmesg.txt
		'Alternate GPT is invalid, using primary GPT.'
	],
	negatives: [
		'Primary GPT is invalid, using alternate GPT.',
		'GPT:Alternate GPT header not at the end of the disk.'
	],
	explanation: {
		meaning:
			'A disk with a GPT partition table keeps it twice: the primary copy at the start of the disk and a backup copy at its end. The backup failed the kernel’s checks (missing, damaged, or not where the primary says), so the kernel uses the primary copy: every partition is found as usual (the disk’s partition line, `sda: sda1 sda2`, follows). Common on phones and tablets, whose flashing tools write only the primary table to the eMMC, and on a disk image written to a disk of another size (a USB stick made with `dd`, a virtual disk that was resized).',
		causes: [
			{
				kind: 'configuration',
				text: 'A disk image written to a disk of another size, a virtual disk resized, or a partitioning tool that did not write the backup.'
			},
			{
				kind: 'firmware',
				text: 'A phone’s or tablet’s flashing tool that writes only the primary table to the eMMC.'
			}
		],
		next_steps: [
			'Nothing to do on a phone or tablet: its flashing tools expect that layout; do not rewrite it.',
			'If it is a PC’s or a virtual machine’s disk, the disk has no working backup of its partition table: were the start of the disk damaged, nothing could recover the partitions. Rewrite the backup (`sudo sgdisk -e /dev/sdX` puts it at the end of the disk; `sudo gdisk /dev/sdX`, then `w`, rewrites both copies); the disk is the one whose partitions are listed just after this line.'
		],
		references: [`${KERNEL_SOURCE}block/partitions/efi.c`]
	}
};

/**
 * drivers/mmc/host/sdhci.c sdhci_start_signal_voltage_switch(): the controller's I/O supply
 * regulator (vqmmc) refused 3.3 V, `pr_warn("%s: Switching to 3.3V signalling voltage
 * failed\n")`; the MMC core then tries 1.8 V (mmc_set_initial_signal_voltage). An eMMC wired to a
 * 1.8 V-only supply prints it at each power-up and works at 1.8 V. Corpus: 2 logs of a OnePlus One
 * on mainline (eMMC mmc0, `new HS200 MMC card` just after).
 */
export const mmcSignalVoltage33: LineRule = {
	id: 'storage.mmc-3v3-signalling-failed',
	category: 'storage',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['Switching to 3.3V signalling voltage failed'],
	pattern: /^(mmc\d+): Switching to 3\.3V signalling voltage failed/,
	title: () => 'SD/eMMC controller could not set its signals to 3.3 V: 1.8 V is used',
	details: (m) => ({ device: m[1] }),
	collect: { device: 'devices' },
	examples: [
		// bacon-pmos-mainline-dev logs/dmesg (OnePlus One, eMMC on mmc0)
		'mmc0: Switching to 3.3V signalling voltage failed'
	],
	negatives: ['mmc0: Switching to 1.8V signalling voltage failed'],
	explanation: {
		meaning:
			'When it powers a card slot or eMMC up, the MMC core first sets the data lines to 3.3 V and falls back to 1.8 V. The regulator that feeds this controller’s I/O lines refused 3.3 V, as it does when the board wires it to a fixed 1.8 V supply, the usual design for a built-in eMMC. The core then used 1.8 V; the card is found just after (`new HS200 MMC card`, `mmcblk0: …`) and works normally.',
		causes: [
			{
				kind: 'hardware',
				text: 'An eMMC or SDIO chip whose I/O supply is 1.8 V only (the board’s design).'
			},
			{
				kind: 'configuration',
				text: 'For an SD card slot: a device tree that gives the slot’s I/O regulator no 3.3 V range.'
			}
		],
		next_steps: [
			'Nothing to do if the card behind this controller is found (`mmcblk…` lines after it) or the controller is the built-in eMMC.',
			'It matters for an SD card slot whose cards are not detected: SD cards start at 3.3 V, so the slot’s `vqmmc-supply` regulator in the device tree needs a 3.3 V range (`regulator-max-microvolt = <3300000>`).'
		],
		references: [`${KERNEL_SOURCE}drivers/mmc/host/sdhci.c`]
	}
};

/**
 * drivers/pci/setup-res.c pci_claim_resource(): a BAR the firmware programmed lies in no window
 * of the bridge above the device, so the kernel does not claim it (pci_info): `can't claim BAR 0
 * [mem …]: no compatible bridge window` (to 6.6), `BAR 0 [mem …]: can't claim; no compatible
 * bridge window` (6.7+); pci_assign_unassigned_resources() then gives it a new address
 * (`BAR 0: assigned [mem …]`) if it can. Corpus: 6 logs of 5 machines, all but one Intel's SPI
 * flash controller 00:1f.5 (reassigned a few lines later), and a graphics card's ROM (BAR 6).
 */
export const pciBarUnclaimed: LineRule = {
	id: 'hardware.pci-bar-unclaimed',
	category: 'hardware',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ["can't claim BAR ", "]: can't claim; no compatible bridge window"],
	pattern:
		/^pci ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): (?:can't claim BAR (\d+) \[[^\]]*\]: no compatible bridge window|BAR (\d+) \[[^\]]*\]: can't claim; no compatible bridge window)/,
	title: () => 'PCI address range set by the firmware outside its bridge’s window: not claimed',
	details: (m) => ({ device: m[1], bar: Number(m[2] ?? m[3]) }),
	collect: { device: 'devices' },
	examples: [
		// intel-audio sof-dyndbg.conf log, n100dc-itx-sophos dmesg (Intel's SPI flash controller)
		"pci 0000:00:1f.5: can't claim BAR 0 [mem 0xfe010000-0xfe010fff]: no compatible bridge window",
		// ms912x dmesg.log (6.15)
		"pci 0000:00:1f.5: BAR 0 [mem 0xfe010000-0xfe010fff]: can't claim; no compatible bridge window",
		// ideapad320-15ikb dmesg (a graphics card's ROM)
		"pci 0000:01:00.0: can't claim BAR 6 [mem 0xfff80000-0xffffffff pref]: no compatible bridge window"
	],
	negatives: [
		'pci 0000:00:1f.5: BAR 0: assigned [mem 0x7f510000-0x7f510fff]',
		"pci 0000:00:1f.5: can't claim BAR 0 [mem 0xfe010000-0xfe010fff]: address conflict with Reserved [mem 0xfe010000-0xfe010fff]"
	],
	explanation: {
		meaning:
			'At boot the kernel checks the address ranges the firmware gave each PCI device (its BARs: registers, memory windows, a ROM) against the windows of the bridge the device sits behind. This range lies outside all of them, so the kernel does not take it over as it is; it gives the device a new range a moment later when it can (`BAR 0: assigned [mem …]` for the same device), or leaves that range unused. On Intel PCs the device is nearly always 00:1f.5, the chipset’s SPI flash controller (the chip that holds the firmware), which the firmware hides and Linux does not need; a graphics card’s ROM (BAR 6) is another common case, not needed once the firmware has shown a picture.',
		causes: [
			{
				kind: 'firmware',
				text: 'Firmware that leaves a device’s range where the bridge windows it reports to the operating system do not reach (a hidden chipset device, an option ROM left mapped).'
			}
		],
		next_steps: [
			'Nothing to do if the device works (`lspci -s <address> -v` shows its ranges and its driver).',
			'If it is a device you use and a `failed to assign` line for it follows, or its driver does not start, update the BIOS; booting with `pci=realloc` lets the kernel rearrange the bridge windows.'
		],
		references: ['https://docs.kernel.org/PCI/pci.html', `${KERNEL_SOURCE}drivers/pci/setup-res.c`]
	}
};

/**
 * drivers/pci/probe.c pci_scan_bridge_extend(): the firmware left a bridge's bus numbers unset or
 * inconsistent, so the kernel numbers the buses behind it itself (pci_info): `pci 0000:00:00.0:
 * bridge configuration invalid ([bus 00-00]), reconfiguring`. Corpus: 3 machines (the PCIe root
 * ports of two Qualcomm phones, whose boot firmware does not set up PCI, and a VMware VM's
 * hot-plug bridges).
 */
export const pciBridgeReconfigured: LineRule = {
	id: 'hardware.pci-bridge-renumbered',
	category: 'hardware',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['bridge configuration invalid ('],
	pattern:
		/^pci ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): bridge configuration invalid \(\[bus ([0-9a-f]{2})-([0-9a-f]{2})\]\), reconfiguring/,
	title: () => 'PCI bridge bus numbers not set up by the firmware: the kernel numbered them',
	details: (m) => ({ device: m[1] }),
	collect: { device: 'devices' },
	examples: [
		// iamslightlywin dump last_kmsg (a phone), ubuntu-20-04-fips-logs dmesg.txt (VMware)
		'pci 0000:00:00.0: bridge configuration invalid ([bus 00-00]), reconfiguring',
		'pci 0000:0b:01.0: bridge configuration invalid ([bus 07-07]), reconfiguring'
	],
	negatives: ['pci 0000:00:1c.0: PCI bridge to [bus 01]'],
	explanation: {
		meaning:
			'A PCI bridge (a PCIe root port or a switch’s port) came up with the numbers of the buses behind it unset (`[bus 00-00]`) or not fitting the buses around it, so the kernel numbers those buses itself and then scans them. This is normal on phones, ARM boards and Chromebooks, whose boot firmware does not set up PCI, and for the hot-plug bridges of virtual machines; the devices behind the bridge are found afterwards (`pci 0001:01:00.0: [17cb:1101]`).',
		causes: [
			{
				kind: 'firmware',
				text: 'Boot firmware that leaves PCI enumeration to the operating system, or bridges added or reset after the firmware ran.'
			}
		],
		next_steps: [
			'Nothing to do: the kernel numbered the buses and scanned them.',
			'If a device behind this bridge is missing, look for other lines about the bridge near this one (link down, ranges not assigned) and update the firmware; `pci=assign-busses` makes the kernel number every bus itself.'
		],
		references: [`${KERNEL_SOURCE}drivers/pci/probe.c`]
	}
};

/**
 * drivers/mmc/host/sdhci.c sdhci_setup_host(): the controller's capability register gives a
 * maximum block size the driver does not accept (a reserved value), `pr_warn("%s: Invalid
 * maximum block size, assuming 512 bytes\n")`. Corpus: 4 logs of 3 NVIDIA Tegra tablets (Asus
 * Transformers), once per SDHCI controller.
 */
export const sdhciBlockSize: LineRule = {
	id: 'storage.sdhci-block-size-assumed',
	category: 'storage',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['Invalid maximum block size, assuming 512 bytes'],
	pattern: /^(mmc\d+): Invalid maximum block size, assuming 512 bytes/,
	title: () => 'SD/eMMC controller gives no valid maximum block size: 512 bytes used',
	details: (m) => ({ device: m[1] }),
	collect: { device: 'devices' },
	examples: [
		// tf201log dmesg.txt, clamor-s-files grate dmesg (Tegra tablets)
		'mmc0: Invalid maximum block size, assuming 512 bytes',
		'mmc2: Invalid maximum block size, assuming 512 bytes'
	],
	negatives: ['mmc0: SDHCI controller on PCI [0000:00:1e.6] using ADMA'],
	explanation: {
		meaning:
			'The SD/MMC host controller’s capability register gives a maximum block size the sdhci driver does not accept (a reserved value, common on NVIDIA Tegra and some other chips’ controllers), so the driver uses 512 bytes, the block size SD cards and eMMC use for transfers anyway. Cards and the eMMC behind it work normally.',
		causes: [
			{
				kind: 'hardware',
				text: 'A controller whose capability register leaves the field at a reserved value (a chip quirk).'
			}
		],
		next_steps: [
			'Nothing to do: cards and the eMMC use 512-byte blocks.',
			'If a card or the eMMC behind this controller fails (I/O errors, timeouts: findings of their own), look at those findings: this line does not cause them.'
		],
		references: [`${KERNEL_SOURCE}drivers/mmc/host/sdhci.c`]
	}
};

/**
 * fs/ext4/super.c ext4_fill_super() / ext4_check_opt_consistency(): a filesystem mounted with
 * `data=journal`, `EXT4-fs: Warning: mounting with data=journal disables delayed allocation and
 * O_DIRECT support!` (3.x-4.x, no device), `EXT4-fs (sda1): Warning: mounting with data=journal
 * disables delayed allocation, dioread_nolock, O_DIRECT and fast_commit support!` (5.10+).
 * Corpus: 5 logs of 3 phones (Ubuntu Touch and Android mount their data partitions so).
 */
export const ext4DataJournal: LineRule = {
	id: 'filesystem.ext4-data-journal',
	category: 'filesystem',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['Warning: mounting with data=journal disables'],
	pattern:
		/^EXT4-fs(?: \(([^)\s]+)\))?: Warning: mounting with data=journal disables delayed allocation/,
	title: () => 'ext4 mounted with data=journal: delayed allocation and direct I/O not used',
	details: (m) => ({ device: m[1] ?? null }),
	examples: [
		// ubtouch-dmesg dmesg (Ubuntu Touch), logcat-reports dmesg.txt
		'EXT4-fs: Warning: mounting with data=journal disables delayed allocation and O_DIRECT support!',
		'EXT4-fs (sda1): Warning: mounting with data=journal disables delayed allocation, dioread_nolock, O_DIRECT and fast_commit support!'
	],
	negatives: [
		'EXT4-fs (mmcblk0p29): mounted filesystem with journalled data mode. Opts: discard,data=journal'
	],
	explanation: {
		meaning:
			'A filesystem was mounted with the `data=journal` option (from /etc/fstab, a phone’s init scripts, or the filesystem’s own default mount options): file data is written to the journal before its place on the disk, the safest mode for data after a crash and the slowest for large writes. ext4 says that in this mode it does not use delayed allocation nor direct I/O (O_DIRECT, which then goes through the page cache; very old kernels refuse it). Nothing is wrong with the filesystem.',
		causes: [
			{
				kind: 'configuration',
				text: 'The `data=journal` mount option, chosen on purpose (phones’ data partitions, systems that favour data safety) or copied from a guide.'
			}
		],
		next_steps: [
			'Nothing to do if the option was chosen on purpose.',
			'If large writes are slow, or a program that uses direct I/O (a database, a virtual machine’s disk image) misbehaves on this filesystem, mount it with the default `data=ordered` instead (remove `data=journal` from /etc/fstab, or `tune2fs -o ^journal_data <device>` if it is a default mount option).'
		],
		references: ['https://docs.kernel.org/admin-guide/ext4.html', `${KERNEL_SOURCE}fs/ext4/super.c`]
	}
};

/**
 * drivers/usb/core/hcd.c usb_root_hub_lost_power() (dev_notice): at resume, a host controller
 * driver found that the controller lost power or its state in sleep (xHCI after `xHC error in
 * resume … Reinit`, EHCI/OHCI/UHCI whose registers came back reset, Allwinner's sw-ehci after
 * `lost power, restarting`); its devices are then reset (USB persist) or enumerated again.
 * Corpus: 5 logs of 3 machines (a ThinkPad's journal ×3, an Alienware M11x on 3.x EHCI/UHCI, an
 * Allwinner tablet with 48 lines over its resumes).
 */
export const rootHubLostPower: LineRule = {
	id: 'usb.root-hub-lost-power',
	category: 'usb',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['root hub lost power or was reset'],
	pattern: /^usb (usb\d+): root hub lost power or was reset/,
	title: () => 'USB root hubs lost power in sleep: their devices were reset at resume',
	details: (m) => ({ device: m[1] }),
	collect: { device: 'devices' },
	examples: [
		// crash-logs log12-04.txt (ThinkPad X1 Carbon, after `xHC error in resume`), m11x dmesg.log
		'usb usb1: root hub lost power or was reset',
		'usb usb3: root hub lost power or was reset'
	],
	negatives: [
		'xhci_hcd 0000:00:14.0: xHC error in resume, USBSTS 0x411, Reinit',
		'usb usb1: root hub'
	],
	explanation: {
		meaning:
			'When the machine woke from sleep, the USB host controller had lost power or its state (the firmware cut its power in suspend, or the controller was reset), so the kernel reports that each of its root hubs (`usb1`, `usb2` …, one per controller and speed) “lost power or was reset”. The devices on them are then reset and carry on (USB persist keeps a mounted USB disk mounted) or are found again as if plugged in: a disconnect and a new device. Common on laptops and tablets, and harmless when the devices work after resume.',
		causes: [
			{
				kind: 'firmware',
				text: 'The platform powers the USB controllers down in suspend (S3) or hibernation, as many do.'
			}
		],
		next_steps: [
			'Nothing to do if the USB devices work after resume.',
			'If a device is lost after resume, or a USB disk is unmounted or corrupted by it, check that USB persist is on (`cat /sys/bus/usb/devices/<device>/power/persist` gives 1), update the BIOS and kernel, and try `mem_sleep_default=s2idle` on a machine that supports it (the controllers keep their power).'
		],
		references: ['https://docs.kernel.org/driver-api/usb/persist.html']
	}
};

/**
 * net/mac80211/mlme.c: on association, mac80211 drops VHT (802.11ac) for the connection when the
 * access point's elements do not allow it: `wlp2s0: bad VHT capabilities, disabling VHT` (its VHT
 * capabilities element missing or malformed), `80 MHz not supported, disabling VHT` (the band or
 * the regulatory rules give no 80 MHz channel: every 2.4 GHz network), `AP VHT information is
 * invalid, disabling VHT`, `VHT capa missing/short, disabling VHT` (sdata_info). Corpus: 3
 * logs of a ThinkPad's journal, on a 2.4 GHz network (`freq=2462` in wpa_supplicant's line).
 */
export const wifiVhtDisabled: LineRule = {
	id: 'network.wifi-vht-disabled',
	category: 'network',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: [', disabling VHT'],
	pattern:
		/^(\S+): (bad VHT capabilities|80 MHz not supported|AP VHT information is invalid|VHT capa missing\/short), disabling VHT/,
	title: (m) =>
		`Wi-Fi ${m[1]} connected without 802.11ac (VHT): the access point’s elements do not allow it`,
	details: (m) => ({ device: m[1], reason: m[2] }),
	collect: { reason: 'reasons' },
	examples: [
		// crash-logs log12-04.txt (ThinkPad X1 Carbon, iwlwifi, 6.0), one after the other
		'wlp2s0: bad VHT capabilities, disabling VHT',
		'wlp2s0: 80 MHz not supported, disabling VHT'
	],
	negatives: ['wlp2s0: authenticate with d4:35:1d:04:38:b5', 'wlp2s0: associated'],
	explanation: {
		meaning:
			'While connecting, mac80211 (the kernel’s Wi-Fi stack) found that the access point’s announcement does not allow 802.11ac (VHT) for this connection: its VHT capabilities are missing or malformed, or no 80 MHz channel is possible on this band. It connects with 802.11n (HT) instead; nothing fails. On a 2.4 GHz network this changes nothing at all: 802.11ac is a 5 GHz standard, and the many 2.4 GHz access points that announce vendor 802.11ac extensions (such as Broadcom’s “TurboQAM”) print it at every connection.',
		causes: [
			{
				kind: 'environment',
				text: 'A 2.4 GHz network whose access point announces 802.11ac elements, or an access point whose announcement is incomplete.'
			}
		],
		next_steps: [
			'Nothing to do on a 2.4 GHz network (`iw dev <iface> link` shows the frequency: 2412-2484 MHz).',
			'If the network is a 5 GHz one and its speed is low, the access point’s 802.11ac settings or firmware are at fault: update its firmware, and check its channel width (80 MHz) and wireless mode (802.11ac/ax enabled).'
		],
		references: [`${KERNEL_SOURCE}net/mac80211/mlme.c`]
	}
};

/**
 * drivers/firmware/dmi_scan.c dmi_scan_machine() (pr_info): no SMBIOS/DMI table was found, so
 * the machine's maker, model and BIOS are unknown to the kernel. Normal on ARM boards and phones
 * booted with a device tree, which have none. Corpus: 3 logs of 2 machines (a Raspberry Pi 3 on
 * Ubuntu's raspi2 kernel ×2, an Android phone).
 */
export const dmiAbsent: LineRule = {
	id: 'firmware.dmi-absent',
	category: 'firmware',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['DMI not present or invalid'],
	pattern: /^DMI not present or invalid/,
	title: () => 'No DMI (SMBIOS) table: the machine’s model is not known to the kernel',
	examples: [
		// izassafar-one kern.log (Raspberry Pi 3 Model B+), fishlogs dmesg.log (an Android phone)
		'DMI not present or invalid.'
	],
	negatives: ['DMI: LENOVO 80XL/LNVNB161216, BIOS 4WCN31WW 12/12/2017'],
	explanation: {
		meaning:
			'The firmware provides no DMI (SMBIOS) table, the table in which a PC’s firmware names its maker, model and BIOS version. ARM boards and phones that boot with a device tree have none, and the kernel reads their model from the device tree instead (`Machine model:`): there this line is expected and nothing is missing.',
		causes: [
			{
				kind: 'firmware',
				text: 'A board or phone booted with a device tree (no SMBIOS), or a minimal virtual machine’s firmware.'
			}
		],
		next_steps: [
			'Nothing to do on an ARM board, a phone or a minimal virtual machine.',
			'If it is a PC (x86) or an ARM server with UEFI, its firmware’s SMBIOS table is missing or damaged: the kernel’s fixes for that model (quirks matched by its DMI name) do not apply and `dmidecode` shows nothing; update or reset the BIOS/UEFI.'
		],
		references: [`${KERNEL_SOURCE}drivers/firmware/dmi_scan.c`]
	}
};

/**
 * arch/x86/mm/pgtable.c pmd_set_huge() (pr_warn_once since 4.x, and RHEL 7's 3.10): a range
 * that ioremap() would map with a 2 MB page is covered by MTRRs of more than one memory type
 * (or of a type other than the mapping's), so it is mapped with 4 KB pages instead. Corpus: 2
 * logs of 2 machines (a CentOS 7 server, a Fedora 23 machine), both the PCI MMCONFIG area.
 */
export const pmdHugeMtrr: LineRule = {
	id: 'memory.huge-mapping-mtrr',
	category: 'memory',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['with a huge-page mapping due to MTRR override'],
	pattern:
		/^pmd_set_huge: Cannot satisfy \[mem (0x[0-9a-f]+-0x[0-9a-f]+)\] with a huge-page mapping due to MTRR override/,
	title: () => 'A device memory range was mapped with small pages (MTRR types differ within it)',
	details: (m) => ({ range: m[1] }),
	examples: [
		// logs-srv dmesg.log (CentOS 7, 3.10), skomra-logs vmcore-dmesg.txt (Fedora 23, 4.2)
		'pmd_set_huge: Cannot satisfy [mem 0xf0000000-0xf0200000] with a huge-page mapping due to MTRR override.',
		'pmd_set_huge: Cannot satisfy [mem 0xf8000000-0xf8200000] with a huge-page mapping due to MTRR override.'
	],
	negatives: ['PCI: MMCONFIG at [mem 0xf0000000-0xf7ffffff] reserved in E820'],
	explanation: {
		meaning:
			'The kernel maps a device’s memory range (at boot usually the PCI configuration area, MMCONFIG) and would use one 2 MB page for it, but the processor’s MTRRs, set by the BIOS, give parts of that range different caching types. A single large page cannot have two types, so the kernel maps the range with 4 KB pages instead: the mapping is correct and nothing fails; the only cost is a few more page-table entries. The kernel prints it once per boot.',
		causes: [
			{
				kind: 'firmware',
				text: 'The BIOS’s MTRR layout, which gives the range around the device memory more than one caching type (common on servers and desktops of the 2010s).'
			}
		],
		next_steps: [
			'Nothing to do: the mapping is correct, only made of smaller pages.',
			'If the same machine also reports MTRR problems (`mtrr: your CPUs had inconsistent …`, a slow graphics card), look at those findings; only they say the BIOS’s MTRRs need fixing (a BIOS update).'
		],
		references: [`${KERNEL_SOURCE}arch/x86/mm/pgtable.c`]
	}
};

/**
 * drivers/usb/core/config.c usb_parse_configuration() (dev_notice): a device's configuration
 * descriptor numbers its interfaces with a gap (interface 2 in a configuration of two, where 0
 * and 1 are expected); the kernel accepts the numbers as they are and says which one is missing
 * (`config 1 has no interface number 1`, joined). Corpus: 3 logs of 1 machine (an ASUS board's
 * AURA LED controller, 0b05:1939, a device users often ask about); the same line comes from many
 * RGB controllers, receivers and headsets.
 */
export const usbInterfaceNumbering: LineRule = {
	id: 'usb.interface-numbering',
	category: 'usb',
	severity: 'info',
	routine: true,
	triggers: ['has an invalid interface number'],
	pattern: /^usb (\S+): config (\d+) has an invalid interface number: (\d+) but max is (\d+)/,
	title: (m) => `USB device ${m[1]} numbers its interfaces with a gap: used as described`,
	details: (m) => ({
		port: m[1],
		config: Number(m[2]),
		interface: Number(m[3]),
		max: Number(m[4])
	}),
	follow: [
		{
			trigger: 'has no interface number',
			pattern: /^usb (?<device>\S+): config \d+ has no interface number (\d+)/,
			details: (m) => ({ missing_interface: Number(m[2]) }),
			within: 3,
			claims: true,
			examples: ['usb 1-6: config 1 has no interface number 1']
		}
	],
	examples: [
		// zictes dmesg.log line 1023 (ASUS PRIME B550-PLUS, its AURA LED Controller)
		'usb 1-6: config 1 has an invalid interface number: 2 but max is 1'
	],
	negatives: ['usb 1-6: New USB device found, idVendor=0b05, idProduct=1939, bcdDevice= 1.00'],
	explanation: {
		meaning:
			'A USB device described its interfaces with numbers that skip one (here the interfaces are numbered up to a value higher than their count, so one number is missing). The USB standard asks for consecutive numbers; the kernel notes the mistake, accepts the numbers the device gave and sets the device up normally. Many devices do this, RGB lighting controllers (such as ASUS’s AURA LED Controller) and wireless receivers among them: it is a quirk of the device’s firmware, not a fault.',
		causes: [
			{
				kind: 'firmware',
				text: 'The device’s firmware numbers its interfaces with a gap (an interface left out of a shared design).'
			}
		],
		next_steps: [
			'Nothing to do if the device works (the `Product:` line after it names it).',
			'If the device does not work, this line is not why: look at the lines of its driver after it, and `lsusb -v -s <bus>:<device>` shows its interfaces.'
		],
		references: [`${KERNEL_SOURCE}drivers/usb/core/config.c`]
	}
};

/**
 * arch/arm64/kernel/traps.c do_ni_syscall() (3.7 to 4.x, when show_unhandled_signals is set): a
 * system call number the kernel does not have, `sh[18569]: syscall 278`, then the instruction and
 * the task's registers (`Code:`, `CPU: … Comm: sh`, `Hardware name:`, `pc : … lr : …`): no oops,
 * the call returns ENOSYS. logcat-reports-panel-dark-dmesg-txt.log: an LG G4 (MSM8992) on 3.10.108,
 * six calls of 278 (getrandom in the 64-bit table, added in 3.17) by media, settings and sh of a
 * newer Android.
 */
export const unknownSyscall: LineRule = {
	id: 'other.unknown-syscall',
	category: 'other',
	severity: 'info',
	routine: true,
	triggers: [']: syscall '],
	pattern: /^(\S+)\[(\d+)\]: syscall (\d+)$/,
	title: (m) => `Programs called a system call this kernel does not have (number ${m[3]})`,
	details: (m) => ({ process: m[1], pid: Number(m[2]), syscall: Number(m[3]) }),
	collect: { process: 'processes' },
	examples: [
		'd.process.media[18469]: syscall 278',
		'ndroid.settings[18485]: syscall 278',
		'sh[18569]: syscall 278'
	],
	negatives: [
		'audit: type=1326 audit(1.2:3): auid=0 uid=0 gid=0 ses=1 pid=123 comm="sh" exe="/bin/sh" sig=31 arch=c00000b7 syscall=278 compat=0 ip=0x7f code=0x0',
		'sh[18569]: syscall 278 failed'
	],
	explanation: {
		meaning:
			'A program asked for a system call by a number this kernel does not know, and the kernel (64-bit ARM kernels up to 4.x) printed the program, its process ID and the number, then the instruction and the program’s registers: the `Code:`, `CPU:`, `pc :` and `x29:` lines after it look like a crash report, but nothing crashed. The call returned the error ENOSYS, and programs and C libraries that try a newer call first fall back to an older one. It means user space newer than the kernel: a newer Android release or C library on a kernel that was not updated (number 278 is getrandom in the 64-bit table, which kernels have since 3.17; a 32-bit program numbers its calls differently).',
		causes: [
			{
				kind: 'configuration',
				text: 'A system (an Android release or custom ROM, a newer C library) built for newer kernels, running on an older kernel that lacks the call.'
			}
		],
		next_steps: [
			'Nothing is needed when the programs named work: they fell back to an older call.',
			'If one of them fails, it needs a kernel with that call: a kernel update for the device, or a system built for this kernel.'
		],
		references: [
			`${KERNEL_SOURCE}include/uapi/asm-generic/unistd.h`,
			'https://man7.org/linux/man-pages/man2/getrandom.2.html'
		]
	}
};

/**
 * fs/char_dev.c __register_chrdev_region() (before the second range of newer kernels): with the
 * dynamic majors 254-234 all taken, a driver asking for one is given a lower major and the kernel
 * says so, `CHRDEV "hfi1" major number 224 goes below the dynamic allocation range`. Harmless
 * unless the driver that owns that major comes later: it then cannot register it, a finding of its
 * own (other.chrdev-numbers-taken: lkp-59's InfiniBand user interfaces). Qualcomm's Android
 * kernels print it for their own drivers on every boot (cykeek-stuff-console-ramoops-0.log, a
 * phone on 4.x: `msm_usb_bridge` given 223, `avtimer` 228), where nothing then fails.
 */
export const chrdevBelowRange: LineRule = {
	id: 'other.chrdev-below-dynamic-range',
	category: 'other',
	severity: 'info',
	routine: true,
	triggers: ['goes below the dynamic allocation range'],
	pattern: /^CHRDEV "([^"]+)" major number (\d+) goes below the dynamic allocation range/,
	title: () => 'Drivers given character device numbers below the dynamic range',
	details: (m) => ({ driver: m[1], major: Number(m[2]) }),
	collect: { driver: 'drivers' },
	evidenceEach: 'driver',
	examples: [
		// lkp-59.log line 3, lkp-48.log lines 1-2
		'CHRDEV "hfi1" major number 224 goes below the dynamic allocation range',
		'CHRDEV "ib_qib" major number 228 goes below the dynamic allocation range'
	],
	negatives: ['CHRDEV "ttyS" dynamic allocation region is full'],
	explanation: {
		meaning:
			'A character device (most of /dev: terminals, sound, input, InfiniBand; disks are block devices) is found by its major number. The kernel hands majors to drivers that ask for any from a small range (254 down to 234); the boot had more such drivers than the range holds, so the drivers named were given lower majors, which the kernel’s list of devices assigns to particular drivers (often of old hardware the machine does not have). On its own this breaks nothing: it matters only if the driver that owns such a major is loaded, which then cannot register it (a line of its own, such as InfiniBand’s `couldn’t register device number`, a finding of its own). Kernels with many drivers of their own print it on every boot (Qualcomm’s Android kernels, test kernels with very many drivers built in); newer kernels use a second range from 511 instead.',
		causes: [
			{
				kind: 'configuration',
				text: 'A kernel with more drivers asking for a dynamic major than the range holds (a vendor kernel with many drivers of its own, a randconfig or allyesconfig test kernel).'
			}
		],
		next_steps: [
			'Nothing is needed unless a driver reports that it could not register its device numbers; then `cat /proc/devices` shows which driver holds its major.'
		],
		references: ['https://docs.kernel.org/admin-guide/devices.html']
	}
};

export const NOTICES: readonly LineRule[] = [
	moduleUnsigned,
	thermalZoneUnreadable,
	calgaryAbsent,
	eisaProbe,
	pciHostBridgeWindows,
	rasCollectorStarted,
	lowMemoryCheck,
	urandomEarlyRead,
	cpuVulnerabilitySmt,
	hibernationImageAbsent,
	noInitialConsole,
	pciMmconfigUnavailable,
	pciIoUnassigned,
	extMountProbe,
	splitLockMode,
	dummyRegulator,
	acpiOpRegionConflict,
	pcspkrRegistered,
	i8042AuxDisabled,
	nmiWatchdogNoPmu,
	noRtc,
	ramoopsHeader,
	dangerousOption,
	sesEnclosure,
	pciOscFailedAspm,
	aspmDisableRefused,
	nvmeSubnqnMissing,
	gptBackupInvalid,
	mmcSignalVoltage33,
	pciBarUnclaimed,
	pciBridgeReconfigured,
	sdhciBlockSize,
	ext4DataJournal,
	rootHubLostPower,
	wifiVhtDisabled,
	dmiAbsent,
	pmdHugeMtrr,
	usbInterfaceNumbering,
	unknownSyscall,
	chrdevBelowRange
];
