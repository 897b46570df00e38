/**
 * Findings whose explanation a fourth QA reading of the real-log corpus (shared/corpus/real)
 * found misleading for the log it was about, with short verbatim excerpts:
 * intel-audio-dmesg-log.log and dfir-sample-files-syslog-1.log (a Wi-Fi or Bluetooth device left
 * without any usable firmware), syslogs-arcvm-console-output.log and logcat-reports-dmesg-txt.log
 * (audit records over Android's rate limit), askubuntu-dmesg-journalctl-lastdayorso.log (rtw88
 * firmware that does not leave its power-save state).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('no usable firmware: the device does not work', () => {
	// intel-audio-dmesg-log.log lines 518 and 553-556 (Comet Lake laptop, Intel Wi-Fi QuZ)
	const iwlwifi = [
		'[    3.294930] iwlwifi 0000:00:14.3: Direct firmware load for iwlwifi-QuZ-a0-jf-b0-72.ucode failed with error -2',
		'[    3.298135] iwlwifi 0000:00:14.3: no suitable firmware found!',
		'[    3.298137] iwlwifi 0000:00:14.3: minimum version required: iwlwifi-QuZ-a0-jf-b0-39',
		'[    3.298140] iwlwifi 0000:00:14.3: maximum version supported: iwlwifi-QuZ-a0-jf-b0-72',
		'[    3.298142] iwlwifi 0000:00:14.3: check git://git.kernel.org/pub/scm/linux/kernel/git/firmware/linux-firmware.git'
	];

	it('says so for iwlwifi, not only that a missing file is often harmless', async () => {
		const f = await findingsOf(iwlwifi);
		const none = f.find((x) => x.title === 'No usable firmware found for iwlwifi')!;
		expect(none.severity).toBe('medium');
		expect(none.explanation.meaning).toMatch(/No usable firmware found.*does not work/);
		expect(none.explanation.next_steps.join(' ')).toMatch(
			/from `minimum_version` to `maximum_version`/
		);
	});

	// dfir-sample-files-syslog-1.log line 1070 (Broadcom BCM43228, Kali 6.6)
	it('names the b43 firmware installer', async () => {
		const f = await findingsOf([
			'2024-12-18T00:43:18.755140+01:00 kpepe kernel: b43-phy0 ERROR: You must go to https://wireless.wiki.kernel.org/en/users/Drivers/b43#devicefirmware and download the correct firmware for this driver version. Please carefully read all instructions on this website.'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['firmware.load-failed', 'No usable firmware found for b43-phy0', 'medium']
		]);
		expect(f[0].explanation.next_steps.join(' ')).toMatch(/firmware-b43-installer/);
	});
});

describe('audit records over the rate limit', () => {
	// syslogs-arcvm-console-output.log lines 796-797 (ChromeOS ARC VM, Android's logd limit)
	it('is low and explained as the rate limit, not a backlog to raise', async () => {
		const f = await findingsOf([
			'[   59.914987] audit: audit_lost=1 audit_rate_limit=5 audit_backlog_limit=64',
			'[   59.921102] audit: rate limit exceeded'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['security.audit-lost', 'Audit records dropped by the rate limit', 'low']
		]);
		expect(f[0].explanation.meaning).toMatch(/rate limit exceeded.*on purpose/);
		expect(f[0].explanation.meaning).toMatch(/Android/);
	});

	// logcat-reports-dmesg-txt.log lines 9214-9215 (Huawei, Kirin 970): the same with a prefix
	it('reads the Huawei caller prefix', async () => {
		const f = await findingsOf([
			'[   46.242889] [pid:587,cpu4,nfc@1.0-service]audit: audit_lost=19 audit_rate_limit=5 audit_backlog_limit=64',
			'[   46.242889] [pid:587,cpu4,nfc@1.0-service]audit: rate limit exceeded'
		]);
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['Audit records dropped by the rate limit', 'low']
		]);
	});
});

describe('rtw88 firmware stuck in its power-save state', () => {
	// askubuntu-dmesg-journalctl-lastdayorso.log lines 4383-4384 (HP Pavilion, RTL8821CE)
	it('explains the power-save state and names the rtw88 module options', async () => {
		const f = await findingsOf([
			'Feb 09 11:42:36 hpPav kernel: rtw_8821ce 0000:02:00.0: firmware failed to leave lps state',
			'Feb 09 11:42:38 hpPav kernel: rtw_8821ce 0000:02:00.0: firmware failed to leave lps state'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			['network.firmware-crash', 'rtw_8821ce firmware stuck in power-save state', 'medium', 2]
		]);
		expect(f[0].explanation.meaning).toMatch(/Leisure Power Save/);
		expect(f[0].explanation.next_steps.join(' ')).toMatch(/rtw88_core disable_lps_deep=y/);
	});
});
