/**
 * Ingestion shapes left open (ingest24): dmesg excerpts of two boots pasted one after the other
 * whose second part starts late (a drop of the kernel time to 60 s or later).
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { analyzeStream, analyzeText } from '../../src/lib/pipeline.ts';
import { ingestText, readFixture, type Run } from './helpers.ts';

/** lines `from`-`to` (1-based) of a fixture in fixtures/formats/ */
function fixtureLines(name: string, from: number, to: number): string[] {
	return new TextDecoder()
		.decode(readFixture(name))
		.split('\n')
		.slice(from - 1, to);
}

function boots(run: Run): string[] {
	return run.summary.metadata.boots.map((b) => `${b.reason}@${b.first_line}-${b.last_line}`);
}

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
		expect(run.summary.wrappedBoot).toBe(1);
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
