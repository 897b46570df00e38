import { describe, expect, it } from 'vitest';
import { formatMarkdown, MARKDOWN_MAX_CHARS } from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';

/** a WARNING report at kernel time `t`, blaming `fn`, with a 40-frame trace */
function warning(t: number, fn: string): string {
	const ts = (k: number) => `[${(t + k / 1e4).toFixed(6).padStart(12)}]`;
	const frames = Array.from(
		{ length: 40 },
		(_, k) => `${ts(10 + k)}  helper_${k}_of_${fn}+0x1a/0x90 [mydrv]`
	);
	return [
		`${ts(0)} ------------[ cut here ]------------`,
		`${ts(1)} WARNING: CPU: 1 PID: 123 at drivers/misc/mydrv.c:256 ${fn}+0x1a/0x90 [mydrv]`,
		`${ts(2)} CPU: 1 PID: 123 Comm: worker Not tainted 6.1.0 #1`,
		`${ts(3)} Call Trace:`,
		`${ts(4)}  <TASK>`,
		`${ts(5)}  ${fn}+0x1a/0x90 [mydrv]`,
		...frames,
		`${ts(60)}  </TASK>`,
		`${ts(61)} ---[ end trace 0000000000000000 ]---`
	].join('\n');
}

describe('the Markdown report of a big log', () => {
	it('fits in an issue body, names every finding and says what was shortened', async () => {
		// 300 boots, each with a WARNING of its own
		const log = Array.from({ length: 300 }, (_, k) =>
			[
				'[    0.000000] Linux version 6.1.0 (builder@host) (gcc 12.2.0) #1 SMP',
				warning(10, `mydrv_step_${k}`)
			].join('\n')
		).join('\n');
		const result = await analyzeText(log);
		expect(result.findings.length).toBe(300);
		expect(result.metadata.boots.length).toBe(300);
		const md = formatMarkdown(result);
		expect(md.length).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS);
		expect(md).toContain('This report is shortened to fit in an issue');
		expect(md).toContain('the boot table shows 50 of 300 boots');
		for (const f of result.findings) expect(md).toContain(`\`${f.title}\``);
		// the findings that keep their details show a shortened trace and evidence
		// (the frames in the evidence shown are read there; those past it are listed apart)
		expect(md).toMatch(/Call trace past the evidence \(\d\d frames\)/);
		expect(md).toMatch(
			/Evidence \(first 20 of 4\d lines, with 1\d of 4\d call-trace frames, > marks /
		);
		// the text report is not cut
		expect(formatText(result).length).toBeGreaterThan(MARKDOWN_MAX_CHARS);
	});

	it('of a small log is whole', async () => {
		const result = await analyzeText(warning(10, 'mydrv_step_0'));
		const md = formatMarkdown(result);
		expect(md).not.toContain('shortened');
		expect(md).toMatch(
			/Evidence \(4\d lines, with the 4\d-frame call trace, > marks the guilty frame\)/
		);
	});
});
