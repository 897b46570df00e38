import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';
import { analyzeText } from '../../src/lib/index.ts';

// A real log of the corpus (a Proxmox machine) names the machine as its CPU model's number
// (`Hostname set to <…>.`), and the anonymized report's CPU model read `AMD Ryzen 7 <host-1> with
// Radeon Graphics`. The same shapes here with an invented machine named `8550u`.
const HOSTNAME = '[    6.879657] systemd[1]: Hostname set to <8550u>.';

function collector(lines: string[]): NameCollector {
	const n = new NameCollector();
	for (const l of lines) n.line(l);
	return n;
}

describe('a learned name is not replaced inside hardware, firmware and driver names', () => {
	it('keeps the CPU model, the DMI string, firmware files, module lists and drivers', () => {
		const a = new Anonymizer(collector([HOSTNAME, '[    7.1] r8169 0000:02:00.0 8550u: renamed']));
		for (const t of [
			'smpboot: CPU0: Intel(R) Core(TM) i7-8550U CPU @ 1.80GHz (family: 0x6, model: 0x8e, stepping: 0xa)',
			'DMI: Acme 8550U Book/8550U, BIOS 1.2 05/01/2019',
			'Hardware name: Acme 8550U Book/8550U, BIOS 1.2 05/01/2019',
			'Direct firmware load for acme/8550u-fw.bin failed with error -2',
			'Modules linked in: 8550u snd_hda_intel',
			'usbcore: registered new interface driver 8550u',
			'8550u 0000:00:1f.3: probe failed'
		])
			expect(a.text(t), t).toBe(t);
	});

	it('replaces the name where it stands as the name, also in a line that holds a hardware name', () => {
		const a = new Anonymizer(collector([HOSTNAME]));
		expect(a.text('systemd[1]: Hostname set to <8550u>.')).toBe(
			'systemd[1]: Hostname set to <<host-1>>.'
		);
		expect(a.text('8550u kernel: DMI: Acme 8550U Book/8550U, BIOS 1.2 05/01/2019')).toBe(
			'<host-1> kernel: DMI: Acme 8550U Book/8550U, BIOS 1.2 05/01/2019'
		);
		expect(a.text('Mar 2 10:00:01 8550u kernel: r8169 0000:02:00.0 eth0: link up')).toBe(
			'Mar 2 10:00:01 <host-1> kernel: r8169 0000:02:00.0 eth0: link up'
		);
		expect(a.text('8550u kernel: [    1.0] usb 1-2: new device')).toBe(
			'<host-1> kernel: [    1.0] usb 1-2: new device'
		);
		// an absolute path is no firmware name a driver asks for: its folders may name the machine
		expect(a.text('request_firmware: /srv/tftp/8550u/board.bin missing')).toBe(
			'request_firmware: /srv/tftp/<host-1>/board.bin missing'
		);
		expect(a.replaced).toEqual({ host: 1 });
	});

	it('keeps the report’s CPU model and replaces the host elsewhere', async () => {
		const log = [
			'[    0.309872] smpboot: CPU0: Intel(R) Core(TM) i7-8550U CPU @ 1.80GHz (family: 0x6, model: 0x8e, stepping: 0xa)',
			HOSTNAME
		].join('\n');
		const r = await analyzeText(log, { anonymize: true, name: '8550u-dmesg.txt' });
		expect(r.metadata.cpu).toBe('Intel(R) Core(TM) i7-8550U CPU @ 1.80GHz');
		expect(r.input.name).toBe('<host-1>-dmesg.txt');
		expect(r.input.anonymization.replaced).toEqual({ host: 1 });
	});
});
