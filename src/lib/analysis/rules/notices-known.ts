import type { LineRule } from './types.ts';

/**
 * Routine lines that another rule would report (a missing firmware file, `[Firmware Bug]`, a DRM
 * driver's `*ERROR*`, an `ACPI BIOS Error`) and that people ask about most often: the optional
 * regulatory.db, Intel Wi-Fi trying firmware versions that are not installed, `BIOS _OSI(Linux)
 * query ignored`, nvidia's `Failed to grab modeset ownership`. They had been dropped silently
 * (rules/benign.ts), and users took the silence for a line the report missed. Each is now a
 * routine info finding (LineRule.routine) that says why it is harmless and when it would
 * matter: one finding per driver or kind, one occurrence per boot (`perBoot`: a driver that
 * tries eight files is one event of its boot). Listed first in index.ts, so that the rule that
 * used to match the line (firmware.load-failed, firmware.firmware-bug, gpu.drm-driver-error,
 * firmware.acpi-bios-error) never sees it: no finding twice, and the real failures those rules
 * report (iwlwifi's `no suitable firmware found!`, a missing generic brcmfmac NVRAM file) keep
 * their severity. Only a missing file (-2) is routine: another error is still firmware.load-failed.
 */

const KERNEL_SOURCE = 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/';

/**
 * The firmware loader's line for a missing file (-2) named by `file` (a regular expression
 * source), in both of its forms: upstream's `Direct firmware load for X failed with error -2`
 * and the `firmware: failed to load X (-2)` that Debian's kernels print besides it
 * (dfir-sample-files-syslog-1.log, Debian 6.6). The file is group `file`.
 */
const missing = (file: string): string =>
	`(?:Direct firmware load for (?<file>${file}) failed with error -2(?!\\d)|firmware: failed to load (?<debfile>${file}) \\(-2\\))`;
const FIRMWARE_TRIGGERS = ['Direct firmware load for', 'firmware: failed to load'];
const fileOf = (m: RegExpExecArray): string =>
	m.groups?.file ?? m.groups?.debfile ?? m.groups?.oldfile ?? '';

/**
 * net/wireless/reg.c load_builtin_regdb_keys()/query_regdb_file(): cfg80211 asks for the
 * wireless regulatory database (and its signature, regulatory.db.p7s) with request_firmware, and
 * says `failed to load regulatory.db` when it is missing. Corpus: 3 logs (a Raspberry Pi on
 * Raspberry Pi OS 15 boots, a Proxmox host).
 */
export const regulatoryDbMissing: LineRule = {
	id: 'network.regulatory-db-missing',
	category: 'network',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: [...FIRMWARE_TRIGGERS, 'failed to load regulatory.db'],
	pattern: new RegExp(
		`^(?:platform regulatory\\.0: )?${missing('regulatory\\.db(?:\\.p7s)?')}|^cfg80211: failed to load regulatory\\.db`
	),
	title: () => 'Wireless regulatory database (regulatory.db) not found: built-in rules used',
	details: (m) => ({ file: fileOf(m) || 'regulatory.db' }),
	collect: { file: 'files' },
	examples: [
		// izassafar-one kern.log (Raspberry Pi OS), and cfg80211's own line after it
		'platform regulatory.0: Direct firmware load for regulatory.db failed with error -2',
		'cfg80211: failed to load regulatory.db',
		'platform regulatory.0: firmware: failed to load regulatory.db.p7s (-2)'
	],
	negatives: [
		'cfg80211: Loading compiled-in X.509 certificates for regulatory database',
		'platform regulatory.0: Direct firmware load for regulatory.db failed with error -13'
	],
	explanation: {
		meaning:
			'The Wi-Fi subsystem (cfg80211) looks for the wireless regulatory database, the file that lists which radio channels and transmit powers each country allows, and did not find it. Nothing failed: without the file, Wi-Fi works with the rules built into the kernel, which allow a conservative worldwide set of channels. The line is common: the package that ships the file (wireless-regdb) is often not installed, or cfg80211 is loaded from the initramfs, before the disk with /lib/firmware is mounted, and the file is not in the initramfs.',
		causes: [
			{
				kind: 'configuration',
				text: 'The wireless-regdb package is not installed, or the file is not in the initramfs that loads cfg80211 at boot.'
			}
		],
		next_steps: [
			'Nothing is needed if Wi-Fi works (or the machine has no Wi-Fi: a server or a virtual machine loads cfg80211 all the same).',
			'It matters only if you need your country’s full set of channels (some 5 GHz channels, higher transmit power, a Wi-Fi access point on this machine): install wireless-regdb (Debian/Ubuntu `wireless-regdb`, Fedora `wireless-regdb`, Arch `wireless-regdb`), and set the country with `iw reg set XX` or your distribution’s setting; `iw reg get` shows the rules in use.'
		],
		references: [
			'https://wireless.docs.kernel.org/en/latest/en/developers/regulatory/wireless-regdb.html',
			`${KERNEL_SOURCE}net/wireless/reg.c`
		]
	}
};

