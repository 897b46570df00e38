import type { DetailValue, Explanation } from '../../models/finding.ts';
import type { LineRule, RuleFollow } from './types.ts';
import { errnoName } from './util.ts';

const ACPI_REFS = [
	'https://docs.kernel.org/firmware-guide/acpi/index.html',
	'https://docs.kernel.org/firmware-guide/acpi/debug.html'
];
/** for the ACPI thermal zones' firmware bugs: the kernel's thermal sysfs, then ACPI */
const ACPI_THERMAL_REFS = [
	'https://docs.kernel.org/driver-api/thermal/sysfs-api.html',
	ACPI_REFS[0]
];

/**
 * firmware.load-failed's explanation (a PC's: a distribution package holds the files), for any
 * driver but iwlwifi, b43 and b43legacy, which have their own (FIRMWARE_LOAD_IWLWIFI,
 * FIRMWARE_LOAD_B43, FIRMWARE_LOAD_B43LEGACY):
 * an explanation cannot read a finding's facts, and iwlwifi's range of versions and b43's
 * installer meant nothing to the others.
 */
const FIRMWARE_LOAD: Explanation = {
	meaning:
		'A driver asked for a firmware file and it was not there (-2 = file missing) or could not be loaded. Some drivers try several file names or versions and use the first one found, so one missing file is often harmless when a later line shows a firmware version loaded; if the device does not work, this is why. A finding titled "No usable firmware found" is different: the driver found none of the files it can use (an Intel Bluetooth controller that stays in its bootloader), so that device does not work until its firmware is installed.',
	causes: [
		{
			kind: 'configuration',
			text: 'The linux-firmware (or vendor firmware) package is missing, outdated, or not in the initramfs.'
		},
		{
			kind: 'driver',
			text: 'The driver asks for a newer firmware than the distribution ships (harmless if it falls back to an older file it finds).'
		}
	],
	next_steps: [
		'For a missing file: check whether the device works; if it does and a later line shows a firmware version loaded, ignore this.',
		'For "No usable firmware found" or a device that does not work: install or update linux-firmware (or the vendor’s firmware package), check that the file exists (named in the title, or `file` in the facts: `ls /lib/firmware/<file>`, or `<file>.xz` / `<file>.zst` where the distribution compresses its firmware), rebuild the initramfs (`update-initramfs -u` / `dracut -f`) and reboot.'
	],
	references: [
		'https://docs.kernel.org/driver-api/firmware/fw_search_path.html',
		'https://docs.kernel.org/driver-api/firmware/index.html'
	]
};

/**
 * iwlwifi (drivers/net/wireless/intel/iwlwifi/iwl-drv.c) tries every firmware API version it
 * supports, newest first (the missing ones are benign.iwlwifi-ucode-probe), and after `no
 * suitable firmware found!` prints the oldest and newest name it accepts (the follow-ups
 * minimum_version and maximum_version: intel-audio-dmesg-log.log, a QuZ card, 39 to 72).
 */
const FIRMWARE_LOAD_IWLWIFI: Explanation = {
	meaning:
		'The Intel Wi-Fi driver (iwlwifi) could not get its firmware. It tries every firmware version it supports, newest first, and uses the first file it finds, so newer versions that are missing are routine (they are not reported). "No usable firmware found" means that none of the versions it accepts is installed: Wi-Fi does not work until one is. A file that is there but could not be loaded (an error other than -2) leaves the card without firmware too, unless a later line shows `loaded firmware version`.',
	causes: [
		{
			kind: 'configuration',
			text: 'The Intel Wi-Fi firmware package (linux-firmware; Debian: firmware-iwlwifi) is missing, or older than this card, or the files are not in the initramfs.'
		},
		{
			kind: 'driver',
			text: 'A kernel that accepts only firmware versions newer than the installed package has.'
		}
	],
	next_steps: [
		'Check whether Wi-Fi works and whether a later line shows `loaded firmware version`: if so, nothing needs doing.',
		'Otherwise install or update linux-firmware (Debian: `firmware-iwlwifi`) and check that one file iwlwifi accepts is there: any version from `minimum_version` to `maximum_version` in the facts (printed after "no suitable firmware found!"), with `.ucode` added; for `iwlwifi-QuZ-a0-jf-b0-39` to `-72`, `ls /lib/firmware/iwlwifi-QuZ-a0-jf-b0-*`. Kernels before 3.14 (the driver then named iwlagn, iwl3945 or iwl4965) print no range: the `request for firmware file \'…\' failed` lines before it name each file tried.',
		'Rebuild the initramfs (`update-initramfs -u` / `dracut -f`) and reboot.'
	],
	references: [
		'https://wireless.docs.kernel.org/en/latest/',
		'https://docs.kernel.org/driver-api/firmware/fw_search_path.html'
	]
};

/**
 * b43 (drivers/net/wireless/broadcom/b43/main.c b43_try_request_fw()): Broadcom's firmware is
 * not in linux-firmware (it may not be redistributed); b43-fwcutter extracts it from Broadcom's
 * driver, which the distributions' installer packages download. The files tried are the
 * requests before the driver's `ERROR: You must go to …` (firmware.load-failed's context,
 * `files`). Real log: dfir-sample-files-syslog-1.log (Debian 6.6, BCM43228).
 */
const FIRMWARE_LOAD_B43: Explanation = {
	meaning:
		'The Broadcom Wi-Fi driver b43 did not find the firmware it needs for this chip (the files it tried are in the facts: under `b43/` Broadcom’s own firmware, under `b43-open/` the open one, which few chips can use). Broadcom’s firmware may not be redistributed, so linux-firmware does not have it: it is extracted from Broadcom’s driver with b43-fwcutter, which the distributions’ installer packages do. Until it is installed, this Wi-Fi card does not work.',
	causes: [
		{
			kind: 'configuration',
			text: 'The b43 firmware installer package was never installed, or could not download Broadcom’s driver when it was (it needs a network connection).'
		},
		{
			kind: 'driver',
			text: 'A chip that b43 drives but that is often better served by Broadcom’s own `wl` driver (broadcom-sta), which has its firmware built in.'
		}
	],
	next_steps: [
		'Install the firmware with the distribution’s installer package (Debian and Ubuntu: `firmware-b43-installer`, which downloads Broadcom’s driver and runs b43-fwcutter, so it needs a wired or other network connection), then `modprobe -r b43 && modprobe b43` or reboot.',
		'Check that the files named in the facts are there: `ls /lib/firmware/b43/`.',
		'If b43 still does not work with this card, use Broadcom’s `wl` driver instead (Debian: `broadcom-sta-dkms`, Ubuntu: `bcmwl-kernel-source`; the package keeps b43, bcma and ssb from loading).'
	],
	references: ['https://wiki.debian.org/bcm43xx', 'https://wireless.docs.kernel.org/en/latest/']
};

/**
 * b43legacy (drivers/net/wireless/broadcom/b43legacy/main.c), b43's sibling for the oldest cores
 * (802.11b, BCM4306 rev 2/3): its firmware (version 3, `b43legacy/ucode*.fw`) comes from its own
 * installer package, it is reloaded as b43legacy, and Broadcom's wl driver does not support these
 * chips; its `b43legacy-phy0 ERROR: You must go to …` matches b43's summary line, whose advice had
 * named firmware-b43-installer, `modprobe b43` and wl.
 */
const FIRMWARE_LOAD_B43LEGACY: Explanation = {
	meaning:
		'The Broadcom Wi-Fi driver b43legacy, which drives the oldest Broadcom chips (802.11b cards and early BCM4306), did not find its firmware (under `b43legacy/` in the firmware directory). Broadcom’s firmware may not be redistributed, so linux-firmware does not have it: it is extracted from an old Broadcom driver with b43-fwcutter, which the distributions’ installer packages do. Until it is installed, this Wi-Fi card does not work.',
	causes: [
		{
			kind: 'configuration',
			text: 'The b43legacy firmware installer package was never installed, or could not download Broadcom’s driver when it was (it needs a network connection).'
		}
	],
	next_steps: [
		'Install the firmware with the distribution’s installer package (Debian and Ubuntu: `firmware-b43legacy-installer`, which downloads Broadcom’s driver and runs b43-fwcutter, so it needs a wired or other network connection), then `modprobe -r b43legacy && modprobe b43legacy` or reboot.',
		'Check that the files are there: `ls /lib/firmware/b43legacy/` (the file named in the title or the facts).'
	],
	references: ['https://wiki.debian.org/bcm43xx', 'https://wireless.docs.kernel.org/en/latest/']
};

/**
 * On an Android device (LineRule.android) the firmware comes with the device's own images, not a
 * package: ueventd loads it from its firmware directories (/vendor/firmware, /odm/firmware,
 * /vendor/firmware_mnt/image, /firmware/image; /system/etc/firmware on older versions), and a
 * phone has no /lib/firmware, linux-firmware or initramfs to rebuild. Real log:
 * logcat-reports-dmesg-txt.log, a touch controller's optional firmware image missing at boot.
 */
const FIRMWARE_LOAD_ANDROID: Explanation = {
	meaning:
		'A driver asked for a firmware file and it was not there (-2 = file missing) or could not be loaded. On an Android device the firmware comes with the device’s own software, not from a package: the vendor and firmware partitions (/vendor/firmware, /odm/firmware, /vendor/firmware_mnt/image, /firmware/image, older /system/etc/firmware), from which Android’s ueventd loads it. A missing file is often harmless: drivers ask for optional files (a touch controller’s firmware update, calibration or configuration data), try several names, or ask before the partition that holds the file is mounted and get it later. A finding titled "No usable firmware found" means the driver found none it can use, so that device does not work.',
	causes: [
		{
			kind: 'driver',
			text: 'A driver that asks for an optional file (a touch panel’s firmware update, a board’s configuration) that the vendor does not ship, or asks before /vendor is mounted.'
		},
		{
			kind: 'configuration',
			text: 'A custom ROM, GSI or ported kernel whose vendor files do not match the device (missing, or from another model or version).'
		}
	],
	next_steps: [
		'Check whether the device it belongs to works (touch, Wi-Fi, Bluetooth, camera, sound, mobile network): if it does, nothing needs doing.',
		'See whether the file is on the phone: `adb shell ls -l /vendor/firmware /odm/firmware /vendor/firmware_mnt/image /system/etc/firmware`, and whether it was loaded later (a `ueventd` line or a firmware version in this log).',
		'If the device does not work on a custom ROM, GSI or ported kernel, install the vendor image or files made for this model and ROM version; on a stock phone, update or reflash its firmware. Packages such as linux-firmware are for PCs: a phone does not read them.'
	],
	references: [
		'https://android.googlesource.com/platform/system/core/+/refs/heads/main/init/README.ueventd.md',
		'https://docs.kernel.org/driver-api/firmware/fw_search_path.html'
	]
};

/** drivers/base/firmware_loader: `Direct firmware load for X failed with error -2`, `Unable to load firmware X (-2)` */
/** the file of a firmware.load-failed match, if it names one */
const fileOf = (m: RegExpExecArray): string | undefined => m[3] ?? m[5] ?? m[7] ?? m[12] ?? m[15];

