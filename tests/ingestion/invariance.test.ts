/**
 * The same log rewritten into every shape NecroScope reads gives the same crash findings, the
 * same kernel version and the same boots. The log: three real boots (fixtures/formats/real), each
 * behind a `Linux version` banner.
 */
import { describe, expect, it } from 'vitest';
import { baseBoots, outcome, render, SHAPES } from './shapes.ts';

describe('the same log in every shape', () => {
	const boots = baseBoots();
	it('the plain dmesg version finds the crashes of both boots', async () => {
		const ref = await outcome(render(boots, 'dmesg'));
		expect(ref.crashes.length).toBeGreaterThanOrEqual(2);
		expect(ref.kernel_version).toBe('5.9.12');
		expect(ref.boots).toEqual(['5.9.12', '4.10.0-rc6-00059-g2497278', '4.10.0-rc3-00259-g9881b02']);
	});
	for (const shape of SHAPES) {
		it(shape, async () => {
			const ref = await outcome(render(boots, 'dmesg'));
			const text = render(boots, shape);
			const got = await outcome(text);
			expect(got.crashes, JSON.stringify(got.formats)).toEqual(ref.crashes);
			expect(got.kernel_version).toBe(ref.kernel_version);
			expect(got.boots).toEqual(ref.boots);
			expect(got.lines_total).toBe(text.split('\n').length - 1);
			expect(got.unparsed).toBe(0);
			// every finding, not only the crashes; a finding that needs the kernel time of two lines
			// (a firmware request that waited a minute) is not found without it: dmesg -e gives
			// minutes and deltas, journalctl -o cat no time at all
			const timeless = shape === 'dmesg-reltime' || shape === 'journal-cat';
			expect(got.findings, JSON.stringify(got.formats)).toEqual(
				timeless
					? ref.findings.filter((f) => !f.startsWith('firmware.request-stalled'))
					: ref.findings
			);
			// a report ends at a gap of 5 s, measured in wall time where the lines carry no kernel
			// time (dmesg -T, syslog and journal without it): the null-pointer oops had taken three
			// lines of a report 23 minutes later, and a WARNING ending a boot had lost its end marker
			if (shape !== 'journal-cat') expect(got.reports).toEqual(ref.reports);
		});
	}
});
