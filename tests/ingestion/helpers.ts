/** Shared helpers of the ingestion tests: run the ingestor several ways and digest its output. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import {
	Ingestor,
	type IngestOptions,
	type IngestSummary
} from '../../src/lib/ingestion/ingestor.ts';
import { decodeBytes } from '../../src/lib/ingestion/decode.ts';
import { LineSplitter } from '../../src/lib/ingestion/lines.ts';
import type { LogRecord } from '../../src/lib/models/log-record.ts';
import { fnv1a } from '../../src/lib/util/hash.ts';

export const FIXTURES = new URL('../../fixtures/formats/', import.meta.url);

export function fixturePath(name: string): string {
	return new URL(name, FIXTURES).pathname;
}

export function readFixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(fixturePath(name)));
}

export interface Run {
	summary: IngestSummary;
	records: Array<
		Pick<
			LogRecord,
			'line' | 'kind' | 'format' | 'text' | 'ts' | 'wall' | 'level' | 'caller' | 'host' | 'boot'
		>
	>;
	blocks: string[];
}

function collector(options: IngestOptions): { ing: Ingestor; run: Omit<Run, 'summary'> } {
	const run: Omit<Run, 'summary'> = { records: [], blocks: [] };
	const ing = new Ingestor(
		{
			record: (r) => {
				run.records.push({
					line: r.line,
					kind: r.kind,
					format: r.format,
					text: r.text,
					ts: r.ts,
					wall: r.wall,
					level: r.level,
					caller: r.caller,
					host: r.host,
					boot: r.boot
				});
			},
			block: (b) => {
				run.blocks.push(`${b.header}@${b.startLine}-${b.endLine}/${b.boot}`);
			}
		},
		options
	);
	return { ing, run };
}

/** lines `from`-`to` (1-based) of a fixture in fixtures/formats/ */
export function fixtureLines(name: string, from: number, to: number): string[] {
	return new TextDecoder()
		.decode(readFixture(name))
		.split('\n')
		.slice(from - 1, to);
}

/** a run's boots as `reason@first-last` */
export function boots(run: Run): string[] {
	return run.summary.metadata.boots.map((b) => `${b.reason}@${b.first_line}-${b.last_line}`);
}

/** Whole text, split in memory. */
export function ingestText(text: string, options: IngestOptions = {}): Run {
	const { ing, run } = collector(options);
	const s = new LineSplitter((l, nul) => ing.pushLine(l, nul));
	s.push(text);
	s.end();
	return { ...run, summary: ing.finish() };
}

/** Bytes through the streaming decoder in chunks of `chunk` bytes (plain or gzip). */
export async function ingestBytes(
	bytes: Uint8Array,
	chunk: number,
	options: IngestOptions = {}
): Promise<Run> {
	const { ing, run } = collector(options);
	const s = new LineSplitter((l, nul) => ing.pushLine(l, nul));
	async function* src() {
		for (let i = 0; i < bytes.length; i += chunk) yield bytes.slice(i, i + chunk);
	}
	for await (const t of decodeBytes(src())) s.push(t);
	s.end();
	return { ...run, summary: ing.finish() };
}

export function gzip(bytes: Uint8Array): Uint8Array {
	return new Uint8Array(gzipSync(bytes));
}

/** Number of lines of a text by the project's rule: '\n' count, plus one for an unterminated tail. */
export function expectedLines(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
	return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

/** What the golden files pin: accounting, metadata, boots, calibration, and digests of records. */
export function digest(run: Run): Record<string, unknown> {
	const { input, metadata } = run.summary;
	const rows = run.records.map(
		(r) =>
			`${r.line}|${r.kind}|${r.format}|${r.boot}|${Number.isNaN(r.ts) ? '' : r.ts.toFixed(6)}|${Number.isNaN(r.wall) ? '' : Math.round(r.wall)}|${r.level}|${r.caller}|${r.host}|${r.text}`
	);
	return {
		lines_total: input.lines_total,
		format: input.format,
		formats: input.formats,
		lines_skipped: input.lines_skipped,
		skipped_reasons: input.skipped_reasons,
		lines_unparsed: input.lines_unparsed,
		unparsed_reasons: input.unparsed_reasons,
		warnings: input.warnings,
		assumed_year: input.assumed_year,
		kernel_version: metadata.kernel_version,
		kernel_build: metadata.kernel_build,
		command_line: metadata.command_line,
		arch: metadata.arch,
		hardware: metadata.hardware,
		bios: metadata.bios,
		cpu: metadata.cpu,
		memory: metadata.memory,
		modules: metadata.modules.length,
		taint: metadata.taint?.raw ?? null,
		boots: metadata.boots.map((b) => ({
			first_line: b.first_line,
			last_line: b.last_line,
			reason: b.reason,
			id: b.id,
			kernel_version: b.kernel_version,
			started_at: b.started_at
		})),
		calibration: metadata.calibration,
		records: run.records.length,
		records_digest: fnv1a(rows.join('\n')),
		first_records: rows.slice(0, 3),
		last_record: rows[rows.length - 1] ?? null
	};
}

/** The text decodeBytes makes of `chunks`, given as the input's chunks one after another. */
export async function decodeChunks(chunks: Uint8Array[]): Promise<string> {
	async function* src() {
		yield* chunks;
	}
	let out = '';
	for await (const t of decodeBytes(src())) out += t;
	return out;
}

/** The efi-pstore dump i225nic-pstore-panic-log-txt.log, all its 1,062 lines (an oops's and a panic's records). */
export const i225Dump = (): string[] =>
	fixtureLines('real/i225nic-pstore-panic-log-txt.log', 1, 1062);

/** the oops record of i225Dump, oldest first: its parts Part21 … Part1 without names and headers */
export function i225OopsLines(): string[] {
	const dump = i225Dump();
	const out: string[] = [];
	let keep = false;
	dump.forEach((l, k) => {
		if (l.startsWith('dmesg-efi-')) keep = dump[k + 1].startsWith('Oops#');
		else if (keep && !l.startsWith('Oops#')) out.push(l);
	});
	return out;
}

/** the file name of i225Dump's oops record's newest part: it dates the dump */
export function i225OopsName(): string {
	return i225Dump()
		.filter((l) => l.startsWith('dmesg-efi-') && l.endsWith('01001:'))
		.at(-1) as string;
}

/** a `<N>[ts] …` or `[ts] …` line with its kernel time `s` seconds later */
export function later(line: string, s: number): string {
	return line.replace(
		/\[ *(\d+\.\d+)\]/,
		(_, t: string) => `[${(Number(t) + s).toFixed(6).padStart(12)}]`
	);
}
