/**
 * The System section's rows carry their value in parts (metadataRows: our words, and the log's
 * names that the Markdown report shows as one code span): nothing is looked for again inside
 * formatted text. The Markdown report had found the module list inside `1: 1` at the count's
 * place, and made the count the code span.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { metadataRows, rowText } from '../../src/lib/output/common.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';

const LOG = [
	'[    0.000000] Linux version 6.1.0 (builder@host) (gcc 12.2.0) #1 SMP',
	'[    5.000000] Modules linked in: 1'
].join('\n');

describe('the System rows', () => {
	it('keep the module list apart from the count before it', async () => {
		const r = await analyzeText(LOG + '\n');
		expect(r.metadata.modules).toEqual(['1']);
		const modules = metadataRows(r).find((row) => row.label === 'Modules');
		expect(modules?.parts).toEqual([
			{ text: '1: ', names: false },
			{ text: '1', names: true }
		]);
		expect(formatMarkdown(r)).toContain('| Modules | 1: `1` |');
		expect(formatText(r)).toMatch(/^Modules {9}1: 1$/m);
	});

	it('say the whole value as text, the build banner a part of names', async () => {
		const r = await analyzeText(LOG + '\n');
		const build = metadataRows(r).find((row) => row.label === 'Build');
		expect(build?.parts).toEqual([{ text: r.metadata.kernel_build, names: true }]);
		expect(rowText(build!)).toBe(r.metadata.kernel_build);
	});
});
