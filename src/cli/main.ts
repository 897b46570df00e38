import { createReadStream, existsSync, fstatSync, statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import {
	analyzeStream,
	DEFAULT_LIMITS,
	InputError,
	type AnalysisResult,
	type AnalyzeOptions
} from '../lib/index.ts';
import { SEVERITIES, severityRank, type Severity } from '../lib/models/finding.ts';
import { OUTPUT_FORMATS, schemaText, type OutputFormat } from '../lib/output/index.ts';
import { GENERATOR } from '../lib/analysis/result.ts';
import { SCHEMA_VERSION } from '../lib/models/report.ts';
import { concatBytes } from '../lib/util/bytes.ts';
import { decompressed } from '../lib/ingestion/decode.ts';
import {
	compressionOf,
	compressedReadableReportError,
	decompressedReportText,
	type Compression,
	MAX_REPORT_BYTES,
	readableReportKind,
	readReport,
	REPORT_HEAD_BYTES,
	startsAsReport,
	type ReportRead
} from '../lib/output/report-file.ts';
import { markRoutineOfOldReport } from '../lib/output/routine-of-old-reports.ts';
import { inert } from '../lib/output/common.ts';
import { findingLines, linesCut } from '../lib/output/finding-lines.ts';
import { INCOMPLETE_NOTE } from '../lib/pipeline.ts';
import { describeFileError, describeOutDirError } from './errors.ts';
import { endBetweenWrites, fileIdentity, makeDir, OutputNames, writeWhole } from './files.ts';
import { ProgressLine } from './progress.ts';
import { closest } from './suggest.ts';

/**
 * How this CLI was started, for the usage and its examples (pasted, they run the same way):
 * `npm run -s cli --` from the repository's package script, else the name it was called by.
 */
function programName(): string {
	if (process.env.npm_lifecycle_event === 'cli') return 'npm run -s cli --';
	const script = process.argv[1] ?? '';
	if (script === '' || /^necroscope(?:\.[cm]?js)?$/.test(basename(script))) return 'necroscope';
	return `node ${relative(process.cwd(), script) || script}`;
}

function usage(prog: string): string {
	const indent = ' '.repeat('usage: '.length + prog.length + 1);
	return `usage: ${prog} [--format json|text|markdown] [--out-dir DIR] [--anonymize]
${indent}[--anonymize-pointers] [--fail-on SEVERITY] [--year YYYY]
${indent}[FILE...|-]
       ${prog} --lines ID [--anonymize] [--anonymize-pointers] [FILE|-]
       ${prog} --print-schema | --help | --version
  --format F             report format: text (default), json, or markdown (md)
                         for issues and mailing lists; --format=F works too
  --out-dir DIR          write one report per input, DIR/<file name without its
                         last extension>.txt|.json|.md (DIR is created); same
                         names get -2, -3 ... and an input is never written over
  --anonymize            replace host and user names, addresses, serials and
                         ids by placeholders
  --anonymize-pointers   also replace kernel pointers and the KASLR offset
                         (implies --anonymize)
  --fail-on SEVERITY     exit 1 when a report has a finding this severe or worse
                         (critical, high, medium, low, info); the reports are
                         written as usual. An input with no kernel log (an
                         empty dmesg saved without root) has no findings and
                         passes: check the JSON's summary.verdict for
                         no-kernel-log too
  --year YYYY            year of dates printed without one (syslog, journalctl
                         short, dmesg -e) when you know it; by default it is
                         read from the log
  --lines ID             write the log lines of finding ID (a crash's whole
                         report block as the kernel printed it, its first time)
                         instead of a report: the ID.txt its advice gives
                         decode_stacktrace.sh (an example below)
  --print-schema         print the report's JSON Schema and exit
  -h, --help             print this help and exit
  --version              print the version and exit
  FILE                   a kernel log: dmesg, journalctl -k, kern.log, console
                         or serial capture ...; gzip, Zstandard and xz files
                         are decompressed (recognised by their first bytes, not
                         their name), UTF-16 (with or without a byte order
                         mark) and CRLF line ends are read; a NecroScope JSON
                         report is rendered again in the --format asked
  -                      read standard input (the default when no FILE is given
                         and it is not a terminal); -- ends the options
examples:
  sudo dmesg | ${prog} --format json
  journalctl -k -b | ${prog} --fail-on high
  ${prog} --lines crash-0123abcd dmesg.log | ./scripts/decode_stacktrace.sh vmlinux
  ${prog} --out-dir reports --format markdown /var/log/kern.log*
exit status: 0 success, 1 a finding at or above --fail-on, 2 usage or input
             error (one line on stderr per error; with several inputs the
             others are still analysed; an input read in part, a truncated .gz
             or .xz, is one: its report is written), 3 internal error`;
}

class UsageError extends Error {}

interface Options {
	format: OutputFormat;
	outDir: string | null;
	anonymize: boolean;
	pointers: boolean;
	printSchema: boolean;
	help: boolean;
	version: boolean;
	/** exit 1 when a finding is at least this severe (null: never) */
	failOn: Severity | null;
	/** year of dates printed without one (AnalyzeOptions.year), null: read from the log */
	year: number | null;
	/** the finding whose log lines are written instead of a report (--lines), or null */
	lines: string | null;
	files: string[];
}

/** years --year accepts: from before the first Linux kernel log to far ahead */
const MIN_YEAR = 1970;
const MAX_YEAR = 2100;

/** the options that take a value */
const VALUE_OPTIONS = ['--format', '--out-dir', '--fail-on', '--year', '--lines'];
const FLAG_OPTIONS = [
	'--anonymize',
	'--anonymize-pointers',
	'--print-schema',
	'--help',
	'--version'
];

/** spellings other tools use for what is spelled otherwise here */
const OTHER_SPELLINGS: Record<string, string> = {
	'-f': '--format',
	'--json': '--format json',
	'--text': '--format text',
	'--markdown': '--format markdown',
	'--md': '--format markdown',
	'-o': '--out-dir',
	'--output': '--out-dir',
	'--output-dir': '--out-dir',
	'-v': '--version',
	'-V': '--version'
};

function unknownOption(a: string): UsageError {
	const eq = a.indexOf('=');
	const name = eq > 0 ? a.slice(0, eq) : a;
	if (FLAG_OPTIONS.includes(name)) return new UsageError(`${name} takes no value`);
	const meant = gluedValue(a) ?? spelledOtherwise(name);
	// `-f=json`, `-format=json`: the option meant, and the value given after it
	const value = eq > 0 ? a.slice(eq + 1) : '';
	const withValue =
		meant !== null && value !== '' && VALUE_OPTIONS.includes(meant) ? `${meant} ${value}` : meant;
	return new UsageError(
		`unknown option ${a}${withValue ? `: did you mean ${withValue}?` : ' (--help lists the options)'}`
	);
}

/** The option (or the spelling of OTHER_SPELLINGS) `name` is closest to, as it is spelled here. */
function spelledOtherwise(name: string): string | null {
	const other = Object.keys(OTHER_SPELLINGS).filter((k) => k.startsWith('--'));
	const meant =
		OTHER_SPELLINGS[name] ?? closest(name, [...VALUE_OPTIONS, ...FLAG_OPTIONS, ...other]);
	return meant === null ? null : (OTHER_SPELLINGS[meant] ?? meant);
}

/**
 * An option glued to its value, which this parser does not read: `-fjson` (a short option as
 * getopt reads it), `--formatjson`, `--format-json`, `--fail-on:high`, `--year2016`; the
 * options and value meant (`--format json`), or null. A value glued without a separator must be
 * one the option takes (`--formats` is a typo of `--format`, not `--format s`).
 */
function gluedValue(a: string): string | null {
	let option: string | undefined;
	let rest = '';
	let separated = false;
	const short = /^-([a-z])(.+)$/i.exec(a);
	if (short) {
		option = OTHER_SPELLINGS[`-${short[1].toLowerCase()}`];
		rest = short[2].replace(/^=/, '');
		separated = true;
	} else
		for (const o of VALUE_OPTIONS)
			if (a.length > o.length && a.toLowerCase().startsWith(o)) {
				option = o;
				rest = a.slice(o.length);
				separated = /^[-_:=]/.test(rest);
				rest = rest.replace(/^[-_:=]+/, '');
			}
	if (option === undefined || !VALUE_OPTIONS.includes(option) || rest === '') return null;
	if (option === '--format') {
		const f = closest(rest, [...Object.keys(OUTPUT_FORMATS), 'md']);
		return f === null ? null : `--format ${f}`;
	}
	if (option === '--fail-on') {
		const v = closest(rest, SEVERITIES);
		return v === null ? null : `--fail-on ${v}`;
	}
	if (option === '--year') return /^\d{4}$/.test(rest) ? `--year ${rest}` : null;
	return separated ? `${option} ${rest}` : null;
}

/**
 * An option typed with a dash a word processor or a web page made of `--` (`—format`, `–format`):
 * the shell passes it as a file name. Unless such a file exists it is a usage error naming the
 * option meant.
 */
function dashTypo(a: string): UsageError | null {
	const m = /^[\u2010-\u2015\u2212][-\u2010-\u2015\u2212]?([a-z][a-z-]*)(?:=.*)?$/i.exec(a);
	if (m === null || existsSync(a)) return null;
	const meant = spelledOtherwise(`--${m[1]}`);
	if (meant === null) return null;
	return new UsageError(
		`${a} is no option (its dash is not the ASCII '-'): did you mean ${meant}?`
	);
}

/**
 * `unknown format 'JSON': did you mean json? (json, text, markdown)`; for an empty value
 * (`--fail-on=`) the option's own name: it had been `--severity needs a value`, no option at all
 */
function badValue(option: string, what: string, v: string, choices: readonly string[]): UsageError {
	if (v === '') return new UsageError(`${option} needs a value (${choices.join(', ')})`);
	const meant = closest(v, choices);
	return new UsageError(
		`unknown ${what} '${v}'${meant ? `: did you mean ${meant}?` : ''} (${choices.join(', ')})`
	);
}

/**
 * An option given no value: for --format and --fail-on the values it takes (`--format needs a
 * value (json, text, markdown)`), as for an empty one (`--format=`, badValue)
 */
function needsValue(option: string): UsageError {
	if (option === '--format') return badValue(option, 'format', '', Object.keys(OUTPUT_FORMATS));
	if (option === '--fail-on') return badValue(option, 'severity', '', SEVERITIES);
	return new UsageError(`${option} needs a value`);
}

function isSeverity(v: string): v is Severity {
	return (SEVERITIES as readonly string[]).includes(v);
}

function isFormat(v: string): v is OutputFormat {
	return Object.prototype.hasOwnProperty.call(OUTPUT_FORMATS, v);
}

function parseArgs(argv: string[], stdinIsTerminal: boolean, prog: string): Options {
	const o: Options = {
		format: 'text',
		outDir: null,
		anonymize: false,
		pointers: false,
		printSchema: false,
		help: false,
		version: false,
		failOn: null,
		year: null,
		lines: null,
		files: []
	};
	let onlyFiles = false;
	let formatGiven = false;
	/** the arguments other than --version, --print-schema and --help (and `--`) */
	const others: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const eq = a.indexOf('=');
		const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
		const value = () => {
			if (eq > 0 && name !== a) return a.slice(eq + 1);
			const v = argv[i + 1];
			// `--format` last, or before another option (`--format --anonymize`): no value given;
			// only --out-dir takes a value that may start with `--` (a directory of that name)
			if (v === undefined || v === '' || (name !== '--out-dir' && v.startsWith('--')))
				throw needsValue(a);
			i++;
			return v;
		};
		if (a !== '--version' && a !== '--print-schema' && a !== '--help' && a !== '-h' && a !== '--')
			others.push(a);
		if (onlyFiles || a === '-' || !a.startsWith('-')) {
			const typo = onlyFiles ? null : dashTypo(a);
			if (typo) throw typo;
			o.files.push(a);
		} else if (a === '--') onlyFiles = true;
		else if (name === '--format') {
			formatGiven = true;
			const v = value();
			if (v === 'md') o.format = 'markdown';
			else if (isFormat(v)) o.format = v;
			else throw badValue(name, 'format', v, Object.keys(OUTPUT_FORMATS));
		} else if (name === '--out-dir') {
			o.outDir = value();
			if (o.outDir === '') throw new UsageError('--out-dir needs a value');
		} else if (name === '--fail-on') {
			const v = value();
			if (!isSeverity(v)) throw badValue(name, 'severity', v, SEVERITIES);
			o.failOn = v;
		} else if (name === '--year') {
			const v = value();
			// `--year=`: as `--year` with nothing after it (it had said "not ''")
			if (v === '') throw new UsageError(`${name} needs a value`);
			const y = /^\d{4}$/.test(v) ? Number(v) : NaN;
			if (!(y >= MIN_YEAR && y <= MAX_YEAR))
				throw new UsageError(`--year needs a year from ${MIN_YEAR} to ${MAX_YEAR}, not '${v}'`);
			o.year = y;
		} else if (name === '--lines') {
			// `--lines=`: it had looked for a finding of no id ("has no finding  (its ...)")
			o.lines = value();
			if (o.lines === '') throw new UsageError(`${name} needs a value`);
		} else if (a === '--anonymize') o.anonymize = true;
		else if (a === '--anonymize-pointers') o.anonymize = o.pointers = true;
		else if (a === '--print-schema') o.printSchema = true;
		else if (a === '-h' || a === '--help') o.help = true;
		else if (a === '--version') o.version = true;
		else throw unknownOption(a);
	}
	if (o.help) return o;
	if (o.version || o.printSchema) {
		// `--version extra`: what the extra was meant for is not done; `--version --print-schema`
		// prints one of them only
		const only = o.version ? '--version' : '--print-schema';
		const extra = o.version && o.printSchema ? '--print-schema' : others[0];
		if (extra !== undefined)
			throw new UsageError(
				`${only} takes no other argument (${inert(extra)}): give it alone, or leave it out`
			);
		return o;
	}
	if (o.files.length === 0) {
		// a script gets standard input; a person at a terminal would wait for nothing
		if (stdinIsTerminal)
			throw new UsageError(`no input: name a log FILE, or pipe one in (sudo dmesg | ${prog})`);
		o.files.push('-');
	}
	if (o.lines !== null) {
		// the lines go to standard output, to be saved as the file the advice names
		if (o.outDir !== null || o.files.length > 1)
			throw new UsageError(
				`--lines writes one input's lines to standard output: give one FILE, without --out-dir (> ${o.lines}.txt)`
			);
		if (formatGiven)
			throw new UsageError('--lines writes log lines, not a report: leave out --format');
	}
	if (o.files.length > 1 && !o.outDir) throw new UsageError('several inputs need --out-dir DIR');
	if (o.files.filter((f) => f === '-').length > 1)
		throw new UsageError('standard input (-) can be read only once');
	return o;
}

