/**
 * Kernel lines of the real logs that no finding explained, read as a kernel developer: USB root
 * hubs that lost power in sleep, Wi-Fi connected without 802.11ac, no DMI table, a huge mapping
 * refused for MTRRs and a USB device numbering its interfaces with a gap are routine notices;
 * KVM refusing a CPU is a fact for whoever runs virtual machines (info, not routine); ACPICA's
 * `Aborting method` joins the error that stopped the method. Real lines, with host names renamed.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('USB root hubs that lost power in sleep', () => {
	it('m11x dmesg.log lines 1354-1359 (EHCI/UHCI, 3.x): one routine notice naming the hubs', async () => {
		const f = await findingsOf([
			'[ 2667.502341] PM: early resume of devices complete after 0.310 msecs',
			'[ 2667.504181] usb usb2: root hub lost power or was reset',
			'[ 2667.504429] snd_hda_intel 0000:00:1b.0: irq 45 for MSI/MSI-X',
			'[ 2667.504623] usb usb3: root hub lost power or was reset',
			'[ 2667.504751] usb usb4: root hub lost power or was reset',
			'[ 2667.504868] usb usb5: root hub lost power or was reset'
		]);
		expect(f.map((x) => [x.rule, x.severity, x.routine, x.count])).toEqual([
			['usb.root-hub-lost-power', 'info', true, 1]
		]);
		expect(f[0].details.devices).toEqual(['usb2', 'usb3', 'usb4', 'usb5']);
		expect(f[0].explanation.next_steps[1]).toMatch(/^If /);
	});

	it('after an xHCI controller’s `Reinit` the hubs join that finding (crash-logs log12-04 lines 2795-2797)', async () => {
		const f = await findingsOf([
			'Dec 04 23:20:32 host1 kernel: xhci_hcd 0000:00:14.0: xHC error in resume, USBSTS 0x411, Reinit',
			'Dec 04 23:20:32 host1 kernel: usb usb1: root hub lost power or was reset',
			'Dec 04 23:20:32 host1 kernel: usb usb2: root hub lost power or was reset'
		]);
		expect(f.map((x) => x.rule)).toEqual(['usb.host-controller-reinit']);
		expect(f[0].details.root_hubs).toEqual(['usb1', 'usb2']);
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 2, 3]);
	});
});

describe('Wi-Fi connected without 802.11ac', () => {
	it('crash-logs log12-04 lines 1704-1705 (a 2.4 GHz network): one routine notice', async () => {
		const f = await findingsOf([
			'Dec 04 16:56:35 host1 kernel: wlp2s0: authenticate with d4:35:1d:04:38:b5',
			'Dec 04 16:56:35 host1 kernel: wlp2s0: bad VHT capabilities, disabling VHT',
			'Dec 04 16:56:35 host1 kernel: wlp2s0: 80 MHz not supported, disabling VHT'
		]);
		expect(f.map((x) => [x.rule, x.severity, x.routine])).toEqual([
			['network.wifi-vht-disabled', 'info', true]
		]);
		expect(f[0].title).toContain('wlp2s0');
		expect(f[0].details.reasons).toEqual(['bad VHT capabilities', '80 MHz not supported']);
		expect(f[0].explanation.meaning).toContain('2.4 GHz');
	});
});

describe('no DMI table', () => {
	it('izassafar-one kern.log line 71 (Raspberry Pi 3): a routine notice, once per boot', async () => {
		const f = await findingsOf([
			'Jul  6 07:13:02 ubuntu kernel: [    0.000000] OF: fdt: Machine model: Raspberry Pi 3 Model B Plus Rev 1.3',
			'Jul  6 07:13:02 ubuntu kernel: [    0.000000] DMI not present or invalid.'
		]);
		expect(f.map((x) => [x.rule, x.severity, x.routine])).toEqual([
			['firmware.dmi-absent', 'info', true]
		]);
		expect(f[0].explanation.next_steps.some((s) => /^If it is a PC/.test(s))).toBe(true);
	});
});

describe('KVM refuses the CPU', () => {
	it('izassafar-one kern.log line 124 (Raspberry Pi 3 on a 32-bit kernel): info, not routine', async () => {
		const f = await findingsOf([
			'Jul  6 07:13:02 ubuntu kernel: [    2.139692] kvm [1]: Error, CPU 0 not supported!'
		]);
		expect(f.map((x) => [x.rule, x.severity, x.routine ?? false])).toEqual([
			['other.kvm-cpu-unsupported', 'info', false]
		]);
		expect(f[0].explanation.next_steps.join(' ')).toContain('arm64');
	});

	it('does not take other kvm lines', async () => {
		expect(await findingsOf(['kvm [1]: HYP mode not available'])).toEqual([]);
	});
});

describe('a huge mapping refused for MTRRs', () => {
	it('logs-srv dmesg.log line 235 (CentOS 7): a routine notice with the range', async () => {
		const f = await findingsOf([
			'[    0.083013] PCI: MMCONFIG at [mem 0xf0000000-0xf7ffffff] reserved in E820',
			'[    0.083026] pmd_set_huge: Cannot satisfy [mem 0xf0000000-0xf0200000] with a huge-page mapping due to MTRR override.'
		]);
		expect(f.map((x) => [x.rule, x.severity, x.routine])).toEqual([
			['memory.huge-mapping-mtrr', 'info', true]
		]);
		expect(f[0].details.range).toBe('0xf0000000-0xf0200000');
	});
});

describe('a USB device that numbers its interfaces with a gap', () => {
	it('zictes dmesg.log lines 1023-1024 (ASUS AURA LED Controller): one routine notice', async () => {
		const f = await findingsOf([
			'[    2.087674] kernel: usb 1-6: config 1 has an invalid interface number: 2 but max is 1',
			'[    2.087682] kernel: usb 1-6: config 1 has no interface number 1',
			'[    2.099300] kernel: usb 1-6: New USB device found, idVendor=0b05, idProduct=1939, bcdDevice= 1.00'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.routine])).toEqual([
			[
				'usb.interface-numbering',
				'USB device 1-6 numbers its interfaces with a gap: used as described',
				'info',
				true
			]
		]);
		expect(f[0].details).toMatchObject({ interface: 2, max: 1, missing_interface: 1 });
		expect(f[0].evidence).toHaveLength(2);
	});
});

describe('ACPICA’s `Aborting method` joins the error that stopped the method', () => {
	it('ms912x docs dmesg-1.txt lines 15-21: the EC’s _Q37 event method is named', async () => {
		const f = await findingsOf([
			'[  515.358126] ACPI BIOS Error (bug): Could not resolve symbol [\\_SB.PCI0.LPCB.EC0._Q37.POWS], AE_NOT_FOUND (20230628/psargs-332)',
			'',
			'[  515.358191] No Local Variables are initialized for Method [_Q37]',
			'',
			'[  515.358205] No Arguments are initialized for method [_Q37]',
			'',
			'[  515.358221] ACPI Error: Aborting method \\_SB.PCI0.LPCB.EC0._Q37 due to previous error (AE_NOT_FOUND) (20230628/psparse-529)'
		]);
		expect(f.map((x) => [x.rule, x.count])).toEqual([['firmware.acpi-bios-error', 1]]);
		expect(f[0].details.aborted_methods).toEqual(['\\_SB.PCI0.LPCB.EC0._Q37']);
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 7]);
	});

	it('crash-logs log12-04 lines 2761-2762: after an `ACPI Error:` too', async () => {
		const f = await findingsOf([
			'Dec 04 23:20:32 host1 kernel: ACPI Error: AE_BAD_PARAMETER, Returned by Handler for [EmbeddedControl] (20220331/evregion-291)',
			'Dec 04 23:20:32 host1 kernel: ACPI Error: Aborting method \\_SB.PCI0.LPCB.EC.AC._PSR due to previous error (AE_BAD_PARAMETER) (20220331/psparse-529)'
		]);
		expect(f.map((x) => x.rule)).toEqual(['firmware.acpi-error']);
		expect(f[0].details.aborted_methods).toEqual(['\\_SB.PCI0.LPCB.EC.AC._PSR']);
	});
});
