/**
 * Leftovers of earlier reviews: messages with the wrong finding count, title, severity or none.
 * Except the Wi-Fi excerpt (ideapad320-15ikb defconf-genkernel dmesg, lines 912-941), no log of
 * the real-log corpus has these lines: each is written from the kernel's format string (the
 * source file is named with each, as of 6.12 unless said) in a realistic dmesg context.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];

const summary = (f: F[]) => f.map((x) => [x.rule, x.title, x.severity, x.count]);

/** `n` lines of net/sunrpc/clnt.c call_timeout() for one server, one a second from `t` */
function stillTrying(n: number, t = 8120, server = 'nas.local'): string[] {
	return Array.from(
		{ length: n },
		(_, i) => `[${t + i}.114512] nfs: server ${server} not responding, still trying`
	);
}

describe('NFS: one outage is one finding however many calls timed out', () => {
	it('40 `still trying` lines, then `OK`: one medium finding ×40 (had been ×8 high and ×32 medium)', async () => {
		const f = await findingsOf([...stillTrying(40), '[8301.912004] nfs: server nas.local OK']);
		expect(summary(f)).toEqual([
			[
				'network.nfs-not-responding',
				'NFS server nas.local stopped answering for a while, then came back',
				'medium',
				40
			]
		]);
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 41]);
		expect(f[0].last_seen.last_line).toBe(41);
	});

	it('40 lines and no `OK`: one high finding ×40', async () => {
		const f = await findingsOf(stillTrying(40));
		expect(summary(f)).toEqual([
			['network.nfs-not-responding', 'NFS server nas.local not responding', 'high', 40]
		]);
	});

	it('the window runs from the latest line: an outage longer than 5000 lines still ends in `OK`', async () => {
		const lines: string[] = [];
		for (let i = 0; i < 4; i++) {
			lines.push(...stillTrying(1, 8000 + i * 100));
			for (let k = 0; k < 3000; k++) lines.push(`[${8000 + i * 100}.5] audit: type=1400 x`);
		}
		lines.push('[8500.000000] nfs: server nas.local OK');
		const f = await findingsOf(lines);
		expect(summary(f)).toEqual([
			[
				'network.nfs-not-responding',
				'NFS server nas.local stopped answering for a while, then came back',
				'medium',
				4
			]
		]);
	});

	it('two servers: each server’s OK ends its own outage only', async () => {
		const f = await findingsOf([
			...stillTrying(35, 8000, 'a.local'),
			...stillTrying(35, 8100, 'b.local'),
			'[8301.912004] nfs: server b.local OK'
		]);
		expect(summary(f)).toEqual([
			['network.nfs-not-responding', 'NFS server a.local not responding', 'high', 35],
			[
				'network.nfs-not-responding',
				'NFS server b.local stopped answering for a while, then came back',
				'medium',
				35
			]
		]);
	});

	it('a flood of more than 4097 lines of one server releases the oldest, every line counted once', async () => {
		// the `OK` after the flood's last line (12219 s): back at 9999 s it had been another boot's
		const f = await findingsOf([...stillTrying(4100), '[12999.000000] nfs: server nas.local OK']);
		expect(f.map((x) => [x.severity, x.count])).toEqual([
			// one held line and 4096 repeats wait; the 3 oldest were released as they were
			['high', 3],
			['medium', 4097]
		]);
	});
});

