/** A short plain-language name of what a report is, from its rule and title. */
const BY_TITLE: Array<[RegExp, string]> = [
	[/^KASAN: .*use-after-free Write/, 'use-after-free write'],
	[/^KASAN: .*use-after-free/, 'use-after-free read'],
	[/^KASAN: .*invalid-free/, 'invalid or double free'],
	[/^KASAN: .*out-of-bounds Write/, 'out-of-bounds write'],
	[/^KASAN: .*out-of-bounds/, 'out-of-bounds read'],
	[/^KASAN: null-ptr-deref/, 'NULL pointer dereference (KASAN)'],
	[/^KFENCE: use-after-free/, 'use-after-free (KFENCE)'],
	[/^KFENCE: out-of-bounds/, 'out-of-bounds access (KFENCE)'],
	[/^KFENCE: invalid free/, 'invalid free (KFENCE)'],
	[/^KMSAN: uninit-value/, 'use of uninitialised memory'],
	[/^KMSAN: .*infoleak/, 'uninitialised memory leaked to user space or a device'],
	[/^KCSAN: data-race/, 'data race'],
	[/^UBSAN: array-index-out-of-bounds/, 'array index out of bounds'],
	[/^UBSAN: shift-out-of-bounds/, 'invalid shift'],
	[/^UBSAN: signed-integer-overflow/, 'integer overflow'],
	[/^possible deadlock/, 'possible deadlock'],
	[/^BUG: (?:spinlock|rwlock) lockup/, 'spinlock lockup (a CPU stuck waiting for a lock)'],
	// kernel/locking/spinlock_debug.c: `recursion` when the task that holds the lock takes it
	// again; `cpu recursion` when the lock's owner CPU is this one but its owner another task (one
	// that slept or returned holding it): not the same task, so not "taken again by its holder"
	[/^BUG: (?:spinlock|rwlock) recursion/, 'lock taken again by its holder (deadlock)'],
	[
		/^BUG: (?:spinlock|rwlock) cpu recursion/,
		'lock taken again on the CPU that holds it (deadlock)'
	],
	[/^kernel panic: Attempted to kill init/, 'init (PID 1) died'],
	[/^kernel panic: VFS: Unable to mount root fs/, 'root file system could not be mounted']
];

const BY_RULE: Record<string, string> = {
	'crash.kasan': 'memory-safety bug found by KASAN',
	'crash.kmsan': 'uninitialised memory use found by KMSAN',
	'crash.kcsan': 'data race found by KCSAN',
	'crash.kfence': 'memory-safety bug found by KFENCE',
	'crash.ubsan': 'undefined behaviour found by UBSAN',
	'crash.null-deref': 'NULL pointer dereference',
	'crash.paging-fault': 'invalid memory access',
	'crash.gpf': 'general protection fault',
	'crash.trap': 'CPU exception in the kernel',
	'crash.arm-fault': 'CPU exception in the kernel (ARM)',
	'crash.arm-user-fault':
		'fault of a user-space process (ARM): it got a signal, the kernel went on',
	'crash.oops': 'kernel oops',
	'crash.bug': 'kernel assertion (BUG_ON) failed',
	'crash.list-corruption': 'corrupted linked list',
	'crash.slab': 'slab allocator corruption',
	'crash.bad-page': 'corrupted page state',
	'crash.warning': 'kernel warning (WARN_ON)',
	'crash.unsupported-hardware': 'hardware support notice (Red Hat), not a bug',
	'crash.firmware-warning': 'kernel warning about broken firmware, not a kernel bug',
	'crash.wx-check-warning':
		'kernel warning of the boot-time W+X check (a security finding, not a kernel bug)',
	'crash.ioremap-multiple-bars': 'driver mapped device memory across PCI BARs (informational)',
	'crash.refcount': 'reference count bug',
	'crash.lockdep': 'locking rule violation (lockdep)',
	'crash.spinlock': 'spinlock misuse',
	'crash.atomic-sleep': 'sleeping in atomic context',
	'crash.leak': 'memory leak',
	'crash.soft-lockup': 'soft lockup (CPU stuck in the kernel)',
	'crash.hard-lockup': 'hard lockup (CPU stuck with interrupts off)',
	'crash.rcu-stall': 'RCU stall',
	'crash.hung-task': 'hung task',
	'crash.workqueue': 'workqueue problem',
	'crash.stack-overflow': 'kernel stack overflow or corruption',
	'crash.stack-unwind': 'unreliable stack unwinding',
	'crash.panic': 'kernel panic',
	'crash.sysfs-attribute-mode': 'driver bug in a sysfs file’s permissions (harmless)',
	'crash.dt-irq-type-none': 'device tree interrupt without a trigger type (board description bug)',
	'crash.drm-version-field-unset':
		'graphics driver without its name, date or description (harmless)',
	'crash.debug-warning': 'stack dump of a debugging patch (not a kernel bug)',
	'crash.i2c-probe-transfer':
		'I2C transfer failed while a driver probed its chip (not a kernel bug)',
	'crash.oom-panic': 'out of memory, with panic_on_oom set (not a kernel bug)',
	'crash.kasan-false-report':
		'KASAN’s own false report (a jprobe’s copy of the stack, not a memory bug)',
	'crash.sysrq-crash': 'crash asked for with SysRq c (on purpose, not a bug)',
	'crash.test-module': 'report made on purpose by a test module (not a bug)',
	'crash.wifi-regdomain-early':
		'Wi-Fi regulatory domain asked for before the device had one (a harmless warning)',
	'crash.init-died': 'init (PID 1) died',
	'crash.vfs': 'file system reference bug',
	'crash.netdev-refcount': 'network device still referenced',
	'crash.reboot': 'unexpected reboot',
	'crash.trusty': 'Trusty TEE panic',
	'crash.rust-panic': 'Rust code panicked',
	'crash.syzkaller': 'fuzzer or user-space runtime failure',
	'crash.other': 'kernel report'
};

/** rules whose kind is said before the title's (a notice whose title reads as a bug) */
const RULE_FIRST: ReadonlySet<string> = new Set(['crash.kasan-false-report']);

export function kindOf(rule: string, title: string): string {
	// a notice's kind outranks its title's: a KASAN title that is KASAN's own false report
	if (RULE_FIRST.has(rule)) return BY_RULE[rule];
	for (const [re, kind] of BY_TITLE) if (re.test(title)) return kind;
	return BY_RULE[rule] ?? 'kernel report';
}

/** every rule id crash analysis can produce */
export const CRASH_RULES: readonly string[] = Object.keys(BY_RULE);
