/**
 * ChromeOS's syslog (`/var/log/messages`): rsyslog writes an RFC 3339 time, then the message's
 * severity where a host name would be (`2026-05-16T17:40:16.038882Z WARNING kernel: [86124.834039]
 * …`). The severity had been read as the host. fixtures/formats/real/syslogs-messages-3-excerpt.log
 * is lines 46-70 of a Chromebook's `messages.3` (CRYP70N1CZ/syslogs, the corpus's
 * syslogs-messages-3.log).
 */
import { describe, expect, it } from 'vitest';
import { fixtureLines, ingestText } from './helpers.ts';

const LINES = fixtureLines('real/syslogs-messages-3-excerpt.log', 1, 25);

describe('a ChromeOS syslog line', () => {
	it('gives its severity as the record’s level, and no host', () => {
		const run = ingestText(LINES.join('\n') + '\n');
		const kernel = run.records.filter((r) => r.kind === 'kernel');
		// lines 1-3 (INFO, WARNING, INFO), 17 (WARNING), 21-23 (DEBUG)
		expect(kernel.map((r) => [r.line, r.level])).toEqual([
			[1, 6],
			[2, 4],
			[3, 6],
			[17, 4],
			[21, 7],
			[22, 7],
			[23, 7]
		]);
		expect(new Set(kernel.map((r) => r.host))).toEqual(new Set(['']));
		expect(kernel[1].text).toBe('device-mapper: ioctl: remove_all left 34 open device(s)');
		expect(kernel[1].ts).toBeCloseTo(86124.834039, 6);
		expect(new Date(kernel[1].wall).toISOString()).toBe('2026-05-16T17:40:16.038Z');
	});

	it('is counted as `syslog-chromeos`, other programs’ lines as skipped', () => {
		const input = ingestText(LINES.join('\n') + '\n').summary.input;
		expect(input.format).toBe('syslog-chromeos');
		expect(input.formats).toEqual({ 'syslog-chromeos': 7 });
		expect(input.skipped_reasons).toEqual({
			'not a kernel message (other program in a syslog file)': 18
		});
	});

	it('of other severities too; a host of another name is still a host', () => {
		const at = '2026-05-16T17:40:16.038882Z';
		const run = ingestText(
			[
				`${at} EMERG kernel: [   1.000000] a`,
				`${at} ALERT kernel: [   1.000001] b`,
				`${at} CRIT kernel: [   1.000002] c`,
				`${at} ERR kernel: [   1.000003] d`,
				`${at} NOTICE kernel: [   1.000004] e`,
				`${at} Warning kernel: [   1.000005] f`,
				`${at} host1 kernel: [   1.000006] g`
			].join('\n') + '\n'
		);
		expect(run.records.map((r) => [r.level, r.host, r.format])).toEqual([
			[0, '', 'syslog-chromeos'],
			[1, '', 'syslog-chromeos'],
			[2, '', 'syslog-chromeos'],
			[3, '', 'syslog-chromeos'],
			[5, '', 'syslog-chromeos'],
			[-1, 'Warning', 'syslog-iso'],
			[-1, 'host1', 'syslog-iso']
		]);
	});
});
