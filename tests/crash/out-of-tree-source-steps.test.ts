/**
 * A WARNING or BUG whose source file is outside the kernel tree (a module built separately: a test
 * module, a vendor's or the user's driver) is that code's bug: its steps say so instead of telling
 * to update the distribution's kernel and report it there.
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';

// kerneloops-i386-bug-on.log lines 429-465 (Fedora 9 development kernel 2.6.24, a test module
// `oops` loaded with insmod: WARN_ON then BUG_ON at /tmp/oops.c:5; no `O` taint yet in 2.6.24)
const TEST_MODULE = [
	'WARNING: at /tmp/oops.c:5 modinit() (Not tainted)',
	'Pid: 8190, comm: insmod Not tainted 2.6.24-0.77.rc4.git4.fc9 #1',
	' [<c040649a>] show_trace_log_lvl+0x1a/0x2f',
	' [<c0406d41>] show_trace+0x12/0x14',
	' [<c0407061>] dump_stack+0x6c/0x72',
	' [<e024e03d>] modinit+0x38/0x3f [oops]',
	' [<c0455445>] sys_init_module+0x1430/0x155c',
	' [<c0405252>] syscall_call+0x7/0xb',
	' =======================',
	'------------[ cut here ]------------',
	'kernel BUG at /tmp/oops.c:5!',
	'invalid opcode: 0000 [#1] SMP ',
	'Modules linked in: oops cpufreq_stats ext2 i915 drm nf_conntrack_ipv4 ipt_REJECT iptable_filter ip_tables nf_conntrack_ipv6 xt_state nf_conntrack xt_tcpudp ip6t_ipv6header ip6t_REJECT ip6table_filter ip6_tables x_tables ipv6 loop dm_multipath rtc_cmos iTCO_wdt iTCO_vendor_support pcspkr i2c_i801 i2c_core battery video ac output power_supply button sg joydev usb_storage dm_snapshot dm_zero dm_mirror dm_mod ahci pata_acpi ata_generic ata_piix libata sd_mod scsi_mod ext3 jbd mbcache uhci_hcd ohci_hcd ehci_hcd',
	'',
	'Pid: 8369, comm: insmod Not tainted (2.6.24-0.77.rc4.git4.fc9 #1)',
	'EIP: 0060:[<e024e003>] EFLAGS: 00210286 CPU: 0',
	'EIP is at modinit+0x3/0x7 [oops]',
	'EAX: e024e000 EBX: d434d9c8 ECX: e024e300 EDX: 00000001',
	'ESI: e024e300 EDI: e024e300 EBP: d4347eb0 ESP: d4347eb0',
	' DS: 007b ES: 007b FS: 00d8 GS: 0033 SS: 0068',
	'Process insmod (pid: 8369, ti=d4347000 task=d4222e10 task.ti=d4347000)',
	'Stack: d4347fb0 c0455445 00000000 00000000 d4347ee0 c0423edd 0000001c d434d9a8 ',
	'       00795000 c16df1e8 d41a6af0 0000be7f 00000000 e024e300 00000000 00000000 ',
	'       00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 ',
	'Call Trace:',
	' [<c040649a>] show_trace_log_lvl+0x1a/0x2f',
	' [<c040654a>] show_stack_log_lvl+0x9b/0xa3',
	' [<c04065f9>] show_registers+0xa7/0x178',
	' [<c04067eb>] die+0x121/0x20c',
	' [<c06422a8>] do_trap+0x8a/0xa3',
	' [<c0406b95>] do_invalid_op+0x88/0x92',
	' [<c0642072>] error_code+0x72/0x78',
	' [<c0455445>] sys_init_module+0x1430/0x155c',
	' [<c0405252>] syscall_call+0x7/0xb',
	' =======================',
	'Code: <0f> 0b eb fe 55 89 e5 5d c3 04 00 00 00 14 00 00 00 03 00 00 00 47 ',
	'EIP: [<e024e003>] modinit+0x3/0x7 [oops] SS:ESP 0068:d4347eb0'
];

describe('a report from a source file outside the kernel tree', () => {
	it('is sent to the module, not to the distribution’s kernel update and bug tracker', async () => {
		const c = await crashesOf(TEST_MODULE);
		expect(c.map((f) => [f.title, f.details.source_location])).toEqual([
			['WARNING in modinit', '/tmp/oops.c:5'],
			['kernel BUG in modinit', '/tmp/oops.c:5']
		]);
		for (const f of c) {
			const steps = f.explanation.next_steps.join('\n');
			expect(steps).toContain(
				'`/tmp/oops.c` (module `oops`), a source file outside the kernel tree'
			);
			expect(steps).toContain('(line 5)');
			expect(steps).not.toMatch(/dnf upgrade|bugzilla|syzbot|get_maintainer/);
		}
	});

	it('leaves a vendor’s absolute path into its kernel tree to the usual steps', async () => {
		const c = await crashesOf(
			TEST_MODULE.map((l) =>
				l.replace('/tmp/oops.c', '/home/builder/kernel/drivers/misc/oops.c').replace(' [oops]', '')
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
