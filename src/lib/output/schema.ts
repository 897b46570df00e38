/**
 * The JSON Schema (draft 2020-12) of the report, the one source of truth for
 * static/schema/report.schema.json (the site serves it at schema/report.schema.json).
 * `npm run -s cli -- --print-schema` prints it; tests/output/schema.test.ts checks the static file
 * is in sync (UPDATE_SCHEMA=1 rewrites it).
 *
 * Objects are closed (additionalProperties: false) except the free-form maps (per-format counts,
 * reasons, finding details), so a field added to the models without a schema update fails the tests.
 * Versioning rules: see docs/OUTPUT.md and SCHEMA_VERSION in models/report.ts.
 */
import { CATEGORIES, SEVERITIES } from '../models/finding.ts';
import { YEAR_SOURCES } from '../models/metadata.ts';
import { SCHEMA_VERSION } from '../models/report.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const str = { type: 'string' };
const nstr = { type: ['string', 'null'] };
const line = { type: 'integer', minimum: 1, description: '1-based input line number' };
const count = { type: 'integer', minimum: 0 };
const counts = { type: 'object', additionalProperties: count };

function obj(properties: Record<string, Json>, description?: string): { [k: string]: Json } {
	return {
		type: 'object',
		...(description ? { description } : {}),
		required: Object.keys(properties),
		additionalProperties: false,
		properties
	};
}

const occurrence = obj({
	first_line: line,
	last_line: line,
	boot: count,
	ts: { type: ['number', 'null'], description: 'kernel monotonic seconds' },
	wall: { ...nstr, description: 'ISO 8601 wall-clock time when known' }
});

const frame = obj({
	function: str,
	offset: nstr,
	size: nstr,
	module: nstr,
	reliable: { type: 'boolean', description: "false for frames printed with '?'" },
	context: { ...str, description: "'task', 'irq', 'softirq', 'nmi', 'exception' ..." },
	line,
	source: { ...nstr, description: 'file.c:123 when the trace is symbolised' }
});

