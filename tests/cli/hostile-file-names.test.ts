/**
 * A file's name is shown inert on stderr, as log text is in the reports: a name may hold a
 * terminal escape, a right-to-left override or a newline (a `*.log` of a downloaded folder
 * expands to whatever names it has). The CLI's one line for a read error had printed them as
 * they were: the ESC recoloured or cleared the terminal, and a newline ended the line and
 * dropped the reason ("necroscope: a" and nothing more).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleCli } from '../support/cli-bundle.ts';
import { ROOT } from '../output/helpers.ts';

const { tmp, cli: CLI } = bundleCli('necroscope-cli-hostile-names-');

function run(args: string[]) {
	const r = spawnSync(process.execPath, [CLI, ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 60_000
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/* eslint-disable no-control-regex */
const CONTROL =
	/[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/* eslint-enable no-control-regex */
const HOSTILE = 'a\u001b[2J\u001b]0;x\u0007b\u202ec\nd';

describe('a hostile file name on stderr', () => {
	it('a missing file: exit 2, one line with the name escaped and the reason', () => {
		const r = run([join(tmp, `${HOSTILE}.log`)]);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		const lines = r.stderr.split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[1]).toBe('');
		expect(lines[0]).not.toMatch(CONTROL);
		expect(lines[0]).toContain('a\\x1b[2J\\x1b]0;x\\x07b\\u202ec\\x0ad.log');
		expect(lines[0]).toMatch(/: no such file/);
	});

	it('a .gz cut short: its report written, the one line that says so escaped', () => {
		const gz = gzipSync('[    1.000000] Linux version 6.1.0 (b@h) #1\n'.repeat(200));
		const file = join(tmp, `${HOSTILE}.log.gz`);
		writeFileSync(file, gz.subarray(0, gz.length - 12));
		const r = run([file]);
		expect(r.code).toBe(2);
		expect(r.stdout).toContain('NecroScope report');
		const lines = r.stderr.split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).not.toMatch(CONTROL);
		expect(lines[0]).toContain('\\u202ec\\x0ad.log.gz: ');
	});
});
