import type { LineRule } from './types.ts';
import { HCD_REMOVED, HCD_REMOVED_TRIGGER } from './usb.ts';

const AER_REFS = [
	'https://docs.kernel.org/PCI/pcieaer-howto.html',
	'https://docs.kernel.org/PCI/pci-error-recovery.html'
];

/** PCIe AER error bits as printed by drivers/pci/pcie/aer.c (aer_correctable/uncorrectable_error_string). */
const AER_BITS: Record<string, string> = {
	RxErr: 'receiver error: bad signal on the link (physical layer)',
	BadTLP: 'bad transaction-layer packet (link CRC error)',
	BadDLLP: 'bad data-link-layer packet (link CRC error)',
	Rollover: 'replay counter rolled over (many retries)',
	Timeout: 'replay timer timeout (packets had to be resent)',
	NonFatalErr: 'advisory non-fatal error',
	CorrIntErr: 'corrected internal error in the device',
	HeaderOF: 'header log overflow',
	Undefined: 'undefined error bit',
	DLP: 'data link protocol error',
	SDES: 'surprise link down',
	TLP: 'poisoned transaction-layer packet (data corrupted)',
	FCP: 'flow control protocol error',
	CmpltTO: 'completion timeout: the device did not answer a request',
	CmpltAbrt: 'completer abort',
	UnxCmplt: 'unexpected completion',
	RxOF: 'receiver overflow',
	MalfTLP: 'malformed transaction-layer packet',
	ECRC: 'end-to-end CRC error',
	UnsupReq: 'unsupported request',
	ACSViol: 'access control services violation',
	UncorrIntErr: 'uncorrectable internal error in the device',
	BlockedTLP: 'blocked transaction-layer packet',
	AtomicOpBlocked: 'atomic operation blocked',
	TLPBlockedErr: 'TLP prefix blocked',
	PoisonTLPBlocked: 'poisoned TLP egress blocked'
};

/** the longer names older kernels print for the same bits (before 4.x) */
const AER_OLD_NAMES: Record<string, string> = {
	'Receiver Error': 'RxErr',
	'Bad TLP': 'BadTLP',
	'Bad DLLP': 'BadDLLP',
	'RELAY_NUM Rollover': 'Rollover',
	'Replay Timer Timeout': 'Timeout',
	'Advisory Non-Fatal': 'NonFatalErr',
	'Data Link Protocol': 'DLP',
	'Surprise Down Error': 'SDES',
	'Poisoned TLP': 'TLP',
	'Flow Control Protocol': 'FCP',
	'Completion Timeout': 'CmpltTO',
	'Completer Abort': 'CmpltAbrt',
	'Unexpected Completion': 'UnxCmplt',
	'Receiver Overflow': 'RxOF',
	'Malformed TLP': 'MalfTLP',
	'Unsupported Request': 'UnsupReq',
	'ACS Violation': 'ACSViol'
};

/** the bits of the correctable error status register (aer_correctable_error_string) */
const CORRECTABLE_BITS = new Set([
	'RxErr',
	'BadTLP',
	'BadDLLP',
	'Rollover',
	'Timeout',
	'NonFatalErr',
	'CorrIntErr',
	'HeaderOF'
]);

/** what an AER bit name means, under its current or older name (null when unknown) */
function aerMeaning(name: string): string | null {
	return AER_BITS[name] ?? AER_BITS[AER_OLD_NAMES[name] ?? ''] ?? null;
}

const AER_CAUSES = [
	{
		kind: 'hardware' as const,
		text: 'A marginal PCIe link: a device not fully seated, a riser or cable, a failing device or slot.'
	},
	{
		kind: 'firmware' as const,
		text: 'Active-state power management (ASPM) bugs in the device or BIOS: links that fail when they wake up.'
	},
	{
		kind: 'driver' as const,
		text: 'A driver that programs the device wrongly (unsupported requests, completion timeouts).'
	}
];

const AER_STEPS = [
	'Identify the device: `lspci -s <address> -vv` (look at LnkSta, the error status registers and the driver in use).',
	'Reseat the card or SSD, try another slot, check risers; update the device firmware and the BIOS.',
	'If only corrected RxErr/BadTLP errors flood the log, try `pcie_aspm=off` as a test; `pci=noaer` only hides the messages.'
];

