import type { DetailValue, Explanation } from '../../models/finding.ts';
import type { LineRule } from './types.ts';
import { errnoName } from './util.ts';

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
		'Before repairing, note what the filesystem recorded: `dumpe2fs -h /dev/<device>` shows its state and the first and last errors (function, inode, time); e2fsck clears them.',
		'Back up what you can, then unmount (or boot a live system) and run `fsck -f /dev/<device>` (`e2fsck -f`); never on a mounted filesystem.'
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

const REMOUNT_RO_MEANING =
	'The filesystem found an error and switched itself to read-only so that it would not do more damage. Programs that write to it now fail; services and logins may break until it is repaired and remounted.';

/**
 * The read-only switch of a filesystem other than ext2/3/4: its own checker, never e2fsck (Btrfs
 * has no fsck to run unattended; FAT and exFAT have fsck.fat and fsck.exfat, F2FS fsck.f2fs).
 */
function readOnlyExplanation(fs: string): Explanation | undefined {
	switch (fs) {
		case 'btrfs':
			return {
				meaning:
					'Btrfs hit an error it could not handle (usually a transaction aborted just before: an I/O error, metadata corruption or running out of metadata space) and forced the filesystem read-only. Writes fail from now on; a forced read-only Btrfs cannot be remounted read-write, only unmounted and mounted again.',
				causes: [
					FS_CAUSES[0],
					{
						kind: 'configuration',
						text: 'No free space for metadata (errno=-28 in the transaction abort just before).'
					},
					FS_CAUSES[2]
				],
				next_steps: [
					'Read the Btrfs error just before (`errno=-5` I/O failure, `errno=-28` no space, `corrupt leaf`, `parent transid verify failed`) and look for disk errors on the same device: `btrfs device stats /mountpoint`, `smartctl -a /dev/<disk>`.',
					'Back up what you can while it is still mounted, then unmount and mount it again; for `errno=-28` free space (`btrfs filesystem usage /mountpoint`, `btrfs balance start -dusage=10 /mountpoint`).',
					'Check it unmounted with `btrfs check --readonly /dev/<device>`; do not run `btrfs check --repair` (or fsck) without advice from the Btrfs developers: it can make damage worse.'
				],
				references: [
					'https://btrfs.readthedocs.io/en/latest/btrfs-check.html',
					'https://docs.kernel.org/filesystems/btrfs.html'
				]
			};
		case 'fat':
		case 'exfat':
			return {
				meaning: `${REMOUNT_RO_MEANING} ${fs === 'fat' ? 'FAT' : 'exFAT'} volumes are mostly USB sticks, SD cards and the EFI system partition.`,
				causes: FS_CAUSES,
				next_steps: [
					'Copy off what you can, then unmount the volume and check it: ' +
						(fs === 'fat'
							? '`fsck.fat -a /dev/<device>` (package dosfstools).'
							: '`fsck.exfat /dev/<device>` (package exfatprogs).') +
						' Windows’ `chkdsk /f` repairs it too.',
					'Eject removable media before pulling them; if errors come back, look for I/O errors on the device and replace the card or stick.'
				],
				references: ['https://docs.kernel.org/filesystems/vfat.html']
			};
		case 'f2fs':
			return {
				meaning: REMOUNT_RO_MEANING,
				causes: FS_CAUSES,
				next_steps: [
					'Look for I/O errors on the same device just before; back up what you can.',
					'Unmount and run `fsck.f2fs -f /dev/<device>` (package f2fs-tools; Android runs it at boot).',
					'Check the flash device (SD/eMMC/UFS wear); replace a card that keeps corrupting.'
				],
				references: ['https://docs.kernel.org/filesystems/f2fs.html']
			};
		default:
			return undefined;
	}
}

