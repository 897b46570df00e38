/**
 * Messages a second QA reading found missed in the real-log corpus (../shared/corpus/real), with
 * short verbatim excerpts: bacon-pmos-mainline-dev-dmesg-log.log (a DRM driver built into the
 * kernel), proxmox-amd-5700u-gpu-pa-dmesg-txt.log and dioxis33-errors-dmesg-txt.log (AMD SRSO
 * without its microcode).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('DRM errors of a driver built into the kernel', () => {
	/** bacon-pmos-mainline-dev-dmesg-log.log line 1896 (msm mdp5, 4.17): `%ps` prints no [module] */
	it('reports `[drm:function] *ERROR*` like `[drm:function [module]] *ERROR*`', async () => {
		const f = await findingsOf([
			'[    6.085520] [drm:mdp5_irq_error_handler] *ERROR* errors: 04000000'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['gpu.drm-driver-error', 'drm driver errors in mdp5_irq_error_handler', 'low']
		]);
		expect(f[0].details).toMatchObject({
			function: 'mdp5_irq_error_handler',
			module: null,
			message: 'errors: 04000000'
		});
	});

	it('still reads the module of a modular driver', async () => {
		const f = await findingsOf([
			// (vmw_host_log's `Failed to send log` was the example here until it became benign)
			'[ 1095.000000] [drm:vmw_cmdbuf_work_func [vmwgfx]] *ERROR* Command buffer error.'
		]);
		expect(f.map((x) => x.title)).toEqual(['vmwgfx driver errors in vmw_cmdbuf_work_func']);
	});
});

describe('AMD Speculative Return Stack Overflow without microcode', () => {
	/** proxmox-amd-5700u-gpu-pa-dmesg-txt.log lines 119-121 (kernel 6.5-6.6 wording) */
	const PROXMOX = [
		'[    0.174103] Speculative Return Stack Overflow: IBPB-extending microcode not applied!',
		'[    0.174103] Speculative Return Stack Overflow: WARNING: See https://kernel.org/doc/html/latest/admin-guide/hw-vuln/srso.html for mitigation options.',
		'[    0.174104] Speculative Return Stack Overflow: Mitigation: Safe RET'
	];

	it('reports the missing microcode even when the kernel then says "Mitigation: Safe RET"', async () => {
		const f = await findingsOf(PROXMOX);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'firmware.microcode-missing',
				'CPU vulnerability not mitigated: microcode update missing (Speculative Return Stack Overflow)',
				'low',
				1
			]
		]);
	});

	/** dioxis33-errors-dmesg-txt.log lines 131-133 (later kernels also print "no microcode") */
	it('keeps one finding when the kernel also prints "Vulnerable: Safe RET, no microcode"', async () => {
		const f = await findingsOf([
			'[    0.066003] Speculative Return Stack Overflow: IBPB-extending microcode not applied!',
			'[    0.066004] Speculative Return Stack Overflow: WARNING: See https://kernel.org/doc/html/latest/admin-guide/hw-vuln/srso.html for mitigation options.',
			'[    0.066005] Speculative Return Stack Overflow: Vulnerable: Safe RET, no microcode'
		]);
		expect(f.map((x) => [x.rule, x.severity])).toEqual([['firmware.microcode-missing', 'low']]);
	});
});
