/**
 * A Markdown report shortened to fit in an issue keeps the details of the finding its headline
 * names (summary.primary_finding) and of its root cause first, then the others by severity: the
 * crash a vmcore's dmesg ends in, after ten soft lockups of the same severity, had been the one
 * listed on one line (crash-dmesg-vmcore-dmesg-txt.log of the real corpus).
 */
import { describe, expect, it } from 'vitest';
import { formatMarkdown, MARKDOWN_MAX_CHARS } from '../../src/lib/output/markdown.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';

/** a WARNING report at kernel time `t` blaming `fn`, with a 40-frame trace */
function warning(t: number, fn: string): string {
	const ts = (k: number) => `[${(t + k / 1e4).toFixed(6).padStart(12)}]`;
	return [
		`${ts(0)} ------------[ cut here ]------------`,
		`${ts(1)} WARNING: CPU: 1 PID: 123 at drivers/misc/mydrv.c:256 ${fn}+0x1a/0x90 [mydrv]`,
		`${ts(2)} CPU: 1 PID: 123 Comm: worker Not tainted 6.1.0 #1`,
		`${ts(3)} Call Trace:`,
		`${ts(4)}  <TASK>`,
		`${ts(5)}  ${fn}+0x1a/0x90 [mydrv]`,
		...Array.from(
			{ length: 40 },
			(_, k) => `${ts(10 + k)}  helper_${k}_of_${fn}+0x1a/0x90 [mydrv]`
		),
		`${ts(60)}  </TASK>`,
		`${ts(61)} ---[ end trace 0000000000000000 ]---`
	].join('\n');
}

describe('a shortened Markdown report', () => {
	it('details the headline’s finding and its root cause first', async () => {
		const log = Array.from({ length: 200 }, (_, k) => warning(10 + k, `mydrv_step_${k}`)).join(
			'\n'
		);
		const result = await analyzeText(log);
		expect(result.findings.length).toBe(200);
		const last = result.findings[199];
		const cause = result.findings[150];
		result.summary.primary_finding = last.id;
		result.summary.root_cause = cause.id;
		const md = formatMarkdown(result);
		expect(md.length).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS);
		expect(md).toContain('This report is shortened to fit in an issue');
		for (const f of [last, cause]) {
			expect(md).toContain(`#### \`${f.title}\`\n`);
			expect(md).not.toContain(`- \`${f.title}\` · `);
		}
		// the others in order, as many as fit, and in the order of the report: the headline's
		// finding first (as the page lists them), then the others in the log's order
		expect(md).toContain(`#### \`${result.findings[0].title}\`\n`);
		expect(md).toContain(`- \`${result.findings[198].title}\` · medium`);
		const at = (f: { title: string }) => md.indexOf(`\`${f.title}\``);
		expect(at(last)).toBeLessThan(at(result.findings[0]));
		expect(at(result.findings[0])).toBeLessThan(at(cause));
	});
});
