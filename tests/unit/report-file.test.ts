import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, openReportFile } from '../../src/lib/components/share.ts';
import { readReport, startsAsReport } from '../../src/lib/output/report-file.ts';
import { SCHEMA_VERSION } from '../../src/lib/models/report.ts';
import { ROOT } from '../output/helpers.ts';
import { storedXz, storedZstd } from '../support/stored.ts';

const REPORT = readFileSync(join(ROOT, 'fixtures/output/golden/syzkaller-424.json'), 'utf8');
const LOG = readFileSync(join(ROOT, 'fixtures/e2e/warning-radeon.log'), 'utf8');

// a report's JSON, changed in ways its type does not allow
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Report = Record<string, any>;

/** the report with one change */
function edited(change: (r: Report) => void, version?: string): string {
	const r = JSON.parse(REPORT);
	if (version) r.schema_version = version;
	change(r);
	return JSON.stringify(r, null, 2) + '\n';
}

const [MAJOR, MINOR] = SCHEMA_VERSION.split('.').map(Number);
const NEWER_MINOR = `${MAJOR}.${MINOR + 1}.0`;

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
		expect(r).toEqual({
			ok: false,
			error: 'This file starts as a NecroScope report but is damaged or incomplete (was it cut?).'
		});
	});

	it('a report of another major schema version says so (it had been analysed as a log)', async () => {
		const other = REPORT.replace(/"1\.\d+\.\d+"/, '"2.0.0"');
		expect(await openReportFile(new Blob([other]))).toEqual({
			ok: false,
			error: `This file is a NecroScope report of schema 2.0.0, which this version (schema ${SCHEMA_VERSION}) cannot read: open it with the NecroScope that wrote it, or a newer one.`
		});
	});

	it('JSON that starts as a report but does not follow the schema is not shown (it had been, and broke the page)', async () => {
		// a finding without a title or a severity: the page's loose check let it through
		const noTitle = edited((r) => {
			delete r.findings[0].title;
		});
		expect(await openReportFile(new Blob([noTitle]))).toEqual({
			ok: false,
			error:
				"This file is a NecroScope report that does not follow its schema (/findings/0 must have required property 'title'): it was damaged or edited."
		});
		const badSeverity = edited((r) => (r.findings[0].severity = 'fatal'));
		expect(await openReportFile(new Blob([badSeverity]))).toMatchObject({
			ok: false,
			error: expect.stringContaining(
				'(/findings/0/severity must be equal to one of the allowed values)'
			)
		});
		const extra = edited((r) => (r.input.uploaded_by = 'x'));
		expect(await openReportFile(new Blob([extra]))).toMatchObject({
			ok: false,
			error: expect.stringContaining('(/input must NOT have additional properties: uploaded_by)')
		});
	});

	it('a report of a newer minor version opens without what that version added', async () => {
		const added = edited((r) => (r.metadata.new_field = 'x'), NEWER_MINOR);
		const r = await readReport(added);
		expect(r).toEqual({ ok: true, report: JSON.parse(added), newer: NEWER_MINOR });
		expect(await openReportFile(new Blob([added]))).toMatchObject({ ok: true });
		// a value this version does not know is not guessed at
		const category = edited((r) => (r.findings[0].category = 'quantum'), NEWER_MINOR);
		expect(await readReport(category)).toMatchObject({
			ok: false,
			kind: 'version',
			error: expect.stringContaining(`of schema ${NEWER_MINOR}, newer than this version's`)
		});
	});

	it('a report of 1.13.0, whose boots have no kernel_build, opens', async () => {
		const older = edited((r) => {
			for (const b of r.metadata.boots) delete b.kernel_build;
		}, '1.13.0');
		expect(await readReport(older)).toEqual({
			ok: true,
			report: JSON.parse(older),
			newer: null
		});
	});

	it('the test needs only the first bytes, as UTF-8 or text, with or without a byte order mark', () => {
		expect(startsAsReport(new TextEncoder().encode(REPORT.slice(0, 256)))).toBe(true);
		expect(startsAsReport(new TextEncoder().encode('\ufeff' + REPORT.slice(0, 200)))).toBe(true);
		expect(startsAsReport(JSON.stringify(JSON.parse(REPORT)))).toBe(true);
		expect(startsAsReport(LOG)).toBe(false);
	});
});

describe('a share link', () => {
	it('holds the report, checked by the same schema', async () => {
		const report = JSON.parse(REPORT);
		expect(await decodeShare(await encodeShare(report))).toEqual({ ok: true, report });
		const bad = JSON.parse(edited((r) => (r.findings[0].severity = 'fatal')));
		expect(await decodeShare(await encodeShare(bad))).toMatchObject({
			ok: false,
			error: expect.stringMatching(
				/^The report in this link is a NecroScope report that does not follow its schema/
			)
		});
		expect(await decodeShare('#report=AAAA')).toMatchObject({
			ok: false,
			error: expect.stringContaining('damaged or incomplete')
		});
	});
});

describe('a gzip-compressed report file (report.json.gz)', () => {
	it('opens like the report; a compressed log is left to the analysis; a cut one is said to be', async () => {
		const r = await openReportFile(new Blob([gzipSync(REPORT)]));
		expect(r).toMatchObject({ ok: true });
		expect(r?.ok && JSON.stringify(r.report)).toBe(JSON.stringify(JSON.parse(REPORT)));
		expect(await openReportFile(new Blob([gzipSync(LOG.repeat(50))]))).toBeNull();
		expect(await openReportFile(new Blob([gzipSync(REPORT).subarray(0, 300)]))).toEqual({
			ok: false,
			error:
				'This file is a compressed NecroScope report whose compressed data is damaged or cut short.'
		});
	});
});

