/**
 * A SLUB report whose `First byte … instead of …` record is wrapped onto an unprefixed line
 * (fixtures/formats/real/satyr-gitlog-30.log, abrt/satyr's `tests/kerneloopses/gitlog-30`,
 * GPL-2.0): `[  299.281752] INFO: 0xffff880056c305d0-0xffff880056c305d0. First byte`, then `0x6a
 * instead of 0x6b`. The report holds the rest (blocks/assembler.ts restOf) and the SLUB
 * explanation reads the two as one line: one byte of the free poison 0x6b became 0x6a, a
 * counter put on a freed object.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { readFixture } from './helpers.ts';

const TEXT = new TextDecoder().decode(readFixture('real/satyr-gitlog-30.log'));

async function slab(text: string) {
	const r = await analyzeText(text);
	const f = r.findings.find((x) => x.rule === 'crash.slab');
	expect(f).toBeDefined();
	return f!;
}

describe('a SLUB report’s wrapped `First byte` line', () => {
	it('reaches the report and its explanation whole', async () => {
		const f = await slab(TEXT);
		expect(f.title).toBe('SLUB: Poison overwritten in scsi_host_dev_release');
		expect(f.evidence.filter((e) => e.line === 5 || e.line === 6).map((e) => e.text)).toEqual([
			'INFO: 0xffff880056c305d0-0xffff880056c305d0. First byte',
			'0x6a instead of 0x6b'
		]);
		expect(f.explanation.meaning).toMatch(
			/became 0x6a \(or 0x6c\), the poison minus \(or plus\) one/
		);
	});

	it('is read as the value it gives: another byte keeps the generic explanation', async () => {
		const f = await slab(TEXT.replace('0x6a instead of 0x6b', '0x00 instead of 0x6b'));
		expect(f.explanation.meaning).toMatch(/^The slab allocator’s debugging checks found/);
	});
});
