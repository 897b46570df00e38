/**
 * The connection manager's `aborting authentication with … by local choice` after the tries that
 * an access point did not answer ends the same attempt: part of the unanswered attempt's finding,
 * not a finding of its own.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, findingsOf } from '../support/analyze.ts';

// syslogs-messages-3.log lines 2236-2250, kernel lines only (a Chromebook, 6.6): three tries to
// 02:e4:ce:e6:2e:b1, two answered by nobody (iwlwifi gives each up), the third cancelled by the
// connection manager before iwlwifi did, then the same router's other BSSID
const UNANSWERED_THEN_ABANDONED = [
	'2026-05-18T18:01:35.524672Z INFO kernel: [  108.458712] wlan0: authenticate with 02:e4:ce:e6:2e:b1 (local address=dc:45:46:28:9b:c3)',
	'2026-05-18T18:01:35.527238Z INFO kernel: [  108.459911] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 1/3)',
	'2026-05-18T18:01:36.426691Z ERR kernel: [  109.360795] iwlwifi 0000:00:14.3: Not associated and the session protection is over already...',
	'2026-05-18T18:01:36.426709Z INFO kernel: [  109.360807] wlan0: Connection to AP 02:e4:ce:e6:2e:b1 lost',
	'2026-05-18T18:01:37.603669Z INFO kernel: [  110.537961] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 2/3)',
	'2026-05-18T18:01:38.502699Z ERR kernel: [  111.436753] iwlwifi 0000:00:14.3: Not associated and the session protection is over already...',
	'2026-05-18T18:01:38.502722Z INFO kernel: [  111.436773] wlan0: Connection to AP 02:e4:ce:e6:2e:b1 lost',
	'2026-05-18T18:01:39.651673Z INFO kernel: [  112.585959] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 3/3)',
	'2026-05-18T18:01:40.525676Z INFO kernel: [  113.460109] wlan0: aborting authentication with 02:e4:ce:e6:2e:b1 by local choice (Reason: 3=DEAUTH_LEAVING)',
	'2026-05-18T18:01:42.326666Z INFO kernel: [  115.261217] wlan0: authenticate with 06:e4:ce:e6:2e:b2 (local address=dc:45:46:28:9b:c3)',
	'2026-05-18T18:01:42.329310Z INFO kernel: [  115.262591] wlan0: send auth to 06:e4:ce:e6:2e:b2 (try 1/3)',
	'2026-05-18T18:01:42.382704Z INFO kernel: [  115.316785] wlan0: authenticated'
];

describe('an attempt abandoned after unanswered tries', () => {
	it('is one finding with the tries, the abort its last line (had been a finding of its own)', async () => {
		const r = await analyzeLines(UNANSWERED_THEN_ABANDONED);
		expect(r.findings.map((f) => [f.rule, f.title, f.severity, f.count])).toEqual([
			[
				'network.wifi-connection-lost',
				'Wi-Fi access point did not answer a connection attempt on wlan0',
				'low',
				2
			]
		]);
		const f = r.findings[0];
		expect(f.occurrences.map((o) => [o.first_line, o.last_line])).toEqual([
			[4, 4],
			[7, 9]
		]);
		expect(f.explanation.meaning).toMatch(/aborting authentication with … by local choice/);
	});

	it('leaves an abort of another access point, or one far after the tries, a finding of its own', async () => {
		const other = UNANSWERED_THEN_ABANDONED.slice(0, 8).concat(
			'2026-05-18T18:01:40.525676Z INFO kernel: [  113.460109] wlan0: aborting authentication with 06:e4:ce:e6:2e:b2 by local choice (Reason: 3=DEAUTH_LEAVING)'
		);
		const far = UNANSWERED_THEN_ABANDONED.slice(0, 8).concat(
			Array.from(
				{ length: 45 },
				(_, i) => `[  113.${100 + i}] loop${i}: detected capacity change from 0 to 8`
			),
			'[  113.460109] wlan0: aborting authentication with 02:e4:ce:e6:2e:b1 by local choice (Reason: 3=DEAUTH_LEAVING)'
		);
		for (const lines of [other, far]) {
			const f = await findingsOf(lines);
			expect(f.map((x) => [x.rule, x.severity])).toEqual([
				['network.wifi-connection-lost', 'low'],
				['network.wifi-auth-abandoned', 'info']
			]);
		}
	});
});
