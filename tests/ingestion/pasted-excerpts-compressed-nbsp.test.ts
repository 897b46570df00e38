/**
 * Ingestion shapes left open: dmesg excerpts of two boots pasted one after the other
 * whose second part starts late (a drop of the kernel time to 60 s or later), a file named
 * compressed that is not, a compressed ramoops record in a dump of its memory.
 */
import { describe, expect, it } from 'vitest';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { decodeBytes, DEFAULT_LIMITS } from '../../src/lib/ingestion/decode.ts';
import { UNPARSED_COMPRESSED } from '../../src/lib/ingestion/ramoops.ts';
import { groupDigits } from '../../src/lib/util/text.ts';
import { tar } from '../support/archives.ts';
import { analyzeStream, analyzeText } from '../../src/lib/pipeline.ts';
import { boots, fixtureLines, ingestBytes, ingestText, readFixture } from './helpers.ts';

/**
 * Two `dmesg | tail` excerpts of different machines' boots, concatenated here: the end of
 * real/lkp-calltrace-dmesg-007.log (lines 25-54, a WARNING in set_sched_clock_stable at
 * 1457.70 s, kernel 4.10.0-rc3) and then real/linux-bug-dmesg-out.log lines 51-100 (62.56 s to
 * 124.32 s, a WARNING in nl80211_get_reg_do, kernel 5.9.12). The time drops from 1457.76 s to
 * 62.56 s, later than 60 s into the second boot.
 */
const FIRST = fixtureLines('real/lkp-calltrace-dmesg-007.log', 25, 54);
const SECOND = fixtureLines('real/linux-bug-dmesg-out.log', 51, 100);

/** the excerpts' dmesg lines as a log server's syslog lines of host `host` (`kernel: [ts] msg`) */
function syslog(lines: string[], host: string, minute: number): string[] {
	return lines.map(
		(l, k) => `Feb  3 10:${String(minute + (k >> 4)).padStart(2, '0')}:00 ${host} kernel: ${l}`
	);
}

