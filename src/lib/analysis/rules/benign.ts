import type { BenignRule } from './types.ts';

/**
 * The firmware loader's line for a missing file (-2) named by `file` (a regular expression
 * source), in both of its forms: upstream's `Direct firmware load for X failed with error -2`
 * and the `firmware: failed to load X (-2)` that Debian's kernels print for every request
 * besides it (dfir-sample-files-syslog-1.log, Debian 6.6). An optional file is as harmless in
 * one form as in the other.
 */
const missing = (file: string): string =>
	`(?:Direct firmware load for ${file} failed with error -2|firmware: failed to load ${file} \\(-2\\))`;

/**
 * Messages that look alarming (and would match a rule) but are routine; each entry says why.
 * The engine checks these only for lines a rule already matched, so they cost nothing per line.
 */
export const BENIGN: BenignRule[] = [
	{
		id: 'benign.acpi-osi',
		pattern: /^ACPI: (?:Added _OSI|_OSC evaluation)/,
		example: 'ACPI: Added _OSI(Module Device)',
		why: 'Routine ACPI capability negotiation at boot.'
	},
	{
		id: 'benign.bios-osi-linux',
		// `ACPI: [Firmware Bug]: ...` since 4.x, `[Firmware Bug]: ACPI: ...` before
		pattern: /^(?:ACPI: )?\[Firmware Bug\]: (?:ACPI: )?BIOS _OSI\(Linux\) query ignored/,
		example: 'ACPI: [Firmware Bug]: BIOS _OSI(Linux) query ignored',
		why: 'The kernel deliberately answers "no" to firmware asking whether it runs Linux; the firmware then behaves as tested with Windows.'
	},
	{
		id: 'benign.acpi-video-dod-without-dos',
		// drivers/acpi/acpi_video.c prints it at info level and goes on without _DOS
		pattern: /^(?:ACPI: video: )?\[Firmware Bug\]: ACPI\(\w+\) defines _DOD but not _DOS/,
		example: 'ACPI: video: [Firmware Bug]: ACPI(GFX0) defines _DOD but not _DOS',
		why: 'The firmware lists the display outputs (_DOD) without the method that says who switches them (_DOS); the ACPI video driver notes it and works without it. Common on laptops and harmless.'
	},
	{
		id: 'benign.acpi-video-no-bqc',
		// drivers/acpi/video.c (acpi_video.c since 4.x) acpi_video_init_brightness(): the output
		// has _BCL/_BCM (levels, set a level) but no _BQC (read the level); printed once per
		// output device (jetway-port-dmesg-log.log, a Jetway board with 3.10: five times, no panel)
		pattern:
			/^(?:ACPI: video: )?\[Firmware Bug\]: (?:ACPI: )?No _BQC method, cannot determine initial brightness/,
		example: '[Firmware Bug]: ACPI: No _BQC method, cannot determine initial brightness',
		why: 'The firmware lets the ACPI video driver set the backlight level (_BCM) but not read it back (_BQC), so the driver cannot learn the level the firmware left and sets one itself. Brightness control works; on a desktop board without a panel the outputs are not even used.'
	},
	{
		id: 'benign.vmwgfx-host-log',
		// drivers/gpu/drm/vmwgfx/vmwgfx_msg.c vmw_host_log(): the driver's messages to the
		// hypervisor's log over VMware's guest RPC channel (logging-kern-log-1.log, VirtualBox)
		pattern: /^\[drm:vmw_host_log \[vmwgfx\]\] \*ERROR\* Failed to send log/,
		example: '[drm:vmw_host_log [vmwgfx]] *ERROR* Failed to send log',
		why: 'vmwgfx copies some of its messages to the hypervisor’s own log over VMware’s guest RPC channel; VirtualBox’s VMSVGA adapter (and other hosts) do not offer that channel, so the copy fails. The display driver itself works.'
	},
	{
		id: 'benign.nvidia-modeset-ownership',
		// nvidia-drm's nv_drm_master_set(): a second DRM master (a display manager handing over to
		// the session's display server) asked for modesetting while another held it
		// (venroot-logs-dmesg-log.log, 25 s into a Pop!_OS boot)
		pattern:
			/^\[drm:nv_drm_master_set \[nvidia_drm\]\] \*ERROR\* \[nvidia-drm\] \[GPU ID 0x[0-9a-f]+\] Failed to grab modeset ownership/,
		example:
			'[drm:nv_drm_master_set [nvidia_drm]] *ERROR* [nvidia-drm] [GPU ID 0x00000100] Failed to grab modeset ownership',
		why: 'With nvidia-drm.modeset=1, the NVIDIA driver lets one program at a time set display modes; when the display manager hands the screen to the session (or another display server starts), the newcomer is refused once while the first still holds it. The display works; only a screen that stays black would make it matter.'
	},
	{
		id: 'benign.regulatory-db',
		pattern: new RegExp(`^(?:platform regulatory\\.0: )?${missing('regulatory\\.db(?:\\.p7s)?')}`),
		example: 'platform regulatory.0: Direct firmware load for regulatory.db failed with error -2',
		why: 'cfg80211 looks for the optional wireless-regdb file and falls back to its built-in rules when it is missing.'
	},
	{
		id: 'benign.iwlwifi-ucode-probe',
		pattern: new RegExp(`^iwlwifi \\S+: ${missing('iwlwifi-[\\w-]+\\.(?:ucode|pnvm)')}`),
		example:
			'iwlwifi 0000:00:14.3: Direct firmware load for iwlwifi-so-a0-gf-a0-72.ucode failed with error -2',
		why: 'iwlwifi tries the newest firmware API version first and walks down to the one installed; a real failure is reported as "no suitable firmware found!".'
	},
	{
		id: 'benign.ath10k-cal-probe',
		pattern: new RegExp(
			`^ath1[01]k_\\w+ \\S+: ${missing('ath1[01]k/(?:pre-cal|cal)-[\\w:.-]+\\.bin')}`
		),
		example:
			'ath10k_pci 0000:02:00.0: Direct firmware load for ath10k/pre-cal-pci-0000:02:00.0.bin failed with error -2',
		why: 'ath10k/ath11k look for optional per-board calibration files before using the calibration stored on the card.'
	},
	{
		id: 'benign.brcmfmac-board-nvram',
		pattern: new RegExp(`^brcmfmac \\S+: ${missing('brcm/brcmfmac[\\w-]+\\.[^.\\s,]+,\\S+')}`),
		example:
			'brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43455-sdio.raspberrypi,4-model-b.txt failed with error -2',
		why: 'brcmfmac first tries a board-specific NVRAM file, then the generic one.'
	},
	{
		id: 'benign.atmel-mxt-config',
		// drivers/input/touchscreen/atmel_mxt_ts.c: mxt_initialize() asks for the optional
		// maxtouch.cfg; mxt_configure_objects() updates the chip's configuration only when it exists
		pattern: new RegExp(`^atmel_mxt_ts \\S+: ${missing('maxtouch\\.cfg')}`),
		example: 'atmel_mxt_ts 1-004d: Direct firmware load for maxtouch.cfg failed with error -2',
		why: 'The Atmel maXTouch driver looks for an optional configuration file to write into the touch controller; without it the controller keeps the configuration stored in it and works as before.'
	},
	{
		id: 'benign.acpi-osc-buffer-limit',
		pattern:
			/^ACPI (?:BIOS )?Error(?: \(bug\))?: (?:AE_AML_BUFFER_LIMIT, Field \[CAP1\] at bit offset\/length \d+\/\d+ exceeds size of target Buffer|Method parse\/execution failed \\_SB\._OSC, AE_AML_BUFFER_LIMIT)/,
		example:
			'ACPI BIOS Error (bug): AE_AML_BUFFER_LIMIT, Field [CAP1] at bit offset/length 64/32 exceeds size of target Buffer (64 bits) (20170728/dsopcode-235)',
		why: 'A well-known bug in many laptops’ _OSC method, hit while the kernel negotiates capabilities; the kernel carries on with defaults.'
	},
	{
		id: 'benign.nvme-shutdown-timeout',
		pattern: /^nvme nvme\d+: Shutdown timeout set to \d+ seconds/,
		example: 'nvme nvme0: Shutdown timeout set to 8 seconds',
		why: 'Informational: the drive announces how long it may take to shut down cleanly.'
	}
];
