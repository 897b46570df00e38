import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultLocation, parseCallTrace, parseFrameLine } from '../../src/lib/analysis/stack.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';
import type { BlockLine } from '../../src/lib/models/error-block.ts';

const block = (texts: string[]): BlockLine[] =>
	texts.map((text, i) => ({ line: i + 1, text, ts: null, context: '' }));

describe('call-trace frames per architecture', () => {
	it('x86_64: offset, size, module, questionable frames', () => {
		const f = parseFrameLine(' ? e1000_clean+0x1a/0x230 [e1000e]', 3);
		expect(f).toMatchObject({
			function: 'e1000_clean',
			offset: '0x1a',
			size: '0x230',
			module: 'e1000e',
			reliable: false,
			line: 3
		});
		expect(parseFrameLine(' tcp_v4_rcv+0x10/0x20', 1)?.reliable).toBe(true);
		expect(parseFrameLine('RIP: 0010:foo+0x1/0x2', 1)).toBeNull();
	});

	it('i386 and s390: [<pc>] tokens before the symbol', () => {
		expect(parseFrameLine(' [<c040649a>] show_trace_log_lvl+0x1a/0x2f', 1)?.function).toBe(
			'show_trace_log_lvl'
		);
		expect(parseFrameLine(' ([<000000000010014e>] do_one_initcall+0xce/0x160)', 1)?.function).toBe(
			'do_one_initcall'
		);
	});

	it('arm64 (P) suffix and riscv frames', () => {
		expect(parseFrameLine(' selinux_socket_sendmsg+0x28/0x58 (P)', 1)).toMatchObject({
			function: 'selinux_socket_sendmsg',
			reliable: true
		});
		expect(parseFrameLine('[<ffffffff8000f3a6>] riscv_irq+0x1c/0x30', 1)?.function).toBe(
			'riscv_irq'
		);
	});

	it('powerpc (unreliable) frames and dot symbols', () => {
		const f = parseFrameLine(
			'[c00000007a3efa20] [c00000000030a060] rebuild_sched_domains_locked+0x7b0/0x13a0 (unreliable)',
			1
		);
		expect(f).toMatchObject({ function: 'rebuild_sched_domains_locked', reliable: false });
		expect(
			parseFrameLine('[c0000000fe1bfa90] [c0000000000d4a40] .pseries_remove+0x40/0x90', 1)?.function
		).toBe('.pseries_remove');
	});

	it('arm (a) from (b) lines give both frames', () => {
		const frames = parseCallTrace(
			block([
				'Backtrace:',
				'[<c010e15c>] (unwind_backtrace) from [<c010b6e0>] (show_stack+0x10/0x14)',
				'[<c010b6e0>] (show_stack) from [<c06f54ec>] (dump_stack+0x88/0x9c)'
			])
		);
		expect(frames.map((f) => f.function)).toEqual(['unwind_backtrace', 'show_stack', 'dump_stack']);
	});

	it('tracks irq/nmi/task contexts and stops at the allocation stack', () => {
		const frames = parseCallTrace(
			block([
				'BUG: KASAN: use-after-free in foo+0x1/0x2',
				'Call Trace:',
				' <IRQ>',
				' foo+0x1/0x2',
				' </IRQ>',
				' <TASK>',
				' bar+0x1/0x2',
				'Allocated by task 1:',
				' kmalloc+0x1/0x2'
			])
		);
		expect(frames.map((f) => [f.function, f.context])).toEqual([
			['foo', 'irq'],
			['bar', 'task']
		]);
	});

	it('reads traces printed without a Call Trace line (old kernels)', () => {
		const frames = parseCallTrace(
			block([
				'WARNING: at /tmp/oops.c:5 modinit() (Not tainted)',
				'Pid: 8190, comm: insmod Not tainted 2.6.24 #1',
				' [<c0407061>] dump_stack+0x6c/0x72',
				' [<e024e03d>] modinit+0x38/0x3f [oops]'
			])
		);
		expect(frames.map((f) => f.function)).toEqual(['dump_stack', 'modinit']);
		expect(frames[1].module).toBe('oops');
	});

	it('finds the fault location on every architecture', () => {
		const at = (t: string) => faultLocation(block([t]));
		expect(at('RIP: 0010:tcp_v4_rcv+0x10/0x20')).toBe('tcp_v4_rcv+0x10/0x20');
		expect(at('RIP: 0010:[<ffffffff81234>]  [<ffffffff81234>] foo+0x1/0x2 [bar]')).toBe(
			'foo+0x1/0x2 [bar]'
		);
		expect(at('EIP: ext3_new_block+0x82/0x6e0 [ext3]')).toBe('ext3_new_block+0x82/0x6e0 [ext3]');
		expect(at('EIP is at ext3_new_block+0x82/0x6e0')).toBe('ext3_new_block+0x82/0x6e0');
		expect(at('pc : brcmf_rx_frame+0x24/0x1a0 [brcmfmac]')).toBe(
			'brcmf_rx_frame+0x24/0x1a0 [brcmfmac]'
		);
		expect(at('PC is at shmem_getpage_gfp+0x584/0x72c')).toBe('shmem_getpage_gfp+0x584/0x72c');
		expect(at('NIP [c000000000441188] .avc_has_perm+0x48/0x1f0')).toBe('.avc_has_perm+0x48/0x1f0');
		expect(at(' epc : riscv_fault+0x1c/0x30')).toBe('riscv_fault+0x1c/0x30');
		expect(
			at('Krnl PSW : 0704c00180000000 000003ff800fe0d6 (will_oops_init+0x16/0x38 [will_oops])')
		).toBe('will_oops_init+0x16/0x38 [will_oops]');
		expect(at('RIP: 0033:0x7f4117ebd1b7')).toBeNull();
	});
});

