import { fstatSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * `mkdir -p DIR`. Not mkdirSync's `recursive`: Node 20's loops for ever where mkdir answers
 * ENOENT under a parent that exists (`--out-dir /proc/x` spun at 100% CPU), and this gives up.
 */
export function makeDir(dir: string): void {
	try {
		mkdirSync(dir);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		if (code === 'EEXIST') {
			if (statSync(dir).isDirectory()) return;
			throw e;
		}
		const parent = dirname(dir);
		if (code !== 'ENOENT' || parent === dir) throw e;
		makeDir(parent);
		mkdirSync(dir);
	}
}

/**
 * device and inode of a regular file, by path or open descriptor (null: there is none), to tell
 * the same file under two names
 */
export function fileIdentity(file: string | number): string | null {
	try {
		const st = typeof file === 'number' ? fstatSync(file) : statSync(file);
		return st.isFile() ? `${st.dev}:${st.ino}` : null;
	} catch {
		return null;
	}
}

/**
 * The report paths of an --out-dir run: DIR/<base name without its last extension><ext>; an
 * input whose name is taken gets -2, -3 ..., and so does a name that is one of the inputs
 * (`--out-dir logs logs/dmesg.txt` would otherwise write the text report over the log).
 */
export class OutputNames {
	private readonly used = new Set<string>();
	constructor(
		private readonly dir: string,
		private readonly ext: string,
		/** identities (fileIdentity) of the inputs, never written to */
		private readonly inputs: ReadonlySet<string>
	) {}

	/** the report's path, and why it is not the first choice (null when it is) */
	next(file: string): { path: string; renamed: string | null } {
		const name = file === '-' ? 'stdin' : basename(file);
		const base = name.replace(/\.[^.]*$/, '') || name;
		let renamed: string | null = null;
		for (let n = 1; ; n++) {
			const candidate = n === 1 ? base + this.ext : `${base}-${n}${this.ext}`;
			const path = join(this.dir, candidate);
			if (this.used.has(candidate)) {
				renamed ??= `${candidate} is another input's report`;
				continue;
			}
			const id = fileIdentity(path);
			if (id !== null && this.inputs.has(id)) {
				renamed ??= `${path} is an input`;
				continue;
			}
			this.used.add(candidate);
			return { path, renamed };
		}
	}
}

/**
 * Write a report whole or not at all: to a hidden name beside it, then renamed over it, so a full
 * disk or a kill part-way leaves the previous report (or none), never the first part of one.
 */
export function writeWhole(path: string, data: string): void {
	const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
	try {
		writeFileSync(tmp, data);
		renameSync(tmp, path);
	} catch (e) {
		rmSync(tmp, { force: true });
		throw e;
	}
}

/**
 * Ctrl-C, SIGTERM or a closed terminal end the run as they did (killed by the signal, at once
 * while an input is read), but never inside a report's write: a handler runs only between
 * synchronous steps, and it raises the signal again with the default action.
 */
export function endBetweenWrites(): void {
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
		process.once(signal, () => process.kill(process.pid, signal));
}
