/**
 * Cancel in the page's worker client (`worker/client.ts`), with the worker and Comlink stood in
 * for: what a Cancel ends, and what it must leave running.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import type { AnalyzeRequest } from '../../src/lib/worker/analysis.worker.ts';

/** each worker's stand-in remote, made by the test before the worker is */
const made = vi.hoisted(() => ({ remotes: [] as Array<Record<string | symbol, unknown>> }));
vi.mock('comlink', () => {
	const releaseProxy = Symbol('releaseProxy');
	return {
		releaseProxy,
		proxy: <T>(f: T) => f,
		wrap: () => {
			const r = made.remotes.shift();
			if (r === undefined) throw new Error('no remote for this worker');
			r[releaseProxy] = () => {};
			return r;
		}
	};
});

class FakeWorker {
	static made = 0;
	static ended = 0;
	constructor() {
		FakeWorker.made++;
	}
	addEventListener(): void {}
	terminate(): void {
		FakeWorker.ended++;
	}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** the microtasks queued so far, run */
const flush = async () => {
	for (let i = 0; i < 10; i++) await Promise.resolve();
};
const never = () => new Promise<never>(() => {});

let client: typeof import('../../src/lib/worker/client.ts');
beforeEach(async () => {
	FakeWorker.made = 0;
	FakeWorker.ended = 0;
	made.remotes.length = 0;
	vi.stubGlobal('Worker', FakeWorker);
	vi.resetModules();
	client = await import('../../src/lib/worker/client.ts');
});
afterEach(() => {
	client.dispose();
	vi.unstubAllGlobals();
});

describe('Cancel', { timeout: 5000 }, () => {
	it('while the page parses the report the worker returned leaves the worker alone', async () => {
		let answer: (res: unknown) => void = () => {};
		let stops = 0;
		made.remotes.push({
			analyze: () => new Promise((r) => (answer = r)),
			stop: async () => void stops++
		});
		const run = client.analyzeInWorker({ text: 'x' } as AnalyzeRequest, () => {});
		await flush();
		// the report comes back in parts, one parsed per task
		answer({
			ok: true,
			head: JSON.stringify({ findings: [] }),
			findings: [JSON.stringify([{ id: 'a' }]), JSON.stringify([{ id: 'b' }])],
			inWorker: true
		});
		await flush();
		client.cancelWorker(20);
		const res = await run;
		expect(res.ok && res.result.findings.map((f) => f.id)).toEqual(['a', 'b']);
		await sleep(60);
		// it had asked the worker to stop, and ended it 2 s later for nothing
		expect(stops).toBe(0);
		expect(FakeWorker.ended).toBe(0);
	});

	it('while the worker analyses asks it to stop, and ends it when it does not answer in time', async () => {
		let stops = 0;
		made.remotes.push({ analyze: never, stop: async () => void stops++ });
		const run = client.analyzeInWorker({ text: 'x' } as AnalyzeRequest, () => {});
		await flush();
		client.cancelWorker(20);
		await expect(run).rejects.toThrow('cancelled');
		expect(stops).toBe(1);
		expect(FakeWorker.ended).toBe(1);
	});

	it('of an .xz report opening in the worker lets a download pressed meanwhile finish', async () => {
		// the first worker never answers (busy decompressing); the fresh one renders the report
		made.remotes.push({ reportText: never, format: never });
		made.remotes.push({ format: async (json: string, f: string) => `${f}: ${json.length}` });
		const opening = client.reportTextInWorker(new Blob(['x']), 'xz');
		const report = { findings: [] } as unknown as AnalysisResult;
		const download = client.formatInWorker(report, 'text');
		await flush();
		client.cancelWorker();
		await expect(opening).rejects.toThrow('cancelled');
		// it had waited forever for the worker that was ended
		await expect(download).resolves.toBe(`text: ${JSON.stringify(report).length}`);
		expect(FakeWorker.made).toBe(2);
		expect(FakeWorker.ended).toBe(1);
	});

	it('with only a download in the worker ends nothing', async () => {
		let answer: (text: string) => void = () => {};
		made.remotes.push({ format: () => new Promise((r) => (answer = r)) });
		const download = client.formatInWorker({} as AnalysisResult, 'markdown');
		await flush();
		client.cancelWorker();
		answer('# report');
		await expect(download).resolves.toBe('# report');
		expect(FakeWorker.ended).toBe(0);
	});

	it('does not retry a download in a worker that crashed', async () => {
		made.remotes.push({ format: never });
		const download = client.formatInWorker({} as AnalysisResult, 'json');
		await flush();
		client.dispose('The analysis worker stopped unexpectedly.');
		await expect(download).rejects.toThrow('stopped unexpectedly');
		expect(FakeWorker.made).toBe(1);
	});
});
