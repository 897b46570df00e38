/**
 * A WARNING or BUG whose source file is outside the kernel tree (a module built separately: a test
 * module, a vendor's or the user's driver) is that code's bug: its steps say so instead of telling
 * to update the distribution's kernel and report it there.
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';
import { I386_BUG, I386_WARN } from '../support/excerpts.ts';

// kerneloops-i386-bug-on.log lines 429-465 (Fedora 9 development kernel 2.6.24, a test module
// `oops` loaded with insmod: WARN_ON then BUG_ON at /tmp/oops.c:5; no `O` taint yet in 2.6.24)
const TEST_MODULE = [
	...I386_WARN,
	...I386_BUG.slice(0, 2),
	// the module list and the raw stack words, which I386_BUG leaves out
	'Modules linked in: oops cpufreq_stats ext2 i915 drm nf_conntrack_ipv4 ipt_REJECT iptable_filter ip_tables nf_conntrack_ipv6 xt_state nf_conntrack xt_tcpudp ip6t_ipv6header ip6t_REJECT ip6table_filter ip6_tables x_tables ipv6 loop dm_multipath rtc_cmos iTCO_wdt iTCO_vendor_support pcspkr i2c_i801 i2c_core battery video ac output power_supply button sg joydev usb_storage dm_snapshot dm_zero dm_mirror dm_mod ahci pata_acpi ata_generic ata_piix libata sd_mod scsi_mod ext3 jbd mbcache uhci_hcd ohci_hcd ehci_hcd',
	'',
	...I386_BUG.slice(2, 9),
	'Stack: d4347fb0 c0455445 00000000 00000000 d4347ee0 c0423edd 0000001c d434d9a8 ',
	'       00795000 c16df1e8 d41a6af0 0000be7f 00000000 e024e300 00000000 00000000 ',
	'       00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 ',
	...I386_BUG.slice(9)
];

/** the same reports of a module of another name: kerneloops' `oops` is a test made on purpose */
const OTHER_MODULE = TEST_MODULE.map((l) =>
	l
		.replace('/tmp/oops.c', '/tmp/mydrv.c')
		.replace('[oops]', '[mydrv]')
		.replace('Modules linked in: oops ', 'Modules linked in: mydrv ')
);

describe('a report from a source file outside the kernel tree', () => {
	it('of kerneloops’ test module is a report made on purpose (crash.test-module)', async () => {
		const c = await crashesOf(TEST_MODULE);
		expect(c.map((f) => [f.title, f.rule, f.severity, f.details.source_location])).toEqual([
			['WARNING in modinit', 'crash.test-module', 'low', '/tmp/oops.c:5'],
			['kernel BUG in modinit', 'crash.test-module', 'low', '/tmp/oops.c:5']
		]);
		for (const f of c) expect(f.explanation.meaning).toContain('kerneloops’ test module `oops`');
	});

	it('is sent to the module, not to the distribution’s kernel update and bug tracker', async () => {
		const c = await crashesOf(OTHER_MODULE);
		expect(c.map((f) => [f.title, f.details.source_location])).toEqual([
			['WARNING in modinit', '/tmp/mydrv.c:5'],
			['kernel BUG in modinit', '/tmp/mydrv.c:5']
		]);
		for (const f of c) {
			const steps = f.explanation.next_steps.join('\n');
			expect(steps).toContain(
				'`/tmp/mydrv.c` (module `mydrv`), a source file outside the kernel tree'
			);
			expect(steps).toContain('(line 5)');
			expect(steps).not.toMatch(/dnf upgrade|bugzilla|syzbot|get_maintainer/);
		}
	});

	it('leaves a vendor’s absolute path into its kernel tree to the usual steps', async () => {
		const c = await crashesOf(
			OTHER_MODULE.map((l) =>
				l
					.replace('/tmp/mydrv.c', '/home/builder/kernel/drivers/misc/mydrv.c')
					.replace(' [mydrv]', '')
			)
		);
		expect(c).toHaveLength(2);
		for (const f of c) {
			const steps = f.explanation.next_steps.join('\n');
			expect(steps).not.toContain('outside the kernel tree');
			expect(steps).toMatch(/dnf upgrade/);
		}
	});
});
