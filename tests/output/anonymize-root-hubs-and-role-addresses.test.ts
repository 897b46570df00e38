import { describe, expect, it } from 'vitest';
import { Anonymizer } from '../../src/lib/util/anonymize.ts';

// Replaced although they name no one, found by anonymizing whole corpus logs line by line: a USB
// root hub's SerialNumber (its host controller's device name) and the mailing lists and support
// addresses drivers print.
describe('root hubs and role addresses are kept', () => {
	it("keeps a root hub's SerialNumber, replaces a device's", () => {
		const a = new Anonymizer();
		// askubuntu-dmesg-journalctl-lastdayorso.log, bard-linux-kern-log.log, linux-surface-pro-7-*.log
		for (const t of [
			'usb usb1: SerialNumber: 0000:00:14.0',
			'usb usb1: SerialNumber: 3f980000.usb',
			'usb usb3: SerialNumber: PNP0D10:05'
		])
			expect(a.text(t)).toBe(t);
		expect(a.text('usb 1-2: SerialNumber: 00E04C000001')).toBe('usb 1-2: SerialNumber: <serial-1>');
	});

	it('keeps mailing lists and support addresses, replaces a person’s address', () => {
		const a = new Anonymizer();
		for (const t of [
			'device-mapper: ioctl: 4.45.0-ioctl (2021-03-22) initialised: dm-devel@redhat.com',
			"ntfs: module license 'Commercial. For support email ntfs-support@tuxera.com.' taints kernel."
		])
			expect(a.text(t)).toBe(t);
		expect(a.text('pps_core: Copyright 2005-2007 Alice Example <alice@example.it>')).toBe(
			'pps_core: Copyright 2005-2007 Alice Example <<email-1>>'
		);
		expect(a.text('From: alice.devel.fan@example.org')).toBe('From: <email-2>');
	});
});

describe("Android's HIDL services are no e-mail addresses", () => {
	it('keeps `<package>@<version>-service.rc` (iamslightlywin-dump-last-kmsg.log, logcat-reports-dmesg-txt.log)', () => {
		const a = new Anonymizer();
		for (const t of [
			'init: Parsing file /vendor/etc/init/android.hardware.cas@1.2-service.rc...',
			'init: Parsing file /vendor/etc/init/android.hardware.drm@1.1-service.widevine.rc...',
			'init: Parsing file /system/etc/init/android.hidl.allocator@1.0-service.rc...'
		])
			expect(a.text(t)).toBe(t);
		expect(a.replaced).toEqual({});
		// an address at a domain that starts with a number is still one
		expect(a.text('contact: alice@163.com')).toBe('contact: <email-1>');
	});
});
