/**
 * A finding's advice for a virtual machine follows the hypervisor of its own boots, not the log's
 * first: in a log joined from several machines the first boot's hypervisor had been every
 * finding's, and a boot that names none in one virtual machine's log is that machine's.
 */
import { describe, expect, it } from 'vitest';
import { findingMachine } from '../../src/lib/providers/heuristic.ts';
import { analyzeLines } from '../support/analyze.ts';

/** cmpe283-assignment1-dmesg-log.log lines 38-39 and 206 (a Google Compute Engine guest) */
const GCE = [
	'[    0.000000] DMI: Google Google Compute Engine/Google Compute Engine, BIOS Google 10/11/2022',
	'[    0.000000] Hypervisor detected: KVM',
	'[    0.438493] MMIO Stale Data: Vulnerable: Clear CPU buffers attempted, no microcode'
];

/** dioxis33-errors-dmesg-txt.log lines 17-18 and 133 (a VirtualBox guest) */
const VBOX = [
	'[    0.000000] DMI: innotek GmbH VirtualBox/VirtualBox, BIOS VirtualBox 12/01/2006',
	'[    0.000000] Hypervisor detected: KVM',
	'[    0.066005] Speculative Return Stack Overflow: Vulnerable: Safe RET, no microcode'
];

/** logging-syslog.log line 658, the banner of the VirtualBox guest's boot, without its syslog prefix */
const BANNER =
	'[    0.000000] Linux version 4.15.0-43-generic (buildd@lgw01-amd64-001) (gcc version 7.3.0 (Ubuntu 7.3.0-16ubuntu3)) #46-Ubuntu SMP Thu Dec 6 14:45:28 UTC 2018 (Ubuntu 4.15.0-43.46-generic 4.15.18)';

/** logging-kern-log-1.log line 717 (the VirtualBox guest's e1000), without its syslog prefix */
const LINK_DOWN = '[ 2581.353265] e1000: enp0s3 NIC Link is Down';

const vmStep = (r: Awaited<ReturnType<typeof analyzeLines>>, rule: string) =>
	r.findings
		.filter((f) => f.rule === rule)
		.map((f) => [
			f.boots,
			f.explanation.next_steps.find((s) => s.startsWith('This machine is a virtual machine')) ??
				null
		]);

describe('the virtual machine a finding’s advice names', () => {
	it('is its own boot’s in a log joined from two guests', async () => {
		const r = await analyzeLines([BANNER, ...GCE, BANNER, ...VBOX]);
		expect(r.metadata.hypervisor).toBe('Google Compute Engine');
		expect(r.metadata.boots.map((b) => b.hypervisor)).toEqual([
			'Google Compute Engine',
			'VirtualBox'
		]);
		const steps = vmStep(r, 'firmware.microcode-missing');
		expect(steps.map(([boots]) => boots)).toEqual([[0], [1]]);
		expect(steps[0][1]).toMatch(/^This machine is a virtual machine \(Google Compute Engine\)/);
		// it had named the log's first, Google Compute Engine
		expect(steps[1][1]).toMatch(/^This machine is a virtual machine \(VirtualBox\)/);
	});

	it('is the log’s for a boot that names none in one guest’s log (logging-syslog.log)', async () => {
		// the end of the guest's boot before, without its DMI line, then a boot that names it
		const r = await analyzeLines([LINK_DOWN, BANNER, ...VBOX]);
		expect(r.metadata.boots.map((b) => b.hypervisor)).toEqual([null, 'VirtualBox']);
		expect(vmStep(r, 'network.link-down')).toEqual([
			[[0], expect.stringMatching(/^This machine is a virtual machine \(VirtualBox\)/)]
		]);
	});

	it('is none for a boot that names none in a log of two guests', async () => {
		const r = await analyzeLines([BANNER, ...GCE, LINK_DOWN, BANNER, ...VBOX]);
		// the link-down line is in the first boot, Google's; after it, a boot of no name
		const r2 = await analyzeLines([BANNER, ...GCE, BANNER, ...VBOX, BANNER, LINK_DOWN]);
		expect(vmStep(r, 'network.link-down')).toEqual([[[0], expect.stringContaining('(Google')]]);
		expect(r2.metadata.boots.map((b) => b.hypervisor)).toEqual([
			'Google Compute Engine',
			'VirtualBox',
			null
		]);
		expect(vmStep(r2, 'network.link-down')).toEqual([[[2], null]]);
	});
});

