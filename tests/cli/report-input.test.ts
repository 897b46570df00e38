import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleCli } from '../support/cli-bundle.ts';
import { formatJson, formatMarkdown, formatText } from '../../src/lib/index.ts';
import { SCHEMA_VERSION } from '../../src/lib/models/report.ts';
import { analyzeFile, fixtureLogs, OUTPUT_FIXTURES, ROOT } from '../output/helpers.ts';
import { storedXz, storedZstd } from '../support/stored.ts';

/**
 * A NecroScope JSON report given to the CLI is re-rendered in the format asked, as the page opens
 * one: it had been analysed as a log (`necroscope report.json --format markdown` printed a report
 * about the JSON text, verdict `problems` for abrt-1-oops.log's report).
 */

const { tmp, cli: CLI } = bundleCli('necroscope-report-input-');

function run(args: string[], input = '') {
	const r = spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, input, encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** the CLI's output for a log, and its JSON report saved as a file */
function saved(log: string, options: string[] = []): { json: string; path: string } {
	const json = run(['--format', 'json', ...options, log]).stdout;
	const path = join(tmp, 'report.json');
	writeFileSync(path, json);
	return { json, path };
}

const OOPS = join(OUTPUT_FIXTURES, 'abrt-1-oops.log');

// each test runs the CLI several times: a minute or more on a loaded machine
describe('a JSON report given to the CLI', { timeout: 120_000 }, () => {
	it('is re-rendered in each format, byte for byte what the run on the log printed', () => {
		for (const [log, options] of [
			[OOPS, []],
			[join(OUTPUT_FIXTURES, 'serverlog-kern-log-1.log'), []],
			[join(OUTPUT_FIXTURES, 'synthetic-personal.log'), ['--anonymize-pointers']]
		] as const) {
			const original = Object.fromEntries(
				['text', 'markdown', 'json'].map((f) => [f, run(['--format', f, ...options, log])])
			);
			const path = join(tmp, 'report.json');
			writeFileSync(path, original.json.stdout);
			for (const format of ['text', 'markdown', 'json']) {
				const converted = run(['--format', format, path]);
				expect(converted, `${log} ${format}`).toEqual({ ...original[format], stderr: '' });
			}
			// from standard input too (a pipe from zcat, curl)
			expect(run(['--format', 'markdown', '-'], original.json.stdout).stdout).toBe(
				original.markdown.stdout
			);
		}
	});

	it('gzip-compressed (report.json.gz) is re-rendered too; a compressed log is still analysed whole', () => {
		const { json } = saved(OOPS);
		const gz = join(tmp, 'report.json.gz');
		writeFileSync(gz, gzipSync(json));
		expect(run(['--format', 'markdown', gz])).toEqual(run(['--format', 'markdown', OOPS]));
		const piped = spawnSync(process.execPath, [CLI, '--format', 'text', '-'], {
			input: gzipSync(json),
			encoding: 'utf8'
		});
		expect(piped.stdout).toBe(run(['--format', 'text', OOPS]).stdout);
		// a log of more than the 4 KiB that tell, and more than a read's 64 KiB: every line analysed, from a file and a pipe
		const log = Array.from(
			{ length: 60_000 },
			(_, i) =>
				`[${(i / 10).toFixed(6).padStart(12)}] usb 1-${i % 7}: serial ${((i * 2654435761) >>> 0).toString(16)}\n`
		).join('');
		const logGz = join(tmp, 'big.log.gz');
		writeFileSync(logGz, gzipSync(log));
		expect(gzipSync(log).length).toBeGreaterThan(64 * 1024);
		const lines = log.split('\n').length - 1;
		expect(JSON.parse(run(['--format', 'json', logGz]).stdout).input.lines_total).toBe(lines);
		const fromPipe = spawnSync(process.execPath, [CLI, '--format', 'json', '-'], {
			input: gzipSync(log),
			encoding: 'utf8',
			maxBuffer: 1 << 28
		});
		expect(JSON.parse(fromPipe.stdout).input.lines_total).toBe(lines);
		// cut short: one line saying so, status 2
		writeFileSync(gz, gzipSync(json).subarray(0, 400));
		const cut = run([gz]);
		expect(cut.code).toBe(2);
		expect(cut.stderr).toBe(
			`necroscope: ${gz}: is a compressed NecroScope report whose compressed data is damaged or cut short\n`
		);
	});

	it('compressed with Zstandard or xz (report.json.zst, .xz) is re-rendered too (it had been analysed as a log); compressed logs are still analysed', () => {
		const { json } = saved(OOPS);
		// a file larger than a Zstandard block (128 KiB), whose first block is whole only past the
		// bytes that tell a gzip report (white space after the JSON, as an editor may leave)
		const padded = json + ' '.repeat(200 * 1024) + '\n';
		for (const [ext, compress] of [
			['zst', storedZstd],
			['xz', storedXz]
		] as const) {
			const file = join(tmp, `report.json.${ext}`);
			writeFileSync(file, compress(json));
			expect(run(['--format', 'markdown', file]), ext).toEqual(run(['--format', 'markdown', OOPS]));
			const piped = spawnSync(process.execPath, [CLI, '--format', 'text', '-'], {
				input: compress(json),
				encoding: 'utf8'
			});
			expect(piped.stdout, ext).toBe(run(['--format', 'text', OOPS]).stdout);
			writeFileSync(file, compress(padded));
			expect(run(['--format', 'json', file]).stdout, ext).toBe(json);
		}
		// logs compressed by zstd and xz themselves: analysed as before
		for (const [file, log] of [
			['compressed/warning-radeon.log.zst', 'e2e/warning-radeon.log'],
			['compressed/warning-radeon.log.xz', 'e2e/warning-radeon.log']
		]) {
			const r = JSON.parse(run(['--format', 'json', join(ROOT, 'fixtures', file)]).stdout);
			const plain = JSON.parse(run(['--format', 'json', join(ROOT, 'fixtures', log)]).stdout);
			expect(r.findings, file).toEqual(plain.findings);
			expect(r.input.lines_total, file).toBe(plain.input.lines_total);
		}
	});

	it('compressed and followed by other bytes: rendered, exit 0, a line on stderr saying they were not read (it had been an input error, exit 2)', () => {
		const { json } = saved(OOPS);
		const junk = Buffer.from('appended text\n');
		for (const [ext, what, compress] of [
			['gz', 'gzip', (t: string) => new Uint8Array(gzipSync(t))],
			['zst', 'Zstandard', storedZstd],
			['xz', 'xz', storedXz]
		] as const) {
			const data = compress(json);
			const file = join(tmp, `report.json.${ext}`);
			writeFileSync(file, Buffer.concat([data, junk]));
			expect(run(['--format', 'json', file]), ext).toEqual({
				code: 0,
				stdout: json,
				stderr: `necroscope: ${file}: The compressed file is followed by bytes that are not ${what} data ("trailing garbage"): its ${what} data ends at byte ${data.length.toLocaleString('en-US')} and was read whole, and the ${junk.length} bytes after it (text) were not read: \`tail -c +${data.length + 1} FILE\` prints them, to analyse apart.\n`
			});
		}
	});

	it('with --out-dir, beside logs; --fail-on reads its findings', () => {
		const { path } = saved(OOPS);
		const out = join(tmp, 'out');
		const r = run(['--out-dir', out, '--format', 'md', '--fail-on', 'medium', path, OOPS]);
		expect(r).toMatchObject({ code: 1, stderr: '' });
		expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe(
			readFileSync(join(out, 'abrt-1-oops.md'), 'utf8')
		);
		expect(run(['--fail-on', 'critical', path]).code).toBe(0);
	});

	it('damaged, of a newer major version or against the schema: exit 2 and one line saying so', () => {
		const { json } = saved(OOPS);
		const cases: [string, string][] = [
			[
				json.slice(0, 2000),
				'starts as a NecroScope report but is damaged or incomplete (was it cut?)'
			],
			[
				json.replace(`"${SCHEMA_VERSION}"`, '"2.0.0"'),
				`is a NecroScope report of schema 2.0.0, which this version (schema ${SCHEMA_VERSION}) cannot read: open it with the NecroScope that wrote it, or a newer one`
			],
			[
				json.replace('"severity": "medium"', '"severity": "fatal"'),
				'is a NecroScope report that does not follow its schema (/findings/0/severity must be equal to one of the allowed values): it was damaged or edited'
			]
		];
		for (const [text, message] of cases) {
			writeFileSync(join(tmp, 'bad.json'), text);
			expect(run(['bad.json'])).toEqual({
				code: 2,
				stdout: '',
				stderr: `necroscope: bad.json: ${message}\n`
			});
		}
	});

	it('of a newer minor version: shown, with a note that what it added is not', () => {
		const { json } = saved(OOPS);
		const [major, minor] = SCHEMA_VERSION.split('.').map(Number);
		const newer = `${major}.${minor + 1}.0`;
		const r = run(
			['-'],
			json
				.replace(`"${SCHEMA_VERSION}"`, `"${newer}"`)
				.replace('"hypervisor": null,', '"hypervisor": null,\n    "new_field": 1,')
		);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(run([OOPS]).stdout.replace(SCHEMA_VERSION, newer));
		expect(r.stderr).toBe(
			`necroscope: standard input: a report of schema ${newer}, newer than this version's ${SCHEMA_VERSION}: what that version added is not shown\n`
		);
	});

	it('--anonymize and --year, which need the log, are refused unless already so', () => {
		const { path } = saved(OOPS);
		expect(run(['--anonymize', path])).toMatchObject({
			code: 2,
			stderr: expect.stringContaining('analysed without --anonymize; anonymize the log itself')
		});
		expect(run(['--year', '2020', path])).toMatchObject({ code: 2 });
		const anonymized = saved(OOPS, ['--anonymize']);
		expect(run(['--anonymize', anonymized.path]).stdout).toBe(run(['--anonymize', OOPS]).stdout);
	});
});

describe(
	'the text and Markdown reports need nothing the JSON report does not hold',
	{ timeout: 120_000 },
	() => {
		it('every fixture log: the reports of its JSON report read back are the same bytes', async () => {
			for (const path of fixtureLogs()) {
				for (const options of path.includes('synthetic')
					? [{}, { anonymize: { pointers: true } }]
					: [{}]) {
					const result = await analyzeFile(path, options);
					const back = JSON.parse(formatJson(result));
					expect(formatText(back), path).toBe(formatText(result));
					expect(formatMarkdown(back), path).toBe(formatMarkdown(result));
					expect(formatJson(back), path).toBe(formatJson(result));
				}
			}
		});
	}
);
