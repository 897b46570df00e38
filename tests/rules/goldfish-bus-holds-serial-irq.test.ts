/**
 * `genirq: Flags mismatch irq 4. … (serial) vs. … (goldfish_pdev_bus)`: the Android emulator's
 * platform bus, which x86 kernels built with CONFIG_GOLDFISH registered on every machine, holds the
 * first serial port's interrupt. The finding says so and what to do (a kernel without it), in a
 * VM or not; the VM step ("remove the device") would name the serial port goldfish displaced.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

const only = async (lines: string[], rule: string) => {
	const f = (await findingsOf(lines)).filter((x) => x.rule === rule);
	expect(f).toHaveLength(1);
	return f[0];
};

/** the lines that name the machine, left out: the same log on an unknown machine */
const unknown = (lines: string[]) => lines.filter((l) => !/Hardware name: /.test(l));

const BIOS_STEP = 'disable it in the BIOS/UEFI';

describe('an interrupt refused to the serial port by the Android emulator’s bus', () => {
	it('says to build the kernel without it, in a VM or not (lkp-05.log)', async () => {
		// lkp-05.log lines 3 and 14; the VM step ("remove the device") would name the serial port
		// that goldfish displaced
		const LINES = [
			'[   29.096478] genirq: Flags mismatch irq 4. 00000000 (serial) vs. 00000080 (goldfish_pdev_bus)',
			'[   29.105899] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014'
		];
		for (const lines of [LINES, unknown(LINES)]) {
			const f = await only(lines, 'hardware.irq-flags-mismatch');
			expect(f.severity).toBe('medium');
			expect(f.explanation.meaning).toMatch(/platform bus of the Android emulator/);
			const steps = f.explanation.next_steps.join('\n');
			expect(f.explanation.next_steps[0]).toMatch(/^Build the kernel without `CONFIG_GOLDFISH`/);
			expect(steps).not.toContain(BIOS_STEP);
			expect(steps).not.toContain('Remove the device');
		}
	});
});
