import {
	deviceGoneNote,
	deviceGoneStep,
	netdevNote,
	oomTaskNote,
	pciRemovalNote,
	wxCheckStallNote,
	registerTextNote,
	regdomainAskerNote,
	sysfsSelfRemovalNote,
	lowAddressNote
} from './crash-notes.ts';
import { findingKernel, type Explanation, type Finding } from '../models/finding.ts';
import type { LogMetadata } from '../models/metadata.ts';
import type { ExplainInput, ExplanationProvider } from './base.ts';
import {
	crashExplanation,
	forVendor,
	REPORT_UPSTREAM,
	SEARCH_TITLE,
	STEP_APPLIES,
	TRY_STABLE,
	upstreamStep
} from './crash-explanations.ts';
import { kernelVendor, vendorReportStep, type KernelVendor } from './vendor-kernel.ts';
import { RCU_STALL_START, rcuStall, rcuStallNote } from '../util/rcu-stall.ts';
import { saveLinesHow } from './lines-command.ts';
import { memoryNote, syzkallerStep, textAddressNote } from './memory-note.ts';
import { hypervisorFromDmi } from '../ingestion/metadata.ts';

/**
 * The exact decode_stacktrace.sh invocation for a crash finding (scripts/decode_stacktrace.sh in
 * the kernel tree): with the release it finds vmlinux and modules with debug info itself.
 */
export function decodeCommand(version: string | null, findingId: string): string {
	const target = version ? `-r ${version}` : 'vmlinux';
	return `./scripts/decode_stacktrace.sh ${target} < ${findingId}.txt`;
}

const STEAL_TIME =
	'Check the host’s load and the guest’s steal time (`st` in `top` or `vmstat 1`) around that time';

/** A step for virtual machines: the first step of a rule's findings when metadata.hypervisor is set. */
export interface VmStep {
	/** the findings of the rule it is for; all of them when absent */
	applies?: (finding: Omit<Finding, 'explanation'>) => boolean;
	/** the step, given the hypervisor's name */
	step: (hypervisor: string) => string;
	/** the starts of the rule's own steps that do not hold in a virtual machine: left out */
	drops?: readonly string[];
	/**
	 * the starts of the rule's own causes and steps that hold only in a virtual machine: left out
	 * when the log names physical hardware and no hypervisor (see physical)
	 */
	bareMetal?: { causes?: readonly string[]; steps?: readonly string[] };
	/**
	 * the starts of the rule's own steps about a PC's BIOS: left out too when the physical machine
	 * is one a device tree describes (see deviceTree), which has no BIOS setup to change
	 */
	deviceTree?: readonly string[];
}

const vm = (hypervisor: string): string => `This machine is a virtual machine (${hypervisor})`;

/** `[Firmware Bug]:` messages about the TSC (`TSC doesn't count with P0 frequency!`, `TSC_DEADLINE disabled due to Errata`) */
const aboutTsc = (f: Omit<Finding, 'explanation'>): boolean =>
	/\bTSC/.test(String(f.details.message ?? f.title));

/**
 * The virtual firmware a hypervisor gives its guests (metadata.hypervisor's names: the DMI
 * products of ingestion/metadata.ts VM_PRODUCTS and the kernel's `Hypervisor detected:`).
 */
function vmFirmware(hypervisor: string): string {
	if (/^(?:QEMU|KVM|Bochs|OpenStack Nova|Xen)/.test(hypervisor))
		return 'SeaBIOS, or OVMF for UEFI: the host’s seabios and ovmf (edk2) packages';
	if (/^VMware/.test(hypervisor)) return 'VMware’s own BIOS or EFI, which comes with VMware';
	if (/Hyper-V/.test(hypervisor))
		return 'Hyper-V’s own BIOS (generation 1) or UEFI (generation 2), which comes with Windows or Hyper-V Server';
	if (/^(?:VirtualBox|Parallels)/.test(hypervisor))
		return `${hypervisor}’s own BIOS or EFI, which comes with ${hypervisor}`;
	if (/^(?:Google Compute Engine|Amazon EC2)/.test(hypervisor)) return 'the cloud provider’s';
	return 'the hypervisor’s';
}

const LOCKUP_STEP = (h: string): string =>
	`${vm(h)}: in a guest, a CPU that seems stuck for many seconds is often one the host did not run (an overcommitted host, steal time, the VM paused, snapshotted or migrated). ${STEAL_TIME}, before suspecting the guest’s kernel.`;

/**
 * Rule id -> the step that changes the advice in a virtual machine: where the cause is usually
 * the host (lockups, RCU stalls, clock skew) or only the host can act (microcode, the virtual
 * firmware's TSC). Severities do not change.
 */
