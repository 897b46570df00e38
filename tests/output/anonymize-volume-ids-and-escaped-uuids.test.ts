import { describe, expect, it } from 'vitest';
import { Anonymizer } from '../../src/lib/util/anonymize.ts';

// The shapes of real journal lines of the corpus (systemd waiting for a disk, checking a FAT
// EFI partition), with invented ids: systemd writes a disk's UUID in a unit's name with each `-`
// escaped as `\x2d`, and a FAT volume or an MBR partition has a short id where a UUID goes. All
// three had been left in the anonymized report.
describe('a file system’s or a disk’s id in systemd’s and the short forms is a uuid', () => {
	it('replaces a UUID escaped in a unit’s name with the placeholder of the plain one', () => {
		const a = new Anonymizer();
		expect(
			a.text(
				'[    7.048948] systemd[1]: Expecting device dev-disk-by\\x2duuid-1b2c3d4e\\x2d5f60\\x2d4a7b\\x2d8c9d\\x2d0e1f2a3b4c5d.device - /dev/disk/by-uuid/1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d...'
			)
		).toBe(
			'[    7.048948] systemd[1]: Expecting device dev-disk-by\\x2duuid-<uuid-1>.device - /dev/disk/by-uuid/<uuid-1>...'
		);
		expect(a.replaced).toEqual({ uuid: 1 });
	});

	it('replaces a FAT volume’s serial, escaped or not, as one uuid', () => {
		const a = new Anonymizer();
		expect(
			a.text(
				'[    2.541957] systemd[1]: Expecting device dev-disk-by\\x2duuid-7A1B\\x2dC2D3.device - /dev/disk/by-uuid/7A1B-C2D3...'
			)
		).toBe(
			'[    2.541957] systemd[1]: Expecting device dev-disk-by\\x2duuid-<uuid-1>.device - /dev/disk/by-uuid/<uuid-1>...'
		);
		expect(
			a.text(
				'May  9 01:39:01 host1 systemd[1]: Finished File System Check on /dev/disk/by-uuid/7a1b-c2d3.'
			)
		).toBe(
			'May  9 01:39:01 host1 systemd[1]: Finished File System Check on /dev/disk/by-uuid/<uuid-1>.'
		);
		expect(a.text('Kernel command line: root=UUID=7A1B-C2D3 ro')).toBe(
			'Kernel command line: root=UUID=<uuid-1> ro'
		);
		expect(a.replaced).toEqual({ uuid: 1 });
	});

	it('replaces an MBR partition’s PARTUUID (the disk’s signature) and keeps its number', () => {
		const a = new Anonymizer();
		expect(
			a.text('Kernel command line: console=tty1 root=PARTUUID=6c4bfb2c-02 rootfstype=ext4')
		).toBe('Kernel command line: console=tty1 root=PARTUUID=<uuid-1>-02 rootfstype=ext4');
		expect(a.text('systemd[1]: Found device dev-disk-by\\x2dpartuuid-6c4bfb2c\\x2d01.device')).toBe(
			'systemd[1]: Found device dev-disk-by\\x2dpartuuid-<uuid-1>\\x2d01.device'
		);
		expect(a.replaced).toEqual({ uuid: 1 });
	});

	it('keeps what only looks like one', () => {
		const a = new Anonymizer();
		for (const t of [
			'Kernel command line: root=PARTUUID=5f24216a-4ae0-428d-9574-8f56ca94afc3/PARTNROFF=1',
			'systemd[1]: Created slice system-systemd\\x2dfsck.slice - Slice /system/systemd-fsck.',
			'pci 0000:00:1f.3: [8086:a348] type 00 class 0x040300',
			'EXT4-fs (sda2): mounted filesystem with ordered data mode. Quota mode: none.'
		])
			expect(a.text(t), t).toBe(t.replace('5f24216a-4ae0-428d-9574-8f56ca94afc3', '<uuid-1>'));
	});
});

describe('a file system’s label in udev’s and systemd’s names is a label', () => {
	it('replaces it as LABEL= is, escapes decoded, and keeps installers’ labels', () => {
		const a = new Anonymizer();
		expect(
			a.text(
				'systemd[1]: Expecting device dev-disk-by\\x2dlabel-Alice\\x20Backup.device - /dev/disk/by-label/Alice\\x20Backup...'
			)
		).toBe(
			'systemd[1]: Expecting device dev-disk-by\\x2dlabel-<label-1>.device - /dev/disk/by-label/<label-1>...'
		);
		expect(
			a.text('systemd[1]: dev-disk-by\\x2dlabel-Alice\\x20Backup.device: Job timed out.')
		).toBe('systemd[1]: dev-disk-by\\x2dlabel-<label-1>.device: Job timed out.');
		expect(a.text('Timed out waiting for device /dev/disk/by-label/data.2024: retrying')).toBe(
			'Timed out waiting for device /dev/disk/by-label/<label-2>: retrying'
		);
		// real lines of an Ubuntu for Raspberry Pi syslog: the installer's label
		for (const kept of [
			'Feb  3 18:33:30 ubuntu systemd[1]: Starting File System Check on /dev/disk/by-label/system-boot...',
			'Feb  3 18:33:30 ubuntu systemd[1]: Found device /dev/disk/by-label/system-boot.',
			'systemd[1]: Expecting device dev-disk-by\\x2dlabel-system\\x2dboot.device - /dev/disk/by-label/system-boot...'
		])
			expect(a.text(kept), kept).toBe(kept);
		expect(a.replaced).toEqual({ label: 2 });
	});
});
