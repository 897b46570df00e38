/**
 * A report of schema 1.12 or older (before `Finding.routine`) opened in the page, or rendered as
 * text or Markdown by the CLI, has its routine notices marked by their rules' own flag
 * (LineRule.routine): they are listed apart, not among the findings, as in a report made now.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, openReportFile } from '../../src/lib/components/share.ts';
import { LINE_RULES } from '../../src/lib/analysis/rules/index.ts';
import { ROUTINE_HEADING } from '../../src/lib/output/common.ts';
import {
	asSaved,
	markRoutineOfOldReport,
	predatesRoutine
} from '../../src/lib/output/routine-of-old-reports.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { analyzeLines } from '../support/analyze.ts';
import { bundleCli } from '../support/cli-bundle.ts';

// real lines: dfir-sample-files-syslog-1.log (the PCI host bridge notice, a routine notice since
// 1.13.0), zictes-log-dmesg.log (virtualization off in the BIOS: info, not routine), intel-audio-
// dmesg-log.log (the TPM polling notice) and an NVMe controller's reset (medium)
const LOG = [
	'[    0.019855] PCI: Using host bridge windows from ACPI; if necessary, use "pci=nocrs" and report a bug',
	'[    1.057976] tpm tpm0: [Firmware Bug]: TPM interrupt not working, polling instead',
	'[    9.300000] kvm: disabled by bios',
	'[   60.000000] nvme nvme0: I/O 12 QID 3 timeout, reset controller'
];

/** the report of LOG as a 1.12 report would have it: no `routine` key */
async function oldReport(version = '1.12.0'): Promise<AnalysisResult> {
	const r = structuredClone(await analyzeLines(LOG));
	r.schema_version = version;
	for (const f of r.findings) delete f.routine;
	return r;
}

const routineRules = (r: AnalysisResult) =>
	r.findings
		.filter((f) => f.routine)
		.map((f) => f.rule)
		.sort();

describe('a report older than the routine key', () => {
	const CLI = bundleCli('necroscope-old-report-');

	it('is told by its schema version', () => {
		expect(predatesRoutine({ schema_version: '1.12.0' })).toBe(true);
		expect(predatesRoutine({ schema_version: '1.0.0' })).toBe(true);
		expect(predatesRoutine({ schema_version: '1.13.0' })).toBe(false);
		expect(predatesRoutine({ schema_version: '2.0.0' })).toBe(false);
	});

	it('opened in the page, has its notices marked as the rules flag them, and nothing else', async () => {
		const now = await analyzeLines(LOG);
		expect(routineRules(now)).toEqual([
			'firmware.pci-host-bridge-windows',
			'firmware.tpm-interrupt-polling'
		]);
		const old = await oldReport();
		expect(routineRules(old)).toEqual([]);
		const opened = await openReportFile(new Blob([JSON.stringify(old)]));
		expect(opened?.ok).toBe(true);
		const report = (opened as { report: AnalysisResult }).report;
		// the same findings as a report made now, key for key and in the engine's order
		expect(report.findings).toEqual(now.findings);
		expect(report.findings.map((f) => JSON.stringify(Object.keys(f)))).toEqual(
			now.findings.map((f) => JSON.stringify(Object.keys(f)))
		);
		// a shared link of it too
		expect(await decodeShare(await encodeShare(old))).toEqual({ ok: true, report });
	});

	it('uses the rules’ own flags: every routine rule’s info finding, no other', async () => {
		const old = await oldReport();
		const flagged = new Set(LINE_RULES.filter((r) => r.routine).map((r) => r.id));
		const marked = await markRoutineOfOldReport(old);
		for (const f of marked.findings)
			expect(f.routine === true, f.rule).toBe(f.severity === 'info' && flagged.has(f.rule));
	});

	it('keeps a finding that was not info then as the report has it (its verdict was the report’s)', async () => {
		// a 1.12 report of a thermal zone without trip points had it low
		const old = await oldReport();
		const tpm = old.findings.find((f) => f.rule === 'firmware.tpm-interrupt-polling');
		tpm!.severity = 'low';
		const marked = await markRoutineOfOldReport(old);
		expect(marked.findings.find((f) => f.rule === tpm!.rule)?.routine).toBeUndefined();
		expect(routineRules(marked)).toEqual(['firmware.pci-host-bridge-windows']);
	});

	it("saved again (the page's JSON download, a share link), an old report is the file it was, without the marks", async () => {
		const old = await oldReport();
		const marked = await markRoutineOfOldReport(old);
		expect(routineRules(marked).length).toBeGreaterThan(0);
		expect(JSON.stringify(asSaved(marked), null, 2)).toBe(JSON.stringify(old, null, 2));
		// a report of 1.13 or later keeps its own routine keys
		const now = await analyzeLines(LOG);
		expect(routineRules(now).length).toBeGreaterThan(0);
		expect(asSaved(now)).toBe(now);
	});

	it('a report of 1.13 or later is left as it is: its findings said themselves', async () => {
		const current = await oldReport('1.13.0');
		expect(await markRoutineOfOldReport(current)).toBe(current);
	});

	it('rendered as text by the CLI lists the notices apart; as JSON it stays as it was', async () => {
		const old = await oldReport();
		const path = join(CLI.tmp, 'old-report.json');
		const json = JSON.stringify(old, null, 2) + '\n';
		writeFileSync(path, json);
		const run = (format: string) =>
			spawnSync(process.execPath, [CLI.cli, '--format', format, path], { encoding: 'utf8' });
		const text = run('text');
		expect(text.status).toBe(0);
		const heading = `${ROUTINE_HEADING.toUpperCase()} (2)`;
		expect(text.stdout).toContain(heading);
		const routine = text.stdout.slice(text.stdout.indexOf(heading));
		expect(routine).toContain('TPM interrupt not working');
		expect(routine).not.toContain('virtualization');
		expect(run('json').stdout).toBe(json);
	});
});
