/**
 * Line-rule findings that earlier reviews of the real-log corpus (shared/corpus/real) left open.
 * Excerpts name their corpus file and lines; lines not in the corpus are written from the
 * kernel's format strings (the source file is named with each) in a realistic dmesg context.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];

const summary = (f: F[]) => f.map((x) => [x.rule, x.title, x.severity, x.count]);

/** the storage findings of a log given as lines (not its USB disconnects) */
const storageOf = async (lines: string[]) =>
	(await findingsOf(lines)).filter((x) => x.category === 'storage');

describe('modules built for another kernel (module_layout) are one problem', () => {
	// pikernel-dmesg.log lines 240, 241 and 257 (Raspberry Pi, self-built 3.6.11+ kernel booted
	// with another build's modules)
	const PIKERNEL = [
		'[    5.453809] led_class: disagrees about version of symbol module_layout',
		'[    5.702307] crc_ccitt: disagrees about version of symbol module_layout',
		'[    9.175394] EXT4-fs (mmcblk0p2): re-mounted. Opts: (null)',
		'[   10.392010] snd: disagrees about version of symbol module_layout'
	];

	it('one finding that lists the modules, with one set of steps (had been three)', async () => {
		const f = await findingsOf(PIKERNEL);
		expect(summary(f)).toEqual([
			['other.module-load-failed', 'Modules built for another kernel could not be loaded', 'low', 3]
		]);
		expect(f[0].details.modules).toEqual(['led_class', 'crc_ccitt', 'snd']);
		// each module's refusal is evidence (debian-b43-firmware-advice.test.ts)
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 2, 4]);
		const e = f[0].explanation;
		expect(e.meaning).toMatch(/^The kernel refused these modules/);
		expect(e.meaning).toContain('every module of that kernel is likely affected');
		const steps = e.next_steps.join('\n');
		expect(steps).toContain('modinfo -F vermagic');
		expect(steps).toContain('modules_install');
		expect(steps).toContain('depmod -a');
		// the steps of a module that misses symbols (headers, licence) are not given
		expect(steps).not.toContain('linux-headers-$(uname -r)');
		expect(steps).not.toMatch(/blacklist/);
	});

	it('a module whose other symbols differ keeps a finding of its own', async () => {
		// bananapi-dmesg-log.log lines 1-2 (gasket, built by DKMS against other headers)
		const f = await findingsOf([
			...PIKERNEL,
			'[ 1289.155781] gasket: disagrees about version of symbol dev_warn',
			'[ 1289.155801] gasket: Unknown symbol dev_warn (err -22)'
		]);
		expect(f.map((x) => [x.title, x.count, x.details.modules])).toEqual([
			[
				'Modules built for another kernel could not be loaded',
				3,
				['led_class', 'crc_ccitt', 'snd']
			],
			['Module gasket could not be loaded', 2, ['gasket']]
		]);
		expect(f[1].explanation.next_steps.join('\n')).toContain('linux-headers-$(uname -r)');
	});
});

/**
 * The kernel's lines of a USB stick (drivers/usb/core/hub.c, drivers/usb/storage/usb.c,
 * drivers/scsi/hosts.c, drivers/scsi/sd.c) and of an internal SATA disk (libata's `ahci` host),
 * as a laptop with both prints them at boot.
 */
const BOOT_DISKS = [
	'[    1.523001] scsi host0: ahci',
	'[    1.861203] ata1: SATA link up 6.0 Gbps (SStatus 133 SControl 300)',
	'[    1.902337] sd 0:0:0:0: [sda] 976773168 512-byte logical blocks: (500 GB/466 GiB)',
	'[    1.911042] sd 0:0:0:0: [sda] Attached SCSI disk',
	'[  841.114210] usb 1-2: new high-speed USB device number 7 using xhci_hcd',
	'[  841.266315] usb-storage 1-2:1.0: USB Mass Storage device detected',
	'[  841.266602] scsi host6: usb-storage 1-2:1.0',
	'[  842.291876] scsi 6:0:0:0: Direct-Access     SanDisk  Cruzer Blade     1.00 PQ: 0 ANSI: 6',
	'[  842.293021] sd 6:0:0:0: [sdb] 30031872 512-byte logical blocks: (15.4 GB/14.3 GiB)',
	'[  842.310554] sd 6:0:0:0: [sdb] Attached SCSI removable disk'
];

