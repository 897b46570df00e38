/**
 * The GIC driver's WARN_ON for a device tree interrupt without a trigger type (4.16 on): a
 * device-tree bug of the board, a low notice, not a kernel warning to report upstream.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, crashesOf } from '../support/analyze.ts';

// bacon-pmos-mainline-dev-dmesg-log.log lines 93-122 (OnePlus One, 4.17-rc1): the first of 23
const GIC_TYPE_NONE = [
	'[    0.049532] ------------[ cut here ]------------',
	'[    0.049563] WARNING: CPU: 0 PID: 1 at drivers/irqchip/irq-gic.c:1016 gic_irq_domain_translate+0xdc/0xe4',
	'[    0.049582] Modules linked in:',
	'[    0.049604] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 4.17.0-rc1-00062-g00bf5d83b483-dirty #26',
	'[    0.049622] Hardware name: Generic DT based system',
	'[    0.049654] [<c010e15c>] (unwind_backtrace) from [<c010b6e0>] (show_stack+0x10/0x14)',
	'[    0.049688] [<c010b6e0>] (show_stack) from [<c06f54ec>] (dump_stack+0x88/0x9c)',
	'[    0.049723] [<c06f54ec>] (dump_stack) from [<c011a554>] (__warn+0xdc/0xf4)',
	'[    0.049750] [<c011a554>] (__warn) from [<c011a63c>] (warn_slowpath_null+0x40/0x48)',
	'[    0.049778] [<c011a63c>] (warn_slowpath_null) from [<c0339f78>] (gic_irq_domain_translate+0xdc/0xe4)',
	'[    0.049813] [<c0339f78>] (gic_irq_domain_translate) from [<c016e744>] (irq_create_fwspec_mapping+0x54/0x318)',
	'[    0.049845] [<c016e744>] (irq_create_fwspec_mapping) from [<c016ea54>] (irq_create_of_mapping+0x4c/0x54)',
	'[    0.049878] [<c016ea54>] (irq_create_of_mapping) from [<c0547854>] (of_irq_get+0x58/0x68)',
	'[    0.049905] [<c0547854>] (of_irq_get) from [<c054787c>] (of_irq_to_resource+0x18/0xc0)',
	'[    0.049930] [<c054787c>] (of_irq_to_resource) from [<c0547960>] (of_irq_to_resource_table+0x3c/0x54)',
	'[    0.049963] [<c0547960>] (of_irq_to_resource_table) from [<c0543f7c>] (of_device_alloc+0xe0/0x158)',
	'[    0.049993] [<c0543f7c>] (of_device_alloc) from [<c054403c>] (of_platform_device_create_pdata+0x48/0xa4)',
	'[    0.050022] [<c054403c>] (of_platform_device_create_pdata) from [<c0544240>] (of_platform_bus_create+0x164/0x31c)',
	'[    0.050051] [<c0544240>] (of_platform_bus_create) from [<c054428c>] (of_platform_bus_create+0x1b0/0x31c)',
	'[    0.050081] [<c054428c>] (of_platform_bus_create) from [<c0544528>] (of_platform_populate+0x5c/0xac)',
	'[    0.050115] [<c0544528>] (of_platform_populate) from [<c0a1d35c>] (of_platform_default_populate_init+0xa4/0xb8)',
	'[    0.050147] [<c0a1d35c>] (of_platform_default_populate_init) from [<c01025fc>] (do_one_initcall+0x44/0x170)',
	'[    0.050181] [<c01025fc>] (do_one_initcall) from [<c0a00e3c>] (kernel_init_freeable+0x1c8/0x25c)',
	'[    0.050210] [<c0a00e3c>] (kernel_init_freeable) from [<c07095b8>] (kernel_init+0x8/0x110)',
	'[    0.050236] [<c07095b8>] (kernel_init) from [<c01010e8>] (ret_from_fork+0x14/0x2c)',
	'[    0.050255] Exception stack(0xed445fb0 to 0xed445ff8)',
	'[    0.050279] 5fa0:                                     00000000 00000000 00000000 00000000',
	'[    0.050316] 5fc0: 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000',
	'[    0.050347] 5fe0: 00000000 00000000 00000000 00000000 00000013 00000000',
	'[    0.050397] ---[ end trace 67c337d75f119353 ]---'
];

describe('WARNING in gic_irq_domain_translate', () => {
	it('is a low device-tree notice, not a medium kernel warning (had been crash.warning, medium)', async () => {
		const crashes = await crashesOf(GIC_TYPE_NONE);
		expect(crashes.map((c) => [c.rule, c.title, c.severity, c.count])).toEqual([
			['crash.dt-irq-type-none', 'WARNING in gic_irq_domain_translate', 'low', 1]
		]);
		const e = crashes[0].explanation;
		expect(e.meaning).toMatch(/^A bug in the board’s device tree, not in the kernel/);
		expect(e.next_steps.join(' ')).toContain('IRQ_TYPE_LEVEL_HIGH');
		expect(e.next_steps.join(' ')).not.toMatch(/decode_stacktrace|syzbot/);
	});

	it('no longer leads a report beside a real problem', async () => {
		const r = await analyzeLines([
			...GIC_TYPE_NONE,
			// the same log, line 1525
			'[    0.588699] remoteproc remoteproc0: request_firmware failed: -2'
		]);
		expect(r.summary.verdict).toBe('problems');
		expect(r.summary.headline).toContain('Remote processor remoteproc0');
		expect(r.summary.headline).not.toContain('gic_irq_domain_translate');
	});
});
