import type { Severity } from '../../models/finding.ts';
import { MEDIA_DRIVE, MEDIA_DRIVE_IO_ERROR, NO_MEDIUM_EXPLANATION } from './storage-io-error.ts';
import type { LineRule } from './types.ts';

const SENSE_SEVERITY: Record<string, Severity> = {
	'Medium Error': 'high',
	'Hardware Error': 'high',
	'Aborted Command': 'medium',
	'Not Ready': 'medium',
	'Data Protect': 'medium',
	Miscompare: 'medium',
	'Recovered Error': 'low'
};

const SCSI_CAUSES = [
	{
		kind: 'hardware' as const,
		text: 'A failing disk (Medium Error, Hardware Error) or a bad cable, enclosure or USB bridge.'
	},
	{
		kind: 'firmware' as const,
		text: 'Drive or USB-SATA bridge firmware that answers wrongly (Aborted Command, Not Ready).'
	}
];

/** `Read(10) 28 00 ...` or `Write(16): 8a 00 ...` (older kernels): the command's name. */
function cdbName(cdb: string): string {
	const words = cdb.trim().split(' ');
	while (words.length > 1 && /^[0-9a-f]{2}$/.test(words[words.length - 1])) words.pop();
	return words.join(' ').replace(/:$/, '');
}

