/**
 * drm_copy_field()'s `BUG: the value to copy was not set!` WARN: a DRM driver without its name,
 * date or description, harmless (low), not a medium kernel warning.
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';
import { MS912X_WARN } from '../support/excerpts.ts';

// ms912x-error-log-txt.log line 34, then lines 43-94 (Ubuntu 6.8, the out-of-tree ms912x USB
// display driver without a date, Xorg's DRM_IOCTL_VERSION)
const MS912X = [
	'[339920.639265] [drm] Initialized ms912x 0.0.1 (null) for 1-3:1.3 on minor 0',
	...MS912X_WARN,
	'[339920.733959] Code: 83 e3 01 74 12 49 c7 06 00 00 00 00 eb cd 0f 0b b8 f2 ff ff ff eb c6 48 c7 c7 60 d2 2f be c6 05 7b e5 d3 01 01 e8 c8 ae 44 ff <0f> 0b eb d7 0f 1f 40 00 90 90 90 90 90 90 90 90 90 90 90 90 90 90',
	'[339920.733960] RSP: 0018:ffffa708495dbd08 EFLAGS: 00010246',
	'[339920.733962] RAX: 0000000000000000 RBX: 0000000000000000 RCX: 0000000000000000',
	'[339920.733964] RDX: 0000000000000000 RSI: 0000000000000000 RDI: 0000000000000000',
	'[339920.733965] RBP: ffffa708495dbd28 R08: 0000000000000000 R09: 0000000000000000',
	'[339920.733966] R10: 0000000000000000 R11: 0000000000000000 R12: ffff999aec1a4000',
	'[339920.733967] R13: ffffffffbd2bad20 R14: ffffa708495dbe10 R15: ffff999aec1a4000',
	'[339920.733968] FS:  0000771f542d4ac0(0000) GS:ffff99a0ce180000(0000) knlGS:0000000000000000',
	'[339920.733970] CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033',
	'[339920.733971] CR2: 00005e7e2dd14c40 CR3: 0000000192d44005 CR4: 00000000003706f0',
	'[339920.733973] Call Trace:',
	'[339920.733974]  <TASK>',
	'[339920.733977]  ? show_regs+0x6d/0x80',
	'[339920.733980]  ? __warn+0x89/0x160',
	'[339920.733983]  ? drm_copy_field+0xb8/0xc0',
	'[339920.733986]  ? report_bug+0x17e/0x1b0',
	'[339920.733989]  ? handle_bug+0x6e/0xb0',
	'[339920.733992]  ? exc_invalid_op+0x18/0x80',
	'[339920.733993]  ? asm_exc_invalid_op+0x1b/0x20',
	'[339920.733996]  ? __pfx_drm_version+0x10/0x10',
	'[339920.734000]  ? drm_copy_field+0xb8/0xc0',
	'[339920.734003]  ? drm_copy_field+0xb8/0xc0',
	'[339920.734005]  ? __pfx_drm_version+0x10/0x10',
	'[339920.734008]  drm_version+0x7d/0xb0',
	'[339920.734012]  drm_ioctl_kernel+0xb9/0x120',
	'[339920.734015]  drm_ioctl+0x2d4/0x550',
	'[339920.734018]  ? __pfx_drm_version+0x10/0x10',
	'[339920.734024]  __x64_sys_ioctl+0xa0/0xf0',
	'[339920.734029]  x64_sys_call+0x12a3/0x25a0',
	'[339920.734031]  do_syscall_64+0x7f/0x180',
	'[339920.734034]  ? irqentry_exit+0x43/0x50',
	'[339920.734036]  ? exc_page_fault+0x94/0x1b0',
	'[339920.734039]  entry_SYSCALL_64_after_hwframe+0x78/0x80',
	'[339920.734042] RIP: 0033:0x771f54724e1d',
	'[339920.734060] Code: 04 25 28 00 00 00 48 89 45 c8 31 c0 48 8d 45 10 c7 45 b0 10 00 00 00 48 89 45 b8 48 8d 45 d0 48 89 45 c0 b8 10 00 00 00 0f 05 <89> c2 3d 00 f0 ff ff 77 1a 48 8b 45 c8 64 48 2b 04 25 28 00 00 00',
	'[339920.734062] RSP: 002b:00007ffcfcfa4c00 EFLAGS: 00000246 ORIG_RAX: 0000000000000010',
	'[339920.734064] RAX: ffffffffffffffda RBX: 00005e7e4f782450 RCX: 0000771f54724e1d',
	'[339920.734065] RDX: 00005e7e4f782450 RSI: 00000000c0406400 RDI: 0000000000000089',
	'[339920.734066] RBP: 00007ffcfcfa4c50 R08: 00005e7e4d9fe010 R09: 0000000000000007',
	'[339920.734067] R10: 0000000000000007 R11: 0000000000000246 R12: 00005e7e4f782450',
	'[339920.734069] R13: 00000000c0406400 R14: 0000000000000089 R15: 00005e7e4fd64860',
	'[339920.734072]  </TASK>',
	'[339920.734073] ---[ end trace 0000000000000000 ]---'
];

describe('WARNING in drm_copy_field', () => {
	it('is a low driver notice (had been crash.warning, medium)', async () => {
		const crashes = await crashesOf(MS912X);
		expect(crashes.map((c) => [c.rule, c.title, c.severity])).toEqual([
			['crash.drm-version-field-unset', 'WARNING in drm_copy_field', 'low']
		]);
		const e = crashes[0].explanation;
		expect(e.meaning).toMatch(/^A small bug of a graphics \(DRM\) driver, harmless/);
		expect(e.next_steps.join(' ')).toContain('.date');
		expect(e.next_steps.join(' ')).not.toMatch(/decode_stacktrace|syzbot/);
	});

	it('stays a kernel warning without its message', async () => {
		const crashes = await crashesOf(MS912X.filter((l) => !l.includes('value to copy')));
		expect(crashes.map((c) => [c.rule, c.severity])).toEqual([['crash.warning', 'medium']]);
	});
});
