/**
 * A crash report longer than the lines kept (160): the file `--lines ID` writes and the page's
 * Save crash report saves (one function, findingLines) ends with a line saying that lines are
 * left out and where the whole report is in the input, which decode_stacktrace.sh copies as it
 * is. The CLI also says so on stderr. A report kept whole has no such line.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { MAX_EVIDENCE } from '../../src/lib/models/finding.ts';
import { findingLines, linesCutNote } from '../../src/lib/output/finding-lines.ts';
import { bundleCli } from '../support/cli-bundle.ts';
import { longWarning } from '../support/long-warning.ts';
import { OUTPUT_FIXTURES, ROOT } from '../output/helpers.ts';

const { tmp, cli: CLI } = bundleCli('necroscope-lines-cut-');

function run(args: string[]) {
	const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input: '', encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function crashOf(text: string) {
	const r = await analyzeText(text, { name: 'long.log' });
	return r.findings.find((f) => f.category === 'crash')!;
}

/**
 * The lines decode_stacktrace.sh (scripts/decode_stacktrace.sh of the kernel) does not copy as
 * they are: an address in brackets or a `symbol+0x…/0x…` (handle_line), a `Code:` line
 * (decode_code), and with debuginfod a `PID: N Comm:` line.
 */
function rewrittenByDecodeStacktrace(line: string): boolean {
	return (
		/\[<[^\]]+>\]/.test(line) ||
		// the script's `[^+\ ]+\+0x…`: one character but `+` and space before `+0x` is enough
		/[^+ ]\+0x[\da-f]+\/0x[\da-f]+/.test(line) ||
		line.includes('Code:') ||
		/PID: \d+ Comm:/.test(line)
	);
}

describe('the lines of a report longer than the lines kept', () => {
	it('end with a line saying which lines are left out and where the report is', async () => {
		const f = await crashOf(longWarning(300));
		expect(f.evidence).toHaveLength(MAX_EVIDENCE);
		const lines = findingLines(f).split('\n');
		expect(lines.pop()).toBe('');
		expect(lines).toHaveLength(MAX_EVIDENCE + 1);
		const note = lines[MAX_EVIDENCE];
		const lastKept = f.evidence[MAX_EVIDENCE - 1].line;
		// the header (line 4) to the end marker: 6 lines before the frames, 300 frames, 2 after
		expect(f.first_line).toBe(4);
		expect(f.last_line).toBe(311);
		expect(note).toBe(
			`# NecroScope kept the first 160 lines of this report, to line ${lastKept} of the input: ${f.details.lines_omitted} more, to line 311, are left out (the whole report is lines 4-311 of the input)`
		);
		expect(note).toBe(linesCutNote(f));
		expect(rewrittenByDecodeStacktrace(note)).toBe(false);
		// the kept lines are the block's first 160, as printed
		expect(lines.slice(0, MAX_EVIDENCE)).toEqual(f.evidence.map((e) => e.text));
	});

	it('the CLI writes the same bytes, and says so on stderr', async () => {
		const text = longWarning(300);
		const f = await crashOf(text);
		const log = join(tmp, 'long.log');
		writeFileSync(log, text);
		const r = run(['--lines', f.id, log]);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(findingLines(f));
		expect(r.stdout.endsWith(`${linesCutNote(f)}\n`)).toBe(true);
		expect(r.stderr).toBe(
			`necroscope: ${log}: ${f.id}: its report runs to line 311; the 160 lines kept (to line ${f.evidence[MAX_EVIDENCE - 1].line}) are written, and a last line that says so\n`
		);
	});

	it('a report kept whole has no such line', async () => {
		const f = await crashOf(longWarning(20));
		expect(linesCutNote(f)).toBeNull();
		expect(findingLines(f)).toBe(f.evidence.map((e) => e.text + '\n').join(''));
		const r = run(['--lines', 'crash-6009d14e', join(OUTPUT_FIXTURES, 'abrt-1-oops.log')]);
		expect(r.code).toBe(0);
		expect(r.stdout).not.toContain('# NecroScope');
		expect(r.stderr).toBe('');
	});
});
