import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';

// PAM's `user=` and the certificate subjects wpa_supplicant prints for an 802.1X network had
// stayed in reports: the person who logged in, and the organisation that runs the network.
describe("PAM's users and certificates' organisations", () => {
	// linux-crash-crash1-txt.log and loghub-linux-2k.log (names made up)
	const PAM = [
		'Apr 05 02:34:43 host1 sddm-helper[1414]: pam_unix(sddm:auth): authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=  user=alice',
		'Apr 05 02:59:49 host1 (sd-pam)[645]: pam_warn(systemd-user:setcred): function=[pam_sm_setcred] flags=0x8004 service=[systemd-user] terminal=[] user=[alice] ruser=[<unknown>] rhost=[<unknown>]',
		'Jul  1 00:21:28 host2 sshd(pam_unix)[19628]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=192.0.2.7  user=bob',
		'Jan 06 14:17:52 host1 sudo[5977]:   carol : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/usr/bin/journalctl -r'
	];

	it('learns the user of pam_unix, pam_warn and sudo records, and replaces it everywhere', () => {
		const n = new NameCollector();
		for (const l of PAM) n.line(l);
		expect([...n.users].sort()).toEqual(['alice', 'bob', 'carol']);
		const a = new Anonymizer(n);
		expect(a.text(PAM[0])).toBe(
			'Apr 05 02:34:43 host1 sddm-helper[1414]: pam_unix(sddm:auth): authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=  user=<user-1>'
		);
		expect(a.text(PAM[1])).toContain('user=[<user-1>] ruser=[<unknown>]');
		expect(a.text(PAM[3])).toContain('sudo[5977]:   <user-2> : TTY=pts/0');
		expect(a.text('mount: /home/alice/usb by alice')).toBe('mount: /home/<user-1>/usb by <user-1>');
	});

	it("learns no account every machine has, nor a service's (`guest` is a word of kernel text)", () => {
		const n = new NameCollector();
		for (const u of ['root', 'guest', 'lightdm', 'sddm', 'admin'])
			n.line(
				`Jul  1 00:21:28 host2 sshd(pam_unix)[19628]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=192.0.2.7  user=${u}`
			);
		expect([...n.users]).toEqual([]);
		const a = new Anonymizer(n);
		expect(a.text('kvm: guest entered protected mode, user=guest')).toBe(
			'kvm: guest entered protected mode, user=guest'
		);
	});

	it('replaces PAM users in a report analysed without the collector', () => {
		const a = new Anonymizer();
		expect(a.text(PAM[2])).toBe(
			'Jul  1 00:21:28 host2 sshd(pam_unix)[19628]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=<ipv4-1>  user=<user-1>'
		);
		// not a key that ends in user= outside PAM: cryptohomed's `is_ephemeral_user=0`
		const cryptohome =
			'cryptohomed[1563]: AuthSession: started with is_ephemeral_user=0 intent=decrypt user_exists=1';
		expect(a.text(cryptohome)).toBe(cryptohome);
	});

	it("replaces the organisation and the server of an 802.1X network's certificates", () => {
		const a = new Anonymizer();
		expect(
			a.text(
				"wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=1 subject='/C=US/ST=Ohio/O=Acme Corp/OU=Network Services/CN=Acme Root CA' hash=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
			)
		).toBe(
			"wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=1 subject='/C=US/ST=Ohio/O=<org-1>/OU=<org-2>/CN=<org-3>' hash=<id-1>"
		);
		expect(
			a.text(
				"wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=0 subject='/C=US/O=Acme Corp/CN=radius.acme.example/emailAddress=noc@acme.example'"
			)
		).toBe(
			"wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=0 subject='/C=US/O=<org-1>/CN=<host-1>/emailAddress=<email-1>'"
		);
		// the certificate's DNS name: the same host
		expect(a.text('wlp2s0: CTRL-EVENT-EAP-PEER-ALT depth=0 DNS:radius.acme.example')).toBe(
			'wlp2s0: CTRL-EVENT-EAP-PEER-ALT depth=0 DNS:<host-1>'
		);
		// a failed verification, and the `CN=…, O=…` style; short values (`OU=IT`) name no one
		expect(
			a.text(
				"wlp2s0: CTRL-EVENT-EAP-TLS-CERT-ERROR reason=1 depth=0 subject='CN=radius.acme.example, OU=IT, O=ACME CORP' err='unable to get local issuer certificate'"
			)
		).toBe(
			"wlp2s0: CTRL-EVENT-EAP-TLS-CERT-ERROR reason=1 depth=0 subject='CN=<host-1>, OU=IT, O=<org-1>' err='unable to get local issuer certificate'"
		);
		expect(a.replaced).toEqual({ host: 1, email: 1, id: 1, org: 3 });
	});

	it("replaces NetworkManager's 802.1X identity as a user", () => {
		const line =
			"NetworkManager[600]: <info>  [1700000000.1234] Config: added 'identity' value 'alice'";
		const n = new NameCollector();
		n.line(line);
		expect([...n.users]).toEqual(['alice']);
		expect(new Anonymizer(n).text(line)).toBe(
			"NetworkManager[600]: <info>  [1700000000.1234] Config: added 'identity' value '<user-1>'"
		);
	});
});
