import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';

// NetworkManager logs the options of every DHCP lease in a journal, the name and the domain the
// network gives the machine among them (the shape of askubuntu-dmesg-journalctl-lastdayorso.log's
// lines, with invented values): the name had been kept wherever the report quotes it.
const lease = (option: string, value: string) =>
	`Feb 09 12:29:35 host1 NetworkManager[925]: <info>  [1644406175.4345] dhcp4 (enp3s0): option ${option.padEnd(20)} => '${value}'`;

describe("NetworkManager's DHCP host and domain names", () => {
	it('learns the host name and the domain of a lease and replaces them everywhere', () => {
		const n = new NameCollector();
		const lines = [
			lease('host_name', 'tarnwick-laptop'),
			lease('domain_name', 'home.smith-family.net'),
			lease('ip_address', '192.168.178.125'),
			lease('requested_host_name', '1')
		];
		for (const l of lines) n.line(l);
		expect([...n.hosts]).toEqual(['tarnwick-laptop']);
		expect([...n.domains]).toEqual(['home.smith-family.net']);
		const a = new Anonymizer(n);
		expect(lines.map((l) => a.text(l).slice(l.indexOf('option'))).join('\n')).toBe(
			[
				"option host_name            => '<host-1>'",
				"option domain_name          => '<domain-1>'",
				"option ip_address           => '<ipv4-1>'",
				"option requested_host_name  => '1'"
			].join('\n')
		);
		// wherever else the report quotes them, in any case
		expect(a.text('nfs: server nas.home.smith-family.net OK; Tarnwick-Laptop resumed')).toBe(
			'nfs: server nas.<domain-1> OK; <host-1> resumed'
		);
	});

	it("keeps a home router's default domain (fritz.box) and a single label", () => {
		const n = new NameCollector();
		// askubuntu-dmesg-journalctl-lastdayorso.log's own line
		n.line(lease('domain_name', 'fritz.box'));
		n.line(lease('domain_name', 'lan'));
		expect([...n.domains]).toEqual([]);
		expect([...n.hosts]).toEqual([]);
	});
});
