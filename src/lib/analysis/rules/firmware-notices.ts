import type { LineRule } from './types.ts';

/**
 * `[Firmware Bug]` notices that the kernel works around completely and that are common on
 * ordinary laptops: each is an info finding with an explanation of its own instead of the
 * generic `firmware.firmware-bug` (low), whose advice (microcode, BIOS update) does not fit.
 * Listed before `firmware.firmware-bug` in index.ts.
 */

/**
 * drivers/char/tpm/tpm_crb.c crb_map_io(): for the command-buffer and memory-mapped start
 * methods the control area should follow the locality registers in the device's ACPI memory
 * resource; when it does not, the driver warns (dev_warn) and leaves `regs_h` unset, so it does
 * not request and relinquish localities (`__crb_request_locality` returns at once) and drives
 * the TPM through the control area alone. Real log: a Lenovo IdeaPad 320-15IKB (Intel PTT,
 * kernel 5.15).
 */
export const tpmCrbAcpiLayout: LineRule = {
	id: 'firmware.tpm-crb-acpi-layout',
	category: 'firmware',
	severity: 'info',
	routine: true,
	triggers: ['Bad ACPI memory layout'],
	pattern: /^tpm_crb (\S+): \[Firmware Bug\]: Bad ACPI memory layout/,
	title: () => 'TPM’s ACPI description lays out its registers unusually: worked around',
	details: (m) => ({ device: m[1] }),
	examples: [
		// ideapad320-15ikb-defconf genkernel_dmesg (LENOVO 80XL, kernel 5.15.75)
		'tpm_crb MSFT0101:00: [Firmware Bug]: Bad ACPI memory layout'
	],
	negatives: [
		'tpm_crb MSFT0101:00: [Firmware Bug]: ACPI region does not cover the entire command/response buffer. [mem 0xfed40000-0xfed4087f flags 0x200] vs fed40080 f80',
		"tpm_crb MSFT0101:00: can't request region for resource [mem 0xfed40000-0xfed4087f]"
	],
	explanation: {
		meaning:
			'The firmware’s ACPI table for the TPM (the security chip, here reached through the CRB interface, as with Intel PTT and AMD fTPM firmware TPMs) places the TPM’s control area somewhere other than right after its locality registers. The tpm_crb driver notes it and works without the locality registers: it talks to the TPM through the control area alone, which is all a single-user PC needs. The TPM keeps working (measured boot, disk-encryption keys sealed to it, `systemd-cryptenroll --tpm2-device`); the line is common on laptops with a firmware TPM and is printed once per boot.',
		causes: [
			{
				kind: 'firmware',
				text: 'The vendor’s ACPI tables describe the TPM’s memory differently from what the kernel expects (the layout of the TCG specification).'
			}
		],
		next_steps: [
			'Nothing is needed. To confirm the TPM works: `ls /sys/class/tpm/` shows `tpm0`, and `cat /sys/class/tpm/tpm0/tpm_version_major` prints 2.',
			'If the TPM is missing or its commands fail (`tpm tpm0:` errors), update the BIOS/UEFI and check that the TPM (PTT, fTPM) is enabled in its setup.'
		],
		references: [
			'https://docs.kernel.org/security/tpm/index.html',
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/char/tpm/tpm_crb.c'
		]
	}
};

/**
 * drivers/acpi/acpi_video.c (drivers/acpi/video.c before 4.x) acpi_video_bus_add(): a second ACPI
 * video bus device for a graphics controller that already has one is refused (-ENODEV) unless
 * `video.allow_duplicates=1`; the notice is printed with pr_info. Real log: a Dell Inspiron 1545
 * (kernel 3.16).
 */
