/**
 * Logs as users hand them over: saved by Windows tools in UTF-16, with classic Mac line ends,
 * quoted in a reply or copied with line numbers. Each is a real log (fixtures/formats/real)
 * transformed the way the tool does it, and must give what the log itself gives: the same
 * findings, kernel version, boots and line count.
 */
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/lib/pipeline.ts';
import { ingestText, readFixture } from './helpers.ts';
import { LKP12_ALLOC_FAILURE, LKP72_LEAK_THEN_ATOMIC } from '../support/excerpts.ts';

const LOGS = [
	// dmesg with a WARNING and a firmware stall
	'real/linux-bug-dmesg-out.log',
	// dmesg with a NULL pointer oops
	'real/lkp-calltrace-dmesg-007.log',
	// kern.log (RFC 3164 syslog) with an OOM kill
	'real/serverlog-kern-log-1.log',
	// journalctl short, other programs' lines among the kernel's
	'real/linux-surface-pro-7-dump-lastbootlog-txt.log',
	// kern.log with two boots
	'real/izassafar-one-kern-log.log'
];

async function outcome(bytes: Uint8Array, chunk = 1 << 16) {
	async function* src() {
		for (let i = 0; i < bytes.length; i += chunk) yield bytes.slice(i, i + chunk);
	}
	const r = await analyzeStream(src());
	return {
		verdict: r.summary.verdict,
		findings: r.findings.map((f) => `${f.rule} ${f.title} x${f.count} @${f.first_line}`).sort(),
		kernel_version: r.metadata.kernel_version,
		boots: r.metadata.boots.map((b) => [b.first_line, b.last_line, b.kernel_version]),
		lines_total: r.input.lines_total,
		lines_unparsed: r.input.lines_unparsed,
		formats: r.input.formats,
		warnings: r.input.warnings
	};
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, order: 'le' | 'be', bom = true): Uint8Array {
	const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
	let o = 0;
	const put = (c: number) => {
		out[o++] = order === 'le' ? c & 0xff : c >> 8;
		out[o++] = order === 'le' ? c >> 8 : c & 0xff;
	};
	if (bom) put(0xfeff);
	for (let i = 0; i < s.length; i++) put(s.charCodeAt(i));
	return out;
}

describe('UTF-16 text (Windows PowerShell `>`, Notepad "Unicode")', () => {
	for (const log of LOGS) {
		it(`${log}: read as the UTF-8 log, in any chunking`, async () => {
			const bytes = readFixture(log);
			const ref = await outcome(bytes);
			expect(ref.findings.length + ref.lines_total).toBeGreaterThan(0);
			// PowerShell 5's `dmesg > log.txt` writes UTF-16 LE with a BOM and CRLF line ends
			const crlf = text(bytes).replace(/\n/g, '\r\n');
			expect(await outcome(utf16(crlf, 'le'))).toEqual(ref);
			expect(await outcome(utf16(crlf, 'le'), 7)).toEqual(ref);
			expect(await outcome(utf16(text(bytes), 'be'))).toEqual(ref);
			expect(await outcome(utf16(text(bytes), 'le', false), 33)).toEqual(ref);
		});
	}
});

describe('lines ending in a lone CR (classic Mac OS line ends)', () => {
	for (const log of LOGS) {
		it(`${log}: read as the log with LF line ends`, async () => {
			const bytes = readFixture(log);
			const ref = await outcome(bytes);
			const cr = utf8(text(bytes).replace(/\n/g, '\r'));
			expect(await outcome(cr)).toEqual(ref);
			expect(await outcome(cr, 5)).toEqual(ref);
		});
	}
});

/** The log's lines with a prefix; `nth` counts from 1. */
function prefixed(bytes: Uint8Array, prefix: (line: string, nth: number) => string): Uint8Array {
	const lines = text(bytes).split('\n');
	const last = lines.pop();
	return utf8(lines.map((l, i) => prefix(l, i + 1) + '\n').join('') + last);
}

