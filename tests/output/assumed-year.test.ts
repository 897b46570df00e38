/**
 * input.assumed_year: the year given to dates printed without one, and where it came from, for a
 * program that reads the JSON report (docs/OUTPUT.md). Lines are from real logs (each names its
 * file in fixtures/ or the corpus) except where a comment says why not.
 */
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { analyzeText, type AnalyzeOptions } from '../../src/lib/index.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { formatJson } from '../../src/lib/output/json.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { REPORT_SCHEMA } from '../../src/lib/output/schema.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { wallParts } from '../../src/lib/components/format.ts';
import { analyzeFile, OUTPUT_FIXTURES, ROOT } from './helpers.ts';

const FORMATS = join(ROOT, 'fixtures', 'formats');
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
	REPORT_SCHEMA
);

/** The report as a program reads it (JSON text), checked against the schema. */
function json(r: AnalysisResult) {
	const report = JSON.parse(formatJson(r));
	expect(validate(report) ? [] : validate.errors).toEqual([]);
	return report;
}

const text = (lines: string[], opts: AnalyzeOptions = {}) =>
	analyzeText(lines.join('\n') + '\n', opts).then(json);

/** bard-linux-logs-bone-kern-log.log lines 1-2 (corpus): no year, no build date, no kernel release */
const BARD = [
	'Jul 30 19:47:20 beaglebone kernel: [  526.109543] usb 1-1: Product: Nexus 10',
	'Jul 30 19:47:20 beaglebone kernel: [  526.109580] usb 1-1: Manufacturer: samsung'
];

/** jetsontx2-samsung line 5 (corpus): a banner whose build date follows a numeric zone, in a kern.log */
const JETSON_BANNER =
	'kernel: [    0.000000] Linux version 4.4.38 (root@tegra-ubuntu) (gcc version 5.4.0 20160609 (Ubuntu/Linaro 5.4.0-6ubuntu1~16.04.5) ) #1 SMP PREEMPT Thu Nov 23 14:03:01 +05 2017';

