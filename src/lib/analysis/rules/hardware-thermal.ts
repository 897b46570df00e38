import type { LineRule } from './types.ts';

/** arch/x86/kernel/cpu/mce/therm_throt.c: `CPU0: Core temperature above threshold, cpu clock throttled (total events = 1)` */
export const thermalThrottle: LineRule = {
	id: 'hardware.thermal-throttling',
	category: 'hardware',
	severity: 'medium',
	triggers: ['temperature above threshold'],
	pattern:
		/^(?:mce: )?CPU(\d+): (Core|Package) temperature above threshold, cpu clock throttled(?: \(total events = (\d+)\))?/,
	title: (m) => `CPU ${m[2].toLowerCase()} temperature above threshold, clock throttled`,
	details: (m) => ({
		cpu: Number(m[1]),
		scope: m[2].toLowerCase(),
		total_events: m[3] ? Number(m[3]) : null
	}),
	storm: { count: 20, severity: 'high' },
	examples: [
		'CPU0: Core temperature above threshold, cpu clock throttled (total events = 1)',
		'CPU2: Package temperature above threshold, cpu clock throttled (total events = 1)',
		'mce: CPU3: Core temperature above threshold, cpu clock throttled (total events = 12345)'
	],
	negatives: ['CPU0: Core temperature/speed normal', 'CPU0: Thermal monitoring enabled (TM1)'],
	explanation: {
		meaning:
			'The CPU got too hot and slowed itself down to cool off. The machine was slower meanwhile; a `temperature/speed normal` line says when it recovered. A few events under a heavy load are common on laptops and small machines; if it keeps happening the cooling is not good enough for the load.',
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
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/arch/x86/kernel/cpu/mce/therm_throt.c',
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
