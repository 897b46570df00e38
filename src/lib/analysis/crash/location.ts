import type { Frame } from '../../models/finding.ts';
import { demangle } from './demangle.ts';
import { skipRegExp } from './skip.ts';

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

/**
 * The function that called the guilty frame, named as the title would name it (Rust symbols
 * demangled): the first reliable frame below the guilty frame's first reliable frame that has
 * another name and is not one of the frames that never name a bug (skip.ts: allocators, locking,
 * reporting plumbing ...). When the trace holds no reliable guilty frame (x86 prints a WARN's
 * function on the `RIP:` line and starts the trace at its caller, after `?` frames of the trap),
 * the trace's first reliable frame, provided the faulting location is the guilty frame and that
 * first frame is not one of those (old i386 kernels and panic_on_warn start the trace with
 * `show_trace_log_lvl` or `dump_stack` and `panic`). Null otherwise.
 */
export function callerOf(
	frames: readonly Frame[],
	guilty: string | null,
	faultLocation: string | null
): string | null {
	if (guilty === null) return null;
	const skip = skipRegExp();
	const at = frames.findIndex((f) => f.reliable && f.function === guilty);
	if (at !== -1) {
		for (let k = at + 1; k < frames.length; k++) {
			const f = frames[k];
			if (!f.reliable || f.function === guilty) continue;
			const name = demangle(f.function);
			if (!skip.test(name)) return name;
		}
		return null;
	}
	// the faulting function may carry a compiler suffix (`wdev_priv.part.8+0x3/0x5`)
	if (
		faultLocation === null ||
		!(faultLocation.startsWith(`${guilty}+`) || faultLocation.startsWith(`${guilty}.`))
	)
		return null;
	const first = frames.find((f) => f.reliable);
	const name = first === undefined ? null : demangle(first.function);
	return name === null || skip.test(name) ? null : name;
}
