/**
 * Memory, firmware, CPU, virtualization and network lines of the real-log corpus that no finding
 * covered, or covered with the wrong advice, with verbatim excerpts: zictes dmesg.0 and
 * ideapad320-15ikb genkernel_dmesg (virtualization switched off in the BIOS: no finding),
 * intel-audio dmesg.log (the TPM's interrupt not working: generic firmware-bug advice about
 * microcode), jetway-port dmesg.log (no _BQC method: the same generic advice, five times),
 * kerneloops-i386-bug-on.log (2.6.2x's `Marking TSC unstable due to: TSC halts in idle.`, not
 * read).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('hardware virtualization disabled in the BIOS', () => {
	// zictes-log-dmesg-0.log lines 1252-1262 (ASUS PRIME B550-PLUS, Ryzen, kernel 5.11)
	const ZICTES = [
		'[   24.830979] kernel: eeepc-wmi eeepc-wmi: Detected ASUSWMI, use DCTS',
		'[   24.831723] kernel: input: Eee PC WMI hotkeys as /devices/platform/eeepc-wmi/input/input6',
		'[   24.857105] kernel: kvm: disabled by bios',
		'[   24.950096] kernel: kvm: disabled by bios',
		'[   24.952074] kernel: MCE: In-kernel MCE decoding enabled.',
		'[   24.957774] kernel: EDAC amd64: F19h_M20h detected (node 0).',
		'[   24.957816] kernel: EDAC amd64: Node 0: DRAM ECC disabled.',
		'[   25.072864] kernel: EDAC amd64: F19h_M20h detected (node 0).',
		'[   25.072927] kernel: EDAC amd64: Node 0: DRAM ECC disabled.',
		'[   25.073533] kernel: kvm: disabled by bios',
		'[   25.077411] kernel: snd_hda_intel 0000:04:00.1: enabling device (0000 -> 0002)'
	];

	it('is one info finding per boot, whatever the number of attempts to load kvm', async () => {
		const f = await findingsOf(ZICTES);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'firmware.virtualization-disabled',
				'Hardware virtualization disabled in the firmware: KVM cannot run virtual machines',
				'info',
				1
			]
		]);
		expect(f[0].evidence.map((e) => e.line)).toEqual([3, 4, 10]);
		expect(f[0].explanation.next_steps.join(' ')).toContain('/dev/kvm');
	});

	it('names Intel VT-x for the boot-time feature-control line', async () => {
		// ideapad320-15ikb-defconf-genkernel-dmesg.log lines 244-247 (LENOVO 80XL, kernel 5.15.75)
		const f = await findingsOf([
			'[    0.119830] Mount-cache hash table entries: 16384 (order: 5, 131072 bytes, linear)',
			'[    0.119847] Mountpoint-cache hash table entries: 16384 (order: 5, 131072 bytes, linear)',
			'[    0.120131] x86/cpu: VMX (outside TXT) disabled by BIOS',
			'[    0.120141] CPU0: Thermal monitoring enabled (TM1)'
		]);
		expect(f.map((x) => [x.rule, x.severity])).toEqual([
			['firmware.virtualization-disabled', 'info']
		]);
		expect(f[0].details).toMatchObject({ technology: 'Intel VT-x', module: null });
	});

	it('leaves other features the BIOS disabled alone', async () => {
		const f = await findingsOf([
			// askubuntu-dmesg-journalctl-lastdayorso.log (HP Pavilion)
			'Feb 09 12:28:50 hpPav kernel: x86/cpu: SGX disabled by BIOS.',
			'[    0.000000] kvm: Nested Virtualization enabled'
		]);
		expect(f).toEqual([]);
	});
});

describe('TPM interrupt not working', () => {
	// intel-audio-dmesg-log.log lines 184-187 (Intel laptop, tpm_tis)
	const LINES = [
		'[    1.053069] Linux agpgart interface v0.103',
		'[    1.055932] tpm_tis NTZ0726:00: 2.0 TPM (device-id 0x501, rev-id 25)',
		'[    1.057976] tpm tpm0: [Firmware Bug]: TPM interrupt not working, polling instead',
		'[    1.067251] ACPI: battery: Slot [BAT0] (battery present)'
	];

	it('is an info finding saying the driver polls, not a low firmware bug about microcode', async () => {
		const f = await findingsOf(LINES);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'firmware.tpm-interrupt-polling',
				'TPM interrupt not working: the driver polls the chip instead',
				'info'
			]
		]);
		expect(f[0].details).toMatchObject({ device: 'tpm0' });
		const text = [f[0].explanation.meaning, ...f[0].explanation.next_steps].join(' ');
		expect(text).toContain('tpm_tis.interrupts=0');
		expect(text).not.toContain('microcode');
	});
});

describe('ACPI video output without _BQC', () => {
	// jetway-port-dmesg-log.log lines 260-266 (Jetway board, kernel 3.10)
	// intended change: it had been no finding (benign.ts); now one routine notice for the five
	it('gives one routine notice (it was a low firmware bug ×5 with advice about microcode)', async () => {
		const f = await findingsOf([
			'[    0.995883] PCI: Using host bridge windows from ACPI; if necessary, use "pci=nocrs" and report a bug',
			'[    0.996087] ACPI: No dock devices found.',
			'[    1.006123] [Firmware Bug]: ACPI: No _BQC method, cannot determine initial brightness',
			'[    1.006164] [Firmware Bug]: ACPI: No _BQC method, cannot determine initial brightness',
			'[    1.006487] [Firmware Bug]: ACPI: No _BQC method, cannot determine initial brightness',
			'[    1.006541] [Firmware Bug]: ACPI: No _BQC method, cannot determine initial brightness',
			'[    1.010146] ACPI: PCI Root Bridge [PCI0] (domain 0000 [bus 00-ff])'
		]);
		// the PCI line of the excerpt is a routine notice (rules/notices.ts), info
		expect(f.map((x) => [x.rule, x.severity, x.count, x.evidence.length])).toEqual([
			['firmware.pci-host-bridge-windows', 'info', 1, 1],
			['firmware.acpi-video-no-bqc', 'info', 1, 4]
		]);
	});
});

describe('2.6.2x TSC check at boot', () => {
	// kerneloops-i386-bug-on.log lines 373-377 (i386 laptop, 2.6.2x, no timestamps)
	it('reads the old wording as the TSC dropped at boot (info)', async () => {
		const f = await findingsOf([
			'kjournald starting.  Commit interval 5 seconds',
			'EXT3-fs: mounted filesystem with ordered data mode.',
			'Marking TSC unstable due to: TSC halts in idle.',
			'Time: hpet clocksource has been installed.',
			'sd 1:0:0:0: Attached scsi generic sg0 type 0'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['hardware.clocksource-unstable', 'TSC marked unstable: TSC halts in idle', 'info']
		]);
		expect(f[0].details).toMatchObject({ clocksource: 'tsc', reason: 'TSC halts in idle' });
	});
});

describe('a Wi-Fi firmware crash', () => {
	// askubuntu journalctl-lastDayOrSo: rtw88's finding had pointed at the iwlwifi and ath10k pages
	it('points at its own driver’s page of the wireless docs, or at their index', async () => {
		const [rtw] = await findingsOf([
			'Feb 09 11:42:36 hpPav kernel: rtw_8821ce 0000:02:00.0: firmware failed to leave lps state'
		]);
		expect(rtw.explanation.references).toEqual(['https://wireless.docs.kernel.org/en/latest/']);
		const [iwl] = await findingsOf([
			'[  100.000000] iwlwifi 0000:00:14.3: Microcode SW error detected. Restarting 0x0.'
		]);
		expect(iwl.explanation.references).toEqual([
			'https://wireless.docs.kernel.org/en/latest/en/users/drivers/iwlwifi.html'
		]);
	});
});