export const firmwareLoad: LineRule = {
	id: 'firmware.load-failed',
	category: 'firmware',
	severity: 'low',
	triggers: [
		'Direct firmware load for',
		'Unable to load firmware',
		'firmware: failed to load',
		'no suitable firmware found',
		'and download the correct firmware',
		'Failed to load Intel firmware file',
		'could not get nvs file'
	],
	// btintel: an Intel Bluetooth controller without its firmware stays in its bootloader
	pattern:
		/^(?:(\S+) (\S+): )?(?:Direct firmware load for (\S+) failed with error (-\d+)|Unable to load firmware (\S+) \((-\d+)\)|firmware: failed to load (\S+) \((-\d+)\)|(no suitable firmware found!?))|^(b43\S*) ERROR: You must go to \S+ and download the correct firmware|^Bluetooth: (hci\d+): Failed to load Intel firmware file (\S+) \((-\d+)\)|^(wl\w+): ERROR could not get nvs file (\S+): (-\d+)/,
	// a missing file (-2, usually harmless) and other errors (medium) have different titles: a
	// finding keeps its first occurrence's severity
	title: (m) => {
		if (m[11]) return `No usable firmware found for Bluetooth ${m[11]}`;
		if (m[9] || m[10]) return `No usable firmware found for ${m[1] ?? m[10] ?? 'a device'}`;
		const code = m[4] ?? m[6] ?? m[8] ?? m[16];
		const file = m[3] ?? m[5] ?? m[7] ?? m[15];
		return code === '-2'
			? `Firmware ${file} could not be loaded`
			: `Firmware ${file} could not be loaded: ${errnoName(code)}`;
	},
	details: (m) => {
		const code = m[4] ?? m[6] ?? m[8] ?? m[13] ?? m[16];
		return {
			driver: m[11] ? 'btintel' : (m[1] ?? m[10] ?? m[14] ?? null),
			device: m[2] ?? m[11] ?? null,
			file: m[3] ?? m[5] ?? m[7] ?? m[12] ?? m[15] ?? null,
			error: code ? errnoName(code) : null
		};
	},
	severityOf: (m) =>
		m[9] || m[10] || m[11]
			? 'medium'
			: m[4] === '-2' || m[6] === '-2' || m[8] === '-2' || m[16] === '-2'
				? 'low'
				: 'medium',
	// Debian's copies of one request (`firmware: failed to load X` twice, then upstream's line)
	request: (m) =>
		m[3] !== undefined || m[7] !== undefined
			? { device: m[2] ?? '', file: m[3] ?? m[7], debian: m[7] !== undefined }
			: null,
	/*
	 * TI WiLink Wi-Fi (wl1251, wl12xx, wlcore): the NVS file is the chip's calibration data (radio
	 * parameters, MAC address). wl12xx registers its device without it, asks for it again when the
	 * interface comes up and cannot boot the chip without it (wl1271_boot_upload_nvs: `NVS file is
	 * needed during boot`). A module of the same driver that then fails to load (real log, a Tegra
	 * tablet on Android, kernel 3.1: `wl12xx_sdio: Unknown symbol wl1271_register_hw`, 14 s and 107
	 * lines later, the SDIO glue built against another wl12xx than the compat-wireless one
	 * loaded) is a second fault of the same Wi-Fi: together, Wi-Fi most likely does not work.
	 */
	resolve: [
		{
			trigger: ': Unknown symbol ',
			pattern: /^((?:wl1251|wl12xx|wl18xx|wlcore)(?:_sdio|_spi)?): Unknown symbol (\S+)/,
			within: 2000,
			withinSeconds: 300,
			when: (m) => m[14] !== undefined,
			title: (m) =>
				`Wi-Fi ${m[14]} probably does not work: calibration file ${m[15]} missing and a driver module could not be loaded`,
			severity: 'medium',
			details: (m) => ({ module: m[1], symbol: m[2] }),
			examples: ['wl12xx_sdio: Unknown symbol wl1271_register_hw (err 0)'],
			explanation: {
				meaning:
					'The TI WiLink Wi-Fi driver (wl12xx) asked for its NVS file, the chip’s calibration data (radio settings and MAC address), and it was missing. The driver asks for it again when the Wi-Fi interface is brought up and cannot start the chip without it, so unless the file is there by then, Wi-Fi does not come up. Then a module of the same driver (named in the facts, often the SDIO part wl12xx_sdio) refused to load because the wl12xx module it needs does not have the functions it calls: the two were built from different sources. Either fault alone can keep Wi-Fi from working; together, Wi-Fi most likely does not work at all. The module’s own finding lists every missing symbol.',
				causes: [
					{
						kind: 'configuration',
						text: 'The NVS file was never installed or generated (on Android builds for TI chips it is made by TI’s calibrator at first boot, or shipped by the vendor per board).'
					},
					{
						kind: 'configuration',
						text: 'Wi-Fi modules from two builds mixed: a compat-wireless/backports wl12xx next to a wl12xx_sdio built with the kernel (or the other way round).'
					}
				],
				next_steps: [
					'Check whether Wi-Fi is there: `ip link` or `iw dev` (a wlan0), and `lsmod | grep -e wl12xx -e wlcore` for the modules loaded.',
					'Compare the modules: `modinfo wl12xx wl12xx_sdio` (vermagic, srcversion) and load the pair from the same build (on Android, the files in /system/lib/modules and the Wi-Fi HAL’s module path).',
					'Install the board’s NVS file where the driver looks (`/lib/firmware/` and the name in the message, `ti-connectivity/` on newer kernels; Android: /system/etc/firmware), or generate it with TI’s calibrator (`calibrator plt autocalibrate`).'
				],
				references: [
					'https://wireless.docs.kernel.org/en/latest/',
					'https://docs.kernel.org/driver-api/firmware/fw_search_path.html'
				]
			}
		},
		/*
		 * NVIDIA Tegra's USB controller (drivers/usb/host/xhci-tegra.c) prints the timestamp of the
		 * firmware it started (`Firmware timestamp: 2017-03-31 06:21:56 UTC, Version: 55.07
		 * release`). The L4T kernels (Jetson TX1/TX2/Xavier) ask for the file again when the first
		 * request fails (`cannot find firmware....retry after 1 second`): real log, a Jetson TX2 on
		 * 4.4.38, -2 at 6.2 s (root filesystem not mounted yet), loaded at 8.4 s, 129 lines later,
		 * and its keyboard and hub found on that controller.
		 */
		/*
		 * Intel graphics (i915, and xe with the same files): without the DMC (display
		 * microcontroller) firmware the driver goes on without it and turns the GPU's runtime power
		 * management off (intel_csr.c, intel_dmc.c: `Failed to load DMC firmware %s. Disabling
		 * runtime power management.`, 6.x `… %s (%pe). Disabling …`, 4.6-5.3 `[drm] Failed to load
		 * DMC firmware [https://01.org/…], disabling runtime power management.` without a device).
		 * Real log: intel-audio-dmesg-log.log (Kaby Lake, 5.18), the file missing from the
		 * initramfs that i915 is loaded from at 1.8 s, the notice on the next line.
		 */
		{
			trigger: 'Failed to load DMC firmware',
			pattern: /^(?:(?:i915|xe) (?<device>\S+): )?\[drm\] Failed to load DMC firmware\b/,
			within: 20,
			withinSeconds: 30,
			when: (m) =>
				(m[1] === 'i915' || m[1] === 'xe') && /^i915\/\w*dmc\w*\.bin$/.test(fileOf(m) ?? ''),
			title: (m) =>
				`Intel display firmware (DMC) ${fileOf(m)} not loaded: GPU runtime power management off`,
			severity: 'low',
			examples: [
				'i915 0000:00:02.0: [drm] Failed to load DMC firmware i915/kbl_dmc_ver1_04.bin. Disabling runtime power management.',
				'[drm] Failed to load DMC firmware [https://01.org/linuxgraphics/downloads/firmware], disabling runtime power management.'
			],
			explanation: {
				meaning:
					'The Intel graphics driver (i915) could not load the firmware of the display microcontroller (DMC), the small processor that saves and restores the display engine’s state so that the display hardware can power down while the screen shows a still picture or is off (the DC5/DC6 power states, panel self refresh). The screen works without it, but the driver then turns off runtime power management of the graphics device: it never powers down when idle, so the machine draws more power at idle (a laptop’s battery lasts less, the processor package reaches its deepest idle states less often).',
				causes: [
					{
						kind: 'configuration',
						text: 'The file is missing from the initramfs that i915 is loaded from at boot, or the linux-firmware package (Debian: firmware-misc-nonfree) is not installed.'
					},
					{
						kind: 'configuration',
						text: 'A kernel newer than the installed linux-firmware that asks for a DMC version the package does not ship yet.'
					}
				],
				next_steps: [
					'Check for the file named in the title: `ls /lib/firmware/i915/`; install or update linux-firmware (Debian and Ubuntu: `firmware-misc-nonfree` / `linux-firmware`) if it is not there.',
					'Rebuild the initramfs so the file is in it (`update-initramfs -u`, `dracut -f`, `mkinitcpio -P`) and reboot.',
					'Check afterwards: the kernel log says `Finished loading DMC firmware`, and as root `cat /sys/kernel/debug/dri/0/i915_dmc_info` shows `fw loaded: yes`.'
				],
				references: [
					'https://docs.kernel.org/gpu/i915.html',
					'https://docs.kernel.org/driver-api/firmware/fw_search_path.html'
				]
			}
		},
		{
			trigger: ': Firmware timestamp: ',
			pattern: /^xhci-tegra (?<device>\S+): Firmware timestamp: /,
			within: 1000,
			withinSeconds: 120,
			// either form of the request (Debian's `firmware: failed to load X (-2)` too)
			when: (m) => m[1] === 'xhci-tegra' && (m[4] ?? m[8]) === '-2',
			title: (m) => `Firmware ${fileOf(m)} loaded at a second try`,
			severity: 'info',
			examples: [
				'xhci-tegra 3530000.xhci: Firmware timestamp: 2017-03-31 06:21:56 UTC, Version: 55.07 release'
			],
			explanation: {
				meaning:
					'The Tegra USB (xHCI) controller’s driver asked for its firmware before the file could be read (usually because the root filesystem was not mounted yet and the file is not in the initramfs), tried again and then loaded it: the controller runs and the USB ports work. The first failure only delayed USB by a second or two.',
				causes: [
					{
						kind: 'configuration',
						text: 'The firmware file is on the root filesystem but not in the initramfs (or the driver is built into the kernel), so it is not there at the first request.'
					}
				],
				next_steps: [
					'Nothing is needed: the controller’s firmware was loaded (the `Firmware timestamp` line).',
					'To have USB up without the delay, put the file in the initramfs (or build the driver as a module).'
				],
				references: ['https://docs.kernel.org/driver-api/firmware/fw_search_path.html']
			}
		},
		/*
		 * Realtek's USB Ethernet adapters (r8152 of 5.x and later: RTL8153A/B, RTL8156) ask for a patch of
		 * the chip's own firmware (`rtl_nic/rtl8153a-4.fw`, rtl8152_request_firmware: `unable to
		 * load firmware patch … (-2)` next) and go on without it; the driver then names the
		 * interface. Real log: intel-audio-dmesg-log.log (5.18, an RTL8153 behind a USB 3 hub: the patch
		 * missing at 3.645 s, `r8152 2-3.4:1.0 eth0: v1.12.13` at 3.675 s, 311 lines later, and
		 * `carrier on` at 6.5 s).
		 */
		{
			trigger: 'r8152 ',
			pattern: /^r8152 (?<device>[\d.-]+:\d+\.\d+) \S+: v\d/,
			within: 500,
			withinSeconds: 5,
			when: (m) => m[1] === 'r8152' && m[4] === '-2' && /^rtl_nic\//.test(fileOf(m) ?? ''),
			title: (m) =>
				`Optional firmware patch ${fileOf(m)} of the USB Ethernet adapter not found: r8152 set it up without it`,
			severity: 'info',
			examples: ['r8152 2-3.4:1.0 eth0: v1.12.13'],
			explanation: {
				meaning:
					'Realtek’s USB Ethernet driver (r8152: RTL8153 and RTL8156 adapters, and the USB-C docks and hubs built on them) asks for a patch of the chip’s own firmware, fixes Realtek publishes in linux-firmware (`rtl_nic/`), and goes on without it when it is not there (`unable to load firmware patch`): it then set the adapter up and named its interface. The adapter works with the firmware in its chip; the patch only fixes problems some chips have (links that drop, power saving).',
				causes: [
					{
						kind: 'configuration',
						text: 'linux-firmware is not installed, older than the kernel, or the file is not in the initramfs that r8152 is loaded from.'
					}
				],
				next_steps: [
					'Nothing is needed if the wired network works.',
					'If its link drops or it misbehaves, install or update linux-firmware (Debian: `firmware-realtek`), check `ls /lib/firmware/rtl_nic/` for the file named in the title, rebuild the initramfs (`update-initramfs -u`, `dracut -f`) and replug the adapter.'
				],
				references: ['https://docs.kernel.org/driver-api/firmware/fw_search_path.html']
			}
		},
		/*
		 * Qualcomm's qcacld Wi-Fi driver (QCA6174, QCA9377 on SDIO: its device's driver is
		 * `ar6k_wlan`) asks for optional files as it downloads the chip's firmware: the setup file
		 * (`qsetup30.bin`, ol_fw.c: `Loading setup file`, then `Failed to get qsetup30.bin` and it
		 * goes on), a vendor's calibration (`wlan/qca_cld/2g_scpc_cal.bin`). When the driver then
		 * says `wlan: driver loaded` the chip runs with the firmware it did find. Real log:
		 * gopro-hero7-kmsg.log (a GoPro HERO7's QCA9377, 3.18): both files missing at 18.3-18.4 s,
		 * `qwlan30.bin` transferred at 19.8 s, `Host SW:4.5.20.036.006, FW:0.0.0.110,
		 * HW:QCA9377_REV1_1` and `wlan: driver loaded` at 20.0 s, wlan0 up after.
		 */
		{
			trigger: 'wlan: driver loaded',
			pattern: /^wlan: driver loaded$/,
			within: 200,
			withinSeconds: 60,
			when: (m) => m[1] === 'ar6k_wlan' && m[4] === '-2',
			title: (m) =>
				`Optional Wi-Fi file ${fileOf(m)} not found: the Wi-Fi driver (qcacld) loaded without it`,
			severity: 'info',
			examples: ['wlan: driver loaded'],
			explanation: {
				meaning:
					'Qualcomm’s Wi-Fi driver (qcacld, the `wlan` module, here on SDIO as `ar6k_wlan`) asks for optional files while it downloads the chip’s firmware: a setup file (`qsetup30.bin`) and, on some devices, the vendor’s extra calibration data (`wlan/qca_cld/…_cal.bin`). It goes on without them, and then said `wlan: driver loaded`: the chip runs with the firmware and board data it did find (`qwlan30.bin`, `bdwlan30.bin`), and Wi-Fi works. Only a missing firmware or board data file (not an optional one) keeps it from starting.',
				causes: [
					{
						kind: 'firmware',
						text: 'The device’s software does not ship these optional files: the vendor did not need them for this board.'
					}
				],
				next_steps: [
					'Nothing is needed: the driver loaded (`wlan: driver loaded`).',
					'If Wi-Fi misbehaves (no networks, weak signal), compare the firmware files under the device’s firmware directory (`/lib/firmware/`, on Android `/vendor/firmware/` or `/system/etc/firmware/`) with those its vendor’s image ships.'
				],
				references: ['https://docs.kernel.org/driver-api/firmware/fw_search_path.html']
			}
		}
	],
	/*
	 * iwlwifi (drivers/net/wireless/intel/iwlwifi/iwl-drv.c) tries every firmware API version it
	 * supports, newest first, and when none is there prints `no suitable firmware found!`, then
	 * the oldest and the newest file name it accepts (intel-audio-dmesg-log.log: a Comet Lake
	 * laptop's QuZ card, 39 to 72, none installed): the names to look for.
	 */
	follow: [
		{
			trigger: ': minimum version required: ',
			pattern: /^iwlwifi (?<device>\S+): minimum version required: (\S+)$/,
			details: (m) => ({ minimum_version: m[2] }),
			within: 3,
			claims: true,
			examples: ['iwlwifi 0000:00:14.3: minimum version required: iwlwifi-QuZ-a0-jf-b0-39']
		},
		{
			trigger: ': maximum version supported: ',
			pattern: /^iwlwifi (?<device>\S+): maximum version supported: (\S+)$/,
			details: (m) => ({ maximum_version: m[2] }),
			within: 4,
			claims: true,
			examples: ['iwlwifi 0000:00:14.3: maximum version supported: iwlwifi-QuZ-a0-jf-b0-72']
		}
	],
	/*
	 * b43 asks for each firmware file under b43/ (Broadcom's, extracted by b43-fwcutter), then
	 * under b43-open/ (openfwwf), and when none is there prints `ERROR: You must go to …`, which
	 * names no file: the files it tried are the requests just before it (dfir-sample-files-
	 * syslog-1.log lines 1056-1069, Debian 6.6, BCM43228: b43/ucode30_mimo.fw and
	 * b43-open/ucode30_mimo.fw, in both the upstream and Debian's form), listed under `files`.
	 */
	context: {
		trigger: ['Direct firmware load for b43', 'firmware: failed to load b43'],
		pattern:
			/^b43(?:legacy)? (\S+): (?:Direct firmware load for (b43[\w-]*\/\S+) failed with error -\d+|firmware: failed to load (b43[\w-]*\/\S+) \(-\d+\))/,
		details: (m) => ({ device: m[1], files: [m[2] ?? m[3]] }),
		within: 50,
		accumulate: true,
		when: (m) => m[10] !== undefined && m[10].startsWith('b43'),
		examples: [
			'b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
			'b43 bcma0:1: Direct firmware load for b43-open/ucode30_mimo.fw failed with error -2',
			'b43legacy ssb0:0: Direct firmware load for b43legacy/ucode4.fw failed with error -2'
		]
	},
	/*
	 * A missing file that the driver's own summary line reports right after it: Broadcom
	 * Bluetooth's `BCM: firmware Patch file not found, tried:` (firmware.bluetooth-patch-missing
	 * lists the files) and b43's `ERROR: You must go to … download the correct firmware` (this
	 * rule's "No usable firmware found"). Debian's kernels print `firmware: failed to load X (-2)`
	 * for every request, besides `Direct firmware load`: real log, dfir-sample-files-syslog-1.log
	 * (Debian 6.6, BCM20702A1 and BCM43228), 16 such lines had been four findings of their own
	 * beside the two that say it.
	 */
	expects: [
		/*
		 * a remote processor's firmware (firmware.remoteproc-firmware-missing): requested twice
		 * when it boots by itself (62 lines apart in bacon-pmos-mainline-dev-logs-dmesg.log), then
		 * `request_firmware failed`, which says the processor was not started
		 */
		{
			trigger: 'request_firmware failed: ',
			pattern: /^remoteproc (?<device>remoteproc\d+): request_firmware failed: -\d+/,
			within: 100,
			withinSeconds: 30,
			when: (m) => m[1] === 'remoteproc',
			examples: ['remoteproc remoteproc0: request_firmware failed: -2']
		},
		{
			trigger: 'firmware Patch file not found',
			pattern: /^Bluetooth: (?<device>hci\d+): BCM: firmware Patch file not found/,
			within: 30,
			withinSeconds: 30,
			when: (m) => m[1] === 'bluetooth' && /^brcm\/\S+\.hcd$/.test(fileOf(m) ?? ''),
			examples: ['Bluetooth: hci0: BCM: firmware Patch file not found, tried:']
		},
		{
			trigger: 'and download the correct firmware',
			// b43legacy's too (b43legacy_print_fw_helptext(), its `b43legacy/ucode4.fw` before it)
			pattern: /^b43(?:legacy)?-phy\d+ ERROR: You must go to \S+ and download the correct firmware/,
			within: 50,
			withinSeconds: 30,
			when: (m) => m[1] === 'b43' || m[1] === 'b43legacy',
			examples: [
				'b43-phy0 ERROR: You must go to https://wireless.wiki.kernel.org/en/users/Drivers/b43#devicefirmware and download the correct firmware for this driver version. Please carefully read all instructions on this website.',
				'b43legacy-phy0 ERROR: You must go to https://wireless.wiki.kernel.org/en/users/Drivers/b43#devicefirmware and download the correct firmware (version 3).'
			]
		}
	],
	examples: [
		'i915 0000:00:02.0: Direct firmware load for i915/kbl_dmc_ver1_04.bin failed with error -2',
		// dfir-sample-files-syslog-1.log (Debian 6.6): a request of each, as Debian logs them
		'bluetooth hci0: firmware: failed to load brcm/BCM20702A1-0a5c-21f1.hcd (-2)',
		'b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
		'r8169 0000:02:00.0: Unable to load firmware rtl_nic/rtl8168h-2.fw (-2)',
		'firmware: failed to load iwlwifi-6000g2a-6.ucode (-2)',
		'iwlwifi 0000:00:14.3: no suitable firmware found!',
		// iwl-agn.c iwl_request_firmware(), 2.6.30-3.3
		'iwlagn 0000:03:00.0: no suitable firmware found!',
		'b43-phy0 ERROR: You must go to http://wireless.kernel.org/en/users/Drivers/b43#devicefirmware and download the correct firmware for this driver version. Please carefully read all instructions on this website.',
		// b43legacy_print_fw_helptext() (drivers/net/wireless/broadcom/b43legacy/main.c)
		'b43legacy-phy0 ERROR: You must go to https://wireless.wiki.kernel.org/en/users/Drivers/b43#devicefirmware and download the correct firmware (version 3).',
		'bluetooth hci0: Direct firmware load for qca/rampatch_usb_00000302.bin failed with error -2',
		'iwlwifi 0000:02:00.0: Direct firmware load for iwlwifi-7265D-29.ucode failed with error -110',
		'Bluetooth: hci0: Failed to load Intel firmware file intel/ibt-19-0-1.sfi (-2)',
		'wl12xx: ERROR could not get nvs file wl1271-nvs.bin: -2',
		'xhci-tegra 3530000.xhci: Direct firmware load for tegra18x_xusb_firmware failed with error -2',
		// bacon-pmos-mainline-dev-dmesg-log.log line 1522 (a OnePlus One, postmarketOS mainline)
		'remoteproc remoteproc0: Direct firmware load for adsp.mdt failed with error -2',
		// gopro-hero7-kmsg.log line 211 (a GoPro HERO7's QCA9377 Wi-Fi, qcacld on SDIO)
		'ar6k_wlan mmc0:0001:1: Direct firmware load for qsetup30.bin failed with error -2',
		// intel-audio-dmesg-log.log line 698 (an RTL8153 USB Ethernet adapter, 5.18)
		'r8152 2-3.4:1.0: Direct firmware load for rtl_nic/rtl8153a-4.fw failed with error -2'
	],
	negatives: ['iwlwifi 0000:00:14.3: loaded firmware version 72.daa05125.0'],
	// iwlwifi's, b43's and b43legacy's own advice (their range of versions, their installer);
	// the files of the other drivers come with linux-firmware
	explanationOf: (m) => {
		const driver = m[1] ?? m[10] ?? '';
		const file = fileOf(m) ?? '';
		if (/^iwl(?:wifi|agn|3945|4965)$/.test(driver) || file.startsWith('iwlwifi-'))
			return FIRMWARE_LOAD_IWLWIFI;
		if (driver.startsWith('b43legacy') || file.startsWith('b43legacy/'))
			return FIRMWARE_LOAD_B43LEGACY;
		if (driver.startsWith('b43') || /^b43(?:-open)?\//.test(file)) return FIRMWARE_LOAD_B43;
		return undefined;
	},
	explanation: FIRMWARE_LOAD,
	android: [
		[FIRMWARE_LOAD, FIRMWARE_LOAD_ANDROID],
		[FIRMWARE_LOAD_IWLWIFI, FIRMWARE_LOAD_ANDROID],
		[FIRMWARE_LOAD_B43, FIRMWARE_LOAD_ANDROID],
		[FIRMWARE_LOAD_B43LEGACY, FIRMWARE_LOAD_ANDROID]
	]
};

/**
 * drivers/net/wireless/broadcom/brcm80211/brcmfmac/firmware.c: an SDIO chip needs a board file
 * (NVRAM: radio calibration, antenna, clocks) beside its firmware. The driver asks first for a
 * name with the board model (`brcmfmac43455-sdio.raspberrypi,3-model-b-plus.txt`: a missing one
 * is harmless when the generic file exists: `benign.brcmfmac-board-nvram`), then for the
 * generic `brcm/brcmfmac<chip>-sdio.txt`. Missing too, the chip does not start unless the UEFI
 * firmware holds the NVRAM (some x86 tablets), which shows as the firmware version printed
 * after it (`brcmf_c_preinit_dcmds: Firmware version = …`, 5.x+ `Firmware: BCM4345/6 wl0: …`).
 * Real log: a Z83 mini PC (BCM43340) with `HT Avail timeout` 3 s later, fixed by its user by
 * installing the file. Before `firmware.load-failed`.
 */
export const brcmfmacNvramMissing: LineRule = {
	id: 'firmware.brcmfmac-nvram-missing',
	category: 'firmware',
	severity: 'medium',
	// Debian's kernels print `firmware: failed to load X (-2)` besides `Direct firmware load`
	triggers: ['Direct firmware load for brcm/', 'firmware: failed to load brcm/'],
	pattern:
		/^brcmfmac (\S+): (?:Direct firmware load for (brcm\/brcmfmac\w+-sdio\.txt) failed with error -2|firmware: failed to load (brcm\/brcmfmac\w+-sdio\.txt) \(-2\))/,
	title: (m) =>
		`Wi-Fi board file (NVRAM) ${m[2] ?? m[3]} missing: brcmfmac probably cannot start the chip`,
	details: (m) => ({
		driver: 'brcmfmac',
		device: m[1],
		file: m[2] ?? m[3],
		error: errnoName('-2')
	}),
	// Debian's copies of one request (`firmware: failed to load X` twice, then upstream's line)
	request: (m) => ({ device: m[1], file: m[2] ?? m[3], debian: m[3] !== undefined }),
	resolve: {
		trigger: 'brcmf_c_preinit_dcmds: Firmware',
		pattern: /brcmf_c_preinit_dcmds: Firmware(?: version =|:) /,
		within: 20000,
		withinSeconds: 120,
		// later in the boot: the user installed the file and loaded the driver again
		// (archlinux-for-z83: `Firmware version = …` at 17,285 s, after the driver was registered
		// again; the chip had not answered at boot)
		later: {
			title: (m) =>
				`Wi-Fi board file (NVRAM) ${m[2] ?? m[3]} missing at first: the chip started later`,
			severity: 'low',
			explanation: {
				meaning:
					'The Broadcom Wi-Fi driver (brcmfmac) did not find the board file (NVRAM) of this SDIO chip when it first set it up, so the chip did not start then and Wi-Fi did not work (look for `HT Avail timeout` just after). Later in the same boot, more than two minutes on, the chip’s firmware started and printed its version (the last line of the evidence): most often the board file was installed and the driver loaded again. Wi-Fi should work from that line on.',
				causes: [
					{
						kind: 'configuration',
						text: 'The board file for this board was not installed at boot: it comes from the board or tablet vendor or a distribution package for the board, not from linux-firmware.'
					}
				],
				next_steps: [
					'Nothing is needed if Wi-Fi works now (`iw dev`, `ip link`).',
					'Check that it will start at the next boot too: the board file must be in /lib/firmware/brcm under the name in the title, and in the initramfs when brcmfmac is loaded from it (rebuild it: `update-initramfs -u`, `mkinitcpio -P` or `dracut -f`).'
				],
				references: [
					'https://wireless.docs.kernel.org/en/latest/en/users/drivers/brcm80211.html',
					'https://docs.kernel.org/driver-api/firmware/fw_search_path.html'
				]
			}
		},
		title: (m) => `Wi-Fi board file (NVRAM) ${m[2] ?? m[3]} missing, but the chip started`,
		severity: 'low',
		examples: [
			// raspberrypi3router dmesg (4.x) and izassafar kern.log (5.x)
			'brcmfmac: brcmf_c_preinit_dcmds: Firmware version = wl0: Dec 15 2015 18:10:45 version 7.45.41.23 (r606571) FWID 01-cc4eda9c',
			'brcmfmac: brcmf_c_preinit_dcmds: Firmware: BCM4345/6 wl0: Mar  1 2015 07:29:38 version 7.45.18 (r538002) FWID 01-6a2c8ad4'
		],
		explanation: {
			meaning:
				'The Broadcom Wi-Fi driver (brcmfmac) did not find the generic board file (NVRAM) of this SDIO chip in /lib/firmware, but the chip’s firmware started and reported its version soon after: the driver took the NVRAM from somewhere else (the UEFI firmware on some x86 tablets, or the chip’s own memory). Wi-Fi should work; if it is weak or unstable, a board file made for this board may help.',
			causes: [
				{
					kind: 'configuration',
					text: 'No board file installed for this board; the NVRAM came from the UEFI firmware or the chip.'
				}
			],
			next_steps: [
				'Nothing is needed if Wi-Fi works (`iw dev`, `ip link`).',
				'If it is weak or drops out, install the board file for this board (the distribution’s or board vendor’s package) under the name in the title.'
			],
			references: [
				'https://wireless.docs.kernel.org/en/latest/en/users/drivers/brcm80211.html',
				'https://docs.kernel.org/driver-api/firmware/fw_search_path.html'
			]
		}
	},
	examples: [
		// archlinux-for-z83 dmesg (Z83 mini PC, Atom x5-Z8350, BCM43340 on SDIO)
		'brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43340-sdio.txt failed with error -2',
		// the same request as a Debian kernel prints it too (the format of
		// dfir-sample-files-syslog-1.log's b43 and Bluetooth lines)
		'brcmfmac mmc1:0001:1: firmware: failed to load brcm/brcmfmac43340-sdio.txt (-2)'
	],
	negatives: [
		// the board-specific name, tried first (izassafar kern.log, Raspberry Pi 3 B+)
		'brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43455-sdio.raspberrypi,3-model-b-plus.txt failed with error -2',
		'brcmfmac 0000:01:00.0: Direct firmware load for brcm/brcmfmac4356-pcie.txt failed with error -2',
		'brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43340-sdio.bin failed with error -2',
		'brcmfmac mmc1:0001:1: firmware: failed to load brcm/brcmfmac43455-sdio.raspberrypi,3-model-b-plus.txt (-2)'
	],
	explanation: {
		meaning:
			'The Broadcom Wi-Fi driver (brcmfmac) did not find the board file (NVRAM) of this SDIO chip: the radio calibration, antenna and clock settings of this particular board, which the chip needs beside its firmware. It already tried a name with the board model if there is one; this is the generic name, its last try. Unless the UEFI firmware holds the NVRAM (some x86 tablets; then a firmware version line follows), the chip does not start and Wi-Fi, often Bluetooth on the same chip too, does not work in this boot: look for `HT Avail timeout` or a failed firmware download just after. linux-firmware ships the firmware but few board files, because they belong to the board, not the chip.',
		causes: [
			{
				kind: 'configuration',
				text: 'The board file for this board was never installed: it comes from the board or tablet vendor (a Windows driver folder, the vendor’s Linux image) or a distribution package for the board (Raspberry Pi, Armbian), not from linux-firmware.'
			},
			{
				kind: 'configuration',
				text: 'A board file installed under another chip’s or board’s name, or missing from the initramfs when brcmfmac is loaded from it.'
			}
		],
		next_steps: [
			'Check whether Wi-Fi came up: `iw dev`, `ip link`, and `dmesg | grep brcmf` for `HT Avail timeout` or a firmware version line.',
			'Install the board file under the name in the message (`/lib/firmware/brcm/…-sdio.txt`): the board vendor’s or the distribution’s package for this board, or the file of a board with the same chip and module (copied from the vendor’s Windows driver as `brcmfmac<chip>-sdio.txt`), then reload the driver (`modprobe -r brcmfmac && modprobe brcmfmac`) or reboot; rebuild the initramfs if brcmfmac is in it.'
		],
		references: [
			'https://wireless.docs.kernel.org/en/latest/en/users/drivers/brcm80211.html',
			'https://docs.kernel.org/driver-api/firmware/fw_search_path.html'
		]
	}
};

/**
 * A firmware request that waited for the loader's timeout. With the user-helper fallback built in
 * (CONFIG_FW_LOADER_USER_HELPER_FALLBACK, old kernels: always), a file missing from
 * /lib/firmware is asked of user space and the driver waits for an answer until the timeout
 * (/sys/class/firmware/timeout, 60 s). drivers/base/firmware_loader/fallback.c prints `Falling
 * back to sysfs fallback for: X` (`Falling back to user helper` before 4.18; Qualcomm's Android
 * kernels `syfs`); firmware_request_nowarn() prints nothing. iwlwifi 5.x asks for its optional
 * debug file iwl-debug-yoyo.bin that way just after `loaded firmware version …`. The device's
 * next message then comes a minute later (real log: iwlwifi, kernel 5.9, 61.5 s).
 */
export const firmwareStall: LineRule = {
	id: 'firmware.request-stalled',
	category: 'firmware',
	severity: 'medium',
	triggers: [
		'Falling back to sysfs fallback',
		'Falling back to syfs fallback',
		'Falling back to user helper',
		'loaded firmware version'
	],
	pattern:
		/^([\w-]+) ([\w.:,-]+): (?:Falling back to (?:sysfs|syfs) fallback for: (\S+)|Falling back to user helper|loaded firmware version (\S+))/,
	title: (m) => `Firmware request stalled ${m[1]} ${m[2]} for about a minute`,
	details: (m) => ({
		driver: m[1],
		device: m[2],
		file: m[3] ?? null,
		firmware_version: m[4] ?? null
	}),
	stall: {
		min: 55,
		max: 75,
		examples: ['iwlwifi 0000:52:00.0: Detected Intel(R) Wi-Fi 6 AX200 160MHz, REV=0x340']
	},
	examples: [
		'iwlwifi 0000:52:00.0: loaded firmware version 55.d9698065.0 cc-a0-55.ucode op_mode iwlmvm',
		'cnss_pci 0000:01:00.0: Falling back to syfs fallback for: qca6390/amss20.bin',
		'xhci-tegra 3530000.xhci: Falling back to user helper',
		'brcmfmac mmc1:0001:1: Falling back to sysfs fallback for: brcm/brcmfmac43455-sdio.bin'
	],
	negatives: [
		// no device to wait for
		'(NULL device *): Falling back to syfs fallback for: wlan/qca_cld/WCNSS_qcom_cfg.ini',
		'i915 0000:00:02.0: [drm] Finished loading DMC firmware i915/kbl_dmc_ver1_04.bin (v1.4)'
	],
	explanation: {
		meaning:
			'A driver asked for a firmware file that was not in /lib/firmware, and the kernel then asked user space for it (the firmware loader’s fallback) and waited for an answer until its timeout, 60 s by default. Nothing answered, so the device was set up about a minute late: when it happens at boot, the boot (or at least this device, often Wi-Fi) was delayed by that long. The file is usually an optional one (iwlwifi 5.x waits this way for its debug file iwl-debug-yoyo.bin right after loading its firmware), so the device often works afterwards.',
		causes: [
			{
				kind: 'configuration',
				text: 'A kernel built with CONFIG_FW_LOADER_USER_HELPER_FALLBACK=y (custom or old kernels): every missing file waits for the timeout instead of failing at once.'
			},
			{
				kind: 'driver',
				text: 'A driver that asks for an optional file (debug or calibration data) with the fallback instead of a direct, no-wait request.'
			},
			{
				kind: 'configuration',
				text: 'A firmware file missing from /lib/firmware or from the initramfs.'
			}
		],
		next_steps: [
			'Check the kernel’s configuration: `grep FW_LOADER_USER_HELPER /boot/config-$(uname -r)`; build without CONFIG_FW_LOADER_USER_HELPER_FALLBACK, or shorten the wait by writing a few seconds to `/sys/class/firmware/timeout` early at boot (a udev rule or an initramfs hook).',
			'Find the file it waited for (the `Falling back … for:` line, or `dyndbg="file drivers/base/firmware_loader/* +p"` on the kernel command line) and install it (linux-firmware) or rebuild the initramfs.',
			'Measure the boot to confirm the delay: `systemd-analyze blame`, `dmesg --time-format=reltime` around the device’s lines.'
		],
		references: [
			'https://docs.kernel.org/driver-api/firmware/fallback-mechanisms.html',
			'https://docs.kernel.org/driver-api/firmware/fw_search_path.html'
		]
	}
};

/**
 * ACPICA's parser before its 2018 rewrite (kernels before 4.17) skipped statements at a table's
 * top level outside If/Else/While blocks: `ACPI Warning: Unsupported module-level executable
 * opcode 0x70 at table offset 0x13D78 (20170728/psloop-247)` (n100dc: Intel N100 on 4.14, 24 times)
 */
export const acpiModuleLevelSkipped: LineRule = {
	id: 'firmware.acpi-code-skipped',
	category: 'firmware',
	severity: 'low',
	triggers: ['Unsupported module-level executable opcode'],
	pattern:
		/^ACPI Warning: Unsupported module-level executable opcode (0x[0-9A-Fa-f]+) at table offset (0x[0-9A-Fa-f]+)(?: \((\d{8})\/[\w-]+\))?/,
	title: () => 'ACPI firmware code skipped by this kernel’s older ACPI interpreter',
	details: (m) => ({ opcode: m[1], acpica: m[3] ?? null }),
	examples: [
		'ACPI Warning: Unsupported module-level executable opcode 0x70 at table offset 0x13D78 (20170728/psloop-247)'
	],
	negatives: ['ACPI: Executed 108 blocks of module-level executable AML code'],
	explanation: {
		meaning:
			'The firmware’s ACPI tables hold statements outside any method (module-level code, run once when a table is loaded: opcode 0x70 is a Store, setting a value). The ACPI interpreter of this kernel (the ACPICA release in the details) is older than such tables and skipped them, so values the firmware meant to set at load time were not set. Usually harmless; sometimes a device or feature that depends on them is missing or misconfigured. Typical of a kernel much older than the machine.',
		causes: [
			{
				kind: 'configuration',
				text: 'A kernel older than about 4.17 (ACPICA before 2018) on firmware written for newer interpreters.'
			}
		],
		next_steps: [
			'If a device or feature is missing on this machine, try a newer kernel (4.17 or later runs these statements).',
			'Otherwise nothing needs to be done.'
		],
		references: ACPI_REFS
	}
};

/**
 * ACPICA's `ACPI Error: Aborting method \_SB.PCI0.LPCB.EC0._Q37 due to previous error
 * (AE_NOT_FOUND) (20230628/psparse-529)`, printed right after the error that stopped the method
 * (one to six lines later, after AML_DEBUG's `No Local Variables …` lines): the same event, whose
 * method names what failed (an embedded controller's `_Qxx` event, `_PSR` the power source,
 * `_STA` a device's presence, `_CPC` a CPU's performance control).
 */
const ACPI_ABORTED_METHOD: RuleFollow = {
	trigger: 'Aborting method ',
	pattern: /^ACPI Error: Aborting method (\S+) due to previous error/,
	details: (m) => ({ aborted_methods: [m[1]] }),
	within: 8,
	anywhere: true,
	claims: true,
	examples: [
		'ACPI Error: Aborting method \\_SB.PCI0.LPCB.EC0._Q37 due to previous error (AE_NOT_FOUND) (20230628/psparse-529)'
	]
};

/** ACPICA: `ACPI BIOS Error (bug): Could not resolve symbol [\_SB.PCI0.XHC.RHUB.HS11], AE_NOT_FOUND (20210730/dswload2-162)` */
export const acpiBiosError: LineRule = {
	id: 'firmware.acpi-bios-error',
	category: 'firmware',
	severity: 'low',
	triggers: ['ACPI BIOS Error'],
	pattern: /^ACPI BIOS Error \(bug\): (.*?)(?:,? (AE_\w+))?(?: \((\d{8})\/[\w-]+\))?$/,
	title: () => 'ACPI BIOS errors (bugs in the firmware’s ACPI tables)',
	details: (m) => ({ first_message: m[1], status: m[2] ?? null, acpica: m[3] ?? null }),
	follow: [ACPI_ABORTED_METHOD],
	examples: [
		'ACPI BIOS Error (bug): Could not resolve symbol [\\_SB.PCI0.XHC.RHUB.HS11], AE_NOT_FOUND (20210730/dswload2-162)',
		'ACPI BIOS Error (bug): Failure creating named object [\\_SB.PCI0.GPP0.SWUS], AE_ALREADY_EXISTS (20230628/dswload2-326)'
	],
	negatives: ['ACPI Error: AE_NOT_FOUND, During name lookup/catalog (20210730/psobject-220)'],
	explanation: {
		meaning:
			'The BIOS/UEFI firmware’s ACPI tables contain mistakes the Linux ACPI interpreter noticed (a reference to something that does not exist, a duplicate object). Usually harmless: the broken part is simply skipped. Occasionally a feature tied to it (a USB port, a sensor, a button) does not work.',
		causes: [
			{
				kind: 'firmware',
				text: 'Bugs in the vendor’s ACPI tables (often only tested with Windows).'
			}
		],
		next_steps: [
			'If everything works, ignore it. Otherwise note which device the symbol names (e.g. \\_SB.PCI0.XHC = USB controller) and which method was aborted (`aborted_methods`: an embedded controller’s `_Qxx` is a hotkey, lid, battery or AC event that then does nothing; `_PSR` the power source, `_STA` a device’s presence).',
			'Update the BIOS/UEFI; report it to the vendor with `acpidump` output.'
		],
		references: ACPI_REFS
	}
};

/** ACPICA: `ACPI Error: AE_NOT_FOUND, During name lookup/catalog (20210730/psobject-220)` */
export const acpiError: LineRule = {
	id: 'firmware.acpi-error',
	category: 'firmware',
	severity: 'low',
	triggers: ['ACPI Error: '],
	pattern:
		/^ACPI Error: (?!Aborting method |AE_\w+, During name lookup|Method parse\/execution failed)(.*?)(?:,? (AE_\w+))?(?: \((\d{8})\/[\w-]+\))?$/,
	title: () => 'ACPI errors while running firmware methods',
	details: (m) => ({ first_message: m[1], status: m[2] ?? null, acpica: m[3] ?? null }),
	follow: [ACPI_ABORTED_METHOD],
	storm: { count: 100, severity: 'medium' },
	examples: [
		'ACPI Error: AE_BAD_PARAMETER, Returned by Handler for [EmbeddedControl] (20200925/evregion-281)',
		'ACPI Error: No handler for Region [ECOR] (00000000f7d2a0c5) [EmbeddedControl] (20180810/evregion-166)'
	],
	negatives: [
		'ACPI: Interpreter enabled',
		'ACPI Error: AE_NOT_FOUND, During name lookup/catalog (20210730/psobject-220)',
		'ACPI Error: Aborting method \\_SB.PCI0.LPCB.EC.AC._PSR due to previous error (AE_BAD_PARAMETER) (20200925/psparse-529)'
	],
	explanation: {
		meaning:
			'A firmware (ACPI) method failed while the kernel ran it. Mostly caused by buggy tables and harmless, but when it is about the embedded controller (EC), battery (_BST/_BIF) or AC adapter (_PSR) it can explain wrong battery readings, fans or suspend problems. A flood of them can also cost CPU time.',
		causes: [
			{ kind: 'firmware', text: 'Bugs in the vendor’s ACPI tables.' },
			{ kind: 'kernel', text: 'Less often, an ACPI interpreter regression in a new kernel.' }
		],
		next_steps: [
			'Look at the method named (e.g. ..._PSR = power source, ..._BST = battery) and whether that feature misbehaves.',
			'Update the BIOS/UEFI; try another kernel version; report with `acpidump` output.'
		],
		references: ACPI_REFS
	}
};

/**
 * Who printed a `[Firmware Bug]` message: a driver's or bus's `dev_*()` prefix (`pci
 * 0000:00:1f.0`, `tpm_crb MSFT0101:00`) is the driver and its device; anything else (`ACPI`,
 * `ACPI: thermal`, `x86/cpu`, `AMD-Vi`) names the subsystem alone.
 */
function bugSource(source: string): { by: string; device: string | null } {
	const m = /^([\w.-]+) ([\w.:-]+)$/.exec(source.trim());
	return m ? { by: m[1], device: m[2] } : { by: source.trim(), device: null };
}

/**
 * The first clause of a `[Firmware Bug]` message, with device names in brackets or parentheses
 * and numbers blanked so that one bug on several devices or CPUs is one finding:
 * `cpu 0, invalid threshold interrupt offset 1 for bank 4, block 1 (MSR…)` ->
 * `cpu N, invalid threshold interrupt offset N for bank N, block N`.
 */
function bugSummary(message: string): string {
	let s = message.replace(/^[:\s]+/, '');
	for (const stop of [', please', ';', ' (']) {
		const at = s.indexOf(stop);
		// a word with a part in parentheses is no aside: `battery: (dis)charge rate invalid.`
		if (at > 0 && !(stop === ' (' && /^\([a-z]+\)[a-z]/.test(s.slice(at + 1, at + 24))))
			s = s.slice(0, at);
	}
	// numbers glued to a CPU too (`CPU1`): one bug on every CPU is one finding; other names
	// keep theirs (`TSC doesn't count with P0 frequency!` is about the P-state P0)
	// addresses printed without `0x` (`vs fed40080 f80`, `entry at fe000000`, the LAPIC register
	// `APIC500`) too: lower-case hex words with a digit and a letter (not `e820`)
	s = s
		.replace(/\[[^[\]]{0,64}\]/g, '[…]')
		.replace(/\([^()]{0,64}\)(?![a-z])/g, '(…)')
		.replace(/(?<=CPU|cpu)\d+|(?<=\bAPIC)[0-9a-f]+\b|\b(?:0x[0-9a-fA-F]+|[0-9a-f]+\b|\d+)/g, (w) =>
			/\d/.test(w) && w !== 'e820' ? 'N' : w
		);
	let end = s.length;
	while (end > 0 && '.!: '.includes(s[end - 1])) end--;
	s = s.slice(0, end);
	if (s.length > 80) s = `${s.slice(0, 79)}…`;
	return s === '' ? 'unspecified' : s;
}

/**
 * drivers/bluetooth/btbcm.c btbcm_initialize(): no patch file (`.hcd`) for a Broadcom/Cypress
 * Bluetooth controller, `Bluetooth: hci0: BCM: firmware Patch file not found, tried:`, then one
 * `BCM: 'brcm/BCM4350C5-0a5c-6412.hcd'` line per name tried (firmware_request_nowarn: no
 * `Direct firmware load` line). Written from the format strings (6.12): no corpus log has them.
 */
export const bcmBluetoothPatchMissing: LineRule = {
	id: 'firmware.bluetooth-patch-missing',
	category: 'firmware',
	severity: 'low',
	triggers: ['firmware Patch file not found'],
	pattern: /^Bluetooth: (hci\d+): BCM: firmware Patch file not found/,
	title: (m) => `Broadcom Bluetooth ${m[1]} runs without its firmware patch (file missing)`,
	details: (m) => ({ device: m[1] }),
	follow: [
		{
			trigger: ": BCM: '",
			pattern: /^Bluetooth: (?<device>hci\d+): BCM: '([^']+)'$/,
			details: (m) => ({ files: [m[2]] }),
			within: 4,
			examples: ["Bluetooth: hci0: BCM: 'brcm/BCM4350C5-0a5c-6412.hcd'"]
		}
	],
	examples: ['Bluetooth: hci0: BCM: firmware Patch file not found, tried:'],
	negatives: ["Bluetooth: hci0: BCM: 'brcm/BCM4350C5-0a5c-6412.hcd' Patch"],
	explanation: {
		meaning:
			'The Broadcom/Cypress Bluetooth controller (many laptops, Raspberry Pi-like boards, USB dongles) did not get its firmware patch because none of the files the driver looked for (listed after this line) is installed. The controller then runs the old firmware in its ROM: Bluetooth often still works, but may be unreliable (devices not found, audio dropping, pairing failing) or not work at all.',
		causes: [
			{
				kind: 'configuration',
				text: 'The .hcd file is not shipped by linux-firmware for most of these controllers (Broadcom distributes it with its Windows driver); it has to be installed separately.'
			}
		],
		next_steps: [
			'Install the file named after this line into /lib/firmware/brcm/ (distributions package many as broadcom-bt-firmware, or it can be extracted from the vendor’s Windows driver), then reload `btusb` or reboot.',
			'If Bluetooth works well as it is, nothing needs doing.'
		],
		references: [
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/bluetooth/btbcm.c',
			'https://wiki.archlinux.org/title/Bluetooth'
		]
	}
};

