/**
 * A storm's `unless` detail keeps a finding from being a storm when it holds: true or a value (a
 * name, a number other than 0, a list that is not empty). False, null, 0, '' and an empty list
 * do not: such a finding is raised like any other.
 */
import { describe, expect, it } from 'vitest';
import { applyStorms, saysSo } from '../../src/lib/analysis/cascades.ts';
import { findingsOf } from '../support/analyze.ts';

// zictes-log dmesg.0 lines 1375-1377 (r8169 RTL8168h, a 5.x kernel)
const START = [
	'[   28.275459] kernel: Generic FE-GE Realtek PHY r8169-700:00: attached PHY driver (mii_bus:phy_addr=r8169-700:00, irq=IGNORE)',
	'[   28.475941] kernel: r8169 0000:07:00.0 enp7s0: Link is Down',
	'[   32.086423] kernel: r8169 0000:07:00.0 enp7s0: Link is Up - 1Gbps/Full - flow control rx/tx'
];

describe('storm.unless', () => {
	it('holds for true and a value, not for false, null, 0, an empty name or list', () => {
		expect([true, 'Generic PHY', 3, ['x']].map(saysSo)).toEqual([true, true, true, true]);
		expect([false, null, undefined, 0, '', []].map(saysSo)).toEqual([
			false,
			false,
			false,
			false,
			false,
			false
		]);
	});

	it('keeps a link’s starts from a storm by its PHY, and not by an empty one', async () => {
		const [start] = (await findingsOf(START)).filter((f) => f.rule === 'network.link-down');
		expect(start.details.phy).toBe('Generic FE-GE Realtek PHY');
		const many = { ...start, count: 10, severity: 'info' as const };
		const empty: typeof many = { ...many, details: { ...many.details, phy: '' } };
		const zero: typeof many = { ...many, details: { ...many.details, phy: 0 } };
		applyStorms([many, empty, zero]);
		expect(many.severity).toBe('info');
		expect(many.details).not.toHaveProperty('storm');
		// a wired link down 10 times is a medium storm
		expect([empty.severity, empty.details.storm]).toEqual(['medium', true]);
		expect([zero.severity, zero.details.storm]).toEqual(['medium', true]);
	});
});