const ioError = (at: string, dev: string, op = '0x0:(READ)') =>
	`[${at}] blk_update_request: I/O error, dev ${dev}, sector 2048 op ${op} flags 0x80700 phys_seg 1 prio class 0`;

describe('I/O errors after a USB disconnect are lowered for the disk unplugged only', () => {
	it('the internal SATA disk’s error after a mouse is unplugged stays high (had been medium)', async () => {
		const f = await storageOf([
			...BOOT_DISKS,
			'[ 1201.004410] usb 1-4: USB disconnect, device number 3',
			ioError(' 1201.113002', 'sda')
		]);
		expect(summary(f.filter((x) => x.rule === 'storage.io-error'))).toEqual([
			['storage.io-error', 'I/O error on sda', 'high', 1]
		]);
	});

	it('the stick’s own error after its port’s disconnect is medium, and its reads too (had been high)', async () => {
		const f = await storageOf([
			...BOOT_DISKS,
			'[ 1201.004410] usb 1-2: USB disconnect, device number 7',
			ioError(' 1201.113002', 'sdb'),
			'[ 1201.113010] Buffer I/O error on dev sdb1, logical block 0, async page read',
			ioError(' 1201.113020', 'sdb', '0x1:(WRITE)'),
			'[ 1201.113028] Buffer I/O error on dev sdb1, logical block 524296, lost async page write'
		]);
		expect(summary(f)).toEqual([
			['storage.io-error', 'I/O error on sdb after a USB device was disconnected', 'medium', 2],
			[
				'storage.buffer-io-error',
				'Buffer I/O errors on sdb1 after a USB device was disconnected',
				'medium',
				1
			],
			// what was written is lost: still critical
			['storage.buffer-io-error', 'Lost writes on sdb1', 'critical', 1]
		]);
		expect(f[0].details.port).toBe('1-2');
		expect(f[1].details.port).toBe('1-2');
		expect(f[1].explanation.meaning).toMatch(/just after a USB device was disconnected/);
	});

	it('another USB disk unplugged: the stick’s error stays high, the unplugged one’s is medium', async () => {
		const more = [
			'[  900.100001] scsi host7: usb-storage 2-1:1.0',
			'[  901.200002] sd 7:0:0:0: [sdc] Attached SCSI disk'
		];
		const f = await storageOf([
			...BOOT_DISKS,
			...more,
			'[ 1201.004410] usb 2-1: USB disconnect, device number 2',
			ioError(' 1201.113002', 'sdb'),
			ioError(' 1201.113010', 'sdc')
		]);
		expect(summary(f)).toEqual([
			['storage.io-error', 'I/O error on sdb', 'high', 1],
			['storage.io-error', 'I/O error on sdc after a USB device was disconnected', 'medium', 1]
		]);
	});

	it('a hub unplugged with the stick behind it, its other devices after it: medium', async () => {
		const f = await storageOf([
			'[  841.266602] scsi host6: usb-storage 1-2.3:1.0',
			'[  842.310554] sd 6:0:0:0: [sdb] Attached SCSI removable disk',
			'[ 1201.004410] usb 1-2: USB disconnect, device number 5',
			'[ 1201.004512] usb 1-2.1: USB disconnect, device number 6',
			'[ 1201.004620] usb 1-2.3: USB disconnect, device number 7',
			'[ 1201.004733] usb 1-2.4: USB disconnect, device number 8',
			ioError(' 1201.113002', 'sdb')
		]);
		expect(summary(f)).toEqual([
			['storage.io-error', 'I/O error on sdb after a USB device was disconnected', 'medium', 1]
		]);
		expect(f[0].details.port).toBe('1-2.3');
	});

	it('a log that does not say what the disk is on keeps the old reading (medium)', async () => {
		const f = await storageOf([
			'[ 1201.004410] usb 1-4: USB disconnect, device number 3',
			ioError(' 1201.113002', 'sdb')
		]);
		expect(summary(f)).toEqual([
			['storage.io-error', 'I/O error on sdb after a USB device was disconnected', 'medium', 1]
		]);
	});

	it('a mouse unplugged after the card reader said Medium not present: still no medium (low)', async () => {
		const f = await storageOf([
			'[  120.000120] sd 6:0:0:0: [sdb] tag#0 Add. Sense: Medium not present',
			'[  120.000125] usb 1-4: USB disconnect, device number 3',
			ioError('  120.000140', 'sdb')
		]);
		expect(summary(f)).toEqual([
			['storage.io-error', 'I/O error on sdb: no medium in the drive', 'low', 1]
		]);
	});
});