/**
 * drivers/remoteproc/remoteproc_core.c rproc_boot(): `powering up %s` (the processor's name),
 * then request_firmware() of its file and, when that fails, `request_firmware failed: %d`: the
 * remote processor (a DSP, a modem, a Wi-Fi or video core beside the main CPU) is not started.
 * A processor that boots by itself asks for the file first with request_firmware_nowait(), whose
 * callback calls rproc_boot() even without it, so the firmware loader prints its `Direct firmware
 * load for X failed with error -2` twice (firmware.load-failed expects this line and leaves both
 * to this finding). Real logs: bacon-pmos-mainline-dev-dmesg-log.log and
 * bacon-pmos-mainline-dev-logs-dmesg.log (a OnePlus One on postmarketOS's mainline kernel:
 * adsp.mdt and mba.b00, the audio DSP's and the modem's), which had been told to install
 * linux-firmware and rebuild the initramfs.
 */
export const remoteprocFirmwareMissing: LineRule = {
	id: 'firmware.remoteproc-firmware-missing',
	category: 'firmware',
	severity: 'medium',
	triggers: ['request_firmware failed: '],
	pattern: /^remoteproc (remoteproc\d+): request_firmware failed: (-\d+)/,
	title: (m) =>
		m[2] === '-2'
			? `Remote processor ${m[1]} not started: its firmware file is missing`
			: `Remote processor ${m[1]} not started: its firmware could not be loaded (${errnoName(m[2])})`,
	details: (m) => ({ device: m[1], error: errnoName(m[2]) }),
	/*
	 * the processor's name (`powering up adsp-pil`) and the file it asked for (`Direct firmware
	 * load for adsp.mdt failed with error -2`, or Debian's `firmware: failed to load adsp.mdt
	 * (-2)`), in the lines just before: bacon-pmos-mainline-dev-logs-dmesg.log has 62 lines between
	 * the two requests
	 */
	context: {
		trigger: ['Direct firmware load for', 'firmware: failed to load', ': powering up '],
		pattern:
			/^remoteproc (remoteproc\d+): (?:Direct firmware load for (\S+) failed with error -\d+|firmware: failed to load (\S+) \(-\d+\)|powering up (\S+))/,
		details: (m): Record<string, DetailValue> =>
			m[4] !== undefined
				? { device: m[1], processor: m[4] }
				: { device: m[1], files: [m[2] ?? m[3]] },
		within: 100,
		sameDevice: true,
		accumulate: true,
		// the requests that failed, and the processor powering up, are what the finding is about
		evidence: true,
		examples: [
			'remoteproc remoteproc0: Direct firmware load for adsp.mdt failed with error -2',
			'remoteproc remoteproc0: powering up adsp-pil',
			'remoteproc remoteproc0: firmware: failed to load adsp.mdt (-2)'
		]
	},
	examples: [
		// bacon-pmos-mainline-dev-dmesg-log.log lines 1525 and 1815
		'remoteproc remoteproc0: request_firmware failed: -2',
		'remoteproc remoteproc1: request_firmware failed: -2'
	],
	negatives: [
		'remoteproc remoteproc0: powering up adsp-pil',
		'remoteproc remoteproc0: remote processor adsp-pil is now up'
	],
	explanation: {
		meaning:
			'A remote processor, one of the cores beside the main CPU that run their own firmware (on Qualcomm chips the audio DSP `adsp`, the modem `mss`/`mba`, the Wi-Fi and Bluetooth core `wcnss`, the video core `venus`; on TI, NXP and ST boards their DSPs and microcontrollers), was to be started, but its firmware file could not be loaded (the file the driver asked for is in the facts, `files`, and the processor’s name in `processor`). It stays off in this boot, and so does what it provides: sound, mobile network, Wi-Fi, sensors or video decoding, depending on the processor. This firmware belongs to the device, not to the kernel: it is signed by the device’s maker and for most phones and boards is not in linux-firmware.',
		causes: [
			{
				kind: 'configuration',
				text: 'The firmware files of this device are not installed where the kernel looks (`/lib/firmware`, under the name in the facts), or not in the initramfs when the processor is started from it.'
			},
			{
				kind: 'configuration',
				text: 'A phone or board running a mainline kernel (postmarketOS and similar) whose firmware package for this model is missing, or whose device tree asks for other file names than those installed.'
			}
		],
		next_steps: [
			'If the feature this processor provides is not needed (a modem on a phone used as a small computer), nothing needs doing.',
			'On a phone, the files come from the device’s own firmware: on postmarketOS install the device’s firmware package (`firmware-<vendor>-<device>`, or msm-firmware-loader, which uses the files on the phone’s firmware and modem partitions); elsewhere copy them from the Android vendor partition (`/vendor/firmware`, the modem partition’s `image/` directory) to `/lib/firmware` under the name in the facts.',
			'On a development board or a laptop with such a processor, install the vendor’s firmware package (linux-firmware has those of some Qualcomm laptops and boards under `qcom/`; TI: ti-linux-firmware, NXP: firmware-imx), then check with `ls /lib/firmware/<file>` and restart the processor: `echo start > /sys/class/remoteproc/<device>/state` (its `state` file says `running` once it is up), or reboot.'
		],
		references: [
			'https://docs.kernel.org/staging/remoteproc.html',
			'https://docs.kernel.org/driver-api/firmware/fw_search_path.html'
		]
	}
};

