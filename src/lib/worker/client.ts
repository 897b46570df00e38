import * as Comlink from 'comlink';
import type { Progress } from '../pipeline.ts';
import type {
	AnalysisApi,
	AnalyzeRequest,
	AnalyzeResponse,
	ReportFormat
} from './analysis.worker.ts';

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
			onCrash?.(e.message || 'The analysis worker stopped unexpectedly.');
			dispose();
		});
		remote = Comlink.wrap<AnalysisApi>(worker);
	}
	return remote;
}

/** Run one analysis in the worker. Rejects only if the worker itself dies. */
export function analyzeInWorker(
	req: AnalyzeRequest,
	progress: (p: Progress) => void
): Promise<AnalyzeResponse> {
	const r = getRemote();
	return new Promise<AnalyzeResponse>((resolve, reject) => {
		onCrash = (message) => reject(new Error(message));
		r.analyze(req, Comlink.proxy(progress)).then(resolve, reject);
	});
}

export function formatInWorker(
	result: Parameters<AnalysisApi['format']>[0],
	format: ReportFormat
): Promise<string> {
	return getRemote().format(result, format);
}

/** Stop a running analysis at once: the worker is terminated and the next run starts a new one. */
export function cancelWorker(): void {
	onCrash?.('cancelled');
	dispose();
}

export function dispose(): void {
	if (remote) remote[Comlink.releaseProxy]();
	worker?.terminate();
	worker = undefined;
	remote = undefined;
	onCrash = undefined;
}
