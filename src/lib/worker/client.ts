import * as Comlink from 'comlink';
import type { AnalysisResult } from '../models/report.ts';
import type { Progress } from '../pipeline.ts';
import type {
	AnalysisApi,
	AnalyzeRequest,
	AnalyzeResponse,
	ReportFormat
} from './analysis.worker.ts';
import type { Compression } from '../output/report-file.ts';

let worker: Worker | undefined;
let remote: Comlink.Remote<AnalysisApi> | undefined;
let onCrash: ((message: string) => void) | undefined;

/** Create the worker lazily (never during prerendering: there is no Worker in Node). */
function getRemote(): Comlink.Remote<AnalysisApi> {
	if (!remote) {
		worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), {
			type: 'module',
			name: 'necroscope-analysis'
		});
		worker.addEventListener('error', (e) => {
			const message = e.message || 'The analysis worker stopped unexpectedly.';
			onCrash?.(message);
			dispose(message);
		});
		remote = Comlink.wrap<AnalysisApi>(worker);
	}
	return remote;
}

/**
 * Analyses run one at a time: the worker has one Stop flag, and a crash or a Cancel is told to the
 * analysis that runs. The page's analysis and the report view's own (the anonymized copy behind
 * Copy share link and the local model) would otherwise run together in the worker, and a Cancel
 * meant for the page's would stop the other, or leave the page's waiting for ever.
 */
let queue: Promise<unknown> = Promise.resolve();
/** the analysis running in the worker: the page's (Cancel applies) or an aside */
let active: 'page' | 'aside' | null = null;
/** a Cancel that came while the page's analysis waited for an aside to finish */
let cancelQueued = false;
/** what each aside queued or running is for, in queue order (the page says what it waits for) */
const asides: string[] = [];

export interface AnalyzeOptions {
	/**
	 * An analysis of the report view's own (see queue), which Cancel does not stop; the words say
	 * what it makes ("the anonymized copy for the share link"), for a page analysis that waits.
	 */
	aside?: string;
	/**
	 * Called with what the analysis waits for when it has to wait for an aside, and with null
	 * when it starts. Its progress said "0 lines" all the while, as if it were stuck.
	 */
	waiting?: (what: string | null) => void;
}

/**
 * Run one analysis in the worker, after any that runs. Rejects only if the worker itself dies,
 * or (`Error('cancelled')`) when Cancel came before it started.
 */
export function analyzeInWorker(
	req: AnalyzeRequest,
	progress: (p: Progress) => void,
	{ aside, waiting }: AnalyzeOptions = {}
): Promise<AnalyzeResponse> {
	if (aside === undefined) cancelQueued = false;
	else asides.push(aside);
	const waits = aside === undefined && asides.length > 0;
	if (waits) waiting?.(asides[0]);
	const run = queue.then(() => {
		if (waits) waiting?.(null);
		if (aside === undefined && cancelQueued) {
			cancelQueued = false;
			return Promise.reject(new Error('cancelled'));
		}
		active = aside === undefined ? 'page' : 'aside';
		return start(req, progress).finally(() => {
			active = null;
			if (aside !== undefined) asides.splice(asides.indexOf(aside), 1);
			if (recycleWhenIdle) recycle();
		});
	});
	queue = run.catch(() => undefined);
	return run;
}

/**
 * An analysis that kept the worker busy this long (ms) leaves it to a fresh worker: the old one is
 * terminated once it is idle, and its memory goes with it. After the 1 GiB gzip bomb (one endless
 * line of zeros) the worker held about 1.2 GB it no longer used, which it did not collect while
 * idle: the next analysis of a 2 MB log paid for collecting it, 5 to 7.5 s instead of 0.5 s (12 s
 * after a gigabyte of one letter), and a forced collection took 4 s. Long real logs (240 MB, plain
 * or gzip) had left no such heap. A new worker starts in the background at once (a fraction of a
 * second), so the next analysis does not wait for it.
 */
export const RECYCLE_AFTER_MS = 4000;
/** format() and reportText() calls in flight (a worker is never terminated under one) */
let formatting = 0;
let recycleWhenIdle = false;

function recycle(): void {
	if (formatting > 0 || active !== null) {
		recycleWhenIdle = true;
		return;
	}
	recycleWhenIdle = false;
	dispose();
	getRemote();
}

/**
 * The worker holds an analysis that has not answered yet: false once it came back, while the
 * page parses the report it returned (see cancelWorker).
 */
let inWorker = false;

function start(req: AnalyzeRequest, progress: (p: Progress) => void): Promise<AnalyzeResponse> {
	const r = getRemote();
	const began = performance.now();
	inWorker = true;
	return new Promise<AnalyzeResponse>((resolve, reject) => {
		onCrash = (message) => reject(new Error(message));
		// the callback's return value is dropped: Comlink sends it back to the worker, and a value it
		// cannot clone (the page's `(p) => (progress = p)` returns its state's proxy) had raised
		// "Unserializable return value" on every progress step
		const report = (p: Progress): void => {
			progress(p);
		};
		r.analyze(req, Comlink.proxy(report)).then(
			(res) => {
				settled();
				if (performance.now() - began >= RECYCLE_AFTER_MS) recycleWhenIdle = true;
				if (!res.ok) resolve(res);
				else
					void parseReport(res.head, res.findings).then(
						(result) => resolve({ ok: true, result, inWorker: res.inWorker }),
						reject
					);
			},
			(e) => {
				settled();
				reject(e);
			}
		);
	});
}