function checkReadable(file: string): void {
	// `necroscope "$LOG"` with LOG unset: the message names what was given
	if (file === '') throw new InputError('read', `'': no such file (an empty file name)`);
	if (file === '-') {
		// `necroscope < /var/log` reads nothing from a directory: it is no empty log
		let dir = false;
		try {
			dir = fstatSync(0).isDirectory();
		} catch {
			// no standard input to stat: reading it says why
		}
		if (dir) throw new InputError('read', 'standard input: is a directory');
		return;
	}
	let st;
	try {
		st = statSync(file);
	} catch (e) {
		throw new InputError('read', describeFileError(file, e));
	}
	if (st.isDirectory()) throw new InputError('read', `${file}: is a directory`);
}

async function* readSource(file: string): AsyncGenerator<Uint8Array> {
	const stream = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
	try {
		for await (const chunk of stream) yield chunk as Uint8Array;
	} catch (e) {
		throw new InputError('read', describeFileError(file === '-' ? 'standard input' : file, e));
	}
}

/**
 * A line on stderr, `necroscope: <message>`, its control characters, terminal escapes and bidi
 * controls shown as escapes (inert): a message names the input, and a file's name may hold them
 * (`*.log` of a downloaded folder); a newline in it had ended the line and dropped the reason.
 */
