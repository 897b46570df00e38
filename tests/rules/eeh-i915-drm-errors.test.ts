/**
 * Findings of a QA reading of the GPU, USB, PCIe, thermal, power and sound lines of the real-log
 * corpus that no finding covered, with verbatim excerpts: abrt oops9-ppc64 (POWER's Enhanced
 * Error Handling froze a PCI adapter, whose driver then oopsed in its error-recovery callback).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { findingsOf } from '../support/analyze.ts';

describe('PowerPC EEH: a PCI adapter frozen after a PCI error', () => {
	// abrt-oops9-ppc64.log lines 1-8 and the call trace (RHEL 7, kernel 3.10, pSeries, ipr SAS adapter)
	const LINES = [
		'[ 104.660699] ipr 0001:01:00.0: Refused to change power state, currently in D3',
		'[ 104.669860] ipr 0001:01:00.0: Found IOA with IRQ: 17',
		'[ 104.669918] EEH: Detected PCI bus error on PHB#1-PE#10000',
		'[ 104.669926] EEH: This PCI device has failed 1 times in the last hour',
		'[ 104.669944] Unable to handle kernel paging request for data at address 0x000012e0',
		'[ 104.669951] Faulting instruction address: 0xd0000000008cb4dc',
		'[ 104.669962] Oops: Kernel access of bad area, sig: 11 [#1]',
		'[ 104.669967] SMP NR_CPUS=2048 NUMA pSeries',
		'[ 104.670013] CPU: 1 PID: 251 Comm: eehd Tainted: G W -------------- 3.10.0-33.el7.ppc64 #1',
		'[ 104.670190] NIP [d0000000008cb4dc] .ipr_pci_error_detected+0x18c/0x220 [ipr]',
		'[ 104.670204] LR [d0000000008cb4d8] .ipr_pci_error_detected+0x188/0x220 [ipr]',
		'[ 104.670217] Call Trace:',
		'[ 104.670222] [c000000010ff3a30] [c000000010ff3ad0] 0xc000000010ff3ad0 (unreliable)',
		'[ 104.670236] [c000000010ff3ad0] [c00000000806b258] .eeh_report_error+0x98/0x110',
		'[ 104.670246] [c000000010ff3b60] [c00000000806a19c] .eeh_pe_dev_traverse+0x9c/0x190',
		'[ 104.670256] [c000000010ff3c10] [c00000000806b670] .eeh_handle_event+0x70/0x330',
		'[ 104.670266] [c000000010ff3ca0] [c00000000806ba58] .eeh_event_handler+0x128/0x190',
		'[ 104.670277] [c000000010ff3d30] [c0000000080bcef8] .kthread+0xe8/0xf0',
		'[ 104.670287] [c000000010ff3e30] [c00000000800a1dc] .ret_from_kernel_thread+0x5c/0x80',
		'[ 104.670338] ---[ end trace 326ab80eeb2c3416 ]---'
	];

	it('is a high hardware finding with the failure count, before the oops', async () => {
		const f = await findingsOf(LINES);
		const eeh = f.find((x) => x.rule === 'hardware.pci-eeh');
		expect(eeh).toMatchObject({
			title: 'PCI error froze PowerPC PHB#1-PE#10000 (EEH)',
			severity: 'high',
			first_line: 3,
			last_line: 4
		});
		expect(eeh?.details).toMatchObject({ device: 'PHB#1-PE#10000', failures_last_hour: 1 });
		expect(eeh?.evidence.map((e) => e.line)).toEqual([3, 4]);
	});

	it('is linked as the cause of the oops in the EEH recovery thread', async () => {
		const r = await analyzeText(LINES.join('\n') + '\n');
		const eeh = r.findings.find((x) => x.rule === 'hardware.pci-eeh');
		const oops = r.findings.find((x) => x.category === 'crash');
		expect(oops?.title).toContain('ipr_pci_error_detected');
		expect(r.cascades.map((c) => c.chain)).toEqual([[eeh?.id, oops?.id]]);
		expect(r.summary.root_cause).toBe(eeh?.id);
		// the crash stays the headline: the boot's worst event
		expect(r.summary.primary_finding).toBe(oops?.id);
	});

	it('does not link an oops elsewhere to an EEH event', async () => {
		const other = LINES.map((l) => l.replaceAll('.eeh_', '.pci_'));
		const r = await analyzeText(other.join('\n') + '\n');
		expect(r.findings.some((x) => x.rule === 'hardware.pci-eeh')).toBe(true);
		expect(r.cascades).toEqual([]);
	});

	it('reports a device switched off after too many failures as critical', async () => {
		const f = await findingsOf([
			'[ 204.669918] EEH: PHB#1-PE#10000 has failed 6 times in the',
			'[ 204.669918] last hour and has been permanently disabled.',
			'[ 204.669918] Please try reseating or replacing it.'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'hardware.pci-eeh-disabled',
				'PowerPC PHB#1-PE#10000 disabled after PCI errors (EEH)',
				'critical'
			]
		]);
		expect(f[0].details).toMatchObject({ failures_last_hour: 6, reason: 'too many failures' });
	});
});

describe('i915 display FIFO underrun', () => {
	// skomra-logs-vmcore-dmesg-txt.log lines 821-822 (Acer Aspire ME600, Fedora 23, kernel 4.2, at boot)
	const LINES = [
		'[    1.308735] [drm:intel_set_pch_fifo_underrun_reporting [i915]] *ERROR* uncleared pch fifo underrun on pch transcoder A',
		'[    1.308755] [drm:intel_pch_fifo_underrun_irq_handler [i915]] *ERROR* PCH transcoder A FIFO underrun'
	];

	it('gets display advice, not the steps for a program that hung the GPU', async () => {
		const f = await findingsOf(LINES);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			['gpu.display-fifo-underrun', 'Display FIFO underrun (PCH transcoder A)', 'low', 2]
		]);
		const e = f[0].explanation;
		expect(e.meaning).toContain('uncleared');
		const steps = e.next_steps.join(' ');
		expect(steps).toContain('i915.enable_psr=0');
		expect(steps).not.toContain('Note which program');
		expect(e.causes.map((c) => c.text).join(' ')).not.toContain('sent invalid or endless work');
	});
});

describe('a DRM driver error that is no GPU hang', () => {
	// crash-logs-log12-04-txt.log line 2475 (ThinkPad X1 Carbon, i915, journalctl)
	const LINE =
		'Dec 04 19:03:10 peter-x1c kernel: i915 0000:00:02.0: [drm] *ERROR* Atomic update failure on pipe A (start=402283 end=402284) time 139 us, min 1073, max 1079, scanline start 1072, end 1081';

	it('gets advice for a driver error, not the steps for a hung GPU', async () => {
		const f = await findingsOf([LINE]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['gpu.drm-driver-error', 'i915 driver errors', 'low']
		]);
		const steps = f[0].explanation.next_steps.join(' ');
		expect(steps).not.toContain('hang');
		expect(steps).not.toContain('overclock');
		expect(steps).toContain('can be ignored');
	});
});