/**
 * drivers/acpi/thermal.c (v5.3, acpi_thermal_get_trip_points; 6.6+ acpi_thermal_add(): `ACPI:
 * thermal: [Firmware Bug]: No valid trip points!`, the zone then registered without trips): an ACPI thermal zone whose
 * critical, hot, passive and active trip points are all missing or invalid is not registered
 * (-ENODEV), one line per zone. Before `firmware.firmware-bug`, whose explanation (microcode, a
 * worked-around table) does not fit: real log, a Surface Pro 7 printing it for 9 zones.
 */
export const thermalZoneNoTrip: LineRule = {
	id: 'firmware.thermal-zone-no-trip',
	category: 'firmware',
	severity: 'info',
	routine: true,
	triggers: ['No valid trip found', 'No valid trip points!'],
	// 6.6+: `No valid trip points!` under the pr_fmt `ACPI: thermal: `
	pattern: /^(?:ACPI: thermal: )?\[Firmware Bug\]: No valid trip (?:found|points!)/,
	title: () => 'ACPI thermal zone without valid trip points not used',
	examples: [
		// linux-surface-pro-7-dump lastbootlog.txt (Surface Pro 7, kernel 5.3), 9 times
		'[Firmware Bug]: No valid trip found',
		// drivers/acpi/thermal.c acpi_thermal_add() (6.6+), written from its format string
		'ACPI: thermal: [Firmware Bug]: No valid trip points!'
	],
	negatives: [
		'[Firmware Bug]: TSC_DEADLINE disabled due to Errata',
		'thermal LNXTHERM:00: registered as thermal_zone0'
	],
	explanation: {
		meaning:
			'An ACPI thermal zone of the firmware defines no temperature at which to act (no valid critical, hot, passive or active trip point), so the kernel does not act on it: kernels before 6.6 do not register the zone (no entry under /sys/class/thermal), later ones register it without trip points (`No valid trip points!`), and either way the kernel does not cool by it. The kernel prints it once per such zone. It is common on laptops and tablets whose embedded controller or firmware drives the fans itself, and usually harmless: the CPU still protects itself (it throttles and, at its limit, shuts down), and other zones and drivers (the CPU package, the platform driver) still report temperatures.',
		causes: [
			{
				kind: 'firmware',
				text: 'Thermal zones left empty or placeholders in the ACPI tables (the firmware handles cooling through the embedded controller, or the zones are meant for another operating system’s driver).'
			}
		],
		next_steps: [
			'Nothing is needed if the machine does not overheat. Check which temperatures are available with `sensors` or `grep . /sys/class/thermal/thermal_zone*/type`.',
			'If it runs hot or throttles, update the BIOS/UEFI and use the platform’s own thermal driver or daemon (thermald on Intel, the vendor’s platform driver).'
		],
		references: ACPI_THERMAL_REFS
	}
};

