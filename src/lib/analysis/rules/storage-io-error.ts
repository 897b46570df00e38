import type { DetailValue, Explanation } from '../../models/finding.ts';
import type { LineRule, RuleContext, RuleOutcome } from './types.ts';

/**
 * An I/O error on a device-mapper device (`dev dm-14`): the error comes from the layer below, and
 * the disk advice (smartctl, cables) is for that layer. Real log: an oVirt host (RHEL 8) whose
 * dm-14 failed reads of sector 0 every 100 to 200 s for 7.5 hours (273 errors), with no error of any
 * disk in the log.
 */
const DM_IO_ERROR: Explanation = {
	meaning:
		'A read or write to a device-mapper device (dm-N: a multipath map, an LVM volume, an encrypted or thin device) failed. The error comes from the device below it. When no disk under it reports an error of its own, the usual cause is a map with nothing working underneath: a multipath device whose paths all failed (with no_path_retry/queue_if_no_path off its I/O fails at once), or a LUN or disk removed while its map was left behind. The same sector failing again and again (often sector 0, read by a monitor or a scan) points to a device that answers no I/O at all rather than to one bad sector.',
	causes: [
		{
			kind: 'environment',
			text: 'The storage behind it is unreachable: a SAN or iSCSI target down, a storage network outage, a LUN unmapped or deleted on the array.'
		},
		{
			kind: 'configuration',
			text: 'A stale map left after its disk or LUN was removed (a storage domain or volume taken away without removing the map).'
		},
		{
			kind: 'hardware',
			text: 'A failing disk under the map (then the log also shows errors on that sd/nvme device).'
		}
	],
	next_steps: [
		'Find what dm-N is and what is under it: `dmsetup info -c`, `dmsetup ls --tree`, `lsblk`.',
		'For multipath, `multipath -ll` shows the paths and their state; look in the log for `Failing path` and for errors and resets of the sd devices under it.',
		'If the LUN or disk is gone for good, remove the stale map (`multipath -f <map>`, `dmsetup remove <name>`) after unmounting or deactivating what used it; if it should be there, check the array, the target and the storage network.',
		'If a disk under it reports errors, check that disk: `smartctl -a /dev/<disk>`, and back up the data.'
	],
	references: [
		'https://docs.kernel.org/admin-guide/device-mapper/index.html',
		'https://man7.org/linux/man-pages/man8/multipath.8.html',
		'https://man7.org/linux/man-pages/man8/dmsetup.8.html'
	]
};

/** `sr0`, `sr1` (optical drives: CD, DVD, Blu-ray), `fd0` (floppy drives): drives of removable media */
export const MEDIA_DRIVE = /^(?:sr|fd)\d+$/;

/**
 * An I/O error on an optical or floppy drive. The usual one is a read of sector 0 of an empty
 * drive: udev, blkid, an automounter or os-prober probing it (`sr 1:0:0:0: [sr0] … Add. Sense:
 * Medium not present` before it), or the floppy of a virtual machine with no disk (`floppy: error
 * 10 while reading block 0`). Users of a desktop with an empty DVD drive had been told of a
 * serious disk problem (high) and to back up their data.
 */
