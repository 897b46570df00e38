/**
 * The Markdown report through a real CommonMark/GFM renderer (tests/support/markdown-render.ts):
 * every fixture log's report keeps the invariants users rely on when they paste it into an issue.
 * NECROSCOPE_CORPUS=<directory of logs> checks those logs' reports too.
 */
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { markdownProblems, markdownProblemsOfLogs } from '../support/markdown-render.ts';
import { analyzeFile, fixtureLogs, logsIn, OUTPUT_FIXTURES } from './helpers.ts';

const CORPUS = process.env.NECROSCOPE_CORPUS;

/** Log text that a renderer, GitHub or GitLab would turn into something else than text. */
const HOSTILE = [
	'[x](javascript:alert(1)) ![img](https://evil.example/p.png) <img src=x onerror=alert(1)>',
	'<details><summary>x</summary> https://evil.example www.evil.example a@evil.example',
	'fixes #123, thanks @torvalds (cc @all) | a | b | `` ` `` ~~del~~ **bold** _em_',
	'```'
];

describe('the Markdown report as a renderer reads it', () => {
	it('shows hostile log text as text wherever the report quotes the log', async () => {
		for (const lead of ['', '- ', '+ ', '1. ', '2) ', '    ', '\t', '=== ', '# ', '> ']) {
			const r = await analyzeFile(join(OUTPUT_FIXTURES, 'syzkaller-424.log'));
			const text = lead + HOSTILE.join(' ');
			const f = r.findings[0];
			f.title = text;
			f.alt_titles = [text];
			f.evidence = [...HOSTILE, '````', text].map((t, i) => ({ line: i + 1, text: t }));
			f.details.corrupted = true;
			f.details.corrupted_reason = text;
			f.details.comm = text;
			r.input.name = text;
			r.input.warnings = [text];
			r.summary.headline = text;
			r.metadata.kernel_build = text;
			r.metadata.command_line = text;
			r.metadata.hardware = text;
			r.cascades = [{ id: 'cascade-00000000', chain: [f.id], description: text, links: [] }];
			expect(markdownProblems(formatMarkdown(r), r), JSON.stringify(lead)).toEqual([]);
		}
	});

	it('would see what a renderer makes of unescaped text', async () => {
		// the checker itself: the same report with the headline and the build left raw fails
		const r = await analyzeFile(join(OUTPUT_FIXTURES, 'syzkaller-424.log'));
		const [head, system] = formatMarkdown(r).split('### System');
		const md =
			head.replace(/\n\n[^\n]*\n\n/, '\n\n- see #12 and [x](https://evil.example)\n\n') +
			'### System' +
			system.replace(/\| Hardware \| [^\n]*/, '| Hardware | <img src=x> | b |');
		expect(markdownProblems(md, r)).toEqual([
			'GitHub/GitLab reference in "see #12 and "',
			'link to https://evil.example (inline)',
			'inline HTML <img src=x>',
			'the headline is not the paragraph under the title',
			`System row Hardware: "" for ${JSON.stringify(r.metadata.hardware)}`
		]);
	});

	it('keeps every fixture log inert and in place', { timeout: 120_000 }, async () => {
		expect(await markdownProblemsOfLogs(fixtureLogs())).toEqual([]);
	});

	it.runIf(CORPUS)(
		'keeps every corpus log inert and in place',
		{ timeout: 1_200_000 },
		async () => {
			const bad = await markdownProblemsOfLogs(logsIn(CORPUS ?? ''), {}, basename);
			expect(bad).toEqual([]);
		}
	);
});
