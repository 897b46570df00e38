/**
 * Crash reports of the real-log corpus read as a kernel developer would (title, guilty frame,
 * trace, registers, taint, links), and what was wrong in them.
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';
import { I386_BUG, I386_WARN, LKP71_PANIC as LKP71, UBTOUCH_FTRACE } from '../support/excerpts.ts';

/** satyr-arm-hung-task-oops-2.log lines 1-16 (Fedora 21, 3.17 armv7): an oops with arm's register dump */
const ARM_OOPS = [
	'Unable to handle kernel NULL pointer dereference at virtual address 00000009',
	'pgd = e8a60000',
	'[00000009] *pgd=00000000',
	'Internal error: Oops: 805 [#1] SMP ARM',
	'Modules linked in: smsc95xx usbnet mii ses enclosure snd_soc_omap_mcbsp omapdrm drm_kms_helper snd_soc_omap_abe_twl6040 snd_soc_twl6040 snd_soc_omap_mcpdm snd_soc_omap drm omap_aes snd_soc_core fb_sys_fops omap_wdt omap4_keypad omap_ocp2scp encoder_tfp410 encoder_tpd12s015 snd_compress connector_hdmi connector_dvi omap_des pwm_twl_led pwm_twl snd_pcm_dmaengine ac97_bus snd_pcm leds_gpio omapdss snd_timer snd spi_omap2_mcspi gpio_twl6040 soundcore uas usb_storage mmc_block phy_generic pbias_regulator ti_abb_regulator ehci_omap ohci_omap3 omap_hsmmc phy_twl6030_usb mmc_core omap2430 musb_hdrc udc_core phy_omap_usb2 phy_omap_control',
	'CPU: 1 PID: 431 Comm: systemd-logind Not tainted 3.17.8-300.fc21.armv7hl #1',
	'task: ed16dd80 ti: e8a58000 task.ti: e8a58000',
	'PC is at shmem_getpage_gfp+0x584/0x72c',
	'LR is at shmem_getpage_gfp+0x454/0x72c',
	'pc : [<c0333330>]    lr : [<c0333200>]    psr: 80070113',
	'sp : e8a59dd8  ip : 2d2f9000  fp : 00000000',
	'r10: e89fa198  r9 : 00000001  r8 : 000200da',
	'r7 : 00000000  r6 : 00000003  r5 : 00000000  r4 : e89fa1c0',
	'r3 : ee1a44a0  r2 : 00000009  r1 : 00000000  r0 : 00000000',
	'Flags: Nzcv  IRQs on  FIQs on  Mode SVC_32  ISA ARM  Segment user',
	'Control: 10c5387d  Table: a8a6004a  DAC: 00000015'
];

describe('a panic on a failed early boot allocation', () => {
	it('is explained from its message, without the generic panic’s `root=` advice (had been told to check root= and the initramfs)', async () => {
		const [p] = await crashesOf(LKP71);
		expect(p.rule).toBe('crash.panic');
		expect(p.explanation.meaning).toMatch(
			/^The kernel could not get memory while it set itself up/
		);
		const steps = p.explanation.next_steps.join(' ');
		expect(steps).not.toMatch(/root=|report just before the panic/);
		expect(steps).toMatch(/`mem=`, `memmap=`, `crashkernel=`, `hugepages=`/);
	});
});

/**
 * abrt-oops-module-nouveau.log lines 1-4, 6-20 and 38 (Fedora 21, 3.19; the module list left
 * out): ioremap()'s informational WARN_ONCE for nouveau's mapping across PCI BARs
 */