const finding = obj(
	{
		id: {
			type: 'string',
			pattern: '^[a-z]+-[0-9a-f]{8}$',
			description:
				'<category>-<fnv1a(rule + "\\n" + title)>: the same rule and title give the same id in any log; when several findings of a report share rule and title (crash reports raised at different source locations), each located one hashes rule + "\\n" + title + "\\n" + the file name and line of its source_location'
		},
		rule: str,
		category: { enum: [...CATEGORIES] },
		title: str,
		alt_titles: { type: 'array', items: str },
		severity: { enum: [...SEVERITIES] },
		routine: {
			const: true,
			description:
				'since 1.13.0: present, and true, only on a routine notice (an info finding of a line that looks alarming but is routine, which says why it is harmless and when it would matter); reports list these apart, after the other findings'
		},
		first_line: line,
		last_line: line,
		count: { type: 'integer', minimum: 1 },
		boots: { type: 'array', items: count },
		first_seen: occurrence,
		last_seen: occurrence,
		occurrences: { type: 'array', items: occurrence },
		stack: {
			anyOf: [
				{ type: 'null' },
				obj({
					frames: { type: 'array', items: frame },
					guilty_frame: nstr,
					fault_location: nstr
				})
			]
		},
		evidence: { type: 'array', items: obj({ line, text: str }) },
		details: {
			type: 'object',
			description:
				'rule-specific facts; since 1.6.0 a WARN() report has warn_message (the WARN()’s own message, or null) and a workqueue lockup pool (the pools named, a list) and stuck_s (the longest time); cut_short is true when the log ends inside a crash report’s call trace, or before a call trace the report needs; since 1.7.0 the user-space OOM kills (memory.systemd-oomd-kill, memory.earlyoom-kill, memory.nohang-kill, memory.android-lmk-kill) have their killer’s facts, and a systemd-oomd kill processes_killed (the count systemd gives, or null); since 1.8.0 hardware.thermal-throttling has device (the CPU, CPU0) and, for a short episode that ended, recovered (true), storage.io-error the additional_sense (Medium not present) or the USB port disconnected just before, and the new other.workqueue-cpu-hog function, module, threshold_us and times; since 1.9.0 firmware.load-failed has minimum_version and maximum_version (the oldest and newest firmware file iwlwifi accepts, printed after no suitable firmware found!); other.module-load-failed has modules (the modules of the finding, a list: several for modules built for another kernel), userspace.segfault error_hex (the error code’s digits as the kernel printed them; error_code is their value), and storage.buffer-io-error the additional_sense or port of a read after the same disk’s Medium not present or a USB disconnect; firmware.efi-runtime-disabled has fault (arm64’s kind of fault, paging request) and later_call_refused (true when the refused call after it joined it), and the new hardware.cpu-feature-mismatch id_register, id_registers, core, cores, boot_cpu_value and value; since 1.10.0 firmware.load-failed of b43 or b43legacy (no usable firmware found) has files (the firmware files the driver tried, a list) and device (its bcma or ssb core); since 1.11.0 the new firmware.remoteproc-firmware-missing has device (remoteproc0), error, files (the firmware files requested, a list) and processor (its name, adsp-pil), and the new firmware.tpm-disabled device, state (disabled or deactivated) and ima_pcr_read_failed (true when IMA’s PCR reads failed after it); since 1.16.0 network.wifi-connect-timeout and network.wifi-connection-lost have chip (the bus device of the interface’s chip, 0000:02:00.0, when the log’s rename line ties them); since 1.17.0 network.link-down has chip (the card’s PCI address, when the line names one) and, for a link down as the interface started, phy (the PHY driver’s name), memory.page-allocation-failure of an Android binder thread process_pid (its process’s id, which the oom_reaper names; it had been a device detail, process 31804), gpu.i915-hang processes (the programs of all its hangs, a list), and crash.lockdep of a recursive-locking report that prints lock addresses (4.15 on) lock (the lock’s name) and same_lock (true when the task tries to take the very lock it holds); since 1.18.0 crash.kasan, crash.kfence and crash.leak have the facts their reports print: access (read, write or free), access_size, address, object_cache, object_size, where_in_object (KASAN’s or KFENCE’s words), alloc_task and free_task (pids), pointer_tag and memory_tag (tag-based KASAN), and a crash whose faulting address’s bytes are all printable text has address_as_text (the text, in memory order); since 1.19.0 a general protection fault whose faulting instruction addresses memory through a register that holds printable text has register_as_text (the text) and text_register (RAX), crash.oom-panic the largest task of the task list before the panic (largest_task, largest_task_pid, largest_task_rss_pages, largest_task_swap_entries or null, tasks_listed, task_list_whole), crash.netdev-refcount device (lo) and usage_count, and the one security.selinux-denied finding of ChromeOS’s Android VM domains (a list, most denials first); since 1.20.0 other.unsafe-module-option has set_on (kernel command line) and set_by (ChromeOS) when the command line just before sets it, crash.lockdep of a sysfs write that removes its own file sysfs_store and sysfs_removal_by (with lock), and the ARCVM finding of several domains its first denial’s facts null',
			additionalProperties: {
				anyOf: [{ type: ['string', 'number', 'boolean', 'null'] }, { type: 'array', items: str }]
			}
		},
		related: { type: 'array', items: str },
		explanation: obj({
			meaning: str,
			causes: {
				type: 'array',
				items: obj({
					kind: {
						enum: [
							'hardware',
							'firmware',
							'driver',
							'kernel',
							'userspace',
							'configuration',
							'environment'
						]
					},
					text: str
				})
			},
			next_steps: { type: 'array', items: str },
			references: { type: 'array', items: str }
		})
	},
	'One problem found in the log (all occurrences of the same rule and title grouped; crash reports that name the source location of their WARN() or BUG() also by that location).'
);
// `routine` is there only when true
finding.required = (finding.required as string[]).filter((k) => k !== 'routine');

const boot = obj({
	index: count,
	id: { ...nstr, description: 'journal boot id when the log names it' },
	first_line: line,
	last_line: line,
	reason: {
		...str,
		description:
			"'start', 'marker', 'banner', 'timestamp-reset', 'boot-id' (a change of the journal's boot id); since 1.13.0 also 'shape-change' (another log pasted after the one before: a dmesg after a journal whose records it does not repeat, see docs/INGESTION.md)"
	},
	kernel_version: nstr,
	kernel_build: {
		...nstr,
		description:
			"since 1.14.0: the rest of the boot's 'Linux version' banner after the release (builder, compiler, build number and date), null when the boot has no banner"
	},
	started_at: nstr,
	hypervisor: {
		...nstr,
		description:
			"since 1.20.0: the hypervisor the boot's own lines name (as metadata.hypervisor, which is the log's first), null when they name none"
	},
	physical: {
		type: 'boolean',
		description:
			"since 1.22.0: the boot's own lines show a physical machine (a DMI line naming no virtual machine, an early microcode update, a CPU's thermal throttling, a machine check); its findings then get no virtual machine's advice"
	}
});
// a report of 1.13.0 or before has no `kernel_build` in its boots, one of 1.19.0 or before no
// `hypervisor`, one of 1.21.0 or before no `physical`: it still opens
boot.required = (boot.required as string[]).filter(
	(k) => k !== 'kernel_build' && k !== 'hypervisor' && k !== 'physical'
);

const taint = obj({
	raw: str,
	flags: { type: 'array', items: obj({ letter: str, name: str, description: str }) },
	unknown: { type: 'array', items: str }
});