export const acpiVideoDuplicate: LineRule = {
	id: 'firmware.acpi-video-duplicate',
	category: 'firmware',
	severity: 'info',
	routine: true,
	triggers: ['Duplicate ACPI video bus devices'],
	pattern:
		/^(?:ACPI: video: )?\[Firmware Bug\]: Duplicate ACPI video bus devices for the same VGA controller/,
	title: () => 'Duplicate ACPI video bus device of the graphics controller ignored',
	examples: [
		// m11x-hwinfo i1545-dmesg.log (Dell Inspiron 1545, kernel 3.16)
		'[Firmware Bug]: Duplicate ACPI video bus devices for the same VGA controller, please try module parameter "video.allow_duplicates=1"if the current driver doesn\'t work.',
		'ACPI: video: [Firmware Bug]: Duplicate ACPI video bus devices for the same VGA controller, please try module parameter "video.allow_duplicates=1"if the current driver doesn\'t work.'
	],
	negatives: [
		'ACPI: Video Device [VID1] (multi-head: yes  rom: no  post: no)',
		'ACPI: video: [Firmware Bug]: ACPI(GFX0) defines _DOD but not _DOS'
	],
	explanation: {
		meaning:
			'The firmware’s ACPI tables describe the same graphics controller twice as an ACPI video bus, the device through which the firmware offers backlight control, brightness hotkeys and display switching (often a leftover of a sister model with other graphics). The ACPI video driver uses the first description and ignores the duplicate, as it does by default. Harmless as long as the brightness keys and the backlight work.',
		causes: [
			{
				kind: 'firmware',
				text: 'ACPI tables shared between models (with and without discrete graphics) that keep two video bus devices.'
			}
		],
		next_steps: [
			'Nothing is needed if brightness control and the display hotkeys work.',
			'If they do not, try `video.allow_duplicates=1` on the kernel command line (the kernel’s own suggestion), or `acpi_backlight=vendor` / `acpi_backlight=native`, and update the BIOS.'
		],
		references: [
			'https://docs.kernel.org/admin-guide/kernel-parameters.html',
			'https://docs.kernel.org/firmware-guide/acpi/video_extension.html'
		]
	}
};

/**
 * drivers/char/tpm/tpm_tis_core.c: at probe the driver makes the TPM raise the interrupt the
 * firmware (ACPI `_CRS`) gave it; when none arrives it says `dev_err(&chip->dev, FW_BUG "TPM
 * interrupt not working, polling instead\n")` and drives the chip by polling its status. Real
 * log: an Intel laptop (intel-audio dmesg.log).
 */
export const tpmInterruptPolling: LineRule = {
	id: 'firmware.tpm-interrupt-polling',
	category: 'firmware',
	severity: 'info',
	routine: true,
	triggers: ['TPM interrupt not working'],
	// `tpm tpm0:` (the TPM's own device) since 4.x, `tpm_tis 00:08:` (the platform device) before
	pattern:
		/^(?:tpm (tpm\d+)|tpm_tis (\S+)): \[Firmware Bug\]: TPM interrupt not working, polling instead/,
	title: () => 'TPM interrupt not working: the driver polls the chip instead',
	details: (m) => ({ device: m[1] ?? m[2] }),
	examples: [
		// intel-audio dmesg.log line 186 (Intel laptop, tpm_tis)
		'tpm tpm0: [Firmware Bug]: TPM interrupt not working, polling instead',
		'tpm_tis 00:08: [Firmware Bug]: TPM interrupt not working, polling instead'
	],
	negatives: [
		'tpm_crb MSFT0101:00: [Firmware Bug]: Bad ACPI memory layout',
		'tpm tpm0: [Firmware Bug]: the BIOS does not support the TPM2 interface'
	],
	explanation: {
		meaning:
			'The TPM (the security chip, here driven by tpm_tis) was given an interrupt line by the firmware, but when the driver tested it at start-up no interrupt arrived. The driver then works without it: it asks the chip for its status in a loop instead of waiting to be told. The TPM keeps working (measured boot, keys sealed to it, `systemd-cryptenroll --tpm2-device`); TPM commands can take a little longer. Common on laptops whose ACPI tables name an interrupt that is not wired or not set up.',
		causes: [
			{
				kind: 'firmware',
				text: 'The ACPI description of the TPM names an interrupt that the chip does not raise, or that the firmware left misconfigured.'
			}
		],
		next_steps: [
			'Nothing is needed. To confirm the TPM works: `ls /sys/class/tpm/` shows `tpm0`, and `cat /sys/class/tpm/tpm0/tpm_version_major` prints its version.',
			'If TPM commands time out or the boot is slow around the TPM, update the BIOS/UEFI; `tpm_tis.interrupts=0` on the kernel command line makes the driver poll from the start and skip the test.'
		],
		references: [
			'https://docs.kernel.org/security/tpm/index.html',
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/char/tpm/tpm_tis_core.c'
		]
	}
};

