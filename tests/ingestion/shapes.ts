import { readFileSync } from 'node:fs';
import { analyzeText } from '../../src/lib/pipeline.ts';

/**
 * Renders one kernel log (records with monotonic time, level and text, split into boots) into
 * every shape NecroScope reads, the way the producing tool prints it. Used by the invariance test
 * and to write the synthesised fixtures (fixtures/formats/synth/) for shapes with no real sample.
 */

export interface BaseRecord {
	ts: number;
	level: number;
	text: string;
}

export type Boots = BaseRecord[][];

const HOST = 'myhost';
const BOOT_IDS = [
	'3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d',
	'9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b',
	'5b0e7a2c9d4f4e1a8b3c6d0f2e9a7c51'
];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];

/** Wall clock of boot b at monotonic time ts (boot b starts on 2024-11-23 + b days, 10:00 UTC). */
export function wallOf(b: number, ts: number): number {
	return Date.UTC(2024, 10, 23 + b, 10, 0, 0) + Math.round(ts * 1e6) / 1e3;
}

/** Parse a plain `[ts] text` dmesg text (indented lines continue the previous record). */
export function parseBase(text: string): BaseRecord[] {
	const out: BaseRecord[] = [];
	for (const line of text.split('\n')) {
		const m = /^\[ *(\d+\.\d+)\] ?(.*)$/.exec(line);
		if (m) out.push({ ts: Number(m[1]), level: levelOf(m[2]), text: m[2] });
	}
	return out;
}

