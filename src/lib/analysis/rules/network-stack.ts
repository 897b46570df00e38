import type { LineRule } from './types.ts';

/**
 * The host's network stack running out of room, as seen on busy servers: the connection-tracking
 * table, the SYN backlog of a listening port, TCP socket memory.
 */

/** net/netfilter/nf_conntrack_core.c: `nf_conntrack: table full, dropping packet` (ip_conntrack before 2.6.15). */
export const conntrackFull: LineRule = {
	id: 'network.conntrack-full',
	category: 'network',
	severity: 'high',
	triggers: ['table full, dropping packet'],
	pattern: /^(?:(nf_conntrack|ip_conntrack): )+table full, dropping packet/,
	title: () => 'Connection tracking table full: packets dropped',
	details: (m) => ({ table: m[1] }),
	examples: [
		'nf_conntrack: nf_conntrack: table full, dropping packet',
		'nf_conntrack: table full, dropping packet',
		'ip_conntrack: table full, dropping packet.'
	],
	negatives: ['nf_conntrack: default automatic helper assignment has been turned off for security'],
	explanation: {
		meaning:
			'The firewall’s connection-tracking table (netfilter conntrack) is full, so the kernel dropped packets of new connections. Clients see timeouts and refused connections while it lasts; the message is rate-limited, so each line can stand for many drops.',
		causes: [
			{
				kind: 'configuration',
				text: '`nf_conntrack_max` too small for the traffic (busy web servers, NAT gateways, Docker/Kubernetes nodes).'
			},
			{
				kind: 'environment',
				text: 'A flood of connections: a traffic spike, a scan or a denial-of-service attack.'
			}
		],
		next_steps: [
			'Compare use and limit: `sysctl net.netfilter.nf_conntrack_count net.netfilter.nf_conntrack_max`.',
			'Raise the limit (`sysctl -w net.netfilter.nf_conntrack_max=…`, and `nf_conntrack_buckets`), or shorten timeouts such as `nf_conntrack_tcp_timeout_established`.',
			'Exempt traffic that needs no tracking with `notrack` rules; look for the source of a flood with `conntrack -L`.'
		],
		references: ['https://docs.kernel.org/networking/nf_conntrack-sysctl.html']
	}
};

/**
 * net/ipv4/tcp_input.c tcp_syn_flood_action: `TCP: request_sock_TCP: Possible SYN flooding on
 * port 443. Sending cookies.  Check SNMP counters.`; 3.x-4.3 print `TCP: TCP: Possible …`, 2.6
 * `possible SYN flooding`, newer kernels the address:port.
 */
export const synFlood: LineRule = {
	id: 'network.syn-flood',
	category: 'network',
	severity: 'medium',
	triggers: ['Possible SYN flooding on port ', 'possible SYN flooding on port '],
	pattern:
		/^(TCP|TCPv6): (?:(?:request_sock_)?(TCP|TCPv6): )?[Pp]ossible SYN flooding on port (?:\S*?:)?(\d+)\. (Sending cookies|Dropping request)/,
	title: (m) => `Possible SYN flood on port ${m[3]}`,
	details: (m) => ({ port: Number(m[3]), protocol: m[2] ?? m[1], action: m[4] }),
	examples: [
		'TCP: request_sock_TCP: Possible SYN flooding on port 80. Sending cookies.  Check SNMP counters.',
		'TCP: request_sock_TCP: Possible SYN flooding on port [::]:443. Sending cookies.',
		'TCP: request_sock_TCPv6: Possible SYN flooding on port 8080. Dropping request.  Check SNMP counters.',
		'TCP: Possible SYN flooding on port 25. Sending cookies.',
		'TCP: TCP: Possible SYN flooding on port 80. Sending cookies.  Check SNMP counters.',
		'TCP: possible SYN flooding on port 3306. Sending cookies.'
	],
	negatives: ['TCP: Hash tables configured (established 524288 bind 65536)'],
	explanation: {
		meaning:
			'A listening port received connection requests faster than the program behind it accepted them, so its queue of half-open connections filled up. The kernel then answered with SYN cookies (connections still work, with fewer TCP options) or dropped requests.',
		causes: [
			{
				kind: 'environment',
				text: 'A real SYN flood (denial of service) or a sudden burst of legitimate clients.'
			},
			{
				kind: 'configuration',
				text: 'A listen backlog too small for the load (`net.core.somaxconn`, the program’s own backlog, `tcp_max_syn_backlog`).'
			},
			{
				kind: 'userspace',
				text: 'A program that accepts connections too slowly (overloaded or blocked).'
			}
		],
		next_steps: [
			'See how full the port’s queue is: `ss -ltn` (Recv-Q against Send-Q) and `nstat -az | grep -i -e syn -e listen`.',
			'Raise `net.core.somaxconn`, `net.ipv4.tcp_max_syn_backlog` and the service’s own backlog setting.',
			'If the requests are an attack, rate-limit or filter them upstream; keep `net.ipv4.tcp_syncookies=1`.'
		],
		references: ['https://docs.kernel.org/networking/ip-sysctl.html']
	}
};

