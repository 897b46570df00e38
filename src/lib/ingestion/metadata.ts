import { emptyMetadata, type LogMetadata } from '../models/metadata.ts';
import {
	decodeTaint,
	hungTaskTaint,
	lockdepIdentTaint,
	parenTaint,
	taintFromCpuLine
} from '../util/taint.ts';
import { codeAt, detach, kibText } from '../util/text.ts';
import { dmiMachine, squeezeSpaces } from '../util/dmi.ts';
import { rootHubRelease } from './year.ts';

const MAX_MODULES = 500;
/** ARM __show_regs before 3.x: `CPU: 0    Not tainted  (3.0.8 #1)`, `CPU: 3    Tainted: G  W  (…)` */
const OLD_ARM_CPU_LINE = /^CPU: \d+ +(?:Not tainted|Tainted: )/;
/**
 * entry and start-up code of one x86 architecture only: arch/x86/entry/entry_64.S, head64.c (and
 * before 4.2 kernel/entry_64.S), or entry_32.S and head32.c / head_32.S
 */
const ENTRY_FRAME =
	/(?:^|[\s\]])(?:(entry_SYSCALL_64\w*|x86_64_start_kernel|x86_64_start_reservations|system_call_fastpath|retint_user|stub_execve|tracesys|gs_change)|entry_INT80_32|entry_SYSENTER_32|i386_start_kernel|startup_32_smp|sysenter_do_call|syscall_call)\+0x/;
/** a wrapped line of `Modules linked in:`: only module names (with optional taint flags) */
const MODULE_LINE = /^ +[\w-]+(?:\([A-Z]+\))?(?: +[\w-]+(?:\([A-Z]+\))?)* *$/;
/**
 * the same list wrapped onto unindented lines by a bug-reporting tool (abrt, kerneloops wrap an
 * oops at 80 columns): two or more module names, one with `_`, maybe `[last unloaded: x]`. Only
 * after a short line: a list cut at the kernel's 1024-byte line limit goes on mid-word (`… i2`,
 * `c_core video`), which would make two wrong names
 */
const WRAPPED_MODULES =
	/^(?=[^ ]*_|.* [^ ]*_)[\w-]+(?:\([A-Z]+\))?(?: [\w-]+(?:\([A-Z]+\))?)+(?: \[last unloaded: [\w-]+\])? *$/;

/**
 * The rest of a `Linux version` banner without its builder, the `(user@host)` after the release:
 * the host is the machine that compiled the kernel, not the one that runs it (Ubuntu builds its
 * armhf raspi2 kernels on `bos02-arm64-051`, and had read as arm64 until the boot CPU's `ARMv7
 * Processor` line said arm). The first parenthesised field is the builder only when it holds an
 * `@` (`(debian-kernel@lists.debian.org)`); otherwise it is the compiler and is kept.
 */
function withoutBuilder(rest: string): string {
	const b = bannerBuilder(rest);
	return b === null ? rest : rest.slice(0, b.open) + rest.slice(b.close + 1);
}

/**
 * Where a `Linux version` banner (or its rest after `Linux version `) names its builder, the first
 * parenthesised field when it holds an `@`: ` (alice@host1)` from `open` (its space) to `close`
 * (its `)`), the `@` at `at`; null when the banner names none (see withoutBuilder).
 */
export function bannerBuilder(text: string): { open: number; at: number; close: number } | null {
	const open = text.indexOf(' (');
	if (open === -1) return null;
	const close = text.indexOf(')', open);
	if (close === -1) return null;
	const at = text.indexOf('@', open);
	if (at === -1 || at > close) return null;
	return { open, at, close };
}

/**
 * A weak sign of the architecture in the rest of a `Linux version` banner (weight 1: any line
 * that one architecture prints outweighs it): the compiler's target (`armv7-alpine-linux-
 * musleabihf-gcc`, `riscv64-unknown-linux-gnu-gcc`) or the release, never the builder
 * `(user@host)` (see withoutBuilder). A name of x86 or of a release built for every architecture
 * gives nothing. Not the same reading as archFromRelease (the release alone, x86 included, used
 * only when no line named an architecture): on the 59 distinct banners of the real and syzkaller
 * logs the two disagree on 15 (Fedora's `4.2.3-300.fc23.x86_64` is x86_64 there, nothing here;
 * an Alpine armv7 compiler is arm here, nothing there), so they stay two.
 */
function archFromVersion(rest: string): string | null {
	const v = withoutBuilder(rest);
	if (/x86_64|amd64|\.el\d+\.x86|-generic|-arch\d|-zen|-liquorix/.test(v)) return null; // version alone is weak
	if (/aarch64|arm64/.test(v)) return 'arm64';
	if (/armv7|armhf|-armmp/.test(v)) return 'arm';
	if (/riscv/.test(v)) return 'riscv64';
	if (/s390x/.test(v)) return 's390x';
	if (/ppc64/.test(v)) return 'powerpc64';
	return null;
}

/** loongarch's show_regs() (arch/loongarch/kernel/traps.c): `pc <era> ra <ra> tp <tp> sp <sp>` */
const LOONGARCH_PC = /^pc [0-9a-f]{16} ra [0-9a-f]{16} tp /;

const RELEASE_ARCH: Readonly<Record<string, string>> = {
	x86_64: 'x86_64',
	amd64: 'x86_64',
	i386: 'i386',
	i486: 'i386',
	i586: 'i386',
	i686: 'i386',
	'686': 'i386',
	aarch64: 'arm64',
	arm64: 'arm64',
	armv7hl: 'arm',
	armmp: 'arm',
	ppc64le: 'powerpc64',
	ppc64: 'powerpc64',
	s390x: 's390x',
	riscv64: 'riscv64'
};

