/**
 * What a crash report's own lines say, beyond its title, read as a kernel developer reads them
 * (docs/RULES.md, "Findings that say what the log says"): the largest task of the OOM report's
 * task list before a panic_on_oom panic, the device a `waiting for DEV to become free` line
 * names, a device read as all ones, and a register that holds text as the faulting address.
 * Real lines: abrt-kernel-panic-oom.log (abrt/abrt `tests/examples/kernel_panic_oom.test`,
 * GPL-2.0), serverlog-kern-log-1.log (PhoenixYanrongLi/ServerLog `kern.log.1`, no licence stated:
 * its OOM report's task list), iamslightlywin-dump-last-kmsg.log (iamSlightlyWind/dump
 * `last_kmsg`, none stated), logs-srv-messages.log (marcusbohessef83/logs-srv `messages`, none
 * stated), abrt-oops1-module-nouveau.log (tests/support/excerpts.ts) and lkp-42.log
 * (fixtures/headline).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/lib/ingestion/index.ts';
import { OomTaskReader } from '../../src/lib/ingestion/blocks/oom-tasks.ts';
import { analyzeLines, findingsOf } from '../support/analyze.ts';
import { ABRT_OOM_PANIC, NOUVEAU_IOREAD_LOCKUP } from '../support/excerpts.ts';

/** serverlog-kern-log-1.log lines 52-75: a 3.13 OOM report's whole task list (its kill follows) */
const TASK_LIST = [
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564904] [ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564925] [  338]     0   338     4868       67      13        0             0 upstart-udev-br',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564932] [  343]     0   343    12838      170      27        0         -1000 systemd-udevd',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564936] [  625]     0   625     3880      126      12        0             0 upstart-socket-',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564940] [  669]   102   669     9844      144      23        0             0 dbus-daemon',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564944] [  743]     0   743    11075      303      28        0             0 systemd-logind',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564947] [  757]   101   757    64153     7880      42        0             0 rsyslogd',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564951] [  782]     0   782     3818       65      13        0             0 upstart-file-br',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564954] [  835]     0   835     3954       41      13        0             0 getty',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564958] [  838]     0   838     3954       41      13        0             0 getty',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564961] [  843]     0   843     3954       38      13        0             0 getty',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564970] [  844]     0   844     3954       40      13        0             0 getty',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564973] [  846]     0   846     3954       39      13        0             0 getty',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564977] [  870]     0   870    15341      180      32        0         -1000 sshd',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564980] [  873]     0   873     1091       36       8        0             0 acpid',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564984] [  876]     0   876     5913       63      17        0             0 cron',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564987] [  878]     0   878     4784       44      12        0             0 atd',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564991] [ 1316]     0  1316     3954       39      13        0             0 getty',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564995] [ 2375]   106  2375   226407    30902     115        0             0 mysqld',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.564998] [ 2420]     0  2420   104532    10616     165        0             0 python',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.565001] [ 2509]     0  2509   225300    10685     162        0             0 python',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.565010] [ 2512]     0  2512   158083    63979     270        0             0 python',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.565014] [ 2515]     0  2515   104532    10660     153        0             0 python',
	'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.565018] [16670]     0 16670    26445      243      54        0             0 sshd'
];

describe('a panic_on_oom panic names the task list’s largest task', () => {
	it('reads the list before the panic, its pids kept (`[ 1804]` is no second time stamp)', async () => {
		const r = await analyzeLines(ABRT_OOM_PANIC);
		expect(r.findings.map((f) => f.rule)).toEqual(['crash.oom-panic']);
		const d = r.findings[0].details;
		expect(d).toMatchObject({
			largest_task: 'webservice',
			largest_task_pid: 39971,
			largest_task_rss_pages: 542742,
			largest_task_swap_entries: 1015908,
			tasks_listed: 5,
			task_list_whole: false
		});
		const meaning = r.findings[0].explanation.meaning;
		expect(meaning).toContain(
			'the task list’s largest by resident memory is `webservice` (pid 39971), of the 5 tasks listed: 542,742 pages resident (`rss`, 2.1 GiB) and 1,015,908 pages in swap (`swapents`, 3.9 GiB)'
		);
		// the log starts within the list; the panicking task is a thread of the largest
		expect(meaning).toContain('a larger task may be in the part not logged');
		expect(meaning).toContain('(the `CPU:` line, pid 35943) has the same name');
		expect(meaning).not.toMatch(/killer’s choice|victim/);
	});

	it('reads a whole list with its header, in a syslog file', async () => {
		const panic =
			'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.565021] Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled';
		const f = await findingsOf([...TASK_LIST, panic]);
		const d = f.find((x) => x.rule === 'crash.oom-panic')!.details;
		expect(d).toMatchObject({
			largest_task: 'python',
			largest_task_pid: 2512,
			largest_task_rss_pages: 63979,
			largest_task_swap_entries: 0,
			tasks_listed: 23,
			task_list_whole: true
		});
		const meaning = f.find((x) => x.rule === 'crash.oom-panic')!.explanation.meaning;
		expect(meaning).toContain(
			'`python` (pid 2512), of the 23 tasks listed: 63,979 pages resident (`rss`).'
		);
		// no size in bytes where the log does not say the architecture (its page size)
		expect(meaning).not.toContain('part not logged');
	});

	it('takes no list printed long before the panic', async () => {
		const far = Array.from(
			{ length: 12 },
			(_, i) => `Mar 15 17:01:55 capstonealzheimer kernel: [9686414.5651${10 + i}] eth0: link up`
		);
		const panic =
			'Mar 15 17:01:56 capstonealzheimer kernel: [9686415.000000] Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled';
		const f = await findingsOf([...TASK_LIST, ...far, panic]);
		expect(f.find((x) => x.rule === 'crash.oom-panic')!.details.largest_task).toBeUndefined();
	});

	it('reads the columns its header names: 4.15’s pgtables_bytes, a name with spaces (a Samsung phone’s last_kmsg)', () => {
		const texts = ingest([
			'<6>[22926.292933]  [7:           init:    1] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name',
			'<6>[22926.292982]  [7:           init:    1] [   1077]  1000  1064   565473      691   126976      189         -1000 POSIX timer 0'
		]).events.map((e) => e.text);
		expect(texts[1]).toBe(
			'[   1077]  1000  1064   565473      691   126976      189         -1000 POSIX timer 0'
		);
		const reader = new OomTaskReader();
		texts.forEach((t, i) => reader.line(i + 1, t, 0));
		expect(reader.before(3, 0)).toEqual({
			tasks: 1,
			header: true,
			pid: 1077,
			name: 'POSIX timer 0',
			rss: 691,
			swapents: 189,
			line: 2
		});
	});
});

