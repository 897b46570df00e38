/**
 * The connection manager's `aborting authentication with … by local choice` after the tries that
 * an access point did not answer ends the same attempt: part of the unanswered attempt's finding,
 * not a finding of its own.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, findingsOf } from '../support/analyze.ts';
import { WIFI_UNANSWERED_TRIES } from '../support/excerpts.ts';

// three tries to an access point that answers none (see WIFI_UNANSWERED_TRIES)
const UNANSWERED_THEN_ABANDONED = WIFI_UNANSWERED_TRIES;

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
