/**
 * summary.root_cause is the root cause of the finding the headline names: the start of the
 * cascade chain that holds it, else that finding itself, never the start of another chain.
 * Real logs are quoted verbatim with their names.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { analyzeLines } from '../support/analyze.ts';
import {
	CRASH_DMESG_HUNG_KVM,
	I225NIC_FIRST_TX_HANG,
	I225NIC_WARN_THEN_BUG
} from '../support/excerpts.ts';
import { fixture } from '../support/fixtures.ts';

// i225nic-pstore-panic-log-txt.log lines 3-13, 200, 261, 342 and 461: the first of the igc
// transmit hangs, and the first four times the link went down after them (one alone is info)
const I225NIC_HANG_THEN_LINK_DOWN = [
	...I225NIC_FIRST_TX_HANG,
	'<6>[  913.489892] igc 0000:02:00.0 enp2s0: NIC Link is Down',
	'<6>[  963.734002] igc 0000:02:00.0 enp2s0: NIC Link is Down',
	'<6>[ 1030.681963] igc 0000:02:00.0 enp2s0: NIC Link is Down',
	'<6>[ 1080.601186] igc 0000:02:00.0 enp2s0: NIC Link is Down'
];

/** the excerpt from the BUG's own `cut here` on: the WARNING before it left out */
const BUG_ONLY = I225NIC_WARN_THEN_BUG.slice(
	I225NIC_WARN_THEN_BUG.findIndex((l) => l.includes('kernel BUG at')) - 1
);

function byRule(r: AnalysisResult, rule: string) {
	return r.findings.find((f) => f.rule === rule)!;
}

describe('the root cause of the primary finding', () => {
	it('is the primary finding itself when no chain holds it, not the start of an unrelated chain', async () => {
		expect(BUG_ONLY[0]).toContain('[ cut here ]');
		const r = await analyzeLines([...I225NIC_HANG_THEN_LINK_DOWN, ...BUG_ONLY]);
		const hang = byRule(r, 'network.nic-hang');
		const bug = byRule(r, 'crash.bug');
		expect(bug.title).toBe('kernel BUG in dql_completed');
		expect(r.cascades.map((c) => c.chain)).toEqual([[hang.id, byRule(r, 'network.link-down').id]]);
		expect(r.summary.primary_finding).toBe(bug.id);
		// it had been the hang: the first cause of the first cascade, whatever the headline named
		expect(r.summary.root_cause).toBe(bug.id);
	});

	it('is the start of the chain that holds the primary finding (i225nic, the whole log)', async () => {
		const r = await analyzeText(fixture('formats/real/i225nic-pstore-panic-log-txt.log'));
		const hang = byRule(r, 'network.nic-hang');
		const warn = byRule(r, 'crash.refcount');
		const bug = byRule(r, 'crash.bug');
		// the transmit hangs are critical (a storm), and a possible cause of the WARNING only
		expect(hang.severity).toBe('critical');
		expect(r.cascades.map((c) => c.description)).toEqual([
			"Network card enp2s0 transmit hang (igc) → Network link down on enp2s0; Network card enp2s0 transmit hang (igc) → possibly → WARNING: refcount bug in tcp_wfree (igc reported transmit hangs on enp2s0 until 252 s before, and the crash is in igc's code (igc_clean_tx_irq)) → kernel BUG in dql_completed"
		]);
		expect(r.summary.primary_finding).toBe(bug.id);
		// the walk from the BUG stops below the possible link: the WARNING, not the hangs
		expect(r.summary.root_cause).toBe(warn.id);
		expect(r.summary.headline).toBe(
			'The kernel crashed or reported a serious internal error. Most important: kernel BUG in dql_completed.'
		);
	});

	it('is the oops a kdump capture ends in, not the soft lockup of the chain before it (crash-dmesg)', async () => {
		// fixtures/headline/crash-dmesg-vmcore-excerpt.log: libvirtd's soft lockup (lines 39-162 of
		// the vmcore-dmesg) and the paging fault the capture ends in (9481-9533); the hung KVM task
		// (3281-3308) put back between them
		const log = fixture('headline/crash-dmesg-vmcore-excerpt.log').split('\n');
		const r = await analyzeLines([
			...log.slice(0, 124),
			...CRASH_DMESG_HUNG_KVM,
			...log.slice(124).filter((l) => l !== '')
		]);
		const lockup = byRule(r, 'crash.soft-lockup');
		const fault = byRule(r, 'crash.paging-fault');
		expect(r.cascades.map((c) => c.chain)).toEqual([[lockup.id, byRule(r, 'crash.hung-task').id]]);
		expect(r.summary.primary_finding).toBe(fault.id);
		expect(r.summary.root_cause).toBe(fault.id);
	});
});
