/**
 * Crash reports that are not kernel bugs, found by a QA reading of the real-log corpus
 * (../shared/corpus/real), with verbatim excerpts: abrt-kernel-panic-oom.log (a panic asked for by
 * vm.panic_on_oom, RHEL 7 in VMware) and abrt-cut-here.log (2.6's MTRR mask WARN_ONCE, HP ProLiant
 * BL460c G1), amdgpu-crash-crash1-txt.log (the program whose GPU job hung),
 * jetway-port-dmesg-log.log (a module without a licence refused GPL-only symbols),
 * logging-kern-log-1.log (vmwgfx in VirtualBox).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';
import { ABRT_OOM_PANIC, MTRR_WARN } from '../support/excerpts.ts';

describe('panic_on_oom', () => {
	it('names the panic a configured panic on out-of-memory, not a kernel bug', async () => {
		const f = await findingsOf(ABRT_OOM_PANIC);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'crash.oom-panic',
				'kernel panic: Out of memory: system-wide panic_on_oom is enabled',
				'critical'
			]
		]);
		expect(f[0].details.kind).toBe('out of memory, with panic_on_oom set (not a kernel bug)');
		const e = f[0].explanation;
		expect(e.meaning).toContain('vm.panic_on_oom');
		expect(e.next_steps.join(' ')).toContain('vm.panic_on_oom = 0');
		// a panic asked for by a setting has no trace to decode, and no boot-time root fs advice
		expect(e.next_steps.join(' ')).not.toMatch(/decode_stacktrace|root=/);
	});

	it('keeps other panics kernel panics', async () => {
		const f = await findingsOf([
			'[   12.000000] Kernel panic - not syncing: Out of memory and no killable processes...'
		]);
		expect(f.map((x) => x.rule)).toEqual(['crash.panic']);
	});
});

describe('MTRR mask fixed up by the kernel', () => {
	it('reports the BIOS mistake as a low firmware finding and its WARN trace as a notice', async () => {
		const f = await findingsOf(MTRR_WARN);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['crash.firmware-warning', 'WARNING in generic_get_mtrr', 'info'],
			[
				'firmware.mtrr-bad-mask',
				'The BIOS set up a memory range register (MTRR) wrongly; the kernel fixed it',
				'low'
			]
		]);
		expect(f[1].evidence.map((x) => x.line)).toEqual([5]);
		expect(f[0].explanation.meaning).toMatch(/^Not a kernel bug/);
	});

	it('reads the later one-line form', async () => {
		const f = await findingsOf([
			'[    0.000000] mtrr: your BIOS has configured an incorrect mask, fixing it.'
		]);
		expect(f.map((x) => [x.rule, x.severity])).toEqual([['firmware.mtrr-bad-mask', 'low']]);
	});
});

describe('AMD GPU ring timeout', () => {
	/** amdgpu-crash-crash1-txt.log lines 4270-4273 (journalctl, Arch, kernel 6.1, a game's hang) */
	const HANG = [
		'Jan 06 14:37:38 archdesktop kernel: [drm:gfx_v10_0_priv_reg_irq [amdgpu]] *ERROR* Illegal register access in command stream',
		'Jan 06 14:37:38 archdesktop kernel: [drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx_0.0.0 timeout, signaled seq=516877, emitted seq=516879',
		'Jan 06 14:37:38 archdesktop kernel: [drm:amdgpu_job_timedout [amdgpu]] *ERROR* Process information: process physics pid 37602 thread physics pid 37602',
		'Jan 06 14:37:38 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: GPU reset begin!'
	];

	it('names the program whose job hung, from the line after the timeout', async () => {
		const f = await findingsOf(HANG);
		const t = f.find((x) => x.rule === 'gpu.amdgpu-ring-timeout');
		expect(t?.details).toMatchObject({
			ring: 'gfx_0.0.0',
			process: 'physics',
			process_pid: 37602,
			thread: 'physics',
			thread_pid: 37602
		});
		expect(t?.evidence.map((e) => e.line)).toEqual([2, 3]);
		// the process line is the timeout's, not a driver error of its own
		expect(f.filter((x) => x.evidence.some((e) => e.line === 3))).toHaveLength(1);
	});
});

describe('module refused GPL-only symbols', () => {
	/** jetway-port-dmesg-log.log lines 822-827 (a port's own acpi_i2c on 3.x, no MODULE_LICENSE) */
	const LICENSE = [
		"[   26.518270] acpi_i2c: module license 'unspecified' taints kernel.",
		'[   26.518281] Disabling lock debugging due to kernel taint',
		'[   26.518420] acpi_i2c: Unknown symbol i2c_new_device (err 0)',
		'[   26.518461] acpi_i2c: Unknown symbol acpi_dev_get_resources (err 0)',
		'[   26.518490] acpi_i2c: Unknown symbol acpi_dev_resource_interrupt (err 0)',
		'[   26.518522] acpi_i2c: Unknown symbol acpi_dev_free_resource_list (err 0)'
	];

	it('says the licence, not another kernel, kept the module from loading', async () => {
		const f = await findingsOf(LICENSE);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'other.module-load-failed',
				'Module acpi_i2c could not be loaded: its licence keeps it from GPL-only symbols',
				'low',
				4
			]
		]);
		expect(f[0].details).toMatchObject({ module: 'acpi_i2c', license: 'unspecified' });
		expect(f[0].explanation.next_steps[0]).toContain('MODULE_LICENSE("GPL")');
	});

	it('keeps the plain title when the licence message names another module', async () => {
		const f = await findingsOf([
			"[   26.518270] nvidia: module license 'NVIDIA' taints kernel.",
			...LICENSE.slice(2)
		]);
		expect(f.map((x) => x.title)).toEqual(['Module acpi_i2c could not be loaded']);
	});
});

