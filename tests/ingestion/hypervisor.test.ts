/**
 * metadata.hypervisor, from the real forms of the lines that name a virtual machine (each naming
 * the corpus file, shared/corpus/real, it comes from).
 */
import { describe, expect, it } from 'vitest';
import { hypervisorFromDmi, hypervisorFromLine } from '../../src/lib/ingestion/metadata.ts';
import { ingestText } from './helpers.ts';

const meta = (lines: string[]) => ingestText(lines.join('\n') + '\n').summary.metadata;

describe('hypervisor from a DMI product', () => {
	it.each([
		// abrt-nmi-oops-hash.log
		['Bochs', 'Bochs'],
		// serverlog-dmesg-0.log
		['Bochs Bochs, BIOS Bochs 01/01/2011', 'Bochs'],
		// dioxis33-errors-dmesg-txt.log, abrt-oops-unsupported-hw.log
		['innotek GmbH VirtualBox/VirtualBox, BIOS VirtualBox 12/01/2006', 'VirtualBox'],
		// cmpe283-assignment1-dmesg-log.log
		[
			'Google Google Compute Engine/Google Compute Engine, BIOS Google 10/11/2022',
			'Google Compute Engine'
		],
		// lkp-05.log, abrt-oops-without-addrs.log
		['QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014', 'QEMU'],
		['QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.12.0-2.fc30 04/01/2014', 'QEMU'],
		// logs-srv-dmesg.log, abrt-kernel-panic-oom.log
		[
			'VMware, Inc. VMware Virtual Platform/440BX Desktop Reference Platform, BIOS 6.00 09/21/2015',
			'VMware'
		],
		// syslogs-arcvm-console-output.log
		['ChromiumOS crosvm, BIOS 0 ', 'crosvm'],
		// forms of the other platforms
		[
			'Microsoft Corporation Virtual Machine/Virtual Machine, BIOS Hyper-V UEFI Release v4.1 04/06/2022',
			'Microsoft Hyper-V'
		],
		['Amazon EC2 t3.large/, BIOS 1.0 10/16/2017', 'Amazon EC2'],
		['Xen HVM domU, BIOS 4.2.amazon 08/24/2006', 'Xen HVM'],
		['Red Hat KVM, BIOS 1.16.0-3.module_el8.7.0+1218+f626c2ff 04/01/2014', 'KVM'],
		[
			'Parallels Software International Inc. Parallels Virtual Platform/Parallels Virtual Platform, BIOS 17.1.1 (51537) 11/09/2021',
			'Parallels'
		],
		['linux,dummy-virt (DT)', 'QEMU']
	])('%s -> %s', (dmi, name) => {
		expect(hypervisorFromDmi(dmi)).toBe(name);
	});

	it.each([
		// physical machines of the corpus, Google's Chromebook among them (syslogs-syslog.log)
		'Google Craask/Craask, BIOS Google_Craask.15217.1007.0 08/19/2025',
		'Microsoft Corporation Surface Pro 7/Surface Pro 7, BIOS 7.157.140 08/25/2019',
		'LENOVO 20KGS2AQ1A/20KGS2AQ1A, BIOS N23ET83W (1.58 ) 09/28/2022',
		'Generic DT based system'
	])('%s is no virtual machine', (dmi) => {
		expect(hypervisorFromDmi(dmi)).toBeNull();
	});
});

describe('hypervisor from the kernel', () => {
	it('reads `Hypervisor detected:` and `Booting paravirtualized kernel on`', () => {
		expect(hypervisorFromLine('Hypervisor detected: KVM')).toBe('KVM');
		expect(hypervisorFromLine('Hypervisor detected: VMware')).toBe('VMware');
		expect(hypervisorFromLine('Hypervisor detected: Microsoft Hyper-V')).toBe('Microsoft Hyper-V');
		expect(hypervisorFromLine('Booting paravirtualized kernel on KVM')).toBe('KVM');
		expect(hypervisorFromLine('Booting paravirtualized kernel on bare hardware')).toBeNull();
	});
});

