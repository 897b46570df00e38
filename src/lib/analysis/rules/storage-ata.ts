import type { Explanation } from '../../models/finding.ts';
import type { LineRule } from './types.ts';
import { bitList, errnoName } from './util.ts';

/** ATA error register bits (include/linux/ata.h, ata_eh_link_report). */
const ATA_ERR: Record<string, string> = {
	ICRC: 'interface CRC error: data corrupted on the cable/link',
	UNC: 'uncorrectable media error: a sector could not be read',
	MC: 'media changed',
	IDNF: 'sector ID not found',
	MCR: 'media change requested',
	ABRT: 'command aborted by the device',
	NM: 'no media',
	AMNF: 'address mark not found (media error)',
	TK0NF: 'track 0 not found'
};

/** SATA SError bits (ata_eh_link_report). */
const SERR: Record<string, string> = {
	RecovData: 'recovered data integrity error',
	RecovComm: 'recovered communication error',
	UnrecovData: 'unrecovered data integrity error',
	Persist: 'persistent communication or data integrity error',
	Proto: 'protocol error',
	HostInt: 'host bus adapter internal error',
	PHYRdyChg: 'PHY ready state changed (link went up or down)',
	PHYInt: 'PHY internal error',
	CommWake: 'COMWAKE signal (device woke up or was plugged)',
	'10B8B': '10b/8b decode error (signal quality)',
	Dispar: 'disparity error (signal quality)',
	BadCRC: 'link layer CRC error',
	Handshk: 'handshake error',
	LinkSeq: 'link sequence error',
	TrStaTrns: 'transport state transition error',
	UnrecFIS: 'unrecognised FIS type',
	DevExch: 'device exchanged (hot plug)'
};

const ATA_EXPLANATION = (meaning: string): Explanation => ({
	meaning,
	causes: [
		{ kind: 'hardware', text: 'A failing disk (media errors: UNC, IDNF, AMNF, "media error").' },
		{
			kind: 'hardware',
			text: 'A bad or loose SATA cable, port or power connector (ICRC, BadCRC, Handshk, link resets).'
		},
		{
			kind: 'firmware',
			text: 'Link power management (ALPM) or NCQ bugs in the drive or controller.'
		}
	],
	next_steps: [
		'Check the drive: `smartctl -x /dev/sdX` (Reallocated_Sector_Ct, Current_Pending_Sector, UDMA_CRC_Error_Count, and the SATA Phy Event Counters for link errors).',
		'Media errors: back up first (the disk may not survive a long self-test or a full read), then replace it. CRC/link errors: replace the SATA cable, try another port and power lead.',
		'Link power management bugs: test with `ahci.mobile_lpm_policy=1` or `libata.force=noncq` / `libata.force=3.0Gbps`.'
	],
	references: [
		'https://ata.wiki.kernel.org/index.php/Libata_error_messages',
		'https://docs.kernel.org/admin-guide/kernel-parameters.html'
	]
});

