import { describe, expect, it } from 'vitest';
import { Anonymizer } from '../../src/lib/util/anonymize.ts';
import { analyzeText } from '../../src/lib/index.ts';

// Public ids that anonymization had replaced: the root hash and salt of a ChromeOS image's
// dm-verity (the same on every machine of that release), GNOME Shell's extension ids (taken for
// e-mail addresses), and a 2.6 kernel release quoted in an explanation (taken for an IPv4 address).
describe('public ids are kept', () => {
	// the shape of syslogs-messages-3.log's command line (ChromeOS), its values made up
	const CHROMEOS =
		'Kernel command line: cros_secure root=/dev/dm-0 rootwait ro dm_verity.error_behavior=3 dm="1 vroot none ro 1,0 7946240 verity payload=PARTUUID=0a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d/PARTNROFF=1 hashtree=PARTUUID=0a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d/PARTNROFF=1 hashstart=7946240 alg=sha256 root_hexdigest=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef salt=fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210" noinitrd kern_guid=0a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

	it("keeps dm-verity's root hash and salt, replaces the partition's UUID", () => {
		const a = new Anonymizer();
		const out = a.text(CHROMEOS);
		expect(out).toContain(
			'root_hexdigest=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef salt=fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"'
		);
		expect(out).toContain('payload=PARTUUID=<uuid-1>/PARTNROFF=1');
		expect(out).toContain('kern_guid=<uuid-1>');
		expect(a.replaced).toEqual({ uuid: 1 });
		// a salt outside dm-verity, and a machine id, stay replaced
		expect(a.text('keymaster: salt=0123456789abcdef0123456789abcdef')).toBe(
			'keymaster: salt=<id-1>'
		);
		expect(a.text('systemd[1]: machine-id 00112233445566778899aabbccddeeff')).toBe(
			'systemd[1]: machine-id <id-2>'
		);
	});

	it("keeps GNOME Shell's extension ids, replaces an address", () => {
		const a = new Anonymizer();
		// amdgpu-crash-crash1-txt.log and a journal of Ubuntu's gnome-shell (extension.js traces)
		for (const t of [
			'Extension apps-menu@gnome-shell-extensions.gcampax.github.com already installed in /usr/share/gnome-shell/extensions/apps-menu@gnome-shell-extensions.gcampax.github.com. /usr/share/gnome-shell/extensions/apps-menu@gnome-shell-extensions.gcampax.github.com will not be loaded',
			'#9 0x562065452320 i   /usr/share/gnome-shell/extensions/ubuntu-appindicators@ubuntu.com/extension.js:61 (0x7f31d647fbc0 @ 37)',
			'JS ERROR: Extension dash-to-dock@micxgx.gmail.com: TypeError: this._box is null',
			'Extension clipboard-indicator@tudmotu.com: enabled'
		])
			expect(a.text(t)).toBe(t);
		expect(a.text('pps_core: Copyright 2005-2007 Alice Example <alice@example.it>')).toBe(
			'pps_core: Copyright 2005-2007 Alice Example <<email-1>>'
		);
		// a GitHub account's own address
		expect(a.text('git: author 12345+alice@users.noreply.github.com')).toBe(
			'git: author <email-2>'
		);
	});

	it("keeps the report's 2.6 kernel release in its explanations (tf201log-dmesg-txt.log)", async () => {
		const log = [
			'<5>[    0.000000] Linux version 2.6.36.3 (android@host1) (gcc version 4.4.3 (GCC) ) #1 SMP PREEMPT Sat Dec 24 01:57:20 CST 2011',
			'<4>[   12.000000] ------------[ cut here ]------------',
			'<4>[   12.000000] WARNING: at drivers/i2c/busses/i2c-tegra.c:623 tegra_i2c_xfer+0x1/0x2()',
			'<4>[   12.000000] Modules linked in:',
			'<4>[   12.000000] [<c0049f80>] (unwind_backtrace+0x0/0xf8) from [<c0078d04>] (warn_slowpath_common+0x4c/0x64)',
			'<4>[   12.000000] ---[ end trace 1b75b31a2719ed1c ]---',
			'<4>[   13.000000] nfs: server 192.0.2.9 not responding, still trying'
		].join('\n');
		const plain = JSON.stringify(await analyzeText(log, { year: 2011 }));
		// (the decode step's release: on this tablet the vendor's update step is its owner's first
		// step, which names no release)
		expect(plain).toContain('decode_stacktrace.sh -r 2.6.36.3 <');
		const r = JSON.stringify(await analyzeText(log, { anonymize: true, year: 2011 }));
		expect(r).toContain('decode_stacktrace.sh -r 2.6.36.3 <');
		expect(r).not.toContain('192.0.2.9');
	});
});
