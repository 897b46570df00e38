import type { Severity } from '../../models/finding.ts';
import { NOTICE_SEVERITY, ON_PURPOSE } from './notices.ts';

/**
 * Crash type from the final title (syzkaller pkg/report/crash types, Apache-2.0): the first
 * matching prefix rule wins. Null means unknown.
 */
const TYPES: Array<[RegExp, string]> = [
	[/^KFENCE: use-after-free write/, 'KFENCE-USE-AFTER-FREE-WRITE'],
	[/^KFENCE: use-after-free/, 'KFENCE-USE-AFTER-FREE-READ'],
	[/^KFENCE: (?:out-of-bounds|invalid) write/, 'KFENCE-WRITE'],
	[/^KFENCE: invalid free/, 'KFENCE-INVALID-FREE'],
	[/^KFENCE: (?:out-of-bounds|invalid read)/, 'KFENCE-READ'],
	[/^KFENCE: memory corruption/, 'KFENCE-MEMORY-CORRUPTION'],
	[/^KFENCE: invalid free/, 'KFENCE-INVALID-FREE'],
	[/^KMSAN: uninit-value/, 'KMSAN-UNINIT-VALUE'],
	[/^KMSAN: (?:kernel-infoleak-after-free|use-after-free)/, 'KMSAN-USE-AFTER-FREE-READ'],
	[/^KMSAN: kernel-(?:usb-)?infoleak/, 'KMSAN-INFO-LEAK'],
	[/^KASAN: null-ptr-deref Write/, 'KASAN-NULL-POINTER-DEREFERENCE-WRITE'],
	[/^KASAN: null-ptr-deref Read/, 'KASAN-NULL-POINTER-DEREFERENCE-READ'],
	[/^BUG: unable to handle kernel NULL pointer dereference in/, 'NULL-POINTER-DEREFERENCE'],
	[
		/^KASAN: (?:global-|slab-|stack-|vmalloc-)?out-of-bounds Write|^KASAN: (?:user|wild)-memory-access Write/,
		'KASAN-WRITE'
	],
	[
		/^KASAN: (?:global-|slab-|stack-|vmalloc-)?out-of-bounds(?: Read)?|^KASAN: (?:user|wild)-memory-access|^KASAN: (?:invalid-access|unknown-crash) Read/,
		'KASAN-READ'
	],
	[/^KASAN: (?:double-free or )?invalid-free/, 'KASAN-INVALID-FREE'],
	[/^KASAN: (?:slab-)?use-after-free Write/, 'KASAN-USE-AFTER-FREE-WRITE'],
	[/^KASAN: (?:slab-)?use-after-free/, 'KASAN-USE-AFTER-FREE-READ'],
	[/^BUG: corrupted list|^BUG: unable to handle kernel paging request/, 'MEMORY_SAFETY_BUG'],
	[/^WARNING: refcount bug/, 'REFCOUNT_WARNING'],
	[/^UBSAN: array-index-out-of-bounds/, 'MEMORY_SAFETY_UBSAN'],
	[/^KCSAN: data-race/, 'KCSAN-DATARACE'],
	[/^KCSAN: assert: race in/, 'KCSAN-ASSERT'],
	[
		/^(?:possible deadlock in|inconsistent lock state in|BUG: (?:spinlock|rwlock)|BUG: using|(?:BUG|WARNING): (?:bad unlock balance|held lock freed|still has locks held)|WARNING: lock held|WARNING: locking bug|WARNING: nested lock|WARNING: suspicious RCU usage in|BUG: looking up invalid subclass)/,
		'LOCKDEP'
	],
	[
		/^BUG: (?:scheduling while atomic|sleeping function called from invalid context) in/,
		'ATOMIC_SLEEP'
	],
	[/^memory leak in/, 'LEAK'],
	[/^BUG: bad usercopy in|^kernel BUG/, 'BUG'],
	[/^WARNING in/, 'WARNING'],
	[
		/^(?:BUG: stack guard page was hit in|WARNING: corrupted|WARNING: kernel stack regs has bad|WARNING: kernel stack frame pointer)/,
		'UNKNOWN'
	],
	[
		/^(?:BUG: soft lockup in|INFO: rcu detected stall in|INFO: task hung in|INFO: task can't die in)/,
		'HANG'
	],
	[
		/^(?:general protection fault|stack segment fault|divide error|invalid opcode|int3|PANIC: double fault|Internal error|Unhandled fault|Alignment trap|kernel panic:|kernel stack overflow|BUG: Object already free|VFS: .*\(use-after-free\)|unregister_netdevice|trusty:|panic:|go runtime error)/,
		'DoS'
	],
	[/^unexpected kernel reboot/, 'REBOOT'],
	[/^SYZFAIL|^SYZFATAL:/, 'SYZ_FAILURE'],
	[/^WARNING:/, 'WARNING'],
	[/^KASAN:/, 'KASAN-UNKNOWN'],
	[/^KFENCE:/, 'KFENCE-UNKNOWN'],
	[/^KMSAN:/, 'KMSAN-UNKNOWN'],
	[/^KCSAN:/, 'KCSAN-UNKNOWN'],
	[/^UBSAN:/, 'UBSAN']
];

export function crashType(title: string): string | null {
	for (const [re, type] of TYPES) if (re.test(title)) return type === 'UNKNOWN' ? null : type;
	return null;
}

const CRITICAL = new Set([
	'KASAN-INVALID-FREE',
	'KFENCE-INVALID-FREE',
	'KASAN-USE-AFTER-FREE-WRITE',
	'KASAN-WRITE',
	'KFENCE-USE-AFTER-FREE-WRITE',
	'KFENCE-WRITE',
	'KFENCE-MEMORY-CORRUPTION',
	'KASAN-USE-AFTER-FREE-READ',
	'KFENCE-USE-AFTER-FREE-READ',
	'KMSAN-USE-AFTER-FREE-READ',
	'KASAN-NULL-POINTER-DEREFERENCE-WRITE'
]);
const HIGH = new Set([
	'KASAN-READ',
	'KFENCE-READ',
	'MEMORY_SAFETY_UBSAN',
	'KCSAN-ASSERT',
	'REFCOUNT_WARNING',
	'KASAN-NULL-POINTER-DEREFERENCE-READ',
	'NULL-POINTER-DEREFERENCE',
	'KMSAN-INFO-LEAK',
	'MEMORY_SAFETY_BUG',
	'KMSAN-UNINIT-VALUE',
	'BUG',
	'DoS',
	'HANG',
	'KASAN-UNKNOWN',
	'KFENCE-UNKNOWN'
]);
const MEDIUM = new Set([
	'KCSAN-DATARACE',
	'ATOMIC_SLEEP',
	'LOCKDEP',
	'LEAK',
	'WARNING',
	'UBSAN',
	'KMSAN-UNKNOWN',
	'KCSAN-UNKNOWN',
	'SYZ_FAILURE',
	'REBOOT'
]);

/**
 * Severity after syzkaller's impact ranking: memory-safety writes, invalid frees and
 * use-after-free are critical, as is any report that ended in a panic; oops-class faults,
 * sanitizer reads, hangs and lockups are high; WARNING, lockdep, atomic sleep and leaks are
 * medium; unknown INFO-style reports are low. Notices (crash/notices.ts) have their own.
 */
export function crashSeverity(
	type: string | null,
	rule: string,
	panicked: boolean,
	title = ''
): Severity {
	// a WARN printed on purpose, or a crash asked for (crash/notices.ts)
	const notice = NOTICE_SEVERITY.get(rule);
	if (notice && ON_PURPOSE.has(rule)) return notice;
	if (panicked || rule === 'crash.panic') return 'critical';
	if (notice) return notice;
	// syzkaller types every spinlock report LOCKDEP and leaves a workqueue lockup untyped, but a
	// spinlock lockup or recursion is a CPU spinning on a lock that does not come free (often its
	// own, taken twice), and a workqueue lockup a pool whose work has not moved for tens of
	// seconds: hangs, not warnings
	if (HANG_TITLE.test(title)) return 'high';
	// a DoS for a fuzzer (it never clears there); on real hosts (containers' network namespaces
	// torn down) it usually clears after a few messages: a reference leak, not a crash
	if (rule === 'crash.netdev-refcount') return 'medium';
	if (type && CRITICAL.has(type)) return 'critical';
	if (type && HIGH.has(type)) return 'high';
	if (HIGH_RULES.has(rule)) return 'high';
	if (type && MEDIUM.has(type)) return 'medium';
	if (MEDIUM_RULES.has(rule)) return 'medium';
	return 'low';
}

/**
 * spin_dump() and spin_bug() titles that mean the CPU is stuck on the lock, and the workqueue
 * watchdog's `BUG: workqueue lockup - pool cpus=1 node=0 flags=0x0 nice=0 stuck for 45s!`
 */
const HANG_TITLE =
	/^BUG: (?:(?:spinlock|rwlock) (?:lockup|recursion|cpu recursion)|workqueue lockup)/;

const HIGH_RULES = new Set([
	'crash.soft-lockup',
	'crash.hard-lockup',
	'crash.rcu-stall',
	'crash.hung-task',
	'crash.oops',
	'crash.paging-fault',
	'crash.null-deref',
	'crash.gpf',
	'crash.trap',
	'crash.arm-fault',
	'crash.bug',
	'crash.stack-overflow',
	'crash.list-corruption',
	'crash.slab',
	'crash.bad-page',
	'crash.kasan',
	'crash.kfence',
	'crash.vfs',
	'crash.rust-panic'
]);
const MEDIUM_RULES = new Set([
	'crash.warning',
	'crash.refcount',
	'crash.lockdep',
	'crash.spinlock',
	'crash.atomic-sleep',
	'crash.leak',
	'crash.kmsan',
	'crash.kcsan',
	'crash.ubsan',
	'crash.workqueue',
	'crash.netdev-refcount',
	'crash.stack-unwind'
]);
