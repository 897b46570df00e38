/**
 * Advice and severity leftovers of the rules review. No log of the real corpus has an I/O error
 * on an optical, floppy or removable drive; the lines below are shaped as the kernel prints them
 * (block/blk-core.c blk_print_req_error, drivers/scsi/constants.c scsi_print_sense,
 * drivers/usb/core/hub.c, fs/buffer.c), as a desktop with an empty DVD drive, a virtual machine's
 * empty floppy, a card reader without a card and a USB stick pulled while written print them.
 */
import { describe, expect, it } from 'vitest';
import { ANDROID_MARKERS } from '../../src/lib/analysis/rules/android.ts';
import { LINE_RULES } from '../../src/lib/analysis/rules/index.ts';
import { analyzeLines, findingsOf } from '../support/analyze.ts';

const ofRule = async (lines: string[], rule: string) =>
	(await findingsOf(lines)).filter((f) => f.rule === rule);

const one = async (lines: string[], rule: string) => {
	const f = await ofRule(lines, rule);
	expect(f).toHaveLength(1);
	return f[0];
};

describe('I/O errors of drives with removable media', () => {
	/** udev probing an empty DVD drive at boot */
	const EMPTY_DVD = [
		'[    5.123456] sr 1:0:0:0: [sr0] tag#0 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_SENSE cmd_age=0s',
		'[    5.123460] sr 1:0:0:0: [sr0] tag#0 Sense Key : Not Ready [current] ',
		'[    5.123463] sr 1:0:0:0: [sr0] tag#0 Add. Sense: Medium not present',
		'[    5.123466] sr 1:0:0:0: [sr0] tag#0 CDB: Read(10) 28 00 00 00 00 00 00 00 02 00',
		'[    5.123470] blk_update_request: I/O error, dev sr0, sector 0 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 0',
		'[    5.123480] Buffer I/O error on dev sr0, logical block 0, async page read'
	];

	it('an empty DVD drive is a minor issue with advice about the disc, not a serious disk problem', async () => {
		const r = await analyzeLines(EMPTY_DVD);
		expect(r.summary.verdict).toBe('minor-issues');
		const io = r.findings.find((f) => f.rule === 'storage.io-error')!;
		expect(io.title).toBe('I/O error on sr0');
		expect(io.severity).toBe('low');
		expect(io.explanation.meaning).toMatch(/^A read from an optical drive/);
		const steps = io.explanation.next_steps.join('\n');
		expect(steps).toContain('eject /dev/sr0');
		expect(steps).not.toContain('Back up important data now');
		expect(steps).not.toContain('smartctl');
		for (const rule of ['storage.buffer-io-error', 'storage.scsi-sense']) {
			const f = r.findings.find((x) => x.rule === rule)!;
			expect(f.severity, rule).toBe('low');
			expect(f.explanation.meaning, rule).toMatch(/^A read from an optical drive/);
		}
	});

	it('a virtual machine’s floppy drive without a disk is low', async () => {
		const io = await one(
			[
				'[    3.812345] floppy: error 10 while reading block 0',
				'[    3.812400] print_req_error: I/O error, dev fd0, sector 0'
			],
			'storage.io-error'
		);
		expect(io.severity).toBe('low');
		expect(io.explanation.next_steps.join('\n')).toContain('virtual CD-ROM or floppy drive');
	});

	it('a card reader without a card (the same disk’s Medium not present) is low', async () => {
		const io = await one(
			[
				'[  120.000100] sd 6:0:0:0: [sdb] tag#0 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_SENSE cmd_age=0s',
				'[  120.000110] sd 6:0:0:0: [sdb] tag#0 Sense Key : Not Ready [current] ',
				'[  120.000120] sd 6:0:0:0: [sdb] tag#0 Add. Sense: Medium not present',
				'[  120.000130] sd 6:0:0:0: [sdb] tag#0 CDB: Read(10) 28 00 00 00 00 00 00 00 08 00',
				'[  120.000140] blk_update_request: I/O error, dev sdb, sector 0 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0'
			],
			'storage.io-error'
		);
		expect(io.title).toBe('I/O error on sdb: no medium in the drive');
		expect(io.severity).toBe('low');
		expect(io.details.additional_sense).toBe('Medium not present');
		expect(io.explanation.meaning).toContain('card reader');
	});

	it('another disk’s Medium not present leaves a disk error high', async () => {
		const io = await one(
			[
				'[  120.000120] sd 6:0:0:0: [sdc] tag#0 Add. Sense: Medium not present',
				'[  120.000140] blk_update_request: I/O error, dev sda, sector 1445018928 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0'
			],
			'storage.io-error'
		);
		expect(io.title).toBe('I/O error on sda');
		expect(io.severity).toBe('high');
	});

	it('a USB stick pulled while written: medium, with eject advice; the lost writes stay critical', async () => {
		const lines = [
			'[ 2215.960434] usb 1-2: USB disconnect, device number 7',
			'[ 2215.985521] blk_update_request: I/O error, dev sdb, sector 4196416 op 0x1:(WRITE) flags 0x103000 phys_seg 1 prio class 0',
			'[ 2215.985528] Buffer I/O error on dev sdb1, logical block 524296, lost async page write'
		];
		const io = await one(lines, 'storage.io-error');
		expect(io.title).toBe('I/O error on sdb after a USB device was disconnected');
		expect(io.severity).toBe('medium');
		expect(io.details.port).toBe('1-2');
		expect(io.explanation.next_steps.join('\n')).toContain('udisksctl power-off');
		expect((await one(lines, 'storage.buffer-io-error')).severity).toBe('critical');
	});

	it('a disk error long after a USB disconnect stays high', async () => {
		const filler = Array.from(
			{ length: 40 },
			(_, k) => `[ 2216.${String(k).padStart(6, '0')}] filler line ${k}`
		);
		const io = await one(
			[
				'[ 2215.960434] usb 1-2: USB disconnect, device number 7',
				...filler,
				'[ 2300.000000] blk_update_request: I/O error, dev sdb, sector 4196416 op 0x1:(WRITE) flags 0x103000 phys_seg 1 prio class 0'
			],
			'storage.io-error'
		);
		expect(io.title).toBe('I/O error on sdb');
		expect(io.severity).toBe('high');
	});

	it('an NVMe disk’s error just after a USB disconnect stays high (only sd disks are USB)', async () => {
		const io = await one(
			[
				'[ 2215.960434] usb 1-2: USB disconnect, device number 7',
				'[ 2215.985521] I/O error, dev nvme1n1, sector 123456 op 0x1:(WRITE) flags 0x0 phys_seg 1 prio class 2'
			],
			'storage.io-error'
		);
		expect(io.severity).toBe('high');
	});
});