/**
 * drivers/char/tpm/tpm1-cmd.c tpm1_do_selftest(): a TPM 1.2 that answers TPM_DEACTIVATED (0x6) or
 * TPM_DISABLED (0x7) is left so (`dev_info(…, "TPM is disabled/deactivated (0x%X)\n", rc)`), and
 * the driver goes on. IMA then cannot read the PCRs for its boot aggregate:
 * security/integrity/ima/ima_crypto.c ima_pcrread() prints `ima: Error Communicating to TPM chip`
 * once per PCR (0-7), which users read as a broken TPM. Real log: dfir-sample-files-syslog-1.log
 * (a Debian 6.6 laptop with a TPM 1.2, the eight IMA lines 40 lines later), which had no finding.
 */
export const tpmDisabled: LineRule = {
	id: 'firmware.tpm-disabled',
	category: 'firmware',
	severity: 'info',
	triggers: ['TPM is disabled/deactivated'],
	// `tpm tpm0:` (the TPM's own device) since 4.x, `tpm_tis 00:08:` (the platform device) before
	pattern: /^(?:tpm (tpm\d+)|tpm_tis (\S+)): TPM is disabled\/deactivated \((0x[0-9A-Fa-f]+)\)/,
	title: () => 'TPM switched off in the firmware settings (disabled or deactivated)',
	details: (m) => ({
		device: m[1] ?? m[2],
		state: m[3] === '0x7' ? 'disabled' : m[3] === '0x6' ? 'deactivated' : `return code ${m[3]}`
	}),
	follow: [
		{
			// one line per PCR IMA reads for its boot aggregate (0-7)
			trigger: 'Error Communicating to TPM chip',
			pattern: /^ima: Error Communicating to TPM chip/,
			details: () => ({ ima_pcr_read_failed: true }),
			within: 400,
			anywhere: true,
			claims: true,
			examples: ['ima: Error Communicating to TPM chip']
		}
	],
	examples: [
		// dfir-sample-files-syslog-1.log line 664 (Debian 6.6, tpm_tis, a TPM 1.2)
		'tpm tpm0: TPM is disabled/deactivated (0x7)',
		'tpm tpm0: TPM is disabled/deactivated (0x6)',
		'tpm_tis 00:08: TPM is disabled/deactivated (0x6)'
	],
	negatives: ['tpm_tis 00:07: 1.2 TPM (device-id 0xB, rev-id 16)'],
	explanation: {
		meaning:
			'The computer has a TPM 1.2 security chip, but it is switched off in the BIOS/UEFI setup (disabled, or deactivated): it answers only to say so. The kernel’s driver notes it and goes on; nothing in the system is broken. What would use the TPM cannot in this boot: keys sealed to it, measured boot, and IMA, the kernel’s integrity measurement, which then prints `ima: Error Communicating to TPM chip` once for each of the eight registers (PCRs) it tried to read (those lines are this finding’s evidence, and `ima_pcr_read_failed` says they came): IMA runs without a TPM-backed boot aggregate. Many laptops ship with the TPM off.',
		causes: [
			{
				kind: 'configuration',
				text: 'The TPM is disabled or deactivated in the firmware setup (often the factory setting of TPM 1.2 machines), or was turned off after being cleared.'
			}
		],
		next_steps: [
			'Nothing is needed if you do not use the TPM; the IMA lines are a consequence, not a fault.',
			'To use it, enable and activate the TPM in the BIOS/UEFI setup (a Security page: “TPM”, “Security Chip”; TPM 1.2 may need it set to Active after a reboot), then check that the kernel no longer prints this line and that `/sys/class/tpm/tpm0/enabled` and `active` (older kernels: under `device/`) read 1.'
		],
		references: [
			'https://docs.kernel.org/security/tpm/index.html',
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/char/tpm/tpm1-cmd.c'
		]
	}
};

