import type { Explanation } from '../../models/finding.ts';
import type { LineRule } from './types.ts';

const FS_CAUSES = [
	{
		kind: 'hardware' as const,
		text: 'Disk errors underneath (look for I/O errors on the same device first).'
	},
	{
		kind: 'environment' as const,
		text: 'Power loss or a forced reset while writing; a removable device pulled while mounted.'
	},
	{
		kind: 'kernel' as const,
		text: 'Less often, a filesystem or driver bug (check for kernel updates).'
	}
];

const ext4Explanation = (meaning: string): Explanation => ({
	meaning,
	causes: FS_CAUSES,
	next_steps: [
		'Look for disk errors on the same device just before (I/O errors, ATA/NVMe resets) and check the disk: `smartctl -a /dev/<disk>`.',
		'Back up what you can, then unmount (or boot a live system) and run `fsck -f /dev/<device>` (`e2fsck -f`).',
		'`dumpe2fs -h /dev/<device>` shows the filesystem state and the recorded first/last errors.'
	],
	references: [
		'https://docs.kernel.org/admin-guide/ext4.html',
		'https://man7.org/linux/man-pages/man8/e2fsck.8.html'
	]
});

/** ext4_abort / jbd2: `EXT4-fs error (device sda1): ext4_journal_check_start:83: comm kworker: Detected aborted journal`, `Aborting journal on device sda1-8.` */
export const journalAbort: LineRule = {
	id: 'filesystem.journal-aborted',
	category: 'filesystem',
	severity: 'critical',
	triggers: ['Detected aborted journal', 'Aborting journal on device', 'JBD2: Detected IO errors'],
	pattern:
		/^(?:EXT[34]-fs (?:error|critical) \(device ([\w!.:-]+)\): .*Detected aborted journal|Aborting journal on device ([\w!.:-]+?)(?:-\d+)?\.?$|JBD2: Detected IO errors while flushing file data on ([\w!.:-]+?)(?:-\d+)?$)/,
	title: (m) => `Journal aborted on ${m[1] ?? m[2] ?? m[3]}`,
	details: (m) => ({ device: m[1] ?? m[2] ?? m[3] }),
	severityOf: (m) => (m[3] ? 'high' : 'critical'),
	examples: [
		'EXT4-fs error (device sda1): ext4_journal_check_start:83: comm kworker: Detected aborted journal',
		'Aborting journal on device sda1-8.',
		'JBD2: Detected IO errors while flushing file data on dm-0-8'
	],
	negatives: ['EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null)'],
	explanation: ext4Explanation(
		'The ext3/ext4 journal hit an error and was shut down: the filesystem stops accepting writes (usually it is remounted read-only right after) to avoid corrupting itself.'
	)
};

/** `EXT4-fs (sda1): Remounting filesystem read-only` and the same for other filesystems. */
export const remountRo: LineRule = {
	id: 'filesystem.remount-read-only',
	category: 'filesystem',
	severity: 'critical',
	triggers: ['emounting filesystem read-only', 'forced readonly', 'has been set read-only'],
	pattern:
		/^(?:(EXT[234]|FAT|F2FS|NILFS|ocfs2)-fs(?: error)? \(device ([\w!.:-]+)\)|(EXT[234]|FAT|F2FS|NILFS)-fs \(([\w!.:-]+)\)|(BTRFS) \w+ \(device ([\w!.:-]+)(?: state \w+)?\)): .*?([Rr]emounting filesystem read-only|forced readonly|Filesystem has been set read-only)/,
	title: (m) =>
		`${m[1] ?? m[3] ?? 'Btrfs'} filesystem on ${m[2] ?? m[4] ?? m[6]} switched to read-only`,
	details: (m) => ({
		device: m[2] ?? m[4] ?? m[6],
		filesystem: (m[1] ?? m[3] ?? m[5]).toLowerCase()
	}),
	examples: [
		'EXT4-fs (sda1): Remounting filesystem read-only',
		'BTRFS info (device sda1): forced readonly',
		'FAT-fs (sdb1): Filesystem has been set read-only',
		'EXT4-fs error (device dm-0): ext4_remount:5000: Remounting filesystem read-only'
	],
	negatives: ['EXT4-fs (sda1): re-mounted. Opts: errors=remount-ro'],
	explanation: ext4Explanation(
		'The filesystem found an error and switched itself to read-only so that it would not do more damage. Programs that write to it now fail; services and logins may break until it is repaired and remounted.'
	)
};

