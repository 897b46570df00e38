/**
 * A boot whose log stops in its first seconds while the log goes on past it: the machine hung,
 * crashed without a report, was reset or lost power as it started (or the log was cut there).
 * The tracker (tracker.ts) feeds each boot's facts; the note goes into `input.warnings`.
 *
 * Only when the log shows it goes on past the boot: a later boot in it, or a journal whose header
 * (`-- Logs begin at …, end at …. --`) ends later than the boot's last line and whose output
 * holds other programs' lines (`journalctl -b`, not `-k`: a boot that went on would show its
 * services). An excerpt, a log that just ends, gets no note: the first lines of a dmesg pasted
 * into a forum look the same as a boot that stopped.
 */

/** a boot whose log spans at most this many seconds stopped early */
export const EARLY_BOOT_S = 10;
/** a journal that ends at least this many seconds after the boot's last line goes on past it */
const JOURNAL_ON_S = 60;

/** What the tracker knows of a boot when it ends. */
export interface BootEndFacts {
	index: number;
	firstLine: number;
	lastLine: number;
	/** a `Linux version` banner was seen in it */
	banner: boolean;
	/** kernel time of its first and last timed records, NaN when none */
	firstTs: number;
	lastTs: number;
	/** prefix times (epoch ms) of its first and last lines of any program, NaN when none */
	firstWall: number;
	lastWall: number;
	/** other programs' lines were in it (syslog, journal) */
	programs: boolean;
	/** the kernel started user space in it (`Run /sbin/init as init process`, `Freeing unused kernel memory`) */
	init: boolean;
	/** its last kernel message */
	lastText: string;
	/** it printed the header of a report that ends or may end a boot: an oops, a `BUG:` fault, a panic, not a soft lockup (blocks/headers.ts isCrashHeader) */
	crash: boolean;
}

/**
 * a boot that ended on purpose or in a panic (which the report names): no note. A panic with a
 * timeout (`panic=10`) ends on `Rebooting in 10 seconds..` (kernel/panic.c), not on its `---[ end`
 * line; SysRq's reset and power-off are asked for
 */
const ENDED =
	/^(?:reboot: |Restarting system|Power down|System halted|kexec_core: Starting new kernel|Starting new kernel|Kernel panic - not syncing|---\[ end Kernel panic|Rebooting in \d+ seconds|sysrq: (?:Resetting|Power Off)|SysRq : (?:Resetting|Power Off))/;

/** Does a boot whose last kernel line is `text` end on purpose or in a panic (see ENDED)? */
export function endedOnPurpose(text: string): boolean {
	return ENDED.test(text);
}

/** `11 min`, `2 h`, `3 days`: a coarse duration for a note */
function duration(s: number): string {
	if (s < 120) return `${Math.round(s)} s`;
	if (s < 7200) return `${Math.round(s / 60)} min`;
	if (s < 172800) return `${Math.round(s / 3600)} h`;
	return `${Math.round(s / 86400)} days`;
}

/**
 * The note on boot `b`, which `next` follows (the index of the next boot), or, for the log's last
 * boot, a journal that ends at `journalEnd` (epoch ms, NaN when unknown); null when the boot did
 * not stop early, or the log does not show that it goes on past it.
 */
export function bootEndNote(
	b: BootEndFacts,
	next: number | null,
	journalEnd: number
): string | null {
	const timed = !Number.isNaN(b.lastTs);
	const walled = !Number.isNaN(b.lastWall);
	// the boot's own start must be in the log: its banner, or its kernel time from about 0
	if (!b.banner && !(timed && b.firstTs < 1)) return null;
	if (!timed && !walled) return null;
	if (timed && b.lastTs > EARLY_BOOT_S) return null;
	const span = walled ? (b.lastWall - b.firstWall) / 1000 : NaN;
	// a wall clock that goes back inside the boot (logs of two machines or years run together:
	// the benchmark log's 'stops -342995143 s after its first line') says nothing of its length
	if (walled && !(span >= 0 && span <= EARLY_BOOT_S)) return null;
	// an early panic or oops is in the report, even when its log is cut inside its trace or after
	// `Kernel Offset: disabled` (before `---[ end Kernel panic`)
	if (b.crash || ENDED.test(b.lastText)) return null;
	let goesOn: string;
	if (next !== null) goesOn = `and boot ${next} follows`;
	else {
		const after = (journalEnd - b.lastWall) / 1000;
		if (!walled || !b.programs || !(after >= JOURNAL_ON_S)) return null;
		goesOn = `though the journal’s header says it goes on ${duration(after)} longer`;
	}
	// wall clocks of syslog and `journalctl` (short) count whole seconds: a boot whose lines share
	// one second had stopped "0 s after its first line", and "3 s" may be 2.1 or 3.9
	const stop = timed
		? `${b.lastTs.toFixed(1)} s after the kernel started`
		: Math.round(span) === 0
			? 'within a second of its first line'
			: `about ${Math.round(span)} s after its first line`;
	const stage = b.init
		? 'just after the kernel started user space'
		: 'before the kernel started user space';
	return (
		`The log of boot ${b.index} (lines ${b.firstLine}-${b.lastLine}) stops ${stop}, ${stage}, ${goesOn}: ` +
		'the machine most likely stopped there (it hung, crashed without a report, was reset or lost power), or the log was cut there. ' +
		'What a machine prints as it hangs often never reaches the disk: a serial console (`console=ttyS0,115200`), netconsole or pstore keeps the kernel’s last messages; booting with `systemd.log_level=debug` (or without `quiet`) shows how far start-up got.'
	);
}
