/**
 * Follow-up messages (LineRule.follow) through the whole pipeline: libata's failed commands and
 * the SCSI additional sense join the finding of the message they follow.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { FOLLOW_LIST_MAX } from '../../src/lib/analysis/engine.ts';
import { fixture } from '../support/fixtures.ts';

const RES = '         res 41/40:00:a8:6b:9d/00:00:2e:00:00/40 Emask 0x409 (media error) <F>';

const ATA_BLOCK = (ts: number, device: string, commands: string[]) => [
	`[${ts.toFixed(6)}] ${device}: exception Emask 0x0 SAct 0x7 SErr 0x0 action 0x0`,
	`[${ts.toFixed(6)}] ${device}: irq_stat 0x40000008`,
	...commands.flatMap((c, tag) => [
		`[${ts.toFixed(6)}] ${device}: failed command: ${c}`,
		`[${ts.toFixed(6)}] ${device}: cmd 60/08:${String(tag).padStart(2, '0')}:a8:6b:9d/00:00:2e:00:00/40 tag ${tag} ncq dma 4096 in`,
		`[${ts.toFixed(6)}]          res 41/40:00:a8:6b:9d/00:00:2e:00:00/40 Emask 0x409 (media error) <F>`
	]),
	`[${ts.toFixed(6)}] ${device}: status: { DRDY ERR }`,
	`[${ts.toFixed(6)}] ${device}: error: { UNC }`
];

describe('follow-up messages', () => {
	it('gathers the failed commands and their errors into the ATA exception, each once', async () => {
		const lines = ATA_BLOCK(100, 'ata1.00', [
			'READ FPDMA QUEUED',
			'READ FPDMA QUEUED',
			'WRITE FPDMA QUEUED'
		]);
		const r = await analyzeText(lines.join('\n') + '\n');
		const f = r.findings.find((x) => x.rule === 'storage.ata-exception')!;
		expect(f.details.failed_commands).toEqual(['READ FPDMA QUEUED', 'WRITE FPDMA QUEUED']);
		expect(f.details.command_errors).toEqual(['media error']);
		expect([f.first_line, f.last_line]).toEqual([1, 11]);
		expect(f.evidence.map((e) => e.line)).toEqual([1, 3, 5, 6, 8, 9, 11]);
		// the device error bits stay a finding of their own
		expect(r.findings.map((x) => x.rule)).toContain('storage.ata-device-error');
	});

	it('keeps a list to its cap, and takes nothing from another device', async () => {
		const many = Array.from({ length: FOLLOW_LIST_MAX + 4 }, (_, k) => `READ LOG DMA EXT ${k}`);
		const lines = [
			...ATA_BLOCK(100, 'ata1.00', many),
			'[ 100.000001] ata2.00: failed command: FLUSH CACHE EXT'
		];
		const r = await analyzeText(lines.join('\n') + '\n');
		const f = r.findings.find((x) => x.rule === 'storage.ata-exception')!;
		expect(f.details.failed_commands).toEqual(many.slice(0, FOLLOW_LIST_MAX));
		expect(f.details.failed_commands).not.toContain('FLUSH CACHE EXT');
		// the last follow-up is the last command's res line
		expect(f.last_line).toBe(2 + many.length * 3);
	});

	it('keeps the first occurrence’s facts and extends every occurrence’s range', async () => {
		const lines = [
			'[  10.000000] sd 0:0:0:0: [sda] tag#6 Sense Key : Medium Error [current]',
			'[  10.000001] sd 0:0:0:0: [sda] tag#6 Add. Sense: Unrecovered read error - auto reallocate failed',
			'[  10.000002] sd 0:0:0:0: [sda] tag#6 CDB: Read(10) 28 00 2e 9d 6b a8 00 00 08 00',
			'[  20.000000] sd 0:0:0:0: [sda] tag#1 Sense Key : Medium Error [current]',
			'[  20.000001] sd 0:0:0:0: [sda] tag#1 Add. Sense: Unrecovered write error',
			'[  20.000002] sd 0:0:0:0: [sda] tag#1 CDB: Write(10) 2a 00 2e 9d 6b a8 00 00 08 00'
		];
		const r = await analyzeText(lines.join('\n') + '\n');
		const f = r.findings.find((x) => x.rule === 'storage.scsi-sense')!;
		expect(f.count).toBe(2);
		expect(f.details.additional_sense).toBe('Unrecovered read error - auto reallocate failed');
		expect(f.details.command).toBe('Read(10)');
		expect(f.occurrences.map((o) => [o.first_line, o.last_line])).toEqual([
			[1, 3],
			[4, 6]
		]);
	});

	it('does not give a port the lines of another port whose report it interrupted', async () => {
		const lines = [
			'[ 100.000000] ata1.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x0',
			'[ 100.000001] ata2.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x0',
			'[ 100.000002] ata1.00: failed command: READ DMA EXT',
			'[ 100.000003] ata1.00: cmd 25/00:08:a8:6b:9d/00:00:2e:00:00/e0 tag 0 dma 4096 in',
			`[ 100.000004] ${RES}`
		];
		const r = await analyzeText(lines.join('\n') + '\n');
		const ata2 = r.findings.find((x) => x.title === 'ATA command errors on ata2.00')!;
		expect(ata2.details).not.toHaveProperty('failed_commands');
		expect(ata2.details).not.toHaveProperty('command_errors');
		expect(ata2.last_line).toBe(2);
	});

	it('gives nothing to an earlier finding when a message was not kept (limit of findings)', async () => {
		// 2,001 distinct exceptions: the last is dropped, and the res line after it must not join
		// the 2,000th
		const lines = Array.from(
			{ length: 2001 },
			(_, i) => `[ 100.000000] ata${i + 1}.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x0`
		);
		lines.push(`[ 100.000000] ${RES}`);
		const r = await analyzeText(lines.join('\n') + '\n');
		expect(r.input.warnings.join(' ')).toContain('not kept');
		const last = r.findings.find((x) => x.title === 'ATA command errors on ata2000.00')!;
		expect(last.details).not.toHaveProperty('command_errors');
		expect(last.last_line).toBe(2000);
	});

	it('does not cross a boot', async () => {
		const lines = [
			'[ 100.000000] ata1.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x0',
			'[    0.000000] Linux version 6.8.0 (builder@host) #1 SMP',
			'[    0.100000] ata1.00: failed command: READ DMA EXT'
		];
		const r = await analyzeText(lines.join('\n') + '\n');
		const f = r.findings.find((x) => x.rule === 'storage.ata-exception')!;
		expect(f.details).not.toHaveProperty('failed_commands');
		expect(f.last_line).toBe(1);
	});
});

/**
 * The OOM victim's line that kernels before 5.1 print after `Kill process … or sacrifice child`
 * joins the kill of the same pid, in all its spellings (mm/oom_kill.c over the years, and RHEL 6).
 */
