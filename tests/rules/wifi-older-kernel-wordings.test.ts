/**
 * Older kernels word the Wi-Fi messages the rules know differently: mac80211 named the access
 * point `AP <address>` before 2.6.34, timed out a `direct probe` before authenticating and said
 * `No probe response from AP …, disconnecting.` where later kernels say `Connection to AP … lost`;
 * iwlwifi's firmware ended a `time event`, not a `session protection`, and the driver was iwlagn
 * (or iwl3945, iwl4965) before 3.0. Each wording is read as the current one is.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, findingsOf } from '../support/analyze.ts';
import { WIFI_UNANSWERED_TRIES } from '../support/excerpts.ts';

const facts = (f: Awaited<ReturnType<typeof findingsOf>>) =>
	f.map((x) => [x.rule, x.title, x.severity, x.count]);

describe('older wordings of the Wi-Fi messages', () => {
	it('reads the 2.6 kernels’ timeouts (`with AP`, `direct probe to`) as connection timeouts', async () => {
		const f = await findingsOf([
			'[  301.112233] wlan0: direct probe to AP 00:1d:7e:a1:b2:c3 timed out',
			'[  312.223344] wlan0: authentication with AP 00:1d:7e:a1:b2:c3 timed out',
			'[  323.334455] wlan0: association with AP 00:1d:7e:a1:b2:c3 timed out',
			'[  334.445566] wlan0: direct probe to 00:1d:7e:a1:b2:c3 timed out'
		]);
		expect(facts(f)).toEqual([
			['network.wifi-connect-timeout', 'Wi-Fi direct probe timed out on wlan0', 'low', 2],
			['network.wifi-connect-timeout', 'Wi-Fi authentication timed out on wlan0', 'low', 1],
			['network.wifi-connect-timeout', 'Wi-Fi association timed out on wlan0', 'low', 1]
		]);
		expect(f.map((x) => x.details.step)).toEqual(['direct probe', 'authentication', 'association']);
	});

	it('reads a 2.6 kernel’s `AP … rejected association temporarily` as the current wording', async () => {
		const f = await findingsOf([
			'[  40.100000] wlan0: AP 00:1d:7e:a1:b2:c3 rejected association temporarily; comeback duration 1000 TU (1024 ms)',
			'[  41.200000] wlan0: association with AP 00:1d:7e:a1:b2:c3 timed out'
		]);
		expect(facts(f)).toEqual([
			[
				'network.wifi-connect-timeout',
				'Wi-Fi access point refused association temporarily on wlan0',
				'low',
				1
			]
		]);
		expect(f[0].details.comeback_tu).toBe(1000);
	});

	it('reads `No probe response from AP …, disconnecting.` as a lost connection', async () => {
		const f = await findingsOf([
			'[ 5512.004417] wlan0: No probe response from AP 00:1d:7e:a1:b2:c3 after 500ms, disconnecting.'
		]);
		expect(facts(f)).toEqual([
			[
				'network.wifi-connection-lost',
				'Wi-Fi connection to the access point lost on wlan0',
				'info',
				1
			]
		]);
		expect(f[0].details.access_point).toBe('00:1d:7e:a1:b2:c3');
	});

	it('reads an unanswered try ended by the time event (older firmware and kernels) as the session protection’s', async () => {
		// syslogs-messages-3.log's tries (WIFI_UNANSWERED_TRIES), with the wordings of iwlwifi's
		// mvm/time-event.c before session protection: `Not associated and the time event …`, and
		// before that `No association and the time event …`
		for (const older of [
			'Not associated and the time event is over already...',
			'No association and the time event is over already...'
		]) {
			const lines = WIFI_UNANSWERED_TRIES.map((l) =>
				l.replace('Not associated and the session protection is over already...', older)
			);
			expect(lines).not.toEqual(WIFI_UNANSWERED_TRIES);
			const r = await analyzeLines(lines);
			expect(facts(r.findings)).toEqual([
				[
					'network.wifi-connection-lost',
					'Wi-Fi access point did not answer a connection attempt on wlan0',
					'low',
					2
				]
			]);
		}
	});

	it('leaves `No beacon heard and the time event is over already...` (associated, then no beacon) a lost connection', async () => {
		// crash-logs log12-11.txt (host renamed), lines 2119-2125
		const f = await findingsOf([
			'Dec 10 19:53:40 host1 kernel: wlp2s0: associate with d4:35:1d:04:38:b5 (try 1/3)',
			'Dec 10 19:53:40 host1 kernel: wlp2s0: RX AssocResp from d4:35:1d:04:38:b5 (capab=0x1411 status=0 aid=5)',
			'Dec 10 19:53:40 host1 kernel: wlp2s0: associated',
			'Dec 10 19:53:41 host1 kernel: iwlwifi 0000:02:00.0: No beacon heard and the time event is over already...',
			'Dec 10 19:53:41 host1 kernel: wlp2s0: Connection to AP d4:35:1d:04:38:b5 lost'
		]);
		expect(facts(f)).toEqual([
			[
				'network.wifi-connection-lost',
				'Wi-Fi connection to the access point lost on wlp2s0',
				'info',
				1
			]
		]);
	});

	it('reads iwlwifi’s older stuck-queue line and iwlagn’s and iwl3945’s command timeouts as a stalled chip', async () => {
		const f = await findingsOf([
			'[  812.345678] iwlwifi 0000:03:00.0: Queue 2 stuck for 2000 ms.',
			'[  920.000001] iwlagn 0000:03:00.0: Error sending REPLY_ADD_STA: time out after 500ms.',
			'[  930.000002] iwl3945 0000:02:00.0: Error sending REPLY_RXON: time out after 500ms.'
		]);
		expect(facts(f)).toEqual([
			['network.wifi-chip-stalled', 'iwlwifi transmit queue stuck', 'medium', 1],
			[
				'network.wifi-chip-stalled',
				'iwlagn firmware did not answer a command in time',
				'medium',
				1
			],
			[
				'network.wifi-chip-stalled',
				'iwl3945 firmware did not answer a command in time',
				'medium',
				1
			]
		]);
		expect(f.map((x) => [x.details.driver, x.details.device])).toEqual([
			['iwlwifi', '0000:03:00.0'],
			['iwlagn', '0000:03:00.0'],
			['iwl3945', '0000:02:00.0']
		]);
	});
});
