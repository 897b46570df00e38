// The CLI's bundle, shared by scripts/cli.mjs (which builds and runs it), bench.mjs (which counts
// its instructions) and the tests (which build their own): where it is kept and how esbuild
// builds it.
import { join } from 'node:path';

/**
 * The bundle of the checkout whose real path is `root`: node_modules/.cache/necroscope/
 * cli-<checkout>.cjs, named after the path so that git worktrees sharing one node_modules (a
 * symlink) each run their own sources. The name is a 32-bit FNV-1a hash of the path: loading
 * node:crypto for a sha256 had cost every run about 60 million instructions of start-up.
 * @param {string} root
 */
export function bundleFile(root) {
	let h = 0x811c9dc5;
	for (let i = 0; i < root.length; i++) h = Math.imul(h ^ root.charCodeAt(i), 0x01000193);
	const checkout = (h >>> 0).toString(16).padStart(8, '0');
	return join(root, 'node_modules', '.cache', 'necroscope', `cli-${checkout}.cjs`);
}

/**
 * esbuild's options for the bundle of src/cli/main.ts in `root`, written to `outfile` (a `.cjs`
 * file). A CommonJS bundle: Node runs it inside a function, whose variables V8 reads from the
 * function's context, where an ES module's top-level variables are module variables, read through
 * one more indirection, which costs most before the code is optimised: the first 20 MB of the
 * benchmark log took 11,390 million instructions as an ES module and 10,971 (-3.7%) as CommonJS.
 * No comments and no line breaks: the source is ASCII (one `…` in a comment had made V8 decode and parse all
 * 1.8 MB of it as a two-byte string) and a quarter smaller, about 45 million instructions less at
 * every start; names are kept, so stack traces still name functions.
 * @param {string} root
 * @param {string} outfile
 */
export function bundleOptions(root, outfile) {
	return {
		entryPoints: [join(root, 'src', 'cli', 'main.ts')],
		outfile,
		bundle: true,
		platform: /** @type {const} */ ('node'),
		format: /** @type {const} */ ('cjs'),
		target: 'node20',
		logLevel: /** @type {const} */ ('error'),
		legalComments: /** @type {const} */ ('none'),
		minifyWhitespace: true
	};
}