describe('the OOM victim line (Killed process)', () => {
	/** fixtures/health/oom-kill.log lines 76-77 (Ubuntu 3.13, kern.log) */
	const REAL = fixture('health/oom-kill.log').split('\n').slice(75, 77);
	const kill = (pid: number, comm: string) =>
		`[ 500.000000] Out of memory: Kill process ${pid} (${comm}) score 900 or sacrifice child`;
	const oomKills = async (lines: string[]) =>
		(await analyzeText(lines.join('\n') + '\n')).findings.filter(
			(f) => f.rule === 'memory.oom-kill'
		);

	it('joins the real victim line of the same pid, with its memory', async () => {
		expect(REAL[1]).toContain('Killed process 2512 (python)');
		const [f, ...rest] = await oomKills(REAL);
		expect(rest).toEqual([]);
		expect(f.details).toMatchObject({ process: 'python', pid: 2512, anon_rss_kb: 255836 });
		expect([f.first_line, f.last_line, f.evidence.length]).toEqual([1, 2, 2]);
	});

	it('reads every spelling of the victim line', async () => {
		const spellings: Array<[string, number | null, number | null]> = [
			// late 2.6.2x
			['Killed process 1234 (mysqld)', null, null],
			// 2.6.32 to 2.6.35
			[
				'Killed process 1234 (mysqld) vsz:2034432kB, anon-rss:1572864kB, file-rss:0kB',
				1572864,
				null
			],
			// 4.5 to 5.0
			[
				'Killed process 1234 (mysqld) total-vm:2034432kB, anon-rss:1572864kB, file-rss:0kB, shmem-rss:0kB',
				1572864,
				null
			],
			// RHEL 6
			[
				'Killed process 1234, UID 27, (mysqld) total-vm:2034432kB, anon-rss:1572864kB, file-rss:0kB',
				1572864,
				27
			]
		];
		for (const [line, rss, uid] of spellings) {
			const [f, ...rest] = await oomKills([kill(1234, 'mysqld'), `[ 500.000100] ${line}`]);
			expect(rest, line).toEqual([]);
			expect([f.last_line, f.evidence.length], line).toEqual([2, 2]);
			expect(f.details, line).toMatchObject({ pid: 1234, anon_rss_kb: rss, uid });
		}
	});

	it('joins the line of a child the kernel killed instead, and says which process died', async () => {
		// the real kill line (serverlog-kern-log-1.log line 76, Ubuntu 3.13), then the victim line
		// of that kernel's format naming a child: mm/oom_kill.c oom_kill_process() of 2.6.36 to 5.0
		// kills a child with memory of its own rather than the process chosen, when it has one
		const child =
			'Mar 15 17:01:55 capstonealzheimer kernel: [9686414.565186] Killed process 2519 (python) total-vm:412332kB, anon-rss:201836kB, file-rss:80kB';
		const [f, ...rest] = await oomKills([REAL[0], child]);
		expect(rest).toEqual([]);
		expect([f.first_line, f.last_line, f.evidence.length]).toEqual([1, 2, 2]);
		expect(f.title).toBe('Out of memory: killed python');
		expect(f.details).toMatchObject({
			process: 'python',
			pid: 2512,
			// the memory of the process chosen is not printed; the child's is its own
			anon_rss_kb: null,
			killed_child: 'python',
			killed_child_pid: 2519,
			killed_child_anon_rss_kb: 201836
		});
	});

	it('joins the reaper line of the child killed instead (4.6 to 5.0), and no other victim line', async () => {
		const fs = await analyzeText(
			[
				kill(2050, 'bash'),
				'[ 500.000100] Killed process 2051 (stress) total-vm:632332kB, anon-rss:255836kB, file-rss:80kB, shmem-rss:0kB',
				'[ 500.000200] Killed process 2052 (stress) total-vm:632332kB, anon-rss:255836kB, file-rss:80kB, shmem-rss:0kB',
				'[ 500.000300] oom_reaper: reaped process 2051 (stress), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB'
			].join('\n') + '\n'
		);
		const [f, ...rest] = fs.findings;
		expect(rest.map((x) => x.rule)).toEqual([]);
		expect(f.details).toMatchObject({
			process: 'bash',
			pid: 2050,
			killed_child: 'stress',
			killed_child_pid: 2051,
			reaped: true,
			rss_after_reap_kb: 0
		});
		expect(f.evidence.map((e) => e.line)).toEqual([1, 2, 4]);
	});

	it('takes no line of another pid after a kill that spares no child (5.1 and later)', async () => {
		const [f] = await oomKills([
			'[ 500.000000] Out of memory: Killed process 2050 (bash) total-vm:632332kB, anon-rss:1024kB, file-rss:80kB, shmem-rss:0kB',
			'[ 500.000100] Killed process 2051 (stress) total-vm:632332kB, anon-rss:255836kB, file-rss:80kB'
		]);
		expect(f.details).toMatchObject({ process: 'bash', pid: 2050, anon_rss_kb: 1024 });
		expect(f.details.killed_child).toBeUndefined();
		expect([f.last_line, f.evidence.length]).toEqual([1, 1]);
	});

	it('gives each of two kills its own victim line, whatever their order', async () => {
		const fs = await oomKills([
			kill(2512, 'python'),
			kill(2515, 'java'),
			'[ 500.000100] Killed process 2515 (java) total-vm:104532kB, anon-rss:42640kB, file-rss:0kB',
			'[ 500.000200] Killed process 2512 (python) total-vm:632332kB, anon-rss:255836kB, file-rss:80kB'
		]);
		expect(fs.map((f) => [f.details.pid, f.details.anon_rss_kb, f.last_line])).toEqual([
			[2512, 255836, 4],
			[2515, 42640, 3]
		]);
	});

	it('reads the one-line kill of RHEL 5', async () => {
		const [f] = await oomKills(['Out of memory: Killed process 4187, UID 0, (yum).']);
		expect(f.title).toBe('Out of memory: killed yum');
		expect(f.details).toMatchObject({ process: 'yum', pid: 4187, uid: 0 });
	});
});

