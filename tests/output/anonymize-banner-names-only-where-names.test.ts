import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector, publisherBanner } from '../../src/lib/util/anonymize.ts';
import { analyzeText } from '../../src/lib/index.ts';

// The `(user@host)` of the `Linux version` banner had been learned like a syslog host: a build
// host `ibm` or a build user `team` then turned every `IBM` and `team` of kernel text into
// placeholders. A distribution's or build farm's banner names no person; a person's banner names
// words that are replaced only where they stand as names.
describe("the banner's user and host", () => {
	it("keeps a distribution's or a build farm's banner whole and learns nothing from it", () => {
		// the shapes of the corpus's banners (Ubuntu's Launchpad, Fedora, Debian, grml, CI)
		const banners = [
			'Linux version 5.4.0-1092-gcp (buildd@lcy02-amd64-012) (gcc version 7.5.0) #101 SMP',
			'Linux version 4.2.3-300.fc23.x86_64 (mockbuild@bkernel02.phx2.fedoraproject.org) (gcc) #1 SMP',
			'Linux version 3.16.0-4-amd64 (debian-kernel@lists.debian.org) (gcc) #1 SMP',
			'Linux version 3.10-1-grml-amd64 (team@grml.org) (gcc version 4.7.3 (Debian 4.7.3-6) ) #1 SMP',
			'Linux version 4.14.302 (jenkins@lxc2050) (gcc version 7.3.0 (OpenWrt GCC 7.3.0)) #2 SMP',
			'Linux version 6.6.10-arch1-1 (linux@archlinux) (gcc (GCC) 13.2.1) #1 SMP'
		];
		const n = new NameCollector();
		for (const b of banners) n.line(`[    0.000000] ${b}`);
		expect([...n.users, ...n.hosts]).toEqual([]);
		const a = new Anonymizer(n);
		for (const b of banners) expect(a.text(b)).toBe(b);
		// the report's kernel_build starts with the banner's parentheses
		expect(a.text('(team@grml.org) (gcc version 4.7.3 (Debian 4.7.3-6) ) #1 SMP')).toBe(
			'(team@grml.org) (gcc version 4.7.3 (Debian 4.7.3-6) ) #1 SMP'
		);
		// an address in parentheses elsewhere is still an e-mail address
		expect(a.text('maintained by (team@example.org)')).toBe('maintained by (<email-1>)');
	});

	it('tells a publisher from a person', () => {
		expect(publisherBanner('buildd', 'lgw01-amd64-035')).toBe(true);
		expect(publisherBanner('cros-kernel', 'chromium.org')).toBe(true);
		expect(publisherBanner('devel', 'kali.org')).toBe(true);
		expect(publisherBanner('linux-zen', 'archlinux')).toBe(true);
		expect(publisherBanner('alice', 'alice-laptop')).toBe(false);
		expect(publisherBanner('root', 'host1')).toBe(false);
		// a private domain is a person's or a company's network
		expect(publisherBanner('alice', 'alice-pc.lan')).toBe(false);
		expect(publisherBanner('alice', 'build1.corp.example.com')).toBe(false);
		expect(publisherBanner('alice', 'host1.localdomain')).toBe(false);
	});

	it("replaces a person's banner words where they stand as names, not in kernel text", () => {
		// dns-airtab-m973w-enginee-kernel-log-last-kmsg.log builds on a host `ibm` (user made up)
		const n = new NameCollector();
		n.line('[    0.000000] Linux version 3.0.8+ (team@ibm) (gcc version 4.4.3 (GCC) ) #1 PREEMPT');
		expect(n.bannerOnly.sort()).toEqual(['ibm', 'team']);
		const a = new Anonymizer(n);
		expect(a.text('Linux version 3.0.8+ (team@ibm) (gcc version 4.4.3 (GCC) ) #1 PREEMPT')).toBe(
			'Linux version 3.0.8+ (<user-1>@<host-1>) (gcc version 4.4.3 (GCC) ) #1 PREEMPT'
		);
		for (const kernel of [
			'thinkpad_acpi: IBM ThinkPad ACPI Extras v0.26',
			'Modules linked in: team_mode_loadbalance team bonding ibm_rtl',
			'team0: Port device eth0 added',
			'teamd[712]: team0: Starting',
			'WARNING: CPU: 1 PID: 9 at drivers/net/team/team.c:1234 team_port_add+0x1c/0x40 [team]',
			'ibmveth: IBM Power Virtual Ethernet Driver'
		])
			expect(a.text(kernel)).toBe(kernel);
		// as names: a prompt's user@host, a folder of the build's path before the kernel tree
		expect(a.text('team@ibm:~/linux$ make')).toBe('<user-1>@<host-1>:~/linux$ make');
		expect(
			a.text('WARNING: at /data/team/ibm/linux/drivers/net/team/team.c:1234 team_port_add()')
		).toBe(
			'WARNING: at /data/<user-1>/<host-1>/linux/drivers/net/team/team.c:1234 team_port_add()'
		);
		expect(a.replaced).toEqual({ host: 1, user: 1 });
	});

	it("keeps postmarketOS's build user `pmos`, replaces the person's host it built on", () => {
		// clamor-s-files-grate-txt.log builds as pmbootstrap's chroot user (host made up)
		const n = new NameCollector();
		n.line('[    0.000000] Linux version 5.12.0-next-20210429 (pmos@alice-desktop) (gcc) #1 SMP');
		expect([...n.users]).toEqual([]);
		expect(new Anonymizer(n).text('(pmos@alice-desktop) (gcc) #1 SMP')).toBe(
			'(pmos@<host-1>) (gcc) #1 SMP'
		);
	});

	it('still replaces a name everywhere when the log names it elsewhere too, or it is no word', () => {
		const n = new NameCollector();
		n.line('[    0.000000] Linux version 6.1.0 (alice@alice-laptop) (gcc) #1 SMP');
		// a login names the same user: a person, replaced everywhere
		n.line('systemd-logind[600]: New session 3 of user alice.');
		expect(n.bannerOnly).toEqual(['alice-laptop']);
		const a = new Anonymizer(n);
		expect(a.text('usb 1-1: Product: alice phone, host alice-laptop')).toBe(
			'usb 1-1: Product: <user-1> phone, host <host-1>'
		);
		// a Wi-Fi network of the banner's word: learned from its own line, replaced everywhere
		const w = new NameCollector();
		w.line('[    0.000000] Linux version 6.1.0 (team@ibm) (gcc) #1 SMP');
		w.line("wpa_supplicant[700]: wlan0: Trying to associate with SSID 'team'");
		expect(new Anonymizer(w).text('NetworkManager[600]: team: activation failed')).toBe(
			'NetworkManager[600]: <user-1>: activation failed'
		);
	});

	it('keeps kernel text of a whole log whose banner names words', async () => {
		const log = [
			'[    0.000000] Linux version 5.15.0 (team@ibm) (gcc (GCC) 11.2.0) #1 SMP',
			'[    5.000000] thinkpad_acpi: IBM ThinkPad ACPI Extras v0.26',
			'[   10.000000] WARNING: CPU: 1 PID: 9 at drivers/net/team/team.c:1234 team_port_add+0x1c/0x40 [team]',
			'[   10.000001] Modules linked in: team bonding',
			'[   10.000002] CPU: 1 PID: 9 Comm: teamd Not tainted 5.15.0 #1',
			'[   10.000003] Call Trace:',
			'[   10.000004]  team_port_add+0x1c/0x40 [team]',
			'[   10.000005] ---[ end trace 0000000000000000 ]---'
		].join('\n');
		const r = await analyzeText(log, { anonymize: true, year: 2023 });
		const json = JSON.stringify(r);
		expect(r.metadata.kernel_build).toContain('(<user-1>@<host-1>)');
		expect(json).toContain('Modules linked in: team bonding');
		expect(json).toContain('drivers/net/team/team.c');
		expect(json).not.toMatch(/<(?:user|host)-\d+> ThinkPad/);
	});
});
