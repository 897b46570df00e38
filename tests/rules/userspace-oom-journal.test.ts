/**
 * User-space OOM killers, the rest: their entries in `journalctl -o json`, `export` and
 * `verbose` output (the program is the entry's SYSLOG_IDENTIFIER, else its _COMM), systemd's own
 * line when systemd-oomd killed a unit's processes, and the array API (`ingest()` + `analyze()`)
 * agreeing with the streaming pipeline on such logs.
 *
 * nohang's messages are real (crash-logs-log20221215-txt.log, a ThinkPad's journal printed as
 * `journalctl` short text); their journal fields are written here in journalctl's formats
 * (systemd src/shared/logs-show.c, docs/JOURNAL_EXPORT_FORMATS.md). The corpus has no
 * systemd-oomd kill, no systemd line about one and no earlyoom kill: those messages are in the
 * programs' own formats (systemd src/oom/oomd-manager.c and src/core/unit.c
 * unit_check_oomd_kill, earlyoom kill.c), said so where they are used.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/lib/analysis/index.ts';
import { ingest } from '../../src/lib/ingestion/index.ts';
import { Ingestor } from '../../src/lib/ingestion/ingestor.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { NOHANG_KILL, NOHANG_KILL_FACTS } from '../support/excerpts.ts';

async function reportOf(lines: string[]) {
	return analyzeText(lines.join('\n') + '\n');
}

const BOOT_ID = '3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d';

/** crash-logs-log20221215-txt.log line 1 (the kernel's banner) */
const BANNER =
	'Dec 15 16:23:00 peter-x1c kernel: Linux version 6.0.12-arch1-1 (linux@archlinux) (gcc (GCC) 12.2.0, GNU ld (GNU Binutils) 2.39.0) #1 SMP PREEMPT_DYNAMIC Thu, 08 Dec 2022 11:03:38 +0000';

/** synthetic, systemd-oomd's kill (src/oom/oomd-manager.c) */
const OOMD_KILLED =
	'Killed /user.slice/user-1000.slice/user@1000.service/app.slice/app-gnome-firefox-2345.scope due to memory pressure for /user.slice/user-1000.slice/user@1000.service being 62.41% > 50.00% for > 20s with reclaim activity';
/** synthetic, the user's systemd instance on the same kill (src/core/unit.c) */
const UNIT_KILLED =
	'app-gnome-firefox-2345.scope: systemd-oomd killed 37 process(es) in this unit.';

interface Fields {
	[key: string]: string;
}

