import type { Severity } from '../../models/finding.ts';

/**
 * Kernel reports that are notices, not bugs: WARN()s that vendor and older kernels print on
 * purpose to say something about the machine (a support status, broken firmware). A report whose
 * title (and, when given, one of whose lines) matches keeps its title and trace but gets the
 * notice's rule, which keys its kind and explanation, and the notice's severity.
 */
export interface CrashNotice {
	rule: string;
	severity: Severity;
	/** tested against the normalised title */
	title: RegExp;
	/** when given, a line of the report (from its header on) must match too */
	line?: RegExp;
	/** a real report it covers: its title and the line `line` matches */
	example: { title: string; line?: string };
	/** why it is no bug */
	why: string;
}

export const CRASH_NOTICES: readonly CrashNotice[] = [
	{
		// RHEL 7 kernel/rh_taint.c mark_hardware_unsupported(): WARN_TAINT(1,
		// TAINT_HARDWARE_UNSUPPORTED, "Your hardware is unsupported.  Please do not report bugs, …")
		rule: 'crash.unsupported-hardware',
		severity: 'low',
		title: /^WARNING in mark_hardware_unsupported$/,
		example: { title: 'WARNING in mark_hardware_unsupported' },
		why: 'Red Hat kernels warn once at boot, on purpose, that Red Hat does not support this hardware.'
	},
	{
		// Intel VT-d before 3.x printed its firmware complaints with WARN_TAINT(1,
		// TAINT_FIRMWARE_WORKAROUND, "Your BIOS is broken; …"): drivers/pci/dmar.c warn_invalid_dmar(),
		// dmar_parse_one_rhsa(), intel-iommu.c check_tylersburg_isoch(); newer kernels print the
		// same text as `DMAR: [Firmware Bug]: Your BIOS is broken; …` without a trace
		rule: 'crash.firmware-warning',
		severity: 'info',
		title: /^WARNING in /,
		line: /^Your BIOS is broken; /,
		example: {
			title: 'WARNING in warn_invalid_dmar',
			line: 'Your BIOS is broken; DMAR reported at address 0!'
		},
		why: 'The trace only carries a firmware complaint, which is reported as a firmware finding of its own.'
	}
];

/** The notice a report is, from its final title and its lines (header on), or null. */
export function crashNotice(title: string, lines: readonly { text: string }[]): CrashNotice | null {
	for (const n of CRASH_NOTICES) {
		if (!n.title.test(title)) continue;
		if (n.line === undefined) return n;
		const line = n.line;
		if (lines.some((l) => line.test(l.text))) return n;
	}
	return null;
}

/** the severity of each notice rule */
export const NOTICE_SEVERITY: ReadonlyMap<string, Severity> = new Map(
	CRASH_NOTICES.map((n) => [n.rule, n.severity])
);
