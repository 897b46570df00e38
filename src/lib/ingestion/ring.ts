import type { LogRecord } from '../models/log-record.ts';
import type { Boot, LogMetadata } from '../models/metadata.ts';
import { RESET_MAX_S, RESET_NEAR_ZERO_S } from './tracker.ts';

/**
 * A ring buffer read from the wrong place. A console-ramoops (or last_kmsg) buffer is written
 * round and round; read from the byte after the last write, it gives the oldest surviving text
 * first. Read from another place (its saved position lost), the file starts inside the boot,
 * goes on to the last message written (`reboot: Restarting system` at 42.7 s), and then has the
 * oldest part of the same boot (from 3.8 s, its first seconds overwritten), which ends where the
 * file began. While streaming, that looks like a reboot: the time drops to 3.8 s. Only the end of
 * the input tells, so `RingWrap` notes what it needs as records pass and `wrappedBoots` decides
 * at the end, when all of these hold (each a sign that the other reading is impossible):
 *
 * - the log has two boots and neither prints a `Linux version` banner (a wrapped buffer lost
 *   its boot's start; a reboot seen whole prints one);
 * - the second starts by a drop of the time to no less than WRAP_LATE_START_S (a boot seen from
 *   its start begins near 0 s; one whose start is missing was cut by the buffer);
 * - the first line of the input has no prefix (the rest of a record the wrap cut), or the second
 *   boot starts at RESET_MAX_S or later (a drop that far is a reset only in one source, see
 *   tracker.ts, which had been no reset before: the gap below tells);
 * - the last time stamp of the input is at most WRAP_GAP_S before the first one: the end of the
 *   file continues into its start.
 *
 * The second boot is then the oldest part of the first, and is counted in it. The same holds of
 * a buffer among other logs (a console-ramoops after a pstore dump, or before it, see
 * pastedWrap): the wrapped part is then counted in the boot before it, which starts that log.
 *
 * Two excerpts of one boot pasted in reverse order (`dmesg | tail` first, then lines from
 * earlier in the same dmesg) look the same while streaming, with any gap between the end of the
 * second and the start of the first. The kernel's time goes back only at a reboot, and dmesg
 * prints a boot's records in the order of their times (records of other CPUs may be a little out
 * of order, never by seconds), so such a drop inside one paste is either another boot or pieces
 * put together out of order, and the text does not tell which: a second boot's excerpt that
 * starts seconds in (its start not copied) and ends before the first excerpt's time looks the
 * same. The log stays two boots (a boot's reports are not mixed with another's on a guess), and
 * when the second could be the first's earlier part (it starts at RESET_NEAR_ZERO_S or later,
 * ends no later than the first begins, neither prints a banner, they do not name different
 * kernels, the first did not end with a reboot, power-off or panic, and the second has no wall
 * clock of its own) a warning says so: which lines, and to paste them in order, or to read the
 * two boots as one.
 */
export class RingWrap {
	/** line 1 has no kernel prefix: unparsed, or bare before the first prefixed line */
	private firstLineFragment = false;
	private firstTs = NaN;
	private lastTs = NaN;
	/** the boot of the latest record, and the time of that boot's first timed record */
	private boot = -1;
	private bootFirstTs = NaN;
	/** the time of the last timed record before the latest boot's first */
	private dropFrom = NaN;
	/**
	 * each boot's timed records, by boot (see pastedWrap): its first time and first timed line,
	 * and its last time (of its last timed record in the input's order); a boot without a timed
	 * record has none
	 */
	private readonly timed: Array<{ firstTs: number; firstLine: number; lastTs: number }> = [];
	/** the entry of `timed` of the latest record's boot */
	private current: { lastTs: number } | null = null;

	/** Look at one record after the tracker has given it its boot. */
	observe(rec: LogRecord): void {
		if (rec.line === 1)
			this.firstLineFragment =
				rec.kind === 'unparsed' || (rec.kind === 'kernel' && rec.format === 'bare');
		if (rec.kind !== 'kernel') return;
		const ts = rec.ts;
		if (Number.isNaN(ts)) return;
		if (Number.isNaN(this.firstTs)) this.firstTs = ts;
		if (rec.boot !== this.boot) this.bootChanged(rec, ts);
		(this.current as { lastTs: number }).lastTs = ts;
		this.lastTs = ts;
	}