describe('an empty card reader is a minor issue in every finding it gives', () => {
	// drivers/scsi/constants.c scsi_print_sense and scsi_print_result, block/blk-core.c, fs/buffer.c:
	// a card reader without a card, read by udev at boot
	const EMPTY_READER = [
		'[    4.380100] sd 6:0:0:0: [sdb] tag#0 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_SENSE cmd_age=0s',
		'[    4.380110] sd 6:0:0:0: [sdb] tag#0 Sense Key : Not Ready [current] ',
		'[    4.380120] sd 6:0:0:0: [sdb] tag#0 Add. Sense: Medium not present',
		'[    4.380130] sd 6:0:0:0: [sdb] tag#0 CDB: Read(10) 28 00 00 00 00 00 00 00 08 00',
		ioError('    4.380140', 'sdb'),
		'[    4.380150] Buffer I/O error on dev sdb, logical block 0, async page read'
	];

	it('the Not Ready sense, the I/O error and the buffer read are all low (two had been medium and high)', async () => {
		const f = await findingsOf(EMPTY_READER);
		expect(summary(f)).toEqual([
			['storage.scsi-sense', 'SCSI Not Ready on sdb: no medium in the drive', 'low', 1],
			['storage.io-error', 'I/O error on sdb: no medium in the drive', 'low', 1],
			['storage.buffer-io-error', 'Buffer I/O errors on sdb: no medium in the drive', 'low', 1]
		]);
		const sense = f[0];
		expect(sense.details).toMatchObject({
			device: 'sdb',
			sense_key: 'Not Ready',
			additional_sense: 'Medium not present',
			command: 'Read(10)'
		});
		expect(sense.evidence.map((e) => e.line)).toEqual([2, 3, 4]);
		expect(sense.explanation.meaning).toContain('card reader');
	});

	it('a disk Not Ready for another reason stays medium, with its additional sense and command', async () => {
		const f = await findingsOf([
			'[  310.200110] sd 2:0:0:0: [sdc] tag#3 Sense Key : Not Ready [current] ',
			'[  310.200120] sd 2:0:0:0: [sdc] tag#3 Add. Sense: Logical unit not ready, cause not reportable',
			'[  310.200130] sd 2:0:0:0: [sdc] tag#3 CDB: Read(10) 28 00 00 00 08 00 00 00 08 00'
		]);
		expect(summary(f)).toEqual([['storage.scsi-sense', 'SCSI Not Ready on sdc', 'medium', 1]]);
		expect(f[0].details).toMatchObject({
			additional_sense: 'Logical unit not ready, cause not reportable',
			command: 'Read(10)'
		});
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 2, 3]);
	});
});

describe('kernel lockdown: hibernation is a policy stated at every boot', () => {
	// askubuntu-dmesg-journalctl-lastdayorso.log lines 826, 2327 and 2871 (a Secure Boot laptop's
	// journal): the kernel at boot, Xorg refused port access, systemd-logind at its start
	const lines = [
		'Feb 09 12:28:50 hpPav kernel: Lockdown: swapper/0: hibernation is restricted; see man kernel_lockdown.7',
		'Feb 09 12:29:40 hpPav kernel: Lockdown: Xorg: raw io port access is restricted; see man kernel_lockdown.7',
		'Feb 09 11:29:55 hpPav kernel: Lockdown: systemd-logind: hibernation is restricted; see man kernel_lockdown.7'
	];

	it('is info with an explanation of its own, and so is the X server’s port access', async () => {
		const f = await findingsOf(lines);
		expect(summary(f)).toEqual([
			['security.lockdown', 'Hibernation not available under kernel lockdown', 'info', 2],
			[
				'security.lockdown',
				'Kernel lockdown kept the X server from raw I/O ports at its start',
				'info',
				1
			]
		]);
		expect(f[0].explanation.meaning).toContain('not a hibernation that failed');
		expect(f[0].explanation.next_steps[0]).toMatch(
			/^Nothing needs doing unless you want to hibernate/
		);
		// it had been told that the feature does not work, and to turn Secure Boot off
		expect(f[1].explanation.meaning).toContain('the desktop is not affected');
		expect(f[1].explanation.next_steps.join(' ')).not.toContain('disable Secure Boot');
	});

	it('another program refused the ports stays low, with the general explanation', async () => {
		// arch/x86/kernel/ioport.c under lockdown (LOCKDOWN_IOPORT), any program but the X server
		const f = await findingsOf([
			'[  812.004113] Lockdown: flashrom: raw io port access is restricted; see man kernel_lockdown.7'
		]);
		expect(summary(f)).toEqual([
			['security.lockdown', 'Kernel lockdown blocked raw io port access', 'low', 1]
		]);
		expect(f[0].explanation.meaning).toMatch(/^The kernel runs in lockdown mode/);
	});
});

