import type { Explanation } from '../../models/finding.ts';
import type { LineRule } from './types.ts';

/** mm/oom_kill.c oom_reap_task_mm(): `oom_reaper: reaped process 2693 (hj.zwh), now anon-rss:0kB, …` */
const OOM_REAPED = 'oom_reaper: reaped process ';
const REAPED_PATTERN =
	/^oom_reaper: reaped process (?<pid>\d+) \(([^)]*)\), now anon-rss:(\d+)kB, file-rss:(\d+)kB, shmem-rss:(\d+)kB/;

/** the memory the reaped process still held (shared pages another process maps are left) */
function reapedRss(m: RegExpExecArray): number {
	return Number(m[3]) + Number(m[4]) + Number(m[5]);
}

/**
 * mm/oom_kill.c's OOM kill, in every spelling since 2.4 (the cgroup one says `Memory cgroup out of
 * memory` instead of `Out of memory`):
 * - `Out of memory: Killed process 1234 (x) total-vm:…` (5.1 and later, one line);
 * - `Out of memory: Kill process 1234 (x) score 900 or sacrifice child` (2.6.36 to 5.0) and
 *   `Out of memory: kill process 1234 (x) score 56789 or a child` (2.6.25 to 2.6.35), the victim
 *   on the next line (see `follow`);
 * - `Out of memory: Killed process 1234 (x).` (2.6.16 to 2.6.24, after `Out of Memory: Kill
 *   process … and children.`, which only names the process chosen and is not read), RHEL 5's
 *   `Out of memory: Killed process 4187, UID 0, (yum).`, and 2.4's `Out of Memory: Killed
 *   process 1234 (x).`, one line each.
 */
