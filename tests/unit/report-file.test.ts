import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReportFile } from '../../src/lib/components/share.ts';
import { ROOT } from '../output/helpers.ts';

const REPORT = readFileSync(join(ROOT, 'fixtures/output/golden/syzkaller-424.json'), 'utf8');
const LOG = readFileSync(join(ROOT, 'fixtures/e2e/warning-radeon.log'), 'utf8');

describe('a NecroScope report file opened in the page', () => {
	it('is the report it holds, as it was saved', async () => {
		const r = await openReportFile(new Blob([REPORT]));
		expect(r).toEqual({ ok: true, report: JSON.parse(REPORT) });
	});

	it('any other file is not one: a log, a journal export in JSON, another JSON document', async () => {
		const journal =
			'{"__REALTIME_TIMESTAMP":"1700000000000000","_TRANSPORT":"kernel","MESSAGE":"Linux version 6.1.0"}\n';
		for (const text of [LOG, journal, '{"schema_version":"1.0","name":"other tool"}', '', '{'])
			expect(await openReportFile(new Blob([text]))).toBeNull();
	});

	it('a report cut short is said to be damaged, not analysed as a log', async () => {
		const r = await openReportFile(new Blob([REPORT.slice(0, REPORT.length / 2)]));
		expect(r).toEqual({ ok: false, error: expect.stringContaining('damaged or incomplete') });
	});

	it('a report of another major schema version is not taken for one of this version', async () => {
		const other = REPORT.replace(/"1\.\d+\.\d+"/, '"2.0.0"');
		expect(await openReportFile(new Blob([other]))).toBeNull();
	});
});