const AER_MEANING =
	'A PCIe device or port reported an error on its link (Advanced Error Reporting). Corrected errors were retried successfully and are harmless unless they come in floods; uncorrectable errors mean a transfer failed and the device may need a reset or stop working.';

/**
 * The steps of a corrected error: nothing to do for one, and hardware work only for a stream of
 * them. syslogs-messages-3.log (a Chromebook, `DMI: Google Craask/Craask`): one corrected
 * `sdhci-pci 0000:01:00.0: PCIe Bus Error: severity=Corrected, type=Data Link Layer` at 0.5 s,
 * as the link came up at boot, had been told to reseat the card and try another slot.
 */
const AER_CORRECTED_STEPS = [
	'One corrected error, or a few at boot or resume while links train, needs nothing: the link retried the transfer and it got through. Only a steady stream matters: count them (`journalctl -k | grep -c "PCIe Bus Error"`).',
	AER_STEPS[0],
	'If they keep coming: try `pcie_aspm=off` as a test (link power saving is the usual cause on laptops, where the device is soldered or an M.2 module); on a desktop or server reseat the card or SSD, try another slot, check risers; update the device firmware and the BIOS. `pci=noaer` only hides the messages.'
];

/** aer_print_error: `<drv> <bdf>: PCIe Bus Error: severity=Corrected, type=Physical Layer, (Receiver ID)` */
export const pcieAer: LineRule = {
	id: 'hardware.pcie-aer',
	category: 'hardware',
	severity: 'low',
	triggers: ['PCIe Bus Error: severity='],
	pattern:
		/^(?:(\S+) ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): )?(?:AER: )?PCIe Bus Error: severity=(Corrected|Correctable|Uncorrected \(Non-Fatal\)|Uncorrected \(Fatal\)|Uncorrectable \(Non-Fatal\)|Uncorrectable \(Fatal\)), type=([^,]+)(?:, \(?([^)]*)\)?)?/,
	title: (m) => {
		const sev = m[3].startsWith('Correct')
			? 'Corrected'
			: m[3].includes('Non-Fatal')
				? 'Uncorrectable (non-fatal)'
				: 'Uncorrectable (fatal)';
		return `${sev} PCIe error on ${m[2] ?? 'a PCIe device'}`;
	},
	details: (m) => ({
		device: m[2] ?? null,
		driver: m[1] ?? null,
		severity: m[3],
		type: m[4],
		agent: m[5] ?? null
	}),
	severityOf: (m) =>
		m[3].startsWith('Correct') ? 'low' : m[3].includes('Non-Fatal') ? 'high' : 'critical',
	explanationOf: (m) =>
		m[3].startsWith('Correct')
			? {
					meaning: AER_MEANING,
					causes: AER_CAUSES,
					next_steps: AER_CORRECTED_STEPS,
					references: AER_REFS
				}
			: undefined,
	storm: { count: 50, severity: 'medium' },
	// aer_print_error: the status register, then one line per error bit that is set
	follow: [
		{
			trigger: 'error status/mask=',
			pattern:
				/^\S+ (?<device>[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): {2,3}device \[([0-9a-f]{4}:[0-9a-f]{4})\] error status\/mask=([0-9a-f]{8})\/([0-9a-f]{8})/,
			details: (m) => ({ device_id: m[2], error_status: m[3], error_mask: m[4] }),
			within: 10,
			examples: [
				'pcieport 0000:00:06.0:   device [8086:a74d] error status/mask=00000001/00002000',
				'nvme 0000:01:00.0:   device [144d:a808] error status/mask=00004000/00400000'
			]
		},
		{
			trigger: ':    [',
			pattern:
				/^\S+ (?<device>[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): {4}\[ ?\d+\] ([A-Za-z][\w-]*(?: [A-Za-z][\w-]*)*)/,
			details: (m) => ({ error_bits: [m[2]] }),
			within: 40,
			examples: [
				'pcieport 0000:00:06.0:    [ 0] RxErr                  (First)',
				'nvme 0000:01:00.0:    [14] CmpltTO                (First)',
				'pcieport 0000:00:1c.0:    [ 6] Bad TLP'
			]
		}
	],
	examples: [
		'pcieport 0000:00:06.0: PCIe Bus Error: severity=Corrected, type=Physical Layer, (Receiver ID)',
		'pcieport 0000:00:1c.0: PCIe Bus Error: severity=Correctable, type=Physical Layer, (Receiver ID)',
		'pcieport 0000:00:1c.6: PCIe Bus Error: severity=Corrected, type=Physical Layer, id=00e6(Receiver ID)',
		'nvme 0000:01:00.0: PCIe Bus Error: severity=Uncorrected (Non-Fatal), type=Transaction Layer, (Requester ID)',
		'pcieport 0000:00:01.0: AER: PCIe Bus Error: severity=Uncorrectable (Fatal), type=Inaccessible, (Unregistered Agent ID)'
	],
	negatives: [
		'pcieport 0000:00:02.6: AER: enabled with IRQ 30',
		'pcieport 0000:00:06.0: AER: Corrected error message received from 0000:00:06.0'
	],
	explanation: {
		meaning: AER_MEANING,
		causes: AER_CAUSES,
		next_steps: AER_STEPS,
		references: AER_REFS
	}
};

/** The decoded status bits that follow: `<drv> <bdf>:    [ 0] RxErr                  (First)` */
export const pcieAerBit: LineRule = {
	id: 'hardware.pcie-aer-bit',
	category: 'hardware',
	severity: 'info',
	triggers: [':    ['],
	// newer kernels print short names (`BadTLP`), older ones words (`Bad TLP`) up to the padding
	pattern:
		/^\S+ ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): {4}\[ ?(\d+)\] ([A-Za-z][\w-]*(?: [A-Za-z][\w-]*)*)/,
	title: (m) => `PCIe error bit ${m[3]} on ${m[1]}`,
	details: (m) => ({
		device: m[1],
		bit: Number(m[2]),
		name: m[3],
		meaning: aerMeaning(m[3])
	}),
	// a bit of the correctable status register gets the steps of a corrected error
	explanationOf: (m) =>
		CORRECTABLE_BITS.has(AER_OLD_NAMES[m[3]] ?? m[3])
			? { ...pcieAerBit.explanation, next_steps: AER_CORRECTED_STEPS }
			: undefined,
	examples: [
		'pcieport 0000:00:06.0:    [ 0] RxErr                  (First)',
		'nvme 0000:02:00.0:    [14] CmpltTO                (First)',
		'pcieport 0000:00:1c.0:    [12] Timeout',
		'pcieport 0000:00:1c.0:    [ 0] Receiver Error         (First)'
	],
	negatives: ['pcieport 0000:00:06.0:   device [8086:a74d] error status/mask=00000001/00002000'],
	explanation: {
		meaning:
			'The error bit a PCIe device set in its AER status register: it says what kind of link or transaction error happened (the bit’s own meaning is among the finding’s facts). RxErr/BadTLP/BadDLLP point to signal quality, CmpltTO to a device that stopped answering, TLP (poisoned) to corrupted data.',
		causes: AER_CAUSES,
		next_steps: AER_STEPS,
		references: AER_REFS
	}
};

