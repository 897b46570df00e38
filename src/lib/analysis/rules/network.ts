import type { DetailValue, Explanation } from '../../models/finding.ts';
import type { LineRule } from './types.ts';
import { errnoName } from './util.ts';

const NET_REFS = [
	'https://docs.kernel.org/networking/netdevices.html',
	'https://docs.kernel.org/networking/device_drivers/index.html'
];

/**
 * Drivers' own reports of a transmit timeout (their ndo_tx_timeout or the reset it schedules):
 * tg3 `transmit timed out, resetting`, bnxt_en `TX timeout detected, starting reset task!`,
 * mlx5_core `TX timeout on queue: 3, …`, ixgbe `initiating reset due to tx timeout`, igb `Reset
 * adapter` (only its tx_timeout schedules that reset).
 */
const DRIVER_TX_TIMEOUT =
	/^(tg3|bnxt_en|mlx5_core|ixgbe) \S+ (?<device>[\w.@-]+): (transmit timed out, resetting|TX timeout detected, starting reset task!|TX timeout on queue: \d+|initiating reset due to tx timeout)/;
const IGB_RESET = /^(igb) \S+ (?<device>[\w.@-]+): (Reset adapter)$/;

/** the follow-up of a driver's own report right after dev_watchdog's (one timeout, not two) */
function driverFollow(trigger: string, example: string, pattern = DRIVER_TX_TIMEOUT) {
	return {
		trigger,
		pattern,
		details: (m: RegExpExecArray) => ({ driver_message: m[3] }),
		// after the WARN's trace of dev_watchdog (about 40 lines)
		within: 60,
		claims: true,
		examples: [example]
	};
}

/**
 * net/sched/sch_generic.c dev_watchdog, three shapes across kernel versions; before 6.7 it is a
 * WARN_ONCE, printed for the first timeout of a boot only, so the drivers' own reports (above)
 * of later ones are findings of this rule too.
 */
export const netdevWatchdog: LineRule = {
	id: 'network.tx-timeout',
	category: 'network',
	severity: 'high',
	triggers: [
		'NETDEV WATCHDOG: ',
		'transmit timed out, resetting',
		'TX timeout detected, starting reset task',
		'TX timeout on queue: ',
		'initiating reset due to tx timeout',
		'Reset adapter'
	],
	pattern:
		/^(?:(?:(\S+) \S+ ([\w.@-]+): )?NETDEV WATCHDOG: (?:([\w.@-]+) \(([^)]*)\)|CPU: \d+): transmit queue (\d+) timed out(?: (\d+) ms)?|(tg3|bnxt_en|mlx5_core|ixgbe) \S+ ([\w.@-]+): (transmit timed out, resetting|TX timeout detected, starting reset task!|TX timeout on queue: \d+|initiating reset due to tx timeout)|(igb) \S+ ([\w.@-]+): (Reset adapter)$)/,
	title: (m) =>
		`Network transmit timeout on ${m[3] ?? m[2] ?? m[8] ?? m[11]} (${m[4] ?? m[1] ?? m[7] ?? m[10]})`,
	details: (m): Record<string, DetailValue> =>
		m[7] || m[10]
			? { device: m[8] ?? m[11], driver: m[7] ?? m[10], driver_message: m[9] ?? m[12] }
			: {
					device: m[3] ?? m[2],
					driver: m[4] ?? m[1],
					queue: Number(m[5]),
					stalled_ms: m[6] ? Number(m[6]) : null
				},
	follow: [
		driverFollow(
			'transmit timed out, resetting',
			'tg3 0000:04:00.0 eth2: transmit timed out, resetting'
		),
		driverFollow(
			'TX timeout detected, starting reset task',
			'bnxt_en 0000:82:00.1 ens2f1: TX timeout detected, starting reset task!'
		),
		driverFollow(
			'TX timeout on queue: ',
			'mlx5_core 0000:5e:00.0 ens1f0: TX timeout on queue: 3, SQ: 0x1234, CQ: 0x5678, SQ Cons: 0x0 SQ Prod: 0x5, usecs since last trans: 12345000'
		),
		driverFollow(
			'initiating reset due to tx timeout',
			'ixgbe 0000:02:00.0 eth1: initiating reset due to tx timeout'
		),
		driverFollow('Reset adapter', 'igb 0000:01:00.0 eth0: Reset adapter', IGB_RESET)
	],
	storm: { count: 5, severity: 'critical' },
	examples: [
		'NETDEV WATCHDOG: enp3s0 (r8169): transmit queue 0 timed out',
		'NETDEV WATCHDOG: eth0 (e1000e): transmit queue 0 timed out 5120 ms',
		'r8169 0000:03:00.0 eth0: NETDEV WATCHDOG: CPU: 2: transmit queue 0 timed out 5304 ms',
		'NETDEV WATCHDOG: eth2 (tg3): transmit queue 0 timed out',
		'NETDEV WATCHDOG: ens2f1 (bnxt_en): transmit queue 5 timed out 5376 ms',
		'mlx5_core 0000:5e:00.0 ens1f0: NETDEV WATCHDOG: CPU: 7: transmit queue 3 timed out 5120 ms',
		'NETDEV WATCHDOG: eth1 (ixgbe): transmit queue 2 timed out',
		'tg3 0000:04:00.0 eth2: transmit timed out, resetting',
		'bnxt_en 0000:82:00.1 ens2f1: TX timeout detected, starting reset task!',
		'mlx5_core 0000:5e:00.0 ens1f0: TX timeout on queue: 3, SQ: 0x1234, CQ: 0x5678, SQ Cons: 0x0 SQ Prod: 0x5, usecs since last trans: 12345000',
		'ixgbe 0000:02:00.0 eth1: initiating reset due to tx timeout',
		'igb 0000:01:00.0 eth0: Reset adapter'
	],
	negatives: [
		'r8169 0000:03:00.0 eth0: Link is Up - 1Gbps/Full - flow control rx/tx',
		'e1000e 0000:00:1f.6 eno1: Reset adapter unexpectedly',
		'ixgbe 0000:02:00.0 eth1: Reset adapter'
	],
	explanation: {
		meaning:
			'The network card stopped sending packets: a transmit queue made no progress for several seconds, so the driver reset the card. The connection dropped or stalled meanwhile; repeated timeouts mean the network keeps cutting out.',
		causes: [
			{
				kind: 'driver',
				text: 'NIC driver or firmware bugs, very often with power saving (ASPM, EEE) on Realtek and Intel cards.'
			},
			{ kind: 'hardware', text: 'A failing NIC, bad cable/switch port, or a PCIe link problem.' }
		],
		next_steps: [
			'Identify the card and driver: `ethtool -i <iface>`, `lspci -nnk`.',
			'Update the kernel and NIC firmware; for r8169 try the vendor r8168 driver or `pcie_aspm=off`; disable EEE (`ethtool --set-eee <iface> eee off`).',
			'Swap the cable and switch port to rule out the link.'
		],
		references: NET_REFS
	}
};

/** a PCI address at the start of a driver's device name (bnxt_en's `0000:82:00.1:` has a colon after it) */
const PCI_ADDRESS = /^[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]/;

/**
 * The PCI address of r8169's MDIO bus, `r8169-0-300` (5.17 on: `r8169-<domain>-<id>`) or
 * `r8169-700` (before: `r8169-<id>`), the id being pci_dev_id, bus << 8 | devfn.
 */
function r8169Chip(domain: string | undefined, id: string): string {
	const v = parseInt(id, 16);
	const devfn = v & 0xff;
	const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
	return `${hex(parseInt(domain ?? '0', 16), 4)}:${hex(v >> 8, 2)}:${hex(devfn >> 3, 2)}.${devfn & 7}`;
}

/**
 * The link's first state as an interface starts (RULES.md, "A link down as the interface
 * started"): r8169 attaches its PHY when the interface is opened and prints the link's state,
 * down, before the 1-4 s the link needs to negotiate (zictes-log `dmesg.0`: `Link is Up` 3.6 s
 * later; amdmsrtweaker and ideapad320: no `Link is Up`, no cable)
 */
const LINK_DOWN_AT_START: Explanation = {
	meaning:
		'The interface was just started: its driver attached the PHY (the chip on the cable’s side: `attached PHY driver` just before) and printed the link’s first state, down. A link needs one to a few seconds to negotiate its speed after the PHY starts, so this line comes on every start of the interface, and `Link is Up` follows when a cable to a working port is plugged in. Without a `Link is Up` after it, no cable was connected (or the other end was off) when the interface started: it has no wired connection then, which matters only if one was meant to be there. It is not a lost link.',
	causes: [
		{
			kind: 'environment',
			text: 'The link still negotiating as the interface started (a `Link is Up` follows), or no cable plugged in (none follows).'
		}
	],
	next_steps: [
		'Nothing is needed when `Link is Up` follows, or when the interface is not used.',
		'If a cable is plugged in and the link stays down: `ethtool <iface>` (`Link detected`, speed) and the lights at both ends; try another cable and switch port.'
	],
	references: NET_REFS
};

