/**
 * Talks to static/llm-bridge.html, the only part of the site allowed (by its own
 * Content-Security-Policy) to connect to loopback addresses. The frame is created on the first
 * request, i.e. only after the user has clicked to send a finding to a local model.
 */
let frame: HTMLIFrameElement | null = null;
let ready: Promise<void> | null = null;
let seq = 0;

function ensureFrame(): Promise<void> {
	if (ready) return ready;
	ready = new Promise<void>((resolve, reject) => {
		const onReady = (e: MessageEvent) => {
			if (e.origin !== location.origin || e.data?.type !== 'necroscope-llm-ready') return;
			window.removeEventListener('message', onReady);
			resolve();
		};
		window.addEventListener('message', onReady);
		frame = document.createElement('iframe');
		frame.src = new URL('llm-bridge.html', document.baseURI).href;
		frame.title = 'Local model bridge';
		frame.hidden = true;
		frame.setAttribute('aria-hidden', 'true');
		frame.onerror = () => reject(new Error('The local model bridge could not be loaded.'));
		document.body.append(frame);
	});
	return ready;
}

export interface BridgeReply {
	ok: boolean;
	status?: number;
	body?: unknown;
	error?: string;
}

export async function askLocalModel(
	url: string,
	body: unknown,
	timeoutMs = 180_000
): Promise<BridgeReply> {
	await ensureFrame();
	const id = `q${++seq}`;
	return new Promise<BridgeReply>((resolve) => {
		const timer = setTimeout(() => {
			window.removeEventListener('message', onReply);
			resolve({ ok: false, error: 'The local model did not answer in time.' });
		}, timeoutMs);
		const onReply = (e: MessageEvent) => {
			if (e.origin !== location.origin || e.source !== frame?.contentWindow) return;
			if (e.data?.type !== 'necroscope-llm-reply' || e.data.id !== id) return;
			clearTimeout(timer);
			window.removeEventListener('message', onReply);
			resolve(e.data as BridgeReply);
		};
		window.addEventListener('message', onReply);
		frame?.contentWindow?.postMessage({ type: 'necroscope-llm', id, url, body }, location.origin);
	});
}