function say(message: string): void {
	process.stderr.write(`necroscope: ${inert(message)}\n`);
}

/** The one-line message of an error on stderr, and the exit status it gives. */
function report(e: unknown): number {
	if (e instanceof InputError) {
		say(e.message);
		return 2;
	}
	say(`internal error: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
	return 3;
}

/**
 * A reader that stopped reading (`necroscope big.log | head -1`) closes the pipe: the rest of
 * the output is dropped without the EPIPE stack trace Node prints for an unhandled stream
 * error, and the exit status stays that of the analysis.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
	stream.on('error', (e: NodeJS.ErrnoException) => {
		if (e.code === 'EPIPE') return;
		// a full disk (`> /dev/full`) or another failure of the output: one line, status 2
		if (stream !== process.stderr) say(`cannot write the report (${e.code ?? e.message})`);
		process.exit(2);
	});
}

/**
 * What reading one input gave: its report, and whether the input was read only in part (a .gz or
 * .xz damaged or cut after some lines, a read error), which is an input error (see incomplete).
 */
interface Analysed {
	result: AnalysisResult;
	/**
	 * what was read of an input read in part (its report's note without INCOMPLETE_NOTE), or null:
	 * read whole, or a report read back, whose notes are those of a log analysed elsewhere
	 */
	partial: string | null;
}

/**
 * The report of one input: a log is analysed; a NecroScope JSON report (the page's download, an
 * earlier `--format json`; the page's test, readReport) is read back as it is, to be rendered in
 * the format asked (`necroscope report.json --format markdown`).
 */
async function analyzeOne(file: string, o: Options): Promise<Analysed> {
	const label = file === '-' ? 'standard input' : file;
	const source = readSource(file);
	// the first bytes tell a report from a log; for a log they go to the analysis with the rest
	const head: Uint8Array[] = [];
	let headBytes = 0;
	let ended = false;
	while (headBytes < REPORT_HEAD_BYTES) {
		const next = await source.next();
		if (next.done) {
			ended = true;
			break;
		}
		head.push(next.value);
		headBytes += next.value.length;
	}
	const start = concatBytes(head);
	if (startsAsReport(start)) return readReportInput(label, head, ended ? null : source, o);
	// a text or Markdown report cannot be read back (only the JSON one): had been analysed as a log
	const kind = readableReportKind(new TextDecoder().decode(start.subarray(0, REPORT_HEAD_BYTES)));
	if (kind !== null)
		throw new InputError(
			'read',
			`${label}: is a NecroScope ${kind} report, not a kernel log (give the log, or the report's JSON, which is rendered again in the --format asked)`
		);
	const compression = compressionOf(start);
	if (compression !== null) {
		// a report mailed on as report.json.gz, .zst or .xz: its first compressed bytes tell (a
		// compressed log is not decompressed twice); only a report is read from them on
		const want = COMPRESSED_HEAD_BYTES[compression];
		while (!ended && headBytes < want) {
			const next = await source.next();
			if (next.done) ended = true;
			else {
				head.push(next.value);
				headBytes += next.value.length;
			}
		}
		const inner = await compressedStart(concatBytes(head).subarray(0, want), compression);
		// a compressed text or Markdown report (report.txt.gz): had been analysed as a log
		const innerKind = readableReportKind(
			new TextDecoder().decode(inner.subarray(0, REPORT_HEAD_BYTES))
		);
		if (innerKind !== null)
			throw new InputError('read', `${label}: ${compressedReadableReportError(innerKind)}`);
		if (startsAsReport(inner)) {
			const rest = ended ? null : source;
			let at = 0;
			const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
				async pull(c) {
					if (at < head.length) return c.enqueue(head[at++] as Uint8Array<ArrayBuffer>);
					const next = rest === null ? null : await rest.next();
					if (next === null || next.done) c.close();
					else c.enqueue(next.value as Uint8Array<ArrayBuffer>);
				}
			});
			let text: string | null;
			// bytes after its compressed data: the report is read whole, and the note says so
			let trailingNote: string | null = null;
			try {
				text = await decompressedReportText(stream, compression, (n) => (trailingNote = n));
			} catch (e) {
				throw new InputError('read', `${label}: ${(e as Error).message}`);
			}
			if (text !== null) {
				const report = await reportOf(label, await readReport(text), o);
				if (trailingNote !== null) say(`${label}: ${trailingNote}`);
				return report;
			}
			throw new InputError('read', `${label}: is a compressed file that could not be read`);
		}
	}
	async function* replay(): AsyncGenerator<Uint8Array> {
		yield* head;
		if (!ended) yield* source;
	}
	const name = file === '-' ? null : basename(file);
	// smaller decoding windows than the page's: less kept per kept line (see DecodeLimits)
	const opts: AnalyzeOptions = { name, limits: { ...DEFAULT_LIMITS, decodeWindow: 1 << 14 } };
	// a damaged .gz is read a second time (see AnalyzeOptions.reread); standard input is kept
	if (file !== '-') opts.reread = () => readSource(file);
	if (o.anonymize) opts.anonymize = { pointers: o.pointers };
	if (o.year !== null) opts.year = o.year;
	const progress = process.stderr.isTTY
		? new ProgressLine(process.stderr, inert(label), fileSize(file))
		: null;
	if (progress) opts.onProgress = progress.update;
	try {
		const result = await analyzeStream(replay(), opts);
		return { result, partial: partlyRead(result) };
	} catch (e) {
		// name the input in the one-line message (`x.gz: The compressed file is damaged ...`)
		if (e instanceof InputError && !e.message.startsWith(label))
			throw new InputError(e.code, `${label}: ${e.message}`);
		throw e;
	} finally {
		progress?.clear();
	}
}

