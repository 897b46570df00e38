import { describe, expect, it } from 'vitest';
import { Anonymizer } from '../../src/lib/util/anonymize.ts';

// A certificate's state and locality (ST=, L=) had been kept: an organisation's (one with O=) is
// its address, a person's own certificate's (no O=) is where the person lives.
describe("a certificate subject's state and locality", () => {
	it("are replaced in a person's own certificate (no O=)", () => {
		const a = new Anonymizer();
		expect(
			a.text(
				"wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=0 subject='/C=DE/ST=Bavaria/L=Springfield/CN=Alice Example/emailAddress=alice@example.org'"
			)
		).toBe(
			"wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=0 subject='/C=DE/ST=<place-1>/L=<place-2>/CN=<user-1>/emailAddress=<email-1>'"
		);
		// the `CN=…, L=…` style, the same places
		expect(
			a.text(
				"tls_verify_cb - preverify_ok=0 err=18 (self signed certificate) ca_cert_verify=1 depth=0 buf='CN=Alice Example, L=Springfield, ST=Bavaria, C=DE'"
			)
		).toBe(
			"tls_verify_cb - preverify_ok=0 err=18 (self signed certificate) ca_cert_verify=1 depth=0 buf='CN=<user-1>, L=<place-2>, ST=<place-1>, C=DE'"
		);
		expect(a.replaced).toEqual({ user: 1, email: 1, place: 2 });
	});

	it("are kept in an organisation's certificate (a CA's, a vendor's)", () => {
		const a = new Anonymizer();
		expect(
			a.text(
				"wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=2 subject='/C=US/ST=New Jersey/L=Jersey City/O=The USERTRUST Network/CN=USERTrust RSA Certification Authority'"
			)
		).toBe(
			"wlp2s0: CTRL-EVENT-EAP-PEER-CERT depth=2 subject='/C=US/ST=New Jersey/L=Jersey City/O=<org-1>/CN=<org-2>'"
		);
		expect(
			a.text(
				"wlp2s0: CTRL-EVENT-EAP-TLS-CERT-ERROR reason=1 depth=0 subject='CN=radius.acme.example, L=Springfield, O=ACME CORP' err='unable to get local issuer certificate'"
			)
		).toContain("subject='CN=<host-1>, L=Springfield, O=<org-3>'");
	});
});