describe('a report file compressed with Zstandard or xz (report.json.zst, .xz)', () => {
	it('opens like the report (it had been analysed as a compressed log); a compressed log is left to the analysis', async () => {
		for (const [name, compress] of [
			['zstd', storedZstd],
			['xz', storedXz]
		] as const) {
			const r = await openReportFile(new Blob([compress(REPORT)]));
			expect(r, name).toMatchObject({ ok: true });
			expect(r?.ok && JSON.stringify(r.report), name).toBe(JSON.stringify(JSON.parse(REPORT)));
			expect(await openReportFile(new Blob([compress(LOG.repeat(50))])), name).toBeNull();
			// a report compressed so that fails the schema is said to, as an uncompressed one
			const r2 = await openReportFile(new Blob([compress(edited((x) => delete x.summary))]));
			expect(r2, name).toMatchObject({ ok: false });
		}
		// logs compressed by zstd and xz themselves
		for (const file of ['warning-radeon.log.zst', 'warning-radeon.log.xz'])
			expect(
				await openReportFile(new Blob([readFileSync(join(ROOT, 'fixtures/compressed', file))])),
				file
			).toBeNull();
		// an xz report cut short is said to be (xz gives its output as it goes)
		expect(await openReportFile(new Blob([storedXz(REPORT).subarray(0, 400)]))).toEqual({
			ok: false,
			error:
				'This file is a compressed NecroScope report whose compressed data is damaged or cut short.'
		});
	});
});

/**
 * The page decompresses a compressed file in its worker (xz's decoder is WebAssembly, which its
 * Content-Security-Policy refuses in the main thread): openReportFile reads it through the
 * decompressor it is given, and checks the text that comes back as it does an uncompressed one.
 */
describe('a compressed report file read through the decompressor given (the page: its worker)', () => {
	it('is decompressed by it alone, its text checked here; its error and note said as the default ones are', async () => {
		const asked: string[] = [];
		const worker = (text: string | null, note: string | null = null) => {
			return async (_file: Blob, kind: string) => {
				asked.push(kind);
				return { text, note };
			};
		};
		const r = await openReportFile(new Blob([storedXz(REPORT)]), worker(REPORT, 'a note'));
		expect(r).toEqual({ ok: true, report: JSON.parse(REPORT), note: 'a note' });
		expect(asked).toEqual(['xz']);
		// a compressed log: left to the analysis
		expect(await openReportFile(new Blob([gzipSync(LOG)]), worker(null))).toBeNull();
		expect(asked).toEqual(['xz', 'gzip']);
		// the text is checked here: a report that breaks the schema is said to
		const broken = edited((x) => delete x.summary);
		expect(await openReportFile(new Blob([storedZstd(broken)]), worker(broken))).toMatchObject({
			ok: false
		});
		// its error completes the sentence
		const failing = async () => {
			throw new Error(
				'is a compressed NecroScope report whose compressed data is damaged or cut short'
			);
		};
		expect(await openReportFile(new Blob([storedXz(REPORT)]), failing)).toEqual({
			ok: false,
			error:
				'This file is a compressed NecroScope report whose compressed data is damaged or cut short.'
		});
		// an uncompressed file is not handed to it
		expect(await openReportFile(new Blob([REPORT]), worker(null))).toMatchObject({ ok: true });
		expect(asked).toEqual(['xz', 'gzip', 'zstd']);
	});
});

describe("a compressed report file followed by other bytes (text appended, a download's junk)", () => {
	it('opens, read whole as a log would be, with the note that the bytes after it were not read', async () => {
		const junk = Buffer.from('appended text\n');
		for (const [what, compress] of [
			['gzip', (t: string) => new Uint8Array(gzipSync(t))],
			['Zstandard', storedZstd],
			['xz', storedXz]
		] as const) {
			const data = compress(REPORT);
			const r = await openReportFile(new Blob([data, junk]));
			// it had been `is a compressed NecroScope report whose compressed data is damaged or cut short`
			expect(r, what).toEqual({
				ok: true,
				report: JSON.parse(REPORT),
				note: `The compressed file is followed by bytes that are not ${what} data ("trailing garbage"): its ${what} data ends at byte ${data.length.toLocaleString('en-US')} and was read whole, and the ${junk.length} bytes after it (text) were not read: \`tail -c +${data.length + 1} FILE\` prints them, to analyse apart.`
			});
			// the same report without them has no note
			expect(await openReportFile(new Blob([data])), what).toEqual({
				ok: true,
				report: JSON.parse(REPORT)
			});
		}
		// a compressed log, damaged or followed by other bytes, is still left to the analysis
		const log = new Uint8Array(gzipSync(LOG.repeat(50)));
		const damagedLog = Uint8Array.from(log);
		damagedLog[20] ^= 0xff;
		for (const bytes of [damagedLog, new Uint8Array(Buffer.concat([log, junk]))])
			expect(await openReportFile(new Blob([bytes]))).toBeNull();
		// damage inside the data is still an error (gzip: read again, the checksum checked)
		const gz = new Uint8Array(gzipSync(REPORT));
		gz[gz.length - 6] ^= 0xff;
		expect(await openReportFile(new Blob([gz, junk]))).toEqual({
			ok: false,
			error:
				'This file is a compressed NecroScope report whose compressed data is damaged or cut short.'
		});
	});
});
