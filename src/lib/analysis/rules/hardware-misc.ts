import type { Explanation } from '../../models/finding.ts';
import type { LineRule } from './types.ts';
import { errnoName } from './util.ts';

/** mm/memory-failure.c: a page with an uncorrectable memory error taken out of use ("poisoned"). */
export const memoryFailure: LineRule = {
	id: 'hardware.memory-failure',
	category: 'hardware',
	severity: 'high',
	triggers: ['Memory failure: '],
	pattern:
		/^Memory failure: (?:0x|#)?([0-9a-f]+): (?:recovery action for ([\w ()-]+): (Recovered|Ignored|Failed|Delayed)|((?:Sending SIGBUS to|Killing|forcibly killing) (\S+):(\d+) (?:due to hardware memory corruption|because of failure to unmap corrupted page))|(.+))/,
	title: (m) =>
		m[4]
			? 'Uncorrectable memory error: a process was killed'
			: m[3] === 'Failed' || m[3] === 'Ignored'
				? 'Uncorrectable memory error: the page could not be recovered'
				: 'Uncorrectable memory error: page taken out of use',
	details: (m) => ({
		pfn: `0x${m[1]}`,
		page: m[2] ?? null,
		outcome: m[3] ?? (m[4] ? 'killed' : null),
		process: m[5] ?? null,
		pid: m[6] ? Number(m[6]) : null,
		message: m[7] ?? null
	}),
	// a killed process, or a page (often the kernel's own) that could not be isolated
	severityOf: (m) => (m[3] === 'Failed' || m[3] === 'Ignored' || m[4] ? 'critical' : 'high'),
	examples: [
		'Memory failure: 0x7fe8d: recovery action for dirty LRU page: Recovered',
		'Memory failure: 0x2a1b3c: recovery action for free buddy page: Recovered',
		'Memory failure: 0x1f32a: Sending SIGBUS to java:3014 due to hardware memory corruption',
		'Memory failure: 0x3fe22: recovery action for reserved kernel page: Ignored',
		'Memory failure: 0x4a33c: recovery action for huge page: Failed',
		'Memory failure: 0x1f32a: Killing java:3014 due to hardware memory corruption',
		'Memory failure: 0x1f32a: forcibly killing java:3014 because of failure to unmap corrupted page'
	],
	negatives: ['Memory: 16263436K/16661204K available (16384K kernel code, 4195K rwdata)'],
	explanation: {
		meaning:
			'The memory controller found an error it could not correct in a page of RAM, and the kernel took that page out of use ("hwpoison"). When the page held a program’s data the program was killed (SIGBUS); a kernel page cannot be recovered and may bring the machine down later. Test suites (LTP, syzkaller, RAS tests) cause the same messages on purpose through madvise(MADV_HWPOISON) or the hwpoison-inject module: an `Injecting memory failure for pfn …` line just before it means no hardware is at fault.',
		causes: [
			{ kind: 'hardware', text: 'A failing memory module (DIMM), or a failing memory controller.' },
			{
				kind: 'environment',
				text: 'Overheating, unstable overclocking or a marginal power supply.'
			}
		],
		next_steps: [
			'If an `Injecting memory failure` line comes just before it, a test injected the error: nothing is wrong with the memory.',
			'Find the DIMM: the machine-check lines before it, `ras-mc-ctl --errors` (rasdaemon), `edac-util -v`, or the BMC/IPMI event log (`ipmitool sel list`).',
			'Replace or reseat that module; run a memory test (memtest86+) to confirm.',
			'Restart services that received SIGBUS; reboot if a kernel page was affected.'
		],
		references: ['https://docs.kernel.org/mm/hwpoison.html']
	}
};

/** arch/x86/kernel/nmi.c unknown_nmi_error: `Uhhuh. NMI received for unknown reason 2d on CPU 0.` */
export const unknownNmi: LineRule = {
	id: 'hardware.unknown-nmi',
	category: 'hardware',
	severity: 'medium',
	triggers: ['NMI received for unknown reason'],
	pattern: /^Uhhuh\. NMI received for unknown reason ([0-9a-f]{1,2}) on CPU (\d+)\./,
	title: (m) => `Unknown NMI received (reason ${m[1]})`,
	details: (m) => ({ reason: m[1], cpu: Number(m[2]) }),
	examples: [
		'Uhhuh. NMI received for unknown reason 2d on CPU 0.',
		'Uhhuh. NMI received for unknown reason 3d on CPU 12.'
	],
	negatives: ['NMI watchdog: Enabled. Permanently consumes one hw-PMU counter.'],
	explanation: {
		meaning:
			'The processor received a non-maskable interrupt that no driver claimed. Firmware and hardware use NMIs to report serious errors (memory or PCI parity errors, a BMC watchdog); the kernel carried on ("Dazed and confused, but trying to continue").',
		causes: [
			{
				kind: 'hardware',
				text: 'A hardware error signalled through the system board (memory, PCIe SERR, power).'
			},
			{
				kind: 'firmware',
				text: 'The BMC/iLO/iDRAC or its watchdog raising NMIs, or firmware bugs (often reason 2d/3d).'
			},
			{ kind: 'environment', text: 'A hypervisor injecting NMIs into a virtual machine.' }
		],
		next_steps: [
			'Read the server’s hardware event log: `ipmitool sel list` or the BMC’s web page.',
			'Check for memory and PCIe errors in this log (machine checks, EDAC, AER) and update BIOS/BMC firmware.',
			'On HP servers load the `hpwdt` driver so the iLO’s NMIs are decoded.'
		],
		references: [
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/arch/x86/kernel/nmi.c',
			'https://docs.kernel.org/admin-guide/kernel-parameters.html'
		]
	}
};

/**
 * The Android emulator's platform bus holding the first serial port's interrupt: x86 kernels built
 * with CONFIG_GOLDFISH registered its platform device (fixed addresses, IRQ 4) on every machine
 * until arch/x86/platform/goldfish/goldfish.c ("Prevent unconditional loading", 2017) made it wait
 * for the `goldfish` kernel parameter; the 8250 driver's request for IRQ 4 then fails (lkp-05.log,
 * a QEMU guest on 4.8-rc1).
 */
const GOLDFISH_HOLDS_IRQ: Explanation = {
	meaning:
		'The serial port did not get its interrupt because goldfish_pdev_bus holds it: the platform bus of the Android emulator (goldfish), which x86 kernels built with `CONFIG_GOLDFISH` registered on every machine, at fixed addresses and interrupt 4, the first serial port’s (COM1), whether or not the machine is that emulator; kernels since a 2017 fix register it only when the kernel command line has `goldfish`. On any other machine, a PC or a virtual machine, the goldfish bus is the part that should not be there, and the serial port it displaced is real: that port (ttyS0) cannot be opened by programs (a login prompt or a tool on the serial port fails), though the kernel’s own messages may still reach it.',
	causes: [
		{
			kind: 'configuration',
			text: 'A kernel built with the Android emulator’s platform support (`CONFIG_GOLDFISH`, often from a random or all-yes configuration) running on a machine that is not the emulator, on a kernel from before the 2017 fix.'
		}
	],
	next_steps: [
		'Build the kernel without `CONFIG_GOLDFISH` (or update to a kernel that registers the goldfish bus only with the `goldfish` parameter); the serial port then gets its interrupt back.',
		'Check the port afterwards: `grep -E "^ *4:" /proc/interrupts` should name serial, not goldfish_pdev_bus.'
	],
	references: ['https://docs.kernel.org/core-api/genericirq.html']
};

/**
 * kernel/irq/manage.c __setup_irq (v6.12): `genirq: Flags mismatch irq 4. 00000000 (serial) vs.
 * 00000080 (goldfish_pdev_bus)`: the driver named first asked for an interrupt line that the
 * second holds, and one of them does not share it (or not with the same trigger type); its
 * request_irq() fails with -EBUSY. Kernels before 3.x print it without `genirq: `.
 */
export const irqFlagsMismatch: LineRule = {
	id: 'hardware.irq-flags-mismatch',
	category: 'hardware',
	severity: 'medium',
	triggers: ['Flags mismatch irq '],
	pattern:
		/(?:^|genirq: )Flags mismatch irq (\d+)\. ([0-9a-f]{8}) \(([^()]*)\) vs\. ([0-9a-f]{8}) \(([^()]*)\)/,
	title: (m) => `Interrupt ${m[1]} refused to ${m[3]}: ${m[5]} holds it`,
	details: (m) => ({
		irq: Number(m[1]),
		device: m[3],
		flags: `0x${m[2]}`,
		holder: m[5],
		holder_flags: `0x${m[4]}`
	}),
	explanationOf: (m) => (m[5] === 'goldfish_pdev_bus' ? GOLDFISH_HOLDS_IRQ : undefined),
	examples: [
		// lkp-05.log (Android emulator): the 8250 serial driver after goldfish's platform bus
		'genirq: Flags mismatch irq 4. 00000000 (serial) vs. 00000080 (goldfish_pdev_bus)',
		// iamslightlywin dump last_kmsg (Samsung phone, vendor display driver)
		'genirq: Flags mismatch irq 466. 00006001 (esd_recovery) vs. 00002003 (UB_CON_DET)'
	],
	negatives: [
		'genirq: Setting trigger mode 3 for irq 17 failed (gic_set_type+0x0/0x48)',
		'irq 16: nobody cared (try booting with the "irqpoll" option)'
	],
	explanation: {
		meaning:
			'A driver asked for an interrupt line that another driver already holds, and the two cannot share it: one of them did not ask to share, or they want different trigger types. The kernel refused the second request (EBUSY), so the driver named first did not get its interrupt: that device usually does not work (it fails to start or open), or works only by polling, slowly. The driver that holds the line, named second, is unaffected.',
		causes: [
			{
				kind: 'firmware',
				text: 'The firmware (ACPI tables, BIOS settings, a device tree) gives two devices the same interrupt, or names a legacy device (a serial or parallel port, ISA) that is not there or sits elsewhere.'
			},
			{
				kind: 'driver',
				text: 'A driver that requests its interrupt as not shared, or with another trigger type, on a line that is shared by design (PCI INTx, a GPIO or PMIC interrupt), common in vendor and out-of-tree drivers.'
			},
			{
				kind: 'configuration',
				text: 'A driver loaded for hardware the machine does not have (a legacy port driver in a VM or emulator), or two drivers bound to one device.'
			}
		],
		next_steps: [
			'See who holds the line: `grep -E "^ *<irq>:" /proc/interrupts` (the driver named second should be there) and check whether the device of the driver named first works.',
			'If that device is not needed (a legacy serial port in a VM), disable it in the BIOS/UEFI or blacklist its driver; if it is, free the interrupt (BIOS settings for legacy ports, another PCI slot) or update the BIOS.',
			'On a device-tree or phone kernel, report it to the board or driver vendor with this line: the interrupts in the device tree or the driver’s request flags need fixing.'
		],
		references: ['https://docs.kernel.org/core-api/genericirq.html']
	}
};

/** kernel/irq/spurious.c __report_bad_irq: `irq 16: nobody cared (try booting with the "irqpoll" option)` */
export const irqNobodyCared: LineRule = {
	id: 'hardware.irq-disabled',
	category: 'hardware',
	severity: 'high',
	triggers: [': nobody cared'],
	pattern: /^irq (\d+): nobody cared \(try booting with the "irqpoll" option\)/,
	title: (m) => `IRQ ${m[1]} disabled: nobody handled it`,
	details: (m) => ({ irq: Number(m[1]) }),
	examples: ['irq 16: nobody cared (try booting with the "irqpoll" option)'],
	negatives: ['Disabling IRQ #16'],
	explanation: {
		meaning:
			'An interrupt line kept firing but no driver handled it (100,000 times without an answer), so the kernel disabled the line ("Disabling IRQ #N"). Every device on that line stops getting interrupts: a disk, USB controller or network card there becomes slow or stops working.',
		causes: [
			{
				kind: 'firmware',
				text: 'BIOS/ACPI interrupt routing errors, often with shared legacy interrupts.'
			},
			{
				kind: 'driver',
				text: 'A driver that does not acknowledge its device’s interrupts (or a device with no driver).'
			},
			{ kind: 'hardware', text: 'A faulty device asserting its interrupt line.' }
		],
		next_steps: [
			'See which devices share the line: `cat /proc/interrupts`, `lspci -v` (IRQ numbers); the handlers are listed after the call trace.',
			'Update the BIOS; try the kernel parameter `irqpoll`, or `pci=nomsi` / `noapic` to change the routing.',
			'Update or change the driver of the device on that line.'
		],
		references: [
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/kernel/irq/spurious.c',
			'https://docs.kernel.org/admin-guide/kernel-parameters.html'
		]
	}
};

/**
 * kernel/time/clocksource.c cs_watchdog_read() (5.14+): the watchdog could not read its reference
 * clock around the judged one quickly enough, several times in a row, and marks the judged clock
 * unstable without having measured a drift.
 */
const READ_BACK_DELAY: Explanation = {
	meaning:
		'The clocksource watchdog, which checks the main clock (usually the TSC, the processor’s fast time-stamp counter) against a second one (HPET or the ACPI PM timer), could not take a clean reading: reading the second clock took longer than allowed (the delay is in the line) at every attempt, so it stopped trusting the main clock as a precaution. No drift of the TSC was measured; it may well be fine. The kernel switches to the slower clock (a `Switched to clocksource` line follows): time stays correct, but reading it costs more, which slows programs that read the time very often.',
	causes: [
		{
			kind: 'firmware',
			text: 'System Management Interrupts (SMIs) of the firmware that stop the CPU for a while, or a slow HPET on some boards.'
		},
		{
			kind: 'environment',
			text: 'In a virtual machine, a virtual CPU the host did not run for a moment, or a slowly emulated HPET.'
		},
		{
			kind: 'kernel',
			text: 'Heavy load with interrupts off for long stretches, or deep idle states on some processors.'
		}
	],
	next_steps: [
		'See the clock in use: `cat /sys/devices/system/clocksource/clocksource0/current_clocksource`.',
		'On bare metal update the BIOS/UEFI; if it happens once at boot under load, it can be ignored.',
		'If the processor has `constant_tsc` and `nonstop_tsc` (`grep -o -w -e constant_tsc -e nonstop_tsc /proc/cpuinfo | sort -u`) and it keeps happening, `tsc=reliable` on the kernel command line keeps the TSC (it also turns off the check).'
	],
	references: [
		'https://docs.kernel.org/admin-guide/kernel-parameters.html',
		'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/kernel/time/clocksource.c'
	]
};

/**
 * kernel/time/clocksource.c: the watchdog found the main clock drifting against another one and
 * switched clocks. `clocksource: timekeeping watchdog on CPU3: Marking clocksource 'tsc' as
 * unstable because the skew is too large:`, older `Clocksource tsc unstable (delta = -9847 ns)`.
 */
export const clocksourceUnstable: LineRule = {
	id: 'hardware.clocksource-unstable',
	category: 'hardware',
	severity: 'low',
	triggers: [
		'as unstable because',
		'Clocksource ',
		'Marking TSC unstable',
		'excessive read-back delay'
	],
	pattern:
		/^(?:clocksource: timekeeping watchdog on CPU\d+: Marking clocksource '([\w-]+)' as unstable because|Clocksource ([\w-]+) unstable \(delta = -?\d+ ns\)|(?:tsc: )?Marking (TSC) unstable due to:? (.+?)\.?$|clocksource: timekeeping watchdog on CPU\d+: wd-([\w-]+)-wd excessive read-back delay of (\d+)ns)/,
	// `tsc: Marking TSC unstable due to …` (2.6.2x: `Marking TSC unstable due to: TSC halts in
	// idle.`) is either the watchdog's verdict said again or a
	// boot-time check of the processor (TSC halts in idle on older CPUs): the kernel just uses
	// another clock. It has a title of its own, so that a finding's severity never depends on
	// which of the lines came first; right after the watchdog's verdict it is a follow-up of that
	// finding instead (one event, one finding).
	title: (m) =>
		m[3]
			? `TSC marked unstable: ${m[4]}`
			: m[5]
				? `Clock source ${m[5]} marked unstable: the watchdog clock could not be read in time`
				: `Clock source ${(m[1] ?? m[2]).toLowerCase()} marked unstable`,
	details: (m) => ({
		clocksource: (m[1] ?? m[2] ?? m[3] ?? m[5]).toLowerCase(),
		reason: m[4] ?? (m[5] ? 'watchdog read-back delay' : null),
		...(m[6] ? { read_back_delay_ns: Number(m[6]) } : {})
	}),
	severityOf: (m) => (m[3] ? 'info' : 'low'),
	explanationOf: (m) => (m[5] ? READ_BACK_DELAY : undefined),
	// the watchdog's report: the clock it compared with (`refined-jiffies` when the machine has
	// no HPET or ACPI PM timer: a coarse reference), the judged clock's values, and the TSC line
	// that repeats the verdict (since 5.14 after a `skewed … ns` and an `is current clocksource` line)
	follow: [
		{
			// the watchdog's line, then the judged clock's (`'tsc-early' cs_now: …`), which adds nothing
			trigger: '_now: ',
			pattern: /^clocksource: +'([\w-]+)' (?:(wd)|cs)_n(?:ow|sec): /,
			details: (m): Record<string, string> => (m[2] ? { watchdog: m[1] } : {}),
			within: 3,
			examples: [
				"clocksource:                       'refined-jiffies' wd_now: fffedc19 wd_last: fffedb90 mask: ffffffff",
				"clocksource:                       'hpet' wd_nsec: 511985489 wd_now: 1a5f8d2 wd_last: 1253d2d mask: ffffffff"
			]
		},
		{
			trigger: 'Marking TSC unstable due to clocksource watchdog',
			pattern: /^(?:tsc: )?Marking TSC unstable due to clocksource watchdog/,
			details: () => ({ tsc_marked_unstable: true }),
			within: 8,
			anywhere: true,
			claims: true,
			examples: ['tsc: Marking TSC unstable due to clocksource watchdog']
		}
	],
	examples: [
		"clocksource: timekeeping watchdog on CPU3: Marking clocksource 'tsc' as unstable because the skew is too large:",
		'Clocksource tsc unstable (delta = -98480293 ns)',
		'tsc: Marking TSC unstable due to clocksource watchdog',
		'tsc: Marking TSC unstable due to check_tsc_sync_source failed',
		// kerneloops-i386-bug-on.log line 375 (2.6.2x, i386 laptop)
		'Marking TSC unstable due to: TSC halts in idle.',
		// kernel/time/clocksource.c cs_watchdog_read() (5.14+), written from its format string
		'clocksource: timekeeping watchdog on CPU3: wd-tsc-wd excessive read-back delay of 153560ns vs. limit of 125000ns, wd-wd read-back delay only 45250ns, attempt 4, marking tsc unstable'
	],
	negatives: [
		'clocksource: Switched to clocksource tsc',
		'clocksource: tsc: mask: 0xffffffffffffffff max_cycles: 0x2b2a6b2c1d0, max_idle_ns: 440795267130 ns'
	],
	explanation: {
		meaning:
			'The kernel stopped trusting the TSC, the processor’s time-stamp counter and its fastest clock: the clocksource watchdog found it disagreeing with a second clock (HPET, the ACPI PM timer, or jiffies) by more than it allows, or a check at boot found it unusable (`TSC halts in idle` on older processors, processors whose counters are not in step). The kernel then falls back to the next clock source, usually hpet or acpi_pm (a `Switched to clocksource` line follows): time stays correct, but reading the clock costs about a microsecond instead of a few nanoseconds, which slows programs that read the time very often (databases, tracing, games) and makes fine timings less precise. In a virtual machine it is usually the hypervisor, not the hardware: a virtual CPU that the host did not run for a while (steal time on an overcommitted host), a live migration or a paused VM makes the two clocks disagree for a moment; harmless beyond timing precision. On bare metal it points at the firmware (system-management interrupts that stall the processors) or a real TSC problem. Red Hat’s 2.6.32 kernels keep the TSC and only say so (`Enable clocksource failover by adding clocksource_failover`).',
		causes: [
			{
				kind: 'environment',
				text: 'In a virtual machine, virtual CPUs that the host held up: steal time on an overcommitted host, a live migration, a VM paused or snapshotted.'
			},
			{
				kind: 'firmware',
				text: 'On bare metal, BIOS system-management interrupts (SMIs) that stall the processors, or firmware that writes the TSC (`TSC ADJUST differs` lines).'
			},
			{
				kind: 'hardware',
				text: 'A TSC that really is unreliable: older processors whose TSC stops in deep idle states or follows the clock frequency (`TSC halts in idle`), or multi-socket machines whose TSCs are not synchronised (`check_tsc_sync_source failed`).'
			},
			{
				kind: 'kernel',
				text: 'A long stall of the processor doing the check (a lockup, interrupts off for seconds) shows as a huge skew; so can a coarse watchdog clock (jiffies, when there is no HPET or ACPI PM timer).'
			}
		],
		next_steps: [
			'See the clock in use and the others: `cat /sys/devices/system/clocksource/clocksource0/current_clocksource` and `available_clocksource` in the same directory.',
			'In a VM nothing is needed unless precise timing matters: check that the guest uses the hypervisor’s clock (kvm-clock, hyperv_clocksource_tsc_page, xen) and look at steal time (`st` in `top` or `vmstat 1`), the host’s load and migrations.',
			'On bare metal update the BIOS/UEFI, look for a lockup or stall reported just before, and check the processor’s flags (`grep -o -w -e constant_tsc -e nonstop_tsc /proc/cpuinfo | sort -u`); if it repeats on a processor with both, report it with the watchdog’s lines (`wd_now`, `cs_now`).',
			'Only when the TSC is known to be good, `tsc=reliable` on the kernel command line turns the watchdog’s check off; it also hides real drifts.'
		],
		references: [
			'https://docs.kernel.org/timers/timekeeping.html',
			'https://docs.kernel.org/admin-guide/kernel-parameters.html'
		]
	}
};

/** get_throttled bits the Raspberry Pi firmware reports (the upper half: since boot) */
const THROTTLED_BITS: Array<[number, string]> = [
	[0, 'under-voltage now'],
	[1, 'ARM frequency capped now'],
	[2, 'throttled now'],
	[3, 'soft temperature limit now'],
	[16, 'under-voltage has occurred'],
	[17, 'ARM frequency capping has occurred'],
	[18, 'throttling has occurred'],
	[19, 'soft temperature limit has occurred']
];

/**
 * Raspberry Pi supply voltage too low: the downstream firmware driver's `Under-voltage detected!
 * (0x00050005)`, mainline raspberrypi-hwmon's `Undervoltage detected!`.
 */
export const undervoltage: LineRule = {
	id: 'hardware.undervoltage',
	category: 'hardware',
	severity: 'medium',
	triggers: ['voltage detected!'],
	pattern: /^(?:(\S+) (\S+): )?Under-?voltage detected!(?: \((0x[0-9a-f]{8})\))?/,
	title: () => 'Under-voltage: the power supply is too weak',
	details: (m) => {
		const v = m[3] ? parseInt(m[3], 16) : null;
		return {
			device: m[2] ?? null,
			throttled: m[3] ?? null,
			throttled_decoded:
				v === null ? [] : THROTTLED_BITS.filter(([b]) => v & (1 << b)).map(([, t]) => t)
		};
	},
	storm: { count: 10, severity: 'high' },
	examples: [
		'Under-voltage detected! (0x00050005)',
		'raspberrypi-hwmon raspberrypi-hwmon: Undervoltage detected!'
	],
	negatives: ['Voltage normalised (0x00000000)'],
	explanation: {
		meaning:
			'The board’s 5 V supply dropped below what it needs (about 4.63 V on a Raspberry Pi). The firmware slows the processor while it lasts, and USB devices, disks and the SD card can misbehave: SD card corruption and USB resets on these boards are most often caused by this. "Voltage normalised" says when it recovered.',
		causes: [
			{
				kind: 'hardware',
				text: 'A power supply that cannot deliver enough current, or a long or thin USB cable that drops the voltage.'
			},
			{
				kind: 'environment',
				text: 'USB disks and other devices drawing power from the board, peaks of load (all cores busy, Wi-Fi, camera).'
			}
		],
		next_steps: [
			'Use the official supply for the board (5.1 V, 3 A for a Pi 4, 5 A for a Pi 5) and a short, thick cable.',
			'Power hungry USB devices (disks) from a powered hub.',
			'Check the state: `vcgencmd get_throttled` (0x0 is good; bit 0x1 is under-voltage now, bit 0x10000 under-voltage since boot, so 0x50000 means it happened and the processor was throttled).'
		],
		references: ['https://www.raspberrypi.com/documentation/computers/os.html']
	}
};

/**
 * A Bluetooth controller that does not answer the host's commands: net/bluetooth/hci_core.c
 * hci_cmd_timeout() `Bluetooth: hci0: command 0xfc05 tx timeout` (`command tx timeout` without an
 * opcode), hci_sync.c `Bluetooth: hci0: Opcode 0x0c03 failed: -110` (only the time-out: other
 * codes are commands a controller refuses, often harmlessly), btintel.c `Reading Intel version
 * command failed (-110)` / `Reading Intel version information failed (-110)`. Written from the
 * format strings (6.12): no corpus log has them.
 */
export const bluetoothTimeout: LineRule = {
	id: 'hardware.bluetooth-not-answering',
	category: 'hardware',
	severity: 'medium',
	triggers: [' tx timeout', 'failed: -110', 'failed (-110)'],
	pattern:
		/^Bluetooth: (hci\d+): (?:command (?:(0x[0-9a-f]{4}) )?tx timeout|Opcode (0x[0-9a-f]{4}) failed: -110|Reading Intel version (?:information |command )?failed \(-110\))/,
	title: (m) => `Bluetooth controller ${m[1]} did not answer (command timed out)`,
	details: (m) => ({ device: m[1], opcode: m[2] ?? m[3] ?? null }),
	storm: { count: 20, severity: 'high' },
	examples: [
		'Bluetooth: hci0: command 0xfc05 tx timeout',
		'Bluetooth: hci0: command tx timeout',
		'Bluetooth: hci0: Opcode 0x0c03 failed: -110',
		'Bluetooth: hci0: Reading Intel version command failed (-110)'
	],
	negatives: [
		'Bluetooth: hci0: Opcode 0x2041 failed: -56',
		'Bluetooth: hci0: link tx timeout',
		'Bluetooth: hci0: Failed to load Intel firmware file intel/ibt-0040-0041.sfi (-2)'
	],
	explanation: {
		meaning:
			'The Bluetooth controller did not answer a command of the host within its time (2 s for most, 10 s for some): it is hung, asleep, or not running its firmware. When it happens at start-up (reset 0x0c03, a vendor command such as Intel’s 0xfc05 reading the version), Bluetooth does not come up in this boot; later, connections drop. On laptops the controller is usually a USB device inside the Wi-Fi card, so it often follows a resume or a warm reboot that left it in a bad state.',
		causes: [
			{
				kind: 'hardware',
				text: 'The controller kept a bad state across a warm reboot or suspend (it stays powered); a full power-off clears it.'
			},
			{
				kind: 'driver',
				text: 'USB autosuspend of the controller that it does not wake from, or a driver regression of this kernel.'
			},
			{
				kind: 'firmware',
				text: 'Missing or mismatched controller firmware (linux-firmware: intel/ibt-*, rtl_bt/*, brcm/*.hcd).'
			}
		],
		next_steps: [
			'Shut the machine down completely (on some laptops also unplug the power for a minute) instead of rebooting; check whether Bluetooth works after a cold start.',
			'Reload the driver: `modprobe -r btusb && modprobe btusb`; as a test turn its autosuspend off with `btusb.enable_autosuspend=n` on the kernel command line.',
			'Update the kernel and linux-firmware; `lsusb` shows whether the controller is still on the bus.'
		],
		references: [
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/net/bluetooth/hci_core.c',
			'https://wiki.archlinux.org/title/Bluetooth'
		]
	}
};

/**
 * TPM commands that failed: drivers/char/tpm/tpm-interface.c tpm_try_transmit() `tpm tpm0:
 * tpm_try_transmit: send(): error -62` (older kernels `tpm_transmit: …`), `Operation Timed out`,
 * tpm_transmit_cmd() `A TPM error (256) occurred attempting to read a pcr value` (the TPM's
 * response code, decimal), tpm1-cmd.c `TPM self test failed` and `Error (N) sending savestate
 * before suspend`. Written from the format strings (6.12): no corpus log has them.
 */
export const tpmError: LineRule = {
	id: 'hardware.tpm-error',
	category: 'hardware',
	severity: 'low',
	triggers: [
		'send(): error',
		'Operation Timed out',
		'A TPM error (',
		'TPM self test failed',
		'sending savestate'
	],
	pattern:
		/^tpm (tpm\d+): (?:tpm_(?:try_)?transmit: send\(\): error (-\d+)|(Operation Timed out)|A TPM error \((\d+)\) occurred (.+)|(TPM self test failed)|Error \((-?\d+)\) sending savestate before suspend)/,
	title: (m) => `TPM ${m[1]}: commands failed`,
	details: (m) => ({
		device: m[1],
		error: m[2]
			? errnoName(m[2])
			: m[3]
				? 'timed out'
				: m[6]
					? 'self test failed'
					: m[7]
						? `savestate error ${m[7]}`
						: null,
		tpm_rc: m[4] ? tpmRc(Number(m[4])) : null,
		operation: m[5] ?? null
	}),
	examples: [
		'tpm tpm0: tpm_try_transmit: send(): error -62',
		'tpm tpm0: A TPM error (256) occurred attempting to read a pcr value',
		'tpm tpm0: Operation Timed out',
		'tpm tpm0: TPM self test failed',
		'tpm tpm0: Error (-62) sending savestate before suspend'
	],
	negatives: [
		'tpm tpm0: [Firmware Bug]: TPM interrupt not working, polling instead',
		'tpm_tis MSFT0101:00: 2.0 TPM (device-id 0x1B, rev-id 22)'
	],
	explanation: {
		meaning:
			'The kernel could not complete a command with the TPM (the security chip, or the firmware TPM of Intel PTT / AMD fTPM): it did not answer in time (-62 ETIME, "Operation Timed out") or answered with an error code (256 = TPM_RC_INITIALIZE: the TPM was not started, as when the firmware skips it after a resume). The machine runs normally; what uses the TPM may fail in this boot: disks unlocked by the TPM (systemd-cryptenroll, Clevis, BitLocker-style set-ups) asking for the passphrase, measured boot and IMA, the TPM’s random-number generator. Firmware TPMs of some AMD processors are known to stall this way.',
		causes: [
			{
				kind: 'firmware',
				text: 'A BIOS/UEFI or TPM firmware bug, most often at resume from suspend (AMD fTPM stutter, TPM not restarted).'
			},
			{
				kind: 'configuration',
				text: 'The TPM disabled, cleared or switched between modes (PTT/fTPM vs discrete) in the firmware set-up.'
			},
			{ kind: 'hardware', text: 'A failing discrete TPM module or its bus (LPC/SPI).' }
		],
		next_steps: [
			'If nothing uses the TPM, nothing needs doing. Otherwise check it: `ls /sys/class/tpm/`, `tpm2_selftest --fulltest` and `tpm2_getcap properties-fixed` (tpm2-tools).',
			'Update the BIOS/UEFI (AMD fTPM fixes come with AGESA updates); if errors follow every resume, report them with this log.',
			'If a TPM-sealed disk key stopped working, unlock with the recovery passphrase and re-enroll the key after fixing the TPM.'
		],
		references: [
			'https://docs.kernel.org/security/tpm/index.html',
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/char/tpm/tpm-interface.c'
		]
	}
};

/** a TPM response code (decimal in the log) with the name of the common ones */
function tpmRc(rc: number): string {
	const names: Record<number, string> = {
		256: 'TPM_RC_INITIALIZE (TPM not started)',
		257: 'TPM_RC_FAILURE (TPM in failure mode)',
		2305: 'TPM_RC_RETRY',
		2312: 'TPM_RC_TESTING',
		2304: 'TPM_RC_YIELDED'
	};
	return names[rc] ?? `0x${rc.toString(16)}`;
}

/**
 * arch/arm64/kernel/cpufeature.c: each secondary CPU's ID registers are compared with the boot
 * CPU's (check_update_ftr_reg: `CPU features: SANITY CHECK: Unexpected variation in
 * SYS_ID_AA64MMFR1_EL1. Boot CPU: 0x…, CPU1: 0x…`, once per register and CPU); when a field that
 * must match differs, the kernel prints `CPU features: Unsupported CPU feature variation
 * detected.` once and taints itself CPU_OUT_OF_SPEC (S). Real logs: orion-o6-dmesg-out.log (Radxa
 * Orion O6, CIX P1: MMFR1 of CPU1-4 differs from CPU0's), iamslightlywin-dump-last-kmsg.log (a
 * Snapdragon tablet, the summary line only, at its first big core). Their crash reports carry
 * the S taint, which nothing explained.
 */
export const cpuFeatureMismatch: LineRule = {
	id: 'hardware.cpu-feature-mismatch',
	category: 'hardware',
	severity: 'low',
	triggers: ['SANITY CHECK: Unexpected variation in', 'Unsupported CPU feature variation'],
	pattern:
		/^(?:CPU features: )?(?:SANITY CHECK: Unexpected variation in (\w+)\. Boot CPU: (0x[0-9a-f]+), (CPU\d+): (0x[0-9a-f]+)|Unsupported CPU feature variation detected)/,
	title: () => 'CPU cores report different features: the kernel is tainted (S)',
	details: (m) => ({
		id_register: m[1] ?? null,
		core: m[3] ?? null,
		boot_cpu_value: m[2] ?? null,
		value: m[4] ?? null
	}),
	collect: { id_register: 'id_registers', core: 'cores' },
	// the lines of one boot's check: one occurrence per boot
	perBoot: true,
	examples: [
		// orion-o6-dmesg-out.log lines 133-134 (Radxa Orion O6, 6.12)
		'CPU features: SANITY CHECK: Unexpected variation in SYS_ID_AA64MMFR1_EL1. Boot CPU: 0x1001111010312122, CPU1: 0x1001111011312122',
		'CPU features: Unsupported CPU feature variation detected.'
	],
	negatives: [
		'CPU features: detected: Hardware dirty bit management',
		'CPU features: enabling workaround for ARM erratum 1542418',
		'CPU features: SYS_ID_AA64MMFR1_EL1[11:8]: already set to 2'
	],
	explanation: {
		meaning:
			'At boot the kernel compares the feature (ID) registers of every CPU core with the first core’s. Here some cores report a different value in a field that should be the same on all of them (the registers and cores are listed in the details, `id_registers` and `cores`; SYS_ID_AA64MMFR1_EL1 holds memory-management features). The kernel uses only what all cores support where it can and marks itself tainted `S` (CPU out of specification), so every later crash report of this boot shows that taint. Common on arm64 boards and phones that mix core designs (big.LITTLE) or whose firmware enables a feature on some cores only; the machine usually works normally.',
		causes: [
			{
				kind: 'hardware',
				text: 'Cores of different designs (big and little cores) that differ in a field this kernel expects to match.'
			},
			{
				kind: 'firmware',
				text: 'Firmware (trusted firmware, UEFI) that sets up a feature on some cores only.'
			},
			{
				kind: 'kernel',
				text: 'A kernel older than the processor, which does not yet know that this field may differ between its cores.'
			}
		],
		next_steps: [
			'Nothing needs doing if the machine works: the `S` taint in this boot’s crash reports comes from this, not from a hardware fault.',
			'Update the board’s firmware and the kernel: newer kernels know more of these core mixes.',
			'When you report a crash of this machine, mention this line so that the taint is understood.'
		],
		references: [
			'https://docs.kernel.org/admin-guide/tainted-kernels.html',
			'https://docs.kernel.org/arch/arm64/cpu-feature-registers.html'
		]
	}
};

/**
 * drivers/thermal/qcom/tsens.c probe: the sensor's calibration (read from the qfprom fuses through
 * nvmem) failed, `dev_err(dev, "tsens calibration failed\n")`, and the driver's probe returns the
 * error. Until 5.3 the line is printed for -EPROBE_DEFER too (the qfprom driver not bound yet):
 * the driver core retries later and the sensor works (bacon-pmos-mainline-dev dmesg.log, booted
 * with initcall_debug, shows `requests probe deferral` after it, then `driver_bound`). Corpus: 2
 * logs of a OnePlus One (4.15, 4.17). The severity stays info: a deferral is the common case and
 * a real failure would show as missing thermal zones, which the log does not tell.
 */
export const tsensCalibrationFailed: LineRule = {
	id: 'hardware.tsens-calibration-failed',
	category: 'hardware',
	severity: 'info',
	triggers: ['tsens calibration failed'],
	pattern: /^qcom-tsens (\S+): (?:\w+: )?tsens calibration failed/,
	title: (m) => `Qualcomm temperature sensor ${m[1]} not calibrated at its first probe`,
	details: (m) => ({ device: m[1] }),
	examples: [
		// bacon-pmos-mainline-dev dmesg.log and logs/dmesg (OnePlus One, 4.15-4.17)
		'qcom-tsens fc4a8000.thermal-sensor: tsens calibration failed'
	],
	negatives: ['qcom-tsens 4a9000.thermal-sensor: tsens device is not enabled'],
	explanation: {
		meaning:
			'The Qualcomm SoC’s temperature sensor driver (qcom-tsens) could not read the sensor’s factory calibration, which it takes from the chip’s fuses (qfprom) through the nvmem framework, so its probe stopped. On kernels before 5.3 the driver prints this line also when the fuse driver has simply not started yet: the probe is then deferred and retried, and the sensor works (with `initcall_debug`, `Driver qcom-tsens requests probe deferral` follows, then `driver_bound`). On later kernels, which no longer print it for a deferral, it means the sensor stayed without a driver: the SoC’s thermal zones are missing and the kernel cannot throttle the CPU and GPU when they get hot.',
		causes: [
			{
				kind: 'driver',
				text: 'Probe order: the qfprom (nvmem) driver started after qcom-tsens, which is retried later (kernels before 5.3).'
			},
			{
				kind: 'configuration',
				text: 'A kernel without the qfprom driver (CONFIG_NVMEM_QCOM_QFPROM) or a device tree without the sensor’s `nvmem-cells`: the calibration can never be read.'
			}
		],
		next_steps: [
			'Check that the sensor works: `ls /sys/class/thermal/` should list the SoC’s thermal zones, and `cat /sys/class/thermal/thermal_zone*/temp` should give sensible values.',
			'If the zones are missing, build the kernel with CONFIG_NVMEM_QCOM_QFPROM and check the device tree’s tsens node (`nvmem-cells`, `nvmem-cell-names`); until then keep the device from overheating, since nothing throttles it.'
		],
		references: [
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/thermal/qcom/tsens.c'
		]
	}
};