export const MEDIA_DRIVE_IO_ERROR: Explanation = {
	meaning:
		'A read from an optical drive (srN: CD, DVD or Blu-ray) or a floppy drive (fdN) failed. Almost always the drive has no disc in it, or a disc it cannot read (scratched, dirty, blank, an audio CD read as data), or it is the virtual drive of a virtual machine with no image inserted, and something read it anyway: udev or blkid looking for a filesystem, a desktop’s automounter, os-prober, a backup or search tool, an `/etc/fstab` line. The machine’s own disks are not affected, and the drive itself is most likely fine.',
	causes: [
		{
			kind: 'environment',
			text: 'No disc in the drive, or a disc that cannot be read (scratched, dirty, blank, a format the drive does not read).'
		},
		{
			kind: 'configuration',
			text: 'A virtual machine’s CD-ROM or floppy drive with no image attached, probed at boot; an `/etc/fstab` entry or a program that reads the drive.'
		},
		{
			kind: 'hardware',
			text: 'Rarely a failing drive: then every disc fails, including good ones.'
		}
	],
	next_steps: [
		'Nothing needs doing if the drive was empty or not in use. With a disc in it: eject it (`eject /dev/sr0` or the drive’s button), clean it and insert it again, or try another disc.',
		'In a virtual machine, remove the empty virtual CD-ROM or floppy drive, or its image, in the VM’s settings.',
		'If the errors keep coming with no disc in, find what reads the drive: an `/etc/fstab` line for `/dev/sr0` or `/dev/fd0`, an automounter, an indexer; a machine without a floppy drive does not need the `floppy` driver (see the floppy finding, if there is one).',
		'If good discs fail too, the drive may be failing: replace it (inside a desktop, check its cable first).'
	],
	references: [
		'https://docs.kernel.org/admin-guide/blockdev/index.html',
		'https://man7.org/linux/man-pages/man1/eject.1.html'
	]
};

/**
 * An I/O error on a disk that has no medium: the SCSI layer's `Add. Sense: Medium not present` of
 * the same disk just before (drivers/scsi/constants.c scsi_print_sense): a card reader without a
 * card, or with one pulled while it was read.
 */
export const NO_MEDIUM_EXPLANATION: Explanation = {
	meaning:
		'A read or write to this disk failed because it has no medium: the drive answered `Medium not present`. It is a drive of removable media, most often a card reader with no card in it (or whose card was pulled while in use), sometimes a USB floppy or optical drive, or a phone or camera that does not share its storage. Something read it (udev, blkid, an automounter) and got nothing. The machine’s own disks are not affected.',
	causes: [
		{
			kind: 'environment',
			text: 'An empty card slot or drive read at boot or when it was plugged in, or a card removed while it was in use.'
		},
		{
			kind: 'hardware',
			text: 'With a card in: a card-detect switch that is dirty or worn, or a card the reader cannot read.'
		}
	],
	next_steps: [
		'Nothing needs doing if the slot or drive was empty.',
		'If a card was in it: take it out and put it back, try it in another reader; eject (unmount) a card before taking it out.',
		'`lsblk -o NAME,RM,TRAN,MODEL` shows which drive it is (RM 1: removable media).'
	],
	references: ['https://docs.kernel.org/admin-guide/blockdev/index.html']
};

const NO_MEDIUM: RuleOutcome = {
	title: (m) => `I/O error on ${m[3]}: no medium in the drive`,
	severity: 'low',
	explanation: NO_MEDIUM_EXPLANATION
};

/**
 * An I/O error on an sd disk just after a `USB disconnect` (drivers/usb/core/hub.c): the USB stick,
 * disk or card reader it was went away while still in use, and what was in flight failed. The
 * disconnect names the USB port, not the disk: it counts for a disk on that port (DEVICE_LINKS:
 * its `Attached SCSI` line and its host's `usb-storage` line), and for any sd disk of which the log
 * does not tell what it is on.
 */
const UNPLUGGED_EXPLANATION: Explanation = {
	meaning:
		'A read or write to this disk failed just after a USB device was disconnected (the `USB disconnect` line before it): most likely this disk was that device, a USB stick, disk or card reader that was unplugged, lost power or dropped off the bus while it was still in use. What was being written to it then is lost (look for `Buffer I/O error … lost … page write` and filesystem errors on it), and its filesystem may need a check. It says nothing about the machine’s other disks.',
	causes: [
		{
			kind: 'userspace',
			text: 'The device was unplugged or switched off while still mounted, without being ejected first.'
		},
		{
			kind: 'hardware',
			text: 'If nobody unplugged it: a loose cable or connector, a port or hub that cut its power (a disk that draws more than the port gives), a failing USB bridge.'
		}
	],
	next_steps: [
		'Plug it in again and check its filesystem before using it (unmounted: `fsck /dev/<partition>`; for FAT or exFAT `fsck.vfat -a` or `fsck.exfat`); copy again the files written just before it went.',
		'Eject before unplugging: the desktop’s eject button, or `udisksctl unmount -b /dev/<partition>` and `udisksctl power-off -b /dev/<disk>`.',
		'If it disconnected by itself: try another cable and port, a powered hub for a disk, and see the USB disconnect finding for that port.'
	],
	references: [
		'https://docs.kernel.org/admin-guide/blockdev/index.html',
		'https://docs.kernel.org/driver-api/usb/usb.html'
	]
};

