import { crc32 } from 'node:zlib';
import { concatBytes } from '../../src/lib/util/bytes.ts';

/**
 * Zstandard and xz files that store their data uncompressed (zstd raw blocks, xz's LZMA2
 * uncompressed chunks): valid files of either format, made without an encoder (Node 20 has no
 * zstd, and neither has an xz one), for tests that need a given text in such a file. The
 * decoders themselves are tested on files made by `zstd` and `xz` (fixtures/compressed/).
 */

/**
 * a Zstandard frame of raw blocks (`block` bytes at most each, 128 KiB at most), no checksum; the
 * decoder gives each block's bytes as soon as it is whole, so a file cut short gives the bytes
 * before the cut and then its error, as a browser's gzip decoder does
 */
export function storedZstd(data: Uint8Array | string, block = 128 * 1024): Uint8Array<ArrayBuffer> {
	const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
	// magic, frame header descriptor 0 (window descriptor follows, no content size), window 2 MiB
	const parts: Uint8Array[] = [Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58)];
	const BLOCK = Math.min(block, 128 * 1024);
	let at = 0;
	do {
		const piece = bytes.subarray(at, at + BLOCK);
		at += piece.length;
		// block header: last-block bit, type 0 (raw), size, 3 bytes little-endian
		const h = (piece.length << 3) | (at >= bytes.length ? 1 : 0);
		parts.push(Uint8Array.of(h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff), piece);
	} while (at < bytes.length);
	return Uint8Array.from(concatBytes(parts));
}

function le32(n: number): Uint8Array {
	return Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
}

function varint(n: number): number[] {
	const out: number[] = [];
	while (n >= 0x80) {
		out.push((n % 0x80) | 0x80);
		n = Math.floor(n / 0x80);
	}
	out.push(n);
	return out;
}

function padded(bytes: number[]): number[] {
	while (bytes.length % 4 !== 0) bytes.push(0);
	return bytes;
}

/** an xz stream of one block of LZMA2 uncompressed chunks (64 KiB at most each), CRC32 check */
export function storedXz(data: Uint8Array | string): Uint8Array<ArrayBuffer> {
	const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
	const flags = Uint8Array.of(0x00, 0x01);
	const streamHeader = concatBytes([
		Uint8Array.of(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00),
		flags,
		le32(crc32(flags))
	]);
	// block header: size/4-1, flags (one filter, no sizes), LZMA2 (0x21) with its 1-byte property
	const header = Uint8Array.from(padded([0x02, 0x00, 0x21, 0x01, 0x00]));
	const blockHeader = concatBytes([header, le32(crc32(header))]);
	const chunks: Uint8Array[] = [];
	const CHUNK = 64 * 1024;
	for (let at = 0; at < bytes.length; at += CHUNK) {
		const piece = bytes.subarray(at, at + CHUNK);
		// 1: uncompressed chunk with a dictionary reset (the first), 2: without
		chunks.push(
			Uint8Array.of(at === 0 ? 1 : 2, (piece.length - 1) >> 8, (piece.length - 1) & 0xff),
			piece
		);
	}
	chunks.push(Uint8Array.of(0));
	const lzma2 = concatBytes(chunks);
	const blockPadding = new Uint8Array((4 - (lzma2.length % 4)) % 4);
	const check = le32(crc32(bytes));
	const unpaddedSize = blockHeader.length + lzma2.length + check.length;
	const indexBody = Uint8Array.from(
		padded([0x00, ...varint(1), ...varint(unpaddedSize), ...varint(bytes.length)])
	);
	const index = concatBytes([indexBody, le32(crc32(indexBody))]);
	const footerBody = concatBytes([le32(index.length / 4 - 1), flags]);
	const footer = concatBytes([le32(crc32(footerBody)), footerBody, Uint8Array.of(0x59, 0x5a)]);
	return Uint8Array.from(
		concatBytes([streamHeader, blockHeader, lzma2, blockPadding, check, index, footer])
	);
}
