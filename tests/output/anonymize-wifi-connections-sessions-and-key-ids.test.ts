import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';

// Shapes of real journal lines (systemd, NetworkManager, udisks2, sshd, cloud-init on EC2) with
// invented names and ids; each value here had been left in the anonymized report.
function anonymizer(lines: string[]): Anonymizer {
	const n = new NameCollector();
	for (const l of lines) {
		n.host('host1');
		n.line(l);
	}
	return new Anonymizer(n);
}

describe('values of journal lines that had been left', () => {
	it('learns the user of systemd’s “Session 3 of User <name>” (a capital U since systemd 246)', () => {
		const line = 'Jan 06 14:17:39 host1 systemd[1]: Started Session 3 of User alice.';
		const a = anonymizer([line]);
		expect(a.text(line)).toBe(
			'Jan 06 14:17:39 <host-1> systemd[1]: Started Session 3 of User <user-1>.'
		);
		expect(a.text('audit: op=mkdir path=/srv/alice/x')).toBe(
			'audit: op=mkdir path=/srv/<user-1>/x'
		);
		// a display manager's session is no person's
		const gdm = 'Jan 06 14:17:34 host1 systemd[1]: Started Session 1 of User gdm.';
		expect(anonymizer([gdm]).text(gdm)).toBe(
			'Jan 06 14:17:34 <host-1> systemd[1]: Started Session 1 of User gdm.'
		);
	});

	it('learns a wireless device’s NetworkManager connection as a Wi-Fi network', () => {
		const lines = [
			"Jan 06 14:17:34 host1 NetworkManager[1194]: <info>  [1673011054.1673] device (wlp3s0): Activation: starting connection 'Alice Home 5G' (29760649-2441-3340-9f20-c8d3098d58f9)",
			"Jan 06 14:17:34 host1 NetworkManager[1194]: <info>  [1673011054.1724] policy: set 'Alice Home 5G' (wlp3s0) as default for IPv4 routing and DNS",
			'Jan 06 14:17:34 host1 NetworkManager[1194]: <info>  [1673011054.1800] audit: op="connection-activate" uuid="29760649-2441-3340-9f20-c8d3098d58f9" name="Alice Home 5G" pid=1500 uid=1000 result="success"'
		];
		const a = anonymizer(lines);
		expect(lines.map((l) => a.text(l))).toEqual([
			"Jan 06 14:17:34 <host-1> NetworkManager[1194]: <info>  [1673011054.1673] device (wlp3s0): Activation: starting connection '<ssid-1>' (<uuid-1>)",
			"Jan 06 14:17:34 <host-1> NetworkManager[1194]: <info>  [1673011054.1724] policy: set '<ssid-1>' (wlp3s0) as default for IPv4 routing and DNS",
			'Jan 06 14:17:34 <host-1> NetworkManager[1194]: <info>  [1673011054.1800] audit: op="connection-activate" uuid="<uuid-1>" name="<ssid-1>" pid=1500 uid=1000 result="success"'
		]);
	});

	it('keeps a wired device’s connection (NetworkManager’s default names, interfaces)', () => {
		const lines = [
			"Jan 06 14:17:34 host1 NetworkManager[1194]: <info>  [1673011054.1673] device (enp7s0): Activation: starting connection 'Wired connection 1' (29760649-2441-3340-9f20-c8d3098d58f9)",
			"Jan 06 14:17:34 host1 NetworkManager[1194]: <info>  [1673011054.2745] device (lxcbr0): Activation: starting connection 'lxcbr0' (4e35cf07-8d42-42ad-a290-9b4d0355196f)"
		];
		const a = anonymizer(lines);
		expect(a.text(lines[0])).toContain("starting connection 'Wired connection 1'");
		expect(a.text(lines[1])).toContain("device (lxcbr0): Activation: starting connection 'lxcbr0'");
		expect(a.replaced).toEqual({ host: 1, uuid: 2 });
	});

	it('replaces a removable volume’s label or FAT serial under its user’s folder', () => {
		const lines = [
			'Dec 10 19:45:25 host1 udisksd[1405]: Mounted /dev/sdb1 at /run/media/alice/5E6F-0A1B on behalf of uid 1000',
			'Dec 10 19:46:25 host1 udisksd[1405]: Mounted /dev/sdc1 at /media/alice/ALICE_USB on behalf of uid 1000',
			'Dec 10 19:47:25 host1 kernel: VBoxClient: mounted /media/alice/VBox_GAs_6.0.0'
		];
		const a = anonymizer(lines);
		expect(lines.map((l) => a.text(l))).toEqual([
			'Dec 10 19:45:25 <host-1> udisksd[1405]: Mounted /dev/sdb1 at /run/media/<user-1>/<uuid-1> on behalf of uid 1000',
			'Dec 10 19:46:25 <host-1> udisksd[1405]: Mounted /dev/sdc1 at /media/<user-1>/<label-1> on behalf of uid 1000',
			'Dec 10 19:47:25 <host-1> kernel: VBoxClient: mounted /media/<user-1>/VBox_GAs_6.0.0'
		]);
		// the same volume's serial elsewhere has the same placeholder
		expect(a.text('systemd[1]: Finished File System Check on /dev/disk/by-uuid/5E6F-0A1B.')).toBe(
			'systemd[1]: Finished File System Check on /dev/disk/by-uuid/<uuid-1>.'
		);
	});

	it('replaces an SSH key’s fingerprint and an EC2 instance’s id as ids', () => {
		const a = anonymizer([]);
		expect(
			a.text(
				'sshd[900]: Accepted publickey for root from 192.0.2.5 port 51234 ssh2: ED25519 SHA256:Xk3nP0qlR8wZ1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT4'
			)
		).toBe(
			'sshd[900]: Accepted publickey for root from <ipv4-1> port 51234 ssh2: ED25519 SHA256:<id-1>'
		);
		expect(
			a.text('ec2: 256 SHA256:Xk3nP0qlR8wZ1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT4 root@localhost (ED25519)')
		).toBe('ec2: 256 SHA256:<id-1> root@localhost (ED25519)');
		expect(
			a.text(
				'cloud-init[1023]: util.py[WARNING]: failed stage init: /var/lib/cloud/instances/i-0123456789abcdef0/sem/config_ssh'
			)
		).toBe(
			'cloud-init[1023]: util.py[WARNING]: failed stage init: /var/lib/cloud/instances/<id-2>/sem/config_ssh'
		);
		// not a word with `i-` inside, nor a driver's hex
		for (const t of ['multi-0123abcd', 'hid-multitouch 0018:04F3:2A3F.0001: input', 'mei-0123abcd'])
			expect(a.text(t), t).toBe(t);
	});
});