export const oomKill: LineRule = {
	id: 'memory.oom-kill',
	category: 'memory',
	severity: 'high',
	triggers: ['ut of memory: Kill', 'ut of memory: kill process ', 'ut of Memory: Killed process '],
	pattern:
		/^(Memory cgroup out of memory|Out of memory(?: \(oom_kill_allocating_task\))?|Out of Memory(?=: Killed)): (?:Kill(?:ed)?|kill) process (\d+)(?:, UID (\d+),)? \(([^)]*)\)(?:.*?anon-rss:(\d+)kB)?(?:.*?UID:(\d+))?/,
	// before 2.6.36 the kernel kills the chosen process's first child with memory of its own if
	// it has one (`… or a child`; its `Killed process` line names the child): the line does not
	// say which died
	title: (m) =>
		`${m[1].startsWith('Memory cgroup') ? 'Memory cgroup out of memory' : 'Out of memory'}: killed ${m[4]}${m.input.endsWith(' or a child') ? ' or a child of it' : ''}`,
	details: (m) => ({
		process: m[4],
		pid: Number(m[2]),
		anon_rss_kb: m[5] ? Number(m[5]) : null,
		uid: m[3] ? Number(m[3]) : m[6] ? Number(m[6]) : null,
		cgroup_limit: m[1].startsWith('Memory cgroup')
	}),
	follow: [
		// mm/oom_kill.c oom_reap_task_mm(): the oom_reaper thread then frees the victim's memory;
		// the line belongs to this kill (same pid) and is no finding of its own
		{
			trigger: OOM_REAPED,
			pattern: REAPED_PATTERN,
			details: (m) => ({ reaped: true, rss_after_reap_kb: reapedRss(m) }),
			within: 50,
			claims: true,
			examples: [
				'oom_reaper: reaped process 1043271 (sphinx-build), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB'
			]
		},
		// kernels 2.6.25 to 5.0 print the victim on a line of its own after the kill line; it
		// joins the kill of the same pid. The kernel may kill a child of the process chosen
		// instead (one with memory of its own; before 2.6.36, `… or a child`, a child is tried
		// first): the line then names the child, and joins as the kill of a child
		// (`killed_child`, its pid and memory; the oom_reaper line of that pid joins after it).
		// Spellings: `Killed process 1234 (x) total-vm:…kB, anon-rss:…kB, file-rss:…kB` (2.6.36
		// to 4.4), `…, shmem-rss:…kB` (4.5 to 5.0), RHEL 6's `Killed process 1234, UID 27, (x)
		// total-vm:…`, `Killed process 1234 (x) vsz:…kB, anon-rss:…` (2.6.32 to 2.6.35) and
		// `Killed process 1234 (x)` (2.6.25 to 2.6.31)
		{
			trigger: 'Killed process ',
			pattern: /^Killed process (?<pid>\d+)(?:, UID (\d+),)? \(([^)]*)\)(?:.*?anon-rss:(\d+)kB)?/,
			details: (m) => ({
				anon_rss_kb: m[4] ? Number(m[4]) : null,
				uid: m[2] ? Number(m[2]) : null
			}),
			within: 3,
			instead: {
				when: (m) => / or (?:sacrifice|a) child$/.test(m.input),
				details: (m) => ({
					killed_child: m[3],
					killed_child_pid: Number(m[1]),
					killed_child_anon_rss_kb: m[4] ? Number(m[4]) : null
				})
			},
			examples: [
				'Killed process 2512 (python) total-vm:632332kB, anon-rss:255836kB, file-rss:80kB',
				'Killed process 1234 (mysqld) total-vm:2034432kB, anon-rss:1572864kB, file-rss:0kB, shmem-rss:0kB',
				'Killed process 1234, UID 27, (mysqld) total-vm:2034432kB, anon-rss:1572864kB, file-rss:0kB',
				'Killed process 1234 (mysqld) vsz:2034432kB, anon-rss:1572864kB, file-rss:0kB',
				'Killed process 1234 (mysqld)'
			]
		}
	],
	// mm/oom_kill.c dump_oom_victim(): one summary line before the kill (kernel 4.19 and later)
	context: {
		trigger: 'oom-kill:constraint=',
		pattern: /^oom-kill:constraint=(\w+),(.*)$/,
		details: (m) => {
			const field = (key: string) =>
				m[2]
					.split(',')
					.find((f) => f.startsWith(`${key}=`))
					?.slice(key.length + 1) ?? null;
			return {
				oom_constraint: m[1],
				oom_memcg: field('oom_memcg'),
				task_memcg: field('task_memcg')
			};
		},
		within: 50,
		examples: [
			'oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=docker-4f2a.scope,mems_allowed=0,oom_memcg=/system.slice/docker-4f2a.scope,task_memcg=/system.slice/docker-4f2a.scope,task=java,pid=12345,uid=1000',
			'oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/user.slice/user-1000.slice/session-2.scope,task=chrome,pid=4321,uid=1000'
		]
	},
	examples: [
		'Out of memory: Killed process 1043271 (sphinx-build) total-vm:4222280kB, anon-rss:3934380kB, file-rss:688kB, shmem-rss:0kB, UID:1000 pgtables:7812kB oom_score_adj:200',
		'Memory cgroup out of memory: Killed process 26865 (php-fpm7) total-vm:367860kB, anon-rss:177544kB, file-rss:1720kB, shmem-rss:0kB',
		'Out of memory: Kill process 1234 (mysqld) score 900 or sacrifice child',
		'Out of memory: Kill process 2512 (python) score 496 or sacrifice child',
		'Out of memory: Killed process 4187, UID 0, (yum).',
		'Memory cgroup out of memory: Kill process 30528 (java) score 1000 or sacrifice child',
		'Out of memory: kill process 1234 (java) score 56789 or a child',
		'Memory cgroup out of memory: kill process 1234 (java) score 56789 or a child',
		'Out of memory: Killed process 3094 (java).',
		'Out of Memory: Killed process 1234 (java).'
	],
	negatives: [
		// 2.6.16 to 2.6.24: the process chosen; the kill is the `Out of memory: Killed process` after it
		'Out of Memory: Kill process 3094 (java) score 1061645 and children.',
		'oom_reaper: reaped process 3352 (python), now anon-rss:0kB',
		'snapd invoked oom-killer: gfp_mask=0x140cca'
	],
	explanation: {
		meaning:
			'The kernel ran out of memory it could reclaim and killed a process to free some. The killed program lost its work; if it was a service it may have been restarted.',
		causes: [
			{
				kind: 'userspace',
				text: 'A program used more memory than the machine (or its cgroup limit) has, often through a leak or an oversized workload.'
			},
			{
				kind: 'configuration',
				text: 'No or too little swap, or a memory limit (cgroup, container, systemd MemoryMax=) set too low.'
			}
		],
		next_steps: [
			'Check which process was killed and how much memory it used (anon-rss in the line).',
			'Look at memory use over time: `free -h`, `vmstat 1`, `systemd-cgtop` or your monitoring.',
			'For a cgroup OOM, raise the limit or reduce the workload; otherwise add memory or swap, or fix the leak.'
		],
		references: ['https://docs.kernel.org/admin-guide/mm/concepts.html#oom-killer']
	}
};

