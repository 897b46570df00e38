import { describe, expect, it } from 'vitest';
import { decodeTaint, taintFromCpuLine } from '../../src/lib/util/taint.ts';

describe('taint decoding', () => {
	it('decodes every documented letter of the letter form', () => {
		const t = decodeTaint('PFSRMBUDAWCIOELKXTNJ');
		expect(t.flags.map((f) => f.letter).join('')).toBe('PFSRMBUDAWCIOELKXTNJ');
		expect(t.unknown).toEqual([]);
		for (const f of t.flags) expect(f.description.length).toBeGreaterThan(10);
	});
	it('ignores G and blanks, reports unknown letters', () => {
		const t = decodeTaint('G        W  OE  Z');
		expect(t.flags.map((f) => f.name)).toEqual(['WARN', 'OOT_MODULE', 'UNSIGNED_MODULE']);
		expect(t.unknown).toEqual(['Z']);
	});
	it('decodes the list form of new kernels', () => {
		const t = decodeTaint('[W]=WARN, [O]=OOT_MODULE, [Y]=FUTURE_FLAG');
		expect(t.flags.map((f) => f.letter)).toEqual(['W', 'O']);
		expect(t.unknown).toEqual(['Y=FUTURE_FLAG']);
	});
	it('extracts the letters from a CPU line', () => {
		expect(
			taintFromCpuLine('CPU: 0 PID: 1 Comm: swapper/0 Tainted: P        W  O      6.1.0 #1')
		).toBe('P        W  O');
		expect(taintFromCpuLine('CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.0 #1')).toBeNull();
	});
});