describe('findingMachine', () => {
	const boot = (index: number, hypervisor: string | null, physical = false) => ({
		index,
		id: null,
		first_line: 1,
		last_line: 1,
		reason: 'start',
		kernel_version: null,
		kernel_build: null,
		started_at: null,
		hypervisor,
		physical
	});
	const meta = (...hs: (string | null)[]) => ({
		hypervisor: hs.find((h) => h !== null) ?? null,
		hardware: 'QEMU Standard PC (i440FX + PIIX, 1996)',
		boots: hs.map((h, i) => boot(i, h))
	});
	it('reads the finding’s boots, then the log’s when it names one hypervisor at most', () => {
		const log = { hypervisor: 'QEMU', hardware: 'QEMU Standard PC (i440FX + PIIX, 1996)' };
		expect(findingMachine({ boots: [1] }, meta('QEMU', 'VirtualBox'))).toEqual({
			hypervisor: 'VirtualBox',
			hardware: null
		});
		expect(findingMachine({ boots: [0] }, meta('QEMU', 'VirtualBox'))).toEqual(log);
		expect(findingMachine({ boots: [0] }, meta(null, 'QEMU'))).toEqual(log);
		expect(findingMachine({ boots: [2] }, meta('QEMU', 'VirtualBox', null))).toEqual({
			hypervisor: null,
			hardware: null
		});
		// a finding of both guests' boots: neither's
		expect(findingMachine({ boots: [0, 1] }, meta('QEMU', 'VirtualBox'))).toEqual({
			hypervisor: null,
			hardware: null
		});
	});

	it('gives a boot whose own lines show a physical machine no guest’s advice', () => {
		const physical = (...hs: (string | null)[]) => ({
			...meta(...hs),
			boots: hs.map((h, i) => boot(i, h, h === null))
		});
		// the guest's QEMU is the log's only hypervisor: it had been the physical boot's too
		expect(findingMachine({ boots: [1] }, physical('QEMU', null))).toEqual({
			hypervisor: null,
			hardware: null
		});
		// a physical machine's DMI, the log's first, is its hardware
		expect(
			findingMachine(
				{ boots: [0] },
				{ ...physical(null, 'QEMU'), hardware: 'Dell Inc. Inspiron 1545/0G848F' }
			)
		).toEqual({ hypervisor: null, hardware: 'Dell Inc. Inspiron 1545/0G848F' });
		// a finding of both: neither's
		expect(findingMachine({ boots: [0, 1] }, physical('QEMU', null))).toEqual({
			hypervisor: null,
			hardware: null
		});
		// an older report (no Boot.physical): as before
		const old = meta('QEMU', null);
		for (const b of old.boots) delete (b as { physical?: boolean }).physical;
		expect(findingMachine({ boots: [1] }, old)).toEqual({
			hypervisor: 'QEMU',
			hardware: 'QEMU Standard PC (i440FX + PIIX, 1996)'
		});
	});
});

/** crash-logs-log12-04-txt.log lines 1, 42 and 2705: a ThinkPad's journal (a physical machine) */
const X1C = [
	'Dec 04 16:56:12 peter-x1c kernel: Linux version 6.0.11-arch1-1 (linux@archlinux) (gcc (GCC) 12.2.0, GNU ld (GNU Binutils) 2.39.0) #1 SMP PREEMPT_DYNAMIC Fri, 02 Dec 2022 17:25:31 +0000',
	'Dec 04 16:56:12 peter-x1c kernel: DMI: LENOVO 20KGS2AQ1A/20KGS2AQ1A, BIOS N23ET81W (1.56 ) 05/25/2022',
	'Dec 04 23:13:13 peter-x1c kernel: e1000e 0000:00:1f.6 enp0s31f6: NIC Link is Down'
];
/** askubuntu-dmesg-journalctl-lastdayorso.log lines 83-84: an early microcode update, then the banner */
const HP_START = [
	'Feb 09 12:28:50 hpPav kernel: microcode: microcode updated early to revision 0xea, date = 2021-01-05',
	'Feb 09 12:28:50 hpPav kernel: Linux version 5.13.0-28-generic (buildd@lgw01-amd64-035) (gcc (Ubuntu 9.3.0-17ubuntu1~20.04) 9.3.0, GNU ld (GNU Binutils for Ubuntu) 2.34) #31~20.04.1-Ubuntu SMP Wed Jan 19 14:08:10 UTC 2022 (Ubuntu 5.13.0-28.31~20.04.1-generic 5.13.19)'
];
/** the ThinkPad's e1000e line as the HP desktop's journal would print it */
const HP_LINK_DOWN = X1C[2].replace('Dec 04 23:13:13 peter-x1c', 'Feb 09 12:30:01 hpPav');

describe('a log joined from a guest and a physical machine', () => {
	it('the physical machine’s boot, which names no hypervisor, gets no guest’s advice', async () => {
		const r = await analyzeLines([BANNER, ...VBOX, LINK_DOWN, ...X1C]);
		expect(r.metadata.hypervisor).toBe('VirtualBox');
		expect(r.metadata.boots.map((b) => [b.hypervisor, b.physical])).toEqual([
			['VirtualBox', false],
			[null, true]
		]);
		const steps = vmStep(r, 'network.link-down');
		// the guest's own link-down keeps its advice; the ThinkPad's had been told it was VirtualBox
		expect(steps).toContainEqual([[0], expect.stringMatching(/virtual machine \(VirtualBox\)/)]);
		expect(steps).toContainEqual([[1], null]);
	});

	it('an early microcode update marks a physical machine too, in either order', async () => {
		const r = await analyzeLines([...HP_START, HP_LINK_DOWN, BANNER, ...VBOX, LINK_DOWN]);
		expect(r.metadata.boots.map((b) => [b.hypervisor, b.physical])).toEqual([
			[null, true],
			['VirtualBox', false]
		]);
		const steps = vmStep(r, 'network.link-down');
		expect(steps).toContainEqual([[0], null]);
		expect(steps).toContainEqual([[1], expect.stringMatching(/virtual machine \(VirtualBox\)/)]);
	});
});