/** ata_eh_link_report: `ata1.00: exception Emask 0x0 SAct 0x1 SErr 0x0 action 0x0` */
export const ataException: LineRule = {
	id: 'storage.ata-exception',
	category: 'storage',
	severity: 'medium',
	triggers: [': exception Emask'],
	pattern:
		/^(ata\d+(?:\.\d+)?): exception Emask (0x[0-9a-f]+) SAct (0x[0-9a-f]+) SErr (0x[0-9a-f]+) action (0x[0-9a-f]+)( frozen)?/,
	title: (m) => `ATA command errors on ${m[1]}`,
	details: (m) => ({
		device: m[1],
		emask: m[2],
		sact: m[3],
		serror: m[4],
		action: m[5],
		frozen: m[6] !== undefined
	}),
	storm: { count: 10, severity: 'high' },
	// ata_eh_link_report: per failed command, `failed command: NAME` and a `cmd .../res ...` pair
	// whose res line ends with what went wrong (ata_err_string: media error, timeout, ...)
	follow: [
		{
			trigger: ': failed command: ',
			pattern: /^(?<device>ata\d+\.\d+): failed command: ([A-Z][\w /-]*)/,
			details: (m) => ({ failed_commands: [m[2].trim()] }),
			within: 100,
			examples: [
				'ata1.00: failed command: READ FPDMA QUEUED',
				'ata3.00: failed command: FLUSH CACHE EXT'
			]
		},
		{
			trigger: ' Emask 0x',
			pattern:
				/^\s*res [0-9a-f]{2}\/[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f:/]{26} Emask 0x[0-9a-f]+ \(([a-zA-Z][\w ]*)\)/,
			details: (m) => ({ command_errors: [m[1]] }),
			within: 100,
			examples: [
				'         res 41/40:00:a8:6b:9d/00:00:2e:00:00/40 Emask 0x409 (media error) <F>',
				'         res 40/00:01:00:00:00/00:00:00:00:00/a0 Emask 0x4 (timeout)'
			]
		}
	],
	examples: [
		'ata1.00: exception Emask 0x0 SAct 0x1 SErr 0x0 action 0x0',
		'ata3: exception Emask 0x10 SAct 0x0 SErr 0x4050002 action 0xe frozen'
	],
	negatives: ['ata1: SATA link up 6.0 Gbps (SStatus 133 SControl 300)'],
	explanation: ATA_EXPLANATION(
		'A SATA/ATA command failed or the link misbehaved; the kernel’s error handler stepped in (retry, reset). The lines that follow say what went wrong: the failed commands and their errors (media error, timeout, ATA bus error) are in the details, the device and link error bits ("error: { ... }", "SError: { ... }") are findings of their own.'
	)
};

/** `ata1.00: error: { UNC }` — the device's error register, decoded. */
export const ataDeviceError: LineRule = {
	id: 'storage.ata-device-error',
	category: 'storage',
	severity: 'high',
	triggers: [': error: { '],
	pattern: /^(ata\d+\.\d+): error: \{ ([A-Z0-9 ]+) \}/,
	title: (m) => {
		const bits = bitList(m[2]);
		if (bits.includes('UNC') || bits.includes('AMNF') || bits.includes('IDNF'))
			return `Uncorrectable media error on ${m[1]}`;
		if (bits.includes('ICRC')) return `Interface CRC errors on ${m[1]}`;
		return `ATA device error { ${m[2]} } on ${m[1]}`;
	},
	details: (m) => {
		const bits = bitList(m[2]);
		return { device: m[1], bits, decoded: bits.map((b) => `${b}: ${ATA_ERR[b] ?? 'unknown'}`) };
	},
	severityOf: (m) => {
		const bits = bitList(m[2]);
		return bits.includes('UNC') || bits.includes('AMNF') || bits.includes('IDNF')
			? 'high'
			: 'medium';
	},
	examples: [
		'ata1.00: error: { UNC }',
		'ata2.00: error: { ICRC ABRT }',
		'ata4.00: error: { ABRT }'
	],
	negatives: ['ata1.00: status: { DRDY ERR }'],
	explanation: ATA_EXPLANATION(
		'The disk itself reported why a command failed. UNC (uncorrectable) means a sector could not be read: the data in it is lost (the disk remaps the sector when it is next written), and a disk whose count of pending or reallocated sectors keeps growing is failing. ICRC means data was corrupted on the way (cable/port). ABRT alone means the disk refused a command.'
	)
};

/** SError bits that only say the link went up or down or a device was plugged */
function linkStateOnly(bits: string): boolean {
	return bitList(bits).every((b) => b === 'PHYRdyChg' || b === 'CommWake' || b === 'DevExch');
}

