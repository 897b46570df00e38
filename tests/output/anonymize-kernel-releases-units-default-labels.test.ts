import { describe, expect, it } from 'vitest';
import { Anonymizer } from '../../src/lib/util/anonymize.ts';
import { analyzeText } from '../../src/lib/index.ts';

// Values that had been replaced although they name no one, found by reading the anonymized reports
// of the real corpus: a 2.6 kernel release of four numbers taken for an IPv4 address, the project's
// own advice naming a mailing list, systemd units and Android APEXes taken for e-mail addresses,
// file system labels every installer gives.
describe('what anonymization keeps', () => {
	it('keeps a kernel release of four numbers (tf201log-dmesg-txt.log runs 2.6.36.3)', async () => {
		const a = new Anonymizer();
		for (const t of [
			'CPU: 0    Not tainted  (2.6.36.3 #1)',
			'CPU: 1 PID: 7 Comm: kworker/1:0 Tainted: G        W    2.6.36.3 #1',
			'usb usb1: Manufacturer: Linux 2.6.36.3 ehci_hcd',
			'`./scripts/decode_stacktrace.sh -r 2.6.36.3 < crash-2e56c69f.txt`'
		])
			expect(a.text(t)).toBe(t);
		// an address stays an address
		expect(a.text('nfs: server 10.1.2.3 not responding, Linux NFS client')).toBe(
			'nfs: server <ipv4-1> not responding, Linux NFS client'
		);
		const log = [
			'<5>[    0.000000] Linux version 2.6.36.3 (android@host1) (gcc version 4.4.3 (GCC) ) #1 SMP PREEMPT',
			'<4>[   10.000000] nfs: server 192.0.2.9 not responding, still trying'
		].join('\n');
		const r = await analyzeText(log, { anonymize: true, year: 2011 });
		expect(r.metadata.kernel_version).toBe('2.6.36.3');
		expect(JSON.stringify(r)).not.toContain('192.0.2.9');
	});

	it('keeps mailing lists, systemd units and APEXes, replaces e-mail addresses', () => {
		const a = new Anonymizer();
		for (const t of [
			'report it to the networking maintainers (netdev@vger.kernel.org)',
			'report to iommu@lists.linux.dev',
			'systemd[1]: modprobe@drm.service: Succeeded.',
			'systemd[1]: Started getty@tty1.service - Getty on tty1.',
			'apexd: Found pre-installed APEX com.android.media@311411000.apex'
		])
			expect(a.text(t)).toBe(t);
		expect(
			a.text('pps_core: Software ver. 5.3.6 - Copyright 2005-2007 Alice <alice@example.it>')
		).toBe('pps_core: Software ver. 5.3.6 - Copyright 2005-2007 Alice <<email-1>>');
	});

	it('keeps the file system labels every installer gives, replaces the others', () => {
		const a = new Anonymizer();
		for (const t of [
			'Kernel command line: ro root=LABEL=/ rhgb quiet',
			'Kernel command line: console=tty1 root=LABEL=writable rootfstype=ext4',
			'Kernel command line: BOOT_IMAGE=/boot/vmlinuz-5.4.0-1092-gcp root=LABEL=cloudimg-rootfs ro',
			'Kernel command line: root=LABEL=DOROOT ro'
		])
			expect(a.text(t)).toBe(t);
		expect(a.text('BTRFS: device label AlicesDisk devid 1 transid 7 /dev/sda2')).toBe(
			'BTRFS: device label <label-1> devid 1 transid 7 /dev/sda2'
		);
	});
});
