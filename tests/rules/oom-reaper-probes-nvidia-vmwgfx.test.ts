/**
 * Messages QA found mishandled in the real-log corpus (../shared/corpus/real), with short
 * verbatim excerpts: androiddmesg-dmesg-txt.log (Android oom_reaper), abrt-oops-unsupported-hw.log
 * and abrt-oops-broken-bios.log (WARNs that are notices), odroid-c1plus-dmesg-log.log (mcp251x),
 * clamor-s-files-grate-19062020-dmesg-txt.log (g_multi), ms912x-docs-dmesg-1-txt.log (ms912x
 * probe "error 8") and ms912x-error-log-txt.log (NVRM version mismatch).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { findingsOf } from '../support/analyze.ts';

describe('oom_reaper', () => {
	/** androiddmesg-dmesg-txt.log lines 60-61, 112-113, 121 (lmkd kills on a Qualcomm 5.4 kernel) */
	const ANDROID = [
		'[Sat Jun  8 01:41:08 2024] binder: 2693:2706 ioctl c0306201 74886dba78 returned -14',
		'[Sat Jun  8 01:41:08 2024] oom_reaper: reaped process 2693 (hj.zwh), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB',
		'[Sat Jun  8 01:41:08 2024] binder: 31804:31817 ioctl c0306201 74886d0a78 returned -14',
		'[Sat Jun  8 01:41:08 2024] oom_reaper: reaped process 31804 (e.process.gapps), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB',
		'[Sat Jun  8 01:41:08 2024] oom_reaper: reaped process 14433 (ocess.gservices), now anon-rss:0kB, file-rss:0kB, shmem-rss:4kB'
	];

	it('reports processes reaped without a kernel OOM kill (Android lmkd) as one low finding', async () => {
		const f = await findingsOf(ANDROID);
		expect(f.map((x) => [x.rule, x.severity, x.count])).toEqual([
			['memory.process-reaped', 'low', 3]
		]);
		expect(f[0].details.processes).toEqual(['hj.zwh', 'e.process.gapps', 'ocess.gservices']);
		expect(f[0].explanation.meaning).toContain('lmkd');
	});

	// the kernel's own OOM kill then reaper (mm/oom_kill.c formats; the corpus has none)
	const KILL = [
		'[ 5123.100000] Out of memory: Killed process 3352 (python) total-vm:8801024kB, anon-rss:7805120kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:15580kB oom_score_adj:0',
		'[ 5123.140000] oom_reaper: reaped process 3352 (python), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB'
	];

	it('joins the reaper line to the OOM kill of the same process, as no finding of its own', async () => {
		const f = await findingsOf([KILL[0], '[ 5123.120000] e1000e: eth0 NIC Link is Up', KILL[1]]);
		expect(f.map((x) => x.rule)).toEqual(['memory.oom-kill']);
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 3]);
		expect([f[0].first_line, f[0].last_line]).toEqual([1, 3]);
		expect(f[0].details).toMatchObject({ pid: 3352, reaped: true, rss_after_reap_kb: 0 });
	});

	it('joins each reaper line to its own kill when two kills come first (memory cgroups)', async () => {
		const second = KILL[0]
			.replace('3352 (python)', '4410 (java)')
			.replace('5123.100000', '5123.110000');
		const reapSecond = KILL[1]
			.replace('3352 (python)', '4410 (java)')
			.replace('5123.140000', '5123.150000');
		const f = await findingsOf([KILL[0], second, KILL[1], reapSecond]);
		// one finding per victim, each with its own reaper line (before, java's went to python's
		// kill, which is not it, and became a memory.process-reaped finding)
		expect(f.map((x) => [x.rule, x.details.pid, x.details.reaped])).toEqual([
			['memory.oom-kill', 3352, true],
			['memory.oom-kill', 4410, true]
		]);
		expect(f.map((x) => x.evidence.map((e) => e.line))).toEqual([
			[1, 3],
			[2, 4]
		]);
	});

	it('keeps the reaping of another process apart from the OOM kill', async () => {
		const other = ANDROID[1].replace('[Sat Jun  8 01:41:08 2024]', '[ 5123.150000]');
		const f = await findingsOf([KILL[0], other]);
		expect(f.map((x) => x.rule)).toEqual(['memory.oom-kill', 'memory.process-reaped']);
		expect(f[0].details.reaped).toBeUndefined();
	});
});

