import type { LineRule } from './types.ts';

/** mm/oom_kill.c: `Out of memory: Killed process` / `Memory cgroup out of memory: Killed process` */
export const oomKill: LineRule = {
	id: 'memory.oom-kill',
	category: 'memory',
	severity: 'high',
	triggers: ['out of memory: Kill', 'Out of memory: Kill'],
	pattern:
		/^(Memory cgroup out of memory|Out of memory(?: \(oom_kill_allocating_task\))?): Kill(?:ed)? process (\d+) \(([^)]*)\)(?:.*?anon-rss:(\d+)kB)?(?:.*?UID:(\d+))?/,
	title: (m) => (m[1].startsWith('Memory cgroup') ? `Memory cgroup out of memory: killed ${m[3]}` : `Out of memory: killed ${m[3]}`),
	details: (m) => ({
		process: m[3],
		pid: Number(m[2]),
		anon_rss_kb: m[4] ? Number(m[4]) : null,
		uid: m[5] ? Number(m[5]) : null,
		cgroup_limit: m[1].startsWith('Memory cgroup')
	}),
	examples: [
		'Out of memory: Killed process 1043271 (sphinx-build) total-vm:4222280kB, anon-rss:3934380kB, file-rss:688kB, shmem-rss:0kB, UID:1000 pgtables:7812kB oom_score_adj:200',
		'Memory cgroup out of memory: Killed process 26865 (php-fpm7) total-vm:367860kB, anon-rss:177544kB, file-rss:1720kB, shmem-rss:0kB',
		'Out of memory: Kill process 1234 (mysqld) score 900 or sacrifice child'
	],
	negatives: ['oom_reaper: reaped process 3352 (python), now anon-rss:0kB', 'snapd invoked oom-killer: gfp_mask=0x140cca'],
	explanation: {
		meaning:
			'The kernel ran out of memory it could reclaim and killed a process to free some. The killed program lost its work; if it was a service it may have been restarted.',
		causes: [
			{ kind: 'userspace', text: 'A program used more memory than the machine (or its cgroup limit) has, often through a leak or an oversized workload.' },
			{ kind: 'configuration', text: 'No or too little swap, or a memory limit (cgroup, container, systemd MemoryMax=) set too low.' }
		],
		next_steps: [
			'Check which process was killed and how much memory it used (anon-rss in the line).',
			'Look at memory use over time: `free -h`, `vmstat 1`, `systemd-cgtop` or your monitoring.',
			'For a cgroup OOM, raise the limit or reduce the workload; otherwise add memory or swap, or fix the leak.'
		],
		references: ['https://docs.kernel.org/admin-guide/mm/concepts.html#oom-killer']
	}
};
