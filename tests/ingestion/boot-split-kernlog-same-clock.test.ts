/**
 * A dmesg, then the same machine's kern.log of the same boot from after the dmesg's last line
 * (SHAPE_CHANGE, `syslogAfterDmesg` in src/lib/ingestion/tracker.ts). Without a host name in the
 * dmesg it had been split as another machine's log. It stays in the boot when its first kernel
 * time goes on from the dmesg's within a second, or when its prefix time agrees with the wall
 * clock the dmesg's own RTC line gives; another machine's kern.log stays split. Lines are cut from
 * a real phone's syslog (fixtures/formats/real/ubtouch-dmesg-syslog-excerpt.log).
 */
import { describe, expect, it } from 'vitest';
import { boots, fixtureLines, ingestText } from './helpers.ts';

const FILE = 'real/ubtouch-dmesg-syslog-excerpt.log';
/** the kernel lines of the excerpt's lines `from`-`to`, as its syslog has them */
const kernLog = (from: number, to: number): string[] =>
	fixtureLines(FILE, from, to).filter((l) => l.includes(' kernel: ['));
/** ...and as `dmesg` prints them */
const asDmesg = (lines: string[]): string[] => lines.map((l) => l.slice(l.indexOf('kernel: ') + 8));

/** 3.3 s to 3.9 s, the RTC's `setting system clock to 2015-12-04 11:16:21 UTC` among them */
const DMESG = asDmesg(kernLog(1, 100));
/** 19.5 s to 21.2 s, received at 11:16:37-38 */
const LATER = kernLog(492, 506);
/** a Raspberry Pi's kern.log lines from 2435 s (real/izassafar-one-kern-log.log) */
const OTHER = fixtureLines('real/izassafar-one-kern-log.log', 1, 15);

const PASTED = 'starts another log pasted after the one before it';

describe('a dmesg, then the same boot’s kern.log from after its last line', () => {
	it('whose prefix agrees with the dmesg’s RTC time: one boot', () => {
		expect(DMESG[3]).toContain('setting system clock to 2015-12-04 11:16:21 UTC');
		const run = ingestText([...DMESG, ...LATER].join('\n') + '\n');
		expect(boots(run)).toEqual([`start@1-${DMESG.length + LATER.length}`]);
		expect(run.summary.input.warnings.some((w) => w.includes(PASTED))).toBe(false);
	});

	it('a day later (the same lines, the prefix a day on): two boots', () => {
		const dayLater = LATER.map((l) => l.replace(/^Dec {2}4 /, 'Dec  5 '));
		const run = ingestText([...DMESG, ...dayLater].join('\n') + '\n');
		expect(boots(run)).toEqual([
			`start@1-${DMESG.length}`,
			`shape-change@${DMESG.length + 1}-${DMESG.length + LATER.length}`
		]);
	});

	it('another machine’s kern.log after the same dmesg: two boots', () => {
		const run = ingestText([...DMESG, ...OTHER].join('\n') + '\n');
		expect(boots(run)).toEqual([
			`start@1-${DMESG.length}`,
			`shape-change@${DMESG.length + 1}-${DMESG.length + OTHER.length}`
		]);
	});

	it('without the RTC line (no anchor), a kern.log from 16 s later is still split', () => {
		const noRtc = DMESG.slice(4);
		const run = ingestText([...noRtc, ...LATER].join('\n') + '\n');
		expect(boots(run)).toEqual([
			`start@1-${noRtc.length}`,
			`shape-change@${noRtc.length + 1}-${noRtc.length + LATER.length}`
		]);
	});

	it('whose first kernel time goes on from the dmesg’s within a second: one boot', () => {
		// the dmesg's lines after the RTC's, then the kern.log from the record after them
		const dmesg = asDmesg(kernLog(5, 41));
		const next = kernLog(42, 60);
		const run = ingestText([...dmesg, ...next].join('\n') + '\n');
		expect(boots(run)).toEqual([`start@1-${dmesg.length + next.length}`]);
		// another machine's kern.log after it, 2400 s on: two boots
		const other = ingestText([...dmesg, ...OTHER].join('\n') + '\n');
		expect(boots(other)).toEqual([
			`start@1-${dmesg.length}`,
			`shape-change@${dmesg.length + 1}-${dmesg.length + OTHER.length}`
		]);
	});
});