/**
 * drivers/net/wireless/intel/iwlwifi/iwl-drv.c iwl_request_firmware(): the driver asks for the
 * newest firmware API version it supports (`iwlwifi-<chip>-<N>.ucode`) and walks down to the
 * oldest until one loads; the loader prints a line for each that is missing. The PNVM file
 * (`.pnvm`, per-platform tuning) is optional too. A real failure ends in `no suitable firmware
 * found!` (firmware.load-failed). Corpus: 2 logs (8 versions tried in one). Before the firmware
 * loader printed `Direct firmware load` (3.14), the driver said so itself for each version:
 * `request for firmware file '…' failed.` (iwl-agn.c iwl_ucode_callback() in 2.6.30-3.3, under
 * the driver names iwlagn, iwl3945 and iwl4965; iwl-drv.c in 3.4-3.13 as iwlwifi).
 */
const IWL_DRIVER = '(?:iwlwifi|iwlagn|iwl3945|iwl4965)';
export const iwlwifiVersionProbe: LineRule = {
	id: 'network.iwlwifi-firmware-probe',
	category: 'network',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: [...FIRMWARE_TRIGGERS, 'request for firmware file'],
	pattern: new RegExp(
		`^iwlwifi (\\S+): ${missing('iwlwifi-[\\w-]+\\.(?:ucode|pnvm)')}|^(${IWL_DRIVER}) (\\S+): request for firmware file '(?<oldfile>iwlwifi-[\\w-]+\\.ucode)' failed`
	),
	title: (m) =>
		`Intel Wi-Fi (${m[4] ?? 'iwlwifi'}) looked for firmware versions that are not installed`,
	details: (m) => ({ driver: m[4] ?? 'iwlwifi', device: m[1] ?? m[5], file: fileOf(m) }),
	collect: { file: 'files' },
	// versions tried in vain before `no suitable firmware found!` are that failure's, not routine
	// (intel-audio-dmesg-log.log: 34 lines before it)
	expects: {
		trigger: 'no suitable firmware found',
		pattern: new RegExp(`^${IWL_DRIVER} (?<device>\\S+): no suitable firmware found`),
		within: 200,
		withinSeconds: 30,
		examples: ['iwlwifi 0000:00:14.3: no suitable firmware found!']
	},
	examples: [
		// intel-audio-sof-dyndbg-conf log (an Intel laptop, 5.x): -72 down to -59 before one loads
		'iwlwifi 0000:00:14.3: Direct firmware load for iwlwifi-QuZ-a0-hr-b0-72.ucode failed with error -2',
		'iwlwifi 0000:00:14.3: Direct firmware load for iwlwifi-so-a0-gf-a0.pnvm failed with error -2',
		// iwl_ucode_callback(), 2.6.30-3.3: a 6000-series card's -6 and -5 before -4 loads
		"iwlagn 0000:03:00.0: request for firmware file 'iwlwifi-6000-6.ucode' failed.",
		"iwl4965 0000:03:00.0: request for firmware file 'iwlwifi-4965-2.ucode' failed."
	],
	negatives: [
		'iwlwifi 0000:00:14.3: no suitable firmware found!',
		'iwlwifi 0000:00:14.3: Direct firmware load for iwlwifi-QuZ-a0-hr-b0-72.ucode failed with error -22'
	],
	explanation: {
		meaning:
			'The Intel Wi-Fi driver supports several versions of its card’s firmware and asks for the newest first, then the next older one, until it finds one that is installed; each version that is not installed prints one of these lines. It is the normal way the driver finds its firmware, and a kernel newer than the installed firmware package prints several. The PNVM file is optional platform tuning data. A line saying which firmware version was loaded follows.',
		causes: [
			{
				kind: 'configuration',
				text: 'The installed linux-firmware package has older firmware versions than the newest this kernel supports.'
			}
		],
		next_steps: [
			'Nothing is needed if Wi-Fi works: `iwlwifi … loaded firmware version …` names the version in use.',
			'It matters only if the log also says `no suitable firmware found!` (then no version was installed and Wi-Fi does not work: that is reported as a finding of its own) or Wi-Fi misbehaves: then update linux-firmware (Debian: firmware-iwlwifi) to get a newer version.'
		],
		references: [
			'https://wireless.docs.kernel.org/en/latest/en/users/drivers/iwlwifi.html',
			`${KERNEL_SOURCE}drivers/net/wireless/intel/iwlwifi/iwl-drv.c`
		]
	}
};

