/**
 * UTF-16 input is told by the input's first 512 bytes only, whatever the size of the first chunk
 * that brings them (the CLI reads a megabyte at a time, the page a browser's chunk): a UTF-8 log
 * whose later bytes alternate a character and a 0 byte is read the same in one chunk or in many.
 */
import { describe, expect, it } from 'vitest';
import { utf16Order } from '../../src/lib/ingestion/decode.ts';
import { decodeChunks } from './helpers.ts';

describe('UTF-16 is told by the first 512 bytes', () => {
	// 512 bytes of UTF-8 lines, then 8,192 bytes that alternate `A` and a 0 byte
	const head = new TextEncoder().encode(
		'[    0.000000] Linux version 6.1.0\n'.repeat(15).slice(0, 512)
	);
	const bytes = new Uint8Array(head.length + 8192);
	bytes.set(head);
	for (let i = head.length; i < bytes.length; i += 2) bytes[i] = 0x41;

	it('reads only the first 512 bytes of what it is given', () => {
		expect(head.length).toBe(512);
		expect(utf16Order(bytes)).toBeNull();
		// the alternating bytes alone are UTF-16
		expect(utf16Order(bytes.subarray(512))).toBe('utf-16le');
	});

	it('decodes the same text in one chunk as in chunks of 100 bytes', async () => {
		const whole = await decodeChunks([bytes]);
		const parts: Uint8Array[] = [];
		for (let i = 0; i < bytes.length; i += 100) parts.push(bytes.subarray(i, i + 100));
		expect(await decodeChunks(parts)).toBe(whole);
		expect(whole.startsWith('[    0.000000] Linux version 6.1.0\n')).toBe(true);
		expect(whole).toBe(new TextDecoder().decode(bytes));
	});
});
