import { createReadStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyzeStream, DEFAULT_LIMITS, InputError, type AnalyzeOptions } from '../lib/index.ts';
import { SEVERITIES, severityRank, type Severity } from '../lib/models/finding.ts';
import { OUTPUT_FORMATS, schemaText, type OutputFormat } from '../lib/output/index.ts';
import { describeFileError } from './errors.ts';

const USAGE = `usage: necroscope [--format json|text|markdown] [--out-dir DIR] [--anonymize] [--anonymize-pointers] [--fail-on SEVERITY] [--year YYYY] [FILE...|-]
       necroscope --print-schema
  --format F             report format (default text); markdown is for issues and mailing lists
  --out-dir DIR          write DIR/<file name without its last extension>.json|.txt|.md per input
  --anonymize            replace host and user names, addresses, serials and ids by placeholders
  --anonymize-pointers   also replace kernel pointers and the KASLR offset (implies --anonymize)
  --fail-on SEVERITY     exit 1 when a report has a finding this severe or worse
                         (critical, high, medium, low, info); the reports are written as usual
  --year YYYY            year of dates printed without one (syslog, journalctl short,
                         dmesg -e) when you know it; by default it is read from the log
  --print-schema         print the report's JSON Schema and exit
  -                      read standard input (the default when no FILE is given)
exit status: 0 success, 1 a finding at or above --fail-on, 2 usage or input error,
             3 internal error`;

class UsageError extends Error {}

interface Options {
	format: OutputFormat;
	outDir: string | null;
	anonymize: boolean;
	pointers: boolean;
	printSchema: boolean;
	help: boolean;
	/** exit 1 when a finding is at least this severe (null: never) */
	failOn: Severity | null;
	/** year of dates printed without one (AnalyzeOptions.year), null: read from the log */
	year: number | null;
	files: string[];
}

/** years --year accepts: from before the first Linux kernel log to far ahead */
const MIN_YEAR = 1970;
const MAX_YEAR = 2100;

function isSeverity(v: string): v is Severity {
	return (SEVERITIES as readonly string[]).includes(v);
}

function isFormat(v: string): v is OutputFormat {
	return Object.prototype.hasOwnProperty.call(OUTPUT_FORMATS, v);
}

function parseArgs(argv: string[]): Options {
	const o: Options = {
		format: 'text',
		outDir: null,
		anonymize: false,
		pointers: false,
		printSchema: false,
		help: false,
		failOn: null,
		year: null,
		files: []
	};
	let onlyFiles = false;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined || v === '') throw new UsageError(`${a} needs a value`);
			return v;
		};
		if (onlyFiles || a === '-' || !a.startsWith('-')) o.files.push(a);
		else if (a === '--') onlyFiles = true;
		else if (a === '--format' || a.startsWith('--format=')) {
			const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : value();
			if (v === 'md') o.format = 'markdown';
			else if (isFormat(v)) o.format = v;
			else
				throw new UsageError(`unknown format '${v}' (${Object.keys(OUTPUT_FORMATS).join(', ')})`);
		} else if (a === '--out-dir' || a.startsWith('--out-dir=')) {
			o.outDir = a.includes('=') ? a.slice(a.indexOf('=') + 1) : value();
			if (o.outDir === '') throw new UsageError('--out-dir needs a value');
		} else if (a === '--fail-on' || a.startsWith('--fail-on=')) {
			const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : value();
			if (!isSeverity(v))
				throw new UsageError(`unknown severity '${v}' (${SEVERITIES.join(', ')})`);
			o.failOn = v;
		} else if (a === '--year' || a.startsWith('--year=')) {
			const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : value();
			const y = /^\d{4}$/.test(v) ? Number(v) : NaN;
			if (!(y >= MIN_YEAR && y <= MAX_YEAR))
				throw new UsageError(`--year needs a year from ${MIN_YEAR} to ${MAX_YEAR}, not '${v}'`);
			o.year = y;
		} else if (a === '--anonymize') o.anonymize = true;
		else if (a === '--anonymize-pointers') o.anonymize = o.pointers = true;
		else if (a === '--print-schema') o.printSchema = true;
		else if (a === '-h' || a === '--help') o.help = true;
		else throw new UsageError(`unknown option ${a}`);
	}
	if (o.help || o.printSchema) return o;
	if (o.files.length === 0) o.files.push('-');
	if (o.files.length > 1 && !o.outDir) throw new UsageError('several inputs need --out-dir DIR');
	if (o.files.filter((f) => f === '-').length > 1)
		throw new UsageError('standard input (-) can be read only once');
	return o;
}

