/**
 * A dmesg that names its machine (systemd's `Set hostname to <host1>.`), then a journal of kernel
 * lines without kernel times (`journalctl -k`): the journal's host decides, as a kern.log's does
 * (`journalAfterDmesg` and `syslogAfterDmesg` in src/lib/ingestion/tracker.ts). It had been decided
 * by its first record only. Lines are cut from a real Raspberry Pi's kern.log
 * (fixtures/formats/real/izassafar-one-kern-log.log; its host is `ubuntu`).
 */
import { describe, expect, it } from 'vitest';
import { boots, fixtureLines, ingestText } from './helpers.ts';

const KERNLOG = fixtureLines('real/izassafar-one-kern-log.log', 1, 15);
/** the same lines as `dmesg` prints them, and as `journalctl -k` prints them */
const DMESG = KERNLOG.map((l) => l.slice(l.indexOf('kernel: ') + 8));
const JOURNAL = KERNLOG.map((l) => l.replace(/kernel: \[ *\d+\.\d+\] /, 'kernel: '));

describe('a journal after a dmesg that names its machine', () => {
	it('of that machine, from a record the dmesg lacks: one boot', () => {
		const named = '[   10.783318] systemd[1]: Set hostname to <ubuntu>.';
		// the dmesg's lines 1-5, then the journal from line 8, `rpi_firmware_get_throttled: …`
		const run = ingestText([named, ...DMESG.slice(0, 5), ...JOURNAL.slice(7)].join('\n') + '\n');
		expect(boots(run)).toEqual(['start@1-14']);
		// the same without the name: decided by the first record, which the dmesg lacks
		const unnamed = ingestText([...DMESG.slice(0, 5), ...JOURNAL.slice(7)].join('\n') + '\n');
		expect(boots(unnamed)).toEqual(['start@1-5', 'shape-change@6-13']);
	});

	it('of another machine, even from a record the dmesg has: two boots', () => {
		const other = '[    4.248149] systemd[1]: Set hostname to <raspberrypi>.';
		const run = ingestText([other, ...DMESG.slice(0, 10), ...JOURNAL.slice(9)].join('\n') + '\n');
		expect(boots(run)).toEqual(['start@1-11', 'shape-change@12-17']);
		// without the name, a record the dmesg has keeps it in the boot, as before
		const unnamed = ingestText([...DMESG.slice(0, 10), ...JOURNAL.slice(9)].join('\n') + '\n');
		expect(boots(unnamed)).toEqual(['start@1-16']);
	});
});
