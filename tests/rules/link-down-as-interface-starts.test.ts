/**
 * r8169 prints the link's first state, down, as the interface starts (its PHY attached just
 * before), then `Link is Up` once the link has negotiated: that is no lost link, and cable and
 * switch advice (network.link-down) misled. A drop after the card's link was up stays a drop.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

// zictes-log dmesg.0 lines 1375-1377 (a desktop's r8169 RTL8168h, a 5.x kernel, journalctl -k -o short-monotonic)
const ZICTES = [
	'[   28.275459] kernel: Generic FE-GE Realtek PHY r8169-700:00: attached PHY driver (mii_bus:phy_addr=r8169-700:00, irq=IGNORE)',
	'[   28.475941] kernel: r8169 0000:07:00.0 enp7s0: Link is Down',
	'[   32.086423] kernel: r8169 0000:07:00.0 enp7s0: Link is Up - 1Gbps/Full - flow control rx/tx',
	'[   32.086442] kernel: IPv6: ADDRCONF(NETDEV_CHANGE): enp7s0: link becomes ready'
];

// orion-o6 dmesg.out lines 883-887 (Radxa Orion O6, 6.12: two RTL8126A cards, r8169-<domain>-<id>)
const ORION = [
	'[    4.150935] RTL8126A-internal 5Gbps PHY r8169-0-100:00: attached PHY driver (mii_bus:phy_addr=r8169-0-100:00, irq=MAC)',
	'[    5.151065] r8169 0000:01:00.0 enp1s0: Link is Down',
	'[    5.186948] RTL8126A-internal 5Gbps PHY r8169-0-3100:00: attached PHY driver (mii_bus:phy_addr=r8169-0-3100:00, irq=MAC)',
	'[    6.167043] r8169 0000:31:00.0 enp49s0: Link is Down',
	'[   11.213017] r8169 0000:31:00.0 enp49s0: Link is Up - 5Gbps/Full - flow control off'
];

// the other PHY lines of the corpus, each with its card's link line: ubuntu-20-04-fips dmesg.txt
// lines 1541-1542 (RTL8208, 5.4), amdmsrtweaker lines 1596 and 1669 (5.0, r8169-<id>),
// askubuntu's journal lines 1891 and 1893 (5.13, r8169-<domain>-<id>)
const OTHERS: [string[], string, string][] = [
	[
		[
			'[   93.139899] RTL8208 Fast Ethernet r8169-0-f00:00: attached PHY driver [RTL8208 Fast Ethernet] (mii_bus:phy_addr=r8169-0-f00:00, irq=IGNORE)',
			'[   93.447309] r8169 0000:0f:00.0 eth0: Link is Down'
		],
		'0000:0f:00.0',
		'RTL8208 Fast Ethernet'
	],
	[
		[
			'[    7.605444] Generic PHY r8169-100:00: attached PHY driver [Generic PHY] (mii_bus:phy_addr=r8169-100:00, irq=IGNORE)',
			'[    7.865303] r8169 0000:01:00.0 net0: Link is Down'
		],
		'0000:01:00.0',
		'Generic PHY'
	],
	[
		[
			'Feb 09 12:29:29 hpPav kernel: Generic FE-GE Realtek PHY r8169-0-300:00: attached PHY driver (mii_bus:phy_addr=r8169-0-300:00, irq=MAC)',
			'Feb 09 12:29:29 hpPav kernel: r8169 0000:03:00.0 enp3s0: Link is Down'
		],
		'0000:03:00.0',
		'Generic FE-GE Realtek PHY'
	]
];

const linkFindings = async (lines: string[]) =>
	(await findingsOf(lines)).filter((f) => f.rule === 'network.link-down');

describe('a link down as its interface starts', () => {
	it('is the link not up yet, without cable advice, its PHY and chip in the facts', async () => {
		const [f, ...rest] = await linkFindings(ZICTES);
		expect(rest).toEqual([]);
		expect(f).toMatchObject({
			title: 'Network link not up yet as enp7s0 started',
			severity: 'info'
		});
		expect(f.details).toEqual({
			device: 'enp7s0',
			driver: 'r8169',
			chip: '0000:07:00.0',
			phy: 'Generic FE-GE Realtek PHY'
		});
		expect(f.explanation.meaning).toMatch(/It is not a lost link/);
		expect(f.explanation.next_steps[0]).toMatch(/^Nothing is needed when `Link is Up` follows/);
	});

	it('tells each card by its PHY’s bus (the domain form of 5.17 on)', async () => {
		const f = await linkFindings(ORION);
		expect(f.map((x) => [x.title, x.details.chip])).toEqual([
			['Network link not up yet as enp1s0 started', '0000:01:00.0'],
			['Network link not up yet as enp49s0 started', '0000:31:00.0']
		]);
	});

	it('reads the card and the PHY of every PHY line of the corpus', async () => {
		for (const [lines, chip, phy] of OTHERS) {
			const [f] = await linkFindings(lines);
			expect(f.title, lines[0]).toMatch(/^Network link not up yet as \w+ started$/);
			expect(f.details).toMatchObject({ chip, phy });
		}
	});

	it('is no storm when the interface started many times (the benchmark log has it in 11 boots)', async () => {
		const restarts = [0, 100, 200, 300, 400].flatMap((t) =>
			ZICTES.slice(0, 3).map((l) =>
				l.replace(
					/^\[\s*([\d.]+)\]/,
					(_, s: string) => `[${(Number(s) + t).toFixed(6).padStart(12)}]`
				)
			)
		);
		const [f, ...rest] = await linkFindings(restarts);
		expect(rest).toEqual([]);
		expect(f).toMatchObject({
			title: 'Network link not up yet as enp7s0 started',
			count: 5,
			severity: 'info'
		});
		expect(f.details).not.toHaveProperty('storm');
	});

	it('is a drop once the card’s link was up, or without the PHY’s line', async () => {
		const later = [...ZICTES, '[   95.000000] kernel: r8169 0000:07:00.0 enp7s0: Link is Down'];
		expect((await linkFindings(later)).map((x) => [x.title, x.count])).toEqual([
			['Network link not up yet as enp7s0 started', 1],
			['Network link down on enp7s0', 1]
		]);
		expect((await linkFindings(ZICTES.slice(1))).map((x) => x.title)).toEqual([
			'Network link down on enp7s0'
		]);
		// another card's PHY
		expect((await linkFindings([ORION[2], ORION[1]])).map((x) => x.title)).toEqual([
			'Network link down on enp1s0'
		]);
	});
});