/**
 * drivers/acpi/thermal.c (v6.6, acpi_thermal_get_trip_points → critical trip): a `_CRT` at or
 * below 0 °C is discarded as invalid (`Invalid critical threshold (0)`, the value in tenths of a
 * kelvin; 6.15 prints the kernel's invalid-temperature marker, `(-274000)`). The zone is still
 * registered with its other trip points. Before `firmware.firmware-bug`, whose explanation
 * (microcode, a worked-around table) does not fit: real logs, two Intel laptops.
 */
export const thermalCriticalInvalid: LineRule = {
	id: 'firmware.thermal-critical-invalid',
	category: 'firmware',
	severity: 'info',
	routine: true,
	triggers: ['Invalid critical threshold'],
	pattern: /^(?:ACPI: thermal: )?\[Firmware Bug\]: Invalid critical threshold \((-?\d+)\)/,
	title: () => 'ACPI thermal zone with an invalid critical temperature: ignored',
	details: (m) => ({ critical_threshold: Number(m[1]) }),
	examples: [
		// ms912x dmesg.log (kernel 6.15, Intel laptop), line 775
		'ACPI: thermal: [Firmware Bug]: Invalid critical threshold (-274000)',
		// intel-audio dmesg.log (Intel laptop), line 179
		'ACPI: thermal: [Firmware Bug]: Invalid critical threshold (0)'
	],
	negatives: ['ACPI: thermal: Thermal Zone [TZ01] (35 C)', '[Firmware Bug]: No valid trip found'],
	explanation: {
		meaning:
			'An ACPI thermal zone of the firmware gives a critical temperature (`_CRT`, the temperature at which the operating system must shut down) of 0 °C or below, which cannot be meant, so the kernel ignores it. The zone is still used with its other trip points (a following `Thermal Zone [TZ01] (35 C)` line shows it); only the orderly shutdown at that zone’s critical temperature is missing. Common on laptops whose firmware leaves the value unset, and harmless: the CPU still protects itself (it throttles and, at its limit, the hardware switches off), and the embedded controller drives the fans.',
		causes: [
			{
				kind: 'firmware',
				text: 'A critical temperature left unset (0) in the ACPI tables; the firmware relies on the embedded controller and the CPU’s own protection instead.'
			}
		],
		next_steps: [
			'Nothing is needed if the machine does not overheat. `grep . /sys/class/thermal/thermal_zone*/type /sys/class/thermal/thermal_zone*/trip_point_*_temp` lists the zones and the trip points the kernel uses.',
			'If the machine runs hot, update the BIOS/UEFI and check the fans and the vendor’s thermal tools (thermald on Intel).'
		],
		references: ACPI_THERMAL_REFS
	}
};

/**
 * drivers/acpi/processor_perflib.c acpi_processor_get_performance_states(): a P-state of the
 * firmware's `_PSS` table with a frequency of 0 (or one too large to count in kHz) is dropped,
 * `ACPI: [Firmware Bug]: Invalid BIOS _PSS frequency found for processor 0: 0x0 MHz` (pr_fmt
 * `ACPI: ` since 5.x; `[Firmware Bug]: ACPI: …` in 3.x-4.x; `ACPI: Invalid BIOS _PSS frequency:
 * 0x… MHz` before 2.6.39, without FW_BUG); when none is left, `No valid BIOS _PSS frequency found
 * for processor 0` and the CPU has no ACPI P-states (acpi-cpufreq does not drive it). Written
 * from the format strings: no corpus log has them.
 */