describe('quote marks and line numbers before every line', () => {
	const PREFIXES: Record<string, (line: string, nth: number) => string> = {
		// an e-mail or GitHub reply: `> `, and a bare `>` on an empty line
		'e-mail quote': (l) => (l === '' ? '>' : '> ' + l),
		'quote in a quote': (l) => '> > ' + l,
		'mutt quote in a quote': (l) => '>> ' + l,
		'cat -n': (l, n) => `${String(n).padStart(6)}\t${l}`,
		'editor line numbers': (l, n) => `${n}: ${l}`,
		'pastebin line numbers': (l, n) => `${String(n).padStart(4)} | ${l}`,
		'less -N line numbers': (l, n) => `${String(n).padStart(7)} ${l}`
	};
	for (const log of LOGS) {
		for (const [name, prefix] of Object.entries(PREFIXES)) {
			it(`${log}, ${name}: read as the log, and the report says what was removed`, async () => {
				const bytes = readFixture(log);
				const ref = await outcome(bytes);
				const got = await outcome(prefixed(bytes, prefix));
				const note = got.warnings.shift();
				expect(got).toEqual(ref);
				expect(note).toMatch(/^Every line of this paste starts with .*removed before reading\.$/);
			});
		}
	}

	it('a reply whose first line is the writer own words is read too', async () => {
		const bytes = readFixture('real/lkp-calltrace-dmesg-007.log');
		const ref = await outcome(bytes);
		const reply = utf8(
			'On Tue, someone wrote:\n' + text(prefixed(bytes, (l) => '> ' + l)).replace(/\n$/, '')
		);
		const got = await outcome(reply);
		expect(got.findings.map((f) => f.replace(/ @\d+$/, ''))).toEqual(
			ref.findings.map((f) => f.replace(/ @\d+$/, ''))
		);
		expect(got.kernel_version).toBe(ref.kernel_version);
	});

	it('a log whose own lines start with numbers is not touched', async () => {
		// /dev/kmsg records (`6,339,5140900,-;`) and journalctl -o short-unix times
		const kmsg = [
			'6,339,5140900,-;NET: Registered protocol family 10',
			'6,340,5140901,-;Segment Routing with IPv6',
			'6,341,5140902,-;In-situ OAM (IOAM) with IPv6',
			'4,342,5140903,-;usb 1-1: device descriptor read/64, error -71'
		].join('\n');
		const unix = [
			'1732400101.123456 myhost kernel: usb 1-1: new high-speed USB device number 2 using xhci_hcd',
			'1732400102.123456 myhost kernel: usb 1-1: device descriptor read/64, error -71',
			'1732400103.123456 myhost kernel: usb 1-1: device not accepting address 2, error -71'
		].join('\n');
		for (const log of [kmsg, unix]) {
			const got = await outcome(utf8(log));
			expect(got.warnings.join('\n')).not.toMatch(/Every line of this paste/);
			expect(got.lines_unparsed).toBe(0);
		}
	});
});

describe('a tab for the space after the time stamp (a copy from a web page or terminal)', () => {
	for (const log of LOGS.slice(0, 2)) {
		it(`${log}: read as the log`, async () => {
			const bytes = readFixture(log);
			const ref = await outcome(bytes);
			const tabbed = utf8(text(bytes).replace(/^(\[ *\d+\.\d+\]) /gm, '$1\t'));
			expect(text(tabbed)).not.toBe(text(bytes));
			expect(await outcome(tabbed)).toEqual(ref);
		});
	}
});

/**
 * askubuntu-dmesg-journalctl-lastdayorso.log (a `journalctl` paste) lines 1-3 and 78-86: other
 * programs' lines of the boot before, `-- Reboot --`, the next boot's first kernel lines.
 */
const JOURNAL = [
	'Feb 08 21:00:33 hpPav systemd[1]: Unmounted Mount unit for kolourpaint, revision 69.',
	'Feb 08 21:00:33 hpPav systemd[1]: boot-efi.mount: Succeeded.',
	'Feb 08 21:00:33 hpPav systemd[1]: Unmounted /boot/efi.',
	'Feb 08 21:00:33 hpPav systemd[1]: Shutting down.',
	'Feb 08 21:00:34 hpPav systemd-shutdown[1]: Syncing filesystems and block devices.',
	'Feb 08 21:00:34 hpPav systemd-shutdown[1]: Sending SIGTERM to remaining processes...',
	'Feb 08 21:00:34 hpPav systemd-journald[365]: Journal stopped',
	'-- Reboot --',
	'Feb 09 12:28:50 hpPav kernel: microcode: microcode updated early to revision 0xea, date = 2021-01-05',
	'Feb 09 12:28:50 hpPav kernel: Linux version 5.13.0-28-generic (buildd@lgw01-amd64-035) (gcc (Ubuntu 9.3.0-17ubuntu1~20.04) 9.3.0, GNU ld (GNU Binutils for Ubuntu) 2.34) #31~20.04.1-Ubuntu SMP Wed Jan 19 14:08:10 UTC 2022 (Ubuntu 5.13.0-28.31~20.04.1-generic 5.13.19)',
	'Feb 09 12:28:50 hpPav kernel: Command line: BOOT_IMAGE=/boot/vmlinuz-5.13.0-28-generic root=UUID=85898a04-7c7a-405c-bfa9-591bdcdeae0b ro intel_idle.max_cstate=1 processor.max_cstate=1 quiet splash vt.handoff=7',
	'Feb 09 12:28:50 hpPav kernel: KERNEL supported cpus:'
];