/**
 * drivers/acpi/acpica/nsarguments.c acpi_ns_check_argument_types(): ACPICA checks the arguments of
 * predefined methods and warns when one has another type than the ACPI specification's, then runs
 * the method all the same. NVIDIA's GPU methods (Optimus, GPS, NBCI, NPCF's Dynamic Boost) are
 * specified by NVIDIA to take their fourth argument as a Buffer, and nouveau and NVIDIA's driver
 * pass one: linux-crash-crash1-txt.log (`\_SB.NPCF._DSM` and `\_SB.PCI0.GPP0.PEGP._DSM`, Arch with
 * NVIDIA's driver), ideapad320-15ikb-defconf-genkernel-dmesg.log (`\_SB.PCI0.RP01.PXSX._DSM`, the
 * GeForce of an IdeaPad 320), m11x-hwinfo-m11x-dmesg-log.log (`\_SB_.PCI0.GFX0._DSM` and
 * `\_SB_.PCI0.P0P2.PEGP._DSM`, nouveau on 3.16 probing both GPUs of an Optimus laptop). One
 * occurrence per boot, each method listed.
 */
export const acpiDsmBufferArgument: LineRule = {
	id: 'firmware.acpi-dsm-argument-type',
	category: 'firmware',
	severity: 'info',
	routine: true,
	perBoot: true,
	triggers: ['Argument #4 type mismatch'],
	pattern:
		/^ACPI Warning: (\S+)\._DSM: Argument #4 type mismatch - Found \[Buffer\], ACPI requires \[Package\]/,
	title: () =>
		'A driver called an ACPI _DSM method with a Buffer where ACPI says Package: a warning only',
	details: (m) => ({ device: m[1] }),
	collect: { device: 'devices' },
	evidenceEach: 'device',
	examples: [
		// linux-crash crash1.txt (Arch, NVIDIA's driver)
		'ACPI Warning: \\_SB.NPCF._DSM: Argument #4 type mismatch - Found [Buffer], ACPI requires [Package] (20221020/nsarguments-61)',
		'ACPI Warning: \\_SB.PCI0.GPP0.PEGP._DSM: Argument #4 type mismatch - Found [Buffer], ACPI requires [Package] (20221020/nsarguments-61)',
		// m11x-hwinfo M11x/dmesg.log (Debian's 3.16, nouveau)
		'ACPI Warning: \\_SB_.PCI0.GFX0._DSM: Argument #4 type mismatch - Found [Buffer], ACPI requires [Package] (20140424/nsarguments-95)'
	],
	negatives: [
		'ACPI Warning: \\_SB.PCI0.GFX0._DSM: Argument #3 type mismatch - Found [Integer], ACPI requires [Package]',
		'ACPI: \\_SB_.PCI0.GFX0: failed to evaluate _DSM'
	],
	explanation: {
		meaning:
			'A driver ran a device-specific method (_DSM) of the firmware’s ACPI tables and passed its fourth argument, the method’s parameters, as a Buffer, where the ACPI specification says a Package. The kernel’s ACPI interpreter checks the arguments of the methods the specification defines and warns, then runs the method all the same: nothing failed. NVIDIA’s GPU methods (Optimus power control, GPS, NBCI, and NPCF’s Dynamic Boost, under the GPU’s `PEGP`/`PXSX` device or `NPCF`) are specified by NVIDIA to take a Buffer, and both nouveau and NVIDIA’s driver pass one, so the line comes at every boot on laptops with NVIDIA graphics. It is neither a firmware bug nor a fault of the GPU.',
		causes: [
			{
				kind: 'driver',
				text: 'The GPU driver follows NVIDIA’s definition of the method (a Buffer argument), which differs from the ACPI specification’s generic one.'
			}
		],
		next_steps: [
			'Nothing to do: the method ran.',
			'A `failed to evaluate _DSM` line for the same device after it means the method gave no usable answer: the driver then does without that feature (nouveau checks each GPU for Optimus power control). GPU power or performance trouble is in the driver’s own lines (NVRM, nouveau), not in this one.'
		],
		references: ['https://docs.kernel.org/firmware-guide/acpi/index.html']
	}
};
