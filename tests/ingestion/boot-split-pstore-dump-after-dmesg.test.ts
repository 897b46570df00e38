/**
 * A pstore dump pasted after another log with kernel times (a paste of several logs one after
 * the other) is a boot of its own: a dump is read after the boot it records. Its lines had stayed
 * in the boot of the dmesg before it (its time's drop came right after a forward jump of the
 * dmesg's, which reads as interleaved consoles, and `<N>[ts]` after `[ts]` names no other host),
 * and so did a journal of another machine pasted after the dump: its first kernel line (`IPv6:
 * ADDRCONF(NETDEV_CHANGE): wlp7s0: link becomes ready`) has the fingerprint of the dmesg's
 * `… wlp3s0: …` (the differing digit is not among the characters read), and passed for one of its
 * records. Real lines: the end of a Gentoo laptop's dmesg (ideapad320-15ikb-defconf-genkernel-
 * dmesg.log lines 903-983), the efi-pstore dump of an oops and a panic
 * (i225nic-pstore-panic-log-txt.log, in fixtures/formats/real), and the start of another
 * machine's journal (linux-crash-crash1-txt.log lines 2-7, its host name replaced by host1). The
 * console of the crashed boot before its own dump (`cat /sys/fs/pstore/*`) stays one boot with it.
 */
import { describe, expect, it } from 'vitest';
import { boots, i225Dump, ingestText } from './helpers.ts';

