/**
 * Golden reports: the rendered JSON, text and Markdown of a few logs, byte for byte.
 * A change in the analysis or the formatters shows here as a diff to read; after reading it,
 * refresh with `UPDATE_GOLDEN=1 npx vitest run tests/output/golden.test.ts` and commit the files.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS } from '../../src/lib/output/index.ts';
import type { AnalyzeOptions } from '../../src/lib/index.ts';
import { analyzeFile, OUTPUT_FIXTURES } from './helpers.ts';

const GOLDEN = join(OUTPUT_FIXTURES, 'golden');
const CASES: Array<{ log: string; out: string; opts?: AnalyzeOptions }> = [
	{ log: 'syzkaller-424.log', out: 'syzkaller-424' },
	{ log: 'serverlog-kern-log-1.log', out: 'serverlog-kern-log-1' },
	{
		log: 'synthetic-personal.log',
		out: 'synthetic-personal.anonymized',
		opts: { anonymize: { pointers: true } }
	}
];

describe('golden reports', () => {
	for (const c of CASES) {
		for (const [name, { extension, format }] of Object.entries(OUTPUT_FORMATS)) {
			it(`${c.log} as ${name}`, async () => {
				const actual = format(await analyzeFile(join(OUTPUT_FIXTURES, c.log), c.opts));
				const file = join(GOLDEN, c.out + extension);
				if (process.env.UPDATE_GOLDEN) {
					mkdirSync(GOLDEN, { recursive: true });
					writeFileSync(file, actual);
				}
				expect(existsSync(file), `${file} missing: run with UPDATE_GOLDEN=1`).toBe(true);
				expect(actual, `${c.out}${extension} differs: read the diff, then UPDATE_GOLDEN=1`).toBe(
					readFileSync(file, 'utf8')
				);
			});
		}
	}
});
