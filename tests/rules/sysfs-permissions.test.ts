/**
 * Lines from a QA reading of ARM phone, tablet and board logs of the real-log corpus, verbatim:
 * logs-a5y17lte-dmesg.log (Samsung Galaxy A5 2017, Exynos 7880 vendor kernel 3.18 under Halium)
 * and iamslightlywin-dump-last-kmsg.log (Samsung tablet, vendor kernel 4.19), whose sysfs
 * attribute-mode WARNs were medium "WARNING in device_create_file" findings heading the report.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

/** logs-a5y17lte-dmesg.log lines 465-492: the message after the WARNING: line (3.18) */
const A5Y17_WARN = [
	'[    0.711760] ------------[ cut here ]------------',
	'[    0.711786] WARNING: CPU: 0 PID: 1 at /halium/kernel/samsung/universal7880/drivers/base/core.c:558 device_create_file+0x80/0xb0()',
	"[    0.711802] Attribute error_cnt: write permission without 'store'",
	'[    0.711817] Modules linked in:',
	'[    0.711838] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 3.18.14-g406953af719-dirty #1',
	'[    0.711853] Hardware name: Samsung A5Y17 LTE EUR HWID08 board based on Exynos 7880 (DT)',
	'[    0.711869] Call trace:',
	'[    0.711890] [<ffffffc000009404>] dump_backtrace+0x0/0x10c',
	'[    0.711907] [<ffffffc000009520>] show_stack+0x10/0x1c',
	'[    0.711927] [<ffffffc0002aed74>] _dump_stack+0x80/0xc4',
	'[    0.711946] [<ffffffc0008b0bd4>] dump_stack+0xc/0x18',
	'[    0.711965] [<ffffffc00001bdd4>] warn_slowpath_common+0x88/0xb0',
	'[    0.711982] [<ffffffc00001be48>] warn_slowpath_fmt+0x4c/0x58',
	'[    0.711999] [<ffffffc000398bfc>] device_create_file+0x7c/0xb0',
	'[    0.712020] [<ffffffc00034f58c>] s3c24xx_serial_probe+0x828/0x8dc',
	'[    0.712039] [<ffffffc00039e6b4>] platform_drv_probe+0x4c/0x9c',
	'[    0.712057] [<ffffffc00039cc3c>] driver_probe_device+0xd4/0x238',
	'[    0.712074] [<ffffffc00039ce4c>] __driver_attach+0x60/0x90',
	'[    0.712091] [<ffffffc00039bdc0>] bus_for_each_dev+0x70/0x90',
	'[    0.712108] [<ffffffc00039c74c>] driver_attach+0x1c/0x28',
	'[    0.712125] [<ffffffc00039c418>] bus_add_driver+0xf8/0x1cc',
	'[    0.712142] [<ffffffc00039d748>] driver_register+0x90/0xe0',
	'[    0.712159] [<ffffffc00039e5e4>] __platform_driver_register+0x5c/0x68',
	'[    0.712177] [<ffffffc000d48158>] s3c24xx_serial_modinit+0x48/0x58',
	'[    0.712195] [<ffffffc0000026bc>] do_one_initcall+0xf4/0x188',
	'[    0.712213] [<ffffffc000d1eb7c>] kernel_init_freeable+0x1bc/0x26c',
	'[    0.712230] [<ffffffc0008ad914>] kernel_init+0x10/0xd0',
	'[    0.712260] ---[ end trace 4a37eeceef4d0a11 ]---'
];

/** iamslightlywin-dump-last-kmsg.log lines 10461-10467: the message before the WARNING: line (4.19) */
const TABLET_WARN = [
	'<4>[    1.692624]  [4:      swapper/0:    1] ------------[ cut here ]------------',
	"<4>[    1.692627]  [4:      swapper/0:    1] Attribute rear_flash: read permission without 'show'",
	'<4>[    1.692647]  [4:      swapper/0:    1] WARNING: CPU: 4 PID: 1 at drivers/base/core.c:1833 device_create_file+0x98/0xa0',
	'<4>[    1.692651]  [4:      swapper/0:    1] Modules linked in:',
	'<4>[    1.692656]  [4:      swapper/0:    1] CPU: 4 PID: 1 Comm: swapper/0 FTT: 0 0 Tainted: G S                4.19.113~Windstation+ #1',
	'<4>[    1.692659]  [4:      swapper/0:    1] Hardware name: Samsung GTS7L PROJECT - PV REV0.4 (board-id,7) (DT)',
	'<4>[    1.692663]  [4:      swapper/0:    1] pstate: 60c00005 (nZCv daif +PAN +UAO)',
	'<4>[    1.692666]  [4:      swapper/0:    1] pc : device_create_file+0x98/0xa0',
	'<4>[    1.692669]  [4:      swapper/0:    1] lr : device_create_file+0x98/0xa0'
];

describe('sysfs attribute declared with a permission it has no handler for', () => {
	it('reports the WARN as a low driver-bug notice, keeping its title and trace', async () => {
		const f = await findingsOf(A5Y17_WARN);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['crash.sysfs-attribute-mode', 'WARNING in device_create_file', 'low']
		]);
		expect(f[0].details.kind).toBe('driver bug in a sysfs file’s permissions (harmless)');
		expect(f[0].stack?.frames.map((x) => x.function)).toContain('s3c24xx_serial_probe');
		const e = f[0].explanation;
		expect(e.meaning).toMatch(/^A small driver bug, harmless/);
		// nothing to decode: the message names the file and the trace the driver
		expect(e.next_steps.join(' ')).not.toMatch(/decode_stacktrace/);
	});

	it('reads the message a 4.x kernel prints before the WARNING: line', async () => {
		const f = await findingsOf(TABLET_WARN);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['crash.sysfs-attribute-mode', 'WARNING in device_create_file', 'low']
		]);
	});

	it('keeps other WARNs in device_create_file kernel warnings', async () => {
		const f = await findingsOf([A5Y17_WARN[0], A5Y17_WARN[1], ...A5Y17_WARN.slice(3)]);
		expect(f.map((x) => [x.rule, x.severity])).toEqual([['crash.warning', 'medium']]);
	});
});
