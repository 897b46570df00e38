/**
 * Crash reports found wrong by a QA reading of real logs that no test named before
 * (../shared/corpus/real), each with a verbatim excerpt of the log named in its comment.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { findingsOf } from '../support/analyze.ts';

const taskOf = (f: { details: Record<string, unknown> }) => ({
	cpu: f.details.cpu,
	pid: f.details.pid,
	comm: f.details.comm
});

describe('the task a report is about', () => {
	it('a hung task is the header’s, not khungtaskd’s of the panic after it', async () => {
		// lkp-28.log lines 4-32 (kernel test robot, 4.8.0-rc1, i386)
		const f = await findingsOf([
			'[  251.950215] INFO: task swapper:1 blocked for more than 120 seconds.',
			'[  252.156188]       Not tainted 4.8.0-rc1 #3',
			'[  252.323174] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
			'[  252.414164] swapper         D cf03c000     0     1      0 0x00000000',
			'[  253.952228] Call Trace:',
			'[  253.998180]  [<c147ea46>] schedule+0x1e/0x31',
			'[  254.012364]  [<c14810e7>] schedule_timeout+0x15/0xa2',
			'[  254.064254]  [<c147f097>] __wait_for_common+0xd8/0xfe',
			'[  254.115350]  [<c147f0d1>] wait_for_completion+0x14/0x17',
			'[  254.138526]  [<c1043a5e>] kthread_stop+0x32/0x4a',
			'[  254.165391]  [<c17c5191>] test_rht_init+0x544/0x595',
			'[  254.201327]  [<c17aac26>] do_one_initcall+0x7c/0xf6',
			'[  254.264524]  [<c17aad76>] kernel_init_freeable+0xd6/0x159',
			'[  254.272295]  [<c147d30c>] kernel_init+0x8/0xd0',
			'[  254.290380]  [<c1481ba2>] ret_from_kernel_thread+0xe/0x24',
			'[  257.500197] no locks held by swapper/1.',
			'[  257.618158] Kernel panic - not syncing: hung_task: blocked tasks',
			'[  257.636464] CPU: 0 PID: 13 Comm: khungtaskd Not tainted 4.8.0-rc1 #3'
		]);
		expect(f.map((x) => x.title)).toEqual(['INFO: task hung in test_rht_init']);
		expect(taskOf(f[0])).toEqual({ cpu: null, pid: 1, comm: 'swapper' });
		expect(f[0].details.kernel_version).toBe('4.8.0-rc1');
	});

	it('a hung task whose name holds a colon', async () => {
		const f = await findingsOf([
			'[  368.512345] INFO: task kworker/u16:2:12345 blocked for more than 122 seconds.',
			'[  368.512350]       Not tainted 6.1.0 #1',
			'[  368.512355] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
			'[  368.512360] task:kworker/u16:2   state:D stack:0     pid:12345 ppid:2      flags:0x00004000',
			'[  368.512370] Call Trace:',
			'[  368.512380]  <TASK>',
			'[  368.512390]  __schedule+0x2e1/0x880',
			'[  368.512400]  schedule+0x5b/0xd0',
			'[  368.512410]  io_schedule+0x42/0x70',
			'[  368.512420]  wait_on_page_bit_common+0x11f/0x390',
			'[  368.512430]  ext4_writepages+0x2a1/0x950',
			'[  368.512440]  </TASK>'
		]);
		expect(taskOf(f[0])).toEqual({ cpu: null, pid: 12345, comm: 'kworker/u16:2' });
	});

	it('a soft lockup cut after its header names the CPU and the task', async () => {
		// lkp-80.log (kernel test robot): the whole log
		const f = await findingsOf([
			'[  185.681694] watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [trinity-c0:6886]'
		]);
		expect(f.map((x) => x.rule)).toEqual(['crash.soft-lockup']);
		expect(taskOf(f[0])).toEqual({ cpu: 0, pid: 6886, comm: 'trinity-c0' });
	});

	it('lockdep of 3.x without a `CPU:` line: the task line', async () => {
		// satyr-gitlog-31.log lines 1-9 and 67-69 (abrt/satyr, 3.3.0-rc2, ARM)
		const f = await findingsOf([
			'[   84.860321] ======================================================',
			'[   84.860321] [ INFO: possible circular locking dependency detected ]',
			'[   84.860321] 3.3.0-rc2-00026-ge4e8a39 #474 Not tainted',
			'[   84.860321] -------------------------------------------------------',
			'[   84.860321] bash/949 is trying to acquire lock:',
			'[   84.860321]  (sysfs_lock){+.+.+.}, at: [<c0275358>] gpio_value_store+0x24/0xcc',
			'[   84.860321]',
			'[   84.860321] but task is already holding lock:',
			'[   84.860321]  (s_active#22){++++.+}, at: [<c016996c>] sysfs_write_file+0xdc/0x184',
			'[   85.178588] stack backtrace:',
			'[   85.178588] [<c001b824>] (unwind_backtrace+0x0/0xf0) from [<c008de64>] (print_circular_bug+0x100/0x114)',
			'[   85.193023] [<c008de64>] (print_circular_bug+0x100/0x114) from [<c008f54c>] (check_prev_add+0x680/0x698)'
		]);
		expect(f.map((x) => x.title)).toEqual(['possible deadlock in gpio_value_store']);
		expect(taskOf(f[0])).toEqual({ cpu: null, pid: 949, comm: 'bash' });
	});

	it('lockdep’s task line with a `/` in the name, and spin_dump()’s header', async () => {
		// satyr-gitlog-01.log lines 2-5, 26-27 and 35-37 (abrt/satyr, 3.5.0-rc5, ARM)
		const f = await findingsOf([
			'[   65.470000] [ INFO: possible recursive locking detected ]',
			'[   65.470000] 3.5.0-rc5 #2 Not tainted',
			'[   65.470000] ---------------------------------------------',
			'[   65.470000] ksdioirqd/mmc0/73 is trying to acquire lock:',
			'[   65.470000]  (&(&host->lock)->rlock#2){-.-...}, at: [<bf054120>] mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc]',
			'[   65.470000] stack backtrace:',
			'[   65.470000] [<c0014990>] (unwind_backtrace+0x0/0xf4) from [<c005ccb8>] (__lock_acquire+0x14f8/0x1b98)',
			'[   65.470000] BUG: spinlock lockup suspected on CPU#0, ksdioirqd/mmc0/73',
			'[   65.470000]  lock: 0xc3358724, .magic: dead4ead, .owner: ksdioirqd/mmc0/73, .owner_cpu: 0',
			'[   65.470000] [<c0014990>] (unwind_backtrace+0x0/0xf4) from [<c01b46b0>] (do_raw_spin_lock+0x100/0x144)',
			'[   65.470000] [<c01b46b0>] (do_raw_spin_lock+0x100/0x144) from [<c02f6724>] (_raw_spin_lock_irqsave+0x50/0x5c)',
			'[   65.470000] [<c02f6724>] (_raw_spin_lock_irqsave+0x50/0x5c) from [<bf054120>] (mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc])'
		]);
		expect(f.map((x) => [x.rule, taskOf(x)])).toEqual([
			['crash.lockdep', { cpu: null, pid: 73, comm: 'ksdioirqd/mmc0' }],
			['crash.spinlock', { cpu: 0, pid: 73, comm: 'ksdioirqd/mmc0' }]
		]);
	});
});

describe('lockdep’s dependency chain', () => {
	it('is no call trace: without `stack backtrace:` the trace is the `-> #0` stack', async () => {
		// satyr-gitlog-20.log (abrt/satyr, 3.4.0-rc4): the log ends inside the chain
		const f = await findingsOf([
			'======================================================',
			'[ INFO: possible circular locking dependency detected ]',
			'3.4.0-rc4-24406-g841e6a6 #121 Not tainted',
			'-------------------------------------------------------',
			'bash/1556 is trying to acquire lock:',
			' (&sb->s_type->i_mutex_key#8){+.+.+.}, at: do_lookup+0x267/0x2b1',
			'',
			'but task is already holding lock:',
			' (&sig->cred_guard_mutex){+.+.+.}, at: prepare_bprm_creds+0x2d/0x69',
			'',
			'which lock already depends on the new lock.',
			'',
			'the existing dependency chain (in reverse order) is:',
			'',
			'-> #1 (&sig->cred_guard_mutex){+.+.+.}:',
			'       validate_chain+0x444/0x4f4',
			'       __lock_acquire+0x387/0x3f8',
			'       lock_acquire+0x12b/0x158',
			'       __mutex_lock_common+0x56/0x3a9',
			'       mutex_lock_killable_nested+0x40/0x45',
			'       lock_trace+0x24/0x59',
			'       proc_map_files_lookup+0x5a/0x165',
			'       __lookup_hash+0x52/0x73',
			'       do_lookup+0x276/0x2b1',
			'       walk_component+0x3d/0x114',
			'       do_last+0xfc/0x540',
			'       path_openat+0xd3/0x306',
			'       do_filp_open+0x3d/0x89',
			'       do_sys_open+0x74/0x106',
			'       sys_open+0x21/0x23',
			'       tracesys+0xdd/0xe2',
			'',
			'-> #0 (&sb->s_type->i_mutex_key#8){+.+.+.}:',
			'       check_prev_add+0x6a/0x1ef',
			'       validate_chain+0x444/0x4f4',
			'       __lock_acquire+0x387/0x3f8',
			'       lock_acquire+0x12b/0x158',
			'       __mutex_lock_common+0x56/0x3a9',
			'       mutex_lock_nested+0x40/0x45',
			'       do_lookup+0x267/0x2b1',
			'       walk_component+0x3d/0x114',
			'       link_path_walk+0x1f9/0x48f',
			'       path_openat+0xb6/0x306',
			'       do_filp_open+0x3d/0x89',
			'       open_exec+0x25/0xa0',
			'       do_execve_common+0xea/0x2f9',
			'       do_execve+0x43/0x45',
			'       sys_execve+0x43/0x5a',
			'       stub_execve+0x6c/0xc0'
		]);
		expect(f.map((x) => x.title)).toEqual(['possible deadlock in do_lookup']);
		const frames = f[0].stack?.frames.map((x) => x.function) ?? [];
		expect(frames).toHaveLength(16);
		expect(frames[0]).toBe('check_prev_add');
		expect(frames.at(-1)).toBe('stub_execve');
		expect(frames).not.toContain('proc_map_files_lookup');
		expect(taskOf(f[0])).toEqual({ cpu: null, pid: 1556, comm: 'bash' });
	});
});

describe('architecture from the frames of a lockdep report', () => {
	it('arm’s `(a) from (b)` frames', async () => {
		// satyr-gitlog-08.log lines 2-5 and 27-29 (abrt/satyr, 3.4.0, ARM): no registers
		const r = await analyzeText(
			[
				'[ INFO: possible recursive locking detected ]',
				'3.4.0 #37 Tainted: G        W',
				'---------------------------------------------',
				'filemonkey/122 is trying to acquire lock:',
				'stack backtrace:',
				'[<c0014fcc>] (unwind_backtrace+0x0/0x120) from [<c00ca600>] (validate_chain+0x6f8/0x1054)',
				'[<c00ca600>] (validate_chain+0x6f8/0x1054) from [<c00cb778>] (__lock_acquire+0x81c/0x8d8)',
				''
			].join('\n')
		);
		expect(r.metadata.arch).toBe('arm');
	});

	it('x86-64’s entry_64.S stubs of 3.x: stub_execve, tracesys, gs_change', async () => {
		// satyr-gitlog-20.log lines 29-31 and 47-49, satyr-gitlog-27.log line 78 (abrt/satyr)
		for (const line of [
			'       tracesys+0xdd/0xe2',
			'       stub_execve+0x6c/0xc0',
			' [<ffffffff814e51e0>] ? gs_change+0xb/0xb'
		]) {
			const r = await analyzeText(
				[
					'[ INFO: possible circular locking dependency detected ]',
					'3.4.0-rc4-24406-g841e6a6 #121 Not tainted',
					'-> #0 (&sb->s_type->i_mutex_key#8){+.+.+.}:',
					'       do_execve+0x43/0x45',
					line,
					''
				].join('\n')
			);
			expect(r.metadata.arch, line).toBe('x86_64');
		}
	});
});

describe('advice for lockups', () => {
	it('a soft lockup in smp_call_function_many points at the CPU that does not answer', async () => {
		// satyr-rhbz-1235021.log lines 1, 9, 12 and 26-29 (abrt/satyr, Fedora 22's 4.0.5)
		const f = await findingsOf([
			'NMI watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [pulseaudio:1580]',
			'CPU: 0 PID: 1580 Comm: pulseaudio Not tainted 4.0.5-300.fc22.x86_64+debug #1',
			'RIP: 0010:[<ffffffff81153416>]  [<ffffffff81153416>] smp_call_function_many+0x216/0x280',
			'Call Trace:',
			' [<ffffffff810778b0>] ? leave_mm+0x180/0x180',
			' [<ffffffff811534ff>] on_each_cpu+0x3f/0xb0',
			' [<ffffffff8107838c>] flush_tlb_all+0x1c/0x20'
		]);
		expect(f.map((x) => x.title)).toEqual(['BUG: soft lockup in smp_call_function']);
		const steps = f[0].explanation.next_steps.join('\n');
		expect(steps).toContain('cross-CPU call (`smp_call_function_many`');
		expect(steps).toContain('kernel.softlockup_all_cpu_backtrace=1');
		// lkp-80.log: a soft lockup whose CPU is not known to wait for another
		const other = await findingsOf([
			'[  185.681694] watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [trinity-c0:6886]'
		]);
		expect(other[0].explanation.next_steps.join('\n')).not.toContain('cross-CPU');
	});

	it('the step for a possible virtual machine is left out on named physical hardware', async () => {
		// satyr-rhbz-1235021.log lines 1, 9, 10, 12 and 26-27: a Gigabyte board, no hypervisor
		const report = (hardware: string | null) => [
			'NMI watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [pulseaudio:1580]',
			'CPU: 0 PID: 1580 Comm: pulseaudio Not tainted 4.0.5-300.fc22.x86_64+debug #1',
			...(hardware === null ? [] : [`Hardware name: ${hardware}`]),
			'RIP: 0010:[<ffffffff81153416>]  [<ffffffff81153416>] smp_call_function_many+0x216/0x280',
			'Call Trace:',
			' [<ffffffff810778b0>] ? leave_mm+0x180/0x180'
		];
		const steps = async (hardware: string | null) =>
			(await findingsOf(report(hardware)))[0].explanation.next_steps.join('\n');
		expect(
			await steps('Gigabyte Technology Co., Ltd. Z87M-D3H/Z87M-D3H, BIOS F11 08/12/2014')
		).not.toContain('On a VM');
		// unknown hardware, or a cloud's QEMU machine type the hypervisor list does not name
		expect(await steps(null)).toContain('On a VM, check the host');
		expect(
			await steps('Hetzner vServer/Standard PC (Q35 + ICH9, 2009), BIOS 20171111 11/11/2017')
		).toContain('On a VM, check the host');
	});

	it('a spinlock lockup whose owner is the waiting task is called a self-deadlock', async () => {
		// satyr-gitlog-01.log lines 35-39 (abrt/satyr, 3.5.0-rc5, ARM)
		const f = await findingsOf([
			'[   65.470000] BUG: spinlock lockup suspected on CPU#0, ksdioirqd/mmc0/73',
			'[   65.470000]  lock: 0xc3358724, .magic: dead4ead, .owner: ksdioirqd/mmc0/73, .owner_cpu: 0',
			'[   65.470000] [<c0014990>] (unwind_backtrace+0x0/0xf4) from [<c01b46b0>] (do_raw_spin_lock+0x100/0x144)',
			'[   65.470000] [<c01b46b0>] (do_raw_spin_lock+0x100/0x144) from [<c02f6724>] (_raw_spin_lock_irqsave+0x50/0x5c)',
			'[   65.470000] [<c02f6724>] (_raw_spin_lock_irqsave+0x50/0x5c) from [<bf054120>] (mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc])'
		]);
		expect(f.map((x) => x.rule)).toEqual(['crash.spinlock']);
		const causes = f[0].explanation.causes.map((c) => c.text).join('\n');
		expect(causes).toContain('`.owner` is the waiting task itself');
	});
});