/** net/ipv4/tcp.c tcp_check_oom: `TCP: out of memory -- consider tuning tcp_mem`, `TCP: too many orphaned sockets`. */
export const tcpMemory: LineRule = {
	id: 'network.tcp-memory-exhausted',
	category: 'network',
	severity: 'high',
	triggers: ['TCP: out of memory', 'TCP: too many orphaned sockets'],
	pattern: /^TCP: (out of memory -- consider tuning tcp_mem|too many orphaned sockets)/,
	title: (m) =>
		m[1].startsWith('out of memory')
			? 'TCP out of memory (tcp_mem limit reached)'
			: 'Too many orphaned TCP sockets',
	details: (m) => ({ condition: m[1] }),
	examples: ['TCP: out of memory -- consider tuning tcp_mem', 'TCP: too many orphaned sockets'],
	negatives: ['TCP: cubic registered'],
	explanation: {
		meaning:
			'The kernel reached its limit for memory used by TCP socket buffers, or for sockets that programs closed but that still hold data. It then drops data and resets connections: clients see stalls and broken connections.',
		causes: [
			{
				kind: 'configuration',
				text: '`net.ipv4.tcp_mem` (in pages) or `tcp_max_orphans` too small for the number of connections.'
			},
			{
				kind: 'userspace',
				text: 'Programs that leave many connections with unread or unsent data (slow clients, a socket leak).'
			},
			{ kind: 'environment', text: 'A flood of connections.' }
		],
		next_steps: [
			'See the use: `cat /proc/net/sockstat` (`mem` is in pages; compare with `sysctl net.ipv4.tcp_mem`, and orphans with `net.ipv4.tcp_max_orphans`).',
			'Find the programs holding the most sockets: `ss -s` for the totals, and `ss -tanp | grep -o \'users:(("[^"]*"\' | sort | uniq -c | sort -rn | head` (as root) counts TCP sockets per program.',
			'Raise `net.ipv4.tcp_mem` / `tcp_max_orphans` if the machine has the memory, or fix the program that leaks connections.'
		],
		references: ['https://docs.kernel.org/networking/ip-sysctl.html']
	}
};

/**
 * net/core/neighbour.c neigh_alloc: `neighbour: arp_cache: neighbor table overflow!` (4.x+,
 * `ndisc_cache` for IPv6); 2.6/3.x kernels print `Neighbour table overflow.`
 */
export const neighbourOverflow: LineRule = {
	id: 'network.neighbour-table-overflow',
	category: 'network',
	severity: 'medium',
	triggers: ['neighbor table overflow', 'Neighbour table overflow'],
	pattern: /^(?:neighbour: (\w+): neighbor table overflow!|Neighbour table overflow\.)/,
	title: (m) =>
		m[1] === 'ndisc_cache'
			? 'IPv6 neighbour table (ndisc_cache) overflow'
			: `Neighbour (ARP) table${m[1] ? ` (${m[1]})` : ''} overflow`,
	details: (m) => ({ table: m[1] ?? null }),
	examples: [
		'neighbour: arp_cache: neighbor table overflow!',
		'neighbour: ndisc_cache: neighbor table overflow!',
		'Neighbour table overflow.'
	],
	negatives: ['IPv6: ADDRCONF(NETDEV_CHANGE): wlan0: link becomes ready'],
	explanation: {
		meaning:
			'The kernel’s table of neighbours (the ARP cache for IPv4, the NDP cache for IPv6: which MAC address answers for which IP on the local networks) is full: it holds gc_thresh3 entries (1024 by default) and none could be freed. New entries cannot be added, so packets to hosts not yet in the table are dropped: connections to some machines on the local network fail or stall. The message is rate-limited.',
		causes: [
			{
				kind: 'configuration',
				text: 'More neighbours than the default limits allow: large flat networks, routers, Kubernetes/Docker nodes with many pods or containers.'
			},
			{
				kind: 'environment',
				text: 'A scan or flood touching many addresses, or a routing mistake that sends traffic for a whole range to a directly connected interface.'
			}
		],
		next_steps: [
			'Count the entries: `ip -4 neigh show | wc -l` (`ip -6 neigh` for ndisc_cache), and compare with `sysctl net.ipv4.neigh.default.gc_thresh3`.',
			'Raise the limits if the network is that big: `net.ipv4.neigh.default.gc_thresh1/2/3` (and `net.ipv6.neigh.default.*`), for example 4096/8192/16384, in /etc/sysctl.d/.',
			'Otherwise look for the cause of the many entries: a scan, or a route that should go through a gateway (`ip route`).'
		],
		references: [
			'https://docs.kernel.org/networking/ip-sysctl.html',
			'https://man7.org/linux/man-pages/man7/arp.7.html'
		]
	}
};

/**
 * drivers/net/bonding/bond_main.c: `bond0: (slave eth1): link status definitely down, disabling
 * slave` (5.x+, slave_info), `bond0: link status definitely down for interface eth1, disabling it`
 * (3.x-4.x; `bonding: bond0: …` before), and `bond0: now running without any active interface!`.
 */
