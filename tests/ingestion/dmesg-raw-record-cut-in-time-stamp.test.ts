/**
 * A raw dmesg record (`dmesg -r`, `<level>[time] text`) broken inside its time stamp
 * (LineClassifier.cutStamp), as the plain form's is joined (dmesg-record-cut-in-time-stamp.test.ts).
 * The lines are the reference's exact `dmesg -r` examples (util-linux's dmesg tests), cut.
 */
import { describe, expect, it } from 'vitest';
import { UNPARSED_CUT_STAMP } from '../../src/lib/ingestion/classifier.ts';
import { ingestText } from './helpers.ts';

const RAW = [
	'<6>[    0.000000] Command line: auto BOOT_IMAGE=pld4.9.84-1 ro root=902 console=tty0 console=ttyS0,115200n81',
	'<30>[   10.441520] systemd[1]: systemd 254.7-1.fc39 running in system mode'
];

describe('a raw dmesg record cut inside its time stamp', () => {
	it('is read as one record on the line of its rest, its level and time whole', () => {
		for (const [a, b] of [
			['<30>[   10.44', '1520] systemd[1]: systemd 254.7-1.fc39 running in system mode'],
			['<30>[   10.', '441520] systemd[1]: systemd 254.7-1.fc39 running in system mode'],
			['<30>[   10', '.441520] systemd[1]: systemd 254.7-1.fc39 running in system mode'],
			['<30>[   10.441520', '] systemd[1]: systemd 254.7-1.fc39 running in system mode']
		]) {
			const run = ingestText([RAW[0], a, b].join('\n') + '\n');
			const rec = run.records.find((r) => r.line === 3);
			expect(rec, a).toMatchObject({
				kind: 'kernel',
				format: 'dmesg-raw',
				text: 'systemd[1]: systemd 254.7-1.fc39 running in system mode',
				ts: 10.44152
			});
			expect(run.records.find((r) => r.line === 2)?.kind, a).toBe('unparsed');
			expect(run.summary.input.formats, a).toEqual({ 'dmesg-raw': 2 });
			expect(run.summary.input.unparsed_reasons, a).toEqual({ [UNPARSED_CUT_STAMP]: 1 });
		}
	});

	it('a cut raw time whose next line is no rest of it: both stay unparsed', () => {
		const run = ingestText([RAW[0], '<30>[   10.44', 'Loading configuration'].join('\n') + '\n');
		expect(run.records.find((r) => r.line === 3)?.kind).toBe('unparsed');
		expect(run.summary.input.unparsed_reasons).toEqual({
			[UNPARSED_CUT_STAMP]: 1,
			'no kernel prefix in a log whose other lines have one': 1
		});
	});
});