describe('W+X mappings in a virtual machine (lkp-05.log)', () => {
	// lkp-05.log lines 11, 14 and 30 (kernel test robot, QEMU, 4.8.0-rc1 i386)
	const LKP05 = [
		'[   29.103819] x86/mm: Found insecure W+X mapping at address c00a0000/0xc00a0000',
		'[   29.105899] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
		'[   29.117821] x86/mm: Checked W+X mappings: FAILED, 96 W+X pages found.'
	];

	it('names the hypervisor’s firmware instead of a BIOS update in the guest', async () => {
		const f = await one(LKP05, 'security.wx-mappings');
		const steps = f.explanation.next_steps;
		expect(steps[0]).toMatch(/^This machine is a virtual machine \(QEMU\): /);
		expect(steps[0]).toContain('SeaBIOS, or OVMF for UEFI');
		expect(steps[0]).toContain('no BIOS update to run inside the guest');
		expect(steps[0]).toContain('report it to the distribution');
		expect(steps.join('\n')).not.toContain('Update the kernel and the BIOS/UEFI');
		expect(f.severity).toBe('low');
	});

	it('keeps the BIOS/UEFI update on a physical machine', async () => {
		const f = await one(
			[
				LKP05[0],
				'[   29.105899] Hardware name: LENOVO 20HRCTO1WW/20HRCTO1WW, BIOS N1MET37W (1.22 ) 07/04/2017',
				LKP05[2]
			],
			'security.wx-mappings'
		);
		expect(f.explanation.next_steps.join('\n')).toContain('Update the kernel and the BIOS/UEFI');
	});
});

