import type { DetailValue, Explanation, Severity } from '../../models/finding.ts';
import type { LineRule } from './types.ts';

/**
 * User-space OOM killers: daemons that kill a process when memory runs low, before the kernel's
 * OOM killer would (which then logs nothing). Their lines are another program's in a syslog file
 * or journal; ingestion passes the lines of these programs on (USERSPACE_PROGRAMS in
 * ingestion/formats/syslog.ts) and the rules read them as `program: message`. One finding per
 * killer and boot (`byBoot`), high like the kernel's OOM kill; the processes killed are listed.
 */

/** What a kill by a user-space OOM killer means and what to do, naming the killer's settings. */
function explanation(killer: string, settings: string, reference: string): Explanation {
	return {
		meaning: `Memory (or swap) ran low and ${killer}, a user-space OOM killer, killed a process to free memory before the kernel’s own OOM killer had to (the kernel then logs no OOM kill). The killed program lost its unsaved work; a service may have been restarted.`,
		causes: [
			{
				kind: 'userspace',
				text: 'A program used more memory than the machine has (often a browser with many tabs, a build, a leak): the process killed is the one the killer judged largest or least important, not always the one that grew.'
			},
			{
				kind: 'configuration',
				text: `Too little memory, swap or zram for the workload, or ${killer}’s thresholds set high (it kills early, while the kernel could still reclaim memory).`
			}
		],
		next_steps: [
			'See which processes were killed and how much memory they used, and which limit the killer cites (the details list them; the killer’s lines around the evidence line in the log show the memory left).',
			'Find what used the memory over time: `free -h`, `ps aux --sort=-rss | head`, `systemd-cgtop`, your monitoring.',
			'Add swap or zram (`zram-generator`), reduce the workload or fix the leak.',
			`If the kills come too early or hit the wrong process, adjust ${killer}’s settings: ${settings}.`
		],
		references: [reference, 'https://docs.kernel.org/accounting/psi.html']
	};
}

/** systemd's line about a systemd-oomd kill (see oomdKill), as `systemd: message` */
const OOMD_UNIT =
	/^systemd: (?<process>\S+): systemd-oomd killed (\d+|some) process\(es\) in this unit\./;

/**
 * systemd-oomd (src/oom/oomd-manager.c): `Killed <cgroup> due to memory pressure for <cgroup>
 * being 62.41% > 50.00% for > 20s with reclaim activity`, and on swap `Killed <cgroup> due to
 * swap used (…) / total (…) being more than 90.00%` (newer: `memory used (…) / total (…) and
 * swap used (…) / total (…) being more than …`). It kills a whole cgroup (a unit or scope).
 *
 * The systemd instance that manages the unit (PID 1, or a user's `systemd --user` for an app's
 * scope) then says so (src/core/unit.c, unit_check_oomd_kill, from the count systemd-oomd leaves
 * in the cgroup's `user.oomd_kill` attribute): `app-gnome-firefox-2345.scope: systemd-oomd killed
 * 37 process(es) in this unit.` (`some process(es)` when the count is unknown). That is the same
 * kill: after systemd-oomd's line for the same unit (same boot, within 100 lines) it adds the
 * count of processes and is no kill of its own; alone (a log of the unit only, or systemd-oomd's
 * line cut away) it is the kill.
 */