const UNPLUGGED: RuleOutcome = {
	title: (m) => `I/O error on ${m[3]} after a USB device was disconnected`,
	severity: 'medium',
	explanation: UNPLUGGED_EXPLANATION
};

/** the outcome of an I/O error after its context message (see blockIoError.context) */
function removedOrEmpty(c: Record<string, DetailValue>): RuleOutcome {
	return c.additional_sense != null ? NO_MEDIUM : UNPLUGGED;
}

const READ_NO_MEDIUM: RuleOutcome = {
	title: (m) => `Buffer I/O errors on ${m[1]}: no medium in the drive`,
	severity: 'low',
	explanation: NO_MEDIUM_EXPLANATION
};

const READ_UNPLUGGED: RuleOutcome = {
	title: (m) => `Buffer I/O errors on ${m[1]} after a USB device was disconnected`,
	severity: 'medium',
	explanation: UNPLUGGED_EXPLANATION
};

/** the same for a read of a filesystem's buffer (see bufferIoError.context) */
function readRemovedOrEmpty(c: Record<string, DetailValue>): RuleOutcome {
	return c.additional_sense != null ? READ_NO_MEDIUM : READ_UNPLUGGED;
}

/**
 * `usb 1-2: USB disconnect, device number 7` (the port) or `sd 6:0:0:0: [sdb] tag#0 Add. Sense:
 * Medium not present` (the disk) just before an sd disk's I/O error: the disk unplugged, or a
 * drive without its medium. `when` says which of the rule's messages (an sd disk's) take it.
 */