/** the size of a regular file, for the progress line's percentage; null for a pipe or stdin */
function fileSize(file: string): number | null {
	try {
		const st = file === '-' ? fstatSync(0) : statSync(file);
		return st.isFile() ? st.size : null;
	} catch {
		return null;
	}
}

/**
 * the compressed bytes that tell a compressed report from a compressed log: for gzip and xz a
 * block header and the report's first 256 characters fit in far less, and 4 KiB of gzip
 * decompress to 4 MiB at most; Zstandard gives nothing before a block is whole, and a block
 * holds up to 128 KiB
 */
const COMPRESSED_HEAD_BYTES: Record<Compression, number> = {
	gzip: 4096,
	xz: 4096,
	zstd: 128 * 1024 + 64
};

/** what is decompressed of those bytes at most to tell (a Zstandard block of one repeated byte) */
const PROBE_LIMIT = 64 * 1024;

/**
 * What a compressed file's first bytes decompress to, as far as they go (REPORT_HEAD_BYTES tell
 * a NecroScope report); empty when they do not decompress.
 */
async function compressedStart(start: Uint8Array, kind: Compression): Promise<Uint8Array> {
	if (kind === 'gzip') {
		try {
			return gunzipSync(start, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
		} catch {
			return new Uint8Array(0);
		}
	}
	// the first bytes alone: the decoder ends with an error where they are cut, after their output
	const out: Uint8Array[] = [];
	let bytes = 0;
	const it = decompressed(
		(async function* () {
			yield start;
		})(),
		kind,
		PROBE_LIMIT
	);
	try {
		for await (const chunk of it) {
			out.push(chunk);
			bytes += chunk.length;
			if (bytes >= REPORT_HEAD_BYTES) break;
		}
	} catch {
		// cut there, or damaged: what came before tells
	}
	return concatBytes(out);
}

/** A NecroScope report input, whole: its report, or an InputError saying why it cannot be read. */
async function readReportInput(
	label: string,
	head: Uint8Array[],
	rest: AsyncGenerator<Uint8Array> | null,
	o: Options
): Promise<Analysed> {
	const chunks = [...head];
	let bytes = chunks.reduce((n, c) => n + c.length, 0);
	if (rest)
		for await (const chunk of rest) {
			bytes += chunk.length;
			if (bytes > MAX_REPORT_BYTES)
				throw new InputError(
					'read',
					`${label}: is a NecroScope report too large to read (over ${MAX_REPORT_BYTES / 1024 ** 2} MiB)`
				);
			chunks.push(chunk);
		}
	return reportOf(label, await readReport(new TextDecoder().decode(concatBytes(chunks))), o);
}

/**
 * The report of a report file read back, or an InputError saying why it cannot be used. Rendered
 * as text or Markdown, a report older than the `routine` key has its routine notices marked
 * (markRoutineOfOldReport); written as JSON it stays as it was.
 */
async function reportOf(label: string, r: ReportRead, o: Options): Promise<Analysed> {
	if (!r.ok) throw new InputError('read', `${label}: ${r.error}`);
	const report = r.report;
	// what these options change is made from the log, which a report no longer holds
	if (o.anonymize && !report.input.anonymization.enabled)
		throw new InputError(
			'read',
			`${label}: is a NecroScope report of a log analysed without --anonymize; anonymize the log itself`
		);
	if (o.year !== null)
		throw new InputError(
			'read',
			`${label}: is a NecroScope report: its dates were given their year when the log was analysed; give --year with the log`
		);
	if (r.newer !== null && o.format !== 'json')
		say(
			`${label}: a report of schema ${r.newer}, newer than this version's ${SCHEMA_VERSION}: what that version added is not shown`
		);
	if (o.format === 'json') return { result: report, partial: null };
	return { result: await markRoutineOfOldReport(report), partial: null };
}

async function main(prog: string): Promise<number> {
	quietOnClosedPipe(process.stdout);
	quietOnClosedPipe(process.stderr);
	const o = parseArgs(process.argv.slice(2), process.stdin.isTTY === true, prog);
	if (o.help) {
		process.stdout.write(usage(prog) + '\n');
		return 0;
	}
	if (o.version) {
		process.stdout.write(`necroscope ${GENERATOR.version} (report schema ${SCHEMA_VERSION})\n`);
		return 0;
	}
	if (o.printSchema) {
		process.stdout.write(schemaText());
		return 0;
	}
	const { extension, format } = OUTPUT_FORMATS[o.format];
	if (!o.outDir) {
		// one input, to standard output
		const file = o.files[0];
		checkReadable(file);
		const { result, partial } = await analyzeOne(file, o);
		process.stdout.write(o.lines === null ? format(result) : linesOf(file, result, o.lines));
		return Math.max(
			o.failOn !== null && hasFindingAtLeast(result.findings, o.failOn) ? 1 : 0,
			incomplete(file, partial)
		);
	}
	try {
		makeDir(o.outDir);
	} catch (e) {
		throw new InputError('read', describeOutDirError(o.outDir, e));
	}
	// every input is analysed even when another one cannot be read, as cat or grep do; the
	// exit status is the worst: 3 (a bug), 2 (an input that could not be read), 1 (--fail-on)
	let status = 0;
	endBetweenWrites();
	// `--out-dir logs - < logs/stdin.txt` must not write over standard input's file either
	const inputs = new Set(
		o.files.map((f) => fileIdentity(f === '-' ? 0 : f)).filter((id) => id !== null)
	);
	const names = new OutputNames(o.outDir, extension, inputs);
	for (const file of o.files) {
		let analysed;
		try {
			checkReadable(file);
			analysed = await analyzeOne(file, o);
		} catch (e) {
			status = Math.max(status, report(e));
			continue;
		}
		const { result, partial } = analysed;
		if (o.failOn !== null && hasFindingAtLeast(result.findings, o.failOn))
			status = Math.max(status, 1);
		status = Math.max(status, incomplete(file, partial));
		const { path, renamed } = names.next(file);
		// two reports of the same name would not tell which input each is from
		if (renamed !== null) say(`${file}: report ${path} (${renamed})`);
		try {
			writeWhole(path, format(result));
		} catch (e) {
			// the next report would fail the same way: stop
			throw new InputError('read', `${path}: cannot write (${(e as NodeJS.ErrnoException).code})`);
		}
	}
	return status;
}

/**
 * --lines: the log lines of one finding (findingLines: for a crash its first occurrence's report
 * block, as the kernel printed it, without the line prefixes; the page's Save crash report saves
 * the same), for `decode_stacktrace.sh vmlinux < ID.txt`; an id the report does not have is an
 * input error that names the ones it has.
 */
function linesOf(file: string, result: AnalysisResult, id: string): string {
	const label = file === '-' ? 'standard input' : file;
	const f = result.findings.find((x) => x.id === id);
	if (f === undefined) {
		const ids = result.findings.map((x) => x.id);
		const meant = closest(id, ids);
		const crashes = ids.filter((x) => x.startsWith('crash-'));
		const named = crashes.length ? crashes : ids;
		const list =
			named.slice(0, MAX_IDS_NAMED).join(', ') +
			(named.length > MAX_IDS_NAMED ? ` and ${named.length - MAX_IDS_NAMED} more` : '');
		throw new InputError(
			'read',
			`${label}: has no finding ${id}${meant ? `: did you mean ${meant}?` : ids.length ? ` (its ${crashes.length ? 'crash ' : ''}findings: ${list})` : ' (it has no findings)'}`
		);
	}
	// the file's last line says so too (linesCutNote), for whoever reads it later
	const cut = linesCut(f);
	if (cut !== null)
		say(
			`${label}: ${id}: its report runs to line ${cut.last}; the ${cut.kept} lines kept (to line ${cut.lastKept}) are written, and a last line that says so`
		);
	return findingLines(f);
}

/**
 * What was read of a log analysed here when it was read only in part (its report's note, without
 * INCOMPLETE_NOTE), or null: read whole, or no line read (an input that fails before its first
 * line is an InputError the analysis throws).
 */
function partlyRead(result: AnalysisResult): string | null {
	if (result.input.lines_total === 0) return null;
	const note = result.input.warnings.find((w) => w.startsWith(INCOMPLETE_NOTE));
	return note === undefined ? null : note.slice(INCOMPLETE_NOTE.length);
}

/**
 * An input read only in part (a .gz or .xz damaged or cut after some lines, a read error): its
 * report of the lines read is written, with its note, and it is an input error as one that
 * cannot be read at all (one line on stderr, status 2), so that a script or --fail-on does not
 * pass a log it did not see whole; it had exited 0, the note in the report alone saying so.
 */
function incomplete(file: string, partial: string | null): number {
	if (partial === null) return 0;
	const label = file === '-' ? 'standard input' : file;
	say(`${label}: ${partial}`);
	return 2;
}

/** finding ids named at most when --lines names none of them */
const MAX_IDS_NAMED = 10;

function hasFindingAtLeast(findings: readonly { severity: Severity }[], level: Severity): boolean {
	const limit = severityRank(level);
	return findings.some((f) => severityRank(f.severity) <= limit);
}

// exitCode, not process.exit(): a pipe takes the output asynchronously, and exiting at once
// would cut a long report at the pipe's buffer size
const prog = programName();
main(prog).then(
	(code) => {
		process.exitCode = code;
	},
	(e: unknown) => {
		if (e instanceof UsageError) {
			say(e.message);
			process.exitCode = 2;
		} else process.exitCode = report(e);
	}
);
