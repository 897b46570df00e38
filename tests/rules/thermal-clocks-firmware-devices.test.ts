/**
 * ACPI, firmware, thermal, power, suspend and clock messages that users most often ask about,
 * run through the analysis in a realistic dmesg context. Only the messages whose report changed
 * are kept here. Unless a test names a corpus log, no log of the real-log corpus has them: each
 * line is written from the kernel's format string (the source file is named with each, as of 6.12
 * unless said).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];

const summary = (f: F[]) => f.map((x) => [x.rule, x.title, x.severity]);

describe('thermal shutdown in the form of kernels since 5.12', () => {
	it('`thermal thermal_zone2: acpitz: critical temperature reached` is the critical shutdown', async () => {
		// drivers/thermal/thermal_core.c handle_critical_trips() (`%s: critical temperature reached`
		// with the zone's type), then kernel/reboot.c hw_protection_shutdown()
		const f = await findingsOf([
			'[ 3120.412203] mce: CPU3: Package temperature above threshold, cpu clock throttled (total events = 3151)',
			'[ 3188.100412] thermal thermal_zone2: acpitz: critical temperature reached',
			'[ 3188.100430] reboot: HARDWARE PROTECTION shutdown (Temperature too high)'
		]);
		expect(summary(f)).toEqual([
			[
				'hardware.thermal-throttling',
				'CPU package temperature above threshold, clock throttled',
				'medium'
			],
			[
				'hardware.thermal-shutdown',
				'Critical temperature reached: emergency shutdown (thermal_zone2)',
				'critical'
			]
		]);
		expect(f[1].details).toMatchObject({
			zone: 'thermal_zone2',
			zone_type: 'acpitz',
			action: 'shutdown (Temperature too high)'
		});
		expect(f[1].evidence.map((e) => e.text)).toHaveLength(2);
	});
});

describe('clocks', () => {
	it('the watchdog’s read-back delay (5.14+) is not told as a drifting TSC', async () => {
		// kernel/time/clocksource.c cs_watchdog_read(), then arch/x86/kernel/tsc.c
		const f = await findingsOf([
			'[    2.841230] clocksource: timekeeping watchdog on CPU3: wd-tsc-wd excessive read-back delay of 153560ns vs. limit of 125000ns, wd-wd read-back delay only 45250ns, attempt 4, marking tsc unstable',
			'[    2.841290] tsc: Marking TSC unstable due to clocksource watchdog',
			'[    2.842001] clocksource: Switched to clocksource hpet'
		]);
		expect(summary(f)).toEqual([
			[
				'hardware.clocksource-unstable',
				'Clock source tsc marked unstable: the watchdog clock could not be read in time',
				'low'
			]
		]);
		expect(f[0].details).toMatchObject({ read_back_delay_ns: 153560, tsc_marked_unstable: true });
		expect(f[0].explanation.meaning).toContain('No drift of the TSC was measured');
	});
});

describe('firmware', () => {
	it('6.6+ `ACPI: thermal: [Firmware Bug]: No valid trip points!` is the thermal-zone rule', async () => {
		// drivers/acpi/thermal.c acpi_thermal_add() (pr_fmt `ACPI: thermal: `)
		const f = await findingsOf([
			'[    1.204512] ACPI: thermal: [Firmware Bug]: No valid trip points!',
			'[    1.204800] ACPI: thermal: Thermal Zone [TZ01] (28 C)'
		]);
		expect(summary(f)).toEqual([
			[
				'firmware.thermal-zone-no-trip',
				'ACPI thermal zone without valid trip points not used',
				'info'
			]
		]);
		expect(f[0].explanation.next_steps.join('\n')).not.toContain('microcode');
	});

	it('a `[Firmware Bug]` about a word with a part in parentheses keeps the word in its title', async () => {
		// drivers/acpi/battery.c acpi_battery_get_state() (pr_fmt `ACPI: battery: `)
		const f = await findingsOf([
			'[   12.004512] ACPI: battery: [Firmware Bug]: battery: (dis)charge rate invalid.'
		]);
		expect(summary(f)).toEqual([
			[
				'firmware.firmware-bug',
				'Firmware bug reported by ACPI: battery: battery: (dis)charge rate invalid',
				'low'
			]
		]);
	});
});

describe('devices that do not answer', () => {
	it('a Bluetooth controller timing out at start-up: medium, one finding', async () => {
		// net/bluetooth/hci_core.c hci_cmd_timeout(), hci_sync.c, drivers/bluetooth/btintel.c
		const f = await findingsOf([
			'[    5.120411] Bluetooth: Core ver 2.22',
			'[    7.201233] Bluetooth: hci0: command 0xfc05 tx timeout',
			'[    7.201260] Bluetooth: hci0: Reading Intel version command failed (-110)',
			'[    9.281002] Bluetooth: hci0: Opcode 0x0c03 failed: -110',
			'[    9.290001] Bluetooth: hci0: Opcode 0x2041 failed: -56'
		]);
		expect(summary(f)).toEqual([
			[
				'hardware.bluetooth-not-answering',
				'Bluetooth controller hci0 did not answer (command timed out)',
				'medium'
			]
		]);
		expect(f[0].count).toBe(3);
		expect(f[0].explanation.next_steps.join('\n')).toContain('btusb');
	});

	it('a Broadcom Bluetooth controller without its patch file: low, with the files tried', async () => {
		// dfir-sample-files-syslog-1.log lines 1075-1077 (Debian 6.6 laptop, BCM20702A1; its
		// kernel's own `firmware: failed to load …` lines before them stay findings of their own)
		const f = await findingsOf([
			'2024-12-18T00:43:18.755162+01:00 kpepe kernel: Bluetooth: hci0: BCM: firmware Patch file not found, tried:',
			"2024-12-18T00:43:18.755164+01:00 kpepe kernel: Bluetooth: hci0: BCM: 'brcm/BCM20702A1-0a5c-21f1.hcd'",
			"2024-12-18T00:43:18.755167+01:00 kpepe kernel: Bluetooth: hci0: BCM: 'brcm/BCM-0a5c-21f1.hcd'",
			'2024-12-18T00:43:18.755178+01:00 kpepe kernel: Adding 4415484k swap on /dev/sda5.  Priority:-2 extents:1 across:4415484k'
		]);
		expect(summary(f)).toEqual([
			[
				'firmware.bluetooth-patch-missing',
				'Broadcom Bluetooth hci0 runs without its firmware patch (file missing)',
				'low'
			]
		]);
		expect(f[0].details.files).toEqual(['brcm/BCM20702A1-0a5c-21f1.hcd', 'brcm/BCM-0a5c-21f1.hcd']);
	});

	it('TPM commands that fail: low, the response code named', async () => {
		// drivers/char/tpm/tpm-interface.c tpm_try_transmit(), tpm_transmit_cmd()
		const f = await findingsOf([
			'[ 4012.330120] PM: suspend exit',
			'[ 4014.512001] tpm tpm0: tpm_try_transmit: send(): error -62',
			'[ 4014.512030] tpm tpm0: A TPM error (256) occurred attempting to read a pcr value'
		]);
		const tpm = f.filter((x) => x.rule === 'hardware.tpm-error');
		expect(summary(tpm)).toEqual([['hardware.tpm-error', 'TPM tpm0: commands failed', 'low']]);
		expect(tpm[0].count).toBe(2);
		expect(tpm[0].details.error).toMatch(/^ETIME/);
	});
});
