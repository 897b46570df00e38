import type { Explanation } from '../../models/finding.ts';
import type { LineRule } from './types.ts';

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
	explanationOf: (m) => (/^dm-\d+$/.test(m[3]) ? DM_IO_ERROR : undefined),
	examples: [
		'blk_update_request: I/O error, dev sda, sector 1445018928',
		'blk_update_request: I/O error, dev dm-14, sector 0 op 0x0:(READ) flags 0x0 phys_seg 32 prio class 0',
		'blk_update_request: critical medium error, dev sdc, sector 10000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0',
		'I/O error, dev nvme1n1, sector 123456 op 0x1:(WRITE) flags 0x0 phys_seg 1 prio class 2',
		'end_request: I/O error, dev sda, sector 526830440'
	],
	negatives: [
		'Buffer I/O error on dev sda1, logical block 15432, async page read',
		'EXT4-fs error (device sda1): ext4_lookup:1855'
	],
	explanation: {
		meaning:
			'A read or write to a disk failed: the device reported an error or did not answer. Data in that region may be lost or unreadable. On an optical drive (sr0) or floppy (fd0) without a medium, or on a device that was just unplugged, it is expected and harmless.',
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
	severityOf: (m) => (m[3]?.startsWith('lost') ? 'critical' : 'high'),
	examples: [
		'Buffer I/O error on dev sda1, logical block 15432, async page read',
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