const IOREMAP_BARS = [
	'------------[ cut here ]------------',
	'WARNING: CPU: 0 PID: 16684 at arch/x86/mm/ioremap.c:197 __ioremap_caller+0x2aa/0x3a0()',
	'Info: mapping multiple BARs. Your kernel is fine.',
	'Modules linked in:',
	'CPU: 0 PID: 16684 Comm: firefox Not tainted 3.19.5-200.fc21.x86_64 #1',
	'Hardware name: Gigabyte Technology Co., Ltd. To be filled by O.E.M./970A-DS3P, BIOS F1 04/08/2013',
	' 0000000000000000 0000000087b0a5f7 ffff8802e1b9b768 ffffffff8176ead5',
	' 0000000000000000 ffff8802e1b9b7c0 ffff8802e1b9b7a8 ffffffff8109bc1a',
	' ffff8802e1b9b7d8 ffffc9001c180000 00000000d206d000 0000000000100000',
	'Call Trace:',
	' [<ffffffff8176ead5>] dump_stack+0x45/0x57',
	' [<ffffffff8109bc1a>] warn_slowpath_common+0x8a/0xc0',
	' [<ffffffff8109bca5>] warn_slowpath_fmt+0x55/0x70',
	' [<ffffffff810643aa>] __ioremap_caller+0x2aa/0x3a0',
	' [<ffffffff810644b7>] ioremap_nocache+0x17/0x20',
	' [<ffffffffa00e8036>] nouveau_barobj_ctor+0xd6/0x110 [nouveau]',
	' [<ffffffffa00e69d1>] nouveau_object_ctor+0x41/0xf0 [nouveau]',
	' [<ffffffffa00e80af>] nouveau_bar_alloc+0x3f/0x70 [nouveau]',
	' [<ffffffffa00e3795>] nouveau_gpuobj_create_+0x2a5/0x2f0 [nouveau]',
	'---[ end trace d72a6ef9c44bed66 ]---'
];

describe('ioremap’s `Info: mapping multiple BARs. Your kernel is fine.`', () => {
	it('is a low notice, not a medium kernel warning to report (had been `crash.warning`, medium)', async () => {
		const [w] = await crashesOf(IOREMAP_BARS);
		expect([w.rule, w.title, w.severity]).toEqual([
			'crash.ioremap-multiple-bars',
			'WARNING in __ioremap_caller',
			'low'
		]);
		expect(w.explanation.meaning).toMatch(/^Not a kernel bug, as the message says/);
		expect(w.explanation.next_steps.join(' ')).not.toMatch(/decode_stacktrace|get_maintainer/);
		expect(w.stack?.frames.map((f) => f.function)).toContain('nouveau_barobj_ctor');
	});

	it('leaves another WARN() in __ioremap_caller a kernel warning', async () => {
		const other = IOREMAP_BARS.filter((l) => !l.startsWith('Info:'));
		const [w] = await crashesOf(other);
		expect([w.rule, w.severity]).toEqual(['crash.warning', 'medium']);
	});
});

describe('the kernel release of an i386 report of 2.6.2x', () => {
	it('is read from `Not tainted (2.6.24-0.77.rc4.git4.fc9 #1)` (had been none)', async () => {
		const [b] = await crashesOf(I386_BUG);
		expect([b.title, b.details.pid, b.details.comm]).toEqual([
			'kernel BUG in modinit',
			8369,
			'insmod'
		]);
		expect(b.details.kernel_version).toBe('2.6.24-0.77.rc4.git4.fc9');
		expect(b.details.taint).toBeNull();
	});

	it('and with a taint (`Tainted: P (…)`)', async () => {
		const tainted = I386_BUG.map((l) => l.replace('Not tainted (', 'Tainted: P      ('));
		const [b] = await crashesOf(tainted);
		expect([b.details.taint, b.details.kernel_version]).toEqual(['P', '2.6.24-0.77.rc4.git4.fc9']);
	});
});

/**
 * skomra-logs-vmcore-dmesg-txt.log lines 1062-1065, 1068-1072 and 1088-1095 (Fedora 23, 4.2; the
 * module list left out): the wacom driver's LED trigger called through a NULL function pointer.
 * 4.2 prints no `#PF:` line; `Oops: 0010` is the page fault's error code, 0x10 an instruction fetch
 */
