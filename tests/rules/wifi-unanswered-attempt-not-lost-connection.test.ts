/**
 * iwlwifi's `Not associated and the session protection is over already...` before mac80211's
 * `Connection to AP … lost`: a connection attempt the access point did not answer, not a lost
 * connection; seven of them are no storm of lost connections.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, findingsOf } from '../support/analyze.ts';
import { WIFI_UNANSWERED_TRIES } from '../support/excerpts.ts';

// syslogs-messages-3.log lines 2225-2290, kernel lines only (a Chromebook, 6.6): the client leaves
// a working connection for 02:e4:ce:e6:2e:b1, which answers none of three tries, and joins
// another BSSID of the same router; twice
const ROAM_UNANSWERED = [
	'2026-05-18T18:01:35.501665Z INFO kernel: [  108.435331] wlan0: disconnect from AP 06:e4:ce:e6:2e:b2 for new auth to 02:e4:ce:e6:2e:b1',
	...WIFI_UNANSWERED_TRIES,
	'2026-05-18T18:01:42.382712Z INFO kernel: [  115.317270] wlan0: associate with 06:e4:ce:e6:2e:b2 (try 1/3)',
	'2026-05-18T18:01:42.384684Z WARNING kernel: [  115.319030] iwlwifi 0000:00:14.3: Unhandled alg: 0x707',
	'2026-05-18T18:01:42.384690Z INFO kernel: [  115.319042] wlan0: RX AssocResp from 06:e4:ce:e6:2e:b2 (capab=0x1011 status=30 aid=29)',
	'2026-05-18T18:01:42.384692Z INFO kernel: [  115.319050] wlan0: 06:e4:ce:e6:2e:b2 rejected association temporarily; comeback duration 292 TU (299 ms)',
	'2026-05-18T18:01:42.690699Z INFO kernel: [  115.624269] wlan0: associate with 06:e4:ce:e6:2e:b2 (try 2/3)',
	'2026-05-18T18:01:42.709671Z INFO kernel: [  115.643636] wlan0: deauthenticated from 06:e4:ce:e6:2e:b2 while associating (Reason: 6=CLASS2_FRAME_FROM_NONAUTH_STA)',
	'2026-05-18T18:01:42.875668Z INFO kernel: [  115.809671] wlan0: authenticate with 0a:e4:ce:e6:2e:b3 (local address=dc:45:46:28:9b:c3)',
	'2026-05-18T18:01:42.876742Z INFO kernel: [  115.810477] wlan0: send auth to 0a:e4:ce:e6:2e:b3 (try 1/3)',
	'2026-05-18T18:01:42.979661Z INFO kernel: [  115.914107] wlan0: authenticate with 0a:e4:ce:e6:2e:b3 (local address=dc:45:46:28:9b:c3)',
	'2026-05-18T18:01:42.980660Z INFO kernel: [  115.914499] wlan0: send auth to 0a:e4:ce:e6:2e:b3 (try 1/3)',
	'2026-05-18T18:01:43.001706Z INFO kernel: [  115.935253] wlan0: authenticated',
	'2026-05-18T18:01:43.001714Z INFO kernel: [  115.936273] wlan0: associate with 0a:e4:ce:e6:2e:b3 (try 1/3)',
	'2026-05-18T18:01:43.018698Z INFO kernel: [  115.953088] wlan0: RX AssocResp from 0a:e4:ce:e6:2e:b3 (capab=0x1011 status=0 aid=20)',
	'2026-05-18T18:01:43.037676Z INFO kernel: [  115.971871] wlan0: associated',
	'2026-05-18T18:02:50.731690Z INFO kernel: [  183.666145] wlan0: disconnect from AP 0a:e4:ce:e6:2e:b3 for new auth to 02:e4:ce:e6:2e:b1',
	'2026-05-18T18:02:50.764745Z INFO kernel: [  183.699041] wlan0: authenticate with 02:e4:ce:e6:2e:b1 (local address=dc:45:46:28:9b:c3)',
	'2026-05-18T18:02:50.767760Z INFO kernel: [  183.701401] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 1/3)',
	'2026-05-18T18:02:51.666712Z ERR kernel: [  184.600517] iwlwifi 0000:00:14.3: Not associated and the session protection is over already...',
	'2026-05-18T18:02:51.666753Z INFO kernel: [  184.600558] wlan0: Connection to AP 02:e4:ce:e6:2e:b1 lost',
	'2026-05-18T18:02:52.868742Z INFO kernel: [  185.802444] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 2/3)',
	'2026-05-18T18:02:53.766688Z ERR kernel: [  186.701199] iwlwifi 0000:00:14.3: Not associated and the session protection is over already...',
	'2026-05-18T18:02:53.766722Z INFO kernel: [  186.701233] wlan0: Connection to AP 02:e4:ce:e6:2e:b1 lost',
	'2026-05-18T18:02:54.915745Z INFO kernel: [  187.849812] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 3/3)',
	'2026-05-18T18:02:55.767736Z INFO kernel: [  188.701964] wlan0: aborting authentication with 02:e4:ce:e6:2e:b1 by local choice (Reason: 3=DEAUTH_LEAVING)',
	'2026-05-18T18:02:56.934688Z INFO kernel: [  189.868641] wlan0: authenticate with 06:e4:ce:e6:2e:b2 (local address=dc:45:46:28:9b:c3)'
];

describe('a connection attempt iwlwifi gave up on', () => {
	it('is an unanswered attempt, low, not a lost connection (had been a medium storm of 7 losses)', async () => {
		const r = await analyzeLines(ROAM_UNANSWERED);
		const f = r.findings.filter((x) => x.rule === 'network.wifi-connection-lost');
		expect(f.map((x) => [x.title, x.severity, x.count])).toEqual([
			['Wi-Fi access point did not answer a connection attempt on wlan0', 'low', 4]
		]);
		expect(f[0].details).toMatchObject({
			access_point: '02:e4:ce:e6:2e:b1',
			never_connected: true
		});
		expect(f[0].explanation.meaning).toMatch(/no connection had been made/);
		expect(r.summary.verdict).toBe('minor-issues');
	});

	it('leaves a connection lost without it a lost connection', async () => {
		const f = await findingsOf([
			// ideapad320-15ikb-defconf-genkernel-dmesg.log line 912
			'[ 3299.195191] wlp3s0: Connection to AP 44:4e:6d:d4:ae:61 lost'
		]);
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['Wi-Fi connection to the access point lost on wlp3s0', 'info']
		]);
	});
});
