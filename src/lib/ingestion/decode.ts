/**
 * Bytes to text, streaming: gzip is detected from its magic bytes (never from a file name) and
 * inflated with the platform's DecompressionStream; invalid UTF-8 becomes U+FFFD so every byte
 * still belongs to a line.
 */
export interface DecodeLimits {
	/** stop with an error once more than this many decompressed bytes were produced */
	maxDecompressedBytes: number;
}

export class InputError extends Error {
	constructor(
		readonly code: 'too-large' | 'decompression-bomb' | 'corrupt-compressed' | 'binary' | 'read',
		message: string
	) {
		super(message);
		this.name = 'InputError';
	}
}

export const DEFAULT_LIMITS: DecodeLimits = { maxDecompressedBytes: 4 * 1024 ** 3 };

async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>) {
	yield first;
	for (;;) {
		const r = await rest.next();
		if (r.done) return;
		yield r.value;
	}
}

function isGzip(b: Uint8Array): boolean {
	return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

async function* gunzip(src: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
	const ds = new DecompressionStream('gzip');
	const writer = ds.writable.getWriter();
	const pump = (async () => {
		try {
			for await (const chunk of src) await writer.write(chunk as Uint8Array<ArrayBuffer>);
			await writer.close();
		} catch (e) {
			await writer.abort(e).catch(() => {});
		}
	})();
	const reader = ds.readable.getReader();
	try {
		for (;;) {
			const r = await reader.read();
			if (r.done) break;
			yield r.value;
		}
	} catch {
		throw new InputError('corrupt-compressed', 'The compressed file is damaged or truncated.');
	} finally {
		reader.releaseLock();
		await pump;
	}
}

/**
 * Decode a byte stream (plain or gzip) into text chunks.
 * `onBytes` is told how many input bytes were consumed (for progress).
 */
export async function* decodeBytes(
	src: AsyncIterable<Uint8Array>,
	limits: DecodeLimits = DEFAULT_LIMITS,
	onBytes?: (n: number) => void
): AsyncGenerator<string> {
	const it = src[Symbol.asyncIterator]();
	let first = await it.next();
	while (!first.done && first.value.length === 0) first = await it.next();
	if (first.done) return;
	const counted = (async function* () {
		for await (const c of prepend(first.value, it)) {
			onBytes?.(c.length);
			yield c;
		}
	})();
	let stream: AsyncIterable<Uint8Array> = counted;
	if (isGzip(first.value)) {
		let produced = 0;
		stream = (async function* () {
			for await (const c of gunzip(counted)) {
				produced += c.length;
				if (produced > limits.maxDecompressedBytes) {
					throw new InputError(
						'decompression-bomb',
						`The compressed file expands to more than ${Math.round(limits.maxDecompressedBytes / 1024 ** 2)} MB; analysis stopped there. Decompress it yourself and analyse a part of it.`
					);
				}
				yield c;
			}
		})();
	}
	const dec = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
	for await (const chunk of stream) {
		const text = dec.decode(chunk, { stream: true });
		if (text !== '') yield text;
	}
	const tail = dec.decode();
	if (tail !== '') yield tail;
}

/** Wrap a string (or several) as a byte stream. */
export async function* textSource(text: string, chunkSize = 1 << 20): AsyncGenerator<Uint8Array> {
	const enc = new TextEncoder();
	for (let i = 0; i < text.length; i += chunkSize) yield enc.encode(text.slice(i, i + chunkSize));
}
