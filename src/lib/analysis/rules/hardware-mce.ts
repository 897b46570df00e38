import type { Severity } from '../../models/finding.ts';
import type { LineRule } from './types.ts';

const MCE_REFS = [
	'https://docs.kernel.org/arch/x86/x86_64/machinecheck.html',
	'https://docs.kernel.org/admin-guide/ras.html'
];

const MCE_CAUSES = [
	{
		kind: 'hardware' as const,
		text: 'A failing memory module, CPU cache, or an unstable CPU (overclocking, undervolting, overheating).'
	},
	{
		kind: 'environment' as const,
		text: 'Power supply problems or overheating can produce machine checks on otherwise healthy parts.'
	},
	{
		kind: 'firmware' as const,
		text: 'Outdated BIOS or CPU microcode with known errata.'
	}
];

const MCE_STEPS = [
	'Decode the recorded events: install rasdaemon (`ras-mc-ctl --summary`, `ras-mc-ctl --errors`) or mcelog and read what bank and component failed.',
	'Check whether the errors repeat on the same CPU, bank or memory channel; repeated corrected errors often precede uncorrected ones.',
	'Remove overclocking/undervolting, check cooling, update the BIOS and microcode; run memtest86+ if a memory bank is named.'
];

/** Decode the high bits of an x86 MCi_STATUS value (VAL 63, OVER 62, UC 61, EN 60, PCC 57). */
export function decodeMceStatus(hex: string): { uc: boolean; pcc: boolean; over: boolean } {
	const h = hex.padStart(16, '0');
	const top = parseInt(h[0], 16);
	const next = parseInt(h[1], 16);
	return { over: (top & 4) !== 0, uc: (top & 2) !== 0, pcc: (next & 2) !== 0 };
}

/** arch/x86/kernel/cpu/mce/core.c print_mce: `CPU 2: Machine Check: 0 Bank 5: bea0000000000108` */
export const mceBank: LineRule = {
	id: 'hardware.machine-check',
	category: 'hardware',
	severity: 'medium',
	triggers: ['Machine Check'],
	pattern:
		/^(?:mce: )?(?:\[Hardware Error\]: )?CPU (\d+):? Machine Check(?: Exception)?: ([0-9a-f]+) Bank (\d+): ([0-9a-f]{1,16})\b/,
	title: (m) => {
		const s = decodeMceStatus(m[4]);
		return `${s.uc ? 'Uncorrected' : 'Corrected'} machine check error (bank ${m[3]})`;
	},
	details: (m) => {
		const s = decodeMceStatus(m[4]);
		return {
			cpu: Number(m[1]),
			bank: Number(m[3]),
			status: m[4],
			uncorrected: s.uc,
			processor_context_corrupt: s.pcc,
			overflow: s.over
		};
	},
	severityOf: (m): Severity => {
		const s = decodeMceStatus(m[4]);
		return s.pcc ? 'critical' : s.uc ? 'high' : 'medium';
	},
	storm: { count: 20, severity: 'high' },
	examples: [
		'mce: [Hardware Error]: CPU 2: Machine Check: 0 Bank 5: bea0000000000108',
		'CPU 0: Machine Check Exception: 7 Bank 4: b40000000005001b',
		'[Hardware Error]: CPU 1: Machine Check: 0 Bank 6: 9c00004001010135'
	],
	negatives: [
		'mce: CPU supports 9 MCE banks',
		'mce: [Hardware Error]: Machine check events logged'
	],
	explanation: {
		meaning:
			'The CPU reported a machine check: hardware (CPU, cache, memory controller, bus) detected an error. Corrected errors were fixed by the hardware; uncorrected ones mean data was lost and usually crash the machine.',
		causes: MCE_CAUSES,
		next_steps: MCE_STEPS,
		references: MCE_REFS
	}
};

