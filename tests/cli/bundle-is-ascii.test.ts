/**
 * The CLI's bundle is ASCII. V8 keeps a source with one character outside ASCII as a two-byte
 * string: every start then decoded all 1.8 MB of it from UTF-8 and parsed it twice as wide (a `…`
 * in a comment did it; comments are now left out, see scripts/cli-bundle.mjs). esbuild escapes
 * strings and identifiers but writes a regular expression's characters as they are, so a rule or
 * the anonymizer matching `’` writes it `\u2019`. This test names what broke it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleCli } from '../support/cli-bundle.ts';

const { cli } = bundleCli('necroscope-ascii-');

describe("the CLI's bundle", () => {
	it('has no character outside ASCII', () => {
		const bytes = readFileSync(cli);
		const at = bytes.findIndex((b) => b >= 0x80);
		const around = at < 0 ? '' : bytes.subarray(Math.max(0, at - 80), at + 20).toString('utf8');
		expect(around).toBe('');
	});
});
