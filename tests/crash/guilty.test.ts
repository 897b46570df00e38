import { describe, expect, it } from 'vitest';
import { frameNames, guiltyFrame } from '../../src/lib/analysis/crash/frames.ts';
import { CALL_TRACE, RIP_FRAME } from '../../src/lib/analysis/crash/formats.ts';
import { hangFrame, frameSkip, stallFrame } from '../../src/lib/analysis/crash/skip.ts';
import { normalizeTitle } from '../../src/lib/analysis/crash/normalize.ts';
import { demangle } from '../../src/lib/analysis/crash/demangle.ts';
import { crashSeverity, crashType } from '../../src/lib/analysis/crash/type.ts';

describe('skip list', () => {
	const skip = frameSkip();
	it('skips reporting plumbing, allocators, locking and string helpers', () => {
		for (const f of [
			'dump_stack_lvl',
			'panic',
			'__warn',
			'report_bug',
			'kasan_report',
			'__kmalloc',
			'kmem_cache_alloc',
			'_raw_spin_lock_irqsave',
			'mutex_lock_nested',
			'memcpy',
			'strlen',
			'copy_from_user',
			'refcount_warn_saturate',
			'__x86_indirect_thunk_rax'
		])
			expect(skip.test(f), f).toBe(true);
	});
	it('keeps ordinary kernel functions', () => {
		for (const f of ['tcp_v4_rcv', 'ext4_writepages', 'e1000e_update_stats', 'sock_sendmsg'])
			expect(skip.test(f), f).toBe(false);
	});
	it('adds a format’s own patterns', () => {
		expect(frameSkip(['^skb_']).test('skb_put')).toBe(true);
		expect(skip.test('skb_put')).toBe(false);
	});
});

describe('guilty frame', () => {
	const lines = [
		'general protection fault: 0000 [#1] SMP KASAN',
		'RIP: 0010:memcpy+0x12/0x20',
		'Code: 00',
		'Call Trace:',
		' <TASK>',
		' ? show_regs+0x1/0x2',
		' __x64_sys_mremap+0x10/0x20',
		' do_syscall_64+0x1/0x2'
	];
	it('takes the faulting PC unless it is generic, then the first surviving stack frame', () => {
		const r = guiltyFrame(lines, { parts: [RIP_FRAME, CALL_TRACE, 'stack'] });
		expect(r.raw).toBe('__x64_sys_mremap');
	});
	it('is poisoned by fault-injection frames', () => {
		const r = guiltyFrame([...lines.slice(0, 4), ' should_fail+0x1/0x2', ' foo+0x1/0x2'], {
			parts: [CALL_TRACE, 'stack']
		});
		expect(r.poisoned).toBe(true);
	});
	it('strips one syscall prefix; the shortest name is canonical', () => {
		expect(frameNames('__se_sys_mremap')).toEqual({
			canonical: 'mremap',
			all: ['__se_sys_mremap', 'sys_mremap', 'mremap']
		});
		expect(frameNames('__x64_sys_futex').canonical).toBe('sys_futex');
		expect(frameNames('tcp_v4_rcv')).toEqual({ canonical: 'tcp_v4_rcv', all: ['tcp_v4_rcv'] });
	});
	it('stall extractor names the callee of the first dispatcher', () => {
		expect(stallFrame(['foo', 'netlink_sendmsg', 'sock_sendmsg', '__sys_sendmsg'])).toBe(
			'netlink_sendmsg'
		);
		expect(stallFrame(['smp_call_function_single', 'on_each_cpu'])).toBe(
			'smp_call_function_single'
		);
		expect(stallFrame(['foo', 'bar'])).toBeNull();
	});
	it('hang extractor prefers rtnl_lock and RCU synchronisation, then skips scheduling', () => {
		expect(hangFrame(['__schedule', 'schedule', 'rtnl_lock', 'foo'])).toBe('rtnl_lock');
		expect(hangFrame(['schedule', 'synchronize_rcu_expedited', 'foo'])).toBe(
			'synchronize_rcu_expedited'
		);
		expect(hangFrame(['__schedule', 'schedule_timeout', 'wait_for_common', 'iterate_bdevs'])).toBe(
			'iterate_bdevs'
		);
	});
});

