import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';

// Found by auditing what the kernel prints about a person's devices and machine: a Bluetooth
// device named after its owner reached through the kernel's HIDP or uinput (AVRCP) had kept the
// owner, and the machine's own module-signing key (named after the machine) its name and key id.
describe("Bluetooth devices' owners and the machine's own signing key", () => {
	it("learns the owner of a Bluetooth keyboard (HIDP) and of a headset's media keys (AVRCP)", () => {
		const n = new NameCollector();
		n.line('[ 1234.567890] input: Alice’s AirPods Pro (AVRCP) as /devices/virtual/input/input24');
		n.line(
			"[ 1240.000000] input: Bob's Keyboard as /devices/pci0000:00/0000:00:14.0/usb1/1-10/1-10:1.0/bluetooth/hci0/hci0:256/0005:05AC:0239.0007/input/input25"
		);
		expect([...n.users].sort()).toEqual(['Alice', 'Bob']);
		const a = new Anonymizer(n);
		expect(a.text('input: Alice’s AirPods Pro (AVRCP) as /devices/virtual/input/input24')).toBe(
			'input: <user-1>’s AirPods Pro (AVRCP) as /devices/virtual/input/input24'
		);
		// not a device of a person's name elsewhere
		const other = new NameCollector();
		other.line("[    2.000000] input: Logitech's Receiver as /devices/virtual/input/input3");
		expect([...other.users]).toEqual([]);
	});

	it("replaces the machine's name and key id in its own module-signing key", () => {
		// askubuntu-dmesg-journalctl-lastdayorso.log's line, the machine's name and key id made up
		const line =
			"integrity: Loaded X.509 cert 'alice-laptop Secure Boot Module Signature key: 0123456789abcdef0123456789abcdef01234567'";
		const n = new NameCollector();
		n.line(line);
		expect([...n.hosts]).toEqual(['alice-laptop']);
		const a = new Anonymizer(n);
		expect(a.text(line)).toBe(
			"integrity: Loaded X.509 cert '<host-1> Secure Boot Module Signature key: <id-1>'"
		);
		expect(a.text('systemd-logind: Hostname is alice-laptop')).toBe(
			'systemd-logind: Hostname is <host-1>'
		);
		// without the collector too; DKMS's key is made on each machine
		const b = new Anonymizer();
		expect(b.text(line)).toBe(
			"integrity: Loaded X.509 cert '<host-1> Secure Boot Module Signature key: <id-1>'"
		);
		expect(
			b.text(
				"integrity: Loaded X.509 cert 'DKMS module signing key: 89abcdef0123456789abcdef0123456789abcdef'"
			)
		).toBe("integrity: Loaded X.509 cert 'DKMS module signing key: <id-2>'");
		// a distribution's and a vendor's keys are public
		for (const t of [
			"Loaded X.509 cert 'Canonical Ltd. Kernel Module Signing: 88f752e560a1e0737e31163a466ad7b70a850c19'",
			"integrity: Loaded X.509 cert 'Microsoft Corporation UEFI CA 2011: 13adbf4309bd82709c8cd54f316ed522988a1bd4'",
			"integrity: Loaded X.509 cert 'ubuntu Secure Boot Module Signature key: a24c3c4d62da315fea10b4276bd92d6dad9cb89f'"
		])
			expect(b.text(t).replace('<id-3>', 'ID')).toBe(
				t.replace('a24c3c4d62da315fea10b4276bd92d6dad9cb89f', 'ID')
			);
	});
});