export const acpiPssInvalid: LineRule = {
	id: 'firmware.acpi-pss-invalid',
	category: 'firmware',
	severity: 'low',
	triggers: ['BIOS _PSS frequency'],
	pattern:
		/^(?:ACPI: )?(?:\[Firmware Bug\]: )?(?:ACPI: )?(Invalid|No valid) BIOS _PSS frequency(?: found for processor (\d+))?/,
	title: (m) =>
		m[1] === 'Invalid'
			? 'ACPI _PSS table lists an invalid CPU frequency: that P-state is ignored'
			: 'ACPI _PSS table has no valid CPU frequency: no ACPI frequency scaling',
	details: (m) => ({ processor: m[2] === undefined ? null : Number(m[2]) }),
	examples: [
		'ACPI: [Firmware Bug]: Invalid BIOS _PSS frequency found for processor 0: 0x0 MHz',
		'[Firmware Bug]: ACPI: Invalid BIOS _PSS frequency found for processor 3: 0x0 MHz',
		'ACPI: Invalid BIOS _PSS frequency: 0x80000000 MHz',
		'ACPI: [Firmware Bug]: No valid BIOS _PSS frequency found for processor 0'
	],
	negatives: ['ACPI: \\_PR_.CPU0: _PSS: 8 P-states'],
	explanation: {
		meaning:
			'The firmware’s ACPI `_PSS` table, which lists the CPU’s performance states (frequencies and voltages) for the operating system to switch between, has an entry with an impossible frequency (usually 0). The kernel leaves that entry out and uses the others, so frequency scaling works with one step less. When no entry is valid ("No valid BIOS _PSS frequency"), the ACPI frequency driver (acpi-cpufreq) cannot drive that CPU: it then runs at the frequency the firmware set, unless another driver (intel_pstate, amd-pstate) manages it.',
		causes: [
			{
				kind: 'firmware',
				text: 'A BIOS/UEFI bug in the processor objects of its ACPI tables, often on boards whose BIOS was not tested with this CPU model or with some settings (C-states, turbo) changed.'
			}
		],
		next_steps: [
			'Check which frequency driver is in use and its range: `cpupower frequency-info` (or `cat /sys/devices/system/cpu/cpu0/cpufreq/scaling_driver`). If intel_pstate or amd-pstate drives the CPU, or the range is right, nothing needs doing.',
			'If the CPU stays at one frequency, update the BIOS/UEFI and check its power-management settings (EIST/SpeedStep, Cool’n’Quiet, C-states).'
		],
		references: [
			'https://docs.kernel.org/admin-guide/pm/cpufreq.html',
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/acpi/processor_perflib.c'
		]
	}
};

/**
 * drivers/acpi/bus.c (v6.12, acpi_bus_get_status): a device whose `_STA` says "enabled" without
 * "present" is taken as absent (enabled and functional cleared), one line per device at each bus
 * scan. Before `firmware.firmware-bug`, whose title blanks the device names (`Device […] status
 * […]`): real log, a Radxa Orion O6 printing it 16 times for CRE0-CRE3.
 */
export const acpiDeviceNotPresentEnabled: LineRule = {
	id: 'firmware.acpi-device-not-present',
	category: 'firmware',
	severity: 'info',
	routine: true,
	triggers: ['not present and enabled'],
	pattern:
		/^(?:ACPI: )?\[Firmware Bug\]: Device \[([\w.]{1,16})\] status \[([0-9a-fA-F]{1,8})\]: not present and enabled/,
	title: () => 'ACPI devices marked enabled but not present: treated as absent',
	details: (m) => ({ device: m[1], status: m[2] }),
	collect: { device: 'devices' },
	examples: [
		// orion-o6 dmesg.out (Radxa Orion O6, kernel 6.12), lines 277-280, 16 times
		'ACPI: [Firmware Bug]: Device [CRE0] status [0000000e]: not present and enabled'
	],
	negatives: ['ACPI: [Firmware Bug]: BIOS _OSI(Linux) query ignored'],
	explanation: {
		meaning:
			'The firmware’s status method (`_STA`) of these ACPI devices says "enabled" but not "present", which contradicts itself. The kernel takes them as absent and does not use them; it prints the line again at each scan of the ACPI bus, so one device appears several times. Usually harmless: the firmware most likely describes parts this board does not have or that it leaves to itself (the devices are listed under `devices`).',
		causes: [
			{
				kind: 'firmware',
				text: 'ACPI tables shared between boards or releases, with status bits of absent devices set wrongly (common on early firmware of new ARM and x86 boards).'
			}
		],
		next_steps: [
			'Nothing is needed if the hardware works: the kernel skips devices the board does not have.',
			'If a device of the board is missing, look up the ACPI name in the tables (`acpidump`, `iasl -d`), update the BIOS/UEFI and report it to the board vendor with `acpidump` output.'
		],
		references: ACPI_REFS
	}
};

/** `[Firmware Bug]: ...` — the kernel detected firmware misbehaviour it works around. */
export const firmwareBug: LineRule = {
	id: 'firmware.firmware-bug',
	category: 'firmware',
	severity: 'low',
	triggers: ['[Firmware Bug]'],
	// the source may hold colons: `ACPI: thermal: [Firmware Bug]: …`, `tpm tpm0: [Firmware Bug]: …`
	pattern: /^(?:([^[\]]{1,60}?): )?\[Firmware Bug\]:? ?(.*)/,
	// distinct bugs get distinct findings: the title carries the message's first clause and the
	// subsystem or driver that printed it, not its device (`pci 0000:00:1f.0`, `pnp 00:05`: the
	// same bug on another slot or machine), which is the detail `device`
	title: (m) =>
		`Firmware bug reported${m[1] ? ` by ${bugSource(m[1]).by}` : ''}: ${bugSummary(m[2])}`,
	details: (m) => {
		const device = m[1] ? bugSource(m[1]).device : null;
		return { source: m[1] ?? null, message: m[2], ...(device !== null ? { device } : {}) };
	},
	examples: [
		'[Firmware Bug]: TSC_DEADLINE disabled due to Errata; please update microcode to version: 0x3a (or later)',
		'AMD-Vi: [Firmware Bug]: : No southbridge IOAPIC found',
		'[Firmware Bug]: cpu 0, invalid threshold interrupt offset 1 for bank 4, block 1 (MSR00000413=0xc000000001000000)',
		"[Firmware Bug]: TSC doesn't count with P0 frequency!",
		'tpm_crb MSFT0101:00: [Firmware Bug]: ACPI region does not cover the entire command/response buffer. [mem 0xfed40000-0xfed4087f flags 0x200] vs fed40080 f80'
	],
	negatives: [
		'[Firmware Warn]: GHES: Poll interval is 0 for generic hardware error source: 1, disabled.'
	],
	explanation: {
		meaning:
			'The kernel found the BIOS/firmware doing something wrong (wrong tables, missing microcode fix, bad settings) and worked around it. Usually harmless; the message names what is affected.',
		causes: [{ kind: 'firmware', text: 'A BIOS/UEFI bug or an outdated BIOS or CPU microcode.' }],
		next_steps: [
			'Read the message: "please update microcode" means installing the CPU microcode package (intel-microcode / amd64-microcode).',
			'Update the BIOS/UEFI if a newer one exists.'
		],
		references: ['https://docs.kernel.org/arch/x86/microcode.html', ACPI_REFS[0]]
	}
};

/** CPU vulnerability mitigations that need a microcode update: `MMIO Stale Data: Vulnerable: Clear CPU buffers attempted, no microcode` */
export const microcodeMissing: LineRule = {
	id: 'firmware.microcode-missing',
	category: 'firmware',
	severity: 'low',
	triggers: ['o microcode', 'microcode not applied'],
	// AMD SRSO without the IBPB-extending microcode (arch/x86/kernel/cpu/bugs.c): kernels 6.5-6.6
	// then print `Mitigation: Safe RET`, later ones also `Vulnerable: Safe RET, no microcode`
	pattern:
		/^([A-Z][\w /-]*): (?:Vulnerable: (?:[^,]*, )?[Nn]o microcode|IBPB-extending microcode not applied!)/,
	title: (m) => `CPU vulnerability not mitigated: microcode update missing (${m[1].trim()})`,
	details: (m) => ({ vulnerability: m[1].trim() }),
	examples: [
		'MMIO Stale Data: Vulnerable: Clear CPU buffers attempted, no microcode',
		'SRBDS: Vulnerable: No microcode',
		'GDS: Vulnerable: No microcode',
		'Speculative Return Stack Overflow: IBPB-extending microcode not applied!'
	],
	negatives: [
		'MDS: Mitigation: Clear CPU buffers',
		'Speculative Return Stack Overflow: Mitigation: Safe RET',
		'Speculative Return Stack Overflow: WARNING: See https://kernel.org/doc/html/latest/admin-guide/hw-vuln/srso.html for mitigation options.',
		'microcode: updated early: 0xf0 -> 0xf4, date = 2023-02-22'
	],
	explanation: {
		meaning:
			'The kernel could not fully protect against a CPU security flaw because the CPU microcode is too old. The system works normally but stays vulnerable.',
		causes: [
			{
				kind: 'firmware',
				text: 'Outdated CPU microcode (BIOS or the distribution microcode package).'
			},
			{
				kind: 'configuration',
				text: 'The microcode package is not installed or not in the initramfs; in a VM the host does not pass the microcode features through.'
			}
		],
		next_steps: [
			'Install/update intel-microcode or amd64-microcode and rebuild the initramfs; update the BIOS.',
			'Check the state: `grep . /sys/devices/system/cpu/vulnerabilities/*`.'
		],
		references: [
			'https://docs.kernel.org/admin-guide/hw-vuln/index.html',
			'https://docs.kernel.org/arch/x86/microcode.html'
		]
	}
};

/**
 * arch/x86/kernel/cpu/amd.c (6.5+): an AMD Zen 2 CPU whose microcode lacks the Zenbleed fix
 * (CVE-2023-20593) gets the kernel's own workaround, the DE_CFG "chicken bit".
 */
export const zenbleedWorkaround: LineRule = {
	id: 'firmware.zenbleed-workaround',
	category: 'firmware',
	severity: 'low',
	triggers: ['Zenbleed: '],
	pattern: /^Zenbleed: please update your microcode for the most optimal fix/,
	title: () => 'AMD Zenbleed handled by a kernel workaround: CPU microcode update recommended',
	examples: [
		// proxmox-amd-5700u-gpu-pa dmesg (Ryzen 7 5700U)
		'Zenbleed: please update your microcode for the most optimal fix'
	],
	negatives: ['microcode: CPU0: patch_level=0x0860010f'],
	explanation: {
		meaning:
			'The AMD Zen 2 CPU is affected by Zenbleed (CVE-2023-20593, a leak of register contents between processes) and its microcode does not contain AMD\'s fix, so the kernel set a bit in the CPU (the "chicken bit") that closes the leak itself. The system is protected; the microcode fix is the preferred one and costs less performance.',
		causes: [
			{
				kind: 'firmware',
				text: 'CPU microcode older than the July 2023 fix (BIOS, or the distribution microcode package).'
			},
			{
				kind: 'configuration',
				text: 'The amd64-microcode / linux-firmware package is not installed or not in the initramfs; in a VM the host provides the microcode.'
			}
		],
		next_steps: [
			'Install/update amd64-microcode (or linux-firmware) and rebuild the initramfs, or update the BIOS; after a reboot the message is gone.',
			'Check `grep microcode /proc/cpuinfo` for the loaded revision.'
		],
		references: [
			'https://www.amd.com/en/resources/product-security/bulletin/amd-sb-7008.html',
			'https://docs.kernel.org/arch/x86/microcode.html'
		]
	}
};

/** Late microcode update failures. */
export const microcodeFailed: LineRule = {
	id: 'firmware.microcode-update-failed',
	category: 'firmware',
	severity: 'medium',
	triggers: ['microcode: '],
	pattern:
		/^microcode: (?:CPU ?\d+:? )?(update failed|[Uu]pdate did not succeed|[Ff]ailed to (?:update|apply)\b|failed to load file (\S+))/,
	title: (m) => (m[2] ? 'CPU microcode file not available' : 'CPU microcode update failed'),
	severityOf: (m) => (m[2] ? 'low' : 'medium'),
	details: (m) => ({ message: m.input.slice('microcode: '.length) }),
	examples: [
		'microcode: CPU1: update failed for patch_level=0x08301025',
		'microcode: Update did not succeed',
		'microcode: failed to load file amd-ucode/microcode_amd.bin'
	],
	negatives: [
		'microcode: CPU0: patch_level=0x08701013',
		'microcode: updated early: 0xf0 -> 0xf4, date = 2023-02-22'
	],
	explanation: {
		meaning:
			'Loading a CPU microcode update failed, or ("failed to load file") no microcode file for this CPU was found: the CPU keeps running the microcode from its BIOS, with the bugs fixed later still present.',
		causes: [
			{
				kind: 'firmware',
				text: 'A microcode file that does not fit the CPU or BIOS, or a BIOS that blocks updates.'
			},
			{
				kind: 'configuration',
				text: 'Late loading after boot (prefer early loading from the initramfs).'
			}
		],
		next_steps: [
			'Use early loading: install the microcode package and rebuild the initramfs; check `journalctl -k | grep microcode` after reboot.',
			'Update the BIOS, which carries its own microcode.'
		],
		references: ['https://docs.kernel.org/arch/x86/microcode.html']
	}
};

/** complaints after which VT-d is not used: a DMAR unit the kernel cannot use, an unparsable table */
function dmarDisabled(m: RegExpExecArray): boolean {
	return m[1].startsWith('DMAR reported at address') || m[1].startsWith('ANDD object name');
}

/**
 * drivers/iommu/intel/dmar.c and iommu.c (drivers/pci/dmar.c before 3.x, printed there with a
 * WARNING and a trace): `DMAR: [Firmware Bug]: Your BIOS is broken; DMAR reported at address 0!`,
 * `… returns all ones!`, `… RHSA refers to non-existent DMAR unit at …`, `… bad RMRR […]`,
 * `… ANDD object name is not NUL-terminated`, `… DMA routed to ISOCH DMAR unit but no TLB space.`
 */