describe('title normalisation', () => {
	it('replaces executor names, addresses, numbers, offsets and CPU ids', () => {
		expect(normalizeTitle('BUG: spinlock bad magic on CPU#1, syz-executor3/12345')).toBe(
			'BUG: spinlock bad magic on CPU, syz-executor'
		);
		expect(normalizeTitle('BUG: unable to handle kernel paging request at ffff8801db9d4000')).toBe(
			'BUG: unable to handle kernel paging request at ADDR'
		);
		expect(normalizeTitle('UBSAN: shift-out-of-bounds in net/core/dev.c:123:45')).toBe(
			'UBSAN: shift-out-of-bounds in net/core/dev.c:LINE:NUM'
		);
		expect(normalizeTitle('kernel panic: Fatal exception in foo+0x1a/0x30 at 10.0.0.1')).toBe(
			'kernel panic: Fatal exception in foo at IP'
		);
		expect(normalizeTitle('WARNING in e1000e_update_stats')).toBe('WARNING in e1000e_update_stats');
	});
	it('cuts to 120 bytes, ASCII, single spaces', () => {
		const t = normalizeTitle(`panic: ${'x'.repeat(200)}\t é  end`);
		expect(t.length).toBe(120);
		expect(normalizeTitle('a\tb  c\u00e9')).toBe('a b c');
	});
});

describe('type and severity', () => {
	it('derives the syzkaller type from the title', () => {
		expect(crashType('KASAN: slab-use-after-free Write in foo')).toBe('KASAN-USE-AFTER-FREE-WRITE');
		expect(crashType('KASAN: slab-out-of-bounds Read in foo')).toBe('KASAN-READ');
		expect(crashType('KFENCE: invalid free in foo')).toBe('KFENCE-INVALID-FREE');
		expect(crashType('INFO: task hung in foo')).toBe('HANG');
		expect(crashType('possible deadlock in foo')).toBe('LOCKDEP');
		expect(crashType('WARNING in foo')).toBe('WARNING');
		expect(crashType('BUG: stack guard page was hit in foo')).toBeNull();
		expect(crashType('INFO: something else')).toBeNull();
	});
	it('ranks memory-safety writes and panics critical, faults and hangs high, warnings medium', () => {
		expect(crashSeverity('KASAN-USE-AFTER-FREE-READ', 'crash.kasan', false)).toBe('critical');
		expect(crashSeverity('KASAN-INVALID-FREE', 'crash.kasan', false)).toBe('critical');
		expect(crashSeverity('DoS', 'crash.gpf', false)).toBe('high');
		expect(crashSeverity('HANG', 'crash.rcu-stall', false)).toBe('high');
		expect(crashSeverity('WARNING', 'crash.warning', false)).toBe('medium');
		expect(crashSeverity('LOCKDEP', 'crash.lockdep', false)).toBe('medium');
		expect(crashSeverity(null, 'crash.other', false)).toBe('low');
		expect(crashSeverity('WARNING', 'crash.warning', true)).toBe('critical');
	});
});

describe('Rust v0 demangling', () => {
	it('names inherent and trait methods without generic arguments', () => {
		expect(demangle('_RNvMs3_NtCshgDM7dBCdno_11rust_binder7processNtB5_7Process10update_ref')).toBe(
			'<rust_binder::process::Process>::update_ref'
		);
		expect(
			demangle(
				'_RNvXs1b_NtCs9jEwPDbx20M_4core3fmtRNtNtNtB8_5panic10panic_info9PanicInfoNtB6_7Display3fmt'
			)
		).toBe('<&core::panic::panic_info::PanicInfo as core::fmt::Display>::fmt');
		expect(demangle('_RNvCscSpY9Juk0HT_7___rustc17rust_begin_unwind')).toBe(
			'__rustc::rust_begin_unwind'
		);
	});
	it('leaves C names and unreadable symbols alone', () => {
		expect(demangle('tcp_v4_rcv')).toBe('tcp_v4_rcv');
		expect(demangle('_RNvZZ')).toBe('_RNvZZ');
	});
});