describe('frames of the code an exception interrupted', () => {
	const fixtureText = (...path: string[]) =>
		readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', ...path), 'utf8');
	const frameNames = async (log: string, title: string) => {
		const { findings } = await analyzeText(log);
		const f = findings.find((x) => x.title === title);
		return f?.stack?.frames.map((fr) => fr.function) ?? [];
	};

	it('go on after the trap frame, its RIP:, Code: and registers (4.19 x86, panic_on_warn)', async () => {
		// syzkaller log 400: `Call Trace:` holds the trap's own frames down to invalid_op; the
		// frames of the code that hit the WARN come after its registers, with no header
		const names = await frameNames(
			fixtureText('syzkaller', '400.log'),
			'WARNING in blk_sync_queue'
		);
		expect(names.slice(0, 3)).toEqual(['__dump_stack', 'dump_stack', 'panic']);
		const trap = names.indexOf('invalid_op');
		expect(trap).toBeGreaterThan(0);
		// the guilty frame, which the report marks, is among them
		expect(names.slice(trap + 1, trap + 5)).toEqual([
			'__cancel_work_timer',
			'cancel_work_sync',
			'blk_sync_queue',
			'blk_cleanup_queue'
		]);
		expect(names.at(-1)).toBe('ret_from_fork');
	});

	it('go on after an interrupt frame inside <TASK> (5.13 x86, a real pstore)', async () => {
		// i225nic pstore: <IRQ> ... </IRQ> <TASK> asm_common_interrupt, RIP: cpuidle_enter_state,
		// Code:, registers, then the idle task's frames up to </TASK>
		const names = await frameNames(
			fixtureText('formats', 'real', 'i225nic-pstore-panic-log-txt.log'),
			'WARNING: refcount bug in tcp_wfree'
		);
		const irq = names.indexOf('asm_common_interrupt');
		expect(irq).toBeGreaterThan(0);
		expect(names.slice(irq + 1)).toEqual([
			'cpuidle_enter_state',
			'cpuidle_enter',
			'call_cpuidle',
			'do_idle',
			'cpu_startup_entry',
			'start_secondary',
			'secondary_startup_64_no_verify'
		]);
	});

	it('stop at a system call’s user registers, before the next report in the block', () => {
		// the shape of syzkaller log 396: a trace ending in the syscall entry, its user-mode
		// RIP (segment 0033) and Code:, then another report of the same task
		const frames = parseCallTrace(
			block([
				'WARNING: held lock freed!',
				'Call Trace:',
				' sock_close+0x16/0x20 net/socket.c:1200',
				' do_syscall_64+0x103/0x610 arch/x86/entry/common.c:290',
				' entry_SYSCALL_64_after_hwframe+0x49/0xbe',
				'RIP: 0033:0x447269',
				'Code: e8 7c 14 03 00 48 83 c4 18 c3 0f 1f 80 00 00 00 00 48 89 f8 48 89 f7',
				'RSP: 002b:00007ffd2b6d8e28 EFLAGS: 00000246 ORIG_RAX: 0000000000000003',
				'BUG: KASAN: use-after-free in do_raw_spin_lock+0x28a/0x2e0',
				'Call Trace:',
				' dump_stack+0x172/0x1f0',
				' kasan_report+0x12/0x20'
			])
		);
		expect(frames.map((f) => f.function)).toEqual([
			'sock_close',
			'do_syscall_64',
			'entry_SYSCALL_64_after_hwframe'
		]);
	});
});
