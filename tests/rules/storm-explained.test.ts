import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';

/**
 * i225nic-pstore-panic-log-txt.log (5.13, an Intel I225 NIC, igc), its transmit hang, reset and
 * link lines in the order of their times (the pstore dump holds each of them up to twice, in two
 * records): after each run of hangs the driver resets the card, which takes the link down and,
 * 5-11 s later, up again.
 */
const IGC_RESETS = [
	...[885.943938, 887.927912, 889.943954, 891.927957, 893.943938, 895.927935].map(
		(t) => `<3>[${t.toFixed(6).padStart(12)}] igc 0000:02:00.0 enp2s0: Detected Tx Unit Hang`
	),
	'<6>[  913.489892] igc 0000:02:00.0 enp2s0: NIC Link is Down',
	'<3>[  913.490303] igc 0000:02:00.0 enp2s0: Reset adapter',
	'<6>[  921.154626] igc 0000:02:00.0 enp2s0: NIC Link is Up 2500 Mbps Full Duplex, Flow Control: RX',
	'<6>[  963.734002] igc 0000:02:00.0 enp2s0: NIC Link is Down',
	'<3>[  963.734557] igc 0000:02:00.0 enp2s0: Reset adapter',
	'<6>[  972.442112] igc 0000:02:00.0 enp2s0: NIC Link is Up 2500 Mbps Full Duplex, Flow Control: RX',
	'<6>[ 1030.681963] igc 0000:02:00.0 enp2s0: NIC Link is Down',
	'<3>[ 1030.682379] igc 0000:02:00.0 enp2s0: Reset adapter',
	'<6>[ 1040.817909] igc 0000:02:00.0 enp2s0: NIC Link is Up 2500 Mbps Full Duplex, Flow Control: RX',
	'<6>[ 1080.601186] igc 0000:02:00.0 enp2s0: NIC Link is Down',
	'<3>[ 1080.601856] igc 0000:02:00.0 enp2s0: Reset adapter',
	'<6>[ 1085.941219] igc 0000:02:00.0 enp2s0: NIC Link is Up 2500 Mbps Full Duplex, Flow Control: RX'
];

describe('a link that goes down because the driver resets the card', () => {
	it('is no link-flapping storm: the transmit hang is the problem', async () => {
		const r = await analyzeText(IGC_RESETS.join('\n'));
		const link = r.findings.find((f) => f.rule === 'network.link-down')!;
		expect(link.count).toBe(4);
		expect(link.severity).toBe('info');
		expect(link.details.storm).toBeUndefined();
		expect(link.explanation.causes.map((c) => c.text).join(' ')).toContain('after a transmit hang');
		const hang = r.findings.find((f) => f.rule === 'network.nic-hang')!;
		expect(hang.severity).toBe('critical');
		expect(r.summary.primary_finding).toBe(hang.id);
	});

	it('is still one when nothing on that interface hung', async () => {
		// the same link lines without the hangs and resets: the link flapped by itself
		const flaps = IGC_RESETS.filter((l) => l.includes('Link is'));
		const r = await analyzeText(flaps.join('\n'));
		const link = r.findings.find((f) => f.rule === 'network.link-down')!;
		expect(link.severity).toBe('medium');
		expect(link.details.storm).toBe(true);
		// a hang of another card does not account for this one's drops
		const other = await analyzeText(
			[
				...IGC_RESETS.filter((l) => l.includes('Unit Hang')).map((l) =>
					l.replace('0000:02:00.0 enp2s0', '0000:03:00.0 enp3s0')
				),
				...flaps
			].join('\n')
		);
		expect(other.findings.find((f) => f.rule === 'network.link-down')!.severity).toBe('medium');
	});
});
