/** One-line description of a failed file operation, for the CLI's stderr (no stack trace). */
export function describeFileError(file: string, e: unknown): string {
	const code = (e as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') return `${file}: no such file`;
	if (code === 'EACCES' || code === 'EPERM') return `${file}: permission denied`;
	if (code === 'EISDIR') return `${file}: is a directory`;
	return `${file}: cannot read (${code ?? (e as Error).message})`;
}

/** One-line description of an --out-dir that cannot be made or written to. */
export function describeOutDirError(dir: string, e: unknown): string {
	const code = (e as NodeJS.ErrnoException).code;
	if (code === 'EEXIST' || code === 'ENOTDIR')
		return `${dir}: cannot create the output directory (a file is in the way)`;
	if (code === 'EACCES' || code === 'EPERM')
		return `${dir}: cannot create the output directory (permission denied)`;
	if (code === 'ENOENT')
		return `${dir}: cannot create the output directory (a directory on its path does not exist)`;
	if (code === 'EROFS') return `${dir}: cannot create the output directory (read-only file system)`;
	return `${dir}: cannot create the output directory (${code ?? (e as Error).message})`;
}