export const VM_STEPS: Readonly<Record<string, VmStep>> = {
	'crash.hard-lockup': {
		step: (h) =>
			`${vm(h)}: in a guest, a hard lockup reported by the perf NMI watchdog is usually the host’s doing, not the guest’s: its virtual CPU was not run for seconds (host overcommit, steal time) or the host emulates the performance counters the watchdog uses poorly. ${STEAL_TIME}; guests often run with \`nmi_watchdog=0\` on the kernel command line.`,
		drops: ['If it happens at random places, check the firmware version and hardware health.']
	},
	'crash.soft-lockup': {
		step: LOCKUP_STEP,
		drops: ['On a VM, check the host’s load and steal time']
	},
	'crash.rcu-stall': { step: LOCKUP_STEP },
	'firmware.microcode-missing': {
		step: (h) =>
			`${vm(h)}: the host loads the CPU microcode and decides which CPU features the guest sees, so a microcode package or a BIOS update inside the guest changes nothing. It is for the host’s administrator to update, or, in a cloud, for the provider (or another machine type).`,
		drops: ['Install/update intel-microcode or amd64-microcode']
	},
	'firmware.firmware-bug': {
		applies: aboutTsc,
		step: (h) =>
			`${vm(h)}: the TSC and the firmware the guest sees are the hypervisor’s, so a BIOS or microcode update inside the guest cannot fix this, and it is usually harmless there. If timing matters, check that the guest uses the hypervisor’s clock (kvm-clock, hyperv_clocksource_tsc_page, xen: \`cat /sys/devices/system/clocksource/clocksource0/current_clocksource\`) and update the hypervisor, or ask its provider.`,
		drops: ['Read the message: "please update microcode"', 'Update the BIOS/UEFI']
	},
	'hardware.clocksource-unstable': {
		step: (h) =>
			`${vm(h)}: the skew most likely comes from the hypervisor (a virtual CPU the host held up, a live migration, a paused VM), not from the hardware or a BIOS inside the guest.`,
		drops: ['On bare metal update the BIOS/UEFI'],
		// amdmsrtweaker-lnx-dmesg-txt.log, a Lenovo laptop, had been told that a virtual machine
		// was the most likely cause of its TSC's warp between CPUs at boot
		bareMetal: { causes: ['In a virtual machine'], steps: ['In a VM '] }
	},
	// dioxis33-errors-dmesg-txt.log: a VirtualBox guest's e1000 `enp0s3 NIC Link is Down` had
	// been told to replace the cable and try another switch port
	'network.link-down': {
		step: (h) =>
			`${vm(h)}: its network card is a virtual one, whose link the hypervisor sets: it goes down when the host changes or disconnects the VM’s network attachment (a “cable connected” setting, the host’s bridge or adapter going down, the host asleep, the VM paused, saved or migrated), not through a cable. Check the VM’s network settings and the host’s log at that time; cables and switch ports matter on the host only.`,
		drops: ['Replace the cable']
	},
	// dioxis33-errors-dmesg-txt.log: the disconnect of VirtualBox's emulated `USB Tablet` had been
	// told to try another cable and a powered hub
	'usb.disconnect': {
		step: (h) =>
			`${vm(h)}: its USB devices are emulated by the hypervisor (the VM’s tablet, keyboard or mouse) or passed through from the host, and they disconnect when the host detaches or re-attaches them (a USB filter or the host taking the device back, the VM paused or the host asleep). Check the VM’s USB settings and the host’s log; a cable or hub matters only for a passed-through device, on the host.`,
		drops: ['Try another cable', 'Use a powered hub']
	},
	// lkp-05.log: a QEMU guest's serial port refused IRQ 4 (held by goldfish_pdev_bus, the Android
	// emulator's bus driver built into the kernel) had been told to change BIOS settings
	'hardware.irq-flags-mismatch': {
		// the Android emulator's bus holding the serial port's line has steps of its own (a kernel
		// without CONFIG_GOLDFISH), which hold in a VM as on a PC; "remove the device" would name
		// the serial port it displaced
		applies: (f) => f.details.holder !== 'goldfish_pdev_bus',
		step: (h) =>
			`${vm(h)}: its interrupt lines are those of the virtual hardware the hypervisor emulates, so a BIOS setting or update inside the guest does not change them. Remove the device from the VM’s configuration if it is not needed, or keep the driver that should not be there from loading (blacklist it; a driver for another platform built into the kernel needs a kernel without it).`,
		drops: ['If that device is not needed (a legacy serial port in a VM)'],
		// iamslightlywin-dump-last-kmsg.log: a Samsung tablet (`… (DT)`) had been told to change
		// BIOS settings for `Flags mismatch irq 466 … (esd_recovery) vs. … (UB_CON_DET)`
		deviceTree: ['If that device is not needed (a legacy serial port in a VM)']
	},
	// lkp-05.log: a QEMU guest's W+X mapping of the legacy BIOS area (c00a0000, 32-bit) had been
	// told to update the BIOS/UEFI
	'security.wx-mappings': {
		step: (h) =>
			`${vm(h)}: its BIOS or UEFI is the hypervisor’s virtual firmware (${vmFirmware(h)}), not a board’s, so there is no BIOS update to run inside the guest: it changes with the hypervisor’s version on the host, or with the firmware type (BIOS or UEFI) chosen in the VM’s settings, and in a cloud only the provider can change it. Update the guest’s kernel; if it stays on the distribution’s current kernel, report it to the distribution with these lines and the VM’s machine type (its \`DMI:\` or \`Hardware name:\` line).`,
		drops: ['Update the kernel and the BIOS/UEFI']
	},
	// cmpe283-assignment1-dmesg-log.log: a Google Compute Engine guest's refused RDMSR 0x492 had
	// been told, beside the VM step, to report it to the kernel developers after a BIOS update
	'other.unchecked-msr-access': {
		step: (h) =>
			`${vm(h)}: the hypervisor decides which model-specific registers the guest may use, and a refused access is most often one it does not emulate: harmless unless a feature is missing, and no BIOS update in the guest changes it. If a feature is missing, check the CPU model and features the VM is given (QEMU/KVM \`-cpu host\`, nested virtualization settings, the cloud’s machine type).`,
		drops: ['In a virtual machine nothing needs doing', 'On bare metal'],
		bareMetal: { causes: ['A virtual machine whose hypervisor'], steps: ['In a virtual machine'] }
	}
};

