import type { Finding } from '../models/finding.ts';
import { groupDigits, kibText } from '../util/text.ts';

type F = Omit<Finding, 'explanation'>;

/** x86's pages are 4 KiB (other architectures may use 16 or 64 KiB) */
const FOUR_KIB = /^(?:x86_64|i[3-6]86|x86)$/;

/**
 * The largest task of the OOM report's task list before a panic_on_oom panic (details
 * `largest_task` …, crash/index.ts oomTaskFacts), in a sentence, or null. The list's largest by
 * resident memory, which is what the OOM killer would mostly have chosen, but the panic chose
 * nothing: it says the largest, not a victim.
 */
export function oomTaskNote(f: F, arch: string | null): string | null {
	const d = f.details;
	if (f.rule !== 'crash.oom-panic' || typeof d.largest_task !== 'string') return null;
	const rss = Number(d.largest_task_rss_pages);
	const swap = typeof d.largest_task_swap_entries === 'number' ? d.largest_task_swap_entries : null;
	const x86 = arch !== null && FOUR_KIB.test(arch);
	// pages of 4 KiB in words (`2.1 GiB`, `512 MiB`)
	const size = (n: number) => (x86 ? `, ${kibText(n * 4)}` : '');
	const tasks = Number(d.tasks_listed);
	const cut =
		d.task_list_whole === true
			? ''
			: ' The log starts within the list (its header line is not in it): a larger task may be in the part not logged.';
	const swapped =
		swap === null || swap === 0
			? ''
			: ` and ${groupDigits(swap)} pages in swap (\`swapents\`${size(swap)})`;
	const thread =
		typeof d.comm === 'string' &&
		d.comm === d.largest_task &&
		typeof d.pid === 'number' &&
		d.pid !== d.largest_task_pid
			? ` The task that asked for memory when none was left (the \`CPU:\` line, pid ${d.pid}) has the same name: most likely one of its threads (the list shows processes, by their main thread’s pid).`
			: '';
	return `Here the task list’s largest by resident memory is \`${d.largest_task}\` (pid ${d.largest_task_pid}), of the ${groupDigits(tasks)} tasks listed: ${groupDigits(rss)} pages resident (\`rss\`${size(rss)})${swapped}.${cut}${thread}`;
}

/**
 * A network device still referenced (details `device`, `usage_count`: crash/details.ts
 * netdevWait), in sentences: the device, the references left, and what the wait holds up.
 */
export function netdevNote(f: F): string | null {
	const d = f.details;
	if (f.rule !== 'crash.netdev-refcount' || typeof d.device !== 'string') return null;
	const n = typeof d.usage_count === 'number' ? d.usage_count : null;
	const refs =
		n === null
			? ''
			: ` with ${n} reference${n === 1 ? '' : 's'} still held (\`Usage count = ${n}\`)`;
	const what =
		d.device === 'lo'
			? 'the loopback device of a network namespace being deleted, most often a container’s (the machine’s own `lo` goes only at shutdown): the namespace, and the memory it holds, cannot be freed while it waits, and the kernel’s cleanup of later namespaces waits behind it; on kernels before 4.16 (RHEL 7’s 3.10 among them) that cleanup holds the lock every new network namespace needs, so starting a container (`docker run`) or `ip netns add` hangs too (`copy_net_ns` in a hung task’s trace)'
			: 'an interface being removed (a container’s veth, a tunnel or VPN interface deleted, a USB adapter unplugged, a driver unloaded): the task removing it (`ip link del`, `rmmod`, the container runtime, the kernel’s namespace cleanup) waits, and with it whatever waits for that task';
	return `Here the device is \`${d.device}\`${refs}: ${what}. The kernel prints the line again every 10 seconds while it waits: lines that stop while the log goes on mean the last reference was dropped late and the removal finished (a slow release, such as sockets of the namespace that were still closing); lines to the end of the log mean a reference that is never dropped, which only a reboot clears.`;
}

/** the MMIO read functions of lib/iomap.c, and the value a read of a device that does not answer gives */
const IOREAD = /^ioread(8|16|32)(?:be)?\+/;
const ALL_ONES: Record<string, string> = { '8': 'ff', '16': 'ffff', '32': 'ffffffff' };

/** The width of the MMIO read a report stopped in with all ones in EAX/RAX, or null. */
function allOnesRead(f: F): string | null {
	const at = f.stack?.fault_location ?? '';
	const m = IOREAD.exec(at);
	if (m === null) return null;
	const ones = ALL_ONES[m[1]];
	const registers = Array.isArray(f.details.registers) ? f.details.registers : [];
	for (const r of registers) {
		const v = /\b[ER]AX: ([0-9a-f]{8,16})\b/.exec(r);
		if (v === null) continue;
		return /^0*$/.test(v[1].slice(0, v[1].length - ones.length)) && v[1].endsWith(ones)
			? m[1]
			: null;
	}
	return null;
}

/**
 * A report that stopped in `ioread32` (or 16, 8) with all ones in EAX/RAX, the value it returns:
 * a device that did not answer (abrt-oops1-module-nouveau.log: nouveau's soft lockup, `EAX:
 * ffffffff`, in a connector probe of X), in a sentence, or null.
 */
