import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';
import { analyzeText, anonymizeReport } from '../../src/lib/index.ts';

// A half-masked MAC (bcmdhd's `dc:72:**:**:1d:5d`, `**:**:**:**:ab:cd`) had a placeholder of its
// own even when the log also printed the full MAC: a reader could not tell they are one device.
describe('half-masked MACs linked to the full MAC', () => {
	it("shares the full MAC's placeholder when its bytes left match exactly one full MAC", () => {
		const n = new NameCollector();
		// logcat-reports-dmesg-txt.log: the same device, masked and in full (bytes made up)
		n.line('[   26.430755] BCMDHD:Firmware up: op_mode=0x0405, MAC=dc:72:**:**:1d:5d');
		n.line('[   27.000000] wlan0: own address dc:72:9b:8a:1d:5d');
		n.line('[   28.000000] wlan0: peer 02:11:22:33:ab:cd');
		expect([...n.macs].sort()).toEqual(['02:11:22:33:ab:cd', 'dc:72:9b:8a:1d:5d']);
		const a = new Anonymizer(n);
		expect(a.text('BCMDHD:Firmware up: op_mode=0x0405, MAC=dc:72:**:**:1d:5d')).toBe(
			'BCMDHD:Firmware up: op_mode=0x0405, MAC=<mac-1>'
		);
		expect(a.text('wlan0: own address dc:72:9b:8a:1d:5d')).toBe('wlan0: own address <mac-1>');
		expect(a.text('peer **:**:**:**:AB:CD and xx:xx:xx:xx:ab:cd, 02:11:22:33:ab:cd')).toBe(
			'peer <mac-2> and <mac-2>, <mac-2>'
		);
		expect(a.replaced).toEqual({ mac: 2 });
	});

	it('keeps a placeholder of its own when two full MACs end the same way, or none does', () => {
		const a = new Anonymizer({
			hosts: [],
			users: [],
			macs: ['02:11:22:33:ab:cd', '02:44:55:66:ab:cd']
		});
		expect(a.text('peer **:**:**:**:ab:cd, 02:11:22:33:ab:cd, 02:44:55:66:ab:cd')).toBe(
			'peer <mac-1>, <mac-2>, <mac-3>'
		);
		expect(a.text('peer **:**:**:**:12:34')).toBe('peer <mac-4>');
	});

	it('links them in a whole report, and in a report anonymized afterwards', async () => {
		// the full MAC in one finding, the masked one in a crash report's lines
		const log = [
			'[    1.000000] wlan0: authentication with 02:11:22:33:ab:cd timed out',
			'[    3.000000] BUG: unable to handle page fault for address: 0000000000000008',
			'[    3.000001] #PF: supervisor read access in kernel mode',
			'[    3.000002] Oops: 0000 [#1] SMP',
			'[    3.000003] CPU: 0 PID: 1 Comm: wpa_supplicant Not tainted 6.1.0 #1',
			'[    3.000004] RIP: 0010:brcmf_rx+0x10/0x20 [brcmfmac]',
			'[    3.000005] Call Trace:',
			'[    3.000006]  brcmf_rx+0x10/0x20 [brcmfmac]',
			'[    3.000007] brcmfmac: peer **:**:**:**:ab:cd',
			'[    3.000008] ---[ end trace 0000000000000000 ]---'
		].join('\n');
		for (const r of [
			await analyzeText(log, { anonymize: true, year: 2023 }),
			anonymizeReport(await analyzeText(log, { year: 2023 }))
		]) {
			const json = JSON.stringify(r);
			expect(json).toContain('authentication with <mac-1> timed out');
			expect(json).toContain('brcmfmac: peer <mac-1>');
			expect(r.input.anonymization.replaced.mac).toBe(1);
		}
	});
});
