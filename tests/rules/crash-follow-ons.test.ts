import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import {
	FIPS_OOPS,
	LKP48_GPF,
	LKP48_KASAN,
	LKP57_HUNG,
	LKP57_STALL,
	LKP72_LEAK_THEN_ATOMIC
} from '../support/excerpts.ts';

// lkp-48.log (lines 3-66): KASAN catches a wild access, then the access faults (CONFIG_KASAN_INLINE)
const KASAN_THEN_GPF = [...LKP48_KASAN, ...LKP48_GPF].join('\n');

// lkp-57.log (lines 4-70): CPU 0 stalls in mark_rodata_ro(), then rcu_perf_writer hangs in
// synchronize_sched()
const STALL_THEN_HUNG = [...LKP57_STALL, ...LKP57_HUNG].join('\n');

// lkp-bad-rss-counter-02.log lines 2-9: check_mm()'s line among seccomp audit lines
const RSS = [
	'[   77.942409] audit: type=1326 audit(1621988597.409:32): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1752 comm="trinity-c3" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0',
	'[   78.934719] audit: type=1326 audit(1621988598.402:33): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1734 comm="trinity-c0" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0',
	'[   79.022900] audit: type=1326 audit(1621988598.490:34): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1766 comm="trinity-c0" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0',
	'[   80.051123] BUG: Bad rss-counter state mm:0000000002d98df7 type:MM_ANONPAGES val:512',
	'[   80.071356] audit: type=1326 audit(1621988599.539:35): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1776 comm="trinity-c5" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0',
	'[   80.204813] audit: type=1326 audit(1621988599.669:36): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1758 comm="trinity-c3" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0',
	'[   80.220148] audit: type=1326 audit(1621988599.687:37): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1779 comm="trinity-c3" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0',
	'[   80.320925] audit: type=1326 audit(1621988599.788:38): auid=4294967295 uid=65534 gid=65534 ses=4294967295 pid=1780 comm="trinity-c3" exe="/bin/trinity" sig=9 arch=40000003 syscall=19 compat=1 ip=0xf7fbb549 code=0x0'
];

/** the lines with their kernel times moved by `dt` seconds */
function shifted(lines: string[], dt: number): string[] {
	return lines.map((l) =>
		l.replace(
			/^\[ *(\d+\.\d+)\]/,
			(_m, t: string) => `[${(Number(t) + dt).toFixed(6).padStart(12)}]`
		)
	);
}

function rules(r: AnalysisResult): string[][] {
	const byId = new Map(r.findings.map((f) => [f.id, f.rule]));
	return r.cascades.map((c) => c.chain.map((id) => byId.get(id)!));
}