describe('vmwgfx in VirtualBox', () => {
	/** logging-kern-log-1.log lines 430-431 (Ubuntu 18.04 in VirtualBox, VMSVGA adapter; host name replaced) */
	const VBOX = [
		'Jan 10 14:58:56 ubuntu-VirtualBox kernel: [    1.422366] [drm:vmw_host_log [vmwgfx]] *ERROR* Failed to send log',
		'Jan 10 14:58:56 ubuntu-VirtualBox kernel: [    1.423121] [drm:vmw_host_log [vmwgfx]] *ERROR* Failed to send log'
	];

	// intended change: it had been no finding (benign.ts); now one routine notice a boot
	it('makes a routine notice of the copy to the host log that VirtualBox cannot take', async () => {
		const f = await findingsOf(VBOX);
		expect(f.map((x) => [x.rule, x.severity, x.count])).toEqual([
			['gpu.vmwgfx-host-log', 'info', 1]
		]);
	});

	it('keeps other vmwgfx errors', async () => {
		const f = await findingsOf([
			'[    2.000000] [drm:vmw_cmdbuf_work_func [vmwgfx]] *ERROR* Command buffer error.'
		]);
		expect(f).toHaveLength(1);
	});
});

describe('AMD GPU reset outcome', () => {
	/** amdgpu-crash-crash1-txt.log lines 4273-4280 and 4316 (other lines between them left out) */
	const RESET = [
		'Jan 06 14:37:38 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: GPU reset begin!',
		'Jan 06 14:37:38 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: free PSP TMR buffer',
		'Jan 06 14:37:38 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: MODE1 reset',
		'Jan 06 14:37:38 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: GPU mode1 reset',
		'Jan 06 14:37:38 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: GPU smu mode1 reset',
		'Jan 06 14:37:39 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: GPU reset succeeded, trying to resume',
		'Jan 06 14:37:39 archdesktop kernel: [drm] PCIE GART of 512M enabled (table at 0x0000008000300000).',
		'Jan 06 14:37:39 archdesktop kernel: [drm] VRAM is lost due to GPU reset!',
		'Jan 06 14:37:39 archdesktop kernel: [drm] PSP is resuming...',
		'Jan 06 14:37:39 archdesktop kernel: amdgpu 0000:0b:00.0: amdgpu: GPU reset(2) succeeded!'
	];

	it('says the reset succeeded and lost video memory', async () => {
		const f = await findingsOf(RESET);
		expect(f.map((x) => [x.rule, x.count])).toEqual([['gpu.amdgpu-reset', 1]]);
		expect(f[0].details).toMatchObject({ vram_lost: true, reset_succeeded: true });
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 8, 10]);
		expect(f[0].explanation.meaning).toContain('vram_lost');
	});

	it('takes no outcome of another GPU', async () => {
		const f = await findingsOf([
			RESET[0],
			'Jan 06 14:37:39 archdesktop kernel: amdgpu 0000:03:00.0: amdgpu: GPU reset(2) succeeded!'
		]);
		expect(f[0].details.reset_succeeded).toBeUndefined();
	});
});

describe('ACPI table code an old kernel skips', () => {
	/** n100dc-itx-sophos-dmesg.log lines 197-199 (Intel N100 board, kernel 4.14, ACPICA 20170728) */
	const OLD_ACPICA = [
		'[    0.016007] ACPI: Core revision 20170728',
		'[    0.046803] ACPI Warning: Unsupported module-level executable opcode 0x70 at table offset 0x13D78 (20170728/psloop-247)',
		'[    0.048029] ACPI Warning: Unsupported module-level executable opcode 0x70 at table offset 0x143AD (20170728/psloop-247)'
	];

	it('is one low finding naming the interpreter release', async () => {
		const f = await findingsOf(OLD_ACPICA);
		expect(f.map((x) => [x.rule, x.severity, x.count])).toEqual([
			['firmware.acpi-code-skipped', 'low', 2]
		]);
		expect(f[0].details).toEqual({ opcode: '0x70', acpica: '20170728' });
	});
});

describe('NVIDIA modeset ownership', () => {
	// intended change: it had been no finding (benign.ts); now a routine notice
	it('makes a routine notice of a display server refused modesetting while another holds it', async () => {
		// venroot-logs-dmesg-log.log line 1287 (Pop!_OS, NVIDIA 535.104.05)
		const f = await findingsOf([
			'[   25.881087] [drm:nv_drm_master_set [nvidia_drm]] *ERROR* [nvidia-drm] [GPU ID 0x00000100] Failed to grab modeset ownership'
		]);
		expect(f.map((x) => [x.rule, x.severity])).toEqual([['gpu.nvidia-modeset-ownership', 'info']]);
	});
});
