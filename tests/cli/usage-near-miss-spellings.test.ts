/**
 * Near-miss spellings of the options name what was meant: a short option glued to its value as
 * getopt would read it (`-fjson`), a long one glued to it (`--formatjson`, `--fail-on-high`), a
 * spelling another tool uses (`--jsn` for `--json`), and a dash a web page or word processor
 * made of `--` (`—format`, which the shell passes as a file name). They had said only
 * `(--help lists the options)`, or `several inputs need --out-dir DIR`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleCli } from '../support/cli-bundle.ts';
import { OUTPUT_FIXTURES, ROOT } from '../output/helpers.ts';

const { cli: CLI } = bundleCli('necroscope-spellings-');
const OOPS = join(OUTPUT_FIXTURES, 'abrt-1-oops.log');

function usageError(args: string[]): string {
	const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input: '', encoding: 'utf8' });
	expect(r.status, args.join(' ')).toBe(2);
	expect(r.stdout).toBe('');
	return r.stderr;
}

describe('a near-miss spelling of an option', () => {
	const cases: [string, string][] = [
		['-fjson', 'unknown option -fjson: did you mean --format json?'],
		['-Fmarkdown', 'unknown option -Fmarkdown: did you mean --format markdown?'],
		['-f=json', 'unknown option -f=json: did you mean --format json?'],
		['-oreports', 'unknown option -oreports: did you mean --out-dir reports?'],
		['-format=json', 'unknown option -format=json: did you mean --format json?'],
		['--formatjson', 'unknown option --formatjson: did you mean --format json?'],
		['--format-JSON', 'unknown option --format-JSON: did you mean --format json?'],
		['--format:md', 'unknown option --format:md: did you mean --format md?'],
		['--fail-onhigh', 'unknown option --fail-onhigh: did you mean --fail-on high?'],
		['--fail-on-crit', 'unknown option --fail-on-crit: did you mean --fail-on critical?'],
		['--year2016', 'unknown option --year2016: did you mean --year 2016?'],
		['--out-dir-reports', 'unknown option --out-dir-reports: did you mean --out-dir reports?'],
		['--lines-crash-1', 'unknown option --lines-crash-1: did you mean --lines crash-1?'],
		['--jsn', 'unknown option --jsn: did you mean --format json?'],
		['--markdwon', 'unknown option --markdwon: did you mean --format markdown?'],
		// a typo of the option alone is not read as a glued value
		['--formats', 'unknown option --formats: did you mean --format?'],
		['--frobnicate', 'unknown option --frobnicate (--help lists the options)'],
		['-x', 'unknown option -x (--help lists the options)'],
		['—format', "—format is no option (its dash is not the ASCII '-'): did you mean --format?"],
		[
			'–-anonymise',
			"–-anonymise is no option (its dash is not the ASCII '-'): did you mean --anonymize?"
		]
	];
	for (const [arg, message] of cases)
		it(`${arg}: ${message}`, () => {
			expect(usageError([arg, OOPS])).toBe(`necroscope: ${message}\n`);
		});

	it('a file whose name starts with such a dash is still read', () => {
		const r = spawnSync(process.execPath, [CLI, '—no-such-option.log'], {
			cwd: ROOT,
			input: '',
			encoding: 'utf8'
		});
		// not an option anyone meant: the missing file is what is said
		expect(r.stderr).toBe('necroscope: —no-such-option.log: no such file\n');
	});
});
