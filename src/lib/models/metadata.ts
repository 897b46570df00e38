/** A boot found in the log. */
export interface Boot {
	index: number;
	/** journal boot id when the log names it */
	id: string | null;
	first_line: number;
	last_line: number;
	/** what started it: 'start', 'marker', 'banner', 'timestamp-reset' */
	reason: string;
	/** its `Linux version` banner's, else the one its first oops line names */
	kernel_version: string | null;
	/** wall-clock start of the boot (ISO 8601, UTC) when calibrated */
	started_at: string | null;
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
