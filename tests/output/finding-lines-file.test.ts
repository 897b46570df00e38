/**
 * A crash's lines as a file (findingLines): what the CLI's `--lines ID` writes and the page's
 * Save crash report saves, for `decode_stacktrace.sh vmlinux < ID.txt`. The page had saved the
 * finding's part of the text report (numbered evidence, advice, facts), which the decoder passes
 * through as noise and which differed from the CLI's file for the same crash.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/index.ts';
import { findingLines, findingLinesFile } from '../../src/lib/output/index.ts';
import { analyzeFile, OUTPUT_FIXTURES } from '../output/helpers.ts';

describe('findingLines', () => {
	it('is the crash report block as printed, one line each, nothing of the text report', async () => {
		const r = await analyzeFile(join(OUTPUT_FIXTURES, 'abrt-1-oops.log'));
		const f = r.findings.find((x) => x.category === 'crash')!;
		const text = findingLines(f);
		expect(text).toBe(f.evidence.map((e) => e.text + '\n').join(''));
		expect(text.split('\n')[0]).toMatch(/^WARNING: CPU: 0 PID: 37 at drivers\/gpu\/drm\/radeon/);
		expect(text).not.toMatch(/Evidence:|What to do:|^\* /m);
		expect(text.endsWith('---[ end trace 056472c3176dbd80 ]---\n')).toBe(true);
		expect(findingLinesFile(f)).toBe(`${f.id}.txt`);
	});

	it('shows control characters as escapes, as the text report does', async () => {
		const log = [
			'[    1.000000] BUG: unable to handle kernel NULL pointer dereference at 0000000000000008',
			'[    1.000001] IP: foo_probe+0x10/0x20 [foo]',
			'[    1.000002] Oops: 0002 [#1] SMP',
			'[    1.000003] CPU: 0 PID: 1 Comm: swap\x07per\u202e Not tainted 5.4.0 #1',
			'[    1.000004] Call Trace:',
			'[    1.000005]  foo_probe+0x10/0x20 [foo]',
			'[    1.000006]  do_one_initcall+0x4a/0x200',
			'[    1.000007] ---[ end trace 0123456789abcdef ]---'
		].join('\n');
		const r = await analyzeText(log);
		const f = r.findings.find((x) => x.category === 'crash')!;
		const text = findingLines(f);
		expect(text).toContain('Comm: swap\\x07per\\u202e Not tainted');
		expect(text).not.toContain('\x07');
		expect(text).not.toContain('\u202e');
		expect(text.split('\n').length).toBe(f.evidence.length + 1);
	});
});
