/**
 * An input read only in part (a .gz or .xz damaged or cut after some lines) is an input error:
 * its report of the lines read is written as before, one line on stderr says what was read, and
 * the exit status is 2, alone or among several inputs, whatever --fail-on finds. It had been 0,
 * only the report's headline saying so, so a script or `--fail-on` passed a log it never saw whole.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleCli } from '../support/cli-bundle.ts';
import { OUTPUT_FIXTURES, ROOT } from '../output/helpers.ts';

const { tmp, cli: CLI } = bundleCli('necroscope-incomplete-');

function run(args: string[], input = '') {
	const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const OOPS = join(OUTPUT_FIXTURES, 'abrt-1-oops.log');
const XZ = join(ROOT, 'fixtures', 'compressed', 'fishlogs-dmesg-log.log.xz');

/** abrt-1-oops.log gzipped and cut after its first 38 lines' bytes */
function cutGzip(): string {
	const f = join(tmp, 'cut-oops.log.gz');
	writeFileSync(f, gzipSync(readFileSync(OOPS)).subarray(0, 1500));
	return f;
}

function cutXz(): string {
	const f = join(tmp, 'cut-fishlogs.log.xz');
	writeFileSync(f, readFileSync(XZ).subarray(0, 40_000));
	return f;
}

describe('an input read in part', () => {
	it('a truncated .gz: the report of the lines read, one line on stderr, exit 2', () => {
		const gz = cutGzip();
		const r = run(['--format', 'json', gz]);
		expect(r.code).toBe(2);
		const report = JSON.parse(r.stdout);
		expect(report.input.lines_total).toBeGreaterThan(0);
		expect(report.input.warnings).toContain(
			`Incomplete: The compressed file is truncated: it ends in the middle of its data. This report covers only the first ${report.input.lines_total} lines.`
		);
		expect(r.stderr).toBe(
			`necroscope: ${gz}: The compressed file is truncated: it ends in the middle of its data. This report covers only the first ${report.input.lines_total} lines.\n`
		);
		// --fail-on that finds nothing does not make it pass; one that finds something neither
		expect(run(['--fail-on', 'critical', gz]).code).toBe(2);
		expect(run(['--fail-on', 'info', gz]).code).toBe(2);
		// from standard input too
		const piped = spawnSync(process.execPath, [CLI], { input: readFileSync(gz) });
		expect(piped.status).toBe(2);
		expect(piped.stderr.toString()).toMatch(/^necroscope: standard input: The compressed file/);
	});

	it('a .gz whose data is read whole, followed by other bytes: a complete report, its note, exit 0', () => {
		const gz = gzipSync(readFileSync(OOPS));
		const f = join(tmp, 'oops-then-text.log.gz');
		writeFileSync(f, Buffer.concat([gz, Buffer.from('appended text\n')]));
		const r = run(['--format', 'json', '--fail-on', 'critical', f]);
		// it had exited 2, called "Incomplete" though nothing of its gzip data was lost
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		const report = JSON.parse(r.stdout);
		expect(report.input.lines_total).toBe(readFileSync(OOPS, 'utf8').split('\n').length - 1);
		expect(report.input.warnings.join('\n')).not.toContain('Incomplete');
		expect(report.input.warnings).toContain(
			`The compressed file is followed by bytes that are not gzip data ("trailing garbage"): its gzip data ends at byte ${gz.length.toLocaleString('en-US')} and was read whole, and the 14 bytes after it (text) were not read: \`tail -c +${gz.length + 1} FILE\` prints them, to analyse apart.`
		);
		// from standard input (no second source: the bytes kept as they were read) the same
		const piped = spawnSync(process.execPath, [CLI, '--format', 'json'], {
			input: readFileSync(f)
		});
		expect(piped.status).toBe(0);
		expect(piped.stdout.toString()).toBe(r.stdout.replace('"oops-then-text.log.gz"', 'null'));
	});

	it('a truncated .xz: exit 2', () => {
		const xz = cutXz();
		const r = run([xz]);
		expect(r.code).toBe(2);
		expect(r.stdout).toContain('Verdict: ');
		expect(r.stderr).toMatch(
			/^necroscope: .*cut-fishlogs\.log\.xz: The compressed file is truncated: it ends in the middle of its data\. This report covers only the first [\d,]+ lines\.\n$/
		);
	});

	it('among several inputs: every report written, one line for each input read in part, exit 2', () => {
		const out = join(tmp, 'batch');
		const gz = cutGzip();
		const xz = cutXz();
		const r = run(['--out-dir', out, '--fail-on', 'critical', OOPS, gz, xz]);
		expect(r.code).toBe(2);
		const lines = r.stderr.trimEnd().split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^necroscope: .*cut-oops\.log\.gz: The compressed file is truncated/);
		expect(lines[1]).toMatch(
			/^necroscope: .*cut-fishlogs\.log\.xz: The compressed file is truncated/
		);
		expect(readdirSync(out).sort()).toEqual([
			'abrt-1-oops.txt',
			'cut-fishlogs.log.txt',
			'cut-oops.log.txt'
		]);
		// the whole inputs alone pass
		expect(run(['--out-dir', join(tmp, 'whole'), OOPS, XZ]).code).toBe(0);
	});

	it('a JSON report of such an input, rendered again, is read whole: exit 0', () => {
		const json = join(tmp, 'cut-report.json');
		writeFileSync(json, run(['--format', 'json', cutGzip()]).stdout);
		const r = run([json]);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		expect(r.stdout.replace(/\n +/g, ' ')).toContain(
			'Incomplete: The compressed file is truncated'
		);
	});
});
