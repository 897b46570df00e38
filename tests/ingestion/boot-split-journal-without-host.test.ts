/**
 * A dmesg that names its machine (systemd's `Set hostname to <host1>.`), then a journal without
 * host names (`journalctl -k --no-hostname`: `Jul 16 07:51:02 kernel: …`). A line that names no
 * machine is not another machine's: the name does not decide, and the journal's first record does
 * (one of the dmesg's recent records: the same boot). The tracker's one host check
 * (namedHostDiffers, for journalAfterDmesg and syslogAfterDmesg) had been written twice, and the
 * kern.log's copy would have taken an empty host for another machine's (it is called only for
 * lines with a host, so no report changed). Lines are cut from a real Raspberry Pi's
 * kern.log (fixtures/formats/real/izassafar-one-kern-log.log; its host is `ubuntu`).
 */
import { describe, expect, it } from 'vitest';
import { boots, fixtureLines, ingestText } from './helpers.ts';

const KERNLOG = fixtureLines('real/izassafar-one-kern-log.log', 1, 15);
const DMESG = KERNLOG.map((l) => l.slice(l.indexOf('kernel: ') + 8));
/** `journalctl -k --no-hostname`: date, `kernel:`, message */
const JOURNAL = KERNLOG.map((l) => l.replace(/ ubuntu kernel: \[ *\d+\.\d+\] /, ' kernel: '));

describe('a journal without host names after a dmesg that names its machine', () => {
	const named = '[   10.783318] systemd[1]: Set hostname to <ubuntu>.';
	const other = '[    4.248149] systemd[1]: Set hostname to <raspberrypi>.';

	it('reads as host-less lines', () => {
		const run = ingestText(JOURNAL.slice(0, 2).join('\n') + '\n');
		expect(run.records.map((r) => [r.host, Number.isNaN(r.ts)])).toEqual([
			['', true],
			['', true]
		]);
	});

	it('from a record the dmesg has: one boot, whatever the dmesg’s name', () => {
		for (const name of [named, other]) {
			const run = ingestText([name, ...DMESG.slice(0, 10), ...JOURNAL.slice(9)].join('\n') + '\n');
			expect(boots(run)).toEqual(['start@1-17']);
		}
	});

	it('from a record the dmesg lacks: another log, whatever the dmesg’s name', () => {
		for (const name of [named, other]) {
			const run = ingestText([name, ...DMESG.slice(0, 5), ...JOURNAL.slice(7)].join('\n') + '\n');
			expect(boots(run)).toEqual(['start@1-6', 'shape-change@7-14']);
		}
	});
});
