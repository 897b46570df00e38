/**
 * Facts, findings and cascades that a seventh QA reading of the real-log corpus
 * (shared/corpus/real) found missing or wrong, with short verbatim excerpts of the logs named
 * in each block.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { findingsOf } from '../support/analyze.ts';

const hardwareOf = async (lines: string[]) =>
	(await analyzeText(lines.join('\n') + '\n')).metadata.hardware;

describe('DMI placeholders in the machine name', () => {
	it('drops the fields a board template left unfilled and keeps the real ones', async () => {
		// abrt-oops-module-nouveau.log line 7
		expect(
			await hardwareOf([
				'Hardware name: Gigabyte Technology Co., Ltd. To be filled by O.E.M./970A-DS3P, BIOS F1 04/08/2013'
			])
		).toBe('Gigabyte Technology Co., Ltd. 970A-DS3P');
		// zictes-log-dmesg-0.log line 93
		expect(
			await hardwareOf([
				'[    0.000000] kernel: DMI: ASUS System Product Name/PRIME B550-PLUS, BIOS 2006 03/19/2021'
			])
		).toBe('ASUS PRIME B550-PLUS');
		// amdgpu-crash-crash1-txt.log line 87
		expect(
			await hardwareOf([
				'Jan 06 14:17:18 archlinux kernel: DMI: System manufacturer System Product Name/PRIME X470-PRO, BIOS 6024 02/25/2022'
			])
		).toBe('PRIME X470-PRO');
		// linuxerrors-dmesg-txt.log line 39: the board's name has a slash of its own
		expect(
			await hardwareOf([
				'[    0.000000] DMI: To Be Filled By O.E.M. To Be Filled By O.E.M./B450 Gaming-ITX/ac, BIOS P3.70 11/18/2019'
			])
		).toBe('B450 Gaming-ITX/ac');
		// n100dc-itx-sophos-dmesg.log line 61: only the vendor is a placeholder
		expect(
			await hardwareOf([
				'[    0.000000] DMI: Default string N100DC-ITX/N100DC-ITX, BIOS 2.01 01/17/2024'
			])
		).toBe('N100DC-ITX/N100DC-ITX');
	});

	it('names no machine when every field is a placeholder', async () => {
		// jetway-port-dmesg-log.log line 34
		expect(
			await hardwareOf([
				'[    0.000000] DMI: To be filled by O.E.M. To be filled by O.E.M./ , BIOS 4.6.4 05/08/2012'
			])
		).toBeNull();
	});

	it("keeps a model name that merely contains x's", async () => {
		// ms912x-dmesg-log.log line 42
		expect(
			await hardwareOf([
				'[    0.000000] DMI: HP Victus by HP Gaming Laptop 15-fa0xxx/8A4F, BIOS F.28 08/19/2024'
			])
		).toBe('HP Victus by HP Gaming Laptop 15-fa0xxx/8A4F');
	});
});

describe('unchecked MSR access', () => {
	// cmpe283-assignment1-dmesg-log.log lines 655-659 (a module probing VMX features in a cloud VM)
	const lines = [
		'[ 9468.320447]   Conceal VM entries from Intel PT: Can set=No, Can clear=Yes',
		'[ 9468.320563] unchecked MSR access error: RDMSR from 0x492 at rIP: 0xffffffff8b47892a (native_read_msr+0xa/0x30)',
		'[ 9468.320563] Call Trace:',
		'[ 9468.320568]  detect_vmx_features+0x12c/0x160 [cmpe283_1]',
		'[ 9468.320570]  init_module+0x1a/0x20 [cmpe283_1]'
	];

	it('is a low finding naming the register, saying it is usually harmless in a VM', async () => {
		const f = await findingsOf(lines);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'other.unchecked-msr-access',
				'Read of model-specific register 0x492 refused by the CPU',
				'low'
			]
		]);
		expect(f[0].details).toMatchObject({
			access: 'read',
			msr: '0x492',
			function: 'native_read_msr+0xa/0x30'
		});
		expect(f[0].explanation.meaning).toMatch(/virtual machine it is common and usually harmless/);
		expect(f[0].explanation.next_steps.join(' ')).toMatch(/bare metal.*report it to the kernel/);
	});
});

describe('a failed driver probe after what its driver reported', () => {
	it('is linked to the earlier finding naming the same driver and device', async () => {
		// rg353v-linux-rtw-8821cs-log.log lines 1-3 and 24-26 (Anbernic RG353V, SDIO Wi-Fi)
		const r = await analyzeText(
			[
				'[    4.410535] rtw_8821cs mmc3:0001:1: Firmware version 24.11.0, H2C version 12',
				'[    4.748703] rtw_8821cs mmc3:0001:1: sdio read32 failed (0x11080): -110',
				'[    4.751042] rtw_8821cs mmc3:0001:1: sdio write32 failed (0x11080): -110',
				'[    4.782172] rtw_8821cs mmc3:0001:1: failed to setup chip efuse info',
				'[    4.783347] rtw_8821cs mmc3:0001:1: failed to setup chip information',
				'[    4.785688] rtw_8821cs: probe of mmc3:0001:1 failed with error -110'
			].join('\n') + '\n'
		);
		const rule = new Map(r.findings.map((f) => [f.id, f.rule]));
		expect(r.cascades.map((c) => c.chain.map((id) => rule.get(id)))).toEqual([
			['network.wifi-chip-not-answering', 'hardware.driver-probe-failed']
		]);
		expect(r.cascades[0].links[0].certainty).toBe('probable');
	});

	it('links an info probe failure too, and not one of another device', async () => {
		// intel-audio-sof-dyndbg-conf-log.log lines 1274-1276 (ES8336 codec, SOF topology -22)
		const lines = [
			'[    5.519782] sof-essx8336 sof-essx8336: ASoC: failed to instantiate card -22',
			'[    5.519865] sof-essx8336 sof-essx8336: snd_soc_register_card failed: -22',
			'[    5.519867] sof-essx8336: probe of sof-essx8336 failed with error -22'
		];
		const r = await analyzeText(lines.join('\n') + '\n');
		expect(r.cascades.map((c) => c.description)).toEqual([
			'Sound card sof-essx8336 could not be created → Driver sof-essx8336 could not start its device'
		]);
		const other = await analyzeText(
			[
				...lines.slice(0, 2),
				'[    5.519867] sof-essx8336: probe of sof-essx8336.1 failed with error -22'
			].join('\n') + '\n'
		);
		expect(other.cascades).toEqual([]);
	});
});

describe('clocksource watchdog and unstable TSC', () => {
	it('says a VM is usually the hypervisor and that the kernel falls back to hpet or acpi_pm', async () => {
		// ubuntu-20-04-fips-logs-dmesg-txt.log lines 194-197
		const f = await findingsOf([
			"[    9.579420] clocksource: timekeeping watchdog on CPU1: Marking clocksource 'tsc-early' as unstable because the skew is too large:",
			"[    9.579424] clocksource:                       'refined-jiffies' wd_now: fffedc19 wd_last: fffedb90 mask: ffffffff",
			"[    9.579426] clocksource:                       'tsc-early' cs_now: b788b38be cs_last: b22e8809f mask: ffffffffffffffff",
			'[    9.579428] tsc: Marking TSC unstable due to clocksource watchdog'
		]);
		// the TSC line repeats the watchdog's verdict: one event, one finding (qa11)
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['hardware.clocksource-unstable', 'Clock source tsc-early marked unstable', 'low']
		]);
		const e = f[0].explanation;
		expect(e.meaning).toMatch(/falls back to the next clock source, usually hpet or acpi_pm/);
		expect(e.meaning).toMatch(/virtual machine it is usually the hypervisor.*steal time/);
		expect(e.meaning).toMatch(/harmless beyond timing precision/);
		expect(e.causes.map((c) => c.kind)).toEqual(['environment', 'firmware', 'hardware', 'kernel']);
	});

	it("notes that Red Hat's 2.6.32 kernels keep the TSC", async () => {
		// crash-dmesg-vmcore-dmesg-txt.log line 3280 (RHEL 6 KVM host)
		const f = await findingsOf([
			'<4>Clocksource tsc unstable (delta = -137438883487 ns).  Enable clocksource failover by adding clocksource_failover kernel parameter.'
		]);
		expect(f.map((x) => x.title)).toEqual(['Clock source tsc marked unstable']);
		expect(f[0].explanation.meaning).toMatch(/clocksource_failover/);
	});
});

describe('interrupt flags mismatch', () => {
	it('names the driver that did not get its interrupt and the one holding it', async () => {
		// lkp-05.log lines 3-5 (kernel test robot, QEMU, 4.8.0-rc1 i386)
		const f = await findingsOf([
			'[   29.092667] Using IPI Shortcut mode',
			'[   29.096478] genirq: Flags mismatch irq 4. 00000000 (serial) vs. 00000080 (goldfish_pdev_bus)',
			'[   29.097957] Freeing unused kernel memory: 488K (c1c2b000 - c1ca5000)'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'hardware.irq-flags-mismatch',
				'Interrupt 4 refused to serial: goldfish_pdev_bus holds it',
				'medium'
			]
		]);
		expect(f[0].details).toMatchObject({ irq: 4, device: 'serial', holder: 'goldfish_pdev_bus' });
		// the holder is the Android emulator's bus, which x86 kernels registered on every machine
		expect(f[0].explanation.meaning).toMatch(
			/^The serial port did not get its interrupt because goldfish_pdev_bus holds it: the platform bus of the Android emulator/
		);
	});

	it("reads a phone's last_kmsg line with its task prefix", async () => {
		// iamslightlywin dump-last-kmsg.log lines 15187-15188 (Samsung phone)
		const f = await findingsOf([
			'<3>[   26.958712]  [7:crtc_commit:135:  508] genirq: Flags mismatch irq 466. 00006001 (esd_recovery) vs. 00002003 (UB_CON_DET)',
			'<3>[   26.958757]  [7:crtc_commit:135:  508] [SDE] ss_event_esd_recovery_init : Failed to request_irq, ret=-16'
		]);
		expect(f.map((x) => x.title)).toEqual([
			'Interrupt 466 refused to esd_recovery: UB_CON_DET holds it'
		]);
	});
});

describe('W+X mappings', () => {
	// lkp-05.log lines 8-11 and 29-30 (kernel test robot, QEMU, 4.8.0-rc1 i386)
	const lines = [
		'[   29.100491] NX-protecting the kernel data: 7740k',
		'[   29.101800] ------------[ cut here ]------------',
		'[   29.102438] WARNING: CPU: 0 PID: 1 at arch/x86/mm/dump_pagetables.c:225 note_page+0xe0/0x50f',
		'[   29.103819] x86/mm: Found insecure W+X mapping at address c00a0000/0xc00a0000',
		'[   29.116458]  [<c1669581>] ? rest_init+0x10e/0x10e',
		'[   29.117090] ---[ end trace abe6f705a196d176 ]---',
		'[   29.117821] x86/mm: Checked W+X mappings: FAILED, 96 W+X pages found.'
	];

	it('is one low security finding with the address and the number of pages', async () => {
		const f = (await findingsOf(lines)).filter((x) => x.category !== 'crash');
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			['security.wx-mappings', 'Kernel memory both writable and executable (W+X)', 'low', 1]
		]);
		expect(f[0].details).toEqual({ arch: 'x86', address: 'c00a0000/0xc00a0000', pages: 96 });
		expect(f[0].explanation.next_steps.join(' ')).toMatch(/report it to the distribution/);
	});

	it('takes the summary line alone, and not a check that passed', async () => {
		const f = await findingsOf([lines[6]]);
		expect(f.map((x) => [x.rule, x.details.pages])).toEqual([['security.wx-mappings', 96]]);
		// zictes-log-dmesg-0.log line 897
		expect(
			await findingsOf([
				'[    1.264138] kernel: x86/mm: Checked W+X mappings: passed, no W+X pages found.'
			])
		).toEqual([]);
	});
});
