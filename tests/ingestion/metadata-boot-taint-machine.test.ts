/**
 * What the report says of the kernel, its taint and its boots, from lines of real logs (each
 * naming the corpus file, shared/corpus/real, it comes from) that earlier builds misread.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from './helpers.ts';

const summary = (lines: string[]) => ingestText(lines.join('\n') + '\n').summary;

describe("a boot's kernel without its banner", () => {
	/** crash-dmesg-vmcore-dmesg-txt.log lines 1-2 and 44: a vmcore-dmesg whose banner was overwritten */
	const VMCORE = [
		'cpu0 unhandled rdmsr: 0x3f6',
		'<6>device vnet162 entered promiscuous mode',
		'<4>Pid: 21321, comm: libvirtd Not tainted 2.6.32-642.el6.x86_64 #1 Dell Inc. PowerEdge R730xd/0WCJNT'
	];

	it('is the kernel an oops line of the boot names', () => {
		const m = summary(VMCORE).metadata;
		expect(m.kernel_version).toBe('2.6.32-642.el6.x86_64');
		expect(m.boots.map((b) => b.kernel_version)).toEqual(['2.6.32-642.el6.x86_64']);
		expect(m.latest_kernel_version).toBe('2.6.32-642.el6.x86_64');
	});

	it("is each boot's own, and a banner's comes first", () => {
		const m = summary([
			'[    0.000000] Linux version 4.18.0-193.13.2.el8_2.x86_64 (mockbuild@x86-vm-08.build.eng.bos.redhat.com) (gcc version 8.3.1 20191121 (Red Hat 8.3.1-5) (GCC)) #1 SMP Mon Jul 13 23:17:28 UTC 2020',
			// apimnewyear-vmcore-dmesg-txt.log's oops line, of the kernel of the banner
			'[    2.000000] random: crng init done',
			'[6060232.193524] CPU: 0 PID: 0 Comm: swapper/0 Kdump: loaded Not tainted 4.18.0-193.13.2.el8_2.x86_64 #1',
			// a reboot into another kernel whose banner is not in the log
			'[    1.000000] random: crng init done',
			'[   31.000000] CPU: 3 PID: 1 Comm: systemd Not tainted 4.18.0-240.el8.x86_64 #1'
		]).metadata;
		expect(m.boots.map((b) => b.kernel_version)).toEqual([
			'4.18.0-193.13.2.el8_2.x86_64',
			'4.18.0-240.el8.x86_64'
		]);
		expect(m.kernel_version).toBe('4.18.0-193.13.2.el8_2.x86_64');
		expect(m.latest_kernel_version).toBe('4.18.0-240.el8.x86_64');
	});
});

describe('whether the kernel was tainted (metadata.tainted)', () => {
	/** crash-dmesg-vmcore-dmesg-txt.log line 44, then line 1211 (a soft lockup tainted it: L) */
	const NOT_TAINTED =
		'<4>Pid: 21321, comm: libvirtd Not tainted 2.6.32-642.el6.x86_64 #1 Dell Inc. PowerEdge R730xd/0WCJNT';
	const TAINTED =
		'<4>Pid: 118823, comm: worker Tainted: G           --L------------    2.6.32-642.el6.x86_64 #1';

	it('is false when an oops line says `Not tainted` and none prints a taint', () => {
		const m = summary([NOT_TAINTED]).metadata;
		expect([m.taint, m.tainted]).toEqual([null, false]);
		// apimnewyear-vmcore-dmesg-txt.log line 9645
		expect(
			summary([
				'[6060232.193524] CPU: 0 PID: 0 Comm: swapper/0 Kdump: loaded Not tainted 4.18.0-193.13.2.el8_2.x86_64 #1'
			]).metadata.tainted
		).toBe(false);
	});

	it('is true when the log prints a taint, also after a `Not tainted` line', () => {
		const m = summary([NOT_TAINTED, TAINTED]).metadata;
		expect(m.tainted).toBe(true);
		expect(m.taint?.flags.map((f) => f.letter)).toEqual(['L']);
		expect(summary([TAINTED, NOT_TAINTED]).metadata.tainted).toBe(true);
	});

	it('is true when a module taints the kernel as it loads', () => {
		// askubuntu-dmesg-journalctl-lastdayorso.log line 1231
		const m = summary([
			'Feb 09 12:29:06 hpPav kernel: nvidia: loading out-of-tree module taints kernel.'
		]).metadata;
		expect([m.taint?.raw, m.tainted]).toEqual(['O', true]);
	});

	it('is null when the log does not say', () => {
		expect(summary(['<6>device vnet162 entered promiscuous mode']).metadata.tainted).toBeNull();
	});
});

describe('a machine name wrapped onto the next line', () => {
	/** abrt-koops-tainted-bg1.log lines 9-12: abrt's koops file, wrapped at 80 columns */
	const WRAPPED = [
		'i2c_algo_bit i2c_core video [last unloaded: mperf]',
		'Pid: 4008, comm: rm Tainted: G    B       2.6.38.6-27.fc15.i686 #1 ECS',
		'662/1066T-M2/662/1066T-M2',
		'EIP: 0060:[<c04ac80f>] EFLAGS: 00010046 CPU: 1'
	];

	it('is read whole when the next line is its last word', () => {
		expect(summary(WRAPPED).metadata.hardware).toBe('ECS 662/1066T-M2/662/1066T-M2');
	});

	it('is not extended by a next line that would have fitted, or that is no DMI word', () => {
		const short = ['Pid: 4008, comm: rm Tainted: G    B       2.6.38.6-27.fc15.i686 #1 ECS', 'M2'];
		expect(summary(short).metadata.hardware).toBe('ECS');
		const other = [WRAPPED[1], 'EIP: 0060:[<c04ac80f>] EFLAGS: 00010046 CPU: 1 and more words'];
		expect(summary(other).metadata.hardware).toBe('ECS');
		// a `Hardware name:` line that does not end with the name (its BIOS follows) takes nothing
		const bios = [
			'Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
			'0000000000000008_ffff8800104afd08_ffffffff81ef3b9d_ffff8800104afd90_ffffffff83a0b6e7'
		];
		expect(summary(bios).metadata.hardware).toBe('QEMU Standard PC (i440FX + PIIX, 1996)');
	});
});
