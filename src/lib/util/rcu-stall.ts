/**
 * What an RCU CPU stall warning says about what stalled (kernel/rcu/tree_stall.h, before 5.x
 * tree.c; docs.kernel.org/RCU/stallwarn.html), read from the report's lines as a kernel
 * developer reads them: the CPUs listed as holding up the grace period (`\t1-...!: (3 GPs
 * behind) idle=…`), the task on a stalled CPU (`Task dump for CPU 0:` and the task line after
 * it), the preempted readers that block it (`Tasks blocked on level-0 rcu_node (CPUs 0-1):
 * P9294/1:b..l`, each dumped after the CPU list, `task:syz-executor state:R … pid:9294`), the tasks
 * RCU-tasks waits for (`task:syz.0.2297 state:R … pid:14797`), how long (`t=10500
 * jiffies`), and whether the grace-period kthread itself was starved (`rcu_sched kthread starved
 * for 10002 jiffies!`), which with `All QSes seen` (no CPU or task holds the grace period up) is
 * the whole stall. The CPU dumped after `Stack dump where RCU GP kthread last ran:` (an `NMI
 * backtrace for cpu 0` and its `CPU:` line, or `Task dump for CPU 0:`) is where that kthread last
 * ran, not a stalled CPU (rcu_check_gp_kthread_starvation() in kernel/rcu/tree_stall.h).
 */

export interface RcuStallTask {
	comm: string;
	pid: number;
}

export interface RcuStall {
	/** the RCU flavour (`rcu_sched`, `rcu_preempt`, `rcu_tasks` ...) */
	flavor: string;
	/** the CPU that stalled reported it itself (`self-detected stall on CPU`) */
	self: boolean;
	/** the CPUs named as holding up the grace period, in order */
	cpus: number[];
	/** the tasks named as holding it up: a stalled CPU's task dump, RCU-tasks' holdouts */
	tasks: RcuStallTask[];
	/** jiffies since the grace period started (`t=N jiffies`), or null */
	jiffies: number | null;
	/** `All QSes seen`: every CPU and task had passed its quiescent state */
	allQsSeen: boolean;
	/** the grace-period kthread was starved of CPU time (`<name> kthread starved for N jiffies!`) */
	starved: { kthread: string; jiffies: number } | null;
	/** the tasks are preempted readers (`Tasks blocked on … rcu_node`) */
	readers: boolean;
	/** the CPU dumped as where the grace-period kthread last ran (not a stalled one), or null */
	kthreadCpu: number | null;
}

