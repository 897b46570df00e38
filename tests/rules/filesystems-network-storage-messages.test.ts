/**
 * Storage, filesystem and network messages that users most often paste into forums and bug
 * trackers, beyond the real-log corpus. Unless a test names a corpus log, its lines are written
 * from the kernel's format strings (the source file is named with each), in a realistic dmesg
 * context; no real log of the corpus has them.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];

const summary = (f: F[]) => f.map((x) => [x.rule, x.title, x.severity]);
const steps = (f: F) => f.explanation.next_steps.join('\n');

describe('filesystems other than ext4 get their own tools, not e2fsck', () => {
	it('Btrfs forced read-only: btrfs check --readonly, never fsck or --repair unadvised', async () => {
		// fs/btrfs/transaction.c, fs/btrfs/messages.c (btrfs_handle_fs_error: forced readonly)
		const f = await findingsOf([
			'[ 5120.118230] BTRFS error (device sda1): bdev /dev/sda1 errs: wr 1, rd 0, flush 0, corrupt 0, gen 0',
			'[ 5120.118512] BTRFS: error (device sda1) in btrfs_commit_transaction:2418: errno=-5 IO failure (Error while writing out transaction)',
			'[ 5120.118520] BTRFS info (device sda1): forced readonly'
		]);
		const ro = f.find((x) => x.rule === 'filesystem.remount-read-only')!;
		expect([ro.title, ro.severity]).toEqual([
			'Btrfs filesystem on sda1 switched to read-only',
			'critical'
		]);
		expect(steps(ro)).toContain('btrfs check --readonly');
		expect(steps(ro)).not.toContain('e2fsck');
		expect(steps(ro)).not.toContain('dumpe2fs');
	});

	it('FAT and exFAT switched to read-only: fsck.fat and fsck.exfat', async () => {
		// fs/fat/misc.c and fs/exfat/misc.c: errors=remount-ro
		const f = await findingsOf([
			'[  812.440112] FAT-fs (sdb1): error, fat_get_cluster: invalid cluster chain (i_pos 0)',
			'[  812.440118] FAT-fs (sdb1): Filesystem has been set read-only',
			'[  901.002211] exFAT-fs (sdc1): error, invalid access to FAT (entry 0x00001234)',
			'[  901.002215] exFAT-fs (sdc1): Filesystem has been set read-only'
		]);
		expect(summary(f)).toEqual([
			['filesystem.fat-error', 'FAT filesystem errors on sdb1', 'medium'],
			['filesystem.remount-read-only', 'FAT filesystem on sdb1 switched to read-only', 'critical'],
			['filesystem.fat-error', 'exFAT filesystem errors on sdc1', 'medium'],
			['filesystem.remount-read-only', 'exFAT filesystem on sdc1 switched to read-only', 'critical']
		]);
		expect(steps(f[1])).toContain('fsck.fat');
		expect(steps(f[2])).toContain('fsck.exfat');
		expect(steps(f[3])).toContain('fsck.exfat');
		for (const x of f) expect(steps(x)).not.toContain('e2fsck');
		expect(f[2].details).toMatchObject({
			device: 'sdc1',
			function: null,
			message: 'invalid access to FAT (entry 0x00001234)'
		});
	});

	it('F2FS asking for fsck is told to run fsck.f2fs', async () => {
		// fs/f2fs/inode.c sanity_check_inode: `…, run fsck to fix.`
		const f = await findingsOf([
			'[   14.218842] F2FS-fs (dm-5): sanity_check_inode: corrupted inode i_blocks i_ino=1234 iblocks=8, run fsck to fix.'
		]);
		expect(summary(f)).toEqual([
			['filesystem.fsck-needed', 'F2FS filesystem on dm-5 needs a check (fsck)', 'medium']
		]);
		expect(steps(f[0])).toContain('fsck.f2fs -f');
		expect(steps(f[0])).not.toContain('e2fsck');
		expect(f[0].explanation.meaning).not.toContain('EXT4');
	});

	it('F2FS with an invalid block address or no valid checkpoint is an F2FS error', async () => {
		// fs/f2fs/checkpoint.c f2fs_is_valid_blkaddr, f2fs_get_valid_checkpoint
		const f = await findingsOf([
			'[    9.101010] F2FS-fs (dm-8): access invalid blkaddr:1234',
			'[   11.202020] F2FS-fs (dm-9): Failed to get valid F2FS checkpoint'
		]);
		expect(summary(f)).toEqual([
			['filesystem.f2fs-error', 'F2FS filesystem errors on dm-8', 'high'],
			['filesystem.f2fs-error', 'F2FS filesystem errors on dm-9', 'high']
		]);
	});
});

describe('volumes left dirty by another system', () => {
	it('an exFAT volume not properly unmounted is read as FAT’s dirty flag, with fsck.exfat', async () => {
		// fs/exfat/super.c exfat_read_boot_sector (5.7+)
		const f = await findingsOf([
			'[ 3301.442211] usb 2-1: new SuperSpeed USB device number 3 using xhci_hcd',
			'[ 3301.870122] sd 6:0:0:0: [sdc] Attached SCSI removable disk',
			'[ 3302.101233] exFAT-fs (sdc1): Volume was not properly unmounted. Some data may be corrupt. Please run fsck.'
		]);
		expect(summary(f)).toEqual([
			['filesystem.fsck-needed', 'exFAT volume sdc1 was not properly unmounted', 'low']
		]);
		expect(steps(f[0])).toContain('fsck.exfat');
	});

	it('an NTFS volume that Windows left dirty: Fast Startup, chkdsk, ntfsfix', async () => {
		// fs/ntfs3/super.c ntfs_fill_super (5.15+), fs/ntfs/super.c load_system_files (old driver)
		const f = await findingsOf([
			'[  120.500101] ntfs3: sdd1: volume is dirty and "force" flag is not set!',
			'[  130.600202] NTFS-fs error (device sdb1): load_system_files(): Volume is dirty.  Mounting read-only.  Run chkdsk and mount in Windows.'
		]);
		expect(summary(f)).toEqual([
			[
				'filesystem.fsck-needed',
				'NTFS volume sdd1 is marked dirty: not mounted read-write',
				'medium'
			],
			[
				'filesystem.fsck-needed',
				'NTFS volume sdb1 is marked dirty: not mounted read-write',
				'medium'
			]
		]);
		expect(steps(f[0])).toContain('chkdsk /f');
		expect(steps(f[0])).toContain('ntfsfix');
		expect(f[0].explanation.causes[0].text).toContain('Fast Startup');
		expect(steps(f[0])).not.toContain('e2fsck');
	});

	it('an HFS+ volume not cleanly unmounted is mounted read-only', async () => {
		// fs/hfsplus/super.c hfsplus_fill_super
		const f = await findingsOf([
			'[  210.000001] hfsplus: Filesystem was not cleanly unmounted, running fsck.hfsplus is recommended.  mounting read-only.'
		]);
		expect(summary(f)).toEqual([
			[
				'filesystem.fsck-needed',
				'HFS+ volume was not cleanly unmounted: mounted read-only',
				'medium'
			]
		]);
		expect(steps(f[0])).toContain('fsck.hfsplus');
	});
});

describe('ext4 messages printed with ext4_msg (no function before the device)', () => {
	it('a delayed allocation that failed loses data, and the error number says why', async () => {
		// fs/ext4/inode.c mpage_map_and_submit_extent
		const f = await findingsOf([
			'[ 7781.334521] EXT4-fs (sdf1): Delayed block allocation failed for inode 1234 at logical offset 0 with max blocks 1 with error 117',
			'[ 7781.334530] EXT4-fs (sdf1): This should not happen!! Data will be lost',
			'[ 7781.334533] '
		]);
		expect(summary(f)).toEqual([['filesystem.ext4-error', 'EXT4 write errors on sdf1', 'high']]);
		expect(f[0].details).toMatchObject({
			device: 'sdf1',
			error: 'EUCLEAN (structure needs cleaning: corruption)'
		});
		expect(f[0].explanation.meaning).toContain('Data will be lost');
		expect(steps(f[0])).toContain('debugfs');
	});

	it('a failed superblock write and a bad group descriptor checksum are ext4 errors', async () => {
		// fs/ext4/super.c ext4_commit_super, ext4_check_descriptors
		const f = await findingsOf([
			'[   33.120001] EXT4-fs (sda2): I/O error while writing superblock',
			'[   41.220002] EXT4-fs (sdb1): ext4_check_descriptors: Checksum for group 0 failed (1234!=5678)'
		]);
		expect(summary(f)).toEqual([
			['filesystem.ext4-error', 'EXT4 write errors on sda2', 'high'],
			['filesystem.ext4-error', 'EXT4 filesystem error on sdb1', 'high']
		]);
	});
});

describe('Btrfs error counters printed at mount', () => {
	it('are errors recorded earlier (low), not a new failure', async () => {
		// fs/btrfs/volumes.c btrfs_dev_stat_print_on_load
		const f = await findingsOf([
			'[    6.481211] BTRFS: device fsid 1b2c3d4e-aaaa-bbbb-cccc-1234567890ab devid 1 transid 18812 /dev/sdd1 scanned by systemd-udevd (301)',
			'[    6.512200] BTRFS info (device sdd1): using crc32c (crc32c-intel) checksum algorithm',
			'[    6.512380] BTRFS info (device sdd1): bdev /dev/sdd1 errs: wr 0, rd 0, flush 0, corrupt 3, gen 0',
			'[    6.530101] BTRFS info (device sdd1): enabling ssd optimizations'
		]);
		expect(summary(f)).toEqual([
			[
				'filesystem.btrfs-error',
				'Btrfs device errors recorded earlier on sdd1 (counters at mount)',
				'low'
			]
		]);
		expect(steps(f[0])).toContain('btrfs device stats -z');
	});
});

describe('network filesystems and network block storage', () => {
	it('an SMB server that stopped answering, in both spellings', async () => {
		// fs/smb/client/connect.c (5.x+) and fs/cifs/connect.c (4.x) server_unresponsive
		const f = await findingsOf([
			'[ 9000.100000] CIFS: VFS: \\\\192.168.1.5 has not responded in 180 seconds. Reconnecting...',
			'[ 9100.100000] CIFS VFS: Server 192.168.1.6 has not responded in 120 seconds. Reconnecting...'
		]);
		expect(summary(f)).toEqual([
			['network.smb-not-responding', 'SMB/CIFS server 192.168.1.5 not responding', 'high'],
			['network.smb-not-responding', 'SMB/CIFS server 192.168.1.6 not responding', 'high']
		]);
		expect(f[0].details).toMatchObject({ server: '192.168.1.5', waited_s: 180 });
	});

	it('a failed SMB mount names its error and the server of the failed login', async () => {
		// fs/smb/client/connect.c cifs_mount, sess.c: `Send error in SessSetup = -13`
		const f = await findingsOf([
			'[ 1201.000001] CIFS: Attempting to mount \\\\fileserver\\share',
			'[ 1201.090002] CIFS: VFS: \\\\fileserver Send error in SessSetup = -13',
			'[ 1201.090010] CIFS: VFS: cifs_mount failed w/return code = -13'
		]);
		expect(summary(f)).toEqual([
			['network.smb-mount-failed', 'SMB/CIFS mount failed: EACCES (permission denied)', 'medium']
		]);
		expect(f[0].details).toMatchObject({
			server: 'fileserver',
			session_setup_error: 'EACCES (permission denied)'
		});
		expect(f[0].details.likely_reason).toContain('password');
	});

	it('an iSCSI connection lost, then its session recovery timing out and the disk offline', async () => {
		// drivers/scsi/scsi_transport_iscsi.c, libiscsi.c, scsi_lib.c
		const f = await findingsOf([
			'[52001.120001] connection1:0: ping timeout of 5 secs expired, recv timeout 5, last rx 4295189923, last ping 4295191173, now 4295192448',
			'[52001.120100] connection1:0: detected conn error (1022)',
			'[52121.130000] session1: session recovery timed out after 120 secs',
			'[52121.130200] sd 8:0:0:0: rejecting I/O to offline device',
			'[52121.130230] I/O error, dev sdb, sector 2048 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 2'
		]);
		expect(summary(f)).toEqual([
			[
				'storage.iscsi-connection-error',
				'iSCSI connection1:0 lost its connection to the target',
				'medium'
			],
			[
				'storage.iscsi-connection-error',
				'iSCSI session1 lost: recovery timed out, its disks failed',
				'high'
			],
			['storage.scsi-device-offline', 'I/O rejected: SCSI device 8:0:0:0 is offline', 'high'],
			['storage.io-error', 'I/O error on sdb', 'high']
		]);
		expect(f[0].count).toBe(2);
		expect(f[0].details.error).toBe('ping timeout');
	});

	it('a disk taken offline by the SCSI error handler, and a command that timed out', async () => {
		// drivers/scsi/scsi_error.c scsi_eh_offline_sdevs, scsi_lib.c
		const f = await findingsOf([
			'[ 3000.000001] sd 2:0:0:0: [sdb] tag#5 timing out command, waited 180s',
			'[ 3030.000002] sd 2:0:0:0: [sdb] tag#12 Device offlined - not ready after error recovery'
		]);
		expect(summary(f)).toEqual([
			['storage.scsi-command-timeout', 'SCSI commands timed out on sdb', 'high'],
			[
				'storage.scsi-device-offline',
				'SCSI device sdb taken offline after failed error recovery',
				'high'
			]
		]);
		expect(f[1].details).toMatchObject({
			device: 'sdb',
			address: '2:0:0:0',
			reason: 'not ready after error recovery'
		});
	});
});

describe('device-mapper and md', () => {
	it('an LVM thin pool reaching its low water mark, then running out of space', async () => {
		// drivers/md/dm-thin.c
		const f = await findingsOf([
			'[80001.000001] device-mapper: thin: 253:4: reached low water mark for data device: sending event.',
			'[80301.000002] device-mapper: thin: 253:4: switching pool to out-of-data-space (queue IO) mode',
			'[80361.000003] device-mapper: thin: 253:4: switching pool to out-of-data-space (error IO) mode'
		]);
		expect(summary(f)).toEqual([
			['storage.thin-pool', 'LVM thin pool 253:4 is nearly full (low water mark reached)', 'low'],
			['storage.thin-pool', 'LVM thin pool 253:4 is out of data space', 'high']
		]);
		expect(f[1].count).toBe(2);
		expect(steps(f[1])).toContain('lvextend');
	});

	it('dm-verity corruption and a dm-crypt target that could not be created', async () => {
		// drivers/md/dm-verity-target.c verity_handle_err, dm-table.c dm_table_add_target
		const f = await findingsOf([
			'[   12.000001] device-mapper: verity: 253:5: data block 1234 is corrupted',
			'[   15.000002] device-mapper: table: 253:0: crypt: Error allocating crypto tfm (-ENOENT)',
			'[   15.000010] device-mapper: ioctl: error adding target to table'
		]);
		expect(summary(f)).toEqual([
			['storage.verity-corruption', 'dm-verity found corrupted blocks on 253:5', 'high'],
			[
				'storage.dm-crypt-setup-failed',
				'Encrypted device 253:0 could not be set up (dm-crypt): Error allocating crypto tfm',
				'medium'
			]
		]);
		expect(f[1].details).toMatchObject({ code: '-ENOENT' });
	});

	it('md RAID5 without enough devices to start, and a read error it could not correct', async () => {
		// drivers/md/raid5.c raid5_run, raid5_end_read_request
		const f = await findingsOf([
			'[    8.000001] md/raid:md5: not enough operational devices (2/4 failed)',
			'[    8.000010] md/raid:md5: failed to run raid set.',
			'[  900.000002] md/raid:md1: read error not correctable (sector 1234 on sdc1).'
		]);
		expect(summary(f)).toEqual([
			['storage.raid-degraded', 'RAID md5: not enough working disks', 'critical'],
			['storage.raid-degraded', 'RAID md1: unrecoverable read error on sdc1', 'high']
		]);
		expect(f[1].details).toMatchObject({ device: 'sdc1', sector: 1234 });
	});
});

describe('NVMe and NIC message shapes of particular kernels', () => {
	it('reads the NVMe timeout of 6.1-6.4, which names the command', async () => {
		// drivers/nvme/host/pci.c nvme_timeout (6.1)
		const f = await findingsOf([
			'[  400.100000] nvme nvme3: I/O 17 (Write) QID 1 timeout, aborting'
		]);
		expect(summary(f)).toEqual([
			['storage.nvme-timeout', 'NVMe command timeouts on nvme3', 'high']
		]);
	});

	it('reads igb’s transmit hang, which names the PCI device only', async () => {
		// drivers/net/ethernet/intel/igb/igb_main.c igb_clean_tx_irq: dev_err(tx_ring->dev, …)
		const f = await findingsOf([
			'[ 5000.000001] igb 0000:01:00.0: Detected Tx Unit Hang',
			'[ 5000.000002]   Tx Queue             <2>',
			'[ 5000.000003]   TDH                  <86>'
		]);
		expect(summary(f)).toEqual([
			['network.nic-hang', 'Network card 0000:01:00.0 transmit hang (igb)', 'high']
		]);
	});
});

describe('network stack messages', () => {
	it('neighbour table overflow, in the 4.x+ and the old spelling', async () => {
		// net/core/neighbour.c neigh_alloc
		const f = await findingsOf([
			'[71000.000001] neighbour: arp_cache: neighbor table overflow!',
			'[71000.400002] neighbour: ndisc_cache: neighbor table overflow!',
			'[71001.000003] Neighbour table overflow.'
		]);
		expect(summary(f)).toEqual([
			['network.neighbour-table-overflow', 'Neighbour (ARP) table (arp_cache) overflow', 'medium'],
			['network.neighbour-table-overflow', 'IPv6 neighbour table (ndisc_cache) overflow', 'medium'],
			['network.neighbour-table-overflow', 'Neighbour (ARP) table overflow', 'medium']
		]);
		expect(steps(f[0])).toContain('gc_thresh3');
	});

	it('a bond losing a member, then every member', async () => {
		// drivers/net/bonding/bond_main.c bond_miimon_commit, bond_select_active_slave (5.x+)
		const f = await findingsOf([
			'[ 8100.000001] igb 0000:03:00.1 eth1: igb: eth1 NIC Link is Down',
			'[ 8100.100002] bond0: (slave eth1): link status definitely down, disabling slave',
			'[ 8100.100003] bond0: now running without any active interface!',
			'[ 8160.000004] bond0: (slave eth1): link status definitely up, 1000 Mbps full duplex'
		]);
		expect(summary(f)).toEqual([
			['network.link-down', 'Network link down on eth1', 'info'],
			['network.bond-link-down', 'Bond bond0 lost member eth1', 'medium'],
			['network.bond-link-down', 'Bond bond0 has no active interface left', 'high']
		]);
	});

	it('martian packets are low and say how to turn the logging off', async () => {
		// ubuntu-20-04-fips-logs-dmesg-txt.log lines 1564-1568 (Ubuntu 20.04, 5.4)
		const f = await findingsOf([
			'[   97.470534] wlan0: Limiting TX power to 21 (24 - 3) dBm as advertised by dc:08:56:01:cf:9a',
			'[  115.611941] IPv4: martian source 255.255.255.255 from 192.168.4.9, on dev wlan0',
			'[  115.611950] ll header: 00000000: ff ff ff ff ff ff 00 0c 29 80 ca 64 08 00',
			'[  150.607988] IPv4: martian source 255.255.255.255 from 192.168.4.9, on dev wlan0',
			'[  150.607997] ll header: 00000000: ff ff ff ff ff ff 00 0c 29 80 ca 64 08 00'
		]);
		expect(summary(f)).toEqual([
			['network.martian-packet', 'Martian packets dropped on wlan0', 'low']
		]);
		expect(f[0].count).toBe(2);
		expect(f[0].details).toMatchObject({
			device: 'wlan0',
			kind: 'source',
			source: '192.168.4.9',
			destination: '255.255.255.255'
		});
		expect(steps(f[0])).toContain('log_martians=0');
	});
});

describe('transmit timeouts reported by the drivers themselves', () => {
	// drivers/net/ethernet/broadcom/tg3.c tg3_tx_timeout; net/sched/sch_generic.c dev_watchdog
	// (WARN_ONCE before 6.7: printed for the first timeout of a boot only)
	const WARN = [
		'[ 1000.000000] ------------[ cut here ]------------',
		'[ 1000.000001] NETDEV WATCHDOG: eth2 (tg3): transmit queue 0 timed out',
		'[ 1000.000002] WARNING: CPU: 0 PID: 0 at net/sched/sch_generic.c:477 dev_watchdog+0x21f/0x230',
		'[ 1000.000003] Modules linked in: tg3 ptp pps_core',
		'[ 1000.000004] CPU: 0 PID: 0 Comm: swapper/0 Not tainted 5.15.0-91-generic #101-Ubuntu',
		'[ 1000.000005] RIP: 0010:dev_watchdog+0x21f/0x230',
		'[ 1000.000006] Call Trace:',
		'[ 1000.000007]  <IRQ>',
		'[ 1000.000008]  call_timer_fn+0x29/0x120',
		'[ 1000.000009]  </IRQ>',
		'[ 1000.000010] ---[ end trace 1234567890abcdef ]---',
		'[ 1000.000011] tg3 0000:04:00.0 eth2: transmit timed out, resetting'
	];
	const LATER = Array.from(
		{ length: 70 },
		(_, k) =>
			`[ 1000.1${String(k).padStart(5, '0')}] tg3 0000:04:00.0 eth2: 0x0000${k}0: 0x165f14e4`
	);

	it('the driver’s line right after dev_watchdog’s is the same timeout; a later one another', async () => {
		const f = await findingsOf([
			...WARN,
			...LATER,
			'[ 2000.000011] tg3 0000:04:00.0 eth2: transmit timed out, resetting'
		]);
		const tx = f.filter((x) => x.rule === 'network.tx-timeout');
		expect(tx.map((x) => [x.title, x.severity, x.count])).toEqual([
			['Network transmit timeout on eth2 (tg3)', 'high', 2]
		]);
		expect(tx[0].details).toMatchObject({ device: 'eth2', driver: 'tg3', queue: 0 });
		expect(tx[0].evidence.map((e) => e.line)).toEqual([2, 12]);
	});

	it('reads bnxt_en, mlx5_core, ixgbe and igb reports alone (igb’s `Reset adapter` only)', async () => {
		// bnxt_en bnxt_tx_timeout, mlx5e tx reporter, ixgbe_tx_timeout_reset, igb_reset_task
		const f = await findingsOf([
			'[ 10.0] bnxt_en 0000:82:00.1 ens2f1: TX timeout detected, starting reset task!',
			'[ 20.0] mlx5_core 0000:5e:00.0 ens1f0: TX timeout on queue: 3, SQ: 0x1234, CQ: 0x5678, SQ Cons: 0x0 SQ Prod: 0x5, usecs since last trans: 12345000',
			'[ 30.0] ixgbe 0000:02:00.0 eth1: initiating reset due to tx timeout',
			'[ 30.1] ixgbe 0000:02:00.0 eth1: Reset adapter',
			'[ 40.0] igb 0000:01:00.0 eth0: Reset adapter',
			'[ 50.0] e1000e 0000:00:1f.6 eno1: Reset adapter unexpectedly'
		]);
		expect(summary(f)).toEqual([
			['network.tx-timeout', 'Network transmit timeout on ens2f1 (bnxt_en)', 'high'],
			['network.tx-timeout', 'Network transmit timeout on ens1f0 (mlx5_core)', 'high'],
			['network.tx-timeout', 'Network transmit timeout on eth1 (ixgbe)', 'high'],
			['network.tx-timeout', 'Network transmit timeout on eth0 (igb)', 'high']
		]);
	});
});

describe('Wi-Fi chips that stop answering, short of a firmware crash', () => {
	it('iwlwifi command timeouts, a stuck queue, a chip that did not wake, firmware not loaded', async () => {
		// drivers/net/wireless/intel/iwlwifi/pcie/tx.c, trans.c
		const f = await findingsOf([
			'[ 7000.000001] iwlwifi 0000:02:00.0: Error sending REPLY_ADD_STA: time out after 500ms.',
			'[ 7000.000002] iwlwifi 0000:02:00.0: Queue 2 is stuck 10 11',
			'[ 7002.000003] iwlwifi 0000:02:00.0: Error sending STATISTICS_CMD: time out after 2000ms.',
			'[ 7100.000004] iwlwifi 0000:00:14.3: Timeout waiting for hardware access (CSR_GP_CNTRL 0x08040008)',
			'[ 7200.000005] iwlwifi 0000:04:00.0: Failed to load firmware chunk!',
			'[ 7200.000006] iwlwifi 0000:04:00.0: Could not load the [0] uCode section'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'network.wifi-chip-stalled',
				'iwlwifi firmware did not answer a command in time',
				'medium',
				2
			],
			['network.wifi-chip-stalled', 'iwlwifi transmit queue stuck', 'medium', 1],
			['network.wifi-chip-stalled', 'iwlwifi chip did not wake up', 'medium', 1],
			['network.wifi-chip-stalled', 'iwlwifi could not load its firmware into the chip', 'high', 1]
		]);
		expect(f[0].details).toMatchObject({ device: '0000:02:00.0', command: 'REPLY_ADD_STA' });
		expect(steps(f[0])).toContain('power_save');
	});

	it('ath10k not waking and ath9k’s DMA stop (low)', async () => {
		// drivers/net/wireless/ath/ath10k/pci.c, ath9k/xmit.c ath_drain_all_txq
		const f = await findingsOf([
			'[  500.000001] ath10k_pci 0000:04:00.0: failed to wake target for read32 at 0x0003a028: -110',
			'[  600.000002] ath: phy0: Failed to stop TX DMA, queues=0x005!'
		]);
		expect(summary(f)).toEqual([
			['network.wifi-chip-stalled', 'ath10k_pci chip did not wake up', 'medium'],
			['network.wifi-chip-stalled', 'ath9k could not stop transmit DMA', 'low']
		]);
	});
});

describe('lockdown refusing an unsigned module', () => {
	it('is explained as a DKMS module to sign with an enrolled key', async () => {
		// security/lockdown/lockdown.c (the Lockdown lines of the corpus have other features)
		const f = await findingsOf([
			'[   25.100001] Lockdown: modprobe: unsigned module loading is restricted; see man kernel_lockdown.7'
		]);
		expect(summary(f)).toEqual([
			['security.lockdown', 'Kernel lockdown blocked unsigned module loading', 'low']
		]);
		expect(f[0].explanation.meaning).toContain('DKMS');
		expect(steps(f[0])).toContain('mokutil --import');
	});
});

describe('r8169 giving up on a chip condition', () => {
	it('is low once and names the condition; a NETDEV WATCHDOG before it stays its own finding', async () => {
		// drivers/net/ethernet/realtek/r8169_main.c rtl_loop_wait (6.x NETDEV WATCHDOG shape)
		const f = await findingsOf([
			'[ 3001.000001] r8169 0000:03:00.0 enp3s0: NETDEV WATCHDOG: CPU: 2: transmit queue 0 timed out 5120 ms',
			'[ 3001.000050] r8169 0000:03:00.0 enp3s0: rtl_rxtx_empty_cond == 0 (loop: 42, delay: 100).',
			'[ 3001.200100] r8169 0000:03:00.0 enp3s0: Link is Down'
		]);
		expect(summary(f)).toEqual([
			['network.tx-timeout', 'Network transmit timeout on enp3s0 (r8169)', 'high'],
			[
				'network.r8169-chip-timeout',
				'Realtek network chip enp3s0 did not answer the driver (rtl_rxtx_empty_cond)',
				'low'
			],
			['network.link-down', 'Network link down on enp3s0', 'info']
		]);
		expect(steps(f[1])).toContain('pcie_aspm=off');
	});
});

describe('an NVMe controller that went away', () => {
	// drivers/nvme/host/pci.c nvme_timeout()/nvme_dev_disable (6.x): the kernel's own hint after
	// the reset names three parameters; the advice gave two, without the PCIe port's power
	// management. Written from the kernel's format strings
	it('gives the test parameters the kernel suggests', async () => {
		const f = (
			await findingsOf([
				'[ 9000.000000] nvme nvme0: controller is down; will reset: CSTS=0xffffffff, PCI_STATUS=0x10',
				'[ 9000.000100] nvme nvme0: Does your device have a faulty power saving mode enabled?',
				'[ 9000.000200] nvme nvme0: Try "nvme_core.default_ps_max_latency_us=0 pcie_aspm=off pcie_port_pm=off" and report a bug'
			])
		).find((x) => x.rule === 'storage.nvme-controller-down');
		expect(f?.severity).toBe('critical');
		expect(steps(f as F)).toContain(
			'`nvme_core.default_ps_max_latency_us=0 pcie_aspm=off pcie_port_pm=off`'
		);
	});
});