describe('i40e Malicious Driver Detection: one event, one occurrence', () => {
	// drivers/net/ethernet/intel/i40e/i40e_main.c i40e_handle_mdd_event() (before 5.x)
	const event = (t: number) => [
		`[${t}.004512] i40e 0000:3b:00.0: Malicious Driver Detection event 0x02 on TX queue 5 PF number 0x00 VF number 0x00`,
		`[${t}.004520] i40e 0000:3b:00.0: TX driver issue detected, PF reset issued`,
		`[${t}.512001] i40e 0000:3b:00.0 eno1: NIC Link is Down`
	];

	it('3 events with their reset lines: ×3, medium (had been ×6, a storm)', async () => {
		const f = await findingsOf([...event(100), ...event(200), ...event(300)]);
		const mdd = f.filter((x) => x.rule === 'network.nic-mdd-event');
		expect(summary(mdd)).toEqual([
			['network.nic-mdd-event', 'i40e 0000:3b:00.0: Malicious Driver Detection event', 'medium', 3]
		]);
	});

	it('5 events: the storm (high)', async () => {
		const f = await findingsOf([100, 200, 300, 400, 500].flatMap(event));
		const mdd = f.filter((x) => x.rule === 'network.nic-mdd-event');
		expect(mdd.map((x) => [x.severity, x.count])).toEqual([['high', 5]]);
	});

	it('reset lines without the event line (netif_msg_tx_err off) each count', async () => {
		const f = await findingsOf([
			'[100.004520] i40e 0000:3b:00.0: TX driver issue detected, PF reset issued',
			'[100.904520] i40e 0000:3b:00.0: TX driver issue detected, PF reset issued'
		]);
		expect(summary(f)).toEqual([
			['network.nic-mdd-event', 'i40e 0000:3b:00.0: Malicious Driver Detection event', 'medium', 2]
		]);
		expect(f[0].details.pf_reset).toBe(true);
	});
});

describe('messages that had no finding', () => {
	it('ACPI _PSS with an invalid frequency, in its three shapes: one low finding', async () => {
		// drivers/acpi/processor_perflib.c acpi_processor_get_performance_states(): 6.x, 4.x, 2.6.3x
		const f = await findingsOf([
			'[    1.234567] ACPI: [Firmware Bug]: Invalid BIOS _PSS frequency found for processor 0: 0x0 MHz',
			'[    1.234568] [Firmware Bug]: ACPI: Invalid BIOS _PSS frequency found for processor 1: 0x0 MHz',
			'[    1.234569] ACPI: Invalid BIOS _PSS frequency: 0x80000000 MHz'
		]);
		expect(summary(f)).toEqual([
			[
				'firmware.acpi-pss-invalid',
				'ACPI _PSS table lists an invalid CPU frequency: that P-state is ignored',
				'low',
				3
			]
		]);
		expect(f[0].details).toEqual({ processor: 0 });
	});

	it('a suspend aborted in its late or noirq phase: low, with the aborted-suspend advice', async () => {
		// kernel/power/suspend.c suspend_enter()
		const f = await findingsOf([
			'[ 5012.100000] PM: suspend entry (deep)',
			'[ 5013.400000] PM: late suspend of devices failed',
			'[ 6012.100000] PM: suspend entry (deep)',
			'[ 6013.400000] PM: noirq suspend of devices failed',
			'[ 6013.400100] PM: noirq suspend of devices complete after 0.812 msecs'
		]);
		expect(summary(f)).toEqual([
			[
				'power.suspend-failed',
				'Suspend aborted in its late phase: a device failed to suspend or a wake-up event came in',
				'low',
				1
			],
			[
				'power.suspend-failed',
				'Suspend aborted in its noirq phase: a device failed to suspend or a wake-up event came in',
				'low',
				1
			]
		]);
		expect(f[0].explanation.meaning).toContain('wake-up event');
	});

	it('hpet `Lost N RTC interrupts` stays without a finding', async () => {
		// arch/x86/kernel/hpet.c hpet_rtc_interrupt() (6.x and 2.6's `hpet1: lost … rtc
		// interrupts`): the HPET's emulation of the RTC's periodic interrupt missed ticks while
		// interrupts were off (SMIs, a VM's vCPU not run); only /dev/rtc's periodic readers notice
		const f = await findingsOf([
			'[ 4123.000000] hpet: Lost 5 RTC interrupts',
			'[ 4124.000000] hpet1: lost 7161 rtc interrupts'
		]);
		expect(f).toEqual([]);
	});
});