describe('metadata.hypervisor', () => {
	it('is the DMI product when the kernel says KVM too (cmpe283-assignment1-dmesg-log.log)', () => {
		const m = meta([
			'[    0.000000] DMI: Google Google Compute Engine/Google Compute Engine, BIOS Google 10/11/2022',
			'[    0.000000] Hypervisor detected: KVM',
			'[    0.015467] Booting paravirtualized kernel on KVM'
		]);
		expect(m.hypervisor).toBe('Google Compute Engine');
		expect(m.hardware).toBe('Google Google Compute Engine/Google Compute Engine');
	});

	it('is the kernel’s word without a DMI product, in either order', () => {
		expect(
			meta([
				'[    0.000000] Booting paravirtualized kernel on KVM',
				'[    0.000000] Hypervisor detected: VMware'
			]).hypervisor
		).toBe('VMware');
		expect(meta(['[    0.015467] Booting paravirtualized kernel on KVM']).hypervisor).toBe('KVM');
	});

	it('is KVM from its paravirtual clock when nothing else names it (lkp-41.log)', () => {
		// the kernel test robot's QEMU guest, its log cut after the boot's first lines
		expect(
			meta([
				'[    3.856449] hpet0: 3 comparators, 64-bit 100.000000 MHz counter',
				'[    3.865548] clocksource: Switched to clocksource kvm-clock',
				'[    3.976004] VFS: Disk quotas dquot_6.6.0'
			]).hypervisor
		).toBe('KVM');
		// cmpe283-assignment1-dmesg-log.log's clock lines, before its DMI line is read
		expect(meta(['[    0.000000] kvm-clock: Using msrs 4b564d01 and 4b564d00']).hypervisor).toBe(
			'KVM'
		);
		// kernels before 4.2 print the switch without its prefix
		expect(meta(['[    0.512016] Switched to clocksource kvm-clock']).hypervisor).toBe('KVM');
	});

	it('is the DMI product or the kernel’s word before the clock’s (cmpe283-assignment1-dmesg-log.log)', () => {
		const m = meta([
			'[    0.000000] kvm-clock: Using msrs 4b564d01 and 4b564d00',
			'[    0.000000] DMI: Google Google Compute Engine/Google Compute Engine, BIOS Google 10/11/2022'
		]);
		expect(m.hypervisor).toBe('Google Compute Engine');
		expect(
			meta([
				'[    0.000000] kvm-clock: Using msrs 4b564d01 and 4b564d00',
				'[    0.000000] Hypervisor detected: Microsoft Hyper-V'
			]).hypervisor
		).toBe('Microsoft Hyper-V');
	});

	it('is null for other clocks and for virtio devices (logcat-reports-dmesg-txt.log)', () => {
		expect(
			meta([
				'[    0.530000] clocksource: Switched to clocksource tsc-early',
				'[   21.579162] [pid:93,cpu5,kworker/5:1]virtio_rpmsg_bus virtio0: rpmsg host is online',
				'[   21.579193] [pid:93,cpu5,kworker/5:1] remoteproc0: registered virtio0 (type 7)'
			]).hypervisor
		).toBeNull();
	});

	it('is the oops header’s `Hardware name:` (abrt-nmi-oops-hash.log)', () => {
		const m = meta([
			'WARNING: at kernel/watchdog.c:245 watchdog_overflow_callback+0x9c/0xd0()',
			'Hardware name: Bochs',
			'Watchdog detected hard LOCKUP on cpu 0'
		]);
		expect(m.hypervisor).toBe('Bochs');
	});

	it('is null for a physical machine and for a host running guests', () => {
		expect(
			meta([
				'[    0.000000] DMI: LENOVO 20KGS2AQ1A/20KGS2AQ1A, BIOS N23ET83W (1.58 ) 09/28/2022',
				'[    0.000000] Booting paravirtualized kernel on bare hardware',
				'[  100.000000] kvm: disabled by bios'
			]).hypervisor
		).toBeNull();
	});
});
