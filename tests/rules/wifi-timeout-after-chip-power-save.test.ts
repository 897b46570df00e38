/**
 * A Wi-Fi interface's failed connection right after its chip's own trouble is one story: the
 * chip (its driver's lines name its bus device) did not wake from power save, the connection
 * dropped and the next attempt timed out. The log ties the interface to the chip by the rename
 * line (`rtw_8821ce 0000:02:00.0 wlp2s0: renamed from wlan0`), and the cascade links them.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../support/analyze.ts';

// askubuntu-dmesg-journalctl-lastdayorso.log, lines 1249 and 4383-4427 (the kernel's lines; the
// host renamed): the rename at boot (the clock was put back an hour later on, hence 12:29), the
// chip stuck in power save twice, the connection lost, a roam to the 2.4 GHz access point lost
// again, then three authentication tries to the 5 GHz one unanswered, 12 s after the first
const RENAMED = 'Feb 09 12:29:06 host1 kernel: rtw_8821ce 0000:02:00.0 wlp2s0: renamed from wlan0';
const STORY = [
	'Feb 09 11:42:36 host1 kernel: rtw_8821ce 0000:02:00.0: firmware failed to leave lps state',
	'Feb 09 11:42:38 host1 kernel: rtw_8821ce 0000:02:00.0: firmware failed to leave lps state',
	'Feb 09 11:42:39 host1 kernel: rtw_8821ce 0000:02:00.0: sta c8:0e:14:ed:b1:07 with macid 0 left',
	'Feb 09 11:42:40 host1 kernel: wlp2s0: authenticate with c8:0e:14:ed:b1:06',
	'Feb 09 11:42:41 host1 kernel: wlp2s0: send auth to c8:0e:14:ed:b1:06 (try 1/3)',
	'Feb 09 11:42:41 host1 kernel: wlp2s0: authenticated',
	'Feb 09 11:42:41 host1 kernel: wlp2s0: associate with c8:0e:14:ed:b1:06 (try 1/3)',
	'Feb 09 11:42:41 host1 kernel: wlp2s0: RX AssocResp from c8:0e:14:ed:b1:06 (capab=0x1431 status=0 aid=2)',
	'Feb 09 11:42:41 host1 kernel: rtw_8821ce 0000:02:00.0: sta c8:0e:14:ed:b1:06 joined with macid 0',
	'Feb 09 11:42:41 host1 kernel: wlp2s0: associated',
	'Feb 09 11:42:43 host1 kernel: rtw_8821ce 0000:02:00.0: sta c8:0e:14:ed:b1:06 with macid 0 left',
	'Feb 09 11:42:44 host1 kernel: wlp2s0: authenticate with c8:0e:14:ed:b1:07',
	'Feb 09 11:42:45 host1 kernel: wlp2s0: send auth to c8:0e:14:ed:b1:07 (try 1/3)',
	'Feb 09 11:42:46 host1 kernel: wlp2s0: send auth to c8:0e:14:ed:b1:07 (try 2/3)',
	'Feb 09 11:42:47 host1 kernel: wlp2s0: send auth to c8:0e:14:ed:b1:07 (try 3/3)',
	'Feb 09 11:42:48 host1 kernel: wlp2s0: authentication with c8:0e:14:ed:b1:07 timed out'
];

describe('a Wi-Fi connection that fails right after its chip stuck in power save', () => {
	it('is linked to the chip the rename line ties its interface to (had been two unrelated findings)', async () => {
		const r = await analyzeLines([RENAMED, ...STORY]);
		const [chip, timeout] = r.findings;
		expect([chip.title, chip.severity]).toEqual([
			'rtw_8821ce firmware stuck in power-save state',
			'medium'
		]);
		expect([timeout.title, timeout.details.chip]).toEqual([
			'Wi-Fi authentication timed out on wlp2s0',
			'0000:02:00.0'
		]);
		expect(r.cascades.map((c) => [c.chain, c.description, c.links[0].certainty])).toEqual([
			[
				[chip.id, timeout.id],
				'rtw_8821ce firmware stuck in power-save state → Wi-Fi authentication timed out on wlp2s0',
				'probable'
			]
		]);
		expect(chip.related).toEqual([timeout.id]);
		expect(r.summary.root_cause).toBe(chip.id);
	});

	it('is not linked when the log does not tie the interface to the chip, or to another one', async () => {
		const other =
			'Feb 09 12:29:06 host1 kernel: mt7921u 1-2:1.3 wlx00c0cab0ffee: renamed from wlan0';
		const otherChip = STORY.map((l) => l.replace(/wlp2s0/g, 'wlx00c0cab0ffee'));
		for (const lines of [STORY, [other, ...otherChip]]) {
			const r = await analyzeLines(lines);
			expect(r.findings.map((f) => f.rule)).toEqual([
				'network.firmware-crash',
				'network.wifi-connect-timeout'
			]);
			expect(r.cascades).toEqual([]);
			expect(r.findings[1].details.chip ?? null).toBe(lines === STORY ? null : '1-2:1.3');
		}
	});

	it('is not linked when the chip recovered more than a minute before', async () => {
		const late = STORY.map((l) =>
			/wlp2s0|macid/.test(l) ? l.replace('Feb 09 11:42:', 'Feb 09 11:44:') : l
		);
		const r = await analyzeLines([RENAMED, ...late]);
		expect(r.cascades).toEqual([]);
		expect(r.findings[1].details.chip).toBe('0000:02:00.0');
	});
});