/**
 * The architecture a distribution's kernel release names, or null (see archFromVersion for the
 * banner's weaker sign): RPM kernels end in their
 * package's architecture (`2.6.32-19.el6.x86_64`, `2.6.35.6-45.fc14.i686.PAE`,
 * `5.14.0-70.el9.aarch64`), Debian's flavour names it (`6.1.0-9-amd64`, `4.19.0-16-686-pae`,
 * `5.10.0-8-armmp-lpae`). Ubuntu's `-generic` is built for every architecture and says nothing.
 */
export function archFromRelease(release: string): string | null {
	const m =
		/[.-](x86_64|amd64|i[3-6]86|686|aarch64|arm64|armv7hl|armmp|ppc64le|ppc64|s390x|riscv64)\b/.exec(
			release
		);
	return m === null ? null : RELEASE_ARCH[m[1]];
}

/**
 * powerpc die(): `[BL]E PAGE_SIZE=64K MMU=Hash PREEMPT SMP NR_CPUS=2048 DEBUG_PAGEALLOC NUMA pSeries`
 * (arch/powerpc/kernel/traps.c, v2.6.22 to v6.x): the platform is what follows the options
 */
const PPC_DIE =
	/^(?:[BL]E PAGE_SIZE=\d+K )?(?:MMU=\w+ )?(?:PREEMPT(?:_\w+)? )?(?:SMP NR_CPUS=\d+ )?(?:DEBUG_PAGEALLOC )?(?:NUMA )?([A-Za-z][\w ,.-]*)$/;

/**
 * Virtual machines by the DMI string the firmware gives them (`DMI:` at boot, `Hardware name:` in
 * oops reports: `vendor product/board`), with the name the report gives the hypervisor. QEMU's
 * SeaBIOS says `Bochs` unless the machine type sets a vendor; the QEMU `virt` board of arm64
 * guests is `linux,dummy-virt`.
 */
const VM_PRODUCTS: ReadonlyArray<readonly [RegExp, string]> = [
	[/^Google Google Compute Engine\b/, 'Google Compute Engine'],
	[/^Amazon EC2\b/, 'Amazon EC2'],
	[/^(?:innotek GmbH )?VirtualBox\b/, 'VirtualBox'],
	[/^VMware, Inc\. VMware|^VMware Virtual Platform/, 'VMware'],
	[/^Microsoft Corporation Virtual Machine\b/, 'Microsoft Hyper-V'],
	[/^QEMU\b|^linux,dummy-virt\b/, 'QEMU'],
	[/^Bochs\b/, 'Bochs'],
	[/^Xen HVM domU\b/, 'Xen HVM'],
	[/^Parallels\b/, 'Parallels'],
	[/^OpenStack Foundation OpenStack Nova\b/, 'OpenStack Nova'],
	[/^ChromiumOS crosvm\b/, 'crosvm'],
	[/^(?:Red Hat )?KVM\b/, 'KVM']
];

/** the hypervisor a DMI string names (VM_PRODUCTS), or null for a physical machine */
export function hypervisorFromDmi(dmi: string): string | null {
	const s = dmi.trim();
	for (const [re, name] of VM_PRODUCTS) if (re.test(s)) return name;
	return null;
}

/**
 * The hypervisor a kernel line names: `Hypervisor detected: KVM` (arch/x86/kernel/cpu/hypervisor.c:
 * `KVM`, `VMware`, `Microsoft Hyper-V`, `Xen HVM`, `Xen PV`, `ACRN`, `Jailhouse`) or `Booting
 * paravirtualized kernel on KVM` (`bare hardware` on a physical machine); else null.
 */
export function hypervisorFromLine(text: string): string | null {
	const m =
		/^(?:Hypervisor detected: |Booting paravirtualized kernel on )([A-Za-z][\w .-]{0,39}?)\s*$/.exec(
			text
		);
	if (m === null || m[1] === 'bare hardware') return null;
	return m[1];
}

/** ARM Ltd CPU part numbers (MIDR bits 15:4) of common cores, for `AArch64 Processor [410fd034]`. */
const ARM_PARTS: Record<string, string> = {
	c05: 'Cortex-A5',
	c07: 'Cortex-A7',
	c08: 'Cortex-A8',
	c09: 'Cortex-A9',
	c0d: 'Cortex-A12',
	c0e: 'Cortex-A17',
	c0f: 'Cortex-A15',
	d03: 'Cortex-A53',
	d04: 'Cortex-A35',
	d05: 'Cortex-A55',
	d07: 'Cortex-A57',
	d08: 'Cortex-A72',
	d09: 'Cortex-A73',
	d0a: 'Cortex-A75',
	d0b: 'Cortex-A76',
	d0c: 'Neoverse-N1',
	d0d: 'Cortex-A77',
	d40: 'Neoverse-V1',
	d41: 'Cortex-A78',
	d44: 'Cortex-X1',
	d46: 'Cortex-A510',
	d47: 'Cortex-A710',
	d49: 'Neoverse-N2',
	d4f: 'Neoverse-V2',
	d80: 'Cortex-A520',
	d81: 'Cortex-A720',
	d82: 'Cortex-X4'
};

/** MIDR (implementer 0x41 = ARM, variant, architecture 0xf, part number, revision) in brackets */
const AARCH64_MIDR = /\[(41[0-9a-f]f([cd][0-9a-f]{2})[0-9a-f])\]/;
const BOOT_MIDR = /\[0x(41[0-9a-f]f(d[0-9a-f]{2})[0-9a-f])\]$/;

/**
 * The ARM Ltd core (ARM_PARTS) of the MIDR that `re` finds in `s` (group 1 the MIDR, group 2 its
 * part number), with that MIDR; null when there is none or its part is not in the table.
 */
function armCore(s: string, re: RegExp): { core: string; midr: string } | null {
	const m = re.exec(s);
	const core = m ? ARM_PARTS[m[2]] : undefined;
	return m && core ? { core, midr: m[1] } : null;
}

/**
 * `AArch64 Processor [410fd034] revision 4` -> the same, with the ARM core it names when known;
 * also 32-bit ARM's `ARMv7 Processor [410fc073] revision 3 (ARMv7)`.
 */
