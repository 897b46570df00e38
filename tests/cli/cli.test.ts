import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	chmodSync,
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	realpathSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleCli } from '../support/cli-bundle.ts';
import { formatJson, formatMarkdown, formatText } from '../../src/lib/index.ts';
import { analyzeFile, OUTPUT_FIXTURES, ROOT } from '../output/helpers.ts';
import { describeFileError as describeError } from '../../src/cli/errors.ts';
import { writeWhole } from '../../src/cli/files.ts';

const { tmp, cli: CLI } = bundleCli('necroscope-cli-');

function run(args: string[], input?: string, timeout = 60_000) {
	const r = spawnSync(process.execPath, [CLI, ...args], {
		cwd: ROOT,
		input: input ?? '',
		encoding: 'utf8',
		timeout
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const OOPS = join(OUTPUT_FIXTURES, 'abrt-1-oops.log');
const SYNTHETIC = join(OUTPUT_FIXTURES, 'synthetic-personal.log');

describe('CLI errors', () => {
	it('a missing file: exit 2, one line on stderr, nothing on stdout', () => {
		const r = run(['no/such/file.log']);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe('necroscope: no/such/file.log: no such file\n');
		expect(r.stdout).toBe('');
	});

	it('a directory: exit 2 with a one-line message', () => {
		const r = run([tmp]);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe(`necroscope: ${tmp}: is a directory\n`);
	});

	it.skipIf(process.getuid?.() === 0)('an unreadable file: exit 2, permission denied', () => {
		const f = join(tmp, 'secret.log');
		writeFileSync(f, 'x\n');
		chmodSync(f, 0o000);
		const r = run([f]);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe(`necroscope: ${f}: permission denied\n`);
	});

	it('a path through a file: exit 2 with a one-line message, no stack trace', () => {
		const r = run([join(OOPS, 'inside')]);
		expect(r.code).toBe(2);
		expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/^necroscope: .*inside: cannot read \(ENOTDIR\)\n$/);
	});

	it('a .zst file gives the report of the log inside it', () => {
		const zst = join(ROOT, 'fixtures', 'compressed', 'warning-radeon.log.zst');
		const plain = join(ROOT, 'fixtures', 'e2e', 'warning-radeon.log');
		const a = run(['--format', 'json', zst]);
		const b = run(['--format', 'json', plain]);
		expect(a.code).toBe(0);
		const ra = JSON.parse(a.stdout);
		const rb = JSON.parse(b.stdout);
		expect(ra.input.bytes).toBe(readFileSync(zst).length);
		expect(ra.findings).toEqual(rb.findings);
		expect(ra.input.lines_total).toBe(rb.input.lines_total);
		expect(ra.findings.map((f: { title: string }) => f.title)).toContain(
			'WARNING in radeon_gart_unbind'
		);
	});

	it('a .xz file gives the report of the log inside it, the same but for its name and size', () => {
		// the CLI is an ES-module bundle for Node: xz-decompress is loaded there without `require`
		const xz = join(ROOT, 'fixtures', 'compressed', 'fishlogs-dmesg-log.log.xz');
		const plain = join(OUTPUT_FIXTURES, 'fishlogs-dmesg-log.log');
		const a = run(['--format', 'json', xz]);
		const b = run(['--format', 'json', plain]);
		expect(a.code).toBe(0);
		expect(a.stderr).toBe('');
		const ra = JSON.parse(a.stdout);
		const rb = JSON.parse(b.stdout);
		expect(ra.input.bytes).toBe(readFileSync(xz).length);
		expect(ra.input.name).toBe('fishlogs-dmesg-log.log.xz');
		const same = (r: { input: object }) => ({ ...r, input: { ...r.input, name: '', bytes: 0 } });
		expect(JSON.stringify(same(ra))).toBe(JSON.stringify(same(rb)));
		// from standard input too
		const c = spawnSync(process.execPath, [CLI, '--format', 'json', '-'], {
			input: readFileSync(xz),
			encoding: 'utf8'
		});
		expect(c.status).toBe(0);
		expect(JSON.parse(c.stdout).input.lines_total).toBe(rb.input.lines_total);
	});

	it('a truncated .xz: the report of what was decoded, said to be incomplete, exit 2; nothing decoded: exit 2', () => {
		const xz = readFileSync(join(ROOT, 'fixtures', 'compressed', 'fishlogs-dmesg-log.log.xz'));
		const cut = join(tmp, 'cut.log.xz');
		writeFileSync(cut, xz.subarray(0, 40_000));
		const r = run(['--format', 'text', cut]);
		// an input read in part is an input error (it had been status 0: the note alone said so)
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(
			/^necroscope: .*cut\.log\.xz: The compressed file is truncated: it ends in the middle of its data\. This report covers only the first [\d,]+ lines\.\n$/
		);
		// (the text report wraps its notes at 80 columns)
		expect(r.stdout.replace(/\n +/g, ' ')).toContain(
			'Incomplete: The compressed file is truncated: it ends in the middle of its data.'
		);
		const head = join(tmp, 'head.log.xz');
		writeFileSync(head, xz.subarray(0, 30));
		const h = run([head]);
		expect(h.code).toBe(2);
		expect(h.stderr).toBe(
			`necroscope: ${head}: The compressed file is truncated: it ends in the middle of its data.\n`
		);
	});

	it('a damaged .gz: exit 2, one line naming the file', () => {
		const f = join(tmp, 'broken.log.gz');
		writeFileSync(f, gzipSync(readFileSync(OOPS)).subarray(0, 60));
		const r = run([f]);
		expect(r.code).toBe(2);
		expect(r.stderr.startsWith(`necroscope: ${f}: `)).toBe(true);
		expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
	});

	it('a usage error: exit 2, one line on stderr, the right spelling when it is obvious', () => {
		const cases: [string[], string][] = [
			[['--frobnicate'], 'unknown option --frobnicate (--help lists the options)'],
			[['--format', 'pdf', OOPS], "unknown format 'pdf' (json, text, markdown)"],
			[['--format', 'xml', OOPS], "unknown format 'xml' (json, text, markdown)"],
			[['--format'], '--format needs a value (json, text, markdown)'],
			[['--format=', OOPS], '--format needs a value (json, text, markdown)'],
			[
				['--format', 'JSON', OOPS],
				"unknown format 'JSON': did you mean json? (json, text, markdown)"
			],
			[['--format=txt', OOPS], "unknown format 'txt': did you mean text? (json, text, markdown)"],
			[['--fromat', 'json', OOPS], 'unknown option --fromat: did you mean --format?'],
			[['--anonymise', OOPS], 'unknown option --anonymise: did you mean --anonymize?'],
			[['--outdir', tmp, OOPS], 'unknown option --outdir: did you mean --out-dir?'],
			[['--json', OOPS], 'unknown option --json: did you mean --format json?'],
			[['-V'], 'unknown option -V: did you mean --version?'],
			[['--anonymize=yes', OOPS], '--anonymize takes no value'],
			[
				['--fail-on', 'High', OOPS],
				"unknown severity 'High': did you mean high? (critical, high, medium, low, info)"
			],
			[
				['--fail-on', 'crit', OOPS],
				"unknown severity 'crit': did you mean critical? (critical, high, medium, low, info)"
			],
			[['--out-dir'], '--out-dir needs a value']
		];
		for (const [args, message] of cases) {
			const r = run(args);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.stderr, args.join(' ')).toBe(`necroscope: ${message}\n`);
			expect(r.stdout).toBe('');
		}
	});

	it('--version: the version and the report schema on stdout, exit 0', () => {
		const r = run(['--version']);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^necroscope \d+\.\d+\.\d+ \(report schema \d+\.\d+\.\d+\)\n$/);
		expect(r.stdout).toContain(
			JSON.parse(run(['--format', 'json', OOPS]).stdout).generator.version
		);
	});

	it('every option --help names is one the CLI accepts', () => {
		const help = run(['--help']).stdout;
		const named = [...new Set(help.match(/--[a-z][a-z-]+/g))];
		expect(named).toEqual(
			expect.arrayContaining(['--format', '--out-dir', '--fail-on', '--year', '--version'])
		);
		const values: Record<string, string> = {
			'--format': 'json',
			'--out-dir': join(tmp, 'help-out'),
			'--fail-on': 'critical',
			'--year': '2016',
			// abrt-1-oops.log's WARNING
			'--lines': 'crash-6009d14e'
		};
		// --version and --print-schema take no input (a usage error with one)
		const alone = ['--version', '--print-schema'];
		for (const option of named) {
			const r = run(
				option in values
					? [option, values[option], OOPS]
					: alone.includes(option)
						? [option]
						: [option, OOPS]
			);
			expect(r.code, option).toBe(0);
			expect(r.stderr, option).toBe('');
		}
	});

	it('several inputs with --out-dir: one line per unreadable input, the others analysed, exit 2', () => {
		const out = join(tmp, 'batch');
		const broken = join(tmp, 'batch-broken.log.gz');
		writeFileSync(broken, gzipSync(readFileSync(OOPS)).subarray(0, 60));
		const r = run(['--out-dir', out, OOPS, 'no/such.log', tmp, broken, SYNTHETIC]);
		expect(r.code).toBe(2);
		expect(r.stderr.split('\n').slice(0, 2)).toEqual([
			'necroscope: no/such.log: no such file',
			`necroscope: ${tmp}: is a directory`
		]);
		expect(r.stderr).toMatch(/^necroscope: .*batch-broken\.log\.gz: /m);
		expect(r.stderr.trimEnd().split('\n')).toHaveLength(3);
		expect(readdirSync(out).sort()).toEqual(['abrt-1-oops.txt', 'synthetic-personal.txt']);
	});

	it('an --out-dir that cannot be made: exit 2 at once with one line', () => {
		const r = run(['--out-dir', join(OOPS, 'reports'), OOPS]);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe(
			`necroscope: ${join(OOPS, 'reports')}: cannot create the output directory (a file is in the way)\n`
		);
	});

	// Node 20's mkdirSync({ recursive: true }) retried for ever (100% CPU) when mkdir answered
	// ENOENT under a parent that exists, as /proc does
	it.skipIf(!existsSync('/proc/self'))('--out-dir under /proc: exit 2, no endless retry', () => {
		const r = run(['--out-dir', '/proc/necroscope-reports', OOPS], undefined, 15_000);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe(
			'necroscope: /proc/necroscope-reports: cannot create the output directory (a directory on its path does not exist)\n'
		);
	});

	it('several inputs without --out-dir: exit 2', () => {
		const r = run([OOPS, SYNTHETIC]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/^necroscope: several inputs need --out-dir DIR\n/);
	});

	it('--help: the usage on stdout, exit 0', () => {
		const r = run(['--help']);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/--format json\|text\|markdown/);
		expect(r.stdout).toContain('--anonymize');
	});
});

