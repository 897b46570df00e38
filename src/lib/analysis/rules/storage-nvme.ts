import type { Explanation } from '../../models/finding.ts';
import type { LineRule } from './types.ts';
import { errnoName } from './util.ts';

const NVME_EXPLANATION = (meaning: string): Explanation => ({
	meaning,
	causes: [
		{
			kind: 'firmware',
			text: 'SSD firmware bugs, very often with power saving (APST): the drive does not wake up from a low-power state.'
		},
		{ kind: 'hardware', text: 'A failing SSD, overheating, or a bad M.2 slot/adapter.' },
		{ kind: 'hardware', text: 'The PCIe link below it (see PCIe AER errors reported before).' }
	],
	next_steps: [
		'Check the drive: `nvme smart-log /dev/nvme0` (critical_warning, media_errors, temperature) and `smartctl -a /dev/nvme0`.',
		'Update the SSD firmware (`fwupdmgr`, vendor tool) and the BIOS.',
		'As a test, disable power saving: boot with `nvme_core.default_ps_max_latency_us=0 pcie_aspm=off pcie_port_pm=off` (what the kernel itself suggests after a controller reset, `Try "nvme_core.default_ps_max_latency_us=0 pcie_aspm=off pcie_port_pm=off" and report a bug`).',
		'Back up the data if media errors or resets repeat.'
	],
	references: [
		'https://docs.kernel.org/admin-guide/kernel-parameters.html',
		'https://wiki.archlinux.org/title/Solid_state_drive/NVMe'
	]
});

/**
 * drivers/nvme/host/pci.c nvme_timeout: `nvme nvme0: I/O 407 QID 1 timeout, aborting`; 6.1-6.4
 * name the command (`I/O 17 (Write) QID 1 …`), 6.5+ the tag and opcode (`I/O tag 192 (80c0) opcode
 * 0x1 (I/O Cmd) QID 1 …`).
 */
export const nvmeTimeout: LineRule = {
	id: 'storage.nvme-timeout',
	category: 'storage',
	severity: 'high',
	triggers: [' timeout, '],
	pattern:
		/^nvme (nvme\d+): I\/O (?:tag )?\d+ (?:\([0-9a-f]+\) opcode 0x[0-9a-f]+ \([^)]*\) |\([^)]*\) )?QID (\d+) timeout, (aborting|reset controller|completion polled|disable controller)/,
	title: (m) => `NVMe command timeouts on ${m[1]}`,
	details: (m) => ({ device: m[1], queue: Number(m[2]), action: m[3], admin_queue: m[2] === '0' }),
	examples: [
		'nvme nvme0: I/O 407 QID 1 timeout, aborting',
		'nvme nvme1: I/O tag 192 (80c0) opcode 0x1 (I/O Cmd) QID 1 timeout, aborting req_op:WRITE(1) size:16384',
		'nvme nvme0: I/O 6 QID 0 timeout, reset controller',
		'nvme nvme0: I/O 24 QID 2 timeout, completion polled',
		'nvme nvme3: I/O 17 (Write) QID 1 timeout, aborting'
	],
	negatives: ['nvme nvme0: Shutdown timeout set to 8 seconds'],
	explanation: NVME_EXPLANATION(
		'The NVMe SSD did not complete a command in time (30 s by default). The kernel aborted the command or reset the controller; the programs waiting for the disk hung meanwhile, and data may not have been written. "completion polled" is different: the drive had completed the command but its interrupt never arrived, so the kernel found the completion by polling; that points to interrupt delivery (MSI/MSI-X, interrupt remapping, a virtual machine’s emulated or passed-through NVMe) rather than to the drive.'
	)
};

/** nvme_timeout / nvme_reset_work: controller fatal status, often CSTS=0xffffffff (device gone). */
export const nvmeDown: LineRule = {
	id: 'storage.nvme-controller-down',
	category: 'storage',
	severity: 'high',
	triggers: [
		'Device not ready; aborting',
		'controller is down',
		'Disabling device after reset failure',
		'Removing after probe failure'
	],
	pattern:
		/^nvme (nvme\d+): (?:(?:controller is down; will reset:|Device not ready; aborting (?:reset|initialisation),) CSTS=(0x[0-9a-f]+)|(Disabling device after reset failure|Removing after probe failure)(?: status)?: (-?\d+))/,
	// each severity has its own title: a finding keeps its first occurrence's severity
	title: (m) =>
		m[3]
			? `NVMe controller ${m[1]} removed after failed reset`
			: m[2] === '0xffffffff'
				? `NVMe controller ${m[1]} fell off the PCIe bus`
				: `NVMe controller ${m[1]} stopped responding`,
	details: (m) => ({
		device: m[1],
		csts: m[2] ?? null,
		device_gone: m[2] === '0xffffffff',
		error: m[4] ? errnoName(m[4]) : null
	}),
	severityOf: (m) => (m[3] || m[2] === '0xffffffff' ? 'critical' : 'high'),
	examples: [
		'nvme nvme0: controller is down; will reset: CSTS=0xffffffff, PCI_STATUS=0x10',
		'nvme nvme1: Disabling device after reset failure: -5',
		'nvme nvme0: Removing after probe failure status: -19',
		'nvme nvme0: Device not ready; aborting reset, CSTS=0x1'
	],
	negatives: ['nvme nvme0: pci function 0000:01:00.0'],
	explanation: NVME_EXPLANATION(
		'The NVMe controller stopped answering. CSTS=0xffffffff means it vanished from the PCIe bus; if the reset failed the disk was removed and everything on it became unreachable (expect I/O errors and a read-only or crashed filesystem next).'
	)
};