function aarch64Cpu(s: string): string {
	const a = armCore(s, AARCH64_MIDR);
	return a ? `${s} (ARM ${a.core})` : s;
}

/**
 * arm64 since 4.x: `Booting Linux on physical CPU 0x0000000000 [0x410fd081]` (the boot CPU's MIDR)
 * -> `ARM Cortex-A72 (MIDR 0x410fd081)` for an ARM Ltd core of the table, else null.
 */
function midrCpu(text: string): string | null {
	const a = armCore(text, BOOT_MIDR);
	return a ? `ARM ${a.core} (MIDR 0x${a.midr})` : null;
}

/**
 * the taint letter a module-loading message sets (kernel/module/main.c), or one of the kernel's
 * own messages that taints: `Setting dangerous option i915.enable_guc - tainting kernel`
 * (kernel/params.c, param_check_unsafe: TAINT_USER); else ''
 */
/** the order in which the kernel prints taint letters (kernel/panic.c taint_flags, v6.15) */
const TAINT_ORDER = 'PFSRMBUDAWCIOELKXTNJ';

function moduleTaintLetter(text: string): string {
	if (text.endsWith(': loading out-of-tree module taints kernel.')) return 'O';
	if (text.endsWith(' taints kernel.') && text.indexOf(': module license ') !== -1) return 'P';
	if (text.endsWith(' - tainting kernel')) {
		if (text.indexOf(': module verification failed') !== -1) return 'E';
		if (text.startsWith('Setting dangerous option ')) return 'U';
	}
	if (
		text.endsWith(
			': module is from the staging directory, the quality is unknown, you have been warned.'
		)
	)
		return 'C';
	return '';
}

/**
 * `Pid: 21321, comm: libvirtd Not tainted 2.6.32-642.el6.x86_64 #1 Dell Inc. PowerEdge R730xd/0WCJNT`
 * (x86 show_regs before 3.x): taint letters, kernel release and DMI vendor/product (`hardware`,
 * placeholders dropped; `machine`, as printed).
 */
export function pidLine(
	text: string
): { taint: string | null; version: string; hardware: string; machine: string } | null {
	let at = text.indexOf(' Not tainted ');
	let taint: string | null = null;
	let rest: string;
	if (at !== -1) rest = text.slice(at + 13);
	else {
		at = text.indexOf(' Tainted: ');
		if (at === -1) return null;
		let end = at + 10;
		while (end < text.length && /[A-Z -]/.test(text[end])) end++;
		taint = text.slice(at + 10, end).trim() || null;
		rest = text.slice(end);
	}
	const m = /^ *(\d+\.\d\S*) #\S+(?: (.*))?$/.exec(rest);
	if (!m) return null;
	const machine = (m[2] ?? '').trim();
	return { taint, version: m[1], hardware: dmiMachine(machine), machine };
}

/** the release after `Tainted:`/`Not tainted` on an oops's `CPU: 1 PID: 0 Comm: …` line, or null */
function cpuLineRelease(text: string): string | null {
	const nt = text.indexOf('ainted');
	return nt === -1 ? null : (/ (\d+\.\d\S*)/.exec(text.slice(nt))?.[1] ?? null);
}

/**
 * The kernel release an oops's identity line names, as the collector reads it (lineUpperC,
 * lineUpperP): `CPU: 1 PID: 0 Comm: swapper/1 Tainted: G        W I     4.10.0-rc3-00259-g9881b02 #1`
 * or x86's old `Pid: 4008, comm: rm Not tainted 2.6.38.6-27.fc15.i686 #1 …`; null for another
 * line. For the tracker's look at a dmesg whose time jumped (heldNames), not per line.
 */
export function identityRelease(text: string): string | null {
	if (text.startsWith('CPU: ')) return / PID: \d+ /.test(text) ? cpuLineRelease(text) : null;
	if (text.startsWith('Pid: ')) return pidLine(text)?.version ?? null;
	return null;
}

/**
 * Is `next` the last word of a machine name that a capture wrapped at 80 columns moved off a
 * line of `length` characters: one word of a DMI name (no space, no `:`), and too long to have
 * fitted after it? abrt's koops file (`abrt-koops-tainted-bg1.log`, 2.6.38) prints
 * `Pid: 4008, comm: rm Tainted: G    B       2.6.38.6-27.fc15.i686 #1 ECS` and on the next line
 * `662/1066T-M2/662/1066T-M2`, the product and board of an ECS board: the machine had been `ECS`.
 */
export function wrappedMachine(length: number, next: string): boolean {
	return length + 1 + next.length > 80 && next.length <= 64 && DMI_WORD.test(next);
}
const DMI_WORD = /^[.()/-]*\w[\w.()/-]*$/;

/**
 * Collects what a log says about the machine: kernel version, command line, hardware, CPU,
 * memory, modules, taint, architecture. Every check starts with a cheap prefix test.
 */
type LineCheck = (this: MetadataCollector, text: string, boot: number) => void;

/**
 * The host name in systemd's `systemd[1]: Set hostname to <host1>.` (`Hostname set to <host1>.`
 * since systemd 246), lower case; '' for another line or `localhost` (an initramfs's).
 */
function hostnameSet(text: string): string {
	const open = text.indexOf(' <', 12);
	if (open === -1 || !text.endsWith('>.')) return '';
	const verb = text.slice(12, open);
	if (verb !== 'Set hostname to' && verb !== 'Hostname set to') return '';
	const host = text.slice(open + 2, -2).toLowerCase();
	return host === '' || host.startsWith('localhost') ? '' : host;
}

