/**
 * "Routine" is a property of a rule (LineRule.routine), not of the file it is written in: the
 * rules of alarming-looking lines that are routine are info findings that never lead a report.
 */
import { describe, expect, it } from 'vitest';
import { LINE_RULES } from '../../src/lib/analysis/rules/index.ts';
import { NOTICES } from '../../src/lib/analysis/rules/notices.ts';
import { analyzeLines } from '../support/analyze.ts';

describe('routine rules', () => {
	it('are info, with no severity of their own per match and no storm', () => {
		const routine = LINE_RULES.filter((r) => r.routine);
		expect(routine.length).toBeGreaterThanOrEqual(NOTICES.length);
		for (const r of routine) {
			expect(r.severity, r.id).toBe('info');
			expect(r.severityOf, r.id).toBeUndefined();
			expect(r.storm, r.id).toBeUndefined();
		}
	});

	it('include every rule of notices.ts', () => {
		for (const r of NOTICES) expect(r.routine, r.id).toBe(true);
	});

	it('never lead a report, even as its only finding', async () => {
		const r = await analyzeLines([
			'[    0.019855] PCI: Using host bridge windows from ACPI; if necessary, use "pci=nocrs" and report a bug'
		]);
		expect(r.findings.map((f) => f.rule)).toEqual(['firmware.pci-host-bridge-windows']);
		expect(r.summary.primary_finding).toBeNull();
		expect(r.summary.verdict).toBe('healthy');
	});
});