export const oomdKill: LineRule = {
	id: 'memory.systemd-oomd-kill',
	category: 'memory',
	severity: 'high',
	userspace: true,
	byBoot: true,
	triggers: ['systemd-oomd: Killed ', ': systemd-oomd killed '],
	pattern:
		/^(?:systemd-oomd: Killed (\S+) due to (?:memory pressure for (\S+) being ([\d.]+%) > ([\d.]+%) for > (\S+)|[^\n]*?swap used[^\n]*? being more than ([\d.]+%))|systemd: (\S+): systemd-oomd killed (\d+|some) process\(es\) in this unit\.)/,
	title: () => 'Low memory: systemd-oomd killed processes (user-space OOM killer)',
	details: (m) =>
		m[7] !== undefined
			? {
					killer: 'systemd-oomd',
					process: m[7],
					cgroup: null,
					reason: null,
					pressure_cgroup: null,
					pressure: null,
					limit: null,
					duration: null,
					processes_killed: processCount(m[8])
				}
			: {
					killer: 'systemd-oomd',
					// the unit killed: the last part of the cgroup path
					process: m[1].slice(m[1].lastIndexOf('/') + 1),
					cgroup: m[1],
					reason: m[2] !== undefined ? 'memory pressure' : 'swap used',
					pressure_cgroup: m[2] ?? null,
					pressure: m[3] ?? null,
					limit: m[4] ?? m[6] ?? null,
					duration: m[5] ?? null,
					processes_killed: null
				},
	collect: { process: 'processes' },
	follow: [
		{
			trigger: ': systemd-oomd killed ',
			pattern: OOMD_UNIT,
			details: (m) => ({ processes_killed: processCount(m[2]) }),
			within: 100,
			claims: true,
			examples: [
				'systemd: app-gnome-firefox-2345.scope: systemd-oomd killed 37 process(es) in this unit.'
			]
		}
	],
	examples: [
		// the forms of src/oom/oomd-manager.c (the corpus has no systemd-oomd kill)
		'systemd-oomd: Killed /user.slice/user-1000.slice/user@1000.service/app.slice/app-gnome-firefox-2345.scope due to memory pressure for /user.slice/user-1000.slice/user@1000.service being 62.41% > 50.00% for > 20s with reclaim activity',
		'systemd-oomd: Killed /system.slice/build.service due to swap used (8245387264) / total (8589930496) being more than 90.00%',
		'systemd-oomd: Killed /user.slice/user-1000.slice/user@1000.service/app.slice/app-org.gnome.Terminal.slice/vte-spawn-1f2e.scope due to memory used (15921000448) / total (16487256064) and swap used (7912361984) / total (8589930496) being more than 90.00%',
		// systemd's line (src/core/unit.c), alone
		'systemd: user@1000.service: systemd-oomd killed 12 process(es) in this unit.',
		'systemd: app-gnome-firefox-2345.scope: systemd-oomd killed some process(es) in this unit.'
	],
	negatives: [
		'systemd-oomd: Considered 12 cgroups for killing, top candidates were:',
		// the kernel's OOM kill in a unit (unit.c), its own finding from the kernel's lines
		'systemd: user@1000.service: A process of this unit has been killed by the OOM killer.',
		"systemd: user@1000.service: Failed with result 'oom-kill'."
	],
	explanation: explanation(
		'systemd-oomd',
		'`ManagedOOMMemoryPressure=`, `ManagedOOMMemoryPressureLimit=` and `ManagedOOMSwap=` of the slice or unit, `SwapUsedLimit=` and `DefaultMemoryPressureDurationSec=` in `oomd.conf`; `oomctl` shows what it monitors',
		'https://www.freedesktop.org/software/systemd/man/latest/systemd-oomd.service.html'
	)
};

/** systemd's count of processes systemd-oomd killed in a unit, null for `some` */
function processCount(n: string): number | null {
	return n === 'some' ? null : Number(n);
}

/**
 * earlyoom (main.c, kill.c): `low memory! at or below SIGTERM limits: mem 10.00%, swap 10.00%`,
 * then `sending SIGTERM to process 1234 uid 1000 "firefox": badness 900, VmRSS 3200 MiB` (1.6
 * and later; before, without `uid N`, and `oom_score` for `badness`).
 */
export const earlyoomKill: LineRule = {
	id: 'memory.earlyoom-kill',
	category: 'memory',
	severity: 'high',
	userspace: true,
	byBoot: true,
	triggers: ['earlyoom: sending SIG'],
	pattern:
		/^earlyoom: sending (SIG[A-Z]+) to process (\d+)(?: uid (\d+))? "([^"]*)": (?:badness|oom_score) (-?\d+), VmRSS (\d+) MiB/,
	title: () => 'Low memory: earlyoom killed processes (user-space OOM killer)',
	details: (m) => ({
		killer: 'earlyoom',
		process: m[4],
		pid: Number(m[2]),
		uid: m[3] !== undefined ? Number(m[3]) : null,
		signal: m[1],
		badness: Number(m[5]),
		rss_mib: Number(m[6])
	}),
	collect: { process: 'processes' },
	context: {
		trigger: 'earlyoom: low memory! ',
		pattern:
			/^earlyoom: low memory! at or below (SIG[A-Z]+) limits: mem +([\d.]+)%, swap +([\d.]+)%/,
		details: (m) => ({ limit: `${m[1]} limits: mem ${m[2]}%, swap ${m[3]}%` }),
		within: 5,
		examples: ['earlyoom: low memory! at or below SIGTERM limits: mem 10.00%, swap 10.00%']
	},
	examples: [
		// earlyoom's formats (the corpus has earlyoom 1.7 starting, no kill)
		'earlyoom: sending SIGTERM to process 1234 uid 1000 "firefox": badness 900, VmRSS 3200 MiB',
		'earlyoom: sending SIGKILL to process 4321 "chrome": badness 1000, VmRSS 5120 MiB',
		'earlyoom: sending SIGTERM to process 812 "java": oom_score 873, VmRSS 2911 MiB'
	],
	negatives: [
		// real: amdgpu-crash-crash1-txt.log, earlyoom's settings at its start
		'earlyoom: sending SIGTERM when mem <= 10.00% and swap <= 10.00%,',
		'earlyoom: mem avail: 63012 of 64206 MiB (98.14%), swap free: 8191 of 8191 MiB (100.00%)'
	],
	explanation: explanation(
		'earlyoom',
		'`-m` and `-s` (the memory and swap percentages at which it sends SIGTERM; SIGKILL at half), `--prefer` and `--avoid` (which processes to kill first or spare), in `/etc/default/earlyoom`',
		'https://github.com/rfjakob/earlyoom'
	)
};