export class MetadataCollector {
	readonly meta: LogMetadata = emptyMetadata();
	private archWeight = 0;
	/** kernel version of each boot, by boot index: its `Linux version` banner's */
	readonly bootVersions = new Map<number, string>();
	/**
	 * the rest of each boot's `Linux version` banner (builder, compiler, build number), by boot
	 * index: who built that boot's kernel when its release does not say (ChromeOS, Kali)
	 */
	readonly bootBuilds = new Map<number, string>();
	/**
	 * the host name systemd gave each boot's machine (`systemd[1]: Set hostname to <host1>.`, the
	 * latest of the boot's; not `localhost`, which an initramfs sets before the real one), by
	 * boot index: which machine a dmesg is of (see the tracker's syslogAfterDmesg)
	 */
	readonly bootHosts = new Map<number, string>();
	/**
	 * the hypervisor each boot's own lines name, with the weight of the kind of line that named it
	 * (hypervisorWeight), by boot index: a log joined from several machines has a virtual
	 * machine's boots beside others (Boot.hypervisor)
	 */
	readonly bootHypervisors = new Map<number, { name: string; weight: number }>();
	/**
	 * the boots whose own lines show a physical machine (Boot.physical): a DMI line naming no
	 * virtual machine, an early microcode update (a guest's kernel loads none), a CPU's thermal
	 * throttling, a machine check
	 */
	readonly bootPhysical = new Set<number>();
	/** the boot of the line being read (observe) */
	private boot = 0;
	/**
	 * the first kernel version another line of each boot names (an oops line's `CPU: 0 PID: 1
	 * Comm: x Not tainted 5.4.0 #1`, x86's old `Pid:` line, lockdep's identity line, a USB root
	 * hub's manufacturer string, …), by boot index: the boot's kernel when the log lacks its
	 * banner (a vmcore-dmesg whose start was overwritten, a dmesg whose start was lost)
	 */
	readonly oopsVersions = new Map<number, string>();
	private modulesSeen = new Set<string>();
	private inModules = false;
	/** the length of the last line of the `Modules linked in:` list */
	private modulesLineLength = 0;
	/** the taint was read from a `Tainted:` field (authoritative) */
	private taintRead = false;
	/** taint letters set by module-loading messages, when no `Tainted:` field was read */
	private moduleTaints = '';
	/** the previous line was a hung-task header (`INFO: task … blocked for more than N seconds.`) */
	private afterHungTask = false;
	/**
	 * the length of the `Pid:` or `Hardware name:` line just read when it named the machine and
	 * ended with it, else 0: a capture wrapped at 80 columns may carry the name's last word on the
	 * next line (wrappedMachine)
	 */
	private machineLine = 0;
	/** the CPU was named from the boot line's MIDR only: a `CPU: AArch64 Processor` line says more */
	private cpuFromMidr = false;
	/** the machine was named only by powerpc's platform (`pSeries`): a `Hardware name:` says more */
	private hardwareFromPlatform = false;
	/**
	 * how the hypervisor was named: 1 KVM's paravirtual clock (kvmClock), 2 `Booting paravirtualized
	 * kernel on`, 3 `Hypervisor detected:`, 4 a DMI product (it names the platform: VirtualBox and
	 * GCE guests say `KVM` too)
	 */
	private hypervisorWeight = 0;

	/**
	 * `CPU: AArch64 Processor [410fd034] revision 4` (`Boot CPU: …` on newer kernels): it names the
	 * CPU better than the boot line's MIDR, and the boot CPU's own statement outweighs a 32-bit
	 * task's `PC is at` later.
	 */
	private aarch64Cpu(rest: string): void {
		if (this.cpuFromMidr) this.meta.cpu = null;
		this.cpuFromMidr = false;
		this.meta.cpu ??= aarch64Cpu(rest.trim());
		this.setArch('arm64', 5);
	}

	/**
	 * At the end: when no line showed the architecture (an oops excerpt without registers, a log
	 * of a boot's later part), the kernel release may name it.
	 */
	archFromReleases(): void {
		const m = this.meta;
		if (m.arch !== null) return;
		for (const v of [m.latest_kernel_version, m.kernel_version]) {
			const a = v === null ? null : archFromRelease(v);
			if (a !== null) {
				m.arch = a;
				return;
			}
		}
	}

	/** a kernel version a line of boot `boot` other than its banner names */
	private oopsVersion(version: string, boot: number): void {
		if (this.oopsVersions.has(boot)) return;
		const v = detach(version);
		this.oopsVersions.set(boot, v);
		this.meta.kernel_version ??= v;
	}

	private setArch(arch: string, weight: number): void {
		if (weight > this.archWeight) {
			this.meta.arch = arch;
			this.archWeight = weight;
		}
	}

	/** the checks of lines by their first character (char code < 128) */
	static checks(): (LineCheck | undefined)[] {
		const p = MetadataCollector.prototype;
		const byLetter: Record<string, LineCheck> = {
			I: p.lineUpperI,
			L: p.lineUpperL,
			C: p.lineUpperC,
			K: p.lineUpperK,
			D: p.lineUpperD,
			H: p.lineUpperH,
			M: p.lineUpperM,
			T: p.lineUpperT,
			O: p.lineUpperO,
			R: p.lineUpperR,
			E: p.lineUpperE,
			p: p.lineLowerP,
			P: p.lineUpperP,
			N: p.lineUpperN,
			B: p.lineUpperB,
			s: p.lineLowerS,
			c: p.lineLowerC,
			k: p.lineLowerK,
			S: p.lineUpperS,
			e: p.lineLowerE,
			r: p.lineLowerR,
			x: p.lineLowerX,
			m: p.lineLowerM,
			u: p.lineLowerU,
			W: p.lineUpperW
		};
		const t = new Array<LineCheck | undefined>(128).fill(undefined);
		for (const [letter, check] of Object.entries(byLetter)) t[letter.charCodeAt(0)] = check;
		for (let d = 48; d <= 57; d++) t[d] = p.lineDigit;
		t[32] = p.lineFrame;
		t[91] = p.lineFrame;
		return t;
	}