/** drivers/scsi/constants.c scsi_print_sense: `sd 0:0:0:0: [sda] tag#6 Sense Key : Medium Error [current] [descriptor]` */
export const scsiSense: LineRule = {
	id: 'storage.scsi-sense',
	category: 'storage',
	severity: 'high',
	triggers: ['Sense Key : '],
	pattern:
		/^(?:sd|st|sr) (\d+:\d+:\d+:\d+): (?:\[(\w+)\] )?(?:tag#\d+ )? ?Sense Key : (Medium Error|Hardware Error|Aborted Command|Not Ready|Data Protect|Miscompare|Recovered Error) \[/,
	title: (m) => `SCSI ${m[3]} on ${m[2] ?? m[1]}`,
	// a disk's `Not Ready` whose additional sense, on the next lines, is `Medium not present`: a
	// card reader without a card (or one pulled in use), low as its I/O errors are; another
	// additional sense is a follow-up of the finding as before (the message is released at it)
	resolve: {
		trigger: 'Add. Sense: ',
		pattern:
			/^sd \d+:\d+:\d+:\d+: \[(?<device>\w+)\] (?:tag#\d+ )? ?Add\. Sense: (Medium not present.*)$/,
		within: 3,
		when: (m) => m[3] === 'Not Ready' && m[2] !== undefined && !MEDIA_DRIVE.test(m[2]),
		details: (m) => ({ additional_sense: m[2].trim() }),
		title: (m) => `SCSI Not Ready on ${m[2]}: no medium in the drive`,
		severity: 'low',
		explanation: NO_MEDIUM_EXPLANATION,
		examples: [
			'sd 6:0:0:0: [sdc] tag#0 Add. Sense: Medium not present',
			'sd 6:0:0:0: [sdc] Add. Sense: Medium not present - tray closed'
		]
	},
	details: (m) => ({ device: m[2] ?? null, address: m[1], sense_key: m[3] }),
	// an optical drive's answer is about its disc (no disc, an unreadable one: low), unless the
	// drive itself failed (Hardware Error: medium)
	severityOf: (m) =>
		MEDIA_DRIVE.test(m[2] ?? '')
			? m[3] === 'Hardware Error'
				? 'medium'
				: 'low'
			: (SENSE_SEVERITY[m[3]] ?? 'medium'),
	explanationOf: (m) => (MEDIA_DRIVE.test(m[2] ?? '') ? MEDIA_DRIVE_IO_ERROR : undefined),
	// scsi_print_sense: the additional sense code, in words, and the command that failed
	follow: [
		{
			trigger: 'Add. Sense: ',
			pattern:
				/^(?:sd|st|sr) \d+:\d+:\d+:\d+: (?:\[(?<device>\w+)\] )?(?:tag#\d+ )? ?Add\. Sense: (\S.*)$/,
			details: (m) => ({ additional_sense: m[2].trim() }),
			within: 10,
			examples: [
				'sd 0:0:0:0: [sda] tag#6 Add. Sense: Unrecovered read error - auto reallocate failed',
				'sd 2:0:0:0: [sdb]  Add. Sense: Logical unit not ready, cause not reportable'
			]
		},
		{
			trigger: 'CDB: ',
			pattern: /^(?:sd|st|sr) \d+:\d+:\d+:\d+: (?:\[(?<device>\w+)\] )?(?:tag#\d+ )? ?CDB: (\S.*)$/,
			details: (m) => ({ command: cdbName(m[2]) }),
			within: 10,
			examples: [
				'sd 0:0:0:0: [sda] tag#6 CDB: Read(10) 28 00 2e 9d 6b a8 00 00 08 00',
				'sd 2:0:0:0: [sdb] CDB: Write(16): 8a 00 00 00 00 01 d1 c0 be 00 00 00 00 08 00 00'
			]
		}
	],
	examples: [
		'sd 0:0:0:0: [sda] tag#6 Sense Key : Medium Error [current] [descriptor]',
		'sd 2:0:0:0: [sdb]  Sense Key : Hardware Error [current]',
		'sd 6:0:0:0: [sdc] tag#0 Sense Key : Not Ready [current]',
		'sr 1:0:0:0: [sr0] tag#0 Sense Key : Not Ready [current]'
	],
	negatives: [
		'sd 0:0:0:0: [sda] tag#0 Sense Key : Illegal Request [current]',
		'sr 1:0:0:0: [sr0] tag#0 Sense Key : Unit Attention [current]'
	],
	explanation: {
		meaning:
			'A SCSI/SATA/USB disk answered a command with an error (sense data). Medium Error means data could not be read or written on the platter/flash; Hardware Error is an internal failure of the drive; Not Ready/Aborted Command often come from USB bridges or spun-down disks, and Not Ready with `Medium not present` from a card reader or optical drive without a card or disc, which is harmless.',
		causes: SCSI_CAUSES,
		next_steps: [
			'Read the additional sense in the facts (from the "Add. Sense" line that follows): it names the exact condition (e.g. "Unrecovered read error"); the command says whether a read or a write failed.',
			'Check the disk with `smartctl -a /dev/sdX`; back up and replace it after Medium or Hardware errors.',
			'For USB disks, try another cable/port/enclosure.'
		],
		references: [
			'https://docs.kernel.org/scsi/scsi_eh.html',
			'https://www.t10.org/lists/2sensekey.htm'
		]
	}
};

/** The drive's own failure prediction (SMART threshold) reported through sense data. */
export const scsiFailurePrediction: LineRule = {
	id: 'storage.smart-failure-predicted',
	category: 'storage',
	severity: 'high',
	triggers: ['prediction threshold exceeded'],
	pattern:
		/^(?:sd|st) (\d+:\d+:\d+:\d+): (?:\[(\w+)\] )?(?:tag#\d+ )? ?Add\. Sense: (Failure prediction threshold exceeded|[\w ]*failure prediction threshold exceeded)/i,
	title: (m) => `Disk ${m[2] ?? m[1]} predicts its own failure (SMART)`,
	details: (m) => ({ device: m[2] ?? null, address: m[1], condition: m[3] }),
	examples: [
		'sd 0:0:0:0: [sda] Add. Sense: Failure prediction threshold exceeded',
		'sd 4:0:0:0: [sdd] tag#3 Add. Sense: Hardware impending failure general hard drive failure prediction threshold exceeded'
	],
	negatives: [
		'sd 0:0:0:0: [sda] tag#6 Add. Sense: Unrecovered read error - auto reallocate failed'
	],
	explanation: {
		meaning:
			'The disk’s self-monitoring (SMART) says a failure is expected soon: too many reallocated sectors, errors or wear.',
		causes: [{ kind: 'hardware', text: 'A worn-out or failing disk.' }],
		next_steps: [
			'Back up the data now.',
			'Read the details with `smartctl -a /dev/sdX` and replace the disk.'
		],
		references: ['https://www.smartmontools.org/wiki/FAQ']
	}
};

const OFFLINE_STEPS = [
	'Find what happened to the device just before: its I/O errors, timeouts, resets, a USB disconnect, an iSCSI session or FC link lost (those are findings of their own).',
	'Check the disk and its path: `lsscsi`, `smartctl -a /dev/sdX`, the cable, enclosure or HBA; for iSCSI/FC the network or fabric and the storage array.',
	'Once the cause is fixed, bring it back: `echo running > /sys/block/sdX/device/state` (or delete and rescan the device), then check the filesystem on it, unmounted.'
];

/**
 * drivers/scsi/scsi_error.c scsi_eh_offline_sdevs: `sd 0:0:0:0: Device offlined - not ready after
 * error recovery` (a tag and the disk's name before it on newer kernels), and drivers/scsi/scsi_lib.c:
 * `sd 8:0:0:0: rejecting I/O to offline device`, every I/O after it.
 */
export const scsiOffline: LineRule = {
	id: 'storage.scsi-device-offline',
	category: 'storage',
	severity: 'high',
	triggers: ['rejecting I/O to offline device', 'Device offlined - '],
	pattern:
		/^(?:sd|st|sr|scsi|ses) (\d+:\d+:\d+:\d+): (?:\[(\w+)\] )?(?:tag#\d+ )?(?:(Device offlined) - (.*)|rejecting I\/O to offline device)/,
	title: (m) =>
		m[3]
			? `SCSI device ${m[2] ?? m[1]} taken offline after failed error recovery`
			: `I/O rejected: SCSI device ${m[2] ?? m[1]} is offline`,
	details: (m) => ({ device: m[2] ?? null, address: m[1], reason: m[4]?.trim() ?? null }),
	storm: { count: 50, severity: 'critical' },
	examples: [
		'sd 0:0:0:0: Device offlined - not ready after error recovery',
		'sd 2:0:0:0: [sdb] tag#12 Device offlined - not ready after error recovery',
		'sd 8:0:0:0: rejecting I/O to offline device',
		'scsi 8:0:0:0: rejecting I/O to offline device'
	],
	negatives: ['sd 8:0:0:0: rejecting I/O to dead device', 'sd 0:0:0:0: [sda] Attached SCSI disk'],
	explanation: {
		meaning:
			'The SCSI layer gave up on a disk: its error handler could not bring it back after errors or timeouts (resets did not help) and set it offline, and every read or write to it now fails at once ("rejecting I/O to offline device"). Filesystems on it report errors or go read-only; nothing on the disk is reachable until it is brought back or the machine restarts.',
		causes: [
			{
				kind: 'hardware',
				text: 'A failing or hung disk, a bad cable, enclosure, USB bridge or HBA.'
			},
			{
				kind: 'environment',
				text: 'Network or fabric storage (iSCSI, Fibre Channel, SAS) whose path was lost for longer than its recovery timeout.'
			},
			{
				kind: 'firmware',
				text: 'Disk or controller firmware that stops answering (power management, queue depth).'
			}
		],
		next_steps: OFFLINE_STEPS,
		references: ['https://docs.kernel.org/scsi/scsi_eh.html']
	}
};

/**
 * drivers/scsi/scsi_lib.c: `sd 2:0:0:0: [sdb] tag#5 timing out command, waited 180s`: a command
 * that was retried until its whole time allowance (timeout × (retries + 1)) ran out.
 */
export const scsiTimeout: LineRule = {
	id: 'storage.scsi-command-timeout',
	category: 'storage',
	severity: 'high',
	triggers: ['timing out command, waited '],
	pattern:
		/^(?:sd|st|sr|scsi) (\d+:\d+:\d+:\d+): (?:\[(\w+)\] )?(?:tag#\d+ )?timing out command, waited (\d+)s/,
	title: (m) => `SCSI commands timed out on ${m[2] ?? m[1]}`,
	details: (m) => ({ device: m[2] ?? null, address: m[1], waited_s: Number(m[3]) }),
	examples: [
		'sd 2:0:0:0: [sdb] tag#5 timing out command, waited 180s',
		'sd 0:0:0:0: timing out command, waited 360s'
	],
	negatives: ['sd 2:0:0:0: [sdb] tag#5 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_OK'],
	explanation: {
		meaning:
			'A command to the disk was retried until its whole time allowance ran out (the time in the message) and failed: the disk did not answer. Programs waiting for it hung meanwhile; the failed read or write follows as an I/O error.',
		causes: [
			{
				kind: 'hardware',
				text: 'A failing disk retrying bad sectors for a long time, or a bad cable, enclosure or USB bridge.'
			},
			{
				kind: 'environment',
				text: 'Network or fabric storage (iSCSI, FC, a virtual disk) that stalled: an overloaded array or a lost path.'
			}
		],
		next_steps: [
			'Check the disk: `smartctl -a /dev/sdX` (pending and reallocated sectors, error log).',
			'For a USB disk try another cable, port or enclosure; for iSCSI/FC/virtual disks look at the storage side and the path.',
			'Back up the data if the disk itself is failing.'
		],
		references: ['https://docs.kernel.org/scsi/scsi_eh.html']
	}
};