export function deviceGoneNote(f: F): string | null {
	const bits = allOnesRead(f);
	if (bits === null) return null;
	const reg = (f.details.registers as string[]).some((r) => /\bRAX: /.test(r)) ? 'RAX' : 'EAX';
	const nouveau = f.stack?.frames.some((x) => /^(?:nouveau|nvkm)_timer_wait/.test(x.function))
		? ' nouveau’s wait (`nouveau_timer_wait_eq`) measures its timeout with the GPU’s own timer, which reads all ones as well and never advances, so the wait never times out: the CPU loops until the watchdog reports it.'
		: '';
	return `Here the CPU was in \`ioread${bits}\`, reading a device’s register, and ${reg} holds ${ALL_ONES[bits]}, all ones, most likely the value it read: what a read returns when the device does not answer, because it is powered down (runtime power management, a laptop’s second GPU switched off), held in reset, or gone from the bus. A driver that waits for a register to change then waits for a device that is not there.${nouveau}`;
}

/** The step for a report that read all ones from a device (deviceGoneNote), or null. */
export function deviceGoneStep(f: F): string | null {
	if (allOnesRead(f) === null) return null;
	return 'See whether the device was powered down or gone when this happened: `lspci -nn` (a device off the bus shows `rev ff`, and `lspci -vvv -s <address>` `Unknown header type 7f`), its power state in `/sys/bus/pci/devices/<address>/power/runtime_status`; on a laptop with two GPUs, whether the second one was switched off (`cat /sys/kernel/debug/vgaswitcheroo/switch`, bbswitch or a vendor tool) while a program still asked it about its outputs.';
}

/**
 * A register that holds text in a report without a faulting address (details `register_as_text`,
 * `text_register`: crash/memory-facts.ts registerAsText), in a sentence, or null.
 */
export function registerTextNote(f: F): string | null {
	const t = f.details.register_as_text;
	const r = f.details.text_register;
	if (typeof t !== 'string' || typeof r !== 'string') return null;
	return `A general protection fault prints no faulting address, but the faulting instruction (the \`Code:\` line’s bytes from \`<…>\`) addresses memory through ${r}, and ${r} holds 8 bytes that read as ASCII text, “${t}” (in memory order): never a valid address (not canonical), so the fault is a string’s bytes taken as a pointer: a pointer overwritten by text, or text passed where a pointer was expected; look for where that text comes from.`;
}

/**
 * A sysfs write whose store removed its own file (details `sysfs_store`, `sysfs_removal_by`,
 * `lock`: crash/details.ts sysfsSelfRemoval), in a sentence naming the functions, or null.
 */
export function sysfsSelfRemovalNote(f: F): string | null {
	const d = f.details;
	if (f.rule !== 'crash.lockdep' || typeof d.sysfs_store !== 'string') return null;
	const store = `\`${d.sysfs_store}\``;
	const by =
		typeof d.sysfs_removal_by === 'string' && d.sysfs_removal_by !== d.sysfs_store
			? `\`${d.sysfs_removal_by}\``
			: null;
	const task = typeof d.comm === 'string' ? `\`${d.comm}\`’s write` : 'the write';
	const how =
		by === null
			? 'removed sysfs files of its own object'
			: `called ${by}, which dropped the last reference of its object and so removed the object’s sysfs directory`;
	return `Here ${task} went to an attribute whose store function ${store} ${how}, with a file of the class being written in it (\`${d.lock}\` on both lines of the report). The bug is in ${by === null ? store : `${store} and ${by}`}, not in sysfs.`;
}

/**
 * The faulting address a paging fault's header names: x86's `unable to handle kernel paging
 * request at 0000000000012e0`, arm's `… at virtual address 000012e0`, powerpc's (before 5.0)
 * `Unable to handle kernel paging request for data at address 0x000012e0` (or `for instruction
 * fetch`, `for unknown`)
 */
const PAGING_ADDRESS =
	/unable to handle kernel paging request (?:at (?:virtual address )?|for (?:data|instruction fetch|unknown) at address )(?:0x)?([0-9a-f]{8,16})\b/i;

/** below this the kernel never maps anything (64 KiB, mmap_min_addr's largest default) */
const LOW_ADDRESS = 0x10000;

/**
 * A paging fault at an address in the first 64 KiB, in a sentence: a NULL pointer plus an offset
 * (abrt-oops9-ppc64.log: powerpc's 3.10 `for data at address 0x000012e0` in ipr's error
 * handler, which powerpc kernels before 5.0 do not call a NULL pointer dereference); or at one of
 * the last 4095 addresses, -1 to -4095: an error code used as a pointer, or a NULL pointer minus
 * an offset (crash-dmesg-vmcore-dmesg-txt.log: RHEL 6's `paging request at ffffffffffffffe0`, -32,
 * in `__purge_vmap_area_lazy`). Null otherwise.
 */