/**
 * mm/oom_kill.c dump_header(): the first line of an OOM report, `trinity-c1 invoked oom-killer:
 * gfp_mask=0x24200ca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=500` (2.6.24 and later; before
 * 2.6.36 `oomkilladj=0`, then `oom_adj=0, oom_score_adj=0`, and from 4.9 with `nodemask=`), then a
 * stack, `Mem-Info:` and the task list. The report ends with the kill (`memory.oom-kill`) or the
 * panic of `vm.panic_on_oom` or of no killable process, each a line `… out of memory …`: when it
 * comes the header is no finding of its own. Without it the log was cut within the report (the
 * task list can be thousands of lines long, hence the window).
 */
export const oomKillerInvoked: LineRule = {
	id: 'memory.oom-kill-not-logged',
	category: 'memory',
	severity: 'high',
	triggers: [' invoked oom-killer: '],
	pattern: /^(.+?) invoked oom-killer: gfp_mask=(0x[0-9a-f]+)(?:\(([^)]*)\))?,/,
	title: (m) => `Out of memory: OOM killer invoked by ${m[1]}, no kill in the log`,
	// the keys of memory.page-allocation-failure (no new key in the report's contract)
	details: (m) => {
		const order = / order=(-?\d+)/.exec(m.input);
		return {
			process: m[1],
			order: order ? Number(order[1]) : null,
			gfp_mask: m[2],
			gfp_flags: m[3] ?? null
		};
	},
	expects: {
		trigger: 'ut of memory',
		pattern: /ut of memory(?: \(oom_kill_allocating_task\))?(?::| and no killable processes)/,
		within: 20000,
		examples: [
			'Out of memory: Kill process 2512 (python) score 496 or sacrifice child',
			'Out of memory: Killed process 1043271 (sphinx-build) total-vm:4222280kB, anon-rss:3934380kB, file-rss:688kB, shmem-rss:0kB, UID:1000 pgtables:7812kB oom_score_adj:200',
			'Memory cgroup out of memory: Killed process 26865 (php-fpm7) total-vm:367860kB, anon-rss:177544kB, file-rss:1720kB, shmem-rss:0kB',
			'Out of memory: kill process 1234 (java) score 56789 or a child',
			'Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled',
			'Kernel panic - not syncing: Out of memory and no killable processes...'
		]
	},
	examples: [
		'trinity-c1 invoked oom-killer: gfp_mask=0x24200ca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=500',
		'python invoked oom-killer: gfp_mask=0x280da, order=0, oom_score_adj=0',
		'01-cpu-hotplug invoked oom-killer: gfp_mask=0x27080c0(GFP_KERNEL_ACCOUNT|__GFP_ZERO|__GFP_NOTRACK), order=0, oom_score_adj=0',
		'snapd invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=-900'
	],
	negatives: [
		'Out of memory: Kill process 2512 (python) score 496 or sacrifice child',
		'rb_consumer: page allocation failure: order:0, mode:0x24010c0(GFP_KERNEL|__GFP_NORETRY)'
	],
	explanation: {
		meaning:
			'The kernel ran out of memory it could reclaim and started the OOM killer when the process named could not get memory (that process asked for memory last; it is not necessarily the one using the most). The log holds the start of the OOM report (the `invoked oom-killer` line, a stack, `Mem-Info:` and maybe the task list) but not its end, the line that says which process was killed (`Out of memory: Killed process …`): the log was cut within the report (the machine stopped or was reset, the console capture ended, or the lines were lost). Most likely a process was killed, or the machine hung or panicked, right after.',
		causes: [
			{
				kind: 'userspace',
				text: 'A program used more memory than the machine (or its cgroup limit) has, often through a leak or an oversized workload.'
			},
			{
				kind: 'configuration',
				text: 'No or too little swap, or a memory limit (cgroup, container, systemd MemoryMax=) set too low.'
			},
			{
				kind: 'environment',
				text: 'The log was captured incompletely: a serial console or log collector stopped, or the machine was reset while the report was printed.'
			}
		],
		next_steps: [
			'Look for the end of the report in a fuller copy of the log (`journalctl -k`, `/var/log/kern.log`, a serial console capture): `Out of memory: Killed process …` names the victim.',
			'The task list after `Mem-Info:`, when printed, shows each process’s memory (rss, in pages): the largest is usually the one killed.',
			'Look at memory use over time: `free -h`, `vmstat 1`, `systemd-cgtop` or your monitoring; add memory or swap, raise the cgroup limit, or fix the leak.'
		],
		references: ['https://docs.kernel.org/admin-guide/mm/concepts.html#oom-killer']
	}
};