/**
 * Hardware names of virtual machines whose hypervisor VM_PRODUCTS (ingestion/metadata.ts) does not
 * name: QEMU machine types under a hosting company's vendor name (`Hetzner vServer/Standard PC
 * (Q35 + ICH9, 2009)`) and other clouds' products.
 */
const VIRTUAL_HARDWARE = /Standard PC \(|virtual|vServer|Droplet|\bKVM\b|\bcloud\b/i;

/**
 * A machine described by a device tree (arm64's `Hardware name: Samsung … (DT)`, 32-bit ARM's
 * `Generic DT based system`), or an ARM or RISC-V machine the log names without DMI (no BIOS
 * line: `Raspberry Pi 3 Model B Plus Rev 1.3`, `OnePlus One`): a board, phone or tablet with no
 * BIOS setup. An ARM server or board with UEFI and DMI (`Radxa Orion O6`) is not one.
 */
const DEVICE_TREE = /\(DT\)$|\bDT based\b/;

function deviceTree(m: Pick<LogMetadata, 'hardware' | 'arch' | 'bios'>): boolean {
	if (!m.hardware) return false;
	return DEVICE_TREE.test(m.hardware) || (/^(?:arm|aarch64|riscv)/.test(m.arch ?? '') && !m.bios);
}

/** the step of a crash explanation that holds only if the machine may be a virtual machine */
const IF_VM = 'On a VM, ';

/**
 * The log names the machine's hardware and it is no virtual machine (no hypervisor seen, and no
 * virtual machine's name): a step that starts "On a VM" is left out (satyr-rhbz-1235021.log's
 * soft lockup on a `Gigabyte Technology Co., Ltd. Z87M-D3H/Z87M-D3H`).
 */
function physical(hardware: string | null | undefined, hypervisor: string | null | undefined) {
	return !!hardware && !virtualMachine(hardware, hypervisor);
}

/** A hypervisor was seen, or the hardware name is a virtual machine's (VIRTUAL_HARDWARE). */
function virtualMachine(
	hardware: string | null | undefined,
	hypervisor: string | null | undefined
) {
	return !!hypervisor || (!!hardware && VIRTUAL_HARDWARE.test(hardware));
}

/**
 * `steps` with the VM step of the finding's rule first, when the machine is a virtual machine;
 * without the steps for a possible virtual machine when it is known to be physical
 */
export function withVmStep(
	steps: readonly string[],
	finding: Omit<Finding, 'explanation'>,
	hypervisor: string | null | undefined,
	hardware?: string | null
): string[] {
	if (physical(hardware, hypervisor)) return steps.filter((s) => !s.startsWith(IF_VM));
	const v = hypervisor ? VM_STEPS[finding.rule] : undefined;
	if (!hypervisor || v === undefined || (v.applies && !v.applies(finding))) return [...steps];
	const drops = v.drops ?? [];
	return [v.step(hypervisor), ...steps.filter((s) => !drops.some((d) => s.startsWith(d)))];
}

/**
 * A line rule's explanation on a machine known to be physical: without the causes and steps its
 * VM_STEPS entry says hold only in a virtual machine.
 */
function onBareMetal(
	registry: Explanation,
	finding: Omit<Finding, 'explanation'>,
	v: VmStep | undefined,
	metadata: Pick<LogMetadata, 'hardware' | 'arch' | 'bios'>
): Explanation {
	const b = v?.bareMetal;
	const dt = deviceTree(metadata) ? (v?.deviceTree ?? []) : [];
	if ((b === undefined && dt.length === 0) || (v?.applies && !v.applies(finding))) return registry;
	const causes = b?.causes ?? [];
	const steps = [...(b?.steps ?? []), ...dt];
	return {
		...registry,
		causes: registry.causes.filter((c) => !causes.some((d) => c.text.startsWith(d))),
		next_steps: registry.next_steps.filter((s) => !steps.some((d) => s.startsWith(d)))
	};
}

const MEMTEST = '(memtest86+)';

/**
 * The memory test a step names, for this machine: memtest86+ boots only on x86 PCs, and a
 * guest's memory is the host's (lkp-73.log, a QEMU guest, and iamslightlywin-dump-last-kmsg.log,
 * an arm64 tablet, had both been told to run memtest86+). Unknown machines keep the step.
 */
function memoryTest(
	step: string,
	m: Pick<LogMetadata, 'hardware' | 'arch' | 'hypervisor'>
): string {
	if (!step.includes(MEMTEST)) return step;
	if (virtualMachine(m.hardware, m.hypervisor))
		return step.replace(
			MEMTEST,
			'(memtest86+ on the host: a virtual machine’s memory is the host’s)'
		);
	if (m.arch !== null && !/^(?:x86|i[3-6]86)/.test(m.arch))
		return step.replace(
			MEMTEST,
			`(memtest86+ runs only on x86 PCs; on this ${m.arch} machine use \`memtester\` on the running system, or the maker’s hardware diagnostics)`
		);
	return step;
}

/** What an RCU stall's report (its evidence, from the header on) says stalled, or null. */
function stallOf(f: Omit<Finding, 'explanation'>): string | null {
	const texts = f.evidence.map((e) => e.text);
	const at = texts.findIndex((t) => RCU_STALL_START.test(t));
	const s = at === -1 ? null : rcuStall(texts.slice(at));
	return s === null ? null : rcuStallNote(s);
}

/** a module of `Modules linked in:` with its taint flags: `wl(PO)`, `ms912x(OE)`, `will_oops(OF+)` */
const MODULE_FLAGS = /(?:^|\s)([\w-]+)\(([A-Z+-]+)\)/g;

/**
 * The modules of a report's `Modules linked in:` list (and the lines it continues on) that are
 * proprietary (P) or built outside the kernel tree (O), as the kernel marks them there.
 */
function outsideModules(f: Omit<Finding, 'explanation'>): string[] {
	const out: string[] = [];
	const texts = f.evidence.map((e) => e.text);
	const at = texts.findIndex((t) => t.startsWith('Modules linked in:'));
	if (at === -1) return out;
	for (let i = at; i < texts.length && (i === at || /^\s+[\w-]+(?:\(|\s|$)/.test(texts[i])); i++)
		for (const m of texts[i].matchAll(MODULE_FLAGS))
			if (/[PO]/.test(m[2]) && !out.includes(`${m[1]}(${m[2]})`)) out.push(`${m[1]}(${m[2]})`);
	return out;
}

const moduleName = (m: string): string => m.slice(0, m.indexOf('(')).replace(/-/g, '_');

/**
 * The generic step that sends a crash upstream, for a kernel with proprietary or out-of-tree
 * modules loaded (its `Modules linked in:` marks them `(P)`, `(O)`): the kernel's developers set
 * such reports aside (docs.kernel.org/admin-guide/tainted-kernels.html), so the report goes to the
 * module's maintainers when the trace runs through one (satyr-rhbz-865695-0.log: Broadcom's `wl`
 * under cfg80211's `wdev_priv`), else it is reproduced without them first (ms912x-error-log-txt.log:
 * the out-of-tree `ms912x` display driver and NVIDIA’s modules loaded, a WARN in the DRM core).
 */
function reportStep(
	f: Omit<Finding, 'explanation'>,
	outside: string[],
	vendor: KernelVendor | null
): string {
	const inTrace = new Set((f.stack?.frames ?? []).map((x) => x.module?.replace(/-/g, '_')));
	const own = outside.filter((m) => inTrace.has(moduleName(m)));
	const code = (ms: string[]) => ms.map((m) => `\`${m}\``).join(', ');
	// the report stopped in the module's own code (`wdev_priv.part.8+0x4/0x6 [wl]`)
	const at = /\[([\w-]+)\]$/.exec(f.stack?.fault_location ?? '')?.[1]?.replace(/-/g, '_');
	const faulted = own.find((m) => moduleName(m) === at);
	const update =
		faulted === undefined
			? ''
			: ` The report stopped in \`${moduleName(faulted)}\`’s own code: first update or rebuild it for this kernel (its DKMS or akmod package, or its vendor’s newest release), since a module whose source predates the kernel’s interfaces fails this way after a kernel update.`;
	if (own.length > 0)
		return `The trace runs through ${code(own)}, ${own.length === 1 ? 'a module' : 'modules'} from outside the kernel tree or proprietary (so marked in \`Modules linked in:\`): report it to ${own.length === 1 ? 'that module’s' : 'those modules’'} vendor or maintainers; the kernel’s maintainers look at it only if it also happens without ${own.length === 1 ? 'it' : 'them'}.${update}`;
	return `If it persists, reproduce it without the out-of-tree or proprietary modules this kernel had loaded (${code(outside)} in \`Modules linked in:\`) before reporting it to ${vendor === null ? 'the maintainers of the guilty function’s subsystem (`scripts/get_maintainer.pl -f <file>`)' : vendor.report} with the whole report: with them loaded the kernel is tainted, and its developers set such reports aside, since those modules could have caused it.`;
}

/** a top-level directory of the kernel tree, in a `WARNING: at`/`kernel BUG at` source path */
const KERNEL_TREE_DIR =
	/(?:^|\/)(?:arch|block|certs|crypto|drivers|fs|include|init|io_uring|ipc|kernel|lib|mm|net|rust|samples|security|sound|virt)\//;

/**
 * The source file of a `WARNING: at`/`kernel BUG at` report when it is outside the kernel tree (no
 * top-level directory of the tree in its path: a module built out of tree has its own path there,
 * `/tmp/oops.c` in kerneloops-i386-bug-on.log, a test module of 2.6.24 that had no `O` taint
 * yet), or null. A vendor's absolute path into its tree (`…/kernel/drivers/i2c/busses/i2c-tegra.c`)
 * is in the tree.
 */
function outOfTreeSource(f: Omit<Finding, 'explanation'>): string | null {
	const at = f.details.source_location;
	if (typeof at !== 'string' || KERNEL_TREE_DIR.test(at)) return null;
	return at;
}

/**
 * The step that replaces searching, updating and reporting for a report from code outside the
 * kernel tree: neither the kernel's maintainers nor the distribution have that code.
 */
function outOfTreeStep(f: Omit<Finding, 'explanation'>, at: string): string {
	const line = /:(\d+)$/.exec(at);
	const file = line ? at.slice(0, line.index) : at;
	const mods = [
		...new Set((f.stack?.frames ?? []).flatMap((x) => (x.module === null ? [] : [x.module])))
	];
	const mod = mods.length === 1 ? ` (module \`${mods[0]}\`)` : '';
	return `The check that fired is in \`${file}\`${mod}, a source file outside the kernel tree: a module built separately from this kernel (a test module, a vendor’s or your own driver). The bug is that code’s: fix it there${line ? ` (line ${line[1]})` : ''}, or report it to whoever wrote it; a kernel update does not change it, and neither the kernel’s maintainers nor the distribution take reports about it.`;
}

const SEARCH_CORRUPTED =
	'The title ends in `corrupted` because the log lost or mixed up the report’s trace (see why above), so it names no function to search for: search the kernel mailing lists (lore.kernel.org) for the report’s first line and the functions its evidence does show instead.';

const REPORT_CORRUPTED = upstreamStep(
	'If it persists, capture the whole report (a serial console, netconsole or pstore keeps what this log lost) and report it to the maintainers of the subsystem its trace runs through (`scripts/get_maintainer.pl -f <file>`).',
	(v) => vendorReportStep(v)
);

/**
 * A crash report of a kernel tainted `D` (TAINT_DIE): an oops had happened before it since boot, and
 * what the dying task left (locks held, interrupts off, half-updated state) often causes the next
 * reports (kerneloops-i386-oops-with-end-marker.log: a spinlock lockup in `taskstats_exit` after a
 * double fault).
 */
const DIED_BEFORE =
	'The kernel had already oopsed before this report (taint `D`): what the dying task left behind (locks held, interrupts off, half-updated data) often causes the reports after it, so the first oops of this boot is the one to look at first.';

/**
 * A report of a kernel that had found memory in a bad state before it (taint B: a `BUG: Bad page
 * state` or `Bad page map`, a page found in the page cache where it should not be, or a KASAN,
 * KFENCE or SLUB debug report): abrt-koops-tainted-bg1.log's `kernel BUG at mm/filemap.c:125!`
 * (`Tainted: G    B`, 2.6.38) in the page cache of an `rm`, which had been read as a bug of its
 * own, with no word of the corruption found before it.
 */
const BAD_PAGE_BEFORE =
	'The kernel had already found memory in a bad state before this report (taint `B`: a `BUG: Bad page state` or `Bad page map`, or a memory-error detector’s report such as KASAN’s): this report may be a consequence of that corruption rather than a bug of its own, so the first such report of this boot is the one to read first.';
const BAD_PAGE_STEP =
	'Find the first report of this boot that found memory in a bad state (`BUG: Bad page state`, `Bad page map`, a KASAN or KFENCE report; earlier in this log, or in `journalctl -k -b`) and read it first';
/** the step's end when no other step names a memory test */
const BAD_PAGE_MEMTEST =
	'; if such reports keep coming at random places, test the RAM (memtest86+).';

/**
 * The machine a finding was seen on, for its advice: the hypervisor its own boots name
 * (Boot.hypervisor), not the log's first (metadata.hypervisor), which in a log joined from several
 * machines is the first boot's. Its boots naming none, the log's when the log's boots name one
 * hypervisor at most: a virtual machine's log whose boot starts after its DMI line is a part of
 * that machine's log (logging-syslog.log's first boot, the end of the guest's boot before;
 * lkp-calltrace-dmesg-010.log's), and a physical machine's log names none. In a log whose boots
 * name several, or when the finding's own boots do, which machine a boot that names none is
 * cannot be told: neither a virtual machine's advice nor a physical one's (hypervisor and
 * hardware null). The hardware stays the log's when the hypervisor is the log's. A boot that names
 * none but whose own lines show a physical machine (Boot.physical: a real vendor's DMI, an early
 * microcode update, thermal throttling, a machine check) is no guest, whatever the log's other
 * boots are: a guest's log joined with its host's had given the host's findings the guest's advice.
 * Its hardware is the log's unless that names a virtual machine; a finding of both a physical
 * machine's boot and a guest's gets neither's advice.
 */
export function findingMachine(
	finding: Pick<Finding, 'boots'>,
	metadata: Pick<LogMetadata, 'boots' | 'hypervisor' | 'hardware'>
): Pick<LogMetadata, 'hypervisor' | 'hardware'> {
	const log = { hypervisor: metadata.hypervisor, hardware: metadata.hardware };
	const boots = metadata.boots;
	const inLog = new Set<string>();
	for (const b of boots) if (typeof b.hypervisor === 'string') inLog.add(b.hypervisor);
	// a log whose boots name no hypervisor: the log's (a `Hypervisor detected:` line outside them)
	if (inLog.size === 0) return log;
	const own = new Set<string>();
	let physical = false;
	for (const i of finding.boots) {
		// boots are listed by their index; a search only if not (a finding of a log of 719 boots
		// in most of them had searched the list for each: quadratic)
		const b = boots[i]?.index === i ? boots[i] : boots.find((x) => x.index === i);
		if (typeof b?.hypervisor === 'string') own.add(b.hypervisor);
		else if (b?.physical === true) physical = true;
	}
	if (physical) {
		// a physical machine's boot: no guest's advice (with a guest's boot too: neither's)
		const hw = own.size === 0 ? metadata.hardware : null;
		return {
			hypervisor: null,
			hardware: hw !== null && hypervisorFromDmi(hw) === null ? hw : null
		};
	}
	if (own.size === 1) {
		const [h] = own;
		return h === metadata.hypervisor ? log : { hypervisor: h, hardware: null };
	}
	if (own.size === 0 && inLog.size === 1) return log;
	return { hypervisor: null, hardware: null };
}

/** Built-in explanations: the registry's text for line rules, the crash table for crash reports. */
export const heuristicProvider: ExplanationProvider = {
	id: 'heuristic',
	explain(input: ExplainInput): Explanation {
		// the machine of the finding's own boots (a log joined from several machines)
		const machine = findingMachine(input.finding, input.metadata);
		const own =
			machine.hypervisor === input.metadata.hypervisor &&
			machine.hardware === input.metadata.hardware
				? input
				: { ...input, metadata: { ...input.metadata, ...machine } };
		const e = explainFor(own);
		if (!e.next_steps.some((s) => s.includes(MEMTEST))) return e;
		return { ...e, next_steps: e.next_steps.map((s) => memoryTest(s, own.metadata)) };
	}
};

/**
 * The first step of a crash on a phone or tablet (an Android device's log, or a kernel its vendor
 * marks as a device's): what its owner can do, who cannot build or decode its kernel. The steps
 * after it (decode_stacktrace.sh with its `-dirty` release, the source's functions) are for whoever
 * built the kernel; they had been all the advice (logs-a5y17lte-dmesg.log's Samsung phone).
 */
function ownerStep(id: string, vendor: KernelVendor | null, version: string | null): string {
	const update =
		vendor?.device === true
			? vendor.update
			: 'install the device’s newest system update (or the newest build of the custom ROM or port, if you flashed one)';
	const report =
		vendor?.device === true
			? vendor.report
			: 'the device maker’s support, or the developers of the ROM or port you flashed';
	// whose kernel it is, when its release says (a custom kernel's name: `4.19.113~Windstation+`)
	const whose =
		vendor?.device === true && version !== null
			? `this kernel (\`${version}\`) is built by ${vendor.name}: `
			: '';
	return `What the owner of this phone or tablet can do: ${whose}${update}; if it happens again, save this finding’s lines as ${id}.txt (${saveLinesHow(id)}) and report it with them and the whole log to ${report}. The steps after this one are for the kernel’s builder (they need its source and build).`;
}

function explainFor({ finding, metadata, registry, android }: ExplainInput): Explanation {
	if (finding.category === 'crash') {
		const base = crashExplanation(finding);
		// the report's own release, else its boot's banner, else the first kernel the log names
		// (metadata.kernel_version)
		const boot = metadata.boots.find((b) => b.index === finding.first_seen.boot);
		const version = findingKernel(finding, metadata.boots) ?? metadata.kernel_version;
		const steps = base.next_steps.filter((s) => STEP_APPLIES.get(s)?.(finding) ?? true);
		// a device that read as all ones: was it powered down or gone
		const gone = deviceGoneStep(finding);
		if (gone !== null) steps.unshift(gone);
		// a title without its function (`BUG: soft lockup in corrupted`, syzkaller's word for a
		// report cut or interleaved) finds nothing: search for the report's own words instead
		if (/ in corrupted$/.test(finding.title)) {
			if (steps.includes(SEARCH_TITLE)) steps[steps.indexOf(SEARCH_TITLE)] = SEARCH_CORRUPTED;
			if (steps.includes(REPORT_UPSTREAM)) steps[steps.indexOf(REPORT_UPSTREAM)] = REPORT_CORRUPTED;
		}
		// a distribution's or device maker's kernel is updated and reported through its vendor
		// (debian-clearfog-gt-8k-dmesg.log's `5.8.0-0.bpo.2-arm64`, abrt's `.el7`/`.fc21` builds had
		// been told to try kernel.org's newest stable kernel and report to the upstream maintainers)
		// the banner's builder and compiler: its boot's banner's when that names this kernel, else
		// the log's first banner's when that does (a log of several boots, syslogs-syslog.log's
		// Chromebook, had been read from its first banner only)
		const vendor = kernelVendor(
			version,
			boot?.kernel_build != null && boot.kernel_version === version
				? boot.kernel_build
				: version === metadata.kernel_version
					? metadata.kernel_build
					: null
		);
		// a report from code outside the kernel tree: its authors' bug, not the kernel's or the
		// distribution's (kerneloops-i386-bug-on.log had been told to update Fedora's kernel)
		const foreign = outOfTreeSource(finding);
		if (foreign !== null && steps.includes(REPORT_UPSTREAM)) {
			steps.splice(steps.indexOf(REPORT_UPSTREAM), 1, outOfTreeStep(finding, foreign));
			for (const s of [SEARCH_TITLE, TRY_STABLE])
				if (steps.includes(s)) steps.splice(steps.indexOf(s), 1);
		}
		const outside = steps.includes(REPORT_UPSTREAM) ? outsideModules(finding) : [];
		if (outside.length > 0)
			steps[steps.indexOf(REPORT_UPSTREAM)] = reportStep(finding, outside, vendor);
		// a phone's or tablet's crash: its owner's step comes first, and says the vendor's update and
		// report steps itself
		// (an Android-marked input of several logs, a phone's console beside a PC's dmesg, marks a
		// crash only when every boot with a known kernel ran this one)
		const phone =
			!base.notice &&
			(vendor?.device === true ||
				(android === true &&
					vendor === null &&
					metadata.boots.every((b) => b.kernel_version === null || b.kernel_version === version)));
		if (phone && vendor !== null)
			for (const s of [TRY_STABLE, REPORT_UPSTREAM, REPORT_CORRUPTED])
				if (steps.includes(s)) steps.splice(steps.indexOf(s), 1);
		if (vendor !== null)
			for (let i = 0; i < steps.length; i++) steps[i] = forVendor(steps[i], vendor, version!);
		if (!base.notice && finding.stack && finding.stack.frames.length > 0) {
			steps.unshift(
				phone
					? `Turn the trace of the saved ${finding.id}.txt into file:line form from the kernel source tree (needs the build’s debug info): \`${decodeCommand(version, finding.id)}\``
					: `Save this finding’s lines as ${finding.id}.txt (${saveLinesHow(finding.id)}) and turn the trace into file:line form from the kernel source tree (needs the build’s debug info): \`${decodeCommand(version, finding.id)}\``
			);
		}
		if (phone) steps.unshift(ownerStep(finding.id, vendor, version));
		// an oops whose meaning says the task was killed, when the report ended in a panic
		// (lkp-calltrace-dmesg-004.log: a BUG at boot, then `Fatal exception`)
		let meaning =
			finding.details.panicked === true && !/panic/i.test(base.meaning)
				? `${base.meaning} Here the kernel then panicked (\`Kernel panic - not syncing\` in the report): the whole machine stopped, or rebooted if \`kernel.panic\` is set.`
				: base.meaning;
		// a report of a kernel that had oopsed already (taint D, `Tainted: G      D`)
		const taint = (finding.details.taint_flags as string[] | undefined) ?? [];
		if (taint.some((t) => t.startsWith('D ('))) meaning = `${meaning} ${DIED_BEFORE}`;
		// memory found in a bad state before this report (taint B)
		if (taint.some((t) => t.startsWith('B ('))) {
			meaning = `${meaning} ${BAD_PAGE_BEFORE}`;
			if (!base.notice)
				steps.push(
					steps.some((x) => x.includes(MEMTEST))
						? `${BAD_PAGE_STEP}.`
						: BAD_PAGE_STEP + BAD_PAGE_MEMTEST
				);
		}
		// what an RCU stall names as stalled: its CPUs and tasks, a starved grace-period kthread
		const stall = finding.rule === 'crash.rcu-stall' ? stallOf(finding) : null;
		if (stall) meaning = `${meaning} ${stall}`;
		// a memory-error detector's access, object and stacks; a faulting address that is text
		// a register that holds text; a device read as all ones; a panic_on_oom's largest task; a
		// network device still referenced
		for (const note of [
			memoryNote(finding),
			textAddressNote(finding),
			registerTextNote(finding),
			deviceGoneNote(finding),
			oomTaskNote(finding, metadata.arch),
			netdevNote(finding),
			sysfsSelfRemovalNote(finding),
			lowAddressNote(finding),
			regdomainAskerNote(finding),
			pciRemovalNote(finding),
			wxCheckStallNote(finding)
		])
			if (note !== null) meaning = `${meaning} ${note}`;
		// a report of a syzkaller program's: its reproducer, and whom to send both to
		const syz = base.notice ? null : syzkallerStep(finding);
		if (syz !== null) {
			if (steps.includes(REPORT_UPSTREAM)) steps[steps.indexOf(REPORT_UPSTREAM)] = syz;
			else steps.push(syz);
		}
		return {
			meaning,
			causes: base.causes,
			next_steps: withVmStep(steps, finding, metadata.hypervisor, metadata.hardware),
			references: base.references
		};
	}
	if (registry) {
		if (physical(metadata.hardware, metadata.hypervisor))
			return onBareMetal(registry, finding, VM_STEPS[finding.rule], metadata);
		if (!metadata.hypervisor || VM_STEPS[finding.rule] === undefined) return registry;
		return {
			...registry,
			next_steps: withVmStep(registry.next_steps, finding, metadata.hypervisor)
		};
	}
	return {
		meaning: 'The kernel reported this condition.',
		causes: [{ kind: 'kernel', text: 'See the evidence lines.' }],
		next_steps: ['Search for the message text in the kernel documentation and mailing lists.'],
		references: ['https://docs.kernel.org/']
	};
}