/**
 * drivers/net/wireless/ath/ath10k/core.c ath10k_fetch_cal_file() (ath11k alike): the driver asks
 * for per-board calibration files (`pre-cal-…bin`, `cal-…bin`) before it uses the calibration
 * stored on the card or in the board data file.
 */
export const athCalibrationProbe: LineRule = {
	id: 'network.ath-calibration-probe',
	category: 'network',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: FIRMWARE_TRIGGERS,
	pattern: new RegExp(
		`^(ath1[01]k)_\\w+ (\\S+): ${missing('ath1[01]k/(?:pre-cal|cal)-[\\w:.-]+\\.bin')}`
	),
	title: (m) => `Qualcomm Wi-Fi (${m[1]}) looked for optional calibration files`,
	details: (m) => ({ driver: m[1], device: m[2], file: fileOf(m) }),
	collect: { file: 'files' },
	examples: [
		'ath10k_pci 0000:02:00.0: Direct firmware load for ath10k/pre-cal-pci-0000:02:00.0.bin failed with error -2',
		'ath10k_pci 0000:02:00.0: Direct firmware load for ath10k/cal-pci-0000:02:00.0.bin failed with error -2'
	],
	negatives: [
		'ath10k_pci 0000:02:00.0: Direct firmware load for ath10k/QCA6174/hw3.0/firmware-6.bin failed with error -2'
	],
	explanation: {
		meaning:
			'The Qualcomm Atheros Wi-Fi driver (ath10k or ath11k) first looks for calibration files made for one particular board (`pre-cal-…` and `cal-…`, used on some routers and embedded boards), and when there are none it uses the calibration stored on the card or in its board data file, as on every ordinary PC. The missing files are optional.',
		causes: [
			{
				kind: 'driver',
				text: 'The driver always looks for the per-board files first; ordinary cards have none.'
			}
		],
		next_steps: [
			'Nothing is needed if Wi-Fi works.',
			'It matters only if the driver then fails to start the card (`ath10k … failed to …`, `could not fetch firmware`), reported as findings of their own: then update linux-firmware (the `ath10k/` and `ath11k/` directories).'
		],
		references: [`${KERNEL_SOURCE}drivers/net/wireless/ath/ath10k/core.c`]
	}
};

/**
 * drivers/net/wireless/broadcom/brcm80211/brcmfmac/firmware.c: brcmfmac first asks for the NVRAM
 * file of the board (`brcmfmac43455-sdio.raspberrypi,3-model-b-plus.txt`, from the device tree's
 * compatible string or DMI), then for the chip's generic one; the generic one missing too is
 * firmware.brcmfmac-nvram-missing. Corpus: 2 logs (a Raspberry Pi 3 B+, 25 boots).
 */