/**
 * The oom_reaper line without the kernel OOM kill of the same process before it (which it joins,
 * see oomKill): Android kernels (Qualcomm/GKI `reap_mem_on_sigkill`) reap every process that the
 * user-space low-memory killer (lmkd) kills with SIGKILL, and print it the same way.
 */
export const processReaped: LineRule = {
	id: 'memory.process-reaped',
	category: 'memory',
	severity: 'low',
	triggers: [OOM_REAPED],
	pattern: REAPED_PATTERN,
	// one finding for all: the processes killed are listed in the details
	title: () => 'Processes killed to free memory (oom_reaper)',
	details: (m) => ({ process: m[2], pid: Number(m[1]), rss_after_reap_kb: reapedRss(m) }),
	collect: { process: 'processes' },
	// routine memory management on a phone, dozens a day: no storm severity (a clean phone's log
	// stays low)
	examples: [
		'oom_reaper: reaped process 2693 (hj.zwh), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB',
		'oom_reaper: reaped process 14433 (ocess.gservices), now anon-rss:0kB, file-rss:0kB, shmem-rss:4kB',
		'oom_reaper: reaped process 2949 (id.gms.unstable), now anon-rss:0kB, file-rss:0kB, shmem-rss:64kB'
	],
	negatives: [
		'Out of memory: Killed process 1043271 (sphinx-build) total-vm:4222280kB, anon-rss:3934380kB, file-rss:688kB, shmem-rss:0kB, UID:1000 pgtables:7812kB oom_score_adj:200',
		'oom_reaper: unable to reap pid:1234 (java)'
	],
	explanation: {
		meaning:
			'A process was killed to free memory and the kernel’s oom_reaper took its memory back at once. No kernel OOM kill of that process is in the log: on Android this is the user-space low-memory killer (lmkd) killing apps when memory runs short (routine for cached background apps; many kills, or kills of services and the foreground app, mean the device is short of memory). On other systems the OOM-kill message itself is missing from the log (cut off or rate-limited).',
		causes: [
			{
				kind: 'userspace',
				text: 'Apps and services using more memory than the device has; on Android, lmkd kills the least important ones first.'
			},
			{
				kind: 'configuration',
				text: 'Too little memory or swap/zram for the workload, or low-memory-killer thresholds set aggressively.'
			}
		],
		next_steps: [
			'See which processes were killed (the list in the details; the kernel keeps 15 characters of a name and Android keeps its end: `ocess.gservices` is com.google.process.gservices).',
			'On Android, `adb logcat -b events | grep lowmemorykiller` and `adb shell dumpsys meminfo` show why lmkd killed them and what uses the memory.',
			'Elsewhere, look for the `Out of memory: Killed process` line in the full kernel log (`journalctl -k`) and treat it as an OOM kill.'
		],
		references: [
			'https://source.android.com/docs/core/perf/lmkd',
			'https://docs.kernel.org/admin-guide/mm/concepts.html#oom-killer'
		]
	}
};

/**
 * How an allocation that failed was allowed to wait, from its GFP mode: `atomic` could not sleep
 * to reclaim memory (GFP_ATOMIC, GFP_NOWAIT: an interrupt, a lock held; kernels before 4.4 print
 * only the mask, where such an allocation lacks __GFP_WAIT, 0x10: crash-dmesg-vmcore-dmesg-txt.log's
 * `vhost-4472: page allocation failure. order:1, mode:0x20`, a bridged packet copied in an
 * interrupt), `may-fail` asked to fail rather than reclaim hard or call the OOM killer
 * (__GFP_NORETRY, __GFP_RETRY_MAYFAIL: lkp-12.log's `rb_consumer … mode:0x24010c0(GFP_KERNEL|
 * __GFP_NORETRY)`), null for an allocation that waited and reclaimed. A mask printed alone by
 * 4.4 and later kernels (bits of another meaning, with their reclaim bits at 0x400000 and
 * 0x2000000) is read only when below 0x100000, where it has no reclaim bit in either layout.
 */
