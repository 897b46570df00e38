/**
 * The Markdown report's evidence lines have their `|` in one column: the line numbers are as wide
 * as the largest shown, as in the text report. A pstore dump's records come out of order
 * (i225nic-pstore-panic-log-txt.log, fixtures/formats/real: the crash's evidence goes from line
 * 1062 back to 946), and the width had been the last line's: `  946 |` under ` 1062 |`.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { fixture } from '../support/fixtures.ts';

/** the lines of each evidence block (the code block after an `Evidence (…)` summary) */
function evidenceBlocks(md: string): string[][] {
	return md
		.split('<summary>Evidence (')
		.slice(1)
		.map((b) => b.split('\n```text\n')[1].split('\n```')[0].split('\n'));
}

describe('the Markdown report’s evidence', () => {
	it('has its line numbers in one column when the lines are out of order', async () => {
		const r = await analyzeText(fixture('formats/real/i225nic-pstore-panic-log-txt.log'));
		const crash = r.findings.find((f) => f.id === r.summary.primary_finding)!;
		const lines = crash.evidence.map((e) => e.line);
		// out of order, and the last line is narrower than the largest
		expect(String(lines[lines.length - 1]).length).toBeLessThan(String(Math.max(...lines)).length);
		const blocks = evidenceBlocks(formatMarkdown(r));
		expect(blocks.length).toBe(r.findings.length);
		const crashBlock = blocks.find((b) => b.some((l) => /^\s*946 \| /.test(l.slice(2))))!;
		expect(crashBlock).toContain('   946 | RIP: 0010:dql_completed+0x140/0x150');
		for (const block of blocks) {
			const bars = new Set(block.map((l) => l.indexOf(' | ')));
			expect([...bars], block.join('\n')).toHaveLength(1);
		}
	});
});
