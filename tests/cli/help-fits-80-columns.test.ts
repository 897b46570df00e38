/**
 * `necroscope --help` in an 80-column terminal: every line of the usage fits, but an example
 * command, kept whole on its line so that it can be copied (as the text report keeps commands).
 * The option descriptions had run to 100 columns, each broken by the terminal mid-word.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundleCli } from '../support/cli-bundle.ts';
import { ROOT } from '../output/helpers.ts';

const { cli: CLI } = bundleCli('necroscope-help-width-');

describe('--help', () => {
	it('fits 80 columns, example commands whole', () => {
		const r = spawnSync(process.execPath, [CLI, '--help'], { cwd: ROOT, encoding: 'utf8' });
		expect(r.status).toBe(0);
		const lines = r.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^usage: necroscope /);
		const examples = lines.indexOf('examples:');
		expect(examples).toBeGreaterThan(0);
		const long = lines.filter((l, i) => [...l].length > 80 && !(i > examples && /^ {2}\S/.test(l)));
		expect(long).toEqual([]);
		// every option is still described, its description starting in one column
		for (const o of [
			'--format F',
			'--out-dir DIR',
			'--anonymize',
			'--fail-on SEVERITY',
			'--lines ID'
		])
			expect(
				lines.some((l) => l.startsWith(`  ${o.padEnd(23)}`)),
				o
			).toBe(true);
		expect(lines).toContain(
			'  necroscope --lines crash-0123abcd dmesg.log | ./scripts/decode_stacktrace.sh vmlinux'
		);
	});
});
