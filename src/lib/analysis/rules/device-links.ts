import type { DeviceLink } from './types.ts';

/** the name a SCSI host has as a link's device (`scsi host6`) */
export function scsiHost(n: string): string {
	return `scsi host${n}`;
}

/**
 * What a disk is attached to (RuleContext.attachedVia): its SCSI host, and the host's USB port
 * when its driver is usb-storage. A USB disconnect names the port only; with these, an I/O error
 * after it is told as the unplugged disk's only for a disk on that port. And what a network
 * interface is (LineRule.attachedAs): the bus device of its driver, which names the chip.
 */
export const DEVICE_LINKS: readonly DeviceLink[] = [
	{
		// drivers/scsi/sd.c sd_probe: `sd 6:0:0:0: [sdb] Attached SCSI removable disk` (or `disk`)
		trigger: '] Attached SCSI ',
		pattern: /^sd (\d+):\d+:\d+:\d+: \[(sd[a-z]+)\] Attached SCSI (?:removable )?disk/,
		link: (m) => ({ device: m[2], to: scsiHost(m[1]), end: false }),
		examples: [
			[
				'sd 6:0:0:0: [sdb] Attached SCSI removable disk',
				{ device: 'sdb', to: 'scsi host6', end: false }
			],
			['sd 0:0:0:0: [sda] Attached SCSI disk', { device: 'sda', to: 'scsi host0', end: false }]
		]
	},
	{
		// drivers/scsi/hosts.c scsi_add_host_with_dma: `scsi host6: ` and the host's info, which
		// usb-storage makes `usb-storage <interface>` (drivers/usb/storage/scsiglue.c host_info);
		// a one-word driver name (ahci, ata_piix, ufshcd) is a host on no USB port; uas names no
		// port, and longer infos (`Virtio SCSI HBA`) are left untold
		trigger: 'scsi host',
		pattern: /^scsi host(\d+): (?:usb-storage (\d+-[\d.]+):\d+\.\d+|([\w-]+))$/,
		link: (m) =>
			m[2] !== undefined
				? { device: scsiHost(m[1]), to: m[2], end: true }
				: m[3] === 'uas'
					? null
					: { device: scsiHost(m[1]), to: '', end: true },
		examples: [
			['scsi host6: usb-storage 1-2:1.0', { device: 'scsi host6', to: '1-2', end: true }],
			['scsi host9: usb-storage 3-4.3:1.4', { device: 'scsi host9', to: '3-4.3', end: true }],
			['scsi host0: ahci', { device: 'scsi host0', to: '', end: true }],
			['scsi host2: ata_piix', { device: 'scsi host2', to: '', end: true }]
		]
	},
	{
		// net/core/dev.c dev_change_name(): netdev_info() names the driver, its device and the
		// interface, `rtw_8821ce 0000:02:00.0 wlp2s0: renamed from wlan0` (udev's predictable name);
		// mac80211's lines name only the interface (`wlp2s0: authentication with … timed out`), the
		// driver's only the device (`rtw_8821ce 0000:02:00.0: firmware failed to leave lps state`)
		trigger: ': renamed from ',
		pattern: /^[\w-]+ ([\w:.-]+) ([\w.-]+): renamed from [\w.-]+/,
		link: (m) => ({ device: m[2], to: m[1], end: true }),
		examples: [
			[
				'rtw_8821ce 0000:02:00.0 wlp2s0: renamed from wlan0',
				{ device: 'wlp2s0', to: '0000:02:00.0', end: true }
			],
			[
				'iwlwifi 0000:00:14.3 wlp0s20f3: renamed from wlan0',
				{ device: 'wlp0s20f3', to: '0000:00:14.3', end: true }
			],
			[
				'r8152 2-3.4:1.0 enx2c16dbabd781: renamed from eth0',
				{ device: 'enx2c16dbabd781', to: '2-3.4:1.0', end: true }
			]
		]
	},
	{
		// the same before kernel 3.x (`scsi6 : usb-storage 1-5:1.0`)
		trigger: ' : usb-storage ',
		pattern: /^scsi(\d+) : usb-storage (\d+-[\d.]+):\d+\.\d+$/,
		link: (m) => ({ device: scsiHost(m[1]), to: m[2], end: true }),
		examples: [['scsi6 : usb-storage 1-5:1.0', { device: 'scsi host6', to: '1-5', end: true }]]
	}
];