/** drivers/pci/pcie/dpc.c: `pcieport 0000:00:1d.0: DPC: containment event, status:0x1f01 source:0x0000` */
export const pcieDpc: LineRule = {
	id: 'hardware.pcie-dpc',
	category: 'hardware',
	severity: 'high',
	triggers: ['DPC: containment event'],
	pattern: /^\S+ ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): DPC: containment event/,
	title: (m) => `PCIe link disabled by downstream port containment (${m[1]})`,
	details: (m) => ({ device: m[1] }),
	examples: ['pcieport 0000:00:1d.0: DPC: containment event, status:0x1f01 source:0x0000'],
	negatives: [
		'pcieport 0000:00:1d.0: DPC: error containment capabilities: Int Msg #0, RPExt+ PoisonedTLP+'
	],
	explanation: {
		meaning:
			'A PCIe port shut down its link to stop an uncorrectable error from spreading. The device behind it disappeared until the kernel recovered the link; I/O to it failed meanwhile.',
		causes: AER_CAUSES,
		next_steps: AER_STEPS,
		references: AER_REFS
	}
};

/** drivers/pci/pci.c: `pcieport 0000:06:00.0: Unable to change power state from D3hot to D0, device inaccessible` */
export const pciInaccessible: LineRule = {
	id: 'hardware.pci-device-inaccessible',
	category: 'hardware',
	severity: 'medium',
	triggers: ['device inaccessible'],
	pattern:
		/^\S+ ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): Unable to change power state from (D\w+) to (D\w+), device inaccessible/,
	title: (m) => `PCI device ${m[1]} inaccessible after power-state change`,
	details: (m) => ({ device: m[1], from: m[2], to: m[3] }),
	// drivers/usb/core/hcd.c usb_remove_hcd(): a USB controller was just removed from the system
	// (a Thunderbolt controller powering down after its last device was unplugged); the bridge
	// above it then no longer answers either
	context: {
		trigger: HCD_REMOVED_TRIGGER,
		pattern: HCD_REMOVED,
		details: (m) => ({ removed_device: m[1] }),
		within: 20,
		examples: ['xhci_hcd 0000:3b:00.0: remove, state 1'],
		outcome: {
			title: (m) => `PCI device ${m[1]} inaccessible while a hot-plugged device was removed`,
			severity: 'info',
			explanation: {
				meaning:
					'A PCI bridge did not come back from a power-saving state just after the USB controller behind it was removed: a Thunderbolt or USB-C dock (or a laptop’s Thunderbolt controller that powers down when its last device is unplugged) went away. The bridge answers again when something is plugged in.',
				causes: [
					{
						kind: 'environment',
						text: 'A Thunderbolt/USB-C device or dock was unplugged, or the Thunderbolt controller powered down.'
					},
					{
						kind: 'hardware',
						text: 'If nothing was unplugged and devices behind this port stay missing, a failing dock, cable or port.'
					}
				],
				next_steps: [
					'Nothing to do if a dock or device was unplugged at that moment.',
					'If devices behind the port do not come back when plugged in again, update the BIOS and Thunderbolt firmware.'
				],
				references: ['https://docs.kernel.org/admin-guide/thunderbolt.html']
			}
		}
	},
	examples: [
		'pcieport 0000:06:00.0: Unable to change power state from D3hot to D0, device inaccessible',
		'nvme 0000:01:00.0: Unable to change power state from D3cold to D0, device inaccessible'
	],
	negatives: ['pci 0000:00:1c.0: PME# supported from D0 D3hot D3cold'],
	explanation: {
		meaning:
			'A PCI device did not wake up from a power-saving state and stopped answering: it and everything behind it (for a bridge or Thunderbolt port: docks, their USB and network controllers) is gone until it is reset or the machine rebooted. Expected when a Thunderbolt/USB-C dock or eGPU was just unplugged.',
		causes: [
			{
				kind: 'environment',
				text: 'A hot-pluggable device (Thunderbolt dock, eGPU) was unplugged.'
			},
			{
				kind: 'firmware',
				text: 'BIOS or device firmware bugs with runtime power management (D3cold).'
			},
			{ kind: 'hardware', text: 'A failing device or PCIe link.' }
		],
		next_steps: [
			'Identify the device with `lspci -s <address> -vv`; note whether a dock or eGPU was unplugged at that time.',
			'Update the BIOS/Thunderbolt firmware (`fwupdmgr`); as a test disable runtime PM for it (`echo on > /sys/bus/pci/devices/<address>/power/control`).'
		],
		references: ['https://docs.kernel.org/power/pci.html']
	}
};