/** `<drv> <bdf> eth0: Link is Down`, `e1000e: eth0 NIC Link is Down`, `igb ...: igb: eno1 NIC Link is Down` */
export const linkDown: LineRule = {
	id: 'network.link-down',
	category: 'network',
	severity: 'info',
	triggers: ['Link is Down', 'Link is down', 'Link down'],
	pattern:
		/^(?:([\w-]+) ([\w:.-]+) ([\w.@-]+): (?:\w+: [\w.@-]+ )?|([\w-]+): ([\w.@-]+) )(?:NIC )?Link (?:is )?[Dd]own\b/,
	title: (m) => `Network link down on ${m[3] ?? m[5]}`,
	details: (m): Record<string, DetailValue> => {
		const chip = m[2] === undefined ? null : PCI_ADDRESS.exec(m[2]);
		return {
			device: m[3] ?? m[5],
			driver: m[1] ?? m[4],
			// the card's PCI address: r8169's PHY names it (context)
			...(chip === null ? {} : { chip: chip[0] })
		};
	},
	// the link's first state as the interface starts: r8169's PHY attached just before, and no
	// `Link is Up` of the same card between (a later drop is a drop)
	context: {
		trigger: ['attached PHY driver', 'Link is Up'],
		pattern:
			/^(?:(.+?) r8169-(?:([0-9a-f]+)-)?([0-9a-f]+):[0-9a-f]+: attached PHY driver|[\w-]+ ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]):? [\w.@-]+: (?:\w+: [\w.@-]+ )?(?:NIC )?Link is Up)/,
		details: (m): Record<string, DetailValue> =>
			m[4] !== undefined ? { chip: m[4] } : { chip: r8169Chip(m[2], m[3]), phy: m[1] },
		sameDetail: 'chip',
		// r8169's MDIO bus names its card; other drivers' links are read as drops
		when: (m) => m[1] === 'r8169',
		within: 200,
		outcome: (c) =>
			c.phy === undefined
				? undefined
				: {
						title: (m) => `Network link not up yet as ${m[3] ?? m[5]} started`,
						severity: 'info',
						explanation: LINK_DOWN_AT_START
					},
		// zictes-log dmesg.0 (5.11: r8169-<id>), the card of the rule's first r8169 example; the
		// other names (r8169-<domain>-<id> of 5.17 on: orion-o6, askubuntu) are read in
		// tests/rules/link-down-as-interface-starts.test.ts
		examples: [
			'Generic FE-GE Realtek PHY r8169-700:00: attached PHY driver (mii_bus:phy_addr=r8169-700:00, irq=IGNORE)',
			'r8169 0000:07:00.0 enp7s0: Link is Up - 1Gbps/Full - flow control rx/tx'
		]
	},
	// a link that keeps dropping with no cause in the log (a cable, a switch port): low from 4
	// drops, medium from 10; the drops of a card that also hangs are that card's (cascades.ts);
	// an interface started many times (one start per boot) is no storm
	storm: { count: 4, severity: 'low', then: { count: 10, severity: 'medium' }, unless: 'phy' },
	examples: [
		'e1000e: eth0 NIC Link is Down',
		// zictes-log dmesg.0
		'r8169 0000:07:00.0 enp7s0: Link is Down',
		'r8169 0000:03:00.0 eth0: Link is Down',
		'igb 0000:01:00.0 eno1: igb: eno1 NIC Link is Down',
		'e1000e 0000:00:1f.6 enp0s31f6: NIC Link is Down',
		'bnxt_en 0000:3b:00.0 bond0: NIC Link is Down'
	],
	negatives: [
		'e1000e: eth0 NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx',
		'IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready'
	],
	explanation: {
		meaning:
			'The network interface lost its link (cable signal). Once is normal (cable unplugged, switch rebooted, link renegotiated at boot); repeated drops of the same interface are link flapping and interrupt connections.',
		causes: [
			{ kind: 'hardware', text: 'A bad cable, connector or switch port; a failing NIC.' },
			{
				kind: 'driver',
				text: 'Energy Efficient Ethernet (EEE) or power-saving bugs; speed/duplex negotiation problems.'
			},
			{ kind: 'environment', text: 'The other end (switch, router) rebooting or flapping.' }
		],
		next_steps: [
			'Check `ip -s link show <iface>` and `ethtool <iface>` (speed, errors); look at the switch port’s log.',
			'Replace the cable, try another switch port; disable EEE (`ethtool --set-eee <iface> eee off`).'
		],
		references: NET_REFS
	}
};

const WIRELESS_DOCS = 'https://wireless.docs.kernel.org/en/latest/';
const WIRELESS_DRIVER_PAGES: [RegExp, string][] = [
	[/^iwlwifi$/, 'iwlwifi.html'],
	[/^ath10k/, 'ath10k.html'],
	[/^ath11k/, 'ath11k.html']
];

/** Wi-Fi/NIC firmware crashes reported by their drivers. */
export const wifiFirmwareCrash: LineRule = {
	id: 'network.firmware-crash',
	category: 'network',
	severity: 'high',
	triggers: [
		'rror detected',
		'crashed',
		'chip reset',
		'leave lps state',
		'driver own failed',
		') timeout'
	],
	pattern:
		/^(?:([\w-]+) ([\w:.-]+): (?:[\w ]+: )?(Microcode SW error detected|Hardware error detected|firmware crashed|Firmware has halted or crashed|chip reset failed|firmware failed to leave lps state|driver own failed|Message [0-9a-f]{8} \(seq \d+\) timeout)|(brcmfmac): \w+: (Firmware has halted or crashed))/,
	title: (m) => {
		const drv = m[1] ?? m[4];
		if (m[3]?.includes('lps')) return `${drv} firmware stuck in power-save state`;
		if (m[3]?.startsWith('Message')) return `${drv} firmware not responding (MCU message timeout)`;
		return `${drv} firmware crashed`;
	},
	details: (m) => ({ driver: m[1] ?? m[4], device: m[2] ?? null, event: m[3] ?? m[5] }),
	severityOf: (m) => (m[3]?.includes('lps') || m[3]?.startsWith('Message') ? 'medium' : 'high'),
	storm: { count: 5, severity: 'critical' },
	examples: [
		'iwlwifi 0000:00:14.3: Microcode SW error detected. Restarting 0x0.',
		'iwlwifi 0000:03:00.0: Microcode SW error detected.  Restarting 0x2000000.',
		'ath10k_pci 0000:02:00.0: firmware crashed! (guid 4f7d6a2b-1c3e-4c0e-9d1e-3b6c7a8e9f00)',
		'ath11k_pci 0000:01:00.0: firmware crashed: MHI_CB_EE_RDDM',
		'mt7921e 0000:01:00.0: Message 00020007 (seq 11) timeout',
		'brcmfmac: brcmf_fw_crashed: Firmware has halted or crashed',
		'rtw_8821ce 0000:02:00.0: firmware failed to leave lps state'
	],
	negatives: [
		'iwlwifi 0000:00:14.3: loaded firmware version 72.daa05125.0 so-a0-gf-a0-72.ucode op_mode iwlmvm'
	],
	explanation: {
		meaning:
			'The firmware running on the Wi-Fi (or network) chip crashed or stopped answering, and the driver restarted it or carried on without it. Connectivity dropped for a moment; if it repeats the connection keeps cutting out. Realtek rtw88’s `firmware failed to leave lps state` means the chip did not wake from its Leisure Power Save state when the driver needed it: packets are delayed or lost and the connection may drop (often followed by `timed out to flush queue` and reconnections).',
		causes: [
			{
				kind: 'firmware',
				text: 'A bug in the chip’s firmware (linux-firmware package) or a firmware/driver version mismatch.'
			},
			{
				kind: 'driver',
				text: 'Power-saving features of the driver (Wi-Fi power save, ASPM) that the chip handles badly.'
			},
			{ kind: 'hardware', text: 'A failing card or a poor PCIe/M.2 connection.' }
		],
		next_steps: [
			'Update the kernel and the linux-firmware package; check `modinfo <driver>` and the firmware version printed at load.',
			'Try turning off power saving: `iw dev <wlan> set power_save off`, for iwlwifi `iwlmvm.power_scheme=1` (iwlwifi’s own `power_save` is already off by default), or `pcie_aspm=off` as a test; for Realtek rtw88 chips (rtw_8821ce, rtw_8822ce …) `options rtw88_core disable_lps_deep=y` and `options rtw88_pci disable_aspm=y` in a file under /etc/modprobe.d/, then reboot.',
			'Report the firmware dump (e.g. with iwlwifi `devcoredump`) to the driver maintainers if it keeps crashing.'
		],
		references: [WIRELESS_DOCS]
	},
	// the driver's own page of the wireless documentation where it has one (rtw88's finding had
	// pointed at the iwlwifi and ath10k pages)
	explanationOf(m) {
		const page = WIRELESS_DRIVER_PAGES.find(([re]) => re.test(m[1] ?? m[4]))?.[1];
		return page
			? {
					...wifiFirmwareCrash.explanation,
					references: [`${WIRELESS_DOCS}en/users/drivers/${page}`]
				}
			: undefined;
	}
};
const NIC_CAUSES = [
	{
		kind: 'driver' as const,
		text: 'NIC driver bugs, often with power saving (ASPM, EEE) or offloads (TSO/GSO) on Intel and Realtek cards.'
	},
	{
		kind: 'hardware' as const,
		text: 'A faulty card, a marginal PCIe link (see PCIe errors), overheating, or known silicon errata (e.g. early Intel I225-V steppings).'
	},
	{
		kind: 'firmware' as const,
		text: 'Outdated NVM/firmware on the card or BIOS settings for PCIe power management.'
	}
];

const NIC_STEPS = [
	'Identify the card: `ethtool -i <iface>` (driver, firmware version), `lspci -nnk -s <address>`.',
	'Update the kernel and the card NVM/BIOS; to test, disable power saving (`pcie_aspm=off`, `ethtool --set-eee <iface> eee off`) or offloads (`ethtool -K <iface> tso off gso off`).',
	'If the card keeps hanging or disappearing, try another slot or replace it.'
];

const NIC_HANG_MEANING =
	'The network card stopped sending: its transmit ring did not advance (the lines after it dump the ring state), and the driver will reset the card. The network drops out meanwhile; repeated hangs make the connection unusable and can end in link flapping or a kernel crash in the driver.';

const INTEL_DOCS = 'https://docs.kernel.org/networking/device_drivers/ethernet/intel/';

/** a transmit hang of a driver with its own page in the kernel's documentation */
const nicHangOf = (driver: string): Explanation => ({
	meaning: NIC_HANG_MEANING,
	causes: NIC_CAUSES,
	next_steps: NIC_STEPS,
	references: [`${INTEL_DOCS}${driver}.html`]
});

/** the explanation of a driver's transmit hang (e1000e's for the rule's own) */
const NIC_HANG = nicHangOf('e1000e');

/**
 * igc (I225, I226) has no page in the kernel's documentation (e1000e's, which it had been given,
 * is another driver's); its hangs and link drops are widely reported with Energy Efficient
 * Ethernet and PCIe power saving on, and the I225-V's early steppings have an erratum
 * (revision 01 and 02 in lspci; the B3 stepping, revision 03, fixed it).
 */
