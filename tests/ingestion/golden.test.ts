/**
 * Golden ingestion output for every fixture in fixtures/formats: real logs (real/, see the
 * README there) and shapes synthesised from one real log where no real sample exists (synth/).
 * Each is also read through the streaming decoder in 64-byte chunks (which splits multi-byte
 * UTF-8 characters) and gzip-compressed, and must give the same result.
 * Refresh after reading the diff: `UPDATE_GOLDEN=1 npx vitest run tests/ingestion/golden.test.ts`
 * (this also rewrites synth/ from tests/ingestion/shapes.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { digest, fixturePath, gzip, ingestBytes, readFixture } from './helpers.ts';
import { baseBoots, render, SHAPES } from './shapes.ts';

const UPDATE = !!process.env.UPDATE_GOLDEN;
const OPTIONS = {};

if (UPDATE) {
	mkdirSync(fixturePath('synth'), { recursive: true });
	const boots = baseBoots();
	for (const shape of SHAPES)
		writeFileSync(fixturePath(`synth/${shape}.log`), render(boots, shape));
}

const files = ['real', 'synth'].flatMap((dir) =>
	readdirSync(fixturePath(dir))
		.filter((f) => f.endsWith('.log'))
		.sort()
		.map((f) => `${dir}/${f}`)
);

describe('golden ingestion output', () => {
	it('has fixtures of both kinds', () => {
		expect(files.filter((f) => f.startsWith('real/')).length).toBeGreaterThanOrEqual(10);
		expect(files.filter((f) => f.startsWith('synth/')).length).toBe(SHAPES.length);
	});
	for (const file of files) {
		it(file, async () => {
			const bytes = readFixture(file);
			const whole = digest(await ingestBytes(bytes, 1 << 20, OPTIONS));
			const golden = fixturePath(file.replace(/\.log$/, '.golden.json'));
			if (UPDATE) writeFileSync(golden, JSON.stringify(whole, null, '\t') + '\n');
			expect(existsSync(golden), `${golden} missing: run with UPDATE_GOLDEN=1`).toBe(true);
			expect(whole).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
			const text = new TextDecoder().decode(bytes);
			let lines = text.split('\n').length;
			if (text.endsWith('\n') || text === '') lines--;
			expect(whole.lines_total).toBe(lines);
			expect(digest(await ingestBytes(bytes, 64, OPTIONS))).toEqual(whole);
			expect(digest(await ingestBytes(gzip(bytes), 4096, OPTIONS))).toEqual(whole);
		});
	}
});