describe('dmesg excerpts of two boots pasted one after the other, the second from later than 60 s', () => {
	it('are two boots: the time drops from 1457.76 s to 62.56 s', () => {
		const run = ingestText([...FIRST, ...SECOND].join('\n') + '\n');
		// they had been one boot, both WARNINGs in it
		expect(boots(run)).toEqual(['start@1-30', 'timestamp-reset@31-80']);
		expect(run.blocks).toEqual(['WARNING:@4-20/0', 'WARNING:@40-80/1']);
	});

	it('each boot keeps the kernel its oops lines name, and the latest is the second’s', async () => {
		const r = await analyzeText([...FIRST, ...SECOND].join('\n') + '\n');
		expect(r.metadata.boots.map((b) => b.kernel_version)).toEqual([
			'4.10.0-rc3-00259-g9881b02',
			'5.9.12'
		]);
		// it had been 4.10.0-rc3: the second excerpt's kernel was counted in the first boot
		expect(r.metadata.latest_kernel_version).toBe('5.9.12');
	});

	it('an excerpt of the same boot pasted twice stays one boot: its records come again', () => {
		// ms912x-docs-dmesg-1-txt.log lines 29-48 (704.45 s to 786.88 s, no jump of a minute),
		// then its lines 31-48 again (from 719.51 s), as `dmesg | tail` pasted after `dmesg`: the
		// time drops by 67 s
		const MS912X = [
			'[  704.449372] usb 1-1: USB disconnect, device number 5',
			'[  719.382190] usb 1-1: new high-speed USB device number 6 using xhci_hcd',
			'[  719.511627] usb 1-1: New USB device found, idVendor=534d, idProduct=6021, bcdDevice= 1.10',
			'[  719.511643] usb 1-1: New USB device strings: Mfr=1, Product=2, SerialNumber=3',
			'[  719.511651] usb 1-1: Product: usb extscreen',
			'[  719.511656] usb 1-1: Manufacturer: USB Display ',
			'[  719.511662] usb 1-1: SerialNumber: 2019BA7160B0',
			'[  719.514746] hid-generic 0003:534D:6021.0003: hiddev0,hidraw0: USB HID v1.10 Device [USB Display  usb extscreen] on usb-0000:00:14.0-1/input0',
			'[  719.517892] ms912x: probe started for device 534d:6021 at 1-6',
			'[  719.517927] ms912x: assigned device ID 3, name ms912x-3',
			'[  719.517967] ms912x: setting resolution 800x600, mode 0x4200',
			'[  719.518909] ms912x: resolution set successfully',
			'[  719.518917] ms912x: set_resolution failed: 8',
			'[  719.518928] ms912x: probe failed for device ms912x-3',
			'[  719.518936] ms912x: probe of 1-1:1.3 failed with error 8',
			'[  775.020674] usb 1-1: USB disconnect, device number 6',
			'[  782.849703] usbcore: deregistering interface driver ms912x',
			'[  782.937707] usbcore: registered new interface driver ms912x',
			'[  786.749942] usb 1-1: new high-speed USB device number 7 using xhci_hcd',
			'[  786.878317] usb 1-1: New USB device found, idVendor=534d, idProduct=6021, bcdDevice= 1.10'
		];
		const run = ingestText([...MS912X, ...MS912X.slice(2)].join('\n') + '\n');
		expect(boots(run)).toEqual(['start@1-38']);
	});

	it('the same in a syslog file of one host', () => {
		const run = ingestText(
			[...syslog(FIRST, 'alpha', 10), ...syslog(SECOND, 'alpha', 20)].join('\n') + '\n'
		);
		expect(boots(run)).toEqual(['start@1-30', 'timestamp-reset@31-80']);
	});

	it('a log server’s file interleaving two hosts is one boot: each host keeps its own time', () => {
		const a = syslog(FIRST, 'alpha', 10);
		const b = syslog(SECOND.slice(0, 30), 'beta', 10);
		const mixed = a.flatMap((l, k) => [l, b[k]]);
		const run = ingestText(mixed.join('\n') + '\n');
		expect(boots(run)).toEqual(['start@1-60']);
	});

	it('consoles of several machines interleaved without a host stay one boot (syzkaller 346)', () => {
		// fixtures/syzkaller/346.log: 560.713 s, 3481.239 s (4 lines), 438.400 s, 560.714 s,
		// 3481.240 s, 560.719 s ...: each drop resumes a time the jump before it left, or comes
		// right after another machine's lines broke in
		const run = ingestText(new TextDecoder().decode(readFixture('../syzkaller/346.log')));
		expect(boots(run)).toEqual(['start@1-65']);
	});

	it('a ring buffer read from the wrong place whose wrap is late is still one boot', () => {
		// real/linux-bug-dmesg-out.log lines 76-100 (124.309 s ...) then 51-75 (62.56 s to
		// 124.308 s), as a buffer read from the byte after line 75 would be: its end continues at
		// its start, whose first line is whole. The late drop is a reset, then undone.
		const run = ingestText(
			[
				...fixtureLines('real/linux-bug-dmesg-out.log', 76, 100),
				...fixtureLines('real/linux-bug-dmesg-out.log', 51, 75)
			].join('\n') + '\n'
		);
		expect(boots(run)).toEqual(['start@1-50']);
		expect(run.summary.wrappedBoots).toEqual([1]);
	});
});

