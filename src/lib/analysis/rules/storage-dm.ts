import type { Explanation } from '../../models/finding.ts';
import type { LineRule } from './types.ts';

const THIN_STEPS = [
	'See the pool’s use: `lvs -a -o+data_percent,metadata_percent` (or `dmsetup status`).',
	'Give it room: `lvextend -L +<size> <vg>/<pool>` (data) or `lvextend --poolmetadatasize +<size> <vg>/<pool>` (metadata), after adding space to the volume group if needed; or delete snapshots and thin volumes you do not need.',
	'Let LVM grow the pool by itself: `thin_pool_autoextend_threshold` and `thin_pool_autoextend_percent` in lvm.conf (with dmeventd monitoring on).'
];

const THIN_FULL: Explanation = {
	meaning:
		'An LVM thin pool (thin volumes, snapshots of Docker/containers, Proxmox, Fedora and RHEL installs) ran out of free data blocks. Thin volumes promise more space than the pool has; now that it is full, writes that need new blocks wait ("queue IO", for up to 60 s by default) or fail at once ("error IO"), and filesystems on the thin volumes see I/O errors.',
	causes: [
		{
			kind: 'configuration',
			text: 'The thin volumes and snapshots together used all of the pool: overprovisioning without monitoring or autoextend.'
		}
	],
	next_steps: THIN_STEPS,
	references: [
		'https://man7.org/linux/man-pages/man7/lvmthin.7.html',
		'https://docs.kernel.org/admin-guide/device-mapper/thin-provisioning.html'
	]
};

/**
 * drivers/md/dm-thin.c: the pool's mode changes (notify_of_pool_mode_change: `device-mapper: thin:
 * 253:4: switching pool to out-of-data-space (queue IO) mode`, `… to read-only mode`, `… to fail
 * mode`) and the low-water-mark event.
 */
export const thinPool: LineRule = {
	id: 'storage.thin-pool',
	category: 'storage',
	severity: 'high',
	triggers: ['switching pool to ', 'reached low water mark for data device'],
	pattern:
		/^device-mapper: thin: (\S+): (?:switching pool to (out-of-data-space|read-only|fail)(?: \((queue|error) IO\))? mode|(reached low water mark) for data device)/,
	// a title per severity: low water mark (low), full or read-only (high), failed (critical)
	title: (m) =>
		m[4]
			? `LVM thin pool ${m[1]} is nearly full (low water mark reached)`
			: m[2] === 'out-of-data-space'
				? `LVM thin pool ${m[1]} is out of data space`
				: m[2] === 'read-only'
					? `LVM thin pool ${m[1]} switched to read-only`
					: `LVM thin pool ${m[1]} failed`,
	details: (m) => ({ device: m[1], mode: m[2] ?? null, io: m[3] ?? null }),
	severityOf: (m) => (m[4] ? 'low' : m[2] === 'fail' ? 'critical' : 'high'),
	explanationOf: (m) =>
		m[2] === 'read-only' || m[2] === 'fail'
			? {
					meaning:
						'The LVM thin pool stopped accepting writes: it hit an error in its metadata, or its metadata space ran out (look for "metadata operation … failed" or "unable to allocate new metadata block" just before). In read-only mode reads still work; in fail mode all I/O to its thin volumes fails.',
					causes: [
						{
							kind: 'configuration',
							text: 'The pool’s metadata volume is full (many snapshots or blocks for its size).'
						},
						{
							kind: 'hardware',
							text: 'I/O errors on the disk under the pool’s metadata, or metadata damaged by a crash.'
						}
					],
					next_steps: [
						'See use and state: `lvs -a -o+data_percent,metadata_percent`, `dmsetup status`.',
						'If the metadata is full, extend it: `lvextend --poolmetadatasize +<size> <vg>/<pool>`; then deactivate and activate the pool.',
						'If it is damaged: deactivate the pool and repair it with `lvconvert --repair <vg>/<pool>` (uses thin_check/thin_repair); back up first.'
					],
					references: [
						'https://man7.org/linux/man-pages/man7/lvmthin.7.html',
						'https://docs.kernel.org/admin-guide/device-mapper/thin-provisioning.html'
					]
				}
			: m[4]
				? {
						...THIN_FULL,
						meaning:
							'The LVM thin pool used up its free data space down to its low water mark. Nothing failed yet: this event tells LVM (dmeventd) to grow the pool if autoextend is set up; if it is not, the pool will fill up and writes to its thin volumes will stall or fail.'
					}
				: undefined,
	examples: [
		'device-mapper: thin: 253:4: switching pool to out-of-data-space (queue IO) mode',
		'device-mapper: thin: 253:4: switching pool to out-of-data-space (error IO) mode',
		'device-mapper: thin: 253:2: switching pool to read-only mode',
		'device-mapper: thin: 253:4: reached low water mark for data device: sending event.'
	],
	negatives: ['device-mapper: thin: 253:4: switching pool to write mode'],
	explanation: THIN_FULL
};

