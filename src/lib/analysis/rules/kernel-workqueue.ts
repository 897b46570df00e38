import type { LineRule } from './types.ts';

/**
 * kernel/workqueue.c wq_cpu_intensive_report() (6.5+, CONFIG_WQ_CPU_INTENSIVE_REPORT): a work item
 * of a per-CPU workqueue ran longer than `workqueue.cpu_intensive_thresh_us` (10,000 µs, raised on
 * CPUs of under 4000 BogoMIPS) without sleeping, so the workqueue took it out of concurrency
 * management (marked it CPU_INTENSIVE) lest it hold up the CPU's other work items:
 * `workqueue: %ps hogged CPU for >%luus %llu times, consider switching to WQ_UNBOUND`. %ps is the
 * work function, with its module in brackets when it is one's. Printed from the 4th time on, then
 * with an exponential back-off: 4, 8, 16 … times, or 4, 5, 7, 11, 19 … on kernels where the
 * start is the parameter `workqueue.cpu_intensive_warning_thresh`. No log of the corpus has one:
 * the examples are the format with work functions of the kernel and its drivers.
 */
export const workqueueCpuHog: LineRule = {
	id: 'other.workqueue-cpu-hog',
	category: 'other',
	severity: 'info',
	routine: true,
	triggers: [' hogged CPU for >'],
	pattern:
		/^workqueue: ([\w.$]+)(?: \[([\w-]+)\])? hogged CPU for >(\d+)us (\d+) times, consider switching to WQ_UNBOUND/,
	title: (m) => `Work function ${m[1]} kept a CPU busy too long (workqueue: consider WQ_UNBOUND)`,
	details: (m) => ({
		function: m[1],
		module: m[2] ?? null,
		threshold_us: Number(m[3]),
		times: Number(m[4])
	}),
	examples: [
		'workqueue: drm_fb_helper_damage_work hogged CPU for >10000us 4 times, consider switching to WQ_UNBOUND',
		'workqueue: output_poll_execute [drm_kms_helper] hogged CPU for >10000us 8 times, consider switching to WQ_UNBOUND',
		'workqueue: kfree_rcu_monitor hogged CPU for >13333us 19 times, consider switching to WQ_UNBOUND'
	],
	negatives: [
		'workqueue: round-robin CPU selection forced, expect performance impact',
		'BUG: workqueue lockup - pool cpus=1 node=0 flags=0x0 nice=0 stuck for 45s!',
		'workqueue: output_poll_execute [drm_kms_helper] hogged CPU'
	],
	explanation: {
		meaning:
			'A note for the developers of the driver or subsystem named, not a failure: a work item of this function (deferred work a driver hands to the kernel’s worker threads) ran on one CPU for longer than the threshold (10 ms unless set otherwise) without pausing, as many times as the message says. Such long items would hold up the other deferred work of that CPU, so the kernel already moved them out of the way (it marks them CPU-intensive) and suggests that the driver use an unbound workqueue (WQ_UNBOUND) instead. The kernel reports it from the 4th time on and then at growing intervals (4, 8, 16 … or 4, 5, 7, 11, 19 …). Occasional reports are harmless; a count that keeps growing means this work is often long, which may go with stutter or latency on that CPU.',
		causes: [
			{
				kind: 'driver',
				text: 'A driver or kernel subsystem (the function, and the module in brackets) that does long work in a per-CPU work item: display probing and framebuffer updates of GPU drivers, polling of slow buses (I2C, SPI), a network or storage driver’s watchdog, freeing memory in bulk.'
			},
			{
				kind: 'environment',
				text: 'A slow or heavily loaded CPU, or a slow device behind the driver, makes the same work take longer (the threshold is raised on slow CPUs).'
			}
		],
		next_steps: [
			'Nothing needs doing if the system runs smoothly: the kernel already keeps this work from holding up the rest.',
			'If the count keeps growing or comes with stutter or lag, note the function and module: a newer kernel may have moved that work to an unbound workqueue (search the function name with “hogged CPU” in the kernel’s mailing lists and your distribution’s bug tracker), else report it there with these lines.',
			'The threshold is the kernel parameter `workqueue.cpu_intensive_thresh_us`, and when reports start `workqueue.cpu_intensive_warning_thresh` on recent kernels; raising them only hides the note.'
		],
		references: [
			'https://docs.kernel.org/core-api/workqueue.html',
			'https://docs.kernel.org/admin-guide/kernel-parameters.html',
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/kernel/workqueue.c?h=v6.6'
		]
	}
};
