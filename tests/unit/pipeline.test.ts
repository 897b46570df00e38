import { describe, expect, it } from 'vitest';
import {
	analyzeStream,
	analyzeText,
	formatJson,
	formatMarkdown,
	formatText
} from '../../src/lib/index.ts';
import { fixture, fixtureBytes } from '../support/fixtures.ts';
import { EMPTY_INPUT } from '../../src/lib/pipeline.ts';
import { tar } from '../support/archives.ts';

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
	const bytes = new TextEncoder().encode(text);
	for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

function lineCount(text: string): number {
	if (text === '') return 0;
	const n = text.split('\n').length;
	return text.endsWith('\n') ? n - 1 : n;
}

describe('pipeline', () => {
	const log = fixture('e2e/warning-radeon.log');

	it('finds the WARNING with its title, trace and guilty frame', async () => {
		const r = await analyzeText(log);
		const crash = r.findings.find((f) => f.category === 'crash');
		expect(crash?.title).toBe('WARNING in radeon_gart_unbind');
		expect(crash?.stack?.guilty_frame).toBe('radeon_gart_unbind');
		expect(crash?.first_line).toBe(1);
		expect(r.summary.primary_finding).toBe(crash?.id);
	});

	it('counts every line, whatever the line endings', async () => {
		for (const text of [log, log.replace(/\n/g, '\r\n'), log.trimEnd(), '', '\n', 'a', 'a\n\nb']) {
			const r = await analyzeText(text);
			expect(r.input.lines_total).toBe(lineCount(text.replace(/\r/g, '')));
		}
	});

	it('gives byte-identical reports for the same input, in one piece or in tiny chunks', async () => {
		const whole = formatJson(await analyzeText(log));
		expect(formatJson(await analyzeText(log))).toBe(whole);
		expect(formatJson(await analyzeStream(chunks(log, 7)))).toBe(whole);
		expect(formatJson(await analyzeStream(chunks(log, 64)))).toBe(whole);
	});

	it('handles empty, binary, NUL and very long-line input without throwing', async () => {
		const empty = await analyzeText('');
		expect(empty.input.lines_total).toBe(0);
		expect(empty.summary.verdict).toBe('no-kernel-log');
		// what `dmesg > file` leaves a user without root on a distribution that restricts the log
		expect(empty.input.warnings).toEqual([EMPTY_INPUT]);
		expect(EMPTY_INPUT).toContain('sudo dmesg > dmesg.txt');
		// a blank line is not an empty input: it says no kernel messages were recognised
		expect((await analyzeText('\n')).input.warnings).not.toContain(EMPTY_INPUT);
		// the text and Markdown reports describe no system and no boot for it (the JSON's one
		// boot of lines 1-1 is the schema's placeholder), and the note's commands are code
		const text = formatText(empty);
		expect(text).toContain('sudo dmesg > dmesg.txt');
		expect(text).not.toMatch(/System|boot 0|lines 1-1/);
		const md = formatMarkdown(empty);
		expect(md).toContain('`sudo dmesg > dmesg.txt`');
		expect(md).not.toMatch(/### System|Boots|\| 1-1 \|/);
		// a line that is not a kernel log is still a boot of one line
		expect(formatText(await analyzeText('hello\n'))).toContain('boot 0: lines 1-1');

		const binary = await analyzeText(
			'\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\n'.repeat(20)
		);
		expect(binary.input.lines_total).toBe(20);
		expect(binary.input.lines_unparsed).toBe(20);
		expect(binary.input.unparsed_reasons['binary or control characters']).toBe(20);

		const long = 'x'.repeat(5 * 1024 * 1024);
		const r = await analyzeText(
			`[    1.000000] ${long}\n[    2.000000] BUG: kernel NULL pointer dereference, address: 0000000000000008\n`
		);
		expect(r.input.lines_total).toBe(2);
		expect(r.input.warnings.join(' ')).toContain('longer than');
		expect(r.findings.some((f) => f.category === 'crash')).toBe(true);
	});

	it('says no kernel log was found in text that reads as no kernel message, and counts it', async () => {
		// a web server's access log pasted by mistake: it had been read as bare kernel messages
		// and called healthy
		const web = await analyzeText(
			'GET /index.html HTTP/1.1 200\nGET /favicon.ico HTTP/1.1 404\nPOST /login HTTP/1.1 302\n'
		);
		expect(web.input.lines_total).toBe(3);
		expect(web.input.formats).toEqual({ bare: 3 });
		expect(web.summary.verdict).toBe('no-kernel-log');
		expect(web.input.warnings.join(' ')).toMatch(/No kernel messages were recognised/);

		// unprefixed kernel messages (dmesg -t, a copied excerpt) are a kernel log
		for (const line of [
			'usb 1-1: new high-speed USB device number 2 using xhci_hcd',
			'EXT4-fs (sda1): mounted filesystem with ordered data mode',
			'Freeing unused kernel image (initmem) memory: 2756K',
			'[drm] Initialized i915 1.6.0 20201103 for 0000:00:02.0 on minor 0'
		]) {
			const r = await analyzeText(`${line}\n`);
			expect(r.summary.verdict, line).toBe('healthy');
		}
		// device names with colons (PCI, SDIO, USB interfaces): a `dmesg -t` excerpt of a Wi-Fi
		// card's errors (rg353v-linux-rtw-8821cs-log.log without its timestamps) had been no
		// kernel log, its lines not shaped like kernel messages
		const devices = await analyzeText(
			[
				'rtw_8821cs mmc3:0001:1: Firmware version 24.11.0, H2C version 12',
				'iwlwifi 0000:00:14.3: loaded firmware version 72.daa05125.0 QuZ-a0-jf-b0-72.ucode op_mode iwlmvm',
				'usb 1-1:1.0: usbfs: interface 0 claimed by usbhid while usb-storage sets config #1',
				'snd_hda_intel 0000:00:1f.3: enabling device (0000 -> 0002)',
				'nvme 0000:01:00.0: platform quirk: setting simple suspend'
			].join('\n') + '\n'
		);
		expect(devices.summary.verdict).toBe('healthy');
		expect(devices.input.warnings.join(' ')).not.toMatch(/No kernel messages were recognised/);
		// and a line that names the kernel, whatever the others are
		const banner = await analyzeText('Linux version 6.8.0 (builder@host) #1 SMP\nhello\n');
		expect(banner.summary.verdict).toBe('healthy');
		// prose with a few `word: ` lines (a Markdown list of where logs came from) is no kernel log:
		// any one such line had made it a healthy one
		const prose = await analyzeText(
			[
				'# Sources',
				'',
				'The logs below were collected from public bug trackers and forums.',
				'Each file keeps the text as it was posted, with its line ends.',
				'- `laptop-dmesg.log`, a forum thread about a laptop that does not resume',
				'- `server-kern.log`, a bug report about a RAID controller',
				'License: see each source.',
				'Everything else was written by hand for the tests and is not a real log.',
				'Lines were not edited except where the source had them wrapped.',
				'Thanks to everyone who posted their logs.'
			].join('\n') + '\n'
		);
		expect(prose.summary.verdict).toBe('no-kernel-log');
		expect(prose.input.warnings.join(' ')).toMatch(/No kernel messages were recognised/);
		// an unprefixed kernel log, of which only some lines have a subsystem prefix
		const plain = await analyzeText(
			[
				'Linux agpgart interface v0.103',
				'Serial: 8250/16550 driver, 4 ports, IRQ sharing enabled',
				'Freeing unused decrypted memory: 2036K',
				'Write protecting the kernel read-only data: 26624k',
				'Run /init as init process',
				'Booting paravirtualized kernel on KVM',
				'Mount-cache hash table entries: 16384 (order: 5, 131072 bytes, linear)'
			].join('\n') + '\n'
		);
		expect(plain.summary.verdict).toBe('healthy');
		// a report in such text is still found
		const bug = await analyzeText(
			'GET / HTTP/1.1 200\nBUG: kernel NULL pointer dereference, address: 0000000000000008\n'
		);
		expect(bug.summary.verdict).toBe('kernel-crash');
	});

	it('says what a dropped systemd journal file is and how to export it, counting its lines', async () => {
		const bytes = new Uint8Array(4096);
		bytes.set(new TextEncoder().encode('LPKSHHRH'), 0);
		bytes.set(new TextEncoder().encode('\nMESSAGE=x\n\n'), 600);
		const r = await analyzeStream(
			(async function* () {
				yield bytes;
			})()
		);
		expect(r.input.warnings[0]).toMatch(/binary systemd journal file.*journalctl -k --file/);
		expect(r.input.lines_total).toBe(4);
		// the text fragments in it are not a kernel log
		expect(r.summary.verdict).toBe('no-kernel-log');
	});

	it('reads the kernel log in a tar archive, and says which member it read', async () => {
		const log =
			'[    0.000000] Booting Linux on physical CPU 0x0\n[    0.000000] Linux version 6.8.0 (builder@host) #1 SMP\n[    1.000000] usb 1-1: new device\n';
		const r = await analyzeStream(
			(async function* () {
				yield tar([{ name: 'var/log/dmesg', data: log }]);
			})()
		);
		expect(r.input.warnings[0]).toBe(
			'This is a tar archive (1 file): the kernel log analysed is its member `var/log/dmesg` (dmesg, this boot).'
		);
		expect(r.input.lines_total).toBe(3);
		expect(r.metadata.kernel_version).toBe('6.8.0');
		expect(r.summary.verdict).toBe('healthy');
	});

	it('reads gzip input by its magic bytes', async () => {
		const gz = new Blob([log]).stream().pipeThrough(new CompressionStream('gzip'));
		const bytes = new Uint8Array(await new Response(gz).arrayBuffer());
		const r = await analyzeStream(
			(async function* () {
				yield bytes;
			})()
		);
		const plain = await analyzeText(log);
		// input.bytes is the size of the input as given (compressed for .gz); everything else is equal
		expect(r.input.bytes).toBe(bytes.length);
		expect(formatJson({ ...r, input: { ...r.input, bytes: 0 } })).toBe(
			formatJson({ ...plain, input: { ...plain.input, bytes: 0 } })
		);
	});

	it('reads xz input by its magic bytes: the same report as the plain log, in any chunking', async () => {
		for (const [xz, plainPath] of [
			['compressed/warning-radeon.log.xz', 'e2e/warning-radeon.log'],
			['compressed/fishlogs-dmesg-log.log.xz', 'output/fishlogs-dmesg-log.log']
		]) {
			const bytes = new Uint8Array(fixtureBytes(xz));
			const plain = await analyzeText(fixture(plainPath));
			for (const size of [bytes.length, 4096, 3]) {
				const r = await analyzeStream(
					(async function* () {
						for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
					})()
				);
				// input.bytes is the size of the input as given (compressed); everything else is equal
				expect(r.input.bytes, `${xz} in chunks of ${size}`).toBe(bytes.length);
				expect(formatJson({ ...r, input: { ...r.input, bytes: 0 } })).toBe(
					formatJson({ ...plain, input: { ...plain.input, bytes: 0 } })
				);
			}
		}
	});

	it('never reports user-space segfaults as crashes', async () => {
		const r = await analyzeText(
			'[  10.000000] a.out[25311]: segfault at 0 ip 0000000000400546 sp 00007fff2fb08610 error 4 in a.out[400000+1000]\n' +
				'[  11.000000] traps: WebKitNetworkPr[5820] general protection fault ip:7f91a8e1d944 sp:7fff1bd83228 error:0 in libc-2.28.so[7f91a8cde000+14d000]\n'
		);
		expect(r.findings.map((f) => f.category)).toEqual(['userspace', 'userspace']);
	});

	it('renders a text report with the verdict, findings and evidence', async () => {
		const text = formatText(await analyzeText(log));
		expect(text).toContain('Verdict: ');
		expect(text).toContain('WARNING in radeon_gart_unbind');
		expect(text).toContain('radeon_gart_unbind+0xca/0xe0');
	});
});

describe('resource limits', () => {
	const log = fixture('e2e/warning-radeon.log');

	async function gzip(text: string): Promise<Uint8Array> {
		const gz = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
		return new Uint8Array(await new Response(gz).arrayBuffer());
	}

	it('stops a decompression bomb at the limit and keeps what was read', async () => {
		const bomb = await gzip(log.repeat(400));
		const r = await analyzeStream(
			(async function* () {
				yield bomb;
			})(),
			{ limits: { maxDecompressedBytes: 100_000 } }
		);
		expect(r.input.lines_total).toBeGreaterThan(0);
		expect(r.input.lines_total).toBeLessThan(400 * 53);
		expect(r.input.warnings.join(' ')).toMatch(
			/Incomplete: The compressed file expands to more than/
		);
		// the count is grouped as everywhere else in the reports: "the first 1,880 lines"
		expect(r.input.warnings.join(' ')).toMatch(/covers only the first \d{1,3}(,\d{3})+ lines\./);
		expect(r.findings.some((f) => f.title === 'WARNING in radeon_gart_unbind')).toBe(true);
	});

	it('reports a truncated .gz clearly, keeping the lines before the damage', async () => {
		const gz = await gzip(log.repeat(50));
		const cut = gz.slice(0, Math.floor(gz.length * 0.6));
		const r = await analyzeStream(
			(async function* () {
				yield cut;
			})()
		);
		expect(r.input.warnings.join(' ')).toContain(
			'The compressed file is truncated: it ends in the middle of its data.'
		);
		expect(r.input.lines_total).toBeGreaterThan(0);
	});

	const once = (bytes: Uint8Array) =>
		(async function* () {
			yield bytes;
		})();

	it('says in the headline that a cut .gz was read only in part, whatever the verdict', async () => {
		// the healthy start of a boot (fixtures' radeon log without its WARNING): read to its end,
		// "No problems were found."; cut, the same words had read as if of the whole log
		const healthy = log
			.split('\n')
			.filter(
				(l) =>
					!/WARNING|cut here|Call Trace|\bradeon_|end trace|\[<|Modules linked|RIP|Code:/.test(l)
			)
			.join('\n');
		const gz = await gzip(healthy.repeat(200));
		const whole = await analyzeStream(once(gz));
		expect(whole.summary.headline).not.toMatch(/read/);
		const cut = await analyzeStream(once(gz.slice(0, Math.floor(gz.length * 0.5))));
		expect(cut.summary.verdict).toBe(whole.summary.verdict);
		expect(whole.summary.headline).toBe('No problems were found.');
		// the verdict's own sentence (the page's heading) is said of the lines read: "No problems
		// were found" had headed the page, only the line under it saying what was read
		expect(cut.summary.headline).toBe(
			`No problems were found in the first ${cut.input.lines_total.toLocaleString('en-US')} lines; the rest of the input was not analysed.`
		);
		// and so do the text report's verdict line and the Markdown report's title
		const n = cut.input.lines_total.toLocaleString('en-US');
		expect(formatText(cut)).toContain(`Verdict: Healthy in the first ${n} lines (healthy)`);
		expect(formatMarkdown(cut)).toContain(
			`## NecroScope report: Healthy in the first ${n} lines\n`
		);
		expect(formatMarkdown(whole)).toContain('## NecroScope report: Healthy\n');
		// a verdict of what was found keeps its words, and says what was read after them
		const crash = await gzip(log.repeat(200));
		const crashCut = await analyzeStream(once(crash.slice(0, Math.floor(crash.length * 0.5))));
		expect(crashCut.summary.headline).toMatch(
			/^Problems were found\. Most important: .+\. Only the first [\d,]+ lines were read: the rest of the input was not analysed\.$/
		);
		expect(crashCut.summary.headline).toContain(
			`Only the first ${crashCut.input.lines_total.toLocaleString('en-US')} lines were read`
		);
	});

	it('stops an xz decompression bomb at the limit and keeps what was read', async () => {
		const bomb = new Uint8Array(fixtureBytes('compressed/warning-radeon-20mb.log.xz'));
		const r = await analyzeStream(once(bomb), { limits: { maxDecompressedBytes: 100_000 } });
		expect(r.input.lines_total).toBeGreaterThan(1000);
		expect(r.input.lines_total).toBeLessThan(100_000 / 40);
		expect(r.input.warnings.join(' ')).toMatch(
			/Incomplete: The compressed file expands to more than 0 MB; analysis stopped there\./
		);
		expect(r.findings.some((f) => f.title === 'WARNING in radeon_gart_unbind')).toBe(true);
	});

	it('reports a truncated or damaged .xz clearly, keeping the lines before the damage', async () => {
		const xz = new Uint8Array(fixtureBytes('compressed/fishlogs-dmesg-log.log.xz'));
		const cut = await analyzeStream(once(xz.slice(0, 40_000)));
		expect(cut.input.warnings.join(' ')).toContain(
			'Incomplete: The compressed file is truncated: it ends in the middle of its data. This report covers only the first'
		);
		expect(cut.input.lines_total).toBeGreaterThan(1000);
		const bad = xz.slice();
		bad[50_000] ^= 0x55;
		const damaged = await analyzeStream(once(bad));
		expect(damaged.input.warnings.join(' ')).toContain(
			'Incomplete: The compressed file is damaged or truncated.'
		);
		expect(damaged.input.lines_total).toBeGreaterThan(1000);
		// nothing decoded at all: an input error (the CLI's exit 2, the page's message)
		await expect(analyzeStream(once(xz.slice(0, 30)))).rejects.toMatchObject({
			code: 'corrupt-compressed'
		});
	});

	it('a stop request during an .xz analysis is seen between decompressed windows', async () => {
		// 20 MiB of text from one 4.9 KB chunk: the windows come without any read of the input, so
		// only the pause hook between windows lets a stop request (a worker message) arrive
		const bomb = new Uint8Array(fixtureBytes('compressed/warning-radeon-20mb.log.xz'));
		let pauses = 0;
		let stop = false;
		const r = await analyzeStream(once(bomb), {
			pause: async () => {
				pauses++;
				if (pauses === 20) setTimeout(() => (stop = true), 0);
				await new Promise((resolve) => setTimeout(resolve, 0));
			},
			stopRequested: () => stop
		});
		expect(r.input.warnings.join(' ')).toContain('the analysis was stopped');
		expect(r.input.lines_total).toBeGreaterThan(0);
		expect(r.input.lines_total).toBeLessThan(100_000);
		// the stopped decoder was released: the next .xz input is read to its end
		const next = await analyzeStream(
			once(new Uint8Array(fixtureBytes('compressed/warning-radeon.log.xz')))
		);
		expect(next.input.lines_total).toBe(53);
	}, 20_000);

	it('a stop request returns the report of what was read so far', async () => {
		let chunks = 0;
		const r = await analyzeStream(
			(async function* () {
				for (let i = 0; i < 10; i++) {
					chunks++;
					yield new TextEncoder().encode(log);
				}
			})(),
			{ stopRequested: () => chunks > 3 }
		);
		expect(r.input.lines_total).toBe(53 * 3);
		expect(r.input.warnings.join(' ')).toContain('the analysis was stopped');
	});
});

describe('wall-clock times of findings across a suspend', () => {
	it('uses the calibration segment that covers each occurrence', async () => {
		// kernel time stops during suspend: 100 s of monotonic time, but 1 hour of wall time
		const log = [
			'2024-11-23T10:00:00.250000+00:00 host kernel: [  100.000000] usb 1-1: new high-speed USB device',
			'2024-11-23T10:00:01.000000+00:00 host kernel: [  101.000000] blk_update_request: I/O error, dev sda, sector 100',
			'2024-11-23T10:00:02.000000+00:00 host kernel: [  102.000000] PM: suspend entry (deep)',
			'2024-11-23T11:00:00.000000+00:00 host kernel: [  103.000000] PM: suspend exit',
			'2024-11-23T11:00:01.250000+00:00 host kernel: [  104.000000] usb 1-1: reset high-speed USB device',
			'[  105.000000] blk_update_request: I/O error, dev sdb, sector 200'
		].join('\n');
		const r = await analyzeText(log + '\n');
		const sda = r.findings.find((f) => f.title.includes('sda'));
		const sdb = r.findings.find((f) => f.title.includes('sdb'));
		expect(sda?.first_seen.wall).toBe('2024-11-23T10:00:01.000Z');
		// after the resume the offset is an hour later: 105 s maps to 11:00:02.25
		expect(sdb?.first_seen.wall).toMatch(/^2024-11-23T11:00:02\.25/);
		expect(r.metadata.calibration.length).toBe(2);
	});
});

describe('line ranges of reordered input', () => {
	it('a report from pstore parts put back in order still has first_line <= last_line covering its lines', async () => {
		const r = await analyzeText(fixture('formats/synth/pstore.log'));
		const crashes = r.findings.filter((f) => f.category === 'crash');
		expect(crashes.length).toBeGreaterThan(0);
		for (const f of crashes) {
			expect(f.first_line).toBeLessThanOrEqual(f.last_line);
			for (const e of f.evidence)
				expect(e.line >= f.first_line && e.line <= f.last_line).toBe(true);
		}
	});
});