const DMESG = [
	'[  164.607278] wlp3s0: authenticate with 44:4e:6d:d4:ae:61',
	'[  164.610284] wlp3s0: send auth to 44:4e:6d:d4:ae:61 (try 1/3)',
	'[  164.620967] wlp3s0: authenticated',
	'[  164.623527] wlp3s0: associate with 44:4e:6d:d4:ae:61 (try 1/3)',
	'[  164.630496] wlp3s0: RX AssocResp from 44:4e:6d:d4:ae:61 (capab=0x1431 status=0 aid=1)',
	'[  164.642000] wlp3s0: associated',
	'[  164.730981] wlp3s0: Limiting TX power to 20 (20 - 0) dBm as advertised by 44:4e:6d:d4:ae:61',
	'[  164.754385] IPv6: ADDRCONF(NETDEV_CHANGE): wlp3s0: link becomes ready',
	'[ 2772.299234] fuse: init (API version 7.34)',
	'[ 3299.195191] wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost',
	'[ 3300.672388] wlp3s0: authenticate with 44:4e:6d:d4:ae:61',
	'[ 3300.679738] wlp3s0: send auth to 44:4e:6d:d4:ae:61 (try 1/3)',
	'[ 3300.689011] wlp3s0: authenticated',
	'[ 3300.706230] wlp3s0: associate with 44:4e:6d:d4:ae:61 (try 1/3)',
	'[ 3300.713228] wlp3s0: RX AssocResp from 44:4e:6d:d4:ae:61 (capab=0x1431 status=0 aid=1)',
	'[ 3300.723000] wlp3s0: associated',
	'[ 3300.740926] wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost',
	'[ 3301.905466] wlp3s0: authenticate with 44:4e:6d:d4:ae:61',
	'[ 3301.909617] wlp3s0: send auth to 44:4e:6d:d4:ae:61 (try 1/3)',
	'[ 3301.915317] wlp3s0: authenticated',
	'[ 3301.926258] wlp3s0: associate with 44:4e:6d:d4:ae:61 (try 1/3)',
	'[ 3301.935755] wlp3s0: RX AssocResp from 44:4e:6d:d4:ae:61 (capab=0x1431 status=0 aid=1)',
	'[ 3301.943968] wlp3s0: associated',
	'[ 3301.944545] wlp3s0: Limiting TX power to 20 (20 - 0) dBm as advertised by 44:4e:6d:d4:ae:61',
	'[ 3305.543881] wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost',
	'[ 3306.692887] wlp3s0: authenticate with 44:4e:6d:d4:ae:61',
	'[ 3306.698741] wlp3s0: send auth to 44:4e:6d:d4:ae:61 (try 1/3)',
	'[ 3306.709202] wlp3s0: authenticated',
	'[ 3306.712922] wlp3s0: associate with 44:4e:6d:d4:ae:61 (try 1/3)',
	'[ 3306.718871] wlp3s0: RX AssocResp from 44:4e:6d:d4:ae:61 (capab=0x1431 status=0 aid=1)',
	'[ 3306.720660] wlp3s0: associated',
	'[ 3306.772672] wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost',
	'[ 3308.009148] wlp3s0: authenticate with 44:4e:6d:d4:ae:61',
	'[ 3308.013182] wlp3s0: send auth to 44:4e:6d:d4:ae:61 (try 1/3)',
	'[ 3308.020024] wlp3s0: authenticated',
	'[ 3308.026240] wlp3s0: associate with 44:4e:6d:d4:ae:61 (try 1/3)',
	'[ 3308.032525] wlp3s0: RX AssocResp from 44:4e:6d:d4:ae:61 (capab=0x1431 status=0 aid=1)',
	'[ 3308.038184] wlp3s0: associated',
	'[ 3308.105679] wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost',
	'[ 3310.900313] wlp3s0: authenticate with 44:4e:6d:d4:ae:61',
	'[ 3310.910321] wlp3s0: send auth to 44:4e:6d:d4:ae:61 (try 1/3)',
	'[ 3310.914488] wlp3s0: authenticated',
	'[ 3310.916239] wlp3s0: associate with 44:4e:6d:d4:ae:61 (try 1/3)',
	'[ 3310.922204] wlp3s0: RX AssocResp from 44:4e:6d:d4:ae:61 (capab=0x1431 status=0 aid=1)',
	'[ 3310.925775] wlp3s0: associated',
	'[ 3310.976530] wlp3s0: Limiting TX power to 20 (20 - 0) dBm as advertised by 44:4e:6d:d4:ae:61',
	'[ 5409.144237] perf: interrupt took too long (2522 > 2500), lowering kernel.perf_event_max_sample_rate to 79200',
	'[ 6573.206106] perf: interrupt took too long (3165 > 3152), lowering kernel.perf_event_max_sample_rate to 63000',
	'[12890.608011] wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost',
	'[12893.925111] wlp3s0: authenticate with 44:4e:6d:d4:ae:61',
	'[12893.928703] wlp3s0: send auth to 44:4e:6d:d4:ae:61 (try 1/3)',
	'[12893.934548] wlp3s0: authenticated',
	'[12893.937536] wlp3s0: associate with 44:4e:6d:d4:ae:61 (try 1/3)',
	'[12893.952268] wlp3s0: RX AssocResp from 44:4e:6d:d4:ae:61 (capab=0x1431 status=0 aid=1)',
	'[12893.962335] wlp3s0: associated',
	'[12894.007207] wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost',
	'[12895.277007] wlp3s0: authenticate with 44:4e:6d:d4:ae:61',
	'[12895.279352] wlp3s0: send auth to 44:4e:6d:d4:ae:61 (try 1/3)',
	'[12895.289199] wlp3s0: authenticated',
	'[12895.290871] wlp3s0: associate with 44:4e:6d:d4:ae:61 (try 1/3)',
	'[12895.304670] wlp3s0: RX AssocResp from 44:4e:6d:d4:ae:61 (capab=0x1431 status=0 aid=1)',
	'[12895.305461] wlp3s0: associated',
	'[12895.515951] wlp3s0: Limiting TX power to 20 (20 - 0) dBm as advertised by 44:4e:6d:d4:ae:61',
	'[12896.726902] wlp3s0: deauthenticated from 44:4e:6d:d4:ae:61 (Reason: 3=DEAUTH_LEAVING)',
	'[12897.981000] wlp3s0: authenticate with 44:4e:6d:d4:ae:61',
	'[12897.984005] wlp3s0: send auth to 44:4e:6d:d4:ae:61 (try 1/3)',
	'[12897.991153] wlp3s0: authenticated',
	'[12897.994211] wlp3s0: associate with 44:4e:6d:d4:ae:61 (try 1/3)',
	'[12898.001803] wlp3s0: RX AssocResp from 44:4e:6d:d4:ae:61 (capab=0x1431 status=0 aid=1)',
	'[12898.006796] wlp3s0: associated',
	'[12898.068057] wlp3s0: Limiting TX power to 20 (20 - 0) dBm as advertised by 44:4e:6d:d4:ae:61',
	'[13420.951813] perf: interrupt took too long (3957 > 3956), lowering kernel.perf_event_max_sample_rate to 50400',
	'[22923.991010] wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost',
	'[22927.206912] wlp3s0: authenticate with 44:4e:6d:d4:ae:61',
	'[22927.210602] wlp3s0: send auth to 44:4e:6d:d4:ae:61 (try 1/3)',
	'[22927.214261] wlp3s0: authenticated',
	'[22927.222134] wlp3s0: associate with 44:4e:6d:d4:ae:61 (try 1/3)',
	'[22927.227772] wlp3s0: RX AssocResp from 44:4e:6d:d4:ae:61 (capab=0x1431 status=0 aid=1)',
	'[22927.228553] wlp3s0: associated',
	'[22927.562684] wlp3s0: Limiting TX power to 20 (20 - 0) dBm as advertised by 44:4e:6d:d4:ae:61',
	'[24847.193020] perf: interrupt took too long (4959 > 4946), lowering kernel.perf_event_max_sample_rate to 40200'
];
const PSTORE = i225Dump();
const JOURNAL = [
	'Apr 05 02:31:49 host1 wpa_supplicant[636]: EAP-MSCHAPV2: Authentication succeeded',
	'Apr 05 02:31:49 host1 wpa_supplicant[636]: wlp7s0: CTRL-EVENT-EAP-SUCCESS EAP authentication completed successfully',
	'Apr 05 02:31:49 host1 wpa_supplicant[636]: wlp7s0: PMKSA-CACHE-ADDED a4:b2:39:5f:f4:ac 0',
	'Apr 05 02:31:49 host1 wpa_supplicant[636]: wlp7s0: WPA: Key negotiation completed with a4:b2:39:5f:f4:ac [PTK=CCMP GTK=CCMP]',
	'Apr 05 02:31:49 host1 wpa_supplicant[636]: wlp7s0: CTRL-EVENT-CONNECTED - Connection to a4:b2:39:5f:f4:ac completed [id=0 id_str=]',
	'Apr 05 02:31:49 host1 kernel: IPv6: ADDRCONF(NETDEV_CHANGE): wlp7s0: link becomes ready'
];

