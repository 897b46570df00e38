import type { LineRule } from './types.ts';

/**
 * Events a CPU may have counted since boot (`total events = N`) for one short episode that ends
 * (`temperature/speed normal`) to be low: more is throttling that keeps coming back.
 */
const FEW_EVENTS = 10;

/**
 * arch/x86/kernel/cpu/mce/therm_throt.c. Before 5.5 therm_throt_process() prints
 * `CPU0: Core temperature above threshold, cpu clock throttled (total events = 1)` (pr_crit) when
 * the CPU enters a throttling event and `CPU0: Core temperature/speed normal` when it leaves it,
 * at most once per CPU and scope every 5 minutes (CHECK_INTERVAL); `total events` counts every
 * event since boot, printed or not. Since 5.5 (throttle_active_work) the first line is printed only
 * when the temperature keeps rising while throttled, as `… temperature is above threshold, cpu
 * clock is throttled (total events = N)`, and the second with `(total events = N)`; both with the
 * `mce: ` prefix of the mce directory since 5.0. A line per CPU and per package: one episode on a
 * 16-thread laptop prints 32.
 */
export const thermalThrottle: LineRule = {
	id: 'hardware.thermal-throttling',
	category: 'hardware',
	severity: 'medium',
	triggers: ['temperature above threshold', 'temperature is above threshold'],
	pattern:
		/^(?:mce: )?CPU(\d+): (Core|Package) temperature (?:is )?above threshold, cpu clock (?:is )?throttled(?: \(total events = (\d+)\))?/,
	title: (m) => `CPU ${m[2].toLowerCase()} temperature above threshold, clock throttled`,
	details: (m) => ({
		cpu: Number(m[1]),
		scope: m[2].toLowerCase(),
		total_events: m[3] ? Number(m[3]) : null,
		device: `CPU${m[1]}`
	}),
	// brief episodes (`recovered`) are not counted as a storm: a CPU that keeps throttling counts
	// more events, and its lines are then of the repeated kind (FEW_EVENTS)
	storm: { count: 20, severity: 'high', unless: 'recovered' },
	/*
	 * One short episode: the CPU's `temperature/speed normal` within a minute, and few events
	 * counted on that CPU so far. The line names the CPU (`device`), not always the scope: a CPU's
	 * core and package lines end together.
	 */
	resolve: {
		trigger: 'temperature/speed normal',
		pattern: /^(?:mce: )?(?<device>CPU\d+): (?:Core|Package) temperature\/speed normal/,
		within: 1000,
		withinSeconds: 60,
		// a CPU's core and package lines are one event, every CPU's held in one group (an episode
		// prints a line per CPU: 64 on a 64-thread machine)
		repeats: true,
		when: (m) => m[3] === undefined || Number(m[3]) < FEW_EVENTS,
		title: (m) => `CPU ${m[2].toLowerCase()} temperature briefly above threshold, clock throttled`,
		severity: 'low',
		details: () => ({ recovered: true }),
		examples: [
			'CPU0: Core temperature/speed normal',
			'mce: CPU0: Package temperature/speed normal (total events = 1)'
		],
		explanation: {
			meaning:
				'The CPU reached its temperature limit and slowed its clock for a short time: the kernel reported it back to normal (`temperature/speed normal`) within a minute, and had counted only a few such events on this CPU since boot (`total events`). A brief episode under a sudden heavy load (a build, a game or a benchmark starting) is how the CPU protects itself, common on laptops and small machines; the work was slowed for a moment and nothing is harmed. If it keeps happening, the kernel’s count grows and the report shows repeated or long throttling (medium) instead.',
			causes: [
				{
					kind: 'environment',
					text: 'A burst of heavy load on a machine whose cooling is just enough (laptops, mini PCs, a warm room, a laptop on a soft surface).'
				},
				{
					kind: 'hardware',
					text: 'If it happens under light load: dust in the heatsink or fan, a fan that does not spin, dried-out thermal paste.'
				}
			],
			next_steps: [
				'Nothing needs doing if it is rare and came with heavy load.',
				'To see how often it happens: `grep . /sys/devices/system/cpu/cpu*/thermal_throttle/*_throttle_count` (counts since boot); watch temperatures under load with `sensors` (lm-sensors) or `turbostat`.',
				'If it happens often or under light load, clean the fans and heatsink and check that the fans spin.'
			],
			references: [
				'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/arch/x86/kernel/cpu/mce/therm_throt.c?h=v6.6',
				'https://docs.kernel.org/driver-api/thermal/sysfs-api.html'
			]
		}
	},
	examples: [
		'CPU0: Core temperature above threshold, cpu clock throttled (total events = 1)',
		'CPU2: Package temperature above threshold, cpu clock throttled (total events = 1)',
		'mce: CPU3: Core temperature above threshold, cpu clock throttled (total events = 12345)',
		'mce: CPU1: Core temperature is above threshold, cpu clock is throttled (total events = 3)'
	],
	negatives: [
		'CPU0: Core temperature/speed normal',
		'mce: CPU0: Core temperature/speed normal (total events = 4)',
		'CPU0: Thermal monitoring enabled (TM1)'
	],
	explanation: {
		meaning:
			'The CPU got too hot and slowed itself down to cool off, and either stayed so for longer than a minute (no `temperature/speed normal` line for it within a minute, or the log ends first) or keeps doing it: the kernel had counted 10 or more throttling events on this CPU since boot (`total events`). The machine was slower meanwhile. A few brief events under a heavy load are common on laptops and small machines; long or repeated throttling means the cooling is not good enough for the load.',
		causes: [
			{
				kind: 'environment',
				text: 'Dust-clogged heatsink or fan, blocked airflow, high room temperature.'
			},
			{
				kind: 'hardware',
				text: 'A failed fan, dried-out thermal paste, or a badly mounted cooler.'
			},
			{
				kind: 'configuration',
				text: 'Aggressive power limits or fan curves set in BIOS or by a tuning tool.'
			}
		],
		next_steps: [
			'Watch temperatures under load: `sensors` (lm-sensors) or `turbostat`; `grep . /sys/devices/system/cpu/cpu*/thermal_throttle/*_throttle_count` counts the events since boot.',
			'Clean the fans and heatsink, check that the fans spin; renew thermal paste on older machines.',
			'Check the BIOS fan settings and any undervolting/overclocking tools.'
		],
		references: [
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/arch/x86/kernel/cpu/mce/therm_throt.c?h=v6.6',
			'https://docs.kernel.org/driver-api/thermal/sysfs-api.html'
		]
	}
};