describe('WARNs printed on purpose', () => {
	/** abrt-oops-unsupported-hw.log (whole, the raw stack words shortened) */
	const UNSUPPORTED = [
		'------------[ cut here ]------------',
		'WARNING: at kernel/rh_taint.c:13 mark_hardware_unsupported+0x39/0x40()',
		'Your hardware is unsupported.  Please do not report bugs, panics, oopses, etc., on this hardware.',
		'Modules linked in:',
		'CPU: 0 PID: 0 Comm: swapper Not tainted 3.10.0-41.el7.x86_64 #1',
		'Hardware name: innotek GmbH VirtualBox/VirtualBox, BIOS VirtualBox 12/01/2006',
		'Call Trace:',
		' [<ffffffff81601f85>] dump_stack+0x19/0x1b',
		' [<ffffffff81058981>] warn_slowpath_common+0x61/0x80',
		' [<ffffffff81058a34>] warn_slowpath_fmt_taint+0x44/0x50',
		' [<ffffffff810871c9>] mark_hardware_unsupported+0x39/0x40',
		' [<ffffffff81a44a52>] setup_arch+0xd19/0xd59',
		' [<ffffffff81a3dbba>] start_kernel+0xcf/0x426',
		' [<ffffffff81a3d5dc>] x86_64_start_reservations+0x2a/0x2c',
		' [<ffffffff81a3d6e6>] x86_64_start_kernel+0x108/0x117',
		'---[ end trace a7919e7f17c0a725 ]---'
	];

	it('takes the RHEL unsupported-hardware WARNING as a low support notice, not a kernel bug', async () => {
		const r = await analyzeText(UNSUPPORTED.join('\n') + '\n');
		expect(r.findings.map((f) => [f.rule, f.title, f.severity])).toEqual([
			['crash.unsupported-hardware', 'WARNING in mark_hardware_unsupported', 'low']
		]);
		const f = r.findings[0];
		expect(f.details.type).toBe('WARNING');
		expect(f.explanation.meaning).toMatch(/^Not a crash/);
		expect(f.explanation.meaning).toContain('Red Hat does not support');
		// nothing to decode: the trace is the notice itself
		expect(f.explanation.next_steps.join(' ')).not.toContain('decode_stacktrace');
		expect(r.summary.verdict).toBe('minor-issues');
	});

	/** abrt-oops-broken-bios.log (whole, a few frames left out) */
	const BROKEN_BIOS = [
		'------------[ cut here ]------------',
		'WARNING: at drivers/pci/dmar.c:633 warn_invalid_dmar+0x7d/0x8d()',
		'Hardware name: HP Pavilion dv3 Notebook PC',
		'Your BIOS is broken; DMAR reported at address 0!',
		'BIOS vendor: Hewlett-Packard; Ver: F.13; Product Version: F.13',
		'Modules linked in:',
		'Pid: 0, comm: swapper Not tainted 2.6.35.6-45.fc14.x86_64 #1',
		'Call Trace:',
		' [<ffffffff8104d7c1>] warn_slowpath_common+0x85/0x9d',
		' [<ffffffff8104d834>] warn_slowpath_fmt_taint+0x3f/0x41',
		' [<ffffffff81245693>] warn_invalid_dmar+0x7d/0x8d',
		' [<ffffffff81bcf2c9>] check_zero_address+0xb9/0xf9',
		' [<ffffffff81bcf31b>] detect_intel_iommu+0x12/0x95',
		' [<ffffffff81ba8362>] pci_iommu_alloc+0x1c/0x28',
		' [<ffffffff81bb7243>] mem_init+0x19/0xec',
		' [<ffffffff81ba1a63>] start_kernel+0x225/0x416',
		'---[ end trace a7919e7f17c0a725 ]---'
	];

	it('reports a broken DMAR table as a firmware finding, and its WARN trace as a notice', async () => {
		const f = await findingsOf(BROKEN_BIOS);
		expect(f.map((x) => [x.rule, x.severity])).toEqual([
			['crash.firmware-warning', 'info'],
			['firmware.dmar-table-broken', 'medium']
		]);
		const dmar = f[1];
		expect(dmar.title).toBe('Intel IOMMU (VT-d) disabled: the BIOS DMAR table is broken');
		expect(dmar.details).toMatchObject({
			problem: 'DMAR reported at address 0!',
			iommu_disabled: true,
			bios_vendor: 'Hewlett-Packard',
			bios_version: 'F.13'
		});
		expect(dmar.evidence.map((e) => e.line)).toEqual([4, 5]);
		expect(dmar.explanation.next_steps.join(' ')).toContain('intel_iommu=off');
		expect(f[0].explanation.meaning).toMatch(/^Not a kernel bug/);
	});

	it('tells the newer one-line form apart by what the kernel then does', async () => {
		// drivers/iommu/intel/dmar.c and iommu.c format strings (pr_fmt "DMAR: ", FW_BUG)
		const f = await findingsOf([
			'[    0.012000] DMAR: [Firmware Bug]: Your BIOS is broken; bad RMRR [0x000000007b800000-0x000000007fffffff]',
			'[    0.012001] BIOS vendor: LENOVO; Ver: N1EET62W (1.35 ); Product Version: ThinkPad P50'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'firmware.dmar-table-broken',
				'Intel IOMMU (VT-d) works around a broken BIOS DMAR table',
				'low'
			]
		]);
		expect(f[0].details.bios_version).toBe('N1EET62W (1.35 )');
	});

	it('still takes other WARNINGs as kernel warnings', async () => {
		const r = await analyzeText(
			UNSUPPORTED.map((l) => l.replaceAll('mark_hardware_unsupported', 'setup_arch_other'))
				.filter((l) => !l.startsWith('Your hardware'))
				.join('\n') + '\n'
		);
		expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['crash.warning', 'medium']]);
	});
});