	observe(text: string, boot: number): void {
		const m = this.meta;
		this.boot = boot;
		const c = codeAt(text, 0);
		if (this.afterHungTask) {
			this.afterHungTask = false;
			if (c === 32) this.hungTaskLine(text, boot);
		}
		if (this.machineLine !== 0) {
			const n = this.machineLine;
			this.machineLine = 0;
			if (wrappedMachine(n, text)) {
				m.hardware = detach(`${m.hardware} ${text}`);
				return;
			}
		}
		if (this.inModules) {
			// `Modules linked in:` wraps onto indented lines of module names
			if (
				c === 32
					? MODULE_LINE.test(text)
					: this.modulesLineLength <= 100 && WRAPPED_MODULES.test(text)
			) {
				this.moduleLine(text, text);
				return;
			}
			this.inModules = false;
		}
		// `wl: module license 'MIXED/Proprietary' taints kernel.`: any first letter, so by the end
		// two character tests first: `…l.` (taints kernel.), `…d.` (warned.), `…el` (tainting kernel)
		const n = text.length;
		const last = n > 1 ? codeAt(text, n - 1) : 0;
		const prev = n > 1 ? codeAt(text, n - 2) : 0;
		if (
			(last === 46 /* . */
				? prev === 108 /* l */ || prev === 100 /* d */
				: last === 108 && prev === 101) &&
			!this.taintRead
		) {
			const letter = moduleTaintLetter(text);
			if (letter !== '' && this.moduleTaints.indexOf(letter) === -1) {
				// in the kernel's own order (print_tainted): `POE`, not the order of the messages
				this.moduleTaints = [...this.moduleTaints, letter]
					.sort((a, b) => TAINT_ORDER.indexOf(a) - TAINT_ORDER.indexOf(b))
					.join('');
				m.taint = decodeTaint(this.moduleTaints, m.kernel_version);
				m.tainted = true;
				return;
			}
		}
		const check = c >= 0 && c < 128 ? LINE_CHECKS[c] : undefined;
		// a table, not a switch: each check is compiled on its own when its lines are common, and a
		// rare one never makes this per-line function deoptimise and compile again (see ARCHITECTURE)
		if (check !== undefined) check.call(this, text, boot);
	}

	/**
	 * Call-trace lines (starting with a space or `[`), only while nothing named the architecture:
	 * an entry or start-up function that only one x86 architecture has (an oops excerpt without
	 * registers, `Attempted to kill init!` with its trace; `stub_execve`, `tracesys` and
	 * `gs_change` of x86-64's entry_64.S before 4.x in a lockdep report), or arm's frame format
	 */
	private lineFrame(text: string, _boot: number): void {
		if (this.archWeight > 0 || text.indexOf('+0x') === -1) return;
		// arm's unwinder before 3.19: `[<c0014990>] (unwind_backtrace+0x0/0xf4) from [<c005ccb8>] (…)`
		if (text.indexOf(') from [<') !== -1) return this.setArch('arm', 1);
		const m = ENTRY_FRAME.exec(text);
		if (m) this.setArch(m[1] === undefined ? 'i386' : 'x86_64', 1);
	}

	/** lines starting with `I` */
	private lineUpperI(text: string, _boot: number): void {
		if (text.startsWith('INFO: task ') && text.indexOf(' blocked for more than ') !== -1)
			this.afterHungTask = true;
	}

	/**
	 * The line after a hung-task header: `      Not tainted 4.8.0-rc1 #1` or
	 * `      Tainted: G           --L------------    2.6.32-642.el6.x86_64 #1`, the taint and
	 * release as a `CPU:` line prints them.
	 */
	private hungTaskLine(text: string, boot: number): void {
		const h = hungTaskTaint(text);
		if (h === null) return;
		if (h.taint !== null) this.setTaint(h.taint, h.version);
		else this.notTainted();
		this.oopsVersion(h.version, boot);
	}

	/**
	 * lines starting with a digit: lockdep's identity line under its header,
	 * `6.1.0-rc1-syzkaller #0 Not tainted` or `3.4.0 #3257 Tainted: G        W`, the taint and
	 * release as a `CPU:` line prints them
	 */
	private lineDigit(text: string, boot: number): void {
		if (text.indexOf('ainted') === -1) return;
		const l = lockdepIdentTaint(text);
		if (l === null) return;
		if (l.taint !== null) this.setTaint(l.taint, l.version);
		else this.notTainted();
		this.oopsVersion(l.version, boot);
	}

	/**
	 * SLUB's `BUG kmalloc-64 (Tainted: G    B      ): Poison overwritten` and old kernels'
	 * `WARNING: at kernel/foo.c:12 f() (Not tainted)`: the taint in parentheses
	 */
	private parenLine(text: string): void {
		const p = parenTaint(text);
		if (p === null) return;
		if (p.taint !== null) this.setTaint(p.taint);
		else this.notTainted();
	}

	/** lines starting with `W` */
	private lineUpperW(text: string, _boot: number): void {
		if (text.startsWith('WARNING: at ')) this.parenLine(text);
	}

	/** lines starting with `L` */
	private lineUpperL(text: string, boot: number): void {
		const m = this.meta;
		if (text.startsWith('LE PAGE_SIZE=')) this.powerpcPlatform(text);
		else if (text.startsWith('Linux version ')) {
			const rest = text.slice(14);
			const sp = rest.indexOf(' ');
			// detached: kept for every boot, a substring would keep its decoded window alive
			const version = detach(sp === -1 ? rest : rest.slice(0, sp));
			const build = sp === -1 ? null : detach(rest.slice(sp + 1).trim()) || null;
			if (m.kernel_version === null) {
				m.kernel_version = version;
				m.kernel_build = build;
			}
			if (!this.bootVersions.has(boot)) {
				this.bootVersions.set(boot, version);
				if (build !== null) this.bootBuilds.set(boot, build);
			}
			const a = archFromVersion(rest);
			if (a) this.setArch(a, 1);
		}
	}

