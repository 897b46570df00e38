import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';
import { analyzeText } from '../../src/lib/index.ts';

// A file name with a firmware extension (`*.bin`) had been kept whole as a hardware name, so a
// machine's name inside it (`alice-pc-dump.bin`, the name of a log file or of a dump a tool saved)
// stayed in the anonymized report. A firmware file is one a driver asks for: with a folder, or on
// a line that loads firmware. Names here are invented; the firmware lines are the corpus's shapes.
function anonymizer(lines: string[]): Anonymizer {
	const n = new NameCollector();
	for (const l of lines) n.line(l);
	n.host('alice-pc');
	return new Anonymizer(n);
}

const LEARN = [
	'[    1.0] systemd[1]: Hostname set to <alice-pc>.',
	'[    1.1] audit: op=mkdir path=/home/alice/.cache',
	'[    1.2] systemd[1]: Hostname set to <8550u>.'
];

describe('a learned name inside a file name that is no firmware file is replaced', () => {
	it('replaces the host and the user in a bare *.bin name outside firmware lines', () => {
		const a = anonymizer(LEARN);
		expect(a.text('alice-pc-dump.bin')).toBe('<host-1>-dump.bin');
		expect(a.text('crashdump: saved core to alice-pc-dump.bin (12 MB)')).toBe(
			'crashdump: saved core to <host-1>-dump.bin (12 MB)'
		);
		expect(a.text('saving alice-8550u.fw and alice-pc.ucode')).toBe(
			'saving <user-1>-<host-2>.fw and <host-1>.ucode'
		);
	});

	it('keeps firmware files as drivers ask for them, with a folder or on a firmware line', () => {
		const a = anonymizer(LEARN);
		for (const t of [
			'iwlwifi 0000:00:14.3: Direct firmware load for iwlwifi-cc-a0-77.ucode failed with error -2',
			'brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43455-sdio.raspberrypi,3-model-b-plus.txt failed with error -2',
			'[drm] Loading DMUB firmware via PSP: amdgpu/green_sardine_dmcub.bin',
			'Direct firmware load for acme/8550u-fw.bin failed with error -2',
			'cnss_pci 0000:01:00.0: Falling back to sysfs fallback for: 8550u-amss20.bin',
			'wl12xx: ERROR could not get nvs file 8550u-nvs.bin: -2',
			'wlan: [233:E :VOS] ol_transfer_bin_file: transferring file: 8550u.bin size 8124 bytes done!',
			"Bluetooth: hci0: BCM: 'brcm/8550u-0a5c-21f1.hcd'"
		])
			expect(a.text(t), t).toBe(t);
		expect(a.replaced).toEqual({});
	});

	it('takes the line of a multi-line text as the firmware file’s context', () => {
		const a = anonymizer(LEARN);
		expect(a.text('Direct firmware load for 8550u.bin failed\nwrote alice-pc-dump.bin')).toBe(
			'Direct firmware load for 8550u.bin failed\nwrote <host-1>-dump.bin'
		);
	});

	it('replaces the machine in the report’s input name', async () => {
		const log = 'Mar  2 10:00:01 alice-pc kernel: [    1.0] usb 1-2: new full-speed USB device';
		const r = await analyzeText(log, { anonymize: true, name: 'alice-pc-dump.bin' });
		expect(r.input.name).toBe('<host-1>-dump.bin');
		expect(r.input.anonymization.replaced).toEqual({ host: 1 });
	});
});
