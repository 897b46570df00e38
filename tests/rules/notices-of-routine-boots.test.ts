/**
 * Kernel lines of the real-log corpus that alarm users (error, failed, bug, tainting, corruption …)
 * and that no finding named, and the evidence of a remote processor left unstarted: each test
 * quotes the corpus log (shared/corpus/real) and its lines.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];

const summary = (f: F[]) => f.map((x) => [x.rule, x.title, x.severity, x.count]);

describe('a remote processor whose firmware is missing shows the requests that failed', () => {
	// bacon-pmos-mainline-dev-dmesg-log.log lines 1491-1525 and 1795-1815 (a OnePlus One on
	// postmarketOS's mainline 4.15 kernel): the audio DSP, then the modem
	const lines = [
		'[    0.585460] remoteproc remoteproc0: adsp-pil is available',
		'[    0.588566] remoteproc remoteproc0: Direct firmware load for adsp.mdt failed with error -2',
		'[    0.588594] remoteproc remoteproc0: powering up adsp-pil',
		'[    0.588673] remoteproc remoteproc0: Direct firmware load for adsp.mdt failed with error -2',
		'[    0.588699] remoteproc remoteproc0: request_firmware failed: -2',
		'[    0.644118] remoteproc remoteproc1: fc880000.modem-rproc is available',
		'[    0.646515] remoteproc remoteproc1: Direct firmware load for mba.b00 failed with error -2',
		'[    0.646544] remoteproc remoteproc1: powering up fc880000.modem-rproc',
		'[    0.646621] remoteproc remoteproc1: Direct firmware load for mba.b00 failed with error -2',
		'[    0.646651] remoteproc remoteproc1: request_firmware failed: -2'
	];

	it('each processor’s finding has its own requests and power-up as evidence, not the other’s', async () => {
		const f = await findingsOf(lines);
		expect(summary(f)).toEqual([
			[
				'firmware.remoteproc-firmware-missing',
				'Remote processor remoteproc0 not started: its firmware file is missing',
				'medium',
				1
			],
			[
				'firmware.remoteproc-firmware-missing',
				'Remote processor remoteproc1 not started: its firmware file is missing',
				'medium',
				1
			]
		]);
		expect(f[0].evidence.map((e) => e.line)).toEqual([2, 3, 4, 5]);
		expect(f[1].evidence.map((e) => e.line)).toEqual([7, 8, 9, 10]);
		expect(f[1].evidence[0].text).toContain('mba.b00');
		// the occurrence is still the line where the processor gave up
		expect([f[0].first_line, f[0].last_line]).toEqual([5, 5]);
		expect(f[1].details).toMatchObject({ files: ['mba.b00'], processor: 'fc880000.modem-rproc' });
	});

	it('a request of another processor in between is not evidence', async () => {
		const f = await findingsOf([lines[1], lines[6], lines[2], lines[3], lines[4]]);
		const rp = f.filter((x) => x.rule === 'firmware.remoteproc-firmware-missing');
		expect(rp.map((x) => x.evidence.map((e) => e.line))).toEqual([[1, 3, 4, 5]]);
		expect(rp[0].details).toMatchObject({ files: ['adsp.mdt'] });
	});
});

const info = (f: F[]) => f.filter((x) => x.severity === 'info');

describe('alarming lines of a routine boot are info findings that say so', () => {
	// logging kern.log.1 lines 36-1220 (a VirtualBox guest, Ubuntu 4.18; syslog prefix left out)
	const lines = [
		'[    0.000000] Scanning 1 areas for low memory corruption',
		'[    0.000000] Calgary: detecting Calgary via BIOS EBDA area',
		'[    0.000000] Calgary: Unable to locate Rio Grande table in EBDA - bailing!',
		'[    0.019855] PCI: Using host bridge windows from ACPI; if necessary, use "pci=nocrs" and report a bug',
		"[    0.027033] acpi PNP0A03:00: fail to add MMCONFIG information, can't access extended PCI configuration space under this bridge.",
		'[    0.689254] Scanning for low memory corruption every 60 seconds',
		'[    0.761866] RAS: Correctable Errors collector initialized.',
		'[   43.281166] vboxvideo: module is from the staging directory, the quality is unknown, you have been warned.',
		'[   43.281199] vboxvideo: module verification failed: signature and/or required key missing - tainting kernel'
	];

	it('names each line, and the verdict stays healthy', async () => {
		const r = await analyzeLines(lines);
		expect(summary(r.findings)).toEqual([
			[
				'memory.low-memory-check',
				'Low-memory corruption check running (a safeguard, nothing was found)',
				'info',
				1
			],
			['hardware.calgary-probe', 'IBM Calgary IOMMU not present (a routine probe)', 'info', 1],
			[
				'firmware.pci-host-bridge-windows',
				'PCI address windows taken from ACPI (a routine boot message)',
				'info',
				1
			],
			[
				'hardware.pci-mmconfig-unavailable',
				'Extended PCI configuration space unavailable under PNP0A03:00',
				'info',
				1
			],
			[
				'hardware.ras-collector-started',
				'Correctable memory errors collector started (no error was reported)',
				'info',
				1
			],
			[
				'other.module-unsigned',
				'Unsigned module vboxvideo loaded: the kernel is tainted (E)',
				'info',
				1
			]
		]);
		// the two lines of the low-memory check are one occurrence of the boot
		expect(r.findings[0].evidence.map((e) => e.line)).toEqual([1, 6]);
		expect(r.summary.verdict).toBe('healthy');
		expect(r.cascades).toEqual([]);
		// none of them is what the report is about
		expect(r.summary.primary_finding).toBeNull();
		expect(r.summary.headline).toBe('No problems were found.');
		const unsigned = r.findings[5];
		expect(unsigned.details).toMatchObject({ module: 'vboxvideo', taint: 'E' });
		expect(unsigned.explanation.meaning).toContain('not an error');
		expect(unsigned.explanation.next_steps.join(' ')).toContain('Secure Boot');
	});

	it('a real problem beside them still sets the verdict', async () => {
		const r = await analyzeLines([
			...lines,
			'[   50.000000] Out of memory: Killed process 1043 (firefox) total-vm:4222280kB, anon-rss:3934300kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:8000kB oom_score_adj:0'
		]);
		expect(r.summary.verdict).toBe('serious-problems');
		expect(info(r.findings)).toHaveLength(6);
	});
});

describe('a routine notice does not lead a healthy report', () => {
	it('the TSC marked unstable stays its lead', async () => {
		// m11x-hwinfo m11x-dmesg.log lines 172 and 708 (an Alienware M11x, 3.x)
		const r = await analyzeLines([
			'[    0.000000] Calgary: Unable to locate Rio Grande table in EBDA - bailing!',
			'[   11.776846] tsc: Marking TSC unstable due to TSC halts in idle'
		]);
		expect(r.findings.map((f) => f.rule)).toContain('hardware.calgary-probe');
		expect(r.summary.headline).toBe(
			'No problems were found. For information: TSC marked unstable: TSC halts in idle.'
		);
	});
});

describe('other routine lines users ask about', () => {
	it('Intel Wi-Fi’s thermal zone read before its firmware runs', async () => {
		// ideapad320-15ikb-defconf genkernel_dmesg lines 834-835 (Lenovo IdeaPad 320, 5.15)
		const f = await findingsOf([
			'[    6.847611] iwlwifi 0000:03:00.0: Detected Intel(R) Dual Band Wireless AC 3165, REV=0x210',
			'[    6.854403] thermal thermal_zone2: failed to read out thermal zone (-61)'
		]);
		expect(summary(f)).toEqual([
			[
				'hardware.thermal-zone-unreadable',
				'Thermal zone thermal_zone2 could not be read (no data yet)',
				'info',
				1
			]
		]);
		expect(f[0].details).toMatchObject({
			device: 'thermal_zone2',
			error: 'ENODATA (no data available)'
		});
		expect(f[0].explanation.meaning).toContain('iwlwifi');
		expect(f[0].explanation.next_steps.join(' ')).toContain('repeats');
	});

	it('the EISA probe of a distribution kernel is one finding per boot', async () => {
		// askubuntu dmesg-journalctl-lastdayorso lines 759-769 (an HP Pavilion, Ubuntu)
		const f = await findingsOf([
			'platform eisa.0: Probing EISA bus 0',
			'platform eisa.0: EISA: Cannot allocate resource for mainboard',
			...[1, 2, 3, 4, 5, 6, 7, 8].map(
				(n) => `platform eisa.0: Cannot allocate resource for EISA slot ${n}`
			),
			'platform eisa.0: EISA: Detected 0 cards'
		]);
		expect(summary(f)).toEqual([
			['hardware.eisa-probe', 'EISA bus probe found no EISA slots (a routine probe)', 'info', 1]
		]);
		expect(f[0].evidence).toHaveLength(9);
	});

	it('early urandom reads are one finding per boot that names the programs', async () => {
		// amdmsrtweaker-lnx dmesg.txt lines 1189-1749
		const f = await findingsOf([
			'[    5.093429] random: systemd: uninitialized urandom read (16 bytes read)',
			'[    5.119410] random: systemd: uninitialized urandom read (16 bytes read)',
			'[    5.124912] random: systemd-udevd: uninitialized urandom read (16 bytes read)',
			'[   12.198818] random: 7 urandom warning(s) missed due to ratelimiting'
		]);
		expect(summary(f)).toEqual([
			[
				'other.urandom-early-read',
				'Programs read /dev/urandom early in the boot, before it was fully seeded',
				'info',
				1
			]
		]);
		expect(f[0].details.processes).toEqual(['systemd', 'systemd-udevd']);
	});

	it('the CPU’s speculative-execution flaws with SMT on are one finding', async () => {
		// cmpe283-assignment1 dmesg.log lines 222-224
		const f = await findingsOf([
			'[    0.562110] MDS CPU bug present and SMT on, data leak possible. See https://www.kernel.org/doc/html/latest/admin-guide/hw-vuln/mds.html for more details.',
			'[    0.565286] TAA CPU bug present and SMT on, data leak possible. See https://www.kernel.org/doc/html/latest/admin-guide/hw-vuln/tsx_async_abort.html for more details.',
			'[    0.567339] MMIO Stale Data CPU bug present and SMT on, data leak possible. See https://www.kernel.org/doc/html/latest/admin-guide/hw-vuln/processor_mmio_stale_data.html for more details.'
		]);
		expect(summary(f)).toEqual([
			[
				'security.cpu-vulnerability-smt',
				'CPU has speculative-execution flaws that hyper-threading exposes (the kernel’s default trade-off)',
				'info',
				3
			]
		]);
		expect(f[0].details.vulnerabilities).toEqual(['MDS', 'TAA', 'MMIO Stale Data']);
		expect(f[0].evidence).toHaveLength(3);
		expect(f[0].explanation.next_steps.join(' ')).toContain('nosmt');
	});

	it('no hibernation image at a normal boot', async () => {
		// abrt oops-without-addrs lines 614-616 (a Fedora VM)
		const f = await findingsOf([
			'[    2.475823] qxl 0000:00:01.0: fb0: qxldrmfb frame buffer device',
			'[    2.761974] PM: Image not found (code -22)'
		]);
		expect(summary(f)).toEqual([
			[
				'power.hibernation-image-absent',
				'No hibernation image to resume from: a normal boot',
				'info',
				1
			]
		]);
	});

	it('no initial console on an Android tablet', async () => {
		// tf201log dmesg.txt line 686 (an Asus Transformer Prime, Android 3.1 kernel)
		const f = await findingsOf(['<4>[    9.091640] Warning: unable to open an initial console.']);
		expect(summary(f)).toEqual([
			[
				'other.no-initial-console',
				'No /dev/console in the initial root filesystem: init started without a console',
				'info',
				1
			]
		]);
	});

	it('PCI bridges left without I/O ports, and memory BARs still low', async () => {
		// crash-logs log12-11.txt lines 1916-1919 (a laptop with a Thunderbolt dock; syslog prefix
		// left out), and the memory BAR form of hardware.pci-bar-unassigned
		const f = await findingsOf([
			'pci 0000:05:00.0: BAR 13: no space for [io  size 0x4000]',
			'pci 0000:05:00.0: BAR 13: failed to assign [io  size 0x4000]',
			'pci 0000:06:01.0: BAR 13: no space for [io  size 0x1000]',
			'pci 0000:06:01.0: BAR 13: failed to assign [io  size 0x1000]',
			'pci 0000:01:00.0: BAR 0: failed to assign [mem size 0x10000000 64bit pref]'
		]);
		expect(summary(f)).toEqual([
			[
				'hardware.pci-io-unassigned',
				'PCI I/O port ranges left unassigned (I/O port space is scarce)',
				'info',
				1
			],
			[
				'hardware.pci-bar-unassigned',
				'PCI device 0000:01:00.0: memory BAR 0 (256 MB) got no address',
				'low',
				1
			]
		]);
		expect(f[0].details.devices).toEqual(['0000:05:00.0', '0000:06:01.0']);
	});

	it('ext4 filesystems probed with the ext3 and ext2 drivers first', async () => {
		// logs_a5y17lte dmesg lines 2452-2455 (a Samsung Galaxy A5 2017)
		const f = await findingsOf([
			"[    5.165163] EXT3-fs (mmcblk0p25): error: couldn't mount because of unsupported optional features (40)",
			"[    5.165672] EXT2-fs (mmcblk0p25): error: couldn't mount because of unsupported optional features (40)",
			'[    5.169081] EXT4-fs (mmcblk0p25): mounted filesystem with ordered data mode. Opts: (null)'
		]);
		expect(summary(f)).toEqual([
			[
				'filesystem.ext-mount-probe',
				'Filesystems probed with the ext2/ext3 driver before ext4 (a routine mount probe)',
				'info',
				1
			]
		]);
		expect(f[0].details).toMatchObject({ devices: ['mmcblk0p25'], tried_as: 'ext3' });
	});

	it('the split-lock detection setting at boot', async () => {
		// intel-audio sof-dyndbg.conf log line 10 (an Intel laptop)
		const f = await findingsOf([
			'[    0.000000] x86/split lock detection: #AC: crashing the kernel on kernel split_locks and warning on user-space split_locks'
		]);
		expect(summary(f)).toEqual([
			[
				'other.split-lock-detection',
				'Split-lock detection is on (a setting, not an event)',
				'info',
				1
			]
		]);
	});
});

describe('more routine lines users ask about', () => {
	it('dummy regulators of a board and a touchpad are one finding per boot', async () => {
		// izassafar-one kern.log line 280 (a Raspberry Pi) and ideapad320-15ikb dmesg line 815
		const f = await findingsOf([
			'[    5.667157] usb_phy_generic phy: phy supply vcc not found, using dummy regulator',
			'[    6.513894] elan_i2c i2c-ELAN0608:00: supply vcc not found, using dummy regulator'
		]);
		expect(summary(f)).toEqual([
			[
				'hardware.dummy-regulator',
				'Power supplies the firmware does not describe: dummy regulators used',
				'info',
				1
			]
		]);
		expect(f[0].details).toMatchObject({ devices: ['phy', 'i2c-ELAN0608:00'], supplies: ['vcc'] });
	});

	it('the SMBus ports ACPI also uses: the kernel’s hint after it is part of it', async () => {
		// dfir-sample-files syslog.1 lines 746-747 (a Debian 6.6 laptop; syslog prefix left out)
		const f = await findingsOf([
			'ACPI Warning: SystemIO range 0x0000000000000B00-0x0000000000000B08 conflicts with OpRegion 0x0000000000000B00-0x0000000000000B06 (\\_SB.PCI0.SMBS.SMBO) (20230628/utaddress-204)',
			'ACPI: OSL: Resource conflict; ACPI support missing from driver?'
		]);
		expect(summary(f)).toEqual([
			[
				'firmware.acpi-opregion-conflict',
				'A driver and the ACPI firmware claim the same I/O ports (a common warning)',
				'info',
				1
			]
		]);
		expect(f[0].evidence).toHaveLength(2);
		expect(f[0].details).toMatchObject({ regions: ['\\_SB.PCI0.SMBS.SMBO'], driver_refused: true });
	});

	it('lines of laptops, VMs, boards and a Chromebook', async () => {
		const f = await findingsOf([
			// intel-audio dmesg.log lines 210 and 519 (an Intel laptop)
			'[    1.086176] i8042: PNP: PS/2 appears to have AUX port disabled, if this is incorrect please boot with i8042.nopnp',
			"[    3.295561] Error: Driver 'pcspkr' is already registered, aborting...",
			// logging kern.log.1 line 154 (a VirtualBox guest)
			'[    0.016000] NMI watchdog: Perf event create on CPU 0 failed with -2',
			// izassafar-one kern.log line 257 (a Raspberry Pi)
			'[    4.496608] hctosys: unable to open rtc device (rtc0)',
			// clamor-s-files grate-19062020 dmesg.txt lines 82-83 (a Tegra tablet)
			'[    0.112578] ramoops: uncorrectable error in header',
			'[    0.112701] ramoops: uncorrectable error in header',
			// syslogs messages.3 line 455 (a Chromebook)
			'[    0.033475] Setting dangerous option i915.enable_guc - tainting kernel',
			// zictes-log dmesg lines 1103-1105 (a USB disk enclosure)
			'[    3.633806] scsi 6:0:0:1: Wrong diagnostic page; asked for 1 got 8',
			'[    3.634094] scsi 6:0:0:1: Failed to get diagnostic page 0x1',
			'[    3.634391] scsi 6:0:0:1: Failed to bind enclosure -19'
		]);
		expect(summary(f)).toEqual([
			[
				'hardware.i8042-aux-not-listed',
				'No PS/2 mouse port listed by the firmware (a routine notice)',
				'info',
				1
			],
			[
				'other.pcspkr-registered-twice',
				'PC speaker driver loaded twice; the second copy was refused (harmless)',
				'info',
				1
			],
			[
				'other.nmi-watchdog-unavailable',
				'Hard lockup detector off: no performance counter (common in virtual machines)',
				'info',
				1
			],
			[
				'other.no-rtc-at-boot',
				'No hardware clock to set the time from at boot (boards without an RTC)',
				'info',
				1
			],
			[
				'other.ramoops-header-uncorrectable',
				'Crash-log memory (ramoops) held no valid data: started afresh',
				'info',
				2
			],
			[
				'other.unsafe-module-option',
				'Unsafe option i915.enable_guc set: the kernel is tainted (U)',
				'info',
				1
			],
			[
				'storage.ses-enclosure-unbound',
				'Disk enclosure 6:0:0:1 offers no enclosure services (LEDs, fans): not used',
				'info',
				3
			]
		]);
	});
});
