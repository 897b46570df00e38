import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeStream, type AnalyzeOptions } from '../../src/lib/index.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const OUTPUT_FIXTURES = join(ROOT, 'fixtures', 'output');

/** Every log under fixtures/ (any area), sorted, as paths relative to the repository. */
export function fixtureLogs(): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		if (!existsSync(dir)) return;
		for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
			a.name < b.name ? -1 : 1
		)) {
			const p = join(dir, e.name);
			if (e.isDirectory()) {
				if (e.name !== 'golden') walk(p);
			} else if (/\.(?:log|txt|gz)$/.test(e.name) && !/README|\.expect\./i.test(e.name))
				out.push(p);
		}
	};
	walk(join(ROOT, 'fixtures'));
	return out;
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
	yield bytes;
}

/** Analyse a file the way the CLI does (same options, so the same bytes). */
export function analyzeFile(path: string, opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
	const bytes = new Uint8Array(readFileSync(path));
	return analyzeStream(once(bytes), {
		name: path.split('/').pop() ?? null,
		...opts
	});
}

/** The `.log` files of a directory (a corpus given by NECROSCOPE_CORPUS), by name. */
export function logsIn(dir: string): string[] {
	return readdirSync(dir)
		.filter((n) => n.endsWith('.log'))
		.map((n) => join(dir, n));
}
