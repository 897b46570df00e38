import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/lib/output/json.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';
import { analyzeText } from '../../src/lib/index.ts';

// A company's internal domain (`corp.example.com`) in a machine's name, a journal URL or an NFS
// server, and systemd-hostnamed's pretty host name (`Alice's Laptop`), had been kept.
describe('internal domains', () => {
	it("learns the domain of the machine's name and replaces it wherever it appears", () => {
		const n = new NameCollector();
		n.host('alice-pc.corp.example.com');
		expect([...n.hosts]).toEqual(['alice-pc.corp.example.com', 'alice-pc']);
		expect([...n.domains]).toEqual(['corp.example.com']);
		const a = new Anonymizer(n);
		expect(
			a.text(
				'systemd-journal-upload[812]: Upload to https://logs.corp.example.com:19532/upload failed'
			)
		).toBe('systemd-journal-upload[812]: Upload to https://logs.<domain-1>:19532/upload failed');
		// the machine's own name: its host and its domain, as where it is written alone
		expect(a.text('alice-pc.corp.example.com login: and alice-pc')).toBe(
			'<host-1>.<domain-1> login: and <host-1>'
		);
		// not inside a longer name, nor as a part of another domain
		expect(a.text('see corp.example.com.au and mycorp.example.com')).toBe(
			'see corp.example.com.au and mycorp.example.com'
		);
	});

	it('learns no domain from a private suffix alone or a public domain', () => {
		const n = new NameCollector();
		n.host('alice-pc.local');
		n.host('nas.lan');
		n.host('ip-10-0-0-5.ec2.internal');
		n.line('[    0.000000] Linux version 6.1.0 (alice@build01.fedoraproject.org) (gcc) #1 SMP');
		n.host('mirror1.kernel.org');
		expect([...n.domains]).toEqual([]);
	});

	it('replaces names in a private domain it did not learn: `.corp.`, `.internal`, `.lan`, `.local` …', () => {
		const a = new Anonymizer();
		expect(
			a.text('systemd-timesyncd[600]: Contacted time server 192.0.2.1:123 (ntp.corp.example.com).')
		).toBe('systemd-timesyncd[600]: Contacted time server <ipv4-1>:123 (ntp.<domain-1>).');
		expect(a.text('nfs: server files01.int.example.co.uk not responding, still trying')).toBe(
			'nfs: server <host-1>.<domain-2> not responding, still trying'
		);
		// avahi's mDNS name: the machine, the `.local` suffix kept
		expect(a.text('avahi-daemon[664]: Host name is bob-x1c.local. Local service cookie')).toBe(
			'avahi-daemon[664]: Host name is <host-2>.local. Local service cookie'
		);
		expect(a.text('resolved nas.smith-family.home.arpa and ip-10-0-0-5.ec2.internal')).toBe(
			'resolved <host-3>.<domain-3> and <host-4>.ec2.internal'
		);
		// identifiers with the same words are no domains: containerd's plugins, Android's
		// packages and properties (amdgpu-crash-crash1-txt.log, iamslightlywin-dump-last-kmsg.log)
		for (const t of [
			'loading plugin "io.containerd.internal.v1.opt"...',
			'at com.android.internal.os.ZygoteInit.main',
			'ro.cdma.home.operator.numeric=310260',
			'Starting /etc/init.d/boot.local and /etc/rc.local compatibility'
		])
			expect(a.text(t)).toBe(t);
	});

	it('replaces an NFS server in an internal domain in the report', async () => {
		const log = [
			'Mar  1 10:00:00 alice-pc.corp.example.com kernel: [  100.000000] nfs: server files.corp.example.com not responding, still trying',
			'Mar  1 10:01:00 alice-pc.corp.example.com kernel: [  160.000000] nfs: server files.corp.example.com OK'
		].join('\n');
		const r = await analyzeText(log, { anonymize: true, year: 2024 });
		expect(r.findings.map((f) => f.title)).toEqual([
			'NFS server <host-1>.<domain-1> stopped answering for a while, then came back'
		]);
		for (const out of [formatJson(r), formatText(r)]) {
			expect(out).not.toContain('example.com');
			expect(out).not.toContain('alice');
		}
	});
});

describe("systemd-hostnamed's pretty host name", () => {
	it('learns the pretty name as a host and its owner as a user', () => {
		const n = new NameCollector();
		n.line(
			"Mar  1 10:00:02 host1 systemd-hostnamed[700]: Changed pretty hostname to 'Marisol's Laptop'"
		);
		expect([...n.hosts]).toEqual(["Marisol's Laptop"]);
		expect([...n.users]).toEqual(['Marisol']);
		const a = new Anonymizer(n);
		expect(a.text("systemd-hostnamed[700]: Changed pretty hostname to 'Marisol's Laptop'")).toBe(
			"systemd-hostnamed[700]: Changed pretty hostname to '<host-1>'"
		);
		expect(a.text("input: Marisol's Keyboard as /devices/virtual/misc/uhid/0005:004C")).toBe(
			"input: <user-1>'s Keyboard as /devices/virtual/misc/uhid/0005:004C"
		);
	});

	it('replaces the pretty name in a report made without learning (anonymizeReport)', () => {
		const a = new Anonymizer();
		expect(a.text("systemd-hostnamed[700]: Changed pretty host name to 'Home Server 2'")).toBe(
			"systemd-hostnamed[700]: Changed pretty host name to '<host-1>'"
		);
	});
});

describe('remote machines named where they connect', () => {
	it("replaces PAM's rhost= and the name in an EAP server's certificate", () => {
		const a = new Anonymizer();
		// loghub-linux-2k.log line 320 (the remote host made up)
		expect(
			a.text(
				'Jun 25 04:41:49 combo sshd(pam_unix)[31031]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=dsl-203-0-113-9.example.net '
			)
		).toBe(
			'Jun 25 04:41:49 combo sshd(pam_unix)[31031]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=<host-1> '
		);
		// linux-crash-crash1-txt.log line 1 (the name made up): the university's RADIUS server
		expect(a.text('wlp7s0: CTRL-EVENT-EAP-PEER-ALT depth=0 DNS:radius-2.example.edu')).toBe(
			'wlp7s0: CTRL-EVENT-EAP-PEER-ALT depth=0 DNS:<host-2>'
		);
		// addresses are replaced as addresses, an unknown host is kept
		expect(a.text('rhost=198.51.100.7 rhost=fe80::56e1:adff:fe12:3456 rhost=[<unknown>]')).toBe(
			'rhost=<ipv4-1> rhost=<ipv6-1> rhost=[<unknown>]'
		);
	});
});
