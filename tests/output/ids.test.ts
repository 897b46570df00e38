import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/lib/output/json.ts';
import { fnv1a } from '../../src/lib/util/hash.ts';
import { analyzeStream, analyzeText } from '../../src/lib/index.ts';
import { analyzeFile, fixtureLogs, OUTPUT_FIXTURES } from './helpers.ts';

describe('finding ids and ordering', () => {
	it('are <category>-<fnv1a(rule \\n title)>, with the file and line when the title is shared, unique within a report', async () => {
		let shared = 0;
		for (const path of fixtureLogs()) {
			const r = await analyzeFile(path);
			for (const f of r.findings) {
				const twins = r.findings.filter((g) => g.rule === f.rule && g.title === f.title);
				const at = f.details.source_location;
				const key =
					twins.length > 1 && typeof at === 'string'
						? `${f.rule}\n${f.title}\n${at.slice(at.lastIndexOf('/') + 1)}`
						: `${f.rule}\n${f.title}`;
				if (twins.length > 1) shared++;
				expect(f.id, path).toBe(`${f.category}-${fnv1a(key)}`);
			}
			expect(new Set(r.findings.map((f) => f.id)).size, path).toBe(r.findings.length);
		}
		// fishlogs-dmesg-log.log: two WARNINGs in device_create_file
		expect(shared).toBeGreaterThanOrEqual(2);
	});

	it('give the same bug in another log the same id', async () => {
		const log = readFileSync(join(OUTPUT_FIXTURES, 'syzkaller-424.log'), 'utf8');
		const a = await analyzeText(log);
		// another machine: other lines before it, another uptime
		const shifted = log.replace(
			/\[\s*(\d+)\.(\d+)\]/g,
			(_m, s: string, us: string) => `[${String(Number(s) + 1000).padStart(5)}.${us}]`
		);
		const b = await analyzeText(
			'[    0.000000] Linux version 6.1.0 (x@y) #1\n[    0.100000] random: crng init done\n' +
				shifted
		);
		const crash = (r: typeof a) => r.findings.find((f) => f.category === 'crash');
		expect(crash(a)?.id).toMatch(/^crash-[\da-f]{8}$/);
		expect(crash(b)?.id).toBe(crash(a)?.id);
		expect(crash(b)?.first_line).toBe((crash(a)?.first_line ?? 0) + 2);
	});

	it('point back into the input: evidence lines are the input lines they quote', async () => {
		for (const path of fixtureLogs().filter((p) => !p.endsWith('.gz'))) {
			const lines = readFileSync(path, 'latin1').split('\n');
			const r = await analyzeFile(path);
			const order = r.findings.map((f) => f.first_line);
			expect(order, `${path}: findings in input order`).toEqual([...order].sort((x, y) => x - y));
			for (const f of r.findings) {
				// (first_line <= last_line does not hold for reassembled pstore parts, which are
				// reordered newest part last: only the bounds are checked here)
				for (const n of [f.first_line, f.last_line, ...f.evidence.map((e) => e.line)]) {
					expect(n, path).toBeGreaterThanOrEqual(1);
					expect(n, path).toBeLessThanOrEqual(r.input.lines_total);
				}
				for (const e of f.evidence.slice(0, 5)) {
					const raw = lines[e.line - 1] ?? '';
					const probe = e.text.trim().slice(0, 20);
					if (/^[\x20-\x7e]+$/.test(probe)) expect(raw, `${path}:${e.line}`).toContain(probe);
				}
			}
		}
	});

	it('give the same bytes whatever the chunks the input arrives in', async () => {
		const path = join(OUTPUT_FIXTURES, 'synthetic-personal.log');
		const bytes = new Uint8Array(readFileSync(path));
		async function* chunks(size: number) {
			for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
		}
		const whole = formatJson(await analyzeFile(path, { anonymize: true }));
		for (const size of [1, 7, 4096]) {
			const r = await analyzeStream(chunks(size), {
				name: 'synthetic-personal.log',
				anonymize: true
			});
			expect(formatJson(r), `chunks of ${size}`).toBe(whole);
		}
	});

	it('give the same bytes for the same input, run after run', async () => {
		const path = join(OUTPUT_FIXTURES, 'serverlog-kern-log-1.log');
		const a = formatJson(await analyzeFile(path));
		const b = formatJson(await analyzeFile(path));
		expect(a).toBe(b);
	});
});
