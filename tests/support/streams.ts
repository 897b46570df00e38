/** Bytes handed to the ingestion in pieces, as the CLI's read stream and the page's File give them. */

/** `bytes` in pieces of `size` bytes (the last one shorter) */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

/** as the page reads a File (its stream's chunks), pausing as the worker does between windows */
export async function* fileStream(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
	const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().getReader();
	for (;;) {
		const r = await reader.read();
		if (r.done) return;
		yield r.value;
	}
}
