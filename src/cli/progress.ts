import type { Progress } from '../lib/index.ts';
import { groupDigits } from '../lib/util/text.ts';

/** a run shorter than this shows no progress at all */
const DELAY_MS = 1000;
/** at most this often */
const EVERY_MS = 250;

/**
 * A progress line for a long analysis, on standard error when it is a terminal (a person waits
 * there; a script's or CI job's stderr gets nothing): `necroscope: big.log: 412 MB of 1,024 MB
 * (40%), 3,120,000 lines`, rewritten in place, and erased before anything else is written. A
 * 1 GB log had shown nothing for a minute or more.
 */
export class ProgressLine {
	private readonly start = Date.now();
	private last = 0;
	private shown = false;

	constructor(
		private readonly out: { write(s: string): unknown },
		private readonly label: string,
		/** the input's size when known (a regular file), compressed bytes for a compressed one */
		private readonly total: number | null
	) {}

	update = (p: Progress): void => {
		const now = Date.now();
		if (p.done || now - this.start < DELAY_MS || now - this.last < EVERY_MS) return;
		this.last = now;
		this.shown = true;
		const mb = (n: number) => groupDigits(n / 1e6);
		const read =
			this.total !== null && this.total > 0
				? `${mb(p.bytes)} MB of ${mb(this.total)} MB (${Math.floor((p.bytes * 100) / this.total)}%)`
				: `${mb(p.bytes)} MB`;
		// a damaged .gz read a second time starts again from 0: said, not a silent jump back
		const again = p.again ? 'reading again (damaged compressed data), ' : '';
		this.out.write(
			`\r\x1b[Knecroscope: ${this.label}: ${again}${read}, ${groupDigits(p.lines)} lines`
		);
	};

	/** erase the line, if one was shown */
	clear(): void {
		if (this.shown) this.out.write('\r\x1b[K');
		this.shown = false;
	}
}
