import type { Explanation, Finding } from '../models/finding.ts';
import { GRACE_PERIOD } from '../util/rcu-stall.ts';
import { vendorReportStep, vendorUpdateStep, type KernelVendor } from './vendor-kernel.ts';

type Partial = Omit<Explanation, 'next_steps'> & {
	next_steps: string[];
	/** a notice printed on purpose (crash/notices.ts): its trace needs no decoding */
	notice?: boolean;
};

const CROSS_CPU_STEP =
	'The stuck CPU waits in a cross-CPU call (`smp_call_function_many`, `smp_call_function_single`, `csd_lock_wait`: a TLB flush, an `on_each_cpu`) for another CPU to run it, and that CPU is the culprit: get every CPU’s backtrace (`kernel.softlockup_all_cpu_backtrace=1`, or `echo l > /proc/sysrq-trigger` while it hangs).';

/** a cross-CPU call where the report stopped the CPU: the fault location or the first frames */
const CROSS_CPU_WAIT = /^(?:smp_call_function|csd_lock_wait|on_each_cpu)/;

/** a step's words for a vendor's kernel (see upstreamStep) */
export type VendorWords = (v: KernelVendor, version: string) => string;

const VENDOR_WORDS = new Map<string, VendorWords>();

/**
 * A step that sends its user to kernel.org's kernels or to the upstream maintainers, with its
 * words for a distribution's or device maker's kernel (vendor-kernel.ts): the one mechanism by
 * which every crash explanation's steps, the generic ones and the variants' own, are made
 * vendor-aware (forVendor). A vendor kernel is updated and reported through its vendor; the
 * memblock, allocator and ftrace variants had still sent such kernels' users upstream
 * (ubtouch's `ftrace_bug` on a device maker's kernel).
 */
export function upstreamStep(step: string, vendorWords: VendorWords): string {
	VENDOR_WORDS.set(step, vendorWords);
	return step;
}

/** The step as said for a kernel that `vendor` builds (upstreamStep), or the step itself. */
export function forVendor(step: string, vendor: KernelVendor, version: string): string {
	return VENDOR_WORDS.get(step)?.(vendor, version) ?? step;
}

/** the generic step that sends a crash upstream (heuristic.ts words it anew for a tainted kernel) */
export const REPORT_UPSTREAM = upstreamStep(
	'If it persists, report it to the maintainers of the guilty function’s subsystem (`scripts/get_maintainer.pl -f <file>`) with the whole report.',
	(v) => vendorReportStep(v)
);

/** the generic step that searches for the title (heuristic.ts words it anew for `… in corrupted`) */
export const SEARCH_TITLE =
	'Search for the exact title on the kernel mailing lists (lore.kernel.org) and the syzbot dashboard: a known bug usually has a fix or a patch.';

/** the generic step that tries a newer kernel (heuristic.ts words it anew for a vendor's kernel) */
export const TRY_STABLE = upstreamStep(
	'Try the newest stable kernel of your series; if the problem is gone, a fix exists.',
	vendorUpdateStep
);

const REPORTING: string[] = [SEARCH_TITLE, TRY_STABLE, REPORT_UPSTREAM];

/**
 * ftrace_bug() at boot: ftrace_init() -> ftrace_process_locs() of start_kernel() (ubtouch's
 * 3.4 `ftrace faulted on writing … asm_do_IRQ`); a module's call sites go through the same
 * ftrace_process_locs() from ftrace_module_init() when it loads (load_module()), and tracing
 * started later patches them from ftrace_startup() (lkp-calltrace-dmesg-010.log: perf's
 * `perf_ftrace_event_register`)
 */
function ftraceAtBoot(f: Omit<Finding, 'explanation'>): boolean {
	const names = new Set((f.stack?.frames ?? []).map((x) => x.function));
	if (names.has('ftrace_init') || names.has('start_kernel')) return true;
	return (
		names.has('ftrace_process_locs') &&
		!names.has('ftrace_module_init') &&
		!names.has('load_module')
	);
}

const FTRACE_AT_BOOT = upstreamStep(
	'It happened while the kernel set ftrace up at boot (`ftrace_init` or `ftrace_process_locs` in the trace, no module loading), so the kernel build is at fault: report it to whoever built the kernel (the distribution or the device’s vendor) with this report; until it is fixed, function tracing stays off and nothing else is affected.',
	(v) =>
		`It happened while the kernel set ftrace up at boot (\`ftrace_init\` or \`ftrace_process_locs\` in the trace, no module loading), so the kernel build is at fault: report it to ${v.report} with this report; until it is fixed, function tracing stays off and nothing else is affected.`
);

const FTRACE_LATER = upstreamStep(
	'Check what else patched kernel code at that moment (`cat /sys/kernel/tracing/enabled_functions`, live patches in `/sys/kernel/livepatch`, kprobes in `/sys/kernel/debug/kprobes/list`) and report it to the ftrace maintainers (`scripts/get_maintainer.pl -f kernel/trace/ftrace.c`) with the whole report.',
	(v) =>
		vendorReportStep(
			v,
			'Check what else patched kernel code at that moment (`cat /sys/kernel/tracing/enabled_functions`, live patches in `/sys/kernel/livepatch`, kprobes in `/sys/kernel/debug/kprobes/list`); if nothing did and it persists on the newest update'
		)
);

/**
 * Steps that hold for only some findings of their rule, and the test that says for which: the
 * others leave them out (satyr-rhbz-1235021.log: a soft lockup in smp_call_function_many; an
 * ftrace_bug at boot or later, which had both been told `If it happened at boot …` and
 * `Otherwise …`).
 */
export const STEP_APPLIES: ReadonlyMap<string, (f: Omit<Finding, 'explanation'>) => boolean> =
	new Map([
		[
			CROSS_CPU_STEP,
			(f: Omit<Finding, 'explanation'>) =>
				CROSS_CPU_WAIT.test(f.stack?.fault_location ?? '') ||
				(f.stack?.frames.slice(0, 4).some((x) => CROSS_CPU_WAIT.test(x.function)) ?? false)
		],
		[FTRACE_AT_BOOT, ftraceAtBoot],
		[FTRACE_LATER, (f: Omit<Finding, 'explanation'>) => !ftraceAtBoot(f)]
	]);

