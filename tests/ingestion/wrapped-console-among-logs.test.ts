/**
 * A console-ramoops whose ring was read from the wrong place (its newest part first, then its
 * oldest, ring.ts) among other logs: the boots after it, the notes that name them, and the
 * kernel a crash report that names none ran. The wrapped part was recognised only as the input's
 * last boot or the one before a last log; with two logs after it, it stayed a boot of its own.
 * Findings were renumbered only after their explanations were written, so a crash report that
 * prints no kernel version looked its kernel up by the boot it had while streaming: after the
 * wrap, the next log's boot, or none (the log's first kernel). Lines are real: the console-ramoops
 * cykeek-stuff-console-ramoops-0.log, the efi-pstore dump i225nic-pstore-panic-log-txt.log, the
 * lkp-tests dmesg lkp-57.log (an RCU stall that names no kernel, its boot's `Not tainted
 * 4.8.0-rc1` further on) and the kern.log excerpt izassafar-one-kern-log.log (NUL bytes before its
 * next boot), in fixtures/formats/real; `tail`'s labels are written here.
 */
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/lib/ingestion/index.ts';
import { analyzeStream, analyzeText } from '../../src/lib/pipeline.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { boots, fixtureLines, i225Dump, ingestBytes, ingestText } from './helpers.ts';

const CONSOLE = fixtureLines('real/cykeek-stuff-console-ramoops-0.log', 1, 1349);
const DUMP = i225Dump();
const LKP = fixtureLines('real/lkp-57.log', 1, 74);
const KERNLOG = fixtureLines('real/izassafar-one-kern-log.log', 1, 60);
const PASTED = 'starts another log pasted after the one before it';
const STALL = 'INFO: rcu detected stall in kernel_init';

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
	const bytes = new TextEncoder().encode(text);
	for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

/** the boots each line of a note names, in order */
const named = (notes: string[]) => notes.map((w) => /\(boot (\d+)\)/.exec(w)?.[1]);