	/** lines starting with `C` */
	private lineUpperC(text: string, boot: number): void {
		const m = this.meta;
		// a CPU's thermal throttling (`CPU3: Core temperature above threshold, cpu clock throttled`,
		// `Package temperature`): a physical machine's (Boot.physical)
		if (text.startsWith('CPU') && text.indexOf(' temperature above threshold') !== -1)
			this.bootPhysical.add(boot);
		if (m.command_line === null && text.startsWith('Command line: '))
			m.command_line = text.slice(14).trim();
		else if (m.cpu === null && text.startsWith('CPU0: ') && /GHz|stepping/.test(text))
			m.cpu = text
				.slice(6)
				.replace(/ (?:\(fam: |stepping ).*$/, '')
				.trim();
		else if (text.startsWith('CPU: ')) {
			if (/ PID: \d+ /.test(text)) {
				const t = taintFromCpuLine(text);
				const v = cpuLineRelease(text);
				if (t) this.setTaint(t, v ?? undefined);
				else if (text.indexOf(' Not tainted ') !== -1) this.notTainted();
				if (v !== null) this.oopsVersion(v, boot);
			} else if (OLD_ARM_CPU_LINE.test(text)) {
				// ARM __show_regs before 3.x: `CPU: 3    Tainted: G        W     (3.4.0-gff5ac3e #8)`
				const t = taintFromCpuLine(text);
				const v = /\((\d+\.\d\S*) #/.exec(text);
				if (t) this.setTaint(t, v?.[1]);
				else if (text.indexOf(' Not tainted') !== -1) this.notTainted();
				if (v) this.oopsVersion(v[1], boot);
			} else if (m.cpu === null && text.startsWith('CPU: ARM')) {
				m.cpu = aarch64Cpu(text.slice(5).split(',')[0].trim());
				this.setArch('arm', 3);
			} else if (text.startsWith('CPU: AArch64 Processor')) this.aarch64Cpu(text.slice(5));
			else if (m.cpu === null && / stepping [0-9a-f]{2}$/.test(text))
				// x86 before 2.6.24 (print_cpu_info): `CPU: Intel Pentium III (Coppermine) stepping 06`
				m.cpu = squeezeSpaces(text.slice(5, -12)) || null;
		}
	}

	/** lines starting with `K` */
	private lineUpperK(text: string, _boot: number): void {
		const m = this.meta;
		if (text.startsWith('Kernel command line: ')) m.command_line ??= text.slice(21).trim();
		else if (text.startsWith('Krnl PSW')) this.setArch('s390x', 5);
	}

	/** lines starting with `D` */
	private lineUpperD(text: string, _boot: number): void {
		if (text.startsWith('DMI: ')) this.hardware(text.slice(5));
	}

	/** lines starting with `H` */
	private lineUpperH(text: string, _boot: number): void {
		if (text.startsWith('Hardware name: ')) {
			const before = this.meta.hardware;
			this.hardware(text.slice(15));
			const hw = this.meta.hardware;
			if (hw !== null && hw !== before && text.endsWith(hw)) this.machineLine = text.length;
		} else if (text.startsWith('Hypervisor detected: '))
			this.setHypervisor(hypervisorFromLine(text), 3);
	}

	/**
	 * the first hypervisor named by the strongest kind of line (hypervisorWeight), of the log and of
	 * the boot being read (bootHypervisors)
	 */
	private setHypervisor(name: string | null, weight: number): void {
		if (name === null) return;
		const b = this.bootHypervisors.get(this.boot);
		if (b === undefined || weight > b.weight)
			this.bootHypervisors.set(this.boot, { name: detach(name), weight });
		if (weight <= this.hypervisorWeight) return;
		this.meta.hypervisor = detach(name);
		this.hypervisorWeight = weight;
	}

	/** lines starting with `M` */
	private lineUpperM(text: string, _boot: number): void {
		const m = this.meta;
		if (text.startsWith('Memory: ')) {
			const mm = /^Memory: \d+[Kk]\/(\d+)[Kk] available/.exec(text);
			if (mm && m.memory === null) {
				// x86-64 kernels before 3.12 print max_pfn (the highest address, holes
				// included) and the pages in holes: `Memory: 3637272k/5226496k available
				// (3801k kernel code, 1445688k absent, …)`; the RAM is the difference
				const absent = /, (\d+)k absent,/.exec(text);
				const total = Number(mm[1]) - (absent ? Number(absent[1]) : 0);
				m.memory = kibText(total > 0 ? total : Number(mm[1]));
			}
			// ARM before 3.12 (mem_init): one size per memory bank, then their sum, `Memory: 132MB
			// 14MB 5MB 756MB = 907MB total`; the `Memory: 681256k/681256k available` line after it
			// counts free pages only
			const old = /^Memory:(?: \d+MB)+ = (\d+)MB total/.exec(text);
			if (old && m.memory === null) m.memory = kibText(Number(old[1]) * 1024);
		} else if (text.startsWith('Machine model: ')) {
			m.hardware ??= text.slice(15).trim();
		} else if (text.startsWith('Machine: ')) {
			// ARM kernels before 3.x: `Machine: us9230`, or with a device tree
			// `Machine: Qualcomm MSM 8226 (Flattened Device Tree), model: Qualcomm MSM 8226v2 H1A`
			const rest = text.slice(9);
			const model = rest.indexOf(', model: ');
			m.hardware ??= (model === -1 ? rest : rest.slice(model + 9)).trim() || null;
		} else if (text.startsWith('Modules linked in:')) {
			this.moduleLine(text, text.slice(18));
		}
	}

	/** lines starting with `T` */
	private lineUpperT(text: string, _boot: number): void {
		if (text.startsWith('Tainted: [')) this.setTaint(text.slice(9));
	}

	/** lines starting with `O` */
	private lineUpperO(text: string, _boot: number): void {
		const m = this.meta;
		// device-tree machines: `OF: fdt: Machine model: OnePlus One`
		if (text.startsWith('OF: fdt: Machine model: ')) m.hardware ??= text.slice(24).trim();
	}

	/** lines starting with `R` */
	private lineUpperR(text: string, boot: number): void {
		if (text.startsWith('RIP: ')) this.setArch('x86_64', 4);
		else if (text.startsWith('REGS: ')) {
			// powerpc show_regs: `REGS: c000000008c735d0 TRAP: 0200   Not tainted  (2.6.22.9-61.fc6)`
			if (text.indexOf(' Not tainted ') !== -1) this.notTainted();
			if (this.oopsVersions.has(boot)) return;
			const v = /ainted {1,2}\((\d+\.\d[^)\s]*)\)/.exec(text);
			if (v) this.oopsVersion(v[1], boot);
		}
	}

	/** lines starting with `E` */
	private lineUpperE(text: string, _boot: number): void {
		if (text.startsWith('EIP: ')) this.setArch('i386', 4);
	}

	/** lines starting with `p` */
	private lineLowerP(text: string, _boot: number): void {
		if (text.startsWith('pc : ')) this.setArch('arm64', 4);
		// loongarch's show_regs(): `pc 9000000000d5d3ac ra 9000000000d5d388 tp … sp …`
		else if (LOONGARCH_PC.test(text)) this.setArch('loongarch64', 4);
	}

	/** lines starting with `P` */
	private lineUpperP(text: string, boot: number): void {
		const m = this.meta;
		if (text.startsWith('PC is at ')) this.setArch('arm', 4);
		else if (text.startsWith('PREEMPT SMP NR_CPUS=')) this.powerpcPlatform(text);
		else if (text.startsWith('Pid: ')) {
			const p = pidLine(text);
			if (p === null) return;
			if (p.taint !== null) this.setTaint(p.taint, p.version);
			else this.notTainted();
			this.oopsVersion(p.version, boot);
			// the DMI vendor and product, as a `Hardware name:` line prints them: a physical machine,
			// or a virtual one's platform (Boot.physical, Boot.hypervisor)
			if (p.hardware !== '') {
				const vm = hypervisorFromDmi(p.machine);
				if (vm === null) this.bootPhysical.add(boot);
				else if ((this.bootHypervisors.get(boot)?.weight ?? 0) < 4) this.setHypervisor(vm, 4);
			}
			if (p.hardware !== '' && m.hardware === null) {
				m.hardware = p.hardware;
				if (text.endsWith(p.hardware)) this.machineLine = text.length;
			}
		}
	}

	/** lines starting with `N` */
	private lineUpperN(text: string, _boot: number): void {
		if (text.startsWith('NIP:') || text.startsWith('NIP [')) this.setArch('powerpc', 4);
	}

	/** lines starting with `B` */
	private lineUpperB(text: string, _boot: number): void {
		const m = this.meta;
		if (text.startsWith('BIOS-e820:')) this.setArch('x86_64', 2);
		else if (text.startsWith('BUG ')) this.parenLine(text);
		else if (text.startsWith('BE PAGE_SIZE=')) this.powerpcPlatform(text);
		else if (text.startsWith('Boot CPU: AArch64 Processor')) this.aarch64Cpu(text.slice(10));
		else if (text.startsWith('Booting paravirtualized kernel on '))
			this.setHypervisor(hypervisorFromLine(text), 2);
		else if (text.startsWith('Booting Linux on physical CPU 0x')) {
			const id = /^Booting Linux on physical CPU 0x([0-9a-f]+)/.exec(text);
			this.setArch(id && id[1].length > 8 ? 'arm64' : 'arm', 3);
			const named = m.cpu === null && id && id[1].length > 8 ? midrCpu(text) : null;
			if (named) {
				m.cpu = named;
				this.cpuFromMidr = true;
			}
		}
	}

	/** lines starting with `s` */
	private lineLowerS(text: string, boot: number): void {
		if (codeAt(text, 7) === 91 /* [ */ && text.startsWith('systemd[1]: ')) {
			const host = hostnameSet(text);
			if (host !== '') this.bootHosts.set(boot, host);
			return;
		}
		const m = this.meta;
		if (m.cpu === null && text.startsWith('smpboot: CPU0: ')) {
			// `(family: 0x6, model: 0x9e, stepping: 0x9)`; before 3.15 `(fam: 06, model: 3a, stepping: 09)`
			m.cpu = squeezeSpaces(text.slice(15).replace(/ \((?:family|fam): .*$/, ''));
			this.setArch('x86_64', 3);
		}
	}

	/** lines starting with `S` */
	private lineUpperS(text: string, _boot: number): void {
		if (text.startsWith('SMP NR_CPUS=')) this.powerpcPlatform(text);
		else if (text.startsWith('Switched to clocksource ')) this.kvmClock(text.slice(24));
	}

	/** lines starting with `c`: `clocksource: Switched to clocksource kvm-clock` (4.2 and later) */
	private lineLowerC(text: string, _boot: number): void {
		if (text.startsWith('clocksource: Switched to clocksource ')) this.kvmClock(text.slice(37));
	}

	/** lines starting with `k`: `kvm-clock: Using msrs 4b564d01 and 4b564d00`, `kvm-clock: cpu 0, msr …` */
	private lineLowerK(text: string, _boot: number): void {
		if (text.startsWith('kvm-clock: ')) this.setHypervisor('KVM', 1);
	}

	/**
	 * KVM's paravirtual clock: the kernel registers `kvm-clock` only when the CPU says it runs
	 * under KVM (kvmclock_init checks the hypervisor's CPUID leaf), so a log whose boot lines
	 * are cut before `Hypervisor detected:` and has no DMI line (the kernel test robot's QEMU
	 * guests: lkp-41) still says it is a guest. The weakest sign: VirtualBox and GCE guests use the
	 * clock too, and their DMI product names them. Virtio devices are not a sign: a phone's remote
	 * processors talk over virtio (`virtio_rpmsg_bus virtio0: rpmsg host is online`).
	 */
	private kvmClock(name: string): void {
		if (name.trim() === 'kvm-clock') this.setHypervisor('KVM', 1);
	}

	/**
	 * powerpc's die() names the platform (ppc_md.name) after the build options: `SMP NR_CPUS=2048
	 * NUMA pSeries`, since 4.x `BE PAGE_SIZE=64K MMU=Hash SMP NR_CPUS=2048 NUMA pSeries`. It is
	 * the machine when nothing better names it; a `Hardware name:` line replaces it.
	 */
	private powerpcPlatform(text: string): void {
		const m = PPC_DIE.exec(text.trimEnd());
		// `SMP NR_CPUS=4 NUMA ` with no platform name
		if (m === null || m[1] === 'NUMA') return;
		this.setArch('powerpc', 4);
		if (this.meta.hardware === null) {
			this.meta.hardware = detach(m[1]);
			this.hardwareFromPlatform = true;
		}
	}

	/** lines starting with `e` */
	private lineLowerE(text: string, _boot: number): void {
		const m = this.meta;
		if (text.startsWith('epc : ')) this.setArch('riscv64', 4);
		// mips's show_regs(): `epc   : 8f0b2a1c ath9k_hw_reset+0x44/0x1cb8 [ath9k_hw]`, the address
		// as wide as a register (8 or 16 digits)
		else if (text.startsWith('epc   : '))
			this.setArch(codeAt(text, 16) === 32 /* space */ ? 'mips' : 'mips64', 4);
		else if (m.bios === null && text.startsWith('efi: EFI v')) {
			// firmware version when DMI names no BIOS: `efi: EFI v2.70 by American Megatrends`
			m.bios = text.slice(5).trim();
		}
	}

	/** lines starting with `r` */
	private lineLowerR(text: string, _boot: number): void {
		if (text.startsWith('riscv: ')) this.setArch('riscv64', 3);
	}

	/**
	 * lines starting with `u`: a USB root hub's manufacturer string is the running kernel's
	 * release and the host controller driver, `usb usb1: Manufacturer: Linux 6.5.13-1-pve
	 * xhci-hcd`, the boot's kernel when the log lacks its banner (a dmesg whose start the ring
	 * buffer lost). A device's own string (`usb 1-1: Manufacturer: Linux 4.14 with dwc3-gadget`,
	 * a phone) is another machine's and is not read.
	 */
	private lineLowerU(text: string, boot: number): void {
		const r = rootHubRelease(text);
		if (r !== null) this.oopsVersion(r, boot);
	}

	/**
	 * lines starting with `m`: what only a physical machine prints (Boot.physical), an early
	 * microcode update (`microcode: microcode updated early to revision 0xea, date = …`, `microcode:
	 * updated early: 0x8e -> 0xf4, …`) or a machine check (`mce: [Hardware Error]: …`)
	 */
	private lineLowerM(text: string, boot: number): void {
		if (
			(text.startsWith('microcode: ') && text.indexOf(' updated early') !== -1) ||
			text.startsWith('mce: [Hardware Error]')
		)
			this.bootPhysical.add(boot);
	}

	/** lines starting with `x` */
	private lineLowerX(text: string, _boot: number): void {
		if (text.startsWith('x86/fpu: ')) this.setArch('x86_64', 2);
	}

	/** a `Tainted:` field: it says everything, module messages seen before or after included */
	private setTaint(raw: string, version?: string): void {
		this.taintRead = true;
		this.meta.taint = decodeTaint(raw, version ?? this.meta.kernel_version);
		this.meta.tainted = true;
	}

	/**
	 * an oops line's `Not tainted`: the kernel was not tainted then, unless the log prints a taint
	 * (`tainted` stays true once one is read, as `taint` stays set)
	 */
	private notTainted(): void {
		this.meta.tainted ??= false;
	}

	private hardware(s: string): void {
		const m = this.meta;
		if (this.hardwareFromPlatform) {
			m.hardware = null;
			this.hardwareFromPlatform = false;
		}
		const at = s.indexOf(', BIOS ');
		// one DMI product of each boot is enough: oops headers repeat it (a boot already named
		// both a hypervisor and a physical machine needs no other)
		const named = (this.bootHypervisors.get(this.boot)?.weight ?? 0) >= 4;
		const vm =
			named && this.bootPhysical.has(this.boot)
				? null
				: hypervisorFromDmi(at === -1 ? s : s.slice(0, at));
		if (!named) this.setHypervisor(vm, 4);
		// DMI strings padded by the firmware: `Dell Inc. Inspiron 1545                   /0G848F`
		const hw = dmiMachine(squeezeSpaces(at === -1 ? s : s.slice(0, at)));
		if (vm === null && hw !== '') this.bootPhysical.add(this.boot);
		if (m.hardware === null && hw !== '') m.hardware = hw;
		if ((m.bios === null || m.bios.startsWith('EFI v')) && at !== -1)
			m.bios = s.slice(at + 7).trim();
	}

	/**
	 * a line of the `Modules linked in:` list (`list`: its module names): the list goes on to the
	 * next line unless it ends with the module unloaded last
	 */
	private moduleLine(line: string, list: string): void {
		this.modules(list);
		this.modulesLineLength = line.length;
		this.inModules = !line.includes('[last unloaded: ');
	}

	private modules(list: string): void {
		const words = list
			.replace(/\[last unloaded: [^\]]*\]/, '')
			.trim()
			.split(/\s+/);
		for (const w of words) {
			const paren = w.indexOf('(');
			const name = paren === -1 ? w : w.slice(0, paren);
			if (name === '' || !/^[\w-]+$/.test(name) || this.modulesSeen.has(name)) continue;
			if (this.modulesSeen.size >= MAX_MODULES) return;
			const kept = detach(name);
			this.modulesSeen.add(kept);
			this.meta.modules.push(kept);
		}
	}
}

const LINE_CHECKS = MetadataCollector.checks();