/**
 * nohang (nohang, nohang-desktop): its corrective action prints the thresholds crossed
 * (`  MemAvailable [383 MiB, 5.0 %] <= soft_threshold_min_mem [384 MiB, 5.0 %]`, `  SwapFree
 * [...] <= soft_threshold_min_swap [...]`), the victim (`Victim status …` then `  PID: 23152,
 * name: Privileged Cont, state: …`, `  Vm, MiB: Size: 2443, RSS: 45 …`), then `  Sending SIGTERM
 * to the victim`: the kill, with the lines before it as its context. (Its `[ OK ] Sending SIGTERM
 * to X: N` lines are a running summary of all kills so far, not a kill each.)
 */
export const nohangKill: LineRule = {
	id: 'memory.nohang-kill',
	category: 'memory',
	severity: 'high',
	userspace: true,
	byBoot: true,
	triggers: [' to the victim'],
	pattern: /^(nohang(?:-desktop)?): +Sending (SIG[A-Z]+) to the victim/,
	title: () => 'Low memory: nohang killed processes (user-space OOM killer)',
	// the victim comes from the context (the lines before), when they are in the log
	details: (m) => ({ killer: m[1], signal: m[2], process: null, pid: null }),
	collect: { process: 'processes' },
	context: {
		trigger: ['soft_threshold_', 'hard_threshold_', ', name: ', 'Vm, MiB:'],
		pattern:
			/^nohang(?:-desktop)?: +(?:(MemAvailable|SwapFree) (\[[^\]]*\]) <= ((?:soft|hard)_threshold_\w+) (\[[^\]]*\])|PID: +(\d+), name: (.*?), state: |Vm, MiB: +Size: \d+, RSS: (\d+) )/,
		details: (m): Record<string, DetailValue> => {
			if (m[1] !== undefined)
				return {
					[m[1] === 'MemAvailable' ? 'limit' : 'swap_limit']: `${m[1]} ${m[2]} <= ${m[3]} ${m[4]}`
				};
			if (m[5] !== undefined) return { process: m[6], pid: Number(m[5]) };
			return { rss_mib: Number(m[7]) };
		},
		within: 40,
		accumulate: true,
		examples: [
			// real: crash-logs-log20221215-txt.log lines 2445, 2448, 2450
			'nohang-desktop:   MemAvailable [345 MiB, 4.5 %] <= soft_threshold_min_mem [384 MiB, 5.0 %]',
			'nohang-desktop:   PID:       23152, name: Privileged Cont, state: S (sleeping), EUID: 1000, SID: 1122 (xfce4-session), lifetime: 1h 10min 39s',
			'nohang-desktop:   Vm, MiB:   Size: 2443, RSS: 45 (Anon: 10, File: 35, Shmem: 1), Swap: 14'
		]
	},
	examples: [
		// real: crash-logs-log20221215-txt.log line 2463
		'nohang-desktop:   Sending SIGTERM to the victim',
		'nohang:   Sending SIGKILL to the victim'
	],
	negatives: [
		// real: the running summary of crash-logs-log20221215-txt.log (line 2466)
		'nohang-desktop:   [ OK ] Sending SIGTERM to Privileged Cont: 1',
		'nohang-desktop:   PID: 23152, name: Privileged Cont, badness: 980'
	],
	explanation: explanation(
		'nohang',
		'the `soft_threshold_min_mem`, `soft_threshold_min_swap` and `hard_threshold_*` keys (and the PSI ones) in its config, `/etc/nohang/nohang.conf` or `nohang-desktop.conf`, and `@BADNESS_ADJ_RE_NAME` to spare or prefer processes',
		'https://github.com/hakavlad/nohang'
	)
};

/** Android's low-memory killer: a kill of a foreground or visible app (adj below 200) is grave. */
function lmkSeverity(adj: number): Severity {
	return adj < 200 ? 'high' : adj < 900 ? 'medium' : 'low';
}

/** What the apps of an oom_score_adj are, one kind per severity (lmkSeverity). */
function lmkVictims(adj: number): string {
	return adj < 200
		? 'apps in use (foreground or visible)'
		: adj < 900
			? 'services or recent apps'
			: 'cached background apps';
}

