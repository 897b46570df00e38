import type { LineRule } from './types.ts';

const MD_EXPLANATION = {
	causes: [
		{
			kind: 'hardware' as const,
			text: 'A member disk failed or was disconnected (see its I/O errors).'
		},
		{
			kind: 'configuration' as const,
			text: 'A disk missing at boot or added back out of date (non-fresh).'
		}
	],
	next_steps: [
		'Show the array state: `cat /proc/mdstat` and `mdadm --detail /dev/mdX`.',
		'Back up now: until the rebuild finishes, a degraded RAID 1, 5 or 10 array may not survive another disk failure, and the rebuild reads the other disks in full.',
		'A failed member: check it with `smartctl -x /dev/sdY`; remove it from the array (`mdadm /dev/mdX --remove /dev/sdY1`), replace the disk, partition the new one like the others and add it (`mdadm /dev/mdX --add /dev/sdZ1`); `cat /proc/mdstat` shows the rebuild.',
		'A member kicked out as non-fresh (it missed writes, as when it was absent at a boot) on a healthy disk: add it back with `mdadm /dev/mdX --re-add /dev/sdY1` (or `--add`, which rebuilds it in full).'
	],
	references: ['https://docs.kernel.org/admin-guide/md.html']
};

/** drivers/md raid1/raid10/raid5 error handlers and md.c. */
export const mdFailure: LineRule = {
	id: 'storage.raid-degraded',
	category: 'storage',
	severity: 'high',
	triggers: [
		'Disk failure on',
		'kicking non-fresh',
		'active with ',
		'not enough operational ',
		'super_written gets error',
		'read error not correctable'
	],
	pattern:
		/^(?:md\/raid(\d*):(md\w+): (?:Disk failure on (\w+), disabling device\.?|(not enough operational (?:mirrors|devices))|(?:raid level \d+ )?active with (\d+) out of (?!\5 )(\d+) (?:devices|mirrors)|read error not correctable \(sector (\d+) on (\w+)\))|md: kicking non-fresh (\w+) from array!?|md: (super_written gets error)=(-?\d+))/,
	title: (m) => {
		if (m[3]) return `RAID ${m[2]}: member ${m[3]} failed`;
		if (m[4]) return `RAID ${m[2]}: not enough working disks`;
		if (m[5]) return `RAID ${m[2]} running degraded`;
		if (m[8]) return `RAID ${m[2]}: unrecoverable read error on ${m[8]}`;
		if (m[9]) return `RAID member ${m[9]} kicked out (stale)`;
		return 'RAID superblock write failed';
	},
	details: (m) => ({
		array: m[2] ?? null,
		level: m[1] || null,
		device: m[3] ?? m[8] ?? m[9] ?? null,
		working: m[5] ? Number(m[5]) : null,
		total: m[6] ? Number(m[6]) : null,
		...(m[7] ? { sector: Number(m[7]) } : {})
	}),
	severityOf: (m) => (m[4] || m[5] === '0' ? 'critical' : 'high'),
	examples: [
		'md/raid1:md0: Disk failure on sdb1, disabling device.',
		'md/raid:md0: raid level 5 active with 2 out of 3 devices, algorithm 2',
		'md: kicking non-fresh sdc1 from array!',
		'md/raid1:md127: not enough operational mirrors',
		'md/raid1:md1: active with 1 out of 2 mirrors',
		'md/raid:md5: not enough operational devices (2/4 failed)',
		'md/raid:md1: read error not correctable (sector 1234 on sdc1).'
	],
	negatives: [
		'md/raid1:md0: active with 2 out of 2 mirrors',
		'md: raid1 personality registered for level 1'
	],
	explanation: {
		meaning:
			'A software RAID (md) array lost a member disk and runs degraded: it still works, but one more failure loses data (or, when not enough members are left, the array stopped).',
		...MD_EXPLANATION
	}
};

/** drivers/md/dm-mpath.c fail_path: `device-mapper: multipath: 253:2: Failing path 8:32.` */
export const multipathFailed: LineRule = {
	id: 'storage.multipath-path-failed',
	category: 'storage',
	severity: 'medium',
	triggers: ['Failing path '],
	pattern: /^device-mapper: multipath: (?:(\d+:\d+): )?Failing path (\d+:\d+)\./,
	title: (m) => `Multipath path ${m[2]} failed`,
	details: (m) => ({ device: m[2], map: m[1] ?? null }),
	storm: { count: 10, severity: 'high' },
	examples: [
		'device-mapper: multipath: 253:2: Failing path 8:32.',
		'device-mapper: multipath: Failing path 65:16.'
	],
	negatives: ['device-mapper: multipath: version 1.14.0 loaded'],
	explanation: {
		meaning:
			'One of the paths to a multipathed storage device (a SAN LUN seen through several links) stopped working. I/O continues over the remaining paths; if all paths fail, I/O to the device is queued or fails.',
		causes: [
			{
				kind: 'hardware',
				text: 'A cable, HBA port, switch port or storage controller on that path failed or was reset.'
			},
			{
				kind: 'environment',
				text: 'A storage controller failover or maintenance on the array or fabric.'
			}
		],
		next_steps: [
			'See the paths and their state: `multipath -ll`.',
			'Find the path’s device (`ls -l /dev/block/8:32`, the numbers in the title) and its I/O or link errors in this log.',
			'Check the fabric and array logs; replace the failing cable or port.'
		],
		references: ['https://docs.kernel.org/admin-guide/device-mapper/index.html']
	}
};