/** The journal fields of a `Dec 15 18:21:11 host ident[pid]: message` line, at `mono` seconds. */
function fieldsOf(line: string, i: number, mono: number): Fields {
	const m = /^(\w{3} \d\d \d\d:\d\d:\d\d) (\S+) ([^\s:[]+)\[(\d+)\]: (.*)$/.exec(line);
	if (!m) throw new Error(`not a syslog line: ${line}`);
	const kernel = m[3] === 'kernel';
	const wall = Date.parse(`${m[1]} 2022 UTC`) * 1000;
	return {
		__CURSOR: `s=6d1c;i=${i.toString(16)};b=${BOOT_ID};m=${mono.toString(16)};t=1;x=9f1`,
		__REALTIME_TIMESTAMP: String(wall),
		__MONOTONIC_TIMESTAMP: String(Math.round(mono * 1e6)),
		_BOOT_ID: BOOT_ID,
		_TRANSPORT: kernel ? 'kernel' : 'stdout',
		PRIORITY: kernel ? '5' : '6',
		SYSLOG_IDENTIFIER: m[3],
		...(kernel ? {} : { _PID: m[4], _COMM: m[3].slice(0, 15) }),
		_HOSTNAME: m[2],
		MESSAGE: m[5]
	};
}

/** The kernel's `Linux version` line (no pid in its prefix) as a syslog line with one. */
const BANNER_LINE = BANNER.replace(' kernel: ', ' kernel[0]: ');

/** Entries of the lines, one second of monotonic time apart from 10 s on. */
function entries(lines: string[]): Fields[] {
	return lines.map((l, i) => fieldsOf(l, i + 1, i === 0 ? 1 : 7000 + i));
}

/** `journalctl -o json`: one object per line */
function json(es: Fields[]): string[] {
	return es.map((e) => JSON.stringify(e));
}

/** `journalctl -o export`: FIELD=value lines, a blank line after each entry */
function exported(es: Fields[]): string[] {
	return es.flatMap((e) => [...Object.entries(e).map(([k, v]) => `${k}=${v}`), '']);
}

/** `journalctl -o json-pretty`: `{`, a `\t"FIELD" : "value"` line per field, `}` */
function pretty(es: Fields[]): string[] {
	return es.flatMap((e) => [
		'{',
		...Object.entries(e).map(
			([k, v], i, all) =>
				`\t${JSON.stringify(k)} : ${JSON.stringify(v)}${i < all.length - 1 ? ',' : ''}`
		),
		'}'
	]);
}

/** `journalctl -o verbose`: a date and cursor line, then `    FIELD=value` lines */
function verbose(es: Fields[]): string[] {
	return es.flatMap((e) => {
		const d = new Date(Number(e.__REALTIME_TIMESTAMP) / 1000);
		const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
		const date = d.toISOString().replace('T', ' ').replace('Z', '');
		return [
			`${day} ${date}000 UTC [${e.__CURSOR}]`,
			...Object.entries(e)
				.filter(([k]) => !k.startsWith('__'))
				.map(([k, v]) => `    ${k}=${v}`)
		];
	});
}

describe('journalctl -o json (nohang, real messages)', () => {
	const lines = json(entries([BANNER_LINE, ...NOHANG_KILL]));

	it('reports the kill with its victim and thresholds; the entries stay skipped', async () => {
		const r = await reportOf(lines);
		const f = r.findings.filter((x) => x.category === 'memory');
		expect(f.map((x) => [x.rule, x.severity, x.count, x.first_line])).toEqual([
			['memory.nohang-kill', 'high', 1, 21]
		]);
		expect(f[0].details).toMatchObject(NOHANG_KILL_FACTS);
		expect(f[0].evidence[0].text).toBe('nohang-desktop:   Sending SIGTERM to the victim');
		// the journal's monotonic time is the kernel's clock
		expect(f[0].first_seen.ts).toBe(7020);
		expect(r.input.lines_total).toBe(NOHANG_KILL.length + 1);
		expect(r.input.formats).toEqual({ 'journal-json': 1 });
		expect(r.input.skipped_reasons).toEqual({
			'not a kernel message (other program in a journal)': NOHANG_KILL.length
		});
	});

	it('names the program by _COMM when the entry has no SYSLOG_IDENTIFIER', async () => {
		// synthetic, earlyoom's kill (kill.c)
		const kill = entries([
			BANNER_LINE,
			'Dec 15 18:02:11 peter-x1c earlyoom[850]: sending SIGTERM to process 5120 uid 1000 "firefox": badness 900, VmRSS 3200 MiB'
		]);
		delete kill[1].SYSLOG_IDENTIFIER;
		const f = (await reportOf(json(kill))).findings;
		expect(f.map((x) => [x.rule, x.details.process])).toEqual([
			['memory.earlyoom-kill', 'firefox']
		]);
		// another program's entry with the same message is nothing
		kill[1]._COMM = 'mydaemon';
		expect((await reportOf(json(kill))).findings).toEqual([]);
	});
});

describe('journalctl -o export and -o verbose', () => {
	const es = entries([
		BANNER_LINE,
		`Mar 02 10:15:44 fedora systemd-oomd[612]: ${OOMD_KILLED}`,
		`Mar 02 10:15:44 fedora systemd[1522]: ${UNIT_KILLED}`,
		'Mar 02 10:15:45 fedora systemd[1522]: app-gnome-firefox-2345.scope: Consumed 45min 2.345s CPU time.',
		// synthetic, earlyoom's kill (kill.c)
		'Mar 02 10:20:11 fedora earlyoom[850]: sending SIGKILL to process 4321 "chrome": badness 1000, VmRSS 5120 MiB'
	]);

	// verbose output shows no __MONOTONIC_TIMESTAMP: its entries are placed by their date
	for (const [name, lines, format, ts] of [
		['export', exported(es), 'journal-export', 7001],
		['verbose', verbose(es), 'journal-full', null],
		['json-pretty', pretty(es), 'journal-json-pretty', 7001]
	] as const) {
		it(`reads ${name} entries: systemd-oomd's kill with systemd's count, earlyoom's kill`, async () => {
			const r = await reportOf(lines);
			// the kernel's entry is the only kernel record; the others' lines are skipped (as are
			// json-pretty's opening braces)
			expect(r.input.formats).toEqual({ [format]: lines.length - r.input.lines_skipped });
			const others =
				lines.length -
				(r.input.formats[format] ?? 0) -
				(r.input.skipped_reasons['JSON structure'] ?? 0);
			expect(r.input.skipped_reasons['not a kernel message (other program in a journal)']).toBe(
				others
			);
			const f = r.findings.filter((x) => x.category === 'memory');
			expect(f.map((x) => [x.rule, x.count, x.details.process, x.evidence.length])).toEqual([
				['memory.systemd-oomd-kill', 1, 'app-gnome-firefox-2345.scope', 2],
				['memory.earlyoom-kill', 1, 'chrome', 1]
			]);
			expect(f[0].details.processes_killed).toBe(37);
			expect(f[0].first_seen.ts).toBe(ts);
			expect(f[0].first_seen.wall).toBe('2022-03-02T10:15:44.000Z');
			expect(f[1].evidence[0].text).toBe(
				'earlyoom: sending SIGKILL to process 4321 "chrome": badness 1000, VmRSS 5120 MiB'
			);
		});
	}
});

describe('systemd’s line on a systemd-oomd kill (src/core/unit.c wording, synthetic)', () => {
	const OOMD = `Mar 02 10:15:44 fedora systemd-oomd[612]: ${OOMD_KILLED}`;
	const UNIT = `Mar 02 10:15:44 fedora systemd[1522]: ${UNIT_KILLED}`;
	const KERNEL =
		'Mar 02 10:15:00 fedora kernel: Linux version 6.8.5-301.fc40.x86_64 (mockbuild@x) (gcc (GCC) 14.0.1) #1 SMP PREEMPT_DYNAMIC Thu Apr 11 20:00:10 UTC 2024';

	it('is the same kill as systemd-oomd’s line before it: one occurrence, with the count', async () => {
		const r = await reportOf([
			KERNEL,
			OOMD,
			'Mar 02 10:15:44 fedora gnome-shell[1800]: Window manager warning: last_focus_time is ahead',
			UNIT,
			'Mar 02 10:15:45 fedora systemd[1522]: app-gnome-firefox-2345.scope: Consumed 45min 2.345s CPU time.'
		]);
		const f = r.findings;
		expect(f.map((x) => [x.rule, x.count, x.first_line, x.last_line])).toEqual([
			['memory.systemd-oomd-kill', 1, 2, 4]
		]);
		expect(f[0].details).toMatchObject({
			process: 'app-gnome-firefox-2345.scope',
			processes_killed: 37,
			processes: ['app-gnome-firefox-2345.scope']
		});
		expect(f[0].evidence.map((e) => e.text)).toEqual([
			`systemd-oomd: ${OOMD_KILLED}`,
			`systemd: ${UNIT_KILLED}`
		]);
		expect(r.input.lines_skipped).toBe(4);
	});

	it('is a kill of its own alone, or after systemd-oomd’s line for another unit', async () => {
		const alone = await reportOf([
			KERNEL,
			'Mar 02 10:20:00 fedora systemd[1]: user@1000.service: systemd-oomd killed some process(es) in this unit.'
		]);
		expect(
			alone.findings.map((x) => [x.rule, x.severity, x.details.process, x.details.processes_killed])
		).toEqual([['memory.systemd-oomd-kill', 'high', 'user@1000.service', null]]);
		const other = await reportOf([
			KERNEL,
			OOMD,
			'Mar 02 10:15:44 fedora systemd[1]: user@1000.service: systemd-oomd killed 12 process(es) in this unit.'
		]);
		expect(other.findings.map((x) => [x.count, x.details.processes])).toEqual([
			[2, ['app-gnome-firefox-2345.scope', 'user@1000.service']]
		]);
	});

	it('reads, of systemd’s lines, only that one (syslog, short-monotonic, json)', () => {
		const passed: string[] = [];
		const run = (lines: string[]) => {
			const ing = new Ingestor({
				record: () => {},
				block: () => {},
				program: (r) => {
					passed.push(`${r.program}: ${r.text}`);
				}
			});
			for (const l of lines) ing.pushLine(l);
			return ing.finish();
		};
		const others = [
			'Mar 02 10:15:45 fedora systemd[1522]: app-gnome-firefox-2345.scope: Consumed 45min 2.345s CPU time.',
			'Mar 02 10:15:45 fedora systemd[1]: user@1000.service: A process of this unit has been killed by the OOM killer.',
			'Mar 02 10:15:46 fedora systemd[1]: Started foo.service - Foo.',
			'Mar 02 10:15:46 fedora systemd-logind[700]: app-gnome-firefox-2345.scope: systemd-oomd killed 37 process(es) in this unit.'
		];
		const s = run([KERNEL, UNIT, ...others]);
		expect(s.input.lines_skipped).toBe(5);
		run([
			'[    0.000000] fedora kernel: Linux version 6.8.5-301.fc40.x86_64 (mockbuild@x) (gcc (GCC) 14.0.1) #1 SMP PREEMPT_DYNAMIC Thu Apr 11 20:00:10 UTC 2024',
			`[ 5123.456789] fedora systemd[1522]: ${UNIT_KILLED}`,
			'[ 5123.500000] fedora systemd[1]: Started foo.service - Foo.'
		]);
		run(json(entries([BANNER_LINE, UNIT.replace('Mar 02', 'Dec 15'), others[2]])));
		expect(passed).toEqual([
			`systemd: ${UNIT_KILLED}`,
			`systemd: ${UNIT_KILLED}`,
			`systemd: ${UNIT_KILLED}`
		]);
	});
});

describe('the array API and the streaming pipeline agree on user-space programs’ lines', () => {
	const log = [
		BANNER,
		...NOHANG_KILL,
		`Dec 15 18:30:00 peter-x1c systemd-oomd[612]: ${OOMD_KILLED}`,
		`Dec 15 18:30:00 peter-x1c systemd[1522]: ${UNIT_KILLED}`,
		'Dec 15 18:30:01 peter-x1c kernel: usb 1-1: USB disconnect, device number 2'
	];

	it('finds the same findings through ingest() and analyze() as through analyzeText()', async () => {
		const streamed = await reportOf(log);
		const ing = ingest(log);
		expect(ing.programs.map((p) => [p.line, p.program])).toEqual([
			...NOHANG_KILL.map((_, i) => [i + 2, 'nohang-desktop']),
			[NOHANG_KILL.length + 2, 'systemd-oomd'],
			[NOHANG_KILL.length + 3, 'systemd']
		]);
		// they are no kernel events
		expect(ing.events.map((e) => e.line)).toEqual([1, log.length]);
		const arrayed = analyze(
			ing.metadata,
			ing.events,
			ing.errorBlocks,
			ing.input,
			ing.bitFlipped,
			ing.programs
		);
		expect(streamed.findings.map((f) => [f.rule, f.count, f.details.processes])).toEqual([
			['memory.nohang-kill', 1, ['Privileged Cont']],
			['memory.systemd-oomd-kill', 1, ['app-gnome-firefox-2345.scope']],
			['usb.disconnect', 1, undefined]
		]);
		expect(arrayed.findings).toEqual(streamed.findings);
		expect(arrayed.summary).toEqual(streamed.summary);
	});
});