describe('driver probe failures', () => {
	it('reports mcp251x CAN controllers that do not answer (real ODROID-C1+ log)', async () => {
		// odroid-c1plus-dmesg-log.log lines 653, 685, 690
		const f = await findingsOf([
			'[    6.618343] mcp251x spi0.0: probed',
			"[    7.674374] mcp251x spi0.5: MCP251x didn't enter in conf mode after reset",
			"[    8.696499] mcp251x spi0.6: MCP251x didn't enter in conf mode after reset"
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'hardware.driver-probe-failed',
				'Driver mcp251x could not start its device: no answer',
				'low',
				2
			]
		]);
		expect(f[0].details.devices).toEqual(['spi0.5', 'spi0.6']);
		expect(f[0].details.error).toBe('no answer: did not enter configuration mode after reset');
	});

	it('counts a newer mcp251x failure once, with the driver core’s error', async () => {
		// newer kernels fail the probe with -EBUSY after the driver's message
		const f = await findingsOf([
			"[    7.674374] mcp251x spi0.5: MCP251x didn't enter in conf mode after reset",
			'[    7.674401] mcp251x: probe of spi0.5 failed with error -16'
		]);
		expect(f.map((x) => [x.title, x.count])).toEqual([
			['Driver mcp251x could not start its device: no answer', 1]
		]);
		expect(f[0].details.probe_error).toBe('EBUSY (device busy)');
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 2]);
	});

	it('reports a USB gadget that does not start on its controller (real Tegra tablet log)', async () => {
		// clamor-s-files-grate-19062020-dmesg-txt.log lines 191-193
		const f = await findingsOf([
			'[    0.488842] no file given for LUN0',
			'[    0.488928] printk: console [ttyGS0] disabled',
			'[    0.489286] g_multi ci_hdrc.0: failed to start g_multi: -22'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['hardware.driver-probe-failed', 'USB gadget g_multi could not start', 'low']
		]);
		expect(f[0].details).toMatchObject({
			driver: 'g_multi',
			device: 'ci_hdrc.0',
			error: 'EINVAL (invalid argument)'
		});
	});

	it('names a positive probe "error" as the driver’s bug (real ms912x USB display adapter)', async () => {
		// ms912x-docs-dmesg-1-txt.log lines 11-14 and 43
		const f = await findingsOf([
			'[  295.423654] ms912x: resolution set successfully',
			'[  295.423660] ms912x: set_resolution failed: 8',
			'[  295.423668] ms912x: probe failed for device ms912x-2',
			'[  295.423675] ms912x: probe of 1-1:1.3 failed with error 8',
			'[  719.518936] ms912x: probe of 1-1:1.3 failed with error 8'
		]);
		expect(f.map((x) => [x.title, x.severity, x.count])).toEqual([
			['Driver ms912x could not start its device: driver bug', 'low', 2]
		]);
		expect(f[0].details).toMatchObject({
			device: '1-1:1.3',
			error: '8 (not an error code: the driver returned a positive value)'
		});
	});
});