function levelOf(text: string): number {
	if (/^(?:BUG|Kernel panic|Oops|general protection)/.test(text)) return 0;
	if (/^(?:WARNING|------------\[ cut here)/.test(text)) return 4;
	return 6;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const tsText = (ts: number) => ts.toFixed(6).padStart(12);
function ctime(ms: number): string {
	const d = new Date(ms);
	return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}
function syslogDate(ms: number, precise = false): string {
	const d = new Date(ms);
	const frac = precise ? '.' + pad(Math.floor(ms % 1000), 3) + '000' : '';
	return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac}`;
}
function isoDate(ms: number, sep = '.', digits = 6): string {
	const d = new Date(ms).toISOString();
	return (
		d.slice(0, 19) + (digits > 0 ? sep + d.slice(20, 23) + '0'.repeat(digits - 3) : '') + '+00:00'
	);
}
function fullDate(ms: number): string {
	const d = new Date(ms);
	return `${WEEKDAYS[d.getUTCDay()]} ${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
}
function kmsgEscape(s: string): string {
	let out = '';
	for (const b of new TextEncoder().encode(s)) {
		out +=
			b < 32 || b >= 127 || b === 92
				? '\\x' + b.toString(16).padStart(2, '0')
				: String.fromCharCode(b);
	}
	return out;
}
const usec = (ts: number) => String(Math.round(ts * 1e6));

type LineShape = (r: BaseRecord, boot: number, index: number) => string;

let deltaPrev = 0;

function netconsole(r: BaseRecord, b: number, i: number, chunk: number): string {
	const head = `${['5.9.12', '4.10.0-rc6', '4.10.0-rc3'][b]},${r.level},${i},${usec(r.ts)},-`;
	const body = kmsgEscape(r.text);
	if (body.length <= chunk) return `${head};${body}`;
	const out: string[] = [];
	for (let off = 0; off < body.length; off += chunk)
		out.push(`${head},ncfrag=${off}/${body.length};${body.slice(off, off + chunk)}`);
	return out.join('\n');
}

/** Shapes that print one line per record, with what goes between boots. */
const LINE_SHAPES: Record<string, { line: LineShape; between?: (boot: number) => string[] }> = {
	dmesg: { line: (r) => `[${tsText(r.ts)}] ${r.text}` },
	'dmesg-raw': { line: (r) => `<${r.level}>[${tsText(r.ts)}] ${r.text}` },
	'dmesg-caller': { line: (r) => `[${tsText(r.ts)}][    T1] ${r.text}` },
	// util-linux's own caller column: a space after the time, padded to the widest PID
	'dmesg-caller-spaced': { line: (r) => `[${tsText(r.ts)}] [    T1] ${r.text}` },
	'dmesg-raw-caller': { line: (r) => `<${r.level}>[${tsText(r.ts)}][    T1] ${r.text}` },
	// Android kernels' CONFIG_PRINTK_PROCESS prefix (`%c[%1d:%15s:%5d]`), last_kmsg
	'android-last-kmsg': {
		line: (r) =>
			`<${r.level}>[${tsText(r.ts)}]  [1:${'kworker/1:1'.padStart(15)}:${'57'.padStart(5)}] ${r.text}`
	},
	'dmesg-ctime': { line: (r, b) => `[${ctime(wallOf(b, r.ts))}] ${r.text}` },
	// several --time-format at once: raw, ctime, iso
	'dmesg-multi-time': {
		line: (r, b) =>
			`[${tsText(r.ts)}] [${ctime(wallOf(b, r.ts))}] ${isoDate(wallOf(b, r.ts), ',')} ${r.text}`
	},
	'dmesg-iso': { line: (r, b) => `${isoDate(wallOf(b, r.ts), ',')} ${r.text}` },
	'dmesg-delta': { line: (r) => `[${tsText(r.ts)} <${tsText(0)}>] ${r.text}` },
	'dmesg-decoded': {
		line: (r) => `kern  :${LEVELS[r.level].padEnd(6)}: [${tsText(r.ts)}] ${r.text}`
	},
	kmsg: { line: (r, _b, i) => `${r.level},${i},${usec(r.ts)},-;${kmsgEscape(r.text)}` },
	'kmsg-caller': {
		line: (r, _b, i) => `${r.level},${i},${usec(r.ts)},-,caller=T1;${kmsgEscape(r.text)}`
	},
	'dmesg-decoded-caller': {
		line: (r) => `kern  :${LEVELS[r.level].padEnd(6)}: [${tsText(r.ts)}] [T1] ${r.text}`
	},
	// UniFi / BusyBox syslogd: facility.level after the host
	'syslog-facility': {
		line: (r, b) =>
			`${syslogDate(wallOf(b, r.ts))} ${HOST} kern.${LEVELS[r.level]} kernel: [${tsText(r.ts)}] ${r.text}`
	},
	// rsyslog's high-precision file format
	'syslog-rsyslog-iso': {
		line: (r, b) => `${isoDate(wallOf(b, r.ts))} ${HOST} kernel: [${tsText(r.ts)}] ${r.text}`
	},
	'syslog-5424-plain': {
		line: (r, b) => `<${r.level}>1 ${isoDate(wallOf(b, r.ts))} ${HOST} kernel - - - ${r.text}`
	},
	'journal-short-no-hostname': {
		line: (r, b) => `${syslogDate(wallOf(b, r.ts))} kernel: ${r.text}`,
		between: (b) => [`-- Boot ${BOOT_IDS[b]} --`]
	},
	'journal-short-monotonic-no-hostname': {
		line: (r) => `[${tsText(r.ts)}] kernel: ${r.text}`,
		between: (b) => [`-- Boot ${BOOT_IDS[b]} --`]
	},
	'journal-json-sse': { line: (r, b) => 'data: ' + journalJson(r, b) + '\n' },
	// netconsole's extended mode with the release prepended (`+r`), a message longer than its
	// chunk split into `ncfrag=offset/length` fragments (the kernel's chunk is 1000 bytes; 64 here,
	// so that the test log's long messages are split)
	'netconsole-ext': { line: (r, b, i) => netconsole(r, b, i, 64) },
	'kern-log': {
		line: (r, b) => `${syslogDate(wallOf(b, r.ts))} ${HOST} kernel: [${tsText(r.ts)}] ${r.text}`
	},
	'journal-short': {
		line: (r, b) => `${syslogDate(wallOf(b, r.ts))} ${HOST} kernel: ${r.text}`,
		between: (b) => [`-- Boot ${BOOT_IDS[b]} --`]
	},
	'journal-short-precise': {
		line: (r, b) => `${syslogDate(wallOf(b, r.ts), true)} ${HOST} kernel: ${r.text}`,
		between: (b) => [`-- Boot ${BOOT_IDS[b]} --`]
	},
	'journal-short-iso': {
		line: (r, b) => `${isoDate(wallOf(b, r.ts), '.', 0)} ${HOST} kernel: ${r.text}`,
		between: (b) => [`-- Boot ${BOOT_IDS[b]} --`]
	},
	'journal-short-iso-precise': {
		line: (r, b) => `${isoDate(wallOf(b, r.ts))} ${HOST} kernel: ${r.text}`,
		between: (b) => [`-- Boot ${BOOT_IDS[b]} --`]
	},
	'journal-short-monotonic': {
		line: (r) => `[${tsText(r.ts)}] ${HOST} kernel: ${r.text}`,
		between: (b) => [`-- Boot ${BOOT_IDS[b]} --`]
	},
	'journal-short-delta': {
		line: (r, _b, i) => {
			const d = i === 0 ? 0 : Math.max(0, r.ts - deltaPrev);
			deltaPrev = r.ts;
			return `[${tsText(r.ts)} <${tsText(d)}>] ${HOST} kernel: ${r.text}`;
		},
		between: (b) => [`-- Boot ${BOOT_IDS[b]} --`]
	},
	'journal-short-full': {
		line: (r, b) => `${fullDate(wallOf(b, r.ts))} ${HOST} kernel: ${r.text}`,
		between: (b) => [`-- Boot ${BOOT_IDS[b]} --`]
	},
	'journal-short-unix': {
		line: (r, b) => `${(wallOf(b, r.ts) / 1000).toFixed(6)} ${HOST} kernel: ${r.text}`,
		between: (b) => [`-- Boot ${BOOT_IDS[b]} --`]
	},
	'journal-cat': { line: (r) => r.text },
	'journal-json': { line: (r, b) => journalJson(r, b) },
	'journal-json-seq': { line: (r, b) => '\u001e' + journalJson(r, b) },
	'syslog-5424': {
		line: (r, b) =>
			`<${r.level}>1 ${isoDate(wallOf(b, r.ts))} ${HOST} kernel - - - [${tsText(r.ts)}] ${r.text}`
	},
	'syslog-logread': {
		line: (r, b) =>
			`${ctime(wallOf(b, r.ts))} kern.${LEVELS[r.level]} kernel: [${tsText(r.ts)}] ${r.text}`
	}
};

function journalFields(r: BaseRecord, b: number): Array<[string, string]> {
	const wall = wallOf(b, r.ts);
	return [
		['__CURSOR', `s=6d1c;i=${r.ts.toFixed(0)};b=${BOOT_IDS[b]};m=1;t=2;x=3`],
		['__REALTIME_TIMESTAMP', String(Math.round(wall * 1000 + 1500))],
		['__MONOTONIC_TIMESTAMP', usec(r.ts + 0.0015)],
		['_BOOT_ID', BOOT_IDS[b]],
		['_SOURCE_MONOTONIC_TIMESTAMP', usec(r.ts)],
		['_TRANSPORT', 'kernel'],
		['PRIORITY', String(r.level)],
		['SYSLOG_FACILITY', '0'],
		['SYSLOG_IDENTIFIER', 'kernel'],
		['MESSAGE', r.text],
		['_HOSTNAME', HOST]
	];
}

function journalJson(r: BaseRecord, b: number): string {
	return JSON.stringify(Object.fromEntries(journalFields(r, b)));
}

function reltime(boots: Boots): string[] {
	const out: string[] = [];
	let lastMinute = -1;
	let prev = 0;
	boots.forEach((recs, b) => {
		for (const r of recs) {
			const wall = wallOf(b, r.ts);
			const minute = Math.floor(wall / 60000);
			if (minute !== lastMinute) {
				const d = new Date(wall);
				out.push(
					`[${MONTHS[d.getUTCMonth()]}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}] ${r.text}`
				);
				lastMinute = minute;
			} else out.push(`[${('+' + ((wall - prev) / 1000).toFixed(6)).padStart(11)}] ${r.text}`);
			prev = wall;
		}
	});
	return out;
}

function multiLine(boots: Boots, shape: string): string[] {
	const out: string[] = [];
	const json = shape.startsWith('dmesg-json');
	if (json) out.push('{', '   "dmesg": [');
	boots.forEach((recs, b) => {
		recs.forEach((r, i) => {
			const wall = wallOf(b, r.ts);
			if (json) {
				// `-x` gives facility and level as strings; CONFIG_PRINTK_CALLER adds `caller`
				out.push(
					i === 0 && b === 0 ? '      {' : '      },{',
					...(shape === 'dmesg-json-decoded'
						? ['         "fac": "kern",', `         "pri": "${LEVELS[r.level]}",`]
						: [`         "pri": ${r.level},`]),
					`         "time": ${r.ts.toFixed(6).padStart(12)},`,
					...(shape === 'dmesg-json-caller' ? ['         "caller": "T1",'] : []),
					`         "msg": ${JSON.stringify(r.text)}`
				);
			} else if (shape === 'journal-export') {
				for (const [k, v] of journalFields(r, b)) out.push(`${k}=${v}`);
				out.push('');
			} else if (shape === 'journal-verbose') {
				const d = new Date(wall);
				out.push(
					`${WEEKDAYS[d.getUTCDay()]} ${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 23)}000 UTC [s=6d1c;i=${i};b=${BOOT_IDS[b]};m=1;t=2;x=3]`
				);
				for (const [k, v] of journalFields(r, b))
					if (!k.startsWith('__')) out.push(`    ${k}=${v}`);
			} else if (shape === 'journal-json-pretty') {
				out.push('{');
				const f = journalFields(r, b);
				f.forEach(([k, v], j) =>
					out.push(`\t"${k}" : ${JSON.stringify(v)}${j < f.length - 1 ? ',' : ''}`)
				);
				out.push('}');
			}
		});
	});
	if (json) out.push('      }', '   ]', '}');
	return out;
}

/** pstore: each boot one dmesg record, in parts of 25 lines stored newest part first. */
function pstore(boots: Boots): string[] {
	const out: string[] = [];
	boots.forEach((recs, b) => {
		const lines = recs.map((r) => `<${r.level}>[${tsText(r.ts)}] ${r.text}`);
		const parts: string[][] = [];
		for (let i = lines.length; i > 0; i -= 25) parts.push(lines.slice(Math.max(0, i - 25), i));
		parts.forEach((p, k) => out.push(`Panic#${b + 1} Part${k + 1}`, ...p));
	});
	return out;
}

function android(boots: Boots): string[] {
	return [
		'== dumpstate: 2024-11-23 10:05:00',
		'------ SYSTEM LOG (logcat -v threadtime -v printable -v uid -d *:v) ------',
		'11-23 10:00:01.000  1000  1234  1234 E AndroidRuntime: FATAL EXCEPTION: main',
		'11-23 10:00:01.000  1000  1234  1234 E AndroidRuntime: BUG: not a kernel line',
		"------ 0.020s was the duration of 'SYSTEM LOG' ------",
		'------ KERNEL LOG (dmesg) ------',
		...boots.flatMap((recs) => recs.map((r) => `[${tsText(r.ts)}] ${r.text}`)),
		"------ 0.010s was the duration of 'KERNEL LOG (dmesg)' ------"
	];
}

/** Serial console: CRLF, colour codes, a login prompt glued on, a dropped-messages marker. */
function serial(boots: Boots): string[] {
	const out: string[] = ['\u001b[0;32mSeaBIOS (version 1.16.0)\u001b[0m'];
	boots.forEach((recs) => {
		recs.forEach((r, i) => {
			let l = `[${tsText(r.ts)}] ${r.text}`;
			if (i === 3) l = '\u001b[1;31m' + l + '\u001b[0m';
			if (i === 5) l = `${HOST} login: ` + l;
			out.push(l);
			if (i === 7) out.push('** 3 printk messages dropped **');
		});
	});
	return out.map((l) => l + '\r');
}

/** A serial capture whose lines end in CR CR LF (a terminal that adds a CR to the CR LF it gets). */
function serialCrCr(boots: Boots): string[] {
	return serial(boots).map((l) => l + '\r');
}

export const SHAPES = [
	...Object.keys(LINE_SHAPES),
	'dmesg-reltime',
	'dmesg-json',
	'journal-export',
	'journal-verbose',
	'journal-json-pretty',
	'pstore',
	'android-bugreport',
	'serial-console',
	'serial-console-crcrlf',
	'dmesg-json-caller',
	'dmesg-json-decoded'
];

/** The whole log in one shape, as text. */
export function render(boots: Boots, shape: string): string {
	let lines: string[];
	const ls = LINE_SHAPES[shape];
	if (ls) {
		lines = [];
		let i = 0;
		boots.forEach((recs, b) => {
			if (ls.between) lines.push(...ls.between(b));
			for (const r of recs) lines.push(ls.line(r, b, i++));
		});
	} else if (shape === 'dmesg-reltime') lines = reltime(boots);
	else if (shape === 'pstore') lines = pstore(boots);
	else if (shape === 'android-bugreport') lines = android(boots);
	else if (shape === 'serial-console') lines = serial(boots);
	else if (shape === 'serial-console-crcrlf') lines = serialCrCr(boots);
	else lines = multiLine(boots, shape);
	return lines.join('\n') + '\n';
}

/**
 * The log every shape is made from: three real boots (fixtures/formats/real), each behind a
 * `Linux version` banner (the banners are added). lkp-calltrace-dmesg-007.log is two logs joined
 * (a QEMU guest's oops, then a DX58SO board's WARNING of another kernel, 1416 s later): each is a
 * boot of its own here, as the plain dmesg reads them (it had been one boot with the guest's
 * banner, which the shapes without kernel times cannot tell apart).
 */
export function baseBoots(): Boots {
	const read = (f: string) =>
		readFileSync(new URL(`../../fixtures/formats/real/${f}`, import.meta.url), 'utf8');
	const a = parseBase(read('linux-bug-dmesg-out.log'));
	const b = parseBase(read('lkp-calltrace-dmesg-007.log'));
	const guest = b.filter((r) => r.ts < 1000);
	const board = b.filter((r) => r.ts >= 1000);
	const banner = (v: string) => ({ ts: 0, level: 5, text: `Linux version ${v}` });
	return [
		[
			banner('5.9.12 (builder@buildhost) (gcc (GCC) 10.2.0) #1 SMP Sat Dec 5 00:00:00 UTC 2020'),
			...a
		],
		[
			banner('4.10.0-rc6-00059-g2497278 (kbuild@lkp) (gcc version 6.2.0) #1 SMP Mon Jan 30 2017'),
			...guest
		],
		[
			banner('4.10.0-rc3-00259-g9881b02 (kbuild@lkp) (gcc version 6.2.0) #1 SMP Mon Jan 16 2017'),
			...board
		]
	];
}

/** What the invariance tests compare of a log's analysis in each shape (invariance*.test.ts). */
export async function outcome(text: string) {
	const r = await analyzeText(text, { year: 2024 });
	return {
		crashes: [
			...new Set(r.findings.filter((f) => f.category === 'crash').map((f) => f.title))
		].sort(),
		kernel_version: r.metadata.kernel_version,
		boots: r.metadata.boots.map((b) => b.kernel_version),
		lines_total: r.input.lines_total,
		formats: r.input.formats,
		findings: [...new Set(r.findings.map((f) => `${f.rule} ${f.title} x${f.count}`))].sort(),
		// the lines of each crash report as the report shows them (the message, without the prefix)
		reports: r.findings
			.filter((f) => f.category === 'crash')
			.map((f) => `${f.title}: ${f.evidence.map((e) => e.text).join(' | ')}`)
			.sort(),
		unparsed: r.input.lines_unparsed
	};
}
