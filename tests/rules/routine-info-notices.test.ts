/**
 * The info rules whose lines are harmless in the normal case and need nothing done are routine
 * notices (LineRule.routine): listed apart, never a report's lead. Five of them were low before
 * (firmware placeholders the kernel works around, a graphics card's USB-C controller, a note for
 * driver developers) and no longer raise a report to "minor issues". The info rules that are an
 * observation the user should act on or know stay ordinary findings (docs/RULES.md).
 */
import { describe, expect, it } from 'vitest';
import { LINE_RULES } from '../../src/lib/analysis/rules/index.ts';
import { analyzeLines } from '../support/analyze.ts';

/** one real line of the corpus (host names replaced) per rule, and the log it comes from */
const ROUTINE_LINES: [rule: string, line: string][] = [
	// amdgpu-crash-crash1-txt.log line 1013 (Ryzen desktop, Arch)
	[
		'firmware.amd-ccp-unavailable',
		'[    4.101000] ccp 0000:0d:00.1: ccp: unable to access the device: you might be running a broken BIOS.'
	],
	// crash-logs-log12-04-txt.log line 2795 (a ThinkPad after resume)
	[
		'usb.host-controller-reinit',
		'[ 5120.330000] xhci_hcd 0000:00:14.0: xHC error in resume, USBSTS 0x411, Reinit'
	],
	// ideapad320-15ikb-defconf-genkernel-dmesg.log line 614
	[
		'firmware.tpm-crb-acpi-layout',
		'[    0.580810] tpm_crb MSFT0101:00: [Firmware Bug]: Bad ACPI memory layout'
	],
	// intel-audio-dmesg-log.log line 186
	[
		'firmware.tpm-interrupt-polling',
		'[    1.057976] tpm tpm0: [Firmware Bug]: TPM interrupt not working, polling instead'
	],
	// m11x-hwinfo-i1545-dmesg-log.log line 900 (Dell Inspiron 1545, 3.16)
	[
		'firmware.acpi-video-duplicate',
		'[    1.407258] [Firmware Bug]: Duplicate ACPI video bus devices for the same VGA controller, please try module parameter "video.allow_duplicates=1"if the current driver doesn\'t work.'
	],
	// intel-audio-dmesg-log.log line 179
	[
		'firmware.thermal-critical-invalid',
		'[    1.051265] ACPI: thermal: [Firmware Bug]: Invalid critical threshold (0)'
	],
	// linux-surface-pro-7-dump-actuallastbootlog-txt.log line 523
	['firmware.thermal-zone-no-trip', '[    1.602000] [Firmware Bug]: No valid trip found'],
	// orion-o6-dmesg-out.log line 277 (an ARM board's early ACPI tables)
	[
		'firmware.acpi-device-not-present',
		'[    0.263625] ACPI: [Firmware Bug]: Device [CRE0] status [0000000e]: not present and enabled'
	],
	// written from drivers/usb/typec/ucsi/ucsi_ccg.c (no corpus log has it)
	['usb.typec-ccg-failed', '[    5.000200] ucsi_ccg 0-0008: ucsi_ccg_init failed - -110'],
	// written from kernel/workqueue.c wq_cpu_intensive_report() (no corpus log has it)
	[
		'other.workqueue-cpu-hog',
		'[   14.201337] workqueue: output_poll_execute [drm_kms_helper] hogged CPU for >10000us 4 times, consider switching to WQ_UNBOUND'
	]
];

describe('info rules that are routine notices', () => {
	for (const [rule, line] of ROUTINE_LINES) {
		it(`${rule}: a routine info finding that never leads, and says when it would matter`, async () => {
			const r = await analyzeLines([line]);
			expect(r.findings.map((f) => [f.rule, f.severity, f.routine])).toEqual([
				[rule, 'info', true]
			]);
			expect(r.summary.verdict).toBe('healthy');
			expect(r.summary.primary_finding).toBeNull();
			// the explanation names the case in which it matters: a step that starts with If/Only if
			expect(r.findings[0].explanation.next_steps.some((s) => /^(?:If|Only if) /.test(s))).toBe(
				true
			);
		});
	}

	it('a thermal zone without trip points no longer makes a report "minor issues"', async () => {
		// linux-surface-pro-7-dump-actuallastbootlog-txt.log: the only finding above info was this
		const r = await analyzeLines([
			'[    1.602000] [Firmware Bug]: No valid trip found',
			'[    1.602100] [Firmware Bug]: No valid trip found'
		]);
		expect(r.summary.verdict).toBe('healthy');
		expect(r.summary.counts_by_severity.low).toBe(0);
	});

	it('the CCP notice gives the lead of a healthy report to a finding that is not routine', async () => {
		// zictes-log-dmesg.log: the CCP line, then virtualization switched off in the BIOS
		const r = await analyzeLines([
			'[    4.101000] ccp 0000:05:00.2: ccp: unable to access the device: you might be running a broken BIOS.',
			'[    4.101100] ccp 0000:05:00.2: tee enabled',
			'[    9.300000] kvm: disabled by bios'
		]);
		const lead = r.findings.find((f) => f.id === r.summary.primary_finding);
		expect(lead?.rule).toBe('firmware.virtualization-disabled');
		expect(lead?.routine).toBeUndefined();
	});

	it('the info rules left as findings are not routine (each is a fact to act on or know)', () => {
		const kept = [
			'firmware.virtualization-disabled',
			'firmware.tpm-disabled',
			'other.kernel-option-ignored',
			'hardware.pcie-aer-bit',
			'hardware.driver-probe-failed'
		];
		for (const id of kept) {
			const rule = LINE_RULES.find((r) => r.id === id);
			expect(rule?.severity, id).toBe('info');
			expect(rule?.routine, id).toBeUndefined();
		}
	});
});
