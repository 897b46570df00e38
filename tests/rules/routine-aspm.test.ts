/**
 * The two ASPM lines users ask about are routine notices, not low findings: in each the kernel
 * leaves PCIe link power saving as the firmware set it, nothing fails, and what would make it
 * matter (a laptop's battery, a Realtek card that hangs) shows on its own.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../support/analyze.ts';

describe('ASPM left to the firmware', () => {
	it('after the host bridge’s _OSC failed is a routine notice, and the report stays healthy', async () => {
		// m11x-hwinfo-i1545-dmesg-log.log (Dell Inspiron 1545, 3.16)
		const r = await analyzeLines([
			'[    0.175082] acpi PNP0A03:00: _OSC failed (AE_NOT_FOUND); disabling ASPM'
		]);
		expect(r.findings.map((f) => [f.rule, f.severity, f.details.status])).toEqual([
			['firmware.pci-osc-aspm-firmware', 'info', 'AE_NOT_FOUND']
		]);
		expect(r.summary.verdict).toBe('healthy');
		expect(r.summary.primary_finding).toBeNull();
		expect(r.findings[0].explanation.next_steps.join(' ')).toMatch(/laptop/);
	});

	it('r8169 refused turning ASPM off is a routine notice per driver', async () => {
		// dfir-sample-files-syslog-1.log lines 344-795 (RTL8168g, Debian 6.6), shortened
		const r = await analyzeLines([
			"[    0.100000] ACPI FADT declares the system doesn't support PCIe ASPM, so disable it",
			'[    0.200000] acpi PNP0A08:00: FADT indicates ASPM is unsupported, using BIOS configuration',
			"[    1.000000] r8169 0000:01:00.0: can't disable ASPM; OS doesn't have ASPM control",
			'[    1.000100] r8169 0000:01:00.0 eth0: RTL8168g/8111g, 50:65:f3:00:00:01, XID 4c0, IRQ 28'
		]);
		expect(r.findings.map((f) => [f.rule, f.severity, f.title])).toEqual([
			[
				'hardware.aspm-disable-refused',
				'info',
				'r8169 could not turn off PCIe power saving (ASPM): the firmware keeps control'
			]
		]);
		expect(r.findings[0].explanation.next_steps.join(' ')).toMatch(/transmit queue timed out/);
		expect(r.summary.verdict).toBe('healthy');
	});
});