/** mce_notify_irq: printed when corrected or deferred errors were logged to /dev/mcelog or trace. */
export const mceLogged: LineRule = {
	id: 'hardware.machine-check-logged',
	category: 'hardware',
	severity: 'medium',
	triggers: ['Machine check events logged'],
	pattern: /^(?:mce: )?\[Hardware Error\]: Machine check events logged/,
	title: () => 'Machine check events logged',
	storm: { count: 10, severity: 'high' },
	// arch/x86/kernel/cpu/mce/inject.c: the test module that makes machine checks on request
	context: {
		trigger: 'Machine check injector initialized',
		pattern: /^(?:mce: )?Machine check injector initialized/,
		details: () => ({ injector_loaded: true }),
		within: 20000,
		examples: ['Machine check injector initialized'],
		outcome: {
			title: () => 'Machine check events logged after the mce-inject test module was loaded',
			severity: 'info',
			explanation: {
				meaning:
					'The kernel logged machine check events after the mce-inject module, which creates fake hardware errors on request for testing error handling, was loaded in this boot. They were most likely injected on purpose.',
				causes: [
					{
						kind: 'userspace',
						text: 'A test (RAS validation, `mce-test`, an administrator) injecting machine checks through /sys/kernel/debug/mce-inject.'
					},
					{
						kind: 'hardware',
						text: 'Rarely, a real error that happened while the module was loaded: check the MCE log if nobody was testing.'
					}
				],
				next_steps: [
					'If nobody was testing error handling on this machine, read the events (`ras-mc-ctl --errors`, mcelog) and treat them as real.',
					'Unload the module when the tests are done (`rmmod mce-inject`).'
				],
				references: MCE_REFS
			}
		}
	},
	examples: ['mce: [Hardware Error]: Machine check events logged'],
	negatives: ['mce: Machine check polling disabled'],
	explanation: {
		meaning:
			'The CPU reported hardware errors (machine checks) that the kernel handled and recorded, most often corrected ones: a memory bit flip fixed by ECC, a cache or bus error the CPU corrected. The machine went on running; the details (corrected or not, which CPU, bank, memory module) went to the MCE log, not to this log (an uncorrected error the kernel cannot survive panics the machine with a message of its own). Early in a boot it often reports errors left in the processor’s error registers from before the reset (possibly the error that caused it). One such line means little by itself: uncorrected errors, or corrected ones that keep coming from the same memory module, CPU or bank, point at failing hardware.',
		causes: MCE_CAUSES,
		next_steps: [
			'Read the events: with rasdaemon, `ras-mc-ctl --errors` (and `--summary`) lists each one, corrected or not, with its CPU, bank and the memory module (DIMM) when decoded; with mcelog, `mcelog --client` or /var/log/mcelog; on a server the BMC’s event log keeps them too, with the DIMM slot (`ipmitool sel elist`, iDRAC, iLO).',
			'A few corrected errors, far apart, need no action. The same DIMM, channel, CPU or bank again and again, or any uncorrected error, means that part is failing: replace it (memtest86+ for memory), and check cooling, overclocking and the BIOS and microcode.',
			'If neither rasdaemon nor mcelog runs, install one (rasdaemon on current distributions) so that the next events are kept: the kernel does not print them.'
		],
		references: MCE_REFS
	}
};

/** drivers/edac/mce_amd.c decode: `[Hardware Error]: Corrected error, no action required.` */
export const mceDecoded: LineRule = {
	id: 'hardware.machine-check-decoded',
	category: 'hardware',
	severity: 'low',
	triggers: ['[Hardware Error]: '],
	pattern:
		/^(?:mce: )?\[Hardware Error\]: (Corrected error|Deferred error|Uncorrected, software restartable error|Uncorrected, software containable error|Uncorrected, exception causes context corruption|Uncorrected error)/,
	title: (m) => `Hardware error: ${m[1].toLowerCase()}`,
	severityOf: (m) =>
		m[1].startsWith('Uncorrected, exception')
			? 'critical'
			: m[1].startsWith('Uncorrected')
				? 'high'
				: m[1].startsWith('Deferred')
					? 'medium'
					: 'low',
	storm: { count: 20, severity: 'medium' },
	examples: [
		'[Hardware Error]: Corrected error, no action required.',
		'mce: [Hardware Error]: Uncorrected, software restartable error.'
	],
	negatives: [
		'[Hardware Error]: CPU:0 (19:61:2) MC21_STATUS[Over|CE|MiscV|AddrV|-|-|SyndV|CECC|-|-|-]: 0xdc2040000400011b'
	],
	explanation: {
		meaning:
			'The AMD machine-check decoder classified a hardware error. "Corrected" errors were repaired by the hardware and do no harm by themselves; "deferred" and "uncorrected" errors mean data was damaged.',
		causes: MCE_CAUSES,
		next_steps: MCE_STEPS,
		references: MCE_REFS
	}
};

