import type { LogRecord } from '../models/log-record.ts';
import type { Boot, LogMetadata } from '../models/metadata.ts';
import { RESET_MAX_S } from './tracker.ts';

/**
 * A ring buffer read from the wrong place. A console-ramoops (or last_kmsg) buffer is written
 * round and round; read from the byte after the last write, it gives the oldest surviving text
 * first. Read from another place (its saved position lost), the file starts inside the boot,
 * goes on to the last message written (`reboot: Restarting system` at 42.7 s), and then has the
 * oldest part of the same boot (from 3.8 s, its first seconds overwritten), which ends where the
 * file began. While streaming, that looks like a reboot: the time drops to 3.8 s. Only the end of
 * the input tells, so `RingWrap` notes what it needs as records pass and `wrappedBoot` decides
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
 * The second boot is then the oldest part of the first, and is counted in it.
 */
export class RingWrap {
	/** line 1 has no kernel prefix: unparsed, or bare before the first prefixed line */
	private firstLineFragment = false;
	private firstTs = NaN;
	private lastTs = NaN;
	/** the boot of the latest record, and the time of that boot's first timed record */
	private boot = -1;
	private bootFirstTs = NaN;

	/** Look at one record after the tracker has given it its boot. */
	observe(rec: LogRecord): void {
		if (rec.line === 1)
			this.firstLineFragment =
				rec.kind === 'unparsed' || (rec.kind === 'kernel' && rec.format === 'bare');
		if (rec.kind !== 'kernel') return;
		const ts = rec.ts;
		if (Number.isNaN(ts)) return;
		if (Number.isNaN(this.firstTs)) this.firstTs = ts;
		this.lastTs = ts;
		if (rec.boot !== this.boot) {
			this.boot = rec.boot;
			this.bootFirstTs = ts;
		}
	}

	/** The index of the boot that is the wrapped buffer's oldest part (see above), or -1. */
	wrappedBoot(boots: readonly Boot[], banner: (boot: number) => boolean): number {
		if (boots.length !== 2) return -1;
		// a late drop (at RESET_MAX_S or later) is a reset only since it can be a pasted excerpt of
		// another boot: a wrap there, whose oldest part starts late too, needs no cut first line
		if (!this.firstLineFragment && !(this.bootFirstTs >= RESET_MAX_S)) return -1;
		const [first, second] = boots;
		if (banner(first.index) || banner(second.index)) return -1;
		if (second.reason !== 'timestamp-reset' || this.boot !== 1) return -1;
		if (!(this.bootFirstTs >= WRAP_LATE_START_S)) return -1;
		const gap = this.firstTs - this.lastTs;
		return gap >= 0 && gap <= WRAP_GAP_S ? 1 : -1;
	}

	/**
	 * Count the wrapped boot (see wrappedBoot) in boot 0, in `meta.boots`, and return what the
	 * report says of it; null (nothing changed) when the log is no wrapped buffer. The records
	 * already passed on keep the boot they had: the report's findings are renumbered with it.
	 */
	unwrap(
		meta: LogMetadata,
		banner: (boot: number) => boolean
	): { boot: number; warning: string } | null {
		const boots = meta.boots;
		const k = this.wrappedBoot(boots, banner);
		// a wall clock of its own would be another boot's
		if (k < 0 || meta.calibration.some((c) => c.boot === k)) return null;
		const [first, second] = boots;
		const warning =
			`The log is a ring buffer read from the wrong place: its end continues at its start (its last time stamp, ${this.lastTs.toFixed(6)} s, comes just before its first, ${this.firstTs.toFixed(6)} s). ` +
			`Lines ${second.first_line}-${second.last_line} are the oldest part of the buffer, printed before line 1: they are counted in boot 0, not as another boot.`;
		first.first_line = Math.min(first.first_line, second.first_line);
		first.last_line = Math.max(first.last_line, second.last_line);
		first.kernel_version ??= second.kernel_version;
		boots.splice(k, 1);
		return { boot: k, warning };
	}
}

/** the wrapped boot's first time stamp is at least this (s): its start was overwritten */
const WRAP_LATE_START_S = 1;
/** the input's last time stamp is at most this (s) before its first */
const WRAP_GAP_S = 1;
