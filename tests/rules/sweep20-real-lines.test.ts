/**
 * Real-log corpus reports read as their owner would (sweep 20): one problem told as several
 * findings, or told with advice that does not fit. Verbatim excerpts, named by file and line.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('a UEFI runtime service that faulted in the firmware (arm64)', () => {
	// orion-o6-dmesg-out.log lines 495 and 560 (Radxa Orion O6, BIOS 1.0, Debian 6.12): the
	// fault, then the next call refused; the WARN between them is a crash notice (qa-real-lines)
	const FAULT =
		'[    0.983881] [Firmware Bug]: Unable to handle paging request in EFI runtime service';
	const REFUSED = '[    1.048397] efi: EFI Runtime Services are disabled!';

	it('is one finding with both lines, not a second one with x86 microcode advice', async () => {
		const f = await findingsOf([FAULT, REFUSED]);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'firmware.efi-runtime-disabled',
				'EFI firmware faulted: runtime services disabled',
				'medium',
				1
			]
		]);
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 2]);
		expect(f[0].details).toEqual({
			reason: 'firmware fault',
			fault: 'paging request',
			later_call_refused: true
		});
		const advice = JSON.stringify(f[0].explanation);
		expect(advice).not.toMatch(/microcode/);
		expect(advice).toContain('efibootmgr');
	});

	it('is the fault alone when no call comes after it', async () => {
		const f = await findingsOf([FAULT]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['firmware.efi-runtime-disabled', 'EFI firmware faulted: runtime services disabled', 'medium']
		]);
		expect(f[0].details.later_call_refused ?? null).toBeNull();
	});

	it('keeps a refusal without a fault before it a boot choice', async () => {
		const f = await findingsOf([REFUSED]);
		expect(f.map((x) => [x.title, x.severity, x.details.reason])).toEqual([
			['EFI runtime services disabled', 'low', 'disabled at boot']
		]);
	});
});
