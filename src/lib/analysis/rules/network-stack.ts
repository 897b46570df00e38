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
			'Find the programs holding the most sockets: `ss -tanp | awk ...` or `ss -s`.',
			'Raise `net.ipv4.tcp_mem` / `tcp_max_orphans` if the machine has the memory, or fix the program that leaks connections.'
		],
		references: ['https://docs.kernel.org/networking/ip-sysctl.html']
	}
};