function removedOrEmptyContext(
	when: (m: RegExpExecArray) => boolean,
	outcome: (c: Record<string, DetailValue>) => RuleOutcome
): RuleContext {
	return {
		trigger: ['USB disconnect, ', 'Medium not present'],
		pattern:
			/^(?:usb ([\d.-]+): USB disconnect, (?:address|device number) \d+|sd \d+:\d+:\d+:\d+: \[(\w+)\] (?:tag#\d+ )? ?Add\. Sense: (Medium not present.*))/,
		details: (m): Record<string, DetailValue> =>
			m[1] !== undefined ? { port: m[1] } : { device: m[2], additional_sense: m[3].trim() },
		within: 40,
		sameDevice: 'if-named',
		attachedVia: 'port',
		when,
		outcome,
		examples: [
			'usb 2-1: USB disconnect, device number 3',
			'sd 6:0:0:0: [sda] tag#0 Add. Sense: Medium not present',
			'sd 4:0:0:1: [sda] Add. Sense: Medium not present - tray closed'
		]
	};
}

/** block/blk-core.c blk_print_req_error (and its older blk_update_request / end_request forms). */
export const blockIoError: LineRule = {
	id: 'storage.io-error',
	category: 'storage',
	severity: 'high',
	triggers: [' error, dev '],
	pattern:
		/^(?:(?:blk_update_request|end_request|print_req_error|Buffer I\/O error on device): )?(critical )?(I\/O|medium|target|nexus|space allocation|protection) error, dev ([\w!.-]+), sector (\d+)/,
	title: (m) =>
		m[1]
			? `Critical ${m[2]} error on ${m[3]}`
			: `${m[2] === 'I/O' ? 'I/O' : m[2][0].toUpperCase() + m[2].slice(1)} error on ${m[3]}`,
	details: (m) => ({ device: m[3], sector: Number(m[4]), kind: m[2] }),
	// an optical or floppy drive: its medium, not the machine's data (low)
	severityOf: (m) => (MEDIA_DRIVE.test(m[3]) ? 'low' : 'high'),
	explanationOf: (m) =>
		/^dm-\d+$/.test(m[3]) ? DM_IO_ERROR : MEDIA_DRIVE.test(m[3]) ? MEDIA_DRIVE_IO_ERROR : undefined,
	// an sd disk without a medium (the same disk's `Medium not present`: low), or the USB device
	// just disconnected (medium)
	context: removedOrEmptyContext((m) => /^sd[a-z]+$/.test(m[3]), removedOrEmpty),
	examples: [
		'blk_update_request: I/O error, dev sda, sector 1445018928',
		'blk_update_request: I/O error, dev dm-14, sector 0 op 0x0:(READ) flags 0x0 phys_seg 32 prio class 0',
		'blk_update_request: critical medium error, dev sdc, sector 10000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0',
		'I/O error, dev nvme1n1, sector 123456 op 0x1:(WRITE) flags 0x0 phys_seg 1 prio class 2',
		'end_request: I/O error, dev sda, sector 526830440',
		'blk_update_request: I/O error, dev sr0, sector 0 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 0',
		'print_req_error: I/O error, dev fd0, sector 0'
	],
	negatives: [
		'Buffer I/O error on dev sda1, logical block 15432, async page read',
		'EXT4-fs error (device sda1): ext4_lookup:1855'
	],
	explanation: {
		meaning:
			'A read or write to a disk failed: the device reported an error or did not answer. Data in that region may be lost or unreadable.',
		causes: [
			{
				kind: 'hardware',
				text: 'A failing disk (bad sectors), a loose or bad cable, or a failing controller or port.'
			},
			{
				kind: 'driver',
				text: 'Less often, a driver or firmware problem (power-management resets, NVMe APST).'
			}
		],
		next_steps: [
			'Back up important data now.',
			'Check the disk’s health: `smartctl -a /dev/<device>` (for NVMe `nvme smart-log /dev/<device>`).',
			'Reseat or replace the cable, try another port; run the vendor’s long self-test (`smartctl -t long`).',
			'For a `dm-N` device (LVM, multipath, encryption) the disk is below it: find it with `lsblk` or `dmsetup ls --tree`, check `multipath -ll` for lost paths, and look for errors on that sd/nvme device.'
		],
		references: ['https://docs.kernel.org/admin-guide/blockdev/index.html']
	}
};

/** fs/buffer.c buffer_io_error / end_buffer_async_write: the filesystem side of a failed block I/O. */
export const bufferIoError: LineRule = {
	id: 'storage.buffer-io-error',
	category: 'storage',
	severity: 'high',
	triggers: ['Buffer I/O error on dev'],
	pattern:
		/^Buffer I\/O error on dev(?:ice)? ([\w!.-]+), logical block (\d+)(?:, (lost async page write|lost sync page write|async page read|lost page write))?/,
	title: (m) => `${m[3]?.startsWith('lost') ? 'Lost writes' : 'Buffer I/O errors'} on ${m[1]}`,
	details: (m) => ({ device: m[1], logical_block: Number(m[2]), operation: m[3] ?? null }),
	// a read from an optical or floppy drive (its disc or floppy, not the machine's data): low
	severityOf: (m) =>
		m[3]?.startsWith('lost') ? 'critical' : MEDIA_DRIVE.test(m[1]) ? 'low' : 'high',
	explanationOf: (m) =>
		MEDIA_DRIVE.test(m[1]) && !m[3]?.startsWith('lost') ? MEDIA_DRIVE_IO_ERROR : undefined,
	// a read of an sd disk (or partition) without a medium, or of the USB disk just unplugged, as
	// its I/O error is; lost writes stay critical (what was written is gone)
	context: removedOrEmptyContext(
		(m) => /^sd[a-z]+\d*$/.test(m[1]) && !m[3]?.startsWith('lost'),
		readRemovedOrEmpty
	),
	examples: [
		'Buffer I/O error on dev sda1, logical block 15432, async page read',
		'Buffer I/O error on dev sr0, logical block 0, async page read',
		'Buffer I/O error on device sdb1, logical block 0',
		'Buffer I/O error on dev dm-0, logical block 1234, lost async page write'
	],
	negatives: ['blk_update_request: I/O error, dev sda, sector 1445018928'],
	explanation: {
		meaning:
			'A read or write of file data or metadata failed because the block device returned an error (see the I/O errors just before). "lost ... page write" means data that programs had written never reached the disk.',
		causes: [
			{ kind: 'hardware', text: 'A failing or disconnected disk, USB stick or card.' },
			{ kind: 'userspace', text: 'A removable device unplugged while still mounted.' }
		],
		next_steps: [
			'Look for the I/O errors and device resets reported before this line: they name the cause.',
			'Check the disk with `smartctl -a`; once the device works again, run a filesystem check (`fsck`) on the unmounted filesystem (never on a mounted one: from a live system for the root filesystem).',
			'Unmount removable media before unplugging.'
		],
		references: ['https://docs.kernel.org/admin-guide/blockdev/index.html']
	}
};

/** mm/page_io.c: `Write-error on swap-device (8:2:123456)` / `Read-error on swap-device (...)` */
export const swapIoError: LineRule = {
	id: 'storage.swap-io-error',
	category: 'storage',
	severity: 'high',
	triggers: ['-error on swap-device ('],
	pattern: /^(Write|Read)-error on swap-device \((\d+):(\d+):(\d+)\)/,
	title: (m) => `Swap ${m[1] === 'Write' ? 'write' : 'read'} errors on device ${m[2]}:${m[3]}`,
	details: (m) => ({ device: `${m[2]}:${m[3]}`, sector: Number(m[4]), op: m[1].toLowerCase() }),
	examples: [
		'Write-error on swap-device (8:2:1966856)',
		'Read-error on swap-device (253:1:4184192)'
	],
	negatives: ['Adding 8388604k swap on /dev/sda2.  Priority:-2 extents:1 across:8388604k SSFS'],
	explanation: {
		meaning:
			'Reading or writing the swap area failed. A failed read means a program’s swapped-out memory is lost: that program will crash or misbehave. A failed write means memory could not be freed to swap.',
		causes: [
			{
				kind: 'hardware',
				text: 'A failing disk or SSD under the swap partition or file (look for I/O errors on the same device).'
			},
			{
				kind: 'configuration',
				text: 'A swap file on a filesystem or device that went away (a removed USB disk, a network block device).'
			}
		],
		next_steps: [
			'Find the device: `ls -l /dev/block/MAJOR:MINOR` (the numbers in the title), `swapon --show`.',
			'Check its health (`smartctl -a`), and look for I/O errors on it in this log.',
			'Move swap to a healthy device (`swapoff`, then `mkswap`/`swapon` elsewhere) and restart the affected programs.'
		],
		references: ['https://docs.kernel.org/admin-guide/mm/concepts.html']
	}
};

/**
 * block/partitions/efi.c find_valid_gpt(): the primary GPT (LBA 1) failed its checks and the
 * backup copy is used, `pr_warn("Primary GPT is invalid, using alternate GPT.\n")`. The kernel
 * looks for the backup only when the primary is invalid if the `gpt` boot option forces it
 * (force_gpt; without it a disk whose primary is damaged shows no GPT partitions at all), so the
 * line comes from a machine booted with `gpt` on purpose: NVIDIA Tegra tablets and phones (Asus
 * Transformers, Nexus 7), whose boot loader keeps the table at the end of the eMMC and passes
 * `gpt gpt_sector=N`, or someone reading a damaged disk. Corpus: 2 logs of 2 Tegra tablets, both
 * with `gpt_sector=` on the command line (the context turns the finding into info there).
 */
export const gptPrimaryInvalid: LineRule = {
	id: 'storage.gpt-primary-invalid',
	category: 'storage',
	severity: 'low',
	perBoot: true,
	triggers: ['Primary GPT is invalid'],
	pattern: /^Primary GPT is invalid, using alternate GPT\./,
	title: () =>
		'Primary GPT partition table invalid: its backup copy at the end of the disk is used',
	context: {
		trigger: 'gpt_sector=',
		pattern: /^Kernel command line: .*?\bgpt_sector=(\d+)/,
		details: (m) => ({ gpt_sector: m[1] }),
		within: 20000,
		examples: [
			// tf201log dmesg.txt (Asus Transformer Prime, Android 2.6.36)
			'Kernel command line: tegraid=30.1.3.0.0 mem=1024M@2048M tegraboot=sdmmc gpt gpt_sector=124174335 androidboot.carrier=wifi-only'
		],
		outcome: {
			title: () =>
				'GPT partition table read from the end of the eMMC, where this device’s boot loader keeps it',
			severity: 'info',
			explanation: {
				meaning:
					'The kernel did not find a valid GPT partition table at the start of the built-in eMMC and used the copy at its end, as the boot loader asked (`gpt gpt_sector=` on the kernel command line). That is the layout of NVIDIA Tegra tablets and phones (Asus Transformers, the Nexus 7 and others): the start of their eMMC holds the boot loader’s own data, so the partition table is kept only at the end. All partitions were found (the `mmcblk0: p1 p2 …` line after it lists them).',
				causes: [
					{
						kind: 'firmware',
						text: 'The device’s boot loader and flashing tools keep the GPT only at the end of the eMMC by design.'
					}
				],
				next_steps: [
					'Nothing to do: this is how the device is laid out.',
					'Do not let a partitioning tool “repair” the table (gdisk, parted or fdisk offering to rebuild the main table): writing a primary table at the start of the eMMC can overwrite the boot loader’s data and leave the device unable to boot.'
				],
				references: [
					'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/block/partitions/efi.c'
				]
			}
		}
	},
	examples: [
		// clamor-s-files grate dmesg (Asus Transformer Prime TF201), tf201log dmesg.txt
		'Primary GPT is invalid, using alternate GPT.'
	],
	negatives: [
		'Alternate GPT is invalid, using primary GPT.',
		'GPT:Primary header thinks Alt. header is not at the end of the disk.'
	],
	explanation: {
		meaning:
			'A disk with a GPT partition table keeps it twice: the primary copy at the start of the disk and a backup at its end. The primary copy failed the kernel’s checks (overwritten or damaged), and the kernel read the partitions from the backup, which it does only because the `gpt` boot option is set. The partitions are usable, but the disk now depends on its one remaining copy, and a kernel booted without `gpt` finds no GPT partitions on it (nor do some boot firmware and tools that read only the primary copy).',
		causes: [
			{
				kind: 'userspace',
				text: 'The start of the disk was overwritten: an image or boot loader written to the whole disk (`dd` to /dev/sdX instead of a partition), an MBR-only tool, a program writing to the wrong device.'
			},
			{
				kind: 'hardware',
				text: 'Unreadable or damaged sectors at the start of the disk (look for I/O errors of the same disk).'
			},
			{
				kind: 'firmware',
				text: 'A device whose boot loader keeps the table only at the end by design (NVIDIA Tegra tablets and phones pass `gpt gpt_sector=` for it): then nothing is wrong.'
			}
		],
		next_steps: [
			'Find the disk: it is the one whose partition line (`sda: sda1 sda2 …`) follows this line.',
			'If the machine is a tablet or phone whose boot options contain `gpt`, leave the table alone: the layout is intended.',
			'Otherwise back up what matters on the disk, then rebuild the primary table from the backup: `sudo gdisk /dev/sdX` reports the damaged main table and offers to use the backup; then `w` writes both copies (`sudo sgdisk -v /dev/sdX` checks the result). If the disk shows I/O errors, copy the data off it first.'
		],
		references: [
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/block/partitions/efi.c'
		]
	}
};