describe('a wrapped console-ramoops with two logs after it', () => {
	const text = [...CONSOLE, ...DUMP, ...LKP].join('\n') + '\n';
	const c = CONSOLE.length;
	const d = c + DUMP.length;

	it('is counted in its own boot: three boots, the console’s, the dump’s and the dmesg’s', () => {
		for (const t of [text, text.replace(/\n/g, '\r\n')]) {
			const run = ingestText(t);
			expect(boots(run)).toEqual([
				`start@1-${c}`,
				`shape-change@${c + 3}-${d}`,
				`shape-change@${d + 1}-${d + LKP.length}`
			]);
			expect(run.summary.wrappedBoots).toEqual([1]);
			const notes = run.summary.input.warnings;
			expect(named(notes.filter((w) => w.includes(PASTED)))).toEqual(['1', '2']);
			expect(notes.filter((w) => w.includes('wrong place'))).toEqual([
				`The log from its start up to line ${c} is a ring buffer read from the wrong place: its end continues at its start (its last time stamp, 4.500346 s, comes just before its first, 4.500426 s). Lines 1275-${c} are the oldest part of the buffer, printed before line 1: they are counted in boot 0, not as another boot.`
			]);
			expect(run.summary.metadata.boots.map((b) => b.kernel_version)).toEqual([
				null,
				'5.13.0-30-generic',
				'4.8.0-rc1'
			]);
			expect(run.summary.input.lines_total).toBe(d + LKP.length);
		}
		// ingest(): events and error blocks in the boots the report names
		const ing = ingest(text.split('\n'));
		expect([...new Set(ing.events.map((e) => e.boot))].sort()).toEqual([0, 1, 2]);
		expect(ing.events.filter((e) => e.boot === 2).every((e) => e.line > d)).toBe(true);
	});

	it('a crash report that names no kernel is explained with its own boot’s kernel', async () => {
		const alone = await analyzeText(LKP.join('\n') + '\n');
		const own = alone.findings.find((f) => f.title === STALL);
		expect(own?.details.kernel_version ?? null).toBeNull();
		expect(JSON.stringify(own?.explanation)).toContain('4.8.0-rc1');
		const check = (r: AnalysisResult) => {
			const stall = r.findings.find((f) => f.title === STALL);
			expect(stall?.boots).toEqual([2]);
			// it had been given the log's first kernel, the dump's Ubuntu build, and its steps
			expect(stall?.explanation).toEqual(own?.explanation);
			for (const t of ['WARNING: refcount bug in tcp_wfree', 'kernel BUG in dql_completed'])
				expect(r.findings.find((f) => f.title === t)?.boots).toEqual([1]);
			for (const f of r.findings)
				for (const o of [f.first_seen, f.last_seen, ...f.occurrences])
					expect(o.boot).toBe(o.first_line <= c ? 0 : o.first_line <= d ? 1 : 2);
		};
		const whole = await analyzeText(text);
		check(whole);
		for (const t of [text.replace(/\n/g, '\r\n'), text]) {
			const r = await analyzeStream(chunks(t, 97));
			check(r);
			if (t === text) expect(JSON.stringify(r)).toBe(JSON.stringify(whole));
		}
	});

	it('the notes that name boots agree with the boots: other logs pasted, NUL bytes before a boot', async () => {
		// then a kern.log whose next boot follows a stretch of NUL bytes (a power cut)
		const k = d + LKP.length;
		const t = [...CONSOLE, ...DUMP, ...LKP, ...KERNLOG].join('\n') + '\n';
		const r = await analyzeText(t);
		expect(r.metadata.boots.map((b) => `${b.reason}@${b.first_line}`)).toEqual([
			'start@1',
			`shape-change@${c + 3}`,
			`shape-change@${d + 1}`,
			`shape-change@${k + 1}`,
			`timestamp-reset@${k + 16}`
		]);
		const notes = r.input.warnings;
		expect(named(notes.filter((w) => w.includes(PASTED)))).toEqual(['1', '2', '3']);
		const nul = notes.filter((w) => w.startsWith('The log holds a stretch of NUL bytes'));
		expect(nul).toHaveLength(1);
		expect(nul[0]).toContain(
			`(line ${k + 16}: 83 bytes). It comes right before the first line of a new boot (boot 4).`
		);
		expect(r.metadata.boots[4].first_line).toBe(k + 16);
	});

	it('listed before the dump and another log, after another log, or twice', async () => {
		const cases: Array<{ parts: string[][]; wrapped: number[]; boots: number }> = [
			// tail's labels, the dump and the dmesg after the console
			{
				parts: [
					['==> /sys/fs/pstore/console-ramoops-0 <=='],
					CONSOLE,
					['', '==> /sys/fs/pstore/dmesg-efi <=='],
					DUMP,
					LKP
				],
				wrapped: [1],
				boots: 3
			},
			// the dmesg, the dump, then the console: the wrap is the input's last boot
			{ parts: [LKP, DUMP, CONSOLE], wrapped: [3], boots: 3 },
			// two listings of /sys/fs/pstore, one after the other: each console's wrap is found
			{ parts: [CONSOLE, DUMP, CONSOLE, DUMP], wrapped: [1, 4], boots: 4 },
			{ parts: [DUMP, CONSOLE, DUMP, CONSOLE], wrapped: [2, 5], boots: 4 }
		];
		for (const k of cases) {
			const t = k.parts.map((p) => p.join('\n')).join('\n') + '\n';
			const run = ingestText(t);
			expect(run.summary.wrappedBoots).toEqual(k.wrapped);
			expect(run.summary.metadata.boots).toHaveLength(k.boots);
			expect(run.summary.metadata.boots.map((b) => b.index)).toEqual([...Array(k.boots).keys()]);
			const wraps = run.summary.input.warnings.filter((w) => w.includes('wrong place'));
			expect(wraps).toHaveLength(k.wrapped.length);
			// the boots each note names, the pasted logs' and the wraps', are the report's
			const pasted = run.summary.input.warnings.filter((w) => w.includes(PASTED));
			for (const w of pasted) {
				const [, line, boot] = /^Line (\d+) .*\(boot (\d+)\)/.exec(w) as RegExpExecArray;
				expect(run.summary.metadata.boots[Number(boot)].first_line).toBe(Number(line));
			}
			const r = await analyzeText(t);
			const chunked = await analyzeStream(chunks(t, 4093));
			expect(JSON.stringify(chunked)).toBe(JSON.stringify(r));
			expect(r.findings.every((f) => f.boots.every((b) => b < k.boots))).toBe(true);
			// the dump's crash is in each boot of a dump, the console's denials in each console's
			const bug = r.findings.find((f) => f.title === 'kernel BUG in dql_completed');
			const dumps = r.metadata.boots.filter((b) => b.kernel_version === '5.13.0-30-generic');
			expect(bug?.boots).toEqual(dumps.map((b) => b.index));
		}
	});

	it('stays a boot of its own where it cannot be told: a log after it whose time goes on', () => {
		// the dump, the console, then the dmesg, whose times (from 29 s) go on after the console's
		// oldest part: the dmesg is counted in that part's boot, which no longer ends where the
		// console began, so no wrap is claimed (docs/INGESTION.md, known limits)
		const t = [...DUMP, ...CONSOLE, ...LKP].join('\n') + '\n';
		const run = ingestText(t);
		expect(run.summary.wrappedBoots).toEqual([]);
		expect(boots(run).map((b) => b.split('@')[0])).toEqual([
			'start',
			'shape-change',
			'timestamp-reset'
		]);
	});

	it('reads the same in tiny chunks', async () => {
		const bytes = new TextEncoder().encode(text);
		const whole = ingestText(text);
		const small = await ingestBytes(bytes, 61);
		expect(boots(small)).toEqual(boots(whole));
		expect(small.summary.wrappedBoots).toEqual([1]);
		expect(small.summary.input.warnings).toEqual(whole.summary.input.warnings);
	});
});
