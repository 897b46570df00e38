/**
 * The format registry walked generically: every format's examples parse to the stated fields
 * (alone and through the whole registry), its negatives are not claimed, ids are unique, and no
 * file in formats/ defines a format the registry does not list.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	FORMAT_VARIANTS,
	FORMATS,
	newContext,
	type FormatExample,
	type LineFormat
} from '../../src/lib/ingestion/formats/index.ts';
import { MONTHS, monthAt } from '../../src/lib/ingestion/formats/common.ts';
import { newRecord, resetRecord } from '../../src/lib/models/log-record.ts';
import { ingestText } from './helpers.ts';

function ownerOf(format: string): string {
	return FORMAT_VARIANTS[format] ?? format;
}

function check(
	f: LineFormat,
	ex: FormatExample,
	got: {
		kind: string;
		format: string;
		text: string;
		ts: number;
		wall: number;
		level: number;
		caller: string;
		host: string;
	}
): void {
	const where = `${f.id}: ${JSON.stringify(ex.line).slice(0, 80)}`;
	expect(got.kind, where).toBe(ex.kind ?? 'kernel');
	expect(got.text, where).toBe(ex.text);
	if (ex.ts !== undefined) expect(got.ts, where).toBeCloseTo(ex.ts, 6);
	if (ex.wall !== undefined) expect(new Date(got.wall).toISOString(), where).toBe(ex.wall);
	if (ex.level !== undefined) expect(got.level, where).toBe(ex.level);
	if (ex.caller !== undefined) expect(got.caller, where).toBe(ex.caller);
	if (ex.host !== undefined) expect(got.host, where).toBe(ex.host);
}

describe('format registry', () => {
	it('has unique ids, bare last, and examples and negatives for every format', () => {
		const ids = FORMATS.map((f) => f.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids[ids.length - 1]).toBe('bare');
		for (const f of FORMATS) {
			expect(f.examples.length, f.id).toBeGreaterThan(0);
			expect(f.negatives.length, f.id).toBeGreaterThan(0);
			expect(f.label, f.id).not.toBe('');
		}
		for (const [variant, owner] of Object.entries(FORMAT_VARIANTS)) {
			expect(ids, variant).not.toContain(variant);
			expect(ids, variant).toContain(owner);
		}
	});

	it('lists every format defined in formats/', async () => {
		const dir = new URL('../../src/lib/ingestion/formats/', import.meta.url);
		const listed = new Set(FORMATS);
		let found = 0;
		for (const file of readdirSync(dir)) {
			if (!file.endsWith('.ts') || file === 'index.ts') continue;
			const mod = (await import(new URL(file, dir).href)) as Record<string, unknown>;
			for (const [name, value] of Object.entries(mod)) {
				if (value && typeof value === 'object' && 'parse' in value && 'examples' in value) {
					found++;
					expect(listed.has(value as LineFormat), `${file}: ${name} is not in FORMATS`).toBe(true);
				}
			}
		}
		expect(found).toBe(FORMATS.length);
	});

	for (const f of FORMATS) {
		describe(f.id, () => {
			it('parses its examples to the stated fields', () => {
				for (const ex of f.examples) {
					if (ex.before) {
						// a multi-line entry: every line of it is this format's
						const ctx = newContext(2000);
						const rec = newRecord();
						for (const l of [...ex.before, ex.line]) {
							resetRecord(rec, 1);
							const own = f.parse(l, rec, ctx) || (ctx.entry !== null && rec.kind === 'kernel');
							expect(own, `${f.id} did not claim ${JSON.stringify(l)}`).toBe(true);
						}
						continue;
					}
					const rec = newRecord();
					resetRecord(rec, 1);
					const ok = f.parse(ex.line, rec, newContext(2000));
					expect(ok, `${f.id} did not claim ${JSON.stringify(ex.line)}`).toBe(true);
					check(f, ex, rec);
					if (rec.kind === 'kernel' || rec.kind === 'continuation')
						expect(ownerOf(rec.format), ex.line).toBe(f.id === 'bare' ? 'bare' : f.id);
				}
			});

			it('gets its examples through the whole registry (no earlier format steals them)', () => {
				for (const ex of f.examples) {
					const lines = [...(ex.before ?? []), ex.line];
					const run = ingestText(lines.join('\n') + '\n', { year: 2000 });
					if ((ex.kind ?? 'kernel') === 'skipped') {
						expect(run.summary.input.lines_skipped, ex.line).toBe(lines.length);
						continue;
					}
					const rec = run.records.find((r) => r.line === lines.length);
					expect(rec, `${f.id}: no record for ${JSON.stringify(ex.line)}`).toBeDefined();
					if (!rec) continue;
					check(f, ex, rec);
					expect(ownerOf(rec.format), ex.line).toBe(f.id);
				}
			});

			it('leaves its negatives alone', () => {
				for (const neg of f.negatives) {
					const rec = newRecord();
					resetRecord(rec, 1);
					const claimed = f.parse(neg, rec, newContext(2000)) && rec.kind !== 'unparsed';
					expect(claimed, `${f.id} claimed ${JSON.stringify(neg)}`).toBe(false);
				}
			});
		});
	}
});

describe('syslog dates', () => {
	it('reads three-letter month names with an English initial in any case, and nothing else', () => {
		// other localised names (`ene`, `gen`, `lug`) go through the syslog regular expression
		for (const [name, month] of Object.entries(MONTHS)) {
			if (name.length !== 3 || !'jfmasond'.includes(name[0])) continue;
			const cap = name[0].toUpperCase() + name.slice(1);
			for (const w of [name, cap, name.toUpperCase()]) expect(monthAt(w, 0), w).toBe(month);
		}
		for (const w of [
			'Foo',
			'Jux',
			'J1n',
			'Ja',
			'',
			'Nov'.slice(1),
			'M\u00e4x',
			'Jan'.replace('a', '\u00e4')
		])
			expect(monthAt(w, 0), w).toBe(-1);
	});

	it('gives each line its own time when lines of one day follow each other and cross midnight', () => {
		const ctx = newContext(2024);
		const rec = newRecord();
		const syslog = FORMATS.find((f) => f.id === 'syslog') as LineFormat;
		const walls = [
			'Dec 31 23:59:59 h kernel: a',
			'Dec 31 23:59:59.250 h kernel: b',
			'Jan  1 00:00:01 h kernel: c',
			'Jan  1 00:00:02 h kernel: d',
			'Jan 01 13:14:15.5 h kernel: e'
		].map((line) => {
			resetRecord(rec, 1);
			expect(syslog.parse(line, rec, ctx), line).toBe(true);
			return new Date(rec.wall).toISOString();
		});
		expect(walls).toEqual([
			'2024-12-31T23:59:59.000Z',
			'2024-12-31T23:59:59.250Z',
			'2025-01-01T00:00:01.000Z',
			'2025-01-01T00:00:02.000Z',
			'2025-01-01T13:14:15.500Z'
		]);
	});
});
