/** One-line description of a failed file operation, for the CLI's stderr (no stack trace). */
export function describeFileError(file: string, e: unknown): string {
	const code = (e as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') return `${file}: no such file`;
	if (code === 'EACCES' || code === 'EPERM') return `${file}: permission denied`;
	if (code === 'EISDIR') return `${file}: is a directory`;
	return `${file}: cannot read (${code ?? (e as Error).message})`;
}
