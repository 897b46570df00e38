/**
 * Inputs that are no log are errors that say which input: a directory given as standard input
 * (`necroscope < /var/log`) had been read as an empty log (exit 0, "The input is empty"), and an
 * empty file name (`necroscope "$LOG"` with LOG unset) gave `necroscope: : no such file`. A
 * NecroScope text or Markdown report (only the JSON one can be rendered again) had been analysed
 * as a log: "No kernel messages were recognised" and a taint read from the report's words.
 */
import { spawnSync } from 'node:child_process';
import { openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleCli } from '../support/cli-bundle.ts';
import { storedXz } from '../support/stored.ts';
import { OUTPUT_FIXTURES, ROOT } from '../output/helpers.ts';

const { tmp, cli: CLI } = bundleCli('necroscope-cli-inputs-');
const OOPS = join(OUTPUT_FIXTURES, 'abrt-1-oops.log');

function run(args: string[], stdin: number | 'pipe' = 'pipe') {
	const r = spawnSync(process.execPath, [CLI, ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: [stdin, 'pipe', 'pipe'],
		timeout: 60_000
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('inputs that are no log', () => {
	it('a directory as standard input: exit 2, one line naming standard input', () => {
		const fd = openSync(tmp, 'r');
		try {
			for (const args of [[], ['-'], ['--format', 'json', '-']]) {
				const r = run(args, fd);
				expect(r.code).toBe(2);
				expect(r.stderr).toBe('necroscope: standard input: is a directory\n');
				expect(r.stdout).toBe('');
			}
			// among several inputs, the others are still analysed
			const out = join(tmp, 'reports');
			const r = run(['--out-dir', out, '-', OOPS], fd);
			expect(r.code).toBe(2);
			expect(r.stderr).toBe('necroscope: standard input: is a directory\n');
		} finally {
			closeSync(fd);
		}
	});

	it('an empty file name: exit 2, a message that shows it', () => {
		const r = run(['']);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe("necroscope: '': no such file (an empty file name)\n");
		expect(r.stdout).toBe('');
		const out = join(tmp, 'reports2');
		const several = run(['--out-dir', out, '', OOPS]);
		expect(several.code).toBe(2);
		expect(several.stderr).toBe("necroscope: '': no such file (an empty file name)\n");
	});

	it('a text or Markdown report: exit 2, said to be one; its JSON is rendered again', () => {
		const golden = join(ROOT, 'fixtures/output/golden');
		for (const [file, kind] of [
			['serverlog-kern-log-1.txt', 'text'],
			['serverlog-kern-log-1.md', 'Markdown']
		]) {
			const path = join(golden, file);
			const r = run([path]);
			expect(r.code).toBe(2);
			expect(r.stderr).toBe(
				`necroscope: ${path}: is a NecroScope ${kind} report, not a kernel log (give the log, or the report's JSON, which is rendered again in the --format asked)\n`
			);
			expect(r.stdout).toBe('');
		}
		// compressed (report.txt.gz, .xz): the same, where it had been analysed as a log (exit 0, a
		// finding read from the report's own words)
		for (const [file, kind, compress] of [
			['report.txt.gz', 'text', (b: Buffer) => gzipSync(b)],
			['report.md.xz', 'Markdown', (b: Buffer) => storedXz(b)]
		] as const) {
			const path = join(tmp, file);
			const source = kind === 'text' ? 'serverlog-kern-log-1.txt' : 'serverlog-kern-log-1.md';
			writeFileSync(path, compress(readFileSync(join(golden, source))));
			const r = run([path]);
			expect(r.code, file).toBe(2);
			expect(r.stderr, file).toBe(
				`necroscope: ${path}: is a compressed NecroScope ${kind} report, not a kernel log: decompress it to read it as it is, or give the log, or the report's JSON, instead\n`
			);
			expect(r.stdout, file).toBe('');
		}
		// on standard input too, and the JSON report beside them is still rendered in the format asked
		const md = spawnSync(process.execPath, [CLI], {
			cwd: ROOT,
			encoding: 'utf8',
			input: readFileSync(join(golden, 'serverlog-kern-log-1.md'), 'utf8')
		});
		expect(md.status).toBe(2);
		expect(md.stderr).toMatch(/^necroscope: standard input: is a NecroScope Markdown report/);
		const json = run(['--format', 'text', join(golden, 'serverlog-kern-log-1.json')]);
		expect(json.code).toBe(0);
		expect(json.stdout).toBe(readFileSync(join(golden, 'serverlog-kern-log-1.txt'), 'utf8'));
	});
});