describe('a pstore dump pasted after another log', () => {
	it('starts a boot of its own, and the journal after it another', () => {
		const run = ingestText([...DMESG, ...PSTORE, ...JOURNAL].join('\n') + '\n');
		const dump = DMESG.length + 1;
		const journal = DMESG.length + PSTORE.length + 1;
		// the dump's first replayed line is its third (a file name and a part header before it)
		expect(boots(run)).toEqual([
			`start@1-${DMESG.length}`,
			`shape-change@${dump + 2}-${journal - 1}`,
			`shape-change@${journal + 5}-${journal + 5}`
		]);
		const notes = run.summary.input.warnings.filter((w) => w.includes('starts another log'));
		expect(notes[0]).toContain(
			`Line ${dump + 2} starts another log pasted after the one before it: a pstore dump`
		);
		expect(notes[1]).toContain(`Line ${journal + 5} starts another log`);
		// the dump's lines are all in its boot, the dmesg's in the first
		for (const r of run.records)
			if (r.kind === 'kernel') expect(r.boot).toBe(r.line < dump ? 0 : r.line < journal ? 1 : 2);
	});

	it('stays in the boot of its console pasted before it (the same records)', () => {
		// the oops's oldest part (Oops#1 Part21, lines 3-35) as the crashed boot's console, `[ts] …`
		// without the level: the dump's first record is one of its times
		const console = PSTORE.slice(2, 35).map((l) => l.replace(/^<\d>/, ''));
		const run = ingestText([...console, ...PSTORE].join('\n') + '\n');
		expect(boots(run)).toEqual([`start@1-${console.length + PSTORE.length}`]);
		expect(run.summary.input.warnings.join(' ')).not.toContain('starts another log');
	});
});