export const brcmfmacBoardNvramProbe: LineRule = {
	id: 'network.brcmfmac-board-nvram-probe',
	category: 'network',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: FIRMWARE_TRIGGERS,
	pattern: new RegExp(`^brcmfmac (\\S+): ${missing('brcm/brcmfmac[\\w-]+\\.[^.\\s,]+,\\S+')}`),
	title: () => 'Broadcom Wi-Fi (brcmfmac) looked for a board-specific NVRAM file first',
	details: (m) => ({ driver: 'brcmfmac', device: m[1], file: fileOf(m) }),
	collect: { file: 'files' },
	// the generic file missing too is firmware.brcmfmac-nvram-missing's event, not routine
	expects: {
		trigger: 'brcm/brcmfmac',
		pattern:
			/^brcmfmac (?<device>\S+): (?:Direct firmware load for|firmware: failed to load) brcm\/brcmfmac\w+-sdio\.txt\b/,
		within: 20,
		withinSeconds: 30,
		examples: [
			'brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43455-sdio.txt failed with error -2'
		]
	},
	examples: [
		// izassafar-one kern.log (Raspberry Pi 3 B+, Raspberry Pi OS)
		'brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43455-sdio.raspberrypi,3-model-b-plus.txt failed with error -2',
		'brcmfmac mmc1:0001:1: firmware: failed to load brcm/brcmfmac43455-sdio.raspberrypi,4-model-b.bin (-2)'
	],
	negatives: [
		'brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43455-sdio.txt failed with error -2'
	],
	explanation: {
		meaning:
			'The Broadcom Wi-Fi driver first looks for a file of radio settings (NVRAM) made for this particular board, named after the board (here a Raspberry Pi model), and then for the chip’s generic file, which is what most systems use. The board-specific file is optional: when the generic one loads, Wi-Fi works.',
		causes: [
			{
				kind: 'driver',
				text: 'The driver always looks for a board-specific file first; most distributions ship only the generic one (or a link to it under the board’s name).'
			}
		],
		next_steps: [
			'Nothing is needed if Wi-Fi works (`brcmf_c_preinit_dcmds: Firmware: …` or `Firmware version = …` follows when the chip started).',
			'It matters only if the generic file is missing too (reported as a finding of its own, `Wi-Fi board file (NVRAM) … missing`): then install the firmware package for the board (Raspberry Pi OS: firmware-brcm80211) or link the generic file to the board’s name in /lib/firmware/brcm/.'
		],
		references: [`${KERNEL_SOURCE}drivers/net/wireless/broadcom/brcm80211/brcmfmac/firmware.c`]
	}
};

/**
 * drivers/input/touchscreen/atmel_mxt_ts.c mxt_initialize(): the driver asks for the optional
 * maxtouch.cfg; mxt_configure_objects() writes it into the controller only when it exists.
 * Corpus: 1 log (an Acer Iconia A500 tablet on grate's mainline kernel).
 */
export const maxtouchConfigAbsent: LineRule = {
	id: 'hardware.maxtouch-config-absent',
	category: 'hardware',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: FIRMWARE_TRIGGERS,
	pattern: new RegExp(`^atmel_mxt_ts (\\S+): ${missing('maxtouch\\.cfg')}`),
	title: () => 'Touchscreen controller (Atmel maXTouch) keeps its stored configuration',
	details: (m) => ({ driver: 'atmel_mxt_ts', device: m[1] }),
	examples: ['atmel_mxt_ts 1-004d: Direct firmware load for maxtouch.cfg failed with error -2'],
	negatives: ['atmel_mxt_ts 1-004d: Direct firmware load for maxtouch.fw failed with error -2'],
	explanation: {
		meaning:
			'The Atmel maXTouch touchscreen driver looks for an optional configuration file (maxtouch.cfg) to write into the touch controller. Without it the controller keeps the configuration stored in it, as set by the device’s maker, and the touchscreen works as before.',
		causes: [
			{
				kind: 'driver',
				text: 'The driver always asks for the file; it is only installed to change the controller’s settings.'
			}
		],
		next_steps: [
			'Nothing is needed if the touchscreen works.',
			'It matters only if touches are missed or misplaced: then the controller’s stored configuration may be wrong, and the device maker’s maxtouch.cfg (in /lib/firmware) can replace it.'
		],
		references: [`${KERNEL_SOURCE}drivers/input/touchscreen/atmel_mxt_ts.c`]
	}
};

