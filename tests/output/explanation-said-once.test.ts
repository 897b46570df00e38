/**
 * The text and Markdown reports say each part of an explanation once: a finding whose meaning,
 * causes or steps an earlier finding of the report printed word for word refers to it. Four
 * `coresight-*` probe failures of fishlogs-dmesg-log.log had printed the same 25 lines four times.
 * The JSON keeps every explanation.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { formatJson } from '../../src/lib/output/json.ts';
import { explanationsSaidOnce, saidBeforeText } from '../../src/lib/output/common.ts';
import type { Finding } from '../../src/lib/models/finding.ts';
import { analyzeFile, OUTPUT_FIXTURES } from './helpers.ts';

const FISH = join(OUTPUT_FIXTURES, 'fishlogs-dmesg-log.log');

/** the text report's block of the finding `id`: from its title to the next blank line */
function block(txt: string, id: string): string {
	const lines = txt.split('\n');
	const at = lines.findIndex((l) => l.startsWith(`  id ${id},`));
	const end = lines.indexOf('', at);
	return lines.slice(at - 1, end).join('\n');
}

describe('an explanation said once in a report', () => {
	it('refers to the first finding that printed it, in the order the report prints them', async () => {
		const r = await analyzeFile(FISH);
		const probes = r.findings.filter((f) => f.rule === 'hardware.driver-probe-failed');
		expect(probes.map((f) => f.details.driver)).toEqual([
			'coresight-cti',
			'coresight-tmc',
			'coresight-tpdm',
			'coresight-stm'
		]);
		const [first, ...rest] = probes;
		const txt = formatText(r);
		// the first prints its explanation whole
		expect(block(txt, first.id)).toContain('  What it means: ');
		expect(block(txt, first.id)).toContain('  What to do:\n    - Look at the lines just before it');
		for (const f of rest) {
			const b = block(txt, f.id);
			expect(b).toContain(
				`  What it means, likely causes and what to do: the same as for ${first.id}\n    above (Driver coresight-cti could not start its device).`
			);
			expect(b).not.toContain('Likely causes:');
			// its own facts, evidence and references stay
			expect(b).toContain(`    driver: ${String(f.details.driver)}`);
			expect(b).toContain(
				'  References: https://docs.kernel.org/driver-api/driver-model/driver.html'
			);
		}
		const md = formatMarkdown(r);
		expect(
			md.split(
				`**What it means, likely causes and what to do:** the same as for \`${first.id}\` above (\`Driver coresight-cti could not start its device\`).`
			).length - 1
		).toBe(3);
		expect(md.split('**What to do:**\n\n- Look at the lines just before it').length - 1).toBe(1);
		// the JSON keeps each finding's explanation
		const json = JSON.parse(formatJson(r)) as { findings: Finding[] };
		for (const f of json.findings.filter((x) => x.rule === 'hardware.driver-probe-failed'))
			expect(f.explanation).toEqual(first.explanation);
	});

	it('names only the parts that are the same, and gives a crash whose steps name its own id that id', async () => {
		const r = await analyzeFile(FISH);
		const said = explanationsSaidOnce(r);
		const [a, b] = r.findings.filter((f) => f.rule === 'hardware.driver-probe-failed');
		expect(said(a)).toEqual([]);
		const meaningOnly: Finding = {
			...b,
			explanation: { ...b.explanation, causes: [], next_steps: ['Something else to do.'] }
		};
		expect(said(meaningOnly).map((x) => [x.as.id, x.label])).toEqual([[a.id, 'What it means']]);
		// two crashes of one rule whose advice is `necroscope --lines <id> …`: the steps differ
		const crash = r.findings.find((f) => f.category === 'crash')!;
		const withLines: Finding = {
			...crash,
			explanation: {
				...crash.explanation,
				next_steps: ['Run `necroscope --lines ' + crash.id + ' LOG > ' + crash.id + '.txt`.']
			}
		};
		const twin: Finding = {
			...withLines,
			id: 'crash-00000001',
			explanation: {
				...crash.explanation,
				next_steps: ['Run `necroscope --lines crash-00000001 LOG > crash-00000001.txt`.']
			}
		};
		const fresh = explanationsSaidOnce(r);
		fresh(withLines);
		const twinSaid = fresh(twin);
		expect(twinSaid.map((x) => [x.as.id, x.label, x.id])).toEqual([
			[crash.id, 'What it means, likely causes and what to do', 'crash-00000001']
		]);
		expect(saidBeforeText(twinSaid[0])).toBe(
			`the same as for ${crash.id} above (${crash.title}), with crash-00000001 in place of its id.`
		);
		// a step that differs elsewhere is printed
		const other: Finding = {
			...twin,
			id: 'crash-00000002',
			explanation: {
				...crash.explanation,
				next_steps: ['Run `necroscope --lines crash-00000002 LOG > crash-00000002.txt` twice.']
			}
		};
		expect(fresh(other).map((x) => x.label)).toEqual(['What it means and likely causes']);
	});
});

describe('an explanation said once in a shortened Markdown report', () => {
	it('refers only to findings it shows with their explanation, and fits more of them', async () => {
		// a RHEL 6 kdump's dmesg of 16 findings, five soft lockups among them: too long for an
		// issue with every explanation whole (11 had kept theirs), short enough with each said once
		const r = await analyzeFile(join(OUTPUT_FIXTURES, 'crash-dmesg-vmcore-dmesg-txt.log'));
		const md = formatMarkdown(r);
		expect(md).toContain(
			'its 16 findings show at most 20 evidence lines and 30 frames each. The JSON report has everything.'
		);
		const refs = [...md.matchAll(/\*\* the same as for `([a-z]+-[0-9a-f]{8})` above/g)];
		expect(refs.length).toBeGreaterThanOrEqual(5);
		for (const m of refs) {
			const section = md.indexOf(`- **Id:** \`${m[1]}\``);
			expect(section, m[1]).toBeGreaterThan(0);
			expect(section).toBeLessThan(m.index);
			// its explanation is there, between its section and the next
			const next = md.indexOf('\n#### ', section);
			expect(md.slice(section, next)).toContain('**What it means:**');
		}
	});
});