export const dmarBroken: LineRule = {
	id: 'firmware.dmar-table-broken',
	category: 'firmware',
	severity: 'low',
	triggers: ['Your BIOS is broken; '],
	pattern: /^(?:DMAR: )?(?:\[Firmware Bug\]: ?)?Your BIOS is broken; (\S.*)$/,
	title: (m) =>
		dmarDisabled(m)
			? 'Intel IOMMU (VT-d) disabled: the BIOS DMAR table is broken'
			: 'Intel IOMMU (VT-d) works around a broken BIOS DMAR table',
	details: (m) => ({ problem: m[1], iommu_disabled: dmarDisabled(m) }),
	// the kernel does not use VT-d at all (no DMA protection, no device passthrough, no interrupt
	// remapping); otherwise it ignores the broken entry
	severityOf: (m) => (dmarDisabled(m) ? 'medium' : 'low'),
	// the same message's second line names the firmware to update
	follow: [
		{
			trigger: 'BIOS vendor: ',
			pattern: /^ *BIOS vendor: ([^;]*); Ver: ([^;]*); Product Version: (.*)$/,
			details: (m) => ({ bios_vendor: m[1], bios_version: m[2], product_version: m[3] }),
			within: 2,
			examples: ['BIOS vendor: Hewlett-Packard; Ver: F.13; Product Version: F.13']
		}
	],
	examples: [
		'Your BIOS is broken; DMAR reported at address 0!',
		'DMAR: [Firmware Bug]: Your BIOS is broken; DMAR reported at address fed90000 returns all ones!',
		'DMAR: [Firmware Bug]: Your BIOS is broken; bad RMRR [0x000000007b800000-0x000000007fffffff]',
		'DMAR: [Firmware Bug]: Your BIOS is broken; RHSA refers to non-existent DMAR unit at fed91000'
	],
	negatives: [
		'DMAR: DRHD base: 0x000000fed91000 flags: 0x1',
		'ACPI: DMAR 0x000000008A03C848 000070 (v01 INTEL  EDK2     00000002      01000013)',
		'[Firmware Bug]: TSC_DEADLINE disabled due to Errata; please update microcode to version: 0x3a (or later)'
	],
	explanation: {
		meaning:
			'The BIOS/UEFI describes the Intel IOMMU (VT-d, "DMA remapping") wrongly in its ACPI DMAR table. When it names an IOMMU unit at an impossible address (0, or one that reads all ones) or the table cannot be parsed, the kernel does not use VT-d at all: no DMA protection (Thunderbolt, Kernel DMA Protection), no PCI passthrough to virtual machines (VFIO) and no interrupt remapping. Other mistakes (a bad reserved-memory RMRR entry, an RHSA entry for a missing unit) are worked around and VT-d stays on. Harmless for most desktops and laptops that use none of these.',
		causes: [
			{
				kind: 'firmware',
				text: 'A BIOS bug: the DMAR table is left over from a board with VT-d, describes a unit the BIOS disabled, or was never tested with VT-d on.'
			},
			{
				kind: 'configuration',
				text: 'VT-d half-enabled in the BIOS setup (switched off there while the table is still published, or the reverse).'
			}
		],
		next_steps: [
			'Update the BIOS/UEFI (the version is in the details when the kernel printed it); vendors fix DMAR tables in later releases.',
			'If you need VT-d (VFIO passthrough, DMA protection), toggle "VT-d" / "Intel Virtualization Technology for Directed I/O" in the BIOS setup and check `dmesg | grep -e DMAR -e IOMMU` after a reboot; the kernel cannot repair the table, so `intel_iommu=on` does not help.',
			'If you do not need it, switch VT-d off in the BIOS setup or boot with `intel_iommu=off` so the kernel no longer reads the broken table; nothing else is lost.'
		],
		references: ['https://docs.kernel.org/arch/x86/iommu.html', ACPI_REFS[0]]
	}
};

/**
 * arch/x86/kernel/cpu/mtrr/generic.c generic_get_mtrr(): a variable-range MTRR whose mask is not
 * contiguous or has bits beyond the CPU's physical address width. 2.6 kernels print it with
 * WARN_ONCE (a `WARNING: at …/mtrr/generic.c` trace, a notice in crash/notices.ts), later ones with
 * pr_warn as `… configured an incorrect mask, fixing it.`
 */
export const mtrrBadMask: LineRule = {
	id: 'firmware.mtrr-bad-mask',
	category: 'firmware',
	severity: 'low',
	triggers: ['mtrr: your BIOS has '],
	pattern: /^mtrr: your BIOS has (?:set up|configured) an incorrect mask, fixing it/,
	title: () => 'The BIOS set up a memory range register (MTRR) wrongly; the kernel fixed it',
	examples: [
		'mtrr: your BIOS has set up an incorrect mask, fixing it up.',
		'mtrr: your BIOS has configured an incorrect mask, fixing it.'
	],
	negatives: [
		'mtrr: your CPUs had inconsistent variable MTRR settings',
		'MTRR default type: uncachable'
	],
	explanation: {
		meaning:
			'MTRRs (memory type range registers) tell the CPU how to cache each range of physical memory (RAM write-back, device memory uncached or write-combining). The BIOS programmed one of them with an invalid mask (not contiguous, or with bits beyond the CPU’s physical address width); the kernel corrected the mask in its copy and carried on. Nothing is lost: it is a firmware bug the kernel works around, printed once.',
		causes: [
			{
				kind: 'firmware',
				text: 'A BIOS that computes MTRR masks for a different physical address width than the CPU reports, or a BIOS bug in how it sets up the ranges.'
			}
		],
		next_steps: [
			'Nothing is needed for the machine to work: the kernel already fixed the mask.',
			'Update the BIOS/system ROM to a release that programs the MTRRs correctly; `cat /proc/mtrr` shows the ranges as the kernel now sees them.'
		],
		references: ['https://docs.kernel.org/arch/x86/mtrr.html']
	}
};

/**
 * drivers/iommu/intel/irq_remapping.c intel_irq_remapping_supported() (intel_irq_remapping.c
 * before 4.x): arch/x86/kernel/early-quirks.c intel_remapping_check() flags the Intel
 * 5500/5520/X58 I/O hubs (revision 0x13 or older, and revision 0x22 of 0x3405), which "have a
 * problem draining interrupts when irq remapping is enabled"; when the BIOS enabled interrupt
 * remapping on one, the kernel turns it off and taints itself (I). 3.10 printed the message with
 * WARN_TAINT (a `WARNING: at …` trace, a notice in crash/notices.ts), later kernels with pr_warn
 * (`DMAR-IR: This system BIOS …`), on five lines
 */
export const irqRemapErratum: LineRule = {
	id: 'firmware.irq-remapping-erratum',
	category: 'firmware',
	severity: 'low',
	triggers: ['This system BIOS has enabled interrupt remapping'],
	pattern: /^(?:DMAR-IR: )?This system BIOS has enabled interrupt remapping\s*$/,
	title: () =>
		'Interrupt remapping disabled: the chipset has an erratum the BIOS did not work around',
	examples: [
		'This system BIOS has enabled interrupt remapping',
		'DMAR-IR: This system BIOS has enabled interrupt remapping'
	],
	negatives: [
		'DMAR-IR: Enabled IRQ remapping in x2apic mode',
		'DMAR-IR: IRQ remapping was enabled on dmar0 but we are not in kdump mode'
	],
	explanation: {
		meaning:
			'The machine’s Intel 5500, 5520 or X58 I/O hub is of a stepping with an erratum: it may lose interrupts in flight when interrupt remapping is on. The BIOS switched interrupt remapping on anyway, so the kernel switched it off again to keep the machine stable, and marked itself tainted (I, firmware workaround). The machine works normally; without interrupt remapping the kernel cannot isolate the interrupts of devices passed through to virtual machines (VFIO), and may leave the CPUs out of x2APIC mode.',
		causes: [
			{
				kind: 'firmware',
				text: 'A BIOS that enables interrupt remapping (part of VT-d) on an early I/O hub stepping (revision 0x13 or older, or 0x22) without the erratum’s workaround.'
			}
		],
		next_steps: [
			'Nothing is needed for the machine to work: the kernel already turned interrupt remapping off.',
			'Update the BIOS; vendors released versions that leave interrupt remapping off on these chipsets. `lspci -s 00:00.0 -v` shows the I/O hub and its revision.',
			'For device passthrough with interrupt isolation, use a machine without the erratum; the kernel will not enable interrupt remapping on this one.'
		],
		references: [
			'https://docs.kernel.org/arch/x86/iommu.html',
			'https://docs.kernel.org/admin-guide/tainted-kernels.html'
		]
	}
};

/**
 * drivers/iommu: Intel DMAR and AMD-Vi DMA remapping faults. Kernels before 4.x print the DMAR
 * fault over two lines (`DMAR:[DMA Read] Request device [02:00.0] fault addr 9fe000 `, then
 * `DMAR:[fault reason 06] PTE Read access is not set`): the second line is a follow-up with the
 * reason.
 */