describe('NVIDIA version mismatch', () => {
	it('keeps the whole four-line NVRM message as evidence (real log)', async () => {
		// ms912x-error-log-txt.log lines 1-4
		const f = await findingsOf([
			'[336056.160737] NVRM: API mismatch: the client has the version 535.274.02, but',
			'                NVRM: this kernel module has the version 535.230.02.  Please',
			'                NVRM: make sure that this kernel module and all NVIDIA driver',
			'                NVRM: components have the same version.',
			'[336294.094068] usb 1-3: USB disconnect, device number 4'
		]);
		const nv = f.find((x) => x.rule === 'gpu.nvidia-version-mismatch')!;
		expect(nv.evidence.map((e) => e.line)).toEqual([1, 2, 3, 4]);
		expect([nv.first_line, nv.last_line]).toEqual([1, 4]);
		expect(nv.details).toMatchObject({
			client_version: '535.274.02',
			kernel_module_version: '535.230.02'
		});
	});
});

describe('UEFI runtime service fault (arm64)', () => {
	/** orion-o6-dmesg-out.log lines 495-498, 519-535 (registers left out), 560 */
	const ORION = [
		'[    0.983881] [Firmware Bug]: Unable to handle paging request in EFI runtime service',
		'[    0.983914] ------------[ cut here ]------------',
		'[    0.983918] WARNING: CPU: 11 PID: 1 at drivers/firmware/efi/runtime-wrappers.c:341 __efi_queue_work+0xf0/0x130',
		'[    0.983930] Modules linked in:',
		'[    0.983935] CPU: 11 UID: 0 PID: 1 Comm: swapper/0 Tainted: G S        I        6.12.9+bpo-arm64 #1  Debian 6.12.9-1~bpo12+1',
		'[    0.983943] Hardware name: Radxa Computer (Shenzhen) Co., Ltd. Radxa Orion O6/Radxa Orion O6, BIOS 1.0 Jan  1 1980',
		'[    0.983949] pc : __efi_queue_work+0xf0/0x130',
		'[    0.983951] lr : __efi_queue_work+0xdc/0x130',
		'[    0.983993] Call trace:',
		'[    0.983994]  __efi_queue_work+0xf0/0x130',
		'[    0.983997]  virt_efi_get_time+0x60/0xb8',
		'[    0.983999]  efi_rtc_probe+0x54/0x190',
		'[    0.984006]  platform_probe+0x70/0xd0',
		'[    0.984011]  really_probe+0xc8/0x3a0',
		'[    0.984035]  efi_rtc_driver_init+0x2c/0x40',
		'[    0.984039]  do_one_initcall+0x60/0x278',
		'[    0.984044]  kernel_init_freeable+0x214/0x3c8',
		'[    0.984048]  kernel_init+0x28/0x1f8',
		'[    0.984052]  ret_from_fork+0x10/0x20',
		'[    0.984055] ---[ end trace 0000000000000000 ]---',
		'[    0.984735] efifb: probing for efifb',
		'[    1.048397] efi: EFI Runtime Services are disabled!',
		"[    1.048399] integrity: Couldn't get size: 0x8000000000000007"
	];

	it('takes the WARN from __efi_queue_work as a firmware notice and names why EFI was disabled', async () => {
		const f = await findingsOf(ORION);
		// the fault and the refused call after it are one finding (uefi-firmware-i915-dmc-arm64.test.ts)
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'firmware.efi-runtime-disabled',
				'EFI firmware faulted: runtime services disabled',
				'medium'
			],
			['crash.firmware-warning', 'WARNING in virt_efi_get_time', 'info']
		]);
		expect(f[0].details.reason).toBe('firmware fault');
		expect(f[1].explanation.meaning).toMatch(/^Not a kernel bug/);
	});

	it('keeps "disabled" a boot choice without a fault before it', async () => {
		const f = await findingsOf(['[    1.048397] efi: EFI Runtime Services are disabled!']);
		expect(f.map((x) => [x.title, x.severity, x.details.reason])).toEqual([
			['EFI runtime services disabled', 'low', 'disabled at boot']
		]);
	});
});