/**
 * drivers/acpi/osi.c acpi_osi_handler(): firmware that asks `_OSI("Linux")` is answered "no" (since
 * 2.6.23) and told so with this line (`ACPI: [Firmware Bug]:` since 4.x, `[Firmware Bug]: ACPI:`
 * before). Corpus: 14 logs, the most common `[Firmware Bug]` line.
 */
export const biosOsiLinux: LineRule = {
	id: 'firmware.bios-osi-linux',
	category: 'firmware',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['[Firmware Bug]'],
	pattern: /^(?:ACPI: )?\[Firmware Bug\]: (?:ACPI: )?BIOS _OSI\(Linux\) query ignored/,
	title: () => 'Firmware asked whether it runs on Linux; the kernel answered no (routine)',
	examples: [
		'ACPI: [Firmware Bug]: BIOS _OSI(Linux) query ignored',
		'[Firmware Bug]: ACPI: BIOS _OSI(Linux) query ignored'
	],
	negatives: ['ACPI: Added _OSI(Linux-Dell-Video)'],
	explanation: {
		meaning:
			'The PC’s firmware (its ACPI tables) asked the operating system whether it is “Linux”. The kernel deliberately answers no, because firmware that changes its behaviour for Linux is rarely tested that way, and prints this line. The firmware then behaves as it does with Windows, the way it was tested. The words “Firmware Bug” only mean that the firmware asked a question it should not; nothing is broken.',
		causes: [
			{
				kind: 'firmware',
				text: 'Many PC vendors’ firmware asks for “Linux” (often a leftover of a reference BIOS).'
			}
		],
		next_steps: [
			'Nothing to do: most laptops and many desktops print this line at every boot.',
			'Only on advice for a specific model (a forum or the vendor) try the boot option `acpi_osi=Linux`, which answers yes instead, if some device (backlight, hotkeys) does not work.'
		],
		references: [
			'https://docs.kernel.org/firmware-guide/acpi/osi.html',
			`${KERNEL_SOURCE}drivers/acpi/osi.c`
		]
	}
};

/**
 * drivers/acpi/acpi_video.c (video.c before 4.x) acpi_video_device_enumerate()/acpi_video_bus_add():
 * pr_info when the video bus has _DOD (the list of outputs) but no _DOS (who switches them).
 * Corpus: 3 logs.
 */
export const acpiVideoDodWithoutDos: LineRule = {
	id: 'firmware.acpi-video-dod-without-dos',
	category: 'firmware',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['[Firmware Bug]'],
	pattern: /^(?:ACPI: video: )?\[Firmware Bug\]: ACPI\((\w+)\) defines _DOD but not _DOS/,
	title: () => 'ACPI video: the firmware lists the display outputs without _DOS (harmless)',
	details: (m) => ({ device: m[1] }),
	examples: [
		'ACPI: video: [Firmware Bug]: ACPI(GFX0) defines _DOD but not _DOS',
		// ideapad320-15ikb genkernel dmesg (the NVIDIA GPU's video bus)
		'ACPI: video: [Firmware Bug]: ACPI(PXSX) defines _DOD but not _DOS'
	],
	negatives: ['ACPI: video: Video Device [GFX0] (multi-head: yes  rom: no  post: no)'],
	explanation: {
		meaning:
			'The firmware describes the graphics controller’s display outputs (its ACPI `_DOD` method) without the method that says whether the firmware or the operating system switches between them (`_DOS`). The ACPI video driver notes it and works without it: brightness keys and display switching are handled as usual. Common on laptops, often for the second GPU.',
		causes: [
			{
				kind: 'firmware',
				text: 'The vendor’s ACPI tables leave out `_DOS`, which Windows does not need either.'
			}
		],
		next_steps: [
			'Nothing to do: the driver works without `_DOS`.',
			'It matters only if the brightness keys or switching to an external display do not work; then look for a BIOS update, or try `acpi_backlight=vendor` or `acpi_backlight=native`.'
		],
		references: [`${KERNEL_SOURCE}drivers/acpi/acpi_video.c`]
	}
};

