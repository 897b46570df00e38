/**
 * Messages left without a finding, or with the wrong one, by earlier reviews. No log of the
 * real-log corpus has them (except the NFS `timed out` lines of apimnewyear's vmcore-dmesg.txt):
 * each line is written from the kernel's format string (the source file is named with each, as
 * of 6.12 unless said) in a realistic dmesg context.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];

const summary = (f: F[]) => f.map((x) => [x.rule, x.title, x.severity]);

describe('NFS: a server that answers again ends the outage', () => {
	it('`still trying`, then `nfs: server X OK`: medium, one finding with both lines', async () => {
		// net/sunrpc/clnt.c call_timeout() and call_decode() (RPC_CALL_MAJORSEEN)
		const f = await findingsOf([
			'[ 8120.114512] nfs: server nas.local not responding, still trying',
			'[ 8120.114630] nfs: server nas.local not responding, still trying',
			'[ 8240.301122] INFO: task rsync:4121 blocked for more than 120 seconds.',
			'[ 8301.912004] nfs: server nas.local OK',
			'[ 8301.912040] nfs: server nas.local OK'
		]);
		const nfs = f.filter((x) => x.rule === 'network.nfs-not-responding');
		expect(summary(nfs)).toEqual([
			[
				'network.nfs-not-responding',
				'NFS server nas.local stopped answering for a while, then came back',
				'medium'
			]
		]);
		expect(nfs[0].count).toBe(2);
		expect(nfs[0].evidence.map((e) => e.text)).toEqual([
			'nfs: server nas.local not responding, still trying',
			'nfs: server nas.local OK'
		]);
	});

	it('another server’s OK does not end it, and without an OK it stays high', async () => {
		const f = await findingsOf([
			'[ 8120.114512] nfs: server nas.local not responding, still trying',
			'[ 8301.912004] nfs: server backup.local OK'
		]);
		expect(summary(f)).toEqual([
			['network.nfs-not-responding', 'NFS server nas.local not responding', 'high']
		]);
	});

	it('a soft mount’s `timed out` is not held (apimnewyear vmcore-dmesg.txt lines 9058-9059)', async () => {
		// the kernel prints `OK` only after `still trying`: the failed calls stay failed
		const f = await findingsOf([
			'[6058331.613347] nfs: server 10.143.140.121 not responding, timed out',
			'[6058342.493259] nfs: server 10.143.140.121 not responding, timed out',
			'[6058350.000000] nfs: server 10.143.140.121 OK'
		]);
		expect(summary(f)).toEqual([
			['network.nfs-not-responding', 'NFS server 10.143.140.121 not responding', 'high']
		]);
		expect(f[0].count).toBe(2);
	});
});

describe('messages that had no finding', () => {
	it('NVMe APST not configured: low, the code read as an NVMe status or an errno', async () => {
		// drivers/nvme/host/core.c nvme_configure_apst()
		const f = await findingsOf([
			'[    1.912331] nvme nvme0: pci function 0000:02:00.0',
			'[    1.921004] nvme nvme0: failed to set APST feature (2)',
			'[    1.925112] nvme nvme0: 8/0/0 default/read/poll queues',
			'[ 3120.001200] nvme nvme1: failed to set APST feature (-19)'
		]);
		expect(summary(f)).toEqual([
			[
				'storage.nvme-apst-failed',
				'NVMe nvme0: power saving (APST) could not be configured',
				'low'
			],
			['storage.nvme-apst-failed', 'NVMe nvme1: power saving (APST) could not be configured', 'low']
		]);
		expect(f[0].details.error).toBe('NVMe status 0x2');
		expect(f[1].details.error).toMatch(/^ENODEV/);
	});

	it('mlx5 firmware fatal error and its health dump: one high finding', async () => {
		// drivers/net/ethernet/mellanox/mlx5/core/health.c poll_health(), print_health_info()
		const f = await findingsOf([
			'[91234.501201] mlx5_core 0000:3b:00.0: poll_health:785:(pid 0): Fatal error 1 detected',
			'[91234.501230] mlx5_core 0000:3b:00.0: print_health_info:431:(pid 0): Health issue observed, firmware internal error, severity(3) ERROR:',
			'[91234.501240] mlx5_core 0000:3b:00.0: print_health_info:435:(pid 0): assert_var[0] 0x00000001',
			'[91234.501242] mlx5_core 0000:3b:00.0: print_health_info:435:(pid 0): assert_var[1] 0x00000000',
			'[91234.501250] mlx5_core 0000:3b:00.0: print_health_info:438:(pid 0): assert_exit_ptr 0x0091c0d8',
			'[91234.501262] mlx5_core 0000:3b:00.0: print_health_info:447:(pid 0): synd 0x1: firmware internal error',
			'[91235.612003] mlx5_core 0000:3b:00.0: mlx5_fw_fatal_reporter_err_work:657:(pid 812): Driver is in error state. Unloading'
		]);
		expect(summary(f)).toEqual([
			[
				'network.mlx5-health',
				'Mellanox ConnectX (mlx5) adapter 0000:3b:00.0: firmware fatal error',
				'high'
			]
		]);
		expect(f[0].count).toBe(2);
		expect(f[0].details).toMatchObject({
			device: '0000:3b:00.0',
			syndrome: 'firmware internal error',
			syndrome_code: '0x1'
		});
	});

	it('mlx5 health counter stuck (older kernels: the dump starts at assert_var[0])', async () => {
		// 4.x health.c: dev_err "device's health compromised - reached miss count"
		const f = await findingsOf([
			"[ 5120.000100] mlx5_core 0000:5e:00.0: poll_health:690:(pid 0): device's health compromised - reached miss count",
			'[ 5120.000120] mlx5_core 0000:5e:00.0: print_health_info:373:(pid 0): assert_var[0] 0x00000000'
		]);
		expect(summary(f)).toEqual([
			[
				'network.mlx5-health',
				'Mellanox ConnectX (mlx5) adapter 0000:5e:00.0: firmware fatal error',
				'high'
			]
		]);
		expect(f[0].count).toBe(1);
	});

	it('Intel VT-d invalidation time-out: a device that did not answer, named from its SID', async () => {
		// drivers/iommu/intel/dmar.c qi_dump_fault(), qi_check_fault()
		const f = await findingsOf([
			'[ 4410.120012] DMAR: VT-d detected Invalidation Time-out Error: SID 300',
			'[ 4410.120015] DMAR: QI HEAD: Device-TLB Invalidation qw0 = 0x300000000003, qw1 = 0x7ffffffffffff001',
			'[ 4410.120017] DMAR: QI PRIOR: Invalidation Wait qw0 = 0x200000025, qw1 = 0x10007c0c8',
			'[ 4410.120020] DMAR: Invalidation Time-out Error (ITE) cleared'
		]);
		expect(summary(f)).toEqual([
			['firmware.iommu-flush-timeout', 'IOMMU invalidation timed out (Intel VT-d)', 'high']
		]);
		expect(f[0].count).toBe(1);
		expect(f[0].details).toMatchObject({
			device: '03:00.0',
			sid: '0x300',
			descriptor: 'Device-TLB Invalidation'
		});
	});

	it('brcmfmac `bus is down`: the Wi-Fi chip unreachable, with brcmfmac advice', async () => {
		// drivers/net/wireless/broadcom/brcm80211/brcmfmac/fwil.c brcmf_fil_cmd_data()
		const f = await findingsOf([
			'[ 812.334512] brcmfmac: brcmf_sdio_bus_sleep: error while changing bus sleep state -110',
			'[ 812.401122] ieee80211 phy0: brcmf_fil_cmd_data: bus is down. we have nothing to do.',
			'[ 812.401130] ieee80211 phy0: brcmf_cfg80211_get_tx_power: error (-5)',
			'[ 813.401140] ieee80211 phy0: brcmf_fil_cmd_data: bus is down. we have nothing to do.'
		]);
		const bus = f.filter((x) => x.rule === 'network.wifi-chip-stalled');
		expect(summary(bus)).toEqual([
			['network.wifi-chip-stalled', 'brcmfmac Wi-Fi chip unreachable: its bus is down', 'medium']
		]);
		expect(bus[0].count).toBe(2);
		expect(bus[0].explanation.next_steps.join('\n')).toContain('modprobe -r brcmfmac');
		expect(bus[0].explanation.meaning).not.toContain('iwlwifi');
	});

	it('i40e Malicious Driver Detection with a PF reset', async () => {
		// drivers/net/ethernet/intel/i40e/i40e_main.c i40e_handle_mdd_event() (before 5.x)
		const f = await findingsOf([
			'[20311.004512] i40e 0000:3b:00.0: Malicious Driver Detection event 0x02 on TX queue 5 PF number 0x00 VF number 0x00',
			'[20311.004520] i40e 0000:3b:00.0: TX driver issue detected, PF reset issued',
			'[20311.512001] i40e 0000:3b:00.0 eno1: NIC Link is Down'
		]);
		const mdd = f.filter((x) => x.rule === 'network.nic-mdd-event');
		expect(summary(mdd)).toEqual([
			['network.nic-mdd-event', 'i40e 0000:3b:00.0: Malicious Driver Detection event', 'medium']
		]);
		// the event and the reset it caused: one occurrence with both lines, the first one's facts
		// and the reset's (it had been counted twice: a storm after 3 events instead of 5)
		expect(mdd[0].count).toBe(1);
		expect(mdd[0].details).toMatchObject({
			direction: 'TX',
			queue: 5,
			mdd_event: '02',
			pf_reset: true
		});
		expect(mdd[0].evidence.map((e) => e.line)).toEqual([1, 2]);
	});
});

describe('AMD-Vi IOTLB_INV_TIMEOUT is a device not answering, not a blocked DMA', () => {
	it('is firmware.iommu-flush-timeout (high), not firmware.iommu-fault', async () => {
		// drivers/iommu/amd/iommu.c iommu_print_event() EVENT_TYPE_IOTLB_INV_TO
		const f = await findingsOf([
			'[ 7712.100201] iommu ivhd0: AMD-Vi: Event logged [IOTLB_INV_TIMEOUT device=0000:03:00.0 address=0x000000010a2b3c40]',
			'[ 7712.100400] AMD-Vi: Event logged [IO_PAGE_FAULT device=01:00.0 domain=0x000e address=0x0000000000000000 flags=0x0020]'
		]);
		expect(summary(f)).toEqual([
			[
				'firmware.iommu-flush-timeout',
				'IOMMU invalidation timed out: device 0000:03:00.0 did not answer (AMD-Vi)',
				'high'
			],
			['firmware.iommu-fault', 'IOMMU fault (IO_PAGE_FAULT) from device 01:00.0', 'medium']
		]);
		expect(f[0].explanation.meaning).toContain('Nothing was blocked');
		expect(f[0].details.device).toBe('0000:03:00.0');
	});
});

describe('ntfs3 dirty volumes in the forms of later kernels', () => {
	it('6.x `It is recommened to use chkdsk.` alone: mounted read-only or forced, low', async () => {
		// fs/ntfs3/super.c ntfs_fill_super(), ntfs_printk `ntfs3(%s): `
		const f = await findingsOf([
			'[  912.440101] ntfs3(sdb2): It is recommened to use chkdsk.',
			'[  912.450112] usb 2-1: new SuperSpeed USB device number 3 using xhci_hcd'
		]);
		expect(summary(f)).toEqual([
			['filesystem.fsck-needed', 'NTFS volume sdb2 is marked dirty (chkdsk recommended)', 'low']
		]);
		expect(f[0].explanation.next_steps.join('\n')).toContain('chkdsk /f');
	});

	it('followed by the refused read-write mount: one medium finding of that mount', async () => {
		const f = await findingsOf([
			'[  912.440101] ntfs3(sdb2): It is recommened to use chkdsk.',
			'[  912.440230] ntfs3(sdb2): volume is dirty and "force" flag is not set!',
			'[ 1012.100101] ntfs3(sdc1): It is recommened to use chkdsk.',
			"[ 1012.100230] ntfs3(sdc1): failed to replay log file. Can't mount rw!"
		]);
		expect(summary(f)).toEqual([
			[
				'filesystem.fsck-needed',
				'NTFS volume sdb2 is marked dirty: not mounted read-write',
				'medium'
			],
			[
				'filesystem.fsck-needed',
				'NTFS volume sdc1 is marked dirty: not mounted read-write',
				'medium'
			]
		]);
		expect(f.map((x) => x.count)).toEqual([1, 1]);
	});
});
