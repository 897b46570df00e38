/**
 * A WARN() whose only message asks to look at the call stack (`See the call stack!`) is a stack
 * dump that a debugging patch added, an info notice: not a medium kernel warning to report
 * upstream, and not the lead of a report that has a real problem.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, crashesOf } from '../support/analyze.ts';

// pikernel-dmesg.log lines 36-46 (Raspberry Pi, 3.6.11+): the patch's own print, then its WARN
const AT_BOOT = [
	'[    0.000000] I am in init_cfs_rq, min_vruntime = 18446744073708503040',
	'[    0.000000] ------------[ cut here ]------------',
	'[    0.000000] WARNING: at kernel/sched/fair.c:5129 sched_init+0x108/0x270()',
	'[    0.000000] See the call stack!',
	'[    0.000000] Modules linked in:',
	'[    0.000000] [<c0013c60>] (unwind_backtrace+0x0/0xf0) from [<c001e6f0>] (warn_slowpath_common+0x4c/0x64)',
	'[    0.000000] [<c001e6f0>] (warn_slowpath_common+0x4c/0x64) from [<c001e79c>] (warn_slowpath_fmt+0x30/0x40)',
	'[    0.000000] [<c001e79c>] (warn_slowpath_fmt+0x30/0x40) from [<c051a820>] (sched_init+0x108/0x270)',
	'[    0.000000] [<c051a820>] (sched_init+0x108/0x270) from [<c0512644>] (start_kernel+0x194/0x344)',
	'[    0.000000] [<c0512644>] (start_kernel+0x194/0x344) from [<0000803c>] (0x803c)',
	'[    0.000000] ---[ end trace da227214a82491b7 ]---'
];

// the same log, lines 186-201: one of the 26 alike on setsid(), a USB line printed into it
const ON_SETSID = [
	'[    2.652769] ------------[ cut here ]------------',
	'[    2.659045] WARNING: at kernel/sched/fair.c:5129 alloc_fair_sched_group+0x98/0x144()',
	'[    2.669942] See the call stack!',
	'[    2.673159] Modules linked in:<6>[    2.678117] usb 1-1: New USB device found, idVendor=0424, idProduct=9512',
	'[    2.687936] ',
	'[    2.690983] [<c0013c60>] (unwind_backtrace+0x0/0xf0) from [<c001e6f0>] (warn_slowpath_common+0x4c/0x64)',
	'[    2.703531] usb 1-1: New USB device strings: Mfr=0, Product=0, SerialNumber=0',
	'[    2.712395] [<c001e6f0>] (warn_slowpath_common+0x4c/0x64) from [<c001e79c>] (warn_slowpath_fmt+0x30/0x40)',
	'[    2.725892] [<c001e79c>] (warn_slowpath_fmt+0x30/0x40) from [<c0048668>] (alloc_fair_sched_group+0x98/0x144)',
	'[    2.739494] hub 1-1:1.0: USB hub found',
	'[    2.745026] [<c0048668>] (alloc_fair_sched_group+0x98/0x144) from [<c004672c>] (sched_create_group+0x38/0x138)',
	'[    2.758518] hub 1-1:1.0: 3 ports detected',
	'[    2.764385] [<c004672c>] (sched_create_group+0x38/0x138) from [<c0049638>] (sched_autogroup_create_attach+0x30/0x158)',
	'[    2.778724] [<c0049638>] (sched_autogroup_create_attach+0x30/0x158) from [<c0031e74>] (sys_setsid+0xa8/0xc0)',
	'[    2.792229] [<c0031e74>] (sys_setsid+0xa8/0xc0) from [<c000db60>] (ret_fast_syscall+0x0/0x30)',
	'[    2.804494] ---[ end trace da227214a82491b9 ]---'
];

describe('a WARN used as a stack dump by a debugging patch', () => {
	it('is an info notice, not a medium kernel warning (had been crash.warning, medium)', async () => {
		const crashes = await crashesOf([...AT_BOOT, ...ON_SETSID]);
		expect(crashes.map((c) => [c.rule, c.title, c.severity])).toEqual([
			['crash.debug-warning', 'WARNING in sched_init', 'info'],
			['crash.debug-warning', 'WARNING in alloc_fair_sched_group', 'info']
		]);
		const e = crashes[0].explanation;
		expect(e.meaning).toMatch(/^Not a kernel bug: a stack trace that someone asked for/);
		expect(e.next_steps.join(' ')).toMatch(/nothing to report to the kernel’s maintainers/);
		expect(e.next_steps.join(' ')).not.toMatch(/decode_stacktrace|syzbot|get_maintainer/);
	});

	it('leaves the lead to the log’s real problem', async () => {
		const r = await analyzeLines([
			...AT_BOOT,
			...ON_SETSID,
			// the same log, line 240
			'[    5.453809] led_class: disagrees about version of symbol module_layout'
		]);
		expect(r.summary.verdict).toBe('minor-issues');
		expect(r.summary.headline).toContain('Modules built for another kernel');
	});

	it('stays a kernel warning when its message says what went wrong', async () => {
		const lines = AT_BOOT.map((l) =>
			l.replace('See the call stack!', 'cfs_rq min_vruntime went backwards')
		);
		const crashes = await crashesOf(lines);
		expect(crashes.map((c) => [c.rule, c.severity])).toEqual([['crash.warning', 'medium']]);
	});
});
