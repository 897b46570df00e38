/**
 * `--format` or `--fail-on` with no value after it (last, or before another option) is a usage
 * error that lists the values it takes, as `--format=` is; it had said `--format needs a value`
 * alone, and `--format --anonymize` had read `--anonymize` as the format. `--version` and
 * `--print-schema` with anything else (`--version extra`, `--print-schema x.log`) are usage
 * errors: the extras had been ignored without a word. --help still prints the usage whatever
 * follows it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleCli } from '../support/cli-bundle.ts';
import { OUTPUT_FIXTURES, ROOT } from '../output/helpers.ts';

const { cli: CLI, tmp: TMP } = bundleCli('necroscope-lone-flags-');
const OOPS = join(OUTPUT_FIXTURES, 'abrt-1-oops.log');

function run(args: string[], cwd = ROOT) {
	const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input: '', encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FORMATS = '(json, text, markdown)';
const SEVERITIES = '(critical, high, medium, low, info)';

describe('usage errors', () => {
	it('an option without its value lists the values it takes', () => {
		const cases: [string[], string][] = [
			[['--format'], `--format needs a value ${FORMATS}`],
			[[OOPS, '--format'], `--format needs a value ${FORMATS}`],
			[['--format', '--anonymize', OOPS], `--format needs a value ${FORMATS}`],
			[['--fail-on'], `--fail-on needs a value ${SEVERITIES}`],
			[['--fail-on', '--format', 'json', OOPS], `--fail-on needs a value ${SEVERITIES}`],
			[['--lines', '--anonymize', OOPS], '--lines needs a value'],
			[['--year', '--anonymize', OOPS], '--year needs a value']
		];
		for (const [args, message] of cases) {
			const r = run(args);
			expect(r.stderr, args.join(' ')).toBe(`necroscope: ${message}\n`);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.stdout, args.join(' ')).toBe('');
		}
	});

	it('--out-dir takes a directory named with a leading dash', () => {
		// in a directory of its own: the report is written to ./--/ (it had been written into the
		// checkout, where it was once committed)
		const r = run(['--out-dir', '--', OOPS], TMP);
		// `--` is the directory here, as it was: no usage error about a missing value
		expect(r.stderr).not.toContain('needs a value');
		expect(r.code).toBe(0);
		expect(existsSync(join(TMP, '--', 'abrt-1-oops.txt'))).toBe(true);
	});

	it('--version and --print-schema take nothing else', () => {
		const cases: [string[], string][] = [
			[['--version', 'extra'], '--version takes no other argument (extra)'],
			[['--version', OOPS], `--version takes no other argument (${OOPS})`],
			[['--version', '--anonymize'], '--version takes no other argument (--anonymize)'],
			[['--format=json', '--version'], '--version takes no other argument (--format=json)'],
			[['--version', '--', 'x'], '--version takes no other argument (x)'],
			[['--version', '--print-schema'], '--version takes no other argument (--print-schema)'],
			[['--print-schema', OOPS], `--print-schema takes no other argument (${OOPS})`]
		];
		for (const [args, message] of cases) {
			const r = run(args);
			expect(r.stderr, args.join(' ')).toBe(
				`necroscope: ${message}: give it alone, or leave it out\n`
			);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.stdout, args.join(' ')).toBe('');
		}
		// alone, as before
		expect(run(['--version']).code).toBe(0);
		expect(run(['--print-schema']).code).toBe(0);
		const help = run(['--help', '--version', 'extra']);
		expect(help.code).toBe(0);
		expect(help.stdout).toMatch(/^usage: /);
	});
});