describe('CPU thermal throttling: one short episode is low, long or repeated ones are not', () => {
	const ts = (s: number) => `[${s.toFixed(6).padStart(12)}]`;
	/** one episode on a 4-thread laptop as kernels before 5.5 print it: above, then normal */
	const episode = (at: number, events = 1, back = 0.05) => [
		...[0, 1, 2, 3].flatMap((cpu) => [
			`${ts(at)} CPU${cpu}: Core temperature above threshold, cpu clock throttled (total events = ${events})`,
			`${ts(at)} CPU${cpu}: Package temperature above threshold, cpu clock throttled (total events = ${events})`
		]),
		...[0, 1, 2, 3].flatMap((cpu) => [
			`${ts(at + back)} CPU${cpu}: Core temperature/speed normal`,
			`${ts(at + back)} CPU${cpu}: Package temperature/speed normal`
		])
	];

	it('an episode that ends at once is low on every CPU: a minor issue', async () => {
		const r = await analyzeLines(episode(812.5));
		const f = r.findings.filter((x) => x.rule === 'hardware.thermal-throttling');
		expect(f.map((x) => [x.title, x.severity, x.count])).toEqual([
			['CPU core temperature briefly above threshold, clock throttled', 'low', 4],
			['CPU package temperature briefly above threshold, clock throttled', 'low', 4]
		]);
		expect(f[0].details).toMatchObject({ cpu: 0, total_events: 1, recovered: true });
		expect(f[0].explanation.next_steps[0]).toBe(
			'Nothing needs doing if it is rare and came with heavy load.'
		);
		expect(r.summary.verdict).toBe('minor-issues');
	});

	it('so does the 5.5+ form (`is above threshold`, `mce: `), which had not been read at all', async () => {
		const f = await one(
			[
				'[ 4711.000001] mce: CPU1: Core temperature is above threshold, cpu clock is throttled (total events = 3)',
				'[ 4712.500000] mce: CPU1: Core temperature/speed normal (total events = 3)'
			],
			'hardware.thermal-throttling'
		);
		expect([f.title, f.severity]).toEqual([
			'CPU core temperature briefly above threshold, clock throttled',
			'low'
		]);
	});

	it('throttling not back to normal within a minute is medium', async () => {
		const late = await ofRule(episode(812.5, 1, 90), 'hardware.thermal-throttling');
		expect(late.map((x) => [x.title, x.severity])).toEqual([
			['CPU core temperature above threshold, clock throttled', 'medium'],
			['CPU package temperature above threshold, clock throttled', 'medium']
		]);
		// the log ends before it is back
		const cut = await one(
			[
				'[  812.500000] CPU0: Core temperature above threshold, cpu clock throttled (total events = 1)'
			],
			'hardware.thermal-throttling'
		);
		expect(cut.severity).toBe('medium');
	});

	it('a CPU that has counted 10 or more events is throttling repeatedly: medium even when it ends', async () => {
		const f = await ofRule(episode(4000, 57), 'hardware.thermal-throttling');
		expect(f.map((x) => x.severity)).toEqual(['medium', 'medium']);
		expect(f[0].details.total_events).toBe(57);
	});

	it('long throttling on many CPUs is still a storm (high), brief episodes are not', async () => {
		const cpus = Array.from({ length: 24 }, (_, cpu) => cpu);
		const above = cpus.map(
			(cpu) =>
				`[  900.000000] CPU${cpu}: Core temperature above threshold, cpu clock throttled (total events = 1)`
		);
		const long = await one(above, 'hardware.thermal-throttling');
		expect([long.count, long.severity]).toEqual([24, 'high']);
		const brief = await one(
			[...above, ...cpus.map((cpu) => `[  900.100000] CPU${cpu}: Core temperature/speed normal`)],
			'hardware.thermal-throttling'
		);
		expect([brief.count, brief.severity]).toEqual([24, 'low']);
	});
});