export function allocationKind(
	mask: string,
	flags: string | undefined
): 'atomic' | 'may-fail' | null {
	if (flags !== undefined) {
		const names = flags.split('|');
		if (names.includes('GFP_ATOMIC') || names.includes('GFP_NOWAIT')) return 'atomic';
		if (names.includes('__GFP_NORETRY') || names.includes('__GFP_RETRY_MAYFAIL')) return 'may-fail';
		return null;
	}
	const m = parseInt(mask, 16);
	return m < 0x100000 && (m & 0x10) === 0 ? 'atomic' : null;
}

const ALLOC_REFS = [
	'https://docs.kernel.org/core-api/memory-allocation.html',
	'https://docs.kernel.org/admin-guide/sysctl/vm.html'
];

/** a failed allocation that could not wait (allocationKind `atomic`) */
const ATOMIC_ALLOC_FAILED: Explanation = {
	meaning:
		'An allocation that could not wait failed (GFP_ATOMIC or GFP_NOWAIT: made in an interrupt or with a lock held, typically a network driver handling a packet; before 4.4 the mode is a mask without __GFP_WAIT, 0x10, such as `0x20`). Such an allocation may not reclaim memory from caches, so it fails as soon as free memory drops below the kernel’s reserve, even when the machine has plenty of memory in caches. Its caller gives up that one operation (a packet is dropped, a request retried) and the machine goes on; once now and then is harmless, a steady stream means the reserve is too small for bursts of traffic.',
	causes: [
		{
			kind: 'environment',
			text: 'Bursts of network or storage traffic (a bridge or virtual machine’s network, as `vhost-…`) that use up free memory faster than the kernel refills it.'
		},
		{
			kind: 'configuration',
			text: 'Too small a free reserve (`vm.min_free_kbytes`) for that traffic, most often on machines with much memory in caches.'
		},
		{
			kind: 'driver',
			text: 'A driver that makes large (order 1 and up) atomic allocations, which fail first when free memory is fragmented.'
		}
	],
	next_steps: [
		'Read the call trace after the line: it names the driver or the network path that allocated (`pskb_expand_head`, a NIC driver’s receive function); a few failures far apart need nothing.',
		'If they repeat, raise the reserve: `sysctl vm.min_free_kbytes=<value>` (check the current one with `sysctl vm.min_free_kbytes`; a value of about 1 % of memory, up to a few hundred MB, is common on servers), and make it permanent in /etc/sysctl.d/.',
		'If they come with packet loss or a device’s errors, look at that driver’s findings: an update of the kernel or of the driver often reduces its large atomic allocations.'
	],
	references: ALLOC_REFS
};

/** a failed allocation that was allowed to fail (allocationKind `may-fail`) */
const MAY_FAIL_ALLOC_FAILED: Explanation = {
	meaning:
		'An allocation that its caller allowed to fail did fail (__GFP_NORETRY or __GFP_RETRY_MAYFAIL in the mode: the kernel tries a little reclaim and then gives up instead of retrying or calling the OOM killer). Such a caller has a way out (a smaller buffer, another kind of memory, a later try), so this failure alone does no harm; it shows that memory was short at that moment. An OOM kill or other allocation failures around it say how short.',
	causes: [
		{
			kind: 'userspace',
			text: 'Memory used up by programs at that moment (see OOM kills or other allocation failures nearby).'
		},
		{
			kind: 'configuration',
			text: 'Too little memory or swap for the workload, or a memory limit set too low.'
		}
	],
	next_steps: [
		'Look for an OOM kill or other page allocation failures around it: they are the findings to act on.',
		'If it repeats without them, note the process and the call trace after the line, and find what uses the memory (`free -h`, `ps aux --sort=-rss | head`).'
	],
	references: ALLOC_REFS
};

