import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import {
	codeBlock,
	escapeMarkdown,
	formatMarkdown,
	inlineCode
} from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { analyzeText } from '../../src/lib/index.ts';
import { analyzeFile, fixtureLogs, OUTPUT_FIXTURES } from './helpers.ts';
import { KERNELOOPS_DOUBLE_FAULT } from '../support/excerpts.ts';

const HOSTILE = [
	'[x](javascript:alert(1))',
	'![img](https://evil.example/p.png)',
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'see https://evil.example/ and www.evil.example and a@evil.example',
	'```\n</details>\n```',
	'`` `inline` ````',
	'| a | b |',
	'**bold** _em_ ~~del~~ # heading',
	'\x1b[31mred\x1b[0m \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 \u202etxt.exe'
].join(' ');

/** A real report with log-derived text replaced by hostile strings everywhere it can come from. */
async function hostileReport(): Promise<AnalysisResult> {
	const r = await analyzeFile(join(OUTPUT_FIXTURES, 'syzkaller-424.log'));
	const f = r.findings[0];
	f.title = HOSTILE;
	f.alt_titles = [HOSTILE];
	f.evidence = [
		{ line: 5, text: HOSTILE },
		{ line: 6, text: '````` five backticks' }
	];
	if (f.stack?.frames[0]) f.stack.frames[0].function = HOSTILE;
	f.details.corrupted = true;
	f.details.corrupted_reason = HOSTILE;
	// facts and the register block quote the log too
	f.details.comm = HOSTILE;
	f.details.failed_commands = [HOSTILE, 'READ DMA'];
	// (lines of their own: register lines the evidence quotes are read there, not repeated)
	f.details.registers = [`RAX: ${HOSTILE}`, 'Code: ````` five backticks'];
	r.input.name = HOSTILE;
	r.input.warnings = [HOSTILE];
	r.summary.headline = HOSTILE;
	r.metadata.kernel_version = HOSTILE;
	r.metadata.command_line = HOSTILE;
	r.metadata.hardware = HOSTILE;
	r.cascades = [{ id: 'cascade-00000000', chain: [f.id], description: HOSTILE, links: [] }];
	if (r.metadata.boots[0]) r.metadata.boots[0].kernel_version = HOSTILE;
	return r;
}

/**
 * What a Markdown renderer would interpret: the text outside fenced code blocks and inline code
 * spans, with backslash escapes removed.
 */
