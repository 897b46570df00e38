/**
 * Advice that must fit the machine it is given for: PCI I/O ports left unassigned on an arm64
 * board whose host bridges have no I/O window (not x86's 64 KB shared by many bridges), and an
 * ignored `pci=` option that is not the AMD IOMMU option (no AMD passthrough step).
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../support/analyze.ts';

describe('PCI I/O ports left unassigned', () => {
	it('on an arm64 board whose host bridge has memory windows only, the explanation names that case', async () => {
		// orion-o6-dmesg-out.log lines 323-325, 332-333 and 341-342 (Radxa Orion O6, RTL8126)
		const r = await analyzeLines([
			'[    0.305259] pci_bus 0000:30: root bus resource [mem 0x38000000-0x3fffffff window]',
			'[    0.305261] pci_bus 0000:30: root bus resource [mem 0xc00000000-0xfffffffff window]',
			'[    0.305264] pci_bus 0000:30: root bus resource [bus 30-4f]',
			'[    0.305561] pci 0000:31:00.0: [10ec:8126] type 00 class 0x020000 PCIe Endpoint',
			'[    0.305581] pci 0000:31:00.0: BAR 0 [io  0x0000-0x00ff]',
			"[    0.312377] pci 0000:31:00.0: BAR 0 [io  size 0x0100]: can't assign; no space",
			'[    0.312381] pci 0000:31:00.0: BAR 0 [io  size 0x0100]: failed to assign'
		]);
		const f = r.findings.filter((x) => x.rule === 'hardware.pci-io-unassigned');
		expect(f.map((x) => [x.severity, x.routine, x.details.devices])).toEqual([
			['info', true, ['0000:31:00.0']]
		]);
		const e = f[0].explanation;
		expect(e.meaning).toMatch(/On ARM and other machines it is only the I\/O window/);
		expect(e.meaning).not.toMatch(/^The x86 I\/O port space/);
		expect(e.causes.map((c) => c.text).join(' ')).toContain('device tree’s `ranges`');
		expect(e.next_steps.join(' ')).toContain('on an ARM machine');
	});
});

describe('a kernel option the kernel did not understand', () => {
	it('pci=biosirq on a 64-bit kernel gets no AMD passthrough step', async () => {
		// ubuntu-20-04-fips-logs-dmesg-txt.log line 29 (x86_64, `pci=noacpi,nocrs,biosirq`)
		const r = await analyzeLines(["[    0.000000] PCI: Unknown option `biosirq'"]);
		expect(r.findings.map((x) => [x.rule, x.severity, x.title])).toEqual([
			['other.kernel-option-ignored', 'info', 'Kernel option pci=biosirq not understood: ignored']
		]);
		const e = r.findings[0].explanation;
		expect(e.meaning).toContain('exists only on 32-bit x86');
		expect(e.meaning).not.toContain('amd_iommu');
		expect(e.next_steps.join(' ')).not.toMatch(/AMD|passthrough/);
		expect(e.next_steps[0]).toMatch(/^Remove the option from the kernel command line/);
	});

	it('amd_iommu=on keeps the AMD explanation and its passthrough step', async () => {
		// proxmox-amd-5700u-gpu-pa-dmesg-txt.log line 62 (`amd_iommu=on iommu=pt`)
		const r = await analyzeLines(["[    0.065427] AMD-Vi: Unknown option - 'on'"]);
		const e = r.findings[0].explanation;
		expect(r.findings[0].title).toBe('Kernel option amd_iommu=on not understood: ignored');
		expect(e.meaning).toContain('`amd_iommu=on` is the common one');
		expect(e.next_steps.join(' ')).toContain('For PCI passthrough on AMD');
	});
});
