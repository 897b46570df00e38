/**
 * A Markdown report too long for an issue is shortened from its least important findings up:
 * explanations first, then the lesser findings' facts and evidence, then their lines, and the
 * critical findings keep their facts and evidence the longest. The 100 MB log's report had kept
 * the details of 1 finding of 438, its 15 other critical findings one line each under the lines
 * of 78 routine notices. Its length is counted as an issue counts it (issueLength): characters,
 * not bytes, a line end as two.
 */
import { describe, expect, it } from 'vitest';
import { byImportance, routineFindings } from '../../src/lib/output/common.ts';
import { formatMarkdown, issueLength, MARKDOWN_MAX_CHARS } from '../../src/lib/output/markdown.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';

const ts = (t: number) => `[${t.toFixed(6).padStart(12)}]`;

/** a WARNING blaming `fn`, with a 40-frame trace, `note` in its message */
function warning(t: number, fn: string, note = ''): string[] {
	return [
		`${ts(t)} ------------[ cut here ]------------`,
		`${ts(t)} WARNING: CPU: 1 PID: 123 at drivers/misc/mydrv.c:256 ${fn}+0x1a/0x90 [mydrv]${note}`,
		`${ts(t)} CPU: 1 PID: 123 Comm: worker Not tainted 6.1.0 #1`,
		`${ts(t)} Call Trace:`,
		`${ts(t)}  <TASK>`,
		...Array.from({ length: 40 }, (_, k) => `${ts(t)}  helper_${k}_of_${fn}+0x1a/0x90 [mydrv]`),
		`${ts(t)}  </TASK>`,
		`${ts(t)} ---[ end trace 0000000000000000 ]---`
	];
}

/** a general protection fault in `fn`, critical */
function oops(t: number, fn: string): string[] {
	return [
		`${ts(t)} general protection fault, probably for non-canonical address 0xdead000000000100: 0000 [#1] PREEMPT SMP NOPTI`,
		`${ts(t)} CPU: 2 PID: 77 Comm: kworker/2:1 Not tainted 6.1.0 #1`,
		`${ts(t)} RIP: 0010:${fn}+0x2c/0x90 [mydrv]`,
		`${ts(t)} Call Trace:`,
		`${ts(t)}  <TASK>`,
		...Array.from({ length: 20 }, (_, k) => `${ts(t)}  caller_${k}_of_${fn}+0x10/0x40 [mydrv]`),
		`${ts(t)}  </TASK>`,
		`${ts(t)} Kernel panic - not syncing: Fatal exception in interrupt`
	];
}

/** how much of each finding the report shows: 2 a section, 1 a line, 0 counted only */
function shown(md: string, title: string): number {
	if (md.includes(`#### \`${title}\`\n`)) return 2;
	return md.includes(`- \`${title}\` · `) ? 1 : 0;
}

describe('a shortened Markdown report', () => {
	it('cuts the least important findings first, the critical ones keeping their evidence', async () => {
		// 600 warnings (medium), then 8 crashes (critical): the lines of the warnings alone fill
		// most of an issue
		const lines: string[] = [];
		for (let k = 0; k < 600; k++) lines.push(...warning(10 + k, `mydrv_step_${k}`));
		for (let k = 0; k < 8; k++) lines.push(...oops(1000 + k, `mydrv_irq_${k}`));
		const result = await analyzeText(lines.join('\n') + '\n');
		const critical = result.findings.filter((f) => f.severity === 'critical');
		expect(critical.length).toBe(8);
		expect(result.findings.length).toBe(608);
		const md = formatMarkdown(result);
		expect(issueLength(md)).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS);
		expect(md).toContain(
			'This report is shortened to fit in an issue (65,536 characters), the least important findings first: of 608 findings'
		);
		// every crash keeps its facts and its evidence
		for (const f of critical) {
			expect(shown(md, f.title)).toBe(2);
			const section = md.slice(md.indexOf(`#### \`${f.title}\``)).split('\n#### ')[0];
			expect(section).toContain('**Guilty frame:**');
			expect(section).toContain(`| RIP: 0010:${f.stack?.guilty_frame}+0x2c/0x90 [mydrv]`);
		}
		// in the reports' order no finding shows more than one before it
		const order = [
			...byImportance(
				result.findings.filter((f) => f.routine !== true),
				result.summary.primary_finding
			),
			...routineFindings(result)
		];
		const levels = order.map((f) => shown(md, f.title));
		for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeLessThanOrEqual(levels[i - 1]);
		// the warnings made room for them: the last is one line
		expect(levels[levels.length - 1]).toBe(1);
	});

	it('counts the least important findings when their lines do not fit', async () => {
		const lines = Array.from(
			{ length: 900 },
			(_, k) =>
				`${ts(5 + k / 100)} EXT4-fs (loop${k}): warning: maximal mount count reached, running e2fsck is recommended`
		);
		lines.push(...oops(1000, 'mydrv_irq_0'));
		const result = await analyzeText(lines.join('\n') + '\n');
		const md = formatMarkdown(result);
		expect(issueLength(md)).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS);
		const crash = result.findings.find((f) => f.severity === 'critical');
		expect(crash && shown(md, crash.title)).toBe(2);
		const info = result.findings.filter((f) => f.severity === 'info');
		expect(info.length).toBe(900);
		// the first are listed, the last counted at the end of their section
		expect(shown(md, info[0].title)).toBe(1);
		expect(shown(md, info[899].title)).toBe(0);
		const n = info.filter((f) => shown(md, f.title) === 0).length;
		expect(md).toContain(`- … and ${n} more, not listed here: the JSON report has them\n`);
		expect(md).toContain(`${n} only counted`);
	});

	it('fits an issue counted in characters and line ends, not in bytes', async () => {
		// messages of characters of 3 and 4 bytes in UTF-8 (4-byte ones are 2 UTF-16 units)
		const lines: string[] = [];
		for (let k = 0; k < 300; k++)
			lines.push(...warning(10 + k, `mydrv_step_${k}`, ' ’…’…’… 🙂🙂 ’…’…’…'.repeat(4)));
		const md = formatMarkdown(await analyzeText(lines.join('\n') + '\n'));
		expect(md).toContain('This report is shortened');
		const chars = [...md].length;
		const ends = md.split('\n').length - 1;
		// GitHub counts characters; a browser sends each line end as CR LF
		expect(chars + ends).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS);
		expect(issueLength(md)).toBeGreaterThanOrEqual(chars + ends);
		// the limit is not in bytes: the report uses the room characters leave it, but for less
		// than one finding's step (here a finding with its facts and evidence is 1,800 characters,
		// its line 150) and the room kept for the note (600)
		expect(Buffer.byteLength(md)).toBeGreaterThan(MARKDOWN_MAX_CHARS);
		expect(chars + ends).toBeGreaterThan(MARKDOWN_MAX_CHARS - 2_500);
	});
});