describe('input.assumed_year', () => {
	it('a syslog with a dated line: the log’s own year, exact', async () => {
		// ftpd's `at Wed Jul 27 10:59:53 2005` (line 5) beats the kernel's build year 2004
		const r = json(await analyzeFile(join(FORMATS, 'real', 'loghub-linux-2k-excerpt.log')));
		expect(r.input.assumed_year).toEqual({
			first: 2005,
			last: 2005,
			source: 'log date',
			exact: true
		});
	});

	it('a syslog that names only a kernel build: its build year, a lower bound', async () => {
		const r = await text([`Nov 23 10:00:00 h ${JETSON_BANNER}`]);
		expect(r.input.assumed_year).toEqual({
			first: 2017,
			last: 2017,
			source: 'build date',
			exact: false
		});
		expect(r.metadata.boots[0].started_at.slice(0, 4)).toBe('2017');
	});

	it('dmesg -e (reltime) prints yearless dates too', async () => {
		const r = json(await analyzeFile(join(FORMATS, 'synth', 'dmesg-reltime.log')));
		expect(r.input.assumed_year).toEqual({
			first: 2020,
			last: 2020,
			source: 'build date',
			exact: false
		});
	});

	it('a syslog whose kernel line names a release: the earliest year it could run', async () => {
		const r = json(await analyzeFile(join(OUTPUT_FIXTURES, 'serverlog-kern-log-1.log')));
		expect(r.input.assumed_year).toEqual({
			first: 2014,
			last: 2014,
			source: 'kernel release',
			exact: false
		});
	});

	it('a syslog that tells nothing: the placeholder, with the warning as before', async () => {
		const r = await text(BARD);
		expect(r.input.assumed_year).toEqual({
			first: 2000,
			last: 2000,
			source: 'placeholder',
			exact: false
		});
		expect(r.metadata.boots[0].started_at.slice(0, 4)).toBe('2000');
		expect(r.input.warnings.join(' ')).toMatch(/year 2000, a placeholder/);
	});

	it('the year option (AnalyzeOptions.year): exact, and no warning', async () => {
		const r = await text(BARD, { year: 2016 });
		expect(r.input.assumed_year).toEqual({
			first: 2016,
			last: 2016,
			source: 'option',
			exact: true
		});
		expect(r.metadata.boots[0].started_at.slice(0, 4)).toBe('2016');
		expect(r.input.warnings.join(' ')).not.toMatch(/year/);
	});

	it('null for a dmesg log without a yearless date, with or without the option', async () => {
		const path = join(OUTPUT_FIXTURES, 'syzkaller-424.log');
		expect(json(await analyzeFile(path)).input.assumed_year).toBeNull();
		expect(json(await analyzeFile(path, { year: 2016 })).input.assumed_year).toBeNull();
		expect(json(await analyzeText('')).input.assumed_year).toBeNull();
	});

	// no log of the corpus passes New Year: these lines are the real ones above, redated
	it('a year rolling over: first and last differ, whatever the source', async () => {
		const rolling = [
			`Dec 31 23:59:59 h ${JETSON_BANNER}`,
			'Jan  1 00:00:01 h kernel: [    2.000000] usb 1-1: Product: Nexus 10'
		];
		const build = await text(rolling);
		expect(build.input.assumed_year).toEqual({
			first: 2017,
			last: 2018,
			source: 'build date',
			exact: false
		});
		const placeholder = await text(['Dec 31 23:59:59 h kernel: x', rolling[1]]);
		expect(placeholder.input.assumed_year).toMatchObject({
			first: 2000,
			last: 2001,
			source: 'placeholder'
		});
		const option = await text(rolling, { year: 2016 });
		expect(option.input.assumed_year).toEqual({
			first: 2016,
			last: 2017,
			source: 'option',
			exact: true
		});
	});

	it('sits after input.warnings, the same on every run', async () => {
		const r = await text(BARD);
		expect(Object.keys(r.input).slice(-3)).toEqual(['warnings', 'assumed_year', 'anonymization']);
		const again = await analyzeText(BARD.join('\n') + '\n');
		expect(formatJson(again)).toBe(JSON.stringify(r, null, 2) + '\n');
	});

	it('is not anonymized, even when a host is named like a source', async () => {
		const lines = BARD.map((l) => l.replace('beaglebone', 'placeholder'));
		const r = await text(lines, { anonymize: true });
		expect(r.input.anonymization.replaced).toEqual({ host: 1 });
		expect(r.input.assumed_year).toEqual({
			first: 2000,
			last: 2000,
			source: 'placeholder',
			exact: false
		});
	});

	it('the schema rejects a source it does not know and a missing key', async () => {
		const good = await text(BARD);
		const bad = structuredClone(good);
		bad.input.assumed_year.source = 'default';
		expect(validate(bad)).toBe(false);
		const missing = structuredClone(good);
		delete missing.input.assumed_year;
		expect(validate(missing)).toBe(false);
	});

	it('the text and Markdown reports say it once, in the warning', async () => {
		const r = await analyzeText(BARD.join('\n') + '\n');
		for (const out of [formatText(r), formatMarkdown(r)]) {
			expect(out.match(/a placeholder/g)).toHaveLength(1);
			expect(out).not.toMatch(/assumed/i);
		}
	});
});

describe('the page’s wall times (wallParts) when the year is not in the log', () => {
	it('a placeholder year is not shown; a lower bound is said to be one; a known year as it is', async () => {
		const placeholder = await analyzeText(BARD.join('\n') + '\n');
		const at = placeholder.metadata.boots[0].started_at;
		expect(at?.slice(0, 4)).toBe('2000');
		expect(wallParts(at as string, placeholder.input.assumed_year)).toEqual([
			`Jul 30 ${at?.slice(11, 19)} UTC`,
			'(year not in the log)'
		]);
		const bound = await analyzeText(`Nov 23 10:00:00 h ${JETSON_BANNER}\n`);
		const started = bound.metadata.boots[0].started_at as string;
		expect(started.slice(0, 4)).toBe('2017');
		expect(wallParts(started, bound.input.assumed_year)).toEqual([
			`2017-11-23 ${started.slice(11, 19)} UTC`,
			'(year not in the log: 2017 or later)'
		]);
		const known = await analyzeText(BARD.join('\n') + '\n', { year: 2014 });
		const wall = known.metadata.boots[0].started_at as string;
		expect(wallParts(wall, known.input.assumed_year)).toEqual([
			`2014-07-30 ${wall.slice(11, 19)} UTC`
		]);
	});
});