	/**
	 * The first timed record of a boot (see observe). A method of its own, called once a boot and
	 * so not inlined: its store past the end of `timed` (a boot without a timed record leaves a
	 * hole) had thrown away the optimised code of the ingestor's per-record function, which
	 * inlines `observe`, at the first boot after that code was compiled.
	 */
	private bootChanged(rec: LogRecord, ts: number): void {
		this.boot = rec.boot;
		this.bootFirstTs = ts;
		this.dropFrom = this.lastTs;
		let b = this.timed[rec.boot];
		if (b === undefined)
			this.timed[rec.boot] = b = { firstTs: ts, firstLine: rec.line, lastTs: ts };
		this.current = b;
	}

	/**
	 * The indices of the boots that are a wrapped buffer's oldest part (see above), in order; none
	 * of them has a wall clock of its own (`calibrated`), which would be another boot's.
	 */
	wrappedBoots(
		boots: readonly Boot[],
		banner: (boot: number) => boolean,
		calibrated: (boot: number) => boolean
	): number[] {
		const n = boots.length;
		if (n === 2) return this.kind(boots, banner) === 'wrap' && !calibrated(1) ? [1] : [];
		const out: number[] = [];
		for (let k = 1; k < n; k++)
			if (this.pastedWrap(boots, banner, k) && !calibrated(k)) out.push(k);
		return out;
	}

	/**
	 * A wrapped buffer among other logs: boot `k` is the oldest part of the one before it when
	 * that one starts a log (the input's first, or another log pasted after one, `shape-change`:
	 * a pstore dump, then its console-ramoops), `k` is the input's last boot or the boot after it
	 * starts another log (the buffer's text ends where the file began, so whatever follows is
	 * another log: a `shape-change`, a banner, a journal's boot; not a drop of the time, which may
	 * be the restart of a boot `k` of its own), and the conditions above hold with that log's first
	 * line, first time and last time for the input's. Its first line has no time of its own when it
	 * is not its first timed record (the rest of a record the wrap cut: text after a dump, or after
	 * `tail`'s label, which is in no boot). Each wrapped buffer of the input is so found (two
	 * listings of /sys/fs/pstore pasted one after the other).
	 */
	private pastedWrap(
		boots: readonly Boot[],
		banner: (boot: number) => boolean,
		k: number
	): boolean {
		const log = boots[k - 1];
		if (!(k === 1 || log.reason === 'shape-change') || boots[k].reason !== 'timestamp-reset')
			return false;
		if (k < boots.length - 1 && boots[k + 1].reason === 'timestamp-reset') return false;
		const head = this.timed[k - 1];
		const w = this.timed[k];
		if (head === undefined || w === undefined) return false;
		if (banner(k - 1) || banner(k)) return false;
		if (!(w.firstTs >= WRAP_LATE_START_S)) return false;
		const gap = head.firstTs - w.lastTs;
		if (!(gap >= 0 && gap <= WRAP_GAP_S)) return false;
		return log.first_line < head.firstLine || w.firstTs >= RESET_MAX_S;
	}

	/**
	 * What the log's second boot is: the oldest part of a wrapped ring buffer (`wrap`), the earlier
	 * part of the first boot pasted after it (`reversed`), or a boot of its own (null). See above.
	 */
	private kind(
		boots: readonly Boot[],
		banner: (boot: number) => boolean
	): 'wrap' | 'reversed' | null {
		if (boots.length !== 2) return null;
		const [first, second] = boots;
		if (banner(first.index) || banner(second.index)) return null;
		if (second.reason !== 'timestamp-reset' || this.boot !== 1) return null;
		if (!(this.bootFirstTs >= WRAP_LATE_START_S)) return null;
		const gap = this.firstTs - this.lastTs;
		if (!(gap >= 0)) return null;
		// a late drop (at RESET_MAX_S or later) is a reset only since it can be a pasted excerpt of
		// another boot: a wrap there, whose oldest part starts late too, needs no cut first line
		if (gap <= WRAP_GAP_S && (this.firstLineFragment || this.bootFirstTs >= RESET_MAX_S))
			return 'wrap';
		if (!(this.bootFirstTs >= RESET_NEAR_ZERO_S)) return null;
		const k0 = first.kernel_version;
		const k1 = second.kernel_version;
		return k0 !== null && k1 !== null && k0 !== k1 ? null : 'reversed';
	}

