/** Small real-shaped tar and zip archives built in the tests (the bytes the tools write). */
import { Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { concatBytes } from '../../src/lib/util/bytes.ts';

const enc = new TextEncoder();

export interface TarEntry {
	name: string;
	data?: string | Uint8Array;
	/** typeflag: '0' a file (default), '5' a directory, '2' a symbolic link */
	type?: string;
	/** how a name over 100 bytes is written: a pax `path` record (default) or GNU's `L` entry */
	long?: 'pax' | 'gnu';
}

function octal(n: number, len: number): string {
	return n.toString(8).padStart(len - 1, '0') + '\0';
}

function header(name: string, size: number, type: string, gnu: boolean): Uint8Array {
	const h = new Uint8Array(512);
	h.set(enc.encode(name.slice(0, 100)), 0);
	h.set(enc.encode(octal(0o644, 8)), 100);
	h.set(enc.encode(octal(0, 8)), 108);
	h.set(enc.encode(octal(0, 8)), 116);
	h.set(enc.encode(octal(size, 12)), 124);
	h.set(enc.encode(octal(1733313600, 12)), 136);
	h[156] = type.charCodeAt(0);
	// POSIX `ustar\0` `00`, GNU `ustar  \0`
	h.set(enc.encode(gnu ? 'ustar  \0' : 'ustar\u000000'), 257);
	h.set(enc.encode('root'), 265);
	h.set(enc.encode('root'), 297);
	h.fill(0x20, 148, 156);
	let sum = 0;
	for (const b of h) sum += b;
	h.set(enc.encode(sum.toString(8).padStart(6, '0') + '\0 '), 148);
	return h;
}

function padded(b: Uint8Array): Uint8Array {
	const out = new Uint8Array(Math.ceil(b.length / 512) * 512);
	out.set(b);
	return out;
}

/** A tar archive as GNU tar or Python's tarfile writes it (pax or GNU long names), with its end. */
export function tar(entries: TarEntry[]): Uint8Array {
	const parts: Uint8Array[] = [];
	for (const e of entries) {
		const data = typeof e.data === 'string' ? enc.encode(e.data) : (e.data ?? new Uint8Array(0));
		const type = e.type ?? '0';
		const gnu = e.long === 'gnu';
		if (enc.encode(e.name).length > 100) {
			if (gnu) {
				const name = enc.encode(e.name + '\0');
				parts.push(header('././@LongLink', name.length, 'L', true), padded(name));
			} else {
				const body = ` path=${e.name}\n`;
				let len = body.length;
				len += String(len + String(len).length).length;
				const record = enc.encode(`${len}${body}`);
				parts.push(header('PaxHeaders/x', record.length, 'x', false), padded(record));
			}
		}
		parts.push(header(e.name, data.length, type, gnu), padded(data));
	}
	parts.push(new Uint8Array(1024));
	return concatBytes(parts);
}

/** A zip archive with sizes in its local headers (as `zip` writes), deflated. */
export function zip(entries: Record<string, string | Uint8Array>): Uint8Array {
	const files: Record<string, Uint8Array> = {};
	for (const [k, v] of Object.entries(entries))
		files[k] = typeof v === 'string' ? enc.encode(v) : v;
	return zipSync(files, { level: 6 });
}

/**
 * A zip archive written as it streams (as Android's dumpstate and Python's zipfile to a pipe
 * write): each member's sizes come after its data, in a data descriptor. `stored` members are
 * not compressed.
 */
export function streamedZip(
	entries: Record<string, string | Uint8Array>,
	stored: string[] = []
): Uint8Array {
	const out: Uint8Array[] = [];
	const z = new Zip((err, data) => {
		if (err) throw err;
		out.push(data);
	});
	for (const [k, v] of Object.entries(entries)) {
		const f = stored.includes(k) ? new ZipPassThrough(k) : new ZipDeflate(k, { level: 6 });
		z.add(f);
		f.push(typeof v === 'string' ? enc.encode(v) : v, true);
	}
	z.end();
	return concatBytes(out);
}
