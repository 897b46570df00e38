/**
 * KASAN's own false report of a jprobe's stack copy: `stack-out-of-bounds` in setjmp_pre_handler
 * through memcpy() is a low notice that says so, not a high memory-safety bug to decode and report.
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';

// lkp-kasan-02.log lines 2-47 (intel/lkp-tests spec/fixtures/stats/dmesg/kasan-02: the kprobes
// smoke test at boot of a 4.8.0-rc1 QEMU guest with KASAN); the trace's `?` frames shortened
const KASAN_02 = [
	'[   14.658653] Kprobe smoke test: started',
	'[   14.930140] ==================================================================',
	'[   14.931149] BUG: KASAN: stack-out-of-bounds in setjmp_pre_handler+0x165/0x200 at addr ffff880012057cb8',
	'[   14.932396] Read of size 64 by task swapper/0/1',
	'[   14.933007] page:ffffea00004815c0 count:0 mapcount:0 mapping:          (null) index:0x0',
	'[   14.934089] flags: 0x0()',
	'[   14.934438] page dumped because: kasan: bad access detected',
	'[   14.935185] CPU: 1 PID: 1 Comm: swapper/0 Not tainted 4.8.0-rc1 #1',
	'[   14.936013] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
	'[   14.937186]  ffff880012057cb8 ffff8800120579f8 ffffffff81bd55c0 ffff880012057a88',
	'[   14.940426] Call Trace:',
	'[   14.940781]  [<ffffffff81bd55c0>] dump_stack+0x86/0xc6',
	'[   14.941472]  [<ffffffff8149c571>] kasan_report_error+0x2e1/0x490',
	'[   14.942277]  [<ffffffff8149cb58>] kasan_report+0x38/0x40',
	'[   14.943000]  [<ffffffff810a2e35>] ? setjmp_pre_handler+0x165/0x200',
	'[   14.943828]  [<ffffffff8149b473>] check_memory_region+0x183/0x190',
	'[   14.944645]  [<ffffffff8149b8c3>] memcpy+0x23/0x50',
	'[   14.945285]  [<ffffffff810a2e35>] setjmp_pre_handler+0x165/0x200',
	'[   14.946826]  [<ffffffff810a3cc6>] kprobe_ftrace_handler+0x1e6/0x290',
	'[   14.948401]  [<ffffffff8130dc96>] ftrace_ops_assist_func+0x286/0x310',
	'[   14.949252]  [<ffffffffa00000d5>] 0xffffffffa00000d5',
	'[   14.950657]  [<ffffffff812dc2c5>] kprobe_target+0x5/0x20',
	'[   14.951367]  [<ffffffff812dc807>] init_test_probes+0x267/0x510',
	'[   14.954703]  [<ffffffff83d33eb3>] init_kprobes+0x3b3/0x408',
	'[   14.960301]  [<ffffffff81000589>] do_one_initcall+0x119/0x1e0',
	'[   14.961942]  [<ffffffff83cf3a14>] kernel_init_freeable+0x417/0x4c5',
	'[   14.962927]  [<ffffffff82bb1953>] kernel_init+0x13/0x110',
	'[   14.963712]  [<ffffffff82bc570f>] ret_from_fork+0x1f/0x40',
	'[   14.965300] Memory state around the buggy address:',
	'[   14.966015]  ffff880012057b80: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00'
];

describe('KASAN’s stack-out-of-bounds in a jprobe’s stack copy', () => {
	it('is KASAN’s own false report, low, with syzkaller’s title (lkp-kasan-02.log)', async () => {
		const crashes = await crashesOf(KASAN_02);
		expect(crashes.map((c) => [c.rule, c.title, c.severity])).toEqual([
			['crash.kasan-false-report', 'KASAN: stack-out-of-bounds Read in setjmp_pre_handler', 'low']
		]);
		const [f] = crashes;
		expect(f.details.kind).toBe(
			'KASAN’s own false report (a jprobe’s copy of the stack, not a memory bug)'
		);
		expect(f.details.access_size).toBe(64);
		const e = f.explanation;
		expect(e.meaning).toMatch(/a known false one of KASAN itself, not a memory bug/);
		expect(e.meaning).toContain('`__memcpy()`');
		// it had been told to check a length against a stack variable, and to decode and report it
		expect(e.meaning).not.toMatch(/check the length or index/);
		const steps = e.next_steps.join(' ');
		expect(steps).toContain('CONFIG_KPROBES_SANITY_TEST');
		expect(steps).not.toMatch(/decode_stacktrace|syzbot/);
	});

	it('stays a KASAN bug without memcpy() under the handler', async () => {
		const crashes = await crashesOf(KASAN_02.filter((l) => !l.includes('memcpy+0x')));
		expect(crashes.map((c) => [c.rule, c.severity])).toEqual([['crash.kasan', 'high']]);
		expect(crashes[0].details.kind).toBe('out-of-bounds read');
	});

	it('stays a KASAN bug in another function', async () => {
		const crashes = await crashesOf(
			KASAN_02.map((l) => l.replaceAll('setjmp_pre_handler', 'kprobe_handler'))
		);
		expect(crashes.map((c) => [c.rule, c.severity])).toEqual([['crash.kasan', 'high']]);
	});
});
