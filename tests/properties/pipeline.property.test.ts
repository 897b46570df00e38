import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeStream, analyzeText, formatJson, formatText } from '../../src/lib/index.ts';
import { REPORT_SCHEMA } from '../../src/lib/output/schema.ts';

/** Pieces of real kernel output, so random logs reach the parsers' interesting paths. */
const FRAGMENTS = [
	'[    0.000000] Linux version 6.6.4-arch1-1 (linux@archlinux) (gcc 13.2.1) #1 SMP',
	'[   71.427811] WARNING: CPU: 0 PID: 37 at drivers/gpu/drm/radeon/radeon_gart.c:235 radeon_gart_unbind+0xca/0xe0 [radeon]()',
	'[   71.427921] Call Trace:',
	'[   71.427930]  [<ffffffff81662d11>] dump_stack+0x45/0x56',
	'[   71.427937]  ? ttm_bo_mem_space+0x116/0x340 [ttm]',
	'[   71.428054] ---[ end trace 6ebc60ef3981792f ]---',
	'[  772.918915] BUG: unable to handle kernel paging request at ffff88002bde1e40',
	'[  772.919010] RIP: 0010:[<ffffffff82d4e304>]  [<ffffffff82d4e304>] __memset+0x24/0x30',
	'[   53.730124] BUG: KASAN: use-after-free in aead_recvmsg+0x1758/0x1bc0',
	'[   53.736605] Read of size 4 at addr ffff8801c1afdb5c by task syz-executor5/3568',
	'[  584.319520][   T31] INFO: task udevd:5612 blocked for more than 143 seconds.',
	'[ 1418.056449][ T6604] Unable to handle kernel paging request at virtual address dfffa00000000003',
	'<6>[    0.000000] Command line: ro root=/dev/sda1',
	'Nov 23 10:00:00 host kernel: [ 1.2] Out of memory: Killed process 44321 (python) total-vm:2162580kB, anon-rss:80708kB',
	'Nov 23 10:00:01 host systemd[1]: Started foo.service.',
	'2024-11-23T23:15:01.123456+01:00 myhost kernel: blk_update_request: I/O error, dev sda, sector 1445018928',
	'-- Boot 3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d --',
	'6,339,5140900,-;NET: Registered protocol family 10',
	' SUBSYSTEM=acpi',
	'Kernel panic - not syncing: Fatal exception',
	'a.out[25311]: segfault at 0 ip 0000000000400546 sp 00007fff2fb08610 error 4 in a.out[400000+1000]',
	'',
	'   ',
	'\u001b[31m[    1.000000] colour\u001b[0m',
	'<script>alert(1)</script>',
	'[[[[[[[[[[[[[[[[[[[[[[[',
	'Panic#1 Part1'
];

const line = fc.oneof(
	{ weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) },
	{ weight: 2, arbitrary: fc.string({ maxLength: 80 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{
		weight: 2,
		arbitrary: fc
			.tuple(fc.constantFrom(...FRAGMENTS), fc.nat(200), fc.string({ maxLength: 10 }))
			.map(([f, at, s]) => f.slice(0, at % (f.length + 1)) + s + f.slice(at % (f.length + 1)))
	}
);
const log = fc
	.tuple(fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
	.map(([ls, nl, finalNewline]) => ls.join(nl) + (finalNewline && ls.length ? nl : ''));

function lineCount(text: string): number {
	if (text === '') return 0;
	const n = text.split('\n').length;
	return text.endsWith('\n') ? n - 1 : n;
}

async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
	const bytes = new TextEncoder().encode(text);
	for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
	REPORT_SCHEMA
);

describe('properties of the whole pipeline over random and mutated logs', () => {
	it('never throws; line accounting and line ranges hold; the JSON validates; chunked equals whole', async () => {
		await fc.assert(
			fc.asyncProperty(log, fc.integer({ min: 1, max: 97 }), async (text, chunk) => {
				const r = await analyzeText(text);
				const total = lineCount(text);
				expect(r.input.lines_total).toBe(total);
				const counted =
					Object.values(r.input.formats).reduce((a, b) => a + b, 0) +
					r.input.lines_skipped +
					r.input.lines_unparsed;
				expect(counted).toBeGreaterThanOrEqual(total);
				for (const f of r.findings) {
					expect(f.first_line).toBeGreaterThanOrEqual(1);
					expect(f.last_line).toBeLessThanOrEqual(total);
					expect(f.first_line).toBeLessThanOrEqual(f.last_line);
					for (const e of f.evidence) expect(e.line >= 1 && e.line <= total).toBe(true);
				}
				const json = formatJson(r);
				expect(validate(JSON.parse(json)) ? [] : validate.errors).toEqual([]);
				expect(typeof formatText(r)).toBe('string');
				const again = await analyzeStream(chunked(text, chunk));
				expect(formatJson(again)).toBe(json);
			}),
			{ numRuns: 300, seed: 20261124 }
		);
	});
});
