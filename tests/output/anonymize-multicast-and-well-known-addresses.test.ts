/**
 * Addresses that name no one are kept by the anonymizer: multicast groups (mDNS's 224.0.0.251,
 * SSDP's 239.255.255.250, ff02::1, a routing table's ff00::/8), network masks, the link-local
 * prefix alone and the public DNS resolvers; and the multicast MACs of IPv4 and IPv6 groups.
 * They had been replaced as if they were the machine's. Solicited-node groups (ff02::1:ffXX:XXXX,
 * 33:33:ff:XX:XX:XX) carry the low bytes of the host's own address and are replaced; so is any
 * other address, private or public (a time server's), and the documentation ranges, which no
 * real log prints and the tests use as someone's address.
 */
import { describe, expect, it } from 'vitest';
import { Anonymizer } from '../../src/lib/util/anonymize.ts';

describe('addresses that name no one', () => {
	it('keeps multicast IPv4 groups, masks and public resolvers', () => {
		const a = new Anonymizer();
		// an iptables log line (the shape of a real log's INPUT-rejected lines)
		expect(
			a.text(
				'INPUT-rejected: IN=wlan0 OUT= MAC=01:00:5e:00:00:fb:00:25:22:d3:ee:9a:08:00 SRC=192.168.0.101 DST=224.0.0.251 LEN=32 TTL=1 PROTO=2'
			)
		).toBe(
			'INPUT-rejected: IN=wlan0 OUT= MAC=01:00:5e:00:00:fb:<mac-1>:08:00 SRC=<ipv4-1> DST=224.0.0.251 LEN=32 TTL=1 PROTO=2'
		);
		expect(a.text('SSDP to 239.255.255.250 port 1900 and 224.0.0.1')).toBe(
			'SSDP to 239.255.255.250 port 1900 and 224.0.0.1'
		);
		expect(
			a.text("dhcp4 (wlp2s0): option subnet_mask => '255.255.255.0', broadcast 255.255.255.255")
		).toBe("dhcp4 (wlp2s0): option subnet_mask => '255.255.255.0', broadcast 255.255.255.255");
		expect(a.text('netmask 255.255.240.0 and 255.0.0.0')).toBe(
			'netmask 255.255.240.0 and 255.0.0.0'
		);
		expect(a.text('Using default external servers: [nameserver 8.8.8.8 nameserver 8.8.4.4]')).toBe(
			'Using default external servers: [nameserver 8.8.8.8 nameserver 8.8.4.4]'
		);
		expect(a.text('nameserver 1.1.1.1, nameserver 9.9.9.9')).toBe(
			'nameserver 1.1.1.1, nameserver 9.9.9.9'
		);
		expect(a.replaced).toEqual({ ipv4: 1, mac: 1 });
	});

	it('replaces the other IPv4 addresses, a time server and what only looks like a mask', () => {
		const a = new Anonymizer();
		expect(a.text('ntpd[706]: 162.159.200.123 local addr 192.168.0.212 -> <null>')).toBe(
			'ntpd[706]: <ipv4-1> local addr <ipv4-2> -> <null>'
		);
		// 255.255.0.255 is no mask (its ones are not one run), 240.1.2.3 no multicast group
		expect(a.text('odd 255.255.0.255 and 240.1.2.3 and 10.1.2.3')).toBe(
			'odd <ipv4-3> and <ipv4-4> and <ipv4-5>'
		);
		expect(a.text('server 192.0.2.10 and 203.0.113.99')).toBe('server <ipv4-6> and <ipv4-7>');
	});

	it('keeps IPv6 multicast groups, the link-local prefix and resolvers', () => {
		const a = new Anonymizer();
		// cloud-init's routing table
		expect(a.text('ci-info: |   3   |   ff00::/8  |    ::   |   wlan0   |   U   |')).toBe(
			'ci-info: |   3   |   ff00::/8  |    ::   |   wlan0   |   U   |'
		);
		expect(a.text('ci-info: |   1   |  fe80::/64  |    ::   |   wlan0   |   U   |')).toBe(
			'ci-info: |   1   |  fe80::/64  |    ::   |   wlan0   |   U   |'
		);
		expect(a.text('joined ff02::1, ff02::fb and FF05::1:3 on eth0')).toBe(
			'joined ff02::1, ff02::fb and FF05::1:3 on eth0'
		);
		expect(a.text('nameserver 2001:4860:4860::8888 nameserver 2001:4860:4860::8844')).toBe(
			'nameserver 2001:4860:4860::8888 nameserver 2001:4860:4860::8844'
		);
		expect(a.replaced).toEqual({});
	});

	it("replaces a host's IPv6 addresses and its solicited-node groups", () => {
		const a = new Anonymizer();
		expect(
			a.text(
				'Listen normally on 5 wlan0 [fe80::ba27:ebff:fed2:ace7%3]:123, group ff02::1:ffd2:ace7, address 2403:5808:39a9:0:ddbf:a4f2:dc5:4be8'
			)
		).toBe('Listen normally on 5 wlan0 [<ipv6-1>%3]:123, group <ipv6-2>, address <ipv6-3>');
		expect(a.text('group ff02:0:0:0:0:1:ffd2:ace7')).toBe('group <ipv6-4>');
		expect(a.text('example 2001:db8::1')).toBe('example <ipv6-5>');
	});

	it('keeps IPv4, IPv6 and 802.1 multicast MACs, replaces solicited-node and unicast ones', () => {
		const a = new Anonymizer();
		expect(
			a.text(
				'MAC=ff:ff:ff:ff:ff:ff:00:25:22:d3:ee:9a:08:00 to 33:33:00:00:00:01 and 01:80:c2:00:00:00'
			)
		).toBe('MAC=ff:ff:ff:ff:ff:ff:<mac-1>:08:00 to 33:33:00:00:00:01 and 01:80:c2:00:00:00');
		// a solicited-node group's MAC holds the host MAC's last three bytes; a Bluetooth device's
		// random address may have the group bit and is replaced
		expect(a.text('dst 33:33:ff:d2:ac:e7 peer c1:22:33:44:55:66')).toBe('dst <mac-2> peer <mac-3>');
	});
});
