/**
 * Crash reports of the real-log corpus that are one problem: a WARNING and the oops of the same
 * call (i225nic), a task hung waiting for an RCU grace period after a soft lockup (crash-dmesg),
 * and what KASAN prints before a general protection fault (lkp-48). Real logs are quoted verbatim
 * with their names.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { analyzeLines } from '../support/analyze.ts';
import {
	CRASH_DMESG_HUNG_KVM,
	I225NIC_WARN_THEN_BUG,
	LKP48_GPF,
	LKP48_KASAN,
	LKP57_HUNG,
	LKP57_STALL
} from '../support/excerpts.ts';
import { fixture } from '../support/fixtures.ts';

function chains(r: AnalysisResult): string[][] {
	const rule = new Map(r.findings.map((f) => [f.id, f.rule]));
	return r.cascades.map((c) => c.chain.map((id) => rule.get(id)!));
}

/** the lines from the one that contains `from` on, with their kernel times moved by `dt` seconds */
function shiftedFrom(lines: string[], from: string, dt: number): string[] {
	const at = lines.findIndex((l) => l.includes(from));
	return lines.map((l, i) =>
		i < at
			? l
			: l.replace(
					/\[ *(\d+\.\d+)\]/,
					(_m, t: string) => `[${(Number(t) + dt).toFixed(6).padStart(12)}]`
				)
	);
}

describe('a WARNING and the oops of the same call', () => {
	it('are linked, the WARNING first (i225nic: a refcount underflow, then the BUG in dql_completed)', async () => {
		const r = await analyzeLines(I225NIC_WARN_THEN_BUG);
		expect(chains(r)).toEqual([['crash.refcount', 'crash.bug']]);
		expect(r.cascades[0].description).toBe(
			'WARNING: refcount bug in tcp_wfree → kernel BUG in dql_completed'
		);
		expect(r.cascades[0].links[0].certainty).toBe('probable');
		const [warn, bug] = r.findings;
		expect([warn.details.cpu, warn.details.pid, bug.details.cpu, bug.details.pid]).toEqual([
			11, 0, 11, 0
		]);
		// the BUG panicked: the headline names it, and its root cause is the WARNING
		expect(r.summary.primary_finding).toBe(bug.id);
		expect(r.summary.root_cause).toBe(warn.id);
		expect(warn.related).toEqual([bug.id]);
	});

	it('are not linked on another CPU (the idle task is pid 0 on every CPU)', async () => {
		const other = I225NIC_WARN_THEN_BUG.map((l) =>
			l.includes('Tainted: G        W')
				? l.replace('CPU: 11 PID: 0 Comm: swapper/11', 'CPU: 12 PID: 0 Comm: swapper/12')
				: l
		);
		const r = await analyzeLines(other);
		expect(r.findings.map((f) => f.details.cpu)).toEqual([11, 12]);
		expect(chains(r)).toEqual([]);
	});

	it('are not linked when the oops comes from another function of the same caller', async () => {
		// the same igc_poll call, but the BUG in what igc_clean_rx_irq called
		const rx = I225NIC_WARN_THEN_BUG.map((l) =>
			l.replace('? igc_clean_tx_irq+0x151/0x3a0 [igc]', '? igc_clean_rx_irq+0x151/0x3a0 [igc]')
		);
		expect(rx).not.toEqual(I225NIC_WARN_THEN_BUG);
		expect(chains(await analyzeLines(rx))).toEqual([]);
	});

	it('are not linked when the oops comes seconds later', async () => {
		const later = shiftedFrom(I225NIC_WARN_THEN_BUG, 'end trace 68ff55698a5d522f', 5);
		const r = await analyzeLines(later);
		expect(r.findings.map((f) => f.rule)).toEqual(['crash.refcount', 'crash.bug']);
		expect(chains(r)).toEqual([]);
	});
});