describe('the workqueue’s report of a CPU-hogging work function (6.5+)', () => {
	// kernel/workqueue.c wq_cpu_intensive_report()'s format, with a DRM helper's work function
	const HOG = [
		'[   14.201337] workqueue: output_poll_execute [drm_kms_helper] hogged CPU for >10000us 4 times, consider switching to WQ_UNBOUND',
		'[   27.881920] workqueue: output_poll_execute [drm_kms_helper] hogged CPU for >10000us 8 times, consider switching to WQ_UNBOUND'
	];

	it('is one routine info finding per work function, a performance note with the facts', async () => {
		const r = await analyzeLines(HOG);
		expect(r.findings.map((f) => [f.rule, f.title, f.severity, f.count])).toEqual([
			[
				'other.workqueue-cpu-hog',
				'Work function output_poll_execute kept a CPU busy too long (workqueue: consider WQ_UNBOUND)',
				'info',
				2
			]
		]);
		expect(r.findings[0].details).toEqual({
			function: 'output_poll_execute',
			module: 'drm_kms_helper',
			threshold_us: 10000,
			times: 4
		});
		expect(r.findings[0].explanation.meaning).toMatch(/^A note for the developers/);
		expect(r.findings[0].routine).toBe(true);
		expect(r.summary.verdict).toBe('healthy');
	});

	it('is not the workqueue lockup, nor its other notices', async () => {
		const f = await findingsOf([
			'[    0.281000] workqueue: round-robin CPU selection forced, expect performance impact'
		]);
		expect(f).toEqual([]);
	});
});