/** `EXT4-fs (sda1): Remounting filesystem read-only` and the same for other filesystems. */
export const remountRo: LineRule = {
	id: 'filesystem.remount-read-only',
	category: 'filesystem',
	severity: 'critical',
	triggers: ['emounting filesystem read-only', 'forced readonly', 'has been set read-only'],
	pattern:
		/^(?:(EXT[234]|FAT|F2FS|NILFS|ocfs2)-fs(?: error)? \(device ([\w!.:-]+)\)|(EXT[234]|FAT|exFAT|F2FS|NILFS)-fs \(([\w!.:-]+)\)|(BTRFS) \w+ \(device ([\w!.:-]+)(?: state \w+)?\)): .*?([Rr]emounting filesystem read-only|forced readonly|Filesystem has been set read-only)/,
	title: (m) =>
		`${m[1] ?? m[3] ?? 'Btrfs'} filesystem on ${m[2] ?? m[4] ?? m[6]} switched to read-only`,
	details: (m) => ({
		device: m[2] ?? m[4] ?? m[6],
		filesystem: (m[1] ?? m[3] ?? m[5]).toLowerCase()
	}),
	explanationOf: (m) => readOnlyExplanation((m[1] ?? m[3] ?? m[5]).toLowerCase()),
	examples: [
		'EXT4-fs (sda1): Remounting filesystem read-only',
		'BTRFS info (device sda1): forced readonly',
		'FAT-fs (sdb1): Filesystem has been set read-only',
		'exFAT-fs (sdc1): Filesystem has been set read-only',
		'EXT4-fs error (device dm-0): ext4_remount:5000: Remounting filesystem read-only'
	],
	negatives: ['EXT4-fs (sda1): re-mounted. Opts: errors=remount-ro'],
	explanation: ext4Explanation(REMOUNT_RO_MEANING)
};

/**
 * fs/ext4/super.c __ext4_error: `EXT4-fs error (device sda1): ext4_lookup:1855: inode #2: comm ls:
 * deleted inode referenced: 12345`; and three ext4_msg() errors that name no function before the
 * device: the delayed allocation that lost data (fs/ext4/inode.c mpage_map_and_submit_extent), a
 * superblock write that failed (ext4_commit_super) and a group descriptor check that failed at
 * mount (ext4_check_descriptors).
 */
