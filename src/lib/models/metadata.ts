/** A boot found in the log. */
export interface Boot {
	index: number;
	/** journal boot id when the log names it */
	id: string | null;
	first_line: number;
	last_line: number;
	/** what started it: 'start', 'marker', 'banner', 'timestamp-reset', 'boot-id', 'shape-change' */
	reason: string;
	/** its `Linux version` banner's, else the one its first oops line names */
	kernel_version: string | null;
	/**
	 * the rest of its `Linux version` banner after the release (builder, compiler, build number and
	 * date), null when the boot has none
	 */
	kernel_build: string | null;
	/** wall-clock start of the boot (ISO 8601, UTC) when calibrated */
	started_at: string | null;
	/**
	 * the hypervisor this boot's own lines name (as metadata.hypervisor, which is the log's first),
	 * null when they name none: which boots of a log joined from several machines were virtual
	 */
	hypervisor: string | null;
	/**
	 * this boot's own lines show a physical machine: a DMI line that names no virtual machine
	 * (`DMI: Dell Inc. …`), an early microcode update, a CPU's thermal throttling or a machine
	 * check (`mce: [Hardware Error]`); a boot naming no hypervisor gets no guest's advice then
	 * (since 1.22.0; absent in older reports: read as false)
	 */
	physical: boolean;
}

export interface TaintFlag {
	letter: string;
	name: string;
	description: string;
}

export interface Taint {
	/** the raw string as printed, e.g. 'P        W  O' or '[W]=WARN, [O]=OOT_MODULE' */
	raw: string;
	flags: TaintFlag[];
	unknown: string[];
}

/** Wall-clock calibration of a boot: wall = ts * 1000 + offset_ms (within ± uncertainty_ms). */
export interface Calibration {
	boot: number;
	offset_ms: number;
	uncertainty_ms: number;
	anchors: number;
	source: string;
}

export interface LogMetadata {
	/** the first kernel the log names (a `Linux version` banner, else an oops line) */
	kernel_version: string | null;
	kernel_build: string | null;
	/**
	 * the kernel the machine ran last: the latest boot's (banner, else oops line; kernel_version
	 * when no boot names one); the same as kernel_version for a log of one kernel
	 */
	latest_kernel_version: string | null;
	command_line: string | null;
	arch: string | null;
	hardware: string | null;
	bios: string | null;
	cpu: string | null;
	memory: string | null;
	/**
	 * the hypervisor when the log shows a virtual machine, else null: the platform its DMI
	 * product names (`VirtualBox`, `Google Compute Engine`, `QEMU`), else the kernel's
	 * `Hypervisor detected:` or `Booting paravirtualized kernel on` (`KVM`, `VMware`)
	 */
	hypervisor: string | null;
	modules: string[];
	taint: Taint | null;
	/**
	 * whether the kernel was tainted: true when the log prints a taint (`taint`), false when it
	 * says `Not tainted` and never prints one, null when it does not say
	 */
	tainted: boolean | null;
	boots: Boot[];
	calibration: Calibration[];
}

/**
 * Where the year of dates printed without one (RFC 3164 syslog, journalctl short, dmesg -e) came
 * from: `option` the caller's (AnalyzeOptions.year), `log date` a date of the log's own, `build
 * date` the first kernel's build year (a lower bound), `kernel release` the earliest year a
 * kernel release that a line names could run (a lower bound), `placeholder` the fixed
 * DEFAULT_YEAR when the log tells nothing.
 */
export const YEAR_SOURCES = [
	'option',
	'log date',
	'build date',
	'kernel release',
	'placeholder'
] as const;
export type YearSource = (typeof YEAR_SOURCES)[number];

/** The year given to dates printed without one, which their wall times inherit. */
export interface AssumedYear {
	/** year of the first such date */
	first: number;
	/** year of the last one: later than `first` when the dates pass New Year */
	last: number;
	source: YearSource;
	/**
	 * the year is known (`option`, `log date`), not a lower bound (`build date`, `kernel
	 * release`) nor a placeholder
	 */
	exact: boolean;
}

/** Line accounting: every input line is counted exactly once. */
export interface InputSummary {
	/** dominant format id */
	format: string;
	/** lines recognised per format id */
	formats: Record<string, number>;
	lines_total: number;
	lines_unparsed: number;
	unparsed_reasons: Record<string, number>;
	lines_skipped: number;
	skipped_reasons: Record<string, number>;
	bytes: number;
	warnings: string[];
	/** the year given to dates printed without one; null when the log has no such date */
	assumed_year: AssumedYear | null;
}

export function emptyMetadata(): LogMetadata {
	return {
		kernel_version: null,
		kernel_build: null,
		latest_kernel_version: null,
		command_line: null,
		arch: null,
		hardware: null,
		bios: null,
		cpu: null,
		memory: null,
		hypervisor: null,
		modules: [],
		taint: null,
		tainted: null,
		boots: [],
		calibration: []
	};
}