/** fs/ext4/super.c __ext4_error: `EXT4-fs error (device sda1): ext4_lookup:1855: inode #2: comm ls: deleted inode referenced: 12345` */
export const ext4Error: LineRule = {
	id: 'filesystem.ext4-error',
	category: 'filesystem',
	severity: 'high',
	triggers: ['-fs error (device', '-fs warning (device', 'Delayed block allocation failed'],
	pattern:
		/^(EXT[234])-fs (?:(error)|warning) \(device ([\w!.:-]+)\): (\w+)(?::\d+)?: (?:inode #\d+: )?(?:block \d+: )?(?:comm [^:]*: )?(.*)/,
	title: (m) =>
		m[2]
			? `${m[1]} filesystem error on ${m[3]}`
			: /I\/O error|Delayed block allocation failed/.test(m[5])
				? `${m[1]} write errors on ${m[3]}`
				: `${m[1]} filesystem warning on ${m[3]}`,
	details: (m) => ({ device: m[3], function: m[4], message: m[5] }),
	severityOf: (m) =>
		m[2] || /I\/O error|Delayed block allocation failed/.test(m[5]) ? 'high' : 'medium',
	examples: [
		'EXT4-fs error (device sda1): ext4_lookup:1855: inode #2: comm ls: deleted inode referenced: 12345',
		'EXT4-fs warning (device sdb1): ext4_end_bio:343: I/O error 10 writing to inode 1234 starting block 5678)',
		'EXT4-fs error (device mmcblk0p2): ext4_validate_block_bitmap:384: comm ext4lazyinit: bg 0: bad block bitmap checksum'
	],
	negatives: ['EXT4-fs (sda1): mounted filesystem with ordered data mode. Quota mode: none.'],
	explanation: ext4Explanation(
		'The ext4 (or ext3/ext2) filesystem found an inconsistency or failed to write: metadata on disk is damaged or a write did not reach the disk. Depending on the errors= mount option it continues, remounts read-only or panics.'
	)
};

/** `maximal mount count reached` / `checktime reached`: the periodic reminder, not a problem */
function fsckReminder(m: RegExpExecArray): boolean {
	return m[1] !== undefined && !m[3] && !m[4] && !m[6];
}

/**
 * fs/fat/inode.c fat_fill_super(): a FAT volume mounted with its dirty bit set (FAT16/FAT32 keep
 * it in the boot sector; the driver sets it while mounted read-write and clears it at a clean
 * unmount). The ext4 steps (e2fsck, dumpe2fs) do not apply to it: real logs, an IdeaPad's EFI
 * system partition, USB sticks and SD cards.
 */
const FAT_DIRTY: Explanation = {
	meaning:
		'The FAT volume (often the EFI system partition, a USB stick or an SD card) still had its “dirty” flag set when it was mounted: it was not unmounted cleanly the last time it was written. The kernel mounts it anyway and nothing is repaired by itself. Usually nothing is lost; only files being written at that moment may be damaged, and the flag stays until a check clears it.',
	causes: [
		{
			kind: 'environment',
			text: 'The device was pulled or the machine lost power or crashed while the volume was mounted.'
		},
		{
			kind: 'environment',
			text: 'Another system left it marked: Windows with Fast Startup or hibernation, the firmware, a camera or phone.'
		},
		{
			kind: 'hardware',
			text: 'Rarely a failing card or stick (look for I/O errors on the same device).'
		}
	],
	next_steps: [
		'Unmount the volume and check it: `fsck.fat -a /dev/<device>` (package dosfstools; `fsck.fat -n` only looks). For the EFI system partition (mounted at /boot or /boot/efi), unmount it first or check it from a live system.',
		'Eject removable media before pulling them; on a machine that also runs Windows, turn off Fast Startup so that Windows closes its volumes.',
		'If the flag comes back after clean shutdowns, look for I/O errors on the device and replace the card or stick.'
	],
	references: [
		'https://docs.kernel.org/filesystems/vfat.html',
		'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/fs/fat/inode.c'
	]
};

/**
 * fs/ext4/super.c ext4_setup_super() (ext2, ext3 alike): mounted read-write without the
 * superblock's valid-state flag. Filesystems without a journal clear it while mounted and set it
 * back at a clean unmount; real logs: an ext4 partition without a journal next to a journal being
 * replayed at the same boot (a Tegra tablet), an ext2 image in a loop file (a phone), an Android
 * system partition remounted read-write.
 */
const UNCHECKED: Explanation = {
	meaning:
		'The filesystem was mounted read-write while its “cleanly unmounted” (valid) flag was not set. ext2, and ext3/ext4 without a journal (Android system images, small SD-card partitions, images in loop files), clear that flag while mounted and set it again only at a clean unmount: it usually means the last unmount was not clean (a crash, a power loss, the device pulled while mounted). The kernel mounts it anyway and repairs nothing: damage, if any, stays until e2fsck checks it. A filesystem with a journal replays it instead (“recovery complete”), and a check that did not finish or a tool that wrote the image can also leave the flag unset.',
	causes: [
		{
			kind: 'environment',
			text: 'Power loss, a crash or a forced reboot while the filesystem was mounted read-write, or a removable device pulled without unmounting.'
		},
		{
			kind: 'configuration',
			text: 'An image written by a build tool (Android system images, loop-file images) without the flag set.'
		},
		{
			kind: 'hardware',
			text: 'Rarely a failing disk or card (look for I/O errors on the same device).'
		}
	],
	next_steps: [
		'Check the filesystem while it is unmounted (or from a live system): `e2fsck -f /dev/<device>`; a clean check sets the flag again.',
		'Look at how the previous boot ended (journal replays or other unclean-shutdown signs in this log, `journalctl -b -1 -n 100`).',
		'`dumpe2fs -h /dev/<device>` shows the filesystem state (“not clean”) and whether it has a journal.'
	],
	references: [
		'https://docs.kernel.org/admin-guide/ext4.html',
		'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/fs/ext4/super.c',
		'https://man7.org/linux/man-pages/man8/e2fsck.8.html'
	]
};

/**
 * ext4_setup_super(): the mount count or the check interval stored in the superblock (mke2fs,
 * tune2fs) was reached. Real logs: Ubuntu Touch and Android phones, whose images keep the periodic
 * check, print it at every boot.
 */
const PERIODIC_CHECK: Explanation = {
	meaning:
		'Not a problem that was found: the filesystem has been mounted as many times as its maximal mount count, or its check interval has passed. Both are settings stored in the filesystem when it was created (mke2fs) or changed with tune2fs, and e2fsck is asked for as a routine precaution; the kernel mounts the filesystem as usual. Most distributions now create filesystems with these checks turned off; phone and embedded images often keep them, and the message then comes back at every mount until e2fsck checks the filesystem.',
	causes: [
		{
			kind: 'configuration',
			text: 'A maximal mount count or check interval set on the filesystem (defaults of older e2fsprogs, phone and embedded images).'
		}
	],
	next_steps: [
		'Nothing is wrong. At a convenient time run `e2fsck -f /dev/<device>` on the unmounted filesystem, which resets the count, or turn the periodic check off: `tune2fs -c -1 -i 0 /dev/<device>`.',
		'`dumpe2fs -h /dev/<device>` shows the mount count, the maximal mount count and the next check time.'
	],
	references: [
		'https://man7.org/linux/man-pages/man8/tune2fs.8.html',
		'https://man7.org/linux/man-pages/man8/e2fsck.8.html'
	]
};

/** ` on sda1`, or nothing for the 2.6 kernels' messages that name no device */
function onDevice(device: string | undefined): string {
	return device === undefined ? '' : ` on ${device}`;
}

/**
 * ext2/3/4 mount-time messages that ask for a filesystem check: `EXT4-fs (sda1): warning: …`, and
 * the 2.6 kernels' `EXT2-fs warning: mounting unchecked fs, …` (printk before ext2_msg/ext3_msg:
 * no device named).
 */
export const fsckNeeded: LineRule = {
	id: 'filesystem.fsck-needed',
	category: 'filesystem',
	severity: 'medium',
	triggers: ['e2fsck is recommended', 'error count since last fsck', 'run fsck'],
	pattern:
		/^(?:(EXT[234])-fs(?: \(([\w!.:-]+)\):)? (?:(warning: mounting fs with errors)|(warning: mounting unchecked fs)|(warning: maximal mount count reached)|warning: checktime reached|(error count since last fsck): (\d+))|(FAT)-fs \(([\w!.:-]+)\): Volume was not properly unmounted|(F2FS)-fs \(([\w!.:-]+)\): .*[Rr]un fsck)/,
	// a title per severity (a finding keeps its first occurrence's): errors recorded (medium),
	// mounted unchecked or a FAT volume not unmounted (low), the periodic reminder (info)
	title: (m) =>
		m[8]
			? `FAT volume ${m[9]} was not properly unmounted`
			: m[4]
				? `${m[1]} filesystem${onDevice(m[2])} was mounted unchecked (fsck recommended)`
				: fsckReminder(m)
					? `${m[1]} filesystem${onDevice(m[2])} is due for its periodic check (fsck)`
					: `${m[1] ?? m[10]} filesystem${onDevice(m[2] ?? m[11])} needs a check (fsck)`,
	details: (m) => ({
		device: m[2] ?? m[9] ?? m[11] ?? null,
		error_count: m[7] ? Number(m[7]) : null
	}),
	severityOf: (m) => (fsckReminder(m) ? 'info' : m[8] || m[4] ? 'low' : 'medium'),
	explanationOf: (m) =>
		m[8] ? FAT_DIRTY : m[4] ? UNCHECKED : fsckReminder(m) ? PERIODIC_CHECK : undefined,
	examples: [
		'EXT4-fs (sda1): warning: mounting fs with errors, running e2fsck is recommended',
		'EXT4-fs (sda2): error count since last fsck: 5',
		'FAT-fs (sdb1): Volume was not properly unmounted. Some data may be corrupt. Please run fsck.',
		'EXT4-fs (sdc1): warning: maximal mount count reached, running e2fsck is recommended',
		'EXT4-fs (sda1): warning: mounting unchecked fs, running e2fsck is recommended',
		'EXT2-fs warning: mounting unchecked fs, running e2fsck is recommended'
	],
	negatives: [
		'EXT4-fs (sda1): recovery complete',
		"EXT3-fs (mmcblk0p25): error: couldn't mount because of unsupported optional features (40)"
	],
	explanation: ext4Explanation(
		'The filesystem is marked as having errors: the kernel recorded an error on it (an “EXT4-fs error” or F2FS inconsistency, in this boot or an earlier one) and it has not been checked since. The kernel mounts it anyway; until a check repairs it the damage stays and may grow.'
	)
};

const xfsExplanation = (meaning: string): Explanation => ({
	meaning,
	causes: FS_CAUSES,
	next_steps: [
		'Check the disk underneath for I/O errors and with `smartctl -a`.',
		'Unmount the filesystem and run `xfs_repair -n /dev/<device>` (dry run), then `xfs_repair`; if the log is dirty mount once to replay it first.',
		'Restore from backup if repair loses data.'
	],
	references: [
		'https://docs.kernel.org/admin-guide/xfs.html',
		'https://man7.org/linux/man-pages/man8/xfs_repair.8.html'
	]
});

/** fs/xfs: shutdown, corruption and metadata I/O errors. */
export const xfsError: LineRule = {
	id: 'filesystem.xfs-error',
	category: 'filesystem',
	severity: 'high',
	triggers: ['XFS ('],
	pattern:
		/^XFS \(([\w!.:-]+)\): (?:(Filesystem has been shut down|Corruption of in-memory data|.*?Shutting down filesystem)|(Corruption detected|Metadata corruption detected|Metadata CRC error detected|(?:First \d+ bytes of )?corrupt metadata)|(metadata I\/O error|log I\/O error|writeback error|metadata write error|I\/O Error Detected))/,
	title: (m) =>
		m[2]
			? `XFS filesystem on ${m[1]} shut down`
			: m[3]
				? `XFS corruption detected on ${m[1]}`
				: `XFS I/O errors on ${m[1]}`,
	details: (m) => ({ device: m[1], event: m[2] ?? m[3] ?? m[4] }),
	severityOf: (m) => (m[2] ? 'critical' : 'high'),
	examples: [
		'XFS (dm-0): metadata I/O error in "xfs_trans_read_buf_map" at daddr 0x1a4 len 8 error 117',
		'XFS (sdb1): Corruption detected. Unmount and run xfs_repair',
		'XFS (sda): Filesystem has been shut down due to log error (0x2).',
		'XFS (sda1): Corruption of in-memory data (0x8) detected at xfs_trans_cancel+0x12a/0x150 [xfs] (fs/xfs/xfs_trans.c:1079).  Shutting down filesystem.'
	],
	negatives: ['XFS (sda1): Mounting V5 Filesystem', 'XFS (sda1): Ending clean mount'],
	explanation: xfsExplanation(
		'XFS found corrupted metadata or failed to read/write it. On a shutdown the filesystem stops all I/O: every access fails until it is unmounted, repaired and mounted again.'
	)
};

const btrfsExplanation = (meaning: string): Explanation => ({
	meaning,
	causes: FS_CAUSES,
	next_steps: [
		'See the per-device error counters: `btrfs device stats /mountpoint`; check the disks with `smartctl -a`.',
		'Run `btrfs scrub start -B /mountpoint` to find and (with a redundant profile) repair bad copies.',
		'For metadata corruption (corrupt leaf, transid): back up first; only then consider `btrfs check` (read-only by default).'
	],
	references: [
		'https://btrfs.readthedocs.io/en/latest/',
		'https://docs.kernel.org/filesystems/btrfs.html'
	]
});

/** fs/btrfs: device error counters, checksum failures, corruption and transaction aborts. */
export const btrfsError: LineRule = {
	id: 'filesystem.btrfs-error',
	category: 'filesystem',
	severity: 'high',
	triggers: ['BTRFS'],
	pattern:
		/^BTRFS:? (?:error|warning|critical) \(device ([\w!.:-]+)(?: state \w+)?\)(?::| in) ?(?:(bdev \S+ errs:)|(.*?csum failed|checksum verify failed|.*?csum mismatch)|(corrupt (?:leaf|node)|parent transid verify failed|.*?level verify failed|bad tree block)|(.*?errno=-?\d+)|(.*))/,
	title: (m) =>
		m[2]
			? `Btrfs device errors on ${m[1]}`
			: m[3]
				? `Btrfs checksum errors on ${m[1]}`
				: m[4]
					? `Btrfs metadata corruption on ${m[1]}`
					: m[5]
						? `Btrfs transaction aborted on ${m[1]}`
						: `Btrfs errors on ${m[1]}`,
	details: (m) => ({ device: m[1], message: m.input.slice(m.input.indexOf(')') + 2) }),
	severityOf: (m) => (m[4] || m[5] ? 'critical' : 'high'),
	examples: [
		'BTRFS error (device sda1): bdev /dev/sda1 errs: wr 0, rd 1, flush 0, corrupt 0, gen 0',
		'BTRFS warning (device sda1): csum failed root 5 ino 257 off 0 csum 0x98f94189 expected csum 0x00000000 mirror 1',
		'BTRFS critical (device nvme0n1p2): corrupt leaf: root=2 block=123 slot=4, unexpected item end',
		'BTRFS: error (device dm-0 state A) in btrfs_commit_transaction:2400: errno=-5 IO failure'
	],
	negatives: ['BTRFS info (device sda1): disk space caching is enabled'],
	explanation: btrfsExplanation(
		'Btrfs detected bad data or metadata (checksum mismatch, corrupt tree block) or an I/O failure on one of its devices. With a redundant profile (raid1, dup) it may have repaired the data from another copy; otherwise the affected files are unreadable.'
	)
};

/** fs/f2fs: inconsistency and corruption reports. */
export const f2fsError: LineRule = {
	id: 'filesystem.f2fs-error',
	category: 'filesystem',
	severity: 'high',
	triggers: ['F2FS-fs ('],
	pattern:
		/^F2FS-fs \(([\w!.:-]+)\): (?:(?:\w+: )?(?:inode \(ino=\w+\) has )?(?:[Ii]nconsistent|[Cc]orrupted|[Ii]nvalid|[Mm]ismatch|[Ww]rong)\b|.*? need fsck\b|.*? fsck\b.*? fix\b|Stopped filesystem due to reason)/,
	title: (m) => `F2FS filesystem errors on ${m[1]}`,
	details: (m) => ({ device: m[1], message: m.input.slice(m.input.indexOf(')') + 3) }),
	// fs/f2fs/super.c: a bad superblock copy found at mount and rewritten from the good one
	resolve: {
		trigger: 'th superblock, ret: 0',
		pattern: /^F2FS-fs \((?<device>[\w!.:-]+)\): Try to recover \d+th superblock, ret: 0$/,
		within: 20,
		title: (m) => `F2FS superblock copy on ${m[1]} was damaged and repaired at mount`,
		severity: 'low',
		examples: ['F2FS-fs (dm-0): Try to recover 1th superblock, ret: 0'],
		explanation: {
			meaning:
				'F2FS keeps two copies of its superblock. At mount one copy failed its check (bad checksum or values), the filesystem mounted from the other one and rewrote the damaged copy. The filesystem is fine now; it only matters if it happens again.',
			causes: [
				{
					kind: 'environment',
					text: 'An interrupted write of the superblock: power loss or a forced reboot during an update or a resize.'
				},
				{
					kind: 'hardware',
					text: 'If it repeats: a flash device (eMMC, SD card, UFS) starting to wear out.'
				}
			],
			next_steps: [
				'Nothing to do if it happened once after a crash or power loss.',
				'If it repeats, back up the data and check the device’s health (eMMC/UFS life time, SMART for SSDs).'
			],
			references: ['https://docs.kernel.org/filesystems/f2fs.html']
		}
	},
	examples: [
		'F2FS-fs (dm-0): inconsistent node block, nid:1234, node_footer[nid:0,ino:0,ofs:0,cpver:0,blkaddr:0]',
		'F2FS-fs (mmcblk0p40): Wrong valid_user_blocks: 123, user_block_count: 100',
		'F2FS-fs (dm-0): Invalid checksum crc(0x6fb880c4)',
		'F2FS-fs (sda1): sanity_check_inode: inode (ino=1a2) has corrupted i_extra_isize: 36, max: 20'
	],
	negatives: ['F2FS-fs (mmcblk0p40): Mounted with checkpoint version = 3b9a'],
	explanation: {
		meaning:
			'F2FS (the flash filesystem used on phones, SD cards and some SSDs) found inconsistent metadata. Files may be lost or unreadable until it is checked.',
		causes: FS_CAUSES,
		next_steps: [
			'Back up the data, unmount and run `fsck.f2fs -f /dev/<device>`.',
			'Check the flash device (SD/eMMC cards wear out; replace a card that keeps corrupting).'
		],
		references: ['https://docs.kernel.org/filesystems/f2fs.html']
	}
};

/** fs/fat/misc.c __fat_fs_error: `FAT-fs (sdb1): error, fat_get_cluster: invalid cluster chain (i_pos 0)` */
export const fatError: LineRule = {
	id: 'filesystem.fat-error',
	category: 'filesystem',
	severity: 'medium',
	triggers: ['FAT-fs ('],
	pattern: /^FAT-fs \(([\w!.:-]+)\): error, (\w+)(?:: (.*))?/,
	title: (m) => `FAT filesystem errors on ${m[1]}`,
	details: (m) => ({ device: m[1], function: m[2], message: m[3] ?? null }),
	examples: ['FAT-fs (sdb1): error, fat_get_cluster: invalid cluster chain (i_pos 0)'],
	negatives: [
		'FAT-fs (mmcblk0p1): Volume was not properly unmounted. Some data may be corrupt. Please run fsck.'
	],
	explanation: {
		meaning:
			'The FAT/vfat filesystem (USB sticks, SD cards, the EFI system partition) found damaged structures. The kernel usually switches it to read-only next.',
		causes: FS_CAUSES,
		next_steps: [
			'Copy off what you can, unmount, then run `fsck.vfat -a /dev/<device>`.',
			'Always unmount/eject removable media before unplugging.'
		],
		references: ['https://docs.kernel.org/filesystems/vfat.html']
	}
};
