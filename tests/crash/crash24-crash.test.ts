/**
 * Crash findings that named the wrong thing or linked what the log does not tie: RCU stalls whose
 * `CPU:` line is of another CPU than the stalled one (syzkaller reports 612, 688 and 720,
 * fixtures/syzkaller); ARM alignment traps and unhandled faults that counted as ending their boot.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { crashesOf } from '../support/analyze.ts';
import { fixture } from '../support/fixtures.ts';
import { ingestText } from '../ingestion/helpers.ts';

async function stallOf(name: string) {
	const r = await analyzeText(fixture(name));
	const [f] = r.findings.filter((x) => x.rule === 'crash.rcu-stall');
	return f;
}

describe('an RCU stall names what stalled, not the CPU the grace-period kthread last ran on', () => {
	it('a blocked reader: the task dumped after `Tasks blocked on`, not `Stack dump where RCU GP kthread last ran:`’s NMI backtrace (syzkaller 720: had been CPU 0, pid 9452)', async () => {
		const f = await stallOf('syzkaller/720.log');
		// `Tasks blocked on level-0 rcu_node (CPUs 0-1): P9294/1:b..l`: the CPUs are the node's range
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([null, 9294, 'syz-executor']);
		expect(f.explanation.meaning).toContain(
			'Here the rcu_preempt grace period waited for 10002 jiffies for syz-executor (pid 9294), preempted inside an RCU read-side critical section (`Tasks blocked on … rcu_node`): its trace is where the reader was.'
		);
	});

	it('the same with the reader’s dump as the trace (syzkaller 612: had been CPU 1, pid 17698)', async () => {
		const f = await stallOf('syzkaller/612.log');
		expect(f.title).toBe('INFO: rcu detected stall in ext4_file_read_iter');
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([null, 17688, 'syz-executor.0']);
	});

	it('a self-detected stall: the CPU listed, not the kthread’s last CPU dumped first (syzkaller 688: had said `CPUs 1 and 0 reported its own stall`)', async () => {
		const f = await stallOf('syzkaller/688.log');
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([1, 1429, 'syz-executor913']);
		expect(f.explanation.meaning).toContain(
			'Here CPU 1 reported its own stall for 10500 jiffies, running syz-executor913 (pid 1429): the trace of the stalled CPU is where it was stuck.'
		);
	});

	it('keeps an NMI backtrace’s `CPU:` line that is of the stalled CPU (syzkaller 492)', async () => {
		const f = await stallOf('syzkaller/492.log');
		expect([f.details.cpu, f.details.pid, f.details.comm]).toEqual([0, 28547, 'syz-executor.1']);
	});
});

const bootNotes = (lines: string[]) =>
	ingestText(lines.join('\n') + '\n').summary.input.warnings.filter((w) =>
		w.startsWith('The log of boot')
	);

/** a dmesg of two boots (kernel/printk's `[ts]` times): the first stops 3 s in */
const boot = (lastLines: string[]) => [
	'[    0.000000] Linux version 6.6.63 (builder@host) (gcc 13.2.1) #1 SMP PREEMPT Wed Mar 12 09:04:00 CST 2025',
	'[    0.000000] Machine model: example board',
	'[    1.204512] mmc0: new high speed SDHC card at address aaaa',
	...lastLines
];
const NEXT = boot([
	'[    2.500000] Run /sbin/init as init process',
	'[   45.000000] eth0: link up'
]);
const STOPPED = /^The log of boot 0 \(lines 1-\d+\) stops 3\.2 s after the kernel started/;

/**
 * syzkaller report 242 lines 1-4 (fixtures/syzkaller, ARM, 4.17-rc1): the kernel's alignment trap
 * and the `Unhandled fault:` after it, before their `Internal error:` oops, times added
 */
const KERNEL_ALIGNMENT = [
	'[    3.100000] Alignment trap: not handling instruction e1932f9f at [<8028bd58>]',
	'[    3.100100] Unhandled fault: alignment exception (0x001) at 0x000008ad',
	'[    3.100200] pgd = 522df9df',
	'[    3.215007] [000008ad] *pgd=8c7d2835, *pte=00000000, *ppte=00000000'
];

describe('ARM alignment traps and unhandled faults end a boot only when the log shows they may have', () => {
	/**
	 * A user-space alignment trap in the form arch/arm/mm/alignment.c prints it (`ai_usermode`
	 * warn): `Alignment trap: %s (%d) PC=0x%08lx Instr=0x%0*lx Address=0x%08lx FSR 0x%03x`. No corpus
	 * log holds one; the line is built from that format.
	 */
	const USER_TRAP =
		'[    2.800000] Alignment trap: gst-launch-1.0 (812) PC=0x76e1a2b4 Instr=0xe5913000 Address=0x0002a1c3 FSR 0x001';

	it('a user-space alignment trap is no kernel report: no crash finding (had been `Alignment trap in corrupted`, high), and the boot that stopped after it is said to (had said nothing)', async () => {
		const lines = [
			...boot([USER_TRAP, '[    3.215007] mmcblk0: mmc0:aaaa SC16G 14.8 GiB']),
			...NEXT
		];
		expect(await crashesOf(lines)).toEqual([]);
		expect(bootNotes(lines)).toEqual([expect.stringMatching(STOPPED)]);
	});

	it('an `Unhandled fault:` the machine went on after does not count (had said nothing of the stopped boot)', () => {
		// syzkaller report 548 lines 2-4 (ARM, its times moved into the boot), then the boot going on
		const lines = [
			...boot([
				'[    3.000000] Unhandled fault: page domain fault (0x01b) at 0x00000e30',
				'[    3.000100] pgd = e852c1e3',
				'[    3.000200] [00000e30] *pgd=e8c3e835',
				'[    3.215007] mmcblk0: mmc0:aaaa SC16G 14.8 GiB'
			]),
			...NEXT
		];
		expect(bootNotes(lines)).toEqual([expect.stringMatching(STOPPED)]);
	});

	it('a kernel alignment trap the boot ends in may have ended it: no note', () => {
		expect(bootNotes([...boot(KERNEL_ALIGNMENT), ...NEXT])).toEqual([]);
	});

	it('keeps the kernel alignment trap’s report (syzkaller 242, titled as syzkaller does)', async () => {
		const [f] = await crashesOf(fixture('syzkaller/242.log').split('\n'));
		expect(f.title).toBe('Alignment trap in corrupted');
	});
});
