/**
 * archive.ts: a tar or zip archive (sosreport, Android bug report, a packed /var/log) is read by
 * its kernel-log member, chosen by path. The archives are built here, the logs in them real
 * (fixtures/formats/real: linux-bug-dmesg-out.log, a dmesg; izassafar-one-kern-log.log, a
 * kern.log; dfir-sample-files-syslog-1.log, a syslog file). Before, a tar was read as text with its 512-byte headers and a zip only got a note.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { kernelLogMember } from '../../src/lib/ingestion/archive.ts';
import { analyzeStream, analyzeText, type AnalyzeOptions } from '../../src/lib/pipeline.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { streamedZip, tar, zip } from '../support/archives.ts';
import { fixturePath } from './helpers.ts';

const DMESG = readFileSync(fixturePath('real/linux-bug-dmesg-out.log'), 'utf8');
const KERN_LOG = readFileSync(fixturePath('real/izassafar-one-kern-log.log'), 'utf8');
/** 115 KB: compressed in more than one deflate block */
const SYSLOG = readFileSync(fixturePath('real/dfir-sample-files-syslog-1.log'), 'utf8');
const SOS = 'sosreport-host1-2026-12-04-abcdefg';

async function analyzeBytes(
	bytes: Uint8Array,
	opts: AnalyzeOptions = {},
	chunk = 1 << 16
): Promise<AnalysisResult> {
	return analyzeStream(
		(async function* () {
			for (let i = 0; i < bytes.length; i += chunk) yield bytes.slice(i, i + chunk);
		})(),
		opts
	);
}

/**
 * Mark a zip member as compressed with another method (12: bzip2, as Python's zipfile writes it)
 * in its local header, which fflate's zipSync cannot write: the member named `name` must be there.
 */
function setZipMethod(bytes: Uint8Array, name: string, method: number): void {
	const want = strToU8(name);
	let at = -1;
	for (let i = 0; i + 30 + want.length <= bytes.length && at < 0; i++)
		if (
			bytes[i] === 0x50 &&
			bytes[i + 1] === 0x4b &&
			bytes[i + 2] === 3 &&
			bytes[i + 3] === 4 &&
			want.every((b, k) => bytes[i + 30 + k] === b)
		)
			at = i;
	expect(at).toBeGreaterThan(0);
	bytes[at + 8] = method;
}

/** what a report found, to compare an archive's report with its log's */
function digest(r: AnalysisResult) {
	return {
		findings: r.findings.map((f) => f.title),
		lines: r.input.lines_total,
		kernel: r.metadata.kernel_version,
		boots: r.metadata.boots.length,
		verdict: r.summary.verdict
	};
}

describe('kernelLogMember', () => {
	it('names the kernel logs of a sosreport, a packed /var/log and an Android bug report', () => {
		const cases: Array<[string, number | null]> = [
			[`${SOS}/var/log/kern.log`, 10],
			[`${SOS}/var/log/kern.log.1`, 15],
			[`${SOS}/var/log/messages`, 20],
			[`${SOS}/var/log/messages-20241201`, 25],
			[`${SOS}/var/log/syslog.2.gz`, 25],
			['var/log/syslog', 20],
			['kern.log', 10],
			['log/kern.log', 10],
			[`${SOS}/sos_commands/logs/journalctl_--no-pager_-k`, 30],
			[`${SOS}/sos_commands/logs/journalctl_--no-pager_--catalog_--boot`, 40],
			[`${SOS}/sos_commands/logs/journalctl_--no-pager_--catalog_--boot_-1`, 41],
			[`${SOS}/sos_commands/kernel/dmesg`, 50],
			[`${SOS}/var/log/dmesg`, 50],
			[`${SOS}/var/log/dmesg.0`, 55],
			['bugreport-sdk_gphone64_x86_64-UE1A.230829.036-2026-12-04-10-00-00.txt', 60],
			// a user's own: `sudo dmesg > dmesg.log`, `journalctl -k > kernel.txt` (a report's advice)
			['dmesg.log', 50],
			['logs/dmesg.log', 50],
			['kernel.txt', 50],
			['var/log/kernel.log', 50],
			['dmesg.log.1', 55],
			[`${SOS}/etc/kernel.txt`, null],
			// not kernel logs: another program's `messages`, sosreport's other journal output
			[`${SOS}/usr/share/locale/de/messages`, null],
			[`${SOS}/etc/rsyslog.d/messages`, null],
			[`${SOS}/sos_commands/logs/journalctl_--disk-usage`, null],
			[`${SOS}/sos_commands/kernel/sysctl_-a`, null],
			[`${SOS}/var/log/kern.log.conf`, null]
		];
		for (const [path, rank] of cases) expect(kernelLogMember(path)?.rank ?? null, path).toBe(rank);
		expect(kernelLogMember(`${SOS}/var/log/kern.log.2.xz`)).toMatchObject({ readable: false });
		expect(kernelLogMember(`${SOS}/var/log/kern.log.2.zst`)).toMatchObject({
			rank: 15,
			readable: true
		});
	});
});