/** Plain-language explanations of crash families, keyed by crash rule id. */
export const CRASH_EXPLANATIONS: Record<string, Partial> = {
	'crash.kasan': {
		meaning:
			'KASAN, the kernel’s memory-error detector, caught the kernel touching memory it must not (freed, out of bounds, or never allocated). Such bugs can corrupt data or be exploited.',
		causes: [
			{
				kind: 'kernel',
				text: 'A memory-safety bug in the kernel code named in the title (use-after-free, out-of-bounds access).'
			},
			{
				kind: 'driver',
				text: 'Often in a driver or subsystem reached through unusual input (fuzzing, hot-unplug, error paths).'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/dev-tools/kasan.html']
	},
	'crash.kasan-false-report': {
		meaning:
			'KASAN, the kernel’s memory-error detector, reported an out-of-bounds access on the stack, but this report is a known false one of KASAN itself, not a memory bug of the code it names. A jprobe (a kprobe that runs a handler with the probed function’s arguments) saves a raw chunk of the probed function’s stack when it fires, and puts it back after its handler: `setjmp_pre_handler` copies it with `memcpy()`, and `longjmp_break_handler` copies it back (at most 64 bytes on x86). KASAN checks every `memcpy()`, and a raw chunk of the stack spans the redzones KASAN keeps between the variables of the functions whose frames it holds, so the copy reads (or writes) “out of bounds” though it touches only the stack as it is. Nothing was corrupted and the kernel went on; with `panic_on_warn` set, such a report panics the machine all the same. Later kernels copy the chunk with `__memcpy()`, which KASAN does not check (the upstream fix `kprobes: Avoid false KASAN reports during stack copy`), and jprobes themselves were removed later still.',
		causes: [
			{
				kind: 'kernel',
				text: 'A kernel built with KASAN whose jprobes copy the stack with `memcpy()`, and a jprobe that fired: the kprobes smoke test at boot (`Kprobe smoke test: started`, CONFIG_KPROBES_SANITY_TEST), or a module or tool that registers jprobes.'
			}
		],
		next_steps: [
			'Nothing to fix in the probed code or the machine’s memory; any other KASAN report of the boot is read on its own.',
			'To stop the report on such a kernel: build it without the kprobes smoke test (CONFIG_KPROBES_SANITY_TEST) when KASAN is on, or do not register jprobes; or use a kernel whose kprobes copy the stack with `__memcpy()` (the fix named above).',
			'If your kernel already has that fix, the report is not this one: search for its title on the kernel mailing lists (lore.kernel.org) and report it to the kprobes maintainers with the whole report.'
		],
		references: [
			'https://docs.kernel.org/dev-tools/kasan.html',
			'https://docs.kernel.org/trace/kprobes.html'
		],
		notice: true
	},
	'crash.null-deref': {
		meaning:
			'The kernel followed a NULL (or near-NULL) pointer and crashed (an oops). The task that hit it was killed; the system may be unstable afterwards.',
		causes: [
			{
				kind: 'kernel',
				text: 'A kernel or driver bug: a missing check or a race that left a pointer unset.'
			},
			{
				kind: 'driver',
				text: 'Out-of-tree or proprietary modules (see the taint flags) are a frequent source.'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
	},
	'crash.paging-fault': {
		meaning:
			'The kernel accessed an address that is not mapped and crashed (an oops). The task was killed; the kernel may be in an inconsistent state.',
		causes: [
			{ kind: 'kernel', text: 'A kernel or driver bug (use-after-free, corrupted pointer).' },
			{
				kind: 'hardware',
				text: 'Random bit flips from faulty RAM can produce the same crash at varying places.'
			}
		],
		next_steps: [
			...REPORTING,
			'If such crashes appear at random places, test the RAM (memtest86+).'
		],
		references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
	},
	'crash.gpf': {
		meaning:
			'The CPU refused a memory access by the kernel (general protection fault), usually through a corrupted or poisoned pointer. The task was killed.',
		causes: [
			{ kind: 'kernel', text: 'A kernel bug such as use-after-free or a corrupted list pointer.' },
			{ kind: 'hardware', text: 'Faulty RAM or an unstable CPU can corrupt pointers.' }
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
	},
	'crash.bug': {
		meaning:
			'A kernel assertion (BUG_ON) failed: the code found its own state impossible and stopped the task. The subsystem involved may no longer work.',
		causes: [
			{ kind: 'kernel', text: 'A kernel or driver bug detected by its own consistency check.' }
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/process/deprecated.html#bug-and-bug-on']
	},
	'crash.warning': {
		meaning:
			'The kernel printed a WARNING: code found an unexpected condition but kept running. The system usually continues, but the feature involved may misbehave.',
		causes: [
			{
				kind: 'kernel',
				text: 'A kernel or driver bug, or an unexpected state reached through a rare path.'
			},
			{
				kind: 'firmware',
				text: 'Drivers often warn about firmware or hardware that behaves unexpectedly.'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/admin-guide/tainted-kernels.html']
	},
	'crash.unsupported-hardware': {
		meaning:
			'Not a crash: a Red Hat Enterprise Linux kernel (or a rebuild such as CentOS) found hardware that Red Hat does not support (a CPU or platform it does not certify, or one it has dropped) and said so with a warning and a stack trace, once at boot. The kernel is marked tainted (unsupported hardware) and runs on; Red Hat will not take bug reports or support cases from this machine.',
		causes: [
			{
				kind: 'hardware',
				text: 'A CPU, chipset or platform that this RHEL release does not support (too new, too old, or never certified).'
			},
			{
				kind: 'environment',
				text: 'A virtual machine whose emulated CPU model the RHEL release does not recognise.'
			}
		],
		next_steps: [
			'If you need Red Hat support, check the hardware against the Red Hat Ecosystem Catalog (catalog.redhat.com) and the release’s supported CPUs; a later minor release may support it.',
			'On a virtual machine, expose a CPU model the release supports (libvirt `host-model`/`host-passthrough`, or a newer VirtualBox).',
			'Otherwise nothing to fix: the system works; only bugs on this machine cannot be reported to Red Hat.'
		],
		references: [
			'https://catalog.redhat.com/hardware',
			'https://docs.kernel.org/admin-guide/tainted-kernels.html'
		],
		notice: true
	},
	'crash.firmware-warning': {
		meaning:
			'Not a kernel bug: the kernel found the BIOS/firmware misbehaving (describing the machine wrongly, or faulting inside a UEFI runtime service such as GetTime) and printed its complaint as a warning with a stack trace. The complaint itself is reported as a firmware finding (what it disabled and what to do); the trace adds nothing.',
		causes: [
			{
				kind: 'firmware',
				text: 'Wrong or incomplete BIOS/UEFI tables (for `Your BIOS is broken;`: the ACPI DMAR table of Intel VT-d).'
			},
			{
				kind: 'firmware',
				text: 'A UEFI runtime service that touched memory it should not (a warning from `__efi_queue_work`): the kernel then disabled the EFI runtime services.'
			},
			{
				kind: 'firmware',
				text: 'A memory range register (MTRR) the BIOS programmed with an invalid mask (`mtrr: your BIOS has set up an incorrect mask`), which the kernel fixed.'
			},
			{
				kind: 'firmware',
				text: 'Interrupt remapping enabled by the BIOS on an Intel 5500/5520/X58 chipset with an erratum (`This system BIOS has enabled interrupt remapping`), which the kernel turned off.'
			}
		],
		next_steps: [
			'See the firmware finding for the same event (the `Your BIOS is broken;`, `mtrr: your BIOS has` or `This system BIOS has enabled interrupt remapping` line in this report, or the `[Firmware Bug]` fault and `EFI runtime services` lines around it): update the BIOS/UEFI, or change the setting it names.'
		],
		references: ['https://docs.kernel.org/admin-guide/tainted-kernels.html'],
		notice: true
	},
	'crash.soft-lockup': {
		meaning:
			'A CPU ran kernel code for more than about 20 seconds without letting other tasks run (soft lockup). The machine may have been frozen or very slow meanwhile.',
		causes: [
			{ kind: 'kernel', text: 'A kernel loop that never yields, or a deadlock on a spinlock.' },
			{
				kind: 'environment',
				text: 'On virtual machines, an overloaded host that does not schedule the guest’s CPUs.'
			}
		],
		next_steps: [
			CROSS_CPU_STEP,
			...REPORTING,
			'On a VM, check the host’s load and steal time (`top`, `vmstat`).'
		],
		references: ['https://docs.kernel.org/admin-guide/lockup-watchdogs.html']
	},
	'crash.hung-task': {
		meaning:
			'A task waited in uninterruptible sleep (state D) for more than the hung-task timeout (usually 120 s). Processes depending on it were stuck.',
		causes: [
			{
				kind: 'hardware',
				text: 'A storage device or network file system that stopped answering (check for disk errors just before).'
			},
			{ kind: 'kernel', text: 'A deadlock or a lost wake-up in the kernel.' }
		],
		next_steps: [
			'Look for storage, NFS or network errors shortly before this report.',
			'If it repeats, `echo w > /proc/sysrq-trigger` while it hangs prints every blocked task.',
			...REPORTING
		],
		references: ['https://docs.kernel.org/admin-guide/sysctl/kernel.html#hung-task-timeout-secs']
	},
	'crash.rcu-stall': {
		meaning:
			'RCU, the kernel’s read-copy-update mechanism, saw a CPU or task fail to pass a quiescent state for a long time: something kept a CPU busy with preemption or interrupts disabled.',
		causes: [
			{
				kind: 'kernel',
				text: 'A kernel loop or lock held too long on the CPU named in the report.'
			},
			{ kind: 'environment', text: 'On virtual machines, a host that starves the guest’s CPUs.' }
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/RCU/stallwarn.html']
	},
	'crash.panic': {
		meaning:
			'The kernel panicked: it hit an error it could not recover from and stopped the whole system (or rebooted).',
		causes: [
			{
				kind: 'kernel',
				text: 'An earlier oops or BUG in a critical context (see the report above the panic).'
			},
			{
				kind: 'configuration',
				text: 'A missing root file system, initramfs or driver at boot (`VFS: Unable to mount root fs`).'
			}
		],
		next_steps: [
			'Read the report just before the panic: it names the real cause.',
			'For boot-time panics, check the root= parameter and that the initramfs has the storage drivers.',
			...REPORTING
		],
		references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
	},
	'crash.oom-panic': {
		meaning:
			'The machine ran out of memory (RAM and swap) and, because the `vm.panic_on_oom` setting is on, the kernel panicked (stopped, or rebooted with `kernel.panic` set) instead of killing a process to free memory. This is a configuration choice, not a kernel bug: with the setting off, the OOM killer would have ended the largest process and the machine would have kept running.',
		causes: [
			{
				kind: 'userspace',
				text: 'A process that used more and more memory (a leak, or a load bigger than the machine): the task list printed before the panic shows each process’s resident memory (`rss`, in pages of 4 KiB) and swap use (`swapents`).'
			},
			{
				kind: 'configuration',
				text: '`vm.panic_on_oom` set to 1 or 2 (sysctl.conf, or a cluster or high-availability setup that wants a failed node to reboot), with too little RAM or swap for the load.'
			}
		],
		next_steps: [
			'Find the process with the largest `rss` (and `swapents`) in the task list above the panic: fix its leak, limit it (a systemd `MemoryMax=` or cgroup limit), or give the machine more memory.',
			'If a reboot on out-of-memory is not what you want, set `vm.panic_on_oom = 0` (`sysctl -w vm.panic_on_oom=0`, and in /etc/sysctl.d/) so the OOM killer ends a process instead.',
			'Watch memory before it runs out (`free -m`, `vmstat 5`, the process’s memory over time) to see how fast it grows.'
		],
		references: [
			'https://docs.kernel.org/admin-guide/sysctl/vm.html#panic-on-oom',
			'https://docs.kernel.org/admin-guide/mm/concepts.html#oom-killer'
		],
		notice: true
	},
	'crash.sysrq-crash': {
		meaning:
			'Not a kernel bug: the kernel was asked to crash, with the Magic SysRq key `c` (`echo c > /proc/sysrq-trigger` as root, or Alt+SysRq+C on a console), and it did (`sysrq: Trigger a crash`). It panics at once, on purpose, so that a crash dump (kdump), pstore or a high-availability setup can be tested or used; the machine then stops, reboots (`kernel.panic`) or boots the kdump kernel. The report’s `Comm:` names the program that wrote to /proc/sysrq-trigger (often `bash`), and `Kdump: loaded` says a dump kernel was ready.',
		causes: [
			{
				kind: 'configuration',
				text: 'A test of kdump or of crash reporting (`echo c > /proc/sysrq-trigger` is the documented way to check that a vmcore is saved).'
			},
			{
				kind: 'userspace',
				text: 'A watchdog, cluster fencing agent or script that crashes a node on purpose when it decides the node must stop (for example a self-fencing `sbd` or a custom health check).'
			},
			{
				kind: 'userspace',
				text: 'Someone with root rights, or a console with SysRq enabled (`kernel.sysrq`), pressing Alt+SysRq+C.'
			}
		],
		next_steps: [
			'If this was a kdump test, check that the dump was saved (`/var/crash/`, `kdumpctl status` or `kdump-config show`) and that the crash kernel booted; nothing in the kernel needs fixing.',
			'If nobody meant to crash the machine, find what wrote to /proc/sysrq-trigger: the report’s `Comm:` and `PID:`, the shell histories and audit logs of root (`ausearch -f /proc/sysrq-trigger` with an audit watch), and any cluster or watchdog service.',
			'To stop the keyboard combination, limit SysRq with `kernel.sysrq` (0, or a mask without 128); root can still write to /proc/sysrq-trigger whatever it is set to.'
		],
		references: ['https://docs.kernel.org/admin-guide/sysrq.html'],
		notice: true
	},
	'crash.test-module': {
		meaning:
			'Not a kernel bug: the report was made on purpose by a test module whose only job is to make the kernel report a problem as it is loaded, so that a crash-reporting tool can be tested: ABRT’s `will_oops` (the automatic bug reporting tool of Fedora and Red Hat Enterprise Linux; `This kernel oops is brought to you by will_oops.` before it) or kerneloops’ test module `oops` (built from `/tmp/oops.c`). Loading it (the report’s `Comm:`, `insmod` or `modprobe`) caused this report; nothing about the machine, its hardware or its kernel is wrong. After a warning the kernel goes on; after a BUG or oops the loading task is killed and the kernel is marked as having oopsed (taint `D`). The module is built outside the kernel tree (and, where modules are signed, unsigned), so the kernel is tainted (`O`, and `E` or, on 3.7 to 3.14, `F`) until the next boot.',
		causes: [
			{
				kind: 'userspace',
				text: 'A test of crash reporting: ABRT’s or kerneloops’ test suite, or someone checking by hand that crash reports are caught, built and loaded the module.'
			}
		],
		next_steps: [
			'Nothing to fix, and nothing to report: if this was a test, check that the crash-reporting tool caught it (ABRT: `abrt-cli list`, or `abrt list` on newer releases, or GNOME’s Problem Reporting; kerneloops: its log or the reports it sent).',
			'If nobody meant to run such a test, find who loaded the module: the report’s `Comm:` and `PID:`, root’s shell history, the audit log (`ausearch -m KERN_MODULE`) or the journal around that time.',
			'Another crash report of this boot carries the test’s taint (`O`, `E`, `F` or `D`): reproduce it after a reboot without the test before reporting it.'
		],
		references: [
			'https://github.com/abrt/abrt',
			'https://docs.kernel.org/admin-guide/tainted-kernels.html'
		],
		notice: true
	},
	'crash.wifi-regdomain-early': {
		meaning:
			'A program asked the kernel for the regulatory domain (the channels and transmit power allowed where the machine is) of a Wi-Fi device before the device had one. Its driver manages the domain itself (a self-managed device: Intel’s iwlwifi, whose firmware picks the country, LAR, and a few others) and gets it from the device’s firmware only when the device is started, as its interface first comes up; until then it has none, and the kernel’s nl80211 code, which expects a self-managed device always to have one, warns (this trace, from `WARN_ON(!regdom && self_managed)`) and answers the request with an error (EINVAL). Wi-Fi daemons that ask as soon as a Wi-Fi device appears (iwd, wpa_supplicant) meet that moment, at boot or when the driver is loaded again. Only that one request failed: the daemon learns the domain when the device gets it, and Wi-Fi works as usual; nothing was damaged. The warning taints the kernel (`W`) until the next boot, which matters only to whoever reads a later crash report of this boot.',
		causes: [
			{
				kind: 'driver',
				text: 'The timing of a Wi-Fi daemon that asks for a new device’s regulatory domain at once, and of a driver that sets the domain only once the device’s firmware runs; the kernel treats their meeting as a driver error.'
			}
		],
		next_steps: [
			'Nothing to do if Wi-Fi connects: the warning says nothing about the device or its firmware, and may come again at each boot.',
			'To see the domain the device got once it was up: `iw reg get` (a `phy#N (self-managed)` section with its country).',
			'If Wi-Fi does not work, the cause is elsewhere: look at the Wi-Fi driver’s own findings (firmware that did not load or was late, a device that did not start).',
			'To follow it up, search for `nl80211_get_reg_do` on the kernel mailing lists (lore.kernel.org, linux-wireless) with the driver’s and the Wi-Fi daemon’s versions: newer versions of either may not meet that moment.'
		],
		references: [
			'https://docs.kernel.org/networking/regulatory.html',
			'https://docs.kernel.org/admin-guide/tainted-kernels.html'
		],
		notice: true
	},
	'crash.ioremap-multiple-bars': {
		meaning:
			'Not a kernel bug, as the message says (`Your kernel is fine`): on x86, ioremap() checks that the range of device memory a driver maps lies within one entry of the resource tree (one PCI BAR, as /proc/iomem lists them), and warns once, with a stack trace, when it spans more than one; `resource sanity check: requesting [mem …], which spans more than …` names the range and the resource, when it was printed. The mapping is made and works. The trace names the driver that asked for it: the function below `ioremap*`.',
		causes: [
			{
				kind: 'driver',
				text: 'A driver that maps a larger region than its BAR, or two neighbouring BARs at once (graphics drivers mapping a whole aperture), or a device whose firmware reports a BAR smaller than the driver expects.'
			}
		],
		next_steps: [
			'Nothing to do for the machine: the device works.',
			'For the driver’s developers: map each BAR on its own and no more than its size (`lspci -vv` and /proc/iomem show the BARs).'
		],
		references: ['https://docs.kernel.org/driver-api/device-io.html'],
		notice: true
	},
	'crash.sysfs-attribute-mode': {
		meaning:
			"A small driver bug, harmless to the machine: a driver created a file in /sys with a read or write permission but without the function that reads (`show`) or writes (`store`) it, and the kernel warned with a stack trace, usually once at boot. The file is created anyway; reading it (`read permission without 'show'`) or writing it (`write permission without 'store'`) fails with an I/O error, and nothing else is affected. The `Attribute` line names the file; the trace names the driver that created it (the function after `device_create_file`). Vendor kernels of phones and boards print these often.",
		causes: [
			{
				kind: 'driver',
				text: 'A driver that declares the sysfs file with the wrong mode (for example `S_IRUGO | S_IWUSR`, or `DEVICE_ATTR(name, 0664, show, NULL)`) for the handlers it has.'
			}
		],
		next_steps: [
			'Nothing to do for the machine: the device works; only that one /sys file cannot be read or written.',
			'For the driver’s maintainer (or a porter building this kernel): give the attribute the mode its handlers allow (`DEVICE_ATTR_RO`, `DEVICE_ATTR_WO` or `DEVICE_ATTR_RW`), or add the missing `show`/`store` function.'
		],
		references: [
			'https://docs.kernel.org/filesystems/sysfs.html',
			'https://elixir.bootlin.com/linux/latest/source/drivers/base/core.c'
		],
		notice: true
	},
	'crash.dt-irq-type-none': {
		meaning:
			'A bug in the board’s device tree, not in the kernel: an `interrupts` entry for the ARM interrupt controller (GIC) gives no trigger type (its third cell is 0, IRQ_TYPE_NONE, where the binding wants edge or level, rising or high). Since 4.16 the GIC driver warns about each such interrupt when it is mapped, usually at boot, one stack trace per interrupt. The interrupt is mapped anyway and keeps the controller’s default (level-triggered) unless its driver asks for a type when it requests it; most devices work, and one that does not (lost or endless interrupts) is then the one to look at. When the trace goes through `of_platform_populate`, the kernel was creating the board’s devices from the device tree, which maps every interrupt at once: the warnings then come in a row and do not name the device; a driver’s probe function in the trace names it.',
		causes: [
			{
				kind: 'configuration',
				text: 'A device tree written for an older kernel, or copied from a vendor tree, whose `interrupts` cells leave the type 0; common in device trees of phones and boards being ported to mainline.'
			}
		],
		next_steps: [
			'Nothing to do if the board’s devices work: the warnings are about how the board is described.',
			'For whoever maintains the device tree: give each interrupt of the GIC its type, `interrupts = <GIC_SPI 123 IRQ_TYPE_LEVEL_HIGH>` (or `IRQ_TYPE_EDGE_RISING`, as the device’s binding says), in the board’s .dts and the SoC’s .dtsi it includes: look for `interrupts` entries whose third cell is `0` or `IRQ_TYPE_NONE`. Newer releases of the board’s device tree usually have them fixed.'
		],
		references: [
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/Documentation/devicetree/bindings/interrupt-controller/arm,gic.yaml',
			'https://elixir.bootlin.com/linux/latest/source/drivers/irqchip/irq-gic.c'
		],
		notice: true
	},
	'crash.drm-version-field-unset': {
		meaning:
			'A small bug of a graphics (DRM) driver, harmless to the machine: a program asked the driver for its version (the DRM_IOCTL_VERSION call every X server, compositor and Mesa makes when it opens the device), and the driver had left its name, date or description unset. The kernel warned once, returned that field empty and answered the call. Kernels from 6.14 on no longer have a date field for drivers, so a driver written for them (an out-of-tree driver built from its newest source, often a USB display adapter’s) leaves it unset on an older kernel: its `[drm] Initialized <driver> … (null)` line at load shows the missing date. The driver’s device works or fails for other reasons.',
		causes: [
			{
				kind: 'driver',
				text: 'A DRM driver without `.date` (or `.name`, `.desc`) in its struct drm_driver: most often an out-of-tree driver whose source follows newer kernels than the one running.'
			}
		],
		next_steps: [
			'Nothing to do for the machine: the warning is printed once and changes nothing.',
			'For the driver’s author (or whoever builds it, dkms): set `.date` in the driver’s struct drm_driver for kernels before 6.14 (`#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 14, 0)`); the `(null)` in its `[drm] Initialized` line names the driver.'
		],
		references: ['https://docs.kernel.org/gpu/drm-internals.html'],
		notice: true
	},
	'crash.wx-check-warning': {
		meaning:
			'Not a kernel bug: as the kernel made its own data read-only at boot, its W+X check (`CONFIG_DEBUG_WX`) walked the page tables, found memory that is both writable and executable, and printed the first such mapping (`Found insecure W+X mapping at address …`) as a warning with a stack trace. The trace shows the checker (`note_page`, called from `mark_rodata_ro`), not the code that made the mapping, and adds nothing to the check’s result: the W+X finding of this report (with the `Checked W+X mappings: FAILED, N W+X pages found` line) says what the region usually is and what to do.',
		causes: [
			{
				kind: 'firmware',
				text: 'Firmware memory the kernel maps writable and executable (the legacy BIOS area between 640 KB and 1 MB, EFI runtime regions).'
			},
			{
				kind: 'kernel',
				text: 'A kernel version, configuration or driver that leaves a region W+X.'
			}
		],
		next_steps: [
			'See the W+X finding for the same check (the address, the number of pages and what to do); nothing needs reporting for the trace itself.'
		],
		references: ['https://docs.kernel.org/security/self-protection.html'],
		notice: true
	},
	'crash.debug-warning': {
		meaning:
			'Not a kernel bug: a stack trace that someone asked for while debugging. The warning’s only message asks to look at the call stack (`See the call stack!`): a WARN() put into the code as a way to print who calls it (the same as dump_stack()), which is what a local debugging patch adds; warnings of upstream kernels say what went wrong, not where to look. It is printed every time that code runs (often many times a boot), usually next to the patch’s other debugging lines just before it (`I am in …`). The kernel was built from a modified tree (a `+` or `-dirty` after its version often says so); the code the warning sits in is the code being debugged, and the warning itself says nothing about the machine.',
		causes: [
			{
				kind: 'configuration',
				text: 'A kernel built with a debugging patch (a WARN(1, …) or WARN_ON(1) added to see the call path) that was left in the build.'
			}
		],
		next_steps: [
			'Nothing to do for the machine, and nothing to report to the kernel’s maintainers: the warning is not in the kernel’s own code.',
			'If this is your own build, drop the debugging patch (or turn the WARN() into a dump_stack() under a debug option) and rebuild; otherwise tell the kernel’s builder (the distribution, the device’s maker, a custom kernel’s project) that its build carries a debugging patch. The other findings of this log are the ones to read.'
		],
		references: ['https://docs.kernel.org/process/debugging/index.html'],
		notice: true
	},
	'crash.i2c-probe-transfer': {
		meaning:
			'Not a kernel bug: an I2C transfer failed (most often it timed out: the chip did not answer) while the driver of a device on that I2C bus was probing it, and the I2C controller’s driver printed a warning with a stack trace for it (vendor kernels, such as the 2.6.36 i2c-tegra of Android tablets, warn on every timeout). The stack shows the probe (`i2c_device_probe` and the device driver’s probe function under it). The lines after the trace say what the device driver made of it: usually `probe of <bus>-<address> failed`, reported as that driver’s own finding; a board description (board file or device tree) that lists a chip this board variant does not have is the usual reason, and then nothing is wrong.',
		causes: [
			{
				kind: 'configuration',
				text: 'The board file or device tree lists a chip at that address that this board variant does not carry (a common case on phones and tablets sold in several variants).'
			},
			{
				kind: 'hardware',
				text: 'A chip that is fitted but does not answer: unpowered, held in reset, or a bus problem (pull-ups, a stuck line); then the other devices of that bus fail too.'
			}
		],
		next_steps: [
			'Read the device driver’s lines after the trace (`probe of … failed with error -110` or `-121`, `no acknowledge from address 0x…`): if the device is one this machine has and it does not work, look at that driver’s finding and at the board description; otherwise there is nothing to do.'
		],
		references: ['https://docs.kernel.org/i2c/summary.html'],
		notice: true
	},
	'crash.init-died': {
		meaning:
			'The init process (PID 1, the first program the kernel starts, usually systemd or the initramfs’s init) exited or was killed, and the kernel cannot go on without it, so it panicked. The `exitcode` is a wait status: a small number is the signal that killed init (0x0000000b: 11, SIGSEGV; 0x00000009: SIGKILL; 0x80 added when it dumped core), a multiple of 0x100 is the status init exited with (0x00000100: exit(1), 0x00007f00: exit(127), a program not found). It is rarely a kernel bug: the lines just before the panic say why init ended.',
		causes: [
			{
				kind: 'userspace',
				text: 'init crashed (an `init[1]: segfault at …` line before the panic) or exited: a broken, truncated or wrong-architecture init binary or library in the root file system or initramfs, or `init=` naming a program that ends.'
			},
			{
				kind: 'configuration',
				text: 'A kernel setting the user space does not support: with `vsyscall=none` an old glibc or static binary that calls the legacy vsyscall page segfaults at ffffffffff600400 (`vsyscall attempted with vsyscall=none`); an initramfs built for another kernel or without the drivers for the root device.'
			},
			{
				kind: 'kernel',
				text: 'A kernel oops in init’s own context kills it too: then an oops report comes before the panic and it is the bug.'
			}
		],
		next_steps: [
			'Read the lines just before the panic: init’s segfault or error messages, and the exit code in the panic line (signal or exit status, above).',
			'Boot with `init=/bin/sh` (or `rd.break` with dracut) to get a shell and run the init program by hand; check that the initramfs matches this kernel (`lsinitrd`, `lsinitramfs`).',
			'For a segfault at ffffffffff600400 with `vsyscall attempted with vsyscall=none`, boot with `vsyscall=xonly` (or `emulate` on old kernels) or update the user space.',
			'If an oops comes before the panic, treat that oops as the bug (decode its trace and report it).'
		],
		references: [
			'https://docs.kernel.org/admin-guide/init.html',
			'https://docs.kernel.org/admin-guide/kernel-parameters.html'
		],
		notice: true
	},
	'crash.kmsan': {
		meaning:
			'KMSAN, the kernel’s uninitialised-memory detector, caught the kernel using memory that was never written, or copying it to user space or a device (an information leak).',
		causes: [
			{
				kind: 'kernel',
				text: 'A missing initialisation in the function named in the title; the report also says where the memory was created.'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/dev-tools/kmsan.html']
	},
	'crash.kcsan': {
		meaning:
			'KCSAN, the kernel’s data-race detector, saw two accesses to the same memory at the same time without synchronisation, at least one of them a write. When the title names two functions, it caught both, and the report shows each one’s stack. When it names one (`race at unknown origin` in the report), KCSAN saw the value change while it watched that access but did not catch the other one: a CPU or device it does not watch, or code built without KCSAN instrumentation. An `assert: race` title means an ASSERT_EXCLUSIVE_*() check in the code found another access where none may be.',
		causes: [
			{
				kind: 'kernel',
				text: 'Missing locking or missing READ_ONCE/WRITE_ONCE annotations in the functions named in the title; many races are benign, some corrupt data.'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/dev-tools/kcsan.html']
	},
	'crash.kfence': {
		meaning:
			'KFENCE, the low-overhead memory-error detector used on production kernels, caught an out-of-bounds access, a use-after-free, an invalid free or a corrupted object.',
		causes: [
			{ kind: 'kernel', text: 'A memory-safety bug in the function named in the title.' },
			{
				kind: 'driver',
				text: 'Often a driver or out-of-tree module (see the taint flags).'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/dev-tools/kfence.html']
	},
	'crash.ubsan': {
		meaning:
			'UBSAN found undefined behaviour in kernel C code: an out-of-bounds array index, an invalid shift, an integer overflow or similar. The result of the operation is unpredictable.',
		causes: [
			{
				kind: 'kernel',
				text: 'An arithmetic or indexing bug, often reachable with unusual input values.'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/dev-tools/ubsan.html']
	},
	'crash.trap': {
		meaning:
			'The CPU raised an exception while running kernel code (division by zero, invalid instruction, breakpoint or double fault) and the kernel killed the task (an oops).',
		causes: [
			{
				kind: 'kernel',
				text: 'A kernel bug: a division by zero, a corrupted function pointer or a failed assertion compiled as an invalid instruction.'
			},
			{
				kind: 'hardware',
				text: 'Rarely, an unstable CPU (overclocking, overheating, microcode).'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
	},
	'crash.arm-fault': {
		meaning:
			'On an ARM machine the kernel took a fault it could not handle (a bad memory access or an alignment problem) and the task was killed (an oops).',
		causes: [
			{
				kind: 'kernel',
				text: 'A kernel or driver bug (invalid or freed pointer, misaligned access).'
			},
			{
				kind: 'hardware',
				text: 'Faulty RAM or an unstable board can cause faults at random places.'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
	},
	'crash.arm-user-fault': {
		meaning:
			'Not a kernel crash: a user-space program on this ARM machine made a memory access the CPU refused and no fault handler could resolve, so the kernel printed the fault (`Unhandled fault:` with the fault’s name, its status code and the address) and, the program running in user mode, sent it a signal: SIGSEGV for a domain, translation or permission fault, SIGBUS for an alignment fault. Unless the program handles the signal it dies (`Segmentation fault` or `Bus error`, or its service exits with `status=11/SEGV` or `status=7/BUS`). No oops (`Internal error:`) follows, so the kernel itself ran on unharmed. The line does not name the program.',
		causes: [
			{
				kind: 'userspace',
				text: 'A bug in the program or a library it uses: a bad pointer, or an unaligned access the kernel does not fix up (`alignment exception`: exclusive loads and stores, or a fix-up mode set to signal in `/proc/cpu/alignment`).'
			},
			{
				kind: 'hardware',
				text: 'If many unrelated programs die this way, unstable memory, power or clocks of the board.'
			}
		],
		next_steps: [
			'Find the program that got the signal: the journal or its service’s log at that time (`journalctl --since`, `code=killed, status=11/SEGV` or `status=7/BUS`), a core dump (`coredumpctl list`), or the shell that printed `Segmentation fault`/`Bus error`.',
			'Report it to the program’s developers with the backtrace from its core dump, and update the program and its libraries.',
			'If programs die at random places, check the board’s power supply and clocks and test the memory (`memtester`).'
		],
		references: [
			'https://docs.kernel.org/arch/arm/mem_alignment.html',
			'https://man7.org/linux/man-pages/man1/coredumpctl.1.html'
		],
		// a user process's fault: no kernel trace to decode
		notice: true
	},
	'crash.oops': {
		meaning:
			'The kernel hit a fatal error in kernel code (an oops). The task that triggered it was killed; the kernel may be unstable until the next reboot.',
		causes: [
			{ kind: 'kernel', text: 'A kernel or driver bug in the function named in the title.' },
			{
				kind: 'hardware',
				text: 'Machine checks and memory errors also end in an oops; check the lines before it.'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
	},
	'crash.list-corruption': {
		meaning:
			'A kernel linked list was found corrupted (its pointers do not agree). This is usually the visible effect of a use-after-free or a race elsewhere.',
		causes: [
			{
				kind: 'kernel',
				text: 'A use-after-free, double deletion or missing lock on the list named by the guilty function.'
			},
			{ kind: 'hardware', text: 'Bit flips from faulty RAM can also corrupt list pointers.' }
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
	},
	'crash.slab': {
		meaning:
			'The slab allocator’s debugging checks found a corrupted or doubly freed kernel object. Memory of that cache was overwritten after it was freed or beyond its end.',
		causes: [
			{
				kind: 'kernel',
				text: 'A use-after-free, double free or buffer overflow by the code that uses this cache (the report names where the object was allocated and freed).'
			},
			{ kind: 'hardware', text: 'Faulty RAM can produce the same symptoms.' }
		],
		// every crash.slab report is SLUB debugging's own (satyr-gitlog-19.log, -30.log had been told
		// to boot with it)
		next_steps: [
			...REPORTING,
			'SLUB debugging is already on for this cache (this report is its own): if the report lacks the `Allocated in`/`Freed in` stacks, or to catch the corruption nearer its cause, boot with `slub_debug=FZPU,<cache>` (the cache the `BUG <cache>` line names).'
		],
		references: ['https://docs.kernel.org/mm/slub.html']
	},
	'crash.bad-page': {
		meaning:
			'The kernel found a memory page in an impossible state (still mapped, wrong reference count or flags) when freeing or allocating it, or (`Bad page cache`) when removing it from the page cache while a program still had it mapped. `Bad rss-counter state` and `non-zero nr_ptes on freeing mm` come from the teardown of a process’s address space instead: a counter of its mapped pages (type MM_ANONPAGES, MM_FILEPAGES …) or page tables did not come back to zero, so pages were mapped or unmapped somewhere without the count being updated.',
		causes: [
			{ kind: 'kernel', text: 'A reference-counting bug in memory management or a driver.' },
			{
				kind: 'kernel',
				text: 'For `Bad rss-counter state`: code that maps or unmaps pages of a process (page-table walks, huge pages, migration, a driver’s mmap) without updating its counters; the mismatch is in the accounting, the memory itself is usually freed.'
			},
			{
				kind: 'hardware',
				text: 'Faulty RAM is a frequent cause of random bad page states; test the memory.'
			}
		],
		next_steps: [...REPORTING, 'If such messages recur at random, test the RAM (memtest86+).'],
		references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
	},
	'crash.refcount': {
		meaning:
			'A reference counter went wrong (incremented from zero, decremented below zero or overflowed). The object it protects may be freed while still in use.',
		causes: [
			{
				kind: 'kernel',
				text: 'A missing get/put pair in the function named in the title: a use-after-free in the making.'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/core-api/refcount-vs-atomic.html']
	},
	'crash.lockdep': {
		meaning:
			'Lockdep, the kernel’s locking checker, found locks taken in an order or context that can deadlock, or locks misused (released twice, held when returning to user space, RCU used unsafely).',
		causes: [
			{
				kind: 'kernel',
				text: 'A locking bug in the functions named in the report; the deadlock may never have happened yet.'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/locking/lockdep-design.html']
	},
	'crash.spinlock': {
		meaning:
			'A spinlock was misused (taken twice, released while not held, corrupted) or a CPU waited on one for too long.',
		causes: [
			{ kind: 'kernel', text: 'A locking bug or memory corruption of the lock.' },
			{
				kind: 'kernel',
				text: 'A lockup whose `.owner` is the waiting task itself on its own CPU (`BUG: spinlock lockup suspected on CPU#0, ksdioirqd/mmc0/73` with `.owner: ksdioirqd/mmc0/73, .owner_cpu: 0`): the task took the lock it already holds, a real deadlock that never ends; lockdep’s `possible recursive locking detected` usually names the two places just before.'
			},
			{
				kind: 'environment',
				text: 'On virtual machines, a starved vCPU holding the lock can cause lockup reports.'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/locking/spinlocks.html']
	},
	'crash.atomic-sleep': {
		meaning:
			'Kernel code tried to sleep (wait for a lock, allocate memory that may block) where sleeping is forbidden: with a spinlock held, interrupts off or inside an interrupt.',
		causes: [
			{
				kind: 'kernel',
				text: 'A kernel or driver bug in the function named in the title; it can hang or corrupt the system.'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/locking/locktypes.html']
	},
	'crash.leak': {
		meaning:
			'kmemleak found kernel memory that is no longer referenced anywhere but was never freed. Repeated leaks slowly use up memory.',
		causes: [
			{
				kind: 'kernel',
				text: 'A missing free on an error or teardown path of the function that allocated the memory.'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/dev-tools/kmemleak.html']
	},
	'crash.hard-lockup': {
		meaning:
			'A CPU ran kernel code with interrupts disabled for many seconds: the NMI watchdog detected a hard lockup. The machine usually freezes or is rebooted.',
		causes: [
			{ kind: 'kernel', text: 'A kernel loop or deadlock with interrupts off.' },
			{
				kind: 'hardware',
				text: 'Firmware (SMIs), a hung device or failing hardware can also stall a CPU.'
			}
		],
		next_steps: [
			...REPORTING,
			'If it happens at random places, check the firmware version and hardware health.'
		],
		references: ['https://docs.kernel.org/admin-guide/lockup-watchdogs.html']
	},
	'crash.workqueue': {
		meaning:
			'A kernel workqueue stopped making progress, or a work item left a lock held. Deferred kernel work (I/O completion, cleanup) is stuck.',
		causes: [
			{
				kind: 'kernel',
				text: 'A work item that blocks for too long or never finishes, or a locking bug in it.'
			},
			{
				kind: 'kernel',
				text: 'For a lockup: a CPU kept busy in the kernel without scheduling (a long loop without cond_resched() on a non-preemptible kernel, a soft lockup), so the pool’s workers could not run.'
			},
			{
				kind: 'environment',
				text: 'For a lockup on a virtual machine: a host that did not run the guest’s CPUs for that long.'
			}
		],
		next_steps: [
			'For a lockup, read the `Showing busy workqueues and worker pools:` dump that follows it: `in-flight:` names the work function each busy worker runs (the stuck one), `pending:` the work queued behind it; look for a soft lockup or a hung task of the same time.',
			'For a leaked lock or atomic, the `last function:` line names the work function that returned with a lock held or preemption disabled: that function has the bug.',
			...REPORTING
		],
		references: ['https://docs.kernel.org/core-api/workqueue.html']
	},
	'crash.stack-overflow': {
		meaning:
			'A kernel stack overflowed or was found corrupted (guard page hit, stack protector tripped, stack end overwritten). Memory next to the stack may be damaged.',
		causes: [
			{
				kind: 'kernel',
				text: 'Deep or unbounded recursion, or a large buffer on the stack, in the functions of the trace.'
			},
			{
				kind: 'kernel',
				text: 'A buffer overflow on the stack (stack-protector reports).'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
	},
	'crash.stack-unwind': {
		meaning:
			'The kernel could not walk a stack reliably: saved registers or frame pointers had unexpected values. The report is about the unwinder, not necessarily a crash.',
		causes: [
			{
				kind: 'kernel',
				text: 'Assembly code or a compiler feature that breaks frame-pointer/ORC unwinding.'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/arch/x86/orc-unwinder.html']
	},
	'crash.vfs': {
		meaning:
			'The virtual file system found references that should be gone (busy inodes or dentries at unmount, a file closed with a zero count). It indicates a reference leak or a use-after-free in a file system.',
		causes: [
			{
				kind: 'kernel',
				text: 'A reference-counting bug in the file system named in the report.'
			}
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/filesystems/vfs.html']
	},
	'crash.netdev-refcount': {
		meaning:
			'A network device cannot be removed because something still holds a reference to it: the task removing it waits until the last reference is dropped, forever if it never is (a leak).',
		causes: [
			{
				kind: 'kernel',
				text: 'A reference leak in a network protocol, tunnel or driver (often after namespace teardown).'
			}
		],
		// a report without a call trace (logs-srv-messages.log: only the `waiting for lo to become
		// free` lines) had been told to report it to the guilty function's maintainers
		next_steps: [
			REPORTING[0],
			'Note the device the message names and what was being removed then: a container or network namespace ending (its `lo`), a VPN or tunnel interface, a driver being unloaded. While the lines go on, the device, and whatever waits for it (`ip`, a container runtime), stays stuck; a reference that is never dropped is cleared only by a reboot.',
			REPORTING[1],
			upstreamStep(
				'If it persists, report it to the networking maintainers (netdev@vger.kernel.org) with the device, the kernel version and what was being removed; kernels built with `CONFIG_NET_DEV_REFCNT_TRACKER` print after the message the stack that took the leaked reference: include it.',
				(v) =>
					vendorReportStep(
						v,
						undefined,
						'the device, the kernel version and what was being removed (and the stack that took the leaked reference, which kernels built with `CONFIG_NET_DEV_REFCNT_TRACKER` print after the message)'
					)
			)
		],
		references: ['https://docs.kernel.org/networking/netdevices.html']
	},
	'crash.reboot': {
		meaning:
			'The machine started booting again in the middle of the log without a report: it was reset, or crashed so hard that nothing was printed.',
		causes: [
			{
				kind: 'hardware',
				text: 'A hardware or firmware watchdog reset, power loss or triple fault.'
			},
			{ kind: 'environment', text: 'A deliberate reboot whose messages were not captured.' }
		],
		next_steps: [
			'Check whether the reboot was requested (shutdown messages in the previous boot).',
			'Capture the console over serial or netconsole, or enable pstore, to see the last messages.'
		],
		references: ['https://docs.kernel.org/admin-guide/ramoops.html']
	},
	'crash.trusty': {
		meaning:
			'Trusty, the trusted execution environment on some Android/ARM devices, panicked or failed an assertion.',
		causes: [{ kind: 'firmware', text: 'A bug in the Trusty TEE firmware or a trusted app.' }],
		next_steps: ['Report it to the device or TEE vendor with the whole report.'],
		references: ['https://source.android.com/docs/security/features/trusty']
	},
	'crash.rust-panic': {
		meaning:
			'Rust code in the kernel panicked (an arithmetic overflow, an out-of-bounds index or an explicit panic).',
		causes: [
			{ kind: 'kernel', text: 'A bug in the Rust driver or abstraction named in the title.' }
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/rust/index.html']
	},
	'crash.syzkaller': {
		meaning:
			'A user-space program (usually the syzkaller fuzzer or a Go program) reported a fatal error on the console; the kernel itself did not necessarily crash.',
		causes: [
			{
				kind: 'userspace',
				text: 'A failure of the fuzzer or test harness, or of the program named in the message.'
			}
		],
		next_steps: ['Read the message: it names what failed in user space.'],
		references: ['https://github.com/google/syzkaller/blob/master/docs/linux/troubleshooting.md']
	},
	'crash.other': {
		meaning:
			'The kernel printed a report of an internal error. The subsystem it names may misbehave afterwards.',
		causes: [{ kind: 'kernel', text: 'A kernel or driver bug.' }],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/admin-guide/reporting-issues.html']
	}
};

/**
 * The function a WARNING report's header names (`WARNING: CPU: 0 PID: 199 at mm/page_alloc.c:3470
 * __alloc_pages_slowpath+0x5a/0xd4e`, `WARNING: fs/jfs/jfs_dmap.c:2867 at dbAdjTree+0x454/0x4e0,
 * CPU#0: …`), read from the finding's evidence, or null.
 */
const WARN_AT = /^WARNING: (?:\S.*)? ?at (?:\S+:\d+ )?([A-Za-z_][\w.]*)\+0x/;

export function warnFunction(f: Pick<Finding, 'evidence'>): string | null {
	for (const e of f.evidence.slice(0, 8)) {
		if (!e.text.startsWith('WARNING: ')) continue;
		const m = WARN_AT.exec(e.text);
		if (m) return m[1];
	}
	return null;
}

/**
 * The allocator functions whose WARN() says a caller asked for what they cannot give: an order
 * of MAX_ORDER or more (`__alloc_pages_slowpath` of 4.x, `__alloc_pages_nodemask`, `__alloc_pages`
 * since 5.13), more than KMALLOC_MAX_SIZE (`kmalloc_slab`, syzkaller's `WARNING: kmalloc bug`, and
 * the large-kmalloc paths), more than INT_MAX (`kvmalloc_node`), __GFP_NOFAIL for a large order
 */
const ALLOC_WARNS =
	/^(?:__alloc_pages(?:_slowpath|_nodemask|_noprof)?|__alloc_frozen_pages_noprof|kmalloc_slab|kmalloc_large(?:_node)?|__kmalloc_large_node(?:_noprof)?|kmalloc_order|__?kvmalloc_node(?:_noprof)?)(?:\.|$)/;

/** a `Code:` line whose faulting instruction is a move to CR4 (`0f 22 e0`-`e7`, with a REX prefix or not) */
const CR4_WRITE = /<(?:0f> 22|4[\da-f]> 0f 22) e[0-7]\b/;

/** the faulting function writes CR4 (arch/x86: native_write_cr4, __write_cr4, the PGE toggle of a global TLB flush) */
const CR4_FUNCTION =
	/^(?:native_write_cr4|__write_cr4|cr4_update_irqsoff|native_flush_tlb_global|__native_flush_tlb_global)\+/;

/**
 * A crash rule's findings that need their own explanation, and the test that says which: the
 * rule's explanation would mislead them (lkp-30.log's CR4 write called a bad pointer, lkp-51.log's
 * allocation size given a firmware cause, ubtouch's ftrace_bug told to report upstream).
 */
export interface CrashVariant {
	rule: string;
	/** what the findings are, in words */
	name: string;
	applies: (f: Omit<Finding, 'explanation'>) => boolean;
	explanation: Partial;
}

/**
 * the CPU faulted fetching an instruction, not reading or writing data: x86's `#PF: supervisor
 * instruction fetch in kernel mode` (4.20+, show_fault_oops()), arm64's `Exception class = IABT
 * (current EL)` (older) or `EC = 0x21: IABT (current EL)` (5.x+, mem_abort_decode())
 */
const INSTRUCTION_FETCH =
	/^#PF: supervisor instruction fetch|^\s*(?:Exception class|EC) = .*IABT \(current EL\)/;

const jumpedTo = (what: string): Partial => ({
	meaning: `The kernel jumped to ${what}: the CPU faulted fetching the instruction itself (\`#PF: supervisor instruction fetch\` on x86, or the 0x10 bit of the \`Oops:\` error code before 4.20, such as \`Oops: 0010\`; \`IABT (current EL)\` on arm64; the faulting address is the program counter). A function pointer or return address the kernel went through was wrong, so the function in the title made the jump or called the function that did, and no code ran wrong at the faulting address itself. The task was killed; the kernel may be in an inconsistent state.`,
	causes: [
		{
			kind: 'kernel',
			text: 'A callback called through a structure that was freed or never set (an operations table, a timer or work item of a freed object), a module unloaded while one of its callbacks was still registered, or a return address overwritten on the stack.'
		},
		{
			kind: 'hardware',
			text: 'Random bit flips from faulty RAM can corrupt a stored pointer; suspect it when such crashes appear at random places.'
		}
	],
	next_steps: [
		'Find the call that jumped: on arm64 the `lr :` register names the function that made it, on x86 the first frame of the call trace; the structure it called through is the suspect.',
		'If a module was loaded or unloaded just before, test without it.',
		'If such crashes appear at random places, test the RAM (memtest86+).',
		...REPORTING
	],
	references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
});

/**
 * x86's page-fault error code on the `Oops:` line (`Oops: 0010 [#1] SMP`): bit 4 (X86_PF_INSTR)
 * is set on an instruction fetch. Kernels before 4.20 print no `#PF:` line, only this code
 * (skomra-logs-vmcore-dmesg-txt.log, 4.2: `IP: [<          (null)>]`, `Oops: 0010`, a call through
 * a NULL function pointer in led_trigger_event)
 */
const X86_PF_CODE = /^Oops: ([\da-f]{4}) \[#?\d+\]/;
const X86_PF_INSTR = 0x10;

const fetchFault = (f: Omit<Finding, 'explanation'>) =>
	f.evidence.some((e) => {
		if (INSTRUCTION_FETCH.test(e.text)) return true;
		const m = X86_PF_CODE.exec(e.text);
		return m !== null && (parseInt(m[1], 16) & X86_PF_INSTR) !== 0;
	});

/**
 * drivers/watchdog/hpwdt.c: HPE ProLiant's iLO watchdog driver panics (nmi_panic) on the NMI the
 * iLO raises when its timer's pretimeout passes, and on the iLO's own NMIs (its "Generate NMI to
 * System" button, errors it reports that way), with `NN: An NMI occurred. Depending on your system
 * the reason for the NMI is logged in any one of the following resources:` and the list of logs
 * (apimnewyear-vmcore-dmesg-txt.log: a DL380 Gen10 whose watchdog was left running at shutdown)
 */
const hpwdtPanic = (f: Omit<Finding, 'explanation'>) =>
	/: An NMI occurred\b/.test(f.title) ||
	(f.stack?.frames.some((x) => x.function === 'hpwdt_pretimeout') ?? false);

/**
 * An early boot allocation that failed: memblock, the boot-time allocator, gives up and its
 * caller panics with `%s: Failed to allocate %lu bytes align=0x%lx nid=%d from=%pa` (mm/sparse.c,
 * mm/memblock.c memblock_alloc_or_panic() and the callers that print the same words; lkp-71.log:
 * `__populate_section_memmap: Failed to allocate 5242880 bytes …` from setup_arch() of a 32-bit
 * 5.12 kernel, 0.3 s into the boot). The generic panic's advice (a report before it, `root=`) does
 * not fit: the message is the cause.
 */
const bootAllocationPanic = (f: Omit<Finding, 'explanation'>) =>
	/^kernel panic: [\w.]+: Failed to allocate \S+ bytes\b/.test(f.title);

/**
 * the panic that ends an oops, alone (the oops merges with it otherwise): `Fatal exception`, `Fatal
 * exception in interrupt` (lkp-74.log: only the oops's registers are left before it)
 */
const oopsEndPanic = (f: Omit<Finding, 'explanation'>) =>
	/^kernel panic: Fatal exception(?: in interrupt)?$/.test(f.title);

/** powerpc's die() after machine_check_exception(): `Oops: Machine check, sig: 7 [#1]` */
const machineCheckOops = (f: Omit<Finding, 'explanation'>) =>
	/^Oops: Machine check\b/.test(f.title);

/** a hung task whose trace waits for an RCU grace period (`synchronize_rcu`, `rcu_barrier` …) */
const gracePeriodWait = (f: Omit<Finding, 'explanation'>) =>
	f.stack?.frames.some((x) => x.reliable && GRACE_PERIOD.test(x.function)) ?? false;

/**
 * SLUB's `Poison overwritten` over one byte, the poison of a freed object (POISON_FREE, 0x6b) minus
 * or plus one: `INFO: 0xffff880146498250-0xffff880146498250. First byte 0x6a instead of 0x6b`
 * (check_bytes_and_report() in mm/slub.c; satyr-gitlog-19.log, and satyr-gitlog-30.log, whose line
 * is wrapped after `First byte`). A 32- or 64-bit counter of the freed object decremented (or
 * incremented) once changes only its lowest byte: 0x6b6b6b6b - 1 = 0x6b6b6b6a.
 */
const POISON_STEP = /INFO: 0x([\da-f]+)-0x([\da-f]+)\. First byte\s+0x(6a|6c) instead of 0x6b\b/;

function poisonCounterStep(f: Omit<Finding, 'explanation'>): boolean {
	if (!/^SLUB: Poison overwritten\b/.test(f.title)) return false;
	const m = POISON_STEP.exec(
		f.evidence
			.slice(0, 12)
			.map((e) => e.text.trim())
			.join(' ')
	);
	return m !== null && m[1] === m[2];
}

/**
 * A hung task in the boot's initcalls: the init thread (PID 1) in do_one_initcall() under
 * kernel_init_freeable()/do_basic_setup(), a built-in driver's or self-test's init function
 * waiting (lkp-28.log: `swapper:1` in `kthread_stop` from test_rht_init, lib/test_rhashtable.c,
 * on a 4.8-rc1 test kernel; a module's init run by modprobe goes through load_module() instead)
 */
const BOOT_INITCALL_FRAMES = new Set(['kernel_init_freeable', 'do_basic_setup']);

function bootInitcallWait(f: Omit<Finding, 'explanation'>): boolean {
	const frames = (f.stack?.frames ?? []).filter((x) => x.reliable).map((x) => x.function);
	return frames.includes('do_one_initcall') && frames.some((x) => BOOT_INITCALL_FRAMES.has(x));
}

/** x86's double fault: `PANIC: double fault, error_code: 0x0` (2.6.24 x86-64: `double fault: 0000 [1]`) */
const doubleFault = (f: Omit<Finding, 'explanation'>) => /^PANIC: double fault\b/.test(f.title);

/**
 * lockdep's memory-reclaim inconsistency (3.x-4.13, before the fs_reclaim map): a lock taken in
 * reclaim (`IN-RECLAIM_FS-W`: kswapd, a task reclaiming) and held while allocating with flags that
 * may enter filesystem reclaim (`RECLAIM_FS-ON-W`: GFP_KERNEL), in either order (satyr
 * `gitlog-27`: pcpu_alloc_mutex, taken by kswapd0 and held by pcpu_alloc's kmalloc)
 */
const RECLAIM_FS_USAGE =
	/^inconsistent \{(?:IN-)?RECLAIM_FS-(?:ON-)?[RW]\} -> \{(?:IN-)?RECLAIM_FS-/;

/** a WARN() in include/linux/kref.h: kref_get() of a count that was 0 (3.x-4.10: `kref.h:47`) */
const KREF_WARN = /(?:^|\/)include\/linux\/kref\.h:\d+$/;

export const CRASH_VARIANTS: readonly CrashVariant[] = [
	{
		rule: 'crash.lockdep',
		name: 'a lock taken in memory reclaim and held while allocating memory that may enter reclaim',
		applies: (f) => f.evidence.some((e) => RECLAIM_FS_USAGE.test(e.text.trimStart())),
		explanation: {
			meaning:
				'Lockdep, the kernel’s locking checker, saw one lock used in two ways that can deadlock together: taken inside memory reclaim (`IN-RECLAIM_FS-W`: kswapd0, or a task that ran short of memory and reclaims it), and held elsewhere while allocating memory with flags that let the allocation enter filesystem reclaim itself (`RECLAIM_FS-ON-W`: GFP_KERNEL; the stack under `state was registered at:`, with `lockdep_trace_alloc` and the allocation). Should that allocation ever have to reclaim, and reclaim need the lock, the task waits for a lock it holds. Lockdep reports the possibility the first time it sees both uses, not a hang that happened; its reclaim tracking of these kernels also flagged locks that reclaim never takes on the path the allocation would enter.',
			causes: [
				{
					kind: 'kernel',
					text: 'An allocation under the lock with GFP_KERNEL where GFP_NOFS or GFP_NOIO was needed (or, since 4.12, without memalloc_nofs_save() around it), in the code of the `state was registered at:` stack; or a lock that reclaim should not take.'
				}
			],
			next_steps: [
				'Read the two stacks: the one under `{RECLAIM_FS-ON-W} state was registered at:` is the allocation made with the lock held, the trace after `stack backtrace:` the reclaim that takes it (or the other way round, as the `inconsistent {…} -> {…}` line says).',
				...REPORTING
			],
			references: [
				'https://docs.kernel.org/locking/lockdep-design.html',
				'https://docs.kernel.org/core-api/gfp_mask-from-fs-io.html'
			]
		}
	},
	{
		rule: 'crash.warning',
		name: 'a reference count (kref) taken while it was 0',
		applies: (f) =>
			typeof f.details.source_location === 'string' && KREF_WARN.test(f.details.source_location),
		explanation: {
			meaning:
				'A reference count (a `kref`) was taken while it stood at 0: `kref_get()` warns when the count it raises was zero, which means the object had already been released by its last `kref_put()`, or was never set up with `kref_init()`. Its memory may be freed, or be freed under its new user: a use-after-free in the making. The function the title names took the reference; `called_from` in the facts is the caller, whose object it is (a driver registering a device, a hardware random number generator with `hwrng_register` → `set_current_rng`). The kernel went on; the object may misbehave later.',
			causes: [
				{
					kind: 'driver',
					text: 'A driver that registers an object twice, or again after unregistering it, without setting it up anew (its count left at 0), or that frees its last reference too early: most often in a vendor’s or an out-of-tree driver.'
				},
				{
					kind: 'kernel',
					text: 'A missing get or one put too many in the code that uses the object, or a subsystem that takes a reference with `kref_get()` where the object is set up anew (`kref_init()`) or may already be gone (`kref_get_unless_zero()`).'
				}
			],
			next_steps: [
				'Look at the caller (`called_from` in the facts) and the driver it belongs to: whether it registers this object more than once, or frees it while it is still in use.',
				...REPORTING
			],
			references: [
				'https://docs.kernel.org/core-api/kref.html',
				'https://docs.kernel.org/admin-guide/bug-hunting.html'
			]
		}
	},
	{
		rule: 'crash.lockdep',
		name: 'a task taking the very lock it holds',
		applies: (f) => f.details.same_lock === true,
		explanation: {
			meaning:
				'Lockdep, the kernel’s locking checker, caught a task taking a lock it already holds, and this is no possible deadlock but a real one: both lines of the report give the same address, so it is the very same lock (`lock` in the facts), not two locks of one class, which is all lockdep’s `possible` and its note `May be due to missing lock nesting notation` allow for. A mutex or spinlock taken a second time by its holder never comes free: the task (with a spinlock, its CPU) waits for itself from that moment, and so does every task that needs the lock after it.',
			causes: [
				{
					kind: 'kernel',
					text: 'A locking bug on the path the report names: the function that took the lock first (`but task is already holding lock: … at:`) calls, directly or through a callback or a recursion, code that takes it again (`is trying to acquire lock: … at:`).'
				}
			],
			next_steps: [
				'Read the two `at:` lines of the report and the call trace after them: the path from the first place to the second is the bug; a task stuck in the boot (`swapper`, in an initcall) stops the boot there.',
				...REPORTING
			],
			references: ['https://docs.kernel.org/locking/lockdep-design.html']
		}
	},
	{
		rule: 'crash.lockdep',
		name: 'a sysfs write removing its own file',
		applies: (f) => typeof f.details.sysfs_store === 'string',
		explanation: {
			meaning:
				'Lockdep, the kernel’s locking checker, caught a task taking the active reference of a sysfs file (`s_active`; kernfs’s `kn->active` since 3.14) while it holds one of the same class (`lock` in the facts), and the trace says what it is: the task was writing to a sysfs file, and the attribute’s store function (`sysfs_store`), directly or by dropping an object’s last reference (`sysfs_removal_by`), removed an object’s sysfs directory, whose files include one of the class of the file being written. Most likely it is that very file’s directory (the store removed, or dropped the last reference of, the object it was called for): removing a sysfs file waits until nobody is in it, and the task itself is in it, writing, so it waits for itself. That is a hang, not a possible deadlock: the write never returns, the task stays in D state and cannot be killed, and whatever waits for it or for the object (a CPU or device being removed, a lock it holds) hangs too, until a reboot; lockdep’s report is the first sign, and a hung-task report of the same task 2 minutes later (when the log goes on) confirms it. Such `s_active` reports are a known class: only when the directory removed is another object’s whose attributes come from the same code (a parent removing its children) is lockdep’s check wrong and nothing hangs. For a file that must remove its own object, kernfs has `sysfs_remove_file_self()` and `device_remove_file_self()` since 3.14.',
			causes: [
				{
					kind: 'kernel',
					text: 'A bug in the code whose store function removes its own sysfs directory or file, or drops the last reference of its object while the write is still in it (often a race with the object being removed at the same time: a CPU going offline, a device unplugged or unbound).'
				}
			],
			next_steps: [
				'Reboot to clear the hung task: it cannot be killed, and the object whose directory was being removed stays half removed.',
				'Until it is fixed, avoid what the trace shows together: writing that sysfs file (the process in the report) while the object goes away (taking the CPU offline, unbinding or unplugging the device).',
				'Search the kernel mailing lists (lore.kernel.org) for the store function and the function that dropped the reference (`sysfs_store`, `sysfs_removal_by` in the facts): such bugs are usually fixed in the code of the store, not in sysfs.',
				TRY_STABLE,
				upstreamStep(
					'If it persists, report it to the maintainers of the file of the store function (`scripts/get_maintainer.pl -f <file>`), not to sysfs’s: `sysfs_remove_dir` in the title is only where the task waits.',
					(v) => vendorReportStep(v)
				)
			],
			references: [
				'https://docs.kernel.org/locking/lockdep-design.html',
				'https://docs.kernel.org/filesystems/sysfs.html'
			]
		}
	},
	{
		rule: 'crash.arm-user-fault',
		name: 'a user program’s unaligned access with an instruction the kernel cannot fix up (ARM alignment trap)',
		applies: (f) =>
			/^Unhandled fault in user space: alignment exception\b/.test(f.title) &&
			f.evidence.some((e) => e.text.startsWith('Alignment trap: not handling')),
		explanation: {
			meaning:
				'Not a kernel crash: a user-space program on this ARM machine made an unaligned memory access with an instruction the kernel’s alignment fix-up does not emulate (`Alignment trap: not handling instruction <instruction> at [<address>]`), so the access failed (`Unhandled fault: alignment exception … at <data address>`) and the kernel, the program running in user mode, sent it SIGBUS: it dies with `Bus error` (its service with `status=7/BUS`) unless it handles the signal. No oops (`Internal error:`) follows, so the kernel ran on unharmed. The instructions the kernel cannot fix up are mostly exclusive loads and stores (`ldrex`/`strex` and their byte, half-word and double forms), which atomic operations, locks and reference counts are built on: they must be naturally aligned. The trap line’s `[<…>]` is the program counter in the program, the fault line’s address the unaligned data; neither names the program.',
			causes: [
				{
					kind: 'userspace',
					text: 'A bug in the program or a library it uses: an atomic variable, lock or counter at an unaligned address (a member of a `packed` structure, a pointer cast from a byte buffer or a network or file header), which x86 forgives and ARM does not.'
				}
			],
			next_steps: [
				'Find the program that got SIGBUS: the journal or its service’s log at that time (`status=7/BUS`), a core dump (`coredumpctl list`), or the shell that printed `Bus error`; the core dump’s backtrace, or the trap line’s program counter (`addr2line -f -e <program> <address>` for a program not built as PIE), names the function.',
				'Report it to the program’s developers with that backtrace and the two lines: the variable the instruction works on must be aligned to its size (no `packed` structure or cast buffer for an atomic or a lock).'
			],
			references: [
				'https://docs.kernel.org/arch/arm/mem_alignment.html',
				'https://man7.org/linux/man-pages/man1/coredumpctl.1.html'
			],
			notice: true
		}
	},
	{
		rule: 'crash.slab',
		name: 'a freed object’s counter decremented or incremented (one poison byte off by one)',
		applies: poisonCounterStep,
		explanation: {
			meaning:
				'SLUB’s debugging found a freed object changed after it was freed (`Poison overwritten`): a freed object is filled with the byte 0x6b, and here one single byte became 0x6a (or 0x6c), the poison minus (or plus) one. That is the mark of a counter of the freed object decremented (or incremented) after the free, almost always its reference count: a `…_put()` (or a get) on an object that was already freed, a use-after-free of its reference count, often one put too many. The object was freed where `Freed in` says; the late put came after it, at a place the report cannot show (SLUB only notices when the memory is allocated or checked again).',
			causes: [
				{
					kind: 'kernel',
					text: 'A reference-counting bug in the code that uses objects of this cache: one put too many (a double put, a put on an error path whose caller puts again, a callback that drops its reference after the object is gone), so the object was freed while a reference was still held, and the late put decremented freed memory.'
				},
				{
					kind: 'hardware',
					text: 'Rarely a flipped bit (0x6b to 0x6a is one bit): suspect the RAM only when such single-byte reports come from unrelated caches at random.'
				}
			],
			next_steps: [
				'Find the field: the byte’s address on the `INFO: 0x…-0x…` line minus the object’s (`INFO: Object 0x…`) is its offset in the structure the cache holds (the `BUG <cache>` line’s cache; for a `kmalloc-` cache the structure the `Allocated in` function allocates): `pahole -C <struct> vmlinux` names the field, usually a `refcount_t`, `atomic_t` or `kref`.',
				'Read the `Freed in` stack: that put freed the object; the suspects are the other places that drop a reference to it afterwards. Kernels whose counter is a `refcount_t` (4.11 and later) warn at the late put itself (`refcount_t: underflow; use-after-free.`, with its stack), and KASAN reports the use-after-free where it happens.',
				...REPORTING
			],
			references: [
				'https://docs.kernel.org/mm/slub.html',
				'https://docs.kernel.org/core-api/kref.html'
			]
		}
	},
	{
		rule: 'crash.arm-user-fault',
		name: 'a bus error of a user-space program (ARM external abort)',
		applies: (f) =>
			/^Unhandled fault in user space: .*(?:external abort|parity|ECC)/i.test(f.title),
		explanation: {
			meaning:
				'Not a kernel crash, but not always the program’s own bug either: a user-space program on this ARM machine made a memory access that the bus answered with an error instead of data (an external abort), and the kernel, the program running in user mode, killed it with SIGBUS (`Bus error`, `status=7/BUS`). No oops (`Internal error:`) follows, so the kernel ran on. Plain memory does not answer so: the access was almost always to a device’s registers mapped into the program (through `/dev/mem`, `/dev/gpiomem`, a UIO or GPU driver) while that device was switched off, unclocked or in reset, or to an address where no device answers. An imprecise (asynchronous) external abort is reported when the error arrives, not when the access was made, so the program that got the signal may not be the one that made it: a driver’s access just before can be the cause. The line does not name the program.',
			causes: [
				{
					kind: 'userspace',
					text: 'A program that maps device registers itself (GPIO, LED and display tools, `devmem`, vendor test programs) touching a peripheral whose clock or power is off, or an address the board does not have (a program written for another board or SoC).'
				},
				{
					kind: 'driver',
					text: 'A driver that powered or clocked down a device the program still has mapped, or (imprecise aborts) made a bad access itself just before.'
				},
				{
					kind: 'hardware',
					text: 'Rarely, failing memory or bus hardware: parity errors, or external aborts on ordinary memory in many programs.'
				}
			],
			next_steps: [
				'Find the program that got SIGBUS: the journal or its service’s log at that time (`status=7/BUS`), a core dump (`coredumpctl list`), or the shell that printed `Bus error`.',
				'If it maps device registers (`/dev/mem`, `/dev/gpiomem`, UIO), check that it is meant for this board and that the device it uses is enabled in the device tree and powered; prefer the kernel’s driver interfaces (libgpiod, sysfs) to raw register access.',
				'If the program only uses ordinary memory, or many programs get it, look at the drivers active at that moment and at the hardware (memory, power supply).'
			],
			references: [
				'https://docs.kernel.org/arch/arm/mem_alignment.html',
				'https://man7.org/linux/man-pages/man7/signal.7.html'
			],
			notice: true
		}
	},
	{
		rule: 'crash.trap',
		name: 'a double fault (x86)',
		applies: doubleFault,
		explanation: {
			meaning:
				'The CPU faulted while it was delivering another fault (a double fault), and the kernel cannot recover from that: it halts the machine (`Machine halted.`; older kernels died over and over trying to end the task). On x86 this is almost always a kernel stack overflow: the stack pointer ran past the end of the task’s kernel stack, so the CPU could not even push the page fault’s frame. The sign is in the registers: `CR2`, the address that faulted, just below `RSP` (or `ESP`), at the stack’s lower end; the function in the title is only where the stack ran out (often at its first instruction, `+0x0`).',
			causes: [
				{
					kind: 'kernel',
					text: 'A kernel stack overflow: deep or endless recursion (the trace repeats the same functions), or functions with large stack frames on a long call chain (nested interrupts, stacked block or network layers, file systems over loop devices).'
				},
				{
					kind: 'kernel',
					text: 'Otherwise a corrupted stack pointer, or broken early-boot or hypervisor setup of the exception stacks.'
				}
			],
			next_steps: [
				'Compare `CR2` with `RSP`/`ESP` in the register dump: an address just below the stack pointer means a stack overflow; then read the trace (here or in the reports that follow, printed from the double-fault stack `<#DF>`) for the recursion or the deep call chain that used it up.',
				'`scripts/checkstack.pl` on the kernel build lists the functions with the largest stack frames; kernels with `CONFIG_VMAP_STACK` (4.9 and later on x86-64) catch the overflow at the guard page and say so (`BUG: stack guard page was hit`, `kernel stack overflow`).',
				...REPORTING
			],
			references: [
				'https://docs.kernel.org/admin-guide/bug-hunting.html',
				'https://docs.kernel.org/arch/x86/kernel-stacks.html'
			]
		}
	},
	{
		rule: 'crash.hung-task',
		name: 'a task hung waiting for an RCU grace period',
		applies: gracePeriodWait,
		explanation: {
			meaning:
				'A task waited in uninterruptible sleep (state D) for more than the hung-task timeout (usually 120 s), and what it waited for is an RCU grace period (`synchronize_rcu()`, `synchronize_sched()`, `rcu_barrier()` … in its trace). A grace period ends only when every CPU has passed a quiescent state, so the task is held up by a CPU that did not (one stuck in kernel code with preemption or interrupts off) or by a grace-period kthread that got no CPU, not by storage: the RCU stall warning or lockup report printed while it waited names that CPU.',
			causes: [
				{
					kind: 'kernel',
					text: 'A CPU stuck in kernel code with preemption or interrupts off (a loop, a lock held too long): the RCU stall, soft lockup or hard lockup report of the same time names it, and its trace is the bug.'
				},
				{
					kind: 'environment',
					text: 'On virtual machines, virtual CPUs the host did not run (the grace-period kthread starved).'
				}
			],
			next_steps: [
				'Look for the RCU stall (`rcu: INFO: rcu_sched detected stalls`), soft lockup or hard lockup printed while this task waited (the finding linked to it): the CPU it names is the culprit, and its trace is the one to decode and report; this task’s trace only shows who waited.',
				'If the log has none, make sure stall warnings are on (`rcupdate.rcu_cpu_stall_suppress=0`) and, while it hangs, print every CPU’s backtrace (`echo l > /proc/sysrq-trigger`).',
				REPORTING[1]
			],
			references: [
				'https://docs.kernel.org/RCU/stallwarn.html',
				'https://docs.kernel.org/admin-guide/sysctl/kernel.html#hung-task-timeout-secs'
			],
			// the trace to decode is the stalled CPU's, in its own finding
			notice: true
		}
	},
	{
		rule: 'crash.hung-task',
		name: 'the boot hung in a built-in driver’s or self-test’s init',
		applies: bootInitcallWait,
		explanation: {
			meaning:
				'The boot itself hung: the task in this report is the kernel’s init thread (PID 1) while it ran the start-up function (initcall) of a driver or self-test built into the kernel (`do_one_initcall` in the trace; the frame just above it is that function), and the function waited longer than the hung-task timeout (usually 120 s) for something that did not come: a kernel thread it had started and now stops (`kthread_stop`), a device, firmware, a completion. Meanwhile nothing after it in the boot runs: no later driver starts, and user space never begins. Storage is not involved unless the trace says so.',
			causes: [
				{
					kind: 'kernel',
					text: 'A bug, or a wait without a timeout, in that built-in driver or self-test (the kernel’s self-tests, the `test_*` init functions of `CONFIG_TEST_*` options, are built into test kernels only).'
				},
				{
					kind: 'hardware',
					text: 'A device the driver waits for that does not answer.'
				},
				{
					kind: 'environment',
					text: 'A slow or overloaded machine (a virtual machine whose host is busy, other tests running at boot) on which the threads the function waits for did not progress in time.'
				}
			],
			next_steps: [
				'Find the initcall: the frame above `do_one_initcall` in the trace (`git grep -n "<function>"` in the kernel tree finds its file); booting with `initcall_debug` logs each initcall as it starts and returns, with its time.',
				'To get the machine booting, leave that driver or self-test out: `initcall_blacklist=<function>` on the kernel command line, or a kernel without its option (a `CONFIG_TEST_*` self-test belongs in test kernels only).',
				...REPORTING
			],
			references: [
				'https://docs.kernel.org/admin-guide/kernel-parameters.html',
				'https://docs.kernel.org/admin-guide/sysctl/kernel.html#hung-task-timeout-secs'
			]
		}
	},
	{
		rule: 'crash.oops',
		name: 'an oops on a machine check (powerpc)',
		applies: machineCheckOops,
		explanation: {
			meaning:
				'The CPU took a machine check while it ran kernel code: the hardware reported an error it could not correct (a cache or memory parity or ECC error, a bus error, an access no device answered), and the kernel, finding it in kernel mode, killed the task (`sig: 7`, SIGBUS) with an oops. The function in the title is only where the CPU was when the error came, not a bug of its own; machine_check_exception() prints what the hardware said just before the oops, or after it when a debugger (xmon) held the console: `Machine check in kernel mode.`, `Caused by (from SRR1=…): …`.',
			causes: [
				{
					kind: 'hardware',
					text: 'A failing processor, cache, memory or bus: the `Caused by` line names the unit (`L2 data cache parity error`, `Uncorrectable memory error`, …).'
				},
				{
					kind: 'driver',
					text: 'More rarely a driver’s access to a device address nothing answers (a removed or hung adapter, a wrong mapping): then the `Caused by` line names a bus or load/store error, not a parity error.'
				}
			],
			next_steps: [
				'Read the `Machine check in kernel mode.` and `Caused by (from SRR1=…)` lines around the oops (the hardware finding linked to it): they say which unit failed.',
				'For a parity or ECC error, have the part checked: on an IBM POWER server read the platform’s error log (`servicelog`, the HMC’s or ASM’s serviceable events) and run its diagnostics; errors that repeat on one processor mean replacing it.',
				'Only when the cause is a load or store nobody answered, decode the trace (`./scripts/decode_stacktrace.sh`): the driver whose access it was is the one to look at.'
			],
			references: ['https://docs.kernel.org/admin-guide/bug-hunting.html'],
			// the trace is where the error found the CPU: no decoding step first
			notice: true
		}
	},
	{
		rule: 'crash.panic',
		name: 'the panic that ends an oops (`Fatal exception`)',
		applies: oopsEndPanic,
		explanation: {
			meaning:
				'The kernel panicked at the end of an oops: `Fatal exception` is what oops_end() says when it cannot just kill the task that faulted (the fault was in an interrupt, in the idle task or in init, or `panic_on_oops` is set), so the whole system stopped (or rebooted). The oops is the bug: its report comes just before this line, and this finding holds what the log kept of it.',
			causes: [
				{
					kind: 'kernel',
					text: 'A kernel or driver bug that faulted (a bad pointer, a `BUG()`): the oops’s faulting function (`RIP:`, `EIP:`, `pc :`) says where.'
				},
				{
					kind: 'hardware',
					text: 'Faulty RAM or an unstable machine, when such oopses come at random places.'
				}
			],
			next_steps: [
				'Read the oops this panic ends (the `Oops:`, `BUG:` or `general protection fault` report above it): its faulting function and trace are the bug; when the log lost it (only its registers, or nothing, before the panic), get it whole from a serial console (`console=ttyS0,115200`), netconsole or pstore, or with `ignore_loglevel` if the console filtered it.',
				'Search the kernel mailing lists (lore.kernel.org) for the oops’s faulting function and first line, not for this panic’s title: every oops that panics ends with it.',
				REPORTING[1],
				REPORT_UPSTREAM
			],
			references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
		}
	},
	{
		rule: 'crash.panic',
		name: 'a panic on a failed early boot allocation (memblock)',
		applies: bootAllocationPanic,
		explanation: {
			meaning:
				'The kernel could not get memory while it set itself up, before its normal memory allocator was running: the early boot allocator (memblock) could not give the function the message names the number of bytes it asked for, and the kernel cannot boot without them, so it panicked. `nid=` is the memory node asked (NUMA), `from=` the lowest address allowed. The message is the cause: no earlier report explains it, and nothing ran wrong before it.',
			causes: [
				{
					kind: 'configuration',
					text: 'Too little memory left for what the kernel sets up at boot: a `mem=` or `memmap=` option, a crash kernel reservation (`crashkernel=`) or huge pages reserved at boot (`hugepages=`) that take too much, or a virtual machine given little RAM.'
				},
				{
					kind: 'firmware',
					text: 'A memory map from the firmware (e820 on x86, the device tree’s memory nodes) that describes less usable memory than the machine has, or none on the node asked.'
				},
				{
					kind: 'kernel',
					text: 'On a 32-bit kernel, low memory runs out: the structures that describe every page of a large machine’s memory must fit in the few hundred MiB the kernel maps directly. Otherwise a size computed wrongly by the caller (a kernel bug, most likely in a kernel under development).'
				}
			],
			next_steps: [
				'Read the memory map the kernel printed at the start of this boot (`BIOS-e820:` lines or the device tree’s memory, `Zone ranges`, `Early memory node ranges`): it says how much memory the kernel was given, and where.',
				'Remove or lower the boot options that take memory (`mem=`, `memmap=`, `crashkernel=`, `hugepages=`), or give the virtual machine more memory.',
				'On a 32-bit kernel with much RAM, boot a 64-bit kernel, or limit the memory it uses with `mem=`.',
				upstreamStep(
					'If the memory is there and no option takes it, report it with the whole boot log to the maintainers of the function the message names (`scripts/get_maintainer.pl -f <file>`).',
					(v) =>
						vendorReportStep(
							v,
							'If the memory is there and no option takes it, and the newest update does the same',
							'the whole boot log'
						)
				)
			],
			references: [
				'https://docs.kernel.org/core-api/boot-time-mm.html',
				'https://docs.kernel.org/admin-guide/kernel-parameters.html'
			]
		}
	},
	{
		rule: 'crash.panic',
		name: 'a panic on an NMI from an HPE server’s management processor (hpwdt)',
		applies: hpwdtPanic,
		explanation: {
			meaning:
				'The kernel stopped the machine on purpose when the server’s management processor (HPE iLO) sent it a non-maskable interrupt (NMI): the iLO watchdog driver, hpwdt, panics on such an NMI so that the machine halts or reboots and a crash dump can be taken. Its message says where the reason is recorded: the Integrated Management Log (IML), the enclosure’s Onboard Administrator logs or the iLO Event Log; the two hex digits before `An NMI occurred` (`02:`) are the NMI status hpwdt read from the iLO, which HPE support may ask for. The call trace shows what the CPU was doing when the NMI came (often the idle loop), not the cause: the cause is outside this report.',
			causes: [
				{
					kind: 'configuration',
					text: 'The iLO watchdog timer expired: nothing reset it in time, because the machine hung, the program that feeds `/dev/watchdog` stopped, or a shutdown left the watchdog running (`watchdog: watchdog0: watchdog did not stop!`) and took longer than its timeout.'
				},
				{
					kind: 'userspace',
					text: 'Someone used the iLO’s “Generate NMI to System” to crash a hung server on purpose, to get a crash dump.'
				},
				{
					kind: 'hardware',
					text: 'A hardware error that the server’s firmware reports with an NMI (a PCIe or memory error): the IML then names the component.'
				}
			],
			next_steps: [
				'Read the IML and the iLO Event Log (in the iLO web interface, or with HPE’s tools) at the time of the panic: they say which of these it was, and name the part for a hardware error.',
				'For a watchdog timeout, read what the log shows before the panic: a hang (soft or hard lockups, hung tasks, an NFS server not answering during shutdown) or `watchdog did not stop!` at shutdown. A watchdog left running at shutdown needs its daemon (or systemd’s `RuntimeWatchdogSec=`/`RebootWatchdogSec=`) to stop it or allow for a slow shutdown.',
				'For a hardware error, follow HPE’s service advice for the part the IML names, and update the System ROM and iLO firmware.',
				'With `Kdump: loaded` in the report, the crash dump (/var/crash) holds every CPU’s state at the NMI: use it to see what was hung.'
			],
			references: ['https://docs.kernel.org/watchdog/hpwdt.html'],
			// the trace is where the NMI found the CPU: nothing to decode
			notice: true
		}
	},
	{
		rule: 'crash.paging-fault',
		name: 'a jump to an address with no code',
		applies: fetchFault,
		explanation: jumpedTo('an address where no code is mapped')
	},
	{
		rule: 'crash.null-deref',
		name: 'a call through a NULL function pointer',
		applies: fetchFault,
		explanation: jumpedTo('address zero (or just above it), a call through a NULL function pointer')
	},
	{
		rule: 'crash.gpf',
		name: 'a general protection fault on a write to CR4',
		applies: (f) =>
			CR4_FUNCTION.test(f.stack?.fault_location ?? '') ||
			(Array.isArray(f.details.registers) &&
				f.details.registers.some((r) => r.trimStart().startsWith('Code:') && CR4_WRITE.test(r))),
		explanation: {
			meaning:
				'The CPU refused a write to its control register CR4 (the faulting instruction is a `mov` to `%cr4`, bytes `0f 22 e0`–`e7` in the `Code:` line, in `native_write_cr4` or the global TLB flush that toggles CR4.PGE) with a general protection fault. That is no bad pointer: CR4 switches CPU features on and off (PGE, PCIDE, SMEP, SMAP, OSXSAVE, FSGSBASE, UMIP …), and the CPU faults when the value sets a bit it does not support or a combination it forbids. The task was killed.',
			causes: [
				{
					kind: 'environment',
					text: 'In a virtual machine: a virtual CPU that advertises a feature (in CPUID) that the hypervisor does not let the guest enable, from a CPU model that does not match the host, nested virtualization, or a live migration to a host without the feature.'
				},
				{
					kind: 'kernel',
					text: 'The kernel turned a CR4 bit on after a wrong feature check, or wrote a stale value (its per-CPU copy of CR4 out of date, while a CPU was brought up, resumed or stopped).'
				},
				{
					kind: 'hardware',
					text: 'On bare metal, rarely: a CPU erratum that microcode or a BIOS update fixes.'
				}
			],
			next_steps: [
				'Compare the `CR4:` value of the register dump with the value being written (the register the `mov` to `%cr4` reads, such as `RDI` or `EDX`): the bits that differ are the feature being switched; `X86_CR4_*` in arch/x86/include/uapi/asm/processor-flags.h names them.',
				'In a virtual machine, check the CPU model the hypervisor gives the guest (`lscpu` flags in the guest, `-cpu` of QEMU, libvirt’s `host-model`/`host-passthrough`) and whether the fault followed a live migration; try the hypervisor’s default model or a newer hypervisor.',
				'On bare metal, update the BIOS and the CPU microcode.',
				...REPORTING
			],
			references: [
				'https://docs.kernel.org/arch/x86/cpuinfo.html',
				'https://docs.kernel.org/admin-guide/bug-hunting.html'
			]
		}
	},
	{
		rule: 'crash.warning',
		name: 'an allocator’s warning about a size (or flags) it cannot give',
		applies: (f) =>
			ALLOC_WARNS.test(warnFunction(f) ?? '') || /^WARNING: kmalloc bug in /.test(f.title),
		explanation: {
			meaning:
				'The page or slab allocator was asked for memory it cannot give, and warned about its caller: most often a size too large for it (an order of MAX_ORDER or more for the page allocator, 4 MiB with 4 KiB pages on most configurations; more than KMALLOC_MAX_SIZE for kmalloc; more than INT_MAX for kvmalloc), or flags that contradict each other (__GFP_NOFAIL for a large allocation). The allocation failed and returned NULL; the caller usually gives up with an out-of-memory error. It says nothing about the memory left on the machine.',
			causes: [
				{
					kind: 'kernel',
					text: 'A bug in the caller, the first function below the allocator in the trace: it computed the size from a value it did not check, often one user space passes in (a system call or ioctl argument, a file, module or device header), or from a count that overflowed.'
				},
				{
					kind: 'driver',
					text: 'A driver or subsystem that needs a large buffer and asks kmalloc() or the page allocator for it instead of kvmalloc()/vmalloc(), or that handles the failure but does not pass __GFP_NOWARN.'
				}
			],
			next_steps: [
				'Find the caller: the first frame below the allocator’s own functions in the trace (`kmalloc*`, `__kmalloc*`, `kmemdup`, `krealloc`, `alloc_pages*`, `__get_free_pages`, `kvmalloc*`; `gcov_info_dup` under `kmemdup` in a 4.8 report) asked for the size; see where that size comes from in its source.',
				upstreamStep(
					'If user space chooses the size (a system call, an ioctl, a file the kernel parses), any user can trigger the warning, and with `panic_on_warn` a crash: report it upstream to the maintainers of the caller’s subsystem (`scripts/get_maintainer.pl -f <file>`) with the whole report.',
					(v) =>
						vendorReportStep(
							v,
							'If user space chooses the size (a system call, an ioctl, a file the kernel parses), any user can trigger the warning, and with `panic_on_warn` a crash: if it persists on the newest update'
						)
				),
				'Search for the title on the kernel mailing lists (lore.kernel.org) and the syzbot dashboard: such size checks are often fixed already.',
				TRY_STABLE
			],
			references: [
				'https://docs.kernel.org/core-api/memory-allocation.html',
				'https://docs.kernel.org/admin-guide/bug-hunting.html'
			]
		}
	},
	{
		rule: 'crash.warning',
		name: 'ftrace failing to patch a call site (ftrace_bug)',
		applies: (f) => warnFunction(f) === 'ftrace_bug' || f.title === 'WARNING in ftrace_bug',
		explanation: {
			meaning:
				'ftrace, the kernel’s function tracer, failed to patch a function’s call site: every traceable function starts with a call (mcount or fentry) that ftrace turns into a no-op at boot and back into a call when tracing starts, and here it found bytes it did not expect or could not write them (`ftrace_bug`). ftrace then switches itself off: function tracing, and what is built on it (perf function events, kprobes on function entry, live patching), does not work until the next boot; the rest of the system runs on. The line the kernel prints after the trace names the call site and what failed (`ftrace faulted on writing …`, `ftrace failed to modify …`, with the `expected` and `actual` bytes).',
			causes: [
				{
					kind: 'kernel',
					text: 'Kernel or module code was changed behind ftrace’s back: a live patch, kprobes, another tracer, or an out-of-tree module or security product that hooks kernel functions by rewriting their first bytes.'
				},
				{
					kind: 'driver',
					text: 'When the call site is in a module: a module whose code is not what ftrace recorded (built for another kernel or with another compiler, or modifying its own code).'
				},
				{
					kind: 'kernel',
					text: 'At boot (`ftrace_init` or `ftrace_process_locs` in the trace): call sites that are not what the kernel’s build recorded, or kernel code that cannot be written at that point; a problem of that kernel build, often a vendor kernel.'
				}
			],
			next_steps: [
				'Read the `ftrace faulted on writing` or `ftrace failed to modify` line printed after the trace: it names the function whose call site failed, with `[module]` when it is in a module.',
				'If that function is in a module, or the warning came right after a module was loaded, look at that module: an out-of-tree driver, a live patch or a monitoring or security product that hooks kernel functions; update or unload it and tell its vendor.',
				FTRACE_AT_BOOT,
				FTRACE_LATER
			],
			references: [
				'https://docs.kernel.org/trace/ftrace.html',
				'https://docs.kernel.org/trace/ftrace-design.html'
			]
		}
	}
];

/** The explanation of a crash finding: its variant's (CRASH_VARIANTS), else its rule's. */
export function crashExplanation(f: Omit<Finding, 'explanation'>): Partial {
	for (const v of CRASH_VARIANTS) if (v.rule === f.rule && v.applies(f)) return v.explanation;
	return CRASH_EXPLANATIONS[f.rule] ?? CRASH_EXPLANATIONS['crash.other'];
}