/** `ata2: SError: { UnrecovData Handshk }` — the SATA link's error register, decoded. */
export const ataSerror: LineRule = {
	id: 'storage.sata-link-error',
	category: 'storage',
	severity: 'medium',
	triggers: [': SError: { '],
	pattern: /^(ata\d+)(?:\.\d+)?: SError: \{ ([\w ]+) \}/,
	// link state changes alone (hot plug, power saving) have a title of their own: a finding
	// keeps its first occurrence's severity
	title: (m) =>
		linkStateOnly(m[2]) ? `SATA link state changes on ${m[1]}` : `SATA link errors on ${m[1]}`,
	details: (m) => {
		const bits = bitList(m[2]);
		return { device: m[1], bits, decoded: bits.map((b) => `${b}: ${SERR[b] ?? 'unknown'}`) };
	},
	severityOf: (m) => (linkStateOnly(m[2]) ? 'low' : 'medium'),
	examples: ['ata2: SError: { UnrecovData Handshk }', 'ata1: SError: { PHYRdyChg CommWake }'],
	negatives: ['ata2: SATA max UDMA/133 abar m2048@0xf7d10000 port 0xf7d10180 irq 29'],
	explanation: ATA_EXPLANATION(
		'The SATA link between controller and disk reported errors (decoded in details). PHYRdyChg/CommWake alone are link state changes (hot plug, power saving); BadCRC, Handshk, UnrecovData, 10B8B and Dispar point to a bad cable, connector or port.'
	)
};

/** libata-eh link recovery: resets, failed resets, speed limits, disabled devices. */
export const ataLink: LineRule = {
	id: 'storage.ata-link-reset',
	category: 'storage',
	severity: 'low',
	triggers: [
		'resetting link',
		'COMRESET failed',
		'limiting SATA link speed',
		': disabled',
		'revalidation failed',
		'NCQ disabled due to excessive errors',
		'failed to recover some devices'
	],
	pattern:
		/^(ata\d+)(\.\d+)?: (hard resetting link|soft resetting link|COMRESET failed(?: \(errno=(-\d+)\))?|limiting SATA link speed to ([\d.]+ Gbps)|disabled|revalidation failed(?: \(errno=-?\d+\))?|NCQ disabled due to excessive errors|failed to recover some devices, retrying in \d+ secs)$/,
	title: (m) => {
		const dev = m[1] + (m[2] ?? '');
		if (m[3] === 'disabled' || m[3].startsWith('revalidation')) return `ATA device ${dev} disabled`;
		if (m[3].startsWith('COMRESET') || m[3].startsWith('failed to recover'))
			return `ATA link reset failed on ${m[1]}`;
		if (m[3].startsWith('limiting')) return `SATA link speed lowered on ${m[1]}`;
		if (m[3].startsWith('NCQ')) return `NCQ disabled after errors on ${dev}`;
		return `ATA link resets on ${m[1]}`;
	},
	details: (m) => ({
		device: m[1] + (m[2] ?? ''),
		event: m[3],
		error: m[4] ? errnoName(m[4]) : null,
		speed: m[5] ?? null
	}),
	severityOf: (m) =>
		m[3] === 'disabled' || m[3].startsWith('revalidation')
			? 'high'
			: m[3].startsWith('COMRESET') ||
				  m[3].startsWith('failed to recover') ||
				  m[3].startsWith('limiting') ||
				  m[3].startsWith('NCQ')
				? 'medium'
				: 'low',
	storm: { count: 5, severity: 'medium' },
	examples: [
		'ata1: hard resetting link',
		'ata1: COMRESET failed (errno=-16)',
		'ata3: limiting SATA link speed to 3.0 Gbps',
		'ata1.00: disabled',
		'ata1.00: revalidation failed (errno=-5)',
		'ata1.00: NCQ disabled due to excessive errors'
	],
	negatives: ['ata5: SATA link down (SStatus 0 SControl 300)', 'ata1.00: configured for UDMA/133'],
	explanation: ATA_EXPLANATION(
		'The kernel had to reset a SATA link (or gave up on it). One reset after an error is recovery; repeated resets, a lowered link speed, failed COMRESETs or a disabled device mean the disk or its connection is failing.'
	)
};