/**
 * Android's low-memory killer: lmkd (user space, its log tag `lowmemorykiller`) `Kill 'com.x'
 * (1234), uid 10123, oom_score_adj 905 to free 56789kB rss, 1234kB swap; reason: …`, and the
 * kernel driver of older Android (drivers/staging/android/lowmemorykiller.c) `lowmemorykiller:
 * Killing 'com.x' (1234), adj 1000,` (4.4's `(1234) (tgid 1234)`), a kernel message. Killing
 * cached background apps (adj 900 and up) is routine on a phone: low; a perceptible or service
 * app medium; a foreground or visible one (below 200) high, like an OOM kill.
 */
export const lmkKill: LineRule = {
	id: 'memory.android-lmk-kill',
	category: 'memory',
	severity: 'high',
	userspace: true,
	byBoot: true,
	triggers: ["lowmemorykiller: Kill '", "lowmemorykiller: Killing '", "lmkd: Kill '"],
	pattern:
		/^(?:lowmemorykiller|lmkd): Kill(?:ing)? '([^']*)' \((\d+)\)(?: \(tgid \d+\))?, (?:uid (\d+), oom_score_adj|adj) (-?\d+)(?:,? to free (\d+)kB)?/,
	// one title per severity (a finding keeps its first occurrence's severity)
	title: (m) => `Low memory: Android’s low-memory killer killed ${lmkVictims(Number(m[4]))}`,
	details: (m) => {
		const reason = /; reason: (.+)$/.exec(m.input);
		return {
			killer: m.input.startsWith('lmkd') || m[3] !== undefined ? 'lmkd' : 'lowmemorykiller',
			process: m[1],
			pid: Number(m[2]),
			uid: m[3] !== undefined ? Number(m[3]) : null,
			oom_score_adj: Number(m[4]),
			freed_kb: m[5] !== undefined ? Number(m[5]) : null,
			reason: reason ? reason[1] : null
		};
	},
	severityOf: (m) => lmkSeverity(Number(m[4])),
	collect: { process: 'processes' },
	examples: [
		// lmkd's format (lmkd.cpp) and the old kernel driver's; the corpus has neither
		"lowmemorykiller: Kill 'com.google.android.gms' (4321), uid 10123, oom_score_adj 905 to free 56789kB rss, 1234kB swap; reason: low watermark is breached and swap is low (123kB < 456kB)",
		"lowmemorykiller: Killing 'com.android.browser' (1234), adj 1000,",
		"lowmemorykiller: Killing 'ndroid.systemui' (987) (tgid 987), adj 0,"
	],
	negatives: [
		'oom_reaper: reaped process 2693 (hj.zwh), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB',
		'init: starting service lmkd...'
	],
	explanation: {
		...explanation(
			'Android’s low-memory killer (lmkd, or the kernel’s lowmemorykiller driver on older Android)',
			'the `ro.lmk.*` properties (`ro.lmk.use_minfree_levels`, `ro.lmk.swap_free_low_percentage`, …) of lmkd, or `/sys/module/lowmemorykiller/parameters/minfree` of the old driver',
			'https://source.android.com/docs/core/perf/lmkd'
		),
		meaning:
			'Memory ran low and Android’s low-memory killer killed an app to free memory. Killing cached background apps (oom_score_adj 900 and up) is routine on a phone; kills of services, of the app in front or of system apps (a low oom_score_adj) mean the device is short of memory and the user sees apps restart or the screen freeze.',
		// a phone has no systemd-cgtop, ps --sort or zram-generator: Android's own tools
		causes: [
			{
				kind: 'userspace',
				text: 'Apps using more memory than the device has (games, a browser with many tabs, many apps kept open), or an app or service that leaks memory: the app killed is the least important one, not always the one that grew.'
			},
			{
				kind: 'configuration',
				text: 'Too little memory or zram for what runs on the device, or low-memory-killer thresholds that a ROM set high (it kills early).'
			}
		],
		next_steps: [
			'See which apps were killed and their oom_score_adj (the details list them): 900 and up are cached background apps, which Android expects to kill.',
			'See what uses the memory: `adb shell dumpsys meminfo` (per app and process), and `adb logcat -d | grep lowmemorykiller` for the kills and their reasons.',
			'Close or uninstall the apps that hold the most memory or keep running in the background; on a custom ROM check that zram is on (`adb shell cat /proc/swaps`).',
			'For a ROM developer, if the kills come too early or hit the wrong process: the `ro.lmk.*` properties (`ro.lmk.use_minfree_levels`, `ro.lmk.swap_free_low_percentage`, …) of lmkd, or `/sys/module/lowmemorykiller/parameters/minfree` of the old driver.'
		]
	}
};
