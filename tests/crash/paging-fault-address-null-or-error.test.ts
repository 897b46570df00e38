/**
 * A paging fault's address that says what the pointer was: in the first 64 KiB, a NULL pointer
 * plus an offset (powerpc before 5.0 calls every fault a paging request); one of the last 4095, an
 * error code taken for a pointer or a NULL pointer minus an offset.
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';

// abrt-oops9-ppc64.log lines 1-12 and 21-41 (abrt's test data: RHEL 7's 3.10 on a pSeries LPAR,
// EEH froze the ipr SAS adapter as ipr was loading; the GPR dump left out)
const PPC64 = [
	'[ 104.660699] ipr 0001:01:00.0: Refused to change power state, currently in D3',
	'[ 104.669860] ipr 0001:01:00.0: Found IOA with IRQ: 17',
	'[ 104.669918] EEH: Detected PCI bus error on PHB#1-PE#10000',
	'[ 104.669926] EEH: This PCI device has failed 1 times in the last hour',
	'[ 104.669944] Unable to handle kernel paging request for data at address 0x000012e0',
	'[ 104.669951] Faulting instruction address: 0xd0000000008cb4dc',
	'[ 104.669962] Oops: Kernel access of bad area, sig: 11 [#1]',
	'[ 104.669967] SMP NR_CPUS=2048 NUMA pSeries',
	'[ 104.669979] Modules linked in: dm_service_time sd_mod crc_t10dif ibmvfc scsi_transport_fc scsi_tgt ipr(+) libata dm_mirror dm_region_hash dm_log dm_multipath dm_mod',
	'[ 104.670013] CPU: 1 PID: 251 Comm: eehd Tainted: G W -------------- 3.10.0-33.el7.ppc64 #1',
	'[ 104.670022] task: c000000010d66a60 ti: c000000010ff0000 task.ti: c000000010ff0000',
	'[ 104.670030] NIP: d0000000008cb4dc LR: d0000000008cb4d8 CTR: c0000000084af4e0',
	'GPR08: c0000000091c9778 c000000026904440 d0000000008cb350 c0000000084af4e0',
	'GPR12: d0000000008d5000 c00000000ec50400 c0000000080bce10 c000000026a73af0',
	'GPR16: 0000000000000000 0000000000000000 0000000000000000 0000000000000000',
	'GPR20: 0000000000000000 0000000000000000 0000000000000000 0000000000000000',
	'GPR24: c000000009074ea8 c000000026083960 c000000026083960 0000000000000000',
	'GPR28: c000000010ff3c80 d0000000008db330 c000000010ff3c80 c00000002669b000',
	'[ 104.670190] NIP [d0000000008cb4dc] .ipr_pci_error_detected+0x18c/0x220 [ipr]',
	'[ 104.670204] LR [d0000000008cb4d8] .ipr_pci_error_detected+0x188/0x220 [ipr]',
	'[ 104.670211] PACATMSCRATCH [800000000280f032]',
	'[ 104.670217] Call Trace:',
	'[ 104.670222] [c000000010ff3a30] [c000000010ff3ad0] 0xc000000010ff3ad0 (unreliable)',
	'[ 104.670236] [c000000010ff3ad0] [c00000000806b258] .eeh_report_error+0x98/0x110',
	'[ 104.670246] [c000000010ff3b60] [c00000000806a19c] .eeh_pe_dev_traverse+0x9c/0x190',
	'[ 104.670256] [c000000010ff3c10] [c00000000806b670] .eeh_handle_event+0x70/0x330',
	'[ 104.670266] [c000000010ff3ca0] [c00000000806ba58] .eeh_event_handler+0x128/0x190',
	'[ 104.670277] [c000000010ff3d30] [c0000000080bcef8] .kthread+0xe8/0xf0',
	'[ 104.670287] [c000000010ff3e30] [c00000000800a1dc] .ret_from_kernel_thread+0x5c/0x80',
	'[ 104.670294] Instruction dump:',
	'[ 104.670300] eb41ffd0 eb61ffd8 eb81ffe0 7c0803a6 eba1ffe8 ebc1fff0 ebe1fff8 4e800020',
	'[ 104.670317] 60420000 38630090 48009b2d e8410028 7c7f1b78 e8690058 48009609',
	'[ 104.670338] ---[ end trace 326ab80eeb2c3416 ]---'
];

// crash-dmesg-vmcore-dmesg-txt.log lines 9481-9510 and 9532-9533 (a Dell PowerEdge R730xd on
// RHEL 6's 2.6.32, a qemu-system-x86 process freeing a KVM memory slot; the trace shortened)
const RHEL6 = [
	'<1>BUG: unable to handle kernel paging request at ffffffffffffffe0',
	'<1>IP: [<ffffffff81167060>] __purge_vmap_area_lazy+0x70/0x1e0',
	'<4>PGD 1a8f067 PUD 1a90067 PMD 0 ',
	'<4>Oops: 0000 [#1] SMP ',
	'<4>last sysfs file: /sys/devices/system/cpu/online',
	'<4>CPU 0 ',
	'<4>Modules linked in: iptable_filter iptable_nat nf_nat nf_conntrack_ipv4 nf_defrag_ipv4 iptable_raw ip_tables ebt_ip6 ip6_queue ip6table_filter ip6table_raw ip6_tables ebtable_nat ebtable_filter ebt_ip ebt_arp ebtables xt_NOTRACK fuse act_police cls_u32 sch_ingress cls_fw sch_sfq sch_htb xt_CHECKSUM ipt_REJECT ip_queue autofs4 bridge stp llc bonding ip6t_REJECT nf_conntrack ipv6 nbd(U) vhost_net macvtap macvlan tun kvm_intel kvm ipmi_devintf power_meter acpi_ipmi ipmi_si ipmi_msghandler microcode iTCO_wdt iTCO_vendor_support dcdbas joydev bnxt_en sb_edac edac_core lpc_ich mfd_core shpchp igb dca i2c_algo_bit i2c_core ptp pps_core sg ext4 jbd2 mbcache sd_mod crc_t10dif ahci megaraid_sas wmi dm_mirror dm_region_hash dm_log dm_mod [last unloaded: ip_tables]',
	'<4>',
	'<4>Pid: 84647, comm: qemu-system-x86 Tainted: G           --L------------    2.6.32-642.el6.x86_64 #1 Dell Inc. PowerEdge R730xd/0WCJNT',
	'<4>RIP: 0010:[<ffffffff81167060>]  [<ffffffff81167060>] __purge_vmap_area_lazy+0x70/0x1e0',
	'<4>RSP: 0018:ffff88317935b958  EFLAGS: 00010207',
	'<4>RAX: 0000000000000000 RBX: ffff88317935b9c0 RCX: 0000000000000000',
	'<4>RDX: ffff88317935b968 RSI: ffff880bcf56b400 RDI: ffff880bcf56b700',
	'<4>RBP: ffff88317935b9a8 R08: ffff88317935b968 R09: ffff882d0b178018',
	'<4>R10: 0000000000000200 R11: 0000000000000000 R12: ffff88317935b9b8',
	'<4>R13: ffff88317935b968 R14: ffffffffffffffd0 R15: 0000000000000000',
	'<4>FS:  00007f4a08b44700(0000) GS:ffff880158200000(0000) knlGS:0000000000000000',
	'<4>CS:  0010 DS: 002b ES: 002b CR0: 000000008005003b',
	'<4>CR2: ffffffffffffffe0 CR3: 0000001264d95000 CR4: 00000000001427f0',
	'<4>DR0: 0000000000000000 DR1: 0000000000000000 DR2: 0000000000000000',
	'<4>DR3: 0000000000000000 DR6: 00000000fffe0ff0 DR7: 0000000000000400',
	'<4>Process qemu-system-x86 (pid: 84647, threadinfo ffff883179358000, task ffff885ee57a3520)',
	'<4>Stack:',
	'<4> ffff88317935b978 00001ba4348f8004 ffff881e4454c780 ffff880bcf56b700',
	'<4><d> ffff88317935bb38 000000000000c0d7 ffff88317935bb38 0000000000000001',
	'<4><d> ffff8813348f8000 ffff88451192a000 ffff88317935b9d8 ffffffff81167230',
	'<4>Call Trace:',
	'<4> [<ffffffff81167230>] free_vmap_area_noflush+0x60/0x70',
	'<4> [<ffffffff811672e5>] free_unmap_vmap_area+0x25/0x30',
	'<4> [<ffffffff81167330>] remove_vm_area+0x40/0xa0',
	'<4> RSP <ffff88317935b958>',
	'<4>CR2: ffffffffffffffe0'
];

describe('a paging fault’s address', () => {
	it('in the first 64 KiB is a NULL pointer plus an offset (powerpc 3.10)', async () => {
		const [f] = (await crashesOf(PPC64)).filter((c) => c.rule === 'crash.paging-fault');
		expect(f.title).toBe('BUG: unable to handle kernel paging request in ipr_pci_error_detected');
		expect(f.explanation.meaning).toContain(
			'Here the address is 0x12e0, in the first 64 KiB, where nothing is ever mapped: most likely a NULL pointer plus an offset'
		);
	});

	it('among the last 4095 is an error code or a NULL pointer minus an offset (x86-64)', async () => {
		const [f] = await crashesOf(RHEL6);
		expect(f.title).toBe('BUG: unable to handle kernel paging request in __purge_vmap_area_lazy');
		expect(f.explanation.meaning).toContain('Here the address is -32 (ffffffffffffffe0)');
		expect(f.explanation.meaning).toContain('`ERR_PTR(-32)`');
	});

	it('elsewhere says nothing of NULL pointers or error codes', async () => {
		const other = (lines: string[]) =>
			lines.map((l) =>
				l
					.replace('at address 0x000012e0', 'at address 0x00012e00')
					.replace('paging request at ffffffffffffffe0', 'paging request at ffffffffffffefe0')
			);
		for (const lines of [other(PPC64), other(RHEL6)]) {
			const [f] = (await crashesOf(lines)).filter((c) => c.rule === 'crash.paging-fault');
			expect(f.explanation.meaning).not.toMatch(/NULL pointer|error code/);
		}
	});
});
