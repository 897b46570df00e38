/**
 * xz-decompress is a UMD bundle: where it sees CommonJS it calls `require('stream/web')` as it is
 * loaded (for Node releases without a global ReadableStream). In an ES-module bundle for Node (the
 * CLI, built by esbuild) there is no `require`, and esbuild's stand-in throws "Dynamic require of
 * "stream/web" is not supported". This module is imported just before the package: where no
 * `require` exists it lends one that answers `stream/web` with the global ReadableStream, and
 * decode.ts removes it again once the package is loaded. Vite's browser build maps `stream/web`
 * to an empty module (the package's `browser` field), and vitest loads the package with Node's
 * own `require`: there it is not used.
 */
const g = globalThis as { require?: unknown };
const lent = typeof g.require === 'undefined';
if (lent) {
	g.require = (id: string) => {
		if (id === 'stream/web') return { ReadableStream: globalThis.ReadableStream };
		throw new Error(`Cannot find module '${id}'`);
	};
}

/** Take back the `require` lent above (once xz-decompress is loaded). */
export function returnRequire(): void {
	if (lent) delete g.require;
}
