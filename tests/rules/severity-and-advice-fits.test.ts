/**
 * A severity and advice review of the real-log corpus (../shared/corpus/real), with verbatim
 * excerpts: lkp-09.log (the init process of a QEMU test guest segfaulted in the vsyscall page,
 * then `Attempted to kill init!`), dioxis33-errors-dmesg-txt.log (a VirtualBox guest's link-down
 * and USB Tablet disconnect), lkp-05.log (a QEMU guest's serial port refused its interrupt),
 * iamslightlywin-dump-last-kmsg.log (the same refusal on a Samsung tablet described by a device
 * tree), cmpe283-assignment1-dmesg-log.log (a refused RDMSR on Google Compute Engine) and
 * syslogs-messages-3.log (one corrected PCIe error of a Chromebook at boot).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { findingsOf } from '../support/analyze.ts';

const only = async (lines: string[], rule: string) => {
	const f = (await findingsOf(lines)).filter((x) => x.rule === rule);
	expect(f).toHaveLength(1);
	return f[0];
};

/** the lines that name the machine, left out: the same log on an unknown machine */
const unknown = (lines: string[]) =>
	lines.filter((l) => !/Hardware name: |DMI: |Hypervisor detected: /.test(l));

describe('a segfault of the init process (lkp-09.log)', () => {
	// lkp-09.log lines 1-7 (kernel 4.8.0-rc1 with vsyscall=none, QEMU)
	const LINES = [
		'[    7.485149] init[1]: segfault at ffffffffff600400 ip ffffffffff600400 sp 00007fffc5ff7228 error 15',
		'[    7.487168] init[1] vsyscall attempted with vsyscall=none ip:ffffffffff600400 cs:33 sp:7fffc5ff6838 ax:ffffffffff600400 si:7f0c80ab5a4c di:7fffc5ff68f8',
		'[    7.489245] init[1]: segfault at ffffffffff600400 ip ffffffffff600400 sp 00007fffc5ff6838 error 15',
		'[    7.493303] Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b',
		'[    7.493303] ',
		'[    7.494301] CPU: 1 PID: 1 Comm: init Not tainted 4.8.0-rc1 #140',
		'[    7.495077] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014'
	];

	it('is high, says it is init, and is the cause of the panic', async () => {
		const r = await analyzeText(LINES.join('\n') + '\n');
		const seg = r.findings.find((f) => f.rule === 'userspace.segfault')!;
		const panic = r.findings.find((f) => f.rule === 'crash.init-died')!;
		expect([seg.title, seg.severity, seg.count]).toEqual([
			'Segfault in init, the init process (PID 1)',
			'high',
			2
		]);
		expect(seg.details).toMatchObject({ pid: 1, vsyscall: true });
		expect(r.cascades.map((c) => c.chain)).toEqual([[seg.id, panic.id]]);
	});

	it('explains the vsyscall page and how to get it back, not a memory test', async () => {
		const e = (await only(LINES, 'userspace.segfault')).explanation;
		expect(e.meaning).toMatch(/^The init process \(PID 1/);
		expect(e.meaning).toContain('vsyscall page');
		expect(e.causes[0].text).toContain('vsyscall=none');
		expect(e.next_steps[0]).toContain('vsyscall=xonly');
		expect(e.next_steps.join('\n')).not.toContain('memtest');
	});

	it('leaves a segfault of another program low, with its own advice', async () => {
		// the same line of another pid
		const f = await only(
			['[    7.485149] init[412]: segfault at 0 ip 00007f6b267132c2 sp 00007fffc5ff7228 error 4'],
			'userspace.segfault'
		);
		expect([f.title, f.severity]).toEqual(['Segfault in init', 'low']);
		expect(f.explanation.next_steps[0]).toMatch(/^Check the program’s own logs/);
		expect(f.details.vsyscall).toBeUndefined();
	});
});

describe('a VirtualBox guest (dioxis33-errors-dmesg-txt.log)', () => {
	// dioxis33-errors-dmesg-txt.log lines 17-18, 443-444, 634 and 646
	const LINES = [
		'[    0.000000] DMI: innotek GmbH VirtualBox/VirtualBox, BIOS VirtualBox 12/01/2006',
		'[    0.000000] Hypervisor detected: KVM',
		'[    1.675901] usb 1-1: Product: USB Tablet',
		'[    1.675903] usb 1-1: Manufacturer: VirtualBox',
		'[  221.481583] usb 1-1: USB disconnect, device number 2',
		'[  223.370677] e1000: enp0s3 NIC Link is Down'
	];

	it('is not told to replace the network cable', async () => {
		const steps = (await only(LINES, 'network.link-down')).explanation.next_steps;
		expect(steps[0]).toMatch(/^This machine is a virtual machine \(VirtualBox\): /);
		expect(steps.join('\n')).not.toContain('Replace the cable');
		const bare = (await only(unknown(LINES), 'network.link-down')).explanation.next_steps;
		expect(bare.join('\n')).toContain('Replace the cable');
	});

	it('is not told to try another USB cable or a powered hub', async () => {
		const f = await only(LINES, 'usb.disconnect');
		const steps = f.explanation.next_steps;
		expect(steps[0]).toMatch(/^This machine is a virtual machine \(VirtualBox\): /);
		expect(steps.join('\n')).not.toMatch(/Try another cable|Use a powered hub/);
		const bare = await only(unknown(LINES), 'usb.disconnect');
		expect(bare.explanation.next_steps[0]).toMatch(/^Try another cable/);
		expect(f.severity).toBe(bare.severity);
	});
});

describe('an interrupt refused to a driver', () => {
	const BIOS_STEP = 'disable it in the BIOS/UEFI';

	it('in a QEMU guest, points at the VM’s devices, not its BIOS (lkp-05.log)', async () => {
		// lkp-05.log lines 3 and 14
		const LINES = [
			'[   29.096478] genirq: Flags mismatch irq 4. 00000000 (serial) vs. 00000080 (goldfish_pdev_bus)',
			'[   29.105899] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014'
		];
		// the holder renamed: goldfish_pdev_bus has steps of its own
		// (goldfish-bus-holds-serial-irq.test.ts)
		const other = LINES.map((l) => l.replace('goldfish_pdev_bus', 'other_driver'));
		const f = await only(other, 'hardware.irq-flags-mismatch');
		const steps = f.explanation.next_steps;
		expect(steps[0]).toMatch(/^This machine is a virtual machine \(QEMU\): /);
		expect(steps.join('\n')).not.toContain(BIOS_STEP);
		expect(f.severity).toBe('medium');
		const bare = await only(unknown(other), 'hardware.irq-flags-mismatch');
		expect(bare.explanation.next_steps.join('\n')).toContain(BIOS_STEP);
	});

	it('on a device-tree tablet, has no BIOS step (iamslightlywin-dump-last-kmsg.log)', async () => {
		// iamslightlywin-dump-last-kmsg.log lines 6314 and the genirq line (Samsung Galaxy Tab S7 FE)
		const LINES = [
			'<3>[   26.958712]  [7:crtc_commit:135:  508] genirq: Flags mismatch irq 466. 00006001 (esd_recovery) vs. 00002003 (UB_CON_DET)',
			'<4>[22921.938456]  [3:    kworker/3:0:14402] Hardware name: Samsung GTS7L PROJECT - PV REV0.4 (board-id,7) (DT)'
		];
		const steps = (await only(LINES, 'hardware.irq-flags-mismatch')).explanation.next_steps;
		expect(steps.join('\n')).not.toContain('BIOS');
		expect(steps.join('\n')).toContain('device tree');
		expect(steps.join('\n')).not.toContain('virtual machine (');
	});

	it('on an ARM board named without DMI, has no BIOS step either', async () => {
		// the same line on a Raspberry Pi: izassafar-one-kern-log.log lines 4-5 and 8 (an ARM
		// kernel, `Machine model:` from the device tree, no DMI line)
		const LINES = [
			'Jul  6 07:13:02 ubuntu kernel: [    0.000000] Linux version 5.3.0-1027-raspi2 (buildd@bos02-arm64-051) (gcc version 7.5.0 (Ubuntu/Linaro 7.5.0-3ubuntu1~18.04)) #29~18.04.1-Ubuntu SMP Wed May 27 16:06:23 UTC 2020 (Ubuntu 5.3.0-1027.29~18.04.1-raspi2 5.3.18)',
			'Jul  6 07:13:02 ubuntu kernel: [    0.000000] CPU: ARMv7 Processor [410fd034] revision 4 (ARMv7), cr=30c5383d',
			'Jul  6 07:13:02 ubuntu kernel: [    0.000000] OF: fdt: Machine model: Raspberry Pi 3 Model B Plus Rev 1.3',
			'Jul  6 07:13:05 ubuntu kernel: [   26.958712] genirq: Flags mismatch irq 466. 00006001 (esd_recovery) vs. 00002003 (UB_CON_DET)'
		];
		const r = await analyzeText(LINES.join('\n') + '\n');
		expect([r.metadata.arch, r.metadata.bios]).toEqual(['arm', null]);
		const f = r.findings.find((x) => x.rule === 'hardware.irq-flags-mismatch')!;
		expect(f.explanation.next_steps.join('\n')).not.toContain('BIOS');
	});
});

describe('a refused MSR read', () => {
	// cmpe283-assignment1-dmesg-log.log lines 38-39 and 656
	const LINES = [
		'[    0.000000] DMI: Google Google Compute Engine/Google Compute Engine, BIOS Google 10/11/2022',
		'[    0.000000] Hypervisor detected: KVM',
		'[ 9468.320563] unchecked MSR access error: RDMSR from 0x492 at rIP: 0xffffffff8b47892a (native_read_msr+0xa/0x30)'
	];

	it('in a cloud VM, is the hypervisor’s, without the bare-metal report and BIOS step', async () => {
		const steps = (await only(LINES, 'other.unchecked-msr-access')).explanation.next_steps;
		expect(steps[0]).toMatch(/^This machine is a virtual machine \(Google Compute Engine\): /);
		expect(steps.join('\n')).not.toMatch(/On bare metal|update the BIOS first/);
	});

	it('on a named physical machine, has no virtual-machine cause or step', async () => {
		// the same line on a physical machine: its DMI line as printed by a Lenovo laptop
		// (amdmsrtweaker-lnx-dmesg-txt.log line 23)
		const f = await only(
			['[    0.000000] DMI: LENOVO Sabine/Torpedo, BIOS 54CN18WW 07/20/2011', LINES[2]],
			'other.unchecked-msr-access'
		);
		const e = f.explanation;
		expect(e.causes.map((c) => c.text).join('\n')).not.toMatch(/^A virtual machine/m);
		expect(e.next_steps.join('\n')).not.toContain('In a virtual machine');
		expect(e.next_steps.join('\n')).toContain('On bare metal');
	});

	it('keeps both when the log does not say what the machine is', async () => {
		const steps = (await only(unknown(LINES), 'other.unchecked-msr-access')).explanation.next_steps;
		expect(steps.join('\n')).toContain('In a virtual machine');
		expect(steps.join('\n')).toContain('On bare metal');
	});
});

describe('one corrected PCIe error (syslogs-messages-3.log)', () => {
	// syslogs-messages-3.log lines 377 and 998-1001: a Chromebook's SD card reader, at boot
	const LINES = [
		'2026-05-18T17:59:47.299413Z INFO kernel: [    0.000000] DMI: Google Craask/Craask, BIOS Google_Craask.15217.1007.0 08/19/2025',
		'2026-05-18T17:59:47.301225Z INFO kernel: [    0.499554] pcieport 0000:00:1c.0: AER: Corrected error message received from 0000:01:00.0',
		'2026-05-18T17:59:47.301226Z WARNING kernel: [    0.499832] sdhci-pci 0000:01:00.0: PCIe Bus Error: severity=Corrected, type=Data Link Layer, (Transmitter ID)',
		'2026-05-18T17:59:47.301228Z WARNING kernel: [    0.499838] sdhci-pci 0000:01:00.0:   device [17a0:9750] error status/mask=00001000/00002000',
		'2026-05-18T17:59:47.301230Z WARNING kernel: [    0.499841] sdhci-pci 0000:01:00.0:    [12] Timeout               '
	];

	it('is told that alone it needs nothing, not first to reseat a card', async () => {
		for (const rule of ['hardware.pcie-aer', 'hardware.pcie-aer-bit']) {
			const f = await only(LINES, rule);
			const steps = f.explanation.next_steps;
			expect(steps[0], rule).toMatch(/^One corrected error, .* needs nothing/);
			expect(
				steps.some((s) => s.startsWith('Reseat')),
				rule
			).toBe(false);
			expect(steps[2], rule).toMatch(/^If they keep coming: try `pcie_aspm=off`/);
		}
		expect((await only(LINES, 'hardware.pcie-aer')).severity).toBe('low');
	});

	it('leaves the advice of an uncorrectable error as it was', async () => {
		// the format of an uncorrectable error (the rule's example), with its bit
		const f = await findingsOf([
			'nvme 0000:01:00.0: PCIe Bus Error: severity=Uncorrected (Non-Fatal), type=Transaction Layer, (Requester ID)',
			'nvme 0000:01:00.0:    [14] CmpltTO                (First)'
		]);
		for (const x of f.filter((y) => y.rule.startsWith('hardware.pcie-aer')))
			expect(x.explanation.next_steps[1], x.rule).toMatch(/^Reseat the card or SSD/);
		expect(f.map((x) => x.rule).sort()).toEqual(['hardware.pcie-aer', 'hardware.pcie-aer-bit']);
	});
});