describe('`[Firmware Bug]` titles group one bug across devices and machines', () => {
	it('addresses printed without 0x and the device of a dev_*() prefix stay out of the title', async () => {
		const f = await findingsOf([
			// drivers/char/tpm/tpm_crb.c crb_fixup_cmd_size() (4.x-5.x: dev_err with FW_BUG)
			'[    1.100000] [Firmware Bug]: ACPI region does not cover the entire command/response buffer. [mem 0xfed40000-0xfed4087f flags 0x200] vs fed40080 f80',
			'[    1.100001] [Firmware Bug]: ACPI region does not cover the entire command/response buffer. [mem 0xfe000000-0xfe00087f flags 0x200] vs fe000080 e80',
			// arch/x86/kernel/apic/apic.c setup_APIC_eilvt()
			'[    1.200000] [Firmware Bug]: cpu 2, try to use APIC500 (LVT offset 0) for vector 0x400, but the register is already in use for vector 0xf9 on another cpu',
			'[    1.200001] [Firmware Bug]: cpu 3, try to use APIC510 (LVT offset 1) for vector 0x400, but the register is already in use for vector 0xf9 on another cpu',
			// drivers/pci/probe.c __pci_read_base() (pci_info with FW_BUG)
			"[    1.300000] pci 0000:00:1f.0: [Firmware Bug]: reg 0x10: invalid BAR (can't size)",
			"[    1.300001] pci 0000:02:00.1: [Firmware Bug]: reg 0x10: invalid BAR (can't size)"
		]);
		expect(summary(f)).toEqual([
			[
				'firmware.firmware-bug',
				'Firmware bug reported: ACPI region does not cover the entire command/response buffer. […] vs N N',
				'low',
				2
			],
			['firmware.firmware-bug', 'Firmware bug reported: cpu N, try to use APICN', 'low', 2],
			['firmware.firmware-bug', 'Firmware bug reported by pci: reg N: invalid BAR', 'low', 2]
		]);
		expect(f[2].details).toMatchObject({ source: 'pci 0000:00:1f.0', device: '0000:00:1f.0' });
	});
});

describe('seccomp: the architecture decoded', () => {
	it.each([
		['c000003e', 'x86_64'],
		['40000003', 'i386'],
		['c00000b7', 'aarch64'],
		['40000028', 'arm'],
		['c00000f3', 'riscv64'],
		['c0000015', 'ppc64le'],
		['80000016', 's390x'],
		['0000beef', null]
	])('arch=%s is %s', async (code, name) => {
		// kernel/auditsc.c audit_seccomp()
		const f = await findingsOf([
			`[  77.000000] audit: type=1326 audit(1600000000.123:77): auid=1000 uid=1000 gid=1000 ses=2 subj=unconfined pid=4242 comm="chrome" exe="/opt/google/chrome/chrome" sig=31 arch=${code} syscall=57 compat=0 ip=0x7f0000 code=0x0`
		]);
		expect(f[0].details).toMatchObject({ arch: code, arch_name: name, syscall: 57 });
		// the lookup names the architecture (the generic `ausyscall <arch> <number>` otherwise)
		expect(f[0].explanation.next_steps[0]).toContain(
			name === null ? 'ausyscall <arch> <number>' : `\`ausyscall ${name} 57\``
		);
	});
});

describe('Wi-Fi connection lost: a storm of losses is medium, as the other Wi-Fi storms', () => {
	// ideapad320-15ikb defconf-genkernel dmesg, lines 912-941 (the reconnection lines left out)
	const lost = [
		'[ 3299.195191] wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost',
		'[ 3300.740926] wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost',
		'[ 3305.543881] wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost',
		'[ 3306.772672] wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost',
		'[ 3308.105679] wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost'
	];

	it('5 losses in 9 s: medium (had been low)', async () => {
		const f = await findingsOf(lost);
		expect(f.map((x) => [x.rule, x.severity, x.count, x.details.storm])).toEqual([
			['network.wifi-connection-lost', 'medium', 5, true]
		]);
	});

	it('3 losses: low; 1: info', async () => {
		expect((await findingsOf(lost.slice(0, 3)))[0].severity).toBe('low');
		expect((await findingsOf(lost.slice(0, 1)))[0].severity).toBe('info');
	});
});
