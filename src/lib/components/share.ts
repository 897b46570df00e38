import type { AnalysisResult } from '$lib/models/report';
import {
	compressionOf,
	decompressedReportText,
	MAX_REPORT_BYTES,
	readReport,
	readableReportKind,
	REPORT_HEAD_BYTES,
	startsAsReport,
	type Compression,
	type ReportRead
} from '$lib/output/report-file';

export { readableReportKind };
import { markRoutineOfOldReport } from '$lib/output/routine-of-old-reports';
import { REFUSED_MAX_BYTES, refusedAdvice } from './refused';

/**
 * Share links carry the (anonymized) report, never the log, compressed in the URL fragment:
 * `#report=<base64url(deflate-raw(JSON))>`. The fragment is never sent to any server.
 */
export const SHARE_PREFIX = '#report=';
/** beyond this, a link is too long for some browsers and chat tools */
export const MAX_SHARE_CHARS = 1_500_000;

function toBase64Url(bytes: Uint8Array): string {
	let bin = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(bin)
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/={1,2}$/, '');
}

function fromBase64Url(s: string): Uint8Array {
	const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
	const out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
	return out;
}

async function pipe(
	bytes: Uint8Array,
	stream: CompressionStream | DecompressionStream
): Promise<Uint8Array> {
	const out = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
	return new Uint8Array(await new Response(out).arrayBuffer());
}

