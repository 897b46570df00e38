/**
 * Findings whose explanation had not fitted their line, read from the real corpus: a page
 * allocation that could not wait (an interrupt's GFP_ATOMIC) or was allowed to fail
 * (__GFP_NORETRY) had been explained as "real memory pressure", at medium; a Realtek Wi-Fi chip
 * on SDIO had been given brcmfmac's board-file cause and step; an AMD, Intel or nouveau GPU's
 * hang had been told to update "Mesa (or the NVIDIA driver)".
 */
import { describe, expect, it } from 'vitest';
import { allocationKind } from '../../src/lib/analysis/rules/memory-oom.ts';
import { findingsOf } from '../support/analyze.ts';

async function only(lines: string[], rule: string) {
	const fs = (await findingsOf(lines)).filter((f) => f.rule === rule);
	expect(fs, rule).toHaveLength(1);
	return fs[0];
}

describe('a page allocation failure is explained by how the allocation could wait', () => {
	it('reads the GFP mode: named flags, or an old kernel’s mask without __GFP_WAIT', () => {
		expect(allocationKind('0x20', undefined)).toBe('atomic');
		expect(allocationKind('0x4020', undefined)).toBe('atomic');
		expect(allocationKind('0x40a20', 'GFP_ATOMIC|__GFP_COMP')).toBe('atomic');
		expect(allocationKind('0x24010c0', 'GFP_KERNEL|__GFP_NORETRY')).toBe('may-fail');
		// GFP_KERNEL of kernels before 4.4 (__GFP_WAIT|__GFP_IO|__GFP_FS)
		expect(allocationKind('0xd0', undefined)).toBeNull();
		expect(allocationKind('0x3100cca', 'GFP_HIGHUSER_MOVABLE|0x3000000')).toBeNull();
		// a 4.4 mask printed alone, its reclaim bits above 0x100000: not read
		expect(allocationKind('0x2080020', undefined)).toBeNull();
	});

	it('an atomic allocation in an interrupt (crash-dmesg-vmcore-dmesg-txt.log, 2.6.32) is low, with the reserve’s advice', async () => {
		const f = await only(
			[
				'<4>vhost-4472: page allocation failure. order:1, mode:0x20',
				'<4>Pid: 4478, comm: vhost-4472 Tainted: G           --L------------    2.6.32-642.el6.x86_64 #1'
			],
			'memory.page-allocation-failure'
		);
		expect(f.severity).toBe('low');
		expect(f.explanation.meaning).toMatch(/^An allocation that could not wait failed/);
		expect(f.explanation.meaning).not.toContain('real memory pressure');
		expect(f.explanation.next_steps.join(' ')).toContain('vm.min_free_kbytes');
	});

	it('a __GFP_NORETRY allocation (lkp-12.log) is low and points at the OOM kill around it', async () => {
		const f = await only(
			[
				'[  111.628064] rb_consumer: page allocation failure: order:0, mode:0x24010c0(GFP_KERNEL|__GFP_NORETRY)',
				'[  111.629607] CPU: 0 PID: 54 Comm: rb_consumer Not tainted 4.8.0-rc1 #127'
			],
			'memory.page-allocation-failure'
		);
		expect(f.severity).toBe('low');
		expect(f.explanation.meaning).toMatch(/allowed to fail/);
		expect(f.explanation.next_steps[0]).toMatch(/OOM kill/);
	});

	it('an allocation that waited keeps its severity and explanation (androiddmesg’s binder, order 0)', async () => {
		const f = await only(
			[
				'[Sat Jun  8 01:41:08 2024] binder:31804_2: page allocation failure: order:0, mode:0x3100cca(GFP_HIGHUSER_MOVABLE|0x3000000), nodemask=(null),cpuset=background,mems_allowed=0'
			],
			'memory.page-allocation-failure'
		);
		expect(f.severity).toBe('medium');
		expect(f.explanation.meaning).toContain('real memory pressure');
	});
});

describe('a Wi-Fi chip on SDIO that does not answer is explained for its driver', () => {
	it('Realtek rtw88 (rg353v-linux-rtw-8821cs-log.log): no board file, the bus', async () => {
		const f = await only(
			[
				'[    4.410535] rtw_8821cs mmc3:0001:1: Firmware version 24.11.0, H2C version 12',
				'[    4.748703] rtw_8821cs mmc3:0001:1: sdio read32 failed (0x11080): -110',
				'[    4.751042] rtw_8821cs mmc3:0001:1: sdio write32 failed (0x11080): -110'
			],
			'network.wifi-chip-not-answering'
		);
		const text = [f.explanation.meaning, ...f.explanation.causes.map((c) => c.text)].join(' ');
		expect(text).toContain('rtw88');
		expect(text).not.toContain('brcmfmac');
		expect(f.explanation.next_steps.join(' ')).not.toContain('NVRAM');
	});

	it('brcmfmac keeps its board-file cause', async () => {
		const f = await only(
			['[    6.123456] brcmfmac: brcmf_sdio_htclk: HT Avail timeout (1000000): clkctl 0x50'],
			'network.wifi-chip-not-answering'
		);
		expect(f.explanation.causes.map((c) => c.text).join(' ')).toContain('brcmfmac');
	});
});

describe('a GPU hang’s update step names its own driver’s software', () => {
	it('amdgpu (amdgpu-crash-crash1-txt.log): Mesa or AMDVLK/ROCm and amdgpu firmware, not NVIDIA', async () => {
		const f = await only(
			[
				'[ 4021.000001] [drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx_0.0.0 timeout, signaled seq=516877, emitted seq=516879'
			],
			'gpu.amdgpu-ring-timeout'
		);
		const steps = f.explanation.next_steps.join(' ');
		expect(steps).not.toContain('NVIDIA');
		expect(steps).toContain('`amdgpu/`');
	});

	it('i915 and nouveau too; a display timeout of any driver keeps the general step', async () => {
		const fs = await findingsOf([
			'[  100.000001] i915 0000:00:02.0: [drm] GPU HANG: ecode 12:1:8ed9fff2, in python3 [6414]',
			'[  200.000001] nouveau 0000:01:00.0: fifo: SCHED_ERROR 0a [CTXSW_TIMEOUT]',
			'[  300.000001] [drm:drm_atomic_helper_wait_for_flip_done [drm_kms_helper]] *ERROR* [CRTC:51:pipe A] flip_done timed out'
		]);
		const steps = (rule: string) =>
			fs.find((f) => f.rule === rule)!.explanation.next_steps.join(' ');
		expect(steps('gpu.i915-hang')).toContain('GuC and HuC');
		expect(steps('gpu.i915-hang')).not.toContain('NVIDIA driver)');
		expect(steps('gpu.nouveau-error')).toContain('`nvidia/`');
		expect(steps('gpu.drm-commit-timeout')).toContain('Mesa (or the NVIDIA driver)');
	});
});
