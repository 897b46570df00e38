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
		'Check the failed member with `smartctl -a`; replace it and re-add (`mdadm --manage /dev/mdX --add /dev/sdY1`).',
		'Until the rebuild finishes the array has no redundancy left: back up now.'
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
		'not enough operational mirrors',
		'super_written gets error'
	],
	pattern:
		/^(?:md\/raid(\d*):(md\w+): (?:Disk failure on (\w+), disabling device\.?|(not enough operational mirrors)|(?:raid level \d+ )?active with (\d+) out of (?!\5 )(\d+) (?:devices|mirrors))|md: kicking non-fresh (\w+) from array!?|md: (super_written gets error)=(-?\d+))/,
	title: (m) => {
		if (m[3]) return `RAID ${m[2]}: member ${m[3]} failed`;
		if (m[4]) return `RAID ${m[2]}: not enough working disks`;
		if (m[5]) return `RAID ${m[2]} running degraded`;
		if (m[7]) return `RAID member ${m[7]} kicked out (stale)`;
		return 'RAID superblock write failed';
	},
	details: (m) => ({
		array: m[2] ?? null,
		level: m[1] || null,
		device: m[3] ?? m[7] ?? null,
		working: m[5] ? Number(m[5]) : null,
		total: m[6] ? Number(m[6]) : null
	}),
	severityOf: (m) => (m[4] || m[5] === '0' ? 'critical' : 'high'),
	examples: [
		'md/raid1:md0: Disk failure on sdb1, disabling device.',
		'md/raid:md0: raid level 5 active with 2 out of 3 devices, algorithm 2',
		'md: kicking non-fresh sdc1 from array!',
		'md/raid1:md127: not enough operational mirrors',
		'md/raid1:md1: active with 1 out of 2 mirrors'
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
