#!/usr/bin/env node
// `npm run cli`: runs src/cli/main.ts. The TypeScript is bundled once with esbuild into
// node_modules/.cache/necroscope/cli-<checkout>.cjs (see cli-bundle.mjs) and rebuilt only when a
// source file is newer, so each run starts in about 0.1 s instead of compiling every module
// through a loader. The bundle is named after the checkout: git worktrees that share one
// node_modules (a symlink) ran whichever checkout's bundle was built last, since it was newer
// than their own sources.
import { mkdirSync, readdirSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleFile, bundleOptions } from './cli-bundle.mjs';

const root = realpathSync(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const out = bundleFile(root);

function newest(dir) {
	let t = 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		if (e.isDirectory()) t = Math.max(t, newest(p));
		else if (e.name.endsWith('.ts')) t = Math.max(t, statSync(p).mtimeMs);
	}
	return t;
}

let built = 0;
try {
	built = statSync(out).mtimeMs;
} catch {
	/* not built yet */
}
const sources = Math.max(
	newest(join(root, 'src', 'lib')),
	newest(join(root, 'src', 'cli')),
	statSync(fileURLToPath(import.meta.url)).mtimeMs,
	statSync(join(root, 'scripts', 'cli-bundle.mjs')).mtimeMs
);
if (built < sources) {
	mkdirSync(dirname(out), { recursive: true });
	// loaded only to rebuild: importing esbuild costs about 40 ms of every run's start-up
	const { build } = await import('esbuild');
	const result = await build({ ...bundleOptions(root, out), write: false });
	// write then rename: several test processes may build at the same time
	const tmp = `${out}.${process.pid}.tmp`;
	writeFileSync(tmp, result.outputFiles[0].contents);
	renameSync(tmp, out);
}
// required, not imported: import() of CommonJS first scans all of its source for export names
createRequire(import.meta.url)(out);
