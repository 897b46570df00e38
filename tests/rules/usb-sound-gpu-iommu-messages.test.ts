/**
 * GPU, USB, PCIe, power, thermal, sound, memory, CPU, firmware and VM messages that people most
 * often paste into forums and bug trackers asking what they mean, run in a dmesg context. Where no
 * corpus log has the message, the lines are written from the kernel's format strings (each block
 * says so); every test failed before its rule or pattern was added.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

const BANNER =
	'[    0.000000] Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)';

describe('USB: a port that would not enable', () => {
	// drivers/usb/core/hub.c hub_port_reset(): written from the kernel's format string
	const LINES = [
		BANNER,
		'[   10.000000] usb 2-3: new high-speed USB device number 4 using xhci_hcd',
		'[   10.400000] usb usb2-port3: Cannot enable. Maybe the USB cable is bad?',
		'[   10.800000] usb usb2-port3: Cannot enable. Maybe the USB cable is bad?',
		'[   10.800100] usb usb2-port3: attempt power cycle'
	];

	it('is a USB enumeration failure of the port, with the advice about cables and power', async () => {
		const f = (await findingsOf(LINES)).find((x) => x.rule === 'usb.enumeration-failed');
		expect(f).toMatchObject({
			title: 'USB device on port 2-3 failed to enumerate',
			severity: 'medium',
			count: 2
		});
		expect(f?.details).toMatchObject({ port: '2-3', event: 'Cannot enable' });
		expect(f?.explanation.next_steps.join(' ')).toContain('cable');
	});
});

describe('USB-C: the UCSI port manager failing through dev_err_probe()', () => {
	// drivers/usb/typec/ucsi/ucsi.c (6.x) ucsi_init_work(): dev_err_probe(…, "PPM init failed\n")
	it('is a low finding with the error decoded from its name', async () => {
		const f = (
			await findingsOf([
				BANNER,
				'[    5.000000] ucsi_acpi USBC000:00: error -ETIMEDOUT: PPM init failed'
			])
		).find((x) => x.rule === 'usb.typec-manager-failed');
		expect(f).toMatchObject({
			title: 'USB-C port manager USBC000:00 (UCSI) did not start',
			severity: 'low'
		});
		expect(f?.details.error).toBe('ETIMEDOUT (timed out: no answer)');
	});
});

describe('USB disks: UAS command aborts', () => {
	// drivers/usb/storage/uas.c uas_eh_abort_handler() / uas_log_cmd_state(): written from the
	// kernel's format strings, with the SCSI error handler's reset after it
	const LINES = [
		BANNER,
		'[  400.000000] sd 6:0:0:0: [sdb] tag#5 uas_eh_abort_handler 0 uas-tag 6 inflight: CMD IN ',
		'[  400.000100] sd 6:0:0:0: [sdb] tag#5 CDB: Read(10) 28 00 00 00 08 00 00 00 08 00',
		'[  400.000200] scsi host6: uas_eh_device_reset_handler start',
		'[  400.100000] usb 2-1: reset SuperSpeed USB device number 2 using xhci_hcd',
		'[  400.200000] scsi host6: uas_eh_device_reset_handler success',
		'[  460.000000] sd 6:0:0:0: [sdb] tag#7 uas_eh_abort_handler 0 uas-tag 8 inflight: CMD OUT'
	];

	it('is a medium finding of the disk, advising the usb-storage quirk', async () => {
		const all = await findingsOf(LINES);
		const f = all.find((x) => x.rule === 'usb.uas-command-aborted');
		expect(f).toMatchObject({
			title: 'USB disk sdb stopped answering: command aborted (UAS)',
			severity: 'medium',
			count: 2
		});
		expect(f?.details).toMatchObject({
			device: 'sdb',
			scsi_address: '6:0:0:0',
			inflight: 'CMD IN'
		});
		expect(f?.explanation.next_steps.join(' ')).toContain('usb-storage.quirks=');
		// the reset the abort leads to stays its own (info) finding
		expect(all.find((x) => x.rule === 'usb.device-reset')?.severity).toBe('info');
	});

	it('does not take the reset handler or the later cleanup lines', async () => {
		const f = await findingsOf([
			BANNER,
			'[  400.000200] scsi host6: uas_eh_device_reset_handler start',
			'[  400.000300] sd 6:0:0:0: [sdb] tag#5 uas_zap_pending 0 uas-tag 6 inflight: CMD '
		]);
		expect(f.filter((x) => x.rule === 'usb.uas-command-aborted')).toEqual([]);
	});
});

describe('HD-Audio: a codec that does not answer', () => {
	// sound/pci/hda/hda_controller.c azx_rirb_get_response(): written from the kernel's format strings
	it('is low while the driver falls back to polling, with the codec address', async () => {
		const f = (
			await findingsOf([
				BANNER,
				'[  100.000000] snd_hda_intel 0000:00:1f.3: azx_get_response timeout, switching to polling mode: last cmd=0x20270503'
			])
		).find((x) => x.rule === 'hardware.hda-codec-timeout');
		expect(f).toMatchObject({
			title:
				'HD-Audio codec answered too late on 0000:00:1f.3: the driver switched to a fallback mode',
			severity: 'low'
		});
		expect(f?.details).toMatchObject({
			device: '0000:00:1f.3',
			fallback: 'polling mode',
			codec_address: 2,
			last_cmd: '0x20270503'
		});
		expect(f?.explanation.next_steps.join(' ')).toContain('snd_hda_intel.power_save=0');
	});

	it('is medium once the bus is reset: the codec no longer answers', async () => {
		const f = (
			await findingsOf([
				BANNER,
				'[  100.000000] snd_hda_intel 0000:00:1f.3: No response from codec, disabling MSI: last cmd=0x000f0000',
				'[  100.000100] snd_hda_intel 0000:00:1f.3: No response from codec, resetting bus: last cmd=0x000f0000'
			])
		).filter((x) => x.rule === 'hardware.hda-codec-timeout');
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			[
				'HD-Audio codec answered too late on 0000:00:1f.3: the driver switched to a fallback mode',
				'low'
			],
			['HD-Audio codec stopped answering on 0000:00:1f.3', 'medium']
		]);
	});
});

describe('Sound Open Firmware: the DSP firmware missing or not booting', () => {
	// sound/soc/sof/loader.c, core.c: written from the kernel's format strings (the corpus has only
	// SOF boots that worked: intel-audio-dmesg-log.log `firmware boot complete`)
	it('a boot failure is one medium finding of the device', async () => {
		const f = (
			await findingsOf([
				BANNER,
				'[    8.000000] sof-audio-pci-intel-tgl 0000:00:1f.3: booting DSP firmware',
				'[    8.500000] sof-audio-pci-intel-tgl 0000:00:1f.3: error: firmware boot failure',
				'[    8.500100] sof-audio-pci-intel-tgl 0000:00:1f.3: error: failed to boot DSP firmware -5',
				'[    8.500200] sof-audio-pci-intel-tgl 0000:00:1f.3: error: sof_probe_work failed err: -5'
			])
		).filter((x) => x.rule === 'hardware.sound-firmware-failed');
		expect(f).toHaveLength(1);
		expect(f[0]).toMatchObject({
			title: 'Sound DSP firmware did not start on 0000:00:1f.3: no internal audio',
			severity: 'medium',
			count: 2
		});
		expect(f[0].explanation.next_steps.join(' ')).toContain('snd_intel_dspcfg.dsp_driver=1');
	});

	it('a missing firmware file says to install sof-firmware', async () => {
		const f = (
			await findingsOf([
				BANNER,
				'[    8.000000] sof-audio-pci-intel-tgl 0000:00:1f.3: Direct firmware load for intel/sof/sof-tgl.ri failed with error -2',
				'[    8.000100] sof-audio-pci-intel-tgl 0000:00:1f.3: error: request firmware intel/sof/sof-tgl.ri failed err: -2',
				'[    8.000200] sof-audio-pci-intel-tgl 0000:00:1f.3: error: failed to load DSP firmware -2'
			])
		).find((x) => x.rule === 'hardware.sound-firmware-failed');
		expect(f).toMatchObject({
			title: 'Sound DSP firmware missing on 0000:00:1f.3: no internal audio',
			severity: 'medium'
		});
		expect(f?.details.firmware).toBe('intel/sof/sof-tgl.ri');
		expect(f?.explanation.next_steps[0]).toContain('firmware-sof-signed');
	});

	it('a firmware that booted is no finding', async () => {
		// intel-audio-dmesg-log.log
		const f = await findingsOf([
			BANNER,
			'[    3.551330] snd_sof:snd_sof_run_firmware: sof-audio-pci-intel-cnl 0000:00:1f.3: booting DSP firmware',
			'[    3.663795] snd_sof:snd_sof_run_firmware: sof-audio-pci-intel-cnl 0000:00:1f.3: firmware boot complete'
		]);
		expect(f).toEqual([]);
	});
});

describe('NVIDIA: the GPU could not be initialised', () => {
	// kernel-open/nvidia/nv.c, osinit.c: written from the driver's format strings
	const LINES = [
		BANNER,
		'[    7.896649] NVRM: loading NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19 01:15:15 UTC 2023',
		'[   12.000000] NVRM: GPU 0000:01:00.0: GPU does not have the necessary power cables connected.',
		'[   12.000100] NVRM: GPU 0000:01:00.0: RmInitAdapter failed! (0x24:0x1c:1436)',
		'[   12.000200] NVRM: GPU 0000:01:00.0: rm_init_adapter failed, device minor number 0'
	];

	it('is one high finding of the GPU with the power-cable reason', async () => {
		const f = (await findingsOf(LINES)).filter((x) => x.rule === 'gpu.nvidia-init-failed');
		expect(f).toHaveLength(1);
		expect(f[0]).toMatchObject({
			title: 'NVIDIA GPU 0000:01:00.0 could not be initialised',
			severity: 'high',
			count: 2
		});
		expect(f[0].details).toMatchObject({
			device: '0000:01:00.0',
			rm_error: '0x24:0x1c:1436',
			power_cables_missing: true
		});
	});
});

describe('NVIDIA: the module found no GPU', () => {
	// nv.c: written from the driver's format strings
	it('says nouveau took the GPU when the driver says so', async () => {
		const f = (
			await findingsOf([
				BANNER,
				'[    7.000000] NVRM: The NVIDIA probe routine was not called for 1 device(s).',
				'[    7.000100] NVRM: This can occur when a driver such as: ',
				'[    7.000200] NVRM: nouveau, rivafb, nvidiafb or rivatv ',
				'[    7.000300] NVRM: was loaded and obtained ownership of the NVIDIA device(s).',
				'[    7.000400] NVRM: No NVIDIA devices probed.'
			])
		).find((x) => x.rule === 'gpu.nvidia-no-gpu');
		expect(f).toMatchObject({
			title: 'NVIDIA driver loaded but found no GPU it can drive',
			severity: 'medium'
		});
		expect(f?.details.reason).toBe('another driver (nouveau, nvidiafb, rivafb) took the GPU');
	});

	it('names the legacy branch a GPU needs', async () => {
		const f = (
			await findingsOf([
				BANNER,
				'[    7.000000] NVRM: The NVIDIA GeForce GTX 680 GPU installed in this system is',
				'[    7.000100] NVRM:  supported through the NVIDIA 470.xx Legacy drivers. Please',
				'[    7.000200] NVRM:  visit http://www.nvidia.com/object/unix.html for more',
				'[    7.000300] NVRM:  information.  The 550.54.14 NVIDIA driver will ignore',
				'[    7.000400] NVRM:  this GPU.  Continuing probe...',
				'[    7.000500] NVRM: No NVIDIA GPU found.'
			])
		).find((x) => x.rule === 'gpu.nvidia-no-gpu');
		expect(f?.details).toMatchObject({
			reason: 'the GPU needs the NVIDIA 470.xx legacy driver',
			legacy_branch: '470.xx'
		});
	});
});

describe('amdgpu: the SMU not answering', () => {
	// drivers/gpu/drm/amd/pm/swsmu/smu_cmn.c: written from the kernel's format string
	it('is a medium finding of the GPU', async () => {
		const f = (
			await findingsOf([
				BANNER,
				"[ 3000.000000] amdgpu 0000:03:00.0: amdgpu: SMU: I'm not done with your previous command: SMN_C2PMSG_66:0x00000006 SMN_C2PMSG_82:0x00000000!",
				'[ 3000.000100] amdgpu 0000:03:00.0: amdgpu: Failed to export SMU metrics table!'
			])
		).find((x) => x.rule === 'gpu.amdgpu-smu-timeout');
		expect(f).toMatchObject({
			title: 'AMD GPU 0000:03:00.0 power-management firmware (SMU) not answering',
			severity: 'medium'
		});
	});
});

describe('x86 split locks and RT throttling', () => {
	// arch/x86/kernel/cpu/bus_lock.c, kernel/sched/rt.c: written from the kernel's format strings
	it('a program taking split-lock traps is a low finding naming it, the boot notice an info setting', async () => {
		const f = await findingsOf([
			BANNER,
			// the boot notice: ms912x dmesg.log, intel-audio sof-dyndbg.conf-log and two syslogs files
			'[    0.000000] x86/split lock detection: #AC: crashing the kernel on kernel split_locks and warning on user-space split_locks',
			'[  100.000000] x86/split lock detection: #AC: Steam/12345 took a split_lock trap at address: 0x7f1234567890',
			'[  100.500000] x86/split lock detection: #AC: Steam/12345 took a split_lock trap at address: 0x7f1234567890'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'other.split-lock-detection',
				'Split-lock detection is on (a setting, not an event)',
				'info',
				1
			],
			['other.split-lock', 'Program Steam used split locks: slowed down by the kernel', 'low', 2]
		]);
		expect(f[1].details).toMatchObject({ process: 'Steam', pid: 12345 });
		expect(f[1].explanation.next_steps.join(' ')).toContain('kernel.split_lock_mitigate=0');
	});

	it('RT throttling is a low finding', async () => {
		const f = await findingsOf([BANNER, '[  200.000000] sched: RT throttling activated']);
		expect(f.map((x) => [x.rule, x.severity])).toEqual([['other.rt-throttling', 'low']]);
	});
});

describe('CMCI storms', () => {
	// arch/x86/kernel/cpu/mce/intel.c and (6.10+) threshold.c: written from the format strings
	it('is a medium hardware finding, the end of the storm none', async () => {
		const f = await findingsOf([
			BANNER,
			'[ 5000.000000] mce: CPU2 BANK7 CMCI storm detected',
			'[ 5030.000000] mce: CPU2 BANK7 CMCI storm subsided'
		]);
		expect(f.map((x) => [x.rule, x.severity])).toEqual([['hardware.cmci-storm', 'medium']]);
		expect(f[0].details).toMatchObject({ cpu: 2, bank: 7 });
	});
});

describe('Suspend aborted: a device or a wake-up event', () => {
	// kernel/power/suspend.c, drivers/base/power/main.c: written from the kernel's format strings
	const ABORTED = '[ 1000.200200] PM: Some devices failed to suspend, or early wake event detected';

	it('alone (a wake-up event) is low and says both readings', async () => {
		const f = await findingsOf([BANNER, '[ 1000.000000] PM: suspend entry (deep)', ABORTED]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'power.suspend-failed',
				'Suspend aborted: a device failed to suspend or a wake-up event came in',
				'low'
			]
		]);
		expect(f[0].explanation.next_steps.join(' ')).toContain('pm_wakeup_irq');
	});

	it('after a device failure, the device is the medium finding', async () => {
		const f = await findingsOf([
			BANNER,
			'[ 1000.000000] PM: suspend entry (deep)',
			'[ 1000.200000] PM: dpm_run_callback(): pci_pm_suspend+0x0/0x170 returns -16',
			'[ 1000.200100] PM: Device 0000:00:14.0 failed to suspend async: error -16',
			ABORTED
		]);
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['Device 0000:00:14.0 failed to suspend', 'medium'],
			['Suspend aborted: a device failed to suspend or a wake-up event came in', 'low']
		]);
	});
});

describe('Intel IOMMU faults of kernels before 4.x', () => {
	// 3.x drivers/iommu/dmar.c dmar_fault_do_one(): one printk over two lines, written from the
	// kernel's format string
	it('is an IOMMU fault of the device, with the reason from the second line', async () => {
		const f = (
			await findingsOf([
				BANNER,
				'[  100.000000] dmar: DRHD: handling fault status reg 2',
				'[  100.000100] DMAR:[DMA Read] Request device [02:00.0] fault addr 9fe000 ',
				'[  100.000200] DMAR:[fault reason 06] PTE Read access is not set'
			])
		).find((x) => x.rule === 'firmware.iommu-fault');
		expect(f).toMatchObject({
			title: 'IOMMU fault (DMA Read) from device 02:00.0',
			severity: 'medium'
		});
		expect(f?.details).toMatchObject({
			device: '02:00.0',
			address: '9fe000',
			reason: 'PTE Read access is not set'
		});
	});
});

describe('An AMD IOMMU that stops answering', () => {
	// drivers/iommu/amd/iommu.c wait_on_sem(), in both prefixes: written from the kernel's format
	// string (no corpus log has it)
	it('is a high finding, critical when it goes on', async () => {
		const once = (
			await findingsOf([
				BANNER,
				'[ 5000.000000] iommu ivhd0: AMD-Vi: Event logged [IOTLB_INV_TIMEOUT device=0000:03:00.0 address=0x000000010a3c1000]',
				'[ 5000.100000] iommu ivhd0: AMD-Vi: Completion-Wait loop timed out'
			])
		).find((x) => x.rule === 'firmware.iommu-timeout');
		expect(once).toMatchObject({
			title: 'AMD IOMMU stopped answering (Completion-Wait loop timed out)',
			severity: 'high',
			details: { iommu: 'ivhd0' }
		});
		const storm = (
			await findingsOf([
				BANNER,
				...Array.from(
					{ length: 25 },
					(_, i) => `[ ${5000 + i}.000000] AMD-Vi: Completion-Wait loop timed out`
				)
			])
		).find((x) => x.rule === 'firmware.iommu-timeout');
		expect(storm).toMatchObject({ severity: 'critical', count: 25, details: { iommu: null } });
	});
});

describe('A GPU the driver gave up on', () => {
	// drivers/gpu/drm/amd/amdgpu/amdgpu_device.c, amdgpu_drv.c: written from the kernel's format
	// strings
	it('is a medium finding naming the GPU, beside the driver errors before it', async () => {
		const f = await findingsOf([
			BANNER,
			'[    3.000000] [drm:amdgpu_device_ip_init [amdgpu]] *ERROR* hw_init of IP block <gfx_v10_0> failed -110',
			'[    3.000100] amdgpu 0000:03:00.0: amdgpu: amdgpu_device_ip_init failed',
			'[    3.000200] amdgpu 0000:03:00.0: amdgpu: Fatal error during GPU init',
			'[    3.000300] amdgpu: probe of 0000:03:00.0 failed with error -110'
		]);
		expect(f.find((x) => x.rule === 'gpu.init-failed')).toMatchObject({
			title: 'GPU 0000:03:00.0 could not be initialised (amdgpu)',
			severity: 'medium'
		});
		expect(f.find((x) => x.rule === 'gpu.drm-driver-error')?.severity).toBe('low');
	});

	it('takes i915’s [drm] *ERROR* spelling before the generic driver-error rule', async () => {
		const f = await findingsOf([
			BANNER,
			'[    3.000000] i915 0000:00:02.0: [drm] *ERROR* Device initialization failed (-110)'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['gpu.init-failed', 'GPU 0000:00:02.0 could not be initialised (i915)', 'medium']
		]);
		expect(f[0].details.error).toBe('ETIMEDOUT (timed out: no answer)');
	});
});

describe('PCI: a memory BAR that got no address', () => {
	// drivers/pci/setup-res.c: written from the kernel's format strings (6.7+ and before)
	it('a memory BAR 0-5 is a low finding with its size', async () => {
		const f = await findingsOf([
			BANNER,
			"[    0.300000] pci 0000:01:00.0: BAR 0 [mem size 0x10000000 64bit pref]: can't assign; no space",
			'[    0.300100] pci 0000:01:00.0: BAR 0 [mem size 0x10000000 64bit pref]: failed to assign'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'hardware.pci-bar-unassigned',
				'PCI device 0000:01:00.0: memory BAR 0 (256 MB) got no address',
				'low'
			]
		]);
		expect(f[0].explanation.next_steps.join(' ')).toContain('pci=realloc');
	});

	it('assigned on a later pass, it is info', async () => {
		const f = await findingsOf([
			BANNER,
			'[    0.300000] pci 0000:01:00.0: BAR 0: no space for [mem size 0x10000000 64bit pref]',
			'[    0.300100] pci 0000:01:00.0: BAR 0: failed to assign [mem size 0x10000000 64bit pref]',
			'[    0.310000] pci 0000:00:01.0: BAR 15: assigned [mem 0x80000000-0x9fffffff 64bit pref]',
			'[    0.310100] pci 0000:01:00.0: BAR 0: assigned [mem 0x80000000-0x8fffffff 64bit pref]'
		]);
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['PCI device 0000:01:00.0: memory BAR 0 assigned on a later pass', 'info']
		]);
	});

	it('bridge windows, the ROM, SR-IOV and I/O-port BARs are no problem', async () => {
		// real corpus lines: orion-o6 dmesg.out (an I/O BAR, 6.12), ideapad320-15ikb dmesg (a GPU's ROM),
		// n100dc-itx-sophos dmesg (SR-IOV BARs), crash-logs log12-11 (a bridge window)
		const f = await findingsOf([
			BANNER,
			"[    0.312377] pci 0000:31:00.0: BAR 0 [io  size 0x0100]: can't assign; no space",
			'[    0.312381] pci 0000:31:00.0: BAR 0 [io  size 0x0100]: failed to assign',
			'[    0.558247] pci 0000:01:00.0: BAR 6: failed to assign [mem size 0x00080000 pref]',
			'[    3.329029] pci 0000:01:00.0: BAR 7: failed to assign [mem size 0x00100000 64bit]',
			'[    3.400000] pci 0000:06:02.0: BAR 15: failed to assign [mem size 0x00200000 64bit pref]'
		]);
		// the I/O BAR is a routine notice (rules/notices.ts), the others no finding
		expect(f.map((x) => [x.rule, x.severity, x.count])).toEqual([
			['hardware.pci-io-unassigned', 'info', 1]
		]);
	});
});

describe('The USB-C controller of an NVIDIA card', () => {
	// drivers/usb/typec/ucsi/ucsi_ccg.c, drivers/i2c/busses/i2c-nvidia-gpu.c: written from the
	// kernel's format strings
	it('is a routine info finding that says what the controller is', async () => {
		const f = await findingsOf([
			BANNER,
			'[    5.000000] nvidia-gpu 0000:01:00.3: i2c timeout error e0000000',
			'[    5.000100] ucsi_ccg 0-0008: i2c_transfer failed -110',
			'[    5.000200] ucsi_ccg 0-0008: ucsi_ccg_init failed - -110'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'usb.typec-ccg-failed',
				"USB-C controller 0-0008 (ucsi_ccg, usually a graphics card's) did not start",
				'info'
			]
		]);
		expect(f[0].explanation.meaning).toContain('NVIDIA');
	});
});

describe('A USB port the hub disabled', () => {
	// drivers/usb/core/hub.c port_event(): written from the kernel's format string
	it('is a low finding of the port, with the cable and power advice', async () => {
		const f = await findingsOf([
			BANNER,
			'[  500.000000] usb usb1-port3: disabled by hub (EMI?), re-enabling...',
			'[  500.000100] usb 1-3: USB disconnect, device number 4'
		]);
		const p = f.find((x) => x.rule === 'usb.port-disabled');
		expect(p).toMatchObject({
			title: 'USB port 1-3 disabled by the hub and re-enabled',
			severity: 'low'
		});
		expect(p?.explanation.next_steps.join(' ')).toContain('cable');
	});
});
