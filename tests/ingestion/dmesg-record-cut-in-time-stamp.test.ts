/**
 * A dmesg record broken inside its time stamp (LineClassifier.cutStamp): gopro-hero7-kmsg.log's
 * lines 131-134 (`[    1.4700`, then `85] exFAT: Core Version 1.2.4`). Both parts had been
 * unparsed text without a prefix; the second is now the record, with its whole time, and the
 * first is unparsed with a reason that says what it is.
 */
import { describe, expect, it } from 'vitest';
import { UNPARSED_CUT_STAMP } from '../../src/lib/ingestion/classifier.ts';
import { ingestText } from './helpers.ts';

const GOPRO = [
	'[    1.466687] exFAT: FS Version 1.2.4',
	'[    1.4700',
	'85] exFAT: Core Version 1.2.4',
	'[    1.473803] Netfilter messages via NETLINK v0.30.'
];

describe('a dmesg record cut inside its time stamp', () => {
	it('is read as one record on the line of its rest, its time whole (gopro-hero7 kmsg)', () => {
		const run = ingestText(GOPRO.join('\n') + '\n');
		const rec = run.records.find((r) => r.line === 3);
		expect(rec).toMatchObject({
			kind: 'kernel',
			format: 'dmesg',
			text: 'exFAT: Core Version 1.2.4',
			ts: 1.470085
		});
		expect(run.records.find((r) => r.line === 2)?.kind).toBe('unparsed');
		expect(run.summary.input.formats).toEqual({ dmesg: 3 });
		expect(run.summary.input.unparsed_reasons).toEqual({ [UNPARSED_CUT_STAMP]: 1 });
		expect(run.summary.metadata.boots).toHaveLength(1);
	});

	it('cut at any character of the time', () => {
		for (const [a, b] of [
			['[    1.', '470085] exFAT: Core Version 1.2.4'],
			['[    1', '.470085] exFAT: Core Version 1.2.4'],
			['[    1.470085', '] exFAT: Core Version 1.2.4'],
			['[    1.47', '0085] exFAT: Core Version 1.2.4']
		]) {
			const run = ingestText([GOPRO[0], a, b, GOPRO[3]].join('\n') + '\n');
			const rec = run.records.find((r) => r.line === 3);
			expect(rec?.text, a).toBe('exFAT: Core Version 1.2.4');
			expect(rec?.ts, a).toBe(1.470085);
			expect(run.summary.input.lines_unparsed, a).toBe(1);
		}
	});

	it('a cut time whose next line is no rest of it: both stay what they are', () => {
		const run = ingestText([GOPRO[0], GOPRO[1], 'Loading configuration', GOPRO[3]].join('\n'));
		expect(run.records.find((r) => r.line === 3)?.kind).toBe('unparsed');
		expect(run.summary.input.unparsed_reasons).toEqual({
			[UNPARSED_CUT_STAMP]: 1,
			'no kernel prefix in a log whose other lines have one': 1
		});
		// and a digit line after a cut time that does not make a record either
		const odd = ingestText([GOPRO[0], GOPRO[1], '85 exFAT', GOPRO[3]].join('\n'));
		expect(odd.records.find((r) => r.line === 3)).toMatchObject({
			kind: 'unparsed',
			text: '85 exFAT'
		});
	});
});