/**
 * The OOM kill as older kernels spell it (mm/oom_kill.c): fixtures/health/oom-kill-old-kernels.log
 * is synthesised from the format strings (no real log has these shapes), one boot per kernel.
 * Each spelling gives the finding the modern line gives: the process, its pid and, from the
 * victim line of the same pid, its memory.
 */
describe('older spellings of the OOM kill', () => {
	const OLD = fixture('health/oom-kill-old-kernels.log').split('\n');
	/** the lines of the fixture's boot whose banner names `version`, banner left out */
	const boot = (version: string) => {
		const start = OLD.findIndex((l) => l.includes(`Linux version ${version} `));
		const end = OLD.findIndex((l, k) => k > start && l.includes('Linux version '));
		return OLD.slice(start + 1, end === -1 ? OLD.length - 1 : end);
	};
	const oomKills = async (lines: string[]) =>
		(await analyzeText(lines.join('\n') + '\n')).findings.filter(
			(f) => f.rule === 'memory.oom-kill'
		);

	it("reads 2.4's `Out of Memory: Killed process … .`", async () => {
		const lines = boot('2.4.37.11');
		expect(lines).toEqual([
			'Mar  3 14:02:17 db1 kernel: Out of Memory: Killed process 1234 (java).'
		]);
		const [f, ...rest] = await oomKills(lines);
		expect(rest).toEqual([]);
		expect(f.title).toBe('Out of memory: killed java');
		expect(f.severity).toBe('high');
		expect(f.details).toMatchObject({ process: 'java', pid: 1234, cgroup_limit: false });
	});

	it('reads the kill of 2.6.16 to 2.6.24, not the line naming the process chosen', async () => {
		const lines = boot('2.6.18-6-686');
		expect(lines[0]).toContain(
			'Out of Memory: Kill process 3094 (java) score 1061645 and children.'
		);
		const [f, ...rest] = await oomKills(lines);
		expect(rest).toEqual([]);
		expect(f.count).toBe(1);
		expect(f.title).toBe('Out of memory: killed java');
		expect([f.first_line, f.last_line]).toEqual([2, 2]);
		expect(f.details).toMatchObject({ process: 'java', pid: 3094 });
	});

	it('reads `kill process … or a child` of 2.6.25 to 2.6.35 with the victim line, of the same pid or of a child', async () => {
		const lines = boot('2.6.26-2-686');
		expect(lines[2]).toContain('Out of memory: kill process 2415 (java) score 56789 or a child');
		const fs = await oomKills(lines);
		expect(
			fs.map((f) => [f.title, f.details.pid, f.first_line, f.last_line, f.evidence.length])
		).toEqual([
			// the kernel killed a child (another pid): its line joins as the kill of a child, and
			// the title does not claim that the process chosen died
			['Out of memory: killed bash or a child of it', 2290, 1, 2, 2],
			['Out of memory: killed java or a child of it', 2415, 3, 4, 2]
		]);
		expect(fs[0].details).toMatchObject({ killed_child: 'stress', killed_child_pid: 2310 });
		expect(fs[1].details.killed_child).toBeUndefined();
	});

	it("reads the cgroup's `kill process … or a child` with the victim's memory (2.6.32 to 2.6.35)", async () => {
		const [f, ...rest] = await oomKills(boot('2.6.32-5-amd64'));
		expect(rest).toEqual([]);
		expect(f.title).toBe('Memory cgroup out of memory: killed httpd or a child of it');
		expect([f.first_line, f.last_line, f.evidence.length]).toEqual([1, 2, 2]);
		expect(f.details).toMatchObject({
			process: 'httpd',
			pid: 4821,
			anon_rss_kb: 262144,
			cgroup_limit: true
		});
	});

	it("reads the cgroup's `Kill process … or sacrifice child` (2.6.36 to 5.0)", async () => {
		const [f, ...rest] = await oomKills(boot('3.16.0-4-amd64'));
		expect(rest).toEqual([]);
		expect(f.title).toBe('Memory cgroup out of memory: killed java');
		expect([f.first_line, f.last_line, f.evidence.length]).toEqual([1, 2, 2]);
		expect(f.details).toMatchObject({
			process: 'java',
			pid: 30528,
			anon_rss_kb: 1048576,
			cgroup_limit: true
		});
	});
});