describe('a file whose name says compressed', () => {
	// real/linux-bug-dmesg-out.log, whole
	const LOG = readFixture('real/linux-bug-dmesg-out.log');
	const NOTE = /^The file is named `/;
	async function notes(bytes: Uint8Array, name: string): Promise<string[]> {
		async function* src() {
			yield bytes;
		}
		const r = await analyzeStream(src(), { name });
		return r.input.warnings.filter((w) => NOTE.test(w));
	}

	it('but is plain text is read as text, and the report says so', async () => {
		// it had been read as text without a word
		expect(await notes(LOG, 'dmesg.out.gz')).toEqual([
			"The file is named `dmesg.out.gz` but is not gzip-compressed: it was read as it is, as plain text (compression is told by a file's first bytes, not its name; a browser or server may have decompressed it on download and kept the name)."
		]);
		expect(await notes(LOG, 'kern.log.XZ')).toHaveLength(1);
		expect(await notes(LOG, 'dmesg.zst')).toHaveLength(1);
	});

	it('and is, says nothing; another compression is named', async () => {
		const gz = new Uint8Array(gzipSync(LOG));
		expect(await notes(gz, 'dmesg.out.gz')).toEqual([]);
		expect(await notes(gz, 'logs.tgz')).toEqual([]);
		expect(await notes(LOG, 'dmesg.out')).toEqual([]);
		expect(await notes(gz, 'dmesg.out.xz')).toEqual([
			"The file is named `dmesg.out.xz` but is gzip-compressed, not xz: it was decompressed as gzip (compression is told by a file's first bytes, not its name)."
		]);
	});
});

describe('a compressed ramoops record (`====<sec>.<usec>-C`) in a dump of its memory', () => {
	/**
	 * Synthesised from real/i225nic-pstore-panic-log-txt.log lines 943-959 (`Panic#2 Part1` and
	 * its 16 lines, the panic's newest part), compressed here the way the kernel's pstore does:
	 * raw deflate with the crypto API's `deflate` parameters (4.10 on: 2 KiB window, memory level
	 * 9), or zlib-wrapped with pstore's own (3.11 to 4.9: 4 KiB window, memory level 4), or lz4
	 * (`pstore.compress=lz4`, a block made by the small encoder below), after ramoops's header
	 * with the dump's time (that of the record's efi-pstore name, as in pstore-nul-glued-records.test.ts). What
	 * follows the compressed bytes in the record's memory is zeros here.
	 */
	const TEXT = fixtureLines('real/i225nic-pstore-panic-log-txt.log', 943, 959).join('\n') + '\n';
	const HEADER = '====1676462792.000000-C\n';
	const enc = new TextEncoder();
	function record(body: Uint8Array, before = '', after = ''): Uint8Array {
		const parts = [enc.encode(before + HEADER), body, new Uint8Array(64), enc.encode(after)];
		const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
		let at = 0;
		for (const p of parts) {
			out.set(p, at);
			at += p.length;
		}
		return out;
	}
	const RAW = new Uint8Array(deflateRawSync(enc.encode(TEXT), { windowBits: 11, memLevel: 9 }));
	const WRAPPED = new Uint8Array(deflateSync(enc.encode(TEXT), { windowBits: 12, memLevel: 4 }));

	async function run(bytes: Uint8Array, chunk = 1 << 16) {
		return ingestBytes(bytes, chunk);
	}

	it('inflates raw deflate (4.10 on) and reads its text in its place', async () => {
		const r = await run(record(RAW));
		const input = r.summary.input;
		// its bytes had been `binary or control characters` lines
		expect(input.unparsed_reasons).toEqual({});
		expect(input.skipped_reasons).toEqual({ 'pstore record header': 2 });
		expect(input.formats).toEqual({ 'dmesg-raw': 16 });
		expect(r.records.at(-2)?.text).toBe('Kernel panic - not syncing: Fatal exception in interrupt');
		expect(r.blocks.some((b) => b.startsWith('Kernel panic'))).toBe(true);
		// the header's time dates the dump, as an uncompressed record's does
		expect(r.summary.metadata.calibration).toEqual([
			expect.objectContaining({ boot: 0, anchors: 1 })
		]);
	});

	it('inflates zlib-wrapped deflate (3.11 to 4.9) the same way', async () => {
		const r = await run(record(WRAPPED));
		expect(r.summary.input.formats).toEqual({ 'dmesg-raw': 16 });
		expect(r.summary.input.unparsed_reasons).toEqual({});
	});

	it('the report says so', async () => {
		async function* src() {
			yield record(RAW);
		}
		const r = await analyzeStream(src());
		expect(r.input.warnings[0]).toBe(
			`A compressed pstore record (ramoops header \`====1676462792.000000-C\`) was inflated: its ${groupDigits(RAW.length + 64)} bytes of deflate hold ${groupDigits(TEXT.length)} bytes of text, read in their place. Line numbers after its header count the lines of that text, not the file's.`
		);
		expect(r.findings.some((f) => f.title === 'kernel panic: Fatal exception')).toBe(true);
	});

	it('in an archive too (a memory dump saved as log/dmesg in a tar)', async () => {
		async function* src() {
			yield tar([{ name: 'log/dmesg', data: record(RAW) }]);
		}
		const r = await analyzeStream(src());
		expect(r.input.warnings.some((w) => w.startsWith('A compressed pstore record'))).toBe(true);
		expect(r.findings.some((f) => f.title === 'kernel panic: Fatal exception')).toBe(true);
	});

	it('whatever the chunks and windows the bytes come in', async () => {
		const bytes = record(RAW, '<6>[ 1330.000000] before it\n', '====1676462793.000000-D\nafter\n');
		async function text(chunk: number, decodeWindow: number): Promise<string> {
			async function* src() {
				for (let i = 0; i < bytes.length; i += chunk) yield bytes.slice(i, i + chunk);
			}
			let out = '';
			for await (const t of decodeBytes(src(), { ...DEFAULT_LIMITS, decodeWindow })) out += t;
			return out;
		}
		const whole = await text(bytes.length, 1 << 16);
		expect(whole).toBe(
			'<6>[ 1330.000000] before it\n' + HEADER + TEXT + '====1676462793.000000-D\nafter\n'
		);
		for (const [chunk, window] of [
			[1, 16],
			[7, 16],
			[13, 64],
			[64, 16],
			[1 << 16, 16]
		])
			expect(await text(chunk, window), `${chunk}/${window}`).toBe(whole);
	});

	it('lz4 does not inflate: its lines are named as a compressed record, in no boot', async () => {
		const r = await run(
			record(lz4Block(enc.encode(TEXT)), '', '====1676462793.000000-D\n<6>[ 1332.000000] next\n')
		);
		const input = r.summary.input;
		expect(Object.keys(input.unparsed_reasons)).toEqual([UNPARSED_COMPRESSED]);
		expect(input.formats).toEqual({ 'dmesg-raw': 1 });
		expect(r.records.filter((x) => x.kind === 'kernel').map((x) => x.text)).toEqual(['next']);
	});

	it('text after a `-C` header is read as text: it is no compressed body', async () => {
		// the part's lines without their `Panic#2 Part1`, which would end the body anyway
		const r = await run(enc.encode(HEADER + TEXT.slice(TEXT.indexOf('\n') + 1)));
		expect(r.summary.input.unparsed_reasons).toEqual({});
		expect(r.summary.input.formats).toEqual({ 'dmesg-raw': 16 });
	});
});

