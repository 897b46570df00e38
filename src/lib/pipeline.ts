import { Analyzer, scanTriggers } from './analysis/engine.ts';
import { assembleResult } from './analysis/result.ts';
import {
	compressionNameNote,
	decodeBytes,
	InputError,
	textSource,
	DEFAULT_LIMITS,
	type DecodeLimits
} from './ingestion/decode.ts';
import { Ingestor, type IngestOptions } from './ingestion/ingestor.ts';
import { LineSplitter, MAX_CARRY } from './ingestion/lines.ts';
import { bootAfterUnwrap } from './ingestion/ring.ts';
import type { AnalysisResult } from './models/report.ts';
import { anonymizeReport, NameCollector, type AnonymizeOptions } from './util/anonymize.ts';
import { groupDigits } from './util/text.ts';

export interface Progress {
	/** input bytes consumed (compressed bytes for .gz, .zst and .xz) */
	bytes: number;
	/** total input bytes when known, else null */
	totalBytes: number | null;
	lines: number;
	done: boolean;
	/**
	 * true from where a damaged .gz is read a second time, from its first byte (see decode.ts,
	 * gunzipChecked): bytes and lines start again from 0, and the page and the CLI say so
	 */
	again?: boolean;
}

export interface AnalyzeOptions extends IngestOptions {
	/** shown in the report as input.name (a file name); never used to guess the format */
	name?: string | null;
	totalBytes?: number | null;
	limits?: DecodeLimits;
	onProgress?: (p: Progress) => void;
	/** how often to report progress, in lines */
	progressEvery?: number;
	/**
	 * checked between chunks; return true to stop reading and get the report of what was read so
	 * far (it says so in input.warnings)
	 */
	stopRequested?: () => boolean;
	/**
	 * awaited between decoded windows, before stopRequested is checked: the worker lets its event
	 * loop run here, since a decompressed stream can deliver its windows without ever giving it a
	 * turn, and a Stop request (a message) would wait for the whole file
	 */
	pause?: () => Promise<void>;
	/** replace personal and identifying data in the report (see util/anonymize.ts, docs/OUTPUT.md) */
	anonymize?: boolean | AnonymizeOptions;
	/**
	 * the input again from its first byte (a file read again): a .gz the platform's decoder fails
	 * on is read a second time, the same way whatever the chunks (see decode.ts, gunzipChecked);
	 * without it, the compressed bytes are kept as they are read (up to 64 MiB) for that
	 */
	reread?: () => AsyncIterable<Uint8Array>;
}

/** non-breaking spaces read as spaces from which the report says so (see LineSplitter.split) */
const NBSP_NOTE = 16;
/** input bytes between progress reports while an archive's other members are passed over */
const SKIP_PROGRESS_BYTES = 1 << 22;
/** The note on an input with no lines at all (see analyzeStream). */
export const EMPTY_INPUT =
	'The input is empty: there is nothing to analyse. On many distributions `dmesg` run without root writes nothing to a file (it says "Operation not permitted" on the terminal): save the log with `sudo dmesg > dmesg.txt` or `sudo journalctl -k -b > kernel.txt`.';

/**
 * The start of the note of an input read only in part (a compressed file damaged or cut after
 * some lines, one decompressing past the limit, a read error, a stopped analysis): the CLI exits
 * 2 for it, as for an input it cannot read at all.
 */
export const INCOMPLETE_NOTE = 'Incomplete: ';

/**
 * The whole pipeline over a stream of bytes: decode (gzip, zstd, xz; UTF-8) -> lines ->
 * ingestion -> analysis -> report. Nothing but counters, open reports and findings is kept in
 * memory.
 */
