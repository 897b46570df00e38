/**
 * Crash findings of real logs that stated more, or less, than their logs show: watchdog reports
 * of different CPUs and tasks printed back to back (crash-dmesg-vmcore); a panic whose oops lost its
 * header, with the oops's registers before it (lkp-74); an i386 2.6.24 `BUG()` whose trace is
 * die()'s (kerneloops-i386-bug-on); RCU stalls that name what stalled (lkp-41, lkp-57).
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, crashesOf } from '../support/analyze.ts';
import { I386_BUG, LKP41_STALL, LKP74 } from '../support/excerpts.ts';
import { CRASH_DMESG_HARD_LOCKUP, CRASH_DMESG_HUNG_KVM, LKP57_STALL } from '../support/excerpts.ts';

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

describe('a `Fatal exception` panic whose oops header is outside the log', () => {
	it('reads the faulting PC and registers printed before it (lkp-74: had no location, frames or registers)', async () => {
		const [f] = await crashesOf(LKP74);
		// syzbot's title of the damaged form stays, and so does its corruption
		expect([f.title, f.details.corrupted]).toEqual(['kernel panic: Fatal exception', true]);
		expect(f.stack!.fault_location).toBe('string_nocheck+0x59/0xb0');
		expect(f.stack!.frames.map((fr) => [fr.function, fr.line])).toEqual([['string_nocheck', 1]]);
		// string formatting that faulted on a bad pointer is generic (the taxonomy's skipped
		// frames): without the trace, the caller that passed it is unknown
		expect(f.stack!.guilty_frame).toBeNull();
		expect(f.details.registers).toEqual(LKP74.slice(0, 6).map((l) => l.slice(25)));
		// the oops's lines are the finding's, from its `EIP:` line (they had belonged to no report)
		expect([f.first_line, f.last_line]).toEqual([1, 8]);
		expect(f.evidence.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(f.details.corrupted_reason).toBe(
			'the oops this panic ends lost its header and trace: the log holds only its registers (from line 1), whose faulting PC is string_nocheck+0x59/0xb0'
		);
	});

	it('names a faulting function that is not generic as the guilty frame', async () => {
		// the same lines with another function in the `EIP:` line
		const rip = ['[    0.043841 ][    T0 ] EIP: ext4_fill_super+0x59/0xb0', ...LKP74.slice(1)];
		const [f] = await crashesOf(rip);
		expect(f.title).toBe('kernel panic: Fatal exception');
		expect(f.stack!.guilty_frame).toBe('ext4_fill_super');
	});
});

describe('an old i386 `BUG()` whose trace is die()’s', () => {
	it('leaves the exception path out of the trace and names the interrupted caller (had kept 7 frames of die() between modinit and sys_init_module, and no caller)', async () => {
		const [f] = await crashesOf(I386_BUG);
		expect(f.title).toBe('kernel BUG in modinit');
		expect(f.stack!.frames.map((fr) => fr.function)).toEqual([
			'modinit',
			'sys_init_module',
			'syscall_call'
		]);
		expect(f.details.called_from).toEqual(['sys_init_module']);
	});
});

describe('an RCU stall', () => {
	it('names what held up the grace period: no CPU, the starved grace-period kthread (lkp-41: had said nothing of either)', async () => {
		const [f] = await crashesOf(LKP41_STALL);
		expect(f.rule).toBe('crash.rcu-stall');
		// the task dumped is the idle task of the CPU that noticed, not a stalled one
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([null, null, null]);
		expect(f.explanation.meaning).toContain(
			'No CPU or task held up the grace period (`All QSes seen`): the trace printed is of the CPU that noticed, not of a stalled one. The grace-period kthread rcu_sched had not run for 10002 jiffies (`rcu_sched kthread starved`), so grace periods could not end, and that is the whole stall.'
		);
	});

	it('names the CPU that stalled and its task (lkp-57: had no cpu, pid or comm)', async () => {
		const [f] = await crashesOf(LKP57_STALL);
		expect(f.rule).toBe('crash.rcu-stall');
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([0, 1, 'swapper/0']);
		expect(f.explanation.meaning).toContain(
			'Here CPU 0 reported its own stall, running swapper/0 (pid 1): the trace of the stalled CPU is where it was stuck.'
		);
	});

	it('says the stalled CPU ran the boot’s W+X check (lkp-57: a KASAN guest’s page-table walk)', async () => {
		const [f] = await crashesOf(LKP57_STALL);
		expect(f.explanation.meaning).toContain(
			'Here the stalled CPU was running the check for memory both writable and executable (W+X)'
		);
		// a stall elsewhere says nothing of it
		const other = LKP57_STALL.filter(
			(l) => !l.includes('checkwx') && !l.includes('mark_rodata_ro')
		);
		const [g] = await crashesOf(other);
		expect(g.explanation.meaning).not.toContain('W+X');
	});
});