describe('phone steps for filesystem checks and firmware on Android devices', () => {
	// logcat-reports-dmesg-txt.log lines 231 and 458 (a Huawei phone, 4.9): Android's init naming an
	// SELinux context of Android's policy, then a touch controller's missing firmware image
	const HUAWEI = [
		"[   15.592864] [pid:1,cpu7,init]init: Forked subcontext for 'u:r:vendor_init:s0' with pid 386",
		'[   15.696411] [pid:317,cpu0,ts_thread:0]platform huawei_touch: Direct firmware load for ts/clt_synaptics_CLTE500900_Samsung.img failed with error -2'
	];
	// logs-a5y17lte-dmesg.log lines 2454, 2456 and 2681 (Samsung Galaxy A5 2017, 3.18)
	const SAMSUNG = [
		'[    5.167972] EXT4-fs (mmcblk0p25): warning: maximal mount count reached, running e2fsck is recommended',
		'[    5.173222] EXT2-fs (loop0): warning: mounting unchecked fs, running e2fsck is recommended',
		'[    8.220204] init: init first stage started!'
	];

	it('a phone’s missing firmware is told where a phone keeps it, not to install linux-firmware', async () => {
		const f = await one(
			[
				...HUAWEI,
				// line 1083: Android's ueventd, which loads the firmware, gave up
				'[   20.805664] [pid:389,cpu1,ueventd]ueventd: firmware: could not find firmware for ts/clt_synaptics_CLTE500900_Samsung.img'
			],
			'firmware.load-failed'
		);
		const steps = f.explanation.next_steps.join('\n');
		expect(steps).toContain('adb shell ls -l /vendor/firmware');
		expect(steps).not.toContain('install or update linux-firmware');
		expect(steps).not.toContain('update-initramfs');
		expect(f.explanation.meaning).toContain('ueventd');
		expect(f.severity).toBe('low');
	});

	it('an SELinux context of Android’s policy alone tells the phone (init’s line of logcat-reports)', async () => {
		const f = await one(HUAWEI, 'firmware.load-failed');
		expect(f.explanation.next_steps[0]).toMatch(/^Check whether the device it belongs to works/);
	});

	it('the same firmware line on a PC keeps the desktop steps', async () => {
		const f = await one([HUAWEI[1]], 'firmware.load-failed');
		expect(f.explanation.next_steps.join('\n')).toContain('install or update linux-firmware');
	});

	it('a phone’s periodic check and unchecked image are not sent to e2fsck on a mounted device', async () => {
		const f = await ofRule(SAMSUNG, 'filesystem.fsck-needed');
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['EXT4 filesystem on mmcblk0p25 is due for its periodic check (fsck)', 'info'],
			['EXT2 filesystem on loop0 was mounted unchecked (fsck recommended)', 'low']
		]);
		const [periodic, unchecked] = f.map((x) => x.explanation.next_steps.join('\n'));
		expect(periodic).toMatch(/^Nothing needs doing\./);
		expect(periodic).not.toContain('dumpe2fs');
		expect(unchecked).toContain('boot into recovery');
		expect(unchecked).toContain('/dev/block/by-name/');
		expect(unchecked).not.toContain('journalctl');
		expect(unchecked).not.toContain('(or from a live system)');
	});

	it('errors recorded on a phone’s partition: restart (fs_mgr checks it) or recovery', async () => {
		const f = await one(
			[
				'[    8.220204] init: init first stage started!',
				'[   12.000000] EXT4-fs (sda28): warning: mounting fs with errors, running e2fsck is recommended'
			],
			'filesystem.fsck-needed'
		);
		const steps = f.explanation.next_steps.join('\n');
		expect(steps).toContain('Restart the phone normally');
		expect(steps).not.toContain('smartctl');
		expect(f.severity).toBe('medium');
	});

	it('the same lines on a desktop keep e2fsck, dumpe2fs and tune2fs', async () => {
		const f = await ofRule(SAMSUNG.slice(0, 2), 'filesystem.fsck-needed');
		const steps = f.map((x) => x.explanation.next_steps.join('\n')).join('\n');
		expect(steps).toContain('tune2fs -c -1 -i 0');
		expect(steps).toContain('e2fsck -f /dev/<device>');
	});

	it('each marker of Android’s user space tells the phone; syslogd and klogd do not', async () => {
		for (const k of ANDROID_MARKERS)
			for (const ex of k.examples) {
				expect(ex, k.literal).toContain(k.literal);
				expect(k.pattern.test(ex), ex).toBe(true);
				const f = await one([`[    9.000000] ${ex}`, HUAWEI[1]], 'firmware.load-failed');
				expect(f.explanation.next_steps[0], ex).toMatch(/^Check whether the device it belongs/);
			}
		for (const other of [
			'syslogd: restart',
			'klogd: started',
			// syslogs-syslog.log (a Chromebook): ChromeOS's own domains and types
			'audit: type=1400 audit(1779419949.051:4): avc:  granted  { execute } for  pid=147 comm="sh" name="crash_reporter" dev="dm-0" ino=16333 scontext=u:r:cros_init_scripts:s0 tcontext=u:object_r:cros_crash_reporter_exec:s0 tclass=file',
			'audit: type=1400 audit(1700000000.123:456): avc:  denied  { read } for  pid=1234 comm="httpd" scontext=system_u:system_r:httpd_t:s0 tcontext=unconfined_u:object_r:user_home_t:s0 tclass=file permissive=0'
		]) {
			const f = await one([`[    9.000000] ${other}`, HUAWEI[1]], 'firmware.load-failed');
			expect(f.explanation.next_steps.join('\n'), other).toContain('linux-firmware');
		}
	});

	it('a rule’s Android explanations replace explanations of its own', () => {
		for (const r of LINE_RULES) {
			if (!r.android) continue;
			const own = new Set([
				r.explanation,
				...r.examples.map((ex) => r.explanationOf?.(r.pattern.exec(ex)!))
			]);
			for (const [desktop, phone] of r.android) {
				expect(own.has(desktop), r.id).toBe(true);
				expect(phone.meaning.length).toBeGreaterThan(40);
				expect(phone.next_steps.length).toBeGreaterThan(0);
				expect(phone.next_steps.join('\n')).not.toMatch(
					/install or update linux-firmware|update-initramfs|dumpe2fs|live system/
				);
			}
		}
	});
});
