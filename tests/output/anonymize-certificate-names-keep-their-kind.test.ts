import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';

// A certificate subject's common name had always been an `org` unless dotted: a person's name
// (`CN=Alice Example` of a certificate without O=, a person's own) read as an organisation, and a
// user or an e-mail address the log names elsewhere got a second placeholder there.
describe("a certificate subject's names", () => {
	it("a person's name in a certificate without O= is a user", () => {
		const a = new Anonymizer();
		expect(
			a.text("wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=0 subject='/C=NL/CN=Jan-Willem van der Berg'")
		).toBe("wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=0 subject='/C=NL/CN=<user-1>'");
		// a CA's or a server's name without O= stays an organisation's
		expect(
			a.text("wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=1 subject='/C=NL/CN=Home Lab Root CA'")
		).toBe("wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=1 subject='/C=NL/CN=<org-1>'");
		expect(
			a.text("wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=0 subject='/CN=Example Radius Server'")
		).toBe("wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=0 subject='/CN=<org-2>'");
		// an organisation's certificate: its common name is the organisation's
		expect(
			a.text("wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=0 subject='/C=US/O=Acme/CN=Wile Coyote'")
		).toBe("wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=0 subject='/C=US/O=<org-3>/CN=<org-4>'");
		expect(a.replaced).toEqual({ user: 1, org: 4 });
	});

	it('a name or an e-mail address of the log keeps its placeholder', () => {
		const n = new NameCollector();
		const lines = [
			'Dec 05 10:00:01 host1 sshd[1234]: Accepted publickey for alice from 192.0.2.7 port 5555 ssh2',
			"Dec 05 10:00:02 host1 wpa_supplicant[812]: wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=0 subject='/C=DE/CN=alice/emailAddress=alice@example.org'",
			"Dec 05 10:00:02 host1 wpa_supplicant[812]: wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=0 subject='/C=DE/CN=alice@example.org'",
			"Dec 05 10:00:03 host1 wpa_supplicant[812]: OpenSSL: tls_verify_cb - preverify_ok=0 err=18 (self signed certificate) ca_cert_verify=1 depth=0 buf='CN=ALICE, C=DE'"
		];
		for (const l of lines) n.line(l);
		const a = new Anonymizer(n);
		const out = lines.map((l) => a.text(l));
		expect(out[1]).toContain("subject='/C=DE/CN=<user-1>/emailAddress=<email-1>'");
		expect(out[2]).toContain("subject='/C=DE/CN=<email-1>'");
		expect(out[3]).toContain("buf='CN=<user-1>, C=DE'");
		expect(a.replaced).toEqual({ user: 1, email: 1, ipv4: 1 });
	});

	it("keeps a vendor's role address as the e-mail addresses' pass does", () => {
		const a = new Anonymizer();
		expect(a.text("depth=1 subject='/C=DE/CN=security@example-vendor.com'")).toBe(
			"depth=1 subject='/C=DE/CN=security@example-vendor.com'"
		);
	});
});
