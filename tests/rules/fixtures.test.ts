import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/lib/pipeline.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';

/**
 * Real logs (fixtures/health, see its README for sources) with golden findings. The golden
 * files are written only with UPDATE_GOLDEN=1 and must be reviewed by hand before committing.
 * Crash findings (analysis/crash) are left out: they have their own tests.
 */
const DIR = join(import.meta.dirname, '../../fixtures/health');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const LOGS = readdirSync(DIR).filter((f) => f.endsWith('.log'));

async function analyzeFile(name: string): Promise<AnalysisResult> {
	const bytes = new Uint8Array(readFileSync(join(DIR, name)));
	async function* source() {
		yield bytes;
	}
	return analyzeStream(source(), { name });
}

function digest(r: AnalysisResult) {
	const health = r.findings.filter((f) => f.category !== 'crash');
	const rule = new Map(r.findings.map((f) => [f.id, f.rule]));
	return {
		findings: health.map((f) => ({
			rule: f.rule,
			category: f.category,
			title: f.title,
			severity: f.severity,
			count: f.count,
			first_line: f.first_line
		})),
		cascades: r.cascades.map((c) => c.chain.map((id) => rule.get(id)))
	};
}

describe('health fixtures', () => {
	it('has fixtures', () => {
		expect(LOGS.length).toBeGreaterThanOrEqual(5);
	});

	for (const name of LOGS) {
		it(`${name} gives the reviewed findings`, async () => {
			const got = digest(await analyzeFile(name));
			const golden = join(DIR, name.replace(/\.log$/, '.expected.json'));
			if (UPDATE || !existsSync(golden)) {
				writeFileSync(golden, JSON.stringify(got, null, '\t') + '\n');
				if (!UPDATE) throw new Error(`wrote missing golden file ${golden}; review it`);
			}
			expect(got).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
		});
	}

	for (const name of LOGS.filter((f) => f.startsWith('clean-'))) {
		it(`${name}: a clean boot gives nothing above low`, async () => {
			const r = await analyzeFile(name);
			const loud = r.findings.filter((f) => f.severity !== 'low' && f.severity !== 'info');
			expect(loud.map((f) => `${f.severity} ${f.title}`)).toEqual([]);
			expect(['healthy', 'minor-issues']).toContain(r.summary.verdict);
		});
	}
});