describe('a task hung waiting for an RCU grace period', () => {
	// crash-dmesg-vmcore-dmesg-txt.log lines 39-162 (the first lines of
	// fixtures/headline/crash-dmesg-vmcore-excerpt.log): libvirtd's soft lockup on CPU 20
	const SOFT_LOCKUP = fixture('headline/crash-dmesg-vmcore-excerpt.log').split('\n').slice(0, 124);

	it('is linked to a soft lockup before it (crash-dmesg: a vCPU thread in synchronize_sched)', async () => {
		expect(SOFT_LOCKUP[0]).toContain('BUG: soft lockup - CPU#20 stuck for 67s!');
		expect(SOFT_LOCKUP.at(-1)).toContain('system_call_fastpath');
		const r = await analyzeLines([...SOFT_LOCKUP, ...CRASH_DMESG_HUNG_KVM]);
		expect(chains(r)).toEqual([['crash.soft-lockup', 'crash.hung-task']]);
		expect(r.cascades[0].description).toBe(
			'BUG: soft lockup in ebt_arp_mt → INFO: task hung in synchronize_rcu'
		);
		expect(r.cascades[0].links[0].certainty).toBe('probable');
	});

	it('is not linked to a soft lockup when it waits for something else', async () => {
		const io = CRASH_DMESG_HUNG_KVM.filter((l) => !l.includes('synchronize_sched'));
		const r = await analyzeLines([...SOFT_LOCKUP, ...io]);
		expect(r.findings.map((f) => f.rule)).toEqual(['crash.soft-lockup', 'crash.hung-task']);
		expect(chains(r)).toEqual([]);
	});

	it('is linked only to a stall printed while it waited (lkp-57, times moved)', async () => {
		// the stall at 135 s, the task blocked for more than 120 s at 246 s: printed during the wait
		expect(chains(await analyzeLines([...LKP57_STALL, ...LKP57_HUNG]))).toEqual([
			['crash.rcu-stall', 'crash.hung-task']
		]);
		// the hung-task report 60 s later: the stall was printed 171 s before it, before the wait
		const later = shiftedFrom([...LKP57_STALL, ...LKP57_HUNG], 'blocked for more than', 60);
		const r = await analyzeLines(later);
		expect(r.findings.map((f) => f.rule)).toEqual(['crash.rcu-stall', 'crash.hung-task']);
		expect(chains(r)).toEqual([]);
	});
});

describe("KASAN's lines before a general protection fault", () => {
	const LEAD = LKP48_KASAN.slice(-2);

	it('are the first lines of the fault (lkp-48)', async () => {
		expect(LEAD.map((l) => l.replace(/^\[ *[\d.]+\] /, ''))).toEqual([
			'kasan: CONFIG_KASAN_INLINE enabled',
			'kasan: GPF could be caused by NULL-ptr deref or user memory access'
		]);
		const r = await analyzeLines([...LKP48_KASAN, ...LKP48_GPF]);
		const [kasan, gpf] = r.findings;
		expect([kasan.rule, gpf.rule]).toEqual(['crash.kasan', 'crash.gpf']);
		// KASAN's report from its header (line 2) to the taint line after its closing line (29)
		expect([kasan.first_line, kasan.last_line]).toEqual([2, 29]);
		expect([gpf.first_line, gpf.last_line]).toEqual([30, 30 + LKP48_GPF.length + 1]);
		expect(gpf.evidence.slice(0, 3).map((e) => e.line)).toEqual([30, 31, 32]);
		expect(gpf.evidence[1].text).toBe(
			'kasan: GPF could be caused by NULL-ptr deref or user memory access'
		);
		// its title and facts start at its header, as syzkaller's; the link to KASAN is kept
		expect(gpf.title).toBe('general protection fault in init_real_cpu_mask');
		expect(gpf.details.pid).toBe(1);
		expect(chains(r)).toEqual([['crash.kasan', 'crash.gpf']]);
	});

	it('are not taken apart from their fault', async () => {
		// without the fault after them, they are no report's
		const r = await analyzeLines(LKP48_KASAN);
		expect(r.findings.map((f) => [f.rule, f.first_line, f.last_line])).toEqual([
			['crash.kasan', 2, 29]
		]);
	});
});
