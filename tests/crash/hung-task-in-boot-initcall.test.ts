/**
 * A hung task in the boot's initcalls (the init thread in do_one_initcall() under
 * kernel_init_freeable()) is explained as the boot hung in a built-in driver's or self-test's init
 * function, with `initcall_debug` and `initcall_blacklist=` as steps, not as a task waiting for
 * storage or NFS.
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';
import { LKP28_HUNG_AT_BOOT } from '../support/excerpts.ts';

describe('a task hung in a boot initcall', () => {
	it('says the boot hung in that init function, not in storage (lkp-28.log)', async () => {
		const [c] = await crashesOf(LKP28_HUNG_AT_BOOT);
		expect([c.rule, c.title, c.severity]).toEqual([
			'crash.hung-task',
			'INFO: task hung in test_rht_init',
			'critical'
		]);
		const e = c.explanation;
		expect(e.meaning).toMatch(/^The boot itself hung: .*\(initcall\)/);
		expect(e.meaning).toContain('Here the kernel then panicked');
		const steps = e.next_steps.join('\n');
		expect(steps).toContain('initcall_blacklist=<function>');
		expect(steps).toContain('initcall_debug');
		expect(steps).not.toMatch(/storage, NFS/);
	});

	it('keeps the generic explanation without the boot’s initcall frames', async () => {
		const lines = LKP28_HUNG_AT_BOOT.filter(
			(l) => !/do_one_initcall|kernel_init_freeable|do_basic_setup/.test(l)
		);
		const [c] = await crashesOf(lines);
		expect(c.rule).toBe('crash.hung-task');
		expect(c.explanation.meaning).toMatch(/^A task waited in uninterruptible sleep/);
		expect(c.explanation.next_steps.join('\n')).toMatch(/storage, NFS/);
	});
});