/** drivers/firmware/efi/cper.c via GHES: `{1}[Hardware Error]: event severity: corrected` */
export const ghes: LineRule = {
	id: 'hardware.apei-error',
	category: 'hardware',
	severity: 'medium',
	triggers: ['[Hardware Error]: '],
	pattern: /^(?:\{\d+\})?\[Hardware Error\]: {1,2}event severity: (\w+)/,
	title: (m) => `Firmware-reported hardware error (${m[1]})`,
	details: (m) => ({ severity: m[1] }),
	severityOf: (m) =>
		m[1] === 'fatal'
			? 'critical'
			: m[1] === 'recoverable'
				? 'high'
				: m[1] === 'corrected'
					? 'low'
					: 'info',
	storm: { count: 20, severity: 'medium' },
	examples: [
		'{1}[Hardware Error]: event severity: corrected',
		'{2}[Hardware Error]: event severity: fatal'
	],
	negatives: ['{1}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 0'],
	explanation: {
		meaning:
			'The platform firmware (through ACPI APEI/GHES) reported a hardware error: memory, PCIe or CPU. The following lines name the section (memory, PCIe) and the failing component.',
		causes: [
			{ kind: 'hardware', text: 'A failing memory module, PCIe device or CPU component.' },
			{ kind: 'firmware', text: 'Firmware that reports spurious errors (update the BIOS/BMC).' }
		],
		next_steps: [
			'Read the lines that follow ("section_type", "physical_address", "device_id") to see which component failed.',
			'Check the BMC/IPMI event log (`ipmitool sel list`) and rasdaemon (`ras-mc-ctl --errors`).',
			'Replace the failing part if errors repeat; update the BIOS.'
		],
		references: [
			'https://docs.kernel.org/firmware-guide/acpi/apei/output_format.html',
			'https://docs.kernel.org/admin-guide/ras.html'
		]
	}
};