export const bondLinkDown: LineRule = {
	id: 'network.bond-link-down',
	category: 'network',
	severity: 'medium',
	triggers: ['link status definitely down', 'now running without any active interface'],
	pattern:
		/^(?:bonding: )?([\w.@-]+): (?:\(slave ([\w.@-]+)\): link status definitely down|link status definitely down for interface ([\w.@-]+)|(now running without any active interface))/,
	// each severity has its own title: a member lost (medium), the bond left without any (high)
	title: (m) =>
		m[4] ? `Bond ${m[1]} has no active interface left` : `Bond ${m[1]} lost member ${m[2] ?? m[3]}`,
	details: (m) => ({ bond: m[1], device: m[2] ?? m[3] ?? m[1] }),
	severityOf: (m) => (m[4] ? 'high' : 'medium'),
	examples: [
		'bond0: (slave eth1): link status definitely down, disabling slave',
		'bond0: link status definitely down for interface eth1, disabling it',
		'bonding: bond1: link status definitely down for interface eth3, disabling it',
		'bond0: now running without any active interface!',
		'bonding: bond1: now running without any active interface !'
	],
	negatives: [
		'bond0: (slave eth1): link status definitely up, 1000 Mbps full duplex',
		'bond0: (slave eth1): making interface the new active one'
	],
	explanation: {
		meaning:
			'A bonded (teamed) network interface took a member out of use because its link went down or its ARP/MII monitoring failed. The bond carries on over its other members; when none is left ("now running without any active interface") the host is cut off on that bond until a link comes back ("link status definitely up").',
		causes: [
			{
				kind: 'hardware',
				text: 'The member’s cable, switch port or NIC failed or was unplugged (see its link-down and NIC findings).'
			},
			{
				kind: 'environment',
				text: 'The switch rebooted or its port was shut down; maintenance on the network.'
			},
			{
				kind: 'configuration',
				text: 'Bonding mode or LACP not matching the switch’s configuration, or ARP monitoring targets that do not answer.'
			}
		],
		next_steps: [
			'See the bond’s members and their state: `cat /proc/net/bonding/<bond>`.',
			'Check the member’s link (`ethtool <iface>`, `ip -s link show <iface>`) and the switch port’s log; replace the cable or port.',
			'For 802.3ad (LACP) check the switch’s port-channel configuration; for ARP monitoring check that `arp_ip_target` answers.'
		],
		references: ['https://docs.kernel.org/networking/bonding.html']
	}
};

/**
 * net/ipv4/route.c ip_handle_martian_source / ip_route_input_slow: `IPv4: martian source
 * 255.255.255.255 from 192.168.4.9, on dev wlan0` (then an `ll header:` line) and `IPv4: martian
 * destination 0.0.0.0 from 10.0.0.5, dev eth0`; printed only with log_martians set.
 */
export const martianPacket: LineRule = {
	id: 'network.martian-packet',
	category: 'network',
	severity: 'low',
	triggers: ['martian source ', 'martian destination '],
	pattern: /^(?:IPv4: )?martian (source|destination) (\S+) from (\S+?),? (?:on )?dev ([\w.@-]+)/,
	title: (m) => `Martian packets dropped on ${m[4]}`,
	details: (m) => ({
		device: m[4],
		kind: m[1],
		destination: m[2],
		source: m[3]
	}),
	examples: [
		'IPv4: martian source 255.255.255.255 from 192.168.4.9, on dev wlan0',
		'IPv4: martian destination 0.0.0.0 from 10.0.0.5, dev eth0',
		'martian source 10.0.0.255 from 10.0.0.7, on dev eth0'
	],
	negatives: ['ll header: 00000000: ff ff ff ff ff ff 00 11 22 33 44 55 08 00'],
	explanation: {
		meaning:
			'The kernel received a packet with an address that makes no sense on that interface and dropped it: a "martian source" is a source address that should not come from there (reverse-path filtering failed: a reply would not leave through this interface, or the address is a broadcast, loopback or zero address), a "martian destination" a destination that cannot be routed. The kernel logs these only because `log_martians` is on. Usually harmless noise from other devices on the network; it matters only when traffic you expect is among them.',
		causes: [
			{
				kind: 'configuration',
				text: 'Asymmetric routing or several interfaces on the same network with strict reverse-path filtering (`rp_filter=1`): VPNs, multi-homed hosts, containers.'
			},
			{
				kind: 'environment',
				text: 'Another device sending with a wrong address or netmask (misconfigured DHCP server, a router’s broadcasts, a second network on the same cable).'
			}
		],
		next_steps: [
			'If nothing is failing, it can be ignored; turn the logging off with `sysctl net.ipv4.conf.all.log_martians=0`.',
			'If expected traffic is dropped: see which interface the kernel would answer the source through (`ip route get <source>`); if it is not the one the packet came in on, fix the routes or addresses, or use loose reverse-path filtering (`net.ipv4.conf.<iface>.rp_filter=2`).',
			'Find the sending device from the source address (and the MAC address in the `ll header:` line after it).'
		],
		references: ['https://docs.kernel.org/networking/ip-sysctl.html']
	}
};