/** a failed allocation that waited (the rule's own explanation) */
const ALLOC_FAILED: Explanation = {
	meaning:
		'The kernel could not find free memory for an allocation. For order 0-3 (small blocks) it means real memory pressure; for higher orders it means no large enough physically contiguous block was free (fragmentation): a driver or program asked for a big buffer and that operation failed, while the system as a whole may be fine.',
	causes: [
		{ kind: 'userspace', text: 'Memory exhausted by programs (see OOM kills nearby).' },
		{
			kind: 'driver',
			text: 'A driver requesting large contiguous buffers (high order) or atomic allocations under load.'
		},
		{
			kind: 'configuration',
			text: 'Too little free reserve (`vm.min_free_kbytes`) for bursty network or storage traffic.'
		}
	],
	next_steps: [
		'Note the process, order and mode (GFP flags) in the line; look at the memory report that follows (free memory per zone and order).',
		'For high-order failures, check `/proc/buddyinfo` (free blocks per order); raising `vm.min_free_kbytes` helps, and `echo 1 > /proc/sys/vm/compact_memory` compacts memory once, as a test.',
		'For order 0 failures, find what uses the memory (`free -h`, `ps aux --sort=-rss | head`).'
	],
	references: [
		'https://docs.kernel.org/admin-guide/mm/concepts.html',
		'https://docs.kernel.org/admin-guide/sysctl/vm.html'
	]
};

/**
 * On an Android device (rules/android.ts) memory is looked at through adb: Android's `ps` (toolbox,
 * toybox) has no `aux` nor `--sort`, `free` is missing on older releases, and the sysctls need root;
 * the low memory killer (lmkd) frees memory by killing cached apps.
 */
const ANDROID_MEMORY_STEP =
	'Find what uses the memory with `adb shell dumpsys meminfo` (processes by memory use; Android’s `ps` cannot sort them) and `adb shell cat /proc/meminfo`; Android’s low memory killer (lmkd) frees memory by killing cached apps, and its kills nearby show how short memory was.';

const ALLOC_FAILED_ANDROID: Explanation = {
	...ALLOC_FAILED,
	causes: [
		{
			kind: 'userspace',
			text: 'Memory used up by apps and services (see the low memory killer’s kills nearby).'
		},
		{
			kind: 'driver',
			text: 'A driver requesting large contiguous buffers (high order) or atomic allocations under load (the camera, the GPU, Wi-Fi).'
		}
	],
	next_steps: [
		'Note the process, order and mode (GFP flags) in the line; look at the memory report that follows (free memory per zone and order).',
		`For order 0 failures: ${ANDROID_MEMORY_STEP} If they repeat while the device slows down, an app or service uses too much: update, close or uninstall it, or restart the device.`,
		'For high-order failures (order 4 and up) a driver asked for a large contiguous buffer; nothing needs doing unless a feature of the device then fails (the camera, Wi-Fi): install the device’s newest system update, which is where its drivers are fixed.'
	]
};

const ATOMIC_ALLOC_FAILED_ANDROID: Explanation = {
	...ATOMIC_ALLOC_FAILED,
	next_steps: [
		ATOMIC_ALLOC_FAILED.next_steps[0],
		'The free reserve (`vm.min_free_kbytes`) is set by the device’s system and needs root to change; if the failures repeat with dropped connections or a device’s errors, install the device’s newest system update, which is where its drivers and settings are fixed.'
	]
};

const MAY_FAIL_ALLOC_FAILED_ANDROID: Explanation = {
	...MAY_FAIL_ALLOC_FAILED,
	next_steps: [
		'Look for the low memory killer’s kills or other page allocation failures around it: they show how short memory was.',
		`If it repeats, note the process and the call trace after the line. ${ANDROID_MEMORY_STEP}`
	]
};

/**
 * An Android app's binder thread (`binder:<pid>_<n>`) whose process the oom_reaper reaps right
 * after: lmkd had killed it, and Android kernels reap a SIGKILLed task's memory at once, marking it
 * an OOM victim; a victim's allocations may use the last reserve (below the min watermark) and
 * then fail, with warn_alloc's report. androiddmesg-dmesg-txt.log (a 5.4 GKI phone):
 * `binder:31804_2: page allocation failure: order:0` with free memory below min, then 37 lines
 * later `oom_reaper: reaped process 31804 (e.process.gapps)`.
 */
const ALLOC_FAILED_IN_KILLED_PROCESS: Explanation = {
	meaning:
		'The allocation failed in a process that was being killed to free memory: the kernel’s oom_reaper took back that process’s memory right after (its line is part of this finding). A process being killed may use the last reserve of free memory to exit, and once that is spent its allocations fail and the kernel prints the failure with a memory report. Nothing is lost beyond the process itself, which was ending anyway: Android’s low memory killer (lmkd) kills apps this way when memory runs short, and the finding of the reaped processes tells how often.',
	causes: [
		{
			kind: 'userspace',
			text: 'Memory short enough that the low memory killer killed apps (see the reaped processes), this one among them.'
		}
	],
	next_steps: [
		`Nothing is needed for this failure itself: it belongs to the kill. If kills repeat while the device slows down: ${ANDROID_MEMORY_STEP}`
	],
	references: ['https://source.android.com/docs/core/perf/lmkd']
};

