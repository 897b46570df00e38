/** Facts that rules decode from a message, checked against the kernel's own meaning. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fsckNeeded } from '../../src/lib/analysis/rules/filesystem.ts';
import { firmwareBug } from '../../src/lib/analysis/rules/firmware.ts';
import { nohzSoftirqPending } from '../../src/lib/analysis/rules/kernel-misc.ts';
import { suspendFailed } from '../../src/lib/analysis/rules/power.ts';
import { xhciDied } from '../../src/lib/analysis/rules/usb.ts';
import { segfault } from '../../src/lib/analysis/rules/userspace-segfault.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';

describe('segfault error codes', () => {
	const decode = (line: string) => segfault.details!(segfault.pattern.exec(line)!);

	it('reads the code as hexadecimal, as show_signal_msg prints it (%lx)', () => {
		const at = (code: string) =>
			decode(
				`geany[53075]: segfault at 7f6b267132c2 ip 00007f6b267132c2 sp 00007ffd1c3c6a68 error ${code} in mime.cache[7f6b2674b000+3000]`
			);
		expect(at('14')).toMatchObject({
			error_code: 0x14,
			error_decoded: 'page not present, read, user mode, instruction fetch'
		});
		expect(at('15').error_decoded).toBe('protection violation, read, user mode, instruction fetch');
		expect(at('6').error_decoded).toBe('page not present, write, user mode');
		expect(at('4').error_decoded).toBe('page not present, read, user mode');
	});
});

describe('segfault mappings', () => {
	const decode = (line: string) => {
		const m = segfault.pattern.exec(line)!;
		return { title: segfault.title(m), ...segfault.details!(m) };
	};

	it('names the file only when the faulting instruction is inside its mapping', () => {
		// ip 7f6b267132c2 lies below mime.cache's mapping: a jump into unmapped memory (real log)
		const outside = decode(
			'geany[53075]: segfault at 7f6b267132c2 ip 00007f6b267132c2 sp 00007ffd1c3c6a68 error 14 in mime.cache[7f6b26719000+29000]'
		);
		expect(outside).toMatchObject({
			title: 'Segfault in geany',
			object: null,
			next_mapping: 'mime.cache'
		});
		const inside = decode(
			'traps: WebKitNetworkPr[5820] general protection fault ip:7f91a8e1d944 sp:7fff1bd83228 error:0 in libc-2.28.so[7f91a8cde000+14d000]'
		);
		expect(inside).toMatchObject({
			title: 'General protection fault in WebKitNetworkPr (libc-2.28.so)',
			object: 'libc-2.28.so'
		});
		expect(inside).not.toHaveProperty('next_mapping');
	});
});

describe('firmware bug titles', () => {
	const title = (line: string) => firmwareBug.title(firmwareBug.pattern.exec(line)!);

	it('keep distinct bugs apart and one bug on several devices together', () => {
		expect(
			title(
				'[Firmware Bug]: Duplicate ACPI video bus devices for the same VGA controller, please try module parameter "video.allow_duplicates=1"if the current driver doesn\'t work.'
			)
		).toBe('Firmware bug reported: Duplicate ACPI video bus devices for the same VGA controller');
		const devices = [
			'ACPI: [Firmware Bug]: Device [CRE0] status [0000000e]: not present and enabled',
			'ACPI: [Firmware Bug]: Device [CRE3] status [0000000f]: not present and enabled'
		].map(title);
		expect(devices).toEqual([
			'Firmware bug reported by ACPI: Device […] status […]: not present and enabled',
			'Firmware bug reported by ACPI: Device […] status […]: not present and enabled'
		]);
		expect(title('[Firmware Bug]: Invalid critical threshold (-274000)')).toBe(
			'Firmware bug reported: Invalid critical threshold'
		);
		// numbers glued to names, and device names in parentheses (review of this rule)
		expect(
			[
				'[Firmware Bug]: TSC ADJUST differs: CPU1 -2030464 --> 0. Restoring',
				'[Firmware Bug]: TSC ADJUST differs: CPU3 -2030464 --> 0. Restoring'
			].map(title)
		).toEqual([
			'Firmware bug reported: TSC ADJUST differs: CPUN -N --> N. Restoring',
			'Firmware bug reported: TSC ADJUST differs: CPUN -N --> N. Restoring'
		]);
		expect(title('[Firmware Bug]: ACPI(GFX0) defines _DOD but not _DOS')).toBe(
			'Firmware bug reported: ACPI(…) defines _DOD but not _DOS'
		);
		expect(title('AMD-Vi: [Firmware Bug]: : No southbridge IOAPIC found')).toBe(
			'Firmware bug reported by AMD-Vi: No southbridge IOAPIC found'
		);
	});

	it('keep a number that is part of a name (P0) and read sources with colons', () => {
		// dioxis33-errors-dmesg-txt.log line 3: the P-state P0, not an instance number
		expect(title("[Firmware Bug]: TSC doesn't count with P0 frequency!")).toBe(
			"Firmware bug reported: TSC doesn't count with P0 frequency"
		);
		// ms912x-dmesg-log.log line 775, syslogs-syslog.log (ACPI video), intel-audio-dmesg-log.log
		expect(title('ACPI: thermal: [Firmware Bug]: Invalid critical threshold (-274000)')).toBe(
			'Firmware bug reported by ACPI: thermal: Invalid critical threshold'
		);
		expect(title('ACPI: video: [Firmware Bug]: ACPI(GFX0) defines _DOD but not _DOS')).toBe(
			'Firmware bug reported by ACPI: video: ACPI(…) defines _DOD but not _DOS'
		);
		// a dev_*() prefix: the driver is named, its device (tpm0) is the detail `device`
		expect(title('tpm tpm0: [Firmware Bug]: TPM interrupt not working, polling instead')).toBe(
			'Firmware bug reported by tpm: TPM interrupt not working, polling instead'
		);
	});

	// intended change: the line had been dropped silently (benign.ts); it is now a routine notice
	// that says why it is harmless, never the generic firmware-bug finding
	it('give the routine _OSI(Linux) line its own routine notice, in both spellings', async () => {
		for (const line of [
			'[    0.1] ACPI: [Firmware Bug]: BIOS _OSI(Linux) query ignored',
			'[    0.1] [Firmware Bug]: ACPI: BIOS _OSI(Linux) query ignored'
		]) {
			const r = await analyzeText(line + '\n');
			expect(
				r.findings.map((f) => [f.rule, f.severity]),
				line
			).toEqual([['firmware.bios-osi-linux', 'info']]);
		}
	});
});

describe('NOHZ softirq mask', () => {
	it('names the pending softirqs', () => {
		const m = nohzSoftirqPending.pattern.exec(
			'NOHZ tick-stop error: Non-RCU local softirq work is pending, handler #08!!!'
		)!;
		expect(nohzSoftirqPending.details!(m)).toEqual({ softirq_mask: '0x08', softirqs: ['NET_RX'] });
		const old = nohzSoftirqPending.pattern.exec('NOHZ: local_softirq_pending 282')!;
		expect(nohzSoftirqPending.details!(old).softirqs).toEqual(['TIMER', 'SCHED', 'RCU']);
	});
});

describe('details collected over occurrences', () => {
	it('lists every device of a driver that failed on several (real tablet log)', async () => {
		const r = await analyzeText(
			[
				'[    1.100000] pca953x: probe of 4-0020 failed with error -121',
				'[    2.200000] pca953x: probe of 2-0020 failed with error -110'
			].join('\n') + '\n'
		);
		const f = r.findings.find((x) => x.rule === 'hardware.driver-probe-failed')!;
		expect(f.count).toBe(2);
		expect(f.details.devices).toEqual(['4-0020', '2-0020']);
		expect(f.details.errors).toEqual([
			'EREMOTEIO (remote I/O error)',
			'ETIMEDOUT (timed out: no answer)'
		]);
	});
});

describe('fsck requests', () => {
	it('give each severity its own title on the same filesystem', () => {
		const at = (msg: string) => {
			const m = fsckNeeded.pattern.exec(`EXT4-fs (sda1): ${msg}`)!;
			return [fsckNeeded.title(m), fsckNeeded.severityOf!(m)];
		};
		expect(
			[
				'warning: mounting fs with errors, running e2fsck is recommended',
				'warning: mounting unchecked fs, running e2fsck is recommended',
				'warning: maximal mount count reached, running e2fsck is recommended',
				'error count since last fsck: 5'
			].map(at)
		).toEqual([
			['EXT4 filesystem on sda1 needs a check (fsck)', 'medium'],
			['EXT4 filesystem on sda1 was mounted unchecked (fsck recommended)', 'low'],
			['EXT4 filesystem on sda1 is due for its periodic check (fsck)', 'info'],
			['EXT4 filesystem on sda1 needs a check (fsck)', 'medium']
		]);
	});
});

/**
 * A message's details (LineRule.details) are computed once, however many steps need them: the
 * device of a held message and then its finding, or the device its context must name and then
 * its finding.
 */
describe('details of a matched message', () => {
	afterEach(() => {
		vi.restoreAllMocks();
	});

	it('are computed once for a held message that becomes its own finding', async () => {
		const details = vi.spyOn(xhciDied, 'details');
		const r = await analyzeText('[ 10.000000] xhci_hcd 0000:3b:00.0: HC died; cleaning up\n');
		const f = r.findings.find((x) => x.rule === 'usb.host-controller-died')!;
		expect(f.details).toMatchObject({ device: '0000:3b:00.0', event: 'HC died; cleaning up' });
		expect(details).toHaveBeenCalledTimes(1);
	});

	it('are computed once for a message whose context must name its device', async () => {
		const details = vi.spyOn(suspendFailed, 'details');
		const r = await analyzeText(
			[
				'[ 10.000000] usb 1-7: USB disconnect, device number 3',
				'[ 10.000100] usb 1-7: Failed to suspend device, error -32'
			].join('\n') + '\n'
		);
		const f = r.findings.find((x) => x.rule === 'power.suspend-failed')!;
		expect(f.severity).toBe('info');
		expect(f.details).toMatchObject({ device: '1-7' });
		expect(details).toHaveBeenCalledTimes(1);
	});
});
