import type { Finding, Occurrence } from '$lib/models/finding';
import type { AssumedYear, Boot } from '$lib/models/metadata';

export interface Mark {
	f: Finding;
	/** the finding's first and last kept occurrence in the boot */
	first: Occurrence;
	last: Occurrence;
}

/**
 * The timeline's rows: each boot some finding occurs in, in boot order, with one mark per finding
 * (in report order). Occurrences are grouped in one pass, so a log of hundreds of boots costs no
 * more than one of a few.
 */
export function timelineRows(
	findings: readonly Finding[],
	boots: readonly Boot[]
): Array<{ boot: Boot; marks: Mark[] }> {
	const byBoot = new Map<number, Mark[]>();
	for (const f of findings) {
		const span = new Map<number, { first: Occurrence; last: Occurrence }>();
		for (const o of f.occurrences) {
			const s = span.get(o.boot);
			if (s) s.last = o;
			else span.set(o.boot, { first: o, last: o });
		}
		for (const [b, s] of span) {
			let marks = byBoot.get(b);
			if (!marks) byBoot.set(b, (marks = []));
			marks.push({ f, first: s.first, last: s.last });
		}
	}
	return boots
		.filter((b) => byBoot.has(b.index))
		.map((boot) => ({ boot, marks: byBoot.get(boot.index) as Mark[] }));
}

/**
 * What a boot's row is plotted against: the kernel's time since boot when every mark has it, else
 * the wall-clock time when every mark has that (a syslog or journal without the kernel's own
 * stamps), else the kernel's time when most marks have it, else the wall-clock time when most
 * marks have that (the others listed apart, `onAxis`), else the input's line numbers. A server's
 * /var/log/messages (logs-srv-messages.log) had been plotted against "input line 781 – 8738"
 * though each of its lines says when it was written: a support engineer could not read when its
 * findings happened. A pasted dmesg of which a few lines lost their stamps (an ATA error copied
 * from elsewhere) had lost the kernel's time for every finding of its boot, plotted against its
 * line numbers, and so had a syslog of which a few findings' lines came without their time (a
 * dmesg pasted into it).
 */
export type TimelineAxis = 'kernel' | 'wall' | 'line';

export function timelineAxis(marks: readonly Mark[]): TimelineAxis {
	if (marks.every(kernelTimed)) return 'kernel';
	if (marks.every(wallTimed)) return 'wall';
	if (marks.filter(kernelTimed).length * 2 > marks.length) return 'kernel';
	if (marks.filter(wallTimed).length * 2 > marks.length) return 'wall';
	return 'line';
}

/**
 * Whether a mark has the kernel's time at its first and last occurrence: on a kernel-time axis
 * the others are listed under the row ("Without a kernel time: …"), not placed by a time the log
 * does not give.
 */
export function kernelTimed(m: Mark): boolean {
	return m.first.ts !== null && m.last.ts !== null;
}

const hasWall = (o: Occurrence) => o.wall !== null && Number.isFinite(Date.parse(o.wall));

/** Whether a mark has the wall-clock time at its first and last occurrence (see kernelTimed). */
export function wallTimed(m: Mark): boolean {
	return hasWall(m.first) && hasWall(m.last);
}

/** Whether a mark is placed on a row of this axis (else it is listed under the row). */
export function onAxis(axis: TimelineAxis, m: Mark): boolean {
	return axis === 'kernel' ? kernelTimed(m) : axis === 'wall' ? wallTimed(m) : true;
}

/**
 * The ends of a wall-clock axis (ms since the epoch): from the boot's start when the log says it
 * (and it is not after the first mark), else from the first mark, to the last mark.
 */
export function wallRange(boot: Boot, marks: readonly Mark[]): { min: number; max: number } {
	const firsts = marks.map((m) => Date.parse(m.first.wall as string));
	const lasts = marks.map((m) => Date.parse(m.last.wall as string));
	let min = Math.min(...firsts);
	const start = boot.started_at === null ? NaN : Date.parse(boot.started_at);
	if (start <= min) min = start;
	return { min, max: Math.max(min, ...firsts, ...lasts) };
}

/** a wall-clock axis shorter than this (ms) says its times to the millisecond */
const SHORT_WALL = 60_000;

/**
 * Whether a wall-clock axis of these times (ms since the epoch) says them to the millisecond:
 * when it is under a minute and the log wrote them so (a syslog's boot messages written within
 * 4 ms had been marks spread across the plot, each said at the same second); a log of whole
 * seconds is not given `.000`.
 */
export function wallFine(times: readonly number[]): boolean {
	const min = Math.min(...times);
	const max = Math.max(...times);
	return max > min && max - min < SHORT_WALL && times.some((t) => t % 1000 !== 0);
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** whether the log's dates carry no year and the report's year is a placeholder, not shown */
const noYear = (year: AssumedYear | null) =>
	year !== null && !year.exact && year.source === 'placeholder';

/** a wall-clock time's date and time of day (to the millisecond when fine), as the axis says them */
function wallPartsOf(t: number, fine: boolean, year: AssumedYear | null): [string, string] {
	const iso = new Date(t).toISOString();
	const date = noYear(year)
		? `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}`
		: iso.slice(0, 10);
	return [date, iso.slice(11, fine ? 23 : 19)];
}

/**
 * A time on a wall-clock axis: `2021-11-21 11:58:33 UTC`, or `2024-12-17 23:43:18.752 UTC` when
 * fine. Of a log whose dates carry no year (`input.assumed_year`, not exact), the year the report
 * gave them is not said as a fact: `Nov 21 11:58:33 UTC` without it (the placeholder), `2022-02-09
 * 10:42:36 UTC (year 2022 or later)` for a lower bound (the build date, the kernel release). The
 * axis and its marks had said "2000-11-21" of a syslog without years, where the finding's own
 * line said "(year not in the log)".
 */
export function wallText(t: number, fine: boolean, year: AssumedYear | null = null): string {
	const [date, time] = wallPartsOf(t, fine, year);
	const bound = year !== null && !year.exact && !noYear(year);
	return `${date} ${time} UTC${bound ? ` (year ${date.slice(0, 4)} or later)` : ''}`;
}

/**
 * A wall-clock axis in words: `2021-11-21 11:58:33 – 15:24:24 UTC`, the second date said only
 * when it differs from the first (`2021-11-21 23:10:00 – 2021-11-22 01:02:03 UTC`), one time when
 * its marks are all at one; of a log without years, `Nov 21 11:58:33 – 15:24:24 UTC` (yearNote
 * says why).
 */
export function wallAxisText(
	min: number,
	max: number,
	fine: boolean,
	year: AssumedYear | null = null
): string {
	const [d1, t1] = wallPartsOf(min, fine, year);
	if (max <= min) return `${d1} ${t1} UTC`;
	const [d2, t2] = wallPartsOf(max, fine, year);
	return `${d1} ${t1} – ${d1 === d2 ? '' : `${d2} `}${t2} UTC`;
}

/**
 * What a wall-clock axis says of its year when the log's dates carry none, as the line under a
 * finding's title does (`wallParts`): `year not in the log`, or `year not in the log: 2022 or
 * later`; null when the year is the log's own.
 */
export function yearNote(year: AssumedYear | null, t: number): string | null {
	if (year === null || year.exact) return null;
	if (noYear(year)) return 'year not in the log';
	return `year not in the log: ${new Date(t).toISOString().slice(0, 4)} or later`;
}
