/**
 * Storage and filesystem lines of the real-log corpus that no finding covered, or whose finding
 * explained them wrongly, with verbatim excerpts: kerneloops-i386-bug-on.log (a 2.6.24 ext2
 * warning that names no device), clamor-s-files-grate-txt.log and logs-a5y17lte-dmesg.log (ext2
 * filesystems without a journal mounted read-write with their valid flag unset).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('ext2/ext3 fsck warnings of 2.6 kernels (no device named)', () => {
	// kerneloops-i386-bug-on.log lines 426-428 (Fedora 9 development kernel 2.6.24, i386)
	const LINES = [
		'[drm] Initialized drm 1.1.0 20060810',
		'[drm] Initialized i915 1.11.0 20071122 on minor 0',
		'EXT2-fs warning: mounting unchecked fs, running e2fsck is recommended'
	];

	it('is the low finding of a filesystem mounted unchecked, as with a device', async () => {
		const f = await findingsOf(LINES);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['filesystem.fsck-needed', 'EXT2 filesystem was mounted unchecked (fsck recommended)', 'low']
		]);
		expect(f[0].details).toMatchObject({ device: null });
		expect(f[0].evidence.map((e) => e.line)).toEqual([3]);
	});

	it('reads the other 2.6 warnings of ext2_setup_super/ext3_setup_super alike', async () => {
		// fs/ext3/super.c ext3_setup_super() before ext3_msg(): printk("EXT3-fs warning: …")
		const f = await findingsOf([
			'EXT3-fs warning: mounting fs with errors, running e2fsck is recommended',
			'EXT3-fs warning: maximal mount count reached, running e2fsck is recommended'
		]);
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['EXT3 filesystem needs a check (fsck)', 'medium'],
			['EXT3 filesystem is due for its periodic check (fsck)', 'info']
		]);
	});
});

describe('ext2 mounted read-write with its valid flag unset', () => {
	// clamor-s-files-grate-txt.log lines 377-386 (ASUS Transformer, Tegra, 5.12): sda1 is ext2
	// without a journal; sda2's journal is replayed at the same boot
	const LINES = [
		'[    5.050428] EXT4-fs (sda1): mounting ext2 file system using the ext4 subsystem',
		'[    5.062811] EXT4-fs (sda1): mounted filesystem without journal. Opts: (null). Quota mode: none.',
		'[    7.618871] EXT4-fs (sda2): INFO: recovery required on readonly filesystem',
		'[    7.619100] EXT4-fs (sda2): write access will be enabled during recovery',
		'[    7.687977] EXT4-fs (sda2): recovery complete',
		'[    7.690912] EXT4-fs (sda2): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.',
		'[    7.731121] random: crng init done',
		'[    7.818483] EXT4-fs (sda1): mounting ext2 file system using the ext4 subsystem',
		'[    7.828475] EXT4-fs (sda1): warning: mounting unchecked fs, running e2fsck is recommended',
		'[    7.829624] EXT4-fs (sda1): mounted filesystem without journal. Opts: (null). Quota mode: none.'
	];

	it('says the last unmount was not clean, not that errors are recorded', async () => {
		const f = await findingsOf(LINES);
		const unchecked = f.find((x) => x.rule === 'filesystem.fsck-needed')!;
		expect([unchecked.title, unchecked.severity]).toEqual([
			'EXT4 filesystem on sda1 was mounted unchecked (fsck recommended)',
			'low'
		]);
		const meaning = unchecked.explanation.meaning;
		expect(meaning).toContain('without a journal');
		expect(meaning).toContain('last unmount was not clean');
		expect(meaning).not.toContain('marked as having errors');
		expect(unchecked.explanation.next_steps.join(' ')).toContain('e2fsck -f');
	});

	it('gives an ext2 image in a loop file the same reading', async () => {
		// logs-a5y17lte-dmesg.log lines 2454-2456 (Samsung Galaxy A5 2017, Ubuntu Touch, 3.18)
		const f = await findingsOf([
			'[    5.167972] EXT4-fs (mmcblk0p25): warning: maximal mount count reached, running e2fsck is recommended',
			'[    5.169081] EXT4-fs (mmcblk0p25): mounted filesystem with ordered data mode. Opts: (null)',
			'[    5.173222] EXT2-fs (loop0): warning: mounting unchecked fs, running e2fsck is recommended'
		]);
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['EXT4 filesystem on mmcblk0p25 is due for its periodic check (fsck)', 'info'],
			['EXT2 filesystem on loop0 was mounted unchecked (fsck recommended)', 'low']
		]);
		expect(f[1].explanation.meaning).toContain('ext2, and ext3/ext4 without a journal');
	});
});

describe('periodic check reminder (maximal mount count reached)', () => {
	// ubtouch-dmesg-dmesg.log lines 784-788 (Ubuntu Touch phone, 3.4; the same in its other logs)
	const LINES = [
		'[    5.102419] initrd: checking filesystem integrity for the userdata partition',
		"[    5.110179] EXT3-fs (mmcblk0p29): error: couldn't mount because of unsupported optional features (40)",
		"[    5.115023] EXT2-fs (mmcblk0p29): error: couldn't mount because of unsupported optional features (40)",
		'[    5.128506] EXT4-fs (mmcblk0p29): warning: maximal mount count reached, running e2fsck is recommended',
		'[    5.129451] EXT4-fs (mmcblk0p29): mounted filesystem with ordered data mode. Opts: errors=remount-ro'
	];

	it('is explained as a setting reached, not as a filesystem marked with errors', async () => {
		const f = await findingsOf(LINES);
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			// the ext3 and ext2 drivers' refusals before it are a routine probe (rules/notices.ts)
			['Filesystems probed with the ext2/ext3 driver before ext4 (a routine mount probe)', 'info'],
			['EXT4 filesystem on mmcblk0p29 is due for its periodic check (fsck)', 'info']
		]);
		const e = f[1].explanation;
		expect(e.meaning).toContain('Not a problem that was found');
		expect(e.meaning).not.toContain('marked as having errors');
		expect(e.next_steps.join(' ')).toContain('tune2fs -c -1 -i 0');
	});

	it('leaves a filesystem with recorded errors the reading of errors', async () => {
		// the rule's own example line
		const f = await findingsOf([
			'[    5.000000] EXT4-fs (sda1): warning: mounting fs with errors, running e2fsck is recommended'
		]);
		expect([f[0].title, f[0].severity]).toEqual([
			'EXT4 filesystem on sda1 needs a check (fsck)',
			'medium'
		]);
		expect(f[0].explanation.meaning).toContain('marked as having errors');
		expect(f[0].explanation.meaning).not.toContain('periodic');
	});
});

describe('I/O errors on a device-mapper device', () => {
	// apimnewyear-vmcore-dmesg-txt.log lines 49-52 (oVirt host, RHEL 8): dm-14 fails reads of
	// sector 0 every 100 to 200 s for 7.5 hours (273 errors), and no disk under it reports an error
	const LINES = [
		'[6032875.869557] device-mapper: core: ovirt-ha-broker: sending ioctl 5401 to DM device without required privilege.',
		'[6032875.967681] device-mapper: core: ovirt-ha-broker: sending ioctl 5401 to DM device without required privilege.',
		'[6032881.868599] blk_update_request: I/O error, dev dm-14, sector 0 op 0x0:(READ) flags 0x0 phys_seg 32 prio class 0',
		'[6032885.969319] device-mapper: core: ovirt-ha-broker: sending ioctl 5401 to DM device without required privilege.'
	];

	it('points below the map (paths, a removed LUN), not at cables and bad sectors first', async () => {
		const f = await findingsOf(LINES);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['storage.io-error', 'I/O error on dm-14', 'high']
		]);
		const e = f[0].explanation;
		expect(e.meaning).toContain('device-mapper device');
		expect(e.meaning).toContain('paths all failed');
		expect(e.causes[0].text).toContain('unreachable');
		expect(e.next_steps.join(' ')).toContain('multipath -ll');
		expect(e.next_steps.join(' ')).toContain('dmsetup info');
	});

	it('keeps the disk reading for a disk', async () => {
		// the rule's own example line
		const f = await findingsOf([
			'[  100.000000] blk_update_request: I/O error, dev sda, sector 1445018928'
		]);
		expect(f[0].explanation.causes[0].text).toContain('A failing disk (bad sectors)');
		expect(f[0].explanation.meaning).not.toContain('device-mapper');
	});
});

describe("blk_print_req_error's critical errors", () => {
	// block/blk-core.c names them `critical medium`, `critical target`, `critical nexus`,
	// `critical space allocation` (blk_errors[]); the title keeps their words in lower case after
	// `Critical`, as a sentence (it had read `Critical Medium error on sdc`)
	it('are titled `Critical medium error on sdc`, the others capitalised as before (`Protection error on sdf`)', async () => {
		const f = await findingsOf([
			'blk_update_request: critical medium error, dev sdc, sector 10000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0',
			'blk_update_request: critical space allocation error, dev sdd, sector 20000 op 0x1:(WRITE) flags 0x0 phys_seg 1 prio class 0',
			'print_req_error: I/O error, dev sde, sector 30000',
			'blk_update_request: protection error, dev sdf, sector 40000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0'
		]);
		expect(f.map((x) => x.title).sort()).toEqual([
			'Critical medium error on sdc',
			'Critical space allocation error on sdd',
			'I/O error on sde',
			'Protection error on sdf'
		]);
	});
});
