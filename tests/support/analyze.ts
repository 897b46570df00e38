import { analyzeText } from '../../src/lib/pipeline.ts';

/** The findings of a log given as lines (each ends with a newline, as in a file). */
export async function findingsOf(lines: string[]) {
	const r = await analyzeText(lines.join('\n') + '\n');
	return r.findings;
}