/**
 * drivers/acpi/acpi_video.c (video.c before 4.x) acpi_video_init_brightness(): the output has
 * _BCL/_BCM (levels, set a level) but no _BQC (read the level), printed once per output device.
 * Corpus: jetway-port-dmesg-log.log (a Jetway board on 3.10: five times, no panel).
 */
export const acpiVideoNoBqc: LineRule = {
	id: 'firmware.acpi-video-no-bqc',
	category: 'firmware',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['[Firmware Bug]'],
	pattern:
		/^(?:ACPI: video: )?\[Firmware Bug\]: (?:ACPI: )?No _BQC method, cannot determine initial brightness/,
	title: () => 'ACPI video: the backlight level cannot be read back (no _BQC): harmless',
	examples: [
		'[Firmware Bug]: ACPI: No _BQC method, cannot determine initial brightness',
		'ACPI: video: [Firmware Bug]: No _BQC method, cannot determine initial brightness'
	],
	negatives: ['ACPI: video: Video Device [VGA] (multi-head: yes  rom: no  post: no)'],
	explanation: {
		meaning:
			'The firmware lets the ACPI video driver set the backlight level (`_BCM`) but not read it back (`_BQC`), so the driver cannot learn the level the firmware left and sets one itself. Brightness control works; on a desktop board without a built-in panel the outputs are not even used. The line is printed once per display output.',
		causes: [
			{
				kind: 'firmware',
				text: 'The vendor’s ACPI tables leave out the optional `_BQC` method.'
			}
		],
		next_steps: [
			'Nothing to do: the driver sets a level itself.',
			'It matters only if the screen’s brightness cannot be changed: then try `acpi_backlight=vendor` or `acpi_backlight=native` on the kernel command line.'
		],
		references: [`${KERNEL_SOURCE}drivers/acpi/acpi_video.c`]
	}
};

/**
 * drivers/gpu/drm/vmwgfx/vmwgfx_msg.c vmw_host_log(): the driver's messages to the hypervisor's
 * log over VMware's guest RPC channel (logging-kern-log-1.log, VirtualBox: six lines a boot).
 */
export const vmwgfxHostLog: LineRule = {
	id: 'gpu.vmwgfx-host-log',
	category: 'gpu',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['*ERROR* '],
	pattern: /^\[drm:vmw_host_log \[vmwgfx\]\] \*ERROR\* Failed to send log/,
	title: () => 'vmwgfx could not copy its messages to the hypervisor’s log (harmless)',
	examples: ['[drm:vmw_host_log [vmwgfx]] *ERROR* Failed to send log'],
	negatives: ['[drm:vmw_host_log [vmwgfx]] *ERROR* Failed to open channel'],
	explanation: {
		meaning:
			'The VMware virtual graphics driver (vmwgfx) copies some of its messages to the hypervisor’s own log over VMware’s guest RPC channel. VirtualBox’s VMSVGA adapter (and other hosts that emulate VMware’s graphics) do not offer that channel, so the copy fails and the driver says so. The display driver itself works; only the copy in the host’s log is missing.',
		causes: [
			{
				kind: 'environment',
				text: 'A virtual machine with VMware-compatible graphics on a host that is not VMware (VirtualBox’s VMSVGA).'
			}
		],
		next_steps: [
			'Nothing to do if the display works.',
			'It matters only if the virtual display does not (no resizing, a black screen): then check the VM’s graphics setting (VirtualBox: VMSVGA for Linux guests) and the guest additions.'
		],
		references: [`${KERNEL_SOURCE}drivers/gpu/drm/vmwgfx/vmwgfx_msg.c`]
	}
};

/**
 * nvidia-drm's nv_drm_master_set(): a second DRM master (a display manager handing over to the
 * session's display server) asked for modesetting while another held it (venroot-logs-dmesg-log.log,
 * 25 s into a Pop!_OS boot).
 */
