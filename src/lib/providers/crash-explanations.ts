import type { Explanation } from '../models/finding.ts';

type Partial = Omit<Explanation, 'next_steps'> & { next_steps: string[] };

const REPORTING: string[] = [
	'Search for the exact title on the syzbot dashboard and the kernel mailing lists (lore.kernel.org): a known bug usually has a fix or a patch.',
	'Try the newest stable kernel of your series; if the problem is gone, a fix exists.',
	'If it persists, report it to the maintainers of the guilty function’s subsystem (`scripts/get_maintainer.pl -f <file>`) with the whole report.'
];

/** Plain-language explanations of crash families, keyed by crash rule id. */
export const CRASH_EXPLANATIONS: Record<string, Partial> = {
	'crash.kasan': {
		meaning:
			'KASAN, the kernel’s memory-error detector, caught the kernel touching memory it must not (freed, out of bounds, or never allocated). Such bugs can corrupt data or be exploited.',
		causes: [
			{ kind: 'kernel', text: 'A memory-safety bug in the kernel code named in the title (use-after-free, out-of-bounds access).' },
			{ kind: 'driver', text: 'Often in a driver or subsystem reached through unusual input (fuzzing, hot-unplug, error paths).' }
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/dev-tools/kasan.html']
	},
	'crash.null-deref': {
		meaning:
			'The kernel followed a NULL (or near-NULL) pointer and crashed (an oops). The task that hit it was killed; the system may be unstable afterwards.',
		causes: [
			{ kind: 'kernel', text: 'A kernel or driver bug: a missing check or a race that left a pointer unset.' },
			{ kind: 'driver', text: 'Out-of-tree or proprietary modules (see the taint flags) are a frequent source.' }
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
	},
	'crash.paging-fault': {
		meaning:
			'The kernel accessed an address that is not mapped and crashed (an oops). The task was killed; the kernel may be in an inconsistent state.',
		causes: [
			{ kind: 'kernel', text: 'A kernel or driver bug (use-after-free, corrupted pointer).' },
			{ kind: 'hardware', text: 'Random bit flips from faulty RAM can produce the same crash at varying places.' }
		],
		next_steps: [...REPORTING, 'If such crashes appear at random places, test the RAM (memtest86+).'],
		references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
	},
	'crash.gpf': {
		meaning:
			'The CPU refused a memory access by the kernel (general protection fault), usually through a corrupted or poisoned pointer. The task was killed.',
		causes: [
			{ kind: 'kernel', text: 'A kernel bug such as use-after-free or a corrupted list pointer.' },
			{ kind: 'hardware', text: 'Faulty RAM or an unstable CPU can corrupt pointers.' }
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
	},
	'crash.bug': {
		meaning:
			'A kernel assertion (BUG_ON) failed: the code found its own state impossible and stopped the task. The subsystem involved may no longer work.',
		causes: [{ kind: 'kernel', text: 'A kernel or driver bug detected by its own consistency check.' }],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/process/deprecated.html#bug-and-bug-on']
	},
	'crash.warning': {
		meaning:
			'The kernel printed a WARNING: code found an unexpected condition but kept running. The system usually continues, but the feature involved may misbehave.',
		causes: [
			{ kind: 'kernel', text: 'A kernel or driver bug, or an unexpected state reached through a rare path.' },
			{ kind: 'firmware', text: 'Drivers often warn about firmware or hardware that behaves unexpectedly.' }
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/admin-guide/tainted-kernels.html']
	},
	'crash.soft-lockup': {
		meaning:
			'A CPU ran kernel code for more than about 20 seconds without letting other tasks run (soft lockup). The machine may have been frozen or very slow meanwhile.',
		causes: [
			{ kind: 'kernel', text: 'A kernel loop that never yields, or a deadlock on a spinlock.' },
			{ kind: 'environment', text: 'On virtual machines, an overloaded host that does not schedule the guest’s CPUs.' }
		],
		next_steps: [...REPORTING, 'On a VM, check the host’s load and steal time (`top`, `vmstat`).'],
		references: ['https://docs.kernel.org/admin-guide/lockup-watchdogs.html']
	},
	'crash.hung-task': {
		meaning:
			'A task waited in uninterruptible sleep (state D) for more than the hung-task timeout (usually 120 s). Processes depending on it were stuck.',
		causes: [
			{ kind: 'hardware', text: 'A storage device or network file system that stopped answering (check for disk errors just before).' },
			{ kind: 'kernel', text: 'A deadlock or a lost wake-up in the kernel.' }
		],
		next_steps: [
			'Look for storage, NFS or network errors shortly before this report.',
			'If it repeats, `echo w > /proc/sysrq-trigger` while it hangs prints every blocked task.',
			...REPORTING
		],
		references: ['https://docs.kernel.org/admin-guide/sysctl/kernel.html#hung-task-timeout-secs']
	},
	'crash.rcu-stall': {
		meaning:
			'RCU, the kernel’s read-copy-update mechanism, saw a CPU or task fail to pass a quiescent state for a long time: something kept a CPU busy with preemption or interrupts disabled.',
		causes: [
			{ kind: 'kernel', text: 'A kernel loop or lock held too long on the CPU named in the report.' },
			{ kind: 'environment', text: 'On virtual machines, a host that starves the guest’s CPUs.' }
		],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/RCU/stallwarn.html']
	},
	'crash.panic': {
		meaning:
			'The kernel panicked: it hit an error it could not recover from and stopped the whole system (or rebooted).',
		causes: [
			{ kind: 'kernel', text: 'An earlier oops or BUG in a critical context (see the report above the panic).' },
			{ kind: 'configuration', text: 'A missing root file system, initramfs or driver at boot (`VFS: Unable to mount root fs`).' }
		],
		next_steps: [
			'Read the report just before the panic: it names the real cause.',
			'For boot-time panics, check the root= parameter and that the initramfs has the storage drivers.',
			...REPORTING
		],
		references: ['https://docs.kernel.org/admin-guide/bug-hunting.html']
	},
	'crash.other': {
		meaning: 'The kernel printed a report of an internal error. The subsystem it names may misbehave afterwards.',
		causes: [{ kind: 'kernel', text: 'A kernel or driver bug.' }],
		next_steps: [...REPORTING],
		references: ['https://docs.kernel.org/admin-guide/reporting-issues.html']
	}
};
