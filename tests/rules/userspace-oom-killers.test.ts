/**
 * User-space OOM killers in syslog and journal input: their lines are another program's (counted
 * as skipped) and are analysed as well (ingestion/formats/syslog.ts USERSPACE_PROGRAMS,
 * rules/memory-userspace-oom.ts). nohang's lines are real (crash-logs-log20221215-txt.log, a
 * ThinkPad's journal); earlyoom's startup lines are real (amdgpu-crash-crash1-txt.log); the
 * corpus has no kill by earlyoom, systemd-oomd or Android's low-memory killer, so those lines are
 * synthetic, in the programs' own formats (earlyoom kill.c, systemd src/oom/oomd-manager.c, lmkd).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { NOHANG_KILL, NOHANG_KILL_FACTS } from '../support/excerpts.ts';

async function reportOf(lines: string[]) {
	return analyzeText(lines.join('\n') + '\n');
}

/** crash-logs-log20221215-txt.log line 1 (the kernel's banner) */
const BANNER =
	'Dec 15 16:23:00 peter-x1c kernel: Linux version 6.0.12-arch1-1 (linux@archlinux) (gcc (GCC) 12.2.0, GNU ld (GNU Binutils) 2.39.0) #1 SMP PREEMPT_DYNAMIC Thu, 08 Dec 2022 11:03:38 +0000';

describe('nohang (real: crash-logs-log20221215-txt.log lines 2444-2466)', () => {
	const KILL = NOHANG_KILL;

	it('reports the kill with its victim and the thresholds crossed, the lines still counted as skipped', async () => {
		const r = await reportOf([BANNER, ...KILL]);
		const f = r.findings.filter((x) => x.category === 'memory');
		expect(f.map((x) => [x.rule, x.severity, x.count, x.first_line])).toEqual([
			['memory.nohang-kill', 'high', 1, 21]
		]);
		expect(f[0].details).toMatchObject({
			...NOHANG_KILL_FACTS,
			swap_limit: 'SwapFree [804 MiB, 9.8 %] <= soft_threshold_min_swap [819 MiB, 10.0 %]',
			processes: ['Privileged Cont']
		});
		expect(f[0].evidence[0].text).toBe('nohang-desktop:   Sending SIGTERM to the victim');
		expect(f[0].boots).toEqual([0]);
		// every line is counted once: the banner as a kernel line, nohang's as skipped
		expect(r.input.lines_total).toBe(KILL.length + 1);
		expect(r.input.formats).toEqual({ syslog: 1 });
		expect(r.input.lines_skipped).toBe(KILL.length);
		expect(r.input.skipped_reasons).toEqual({
			'not a kernel message (other program in a syslog file)': KILL.length
		});
	});

	it('does not count the running summary of kills ([ OK ] Sending SIGTERM to X: N) as kills', async () => {
		expect(KILL[22]).toContain('[ OK ] Sending SIGTERM to Privileged Cont: 1');
		const f = (await reportOf([BANNER, KILL[22]])).findings;
		expect(f.filter((x) => x.category === 'memory')).toEqual([]);
	});

	it('groups the kills per killer and boot', async () => {
		const second = BANNER.replace('16:23:00', '19:00:00');
		const r = await reportOf([BANNER, ...KILL, ...KILL, second, ...KILL]);
		const f = r.findings.filter((x) => x.rule === 'memory.nohang-kill');
		expect(f.map((x) => [x.count, x.boots])).toEqual([
			[2, [0]],
			[1, [1]]
		]);
		expect(new Set(f.map((x) => x.id)).size).toBe(2);
	});

	it('reads the same lines of another program as nothing (the list of programs is fixed)', async () => {
		const other = KILL.map((l) => l.replace('nohang-desktop[499]', 'mydaemon[499]'));
		const r = await reportOf([BANNER, ...other]);
		expect(r.findings.filter((x) => x.category === 'memory')).toEqual([]);
		expect(r.input.lines_skipped).toBe(KILL.length);
	});
});