/** drivers/edac/edac_mc.c edac_mc_handle_error: `EDAC MC0: 1 CE memory read error on <label> (...)` */
export const edac: LineRule = {
	id: 'hardware.edac-memory-error',
	category: 'hardware',
	severity: 'low',
	triggers: ['EDAC '],
	pattern:
		/^EDAC (?:\w+ )?MC(\d+): (?:(\d+) )?(CE|UE)\b(?: ([\w ]*?) on ([^\s(]+)|[^"]+label "([^"]*)")?/,
	title: (m) => {
		const where = m[6] || m[5];
		return `${m[3] === 'UE' ? 'Uncorrectable' : 'Corrected'} memory error (EDAC MC${m[1]}${where ? ` ${where}` : ''})`;
	},
	details: (m) => ({
		controller: `MC${m[1]}`,
		type: m[3],
		errors: m[2] ? Number(m[2]) : 1,
		kind: m[4] ?? null,
		location: m[6] || m[5] || null
	}),
	severityOf: (m) => (m[3] === 'UE' ? 'critical' : 'low'),
	storm: { count: 10, severity: 'medium' },
	examples: [
		'EDAC MC0: 1 CE memory read error on CPU_SrcID#0_Ha#0_Chan#0_DIMM#0 (channel:0 slot:0 page:0x7f3ec offset:0x280 grain:32 syndrome:0x0 -  OVERFLOW area:DRAM err_code:0001:0092 socket:0 ha:0 channel_mask:1 rank:1 )',
		'EDAC MC1: 1 UE memory read error on CPU_SrcID#1_MC#0_Chan#1_DIMM#0 (channel:1 slot:0 page:0x1234 offset:0x0 grain:32)',
		'EDAC MC0: CE page 0x3ffb6, offset 0xe40, grain 0, syndrome 0x2a, row 1, channel 0, label "DIMM_A1": amd64_edac'
	],
	negatives: [
		'EDAC MC: Ver: 3.0.0',
		'EDAC sbridge MC0: HANDLING MCE MEMORY ERROR',
		'EDAC MC0: Giving out device to module ie31200_edac controller IE31200: DEV 0000:00:00.0 (POLLED)'
	],
	explanation: {
		meaning:
			'The memory controller detected a memory error through ECC. A corrected error (CE) was repaired and did no harm, but repeated ones on the same module point to a failing DIMM. An uncorrectable error (UE) means data in memory was lost.',
		causes: [
			{ kind: 'hardware', text: 'A failing or badly seated memory module (DIMM), or a bad slot.' },
			{
				kind: 'environment',
				text: 'Overheating or unstable power; memory run beyond its rated speed (XMP/EXPO).'
			}
		],
		next_steps: [
			'See the counts per module: `ras-mc-ctl --summary` / `ras-mc-ctl --errors` (rasdaemon), `edac-util -v` (edac-utils) or `grep . /sys/devices/system/edac/mc/mc*/dimm*/dimm_*_count`.',
			'Reseat the named DIMM; replace it if corrected errors keep growing or any uncorrectable error appears.',
			'Run memtest86+ and return memory to rated speeds.'
		],
		references: [
			'https://docs.kernel.org/driver-api/edac.html',
			'https://docs.kernel.org/admin-guide/ras.html'
		]
	}
};

/**
 * arch/powerpc/kernel/mce_power.c, traps.c (older kernels): `Caused by (from SRR1=8000000000101032):
 * L2 data cache parity error` after `Machine check in kernel mode.` on IBM POWER machines.
 */
export const ppcMachineCheck: LineRule = {
	id: 'hardware.machine-check-powerpc',
	category: 'hardware',
	severity: 'high',
	triggers: ['Caused by (from SRR1='],
	pattern: /^Caused by \(from SRR1=([0-9a-f]+)\): (.*\S)/,
	title: (m) => `CPU machine check: ${m[2]}`,
	details: (m) => ({ srr1: m[1], error: m[2] }),
	examples: ['Caused by (from SRR1=8000000000101032): L2 data cache parity error'],
	negatives: ['Machine check in kernel mode.'],
	explanation: {
		meaning:
			'The POWER processor detected a hardware error (here named after the unit: a cache, the load/store unit, a bus) and raised a machine check. The kernel usually kills the running task or stops; an error in a cache or memory path often recurs.',
		causes: [
			{
				kind: 'hardware',
				text: 'A failing processor (cache, load/store unit) or memory card; on a POWER machine these are field-replaceable units the service processor names by location code.'
			},
			{
				kind: 'environment',
				text: 'Power or cooling problems, which the service processor also logs.'
			},
			{
				kind: 'firmware',
				text: 'Outdated system firmware (the service processor’s and the hypervisor’s) with known errata.'
			}
		],
		next_steps: [
			'Check the service processor / HMC event log (or `errpt`-style platform logs) for the same event and its location code.',
			'A repeated cache or memory error means a failing processor or memory card: contact the hardware service; keep the system firmware current.'
		],
		references: ['https://docs.kernel.org/arch/powerpc/index.html']
	}
};

/**
 * arch/x86/kernel/cpu/mce/intel.c (to 6.9): `CMCI storm detected: switching to poll mode`; 6.10+
 * (mce/threshold.c): `CPU2 BANK7 CMCI storm detected`. So many corrected machine-check errors came
 * in so fast that the kernel stopped taking an interrupt for each and polls instead; the
 * `subsided` line is the storm's end. Written from the kernel's format strings.
 */
export const cmciStorm: LineRule = {
	id: 'hardware.cmci-storm',
	category: 'hardware',
	severity: 'medium',
	triggers: ['CMCI storm detected'],
	pattern: /^(?:mce: )?(?:CPU(\d+) BANK(\d+) )?CMCI storm detected/,
	title: () => 'Storm of corrected hardware errors (CMCI): machine checks switched to polling',
	details: (m) => ({
		cpu: m[1] ? Number(m[1]) : null,
		bank: m[2] ? Number(m[2]) : null
	}),
	storm: { count: 10, severity: 'high' },
	examples: ['CMCI storm detected: switching to poll mode', 'mce: CPU2 BANK7 CMCI storm detected'],
	negatives: [
		'CMCI storm subsided: switching to interrupt mode',
		'mce: CPU2 BANK7 CMCI storm subsided'
	],
	explanation: {
		meaning:
			'The processor reported corrected machine-check errors (CMCI: corrected machine-check interrupts) so fast that the kernel stopped taking an interrupt for each and polls for them instead. Each error was corrected, so no data was lost yet, but a storm means one part, most often a memory module (or a CPU cache), is producing errors continuously and may soon produce uncorrectable ones.',
		causes: MCE_CAUSES,
		next_steps: [
			'Find the failing part: `ras-mc-ctl --errors` / `--summary` (rasdaemon) or `mcelog`, and the EDAC counters (`grep . /sys/devices/system/edac/mc/mc*/dimm*/dimm_ce_count`); the bank number tells memory controller from cache.',
			'If one memory module keeps counting errors, reseat or replace it; run memtest86+.',
			'Remove overclocking/undervolting and update the BIOS and microcode.'
		],
		references: MCE_REFS
	}
};