describe('a journal paste that starts with a cut line or a typed `...`', () => {
	it('keeps one boot, starting where the journal says', async () => {
		const whole = JOURNAL.join('\n') + '\n';
		const ref = await outcome(utf8(whole));
		expect(ref.boots).toEqual([[8, 12, '5.13.0-28-generic']]);
		for (const start of [
			// the first line cut mid-way by the copy
			whole.slice(whole.indexOf('nit for kolourpaint')),
			// the user's mark of lines left out
			'...\n' + whole
		]) {
			const got = await outcome(utf8(start));
			// the first line is unprefixed text in a journal, not a kernel line of a boot of its own
			expect(got.boots).toEqual([[1, start.startsWith('...') ? 13 : 12, '5.13.0-28-generic']]);
			expect(got.lines_unparsed).toBe(1);
			expect(got.formats.bare).toBeUndefined();
			expect(got.findings).toEqual(
				ref.findings.map((f) =>
					f.replace(/@(\d+)/, (_, n) => `@${start.startsWith('...') ? Number(n) + 1 : n}`)
				)
			);
		}
	});
});

describe('a log wrapped by a mail program or a terminal', () => {
	/**
	 * wrap every line at `width` columns: by words, dropping the space (a mail program) or keeping
	 * it at the end of the line (`fold -s`), or anywhere (a terminal, `fold`)
	 */
	function wrap(bytes: Uint8Array, width: number, how: 'mail' | 'fold-s' | 'fold'): Uint8Array {
		const out: string[] = [];
		for (const line of text(bytes).split('\n')) {
			let rest = line;
			while (rest.length > width) {
				let cut =
					how === 'fold' ? width : rest.lastIndexOf(' ', how === 'mail' ? width : width - 1);
				if (cut <= 0) cut = width;
				else if (how === 'fold-s') cut++;
				out.push(rest.slice(0, cut));
				rest = how === 'mail' && rest[cut] === ' ' ? rest.slice(cut + 1) : rest.slice(cut);
			}
			out.push(rest);
		}
		return utf8(out.join('\n'));
	}

	const same = (o: Awaited<ReturnType<typeof outcome>>) => ({
		verdict: o.verdict,
		// line numbers are the wrapped input's
		findings: o.findings.map((f) => f.replace(/ @\d+$/, '')),
		kernel_version: o.kernel_version,
		boots: o.boots.map((b) => b[2])
	});

	// of lkp-calltrace-dmesg-007.log's first 32 lines only 2 or 3 are wrapped, too few to tell
	// (see wrapWidth): more lines are then looked at (it had been read as it was, cut lines and all)
	const wrapped = [...LOGS, 'real/skomra-logs-vmcore-dmesg-txt.log'];
	for (const log of wrapped) {
		it(`${log} wrapped at 72 or 80 columns: joined back, it gives the log's report`, async () => {
			const ref = same(await outcome(readFixture(log)));
			for (const [width, how] of [
				[72, 'mail'],
				[80, 'mail'],
				[72, 'fold-s'],
				[80, 'fold-s'],
				[72, 'fold'],
				[80, 'fold']
			] as const) {
				const bytes = wrap(readFixture(log), width, how);
				const got = await outcome(bytes);
				const lines = text(bytes).split('\n').length - (text(bytes).endsWith('\n') ? 1 : 0);
				expect
					.soft(got.warnings[0], `${width} ${how}`)
					.toMatch(
						/^This log was wrapped at \d+ columns .*: \d+ lines that continued the line before them/
					);
				// they had been read as cut lines: serverlog-kern-log-1.log lost its OOM kill
				expect(same(got), `${width} ${how}`).toEqual(ref);
				expect(got.lines_total, `${width} ${how}`).toBe(lines);
			}
		});
	}

	it('each joined line is the line as it was: at a double space, at a word longer than the width', () => {
		// serverlog-kern-log-1.log's stack lines have two spaces after the time
		// (`[9686414.564196]  0000000000000000 ffff88000c1eda68 …`): a mail program cut there leaves
		// one, and the space it drops had not been put back (the joined line had one space);
		// skomra-logs-vmcore-dmesg-txt.log's device paths (`input: Wacom Cintiq 21UX2 Pen as
		// /devices/pci0000:00/0000:00:14.0/usb1/1-4/1-4:1.0/0003:056A:00CC.0001/input/input5`) are
		// longer than the width: cut where they reach it, they are joined without a space
		for (const log of ['real/serverlog-kern-log-1.log', 'real/skomra-logs-vmcore-dmesg-txt.log']) {
			const texts = (t: string) =>
				ingestText(t)
					.records.filter((r) => r.kind === 'kernel' || r.kind === 'continuation')
					.map((r) => r.text);
			const ref = texts(text(readFixture(log)));
			for (const [width, how] of [
				[72, 'mail'],
				[80, 'mail'],
				[72, 'fold-s'],
				[80, 'fold-s']
			] as const)
				expect(texts(text(wrap(readFixture(log), width, how))), `${log} ${width} ${how}`).toEqual(
					ref
				);
		}
	});

	it('a short excerpt with 2 lines cut at exactly the width is joined back (lkp-72.log by `fold -w 80`)', async () => {
		// intel/lkp-tests spec/fixtures/stats/dmesg/72, whole: 17 lines, 2 longer than 80 columns;
		// 3 cut lines had been needed, and the two BUG reports lost their kernel version
		const log = LKP72_LEAK_THEN_ATOMIC.join('\n') + '\n';
		const ref = await outcome(utf8(log));
		expect(ref.kernel_version).toBe('5.12.0-rc4-02460-gd43013c83210');
		const got = await outcome(wrap(utf8(log), 80, 'fold'));
		expect(got.warnings[0]).toMatch(/^This log was wrapped at 80 columns \(by a terminal/);
		expect(same(got)).toEqual(same(ref));
		// not wrapped: read as it is
		expect(ref.warnings.join(' ')).not.toMatch(/wrapped/);
	});

	it('lines cut at the same space, all of one length, are a wrap at spaces (logcat-reports-panel-dark-dmesg-txt.log by `fold -s -w 80`)', async () => {
		// LG's prefix makes every `SMBCHG: ` line cut after 65 characters: the wrap had been taken
		// for a cut mid-word at 65, and the longer cut lines further on (`… Not tainted` then
		// `3.10.108-g0a019c8 #1`) were not joined: the kernel version was lost
		const log =
			[
				'[ 6933.840641] <6>[ 6933.840641 / 02-10 03:51:08.444][0] SMBCHG: usbin_uv_handler: chip->usb_present = 1 usb_present = 1',
				'[ 6933.860890] <6>[ 6933.860890 / 02-10 03:51:08.464][0] SMBCHG: usbin_uv_handler: chip->usb_present = 1 usb_present = 1',
				'[ 6933.861215] <6>[ 6933.861215 / 02-10 03:51:08.464][1] SMBCHG: power_ok_handler: triggered: 0x01',
				'[ 6933.886218] <6>[ 6933.886218 / 02-10 03:51:08.488][0] SMBCHG: usbin_uv_handler: chip->usb_present = 1 usb_present = 1',
				'[ 6933.886541] <6>[ 6933.886541 / 02-10 03:51:08.488][1] SMBCHG: power_ok_handler: triggered: 0x00',
				'[ 6933.906462] <6>[ 6933.906462 / 02-10 03:51:08.508][0] SMBCHG: usbin_uv_handler: chip->usb_present = 1 usb_present = 1',
				'[ 6933.906796] <6>[ 6933.906796 / 02-10 03:51:08.508][1] SMBCHG: power_ok_handler: triggered: 0x01',
				'[ 6933.929250] <6>[ 6933.929250 / 02-10 03:51:08.536][0] SMBCHG: usbin_uv_handler: chip->usb_present = 1 usb_present = 1',
				'[ 6933.929583] <6>[ 6933.929583 / 02-10 03:51:08.536][1] SMBCHG: power_ok_handler: triggered: 0x00',
				'[ 6933.949079] <6>[ 6933.949079 / 02-10 03:51:08.556][0] SMBCHG: usbin_uv_handler: chip->usb_present = 1 usb_present = 1',
				'[ 6933.949401] <6>[ 6933.949401 / 02-10 03:51:08.556][1] SMBCHG: power_ok_handler: triggered: 0x01',
				'[ 6933.972286] <6>[ 6933.972286 / 02-10 03:51:08.576][0] SMBCHG: usbin_uv_handler: chip->usb_present = 1 usb_present = 1',
				'[ 6933.972697] <6>[ 6933.972697 / 02-10 03:51:08.576][1] SMBCHG: power_ok_handler: triggered: 0x00',
				'[ 6933.992536] <6>[ 6933.992536 / 02-10 03:51:08.596][0] SMBCHG: usbin_uv_handler: chip->usb_present = 1 usb_present = 1',
				'[ 6933.992866] <6>[ 6933.992866 / 02-10 03:51:08.596][1] SMBCHG: power_ok_handler: triggered: 0x01',
				'[ 6934.017786] <6>[ 6934.017786 / 02-10 03:51:08.620][0] SMBCHG: usbin_uv_handler: chip->usb_present = 1 usb_present = 1',
				'[ 6969.106275] <6>[ 6969.106275 / 02-10 03:51:43.708][1] d.process.media[18469]: syscall 278',
				'[ 6969.106321] <4>[ 6969.106321 / 02-10 03:51:43.708][1] Code: aa0403e3 aa0503e4 aa0603e5 d4000001 (b140041f) ',
				'[ 6969.106356] <4>[ 6969.106356 / 02-10 03:51:43.708][1] CPU: 1 PID: 18469 Comm: d.process.media Not tainted 3.10.108-g0a019c8 #1',
				'[ 6969.106382] <4>[ 6969.106382 / 02-10 03:51:43.708][1] Hardware name: Qualcomm Technologies, Inc. MSM8992 P1 GLOBAL COM (DT)',
				'[ 6969.106413] <4>[ 6969.106413 / 02-10 03:51:43.708][1] task: ffffffc0818cb000 ti: ffffffc02c984000 task.ti: ffffffc02c984000'
			].join('\n') + '\n';
		const ref = await outcome(utf8(log));
		expect(ref.kernel_version).toBe('3.10.108-g0a019c8');
		for (const width of [72, 76, 80]) {
			const got = await outcome(wrap(utf8(log), width, 'fold-s'));
			expect(got.warnings[0], String(width)).toMatch(
				/^This log was wrapped at 65 columns \(by a mail program or an editor, at spaces\)/
			);
			expect(same(got), String(width)).toEqual(same(ref));
		}
	});

	it('a line of another program before the log is not joined with the next (lkp-12.log)', () => {
		// trinity's own lines, then the kernel's (intel/lkp-tests spec/fixtures/stats/dmesg/12, the
		// first 20 lines)
		const log = [
			'[child1:446] finit_module (313) returned ENOSYS, marking as inactive.',
			'[child0:445] lookup_dcookie (212) returned ENOSYS, marking as inactive.',
			'[watchdog] Watchdog is alive. (pid:432)',
			...LKP12_ALLOC_FAILURE
		].join('\n');
		for (const how of ['mail', 'fold-s'] as const) {
			const run = ingestText(text(wrap(utf8(log), 72, how)));
			expect(run.summary.input.warnings[0], how).toMatch(/^This log was wrapped at/);
			// `[child1:446] finit_module (313) … inactive.` had been joined with `[child0:445] …`
			// and `[watchdog] …` after it, as if they were the rest of a line cut at the width
			expect(run.records.slice(0, 3).map((r) => r.text)).toEqual(log.split('\n').slice(0, 3));
			expect(run.records[3].text).toBe(log.split('\n')[3].slice(15));
		}
	});

	it('a log that is not wrapped is not said to be, nor joined', async () => {
		for (const log of LOGS) {
			const got = await outcome(readFixture(log));
			expect(got.warnings.join('\n')).not.toMatch(/wrapped at/);
			expect(JSON.stringify(got)).not.toMatch(/rest of a wrapped line/);
		}
	});
});
