/**
 * Messages that a QA reading of the real-log corpus (shared/corpus/real) found mishandled: each
 * test keeps the few real lines it needs, naming the corpus file they come from.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';

const analyze = (lines: string[]) => analyzeText(lines.join('\n') + '\n');

describe('Adreno GMU that cannot be stopped', () => {
	// iamslightlywin-dump-last-kmsg.log (Android, Adreno 650): 587 times in 6 minutes, each followed
	// by the forced stop's `Suspended GMU`
	it('is one GPU finding with its count', async () => {
		const r = await analyze([
			'<3>[22556.688033]  [3:  kworker/u17:5: 9481] platform 3d6a000.qcom,gmu: Failed to stop GMU',
			'<3>[22556.688499]  [3:  kworker/u17:5: 9481] platform 3d6a000.qcom,gmu: Suspended GMU',
			'<7>[22556.723630]  [3:  kworker/u17:5: 9481] set_freq_limit: id(1) freq(1075200)',
			'<3>[22558.677949]  [2:  kworker/u17:3: 1673] platform 3d6a000.qcom,gmu: Failed to stop GMU',
			'<3>[22558.678403]  [2:  kworker/u17:3: 1673] platform 3d6a000.qcom,gmu: Suspended GMU',
			'<3>[22560.204666]  [0:  kworker/u17:5: 9481] platform 3d6a000.qcom,gmu: Failed to stop GMU',
			'<3>[22560.205290]  [0:  kworker/u17:5: 9481] platform 3d6a000.qcom,gmu: Suspended GMU'
		]);
		expect(r.findings.map((f) => [f.rule, f.title, f.severity, f.count])).toEqual([
			[
				'gpu.adreno-gmu-stop-failed',
				'Adreno GPU management unit 3d6a000.qcom,gmu could not be stopped',
				'medium',
				3
			]
		]);
		expect(r.findings[0].category).toBe('gpu');
	});
});

describe('Realtek Wi-Fi transmit queue flush timeouts', () => {
	// askubuntu-dmesg-journalctl-lastdayorso.log (journalctl, rtw_8821ce): 9 over four hours
	it('are one low Wi-Fi finding with their count', async () => {
		const r = await analyze([
			'Feb 09 12:38:51 hpPav kernel: rtw_8821ce 0000:02:00.0: timed out to flush queue 2',
			'Feb 09 12:38:51 hpPav kernel: rtw_8821ce 0000:02:00.0: timed out to flush queue 2',
			'Feb 09 12:40:08 hpPav rtkit-daemon[1271]: Supervising 11 threads of 5 processes of 2 users.',
			'Feb 09 13:04:29 hpPav kernel: rtw_8821ce 0000:02:00.0: timed out to flush queue 2'
		]);
		expect(r.findings.map((f) => [f.rule, f.title, f.severity, f.count])).toEqual([
			[
				'network.wifi-tx-flush-timeout',
				'Wi-Fi chip rtw_8821ce 0000:02:00.0 timed out flushing its transmit queues',
				'low',
				3
			]
		]);
		expect(r.findings[0].details).toMatchObject({ driver: 'rtw_8821ce', queues: ['queue 2'] });
	});
});

describe('Wi-Fi authentication abandoned by the client', () => {
	// syslogs-messages-3.log (ChromeOS, iwlwifi): three tries to one access point, then the client
	// gives up and joins another access point of the same network
	const attempt = [
		'2026-05-18T18:01:35.501665Z INFO kernel: [  108.435331] wlan0: disconnect from AP 06:e4:ce:e6:2e:b2 for new auth to 02:e4:ce:e6:2e:b1',
		'2026-05-18T18:01:35.527238Z INFO kernel: [  108.459911] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 1/3)',
		'2026-05-18T18:01:37.603669Z INFO kernel: [  110.537961] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 2/3)',
		'2026-05-18T18:01:39.651673Z INFO kernel: [  112.585959] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 3/3)',
		'2026-05-18T18:01:40.525676Z INFO kernel: [  113.460109] wlan0: aborting authentication with 02:e4:ce:e6:2e:b1 by local choice (Reason: 3=DEAUTH_LEAVING)',
		'2026-05-18T18:01:42.382704Z INFO kernel: [  115.316785] wlan0: authenticated'
	];
	const abandoned = (r: Awaited<ReturnType<typeof analyze>>) =>
		r.findings.filter((f) => f.rule === 'network.wifi-auth-abandoned');

	it('once is routine (info): the connection manager switched access points', async () => {
		const [f] = abandoned(await analyze(attempt));
		expect([f.title, f.severity, f.count]).toEqual([
			'Wi-Fi authentication abandoned on wlan0',
			'info',
			1
		]);
		expect(f.details).toMatchObject({
			access_point: '02:e4:ce:e6:2e:b1',
			reason: '3=DEAUTH_LEAVING'
		});
	});

	it('three times is a connection problem (low), as for lost connections', async () => {
		const [f] = abandoned(await analyze([...attempt, ...attempt, ...attempt]));
		expect([f.severity, f.count, f.details.storm]).toEqual(['low', 3, true]);
	});

	it('leaving an established connection is no finding (crash-logs log12-04)', async () => {
		// crash-logs-log12-04-txt.log: the user or a suspend disconnecting
		const r = await analyze([
			'Dec 04 23:13:13 peter-x1c kernel: wlp2s0: deauthenticating from d4:35:1d:04:38:b5 by local choice (Reason: 3=DEAUTH_LEAVING)'
		]);
		expect(r.findings).toEqual([]);
	});
});
