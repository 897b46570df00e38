import { analyzeText } from '../../src/lib/pipeline.ts';

/** The report of a log given as lines (each ends with a newline, as in a file). */
export function analyzeLines(lines: string[]) {
	return analyzeText(lines.join('\n') + '\n');
}

/** The findings of a log given as lines (each ends with a newline, as in a file). */
export async function findingsOf(lines: string[]) {
	return (await analyzeLines(lines)).findings;
}

/** The crash findings of a log given as lines. */
export async function crashesOf(lines: string[]) {
	return (await findingsOf(lines)).filter((f) => f.category === 'crash');
}
