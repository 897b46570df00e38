/**
 * vmwgfx on a hypervisor that is not VMware is one configuration: one finding counted once per
 * boot, however many `Failed to open channel` lines user space's attempts print; and a light
 * sensor's failed chip set-up is that driver's failed probe.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, findingsOf } from '../support/analyze.ts';

// dioxis33-errors-dmesg-txt.log lines 554-556 and 593-633 (VirtualBox 7.0, Arch 6.6): 3 + 40 lines
const VBOX = [
	'[    5.029909] vmwgfx 0000:00:02.0: [drm] *ERROR* vmwgfx seems to be running on an unsupported hypervisor.',
	'[    5.029910] vmwgfx 0000:00:02.0: [drm] *ERROR* This configuration is likely broken.',
	'[    5.029911] vmwgfx 0000:00:02.0: [drm] *ERROR* Please switch to a supported graphics device to avoid problems.',
	'[    5.943047] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[    5.943071] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[    6.577808] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[    6.577842] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[    6.638789] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[    6.638815] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   15.114193] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   15.114217] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   36.913852] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   36.913963] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   37.206123] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   37.206151] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   37.237198] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   37.237230] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   37.267235] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   37.267269] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   37.653643] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   37.653679] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   37.667813] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   37.667854] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   37.726062] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   37.726124] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   37.964152] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   37.964194] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   38.218529] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   38.218573] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   38.224363] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   38.224454] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   39.105150] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   39.105192] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   39.109945] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   39.109991] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   42.390561] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   42.390587] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   43.525822] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   43.525851] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   47.372026] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
	'[   47.372134] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.'
];

describe('vmwgfx outside VMware', () => {
	it('counts one per boot, with each kind of line listed (had been counted 43 times)', async () => {
		const f = await findingsOf(VBOX);
		expect(f.map((x) => [x.rule, x.severity, x.count, x.boots])).toEqual([
			['gpu.vmwgfx-foreign-hypervisor', 'low', 1, [0]]
		]);
		expect(f[0].details.messages).toEqual([
			'vmwgfx seems to be running on an unsupported hypervisor',
			'This configuration is likely broken',
			'Please switch to a supported graphics device',
			'Failed to open channel'
		]);
		// every line is still the finding's evidence
		expect(f[0].evidence).toHaveLength(VBOX.length);
	});

	it('counts each boot that shows it', async () => {
		const r = await analyzeLines([
			...VBOX.slice(0, 5),
			'[    0.000000] Linux version 6.6.10-arch1-1 (linux@archlinux) (gcc (GCC) 13.2.1 20230801, GNU ld (GNU Binutils) 2.41.0) #1 SMP PREEMPT_DYNAMIC Fri, 05 Jan 2024 16:20:41 +0000',
			...VBOX.slice(0, 5)
		]);
		const f = r.findings.filter((x) => x.rule === 'gpu.vmwgfx-foreign-hypervisor');
		expect(f.map((x) => [x.count, x.boots])).toEqual([[2, [0, 1]]]);
	});
});

describe('a sensor driver’s failed chip set-up', () => {
	// tf201log-dmesg-txt.log lines 550-554 (ASUS TF201, vendor 2.6.36): NVIDIA's isl29028 light and
	// proximity sensor driver finds no chip at 2-0044; its probe then fails without a driver-core line
	const ISL = [
		'<4>[    8.608006] tegra-i2c tegra-i2c.2: I2c error status 0x00000008\r',
		'<4>[    8.608148] tegra-i2c tegra-i2c.2: no acknowledge from address 0x44\r',
		'<4>[    8.608227] tegra-i2c tegra-i2c.2: Packet status 0x00010009\r',
		'<3>[    8.609423] isl29028 2-0044: Write to device reg 14 fails status ffffff87\r',
		'<3>[    8.609502] isl29028 2-0044: isl29028_chip_init(): fails\r'
	];

	it('is the driver’s failed probe, low (had been no finding)', async () => {
		const f = await findingsOf(ISL);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'hardware.driver-probe-failed',
				'Driver isl29028 could not start its device: chip not initialised',
				'low'
			]
		]);
		expect(f[0].details).toMatchObject({ driver: 'isl29028', device: '2-0044' });
		expect(f[0].evidence.map((e) => e.line)).toEqual([5]);
	});
});
