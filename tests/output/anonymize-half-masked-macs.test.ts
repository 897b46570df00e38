import { describe, expect, it } from 'vitest';
import { Anonymizer } from '../../src/lib/util/anonymize.ts';

// Android's bcmdhd prints MACs half masked (its MACDBG format keeps the first two and the last two
// bytes); the bytes left still identify the device and its access point, and had been kept.
describe('half-masked MACs', () => {
	it("replaces bcmdhd's masked MACs, the same masked value by the same placeholder", () => {
		const a = new Anonymizer();
		// logcat-reports-dmesg-txt.log lines 5118, 8681, 8712, 8753 and 8767
		expect(
			a.text(
				'[   26.430755] [pid:592,cpu2,wifi@1.1-servic]BCMDHD:Firmware up: op_mode=0x0405, MAC=dc:72:**:**:1d:5d'
			)
		).toBe(
			'[   26.430755] [pid:592,cpu2,wifi@1.1-servic]BCMDHD:Firmware up: op_mode=0x0405, MAC=<mac-1>'
		);
		// glued to the word before it
		expect(
			a.text(
				'[   34.134216] [pid:1572,cpu3,wpa_supplicant]BCMDHD:Connecting withec:f0:**:**:2c:77 ssid "WIND_2.4G", len (9) with rcc channels \\x0a'
			)
		).toBe(
			'[   34.134216] [pid:1572,cpu3,wpa_supplicant]BCMDHD:Connecting with<mac-2> ssid "<ssid-1>", len (9) with rcc channels \\x0a'
		);
		expect(
			a.text(
				'[   34.360443] [pid:1583,cpu2,wl_event_handle]BCMDHD:wl_bss_connect_done succeeded with ec:f0:**:**:2c:77'
			)
		).toBe(
			'[   34.360443] [pid:1583,cpu2,wl_event_handle]BCMDHD:wl_bss_connect_done succeeded with <mac-2>'
		);
		expect(
			a.text(
				'[   34.735595] [pid:1521,cpu2,kworker/2:2]BCMDHD:dhd_prot_flow_ring_create: Send Flow Create Req flow ID 40 for peer 33:33:**:**:1d:5d prio 0 ifindex 0'
			)
		).toBe(
			'[   34.735595] [pid:1521,cpu2,kworker/2:2]BCMDHD:dhd_prot_flow_ring_create: Send Flow Create Req flow ID 40 for peer <mac-3> prio 0 ifindex 0'
		);
		expect(a.replaced).toEqual({ mac: 3, ssid: 1 });
	});

	it('replaces other masking styles (`xx` or `**` for the first bytes), keeps a MAC masked whole', () => {
		const a = new Anonymizer();
		expect(
			a.text('wlan0: peer xx:xx:xx:xx:ab:cd and **:**:**:**:AB:CD, again XX:XX:XX:XX:ab:cd')
		).toBe('wlan0: peer <mac-1> and <mac-1>, again <mac-1>');
		// amdmsrtweaker-lnx-dmesg-txt.log line 1035: nothing is left to identify
		const whole =
			'[    2.013388] r8169 0000:01:00.0 eth0: RTL8105e, xx:xx:xx:xx:xx:xx, XID 40a, IRQ 26';
		expect(a.text(whole)).toBe(whole);
		// a full MAC is the MAC pass's, as before
		expect(a.text('eth0: 54:e1:ad:12:34:56')).toBe('eth0: <mac-2>');
		expect(a.replaced).toEqual({ mac: 2 });
	});
});
