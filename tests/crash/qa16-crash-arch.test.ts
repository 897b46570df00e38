/**
 * Crash reports of the architectures neither corpus had (riscv, mips, loongarch) and of those it
 * had little of (s390, powerpc, arm 32-bit), and crash families of the real-log corpus that had
 * no title test. Real logs are quoted verbatim with their names; the reports of riscv, mips,
 * loongarch and of newer s390, powerpc and arm kernels were written from the kernel's own format
 * strings (the kernel version is named for each), as the corpus has none of them.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';

const analyze = (lines: string[]) => analyzeText(lines.join('\n') + '\n');
const crashes = async (lines: string[]) =>
	(await analyze(lines)).findings.filter((f) => f.category === 'crash');

describe('a report the log ends inside', () => {
	// lkp-41.log (intel/lkp-tests, 4.8), lines 4-6, 10-12, 29-30, 37-46, 50-52, 57-58 and 63-66
	// (the last lines of the log): an RCU stall whose stalled CPU's trace is complete (down to
	// x86_64_start_kernel), then the starved grace-period kthread's trace, which the log ends in
	const LKP41 = [
		'[  103.985562] INFO: rcu_sched detected stalls on CPUs/tasks:',
		'[  103.986766] All QSes seen, last rcu_sched kthread activity 10002 (4294947638-4294937636), jiffies_till_next_fqs=1, root ->qsmask 0x0',
		'[  103.987881] swapper/0       R  running task    13504     0      0 0x00080000',
		'[  103.990774] Call Trace:',
		'[  103.991008]  <IRQ>  [<ffffffffbb0be4e5>] sched_show_task+0xfa/0x107',
		'[  103.991611]  [<ffffffffbb0f4419>] print_other_cpu_stall+0x369/0x3de',
		'[  104.000954]  [<ffffffffbbbeca14>] apic_timer_interrupt+0x84/0x90',
		'[  104.001515]  <EOI>  [<ffffffffbb0b85f7>] ? blocking_notifier_chain_cond_register+0x5f/0x5f',
		'[  104.005490]  [<ffffffffbb0cfc4f>] cpu_idle_loop+0xf5/0x12b',
		'[  104.005988]  [<ffffffffbb0cfce7>] cpu_startup_entry+0x62/0x69',
		'[  104.006504]  [<ffffffffbbbe5947>] rest_init+0xbe/0xc5',
		'[  104.006965]  [<ffffffffbbbe5889>] ? csum_partial_copy_generic+0x169/0x169',
		'[  104.007603]  [<ffffffffbc58f36b>] start_kernel+0x420/0x422',
		'[  104.008119]  [<ffffffffbc58ed81>] ? set_init_arg+0x5d/0x5d',
		'[  104.008622]  [<ffffffffbc58e234>] x86_64_start_reservations+0x29/0x2b',
		'[  104.009212]  [<ffffffffbc58e507>] x86_64_start_kernel+0xe2/0xf1',
		'[  104.009764] rcu_sched kthread starved for 10002 jiffies! g18446744073709551366 c18446744073709551365 f0x0 RCU_GP_DONE_GPS(2) ->state=0x2',
		'[  104.010868] rcu_sched       D ffff975b54037a08 13792     8      2 0x00080000',
		'[  104.013758] Call Trace:',
		'[  104.013985]  [<ffffffffbb0bd84f>] ? preempt_latency_start+0x25/0x5c',
		'[  104.014558]  [<ffffffffbbbe736d>] schedule+0xa2/0xba',
		'[  104.017255]  [<ffffffffbb0f1a73>] rcu_gp_slow+0x2e/0x30',
		'[  104.017741]  [<ffffffffbb0f5978>] rcu_gp_init+0x141/0x454',
		'[  104.020477]  [<ffffffffbb0f600d>] rcu_gp_kthread+0x112/0x52e',
		'[  104.021027]  [<ffffffffbb0c90e3>] ? update_curr+0xc0/0x10b',
		'[  104.021544]  [<ffffffffbb0c4d98>] ? pick_next_entity+0xd0/0xdc',
		'[  104.022076]  [<ffffffffbbbe70f2>] ? __schedule+0x32d/0x34c'
	];

	it("is cut short when the log ends inside another task's trace printed after its own (lkp-41)", async () => {
		const [f] = await crashes(LKP41);
		expect(f.title).toBe('INFO: rcu detected stall in cpu_idle_loop');
		// the finding's trace is the stalled CPU's, complete; the kthread's never reached `kthread`
		expect(f.stack!.frames.at(-1)!.function).toBe('x86_64_start_kernel');
		expect(f.details.cut_short).toBe(true);
	});

	it('is not cut short when that trace is complete', async () => {
		const whole = [
			...LKP41,
			'[  104.022600]  [<ffffffffbb0b1a2c>] kthread+0xd4/0xdc',
			'[  104.023100]  [<ffffffffbbbec9df>] ret_from_fork+0x1f/0x40'
		];
		const [f] = await crashes(whole);
		expect(f.details).not.toHaveProperty('cut_short');
	});
});