/** drivers/thermal/thermal_core.c: critical trip point reached -> orderly power-off. */
export const thermalCritical: LineRule = {
	id: 'hardware.thermal-shutdown',
	category: 'hardware',
	severity: 'critical',
	triggers: ['ritical temperature reached'],
	// 5.12+ drivers/thermal/thermal_core.c: `%s: critical temperature reached` with the zone's
	// type (`thermal thermal_zone2: acpitz: critical temperature reached`), no temperature
	pattern: /^(?:thermal (\S+): (?:([\w-]+): )?)?[Cc]ritical temperature reached(?:\s*\((\d+) C\))?/,
	title: (m) => `Critical temperature reached: emergency shutdown${m[1] ? ` (${m[1]})` : ''}`,
	details: (m) => ({
		zone: m[1] ?? null,
		zone_type: m[2] ?? null,
		temperature_c: m[3] ? Number(m[3]) : null
	}),
	follow: [
		{
			// kernel/reboot.c hw_protection_shutdown() (5.17+), called by the thermal core
			trigger: 'HARDWARE PROTECTION ',
			pattern: /^reboot: HARDWARE PROTECTION (shutdown|reboot) \(([^)]*)\)/,
			details: (m) => ({ action: `${m[1]} (${m[2]})` }),
			within: 3,
			claims: true,
			examples: ['reboot: HARDWARE PROTECTION shutdown (Temperature too high)']
		}
	],
	examples: [
		'Critical temperature reached (100 C), shutting down',
		'thermal thermal_zone0: critical temperature reached, shutting down',
		'thermal thermal_zone3: critical temperature reached (105 C), shutting down',
		'thermal thermal_zone2: acpitz: critical temperature reached',
		'thermal thermal_zone7: x86_pkg_temp: critical temperature reached'
	],
	negatives: ['thermal thermal_zone0: failed to read out thermal zone (-61)'],
	explanation: {
		meaning:
			'A temperature sensor passed its critical limit and the kernel powered the machine off to protect the hardware. This explains a sudden shutdown.',
		causes: [
			{
				kind: 'environment',
				text: 'Cooling failure: blocked vents, dead fan, very hot surroundings.'
			},
			{ kind: 'hardware', text: 'A faulty sensor reporting wrong temperatures.' },
			{ kind: 'firmware', text: 'A wrong critical trip point in the ACPI tables.' }
		],
		next_steps: [
			'Check the fans and airflow before running the machine under load again.',
			'Compare with `sensors` readings; read `/sys/class/thermal/thermal_zone*/type` and `trip_point_*_temp` for the zone named.',
			'If the sensor is wrong (e.g. a reading of 127 C at idle), update the BIOS or report it to the vendor.'
		],
		references: ['https://docs.kernel.org/driver-api/thermal/sysfs-api.html']
	}
};