/**
 * drivers/md/dm-verity-target.c verity_handle_err: `device-mapper: verity: 253:5: data block 1234
 * is corrupted` (a `metadata` block: the hash tree).
 */
export const verityCorrupted: LineRule = {
	id: 'storage.verity-corruption',
	category: 'storage',
	severity: 'high',
	triggers: [' is corrupted'],
	pattern: /^device-mapper: verity: (\S+): (data|metadata) block (\d+) is corrupted/,
	title: (m) => `dm-verity found corrupted blocks on ${m[1]}`,
	details: (m) => ({ device: m[1], kind: m[2], block: Number(m[3]) }),
	examples: [
		'device-mapper: verity: 253:5: data block 1234 is corrupted',
		'device-mapper: verity: 179:9: metadata block 77 is corrupted'
	],
	negatives: ['device-mapper: verity: sha256 using implementation "sha256-ce"'],
	explanation: {
		meaning:
			'dm-verity checks every block of a read-only system partition (Android, ChromeOS, signed system images) against a hash tree; a block read did not match. The read fails with an I/O error, or, depending on the setup, the device restarts or panics ("restart_on_corruption"). The partition was changed or the flash under it returns wrong data.',
		causes: [
			{
				kind: 'hardware',
				text: 'Flash storage (eMMC, UFS, SD) returning bad data: wear or a failing chip.'
			},
			{
				kind: 'configuration',
				text: 'The partition was modified (rooting, remounting it writable, a partial update) while verity was still on, or the hash tree does not belong to this image.'
			}
		],
		next_steps: [
			'If the system was modified on purpose, reflash the image, or turn verity off the intended way (e.g. `adb disable-verity`) before modifying it.',
			'Otherwise reflash or update the system image; if corruption comes back on a freshly written image, the flash storage is failing.'
		],
		references: ['https://docs.kernel.org/admin-guide/device-mapper/verity.html']
	}
};

/**
 * drivers/md/dm-table.c dm_table_add_target: a dm-crypt target that could not be created, `device-
 * mapper: table: 253:0: crypt: Error allocating crypto tfm (-ENOENT)` (the `(-E…)` since 5.15).
 */
export const cryptSetupFailed: LineRule = {
	id: 'storage.dm-crypt-setup-failed',
	category: 'storage',
	severity: 'medium',
	triggers: [': crypt: '],
	pattern: /^device-mapper: table: (\S+): crypt: ([^(]+?)(?: \((-?\w+)\))?$/,
	title: (m) => `Encrypted device ${m[1]} could not be set up (dm-crypt): ${m[2]}`,
	details: (m) => ({ device: m[1], error: m[2], code: m[3] ?? null }),
	examples: [
		'device-mapper: table: 253:0: crypt: Error allocating crypto tfm (-ENOENT)',
		'device-mapper: table: 253:1: crypt: Device lookup failed (-EBUSY)',
		'device-mapper: table: 254:0: crypt: Error allocating crypto tfm'
	],
	negatives: ['device-mapper: crypt: xts(aes) using implementation "xts-aes-aesni"'],
	explanation: {
		meaning:
			'Opening an encrypted block device (LUKS, cryptsetup, or an Android/ChromeOS encrypted partition) failed in the kernel, so the device behind it cannot be used and what is on it does not mount. "Error allocating crypto tfm" means the cipher asked for is not available in the kernel (its module is missing, often from the initramfs); "Device lookup failed" that the disk under it is missing or already in use (EBUSY); "Error decoding and setting key" that the key was refused.',
		causes: [
			{
				kind: 'configuration',
				text: 'A cipher or hash module not built in or not in the initramfs (e.g. `xts`, `essiv`, `aes`, `serpent`, `twofish`), often after a kernel update.'
			},
			{
				kind: 'configuration',
				text: 'The underlying device is already mapped or held by something else (a second mapping, LVM, multipath).'
			}
		],
		next_steps: [
			'See the cipher the device uses: `cryptsetup luksDump /dev/<device>` (Cipher), and whether the kernel has it: `grep -A4 <name> /proc/crypto`, `modprobe <module>`.',
			'Put the crypto modules into the initramfs (e.g. `dracut --force`, `update-initramfs -u`, mkinitcpio’s `encrypt` hook) and rebuild it.',
			'For EBUSY: `dmsetup ls --tree`, `lsblk` show what holds the device.'
		],
		references: [
			'https://docs.kernel.org/admin-guide/device-mapper/dm-crypt.html',
			'https://gitlab.com/cryptsetup/cryptsetup/-/wikis/FrequentlyAskedQuestions'
		]
	}
};
