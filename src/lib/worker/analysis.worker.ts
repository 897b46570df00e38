/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { analyzeStream, InputError, type Progress } from '../pipeline.ts';
import { formatJson, formatMarkdown, formatText } from '../output/index.ts';
import type { AnalysisResult } from '../models/report.ts';
import { decompressedReportText, type Compression } from '../output/report-file.ts';

export type ReportFormat = 'json' | 'text' | 'markdown';

/**
 * A compressed file's report text (see decompressedReportText): `text` null for a compressed log;
 * `note` what followed its compressed data; `error` completes a sentence whose subject is the file.
 */
export type ReportTextResponse =
	{ ok: true; text: string | null; note: string | null } | { ok: false; error: string };

export interface AnalyzeRequest {
	/** a pasted text or a dropped file (read here, in the worker, as a stream) */
	text?: string;
	file?: File;
	name?: string | null;
	/** replace personal and identifying data everywhere in the report */
	anonymize?: { pointers?: boolean } | null;
}

export type AnalyzeResponse =
	| { ok: true; result: AnalysisResult; inWorker: boolean }
	| { ok: false; error: { code: string; message: string } };

/**
 * What crosses the worker boundary: the report as JSON text. One string is copied far faster
 * than a structured clone of thousands of small objects, which kept the main thread busy for
 * hundreds of milliseconds on large reports. The findings come in parts of about PART_CHARS
 * (JSON arrays), so the page can parse them one task at a time: `head` is the report with an
 * empty findings array.
 */
export type WireResponse =
	| { ok: true; head: string; findings: string[]; inWorker: boolean }
	| { ok: false; error: { code: string; message: string } };

const encoder = new TextEncoder();

/** characters of findings JSON per part (parsed in a few milliseconds) */
const PART_CHARS = 256 * 1024;

function toWire(result: AnalysisResult): { head: string; findings: string[] } {
	// the spread keeps the report's key order; findings stays where it was
	const head = JSON.stringify({ ...result, findings: [] });
	const parts: string[] = [];
	let cur: string[] = [];
	let chars = 0;
	for (const f of result.findings) {
		const s = JSON.stringify(f);
		cur.push(s);
		chars += s.length;
		if (chars >= PART_CHARS) {
			parts.push(`[${cur.join(',')}]`);
			cur = [];
			chars = 0;
		}
	}
	if (cur.length > 0) parts.push(`[${cur.join(',')}]`);
	return { head, findings: parts };
}

async function* textChunks(text: string): AsyncGenerator<Uint8Array> {
	const step = 1 << 20;
	for (let i = 0; i < text.length; i += step) {
		let end = Math.min(text.length, i + step);
		// never split a surrogate pair between chunks
		const c = text.charCodeAt(end - 1);
		if (end < text.length && c >= 0xd800 && c <= 0xdbff) end++;
		await breathe();
		yield encoder.encode(text.slice(i, end));
		i = end - step;
	}
}

/**
 * Let the worker's event loop run about every 50 ms, so that a Stop request (a message) is seen
 * even when every read resolves at once.
 */
let lastYield = 0;
async function breathe(): Promise<void> {
	const now = performance.now();
	if (now - lastYield < 50) return;
	await new Promise((r) => setTimeout(r, 0));
	lastYield = performance.now();
}

async function* fileChunks(file: File): AsyncGenerator<Uint8Array> {
	const reader = file.stream().getReader();
	try {
		for (;;) {
			await breathe();
			const r = await reader.read();
			if (r.done) return;
			yield r.value;
		}
	} catch (e) {
		throw new InputError('read', `The file could not be read: ${(e as Error).message}`);
	} finally {
		reader.releaseLock();
	}
}

let stopFlag = false;

/**
 * said when the input holds a line too long to hold in memory (see analyze); the line splitter
 * cuts lines at 32 Mi characters (MAX_CARRY), so this is only a guard
 */
const LINE_TOO_LONG =
	'This input holds a line too long to read: hundreds of millions of characters with no line break. It is not a text log (a compressed file can expand to one endless line, as a decompression bomb does). Open the kernel log itself: /var/log/kern.log, or what sudo dmesg > dmesg.txt saves.';

const api = {
	/** Ask the running analysis to stop after the current chunk; it returns what it has. */
	stop(): void {
		stopFlag = true;
	},

	async analyze(req: AnalyzeRequest, onProgress?: (p: Progress) => void): Promise<WireResponse> {
		const remote = onProgress as Comlink.Remote<(p: Progress) => void> | undefined;
		stopFlag = false;
		try {
			const file = req.file;
			const source = file ? fileChunks(file) : textChunks(req.text ?? '');
			const result = await analyzeStream(source, {
				// a damaged .gz is read a second time (see AnalyzeOptions.reread)
				reread: file ? () => fileChunks(file) : undefined,
				name: req.name ?? req.file?.name ?? null,
				anonymize: req.anonymize ?? undefined,
				totalBytes: req.file ? req.file.size : encoder.encode(req.text ?? '').length,
				progressEvery: 20_000,
				stopRequested: () => stopFlag,
				pause: breathe,
				onProgress: (p) => void remote?.(p)
			});
			const inWorker =
				typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope;
			return { ok: true, ...toWire(result), inWorker };
		} catch (e) {
			if (e instanceof InputError)
				return { ok: false, error: { code: e.code, message: e.message } };
			// a line longer than a string can be (about 512 Mi characters in Chromium): a gzip of
			// zeros had said "Analysis failed: Invalid string length", which told the user nothing
			if (e instanceof RangeError && /string length/i.test(e.message))
				return { ok: false, error: { code: 'line-too-long', message: LINE_TOO_LONG } };
			return {
				ok: false,
				error: {
					code: 'internal',
					message: `The analysis failed (${(e as Error)?.message ?? String(e)}). The page still works: try again, or analyse a smaller part of the log.`
				}
			};
		} finally {
			remote?.[Comlink.releaseProxy]();
		}
	},

	/**
	 * Whether a dropped compressed file holds a NecroScope report, and its text if so: decompressed
	 * here, where WebAssembly may run (xz's decoder). The page's Content-Security-Policy refuses it
	 * in the main thread, where a report file is opened (openReportFile): an `.xz` report had been
	 * analysed as a compressed log there. Only the first decompressed bytes of a log are read.
	 */
	async reportText(file: File, kind: Compression): Promise<ReportTextResponse> {
		let note: string | null = null;
		try {
			const text = await decompressedReportText(file.stream(), kind, (n) => (note = n));
			return { ok: true, text, note };
		} catch (e) {
			return { ok: false, error: (e as Error).message };
		}
	},

	/** The same formatters as the CLI, so downloads are byte-identical to its output. */
	format(json: string, format: ReportFormat): string {
		const result = JSON.parse(json) as AnalysisResult;
		return format === 'json'
			? formatJson(result)
			: format === 'markdown'
				? formatMarkdown(result)
				: formatText(result);
	}
};

export type AnalysisApi = typeof api;
Comlink.expose(api);