export async function encodeShare(report: AnalysisResult): Promise<string> {
	const json = new TextEncoder().encode(JSON.stringify(report));
	return SHARE_PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** The report in a share fragment, or an error message; never throws. */
export async function decodeShare(
	hash: string
): Promise<{ ok: true; report: AnalysisResult } | { ok: false; error: string }> {
	let text;
	try {
		const bytes = await pipe(
			fromBase64Url(hash.slice(SHARE_PREFIX.length)),
			new DecompressionStream('deflate-raw')
		);
		text = new TextDecoder().decode(bytes);
	} catch {
		text = null;
	}
	if (text !== null && !startsAsReport(text))
		return { ok: false, error: 'The link does not hold a NecroScope report.' };
	const r = text === null ? null : await readToShow(text);
	if (r?.ok) return { ok: true, report: r.report };
	if (r && r.kind !== 'damaged') return { ok: false, error: `The report in this link ${r.error}.` };
	return {
		ok: false,
		error: 'The shared report in this link is damaged or incomplete (was the link cut?).'
	};
}

/** readReport, with an old report's routine notices marked for showing (markRoutineOfOldReport) */
async function readToShow(text: string): Promise<ReportRead> {
	const r = await readReport(text);
	return r.ok ? { ...r, report: await markRoutineOfOldReport(r.report) } : r;
}

/** a report file's text as openReportFile gives it: the report to show, or why it cannot be */
async function fileReport(
	text: string
): Promise<{ ok: true; report: AnalysisResult } | { ok: false; error: string }> {
	const r = await readToShow(text);
	return r.ok ? { ok: true, report: r.report } : { ok: false, error: `This file ${r.error}.` };
}

/** what the page says of a text or Markdown report given to it (`what`: "This file", "The pasted text") */
function readableReportError(what: string, kind: 'text' | 'Markdown'): string {
	return `${what} is a NecroScope ${kind} report, not a kernel log: read it as it is (in a text editor), or open the report's JSON download, or the log itself, here.`;
}

/**
 * A pasted text that is a NecroScope JSON report (the CLI's `--format json` output, a report
 * file's text copied from a mail): its report, to be shown as it is, as a report file is; `null`
 * for any other text (a log, to be analysed); an error message for a text that starts as a report
 * and cannot be read as one, or that is a text or Markdown report (readableReportKind), or dmesg's
 * or journalctl's refusal to read the log (refusedAdvice). A pasted report had been analysed as a log: its evidence lines were read as kernel messages, and the
 * page showed a report of the report. Never throws.
 */
export async function openPastedReport(
	text: string
): Promise<{ ok: true; report: AnalysisResult } | { ok: false; error: string } | null> {
	try {
		const head = text.slice(0, REPORT_HEAD_BYTES);
		const kind = readableReportKind(head);
		if (kind) return { ok: false, error: readableReportError('The pasted text', kind) };
		// dmesg's or journalctl's refusal, pasted for the log they did not print
		const refused = refusedAdvice('The pasted text', text);
		if (refused !== null) return { ok: false, error: refused };
		if (!startsAsReport(head)) return null;
		const r = await readToShow(text);
		return r.ok
			? { ok: true, report: r.report }
			: { ok: false, error: `The pasted text ${r.error}.` };
	} catch {
		return { ok: false, error: 'The pasted text could not be read.' };
	}
}

/**
 * How a compressed file's report text is read (see decompressedReportText): `text` null for a
 * compressed log, `note` what followed its compressed data; throws an Error whose message
 * completes a sentence whose subject is the file. The page's reads an `.xz` file in the analysis
 * worker (reportTextInWorker): xz's decoder is WebAssembly, which the page's
 * Content-Security-Policy refuses in its main thread; gzip and Zstandard here (inThisThread),
 * without waiting for a worker that may be busy.
 */
export type ReportDecompressor = (
	file: Blob,
	kind: Compression
) => Promise<{ text: string | null; note: string | null }>;

/** decompressedReportText in the calling thread (the page's gzip and Zstandard, the tests) */
export const inThisThread: ReportDecompressor = async (file, kind) => {
	let note: string | null = null;
	const text = await decompressedReportText(file.stream(), kind, (n) => (note = n));
	return { text, note };
};

/**
 * A dropped or chosen file that is a NecroScope JSON report (a user's download, the CLI's
 * `--format json`): its report, to be shown as it is; `null` for any other file (a log, to be
 * analysed); an error message for a file that starts as a report and cannot be read as one
 * (damaged, of a newer schema, not valid against the schema: readReport, shared with the CLI),
 * or that is a text or Markdown report (readableReportKind), or a small file that holds only dmesg's
 * or journalctl's refusal to read the log (refusedAdvice). A report compressed with gzip, Zstandard or xz (`report.json.gz`, `.zst`, `.xz`) is opened too
 * (the last two had been analysed as compressed logs); one followed by other bytes is shown, and
 * `note` says they were not read (see decompressedReportText); `decompress` reads them (the
 * page's: an `.xz` in the analysis worker). A support engineer sent a report file had seen it analysed as
 * a log. Never throws.
 */
export async function openReportFile(
	file: Blob,
	decompress: ReportDecompressor = inThisThread
): Promise<
	{ ok: true; report: AnalysisResult; note?: string } | { ok: false; error: string } | null
> {
	try {
		const head = new Uint8Array(await file.slice(0, REPORT_HEAD_BYTES).arrayBuffer());
		const compression = compressionOf(head);
		if (compression !== null) {
			// report.json.gz, .zst, .xz: only a compressed log's first bytes are decompressed to tell;
			// `note`: bytes after its compressed data (the report is read whole, and the note says so)
			let read: { text: string | null; note: string | null };
			try {
				read = await decompress(file, compression);
			} catch (e) {
				return { ok: false, error: `This file ${(e as Error).message}.` };
			}
			const { text, note } = read;
			if (text === null) return null;
			const r = await fileReport(text);
			return r.ok && note !== null ? { ...r, note } : r;
		}
		if (!startsAsReport(head)) {
			const kind = readableReportKind(new TextDecoder().decode(head));
			if (kind) return { ok: false, error: readableReportError('This file', kind) };
			// `dmesg > dmesg.txt 2>&1` without root: the refusal, not the log
			const refused =
				file.size <= REFUSED_MAX_BYTES ? refusedAdvice('This file', await file.text()) : null;
			return refused === null ? null : { ok: false, error: refused };
		}
		if (file.size > MAX_REPORT_BYTES)
			return { ok: false, error: 'This NecroScope report file is too large to open here.' };
		return fileReport(await file.text());
	} catch {
		return { ok: false, error: 'This file could not be read.' };
	}
}