export const nvidiaModesetOwnership: LineRule = {
	id: 'gpu.nvidia-modeset-ownership',
	category: 'gpu',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['*ERROR* '],
	pattern:
		/^\[drm:nv_drm_master_set \[nvidia_drm\]\] \*ERROR\* \[nvidia-drm\] \[GPU ID (0x[0-9a-f]+)\] Failed to grab modeset ownership/,
	title: () => 'NVIDIA: a display server was refused the screen while another held it (routine)',
	details: (m) => ({ gpu: m[1] }),
	examples: [
		'[drm:nv_drm_master_set [nvidia_drm]] *ERROR* [nvidia-drm] [GPU ID 0x00000100] Failed to grab modeset ownership'
	],
	negatives: [
		'[drm:nv_drm_master_set [nvidia_drm]] *ERROR* [nvidia-drm] [GPU ID 0x00000100] Failed to allocate NvKmsKapiDevice'
	],
	explanation: {
		meaning:
			'With `nvidia-drm.modeset=1`, the NVIDIA driver lets one program at a time set display modes. When the login screen hands the display to the session, or a second display server starts, the newcomer can be refused once while the first one still holds it; it gets the display a moment later. The display works.',
		causes: [
			{
				kind: 'userspace',
				text: 'Two display servers (the display manager’s and the session’s) overlapping for a moment at login or at a switch of virtual terminal.'
			}
		],
		next_steps: [
			'Nothing to do if the desktop appeared.',
			'It matters only if the screen stays black after login or after switching terminals: then look at the display manager’s and the session’s logs (`journalctl -b -u display-manager`, `~/.local/share/xorg/Xorg.0.log`) and at the NVIDIA driver’s version.'
		],
		references: ['https://download.nvidia.com/XFree86/Linux-x86_64/latest/README/kms.html']
	}
};

/**
 * A well-known bug of many laptops' _OSC method, hit while the kernel negotiates capabilities
 * (`ACPI BIOS Error (bug): AE_AML_BUFFER_LIMIT, Field [CAP1] …` then `ACPI Error: Method
 * parse/execution failed \_SB._OSC, AE_AML_BUFFER_LIMIT`): one event, before
 * firmware.acpi-bios-error.
 */
export const acpiOscBufferLimit: LineRule = {
	id: 'firmware.acpi-osc-buffer-limit',
	category: 'firmware',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['ACPI BIOS Error', 'Method parse/execution failed'],
	pattern:
		/^ACPI (?:BIOS )?Error(?: \(bug\))?: (?:AE_AML_BUFFER_LIMIT, Field \[CAP1\] at bit offset\/length \d+\/\d+ exceeds size of target Buffer|Method parse\/execution failed \\_SB\._OSC, AE_AML_BUFFER_LIMIT)/,
	title: () => 'Known firmware bug in _OSC (AE_AML_BUFFER_LIMIT): the kernel carries on',
	examples: [
		'ACPI BIOS Error (bug): AE_AML_BUFFER_LIMIT, Field [CAP1] at bit offset/length 64/32 exceeds size of target Buffer (64 bits) (20170728/dsopcode-235)',
		'ACPI Error: Method parse/execution failed \\_SB._OSC, AE_AML_BUFFER_LIMIT (20170728/psparse-550)'
	],
	negatives: [
		'ACPI BIOS Error (bug): Could not resolve [\\_SB.PCI0.LPCB.HEC.ECAV], AE_NOT_FOUND (20170728/psargs-364)'
	],
	explanation: {
		meaning:
			'At boot the kernel and the firmware agree on which capabilities the operating system supports, by calling the firmware’s ACPI `_OSC` method. A bug common to many laptops’ firmware makes that method write past the end of its own buffer, and the ACPI interpreter stops it with this error. The kernel then carries on with the defaults it would use without `_OSC`; nothing else is affected.',
		causes: [
			{
				kind: 'firmware',
				text: 'A bug in the vendor’s ACPI tables (the `_OSC` method’s buffer is too short for the capabilities the kernel passes).'
			}
		],
		next_steps: [
			'Nothing to do: the kernel carries on with its defaults.',
			'A BIOS/UEFI update from the vendor may fix it; it matters only if a device that depends on the negotiation (CPU power states, PCIe hotplug) misbehaves.'
		],
		references: ['https://docs.kernel.org/firmware-guide/acpi/osi.html']
	}
};

