import { describe, expect, it } from 'vitest';
import {
	decodeTaint,
	lockdepIdentTaint,
	parenTaint,
	taintFromCpuLine
} from '../../src/lib/util/taint.ts';

describe('taint decoding', () => {
	it('decodes every documented letter of the letter form', () => {
		const t = decodeTaint('PFSRMBUDAWCIOELKXTNJ');
		expect(t.flags.map((f) => f.letter).join('')).toBe('PFSRMBUDAWCIOELKXTNJ');
		expect(t.unknown).toEqual([]);
		for (const f of t.flags) expect(f.description.length).toBeGreaterThan(10);
	});
	it('ignores G and blanks, reports unknown letters', () => {
		const t = decodeTaint('G        W  OE  Z');
		expect(t.flags.map((f) => f.name)).toEqual(['WARN', 'OOT_MODULE', 'UNSIGNED_MODULE']);
		expect(t.unknown).toEqual(['Z']);
	});
	it('decodes the list form of new kernels', () => {
		const t = decodeTaint('[W]=WARN, [O]=OOT_MODULE, [Y]=FUTURE_FLAG');
		expect(t.flags.map((f) => f.letter)).toEqual(['W', 'O']);
		expect(t.unknown).toEqual(['Y=FUTURE_FLAG']);
	});
	it('extracts the letters from a CPU line', () => {
		expect(
			taintFromCpuLine('CPU: 0 PID: 1 Comm: swapper/0 Tainted: P        W  O      6.1.0 #1')
		).toBe('P        W  O');
		expect(taintFromCpuLine('CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.0 #1')).toBeNull();
	});
	it('reads the taint and release of lockdep identity lines (real logs)', () => {
		// lkp-75.log line 3, satyr-gitlog-12.log line 3, satyr-gitlog-02.log
		expect(lockdepIdentTaint('5.10.110-00159-g58823a9b097c #1 Not tainted')).toEqual({
			taint: null,
			version: '5.10.110-00159-g58823a9b097c'
		});
		expect(lockdepIdentTaint('3.4.0 #3257 Tainted: G        W')).toEqual({
			taint: 'G        W',
			version: '3.4.0'
		});
		expect(lockdepIdentTaint('3.4.0-00009-g3e96082-dirty #11 Not tainted  ')).toEqual({
			taint: null,
			version: '3.4.0-00009-g3e96082-dirty'
		});
		expect(lockdepIdentTaint('6.1.0-rc1-syzkaller #0 Not tainted')?.version).toBe(
			'6.1.0-rc1-syzkaller'
		);
		// RHEL 7's form (constructed): dashes are unset flags
		expect(
			lockdepIdentTaint('3.10.0-957.el7.x86_64 #1 Tainted: G           ------------ T')
		).toEqual({ taint: 'G           ------------ T', version: '3.10.0-957.el7.x86_64' });
	});
	it('reads no lockdep identity from other lines starting with a digit', () => {
		for (const line of [
			'3.4.0 #3257',
			'3.4.0 Not tainted',
			'3.4.0 #1 Not tainted yet',
			'3.4.0 #1 Tainted: ',
			'3.4.0 #1 Tainted: G W and more',
			'10 #1 Not tainted',
			'1 of 2 CPUs Not tainted',
			'0000:00:1f.3 #1 Not tainted'
		])
			expect(lockdepIdentTaint(line)).toBeNull();
	});
	it('reads the taint in parentheses of SLUB and old WARNING lines (real logs)', () => {
		// satyr-gitlog-19.log line 2, satyr-gitlog-30.log line 2, kerneloops-i386-bug-on.log line 429
		expect(parenTaint('BUG numa_policy (Not tainted): Poison overwritten')).toEqual({
			taint: null
		});
		expect(parenTaint('BUG kmalloc-4096 (Tainted: G          I ): Poison overwritten')).toEqual({
			taint: 'G          I'
		});
		expect(parenTaint('BUG kmalloc-64 (Tainted: G    B      ): Poison overwritten')).toEqual({
			taint: 'G    B'
		});
		expect(parenTaint('WARNING: at /tmp/oops.c:5 modinit() (Not tainted)')).toEqual({
			taint: null
		});
		expect(
			parenTaint('WARNING: at kernel/sched.c:5100 __might_sleep+0x5a/0x70() (Tainted: G      D)')
		).toEqual({ taint: 'G      D' });
	});
	it('reads no parenthesised taint from other BUG and WARNING lines', () => {
		for (const line of [
			'BUG: KASAN: use-after-free in f+0x1/0x2',
			'BUG: unable to handle kernel NULL pointer dereference at 0000000000000008',
			'BUG kmalloc-64 (Not tainted)',
			'BUG kmalloc-64: Poison overwritten (Not tainted)',
			'BUG kmalloc-64 (Tainted: ): Poison overwritten',
			'WARNING: at kernel/foo.c:12 f()',
			'WARNING: at kernel/foo.c:12 f() (Not tainted) again',
			'WARNING: at (Not tainted)',
			'WARNING: CPU: 0 PID: 1 at kernel/foo.c:12 f+0x1/0x2',
			'WARNING: possible circular locking dependency detected'
		])
			expect(parenTaint(line)).toBeNull();
	});
});