/** a task boundary: the page handles input and paints between two steps */
const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/** The report from its wire form, one part of the findings per task (see WireResponse). */
async function parseReport(head: string, parts: string[]): Promise<AnalysisResult> {
	const result = JSON.parse(head) as AnalysisResult;
	for (const part of parts) {
		await nextTask();
		for (const f of JSON.parse(part) as AnalysisResult['findings']) result.findings.push(f);
	}
	return result;
}

/**
 * Render a report with the CLI's formatters, in the worker. A worker ended by a Cancel before it
 * answered (an `.xz` report's opening given up, an analysis past its grace period: a download
 * pressed meanwhile waits behind them in the worker) never answers: the report is rendered again
 * in the fresh worker. The download had waited forever. A worker that crashed rejects the call.
 */
export async function formatInWorker(
	result: AnalysisResult,
	format: ReportFormat
): Promise<string> {
	const json = JSON.stringify(result);
	formatting++;
	try {
		for (;;) {
			try {
				return await untilEnded(getRemote().format(json, format));
			} catch (e) {
				if ((e as Error).message !== 'cancelled') throw e;
			}
		}
	} finally {
		formatting--;
		if (recycleWhenIdle) recycle();
	}
}

/**
 * A call to the worker, rejected when the worker is ended before it answers (dispose: `cancelled`
 * by Cancel, else the crash's message), which it then never would.
 */
async function untilEnded<P extends Promise<unknown>>(call: P): Promise<Awaited<P>> {
	let reject: (e: Error) => void = () => {};
	const gone = new Promise<never>((_, r) => (reject = r));
	ended.add(reject);
	try {
		return (await Promise.race([call, gone])) as Awaited<P>;
	} finally {
		ended.delete(reject);
	}
}

/**
 * The text of a compressed report file (`report.json.xz`, `.zst`, `.gz`), decompressed in the
 * worker, or null for a compressed log (see the worker's reportText); throws an Error whose
 * message completes a sentence whose subject is the file (a damaged or too large report).
 */
export async function reportTextInWorker(
	file: Blob,
	kind: Compression
): Promise<{ text: string | null; note: string | null }> {
	formatting++;
	opening++;
	try {
		// a worker ended meanwhile (Cancel's grace period ran out, a crash) never answers
		const r = await untilEnded(getRemote().reportText(file as File, kind));
		if (!r.ok) throw new Error(r.error);
		return { text: r.text, note: r.note };
	} finally {
		opening--;
		formatting--;
		if (recycleWhenIdle) recycle();
	}
}

/**
 * Stop a running analysis. The worker is asked to stop and return the report of what it has
 * read so far; if it does not answer within `graceMs` (stuck in a long chunk), it is terminated
 * and the next run starts a new one. With no analysis of the page's running, only an .xz report
 * being decompressed for the page is stopped (its worker replaced at once).
 */
export function cancelWorker(graceMs = 2000): void {
	// the page's analysis waits for an aside (see queue): it will not start, the aside goes on
	if (active === 'aside') {
		cancelQueued = true;
		return;
	}
	// No analysis of the page's runs (a report file being opened): nothing to end later. The
	// worker had been ended 2 s after a Cancel while a report file was opening, though nothing ran
	// in it (and with it an analysis started in those 2 s). An .xz report decompressed in the
	// worker is the opening itself: that worker is ended now and a fresh one started, ready.
	if (active !== 'page') {
		if (opening > 0) {
			dispose();
			getRemote();
		}
		return;
	}
	// The worker has answered and the page parses the report it returned: nothing runs in the
	// worker. Its 2 s end had been armed then, and the worker ended for nothing (the next analysis
	// waited for a new one); the page shows the report, which is whole.
	if (!inWorker) return;
	const r = remote;
	if (!r) return;
	const timer = setTimeout(() => {
		if (remote === r) {
			onCrash?.('cancelled');
			dispose();
		}
	}, graceMs);
	void r.stop().catch(() => clearTimeout(timer));
	pending = timer;
}

let pending: ReturnType<typeof setTimeout> | undefined;

/** The analysis came back (complete or partial): no need to terminate the worker. */
function settled(): void {
	inWorker = false;
	if (pending) clearTimeout(pending);
	pending = undefined;
}

/** the calls in flight (format, reportText), rejected when the worker is ended (`cancelled`: by Cancel) */
const ended = new Set<(e: Error) => void>();
/** reportText calls in flight: an `.xz` report decompressed in the worker for the page */
let opening = 0;

export function dispose(reason = 'cancelled'): void {
	for (const reject of ended) reject(new Error(reason));
	ended.clear();
	recycleWhenIdle = false;
	if (remote) remote[Comlink.releaseProxy]();
	worker?.terminate();
	worker = undefined;
	remote = undefined;
	onCrash = undefined;
}
