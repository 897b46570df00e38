/**
 * Advice that its reader could not follow: a Grml kernel sent to Debian's reportbug, an Android
 * phone's memory shortage told to run `ps aux --sort` (Android's `ps` has neither), and an igc
 * (Intel I225/I226) transmit hang given e1000e's document. Real lines: jetway-port-dmesg-log.log
 * (the Grml banner), androiddmesg-dmesg-txt.log lines 59 and 63, i225nic-pstore-panic-log-txt.log
 * line 3.
 */
import { describe, expect, it } from 'vitest';
import { kernelVendor } from '../../src/lib/providers/vendor-kernel.ts';
import { crashesOf, findingsOf } from '../support/analyze.ts';

/** jetway-port-dmesg-log.log line 1 (its banner) */
const GRML_RELEASE = '3.10-1-grml-amd64';
const GRML_BUILD =
	'(team@grml.org) (gcc version 4.7.3 (Debian 4.7.3-6) ) #1 SMP Debian 3.10.10-1+grml.1 (2013-08-30)';

describe('a Grml kernel is Grml’s, not Debian’s', () => {
	it('the release and the banner name Grml', () => {
		expect(kernelVendor(GRML_RELEASE)?.name).toMatch(/^Grml/);
		expect(kernelVendor(GRML_RELEASE, GRML_BUILD)?.name).toMatch(/^Grml/);
		// the banner alone names it too (a release of Debian's form)
		expect(kernelVendor('3.10-1-amd64', GRML_BUILD)?.name).toMatch(/^Grml/);
		expect(kernelVendor(GRML_RELEASE)?.report).not.toContain('reportbug');
		// Debian's own kernels stay Debian's
		expect(kernelVendor('3.10-1-amd64')?.name).toMatch(/^Debian/);
		expect(kernelVendor('6.1.0-18-amd64')?.name).toMatch(/^Debian/);
	});

	it('a crash of a Grml kernel is reported to Grml', async () => {
		const [c] = await crashesOf([
			`[    0.000000] Linux version ${GRML_RELEASE} ${GRML_BUILD}`,
			'[   12.000001] ------------[ cut here ]------------',
			'[   12.000002] WARNING: CPU: 0 PID: 48 at drivers/mmc/core/block.c:2580 mmc_add_disk+0x2c/0x100()',
			'[   12.000003] Modules linked in:',
			`[   12.000004] CPU: 0 PID: 48 Comm: kworker/0:2 Not tainted ${GRML_RELEASE} #1`,
			'[   12.000005] Call Trace:',
			'[   12.000006]  [<ffffffff81000000>] mmc_add_disk+0x2c/0x100',
			'[   12.000007]  [<ffffffff81000100>] mmc_blk_probe+0x1f0/0x2c0',
			'[   12.000008] ---[ end trace 0000000000000002 ]---'
		]);
		const steps = c.explanation.next_steps.join(' ');
		expect(steps).toContain('Grml’s issue tracker');
		expect(steps).not.toContain('reportbug');
	});
});

describe('a page allocation failure on an Android phone is looked into with adb', () => {
	// androiddmesg-dmesg-txt.log lines 59 (healthd: Android's user space) and 63 (Qualcomm, 5.4)
	const HEALTHD =
		'[Sat Jun  8 01:41:07 2024] healthd: battery l=76 v=4074 t=33.2 h=2 st=2 c=533 fc=5058000 cc=110 chg=u';
	const BINDER =
		'[Sat Jun  8 01:41:08 2024] binder:31804_2: page allocation failure: order:0, mode:0x3100cca(GFP_HIGHUSER_MOVABLE|0x3000000), nodemask=(null),cpuset=background,mems_allowed=0';

	const allocation = async (lines: string[]) =>
		(await findingsOf(lines)).find((f) => f.rule === 'memory.page-allocation-failure')!;

	it('the phone gets dumpsys meminfo, not ps aux --sort', async () => {
		const f = await allocation([HEALTHD, BINDER]);
		expect(f.severity).toBe('medium');
		const steps = f.explanation.next_steps.join(' ');
		expect(steps).not.toMatch(/ps aux|--sort|free -h/);
		expect(steps).toContain('adb shell dumpsys meminfo');
		expect(f.explanation.meaning).toContain('real memory pressure');
	});

	it('an allocation allowed to fail on a phone gets adb too', async () => {
		const f = await allocation([
			HEALTHD,
			'[Sat Jun  8 01:41:08 2024] rb_consumer: page allocation failure: order:0, mode:0x24010c0(GFP_KERNEL|__GFP_NORETRY)'
		]);
		expect(f.explanation.meaning).toMatch(/allowed to fail/);
		expect(f.explanation.next_steps.join(' ')).not.toContain('ps aux');
		expect(f.explanation.next_steps.join(' ')).toContain('adb shell dumpsys meminfo');
	});

	it('an atomic allocation on a phone is not told to set a sysctl it cannot', async () => {
		const f = await allocation([
			HEALTHD,
			'[Sat Jun  8 01:41:08 2024] kworker/u4:4: page allocation failure: order:0, mode:0x40a20(GFP_ATOMIC|__GFP_COMP), nodemask=(null),cpuset=/,mems_allowed=0-1'
		]);
		expect(f.explanation.next_steps.join(' ')).not.toContain('sysctl vm.min_free_kbytes=');
	});

	it('a PC keeps ps aux', async () => {
		const f = await allocation([BINDER]);
		expect(f.explanation.next_steps.join(' ')).toContain('ps aux --sort=-rss');
	});
});

describe('a transmit hang names its own driver’s document', () => {
	it('igc (i225nic) gets the I225/I226 workarounds, not e1000e’s page', async () => {
		// i225nic-pstore-panic-log-txt.log line 3
		const [f] = await findingsOf([
			'<3>[  885.943938] igc 0000:02:00.0 enp2s0: Detected Tx Unit Hang'
		]);
		expect(f.title).toBe('Network card enp2s0 transmit hang (igc)');
		expect(f.explanation.references.join(' ')).not.toContain('e1000e');
		expect(f.explanation.references.join(' ')).not.toContain('intel/igc');
		expect(f.explanation.next_steps.join(' ')).toContain('--set-eee');
		expect(f.explanation.meaning).toContain('I225 and I226');
	});

	it('e1000e and igb keep their own pages', async () => {
		const [e] = await findingsOf(['e1000e 0000:00:1f.6 eno1: Detected Hardware Unit Hang:']);
		expect(e.explanation.references).toEqual([
			'https://docs.kernel.org/networking/device_drivers/ethernet/intel/e1000e.html'
		]);
		const [g] = await findingsOf(['igb 0000:01:00.0: Detected Tx Unit Hang']);
		expect(g.explanation.references).toEqual([
			'https://docs.kernel.org/networking/device_drivers/ethernet/intel/igb.html'
		]);
	});
});