/**
 * drivers/nvme/host/core.c nvme_init_identify(): a drive whose RTD3 entry latency is longer than the default shutdown timeout (5 s) gets a longer one, and
 * the driver says so (dev_info). Corpus: 7 logs, `8 seconds` in six of them.
 */
export const nvmeShutdownTimeout: LineRule = {
	id: 'storage.nvme-shutdown-timeout',
	category: 'storage',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['Shutdown timeout set to'],
	pattern: /^nvme (nvme\d+): Shutdown timeout set to (\d+) seconds/,
	title: () => 'NVMe drive asks for more time to shut down cleanly (routine)',
	details: (m) => ({ device: m[1], seconds: Number(m[2]) }),
	collect: { device: 'devices' },
	examples: [
		'nvme nvme0: Shutdown timeout set to 8 seconds',
		// intel-audio-sof-dyndbg-conf log
		'nvme nvme0: Shutdown timeout set to 10 seconds'
	],
	negatives: ['nvme nvme0: I/O 12 QID 0 timeout, completion polled'],
	explanation: {
		meaning:
			'An NVMe drive tells the driver how long it may need to save its state before power is cut (its “RTD3 entry latency”). When that is longer than the driver’s default of 5 seconds, the driver waits that long at shutdown and suspend, and says so with this line. It is information about the drive, not a timeout that happened.',
		causes: [
			{
				kind: 'hardware',
				text: 'The drive’s firmware reports a shutdown time longer than 5 seconds; common on consumer SSDs.'
			}
		],
		next_steps: [
			'Nothing to do: the driver simply waits as long as the drive asks.',
			'It matters only if shutdown or suspend is slow, or the drive reports an unsafe shutdown (`smartctl -a /dev/nvme0`: “Unsafe Shutdowns” growing) although the machine was shut down normally.'
		],
		references: [`${KERNEL_SOURCE}drivers/nvme/host/core.c`]
	}
};

/**
 * drivers/acpi/acpi_processor.c acpi_early_processor_control_setup() (6.6 on): the kernel passes
 * the CPU power-management capabilities to the firmware through the processors' `_OSC`, and
 * through the older `_PDC` when that fails. Corpus: 4 logs.
 */
export const cpuOscFallback: LineRule = {
	id: 'firmware.cpu-osc-fallback',
	category: 'firmware',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['_OSC evaluation for CPUs failed'],
	pattern: /^ACPI: _OSC evaluation for CPUs failed, trying _PDC/,
	title: () => 'CPU power-management capabilities negotiated the older way (_PDC): routine',
	examples: [
		// dioxis33-errors dmesg, syslogs messages (6.x kernels)
		'ACPI: _OSC evaluation for CPUs failed, trying _PDC'
	],
	negatives: ['ACPI: _OSC evaluation for CPUs succeeded'],
	explanation: {
		meaning:
			'At boot the kernel tells the firmware which CPU power-management features (frequency scaling, idle states) it supports, so that the firmware describes them accordingly. Since kernel 6.6 it first uses the newer ACPI method for it (`_OSC` of the processors) and, when the firmware does not implement that, the older method (`_PDC`) that every kernel used before. Most PCs’ firmware has only `_PDC`, so the first attempt “fails” and the second does the job.',
		causes: [
			{
				kind: 'firmware',
				text: 'The firmware implements only the older `_PDC` method for the processors.'
			}
		],
		next_steps: [
			'Nothing to do: the older method does the same job.',
			'It matters only if CPU frequency scaling or idle states are missing (`cpupower frequency-info`, `ls /sys/devices/system/cpu/cpu0/cpuidle`); then look for a BIOS update.'
		],
		references: [`${KERNEL_SOURCE}drivers/acpi/acpi_processor.c`]
	}
};

export const KNOWN_NOTICES: readonly LineRule[] = [
	regulatoryDbMissing,
	iwlwifiVersionProbe,
	athCalibrationProbe,
	brcmfmacBoardNvramProbe,
	maxtouchConfigAbsent,
	biosOsiLinux,
	acpiVideoDodWithoutDos,
	acpiVideoNoBqc,
	vmwgfxHostLog,
	nvidiaModesetOwnership,
	acpiOscBufferLimit,
	nvmeShutdownTimeout,
	cpuOscFallback
];
