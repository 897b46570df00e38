import type { Severity } from '../../models/finding.ts';
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
	details: (m) => ({ device: m[2] ?? null, address: m[1], sense_key: m[3] }),
	severityOf: (m) => SENSE_SEVERITY[m[3]] ?? 'medium',
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
		'sd 6:0:0:0: [sdc] tag#0 Sense Key : Not Ready [current]'
	],
	negatives: [
		'sd 0:0:0:0: [sda] tag#0 Sense Key : Illegal Request [current]',
		'sr 1:0:0:0: [sr0] tag#0 Sense Key : Unit Attention [current]'
	],
	explanation: {
		meaning:
			'A SCSI/SATA/USB disk answered a command with an error (sense data). Medium Error means data could not be read or written on the platter/flash; Hardware Error is an internal failure of the drive; Not Ready/Aborted Command often come from USB bridges or spun-down disks.',
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