describe('segfault error codes keep the kernel’s own digits', () => {
	it('error 14 is error_code 20 (0x14) and error_hex "14"', async () => {
		const [f] = await findingsOf([
			'[ 5231.771048] geany[53075]: segfault at 7f6b267132c2 ip 00007f6b267132c2 sp 00007ffd1c3c6a68 error 14 in mime.cache[7f6b2674b000+3000]'
		]);
		expect(f.details).toMatchObject({
			error_code: 20,
			error_hex: '14',
			error_decoded: 'page not present, read, user mode, instruction fetch'
		});
	});
});

describe('thermal throttling on machines with more than 32 CPUs', () => {
	const ts = (s: number) => `[${s.toFixed(6).padStart(12)}]`;
	/**
	 * one brief episode on every CPU of an `n`-thread machine as kernels before 5.5 print it
	 * (arch/x86/kernel/cpu/mce/therm_throt.c): each CPU's core and package lines, then, 50 ms later,
	 * each CPU's `temperature/speed normal`
	 */
	const episode = (n: number, at = 812.5, events = 1) => {
		const cpus = Array.from({ length: n }, (_, k) => k);
		return [
			...cpus.flatMap((cpu) => [
				`${ts(at)} CPU${cpu}: Core temperature above threshold, cpu clock throttled (total events = ${events})`,
				`${ts(at)} CPU${cpu}: Package temperature above threshold, cpu clock throttled (total events = ${events})`
			]),
			...cpus.flatMap((cpu) => [
				`${ts(at + 0.05)} CPU${cpu}: Core temperature/speed normal`,
				`${ts(at + 0.05)} CPU${cpu}: Package temperature/speed normal`
			])
		];
	};
	const thermal = async (lines: string[]) => {
		const r = await analyzeLines(lines);
		return {
			verdict: r.summary.verdict,
			f: summary(r.findings.filter((x) => x.rule === 'hardware.thermal-throttling'))
		};
	};

	it('one brief episode on every CPU of a 40-thread machine is low on all (had been 8 medium lines)', async () => {
		expect(await thermal(episode(40))).toEqual({
			verdict: 'minor-issues',
			f: [
				[
					'hardware.thermal-throttling',
					'CPU core temperature briefly above threshold, clock throttled',
					'low',
					40
				],
				[
					'hardware.thermal-throttling',
					'CPU package temperature briefly above threshold, clock throttled',
					'low',
					40
				]
			]
		});
	});

	it('so on a 64-thread machine (had been 32 medium lines, a storm: serious problems)', async () => {
		const { verdict, f } = await thermal(episode(64));
		expect(verdict).toBe('minor-issues');
		expect(f.map((x) => [x[2], x[3]])).toEqual([
			['low', 64],
			['low', 64]
		]);
	});

	it('a CPU that does not come back within a minute is medium, the others stay low', async () => {
		const lines = episode(40);
		// CPU7's normal lines come 90 s later
		const late = lines.filter((l) => / CPU7: \w+ temperature\/speed normal/.test(l));
		const rest = lines.filter((l) => !late.includes(l));
		const f = (await thermal([...rest, ...late.map((l) => l.replace(/\[\s*[\d.]+\]/, ts(902.55)))]))
			.f;
		expect(f.map((x) => [x[1], x[2], x[3]])).toEqual([
			['CPU core temperature briefly above threshold, clock throttled', 'low', 39],
			['CPU package temperature briefly above threshold, clock throttled', 'low', 39],
			['CPU core temperature above threshold, clock throttled', 'medium', 1],
			['CPU package temperature above threshold, clock throttled', 'medium', 1]
		]);
	});
});
