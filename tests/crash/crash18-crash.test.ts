/**
 * Crash reports of the real-log corpus that belong together: a POWER machine check's cause line
 * and its oops. Real logs are quoted verbatim with their names.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { analyzeLines } from '../support/analyze.ts';
import { KERNELOOPS_POWER5 } from '../support/excerpts.ts';

// kerneloops-power5-with-machinecheck.log lines 62-73: the dying task's second machine check, in
// `.sync_buffer` (oprofile's exit notifier), with the firmware's error log, the cause line and
// what xmon prints on entry
const POWER5_SECOND_MACHINE_CHECK = [
	'RTAS: event: 5, Type: Unknown, Severity: 3',
	'Machine check in kernel mode.',
	'Caused by (from SRR1=8000000000101032): L2 data cache parity error',
	'cpu 0x1: Vector: 200 (Machine Check) at [c000000008c72df0]',
	'    pc: d0000000002dee68: .sync_buffer+0x19c/0x4c0 [oprofile]',
	'    lr: d0000000002dee4c: .sync_buffer+0x180/0x4c0 [oprofile]',
	'    sp: c000000008c73070',
	'   msr: 8000000000101032',
	'  current = 0xc000000033b12000',
	'  paca    = 0xc000000000625100',
	'    pid   = 28081, comm = scp',
	'enter ? for help'
];

function chains(r: AnalysisResult): string[][] {
	const rule = new Map(r.findings.map((f) => [f.id, f.rule]));
	return r.cascades.map((c) => c.chain.map((id) => rule.get(id)!));
}

describe("a POWER machine check's cause line", () => {
	it('is the cause of the machine-check oops, and no part of the report before it (kerneloops-power5-with-machinecheck)', async () => {
		const r = await analyzeLines([...KERNELOOPS_POWER5, ...POWER5_SECOND_MACHINE_CHECK]);
		expect(chains(r)).toEqual([
			['hardware.machine-check-powerpc', 'crash.oops', 'crash.atomic-sleep']
		]);
		expect(r.cascades[0].description).toBe(
			'CPU machine check: L2 data cache parity error → Oops: Machine check in unix_stream_recvmsg → BUG: sleeping function called from invalid context in __blocking_notifier_call_chain'
		);
		const mc = r.findings.find((f) => f.rule === 'hardware.machine-check-powerpc')!;
		expect(r.summary.root_cause).toBe(mc.id);
		expect(mc.details).toMatchObject({ error: 'L2 data cache parity error' });
		// the second machine check's lines had been read as the end of the atomic sleep's report,
		// and xmon's `pc:`/`lr:`/`sp:` as its registers
		const sleep = r.findings.find((f) => f.rule === 'crash.atomic-sleep')!;
		expect(sleep.last_seen.last_line).toBe(KERNELOOPS_POWER5.length);
		expect(sleep.evidence.map((e) => e.text).join('\n')).not.toContain('RTAS');
		expect(String(sleep.details.registers)).not.toContain('sync_buffer');
	});

	it('is the cause when printed right before the oops, as without a debugger', async () => {
		const r = await analyzeLines([
			...POWER5_SECOND_MACHINE_CHECK.slice(0, 3),
			...KERNELOOPS_POWER5
		]);
		expect(chains(r)).toEqual([
			['hardware.machine-check-powerpc', 'crash.oops', 'crash.atomic-sleep']
		]);
	});

	it('is not the cause of an oops that is no machine check', async () => {
		const r = await analyzeLines([
			...KERNELOOPS_POWER5.map((l) =>
				l.replace(
					'Oops: Machine check, sig: 7 [#1]',
					'Oops: Kernel access of bad area, sig: 11 [#1]'
				)
			),
			...POWER5_SECOND_MACHINE_CHECK
		]);
		expect(chains(r)).toEqual([['crash.oops', 'crash.atomic-sleep']]);
	});
});