describe('earlyoom', () => {
	/** real: amdgpu-crash-crash1-txt.log, earlyoom 1.7 starting (no kill) */
	const START = [
		'Jan 06 14:17:31 archdesktop earlyoom[1181]: earlyoom 1.7',
		'Jan 06 14:17:31 archdesktop earlyoom[1181]: mem total: 64206 MiB, swap total: 8191 MiB',
		'Jan 06 14:17:31 archdesktop earlyoom[1181]: sending SIGTERM when mem <= 10.00% and swap <= 10.00%,',
		'Jan 06 14:17:31 archdesktop earlyoom[1181]:         SIGKILL when mem <=  5.00% and swap <=  5.00%',
		'Jan 06 14:17:31 archdesktop earlyoom[1181]: mem avail: 63012 of 64206 MiB (98.14%), swap free: 8191 of 8191 MiB (100.00%)'
	];
	/** synthetic, in earlyoom 1.7's format (main.c, kill.c) */
	const KILL = [
		'Jan 06 18:02:11 archdesktop earlyoom[1181]: mem avail:  6201 of 64206 MiB ( 9.66%), swap free:  801 of 8191 MiB ( 9.78%)',
		'Jan 06 18:02:11 archdesktop earlyoom[1181]: low memory! at or below SIGTERM limits: mem 10.00%, swap 10.00%',
		'Jan 06 18:02:11 archdesktop earlyoom[1181]: sending SIGTERM to process 5120 uid 1000 "firefox": badness 900, VmRSS 31200 MiB',
		'Jan 06 18:02:11 archdesktop earlyoom[1181]: process exited after 0.2 seconds'
	];

	it('is no finding when earlyoom only starts (real lines)', async () => {
		const r = await reportOf(START);
		expect(r.findings).toEqual([]);
		expect(r.input.lines_skipped).toBe(START.length);
	});

	it('reports a kill with the process, its memory and the limit', async () => {
		const f = (await reportOf([...START, ...KILL])).findings;
		expect(f.map((x) => [x.rule, x.severity, x.title])).toEqual([
			[
				'memory.earlyoom-kill',
				'high',
				'Low memory: earlyoom killed processes (user-space OOM killer)'
			]
		]);
		expect(f[0].details).toMatchObject({
			killer: 'earlyoom',
			process: 'firefox',
			pid: 5120,
			uid: 1000,
			signal: 'SIGTERM',
			rss_mib: 31200,
			limit: 'SIGTERM limits: mem 10.00%, swap 10.00%'
		});
		expect(f[0].first_seen.wall).toBe('2000-01-06T18:02:11.000Z');
	});

	it('reads the journal shapes that name the program: short-iso and RFC 5424', async () => {
		const iso = await reportOf([
			'2024-01-06T18:02:11+0100 archdesktop earlyoom[1181]: sending SIGKILL to process 4321 "chrome": badness 1000, VmRSS 5120 MiB'
		]);
		expect(iso.findings.map((x) => x.rule)).toEqual(['memory.earlyoom-kill']);
		const rfc = await reportOf([
			'<27>1 2024-01-06T18:02:11+01:00 archdesktop earlyoom 1181 - - sending SIGKILL to process 4321 "chrome": badness 1000, VmRSS 5120 MiB'
		]);
		expect(rfc.findings.map((x) => x.rule)).toEqual(['memory.earlyoom-kill']);
	});
});

describe('journalctl -o short-monotonic', () => {
	it('reads a user-space OOM killer’s line with the journal’s monotonic time', async () => {
		const r = await reportOf([
			'[    0.000000] myhost kernel: Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)',
			'[ 5123.456789] myhost earlyoom[850]: low memory! at or below SIGTERM limits: mem 10.00%, swap 10.00%',
			'[ 5123.456801] myhost earlyoom[850]: sending SIGTERM to process 1234 uid 1000 "firefox": badness 900, VmRSS 3200 MiB'
		]);
		expect(r.findings.map((x) => [x.rule, x.first_seen.ts])).toEqual([
			['memory.earlyoom-kill', 5123.456801]
		]);
		expect(r.input.formats).toEqual({ 'journal-monotonic': 1 });
		expect(r.input.lines_skipped).toBe(2);
	});
});

describe('systemd-oomd (synthetic, src/oom/oomd-manager.c format)', () => {
	it('reports the cgroup killed and the pressure it cites', async () => {
		const f = (
			await reportOf([
				'Mar 02 10:15:44 fedora systemd-oomd[612]: Killed /user.slice/user-1000.slice/user@1000.service/app.slice/app-gnome-firefox-2345.scope due to memory pressure for /user.slice/user-1000.slice/user@1000.service being 62.41% > 50.00% for > 20s with reclaim activity',
				'Mar 02 10:15:44 fedora systemd[1]: app-gnome-firefox-2345.scope: systemd-oomd killed 37 process(es) in this unit.'
			])
		).findings;
		expect(f.map((x) => [x.rule, x.severity, x.count])).toEqual([
			['memory.systemd-oomd-kill', 'high', 1]
		]);
		expect(f[0].details).toMatchObject({
			killer: 'systemd-oomd',
			process: 'app-gnome-firefox-2345.scope',
			reason: 'memory pressure',
			pressure: '62.41%',
			limit: '50.00%',
			duration: '20s'
		});
	});
});

describe('Android low-memory killer', () => {
	it('reads the old kernel driver’s kill as a kernel message, low for a cached app', async () => {
		const f = await findings([
			"[ 4711.123456] lowmemorykiller: Killing 'com.android.browser' (1234), adj 1000,",
			"[ 4711.123460]    to free 81234kB on behalf of 'kswapd0' (80) because",
			'[ 4711.123470]    cache 123456kB is below limit 125000kB for oom_score_adj 1000'
		]);
		expect(f.map((x) => [x.rule, x.severity, x.title])).toEqual([
			[
				'memory.android-lmk-kill',
				'low',
				'Low memory: Android’s low-memory killer killed cached background apps'
			]
		]);
		expect(f[0].details).toMatchObject({
			killer: 'lowmemorykiller',
			process: 'com.android.browser'
		});
	});

	it('reads lmkd’s kill from a syslog line, high for a foreground app', async () => {
		const f = await findings([
			"Mar 02 10:15:44 waydroid lowmemorykiller[301]: Kill 'com.example.game' (4321), uid 10123, oom_score_adj 0 to free 456789kB rss, 1234kB swap; reason: device is low on swap (123kB < 456kB) and thrashing (31%)"
		]);
		expect(f.map((x) => [x.rule, x.severity, x.title])).toEqual([
			[
				'memory.android-lmk-kill',
				'high',
				'Low memory: Android’s low-memory killer killed apps in use (foreground or visible)'
			]
		]);
		expect(f[0].details).toMatchObject({ killer: 'lmkd', uid: 10123, oom_score_adj: 0 });
	});
});

async function findings(lines: string[]) {
	return (await reportOf(lines)).findings;
}