export function lowAddressNote(f: F): string | null {
	if (f.rule !== 'crash.paging-fault') return null;
	for (const e of f.evidence.slice(0, 8)) {
		const m = PAGING_ADDRESS.exec(e.text);
		if (m === null) continue;
		const at = BigInt(`0x${m[1]}`);
		if (at < BigInt(LOW_ADDRESS)) {
			const off = `0x${at.toString(16)}`;
			return `Here the address is ${off}, in the first 64 KiB, where nothing is ever mapped: most likely a NULL pointer plus an offset, a field ${off} bytes into a structure (or an element of an array) reached through a pointer that was NULL. Look for which pointer the faulting function follows there that can be NULL at that moment (an object not set up yet, or already torn down).`;
		}
		const top = (1n << BigInt(m[1].length * 4)) - 1n;
		const below = top - at + 1n;
		if (below > 4095n) return null;
		return `Here the address is -${below} (${m[1]}), one of the last 4095 addresses, which are never mapped: either an error code taken for a pointer (the kernel returns errors as pointers, \`ERR_PTR(-${below})\`, which a caller must check with \`IS_ERR()\` before using) or a NULL pointer minus an offset (a structure reached back from a NULL pointer to one of its members, \`container_of\`, as a list walk does). Look for the pointer the faulting function follows there: a return value not checked for an error, or a list or tree whose pointer was NULL or cleared.`;
	}
	return null;
}

/**
 * The program that asked for a Wi-Fi device's regulatory domain too early (the report's `comm`:
 * crash.wifi-regdomain-early), in a sentence, or null.
 */
export function regdomainAskerNote(f: F): string | null {
	if (f.rule !== 'crash.wifi-regdomain-early' || typeof f.details.comm !== 'string') return null;
	const pid = typeof f.details.pid === 'number' ? ` (pid ${f.details.pid})` : '';
	return `Here the program that asked was \`${f.details.comm}\`${pid}, the report’s \`Comm:\`.`;
}

/** a driver letting go of its PCI device as the device is removed */
const PCI_REMOVAL =
	/^(?:pci_device_remove|pci_stop_and_remove_bus_device(?:_locked)?|pci_stop_bus_device)$/;
/** the removal started by ACPI hotplug finding the device gone (acpiphp's bus check) */
const ACPI_HOTPLUG = /^(?:trim_stale_devices|hotplug_event|acpiphp_\w+)$/;

/**
 * A report printed while a driver let go of its PCI device as the device was removed
 * (abrt-1-oops.log: radeon's `trying to unbind memory from uninitialized GART !` WARN under
 * `radeon_pci_remove` ← `pci_device_remove` ← … ← `trim_stale_devices` ← `acpiphp_check_bridge`,
 * an HP G62's discrete GPU removed by ACPI hotplug), in a sentence, or null.
 */
export function pciRemovalNote(f: F): string | null {
	const frames = (f.stack?.frames ?? []).filter((x) => x.reliable);
	if (!frames.some((x) => PCI_REMOVAL.test(x.function))) return null;
	const acpi = frames.some((x) => ACPI_HOTPLUG.test(x.function))
		? ', and the removal came from ACPI hotplug (`acpiphp`, `trim_stale_devices` in the trace): the firmware reported the device gone from its slot, as when a laptop’s second GPU is powered off by the firmware or a dock or external device goes away'
		: '';
	return `Here the report came as the driver let go of its PCI device while the device was being removed (\`pci_device_remove\` in the trace)${acpi}. The driver’s teardown met a state it did not expect (most often a device that was never fully set up, or was already off); what it affects goes away with the device. If the device should not have gone, look at why it was removed (the lines before the report), not at this warning.`;
}

/** the W+X check's walk of the kernel's page tables (CONFIG_DEBUG_WX), x86 before and after 5.6 */
const WX_CHECK = /^(?:ptdump_walk_pgd_level_checkwx|ptdump_check_wx|debug_checkwx)$/;

/**
 * An RCU stall or soft lockup whose stalled task was running the boot's W+X check (lkp-57.log:
 * `ptdump_walk_pgd_level_checkwx` ← `mark_rodata_ro` ← `kernel_init` on a QEMU guest with KASAN,
 * 4.8-rc1, then rcu_perf_writer hung in synchronize_rcu), in a sentence, or null.
 */
export function wxCheckStallNote(f: F): string | null {
	if (f.rule !== 'crash.rcu-stall' && f.rule !== 'crash.soft-lockup') return null;
	const frames = (f.stack?.frames ?? []).filter((x) => x.reliable);
	if (!frames.some((x) => WX_CHECK.test(x.function))) return null;
	return 'Here the stalled CPU was running the check for memory both writable and executable (W+X) that CONFIG_DEBUG_WX makes at the end of boot (`ptdump_walk_pgd_level_checkwx` under `mark_rodata_ro` in the trace): it walks every kernel page table in one go, without a pause for RCU. The walk is slow where the page tables are large, most of all with KASAN, whose shadow maps terabytes of address space (kernels since 2017 skip the shadow’s repeated entries in this check), and on an emulated machine (QEMU without KVM): a known cost of debugging options, not a kernel loop. Tasks that waited for an RCU grace period meanwhile (hung in `synchronize_rcu`) are its consequence; the boot goes on once the check is done.';
}