const SKOMRA_NULL_CALL = [
	'[  181.012541] BUG: unable to handle kernel NULL pointer dereference at           (null)',
	'[  181.012607] IP: [<          (null)>]           (null)',
	'[  181.012642] PGD 0 ',
	'[  181.012660] Oops: 0010 [#1] SMP ',
	'[  181.013618] CPU: 0 PID: 0 Comm: swapper/0 Tainted: G        W  OE   4.2.3-300.fc23.x86_64 #1',
	'[  181.013671] Hardware name: Acer Aspire ME600/Aspire ME600, BIOS P11-A3 10/18/2012',
	'[  181.013719] task: ffffffff81c124c0 ti: ffffffff81c00000 task.ti: ffffffff81c00000',
	'[  181.013765] RIP: 0010:[<0000000000000000>]  [<          (null)>]           (null)',
	'[  181.013814] RSP: 0018:ffff88041e203b40  EFLAGS: 00010046',
	'[  181.014457]  [<ffffffff81618eb3>] led_trigger_event+0x43/0x70',
	'[  181.014498]  [<ffffffffa08e6f47>] wacom_intuos_irq+0x407/0x1700 [wacom]',
	'[  181.014543]  [<ffffffffa08e8ef1>] wacom_wac_irq+0x61/0x2400 [wacom]',
	'[  181.014585]  [<ffffffffa08ec563>] wacom_raw_event+0x93/0xc0 [wacom]',
	'[  181.014627]  [<ffffffff8161ff73>] hid_input_report+0x143/0x170',
	'[  181.014666]  [<ffffffff8162b3e0>] hid_irq_in+0xc0/0x230',
	'[  181.014702]  [<ffffffff8155ed65>] __usb_hcd_giveback_urb+0x85/0x130',
	'[  181.014743]  [<ffffffff8155ef3f>] usb_hcd_giveback_urb+0x3f/0xe0'
];

describe('a jump to address zero on a kernel before 4.20', () => {
	it('is told from the `Oops: 0010` error code: a call through a NULL function pointer (had been a plain NULL dereference)', async () => {
		const [o] = await crashesOf(SKOMRA_NULL_CALL);
		expect([o.rule, o.title]).toEqual([
			'crash.null-deref',
			'BUG: unable to handle kernel NULL pointer dereference in led_trigger_event'
		]);
		expect(o.explanation.meaning).toMatch(
			/^The kernel jumped to address zero .*a call through a NULL function pointer/
		);
	});

	it('is not claimed for a data access (`Oops: 0000`)', async () => {
		const read = SKOMRA_NULL_CALL.map((l) => l.replace('Oops: 0010', 'Oops: 0000'));
		const [o] = await crashesOf(read);
		expect(o.explanation.meaning).toMatch(/^The kernel followed a NULL/);
	});
});

describe('a WARNING of an i386 kernel before 2.6.25', () => {
	it('ends at its ` =======================` line: the BUG of another task after it did not start inside it (had been linked to it)', async () => {
		const [w, b] = await crashesOf([...I386_WARN, ...I386_BUG]);
		expect([w.title, w.details.pid, b.title, b.details.pid]).toEqual([
			'WARNING in modinit',
			8190,
			'kernel BUG in modinit',
			8369
		]);
		expect(w.last_seen.last_line).toBe(9);
		expect(b.details.follows_line).toBeNull();
		expect([w.related, b.related]).toEqual([[], []]);
	});
});

describe('registers', () => {
	it('are not the saved registers arm’s unwinder prints under its frames (a WARN() had shown 6 such lines as its registers)', async () => {
		const [w] = await crashesOf(UBTOUCH_FTRACE);
		expect(w.title).toBe('WARNING in ftrace_bug');
		expect(w.details.registers).toEqual([]);
	});

	it('are still arm’s register dump of an oops (`r10: …  r9 : …`)', async () => {
		const [o] = await crashesOf(ARM_OOPS);
		expect(o.details.registers).toEqual([
			'pc : [<c0333330>]    lr : [<c0333200>]    psr: 80070113',
			'sp : e8a59dd8  ip : 2d2f9000  fp : 00000000',
			'r10: e89fa198  r9 : 00000001  r8 : 000200da',
			'r7 : 00000000  r6 : 00000003  r5 : 00000000  r4 : e89fa1c0',
			'r3 : ee1a44a0  r2 : 00000009  r1 : 00000000  r0 : 00000000',
			'Flags: Nzcv  IRQs on  FIQs on  Mode SVC_32  ISA ARM  Segment user',
			'Control: 10c5387d  Table: a8a6004a  DAC: 00000015'
		]);
	});
});
