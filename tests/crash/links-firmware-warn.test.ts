/**
 * A firmware WARN() (crash.firmware-warning) linked to the firmware finding of the same
 * complaint: its own message line (abrt-cut-here's MTRR mask, abrt-oops-broken-bios's DMAR table,
 * satyr-github-113's interrupt remapping) or the fault printed right before it (orion-o6's EFI
 * runtime service). A firmware finding of the same kind elsewhere in the log is not linked.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { analyzeLines } from '../support/analyze.ts';
import { MTRR_WARN } from '../support/excerpts.ts';

function chains(r: AnalysisResult): string[][] {
	const rule = new Map(r.findings.map((f) => [f.id, f.rule]));
	return r.cascades.map((c) => c.chain.map((id) => rule.get(id)!));
}

/** abrt-oops-broken-bios.log lines 1-6 and 15-17 (Fedora 14, 2.6.35, HP Pavilion dv3) */
const BROKEN_BIOS = [
	'------------[ cut here ]------------',
	'WARNING: at drivers/pci/dmar.c:633 warn_invalid_dmar+0x7d/0x8d()',
	'Hardware name: HP Pavilion dv3 Notebook PC',
	'Your BIOS is broken; DMAR reported at address 0!',
	'BIOS vendor: Hewlett-Packard; Ver: F.13; Product Version: F.13',
	'Modules linked in:',
	'Pid: 0, comm: swapper Not tainted 2.6.35.6-45.fc14.x86_64 #1',
	'Call Trace:',
	' [<ffffffff8104d7c1>] warn_slowpath_common+0x85/0x9d',
	' [<ffffffff8104d834>] warn_slowpath_fmt_taint+0x3f/0x41',
	' [<ffffffff81245693>] warn_invalid_dmar+0x7d/0x8d',
	' [<ffffffff81bcf2c9>] check_zero_address+0xb9/0xf9',
	' [<ffffffff81bcf31b>] detect_intel_iommu+0x12/0x95',
	'---[ end trace a7919e7f17c0a725 ]---'
];

/** satyr-github-113.log lines 1-8, 13-14 and 17-19 (Fedora 18, 3.10.12, HP Z600) */
const IRQ_REMAPPING = [
	'WARNING: at drivers/iommu/intel_irq_remapping.c:533 intel_irq_remapping_supported+0x37/0x7a()',
	'This system BIOS has enabled interrupt remapping',
	'on a chipset that contains an erratum making that',
	'feature unstable.  To maintain system stability',
	'interrupt remapping is being disabled.  Please',
	'contact your BIOS vendor for an update',
	'Modules linked in:',
	'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 3.10.12-100.fc18.x86_64 #1',
	'Call Trace:',
	' [<ffffffff81656b45>] dump_stack+0x19/0x1b',
	' [<ffffffff8105d6ff>] warn_slowpath_fmt_taint+0x3f/0x50',
	' [<ffffffff8103883b>] ? ioapic_read_entry+0x4b/0x60',
	' [<ffffffff81d59a57>] intel_irq_remapping_supported+0x37/0x7a'
];

/** orion-o6-dmesg-out.log lines 495-499, 503-504 and 517-523 (Radxa Orion O6, BIOS 1.0, 6.12) */
const EFI_FAULT =
	'[    0.983881] [Firmware Bug]: Unable to handle paging request in EFI runtime service';
const EFI_WARN = [
	'[    0.983914] ------------[ cut here ]------------',
	'[    0.983918] WARNING: CPU: 11 PID: 1 at drivers/firmware/efi/runtime-wrappers.c:341 __efi_queue_work+0xf0/0x130',
	'[    0.983930] Modules linked in:',
	'[    0.983935] CPU: 11 UID: 0 PID: 1 Comm: swapper/0 Tainted: G S        I        6.12.9+bpo-arm64 #1  Debian 6.12.9-1~bpo12+1',
	'[    0.983941] Tainted: [S]=CPU_OUT_OF_SPEC, [I]=FIRMWARE_WORKAROUND',
	'[    0.983949] pc : __efi_queue_work+0xf0/0x130',
	'[    0.983951] lr : __efi_queue_work+0xdc/0x130',
	'[    0.983993] Call trace:',
	'[    0.983994]  __efi_queue_work+0xf0/0x130',
	'[    0.983997]  virt_efi_get_time+0x60/0xb8',
	'[    0.983999]  efi_rtc_probe+0x54/0x190',
	'[    0.984006]  platform_probe+0x70/0xd0',
	'[    0.984011]  really_probe+0xc8/0x3a0',
	'[    0.984052]  ret_from_fork+0x10/0x20',
	'[    0.984055] ---[ end trace 0000000000000000 ]---'
];

describe('a firmware WARN() and the firmware finding of its complaint', () => {
	it('are one chain when the WARN() prints the complaint (had been two unlinked findings)', async () => {
		const cases: [string[], string, string][] = [
			[
				MTRR_WARN,
				'firmware.mtrr-bad-mask',
				'The BIOS set up a memory range register (MTRR) wrongly; the kernel fixed it → WARNING in generic_get_mtrr'
			],
			[
				BROKEN_BIOS,
				'firmware.dmar-table-broken',
				'Intel IOMMU (VT-d) disabled: the BIOS DMAR table is broken → WARNING in warn_invalid_dmar'
			],
			[
				IRQ_REMAPPING,
				'firmware.irq-remapping-erratum',
				'Interrupt remapping disabled: the chipset has an erratum the BIOS did not work around → WARNING in intel_irq_remapping_supported'
			]
		];
		for (const [lines, rule, description] of cases) {
			const r = await analyzeLines(lines);
			expect(chains(r), rule).toEqual([[rule, 'crash.firmware-warning']]);
			expect(r.cascades[0].description).toBe(description);
			expect(r.cascades[0].links[0]).toMatchObject({ certainty: 'probable', reason: null });
			const warning = r.findings.find((f) => f.rule === 'crash.firmware-warning')!;
			const firmware = r.findings.find((f) => f.rule === rule)!;
			expect(warning.related).toEqual([firmware.id]);
		}
	});

	it('are one chain when the fault the WARN() is about comes right before it (EFI runtime service)', async () => {
		const r = await analyzeLines([EFI_FAULT, ...EFI_WARN]);
		expect(chains(r)).toEqual([['firmware.efi-runtime-disabled', 'crash.firmware-warning']]);
		expect(r.cascades[0].description).toBe(
			'EFI firmware faulted: runtime services disabled → WARNING in virt_efi_get_time'
		);
	});

	it('are not linked when the fault is not right before the WARN(): 2 s before it, or 5 lines', async () => {
		const later = EFI_WARN.map((l) => l.replace('[    0.98', '[    2.98'));
		const r = await analyzeLines([EFI_FAULT, ...later]);
		expect(r.findings.map((f) => f.rule)).toEqual([
			'firmware.efi-runtime-disabled',
			'crash.firmware-warning'
		]);
		expect(chains(r)).toEqual([]);
		const between = Array.from(
			{ length: 5 },
			(_, i) =>
				`[    0.98390${i}] usb 1-${i}: new high-speed USB device number ${i + 2} using ehci-pci`
		);
		expect(chains(await analyzeLines([EFI_FAULT, ...between, ...EFI_WARN]))).toEqual([]);
	});
});