/**
 * Messages that resolve what a held rule message means (LineRule.resolve): a USB controller that
 * "died" and is removed at once was unplugged (a Thunderbolt dock), not broken.
 */
describe('resolving messages', () => {
	// a journal excerpt of a laptop whose Thunderbolt controller's xHCI went away (real log)
	const UNPLUG = [
		'Dec 10 19:45:52 x1c kernel: sdb: detected capacity change from 120164352 to 0',
		'Dec 10 19:45:54 x1c kernel: xhci_hcd 0000:3b:00.0: xHCI host controller not responding, assume dead',
		'Dec 10 19:45:54 x1c kernel: xhci_hcd 0000:3b:00.0: HC died; cleaning up',
		'Dec 10 19:45:54 x1c tlp[27114]: Error: tlp.service is not enabled',
		'Dec 10 19:45:54 x1c kernel: xhci_hcd 0000:3b:00.0: remove, state 1',
		'Dec 10 19:45:54 x1c kernel: usb usb4: USB disconnect, device number 1',
		'Dec 10 19:45:55 x1c kernel: xhci_hcd 0000:3b:00.0: USB bus 4 deregistered',
		'Dec 10 19:45:55 x1c kernel: xhci_hcd 0000:3b:00.0: Host halt failed, -19'
	];

	it('reports a controller removed just after it died as hot-unplugged (info), not dead', async () => {
		const r = await analyzeText(UNPLUG.join('\n') + '\n');
		const usb = r.findings.filter((x) => x.rule === 'usb.host-controller-died');
		expect(usb.map((f) => [f.title, f.severity, f.first_line, f.last_line])).toEqual([
			['USB host controller 0000:3b:00.0 went away (hot-unplugged)', 'info', 3, 5]
		]);
		expect(usb[0].explanation.meaning).toMatch(/unplugged, not broken/);
		expect(usb[0].details.device).toBe('0000:3b:00.0');
		expect(r.findings.some((f) => f.severity === 'critical')).toBe(false);
	});

	it('keeps a controller that died and stayed (or another one was removed) critical', async () => {
		const other = UNPLUG.map((l) =>
			l.includes('remove, state') ? l.replace('0000:3b:00.0', '0000:00:14.0') : l
		);
		for (const lines of [UNPLUG.filter((l) => !l.includes('remove, state')), other]) {
			const r = await analyzeText(lines.join('\n') + '\n');
			const usb = r.findings.filter((x) => x.rule === 'usb.host-controller-died');
			expect(usb.map((f) => [f.title, f.severity, f.first_line, f.last_line])).toEqual([
				['USB host controller 0000:3b:00.0 died', 'critical', 3, 3]
			]);
		}
	});

	it('keeps a controller critical when it is removed only later (an unbind by hand)', async () => {
		const r = await analyzeText(
			[
				'[ 5.000000] xhci_hcd 0000:3b:00.0: HC died; cleaning up',
				'[ 65.000000] xhci_hcd 0000:3b:00.0: remove, state 1'
			].join('\n') + '\n'
		);
		const usb = r.findings.filter((x) => x.rule === 'usb.host-controller-died');
		expect(usb.map((f) => [f.title, f.severity])).toEqual([
			['USB host controller 0000:3b:00.0 died', 'critical']
		]);
	});

	it('releases a held message at the end of the input and at a new boot', async () => {
		const end = await analyzeText('[ 5.000000] xhci_hcd 0000:00:14.0: HC died; cleaning up\n');
		expect(end.findings.map((f) => [f.title, f.severity])).toEqual([
			['USB host controller 0000:00:14.0 died', 'critical']
		]);
		const boot = await analyzeText(
			[
				'[ 5.000000] xhci_hcd 0000:00:14.0: HC died; cleaning up',
				'[ 0.000000] Linux version 6.8.0 (builder@host) #1 SMP',
				'[ 0.100000] xhci_hcd 0000:00:14.0: remove, state 1'
			].join('\n') + '\n'
		);
		const usb = boot.findings.filter((x) => x.rule === 'usb.host-controller-died');
		expect(usb.map((f) => [f.severity, f.boots])).toEqual([['critical', [0]]]);
	});

	it('names the oldest and newest firmware iwlwifi accepts when it found none', async () => {
		// intel-audio-dmesg-log.log lines 552-556 (the last of 34 Direct firmware load lines before)
		const lines = [
			'[    3.298133] iwlwifi 0000:00:14.3: Direct firmware load for iwlwifi-QuZ-a0-jf-b0-39.ucode failed with error -2',
			'[    3.298135] iwlwifi 0000:00:14.3: no suitable firmware found!',
			'[    3.298137] iwlwifi 0000:00:14.3: minimum version required: iwlwifi-QuZ-a0-jf-b0-39',
			'[    3.298140] iwlwifi 0000:00:14.3: maximum version supported: iwlwifi-QuZ-a0-jf-b0-72',
			'[    3.298142] iwlwifi 0000:00:14.3: check git://git.kernel.org/pub/scm/linux/kernel/git/firmware/linux-firmware.git'
		];
		const r = await analyzeText(lines.join('\n') + '\n');
		expect(r.findings.map((f) => f.title)).toEqual(['No usable firmware found for iwlwifi']);
		const [f] = r.findings;
		expect(f.details.minimum_version).toBe('iwlwifi-QuZ-a0-jf-b0-39');
		expect(f.details.maximum_version).toBe('iwlwifi-QuZ-a0-jf-b0-72');
		expect(f.evidence.map((e) => e.line)).toEqual([2, 3, 4]);
		// another card's range does not join
		const other = await analyzeText(
			[lines[1], lines[2].replace('0000:00:14.3', '0000:02:00.0')].join('\n') + '\n'
		);
		expect(other.findings[0].details.minimum_version).toBeUndefined();
	});

	it('joins no follow-up to a message that waited for its resolution', async () => {
		// wl12xx's missing NVS file waits for the module that cannot load (firmware.load-failed's
		// resolve): a line that would follow an iwlwifi message must not join it when it is recorded
		const r = await analyzeText(
			[
				'[    5.000000] wl12xx: ERROR could not get nvs file wl1271-nvs.bin: -2',
				'[    5.000001] wl12xx_sdio: Unknown symbol wl1271_register_hw (err 0)',
				'[    5.000002] iwlwifi 0000:00:14.3: minimum version required: iwlwifi-QuZ-a0-jf-b0-39'
			].join('\n') + '\n'
		);
		const f = r.findings.find((x) => x.rule === 'firmware.load-failed')!;
		expect(f.title).toMatch(/^Wi-Fi wl12xx probably does not work/);
		expect(f.details.minimum_version).toBeUndefined();
		expect(f.last_line).toBe(2);
	});
});
