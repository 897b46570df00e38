/**
 * Log text in the System section of the Markdown and text reports stays inert whatever it holds:
 * a kernel release, build banner, command line, module name, DMI name or hypervisor with
 * backticks (one, several, a run longer than a code span's fence), `|`, HTML, Markdown links,
 * terminal escapes, Unicode's bidirectional controls or NUL. The Markdown System table and boot
 * table keep their columns and each value whole (a CommonMark/GFM renderer reads them); the text
 * report has no control character a terminal would act on, in its wrapped boot lines and its
 * labels too. The first kernel's release is part of a label (`Build (6.1.0-…)`) when a later
 * kernel booted: it had gone into the Markdown table and the text report as the log had it
 * (`<script>` raw HTML, a `|` splitting the row, an ESC or a right-to-left override printed).
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { inert } from '../../src/lib/output/common.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { markdownProblems } from '../support/markdown-render.ts';

const PAYLOADS: Record<string, string> = {
	'one backtick': '`',
	'two backticks': 'a``b',
	'a backtick at each end': '` x `',
	'a run of nine backticks': '`'.repeat(9) + 'x',
	'a pipe': 'a|b',
	'an escaped pipe': 'a\\|b',
	'a pipe in backticks': '`|`',
	'a backslash before backticks and a pipe': '\\``|',
	'a trailing backslash': 'x\\',
	HTML: '<script>alert(1)</script><img src=x onerror=alert(2)>',
	'a Markdown link and image': '[a](javascript:alert(1))![i](x)',
	'an autolink': '<https://evil.example>',
	emphasis: '*em*_u_~~s~~',
	'an entity and a comment': '&amp;<!-- c -->',
	references: '@all #1',
	'ANSI colour and an OSC 8 link':
		'\u001b[31mred\u001b[0m\u001b]8;;https://x\u0007l\u001b]8;;\u0007',
	'a right-to-left override': '\u202eevil',
	'a right-to-left isolate': '\u2067iso\u2069',
	'right-to-left and left-to-right marks': '\u200f\u200e\u061c',
	NUL: 'a\u0000b',
	'a C1 control': 'a\u0085b',
	'a long value': 'v'.repeat(600)
};

/**
 * Two boots, the first kernel's release, build, command line, DMI name, hypervisor and modules
 * each holding `p`: the System table labels the build as the first kernel's.
 */
function log(p: string): string {
	return [
		`[    0.000000] Linux version 6.1.0-${p} (build${p}@host) (gcc ${p}) #1 SMP ${p}`,
		`[    0.000000] Command line: BOOT_IMAGE=/vmlinuz ${p} root=/dev/sda`,
		`[    0.000000] DMI: Vendor ${p} Board/${p}, BIOS ${p} 01/01/2020`,
		`[    0.000000] Hypervisor detected: ${p}`,
		`[    5.000000] WARNING: CPU: 0 PID: 1 at drivers/x.c:1 f${p}+0x1/0x2`,
		`[    5.000001] Modules linked in: a${p} b ${p}`,
		`[    5.000002] CPU: 0 PID: 1 Comm: sh Not tainted 6.1.0-${p} #1`,
		'[    5.000003] Call Trace:',
		'[    5.000004]  <IRQ>',
		`[    5.000005]  g${p}+0x1/0x2`,
		'[    5.000006]  </IRQ>',
		`[    5.000007]  h+0x1/0x2 [m${p}]`,
		'[    5.000008] ---[ end trace 0 ]---',
		`-- Boot ${p} --`,
		`[    0.000000] Linux version 6.2.0${p} (b@h) #2`,
		`[    1.000000] Hypervisor detected: KVM ${p}`
	].join('\n');
}

/* eslint-disable no-control-regex */
const CONTROL =
	/[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/* eslint-enable no-control-regex */

/** the cells of each body row of the table whose first header is `first`, as a reader sees them */
function tableRows(md: string, first: string): string[][] {
	const tokens = new MarkdownIt({ html: true, linkify: true }).parse(md, {});
	const rows: string[][] = [];
	let inTable = false;
	let row: string[] | null = null;
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (t.type === 'th_open' && tokens[i + 1].content === first) inTable = true;
		else if (t.type === 'table_close') inTable = false;
		else if (inTable && t.type === 'tr_open') row = [];
		else if (inTable && t.type === 'tr_close' && row) {
			rows.push(row);
			row = null;
		} else if (row && t.type === 'inline')
			row.push(
				(t.children ?? [])
					.map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : `<${c.type}>`))
					.join('')
			);
	}
	return rows;
}

describe('hostile log text in the System section', () => {
	for (const [name, p] of Object.entries(PAYLOADS)) {
		it(`stays inert and whole with ${name}`, async () => {
			const r = await analyzeText(log(p), { name: `n${p}.log` });
			expect(r.metadata.boots).toHaveLength(2);
			expect(r.metadata.kernel_version).toMatch(/^6\.1\.0-./);

			const md = formatMarkdown(r);
			// every System row's label and value whole, no HTML, link, image or emphasis
			expect(markdownProblems(md, r)).toEqual([]);
			// the boot table keeps its columns and each cell whole
			const boots = tableRows(md, 'Boot');
			expect(boots).toEqual(
				r.metadata.boots.map((b) => [
					String(b.index),
					`${b.first_line}-${b.last_line}`,
					inert(b.kernel_version ?? '').replace(/^[ \t]+/, '')
				])
			);

			const text = formatText(r);
			expect(text.split('\n').filter((l) => CONTROL.test(l))).toEqual([]);
			const system = text.slice(text.indexOf('\nSystem\n'));
			expect(system).toContain(`Build (${inert(r.metadata.kernel_version ?? '')})`);
			for (const b of r.metadata.boots)
				expect(system.replace(/\n +/g, ' ')).toContain(
					`boot ${b.index}: lines ${b.first_line}-${b.last_line}, kernel ${inert(b.kernel_version ?? '')}`
				);
		});
	}

	it('shows a bidirectional mark as an escape, as an override is shown', async () => {
		const r = await analyzeText(log('\u200f\u200e\u061c'));
		const text = formatText(r);
		expect(text).toContain('Build (6.1.0-\\u200f\\u200e\\u061c)');
		expect(formatMarkdown(r)).toContain('| Build (6.1.0-\\\\u200f\\\\u200e\\\\u061c) |');
	});
});
