/**
 * The crash advice's save step, `necroscope --lines ID LOG > ID.txt`, names the input's file in
 * the text and Markdown reports when the shell takes its name as it is (quoted when it holds
 * blanks or brackets), so the command runs as written beside the log; the JSON keeps `LOG`
 * (the same in the CLI and the page). A name the shell would misread keeps `LOG`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJson, formatMarkdown, formatText } from '../../src/lib/output/index.ts';
import { shellFileName, stepForInput } from '../../src/lib/output/common.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { analyzeFile, OUTPUT_FIXTURES } from './helpers.ts';

const OOPS = join(OUTPUT_FIXTURES, 'abrt-1-oops.log');

function named(r: AnalysisResult, name: string | null): AnalysisResult {
	return { ...r, input: { ...r.input, name } };
}

describe('the crash advice names the log in text and Markdown', () => {
	it('as a shell word, quoted when it must be, else LOG', () => {
		expect(shellFileName('kern.log.2.gz')).toBe('kern.log.2.gz');
		expect(shellFileName('dmesg_2026-12-04+1@host1.txt')).toBe('dmesg_2026-12-04+1@host1.txt');
		expect(shellFileName('dmesg (1).txt')).toBe("'dmesg (1).txt'");
		expect(shellFileName('boot log [old].txt')).toBe("'boot log [old].txt'");
		for (const bad of [
			null,
			'',
			'   ',
			'-dmesg.txt',
			"alice's dmesg.txt",
			'<host-1>.log',
			'dmesg$(id).txt',
			'dmesg`id`.txt',
			'dmesg;ls.txt',
			'dmésg.txt',
			'dmesg\u202e.txt',
			'a\nb.log',
			'dmesg*.txt',
			'dmesg?.txt',
			'a|b.log',
			'a&b.log',
			'a"b.log'
		])
			expect(shellFileName(bad), String(bad)).toBeNull();
	});

	it('in the crash step only, the JSON unchanged', async () => {
		const r = await analyzeFile(OOPS);
		const f = r.findings.find((x) => x.category === 'crash')!;
		const step = f.explanation.next_steps.find((s) => s.includes('--lines'))!;
		expect(stepForInput(step, f, 'kern.log')).toBe(
			step.replace(`--lines ${f.id} LOG >`, `--lines ${f.id} kern.log >`)
		);
		expect(stepForInput(step, f, null)).toBe(step);
		expect(stepForInput(step, f, '<host-1>.log')).toBe(step);
		// the JSON's advice stays LOG whatever the name
		expect(formatJson(r)).toContain(`necroscope --lines ${f.id} LOG > ${f.id}.txt`);
		expect(formatJson(r)).not.toContain(`necroscope --lines ${f.id} abrt-1-oops.log`);
		const other = r.findings.find((x) => x.category !== 'crash');
		if (other)
			for (const s of other.explanation.next_steps) expect(stepForInput(s, other, 'x.log')).toBe(s);
	});

	it('text and Markdown: the name, quoted, or LOG; one rendering for one name', async () => {
		const r = await analyzeFile(OOPS);
		const f = r.findings.find((x) => x.category === 'crash')!;
		const cmd = (log: string) => `\`necroscope --lines ${f.id} ${log} > ${f.id}.txt\``;
		const flat = (s: string) => s.replace(/\n +/g, ' ');
		for (const [name, log] of [
			['abrt-1-oops.log', 'abrt-1-oops.log'],
			['dmesg (1).txt', "'dmesg (1).txt'"],
			[null, 'LOG'],
			['<host-1>-dmesg.log', 'LOG']
		] as const) {
			const n = named(r, name);
			expect(flat(formatText(n))).toContain(cmd(log));
			expect(formatMarkdown(n)).toContain(cmd(log));
			expect(formatText(named(structuredClone(r), name))).toBe(formatText(n));
		}
	});
});