describe('a network device still referenced', () => {
	/** logs-srv-messages.log lines 3398-3400: one wait of an OpenShift runner (RHEL 7), 30 s */
	const WAIT = [
		'Nov 21 12:18:03 openshiftrunner1 kernel: unregister_netdevice: waiting for lo to become free. Usage count = 1',
		'Nov 21 12:18:13 openshiftrunner1 kernel: unregister_netdevice: waiting for lo to become free. Usage count = 1',
		'Nov 21 12:18:24 openshiftrunner1 kernel: unregister_netdevice: waiting for lo to become free. Usage count = 1'
	];

	it('names the device and the references left, and what the wait holds up', async () => {
		const f = await findingsOf(WAIT);
		expect(f.map((x) => [x.title, x.count])).toEqual([
			['unregister_netdevice: waiting for DEV to become free', 3]
		]);
		expect(f[0].details).toMatchObject({ device: 'lo', usage_count: 1 });
		const meaning = f[0].explanation.meaning;
		expect(meaning).toContain(
			'Here the device is `lo` with 1 reference still held (`Usage count = 1`)'
		);
		expect(meaning).toContain('network namespace being deleted');
		expect(meaning).toContain('`copy_net_ns`');
		// a wait whose lines stop is a late release, not a hang until reboot
		expect(meaning).toContain('lines that stop while the log goes on');
		expect(meaning).not.toContain('waits forever.');
	});

	it('says what removing another interface holds up', async () => {
		const f = await findingsOf([
			'[ 3000.000001] unregister_netdevice: waiting for eth0 to become free. Usage count = 2'
		]);
		expect(f[0].details).toMatchObject({ device: 'eth0', usage_count: 2 });
		expect(f[0].explanation.meaning).toContain('`eth0` with 2 references still held');
		expect(f[0].explanation.meaning).toContain('`rmmod`');
		expect(f[0].explanation.meaning).not.toContain('loopback');
	});
});

describe('a device that reads as all ones', () => {
	it('says nouveau’s GPU did not answer, and that its wait never times out', async () => {
		const f = await findingsOf(NOUVEAU_IOREAD_LOCKUP);
		expect(f.map((x) => [x.rule, x.title])).toEqual([
			['crash.soft-lockup', 'BUG: soft lockup in nouveau_drm_ioctl']
		]);
		const e = f[0].explanation;
		expect(e.meaning).toContain(
			'in `ioread32`, reading a device’s register, and EAX holds ffffffff'
		);
		expect(e.meaning).toContain('powered down');
		expect(e.meaning).toContain('`nouveau_timer_wait_eq`');
		expect(e.next_steps[1]).toMatch(/^See whether the device was powered down or gone/);
	});

	it('says nothing of a read that returned a value', async () => {
		const lines = NOUVEAU_IOREAD_LOCKUP.map((l) =>
			l.startsWith('EAX: ffffffff') ? l.replace('EAX: ffffffff', 'EAX: 0000a5a5') : l
		);
		const e = (await findingsOf(lines))[0].explanation;
		expect(e.meaning).not.toContain('all ones');
		expect(e.next_steps.join(' ')).not.toContain('powered down or gone');
	});
});

describe('a general protection fault through a register that holds text', () => {
	const LKP_42 = readFileSync(
		new URL('../../fixtures/headline/lkp-42.log', import.meta.url),
		'utf8'
	)
		.split('\n')
		.filter((l) => l !== '');

	it('reads the faulting instruction’s base register (`bt %r15,0x18(%rax)`): RAX, `reg-dumm`', async () => {
		const f = await findingsOf(LKP_42);
		const gpf = f.find((x) => x.title === 'general protection fault in find_busiest_group')!;
		expect(gpf.details).toMatchObject({ register_as_text: 'reg-dumm', text_register: 'RAX' });
		expect(gpf.explanation.meaning).toContain(
			'addresses memory through RAX, and RAX holds 8 bytes that read as ASCII text, “reg-dumm”'
		);
	});

	it('leaves a register that holds text the instruction does not use', async () => {
		// the same fault through RBX (`48 8b 3b`, mov (%rbx),%rdi): RAX's text is not the address
		const lines = LKP_42.map((l) =>
			l.includes('Code: ') ? l.replace('<4c> 0f a3 78 18', '<48> 8b 3b 78 18') : l
		);
		const f = await findingsOf(lines);
		const gpf = f.find((x) => x.title === 'general protection fault in find_busiest_group')!;
		expect(gpf.details.register_as_text).toBeUndefined();
		expect(gpf.explanation.meaning).not.toContain('ASCII text');
	});
});
