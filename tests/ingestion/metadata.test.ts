/**
 * What the system summary says about the machine, from lines of real logs that earlier builds
 * misread or ignored.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from './helpers.ts';

const meta = (lines: string[]) => ingestText(lines.join('\n') + '\n').summary.metadata;

describe('metadata of arm64 and device-tree machines', () => {
	it('reads the AArch64 boot CPU line as arm64, naming the ARM core', () => {
		for (const line of [
			'[    0.000000] CPU: AArch64 Processor [410fd034] revision 4',
			'[    0.000000] Boot CPU: AArch64 Processor [410fd034]'
		]) {
			const m = meta([line]);
			expect(m.arch).toBe('arm64');
			expect(m.cpu).toMatch(/^AArch64 Processor \[410fd034\].* \(ARM Cortex-A53\)$/);
		}
		// a vendor core (Qualcomm Kryo) keeps the line as printed
		expect(meta(['[    0.000000] CPU: AArch64 Processor [511f2112] revision 2']).cpu).toBe(
			'AArch64 Processor [511f2112] revision 2'
		);
	});

	it('names the ARM core of a 32-bit kernel from the MIDR of its CPU line', () => {
		// tf201log dmesg.txt line 3 (Tegra 3), izassafar-one syslog.1 line 5 (Raspberry Pi 3 B+)
		expect(
			meta(['<4>[    0.000000] CPU: ARMv7 Processor [412fc099] revision 9 (ARMv7), cr=10c5387f'])
				.cpu
		).toBe('ARMv7 Processor [412fc099] revision 9 (ARMv7) (ARM Cortex-A9)');
		const m = meta([
			'Feb  3 18:33:30 ubuntu kernel: [    0.000000] CPU: ARMv7 Processor [410fd034] revision 4 (ARMv7), cr=30c5383d'
		]);
		expect(m.cpu).toBe('ARMv7 Processor [410fd034] revision 4 (ARMv7) (ARM Cortex-A53)');
		expect(m.arch).toBe('arm');
	});

	it('names the machine from the device tree before a generic Hardware name', () => {
		const m = meta([
			'[    0.000000] OF: fdt: Machine model: OnePlus One',
			'[    2.000000] Hardware name: Generic DT based system'
		]);
		expect(m.hardware).toBe('OnePlus One');
	});
});

describe('powerpc platform', () => {
	it('names the machine from the platform of the oops header', () => {
		// abrt-oops9-ppc64 line 8, kerneloops-power5-with-machinecheck line 13
		expect(meta(['[ 104.669967] SMP NR_CPUS=2048 NUMA pSeries']).hardware).toBe('pSeries');
		const m = meta(['Oops: Machine check, sig: 7 [#1]', 'SMP NR_CPUS=128 NUMA pSeries']);
		expect(m.hardware).toBe('pSeries');
		expect(m.arch).toBe('powerpc');
	});

	it('lets a Hardware name line replace the platform, and takes no option for a platform', () => {
		// the platform line of abrt-oops9-ppc64 (line 8), then a Hardware name line of the shape powerpc
		// prints since 4.x (not from the corpus: none of its logs has one)
		const m = meta([
			'[ 104.669967] SMP NR_CPUS=2048 NUMA pSeries',
			'[ 104.670013] Hardware name: IBM,9009-42A POWER9 (raw) 0x4e0202 0xf000005 of:IBM,FW940.00 (VL940_027) hv:phyp pSeries'
		]);
		expect(m.hardware).toBe(
			'IBM,9009-42A POWER9 (raw) 0x4e0202 0xf000005 of:IBM,FW940.00 (VL940_027) hv:phyp pSeries'
		);
		expect(meta(['[    1.000000] SMP NR_CPUS=4 NUMA ']).hardware).toBeNull();
	});
});

describe('taint', () => {
	it('is built from module-loading messages when no Tainted: field says it', () => {
		const m = meta([
			'[    9.000000] wl: loading out-of-tree module taints kernel.',
			"[    9.000001] wl: module license 'MIXED/Proprietary' taints kernel.",
			'[    9.000002] Disabling lock debugging due to kernel taint',
			'[    9.000003] wl: module verification failed: signature and/or required key missing - tainting kernel'
		]);
		expect(m.taint?.flags.map((f) => f.letter)).toEqual(['P', 'O', 'E']);
	});

	it('writes the letters of module messages in the order the kernel prints them', () => {
		// crash-logs log20221215.txt lines 931-934 (Broadcom wl): had been given as `OPE`
		const m = meta([
			'Dec 15 16:23:02 laptop-x1c kernel: wl: loading out-of-tree module taints kernel.',
			"Dec 15 16:23:02 laptop-x1c kernel: wl: module license 'MIXED/Proprietary' taints kernel.",
			'Dec 15 16:23:02 laptop-x1c kernel: Disabling lock debugging due to kernel taint',
			'Dec 15 16:23:02 laptop-x1c kernel: wl: module verification failed: signature and/or required key missing - tainting kernel'
		]);
		expect(m.taint?.raw).toBe('POE');
	});

	it('counts a dangerous module option set on the command line (TAINT_USER)', () => {
		// syslogs messages.3 line 455 (ChromeOS, i915.enable_guc=3 on the command line)
		const m = meta([
			'2026-05-18T17:59:47.299642Z NOTICE kernel: [    0.033475] Setting dangerous option i915.enable_guc - tainting kernel'
		]);
		expect(m.taint?.flags.map((f) => f.letter)).toEqual(['U']);
	});

	it('gives way to a Tainted: field, before or after', () => {
		const field =
			'[   20.000000] CPU: 1 PID: 7 Comm: kworker/1:0 Tainted: G        W         6.1.0 #1';
		const module = '[    9.000000] wl: loading out-of-tree module taints kernel.';
		for (const lines of [
			[module, field],
			[field, module]
		])
			expect(meta(lines).taint?.flags.map((f) => f.letter)).toEqual(['W']);
	});

	it('reads the RHEL form, whose dashes are unset flags', () => {
		const m = meta([
			'<4>Pid: 118823, comm: worker Tainted: G           --L------------    2.6.32-642.el6.x86_64 #1'
		]);
		expect(m.taint?.flags.map((f) => f.letter)).toEqual(['L']);
		expect(m.taint?.unknown).toEqual([]);
	});
});

describe('taint and release of lockdep, SLUB and old WARNING lines', () => {
	it('reads lockdep identity lines, giving the boot its kernel when no banner does (real logs)', () => {
		// lkp-75.log lines 1-4
		const lkp = ingestText(
			[
				'[    0.368007][    T1] ============================================',
				'[    0.368302][    T1] WARNING: possible recursive locking detected',
				'[    0.368598][    T1] 5.10.110-00159-g58823a9b097c #1 Not tainted',
				'[    0.368633][    T1] --------------------------------------------'
			].join('\n') + '\n'
		).summary.metadata;
		expect([lkp.tainted, lkp.taint]).toEqual([false, null]);
		expect(lkp.kernel_version).toBe('5.10.110-00159-g58823a9b097c');
		expect(lkp.boots.map((b) => b.kernel_version)).toEqual(['5.10.110-00159-g58823a9b097c']);
		// satyr-gitlog-12.log lines 1-4, without any prefix
		const satyr = meta([
			'=============================================',
			'[ INFO: possible recursive locking detected ]',
			'3.4.0 #3257 Tainted: G        W',
			'---------------------------------------------'
		]);
		expect(satyr.tainted).toBe(true);
		expect(satyr.taint?.flags.map((f) => f.letter)).toEqual(['W']);
		expect(satyr.kernel_version).toBe('3.4.0');
	});

	it('keeps the banner as the boot kernel and a taint read before a later Not tainted', () => {
		const m = meta([
			'[    0.000000] Linux version 6.1.0 (a@b) #1 SMP',
			'[   10.000000] CPU: 0 PID: 1 Comm: x Tainted: G        W          6.1.0 #1',
			'[   20.000000] WARNING: possible circular locking dependency detected',
			'[   20.000000] 6.1.0-other #1 Not tainted'
		]);
		expect(m.boots.map((b) => b.kernel_version)).toEqual(['6.1.0']);
		expect(m.tainted).toBe(true);
		expect(m.taint?.flags.map((f) => f.letter)).toEqual(['W']);
	});

	it('reads the taint in parentheses of SLUB and old WARNING lines (real logs)', () => {
		// satyr-gitlog-19.log line 2, satyr-gitlog-30.log line 2, kerneloops-i386-bug-on.log line 429
		expect(meta(['BUG numa_policy (Not tainted): Poison overwritten']).tainted).toBe(false);
		const slub = meta([
			'[  299.281634] BUG kmalloc-4096 (Tainted: G          I ): Poison overwritten'
		]);
		expect(slub.tainted).toBe(true);
		expect(slub.taint?.flags.map((f) => f.letter)).toEqual(['I']);
		expect(meta(['WARNING: at /tmp/oops.c:5 modinit() (Not tainted)']).tainted).toBe(false);
		// a plain BUG: or a new WARNING: line says nothing about the taint
		expect(
			meta([
				'[    1.000000] BUG: KASAN: use-after-free in f+0x1/0x2',
				'[    2.000000] WARNING: CPU: 0 PID: 1 at kernel/foo.c:12 f+0x1/0x2'
			]).tainted
		).toBeNull();
	});
});

describe('old x86 oops lines', () => {
	it('give the kernel release and the DMI machine name', () => {
		const m = meta([
			'<4>Pid: 21321, comm: libvirtd Not tainted 2.6.32-642.el6.x86_64 #1 Dell Inc. PowerEdge R730xd/0WCJNT'
		]);
		expect(m.kernel_version).toBe('2.6.32-642.el6.x86_64');
		expect(m.hardware).toBe('Dell Inc. PowerEdge R730xd/0WCJNT');
		expect(m.taint).toBeNull();
	});
});

describe('architecture', () => {
	it('stays arm64 when a 32-bit task crashes on an arm64 kernel (real log)', () => {
		const m = meta([
			'[    0.000000] CPU: AArch64 Processor [410fd034] revision 4',
			'[  246.649688] PC is at 0xf7107aa4',
			'[  246.649720] pc : [<00000000f7107aa4>] lr : [<00000000f70e6ccf>] pstate: 60000030'
		]);
		expect(m.arch).toBe('arm64');
	});
});

describe('old ARM and powerpc lines', () => {
	it('name the machine from `Machine:`, preferring the device tree model', () => {
		expect(meta(['<4>[    0.000000] Machine: RK30board']).hardware).toBe('RK30board');
		expect(
			meta([
				'[    0.000000] Machine: Qualcomm MSM 8226 (Flattened Device Tree), model: Qualcomm MSM 8226v2 H1A'
			]).hardware
		).toBe('Qualcomm MSM 8226v2 H1A');
	});

	it('take the memory from the total of the banks, not from the free pages after it', () => {
		// ubtouch-dmesg syslog lines 48-49 (3.4 on a Qualcomm MSM8226 phone)
		const lines = [
			'Dec  4 11:16:33 ubuntu-phablet kernel: [    0.000000] Memory: 132MB 14MB 5MB 756MB = 907MB total',
			'Dec  4 11:16:33 ubuntu-phablet kernel: [    0.000000] Memory: 681256k/681256k available, 260824k reserved, 17408K highmem'
		];
		expect(meta(lines).memory).toBe('907 MiB');
		// one bank (tf201log dmesg.txt line 36)
		expect(meta(['<6>[    0.000000] Memory: 1005MB = 1005MB total']).memory).toBe('1005 MiB');
	});

	it('read taint and release from the CPU line of an ARM register dump before 3.x', () => {
		// ubtouch-dmesg syslog line 1601, after `powerd: unhandled page fault`
		const m = meta([
			'Dec  4 11:16:58 ubuntu-phablet kernel: [   41.067260] CPU: 3    Tainted: G        W     (3.4.0-gff5ac3e #8)'
		]);
		expect(m.taint?.flags.map((f) => f.letter)).toEqual(['W']);
		expect(m.kernel_version).toBe('3.4.0-gff5ac3e');
		expect(m.cpu).toBeNull();
		expect(meta(['[   12.000000] CPU: 0    Not tainted  (3.0.8 #1)']).kernel_version).toBe('3.0.8');
	});

	it('read the release from a powerpc register dump', () => {
		expect(
			meta(['REGS: c000000008c735d0 TRAP: 0200   Not tainted  (2.6.22.9-61.fc6)']).kernel_version
		).toBe('2.6.22.9-61.fc6');
	});
});

describe('the CPU of older x86 kernels', () => {
	it('drops the `(fam: ...)` of smpboot before 3.15 and the padding of the brand string', () => {
		// jetway-port dmesg line 219 (3.10), m11x-hwinfo i1545 dmesg
		expect(
			meta([
				'[    0.803618] smpboot: CPU0: AMD G-T56N Processor (fam: 14, model: 02, stepping: 00)'
			]).cpu
		).toBe('AMD G-T56N Processor');
		expect(
			meta([
				'[    0.060000] smpboot: CPU0: Genuine Intel(R) CPU           U7300  @ 1.30GHz (fam: 06, model: 17, stepping: 0a)'
			]).cpu
		).toBe('Genuine Intel(R) CPU U7300 @ 1.30GHz');
		expect(
			meta([
				'[    8.812225] smpboot: CPU0: AMD G-T56N Processor (family: 0x14, model: 0x2, stepping: 0x0)'
			]).cpu
		).toBe('AMD G-T56N Processor');
	});

	it('drops the padding of DMI strings in the machine name', () => {
		// m11x-hwinfo i1545 dmesg line 25
		const m = meta([
			'[    0.000000] DMI: Dell Inc. Inspiron 1545                   /0G848F, BIOS A05 02/25/2009'
		]);
		expect(m.hardware).toBe('Dell Inc. Inspiron 1545 /0G848F');
		expect(m.bios).toBe('A05 02/25/2009');
	});

	it('reads `CPU: <model> stepping NN` of 2.6 kernels (loghub Linux_2k line 1959)', () => {
		expect(
			meta(['Jul 27 14:41:58 combo kernel: CPU: Intel Pentium III (Coppermine) stepping 06']).cpu
		).toBe('Intel Pentium III (Coppermine)');
		// an oops's CPU line is not a model name
		expect(
			meta([
				'[   29.6] CPU: 1 PID: 117 Comm: modprobe Tainted: G      D           5.4.0-1051-fips #57-Ubuntu'
			]).cpu
		).toBeNull();
	});
});

describe('kernel release of a USB root hub', () => {
	it('names the boot kernel from the root hub when the log lost its banner (real log)', () => {
		// proxmox-amd-5700u-gpu-pa-dmesg-txt.log starts at 0.005 s, after the banner; line 694
		const m = meta([
			'[    0.005196]   node   0: [mem 0x000000000a001000-0x000000000a1fffff]',
			'[    1.979250] usb usb1: Manufacturer: Linux 6.5.13-1-pve xhci-hcd',
			'[    1.979832] usb usb2: Manufacturer: Linux 6.5.13-1-pve xhci-hcd'
		]);
		expect(m.kernel_version).toBe('6.5.13-1-pve');
		expect(m.boots.map((b) => b.kernel_version)).toEqual(['6.5.13-1-pve']);
		// intel-audio-dmesg-log.log line 336: the release also names the architecture
		const d = meta([
			'[    1.615986] usb usb1: Manufacturer: Linux 5.18.17-amd64-desktop-hwe xhci-hcd'
		]);
		expect([d.kernel_version, d.arch]).toEqual(['5.18.17-amd64-desktop-hwe', 'x86_64']);
	});

	it('keeps the banner, and does not read a device that runs Linux as another machine', () => {
		const m = meta([
			'[    0.000000] Linux version 6.1.0-13-amd64 (debian-kernel@lists.debian.org) #1 SMP',
			'[    1.900000] usb usb1: Manufacturer: Linux 6.1.0-other xhci-hcd'
		]);
		expect(m.boots.map((b) => b.kernel_version)).toEqual(['6.1.0-13-amd64']);
		// a phone attached in USB tethering mode names its own kernel
		const phone = meta([
			'[  100.000000] usb 1-1: Manufacturer: Linux 4.14.190-perf with dwc3-gadget'
		]);
		expect(phone.kernel_version).toBeNull();
	});
});