export const iommuFault: LineRule = {
	id: 'firmware.iommu-fault',
	category: 'firmware',
	severity: 'medium',
	triggers: ['] Request device [', 'Event logged ['],
	pattern:
		/^(?:(\S+) (\S+): )?(?:DMAR: ?\[(DMA Read|DMA Write|INTR-REMAP)[\w ]*\] Request device \[([0-9a-f:.]+)\] (?:PASID \w+ )?fault (?:addr|index) (?:0x)?([0-9a-f]+)(?: \[fault reason (?:0x)?([0-9a-f]+)\] ?(.*))?|(?:iommu \w+: )?AMD-Vi: Event logged \[(?!IOTLB_INV_TIMEOUT)(\w+)(?: device=([0-9a-f:.]+))?)/,
	title: (m) =>
		m[3]
			? `IOMMU fault (${m[3]}) from device ${m[4]}`
			: `IOMMU fault (${m[8]}) from device ${m[9] ?? m[2] ?? 'unknown'}`,
	details: (m) => ({
		device: m[4] ?? m[9] ?? m[2] ?? null,
		driver: m[1] ?? null,
		type: m[3] ?? m[8],
		address: m[5] ?? null,
		reason: m[7] || (m[6] ? `0x${m[6]}` : null)
	}),
	storm: { count: 50, severity: 'high' },
	examples: [
		'DMAR: [DMA Read NO_PASID] Request device [00:02.0] fault addr 0x7a00c000 [fault reason 0x06] PTE Read access is not set',
		'DMAR: [DMA Write] Request device [03:00.0] fault addr fffd0000 [fault reason 05] PTE Write access is not set',
		'amdgpu 0000:06:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000e address=0x0 flags=0x0020]',
		'AMD-Vi: Event logged [IO_PAGE_FAULT device=01:00.0 domain=0x000e address=0x0000000000000000 flags=0x0020]',
		// 3.x drivers/iommu/dmar.c dmar_fault_do_one() (written from the kernel's format string)
		'DMAR:[DMA Read] Request device [02:00.0] fault addr 9fe000 '
	],
	follow: [
		{
			trigger: 'DMAR:[fault reason ',
			pattern: /^DMAR:\[fault reason (\d+)\] ?(.*\S)?/,
			details: (m) => ({ reason: m[2] ?? `0x${m[1]}` }),
			within: 1,
			examples: ['DMAR:[fault reason 06] PTE Read access is not set']
		}
	],
	negatives: [
		'DMAR: DRHD base: 0x000000fed90000 flags: 0x0',
		'AMD-Vi: Interrupt remapping enabled',
		// a device that did not answer the IOMMU, not a blocked access: firmware.iommu-flush-timeout
		'iommu ivhd0: AMD-Vi: Event logged [IOTLB_INV_TIMEOUT device=0000:03:00.0 address=0x000000010a2b3c40]'
	],
	explanation: {
		meaning:
			'A device tried DMA (memory access) that the IOMMU had not allowed, and it was blocked. The device or its driver may misbehave (lost data, a hung GPU/NIC/disk controller).',
		causes: [
			{ kind: 'driver', text: 'A driver bug that uses an unmapped or already freed DMA address.' },
			{
				kind: 'firmware',
				text: 'BIOS tables (RMRR/IVRS) that do not describe memory a device uses.'
			},
			{ kind: 'hardware', text: 'A device doing stray DMA (faulty hardware or firmware).' }
		],
		next_steps: [
			'Identify the device: `lspci -s <address> -nnk` and update its driver/firmware and the BIOS.',
			'As a test, `iommu=pt` (passthrough) or disabling the IOMMU shows whether the problem is IOMMU-related (do not leave it off on systems using VFIO).'
		],
		references: ['https://docs.kernel.org/arch/x86/iommu.html']
	}
};

/**
 * drivers/iommu/amd/iommu.c wait_on_sem(): `pr_alert("Completion-Wait loop timed out\n")` under
 * pr_fmt `AMD-Vi: ` (and, since 5.x, the IOMMU's own `iommu ivhd0: ` device prefix): the IOMMU
 * did not finish the commands the kernel queued for it (invalidations of its caches). Written
 * from the kernel's format string: no corpus log has it.
 */
export const iommuTimeout: LineRule = {
	id: 'firmware.iommu-timeout',
	category: 'firmware',
	severity: 'high',
	triggers: ['Completion-Wait loop timed out'],
	pattern: /^(?:iommu (\S+): )?AMD-Vi: Completion-Wait loop timed out/,
	title: () => 'AMD IOMMU stopped answering (Completion-Wait loop timed out)',
	details: (m) => ({ iommu: m[1] ?? null }),
	storm: { count: 20, severity: 'critical' },
	examples: [
		'AMD-Vi: Completion-Wait loop timed out',
		'iommu ivhd0: AMD-Vi: Completion-Wait loop timed out'
	],
	negatives: ['AMD-Vi: Interrupt remapping enabled', 'AMD-Vi: Lazy IO/TLB flushing enabled'],
	explanation: {
		meaning:
			'The AMD IOMMU (the unit that checks the memory accesses of devices) did not complete the commands the kernel gave it, such as flushing its address caches, within the time allowed. Devices behind it can stop working (GPU, NVMe, network), and the machine often freezes or needs a hard reset soon after; the lines around it usually show `IOTLB_INV_TIMEOUT` events or devices timing out.',
		causes: [
			{
				kind: 'firmware',
				text: 'A BIOS/AGESA bug in the IOMMU set-up, common on some boards after a BIOS update or with IOMMU options changed.'
			},
			{
				kind: 'hardware',
				text: 'A device behind the IOMMU that no longer answers (a GPU or NVMe drive that fell off the bus), which stalls the invalidation waiting for it.'
			},
			{ kind: 'kernel', text: 'An IOMMU driver bug of this kernel version with this chipset.' }
		],
		next_steps: [
			'Update the BIOS (AGESA) of the board, and look at the lines just before this one for the device that stopped answering (`lspci -nnk` names it).',
			'As a test, boot with `iommu=pt` (devices of the host bypass translation) or, if no VM uses device passthrough, `amd_iommu=off`; if the freezes stop, report it with this log to the board vendor and to the kernel (iommu@lists.linux.dev).',
			'Try a newer kernel of your series: several IOMMU timeouts were fixed in later releases.'
		],
		references: [
			'https://docs.kernel.org/admin-guide/kernel-parameters.html',
			'https://docs.kernel.org/arch/x86/iommu.html'
		]
	}
};

/**
 * A device or IOMMU that did not complete a cache invalidation. drivers/iommu/amd/iommu.c
 * iommu_print_event(): `Event logged [IOTLB_INV_TIMEOUT device=%04x:%02x:%02x.%x address=0x%llx]`
 * (dev_err of the IOMMU, `iommu ivhd0: AMD-Vi: …`; before 5.x `AMD-Vi: Event logged
 * [IOTLB_INV_TIMEOUT device=03:00.0 address=0x…]`): a device with its own translation cache (ATS)
 * did not acknowledge an invalidation. drivers/iommu/intel/dmar.c qi_dump_fault() (6.x): `DMAR:
 * VT-d detected Invalidation Time-out Error: SID 300`, then `DMAR: QI HEAD: Device-TLB
 * Invalidation qw0 = 0x…, qw1 = 0x…` and `QI PRIOR: …`; qi_check_fault() then `DMAR: Invalidation
 * Time-out Error (ITE) cleared` (all that kernels before 5.17 print). The SID (source id) is the
 * PCI requester id, bus << 8 | device << 3 | function. Written from the format strings: no corpus
 * log has them.
 */
export const iommuInvalidationTimeout: LineRule = {
	id: 'firmware.iommu-flush-timeout',
	category: 'firmware',
	severity: 'high',
	triggers: ['IOTLB_INV_TIMEOUT', 'Invalidation Time-out Error'],
	pattern:
		/^(?:(?:\S+ \S+: )?AMD-Vi: Event logged \[IOTLB_INV_TIMEOUT device=([0-9a-f:.]+) address=(0x[0-9a-f]+)|DMAR: (?:VT-d detected Invalidation Time-out Error: SID ([0-9a-f]+)|(Invalidation Time-out Error \(ITE\) cleared)))/,
	title: (m) =>
		m[1]
			? `IOMMU invalidation timed out: device ${m[1]} did not answer (AMD-Vi)`
			: 'IOMMU invalidation timed out (Intel VT-d)',
	details: (m) => ({
		device: m[1] ?? sidDevice(m[3]),
		address: m[2] ?? null,
		sid: m[3] ? `0x${m[3]}` : null
	}),
	follow: [
		{
			trigger: 'QI HEAD: ',
			pattern: /^DMAR: QI HEAD: ([\w -]+?) qw0 = /,
			details: (m) => ({ descriptor: m[1] }),
			within: 2,
			examples: [
				'DMAR: QI HEAD: Device-TLB Invalidation qw0 = 0x300000000003, qw1 = 0x7ffffffffffff001'
			]
		},
		{
			// 6.x prints it after qi_dump_fault's lines: the same time-out, counted once
			trigger: 'Invalidation Time-out Error',
			pattern: /^DMAR: Invalidation Time-out Error \(ITE\) (cleared)/,
			details: () => ({ cleared: true }),
			within: 4,
			claims: true,
			examples: ['DMAR: Invalidation Time-out Error (ITE) cleared']
		}
	],
	storm: { count: 20, severity: 'critical' },
	examples: [
		'DMAR: VT-d detected Invalidation Time-out Error: SID 300',
		'iommu ivhd0: AMD-Vi: Event logged [IOTLB_INV_TIMEOUT device=0000:03:00.0 address=0x000000010a2b3c40]',
		'AMD-Vi: Event logged [IOTLB_INV_TIMEOUT device=03:00.0 address=0x00000000fde40000]',
		'DMAR: Invalidation Time-out Error (ITE) cleared'
	],
	negatives: [
		'DMAR: VT-d detected Invalidation Queue Error: Reason f',
		'AMD-Vi: Event logged [IO_PAGE_FAULT device=01:00.0 domain=0x000e address=0x0000000000000000 flags=0x0020]'
	],
	explanation: {
		meaning:
			'The IOMMU (the unit that translates and checks the memory accesses of devices) asked a device to drop addresses from its own translation cache, or tried to flush its own, and got no answer in time. Nothing was blocked: a device did not answer. Until the invalidation completes the kernel cannot safely reuse that memory; the device is usually hung or gone (a GPU or NVMe drive that stopped answering, a card that fell off the bus), and the machine may freeze soon after.',
		causes: [
			{
				kind: 'hardware',
				text: 'The device named (AMD: `device=`; Intel: the SID, bus:device.function) hung or dropped off the PCIe bus: look for its driver’s errors and PCIe AER or link-down lines before.'
			},
			{
				kind: 'firmware',
				text: 'A device firmware or BIOS problem with ATS (Address Translation Services), the device-side cache of a GPU, an accelerator or a virtual function.'
			},
			{ kind: 'driver', text: 'An IOMMU or device driver bug of this kernel version.' }
		],
		next_steps: [
			'Identify the device with `lspci -s <bus:device.function> -nnk` and read its driver’s messages just before this one.',
			'Update the BIOS, the device’s firmware and the kernel; as a test boot with `iommu=pt` (devices of the host bypass translation) and see whether the freezes stop.',
			'If it comes with PCIe errors or the device disappearing, reseat or test the card in another slot.'
		],
		references: [
			'https://docs.kernel.org/arch/x86/iommu.html',
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/iommu/intel/dmar.c'
		]
	}
};

/** a VT-d source id (`300`, hex: bus << 8 | device << 3 | function) as `03:00.0`; null for 0 */
function sidDevice(sid: string | undefined): string | null {
	const n = sid === undefined ? 0 : parseInt(sid, 16);
	if (!n || n > 0xffff) return null;
	const hex = (v: number) => v.toString(16).padStart(2, '0');
	return `${hex(n >> 8)}:${hex((n >> 3) & 0x1f)}.${n & 7}`;
}

/** a UEFI runtime service that faulted inside the firmware (arm64, x86): the runtime services are off */
const EFI_FAULT: Explanation = {
	meaning:
		'A UEFI runtime service (often GetTime for the EFI clock, or GetVariable) faulted inside the firmware. The kernel caught the fault, printed a `[Firmware Bug]` line and a warning, and turned the EFI runtime services off for the rest of this boot to stay up: EFI variables (boot entries, `efibootmgr`, fwupd firmware updates, the Secure Boot key lists) and the EFI clock are unavailable. A later `EFI Runtime Services are disabled!` is a call that was then refused.',
	causes: [
		{
			kind: 'firmware',
			text: 'A UEFI firmware bug: a runtime service touched memory the OS did not map for it (common on early firmware of new boards).'
		}
	],
	next_steps: [
		'Update the UEFI firmware (BIOS) of the board; report the fault to its vendor with this log.',
		'Until then, change boot entries from the firmware setup menu; `efibootmgr` and fwupd cannot work in this boot. `efi=noruntime` avoids the fault and the warning at every boot.'
	],
	references: ['https://docs.kernel.org/admin-guide/kernel-parameters.html']
};

/**
 * drivers/firmware/efi: `efi: EFI Runtime Services are disabled!` (at boot: `noefi`,
 * `efi=noruntime`, PREEMPT_RT kernels; or printed once, at the next call, after a fault) and the
 * fault itself: arch/x86/platform/efi/quirks.c `efi: Froze efi_rts_wq and disabled EFI Runtime
 * Services`, arch/arm64/kernel/efi.c efi_runtime_fixup_exception() `[Firmware Bug]: Unable to
 * handle paging request in EFI runtime service` (the message is arm64's fault kind: `paging
 * request`, `NULL pointer dereference`, `read from unreadable memory` …), which clears
 * EFI_RUNTIME_SERVICES itself. Before `firmware.firmware-bug`: real log orion-o6-dmesg-out.log
 * (Radxa Orion O6, BIOS 1.0, 6.12), where the `[Firmware Bug]` line had been a finding of its
 * own with the microcode advice of x86 besides this one; `disabled!` 65 lines later joins it.
 */
export const efiRuntimeDisabled: LineRule = {
	id: 'firmware.efi-runtime-disabled',
	category: 'firmware',
	severity: 'low',
	triggers: [
		'EFI Runtime Services are disabled',
		'disabled EFI Runtime Services',
		'in EFI runtime service'
	],
	pattern:
		/^(?:efi: )?(?:(EFI Runtime Services are disabled)|Froze efi_rts_wq and (disabled EFI Runtime Services))|^\[Firmware Bug\]: Unable to handle ([\w -]+) in EFI runtime service/,
	title: (m) =>
		m[2] || m[3]
			? 'EFI firmware faulted: runtime services disabled'
			: 'EFI runtime services disabled',
	details: (m) => ({
		reason: m[2] || m[3] ? 'firmware fault' : 'disabled at boot',
		...(m[3] ? { fault: m[3] } : {})
	}),
	severityOf: (m) => (m[2] || m[3] ? 'medium' : 'low'),
	explanationOf: (m) => (m[2] || m[3] ? EFI_FAULT : undefined),
	// the runtime services' next call after the fault is refused once (pr_warn_once): that line
	// belongs to the fault's finding
	follow: [
		{
			trigger: 'EFI Runtime Services are disabled',
			pattern: /^(?:efi: )?EFI Runtime Services are disabled/,
			details: () => ({ later_call_refused: true }),
			within: 20000,
			claims: true,
			anywhere: true,
			examples: ['efi: EFI Runtime Services are disabled!']
		}
	],
	examples: [
		// orion-o6-dmesg-out.log line 495
		'[Firmware Bug]: Unable to handle paging request in EFI runtime service',
		'efi: Froze efi_rts_wq and disabled EFI Runtime Services',
		'efi: EFI Runtime Services are disabled!'
	],
	negatives: [
		'efi: EFI v2.70 by American Megatrends',
		'[Firmware Bug]: TSC_DEADLINE disabled due to Errata; please update microcode to version: 0x3a (or later)'
	],
	explanation: {
		meaning:
			'The kernel is not using the UEFI firmware’s runtime services for the rest of this boot: EFI variables (boot entries, `efibootmgr`, firmware updates through fwupd) and, on some machines, the EFI clock are unavailable. A boot option or the kernel build turned them off (a firmware fault that did it is a finding of its own, which this line then joins).',
		causes: [
			{
				kind: 'configuration',
				text: 'The kernel command line (`noefi`, `efi=noruntime`) or a PREEMPT_RT kernel, which disables them by default.'
			},
			{
				kind: 'firmware',
				text: 'A UEFI firmware fault earlier in the boot whose own line is not in this log (a log that starts later, or a kernel that does not print it).'
			}
		],
		next_steps: [
			'If the kernel command line (`cat /proc/cmdline`) does not disable them on purpose, look for a `[Firmware Bug]` line or a WARNING about an EFI runtime service earlier in the boot and update the UEFI firmware.',
			'Until then, change boot entries from the firmware setup menu; `efibootmgr` and fwupd cannot work in this boot.'
		],
		references: ['https://docs.kernel.org/admin-guide/kernel-parameters.html']
	}
};

/**
 * drivers/crypto/ccp/ccp-dev-v5.c ccp5_init(): `ccp 0000:0d:00.1: ccp: unable to access the
 * device: you might be running a broken BIOS.` (dev_notice) — the CCP's queue mask register reads
 * all ones, so the driver gives up the crypto engine "but not the load, as the PSP could get
 * properly initialized" (`psp enabled`, `tee enabled` after it). Common on Ryzen desktop boards
 * (real logs: PRIME X470-PRO, PRIME B550-PLUS, a Ryzen 7 5700U mini PC).
 */
export const amdCcpInaccessible: LineRule = {
	id: 'firmware.amd-ccp-unavailable',
	category: 'firmware',
	severity: 'info',
	routine: true,
	triggers: ['ccp: unable to access the device'],
	pattern: /^ccp (\S+): ccp: unable to access the device: you might be running a broken BIOS/,
	title: () => 'AMD crypto co-processor (CCP) not made available by the BIOS: harmless',
	details: (m) => ({ device: m[1] }),
	collect: { device: 'devices' },
	follow: [
		{
			trigger: 'psp enabled',
			pattern: /^ccp (?<device>\S+): psp enabled$/,
			details: () => ({ enabled: ['psp'] }),
			within: 10,
			examples: ['ccp 0000:0d:00.1: psp enabled']
		},
		{
			trigger: 'tee enabled',
			pattern: /^ccp (?<device>\S+): tee enabled$/,
			details: () => ({ enabled: ['tee'] }),
			within: 10,
			examples: ['ccp 0000:05:00.2: tee enabled']
		}
	],
	examples: [
		// amdgpu-crash-crash1-txt.log, proxmox-amd-5700u-gpu-pa-dmesg-txt.log, zictes-log-*.log
		'ccp 0000:0d:00.1: ccp: unable to access the device: you might be running a broken BIOS.',
		'ccp 0000:05:00.2: ccp: unable to access the device: you might be running a broken BIOS.'
	],
	negatives: ['ccp 0000:0c:00.1: ccp enabled', 'ccp 0000:0d:00.1: psp enabled'],
	explanation: {
		meaning:
			'On AMD Ryzen and EPYC processors one PCI function holds two devices driven by the ccp driver: the Cryptographic Co-Processor (CCP), an engine that can take AES, SHA and RSA work and random numbers off the CPU, and the interface to the Platform Security Processor (PSP). The CCP’s registers read as all ones: the BIOS has not given the operating system access to it. The driver leaves the CCP unused and goes on with the PSP, which starts when `psp enabled` or `tee enabled` follows (listed under `enabled`). Nothing usual depends on the CCP: the kernel’s encryption runs on the CPU’s own AES and SHA instructions, which are faster for disks and network traffic, and the firmware TPM (fTPM) is reached through the TPM driver, not this one. The message is common on Ryzen desktop boards; “broken BIOS” is the driver’s wording for this setting.',
		causes: [
			{
				kind: 'firmware',
				text: 'The board’s BIOS keeps the CCP for the firmware or does not enable it for the operating system (many consumer boards).'
			}
		],
		next_steps: [
			'Nothing to do: no feature you are likely to use is missing.',
			'Only if you need the CCP itself (crypto offload with `ccp-crypto`, its random number source): update the BIOS; `dmesg | grep ccp` shows which parts of the device started.'
		],
		references: [
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/crypto/ccp/ccp-dev-v5.c'
		]
	}
};
