/**
 * An option given an empty value with `=` (`--fail-on=`, `--lines=`, `--year=`, as a script's
 * `--fail-on=$LEVEL` with LEVEL unset gives) is a usage error naming that option, as the option
 * with nothing after it is. `--fail-on=` had named `--severity`, an option that does not exist;
 * `--lines=` had looked for a finding of no id (`has no finding  (its crash findings: …)`, exit 2
 * as an input error); `--year=` had said `not ''`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleCli } from '../support/cli-bundle.ts';
import { OUTPUT_FIXTURES, ROOT } from '../output/helpers.ts';

const { cli: CLI } = bundleCli('necroscope-empty-values-');
const OOPS = join(OUTPUT_FIXTURES, 'abrt-1-oops.log');

function run(args: string[]) {
	const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input: '', encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('an option given an empty value', () => {
	it('is a usage error that names the option', () => {
		const cases: [string[], string][] = [
			[['--fail-on=', OOPS], '--fail-on needs a value (critical, high, medium, low, info)'],
			[['--fail-on', '', OOPS], '--fail-on needs a value (critical, high, medium, low, info)'],
			[['--lines=', OOPS], '--lines needs a value'],
			[['--lines', '', OOPS], '--lines needs a value'],
			[['--year=', OOPS], '--year needs a value'],
			[['--year', '', OOPS], '--year needs a value'],
			[['--format=', OOPS], '--format needs a value (json, text, markdown)'],
			[['--out-dir=', OOPS], '--out-dir needs a value']
		];
		for (const [args, message] of cases) {
			const r = run(args);
			expect(r.stderr, args.join(' ')).toBe(`necroscope: ${message}\n`);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.stdout, args.join(' ')).toBe('');
		}
	});
});