const NIC_HANG_IGC: Explanation = {
	meaning: `${NIC_HANG_MEANING} The driver is igc, for Intel’s 2.5 Gbit/s I225 and I226 controllers.`,
	causes: NIC_CAUSES,
	next_steps: [
		NIC_STEPS[0],
		'On the I225 and I226, hangs and link drops are most often reported with Energy Efficient Ethernet or PCIe power saving on: turn EEE off (`ethtool --set-eee <iface> eee off`) and, to test, boot with `pcie_aspm=off`; update the kernel and the board’s BIOS (which carries the controller’s NVM). An I225-V of revision 01 or 02 (`lspci -nn -s <address>`) has an erratum of its early steppings, fixed in revision 03: if nothing helps, the controller or the board is the fix.',
		NIC_STEPS[2]
	],
	references: ['https://man7.org/linux/man-pages/man8/ethtool.8.html']
};

const NIC_HANG_OF: Readonly<Record<string, Explanation>> = {
	e1000e: NIC_HANG,
	igb: nicHangOf('igb'),
	igbvf: nicHangOf('igbvf'),
	ixgbe: nicHangOf('ixgbe'),
	ixgbevf: nicHangOf('ixgbevf'),
	igc: NIC_HANG_IGC
};

/** e1000e/igb/igc/ixgbe: `igc 0000:02:00.0 enp2s0: Detected Tx Unit Hang` (`Detected Hardware Unit Hang` on e1000e; igb names the PCI device only). */
export const nicHang: LineRule = {
	id: 'network.nic-hang',
	category: 'network',
	severity: 'high',
	triggers: [' Unit Hang'],
	pattern:
		/^(e1000e|igc|igb|ixgbe|ixgbevf|igbvf) ([\w:.-]+)(?: ([\w.@-]+))?: Detected (Hardware|Tx) Unit Hang/,
	title: (m) => `Network card ${m[3] ?? m[2]} transmit hang (${m[1]})`,
	details: (m) => ({ driver: m[1], device: m[3] ?? m[2], kind: m[4] }),
	storm: { count: 5, severity: 'critical' },
	examples: [
		'e1000e 0000:00:1f.6 eno1: Detected Hardware Unit Hang:',
		'igc 0000:02:00.0 enp2s0: Detected Tx Unit Hang',
		// igb prints it with the PCI device (dev_err), not the interface
		'igb 0000:01:00.0: Detected Tx Unit Hang'
	],
	negatives: ['igc 0000:02:00.0 enp2s0: NIC Link is Up 2500 Mbps Full Duplex, Flow Control: RX'],
	explanation: NIC_HANG,
	explanationOf: (m) => NIC_HANG_OF[m[1]]
};

/**
 * drivers/net/ethernet/mellanox/mlx5/core/health.c (ConnectX-4 and later), messages of
 * mlx5_core_err/mlx5_log, which put the function, line and pid first: `mlx5_core 0000:3b:00.0:
 * poll_health:785:(pid 0): Fatal error 1 detected`, `… device's health compromised - reached miss
 * count` (the firmware stopped updating its health counter), print_health_info()'s dump (6.x:
 * `Health issue observed, firmware internal error, severity(3) ERROR:`, then `assert_var[0]
 * 0x…` … `synd 0x1: firmware internal error`; older kernels print the dump from `assert_var[0]`
 * on), `Driver is in error state. Unloading`, `health recovery failed`; `FW fatal error` is how
 * the devlink health reporter names it. The dump's lines join the message that started it.
 */