/** the process of an Android binder thread, `binder:31804_2`: the one the oom_reaper names */
const BINDER_THREAD = /^binder:(\d+)_\w+$/;

/** mm/page_alloc.c warn_alloc: `cat: page allocation failure: order:9, mode:0xd0` (older: `page allocation failure. order:9, mode:0xd0`) */
export const pageAllocFailure: LineRule = {
	id: 'memory.page-allocation-failure',
	category: 'memory',
	severity: 'medium',
	triggers: ['page allocation failure'],
	pattern:
		/^(.+?): page allocation failure[:.] {0,2}order:(\d+), mode:(0x[0-9a-f]+)(?:\(([^)]*)\))?/,
	// an allocation that could not wait or was allowed to fail is its own finding: another
	// severity and explanation
	title: (m) => {
		const kind = allocationKind(m[3], m[4]);
		return `Page allocation failure (order ${m[2]}${kind === 'atomic' ? ', atomic' : kind === 'may-fail' ? ', allowed to fail' : ''})`;
	},
	details: (m) => {
		const binder = BINDER_THREAD.exec(m[1]);
		return {
			process: m[1],
			order: Number(m[2]),
			gfp_mask: m[3],
			gfp_flags: m[4] ?? null,
			// the binder thread's process, whose pid the oom_reaper names (resolve)
			...(binder === null ? {} : { process_pid: Number(binder[1]) })
		};
	},
	// a binder thread's failure, its process reaped right after: the failure belongs to the kill
	resolve: {
		trigger: OOM_REAPED,
		pattern: /^oom_reaper: reaped process (?<device>\d+) \(([^)]*)\)/,
		key: 'process_pid',
		within: 60,
		withinSeconds: 5,
		when: (m) => BINDER_THREAD.test(m[1]),
		details: (m) => ({ killed_process: m[2] }),
		title: (m) => `Page allocation failure in a process being killed (order ${m[2]})`,
		severity: 'info',
		explanation: ALLOC_FAILED_IN_KILLED_PROCESS,
		examples: [
			'oom_reaper: reaped process 31804 (e.process.gapps), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB'
		]
	},
	// an allocation that could not wait or was allowed to fail: its caller copes (low, as high
	// orders are), many of them are a storm
	severityOf: (m) => (Number(m[2]) >= 4 || allocationKind(m[3], m[4]) !== null ? 'low' : 'medium'),
	explanationOf: (m) => {
		const kind = allocationKind(m[3], m[4]);
		return kind === 'atomic'
			? ATOMIC_ALLOC_FAILED
			: kind === 'may-fail'
				? MAY_FAIL_ALLOC_FAILED
				: undefined;
	},
	storm: { count: 20, severity: 'high' },
	examples: [
		'cat: page allocation failure. order:9, mode:0xd0',
		'vhost-4472: page allocation failure. order:1, mode:0x20',
		'rb_consumer: page allocation failure: order:0, mode:0x24010c0(GFP_KERNEL|__GFP_NORETRY)',
		'kworker/u4:4: page allocation failure: order:0, mode:0x40a20(GFP_ATOMIC|__GFP_COMP), nodemask=(null),cpuset=/,mems_allowed=0-1',
		'binder:31804_2: page allocation failure: order:0, mode:0x3100cca(GFP_HIGHUSER_MOVABLE|0x3000000), nodemask=(null),cpuset=background,mems_allowed=0',
		'kworker/u16:3: page allocation failure: order:4, mode:0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO), nodemask=(null)'
	],
	negatives: [
		'snapd invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=-900'
	],
	explanation: ALLOC_FAILED,
	android: [
		[ALLOC_FAILED, ALLOC_FAILED_ANDROID],
		[ATOMIC_ALLOC_FAILED, ATOMIC_ALLOC_FAILED_ANDROID],
		[MAY_FAIL_ALLOC_FAILED, MAY_FAIL_ALLOC_FAILED_ANDROID]
	]
};
