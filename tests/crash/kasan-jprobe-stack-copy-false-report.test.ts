/**
 * KASAN's own false report of a jprobe's stack copy: `stack-out-of-bounds` in setjmp_pre_handler
 * through memcpy() is a low notice that says so, not a high memory-safety bug to decode and report.
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';
import { LKP_KASAN02_JPROBE as KASAN_02 } from '../support/excerpts.ts';

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