/** drivers/nvme/host/core.c nvme_log_error (6.0+): `nvme0n1: Read(0x2) @ LBA 1936, 8 blocks, Unrecovered Read Error (sct 0x2 / sc 0x81) DNR` */
export const nvmeIoError: LineRule = {
	id: 'storage.nvme-io-error',
	category: 'storage',
	severity: 'high',
	triggers: [' @ LBA '],
	pattern:
		/^(nvme\d+(?:c\d+)?n\d+): ([\w /]+)\(0x[0-9a-f]+\) @ LBA (\d+), (\d+) blocks, ([^(]+) \(sct (0x[0-9a-f]+) \/ sc (0x[0-9a-f]+)\)/,
	title: (m) => `NVMe error on ${m[1]}: ${m[5]}`,
	details: (m) => ({
		device: m[1],
		operation: m[2],
		lba: Number(m[3]),
		blocks: Number(m[4]),
		status: m[5],
		sct: m[6],
		sc: m[7]
	}),
	severityOf: (m) =>
		/^(?:Unrecovered|Write Fault|Data Transfer|Compare|Access Denied|End-to-end)/.test(m[5])
			? 'high'
			: 'medium',
	examples: [
		'nvme0n1: Read(0x2) @ LBA 1936, 8 blocks, Unrecovered Read Error (sct 0x2 / sc 0x81) DNR',
		'nvme1n1: I/O Cmd(0x2) @ LBA 0, 8 blocks, Invalid Field in Command (sct 0x0 / sc 0x2) DNR'
	],
	negatives: ['nvme0n1: p1 p2 p3'],
	explanation: NVME_EXPLANATION(
		'The NVMe SSD rejected or failed a command and said why (NVMe status code). "Unrecovered Read Error" means the data at that block is lost; other codes usually mean a driver or firmware problem.'
	)
};

/**
 * drivers/nvme/host/core.c nvme_configure_apst(): `nvme nvme0: failed to set APST feature (2)`.
 * The code is the Set Features command's result: a positive NVMe status (2: Invalid Field in
 * Command, the drive refused the power-state table) or a negative errno (-19: the controller was
 * gone, as after a failed resume; -4: interrupted at shutdown).
 */
export const nvmeApstFailed: LineRule = {
	id: 'storage.nvme-apst-failed',
	category: 'storage',
	severity: 'low',
	triggers: ['failed to set APST feature'],
	pattern: /^nvme (nvme\d+): failed to set APST feature \((-?\d+)\)/,
	title: (m) => `NVMe ${m[1]}: power saving (APST) could not be configured`,
	details: (m) => ({
		device: m[1],
		error: m[2].startsWith('-') ? errnoName(m[2]) : `NVMe status 0x${Number(m[2]).toString(16)}`
	}),
	examples: [
		'nvme nvme0: failed to set APST feature (2)',
		'nvme nvme1: failed to set APST feature (-19)'
	],
	negatives: ['nvme nvme0: APST enabled'],
	explanation: {
		meaning:
			'The NVMe driver could not program the drive’s Autonomous Power State Transitions (APST: the table of low-power states the SSD may enter by itself when idle). A positive number is the drive’s answer (2: it refused the table as invalid); the drive then works normally but without that power saving, so it may draw a little more power and run warmer. A negative number is an error of the request itself: -19 (ENODEV) means the controller was no longer there, as after a failed resume, and the other NVMe findings of the log tell what happened to it.',
		causes: [
			{
				kind: 'firmware',
				text: 'The SSD’s firmware does not accept the power-state table the kernel builds from what the drive itself advertises (a firmware bug of some models).'
			},
			{
				kind: 'configuration',
				text: 'A quirk or kernel parameter (`nvme_core.default_ps_max_latency_us`) that limits the states, with a drive that rejects the result.'
			},
			{
				kind: 'hardware',
				text: 'With -19 or -5: the controller stopped answering (removed, failed resume, PCIe link lost).'
			}
		],
		next_steps: [
			'With a positive code and no other NVMe errors, nothing needs doing; `nvme get-feature /dev/nvme0 -f 0x0c -H` shows the APST state, and an SSD firmware update may fix it.',
			'With a negative code, read the NVMe and PCIe findings around it (controller down, timeouts, resume failures) first.'
		],
		references: [
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/nvme/host/core.c',
			'https://wiki.archlinux.org/title/Solid_state_drive/NVMe'
		]
	}
};
