/**
 * Is this input a NecroScope JSON report, and can it be read as one? One check for the page (a
 * dropped report file, a share link) and the CLI (`necroscope report.json --format markdown`):
 * a file that starts as a report is parsed and validated against the report's JSON Schema
 * (REPORT_SCHEMA), by the validator ajv generates from it ahead of time
 * (report-validator.generated.js: ajv compiles a schema with `new Function`, which the page's
 * Content-Security-Policy forbids, and ajv is a development dependency only).
 */
import { SCHEMA_VERSION, type AnalysisResult } from '../models/report.ts';
import { concatBytes } from '../util/bytes.ts';

/** the start of a JSON report as NecroScope writes it (the CLI, the page's download), any version */
const REPORT_START =
	/^\s*\{\s*"schema_version"\s*:\s*"(\d+)\.(\d+)\.\d+"\s*,\s*"generator"\s*:\s*\{\s*"name"\s*:\s*"NecroScope"/;
/** the bytes of an input startsAsReport needs */
export const REPORT_HEAD_BYTES = 256;
/** a report file larger than this is not opened as one (reports keep at most 2,000 findings) */
export const MAX_REPORT_BYTES = 64 * 1024 ** 2;

/** True when the first bytes of an input (REPORT_HEAD_BYTES are enough) start a NecroScope report. */
export function startsAsReport(head: Uint8Array | string): boolean {
	const text =
		typeof head === 'string' ? head : new TextDecoder().decode(head.subarray(0, REPORT_HEAD_BYTES));
	return REPORT_START.test(text);
}

/**
 * The kind of NecroScope report a text or Markdown download is, from its first line (`NecroScope
 * report (schema …`, `## NecroScope report: …`: output/text.ts, output/markdown.ts), or null.
 * Only the JSON report can be shown again or rendered anew; these had been analysed as a log, in
 * the page ("No kernel messages were recognised", and a taint read from the report's own text)
 * and in the CLI.
 */
export function readableReportKind(head: string): 'text' | 'Markdown' | null {
	const start = head.replace(/^\s*/, '');
	if (start.startsWith('NecroScope report (schema ')) return 'text';
	if (start.startsWith('## NecroScope report: ')) return 'Markdown';
	return null;
}

/**
 * What is said of a compressed text or Markdown report (`report.txt.gz`), completing a sentence
 * whose subject is the file: it had been analysed as a log, in the page and the CLI (a finding
 * read from the report's own words), where the same report uncompressed is refused.
 */
export function compressedReadableReportError(kind: 'text' | 'Markdown'): string {
	return `is a compressed NecroScope ${kind} report, not a kernel log: decompress it to read it as it is, or give the log, or the report's JSON, instead`;
}

/** True when an input's first bytes are gzip's magic (a report mailed on as `report.json.gz`). */
export function isGzipped(head: Uint8Array): boolean {
	return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** the compressions a report file is read from (`report.json.gz`, `.zst`, `.xz`) */
export type Compression = 'gzip' | 'zstd' | 'xz';

const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
/** a Zstandard skippable frame's magic (0x184D2A50 to 0x184D2A5F), which may come first */
const isSkippable = (b: Uint8Array) =>
	b.length >= 4 && (b[0] & 0xf0) === 0x50 && b[1] === 0x2a && b[2] === 0x4d && b[3] === 0x18;
const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

/** The compression an input's first bytes (6 are enough) name, by its magic bytes; null for none. */
export function compressionOf(head: Uint8Array): Compression | null {
	if (isGzipped(head)) return 'gzip';
	if (ZSTD_MAGIC.every((b, i) => head[i] === b) || isSkippable(head)) return 'zstd';
	if (XZ_MAGIC.every((b, i) => head[i] === b)) return 'xz';
	return null;
}

/** what a compressed input's decompressed bytes are read through */
interface Inflow {
	read(): Promise<{ done: true } | { done: false; value: Uint8Array }>;
	cancel(): Promise<void>;
}

const EMPTY = new Uint8Array(0);

/** decompressed output past which decoding a report stops (more than MAX_REPORT_BYTES is refused) */
const DECODE_LIMIT = 2 * MAX_REPORT_BYTES;

async function inflow(
	compressed: ReadableStream<Uint8Array<ArrayBuffer>>,
	kind: Compression,
	onTrailing?: (note: string) => void
): Promise<Inflow> {
	const source = compressed.getReader();
	/** the compressed bytes read so far, in order (gzip: for a second reading) */
	const kept: Uint8Array[] | null = kind === 'gzip' ? [] : null;
	const bytes = (async function* () {
		try {
			for (;;) {
				const next = await source.read();
				if (next.done) return;
				kept?.push(next.value);
				yield next.value;
			}
		} finally {
			await source.cancel().catch(() => {});
		}
	})();
	if (kind === 'gzip') {
		// the platform's decoder, as for a log; it fails on bytes after the gzip data (Chromium and
		// Node alike), and then the bytes are read again by the ingestion's (gunzipChecked), which
		// tells them apart as it does for a log: the decoder's output up to there is the same
		const fed = bytes[Symbol.asyncIterator]();
		const reader = new ReadableStream<Uint8Array<ArrayBuffer>>(
			{
				async pull(c) {
					const next = await fed.next();
					if (next.done) c.close();
					else c.enqueue(next.value as Uint8Array<ArrayBuffer>);
				}
				// not cancelled with the decoder: its bytes are read again
			},
			{ highWaterMark: 0 }
		)
			.pipeThrough(new DecompressionStream('gzip'))
			.getReader();
		let given = 0;
		let again: AsyncGenerator<Uint8Array> | null = null;
		return {
			read: async () => {
				if (again === null)
					try {
						const next = await reader.read();
						if (!next.done) given += next.value.length;
						return next;
					} catch {
						// (past REPORT_HEAD_BYTES this is a report: a log's reading stops there; before,
						// it may be a report whose text the decoder dropped, or a log damaged in its
						// first bytes)
						const { decompressed } = await import('../ingestion/decode.ts');
						const read = kept as Uint8Array[];
						again = decompressed(
							(async function* () {
								// every byte read, in order: a read the platform's decoder had asked for
								// may end after this one's, and its bytes are kept all the same; each is
								// let go once handed on
								for (let i = 0; ; i++) {
									while (i >= read.length) if ((await fed.next()).done) return;
									const piece = read[i];
									read[i] = EMPTY;
									yield piece;
								}
							})(),
							'gzip',
							DECODE_LIMIT,
							onTrailing
						);
					}
				// past what the platform's decoder gave
				for (;;) {
					const next = await again.next();
					if (next.done) return { done: true };
					const skip = Math.min(given, next.value.length);
					given -= skip;
					if (skip < next.value.length) return { done: false, value: next.value.subarray(skip) };
				}
			},
			cancel: async () => {
				await reader.cancel().catch(() => {});
				await again?.return(undefined);
				await fed.return?.(undefined);
			}
		};
	}
	// Zstandard and xz: the ingestion's decoders, loaded (with their WebAssembly) only for such a
	// file; the page calls this in its worker (xz's WebAssembly is refused in its main thread)
	const { decompressed } = await import('../ingestion/decode.ts');
	const out = decompressed(bytes, kind, DECODE_LIMIT, onTrailing);
	return {
		read: async () => {
			const next = await out.next();
			return next.done ? { done: true } : { done: false, value: next.value };
		},
		cancel: async () => {
			await out.return(undefined);
		}
	};
}

/**
 * The text of a compressed input (gzip, Zstandard or xz: compressionOf) when what it holds starts
 * as a NecroScope report, or null when it does not (a compressed log: the caller analyses it; a
 * compressed text or Markdown report throws, see compressedReadableReportError);
 * reading stops as soon as that is known, so a compressed log is only decompressed as far as its
 * first bytes. Throws, with a sentence whose subject is the file, on compressed data that is
 * damaged or a report too large. A Zstandard or xz report followed by other bytes is read whole
 * as a log is, and `onTrailing` gets the note that says where its data ends and that the bytes
 * after it were not read (its compressed data holds the report whole, checked by its checksum,
 * and the schema checks the report: they are not part of it).
 */
export async function decompressedReportText(
	compressed: ReadableStream<Uint8Array<ArrayBuffer>>,
	kind: Compression = 'gzip',
	onTrailing?: (note: string) => void
): Promise<string | null> {
	const reader = await inflow(compressed, kind, onTrailing);
	const chunks: Uint8Array[] = [];
	let bytes = 0;
	let checked = false;
	try {
		for (;;) {
			const next = await reader.read();
			if (next.done) break;
			chunks.push(next.value);
			bytes += next.value.length;
			if (!checked && bytes >= REPORT_HEAD_BYTES) {
				checked = true;
				if (!startsAsReport(concatBytes(chunks))) return notReport(chunks);
			}
			if (bytes > MAX_REPORT_BYTES)
				throw new Error(
					`is a compressed NecroScope report too large to read (over ${MAX_REPORT_BYTES / 1024 ** 2} MiB)`
				);
		}
	} catch (e) {
		if (!checked && !startsAsReport(concatBytes(chunks))) return notReport(chunks);
		throw e instanceof Error && e.message.startsWith('is a compressed')
			? e
			: new Error(
					'is a compressed NecroScope report whose compressed data is damaged or cut short'
				);
	} finally {
		reader.cancel().catch(() => {});
	}
	const all = concatBytes(chunks);
	return startsAsReport(all) ? new TextDecoder().decode(all) : notReport(chunks);
}

/** null for a compressed log; throws for a compressed text or Markdown report */
function notReport(chunks: Uint8Array[]): null {
	const head = concatBytes(chunks).subarray(0, REPORT_HEAD_BYTES);
	const kind = readableReportKind(new TextDecoder().decode(head));
	if (kind !== null) throw new Error(compressedReadableReportError(kind));
	return null;
}

/**
 * A report read back: `newer` is its schema version when that is a newer minor version than this
 * program's (what that version added is kept in the object, and the text and Markdown reports
 * leave it out), else null. `error` completes a sentence whose subject is the file ("This file",
 * "report.json:"), for an input that starts as a report and cannot be read as one: `damaged`
 * (not JSON: cut short), `version` (a schema this version cannot read), `invalid` (JSON that
 * does not follow the schema: damaged or edited).
 */
export type ReportRead =
	| { ok: true; report: AnalysisResult; newer: string | null }
	| { ok: false; kind: 'damaged' | 'version' | 'invalid'; error: string };

interface Validator {
	(data: unknown): boolean;
	errors?:
		| { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }[]
		| null;
}

const [MAJOR, MINOR] = SCHEMA_VERSION.split('.').map(Number);

/**
 * The report in the text of an input that starts as one (startsAsReport), or why it cannot be
 * shown: damaged (not JSON, cut), of a newer major schema version, or not valid against the
 * schema. Never throws.
 */
export async function readReport(text: string): Promise<ReportRead> {
	const [, major, minor] = REPORT_START.exec(text) ?? [];
	let v: unknown;
	try {
		v = JSON.parse(text);
	} catch {
		return {
			ok: false,
			kind: 'damaged',
			error: 'starts as a NecroScope report but is damaged or incomplete (was it cut?)'
		};
	}
	const version = (v as { schema_version?: unknown } | null)?.schema_version;
	const named = typeof version === 'string' ? version : `${major}.${minor}.x`;
	if (Number(major) !== MAJOR)
		return {
			ok: false,
			kind: 'version',
			error: `is a NecroScope report of schema ${named}, which this version (schema ${SCHEMA_VERSION}) cannot read: open it with the NecroScope that wrote it, or a newer one`
		};
	const newer = Number(minor) > MINOR ? named : null;
	const validate = (await import('./report-validator.generated.js')).default as Validator;
	if (validate(v)) return { ok: true, report: v as AnalysisResult, newer };
	// a newer minor version adds fields (closed objects here): shown without them when nothing
	// else is wrong; a value this version does not know (a new category) is not guessed at
	if (newer !== null) {
		if (validate.errors?.every((e) => e.keyword === 'additionalProperties'))
			return { ok: true, report: v as AnalysisResult, newer };
		return {
			ok: false,
			kind: 'version',
			error: `is a NecroScope report of schema ${named}, newer than this version's ${SCHEMA_VERSION}, with values this version does not know: open it with the NecroScope that wrote it, or a newer one`
		};
	}
	const e = validate.errors?.[0];
	const extra =
		e?.keyword === 'additionalProperties' ? `: ${String(e.params.additionalProperty)}` : '';
	const where = e
		? `${e.instancePath || 'the top level'} ${e.message ?? 'is not valid'}${extra}`
		: '';
	return {
		ok: false,
		kind: 'invalid',
		error: `is a NecroScope report that does not follow its schema (${where}): it was damaged or edited`
	};
}