export const ext4Error: LineRule = {
	id: 'filesystem.ext4-error',
	category: 'filesystem',
	severity: 'high',
	triggers: [
		'-fs error (device',
		'-fs warning (device',
		'Delayed block allocation failed',
		'error while writing superblock',
		'ext4_check_descriptors: '
	],
	pattern:
		/^(?:(EXT[234])-fs (?:(error)|warning) \(device ([\w!.:-]+)\): (\w+)(?::\d+)?: (?:inode #\d+: )?(?:block \d+: )?(?:comm [^:]*: )?(.*)|(EXT4)-fs \(([\w!.:-]+)\): ((Delayed block allocation failed) for inode \d+ .*?with error (\d+)|I\/O (error) while writing superblock|(ext4_check_descriptors): .*))/,
	title: (m) =>
		m[6]
			? m[12]
				? `${m[6]} filesystem error on ${m[7]}`
				: `${m[6]} write errors on ${m[7]}`
			: m[2]
				? `${m[1]} filesystem error on ${m[3]}`
				: /I\/O error|Delayed block allocation failed/.test(m[5])
					? `${m[1]} write errors on ${m[3]}`
					: `${m[1]} filesystem warning on ${m[3]}`,
	details: (m): Record<string, DetailValue> =>
		m[6]
			? {
					device: m[7],
					function: m[12] ?? null,
					message: m[8],
					error: m[10] ? errnoName(`-${m[10]}`) : null
				}
			: { device: m[3], function: m[4], message: m[5] },
	severityOf: (m) =>
		m[6] || m[2] || /I\/O error|Delayed block allocation failed/.test(m[5]) ? 'high' : 'medium',
	explanationOf: (m) => (m[9] ? DELALLOC_FAILED : undefined),
	examples: [
		'EXT4-fs error (device sda1): ext4_lookup:1855: inode #2: comm ls: deleted inode referenced: 12345',
		'EXT4-fs warning (device sdb1): ext4_end_bio:343: I/O error 10 writing to inode 1234 starting block 5678)',
		'EXT4-fs error (device mmcblk0p2): ext4_validate_block_bitmap:384: comm ext4lazyinit: bg 0: bad block bitmap checksum',
		'EXT4-fs (sdf1): Delayed block allocation failed for inode 1234 at logical offset 0 with max blocks 1 with error 117',
		'EXT4-fs (sda2): I/O error while writing superblock',
		'EXT4-fs (sda2): ext4_check_descriptors: Checksum for group 0 failed (1234!=5678)'
	],
	negatives: [
		'EXT4-fs (sda1): mounted filesystem with ordered data mode. Quota mode: none.',
		'EXT4-fs (sdf1): This should not happen!! Data will be lost'
	],
	explanation: ext4Explanation(
		'The ext4 (or ext3/ext2) filesystem found an inconsistency or failed to write: metadata on disk is damaged or a write did not reach the disk. Depending on the errors= mount option it continues, remounts read-only or panics.'
	)
};

/**
 * mpage_map_and_submit_extent(): data written to the page cache (delayed allocation) could not be
 * given blocks on disk when it was flushed; the kernel then prints `This should not happen!! Data
 * will be lost` and drops it.
 */
const DELALLOC_FAILED: Explanation = {
	meaning:
		'Data that programs had already written (it sat in memory, waiting for ext4 to choose its blocks: delayed allocation) could not be placed on disk when it was flushed, and was thrown away: the kernel says "Data will be lost". The error number says why: 117 (EUCLEAN) the filesystem’s metadata is corrupted, 28 (ENOSPC) no space left, 122 (EDQUOT) a quota, 5 (EIO) the disk failed.',
	causes: [
		{
			kind: 'hardware',
			text: 'Metadata corruption (error 117), often after disk errors, power loss or a device pulled while mounted; or the disk failing (error 5).'
		},
		{
			kind: 'configuration',
			text: 'The filesystem or a quota ran out of space while the data was still waiting to be written (error 28, 122).'
		},
		FS_CAUSES[2]
	],
	next_steps: [
		'The file named by the inode number lost its recent writes: find it with `debugfs -R "ncheck <inode>" /dev/<device>` and restore it from a copy.',
		'Error 117 or 5: back up, unmount and run `e2fsck -f /dev/<device>`; check the disk with `smartctl -a /dev/<disk>`.',
		'Error 28 or 122: free space or raise the quota (`df -h`, `df -i`, `repquota`).'
	],
	references: [
		'https://docs.kernel.org/admin-guide/ext4.html',
		'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/fs/ext4/inode.c'
	]
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

/** exFAT's dirty flag (fs/exfat/super.c, 5.7+): as FAT's, with exfatprogs' checker */
const EXFAT_DIRTY: Explanation = {
	...FAT_DIRTY,
	meaning: FAT_DIRTY.meaning.replace('The FAT volume', 'The exFAT volume'),
	next_steps: [
		'Unmount the volume and check it: `fsck.exfat /dev/<device>` (package exfatprogs), or `chkdsk /f` on Windows.',
		...FAT_DIRTY.next_steps.slice(1)
	],
	references: [
		'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/fs/exfat/super.c'
	]
};

/**
 * An NTFS volume with its dirty flag set: ntfs3 (5.15+, fs/ntfs3/super.c) will not mount it
 * read-write without the `force` option; the old ntfs driver (fs/ntfs/super.c) mounted it
 * read-only. Windows leaves it set when it hibernates, which Fast Startup does at every shutdown.
 */
const NTFS_DIRTY: Explanation = {
	meaning:
		'The NTFS volume is marked dirty: Windows did not close it cleanly, so Linux will not write to it. ntfs3 refuses to mount it read-write unless the `force` option is given (the mount fails or is read-only); the older ntfs driver mounted it read-only. Writing to it anyway could corrupt it or lose what Windows still holds in its hibernation file.',
	causes: [
		{
			kind: 'configuration',
			text: 'Windows Fast Startup or hibernation: Windows hibernates its kernel at shutdown and leaves its volumes marked in use.'
		},
		{
			kind: 'environment',
			text: 'Windows crashed or lost power, or an external disk was unplugged without "safely remove".'
		},
		{
			kind: 'hardware',
			text: 'Rarely a failing disk (look for I/O errors on the same device).'
		}
	],
	next_steps: [
		'Boot Windows and shut it down fully (Shift+Shut down, or turn off Fast Startup in Power Options and hibernation with `powercfg /h off`), then run `chkdsk /f X:` on that volume.',
		'Without Windows, `ntfsfix -d /dev/<device>` (package ntfs-3g) clears the flag and fixes only simple problems; mount with `-o force` only if you accept the risk.',
		'External disk: eject it in Windows before unplugging.'
	],
	references: [
		'https://docs.kernel.org/filesystems/ntfs3.html',
		'https://wiki.archlinux.org/title/NTFS'
	]
};

/** fs/hfsplus/super.c: a volume (a Mac's disk) not cleanly unmounted is mounted read-only */
const HFSPLUS_DIRTY: Explanation = {
	meaning:
		'The HFS+ volume (a Mac disk or a disk formatted on a Mac) was not cleanly unmounted the last time it was used, so Linux mounted it read-only. Nothing is repaired by itself.',
	causes: [
		{
			kind: 'environment',
			text: 'The disk was unplugged without ejecting it, or the Mac crashed or lost power.'
		}
	],
	next_steps: [
		'On a Mac, check it with Disk Utility (First Aid); on Linux, unmount it and run `fsck.hfsplus -f /dev/<device>` (package hfsprogs).',
		'Eject the disk before unplugging it.'
	],
	references: [
		'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/fs/hfsplus/super.c'
	]
};

/** F2FS's "need fsck" flag (SBI_NEED_FSCK), set with a message ending `run fsck to fix.` */
const F2FS_FSCK: Explanation = {
	meaning:
		'F2FS (the flash filesystem of phones, SD cards and some SSDs) found inconsistent metadata and marked itself as needing a check. It keeps running, but until `fsck.f2fs` repairs it files may be wrong or unreadable and the damage can grow.',
	causes: FS_CAUSES,
	next_steps: [
		'Back up the data, unmount and run `fsck.f2fs -f /dev/<device>` (package f2fs-tools); Android runs it at the next boot.',
		'Look for I/O errors on the same device and check the flash device’s wear (SD/eMMC/UFS); replace a card that keeps corrupting.'
	],
	references: ['https://docs.kernel.org/filesystems/f2fs.html']
};

/** filesystem.fsck-needed's own explanation: errors recorded on an ext2/3/4 filesystem */
const FSCK_ERRORS = ext4Explanation(
	'The filesystem is marked as having errors: the kernel recorded an error on it (an “EXT4-fs error”, in this boot or an earlier one) and it has not been checked since. The kernel mounts it anyway; until a check repairs it the damage stays and may grow.'
);

/**
 * On an Android device (LineRule.android): no partition of the running phone can be checked (the
 * ones in use are mounted), Android's fs_mgr checks those its fstab marks `check` (userdata, cache,
 * metadata) at every boot before mounting them, and recovery is where the others can be checked.
 * Real logs: logcat-reports-dmesg-txt.log (a phone's sdd60 mounted unchecked), logs-a5y17lte and
 * iamslightlywin (Samsung phone and tablet, the periodic check), Ubuntu Touch on Android's
 * partitions; all had been told to run e2fsck on the unmounted device, dumpe2fs and tune2fs.
 */
const PHONE_PARTITION =
	'Find which partition it is: `adb shell ls -l /dev/block/by-name/` (older phones: `/dev/block/platform/*/by-name/`) maps names such as system, vendor, cache and userdata to the device in the title (sdd60, mmcblk0p25); `adb shell cat /proc/mounts` shows how it is mounted.';
const PHONE_RECOVERY =
	'A mounted partition of the running phone cannot be checked. To check it yourself, boot into recovery, where it is not mounted, and run `e2fsck -fy /dev/block/by-name/<name>` there (`adb shell`; TWRP: Wipe > Advanced Wipe > Repair or Change File System); back up the phone’s data first. A read-only system or vendor image is reflashed rather than repaired.';
const PHONE_REFS = [
	'https://man7.org/linux/man-pages/man8/e2fsck.8.html',
	'https://source.android.com/docs/core/architecture/partitions'
];

const FSCK_ERRORS_ANDROID: Explanation = {
	meaning:
		'The filesystem, one of this phone’s or tablet’s partitions, is marked as having errors: the kernel recorded an error on it (an “EXT4-fs error”, in this boot or an earlier one) and no check has repaired it since. The kernel mounts it anyway; until a check repairs it the damage stays and may grow. Android checks the partitions its fstab marks for it (userdata, cache, metadata) with e2fsck at every boot, before mounting them; other partitions keep the mark until they are checked from recovery or reflashed.',
	causes: [
		{
			kind: 'environment',
			text: 'The phone lost power, crashed or was forced off while writing.'
		},
		{
			kind: 'hardware',
			text: 'Worn or failing flash storage (eMMC, UFS): look for I/O or mmc errors on the same device in this log.'
		},
		{
			kind: 'kernel',
			text: 'A filesystem or driver bug, more likely with a custom or ported kernel.'
		}
	],
	next_steps: [
		PHONE_PARTITION,
		'Restart the phone normally: Android runs e2fsck on userdata and cache before mounting them, which repairs them and clears the mark (its result is in the next boot’s kernel log and `adb logcat`).',
		PHONE_RECOVERY,
		'If the errors come back, look for I/O and mmc errors of the same storage: the flash may be wearing out.'
	],
	references: PHONE_REFS
};

const UNCHECKED_ANDROID: Explanation = {
	meaning:
		'The filesystem, one of this phone’s or tablet’s partitions or images, was mounted read-write while its “cleanly unmounted” (valid) flag was not set. On a phone this is common and usually harmless: ext4 images without a journal (system images, an image in a loop file, a partition remounted read-write with `adb remount`) clear the flag while mounted and set it again only when unmounted cleanly, so a restart or crash while one was mounted read-write leaves it unset; a build tool may also write an image without it. The kernel mounts it anyway and repairs nothing: damage, if any, stays until a check.',
	causes: [
		{
			kind: 'environment',
			text: 'A restart, crash or power loss while the partition or image was mounted read-write.'
		},
		{
			kind: 'configuration',
			text: 'An image written by the build or a vendor tool without the flag set.'
		},
		{
			kind: 'hardware',
			text: 'Rarely, failing flash storage (look for I/O errors on the same device).'
		}
	],
	next_steps: [
		'Nothing needs doing if the phone works: the flag is set again at the next clean unmount.',
		PHONE_PARTITION,
		PHONE_RECOVERY
	],
	references: PHONE_REFS
};

const PERIODIC_CHECK_ANDROID: Explanation = {
	meaning:
		'Not a problem that was found: the filesystem, one of this phone’s or tablet’s partitions, has been mounted as many times as its maximal mount count, or its check interval has passed, settings stored in the image when it was built. Phone images often keep them, and the message then comes back at every boot: Android checks only the partitions its fstab marks for it (userdata, cache) and never the read-only system images. The kernel mounts the filesystem as usual.',
	causes: [
		{
			kind: 'configuration',
			text: 'A maximal mount count or check interval set in the phone’s image when it was built.'
		}
	],
	next_steps: [
		'Nothing needs doing.',
		'Whoever builds the image (a custom ROM) can turn the check off in it: `tune2fs -c -1 -i 0` on the image file.'
	],
	references: ['https://man7.org/linux/man-pages/man8/tune2fs.8.html', PHONE_REFS[1]]
};

const FAT_DIRTY_ANDROID: Explanation = {
	meaning:
		'The FAT or exFAT volume (on a phone, usually the SD card, or a USB stick on an OTG adapter) still had its “dirty” flag set when it was mounted: it was not unmounted cleanly the last time it was written (taken out without ejecting it, the phone restarting or its battery running out, a camera or computer leaving it so). Android mounts it anyway, on most versions after its own check; usually nothing is lost, only files being written at that moment may be damaged.',
	causes: FAT_DIRTY.causes,
	next_steps: [
		'Eject the card before taking it out: Settings > Storage, then Eject (or Unmount).',
		'To repair it, check it on a computer: `fsck.fat -a /dev/<device>` (`fsck.exfat` for exFAT) on Linux, `chkdsk /f X:` on Windows; copy its files off first if they matter.',
		'If the flag comes back after clean ejects, look for I/O or mmc errors of the card and replace it.'
	],
	references: FAT_DIRTY.references
};

const F2FS_FSCK_ANDROID: Explanation = {
	...F2FS_FSCK,
	next_steps: [
		PHONE_PARTITION,
		'Restart the phone normally: Android runs fsck.f2fs on userdata before mounting it when the filesystem asks for a check.',
		'For another partition, check it from recovery (`fsck.f2fs -f /dev/block/by-name/<name>`, unmounted); back up the phone’s data first.',
		'Look for I/O and mmc errors on the same storage: flash that keeps corrupting may be wearing out.'
	]
};

/** the dirty-volume explanation of an exFAT, NTFS or HFS+ match (not ext4's steps) */
function dirtyExplanation(m: RegExpExecArray): Explanation | undefined {
	if (m[12]) return EXFAT_DIRTY;
	if (m[14] || m[15] || m[17]) return NTFS_DIRTY;
	if (m[16]) return HFSPLUS_DIRTY;
	if (m[10]) return F2FS_FSCK;
	return undefined;
}

/**
 * ext2/3/4 mount-time messages that ask for a filesystem check: `EXT4-fs (sda1): warning: …`, and
 * the 2.6 kernels' `EXT2-fs warning: mounting unchecked fs, …` (printk before ext2_msg/ext3_msg:
 * no device named); FAT's and exFAT's dirty flag, NTFS's (ntfs3 and the old ntfs driver), HFS+'s
 * unclean unmount, F2FS's `run fsck to fix`.
 */
export const fsckNeeded: LineRule = {
	id: 'filesystem.fsck-needed',
	category: 'filesystem',
	severity: 'medium',
	triggers: [
		'e2fsck is recommended',
		'error count since last fsck',
		'run fsck',
		'olume is dirty',
		'fsck.hfsplus is recommended',
		'to use chkdsk',
		'failed to replay log file'
	],
	pattern:
		/^(?:(EXT[234])-fs(?: \(([\w!.:-]+)\):)? (?:(warning: mounting fs with errors)|(warning: mounting unchecked fs)|(warning: maximal mount count reached)|warning: checktime reached|(error count since last fsck): (\d+))|(FAT)-fs \(([\w!.:-]+)\): Volume was not properly unmounted|(F2FS)-fs \(([\w!.:-]+)\): .*[Rr]un fsck|(exFAT)-fs \(([\w!.:-]+)\): Volume was not properly unmounted|ntfs3(?:: |\()([\w!.-]+)\)?:? volume is dirty|NTFS-fs error \(device ([\w!.:-]+)\): load_system_files\(\): Volume is dirty|hfsplus: (Filesystem was not cleanly unmounted)|ntfs3(?:: |\()([\w!.-]+)\)?:? (?:(It is recommend?ed to use chkdsk)|failed to replay log file))/,
	// a title per severity (a finding keeps its first occurrence's): errors recorded (medium),
	// mounted unchecked or a FAT volume not unmounted (low), the periodic reminder (info)
	title: (m) =>
		m[8] || m[12]
			? `${m[8] ?? m[12]} volume ${m[9] ?? m[13]} was not properly unmounted`
			: m[18]
				? `NTFS volume ${m[17]} is marked dirty (chkdsk recommended)`
				: m[14] || m[15] || m[17]
					? `NTFS volume ${m[14] ?? m[15] ?? m[17]} is marked dirty: not mounted read-write`
					: m[16]
						? 'HFS+ volume was not cleanly unmounted: mounted read-only'
						: m[4]
							? `${m[1]} filesystem${onDevice(m[2])} was mounted unchecked (fsck recommended)`
							: fsckReminder(m)
								? `${m[1]} filesystem${onDevice(m[2])} is due for its periodic check (fsck)`
								: `${m[1] ?? m[10]} filesystem${onDevice(m[2] ?? m[11])} needs a check (fsck)`,
	details: (m) => ({
		device: m[2] ?? m[9] ?? m[11] ?? m[13] ?? m[14] ?? m[15] ?? m[17] ?? null,
		error_count: m[7] ? Number(m[7]) : null
	}),
	severityOf: (m) => (fsckReminder(m) ? 'info' : m[8] || m[12] || m[4] || m[18] ? 'low' : 'medium'),
	explanationOf: (m) =>
		m[8] ? FAT_DIRTY : m[4] ? UNCHECKED : fsckReminder(m) ? PERIODIC_CHECK : dirtyExplanation(m),
	examples: [
		'EXT4-fs (sda1): warning: mounting fs with errors, running e2fsck is recommended',
		'EXT4-fs (sda2): error count since last fsck: 5',
		'FAT-fs (sdb1): Volume was not properly unmounted. Some data may be corrupt. Please run fsck.',
		'EXT4-fs (sdc1): warning: maximal mount count reached, running e2fsck is recommended',
		'EXT4-fs (sda1): warning: mounting unchecked fs, running e2fsck is recommended',
		'EXT2-fs warning: mounting unchecked fs, running e2fsck is recommended',
		'F2FS-fs (dm-5): sanity_check_inode: corrupted inode i_blocks i_ino=1234 iblocks=8, run fsck to fix.',
		'exFAT-fs (sdc1): Volume was not properly unmounted. Some data may be corrupt. Please run fsck.',
		'ntfs3: sdd1: volume is dirty and "force" flag is not set!',
		'ntfs3(sdd1): volume is dirty and "force" flag is not set!',
		// fs/ntfs3/super.c ntfs_fill_super (6.x): printed at every mount of a dirty volume (the
		// mount goes on read-only or forced, or the line below ends it); the log replay refused
		'ntfs3(sdd1): It is recommened to use chkdsk.',
		"ntfs3(sdd1): failed to replay log file. Can't mount rw!",
		'NTFS-fs error (device sdb1): load_system_files(): Volume is dirty.  Mounting read-only.  Run chkdsk and mount in Windows.',
		'hfsplus: Filesystem was not cleanly unmounted, running fsck.hfsplus is recommended.  mounting read-only.'
	],
	// ntfs3 prints `It is recommened to use chkdsk.` at every mount of a dirty volume: when the
	// mount is then refused (read-write without `force`), that line is the finding, counted once
	expects: {
		trigger: 'ntfs3',
		pattern:
			/^ntfs3(?:: |\()(?<device>[\w!.-]+)\)?:? (?:volume is dirty and "force" flag is not set|failed to replay log file)/,
		within: 20,
		when: (m) => m[18] !== undefined,
		examples: ['ntfs3(sdd1): volume is dirty and "force" flag is not set!']
	},
	negatives: [
		'EXT4-fs (sda1): recovery complete',
		"EXT3-fs (mmcblk0p25): error: couldn't mount because of unsupported optional features (40)",
		'ntfs3: Max link count 4000'
	],
	explanation: FSCK_ERRORS,
	android: [
		[FSCK_ERRORS, FSCK_ERRORS_ANDROID],
		[UNCHECKED, UNCHECKED_ANDROID],
		[PERIODIC_CHECK, PERIODIC_CHECK_ANDROID],
		[FAT_DIRTY, FAT_DIRTY_ANDROID],
		[EXFAT_DIRTY, FAT_DIRTY_ANDROID],
		[F2FS_FSCK, F2FS_FSCK_ANDROID]
	]
};

const xfsExplanation = (meaning: string): Explanation => ({
	meaning,
	causes: FS_CAUSES,
	next_steps: [
		'Check the disk underneath for I/O errors and with `smartctl -a`.',
		'Unmount the filesystem and run `xfs_repair -n /dev/<device>` (dry run), then `xfs_repair`; if the log is dirty, mount once to replay it first. `xfs_repair -L` zeroes the log and loses the changes in it: only when the filesystem cannot be mounted at all.',
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

/**
 * fs/btrfs/volumes.c btrfs_dev_stat_print_on_load(): at mount, a device whose persistent error
 * counters are not all zero. The counters add up since they were last reset: the errors may be
 * years old.
 */
const BTRFS_COUNTERS_AT_MOUNT: Explanation = {
	meaning:
		'Not an error of this boot: at mount Btrfs prints the error counters it keeps on the device when any is not zero. wr/rd/flush count failed writes, reads and cache flushes (the disk or its link), corrupt counts checksum mismatches, gen blocks of the wrong generation (lost writes). The counters only grow until they are reset, so these errors may be old.',
	causes: [
		{
			kind: 'hardware',
			text: 'Earlier disk, cable or controller errors (wr, rd, flush), or silent data corruption (corrupt, gen).'
		},
		{
			kind: 'environment',
			text: 'Earlier power losses or a device pulled while mounted.'
		}
	],
	next_steps: [
		'Compare with an earlier boot: if the numbers grow, the device still has problems; check it with `smartctl -a /dev/<disk>`.',
		'Run `btrfs scrub start -B /mountpoint` to find (and with a redundant profile repair) bad copies; `btrfs device stats /mountpoint` shows the counters.',
		'Once the cause is dealt with and a scrub is clean, reset them with `btrfs device stats -z /mountpoint` so that new errors stand out.'
	],
	references: [
		'https://btrfs.readthedocs.io/en/latest/btrfs-device.html',
		'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/fs/btrfs/volumes.c'
	]
};

/** fs/btrfs: device error counters, checksum failures, corruption and transaction aborts. */
export const btrfsError: LineRule = {
	id: 'filesystem.btrfs-error',
	category: 'filesystem',
	severity: 'high',
	triggers: ['BTRFS'],
	pattern:
		/^BTRFS:? (?:error|warning|critical) \(device ([\w!.:-]+)(?: state \w+)?\)(?::| in) ?(?:(bdev \S+ errs:)|(.*?csum failed|checksum verify failed|.*?csum mismatch)|(corrupt (?:leaf|node)|parent transid verify failed|.*?level verify failed|bad tree block)|(.*?errno=-?\d+)|(.*))|^BTRFS info \(device ([\w!.:-]+)(?: state \w+)?\): (bdev \S+ errs: .*)/,
	title: (m) =>
		m[7]
			? `Btrfs device errors recorded earlier on ${m[7]} (counters at mount)`
			: m[2]
				? `Btrfs device errors on ${m[1]}`
				: m[3]
					? `Btrfs checksum errors on ${m[1]}`
					: m[4]
						? `Btrfs metadata corruption on ${m[1]}`
						: m[5]
							? `Btrfs transaction aborted on ${m[1]}`
							: `Btrfs errors on ${m[1]}`,
	details: (m) => ({
		device: m[1] ?? m[7],
		message: m[8] ?? m.input.slice(m.input.indexOf(')') + 2)
	}),
	severityOf: (m) => (m[7] ? 'low' : m[4] || m[5] ? 'critical' : 'high'),
	explanationOf: (m) => (m[7] ? BTRFS_COUNTERS_AT_MOUNT : undefined),
	examples: [
		'BTRFS error (device sda1): bdev /dev/sda1 errs: wr 0, rd 1, flush 0, corrupt 0, gen 0',
		'BTRFS warning (device sda1): csum failed root 5 ino 257 off 0 csum 0x98f94189 expected csum 0x00000000 mirror 1',
		'BTRFS critical (device nvme0n1p2): corrupt leaf: root=2 block=123 slot=4, unexpected item end',
		'BTRFS: error (device dm-0 state A) in btrfs_commit_transaction:2400: errno=-5 IO failure',
		'BTRFS info (device sdd1): bdev /dev/sdd1 errs: wr 0, rd 0, flush 0, corrupt 3, gen 0'
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
		/^F2FS-fs \(([\w!.:-]+)\): (?:(?:\w+: )?(?:inode \(ino=\w+\) has )?(?:[Ii]nconsistent|[Cc]orrupted|[Ii]nvalid|[Mm]ismatch|[Ww]rong)\b|.*? need fsck\b|.*? fsck\b.*? fix\b|Stopped filesystem due to reason|access invalid blkaddr|Failed to get valid F2FS checkpoint)/,
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
		'F2FS-fs (sda1): sanity_check_inode: inode (ino=1a2) has corrupted i_extra_isize: 36, max: 20',
		'F2FS-fs (dm-8): access invalid blkaddr:1234',
		'F2FS-fs (dm-9): Failed to get valid F2FS checkpoint'
	],
	negatives: ['F2FS-fs (mmcblk0p40): Mounted with checkpoint version = 3b9a'],
	explanation: {
		meaning:
			'F2FS (the flash filesystem used on phones, SD cards and some SSDs) found inconsistent metadata. Files may be lost or unreadable until it is checked.',
		causes: FS_CAUSES,
		next_steps: [
			'Back up the data, unmount and run `fsck.f2fs -f /dev/<device>` (package f2fs-tools; on a phone, Android runs it at boot when the filesystem asks for a check).',
			'Check the flash device (SD/eMMC cards wear out; replace a card that keeps corrupting).'
		],
		references: ['https://docs.kernel.org/filesystems/f2fs.html']
	}
};

const EXFAT_ERROR: Explanation = {
	meaning:
		'The exFAT filesystem (large USB sticks, SD cards of 64 GB and more, camera cards) found damaged structures. With the default errors=remount-ro it switches to read-only next.',
	causes: FS_CAUSES,
	next_steps: [
		'Copy off what you can, unmount, then run `fsck.exfat /dev/<device>` (package exfatprogs) or `chkdsk /f` on Windows.',
		'Always unmount/eject removable media before unplugging; replace a card that keeps corrupting.'
	],
	references: [
		'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/fs/exfat/misc.c'
	]
};

/** fs/fat/misc.c __fat_fs_error: `FAT-fs (sdb1): error, fat_get_cluster: invalid cluster chain (i_pos 0)` */
export const fatError: LineRule = {
	id: 'filesystem.fat-error',
	category: 'filesystem',
	severity: 'medium',
	triggers: ['FAT-fs ('],
	// exFAT (fs/exfat/misc.c __exfat_fs_error, 5.7+) names no function: `error, invalid access …`
	pattern: /^(FAT|exFAT)-fs \(([\w!.:-]+)\): error, (?:(\w+): )?(.*)/,
	title: (m) => `${m[1]} filesystem errors on ${m[2]}`,
	details: (m) => ({ device: m[2], function: m[3] ?? null, message: m[4] || null }),
	explanationOf: (m) => (m[1] === 'exFAT' ? EXFAT_ERROR : undefined),
	examples: [
		'FAT-fs (sdb1): error, fat_get_cluster: invalid cluster chain (i_pos 0)',
		'exFAT-fs (sdc1): error, invalid access to FAT (entry 0x00001234)'
	],
	negatives: [
		'FAT-fs (mmcblk0p1): Volume was not properly unmounted. Some data may be corrupt. Please run fsck.'
	],
	explanation: {
		meaning:
			'The FAT/vfat filesystem (USB sticks, SD cards, the EFI system partition) found damaged structures. The kernel usually switches it to read-only next.',
		causes: FS_CAUSES,
		next_steps: [
			'Copy off what you can, unmount, then check it with `fsck.fat -n /dev/<device>` (only looks) and repair with `fsck.fat -a /dev/<device>` (package dosfstools).',
			'Always unmount/eject removable media before unplugging.'
		],
		references: ['https://docs.kernel.org/filesystems/vfat.html']
	}
};