export const mlx5Health: LineRule = {
	id: 'network.mlx5-health',
	category: 'network',
	severity: 'high',
	triggers: [
		'Fatal error ',
		'health compromised',
		'Health issue observed',
		'assert_var[0]',
		'Driver is in error state',
		'health recovery failed',
		'FW fatal error'
	],
	pattern:
		/^mlx5_core (\S+): (?:\w+:\d+:\(pid \d+\): )?(?:(Fatal error \d+ detected)|(?:device's )?(health compromised) - reached miss count|Health issue observed, ([^,]+), severity\((\d)\)|(assert_var)\[0\] 0x|(Driver is in error state)|(health recovery failed)|.*(FW fatal error))/,
	title: (m) =>
		m[4] !== undefined && Number(m[4]) >= 4
			? `Mellanox ConnectX (mlx5) adapter ${m[1]} reported a firmware health warning`
			: `Mellanox ConnectX (mlx5) adapter ${m[1]}: firmware fatal error`,
	details: (m) => ({
		driver: 'mlx5_core',
		device: m[1],
		event:
			m[2] ??
			(m[3] ? 'health counter stopped (miss count reached)' : undefined) ??
			(m[4] ? `health issue (firmware severity ${m[4]})` : undefined) ??
			(m[5] ? 'health buffer dump' : undefined) ??
			m[6] ??
			m[7] ??
			m[8],
		syndrome: m[3] ?? null
	}),
	// the firmware's severity: 0-3 emergency to error, 4 and above warning to debug
	severityOf: (m) => (m[4] !== undefined && Number(m[4]) >= 4 ? 'medium' : 'high'),
	follow: [
		{
			// 6.x: the dump's header after `Fatal error N detected` (one event)
			trigger: 'Health issue observed',
			pattern:
				/^mlx5_core (?<device>\S+): (?:\w+:\d+:\(pid \d+\): )?Health issue observed, ([^,]+), severity/,
			details: (m) => ({ syndrome: m[2] }),
			within: 3,
			claims: true,
			examples: [
				'mlx5_core 0000:3b:00.0: print_health_info:431:(pid 0): Health issue observed, firmware internal error, severity(3) ERROR:'
			]
		},
		{
			trigger: 'assert_var[0]',
			pattern: /^mlx5_core (?<device>\S+): (?:\w+:\d+:\(pid \d+\): )?assert_var\[0\] (0x[0-9a-f]+)/,
			details: (m) => ({ assert_var0: m[2] }),
			within: 4,
			claims: true,
			examples: ['mlx5_core 0000:3b:00.0: print_health_info:435:(pid 0): assert_var[0] 0x00000001']
		},
		{
			trigger: 'synd 0x',
			pattern: /^mlx5_core (?<device>\S+): (?:\w+:\d+:\(pid \d+\): )?synd (0x[0-9a-f]+): (.+)/,
			details: (m) => ({ syndrome: m[3].trim(), syndrome_code: m[2] }),
			within: 20,
			examples: [
				'mlx5_core 0000:3b:00.0: print_health_info:447:(pid 0): synd 0x1: firmware internal error'
			]
		}
	],
	examples: [
		'mlx5_core 0000:3b:00.0: poll_health:785:(pid 0): Fatal error 1 detected',
		"mlx5_core 0000:3b:00.0: poll_health:801:(pid 0): device's health compromised - reached miss count",
		'mlx5_core 0000:3b:00.0: print_health_info:431:(pid 0): Health issue observed, firmware internal error, severity(3) ERROR:',
		'mlx5_core 0000:5e:00.1: print_health_info:431:(pid 1234): Health issue observed, High temperature, severity(4) WARNING:',
		'mlx5_core 0000:3b:00.0: print_health_info:373:(pid 0): assert_var[0] 0x00000001',
		'mlx5_core 0000:3b:00.0: mlx5_fw_fatal_reporter_err_work:657:(pid 123): Driver is in error state. Unloading',
		'mlx5_core 0000:3b:00.0: mlx5_health_try_recover:343:(pid 123): health recovery failed',
		'mlx5_core 0000:3b:00.0: mlx5_fw_fatal_reporter_err_work: FW fatal error reported'
	],
	negatives: [
		'mlx5_core 0000:3b:00.0: print_health_info:436:(pid 0): assert_var[1] 0x00000000',
		'mlx5_core 0000:3b:00.0: mlx5_health_try_recover:347:(pid 123): health recovery succeeded',
		'mlx5_core 0000:3b:00.0: firmware version: 16.35.2000'
	],
	explanation: {
		meaning:
			'The firmware of a Mellanox/NVIDIA ConnectX network adapter (driver mlx5_core) reported a fatal error or stopped updating its health counter, and the driver printed the firmware’s health buffer (assert_var, synd). The adapter stops passing traffic; the driver tries to recover it by resetting it ("health recovery"), which takes its interfaces (and any RDMA/InfiniBand users, virtual functions and VMs using them) down meanwhile, or unloads it when that fails. A "health warning" of a lower firmware severity (such as high temperature) is a warning the adapter kept running through.',
		causes: [
			{
				kind: 'firmware',
				text: 'A bug of the adapter’s firmware (the syndrome and assert_var values identify it for the vendor), often fixed by a newer firmware.'
			},
			{
				kind: 'hardware',
				text: 'Overheating (poor airflow over the card), a failing adapter, or PCIe errors on its slot (see PCIe AER findings).'
			},
			{ kind: 'driver', text: 'A driver and firmware pair that do not work together well.' }
		],
		next_steps: [
			'Note the firmware version (`ethtool -i <iface>`, `mlxfwmanager` or `flint -d <pci> q`) and update it to the vendor’s current release for the card.',
			'Check the card’s temperature and the slot’s PCIe errors (`mget_temp`, `lspci -vvv -s <pci>`).',
			'If it repeats, collect the health report (`devlink health show`, `devlink health dump show pci/<pci> reporter fw_fatal`) with this log for NVIDIA/Mellanox support.'
		],
		references: [
			'https://docs.kernel.org/networking/device_drivers/ethernet/mellanox/mlx5/devlink.html',
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/net/ethernet/mellanox/mlx5/core/health.c'
		]
	}
};

/**
 * Intel's Malicious Driver Detection: the NIC checked the transmit (or receive) descriptors it was
 * given and found them invalid. i40e (drivers/net/ethernet/intel/i40e/i40e_main.c
 * i40e_handle_mdd_event): `Malicious Driver Detection event 0x02 on TX queue 5 PF number 0x00 VF
 * number 0x00`, then, before 5.x, `TX driver issue detected, PF reset issued` (the function is
 * reset), or `TX driver issue detected on VF 3` (the VF is disabled until its host re-enables it);
 * ice: `Malicious Driver Detection event 2 on TX queue 5 PF# 0 VF# 0`.
 */
export const nicMdd: LineRule = {
	id: 'network.nic-mdd-event',
	category: 'network',
	severity: 'medium',
	triggers: ['driver issue detected', 'Malicious Driver Detection event'],
	pattern:
		/^(i40e|ice) (\S+)(?: [\w.@-]+)?: (?:(TX|RX) driver issue detected(?:(, PF reset issued)| on VF (\d+))|Malicious Driver Detection event (?:0x)?([0-9a-f]+) on (TX|RX) queue (\d+))/,
	title: (m) =>
		m[5]
			? `${m[1]} ${m[2]}: virtual function ${m[5]} disabled by Malicious Driver Detection`
			: `${m[1]} ${m[2]}: Malicious Driver Detection event`,
	details: (m) => ({
		driver: m[1],
		device: m[2],
		direction: m[3] ?? m[7],
		// the event line does not say: the reset line after it does (follow)
		pf_reset: m[6] !== undefined ? null : m[4] !== undefined,
		vf: m[5] ? Number(m[5]) : null,
		mdd_event: m[6] ?? null,
		queue: m[8] ? Number(m[8]) : null
	}),
	/*
	 * i40e_handle_mdd_event() prints the event (`Malicious Driver Detection event 0x02 on TX
	 * queue 5 …`), then, for the PF's own queues, `TX driver issue detected, PF reset issued`:
	 * one event, counted once (a storm is of events, not lines). The group `pf_reset` keys it to
	 * a message whose pf_reset is not known yet (an event line): a reset line alone (older
	 * kernels print the event line only with netif_msg_tx_err) has `true`, which it never equals.
	 */
	follow: [
		{
			trigger: 'driver issue detected, PF reset issued',
			pattern:
				/^(?:i40e|ice) (?<device>\S+)(?: [\w.@-]+)?: (?:TX|RX) driver issue detected, (?<pf_reset>PF reset) issued/,
			details: () => ({ pf_reset: true }),
			within: 5,
			claims: true,
			examples: ['i40e 0000:3b:00.0: TX driver issue detected, PF reset issued']
		}
	],
	storm: { count: 5, severity: 'high' },
	examples: [
		'i40e 0000:3b:00.0: Malicious Driver Detection event 0x02 on TX queue 5 PF number 0x00 VF number 0x00',
		'i40e 0000:3b:00.0: TX driver issue detected, PF reset issued',
		'i40e 0000:3b:00.1: RX driver issue detected, PF reset issued',
		'i40e 0000:3b:00.0: TX driver issue detected on VF 3',
		'ice 0000:17:00.0: Malicious Driver Detection event 2 on TX queue 12 PF# 0 VF# 0'
	],
	negatives: ['i40e 0000:3b:00.0: Use PF Control I/F to re-enable the VF'],
	explanation: {
		meaning:
			'The Intel network adapter checked the descriptors its driver (or a virtual machine’s driver, for a VF) gave it and found them invalid ("malicious"): the adapter refuses them, and the driver resets the whole function ("PF reset issued": its links drop for a few seconds and traffic stops meanwhile) or disables the virtual function (a VM loses its network until the host re-enables it). A few events after a hang or a driver change may be harmless; repeated ones mean the link keeps resetting.',
		causes: [
			{
				kind: 'driver',
				text: 'A driver bug building transmit descriptors, often with offloads (TSO, checksum offload) or unusual packets (tunnels, very small or fragmented frames).'
			},
			{
				kind: 'firmware',
				text: 'An old NVM (adapter firmware) that does not fit the driver version.'
			},
			{
				kind: 'userspace',
				text: 'For a VF: the guest’s driver (iavf, DPDK) misbehaving, which is what the check protects the host from.'
			}
		],
		next_steps: [
			'Note driver and firmware versions (`ethtool -i <iface>`) and update the kernel (or Intel’s out-of-tree driver) and the adapter’s NVM.',
			'As a test turn offloads off (`ethtool -K <iface> tso off gso off`) and see whether the events stop.',
			'For a VF, update the guest’s driver; the host re-enables the VF by resetting it.'
		],
		references: [
			'https://docs.kernel.org/networking/device_drivers/ethernet/intel/i40e.html',
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/net/ethernet/intel/i40e/i40e_main.c'
		]
	}
};

/**
 * e1000e (Intel I217/I218/I219 PHY on the chipset): the PHY's Ultra Low Power mode, entered
 * when the port is idle or the system suspends, could not be left (the Management Engine did not
 * answer in time): `e1000e 0000:00:1f.6 enp0s31f6: Failed to disable ULP`.
 */
export const nicUlp: LineRule = {
	id: 'network.nic-ulp-failed',
	category: 'network',
	severity: 'low',
	triggers: ['Failed to disable ULP'],
	pattern: /^e1000e [\w:.-]+ ([\w.@-]+): Failed to disable ULP/,
	title: (m) => `Network card ${m[1]} could not leave its ultra-low-power mode (e1000e)`,
	details: (m) => ({ driver: 'e1000e', device: m[1] }),
	examples: [
		// crash-logs log12-04 (ThinkPad X1 Carbon, I219, no cable plugged in)
		'e1000e 0000:00:1f.6 enp0s31f6: Failed to disable ULP'
	],
	negatives: ['e1000e 0000:00:1f.6 enp0s31f6: NIC Link is Down'],
	explanation: {
		meaning:
			'The Intel Ethernet port (I219 and its relatives) sleeps in Ultra Low Power mode while it is idle or the system suspends; waking it failed, because the firmware of the Management Engine that shares the PHY did not answer in time. The port may then not detect a cable or not come up after boot or resume. Without a cable plugged in this is common and harmless; the warning matters when the wired network does not work.',
		causes: [
			{
				kind: 'firmware',
				text: 'Management Engine (ME) or BIOS firmware that is slow to release the PHY, often after resume or with no cable connected.'
			},
			{
				kind: 'driver',
				text: 'e1000e versions with ULP handling bugs for newer chipsets, fixed in later kernels.'
			}
		],
		next_steps: [
			'If the wired network works, nothing needs doing.',
			'If the port does not come up after boot or resume: re-plug the cable, reload the driver (`modprobe -r e1000e && modprobe e1000e`), and update the kernel, the BIOS and the Intel ME firmware.',
			'See `ethtool --show-priv-flags <interface>` for the power-saving switches your e1000e version offers, and the BIOS for the LAN power-management settings (Wake on LAN, deep sleep).'
		],
		references: ['https://docs.kernel.org/networking/device_drivers/ethernet/intel/e1000e.html']
	}
};

/** `igc 0000:06:00.0 eth0: PCIe link lost, device now detached` (igb/igc/ixgbe surprise removal). */
export const nicLost: LineRule = {
	id: 'network.nic-lost',
	category: 'network',
	severity: 'critical',
	triggers: ['PCIe link lost'],
	pattern: /^(\w+) [\w:.-]+ ([\w.@-]+): PCIe link lost, device now detached/,
	title: (m) => `Network card ${m[2]} fell off the PCIe bus (${m[1]})`,
	details: (m) => ({ driver: m[1], device: m[2] }),
	examples: ['igc 0000:06:00.0 eth0: PCIe link lost, device now detached'],
	negatives: ['igc 0000:06:00.0 eth0: NIC Link is Down'],
	explanation: {
		meaning:
			'The network card stopped answering on the PCIe bus and the driver detached it: the interface is gone until the machine is rebooted (or the device rescanned).',
		causes: NIC_CAUSES,
		next_steps: NIC_STEPS,
		references: ['https://docs.kernel.org/PCI/pci-error-recovery.html']
	}
};

/**
 * net/sunrpc/clnt.c call_timeout(): `nfs: server 10.0.0.5 not responding, still trying` (a hard
 * mount: the call is retried) / `..., timed out` (a soft mount: the call fails). Only a call that
 * printed `still trying` sets RPC_CALL_MAJORSEEN, and call_decode() then prints `nfs: server
 * 10.0.0.5 OK` when the server answers it: the outage ended (resolve).
 */
export const nfsNotResponding: LineRule = {
	id: 'network.nfs-not-responding',
	category: 'network',
	severity: 'high',
	triggers: ['nfs: server '],
	pattern: /^nfs: server (\S+) not responding, (still trying|timed out)/,
	title: (m) => `NFS server ${m[1]} not responding`,
	// `device` (the server) lets only that server's `OK` resolve the message
	details: (m) => ({ server: m[1], outcome: m[2], device: m[1] }),
	resolve: {
		trigger: 'nfs: server ',
		pattern: /^nfs: server (?<device>\S+) OK$/,
		// an outage of a hard mount may last long: the OK still ends it, within 5000 lines of the
		// server's latest `still trying` (every call that timed out prints one: they are one
		// outage, however many)
		within: 5000,
		repeats: true,
		when: (m) => m[2] === 'still trying',
		title: (m) => `NFS server ${m[1]} stopped answering for a while, then came back`,
		severity: 'medium',
		examples: ['nfs: server fileserver OK'],
		explanation: {
			meaning:
				'An NFS server did not answer for a while and then answered again ("nfs: server … OK"). The share is mounted hard, so nothing failed: programs reading or writing files on it waited (frozen, perhaps with hung-task reports meanwhile) and carried on once the server was back.',
			causes: [
				{
					kind: 'environment',
					text: 'The server was restarted, overloaded or briefly unreachable (network outage, failover, a switch or Wi-Fi link dropping).'
				},
				{
					kind: 'hardware',
					text: 'A flaky network link on either side (see link-down or transmit-timeout findings at the same time).'
				}
			],
			next_steps: [
				'Compare the times of the two lines with the server’s own logs and its reboots or maintenance.',
				'If it happens often, check the network path (`ping`, interface errors with `ip -s link`) and the server’s load; `nfsstat -c` shows the client’s retransmissions.'
			],
			references: ['https://man7.org/linux/man-pages/man5/nfs.5.html']
		}
	},
	examples: [
		'nfs: server 10.143.140.121 not responding, timed out',
		'nfs: server fileserver not responding, still trying'
	],
	negatives: ['nfs: server fileserver OK', 'nfs: server 10.0.0.5 OK'],
	explanation: {
		meaning:
			'An NFS server did not answer. With a hard mount ("still trying") every program touching the share hangs until it comes back (often followed by hung-task reports); with a soft mount ("timed out") their reads and writes fail.',
		causes: [
			{
				kind: 'environment',
				text: 'The NFS server is down, overloaded or unreachable (network outage, firewall, routing).'
			},
			{
				kind: 'hardware',
				text: 'A failing network link on either side (see link-down or transmit-timeout findings).'
			},
			{
				kind: 'configuration',
				text: 'Mount options (soft/hard, timeo, retrans) or NFS version mismatches.'
			}
		],
		next_steps: [
			'Check the server and the path to it: `ping`, `rpcinfo -p <server>`, `showmount -e <server>`; look for "nfs: server ... OK" later in the log.',
			'See which mounts are affected with `findmnt -t nfs,nfs4` and `nfsstat -m`.',
			'Consider mount options (`timeo=`, `retrans=`, `soft` only for data that may be lost) and monitoring of the server.'
		],
		references: ['https://man7.org/linux/man-pages/man5/nfs.5.html']
	}
};

/**
 * net/mac80211/mlme.c: `wlp2s0: association with 00:11:22:33:44:55 timed out`; kernels before
 * 2.6.34 wrote `with AP 00:11:22:33:44:55`, and before 3.x the probe request mac80211 sent to an
 * access point before authenticating could time out too (`wlan0: direct probe to
 * 00:11:22:33:44:55 timed out`, `… to AP …` before 2.6.34)
 */
export const wifiAssocTimeout: LineRule = {
	id: 'network.wifi-connect-timeout',
	category: 'network',
	severity: 'low',
	triggers: [' timed out'],
	pattern:
		/^([\w.-]+): (?:(association|authentication) with|(direct probe) to) (?:AP )?[0-9a-f:]{17} timed out/,
	title: (m) => `Wi-Fi ${m[2] ?? m[3]} timed out on ${m[1]}`,
	details: (m) => ({ device: m[1], step: m[2] ?? m[3] }),
	// the interface's chip (`rtw_8821ce 0000:02:00.0 wlp2s0: renamed from wlan0`): the chip's own
	// trouble just before is the cause (cascades.ts, wifiChipCause)
	attachedAs: 'chip',
	storm: { count: 5, severity: 'medium' },
	/*
	 * net/mac80211/mlme.c: status 30 (WLAN_STATUS_ASSOC_REJECTED_TEMPORARILY) in the AssocResp,
	 * `wlp2s0: d4:35:1d:04:38:b5 rejected association temporarily; comeback duration 1000 TU
	 * (1024 ms)`, until the tries run out (crash-logs log12-04.txt: four times at boot and after
	 * a resume, each followed by a successful association a few seconds later)
	 */
	context: {
		trigger: 'rejected association temporarily',
		// `AP 00:11:22:33:44:55 rejected …` before 2.6.34
		pattern:
			/^([\w.-]+): (?:AP )?[0-9a-f:]{17} rejected association temporarily; comeback duration (\d+) TU/,
		details: (m) => ({ device: m[1], rejected_temporarily: true, comeback_tu: Number(m[2]) }),
		within: 60,
		sameDevice: true,
		when: (m) => m[2] === 'association',
		examples: [
			'wlp2s0: d4:35:1d:04:38:b5 rejected association temporarily; comeback duration 1000 TU (1024 ms)'
		],
		outcome: {
			title: (m) => `Wi-Fi access point refused association temporarily on ${m[1]}`,
			severity: 'low',
			explanation: {
				meaning:
					'The access point answered every association request with status 30, "rejected temporarily, try again later", until the client gave up. With protected management frames (802.11w, PMF; WPA3 and many WPA2 networks) an access point does so while it still holds an earlier association of the same client: it first checks with an SA Query whether that one is still alive. Usually the client connects a few seconds later, once the access point has dropped the old association; it happens after a reboot, a resume or a crash that left without a proper disconnect.',
				causes: [
					{
						kind: 'environment',
						text: 'The access point still had the client’s previous association (the client rebooted, resumed or lost the link without sending a deauthentication).'
					},
					{
						kind: 'firmware',
						text: 'An access point that keeps refusing (a PMF/SA Query bug in its firmware) when it happens at every connection.'
					}
				],
				next_steps: [
					'Nothing to do if an `associated` line follows within seconds (`journalctl -k | grep -E "associated|rejected"`).',
					'If it never connects: update the access point’s firmware, or as a test set PMF to optional instead of required on the access point (or `pmf=1` in wpa_supplicant, `802-11-wireless-security.pmf 1` in NetworkManager).'
				],
				references: ['https://wireless.docs.kernel.org/en/latest/']
			}
		}
	},
	examples: [
		'wlp2s0: association with d8:07:b6:11:22:33 timed out',
		'wlan0: authentication with 00:11:22:33:44:55 timed out',
		'wlan0: authentication with AP 00:1d:7e:a1:b2:c3 timed out',
		'wlan0: direct probe to 00:1d:7e:a1:b2:c3 timed out',
		'wlan0: direct probe to AP 00:1d:7e:a1:b2:c3 timed out'
	],
	negatives: ['wlp2s0: associated'],
	explanation: {
		meaning:
			'The Wi-Fi interface tried to join an access point and got no answer in time. Once is common (weak signal, roaming); many in a row mean the connection keeps failing.',
		causes: [
			{ kind: 'environment', text: 'Weak signal, interference or an overloaded access point.' },
			{
				kind: 'driver',
				text: 'Driver/firmware problems with certain access points (802.11ax/WPA3 features, power saving).'
			}
		],
		next_steps: [
			'Check signal and errors: `iw dev <wlan> link`, `iw dev <wlan> station dump`.',
			'Update the kernel/linux-firmware; try disabling Wi-Fi power saving or the problematic band/feature on the access point.'
		],
		references: ['https://wireless.docs.kernel.org/en/latest/']
	}
};

/**
 * net/mac80211/mlme.c ieee80211_mgd_deauth(): `wlan0: aborting authentication with
 * 02:e4:ce:e6:2e:b1 by local choice (Reason: 3=DEAUTH_LEAVING)` — user space (wpa_supplicant,
 * NetworkManager, iwd, shill) cancelled a connection attempt still in progress. The routine
 * `deauthenticating from … by local choice` of an established connection is not matched.
 */
export const wifiAuthAbandoned: LineRule = {
	id: 'network.wifi-auth-abandoned',
	category: 'network',
	severity: 'info',
	triggers: ['aborting authentication with ', 'aborting association with '],
	pattern:
		/^([\w.-]+): aborting (authentication|association) with ([0-9a-f:]{17}) by local choice \(Reason: (\d+)=(\w+)\)/,
	title: (m) => `Wi-Fi ${m[2]} abandoned on ${m[1]}`,
	details: (m) => ({
		device: m[1],
		step: m[2],
		access_point: m[3],
		reason: `${m[4]}=${m[5]}`
	}),
	collect: { access_point: 'access_points' },
	storm: { count: 3, severity: 'low' },
	examples: [
		'wlan0: aborting authentication with 02:e4:ce:e6:2e:b1 by local choice (Reason: 3=DEAUTH_LEAVING)',
		'wlp2s0: aborting association with d4:35:1d:04:38:b5 by local choice (Reason: 3=DEAUTH_LEAVING)'
	],
	negatives: [
		// leaving an established connection (suspend, shutdown, the user switching networks)
		'wlp2s0: deauthenticating from d4:35:1d:04:38:b5 by local choice (Reason: 3=DEAUTH_LEAVING)',
		'wlan0: authentication with 00:11:22:33:44:55 timed out'
	],
	explanation: {
		meaning:
			'The Wi-Fi connection manager (wpa_supplicant, NetworkManager, iwd, shill) gave up a connection attempt that had not completed and told the kernel to drop it. Once, it is usually a deliberate switch: the user chose another network, or the manager moved to a better access point or band. Repeated against the same access point, it means that access point did not answer authentication (or association) and the client kept falling back to another one: slower connects and short outages.',
		causes: [
			{
				kind: 'userspace',
				text: 'The connection manager changed its mind: another network or access point chosen, a roam, the user disconnecting.'
			},
			{
				kind: 'environment',
				text: 'An access point (or one of its bands, such as 6 GHz) that does not answer: weak signal, interference, a busy or misconfigured access point.'
			},
			{
				kind: 'driver',
				text: 'A driver or firmware that cannot finish authentication with this access point (its features, WPA3/SAE, multi-link).'
			}
		],
		next_steps: [
			'If it happened once, around a network change, nothing needs doing.',
			'If it repeats, read the lines just before it (`send auth to … (try 3/3)`, `Connection to AP … lost`) and the connection manager’s log (`journalctl -u NetworkManager -u wpa_supplicant -u iwd`) for which access point fails.',
			'Check the signal (`iw dev <wlan> link`, `iw dev <wlan> scan`), and update the kernel and linux-firmware; restricting the access point or the client to a band that works is a workaround.'
		],
		references: ['https://wireless.docs.kernel.org/en/latest/']
	}
};

/**
 * rtw88 (realtek/rtw88/mac.c, pci.c) and rtw89 (realtek/rtw89/pci.c): `rtw_8821ce 0000:02:00.0:
 * timed out to flush queue 2`, `… timed out to flush pci tx ring[1]`, `rtw89_8852be 0000:03:00.0:
 * timed out to flush pci txch: 2` — the chip did not send out its queued frames when mac80211
 * asked it to (before a scan, a channel switch, power save or a disconnect).
 */
export const realtekFlushTimeout: LineRule = {
	id: 'network.wifi-tx-flush-timeout',
	category: 'network',
	severity: 'low',
	triggers: [' timed out'],
	pattern:
		/^(rtw(?:89)?_\w+) (\S+): timed out to flush (queue \d+|pci tx ring\[\d+\]|pci txch: \d+)/,
	title: (m) => `Wi-Fi chip ${m[1]} ${m[2]} timed out flushing its transmit queues`,
	details: (m) => ({ driver: m[1], device: m[2], queue: m[3] }),
	collect: { queue: 'queues' },
	storm: { count: 10, severity: 'medium' },
	examples: [
		'rtw_8821ce 0000:02:00.0: timed out to flush queue 2',
		'rtw_8822ce 0000:03:00.0: timed out to flush pci tx ring[1]',
		'rtw89_8852be 0000:04:00.0: timed out to flush pci txch: 2'
	],
	negatives: [
		'rtw_8821ce 0000:02:00.0: firmware failed to leave lps state',
		'wlp2s0: authentication with c8:0e:14:ed:b1:07 timed out'
	],
	explanation: {
		meaning:
			'Before a scan, a channel switch, power saving or a disconnect, the Wi-Fi stack asks the driver to send out every frame still queued. The Realtek chip did not empty its transmit queue in time, so the frames left were dropped. Now and then it is harmless; often, it goes with short Wi-Fi stalls and slow or dropped connections, typically with the chip’s power saving (see `firmware failed to leave lps state` in the same log).',
		causes: [
			{
				kind: 'driver',
				text: 'rtw88/rtw89 power saving (LPS, deep power save) or PCIe ASPM that the chip handles badly: the queue stalls while it sleeps.'
			},
			{
				kind: 'firmware',
				text: 'Chip firmware (rtw88/, rtw89/ in linux-firmware) bugs, fixed in newer releases.'
			},
			{
				kind: 'environment',
				text: 'A weak or busy channel: frames wait long for airtime and are still queued when the flush times out.'
			}
		],
		next_steps: [
			'Update the kernel and linux-firmware: rtw88/rtw89 receive many fixes.',
			'As a test turn off power saving: `iw dev <wlan> set power_save off`, module options `rtw88_core disable_lps_deep=y` and `rtw88_pci disable_aspm=y` (rtw89: `rtw89_core disable_ps_mode=y`, `rtw89_pci disable_aspm_l1=y`).',
			'If Wi-Fi stalls at those moments, check the signal (`iw dev <wlan> link`) and move closer or to a less busy channel.'
		],
		references: ['https://wireless.docs.kernel.org/en/latest/']
	}
};

/**
 * Qualcomm's out-of-tree Wi-Fi driver (qcacld-3.0, Android phones; its lines start with `wlan:
 * [pid:level:module]`), core/hdd/src/wlan_hdd_assoc.c: `hdd_association_completion_handler: send
 * connect failure to nl80211: for bssid 78:d2:94:0d:52:77 result: 1 and Status: 9 reasoncode:
 * 65530` — one per failed connection attempt, told to the connection manager. Before it, `Auth TX:
 * fail (3)` (the access point did not acknowledge the authentication frame) and
 * `lim_process_mlm_auth_cnf: Auth Failure occurred` (real log: AndroidDmesg dmesg.txt, a 5 GHz
 * access point that never answered; the phone joined the same router's 2.4 GHz one 5 s later).
 */
export const qcacldConnectFailed: LineRule = {
	id: 'network.wifi-connect-failed',
	category: 'network',
	severity: 'low',
	triggers: ['send connect failure to nl80211'],
	pattern:
		/hdd_association_completion_handler: send connect failure to nl80211: for bssid ([0-9a-f:]{17}) result: (\d+) and Status: (\d+) reasoncode: (\d+)/,
	title: () => 'Wi-Fi connection attempt failed (Qualcomm qcacld driver)',
	details: (m) => ({
		access_point: m[1],
		result: Number(m[2]),
		status: Number(m[3]),
		reason_code: Number(m[4])
	}),
	collect: { access_point: 'access_points' },
	storm: { count: 5, severity: 'medium' },
	context: {
		trigger: 'Auth Failure occurred',
		pattern: /lim_process_mlm_auth_cnf: Auth Failure occurred/,
		details: () => ({ step: 'authentication' }),
		within: 20,
		examples: [
			'[schedu][0x28a4c87716b6][20:16:32.843261] wlan: [30402:E:PE] lim_process_mlm_auth_cnf: Auth Failure occurred'
		]
	},
	examples: [
		// androiddmesg-dmesg-txt.log line 33
		'[schedu][0x28a4c879da55][20:16:32.852696] wlan: [30402:E:HDD] hdd_association_completion_handler: send connect failure to nl80211: for bssid 78:d2:94:0d:52:77 result: 1 and Status: 9 reasoncode: 65530'
	],
	negatives: [
		'[schedu][0x28a4c879a8fc][20:16:32.852038] wlan: [30402:E:HDD] hdd_association_completion_handler: wlan0(vdevid-0): connection failed with 78:d2:94:0d:52:77 result: 3 and Status: 7',
		'[schedu][0x28a4c7f2039e][20:16:32.389033] wlan: [30402:I:PE] Auth TX: fail (3)'
	],
	explanation: {
		meaning:
			'The Qualcomm Wi-Fi driver (qcacld, on Android phones) told the connection manager that an attempt to join an access point failed. With `step` authentication, the access point never completed authentication: the `Auth TX: fail` lines before it say the access point did not even acknowledge the authentication frames, the usual sign of an access point out of reach on that band or channel. One failure followed by a connection to another access point (often the same router’s other band, a few seconds later) is the phone falling back; repeated failures to the access points listed mean the phone cannot join that network.',
		causes: [
			{
				kind: 'environment',
				text: 'A weak or disturbed signal on that band (5 GHz reaches less far than 2.4 GHz), or an access point too busy to answer.'
			},
			{
				kind: 'configuration',
				text: 'An access point whose settings the phone cannot use (a channel or band not allowed in the phone’s country setting, WPA3-only or other security modes).'
			},
			{
				kind: 'driver',
				text: 'A driver or firmware problem with this access point, when it fails at close range while other devices connect.'
			}
		],
		next_steps: [
			'If a connection follows within seconds (`Auth TX: success`, `Assoc rsp RX`), nothing needs doing.',
			'If it keeps failing: move closer, try the access point’s other band, restart the access point, and check its security and channel settings; update the phone (its Wi-Fi firmware comes with the system).'
		],
		references: ['https://wireless.docs.kernel.org/en/latest/']
	}
};

/**
 * net/mac80211/mlme.c: `wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost` — beacons stopped
 * arriving. Kernels 2.6.35 to 3.x said so once the probe sent after the beacon loss went
 * unanswered: `wlan0: No probe response from AP 00:1d:7e:a1:b2:c3 after 500ms, disconnecting.`
 */
export const wifiConnectionLost: LineRule = {
	id: 'network.wifi-connection-lost',
	category: 'network',
	severity: 'info',
	triggers: ['Connection to AP ', 'probe response from AP '],
	pattern:
		/^([\w.-]+): (?:Connection to AP ([0-9a-f:]{17}) lost|[Nn]o probe response from AP ([0-9a-f:]{17}) after \d+ms, disconnecting)/,
	title: (m) => `Wi-Fi connection to the access point lost on ${m[1]}`,
	details: (m) => ({ device: m[1], access_point: m[2] ?? m[3] }),
	attachedAs: 'chip',
	// 5 losses: medium, as 5 Wi-Fi connection failures or timeouts (and 4 wired links down) are;
	// ideapad320 dmesg: 5 in 9 s, each reconnected within 3 s and lost again. Attempts that never
	// connected (`never_connected`, the context below) are no lost connection and no storm
	storm: {
		count: 3,
		severity: 'low',
		then: { count: 5, severity: 'medium' },
		unless: 'never_connected'
	},
	/*
	 * iwlwifi's mvm/time-event.c: when the time the firmware stays on the access point's channel
	 * for a connection (the session protection) ends before the client is associated, it prints
	 * `Not associated and the session protection is over already...` and reports a connection
	 * loss to mac80211, which prints `Connection to AP … lost` for a connection that was never
	 * made: the access point did not answer the authentication (syslogs-messages-3.log, a
	 * Chromebook on 6.6: 7 times, each try of `send auth to 02:e4:ce:e6:2e:b1` that went
	 * unanswered, the client then joining the same router's other BSSIDs). With firmware without
	 * session protection the time event ends instead: `Not associated and the time event is over
	 * already...`, in kernels before 5.x `No association and the time event is over
	 * already...`. Not `No beacon heard and the time event is over already...`: the client was
	 * associated and heard no beacon (crash-logs log12-11.txt, a second after `associated`), a
	 * lost connection
	 */
	context: {
		trigger: ' is over already',
		pattern:
			/^iwlwifi (\S+): (?:Not associated and the (?:session protection|time event)|No association and the time event) is over already/,
		details: () => ({ never_connected: true }),
		within: 2,
		examples: [
			'iwlwifi 0000:00:14.3: Not associated and the session protection is over already...',
			'iwlwifi 0000:02:00.0: Not associated and the time event is over already...',
			'iwlwifi 0000:03:00.0: No association and the time event is over already...'
		],
		outcome: {
			title: (m) => `Wi-Fi access point did not answer a connection attempt on ${m[1]}`,
			severity: 'low',
			explanation: {
				meaning:
					'The client tried to connect to the access point named (authentication, then association) and got no answer within the time the Intel Wi-Fi firmware stays on that access point’s channel for it (the session protection, about a second; the time event, with older firmware). iwlwifi then gives up the try (`Not associated and the session protection is over already...`; older kernels: `… the time event is over already...`, `No association and the time event is over already...`) and reports it the way it reports a lost connection, so the kernel prints `Connection to AP … lost` though no connection had been made. Each line is one try: mac80211 tries three times, then the connection manager gives the attempt up (`aborting authentication with … by local choice`, part of this finding) and picks an access point again. When the client roams from a working connection to that access point, the connection drops for the few seconds of the tries; when it then joins another one (the same router’s other band: a neighbouring address), the network works again.',
				causes: [
					{
						kind: 'environment',
						text: 'An access point (or one band of it: 6 GHz or 5 GHz reach less far) that the client hears but that does not hear the client, or is too busy to answer.'
					},
					{
						kind: 'configuration',
						text: 'A band or security mode of the access point that the client cannot use (WPA3-only on 6 GHz, a channel not allowed in the client’s regulatory domain), which it nevertheless keeps choosing.'
					},
					{
						kind: 'driver',
						text: 'iwlwifi firmware that leaves the channel too early for this access point; newer linux-firmware and kernels change the timing.'
					}
				],
				next_steps: [
					'Nothing to do if an `associated` line follows within seconds and the connection then stays (`journalctl -k | grep -E "authenticate with|associated|Connection to AP"`).',
					'If the client keeps roaming to that access point and dropping a working connection: check its band and security settings on the router, move closer or prefer the other band (a separate network name for it), and update the kernel and linux-firmware (`iwlwifi-*.ucode`).'
				],
				references: ['https://wireless.docs.kernel.org/en/latest/']
			}
		}
	},
	/*
	 * net/mac80211/mlme.c ieee80211_mgd_deauth(): after the last unanswered try the connection
	 * manager cancels the attempt, `wlan0: aborting authentication with 02:e4:ce:e6:2e:b1 by local
	 * choice (Reason: 3=DEAUTH_LEAVING)`, of the same access point a few lines later
	 * (syslogs-messages-3.log: 1, 3 and 5 lines after the last `Connection to AP … lost`, the
	 * third try's sometimes not printed): the end of the same attempt, not a finding of its own
	 * (`network.wifi-auth-abandoned`, which had counted those three apart)
	 */
	follow: [
		{
			trigger: 'aborting authentication with ',
			pattern:
				/^(?<device>[\w.-]+): aborting authentication with (?<access_point>[0-9a-f:]{17}) by local choice \(Reason: (\d+=\w+)\)/,
			details: (m) => ({ abandoned: m[3] }),
			within: 40,
			claims: true,
			examples: [
				'wlan0: aborting authentication with 02:e4:ce:e6:2e:b1 by local choice (Reason: 3=DEAUTH_LEAVING)'
			]
		}
	],
	examples: [
		'wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost',
		'wlan0: Connection to AP 02:e4:ce:e6:2e:b1 lost',
		'wlan0: No probe response from AP 00:1d:7e:a1:b2:c3 after 500ms, disconnecting.'
	],
	negatives: [
		'wlp3s0: associated',
		'wlan0: deauthenticating from 44:4e:6d:d4:ae:61 by local choice (Reason: 3=DEAUTH_LEAVING)'
	],
	explanation: {
		meaning:
			'The Wi-Fi interface stopped hearing the access point’s beacons and dropped the connection; it then reconnects (to the same or another access point). Once is a glitch; repeated losses mean an unstable link: short network outages each time.',
		causes: [
			{
				kind: 'environment',
				text: 'Weak signal, interference, or an access point that restarts or steers clients away.'
			},
			{
				kind: 'driver',
				text: 'Driver or firmware power saving that misses beacons (common with some chips and access points).'
			}
		],
		next_steps: [
			'Check the signal at those times (`iw dev <wlan> link`) and whether the access point logged anything.',
			'Try disabling Wi-Fi power saving (`iw dev <wlan> set power_save off`) and update the kernel and linux-firmware.'
		],
		references: ['https://wireless.docs.kernel.org/en/latest/']
	}
};

/**
 * Realtek's rtw88 over SDIO (RTL8821CS, RTL8822CS, RTL8723DS: handhelds and boards): register reads
 * and writes that time out. rg353v-linux-rtw-8821cs-log.log: the firmware file was found (`Firmware
 * version 24.11.0`), then 18 accesses failed with -110 and the firmware download and the probe
 * failed (`probe of mmc3:0001:1 failed with error -110`); no NVRAM file is involved, unlike
 * brcmfmac's.
 */
const RTW_SDIO_SILENT: Explanation = {
	meaning:
		'The Realtek Wi-Fi driver (rtw88) could not read or write the chip’s registers over the SDIO bus: each access timed out (-110) or failed. While the driver sets the chip up this stops the firmware download (`failed to download firmware`) and the probe (`probe of mmc…: failed with error -110` after these lines): then Wi-Fi does not work in this boot. Failures after the chip was up cost packets or the connection. rtw88 needs only its firmware file (`rtw88/rtw8821c_fw.bin` and the like, in linux-firmware), no board file: the fault is on the bus.',
	causes: [
		{
			kind: 'driver',
			text: 'rtw88’s SDIO support is young (kernel 6.4 and later) and depends on the SD host controller driver of the board: transfers or a bus speed the controller or the module does not handle time out.'
		},
		{
			kind: 'hardware',
			text: 'The module is powered off, held in reset or without its clock: a wrong device-tree power sequence (mmc-pwrseq: reset GPIO, 32 kHz clock), regulator, or a faulty module.'
		}
	],
	next_steps: [
		'Read the rtw88 lines after these: `failed to download firmware` or `probe of … failed` means the chip was never set up (no wlan interface: `iw dev`).',
		'Update the kernel (on a handheld or a board, to the newest image of the distribution made for it): rtw88’s SDIO support and the boards’ SD host controller drivers are still getting fixes.',
		'On a device-tree board check the module’s power sequence (mmc-pwrseq-simple: reset GPIO, its clock) and, as a test, lower the SDIO controller’s `max-frequency` in the device tree.'
	],
	references: ['https://wireless.docs.kernel.org/en/latest/']
};

/**
 * A Wi-Fi chip on the SDIO bus that does not answer: drivers/net/wireless/realtek/rtw88/sdio.c
 * `rtw_8821cs mmc3:0001:1: sdio read32 failed (0x11080): -110`, broadcom/brcm80211 brcmfmac
 * `brcmf_sdio_htclk: HT Avail timeout (1000000): clkctl 0x50` (its clock never came up).
 */
export const sdioWifiSilent: LineRule = {
	id: 'network.wifi-chip-not-answering',
	category: 'network',
	severity: 'medium',
	triggers: [
		'sdio read32 failed',
		'sdio write32 failed',
		'sdio read8 failed',
		'sdio write8 failed',
		'HT Avail timeout'
	],
	pattern:
		/^(?:(rtw\w+) (\S+): sdio (?:read|write)(?:8|16|32) failed \(0x[0-9a-f]+\): (-\d+)|(brcmfmac): brcmf_sdio_htclk: HT Avail timeout)/,
	title: (m) => `Wi-Fi chip on the SDIO bus does not answer (${m[1] ?? m[4]})`,
	// rtw88 prints one line per register it failed to reach: rg353v's chip stopped answering once,
	// 18 lines in 30 ms, and had been counted 18 times (`×18` in the headline); a boot's lines are
	// one occurrence, each boot's another
	perBoot: true,
	details: (m) => ({
		driver: m[1] ?? m[4],
		device: m[2] ?? null,
		error: m[3] ? errnoName(m[3]) : 'clock not available (HT Avail timeout)'
	}),
	// the board-file cause and step are brcmfmac's
	explanationOf: (m) => (m[1] ? RTW_SDIO_SILENT : undefined),
	// brcmfmac's chip that starts later in the boot, its firmware printing its version: it
	// answered once what it lacked was there (archlinux-for-z83: the board file copied and the
	// driver loaded again 4.8 hours later); the rest of the boot, as the user may take that long
	resolve: {
		when: (m) => m[4] !== undefined,
		trigger: 'brcmf_c_preinit_dcmds: Firmware',
		pattern: /brcmf_c_preinit_dcmds: Firmware(?: version =|:) /,
		within: 20000,
		title: (m) => `Wi-Fi chip on the SDIO bus did not answer at first, then started (${m[4]})`,
		severity: 'low',
		examples: [
			// archlinux-for-z83 dmesg line 53, after the driver was loaded again
			'brcmfmac: brcmf_c_preinit_dcmds: Firmware version = wl0: Jun 17 2014 11:48:43 version 6.10.190.49 (r485840) FWID 01-8744bcd2'
		],
		explanation: {
			meaning:
				'The Broadcom Wi-Fi chip on the SDIO bus did not answer when the driver (brcmfmac) first set it up (its clock never came up: `HT Avail timeout`), so Wi-Fi did not work then; later in the same boot the chip’s firmware started and printed its version, the last line of the evidence. Most often a board file (NVRAM) was missing at first and was installed before the driver was loaded again (`modprobe -r brcmfmac && modprobe brcmfmac`). Wi-Fi should work from that line on.',
			causes: [
				{
					kind: 'configuration',
					text: 'The board’s NVRAM file (`brcm/brcmfmac<chip>-sdio.txt`) or firmware was missing at boot and was put in place later.'
				},
				{
					kind: 'hardware',
					text: 'The chip was powered up or out of reset only later (a power sequence or rfkill switch).'
				}
			],
			next_steps: [
				'Nothing is needed if Wi-Fi works now (`iw dev`, `ip link`).',
				'Check that it will start at the next boot too: the board file must be in /lib/firmware/brcm under the name the driver asked for, and in the initramfs when brcmfmac is loaded from it (rebuild it: `update-initramfs -u`, `mkinitcpio -P` or `dracut -f`).'
			],
			references: ['https://wireless.docs.kernel.org/en/latest/en/users/drivers/brcm80211.html']
		}
	},
	examples: [
		'rtw_8821cs mmc3:0001:1: sdio read32 failed (0x11080): -110',
		'brcmfmac: brcmf_sdio_htclk: HT Avail timeout (1000000): clkctl 0x50'
	],
	negatives: ['brcmfmac: brcmf_sdio_htclk: HT Avail request error: -5'],
	explanation: {
		meaning:
			'The driver talks to a Wi-Fi chip over the SDIO bus (boards, tablets, handhelds) and the chip did not answer: its registers cannot be read or its clock never started. Wi-Fi (and often Bluetooth on the same chip) does not work in this boot.',
		causes: [
			{
				kind: 'firmware',
				text: 'Missing or wrong firmware or NVRAM/calibration file for this board (brcmfmac needs a board-specific .txt file).'
			},
			{
				kind: 'hardware',
				text: 'The chip is powered off or held in reset: a wrong device-tree power sequence, regulator or GPIO, or a faulty module.'
			},
			{
				kind: 'driver',
				text: 'SDIO timing problems with this host controller (bus speed, tuning).'
			}
		],
		next_steps: [
			'Check that the board’s firmware and NVRAM files are in /lib/firmware (linux-firmware plus the board-specific file).',
			'On boards with a device tree, check the chip’s power sequence (mmc-pwrseq, reset GPIO) and try a lower SDIO bus speed.'
		],
		references: ['https://wireless.docs.kernel.org/en/latest/']
	}
};

/**
 * brcmfmac's fwil.c brcmf_fil_cmd_data(): every firmware command is refused once the driver has
 * marked the SDIO/PCIe/USB bus to the chip down (the chip stopped answering, its firmware halted,
 * a resume failed, or it was unplugged): `bus is down. we have nothing to do.`, usually many times.
 */
const BRCMF_BUS_DOWN: Explanation = {
	meaning:
		'The brcmfmac driver (Broadcom/Cypress Wi-Fi, as in Raspberry Pi boards, some laptops and Apple machines) marked the bus to its Wi-Fi chip down, and now refuses every command to the chip’s firmware: Wi-Fi (and scanning, power-save changes, connecting) does not work until the driver is reloaded or the machine rebooted. It is a consequence: the lines before it tell why the bus went down (an SDIO or PCIe error, a firmware halt or trap, a failed resume).',
	causes: [
		{
			kind: 'firmware',
			text: 'The chip’s firmware crashed or hung (look for `firmware trap`, `Firmware has halted or crashed` or SDIO errors just before).'
		},
		{
			kind: 'driver',
			text: 'A failed resume from suspend, or power saving of the SDIO bus the chip does not come back from.'
		},
		{
			kind: 'hardware',
			text: 'An unstable supply or SDIO signal (Raspberry Pi under-voltage, a loose module), or the chip was removed.'
		}
	],
	next_steps: [
		'Read the brcmfmac lines just before the first of these for the first error.',
		'Reload the driver to get Wi-Fi back: `modprobe -r brcmfmac && modprobe brcmfmac` (or reboot).',
		'Update the kernel and the firmware files (linux-firmware, the board’s brcmfmac*.txt); on a Raspberry Pi check the power supply; as a test turn Wi-Fi power saving off (`iw dev wlan0 set power_save off`).'
	],
	references: [
		'https://wireless.docs.kernel.org/en/latest/en/users/drivers/brcm80211.html',
		'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/net/wireless/broadcom/brcm80211/brcmfmac/fwil.c'
	]
};

/**
 * A PCIe Wi-Fi chip or its firmware that stopped answering the driver, short of a firmware crash:
 * iwlwifi (drivers/net/wireless/intel/iwlwifi/pcie) `Error sending REPLY_ADD_STA: time out after
 * 500ms.`, `Queue 2 is stuck 10 11`, `Failed to wake NIC for hcmd`, `Timeout waiting for hardware
 * access (CSR_GP_CNTRL 0x…)`, `Failed to load firmware chunk!`; ath10k `failed to wake target for
 * read32 at 0x…: -110`; ath9k `ath: phy0: Failed to stop TX DMA, queues=0x005!`.
 */
export const wifiChipStalled: LineRule = {
	id: 'network.wifi-chip-stalled',
	category: 'network',
	severity: 'medium',
	triggers: [
		'Error sending ',
		' is stuck ',
		' stuck for ',
		'Failed to wake NIC',
		'Timeout waiting for hardware access',
		'Failed to load firmware chunk',
		'failed to wake target',
		'Failed to stop TX DMA',
		'bus is down. we have nothing to do'
	],
	pattern:
		/^(?:(iwlwifi|iwlagn|iwl3945|iwl4965) (\S+): (?:Error sending (\w+): time out after \d+ms|(Queue) \d+ (?:is stuck|stuck for \d+ ms)|(Failed to wake NIC|Timeout waiting for hardware access)|(Failed to load firmware chunk))|(ath10k_\w+) (\S+): (failed to wake target) for|ath: (phy\d+): (Failed to stop TX DMA)|(?:ieee80211 (phy\d+)|brcmfmac): brcmf_fil_cmd_data: (bus is down))/,
	// a title per severity: firmware not loaded (high), the chip not answering (medium), ath9k's
	// DMA stop (low)
	title: (m) => {
		if (m[3]) return `${m[1]} firmware did not answer a command in time`;
		if (m[4]) return `${m[1]} transmit queue stuck`;
		if (m[5] || m[9]) return `${m[1] ?? m[7]} chip did not wake up`;
		if (m[6]) return 'iwlwifi could not load its firmware into the chip';
		if (m[13]) return 'brcmfmac Wi-Fi chip unreachable: its bus is down';
		return 'ath9k could not stop transmit DMA';
	},
	details: (m) => ({
		driver: m[1] ?? m[7] ?? (m[13] ? 'brcmfmac' : 'ath9k'),
		device: m[2] ?? m[8] ?? m[10] ?? m[12] ?? null,
		command: m[3] ?? null
	}),
	severityOf: (m) => (m[6] ? 'high' : m[11] ? 'low' : 'medium'),
	explanationOf: (m) => (m[13] ? BRCMF_BUS_DOWN : undefined),
	storm: { count: 10, severity: 'high' },
	examples: [
		'iwlwifi 0000:02:00.0: Error sending REPLY_ADD_STA: time out after 500ms.',
		'iwlwifi 0000:06:00.0: Error sending STATISTICS_CMD: time out after 2000ms.',
		'iwlwifi 0000:02:00.0: Queue 2 is stuck 10 11',
		// older wordings: iwlwifi's pcie/tx.c of kernels 3.x-4.x (iwl_pcie_txq_stuck_timer), and
		// the driver's names before iwlwifi (iwlagn, 2.6.29-3.0; iwl3945, iwl4965)
		'iwlwifi 0000:03:00.0: Queue 2 stuck for 2000 ms.',
		'iwlagn 0000:03:00.0: Error sending REPLY_ADD_STA: time out after 500ms.',
		'iwl3945 0000:02:00.0: Error sending REPLY_RXON: time out after 500ms.',
		'iwlwifi 0000:05:00.0: Failed to wake NIC for hcmd',
		'iwlwifi 0000:00:14.3: Timeout waiting for hardware access (CSR_GP_CNTRL 0x08040008)',
		'iwlwifi 0000:04:00.0: Failed to load firmware chunk!',
		'ath10k_pci 0000:04:00.0: failed to wake target for read32 at 0x0003a028: -110',
		'ath: phy0: Failed to stop TX DMA, queues=0x005!',
		// drivers/net/wireless/broadcom/brcm80211/brcmfmac/fwil.c (bphy_err: wiphy_err, `%s: ` func)
		'ieee80211 phy0: brcmf_fil_cmd_data: bus is down. we have nothing to do.',
		'brcmfmac: brcmf_fil_cmd_data: bus is down. we have nothing to do.'
	],
	negatives: [
		'iwlwifi 0000:00:14.3: loaded firmware version 72.daa05125.0 so-a0-gf-a0-72.ucode op_mode iwlmvm',
		'iwlwifi 0000:00:14.3: Microcode SW error detected. Restarting 0x0.'
	],
	explanation: {
		meaning:
			'The Wi-Fi driver could not get an answer from its chip: the firmware did not complete a command in time, a transmit queue made no progress, the chip did not wake from power saving when the driver accessed it, or (iwlwifi `Failed to load firmware chunk!`) the firmware could not even be copied into it, so Wi-Fi does not come up. Often a firmware crash or a driver restart follows; the connection stalls or drops meanwhile. ath9k’s `Failed to stop TX DMA` is usually a short glitch during a channel change or reset and matters only when it repeats with disconnections.',
		causes: [
			{
				kind: 'driver',
				text: 'Power saving of the chip or the PCIe link (Wi-Fi power save, ASPM, the platform’s sleep states) that it does not wake from reliably, often after suspend and resume.'
			},
			{
				kind: 'firmware',
				text: 'A firmware bug or a firmware file that does not fit the driver version (linux-firmware package).'
			},
			{
				kind: 'hardware',
				text: 'A failing card, a loose M.2/mini-PCIe module, or (iwlwifi after resume) the chip losing power.'
			}
		],
		next_steps: [
			'Update the kernel and the linux-firmware package; note the firmware version the driver prints at load.',
			'As tests turn power saving off: `iw dev <wlan> set power_save off`, for iwlwifi `options iwlmvm power_scheme=1` in /etc/modprobe.d/ (`iwlwifi power_save` is already off by default), or boot with `pcie_aspm=off`.',
			'If it happens after resume, reload the driver (`modprobe -r iwlmvm iwlwifi && modprobe iwlwifi`); reseat the card if it also happens at boot.'
		],
		references: [WIRELESS_DOCS]
	}
};

/**
 * drivers/net/ethernet/realtek/r8169_main.c rtl_loop_wait: the driver polled a condition of the
 * chip and gave up, `r8169 0000:03:00.0 enp3s0: rtl_rxtx_empty_cond == 0 (loop: 42, delay: 100).`
 * (`rtl_chipcmd_cond`: the chip's reset, `rtl_txcfg_empty_cond`, `rtl_phyar_cond`,
 * `rtl_ocp_gphy_cond`, `rtl_eriar_cond` …: its FIFOs, PHY or registers).
 */
export const r8169ChipTimeout: LineRule = {
	id: 'network.r8169-chip-timeout',
	category: 'network',
	severity: 'low',
	triggers: ['_cond == '],
	pattern: /^r8169 \S+ ([\w.@-]+): (rtl_\w+_cond) == [01] \(loop: \d+, delay: \d+\)/,
	title: (m) => `Realtek network chip ${m[1]} did not answer the driver (${m[2]})`,
	details: (m) => ({ driver: 'r8169', device: m[1], condition: m[2] }),
	storm: { count: 10, severity: 'medium' },
	examples: [
		'r8169 0000:03:00.0 enp3s0: rtl_rxtx_empty_cond == 0 (loop: 42, delay: 100).',
		'r8169 0000:02:00.0 enp2s0: rtl_chipcmd_cond == 1 (loop: 100, delay: 100).'
	],
	negatives: ['r8169 0000:03:00.0 enp3s0: Link is Down'],
	explanation: {
		meaning:
			'The r8169 driver waited for the Realtek Ethernet chip (RTL8111/8168/8125 …) to reach a state, and it did not in time: `rtl_rxtx_empty_cond`/`rtl_txcfg_empty_cond` its transmit and receive queues did not drain, `rtl_chipcmd_cond` a reset did not finish, the PHY or register conditions a register access did not complete. Once at shutdown, suspend or a link change it is usually harmless; repeated, or together with transmit timeouts and link drops, the chip is hanging and the network cuts out.',
		causes: [
			{
				kind: 'driver',
				text: 'Power saving the chip handles badly (ASPM L1 substates, EEE), more often on some chip revisions and after resume.'
			},
			{
				kind: 'firmware',
				text: 'The chip’s firmware (rtl_nic in linux-firmware) or the BIOS’s PCIe power settings.'
			},
			{ kind: 'hardware', text: 'A faulty chip or a marginal PCIe link.' }
		],
		next_steps: [
			'If the network works, nothing needs doing. Otherwise note the chip: `dmesg | grep -i "RTL8"` and `ethtool -i <iface>`.',
			'Update the kernel and linux-firmware; to test, disable power saving: `pcie_aspm=off` on the kernel command line, `ethtool --set-eee <iface> eee off`.',
			'If it keeps failing, try Realtek’s r8168/r8125 driver (dkms) or another network card.'
		],
		references: ['https://docs.kernel.org/networking/device_drivers/ethernet/index.html']
	}
};
