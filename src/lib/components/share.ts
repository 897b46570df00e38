import type { AnalysisResult } from '$lib/models/report';

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
	try {
		const bytes = await pipe(
			fromBase64Url(hash.slice(SHARE_PREFIX.length)),
			new DecompressionStream('deflate-raw')
		);
		const r = JSON.parse(new TextDecoder().decode(bytes)) as AnalysisResult;
		if (
			typeof r !== 'object' ||
			r === null ||
			typeof r.schema_version !== 'string' ||
			!Array.isArray(r.findings)
		) {
			return { ok: false, error: 'The link does not hold a NecroScope report.' };
		}
		return { ok: true, report: r };
	} catch {
		return {
			ok: false,
			error: 'The shared report in this link is damaged or incomplete (was the link cut?).'
		};
	}
}
