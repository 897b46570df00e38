import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';

// A phone's hotspot is named after its owner (`Alice's iPhone`; invented names here, the real
// corpus' SSIDs are one word): wpa_supplicant's and NetworkManager's quotes had cut the name at
// its apostrophe, and iwd's unquoted `Connected to network <name>` had not been learned at all
// when it held a space, leaving the owner's name in the report.
describe('Wi-Fi networks named with spaces and an apostrophe', () => {
	const lines = [
		"wlp2s0: Trying to associate with c8:0e:14:ed:b1:07 (SSID='Alice's iPhone' freq=2437 MHz)",
		"NetworkManager[812]: <info>  [1700000000.1234] Config: added 'ssid' value 'Alice's iPhone'",
		"iwd[600]: station: Connected to network Alice's iPhone",
		'iwd[600]: station: Connected to network Home Net 5G'
	];

	it('learns the whole name and replaces it by one placeholder wherever it is written', () => {
		const n = new NameCollector();
		for (const l of lines) n.line(l);
		expect([...n.ssids].sort()).toEqual(["Alice's iPhone", 'Home Net 5G']);
		const a = new Anonymizer(n);
		expect(lines.map((l) => a.text(l))).toEqual([
			"wlp2s0: Trying to associate with <mac-1> (SSID='<ssid-1>' freq=2437 MHz)",
			"NetworkManager[812]: <info>  [1700000000.1234] Config: added 'ssid' value '<ssid-1>'",
			'iwd[600]: station: Connected to network <ssid-1>',
			'iwd[600]: station: Connected to network <ssid-2>'
		]);
		expect(a.text("sync: Alice's iPhone and home net 5g")).toBe('sync: <ssid-1> and <ssid-2>');
	});

	it('still ends a quoted name at its closing quote', () => {
		const n = new NameCollector();
		n.line("wpa_supplicant[700]: wlan0: SSID 'home_net' ssid=\"Longfields\" and 'other'");
		expect([...n.ssids].sort()).toEqual(['Longfields', 'home_net']);
	});
});