	/**
	 * What the report says when the log's second boot may be the first's earlier part pasted after
	 * it (see above), or null. `ended`: the first boot's last line announced a reboot, power-off
	 * or panic (the drop after it is a reboot).
	 */
	reversedNote(
		meta: LogMetadata,
		banner: (boot: number) => boolean,
		ended: boolean
	): string | null {
		if (ended || this.kind(meta.boots, banner) !== 'reversed') return null;
		if (meta.calibration.some((c) => c.boot === 1)) return null;
		const second = meta.boots[1];
		return (
			`The kernel's time goes back at line ${second.first_line}, from ${this.dropFrom.toFixed(6)} s to ${this.bootFirstTs.toFixed(6)} s, with no sign of a reboot (no \`Linux version\` banner, no journal boot marker, no start near 0 s, no restart or panic before it), and lines ${second.first_line}-${second.last_line} end (${this.lastTs.toFixed(6)} s) before the log's first time (${this.firstTs.toFixed(6)} s). ` +
			`The kernel's time goes back only when it boots again, and dmesg prints a boot's messages in the order of their times: these are two excerpts, of two boots, or of one boot pasted in reverse order, which the text does not tell apart. They are counted as two boots; if they are one, paste them in the order of their times.`
		);
	}

	/**
	 * Count each wrapped boot (see wrappedBoots) in the boot before it (boot 0, or the log pasted
	 * after another), in `meta.boots`, and return them (their indices before, in order) and what
	 * the report says of each; null (nothing changed) when the log holds no wrapped buffer. The
	 * records already passed on keep the boot they had: the report's findings are renumbered with
	 * them (bootAfterUnwrap).
	 */
	unwrap(
		meta: LogMetadata,
		banner: (boot: number) => boolean
	): { boots: number[]; warnings: string[] } | null {
		const boots = meta.boots;
		const n = boots.length;
		const wrapped = this.wrappedBoots(boots, banner, (k) =>
			meta.calibration.some((c) => c.boot === k)
		);
		if (wrapped.length === 0) return null;
		const to = bootAfterUnwrap(wrapped);
		const warnings = wrapped.map((k) => {
			const first = boots[k - 1];
			const second = boots[k];
			if (n === 2)
				return (
					`The log is a ring buffer read from the wrong place: its end continues at its start (its last time stamp, ${this.lastTs.toFixed(6)} s, comes just before its first, ${this.firstTs.toFixed(6)} s). ` +
					`Lines ${second.first_line}-${second.last_line} are the oldest part of the buffer, printed before line 1: they are counted in boot 0, not as another boot.`
				);
			return (
				`The log ${k === 1 ? 'from its start' : `pasted from line ${first.first_line} on`}${k < n - 1 ? ` up to line ${second.last_line}` : ''} is a ring buffer read from the wrong place: its end continues at its start (its last time stamp, ${this.timed[k].lastTs.toFixed(6)} s, comes just before its first, ${this.timed[k - 1].firstTs.toFixed(6)} s). ` +
				`Lines ${second.first_line}-${second.last_line} are the oldest part of the buffer, printed before line ${first.first_line}: they are counted in boot ${to(k - 1)}, not as another boot.`
			);
		});
		for (const k of wrapped) {
			const first = boots[k - 1];
			const second = boots[k];
			first.first_line = Math.min(first.first_line, second.first_line);
			first.last_line = Math.max(first.last_line, second.last_line);
			if (first.kernel_version === null) {
				first.kernel_version = second.kernel_version;
				first.kernel_build = second.kernel_build;
			}
			first.hypervisor ??= second.hypervisor;
			first.physical = first.physical === true || second.physical === true;
		}
		// the boots after each (a log pasted after the buffer) move down
		for (let i = wrapped.length - 1; i >= 0; i--) boots.splice(wrapped[i], 1);
		boots.forEach((b, i) => (b.index = i));
		for (const c of meta.calibration) c.boot = to(c.boot);
		return { boots: wrapped, warnings };
	}
}

/**
 * The boot, as the report numbers them, of a record or report that streaming gave boot `b`, when
 * `wrapped` (in order) are the oldest parts of wrapped buffers, each now counted in the boot
 * before it (RingWrap.unwrap): the boots after each move down by one.
 */
export function bootAfterUnwrap(wrapped: readonly number[]): (b: number) => number {
	if (wrapped.length === 0) return (b) => b;
	return (b) => {
		let d = 0;
		for (const k of wrapped) if (k <= b) d++;
		return b - d;
	};
}

/** the wrapped boot's first time stamp is at least this (s): its start was overwritten */
const WRAP_LATE_START_S = 1;
/** the input's last time stamp is at most this (s) before its first */
const WRAP_GAP_S = 1;