export async function analyzeStream(
	source: AsyncIterable<Uint8Array>,
	opts: AnalyzeOptions = {}
): Promise<AnalysisResult> {
	// anonymization learns host and user names from every line, and the host of every syslog or
	// journal prefix (other programs' lines too); nothing runs when it is off
	const names = opts.anonymize ? new NameCollector() : null;
	const start = () => {
		const analyzer = new Analyzer();
		const ingestor = new Ingestor(
			{
				record: (r, hint) => analyzer.record(r, hint),
				block: (b) => analyzer.block(b),
				program: (r, boot) => analyzer.program(r, boot)
			},
			{
				...opts,
				scan: scanTriggers,
				observe: names
					? (r) => {
							if (r.host !== '') names.host(r.host);
						}
					: undefined
			}
		);
		const splitter = new LineSplitter(
			names
				? (l, nul) => {
						names.line(l);
						ingestor.pushLine(l, nul);
					}
				: (l, nul) => ingestor.pushLine(l, nul)
		);
		return { analyzer, ingestor, splitter };
	};
	// an archive member that replaces another (a better kernel log met later, see archive.ts)
	// starts the analysis again
	let { analyzer, ingestor, splitter } = start();
	let bytes = 0;
	const every = opts.progressEvery ?? 50_000;
	let nextReport = every;
	let nextBytes = SKIP_PROGRESS_BYTES;
	/** the second reading of a damaged .gz has started */
	let again = false;
	const report = (done: boolean) =>
		opts.onProgress?.({
			bytes,
			totalBytes: opts.totalBytes ?? null,
			lines: ingestor.linesDone,
			done,
			...(again ? { again } : {})
		});
	let stoppedBecause: string | null = null;
	const notes: string[] = [];
	/** the input is a binary format whose text is only fragments (see notTextAdvice) */
	let fragments = false;
	try {
		for await (const text of decodeBytes(
			source,
			opts.limits ?? DEFAULT_LIMITS,
			(n) => (bytes += n),
			(note, readable) => {
				notes.push(note);
				if (!readable) fragments = true;
			},
			(_member, replaces) => {
				if (replaces === null) return;
				({ analyzer, ingestor, splitter } = start());
				nextReport = every;
			},
			(kind) => {
				// a name that says compressed, on bytes that are not (or another compression)
				const note = compressionNameNote(opts.name ?? null, kind);
				if (note !== null) notes.push(note);
			},
			{
				// a damaged .gz read a second time, from its first byte: all starts again
				restart: () => {
					({ analyzer, ingestor, splitter } = start());
					notes.length = 0;
					fragments = false;
					bytes = 0;
					nextReport = every;
					nextBytes = SKIP_PROGRESS_BYTES;
					// said at once: the bar goes back to 0 with a word of why
					again = true;
					report(false);
				},
				source: opts.reread
			}
		)) {
			if (opts.pause) await opts.pause();
			if (opts.stopRequested?.()) {
				stoppedBecause = 'the analysis was stopped';
				break;
			}
			if (text === '') {
				// an archive's other members are passed over (see archiveText): progress in bytes
				if (bytes >= nextBytes) {
					nextBytes = bytes + SKIP_PROGRESS_BYTES;
					report(false);
				}
				continue;
			}
			splitter.push(text);
			if (ingestor.linesDone >= nextReport) {
				nextReport = ingestor.linesDone + every;
				report(false);
			}
		}
	} catch (e) {
		// a damaged or oversized compressed input: keep what was read before the problem
		if (!(e instanceof InputError) || ingestor.linesDone === 0) throw e;
		stoppedBecause = e.message;
	}
	splitter.end();
	const { input, metadata, wallClock, bitFlipped, wrappedBoots, notKernel } = ingestor.finish();
	// what the input is, when it is not a text log, comes first
	input.warnings.unshift(...notes);
	if (stoppedBecause !== null) {
		input.warnings.push(
			`${INCOMPLETE_NOTE}${stoppedBecause.replace(/\.$/, '')}. This report covers only the first ${groupDigits(input.lines_total)} ${input.lines_total === 1 ? 'line' : 'lines'}.`
		);
	}
	if (splitter.cutLines > 0) {
		input.warnings.push(
			`${groupDigits(splitter.cutLines)} ${splitter.cutLines === 1 ? 'line is' : 'lines are'} longer than ${groupDigits(MAX_CARRY)} characters: only ${splitter.cutLines === 1 ? 'its' : 'their'} first ${groupDigits(MAX_CARRY)} were read, ${groupDigits(splitter.cutChars)} characters after them were passed over (a text log has no such lines: is this a kernel log?).`
		);
	}
	// a few are a program's own (a localised `176,4\u00a0MB`): no copy changed the log then
	if (splitter.nbsp >= NBSP_NOTE) {
		input.warnings.push(
			'The text holds non-breaking spaces (U+00A0) where a log has spaces, as a copy from a web page, a mail or a word processor leaves them: they were read as spaces.'
		);
	}
	input.bytes = bytes;
	if (input.lines_total === 0 && notes.length === 0 && stoppedBecause === null) {
		// an empty file (or a compressed one that holds nothing): what `dmesg > file` gives a user
		// whose distribution restricts the kernel log to root
		input.warnings.push(EMPTY_INPUT);
	}
	if (analyzer.droppedFindings > 0) {
		input.warnings.push(
			`${analyzer.droppedFindings} occurrences of further distinct findings were not kept (limit reached).`
		);
	}
	const findings = analyzer.finish(metadata, wallClock, bootAfterUnwrap(wrappedBoots));
	report(true);
	const result = assembleResult({
		input,
		metadata,
		findings,
		name: opts.name ?? null,
		notText: fragments || notKernel,
		bitFlipped,
		partial: stoppedBecause !== null
	});
	if (!names) return result;
	return anonymizeReport(result, names, opts.anonymize === true ? {} : opts.anonymize || {});
}

/** Analyse a string (tests, pasted text). */
export function analyzeText(text: string, opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
	return analyzeStream(textSource(text), opts);
}

export { InputError };