/** An LZ4 block (greedy, 4-byte matches), as lz4's block format has it. */
function lz4Block(src: Uint8Array): Uint8Array {
	const out: number[] = [];
	const table = new Map<number, number>();
	let anchor = 0;
	const length = (n: number) => {
		for (; n >= 255; n -= 255) out.push(255);
		out.push(n);
	};
	const sequence = (litEnd: number, match: number, offset: number) => {
		const lit = litEnd - anchor;
		const ml = match - 4;
		out.push((Math.min(lit, 15) << 4) | (match > 0 ? Math.min(ml, 15) : 0));
		if (lit >= 15) length(lit - 15);
		for (let k = anchor; k < litEnd; k++) out.push(src[k]);
		if (match > 0) {
			out.push(offset & 255, offset >> 8);
			if (ml >= 15) length(ml - 15);
		}
	};
	let i = 0;
	while (i + 12 < src.length) {
		const key = src[i] | (src[i + 1] << 8) | (src[i + 2] << 16) | (src[i + 3] << 24);
		const c = table.get(key);
		table.set(key, i);
		if (c !== undefined && i - c < 65536) {
			let len = 4;
			while (i + len < src.length - 5 && src[c + len] === src[i + len]) len++;
			sequence(i, len, i - c);
			i += len;
			anchor = i;
		} else i++;
	}
	sequence(src.length, 0, 0);
	return Uint8Array.from(out);
}

describe('non-breaking spaces where the log has spaces (a copy from a web page or a mail)', () => {
	// real/linux-bug-dmesg-out.log with every space a U+00A0, as some pages and mail programs copy
	// it: it had been 100 bare lines, no kernel, and a WARNING titled without its spaces
	const LOG = new TextDecoder().decode(readFixture('real/linux-bug-dmesg-out.log'));

	it('are read as spaces, and the report says so', async () => {
		const plain = await analyzeText(LOG);
		const r = await analyzeText(LOG.replaceAll(' ', '\u00a0'));
		expect(r.input.formats).toEqual(plain.input.formats);
		expect(r.metadata.kernel_version).toBe('5.9.12');
		expect(r.findings.map((f) => f.title)).toEqual(plain.findings.map((f) => f.title));
		expect(r.findings.map((f) => f.title)).toContain('WARNING in nl80211_get_reg_do');
		expect(r.input.warnings).toContain(
			'The text holds non-breaking spaces (U+00A0) where a log has spaces, as a copy from a web page, a mail or a word processor leaves them: they were read as spaces.'
		);
		expect(plain.input.warnings.some((w) => w.includes('U+00A0'))).toBe(false);
	});

	it('a few of a program’s own say nothing', async () => {
		// askubuntu-dmesg-journalctl-lastdayorso.log lines 4250-4251 (packagekit's localised
		// `176,4 MB`, with a U+00A0), after this log's lines
		const r = await analyzeText(
			LOG +
				'                                        size-installed:      176,4\u00a0MB\n' +
				'                                        size-download:       176,4\u00a0MB\n'
		);
		expect(r.input.warnings.some((w) => w.includes('U+00A0'))).toBe(false);
	});
});
