import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/lib/output/json.ts';
import { REPORT_SCHEMA, schemaText } from '../../src/lib/output/schema.ts';
import { SCHEMA_VERSION } from '../../src/lib/models/report.ts';
import { analyzeText } from '../../src/lib/index.ts';
import { analyzeFile, fixtureLogs, ROOT } from './helpers.ts';

const STATIC = join(ROOT, 'static', 'schema', 'report.schema.json');
const VALIDATOR = join(ROOT, 'src', 'lib', 'output', 'report-validator.generated.js');

/** The report validator ajv generates from REPORT_SCHEMA, as src/lib/output/report-file.ts loads it. */
function validatorText(): string {
	const ajv = new Ajv2020({
		allErrors: true,
		strict: true,
		allowUnionTypes: true,
		code: { source: true, esm: true }
	});
	return (
		'/* eslint-disable */\n// @ts-nocheck\n' +
		'// Generated from src/lib/output/schema.ts by tests/output/schema.test.ts (UPDATE_SCHEMA=1): do not edit.\n' +
		standaloneCode(ajv, ajv.compile(REPORT_SCHEMA)) +
		'\n'
	);
}

function validator() {
	const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
	return ajv.compile(REPORT_SCHEMA);
}

describe('report JSON Schema', () => {
	it('the published file is the generated schema (UPDATE_SCHEMA=1 rewrites it)', () => {
		if (process.env.UPDATE_SCHEMA) writeFileSync(STATIC, schemaText());
		expect(readFileSync(STATIC, 'utf8')).toBe(schemaText());
	});

	it('the generated validator is the schema compiled (UPDATE_SCHEMA=1 rewrites it)', () => {
		if (process.env.UPDATE_SCHEMA) writeFileSync(VALIDATOR, validatorText());
		expect(readFileSync(VALIDATOR, 'utf8')).toBe(validatorText());
	});

	it('is a valid draft 2020-12 schema', () => {
		expect(typeof validator()).toBe('function');
		expect(SCHEMA_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it('accepts the report of every fixture log, as JSON text', async () => {
		const validate = validator();
		const logs = fixtureLogs();
		expect(logs.length).toBeGreaterThanOrEqual(5);
		for (const path of logs) {
			const report = JSON.parse(formatJson(await analyzeFile(path)));
			const ok = validate(report);
			expect(ok ? [] : validate.errors?.slice(0, 5), path).toEqual([]);
		}
	});

	it('accepts empty, binary-looking and anonymized reports', async () => {
		const validate = validator();
		for (const text of ['', 'hello\n', '\x00\x01\x02 not a log\n']) {
			expect(validate(JSON.parse(formatJson(await analyzeText(text))))).toBe(true);
		}
		const anon = await analyzeFile(join(ROOT, 'fixtures/output/serverlog-kern-log-1.log'), {
			anonymize: { pointers: true }
		});
		expect(validate(JSON.parse(formatJson(anon)))).toBe(true);
	});

	it('rejects reports that break the contract', async () => {
		const validate = validator();
		const good = JSON.parse(
			formatJson(await analyzeFile(join(ROOT, 'fixtures/output/abrt-1-oops.log')))
		);
		expect(validate(good)).toBe(true);
		const renamed = structuredClone(good);
		renamed.findings[0].severity = 'fatal';
		expect(validate(renamed)).toBe(false);
		const missing = structuredClone(good);
		delete missing.summary.verdict;
		expect(validate(missing)).toBe(false);
		const extra = structuredClone(good);
		extra.input.surprise = 1;
		expect(validate(extra)).toBe(false);
		const badLine = structuredClone(good);
		badLine.findings[0].evidence[0].line = 0;
		expect(validate(badLine)).toBe(false);
	});
});
