/**
 * A crash's lines appear once in the text and Markdown reports: the frames and register lines
 * its evidence quotes are read there (the guilty frame's line marked `>` in the margin), not
 * printed again as a call trace and a register block of their own (some 25 lines per crash);
 * every evidence line keeps its line number, and frames past the evidence kept are still listed.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lib/models/finding.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { frameLabel, registerLines } from '../../src/lib/output/common.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { analyzeFile, OUTPUT_FIXTURES } from './helpers.ts';

const LOGS = ['abrt-1-oops.log', 'syzkaller-424.log', 'synthetic-personal.log'];

function crashOf(r: AnalysisResult): Finding {
	const f = r.findings.find((x) => x.category === 'crash' && (x.stack?.frames.length ?? 0) > 1);
	if (!f) throw new Error('no crash with a call trace');
	return f;
}

/** how many lines of `text` are `line` */
function count(text: string, line: string): number {
	return text.split('\n').filter((l) => l === line).length;
}

describe('a crash’s lines in the text report', () => {
	for (const name of LOGS)
		it(`are printed once, with their line numbers (${name})`, async () => {
			const r = await analyzeFile(join(OUTPUT_FIXTURES, name));
			const f = crashOf(r);
			const txt = formatText(r);
			const width = String(Math.max(...f.evidence.map((e) => e.line))).length;
			const guilty = f.stack!.frames.find((fr) => fr.function === f.stack!.guilty_frame)!;
			for (const e of f.evidence) {
				const mark = e.line === guilty.line ? '>' : ' ';
				expect(count(txt, `  ${mark} ${String(e.line).padStart(width)} | ${e.text}`)).toBe(1);
			}
			// no frame listed again apart from its evidence line
			for (const fr of f.stack!.frames) {
				expect(txt).not.toContain(`\n     ${frameLabel(fr)}\n`);
				expect(txt).not.toContain(`\n   > ${frameLabel(fr)}\n`);
			}
			// the register lines once: as the evidence quotes them
			for (const reg of registerLines(f))
				expect(
					txt.split('\n').filter((l) => l.endsWith(` | ${reg}`) || l === `    ${reg}`)
				).toHaveLength(1);
			expect(txt).not.toContain('  Registers:');
			// a line (wrapped at 80 columns) says where the trace is and which line is the guilty frame's
			expect(txt.replace(/\n {4}(?! )/g, ' ')).toContain(
				`  Call trace: ${f.stack!.frames.length} frames on lines ${Math.min(...f.stack!.frames.map((x) => x.line))}-${Math.max(...f.stack!.frames.map((x) => x.line))} of the evidence; > marks the guilty frame's line: ${frameLabel(guilty)}`
			);
		});

	it('lists the frames and registers past the evidence kept', async () => {
		const r = await analyzeFile(join(OUTPUT_FIXTURES, 'syzkaller-424.log'));
		const f = crashOf(r);
		// the evidence cut inside the trace, as a report longer than the lines kept is
		f.evidence = f.evidence.slice(0, 12);
		f.details.registers = ['RIP: 0010:chaoskey_disconnect+0x1b2/0x200'];
		const last = f.evidence[f.evidence.length - 1].line;
		const inside = f.stack!.frames.filter((fr) => fr.line <= last);
		const past = f.stack!.frames.filter((fr) => fr.line > last);
		expect(inside.length).toBeGreaterThan(0);
		const txt = formatText(r);
		expect(txt).toContain(
			`  Call trace: ${f.stack!.frames.length} frames, ${inside.length} of them on lines`
		);
		expect(txt).toContain(
			`  Call trace past the evidence (${past.length} frames, > marks the guilty frame):`
		);
		expect(txt).toContain('\n   > chaoskey_disconnect+0x1b2/0x200\n');
		for (const fr of past.slice(0, 40)) expect(txt).toContain(` ${frameLabel(fr)}\n`);
		expect(txt).toContain('  Registers:\n    RIP: 0010:chaoskey_disconnect+0x1b2/0x200\n');
		const md = formatMarkdown(r);
		expect(md).toContain(
			`<summary>Call trace past the evidence (${past.length} frames, > marks the guilty frame)</summary>`
		);
		expect(md).toContain(
			`<summary>Evidence (12 lines, with ${inside.length} of ${f.stack!.frames.length} call-trace frames)</summary>`
		);
		expect(md).toContain('<summary>Registers (1 line)</summary>');
		// after the evidence, where the trace goes on: they had come before it, the trace's later
		// frames above an evidence ending on its first ones
		const lastLine = f.evidence[f.evidence.length - 1];
		const at = (s: string, what: string) => {
			const i = s.indexOf(what);
			expect(i, what).toBeGreaterThan(0);
			return i;
		};
		expect(at(txt, '  Evidence:')).toBeLessThan(at(txt, '  Call trace past the evidence'));
		expect(
			at(txt, ` ${lastLine.line} | ${lastLine.text}\n  Call trace past the evidence (`)
		).toBeGreaterThan(0);
		expect(at(txt, '  Call trace past the evidence')).toBeLessThan(at(txt, '  Registers:'));
		expect(at(md, '<summary>Evidence (')).toBeLessThan(
			at(md, '<summary>Call trace past the evidence')
		);
		expect(at(md, '<summary>Call trace past the evidence')).toBeLessThan(
			at(md, '<summary>Registers (')
		);
	});

	it('lists a trace the evidence does not quote before the evidence, as it was', async () => {
		const r = await analyzeFile(join(OUTPUT_FIXTURES, 'syzkaller-424.log'));
		const f = crashOf(r);
		// the evidence cut before the trace starts
		const first = Math.min(...f.stack!.frames.map((fr) => fr.line));
		f.evidence = f.evidence.filter((e) => e.line < first);
		const txt = formatText(r);
		expect(txt.indexOf(`  Call trace (${f.stack!.frames.length} frames`)).toBeGreaterThan(0);
		expect(txt.indexOf('  Call trace (')).toBeLessThan(txt.indexOf('  Evidence:'));
	});
});

describe('a crash’s lines in the Markdown report', () => {
	for (const name of LOGS)
		it(`are in one code block, the guilty frame's line marked (${name})`, async () => {
			const r = await analyzeFile(join(OUTPUT_FIXTURES, name));
			const f = crashOf(r);
			const md = formatMarkdown(r);
			expect(md).not.toContain('<summary>Call trace');
			expect(md).not.toContain('<summary>Registers');
			const width = String(f.evidence[f.evidence.length - 1].line).length;
			const guilty = f.stack!.frames.find((fr) => fr.function === f.stack!.guilty_frame)!;
			for (const e of f.evidence) {
				const mark = e.line === guilty.line ? '> ' : '  ';
				expect(count(md, `${mark}${String(e.line).padStart(width)} | ${e.text}`)).toBe(1);
			}
		});
});
