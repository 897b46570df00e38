/**
 * Lines of the real-log corpus that a kernel developer reading the report next to the log would
 * say it got wrong, with verbatim excerpts.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../support/analyze.ts';

describe('an illegal command in an AMD GPU command stream', () => {
	// amdgpu-crash-crash1-txt.log lines 4270-4279 (Navi GPU, kernel 6.1.2-zen1): the CP refused
	// the game's command buffer, the driver ended its job at once and reset the GPU
	const LINES = [
		'Jan 06 14:37:38 archdesktop kernel: [drm:gfx_v10_0_priv_reg_irq [amdgpu]] *ERROR* Illegal register access in command stream',
		'Jan 06 14:37:38 archdesktop kernel: [drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx_0.0.0 timeout, signaled seq=516877, emitted seq=516879',
		'Jan 06 14:37:38 archdesktop kernel: [drm:amdgpu_job_timedout [amdgpu]] *ERROR* Process information: process physics pid 37602 thread physics pid 37602',
		'Jan 06 14:37:38 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: GPU reset begin!',
		'Jan 06 14:37:38 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: free PSP TMR buffer',
		'Jan 06 14:37:38 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: MODE1 reset',
		'Jan 06 14:37:38 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: GPU mode1 reset',
		'Jan 06 14:37:38 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: GPU smu mode1 reset',
		'Jan 06 14:37:39 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: GPU reset succeeded, trying to resume',
		'Jan 06 14:37:39 archdesktop kernel: [drm] VRAM is lost due to GPU reset!'
	];

	it('is the root cause of the ring timeout and the reset, told as a program’s bad commands, not a generic driver error', async () => {
		const report = await analyzeLines(LINES);
		const f = report.findings;
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'gpu.amdgpu-illegal-command',
				'Illegal register access in a GPU command stream (amdgpu)',
				'medium'
			],
			['gpu.amdgpu-ring-timeout', 'AMD GPU ring gfx_0.0.0 timeout (amdgpu)', 'high'],
			['gpu.amdgpu-reset', 'AMD GPU reset (amdgpu)', 'medium']
		]);
		expect(f[0].details).toMatchObject({
			driver: 'amdgpu',
			function: 'gfx_v10_0_priv_reg_irq',
			illegal: 'register access'
		});
		expect(f[0].explanation.causes[0].kind).toBe('userspace');
		expect(report.summary.root_cause).toBe(f[0].id);
		expect(report.cascades.map((c) => c.chain)).toEqual([f.map((x) => x.id)]);
	});
});

describe('a kernel option the kernel did not understand', () => {
	it('tells amd_iommu=on as ignored, Intel’s option copied, not as IOMMU trouble', async () => {
		// proxmox-amd-5700u-gpu-pa-dmesg-txt.log lines 61-63 (Ryzen 7 5700U, Proxmox 6.5 kernel)
		const report = await analyzeLines([
			'[    0.065368] Kernel command line: BOOT_IMAGE=/boot/vmlinuz-6.5.13-1-pve root=/dev/mapper/pve-root ro quiet amd_iommu=on iommu=pt nomodeset pcie_acs_override=downstream initcall_blacklist=sysfb_init',
			"[    0.065427] AMD-Vi: Unknown option - 'on'",
			'[    0.065448] Booted with the nomodeset parameter. Only the system framebuffer will be available'
		]);
		const f = report.findings;
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['other.kernel-option-ignored', 'Kernel option amd_iommu=on not understood: ignored', 'info']
		]);
		expect(f[0].details).toEqual({ parameter: 'amd_iommu', value: 'on' });
		expect(f[0].explanation.meaning).toContain('intel_iommu=');
	});

	it('names the pci= value of a 64-bit kernel', async () => {
		// ubuntu-20-04-fips-logs-dmesg-txt.log lines 28-30 (`pci=noacpi,nocrs,biosirq`)
		const f = await (
			await analyzeLines([
				'[    0.000000] BIOS-e820: [mem 0x00000000fef00000-0x00000000ffffffff] reserved',
				"[    0.000000] PCI: Unknown option `biosirq'",
				'[    0.000000] NX (Execute Disable) protection: active'
			])
		).findings;
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['other.kernel-option-ignored', 'Kernel option pci=biosirq not understood: ignored', 'info']
		]);
	});
});
