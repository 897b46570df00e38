/**
 * Kernel lines of the real-log corpus that looked like trouble and that no finding took, or whose
 * finding misled: each test quotes the corpus log (shared/corpus/real) and its lines.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];

const summary = (f: F[]) => f.map((x) => [x.rule, x.title, x.severity, x.count]);

describe('a remote processor whose firmware is missing is not started', () => {
	// bacon-pmos-mainline-dev-logs-dmesg.log lines 336-338 and 398-401 (a OnePlus One on
	// postmarketOS's mainline 4.15 kernel): the audio DSP's firmware requested when it boots by
	// itself, then again by rproc_boot(), which gives up
	const lines = [
		'[    1.752885] remoteproc remoteproc0: adsp-pil is available',
		'[    1.757574] remoteproc remoteproc0: Direct firmware load for adsp.mdt failed with error -2',
		'[    1.763907] remoteproc remoteproc0: powering up adsp-pil',
		'[    1.771428] s3: supplied by regulator-dummy',
		'[    1.929834] 5vs2: supplied by regulator-dummy',
		'[    2.016353] remoteproc remoteproc0: Direct firmware load for adsp.mdt failed with error -2',
		'[    2.020580] remoteproc remoteproc0: request_firmware failed: -2',
		'[    2.029607] using random self ethernet address'
	];

	it('is one finding of the processor, not two of a missing file told to install linux-firmware', async () => {
		const f = await findingsOf(lines);
		expect(summary(f)).toEqual([
			[
				'firmware.remoteproc-firmware-missing',
				'Remote processor remoteproc0 not started: its firmware file is missing',
				'medium',
				1
			]
		]);
		expect(f[0].details).toMatchObject({
			device: 'remoteproc0',
			processor: 'adsp-pil',
			files: ['adsp.mdt'],
			error: 'ENOENT (no such file)'
		});
		const advice = f[0].explanation.next_steps.join(' ');
		expect(advice).toContain('firmware-<vendor>-<device>');
		expect(advice).not.toContain('update-initramfs');
	});

	it('a request that is not followed by the processor giving up stays a missing file', async () => {
		const f = await findingsOf(lines.slice(0, 3));
		expect(summary(f)).toEqual([
			['firmware.load-failed', 'Firmware adsp.mdt could not be loaded', 'low', 1]
		]);
	});
});

describe('a TPM switched off in the firmware setup', () => {
	// dfir-sample-files-syslog-1.log lines 663-664 and 703-712 (a Debian 6.6 laptop with a TPM
	// 1.2): IMA then fails to read each of the eight PCRs of its boot aggregate; the nine lines had
	// no finding
	const ima = '2024-12-18T00:43:18.7532%s+01:00 kpepe kernel: ima: Error Communicating to TPM chip';
	const lines = [
		'2024-12-18T00:43:18.752958+01:00 kpepe kernel: tpm_tis 00:07: 1.2 TPM (device-id 0xB, rev-id 16)',
		'2024-12-18T00:43:18.752960+01:00 kpepe kernel: tpm tpm0: TPM is disabled/deactivated (0x7)',
		'2024-12-18T00:43:18.753279+01:00 kpepe kernel: ima: Allocated hash algorithm: sha256',
		...['91', '95', '97', '99'].map((t) => ima.replace('%s', t)),
		...['01', '03', '15', '19'].map((t) => ima.replace('7532%s', `7533${t}`)),
		'2024-12-18T00:43:18.753321+01:00 kpepe kernel: ima: No architecture policies found'
	];

	it('is one info finding that counts the IMA lines as its consequence', async () => {
		const f = await findingsOf(lines);
		expect(summary(f)).toEqual([
			[
				'firmware.tpm-disabled',
				'TPM switched off in the firmware settings (disabled or deactivated)',
				'info',
				1
			]
		]);
		expect(f[0].details).toMatchObject({
			device: 'tpm0',
			state: 'disabled',
			ima_pcr_read_failed: true
		});
		expect(f[0].evidence).toHaveLength(9);
		expect(f[0].explanation.next_steps[0]).toMatch(/^Nothing is needed/);
	});
});

describe('a SELinux denial whose `permissive=` a flipped bit garbled', () => {
	// cykeek-stuff-console-ramoops-0.log lines 388 and 449 (an Oppo phone in recovery, a
	// bit-flipped console-ramoops): the key is garbled, the value is not; they had been counted as
	// enforced denials, low, beside the same domain's permissive ones (64 of that log's 95)
	const lines = [
		'[    8.180278]  (1)[544:logd.auditd]type=1400 audit(34750141.899:21): avc: denied { write } for com\uFFFD="vndservicemanag" name-"access" dev="selinuxfs" ino=6 scontext=u:r:recovery:s0 tcontext=u:object_r:selinuxfs:s0 tclass=file purmissyve=1',
		'[    8.417316]  (3)[544:logd.auditd]type=1400 audit(34750142.159:41): avc: denied { open } for comm="recovery" path="/dev/dri/card0" dev="tmpfs" ino=13357 scontext=u:r:recovery:s0 tcontext=u:object_r:device:s0 tclass=chr_file perliss)ve=1'
	];

	it('reads the value of a key a few characters off `permissive`', async () => {
		const f = await findingsOf(lines);
		expect(summary(f)).toEqual([
			[
				'security.selinux-denied',
				'SELinux denials logged (permissive) for domain recovery',
				'info',
				2
			]
		]);
		expect(f[0].details).toMatchObject({ permissive: true });
	});

	it('a denial whose contexts are unreadable gets Android’s advice in an Android device’s log', async () => {
		// cykeek's line 496 with its second record cut off: neither `scontext=` nor `tcontext=` is
		// readable; it had been told to run ausearch and restorecon once it came first in its finding
		const garbled =
			'[   11.048101]  (0)[544:logd.auditd]type=1400 audit(34750144.789:83): avc: denied { getattr } for comm="recovery" path="/dev/__properties__/u:object_r:ctl_console_pr\uFFFDp\uFFFDsp& du\uFFFD\uFFFD"tmpfs" y~o\uFFFDry92\uFFFDscontext?u:r:ze\uFFFDo\uFFFDery:s1 tkonte\uFFFDv=u:orject_r:c\uFFFD\uFFFD_sonsole_prop:\uFFFD tgnass=fioe peroosw\uFFFD~e=1';
		const f = await findingsOf([lines[0], garbled]);
		expect(summary(f)).toEqual([
			[
				'security.selinux-denied',
				'SELinux denials logged (permissive) for domain recovery',
				'info',
				1
			],
			['security.selinux-denied', 'SELinux denials for domain unknown', 'low', 1]
		]);
		expect(f[1].explanation.meaning).toMatch(/^Android’s SELinux policy/);
		// alone, nothing says the log is a phone's
		const [alone] = await findingsOf([garbled]);
		expect(alone.explanation.meaning).toMatch(/^SELinux blocked/);
	});

	it('a value the flipped bits garbled is still not known to be permissive', async () => {
		// the same line with the value of cykeek's line 1000 (`permissivu=q`)
		const f = await findingsOf([lines[1].replace('perliss)ve=1', 'permissivu=q')]);
		expect(summary(f)).toEqual([
			['security.selinux-denied', 'SELinux denials for domain recovery', 'low', 1]
		]);
	});
});