describe('USB suspend failure of a device that was being disconnected', () => {
	/** crash-logs-log20221215-txt.log lines 1017-1019 (internal Intel Bluetooth 8087:0a2b at boot) */
	const GONE = [
		'Dec 15 16:23:02 laptop-x1c kernel: xhci_hcd 0000:00:14.0: USB core suspending port 1-7 not in U0/U1/U2',
		'Dec 15 16:23:02 laptop-x1c kernel: usb 1-7: USB disconnect, device number 3',
		'Dec 15 16:23:02 laptop-x1c kernel: usb 1-7: Failed to suspend device, error -32'
	];

	it('is a consequence of the disconnect (info), not a suspend problem', async () => {
		const f = await findingsOf(GONE);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['usb.disconnect', 'USB disconnects on port 1-7', 'info'],
			['power.suspend-failed', 'USB device 1-7 failed to suspend as it was disconnected', 'info']
		]);
	});

	it('stays a suspend failure when another device was disconnected', async () => {
		const f = await findingsOf([GONE[0], GONE[1].replace('usb 1-7', 'usb 1-9'), GONE[2]]);
		expect(f.map((x) => [x.title, x.severity])).toContainEqual([
			'USB device 1-7 failed to suspend',
			'low'
		]);
	});
});

describe('Wi-Fi association refused temporarily (status 30)', () => {
	/** crash-logs-log12-04-txt.log lines 1714-1716, 1734-1738 */
	const REFUSED = [
		'Dec 04 16:56:35 laptop-x1c kernel: wlp2s0: associate with d4:35:1d:04:38:b5 (try 1/3)',
		'Dec 04 16:56:35 laptop-x1c kernel: wlp2s0: RX AssocResp from d4:35:1d:04:38:b5 (capab=0x1411 status=30 aid=7)',
		'Dec 04 16:56:35 laptop-x1c kernel: wlp2s0: d4:35:1d:04:38:b5 rejected association temporarily; comeback duration 1000 TU (1024 ms)',
		'Dec 04 16:56:36 laptop-x1c kernel: wlp2s0: associate with d4:35:1d:04:38:b5 (try 2/3)',
		'Dec 04 16:56:36 laptop-x1c kernel: wlp2s0: associate with d4:35:1d:04:38:b5 (try 3/3)',
		'Dec 04 16:56:36 laptop-x1c kernel: wlp2s0: RX AssocResp from d4:35:1d:04:38:b5 (capab=0x1411 status=30 aid=7)',
		'Dec 04 16:56:36 laptop-x1c kernel: wlp2s0: d4:35:1d:04:38:b5 rejected association temporarily; comeback duration 1000 TU (1024 ms)',
		'Dec 04 16:56:36 laptop-x1c kernel: wlp2s0: association with d4:35:1d:04:38:b5 timed out'
	];

	it('names the access point’s refusal, not a silent access point', async () => {
		const f = await findingsOf(REFUSED);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'network.wifi-connect-timeout',
				'Wi-Fi access point refused association temporarily on wlp2s0',
				'low'
			]
		]);
		expect(f[0].details).toMatchObject({ rejected_temporarily: true, comeback_tu: 1000 });
		expect(f[0].explanation.meaning).toMatch(/802\.11w/);
	});
});

describe('vmwgfx on VirtualBox', () => {
	/** dioxis33-errors-dmesg-txt.log lines 554-556, 593-594 */
	const VBOX = [
		'[    5.029909] vmwgfx 0000:00:02.0: [drm] *ERROR* vmwgfx seems to be running on an unsupported hypervisor.',
		'[    5.029910] vmwgfx 0000:00:02.0: [drm] *ERROR* This configuration is likely broken.',
		'[    5.029911] vmwgfx 0000:00:02.0: [drm] *ERROR* Please switch to a supported graphics device to avoid problems.',
		'[    5.943047] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.',
		'[    5.943071] [drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.'
	];

	it('is one finding that says why, not two generic driver-error findings', async () => {
		const f = await findingsOf(VBOX);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'gpu.vmwgfx-foreign-hypervisor',
				'VMware graphics driver (vmwgfx) running outside VMware',
				'low',
				1
			]
		]);
		expect(f[0].explanation.meaning).toMatch(/VirtualBox/);
	});
});