describe('CLI output', () => {
	it('prints the same bytes as the formatters, in every format', async () => {
		const result = await analyzeFile(OOPS);
		const expected = {
			json: formatJson(result),
			text: formatText(result),
			markdown: formatMarkdown(result)
		};
		for (const [format, bytes] of Object.entries(expected)) {
			const r = run(['--format', format, OOPS]);
			expect(r.code, format).toBe(0);
			expect(r.stdout, format).toBe(bytes);
		}
		expect(run([`--format=md`, OOPS]).stdout).toBe(expected.markdown);
		expect(run([OOPS]).stdout).toBe(expected.text);
	});

	it('writes a long report whole through a pipe (no cut at the pipe buffer size)', () => {
		const log = Array.from(
			{ length: 400 },
			(_, i) =>
				`[ ${100 + i}.000000] Out of memory: Killed process ${1000 + i} (worker${i}) total-vm:1000kB, anon-rss:500kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0`
		).join('\n');
		const r = run(['--format', 'json', '-'], log + '\n');
		expect(r.code).toBe(0);
		expect(r.stdout.length).toBeGreaterThan(200_000);
		expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(50);
	});

	it('reads .gz input: the same findings as the plain file', () => {
		const f = join(tmp, 'oops.log.gz');
		writeFileSync(f, gzipSync(readFileSync(OOPS)));
		const gz = JSON.parse(run(['--format', 'json', f]).stdout);
		const plain = JSON.parse(run(['--format', 'json', OOPS]).stdout);
		expect(gz.findings).toEqual(plain.findings);
		expect(gz.input.name).toBe('oops.log.gz');
	});

	it('reads a UTF-16 log (PowerShell `dmesg > dmesg.txt`) and a CRLF one like the UTF-8 file', () => {
		const text = readFileSync(OOPS, 'utf8');
		const plain = JSON.parse(run(['--format', 'json', OOPS]).stdout);
		const crlf = text.replace(/\n/g, '\r\n');
		const variants = {
			'utf16le.log': Buffer.from('\ufeff' + crlf, 'utf16le'),
			'utf16be.log': Buffer.from('\ufeff' + crlf, 'utf16le').swap16(),
			'crlf.log': Buffer.from(crlf)
		};
		for (const [name, bytes] of Object.entries(variants)) {
			const f = join(tmp, name);
			writeFileSync(f, bytes);
			const r = run(['--format', 'json', f]);
			expect(r.code, name).toBe(0);
			const report = JSON.parse(r.stdout);
			expect(report.findings, name).toEqual(plain.findings);
			expect(report.verdict, name).toEqual(plain.verdict);
			expect(report.input.lines_total, name).toBe(plain.input.lines_total);
		}
	});

	it('reads standard input for - and when no file is given', () => {
		const log = readFileSync(OOPS, 'utf8');
		const a = run(['--format', 'json', '-'], log);
		const b = run(['--format', 'json'], log);
		expect(a.code).toBe(0);
		expect(b.stdout).toBe(a.stdout);
		const r = JSON.parse(a.stdout);
		expect(r.input.name).toBeNull();
		expect(r.findings.length).toBeGreaterThan(0);
	});

	it('--out-dir writes DIR/<name without its last extension>.<ext> per input', () => {
		const out = join(tmp, 'reports');
		const copy = join(tmp, 'abrt-1-oops.log'); // same base name as OOPS
		writeFileSync(copy, readFileSync(OOPS));
		const dotted = join(tmp, 'kern.log.1');
		writeFileSync(dotted, readFileSync(OOPS));
		let r = run(['--format', 'markdown', '--out-dir', out, OOPS, copy, dotted]);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe('');
		// both reports say `abrt-1-oops.log`: stderr tells which input the renamed one is from
		expect(r.stderr).toBe(
			`necroscope: ${copy}: report ${join(out, 'abrt-1-oops-2.md')} (abrt-1-oops.md is another input's report)\n`
		);
		expect(readdirSync(out).sort()).toEqual(['abrt-1-oops-2.md', 'abrt-1-oops.md', 'kern.log.md']);
		r = run(['--format', 'json', `--out-dir=${out}`, '-'], readFileSync(OOPS, 'utf8'));
		expect(r.code).toBe(0);
		expect(readdirSync(out)).toContain('stdin.json');
		expect(readFileSync(join(out, 'abrt-1-oops.md'), 'utf8')).toMatch(/^## NecroScope report: /);
	});

	it('--out-dir never writes a report over an input (`--out-dir logs logs/dmesg.txt`)', () => {
		const logs = join(tmp, 'logs');
		mkdirSync(logs);
		const dmesg = join(logs, 'dmesg.txt');
		const other = join(logs, 'dmesg.log'); // its report would be dmesg.txt too
		const log = readFileSync(OOPS);
		writeFileSync(dmesg, log);
		writeFileSync(other, log);
		const r = run(['--out-dir', logs, other, dmesg]);
		expect(r.code).toBe(0);
		expect(readFileSync(dmesg)).toEqual(log);
		expect(readdirSync(logs).sort()).toEqual([
			'dmesg-2.txt',
			'dmesg-3.txt',
			'dmesg.log',
			'dmesg.txt'
		]);
		expect(readFileSync(join(logs, 'dmesg-2.txt'), 'utf8')).toBe(run([other]).stdout);
		expect(r.stderr.split('\n')[0]).toBe(
			`necroscope: ${other}: report ${join(logs, 'dmesg-2.txt')} (${dmesg} is an input)`
		);
	});

	it('standard input redirected from a file in --out-dir is not written over either', () => {
		const dir = join(tmp, 'stdin-dir');
		mkdirSync(dir);
		const saved = join(dir, 'stdin.txt');
		writeFileSync(saved, readFileSync(OOPS));
		const r = spawnSync(
			'sh',
			['-c', `"${process.execPath}" "${CLI}" --out-dir "${dir}" - < "${saved}"`],
			{
				encoding: 'utf8',
				timeout: 60_000
			}
		);
		expect(r.status).toBe(0);
		expect(readFileSync(saved)).toEqual(readFileSync(OOPS));
		expect(readdirSync(dir).sort()).toEqual(['stdin-2.txt', 'stdin.txt']);
	});

	it('Ctrl-C or SIGTERM while reading: ends at once, no stack trace', async () => {
		for (const signal of ['SIGINT', 'SIGTERM'] as const) {
			const child = spawn(process.execPath, [CLI, '--format', 'json', '-'], { cwd: ROOT });
			let out = '';
			child.stdout.on('data', (d) => (out += d));
			child.stderr.on('data', (d) => (out += d));
			// a log still being written (standard input left open)
			child.stdin.write(readFileSync(OOPS));
			await new Promise((resolve) => setTimeout(resolve, 500));
			const sent = Date.now();
			child.kill(signal);
			const [code, by] = await new Promise<[number | null, string | null]>((resolve) =>
				child.on('close', (c, s) => resolve([c, s]))
			);
			expect(by, signal).toBe(signal);
			expect(code, signal).toBeNull();
			expect(Date.now() - sent, signal).toBeLessThan(5_000);
			expect(out, signal).toBe('');
		}
	});

	it('--out-dir: a report is written whole or not at all, the previous one kept', () => {
		const dir = join(tmp, 'whole');
		mkdirSync(dir);
		const report = join(dir, 'dmesg.json');
		writeWhole(report, '{"first":1}\n');
		writeWhole(report, '{"second":2}\n');
		expect(readFileSync(report, 'utf8')).toBe('{"second":2}\n');
		expect(readdirSync(dir)).toEqual(['dmesg.json']);
		// a write that fails part-way (here its hidden temporary name is taken by a directory;
		// in use, a full disk) throws, keeps the last whole report and leaves nothing else
		const blocked = join(dir, `.dmesg.json.${process.pid}.tmp`);
		mkdirSync(blocked);
		expect(() => writeWhole(report, '{"third":3}\n')).toThrow();
		expect(readFileSync(report, 'utf8')).toBe('{"second":2}\n');
		rmSync(blocked, { recursive: true });
		expect(readdirSync(dir)).toEqual(['dmesg.json']);
	});

	it('Ctrl-C during an --out-dir batch: killed by the signal, no report cut short', async () => {
		const dir = join(tmp, 'interrupted');
		mkdirSync(dir);
		// many inputs, so that the signal comes while reports are being written
		const inputs = Array.from({ length: 40 }, () => OOPS);
		const child = spawn(process.execPath, [CLI, '--format', 'json', '--out-dir', dir, ...inputs], {
			cwd: ROOT
		});
		let err = '';
		child.stderr.on('data', (d) => (err += d));
		// once the first report is there
		while (readdirSync(dir).filter((f) => f.endsWith('.json')).length === 0)
			await new Promise((resolve) => setTimeout(resolve, 5));
		child.kill('SIGINT');
		const by = await new Promise<string | null>((resolve) =>
			child.on('close', (_c, s) => resolve(s))
		);
		expect(by).toBe('SIGINT');
		expect(err.includes('at ')).toBe(false);
		const written = readdirSync(dir);
		expect(written.every((f) => f.endsWith('.json'))).toBe(true);
		for (const f of written)
			expect(() => JSON.parse(readFileSync(join(dir, f), 'utf8'))).not.toThrow();
	});

	it('a reader that closes the pipe early (`| head -1`): no EPIPE stack trace', async () => {
		const log = Array.from(
			{ length: 400 },
			(_, i) =>
				`[ ${100 + i}.000000] Out of memory: Killed process ${1000 + i} (worker${i}) total-vm:1000kB, anon-rss:500kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0`
		).join('\n');
		const f = join(tmp, 'many-ooms.log');
		writeFileSync(f, log + '\n');
		for (const extra of [[], ['--fail-on', 'high']]) {
			const child = spawn(process.execPath, [CLI, '--format', 'json', ...extra, f], {
				cwd: ROOT
			});
			let stderr = '';
			child.stderr.on('data', (d) => (stderr += d));
			child.stdout.once('data', () => child.stdout.destroy());
			const code = await new Promise((resolve) => child.on('close', resolve));
			expect(stderr, extra.join(' ')).toBe('');
			// the analysis' status: the output was cut by the reader, not by an error
			expect(code, extra.join(' ')).toBe(extra.length ? 1 : 0);
		}
	});

	it.skipIf(!existsSync('/dev/full'))('a full disk on stdout: exit 2 with one line', () => {
		const r = spawnSync(
			'sh',
			['-c', `"${process.execPath}" "${CLI}" --format json "${OOPS}" > /dev/full`],
			{ cwd: ROOT, encoding: 'utf8', timeout: 60_000 }
		);
		expect(r.status).toBe(2);
		expect(r.stderr).toBe('necroscope: cannot write the report (ENOSPC)\n');
	});

	// script(1) gives the CLI a terminal as standard input
	it.skipIf(spawnSync('script', ['--version']).status !== 0)(
		'no FILE at a terminal: exit 2 with a hint instead of waiting for input',
		() => {
			const r = spawnSync(
				'script',
				['-qec', `"${process.execPath}" "${CLI}" --format json`, '/dev/null'],
				{ cwd: ROOT, encoding: 'utf8', timeout: 60_000, input: '' }
			);
			expect(r.status).toBe(2);
			expect(r.stdout).toMatch(/^necroscope: no input: name a log FILE, or pipe one in \(/);
		}
	);

	it('--fail-on: exit 1 when a finding is that severe or worse, the reports still written', () => {
		// the oops is a medium finding; a clean log has none
		const clean = join(tmp, 'clean.log');
		writeFileSync(clean, '[    0.000000] Linux version 6.8.0 (builder@host) #1 SMP\n');
		const expected = run(['--format', 'json', OOPS]).stdout;
		for (const [level, code] of [
			['critical', 0],
			['high', 0],
			['medium', 1],
			['info', 1]
		] as const) {
			const r = run(['--format', 'json', '--fail-on', level, OOPS]);
			expect(r.code, level).toBe(code);
			expect(r.stdout, level).toBe(expected);
			expect(r.stderr, level).toBe('');
		}
		expect(run(['--fail-on=info', clean]).code).toBe(0);
		// several inputs: 1 when any of them has one; every report is written
		const out = join(tmp, 'fail-on');
		const r = run(['--fail-on', 'medium', '--out-dir', out, clean, OOPS]);
		expect(r.code).toBe(1);
		expect(readdirSync(out).sort()).toEqual(['abrt-1-oops.txt', 'clean.txt']);
		const bad = run(['--fail-on', 'severe', OOPS]);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(
			/^necroscope: unknown severity 'severe' \(critical, high, medium, low, info\)\n/
		);
	});

	it('--anonymize leaves no MAC, IP address or host name of the log in the output', () => {
		let json = '';
		for (const format of ['json', 'text', 'markdown']) {
			const r = run(['--anonymize', '--format', format, SYNTHETIC]);
			expect(r.code).toBe(0);
			for (const secret of ['wombat-desk', 'alice', '192.0.2.10', '4f1f422d-02c3', '01293805A6A5'])
				expect(r.stdout, `${format}: ${secret}`).not.toContain(secret);
			expect(r.stdout).toContain('<user-1>');
			if (format === 'json') json = r.stdout;
		}
		const report = JSON.parse(json);
		expect(report.input.anonymization.enabled).toBe(true);
		expect(report.input.anonymization.replaced).toMatchObject({ host: 1, user: 1, ipv4: 1 });
		const ptr = run(['--anonymize-pointers', '--format', 'text', SYNTHETIC]).stdout;
		expect(ptr).not.toMatch(/ffff[\da-f]{12}/);
		expect(ptr).toContain('Kernel Offset: <kaslr-1>');
		expect(run(['--format', 'text', SYNTHETIC]).stdout).toContain('ffff888012345678');
	});

	it('says in input.assumed_year which year dates without one were given', () => {
		const serverlog = run(['--format', 'json', join(OUTPUT_FIXTURES, 'serverlog-kern-log-1.log')]);
		expect(serverlog.code).toBe(0);
		expect(JSON.parse(serverlog.stdout).input.assumed_year).toEqual({
			first: 2014,
			last: 2014,
			source: 'kernel release',
			exact: false
		});
		const dmesg = run(['--format', 'json', join(OUTPUT_FIXTURES, 'syzkaller-424.log')]);
		expect(JSON.parse(dmesg.stdout).input.assumed_year).toBeNull();
	});

	it('--year gives dates printed without one the year the user knows', () => {
		const log = join(OUTPUT_FIXTURES, 'serverlog-kern-log-1.log');
		const r = run(['--format', 'json', '--year', '2016', log]);
		expect(r.code).toBe(0);
		const report = JSON.parse(r.stdout);
		expect(report.input.assumed_year).toEqual({
			first: 2016,
			last: 2016,
			source: 'option',
			exact: true
		});
		// the year the log's kernel release allows is no longer a guess worth a warning
		expect(report.input.warnings.join(' ')).not.toMatch(/carry no year/);
		// `Mar 15 17:01:55 … [9686414.563978]`: the boot began 112 days before March 15, 2016 (the
		// log alone allows 2014 at the earliest, so 2013-11-23 without the option)
		expect(report.metadata.boots[0].started_at).toBe('2015-11-24T14:21:40.935Z');
		expect(JSON.parse(run(['--format', 'json', '--year=2016', log]).stdout)).toEqual(report);
		// a dmesg log has no such date: the option changes nothing
		const dmesg = join(OUTPUT_FIXTURES, 'syzkaller-424.log');
		expect(run(['--format', 'json', '--year', '2016', dmesg]).stdout).toBe(
			run(['--format', 'json', dmesg]).stdout
		);
		for (const bad of ['16', '20x6', '1969', '2101', '']) {
			const u = run(['--year', bad, log]);
			expect(u.code).toBe(2);
			expect(u.stderr).toMatch(/^necroscope: --year needs /);
			expect(u.stdout).toBe('');
		}
	});

	it('--print-schema prints the published schema', () => {
		const r = run(['--print-schema']);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(readFileSync(join(ROOT, 'static/schema/report.schema.json'), 'utf8'));
	});
});

describe('npm run cli (scripts/cli.mjs)', () => {
	// two checkouts (git worktrees) sharing one node_modules through a symlink, as in a
	// worktree per branch: each must run its own sources, whichever was bundled last
	it('runs the bundle of its own checkout', { timeout: 120_000 }, () => {
		const hashes: string[] = [];
		const version = (checkout: string) =>
			spawnSync(process.execPath, [join(checkout, 'scripts', 'cli.mjs'), '--version'], {
				encoding: 'utf8',
				timeout: 60_000
			}).stdout;
		const [a, b] = ['checkout-a', 'checkout-b'].map((name) => {
			const dir = join(tmp, name);
			for (const part of ['src', 'scripts'])
				cpSync(join(ROOT, part), join(dir, part), { recursive: true });
			symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
			hashes.push(createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 12));
			return dir;
		});
		try {
			const result = join(b, 'src', 'lib', 'analysis', 'result.ts');
			writeFileSync(
				result,
				readFileSync(result, 'utf8').replace(/version: '[^']*'/, "version: '9.9.9'")
			);
			const mine = version(a);
			expect(mine).toMatch(/^necroscope \d/);
			expect(mine).not.toContain('9.9.9');
			expect(version(b)).toMatch(/^necroscope 9\.9\.9 /);
			expect(version(a)).toBe(mine);
		} finally {
			for (const h of hashes)
				rmSync(join(ROOT, 'node_modules', '.cache', 'necroscope', `cli-${h}.mjs`), { force: true });
		}
	});
});

describe('CLI error messages', () => {
	it('say what went wrong with the file in one line', () => {
		const err = (code: string) => Object.assign(new Error(`${code}: x`), { code });
		expect(describeError('a.log', err('ENOENT'))).toBe('a.log: no such file');
		expect(describeError('a.log', err('EACCES'))).toBe('a.log: permission denied');
		expect(describeError('a.log', err('EPERM'))).toBe('a.log: permission denied');
		expect(describeError('d', err('EISDIR'))).toBe('d: is a directory');
		expect(describeError('a.log', err('EIO'))).toBe('a.log: cannot read (EIO)');
	});
});