const calibration = obj({
	boot: count,
	offset_ms: { type: 'number' },
	uncertainty_ms: { type: 'number', minimum: 0 },
	anchors: count,
	source: str
});

const assumedYear = obj({
	first: { type: 'integer', description: 'year of the first date without one' },
	last: {
		type: 'integer',
		description: 'year of the last date without one (later than first when they pass New Year)'
	},
	source: {
		enum: [...YEAR_SOURCES],
		description:
			"option: the caller's; log date: a date of the log's own; build date: the first kernel's build year, a lower bound; kernel release: the earliest year a kernel the log names could run, a lower bound; placeholder: the fixed year 2000, the log tells nothing"
	},
	exact: {
		type: 'boolean',
		description:
			'true when the year is known (option, log date); false for a lower bound (build date, kernel release) or the placeholder'
	}
});

const severityCounts = obj(Object.fromEntries(SEVERITIES.map((s) => [s, count])));

export const REPORT_SCHEMA: { [k: string]: Json } = {
	$schema: 'https://json-schema.org/draft/2020-12/schema',
	title: 'NecroScope report',
	description: `The report NecroScope produces for one kernel log (schema_version ${SCHEMA_VERSION}; see docs/OUTPUT.md).`,
	...obj({
		schema_version: {
			type: 'string',
			pattern: '^1\\.\\d+\\.\\d+$',
			description: 'semver of this schema; consumers accept any 1.x'
		},
		generator: obj({ name: str, version: str }),
		input: obj({
			name: { ...nstr, description: 'file name (no directory), null for stdin or pasted text' },
			format: { ...str, description: 'dominant line format id' },
			formats: { ...counts, description: 'lines recognised per format id' },
			lines_total: count,
			lines_unparsed: count,
			unparsed_reasons: counts,
			lines_skipped: count,
			skipped_reasons: counts,
			bytes: count,
			warnings: { type: 'array', items: str },
			assumed_year: {
				description:
					'since 1.5.0: the year given to dates printed without one (RFC 3164 syslog, journalctl short, dmesg -e), which started_at and wall times inherit; null when the log has no such date',
				anyOf: [{ type: 'null' }, assumedYear]
			},
			anonymization: obj({
				enabled: { type: 'boolean' },
				replaced: {
					...counts,
					description:
						'distinct values replaced, per kind (since 1.12.0 also ssid: Wi-Fi network names; since 1.13.0 share: NFS export and SMB share folders, and domain: private domains; since 1.14.0 org: organisations of certificate subjects; since 1.15.0 place: the state and locality of a certificate without an organisation, a person’s own)'
				}
			})
		}),
		metadata: obj({
			kernel_version: nstr,
			kernel_build: nstr,
			latest_kernel_version: nstr,
			command_line: nstr,
			arch: nstr,
			hardware: nstr,
			bios: nstr,
			cpu: nstr,
			memory: nstr,
			hypervisor: {
				...nstr,
				description:
					"since 1.4.0: the hypervisor of a virtual machine (its DMI product, else the kernel's 'Hypervisor detected:'), null when the log shows none"
			},
			modules: { type: 'array', items: str },
			taint: { anyOf: [{ type: 'null' }, taint] },
			tainted: {
				type: ['boolean', 'null'],
				description:
					"since 1.3.0: true when the log prints a taint, false when it says 'Not tainted' and prints none, null when it does not say"
			},
			boots: { type: 'array', items: boot },
			calibration: { type: 'array', items: calibration }
		}),
		findings: { type: 'array', items: finding },
		cascades: {
			type: 'array',
			items: obj({
				id: str,
				chain: { type: 'array', items: str },
				description: str,
				links: {
					type: 'array',
					description: 'since 1.2.0: one link per chain member after the first',
					items: obj({
						cause: str,
						effect: str,
						certainty: {
							enum: ['probable', 'possible'],
							description:
								'probable: one problem seen at several layers; possible: only the timing fits'
						},
						reason: { ...nstr, description: 'what supports a possible link, in words' }
					})
				}
			})
		},
		summary: obj({
			verdict: {
				enum: [
					'kernel-crash',
					'serious-problems',
					'problems',
					'minor-issues',
					'healthy',
					'no-kernel-log'
				]
			},
			headline: str,
			counts_by_severity: severityCounts,
			counts_by_category: {
				type: 'object',
				propertyNames: { enum: [...CATEGORIES] },
				additionalProperties: count
			},
			primary_finding: { ...nstr, description: 'id of the finding the headline names' },
			root_cause: {
				...nstr,
				description:
					'id of the likely root cause of the primary finding: the first finding of its cascade chain, reached from it through probable links only, else the primary finding itself; null when there is no finding'
			}
		})
	})
};

/** The schema file's exact bytes (two-space JSON, final newline). */
export function schemaText(): string {
	return JSON.stringify(REPORT_SCHEMA, null, 2) + '\n';
}