const HEADER = /INFO: (rcu_\w+) (self-)?detected (?:expedited )?stalls? on/;
/** a line that starts a stall report (its header), anywhere in the line */
export const RCU_STALL_START = /INFO: rcu_\w+ (?:self-)?detected/;
/** a second report's header among a report's lines */
const NEXT_STALL = /^(?:rcu: )?INFO: rcu_\w+ (?:self-)?detected/;
/** `rcu: ` (4.20 and later) before the stall's own lines */
const PREFIX = /^rcu: /;
/** a stalled CPU's line: `\t1-...!: (3 GPs behind)`, `\t0: (1 GPs behind)`, `\t1-....: (104999 ticks this GP)` */
const CPU_LINE = /^\s+(\d+)(?:-[.!\w]*)?: \(\d+ (?:GPs behind|ticks this GP)/;
/** the CPUs listed in the header of older kernels (3.10 and before): `{ 2}`, `{ 1 3}`, tasks as `P1234` */
const OLD_LIST = /stalls? on CPUs?(?:\/tasks)?:? \{([\s\dP]*)\}/;
const T_JIFFIES = /^\s*\((?:detected by \d+, )?t=(\d+) jiffies/;
const TASK_DUMP = /^Task dump for CPU (\d+):/;
/** sched_show_task() before 5.10: comm, state, `running task` or the PC, free stack, pid, ppid, flags */
const OLD_TASK =
	/^(\S(?:.{0,14}\S)?)\s+[RSDTtXZPIKN]\s+(?:running task|[\da-f]{8,16})\s+\d+\s+(\d+)\s+\d+\s+0x[\da-f]+\s*$/;
/** sched_show_task() since 5.10 */
const NEW_TASK = /^task:(\S+)\s+state:/;
const NEW_PID = /\bpid: ?(\d+)/;
const STARVED = /^(\w+) kthread starved for (\d+) jiffies!/;
/** the preempted RCU readers' list, whose tasks are dumped after the CPUs' lines */
const BLOCKED = /^\s*Tasks blocked on level-\d+ rcu_node/;
/** what ends that list's dumps: the kthread's report, another CPU's dump */
const BLOCKED_END =
	/^(?:\w+ kthread starved|RCU grace-period kthread stack dump|Stack dump where|All QSes seen|Task dump for CPU|NMI backtrace for cpu|Sending NMI)/;
const LAST_RAN = /^Stack dump where RCU GP kthread last ran:/;
const DUMPED_CPU = /^(?:Task dump for CPU|NMI backtrace for cpu) (\d+)/;

function taskOf(text: string): RcuStallTask | null {
	const n = NEW_TASK.exec(text);
	const p = n ? NEW_PID.exec(text) : null;
	if (n && p) return { comm: n[1], pid: Number(p[1]) };
	const m = OLD_TASK.exec(text);
	return m ? { comm: m[1], pid: Number(m[2]) } : null;
}

/** The stall a report's lines (the header first, message text only) describe, or null for another report. */
export function rcuStall(texts: readonly string[]): RcuStall | null {
	const h = texts.length > 0 ? HEADER.exec(texts[0]) : null;
	if (h === null) return null;
	const stall: RcuStall = {
		flavor: h[1],
		self: h[2] !== undefined,
		cpus: [],
		tasks: [],
		jiffies: null,
		allQsSeen: false,
		starved: null,
		readers: false,
		kthreadCpu: null
	};
	// older kernels (3.10 and before) list the stalled CPUs and how long in the header itself:
	// `detected stalls on CPUs/tasks: { 2} (detected by 0, t=65008 jiffies, …)`, `self-detected
	// stall on CPU { 1}`
	const inline = OLD_LIST.exec(texts[0]);
	if (inline)
		for (const c of inline[1].trim().split(/\s+/)) if (/^\d+$/.test(c)) stall.cpus.push(Number(c));
	const tj = /\bt=(\d+) jiffies/.exec(texts[0]);
	if (tj) stall.jiffies = Number(tj[1]);
	const tasksFlavor = h[1].startsWith('rcu_tasks');
	// in the preempted readers' dumps (after `Tasks blocked on`), after `Stack dump where RCU GP
	// kthread last ran:` (whose CPU dump is not of a stalled CPU)
	let blocked = false;
	let lastRan = false;
	for (let i = 1; i < texts.length; i++) {
		const t = texts[i].replace(PREFIX, '');
		// a second report (an NMI backtrace of another CPU is still this one's)
		if (NEXT_STALL.test(texts[i])) break;
		if (BLOCKED.test(t)) {
			blocked = true;
			continue;
		}
		if (BLOCKED_END.test(t)) blocked = false;
		if (LAST_RAN.test(t)) {
			lastRan = true;
			continue;
		}
		const dumped = lastRan ? DUMPED_CPU.exec(t) : null;
		if (dumped) {
			stall.kthreadCpu = Number(dumped[1]);
			lastRan = false;
			continue;
		}
		const c = CPU_LINE.exec(t);
		if (c) {
			if (!stall.cpus.includes(Number(c[1]))) stall.cpus.push(Number(c[1]));
			continue;
		}
		const j = T_JIFFIES.exec(t);
		if (j && stall.jiffies === null) {
			stall.jiffies = Number(j[1]);
			continue;
		}
		if (t.startsWith('All QSes seen')) stall.allQsSeen = true;
		const d = TASK_DUMP.exec(t);
		if (d) {
			if (!stall.cpus.includes(Number(d[1]))) stall.cpus.push(Number(d[1]));
			const task = i + 1 < texts.length ? taskOf(texts[i + 1].replace(PREFIX, '')) : null;
			if (task) stall.tasks.push(task);
			continue;
		}
		if (tasksFlavor && t.startsWith('task:')) {
			const task = taskOf(t);
			if (task) stall.tasks.push(task);
			continue;
		}
		const reader = blocked ? taskOf(t) : null;
		if (reader) {
			if (!stall.tasks.some((k) => k.pid === reader.pid)) stall.tasks.push(reader);
			stall.readers = true;
			continue;
		}
		const s = STARVED.exec(t);
		if (s && stall.starved === null) stall.starved = { kthread: s[1], jiffies: Number(s[2]) };
	}
	return stall;
}

/** the grace-period kthread's own stack, printed by rcu_check_gp_kthread_starvation() */
const KTHREAD_STACK = /^RCU grace-period kthread stack dump:/;
/** a dump of a CPU's stack: where the kthread's and the last-ran dumps end */
const CPU_DUMP = /^(?:Task dump for CPU|NMI backtrace for cpu) (\d+)/;
/** dump_stack()'s first line: the stalled CPU's own stack after the kthread's (self-detected, 4.x) */
const DUMP_STACK = /^CPU: \d+ PID: /;

/**
 * Which of a stall report's lines (message text, the header first) are not of what stalled: the
 * grace-period kthread's own stack (`RCU grace-period kthread stack dump:`) and the dump of the CPU
 * it last ran on (`Stack dump where RCU GP kthread last ran:`, then that CPU's `NMI backtrace for
 * cpu 0` or `Task dump for CPU 0:`), unless that CPU is a stalled one. Their `RIP:` is no fault
 * location of the stall (syzkaller report 720: `RIP: 0010:common_interrupt_return+0x1a/0xcc` of
 * CPU 0, where the kthread last ran, while a preempted reader on no CPU held the grace period up).
 */
export function notStalledLines(texts: readonly string[], stall: RcuStall): boolean[] {
	const out = texts.map(() => false);
	let state: 'stall' | 'kthread' | 'lastRan' | 'lastRanDump' = 'stall';
	for (let i = 1; i < texts.length; i++) {
		const t = texts[i].replace(PREFIX, '');
		if (NEXT_STALL.test(texts[i])) break;
		const dump = CPU_DUMP.exec(t);
		if (KTHREAD_STACK.test(t)) state = 'kthread';
		else if (state === 'kthread' && DUMP_STACK.test(t)) state = 'stall';
		else if (LAST_RAN.test(t)) state = 'lastRan';
		else if (dump && state === 'lastRan')
			state = stall.cpus.includes(Number(dump[1])) ? 'stall' : 'lastRanDump';
		else if (dump) state = 'stall';
		out[i] = state !== 'stall';
	}
	return out;
}

const list = (xs: readonly string[]): string =>
	xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/** What the report says stalled, in a sentence or two for the finding's explanation, or null. */
export function rcuStallNote(s: RcuStall): string | null {
	const parts: string[] = [];
	const tasks = s.tasks.map((t) => `${t.comm} (pid ${t.pid})`);
	const time = s.jiffies === null ? '' : ` for ${s.jiffies} jiffies`;
	if (s.cpus.length > 0) {
		const cpus = `${s.cpus.length === 1 ? 'CPU' : 'CPUs'} ${list(s.cpus.map(String))}`;
		parts.push(
			s.self
				? `Here ${cpus} reported its own stall${time}`
				: `Here ${cpus} held up the ${s.flavor} grace period${time}`
		);
		if (tasks.length > 0)
			parts[0] += `, running ${list(tasks)}: the trace of the stalled CPU is where it was stuck.`;
		else parts[0] += '.';
	} else if (tasks.length > 0 && s.readers)
		parts.push(
			`Here the ${s.flavor} grace period waited${time} for ${list(tasks)}, preempted inside an RCU read-side critical section (\`Tasks blocked on … rcu_node\`): ${tasks.length === 1 ? 'its trace is' : 'their traces are'} where the reader was.`
		);
	else if (tasks.length > 0)
		parts.push(`Here the ${s.flavor} grace period waited${time} for ${list(tasks)}.`);
	if (s.allQsSeen)
		parts.push(
			'No CPU or task held up the grace period (`All QSes seen`): the trace printed is of the CPU that noticed, not of a stalled one.'
		);
	if (s.starved)
		parts.push(
			`The grace-period kthread ${s.starved.kthread} had not run for ${s.starved.jiffies} jiffies (\`${s.starved.kthread} kthread starved\`), so grace periods could not end${s.allQsSeen ? ', and that is the whole stall' : ''}. A starved kthread is usually one that could run but got no CPU (real-time tasks or interrupts keeping its CPU busy; on a virtual machine, a vCPU the host did not run); its own stack, printed after, shows where it waited.`
		);
	return parts.length > 0 ? parts.join(' ') : null;
}

/** functions that wait for an RCU grace period (SRCU's are its own, not held up by a stalled CPU) */
export const GRACE_PERIOD =
	/^(?:synchronize_(?:rcu|sched|rcu_bh|net)(?:_expedited)?|__wait_rcu_gp|wait_rcu_gp|rcu_barrier(?:_sched|_bh)?)$/;
