/**
 * Crash findings of real logs that stated more, or less, than their logs show: watchdog reports
 * of different CPUs and tasks printed back to back (crash-dmesg-vmcore).
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../support/analyze.ts';
import { CRASH_DMESG_HARD_LOCKUP, CRASH_DMESG_HUNG_KVM } from '../support/excerpts.ts';

describe('watchdog reports of different CPUs and tasks printed back to back', () => {
	it('are separate events: a hung vCPU thread right after CPU 37’s hard lockup does not follow it (had `follows_line` 1)', async () => {
		const r = await analyzeLines([...CRASH_DMESG_HARD_LOCKUP, ...CRASH_DMESG_HUNG_KVM]);
		const [lockup, hung] = r.findings;
		expect([lockup.rule, hung.rule]).toEqual(['crash.hard-lockup', 'crash.hung-task']);
		expect(hung.details.follows_line).toBeNull();
		// still linked: it waits in synchronize_sched() for a grace period the locked-up CPU holds
		// up (cascades.ts), which the log shows
		expect(hung.related).toEqual([lockup.id]);
	});

	it('are not related when nothing in the log ties them (had been related for being printed without a gap)', async () => {
		const io = CRASH_DMESG_HUNG_KVM.filter((l) => !l.includes('synchronize_sched'));
		const r = await analyzeLines([...CRASH_DMESG_HARD_LOCKUP, ...io]);
		const [lockup, hung] = r.findings;
		expect([lockup.rule, hung.rule]).toEqual(['crash.hard-lockup', 'crash.hung-task']);
		expect(hung.details.follows_line).toBeNull();
		expect(lockup.related).toEqual([]);
		expect(hung.related).toEqual([]);
	});
});