describe('a tar archive', () => {
	const sos = tar([
		{ name: `${SOS}/`, type: '5' },
		{ name: `${SOS}/etc/hostname`, data: 'host1\n' },
		{ name: `${SOS}/sos_commands/kernel/dmesg`, data: DMESG },
		{ name: `${SOS}/sos_commands/kernel/sysctl_-a`, data: 'kernel.panic = 0\n' },
		{ name: `${SOS}/var/log/kern.log`, data: KERN_LOG },
		{ name: `${SOS}/var/log/messages`, data: KERN_LOG }
	]);

	it('is read by its best kernel log, whatever the chunks, plain or gzip-compressed', async () => {
		const alone = digest(await analyzeText(KERN_LOG));
		expect(alone.findings.length).toBeGreaterThan(0);
		for (const bytes of [sos, gzipSync(sos)]) {
			for (const chunk of [7, 512, 1 << 16]) {
				const r = await analyzeBytes(bytes, {}, chunk);
				expect(digest(r), `${chunk}`).toEqual(alone);
				// dmesg came first and was replaced by kern.log; messages holds the same lines
				expect(r.input.warnings[0]).toBe(
					`This is a tar archive (5 files): the kernel log analysed is its member \`${SOS}/var/log/kern.log\` (kern.log). Other kernel logs in it, not analysed (one is read, so that no message is counted twice): \`${SOS}/sos_commands/kernel/dmesg\`, \`${SOS}/var/log/messages\`.`
				);
			}
		}
	});

	it('reads a dmesg when it is the only kernel log, and a rotated gzip-compressed kern.log', async () => {
		const dmesg = await analyzeBytes(
			tar([
				{ name: `${SOS}/sos_commands/kernel/dmesg`, data: DMESG },
				{ name: `${SOS}/sos_commands/kernel/sysctl_-a`, data: 'kernel.panic = 0\n' }
			])
		);
		expect(digest(dmesg)).toEqual(digest(await analyzeText(DMESG)));
		const rotated = await analyzeBytes(
			tar([{ name: 'var/log/kern.log.2.gz', data: gzipSync(KERN_LOG) }])
		);
		expect(digest(rotated)).toEqual(digest(await analyzeText(KERN_LOG)));
	});

	it("reads a user's dmesg.log or kernel.txt packed alone or in a folder, gzip-compressed or in a zip (it had found no kernel log)", async () => {
		const alone = digest(await analyzeText(DMESG));
		for (const name of ['dmesg.log', 'kernel.txt', 'logs/kernel.log'])
			for (const bytes of [
				gzipSync(tar([{ name, data: DMESG }])),
				zip({ [name]: DMESG, 'notes.txt': 'after the update\n' })
			]) {
				const r = await analyzeBytes(bytes);
				expect(digest(r), name).toEqual(alone);
				expect(r.input.warnings[0], name).toMatch(
					new RegExp(
						`^This is a (tar|zip) archive \\(\\d files?\\): the kernel log analysed is its member \`${name}\``
					)
				);
			}
		// among other files, a log under another name is not guessed at: the note lists the files
		const other = await analyzeBytes(
			gzipSync(
				tar([
					{ name: 'boot-2026.log', data: DMESG },
					{ name: 'Xorg.0.log', data: '[    12.345] (II) Loading extension GLX\n' }
				])
			)
		);
		expect(other.summary.verdict).toBe('no-kernel-log');
		expect(other.input.lines_total).toBe(0);
		expect(other.input.warnings[0]).toBe(
			"This is a tar archive with no kernel log that is read here (kern.log, messages, syslog, dmesg, kernel.txt, a sosreport's journalctl output or an Android bug report, by their paths). It holds 2 files: `boot-2026.log`, `Xorg.0.log`. Extract the kernel log from it and analyse that."
		);
	});

	it('reads the one text file of an archive of one file, whatever its name, and says so', async () => {
		// it had been refused with its file list: an archive of one file is that file
		const alone = digest(await analyzeText(DMESG));
		for (const name of ['boot-2026.log', 'console.log', 'home/me/logs/dmesg.txt', 'messages.txt'])
			for (const [kind, bytes] of [
				['tar', gzipSync(tar([{ name, data: DMESG }]))],
				['zip', zip({ [name]: DMESG })],
				['zip', streamedZip({ [name]: DMESG })]
			] as const) {
				const r = await analyzeBytes(bytes, {}, 61);
				expect(digest(r), `${kind} ${name}`).toEqual(alone);
				expect(r.input.warnings[0], name).toBe(
					`This is a ${kind} archive of one file, \`${name}\`: it is analysed as the kernel log, though its name is none of those read by name in an archive (kern.log, messages, syslog, dmesg, kernel.txt, …).`
				);
			}
		// a gzip-compressed one, and one followed by a kernel log, which replaces it (not listed)
		const gz = await analyzeBytes(tar([{ name: 'boot.log.gz', data: gzipSync(DMESG) }]));
		expect(digest(gz)).toEqual(alone);
		const then = await analyzeBytes(
			tar([
				{ name: 'boot-2026.log', data: DMESG },
				{ name: 'var/log/kern.log', data: KERN_LOG }
			])
		);
		expect(digest(then)).toEqual(digest(await analyzeText(KERN_LOG)));
		expect(then.input.warnings[0]).toBe(
			'This is a tar archive (2 files): the kernel log analysed is its member `var/log/kern.log` (kern.log).'
		);
	});

	it('does not read the one file of an archive when it is binary data', async () => {
		const bytes = new Uint8Array(4096);
		for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 1103515245 + 12345) >>> 13;
		const r = await analyzeBytes(tar([{ name: 'capture.bin', data: bytes }]));
		expect(r.input.lines_total).toBe(0);
		expect(r.summary.verdict).toBe('no-kernel-log');
		expect(r.input.warnings[0]).toBe(
			'This is a tar archive of one file, `capture.bin`, which is binary data, not a text log: extract it, and analyse the kernel log it holds as text.'
		);
	});

	it('passes over an empty kern.log (just rotated) for the rotated one, not replacing dmesg with nothing', async () => {
		// before, the empty kern.log ranked first: it replaced dmesg and the report had no line
		const r = await analyzeBytes(
			tar([
				{ name: `${SOS}/sos_commands/kernel/dmesg`, data: DMESG },
				{ name: `${SOS}/var/log/kern.log`, data: '' },
				{ name: `${SOS}/var/log/kern.log.1`, data: KERN_LOG }
			])
		);
		expect(digest(r)).toEqual(digest(await analyzeText(KERN_LOG)));
		expect(r.input.warnings[0]).toBe(
			`This is a tar archive (3 files): the kernel log analysed is its member \`${SOS}/var/log/kern.log.1\` (kern.log). Other kernel logs in it, not analysed (one is read, so that no message is counted twice): \`${SOS}/var/log/kern.log\` (empty), \`${SOS}/sos_commands/kernel/dmesg\`.`
		);
	});

	it('reads long paths: pax records and GNU long names', async () => {
		const deep = `${SOS}/${'very-long-directory-name/'.repeat(5)}var/log/kern.log`;
		expect(deep.length).toBeGreaterThan(100);
		for (const long of ['pax', 'gnu'] as const) {
			const r = await analyzeBytes(tar([{ name: deep, data: KERN_LOG, long }]));
			expect(r.input.warnings[0], long).toContain(`\`${deep}\``);
			expect(digest(r)).toEqual(digest(await analyzeText(KERN_LOG)));
		}
	});

	it('without a kernel log says what it holds (the first 20 names)', async () => {
		const files = Array.from({ length: 25 }, (_, i) => ({
			name: `${SOS}/etc/file${i}`,
			data: 'x\n'
		}));
		const r = await analyzeBytes(tar(files));
		expect(r.input.warnings[0]).toMatch(
			/^This is a tar archive with no kernel log that is read here .* It holds 25 files: `sosreport-host1-2026-12-04-abcdefg\/etc\/file0`, .*`sosreport-host1-2026-12-04-abcdefg\/etc\/file19`, and 5 more\. Extract the kernel log from it/
		);
		expect(r.input.lines_total).toBe(0);
		expect(r.summary.verdict).toBe('no-kernel-log');
	});

	it('cut short keeps what was read and says so', async () => {
		// in the middle of kern.log, before messages and the end-of-archive blocks
		const kernEnd = sos.length - 1024 - 512 - Math.ceil(KERN_LOG.length / 512) * 512;
		const cut = sos.subarray(0, kernEnd - (KERN_LOG.length >> 1));
		const r = await analyzeBytes(cut);
		expect(r.input.lines_total).toBeGreaterThan(10);
		expect(r.input.warnings.at(-1)).toMatch(
			/^Incomplete: The archive is truncated: it ends in the middle of `.*\/var\/log\/kern\.log`\. This report covers only the first /
		);
	});

	it('with a damaged header stops there and says so', async () => {
		const bad = sos.slice();
		// the header of sysctl_-a, after the dmesg
		const at = 512 * (4 + Math.ceil(DMESG.length / 512));
		expect(String.fromCharCode(...bad.subarray(at, at + 10))).toBe(SOS.slice(0, 10));
		bad[at + 3] ^= 0x20;
		const r = await analyzeBytes(bad);
		expect(digest(r)).toEqual(digest(await analyzeText(DMESG)));
		expect(r.input.warnings.at(-1)).toMatch(/^Incomplete: The archive is damaged or truncated\./);
	});

	it('a .tar.gz cut in its first bytes says the archive is cut and where, not only that a compressed file is', async () => {
		// before: `The compressed file is damaged or truncated.`, and with a few lines read, a report
		// of them whose note did not say it was the archive that was cut, nor where
		const gz = gzipSync(tar([{ name: 'var/log/kern.log', data: KERN_LOG }]));
		const cut = gz.subarray(0, 300);
		const some = await analyzeBytes(cut);
		expect(some.input.lines_total).toBeGreaterThan(0);
		expect(some.input.lines_total).toBeLessThan(20);
		expect(some.input.warnings.at(-1)).toMatch(
			/^Incomplete: The archive is damaged or truncated: its compressed data ends in the middle of `var\/log\/kern\.log`\. This report covers only the first \d lines\.$/
		);
		// in 64-byte chunks the same (the platform's decoder had lost every line, and the analysis
		// had failed: the damaged .gz is read a second time the same way, see decode.ts)
		expect(await analyzeBytes(cut, {}, 64)).toEqual(some);
		// cut before any kernel log
		const other = gzipSync(
			tar([
				{ name: `${SOS}/etc/hosts`, data: SYSLOG },
				{ name: `${SOS}/var/log/kern.log`, data: KERN_LOG }
			])
		);
		await expect(analyzeBytes(other.subarray(0, 2000))).rejects.toThrow(
			'The archive is damaged or truncated: its compressed data ends before any kernel log in it.'
		);
		// a compressed log alone says what it did
		const plain = await analyzeBytes(gzipSync(KERN_LOG).subarray(0, 300), {}, 64);
		expect(plain.input.warnings.at(-1)).toMatch(
			/^Incomplete: The compressed file is truncated: it ends in the middle of its data\. This report covers only/
		);
	});

	it('cut in the padding after the member read is called truncated (GNU tar: Unexpected EOF)', async () => {
		// before, it was read as a whole archive: no word that the members after it were lost
		const bytes = tar([
			{ name: `${SOS}/sos_commands/kernel/dmesg`, data: DMESG },
			{ name: `${SOS}/var/log/kern.log`, data: KERN_LOG }
		]);
		expect(DMESG.length % 512).not.toBe(0);
		const dmesgEnd = 512 + DMESG.length;
		const r = await analyzeBytes(bytes.subarray(0, dmesgEnd + 1));
		expect(digest(r)).toEqual(digest(await analyzeText(DMESG)));
		expect(r.input.warnings.at(-1)).toMatch(
			/^Incomplete: The archive is truncated: it ends in the padding after `.*\/sos_commands\/kernel\/dmesg`, whose data is whole; any members after it are missing\./
		);
		// cut exactly after the data: the same
		const exact = await analyzeBytes(bytes.subarray(0, dmesgEnd));
		expect(exact.input.warnings.at(-1)).toMatch(/ends in the padding after/);
		// whole, or without its end-of-archive blocks (as tar reads it): no such warning
		for (const whole of [bytes, bytes.subarray(0, bytes.length - 1024)])
			expect((await analyzeBytes(whole)).input.warnings.join(' ')).not.toMatch(/Incomplete/);
	});

	it('lets a Stop request in while other members are passed over', async () => {
		const big = tar([
			{ name: `${SOS}/sos_commands/block/big`, data: new Uint8Array(8 << 20) },
			{ name: `${SOS}/var/log/kern.log`, data: KERN_LOG }
		]);
		let asked = 0;
		const r = await analyzeBytes(big, { stopRequested: () => ++asked > 3 });
		expect(asked).toBe(4);
		expect(r.input.lines_total).toBe(0);
		expect(r.input.warnings.at(-1)).toMatch(/^Incomplete: the analysis was stopped/);
	});

	it('tells progress in bytes while other members are passed over', async () => {
		const big = tar([
			{ name: `${SOS}/sos_commands/block/big`, data: new Uint8Array(12 << 20) },
			{ name: `${SOS}/var/log/kern.log`, data: KERN_LOG }
		]);
		const seen: Array<[number, number]> = [];
		await analyzeBytes(big, { onProgress: (p) => seen.push([p.bytes, p.lines]) });
		// before the log's first line: at 4 MiB and 8 MiB (and 12), then the end
		expect(seen.filter(([, lines]) => lines === 0).length).toBeGreaterThanOrEqual(2);
		expect(seen.at(-1)).toEqual([big.length, KERN_LOG.split('\n').length - 1]);
	});
});