describe('crash reports that follow from an earlier one', () => {
	it('links a KASAN report to the fault of the same access (lkp-48)', async () => {
		const r = await analyzeText(KASAN_THEN_GPF);
		expect(rules(r)).toEqual([['crash.kasan', 'crash.gpf']]);
		expect(r.cascades[0].description).toBe(
			'KASAN: wild-memory-access Read → general protection fault in init_real_cpu_mask'
		);
		expect(r.cascades[0].links[0].certainty).toBe('probable');
		expect(r.summary.root_cause).toBe(r.cascades[0].chain[0]);
		// titles are those syzkaller gives
		expect(r.findings.map((f) => f.title).sort()).toEqual([
			'KASAN: wild-memory-access Read',
			'general protection fault in init_real_cpu_mask'
		]);
	});

	it('does not link a fault elsewhere or by another task', async () => {
		const elsewhere = KASAN_THEN_GPF.replace(
			'RIP: 0010:[<ffffffff83a0b6e7>]  [<ffffffff83a0b6e7>] init_real_cpu_mask+0x77/0x150',
			'RIP: 0010:[<ffffffff83a0b6e7>]  [<ffffffff83a0b6e7>] init_real_cpu_mask+0x80/0x150'
		);
		expect(rules(await analyzeText(elsewhere))).toEqual([]);
		const other = KASAN_THEN_GPF.replace(
			'CPU: 0 PID: 1 Comm: swapper/0 Tainted: G    B           4.8.0-rc1 #111',
			'CPU: 0 PID: 77 Comm: modprobe Tainted: G    B           4.8.0-rc1 #111'
		);
		expect(rules(await analyzeText(other))).toEqual([]);
	});

	it('links an RCU stall to a task hung waiting for a grace period (lkp-57)', async () => {
		const r = await analyzeText(STALL_THEN_HUNG);
		expect(rules(r)).toEqual([['crash.rcu-stall', 'crash.hung-task']]);
		expect(r.cascades[0].description).toBe(
			'INFO: rcu detected stall in kernel_init → INFO: task hung in synchronize_rcu'
		);
	});

	it('does not link a task hung for another reason after a stall', async () => {
		const io = STALL_THEN_HUNG.split('\n')
			.filter((l) => !/synchronize_|__wait_rcu_gp/.test(l))
			.join('\n');
		expect(rules(await analyzeText(io))).toEqual([]);
	});

	it('links a workqueue leaked lock or atomic to its worker scheduling while atomic (lkp-72)', async () => {
		const r = await analyzeText(LKP72_LEAK_THEN_ATOMIC.join('\n'));
		expect(rules(r)).toEqual([['crash.workqueue', 'crash.atomic-sleep']]);
		expect(r.cascades[0].description).toBe(
			'BUG: workqueue leaked lock or atomic in stress_inorder_work → BUG: scheduling while atomic in corrupted'
		);
		expect(r.summary.root_cause).toBe(r.cascades[0].chain[0]);
		// the scheduler's report was cut after its header, which names the task: kworker/u2:2, pid 127
		const atomic = r.findings.find((f) => f.rule === 'crash.atomic-sleep')!;
		expect([atomic.details.comm, atomic.details.pid]).toEqual(['kworker/u2:2', 127]);
		// another worker's scheduling while atomic is not this leak's consequence
		const other = LKP72_LEAK_THEN_ATOMIC.map((l) =>
			l.replace('kworker/u2:2/127/0x00000002', 'kworker/u2:3/131/0x00000002')
		);
		expect(rules(await analyzeText(other.join('\n')))).toEqual([]);
		// nor one long after it (30 s later)
		const later = [
			...LKP72_LEAK_THEN_ATOMIC.slice(0, -1),
			...shifted(LKP72_LEAK_THEN_ATOMIC.slice(-1), 30)
		];
		expect(rules(await analyzeText(later.join('\n')))).toEqual([]);
	});

	it('makes a Bad rss-counter state that follows a crash its consequence, and leaves it high alone', async () => {
		const alone = await analyzeText(RSS.join('\n'));
		const lone = alone.findings.find((f) => f.title === 'BUG: Bad rss-counter state')!;
		expect(lone.severity).toBe('high');
		expect(lone.explanation.meaning).not.toContain('Here it follows');
		expect(alone.cascades).toEqual([]);
		// the oops 20 s before the rss-counter line (29.36 s moved to 60.36 s; the line is at 80.05 s)
		const after = await analyzeText([...shifted(FIPS_OOPS, 31), ...RSS].join('\n'));
		expect(rules(after)).toEqual([['crash.null-deref', 'crash.bad-page']]);
		const rss = after.findings.find((f) => f.title === 'BUG: Bad rss-counter state')!;
		expect(rss.severity).toBe('medium');
		expect(rss.explanation.meaning).toContain(
			'Here it follows `BUG: unable to handle kernel NULL pointer dereference in urandom_read` in the same boot'
		);
		// 70 s after the oops (the rss-counter line moved to 100.05 s): too long after it for its task's
		// teardown
		const later = await analyzeText([...FIPS_OOPS, ...shifted(RSS, 20)].join('\n'));
		expect(rules(later)).toEqual([]);
		expect(later.findings.find((f) => f.title === 'BUG: Bad rss-counter state')!.severity).toBe(
			'high'
		);
	});
});