function renderedProse(md: string): string {
	const lines = md.split('\n');
	const prose: string[] = [];
	let fence: string | null = null;
	for (const l of lines) {
		if (fence) {
			if (l === fence) fence = null;
			continue;
		}
		const m = /^(`{3,})\w*$/.exec(l);
		if (m) {
			fence = m[1];
			continue;
		}
		prose.push(l);
	}
	return stripCodeSpans(prose.join('\n').replace(/\\[\\`*_[\]<>&|~#!:@.]/g, 'ESC'));
}

/** Replace CommonMark code spans (a backtick run closed by a run of the same length) by CODE. */
function stripCodeSpans(s: string): string {
	let out = '';
	let i = 0;
	while (i < s.length) {
		if (s[i] !== '`') {
			out += s[i++];
			continue;
		}
		let n = 0;
		while (s[i + n] === '`') n++;
		const fence = '`'.repeat(n);
		let j = i + n;
		let close = -1;
		while ((j = s.indexOf(fence, j)) !== -1) {
			if (s[j + n] !== '`' && s[j - 1] !== '`') {
				close = j;
				break;
			}
			while (s[j] === '`') j++;
		}
		if (close === -1) {
			out += fence;
			i += n;
		} else {
			out += 'CODE';
			i = close + n;
		}
	}
	return out;
}

describe('formatMarkdown', () => {
	it('shows links, images and HTML from a log as text, never as markup', async () => {
		const md = formatMarkdown(await hostileReport());
		const prose = renderedProse(md);
		// the only HTML is ours; the only links are our references
		const tags = [...prose.matchAll(/<\/?([a-z]+)/gi)].map((m) => m[1].toLowerCase());
		expect(new Set(tags)).toEqual(new Set(['details', 'summary', 'sub', 'https']));
		expect(prose).not.toMatch(/\]\(|!\[|https?:\/\/evil|www\.evil|@evil/);
		expect(prose).toContain('onerror'); // shown, as text
		expect(prose).not.toMatch(/\*\*bold|_em_|~~del/);
		expect(prose).not.toMatch(/`/);
		// eslint-disable-next-line no-control-regex
		expect(md).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
		expect(md).toContain('\\x1b[31mred');
		expect(md).toContain('\\u202etxt.exe');
		expect(md).toContain('- **Facts:** ');
		expect(md).toContain('<summary>Registers (2 lines)</summary>');
	});

	it('renders no markup from any fixture log', async () => {
		for (const path of fixtureLogs()) {
			const md = formatMarkdown(await analyzeFile(path));
			const prose = renderedProse(md);
			const tags = new Set([...prose.matchAll(/<\/?([a-z]+)/gi)].map((m) => m[1].toLowerCase()));
			for (const t of tags) expect(['details', 'summary', 'sub', 'https'], path).toContain(t);
			expect(prose, path).not.toMatch(/\]\(|!\[|`/);
			expect(md.split('<details>').length, path).toBe(md.split('</details>').length);
		}
	});

	it('puts evidence and traces in collapsible blocks fenced longer than any backtick run', async () => {
		const md = formatMarkdown(await hostileReport());
		expect(md).toMatch(/<details>\n<summary>Evidence \(2 lines\)<\/summary>\n\n``````text\n/);
		expect(md).toMatch(
			/<details>\n<summary>Call trace \(\d+ frames(?:, > marks the guilty frame)?\)<\/summary>\n\n`{5}text\n/
		);
		expect(md).toMatch(/<details>\n<summary>Registers \(2 lines\)<\/summary>\n\n`{6}text\n/);
		// syzkaller-424.log marks chaoskey_disconnect: the legend says what `>` is, as in the text;
		// its frames are read in the evidence, the guilty one's line marked in its margin
		const r = await analyzeFile(join(OUTPUT_FIXTURES, 'syzkaller-424.log'));
		const real = formatMarkdown(r);
		expect(real).toMatch(
			/<summary>Evidence \(\d+ lines, with the 42-frame call trace, > marks the guilty frame\)<\/summary>/
		);
		expect(real).toMatch(/\n> \d+ \| .*chaoskey_disconnect/);
		expect(real).not.toContain('<summary>Call trace');
		expect(codeBlock(['a ``` b'])).toEqual(['````text', 'a ``` b', '````']);
		expect(codeBlock(['plain'])).toEqual(['```text', 'plain', '```']);
		expect(inlineCode('a`b')).toBe('``a`b``');
		expect(inlineCode('`x')).toBe('`` `x ``');
		expect(escapeMarkdown('[x](javascript:y) <b>')).toBe('\\[x\\](javascript:y) \\<b\\>');
	});

	it('has the summary, findings by severity, explanation, system and boots', async () => {
		const r = await analyzeFile(join(OUTPUT_FIXTURES, 'syzkaller-424.log'));
		const md = formatMarkdown(r);
		expect(md.startsWith('## NecroScope report: Kernel crash\n')).toBe(true);
		expect(md).toContain(`#### \`${r.findings[0].title}\``);
		expect(md).toContain('### Critical (1)');
		expect(md).toContain('**What it means:**');
		expect(md).toContain('### System');
		expect(md).toContain('**Boots:** 1');
		expect(md.endsWith('</sub>\n')).toBe(true);
		expect(formatMarkdown(r)).toBe(md);
	});

	it('says so when there is nothing to report', async () => {
		const md = formatMarkdown(await analyzeText(''));
		expect(md).toContain('No findings.');
	});
});

describe('formatText', () => {
	it('keeps log text inert in a terminal', async () => {
		const txt = formatText(await hostileReport());
		// eslint-disable-next-line no-control-regex
		expect(txt).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e]/);
		expect(txt).toContain('\\x1b[31mred\\x1b[0m');
		// one line per evidence line: a newline inside log text cannot fake report lines
		expect(txt).toContain('```\\x0a</details>\\x0a```');
		expect(txt).toContain('  Facts:\n');
		expect(txt).toContain('  Registers:\n    RAX: ');
	});

	it('has the summary, verdict, findings with evidence and trace, metadata and boots', async () => {
		const r = await analyzeFile(join(OUTPUT_FIXTURES, 'syzkaller-424.log'));
		const txt = formatText(r);
		expect(txt).toMatch(/^NecroScope report \(schema \d+\.\d+\.\d+, /);
		expect(txt).toContain('Verdict: Kernel crash (kernel-crash)');
		expect(txt).toContain(`* ${r.findings[0].title}`);
		expect(txt).toContain('  Evidence:');
		expect(txt).toMatch(/ {2}Call trace: \d+ frames on lines \d+-\d+ of the evidence; > marks /);
		expect(txt).toMatch(/\nSystem\n-+\nKernel {8}/);
		expect(txt).toMatch(/Boots {11}1\n {2}boot 0: lines /);
	});

	it('counts one line in the singular', async () => {
		const one = formatText(
			await analyzeText(
				'Oct 12 23:25:16 box kernel: mce: [Hardware Error]: Machine check events logged\n'
			)
		);
		expect(one).toContain('Lines: 1 line (syslog 1; 0 skipped, 0 not understood)');
		expect(formatText(await analyzeText('[    0.000000] a\n[    0.100000] b\n'))).toContain(
			'Lines: 2 lines ('
		);
	});
});

describe('the kernel of a log of several boots', () => {
	it('names at most five earlier kernels', async () => {
		const banners = Array.from({ length: 8 }, (_, i) =>
			[`[    0.000000] Linux version 6.${i}.0 (a@b) (gcc 12) #1 SMP`, `[  100.000000] x${i}`].join(
				'\n'
			)
		);
		const r = await analyzeText(banners.join('\n'));
		expect(formatText(r)).toContain(
			'Kernel          6.7.0 (latest boot; earlier: 6.0.0, 6.1.0, 6.2.0, 6.3.0, 6.4.0\n' +
				'                and 2 more)'
		);
	});

	it('is the latest boot’s, and the kernels of earlier boots are named too', async () => {
		const r = await analyzeText(
			[
				'[    0.000000] Linux version 5.3.0-1017-raspi2 (buildd@bos02-arm64-053) #19~18.04.1-Ubuntu SMP',
				'[  100.000000] x',
				'[    0.000000] Linux version 5.3.0-1027-raspi2 (buildd@bos02-arm64-053) #29~18.04.1-Ubuntu SMP',
				'[    1.000000] y'
			].join('\n')
		);
		expect(r.metadata.kernel_version).toBe('5.3.0-1017-raspi2');
		expect(r.metadata.latest_kernel_version).toBe('5.3.0-1027-raspi2');
		const line = '5.3.0-1027-raspi2 (latest boot; earlier: 5.3.0-1017-raspi2)';
		expect(formatMarkdown(r)).toContain(`| Kernel | ${escapeMarkdown(line)} |`);
		expect(formatText(r)).toContain(`Kernel          ${line}`);
	});
});

describe('counts in the reports read as English', () => {
	it('says "1 frame" of a double fault whose trace holds only its RIP frame (real 2.6.24 log)', async () => {
		const r = await analyzeText(KERNELOOPS_DOUBLE_FAULT.join('\n') + '\n');
		const f = r.findings.find((x) => x.category === 'crash')!;
		expect(f.stack?.frames.length).toBe(1);
		const md = formatMarkdown(r);
		expect(md).toContain(
			'<summary>Evidence (18 lines, with the 1-frame call trace, > marks the guilty frame)</summary>'
		);
		expect(md).not.toContain('1 frames');
		expect(formatText(r).replace(/\n {4}(?! )/g, ' ')).toContain(
			"  Call trace: 1 frame on line 4 of the evidence; > marks the guilty frame's line: search_extable+0x0/0x64"
		);
	});
});