const EEH_REFS = [
	'https://docs.kernel.org/arch/powerpc/eeh-pci-error-recovery.html',
	'https://docs.kernel.org/PCI/pci-error-recovery.html'
];

/**
 * POWER's Enhanced Error Handling (arch/powerpc/kernel/eeh*.c): the PCI host bridge (PHB) froze a
 * partitionable endpoint (PE) after a PCI error. 3.x kernels print `EEH: Detected PCI bus error on
 * PHB#1-PE#10000` (eeh_event.c) and then `EEH: This PCI device has failed 1 times in the last
 * hour` (eeh_driver.c); later ones `EEH: Frozen PHB#0-PE#fe detected` (eeh.c
 * eeh_dev_check_failure) and `EEH: Recovering PHB#0-PE#fe` when recovery starts. In the real log
 * (abrt oops9-ppc64, RHEL 7 3.10 pSeries) the ipr SAS adapter's error_detected callback then
 * oopsed in the recovery thread (eehd).
 */
export const pciEeh: LineRule = {
	id: 'hardware.pci-eeh',
	category: 'hardware',
	severity: 'high',
	triggers: ['EEH: Detected PCI bus error on ', 'EEH: Frozen PHB#'],
	pattern:
		/^EEH: (?:Detected PCI bus error on PHB#(\w+)-PE#(\w+)|Frozen PHB#(\w+)-PE#(\w+) detected)/,
	title: (m) => `PCI error froze PowerPC PHB#${m[1] ?? m[3]}-PE#${m[2] ?? m[4]} (EEH)`,
	details: (m) => ({ device: `PHB#${m[1] ?? m[3]}-PE#${m[2] ?? m[4]}` }),
	follow: [
		{
			// eeh_driver.c eeh_handle_normal_event(): the freeze count in the last hour, after
			// which (eeh_max_freezes, 5 by default) the device is disabled for good
			trigger: 'EEH: This PCI device has failed ',
			pattern: /^EEH: This PCI device has failed (\d+) times in the last hour/,
			details: (m) => ({ failures_last_hour: Number(m[1]) }),
			within: 5,
			examples: ['EEH: This PCI device has failed 1 times in the last hour']
		},
		{
			trigger: 'EEH: Recovering PHB#',
			pattern: /^EEH: Recovering (?<device>PHB#\w+-PE#\w+)/,
			details: () => ({ recovery_started: true }),
			within: 20,
			examples: ['EEH: Recovering PHB#0-PE#fe']
		}
	],
	examples: [
		// abrt-oops9-ppc64.log line 3 (RHEL 7, kernel 3.10, pSeries)
		'EEH: Detected PCI bus error on PHB#1-PE#10000',
		'EEH: Frozen PHB#0-PE#fe detected'
	],
	negatives: [
		'EEH: pSeries platform initialized',
		'EEH: This PCI device has failed 1 times in the last hour',
		'EEH: PCI Enhanced I/O Error Handling Enabled'
	],
	explanation: {
		meaning:
			'On IBM POWER machines the PCI host bridge watches every transfer; when a PCI device or its slot makes an error (a bad transfer, a device that stops answering, a DMA to an address it may not use) Enhanced Error Handling freezes that device’s partitionable endpoint (PE): its reads return all ones and its writes are dropped, so corrupt data cannot spread. The kernel then asks the device’s driver to stop, resets the slot and lets the driver start again. I/O to the device fails meanwhile; drivers whose error-recovery code has bugs can crash during it, and a device that fails too often (5 times in an hour by default) is switched off for good.',
		causes: [
			{
				kind: 'hardware',
				text: 'A PCI adapter that is failing or not seated well in its slot (most EEH events in the field), or a failing slot or riser.'
			},
			{
				kind: 'driver',
				text: 'A driver that programs its device wrongly (a DMA outside its mapped memory, an access while the device is powered down).'
			},
			{
				kind: 'firmware',
				text: 'Adapter or system firmware bugs; the adapter’s firmware level too old for the kernel.'
			}
		],
		next_steps: [
			'Find the adapter behind the PE: `lspci -v` and the lines printed before the event name the PCI address and driver; on PowerVM the HMC and `errpt`/`servicelog` have the platform’s own error entry.',
			'If the count of failures in the last hour grows, reseat or replace the adapter, or move it to another slot; update the adapter and system firmware.',
			'If the driver crashed during recovery (an oops in the `eehd` thread right after), update the kernel: the bug is in the driver’s error-recovery code; report it with this log.'
		],
		references: EEH_REFS
	}
};

/**
 * eeh_driver.c: the PE was frozen once too often (`EEH: PHB#1-PE#10000 has failed 6 times in the`
 * / `last hour and has been permanently disabled.` in 3.x, one line later) or could not be
 * recovered (`EEH: Unable to recover from failure from PHB#0-PE#fe.`): the devices under it are
 * removed. No real log of the corpus has it; the lines follow the kernel's format strings.
 */
export const pciEehDisabled: LineRule = {
	id: 'hardware.pci-eeh-disabled',
	category: 'hardware',
	severity: 'critical',
	triggers: ['EEH: PHB#', 'EEH: Unable to recover from failure from PHB#'],
	pattern:
		/^EEH: (?:PHB#(\w+)-PE#(\w+) has failed (\d+) times in the|Unable to recover from failure from PHB#(\w+)-PE#(\w+))/,
	title: (m) => `PowerPC PHB#${m[1] ?? m[4]}-PE#${m[2] ?? m[5]} disabled after PCI errors (EEH)`,
	details: (m) => ({
		device: `PHB#${m[1] ?? m[4]}-PE#${m[2] ?? m[5]}`,
		failures_last_hour: m[3] === undefined ? null : Number(m[3]),
		reason: m[3] === undefined ? 'recovery failed' : 'too many failures'
	}),
	examples: [
		'EEH: PHB#1-PE#10000 has failed 6 times in the',
		'EEH: PHB#0-PE#fe has failed 6 times in the last hour and has been permanently disabled.',
		'EEH: Unable to recover from failure from PHB#0-PE#fe.'
	],
	negatives: ['EEH: Detected PCI bus error on PHB#1-PE#10000', 'EEH: Recovering PHB#0-PE#fe'],
	explanation: {
		meaning:
			'Enhanced Error Handling froze this PCI device’s endpoint after a PCI error and either could not bring it back or it had failed too often (5 times in an hour by default), so the kernel removed the devices under it for good. Everything on that adapter (disks behind a SAS adapter, network ports) is gone until the adapter is repaired and the machine rebooted or the slot re-added.',
		causes: [
			{
				kind: 'hardware',
				text: 'A failing PCI adapter, or one not seated well in its slot (the kernel itself suggests reseating or replacing it).'
			},
			{
				kind: 'driver',
				text: 'A driver whose error recovery does not work for this device, so every attempt fails.'
			}
		],
		next_steps: [
			'Look at the EEH events before it for the adapter and its driver, and at the platform’s error log (HMC, `servicelog`).',
			'Reseat or replace the adapter, or move it to another slot; update the adapter and system firmware.',
			'The limit is the `eeh_max_freezes` setting (debugfs `powerpc/eeh_max_freezes`); raising it only hides a device that keeps failing.'
		],
		references: EEH_REFS
	}
};

/** `0x10000000` -> `256 MB` */
function barSize(hex: string): string {
	const n = parseInt(hex, 16);
	if (n >= 2 ** 30 && n % 2 ** 30 === 0) return `${n / 2 ** 30} GB`;
	if (n >= 2 ** 20 && n % 2 ** 20 === 0) return `${n / 2 ** 20} MB`;
	if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
	return `${n} bytes`;
}

/**
 * drivers/pci/setup-res.c: a device's memory BAR (0-5, its registers or video memory window) got
 * no address: `pci 0000:01:00.0: BAR 0: failed to assign [mem size 0x10000000 64bit pref]` (to
 * 6.6; `no space for` just before) and `pci 0000:01:00.0: BAR 0 [mem size 0x10000000 64bit pref]:
 * failed to assign` (6.7+). Not matched: I/O-port BARs (I/O space is scarce and most devices work
 * without theirs: corpus, `BAR 0 [io  size 0x0100]: failed to assign` of a Realtek network card, orion-o6), the ROM
 * (BAR 6), SR-IOV BARs (7-12) and bridge windows (13-16), all common and harmless in the corpus.
 * A later pass that assigns it (`BAR 0: assigned [mem …]`, after the bridge windows are resized)
 * resolves it. Written from the kernel's format strings: no corpus log has a failed memory BAR 0-5.
 */
export const pciBarUnassigned: LineRule = {
	id: 'hardware.pci-bar-unassigned',
	category: 'hardware',
	severity: 'low',
	triggers: ['failed to assign [mem ', ']: failed to assign'],
	pattern:
		/^\S+ ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): BAR ([0-5])(?:: failed to assign \[mem size (0x[0-9a-f]+)|\s\[mem size (0x[0-9a-f]+)(?: [\w ]*)?\]: failed to assign)/,
	title: (m) => `PCI device ${m[1]}: memory BAR ${m[2]} (${barSize(m[3] ?? m[4])}) got no address`,
	details: (m) => ({ device: m[1], bar: Number(m[2]), size: barSize(m[3] ?? m[4]) }),
	resolve: {
		trigger: ': assigned',
		pattern:
			/^\S+ (?<device>[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): BAR [0-5](?:: assigned \[mem |\s\[mem [^\]]*\]: assigned)/,
		within: 200,
		title: (m) => `PCI device ${m[1]}: memory BAR ${m[2]} assigned on a later pass`,
		severity: 'info',
		examples: ['pci 0000:01:00.0: BAR 0: assigned [mem 0x80000000-0x8fffffff 64bit pref]'],
		explanation: {
			meaning:
				'The kernel could not place this device’s memory window on its first pass, resized the bridge windows above it and placed it on a later pass. The device has its addresses; nothing is wrong.',
			causes: [
				{
					kind: 'firmware',
					text: 'The firmware left bridge windows too small (common behind Thunderbolt and hot-plug ports); the kernel enlarged them.'
				}
			],
			next_steps: ['Nothing to do.'],
			references: ['https://docs.kernel.org/PCI/pci.html']
		}
	},
	examples: [
		'pci 0000:01:00.0: BAR 0: failed to assign [mem size 0x10000000 64bit pref]',
		'pci 0000:06:00.0: BAR 0 [mem size 0x01000000]: failed to assign'
	],
	negatives: [
		// corpus lines: bridge windows, the ROM, SR-IOV and I/O-port BARs
		'pci 0000:05:00.0: BAR 13: failed to assign [io  size 0x4000]',
		'pci 0000:06:02.0: BAR 15: failed to assign [mem size 0x00200000 64bit pref]',
		'pci 0000:01:00.0: BAR 6: failed to assign [mem size 0x00080000 pref]',
		'pci 0000:01:00.0: BAR 7: failed to assign [mem size 0x00100000 64bit]',
		'pci 0000:31:00.0: BAR 0 [io  size 0x0100]: failed to assign'
	],
	explanation: {
		meaning:
			'The kernel found no free physical address range for one of this device’s memory windows (BAR: its registers, or a GPU’s video-memory aperture), so that window is not mapped and the device’s driver cannot use it: the device usually fails to start (`can’t enable device`, or its driver’s probe fails). Common with GPUs with large windows on older firmware, external GPUs behind Thunderbolt, and many devices behind one hot-plug port.',
		causes: [
			{
				kind: 'firmware',
				text: 'The firmware reserved too little address space for PCI devices, or below 4 GB only (Above-4G decoding off), or too little behind a Thunderbolt/hot-plug bridge.'
			},
			{
				kind: 'configuration',
				text: 'Kernel parameters that limit PCI resources (`pci=nocrs`, a `pci=hpmmiosize=` too small) or a BIOS option such as Resizable BAR on a board that cannot place it.'
			}
		],
		next_steps: [
			'See which device it is: `lspci -s <address> -nnk` and `lspci -vv -s <address>` (the BAR shows `[disabled]` or `<unassigned>`).',
			'Enable "Above 4G decoding" in the BIOS (and, to test, turn Resizable BAR off); update the BIOS.',
			'Boot with `pci=realloc` so the kernel resizes bridge windows itself; behind Thunderbolt, `pci=hpmmioprefsize=8G` (or more) gives hot-plug ports room.'
		],
		references: [
			'https://docs.kernel.org/PCI/pci.html',
			'https://docs.kernel.org/admin-guide/kernel-parameters.html'
		]
	}
};
