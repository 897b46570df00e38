/**
 * ftrace_bug()'s advice says what to do for when it happened: at boot (ftrace_init() patching the
 * kernel's call sites: the kernel build is at fault) or later (tracing started, a module loaded:
 * what else patched kernel code). Both findings had been told `If it happened at boot …` and
 * `Otherwise …` together.
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';

/** ubtouch-dmesg-dmesg.log lines 83-86, 93-97, 101-102 (Ubuntu Touch, Xiaomi armani, 3.4 ARM) */
const AT_BOOT = [
	'[    0.047653] ------------[ cut here ]------------',
	'[    0.047718] WARNING: at kernel/trace/ftrace.c:1590 ftrace_bug+0xec/0x174()',
	'[    0.047796] Modules linked in:',
	'[    0.047832] Backtrace: ',
	'[    0.048307] [<c019c6d0>] (warn_slowpath_null+0x0/0x34) from [<c0215cbc>] (ftrace_bug+0xec/0x174)',
	'[    0.048385] [<c0215bd0>] (ftrace_bug+0x0/0x174) from [<c02160f4>] (ftrace_process_locs+0x3b0/0x500)',
	'[    0.048452]  r5:f1c21e40 r4:00000000',
	'[    0.048512] [<c0215d44>] (ftrace_process_locs+0x0/0x500) from [<c0e122f8>] (ftrace_init+0x98/0x18c)',
	'[    0.048592] [<c0e12260>] (ftrace_init+0x0/0x18c) from [<c0e00ab4>] (start_kernel+0x308/0x368)',
	'[    0.048898] ---[ end trace da227214a82491b7 ]---',
	'[    0.048938] ftrace faulted on writing [<c01003a0>] asm_do_IRQ+0x10/0x1c'
];

/** lkp-calltrace-dmesg-010.log lines 50-52, 56-73, 79 (kernel test robot, 4.8.0-rc1): perf started tracing */
const LATER = [
	'[   16.238279] WARNING: CPU: 0 PID: 546 at kernel/trace/ftrace.c:2006 ftrace_bug+0x216/0x330',
	'[   16.239374] Modules linked in:',
	'[   16.239806] CPU: 0 PID: 546 Comm: trinity-main Not tainted 4.8.0-rc1 #120',
	'[   16.243805]  [<ffffffff856bd4be>] dump_stack+0x8a/0xbc',
	'[   16.244411]  [<ffffffff850e51b6>] __warn+0x146/0x160',
	'[   16.245004]  [<ffffffff85cfb390>] ? __fentry__+0x10/0x10',
	'[   16.245625]  [<ffffffff850e529d>] warn_slowpath_null+0x1d/0x20',
	'[   16.246295]  [<ffffffff851e5976>] ftrace_bug+0x216/0x330',
	'[   16.246922]  [<ffffffff8505faf2>] ftrace_replace_code+0x292/0x460',
	'[   16.247637]  [<ffffffff851e615c>] ftrace_modify_all_code+0x9c/0x120',
	'[   16.248420]  [<ffffffff8505fcd0>] arch_ftrace_update_code+0x10/0x20',
	'[   16.249140]  [<ffffffff851e624c>] ftrace_run_update_code+0x1c/0x60',
	'[   16.249862]  [<ffffffff851e636f>] ftrace_startup_enable+0x2f/0x50',
	'[   16.250567]  [<ffffffff851e822b>] ftrace_startup+0xfb/0x210',
	'[   16.251217]  [<ffffffff851e8700>] register_ftrace_function+0x50/0x70',
	'[   16.251982]  [<ffffffff85200d25>] perf_ftrace_event_register+0x65/0x130',
	'[   16.252740]  [<ffffffff85200991>] perf_trace_init+0xc1/0x2d0',
	'[   16.259149] ---[ end trace ff5911ac82bc7508 ]---'
];

async function steps(lines: string[]): Promise<string[]> {
	const [f] = (await crashesOf(lines)).filter((x) => x.title === 'WARNING in ftrace_bug');
	expect(f).toBeDefined();
	return f.explanation.next_steps;
}

describe('ftrace_bug’s steps follow when it happened', () => {
	it('at boot (ftrace_init from start_kernel): the kernel build is at fault, no other step about what else patched code', async () => {
		const s = await steps(AT_BOOT);
		expect(s).toContainEqual(
			expect.stringMatching(/^It happened while the kernel set ftrace up at boot/)
		);
		expect(s.some((x) => x.startsWith('Check what else patched kernel code'))).toBe(false);
		expect(s.some((x) => x.startsWith('Otherwise'))).toBe(false);
	});

	it('the same warning with its trace cut after ftrace_process_locs is still at boot', async () => {
		const s = await steps(AT_BOOT.filter((l) => !/ftrace_init|start_kernel/.test(l)));
		expect(s).toContainEqual(
			expect.stringMatching(/^It happened while the kernel set ftrace up at boot/)
		);
	});

	it('later (ftrace_startup from perf): what else patched kernel code, then the ftrace maintainers', async () => {
		const s = await steps(LATER);
		expect(s.some((x) => /at boot/.test(x))).toBe(false);
		expect(s).toContainEqual(
			expect.stringMatching(
				/^Check what else patched kernel code at that moment .* report it to the ftrace maintainers/
			)
		);
	});

	it('a module’s call sites patched as it loads are not at boot', async () => {
		const s = await steps(
			AT_BOOT.map((l) =>
				l
					.replace('(ftrace_init+0x98/0x18c)', '(ftrace_module_init+0x20/0x30)')
					.replace(
						'(ftrace_init+0x0/0x18c) from [<c0e00ab4>] (start_kernel+0x308/0x368)',
						'(ftrace_module_init+0x0/0x30) from [<c0e00ab4>] (load_module+0x308/0x1368)'
					)
			)
		);
		expect(s.some((x) => /at boot/.test(x))).toBe(false);
	});
});