describe('a zip archive', () => {
	const BUGREPORT = 'bugreport-sdk_gphone64_x86_64-UE1A.230829.036-2026-12-04-10-00-00.txt';
	const report = [
		'========================================================',
		'== dumpstate: 2026-12-04 10:00:00',
		'========================================================',
		'',
		'------ KERNEL LOG (dmesg) ------',
		DMESG.trimEnd(),
		"------ 0.011s was the duration of 'KERNEL LOG (dmesg)' ------",
		'------ UPTIME (uptime) ------',
		' 10:00:01 up 1 day,  2:03,  0 users,  load average: 1.20, 1.10, 1.00',
		"------ 0.002s was the duration of 'UPTIME' ------",
		''
	].join('\n');

	it("reads an Android bug report's kernel log, written as it streams (data descriptors)", async () => {
		const bytes = streamedZip(
			{
				'version.txt': '2.0',
				[BUGREPORT]: report,
				'FS/data/misc/logd/logcat': 'not a kernel log\n'.repeat(1000),
				'main_entry.txt': BUGREPORT
			},
			['version.txt']
		);
		const r = await analyzeBytes(bytes, {}, 1000);
		const alone = await analyzeText(report);
		expect(digest(r)).toEqual(digest(alone));
		expect(r.findings.map((f) => f.title)).toEqual(
			(await analyzeText(DMESG)).findings.map((f) => f.title)
		);
		expect(r.input.warnings[0]).toBe(
			`This is a zip archive (4 files): the kernel log analysed is its member \`${BUGREPORT}\` (an Android bug report).`
		);
	});

	it('reads a packed /var/log with sizes in its headers', async () => {
		const r = await analyzeBytes(
			zip({ 'log/dmesg': DMESG, 'log/kern.log': KERN_LOG, 'log/auth.log': 'x\n' })
		);
		expect(digest(r)).toEqual(digest(await analyzeText(KERN_LOG)));
		expect(r.input.warnings[0]).toContain(
			'not analysed (one is read, so that no message is counted twice): `log/dmesg`'
		);
	});

	it('passes over an empty kern.log whose size is in its header', async () => {
		const r = await analyzeBytes(zip({ 'var/log/kern.log': '', 'var/log/syslog': KERN_LOG }));
		expect(digest(r)).toEqual(digest(await analyzeText(KERN_LOG)));
		expect(r.input.warnings[0]).toContain('member `var/log/syslog`');
	});

	it('passes over an empty kern.log whose size comes after its data (data descriptor), keeping the dmesg read', async () => {
		// before, the empty kern.log was taken as the kernel log: it replaced the dmesg being read
		// and the report had no line
		const bytes = streamedZip({ 'log/dmesg': DMESG, 'log/kern.log': '', 'log/zz': 'x\n' });
		for (const chunk of [1 << 16, 1000, 7]) {
			const r = await analyzeBytes(bytes, {}, chunk);
			expect(digest(r), String(chunk)).toEqual(digest(await analyzeText(DMESG)));
			expect(r.input.warnings[0]).toBe(
				'This is a zip archive (3 files): the kernel log analysed is its member `log/dmesg` (dmesg, this boot). Other kernel logs in it, not analysed (one is read, so that no message is counted twice): `log/kern.log` (empty).'
			);
		}
		// alone: no kernel log read, listed as empty
		const alone = await analyzeBytes(streamedZip({ 'log/kern.log': '' }));
		expect(alone.summary.verdict).toBe('no-kernel-log');
		expect(alone.input.warnings[0]).toContain('`log/kern.log` (empty)');
		// one that is not empty is still read, replacing the dmesg
		const full = await analyzeBytes(streamedZip({ 'log/dmesg': DMESG, 'log/kern.log': KERN_LOG }));
		expect(digest(full)).toEqual(digest(await analyzeText(KERN_LOG)));
	});

	it('drops the bytes of a member whose method is not read as they come, not holding them to the end', async () => {
		// a 2 MiB member stored as method 12 (bzip2) between the dmesg and the archive's end
		const big = new Uint8Array(2 << 20).fill(0x41);
		const bytes = zipSync({
			'log/dmesg': strToU8(DMESG),
			'data.bin': [big, { level: 0 }],
			'log/zz': strToU8('x\n')
		});
		setZipMethod(bytes, 'data.bin', 12);
		// what fflate holds of a member it has no decoder for, seen through Unzip's buffers
		const held: number[] = [];
		const { Unzip } = await import('fflate');
		const push = Unzip.prototype.push;
		Unzip.prototype.push = function (this: { k: Uint8Array[][] }, chunk, final) {
			push.call(this, chunk, final);
			held.push(this.k.flat().reduce((n, c) => n + c.length, 0));
		};
		try {
			const r = await analyzeBytes(bytes);
			expect(digest(r)).toEqual(digest(await analyzeText(DMESG)));
			expect(r.input.warnings).toHaveLength(1);
		} finally {
			Unzip.prototype.push = push;
		}
		expect(Math.max(...held)).toBeLessThan(1 << 16);
	});

	it('lists a kern.log compressed with a method not read (bzip2) and keeps the dmesg read', async () => {
		// Python's zipfile with ZIP_BZIP2: method 12 in the local header. Before, the kern.log
		// replaced the dmesg being read, then failed: `The archive is damaged`, and no report
		const bytes = zipSync({
			'log/dmesg': strToU8(DMESG),
			'log/kern.log': [strToU8(KERN_LOG), { level: 0 }]
		});
		setZipMethod(bytes, 'log/kern.log', 12);
		const r = await analyzeBytes(bytes);
		expect(digest(r)).toEqual(digest(await analyzeText(DMESG)));
		expect(r.input.warnings[0]).toBe(
			'This is a zip archive (2 files): the kernel log analysed is its member `log/dmesg` (dmesg, this boot). Other kernel logs in it, not analysed (one is read, so that no message is counted twice): `log/kern.log` (compressed in a way not read inside an archive).'
		);
	});

	it('reads a UTF-16 member (Notepad, PowerShell `>`) as a UTF-16 file alone is read', async () => {
		// before, its text was read as UTF-8: NUL between the letters, no kernel message found
		const utf16 = new Uint8Array(Buffer.from(`\ufeff${DMESG}`, 'utf16le'));
		const r = await analyzeBytes(zip({ 'dmesg.txt': utf16 }), {}, 1000);
		expect(r.findings.length).toBeGreaterThan(0);
		expect(digest(r)).toEqual(digest(await analyzeBytes(utf16)));
	});

	it('cut short or damaged keeps what was read and says so', async () => {
		const bytes = zip({ 'var/log/syslog': SYSLOG, 'var/log/zz': 'x' });
		const cut = await analyzeBytes(bytes.subarray(0, bytes.length >> 1));
		expect(cut.input.lines_total).toBeGreaterThan(10);
		expect(cut.input.warnings.at(-1)).toMatch(
			/^Incomplete: The archive is truncated: it ends in the middle of `var\/log\/syslog`\./
		);
		const bad = bytes.slice();
		for (let i = bytes.length - 2000; i < bytes.length - 1900; i++) bad[i] ^= 0x5a;
		const damaged = await analyzeBytes(bad);
		expect(damaged.input.warnings.at(-1)).toMatch(
			/^Incomplete: The archive is damaged: its member `var\/log\/syslog` cannot be decompressed\./
		);
	});

	it('stops at the decompression limit, other members counted too', async () => {
		const bytes = zip({ 'var/log/big': new Uint8Array(4 << 20), 'var/log/kern.log': KERN_LOG });
		expect(bytes.length).toBeLessThan(10_000);
		await expect(
			analyzeBytes(bytes, { limits: { maxDecompressedBytes: 1 << 20 } })
		).rejects.toThrow(/expands to more than 1 MB/);
		const r = await analyzeBytes(zip({ 'var/log/syslog': SYSLOG }), {
			limits: { maxDecompressedBytes: 50_000 }
		});
		expect(r.input.lines_total).toBeGreaterThan(10);
		expect(r.input.warnings.at(-1)).toMatch(
			/^Incomplete: The compressed file expands to more than 0 MB/
		);
	});
});
