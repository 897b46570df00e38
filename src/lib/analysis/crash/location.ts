/**
 * The source location a WARN() or BUG() report names on its header line: which assertion
 * fired. Two reports with the same syzbot title (the same guilty frame) but different
 * locations are different assertions, so different bugs (see docs/DESIGN.md, Grouping):
 *   `WARNING: CPU: 2 PID: 1 at drivers/base/core.c:551 device_create_file+0xa0/0xb4()`
 *   `WARNING: at fs/inode.c:1219 iput+0x1b/0x60()` (kernels before 3.12)
 *   `WARNING: drivers/base/core.c:551 at device_create_file+0xa0/0xb4, CPU#2: swapper/0/1` (2025)
 *   `kernel BUG at mm/slub.c:3431!`
 * The path is kept as printed (out-of-tree builds print the build directory).
 */
const AT_SOURCE = /(?:^| )at ([\w\-/.]+\.[a-zA-Z]+:\d+)(?:[ !]|$)/;
const NEW_WARNING = /^(?:\[[^\]]*\] )?([\w\-/.]+\.[a-zA-Z]+:\d+) at /;

/** headers whose reports name the location of the assertion that fired */
const LOCATED_HEADERS: Record<string, string> = {
	'WARNING:': 'WARNING: ',
	'kernel BUG': 'kernel BUG '
};

/** `path:line` of the assertion a report's header line names, or null (other reports). */
export function sourceLocation(header: string, line: string): string | null {
	const key = LOCATED_HEADERS[header];
	if (key === undefined) return null;
	const at = line.indexOf(key);
	if (at === -1) return null;
	const rest = line.slice(at + key.length);
	if (header === 'WARNING:') {
		const m = NEW_WARNING.exec(rest);
		if (m) return m[1];
	}
	return AT_SOURCE.exec(rest)?.[1] ?? null;
}

/**
 * A source location as file name and line (`core.c:551`): what tells two WARN()s of one title
 * apart, the same whatever directory the kernel was built in (out-of-tree builds print it,
 * with the builder's user name), so a finding's id never hashes a name anonymization replaces.
 */
export function fileAndLine(location: string): string {
	return location.slice(location.lastIndexOf('/') + 1);
}