function checkReadable(file: string): void {
	if (file === '-') return;
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

/** DIR/<base name without its last extension><ext>; inputs with the same base name get -2, -3 ... */
function outPath(dir: string, file: string, ext: string, used: Set<string>): string {
	const name = file === '-' ? 'stdin' : basename(file);
	const base = name.replace(/\.[^.]*$/, '') || name;
	let candidate = base + ext;
	for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}${ext}`;
	used.add(candidate);
	return join(dir, candidate);
}

async function main(): Promise<number> {
	const o = parseArgs(process.argv.slice(2));
	if (o.help) {
		process.stdout.write(USAGE + '\n');
		return 0;
	}
	if (o.printSchema) {
		process.stdout.write(schemaText());
		return 0;
	}
	for (const f of o.files) checkReadable(f);
	if (o.outDir) {
		try {
			mkdirSync(o.outDir, { recursive: true });
		} catch (e) {
			throw new InputError(
				'read',
				`${o.outDir}: cannot create the output directory (${(e as NodeJS.ErrnoException).code})`
			);
		}
	}
	const { extension, format } = OUTPUT_FORMATS[o.format];
	const used = new Set<string>();
	let failed = false;
	for (const file of o.files) {
		const name = file === '-' ? null : basename(file);
		// smaller decoding windows than the page's: less kept per kept line (see DecodeLimits)
		const opts: AnalyzeOptions = { name, limits: { ...DEFAULT_LIMITS, decodeWindow: 1 << 14 } };
		if (o.anonymize) opts.anonymize = { pointers: o.pointers };
		if (o.year !== null) opts.year = o.year;
		let result;
		try {
			result = await analyzeStream(readSource(file), opts);
		} catch (e) {
			// name the input in the one-line message (`x.gz: The compressed file is damaged ...`)
			const label = file === '-' ? 'standard input' : file;
			if (e instanceof InputError && !e.message.startsWith(label))
				throw new InputError(e.code, `${label}: ${e.message}`);
			throw e;
		}
		if (o.failOn !== null) {
			const limit = severityRank(o.failOn);
			if (result.findings.some((f) => severityRank(f.severity) <= limit)) failed = true;
		}
		const out = format(result);
		if (o.outDir) {
			const path = outPath(o.outDir, file, extension, used);
			try {
				writeFileSync(path, out);
			} catch (e) {
				throw new InputError(
					'read',
					`${path}: cannot write (${(e as NodeJS.ErrnoException).code})`
				);
			}
		} else process.stdout.write(out);
	}
	return failed ? 1 : 0;
}

// exitCode, not process.exit(): a pipe takes the output asynchronously, and exiting at once
// would cut a long report at the pipe's buffer size
main().then(
	(code) => {
		process.exitCode = code;
	},
	(e: unknown) => {
		if (e instanceof UsageError) process.stderr.write(`necroscope: ${e.message}\n${USAGE}\n`);
		else if (e instanceof InputError)
			process.stderr.write(`necroscope: ${e.message.split('\n')[0]}\n`);
		else
			process.stderr.write(
				`necroscope: internal error: ${String((e as Error)?.message ?? e).split('\n')[0]}\n`
			);
		process.exitCode = e instanceof UsageError || e instanceof InputError ? 2 : 3;
	}
);
