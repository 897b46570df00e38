/**
 * A dmesg, then a kern.log (syslog lines with a host and the kernel's own times) pasted after it,
 * its times going on from the dmesg's (SHAPE_CHANGE, `syslogAfterDmesg` in
 * src/lib/ingestion/tracker.ts). Another machine's kern.log had stayed in the dmesg's boot, nothing
 * resetting; it now starts a boot of its own unless its first line is one of the dmesg's recent
 * records (the same boot's kern.log from where the dmesg was) or its host built the dmesg's
 * kernel. Excerpts are cut from real logs in fixtures/formats/real/.
 */
import { describe, expect, it } from 'vitest';
import { boots, fixtureLines, ingestText } from './helpers.ts';

/** a dmesg from 62.56 s to 124.32 s, without its banner (real/linux-bug-dmesg-out.log) */
const DMESG = fixtureLines('real/linux-bug-dmesg-out.log', 51, 100);
/** a Raspberry Pi's kern.log lines from 2435 s to 6765 s (real/izassafar-one-kern-log.log) */
const KERNLOG = fixtureLines('real/izassafar-one-kern-log.log', 1, 15);
/** the same lines as `dmesg` prints them */
const KERNLOG_DMESG = KERNLOG.map((l) => l.slice(l.indexOf('kernel: ') + 8));

const PASTED = 'starts another log pasted after the one before it';

describe('a dmesg, then a kern.log whose times go on', () => {
	it('of another machine: two boots, and the report says where the kern.log starts', () => {
		const run = ingestText([...DMESG, ...KERNLOG].join('\n') + '\n');
		// they had been one boot
		expect(boots(run)).toEqual(['start@1-50', 'shape-change@51-65']);
		expect(run.summary.input.warnings.filter((w) => w.includes(PASTED))).toEqual([
			"Line 51 starts another log pasted after the one before it: its lines name a host where the lines before named none, and its first line (2435.468894 s) is none of their last ones. It is counted as a boot of its own (boot 1), another machine's or another boot's; if it is the same boot, analyse each log on its own."
		]);
	});

	it('of the same boot, from a line the dmesg has: one boot', () => {
		// the dmesg's lines 1-10, then the kern.log from line 8 on (lines 8-10 both ways)
		const run = ingestText([...KERNLOG_DMESG.slice(0, 10), ...KERNLOG.slice(7)].join('\n') + '\n');
		expect(boots(run)).toEqual(['start@1-18']);
		expect(run.summary.input.warnings.some((w) => w.includes(PASTED))).toBe(false);
		// from the dmesg's last line
		const last = ingestText([...KERNLOG_DMESG.slice(0, 10), ...KERNLOG.slice(9)].join('\n') + '\n');
		expect(boots(last)).toEqual(['start@1-16']);
	});

	it('of the machine that built the dmesg’s kernel: one boot', () => {
		// the kern.log from its line 8, `rpi_firmware_get_throttled: …`, which the dmesg does not have
		const banner =
			'[    0.000000] Linux version 5.3.0-1028-raspi2 (alice@Ubuntu) (gcc version 7.5.0) #30 SMP Thu Jun 25 09:40:30 UTC 2020';
		const run = ingestText(
			[banner, ...KERNLOG_DMESG.slice(0, 5), ...KERNLOG.slice(7)].join('\n') + '\n'
		);
		expect(boots(run)).toEqual(['start@1-14']);
		// built elsewhere (a distribution's build host): the kern.log is another log
		const buildd = banner.replace('alice@Ubuntu', 'buildd@bos02-arm64-054');
		const other = ingestText(
			[buildd, ...KERNLOG_DMESG.slice(0, 5), ...KERNLOG.slice(7)].join('\n') + '\n'
		);
		expect(boots(other)).toEqual(['start@1-6', 'shape-change@7-14']);
	});

	it('when the dmesg names its machine (systemd’s hostname): by the kern.log’s host', () => {
		// a real Raspberry Pi kern.log's line (izassafar-one-syslog-1.log line 379) as dmesg prints it
		const named = '[   10.783318] systemd[1]: Set hostname to <ubuntu>.';
		// the kern.log from its line 8, which the dmesg does not have: the same machine, one boot
		const same = ingestText(
			[named, ...KERNLOG_DMESG.slice(0, 5), ...KERNLOG.slice(7)].join('\n') + '\n'
		);
		expect(boots(same)).toEqual(['start@1-14']);
		// another machine's name (raspberrypi3router-dmesg-txt.log's): two boots
		const other = ingestText(
			[
				'[    4.248149] systemd[1]: Set hostname to <raspberrypi>.',
				...KERNLOG_DMESG.slice(0, 5),
				...KERNLOG.slice(7)
			].join('\n') + '\n'
		);
		expect(boots(other)).toEqual(['start@1-6', 'shape-change@7-14']);
		// even when the kern.log's first line is one the dmesg has
		const repeated = ingestText(
			[
				'[    4.248149] systemd[1]: Set hostname to <raspberrypi>.',
				...KERNLOG_DMESG.slice(0, 10),
				...KERNLOG.slice(9)
			].join('\n') + '\n'
		);
		expect(boots(repeated)).toEqual(['start@1-11', 'shape-change@12-17']);
		// an initramfs's `localhost` names no machine: decided as without a name
		const local = ingestText(
			[
				'[    1.544453] systemd[1]: Set hostname to <localhost.localdomain>.',
				...KERNLOG_DMESG.slice(0, 10),
				...KERNLOG.slice(9)
			].join('\n') + '\n'
		);
		expect(boots(local)).toEqual(['start@1-17']);
	});

	it('the kern.log first, then a dmesg whose times go on: one boot, as before', () => {
		const run = ingestText([...KERNLOG.slice(0, 5), ...KERNLOG_DMESG.slice(5)].join('\n') + '\n');
		expect(boots(run)).toEqual(['start@1-15']);
	});
});
